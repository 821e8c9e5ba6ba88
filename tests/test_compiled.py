"""The compiled file (``plandiff.compiled``): a command keeps the regular expressions and the
dataclass methods it compiled, the next one loads them instead of compiling them, and what it reads
is what it read without the file — also when the file is damaged, foreign, stale or cannot be
written."""

from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAIR = (ROOT / "fixtures" / "tth-2024.txt", ROOT / "fixtures" / "hue-2026.txt")
FIELD = ROOT / "fixtures" / "field" / "cantho-danso-2025.md"
"""A portal page with footnotes, a table and short names of its own ("viết tắt là Chỉ thị số 27/CT-TTg")."""
RUN = "import sys; from plandiff_cli.launch import main; sys.exit(main())"


def _outputs(tmp: Path, cache: str) -> dict[str, bytes]:
    """What the commands write with the pattern file at ``cache`` (``off``: none): a comparison,
    both plans' duties, the field document's tree and citations."""
    env = {**os.environ, "PLANDIFF_SERVER": "off", "PLANDIFF_COMPILED_CACHE": cache}
    out: dict[str, bytes] = {}
    for name, args in {"diff": ["diff", *map(str, PAIR), "-o", str(tmp / "diff.json")],
                       "tasks": ["tasks", *map(str, PAIR), "--json"],
                       "parse": ["parse", str(FIELD), "--json", "-o", str(tmp / "parse.json")],
                       "cite": ["cite", str(FIELD), "--json"]}.items():
        done = subprocess.run([sys.executable, "-c", RUN, *args], env=env, capture_output=True, cwd=tmp, timeout=120)
        assert done.returncode == 0, done.stderr.decode()
        written = tmp / f"{name}.json"
        out[name] = written.read_bytes() if written.exists() else done.stdout
    return out


def _entries(path: Path) -> dict[tuple[str, int], tuple]:
    engine, table = marshal.loads(path.read_bytes())
    assert engine[1] == sys.implementation.cache_tag
    return table


