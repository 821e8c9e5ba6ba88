"""Round trips (bluebell style) and properties of alignment (RapidFuzz style invariants)."""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import plandiff
from tests.conftest import PLAN_FILES, load


@pytest.mark.parametrize("name", [p.stem for p in PLAN_FILES])
def test_plain_text_round_trip(name: str) -> None:
    plan = load(name)
    again = plandiff.parse(plandiff.render_plain(plan))
    assert [(c.id, c.label, c.kind, c.text) for c in again.walk()] == [(c.id, c.label, c.kind, c.text) for c in plan.walk()]
    assert again.preamble == plan.preamble
    for field in ("number", "date", "year", "place", "issuer", "jurisdiction", "title", "signer", "signer_title"):
        assert getattr(again.meta, field) == getattr(plan.meta, field), field


def _shuffled(plan: plandiff.Plan, section: str, seed: int) -> tuple[plandiff.Plan, dict[str, str]]:
    """The plan with one section's items (and their points) reordered and renumbered in print."""
    rng = random.Random(seed)
    target = plan.find(section)
    assert target is not None
    items = list(target.children)
    order = items[:]
    rng.shuffle(order)
    lines = plandiff.render_plain(plan).split("\n")
    # rebuild the section's lines in the new order, numbering items 1, 2, 3 … as a drafter would
    start = lines.index(f"{target.label} {target.text.split(chr(10))[0]}") + 1
    block_len = sum(1 + len(c.text.split("\n")) - 1 for item in items for c in item.walk())
    new_block: list[str] = []
    truth: dict[str, str] = {}
    for k, item in enumerate(order, start=1):
        new_item = f"{section}.{k}"
        truth[item.id] = new_item
        for c in item.walk():
            head, *rest = c.text.split("\n")
            label = f"{k}." if c is item else c.label
            new_block.append(f"{label} {head}")
            new_block.extend(rest)
            if c is not item:
                truth[c.id] = new_item + c.id[len(item.id):]
    lines[start:start + block_len] = new_block
    return plandiff.parse("\n".join(lines)), truth


@settings(max_examples=12, deadline=None)
@given(st.integers(min_value=0, max_value=10_000), st.sampled_from(["II", "IV"]))
def test_reordered_and_renumbered_items_are_recovered(seed: int, section: str) -> None:
    plan = load("tth-2024")
    shuffled, truth = _shuffled(plan, section, seed)
    al = plandiff.align(plan, shuffled)
    got = {p.a: p.b for p in al.pairs}
    for old, new in truth.items():
        assert got.get(old) == new, (old, new, got.get(old))
    assert not al.added and not al.removed
    for p in al.pairs:
        assert p.kind in ("unchanged", "moved")
        assert not p.edited



NOISE = {
    "crlf": lambda s: s.replace("\n", "\r\n"),
    "no blank lines": lambda s: re.sub(r"\n\s*\n", "\n", s),
    "indented": lambda s: s.replace("\n", "\n\t"),
    "trailing spaces": lambda s: s.replace("\n", "   \n"),
    "double spaced": lambda s: s.replace("\n", "\n\n"),
}


@pytest.mark.parametrize("noise", sorted(NOISE))
@pytest.mark.parametrize("name", [p.stem for p in PLAN_FILES if p.suffix == ".txt"])
def test_layout_noise_does_not_change_the_tree(name: str, noise: str) -> None:
    plan = load(name)
    noisy = plandiff.parse(NOISE[noise](plan.source))
    assert [(c.id, c.text) for c in noisy.walk()] == [(c.id, c.text) for c in plan.walk()]
    assert noisy.meta.number == plan.meta.number and noisy.meta.signer == plan.meta.signer
