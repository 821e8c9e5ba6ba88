"""Adding files to the store, incrementally: a file whose content hash the store already holds is
skipped (so is a known non-plan), a changed file is indexed as a new version of its path."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputNotFound
from .engine import Engine
from .record import file_hash, index_file
from .store import INDEX_VERSION, Store

READABLE = (".txt", ".md", ".markdown", ".docx", ".doc", ".pdf", ".html", ".htm")
"""Extensions a folder is searched for (a file named on the command line is tried whatever its name)."""


@dataclass
class AddReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    reindexed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    """(path, one-line reason), this run's and the known ones' alike."""

    def summary(self) -> str:
        parts = [f"{len(self.added)} added", f"{len(self.updated)} updated (new version)", f"{len(self.unchanged)} unchanged"]
        if self.reindexed:
            parts.append(f"{len(self.reindexed)} re-indexed")
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
        progress: Callable[[int], None] | None = None, batch: int = 256) -> AddReport:
    """Parse and index what is new or changed among ``inputs``; results written from here, one
    transaction per batch. ``progress`` is called with the number of files done."""
    paths = discover(inputs)
    known = store.known()
    failed = store.failed()
    report = AddReport()
    todo: list[str] = []
    for path in paths:
        try:
            sha, _ = file_hash(path)
        except OSError as exc:
            report.failed.append((path, exc.strerror or str(exc)))
            continue
        if path in known and known[path] == (sha, INDEX_VERSION):
            report.unchanged.append(path)
        elif path not in known and path in failed and failed[path][0] == sha:
            report.failed.append((path, failed[path][1]))
        else:
            todo.append(path)
    if progress is not None and len(paths) > len(todo):
        progress(len(paths) - len(todo))
    if todo:
        own = engine is None
        engine = engine or Engine()
        if own:
            engine.__enter__()
        try:
            for results in engine.batches(index_file, todo, batch):
                for path, status, _ in store.put(results):
                    if status == "failed":
                        reason = next(r.reason for r in results if r.path == path)  # type: ignore[union-attr]
                        report.failed.append((path, reason))
                    else:
                        getattr(report, status).append(path)
                if progress is not None:
                    progress(len(results))
        finally:
            if own:
                engine.__exit__(None, None, None)
    return report
