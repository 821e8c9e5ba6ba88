"""Letters a PDF drew from a fallback font, in text copied out of it: put back where they belong.

An office suite or a browser draws the letters a Western font lacks ("ộ", "ơ", "ư" …) from a
fallback font; a tool that reads the PDF's text (pypdf, pypdfium2, pdftotext, a viewer's copy)
may then stand them apart in place ("Th ự c hi ệ n"), split a syllable before them ("b ản"), or
read them after the rest of their line ("C NG HÒA XÃ H IỘ Ộ"). Each repair is made only where
the text shows that pattern throughout: a text typed as it reads is left as it is.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter

from ..compiled import dataclass, regex
from .syllables import is_syllable, is_whole_syllable, rarity, zipf

_VOWELS = set("aeiouyăâêôơư")


FALLBACK_LETTERS = "ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹơưẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸƠƯ"
"""The Vietnamese letters a font made for Western languages lacks (those outside Latin-1 and
Latin Extended-A): a browser's or an office suite's PDF draws them from a fallback font."""
@functools.cache
def _fallback() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Fallback letters standing apart, and any fallback letter (compiled on first use: a text
    typed as it reads shows it needs neither in one look)."""
    return (regex(r"(?<![^ \n])[" + FALLBACK_LETTERS + r"]{1,3}(?![^ \n])"),
            regex(r"[" + FALLBACK_LETTERS + r"]"))


PAIR_ODDS = 9.5
"""How much likelier (Zipf points: log10) two syllables must be as two words than as the one they
make together, for a split text's pair to stay apart: frequencies are per billion words (9), and
two words in a row are less likely than their frequencies multiplied."""
SPLIT_SIGNS = 10
"""Syllables split before a fallback letter after a consonant alone ("s ố", "b ản", "Th ương") that
tell a text split them all: a text typed as it reads has none."""


@functools.cache
def _split_before() -> re.Pattern[str]:
    """A word's letters, a space, and letters that open on a fallback one (compiled on first use)."""
    return regex(r"(?<![^\W\d_])([^\W\d_]+) ([" + FALLBACK_LETTERS + r"][^\W\d_]*)(?![^\W\d_])")


def rejoin_split_syllables(text: str) -> str:
    """A text whose tool put a space before each fallback letter (pdftotext of an office suite's
    PDF: "b ản", "li ệu", "Th ương", "s ố"), each such syllable whole again: where the two pieces
    make one syllable as Vietnamese spells one, unless both are syllables likelier as two words
    than as the one ("li ệu" is "liệu", "hu ấn" "huấn"; "đáp ứng", "việc Ủy" stay, "đápứng" being
    none). Only where syllables split after a consonant alone are many: a text typed as it reads
    has none."""
    sample = text[:DISPLACED_SAMPLE]
    if "c ủa" not in sample and "s ố" not in sample and "hi ện" not in sample and "c ấp" not in sample:
        return text  # ("của", "số", "hiện", "cấp" split so: a split text's first page holds one; a look tells)
    pattern = _split_before()
    signs = sum(1 for m in pattern.finditer(sample) if not _VOWELS & set(m.group(1).lower())
                and is_whole_syllable((m.group(1) + m.group(2)).lower()))
    if signs < SPLIT_SIGNS:
        return text

    def join(m: re.Match[str]) -> str:
        head, piece = m.group(1), m.group(2)
        whole = head + piece
        low = whole.lower()
        if not (whole.islower() or whole.isupper() or whole[1:].islower()) or not is_whole_syllable(low):
            return m.group(0)
        if (is_whole_syllable(head.lower()) and is_whole_syllable(piece.lower())
                and zipf(head.lower()) + zipf(piece.lower()) > zipf(low) + PAIR_ODDS):
            return m.group(0)  # two words likelier than the one: "thu ở" stays
        return whole

    return pattern.sub(join, text)


