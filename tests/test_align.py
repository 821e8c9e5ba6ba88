"""Alignment on real plans: every change kind, identity, determinism; word diffs."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import plandiff
from plandiff.compare.worddiff import apply, diff_words, tokenize
from tests.conftest import FIXTURES, load


def pairs(al: plandiff.Alignment) -> dict[tuple[str, str], plandiff.Pair]:
    return {(p.a, p.b): p for p in al.pairs}


def test_aligning_a_plan_with_itself_is_the_identity(any_plan: plandiff.Plan) -> None:
    al = plandiff.align(any_plan, any_plan)
    assert not al.added and not al.removed
    assert {p.kind for p in al.pairs} == {"unchanged"}
    assert all(p.a == p.b for p in al.pairs)
    assert len(al.pairs) == len(list(any_plan.walk()))


def test_renumbered_items_are_moves_and_relabelled_points_too() -> None:
    al = plandiff.align(load("tth-2023"), load("tth-2024"))
    assert not al.cross
    got = pairs(al)
    moved = got[("II.1", "II.3")]
    assert moved.kind == "moved" and moved.renumbered and not moved.reparented
    # the children of a renumbered item keep their labels: they did not move themselves
    assert got[("II.1.a", "II.3.a")].kind in ("unchanged", "modified")
    relabelled = got[("IV.1.d#2", "IV.1.đ")]
    assert relabelled.kind == "moved" and relabelled.renumbered
    assert {"II.1", "II.2", "IV.14"} <= set(al.added)
    assert got[("IV.14", "IV.15")].renumbered


def test_same_text_identical_and_edited_text_modified() -> None:
    got = pairs(plandiff.align(load("tth-2023"), load("tth-2024")))
    assert got[("I", "I")].kind == "unchanged"
    assert not got[("II.7", "II.9")].edited  # renumbered only
    edited = got[("II.5", "II.7")]  # "năm 2023 từ 15/11 …" → "năm 2024 (từ 15/11 …)" and renumbered
    assert edited.kind == "moved" and edited.edited
    assert got[("IV.1.a", "IV.1.a")].kind == "unchanged"
    assert got[("IV.1.b", "IV.1.b")].kind == "modified"


def test_reorganisation_moves_merges_and_splits() -> None:
    a, b = load("tth-2024"), load("hue-2026")
    al = plandiff.align(a, b)
    assert not al.cross  # Thừa Thiên Huế province became Huế city: the same authority
    got = pairs(al)
    # the Department of Labour's tasks moved under Home Affairs (another parent)
    assert got[("IV.1.a", "IV.1.a")].reparented and got[("IV.1.a", "IV.1.a")].kind == "moved"
    # Home Affairs itself is renumbered 2 → 1; Labour's heading merged into it
    assert got[("IV.2", "IV.1")].kind == "merged"
    assert got[("IV.1", "IV.1")].kind == "merged"
    # Planning and Investment's body became a point under Finance, and the department merged into it
    assert got[("IV.3", "IV.2.a")].kind == "moved"
    assert got[("IV.3", "IV.2")].kind == got[("IV.4", "IV.2")].kind == "merged"
    # a heading that stayed while its body became a point is no split
    assert got[("IV.12", "IV.12")].kind == "modified" and got[("IV.12", "IV.12.b")].kind == "moved"
    # Information and Communications' points went to Culture and Sports
    assert got[("IV.6.b", "IV.4.đ")].kind == "moved"
    # one point split in two
    assert got[("IV.13.a", "IV.13.a")].kind == got[("IV.13.a", "IV.13.b")].kind == "split"
    # two points summarised into one: workshops (d) and a dialogue (c) → "hội thảo, …, đối thoại"
    assert got[("II.4.c", "II.4.c")].kind == got[("II.4.d", "II.4.c")].kind == "merged"
    assert got[("IV.1.e", "IV.1.đ")].kind == "merged"
    assert al.removed == ("IV.6.d",)
    assert "II.10" in al.added and "II.9.d" in al.added


def test_another_province_is_text_reuse_with_most_clauses_unpaired() -> None:
    a, b = load("tth-2024"), load("hungyen-2024")
    al = plandiff.align(a, b)
    assert al.cross
    got = pairs(al)
    # the same agencies, reordered and renamed
    assert ("IV.5", "IV.3") in got  # Sở Tư pháp
    assert ("IV.9", "IV.6") in got  # Sở Văn hóa và Thể thao ~ Sở Văn hóa - Thể thao và Du lịch
    assert ("IV.11", "IV.9") in got  # Công an tỉnh
    assert ("IV.14", "IV.11") in got  # Cục Thống kê tỉnh
    assert len(al.removed) > len(al.pairs)
    # boilerplate alone does not make a pair: nothing under "Nâng cao năng lực" pairs with agencies
    assert all(not (p.a.startswith("II.") and p.b.startswith("IV.")) for p in al.pairs)


def test_alignment_is_deterministic() -> None:
    a, b = load("tth-2024"), load("hue-2026")
    assert plandiff.align(a, b).to_dict() == plandiff.align(a, b).to_dict()


def test_matching_ignores_case_tone_placement_and_punctuation() -> None:
    base = "KẾ HOẠCH\nThử\n\nI. NỘI DUNG\n1. Phòng Lao động - Thương binh và Xã hội chủ trì, phối hợp với Hội Liên hiệp phụ nữ huyện.\n"
    other = "KẾ HOẠCH\nThử\n\nI. NỘI DUNG\n1. PHÒNG LAO ĐỘNG THƯƠNG BINH VÀ XÃ HỘI chủ trì phối hợp với Hội Liên hiệp Phụ nữ huyện\n"
    old_tones = base.replace("hợp", "hợp").replace("Hội", "Hội")
    al = plandiff.align(plandiff.parse(base), plandiff.parse(other))
    assert ("I.1", "I.1") in pairs(al)
    assert pairs(al)[("I.1", "I.1")].score > 0.6
    hoa = plandiff.parse(old_tones.replace("phối hợp", "phối hoà hợp"))
    hoa2 = plandiff.parse(old_tones.replace("phối hợp", "phối hòa hợp"))
    assert pairs(plandiff.align(hoa, hoa2))[("I.1", "I.1")].score == 1.0


def test_word_diff_keeps_numbers_and_syllables_whole() -> None:
    edits = diff_words("Kinh phí 12.000 triệu đồng, từ 15/11 đến 15/12/2023", "Kinh phí 15.500 triệu đồng, từ 15/11 đến 15/12/2024")
    changed = [e.text for e in edits if e.op != "equal"]
    assert changed == ["12.000", "15.500", "15/12/2023", "15/12/2024"]
    assert tokenize("Thừa Thiên Huế") == ["Thừa", " ", "Thiên", " ", "Huế"]


def _edited_pairs(x: str, y: str) -> list[tuple[str, str]]:
    a, b = load(x), load(y)
    out = []
    for p in plandiff.align(a, b).pairs:
        ca, cb = a.find(p.a), b.find(p.b)
        if ca is not None and cb is not None and ca.text != cb.text:
            out.append((ca.text, cb.text))
    return out


@pytest.mark.parametrize("x, y", [("tth-2023", "tth-2024"), ("tth-2024", "hungyen-2024")])
def test_word_diffs_are_diff_match_patchs_own_on_the_seed_comparisons(x: str, y: str) -> None:
    """The bit-parallel middle step changes speed, not what a reader sees on these comparisons."""
    from diff_match_patch import diff_match_patch

    from plandiff.compare.worddiff import _word_diff

    edited = _edited_pairs(x, y)
    assert len(edited) > 20
    for ta, tb in edited:
        assert diff_words(ta, tb) == _word_diff(ta, tb, engine=diff_match_patch)


def test_word_diffs_change_no_more_than_diff_match_patchs_across_provinces() -> None:
    """Where several shortest diffs exist the two engines may pick different ones: never a worse one."""
    from diff_match_patch import diff_match_patch

    from plandiff.compare.worddiff import _word_diff

    def changed(edits: list) -> int:
        return sum(len(e.text) for e in edits if e.op != "equal")

    edited = [*_edited_pairs("anlao-2024", "hungyen-2024"), *_edited_pairs("hue-2026", "tth-2023"),
              *_edited_pairs("tth-2024", "hue-2026")]
    assert len(edited) > 20
    for ta, tb in edited:
        ours, theirs = diff_words(ta, tb), _word_diff(ta, tb, engine=diff_match_patch)
        assert apply(ta, ours) == tb
        assert changed(ours) <= changed(theirs) * 1.02 + 10


_DIFFS = st.lists(st.tuples(st.sampled_from((-1, 0, 0, 1)), st.text(alphabet="ab c", min_size=1, max_size=6)), max_size=40)


@settings(max_examples=400, deadline=None)
@given(_DIFFS, st.booleans())
def test_semantic_cleanup_is_diff_match_patchs_own(diffs: list[tuple[int, str]], merged: bool) -> None:
    """Our semantic cleanup (no rescans) leaves the same edits as diff-match-patch's, on any list
    of edits: merged as a diff comes, or raw runs of small changes that it eliminates in cascades."""
    from diff_match_patch import diff_match_patch

    from plandiff.compare.worddiff import _DiffMatchPatch

    theirs = diff_match_patch()
    if merged:
        theirs.diff_cleanupMerge(diffs)
    ours, expected = list(diffs), list(diffs)
    _DiffMatchPatch().diff_cleanupSemantic(ours)
    theirs.diff_cleanupSemantic(expected)
    assert ours == expected


def test_semantic_cleanup_is_diff_match_patchs_own_on_long_runs_of_small_changes() -> None:
    """Where diff-match-patch's rescans cost most: many short equalities between edits, eliminated
    one after another back to the start (a clause rewritten word by word)."""
    import random

    from diff_match_patch import diff_match_patch

    from plandiff.compare.worddiff import _DiffMatchPatch

    rng = random.Random(7)
    for _ in range(50):
        diffs = [(op, "x" * rng.randint(1, 3)) for k in range(rng.randint(50, 300))
                 for op in ((0,) if k % 2 else (rng.choice((-1, 1)),))]
        ours, expected = list(diffs), list(diffs)
        _DiffMatchPatch().diff_cleanupSemantic(ours)
        diff_match_patch().diff_cleanupSemantic(expected)
        assert ours == expected and len(ours) < len(diffs)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="aăâbđeêiỏ ơưạ.,;12 /-\n", max_size=80), st.text(alphabet="aăâbđeêiỏ ơưạ.,;12 /-\n", max_size=80))
def test_applying_a_word_diff_to_a_gives_b(a: str, b: str) -> None:
    assert apply(a, diff_words(a, b)) == b


@pytest.mark.parametrize("factor", [3])
def test_a_larger_synthetic_plan_still_aligns_itself(factor: int) -> None:
    from tests.synthetic import grow

    big = grow(load("tth-2024"), factor)
    al = plandiff.align(big, big)
    assert not al.added and not al.removed


def test_a_reworded_reordered_version_pairs_each_clause_with_its_source() -> None:
    """The benchmark's realistic variant: about 15% of words changed, a third of the lists shuffled."""
    from tests.synthetic import vary

    base = load("tth-2024")
    varied = vary(base, seed=3)
    al = plandiff.align(base, varied)
    heads = {c.id: c.text.split("\n")[0] for c in varied.walk()}
    n = len(list(base.walk()))
    assert len(al.pairs) >= 0.95 * n
    assert any(p.kind == "moved" for p in al.pairs)
    # a pair is right when the variant's clause was made from that clause: most of its words are there
    for p in al.pairs:
        source = set(base.find(p.a).text.split("\n")[0].split())
        got = heads[p.b].split()
        assert sum(w in source for w in got) >= 0.6 * len(got), (p.a, p.b)