@pytest.fixture(scope="module")
def without_file(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    return _outputs(tmp_path_factory.mktemp("off"), "off")


def test_the_next_command_loads_the_patterns_the_first_compiled(tmp_path: Path, without_file: dict[str, bytes]) -> None:
    from plandiff.compiled import SOURCE, _engine_pattern

    cache = tmp_path / "patterns.marshal"
    assert _outputs(tmp_path, str(cache)) == without_file
    entries = _entries(cache)
    assert len(entries) > 200  # the readers' patterns, the data files' names among them
    assert sum(flags == SOURCE for _, flags in entries) > 100  # the model's methods
    for (pattern, flags), entry in entries.items():
        if flags == SOURCE:
            continue
        # a pattern's equality is its engine code's: what the file gives is what re compiles
        assert _engine_pattern(pattern, entry) == re.compile(pattern, flags), pattern
    # the document's own short name was looked for with a pattern of its own, never kept
    assert not any(isinstance(pattern, str) and r"số\s+27" in pattern for pattern, _ in entries)
    before = (cache.read_bytes(), cache.stat().st_mtime_ns)
    assert _outputs(tmp_path, str(cache)) == without_file
    assert (cache.read_bytes(), cache.stat().st_mtime_ns) == before  # nothing compiled: nothing to write


def test_a_damaged_foreign_or_stale_file_is_compiled_again(tmp_path: Path, without_file: dict[str, bytes]) -> None:
    from array import array

    from plandiff.compiled import _engine_pattern

    cache = tmp_path / "patterns.marshal"
    _outputs(tmp_path, str(cache))
    engine, table = marshal.loads(cache.read_bytes())
    good = cache.read_bytes()
    for damaged in (good[: len(good) // 2], b"not a pattern file", marshal.dumps(((0, "cpython-20", 1, 4, 0), table))):
        cache.write_bytes(damaged)
        assert _outputs(tmp_path, str(cache)) == without_file
        assert len(_entries(cache)) >= len(table)  # written anew, whole
    # an entry whose engine code is not the pattern's (as a half-written or tampered file might
    # hold): the engine refuses it, the pattern is compiled again and its entry mended
    key = next(k for k in table if k[1] >= 0 and len(table[k][1]) > 80)
    broken = {**table, key: (table[key][0], array("I", [1, 2, 3]).tobytes(), *table[key][2:])}
    cache.write_bytes(marshal.dumps((engine, broken)))
    assert _outputs(tmp_path, str(cache)) == without_file
    assert _engine_pattern(key[0], _entries(cache)[key]) == re.compile(*key)


def test_a_file_that_cannot_be_written_costs_only_time(tmp_path: Path, without_file: dict[str, bytes]) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    assert _outputs(tmp_path, str(blocker / "patterns.marshal")) == without_file
    assert blocker.read_text(encoding="utf-8") == "not a folder"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file", "diff.json", "parse.json"]  # no part file left


def test_a_forked_stage_keeps_the_patterns_only_it_compiled(tmp_path: Path) -> None:
    """``diff`` to a page works out the citations in a forked child, which leaves without Python's
    exit handlers: the citation patterns it compiled reach the file all the same."""
    from plandiff.cite.vocabulary import LAW_NAME, SYMBOL

    cache = tmp_path / "patterns.marshal"
    env = {**os.environ, "PLANDIFF_SERVER": "off", "PLANDIFF_COMPILED_CACHE": str(cache)}
    done = subprocess.run([sys.executable, "-c", RUN, "diff", *map(str, PAIR), "-o", str(tmp_path / "page.html")],
                          env=env, capture_output=True, cwd=tmp_path, timeout=120)
    assert done.returncode == 0, done.stderr.decode()
    kept = {pattern for pattern, _ in _entries(cache)}
    assert LAW_NAME.pattern in kept and SYMBOL.pattern in kept


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_pipe_named_as_the_file_is_not_read(tmp_path: Path, without_file: dict[str, bytes]) -> None:
    pipe = tmp_path / "patterns.marshal"
    os.mkfifo(pipe)  # reading it would wait for a writer forever
    assert _outputs(tmp_path, str(pipe)) == without_file  # (each command within its timeout)


def test_patterns_in_process_are_re_patterns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from plandiff import compiled as patterns

    monkeypatch.setenv("PLANDIFF_COMPILED_CACHE", str(tmp_path / "p.marshal"))
    monkeypatch.setattr(patterns, "_table", None)
    monkeypatch.setattr(patterns, "_new", set())
    first = patterns.regex(r"(?P<n>\d+)/(?P<sym>[A-ZĐ-]+)", re.IGNORECASE)
    assert first.match("14/kh-ubnd").group("sym") == "kh-ubnd" and first.groupindex == {"n": 1, "sym": 2}
    patterns.save()
    monkeypatch.setattr(patterns, "_table", None)  # as a new process: read from the file
    again = patterns.regex(r"(?P<n>\d+)/(?P<sym>[A-ZĐ-]+)", re.IGNORECASE)
    assert again == re.compile(r"(?P<n>\d+)/(?P<sym>[A-ZĐ-]+)", re.IGNORECASE) and again is not first
    with pytest.raises(re.error):  # a pattern re refuses is refused as re refuses it
        patterns.regex(r"(?P<n>\d+")


def test_a_full_file_keeps_the_patterns_of_the_process_writing_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Past ``MAX_ENTRIES`` (patterns an older version used, say) the file is written anew with
    only the patterns this process asked for: it cannot grow without bound."""
    from plandiff import compiled as patterns

    path = tmp_path / "p.marshal"
    monkeypatch.setenv("PLANDIFF_COMPILED_CACHE", str(path))
    monkeypatch.setattr(patterns, "MAX_ENTRIES", 3)
    for used in ([r"a\d+", r"b\d+"], [r"c\d+", r"d\d+"]):  # two processes, one after the other
        monkeypatch.setattr(patterns, "_table", None)
        monkeypatch.setattr(patterns, "_new", set())
        monkeypatch.setattr(patterns, "_used", set())
        for pattern in used:
            assert patterns.regex(pattern).fullmatch(pattern[0] + "12")
        patterns.save()
    _, table = marshal.loads(path.read_bytes())
    assert sorted(pattern for pattern, _ in table) == [r"c\d+", r"d\d+"]  # four would pass three


_CLASSES = """
import copy, dataclasses, sys
from plandiff import compiled

def kinds(make):
    @make(frozen=True, slots=True, order=True)
    class Mark:
        label: str
        level: int = 1
        notes: tuple[str, ...] = ()

    @make
    class Row:
        cells: list[str] = dataclasses.field(default_factory=list)
        width: int = dataclasses.field(default=0, kw_only=True)
        seen: bool = dataclasses.field(default=False, init=False, repr=False, compare=False)

        def __post_init__(self) -> None:
            self.width = self.width or len(self.cells)
    return Mark, Row

def behaviour(Mark, Row):
    a, b = Mark("4.1.", 2, ("x",)), Mark("4.1.", 2, ("x",))
    try:
        a.level = 3
        frozen = "changed"
    except dataclasses.FrozenInstanceError as exc:
        frozen = type(exc).__name__
    row = Row(["a", "b"])
    return [repr(a), a == b, hash(a) == hash(b), a < Mark("4.2."), sorted([Mark("b"), Mark("a")]) == [Mark("a"), Mark("b")],
            frozen, copy.deepcopy(a) == a and copy.copy(a) is not a, Mark.__match_args__, str(__import__("inspect").signature(Mark)),
            repr(row), row.width, row == Row(["a", "b"]), str(__import__("inspect").signature(Row)),
            Mark.__init__.__code__.co_filename, Mark.__eq__.__qualname__, "exec" in vars(dataclasses)]

compiles = []
real = compile
def counting(source, filename, *args, **kwargs):
    compiles.append(filename)
    return real(source, filename, *args, **kwargs)
compiled.compile = counting  # the module's name for the builtin
mine = behaviour(*kinds(compiled.dataclass))
theirs = behaviour(*kinds(dataclasses.dataclass))
assert mine == theirs, (mine, theirs)
compiled.save()
print(len(compiles))
"""


def test_a_class_made_from_the_file_is_the_class_dataclasses_makes(tmp_path: Path) -> None:
    """``compiled.dataclass`` makes what ``dataclasses.dataclass`` makes — equality, hashing, order,
    frozenness, defaults and factories, ``__post_init__``, copying, signatures — whether its
    methods are compiled (a first process) or loaded from the file (the next one, which compiles
    none); ``dataclasses`` is left as it was found."""
    env = {**os.environ, "PLANDIFF_COMPILED_CACHE": str(tmp_path / "c.marshal")}
    runs = [subprocess.run([sys.executable, "-c", _CLASSES], env=env, capture_output=True, text=True, timeout=60)
            for _ in range(2)]
    for run in runs:
        assert run.returncode == 0, run.stderr
    first, second = (int(run.stdout) for run in runs)
    assert first >= 8 and second == 0  # every method of both classes compiled once, then loaded


def test_the_model_is_made_without_compiling_once_the_file_holds_it(tmp_path: Path) -> None:
    """The package's own classes: the first process compiles their methods, the next compiles none."""
    script = ("import builtins, sys\n"
              "real = builtins.compile; made = []\n"
              "builtins.compile = lambda source, name, *a, **k: (made.append(name), real(source, name, *a, **k))[1]\n"
              "import plandiff.model, plandiff.parsing.parser, plandiff.compare.aligner, plandiff.tasks.compare\n"
              "print(made.count('<string>'))")
    env = {**os.environ, "PLANDIFF_COMPILED_CACHE": str(tmp_path / "c.marshal")}
    counts = [int(subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60,
                                 check=True).stdout) for _ in range(2)]
    assert counts[0] > 100 and counts[1] == 0
