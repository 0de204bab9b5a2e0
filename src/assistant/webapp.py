"""The Gradio Blocks behind ``app.py`` and ``assistant serve``.

Dutch first: labels, buttons and messages are Dutch; answers follow the language of
the question. Tabs: *Chat* (answers with citations, filters, example questions,
export, feedback), *Competentiematrix*, *Bladeren* and *Vergelijken*.

Hardening: binds 127.0.0.1, no share link, no monitoring page, no analytics, no
``allowed_paths``; a queue with a size and concurrency limit; questions are cut
to :data:`MAX_QUERY_CHARS` on the server; all document text is escaped. Without an
index the page still starts and says how to build one.
"""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import gradio as gr
from starlette.middleware import Middleware

from assistant import feedback, views
from assistant.answer import TEXT, compose, compose_generated, escape, make_answer
from assistant.conversation import Catalogue, Constraints, Resolved, Turn, resolve
from assistant.embedders import EmbedderError, load
from assistant.export import ExportFiles, ExportStore, ExportTurn, write_exports, write_turns
from assistant.guard import RequestGuard
from assistant.index import IndexUnavailable, open_index
from assistant.language import language
from assistant.llm import LLMConfig, LLMError, build_messages, citations_valid, stream_completion
from assistant.model import KINDS
from assistant.retrieval import BadQuery, Hit, search, valid_text
from assistant.settings import FEEDBACK_COMMENT_CHARS, FEEDBACK_PER_SESSION, MAX_FILTER_CHARS, MAX_QUERY_CHARS, Settings

logger = logging.getLogger(__name__)

TOP_K = 5
QUEUE_SIZE = 256
CONCURRENCY = 2

EXAMPLES: dict[str, tuple[str, ...]] = {
    "Docent": (
        "where does OA collaborate with external experts?",
        "waar komt multidisciplinair overleg voor?",
    ),
    "Student": (
        "Coachen niveau 2",
        "wat hoort bij niveau 3 van plannen en organiseren?",
    ),
    "Ontwerper": (
        "welke werkprocessen gaan over kwaliteitszorg?",
        "B1-K1-W5 samenwerken met andere betrokkenen",
    ),
}

CSS = """
mark { background: #fff1a8; color: inherit; padding: 0 .1em; }
del { background: #ffd7d5; text-decoration: line-through; }
ins { background: #d3f5d6; text-decoration: none; }
details.bron, details.kerntaak, details.werkproces { margin: .2em 0; }
details.bron summary, details.kerntaak summary, details.werkproces summary, details.cel summary { cursor: pointer; }
details .passage { white-space: normal; margin: .4em 0 .4em 1em; padding-left: .6em; border-left: 3px solid #bbb; }
.tree .children { margin-left: 1.4em; }
table.matrix { border-collapse: collapse; width: 100%; }
table.matrix th, table.matrix td { border: 1px solid #ccc; padding: .35em; vertical-align: top; text-align: left; }
.vergelijk { display: flex; gap: 1.2em; }
.vergelijk .kolom { flex: 1; min-width: 0; }
"""

MISSING_INDEX = (
    "**De index ontbreekt of is niet bruikbaar** ({problem}).\n\n"
    "Bouw hem met `assistant ingest` (of `bash scripts/run.sh`, dat alles installeert, de index bouwt en deze "
    "pagina start) en herlaad daarna de app."
)
EMPTY_QUESTION = {
    "nl": "Stel een vraag, bijvoorbeeld: *waar komt multidisciplinair overleg voor?*",
    "en": "Please ask a question, for example: *where does OA collaborate with external experts?*",
}
TOO_LONG = {
    "nl": "*Je vraag was langer dan {n} tekens; ik heb alleen het begin gebruikt.*",
    "en": "*Your question was longer than {n} characters; I used only the beginning.*",
}
BAD_QUERY = {"nl": "Dat kan ik zo niet zoeken: {why}", "en": "I can't search that: {why}"}
FOLLOWUP = {"nl": "*Vervolgvraag, gelezen als:* {q}", "en": "*Follow-up, read as:* {q}"}
LLM_FALLBACK = {
    "nl": "*Het gegenereerde antwoord is niet gebruikt ({why}); hieronder het antwoord uit de bronnen.*",
    "en": "*The generated answer was not used ({why}); below is the answer from the sources.*",
}
LLM_BAD_CITATION = {"nl": "het noemde een bron die niet bestaat", "en": "it cited a source that does not exist"}
LLM_UNAVAILABLE = {"nl": "de taalmodel-service gaf geen antwoord", "en": "the language model service did not answer"}
FILTER_TOO_LONG = {
    "nl": "Een filterwaarde mag hoogstens {n} tekens lang zijn ({field} had er {length}); "
          "kies een waarde uit de lijst.",
    "en": "A filter value may be at most {n} characters long ({field} had {length}); pick a value from the list.",
}
FILTER_FIELDS = ("dossier", "profile", "version", "kind", "level")
FEEDBACK_MESSAGES = {
    feedback.SAVED: "Dank je voor je feedback.",
    feedback.RATE_LIMITED: f"Je hebt net veel feedback gegeven (hoogstens {FEEDBACK_PER_SESSION} per minuut); "
                           "probeer het zo weer.",
    feedback.INVALID: "Deze feedback kon ik niet lezen; klik op duim omhoog of omlaag bij een antwoord.",
    feedback.FAILED: "Je feedback kon niet worden opgeslagen; probeer het later opnieuw.",
}
EXPORT_SCOPES = (("Dit antwoord", "answer"), ("Hele gesprek", "conversation"), ("Gekozen bronnen", "selected"))


