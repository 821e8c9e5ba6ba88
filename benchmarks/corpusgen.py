"""A realistic corpus made from the real plans, with planted reuse whose answers are known.

Each synthetic authority (a province or commune with a made-up name) takes the structure of one
seed plan and words of its own: every long clause is rewritten from the real plans' vocabulary (a
word chain trained on all seed and field texts, so no two authorities share a sentence by
accident), short headings stay as the seeds print them. Its plans across years drift as real
series do: words changed, clauses dropped, items reordered and renumbered, years moved. Some plans
copy clauses from an earlier plan of another authority, with a few words changed (never
near-identical twins); every clause carries its origin, so the answers follow copies through the
copier's later versions.

    python -m benchmarks.corpusgen OUT_DIR --plans 1000 [--seed 0]
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

import plandiff
from plandiff.corpus.record import MIN_WORDS

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ("tth-2024.txt", "hue-2026.txt", "hungyen-2024.txt", "anlao-2024.txt", "tth-2023.md")
SYLLABLES = ("An", "Bình", "Phú", "Thạnh", "Hòa", "Tân", "Long", "Phước", "Mỹ", "Đông", "Tây", "Nam", "Hưng", "Lộc",
             "Thuận", "Xuân", "Quang", "Vĩnh", "Trung", "Sơn", "Hải", "Định", "Khánh", "Thành", "Ninh", "Gia", "Kim")
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
LETTERS = "abcdđeghiklmnopqrstuvxy"


@dataclass
class Node:
    text: str
    origin: str | None
    """"authority:key" for a long clause (what reuse answers are about); None for a heading."""
    children: list[Node] = field(default_factory=list)


@dataclass
class Authority:
    key: int
    name: str
    level: str
    template: list[Node]


_SYMBOL_LIKE = re.compile(r"\d.*/|/.*\d")
_SENTENCE_END = re.compile(r"(?<=[.;])\s+")


@dataclass
class Vocabulary:
    """What new wording is made of: a first-order word chain over the real plans' clauses (with no
    instrument numbers in it, so no made-up citations), the words clauses start with, and the real
    plans' sentences that cite an instrument, used verbatim."""

    chain: dict[str, list[str]]
    starts: list[str]
    citing: list[str]


def _words() -> Vocabulary:
    vocab = Vocabulary({}, [], [])
    files = [ROOT / "fixtures" / s for s in SEEDS] + sorted(f for f in (ROOT / "fixtures" / "field").glob("*.md")
                                                           if f.name != "README.md")
    for f in files:
        plan = plandiff.parse_file(f)
        for c in plan.walk():
            w = c.text.split()
            if len(w) < MIN_WORDS:
                continue
            if w[0][0].isalpha() and w[0][0].isupper():
                vocab.starts.append(w[0])
            for a, b in itertools.pairwise(w):
                if not (_SYMBOL_LIKE.search(a) or _SYMBOL_LIKE.search(b)):
                    vocab.chain.setdefault(a, []).append(b)
            for sentence in _SENTENCE_END.split(" ".join(w)):
                if _SYMBOL_LIKE.search(sentence) and 6 <= len(sentence.split()) <= 20 and sentence[0].isupper():
                    vocab.citing.append(sentence)
    return vocab


def _sentence(rng: random.Random, vocab: Vocabulary, n: int) -> str:
    out = [rng.choice(vocab.starts)]
    while len(out) < n:
        nxt = vocab.chain.get(out[-1])
        word = rng.choice(nxt) if nxt else rng.choice(vocab.starts)
        out.append(word if word[0].isalpha() or len(out) > 1 else rng.choice(vocab.starts))
    text = " ".join(out).rstrip(",;:")
    text += "." if not text.endswith(".") else ""
    if vocab.citing and n >= 30 and rng.random() < 0.3:
        # as real clauses do, now and then cite an instrument (a short real sentence: too little of
        # a clause for two clauses citing the same instrument to count as copies)
        text += " " + rng.choice(vocab.citing)
    return text


