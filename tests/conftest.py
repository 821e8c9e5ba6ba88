from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

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


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
"""The system's Chromium, which the page tests drive through Playwright (None: those tests skip)."""
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed (Debian package chromium)")


@contextmanager
def browser_page(uri: str) -> Iterator[tuple[Any, list[str], list[str]]]:
    """A page of the system Chromium opened at ``uri`` (a page's ``body[data-ready=true]`` waited
    for), with the errors its console and scripts report and the requests it makes for anything
    but a local file: a self-contained page has neither."""
    playwright = pytest.importorskip("playwright.sync_api")
    errors: list[str] = []
    requests: list[str] = []
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            page = browser.new_page()
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.on("request", lambda r: requests.append(r.url) if not r.url.startswith("file:") else None)
            page.goto(uri)
            page.wait_for_selector("body[data-ready=true]")
            yield page, errors, requests
        finally:
            browser.close()


@pytest.fixture(params=[p.stem for p in PLAN_FILES])
def any_plan(request: pytest.FixtureRequest) -> plandiff.Plan:
    return load(request.param)


# CI machines are noisy: no per-example deadlines and no "too slow" health check; a fixed
# derandomised profile keeps runs reproducible.
from hypothesis import HealthCheck, settings  # noqa: E402

settings.register_profile("plandiff", deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
settings.load_profile("plandiff")