def gradio_cache_dir() -> Path:
    """Gradio's upload and cache folder (``GRADIO_TEMP_DIR`` or ``<tmp>/gradio``)."""
    from gradio.utils import get_upload_folder

    return Path(get_upload_folder())


def like_payload(data: object) -> tuple[int, object] | None:
    """(message index, liked) from a like event's raw data; None when it is not a like on one message.

    Gradio sends ``{"index": n or [n, m], "value": ..., "liked": True/False}``; a client can send
    anything (null, ``[]``, ``{}``, a string, a huge number).
    """
    if not isinstance(data, dict):
        return None
    index = data.get("index")
    if isinstance(index, list | tuple) and index:
        index = index[0]
    if not isinstance(index, int) or isinstance(index, bool) or not 0 <= index < 1_000_000:
        return None
    liked = data.get("liked", True)
    if feedback.vote_name(liked) is None:
        return None
    return index, liked


def filter_too_long(constraints: Constraints, lang: str) -> str:
    """The message for a filter value over :data:`MAX_FILTER_CHARS` (the value is never echoed), or ``""``."""
    for field in FILTER_FIELDS:
        value = getattr(constraints, field, "")
        if isinstance(value, str) and len(value) > MAX_FILTER_CHARS:
            return FILTER_TOO_LONG[lang].format(n=MAX_FILTER_CHARS, field=field, length=len(value))
    return ""


def limit(text: str | None) -> tuple[str, bool]:
    """The question cut to :data:`MAX_QUERY_CHARS` (lone surrogates replaced), and whether it was cut."""
    text = valid_text(text or "")
    if len(text) > MAX_QUERY_CHARS:
        return text[:MAX_QUERY_CHARS], True
    return text, False


@dataclass(frozen=True)
class Record:
    """What feedback needs to know about one assistant message."""

    message_index: int
    question: str
    hit_ids: tuple[str, ...]
    hits: tuple[Hit, ...] = ()
    filters: str = ""


@dataclass(frozen=True)
class Session:
    """One browser session's conversation."""

    messages: tuple[dict, ...] = ()
    turn: Turn | None = None
    records: tuple[Record, ...] = ()
    exports: ExportFiles | None = None

    def record_for(self, index: int) -> Record | None:
        """The record of the assistant message at ``index``."""
        return next((r for r in self.records if r.message_index == index), None)


