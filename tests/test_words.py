"""The reports in the reader's language: Vietnamese by default, English on request, in the page,
the Markdown report and the history page alike; the model and the JSON keep their identifiers."""

from __future__ import annotations

import itertools
import re
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import html as lhtml

import plandiff
from plandiff.render.words import _EVIDENCE_VI, _ORDER_VI, STRINGS, evidence_words, order_words
from plandiff.tasks import compare_tasks
from plandiff.tasks import tasks as tasks_of
from tests.conftest import FIXTURES, load

OFFICE = FIXTURES / "office"
SEEDS = ("tth-2023", "tth-2024", "hue-2026", "anlao-2024", "hungyen-2024")


def _vietnamese_words() -> set[str]:
    """Every word the Vietnamese vocabulary uses."""
    values: list[str] = [*_EVIDENCE_VI.values(), *_ORDER_VI.values()]
    for value in STRINGS["vi"].values():
        values.extend(value.values() if isinstance(value, dict) else [value])
    return {w for v in values for w in re.findall(r"[^\W\d_]+", v.lower())}


def _left_over(text: str) -> set[str]:
    """The words of a translated text that are no Vietnamese word of the vocabulary (clause ids,
    numbers and plan names are not words here)."""
    words = set(re.findall(r"(?<![\w.])[^\W\d_]+(?![\w.])", re.sub(r"\b[IVXL]+\b|\b\w+(?:\.\w+)+", " ", text).lower()))
    return words - _vietnamese_words()


def test_every_phrase_of_the_aligners_evidence_is_said_in_vietnamese() -> None:
    plans = [load(n) for n in SEEDS]
    said: set[str] = set()
    for a, b in itertools.permutations(plans, 2):
        for pair in plandiff.align(a, b).pairs:
            said.add(pair.evidence or pair.rule)
    assert len(said) > 100 and any("·" in e for e in said)
    left = {e: _left_over(evidence_words(e, "vi")) for e in said}
    assert {e: w for e, w in left.items() if w} == {}
    # in English the aligner's words are shown as it wrote them
    assert all(evidence_words(e, "en") == e for e in said)


def test_a_phrase_inside_a_name_is_not_translated() -> None:
    # "text" and "part" stand apart from the words and names around them, or stay
    assert evidence_words("fuzzy · text 0.82 · beat II.3 (0.41)", "vi") == "gần giống · lời văn 0.82 · hơn II.3 (0.41)"
    assert order_words("kế-hoạch-text-2026: dated 2026-01-02, signed, number 12/KH-UBND", "vi") == \
        "kế-hoạch-text-2026: ngày 2026-01-02, đã ký, số 12/KH-UBND"


def test_the_pages_agency_section_and_evidence_in_vietnamese_and_in_english() -> None:
    a, b = load("tth-2024"), load("hue-2026")
    al = plandiff.align(a, b)
    duties = compare_tasks(a, b, al).to_dict()
    vi = lhtml.fromstring(plandiff.render_html(al, tasks=duties))
    en = lhtml.fromstring(plandiff.render_html(al, tasks=duties, lang="en"))
    for doc in (vi, en):
        for bad in doc.xpath("//script|//style"):
            bad.getparent().remove(bad)
    badges = {li.get("data-status"): li.xpath("./span[@class='badge']")[0].text for li in vi.xpath("//li[@data-status]")}
    assert badges["moved_out"] == "↗ chuyển đi" and badges["moved_in"] == "↘ chuyển đến"
    assert {li.get("data-status") for li in en.xpath("//li[@data-status]")} == set(badges)
    assert en.xpath("//li[@data-status='moved_out']/span[@class='badge']")[0].text == "↗ moved out"
    # a clause's duty leads to its row of the comparison (on the side it is from)
    from urllib.parse import unquote

    ids = set(vi.xpath("//@id"))
    links = [unquote(h) for h in vi.xpath("//section[@id='by-agency']//li[@data-status]/a/@href")]
    assert len(links) > 40 and all(h[1:] in ids for h in links)
    # the side of the text shown: a duty gone from B is A's
    assert all(h.startswith("#a-") for h in vi.xpath("//li[@data-status='removed']/a/@href"))
    assert all(h.startswith("#b-") for h in vi.xpath("//li[@data-status='added']/a/@href"))
    titles = [h.text for h in vi.xpath("//div[@data-relation='succeeded']/h4")]
    assert titles and all(t.endswith("(cơ quan kế nhiệm)") for t in titles)
    assert all(t.endswith("(succeeded)") for t in (h.text for h in en.xpath("//div[@data-relation='succeeded']/h4")))
    # no word of the aligner's or the duties' English is left on the Vietnamese page, shown or in a tooltip
    english = {"exact", "fuzzy", "context", "position", "container", "merge", "moved", "changed", "same", "kept", "gone",
               "renamed", "succeeded", "parents", "paired", "label", "text", "beat", "titled", "confident", "accept",
               "positional", "review", "from", "to", "new"}
    shown = " ".join([vi.text_content(), *vi.xpath("//@title")])
    assert english & set(re.findall(r"[^\W\d_]+", shown.lower())) == set()
    assert {"fuzzy", "moved", "review"} <= set(re.findall(r"[^\W\d_]+", en.text_content().lower()))