def _tree(plan: plandiff.Plan) -> list[Node]:
    """The seed's sections, items and points; dashes and paragraphs folded into their parent."""

    def node(c: plandiff.Clause) -> Node:
        kids = [k for k in c.children if k.kind in ("item", "subitem", "point")]
        text = " ".join([c.text.replace("\n", " ")] + [k.full_text().replace("\n", " ")
                                                       for k in c.children if k not in kids])
        return Node(text, None, [node(k) for k in kids])

    return [node(c) for c in plan.clauses if c.kind == "section"]


def _authority(key: int, rng: random.Random, seeds: list[list[Node]], vocab: Vocabulary) -> Authority:
    level = "tỉnh" if key % 8 == 0 else "xã"
    name = " ".join(rng.sample(SYLLABLES, 2))

    def own(n: Node, path: str, depth: int) -> Node:
        long = depth > 0 and len(n.text.split()) >= MIN_WORDS
        if long:
            text = _sentence(rng, vocab, max(MIN_WORDS + 2, len(n.text.split())))
        else:  # headings stay as printed, short enough not to count as reuse
            text = " ".join(n.text.split()[: MIN_WORDS - 1])
        return Node(text, f"{key}:{path}" if long else None, [own(c, f"{path}.{k}", depth + 1) for k, c in enumerate(n.children)])

    seed = seeds[key % len(seeds)]
    return Authority(key, f"{name} {key}", level, [own(n, str(k), 0) for k, n in enumerate(seed)])


def _edit(rng: random.Random, text: str, chain: dict, k: int) -> str:
    w = text.split()
    for _ in range(k):
        i = rng.randrange(len(w))
        w[i] = rng.choice(chain.get(w[i - 1], w)) if i else w[i]
    return " ".join(w)


def _drift(rng: random.Random, nodes: list[Node], chain: dict) -> list[Node]:
    """Next year's version: words changed in some clauses, a clause dropped, two items swapped."""
    out: list[Node] = []
    for n in nodes:
        kids = _drift(rng, n.children, chain)
        if n.origin and rng.random() < 0.05 and len(nodes) > 2:
            continue
        text = _edit(rng, n.text, chain, rng.randint(1, 2)) if n.origin and rng.random() < 0.25 else n.text
        out.append(Node(text, n.origin, kids))
    if len(out) > 3 and rng.random() < 0.2:
        i = rng.randrange(len(out) - 1)
        out[i], out[i + 1] = out[i + 1], out[i]
    return out


def _long(nodes: list[Node], path: tuple[int, ...] = ()) -> list[tuple[tuple[int, ...], Node]]:
    out = []
    for k, n in enumerate(nodes):
        if n.origin:
            out.append(((*path, k), n))
        out.extend(_long(n.children, (*path, k)))
    return out


def _render(auth: Authority, year: int, date: str, number: int, nodes: list[Node]) -> tuple[str, dict[str, str]]:
    """The plan's text and, for each long clause, the id the parser gives it → its origin."""
    level_up = auth.level.upper()
    lines = ["ỦY BAN NHÂN DÂN", f"{level_up} {auth.name.upper()}", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
             "Độc lập - Tự do - Hạnh phúc", "",
             f"Số: {number}/KH-UBND {auth.name}, ngày {int(date[8:]):02d} tháng {int(date[5:7]):02d} năm {year}", "",
             "KẾ HOẠCH", f"Thực hiện công tác bình đẳng giới năm {year} trên địa bàn {auth.level} {auth.name}", "",
             f"Căn cứ Nghị quyết số 28/NQ-CP ngày 03/3/2021 của Chính phủ ban hành Chiến lược quốc gia về bình đẳng "
             f"giới giai đoạn 2021-2030; Ủy ban nhân dân {auth.level} ban hành Kế hoạch năm {year} như sau:", ""]
    origins: dict[str, str] = {}

    def emit(n: Node, depth: int, k: int, parent: str) -> None:
        label = ROMAN[k] + "." if depth == 0 else (f"{k + 1}." if depth == 1 else f"{LETTERS[k]})")
        cid = label.rstrip(".)") if depth == 0 else f"{parent}.{label.rstrip('.)')}"
        lines.append(f"{label} {n.text}")
        if n.origin:
            origins[cid] = n.origin
        for j, c in enumerate(n.children[: len(LETTERS)] if depth >= 1 else n.children):
            emit(c, depth + 1, j, cid)

    for k, n in enumerate(nodes[: len(ROMAN)]):
        emit(n, 0, k, "")
    lines += ["", "Nơi nhận:", "- UBND tỉnh;", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "Nguyễn Văn An"]
    return "\n".join(lines) + "\n", origins


