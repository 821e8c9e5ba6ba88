"""The reports' words in the reader's language: Vietnamese by default (the readers are Vietnamese
officials), English on request. One vocabulary for every renderer (the comparison page, the
Markdown report, the history page), so that a status reads the same wherever it is shown; the
model and the JSON keep their English identifiers ("modified", "fuzzy"), the reader sees words.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

STRINGS = {
    "vi": {
        "lang": "vi",
        "labels": {"unchanged": "không đổi", "modified": "sửa đổi", "moved": "chuyển vị trí / đánh số lại", "split": "tách",
                   "merged": "gộp", "added": "bổ sung", "removed": "bỏ"},
        "cross_labels": {"added": "chỉ có ở B", "removed": "chỉ có ở A", "modified": "khác lời", "unchanged": "giống nhau"},
        "summary": "Tóm tắt", "per_section": "Theo mục", "section": "mục", "changes_list": "Những thay đổi chính",
        "show": "Hiện:", "view": "Cách xem:", "side": "hai cột", "inline": "đánh dấu trong dòng", "prev": "◀ thay đổi trước",
        "next": "thay đổi sau ▶", "keys": "phím: n / p", "status": "trạng thái", "changes": "thay đổi", "contents": "Mục lục",
        "removed_from": "Bỏ khỏi", "search": "Tìm:", "search_hint": "từ, cơ quan, điều khoản…", "subst": "chỉ thay địa danh, năm",
        "hide_subst": "ẩn thay thế dự kiến", "review": "cần xem lại", "with": "cùng với", "under": "dưới", "from": "từ",
        "mode_same": "các phiên bản của một cơ quan ban hành", "mode_cross": "văn bản của hai cơ quan khác nhau (so sánh nội dung)",
        "mode": "Chế độ", "thresholds": "Ngưỡng tương đồng", "legend": "Chú giải",
        "legend_text": "Điểm 0–1: độ giống nhau của lời văn (1: cùng lời). Quy tắc ghép: trùng nội dung (cùng lời, không kể địa danh, năm), "
                       "gần giống, theo mục cha (mục cha đã ghép), theo vị trí (cùng vị trí trong mục cha đã ghép), "
                       "theo điều khoản con (tiêu đề đi theo các điều khoản dưới nó), theo phần (mục duy nhất của một phần ở mỗi bên), tách, gộp. "
                       "«cần xem lại»: độ tin cậy thấp.",
        "basis": "Căn cứ, người ký, nơi nhận", "signer": "Người ký", "recipients_added": "Nơi nhận thêm",
        "recipients_dropped": "Nơi nhận bỏ", "cites": "Văn bản được viện dẫn", "added": "Thêm", "dropped": "Bỏ", "kept": "Giữ",
        "by_agency": "Theo cơ quan", "agency": "Cơ quan:", "all_agencies": "— tất cả các cơ quan —",
        "little": "Cảnh báo: hai văn bản gần như không có gì chung ({share:.0%} điều khoản ghép được); có thể đây không phải "
                  "hai phiên bản của cùng một kế hoạch.",
        "tag_a": "A (cũ)", "tag_b": "B (mới)", "tag_a_cross": "A", "tag_b_cross": "B", "more": "và {n} thay đổi khác",
        "appendices": "Phụ lục",
        "rules": {"exact": "trùng nội dung", "fuzzy": "gần giống", "context": "theo mục cha", "position": "theo vị trí",
                  "container": "theo điều khoản con", "part": "theo phần", "split": "tách", "merge": "gộp"},
        "thresholds_named": {"confident": "chắc chắn", "accept": "chấp nhận", "context": "theo mục cha",
                             "positional": "theo vị trí", "group_gain": "lợi khi gộp", "summary_gain": "lợi khi tóm tắt",
                             "summary_sim": "giống bản tóm tắt", "review": "cần xem lại"},
        "task_status": {"added": "+ mới", "removed": "− bỏ", "changed": "~ thay đổi", "kept": "= giữ nguyên",
                        "moved_in": "↘ chuyển đến", "moved_out": "↗ chuyển đi"},
        "relations": {"same": "giữ nguyên", "renamed": "đổi tên", "succeeded": "cơ quan kế nhiệm", "removed": "chỉ có ở A",
                      "added": "chỉ có ở B"},
        "moved_from": "từ {agency} ({clause})", "moved_to": "sang {agency} ({clause})",
        "review_short": "cần xem lại", "text_unchanged": "lời không đổi", "only_in_a": "chỉ có ở A", "only_in_b": "chỉ có ở B",
        "appendix": "phụ lục", "closing": "người ký, nơi nhận", "signer_short": "người ký",
        "recipient_added": "nơi nhận thêm", "recipient_dropped": "nơi nhận bỏ",
        "history": "lịch sử", "clause": "điều khoản", "version": "phiên bản", "changed_only": "chỉ các điều khoản có thay đổi",
        "plan": "Kế hoạch", "duties": "Nhiệm vụ theo cơ quan", "duties_count": "{n} nhiệm vụ của {m} cơ quan",
        "first_date": "mốc sớm nhất", "dated_only": "chỉ việc có thời hạn", "calendar": "Lịch thực hiện",
        "no_dates": "Kế hoạch không ghi thời hạn nào.", "also_written": "còn ghi là:",
        "no_duties": "(không tìm thấy nhiệm vụ nào của cơ quan nào)",
        "moved_label": "chuyển", "deadline_label": "thời hạn", "via": {"succession": "kế nhiệm", "text": "theo lời văn"},
        "kind_names": {"task": "nhiệm vụ", "report": "báo cáo", "request": "đề nghị"},
        "partners": "phối hợp", "product": "sản phẩm", "report_to": "báo cáo về",
        "history_status": {"appeared": "xuất hiện", "unchanged": "không đổi", "modified": "sửa đổi", "moved": "chuyển vị trí",
                           "split": "tách", "merged": "gộp", "merged_into": "gộp vào", "dropped": "bỏ"},
    },
    "en": {
        "lang": "en",
        "labels": {"unchanged": "unchanged", "modified": "modified", "moved": "moved / renumbered", "split": "split",
                   "merged": "merged", "added": "added", "removed": "removed"},
        "cross_labels": {"added": "only in B", "removed": "only in A", "modified": "worded differently", "unchanged": "the same"},
        "summary": "Summary", "per_section": "Per section", "section": "section", "changes_list": "Main changes",
        "show": "Show:", "view": "View:", "side": "side by side", "inline": "inline redline", "prev": "◀ previous change",
        "next": "next change ▶", "keys": "keys: n / p", "status": "status", "changes": "changes", "contents": "Contents",
        "removed_from": "Removed from", "search": "Search:", "search_hint": "words, agency, clause…",
        "subst": "place names and years only", "hide_subst": "hide expected substitutions", "review": "review", "with": "with",
        "under": "under", "from": "from", "mode_same": "versions of one issuer",
        "mode_cross": "documents of two different authorities (text reuse)", "mode": "Mode", "thresholds": "Similarity thresholds",
        "legend": "Legend",
        "legend_text": "Score 0–1: how alike the words are (1: the same words). Rules: exact, fuzzy, context (parents paired), "
                       "position (same place under paired parents), container (the heading followed its content), split/merge. "
                       "“review”: low confidence.",
        "basis": "Legal basis, signer, recipients", "signer": "Signer", "recipients_added": "Recipients added",
        "recipients_dropped": "Recipients dropped", "cites": "Instruments cited", "added": "Added", "dropped": "Dropped",
        "kept": "Kept", "by_agency": "By agency", "agency": "Agency:", "all_agencies": "— all agencies —",
        "little": "Warning: the two documents share almost nothing ({share:.0%} of clauses paired); they may not be two "
                  "versions of one plan.",
        "tag_a": "A (old)", "tag_b": "B (new)", "tag_a_cross": "A", "tag_b_cross": "B", "more": "and {n} more changes",
        "appendices": "Appendices",
        "rules": {},
        "thresholds_named": {},
        "task_status": {"added": "+ new", "removed": "− gone", "changed": "~ changed", "kept": "= kept",
                        "moved_in": "↘ moved in", "moved_out": "↗ moved out"},
        "relations": {"same": "same", "renamed": "renamed", "succeeded": "succeeded", "removed": "only in A",
                      "added": "only in B"},
        "moved_from": "from {agency} ({clause})", "moved_to": "to {agency} ({clause})",
        "review_short": "review", "text_unchanged": "text unchanged", "only_in_a": "only in A", "only_in_b": "only in B",
        "appendix": "appendix", "closing": "signer, recipients", "signer_short": "signer",
        "recipient_added": "recipient added", "recipient_dropped": "recipient dropped",
        "history": "history", "clause": "clause", "version": "version", "changed_only": "changed clauses only",
        "plan": "Plan", "duties": "Duties by agency", "duties_count": "{n} duties of {m} agencies",
        "first_date": "first date", "dated_only": "dated duties only", "calendar": "Calendar",
        "no_dates": "The plan sets no dates.", "also_written": "also written:",
        "no_duties": "(no agency's duties found)",
        "moved_label": "moved", "deadline_label": "deadline", "via": {"succession": "succession", "text": "text"},
        "kind_names": {"task": "task", "report": "report", "request": "request"},
        "partners": "with", "product": "yields", "report_to": "reports to",
        "history_status": {},
    },
}
"""The page's words, Vietnamese by default: its readers are Vietnamese officials."""


_EVIDENCE_VI = {
    "keeps its neighbours' order": "giữ thứ tự với các điều khoản bên cạnh",
    "each side's only section of its part": "mục duy nhất của phần đó ở mỗi bên",
    "parts agree": "các phần khớp", "parents paired": "mục cha đã ghép", "same label": "cùng số thứ tự",
    "parts differ": "khác phần", "same part": "cùng phần", "titled alike": "tiêu đề giống nhau", "beat": "hơn",
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
        return re.compile(r"(?!)"), words
    return re.compile(r"(?<![\w'-])(?:" + "|".join(map(re.escape, keys)) + r")(?![\w'-])"), words


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
