"""The Documenten tab: what the index holds, and (for an admin) upload, remove and re-index.

Everyone sees the sources table, the totals, the embedder and the schema. Changing the index needs
an admin (see :mod:`assistant.admin`); without configuration the tab is read-only and says how to
enable changes. Uploads go through :func:`ingest.uploads.store_uploads`, the same incremental build
as ``assistant ingest``; afterwards the app swaps in the new build before it reports the result.
"""

from __future__ import annotations

import logging
from pathlib import Path

import gradio as gr

from assistant import admin
from assistant.answer import escape
from assistant.index import IndexUnavailable, read_chunks, read_manifest, usable_build
from assistant.inventory import Inventory, inventory

logger = logging.getLogger(__name__)

HEADERS = ["Bestand", "Formaat", "Dossier(s)", "Versie(s)", "Crebo", "Profielen", "Eenheden", "Chunks",
           "Bijgewerkt", "Status"]
FORMAT_LABELS = {"pdf": "PDF", "sbb_xml": "SBB-XML", "kd_text": "KD-tekst", "competence": "competentieprofiel"}
STATUS_LABELS = {"ok": "ok", "failed": "mislukt", "stale": "verouderd"}
STEPS = {"parse": (0.0, 0.25, "Lezen"), "embed": (0.25, 0.85, "Embedden"), "write": (0.85, 0.95, "Schrijven"),
         "switch": (0.95, 1.0, "Overschakelen")}
OUTCOME_LABELS = {"added": "toegevoegd", "updated": "bijgewerkt", "unchanged": "ongewijzigd", "failed": "mislukt"}
FILE_TYPES = [".pdf", ".xml", ".txt", ".md"]
PROGRESS = gr.Progress()  # Gradio gives each call its own tracker in place of this default

READ_ONLY = ("**Alleen lezen.** Documenten toevoegen of verwijderen kan pas als de beheerder de app start met "
             "`ASSISTANT_ADMIN_PASSWORD` (of met Gradio-inlog, `ASSISTANT_AUTH`); zie docs/deployment.md. "
             "Vanaf de opdrachtregel: `assistant ingest BESTAND` en `assistant remove NAAM`.")
LOGIN_NEEDED = "Log in als beheerder om documenten toe te voegen, te verwijderen of opnieuw te indexeren."
LOGGED_IN = "Je bent ingelogd als beheerder."
NOT_ADMIN = "**Niet toegestaan:** alleen een ingelogde beheerder mag de index wijzigen. Er is niets veranderd."


def current_inventory(settings) -> Inventory | None:
    """The inventory of the current build, or None without a usable index."""
    try:
        build = usable_build(settings)
        return inventory(read_manifest(build), read_chunks(build))
    except (IndexUnavailable, OSError, ValueError, KeyError, TypeError):
        return None


def table_rows(found: Inventory | None) -> list[list]:
    """The sources table: one row per source, plain text (never rendered as HTML or Markdown)."""
    if found is None:
        return []
    return [[s.source, FORMAT_LABELS.get(s.format, s.format), ", ".join(s.dossiers), ", ".join(s.versions),
             ", ".join(s.crebo), ", ".join(s.profiles), s.units, s.chunks, (s.updated or "").replace("T", " "),
             STATUS_LABELS.get(s.status, s.status) + (f": {s.error}" if s.error else "")] for s in found.sources]


def totals_text(found: Inventory | None) -> str:
    """The totals line: sources, units, chunks, embedder, schema and build."""
    if found is None:
        return "**Geen index.** Bouw er een met `assistant ingest`, of voeg als beheerder een document toe."
    failed = sum(1 for s in found.sources if s.status != "ok")
    extra = f" · {failed} met een probleem" if failed else ""
    return (f"**{len(found.sources)} bronnen** · {found.units} eenheden · {found.chunks} chunks{extra} · "
            f"embedder `{escape(str(found.embedder))}` · schema {found.schema} · build `{escape(str(found.build))}`")


def mode_text(admin_now: bool) -> str:
    """What this visitor may do, and how to enable changes."""
    if not admin.changes_enabled():
        return READ_ONLY
    return LOGGED_IN if admin_now else LOGIN_NEEDED


def account_html(admin_now: bool) -> str:
    """Log-in link or log-out button (plain HTML forms to the app's own /admin routes)."""
    if admin_now and admin.admin_password():
        return ('<form method="post" action="admin/logout" class="uitloggen">'
                '<button type="submit" id="docs-logout">Uitloggen</button></form>')
    if not admin_now and admin.admin_password():
        return '<p><a href="admin/login" id="docs-login">Inloggen als beheerder</a></p>'
    return ""


