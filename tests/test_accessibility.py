"""Accessible and usable on a phone, in real Chromium against a live ``python app.py``.

* axe-core (the npm package, installed by ``scripts/test.sh`` into ``.test-tools/``) finds no
  serious or critical violation on any tab after a question, at 1400 px and at 390 px wide (and in
  Gradio's dark mode);
* at 390 px nothing scrolls sideways; the filters fold and sit right under the question box;
  the Competentiematrix is a card per competence with its definition in view;
* the chat grows with the window and, after an answer, shows the start of that answer;
* bold text is set in one font (no capital from another font or weight); the page says it is Dutch;
* asking, opening a source, voting, exporting and switching tabs work with the keyboard alone.

Screenshots go to ``test-artifacts/`` (gitignored).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from conftest import CHROMIUM
from test_ui_browser import TIMEOUT, ask, bot_messages, last_answer, shot
from test_webapp import ROOT, TEACHER, start_app

sync_api = pytest.importorskip("playwright.sync_api")

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium is not installed "
                                "(apt-get install chromium; scripts/test.sh does it)")

AXE_VERSION = "4.14.1"  # the version scripts/test.sh installs
TOOLS = ROOT / ".test-tools"
TABS = ("Chat", "Competentiematrix", "Bladeren", "Vergelijken", "Themascan")  # at least these; tests visit all
WIDE = {"width": 1400, "height": 1000}
PHONE = {"width": 390, "height": 844}
BAD_IMPACTS = ("serious", "critical")


@pytest.fixture(scope="module")
def axe_script() -> Path:
    """axe.min.js from npm: from ``scripts/test.sh``'s install, else installed here once."""
    found = Path(os.environ.get("AXE_CORE_JS") or TOOLS / "node_modules" / "axe-core" / "axe.min.js")
    if not found.exists() and shutil.which("npm"):
        try:
            subprocess.run(["npm", "install", "--prefix", str(TOOLS), "--no-audit", "--no-fund", "--no-save",
                            "--silent", "--fetch-retries=1", "--fetch-timeout=30000", f"axe-core@{AXE_VERSION}"],
                           check=False, timeout=300, capture_output=True)
        except subprocess.TimeoutExpired:
            pass
    if not found.exists():
        pytest.skip("axe-core is not installed (scripts/test.sh installs it from npm into .test-tools/)")
    return found


@pytest.fixture(scope="module")
def live(built_index, tmp_path_factory):
    app = start_app(built_index.index_dir, tmp_path_factory.mktemp("a11y-app"))
    yield app
    app.stop()


def open_page(browser, live, viewport: dict, query: str = ""):
    context = browser.new_context(viewport=viewport, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT)
    page.goto(live.url + query)
    page.locator("#vraag textarea").wait_for()
    page.locator("#verstuur").wait_for()  # Gradio may render the box before the button beside it
    return page


@pytest.fixture
def wide(browser, live):
    page = open_page(browser, live, WIDE)
    yield page
    page.context.close()


@pytest.fixture
def phone(browser, live):
    page = open_page(browser, live, PHONE)
    yield page
    page.context.close()


def open_tab(page, name: str) -> None:
    """Open a tab by its name, through the "More tabs" menu when a narrow screen folded it there."""
    tab = page.get_by_role("tab", name=name, exact=True)
    if tab.count() and tab.is_visible():
        tab.click()
    else:
        page.get_by_role("button", name="More tabs").click()
        page.locator(".overflow-dropdown button", has_text=name).click()
    page.locator("[role=tab][aria-selected=true]", has_text=name).wait_for()


def all_tabs(page) -> list[str]:
    """The names of every tab of the page, also those a narrow screen folds into "More tabs"."""
    return [t.strip() for t in page.locator(".tab-container[aria-hidden=true] button").all_inner_texts()]


def serious_violations(page, axe: Path) -> list[dict]:
    """axe-core's serious and critical violations on the page as it is now (all rules axe runs by default)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(axe))
    found = page.evaluate("""async () => {
        const result = await axe.run(document);
        return result.violations.map(v => ({id: v.id, impact: v.impact,
            nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ': ' + (n.failureSummary || ''))}));
    }""")
    return [v for v in found if v["impact"] in BAD_IMPACTS]


def sideways_overflow(page) -> int:
    """How many pixels the page is wider than the window (0: no horizontal scrolling)."""
    return page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")


def wait_idle(page) -> None:
    """Wait until no component shows Gradio's progress state and no fade back from it is running."""
    page.wait_for_function("""() =>
        !document.querySelector('.generating, .pending, [data-testid=status-tracker]:not(.hide)')
        && !document.getAnimations().some(a => a.playState === 'running'
                                               && a.effect.getTiming().iterations !== Infinity)""")


# --------------------------------------------------------------------------- axe-core on every tab


@pytest.mark.parametrize(("viewport", "mode"), [(WIDE, "light"), (PHONE, "light"), (WIDE, "dark")],
                         ids=["1400px", "390px", "1400px-dark"])
