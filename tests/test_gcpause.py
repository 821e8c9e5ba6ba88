"""The collector is paused while plans are parsed and aligned, and left as the caller had it."""

from __future__ import annotations

import gc
import threading

import plandiff
from plandiff.gcpause import collector_paused
from tests.conftest import load
from tests.synthetic import grow


def test_no_collection_runs_while_plans_are_aligned_and_the_collector_is_back_on_after() -> None:
    a, b = grow(load("tth-2024"), 3), grow(load("hue-2026"), 3)
    plandiff.align(load("tth-2023"), load("tth-2024"))  # the aligner's modules loaded first
    starts: list[int] = []

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            starts.append(info["generation"])

    gc.callbacks.append(count)
    try:
        assert gc.isenabled()
        plandiff.align(a, b)
        assert gc.isenabled()
    finally:
        gc.callbacks.remove(count)
    # unpaused, this alignment runs dozens of passes; paused, at most the one that comes due as
    # the collector is put back on
    assert len(starts) <= 1


def test_no_collection_runs_while_a_plan_is_parsed() -> None:
    from tests.conftest import FIXTURES

    data = (FIXTURES / "tth-2024.txt").read_bytes()
    big = data + b"\n" + b"\n".join(data.splitlines()[20:]) * 3  # a plan long enough for many passes
    plandiff.parse(data)  # the parser's modules loaded first
    starts: list[int] = []

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            starts.append(info["generation"])

    gc.callbacks.append(count)
    try:
        plandiff.parse(big)
        assert gc.isenabled()
    finally:
        gc.callbacks.remove(count)
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
