"""End to end in a real browser: Playwright drives Debian's Chromium against a live ``python app.py``.

Screenshots go to ``test-artifacts/`` (gitignored); timings (app start → ready, page load,
submit → first answer visible) are printed and written to ``test-artifacts/measurements.json``,
never asserted.
"""

from __future__ import annotations

import csv
import io
import json
import re
import time
from pathlib import Path

import pytest
from conftest import CHROMIUM
from test_webapp import ARTIFACTS, TEACHER, measure, start_app

sync_api = pytest.importorskip("playwright.sync_api")

TIMEOUT = 60_000

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium is not installed "
                                "(apt-get install chromium; scripts/test.sh does it)")


@pytest.fixture(scope="module")
def live(built_index, tmp_path_factory, request):
    app = start_app(built_index.index_dir, tmp_path_factory.mktemp("browser-app"))
    measure(request, "browser_app_start_to_ready", app.ready_seconds)
    yield app
    app.stop()


@pytest.fixture
def page(browser, live, request):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT)
    started = time.monotonic()
    page.goto(live.url)
    page.locator("#vraag textarea").wait_for()
    measure(request, "browser_page_load", time.monotonic() - started)
    yield page
    context.close()


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def bot_messages(page):
    return page.locator("#chat [data-testid='bot']")


def ask(page, question: str, count_before: int | None = None) -> float:
    """Type a question, press Enter, wait for the new answer; seconds from submit to it being visible."""
    before = bot_messages(page).count() if count_before is None else count_before
    box = page.locator("#vraag textarea")
    box.fill(question)
    started = time.monotonic()
    box.press("Enter")
    bot_messages(page).nth(before).wait_for(state="visible")
    elapsed = time.monotonic() - started
    page.wait_for_function("() => !document.querySelector('#chat .generating, #chat .pending')")
    return elapsed


def last_answer(page):
    return bot_messages(page).last


def pick(page, dropdown: str, option: str) -> None:
    """Choose an option of a Gradio dropdown by its label."""
    page.locator(f"{dropdown} input").click()
    page.get_by_role("option", name=option, exact=True).click()