def test_a_district_plan_pairs_its_offices_with_a_provinces_departments() -> None:
    al = plandiff.align(load("tth-2024"), load("anlao-2024"))
    assert al.cross
    got = pairs(al)
    # Sở (province) ~ Phòng (district) of the same line ministry; Công an tỉnh ~ Công an huyện
    for a_id, b_id in (("IV.1", "IV.1"), ("IV.5", "IV.6"), ("IV.8", "IV.5"), ("IV.11", "IV.7"), ("IV.14", "IV.8")):
        assert (a_id, b_id) in got
    assert len(al.pairs) < 0.2 * len(list(al.a.walk()))


@pytest.mark.parametrize(("a", "b", "factor"), [("tth-2023", "tth-2024", 1), ("tth-2024", "hungyen-2024", 1),
                                                ("tth-2024", "tth-2024", 10)])
def test_the_numpy_index_finds_the_python_loops_candidates(monkeypatch: pytest.MonkeyPatch, a: str, b: str,
                                                          factor: int) -> None:
    """Large plans take their candidates from the index worked in numpy over array vectors: the
    same pairs as the loop over dict vectors that ordinary plans use (seeds of equal weight taken
    in the order of their names both ways)."""
    from plandiff.compare import aligner, candidates
    from tests.synthetic import grow, vary

    pa, pb = load(a), load(b)
    if factor > 1:
        pa, pb = grow(pa, factor), vary(grow(pb, factor), seed=5)
    got = {}
    for way, bar in (("loop", 10**9), ("numpy", 0)):
        monkeypatch.setattr(candidates, "VECTORISE_FROM", bar)
        scorer = aligner._Scorer(aligner._nodes(pa), aligner._nodes(pb))
        got[way] = candidates.candidates(scorer.na, scorer.nb, scorer.space, scorer.v)
    assert got["numpy"] == got["loop"]
    assert len(got["loop"]) > len(list(pa.walk()))
    if factor > 1:  # a pair align itself works in numpy
        assert len(list(pa.walk())) + len(list(pb.walk())) >= candidates.VECTORISE_FROM


