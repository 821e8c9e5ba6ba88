"""The reports' words in the reader's language: Vietnamese by default (the readers are Vietnamese
officials), English on request. One vocabulary for every renderer (the comparison page, the
Markdown report, the history page), so that a status reads the same wherever it is shown; the
model and the JSON keep their English identifiers ("modified", "fuzzy"), the reader sees words.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ..compiled import regex

_WORDS: dict[str, tuple[Any, Any]] = {
    "labels": (
        {"unchanged": "không đổi", "modified": "sửa đổi", "moved": "chuyển vị trí / đánh số lại", "split": "tách",
         "merged": "gộp", "added": "bổ sung", "removed": "bỏ"},
        {"unchanged": "unchanged", "modified": "modified", "moved": "moved / renumbered", "split": "split", "merged": "merged",
         "added": "added", "removed": "removed"},
    ),
    "cross_labels": (
        {"added": "chỉ có ở B", "removed": "chỉ có ở A", "modified": "khác lời", "unchanged": "giống nhau"},
        {"added": "only in B", "removed": "only in A", "modified": "worded differently", "unchanged": "the same"},
    ),
    "summary": ("Tóm tắt", "Summary"),
    "per_section": ("Theo mục", "Per section"),
    "section": ("mục", "section"),
    "changes_list": ("Những thay đổi chính", "Main changes"),
    "show": ("Hiện:", "Show:"),
    "view": ("Cách xem:", "View:"),
    "side": ("hai cột", "side by side"),
    "inline": ("đánh dấu trong dòng", "inline redline"),
    "prev": ("◀ thay đổi trước", "◀ previous change"),
    "next": ("thay đổi sau ▶", "next change ▶"),
    "keys": ("phím: n / p", "keys: n / p"),
    "status": ("trạng thái", "status"),
    "changes": ("thay đổi", "changes"),
    "contents": ("Mục lục", "Contents"),
    "removed_from": ("Bỏ khỏi", "Removed from"),
    "search": ("Tìm:", "Search:"),
    "search_hint": ("từ, cơ quan, điều khoản…", "words, agency, clause…"),
    "subst": ("chỉ thay địa danh, năm", "place names and years only"),
    "hide_subst": ("ẩn thay thế dự kiến", "hide expected substitutions"),
    "review": ("cần xem lại", "review"),
    "with": ("cùng với", "with"),
    "under": ("dưới", "under"),
    "from": ("từ", "from"),
    "mode_same": ("các phiên bản của một cơ quan ban hành", "versions of one issuer"),
    "mode_cross": ("văn bản của hai cơ quan khác nhau (so sánh nội dung)", "documents of two different authorities (text reuse)"),
    "mode": ("Chế độ", "Mode"),
    "thresholds": ("Ngưỡng tương đồng", "Similarity thresholds"),
    "legend": ("Chú giải", "Legend"),
    "legend_text": (
        "Điểm 0–1: độ giống nhau của lời văn (1: cùng lời). Quy tắc ghép: trùng nội dung (cùng lời, không kể địa danh, năm), "
        "gần giống, theo mục cha (mục cha đã ghép), theo vị trí (cùng vị trí trong mục cha đã ghép), theo điều khoản con "
        "(tiêu đề đi theo các điều khoản dưới nó), theo phần (mục duy nhất của một phần ở mỗi bên), tách, gộp. «cần xem lại»: "
        "độ tin cậy thấp.",
        "Score 0–1: how alike the words are (1: the same words). Rules: exact, fuzzy, context (parents paired), position "
        "(same place under paired parents), container (the heading followed its content), split/merge. “review”: low "
        "confidence.",
    ),
    "basis": ("Căn cứ, người ký, nơi nhận", "Legal basis, signer, recipients"),
    "signer": ("Người ký", "Signer"),
    "recipients_added": ("Nơi nhận thêm", "Recipients added"),
    "recipients_dropped": ("Nơi nhận bỏ", "Recipients dropped"),
    "cites": ("Văn bản được viện dẫn", "Instruments cited"),
    "added": ("Thêm", "Added"),
    "dropped": ("Bỏ", "Dropped"),
    "kept": ("Giữ", "Kept"),
    "by_agency": ("Theo cơ quan", "By agency"),
    "agency": ("Cơ quan:", "Agency:"),
    "all_agencies": ("— tất cả các cơ quan —", "— all agencies —"),
    "little": (
        "Cảnh báo: hai văn bản gần như không có gì chung ({share:.0%} điều khoản ghép được); có thể đây không phải hai phiên "
        "bản của cùng một kế hoạch.",
        "Warning: the two documents share almost nothing ({share:.0%} of clauses paired); they may not be two versions of one "
        "plan.",
    ),
    "tag_a": ("A (cũ)", "A (old)"),
    "tag_b": ("B (mới)", "B (new)"),
    "tag_a_cross": ("A", "A"),
    "tag_b_cross": ("B", "B"),
    "more": ("và {n} thay đổi khác", "and {n} more changes"),
    "appendices": ("Phụ lục", "Appendices"),
    "roles": ({"basis": "căn cứ", "mention": "viện dẫn"}, {"basis": "basis", "mention": "mention"}),
    "rules": (
        {"exact": "trùng nội dung", "fuzzy": "gần giống", "context": "theo mục cha", "position": "theo vị trí",
         "title": "theo tiêu đề", "container": "theo điều khoản con", "part": "theo phần", "split": "tách", "merge": "gộp"},
        {},
    ),
    "thresholds_named": (
        {"confident": "chắc chắn", "accept": "chấp nhận", "context": "theo mục cha", "positional": "theo vị trí",
         "group_gain": "lợi khi gộp", "summary_gain": "lợi khi tóm tắt", "summary_sim": "giống bản tóm tắt",
         "review": "cần xem lại"},
        {},
    ),
    "task_status": (
        {"added": "+ mới", "removed": "− bỏ", "changed": "~ thay đổi", "kept": "= giữ nguyên", "moved_in": "↘ chuyển đến",
         "moved_out": "↗ chuyển đi"},
        {"added": "+ new", "removed": "− gone", "changed": "~ changed", "kept": "= kept", "moved_in": "↘ moved in",
         "moved_out": "↗ moved out"},
    ),
    "relations": (
        {"same": "giữ nguyên", "renamed": "đổi tên", "succeeded": "cơ quan kế nhiệm", "removed": "chỉ có ở A",
         "added": "chỉ có ở B"},
        {"same": "same", "renamed": "renamed", "succeeded": "succeeded", "removed": "only in A", "added": "only in B"},
    ),
    "moved_from": ("từ {agency} ({clause})", "from {agency} ({clause})"),
    "moved_to": ("sang {agency} ({clause})", "to {agency} ({clause})"),
    "review_short": ("cần xem lại", "review"),
    "text_unchanged": ("lời không đổi", "text unchanged"),
    "only_in_a": ("chỉ có ở A", "only in A"),
    "only_in_b": ("chỉ có ở B", "only in B"),
    "appendix": ("phụ lục", "appendix"),
    "closing": ("người ký, nơi nhận", "signer, recipients"),
    "signer_short": ("người ký", "signer"),
    "recipient_added": ("nơi nhận thêm", "recipient added"),
    "recipient_dropped": ("nơi nhận bỏ", "recipient dropped"),
    "history": ("lịch sử", "history"),
    "clause": ("điều khoản", "clause"),
    "version": ("phiên bản", "version"),
    "changed_only": ("chỉ các điều khoản có thay đổi", "changed clauses only"),
    "plan": ("Kế hoạch", "Plan"),
    "duties": ("Nhiệm vụ theo cơ quan", "Duties by agency"),
    "duties_count": ("{n} nhiệm vụ của {m} cơ quan", "{n} duties of {m} agencies"),
    "first_date": ("mốc sớm nhất", "first date"),
    "dated_only": ("chỉ việc có thời hạn", "dated duties only"),
    "calendar": ("Lịch thực hiện", "Calendar"),
    "no_dates": ("Kế hoạch không ghi thời hạn nào.", "The plan sets no dates."),
    "also_written": ("còn ghi là:", "also written:"),
    "no_duties": ("(không tìm thấy nhiệm vụ nào của cơ quan nào)", "(no agency's duties found)"),
    "moved_label": ("chuyển", "moved"),
    "deadline_label": ("thời hạn", "deadline"),
    "via": ({"succession": "kế nhiệm", "text": "theo lời văn"}, {"succession": "succession", "text": "text"}),
    "kind_names": (
        {"task": "nhiệm vụ", "report": "báo cáo", "request": "đề nghị"},
        {"task": "task", "report": "report", "request": "request"},
    ),
    "partners": ("phối hợp", "with"),
    "product": ("sản phẩm", "yields"),
    "report_to": ("báo cáo về", "reports to"),
    "history_status": (
        {"appeared": "xuất hiện", "unchanged": "không đổi", "modified": "sửa đổi", "moved": "chuyển vị trí", "split": "tách",
         "merged": "gộp", "merged_into": "gộp vào", "dropped": "bỏ"},
        {},
    ),
}
"""Each word of the reports with its Vietnamese and its English, side by side: a word is never in one
language alone. A dict in English left empty keeps the model's identifiers as the words."""
LANGS = ("vi", "en")
STRINGS: dict[str, dict[str, Any]] = {lang: {"lang": lang, **{key: pair[k] for key, pair in _WORDS.items()}}
                                      for k, lang in enumerate(LANGS)}
