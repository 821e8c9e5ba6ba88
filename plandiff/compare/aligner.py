"""Clause alignment: ``align(a, b) -> Alignment``.

Order of evidence (as in redlines 1.0 and GumTree): identical text first, then fuzzy matches that
are confident on their own, then weaker matches that the tree supports (the parents are paired, or
the label is the same), then position inside paired parents, and last splits and merges
(Gale–Church style: one clause against two adjacent ones, accepted only when the group clearly
beats the single match). Texts are compared on a matching key (case, tone placement, punctuation
folded; years and the plans' own place names masked), never on the stored text. Rare words weigh
more than boilerplate (TF-IDF over both plans' clauses). Candidates come from an inverted index, so
the work grows with the number of plausible pairs, not with the product of the plans' sizes.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import math
import operator
import re
from collections import Counter, defaultdict
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz

from .. import agencies
from ..compiled import dataclass, regex
from ..errors import InputTooLarge, require
from ..gcpause import collector_paused
from ..jurisdictions import same_authority
from ..model import Alignment, Clause, Pair, Plan
from ..textnorm import key_words, match_key
from .candidates import candidates, large
from .cosines import cosine as _cos
from .cosines import cosines

if TYPE_CHECKING:
    from .arrayspace import ArraySpace

SAME_ISSUER = {"confident": 0.80, "accept": 0.55, "context": 0.40, "positional": 0.35, "group_gain": 0.05,
               "summary_gain": 0.05, "summary_sim": 0.30, "review": 0.65}
CROSS = {"confident": 0.80, "accept": 0.60, "context": 0.50, "positional": 0.45, "group_gain": 0.05,
         "summary_gain": 0.0, "summary_sim": 1.0, "review": 0.70}
"""Thresholds on the [0, 1] similarity. "confident": accepted on text alone; "accept": accepted when
nothing better competes; "context": accepted when the parents are paired with each other;
"positional": children in the same position under paired parents; "group_gain": how much a
split/merge group must beat the single match; "summary_gain"/"summary_sim": a clause that
summarises two neighbours must get that much more of its rare words from the second one, which
must also resemble it (off across jurisdictions). Across jurisdictions (text reuse, not versions)
the bars are higher: most clauses have no true partner."""

CONTEXT_BONUS = 0.12
"""Added to a pair's similarity when the two parents are paired with each other."""
TITLE_ALIKE = 0.8
"""Similarity from which two clauses' titles say the same (``_Run.titled_alike``)."""
TITLE_WORDS = 4
"""Words from which a clause's first line is a title that can say what it is about (a shorter one,
"Mục đích", is said by every plan)."""
WHOLE_LIST = 3
"""Children under paired parents from which two lists that correspond pair by position across
authorities at the context bar (``_Run.by_position``)."""
SAME_ROLE = 0.85
"""How alike two agencies' names count when they name one role (``agencies.key_of``) however
differently they are worded: as names that differ in a word or two."""
LABEL_BONUS = 0.03
"""Added when the labels are the same (weak evidence: renumbering is common)."""

MAX_CLAUSES = 10_000
"""Clauses of one plan beyond which it is not compared (bounded time on any input)."""


_YEAR = regex(r"\b(?:19|20)\d\d\b")
_ABBREVIATIONS = {
    "ubnd": "ủy ban nhân dân", "hđnd": "hội đồng nhân dân", "mttq": "mặt trận tổ quốc",
    "lđtbxh": "lao động thương binh và xã hội", "lđ-tb&xh": "lao động thương binh và xã hội",
    "bđg": "bình đẳng giới", "vstbpn": "vì sự tiến bộ của phụ nữ", "lhpn": "liên hiệp phụ nữ",
    "ủy ban nhân các": "ủy ban nhân dân các",
}
"""Expanded for matching only, so "UBND tỉnh" and "Ủy ban nhân dân tỉnh" compare equal."""
_ABBREV_RE = regex(r"(?<!\w)(" + "|".join(re.escape(k) for k in _ABBREVIATIONS) + r")(?!\w)")


@dataclass
class _Node:
    clause: Clause
    index: int
    parent: int | None
    depth: int
    own: str
    body: str
    heading: str
    sub: str
    exact: str
    has_children: bool
    agency: str = ""
    """For an item that names the body responsible ("Sở Tư pháp", "Báo …, Đài …"): its first words."""
    agency_role: str | None = None
    """That body's role (``agencies.key_of``: a province's "Sở Văn hóa, Thể thao và Du lịch" and a
    district's "Phòng Văn hóa - Thông tin" are both "van-hoa"), when the names say one."""
    role: frozenset[str] = frozenset()
    """The standard parts of the plan this clause serves (see ``ROLES``), its own or its ancestor's."""
    own_role: bool = False
    """The role comes from this clause's own heading."""


ROLES = (
    ("purpose", r"mục đích|quan điểm"), ("requirements", r"yêu cầu"), ("objectives", r"mục tiêu|chỉ tiêu"),
    ("scope", r"đối tượng|phạm vi"), ("funding", r"kinh phí|nguồn vốn|ngân sách|nguồn lực tài chính"),
    ("implementation", r"tổ chức thực hiện|trách nhiệm|phân công"), ("reporting", r"chế độ báo cáo|thông tin báo cáo|báo cáo"),
    ("timeframe", r"thời gian|tiến độ"), ("tasks", r"nội dung|nhiệm vụ|giải pháp|hoạt động"),
)
"""The standard parts of a plan, recognised from a short heading ("II. NỘI DUNG THI ĐUA" is the
tasks; "4. Thời gian thực hiện", the time frame). A clause without such a heading takes its
ancestor's part. Across authorities a pair from different parts needs stronger text."""
_ROLE_RES = tuple((name, regex(rf"(?<!\w)(?:{pat})(?!\w)")) for name, pat in ROLES)
ROLE_PENALTY = 0.15
"""Taken off a cross-authority pair whose clauses serve different parts of their plans."""


