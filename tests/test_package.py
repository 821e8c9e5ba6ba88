"""The package as `import plandiff` gives it: parsing needs no heavy imports, and the verbs named
like their modules stay the verbs."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import load


def test_import_plandiff_loads_only_what_parsing_needs() -> None:
    code = ("import sys, plandiff; heavy = ('lxml', 'rapidfuzz', 'networkx', 'click', 'plandiff.aligner', "
            "'plandiff.citations', 'plandiff.render_html'); print(','.join(m for m in heavy if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == ""


def test_verbs_named_like_their_modules_stay_the_verbs_after_the_modules_load() -> None:
    import plandiff
    import plandiff.citations
    import plandiff.history
    import plandiff.render_html

    plan, other = load("tth-2023"), load("tth-2024")
    assert callable(plandiff.citations) and plandiff.citations(plan)
    assert callable(plandiff.history) and len(plandiff.history([plan, other]).plans) == 2
    assert "<html" in plandiff.render_html(plandiff.align(plan, other))
    from plandiff.citations import SYMBOL

    assert SYMBOL.search("Kế hoạch số 14/KH-UBND")
