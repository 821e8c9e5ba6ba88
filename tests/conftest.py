from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

import plandiff

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
DATA = Path(__file__).resolve().parent / "data"
PLAN_FILES = sorted(p for p in FIXTURES.iterdir() if p.suffix in (".txt", ".md") and p.name != "README.md")


@cache
def load(name: str) -> plandiff.Plan:
    """A fixture plan by stem ("tth-2024"), parsed once per test session."""
    path = next(p for p in PLAN_FILES if p.stem == name)
    return plandiff.parse(path)


@pytest.fixture(params=[p.stem for p in PLAN_FILES])
def any_plan(request: pytest.FixtureRequest) -> plandiff.Plan:
    return load(request.param)


# CI machines are noisy: no per-example deadlines and no "too slow" health check; a fixed
# derandomised profile keeps runs reproducible.
from hypothesis import HealthCheck, settings  # noqa: E402

settings.register_profile("plandiff", deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
settings.load_profile("plandiff")
