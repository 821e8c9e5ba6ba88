"""``plandiff`` — parse, compare and trace Vietnamese government plans.

Exit codes follow diff(1) where it applies: 0 success (or: no differences), 1 differences
found (``diff --exit-code``), 2 trouble (bad input, bad usage).
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

import click

import plandiff
from plandiff.errors import PlanError
from plandiff.read.source import MAX_BYTES

from .common import UserError, emit_trace, guard_output, tasks_format, to_json, write
from .forked import Awaited, Forked
from .launch import leave_now

if TYPE_CHECKING:
    from plandiff.compare.appendices import AppendixComparison

CORPUS_REF = re.compile(r"^corpus:(?P<id>\d+)$")
"""A document of the corpus store (``plandiff corpus ls`` shows the ids), where a file would go."""


def _load(path: str, db: str | None = None) -> plandiff.Plan:
    """A plan from a file, from standard input for "-" (``pdftotext plan.pdf - | plandiff parse -``),
    or from the corpus for "corpus:ID"."""
    try:
        if CORPUS_REF.match(path) and not Path(path).exists():
            from .corpus import open_store

            with open_store(db or os.environ.get("PLANDIFF_DB", "corpus.sqlite")) as store:
                return store.plan(path)
        if path == "-":
            data = sys.stdin.buffer.read(MAX_BYTES + 1)  # bounded: stdin may be /dev/zero
            if len(data) > MAX_BYTES:
                raise plandiff.errors.InputTooLarge(f"standard input: more than {MAX_BYTES // (1024 * 1024)} MB is too large for a plan")
            return plandiff.parse(data, name="stdin")
        return plandiff.parse_file(Path(path))
    except PlanError as exc:
        raise UserError(str(exc)) from None


def _check_page_output(output: str | None, text_format: bool, suffixes: tuple[str, ...]) -> None:
    """A page is not for a terminal: HTML without -o is refused when stdout is one; an output
    whose extension the command cannot write is a clear error."""
    if output and suffixes and Path(output).suffix.lower() not in suffixes:
        raise UserError(f"{output}: this command writes " + ", ".join(suffixes))
    if not output and not text_format and sys.stdout.isatty():
        raise UserError("the page is HTML: write it to a file with -o page.html (or pipe it)")


class _Commands(click.Group):
    """The command group, with the commands few runs need (``server``, ``corpus``) imported when named."""

    LAZY: ClassVar[dict[str, tuple[str, str]]] = {"server": ("server", "server"), "corpus": ("corpus", "corpus")}
    """Command name → (module of this package, its click command)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*super().list_commands(ctx), *self.LAZY])

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.LAZY and cmd_name not in self.commands:
            import importlib

            module, name = self.LAZY[cmd_name]
            self.add_command(getattr(importlib.import_module(f".{module}", __package__), name), cmd_name)
        return super().get_command(ctx, cmd_name)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(plandiff.__version__, prog_name="plandiff")
def cli() -> None:
    """Compare and version Vietnamese government plans (kế hoạch)."""


@cli.command()
@click.argument("file", type=str)
@click.option("--json", "as_json", is_flag=True, help="Print the plan as JSON.")
@click.option("-o", "--output", type=str, help="Write to this file instead of stdout.")
def parse(file: str, as_json: bool, output: str | None) -> None:
    """Parse FILE into its header and clause tree."""
    guard_output(output, [file])
    plan = _load(file)
    if as_json:
        data = plan.to_dict()
        data.pop("header", None)
        write(to_json(data), output)
    else:
        write(plandiff.render_outline(plan), output)


@cli.command()
@click.argument("a", type=str)
@click.argument("b", type=str)
@click.option("--json", "as_json", is_flag=True, help="Print the alignment as JSON.")
@click.option("--cross/--same-issuer", default=None, help="Force cross-jurisdiction (text reuse) or same-issuer matching.")
@click.option("-o", "--output", type=str, help="Write to this file instead of stdout.")
def align(a: str, b: str, as_json: bool, cross: bool | None, output: str | None) -> None:
    """Pair the clauses of plans A and B."""
    guard_output(output, [a, b])
    result = plandiff.align(_load(a), _load(b), cross=cross)
    if as_json:
        write(to_json(result.to_dict()), output)
    else:
        write(plandiff.render_alignment_text(result), output)


@cli.command()
@click.argument("a", type=str)
@click.argument("b", type=str)
@click.option("-o", "--output", type=str, help="Write the report here (default: stdout).")
@click.option("--format", "fmt", type=click.Choice(["html", "json", "md", "docx", "table"]), default=None,
              help="Report format (default: from the output's extension, else html). docx: B with Word tracked "
                   "changes against A; table: the three-column comparison table (bảng so sánh) as .docx.")
