"""Markdown renderer of a comparison: for e-mail and issue trackers."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..compare.worddiff import Budget, diff_words
from ..compiled import regex
from ..errors import require
from ..model import Alignment
from .words import language

if TYPE_CHECKING:
    from ..compare.appendices import AppendixComparison

_MD_SPECIAL = regex(r"([\\`*_~\[\]()!#|])")


def _md_escape(text: str) -> str:
    """Plan text as literal Markdown: HTML as entities (no tag, no event handler runs once the
    Markdown is rendered) and the characters of emphasis, code and links escaped (no link, and so
    no "javascript:" link, can be formed from a plan's words)."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", text)


def render_markdown(al: Alignment, *, appendices: list[AppendixComparison] | None = None, lang: str = "vi") -> str:
    """The comparison as Markdown (``lang``: "vi", the default as on the page, or "en");
    ``appendices``: compared already (``compare_appendices``), else here."""
    require(al, Alignment, "render_markdown(alignment)")
    t = language(lang)
    labels = {**t["labels"], **(t["cross_labels"] if al.cross else {})}
    budget = Budget()
    a, b = al.a, al.b
    out = [f"# {_md_escape(a.name or 'A')} → {_md_escape(b.name or 'B')}", ""]
    for plan, tag in ((a, "A"), (b, "B")):
        m = plan.meta
        fields = (m.issuer or "?", f"Số {m.number or '(trống)'}", str(m.date or m.year or "?"), m.title or "")
        out.append(f"- **{tag}**: " + " · ".join(_md_escape(x) for x in fields))
    out.append("")
    counts = al.counts()
    out.append("| " + " | ".join(labels[k] for k in counts) + " |")
    out.append("|" + "---|" * len(counts))
    out.append("| " + " | ".join(str(v) for v in counts.values()) + " |")
    out.append("")
    for p, ca, cb in al.changes():
        head = f"## {labels[p.kind]}: {p.a} → {p.b} ({p.score:.2f}{', ' + t['review_short'] if p.review else ''})"
        out.append(head)
        if p.edited:
            out.append(_redline(ca.text, cb.text, budget))
        else:
            out.append(f"_{_md_escape(ca.label)} → {_md_escape(cb.label)}, {t['text_unchanged']}_")
        out.append("")
    headings_a = {c.id: c.heading for c in a.walk()}
    headings_b = {c.id: c.heading for c in b.walk()}
    if al.removed:
        out.append(f"## {labels['removed']}")
        out.extend(f"- {cid}: {_md_escape(headings_a[cid][:200])}" for cid in al.removed)
        out.append("")
    if al.added:
        out.append(f"## {labels['added']}")
        out.extend(f"- {cid}: {_md_escape(headings_b[cid][:200])}" for cid in al.added)
        out.append("")
    out.extend(_signer_and_recipients(al, t))
    out.extend(_appendices(al, budget, appendices, t, labels))
    return "\n".join(out).rstrip() + "\n"


def _redline(a: str, b: str, budget: Budget) -> str:
    """B's words with A's deleted ones struck (~~) and its new ones in bold."""
    parts = []
    for e in diff_words(a, b, budget=budget):
        t = _md_escape(e.text)
        if e.op == "equal" or not t.strip():
            parts.append(t)
            continue
        lead, core, trail = t[: len(t) - len(t.lstrip())], t.strip(), t[len(t.rstrip()):]
        parts.append(f"{lead}~~{core}~~{trail}" if e.op == "delete" else f"{lead}**{core}**{trail}")
    return "".join(parts).replace("\n", "  \n")


def _appendices(al: Alignment, budget: Budget, compared: list[AppendixComparison] | None, t: dict[str, Any],
                labels: dict[str, str]) -> list[str]:
    """The appendices' rows that changed (``compare.appendices``), each as a redline."""
    if not (al.a.appendices or al.b.appendices):
        return []
    from ..compare.appendices import compare_appendices

    out: list[str] = []
    for cmp in compared if compared is not None else compare_appendices(al.a, al.b):
        if not cmp.changed():
            continue
        name = cmp.b if cmp.a is None else cmp.a if cmp.b is None or cmp.a == cmp.b else f"{cmp.a} → {cmp.b}"
        where = f" ({t['only_in_b']})" if cmp.a is None else f" ({t['only_in_a']})" if cmp.b is None else ""
        out += ["", f"## {t['appendix']}: {_md_escape(name or '')}{where}"]
        counts = cmp.counts()
        out.append(", ".join(f"{v} {labels[k]}" for k, v in counts.items() if v))
        for r in cmp.rows:
            if r.kind != "unchanged":
                out.append(f"- {labels[r.kind]}: " + _redline(" | ".join(r.a or ()), " | ".join(r.b or ()), budget))
    return out


def _signer_and_recipients(al: Alignment, t: dict[str, Any]) -> list[str]:
    """Who signs and who receives, where they changed (a draft and the text for signature)."""
    from ..compare.closing import recipient_changes, signer_line

    who_a, who_b = signer_line(al.a.meta), signer_line(al.b.meta)
    added, dropped = recipient_changes(al)
    if who_a == who_b and not added and not dropped:
        return []
    out = [f"## {t['closing']}"]
    if who_a != who_b:
        out.append(f"- {t['signer_short']}: {_md_escape(who_a)} → {_md_escape(who_b)}")
    out.extend(f"- {t['recipient_added']}: {_md_escape(r)}" for r in added)
    out.extend(f"- {t['recipient_dropped']}: {_md_escape(r)}" for r in dropped)
    return out