def rejoin_fallback_letters(text: str) -> str:
    """A text copied out of a PDF whose fallback-font letters stand apart ("Th ự c hi ệ n Quy ế t
    đ ị nh s ố  2437": the layer's runs are the fonts' runs, a space put after a run that does not
    end in one), each such letter joined to its word again. The space after one is always the
    layer's (a word's own space is a second: "s ố  2437" is "số 2437"); the one before it is the
    layer's where the letters on both sides make one syllable with it ("Th ự c" is "Thực"), a
    word's own where they do not ("trực Ủy", "các ở", "TTg. Ủy"). Only where most of the text's
    fallback letters stand apart so: a text typed as it reads has almost none alone."""
    sample = text[:8_000]
    if " ệ " not in sample:
        return text  # ("hiện", "việc", "nghiệp": such a text holds " ệ " on its first page; one look tells)
    lone_letters, any_fallback = _fallback()
    lone = len(lone_letters.findall(sample))
    if lone < 20 or lone < 0.5 * len(any_fallback.findall(sample)):
        return text
    out: list[str] = []  # the text so far, a character an item (its last word is looked at)
    pos = 0
    for m in lone_letters.finditer(text):
        a, b = m.span()
        out.extend(text[pos:a])
        if len(out) >= 2 and out[-1] == " " and out[-2].isalpha():
            k = len(out) - 1
            while k > 0 and out[k - 1].isalpha():
                k -= 1
            j = b + 1
            if text[b:b + 1] == " ":  # the letters after it, the layer's space between
                while j < len(text) and text[j].isalpha():
                    j += 1
            word = ("".join(out[k:-1]) + m.group() + text[b + 1:j]).lower()
            # (the Central Highlands' names end in "k": "Đắk Lắk" reads as "đắc", "lắc" do)
            if is_syllable(word) or (word.endswith("k") and is_syllable(word[:-1] + "c")):
                out.pop()  # the layer's space: the letter goes on the word before it
        out.extend(m.group())
        pos = b + 1 if text[b:b + 1] == " " else b  # the space after it is always the layer's
    out.extend(text[pos:])
    return "".join(out)


_ODD = "ǕǖǗǘǙǚǛǜǶ"
"""Letters a PDF tool may read a fallback glyph as (pypdf: "ǜ" for "ũ", "Ƕ" for "ỳ"): no Vietnamese
text writes them; in a run they hold a hole whose letter is not known."""
_RUN_END = r"(?:(?= |$)|(?<=[" + FALLBACK_LETTERS[:FALLBACK_LETTERS.index("Ạ")] + r"])(?=[;,.:)A-ZĐ]))"
"""What follows a run: a space, the line's end, or after a small letter the next text run of its
line, glued on ("ủở ơ ở; Ch  th", "ệ ả ềTh c hi n"; a capital's run is followed by a space: "CỘNG"
and "BỘ," are words)."""
_RUN = r"[" + FALLBACK_LETTERS + _ODD + r"]{1,3}(?: [" + FALLBACK_LETTERS + _ODD + r"]{1,3})*" + _RUN_END
"""Fallback letters one after another, a space between each, up to a space or the line's end."""
_ODD_LOWER = _ODD.lower()
_STAND_INS = "aăâeêioôơuưy"
"""What an odd letter (``_ODD``) may stand for, toneless: a vowel."""
_MID_WORD = r"[" + FALLBACK_LETTERS + r"](?![" + FALLBACK_LETTERS + r"])(?=\w)"
"""A fallback letter inside a word: another letter after it ("hiện"; "ướ" of "tướng" is one hole's)."""
DISPLACED_SAMPLE = 8_000
"""The characters of a text that tell whether its fallback letters were moved to its lines' ends."""
MAX_HOLES = 24
"""The most runs of letters a stretch of a line gets back, and a quarter of the spaces it may
hold (a longer one is no line of a page: left as it is)."""
STATES_PER_CHAR = 6
"""The placings a text may weigh for each of its characters (a plan weighs two or three), and
``MAX_STATES`` at most: past them the rest of the text is left as it is, so that no text takes
long (a placing weighs some 15 µs)."""
MAX_STATES = 600_000
_PUNCTUATION = ".,;:!?()[]{}\"'“”‘’-–/*…"
_OPENING = ("(", "[", "“", "\"", "‘", "'", "((")
_CLOSING = ".,;:!?)]”\"’'…/"
"""Punctuation alone that opens a word after it, or closes one before it (``_glues``)."""
_ALONE_WORDS = frozenset({"ở"})
"""Fallback letters that make a word by themselves often: "ở" (at, in)."""
_INSIDE = r"[/\-–]"
_LABEL = r"^(?:[a-zđ]|\d{1,2}(?:\.\d{1,2})*|[IVXL]{1,5})[.)]$"
"""A clause's label standing before its text ("a)", "1.2.", "IV.")."""
_DOUBLE_SPACE = r"\S  \S"
_NOTE_MARK = regex(r"(?<=[^\W\d_])(?:\[\d{1,3}\]|\d{1,3})$")
"""A footnote's mark at a word's end: "[2]" or a superscript's digits ("ương2")."""