def test_no_serious_axe_violations_on_any_tab_after_a_question(browser, live, axe_script, viewport, mode):
    page = open_page(browser, live, viewport, "?__theme=dark" if mode == "dark" else "")
    try:
        ask(page, TEACHER)
        last_answer(page).locator("details.bron").first.wait_for()
        problems = {}
        names = all_tabs(page)
        assert set(TABS) <= set(names), names
        for name in names:
            open_tab(page, name)
            if name == "Themascan":
                page.locator("#ts-thema textarea, #ts-thema input").first.fill("veiligheid")
                page.locator("#ts-scan").click()
                page.locator("#ts-md:not([disabled])").wait_for()
            wait_idle(page)
            found = serious_violations(page, axe_script)
            if found:
                problems[name] = found
            assert sideways_overflow(page) <= 0, f"{name} scrolls sideways at {viewport['width']} px"
            shot(page, f"a11y-{viewport['width']}-{mode}-{name.lower()}")
        assert not problems, json.dumps(problems, indent=1, ensure_ascii=False)
    finally:
        page.context.close()


def test_the_page_says_it_is_dutch_whatever_the_browser_language(browser, live):
    context = browser.new_context(locale="en-US")
    try:
        page = context.new_page()
        page.goto(live.url)
        page.locator("#vraag textarea").wait_for()
        page.wait_for_function("() => document.documentElement.lang === 'nl'")
        page.wait_for_timeout(500)
        assert page.evaluate("() => document.documentElement.lang") == "nl"
    finally:
        context.close()


def test_axe_finds_the_contrast_problem_it_is_meant_to_find(wide, axe_script):
    """The check above can fail: white on Gradio's own orange (2.8:1) is reported as serious."""
    wide.evaluate("""() => {
        const b = document.querySelector('#verstuur');
        b.style.setProperty('background', '#f97316', 'important');
        b.style.setProperty('color', '#ffffff', 'important');
        b.style.setProperty('transition', 'none', 'important');
    }""")
    wait_idle(wide)
    found = serious_violations(wide, axe_script)
    assert any(v["id"] == "color-contrast" and any("#verstuur" in n for n in v["nodes"]) for v in found), found


# --------------------------------------------------------------------------- phone


def test_phone_chat_sources_and_filters_fit_and_filters_fold_under_the_question(phone):
    ask(phone, TEACHER)
    answer = last_answer(phone)
    answer.locator("details.bron").first.wait_for()
    assert sideways_overflow(phone) <= 0
    width = PHONE["width"]
    for summary in answer.locator("details.bron summary").all():
        box = summary.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, summary.inner_text()
    source = answer.locator("details.bron").first
    source.locator("summary").click()
    passage = source.locator(".passage")
    assert passage.is_visible() and passage.bounding_box()["x"] + passage.bounding_box()["width"] <= width

    toggle = phone.locator("#filters").get_by_role("button").first
    dossier = phone.locator("#f-dossier")
    assert not dossier.is_visible(), "the filters start folded on a phone"
    question = phone.locator("#vraag").bounding_box()
    gap = toggle.bounding_box()["y"] - (question["y"] + question["height"])
    assert 0 < gap < 250, f"the filters are {gap:.0f} px below the question box"
    toggle.click()
    dossier.wait_for(state="visible")
    box = dossier.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width
    assert sideways_overflow(phone) <= 0
    shot(phone, "a11y-phone-filters-open")


def test_phone_matrix_is_cards_with_visible_definitions(phone):
    open_tab(phone, "Competentiematrix")
    matrix = phone.locator("#matrix table.matrix")
    matrix.wait_for()
    assert sideways_overflow(phone) <= 0
    card = matrix.locator("tbody tr", has_text="Coachen")
    head = card.locator("th[scope=row]")
    definition = head.locator(".definitie")
    assert definition.is_visible() and len(definition.inner_text()) > 20
    assert head.get_attribute("title") is None, "the definition is not a hover-only title"
    card_box = card.bounding_box()
    assert card_box["x"] >= 0 and card_box["x"] + card_box["width"] <= PHONE["width"]
    level = card.locator("td[data-label='Niveau 4']")
    assert level.is_visible() and level.bounding_box()["x"] + level.bounding_box()["width"] <= PHONE["width"]
    label = level.evaluate("e => getComputedStyle(e, '::before').content")
    assert "Niveau 4" in label
    level.locator("summary").click()
    assert level.locator("li").first.is_visible()
    shot(phone, "a11y-phone-matrix")


# --------------------------------------------------------------------------- chat size and scrolling


def chat_height(page) -> float:
    return page.locator("#chat").bounding_box()["height"]


def test_chat_grows_with_the_window(wide):
    wide.set_viewport_size({"width": 1400, "height": 800})
    low = chat_height(wide)
    wide.set_viewport_size({"width": 1400, "height": 1400})
    high = chat_height(wide)
    assert high - low > 500, (low, high)
    question = wide.locator("#vraag").bounding_box()
    assert question["y"] + question["height"] <= 1400, "the question box stays in view under the chat"