@functools.lru_cache(maxsize=4096)
def role_of(heading: str) -> frozenset[str]:
    """The parts a short heading names ("mục đích, yêu cầu" → purpose and requirements). Asked of
    the same headings again and again (every stage, every plan of a corpus): remembered."""
    if not heading or len(heading.split()) > 12:
        return frozenset()
    return frozenset(name for name, pattern in _ROLE_RES if pattern.search(heading))


AGENCY_WORDS = ("sở", "ban", "báo", "đài", "công an", "cục", "chi cục", "hội", "ủy ban", "phòng", "trung tâm", "đoàn",
                "liên đoàn", "mặt trận", "thanh tra", "văn phòng", "bộ", "thống kê", "bảo hiểm", "ngân hàng", "tòa án",
                "viện kiểm sát", "quân sự", "bộ chỉ huy", "các sở", "các cơ quan", "các phòng")
"""Words that open the name of an agency: section IV of a plan gives one item per agency."""
_AGENCY = regex(r"^(?:đề nghị\s+)?(?:" + "|".join(re.escape(w) for w in AGENCY_WORDS) + r")\b")


_AGENCY_TYPE = regex(r"^(?:đề nghị\s+)?(?:sở|phòng|chi cục|cục)\s+")


def _agency_key(heading: str) -> str:
    """"Sở Tư pháp" (a province's) and "Phòng Tư pháp" (a district's) are the same line agency."""
    return " ".join(_AGENCY_TYPE.sub("", re.sub(r"^đề nghị\s+", "", heading)).split()[:5])


def _mask(text: str, plan: Plan) -> str:
    j = plan.meta.jurisdiction
    return _masked(text, j.name if j is not None else None, j.level if j is not None else None)


@functools.lru_cache(maxsize=8192)
def _masked(text: str, place: str | None, level: str | None) -> str:
    """``_mask`` of a text for a plan of this place and level: kept, as the page asks again for the
    keys of the clauses the aligner masked (which substitutions are all a pair changed)."""
    # each pattern only where a substring it needs stands (a search in C; most clauses have no
    # abbreviation and no year): the same key, a clause masked in a third less time
    key = match_key(text)
    if any(map(key.__contains__, _ABBREVIATIONS)):
        key = _ABBREV_RE.sub(lambda m: _ABBREVIATIONS[m.group(1)], key)
    if place:
        name = match_key(place)
        if level:
            key = key.replace(f"{level} {name}", " #jur ")
        key = key.replace(name, " #jur ")
        if level and level in key:
            key = _level_word(level).sub(" #jur ", key)
    if "19" in key or "20" in key:
        key = _YEAR.sub("#y", key)
    return " ".join(key_words(key.replace("#", "xx")))


@functools.lru_cache(maxsize=64)
def _level_word(level: str) -> re.Pattern[str]:
    """A level word ("tỉnh", "huyện") standing as a word of its own."""
    return re.compile(rf"(?<!\w){re.escape(level)}(?!\w)")


def matching_key(text: str, plan: Plan) -> str:
    """The text as the aligner compares it: case, tone placement and punctuation folded, the
    plan's own place names, level words and years masked."""
    return _mask(text, plan)


def _nodes(plan: Plan) -> list[_Node]:
    out: list[_Node] = []

    def visit(clause: Clause, parent: int | None, depth: int) -> None:
        idx = len(out)
        paras = clause.text.split("\n")
        own = _mask(clause.text, plan)
        heading = own if len(paras) == 1 else _mask(paras[0], plan)  # one paragraph: its heading is itself
        body = _mask("\n".join(paras[1:]), plan) if len(paras) > 1 else own
        node = _Node(clause, idx, parent, depth, own, body, heading, own,
                     " ".join(clause.text.split()), bool(clause.children))
        if clause.kind == "item" and _AGENCY.match(heading):
            node.agency = _agency_key(heading)
            node.agency_role = agencies.key_of(paras[0])
        own_role = role_of(heading) if (clause.children or len(paras) > 1 or len(heading.split()) <= 6) else frozenset()
        node.role = own_role or (out[parent].role if parent is not None else frozenset())
        node.own_role = bool(own_role)
        out.append(node)
        for child in clause.children:
            visit(child, idx, depth + 1)
        if clause.children:
            # the subtree's key from its children's: each clause is masked once, not once per
            # ancestor (the same words as masking the whole subtree's text)
            node.sub = " ".join(x for x in (own, *(out[k].sub for k in _child_indexes(out, idx))) if x)

    for clause in plan.clauses:
        visit(clause, None, 0)
    return out


def _child_indexes(out: list[_Node], idx: int) -> list[int]:
    """Indexes of the direct children of node ``idx`` (they follow it in pre-order)."""
    depth = out[idx].depth
    kids = []
    for k in range(idx + 1, len(out)):
        if out[k].depth <= depth:
            break
        if out[k].depth == depth + 1:
            kids.append(k)
    return kids


def _features(text: str) -> Counter[str]:
    """Words and word pairs ("x_y"), counted in one pass in C."""
    toks = text.split()
    return Counter(itertools.chain(toks, map("_".join, itertools.pairwise(toks))))