"""The words by language ("vi", "en"), as the renderers look them up."""


_EVIDENCE_VI = {
    "keeps its neighbours' order": "giữ thứ tự với các điều khoản bên cạnh",
    "each side's only section of its part": "mục duy nhất của phần đó ở mỗi bên",
    "parts agree": "các phần khớp", "parents paired": "mục cha đã ghép", "same label": "cùng số thứ tự",
    "parts differ": "khác phần", "same part": "cùng phần", "same body": "cùng cơ quan", "titled alike": "tiêu đề giống nhau", "beat": "hơn",
    "text": "lời văn",
    # the parts of a plan (``compare.aligner.ROLES``)
    "purpose": "mục đích", "requirements": "yêu cầu", "objectives": "mục tiêu", "scope": "phạm vi",
    "funding": "kinh phí", "implementation": "tổ chức thực hiện", "reporting": "báo cáo", "timeframe": "thời gian",
    "tasks": "nhiệm vụ", "agency": "cơ quan",
}
"""The phrases of an alignment's evidence (``Pair.evidence``, written by the aligner in English), in
Vietnamese; a rule's name is ``STRINGS["vi"]["rules"]``'s."""


def language(lang: str) -> dict[str, Any]:
    """The words of ``lang`` ("vi" or "en"); Vietnamese for any other."""
    return STRINGS.get(lang, STRINGS["vi"])