def test_after_an_answer_the_chat_shows_its_start_not_its_sources(wide):
    wide.set_viewport_size({"width": 1400, "height": 800})
    ask(wide, "waar komt multidisciplinair overleg voor?")
    ask(wide, TEACHER)
    wide.wait_for_timeout(700)  # past any delayed scroll of the chat component
    answer = last_answer(wide)
    geometry = answer.evaluate("""(last) => {
        let box = last.parentElement;
        while (box && !/(auto|scroll)/.test(getComputedStyle(box).overflowY)) box = box.parentElement;
        const b = box.getBoundingClientRect(), a = last.getBoundingClientRect();
        return {boxTop: b.top, boxHeight: box.clientHeight, answerTop: a.top, answerHeight: a.height,
                scrolled: box.scrollTop, room: box.scrollHeight - box.clientHeight};
    }""")
    assert geometry["answerHeight"] > geometry["boxHeight"], "the answer is taller than the chat: a real test"
    assert geometry["boxTop"] - 1 <= geometry["answerTop"] <= geometry["boxTop"] + 60, geometry
    assert geometry["scrolled"] < geometry["room"] - 50, "not scrolled to the end (the sources)"
    assert answer.inner_text().startswith("The best match is")


# --------------------------------------------------------------------------- fonts


def fonts_of(page, selector: str) -> list[list[str]]:
    """The font families Chromium really used for each element matching ``selector``."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    nodes = cdp.send("DOM.querySelectorAll", {"nodeId": root, "selector": selector})["nodeIds"]
    return [sorted({f["familyName"] for f in cdp.send("CSS.getPlatformFontsForNode", {"nodeId": n})["fonts"]})
            for n in nodes]


def test_bold_headings_are_set_in_one_font(wide):
    ask(wide, TEACHER)
    last_answer(wide).locator("strong").first.wait_for()
    used = fonts_of(wide, "#chat [data-testid='bot'] strong") + fonts_of(wide, "h1")
    assert used and all(len(families) == 1 for families in used), used
    open_tab(wide, "Bladeren")
    wide.locator("#boom h4").first.wait_for()
    used = fonts_of(wide, "#boom h3, #boom h4")
    assert used and all(len(families) == 1 for families in used), used


# --------------------------------------------------------------------------- keyboard only


def focus_by_tab(page, condition: str, limit: int = 250, backwards: bool = False) -> None:
    """Press Tab (or Shift+Tab) until ``condition`` (a JS expression over ``el``, the focused element) holds."""
    key = "Shift+Tab" if backwards else "Tab"
    for _ in range(limit):
        page.keyboard.press(key)
        if page.evaluate(f"() => {{ const el = document.activeElement; return !!el && !!({condition}); }}"):
            return
    raise AssertionError(f"never reached by keyboard: {condition}")


def test_everything_works_by_keyboard(wide, live):
    page = wide
    focus_by_tab(page, "el.closest('#vraag') && el.tagName === 'TEXTAREA'")
    page.keyboard.type(TEACHER)
    count = bot_messages(page).count()
    page.keyboard.press("Enter")
    bot_messages(page).nth(count).wait_for()
    wait_idle(page)

    focus_by_tab(page, "el.tagName === 'SUMMARY' && el.closest('details.bron')")
    assert not page.evaluate("() => document.activeElement.parentElement.open")
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.parentElement.open"), "Enter opens the focused source"

    before = live.feedback_log.read_text(encoding="utf-8").count("\n") if live.feedback_log.exists() else 0
    focus_by_tab(page, "el.tagName === 'BUTTON' && el.getAttribute('aria-label') === 'Like'")
    page.keyboard.press("Enter")
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if live.feedback_log.exists() and live.feedback_log.read_text(encoding="utf-8").count("\n") > before:
            break
        time.sleep(0.2)
    votes = live.feedback_log.read_text(encoding="utf-8").splitlines()
    assert len(votes) > before and json.loads(votes[-1])["vote"] == "up"

    focus_by_tab(page, "el.closest('#csv')")
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    assert download.value.suggested_filename.endswith(".csv")

    focus_by_tab(page, "el.getAttribute('role') === 'tab'", backwards=True)
    for name in all_tabs(page)[1:]:
        focus_by_tab(page, f"el.getAttribute('role') === 'tab' && el.textContent.trim() === {json.dumps(name)}")
        page.keyboard.press("Enter")
        page.locator("[role=tab][aria-selected=true]", has_text=name).wait_for()
    open_tab(page, "Competentiematrix")
    page.locator("#matrix table.matrix").wait_for()
    focus_by_tab(page, "el.tagName === 'SUMMARY' && el.closest('#matrix')")
    page.keyboard.press("Enter")
    assert page.locator("#matrix details.cel[open] li").first.is_visible()
    shot(page, "a11y-keyboard")