def _tree_features(nodes: list[_Node]) -> dict[str, Counter[str]]:
    """``_features`` of each clause's own text and of each subtree's text, the subtree's counted
    from its parts' words and word pairs: its text is its own and its children's subtrees joined
    by spaces, so its words are theirs in turn and its pairs theirs with one pair at each joint.
    The same counts in the same order, without splitting a subtree again at every level above it."""
    feats: dict[str, Counter[str]] = {}
    words: list[list[str]] = [[] for _ in nodes]
    pairs: list[list[str]] = [[] for _ in nodes]
    children: list[list[int]] = [[] for _ in nodes]
    for n in nodes:
        if n.parent is not None:
            children[n.parent].append(n.index)
    for n in reversed(nodes):  # children before their parent
        w = n.own.split()
        p = list(map("_".join, itertools.pairwise(w)))
        if n.own not in feats:
            feats[n.own] = Counter(itertools.chain(w, p))
        if children[n.index]:
            for k in children[n.index]:
                cw, cp = words[k], pairs[k]
                words[k], pairs[k] = [], []
                if cw:  # an empty subtree is left out of the join
                    if w:
                        p.append(f"{w[-1]}_{cw[0]}")
                    w += cw
                    p += cp
            if n.sub not in feats:
                feats[n.sub] = Counter(itertools.chain(w, p))
        words[n.index], pairs[n.index] = w, p
    return feats


class _Space:
    """TF-IDF vectors over both plans' clause texts, with an inverted index for candidates."""

    def __init__(self, texts: list[str], feats: dict[str, Counter[str]] | None = None):
        self.df: Counter[str] = Counter()
        self.feats: dict[str, Counter[str]] = feats if feats is not None else {}
        """Each distinct text's features, kept until its vector is made (counted once, not twice);
        ``feats``: some of them counted already (``_tree_features``)."""
        for t in texts:
            f = self.feats.get(t)
            if f is None:
                f = self.feats[t] = _features(t)
            self.df.update(f.keys())
        self.n = len(texts)
        # a weight per document frequency (a few dozen of them), handed out in C: the same floats
        weight_of = {d: math.log(1 + self.n / (1 + d)) for d in set(self.df.values())}
        self.idf = dict(zip(self.df, map(weight_of.__getitem__, self.df.values()), strict=True))
        self.unseen = math.log(1 + self.n)
        """The weight of a feature in no indexed text (a heading or body compared on its own)."""

    def vector(self, text: str) -> dict[str, float]:
        f = self.feats.pop(text, None)
        if f is None:
            f = _features(text)
        # in C over every feature (a subtree's text has thousands): idf weights, then the few
        # features counted more than once get their tf factor; the same floats as weighing each
        # feature in turn, summed in the same order
        weights = list(map(self.idf.get, f, itertools.repeat(self.unseen)))
        counts = list(f.values())
        for k in itertools.compress(range(len(counts)), map(operator.gt, counts, itertools.repeat(1))):
            weights[k] = (1 + math.log(counts[k])) * weights[k]
        norm = math.sqrt(sum(map(operator.mul, weights, weights))) or 1.0
        return dict(zip(f, map(operator.truediv, weights, itertools.repeat(norm)), strict=True))

    @staticmethod
    def cosine(x: dict[str, float], y: dict[str, float]) -> float:
        return _cos(x, y)

    @staticmethod
    def cosines(pairs: list[tuple[dict[str, float], dict[str, float]]]) -> list[float]:
        return cosines(pairs)

    @staticmethod
    def coverage(vec: dict[str, float], parts: list[dict[str, float]]) -> float:
        """Share of ``vec``'s squared weight on features that ``parts`` have."""
        have: set[str] = set()
        for part in parts:
            have.update(part)
        total = sum(w * w for w in vec.values()) or 1.0
        return sum(w * w for t, w in vec.items() if t in have) / total


RATIO_SPAN = 3000
"""Characters of a clause's head and of its tail that the edit-distance half of the similarity
sees: it is quadratic in length, and a clause longer than a page is compared by its ends (the
TF-IDF half still sees every word)."""


def _bounded(text: str) -> str:
    return text if len(text) <= 2 * RATIO_SPAN else text[:RATIO_SPAN] + text[-RATIO_SPAN:]


def _similarity(cos: float, ratio: float) -> float:
    """Half the TF-IDF cosine, half the edit-distance ratio (0–100) of the two texts."""
    return 0.5 * cos + 0.5 * ratio / 100.0


def _needs(a: _Node, b: _Node) -> list[tuple[str, str]]:
    """The pairs of texts ``_Scorer._score`` compares for the two clauses (kept beside it)."""
    out = [(a.own, b.own)]
    if a.own and a.own == b.own and a.depth == b.depth:
        return out  # the same text at the same depth: scored 1 on it alone
    if a.has_children or b.has_children:
        out += [(a.heading, b.heading), (a.sub, b.sub)]
    if a.body != a.own or b.body != b.own:
        out.append((a.body, b.body))
        if a.body != a.own and b.body != b.own:
            out.append((a.heading, b.heading))
    if a.clause.kind == b.clause.kind == "section" and len(a.heading) < 60 and len(b.heading) < 60:
        out.append((a.sub, b.sub))
    return out


