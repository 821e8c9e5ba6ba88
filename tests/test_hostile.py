"""Hostile and odd inputs: bounded time and memory, a typed error (never a traceback), no text lost,
never an input overwritten.

Growth tests run each family at 1×, 2× and 4× its size and require near-linear time: the 4× run
may take at most ``SUPERLINEAR`` times the 1× run (linear is 4, quadratic 16). Sizes are small so
the suite stays fast; the measures are medians of three runs on a noisy machine.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import io
import os
import signal
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import plandiff
from plandiff import errors
from plandiff.compare.worddiff import apply, diff_words
from plandiff.parsing.audit import lost_and_invented

from . import builders

HEAD = "ỦY BAN NHÂN DÂN TỈNH X\nSố: 1/KH-UBND\nX, ngày 1 tháng 1 năm 2025\nKẾ HOẠCH\nThử nghiệm\nI. NỘI DUNG\n"
MD_PLAN = ("**KẾ HOẠCH**\n\n**Thử**\n\n**I. A**\n\n1. B\n\nNơi nhận:\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n"
           "Nguyễn Văn A\n\n")
SUPERLINEAR = 9.0
"""Allowed ratio of the 4× run to the 1× run: well above linear (4), well below quadratic (16)."""


def _time(work: Callable[[], object]) -> float:
    """The best of three runs, each with the cyclic collector paused: a collection's cost depends
    on everything the test session holds, not on the input's growth."""
    runs = []
    for _ in range(3):
        gc.collect()
        gc.disable()
        try:
            start = time.perf_counter()
            work()
            runs.append(time.perf_counter() - start)
        finally:
            gc.enable()
    return min(runs)


def _parse_and_cite(text: str) -> None:
    try:
        plan = plandiff.parse_text(text)
    except errors.PlanError:
        return
    plandiff.citations(plan)


def _assert_near_linear(make: Callable[[int], str], base: int, work: Callable[[str], object] = _parse_and_cite) -> None:
    t1 = _time(lambda: work(make(base)))
    t4 = _time(lambda: work(make(4 * base)))
    # a floor: below a few tens of milliseconds a loaded machine's clock says little about growth
    assert t4 <= SUPERLINEAR * max(t1, 0.025), f"{t1:.3f}s → {t4:.3f}s for 4× the input"


