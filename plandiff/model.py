"""The document model: plain frozen data passed between the pipeline stages.

It sits at the bottom of the import graph and imports nothing from the pipeline.
Spans are character offsets into ``Plan.source`` (the decoded, NFC-normalised text).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import MISSING, field, fields
from typing import Any, Literal, TypeVar

from .compiled import dataclass, python_code

_Frozen = TypeVar("_Frozen", bound=type)


def quick_init(cls: _Frozen) -> _Frozen:
    """A frozen slotted dataclass whose ``__init__`` stores each field through its slot's own
    setter: the generated one calls ``object.__setattr__`` by name for every field, which made
    constructing the model's many small objects (spans, clauses, markers, pairs) take twice as
    long. Instances stay frozen, equal, hashable and picklable as before; for classes with no
    ``__post_init__``, no ``default_factory`` and no keyword-only field."""
    own = fields(cls)
    if hasattr(cls, "__post_init__") or any(f.default_factory is not MISSING or not f.init or f.kw_only for f in own):
        raise TypeError(f"quick_init: {cls.__name__} needs the dataclass's own __init__")
    scope: dict[str, Any] = {}
    params = []
    for f in own:
        scope[f"_set_{f.name}"] = cls.__dict__[f.name].__set__
        if f.default is MISSING:
            params.append(f.name)
        else:
            scope[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
    body = "".join(f"\n    _set_{f.name}(self, {f.name})" for f in own)
    exec(python_code(f"def __init__(self, {', '.join(params)}):{body}"), scope)  # the source holds field names only
    init = scope["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__doc__ = cls.__init__.__doc__
    cls.__init__ = init  # type: ignore[misc]
    return cls

ClauseKind = Literal["article", "section", "item", "subitem", "point", "dash", "paragraph"]
"""article: Điều 1. (a decision's) · section: I., II. · item: 1., 2. · subitem: 4.1. · point: a), đ) ·
dash: -, +, • · paragraph: unnumbered."""


@quick_init
@dataclass(frozen=True, slots=True)
class Span:
    """Half-open character range ``[start, end)`` in ``Plan.source``."""

    start: int
    end: int

    def as_list(self) -> list[int]:
        return [self.start, self.end]


@quick_init
@dataclass(frozen=True, slots=True)
class Clause:
    """One numbered (or bulleted) unit of the plan's body, with its children."""

    id: str
    """Unique and stable inside the plan: "II.4.1", "IV.1.d", "IV.1.d#2" for a repeated label."""
    label: str
    """The marker exactly as printed ("I.", "4.1.", "đ)", "-"); never renumbered."""
    kind: ClauseKind
    text: str
    """Own text without the label: the heading and the paragraphs that are not child clauses,
    paragraphs separated by a newline."""
    children: tuple[Clause, ...] = ()
    span: Span = Span(0, 0)
    tables: tuple[Table, ...] = ()
    """Tables printed in the clause's own text ("II. NHIỆM VỤ CỤ THỂ" over a table of tasks): each
    row's cells, the rows also in ``text``, one paragraph a row."""

    @property
    def heading(self) -> str:
        """The first paragraph of the clause's own text."""
        return self.text.split("\n", 1)[0]

    def walk(self) -> Iterator[Clause]:
        """This clause and all its descendants, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def full_text(self) -> str:
        """Own text followed by the text of every descendant."""
        return "\n".join(c.text for c in self.walk() if c.text)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "kind": self.kind,
            "text": self.text,
            "children": [c.to_dict() for c in self.children],
            "span": self.span.as_list(),
            **({"tables": [t.to_dict() for t in self.tables]} if self.tables else {}),
        }


@quick_init
@dataclass(frozen=True, slots=True)
class Footnote:
    """A footnote whose marker was glued to a word ("Luật1") and whose body was found mid-text."""

    label: str
    text: str
    clause: str | None
    """Id of the clause whose text carried the marker (None when it stood in the preamble)."""
    span: Span = Span(0, 0)

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "text": self.text, "clause": self.clause, "span": self.span.as_list()}


@quick_init
@dataclass(frozen=True, slots=True)
class Artefact:
    """Something of the input that is not plan text: a page number, Markdown decoration, a marker."""

    kind: Literal["page_number", "form_feed", "markup", "footnote_marker", "separator", "running_header",
                  "signature_stamp"]
    text: str
    span: Span

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "text": self.text, "span": self.span.as_list()}


@dataclass(frozen=True, slots=True)
class Hint:
    """Formatting the source showed (a Word heading style, a bold paragraph): kept, not interpreted."""

    kind: Literal["heading", "bold"]
    span: Span

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "span": self.span.as_list()}


@dataclass(frozen=True, slots=True)
class Table:
    """A table as printed: rows of cell texts (a cell's lines joined by a newline). Merged cells
    are repeated in .docx tables (a cell spanning columns or rows gives its text to each)."""

    rows: tuple[tuple[str, ...], ...]
    span: Span = Span(0, 0)

    def to_dict(self) -> dict[str, Any]:
        return {"rows": [list(r) for r in self.rows], "span": self.span.as_list()}


@dataclass(frozen=True, slots=True)
class Appendix:
    """A PHỤ LỤC after the plan's signature: its heading, the "(Kèm theo …)" line, numbered
    content as clauses, and its tables (often the plan's task list)."""

    label: str | None
    """As printed ("PHỤ LỤC I"); None for an appendix that shows only a title."""
    title: str | None
    ref: str | None
    text: str = ""
    """Paragraphs that are neither a clause nor a table."""
    clauses: tuple[Clause, ...] = ()
    tables: tuple[Table, ...] = ()
    span: Span = Span(0, 0)

    def walk(self) -> Iterator[Clause]:
        for clause in self.clauses:
            yield from clause.walk()

    def to_dict(self) -> dict[str, Any]:
        return {
            "label": self.label, "title": self.title, "ref": self.ref, "text": self.text,
            "clauses": [c.to_dict() for c in self.clauses], "tables": [t.to_dict() for t in self.tables],
            "span": self.span.as_list(),
        }


@dataclass(frozen=True, slots=True)
class Attached:
    """The document a decision issues ("Ban hành kèm theo Quyết định …"): its type and title.
    Its body is the plan's ``clauses``."""

    doc_type: str
    title: str | None
    ref: str | None
    """The "(Ban hành kèm theo Quyết định số … ngày …)" line."""

    def to_dict(self) -> dict[str, Any]:
        return {"doc_type": self.doc_type, "title": self.title, "ref": self.ref}


@dataclass(frozen=True, slots=True)
class Jurisdiction:
    name: str
    level: str
    """tỉnh, thành phố, huyện, quận, thị xã, xã, phường, thị trấn, đặc khu, or "trung ương"."""

    def to_dict(self) -> dict[str, str]:
        return {"name": self.name, "level": self.level}


@dataclass(frozen=True, slots=True)
class Meta:
    """Header metadata (Nghị định 30/2020/NĐ-CP, Phụ lục I). Unknown or blank fields are None."""

    issuer: str | None = None
    parent_issuer: str | None = None
    number: str | None = None
    """ký hiệu such as "14/KH-UBND"; None when the number is blank (a draft)."""
    place: str | None = None
    date: str | None = None
    """ISO date; None when the day or month is blank."""
    year: int | None = None
    doc_type: str | None = None
    title: str | None = None
    jurisdiction: Jurisdiction | None = None
    signer: str | None = None
    signer_title: str | None = None
    signature_authority: tuple[str, ...] = ()
    """The TM./KT./Q./TL. lines, in order."""
    stamps: tuple[str, ...] = ()
    """Secrecy or urgency stamps ("MẬT", "KHẨN", "HỎA TỐC")."""
    motto: tuple[str, ...] = ()
    source_format: str = "text"
    encoding: str | None = None
    draft: bool = False
    """The document says it is a draft ("DỰ THẢO" in the header, a text box, the number line, the
    title or Word's page header)."""
    draft_mark: str | None = None
    draft_where: str | None = None
    version: int | None = None
    """A version mark's number ("Dự thảo lần 2", "(lần 2)")."""
    month: int | None = None
    """The month printed on an undated document ("ngày … tháng 02 năm 2026")."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "draft": self.draft, "draft_mark": self.draft_mark, "draft_where": self.draft_where,
            "version": self.version, "month": self.month,
            "number": self.number,
            "date": self.date,
            "year": self.year,
            "place": self.place,
            "issuer": self.issuer,
            "parent_issuer": self.parent_issuer,
            "jurisdiction": self.jurisdiction.to_dict() if self.jurisdiction else None,
            "doc_type": self.doc_type,
            "title": self.title,
            "signer": self.signer,
            "signer_title": self.signer_title,
            "signature_authority": list(self.signature_authority),
            "stamps": list(self.stamps),
            "motto": list(self.motto),
            "source_format": self.source_format,
            "encoding": self.encoding,
        }


@quick_init
@dataclass(frozen=True, slots=True)
class HeaderLine:
    """A line of front or back matter, kept verbatim with the role it was read in."""

    role: Literal[
        "chrome", "draft", "issuer", "parent_issuer", "motto", "number", "place_date", "doc_type", "title", "stamp",
        "authority", "enacting", "attached_ref", "recipients_heading", "recipient", "signature", "signer",
        "appendix", "other",
    ]
    text: str
    span: Span

    def to_dict(self) -> dict[str, Any]:
        return {"role": self.role, "text": self.text, "span": self.span.as_list()}


@dataclass(frozen=True, slots=True)
class Plan:
    """A parsed plan: header, preamble, clause tree and back matter."""

    meta: Meta
    preamble: str
    clauses: tuple[Clause, ...]
    footnotes: tuple[Footnote, ...] = ()
    recipients: tuple[str, ...] = ()
    signature: tuple[str, ...] = ()
    header: tuple[HeaderLine, ...] = ()
    """Every front- and back-matter line verbatim (so nothing of the input is lost)."""
    appendices: tuple[Appendix, ...] = ()
    articles: tuple[Clause, ...] = ()
    """A decision's articles (Điều 1, Điều 2 …); for a plain decision they are also ``clauses``."""
    attached: Attached | None = None
    """The plan a decision issues; None for a plan published on its own."""
    artefacts: tuple[Artefact, ...] = ()
    hints: tuple[Hint, ...] = ()
    source: str = field(default="", repr=False)
    seen: str = field(default="", repr=False)
    """All the text the reader saw in the file when the format holds more than ``source`` (every
    text node of a .docx, every text run of a PDF); empty when ``source`` is all of it. The
    nothing-lost audit counts against it, so a part a reader skips shows as lost."""
    name: str | None = None
    """A short name for reports: the file stem when parsed from a file."""
    _by_id: dict[str, Clause] = field(default_factory=dict, init=False, repr=False, compare=False)
    """Clauses by id, filled on the first ``find`` (a fresh one for every copy: not an init field)."""

    def walk(self) -> Iterator[Clause]:
        """Every clause in document order (pre-order)."""
        for clause in self.clauses:
            yield from clause.walk()

    def find(self, clause_id: str) -> Clause | None:
        """The clause with this id; a dictionary lookup after the first call (reports ask for
        thousands)."""
        if not self._by_id:
            for clause in self.walk():
                self._by_id.setdefault(clause.id, clause)
        return self._by_id.get(clause_id)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "meta": self.meta.to_dict(),
            "preamble": self.preamble,
            "clauses": [c.to_dict() for c in self.clauses],
            "footnotes": [f.to_dict() for f in self.footnotes],
            "recipients": list(self.recipients),
            "signature": list(self.signature),
            "attached": self.attached.to_dict() if self.attached else None,
            "articles": [c.to_dict() for c in self.articles],
            "appendices": [a.to_dict() for a in self.appendices],
            "header": [h.to_dict() for h in self.header],
            "artefacts": [a.to_dict() for a in self.artefacts],
            "hints": [h.to_dict() for h in self.hints],
        }


PairKind = Literal["unchanged", "modified", "moved", "split", "merged"]


@quick_init
@dataclass(frozen=True, slots=True)
class Pair:
    """Two clauses judged to be the same provision, with the evidence for it."""

    a: str
    b: str
    kind: PairKind
    score: float
    """Text similarity in [0, 1] after normalisation (1.0: the same words)."""
    rule: str
    """Which rule matched: "exact", "fuzzy", "context" (helped by the parents' pairing), "split", "merge"."""
    renumbered: bool = False
    """The label changed (II.1 → II.3)."""
    reparented: bool = False
    """The parents are not paired with each other: the clause moved under another heading."""
    edited: bool = False
    """The words changed (a moved clause can also be edited)."""
    review: bool = False
    """Low confidence: worth a human look."""
    evidence: str = ""
    """What matched and why it beat the alternatives, in words: "text 0.84 · parents paired +0.12 ·
    same part (tasks) · beat II.5 (0.61)"."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "a": self.a, "b": self.b, "kind": self.kind, "score": round(self.score, 3), "rule": self.rule,
            "renumbered": self.renumbered, "reparented": self.reparented, "edited": self.edited, "review": self.review,
            "evidence": self.evidence,
        }


@dataclass(frozen=True, slots=True)
class Alignment:
    """The pairing of two plans' clauses; clauses in no pair were removed (a) or added (b)."""

    a: Plan
    b: Plan
    pairs: tuple[Pair, ...]
    removed: tuple[str, ...]
    added: tuple[str, ...]
    cross: bool = False
    """The plans come from different issuers: text reuse, not versioning."""
    thresholds: dict[str, float] = field(default_factory=dict)

    def changes(self) -> Iterator[tuple[Pair, Clause, Clause]]:
        """The pairs that are not unchanged, with their two clauses, in the pairs' order."""
        clauses_a = {c.id: c for c in self.a.walk()}
        clauses_b = {c.id: c for c in self.b.walk()}
        for p in self.pairs:
            if p.kind != "unchanged" and p.a in clauses_a and p.b in clauses_b:
                yield p, clauses_a[p.a], clauses_b[p.b]

    def counts(self) -> dict[str, int]:
        out = {k: 0 for k in ("unchanged", "modified", "moved", "split", "merged", "added", "removed")}
        for p in self.pairs:
            out[p.kind] += 1
        out["added"] = len(self.added)
        out["removed"] = len(self.removed)
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "a": {"name": self.a.name, **self.a.meta.to_dict()},
            "b": {"name": self.b.name, **self.b.meta.to_dict()},
            "cross": self.cross,
            "thresholds": self.thresholds,
            "counts": self.counts(),
            "pairs": [p.to_dict() for p in self.pairs],
            "added": list(self.added),
            "removed": list(self.removed),
        }


TaskKind = Literal["task", "report", "request"]


@quick_init
@dataclass(frozen=True, slots=True)
class Task:
    """One duty a plan assigns: who must do what, with whom, by when."""

    agency: str
    """The body responsible, as printed ("Sở Lao động - Thương binh và Xã hội")."""
    text: str
    kind: TaskKind
    """"report": a reporting duty; "request": asked of a body the issuer does not command (the
    Fatherland Front, the Women's Union: "Đề nghị …"); "task": ordered."""
    span: Span
    agency_key: str | None = None
    """The body's role across spellings, levels and years ("noi-vu"); None when not known."""
    partners: tuple[str, ...] = ()
    deadline: str | None = None
    """ISO date of a deadline the text gives ("trước ngày 15/12/2026")."""
    period: str | None = None
    """A time as printed when it is no single date ("Quý II/2026", "hằng năm", "thường xuyên")."""
    period_dates: tuple[str, str] | None = None
    """The period as a date range where it is one (Quý II/2026 → 2026-04-01 … 2026-06-30)."""
    product: str | None = None
    clause: str | None = None
    appendix: str | None = None
    row: int | None = None
    """The table's row, counted from 1 at its first row (the header row is 1)."""
    to: str | None = None
    """For a report: to whom ("UBND thành phố", "Bộ Nội vụ"), as printed."""
    number: str | None = None
    """The row's own number as its "TT" / "STT" column prints it ("1", "2.3", "I"): what a reader
    looks for in the table (``row`` counts the header and group rows too)."""

    @property
    def place(self) -> str:
        """Where the task is, as a reader finds it: its clause ("IV.1.a"), else its appendix and the
        row's number ("PHỤ LỤC I, TT 3"), else the appendix and the table's row ("PHỤ LỤC #4")."""
        if self.clause and self.row is None:
            return self.clause
        inside = self.clause or self.appendix or ""
        return f"{inside}, TT {self.number}" if self.number else f"{inside} #{self.row}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "agency": self.agency, "agency_key": self.agency_key, "partners": list(self.partners), "text": self.text,
            "to": self.to,
            "kind": self.kind, "deadline": self.deadline, "period": self.period,
            "period_dates": list(self.period_dates) if self.period_dates else None, "product": self.product,
            "clause": self.clause, "appendix": self.appendix, "row": self.row, "number": self.number,
            "place": self.place, "span": self.span.as_list(),
        }