@pytest.mark.parametrize(("a", "b"), [("tth-2023", "tth-2024"), ("tth-2024", "hungyen-2024")])
def test_tf_idf_vectors_weigh_each_feature_as_the_formula_does(a: str, b: str) -> None:
    """The vectors are worked a list at a time, in C: the same floats, bit for bit, as weighing each
    feature in turn — (1 + log tf) · idf, over the norm summed in the features' order — for every
    clause text and subtree text of two real plans."""
    import math

    from plandiff.compare import aligner

    na, nb = aligner._nodes(load(a)), aligner._nodes(load(b))
    texts = [n.own for n in na + nb] + [n.sub for n in na + nb if n.has_children]
    space = aligner._Space(texts)
    repeated = 0
    for text in dict.fromkeys(texts):
        counts = aligner._features(text)
        repeated += sum(1 for c in counts.values() if c > 1)
        raw = {t: (1 + math.log(c) if c > 1 else 1.0) * space.idf.get(t, space.unseen) for t, c in counts.items()}
        norm = math.sqrt(sum(v * v for v in raw.values())) or 1.0
        want = {t: v / norm for t, v in raw.items()}
        got = space.vector(text)
        assert list(got.items()) == list(want.items())
    assert repeated > 100  # subtrees repeat words: the tf factor is exercised


