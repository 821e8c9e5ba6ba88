"""What Python compiles for plandiff, compiled once per installation rather than once per process.

Why: plandiff reads plans with some 320 regular expressions (numbering, header lines, the names
of instruments and bodies from its data files), and Python compiles every one of them anew in
every process: about 50 ms of a 300 ms ``plandiff diff``, more than aligning the two plans takes.
Its model is some 40 dataclasses, whose methods (``__init__``, ``__eq__``, ``__hash__``,
``__repr__``, …) ``dataclasses`` writes as source text and compiles in every process too: 13 ms
more, before any work. Both are kept in one file beside the package's bytecode, as Python keeps
compiled modules, and load in a millisecond or two:

- for a pattern (``regex``), what ``re`` makes of it, a list of integers for its engine
  (``_sre``), handed to the engine exactly as ``re`` hands it;
- for a dataclass (``dataclass``, a drop-in for ``dataclasses.dataclass``), the code objects of
  the methods, looked up by their source text: ``dataclasses`` builds every class as before (same
  fields, same text, same behaviour) and only its ``exec`` of that text is given code already
  compiled.

The file is keyed by the interpreter (its version, bytecode tag and optimisation) and the
engine's version, each entry by the pattern's text and flags or the method's source, so anything
an upgrade changed is compiled anew. Anything unexpected — another Python, an engine whose inner
functions moved, a file that cannot be read or written — and the thing is compiled as usual.
Only plandiff's own patterns and classes come here, never a pattern made from a plan's words: the
file would grow with every plan read.

``PLANDIFF_COMPILED_CACHE`` names another file (``off``: none). As with bytecode, the file is
read but not written when Python is told not to write bytecode (``PYTHONDONTWRITEBYTECODE``).
"""

from __future__ import annotations

import _thread
import dataclasses
import marshal
import os
import re
import stat
import sys
from array import array
from collections.abc import Callable
from types import CodeType
from typing import Any, AnyStr, TypeVar, overload

try:
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]

    _CODE = "I" if array("I").itemsize == _sre.CODESIZE else "L"
    _ENGINE: tuple[Any, ...] | None = (4, sys.implementation.cache_tag, sys.version, sys.flags.optimize, _sre.MAGIC,
                                       _sre.CODESIZE, _sre.MAXREPEAT, _CODE, sys.byteorder)
except (ImportError, AttributeError):  # not CPython's engine: compiled by ``re`` only
    _ENGINE = None

MAX_BYTES = 32 << 20
"""A file larger than this is not one this module wrote (the package's entries take some 600 KB)."""
MAX_ENTRIES = 4096
"""Entries the file holds at most: past it, only the entries of the process writing it are kept
(the package's own are some 500; those older versions of it used are dropped so)."""

SOURCE = -1
"""The second half of a method's key (a pattern's is its flags, never negative)."""

_Entry = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]
"""What the engine is handed besides the pattern: its flags, its code (an array's bytes: they load
as one object each, and only the patterns a process asks for become lists), the number of groups
and the groups' names both ways."""
_Key = tuple[str | bytes, int]
"""A pattern's text and flags, or a method's source and ``SOURCE``."""
_table: dict[_Key, Any] | None = None
"""The entries known to this process: the file's, then those compiled here (an ``_Entry`` for a
pattern, a code object for a method)."""
_new: set[_Key] = set()
"""Keys compiled in this process that the file did not hold when it was read."""
_used: set[_Key] = set()
_registered = False
_classes = _thread.RLock()
"""Held while a class is made with ``dataclasses``' ``exec`` pointing here."""


def regex(pattern: AnyStr, flags: int = 0) -> re.Pattern[AnyStr]:
    """``re.compile(pattern, flags)``, from the file when an earlier process compiled it."""
    flags = int(flags)
    if _ENGINE is None or flags & re.DEBUG:
        return re.compile(pattern, flags)
    table = _table if _table is not None else _load()
    key = (pattern, flags)
    entry = table.get(key)
    if entry is not None:
        try:
            compiled = _engine_pattern(pattern, entry)
        except Exception:  # noqa: BLE001 - a damaged entry: compiled again below
            table.pop(key, None)
        else:
            _used.add(key)
            return compiled
    entry = _entry(pattern, flags)
    if entry is None:
        return re.compile(pattern, flags)
    _keep(table, key, entry)
    return _engine_pattern(pattern, entry)


def python_code(source: str) -> CodeType:
    """``compile(source, "<string>", "exec")`` as ``exec(source)`` compiles it, from the file when
    an earlier process compiled it. For source plandiff writes from its own names (a dataclass's
    methods), never from a plan's words."""
    if _ENGINE is None:
        return compile(source, "<string>", "exec", dont_inherit=True)
    table = _table if _table is not None else _load()
    key = (source, SOURCE)
    code = table.get(key)
    if type(code) is CodeType:
        _used.add(key)
        return code
    code = compile(source, "<string>", "exec", dont_inherit=True)  # not this module's __future__ flags
    _keep(table, key, code)
    return code


