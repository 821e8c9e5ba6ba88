"""The corpus on real components: an SQLite file, Dask's local process pool and a Dask
LocalCluster started here; the seed plans and a generated corpus with planted reuse."""

from __future__ import annotations

import dataclasses
import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from plandiff_cli.main import cli

import plandiff
from benchmarks.corpusgen import generate, score
from plandiff.corpus import Engine, Store, StoreError, add
from plandiff.corpus.record import index_file
from plandiff.corpus.reuse import find_reuse
from plandiff.corpus.series import series
from plandiff.corpus.store import MIGRATIONS, SCHEMA_VERSION
from tests.conftest import CHROMIUM, FIXTURES, needs_chromium

SEEDS = ("tth-2023.md", "tth-2024.txt", "hue-2026.txt", "hungyen-2024.txt", "anlao-2024.txt")


def invoke(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def run(*args: str) -> str:
    result = invoke(*args)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture
def plans(tmp_path: Path) -> Path:
    folder = tmp_path / "plans"
    folder.mkdir()
    for name in SEEDS:
        shutil.copy(FIXTURES / name, folder / name)
    return folder


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    folder = tmp_path_factory.mktemp("generated")
    return folder, generate(folder, 60, seed=3)


def test_add_indexes_every_plan_and_readd_writes_nothing(plans: Path, tmp_path: Path) -> None:
    with Store(tmp_path / "c.sqlite") as store, Engine(workers=1) as engine:
        report = add(store, [plans], engine=engine)
        assert sorted(Path(p).name for p in report.added) == sorted(SEEDS) and not report.failed
        for doc in store.documents():
            plan = plandiff.parse_file(doc.path)
            assert [cid for _, cid, _ in store.clauses(doc.id)] == [c.id for c in plan.walk()]
            assert store.citations(doc.id) == [c.to_dict() for c in plandiff.citations(plan)]
            assert store.plan(doc.id).to_dict() == plan.to_dict()  # the model round-trips through the store
        writes = store.db.total_changes
        again = add(store, [plans], engine=engine)
        assert len(again.unchanged) == len(SEEDS) and not again.added and not again.updated
        assert store.db.total_changes == writes  # nothing parsed, nothing written


def test_a_changed_file_becomes_a_new_version(plans: Path, tmp_path: Path) -> None:
    target = plans / "tth-2024.txt"
    with Store(tmp_path / "c.sqlite") as store, Engine(workers=1) as engine:
        add(store, [plans], engine=engine)
        original = target.read_text(encoding="utf-8")
        target.write_text(original.replace("Đẩy mạnh công tác tuyên truyền", "Đẩy mạnh và đổi mới công tác tuyên truyền", 1),
                          encoding="utf-8")
        report = add(store, [plans], engine=engine)
        assert report.updated == [str(target.resolve())] and len(report.unchanged) == len(SEEDS) - 1
        old, new = store.versions(str(target.resolve()))
        assert (old.version, old.current, new.version, new.current) == (1, False, 2, True)
        assert "Đẩy mạnh và đổi mới công tác tuyên truyền" in store.plan(new.id).source
        assert "Đẩy mạnh và đổi mới công tác tuyên truyền" not in store.plan(old.id).source
        assert len(store.documents()) == len(SEEDS) and len(store.documents(all_versions=True)) == len(SEEDS) + 1
    out = run("corpus", "show", str(target), "--db", str(tmp_path / "c.sqlite"), "--json")
    assert [v["version"] for v in json.loads(out)["versions"]] == [1, 2]


def test_bad_files_are_listed_and_the_run_goes_on(plans: Path, tmp_path: Path) -> None:
    (plans / "README.md").write_text("# Plans\n\nDownloaded from the portal.\n", encoding="utf-8")
    (plans / "empty.txt").write_bytes(b"")
    (plans / "image.txt").write_bytes(bytes(range(256)) * 40)
    (plans / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    db = tmp_path / "c.sqlite"
    result = invoke("corpus", "add", str(plans), "--db", str(db), "--workers", "1")
    assert result.exit_code == 0, result.output
    skipped = [line for line in result.output.splitlines() if line.startswith("plandiff: skipped")]
    assert sorted(Path(line.split()[2].rstrip(":")).name for line in skipped) == ["README.md", "broken.docx", "empty.txt",
                                                                                 "image.txt"]
    assert "5 added" in result.output and "4 skipped" in result.output
    with Store(db) as store:
        assert len(store.failed()) == 4 and len(store.documents()) == 5
        writes = store.db.total_changes
        report = add(store, [plans], engine=None)
        assert len(report.failed) == 4 and store.db.total_changes == writes  # known bad files are not read again


def test_a_schema_1_store_is_migrated_and_its_rows_reindexed(tmp_path: Path) -> None:
    db = tmp_path / "old.sqlite"
    path = str(FIXTURES / "tth-2024.txt")
    record = index_file(path)
    con = sqlite3.connect(db)
    con.executescript(MIGRATIONS[0] + "; PRAGMA user_version = 1;")
    con.execute("INSERT INTO documents (id, path, version, current, sha256, size, added, name, pid, title, year, node, plan)"
                " VALUES (1, ?, 1, 1, ?, ?, '2025-01-01', 'tth-2024', ?, 'old title', 2024, '{}', ?)",
                (path, record.sha256, record.size, record.pid, record.plan))  # type: ignore[union-attr]
    con.commit()
    con.close()
    with Store(db) as store:
        assert store.schema_version == SCHEMA_VERSION == 3
        assert store.document(1).title == "old title"  # the data survive the migration
        tables = {r[0] for r in store.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert {"names", "tasks", "signatures"} <= tables
        report = add(store, [path], engine=None)
        assert report.reindexed == [path]  # unchanged file, indexed again by the newer schema
        doc = store.document(path)
        assert doc.version == 1 and doc.title and doc.title.startswith("Thực hiện công tác bình đẳng giới")
        assert store.tasks(doc.id) and store.db.execute("SELECT count(*) FROM signatures").fetchone()[0] > 10


def test_what_is_not_a_store_is_refused(tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("not a database at all, just some text\n" * 20, encoding="utf-8")
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).executescript("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
    newer = tmp_path / "newer.sqlite"
    sqlite3.connect(newer).executescript("PRAGMA user_version = 99;")
    for path, message in ((text, "not a plandiff corpus"), (other, "not a plandiff corpus"), (newer, "newer plandiff")):
        with pytest.raises(StoreError, match=message):
            Store(path)
    assert text.read_text(encoding="utf-8").startswith("not a database")  # never changed
    result = invoke("corpus", "ls", "--db", str(tmp_path / "missing.sqlite"))
    assert result.exit_code == 2 and "no corpus here" in result.output and not (tmp_path / "missing.sqlite").exists()
    result = invoke("corpus", "show", "999", "--db", str(other))
    assert result.exit_code == 2 and len(result.output.strip().splitlines()) == 1


def test_corpus_graph_and_trace_equal_the_file_based_ones(plans: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "c.sqlite")
    run("corpus", "add", str(plans), "--db", db, "--workers", "1")
    files = sorted(str((plans / n).resolve()) for n in SEEDS)  # as a shell glob names them, as the store adds them
    corpus_trace = json.loads(run("corpus", "trace", "--db", db, "--instrument", "28/NQ-CP", "--json"))
    file_trace = json.loads(run("trace", *files, "--instrument", "28/NQ-CP", "--json"))
    assert corpus_trace == file_trace and len(corpus_trace["plans"]) == 4
    run("corpus", "graph", "--db", db, "-o", str(tmp_path / "corpus.json"))
    run("graph", *files, "-o", str(tmp_path / "files.json"))
    assert json.loads((tmp_path / "corpus.json").read_text()) == json.loads((tmp_path / "files.json").read_text())


def test_series_follow_an_authority_through_its_successor(plans: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "c.sqlite")
    run("corpus", "add", str(plans), "--db", db, "--workers", "1")
    with Store(db) as store:
        found = series(store)
        assert [[Path(d.path).name for d in s.documents] for s in found] == [["tth-2023.md", "tth-2024.txt", "hue-2026.txt"]]
        ids = {Path(d.path).name: d.id for d in store.documents()}
    # history and diff take corpus ids (and a series) where they take files
    h = json.loads(run("history", f"corpus:{found[0].id}", "--db", db, "--json"))
    assert [v["name"] for v in h["versions"]] == ["tth-2023", "tth-2024", "hue-2026"]
    out = tmp_path / "d.json"
    run("diff", f"corpus:{ids['tth-2024.txt']}", f"corpus:{ids['hue-2026.txt']}", "--db", db, "-o", str(out))
    direct = plandiff.align(plandiff.parse_file(plans / "tth-2024.txt"), plandiff.parse_file(plans / "hue-2026.txt"))
    assert json.loads(out.read_text())["pairs"] == direct.to_dict()["pairs"]
    bad = invoke("diff", "corpus:999", f"corpus:{ids['hue-2026.txt']}", "--db", db)
    assert bad.exit_code == 2 and "no document" in bad.output


def test_reuse_finds_the_planted_copies(generated: tuple[Path, dict], tmp_path: Path) -> None:
    folder, answers = generated
    with Store(tmp_path / "g.sqlite") as store:
        add(store, [folder], engine=None)
        result = find_reuse(store)
        measured = score(answers, result, folder)
        assert measured["planted"] >= 40
        assert measured["recall"] >= 0.95 and measured["precision"] >= 0.95, measured
        for copy in result.copies:
            source, copier = result.documents[copy.source], result.documents[copy.copier]
            assert (source.date or "") <= (copier.date or "") and 0 < copy.share <= 1
    data = json.loads(run("corpus", "reuse", "--db", str(tmp_path / "g.sqlite"), "--json", "--min-share", "0.05"))
    assert data["copies"] and all(c["share"] >= 0.05 for c in data["copies"])
    assert len(data["copies"]) < len(result.copies)


def test_a_local_cluster_and_the_process_pool_give_the_same_store(generated: tuple[Path, dict], tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    folder, _ = generated
    files = [*sorted(str(p) for p in folder.glob("*.txt")), str(FIXTURES / "README.md")]

    def content(db: Path) -> list[tuple]:
        with Store(db) as store:
            return [(d.path, d.sha256, d.pid, d.chars, len(store.clauses(d.id)), json.dumps(store.citations(d.id)))
                    for d in sorted(store.documents(), key=lambda d: d.path)]

    run("corpus", "add", *files, "--db", str(tmp_path / "sync.sqlite"), "--workers", "1")
    run("corpus", "add", *files, "--db", str(tmp_path / "pool.sqlite"), "--workers", "2")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        out = run("corpus", "add", *files, "--db", str(tmp_path / "cluster.sqlite"), "--scheduler", cluster.scheduler_address)
        assert "60 added" in out and "1 skipped" in out
        on_cluster = run("corpus", "reuse", "--db", str(tmp_path / "cluster.sqlite"), "--json",
                         "--scheduler", cluster.scheduler_address)
    assert content(tmp_path / "sync.sqlite") == content(tmp_path / "pool.sqlite") == content(tmp_path / "cluster.sqlite")
    here = run("corpus", "reuse", "--db", str(tmp_path / "sync.sqlite"), "--json")
    assert json.loads(on_cluster)["copies"] and json.loads(on_cluster)["copies"] == json.loads(here)["copies"]


def test_an_unreachable_scheduler_is_one_line(plans: Path, tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "plandiff_cli.main", "corpus", "add", str(plans), "--db",
                             str(tmp_path / "c.sqlite"), "--scheduler", "tcp://127.0.0.1:9"], capture_output=True, text=True)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith("plandiff: cannot reach the Dask scheduler") and result.stderr.count("\n") == 1


def test_export_jsonl_and_parquet(plans: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "c.sqlite")
    run("corpus", "add", str(plans), "--db", db, "--workers", "1")
    run("corpus", "export", "--db", db, "-o", str(tmp_path / "c.jsonl"))
    lines = [json.loads(x) for x in (tmp_path / "c.jsonl").read_text(encoding="utf-8").splitlines()]
    by_name = {Path(x["path"]).name: x for x in lines}
    assert sorted(by_name) == sorted(SEEDS)
    tth = plandiff.parse_file(plans / "tth-2024.txt")
    assert [c["id"] for c in by_name["tth-2024.txt"]["clauses"]] == [c.id for c in tth.walk()]
    assert by_name["tth-2024.txt"]["number"] == "14/KH-UBND" and by_name["tth-2024.txt"]["tasks"]
    pq = pytest.importorskip("pyarrow.parquet")
    run("corpus", "export", "--db", db, "-o", str(tmp_path / "c.parquet"))
    table = pq.read_table(tmp_path / "c.parquet").to_pylist()
    assert [(r["path"], len(r["clauses"]), len(r["citations"])) for r in table] == \
        [(x["path"], len(x["clauses"]), len(x["citations"])) for x in lines]


def test_rm_removes_every_version(plans: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "c.sqlite")
    run("corpus", "add", str(plans), "--db", db, "--workers", "1")
    with Store(db) as store:
        doc = store.document(str((plans / "anlao-2024.txt").resolve()))
    run("corpus", "rm", str(doc.id), "--db", db)
    listed = run("corpus", "ls", "--db", db)
    assert "anlao-2024" not in listed and len(listed.strip().splitlines()) == len(SEEDS) - 1
    with Store(db) as store:
        assert store.db.execute("SELECT count(*) FROM clauses WHERE doc = ?", (doc.id,)).fetchone()[0] == 0
    assert invoke("corpus", "rm", str(doc.id), "--db", db).exit_code == 2


@needs_chromium
def test_reuse_page_lists_copies_filters_and_opens_them(generated: tuple[Path, dict], tmp_path: Path) -> None:
    playwright = pytest.importorskip("playwright.sync_api")
    folder, _ = generated
    db = str(tmp_path / "g.sqlite")
    run("corpus", "add", str(folder), "--db", db, "--workers", "1")
    page_file = tmp_path / "reuse.html"
    run("corpus", "reuse", "--db", db, "-o", str(page_file))
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page()
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        requests: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        page.goto(page_file.as_uri())
        rows = page.locator("#copies tbody tr")
        total = rows.count()
        assert total > 3
        first_copier = rows.first.locator("td").first.inner_text()
        page.fill("#filter", first_copier.split(" — ")[0])
        visible = page.locator("#copies tbody tr:visible")
        assert 1 <= visible.count() < total
        assert all(first_copier.split(" — ")[0] in t for t in visible.locator("td:first-child").all_inner_texts())
        rows.first.locator("a").click()
        page.wait_for_selector("details[open]")  # the link opens the pair by its script, after the click returns
        opened = page.locator("details[open]")
        assert opened.count() == 1 and opened.locator(".pair").count() >= 1
        # words that differ between the copy and its source are marked on both sides
        assert opened.locator("del, ins").count() >= 1
        assert not errors and all(u.startswith("file:") for u in requests)
        browser.close()


def test_the_model_round_trips_through_its_dictionaries() -> None:
    from plandiff.serial import citation_from_dict, plan_from_dict, task_from_dict
    from plandiff.tasks import tasks

    files = [p for p in sorted(FIXTURES.rglob("*")) if p.suffix in (".txt", ".md", ".docx") and p.name != "README.md"]
    assert len(files) >= 15
    for path in files:
        plan = plandiff.parse_file(path)
        assert plan_from_dict(plan.to_dict(), source=plan.source) == dataclasses.replace(plan, seen=""), path
        for c in plandiff.citations(plan):
            assert citation_from_dict(c.to_dict()) == c
        for t in tasks(plan):
            assert task_from_dict(t.to_dict()) == t


def test_words_each_is_words_of_each() -> None:
    from plandiff.textnorm import words, words_each

    texts = [c.text for c in plandiff.parse_file(FIXTURES / "tth-2023.md").walk()] + ["Hoà bình, UỶ BAN", "", "\ue000 x"]
    assert words_each(texts) == [words(t) for t in texts]
    assert words_each(texts[:-1]) == [words(t) for t in texts[:-1]]


def test_series_names_stay_and_ties_go_to_the_higher_authority(plans: Path, tmp_path: Path) -> None:
    from plandiff.corpus.series import sort_key

    db = tmp_path / "c.sqlite"
    first = plans / "first"
    first.mkdir()
    for name in ("tth-2024.txt", "hue-2026.txt"):
        (plans / name).rename(first / name)
    with Store(db) as store:
        add(store, [first], engine=None)
        before = {s.id: [d.path for d in s.documents] for s in series(store)}
        add(store, [plans], engine=None)  # tth-2023 joins the series, earlier than both
        after = {s.id: [Path(d.path).name for d in s.documents] for s in series(store)}
        assert list(before) == list(after) and list(after.values()) == [["tth-2023.md", "tth-2024.txt", "hue-2026.txt"]]
        docs = store.documents()
    province = next(d for d in docs if d.level == "tỉnh")
    commune = dataclasses.replace(province, level="xã", id=province.id - 1)
    assert sort_key(province) < sort_key(commune)  # same date: the province is the origin


def test_names_learned_anywhere_resolve_everywhere_with_one_pass_per_plan(plans: Path, tmp_path: Path) -> None:
    """The graph re-reads only plans whose text mentions a name another plan defines (one
    automaton of every name); it equals the graph where every plan is read knowing every name."""
    from plandiff.cite.citations import extract
    from plandiff.cite.graph import CitationGraph
    from plandiff.cite.named import NameIndex
    from plandiff.corpus.citegraph import corpus_graph

    with Store(tmp_path / "c.sqlite") as store:
        add(store, [plans, FIXTURES / "field"], engine=None)
        graph = corpus_graph(store)
        entries = list(graph._entries)
        names: dict[str, str] = {}
        for e in entries:
            names.update(e.learned)
        index = NameIndex(names)
        reread = [e for e in entries if any(k not in e.learned for k in index.find(e.keyed_text()))]
        assert 0 < len(reread) < len(entries)
        truth = CitationGraph()
        for e in entries:
            cites, warnings = extract(e.plan(), names=names)
            truth.add_entry(dataclasses.replace(e, citations=cites, warnings=warnings, learned=names))
        assert graph.to_json() == truth.to_json() and graph.warnings == truth.warnings


def test_new_clauses_of_a_year_are_the_ones_no_earlier_plan_holds(plans: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "c.sqlite")
    run("corpus", "add", str(plans), "--db", db, "--workers", "1")
    data = json.loads(run("corpus", "new", "--year", "2024", "--db", db, "--json"))
    assert data["earlier_documents"] == 1  # tth-2023
    by_name = {Path(d["path"]).name: d for d in data["documents"]}
    assert sorted(by_name) == ["anlao-2024.txt", "hungyen-2024.txt", "tth-2024.txt"]
    new = {c["clause"] for c in by_name["tth-2024.txt"]["new_clauses"]}
    al = plandiff.align(plandiff.parse_file(plans / "tth-2023.md"), plandiff.parse_file(plans / "tth-2024.txt"))
    b = al.b
    long_added = {cid for cid in al.added if len(b.find(cid).text.split()) >= 12}  # type: ignore[union-attr]
    unchanged = {p.b for p in al.pairs if p.kind == "unchanged"}
    assert long_added and long_added <= new and not new & unchanged
    assert 0 < len(new) < by_name["tth-2024.txt"]["clauses_compared"]
    # what another province copied from tth-2023 is not new in its plan
    hungyen = by_name["hungyen-2024.txt"]
    assert hungyen["new"] < hungyen["clauses_compared"]
    assert invoke("corpus", "new", "--year", "1999", "--db", db).exit_code == 2


def test_a_store_path_that_cannot_be_one_is_one_line(tmp_path: Path) -> None:
    for command, db, message in (("add", tmp_path / "missing" / "c.sqlite", "does not exist"),
                                 ("add", tmp_path, "is a directory"), ("ls", tmp_path, "is a folder")):
        args = [str(FIXTURES / "tth-2024.txt")] if command == "add" else []
        result = invoke("corpus", command, *args, "--db", str(db))
        assert result.exit_code == 2 and message in result.output and len(result.output.strip().splitlines()) == 1


def test_every_command_reading_a_plan_takes_a_corpus_id(plans: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "c.sqlite"
    run("corpus", "add", str(plans), "--db", str(db), "--workers", "1")
    with Store(db) as store:
        ids = {Path(d.path).name: d.id for d in store.documents()}
    monkeypatch.setenv("PLANDIFF_DB", str(db))
    ref = f"corpus:{ids['hue-2026.txt']}"
    assert json.loads(run("parse", ref, "--json")) == json.loads(run("parse", str(plans / "hue-2026.txt"), "--json"))
    assert json.loads(run("cite", ref, "--json")) == json.loads(run("cite", str(plans / "hue-2026.txt"), "--json"))
    assert run("tasks", ref, "--csv") == run("tasks", str(plans / "hue-2026.txt"), "--csv")


def test_a_renamed_folder_moves_its_documents_without_parsing_them(plans: Path, tmp_path: Path) -> None:
    db = tmp_path / "c.sqlite"
    with Store(db) as store:
        add(store, [plans], engine=None)
        before = {Path(d.path).name: d.id for d in store.documents()}
    moved = plans.rename(tmp_path / "renamed")
    (moved / "anlao-2024.txt").rename(moved / "anlao-2024-final.txt")
    with Store(db) as store:
        report = add(store, [moved], engine=None)
        assert len(report.moved) == len(SEEDS) and not report.added and not report.updated
        after = {Path(d.path).name: d.id for d in store.documents()}
        assert after == {("anlao-2024-final.txt" if n == "anlao-2024.txt" else n): i for n, i in before.items()}
        assert store.plan(after["anlao-2024-final.txt"]).name == "anlao-2024-final"
    files = sorted(str(p.resolve()) for p in moved.iterdir())
    run("corpus", "graph", "--db", str(db), "-o", str(tmp_path / "corpus.json"))
    run("graph", *files, "-o", str(tmp_path / "files.json"))
    assert json.loads((tmp_path / "corpus.json").read_text()) == json.loads((tmp_path / "files.json").read_text())


def test_a_worker_process_that_dies_is_one_typed_error() -> None:
    """A worker killed mid-run (here it exits at once, as the out-of-memory killer would stop it)
    breaks the process pool: the library says so with an EngineError, not the pool's own."""
    import os

    from plandiff.corpus.engine import EngineError

    with Engine(workers=2) as engine, pytest.raises(EngineError, match="worker process stopped abruptly"):
        engine.map(os._exit, [3, 3, 3])


def test_minhash_signatures_are_datasketchs_affine32_values() -> None:
    """The corpus's MinHash is datasketch's ``MinHash(scheme="affine32")`` (its default since 2.0),
    value for value, on the shingles of every clause of the seed plans — without importing the
    library (and SciPy with it) in each worker."""
    import zlib

    import numpy as np
    from datasketch import MinHash

    from plandiff.corpus.minhash import signature
    from plandiff.corpus.record import NUM_PERM, _shingles
    from plandiff.textnorm import words_each

    texts = [c.text for name in SEEDS for c in plandiff.parse_file(FIXTURES / name).walk()]
    reference = MinHash(num_perm=NUM_PERM, hashfunc=zlib.crc32, scheme="affine32")
    distinct = set()
    for words in words_each(texts):
        shingles = _shingles(words)
        reference.clear()
        reference.update_batch(shingles)
        ours = signature(map(zlib.crc32, shingles), NUM_PERM)
        assert ours.dtype == reference.hashvalues.dtype
        assert np.array_equal(ours, reference.hashvalues)
        distinct.add(ours.tobytes())
    assert len(texts) > 300 and len(distinct) > 0.9 * len(set(texts))
    reference.clear()
    assert np.array_equal(signature([], NUM_PERM), reference.hashvalues)


def test_indexing_on_this_machine_loads_neither_scipy_nor_dask_distributed() -> None:
    """A worker imports what indexing needs, and that is not SciPy; a local run (one process, or a
    pool of two) does not import dask.distributed either (Dask does, to look for a default client,
    when the scheduler is given by name): each is about half a second of every ``corpus add``."""
    code = ("import sys; from plandiff.corpus import Engine; from plandiff.corpus.record import index_file\n"
            "for n in (1, 2):\n"
            "    with Engine(workers=n) as engine:\n"
            f"        got = engine.map(index_file, [{str(FIXTURES / 'tth-2024.txt')!r}] * 3)\n"
            "    assert [r.name for r in got] == ['tth-2024'] * 3, got\n"
            "print(sorted(m for m in ('scipy', 'distributed', 'datasketch') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