@functools.cache
def _displaced() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """``_RUN``, ``_MID_WORD``, ``_INSIDE``, ``_LABEL`` and ``_DOUBLE_SPACE`` compiled on first use
    (a text that shows no sign of displaced letters never needs them)."""
    return (regex(_RUN, re.MULTILINE), regex(_MID_WORD), regex(_INSIDE), regex(_LABEL),
            regex(_DOUBLE_SPACE))


def displaced_letters(text: str) -> bool:
    """Whether a text is one copied out of a PDF whose fallback font's letters a tool read after
    the rest of their line ("C NG HÒA XÃ H IỘ Ộ", "Th c hi n Ch  th  s  27 ự ệ ỉ ị ố": pypdf, or a
    viewer's copy, of an office suite's PDF). Such a text has those letters at the ends of its
    lines' stretches only, never inside a word; a text typed as it reads has most of them inside
    its words ("hiện", "được")."""
    sample = text[:DISPLACED_SAMPLE]
    if "ệ" not in sample or "iện" in sample or "ược" in sample:
        return False  # ("thực hiện", "được": a text typed as it reads holds one on its first page; a look tells)
    letters = len(_fallback()[1].findall(sample))
    if letters < 30:
        return False
    run, mid_word, *_ = _displaced()
    runs = [m.group() for m in run.finditer(sample)]
    return len(mid_word.findall(sample)) <= 0.03 * letters and sum(" " in r for r in runs) >= 5


KEPT_DOUBLE_SPACES = 10
"""Double spaces in a text's first page from which a displaced text kept each hole a space of its
own where a word's own space follows it (pypdf's: "Ch  th  s  27"); a viewer's copy makes one
space of them (pdfium's: "Ch th s 27")."""


@dataclass(frozen=True, slots=True)
class _Costs:
    """What each way of putting letters into a stretch costs (``_fill``): least cost wins."""

    end: float
    """Onto the stretch's end ("TH" + "Ơ"): less than a hole inside a word ("HO CH" + "Ạ" is
    "HOẠCH", not "HO CHẠ")."""
    before: float
    """Onto the part before a space, the space kept (a word's last letters)."""
    after: float
    """Onto the part after a space, the space kept (a word's first letters: "ứng", "ở")."""
    split: float
    """A run's letters side by side ("ệở") parted between two holes ("vệ ở")."""
    empty: float
    """A double space left as it is: a hole's and a word's own where a text keeps both ("B  Y t  v"
    + "ộ ế" is "Bộ Y tế v", not "Bộ Yết  v")."""
    alone: float = 1.0
    """Letters that make a word by themselves ("ả"): few such words are written."""
    rare: float = 0.6
    """A syllable's rarity at its most (``rarity``: none for the most frequent, all of it for one
    Vietnamese rarely writes or not listed): "Y tế" rather than "Yết", "ứng" rather than "ngứ"."""


_KEPT = _Costs(end=0.1, before=3, after=0.5, split=0.3, empty=0.5)
"""A text that keeps a word's last letter's hole beside the word's space ("Ch  th"): a hole
beside a single space opens a word ("c ng ng d ng" + "ườ ứ ụ" is "cường ứng dụng")."""
_COLLAPSED = _Costs(end=0.1, before=0.3, after=0.6, split=0.3, empty=0, rare=1.0)
"""A text that makes one space of a hole and a word's space: a word's last letters before a space
are likelier than its first after one ("PH C N" + "Ố Ầ" is "PHỐ CẦN", not "PHỐC ẦN")."""