@pytest.mark.parametrize(("a", "b"), [("tth-2023", "tth-2024"), ("tth-2024", "hungyen-2024")])
def test_array_vectors_weigh_each_feature_as_the_dict_space_does(a: str, b: str) -> None:
    """Large comparisons weigh their texts in arrays (``arrayspace``): for every clause text, subtree,
    heading and body of two real plans, and a text outside them, the same features as the dict
    space with the same weights (to the last bits: numpy adds in another order), and the same
    cosines one pair at a time and in a batch."""
    import math

    from plandiff.compare import aligner
    from plandiff.compare.arrayspace import ArraySpace

    na, nb = aligner._nodes(load(a)), aligner._nodes(load(b))
    texts = [n.own for n in na + nb] + [n.sub for n in na + nb if n.has_children]
    space, arrays = aligner._Space(texts), ArraySpace(na, nb)
    assert arrays.n == space.n == len(texts)
    asked = [*texts, *(n.heading for n in na + nb), *(n.body for n in na + nb), "một câu không có trong kế hoạch nào"]
    dicts, vectors = {}, {}
    for text in dict.fromkeys(asked):
        dicts[text], vectors[text] = space.vector(text), arrays.vector(text)
        ids, weights = vectors[text]
        assert list(ids) == sorted(ids)
        got = {arrays.name(int(k)): float(w) for k, w in zip(ids, weights, strict=True)}
        assert got.keys() == dicts[text].keys()
        assert all(math.isclose(got[t], w, rel_tol=1e-12) for t, w in dicts[text].items())
    pairs = [(x, y) for x, y in zip(list(vectors), list(vectors)[7:], strict=False) if x and y]
    want = [space.cosine(dicts[x], dicts[y]) for x, y in pairs]
    one = [arrays.cosine(vectors[x], vectors[y]) for x, y in pairs]
    batch = arrays.cosines([(vectors[x], vectors[y]) for x, y in pairs])
    assert all(math.isclose(p, q, rel_tol=1e-12, abs_tol=1e-15) for p, q in zip(want, one, strict=True))
    assert all(math.isclose(p, q, rel_tol=1e-12, abs_tol=1e-15) for p, q in zip(want, batch, strict=True))
    assert sum(1 for w in want if 0.05 < w < 0.95) > 50


