"""Writing results: to stdout, or atomically to a file (temp file in the same folder + rename)."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from plandiff.errors import OutputIsInput


def write_atomic(path: str | os.PathLike[str], data: str | bytes | Iterable[bytes]) -> None:
    """``data`` whole, or chunk by chunk (a corpus export never held in memory at once)."""
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    chunks = [data.encode("utf-8") if isinstance(data, str) else data] if isinstance(data, str | bytes) else data
    if target.is_symlink() or (target.exists() and not target.is_file()):
        raise OutputIsInput(f"{path}: is a link, a device or a pipe, not a file to replace")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    # mkstemp makes the file private; give it the mode a plain open() would (or the old file's)
    umask = os.umask(0)
    os.umask(umask)
    mode = target.stat().st_mode & 0o777 if target.exists() else 0o666 & ~umask
    try:
        os.chmod(tmp, mode)
        with os.fdopen(fd, "wb") as fh:
            for chunk in chunks:
                fh.write(chunk)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def check_output(output: str | os.PathLike[str], inputs: list[str]) -> None:
    """Raise ``OutputIsInput`` when writing ``output`` would overwrite one of ``inputs`` (the same
    file by any path, hard link or symbolic link) or is no place for a regular file."""
    target = Path(output)
    try:
        st = target.stat()
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise OutputIsInput(f"{output}: cannot be written ({exc.strerror})") from None
    if st is not None:
        if stat.S_ISDIR(st.st_mode):
            raise OutputIsInput(f"{output}: is a directory; give a file name for the output")
        if not stat.S_ISREG(st.st_mode):
            raise OutputIsInput(f"{output}: is a device or a pipe, not a file; plandiff writes files")
    real = os.path.realpath(target)
    for name in inputs:
        try:
            same = st is not None and os.path.samefile(target, name)
        except OSError:
            same = False
        if same or real == os.path.realpath(name):
            raise OutputIsInput(f"{output}: is the input {name}; choose another output so the input is not overwritten")
