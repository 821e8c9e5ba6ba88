"""The citation graph over the five fixtures: tracing directives to the plans that carry them out."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

import plandiff
from plandiff.cite.graph import plan_id
from tests.conftest import CHROMIUM, PLAN_FILES, load, needs_chromium


@pytest.fixture(scope="module")
def graph() -> plandiff.CitationGraph:
    g = plandiff.CitationGraph()
    for path in PLAN_FILES:
        g.add_plan(load(path.stem), file=path.name)
    return g


def test_tracing_the_national_strategy(graph: plandiff.CitationGraph) -> None:
    result = graph.trace("28/NQ-CP")
    files = {p["file"]: p for p in result["plans"]}
    assert set(files) == {"hue-2026.txt", "tth-2023.md", "tth-2024.txt", "hungyen-2024.txt"}
    assert files["hue-2026.txt"]["direct"] and files["hue-2026.txt"]["edges"] == ["implements"]
    for name in ("tth-2023.md", "tth-2024.txt", "hungyen-2024.txt"):
        via = files[name]["via"]
        assert via[-1] == "28/NQ-CP" and via[0].startswith("Chiến lược quốc gia về bình đẳng giới")
    assert result["instrument"]["type"] == "Nghị quyết"


def test_one_provincial_plan_cited_by_the_three_hue_plans(graph: plandiff.CitationGraph) -> None:
    assert graph.find_instrument("385/KH-UBND") == ["385/KH-UBND@huế/2021"]
    files = {p["file"] for p in graph.trace("385/KH-UBND")["plans"]}
    assert files == {"hue-2026.txt", "tth-2023.md", "tth-2024.txt"}


def test_edges_and_series(graph: plandiff.CitationGraph) -> None:
    g = graph.graph
    tth24 = plan_id(load("tth-2024"))
    assert tth24 == "14/KH-UBND@huế/2024"
    assert g.edges[tth24, "212/KH-UBND@huế/2021"]["kind"] == "implements"
    assert g.edges[tth24, "1719/QĐ-TTg"]["kind"] == "cites"
    assert g.edges[tth24, "1719/QĐ-TTg"]["clauses"] == "IV.10.a,IV.15.b.-3"
    # an instrument carrying out another: "Kế hoạch 212/KH-UBND … về thực hiện Chiến lược quốc gia …"
    assert g.edges["212/KH-UBND@huế/2021", "28/NQ-CP"]["kind"] == "implements"
    series = [(u, v) for u, v, d in g.edges(data=True) if d["kind"] == "next_version"]
    assert sorted(series) == sorted([("plan:tth-2023", tth24), (tth24, "60/KH-UBND@huế/2026")])
    ancestors = {r["instrument"] for r in graph.ancestry("plan:anlao-2024")}
    assert "28/NQ-CP" not in ancestors and "2282/QĐ-TTg" in ancestors


def test_serialisations_round_trip(graph: plandiff.CitationGraph, tmp_path) -> None:
    path = tmp_path / "g.graphml"
    path.write_text(graph.to_graphml(), encoding="utf-8")
    back = nx.read_graphml(path)
    assert back.number_of_nodes() == graph.graph.number_of_nodes()
    assert back.number_of_edges() == graph.graph.number_of_edges()
    data = graph.to_node_link()
    assert nx.node_link_graph(data, edges="links").number_of_edges() == graph.graph.number_of_edges()
    page = graph.write(tmp_path / "g.html")
    assert "<svg" in page and 'id="graph-data"' in page


@needs_chromium
def test_graph_page_highlights_only_the_clicked_nodes_chains(tmp_path: Path) -> None:
    playwright = pytest.importorskip("playwright.sync_api")
    plans = [load(n) for n in ("tth-2023", "tth-2024", "hue-2026", "hungyen-2024", "anlao-2024")]
    g = plandiff.CitationGraph(plans)
    page_file = tmp_path / "graph.html"
    page_file.write_text(g.write(page_file), encoding="utf-8")
    derivation = [(u, v) for u, v, d in g.graph.edges(data=True) if d["kind"] != "next_version"]
    sub = nx.DiGraph(derivation)
    up, down = nx.descendants(sub, "28/NQ-CP") | {"28/NQ-CP"}, nx.ancestors(sub, "28/NQ-CP") | {"28/NQ-CP"}
    expected = {(u, v) for u, v in derivation if (u in up and v in up) or (u in down and v in down)}
    errors: list[str] = []
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(page_file.as_uri())
        page.wait_for_selector("body[data-ready=true]")
        node = page.locator('.node[data-id="28/NQ-CP"]')
        for _ in range(2):  # a second click sets the same highlight, never flips it
            node.click()
            lit = page.eval_on_selector_all(".edge.hi", "es => es.map(e => [e.dataset.source, e.dataset.target])")
            assert {tuple(x) for x in lit} == expected
        info = page.inner_text("#info")
        assert "Chiến lược quốc gia về bình đẳng giới" in info and "Chính phủ" in info and "2021-03-03" in info
        assert "hue-2026" in info and "anlao-2024" not in info  # the plans that derive from it
        page.fill("#filter", "385/KH")
        assert page.locator(".node:not(.filtered)").count() == 1
        # plans on a time axis: the next version below the one before
        ys = {pid: page.locator(f'.node[data-id="{pid}"]').bounding_box()["y"] for pid in g.plans()}
        year = {pid: g.graph.nodes[pid]["year"] for pid in g.plans()}
        assert all(ys[x] < ys[y] for x in ys for y in ys if year[x] < year[y])
        browser.close()
    assert errors == []


def test_a_plan_carries_out_what_its_title_names_where_its_body_does_not() -> None:
    """The Politburo's programme names the conclusion it carries out in its title only (its body
    says "Kết luận Hội nghị lần thứ ba"): a citation of the title, and the plan implements it."""
    plan = plandiff.parse_file(Path(__file__).resolve().parent.parent / "fixtures" / "field" / "bct-ctr31-2026.txt")
    in_title = [c for c in plandiff.citations(plan) if c.clause == "title"]
    assert [(c.symbol, c.type, c.role) for c in in_title] == [("75-KL/TW", "Kết luận", "mention")]
    assert "75-KL/TW" in plan.source[in_title[0].span.start:in_title[0].span.end]
    assert not any(c.symbol == "75-KL/TW" for c in plandiff.citations(plan) if c.clause != "title")
    g = plandiff.CitationGraph()
    g.add_plan(plan, file="bct-ctr31-2026.txt")
    assert [e["kind"] for _, v, e in g.graph.edges(data=True) if v == "75-KL/TW"] == ["implements"]
    # a title that names an instrument without carrying it out cites it
    text = ("KẾ HOẠCH\nSỬA ĐỔI, BỔ SUNG KẾ HOẠCH SỐ 12/KH-UBND NGÀY 15/01/2025 CỦA ỦY BAN NHÂN DÂN TỈNH\n\n"
            "I. MỤC ĐÍCH\n\n1. Điều chỉnh tiến độ các nhiệm vụ.\n")
    other = plandiff.parse(text, name="so-ket")
    g.add_plan(other, file="so-ket.txt")
    edges = {v: e["kind"] for u, v, e in g.graph.edges(data=True) if u == plan_id(other)}
    assert [(v.split("@")[0], kind) for v, kind in edges.items()] == [("12/KH-UBND", "cites")]
