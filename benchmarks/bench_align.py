"""Parse + align + render a pair of plans, as a ratio to difflib.HtmlDiff on the same two files in
the same run; and alignment time as the plans grow (a 10× larger synthetic plan)."""

from __future__ import annotations

import difflib
import sys

import plandiff
from benchmarks.timing import ROOT, best_of

sys.path.insert(0, str(ROOT))
from tests.synthetic import grow


def main() -> None:
    a_path, b_path = ROOT / "fixtures" / "tth-2024.txt", ROOT / "fixtures" / "hue-2026.txt"
    a_bytes, b_bytes = a_path.read_bytes(), b_path.read_bytes()

    def ours() -> str:
        a, b = plandiff.parse(a_bytes), plandiff.parse(b_bytes)
        return plandiff.render_html(plandiff.align(a, b))

    a_lines = a_bytes.decode("utf-8").splitlines()
    b_lines = b_bytes.decode("utf-8").splitlines()

    def baseline() -> str:
        return difflib.HtmlDiff().make_file(a_lines, b_lines)

    t_ours = best_of(ours, repeat=3)
    t_base = best_of(baseline, repeat=3)
    print(f"tth-2024 → hue-2026: plandiff parse+align+render {t_ours * 1000:.0f} ms; "
          f"difflib.HtmlDiff {t_base * 1000:.0f} ms; ratio {t_ours / t_base:.2f}")

    base_plan = plandiff.parse(a_bytes)
    other_plan = plandiff.parse(b_bytes)
    times = {}
    for factor in (1, 10):
        a, b = grow(base_plan, factor), grow(other_plan, factor)
        n = len(list(a.walk())) + len(list(b.walk()))
        times[factor] = best_of(lambda a=a, b=b: plandiff.align(a, b), repeat=2, min_time=0.5)
        print(f"align ×{factor:<2} ({n} clauses): {times[factor] * 1000:.0f} ms")
    print(f"growth: 10× the clauses took {times[10] / times[1]:.1f}× the time (linear 10, quadratic 100)")


if __name__ == "__main__":
    main()