TEXT_FAMILIES: dict[str, Callable[[int], str]] = {
    "numbered lines": lambda n: HEAD + "1.\n" * n,
    "lettered lines": lambda n: HEAD + "a)\n" * n,
    "roman-or-letter lines": lambda n: HEAD + "i)\n" * n,
    "footnote-like lines": lambda n: HEAD + "1. Xem\n" + "1Abc\n" * n,
    "a line of asterisks": lambda n: HEAD + "*" * n + "x\n",
    "emphasis markers": lambda n: "**KẾ HOẠCH**\n**x**\n**y**\n1. " + "**a " * n + "\n",
    "combining marks": lambda n: HEAD + "1. a" + "\u0301\u0323" * n + "\n",
    "citations in a paragraph": lambda n: HEAD + "1. Thực hiện " + "; ".join(
        f"Quyết định số {k}/QĐ-UBND ngày 1/1/2020 của UBND tỉnh về việc x" for k in range(n // 10)) + ".\n",
    "law names": lambda n: HEAD + "1. " + ", ".join(f"Luật Abc Def Ghi{k} Jkl" for k in range(n // 10)) + ".\n",
    "short names": lambda n: HEAD + "1. " + " ".join(
        f"Quyết định số {k}/QĐ-TTg ngày 1/1/2020 (viết tắt là Quyết định X{k});" for k in range(n // 20)) + "\n",
    "blank lines": lambda n: HEAD + "1. Làm việc.\n" + "\n" * n,
    "flattened appendix table": lambda n: MD_PLAN + "**PHỤ LỤC**\n\n**DANH MỤC**\n\n" + "|\n1\n|\nx\n|\n|\n" * (n // 4),
    "flattened tables in a section": lambda n: MD_PLAN.replace("1. B\n\n", "1. B\n\n" + "|\nSTT\n|\nTên\n|\n|\n1\n|\nViệc\n|\n|\n2"
                                                                     "\n|\nViệc\n|\n" * (n // 14) + "\n"),
    "pipe rows in an appendix": lambda n: MD_PLAN + "**PHỤ LỤC**\n\n**DANH MỤC**\n\n" + "| 1 | x | y |\n" * (n // 4),
    "many appendices": lambda n: MD_PLAN + "\n**PHỤ LỤC**\n\n**DANH MỤC**\n\n|\n1\n|\nx\n|\n" * (n // 8),
    "articles": lambda n: ("ỦY BAN NHÂN DÂN TỈNH X\nSố: 1/QĐ-UBND\nX, ngày 1 tháng 1 năm 2025\nQUYẾT ĐỊNH\nVề việc x\n"
                           + "".join(f"Điều {k % 900 + 1}. Nội dung {k}.\n" for k in range(n))),
    "bracket footnotes": lambda n: (MD_PLAN.replace("1. B", "1. B" + "".join(f"x[{k}]" for k in range(1, 100)))
                                    + "".join(f"[{k % 99 + 1}] Ghi chú {k}.\n\n" for k in range(n // 4))),
    "recipients": lambda n: HEAD + "1. Làm việc.\nNơi nhận:\n" + "- Sở Nội vụ;\n" * n + "KT. CHỦ TỊCH\nNguyễn Văn A\n",
    "issuer lines": lambda n: "ỦY BAN NHÂN DÂN\n" * n + "Số: 1/KH-UBND\nKẾ HOẠCH\nThử\nI. A\n1. B.\n",
    "pipes": lambda n: "**KẾ HOẠCH**\n**x**\n**y**\n" + "|\n" * n + "I. A\n",
    # borders of multiline tables, each unlike the others (no twin to close a table), and alike
    "unlike table borders": lambda n: HEAD + "".join(
        " ".join("-" * (3 + k // 3 ** d % 3) for d in range(8)) + "\n" for k in range(n)),
    "like table borders": lambda n: HEAD + "---- ----\nx\n" * (n // 2),
    # letters a PDF tool read after their line ("C NG" + "Ộ"), in lines of a page and in long ones
    "displaced letters": lambda n: HEAD + "1. C NG HÒA XÃ H I c a B  Y t  v  vi c tri n khaiỘ Ộ ủ ộ ế ề ệ ể\n" * (n // 8),
    "displaced letters in long lines": lambda n: HEAD + (
        "1. " + "H I c a " * 15 + " ".join(["ộ ủ"] * 12) + "\n") * (n // 16),
    # a legacy font's characters, in a line that runs on and in lines a legacy font typed
    "legacy font signs in one line": lambda n: HEAD + "1. c¸c ho¹t " + "®éng ¹µ¸ " * n + "\n",
    "legacy font lines": lambda n: HEAD + "".join(f"{k}. Thùc hiÖn c«ng t¸c b×nh ®¼ng giíi.\n" for k in range(1, n // 8)),
}


@pytest.mark.parametrize("family", sorted(TEXT_FAMILIES))
def test_text_families_grow_near_linearly(family: str) -> None:
    _assert_near_linear(TEXT_FAMILIES[family], 2000)


def test_many_word_diffs_and_huge_ones_stay_bounded() -> None:
    a = " ".join(f"w{k}" for k in range(150_000))  # more distinct words than private-use characters
    b = " ".join(f"v{k}" for k in range(150_000))
    edits = diff_words(a, b)
    assert apply(a, edits) == b


# .docx ------------------------------------------------------------------------------------------

def _numbering(start: str, fmt: str = "upperRoman") -> str:
    return (f'<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            '<w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')


@pytest.mark.parametrize("fmt", ["upperRoman", "lowerLetter"])
def test_a_numbering_that_starts_at_a_huge_number(fmt: str) -> None:
    data = builders.raw_docx(builders.PLAN_PARAS + builders._para("mục", (1, 0)), numbering=_numbering("100000000000", fmt))
    start = time.perf_counter()
    plan = plandiff.parse(data)
    assert time.perf_counter() - start < 2
    assert "100000000000. mục" in plan.source


def test_numbering_values_that_are_not_numbers() -> None:
    body = builders.PLAN_PARAS + '<w:p><w:pPr><w:numPr><w:ilvl w:val="x1"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>y</w:t></w:r></w:p>'
    plan = plandiff.parse(builders.raw_docx(body, numbering=_numbering("abc")))
    assert "y" in plan.source


def test_footnote_text_is_never_a_pattern() -> None:
    notes = ('<w:footnote w:id="1"><w:p><w:r><w:t>first line</w:t></w:r></w:p>'
             '<w:p><w:r><w:t>(a+)+$[ second</w:t></w:r></w:p></w:footnote>')
    body = builders.PLAN_PARAS + '<w:p><w:r><w:t>Theo Luật</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>'
    plan = plandiff.parse(builders.raw_docx(body, footnotes=notes))
    (note,) = plan.footnotes
    assert note.text == "first line (a+)+$[ second"


def test_many_footnotes_against_many_paragraphs_grow_near_linearly() -> None:
    def make(n: int) -> bytes:
        notes = "".join(f'<w:footnote w:id="{k}"><w:p><w:r><w:t>ghi chú {k}</w:t></w:r></w:p></w:footnote>' for k in range(1, n + 1))
        return builders.raw_docx(builders.PLAN_PARAS + "".join(builders._para(f"đoạn {k} không có dấu") for k in range(n)), footnotes=notes)

    small, large = make(500), make(2000)
    t1 = _time(lambda: plandiff.parse(small))
    t4 = _time(lambda: plandiff.parse(large))
    assert t4 <= SUPERLINEAR * max(t1, 0.025)


def test_zip_bomb_is_refused_from_the_directory() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"<w:document>" + b" " * (80 * 1024 * 1024) + b"</w:document>")
    data = buf.getvalue()
    assert len(data) < 200_000
    with pytest.raises(errors.InputTooLarge):
        plandiff.parse(data)


def test_a_flood_of_empty_paragraphs_is_refused_or_fast() -> None:
    start = time.perf_counter()
    with pytest.raises(errors.InputTooLarge):
        plandiff.parse(builders.raw_docx(builders.PLAN_PARAS + "<w:p/>" * 400_000))
    assert time.perf_counter() - start < 5
    plan = plandiff.parse(builders.raw_docx(builders.PLAN_PARAS + "<w:p/>" * 100_000))
    assert [c.id for c in plan.walk()] == ["I", "I.1"]


def _stored(data: bytes, *, method: int | None = None, encrypted: bool = False) -> bytes:
    """Patch the first member's local and central headers (method, or the encryption flag)."""
    out = bytearray(data)
    local, central = out.find(b"PK\x03\x04"), out.find(b"PK\x01\x02")
    if method is not None:
        out[local + 8:local + 10] = method.to_bytes(2, "little")
        out[central + 10:central + 12] = method.to_bytes(2, "little")
    if encrypted:
        out[local + 6] |= 1
        out[central + 8] |= 1
    return bytes(out)


def test_damaged_zip_members_are_typed_errors() -> None:
    plain = builders.raw_docx(builders.PLAN_PARAS, compression=zipfile.ZIP_STORED)
    with pytest.raises(errors.CorruptDocument):
        plandiff.parse(_stored(plain, method=99))
    with pytest.raises(errors.EncryptedDocument):
        plandiff.parse(_stored(plain, encrypted=True))


def test_a_content_control_and_a_table_in_a_table_are_read() -> None:
    body = (builders.PLAN_PARAS
            + '<w:sdt><w:sdtContent><w:p><w:r><w:t>2. Nội dung trong điều khiển nội dung.</w:t></w:r></w:p></w:sdtContent></w:sdt>'
            + '<w:tbl><w:tr><w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>Bảng lồng bên trong</w:t></w:r></w:p></w:tc></w:tr></w:tbl>'
            + "</w:tc></w:tr></w:tbl>")
    plan = plandiff.parse(builders.raw_docx(body))
    # the content control's item, and the nested table's text under it
    assert plan.find("I.2").text.split("\n") == ["Nội dung trong điều khiển nội dung.", "Bảng lồng bên trong"]
    assert not any(lost_and_invented(plan))


def test_the_audit_sees_what_a_reader_skips() -> None:
    # text in a part of the body the reader does not read (a hypothetical skipped element) is lost
    plan = plandiff.parse(builders.raw_docx(builders.PLAN_PARAS))
    skipped = dataclasses.replace(plan, seen=plan.seen + " Bị bỏ sót")
    lost, _ = lost_and_invented(skipped)
    assert "".join(sorted(lost.elements())) == "".join(sorted("Bịbỏsót"))


@settings(max_examples=30)
@given(st.lists(st.sampled_from(["p", "sdt", "tbl", "nested", "empty"]), min_size=1, max_size=8),
       st.text(alphabet="abcdđêơư 1.", min_size=1, max_size=12))
def test_hostile_docx_structures_lose_nothing(shapes: list[str], word: str) -> None:
    from xml.sax.saxutils import escape

    w = escape(word)
    parts = {
        "p": f"<w:p><w:r><w:t>{w}</w:t></w:r></w:p>",
        "sdt": f"<w:sdt><w:sdtContent><w:p><w:r><w:t>{w}</w:t></w:r></w:p></w:sdtContent></w:sdt>",
        "tbl": f"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>{w}</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
        "nested": f"<w:tbl><w:tr><w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>{w}</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>",
        "empty": "<w:p/>",
    }
    try:
        plan = plandiff.parse(builders.raw_docx(builders.PLAN_PARAS + "".join(parts[s] for s in shapes)))
    except errors.PlanError:
        return
    assert not lost_and_invented(plan)[0]


# PDF --------------------------------------------------------------------------------------------

def test_pages_opening_with_a_numbered_clause_keep_it() -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("DejaVu", fname=str(builders.FONT))
    pdf.set_font("DejaVu", size=11)
    lines = ["ỦY BAN NHÂN DÂN TỈNH X", "KẾ HOẠCH", "Thử nghiệm", "I. NỘI DUNG"]
    for k in range(1, 5):
        pdf.add_page()
        for line in ([*lines, f"{k}. Tổ chức tập huấn cho cán bộ cơ sở."] if k == 1 else [f"{k}. Tổ chức tập huấn cho cán bộ cơ sở."]):
            pdf.cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
        pdf.cell(0, 8, "Trang của cổng thông tin", new_x="LMARGIN", new_y="NEXT")
    plan = plandiff.parse(bytes(pdf.output()))
    assert [c.id for c in plan.walk()] == ["I", "I.1", "I.2", "I.3", "I.4"]
    assert {a.text for a in plan.artefacts if a.kind == "running_header"} == {"Trang của cổng thông tin"}
    assert not lost_and_invented(plan)[0]


# output safety ----------------------------------------------------------------------------------

HOSTILE_TEXT = (HEAD.replace("Thử nghiệm", "Thử <!--<script> \x01\ufffe nghiệm </script>\u2028")
                + "1. Làm <img src=x onerror=alert(1)> việc [bấm](javascript:alert(1)) \x07 xong.\n")


def test_control_characters_reach_no_page_and_are_not_lost() -> None:
    a = plandiff.parse_text(HOSTILE_TEXT)
    b = plandiff.parse_text(HOSTILE_TEXT.replace("xong", "hết"))
    assert "\ufffd" in a.meta.title  # visible, not dropped
    html = plandiff.render_html(plandiff.align(a, b))
    data = html.split('id="plandiff-data"', 1)[1].split("</script>", 1)[0]
    assert "<" not in data.split(">", 1)[1] and "\u2028" not in data  # the JSON cannot end or silence the script
    plandiff.render_history_html(plandiff.history([a, b]))
    graph = plandiff.CitationGraph([a, b])
    assert "<!--" not in graph.write("g.html").split("graph-data", 1)[1].split("</script>", 1)[0]


def test_markdown_output_is_inert() -> None:
    a = plandiff.parse_text(HOSTILE_TEXT)
    md = plandiff.render_markdown(plandiff.align(a, plandiff.parse_text(HOSTILE_TEXT.replace("xong", "hết"))))
    assert "<img" not in md and "<script" not in md and "](javascript:" not in md
    assert "&lt;img src=x onerror=alert\\(1\\)&gt;" in md


# the library ------------------------------------------------------------------------------------

def test_a_one_line_string_is_never_read_as_a_path(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(HEAD + "1. Bí mật.\n", encoding="utf-8")
    with pytest.raises(errors.InvalidArgument):
        plandiff.parse(str(secret))
    assert plandiff.parse_file(str(secret)).find("I.1").text == "Bí mật."
    assert plandiff.parse(secret).find("I.1").text == "Bí mật."
    with pytest.raises(errors.NotAPlan):
        plandiff.parse_text(str(secret) + "\n")


@pytest.mark.parametrize("call", [
    lambda: plandiff.parse(None), lambda: plandiff.parse(123), lambda: plandiff.parse_text(b"x"),
    lambda: plandiff.parse_file(None), lambda: plandiff.align(plandiff.parse_text(HEAD + "1. A.\n"), None),
    lambda: plandiff.history([]), lambda: plandiff.history(None), lambda: plandiff.render_html(None),
    lambda: plandiff.citations("x"), lambda: plandiff.render_plain(None),
])
def test_wrong_arguments_are_typed_errors(call: Callable[[], object]) -> None:
    with pytest.raises(errors.InvalidArgument):
        call()


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_devices_are_not_read(device: str) -> None:
    if not os.path.exists(device):
        pytest.skip(f"no {device}")
    with pytest.raises(errors.NotARegularFile):
        plandiff.parse_file(device)


# the command line -------------------------------------------------------------------------------

def _run(*args: str, cwd: Path | None = None, stdin: bytes | None = None, timeout: float = 60) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "plandiff_cli.main", *args], cwd=cwd, input=stdin,
                          capture_output=True, timeout=timeout)


@pytest.fixture()
def pair(tmp_path: Path) -> tuple[Path, Path]:
    from tests.conftest import FIXTURES

    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_bytes((FIXTURES / "tth-2024.txt").read_bytes())
    b.write_bytes((FIXTURES / "hue-2026.txt").read_bytes())
    return a, b


def _one_line_error(p: subprocess.CompletedProcess[bytes], code: int = 2) -> str:
    err = p.stderr.decode()
    assert p.returncode == code, err
    assert err.startswith("plandiff: ") and err.count("\n") == 1 and "Traceback" not in err, err
    return err


def test_an_output_that_is_an_input_is_refused_before_reading(pair: tuple[Path, Path], tmp_path: Path) -> None:
    a, b = pair
    before = a.read_bytes()
    link = tmp_path / "link.txt"
    link.symlink_to(a)
    hard = tmp_path / "hard.txt"
    os.link(b, hard)
    for args in (["diff", str(a), str(b), "-o", str(a)], ["diff", str(a), str(b), "-o", str(link)],
                 ["diff", str(a), str(b), "-o", str(hard)], ["parse", str(a), "-o", f"{tmp_path}/../{tmp_path.name}/a.txt"],
                 ["history", str(a), str(b), "-o", str(b)], ["cite", str(a), "-o", str(a)]):
        assert "is the input" in _one_line_error(_run(*args))
    assert a.read_bytes() == before
    if os.path.exists("/dev/null"):
        assert "device" in _one_line_error(_run("diff", str(a), str(b), "-o", "/dev/null"))
    assert "directory" in _one_line_error(_run("diff", str(a), str(b), "-o", str(tmp_path)))


def test_devices_fifos_and_bad_usage_are_one_line(pair: tuple[Path, Path], tmp_path: Path) -> None:
    a, _ = pair
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    _one_line_error(_run("parse", str(fifo), timeout=20))
    if os.path.exists("/dev/zero"):
        _one_line_error(_run("parse", "/dev/zero", timeout=20))
        with open("/dev/zero", "rb") as zero:
            p = subprocess.run([sys.executable, "-m", "plandiff_cli.main", "parse", "-"], stdin=zero, capture_output=True, timeout=60)
        _one_line_error(p)
    _one_line_error(_run("parse"))
    _one_line_error(_run("diff", str(a)))
    _one_line_error(_run("frobnicate"))
    _one_line_error(_run("parse", str(tmp_path / "missing.txt")))


def test_stdout_on_a_full_device_is_one_line(pair: tuple[Path, Path]) -> None:
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    with open("/dev/full", "wb") as full:
        p = subprocess.run([sys.executable, "-m", "plandiff_cli.main", "parse", str(pair[0])], stdout=full,
                           stderr=subprocess.PIPE, timeout=60)
    assert p.returncode == 2 and p.stderr.decode().startswith("plandiff: ") and "Traceback" not in p.stderr.decode()


@pytest.mark.parametrize(("sig", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_signals_exit_cleanly_and_leave_no_temporary_file(pair: tuple[Path, Path], tmp_path: Path, sig: int, code: int) -> None:
    # a history of many large versions keeps the command at work when the signal comes
    a, _ = pair
    head, sep, tail = a.read_text(encoding="utf-8").partition("Nơi nhận")
    versions = []
    for v in range(40):
        extra = "\n".join(f"{k}. Nhiệm vụ bổ sung số {k} năm {v} về truyền thông bình đẳng giới ở xã {k * v % 97}." for k in range(1, 99))
        path = tmp_path / f"v{v:02d}.txt"
        path.write_text(f"{head}VI. BỔ SUNG\n{extra}\n{sep}{tail}", encoding="utf-8")
        versions.append(str(path))
    out = tmp_path / "out" / "history.html"
    out.parent.mkdir()
    proc = subprocess.Popen([sys.executable, "-m", "plandiff_cli.main", "history", *versions, "-o", str(out)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(2.0)  # past the imports (the handlers are installed) and well inside the work
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    if proc.returncode == 0:
        pytest.skip("the command finished before the signal")
    assert proc.returncode == code, err
    assert err.decode() in ("plandiff: interrupted\n", "plandiff: terminated\n")
    assert list(out.parent.iterdir()) == []  # no report, and no temporary file left behind


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads a process's children from /proc")
def test_a_diff_stopped_while_its_child_works_leaves_no_process_and_no_file(tmp_path: Path) -> None:
    """``diff`` works out the page's citations and duties in a forked child while it aligns: a
    signal to the command alone still ends both, with no report and no temporary file."""
    from tests.conftest import load
    from tests.synthetic import grow

    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(grow(load("tth-2024"), 20).source, encoding="utf-8")
    b.write_text(grow(load("hue-2026"), 20).source, encoding="utf-8")
    out = tmp_path / "out" / "report.html"
    out.parent.mkdir()
    proc = subprocess.Popen([sys.executable, "-m", "plandiff_cli.main", "diff", str(a), str(b), "-o", str(out)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    children: list[int] = []
    deadline = time.monotonic() + 20
    while not children and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
        with contextlib.suppress(OSError):
            children = [int(x) for x in Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split()]
    if not children:
        proc.kill()
        proc.communicate()
        pytest.skip("the command finished before its child could be seen")
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 143 and err.decode() == "plandiff: terminated\n", err
    time.sleep(0.2)
    for child in children:
        with pytest.raises(ProcessLookupError):
            os.kill(child, 0)  # stopped and reaped, not left running as an orphan
    assert list(out.parent.iterdir()) == []


def test_huge_clauses_are_compared_in_bounded_time() -> None:
    def make(n: int) -> str:
        return HEAD + "1. " + " ".join(f"từ{k % 997} ngữ{k % 991}" for k in range(n)) + ".\n"

    def work(text: str) -> None:
        a = plandiff.parse_text(text)
        b = plandiff.parse_text(text.replace("từ1 ", "chữ1 "))
        plandiff.render_html(plandiff.align(a, b))

    _assert_near_linear(make, 4000, work)


def test_exit_codes_follow_diff(pair: tuple[Path, Path], tmp_path: Path) -> None:
    a, b = pair
    assert _run("diff", str(a), str(b), "--exit-code", "-o", str(tmp_path / "r.html")).returncode == 1
    assert _run("diff", str(a), str(a), "--exit-code", "-o", str(tmp_path / "s.html")).returncode == 0
    assert _run("--version").returncode == 0


def test_text_and_clause_budgets_are_clear_errors() -> None:
    with pytest.raises(errors.InputTooLarge):
        plandiff.parse_text(HEAD + "1. Làm việc.\n" * 200_000)
    many = plandiff.parse_text(HEAD + "".join(f"{k % 9 + 1}. Việc {k}.\n" for k in range(12_000)))
    with pytest.raises(errors.InputTooLarge):
        plandiff.align(many, many)


def test_a_page_is_not_written_to_a_terminal(pair: tuple[Path, Path]) -> None:
    import pty

    a, b = pair
    parent, child = pty.openpty()
    try:
        p = subprocess.run([sys.executable, "-m", "plandiff_cli.main", "diff", str(a), str(b)], stdout=child,
                           stderr=subprocess.PIPE, timeout=60)
    finally:
        os.close(child)
        os.close(parent)
    assert p.returncode == 2 and "-o" in p.stderr.decode() and p.stderr.decode().startswith("plandiff: ")
    piped = _run("diff", str(a), str(b), "--format", "md")  # text formats and pipes are fine
    assert piped.returncode == 0 and piped.stdout.startswith(b"# ")


def test_a_web_pages_list_that_starts_at_a_huge_number_is_numbered_in_digits() -> None:
    """`<ol type="I" start="99999999999">`: a Roman numeral grows with its value (a billion
    characters here), so a list's number beyond 9999 is printed in digits, as Word's are."""
    page = ('<html><body><p>KẾ HOẠCH</p><p>Thực hiện công tác năm 2026</p><p>I. MỤC ĐÍCH</p>'
            '<ol type="I" start="99999999999"><li>Nâng cao nhận thức.</li></ol>'
            '<ol type="a" start="99999999999999"><li value="-3">Phối hợp.</li></ol></body></html>')
    plan = plandiff.parse(page.encode())
    text = plandiff.render_plain(plan)
    assert "99999999999. Nâng cao nhận thức." in text and "3. Phối hợp." in text