def test_the_array_space_numbers_and_orders_features_as_numpy_would() -> None:
    """Large comparisons number their features and order their postings by sorting packed numbers
    rather than indices (``unique_inverse``, ``stable_order``): the same distinct values, places and
    stable order as ``np.unique`` and ``np.argsort``, on the feature codes of two real plans (pairs
    of words numbered past 2³¹) and on keys of every size, ties included, up to where packing no
    longer fits and numpy's own way is taken."""
    import numpy as np

    from plandiff.compare import aligner, arrayspace
    from plandiff.compare.arrayspace import ArraySpace, stable_order, unique_inverse

    na, nb = aligner._nodes(load("tth-2024")), aligner._nodes(load("hungyen-2024"))
    space = ArraySpace(na, nb)
    codes = np.concatenate([arrayspace._features(space._numbered(n.sub)) for n in na + nb])
    assert (codes >= arrayspace.PAIR_BASE).sum() > 1000 and len(np.unique(codes)) < len(codes) / 2
    distinct, inverse = space._numbered_features(codes)
    want, want_inverse = np.unique(codes, return_inverse=True)
    assert np.array_equal(distinct, want) and np.array_equal(inverse, want_inverse.reshape(-1))
    rng = np.random.default_rng(12)
    for top, n in [(1, 5), (3, 1000), (10**6, 5000), (2**40, 3000), (2**62, 50), (7, 0)]:
        keys = rng.integers(0, top, size=n, dtype=np.int64)
        got, places = unique_inverse(keys, top)
        want, want_places = np.unique(keys, return_inverse=True)
        assert np.array_equal(got, want) and np.array_equal(places, want_places.reshape(-1))
        assert np.array_equal(stable_order(keys, top), np.argsort(keys, kind="stable"))


@pytest.mark.parametrize(("a", "b"), [("tth-2023", "tth-2024"), ("tth-2024", "hungyen-2024"), ("anlao-2024", "tth-2024"),
                                    ("bacninh-ktso-2025.md", "~"), ("cantho-danso-2025.md", "~"),
                                    ("luongminh-baucu-2025.docx", "~"), ("hanoi-5giot-2025.md", "~")])
def test_an_alignment_worked_in_arrays_pairs_as_one_worked_in_dicts(monkeypatch: pytest.MonkeyPatch, a: str,
                                                                    b: str) -> None:
    """The array space (large comparisons, and every comparison of a few dozen clauses in the
    server, which keeps numpy loaded) and the dict space (ordinary ones) pair the clauses of real
    plans alike — seeds and field documents of eight issuers — with the same kinds, rules and
    evidence, and scores equal to rounding: a served command and one run here say the same."""
    import math

    from plandiff.compare import candidates
    from tests.synthetic import vary

    def plan(name: str) -> plandiff.Plan:
        return plandiff.parse_file(FIXTURES / "field" / name) if "." in name else load(name)

    # "~": a field document against a version of it reworded, its clauses shuffled
    pa = plan(a)
    pb = vary(pa, seed=7) if b == "~" else plan(b)
    got = {}
    for way, bar in (("dicts", 10**9), ("arrays", 0)):
        monkeypatch.setattr(candidates, "VECTORISE_FROM", bar)
        got[way] = {(p.a, p.b): p for p in plandiff.align(pa, pb).pairs}
    assert got["arrays"].keys() == got["dicts"].keys()
    for key, want in got["dicts"].items():
        have = got["arrays"][key]
        assert (have.kind, have.rule, have.evidence) == (want.kind, want.rule, want.evidence)
        assert math.isclose(have.score, want.score, rel_tol=1e-9)
    assert len(got["dicts"]) > 10


