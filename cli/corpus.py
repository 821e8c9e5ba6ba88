"""``plandiff corpus …``: a store of many plans (SQLite), its series, text reuse and citations."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from plandiff.errors import PlanError

from .common import UserError, emit_trace, guard_output, tasks_format, to_json, write

DB_HELP = "The corpus file (SQLite; default: corpus.sqlite here, or $PLANDIFF_DB)."


def db_option(f: Any) -> Any:
    return click.option("--db", default="corpus.sqlite", envvar="PLANDIFF_DB", show_default=True, help=DB_HELP)(f)


def engine_options(f: Any) -> Any:
    f = click.option("--workers", type=click.IntRange(min=1), default=None,
                     help="Local worker processes (default: every core; 1 runs in this process).")(f)
    return click.option("--scheduler", metavar="tcp://HOST:8786", default=None,
                        help="Run on this Dask cluster instead of local processes.")(f)


def open_store(db: str, *, create: bool = False) -> Any:
    from plandiff.corpus import Store

    try:
        return Store(db, create=create)
    except PlanError as exc:
        raise UserError(str(exc)) from None


def _engine(scheduler: str | None, workers: int | None) -> Any:
    from plandiff.corpus import Engine

    if scheduler and workers:
        raise UserError("give --scheduler or --workers, not both")
    return Engine(scheduler, workers)


@click.group()
def corpus() -> None:
    """A corpus of plans in one SQLite file: add, list, series, text reuse, citations."""


@corpus.command()
@click.argument("inputs", nargs=-1, required=True, type=str)
@db_option
@engine_options
def add(inputs: tuple[str, ...], db: str, scheduler: str | None, workers: int | None) -> None:
    """Parse and index the plans of folders or files INPUTS (unchanged files are skipped, changed
    ones recorded as a new version; a file that is not a plan is listed and skipped)."""
    from plandiff.corpus.add import add as add_files
    from plandiff.corpus.add import discover

    try:
        paths = discover(inputs)
    except PlanError as exc:
        raise UserError(str(exc)) from None
    guard_output(db, paths)
    from tqdm import tqdm

    with open_store(db, create=True) as store, _engine(scheduler, workers) as engine, \
            tqdm(total=len(paths), unit="file", disable=not sys.stderr.isatty(), file=sys.stderr) as bar:
        report = add_files(store, paths, engine=engine, progress=bar.update)
        ran_on = engine.description
    for path, reason in report.failed:
        click.echo(f"plandiff: skipped {path}: {reason}", err=True)
    click.echo(f"{db}: {report.summary()} ({ran_on})", err=True)


@corpus.command(name="ls")
@db_option
@click.option("--all-versions", is_flag=True, help="Older versions of changed files too.")
@click.option("--json", "as_json", is_flag=True)
def ls(db: str, all_versions: bool, as_json: bool) -> None:
    """List the documents of the corpus."""
    with open_store(db) as store:
        docs = store.documents(all_versions=all_versions)
    if as_json:
        write(to_json([d.to_dict() for d in docs]), None)
        return
    for d in docs:
        mark = "" if d.current else " (old)"
        when = d.date or (str(d.year) if d.year else "—")
        write(f"{d.id:>5}  v{d.version}{mark}  {when:<10}  {d.number or '—':<16}  {(d.title or d.name)[:70]}  {d.path}", None)


@corpus.command()
@click.argument("ref")
@db_option
@click.option("--json", "as_json", is_flag=True)
def show(ref: str, db: str, as_json: bool) -> None:
    """One document (by id or path): header, versions, counts, citations and tasks."""
    with open_store(db) as store:
        try:
            doc = store.document(ref)
        except PlanError as exc:
            raise UserError(str(exc)) from None
        cites = store.citations(doc.id)
        found = store.tasks(doc.id)
        versions = store.versions(doc.path)
        n_clauses = len(store.clauses(doc.id))
    data = {**doc.to_dict(), "clauses": n_clauses, "versions": [{"id": v.id, "version": v.version, "sha256": v.sha256,
                                                                  "added": v.added, "current": v.current} for v in versions],
            "citations": sorted({c["instrument"] for c in cites}), "tasks": len(found)}
    if as_json:
        write(to_json(data), None)
        return
    lines = [f"{k}: {v}" for k, v in data.items() if k not in ("versions", "citations") and v not in (None, "")]
    lines.append("versions: " + ", ".join(f"v{v['version']} (id {v['id']}, {v['added']})" for v in data["versions"]))
    lines.append("cites: " + ", ".join(data["citations"]))
    write("\n".join(lines), None)


@corpus.command()
@click.argument("refs", nargs=-1, required=True)
@db_option
def rm(refs: tuple[str, ...], db: str) -> None:
    """Remove documents (by id, or a file's path: every version of it)."""
    with open_store(db) as store:
        for ref in refs:
            key = str(Path(ref).resolve()) if Path(ref).exists() else ref
            ids = store.remove(key)
            if not ids:
                raise UserError(f"no document {ref!r} in {db}")
            click.echo(f"removed {ref}: {len(ids)} version(s)", err=True)


@corpus.command()
@db_option
@click.option("-o", "--output", required=True, help="A .jsonl file (one document a line) or .parquet.")
def export(db: str, output: str) -> None:
    """Export the current documents with their clauses, citations and tasks."""
    from plandiff.corpus.export import to_jsonl, to_parquet

    guard_output(output, [db])
    suffix = Path(output).suffix.lower()
    if suffix not in (".jsonl", ".parquet"):
        raise UserError(f"{output}: export writes .jsonl or .parquet")
    with open_store(db) as store:
        try:
            write(to_jsonl(store) if suffix == ".jsonl" else to_parquet(store), output)
        except PlanError as exc:
            raise UserError(str(exc)) from None
    click.echo(f"wrote {output}", err=True)


@corpus.command()
@db_option
@click.option("--all", "include_single", is_flag=True, help="Documents without other versions too.")
@click.option("--json", "as_json", is_flag=True)
def series(db: str, include_single: bool, as_json: bool) -> None:
    """Version series: one authority's documents on one subject across years."""
    from plandiff.corpus.series import series as find_series

    with open_store(db) as store:
        found = find_series(store, include_single=include_single)
    if as_json:
        write(to_json([s.to_dict() for s in found]), None)
        return
    for s in found:
        write(f"{s.id}  {s.authority}  {s.subject}", None)
        for d in s.documents:
            write(f"    {d.id:>5}  {d.date or d.year or '—'}  {d.number or '—':<16}  {d.path}", None)


@corpus.command()
@db_option
@click.option("--min-share", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help="Only document pairs where at least this part of the copier's text is reused.")
@click.option("--json", "as_json", is_flag=True)
@click.option("--html", "as_html", is_flag=True, help="A self-contained page (with -o).")
@click.option("-o", "--output", help="Write to this file.")
@engine_options
def reuse(db: str, min_share: float, as_json: bool, as_html: bool, output: str | None, scheduler: str | None,
          workers: int | None) -> None:
    """Which plans copy which: clauses shared by documents of different authorities."""
    from plandiff.corpus.reuse import find_reuse

    guard_output(output, [db])
    as_html = as_html or bool(output and Path(output).suffix.lower() in (".html", ".htm"))
    if as_html and not output and sys.stdout.isatty():
        raise UserError("the page is HTML: write it to a file with -o reuse.html (or pipe it)")
    # the bands are light work: in this process unless told otherwise
    with open_store(db) as store, _engine(scheduler, workers or (None if scheduler else 1)) as engine:
        result = find_reuse(store, engine=engine)
    if as_html:
        from plandiff.corpus.render import render_reuse_html

        write(render_reuse_html(result, min_share=min_share), output)
    elif as_json:
        write(to_json(result.to_dict(min_share=min_share)), output)
    else:
        docs = result.documents
        lines = []
        for c in result.copies:
            if c.share >= min_share:
                lines.append(f"{c.share:6.1%}  {docs[c.copier].path}  ← {docs[c.source].path}  ({len(c.clauses)} clauses)")
        write("\n".join(lines) if lines else "no reuse found", output)


@corpus.command(name="new")
@db_option
@click.option("--year", type=int, required=True, help="The year whose documents to look at.")
@click.option("--json", "as_json", is_flag=True)
@engine_options
def new(db: str, year: int, as_json: bool, scheduler: str | None, workers: int | None) -> None:
    """The clauses of YEAR's documents that no document of an earlier year holds (carried over or
    copied clauses are not new)."""
    from plandiff.corpus.novelty import new_clauses

    with open_store(db) as store, _engine(scheduler, workers or (None if scheduler else 1)) as engine:
        result = new_clauses(store, year, engine=engine)
    if not result.checked:
        raise UserError(f"no document of {year} in {db}")
    if as_json:
        write(to_json(result.to_dict()), None)
        return
    lines = [f"{year}: {sum(len(v) for v in result.new.values())} of {sum(result.checked.values())} clauses are new "
             f"(against {result.earlier} documents of earlier years)"]
    for doc in sorted(result.checked):
        found = result.new.get(doc, [])
        lines.append(f"{len(found):>4} / {result.checked[doc]:<4} {result.documents[doc].path}")
        lines.extend(f"       {cid}: {' '.join(text.split())[:100]}" for cid, text in found)
    write("\n".join(lines), None)


@corpus.command()
@db_option
@click.option("-o", "--output", required=True, help="Output file: .graphml, .json (node-link) or .html.")
def graph(db: str, output: str) -> None:
    """The citation graph of the whole corpus."""
    from plandiff.corpus.citegraph import corpus_graph

    if Path(output).suffix.lower() not in (".graphml", ".json", ".html", ".htm"):
        raise UserError(f"{output}: a graph is written as .graphml, .json (node-link) or .html")
    guard_output(output, [db])
    with open_store(db) as store:
        g = corpus_graph(store)
        text = g.write(output)
    write(text, output)
    click.echo(f"wrote {output}: {g.graph.number_of_nodes()} nodes, {g.graph.number_of_edges()} edges", err=True)


@corpus.command(name="tasks")
@db_option
@click.option("--agency", help="Only this agency's duties (a name as printed, any spelling or abbreviation).")
@click.option("--since", metavar="YYYY-MM-DD", help="Only duties dated on or after this day.")
@click.option("--until", metavar="YYYY-MM-DD", help="Only duties dated on or before this day.")
@click.option("--predecessors", is_flag=True,
              help="With --agency: also the duties older plans gave the bodies it took over in 2025.")
@click.option("--json", "as_json", is_flag=True, help="JSON: each duty with its document.")
@click.option("--csv", "as_csv", is_flag=True, help="CSV, one duty a row, with its document.")
@click.option("--ics", "as_ics", is_flag=True, help="An iCalendar file of the dated duties.")
@click.option("-o", "--output", help="Write to this file (.html: the duties page; .docx: a Word table).")
@click.option("--lang", type=click.Choice(["vi", "en"]), default="vi", help="The page's language (Vietnamese by default).")
def corpus_tasks(db: str, agency: str | None, since: str | None, until: str | None, predecessors: bool, as_json: bool,
                 as_csv: bool, as_ics: bool, output: str | None, lang: str) -> None:
    """What an agency (or every agency) must do under the corpus's current plans, and by when."""
    import datetime

    from plandiff.corpus.duties import duties

    for name, day in (("--since", since), ("--until", until)):
        try:
            if day is not None:
                datetime.date.fromisoformat(day)
        except ValueError:
            raise UserError(f"{name} {day!r}: a day is written YYYY-MM-DD") from None
    if since and until and since > until:
        raise UserError(f"--since {since} is after --until {until}")
    fmt = tasks_format(output, as_json, as_csv, as_ics)
    guard_output(output, [db])
    with open_store(db) as store:
        found = duties(store, agency=agency, since=since, until=until, predecessors=predecessors)
    if agency and not found:
        raise UserError(f"no duty of {agency!r} in {db}" + (" in those dates" if since or until else ""))
    scope = " · ".join(x for x in (agency, f"{since or '…'} – {until or '…'}" if since or until else None, Path(db).name) if x)
    if fmt == "docx":
        from plandiff.render.docx import duties_table_of

        write(duties_table_of([d.task for d in found], title=f"PHÂN CÔNG NHIỆM VỤ: {scope}",
                              sources=[" ".join(x for x in (d.document.name, d.document.number) if x) for d in found]),
              output)
    elif fmt == "html":
        from plandiff.render.duties import render_corpus_duties_html

        write(render_corpus_duties_html(found, title=f"plandiff: {scope}", lang=lang), output)
    elif fmt == "json":
        write(to_json([d.to_dict() for d in found]), output)
    elif fmt == "csv":
        from plandiff.tasks.render import to_csv

        write(to_csv([d.task for d in found], sources=[d.document.name for d in found]).rstrip("\n"), output)
    elif fmt == "ics":
        from plandiff.tasks.render import to_ics

        write(to_ics([d.task for d in found], name=Path(db).stem), output)
    else:
        lines = [f"{d.document.name:28.28} {d.task.place:18.18} {d.task.agency:30.30} "
                 f"{d.task.deadline or d.task.period or '':16.16} {' '.join(d.task.text.split())[:70]}" for d in found]
        write("\n".join(lines), output)


@corpus.command()
@db_option
@click.option("--instrument", required=True, help="Which plans derive from this instrument (symbol, id or name).")
@click.option("--json", "as_json", is_flag=True)
def trace(db: str, instrument: str, as_json: bool) -> None:
    """Every plan of the corpus deriving from an instrument, with the chain."""
    from plandiff.corpus.citegraph import corpus_graph

    with open_store(db) as store:
        emit_trace(corpus_graph(store), instrument, as_json, db)
