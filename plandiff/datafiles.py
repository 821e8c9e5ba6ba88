"""The package's data files (the names of instruments and agencies, the successions of authorities,
Vietnamese syllables), read as the files they are installed as.

Why not ``importlib.resources`` for them: loading it (tempfile, shutil, zipfile, …) took 6–10 ms
of every command on an installation as ``pip install`` makes it, more than reading the files.
plandiff is installed as files; a copy imported from a zip archive is still read through
``importlib.resources``.
"""

from __future__ import annotations

import os

_DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")


def read_text(name: str) -> str:
    """The text of ``plandiff/data/<name>`` (UTF-8)."""
    try:
        with open(os.path.join(_DATA, name), encoding="utf-8") as f:
            return f.read()
    except (FileNotFoundError, NotADirectoryError):  # not installed as files (a zip archive)
        from importlib import resources

        return resources.files("plandiff").joinpath(f"data/{name}").read_text(encoding="utf-8")
