"""Tasks a plan assigns: ``tasks(plan) -> list[Task]``.

Three places hold them:
- the implementation section ("Tổ chức thực hiện", "Trách nhiệm", "Phân công"): an item per
  agency, its points, dashes and paragraphs each a task;
- appendix task tables: columns found by their headings in any order and wording (TT, Nhiệm vụ,
  Cơ quan chủ trì, Cơ quan phối hợp, Thời gian hoàn thành, Sản phẩm);
- sentences elsewhere that give a body a duty ("Giao Sở X chủ trì …", "Đề nghị Hội LHPN …",
  "Sở X chịu trách nhiệm …") and the reporting section's dated duties.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from .. import agencies
from ..compare.aligner import role_of
from ..compiled import regex
from ..model import Appendix, Clause, Plan, Span, Table, Task
from ..parsing.backmatter import SURNAMES
from ..textnorm import AS_PRINTED_D, AS_VIETNAMESE_D, CAPITALS, icelandic_d, match_key
from . import timing

_AGENCY_START = regex(
    r"^(?:đề nghị\s+)?(?:" + agencies.HEAD_TITLES + r"\s+)?(?:các\s+)?(?:sở|phòng|ban|bộ|công an|"
    r"trưởng phòng|trưởng ban|hiệu trưởng|đảng ủy|đảng uỷ|cấp ủy|cấp uỷ|chính quyền|ủy ban|uỷ ban|ubnd|hội|đoàn|liên đoàn|báo|đài|"
    r"thanh tra|văn phòng|cục|chi cục|trung tâm|thống kê|bảo hiểm|ngân hàng|tòa án|viện kiểm sát|tỉnh đoàn|thành đoàn|"
    r"mặt trận|cơ quan|đơn vị|ngành)\b"
)
_VERBS = regex(
    r"\s+(?:chủ trì|phối hợp|có trách nhiệm|chịu trách nhiệm|tham mưu|thực hiện|căn cứ|triển khai|hướng dẫn|theo dõi|"
    r"tổ chức(?!\s+chính\s+trị)|xây dựng|đẩy mạnh|tăng cường|chỉ đạo|nghiên cứu|bố trí|lồng ghép|được giao|kịp thời|tiếp tục|rà soát|"
    r"báo cáo|thường xuyên|định kỳ|chủ động|vận động|tuyên truyền|tham gia|hỗ trợ|kiểm tra|giám sát|đôn đốc|quan tâm|"
    r"tạo điều kiện|cung cấp|phổ biến|ban hành|tiếp nhận|bảo đảm|đảm bảo|nâng cao|quản lý|lựa chọn|bố trí|cử|giới thiệu|"
    r"tiếp tục|phát huy|làm tốt|tổng hợp|đề xuất|phân bổ|cân đối|trình|nghiêm túc|là|thúc đẩy|bám sát|tăng|tập trung|quán triệt|lãnh đạo|"
    r"theo\s+(?:chức năng|nhiệm vụ|thẩm quyền|lĩnh vực))\b"
)
_LEAD_DUTY = regex(r"\s+(?:chủ trì|phối hợp|thúc đẩy|theo dõi|hướng dẫn|tổng hợp|thực hiện|triển khai|chịu trách nhiệm|"
                        r"có trách nhiệm)\b")
"""Where a duty begins in a table's lead cell; only duty verbs (a cell's "tổ chức chính trị - xã hội",
"nhà cung cấp" are names)."""
_REPORT = regex(r"(?<!\w)(?<!đo đạc, )báo cáo(?!\s+viên)(?!\w)(?!,?\s+(?:và\s+)?thẩm định)", re.IGNORECASE)
"""A duty to report; not the "báo cáo" of "đo đạc, báo cáo, thẩm định" (measuring, reporting and
verifying emissions: a task's subject)."""
_PARTNERS = regex(r"phối hợp(?:\s+chặt chẽ)?\s+với\s+(?P<who>[^;.:]+?)(?=\s+(?:và các|để|trong|thực hiện|"
                       r"tổ chức(?!\s+chính\s+trị)|triển khai|xây dựng|tham mưu)\b|[;.:]|$)")
"""Whom a duty is done with ("phối hợp với X, Y"): up to where the duty goes on ("… tổ chức tập
huấn"; "các tổ chức chính trị - xã hội" is a kind of body, not the verb)."""
_ASSIGN = regex(r"(?:^|[.;]\s+|,\s+)(?P<verb>[Gg]iao(?:\s+cho)?|[Đđ]ề nghị|[Yy]êu cầu)\s+(?P<rest>.+)")
_SUBJECT = regex(r"^(?P<who>.{3,120}?)\s+(?:chủ trì|chịu trách nhiệm|có trách nhiệm)\b")


def tasks(plan: Plan) -> list[Task]:
    """Every task the plan assigns, in document order. A text that types "Đ" with the Icelandic
    "Ð" throughout is read as its letters mean ("Ðoàn Thanh niên" is the Youth Union), its duties'
    words given back as printed and each body's key in Vietnamese letters (as the store indexes it)."""
    if icelandic_d(plan.source):
        from ..serial import translated, translated_fields

        return [translated_fields(t, AS_PRINTED_D, keep=("agency_key",)) for t in _tasks(translated(plan, AS_VIETNAMESE_D))]
    return _tasks(plan)



def _tasks(plan: Plan) -> list[Task]:
    out: list[Task] = []
    done: set[str] = set()
    party = agencies.party_issued(plan.meta.issuer)
    for clause in plan.clauses:
        for container in _implementation(clause):
            out.extend(_from_container(plan, container, done))
    for clause in plan.walk():
        for table in clause.tables:  # "II. NHIỆM VỤ CỤ THỂ" over a table of who does what
            out.extend(_from_table(table, clause=clause.id, party=party))
        if clause.id in done:
            continue
        card = _from_card(clause, party)
        if card is not None:
            out.append(card)
            done.update(c.id for c in clause.walk())
            continue
        out.extend(_from_sentences(plan, clause, reporting="reporting" in role_of(match_key(clause.heading))
                                   or _in_reporting(plan, clause)))
    for k, app in enumerate(plan.appendices, start=1):
        out.extend(_from_appendix(plan, app, k))
    return out


# the implementation section --------------------------------------------------------------------

def _implementation(clause: Clause) -> Iterator[Clause]:
    """Clauses whose heading names the implementation part and that hold agencies' duties, and
    clauses set out by agency whatever their heading says ("II. NỘI DUNG THỰC HIỆN" / "1. Sở Y tế"
    / "2. Sở Tài chính" …: a reader sees each item's points as that body's duties)."""
    if clause.children and ("implementation" in role_of(match_key(clause.heading)) or _by_agency(clause)):
        yield clause
        return
    for child in clause.children:
        yield from _implementation(child)


def _by_agency(clause: Clause) -> bool:
    """Whether most of a clause's items are headed by a body the registry knows (two at least)."""
    if len(clause.children) < 2:
        return False
    known = 0
    for child in clause.children:
        named = _agency_name(child)
        known += named is not None and agencies.key_of(named[0]) is not None
    return known >= 2 and 2 * known >= len(clause.children)


def _agency_name(clause: Clause) -> tuple[str, str] | None:
    """The body an item is about ("Sở Nội vụ", "Sở Văn hóa, Thể thao và Du lịch: Phối hợp …") and
    what follows it on the heading line; None when the heading names no body."""
    heading = clause.heading.strip()
    if not _AGENCY_START.match(match_key(heading)):
        return None
    head, colon, rest = heading.partition(":")
    if colon and agencies.lists_kind(heading) and _NAMES_LISTED.fullmatch(rest.strip()):
        # "Các Bộ: Công Thương, Xây dựng, …": the bodies of one kind, listed by what follows the kind
        return heading, ""
    if colon and len(head.split()) <= 25:
        m = _VERBS.search(head)
        if m and len(head[: m.start()].split()) >= 2 and match_key(head[: m.start()]) not in _GENERIC:
            # "Sở Nông nghiệp và Môi trường chỉ đạo Chi cục … thực hiện các nội dung sau:": the body
            # ends where its duty begins; the duty's introduction goes with the points under it
            return head[: m.start()].strip(" ,"), heading[m.start():].strip()
        return head.strip(), rest.strip()
    if len(heading.split()) <= 20 and not heading.endswith((".", ";")):
        return heading, ""
    m = _VERBS.search(heading)
    if m and m.start() > 0:
        return heading[: m.start()].strip(" ,"), heading[m.start():].strip()
    return None


_NAMES_LISTED = regex(r"[" + CAPITALS + r"][^,;:.]*(?:\s*[,;]\s*[" + CAPITALS + r"][^,;:.]*)*")
"""Names that open with capitals, parted by commas or semicolons: what follows "Các Bộ:" in
"Các Bộ: Công Thương, Giao thông vận tải, Xây dựng" (the ministries of each)."""
_GENERIC = {"đơn vị", "cơ quan", "bộ phận", "cá nhân", "tổ chức", "người"}
"""A kind of body, not a body: "Đơn vị chủ trì: …" is a label (see ``_from_card``)."""


def _addressed(name: str, party: bool = False) -> tuple[str, str | None, bool]:
    """The body a duty is given to, its key, and whether it is asked rather than told ("Đề nghị Ủy
    ban Mặt trận …", or a body the committee does not command)."""
    key = agencies.key_of(name)
    request = name.lower().startswith("đề nghị") or not agencies.commanded(key, by_party=party)
    return re.sub(r"^[Đđ]ề nghị\s+", "", name), key, request


def _from_container(plan: Plan, container: Clause, done: set[str]) -> list[Task]:
    out: list[Task] = []
    party = agencies.party_issued(plan.meta.issuer)
    for item in container.children:
        card = _from_card(item, party)
        if card is not None:
            out.append(card)
            done.update(c.id for c in item.walk())
            continue
        named = _agency_name(item)
        if named is None:
            if any(_agency_name(c) for c in item.children):
                out.extend(_from_container(plan, item, done))
            continue
        done.update(c.id for c in item.walk())
        name, rest = named
        agency, key, request = _addressed(name, party)
        pieces: list[tuple[str, Clause]] = []
        if rest:
            pieces.append((rest, item))
        pieces.extend((p, item) for p in item.text.split("\n")[1:] if p.strip())
        pieces.extend((c.full_text().replace("\n", " "), c) for c in item.children)
        for text, clause in pieces:
            who, duty = _leading_agency(text) if clause is not item else (None, text)
            if who and who != name and _NAMED_BODY.match(who) and len(who.split()) <= NAME_WORDS:
                # a point that names its own body ("Các Bộ: …" / "- Bộ Kế hoạch và Đầu tư chủ trì …")
                own, own_key, asked = _addressed(who, party)
                out.append(_task(own, own_key, duty, clause, request=asked))
                continue
            out.append(_task(agency, key, text, clause, request=request))
    return out


NAME_WORDS = 12
"""The most words of a body's name that opens a point under another body's item."""
_NAMED_BODY = regex(r"(?:Bộ|Sở|Ủy ban nhân dân|Uỷ ban nhân dân|UBND|Ban|Công an|Bộ Chỉ huy) [" + CAPITALS + r"]")
"""A body named by its own name (not "Các cơ quan …", a kind of body)."""


def _task(agency: str, key: str | None, text: str, clause: Clause, *, request: bool = False,
          span: Span | None = None) -> Task:
    deadline, period, dates = timing.when(text)
    kind = "request" if request else "report" if _REPORT.search(text) else "task"
    to = _REPORT_TO.search(text) if kind != "task" else None
    return Task(agency=agency, text=text.strip(), kind=kind, span=span or clause.span, agency_key=key,  # type: ignore[arg-type]
                partners=_partners(text), deadline=deadline, period=period, period_dates=dates, clause=clause.id,
                to=" ".join(to.group("to").split()).strip(" ,") if to else None)


_REPORT_TO = regex(
    r"báo cáo(?:\s+(?:kết quả|tình hình|định kỳ|đánh giá|sơ kết|tổng kết)(?:\s+thực hiện)?)?\s+(?:(?:về|gửi|lên|cho)\s+)?"
    r"(?P<to>(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND|Bộ|Sở|Ban|Thường trực|Chủ tịch)\b[^;.()]{0,60}?)"
    r"(?=\s+(?:kết quả|trước|chậm nhất|thông qua|qua|để|theo|định kỳ|về)\b|[;.(]|$)")


_BODY_HEADS = (r"Sở|Phòng|Ban|Bộ|Vụ|Đảng ủy|Đảng uỷ|Công an|Ủy ban|Uỷ ban|UBND|Hội|Đoàn|Liên đoàn|Báo|Đài|Thanh tra|Văn phòng|Cục|Chi cục|"
               r"Trung tâm|Tỉnh đoàn|Thành đoàn|Mặt trận|Tòa án|Viện|Ngân hàng|Bảo hiểm|Thống kê|Kho bạc|Các")
"""The words a body's name opens with, capitalised ("Các" opens a group: "Các sở, ngành")."""
_NAME_START = r"(?:các\s+)?(?:" + _BODY_HEADS + r"|cơ quan|đơn vị|địa phương|bộ|sở|ban|ngành|tổ chức chính trị)\b"
_BETWEEN_NAMES = regex(r"\s*;\s*|\s*,\s*(?=" + _NAME_START + r")|\s+và\s+(?=" + _NAME_START + r")|\n"
                            r"|(?<=[^\W\d])\s*/\s*(?=[" + CAPITALS + r"][^\W\d" + CAPITALS + r"])")
"""Where a list's next name begins: after a semicolon (never inside a name: "Đảng ủy Mặt trận Tổ
quốc, các đoàn thể tỉnh; Đảng ủy Ủy ban nhân dân tỉnh"), a comma or "và" before a name's start,
or a slash between two names ("Vụ Kế hoạch - Tài chính/ Ban Quản lý quy hoạch"; not "KH/CN")."""
_BULLET = regex(r"^[-–+•]\s+")
"""A name listed as a cell's bullet ("- Vụ Pháp chế; - Văn phòng Bộ.")."""
_NEXT_DEPARTMENT = regex(r"(?<=\w)\s+(?=Sở [" + CAPITALS + r"])")
"""Where a department's name runs straight on into another's ("Sở Khoa học và Công nghệ Sở Công
Thương": a cell's lines joined): a department's name holds no other "Sở" of its own."""


def split_agencies(text: str) -> list[str]:
    """Names in a list ("Sở Giáo dục và Đào tạo, Công an tỉnh và các địa phương"): split where the
    next piece opens a name, never inside one ("Văn hóa, Thể thao và Du lịch"), nor inside a group
    named by its kinds ("các sở, ban, ngành", "Các cơ quan, đơn vị"), nor inside the office of two
    bodies ("Văn phòng HĐND và UBND xã")."""
    out: list[str] = []
    text = _OFFICE_OF_BOTH.sub("\\1\ue000", text)
    pieces = (_BULLET.sub("", p.strip(" ,;")).rstrip(" .").replace("\ue000", " và ") for p in _BETWEEN_NAMES.split(text))
    for p in (name for piece in pieces for name in (_NEXT_DEPARTMENT.split(piece) if piece.startswith("Sở ") else (piece,))):
        if not p:
            continue
        if out and _GROUP_WORD.match(p) and _GROUP_HEAD.fullmatch(out[-1]):
            out[-1] = f"{out[-1]}, {p}"
        else:
            out.append(p)
    return out


_OFFICE_OF_BOTH = regex(
    r"(Văn phòng\s+(?:HĐND|Hội đồng nhân dân|Đoàn ĐBQH|Đoàn đại biểu Quốc hội)(?:\s*,\s*(?:HĐND|Hội đồng nhân dân))?)"
    r"\s+và\s+(?=(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|HĐND|Hội đồng nhân dân)\b)")
"""The one office that serves two bodies: "Văn phòng HĐND và UBND xã", "Văn phòng Đoàn ĐBQH và HĐND tỉnh"."""
_KINDS = r"(?:bộ|sở|ban|ngành|đơn vị|cơ quan|địa phương|đoàn thể|tổ chức chính trị(?:\s*[-–]\s*xã hội)?)"
"""The kinds of body a group is named by ("các sở, ban, ngành, tổ chức chính trị - xã hội")."""
_GROUP_WORD = regex(r"(?:các\s+)?" + _KINDS + r"(?!\w)")
"""A kind of body in lower case: in a list after "các …", more of the same group."""
_GROUP_HEAD = regex(r"(?:các\s+)?" + _KINDS + r"(?:[,\s]+(?:các\s+)?" + _KINDS + r")*", re.IGNORECASE)
"""A piece made only of kinds of bodies ("các sở", "Sở, ban", "các cơ quan, ban, ngành đoàn thể")."""


def _partners(text: str) -> tuple[str, ...]:
    m = _PARTNERS.search(text)
    if not m:
        return ()
    # a partner's name ends where a duty begins ("các cơ quan, đơn vị liên quan đảm bảo …")
    names = (p[:v.start()].strip(" ,") if (v := _VERBS.search(p)) else p for p in split_agencies(m.group("who")))
    return tuple(p for p in names if p and len(p.split()) <= 12)


# sentences elsewhere ----------------------------------------------------------------------------

def _in_reporting(plan: Plan, clause: Clause) -> bool:
    top = next((c for c in plan.clauses if clause.id == c.id or clause.id.startswith(c.id + ".")), None)
    return top is not None and "reporting" in role_of(match_key(top.heading))


def _from_sentences(plan: Plan, clause: Clause, *, reporting: bool) -> list[Task]:
    """Duties stated in sentences: "Giao Sở X …", "Đề nghị Y …", "Sở X chịu trách nhiệm …"; in
    the reporting section also each dated or reporting segment, under the body its sentence
    names (a sentence without one carries on its predecessor's)."""
    text = clause.heading if clause.children else clause.text.replace("\n", " ")
    party = agencies.party_issued(plan.meta.issuer)
    out: list[Task] = []
    subject: tuple[str, str | None] | None = None
    named = _agency_name(clause)
    if (named is not None and named[1] and clause.heading.partition(":")[0].strip() == named[0]
            and (_VERBS.match(" " + named[1][:40].lower())
                 or (named[1][:1].islower() and agencies.key_of(named[0]) is not None))):
        # "Sở Y tế: Chủ trì tổ chức …" outside the implementation section: the body, then its duty
        # (a known body's duty in lower case, whatever its verb: "Ủy ban nhân dân cấp xã: đầu tư, …")
        who, rest = named
        body = " ".join([rest, *clause.text.split("\n")[1:]]) if not clause.children else rest
        agency, key, request = _addressed(who, party)
        return [_task(agency, key, body, clause, request=request)]
    duty = clause.text.split("\n")[1:]
    if named is not None and not named[1] and named[0] == clause.heading.strip() and duty and not clause.children:
        # "7. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam thành phố" on its line, the duty in the
        # paragraphs under it ("Phối hợp với các ngành, các cấp …")
        agency, key, request = _addressed(named[0], party)
        return [_task(agency, key, " ".join(duty), clause, request=request)]
    carried = ""
    for segment in re.split(r"(?<=[.;])\s+", text):
        segment = f"{carried}{segment.strip()}"
        carried = ""
        if not segment:
            continue
        if segment.endswith(";") and _GROUP.fullmatch(segment[:-1].strip()):
            carried = f"{segment} "  # "Các Sở, ban, ngành; cơ quan, đơn vị tiến hành …": one list of bodies
            continue
        m = _ASSIGN.search(segment)
        if m:
            who, rest = _leading_agency(m.group("rest"))
            if who:
                key = agencies.key_of(who)
                request = m.group("verb").lower().startswith("đề nghị") or not agencies.commanded(key, by_party=party)
                out.append(_task(who, key, rest or segment, clause, request=request))
                subject = (who, key)
                continue
        group = _group_subject(segment) if reporting else None
        s = group or _SUBJECT.search(segment)
        if s is not None:
            who = s.group("who").strip(" ,")
            if group is None:  # "Căn cứ …, Sở X chịu trách nhiệm": the body after the lead-in
                who = re.sub(r"^.*,\s*(?=(?:các\s+)?(?:sở|đơn vị|cơ quan|ubnd|ủy ban)\b)", "", who, flags=re.IGNORECASE)
            who = _QUALIFIER.split(who, maxsplit=1)[0].strip(" ,")
            if _AGENCY_START.match(match_key(who)):
                subject = (who, agencies.key_of(who))
                if not reporting:
                    out.append(_task(subject[0], subject[1], segment, clause))
                    continue
        if reporting and subject and (timing.when(segment) != (None, None, None) or _REPORT.search(segment)):
            out.append(_task(subject[0], subject[1], segment, clause))
    return out


_QUALIFIER = regex(r"\s+(?:tùy|tuỳ|theo chức năng|trong phạm vi|căn cứ|được giao)\b", re.IGNORECASE)
_GROUP = regex(r"(?P<who>(?:các\s+)?(?:sở|đơn vị|cơ quan)(?:,\s*(?:ban|ngành|đoàn thể|địa phương|đơn vị|cơ quan))+)", re.IGNORECASE)


def _group_subject(segment: str) -> re.Match[str] | None:
    return _GROUP.search(segment)


def _leading_agency(text: str) -> tuple[str | None, str]:
    """The body named at the start of ``text`` and the rest: "Sở Y tế chủ trì, …"."""
    if not _AGENCY_START.match(match_key(text)):
        return None, text
    m = _VERBS.search(text)
    if m is None or m.start() == 0:
        return None, text
    return text[: m.start()].strip(" ,:"), text[m.start():].strip(" ,:")


# task cards -------------------------------------------------------------------------------------

_CARD_FIELD = regex(r"(?P<label>[^:]{3,40}):\s*(?P<value>\S.*)", re.DOTALL)


def _from_card(clause: Clause, party: bool = False) -> Task | None:
    """A task set out as labelled points under it, a table's row written as a list ("- Đơn vị chủ
    trì: Công an xã", "- Đơn vị phối hợp: …", "- Thời gian hoàn thành: Quý I/2026", "- Kết quả:
    …"): one task, its lead, partners, time and product read as a table's columns are; None when
    no point names the lead."""
    fields: dict[str, str] = {}
    first, *paragraphs = clause.text.split("\n")
    described = [first]  # the task: the clause's own text and its points that are no field

    def field(text: str, leaf: bool) -> bool:
        m = _CARD_FIELD.fullmatch(text.strip())
        if m is None or not leaf:
            return False
        label = match_key(m.group("label"))
        name = next((n for n, pattern in _COLUMNS if re.search(pattern, label)), None)
        if name not in ("lead", "partners", "time", "product") or name in fields:
            return False
        fields[name] = " ".join(m.group("value").split()).rstrip(" ;.")  # type: ignore[index]
        return True

    # a field as a point under the task, or as a paragraph after its points ("Trách nhiệm chỉ
    # đạo thực hiện: Đảng ủy Ủy ban nhân dân tỉnh." under a programme's item and its dashes)
    described.extend(p for p in paragraphs if not field(p, True))
    described.extend(child.full_text() for child in clause.children if not field(child.text, not child.children))
    if "lead" not in fields or not first.strip():
        return None
    return _task_of_row(" ".join(" ".join(described).split()), fields, clause.span, party=party, clause=clause.id)


def _task_of_row(text: str, fields: dict[str, str], span: Span, *, party: bool = False, **where: object) -> Task:
    """A task from a row's fields (a table's columns, or a card's labelled points): the lead's
    name up to its duty, its co-leads and partners, the time as a deadline or period, the product."""
    lead = fields["lead"]
    # a name ends where a duty begins ("Sở KH&CN chủ trì hướng dẫn, tổng hợp; Các sở, ngành …")
    leads = [p[: v.start()].strip(" ,;") if (v := _LEAD_DUTY.search(p)) else p for p in split_agencies(lead)] or [lead]
    key = agencies.key_of(leads[0])
    time_text = fields.get("time", "")
    deadline, period, dates = timing.when(time_text, whole=True) if time_text else (None, None, None)
    kind = "request" if not agencies.commanded(key, by_party=party) else "report" if _REPORT.search(text) else "task"
    return Task(agency=leads[0], text=text, kind=kind, span=span, agency_key=key,  # type: ignore[arg-type]
                partners=tuple(leads[1:]) + tuple(split_agencies(fields.get("partners", ""))), deadline=deadline,
                period=period, period_dates=dates, product=fields.get("product") or None, **where)  # type: ignore[arg-type]


# appendix task tables ---------------------------------------------------------------------------

_COLUMNS = (
    ("number", r"^(?:s?tt|số tt|stt)$"),
    ("lead", r"chủ trì|cơ quan thực hiện|đơn vị thực hiện|người thực hiện|cơ quan thực hiện|đơn vị chủ trì|phụ trách|trách nhiệm"),
    ("partners", r"phối hợp"),
    ("time", r"thời gian|thời hạn|tiến độ|hoàn thành"),
    ("product", r"sản phẩm|kết quả"),
    ("text", r"nhiệm vụ|nội dung|hoạt động|công việc|tên|chỉ tiêu"),
)


_NAME_OPENS = regex(r"(?:" + _BODY_HEADS + r")\b")
"""A body's name as it opens a line of its own (capitalised: "các sở" inside a sentence is no name's start)."""
_GOES_ON = regex(r"(?:\b(?:và|các|của|với|cùng|hoặc|thuộc|tỉnh|thành phố|huyện|quận|xã|phường|thị xã|thị trấn|TP)"
                      r"|[-–&.])\s*$")
"""A line that ends so that the next carries it on ("Sở Lao động - Thương binh và" / "Xã hội", "UBND
thành phố" / "Hồ Chí Minh": a place's name opens with a family name as often as a person's does)."""


def _names_cell(cell: str) -> str:
    """A lead or partners cell with its line breaks kept between two lines that are each a name of
    their own (one name a line, as a Word cell lists them: "Đỗ Mạnh Cường" / "Vũ Việt Linh", "Sở
    Khoa học và Công nghệ" / "Sở Công Thương"), and joined where a name was wrapped ("… khu công
    nghệ cao và khu" / "công nghiệp", "Lãnh đạo" / "Sở Tư pháp"): ``split_agencies`` splits at the
    kept ones."""
    lines = [" ".join(line.split()) for line in cell.split("\n")]
    lines = [line for line in lines if line]
    out = lines[:1]
    for before, line in itertools.pairwise(lines):
        apart = _opens_a_name(before) and _opens_a_name(line) and not _GOES_ON.search(before)
        out.append("\n" + line if apart else " " + line)
    return "".join(out)


def _opens_a_name(line: str) -> bool:
    """A line that opens with a body's name, or is a person's full name."""
    if _NAME_OPENS.match(line):
        return True
    words = line.split()
    return words[0] in SURNAMES and 2 <= len(words) <= 5 and all(w[:1].isupper() and w.isalpha() for w in words)


_LEAD_NAMED = regex(r"chủ trì")
"""A lead column named as such: it outranks one that only names a responsibility ("Cơ quan chịu
trách nhiệm quản lý nhà nước" beside "Thực hiện: Đơn vị chủ trì | Đơn vị phối hợp")."""


def _columns(header: tuple[str, ...]) -> dict[str, int]:
    cols: dict[str, int] = {}
    lows = [match_key(cell) for cell in header]
    for k, low in enumerate(lows):
        for name, pattern in _COLUMNS:
            if name not in cols and re.search(pattern, low):
                cols[name] = k
                break
    named = next((k for k, low in enumerate(lows) if _LEAD_NAMED.search(low)), None)
    if named is not None and cols.get("lead") != named:
        cols = {name: k for name, k in cols.items() if k != named}
        cols["lead"] = named
    return cols


def _header(rows: tuple[tuple[str, ...], ...], at: int) -> tuple[tuple[str, ...], int]:
    """The header row at ``at``, with the row under it when that row names the columns a cell
    above spans ("Thực hiện" over "Đơn vị chủ trì" | "Đơn vị phối hợp", the cells beside it empty
    as they stand merged down): the column names as one row, and the row the body starts at."""
    head = rows[at]
    if at + 1 < len(rows):
        under = rows[at + 1]
        if under and not under[0] and any(under) and len(under) >= len(head) and _columns(tuple(c for c in under if c)):
            merged = tuple(" ".join(filter(None, (head[k] if k < len(head) else "", under[k]))) if under[k]
                           else (head[k] if k < len(head) else "") for k in range(len(under)))
            return merged, at + 2
    return head, at + 1


def _from_appendix(plan: Plan, app: Appendix, ordinal: int) -> list[Task]:
    out: list[Task] = []
    for table in app.tables:
        out.extend(_from_table(table, appendix=app.label or _short(app.title) or f"PL{ordinal}",
                               party=agencies.party_issued(plan.meta.issuer)))
    return out


PLACE_CHARS = 60
"""How much of an unlabelled appendix's title names it in a task's place."""


def _short(title: str | None) -> str | None:
    """An appendix's title short enough to name a place ("DANH MỤC CÁC NHIỆM VỤ CHỦ YẾU KÈM THEO …")."""
    if title is None or len(title) <= PLACE_CHARS:
        return title
    return title[:PLACE_CHARS].rsplit(" ", 1)[0].rstrip(" ,;:") + " …"


def _from_table(table: Table, *, appendix: str | None = None, clause: str | None = None, party: bool = False) -> list[Task]:
    """A task table (an appendix's, or one printed in a clause): the first row whose cells name a
    task column and a lead column is its header; every later row with a task and a body is a task
    (rows naming only a group are headings of the rows below)."""
    out: list[Task] = []
    header_at = next((k for k, row in enumerate(table.rows[:4]) if {"text", "lead"} <= set(_columns(row))), None)
    if header_at is None:
        return out
    head, body_at = _header(table.rows, header_at)
    cols = _columns(head)
    # a schedule's first column is its time: a cell left empty under one is the same period, merged down
    time_leads = cols.get("time") == 0

    def cell(row: tuple[str, ...], name: str) -> str:
        k = cols.get(name)
        if k is None or k >= len(row):
            return ""
        return _names_cell(row[k]) if name in ("lead", "partners") else " ".join(row[k].split())

    group = None  # the label of the group heading the rows below ("I. Kinh tế số"): their numbers restart
    above = None  # the number of the last numbered row ("1", "II.3"): a letter's row is its point ("1.a")
    period = ""  # the time of the rows above, in a schedule whose first column is its time
    for r, row in enumerate(table.rows[body_at:], start=body_at + 1):
        text, lead = cell(row, "text"), cell(row, "lead")
        own = cell(row, "number").strip(" .)")
        if not text or not lead:
            heading = _GROUP_LABEL.match(" ".join(" ".join(row).split()))
            label = row[0].strip(" .)")
            if time_leads and sum(1 for c in row if c.strip()) <= 2 and (_GROUP_ALONE.fullmatch(label) or label.isdigit()):
                own, period = label, ""  # "I" | "GIAI ĐOẠN 1": a group's label where the time stands
            elif time_leads and cell(row, "time"):
                period = cell(row, "time")  # a row of no body's ("01/2020 | Phê duyệt … | Thủ tướng |  |"): its time goes on down
            if own and _GROUP_ALONE.fullmatch(own):  # "I" | "Kinh tế số": the label in the TT column
                group, above = own, None
            elif heading:
                group, above = heading.group(1), None
            elif own.isdigit():  # "1" | "Tổ chức tuyên truyền …": a group of points
                above = f"{group}.{own}" if group else own
            continue
        fields = {name: cell(row, name) for name in ("lead", "partners", "time", "product")}
        if time_leads:
            period = fields["time"] = fields["time"] or period
        number = own or None
        if number and number.isdigit():
            number = above = f"{group}.{number}" if group else number
        elif number and above and _POINT_LETTER.fullmatch(number):
            number = f"{above}.{number}"
        out.append(_task_of_row(text, fields, table.span, party=party, appendix=appendix, clause=clause, row=r, number=number))
    return out


_GROUP_LABEL = regex(r"([IVXL]{1,5}|[A-Z])\s*[.)]\s+\S")
"""A group row's label: "I. Kinh tế số", "B) Nhiệm vụ cụ thể" (a row of the group's name alone)."""
_GROUP_ALONE = regex(r"[IVXL]{1,5}|[A-Z]")
_POINT_LETTER = regex(r"[a-zđ]")
