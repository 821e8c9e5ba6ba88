"""Citations of legal instruments: ``citations(plan) -> list[Citation]``.

Pipeline (as eyecite), a module a stage: ``regions`` (title, preamble, clauses, footnotes,
appendices) → find ``numbered`` symbols and ``named`` instruments, with their context (type word,
date, issuer, subject; the words of both in ``vocabulary``) → ``resolve`` (typos, short names a plan
defines, administrative symbols to their authority, roles) → ``locate`` in the source → Citation
objects. This module runs them.

Administrative symbols (KH-UBND, UBND-XH …) are unique only per issuing authority and year, so
their canonical id carries both ("385/KH-UBND@huế/2021"); national symbols (with a year in the
number or a central issuer code: TTg, CP, QH, TW, ministries) stand alone.
"""

from __future__ import annotations

from ..errors import require
from ..model import Citation, Plan
from ..textnorm import AS_PRINTED_D, AS_VIETNAMESE_D, icelandic_d
from .locate import locate
from .named import defined_short_names, find_named
from .numbered import find_numbered
from .regions import Found, Subjects, plan_regions
from .resolve import complete_short_mentions, instrument_id, is_basis, learn_aliases, resolve_type_conflicts


def citations(plan: Plan) -> list[Citation]:
    """Every citation of a legal instrument in the plan's title (by number), preamble, clauses,
    footnotes and appendices."""
    return extract(plan)[0]


def extract(plan: Plan, *, names: dict[str, str] | None = None) -> tuple[list[Citation], list[str]]:
    """Citations and the warnings raised while resolving them (typos, contradictions).

    ``names`` maps instrument names learned elsewhere (other plans of a graph) to their ids; the
    plan's own numbered citations teach more ("Nghị quyết 28/NQ-CP … về ban hành Chiến lược …")."""
    require(plan, Plan, "the plan")
    cites, warnings, _ = _extract(plan, names)
    return cites, warnings


def extract_learning(plan: Plan, *, names: dict[str, str] | None = None) -> tuple[list[Citation], list[str], dict[str, str]]:
    """``extract`` and the names the plan itself defines (``learned_names``) from one pass over its
    numbered citations: a corpus extracts each plan once and learns from it at the same time."""
    require(plan, Plan, "the plan")
    return _extract(plan, names)


def _extract(plan: Plan, names: dict[str, str] | None) -> tuple[list[Citation], list[str], dict[str, str]]:
    if icelandic_d(plan.source):
        # a text that types "Đ" with the Icelandic "Ð" ("Quyết ðịnh số 1898/QÐ-TTg"): read as its
        # letters mean; what is printed (the symbol, the words, the clause) given back as printed,
        # the instrument and the type in Vietnamese letters, so that other plans' mentions meet it
        from ..serial import translated, translated_fields

        cites, warnings, learned = _extract_letters(translated(plan, AS_VIETNAMESE_D), names)
        return ([translated_fields(c, AS_PRINTED_D, keep=("type", "instrument", "within")) for c in cites],
                [w.translate(AS_PRINTED_D) for w in warnings], learned)
    return _extract_letters(plan, names)



def _extract_letters(plan: Plan, names: dict[str, str] | None) -> tuple[list[Citation], list[str], dict[str, str]]:
    regions = plan_regions(plan)
    found: list[Found] = []
    warnings: list[str] = []
    for region in regions:
        found.extend(find_numbered(region, plan))
    resolve_type_conflicts(found, warnings)
    own_names = learn_aliases(found, plan)
    learned = {**(names or {}), **own_names}
    short: dict[str, Found] = {}
    learned_keys = tuple(sorted(learned, key=len, reverse=True))
    by_region: dict[int, list[Found]] = {}
    for f in found:
        by_region.setdefault(id(f.region), []).append(f)
    for region in regions:
        if region.clause == "title":
            continue  # a title's instruments by number only: its names are in capitals, and the body names them
        here = by_region.get(id(region), [])
        named = find_named(region, here, learned_keys)
        found.extend(named)
        more = defined_short_names(region, here + named, short)
        found.extend(more)
    order = {id(r): k for k, r in enumerate(regions)}
    found.sort(key=lambda f: (order[id(f.region)], f.start))
    for f in found:
        warnings.extend(f.warnings)
    complete_short_mentions(found)
    # the document's own number (in its appendix's "Kèm theo Kế hoạch số …", a table's source
    # column) is not a citation of another instrument
    own = plan.meta.number.translate(AS_VIETNAMESE_D) if plan.meta.number else None
    found = _once([f for f in found if not (own and f.symbol and f.symbol.translate(AS_VIETNAMESE_D) == own)])
    out: list[Citation] = []
    ids = {id(f): instrument_id(f, plan, learned) for f in found}
    subjects = Subjects(found)
    cursor: dict[object, tuple[tuple[int, int], int]] = {}
    for f in found:
        outer = subjects.outer(f.region, f.start, f)
        role = "basis" if is_basis(f, outer, subjects) else "mention"
        out.append(Citation(f.symbol, f.type, f.number, f.year, f.date, f.issuer, f.title, role, f.region.clause,  # type: ignore[arg-type]
                            locate(plan, f, cursor), ids[id(f)], f.raw, within=ids[id(outer)] if outer else None))
    out.sort(key=lambda c: c.span.start)
    return out, sorted(set(warnings)), own_names


def _once(found: list[Found]) -> list[Found]:
    """The same words found by two passes are one citation, the first found: a programme's name
    inside a numbered citation's title (the name pass and the known-alias pass), a defined short
    name that is also a number ("Chỉ thị số 27/CT-TTg"). ``found`` is in document order."""
    seen: set[tuple[int, int, int]] = set()
    out: list[Found] = []
    for f in found:
        key = (id(f.region), f.start, f.end)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def learned_names(plan: Plan) -> dict[str, str]:
    """Names the plan's own numbered citations define: name key → instrument id."""
    found = [f for region in plan_regions(plan) for f in find_numbered(region, plan)]
    resolve_type_conflicts(found, [])
    return learn_aliases(found, plan)


def compare_citations(a: Plan, b: Plan) -> dict[str, list[str]]:
    """Instruments added, dropped and kept between two plans (by canonical id)."""
    def table(plan: Plan) -> dict[str, str]:
        out: dict[str, str] = {}
        for c in citations(plan):
            shown = f"{c.type} {c.symbol}" if c.symbol and c.type else c.symbol or c.title or c.instrument
            # a numbered mention names the instrument better than a name-only one
            if c.symbol or c.instrument not in out:
                out[c.instrument] = shown
        return out

    ta, tb = table(a), table(b)
    return {
        "added": [tb[k] for k in tb if k not in ta],
        "dropped": [ta[k] for k in ta if k not in tb],
        "kept": [tb[k] for k in tb if k in ta],
    }
