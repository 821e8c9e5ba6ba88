"""Where the corpus work runs: Dask, on a local process pool (every core) or on a cluster.

Nothing here schedules: a task per chunk of items (``dask.delayed``) maps a pure function and
Dask runs the tasks — with its multiprocessing scheduler on a pool of this machine's cores by
default, in this process for a single worker, or on a ``dask.distributed`` cluster given its
address. Each chunk's results come back here as soon as it is done, so that one place writes the store while the rest is
computed; runs of a bounded number of items keep memory bounded whatever the corpus size.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import BrokenExecutor
from contextlib import contextmanager
from typing import Any, TypeVar

from ..errors import MissingDependency, PlanError

T = TypeVar("T")
R = TypeVar("R")


class EngineError(PlanError):
    """The scheduler cannot be reached or the work failed on it."""


def apply_all(func: Callable[[T], R], items: list[T]) -> list[R]:
    """One task: ``func`` over a chunk of items."""
    return [func(item) for item in items]


def warm_up() -> None:
    """Import what indexing needs (a worker's first task would otherwise pay for it)."""
    from . import record

    record.warm_up()


class Engine:
    """``Engine()`` uses every local core; ``Engine(workers=1)`` runs in this process;
    ``Engine(scheduler="tcp://host:8786")`` runs on that Dask cluster."""

    def __init__(self, scheduler: str | None = None, workers: int | None = None) -> None:
        if workers is not None and workers < 1:
            raise EngineError("workers must be 1 or more")
        self.scheduler = scheduler
        self.workers = workers or (len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)
        self._client: Any = None
        self._pool: Any = None

    def __enter__(self) -> Engine:
        try:
            import dask  # noqa: F401
        except ImportError:
            raise MissingDependency("the corpus needs Dask, a dependency of plandiff: pip install dask") from None
        if self.scheduler:
            try:
                from distributed import Client
            except ImportError:
                raise MissingDependency("a cluster needs dask.distributed, a dependency of plandiff: pip install distributed") from None
            try:
                self._client = Client(self.scheduler, timeout="5s", set_as_default=False)
            except (OSError, TimeoutError) as exc:
                raise EngineError(f"cannot reach the Dask scheduler at {self.scheduler}: {exc}") from None
            self.workers = max(1, sum(self._client.nthreads().values()))
        elif self.workers > 1:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            # one pool for the whole run (Dask would start one per compute otherwise); its processes
            # start and import while this one is still reading the inputs
            self._pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"))
            for _ in range(self.workers):
                self._pool.submit(warm_up)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._client is not None:
            self._client.close()
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)

    @property
    def description(self) -> str:
        if self._client is not None:
            return f"Dask cluster {self.scheduler} ({self.workers} threads)"
        return f"{self.workers} local process{'es' if self.workers > 1 else ''}" if self._pool else "this process"

    def _tasks(self, func: Callable[[T], R], items: list[T]) -> list[Any]:
        """A Dask task per chunk of about 8 items (small chunks keep every worker busy to the end).
        The chunks go in as they are: Dask neither hashes nor walks them (a reuse run hands over
        half a million candidate pairs with their texts, which hashing would copy many times)."""
        import uuid

        from dask import delayed

        count = min(len(items), max(self.workers * 4, len(items) // 8))
        size = -(-len(items) // count)
        run = uuid.uuid4().hex
        return [delayed(apply_all, pure=False)(func, delayed(items[k:k + size], name=f"items-{run}-{k}", traverse=False))
                for k in range(0, len(items), size)]

    def _compute(self, tasks: list[Any]) -> tuple[Any, ...]:
        import dask

        if self._client is not None:
            return dask.compute(*tasks, scheduler=self._client)
        # the scheduler's function itself, not its name: Dask resolves a name only after importing
        # dask.distributed to look for a default client (half a second of every local run)
        if self._pool is not None:
            from dask.multiprocessing import get

            return dask.compute(*tasks, scheduler=get, pool=self._pool)
        from dask.local import get_sync

        return dask.compute(*tasks, scheduler=get_sync)

    def map(self, func: Callable[[T], R], items: list[T]) -> list[R]:
        """``func`` over ``items`` as Dask tasks; results in the items' order."""
        if not items:
            return []
        with self._failures():
            done = self._compute(self._tasks(func, items))
        return [r for part in done for r in part]

    def stream(self, func: Callable[[T], R], items: Iterable[T], on_part: Callable[[list[R]], None],
               size: int = 1024) -> None:
        """``func`` over ``items``; each chunk's results go to ``on_part`` as soon as that chunk is
        done (in no set order) — from Dask's task callbacks locally, ``as_completed`` on a cluster
        — so that writing overlaps computing. Run after run of ``size`` items, so that no more
        than a run's results are ever held."""
        it = iter(items)
        while batch := list(itertools.islice(it, size)):
            self._stream_run(func, batch, on_part)

    def _stream_run(self, func: Callable[[T], R], items: list[T], on_part: Callable[[list[R]], None]) -> None:
        from dask.callbacks import Callback

        tasks = self._tasks(func, items)
        with self._failures():
            if self._client is not None:
                from distributed import as_completed

                for future in as_completed(self._client.compute(tasks), loop=self._client.loop):
                    on_part(future.result())
                return
            wanted = {t.key for t in tasks}

            def posttask(key: Any, result: Any, dsk: Any, state: Any, worker_id: Any) -> None:
                if key in wanted:
                    on_part(result)

            with Callback(posttask=posttask):
                self._compute(tasks)

    @contextmanager
    def _failures(self) -> Iterator[None]:
        try:
            yield
        except PlanError:
            raise
        except BrokenExecutor:
            # a worker process killed (out of memory, a crash in a C extension): the pool is gone
            raise EngineError("a worker process stopped abruptly (out of memory, or killed); "
                              "what was written before it is kept: run the command again") from None
        except (OSError, TimeoutError) as exc:
            raise EngineError(f"the Dask run failed: {exc}") from None
