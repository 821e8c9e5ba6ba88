"""The package as `import plandiff` gives it: nothing loaded until named (the model when a class
is, each verb its own stage), parsing without heavy imports, the verbs stay the verbs when the
modules behind them load, every subpackage is installed, and imports run one way."""

from __future__ import annotations

import configparser
import os
import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import load

HEAVY = ("lxml", "rapidfuzz", "networkx", "click", "plandiff.compare.aligner", "plandiff.cite.citations",
         "plandiff.render.html")


def _loaded_after(statements: str, modules: tuple[str, ...]) -> list[str]:
    code = f"import sys\n{statements}\nprint(','.join(m for m in {modules!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    return [m for m in out.split(",") if m]


def test_import_plandiff_loads_nothing_until_a_name_is_used() -> None:
    watched = ("plandiff.model", "dataclasses", "typing", "plandiff.parsing.parser", "plandiff.read.source", *HEAVY)
    at_start = _loaded_after("pass", watched)  # an interpreter's site may load typing itself
    assert [m for m in _loaded_after("import plandiff", watched) if m not in at_start] == []
    # the model's classes load when first named, as they are (from-imports too); a verb loads its stage
    assert _loaded_after("import plandiff; plandiff.Plan, plandiff.Clause",
                         ("plandiff.model", "plandiff.parsing.parser")) == ["plandiff.model"]
    assert _loaded_after("from plandiff import Plan, PlanError; import plandiff.model as m; assert Plan is m.Plan",
                         ("plandiff.model", "plandiff.parsing.parser")) == ["plandiff.model"]
    assert _loaded_after("import plandiff; plandiff.parse", ("plandiff.parsing.parser",)) == ["plandiff.parsing.parser"]


def test_parsing_needs_no_heavy_imports() -> None:
    fixture = ROOT / "fixtures" / "tth-2024.txt"
    assert _loaded_after(f"import plandiff; plandiff.parse(open({str(fixture)!r}, 'rb').read())", HEAVY) == []


def test_verbs_named_like_their_modules_stay_the_verbs_after_the_modules_load() -> None:
    import plandiff
    import plandiff.cite.citations
    import plandiff.compare.history
    import plandiff.render.html

    plan, other = load("tth-2023"), load("tth-2024")
    assert callable(plandiff.citations) and plandiff.citations(plan)
    assert callable(plandiff.history) and len(plandiff.history([plan, other]).plans) == 2
    assert "<html" in plandiff.render_html(plandiff.align(plan, other))
    from plandiff.cite.vocabulary import SYMBOL

    assert SYMBOL.search("Kế hoạch số 14/KH-UBND")


ROOT = Path(__file__).resolve().parent.parent


def test_every_subpackage_is_installed() -> None:
    """setup.cfg lists the packages by name: a subpackage missing there works in a checkout and is
    absent from an installed plandiff."""
    cfg = configparser.ConfigParser()
    cfg.read(ROOT / "setup.cfg")
    listed = {p.strip() for p in cfg["options"]["packages"].split(",")}
    found = {".".join(init.parent.relative_to(ROOT).parts) for init in (ROOT / "plandiff").rglob("__init__.py")}
    assert found and found <= listed, sorted(found - listed)


FLOOR = {"model", "errors", "textnorm", "numerals", "jurisdictions", "agencies", "serial", "gcpause", "compiled", "datafiles"}
LAYERS = {"read": 1, "parsing": 1, "compare": 2, "cite": 2, "render": 3, "tasks": 3, "corpus": 4}
"""The floor imports nothing of ours; a stage imports the floor and the stages below its layer."""
ALLOWED = {("read", "parsing"), ("cite", "render")}
"""Two known exceptions: the PDF reader asks the numbering markers whether a page's first or last
line is a clause (never a running header), and ``CitationGraph.write("g.html")`` hands its networkx graph to the page renderer
(which imports nothing of ``cite``)."""


def _layer(module: str) -> int:
    return 0 if module in FLOOR else LAYERS[module]


def test_imports_run_one_way() -> None:
    bad = []
    for path in (ROOT / "plandiff").rglob("*.py"):
        rel = path.relative_to(ROOT / "plandiff").parts
        if rel[0] in ("__init__.py", "data"):
            continue
        here = rel[0].removesuffix(".py")
        depth = len(rel) - 1
        for m in re.finditer(r"^\s*from (\.+)(\w*)", path.read_text(encoding="utf-8"), re.M):
            dots, first = len(m.group(1)), m.group(2)
            if dots <= depth:  # inside its own subpackage
                continue
            if first and _layer(first) > _layer(here) and (here, first) not in ALLOWED:
                bad.append(f"{'/'.join(rel)} imports {first}")
            if first and here in FLOOR and first not in FLOOR:
                bad.append(f"{'/'.join(rel)} imports {first}")
    assert not bad, bad