class _Scorer:
    def __init__(self, na: list[_Node], nb: list[_Node]):
        self.na, self.nb = na, nb
        self.space: _Space | ArraySpace
        if large(na, nb):
            from .arrayspace import ArraySpace

            self.space = ArraySpace(na, nb)
        else:
            texts = [n.own for n in na + nb] + [n.sub for n in na + nb if n.has_children]
            self.space = _Space(texts, {**_tree_features(na), **_tree_features(nb)})
        self.vec: dict[str, Any] = {}
        self.cache: dict[tuple[int, int], float] = {}
        self.sims: dict[tuple[str, str], float] = {}

    def v(self, text: str) -> Any:
        vec = self.vec.get(text)
        if vec is None:
            vec = self.vec[text] = self.space.vector(text)
        return vec

    def sim(self, x: str, y: str) -> float:
        if not x or not y:
            return 0.0
        if x == y:
            return 1.0
        # a heading, body or subtree text recurs in many pairs: each pair of texts is compared once
        key = (x, y)
        got = self.sims.get(key)
        if got is None:
            got = self.sims[key] = _similarity(self.space.cosine(self.v(x), self.v(y)), fuzz.ratio(_bounded(x), _bounded(y)))
        return got

    def prefetch(self, pairs: list[tuple[int, int]]) -> None:
        """Work out at once the text similarities that scoring ``pairs`` will ask for: their
        edit-distance ratios in one call that runs on every core (rapidfuzz's ``cpdist``) and
        their cosines in numpy a group at a time (the space's ``cosines``: the dict space's are the
        floats of one pair at a time, the array space's equal them to rounding). For large plans:
        it needs numpy."""
        import numpy as np
        from rapidfuzz import process

        todo: dict[tuple[str, str], None] = {}
        for i, j in pairs:
            for x, y in _needs(self.na[i], self.nb[j]):
                if x and y and x != y and (x, y) not in self.sims:
                    todo[(x, y)] = None
        if not todo:
            return
        keys = list(todo)
        ratios = process.cpdist([_bounded(x) for x, _ in keys], [_bounded(y) for _, y in keys], scorer=fuzz.ratio,
                                workers=-1, dtype=np.float64).tolist()
        cos = self.space.cosines([(self.v(x), self.v(y)) for x, y in keys])
        for key, c, ratio in zip(keys, cos, ratios, strict=True):
            self.sims[key] = _similarity(c, ratio)

    def coverage(self, text: str, parts: list[str]) -> float:
        """Share of ``text``'s TF-IDF weight found in the features of ``parts``."""
        return self.space.coverage(self.v(text), [self.v(part) for part in parts])

    def score(self, i: int, j: int) -> float:
        key = (i, j)
        if key not in self.cache:
            self.cache[key] = self._score(self.na[i], self.nb[j])
        return self.cache[key]

    def _score(self, a: _Node, b: _Node) -> float:
        # the texts compared here are those ``_needs`` lists: change both together
        own = self.sim(a.own, b.own)
        if own >= 1.0 and a.depth == b.depth:
            return 1.0  # every rule below only raises the best from ``own``, and the score is at most 1
        best = own
        if a.has_children and b.has_children:
            best = max(best, 0.4 * self.sim(a.heading, b.heading) + 0.6 * self.sim(a.sub, b.sub))
        elif a.has_children != b.has_children:
            # a point list folded into one paragraph, or the reverse
            best = max(best, 0.3 * self.sim(a.heading, b.heading) + 0.7 * self.sim(a.sub, b.sub))
        if a.body != a.own or b.body != b.own:
            # an item's body that became a point elsewhere (or the reverse): compare without headings
            best = max(best, 0.95 * self.sim(a.body, b.body))
        if a.body != a.own and b.body != b.own:
            # an agency heading over its tasks: the heading counts apart from the body
            best = max(best, 0.4 * self.sim(a.heading, b.heading) + 0.6 * self.sim(a.body, b.body))
        if a.clause.kind == b.clause.kind == "section" and len(a.heading) < 60 and len(b.heading) < 60:
            # section headings are set phrases: spelling counts more than rare words
            best = max(best, 0.4 * fuzz.ratio(a.heading, b.heading) / 100 + 0.6 * self.sim(a.sub, b.sub))
        if a.agency and b.agency:
            same_agency = fuzz.ratio(a.agency, b.agency) / 100
            if a.agency_role is not None and a.agency_role == b.agency_role:
                # one role under two names (a district's Phòng, a province's Sở; a body renamed)
                same_agency = max(same_agency, SAME_ROLE)
            if same_agency >= 0.8:
                best = max(best, 0.6 * same_agency + 0.4 * own)
        if a.depth != b.depth:
            best -= 0.03 * abs(a.depth - b.depth)
        return max(0.0, min(1.0, best))


@collector_paused()
def align(a: Plan, b: Plan, *, cross: bool | None = None) -> Alignment:
    """Pair the clauses of two plans. ``cross`` (default: decided from the issuers) switches to the
    stricter bars of cross-jurisdiction text reuse."""
    require(a, Plan, "align(a, …)")
    require(b, Plan, "align(…, b)")
    for plan in (a, b):
        n = sum(1 for _ in plan.walk())
        if n > MAX_CLAUSES:
            raise InputTooLarge(f"{plan.name or 'a plan'} has {n:,} clauses; plans have hundreds, and comparing more than "
                                f"{MAX_CLAUSES:,} would take minutes")
    if cross is None:
        ja, jb = a.meta.jurisdiction, b.meta.jurisdiction
        cross = not (ja is None or jb is None or same_authority(ja, jb))
    run = _Run(a, b, cross)
    th = run.th
    # 1. identical text, unique on both sides
    run.identical()
    run.find_candidates()
    # 2. confident on text alone; 3. weaker, helped by the tree
    run.greedy(th["confident"], "fuzzy", bonus=False)
    run.greedy(th["accept"], "fuzzy", bonus=True)
    # across authorities a reader pairs the sections that serve one part of their plans
    if cross:
        run.by_part()
    # across authorities, paired parents are weak evidence (two provinces' lists of tasks under
    # one heading): a weak pair must also keep the order of its neighbours
    run.greedy(th["context"] + CONTEXT_BONUS, "context", bonus=True, need_anchor=cross)
    # 4. titles alike inside paired parents, then position
    run.by_title()
    run.by_position()
    # 5. containers, and 6. splits and merges, then the pairs as the model gives them
    return run.alignment()


