"""Adding files to the store, incrementally: a file whose content hash the store already holds is
skipped (so is a known non-plan), a changed file is indexed as a new version of its path."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import field
from pathlib import Path

from ..compiled import dataclass
from ..errors import InputNotFound
from .engine import Engine
from .record import Failure, file_hash, index_file
from .store import INDEX_VERSION, Store

READABLE = (".txt", ".md", ".markdown", ".docx", ".doc", ".rtf", ".odt", ".pdf", ".html", ".htm")
"""Extensions a folder is searched for (a file named on the command line is tried whatever its name)."""


@dataclass
class AddReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    reindexed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    moved: list[tuple[str, str]] = field(default_factory=list)
    """(old path, new path): the same content found at a new path while the old one is gone."""
    failed: list[tuple[str, str]] = field(default_factory=list)
    """(path, one-line reason), this run's and the known ones' alike."""

    def summary(self) -> str:
        parts = [f"{len(self.added)} added", f"{len(self.updated)} updated (new version)", f"{len(self.unchanged)} unchanged"]
        if self.reindexed:
            parts.append(f"{len(self.reindexed)} re-indexed")
        if self.moved:
            parts.append(f"{len(self.moved)} moved (nothing parsed)")
        parts.append(f"{len(self.failed)} skipped")
        return ", ".join(parts)


def discover(inputs: Iterable[str | os.PathLike[str]]) -> list[str]:
    """The files to add: folders searched recursively for readable extensions (hidden ones
    skipped), files as named. Paths are absolute, so that one file is one path whatever the
    current folder."""
    out: list[str] = []
    for item in inputs:
        p = Path(item)
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                out.extend(str(Path(root, f).resolve()) for f in sorted(files)
                           if not f.startswith(".") and f.lower().endswith(READABLE))
        elif p.exists():
            out.append(str(p.resolve()))
        else:
            raise InputNotFound(f"{item}: no such file or folder")
    return list(dict.fromkeys(out))


def add(store: Store, inputs: Iterable[str | os.PathLike[str]], *, engine: Engine | None = None,
        progress: Callable[[int], None] | None = None, batch: int = 1024) -> AddReport:
    """Parse and index what is new or changed among ``inputs``; results written from here, one
    transaction per partition of work. ``progress`` is called with the number of files done. A
    batch of 1024 plans holds about 80 MB of results: few batches (each a Dask run, a pause
    between them) and memory bounded whatever the corpus size."""
    paths = discover(inputs)
    known = store.known()
    failed = store.failed()
    report = AddReport()
    todo: list[str] = []
    # a document whose file is gone, found again at another path with the same content (a folder
    # renamed or reorganised) keeps its id, versions and index: only its path changes
    gone = {sha: old for old, (sha, _) in known.items() if not os.path.exists(old)}
    for path in paths:
        try:
            sha, _ = file_hash(path)
        except OSError as exc:
            report.failed.append((path, exc.strerror or str(exc)))
            continue
        if path not in known and sha in gone:
            old = gone.pop(sha)
            store.move(old, path)
            report.moved.append((old, path))
        elif path in known and known[path] == (sha, INDEX_VERSION):
            report.unchanged.append(path)
        elif path not in known and path in failed and failed[path][0] == sha:
            report.failed.append((path, failed[path][1]))
        else:
            todo.append(path)
    if progress is not None and len(paths) > len(todo):
        progress(len(paths) - len(todo))
    if todo:
        with ExitStack() as stack:
            if engine is None:  # our own, closed when done
                engine = stack.enter_context(Engine())
            _index(store, engine, todo, report, progress, batch)
    return report


def _index(store: Store, engine: Engine, todo: list[str], report: AddReport, progress: Callable[[int], None] | None,
           batch: int) -> None:
    """Index ``todo`` on ``engine``; one thread writes each chunk's plans as soon as the workers
    send them, while they compute the rest (the store is written from this process only)."""
    ids = store.new_ids(todo)  # ids in the order of the paths, whatever order work finishes in
    writes: list[tuple[Future, dict[str, str]]] = []  # no results kept once written

    def on_part(results: list) -> None:
        for done, _ in writes[-4:]:
            if done.done() and done.exception() is not None:
                raise done.exception()  # type: ignore[misc]  # a write failed: stop here
        reasons = {r.path: r.reason for r in results if isinstance(r, Failure)}
        writes.append((writer.submit(store.put, results, ids), reasons))
        if progress is not None:
            progress(len(results))

    with ThreadPoolExecutor(1, thread_name_prefix="plandiff-store") as writer:
        engine.stream(index_file, todo, on_part, batch)
    for done, reasons in writes:
        for path, status, _ in done.result():
            if status == "failed":
                report.failed.append((path, reasons[path]))
            else:
                getattr(report, status).append(path)
