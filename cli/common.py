"""What every command shares: the one-line error, output checks, writing results."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from typing import Any

import click

import plandiff
from plandiff.errors import PlanError

from .output import check_output, write_atomic


class UserError(click.ClickException):
    exit_code = 2

    def show(self, file: Any = None) -> None:
        click.echo(f"plandiff: {self.format_message()}", err=True)


TASK_FORMATS = {".json": "json", ".csv": "csv", ".ics": "ics", ".html": "html", ".htm": "html", ".docx": "docx",
                ".txt": "text", ".md": "text", "": "text"}
"""What a tasks command writes for an output's extension (a flag, --json/--csv/--ics, comes first)."""


def tasks_format(output: str | None, as_json: bool, as_csv: bool, as_ics: bool) -> str:
    """The format a tasks command writes: its flag's, else its output's extension's, else text."""
    from pathlib import Path

    if sum((as_json, as_csv, as_ics)) > 1:
        raise UserError("choose one of --json, --csv, --ics")
    flagged = "json" if as_json else "csv" if as_csv else "ics" if as_ics else None
    if flagged or not output:
        return flagged or "text"
    fmt = TASK_FORMATS.get(Path(output).suffix.lower())
    if fmt is None:
        raise UserError(f"{output}: the duties are written as .txt, .json, .csv, .ics, .html or .docx")
    return fmt


def guard_output(output: str | None, inputs: list[str]) -> None:
    """Refuse, before anything is read, an output that would overwrite an input (the same file by
    any path or link) or that is not a place for a file (a device, a FIFO, a directory)."""
    if not output:
        return
    try:
        check_output(output, [i for i in inputs if i != "-"])
    except PlanError as exc:
        raise UserError(str(exc)) from None


def write(data: str | bytes | Iterable[bytes], output: str | None) -> None:
    """To ``output`` atomically, or to stdout (text with a newline, bytes as they are, chunks in
    turn)."""
    if output:
        try:
            write_atomic(output, data)
        except OSError as exc:
            raise UserError(f"cannot write {output}: {exc.strerror or exc}") from None
    elif isinstance(data, bytes):
        sys.stdout.buffer.write(data)
    elif isinstance(data, str):
        click.echo(data)
    else:
        for chunk in data:
            sys.stdout.buffer.write(chunk)


def to_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1)


def emit_trace(g: plandiff.CitationGraph, instrument: str, as_json: bool, where: str) -> None:
    """Which plans derive from ``instrument``: JSON, or one line a plan with its chain."""
    result = g.trace(instrument)
    if not result["instrument"]["ids"]:
        raise UserError(f"no instrument {instrument!r} is cited by {where}")
    if as_json:
        write(to_json(result), None)
    else:
        write("\n".join(f"{p['file']}: {' → '.join(p['via'])}" for p in result["plans"]), None)