class _Run:
    """One alignment under way: the clauses of both plans and their scorer, the pairs taken so far
    (with the rule and the evidence that took each), and the rules, as methods that ``align`` calls
    in the order of evidence."""

    def __init__(self, a: Plan, b: Plan, cross: bool) -> None:
        self.a, self.b, self.cross = a, b, cross
        self.th = CROSS if cross else SAME_ISSUER
        self.na, self.nb = na, nb = _nodes(a), _nodes(b)
        self.scorer = _Scorer(na, nb)
        self.a_to_b: dict[int, int] = {}
        self.b_to_a: dict[int, int] = {}
        self.rule: dict[int, str] = {}
        self.evidence: dict[tuple[int, int], str] = {}
        self.cands: list[tuple[int, int]] = []
        self.children_a = _children(na)
        self.children_b = _children(nb)
        self.roots_a = [n.index for n in na if n.parent is None]
        self.roots_b = [n.index for n in nb if n.parent is None]

    def take(self, i: int, j: int, why: str, note: str = "") -> None:
        self.a_to_b[i] = j
        self.b_to_a[j] = i
        self.rule[i] = why
        self.evidence[(i, j)] = note or f"{why} · text {self.scorer.score(i, j):.2f}"

    def identical(self) -> None:
        """Identical texts, each found once in each plan."""
        na, nb = self.na, self.nb
        seen_a = Counter(n.own for n in na)
        seen_b = Counter(n.own for n in nb)
        by_text = {n.own: n.index for n in nb}
        for n in na:
            if len(n.own) >= 3 and seen_a[n.own] == 1 and seen_b.get(n.own) == 1:
                self.take(n.index, by_text[n.own], "exact")

    def find_candidates(self) -> None:
        """The pairs the fuzzy rules score: clauses sharing rare words, both still free."""
        a_to_b, b_to_a = self.a_to_b, self.b_to_a
        self.cands = [(i, j) for i, j in candidates(self.na, self.nb, self.scorer.space, self.scorer.v)
                      if i not in a_to_b and j not in b_to_a]
        if large(self.na, self.nb):
            self.scorer.prefetch(self.cands)

    def parents_paired(self, i: int, j: int) -> bool:
        pa, pb = self.na[i].parent, self.nb[j].parent
        if pa is None or pb is None:
            return pa is None and pb is None
        return self.a_to_b.get(pa) == pb

    def anchored(self, i: int, j: int) -> bool:
        """A sibling next to ``i`` is paired with the sibling next to ``j`` on the same side: the
        order of the two lists holds around the pair (the evidence a reader uses across plans)."""
        na, nb = self.na, self.nb
        sa = self.children_a[na[i].parent] if na[i].parent is not None else self.roots_a
        sb = self.children_b[nb[j].parent] if nb[j].parent is not None else self.roots_b
        ka, kb = sa.index(i), sb.index(j)
        for step in (-1, 1):
            if 0 <= ka + step < len(sa) and 0 <= kb + step < len(sb) and self.a_to_b.get(sa[ka + step]) == sb[kb + step]:
                return True
        return False

    def titled_alike(self, i: int, j: int) -> bool:
        """Both clauses open with a title (a line above their body or their points) of four words or
        more, and the titles say the same ("Nâng cao năng lực quản lý nhà nước về bình đẳng giới" /
        "Nâng cao năng lực và hiệu quả quản lý nhà nước …"): evidence a reader takes across plans
        without the neighbours'."""
        a, b = self.na[i], self.nb[j]
        titled = all((n.has_children or n.body != n.own) and len(n.heading.split()) >= TITLE_WORDS for n in (a, b))
        return titled and _titles_alike(self.scorer.sim(a.heading, b.heading), a.heading, b.heading)

    def weigh(self, i: int, j: int, bonus: bool) -> tuple[float, bool]:
        """The pair's similarity with the tree's evidence, and whether the parents were paired."""
        s = self.scorer.score(i, j)
        paired = False
        if bonus:
            if self.parents_paired(i, j):
                s += CONTEXT_BONUS
                paired = True
            if self.na[i].clause.label == self.nb[j].clause.label:
                s += LABEL_BONUS
        if self.cross and _parts_differ(self.na[i], self.nb[j]):
            s -= ROLE_PENALTY
        return s, paired

    def in_words(self, i: int, j: int, bonus: bool, paired: bool) -> list[str]:
        """The evidence ``weigh`` counted, in words (written only for the pairs taken)."""
        a, b, cross = self.na[i], self.nb[j], self.cross
        notes = [f"text {self.scorer.score(i, j):.2f}"]
        if a.agency and b.agency and a.agency_role is not None and a.agency_role == b.agency_role:
            notes.append("same body")  # (one role under the names each plan gives it)
        if paired:
            notes.append(f"parents paired +{CONTEXT_BONUS:.2f}")
        if bonus and a.clause.label == b.clause.label:
            notes.append(f"same label +{LABEL_BONUS:.2f}")
        if cross and _parts_differ(a, b):
            notes.append(f"parts differ ({_part(a)} / {_part(b)}) -{ROLE_PENALTY:.2f}")
        elif cross and a.role & b.role:
            notes.append(f"same part ({', '.join(sorted(a.role & b.role))})")
        return notes

    def greedy(self, bar: float, why: str, bonus: bool, *, need_anchor: bool = False) -> None:
        """The free candidates at ``bar`` or above, best first, each taken while both are free."""
        na, nb, a_to_b, b_to_a, cross = self.na, self.nb, self.a_to_b, self.b_to_a, self.cross
        scored = []
        best_other: dict[tuple[str, int], tuple[float, int]] = {}
        for i, j in self.cands:
            if i in a_to_b or j in b_to_a:
                continue
            s, paired = self.weigh(i, j, bonus)
            for side, x, y in (("a", i, j), ("b", j, i)):
                if s > best_other.get((side, x), (-1.0, -1))[0]:
                    best_other[(side, x)] = (s, y)
            weak = cross and self.scorer.score(i, j) < self.th["confident"]
            if s >= bar and not (weak and (_container_for_item(na[i], nb[j], a_to_b, b_to_a, self.children_a,
                                                               self.children_b) or _parts_differ(na[i], nb[j]))):
                scored.append((s, -abs(na[i].depth - nb[j].depth), -i, -j, i, j, paired))
        order = sorted(scored, reverse=True, key=lambda t: t[:6])
        if cross and not need_anchor:
            order = _assignment(order)
        for _s, _, _, _, i, j, paired in order:
            if i not in a_to_b and j not in b_to_a and (not need_anchor or self.anchored(i, j) or self.titled_alike(i, j)):
                notes = self.in_words(i, j, bonus, paired)
                if need_anchor:
                    notes = [*notes, "keeps its neighbours' order" if self.anchored(i, j) else "titled alike"]
                rivals = []
                if (other := best_other.get(("a", i))) is not None and other[1] != j:
                    rivals.append((other[0], nb[other[1]].clause.id))
                if (other := best_other.get(("b", j))) is not None and other[1] != i:
                    rivals.append((other[0], na[other[1]].clause.id))
                beat = max(rivals, default=None)
                self.take(i, j, why, " · ".join([why, *notes, *([f"beat {beat[1]} ({beat[0]:.2f})"] if beat else [])]))

    def by_part(self) -> None:
        """Sections, both still free, that are each their plan's only section of one part ("II.
        CÁC NHIỆM VỤ CHỦ YẾU" of a district's plan, "II. NỘI DUNG" of a province's: the tasks),
        paired as a reader pairs them across authorities whatever their headings' words — those
        whose parts agree most first ("PHẠM VI, ĐỐI TƯỢNG VÀ NỘI DUNG" goes with "NỘI DUNG" rather
        than with "THỜI GIAN VÀ PHẠM VI")."""
        def sections_by_part(roots: list[int], nodes: list[_Node]) -> dict[str, list[int]]:
            out: dict[str, list[int]] = {}
            for r in roots:
                if nodes[r].clause.kind == "section" and nodes[r].own_role:
                    for part in nodes[r].role:
                        out.setdefault(part, []).append(r)
            return out

        in_a, in_b = sections_by_part(self.roots_a, self.na), sections_by_part(self.roots_b, self.nb)
        pairs = {(in_a[part][0], in_b[part][0]) for part in in_a.keys() & in_b.keys()
                 if len(in_a[part]) == len(in_b[part]) == 1}
        ranked = []
        for i, j in pairs:
            ra, rb = self.na[i].role, self.nb[j].role
            ranked.append((len(ra & rb) / len(ra | rb), self.scorer.score(i, j), -i, -j, i, j))
        for agree, _, _, _, i, j in sorted(ranked, reverse=True):
            if i not in self.a_to_b and j not in self.b_to_a:
                parts = ", ".join(sorted(self.na[i].role & self.nb[j].role))
                self.take(i, j, "part", f"part · each side's only section of its part ({parts}; parts agree {agree:.2f}) · "
                                        f"text {self.scorer.score(i, j):.2f}")

    def by_title(self) -> None:
        """Free children of paired parents whose titles say the same ("Tổ chức triển khai các chương
        trình, kế hoạch nhằm thúc đẩy …" / "Tổ chức triển khai các chương trình, đề án nhằm thúc đẩy
        … và các chương trình, đề án liên quan"): a reader pairs them by their titles, however
        differently each plan goes on under its title (a paragraph of its own, or points) — each
        with the one whose title is most alike."""
        found: list[tuple[float, int, int, int, int]] = []
        for i, j in self.cands:  # (the candidates: clauses that share rare words, as a title's would)
            if (i not in self.a_to_b and j not in self.b_to_a and self.na[i].parent is not None
                    and self.parents_paired(i, j) and self.titled_alike(i, j)):
                found.append((self.scorer.sim(self.na[i].heading, self.nb[j].heading), -i, -j, i, j))
        for sim, _, _, i, j in sorted(found, reverse=True):
            if i not in self.a_to_b and j not in self.b_to_a:
                self.take(i, j, "title", f"title · parents paired · titled alike ({sim:.2f}) · text {self.scorer.score(i, j):.2f}")

    def by_position(self) -> None:
        """Free children in the same place under paired parents, as many on both sides."""
        th, cross, scorer = self.th, self.cross, self.scorer
        for pa, pb in sorted(self.a_to_b.items()):
            free_a = [i for i in self.children_a[pa] if i not in self.a_to_b]
            free_b = [j for j in self.children_b[pb] if j not in self.b_to_a]
            if len(free_a) == len(free_b):
                zipped = list(zip(free_a, free_b, strict=True))
                # across authorities a position is evidence only when the two lists correspond as a
                # whole — each pair at the positional bar, or, in lists of three or more, each at the
                # bar a pair under paired parents clears ("Tăng cường sự lãnh đạo của Đảng, phát huy …"
                # / "Tăng cường sự lãnh đạo của Đảng, đẩy mạnh …": a province's programme that
                # carries out the centre's, its sections in the same order) — or the pair keeps the
                # order of an anchored neighbour
                scores = [scorer.score(i, j) for i, j in zipped]
                listed = cross and len(scores) >= WHOLE_LIST and all(s + CONTEXT_BONUS >= th["context"] for s in scores)
                whole = listed or all(s >= th["positional"] for s in scores)
                for (i, j), s in zip(zipped, scores, strict=True):
                    same_label = _label_key(self.na[i].clause.label) == _label_key(self.nb[j].clause.label)
                    if s >= th["positional"] or listed or (same_label and not cross and s >= th["positional"] - 0.1):
                        if not cross or whole or self.anchored(i, j):
                            self.take(i, j, "position")

    def alignment(self) -> Alignment:
        """The links of the rules so far, with containers and splits and merges, as pairs."""
        na, nb, scorer, th, cross = self.na, self.nb, self.scorer, self.th, self.cross
        a_to_b, b_to_a = self.a_to_b, self.b_to_a
        links: list[tuple[int, int, str]] = [(i, j, self.rule[i]) for i, j in sorted(a_to_b.items())]
        # 5. containers whose children went to one container of the other side (agencies merged or split)
        links += _containers(na, nb, a_to_b, self.children_a, scorer, "container", cross=cross, taken=set(b_to_a))
        links += _containers(nb, na, b_to_a, self.children_b, scorer, "container", swap=True, cross=cross,
                             taken=set(a_to_b))
        # 6. splits and merges of leaves: one clause against itself plus a free neighbour of the other side
        links += _groups(na, nb, a_to_b, b_to_a, scorer, th, {(i, j) for i, j, _ in links})

        first_rule: dict[tuple[int, int], str] = {}
        for i, j, why in links:
            first_rule.setdefault((i, j), why)
        if cross:
            # a heading whose own items are paired elsewhere is not the same provision as one item,
            # unless their words say it is
            paired_a, paired_b = {i for i, _ in first_rule}, {j for _, j in first_rule}
            first_rule = {(i, j): why for (i, j), why in first_rule.items()
                          if scorer.score(i, j) >= th["confident"]
                          or not _container_for_item(na[i], nb[j], {x: 0 for x in paired_a}, {y: 0 for y in paired_b},
                                                     self.children_a, self.children_b)}
        count_a = _branches(list(first_rule), nb)
        count_b = _branches([(j, i) for i, j in first_rule], na)
        pairs: list[Pair] = []
        for (i, j), why in sorted(first_rule.items()):
            p = _pair(na[i], nb[j], scorer.score(i, j), why, self.parents_paired(i, j), th,
                      self.evidence.get((i, j)) or f"{why} · text {scorer.score(i, j):.2f}")
            if count_a[i] > 1 or count_b[j] > 1:
                kind = "split" if count_a[i] > 1 else "merged"
                p = replace(p, kind=kind)
            pairs.append(p)
        paired_a = {p.a for p in pairs}
        paired_b = {p.b for p in pairs}
        return Alignment(
            a=self.a, b=self.b, pairs=tuple(pairs),
            removed=tuple(n.clause.id for n in na if n.clause.id not in paired_a),
            added=tuple(n.clause.id for n in nb if n.clause.id not in paired_b),
            cross=cross, thresholds=dict(th),
        )


