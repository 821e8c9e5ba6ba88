"""The collector is paused while plans are parsed and aligned, and left as the caller had it."""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

import plandiff
from plandiff.gcpause import collector_paused
from tests.conftest import load
from tests.synthetic import grow


@contextlib.contextmanager
def collections_counted() -> Iterator[list[int]]:
    """The generation of every collection that starts inside the block."""
    starts: list[int] = []

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            starts.append(info["generation"])

    gc.callbacks.append(count)
    try:
        yield starts
    finally:
        gc.callbacks.remove(count)


def test_no_collection_runs_while_plans_are_aligned_and_the_collector_is_back_on_after() -> None:
    a, b = grow(load("tth-2024"), 3), grow(load("hue-2026"), 3)
    plandiff.align(load("tth-2023"), load("tth-2024"))  # the aligner's modules loaded first
    assert gc.isenabled()
    with collections_counted() as starts:
        plandiff.align(a, b)
        assert gc.isenabled()
    # unpaused, this alignment runs dozens of passes; paused, at most the one that comes due as
    # the collector is put back on
    assert len(starts) <= 1


def test_no_collection_runs_while_a_plan_is_parsed() -> None:
    from tests.conftest import FIXTURES

    data = (FIXTURES / "tth-2024.txt").read_bytes()
    big = data + b"\n" + b"\n".join(data.splitlines()[20:]) * 3  # a plan long enough for many passes
    plandiff.parse(data)  # the parser's modules loaded first
    with collections_counted() as starts:
        plandiff.parse(big)
        assert gc.isenabled()
    assert len(starts) <= 1


def test_a_caller_that_turned_the_collector_off_keeps_it_off() -> None:
    gc.disable()
    try:
        plandiff.align(load("tth-2023"), load("tth-2024"))
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_nested_and_concurrent_pauses_put_the_collector_back_once_all_are_done() -> None:
    entered = threading.Barrier(2)
    release = threading.Event()

    def hold() -> None:
        with collector_paused():
            entered.wait()
            release.wait(10)

    worker = threading.Thread(target=hold)
    worker.start()
    with collector_paused():
        entered.wait()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert not gc.isenabled()  # the other thread is still inside
    release.set()
    worker.join()
    assert gc.isenabled()