@click.option("--cross/--same-issuer", default=None, help="Force cross-jurisdiction or same-issuer matching.")
@click.option("--exit-code", is_flag=True, help="Exit 1 when the plans differ, 0 when they are the same (like diff).")
@click.option("--lang", type=click.Choice(["vi", "en"]), default="vi", help="The language of an HTML or Markdown report (Vietnamese by default).")
@click.option("--db", default=None, envvar="PLANDIFF_DB", help="The corpus that corpus:ID arguments come from (default: corpus.sqlite).")
def diff(a: str, b: str, output: str | None, fmt: str | None, cross: bool | None, exit_code: bool, lang: str,
         db: str | None) -> None:
    """Compare plans A and B (files, or corpus:ID): an HTML report (or JSON / Markdown)."""
    guard_output(output, [a, b])
    if output and fmt is None and Path(output).suffix.lower() not in (".html", ".htm", ".json", ".md", ".docx"):
        raise UserError(f"{output}: a report is written as .html, .json, .md or .docx (or say --format)")
    _check_page_output(output, fmt in ("json", "md"), ())
    if fmt is None:
        fmt = {".json": "json", ".md": "md", ".docx": "docx"}.get(Path(output).suffix.lower(), "html") if output else "html"
    plan_a, plan_b = _load(a, db), _load(b, db)
    if fmt == "html":
        # the page's citations and duties need only the plans: worked out beside the alignment
        with Forked(_page_inputs, plan_a, plan_b) as beside:
            result = plandiff.align(plan_a, plan_b, cross=cross)
            cites, extracted = beside.result()
    else:
        result = plandiff.align(plan_a, plan_b, cross=cross)
    from plandiff.render.html import LITTLE_SHARED, shared_share

    share = shared_share(result)
    if share < LITTLE_SHARED:
        click.echo(f"plandiff: warning: {a} and {b} share almost nothing ({share:.0%} of clauses paired); "
                   "they may not be two versions of one plan", err=True)
    appendices = plandiff.compare_appendices(plan_a, plan_b) if plan_a.appendices or plan_b.appendices else []
    if fmt in ("docx", "table"):
        from plandiff.render.docx import comparison_table, tracked_changes

        if not output:
            raise UserError("a Word comparison is a file: give -o changes.docx")
        write(tracked_changes(result) if fmt == "docx" else comparison_table(result, appendices=appendices), output)
        _report_written(output, result, exit_code, appendices)
        return
    if fmt == "json":
        data = result.to_dict()
        if appendices:  # (the key only where a plan has appendices)
            data["appendices"] = [c.to_dict() for c in appendices]
        text = to_json(data)
    elif fmt == "md":
        text = plandiff.render_markdown(result, appendices=appendices, lang=lang)
    else:
        from plandiff.render.html import table_word_diffs
        from plandiff.tasks import compare_tasks

        # the table's word diffs in a child while the duties and the sections above it are made
        with Forked(table_word_diffs, result) as diffing:
            duties = compare_tasks(plan_a, plan_b, result, extracted=extracted).to_dict()
            text = plandiff.render_html(result, citations=cites, tasks=duties, lang=lang, word_diffs=Awaited(diffing),
                                        appendices=appendices)
    write(text, output)
    _report_written(output, result, exit_code, appendices)


def _report_written(output: str | None, result: plandiff.Alignment, exit_code: bool,
                    appendices: list[AppendixComparison]) -> None:
    """Say what the report holds (when written to a file) and, with ``--exit-code``, exit 1 when
    the plans differ: in their clauses or in their appendices' rows."""
    counts = result.counts()
    appendix_rows = 0
    if appendices:  # (the appendices' module imported only then)
        from plandiff.compare.appendices import changed_rows

        appendix_rows = changed_rows(appendices)
    if output:
        said = ", ".join(f"{v} {k}" for k, v in counts.items() if v)
        click.echo(f"wrote {output}: {said}" + (f"; appendices: {appendix_rows} rows changed" if appendix_rows else ""),
                   err=True)
    if exit_code and (appendix_rows or any(v for k, v in counts.items() if k != "unchanged")):
        raise click.exceptions.Exit(1)


def _page_inputs(a: plandiff.Plan, b: plandiff.Plan) -> tuple[dict[str, list[str]], tuple[list[Any], list[Any]]]:
    """What the page shows besides the alignment: the citations compared, each plan's duties."""
    from plandiff.tasks import tasks

    return plandiff.compare_citations(a, b), (tasks(a), tasks(b))