def test_the_markdown_report_speaks_the_pages_language() -> None:
    al = plandiff.align(load("tth-2024"), load("hue-2026"))
    vi, en = plandiff.render_markdown(al), plandiff.render_markdown(al, lang="en")
    heads_vi = [line for line in vi.splitlines() if line.startswith("## ")]
    heads_en = [line for line in en.splitlines() if line.startswith("## ")]
    assert len(heads_vi) == len(heads_en) > 10
    assert any(h.startswith("## sửa đổi: ") for h in heads_vi) and any(h.startswith("## modified: ") for h in heads_en)
    assert "| sửa đổi |" in vi and "| modified |" in en
    assert ", cần xem lại)" in vi and ", review)" in en
    # the clauses' text and its redline are the same in both
    assert re.findall(r"~~[^~]+~~|\*\*[^*]+\*\*", vi) == re.findall(r"~~[^~]+~~|\*\*[^*]+\*\*", en)


def test_the_history_page_in_vietnamese_and_in_english() -> None:
    draft, edited = plandiff.parse(OFFICE / "lamdong-ttcchc-2026-1.docx"), plandiff.parse(OFFICE / "lamdong-ttcchc-2026-2.docx")
    h = plandiff.history([edited, draft])
    vi, en = lhtml.fromstring(plandiff.render_history_html(h)), lhtml.fromstring(plandiff.render_history_html(h, lang="en"))
    assert vi.get("lang") == "vi" and en.get("lang") == "en"
    statuses = {td.get("data-status") for td in vi.xpath("//td[@data-status]/span[@class='badge']/..")}
    assert "modified" in statuses
    said_vi = {td.get("data-status"): td.xpath("./span[@class='badge']")[0].text for td in vi.xpath("//td[@data-status]")
               if td.xpath("./span[@class='badge']")}
    said_en = {td.get("data-status"): td.xpath("./span[@class='badge']")[0].text for td in en.xpath("//td[@data-status]")
               if td.xpath("./span[@class='badge']")}
    assert said_vi["modified"] == "~ sửa đổi" and said_en["modified"] == "~ modified"
    order_vi = [li.text for li in vi.xpath("//ul[contains(@class,'order')]/li")]
    order_en = [li.text for li in en.xpath("//ul[contains(@class,'order')]/li")]
    assert order_en == list(h.order)
    assert order_vi[0].endswith("chưa ký") and "người ký Nguyễn Ngọc Phúc" in order_vi[1]
    assert order_vi[-1].startswith("thứ tự đã sắp lại")
    english = {w for phrase in _ORDER_VI for w in phrase.split()}
    assert all(english.isdisjoint(re.findall(r"[^\W\d_]+", x)) for x in order_vi)


@pytest.mark.parametrize("lang, head", [("vi", "## sửa đổi: "), ("en", "## modified: ")])
def test_the_command_hands_its_language_to_every_report(tmp_path: Path, lang: str, head: str) -> None:
    md, page = tmp_path / "r.md", tmp_path / "h.html"
    done = subprocess.run([sys.executable, "-m", "plandiff_cli.main", "diff", str(FIXTURES / "tth-2024.txt"),
                           str(FIXTURES / "hue-2026.txt"), "-o", str(md), "--lang", lang], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert head in md.read_text(encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "plandiff_cli.main", "history", str(FIXTURES / "tth-2023.md"),
                           str(FIXTURES / "tth-2024.txt"), "-o", str(page), "--lang", lang], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert lhtml.fromstring(page.read_text(encoding="utf-8")).get("lang") == lang


def test_the_duties_as_text_speak_the_readers_language() -> None:
    from plandiff.tasks.render import by_agency

    found = tasks_of(load("hue-2026"))
    vi, en = by_agency(found), by_agency(found, lang="en")
    assert " báo cáo " in vi and " nhiệm vụ " in vi and " report " not in vi
    assert " report " in en and " task " in en
    assert by_agency([]).strip() == STRINGS["vi"]["no_duties"]


def test_two_plans_duties_compared_as_text_speak_the_readers_language() -> None:
    from plandiff.tasks.render import comparison_text

    a, b = load("tth-2024"), load("hue-2026")
    d = compare_tasks(a, b, plandiff.align(a, b)).to_dict()
    vi, en = comparison_text(d), comparison_text(d, lang="en")
    assert "cơ quan kế nhiệm Sở Lao động - Thương binh và Xã hội → Sở Nội vụ" in vi and "(kế nhiệm)" in vi
    assert "succeeded" in en and "(succession)" in en and "succeeded" not in vi
    assert len(vi.splitlines()) == len(en.splitlines())


def test_every_word_is_in_both_languages() -> None:
    """A table of words is the same table in Vietnamese and English (an English one left empty keeps
    the model's identifiers); a string with a slot has the same slots in both."""
    import string

    vi, en = STRINGS["vi"], STRINGS["en"]
    assert set(vi) == set(en)
    for key, word in vi.items():
        if isinstance(word, dict):
            assert not en[key] or set(en[key]) == set(word), key
        elif key != "lang":
            slots = [{f for _, f, _, _ in string.Formatter().parse(w) if f} for w in (word, en[key])]
            assert slots[0] == slots[1], key


def test_the_citations_roles_as_text_in_the_readers_language(tmp_path: Path) -> None:
    for lang, basis in (("vi", "căn cứ"), ("en", "basis")):
        done = subprocess.run([sys.executable, "-m", "plandiff_cli.main", "cite", str(FIXTURES / "hue-2026.txt"), "--lang",
                               lang], capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        first = done.stdout.splitlines()[0]
        assert first.startswith(basis) and "28/NQ-CP" in first