def _branches(links: list[tuple[int, int]], other: list[_Node]) -> Counter[int]:
    """How many separate places each clause went to: a heading and its own child count once (an
    item whose heading stayed while its body became a point is not a split)."""
    partners: dict[int, set[int]] = defaultdict(set)
    for x, y in links:
        partners[x].add(y)

    def inside(y: int, others: set[int]) -> bool:
        p = other[y].parent
        while p is not None:
            if p in others:
                return True
            p = other[p].parent
        return False

    return Counter({x: sum(1 for y in ys if not inside(y, ys)) for x, ys in partners.items()})


def _children(nodes: list[_Node]) -> dict[int, list[int]]:
    out: dict[int, list[int]] = defaultdict(list)
    for n in nodes:
        if n.parent is not None:
            out[n.parent].append(n.index)
    return out


def _containers(nx: list[_Node], ny: list[_Node], x_to_y: dict[int, int], children_x: dict[int, list[int]],
                scorer: _Scorer, why: str, *, swap: bool = False, cross: bool = False,
                taken: set[int] | None = None) -> list[tuple[int, int, str]]:
    """An unpaired container whose paired children mostly went under one container of the other
    side (at its own depth) is linked to it: the heading followed its content. Items of the other
    side that went whole under it (their text is one of its children) are linked to it too.

    Across authorities a heading pairs with at most one heading, a free one, and never with a
    single item: two plans' headings are not versions of each other, so a merge is no reading."""
    out: list[tuple[int, int, str]] = []
    for x in nx:
        if x.index in x_to_y or not x.has_children:
            continue
        votes: Counter[int] = Counter()
        for c in children_x[x.index]:
            y = x_to_y.get(c)
            while y is not None and ny[y].depth > x.depth:
                y = ny[y].parent
            if y is not None and ny[y].depth == x.depth:
                votes[y] += 1
        if not votes:
            continue
        paired = sum(1 for c in children_x[x.index] if c in x_to_y)

        heading_sim = {y: scorer.sim(x.heading, ny[y].heading) for y in votes}
        target, n = max(votes.items(), key=lambda kv: (kv[1], heading_sim[kv[0]]))
        targets = {target} if n / paired >= 0.5 and (n >= 2 or heading_sim[target] >= 0.4) else set()
        if cross:
            targets = {y for y in targets if ny[y].has_children and y not in (taken or set())}
        else:
            # an item that went whole (no children of its own) under this container merged into it
            targets |= {y for y in votes if not ny[y].has_children}
        out.extend((y, x.index, why) if swap else (x.index, y, why) for y in sorted(targets))
    return out


