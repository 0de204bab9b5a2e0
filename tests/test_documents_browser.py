"""The Documenten tab in real Chromium: log in, upload a PDF, ask about it, remove it; refused without login.

Playwright drives Debian's Chromium against a live ``python app.py`` with ``ASSISTANT_ADMIN_PASSWORD``
on a copy of the real index. Screenshots go to ``test-artifacts/``.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import CHROMIUM
from kd_documents import QUESTION, write_kd_pdf, write_zip_as_pdf
from test_ui_browser import TIMEOUT, ask, bot_messages, shot
from test_webapp import start_app

sync_api = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium is not installed")

PASSWORD = "docenten-beheer-2024"


@pytest.fixture(scope="module")
def live(built_index, tmp_path_factory):
    index_dir = tmp_path_factory.mktemp("docs-browser") / "index"
    shutil.copytree(built_index.index_dir, index_dir)
    workdir = tmp_path_factory.mktemp("docs-browser-app")
    # its own Gradio cache: the upload quota counts this app's uploads only, not what other apps left in /tmp
    app = start_app(index_dir, workdir, {"ASSISTANT_ADMIN_PASSWORD": PASSWORD,
                                         "GRADIO_TEMP_DIR": str(workdir / "gradio-cache")})
    yield app
    app.stop()


@pytest.fixture
def page(browser, live):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT)
    page.goto(live.url)
    page.locator("#vraag textarea").wait_for()
    yield page
    context.close()


def open_documents(page) -> None:
    page.get_by_role("tab", name="Documenten").click()
    page.locator("#docs-table").wait_for()


def choose_files(page, paths: list[Path]) -> None:
    """Pick files in the Documenten file input; wait for Gradio's upload (200) and for each file's row.

    A row reads the name as stem and extension in two spans ("reptielen .pdf" as text), so it is found by
    its label; Gradio's upload progress shows the whole name only while the upload runs.
    """
    def is_upload(response) -> bool:
        return response.request.method == "POST" and "/gradio_api/upload" in response.url

    with page.expect_response(is_upload) as posted:
        page.locator("#docs-files input[type=file]").set_input_files([str(p) for p in paths])
    assert posted.value.status == 200, f"upload refused: {posted.value.status} {posted.value.text()}"
    for path in paths:
        page.locator("#docs-files").get_by_label(path.name, exact=True).wait_for()


def test_without_login_the_tab_is_read_only_and_upload_is_refused(page):
    open_documents(page)
    page.get_by_text("Log in als beheerder").wait_for()
    assert page.locator("#docs-table").inner_text().count("2635-pedagogisch-werk.xml") == 1
    assert not page.locator("#docs-upload").is_visible()
    status = page.evaluate("""async () => {
        const form = new FormData();
        form.append('files', new Blob(['B1-K1: x'], {type: 'text/plain'}), 'kd.txt');
        const response = await fetch('gradio_api/upload', {method: 'POST', body: form});
        return response.status;
    }""")
    assert status == 403
    shot(page, "documenten-alleen-lezen")


def test_login_upload_ask_with_page_citation_then_remove(page, tmp_path):
    pdf = write_kd_pdf(tmp_path / "dierverzorging-reptielen.pdf")
    fake = write_zip_as_pdf(tmp_path / "archief.pdf")
    open_documents(page)
    page.locator("#docs-login").click()
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.locator("#vraag textarea").wait_for()
    open_documents(page)
    page.get_by_text("Je bent ingelogd als beheerder").wait_for()

    choose_files(page, [pdf, fake])
    page.locator("#docs-upload").click()
    steps = re.compile("Controleren|Lezen|Embedden|Schrijven|Overschakelen")
    page.locator(".progress-text, .progress-level-inner, .meta-text").filter(has_text=steps).first.wait_for()
    page.locator("#docs-result").get_by_text("toegevoegd").wait_for(timeout=180_000)
    result = page.locator("#docs-result").inner_text()
    assert "1 van 2 bestanden" in result and "mislukt: archief.pdf" in result and "zip" in result
    assert "dierverzorging-reptielen.pdf" in page.locator("#docs-table").inner_text()
    assert "archief.pdf" not in page.locator("#docs-table").inner_text()
    shot(page, "documenten-na-upload")

    page.reload()  # a new page gets the new build's dossiers in its filters, without a restart
    page.locator("#f-dossier input").click()
    page.get_by_role("option", name=re.compile("Dierverzorging Reptielen")).wait_for()
    page.keyboard.press("Escape")
    page.get_by_role("tab", name="Bladeren").click()  # the other tabs read the new build too
    page.locator("#b-dossier input").fill("Dierverzorging")
    page.get_by_role("option", name="Dierverzorging Reptielen").click()
    page.locator("#boom summary", has_text="B1-K1-W2 Verzorgt reptielen").wait_for(state="attached")
    page.get_by_role("tab", name="Chat").click()
    ask(page, QUESTION)
    answer = bot_messages(page).last.inner_text()
    assert "B1-K1-W2" in answer and "Verzorgt reptielen in het terrarium" in answer
    assert "dierverzorging-reptielen.pdf" in answer and "p. 2" in answer

    open_documents(page)
    page.locator("#docs-name input").fill("dierverzorging-reptielen.pdf")
    page.get_by_role("option", name="dierverzorging-reptielen.pdf").click()
    page.locator("#docs-remove").click()
    page.locator("#docs-remove-yes").click()
    page.locator("#docs-result").get_by_text("Verwijderd").wait_for(timeout=180_000)
    assert "dierverzorging-reptielen.pdf" not in page.locator("#docs-table").inner_text()

    page.get_by_role("tab", name="Chat").click()
    ask(page, QUESTION)
    assert "dierverzorging-reptielen.pdf" not in bot_messages(page).last.inner_text()