class Assistant:
    """Opens the index and the embedder once, then answers questions."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.problem: str | None = None
        self.index = None
        self.embedder = None
        self.catalogue = Catalogue()
        self.llm = LLMConfig.from_settings(settings)
        self.feedback = feedback.FeedbackLog(feedback.log_path(settings.index_dir))
        # Inside Gradio's cache folder, so that Gradio serves these files without copying them: the store's
        # limits then bound every copy there is (see assistant.export.ExportStore).
        self.exports = ExportStore(parent=gradio_cache_dir())
        self.export_dir = self.exports.directory
        self._lock = threading.Lock()
        try:
            self.index = open_index(settings)
            self.index.warm_up()
            self.embedder = load(settings.embedder)
            self.catalogue = Catalogue.from_chunks(self.index.chunks)
            self.feedback.known = feedback.known_terms(self.index.chunks)
            self.feedback.prune_if_due()
            self.retrieve("samenwerken", Constraints())  # warm up: load the lexical index, vectors and model
        except (IndexUnavailable, EmbedderError) as exc:
            self.problem = str(exc)

    @property
    def feedback_log(self) -> Path:
        """Where votes go (``ASSISTANT_FEEDBACK_LOG`` or ``<index>/feedback.jsonl``)."""
        return self.feedback.path

    @feedback_log.setter
    def feedback_log(self, path: Path) -> None:
        self.feedback.path = Path(path)

    @property
    def chunks(self) -> tuple:
        """The index's chunks (empty without an index)."""
        return self.index.chunks if self.index is not None else ()

    def retrieve(self, question: str, constraints: Constraints) -> list[Hit]:
        """The hits for a question.

        Raises:
            BadQuery: empty question or unknown filter value.
        """
        filters = constraints.to_filters()
        with self._lock:  # one search at a time: the embedder and the 2 cores are shared
            return search(self.index, self.embedder, question, k=TOP_K, filters=filters)

    def generate(self, question: str, hits: list[Hit]) -> Iterator[str]:
        """The generated answer so far, piece by piece (raises :class:`LLMError`)."""
        text = ""
        for piece in stream_completion(self.llm, build_messages(question, hits)):
            text += piece
            yield text

    def ask(self, question: str = "", dossier: str = "", profile: str = "", version: str = "",
            kind: str = "", level: str = "") -> str:
        """Answer one question as Markdown with numbered citations ``[1]`` and a sources list.

        Each source names dossier · version · profile · code · title · file and lines or page.
        Filters are optional (empty means any); a bad filter or empty question gets a friendly message.
        """
        text, cut = limit(question if isinstance(question, str) else "")
        lang = language(text)
        note = TOO_LONG[lang].format(n=MAX_QUERY_CHARS) + "\n\n" if cut else ""
        if self.problem:
            return MISSING_INDEX.format(problem=escape(self.problem))
        if not text.strip():
            return EMPTY_QUESTION[lang]
        values = [v if isinstance(v, str) else str(v or "") for v in (dossier, profile, version, kind, level)]
        constraints = Constraints(*values)
        if too_long := filter_too_long(constraints, lang):
            return note + too_long
        try:
            hits = self.retrieve(text, constraints)
        except BadQuery as exc:
            return note + BAD_QUERY[lang].format(why=escape(str(exc)))
        *_, final = self.answer_steps(text, hits, details=False)
        return note + final

    def answer_steps(self, question: str, hits: list[Hit], details: bool) -> Iterator[str]:
        """The answer Markdown: streamed generated text when an LLM is set and cites well, else extractive."""
        lang = language(question)
        if self.llm is None or not hits:
            yield compose(question, hits, details=details)
            return
        answer = make_answer(question, hits)
        text = ""
        try:
            for text in self.generate(question, list(answer.hits)):
                yield f"*{TEXT[lang]['generated']}*\n\n{escape(text)} …"
        except LLMError as exc:
            logger.warning("generated answer failed: %s", exc)
            yield LLM_FALLBACK[lang].format(why=LLM_UNAVAILABLE[lang]) + "\n\n" + compose(question, hits, details)
            return
        if citations_valid(text, len(answer.hits)):
            yield compose_generated(question, text, answer.hits, details=details)
        else:
            yield LLM_FALLBACK[lang].format(why=LLM_BAD_CITATION[lang]) + "\n\n" + compose(question, hits, details)

    def chat(self, message: str | None, session: Session, ui: Constraints) -> Iterator[Session]:
        """One chat turn: the session after the question, then after each step of the answer."""
        text, cut = limit(message if isinstance(message, str) else "")
        lang = language(text)
        shown = escape(text) + (" …" if cut else "")
        messages = [*session.messages, {"role": "user", "content": shown or "…"}]
        index = len(messages)

        def step(content: str, hits: tuple[Hit, ...] = (), question: str = "", turn: Turn | None = None,
                 exports: ExportFiles | None = None) -> Session:
            records = session.records
            if hits:
                described = resolved.constraints.describe() if resolved is not None else ""
                records = (*records, Record(index, question, tuple(h.chunk.id for h in hits), tuple(hits), described))
            return Session(tuple([*messages, {"role": "assistant", "content": content}]),
                           turn if turn is not None else session.turn, records, exports)

        note = TOO_LONG[lang].format(n=MAX_QUERY_CHARS) + "\n\n" if cut else ""
        resolved: Resolved | None = None
        if self.problem:
            yield step(MISSING_INDEX.format(problem=escape(self.problem)))
            return
        if not text.strip():
            yield step(EMPTY_QUESTION[lang])
            return
        if too_long := filter_too_long(ui, lang):
            yield step(note + too_long)
            return
        resolved = resolve(text, session.turn, ui, self.catalogue)
        try:
            hits = self.retrieve(resolved.question, resolved.constraints)
        except BadQuery as exc:
            yield step(note + BAD_QUERY[lang].format(why=escape(str(exc))))
            return
        if resolved.followup:
            described = resolved.constraints.describe()
            note += FOLLOWUP[lang].format(q=escape(resolved.question) + (f" · {escape(described)}" if described
                                                                          else "")) + "\n\n"
        answer = make_answer(resolved.question, hits)
        exports = None
        if answer.hits:
            exports = write_exports(self.export_dir, resolved.question, answer.hits, resolved.constraints.describe())
            self.exports.add(exports)
        self.exports.discard(session.exports)  # the previous answer's files: no longer offered
        for content in self.answer_steps(resolved.question, hits, details=True):
            yield step(note + content, answer.hits, resolved.question, resolved.turn, exports)

    def vote(self, session: Session, index: int, liked: object, client: str = "") -> bool:
        """Log a vote on the assistant message at ``index``; False when nothing was logged."""
        return self.vote_outcome(session, index, liked, client) == feedback.SAVED

    def vote_outcome(self, session: Session, index: object, liked: object, client: str = "",
                     comment: object = "") -> str:
        """Log a vote (or, with ``liked="comment"``, a thumbs-down's comment); a ``feedback`` outcome.

        ``""`` when ``index`` is no assistant message with hits. Votes are rate limited per ``client``.
        """
        record = session.record_for(index) if isinstance(index, int) and not isinstance(index, bool) else None
        if record is None:
            return ""
        if liked == "comment":
            if not isinstance(comment, str) or not comment.strip():
                return feedback.INVALID
            return self.feedback.add(record.question, "comment", record.hit_ids, client, comment)
        return self.feedback.add(record.question, liked, record.hit_ids, client)

    def export(self, session: Session, scope: str, selected: object = ()) -> Session:
        """The session with fresh export files for ``scope`` (``answer``, ``conversation`` or ``selected``
        hits of the last answer, by number); the previous files are removed. No files without hits."""
        records = [r for r in session.records if r.hits]
        turns: list[ExportTurn] = []
        if records and scope == "conversation":
            turns = [ExportTurn.of(r.question, r.hits, r.filters) for r in records]
        elif records:
            last = records[-1]
            numbers = None
            if scope == "selected":
                numbers = {int(n) for n in (selected if isinstance(selected, list | tuple) else ())
                           if isinstance(n, int | str) and str(n).isdigit()}
            turns = [ExportTurn.of(last.question, last.hits, last.filters, numbers)]
        files = write_turns(self.export_dir, turns) if turns and any(t.hits for t in turns) else None
        self.exports.add(files)
        self.exports.discard(session.exports)
        return Session(session.messages, session.turn, session.records, files)

    def forget(self, session: object) -> None:
        """A session ends (reset, closed tab): its export files go."""
        if isinstance(session, Session):
            self.exports.discard(session.exports)