def _titles_alike(sim: float, x: str, y: str) -> bool:
    """Two titles say the same: alike in their rare words, or in their spelling (one word of a
    long title changed: "kế hoạch" / "đề án")."""
    return sim >= TITLE_ALIKE or fuzz.ratio(x, y) / 100 >= TITLE_ALIKE


def _label_key(label: str) -> str:
    return label.strip().rstrip(".)").lower()


def _parts_differ(a: _Node, b: _Node) -> bool:
    """The two clauses serve different parts of their plans (objectives against an agency's
    duties): their parts share nothing, or only one of them names the agency responsible."""
    if a.role and b.role and not a.role & b.role:
        return True
    return a.clause.kind == b.clause.kind == "item" and bool(a.agency) != bool(b.agency) and bool(a.role & b.role) is False


def _part(n: _Node) -> str:
    return ", ".join(sorted(n.role)) or ("agency" if n.agency else "?")


def _assignment(scored: list[tuple]) -> list[tuple]:
    """The candidates a global assignment keeps: in each group of candidates that compete for the
    same clauses, the matching of greatest total similarity (networkx's maximum-weight matching),
    not the best pair first. Uncontested candidates pass as they are; order is kept."""
    by_a: dict[int, list[int]] = defaultdict(list)
    by_b: dict[int, list[int]] = defaultdict(list)
    for k, t in enumerate(scored):
        by_a[t[4]].append(k)
        by_b[t[5]].append(k)
    contested = [k for k, t in enumerate(scored) if len(by_a[t[4]]) > 1 or len(by_b[t[5]]) > 1]
    if not contested:
        return scored
    import networkx as nx  # a core dependency, loaded when a choice has to be made

    graph = nx.Graph()
    for k in contested:
        _, _, _, _, i, j, _ = scored[k]
        graph.add_edge(("a", i), ("b", j), weight=scored[k][0], k=k)
    contested_set = set(contested)
    keep = {k for k in range(len(scored)) if k not in contested_set}
    for component in nx.connected_components(graph):
        sub = graph.subgraph(component)
        if sub.number_of_nodes() > MATCHING_LIMIT:
            # the matching is cubic in the group's size: a group this large (boilerplate repeated
            # hundreds of times) keeps the greedy order, best pair first
            keep.update(d["k"] for _, _, d in sub.edges(data=True))
            continue
        for u, v in nx.max_weight_matching(sub):
            keep.add(sub.edges[u, v]["k"])
    return [t for k, t in enumerate(scored) if k in keep]