_ORDER_VI = {
    "reordered: the versions were given as": "thứ tự đã sắp lại; thứ tự đưa vào:", "not signed": "chưa ký",
    "signed by": "người ký", "signed": "đã ký", "number": "số", "a draft": "dự thảo", "dated": "ngày", "month": "tháng",
    "year": "năm", "undated": "không ghi ngày", "version": "lần",
    # where a draft says it is one (``Meta.draft_where``)
    "page header": "đầu trang", "header line": "dòng đầu văn bản", "number line": "dòng số ký hiệu", "title": "tiêu đề",
}
"""The phrases of a history's ordering evidence (``History.order``, written in English), in Vietnamese."""


@lru_cache(maxsize=8)
def _phrases(table: str, lang: str) -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern for a table's phrases, the longest first ("same part" before "part"), each
    standing apart from the words and names around it."""
    words = ({"evidence": {**_EVIDENCE_VI, **STRINGS["vi"]["rules"]}, "order": _ORDER_VI}[table]
             if lang == "vi" else {})
    keys = sorted(words, key=len, reverse=True)
    if not keys:
        return regex(r"(?!)"), words
    return regex(r"(?<![\w'-])(?:" + "|".join(map(re.escape, keys)) + r")(?![\w'-])"), words


def evidence_words(evidence: str, lang: str) -> str:
    """An alignment's evidence ("fuzzy · text 0.82 · parents paired +0.10") in the reader's
    language; a phrase it does not know stays as the aligner wrote it."""
    pattern, words = _phrases("evidence", lang)
    return pattern.sub(lambda m: words[m.group(0)], evidence)


def order_words(line: str, lang: str) -> str:
    """A line of a history's ordering evidence ("v2: dated 2026-01-15, signed, number 12/KH-UBND")
    in the reader's language."""
    pattern, words = _phrases("order", lang)
    return pattern.sub(lambda m: words[m.group(0)], line)