def restore_displaced_letters(text: str) -> str:
    """The letters of a ``displaced_letters`` text put back where they were: each stretch of a line
    up to a run of them ("THÀNH PH  C N TH" + "Ố Ầ Ơ") holds as many holes as the run has letters
    (a space each, where a letter or two side by side were: "C N" for "CẦN"); the run's letters go
    into its holes in order, each hole chosen so that every word a letter goes into is a Vietnamese
    syllable as Vietnamese spells one (``is_whole_syllable``), a hole inside a word first ("H I" +
    "Ộ" is "HỘI", not "HỘ I"), at the least cost (``_Costs``). A stretch whose letters no choice
    of holes takes is left as it is."""
    page_costs = _KEPT if len(_displaced()[4].findall(text[:DISPLACED_SAMPLE])) >= KEPT_DOUBLE_SPACES else _COLLAPSED
    runs = _displaced_runs(text)
    budget = [min(STATES_PER_CHAR * len(text) + 50_000, MAX_STATES)]  # the placings left to weigh (``_fill`` spends them)
    out: list[str] = []
    for line in text.split("\n"):
        found = list(runs.finditer(line))
        if not found:
            out.append(line)
            continue
        costs = _COLLAPSED if page_costs is _KEPT and _justified(line[:found[-1].start()]) else page_costs
        if len(found) == 1 and not line[:found[0].start()].strip() and " " in found[0].group() and line[found[0].end():].strip():
            # the run before the rest of its line (a viewer read a centred line's letters first:
            # "Ủ Ố Ồ Y BAN NHÂN DÂN THÀNH PH H CHÍ MINH"): its letters go into what follows
            m = found[0]
            filled = _fill(line[m.end():].lstrip(), m.group().split(" "), costs, budget) if budget[0] > 0 else None
            out.append(line if filled is None else line[:m.start()] + filled)
            continue
        pos, pieces = 0, []
        for m in found:
            stretch = line[pos:m.start()]
            filled = _fill(stretch, m.group().split(" "), costs, budget) if budget[0] > 0 else None
            pieces.append(filled if filled is not None else line[pos:m.end()])
            pos = m.end()
        pieces.append(line[pos:])
        out.append("".join(pieces))
    return "\n".join(out)


JUSTIFIED_SHARE = 0.6
"""The share of a line's gaps that are double spaces from which the line was justified (its wide
spaces read as two: a word's last letter's hole and its space then look like any other gap)."""


def _justified(line: str) -> bool:
    """Whether a line of a text that keeps holes beside spaces was justified (``JUSTIFIED_SHARE``):
    read as a text that makes one space of them (``_COLLAPSED``)."""
    gaps = line.split()
    wide = line.count("  ")
    return len(gaps) >= 6 and wide >= JUSTIFIED_SHARE * (len(gaps) - 1)


def _displaced_runs(text: str) -> re.Pattern[str]:
    """``_RUN`` of the letters this text displaced: those seen in a run of two letters or more, in
    either case. A tool may have read some fallback letters in their places ("th i kỳ 2021" +
    "ờ", "nhi m kỳ" + " ầ ử"): such a letter stands glued to its word, alone mid-line or first in
    a run, never further in one."""
    letters: set[str] = set()  # seen in a run where no word's own letter stands
    first: Counter[str] = Counter()  # seen first in a run, glued to a word ("kỳ" + " ầ ử": perhaps its own)
    own: Counter[str] = Counter()  # seen glued to a word mid-line, alone ("kỳ 2026"): perhaps its own
    for m in _displaced()[0].finditer(text):
        tokens = m.group().split(" ")
        glued = m.start() > 0 and not text[m.start() - 1].isspace()
        if len(tokens) > 1:
            letters.update(c.lower() for token in tokens[1 if glued else 0:] for c in token)
            if glued:
                first.update(c.lower() for c in tokens[0])
        elif glued and text[m.end():m.end() + 2].strip():
            own.update(c.lower() for c in tokens[0])
    # a letter seen only first in runs is displaced, unless it stands alone mid-line too
    letters.update(c for c in first if own[c] < 2)
    letters = {x for c in letters for x in (c, c.upper())}
    if not letters:
        return _displaced()[0]
    kept = re.escape("".join(sorted(letters | set(_ODD))))
    return re.compile(r"[" + kept + r"]{1,3}(?: [" + kept + r"]{1,3})*" + _RUN_END, re.MULTILINE)  # the document's own letters: not kept in the pattern file


def _fill(stretch: str, runs: list[str], costs: _Costs, budget: list[int] | None = None) -> str | None:
    """``stretch`` with the letters of ``runs`` in its holes (``restore_displaced_letters``), or None
    (also when the placings it weighs use up ``budget``, a one-item list it takes them from)."""
    if len(runs) > MAX_HOLES or stretch.count(" ") > 4 * MAX_HOLES:
        return None
    placing = _Placing(stretch.split(" "), runs, costs, budget[0] if budget is not None else 1 << 30)
    found = placing.solve()
    if budget is not None:
        budget[0] -= placing.spent
    return None if found is None else placing.text(found)


