"""A stage worked out in a forked child (``plandiff diff`` extracts citations and duties while it
aligns): the value comes back whole, a failing child costs nothing but time, and a child whose
value is not wanted is stopped and reaped. Real processes, no mocks."""

from __future__ import annotations

import os
import time

import pytest
from plandiff_cli.forked import FORK, Forked

forked = pytest.mark.skipif(not FORK, reason="stages are forked on Linux only")


def _where(size: int) -> tuple[int, str]:
    return os.getpid(), "đ" * size


@forked
def test_the_value_comes_from_another_process_whole() -> None:
    with Forked(_where, 300_000) as beside:  # larger than a pipe's buffer: no deadlock, nothing torn
        pid, text = beside.result()
    assert pid != os.getpid()
    assert text == "đ" * 300_000


def _only_here(parent: int) -> str:
    if os.getpid() != parent:
        raise RuntimeError("the child fails")
    return "worked out in the parent"


@forked
def test_a_failing_child_costs_only_time_the_parent_works_it_out() -> None:
    with Forked(_only_here, os.getpid()) as beside:
        assert beside.result() == "worked out in the parent"


def _fails() -> None:
    raise ValueError("not a plan")


@forked
def test_an_error_of_the_stage_is_raised_in_the_parent() -> None:
    with Forked(_fails) as beside, pytest.raises(ValueError, match="not a plan"):
        beside.result()


@forked
def test_a_child_whose_value_is_not_wanted_is_stopped_and_reaped() -> None:
    with Forked(time.sleep, 60) as beside:
        pid = beside._pid
        assert pid is not None
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # reaped: no longer our child, no zombie left
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


def _table() -> dict[str, int]:
    return {"I.1": os.getpid(), "I.2": 2}


@forked
def test_an_awaited_mapping_is_the_childs_value_at_its_first_lookup() -> None:
    from plandiff_cli.forked import Awaited

    with Forked(_table) as beside:
        table = Awaited(beside)
        assert beside._pid is not None  # nothing waited for yet
        assert table.get("I.2") == 2 and table["I.1"] != os.getpid()
        assert beside._pid is None  # reaped at the first lookup
        assert sorted(table) == ["I.1", "I.2"] and len(table) == 2 and table.get("II") is None


def test_where_stages_are_not_forked_they_run_in_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows has no fork, and macOS's is not safe: there the stage is worked out in the parent
    when its value is asked for, and a mapping waits for nothing."""
    import plandiff_cli.forked as forked_module
    from plandiff_cli.forked import Awaited

    monkeypatch.setattr(forked_module, "FORK", False)
    with Forked(_where, 10) as beside:
        assert beside._pid is None
        assert beside.result() == (os.getpid(), "đ" * 10)
    with Forked(_table) as beside:
        assert Awaited(beside)["I.1"] == os.getpid()


class _Stop(Exception):
    pass


def _sleeper() -> int:
    time.sleep(30)
    return 1


@forked
def test_a_signal_right_after_the_fork_stops_the_child_too() -> None:
    """SIGTERM (or Ctrl-C) may come the moment the child exists: the child is known before the
    first call after the fork (where a signal's handler runs), so it is stopped and reaped with the
    stage, though ``with`` never got the stage (it was left working, an orphan). The signal is a
    real one, sent to this process from that first call."""
    import signal

    real_close, real_fork = os.close, os.fork
    children: list[int] = []
    signalled: list[int] = []

    def fork_and_note() -> int:
        pid = real_fork()
        if pid:
            children.append(pid)
        return pid

    def close_then_signal(fd: int) -> None:
        real_close(fd)
        if children and not signalled:
            signalled.append(fd)
            os.kill(os.getpid(), signal.SIGTERM)

    def stop(_signum: int, _frame: object) -> None:
        raise _Stop

    before = signal.signal(signal.SIGTERM, stop)
    os.fork, os.close = fork_and_note, close_then_signal  # type: ignore[assignment]
    seen: list[int] = []
    try:
        with pytest.raises(_Stop):
            stage = Forked(_sleeper)
            seen.append(stage._pid or 0)
    finally:
        os.fork, os.close = real_fork, real_close
        signal.signal(signal.SIGTERM, before)
    assert children and signalled and not seen  # the signal came inside the constructor
    with pytest.raises(ProcessLookupError):
        os.kill(children[0], 0)  # stopped and reaped