@cli.command()
@click.argument("files", nargs=-1, required=True, type=str)
@click.option("-o", "--output", type=str, help="Write the report here (default: stdout).")
@click.option("--json", "as_json", is_flag=True, help="Print the lineages as JSON.")
@click.option("--strict", is_flag=True, help="A file that is not a plan is an error (default: skipped with a warning).")
@click.option("--lang", type=click.Choice(["vi", "en"]), default="vi", help="The page's language (Vietnamese by default).")
@click.option("--db", default=None, envvar="PLANDIFF_DB", help="The corpus that corpus:ID arguments come from (default: corpus.sqlite).")
def history(files: tuple[str, ...], output: str | None, as_json: bool, strict: bool, lang: str, db: str | None) -> None:
    """Follow each clause through versions FILES (oldest first): a blame for plans. A version may be
    a corpus document (corpus:ID), and corpus:S3 stands for every document of that series."""
    files = _expand_series(files, db)
    if len(files) < 2:
        raise UserError("history needs at least two versions")
    guard_output(output, list(files))
    as_json = as_json or bool(output and output.lower().endswith(".json"))
    _check_page_output(output, as_json, (".html", ".htm", ".json"))
    plans = [plan for _, plan in _load_many(files, strict=strict, db=db)]
    if len(plans) < 2:
        raise UserError("history needs at least two versions that are plans")
    result = plandiff.history(plans)
    if result.order and result.order[-1].startswith("reordered"):
        # the order the documents give wins; say so, with the evidence
        click.echo("plandiff: versions put in the order the documents give: " + "; ".join(result.order[:-1]), err=True)
    if as_json:
        write(to_json(result.to_dict()), output)
    else:
        write(plandiff.render_history_html(result, lang=lang), output)
    if output:
        click.echo(f"wrote {output}: {len(result.plans)} versions, {len(result.lineages)} lineages", err=True)


@cli.command()
@click.argument("file", type=str)
@click.option("--json", "as_json", is_flag=True, help="Print citations and warnings as JSON.")
@click.option("-o", "--output", type=str, help="Write to this file instead of stdout.")
@click.option("--lang", type=click.Choice(["vi", "en"]), default="vi", help="The language of the roles (Vietnamese by default).")
def cite(file: str, as_json: bool, output: str | None, lang: str) -> None:
    """List the legal instruments FILE cites."""
    from plandiff.cite.citations import extract
    from plandiff.render.words import language

    guard_output(output, [file])
    cites, warnings = extract(_load(file))
    if as_json:
        write(to_json({"citations": [c.to_dict() for c in cites], "warnings": warnings}), output)
        return
    roles = language(lang)["roles"]
    lines = [f"{roles.get(c.role, c.role):8} {c.clause or '':12} {c.type or '':12} {c.symbol or '':22} {c.date or '':10} "
             f"{(c.title or '')[:70]}" for c in cites]
    lines += [f"warning: {w}" for w in warnings]
    write("\n".join(lines), output)


@cli.command()
@click.argument("files", nargs=-1, required=True, type=str)
@click.option("--agency", help="Only this agency's tasks (a name as printed, any spelling or abbreviation).")
@click.option("--json", "as_json", is_flag=True, help="JSON: agencies and tasks (or, for two plans, the comparison).")
@click.option("--csv", "as_csv", is_flag=True, help="CSV, one task a row.")
@click.option("--ics", "as_ics", is_flag=True, help="An iCalendar file of the dated tasks and report deadlines.")
@click.option("-o", "--output", type=str, help="Write to this file instead of stdout (.html: the duties page; .docx: "
                                                    "the duties as a Word table).")