# --------------------------------------------------------------------------- choices


def _choices(values, all_label: str) -> list[tuple[str, str]]:
    return [(all_label, ""), *values]


def dossier_choices(chunks) -> list[tuple[str, str]]:
    """Dossier filter choices (label with abbreviation and versions, value the name); case-insensitive unique."""
    found: dict[str, tuple[str, str | None, set[str]]] = {}
    for c in chunks:
        if c.dossier:
            name, abbr, versions = found.setdefault(c.dossier.lower(), (c.dossier, c.dossier_abbr, set()))
            if c.version:
                versions.add(c.version[:4])
    values = []
    for name, abbr, versions in sorted(found.values(), key=lambda v: v[0].lower()):
        label = f"{name} ({abbr})" if abbr and abbr != name else name
        values.append((label + (f" · {', '.join(sorted(versions))}" if versions else ""), name))
    return _choices(values, "Alle dossiers")


def profile_choices(chunks) -> list[tuple[str, str]]:
    """Profile filter choices."""
    found: dict[str, tuple[str, str | None]] = {}
    for c in chunks:
        if c.profile:
            found.setdefault(c.profile.lower(), (c.profile, c.profile_abbr))
    values = [(f"{n} ({a})" if a else n, n) for n, a in sorted(found.values(), key=lambda v: v[0].lower())]
    return _choices(values, "Alle profielen")


def version_choices(chunks) -> list[tuple[str, str]]:
    """Version filter choices."""
    return _choices([(v, v) for v in sorted({c.version for c in chunks if c.version})], "Alle versies")


def kind_choices(chunks) -> list[tuple[str, str]]:
    """Kind filter choices, in the model's order."""
    present = {c.kind for c in chunks}
    return _choices([(k, k) for k in KINDS if k in present], "Alle soorten")


