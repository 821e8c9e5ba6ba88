"""The README's Python example runs as written (docs that are executed do not go stale)."""

from __future__ import annotations

import os
import re

from tests.conftest import ROOT


def test_readme_python_example_runs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", readme, re.S)
    assert blocks
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        namespace: dict[str, object] = {}
        exec(compile(blocks[0], "README.md", "exec"), namespace)
        # "expression  # value" lines: the value shown is the value it gives
        checked = 0
        for line in blocks[0].splitlines():
            code, _, shown = line.partition("  # ")
            shown = shown.strip()
            if not shown or "…" in shown or shown[0] not in "([{'":
                continue
            try:
                expression = compile(code.strip(), "README.md", "eval")
            except SyntaxError:
                continue
            assert repr(eval(expression, namespace)) == shown, code
            checked += 1
        assert checked >= 4
    finally:
        os.chdir(cwd)


def test_readme_quick_start_commands_are_the_ones_ci_runs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert 'pip install ".[test]" && pytest' in readme
    assert 'pip install -q ".[test]" && pytest' in ci
    assert "pip install . && plandiff diff fixtures/tth-2024.txt fixtures/hue-2026.txt -o report.html" in readme
