"""What the UI shows and what ``/ask`` accepts, on the real bundled corpus (session index, see conftest.py).

* one dossier per name: "Sociaal Werk" (2020) and "Sociaal werk" (2015) are two versions of one;
* internal kinds ("uitleg_niveaus", "legenda") have human labels; abbreviations such as "SWB" are spelled out;
* ``/ask`` takes the labels of the app's own dropdowns as well as their values, and its error
  messages are plain text (no Markdown escapes, no HTML entities);
* the Competentiematrix prints each competence's definition and labels each level for a card layout.
"""

from __future__ import annotations

import re

import pytest

from assistant import views
from assistant.answer import kind_label
from assistant.conversation import abbreviations, choice_value, dossier_names
from assistant.model import KINDS
from assistant.webapp import Assistant, abbreviations_markdown, dossier_choices, filter_choices, kind_choices


@pytest.fixture(scope="module")
def assistant(built_index) -> Assistant:
    found = Assistant(built_index.settings)
    assert found.problem is None, found.problem
    return found


@pytest.fixture(scope="module")
def chunks(assistant):
    return assistant.chunks


# --------------------------------------------------------------------------- dossier names


def test_one_dossier_per_name_with_its_versions(chunks):
    spellings = {c.dossier for c in chunks if c.dossier and c.dossier.lower() == "sociaal werk"}
    assert spellings == {"Sociaal Werk", "Sociaal werk"}, "the corpus spells it both ways"
    social = [d for d in dossier_names(chunks) if d.name.lower() == "sociaal werk"]
    assert len(social) == 1
    assert [v for v, _ in social[0].versions] == ["2015-08-01", "2020-08-01"]
    assert social[0].spelling("2015-08-01") == "Sociaal werk" and social[0].spelling("2020-08-01") == "Sociaal Werk"
    assert social[0].name == "Sociaal Werk", "shown as the newest version spells it"


def test_dossier_choices_hold_each_dossier_once(chunks):
    labels = [label for label, value in dossier_choices(chunks) if value]
    names = [label.split(" (")[0].split(" · ")[0].lower() for label in labels]
    assert len(names) == len(set(names)), labels
    assert "Sociaal Werk (SW) · 2015, 2020" in labels


def test_browse_tab_lists_one_dossier_with_both_versions(built_index):
    from assistant.webapp import build_app

    demo = build_app(built_index.settings)
    try:
        dropdowns = {b.elem_id: b for b in demo.blocks.values() if getattr(b, "elem_id", None) in ("b-dossier",)}
        names = [value for _, value in dropdowns["b-dossier"].choices]
        assert sum(1 for n in names if n.lower() == "sociaal werk") == 1, names
        tree = views.browse_tree(demo.assistant.chunks, "Sociaal werk", "2015-08-01")
        assert tree, "the 2015 version is reachable under its own spelling"
    finally:
        demo.close()


# --------------------------------------------------------------------------- labels


def test_every_kind_has_a_human_label_in_both_languages():
    for kind in KINDS:
        for lang in ("nl", "en"):
            assert "_" not in kind_label(kind, lang), (kind, lang)
    assert kind_label("uitleg_niveaus", "nl") == "uitleg van de niveaus"
    assert kind_label("legenda", "en") != "legenda"


def test_kind_filter_shows_labels_and_keeps_values(chunks):
    choices = kind_choices(chunks)
    assert ("uitleg van de niveaus", "uitleg_niveaus") in choices
    assert all("_" not in label for label, _ in choices)


def test_abbreviations_are_spelled_out(chunks):
    found = dict(abbreviations(chunks))
    assert found["SWB"] == "competentieprofiel Sociaalwerker B"
    assert found["OA"] == "Onderwijsassistent"
    used = {c.dossier_abbr for c in chunks if c.dossier_abbr} | {c.profile_abbr for c in chunks if c.profile_abbr}
    assert used <= set(found), used - set(found)
    legend = abbreviations_markdown(chunks)
    assert legend.startswith("**Afkortingen**") and "**SWB** competentieprofiel Sociaalwerker B" in legend


def test_uitleg_niveaus_is_shown_with_its_label_in_an_answer(assistant):
    answer = assistant.ask("wat betekenen de niveaus uitleg niveaus", kind="uitleg_niveaus")
    assert "uitleg van de niveaus" in answer and "uitleg_niveaus" not in answer


# --------------------------------------------------------------------------- /ask takes labels


def test_choice_value_takes_every_label_and_value_of_the_dropdowns(chunks):
    for name, choices in filter_choices(chunks).items():
        for label, value in choices:
            assert choice_value(label, choices) == value, (name, label)
            assert choice_value(value, choices) == value or not value, (name, value)
            assert choice_value(f"  {label.upper()} ", choices) == value, (name, label)
            short = label.split(" · ")[0]
            assert choice_value(short, choices) == value, (name, short)
    assert choice_value("OA", filter_choices(chunks)["dossier"]) == "OA", "other text is left for the filter check"
    assert choice_value("", filter_choices(chunks)["dossier"]) == ""


def test_ask_accepts_the_dropdown_labels(assistant):
    question = "samenwerken met externe deskundigen"
    by_value = assistant.ask(question, "Onderwijsassistent", "", "2021-08-01", "werkproces", "")
    by_label = assistant.ask(question, "Onderwijsassistent (OA) · 2021", "", "2021-08-01", "werkproces", "")
    assert by_label == by_value and "[1]" in by_value
    shown = assistant.ask(question, "Onderwijsassistent (OA)", "", "", "", "")
    assert "[1]" in shown and "onbekende" not in shown
    profile = assistant.ask(question, "", "Onderwijsassistent (OA)", "", "", "")
    assert profile == assistant.ask(question, "", "Onderwijsassistent", "", "", "")
    level = assistant.ask("Coachen", "", "", "", "Alle soorten", "Niveau 2")
    assert level.startswith("Het best passend is **Coachen niveau 2**"), level[:120]


def test_ask_errors_are_plain_text(assistant):
    message = assistant.ask("samenwerken", "Onbekend (XY) · 2030")
    assert message.startswith("Dat kan ik zo niet zoeken: onbekende dossier 'Onbekend (XY) · 2030'"), message
    assert "Sport & Bewegen" in message
    assert not re.search(r"\\[()\[\]*_`]|&amp;|&lt;|&gt;", message), message
    bad_level = assistant.ask("samenwerken", level="drie\n<b>")
    assert bad_level == "Dat kan ik zo niet zoeken: onbekend niveau 'drie ‹b›'; kies uit: 1, 2, 3, 4", bad_level
    hostile = assistant.ask("samenwerken", '<img src=x onerror="alert(1)">')
    assert "<" not in hostile and "&lt;" not in hostile and "‹img src=x" in hostile, hostile


# --------------------------------------------------------------------------- the matrix


def test_matrix_shows_definitions_and_labels_levels(chunks):
    html = views.render_matrix(views.competence_matrix(chunks, "Sociaalwerker B"))
    assert 'title="' not in html, "no hover-only definition"
    row = re.search(r'<tr><th scope="row">Coachen<span class="definitie">([^<]+)</span></th>(.*?)</tr>', html)
    assert row and len(row.group(1)) > 20
    assert [int(n) for n in re.findall(r'data-label="Niveau (\d)"', row.group(2))] == [1, 2, 3, 4]
    assert html.startswith('<div class="matrix-wrap" role="region" tabindex="0" aria-label="Sociaalwerker B')
