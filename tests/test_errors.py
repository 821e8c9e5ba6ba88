"""Bad input: a typed exception in the library, one line and exit 2 from the command line, and
nothing written."""

from __future__ import annotations

import zipfile
from io import BytesIO
from pathlib import Path

import pytest
from click.testing import CliRunner
from plandiff_cli.main import cli

import plandiff
from plandiff import errors
from tests.conftest import FIXTURES

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa" + bytes(range(256))


def _zip(files: dict[str, bytes]) -> bytes:
    buf = BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return buf.getvalue()


CASES = {
    "empty": (b"", errors.EmptyInput, "empty"),
    "blank": (b"  \n\n \t\n", errors.EmptyInput, "empty"),
    "binary": (PNG, errors.BinaryInput, "binary"),
    "truncated.docx": (_zip({"word/document.xml": b"<x/>"})[:40], errors.CorruptDocument, "docx"),
    "not-word.docx": (_zip({"hello.txt": b"hi"}), errors.CorruptDocument, "Word"),
    "bad-xml.docx": (_zip({"word/document.xml": b"<w:document"}), errors.CorruptDocument, "damaged"),
    "prose.txt": ("Hôm nay trời đẹp. Chúng tôi đi chơi công viên và ăn kem.\n".encode(), errors.NotAPlan, "not a plan"),
    "garbage": (bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D]) * 50, errors.UndecodableInput, "UTF-8"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_library_raises_a_typed_error(name: str, tmp_path: Path) -> None:
    data, kind, words = CASES[name]
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(kind, match=words) as info:
        plandiff.parse(path)
    assert isinstance(info.value, errors.PlanError)
    assert str(path) in str(info.value)


def test_missing_path_and_directory(tmp_path: Path) -> None:
    with pytest.raises(errors.InputNotFound, match="no such file"):
        plandiff.parse(tmp_path / "nope.txt")
    with pytest.raises(errors.InputIsDirectory, match="directory"):
        plandiff.parse(tmp_path)


def test_huge_file_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.truncate(80 * 1024 * 1024)
    with pytest.raises(errors.InputTooLarge, match="too large"):
        plandiff.parse(big)


@pytest.mark.parametrize("name", sorted(CASES))
def test_cli_prints_one_line_exits_2_and_writes_nothing(name: str, tmp_path: Path) -> None:
    data, _, words = CASES[name]
    bad = tmp_path / name
    bad.write_bytes(data)
    out = tmp_path / "report.html"
    runner = CliRunner()
    for args in (["parse", str(bad)], ["diff", str(bad), str(FIXTURES / "tth-2024.txt"), "-o", str(out)],
                 ["cite", str(bad), "--json"]):
        result = runner.invoke(cli, args)
        assert result.exit_code == 2, result.output
        lines = result.output.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("plandiff: "), result.output
        assert words in lines[0]
        assert "Traceback" not in result.output
        assert not out.exists()
    assert bad.read_bytes() == data


def test_cli_missing_file_and_usage_errors(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["parse", str(tmp_path / "missing.txt")])
    assert result.exit_code == 2 and "no such file" in result.output
    result = runner.invoke(cli, ["trace", str(FIXTURES / "tth-2024.txt")])
    assert result.exit_code == 2 and "exactly one of --instrument or --plan" in result.output
    result = runner.invoke(cli, ["graph", str(FIXTURES / "tth-2024.txt"), "-o", str(tmp_path / "g.png")])
    assert result.exit_code == 2 and "a graph is written as .graphml, .json (node-link) or .html" in result.output
    assert not (tmp_path / "g.png").exists()