def level_choices(chunks) -> list[tuple[str, str]]:
    """Level filter choices."""
    levels = sorted({c.level for c in chunks if c.level is not None})
    return _choices([(f"Niveau {n}", str(n)) for n in levels], "Alle niveaus")


# --------------------------------------------------------------------------- the app


def _download(path: Path | None, label: str) -> gr.DownloadButton:
    return gr.DownloadButton(label=label, value=str(path) if path else None, interactive=path is not None)


def build_app(settings: Settings | None = None) -> gr.Blocks:
    """The page: chat with filters, examples, export and feedback; matrix, browse and compare tabs; ``/ask``."""
    assistant = Assistant(settings or Settings.from_env())
    chunks = assistant.chunks
    with gr.Blocks(title="mbo-assistent", analytics_enabled=False, delete_cache=(3600, 86400)) as demo:
        gr.Markdown("# mbo-assistent\nZoek in kwalificatiedossiers en competentieprofielen. "
                    "Vraag in het Nederlands of in het Engels; elk antwoord noemt zijn bronnen.")
        if assistant.problem:
            gr.Markdown(MISSING_INDEX.format(problem=escape(assistant.problem)), elem_id="index-missing")
        session = gr.State(Session(), delete_callback=assistant.forget)
        with gr.Tabs():
            with gr.Tab("Chat", id="chat"):
                _chat_tab(assistant, chunks, session)
            with gr.Tab("Competentiematrix", id="matrix"):
                _matrix_tab(chunks)
            with gr.Tab("Bladeren", id="bladeren"):
                _browse_tab(chunks)
            with gr.Tab("Vergelijken", id="vergelijken"):
                _compare_tab(chunks)
            with gr.Tab("Themascan", id="themascan"):
                _themescan_tab(assistant, chunks)
        gr.api(assistant.ask, api_name="ask", concurrency_limit=CONCURRENCY)
    demo.queue(max_size=QUEUE_SIZE, default_concurrency_limit=CONCURRENCY)
    demo.assistant = assistant  # for tests and launchers
    return demo