def test_quick_init_keeps_the_dataclass_contract() -> None:
    """The model's quick ``__init__`` (slot setters instead of ``object.__setattr__``) takes the
    same arguments, defaults included, and its objects stay frozen, equal, hashable, replaceable
    and picklable."""
    import dataclasses
    import pickle

    import pytest

    from plandiff.model import Clause, Pair, Span, quick_init
    from plandiff.parsing.markers import Marker

    clause = Clause("II.1", "1.", "item", "Tuyên truyền")
    assert clause.children == () and clause.span == Span(0, 0) and clause.tables == ()
    same = Clause(id="II.1", label="1.", kind="item", text="Tuyên truyền", span=Span(0, 0))
    assert clause == same and hash(clause) == hash(same)
    with pytest.raises(dataclasses.FrozenInstanceError):
        clause.text = "x"  # type: ignore[misc]
    assert dataclasses.replace(clause, text="Kiểm tra").text == "Kiểm tra"
    assert pickle.loads(pickle.dumps(clause)) == clause
    pair = Pair("1", "2", "modified", 0.8, "fuzzy", edited=True)
    assert (pair.renumbered, pair.edited, pair.evidence) == (False, True, "")
    assert Marker("dash", "-", "-", 0, "rest").ambiguous is False
    with pytest.raises(TypeError):
        Span(1)  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Span(1, 2, end=3)  # type: ignore[misc]

    @dataclasses.dataclass(frozen=True, slots=True)
    class WithFactory:
        items: list[int] = dataclasses.field(default_factory=list)

    with pytest.raises(TypeError):
        quick_init(WithFactory)

    @dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
    class KeywordOnly:
        name: str

    with pytest.raises(TypeError):
        quick_init(KeywordOnly)


def test_data_files_are_read_as_importlib_resources_reads_them() -> None:
    from importlib import resources

    from plandiff.datafiles import read_text

    names = sorted(p.name for p in (ROOT / "plandiff" / "data").iterdir() if p.is_file())
    assert {"instruments.json", "agencies.json", "successions.json", "syllables.txt"} <= set(names)
    for name in names:
        assert read_text(name) == resources.files("plandiff").joinpath(f"data/{name}").read_text(encoding="utf-8"), name


def test_reading_and_citing_a_plan_does_not_load_importlib_resources() -> None:
    """Loading ``importlib.resources`` took 6–10 ms of every command; the data files are read
    without it (run without site, which in some installations loads it first)."""
    script = ("import sys, plandiff\n"
              "plan = plandiff.parse_file(sys.argv[1])\n"
              "assert plandiff.citations(plan)\n"
              "print('importlib.resources' in sys.modules)")
    done = subprocess.run([sys.executable, "-S", "-c", script, str(ROOT / "fixtures" / "tth-2024.txt")],
                          capture_output=True, text=True, timeout=60, env={**os.environ, "PYTHONPATH": str(ROOT)}, check=True)
    assert done.stdout.strip() == "False"


def test_a_comparison_page_loads_only_what_it_uses(tmp_path: Path) -> None:
    """``plandiff diff A B -o page.html`` of two plans without appendices loads neither the corpus
    commands, the history, the appendices' comparison, numpy, networkx, sqlite3, ``calendar`` nor
    ``importlib.resources``: each cost a cold command milliseconds (compared with what the
    interpreter had loaded before the command, which in some installations includes the last)."""
    unwanted = ("plandiff_cli.corpus", "plandiff.compare.history", "plandiff.compare.appendices", "plandiff.corpus",
                "numpy", "networkx", "sqlite3", "calendar", "importlib.resources")
    code = ("import os, sys\nbefore = set(sys.modules)\n"
            f"sys.argv = ['plandiff', 'diff', {str(ROOT / 'fixtures' / 'tth-2024.txt')!r}, "
            f"{str(ROOT / 'fixtures' / 'hue-2026.txt')!r}, '-o', {str(tmp_path / 'page.html')!r}]\n"
            "import plandiff_cli.main as m\nm.LEAVE_AT_ONCE = False\n"
            "try:\n    m.main()\nexcept SystemExit:\n    pass\n"
            f"print(','.join(x for x in {unwanted!r} if x in sys.modules and x not in before))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True,
                          env={**os.environ, "PLANDIFF_SERVER": "off"}, cwd=tmp_path)
    assert (tmp_path / "page.html").stat().st_size > 10_000
    assert done.stdout.strip() == ""
