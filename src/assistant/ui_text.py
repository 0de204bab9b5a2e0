"""The web app's static text in Dutch (the default) and English: one table per language, same keys.

The page starts in :func:`default_language` (``ASSISTANT_UI_LANG=en`` for English, else Dutch); a visitor
switches with the language choice in the header or ``?lang=en`` in the address. Answers do not follow
this choice: they come in the language of the question (:mod:`assistant.reply_text`).

Values are plain strings (``{name}`` fields are filled with :func:`text`), except ``examples`` (role →
example questions) and ``export_scopes`` ((label, value) pairs).
"""

from __future__ import annotations

import os

LANGUAGES = ("nl", "en")
DEFAULT = "nl"
CHOICES = (("Nederlands", "nl"), ("English", "en"))  # each in its own language, so both can find theirs

NL: dict[str, object] = {
    "title": "mbo-assistent",
    "intro": "# mbo-assistent\nZoek in kwalificatiedossiers en competentieprofielen. "
             "Vraag in het Nederlands of in het Engels; elk antwoord noemt zijn bronnen.",
    "language": "Taal / Language",
    "tab_chat": "Chat",
    "tab_matrix": "Competentiematrix",
    "tab_browse": "Bladeren",
    "tab_compare": "Vergelijken",
    "tab_themescan": "Themascan",
    "tab_documents": "Documenten",
    "chat_label": "Gesprek",
    "chat_placeholder": "Stel je vraag hieronder, of kies een voorbeeldvraag.",
    "question": "Vraag",
    "question_placeholder": "Bijv. waar komt multidisciplinair overleg voor?",
    "send": "Vraag stellen",
    "csv": "CSV downloaden",
    "markdown": "Markdown downloaden",
    "new": "Nieuw gesprek",
    "filters": "Filters",
    "dossier": "Dossier",
    "profile": "Profiel",
    "version": "Versie",
    "kind": "Soort",
    "level": "Niveau",
    "scope": "Bereik",
    "all_dossier": "Alle dossiers",
    "all_profile": "Alle profielen",
    "all_version": "Alle versies",
    "all_kind": "Alle soorten",
    "all_level": "Alle niveaus",
    "level_n": "Niveau {n}",
    "followup_help": "Vervolgvragen zoals *en bij de PMK?*, *alleen niveau 3* of *and for the 2015 version?* "
                     "gaan verder op de vorige vraag.",
    "abbreviations": "Afkortingen",
    "abbr_profile_document": "competentieprofiel {name}",
    "abbr_profile": "profiel {name}",
    "chips": "Toegepaste filters (klik om er een weg te halen):",
    "chip": "{field}: {value}",
    "chip_from_question": "{field}: {value} (uit de vraag)",
    "chip_from_conversation": "{field}: {value} (uit het gesprek)",
    "removed": "zonder {what}",
    "comment": "Wat klopte er niet? (optioneel)",
    "comment_send": "Toelichting versturen",
    "export": "Exporteer",
    "export_scopes": (("Dit antwoord", "answer"), ("Hele gesprek", "conversation"), ("Gekozen bronnen", "selected")),
    "picks": "Gekozen bronnen",
    "examples_title": "**Voorbeeldvragen** (één klik):",
    "examples": {
        "Docent": ("where does OA collaborate with external experts?", "waar komt multidisciplinair overleg voor?"),
        "Student": ("Coachen niveau 2", "wat hoort bij niveau 3 van plannen en organiseren?"),
        "Ontwerper": ("welke werkprocessen gaan over kwaliteitszorg?", "B1-K1-W5 samenwerken met andere betrokkenen"),
    },
    "feedback_saved": "Dank je voor je feedback.",
    "feedback_rate_limited": "Je hebt net veel feedback gegeven (hoogstens {n} per minuut); probeer het zo weer.",
    "feedback_invalid": "Deze feedback kon ik niet lezen; klik op duim omhoog of omlaag bij een antwoord.",
    "feedback_failed": "Je feedback kon niet worden opgeslagen; probeer het later opnieuw.",
    "missing_index": "**De index ontbreekt of is niet bruikbaar** ({problem}).\n\n"
                     "Bouw hem met `assistant ingest` (of `bash scripts/run.sh`, dat alles installeert, de index "
                     "bouwt en deze pagina start) en herlaad daarna de app.",
    "matrix_profile": "Competentieprofiel",
    "compare_unit": "Werkproces",
    "compare_with": "Vergelijk met (tegenhanger of ander profiel)",
}