def _chat_tab(assistant: Assistant, chunks, session: gr.State) -> None:
    with gr.Row():
        with gr.Column(scale=3):
            chat = gr.Chatbot(
                label="Gesprek", height=560, elem_id="chat", sanitize_html=True, allow_tags=False,
                latex_delimiters=[], feedback_options=("Like", "Dislike"), buttons=["copy"],
                placeholder="Stel je vraag hieronder, of kies een voorbeeldvraag.",
            )
            with gr.Row():
                box = gr.Textbox(label="Vraag", placeholder="Bijv. waar komt multidisciplinair overleg voor?",
                                 scale=5, elem_id="vraag", submit_btn=False, lines=1)
                send = gr.Button("Vraag stellen", variant="primary", scale=1, elem_id="verstuur")
            with gr.Row():
                csv_button = gr.DownloadButton("CSV downloaden", value=None, interactive=False, elem_id="csv",
                                               size="sm")
                md_button = gr.DownloadButton("Markdown downloaden", value=None, interactive=False, elem_id="md",
                                              size="sm")
                new = gr.Button("Nieuw gesprek", size="sm", elem_id="nieuw")
            with gr.Row():
                scope = gr.Radio(EXPORT_SCOPES, value="answer", label="Exporteer", elem_id="export-omvang")
                picks = gr.CheckboxGroup([], value=[], label="Gekozen bronnen", elem_id="export-bronnen")
            with gr.Row(visible=False) as comment_row:
                comment = gr.Textbox(label="Wat klopte er niet? (optioneel)", max_length=FEEDBACK_COMMENT_CHARS,
                                     lines=2, scale=5, elem_id="toelichting")
                comment_send = gr.Button("Toelichting versturen", size="sm", scale=1, elem_id="toelichting-verstuur")
            comment_target = gr.State(None)
            gr.Markdown("**Voorbeeldvragen** (één klik):")
            example_buttons = []
            with gr.Row():
                for group, questions in EXAMPLES.items():
                    with gr.Column(min_width=160):
                        gr.Markdown(f"*{group}*")
                        example_buttons += [gr.Button(q, size="sm", elem_classes=["voorbeeld"]) for q in questions]
        with gr.Column(scale=1, min_width=220):
            gr.Markdown("**Filters**")
            dossier = gr.Dropdown(dossier_choices(chunks), value="", label="Dossier", elem_id="f-dossier")
            profile = gr.Dropdown(profile_choices(chunks), value="", label="Profiel", elem_id="f-profiel")
            version = gr.Dropdown(version_choices(chunks), value="", label="Versie", elem_id="f-versie")
            kind = gr.Dropdown(kind_choices(chunks), value="", label="Soort", elem_id="f-soort")
            level = gr.Dropdown(level_choices(chunks), value="", label="Niveau", elem_id="f-niveau")
            gr.Markdown("Vervolgvragen zoals *en bij de PMK?*, *alleen niveau 3* of *and for the 2015 version?* "
                        "gaan verder op de vorige vraag.")

    def downloads(current: Session) -> tuple[gr.DownloadButton, gr.DownloadButton]:
        files = current.exports
        return (_download(files.csv if files else None, "CSV downloaden"),
                _download(files.markdown if files else None, "Markdown downloaden"))

    def hit_choices(current: Session) -> gr.CheckboxGroup:
        last = next((r for r in reversed(current.records) if r.hits), None)
        found = [(f"[{n}] {h.chunk.code or ''} {h.chunk.title or h.chunk.kind}".replace("  ", " "), n)
                 for n, h in enumerate(last.hits, start=1)] if last else []
        return gr.CheckboxGroup(choices=found, value=[n for _, n in found])

    def respond(message, state: Session, d, p, v, k, lv, how):
        ui = Constraints(*(str(x or "") for x in (d, p, v, k, lv)))
        current = state
        for current in assistant.chat(message, state, ui):
            yield (list(current.messages), "", current, *downloads(current), gr.skip())
        if how in ("conversation",) and current.records:
            current = assistant.export(current, how)
        yield (list(current.messages), "", current, *downloads(current), hit_choices(current))

    def export_again(state: Session, how, chosen):
        current = assistant.export(state, how if how in ("answer", "conversation", "selected") else "answer", chosen)
        return (current, *downloads(current))

    filters = [session, dossier, profile, version, kind, level, scope]
    outputs = [chat, box, session, csv_button, md_button, picks]
    box.submit(respond, [box, *filters], outputs, api_visibility="private")
    send.click(respond, [box, *filters], outputs, api_visibility="private")
    for button in example_buttons:
        button.click(respond, [button, *filters], outputs, api_visibility="private")

    export_outputs = [session, csv_button, md_button]
    scope.input(export_again, [session, scope, picks], export_outputs, api_visibility="private")
    picks.input(lambda state, chosen: export_again(state, "selected", chosen), [session, picks],
                [*export_outputs], api_visibility="private").then(lambda: "selected", None, scope,
                                                                   api_visibility="private")

    def on_like(state: Session, event: gr.EventData, request: gr.Request):
        payload = like_payload(getattr(event, "_data", None))  # raw: gr.LikeData raises on a malformed payload
        client = getattr(request, "session_hash", "") or ""
        outcome = assistant.vote_outcome(state, *payload, client=client) if payload else feedback.INVALID
        if outcome:
            (gr.Info if outcome == feedback.SAVED else gr.Warning)(FEEDBACK_MESSAGES[outcome])
        disliked = outcome == feedback.SAVED and feedback.vote_name(payload[1]) == "down"
        return gr.Row(visible=disliked), "", (payload[0] if disliked else None)

    chat.like(on_like, [session], [comment_row, comment, comment_target], api_visibility="private")

    def send_comment(state: Session, text, target, request: gr.Request):
        client = getattr(request, "session_hash", "") or ""
        outcome = assistant.vote_outcome(state, target, "comment", client, text if isinstance(text, str) else "")
        if outcome:
            (gr.Info if outcome == feedback.SAVED else gr.Warning)(FEEDBACK_MESSAGES[outcome])
        done = outcome in (feedback.SAVED, "")
        return gr.Row(visible=not done), ("" if done else gr.skip()), (None if done else target)

    comment_send.click(send_comment, [session, comment, comment_target], [comment_row, comment, comment_target],
                       api_visibility="private")

    def reset(state: Session):
        assistant.forget(state)
        return ([], Session(), _download(None, "CSV downloaden"), _download(None, "Markdown downloaden"),
                gr.CheckboxGroup(choices=[], value=[]), gr.Row(visible=False), None)

    reset_outputs = [chat, session, csv_button, md_button, picks, comment_row, comment_target]
    new.click(reset, [session], reset_outputs, api_visibility="private")
    chat.clear(reset, [session], reset_outputs, api_visibility="private")