@click.option("--lang", type=click.Choice(["vi", "en"]), default="vi", help="The language of the duties' words, as text or a page (Vietnamese by default).")
def tasks(files: tuple[str, ...], agency: str | None, as_json: bool, as_csv: bool, as_ics: bool, output: str | None,
          lang: str) -> None:
    """Who must do what, by when: the tasks of FILE by agency (-o duties.html: a page of them, by
    agency and by date), or the duties of A and B compared."""
    from plandiff.tasks import agencies, agencies_of, compare_tasks
    from plandiff.tasks import render as task_render
    from plandiff.tasks import tasks as extract_tasks

    if len(files) > 2:
        raise UserError("tasks takes one plan, or two to compare")
    fmt = tasks_format(output, as_json, as_csv, as_ics)
    guard_output(output, list(files))
    if len(files) == 2:
        if fmt in ("csv", "ics"):
            raise UserError("CSV and iCalendar are of one plan's tasks; compare with --json or as text")
        if fmt == "html":
            raise UserError("two plans' duties compared are a section of the comparison page: plandiff diff A B -o report.html")
        if fmt == "docx":
            raise UserError("a Word table is of one plan's duties; two plans compared in Word: plandiff diff A B -o changes.docx")
        result = compare_tasks(_load(files[0]), _load(files[1])).to_dict()
        write(to_json(result) if fmt == "json" else task_render.comparison_text(result, lang=lang), output)
        return
    plan = _load(files[0])
    found = extract_tasks(plan)
    if agency:
        wanted = agencies.key_of(agency)
        found = [t for t in found if (wanted and t.agency_key == wanted) or agency.lower() in t.agency.lower()]
        if not found:
            raise UserError(f"no task of {agency!r} in {files[0]}")
    if fmt == "ics":
        write(task_render.to_ics(found, name=plan.name or "plandiff"), output)
    elif fmt == "html":
        from plandiff.render.duties import render_duties_html

        write(render_duties_html(plan, found, lang=lang), output)
    elif fmt == "docx":
        from plandiff.render.docx import duties_table

        write(duties_table(plan, found), output)
    elif fmt == "json":
        write(to_json({"agencies": agencies_of(found), "tasks": [t.to_dict() for t in found]}), output)
    elif fmt == "csv":
        write(task_render.to_csv(found).rstrip("\n"), output)
    else:
        write(task_render.by_agency(found, lang=lang).rstrip("\n"), output)


def _expand_series(refs: tuple[str, ...], db: str | None) -> tuple[str, ...]:
    """corpus:S3 → corpus:ID for each document of series S3, in date order."""
    out: list[str] = []
    for ref in refs:
        m = re.match(r"^corpus:(S\d+)$", ref)
        if m is None or Path(ref).exists():
            out.append(ref)
            continue
        from plandiff.corpus.series import series

        from .corpus import open_store

        with open_store(db or os.environ.get("PLANDIFF_DB", "corpus.sqlite")) as store:
            found = {s.id: s for s in series(store)}
        if m.group(1) not in found:
            raise UserError(f"no series {m.group(1)} in the corpus (plandiff corpus series lists them)")
        out.extend(f"corpus:{d.id}" for d in found[m.group(1)].documents)
    return tuple(out)


def _load_many(files: tuple[str, ...] | list[str], *, strict: bool, db: str | None = None) -> list[tuple[str, plandiff.Plan]]:
    """Plans of a set of files: a file that is not a plan is skipped with a one-line warning
    (an error with ``strict``), so one README among the plans does not stop the run."""
    out: list[tuple[str, plandiff.Plan]] = []
    for f in files:
        try:
            out.append((f, _load(f, db)))
        except UserError as exc:
            if strict:
                raise
            click.echo(f"plandiff: skipped {exc.format_message()}", err=True)
    return out


def _graph(files: tuple[str, ...], *, strict: bool = False) -> plandiff.CitationGraph:
    graph = plandiff.CitationGraph()
    loaded = _load_many(files, strict=strict)
    if not loaded:
        raise UserError("none of the files is a plan")
    for f, plan in loaded:
        graph.add_plan(plan, file=f)
    return graph


@cli.command()
@click.argument("files", nargs=-1, required=True, type=str)
@click.option("-o", "--output", required=True, type=str,
              help="Output file: .graphml, .json (node-link) or .html (interactive view).")
@click.option("--strict", is_flag=True, help="A file that is not a plan is an error (default: skipped with a warning).")
def graph(files: tuple[str, ...], output: str, strict: bool) -> None:
    """Build the citation graph of FILES."""
    if Path(output).suffix.lower() not in (".graphml", ".json", ".html", ".htm"):
        raise UserError(f"{output}: a graph is written as .graphml, .json (node-link) or .html")
    guard_output(output, list(files))
    g = _graph(files, strict=strict)
    try:
        text = g.write(output)
    except ValueError as exc:
        raise UserError(str(exc)) from None
    write(text, output)
    click.echo(f"wrote {output}: {g.graph.number_of_nodes()} nodes, {g.graph.number_of_edges()} edges", err=True)


