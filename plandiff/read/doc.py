"""Read a Word 97–2003 ``.doc`` (an OLE2 compound file), an RTF file (what many portals' ".doc"
downloads are) or an OpenDocument ``.odt`` by converting it to ``.docx`` with LibreOffice in
headless mode, a maintained converter from the distribution's packages that keeps the automatic
numbering a reader sees. The ``.docx`` is then read like any other, so each gives the same tree
as the same document saved as ``.docx``.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from .. import errors

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""The signature of a compound file (.doc, .xls, .ppt)."""
RTF = b"{\\rtf"
"""How an RTF file begins."""
ODT = b"application/vnd.oasis.opendocument.text"
"""An OpenDocument text's first zip entry (``mimetype``), stored uncompressed at the file's start."""
KINDS = {"doc": "Word 97–2003 .doc", "rtf": "RTF", "odt": "OpenDocument .odt"}


def kind_of(data: bytes) -> str | None:
    """"doc", "rtf" or "odt" for the bytes of a file LibreOffice converts; None otherwise."""
    if data.startswith(OLE2):
        return "doc"
    if data[:64].lstrip()[:5] == RTF:
        return "rtf"
    if data.startswith(b"PK\x03\x04") and ODT in data[:128]:
        return "odt"
    return None
TIMEOUT = 60
"""Seconds a conversion may take; a plan converts in about one."""


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_docx(data: bytes, *, label: str = "input", kind: str = "doc") -> bytes:
    """The ``.docx`` bytes LibreOffice writes for the ``.doc`` (``.rtf``, ``.odt``) bytes ``data``."""
    import subprocess  # here, not at import: every read asks ``kind_of``, few files are converted
    import tempfile

    exe = soffice()
    name = KINDS[kind]
    if exe is None:
        raise errors.MissingDependency(
            f"{label}: a {name} file needs LibreOffice to be read: apt-get install libreoffice-writer-nogui "
            "(or save it as .docx in Word)"
        )
    with tempfile.TemporaryDirectory(prefix="plandiff-doc-") as tmp:
        src = Path(tmp) / f"input.{kind}"
        src.write_bytes(data)
        profile = Path(tmp) / "profile"  # a private profile: runs in parallel never share a lock
        cmd = [exe, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore", "--nolockcheck",
               "--convert-to", "docx:MS Word 2007 XML", "--outdir", tmp, str(src)]
        try:
            done = subprocess.run(cmd, capture_output=True, timeout=TIMEOUT, env={**os.environ, "HOME": tmp})
        except subprocess.TimeoutExpired:
            raise errors.CorruptDocument(f"{label}: LibreOffice did not convert the {name} file within {TIMEOUT} s") from None
        out = Path(tmp) / "input.docx"
        if done.returncode != 0 or not out.exists():
            message = (done.stderr or done.stdout).decode("utf-8", "replace").strip().splitlines()
            raise errors.CorruptDocument(f"{label}: not a readable {name} document"
                                         + (f" (LibreOffice: {message[-1][:120]})" if message else ""))
        return out.read_bytes()