def test_a_process_that_keeps_numpy_works_in_arrays_from_a_few_dozen_clauses(monkeypatch: pytest.MonkeyPatch) -> None:
    """``keep_numpy`` (the server's) lowers the size from which comparisons are worked in arrays,
    never raises it; a cold command keeps the dict space for ordinary plans."""
    from plandiff.compare import aligner, candidates

    monkeypatch.setattr(candidates, "VECTORISE_FROM", candidates.VECTORISE_FROM)
    na, nb = aligner._nodes(load("tth-2024")), aligner._nodes(load("hue-2026"))
    assert not candidates.large(na, nb)
    candidates.keep_numpy()
    assert candidates.VECTORISE_FROM == candidates.VECTORISE_LOADED and candidates.large(na, nb)
    assert not candidates.large(na[:20], nb[:20])
    monkeypatch.setattr(candidates, "VECTORISE_FROM", 10)
    candidates.keep_numpy()
    assert candidates.VECTORISE_FROM == 10


def test_coverage_of_array_vectors_is_a_lookup_not_numpys_isin() -> None:
    """The share of a vector's weight that parts have: as the definition says, without loading
    numpy.ma (which np.isin does on first use: some 10 ms of a command)."""
    import subprocess
    import sys

    script = ("import sys, numpy as np\n"
              "from plandiff.compare.arrayspace import coverage\n"
              "v = (np.array([3, 5, 9]), np.array([0.5, 0.5, 0.7]))\n"
              "got = coverage(v, [(np.array([5, 9, 100]), np.array([1.0, 1, 1])), (np.array([1]), np.array([1.0]))])\n"
              "assert abs(got - (0.25 + 0.49) / (0.25 + 0.25 + 0.49)) < 1e-12, got\n"
              "assert coverage(v, []) == 0.0 and coverage(v, [(np.array([], dtype=np.int64), np.array([]))]) == 0.0\n"
              "print('numpy.ma' in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False"]


@pytest.mark.parametrize(("a", "b"), [("tth-2023", "tth-2024"), ("tth-2024", "hungyen-2024"), ("tth-2024", "anlao-2024")])
def test_similarities_worked_out_at_once_are_those_asked_one_at_a_time(a: str, b: str) -> None:
    """Large plans have the similarities of all candidate pairs worked out in one batch (edit ratios
    on every core): the same floats, bit for bit, as asking ``sim`` pair by pair; and the batch holds
    every pair of texts that scoring the candidates asks for, so none is worked out twice."""
    from plandiff.compare import aligner
    from plandiff.compare.candidates import candidates

    na, nb = aligner._nodes(load(a)), aligner._nodes(load(b))
    scorer = aligner._Scorer(na, nb)
    cands = candidates(na, nb, scorer.space, scorer.v)
    one_by_one = aligner._Scorer(na, nb)
    want = {(i, j): one_by_one.score(i, j) for i, j in cands}
    batch = aligner._Scorer(na, nb)
    batch.prefetch(cands)
    worked_out = dict(batch.sims)
    assert {(i, j): batch.score(i, j) for i, j in cands} == want
    assert batch.sims == worked_out  # scoring found every text pair already there
    assert worked_out == {k: v for k, v in one_by_one.sims.items() if k in worked_out}
    assert len(worked_out) == len(one_by_one.sims)
    assert any(0 < v < 1 for v in worked_out.values())


