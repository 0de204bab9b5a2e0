"""The Themascan tab of the web app: handler and layout (imported by :mod:`assistant.webapp`).

Scans share the app's search lock (``Assistant._lock``) fairly: one scan at a time runs (others wait for
their turn), and it takes the search lock in short slices, so a question asked meanwhile waits for at
most one slice (docs/theme-scan.md, "Limits").
"""

from __future__ import annotations

import contextlib
import logging
import threading
from pathlib import Path

import gradio as gr

from assistant.answer import escape
from assistant.retrieval import BadQuery, Filters, valid_text, validate_filters
from assistant.themes.limits import MAX_TERMS_CHARS, MAX_THEME_CHARS, BadTheme
from assistant.themes.render import ExportError, render_markdown, write_downloads
from assistant.themes.scan import scan

logger = logging.getLogger(__name__)

THEMESCAN_EXAMPLES = ("interprofessioneel samenwerken", "veiligheid", "feedback", "interprofessional collaboration")
NO_INDEX = "**Er is geen index om te scannen** ({problem}). Bouw eerst een index: `assistant ingest`."
_SCAN_GATE = threading.Lock()  # one theme scan at a time; each takes the search lock only in slices


def _text(value: object, limit: int) -> str:
    """A text field's value as safe text: no lone surrogates (they cannot be sent back), at most ``limit * 2``."""
    return valid_text(value if isinstance(value, str) else "")[: limit * 2]


def themescan_handler(assistant, theme: str | None, terms: str | None = "", dossier: str | None = "",
                      version: str | None = "", use_terms: bool = False,
                      profile: str | None = "") -> tuple[str, str, str | None, str | None]:
    """One theme scan for the Themascan tab: (overview Markdown, editable terms, Markdown file, CSV file).

    With ``use_terms`` the edited term list replaces the expansion; otherwise the theme is expanded
    afresh and the returned terms show that expansion. Bad input (also a lone surrogate, or a list over
    the limits) gets a friendly message and no files, never a traceback.
    """
    theme = _text(theme, MAX_THEME_CHARS)
    terms = _text(terms, MAX_TERMS_CHARS)
    dossier, version, profile = (_text(v, 200) or None for v in (dossier, version, profile))
    if assistant.problem or assistant.index is None:
        return NO_INDEX.format(problem=escape(assistant.problem or "geen index")), terms, None, None
    lock = getattr(assistant, "_lock", None) or contextlib.nullcontext()
    try:
        validate_filters(Filters(dossier=dossier, version=version, profile=profile), assistant.index.vocabulary)
        with _SCAN_GATE:
            result = scan(assistant.index, theme, terms=terms if use_terms else None, dossier=dossier,
                          version=version, profile=profile, lock=lock)
    except (BadTheme, BadQuery) as exc:
        return f"**{escape(str(exc))}**", terms, None, None
    overview = render_markdown(result, ui=True)
    try:
        md_path, csv_path = write_downloads(assistant.export_dir / "themascan", result)
    except ExportError as exc:
        logger.warning("theme scan export failed: %s", exc)
        return overview, result.expansion.as_text(), None, None
    return overview, result.expansion.as_text(), str(md_path), str(csv_path)


def themescan_tab(assistant, chunks, choices) -> None:
    """The tab's layout and events; ``choices`` gives (dossier, profile, version) dropdown choices."""
    from assistant.webapp import _download

    dossiers, profiles, versions = choices
    gr.Markdown("Geef een thema (of een paar, met komma's) en zie per dossier en profiel, in documentvolgorde, "
                "elk werkproces, elke kerntaak en beschrijving waar het thema voorkomt, met de zinnen die het "
                "dragen en een matrix per kerntaak. Pas de zoektermen aan en scan opnieuw om te zien wat verandert.")
    with gr.Row():
        theme = gr.Textbox(label="Thema", placeholder="Bijv. interprofessioneel samenwerken", scale=4,
                           elem_id="ts-thema", max_length=400, lines=1)
        dossier = gr.Dropdown(dossiers, value="", label="Dossier", elem_id="ts-dossier", scale=2)
        profile = gr.Dropdown(profiles, value="", label="Profiel", elem_id="ts-profiel", scale=2)
        version = gr.Dropdown(versions, value="", label="Versie", elem_id="ts-versie", scale=1)
    with gr.Row():
        run = gr.Button("Scannen", variant="primary", elem_id="ts-scan")
        rerun = gr.Button("Opnieuw met deze termen", elem_id="ts-termen-scan")
        md_button = gr.DownloadButton("Markdown downloaden", value=None, interactive=False, elem_id="ts-md", size="sm")
        csv_button = gr.DownloadButton("CSV downloaden", value=None, interactive=False, elem_id="ts-csv", size="sm")
    with gr.Row():
        examples = [gr.Button(t, size="sm", elem_classes=["voorbeeld"]) for t in THEMESCAN_EXAMPLES]
    terms = gr.Textbox(label="Zoektermen (bewerkbaar: term, term:0.5 voor een contextterm, af|stemmen, -woord "
                             "telt niet mee)", lines=3, elem_id="ts-termen", max_length=MAX_TERMS_CHARS)
    overview = gr.Markdown(elem_id="ts-overzicht", sanitize_html=True, latex_delimiters=[])
    previous = gr.State(())

    def respond(text, edited, d, p, v, old, use_terms):
        markdown, shown_terms, md_path, csv_path = themescan_handler(assistant, text, edited, d, v, use_terms, p)
        for path in old or ():
            Path(path).unlink(missing_ok=True)  # Gradio serves its own copy once shown; keep the app's dir small
        kept = tuple(p for p in (md_path, csv_path) if p)
        return (markdown, shown_terms, _download(Path(md_path) if md_path else None, "Markdown downloaden"),
                _download(Path(csv_path) if csv_path else None, "CSV downloaden"), kept)

    inputs = [theme, terms, dossier, profile, version, previous]
    outputs = [overview, terms, md_button, csv_button, previous]
    run.click(lambda t, e, d, p, v, o: respond(t, e, d, p, v, o, False), inputs, outputs, api_visibility="private")
    theme.submit(lambda t, e, d, p, v, o: respond(t, e, d, p, v, o, False), inputs, outputs,
                 api_visibility="private")
    rerun.click(lambda t, e, d, p, v, o: respond(t, e, d, p, v, o, True), inputs, outputs, api_visibility="private")
    for button in examples:
        button.click(lambda t, d, p, v, o: (t, *respond(t, "", d, p, v, o, False)),
                     [button, dossier, profile, version, previous], [theme, *outputs], api_visibility="private")
