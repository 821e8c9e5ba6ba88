"""Snapshots of every fixture's clause tree (markdown-it-py style): any change to how a real plan
is read shows up as a diff against tests/golden/. Regenerate deliberately with
PLANDIFF_UPDATE_GOLDEN=1 pytest tests/test_golden.py, then review the diff."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import plandiff
from tests.conftest import DATA, PLAN_FILES

GOLDEN = Path(__file__).resolve().parent / "golden"
SOURCES = [*PLAN_FILES, DATA / "tth-2024-layout.txt", DATA / "department-plan.txt"]


def snapshot(plan: plandiff.Plan) -> str:
    lines = [json.dumps(plan.meta.to_dict(), ensure_ascii=False, sort_keys=True)]
    for c in plan.walk():
        depth = c.id.count(".") - c.id.count("#")
        lines.append(f"{'  ' * depth}{c.id} [{c.kind}] {c.label} {c.text[:80]!r}")
    lines.extend(f"footnote {f.label} -> {f.clause}: {f.text[:60]!r}" for f in plan.footnotes)
    lines.extend(f"artefact {a.kind} {a.text!r}" for a in plan.artefacts if a.kind != "markup")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("path", SOURCES, ids=[p.name for p in SOURCES])
def test_tree_matches_the_golden_file(path: Path) -> None:
    got = snapshot(plandiff.parse(path))
    golden = GOLDEN / f"{path.name}.tree"
    if os.environ.get("PLANDIFF_UPDATE_GOLDEN"):
        golden.write_text(got, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden.name}: run with PLANDIFF_UPDATE_GOLDEN=1 and review it"
    assert got == golden.read_text(encoding="utf-8")