def test_cosines_in_numpy_are_the_floats_of_one_pair_at_a_time() -> None:
    """The batch and the single pair walk the same vector in the same order: equal floats, bit for
    bit, whichever vector comes first; pairs sharing nothing are 0; the value is the dot product."""
    import math

    from plandiff.compare import aligner
    from plandiff.compare.cosines import cosine, cosines
    from tests.synthetic import grow, vary

    pa = grow(load("tth-2024"), 3)
    pb = vary(grow(load("hue-2026"), 3), seed=3)
    na, nb = aligner._nodes(pa), aligner._nodes(pb)
    scorer = aligner._Scorer(na, nb)
    texts_a = [n.own for n in na] + [n.sub for n in na if n.has_children]
    texts_b = [n.own for n in nb] + [n.sub for n in nb if n.has_children]
    pairs = [(scorer.v(x), scorer.v(y)) for x, y in zip(texts_a, texts_b * 3, strict=False) if x and y]
    pairs += [(y, x) for x, y in pairs[:50]] + [({"a": 1.0}, {"b": 1.0}), ({"a": 0.6, "b": 0.8}, {"b": 0.8, "a": 0.6})]
    got = cosines(pairs)
    assert got == [cosine(x, y) for x, y in pairs]
    assert got[:50] == [cosine(y, x) for x, y in pairs[:50]]
    assert got[-2] == 0.0
    for (x, y), value in zip(pairs, got, strict=True):
        assert math.isclose(value, math.fsum(x[t] * y[t] for t in x.keys() & y.keys()), rel_tol=1e-12, abs_tol=1e-15)
    assert len({round(v, 6) for v in got}) > 100


def test_candidates_per_clause_level_off_as_a_plan_of_repeated_parts_grows() -> None:
    """A word of one clause is in every part of a plan made of repeated parts: its posting list
    grows with the parts, and past ``POSTINGS`` only the nearest are scanned. The bound is reached
    by ten parts, so from ten to thirty the candidates grow with the clauses, not faster (with a
    bound of sixteen they grew 15% faster: 17.3 → 19.9 a clause)."""
    from plandiff.compare import aligner, candidates
    from tests.synthetic import grow, vary

    base = load("tth-2024")
    per_clause = {}
    for parts in (10, 30):
        scorer = aligner._Scorer(aligner._nodes(grow(base, parts)), aligner._nodes(vary(grow(base, parts), seed=parts)))
        per_clause[parts] = len(candidates.candidates(scorer.na, scorer.nb, scorer.space, scorer.v)) / len(scorer.na)
        # words looked up (not common) whose lists reach the bound: one clause's words, in every part
        limit = candidates.common_from(scorer.space.n)
        df = scorer.space.df  # a large comparison's: an array over the numbered features
        assert int(((df > candidates.POSTINGS) & (df <= limit)).sum()) > 100
    assert per_clause[10] > 12
    assert per_clause[30] <= 1.07 * per_clause[10], per_clause


def test_items_of_alike_agencies_are_paired_with_the_nearest_when_many() -> None:
    """Agency items whose names start alike are candidates of each other — all of them in a plan
    (two at most start alike), the ``POSTINGS`` nearest the item's own place in a plan of thirty
    repeated parts, so the candidates grow with the plan, not with its square."""
    from plandiff.compare import aligner, candidates
    from tests.synthetic import grow

    a, b = load("tth-2024"), load("hue-2026")
    na, nb = aligner._nodes(a), aligner._nodes(b)
    one = candidates._agency_pairs(na, nb, len(nb) / len(na))
    starts = {i: " ".join(na[i].agency.split()[:2]) for i, _ in one}
    assert one == {(i, j) for i in starts for j, n in enumerate(nb) if n.agency and " ".join(n.agency.split()[:2]) == starts[i]}
    assert len(one) >= 10

    ga, gb = aligner._nodes(grow(a, 30)), aligner._nodes(grow(b, 30))
    scale = len(gb) / len(ga)
    many = candidates._agency_pairs(ga, gb, scale)
    per_item = Counter(i for i, _ in many)
    assert max(per_item.values()) == candidates.POSTINGS
    assert len(many) <= candidates.POSTINGS * len(per_item) < 30 * 30 * len(one) // 2  # not every copy with every copy
    for i, j in many:  # the nearest copies: within a few copies of the item's own place
        assert abs(j - i * scale) <= candidates.POSTINGS * len(gb) / 30


