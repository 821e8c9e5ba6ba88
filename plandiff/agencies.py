"""Agencies with an identity: the same body under its spellings and abbreviations ("Sở LĐ-TB&XH",
"Sở Lao động - Thương binh và Xã hội"), a province's Sở and a district's Phòng of one field, and the
2025 reorganisation's successors (``plandiff/data/agencies.json``, with its sources).

Names are never invented: a task's agency is the name as printed; the key only says which bodies
are the same.
"""

from __future__ import annotations

import json
import re
from functools import cache, lru_cache

from .compiled import dataclass, regex
from .datafiles import read_text
from .textnorm import match_key


@dataclass(frozen=True, slots=True)
class AgencyKind:
    key: str
    name: str
    """The usual name of the role (a province's), for people; never put on a task."""
    pattern: re.Pattern[str]
    commanded: bool
    """Whether a People's Committee commands the body; plans ask the others ("Đề nghị …")."""


@dataclass(frozen=True, slots=True)
class Successor:
    key: str
    topics: tuple[str, ...] = ()


@cache
def _data() -> dict:
    return json.loads(read_text("agencies.json"))


@cache
def kinds() -> tuple[AgencyKind, ...]:
    return tuple(AgencyKind(a["key"], a["name"], regex(a["match"]), a["commanded"]) for a in _data()["agencies"])


@cache
def successions() -> dict[str, tuple[Successor, ...]]:
    return {s["from"]: tuple(Successor(t["key"], tuple(t.get("topics", ()))) for t in s["to"]) for s in _data()["successions"]}


_LEAD = regex(r"^(?:đề nghị|giao(?: cho)?|yêu cầu)\s+")


HEAD_TITLES = r"(?:phó\s+)?(?:giám đốc|thủ trưởng|chủ tịch|chánh|trưởng ban|trưởng phòng|bộ trưởng|cục trưởng|" \
              r"chi cục trưởng|tổng giám đốc|viện trưởng|chỉ huy trưởng)"
"""The titles of a body's head ("Giám đốc Sở Y tế", "Chủ tịch Ủy ban nhân dân các xã", "Chánh Văn
phòng UBND tỉnh"), in lower case: the head acts for the body."""
_HEAD_OF = regex(r"^" + HEAD_TITLES + r"\s+(?=(?:các\s+)?(?:sở|bộ|ủy ban|ubnd|công an|văn phòng|thanh tra|ban|"
                      r"phòng|cục|chi cục|trung tâm|bộ chỉ huy|ngân hàng|kho bạc|bảo hiểm|đài|báo)\b)")
"""A head's title before the body's name: the body's key, as the body's own name has."""
_KINDS_LISTED = regex(r"^các\s+(?:bộ|sở|ban|cục|vụ|phòng)\s*:")
"""Bodies of one kind listed after it ("Các Bộ: Công an, Kế hoạch và Đầu tư"): a group, none of them."""


def lists_kind(name: str) -> bool:
    """Whether ``name`` lists bodies after their kind ("Các Bộ: Công Thương, Xây dựng")."""
    return _KINDS_LISTED.match(match_key(name)) is not None


@lru_cache(maxsize=4096)
def key_of(name: str) -> str | None:
    """The role of a body named as printed ("Sở Văn hóa và Thể thao" → "van-hoa"), or None (a
    group listed by its kind is no one body). Asked of the same names again and again (each
    task's, each agency item's when plans are aligned): remembered."""
    text = _HEAD_OF.sub("", _LEAD.sub("", match_key(name)).replace("uỷ", "ủy"))
    if _KINDS_LISTED.match(text):  # (a group listed by its kind is no one body)
        return None
    for kind in kinds():
        if kind.pattern.search(text):
            return kind.key
    return None


def kind_of(key: str | None) -> AgencyKind | None:
    return next((k for k in kinds() if k.key == key), None)


def commanded(key: str | None, *, by_party: bool = False) -> bool:
    """Whether the plan's issuer commands the body: a People's Committee its departments and
    lower committees, not the Front, the unions, the Party or the courts; a Party committee
    directs every body its programme names ("Trách nhiệm chỉ đạo thực hiện: Đảng ủy Ủy ban nhân
    dân tỉnh")."""
    if by_party:
        return True
    kind = kind_of(key)
    return True if kind is None else kind.commanded


_PARTY = regex(r"^(?:ban thường vụ\s+|ban chấp hành\s+)?(?:tỉnh ủy|thành ủy|huyện ủy|quận ủy|thị ủy|đảng ủy|đảng bộ|chi bộ)\b")


def party_issued(issuer: str | None) -> bool:
    """Whether a Party committee issued the plan ("TỈNH UỶ LÀO CAI", "ĐẢNG ỦY XÃ …")."""
    return bool(issuer) and _PARTY.match(match_key(issuer).replace("uỷ", "ủy")) is not None  # type: ignore[arg-type]


def successor(key: str | None, text: str) -> str | None:
    """Where the duty ``text`` of an abolished body went: the successor whose topics the duty
    names, else the first successor; None when the body was not reorganised."""
    options = successions().get(key or "")
    if not options:
        return None
    low = match_key(text)
    for option in options:
        if option.topics and any(t in low for t in option.topics):
            return option.key
    return options[0].key


def successors(key: str | None) -> tuple[str, ...]:
    return tuple(s.key for s in successions().get(key or "", ()))
