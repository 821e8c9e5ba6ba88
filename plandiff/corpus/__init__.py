"""A corpus of plans: every province's and year's plans in one SQLite store, their version
series, text reused across authorities, and corpus-wide citations — with the parsing, extraction
and shingling run as Dask tasks.

Stages, one module each: ``record`` (one file indexed, a pure function) → ``engine`` (Dask runs it)
→ ``store`` (SQLite) → ``series`` / ``reuse`` / ``citegraph`` (read the store) → ``render``.
"""

from .add import AddReport, add
from .engine import Engine, EngineError
from .store import Document, Store, StoreError

__all__ = ["AddReport", "Document", "Engine", "EngineError", "Store", "StoreError", "add"]