def test_matching_keys_are_those_of_every_pattern_tried() -> None:
    """The mask tries a pattern only where a substring it needs stands: the same keys as trying
    every pattern on every text (abbreviations, place and level words, years)."""
    import re

    from plandiff.compare.aligner import _ABBREV_RE, _ABBREVIATIONS, _YEAR, matching_key
    from plandiff.textnorm import key_words, match_key

    def every_pattern(text: str, plan: plandiff.Plan) -> str:
        key = _ABBREV_RE.sub(lambda m: _ABBREVIATIONS[m.group(1)], match_key(text))
        j = plan.meta.jurisdiction
        if j is not None and j.name:
            name = match_key(j.name)
            if j.level:
                key = key.replace(f"{j.level} {name}", " #jur ")
            key = key.replace(name, " #jur ")
            if j.level:
                key = re.sub(rf"(?<!\w){re.escape(j.level)}(?!\w)", " #jur ", key)
        return " ".join(key_words(_YEAR.sub("#y", key).replace("#", "xx")))

    checked = 0
    for name in ("tth-2023", "tth-2024", "hue-2026", "hungyen-2024", "anlao-2024"):
        plan = load(name)
        texts = [plan.preamble, *(t for c in plan.walk() for t in (c.text, c.heading))]
        for text in texts:
            assert matching_key(text, plan) == every_pattern(text, plan), text
            checked += 1
    assert checked > 500


def test_subtree_features_are_those_of_the_subtrees_text() -> None:
    """A subtree's words and word pairs counted from its parts are those of its whole text, in
    the same order (the order its TF-IDF vector is walked in)."""
    from plandiff.compare.aligner import _features, _nodes, _tree_features
    from tests.synthetic import grow, vary

    plans = [load(n) for n in ("tth-2024", "hue-2026", "anlao-2024")]
    plans.append(vary(grow(plans[0], 2), seed=3))
    subtrees = 0
    for plan in plans:
        nodes = _nodes(plan)
        feats = _tree_features(nodes)
        for n in nodes:
            assert list(feats[n.own].items()) == list(_features(n.own).items())
            assert list(feats[n.sub].items()) == list(_features(n.sub).items())
            subtrees += n.has_children
    assert subtrees > 100


def test_plans_of_ordinary_size_are_compared_without_loading_numpy() -> None:
    """Loading numpy costs a command some 50 ms, more than arrays save below ``VECTORISE_FROM``: the
    largest real document of the test data (a department's 244-clause plan) against a province's
    104-clause plan, and the seed pair, are aligned without numpy ever being imported."""
    import subprocess
    import sys

    from plandiff.compare import candidates
    from tests.conftest import FIXTURES

    largest, seed = FIXTURES / "field" / "bacninh-ktso-2025.md", FIXTURES / "hue-2026.txt"
    script = ("import sys, plandiff\n"
              "from pathlib import Path\n"
              f"a, b = plandiff.parse_file(Path({str(largest)!r})), plandiff.parse_file(Path({str(seed)!r}))\n"
              f"t = plandiff.parse_file(Path({str(FIXTURES / 'tth-2024.txt')!r}))\n"
              "n = sum(1 for _ in a.walk()) + sum(1 for _ in b.walk())\n"
              "assert plandiff.align(a, b).pairs and plandiff.align(t, b).pairs\n"
              "print(n, 'numpy' in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    clauses, loaded = done.stdout.split()
    assert 300 < int(clauses) < candidates.VECTORISE_FROM
    assert loaded == "False"


@pytest.mark.parametrize("empty_first", [True, False])
def test_a_large_plan_against_one_without_clauses(empty_first: bool) -> None:
    """A large comparison (worked in arrays) with a plan that has only a title and a preamble: every
    clause of the other is added (or removed), none is paired, and nothing fails for want of a
    feature to look up."""
    from plandiff.compare import candidates
    from tests.synthetic import grow

    bare = plandiff.parse_text("KẾ HOẠCH\nThực hiện công tác bình đẳng giới năm 2025\n\n"
                               "Ủy ban nhân dân tỉnh ban hành kế hoạch này để thực hiện.\n")
    large = grow(load("tth-2024"), 16)
    n = len(list(large.walk()))
    assert n >= candidates.VECTORISE_FROM and not list(bare.walk())
    al = plandiff.align(bare, large) if empty_first else plandiff.align(large, bare)
    assert not al.pairs
    assert len(al.added if empty_first else al.removed) == n
