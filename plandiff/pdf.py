"""Read the text layer of a PDF with pypdf (pure Python, maintained, reports encryption; no
compiled dependency). Page headers and footers repeated on most pages and page numbers standing
alone are dropped by the clean stage; pages are separated by form feeds.
"""

from __future__ import annotations

import io
import re
from collections import Counter

from . import errors


def extract_text(data: bytes, *, label: str = "input") -> str:
    try:
        import pypdf
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise errors.MissingDependency(f"{label}: reading PDF needs pypdf: pip install 'plandiff[pdf]'") from exc
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except Exception as exc:
                raise errors.EncryptedDocument(f"{label}: the PDF is encrypted; save an unprotected copy first") from exc
            if not ok:
                raise errors.EncryptedDocument(f"{label}: the PDF is encrypted with a password; save an unprotected copy first")
        pages = [page.extract_text() or "" for page in reader.pages]
    except errors.PlanError:
        raise
    except Exception as exc:
        raise errors.CorruptDocument(f"{label}: damaged or truncated PDF ({type(exc).__name__}: {exc})") from exc
    if not pages:
        raise errors.CorruptDocument(f"{label}: the PDF has no pages")
    if not any(p.strip() for p in pages):
        raise errors.NoTextLayer(f"{label}: the PDF has no text layer (a scan?); run OCR first")
    return "\f".join(_drop_running_lines(pages))


def _drop_running_lines(pages: list[str]) -> list[str]:
    """Lines that open or close most pages (a running header or footer) are not plan text."""
    if len(pages) < 3:
        return pages
    edge: Counter[str] = Counter()
    for page in pages:
        lines = [ln.strip() for ln in page.splitlines() if ln.strip()]
        for ln in set(lines[:2] + lines[-2:]):
            edge[re.sub(r"\d+", "#", ln)] += 1
    running = {k for k, n in edge.items() if n >= max(3, len(pages) * 0.6)}
    out = []
    for page in pages:
        kept = [ln for ln in page.splitlines() if re.sub(r"\d+", "#", ln.strip()) not in running]
        out.append("\n".join(kept))
    return out