def _matrix_tab(chunks) -> None:
    documents = views.profile_documents(chunks)
    default = "Sociaalwerker B" if "Sociaalwerker B" in documents else (documents[0] if documents else None)
    choice = gr.Dropdown(list(documents), value=default, label="Competentieprofiel", elem_id="m-profiel")
    table = gr.HTML(views.render_matrix(views.competence_matrix(chunks, default)) if default else
                    "<p>Geen competentieprofielen in de index.</p>", elem_id="matrix", js_on_load=None)
    choice.change(lambda d: views.render_matrix(views.competence_matrix(chunks, d)), choice, table,
                  api_visibility="private")


def _browse_tab(chunks) -> None:
    pairs = views.dossiers(chunks)
    names = list(dict.fromkeys(d for d, _ in pairs))
    first = names[0] if names else None

    def versions_of(name: str | None) -> list[str]:
        return [v for d, v in pairs if d == name]

    def tree(name: str | None, version: str | None) -> str:
        if not name:
            return "<p>Geen dossiers in de index.</p>"
        title = " ".join(x for x in (name, version) if x)
        return views.render_tree(views.browse_tree(chunks, name, version or ""), title)

    first_versions = versions_of(first)
    with gr.Row():
        dossier = gr.Dropdown(names, value=first, label="Dossier", elem_id="b-dossier")
        version = gr.Dropdown(first_versions, value=first_versions[0] if first_versions else None,
                              label="Versie", elem_id="b-versie")
    html = gr.HTML(tree(first, first_versions[0] if first_versions else None), elem_id="boom", js_on_load=None)

    def pick_dossier(name):
        found = versions_of(name)
        chosen = found[0] if found else None
        return gr.Dropdown(choices=found, value=chosen), tree(name, chosen)

    dossier.change(pick_dossier, dossier, [version, html], api_visibility="private")
    version.input(tree, [dossier, version], html, api_visibility="private")


def _compare_tab(chunks) -> None:
    codes = list(views.comparable_codes(chunks))
    default = "B1-K2-W2" if "B1-K2-W2" in codes else (codes[0] if codes else None)

    def options(code: str | None) -> tuple[list[tuple[str, int]], int | None, int | None]:
        found = views.variants(chunks, code) if code else ()
        labels = [(f"{v.label} · {v.title}", i) for i, v in enumerate(found)]
        if len(found) < 2:
            return labels, None, None
        left, right = views.default_pair(found)
        return labels, left, right

    def render(code, left, right) -> str:
        found = views.variants(chunks, code) if code else ()

        def pick(i) -> views.Variant | None:
            return found[i] if isinstance(i, int) and 0 <= i < len(found) else None

        return views.render_compare(pick(left), pick(right))

    labels, left, right = options(default)
    code = gr.Dropdown(codes, value=default, label="Werkproces (code)", elem_id="v-code")
    with gr.Row():
        left_pick = gr.Dropdown(labels, value=left, label="Links", elem_id="v-links")
        right_pick = gr.Dropdown(labels, value=right, label="Rechts", elem_id="v-rechts")
    html = gr.HTML(render(default, left, right), elem_id="vergelijking", js_on_load=None)

    def pick_code(chosen):
        found, a, b = options(chosen)
        return gr.Dropdown(choices=found, value=a), gr.Dropdown(choices=found, value=b), render(chosen, a, b)

    code.change(pick_code, code, [left_pick, right_pick, html], api_visibility="private")
    left_pick.input(render, [code, left_pick, right_pick], html, api_visibility="private")
    right_pick.input(render, [code, left_pick, right_pick], html, api_visibility="private")


# --------------------------------------------------------------------------- Themascan (assistant.themescan)

THEMESCAN_EXAMPLES = ("interprofessioneel samenwerken", "veiligheid", "feedback", "interprofessional collaboration")


def themescan_handler(assistant: Assistant, theme: str | None, terms: str | None = "", dossier: str | None = "",
                      version: str | None = "", use_terms: bool = False) -> tuple[str, str, str | None, str | None]:
    """One theme scan for the Themascan tab: (overview Markdown, editable terms, Markdown file, CSV file).

    With ``use_terms`` the edited term list replaces the expansion; otherwise the theme is expanded
    afresh and the returned terms show that expansion. Bad input gets a friendly message, no files.
    """
    from assistant import themescan
    from assistant.retrieval import Filters, validate_filters

    terms = terms if isinstance(terms, str) else ""
    if assistant.problem or assistant.index is None:
        return MISSING_INDEX.format(problem=escape(assistant.problem or "geen index")), terms, None, None
    try:
        validate_filters(Filters(dossier=dossier or None, version=version or None), assistant.index.vocabulary)
        result = themescan.scan(assistant.index, theme if isinstance(theme, str) else "",
                                terms=terms if use_terms else None, dossier=dossier or None, version=version or None)
    except (themescan.BadTheme, BadQuery) as exc:
        return f"**{escape(str(exc))}**", terms, None, None
    overview = themescan.render_markdown(result, ui=True)
    try:
        md_path, csv_path = themescan.write_downloads(assistant.export_dir / "themascan", result)
    except themescan.ExportError as exc:
        logger.warning("theme scan export failed: %s", exc)
        return overview, result.expansion.as_text(), None, None
    return overview, result.expansion.as_text(), str(md_path), str(csv_path)


