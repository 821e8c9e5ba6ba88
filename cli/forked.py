"""A stage run beside the main line: in a forked child, while the parent does another stage.

Why: ``plandiff diff`` has stages that need only the parsed plans (citations, duties) and one that
takes most of the time (alignment); on two cores they can run at once. A forked child has the
parent's plans without pickling them; only its result comes back, pickled, through a pipe. Where
fork is missing (Windows) or not safe (macOS, whose system libraries may deadlock in a forked
child: Python's multiprocessing spawns there) the stage runs in line when its result is asked
for. A child that fails, for any reason, costs nothing but time: the parent runs the stage
itself, so an error is raised where it would have been without the child (the stages are pure
functions of their inputs).
"""

from __future__ import annotations

import os
import pickle
import sys
from collections.abc import Callable, Iterator, Mapping
from types import TracebackType
from typing import Any, Generic, TypeVar

from .launch import keep_compiled

FORK = hasattr(os, "fork") and sys.platform.startswith("linux")
"""Whether stages run in forked children here."""

T = TypeVar("T")
K = TypeVar("K")
V = TypeVar("V")


class Forked(Generic[T]):
    """``fn(*args)`` started in a child; ``result()`` waits for it. Use as a context manager, so
    that a child whose result is never asked for (the parent failed first) is stopped."""

    def __init__(self, fn: Callable[..., T], *args: Any) -> None:
        self._fn, self._args = fn, args
        self._pid: int | None = None
        self._read: int | None = None
        if not FORK:
            return
        read, write = os.pipe()
        try:
            pid = os.fork()
        except OSError:  # no process left to fork: in line
            os.close(read)
            os.close(write)
            return
        if pid == 0:
            _child(read, write, fn, args)
        # the child is known before anything else is called (a signal is handled only at a call):
        # Ctrl-C or a kill from here on stops it too, even before ``with`` has this object
        self._pid, self._read = pid, read
        try:
            os.close(write)
        except BaseException:
            self.close()
            raise

    def result(self) -> T:
        """The stage's value: the child's, or worked out here when there is no child or it failed."""
        if self._pid is None:
            return self._fn(*self._args)
        assert self._read is not None
        with os.fdopen(self._read, "rb") as pipe:
            self._read = None
            data = pipe.read()
        _, status = os.waitpid(self._pid, 0)
        self._pid = None
        if status == 0 and data:
            try:
                return pickle.loads(data)  # our own child's bytes, through our own pipe
            except Exception:  # noqa: BLE001 - a torn result: the stage is worked out here instead
                pass
        return self._fn(*self._args)

    def __enter__(self) -> Forked[T]:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """Stop a child whose result was not asked for, and reap it (no zombie, no stray writer)."""
        if self._read is not None:
            os.close(self._read)
            self._read = None
        if self._pid is not None:
            import signal

            try:
                os.kill(self._pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            os.waitpid(self._pid, 0)
            self._pid = None


class Awaited(Mapping[K, V]):
    """A mapping that is a ``Forked`` stage's value, waited for at its first lookup: the parent
    does all it can before it needs the child's work (the page's sections before its table)."""

    def __init__(self, stage: Forked[Mapping[K, V]]) -> None:
        self._stage = stage
        self._value: Mapping[K, V] | None = None

    def _got(self) -> Mapping[K, V]:
        if self._value is None:
            self._value = self._stage.result()
        return self._value

    def __getitem__(self, key: K) -> V:
        return self._got()[key]

    def __iter__(self) -> Iterator[K]:
        return iter(self._got())

    def __len__(self) -> int:
        return len(self._got())


def _child(read: int, write: int, fn: Callable[..., Any], args: tuple[Any, ...]) -> None:
    """Work the stage, write its pickled value, and leave at once: no atexit handlers, no flush of
    the parent's buffered output a second time, no return into the parent's code."""
    code = 1
    try:
        os.close(read)
        data = pickle.dumps(fn(*args), protocol=pickle.HIGHEST_PROTOCOL)
        view = memoryview(data)
        while view:
            view = view[os.write(write, view):]
        code = 0
        os.close(write)  # the parent has the value: what is left to do here is not waited for
        keep_compiled()
    except BaseException:  # noqa: BLE001 - the parent works the stage itself and reports its error
        pass
    finally:
        os._exit(code)
