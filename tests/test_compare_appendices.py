"""Appendices compared across two versions: rows kept, modified, added, removed — in the library,
the page, the Markdown and Word reports, and the command's exit status."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree, html

import plandiff
from plandiff.compare.appendices import changed_rows, compare_appendices
from plandiff.render.docx import _appendix_lines, comparison_table, resolve, tracked_changes

from .conftest import FIXTURES
from .test_report import CHROMIUM, _open_in_chromium

HANOI = FIXTURES / "field" / "hanoi-5giot-2025.md"


def test_rows_kept_modified_added_and_removed() -> None:
    a = plandiff.parse(HANOI)
    b_text = HANOI.read_text(encoding="utf-8").replace("Quý III Năm 2026", "Quý IV Năm 2026").replace(
        "Xây dựng kế hoạch đầu tư\ncông, hợp tác công tư,", "Xây dựng kế hoạch đầu tư\ncông, hợp tác công tư và xã hội hóa,")
    b = plandiff.parse(b_text.encode(), name="hanoi-next")
    (cmp,) = compare_appendices(a, b)
    assert cmp.a == cmp.b and cmp.a is not None and cmp.a.startswith("PHỤ LỤC")
    rows_a = a.appendices[0].tables[0].rows[1:]
    assert cmp.counts() == {"unchanged": len(rows_a) - 2, "modified": 2, "moved": 0, "added": 0, "removed": 0}
    modified = [r for r in cmp.rows if r.kind == "modified"]
    assert [r.a[0] for r in modified if r.a] == ["1", "3"] and modified[0].b is not None and modified[0].b[-1] == "Quý IV Năm 2026"
    # a version without the appendix: every row removed, the appendix only in A
    bare = plandiff.parse(HANOI.read_text(encoding="utf-8")[:HANOI.read_text(encoding="utf-8").index("**PHỤ LỤC**")].encode())
    (gone,) = compare_appendices(a, bare)
    assert gone.b is None and gone.counts()["removed"] == len(rows_a) and changed_rows([gone]) == len(rows_a)
    assert compare_appendices(a, a)[0].changed() is False


def test_rows_paired_across_a_reordered_table() -> None:
    a = plandiff.parse(HANOI)
    app = a.appendices[0]
    from dataclasses import replace

    rows = app.tables[0].rows
    reordered = replace(app, tables=(replace(app.tables[0], rows=(rows[0], rows[2], rows[1], *rows[3:])),))
    b = replace(a, appendices=(reordered,))
    (cmp,) = compare_appendices(a, b)
    counts = cmp.counts()  # a moved row is the same row, never one lost and one new
    assert (counts["moved"], counts["added"], counts["removed"]) == (1, 0, 0) and counts["unchanged"] == len(rows) - 2
    # every report shows it so
    al = plandiff.align(a, b)
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(comparison_table(al))).read("word/document.xml"))
    last_cells = ["".join(t.text or "" for t in tr.findall(f"{w}tc")[-1].iter(f"{w}t")) for tr in root.findall(f".//{w}tr")]
    assert last_cells.count("Chuyển vị trí (moved)") == 1
    assert "- chuyển vị trí / đánh số lại: " in plandiff.render_markdown(al)
    assert "- moved / renumbered: " in plandiff.render_markdown(al, lang="en")
    assert len(html.fromstring(plandiff.render_html(al)).xpath('//tr[@data-row-kind="moved"]')) == 1
    assert resolve(tracked_changes(al), accept=True)[-len(_appendix_lines(b)):] == _appendix_lines(b)


def test_the_page_the_reports_and_the_exit_status_show_appendix_changes(tmp_path: Path) -> None:
    b_path = tmp_path / "hanoi-next.md"
    b_path.write_text(HANOI.read_text(encoding="utf-8").replace("Quý III Năm 2026", "Quý IV Năm 2026"), encoding="utf-8")
    a, b = plandiff.parse(HANOI), plandiff.parse(b_path)
    al = plandiff.align(a, b)
    assert all(p.kind == "unchanged" for p in al.pairs) and not al.added and not al.removed  # the clauses are the same
    page = html.fromstring(plandiff.render_html(al))
    section = page.get_element_by_id("appendices")
    assert page.xpath('//nav[@class="toc"]//a[@href="#appendices"]')  # the contents lead to it
    changed = section.xpath('.//tr[@data-row-kind="modified"]')
    assert len(changed) == 1 and changed[0].xpath(".//del")[0].text == "III" and changed[0].xpath(".//ins")[0].text == "IV"
    md = plandiff.render_markdown(al)
    assert "## phụ lục: " in md and "~~III~~" in md and "**IV**" in md
    data = tracked_changes(al)
    assert resolve(data, accept=True)[-len(_appendix_lines(b)):] == _appendix_lines(b)
    assert resolve(data, accept=False)[-len(_appendix_lines(a)):] == _appendix_lines(a)
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(comparison_table(al))).read("word/document.xml"))
    cells = ["".join(t.text or "" for t in tr.iter(f"{w}t")) for tr in root.findall(f".//{w}tr")]
    assert sum("Quý IV Năm 2026" in c for c in cells) == 1
    run = subprocess.run([sys.executable, "-m", "plandiff_cli.main", "diff", str(HANOI), str(b_path), "-o",
                          str(tmp_path / "x.html"), "--exit-code"], capture_output=True, text=True, timeout=120)
    assert run.returncode == 1 and "appendices: 1 rows changed" in run.stderr
    as_json = subprocess.run([sys.executable, "-m", "plandiff_cli.main", "diff", str(HANOI), str(b_path), "--format", "json"],
                             capture_output=True, text=True, timeout=120)
    (appendix,) = __import__("json").loads(as_json.stdout)["appendices"]
    assert appendix["counts"]["modified"] == 1 and appendix["a"] == appendix["b"]
    same = subprocess.run([sys.executable, "-m", "plandiff_cli.main", "diff", str(HANOI), str(HANOI), "-o",
                           str(tmp_path / "y.html"), "--exit-code"], capture_output=True, text=True, timeout=120)
    assert same.returncode == 0 and "appendices" not in same.stderr


@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed (Debian package chromium)")
def test_the_appendix_section_in_chromium(tmp_path: Path) -> None:
    b = plandiff.parse(HANOI.read_text(encoding="utf-8").replace("Quý III Năm 2026", "Quý IV Năm 2026").encode(),
                       name="hanoi-next")
    dom = _open_in_chromium(plandiff.render_html(plandiff.align(plandiff.parse(HANOI), b)), tmp_path, "appendix.html")
    (row,) = dom.xpath('//section[@id="appendices"]//tr[@data-row-kind="modified"]')
    assert [e.text for e in row.xpath(".//del")] == ["III"] and [e.text for e in row.xpath(".//ins")] == ["IV"]
    assert dom.xpath('//section[@id="appendices"]//div[@class="appendix"]/@data-changed') == ["1"]