_Path = tuple[tuple[int, str, int], "_Path"] | None
"""The placings chosen, first first: (gap, how, the letters' end), then the rest."""


class _Placing:
    """The letters of a stretch's runs put into its holes at the least cost (``_fill``).

    ``best(i, j, taken)`` is the least cost of putting letters j… into the gaps from gap i on, part
    i already holding letters or not; a gap is the space between parts i and i + 1, or the
    stretch's end after the last part (gap n - 1). A chunk of one run's letters goes into a gap's
    space joining both parts (cost 0: a hole inside a word, or a word's last letters before the
    double space of a hole and a word's space), onto the stretch's end or its start, or beside the
    space onto the part before it or after it (``_Costs``); a run parted between holes costs
    ``split`` a part, and a part left a word of its own ``stray``."""

    def __init__(self, parts: list[str], runs: list[str], costs: _Costs, allowed: int) -> None:
        self.parts, self.costs, self.allowed, self.spent = parts, costs, allowed, 0
        self.n = len(parts)
        self.letters = "".join(runs)
        k = self.k = len(self.letters)
        self.run_end = [0] * k  # where the run of each letter ends: a hole takes a chunk of one run
        self.runs_from = [0] * (k + 1)  # runs_from[j]: the runs letters j… touch
        at = 0
        for r, run in enumerate(runs):
            for q in range(len(run)):
                self.run_end[at + q] = at + len(run)
                self.runs_from[at + q] = len(runs) - r
            at += len(run)
        self.strays = [self._stray(q) for q in range(self.n)]
        self.strays_from = list(itertools.accumulate(reversed(self.strays), initial=0.0))[::-1]
        self.memo: dict[tuple[int, int, bool], tuple[float, _Path] | None] = {}
        self.words: dict[tuple[str, str], float | None] = {}

    def solve(self) -> tuple[float, _Path] | None:
        """The cheapest placing, the first letters perhaps before the first part ("Y BAN" + "Ủ")."""
        parts, costs = self.parts, self.costs
        options = [self.best(0, 0, False)]
        for j2 in range(1, self.run_end[0] + 1) if parts[0] and not _displaced()[3].match(parts[0]) else ():
            chunk = self.letters[:j2]
            cost = self.placed(chunk + parts[0], chunk)
            rest = self.best(0, j2, True) if cost is not None else None
            if rest is not None:
                parted = costs.split if j2 < self.run_end[0] else 0.0
                options.append((rest[0] + costs.end + cost + parted, ((-1, "start", j2), rest[1])))
        found = min((o for o in options if o is not None), key=lambda o: o[0], default=None)
        return None if self.spent > self.allowed else found

    def best(self, i: int, j: int, taken: bool) -> tuple[float, _Path] | None:
        key = (i, j, taken)
        if key in self.memo:
            return self.memo[key]
        got = self.memo[key] = self._best(i, j, taken)
        return got

    def _best(self, i: int, j: int, taken: bool) -> tuple[float, _Path] | None:
        n, k, parts, costs = self.n, self.k, self.parts, self.costs
        if j == k:  # the parts left stand as they are
            return self.strays_from[i] - (self.strays[i] if taken and i < n else 0.0), None
        if i >= n or self.runs_from[j] > n - i:
            return None  # (a gap takes one chunk at most: too few gaps left for the runs left)
        self.spent += 1
        if self.spent > self.allowed:
            return None
        alone = 0.0 if taken else self.strays[i]  # part i as a word of its own
        # part i may take letters: it holds none yet and is no clause's label ("a)", "1.": "a) u
        # tiên" + "Ư" is "a) Ưu tiên")
        free = not taken and not _displaced()[3].match(parts[i])
        options: list[tuple[float, _Path]] = []
        if i < n - 1:
            skip = self.best(i + 1, j, False)
            if skip is not None:  # a word's own space
                options.append((skip[0] + alone, skip[1]))
        run_end = self.run_end[j]
        for j2 in range(j + 1, run_end + 1):
            chunk = self.letters[j:j2]
            parted = costs.split if (j2 < run_end or (j > 0 and self.run_end[j - 1] == run_end)) else 0.0
            if i == n - 1:  # the end: only onto the last part, the last letters
                cost = self.placed(parts[i] + chunk, chunk) if not taken and j2 == k else None
                if cost is not None:
                    options.append((costs.end + cost + parted, ((i, "end", j2), None)))
                continue
            left, right = parts[i], parts[i + 1]
            ways: list[tuple[str, str, float, bool]] = []
            if free and _glues(left, right):
                # (a hole after a space, "x  " + "ở" + "m", opens a word as "after" does)
                ways.append(("join", left + chunk + right, costs.after if not left and right else 0.0, True))
            if free:
                ways.append(("before", left + chunk, costs.before if left else costs.after, False))
            if right:
                ways.append(("after", chunk + right, costs.after + alone, True))
            for how, word, cost, holds in ways:
                extra = self.placed(word, chunk)
                if extra is None:
                    continue
                rest = self.best(i + 1, j2, holds)
                if rest is not None:
                    options.append((rest[0] + cost + extra + parted, ((i, how, j2), rest[1])))
        return min(options, key=lambda o: o[0]) if options else None

    def placed(self, word: str, chunk: str) -> float | None:
        """What putting ``chunk`` into ``word`` costs: None unless each of the word's syllables that
        holds a fallback letter is one ("lần/tháng", "tế-xã" keep theirs apart by "/" or a dash);
        its rarity (``syllables.rarity``); ``costs.alone`` for a chunk that is a word by itself ("ả"), but
        for "ở" (a word of its own)."""
        key = (word, chunk)
        if key not in self.words:
            self.words[key] = _placed(word, chunk, self.costs)
        return self.words[key]

    def _stray(self, q: int) -> float:
        """What part ``q`` left a word of its own costs: 1 when it is letters but no syllable ("C",
        "NG" of "C NG"); ``costs.empty`` when it is nothing between two spaces (a double space
        that holds no hole)."""
        part = self.parts[q]
        if not part:
            return self.costs.empty if 0 < q < self.n - 1 else 0.0
        w = part.strip(_PUNCTUATION).lower()
        return float(w.isalpha() and not is_whole_syllable(w))

    def text(self, found: tuple[float, _Path]) -> str:
        """The stretch with the letters where ``found`` put them."""
        out = self.parts[:]
        glue = [" "] * (self.n - 1)
        j, path = 0, found[1]
        while path is not None:
            (i, how, j2), path = path
            chunk = self.letters[j:j2]
            j = j2
            if how in ("after", "start"):
                out[i + 1] = chunk + out[i + 1]
            else:
                out[i] += chunk
                if how == "join":
                    glue[i] = ""
        return "".join(p + g for p, g in zip(out, [*glue, ""], strict=True))


