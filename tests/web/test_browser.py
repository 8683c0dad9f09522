"""The web UI in headless Chromium, over `dossier serve` on the examples, the reference article and the
hand-built graphs: search, profile, evidence, the network toggle and expansion, and hostile text.

Screenshots of the main pages go to tests/artifacts/ (git-ignored).
"""

from __future__ import annotations

import json
import time
import urllib.request
from html import escape
from pathlib import Path

import pytest

from dossier import service

from .conftest import ARTIFACTS, REPO, build_store, serve, stop
from .graphs import HOSTILE_NAME

pytestmark = [pytest.mark.slow, pytest.mark.browser]

# Records what a hostile script or a CSP violation would leave behind; init scripts are exempt from the CSP.
WATCH = """
window.__csp = [];
document.addEventListener('securitypolicyviolation',
  (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
"""


@pytest.fixture(scope="session")
def served(tmp_path_factory: pytest.TempPathFactory, nlp, request) -> dict:
    """`dossier serve` over the examples, the reference article (when ../shared is there) and the test graphs."""
    paths = sorted((REPO / "examples").glob("*.txt"))
    seed = (REPO / ".." / "shared" / "seed" / "000_4ed56cca851698d7.txt").resolve()
    if seed.is_file():
        paths.append(seed)
    extracted = [o.graph for o in service.extract_paths(paths) if o.graph is not None]
    assert len(extracted) == len(paths)
    db = build_store(tmp_path_factory.mktemp("served") / "served.db", extra=extracted)
    proc, base = serve(db)
    request.addfinalizer(lambda: stop(proc))
    return {"base": base, "db": db, "seed": seed.is_file(), "articles": extracted}


@pytest.fixture()
def page(browser, served):
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    context.add_init_script(WATCH)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.errors = errors  # type: ignore[attr-defined]
    yield pg
    assert pg.evaluate("window.__pwned") is None
    assert pg.evaluate("window.__csp") == [], "a Content-Security-Policy violation"
    assert errors == [], errors
    context.close()


def get_json(base: str, path: str):
    with urllib.request.urlopen(base + path, timeout=30) as response:
        return json.loads(response.read())


def person_id(base: str, name: str) -> int:
    return get_json(base, "/api/suggest?q=" + urllib.request.quote(name))[0]["id"]


def wait_until(pg, expression: str, timeout: float = 15.0) -> None:
    """Poll a JS expression from Python (page.wait_for_function evaluates strings, which the CSP forbids)."""
    deadline = time.monotonic() + timeout
    while not pg.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {expression}")
        time.sleep(0.05)