def generate(out: Path, plans: int, *, seed: int = 0, years: int = 5, copy_rate: float = 0.3) -> dict:
    """Write ``plans`` plan files under ``out`` and return (and write ``answers.json``) the truth:
    each document's authority and, for each of its long clauses, its origin authority."""
    rng = random.Random(seed)
    vocab = _words()
    chain = vocab.chain
    seeds = [_tree(plandiff.parse_file(ROOT / "fixtures" / s)) for s in SEEDS]
    n_auth = max(2, -(-plans // years))
    authorities = [_authority(k, rng, seeds, vocab) for k in range(n_auth)]
    out.mkdir(parents=True, exist_ok=True)
    docs: list[dict] = []
    versions: dict[int, list[Node]] = {a.key: a.template for a in authorities}
    written: list[tuple[str, int, str, list[Node]]] = []  # (path, authority, date, nodes) to copy from
    k = 0
    for y in range(years):
        year = 2022 + y
        for auth in authorities:
            if k >= plans:
                break
            nodes = _drift(rng, versions[auth.key], chain) if y else versions[auth.key]
            earlier = [w for w in written if w[1] != auth.key and w[2][:4] < str(year)]
            if earlier and rng.random() < copy_rate:
                # copy 2-5 long clauses of an earlier plan of another authority into a section
                _path, _, _, src_nodes = rng.choice(earlier)
                picks = rng.sample(_long(src_nodes), min(len(_long(src_nodes)), rng.randint(2, 5)))
                section = rng.randrange(min(len(nodes), len(ROMAN)))
                copies = [Node(_edit(rng, n.text, chain, rng.randint(1, max(1, len(n.text.split()) // 20))), n.origin)
                          for _, n in picks]
                nodes = [*nodes]
                nodes[section] = Node(nodes[section].text, nodes[section].origin, [*nodes[section].children, *copies])
            versions[auth.key] = nodes
            date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            text, origins = _render(auth, year, date, 100 + k, nodes)
            name = f"{'tinh' if auth.level == 'tỉnh' else 'xa'}-{auth.key:05d}-{year}.txt"
            (out / name).write_text(text, encoding="utf-8")
            written.append((name, auth.key, date, nodes))
            docs.append({"file": name, "authority": auth.key, "year": year, "date": date, "origins": origins})
            k += 1
    answers = {"documents": docs}
    (out / "answers.json").write_text(json.dumps(answers, ensure_ascii=False), encoding="utf-8")
    return answers


def score(answers: dict, result: object, out: Path) -> dict[str, float]:
    """Reuse recall and precision at the level of clauses: a copied clause (origin of another
    authority) is found when the result lists it as copied from a plan of its origin authority."""
    from plandiff.corpus.reuse import Reuse

    assert isinstance(result, Reuse)
    by_file = {d["file"]: d for d in answers["documents"]}
    truth = {(d["file"], cid) for d in answers["documents"] for cid, o in d["origins"].items()
             if int(o.split(":")[0]) != d["authority"]}
    found: set[tuple[str, str]] = set()
    right = 0
    for c in result.copies:
        copier = Path(result.documents[c.copier].path).name
        source = by_file[Path(result.documents[c.source].path).name]["authority"]
        for cid, _, _ in c.clauses:
            found.add((copier, cid))
            origin = by_file[copier]["origins"].get(cid)
            right += origin is not None and int(origin.split(":")[0]) == source
    recall = len(truth & found) / len(truth) if truth else 1.0
    precision = right / len(found) if found else 1.0
    return {"planted": len(truth), "reported": len(found), "recall": recall, "precision": precision}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("--plans", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    answers = generate(args.out, args.plans, seed=args.seed)
    print(f"wrote {len(answers['documents'])} plans to {args.out}")


if __name__ == "__main__":
    main()