def feedback_lines(log: Path, seconds: float = 15) -> list[dict]:
    """The votes the app has written, once it has written a whole line (the file exists a moment before)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        text = log.read_text(encoding="utf-8") if log.exists() else ""
        if text.endswith("\n"):
            return [json.loads(line) for line in text.splitlines()]
        time.sleep(0.2)
    return []


def test_ask_see_citations_open_source_like_export_and_follow_up(page, live, request):
    shot(page, "01-start")
    seconds = ask(page, TEACHER)
    measure(request, "browser_submit_to_first_answer", seconds)
    answer = last_answer(page)
    answer.locator("details.bron").first.wait_for()
    text = answer.inner_text()
    assert text.startswith("The best match is") and "[1]" in text and "Sources" in text
    assert answer.locator("mark").count() >= 3, "best sentences are highlighted"
    sources = answer.locator("details.bron")
    assert sources.count() == answer.locator("ol > li").count()
    first = sources.first  # the UI is checked here; which units rank where is test_webapp's business
    summary = first.locator("summary").inner_text()
    assert summary.startswith("[1] ") and re.search(r"\.(txt|xml|pdf) [rp]\. \d+", summary), summary
    assert not first.locator(".passage").is_visible()
    first.locator("summary").click()
    assert first.locator(".passage").is_visible()
    assert len(first.locator(".passage").inner_text()) > 40
    shot(page, "02-answer-source-open")

    page.get_by_role("button", name="Like").last.click()
    votes = feedback_lines(live.feedback_log)
    assert votes[-1]["vote"] == "up" and votes[-1]["question"] == TEACHER and len(votes[-1]["hit_ids"]) == 5

    with page.expect_download() as download_info:
        page.locator("#csv").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".csv")
    rows = list(csv.DictReader(io.StringIO(Path(download.path()).read_text(encoding="utf-8-sig"))))
    assert len(rows) == sources.count()
    assert f"{rows[0]['source']} {rows[0]['location']}" in summary and rows[0]["title"] in summary
    assert all(r["source"] and r["location"].startswith("r. ") for r in rows)
    with page.expect_download() as download_info:
        page.locator("#md").click()
    assert Path(download_info.value.path()).read_text(encoding="utf-8").startswith(f"# {TEACHER}")

    ask(page, "en bij de PMK?")
    follow = last_answer(page).inner_text()
    assert follow.startswith("Vervolgvraag, gelezen als: how does PMK collaborate with external experts?")
    assert "dossier Pedagogisch Medewerker Kinderopvang" in follow
    summaries = last_answer(page).locator("details.bron summary").all_inner_texts()
    assert summaries and all("Pedagogisch Medewerker Kinderopvang" in s for s in summaries)
    shot(page, "03-follow-up")


def test_filter_applies_to_the_answer(page):
    pick(page, "#f-dossier", "Pedagogisch Werk (PW) · 2015")
    pick(page, "#f-soort", "werkproces")
    ask(page, "samenwerken met externe deskundigen")
    summaries = last_answer(page).locator("details.bron summary").all_inner_texts()
    assert summaries and all("Pedagogisch Werk · 2015-08-01" in s for s in summaries)
    items = last_answer(page).locator("ol > li").all_inner_texts()
    assert all("werkproces" in item for item in items)
    shot(page, "04-filter")


def test_example_button_and_bad_input_get_friendly_messages(page):
    page.get_by_role("button", name="Coachen niveau 2").click()
    bot_messages(page).first.wait_for()
    assert last_answer(page).inner_text().startswith("Het best passend is Coachen niveau 2")

    page.locator("#verstuur").click()  # empty question
    bot_messages(page).nth(1).wait_for()
    assert last_answer(page).inner_text().startswith("Stel een vraag")

    ask(page, "<img src=x onerror=\"window.pwned=1\"> <script>window.pwned=2</script> coachen")
    user = page.locator("#chat [data-testid='user']").last
    assert "<img src=x" in user.inner_text()
    assert page.locator("#chat img[src='x']").count() == 0
    assert page.evaluate("() => window.pwned === undefined")

    huge = "samenwerken " * 90_000
    page.evaluate("""(text) => {
        const box = document.querySelector('#vraag textarea');
        box.value = text;
        box.dispatchEvent(new Event('input', {bubbles: true}));
    }""", huge)
    count = bot_messages(page).count()
    page.locator("#verstuur").click()
    bot_messages(page).nth(count).wait_for()
    assert "langer dan 2000 tekens" in last_answer(page).inner_text()
    shot(page, "05-bad-input")


def test_competence_matrix_browse_and_compare(page):
    page.get_by_role("tab", name="Competentiematrix").click()
    table = page.locator("#matrix table.matrix")
    table.wait_for()
    assert table.locator("tbody tr").count() == 8
    row = table.locator("tbody tr", has_text="Coachen")
    cell = row.locator("td").nth(1)  # niveau 2
    assert not cell.locator("li").first.is_visible()
    cell.locator("summary").click()
    assert cell.locator("li").count() == 5 and cell.locator("li").first.is_visible()
    shot(page, "06-matrix-cell-open")

    page.get_by_role("tab", name="Bladeren").click()
    pick(page, "#b-dossier", "Onderwijsassistent")
    tree = page.locator("#boom")
    tree.locator("h3", has_text="Onderwijsassistent 2021-08-01").wait_for()
    task = tree.locator("details.kerntaak", has_text="P3-K2").first
    task.locator("summary").first.click()
    process = task.locator("details.werkproces", has_text="P3-K2-W2")
    process.locator("summary").click()
    assert process.locator(".passage").is_visible()
    shot(page, "07-browse")

    page.get_by_role("tab", name="Vergelijken").click()
    compare = page.locator("#vergelijking .vergelijk")
    compare.wait_for()
    assert compare.locator("del").count() > 0 and compare.locator("ins").count() > 0
    shot(page, "08-compare")