MATCHING_LIMIT = 120
"""Clauses in one group of competing candidates beyond which the global matching gives way to the
greedy order (bounded time on any input)."""


def _container_for_item(a: _Node, b: _Node, a_to_b: dict[int, int], b_to_a: dict[int, int],
                        children_a: dict[int, list[int]], children_b: dict[int, list[int]]) -> bool:
    """A heading against a single item while the heading's own items are paired elsewhere."""
    if a.has_children == b.has_children:
        return False
    if a.has_children:
        return any(c in a_to_b for c in children_a[a.index])
    return any(c in b_to_a for c in children_b[b.index])


def _pair(a: _Node, b: _Node, score: float, why: str, parents_ok: bool, th: dict[str, float], evidence: str = "") -> Pair:
    renumbered = _label_key(a.clause.label) != _label_key(b.clause.label)
    edited = a.exact != b.exact
    if renumbered or not parents_ok:
        kind = "moved"
    elif edited:
        kind = "modified"
    else:
        kind = "unchanged"
    return Pair(a.clause.id, b.clause.id, kind, score, why, renumbered, not parents_ok, edited,  # type: ignore[arg-type]
                review=score < th["review"], evidence=evidence)


def _groups(na: list[_Node], nb: list[_Node], a_to_b: dict[int, int], b_to_a: dict[int, int],
            scorer: _Scorer, th: dict[str, float], linked: set[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """A free leaf next to a paired sibling: keep the group (x ~ partner + free leaf) when the
    joined text is clearly closer than the single partner and the free leaf is mostly covered."""
    out: list[tuple[int, int, str]] = []
    taken_a = {i for i, _ in linked}
    taken_b = {j for _, j in linked}
    for side, nodes_x, nodes_y, x_to_y, taken_y in (("split", na, nb, a_to_b, taken_b), ("merge", nb, na, b_to_a, taken_a)):
        # the pairs of x's leaves by the parent of their partner, in the partners' order: a free leaf
        # looks only at its siblings' partners near it (no farther than the largest family among
        # them), taken in pairing order — not at every pair, nor at every sibling's
        by_parent: dict[int | None, list[tuple[int, int, int, int]]] = defaultdict(list)
        for seq, (x_index, partner) in enumerate(x_to_y.items()):
            if not nodes_x[x_index].has_children:
                by_parent[nodes_y[partner].parent].append((partner, seq, x_index, partner))
        reach: dict[int | None, int] = {}
        for parent, entries in by_parent.items():
            entries.sort()
            reach[parent] = max(1 + len(nodes_y[partner].clause.children) for partner, *_ in entries)
        for y in nodes_y:
            if y.index in taken_y or not y.own or y.has_children:
                continue
            best = None
            entries = by_parent.get(y.parent, [])
            lo = bisect.bisect_left(entries, (y.index - reach.get(y.parent, 0),))
            hi = bisect.bisect_right(entries, (y.index + reach.get(y.parent, 0) + 1,))
            near = sorted(e[1:] for e in entries[lo:hi])
            for _seq, x_index, partner in near:
                x = nodes_x[x_index]
                p = nodes_y[partner]
                if abs(p.index - y.index) > 1 + len(p.clause.children):
                    continue
                single = scorer.sim(x.own, p.own)
                if single >= 0.97:
                    continue
                joined = scorer.sim(x.own, f"{p.own} {y.own}" if p.index < y.index else f"{y.own} {p.own}")
                gain = joined - single
                if gain >= th["group_gain"] and _bigram_share(y.own, x.own) >= 0.6 and (best is None or gain > best[0]):
                    best = (gain, x)
                    continue
                # a summary of two neighbours ("hội thảo, tọa đàm, gặp mặt, đối thoại" for a point on
                # workshops and one on a dialogue): the neighbour adds the rare words it alone covers
                added = scorer.coverage(x.own, [p.own, y.own]) - scorer.coverage(x.own, [p.own])
                if (th["summary_gain"] and added >= th["summary_gain"] and scorer.sim(y.own, x.own) >= th["summary_sim"]
                        and (best is None or added > best[0])):
                    best = (added, x)
            if best is not None:
                x = best[1]
                taken_y.add(y.index)
                out.append((x.index, y.index, "split") if side == "split" else (y.index, x.index, "merge"))
    return out


def _bigram_share(part: str, whole: str) -> float:
    """Share of ``part``'s word bigrams found in ``whole``."""
    p = part.split()
    w = whole.split()
    grams = {f"{x} {y}" for x, y in itertools.pairwise(p)}
    if not grams:
        return 0.0
    have = {f"{x} {y}" for x, y in itertools.pairwise(w)}
    return len(grams & have) / len(grams)