def _themescan_tab(assistant: Assistant, chunks) -> None:
    gr.Markdown("Geef een thema (of een paar, met komma's) en zie per dossier en profiel, in documentvolgorde, "
                "elk werkproces, elke kerntaak en beschrijving waar het thema voorkomt, met de zinnen die het "
                "dragen en een matrix per kerntaak. Pas de zoektermen aan en scan opnieuw om te zien wat verandert.")
    with gr.Row():
        theme = gr.Textbox(label="Thema", placeholder="Bijv. interprofessioneel samenwerken", scale=4,
                           elem_id="ts-thema", max_length=400, lines=1)
        dossier = gr.Dropdown(dossier_choices(chunks), value="", label="Dossier", elem_id="ts-dossier", scale=2)
        version = gr.Dropdown(version_choices(chunks), value="", label="Versie", elem_id="ts-versie", scale=1)
    with gr.Row():
        run = gr.Button("Scannen", variant="primary", elem_id="ts-scan")
        rerun = gr.Button("Opnieuw met deze termen", elem_id="ts-termen-scan")
        md_button = gr.DownloadButton("Markdown downloaden", value=None, interactive=False, elem_id="ts-md", size="sm")
        csv_button = gr.DownloadButton("CSV downloaden", value=None, interactive=False, elem_id="ts-csv", size="sm")
    with gr.Row():
        examples = [gr.Button(t, size="sm", elem_classes=["voorbeeld"]) for t in THEMESCAN_EXAMPLES]
    terms = gr.Textbox(label="Zoektermen (bewerkbaar: term, term:0.5 voor een contextterm, af|stemmen, -woord "
                             "telt niet mee)", lines=3, elem_id="ts-termen", max_length=4000)
    overview = gr.Markdown(elem_id="ts-overzicht", sanitize_html=True, latex_delimiters=[])
    previous = gr.State(())

    def respond(text, edited, d, v, old, use_terms):
        markdown, shown_terms, md_path, csv_path = themescan_handler(assistant, text, edited, d, v, use_terms)
        for path in old or ():
            Path(path).unlink(missing_ok=True)  # Gradio serves its own copy once shown; keep the app's dir small
        kept = tuple(p for p in (md_path, csv_path) if p)
        return (markdown, shown_terms, _download(Path(md_path) if md_path else None, "Markdown downloaden"),
                _download(Path(csv_path) if csv_path else None, "CSV downloaden"), kept)

    outputs = [overview, terms, md_button, csv_button, previous]
    run.click(lambda t, e, d, v, o: respond(t, e, d, v, o, False), [theme, terms, dossier, version, previous],
              outputs, api_visibility="private")
    theme.submit(lambda t, e, d, v, o: respond(t, e, d, v, o, False), [theme, terms, dossier, version, previous],
                 outputs, api_visibility="private")
    rerun.click(lambda t, e, d, v, o: respond(t, e, d, v, o, True), [theme, terms, dossier, version, previous],
                outputs, api_visibility="private")
    for button in examples:
        button.click(lambda t, d, v, o: (t, *respond(t, "", d, v, o, False)), [button, dossier, version, previous],
                     [theme, *outputs], api_visibility="private")


def _stop_on_sigterm() -> None:
    """SIGTERM ends the app like Ctrl-C does, so that exit handlers run (the export folder is removed)."""
    if threading.current_thread() is not threading.main_thread():
        return
    if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
        def stop(signum, frame):
            raise KeyboardInterrupt

        signal.signal(signal.SIGTERM, stop)


def launch(demo: gr.Blocks, host: str = "127.0.0.1", port: int = 7860, **kwargs) -> None:
    """Serve the app privately: local address, no share link, no monitoring page, no extra paths,
    no run history (``/gradio_api/runs`` is gone and no run is recorded or sent anywhere)."""
    _stop_on_sigterm()
    demo.launch(server_name=host, server_port=port, share=False, enable_monitoring=False, allowed_paths=[],
                max_file_size="1mb", ssr_mode=False, mcp_server=False, pwa=False, css=CSS, show_error=False,
                run_history=False, app_kwargs={"middleware": [Middleware(RequestGuard)]}, **kwargs)
