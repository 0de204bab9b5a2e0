"""Issue 14, the UI part: every applied filter is a chip that one click removes, and an English interface.

* Pure: :mod:`assistant.filter_chips` lists an answer's filters by where they came from (dropdown,
  conversation, question) on the real bundled corpus, and asks again without one; :mod:`assistant.ui_text`
  has the same keys in Dutch and English.
* In process: :meth:`assistant.webapp.Assistant.chat` asked again without a chip answers without it and
  says so in the read-as line.
* In real Chromium against a live ``python app.py``: a scoped question shows its chip, a click answers
  without it; the language choice (and ``?lang=en``) shows English tab names and labels.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from conftest import CHROMIUM, Built
from test_webapp import ARTIFACTS, start_app

from assistant import ui_text
from assistant.conversation import Constraints
from assistant.filter_chips import (
    CONVERSATION,
    QUESTION,
    UI,
    Asked,
    applied_filters,
    chip_label,
    drop_spans,
    without,
)
from assistant.settings import Settings
from assistant.webapp import Assistant, Session, build_app, dossier_choices, level_choices

# --------------------------------------------------------------------------- ui_text


def test_both_languages_have_the_same_keys_and_fields():
    assert set(ui_text.NL) == set(ui_text.EN)
    for key, dutch in ui_text.NL.items():
        english = ui_text.EN[key]
        assert type(dutch) is type(english), key
        if isinstance(dutch, str):
            assert set(re.findall(r"{\w+}", dutch)) == set(re.findall(r"{\w+}", english)), key
            assert english.strip(), key
    assert [len(q) for q in ui_text.NL["examples"].values()] == [len(q) for q in ui_text.EN["examples"].values()]
    assert [v for _, v in ui_text.NL["export_scopes"]] == [v for _, v in ui_text.EN["export_scopes"]]


def test_other_tabs_texts_match_the_tabs_and_switch(built_index: Built):
    assert {k: set(v) for k, v in ui_text.ELEMENTS["nl"].items()} == \
        {k: set(v) for k, v in ui_text.ELEMENTS["en"].items()}
    for lang in ("nl", "en"):
        demo = build_app(Settings(index_dir=built_index.index_dir, embedder="use"), lang=lang)
        try:
            blocks = {b.elem_id: b for b in demo.blocks.values() if getattr(b, "elem_id", None)}
            for elem, props in ui_text.ELEMENTS[lang].items():
                assert elem in blocks, elem  # the Themascan and Documenten tabs still have it
                for attr, value in props.items():
                    assert getattr(blocks[elem], attr) == value, (elem, attr)
            tabs = [b.label for b in demo.blocks.values() if type(b).__name__ == "Tab"]
            assert tabs == [ui_text.text(lang, k) for k in ("tab_chat", "tab_matrix", "tab_browse", "tab_compare",
                                                            "tab_themescan", "tab_documents")]
        finally:
            demo.close()


def test_language_choice_defaults_to_dutch(monkeypatch):
    assert ui_text.pick("en") == "en" and ui_text.pick("EN-gb") == "en"
    assert ui_text.pick("fr") == "nl" and ui_text.pick(None) == "nl" and ui_text.pick("") == "nl"
    monkeypatch.delenv("ASSISTANT_UI_LANG", raising=False)
    assert ui_text.default_language() == "nl"
    monkeypatch.setenv("ASSISTANT_UI_LANG", "en")
    assert ui_text.default_language() == "en"
    assert ui_text.text("en", "tab_browse") == "Browse" and ui_text.text("nl", "tab_browse") == "Bladeren"


def test_missing_index_message_follows_the_question(tmp_path):
    assistant = Assistant(Settings(index_dir=tmp_path / "geen-index", embedder="use"))
    assert assistant.problem
    assert "Build it with `assistant ingest`" in assistant.ask("where does OA collaborate with external experts?")
    assert "Bouw hem met `assistant ingest`" in assistant.ask("waar komt multidisciplinair overleg voor?")
    english = list(assistant.chat("which work processes are about quality assurance?", Session(), Constraints()))
    assert "The index is missing" in english[-1].messages[-1]["content"]


# --------------------------------------------------------------------------- dropping a filter's words


@pytest.mark.parametrize(("question", "words", "left"), [
    ("oudercontact onderwijsassistent 2021 en 2015", "2015", "oudercontact onderwijsassistent 2021"),
    ("oudercontact onderwijsassistent 2021 en 2015", "2021", "oudercontact onderwijsassistent 2015"),
    ("samenwerken bij PMK?", "PMK", "samenwerken?"),
    ("welke werkprocessen heeft de thuisbegeleider?", "thuisbegeleider", "welke werkprocessen heeft?"),
    ("oudercontact OA 2021", "OA", "oudercontact 2021"),
    ("Coachen niveau 3", "niveau 3", "Coachen"),
    ("where does OA collaborate with external experts?", "OA", "where does collaborate with external experts?"),
    ("PMK", "PMK", ""),
    ("what does it look like at level 3 in the profile?", "level 3", "what does it look like in the profile?"),
    ("samenwerken bij PMK in 2015", "PMK", "samenwerken in 2015"),
    ("what do levels 1 to 4 mean?", "1", "what do levels 4 mean?"),
])
def test_drop_spans_leaves_no_dangling_joiners(question, words, left):
    start = question.index(words)
    assert drop_spans(question, ((start, start + len(words)),)) == left


# --------------------------------------------------------------------------- the chips of real answers


@pytest.fixture(scope="module")
def assistant(built_index: Built) -> Assistant:
    return Assistant(Settings(index_dir=built_index.index_dir, embedder="use"))


def _chips(assistant: Assistant, *messages: str, ui: Constraints | None = None):
    ui = ui or Constraints()
    turn = None
    outcome = None
    for message in messages:
        outcome = assistant.reply(message, turn, ui)
        turn = outcome.turn
    asked = Asked(messages[-1], None, ui, Constraints(), outcome.question, outcome.turn.constraints,
                  outcome.reply.lang)
    return outcome, applied_filters(outcome.reply, ui, assistant.catalogue), asked


def test_dropdown_filters_are_chips_from_the_ui(assistant):
    ui = Constraints(dossier="Pedagogisch Werk", level="3")
    _, chips, asked = _chips(assistant, "samenwerken", ui=ui)
    assert [(c.field, c.value, c.source) for c in chips] == [("dossier", "Pedagogisch Werk", UI), ("level", "3", UI)]
    assert chip_label(chips[0], "nl") == "Dossier: Pedagogisch Werk"
    assert chip_label(chips[1], "en") == "Level: 3"
    again = without(asked, chips[0], ui)
    assert again.ui == Constraints(level="3") and again.message == "samenwerken"
    reply = assistant.reply(again.message, again.before, again.ui).reply
    assert [c.field for c in applied_filters(reply, again.ui, assistant.catalogue)] == ["level"]


def test_replies_without_a_filter_list_still_show_the_dropdowns(assistant):
    ui = Constraints(version="2015-08-01")
    outcome, chips, _ = _chips(assistant, "wat zijn gedragsindicatoren?", ui=ui)
    assert outcome.reply.type == "not_found" and not outcome.reply.filters
    assert [(c.field, c.value, c.source) for c in chips] == [("version", "2015-08-01", UI)]


def test_named_years_are_chips_and_one_removal_keeps_the_other(assistant):
    _, chips, asked = _chips(assistant, "oudercontact onderwijsassistent 2021 en 2015")
    assert [(c.field, c.source) for c in chips] == [("scope", QUESTION), ("scope", QUESTION)]
    labels = [c.value for c in chips]
    assert any("2021" in label for label in labels) and any("2015" in label for label in labels)
    dropped = next(c for c in chips if "2015" in c.value)
    again = without(asked, dropped, Constraints())
    assert again.message == "oudercontact onderwijsassistent 2021"
    reply = assistant.reply(again.message, again.before, again.ui).reply
    versions = {h.chunk.version[:4] for h in reply.hits if h.chunk.version}
    assert "2015" not in versions and "2021" in versions
    left = applied_filters(reply, Constraints(), assistant.catalogue)
    assert [c.value for c in left] == [c.value for c in chips if c is not dropped]


def test_a_list_scope_chip_widens_the_list(assistant):
    outcome, chips, asked = _chips(assistant, "welke werkprocessen heeft de thuisbegeleider?")
    assert [(c.field, c.source) for c in chips] == [("scope", QUESTION)]
    before = len(outcome.reply.items)
    again = without(asked, chips[0], Constraints())
    reply = assistant.reply(again.message, again.before, again.ui).reply
    assert not applied_filters(reply, Constraints(), assistant.catalogue)
    assert len(reply.items) > before
    assert {i.chunk.dossier for i in reply.items} > {i.chunk.dossier for i in outcome.reply.items}


def test_follow_up_constraints_are_chips_from_the_conversation(assistant):
    outcome, chips, asked = _chips(assistant, "klantgerichtheid niveau 2", "alleen niveau 3")
    assert outcome.turn.constraints.level == "3"
    level = next(c for c in chips if c.field == "level")
    assert level.source == CONVERSATION and level.value == "3"
    assert chip_label(level, "nl") == "Niveau: 3 (uit het gesprek)"
    again = without(asked, level, Constraints())
    assert again.message == "klantgerichtheid" and again.extra.level == ""
    reply = assistant.reply(again.message, again.before, again.ui.merged(again.extra)).reply
    assert not any(c.field == "level" for c in applied_filters(reply, Constraints(), assistant.catalogue))
    assert {h.chunk.level for h in reply.hits if h.chunk.level} - {3}  # other levels come back


def test_a_follow_up_version_chip_goes_and_the_carried_dossier_stays(assistant):
    outcome, chips, asked = _chips(assistant, "samenwerken", "en bij de PMK?", "and for the 2015 version?")
    version = next(c for c in chips if c.field == "version")
    assert version.source == CONVERSATION and outcome.reply.lang == "en"
    assert chip_label(version, "en") == "Version: 2015-08-01 (from the conversation)"
    again = without(asked, version, Constraints())
    assert again.extra.version == "" and again.extra.dossier  # the dossier the conversation carried stays
    reply = assistant.reply(again.message, again.before, again.ui.merged(again.extra)).reply
    left = applied_filters(reply, Constraints(), assistant.catalogue)
    assert not any(c.field == "version" for c in left)
    assert any(c.field == "dossier" and c.source == CONVERSATION for c in left)


def test_an_english_question_asked_again_stays_english(assistant):
    outcome, chips, asked = _chips(assistant, "where does OA collaborate with external experts?")
    # "OA" names the Onderwijsassistent dossier (2021) and the Onderwijsassistent profile of PW 2015
    assert outcome.reply.lang == "en" and [c.field for c in chips] == ["scope", "scope"]
    dossier = next(c for c in chips if "2021" in c.value)
    again = without(asked, dossier, Constraints())
    assert again.message == "where does OA 2015 collaborate with external experts?"
    reply = assistant.reply(again.message, again.before, again.ui.merged(again.extra)).reply
    assert reply.lang == "en"
    assert [c.value for c in applied_filters(reply, Constraints(), assistant.catalogue)] == \
        [c.value for c in chips if c is not dossier]
    assert {i.chunk.version[:4] for i in reply.items} == {"2015"}


def test_chat_asked_again_says_what_was_removed(assistant):
    first = list(assistant.chat("oudercontact OA 2021", Session(), Constraints()))[-1]
    assert [c.field for c in first.chips] == ["scope"]
    chip = first.chips[0]
    again = without(first.asked, chip, Constraints())
    second = list(assistant.chat(None, first, again.ui, again=again, removed=chip))[-1]
    assert second.messages[-2]["content"] == "oudercontact 2021"
    answer = second.messages[-1]["content"]
    assert "zonder Bereik" in answer and "Onderwijsassistent 2021" in answer
    assert [c.field for c in second.chips] == ["year"]  # the year the question still names is its own chip
    assert len(second.messages) == len(first.messages) + 2


def test_choices_follow_the_ui_language(assistant):
    assert dossier_choices(assistant.chunks, "en")[0] == ("All dossiers", "")
    assert dossier_choices(assistant.chunks)[0] == ("Alle dossiers", "")
    assert level_choices(assistant.chunks, "en")[1] == ("Level 1", "1")


# --------------------------------------------------------------------------- in real Chromium

sync_api = pytest.importorskip("playwright.sync_api")
browser_only = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium is not installed")
TIMEOUT = 60_000


@pytest.fixture(scope="module")
def live(built_index, tmp_path_factory):
    app = start_app(built_index.index_dir, tmp_path_factory.mktemp("chips-app"))
    yield app
    app.stop()


@pytest.fixture
def page(browser, live):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT)
    yield page
    context.close()


def _open(page, url: str) -> None:
    page.goto(url)
    page.locator("#vraag textarea").wait_for()


def _wait_answer(page, count: int) -> str:
    bots = page.locator("#chat [data-testid='bot']")
    bots.nth(count).wait_for(state="visible")
    page.wait_for_function("() => !document.querySelector('#chat .generating, #chat .pending')")
    return bots.nth(count).inner_text()


@browser_only
def test_browser_chip_click_answers_without_that_filter(page, live):
    _open(page, live.url)
    box = page.locator("#vraag textarea")
    box.fill("oudercontact onderwijsassistent 2021 en 2015")
    box.press("Enter")
    _wait_answer(page, 0)
    chips = page.locator("#filterchips button.filterchip:visible")
    chips.first.wait_for()
    labels = [chips.nth(i).inner_text() for i in range(chips.count())]
    assert len(labels) == 2, labels
    target = next(label for label in labels if "2015" in label)
    assert target.startswith("Bereik: ") and target.endswith("×")
    page.get_by_role("button", name=target).click()
    answer = _wait_answer(page, 1)
    assert "zonder Bereik" in answer and "2015" in answer.split("zonder Bereik", 1)[1]
    page.wait_for_function("() => document.querySelectorAll('#filterchips button.filterchip:not([hidden])')"
                           ".length >= 1")
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        now = [chips.nth(i).inner_text() for i in range(chips.count())]
        if len(now) == 1:
            break
        time.sleep(0.2)
    assert len(now) == 1 and "2021" in now[0], now
    # the sources of the new answer are 2021 only
    assert "PW 2015" not in answer.split("zonder Bereik", 1)[0]

    # a dropdown filter: its chip clears the dropdown too
    page.locator("#f-niveau input").click()
    page.get_by_role("option", name="Niveau 3", exact=True).click()
    box.fill("samenwerken")
    box.press("Enter")
    _wait_answer(page, 2)
    chip = page.get_by_role("button", name="Niveau: 3 ×")
    chip.wait_for()
    chip.click()
    answer = _wait_answer(page, 3)
    assert "zonder Niveau: 3" in answer
    page.wait_for_function("() => document.querySelector('#f-niveau input').value !== 'Niveau 3'")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "filter-chips.png"), full_page=True)


@browser_only
def test_browser_english_interface(page, live):
    _open(page, live.url)
    assert page.get_by_role("tab", name="Bladeren").is_visible()
    page.locator("#taal").get_by_text("English", exact=True).click()
    page.get_by_role("tab", name="Browse").wait_for()
    for name in ("Chat", "Competence matrix", "Browse", "Compare", "Theme scan", "Documents"):
        assert page.get_by_role("tab", name=name).is_visible(), name
    assert page.get_by_role("button", name="Ask", exact=True).is_visible()
    assert page.get_by_role("button", name="New conversation").is_visible()
    assert page.get_by_label("Question").is_visible()
    assert page.locator("#vraag textarea").get_attribute("placeholder").startswith("E.g.")
    assert page.get_by_text("Example questions").is_visible()
    assert page.evaluate("document.documentElement.lang") == "en"
    page.get_by_role("button", name="coaching level 2").click()
    answer = _wait_answer(page, 0)
    assert answer.strip()
    # back to Dutch
    page.locator("#taal").get_by_text("Nederlands", exact=True).click()
    page.get_by_role("tab", name="Bladeren").wait_for()
    assert page.evaluate("document.documentElement.lang") == "nl"

    # the address chooses too
    _open(page, live.url + "?lang=en")
    page.get_by_role("tab", name="Competence matrix").wait_for()
    assert page.get_by_role("button", name="Ask", exact=True).is_visible()
    page.get_by_role("tab", name="Compare").click()
    page.get_by_label("Work process").first.wait_for()
    assert "Download CSV" in page.locator("#v-csv").inner_text()  # the pair's files keep the English label
    page.get_by_role("tab", name="Browse").click()
    page.locator("#b-versie").get_by_text("Version", exact=True).wait_for()
    page.get_by_role("tab", name="Theme scan").click()
    assert page.get_by_role("button", name="Scan", exact=True).is_visible()
    assert page.locator("#ts-thema textarea, #ts-thema input").first.get_attribute("placeholder").startswith("E.g.")