EN: dict[str, object] = {
    "title": "mbo assistant",
    "intro": "# mbo assistant\nSearch the qualification dossiers (kwalificatiedossiers) and competence profiles. "
             "Ask in English or in Dutch; every answer names its sources.",
    "language": "Taal / Language",
    "tab_chat": "Chat",
    "tab_matrix": "Competence matrix",
    "tab_browse": "Browse",
    "tab_compare": "Compare",
    "tab_themescan": "Theme scan",
    "tab_documents": "Documents",
    "chat_label": "Conversation",
    "chat_placeholder": "Ask your question below, or pick an example question.",
    "question": "Question",
    "question_placeholder": "E.g. where does OA collaborate with external experts?",
    "send": "Ask",
    "csv": "Download CSV",
    "markdown": "Download Markdown",
    "new": "New conversation",
    "filters": "Filters",
    "dossier": "Dossier",
    "profile": "Profile",
    "version": "Version",
    "kind": "Kind",
    "level": "Level",
    "scope": "Scope",
    "all_dossier": "All dossiers",
    "all_profile": "All profiles",
    "all_version": "All versions",
    "all_kind": "All kinds",
    "all_level": "All levels",
    "level_n": "Level {n}",
    "followup_help": "Follow-up questions such as *and for the PMK?*, *only level 3* or *en bij de 2015-versie?* "
                     "build on the previous question.",
    "abbreviations": "Abbreviations",
    "abbr_profile_document": "competence profile {name}",
    "abbr_profile": "profile {name}",
    "chips": "Applied filters (click one to remove it):",
    "chip": "{field}: {value}",
    "chip_from_question": "{field}: {value} (from the question)",
    "chip_from_conversation": "{field}: {value} (from the conversation)",
    "removed": "without {what}",
    "comment": "What was wrong? (optional)",
    "comment_send": "Send comment",
    "export": "Export",
    "export_scopes": (("This answer", "answer"), ("Whole conversation", "conversation"),
                      ("Chosen sources", "selected")),
    "picks": "Chosen sources",
    "examples_title": "**Example questions** (one click):",
    "examples": {
        "Teacher": ("where does OA collaborate with external experts?", "where does multidisciplinary consultation "
                                                                         "occur?"),
        "Student": ("coaching level 2", "what belongs to level 3 of planning and organising?"),
        "Designer": ("which work processes are about quality assurance?", "B1-K1-W5 working together with others "
                                                                           "involved"),
    },
    "feedback_saved": "Thank you for your feedback.",
    "feedback_rate_limited": "You just gave a lot of feedback (at most {n} a minute); please try again shortly.",
    "feedback_invalid": "I could not read this feedback; click thumbs up or down on an answer.",
    "feedback_failed": "Your feedback could not be saved; please try again later.",
    "missing_index": "**The index is missing or cannot be used** ({problem}).\n\n"
                     "Build it with `assistant ingest` (or `bash scripts/run.sh`, which installs everything, builds "
                     "the index and starts this page), then reload the app.",
    "matrix_profile": "Competence profile",
    "compare_unit": "Work process",
    "compare_with": "Compare with (counterpart or other profile)",
}

TABLES: dict[str, dict[str, object]] = {"nl": NL, "en": EN}

# Components the Themascan and Documenten tabs build themselves (assistant.themes.ui, assistant.web_documents),
# by elem_id: the properties to switch. The Dutch entries are those modules' own texts (a test checks that
# they still are), so switching back restores them.
ELEMENTS: dict[str, dict[str, dict[str, str]]] = {
    "nl": {
        "ts-thema": {"label": "Thema", "placeholder": "Bijv. interprofessioneel samenwerken"},
        "ts-dossier": {"label": "Dossier"},
        "ts-profiel": {"label": "Profiel"},
        "ts-versie": {"label": "Versie"},
        "ts-scan": {"value": "Scannen"},
        "ts-termen-scan": {"value": "Opnieuw met deze termen"},
        "ts-termen": {"label": "Zoektermen (bewerkbaar: term, term:0.5 voor een contextterm, af|stemmen, -woord "
                               "telt niet mee)"},
        "docs-table": {"label": "Bronnen in de index"},
        "docs-refresh": {"value": "Lijst vernieuwen"},
        "docs-files": {"label": "Bestanden"},
        "docs-upload": {"value": "Toevoegen en indexeren"},
        "docs-name": {"label": "Bron"},
        "docs-remove": {"value": "Verwijderen…"},
        "docs-remove-yes": {"value": "Ja, verwijderen"},
        "docs-remove-no": {"value": "Annuleren"},
        "docs-reindex": {"value": "Alles opnieuw indexeren"},
    },
    "en": {
        "ts-thema": {"label": "Theme", "placeholder": "E.g. interprofessional collaboration"},
        "ts-dossier": {"label": "Dossier"},
        "ts-profiel": {"label": "Profile"},
        "ts-versie": {"label": "Version"},
        "ts-scan": {"value": "Scan"},
        "ts-termen-scan": {"value": "Scan again with these terms"},
        "ts-termen": {"label": "Search terms (editable: term, term:0.5 for a context term, af|stemmen, -word "
                               "does not count)"},
        "docs-table": {"label": "Sources in the index"},
        "docs-refresh": {"value": "Refresh the list"},
        "docs-files": {"label": "Files"},
        "docs-upload": {"value": "Add and index"},
        "docs-name": {"label": "Source"},
        "docs-remove": {"value": "Remove…"},
        "docs-remove-yes": {"value": "Yes, remove"},
        "docs-remove-no": {"value": "Cancel"},
        "docs-reindex": {"value": "Re-index everything"},
    },
}


def pick(lang: object) -> str:
    """A supported UI language for a value from a form, an address or the environment (Dutch otherwise)."""
    value = lang.strip().lower()[:2] if isinstance(lang, str) else ""
    return value if value in LANGUAGES else DEFAULT


def default_language() -> str:
    """The language the page starts in: ``ASSISTANT_UI_LANG`` (``nl`` or ``en``), else Dutch."""
    return pick(os.environ.get("ASSISTANT_UI_LANG", DEFAULT))


def text(lang: str, key: str, **fields: object) -> str:
    """One string in ``lang`` (Dutch when the language is unknown), with its ``{fields}`` filled in."""
    value = TABLES[pick(lang)][key]
    if not isinstance(value, str):
        raise TypeError(f"{key} is not a string")
    return value.format(**fields) if fields else value


def value(lang: str, key: str) -> object:
    """One table entry as it stands (the examples and the export choices are not strings)."""
    return TABLES[pick(lang)][key]