CitationRole = Literal["basis", "mention"]


@quick_init
@dataclass(frozen=True, slots=True)
class Citation:
    """One reference to a legal instrument in a plan's text."""

    symbol: str | None
    """ký hiệu as printed, normalised (NFC, no spaces, canonical case): "125/2021/NĐ-CP"; None for a
    named instrument ("Luật Bình đẳng giới")."""
    type: str | None
    """Luật, Nghị quyết, Nghị định, Quyết định, Chỉ thị, Thông tư, Kế hoạch, Công văn …"""
    number: str | None
    year: int | None
    date: str | None
    """ISO date of the instrument."""
    issuer: str | None
    title: str | None
    """The subject ("về …") or the name."""
    role: CitationRole
    clause: str | None
    """Clause id, "preamble", or "footnote:N"."""
    span: Span
    instrument: str
    """Canonical id: the same for every mention of one instrument, across plans."""
    raw: str = ""
    """The matched text as printed."""
    within: str | None = None
    """The instrument whose subject this mention stands in ("Kế hoạch 212/KH-UBND … về thực hiện
    Chiến lược quốc gia …": the strategy is within 212/KH-UBND)."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "symbol": self.symbol, "type": self.type, "number": self.number, "year": self.year, "date": self.date,
            "issuer": self.issuer, "title": self.title, "role": self.role, "clause": self.clause,
            "span": self.span.as_list(), "instrument": self.instrument, "raw": self.raw, "within": self.within,
        }