@cli.command()
@click.argument("files", nargs=-1, required=True, type=str)
@click.option("--instrument", help="Which plans derive from this instrument (symbol, id or name).")
@click.option("--plan", "plan_file", type=str, help="What this plan derives from.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--strict", is_flag=True, help="A file that is not a plan is an error (default: skipped with a warning).")
def trace(files: tuple[str, ...], instrument: str | None, plan_file: str | None, as_json: bool, strict: bool) -> None:
    """Trace derivations among FILES: --instrument X (who implements X) or --plan FILE (its ancestry)."""
    if bool(instrument) == bool(plan_file):
        raise UserError("give exactly one of --instrument or --plan")
    all_files = list(files) + ([plan_file] if plan_file and plan_file not in files else [])
    g = _graph(tuple(all_files), strict=strict)
    if instrument:
        emit_trace(g, instrument, as_json, "these plans")
        return
    from plandiff.cite.graph import plan_id

    assert plan_file is not None
    rows = g.ancestry(plan_id(_load(plan_file)))
    if as_json:
        write(to_json({"plan": plan_file, "ancestry": rows}), None)
    else:
        write("\n".join(f"{'  ' * (r['depth'] - 1)}{r['via'][-1]} ({' → '.join(r['edges'])})" for r in rows), None)


class Terminated(BaseException):
    """SIGTERM, raised where the program stands so that temporary files are removed on the way out."""


class Interrupted(BaseException):
    """SIGINT (Ctrl-C), raised as our own so that click adds nothing of its own to stderr."""


def _on_signal(signum: int, frame: Any) -> None:
    import signal

    raise Interrupted() if signum == signal.SIGINT else Terminated()


def main() -> None:
    """The one place where every failure becomes "plandiff: …" on stderr and an exit status:
    0 success, 1 plans differ (``diff --exit-code``), 2 trouble, 130 interrupted, 143 terminated."""
    import gc
    import signal

    # one short run that builds large trees and frees little: a young-generation collection every
    # 700 allocations finds almost nothing and cost a large diff 7% (mypy raises it the same way)
    gc.set_threshold(200_000, 30, 30)
    signal.signal(signal.SIGTERM, _on_signal)
    signal.signal(signal.SIGINT, _on_signal)
    code = 0
    try:
        result = cli.main(standalone_mode=False)
        code = result if isinstance(result, int) else 0
    except click.exceptions.Exit as exc:
        code = exc.exit_code
    except click.ClickException as exc:  # our UserError and click's usage errors: one line
        message = exc.format_message()
        hint = " (see plandiff --help)" if isinstance(exc, click.UsageError) else ""
        _fail(f"plandiff: {message}{hint}")
        code = exc.exit_code if isinstance(exc, UserError) else 2
    except (Interrupted, KeyboardInterrupt, click.exceptions.Abort):
        _fail("plandiff: interrupted")
        code = 130
    except Terminated:
        _fail("plandiff: terminated")
        code = 143
    except BrokenPipeError:
        code = 141  # the reader closed the pipe (| head): nothing to report
    except PlanError as exc:
        _fail(f"plandiff: {exc}")
        code = 2
    except OSError as exc:  # stdout on a full device, a folder we may not enter
        _fail(f"plandiff: {exc.strerror or exc}" + (f": {exc.filename}" if getattr(exc, "filename", None) else ""))
        code = 2
    except RecursionError:
        _fail("plandiff: the input nests too deeply to be a plan")
        code = 2
    except MemoryError:
        _fail("plandiff: the input needs more memory than a plan can")
        code = 2
    except Exception as exc:  # noqa: BLE001 - a bug must still be one line, never a traceback
        _fail(f"plandiff: internal error ({type(exc).__name__}: {exc}); please report it with the input")
        code = 2
    _quiet_exit(code)


def _fail(message: str) -> None:
    try:
        sys.stderr.write(message.replace("\n", " ") + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


def _quiet_exit(code: int) -> None:
    """Exit without Python's own complaints about a stdout that can no longer be flushed."""
    try:
        sys.stdout.flush()
    except (OSError, ValueError):
        try:
            import os

            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        if code == 0:
            _fail("plandiff: cannot write to standard output")
            code = 2
    _leave(code)


LEAVE_AT_ONCE = True
"""Whether ``main`` ends the process without the interpreter's teardown when nothing outlives the
command (False where ``main`` is called by code that goes on: it then raises SystemExit)."""


def _leave(code: int) -> None:
    """Exit with ``code``. The interpreter's teardown is some 20 ms of a ``diff`` of two ordinary
    plans, a tenth of the command; it is skipped when the command left nothing behind that needs
    it: its outputs are written (atomically, and synced) and its streams flushed, and no other
    thread runs and no Dask was started (whose own exit handlers close clusters)."""
    import threading

    if LEAVE_AT_ONCE and threading.active_count() == 1 and "distributed" not in sys.modules:
        if "logging" in sys.modules:  # its exit handler flushes handlers: flushed here instead
            import logging

            logging.shutdown()
        leave_now(code)
    sys.exit(code)


if __name__ == "__main__":  # pragma: no cover
    main()