def _syllable_or_odd(word: str) -> bool:
    """A syllable, an odd letter (``_ODD``) in it standing for some vowel."""
    odd = next((c for c in word if c in _ODD_LOWER), None)
    return is_whole_syllable(word) if odd is None else any(is_whole_syllable(word.replace(odd, v)) for v in _STAND_INS)


@functools.lru_cache(maxsize=1 << 16)
def _placed(word: str, chunk: str, costs: _Costs) -> float | None:
    """``_Placing.placed``. A footnote's mark after the word ("phủ[2],", "ương2") is none of it."""
    bare = _NOTE_MARK.sub("", word.rstrip(".,;:!?)”\"’'…")).strip(_PUNCTUATION).lower()
    pieces = _displaced()[2].split(bare)
    held = [p for p in pieces if _fallback()[1].search(p) or any(c in _ODD_LOWER for c in p)]
    if not all(p.isalpha() for p in pieces) or not all(map(_syllable_or_odd, held)):
        return None
    rare = costs.rare * sum(rarity(p) for p in held)
    return rare + (costs.alone if bare == chunk.lower() and bare not in _ALONE_WORDS else 0.0)


def _glues(left: str, right: str) -> bool:
    """Whether a hole between two parts may join them: punctuation alone opens a word before it
    ("(" + "ứ" + "ng") or closes one after it ("Th" + "ơ" + ","), never the other way ("- T": a
    list's dash and its space)."""
    return ((not left or left.strip(_PUNCTUATION) != "" or left in _OPENING)
            and (not right or right.strip(_PUNCTUATION) != "" or right[0] in _CLOSING))