def outcome_text(outcomes) -> str:
    """The upload result: per file added, updated, unchanged or failed, and why."""
    lines = []
    for item in outcomes:
        label = OUTCOME_LABELS.get(item.status, item.status)
        line = f"- **{label}**: {escape(item.name)}"
        if item.status != "failed":
            line += f" ({item.chunks} chunks)"
        if item.reason:
            reason = item.reason.removeprefix(f"{item.name}: ")
            line += f": {escape(reason)}"
        lines.append(line)
    ok = sum(1 for item in outcomes if item.status != "failed")
    head = f"**Resultaat:** {ok} van {len(outcomes)} bestanden in de index."
    return "\n".join([head, "", *lines])


def _forget(paths) -> None:
    """Delete Gradio's temporary copies of uploaded files (and their folders when empty)."""
    for raw in paths or ():
        path = Path(raw)
        path.unlink(missing_ok=True)
        try:
            path.parent.rmdir()
        except OSError:
            pass


def _progress_callback(progress):
    def on_step(step: str, fraction: float) -> None:
        start, end, label = STEPS.get(step, (0.0, 1.0, step))
        progress(start + (end - start) * max(0.0, min(1.0, fraction)), desc=label)

    return on_step


def _refresh_filters_on_load(demo: gr.Blocks, assistant) -> None:
    """On each page load, give the dropdowns of the other tabs the choices of the build now answering.

    The dropdowns are found by their ``elem_id`` (set by the tabs that own them); missing ones are skipped.
    """
    from assistant import views, webapp

    makers = {"f-dossier": webapp.dossier_choices, "f-profiel": webapp.profile_choices,
              "f-versie": webapp.version_choices, "f-soort": webapp.kind_choices, "f-niveau": webapp.level_choices,
              "ts-dossier": webapp.dossier_choices, "ts-versie": webapp.version_choices,
              "m-profiel": lambda chunks: list(views.profile_documents(chunks)),
              "b-dossier": lambda chunks: list(dict.fromkeys(d for d, _ in views.dossiers(chunks))),
              "v-code": lambda chunks: list(views.comparable_codes(chunks))}
    found = {b.elem_id: b for b in demo.blocks.values() if isinstance(b, gr.Dropdown) and b.elem_id in makers}
    if not found:
        return
    ids = list(found)

    def choices():
        assistant.refresh()
        chunks = assistant.chunks
        updates = [gr.Dropdown(choices=makers[i](chunks)) for i in ids]
        return updates[0] if len(updates) == 1 else updates

    demo.load(choices, None, [found[i] for i in ids], api_visibility="private")


