"""Duties across a corpus: one agency's tasks under every current plan of a store, by dates, as
the store kept them when it indexed each plan (``plandiff corpus tasks``)."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import html as lhtml
from plandiff_cli.main import cli

import plandiff
from plandiff.corpus import Engine, Store, add
from plandiff.corpus.duties import dates_of, duties
from plandiff.tasks import agencies, tasks
from tests.conftest import FIXTURES

FILES = [FIXTURES / "tth-2024.txt", FIXTURES / "hue-2026.txt", FIXTURES / "field" / "hanoi-5giot-2025.md",
         FIXTURES / "field" / "nghean-phongthudansu-2025.md", FIXTURES / "field" / "luongminh-baucu-2025.docx"]


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("duties")
    for f in FILES:
        shutil.copy(f, folder / f.name)
    db = folder / "c.sqlite"
    with Store(db) as store, Engine(workers=1) as engine:
        report = add(store, [folder], engine=engine)
    assert len(report.added) == len(FILES) and not report.failed
    return db


def _direct() -> dict[str, list[plandiff.model.Task]]:
    """Each file's tasks worked out here, from the file (what the store must give back)."""
    return {f.stem: tasks(plandiff.parse(f)) for f in FILES}


def test_one_agencys_duties_in_every_plan_as_each_plan_has_them(store_path: Path) -> None:
    direct = _direct()
    key = agencies.key_of("Sở Tài chính")
    with Store(store_path) as store:
        found = duties(store, agency="sở tài chính tỉnh")  # a spelling its key knows
        assert found and {d.task.agency_key for d in found} == {key}
        want = sorted((stem, t.text) for stem, ts in direct.items() for t in ts if t.agency_key == key)
        assert sorted((d.document.name, d.task.text) for d in found) == want
        assert len({d.document.name for d in found}) >= 3  # a province's, a city's and others' plans
        # the dated first, earliest first
        starts = [(dates_of(d.task) or ("9999",))[0] for d in found]
        assert starts == sorted(starts)


def test_duties_between_two_days(store_path: Path) -> None:
    direct = _direct()
    with Store(store_path) as store:
        found = duties(store, since="2026-01-01", until="2026-06-30")
    want = sorted((stem, t.text) for stem, ts in direct.items() for t in ts
                  if (days := dates_of(t)) and days[1] >= "2026-01-01" and days[0] <= "2026-06-30")
    assert want and sorted((d.document.name, d.task.text) for d in found) == want
    # a range that meets the window counts ("Quý IV/2025 - Quý II/2026")
    assert any(d.task.period_dates and d.task.period_dates[0] < "2026-01-01" for d in found)


def test_the_command_as_json_csv_and_a_page(store_path: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    as_json = runner.invoke(cli, ["corpus", "tasks", "--db", str(store_path), "--agency", "Sở Nội vụ", "--json"])
    assert as_json.exit_code == 0, as_json.output
    rows = json.loads(as_json.output)
    assert rows and {r["task"]["agency_key"] for r in rows} == {agencies.key_of("Sở Nội vụ")}
    assert {"id", "name", "number", "issuer"} <= set(rows[0]["document"])
    as_csv = runner.invoke(cli, ["corpus", "tasks", "--db", str(store_path), "--agency", "Sở Nội vụ", "--csv"])
    table = list(csv.DictReader(io.StringIO(as_csv.output)))
    assert len(table) == len(rows) and table[0]["document"] == rows[0]["document"]["name"]
    page = tmp_path / "duties.html"
    done = runner.invoke(cli, ["corpus", "tasks", "--db", str(store_path), "--since", "2026-01-01", "-o", str(page)])
    assert done.exit_code == 0, done.output
    doc = lhtml.fromstring(page.read_text(encoding="utf-8"))
    listed = doc.xpath("//section[@class='agency']//li[@data-duty]")
    assert listed and all(li.xpath("./span[@class='source']") for li in listed)  # each with the plan it is from
    assert {li.xpath("./span[@class='source']")[0].text.split()[0] for li in listed} >= {"hue-2026", "luongminh-baucu-2025"}
    bad = runner.invoke(cli, ["corpus", "tasks", "--db", str(store_path), "--until", "30/06/2026"])
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.output
    backwards = runner.invoke(cli, ["corpus", "tasks", "--db", str(store_path), "--since", "2026-06-30", "--until", "2026-01-01"])
    assert backwards.exit_code == 2 and "after --until" in backwards.output
    none = runner.invoke(cli, ["corpus", "tasks", "--db", str(store_path), "--agency", "Sở Ngoại vụ"])
    assert none.exit_code == 2 and "no duty" in none.output


def test_the_corpus_duties_as_a_word_table(store_path: Path, tmp_path: Path) -> None:
    import docx

    out = tmp_path / "noi-vu.docx"
    done = CliRunner().invoke(cli, ["corpus", "tasks", "--db", str(store_path), "--agency", "Sở Nội vụ", "-o", str(out)])
    assert done.exit_code == 0, done.output
    with Store(store_path) as store:
        found = duties(store, agency="Sở Nội vụ")
    (table,) = docx.Document(str(out)).tables
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0][-1] == "Văn bản" and len(rows) == 1 + 1 + len(found)  # one agency: one heading row
    assert sorted(r[-1].split()[0] for r in rows[2:]) == sorted(d.document.name for d in found)


def test_a_bodys_duties_with_those_its_predecessors_had(store_path: Path) -> None:
    """Sở Nội vụ took over most of Sở Lao động - Thương binh và Xã hội's duties in 2025: with
    ``predecessors`` its duties include those tth-2024 gave that department, each that its words
    send to Sở Nội vụ (a child-protection duty went to Sở Y tế, and stays out)."""
    home, labour = agencies.key_of("Sở Nội vụ"), agencies.key_of("Sở Lao động - Thương binh và Xã hội")
    with Store(store_path) as store:
        now = duties(store, agency="Sở Nội vụ")
        with_before = duties(store, agency="Sở Nội vụ", predecessors=True)
    earlier = [d for d in with_before if d.task.agency_key == labour]
    assert {(d.document.name, d.task.text) for d in now} < {(d.document.name, d.task.text) for d in with_before}
    want = [t.text for t in tasks(plandiff.parse(FIXTURES / "tth-2024.txt"))
            if t.agency_key == labour and agencies.successor(labour, t.text) == home]
    assert want and sorted(d.task.text for d in earlier) == sorted(want)
    assert {d.task.agency_key for d in with_before} == {home, labour}