def shot(pg, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    pg.screenshot(path=str(path), full_page=False)
    return path


def test_search_with_suggestions_by_keyboard(page, served) -> None:
    page.goto(served["base"] + "/")
    for _ in ("skip link", "home link", "search box"):
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "q"
    page.keyboard.type("Whitl")
    page.wait_for_selector("#q-list li")
    names = page.locator("#q-list li span:first-child").all_text_contents()
    assert "Eleanor Whitlock" in names and "Callum Whitlock" in names
    shot(page, "search-suggestions")
    page.keyboard.press("ArrowDown")
    first = names[0]
    page.keyboard.press("Enter")
    page.wait_for_url("**/people/*")
    assert page.locator("h1").text_content() == first


def test_every_person_has_a_usable_profile_and_network(page, served) -> None:
    base = served["base"]
    people = {e.name for g in served["articles"] for e in g.entities if e.type == "PERSON"}
    assert len(people) > 30
    drawn = 0
    for name in sorted(people):
        found = get_json(base, "/api/suggest?q=" + urllib.request.quote(name))
        pid = next(f["id"] for f in found if f["name"] == name)
        with urllib.request.urlopen(f"{base}/people/{pid}", timeout=30) as response:
            html = response.read().decode()
        assert f"<h1>{escape(name)}</h1>" in html, name
        expected = get_json(base, f"/api/people/{pid}/network?limit=200&all=true")
        if not expected["edges"]:
            continue
        firm = [e for e in expected["edges"] if not e["weak"]]
        page.goto(f"{base}/people/{pid}/network")
        wait_until(page, "document.getElementById('edge-count').dataset.edges !== undefined")
        assert int(page.locator("#edge-count").get_attribute("data-edges")) == len(firm), name
        page.locator("#show-weak").check()
        assert int(page.locator("#edge-count").get_attribute("data-edges")) == len(expected["edges"]), name
        assert page.locator("#neighbours > li").count() == len(expected["nodes"]) + 1, name
        drawn += 1
    assert drawn > 15


def test_profile_ties_and_evidence(page, served) -> None:
    base = served["base"]
    if not served["seed"]:
        pytest.skip("the reference article is not present")
    harris = person_id(base, "Kamala Harris")
    page.goto(f"{base}/people/{harris}")
    shot(page, "profile-harris")
    row = page.locator("table.ties tr", has=page.locator("a", has_text="Hillary Clinton")).first
    assert row.locator(".badge").count() >= 1
    endorsed = page.locator("table.ties tr", has_text="political.endorsed")
    assert "2024-07-21" in endorsed.first.text_content()
    row.locator("a", has_text="source 1").click()
    page.wait_for_url("**/articles/**")
    mark = page.locator("mark#hl")
    assert mark.is_visible()
    assert "Hillary Clinton" in mark.text_content() or "Clinton" in mark.text_content()
    assert page.locator(".status-box").count() == 1
    words = page.locator(".status-box").text_content()
    assert any(phrase in words for phrase in ("states this as fact", "qualifies this", "named source"))
    shot(page, "evidence-harris-clinton")
    page.goto(f"{base}/ties?a={harris}&b={person_id(base, 'Hillary Clinton')}")
    assert page.locator("ol.timeline > li").count() >= 2
    shot(page, "ties-harris-clinton")


def test_toggle_hides_speculative_ties(page, served) -> None:
    base = served["base"]
    page.goto(f"{base}/people/{person_id(base, 'Cora Lind')}/network")
    wait_until(page, "document.getElementById('edge-count').dataset.edges !== undefined")
    assert not page.locator("#show-weak").is_checked()  # weak ties are hidden by default, as everywhere
    hidden = int(page.locator("#edge-count").get_attribute("data-edges"))
    assert "Dev Osei" not in page.locator("#neighbours").inner_text()
    page.locator("#show-weak").check()
    shown = int(page.locator("#edge-count").get_attribute("data-edges"))
    assert shown == hidden + 1  # the rumoured dating tie (speculative, confidence 0.4)
    assert "Dev Osei" in page.locator("#neighbours").inner_text()
    page.locator("#show-weak").uncheck()
    assert int(page.locator("#edge-count").get_attribute("data-edges")) == hidden


def test_expand_a_node_and_page_through_its_neighbours(page, served) -> None:
    base = served["base"]
    page.goto(f"{base}/people/{person_id(base, 'Ada Quill')}/network")
    wait_until(page, "document.getElementById('edge-count').dataset.nodes !== undefined")
    nodes = int(page.locator("#edge-count").get_attribute("data-nodes"))
    mara = person_id(base, "Mara Voss")
    # Click the node on the canvas, where Cytoscape drew it.
    box = page.locator("#cy").bounding_box()
    pos = page.evaluate(f"window.dossierNetwork.cy.getElementById('{mara}').renderedPosition()")
    page.mouse.click(box["x"] + pos["x"], box["y"] + pos["y"])
    wait_until(page, f"Number(document.getElementById('edge-count').dataset.nodes) > {nodes}")
    first_page = int(page.locator("#edge-count").get_attribute("data-nodes"))
    assert first_page == nodes + 49  # 50 neighbours of Mara Voss, Ada Quill among them already
    more = page.locator("#more")
    assert more.is_visible()
    shot(page, "network-expanded")
    more.click()
    wait_until(page, f"Number(document.getElementById('edge-count').dataset.nodes) > {first_page}")
    more.click()
    wait_until(page, "document.getElementById('more').hidden")
    assert int(page.locator("#edge-count").get_attribute("data-nodes")) == nodes + 120
    # Click a tie on the canvas: its evidence appears, with a link to the highlighted sentence.
    edge = page.evaluate("window.dossierNetwork.cy.edges()[0].renderedMidpoint()")
    page.mouse.click(box["x"] + edge["x"], box["y"] + edge["y"])
    page.wait_for_selector("#edge-info h2")
    link = page.locator("#edge-info a").first
    assert "#hl" in link.get_attribute("href")


def test_expand_by_keyboard(page, served) -> None:
    base = served["base"]
    page.goto(f"{base}/people/{person_id(base, 'Ada Quill')}/network")
    page.wait_for_selector("#neighbours li button")
    # Cora Lind's rumoured tie to Dev Osei is not among Ada Quill's ties or her neighbours' ties to each other.
    button = page.locator("#neighbours > li", has=page.locator("a", has_text="Cora Lind")).locator("button").first
    edges = int(page.locator("#edge-count").get_attribute("data-edges"))
    button.focus()
    page.keyboard.press("Enter")
    wait_until(page, f"Number(document.getElementById('edge-count').dataset.edges) > {edges}")


def test_the_network_canvas_by_keyboard_only(page, served) -> None:
    base = served["base"]
    page.goto(f"{base}/people/{person_id(base, 'Ada Quill')}/network")
    wait_until(page, "document.getElementById('edge-count').dataset.edges !== undefined")
    edges = int(page.locator("#edge-count").get_attribute("data-edges"))
    live = page.locator("#cy-focus")
    assert live.get_attribute("aria-live") == "polite"
    for _ in range(60):  # Tab from the top of the page to the graph
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "cy":
            break
    assert page.evaluate("document.activeElement.id") == "cy"
    focused = "window.dossierNetwork.cy.elements('.kbd-focus')"
    assert live.inner_text().startswith("Ada Quill: person ")
    assert page.evaluate(f"{focused}.map((e) => e.data('name'))") == ["Ada Quill"]
    assert page.evaluate(f"{focused}[0].style('overlay-opacity')") == "0.35"  # a visible focus ring
    page.keyboard.press("ArrowRight")
    moved = page.evaluate(f"{focused}[0].data('name')")
    assert moved != "Ada Quill" and live.inner_text().startswith(moved + ": person ")
    # Tab (and arrows) walk the people; find Cora Lind and expand her with Enter.
    for _ in range(40):
        if live.inner_text().startswith("Cora Lind:"):
            break
        page.keyboard.press("Tab")
    assert live.inner_text().startswith("Cora Lind:") and "press Enter to expand" in live.inner_text()
    page.keyboard.press("Enter")
    wait_until(page, f"Number(document.getElementById('edge-count').dataset.edges) > {edges}")
    wait_until(page, "document.getElementById('cy-focus').textContent.startsWith('Cora Lind expanded')")
    assert page.evaluate("document.activeElement.id") == "cy"
    # T walks her ties; Enter opens the focused tie's evidence; Escape goes back to her.
    page.keyboard.press("t")
    assert live.inner_text().startswith("Tie 1 of ")
    assert page.evaluate(f"{focused}[0].isEdge()")
    tie = page.evaluate(f"{focused}[0].data('tie')")
    page.keyboard.press("Enter")
    page.wait_for_selector("#edge-info h2")
    assert tie["type"] in page.locator("#edge-info h2").inner_text()
    assert "#hl" in page.locator("#edge-info a").first.get_attribute("href")
    shot(page, "network-keyboard")
    page.keyboard.press("Escape")
    assert live.inner_text().startswith("Cora Lind: person ")
    page.keyboard.press("Home")
    assert live.inner_text().startswith("Ada Quill: person ")


def test_hostile_article_stays_inert(page, served) -> None:
    base = served["base"]
    rex = person_id(base, "Vantor")
    ada = person_id(base, "Ada Quill")
    for path in ["/articles/hostile-5", f"/people/{rex}", f"/people/{rex}/network", f"/ties?a={rex}&b={ada}",
                 "/articles", f"/people/{ada}"]:
        page.goto(base + path)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("window.__pwned") is None, path
    page.goto(f"{base}/articles/hostile-5")
    assert page.locator("a[href^='javascript:']").count() == 0
    assert page.locator("img").count() == 0
    assert "<script>" in page.locator(".evidence .body").text_content()  # shown as text
    shot(page, "hostile-article")
    assert HOSTILE_NAME in page.locator(".names").inner_text()  # the article's own name for him, as text
    page.goto(f"{base}/people/{rex}/network")
    page.wait_for_selector("#neighbours li")
    assert "Vantor" in page.locator("#neighbours").inner_text()


def test_main_pages_on_a_narrow_screen(browser, served) -> None:
    base = served["base"]
    context = browser.new_context(viewport={"width": 390, "height": 844})
    pg = context.new_page()
    whitlock = person_id(base, "Eleanor Whitlock")
    for path, name in [("/", "home-narrow"), (f"/people/{whitlock}", "profile-narrow"),
                       (f"/people/{whitlock}/network", "network-narrow")]:
        pg.goto(base + path)
        pg.wait_for_load_state("networkidle")
        width = pg.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, (path, width)  # nothing forces sideways scrolling
        hidden = pg.evaluate("Math.max(0, ...[...document.querySelectorAll('table.ties')]"
                             ".map(t => t.scrollWidth - t.parentElement.clientWidth))")
        assert hidden <= 0, (path, hidden)  # a person's ties are readable without scrolling the table
        shot(pg, name)
    context.close()


def test_connection_page(page, served) -> None:
    base = served["base"]
    page.goto(f"{base}/connect")
    page.fill("#a", "Ada Quill")
    page.fill("#b", "Cora Lind")
    page.locator(".connect-form button").click()
    page.wait_for_selector("ol.path > li")
    steps = page.locator("ol.path > li").all_text_contents()
    assert len(steps) == 2 and "Bram Quill" in steps[0]
    shot(page, "connect-ada-cora")
    page.goto(f"{base}/")
    shot(page, "home")


@pytest.mark.browser
def test_correction_buttons_merge_two_people(browser, tmp_path) -> None:
    db = build_store(tmp_path / "writable.db")
    proc, base = serve(db, "--allow-writes", env={"DOSSIER_TOKEN": "s3cret"})
    try:
        context = browser.new_context(viewport={"width": 1200, "height": 900})
        context.add_init_script(WATCH)
        pg = context.new_page()
        ada = person_id(base, "Ada Quill")
        pg.goto(f"{base}/people/{ada}")
        pg.fill("#token", "s3cret")
        pg.locator("#token").dispatch_event("change")
        pg.locator("#merge-other").type("Eli M")
        pg.wait_for_selector("#merge-list li")
        pg.keyboard.press("ArrowDown")
        pg.keyboard.press("Enter")
        assert pg.locator("#merge-other").input_value() == "Eli Marsh"
        shot(pg, "corrections")
        with pg.expect_navigation():
            pg.locator("form[data-kind=merge] button").click()
        assert "Eli Marsh" in pg.locator(".profile header").inner_text()
        assert pg.evaluate("window.__csp") == []
        context.close()
    finally:
        stop(proc)