def documents_tab(demo: gr.Blocks, assistant) -> None:
    """Build the Documenten tab inside the current ``gr.Tab`` (``demo`` for the per-visitor load event)."""
    from assistant.embedders import EmbedderError
    from ingest.build import IngestBusy, IngestFailed, UnknownSource, remove_source, run_ingest
    from ingest.uploads import MAX_UPLOAD_BYTES, WAIT_SECONDS, in_background, store_uploads

    settings = assistant.settings
    found = current_inventory(settings)
    mode = gr.Markdown(mode_text(False), elem_id="docs-mode")
    account = gr.HTML(account_html(False), elem_id="docs-account")
    totals = gr.Markdown(totals_text(found), elem_id="docs-totals")
    table = gr.Dataframe(table_rows(found), headers=HEADERS, interactive=False, wrap=True, elem_id="docs-table",
                         label="Bronnen in de index")
    refresh = gr.Button("Lijst vernieuwen", size="sm", elem_id="docs-refresh")
    with gr.Column(visible=False, elem_id="docs-admin") as panel:
        gr.Markdown(f"### Toevoegen\nPDF (met tekstlaag), SBB-XML, tekst of Markdown (KD-extract of "
                    f"competentieprofiel); hoogstens {MAX_UPLOAD_BYTES // 2**20} MB per bestand. Een bestand met "
                    "dezelfde naam als een eerdere upload vervangt die.")
        files = gr.File(label="Bestanden", file_count="multiple", file_types=FILE_TYPES, type="filepath",
                        elem_id="docs-files")
        upload = gr.Button("Toevoegen en indexeren", variant="primary", elem_id="docs-upload")
        result = gr.Markdown(elem_id="docs-result")
        gr.Markdown("### Verwijderen en opnieuw indexeren")
        with gr.Row():
            name = gr.Dropdown(list(found.names()) if found else [], value=None, label="Bron", elem_id="docs-name")
            remove = gr.Button("Verwijderen…", elem_id="docs-remove")
        with gr.Row(visible=False, elem_id="docs-confirm") as confirm:
            question = gr.Markdown()
            yes = gr.Button("Ja, verwijderen", variant="stop", elem_id="docs-remove-yes")
            no = gr.Button("Annuleren", elem_id="docs-remove-no")
        reindex = gr.Button("Alles opnieuw indexeren", elem_id="docs-reindex")

    def listing():
        now = current_inventory(settings)
        names = list(now.names()) if now else []
        return totals_text(now), table_rows(now), gr.Dropdown(choices=names, value=None)

    def on_load(request: gr.Request):
        allowed = admin.is_admin(request)
        return (mode_text(allowed), account_html(allowed), gr.Column(visible=allowed), *listing())

    def do_upload(paths, request: gr.Request, progress=PROGRESS):
        try:
            if not admin.is_admin(request):
                return NOT_ADMIN, *listing(), None
            if not paths:
                return "Kies eerst een of meer bestanden.", *listing(), None
            given = [paths] if isinstance(paths, str) else list(paths)
            progress(0.0, desc="Controleren")
            try:
                outcome = in_background(
                    store_uploads, settings, [(Path(p).name, Path(p)) for p in given],
                    on_step=_progress_callback(progress),
                    on_wait=lambda: progress(0.0, desc="Een andere wijziging loopt nog; deze upload wacht…"),
                    wait=WAIT_SECONDS)
            except IngestBusy:
                return "**Nog bezig:** een andere wijziging van de index duurt te lang; probeer het zo opnieuw. " \
                       "Er is niets veranderd.", *listing(), None
            except (IngestFailed, EmbedderError) as exc:
                return f"**Mislukt:** {escape(str(exc))}. De vorige index blijft antwoorden.", *listing(), None
            if outcome.changed:
                assistant.refresh(wait=True)
            return outcome_text(outcome.outcomes), *listing(), None
        finally:
            _forget([paths] if isinstance(paths, str) else paths)

    def ask_remove(chosen, request: gr.Request):
        if not admin.is_admin(request):
            return NOT_ADMIN, gr.Row(visible=False), ""
        if not chosen:
            return "Kies eerst een bron.", gr.Row(visible=False), ""
        return "", gr.Row(visible=True), f"**{escape(chosen)}** uit de index verwijderen?"

    def do_remove(chosen, request: gr.Request, progress=PROGRESS):
        hide = gr.Row(visible=False)
        if not admin.is_admin(request):
            return NOT_ADMIN, hide, *listing()
        if not chosen:
            return "Kies eerst een bron.", hide, *listing()
        progress(0.1, desc="Verwijderen")
        try:
            report = in_background(remove_source, settings, str(chosen), wait=WAIT_SECONDS)
        except UnknownSource:
            return f"**{escape(str(chosen))}** staat niet (meer) in de index.", hide, *listing()
        except IngestBusy:
            return "**Nog bezig:** een andere wijziging loopt; probeer het zo opnieuw.", hide, *listing()
        except (IngestFailed, EmbedderError) as exc:
            return f"**Mislukt:** {escape(str(exc))}. Er is niets veranderd.", hide, *listing()
        assistant.refresh(wait=True)
        return (f"**Verwijderd:** {escape(str(chosen))} · de index heeft nu {report.chunks} chunks.", hide,
                *listing())

    def do_reindex(request: gr.Request, progress=PROGRESS):
        if not admin.is_admin(request):
            return NOT_ADMIN, *listing()
        now = current_inventory(settings)
        build = None if now is None else usable_build(settings)
        keys = [Path(k) for k in read_manifest(build).get("files", {})] if build else []
        if not keys:
            return "Er is nog niets om opnieuw te indexeren.", *listing()
        progress(0.0, desc="Controleren")
        try:
            report = in_background(run_ingest, [k for k in keys if k.exists()], settings, force=True,
                                   wait=WAIT_SECONDS, on_step=_progress_callback(progress))
        except IngestBusy:
            return "**Nog bezig:** een andere wijziging loopt; probeer het zo opnieuw.", *listing()
        except (IngestFailed, EmbedderError) as exc:
            return f"**Mislukt:** {escape(str(exc))}. De vorige index blijft antwoorden.", *listing()
        assistant.refresh(wait=True)
        failed = "".join(f"\n- {escape(item['error'])}" for item in report.failed)
        return (f"**Opnieuw geïndexeerd:** {report.chunks} chunks, {report.removed} verdwenen bestanden "
                f"verwijderd, {len(report.failed)} mislukt.{failed}", *listing())

    lists = [totals, table, name]
    demo.load(on_load, None, [mode, account, panel, *lists], api_visibility="private")
    _refresh_filters_on_load(demo, assistant)
    refresh.click(listing, None, lists, api_visibility="private")
    # callable by name (tests, scripts) but not listed: /ask is the documented API; each call checks the admin
    upload.click(do_upload, files, [result, *lists, files], api_name="upload_documents",
                 api_visibility="undocumented", concurrency_limit=4, concurrency_id="documents")
    remove.click(ask_remove, name, [result, confirm, question], api_visibility="private")
    no.click(lambda: ("", gr.Row(visible=False)), None, [result, confirm], api_visibility="private")
    yes.click(do_remove, name, [result, confirm, *lists], api_name="remove_document",
              api_visibility="undocumented", concurrency_limit=4, concurrency_id="documents")
    reindex.click(do_reindex, None, [result, *lists], api_visibility="private", concurrency_limit=4,
                  concurrency_id="documents")