def _keep(table: dict[_Key, Any], key: _Key, entry: Any) -> None:
    table[key] = entry
    _new.add(key)
    _used.add(key)
    _at_exit()


def _exec(source: Any, scope: dict[str, Any] | None = None, names: Any = None, /) -> None:
    """``exec`` for ``dataclasses`` while a class is made here: its source compiled by ``python_code``."""
    exec(python_code(source) if type(source) is str else source, scope, names)


T = TypeVar("T", bound=type)


@overload
def dataclass(cls: T, /) -> T: ...
@overload
def dataclass(cls: None = None, /, **options: Any) -> Callable[[T], T]: ...
def dataclass(cls: T | None = None, /, **options: Any) -> T | Callable[[T], T]:
    """``dataclasses.dataclass`` (the same options, the same class), its methods' code from the file."""

    def make(cls: T) -> T:
        # ``dataclasses`` compiles the methods it writes with ``exec``, a name it looks up in its
        # own module before the builtins: pointed here while the class is made, then given back.
        # A thread making a class meanwhile gets the code it would have compiled.
        with _classes:
            before = vars(dataclasses).get("exec")
            dataclasses.exec = _exec  # type: ignore[attr-defined]
            try:
                return dataclasses.dataclass(cls, **options)  # type: ignore[call-overload,no-any-return]
            finally:
                if before is None:
                    del dataclasses.exec  # type: ignore[attr-defined]
                else:
                    dataclasses.exec = before  # type: ignore[attr-defined]

    return make if cls is None else make(cls)


def _engine_pattern(pattern: AnyStr, entry: _Entry) -> re.Pattern[AnyStr]:
    flags, code, groups, groupindex, indexgroup = entry
    return _sre.compile(pattern, flags, array(_CODE, code).tolist(), groups, groupindex, indexgroup)


def _entry(pattern: str | bytes, flags: int) -> _Entry | None:
    """What ``re._compiler.compile`` hands the engine for ``pattern`` (None: let ``re`` say why
    it cannot, or compile it where the engine's inner functions are not what they were)."""
    try:
        parsed = _parser.parse(pattern, flags)
        code = array(_CODE, _compiler._code(parsed, flags)).tobytes()
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, i in groupindex.items():
            indexgroup[i] = name
        return int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup)
    except Exception:  # noqa: BLE001 - re.error included: re.compile raises it as it would have
        return None


def cache_path() -> str | None:
    """The file the compiled patterns and methods are kept in (None: none is kept)."""
    given = os.environ.get("PLANDIFF_COMPILED_CACHE")
    if given is not None:
        return None if given in ("", "off") else given
    if _ENGINE is None:
        return None
    here = os.path.dirname(os.path.abspath(__file__))
    if sys.pycache_prefix:  # where Python keeps this package's bytecode
        folder = os.path.join(sys.pycache_prefix, os.path.splitdrive(here)[1].lstrip(os.sep))
    else:
        folder = os.path.join(here, "__pycache__")
    return os.path.join(folder, f"compiled.{sys.implementation.cache_tag}.marshal")


def _read(path: str | None) -> dict[_Key, Any]:
    if path is None:
        return {}
    try:
        found = os.stat(path)
        if not stat.S_ISREG(found.st_mode) or found.st_size > MAX_BYTES:  # a pipe would never end
            return {}
        with open(path, "rb") as f:
            engine, table = marshal.loads(f.read(MAX_BYTES))
    except (OSError, EOFError, ValueError, TypeError):  # none yet, unreadable, or not ours
        return {}
    return table if engine == _ENGINE and type(table) is dict else {}


def _load() -> dict[_Key, Any]:
    global _table
    _table = _read(cache_path())
    return _table


def _at_exit() -> None:
    global _registered
    if not _registered:
        import atexit

        atexit.register(save)
        _registered = True


def save() -> None:
    """Add what this process compiled to the file, with what it holds now (another
    process may have written it since it was read here), atomically. Called at exit; a process
    that leaves without Python's exit handlers (``os._exit``) calls it first."""
    global _new
    path = cache_path()
    if not _new or _table is None or path is None or (sys.dont_write_bytecode and "PLANDIFF_COMPILED_CACHE" not in os.environ):
        return
    new = {key: _table[key] for key in _new if key in _table}
    _new = set()
    merged = {**_read(path), **new}
    if len(merged) > MAX_ENTRIES:
        merged = {key: _table[key] for key in _used if key in _table}
    part = f"{path}.{os.getpid()}.part"
    try:
        os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
        with open(part, "wb") as f:
            f.write(marshal.dumps((_ENGINE, merged)))
        os.replace(part, path)
    except (OSError, ValueError):  # a folder we may not write in: compiled again next time
        try:
            os.unlink(part)
        except OSError:
            pass
