"""The HTML graph browser in a real browser: Debian Chromium, headless, driven by Playwright, with
the network off. `make test` installs Chromium and a Korean font (fonts-noto-cjk) when missing.
Screenshots are kept in build/test-artifacts/."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import networkx as nx
import pytest

from kg import network as kn
from kg import viz

pytestmark = pytest.mark.slow
ARTIFACTS = Path(__file__).resolve().parents[1] / "build" / "test-artifacts"


def chromium() -> str:
    path = os.environ.get("POLICYKG_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        pytest.fail("Chromium is not installed: `make test` installs it (apt-get install chromium fonts-noto-cjk), "
                    "or point POLICYKG_CHROMIUM at a Chromium binary")
    return path


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium(), args=["--no-sandbox", "--disable-gpu"])
        yield b
        b.close()


class Page:
    """A page opened from a file with the network disabled, recording console errors and requests."""

    def __init__(self, browser, path: Path) -> None:
        self.ctx = browser.new_context(offline=True, viewport={"width": 1400, "height": 900})
        self.page = self.ctx.new_page()
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: None if r.url.startswith(("file:", "data:")) else self.requests.append(r.url))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.goto(path.as_uri())
        self.page.wait_for_selector("body[data-drawn='1']", timeout=30_000)

    def click_node(self, node: str) -> None:
        box = self.page.locator("#mynetwork canvas").bounding_box()
        xy = self.page.evaluate("""(id) => { network.focus(id, {scale: 3, animation: false});
                                    return network.canvasToDOM(network.getPositions([id])[id]); }""", node)
        at = self.page.evaluate("(p) => network.getNodeAt(p)", xy)
        assert at == node, f"{at} is drawn over {node} at its position: the layout overlaps them"
        self.page.mouse.click(box["x"] + xy["x"], box["y"] + xy["y"])

    def close(self) -> None:
        self.ctx.close()


@pytest.fixture(scope="module")
def full(engine, tmp_path_factory):
    g = kn.project(engine)
    path = tmp_path_factory.mktemp("viz") / "graph.html"
    viz.write(path, viz.page(g, lang="en", title="policykg"))
    return g, path


def test_page_has_no_external_references(full):
    _g, path = full
    text = path.read_text(encoding="utf-8")
    assert viz.external_references(text) == []
    assert "cdn.jsdelivr" not in text and "cdnjs" not in text


def test_korean_font_is_installed():
    out = subprocess.run(["fc-list", ":lang=ko", "family"], capture_output=True, text=True).stdout
    assert out.strip(), "no font with Hangul: `make test` installs fonts-noto-cjk"


def test_graph_renders_offline_click_language_and_filter(browser, full):
    g, path = full
    p = Page(browser, path)
    try:
        assert p.page.evaluate("nodes.length") == g.number_of_nodes()
        assert p.page.evaluate("edges.length") == g.number_of_edges()
        drawn = p.page.evaluate("Object.keys(network.getPositions()).length")
        assert drawn == g.number_of_nodes()

        # click Japan: the panel shows its labels and the source sentences of its facts
        p.click_node("country/jp")
        assert p.page.text_content("#pk-panel h2") == "Japan"
        panel = p.page.text_content("#pk-panel")
        assert "ko: 일본" in panel and "en: Japan" in panel
        quotes = [e.quote for s, o, d in g.edges(data=True) if "country/jp" in (s, o) for e in d["evidence"] if e.quote]
        assert any(q in panel for q in quotes), panel[:500]

        # Korean labels, with a fallback to English where a label is missing
        p.page.click("#pk-lang")
        assert p.page.evaluate("nodes.get('country/jp').label") == "일본"
        no_ko = next((n for n, a in g.nodes(data=True) if not a.get("label_ko") and a.get("label_en")), None)
        if no_ko is not None:
            assert p.page.evaluate("(id) => nodes.get(id).label", no_ko) == g.nodes[no_ko]["label_en"]
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        p.page.screenshot(path=str(ARTIFACTS / "graph-ko.png"))

        # filter by a country: nodes unrelated to Japan are hidden, Japan's neighbours are not
        p.page.select_option("#pk-actor", "country/jp")
        hidden = set(p.page.evaluate("nodes.get({filter: n => n.hidden}).map(n => n.id)"))
        neighbours = set(g.successors("country/jp")) | set(g.predecessors("country/jp"))
        assert hidden and "country/jp" not in hidden and not (neighbours & hidden)
        assert "country/fr" in hidden or "country/fr" in neighbours
        p.page.screenshot(path=str(ARTIFACTS / "graph-filter-japan.png"))

        # filter by a layer of another scheme: the layer, what belongs to it and their neighbours stay
        p.page.select_option("#pk-actor", "")
        p.page.select_option("#pk-layer", "element/compute")
        shown = set(p.page.evaluate("nodes.get({filter: n => !n.hidden}).map(n => n.id)"))
        assert "element/compute" in shown and len(shown) < g.number_of_nodes()
        members = {s for s, o, rel in g.in_edges("element/compute", keys=True) if rel == "belongsToLayer"}
        assert members <= shown
        p.page.select_option("#pk-layer", "")

        # filter by status: with only "proposed" checked, every visible edge is a proposed one
        for status in ("curated", "accepted", "inferred", "ontology"):
            p.page.uncheck(f"input[name=status][value={status}]")
        visible = p.page.evaluate("edges.get({filter: e => !e.hidden}).map(e => e.statuses)")
        assert visible and all("proposed" in s for s in visible)
        assert p.page.evaluate("nodes.get({filter: n => !n.hidden}).length") < g.number_of_nodes()

        # search by a Korean label
        p.page.fill("#pk-search", "프랑스")
        p.page.press("#pk-search", "Enter")
        assert p.page.text_content("#pk-panel h2") == "프랑스"
        assert p.errors == [] and p.requests == []
    finally:
        p.close()


def test_markup_in_labels_and_sentences_shows_as_text(browser, tmp_path):
    g = nx.MultiDiGraph()
    evil_label = '<img src=x onerror="window.__xss=1">'
    evil_quote = '<script>window.__xss=2</script><b>bold?</b>'
    g.add_node("country/x", type="Country", label_en=evil_label, label_ko="</script><script>window.__xss=3</script>",
               schemes=[], country="")
    g.add_node("layer/y", type="Layer", label_en="Layer Y", label_ko="", schemes=["stack4"], country="")
    g.add_edge("country/x", "layer/y", key="dependsOnLayer", relation="dependsOnLayer", statuses=["proposed"],
               evidence=[kn.Evidence("claim/z", "proposed", "doc/evil", 3, 4, evil_quote)])
    path = tmp_path / "evil.html"
    viz.write(path, viz.page(g, title="<i>title</i>"))
    p = Page(browser, path)
    try:
        p.click_node("country/x")
        panel = p.page.text_content("#pk-panel")
        assert evil_label in panel and evil_quote in panel
        assert p.page.locator("#pk-panel img, #pk-panel script, #pk-panel .quote *").count() == 0
        assert p.page.text_content("#pk-title") == "<i>title</i>"
        assert p.page.evaluate("window.__xss") is None and p.dialogs == []
        assert p.errors == []
    finally:
        p.close()


def test_viz_query_renders_a_subgraph(cli, browser, build_base):
    out = build_base / "views" / "japan.html"
    proc = cli("viz", "--query", "layer-dependencies", "--param", "country=일본", "--out", str(out))
    assert "wrote" in proc.stdout and out.exists()
    text = out.read_text(encoding="utf-8")
    assert viz.external_references(text) == []
    p = Page(browser, out)
    try:
        ids = set(p.page.evaluate("nodes.getIds()"))
        assert "country/jp" in ids and any(i.startswith("layer/") for i in ids)
        assert len(ids) < 100  # a subgraph, not the whole graph
        kinds = set(p.page.evaluate("edges.get().map(e => e.relation)"))
        assert {"dependsOnLayer", "dependsOnSupplier"} <= kinds
        assert p.errors == []
    finally:
        p.close()


def test_viz_rejects_a_query_with_nothing_to_draw(cli):
    proc = cli("viz", "--query", "no-such-query", check=False)
    assert proc.returncode == 2 and "no named query" in proc.stderr
