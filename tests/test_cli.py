"""The command line on real plans: the JSON contracts the evaluation reads, and atomic output."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from lxml import html as lhtml
from plandiff_cli.main import cli

from tests.conftest import FIXTURES

TTH23, TTH24, HUE26 = (str(FIXTURES / n) for n in ("tth-2023.md", "tth-2024.txt", "hue-2026.txt"))


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_parse_json_contract() -> None:
    data = json.loads(run("parse", TTH24, "--json"))
    assert set(data) >= {"meta", "preamble", "clauses", "footnotes", "recipients", "signature", "artefacts"}
    m = data["meta"]
    assert (m["number"], m["date"], m["year"], m["doc_type"]) == ("14/KH-UBND", "2024-01-12", 2024, "KẾ HOẠCH")
    assert m["jurisdiction"] == {"name": "Thừa Thiên Huế", "level": "tỉnh"}
    first = data["clauses"][0]
    assert (first["id"], first["label"], first["kind"], first["text"]) == ("I", "I.", "section", "MỤC ĐÍCH, YÊU CẦU")
    assert first["children"][0]["id"] == "I.1" and len(first["span"]) == 2


def test_parse_outline() -> None:
    out = run("parse", HUE26)
    assert "Số 60/KH-UBND" in out
    assert "\n    e) Ban Dân tộc – Tôn giáo, Sở Nội vụ" in out


def test_align_json_contract() -> None:
    data = json.loads(run("align", TTH23, TTH24, "--json"))
    assert set(data) >= {"a", "b", "pairs", "added", "removed"}
    pairs = {(p["a"], p["b"]): p for p in data["pairs"]}
    assert pairs[("II.1", "II.3")]["kind"] == "moved"
    assert 0 <= pairs[("II.1", "II.3")]["score"] <= 1
    assert "II.1" in data["added"] and "II.2" in data["added"]


def test_diff_writes_html_atomically(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    out.write_text("old report", encoding="utf-8")
    result = CliRunner().invoke(cli, ["diff", TTH24, HUE26, "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = lhtml.fromstring(out.read_bytes())
    assert page.xpath("//tr[@data-kind]")
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]  # no temp file left behind


def test_diff_formats_and_exit_code(tmp_path: Path) -> None:
    data = json.loads(run("diff", TTH24, HUE26, "--format", "json"))
    assert data["counts"]["moved"] > 0
    md = run("diff", TTH24, HUE26, "--format", "md")
    assert md.startswith("# tth-2024 → hue-2026") and "~~tỉnh~~" in md
    same = CliRunner().invoke(cli, ["diff", TTH24, TTH24, "--format", "json", "--exit-code"])
    assert same.exit_code == 0
    differ = CliRunner().invoke(cli, ["diff", TTH24, HUE26, "--format", "json", "--exit-code"])
    assert differ.exit_code == 1


def test_history_cite_graph_trace(tmp_path: Path) -> None:
    out = tmp_path / "history.html"
    run("history", TTH23, TTH24, HUE26, "-o", str(out))
    assert lhtml.fromstring(out.read_bytes()).xpath("//tr[@data-lineage]")
    cites = json.loads(run("cite", HUE26, "--json"))
    assert any(c["symbol"] == "28/NQ-CP" and c["role"] == "basis" for c in cites["citations"])
    assert cites["warnings"]
    for ext in ("graphml", "json", "html"):
        run("graph", TTH23, TTH24, HUE26, "-o", str(tmp_path / f"g.{ext}"))
        assert (tmp_path / f"g.{ext}").stat().st_size > 100
    traced = json.loads(run("trace", TTH23, TTH24, HUE26, "--instrument", "385/KH-UBND", "--json"))
    assert sorted(Path(p["file"]).name for p in traced["plans"]) == ["hue-2026.txt", "tth-2023.md", "tth-2024.txt"]
    ancestry = json.loads(run("trace", TTH23, TTH24, "--plan", TTH24, "--json"))
    assert any(r["instrument"].startswith("212/KH-UBND") and r["edges"] == ["implements"] for r in ancestry["ancestry"])


def test_parse_reads_standard_input() -> None:
    data = (FIXTURES / "tth-2024.txt").read_bytes()
    result = CliRunner().invoke(cli, ["parse", "-", "--json"], input=data)
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["meta"]["number"] == "14/KH-UBND"
    empty = CliRunner().invoke(cli, ["parse", "-"], input=b"")
    assert empty.exit_code == 2 and "empty" in empty.output


def test_output_file_gets_ordinary_permissions(tmp_path: Path) -> None:
    import os
    import stat

    out = tmp_path / "report.md"
    run("diff", TTH24, HUE26, "-o", str(out))
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~umask


def test_diff_page_is_the_page_worked_out_in_one_process(tmp_path: Path) -> None:
    """The command works out the page's citations and duties in a child while it aligns: the page
    is the same, byte for byte, as the library's in one process."""
    import plandiff
    from plandiff.tasks import compare_tasks

    out = tmp_path / "report.html"
    result = CliRunner().invoke(cli, ["diff", TTH24, HUE26, "-o", str(out)])
    assert result.exit_code == 0, result.output
    a, b = plandiff.parse_file(Path(TTH24)), plandiff.parse_file(Path(HUE26))
    al = plandiff.align(a, b)
    page = plandiff.render_html(al, citations=plandiff.compare_citations(a, b), tasks=compare_tasks(a, b, al).to_dict())
    assert out.read_text(encoding="utf-8") == page
    assert "Quyết định" in page and 'data-kind="modified"' in page
