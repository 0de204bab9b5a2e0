"""The Gradio Blocks behind ``app.py`` and ``assistant serve``.

Dutch first: labels, buttons and messages are Dutch, with an English interface beside it (the
*Taal / Language* choice, ``?lang=en``, ``ASSISTANT_UI_LANG=en``; the strings are in
:mod:`assistant.ui_text`); answers follow the language of the question. Tabs: *Chat* (answers with
citations, filters, the applied filters as chips that one click removes (:mod:`assistant.filter_chips`),
example questions, export, feedback), *Competentiematrix*, *Bladeren* and *Vergelijken*.

Hardening: binds 127.0.0.1, no share link, no monitoring page, no analytics, no
``allowed_paths``; a queue with a size and concurrency limit; questions are cut
to :data:`MAX_QUERY_CHARS` on the server; all document text is escaped. Without an
index the page still starts and says how to build one.
"""

from __future__ import annotations

import logging
import re
import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import gradio as gr
from starlette.middleware import Middleware

from assistant import feedback, ui_text, views
from assistant.answer import TEXT, compose, compose_generated, escape, kind_label, make_answer
from assistant.conversation import (
    Catalogue,
    Constraints,
    Turn,
    abbreviations,
    choice_value,
    dossier_names,
)
from assistant.dialogue import Outcome, respond
from assistant.embedders import EmbedderError, load
from assistant.export import ExportFiles, ExportStore, ExportTurn, write_compare, write_exports, write_turns
from assistant.filter_chips import UI, AppliedFilter, Asked, applied_filters, chip_label, removed_note, without
from assistant.guard import RequestGuard
from assistant.index import IndexUnavailable, current_name, open_index
from assistant.language import detect, language
from assistant.llm import LLMConfig, LLMError, build_messages, citations_valid, stream_completion
from assistant.model import KINDS
from assistant.replies import LOOKUP, Library, Reply, as_hits
from assistant.reply_text import error_text, render
from assistant.retrieval import BadQuery, Filters, Hit, search, valid_text, validate_filters
from assistant.settings import FEEDBACK_COMMENT_CHARS, FEEDBACK_PER_SESSION, MAX_FILTER_CHARS, MAX_QUERY_CHARS, Settings
from assistant.theme import accessible_theme
from assistant.web_documents import documents_tab

logger = logging.getLogger(__name__)

TOP_K = 5
# the names of a reply's filters as the exports' heading shows them (a named scope is a dossier or profile)
FILTER_NAMES = {"scope": "dossier", "dossier": "dossier", "profile": "profiel", "version": "versie", "kind": "soort",
                "level": "niveau"}
QUEUE_SIZE = 256
CONCURRENCY = 2
RECHECK_SECONDS = 1.0

MAX_CHIPS = 10  # applied-filter chips shown under the question box

EXAMPLES: dict[str, tuple[str, ...]] = ui_text.NL["examples"]  # the Dutch page's (ui_text has both languages)

CSS = """
/* Highlights carry their own dark text, so they stay readable in dark mode too. */
mark { background: #fff1a8; color: #1f2937; padding: 0 .1em; }
del { background: #ffd7d5; color: #1f2937; text-decoration: line-through; }
ins { background: #d3f5d6; color: #1f2937; text-decoration: none; }
/* The theme's accent (orange-700) is for light backgrounds; Gradio has no dark variant of it. */
.dark { --color-accent: var(--primary-400) !important; }
details.bron, details.kerntaak, details.werkproces { margin: .2em 0; }
details.bron summary, details.kerntaak summary, details.werkproces summary, details.cel summary { cursor: pointer; }
details .passage { white-space: normal; margin: .4em 0 .4em 1em; padding-left: .6em; border-left: 3px solid #bbb; }
.tree .children { margin-left: 1.4em; }
table.matrix { border-collapse: collapse; width: 100%; }
table.matrix th, table.matrix td { border: 1px solid #ccc; padding: .35em; vertical-align: top; text-align: left; }
.vergelijk { display: flex; gap: 1.2em; }
.vergelijk .kolom { flex: 1; min-width: 0; }
/* Long file names and codes in citations wrap instead of widening the page on a phone. */
#chat .message, #chat details.bron summary, #chat .passage { overflow-wrap: anywhere; }
#chat .message { max-width: 100%; }
#afkortingen { font-size: .9em; }
/* The applied-filter chips: as wide as their text, wrapping onto more lines when there are many. */
#filterchips { flex-wrap: wrap; gap: .4em; align-items: center; }
#filterchips > * { flex: 0 1 auto !important; min-width: 0 !important; width: auto !important; }
#filterchips button.filterchip { white-space: normal; text-align: left; }
/* Competentiematrix: a table on a wide screen, one card per competence on a narrow one. */
.matrix-wrap { max-width: 100%; overflow-x: auto; }
table.matrix th[scope="row"] { width: 22%; }
table.matrix .definitie { display: block; font-weight: normal; font-size: .9em; margin-top: .3em; }
@media (max-width: 700px) {
  table.matrix, table.matrix tbody, table.matrix tr, table.matrix th, table.matrix td { display: block; width: auto; }
  table.matrix thead { display: none; }
  table.matrix caption { display: block; text-align: left; }
  table.matrix tr { border: 1px solid #ccc; border-radius: 6px; margin: .8em 0; padding: .2em; }
  table.matrix th[scope="row"] { width: auto; border: none; }
  table.matrix td { border: none; border-top: 1px solid #e5e7eb; }
  table.matrix td::before { content: attr(data-label); display: block; font-weight: 600; }
  table.matrix td:empty { display: none; }
  .vergelijk { flex-direction: column; }
}
"""

# The chat grows with the window (the question box and the actions stay below it in view).
CHAT_HEIGHT = "max(320px, calc(100vh - 330px))"

# After an answer: scroll the conversation to the start of the newest answer (not to its sources).
SCROLL_TO_ANSWER_JS = """() => {
  const bots = document.querySelectorAll('#chat [data-testid="bot"]');
  const last = bots[bots.length - 1];
  if (!last) return;
  let box = last.parentElement;
  while (box && box !== document.body) {
    const style = getComputedStyle(box);
    if (/(auto|scroll)/.test(style.overflowY) && box.scrollHeight > box.clientHeight) break;
    box = box.parentElement;
  }
  if (!box || box === document.body) { last.scrollIntoView({block: 'start'}); return; }
  const top = last.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
  box.scrollTop = Math.max(0, top - 40);  // room for the floating 'Gesprek' label
}"""

# On load: the page's language is Dutch (Gradio sets the browser's, so a screen reader would read Dutch labels
# with English rules), and on a narrow screen the filters start folded, so the example questions stay near.
ON_LOAD_JS = """() => {
  document.documentElement.lang = 'nl';
  if (window.matchMedia('(max-width: 700px)').matches) {
    const toggle = document.querySelector('#filters > button, #filters .label-wrap');
    if (toggle && toggle.getAttribute('aria-expanded') !== 'false') toggle.click();
  }
}"""

MISSING_INDEX = ui_text.NL["missing_index"]
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
_FEEDBACK_KEYS = {feedback.SAVED: "feedback_saved", feedback.RATE_LIMITED: "feedback_rate_limited",
                  feedback.INVALID: "feedback_invalid", feedback.FAILED: "feedback_failed"}


def feedback_message(outcome: str, lang: str = "nl") -> str:
    """What a feedback outcome tells the visitor, in the UI language."""
    return ui_text.text(lang, _FEEDBACK_KEYS[outcome], n=FEEDBACK_PER_SESSION)


FEEDBACK_MESSAGES = {outcome: feedback_message(outcome) for outcome in _FEEDBACK_KEYS}
EXPORT_SCOPES = ui_text.NL["export_scopes"]


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


_FILTER_FIELDS = ("dossier", "profile", "version", "kind", "level")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def plain(text: str) -> str:
    """A message as plain text on one line, with no escapes to show and no markup to run.

    Control and invisible format characters become spaces, lone surrogates go; ``<`` and ``>`` (from a value the caller
    typed) become ``‹`` and ``›``, so that a client that renders the answer as HTML or Markdown gets no
    tag from it, and a client that shows it as text shows no entity.
    """
    return " ".join(_CONTROL.sub(" ", valid_text(text)).replace("<", "‹").replace(">", "›").split())


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
    asked: Asked | None = None  # how the last answer was asked (to ask it again without a filter)
    chips: tuple[AppliedFilter, ...] = ()  # the filters the last answer applied

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
        self.choices: dict[str, list[tuple[str, str]]] = {name: [] for name in _FILTER_FIELDS}
        self.library: Library | None = None
        self.llm = LLMConfig.from_settings(settings)
        self.feedback = feedback.FeedbackLog(feedback.log_path(settings.index_dir))
        # Inside Gradio's cache folder, so that Gradio serves these files without copying them: the store's
        # limits then bound every copy there is (see assistant.export.ExportStore).
        self.exports = ExportStore(parent=gradio_cache_dir())
        self.export_dir = self.exports.directory
        self._lock = threading.Lock()
        self._reopen_lock = threading.Lock()
        self._build = current_name(settings.index_dir)
        self._unusable: str | None = None
        self._checked = time.monotonic()
        try:
            self.index = open_index(settings)
            self._build = self.index.build_dir.name
            self.index.warm_up()
            self.embedder = load(settings.embedder)
            self.catalogue = Catalogue.from_chunks(self.index.chunks)
            self.choices = filter_choices(self.index.chunks)
            self.library = Library.of(self.index)
            self.feedback.known = feedback.known_terms(self.index.chunks)
            self.feedback.prune_if_due()
            self.retrieve("samenwerken", Constraints())  # warm up: load the lexical index, vectors and model
        except (IndexUnavailable, EmbedderError) as exc:
            self.problem = str(exc)

    def refresh(self, wait: bool = False) -> bool:
        """Reopen the index when ``CURRENT`` names another build than the one this app answers from.

        Checked at most every :data:`RECHECK_SECONDS` (always with ``wait``). The new build is opened and
        warmed up in a thread while the old one keeps answering, then swapped in one assignment, so
        a request that is running finishes on the build it started on. With ``wait`` the caller waits
        for the swap (the documents tab does, so that its result is searchable when it says so).
        Returns True when a new build was swapped in by this call.
        """
        now = time.monotonic()
        if not wait and now - self._checked < RECHECK_SECONDS:
            return False
        self._checked = now
        name = current_name(self.settings.index_dir)
        if name is None or name == self._build or (name == self._unusable and not wait):
            return False
        if self.index is not None and not self.index.build_dir.is_dir():
            wait = True  # our build was cleaned away (two newer builds came): don't answer from it again
        if wait:
            with self._reopen_lock:
                return self._reopen(name)
        if self._reopen_lock.acquire(blocking=False):
            threading.Thread(target=self._reopen_and_release, args=(name,), daemon=True).start()
        return False

    def _reopen_and_release(self, name: str) -> None:
        try:
            self._reopen(name)
        finally:
            self._reopen_lock.release()

    def _reopen(self, name: str) -> bool:
        """Open build ``name`` (holding the reopen lock) and swap it in; False when it cannot be opened."""
        if name == self._build:
            return False
        try:
            index = open_index(self.settings)
            index.warm_up()
            embedder = self.embedder or load(self.settings.embedder)
            catalogue = Catalogue.from_chunks(index.chunks)
            library, choices = Library.of(index), filter_choices(index.chunks)
        except (IndexUnavailable, EmbedderError) as exc:
            logger.warning("new build %s not opened, the previous one keeps answering: %s", name, exc)
            self._unusable = name  # not retried every second; a newer build is
            return False
        self.index, self.embedder, self.catalogue = index, embedder, catalogue
        self.library, self.choices = library, choices
        self._build, self.problem = index.build_dir.name, None
        return True

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
        self.refresh()
        index = self.index  # this request stays on this build, whatever is swapped in meanwhile
        with self._lock:  # one search at a time: the embedder and the 2 cores are shared
            return search(index, self.embedder, question, k=TOP_K, filters=filters)

    def search(self, question: str, filters: Filters, k: int, index=None) -> list[Hit]:
        """The ``k`` best hits for a question and filters in ``index`` (default: the current build)."""
        with self._lock:  # one search at a time: the embedder and the 2 cores are shared
            return search(index or self.index, self.embedder, question, k=k, filters=filters)

    def reply(self, text: str, turn: Turn | None, ui: Constraints) -> Outcome:
        """The typed reply to a message (list, compare, competence, lookup, not_found) and the turn to keep.

        The whole reply comes from the build answering when it starts, whatever is swapped in meanwhile.

        Raises:
            BadQuery: a filter value the index does not know.
        """
        self.refresh()
        library = self.library
        validate_filters(ui.to_filters(), library.index.vocabulary)
        return respond(text, turn, ui, library, lambda q, f, k: self.search(q, f, k, library.index))

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
        Filters are optional (empty means any) and take a value or the label the UI's dropdown shows
        ("Onderwijsassistent (OA) · 2021"); a bad filter or empty question gets a friendly plain-text message.
        """
        text, cut = limit(question if isinstance(question, str) else "")
        lang = language(text)
        note = TOO_LONG[lang].format(n=MAX_QUERY_CHARS) + "\n\n" if cut else ""
        self.refresh()
        if self.problem:
            return ui_text.text(lang, "missing_index", problem=escape(self.problem))
        if not text.strip():
            return EMPTY_QUESTION[lang]
        values = [v if isinstance(v, str) else str(v or "") for v in (dossier, profile, version, kind, level)]
        if too_long := filter_too_long(Constraints(*values), lang):
            return note + too_long
        given = dict(zip(_FILTER_FIELDS, values, strict=True))
        constraints = Constraints(**{name: choice_value(value, self.choices[name]) for name, value in given.items()})
        try:
            outcome = self.reply(text, None, constraints)
        except BadQuery as exc:
            return note + BAD_QUERY[lang].format(why=plain(error_text(str(exc), lang)))
        reply = outcome.reply
        if self._generates(reply):
            *_, final = self.answer_steps(outcome.question, list(reply.ranked), details=False)
            return note + final + f"\n\n*{escape(reply.read_as)}*"
        return note + render(reply, details=False)

    def _generates(self, reply: Reply) -> bool:
        """Whether a language model writes this answer: a ranked lookup, not a fact from the curriculum model."""
        return reply.type == LOOKUP and bool(reply.hits) and not reply.problem and not reply.details \
            and self.llm is not None

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

    def chat(self, message: str | None, session: Session, ui: Constraints, again: Asked | None = None,
             removed: AppliedFilter | None = None) -> Iterator[Session]:
        """One chat turn: the session after the question, then after each step of the answer.

        With ``again`` (from :func:`assistant.filter_chips.without`) the question is asked again in the
        conversation and with the constraints it names, and the read-as line says which filter was removed.
        """
        text, cut = limit(again.message if again is not None else message if isinstance(message, str) else "")
        previous = again.before if again is not None else session.turn
        extra = again.extra if again is not None else Constraints()
        lang = detect(text) or (again.lang if again is not None else None) or \
            (session.turn.lang if session.turn and session.turn.lang else None) or "nl"
        shown = escape(text) + (" …" if cut else "")
        messages = [*session.messages, {"role": "user", "content": shown or "…"}]
        index = len(messages)

        def step(content: str, hits: tuple[Hit, ...] = (), question: str = "", turn: Turn | None = None,
                 exports: ExportFiles | None = None) -> Session:
            records = session.records
            if hits:
                records = (*records, Record(index, question, tuple(h.chunk.id for h in hits), tuple(hits), described))
            return Session(tuple([*messages, {"role": "assistant", "content": content}]),
                           turn if turn is not None else session.turn, records, exports, asked, chips)

        asked: Asked | None = None
        chips: tuple[AppliedFilter, ...] = ()

        note = TOO_LONG[lang].format(n=MAX_QUERY_CHARS) + "\n\n" if cut else ""
        self.refresh()
        described = ""  # the filters applied, for the exports' heading (set once the reply is known)
        if self.problem:
            yield step(ui_text.text(lang, "missing_index", problem=escape(self.problem)))
            return
        if not text.strip():
            yield step(EMPTY_QUESTION[lang])
            return
        if too_long := filter_too_long(ui, lang):
            yield step(note + too_long)
            return
        try:
            outcome = self.reply(text, previous, ui.merged(extra))
        except BadQuery as exc:
            yield step(note + BAD_QUERY[lang].format(why=escape(error_text(str(exc), lang))))
            return
        if extra != Constraints():  # asked again: the conversation keeps the constraints it carried
            outcome = replace(outcome, turn=replace(outcome.turn, constraints=extra.merged(outcome.turn.constraints)))
        reply = outcome.reply
        asked = Asked(text, previous, ui, extra, outcome.question, outcome.turn.constraints, reply.lang)
        chips = applied_filters(reply, ui, self.catalogue, outcome.turn.constraints)
        if removed is not None:
            reply = replace(reply, read_as=f"{reply.read_as} ({removed_note(removed, reply.lang)})")
        hits = as_hits(reply)
        described = " · ".join(f"{FILTER_NAMES.get(name, name)} {value}" for name, value in reply.filters)
        exports = None
        if hits:
            exports = write_exports(self.export_dir, outcome.question, hits, described)
            self.exports.add(exports)
        self.exports.discard(session.exports)  # the previous answer's files: no longer offered
        if self._generates(reply):
            head, tail = "", f"\n\n*{escape(reply.read_as)}*"
            if reply.followup:
                head, tail = FOLLOWUP[reply.lang].format(q=escape(outcome.question)) + "\n\n", ""
            content = ""
            for content in self.answer_steps(outcome.question, list(reply.ranked), details=True):
                yield step(note + head + content, hits, outcome.question, outcome.turn, exports)
            if tail:
                yield step(note + head + content + tail, hits, outcome.question, outcome.turn, exports)
            return
        yield step(note + render(reply, details=True), hits, outcome.question, outcome.turn, exports)

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
        return replace(session, exports=files)

    def forget(self, session: object) -> None:
        """A session ends (reset, closed tab): its export files go."""
        if isinstance(session, Session):
            self.exports.discard(session.exports)


class LiveChunks(Sequence):
    """The chunks of the build the app answers from *now*: the tabs read them per event, not once at start.

    Each iteration takes one build's tuple, so one render never mixes builds.
    """

    def __init__(self, assistant: Assistant):
        self._assistant = assistant

    def _now(self) -> tuple:
        self._assistant.refresh()
        return self._assistant.chunks

    def __iter__(self):
        return iter(self._now())

    def __len__(self) -> int:
        return len(self._now())

    def __getitem__(self, item):
        return self._now()[item]


# --------------------------------------------------------------------------- choices


def _choices(values, all_label: str) -> list[tuple[str, str]]:
    return [(all_label, ""), *values]


def dossier_choices(chunks, lang: str = "nl") -> list[tuple[str, str]]:
    """Dossier filter choices (label with abbreviation and versions, value the name); one per dossier.

    Versions that spell the name differently ("Sociaal Werk" 2020, "Sociaal werk" 2015) are one dossier:
    the filter matches names case-insensitively.
    """
    values = []
    for dossier in dossier_names(chunks):
        label = f"{dossier.name} ({dossier.abbr})" if dossier.abbr and dossier.abbr != dossier.name else dossier.name
        years = sorted({v[:4] for v, _ in dossier.versions if v})
        values.append((label + (f" · {', '.join(years)}" if years else ""), dossier.name))
    return _choices(values, ui_text.text(lang, "all_dossier"))


def profile_choices(chunks, lang: str = "nl") -> list[tuple[str, str]]:
    """Profile filter choices."""
    found: dict[str, tuple[str, str | None]] = {}
    for c in chunks:
        if c.profile:
            found.setdefault(c.profile.lower(), (c.profile, c.profile_abbr))
    values = [(f"{n} ({a})" if a else n, n) for n, a in sorted(found.values(), key=lambda v: v[0].lower())]
    return _choices(values, ui_text.text(lang, "all_profile"))


def version_choices(chunks, lang: str = "nl") -> list[tuple[str, str]]:
    """Version filter choices."""
    return _choices([(v, v) for v in sorted({c.version for c in chunks if c.version})],
                    ui_text.text(lang, "all_version"))


def kind_choices(chunks, lang: str = "nl") -> list[tuple[str, str]]:
    """Kind filter choices, in the model's order."""
    present = {c.kind for c in chunks}
    return _choices([(kind_label(k, lang), k) for k in KINDS if k in present], ui_text.text(lang, "all_kind"))


def filter_choices(chunks) -> dict[str, list[tuple[str, str]]]:
    """Every filter's choices, by the field name of :class:`Constraints`."""
    return {"dossier": dossier_choices(chunks), "profile": profile_choices(chunks),
            "version": version_choices(chunks), "kind": kind_choices(chunks), "level": level_choices(chunks)}


def abbreviations_markdown(chunks, lang: str = "nl") -> str:
    """The abbreviations the answers use, spelled out (Markdown; empty when there are none)."""
    found = abbreviations(chunks)
    if not found:
        return ""
    if lang != "nl":  # conversation.abbreviations words its meanings in Dutch: "profiel X", "competentieprofiel X"
        words = (("competentieprofiel ", "abbr_profile_document"), ("profiel ", "abbr_profile"))
        found = tuple((abbr, next((ui_text.text(lang, key, name=meaning[len(head):]) for head, key in words
                                   if meaning.startswith(head)), meaning)) for abbr, meaning in found)
    return f"**{ui_text.text(lang, 'abbreviations')}**: " + " · ".join(
        f"**{escape(abbr)}** {escape(meaning)}" for abbr, meaning in found)


def level_choices(chunks, lang: str = "nl") -> list[tuple[str, str]]:
    """Level filter choices."""
    levels = sorted({c.level for c in chunks if c.level is not None})
    return _choices([(ui_text.text(lang, "level_n", n=n), str(n)) for n in levels], ui_text.text(lang, "all_level"))


CHOICE_MAKERS: dict[str, Callable[..., list[tuple[str, str]]]] = {
    "dossier": dossier_choices, "profile": profile_choices, "version": version_choices, "kind": kind_choices,
    "level": level_choices}


# --------------------------------------------------------------------------- the app


def _download(path: Path | None, label: str | None = None) -> gr.DownloadButton:
    """A download button's update: its file (none: disabled); its label only when given (else it keeps its own:
    an update carries only the arguments passed)."""
    if label is None:
        return gr.DownloadButton(value=str(path) if path else None, interactive=path is not None)
    return gr.DownloadButton(label=label, value=str(path) if path else None, interactive=path is not None)


class Texts:
    """The components whose static text follows the UI language, each with how to write it in a language.

    Built in the page's starting language; :meth:`updates` gives every component's update for another one
    (the language choice in the header and ``?lang=en`` use it).
    """

    def __init__(self, lang: str):
        self.lang = lang
        self._entries: list[tuple[gr.blocks.Block, Callable[[str], dict]]] = []

    def t(self, key: str, **fields: object) -> str:
        """A string in the page's starting language."""
        return ui_text.text(self.lang, key, **fields)

    def add(self, block, make: Callable[[str], dict]):
        """Register ``block``; ``make(lang)`` gives its properties in ``lang``. Returns the block."""
        self._entries.append((block, make))
        return block

    def keyed(self, block, **keys: str):
        """Register ``block`` with one :mod:`assistant.ui_text` key per property (``label="question"``)."""
        return self.add(block, lambda lang: {attr: ui_text.text(lang, key) for attr, key in keys.items()})

    @property
    def blocks(self) -> list:
        """The registered components, in order."""
        return [block for block, _ in self._entries]

    def updates(self, lang: str) -> list[dict]:
        """Every registered component's update for ``lang``, in :attr:`blocks` order."""
        return [gr.update(**make(lang)) for _, make in self._entries]


def on_load_js(lang: str) -> str:
    """:data:`ON_LOAD_JS` with the page's language."""
    return ON_LOAD_JS.replace("'nl'", repr(ui_text.pick(lang)))


SET_LANG_JS = "(lang) => { document.documentElement.lang = (lang === 'en') ? 'en' : 'nl'; }"


def build_app(settings: Settings | None = None, lang: str | None = None) -> gr.Blocks:
    """The page: chat with filters, examples, export and feedback; matrix, browse and compare tabs; ``/ask``.

    The page starts in ``lang`` (default :func:`assistant.ui_text.default_language`, Dutch unless
    ``ASSISTANT_UI_LANG=en``); the language choice in the header and ``?lang=en`` switch it.
    """
    assistant = Assistant(settings or Settings.from_env())
    chunks = LiveChunks(assistant)
    start = ui_text.pick(lang) if lang else ui_text.default_language()
    texts = Texts(start)
    with gr.Blocks(title=texts.t("title"), analytics_enabled=False, delete_cache=(3600, 86400)) as demo:
        with gr.Row(equal_height=False):
            with gr.Column(scale=5, min_width=300):
                texts.keyed(gr.Markdown(texts.t("intro"), elem_id="kop"), value="intro")
            with gr.Column(scale=1, min_width=200):
                language = gr.Radio(list(ui_text.CHOICES), value=start, label=ui_text.text(start, "language"),
                                    elem_id="taal")
        ui_lang = gr.State(start)
        if assistant.problem:
            problem = escape(assistant.problem)
            texts.add(gr.Markdown(texts.t("missing_index", problem=problem), elem_id="index-missing"),
                      lambda lg, problem=problem: {"value": ui_text.text(lg, "missing_index", problem=problem)})
        session = gr.State(Session(), delete_callback=assistant.forget)
        with gr.Tabs():
            with texts.keyed(gr.Tab(texts.t("tab_chat"), id="chat"), label="tab_chat"):
                chips = _chat_tab(assistant, chunks, session, texts, ui_lang)
            with texts.keyed(gr.Tab(texts.t("tab_matrix"), id="matrix"), label="tab_matrix"):
                _matrix_tab(chunks, texts)
            with texts.keyed(gr.Tab(texts.t("tab_browse"), id="bladeren"), label="tab_browse"):
                _browse_tab(chunks, texts)
            with texts.keyed(gr.Tab(texts.t("tab_compare"), id="vergelijken"), label="tab_compare"):
                _compare_tab(assistant, chunks, demo, texts)
            with texts.keyed(gr.Tab(texts.t("tab_themescan"), id="themascan"), label="tab_themescan"):
                _themescan_tab(assistant, chunks)
            with texts.keyed(gr.Tab(texts.t("tab_documents"), id="documenten"), label="tab_documents"):
                documents_tab(demo, assistant)
        gr.api(assistant.ask, api_name="ask", concurrency_limit=CONCURRENCY)
        _other_tabs_texts(demo, texts)

        def switch(chosen, state: Session):
            lang_now = ui_text.pick(chosen)
            return (lang_now, gr.update(label=ui_text.text(lang_now, "language")), *texts.updates(lang_now),
                    *chips.updates(state if isinstance(state, Session) else Session(), lang_now))

        language.change(switch, [language, session], [ui_lang, language, *texts.blocks, *chips.blocks],
                        api_visibility="private").then(None, language, None, js=SET_LANG_JS)

        def from_address(request: gr.Request):
            asked = (getattr(request, "query_params", None) or {}).get("lang", "") if request else ""
            return ui_text.pick(asked) if asked else gr.skip()

        demo.load(from_address, None, language, api_visibility="private")
        demo.load(None, None, None, js=on_load_js(start))
    demo.queue(max_size=QUEUE_SIZE, default_concurrency_limit=CONCURRENCY)
    demo.assistant = assistant  # for tests and launchers
    return demo


def _other_tabs_texts(demo: gr.Blocks, texts: Texts) -> None:
    """Register the Themascan and Documenten tabs' own components (:data:`assistant.ui_text.ELEMENTS`), and
    write them in the page's starting language."""
    for block in list(demo.blocks.values()):
        elem = getattr(block, "elem_id", None)
        if elem not in ui_text.ELEMENTS["nl"]:
            continue
        if texts.lang != ui_text.DEFAULT:  # in Dutch they stand as their tabs wrote them (a test compares)
            for attr, value in ui_text.ELEMENTS[texts.lang][elem].items():
                setattr(block, attr, value)
        texts.add(block, lambda lg, elem=elem: dict(ui_text.ELEMENTS[ui_text.pick(lg)][elem]))


class Chips:
    """The applied-filter chips under the question box: a heading and :data:`MAX_CHIPS` buttons."""

    def __init__(self, row: gr.Row, heading: gr.Markdown, buttons: list[gr.Button]):
        self.row, self.heading, self.buttons = row, heading, buttons

    @property
    def blocks(self) -> list:
        """The components a chip update writes."""
        return [self.row, self.heading, *self.buttons]

    def updates(self, state: Session, lang: str) -> list:
        """The chips of the session's last answer, labelled in ``lang``."""
        shown = state.chips[:MAX_CHIPS]
        buttons = [gr.update(value=f"{chip_label(c, lang)} ×", visible=True) for c in shown]
        buttons += [gr.update(value="", visible=False)] * (MAX_CHIPS - len(shown))
        return [gr.update(visible=bool(shown)), gr.update(value=ui_text.text(lang, "chips")), *buttons]


def _chat_tab(assistant: Assistant, chunks, session: gr.State, texts: Texts, ui_lang: gr.State) -> Chips:
    # One row: the conversation with its question box and actions, and the filters beside it. On a narrow
    # screen the row wraps, so the filters (folded there, see ON_LOAD_JS) come right under the actions;
    # the example questions follow below the row.
    t = texts.t
    with gr.Row(equal_height=False):
        with gr.Column(scale=3, min_width=300):
            chat = texts.keyed(gr.Chatbot(
                label=t("chat_label"), height=CHAT_HEIGHT, min_height=320, elem_id="chat", sanitize_html=True,
                allow_tags=False, latex_delimiters=[], feedback_options=("Like", "Dislike"), buttons=["copy"],
                autoscroll=False,  # SCROLL_TO_ANSWER_JS shows the start of the answer instead of its end
                placeholder=t("chat_placeholder"),
            ), label="chat_label", placeholder="chat_placeholder")
            with gr.Row(visible=False, elem_id="filterchips") as chip_row:
                chip_heading = gr.Markdown(t("chips"), elem_id="filterchips-kop")
                chip_buttons = [gr.Button("", visible=False, size="sm", min_width=60, elem_classes=["filterchip"],
                                          elem_id=f"filterchip-{n}") for n in range(MAX_CHIPS)]
            chips = Chips(chip_row, chip_heading, chip_buttons)
            with gr.Row(elem_id="vraagregel"):
                box = texts.keyed(gr.Textbox(label=t("question"), placeholder=t("question_placeholder"),
                                             scale=5, min_width=200, elem_id="vraag", submit_btn=False, lines=1),
                                  label="question", placeholder="question_placeholder")
                send = texts.keyed(gr.Button(t("send"), variant="primary", scale=1, min_width=120,
                                             elem_id="verstuur"), value="send")
            with gr.Row(elem_id="acties"):
                csv_button = texts.keyed(gr.DownloadButton(t("csv"), value=None, interactive=False, elem_id="csv",
                                                           size="sm", min_width=110), label="csv")
                md_button = texts.keyed(gr.DownloadButton(t("markdown"), value=None, interactive=False,
                                                          elem_id="md", size="sm", min_width=110), label="markdown")
                new = texts.keyed(gr.Button(t("new"), size="sm", elem_id="nieuw", min_width=110), value="new")
        with gr.Column(scale=1, min_width=240, elem_id="filterkolom"):
            with texts.keyed(gr.Accordion(t("filters"), open=True, elem_id="filters"), label="filters"):
                dropdowns = []
                for name, elem in zip(_FILTER_FIELDS, ("f-dossier", "f-profiel", "f-versie", "f-soort", "f-niveau"),
                                      strict=True):
                    maker = CHOICE_MAKERS[name]
                    dropdown = gr.Dropdown(maker(chunks, texts.lang), value="", label=t(name), elem_id=elem)
                    dropdowns.append(texts.add(dropdown, lambda lg, name=name, maker=maker: {
                        "label": ui_text.text(lg, name), "choices": maker(chunks, lg)}))
                dossier, profile, version, kind, level = dropdowns
                texts.keyed(gr.Markdown(t("followup_help")), value="followup_help")
            legend = abbreviations_markdown(chunks, texts.lang)
            if legend:
                texts.add(gr.Markdown(legend, elem_id="afkortingen"),
                          lambda lg: {"value": abbreviations_markdown(chunks, lg)})
    # below the row, so that on a phone the folded filters come right under the question box
    with gr.Row(visible=False) as comment_row:
        comment = texts.keyed(gr.Textbox(label=t("comment"), max_length=FEEDBACK_COMMENT_CHARS, lines=2, scale=5,
                                         elem_id="toelichting"), label="comment")
        comment_send = texts.keyed(gr.Button(t("comment_send"), size="sm", scale=1, elem_id="toelichting-verstuur"),
                                   value="comment_send")
    comment_target = gr.State(None)
    with gr.Row():
        scope = texts.add(gr.Radio(list(ui_text.value(texts.lang, "export_scopes")), value="answer",
                                   label=t("export"), elem_id="export-omvang"),
                          lambda lg: {"label": ui_text.text(lg, "export"),
                                      "choices": list(ui_text.value(lg, "export_scopes"))})
        picks = texts.keyed(gr.CheckboxGroup([], value=[], label=t("picks"), elem_id="export-bronnen"), label="picks")
    texts.keyed(gr.Markdown(t("examples_title")), value="examples_title")
    example_buttons = []
    groups = list(ui_text.value(texts.lang, "examples").items())
    with gr.Row():
        for g, (group, questions) in enumerate(groups):
            with gr.Column(min_width=160):
                texts.add(gr.Markdown(f"*{group}*"),
                          lambda lg, g=g: {"value": f"*{list(ui_text.value(lg, 'examples'))[g]}*"})
                for q, question in enumerate(questions):
                    button = gr.Button(question, size="sm", elem_classes=["voorbeeld"])
                    example_buttons.append(texts.add(button, lambda lg, g=g, q=q: {
                        "value": list(ui_text.value(lg, "examples").values())[g][q]}))

    def downloads(current: Session, lang: str) -> tuple[gr.DownloadButton, gr.DownloadButton]:
        files = current.exports
        return (_download(files.csv if files else None, ui_text.text(lang, "csv")),
                _download(files.markdown if files else None, ui_text.text(lang, "markdown")))

    def hit_choices(current: Session) -> gr.CheckboxGroup:
        last = next((r for r in reversed(current.records) if r.hits), None)
        found = [(f"[{n}] {h.chunk.code or ''} {h.chunk.title or h.chunk.kind}".replace("  ", " "), n)
                 for n, h in enumerate(last.hits, start=1)] if last else []
        return gr.CheckboxGroup(choices=found, value=[n for _, n in found])

    def answered(steps, how, lang):
        current = None
        for current in steps:
            yield (list(current.messages), "", current, *downloads(current, lang), gr.skip(),
                   *chips.updates(current, lang))
        if current is None:
            return
        if how in ("conversation",) and current.records:
            current = assistant.export(current, how)
        yield (list(current.messages), "", current, *downloads(current, lang), hit_choices(current),
               *chips.updates(current, lang))

    def respond(message, state: Session, d, p, v, k, lv, how, lang):
        ui = Constraints(*(str(x or "") for x in (d, p, v, k, lv)))
        yield from answered(assistant.chat(message, state, ui), how, ui_text.pick(lang))

    def export_again(state: Session, how, chosen, lang):
        current = assistant.export(state, how if how in ("answer", "conversation", "selected") else "answer", chosen)
        return (current, *downloads(current, ui_text.pick(lang)))

    filters = [session, dossier, profile, version, kind, level, scope, ui_lang]
    outputs = [chat, box, session, csv_button, md_button, picks, *chips.blocks]
    events = [box.submit(respond, [box, *filters], outputs, api_visibility="private"),
              send.click(respond, [box, *filters], outputs, api_visibility="private")]
    for button in example_buttons:
        events.append(button.click(respond, [button, *filters], outputs, api_visibility="private"))

    def remove_chip(number: int):
        def handler(state: Session, d, p, v, k, lv, how, lang):
            lang = ui_text.pick(lang)
            chosen = state.chips[number] if isinstance(state, Session) and number < len(state.chips) else None
            if chosen is None or state.asked is None:
                yield (*[gr.skip()] * len(outputs), *[gr.skip()] * len(dropdowns))
                return
            ui = Constraints(*(str(x or "") for x in (d, p, v, k, lv)))
            again = without(state.asked, chosen, ui)
            cleared = [gr.update(value="") if chosen.source == UI and chosen.field == name else gr.skip()
                       for name in _FILTER_FIELDS]
            for result in answered(assistant.chat(None, state, again.ui, again=again, removed=chosen), how, lang):
                yield (*result, *cleared)

        return handler

    for number, button in enumerate(chip_buttons):
        events.append(button.click(remove_chip(number), filters, [*outputs, *dropdowns], api_visibility="private"))
    for event in events:
        event.then(None, None, None, js=SCROLL_TO_ANSWER_JS)

    export_outputs = [session, csv_button, md_button]
    scope.input(export_again, [session, scope, picks, ui_lang], export_outputs, api_visibility="private")
    picks.input(lambda state, chosen, lang: export_again(state, "selected", chosen, lang), [session, picks, ui_lang],
                [*export_outputs], api_visibility="private").then(lambda: "selected", None, scope,
                                                                   api_visibility="private")

    def on_like(state: Session, lang, event: gr.EventData, request: gr.Request):
        payload = like_payload(getattr(event, "_data", None))  # raw: gr.LikeData raises on a malformed payload
        client = getattr(request, "session_hash", "") or ""
        outcome = assistant.vote_outcome(state, *payload, client=client) if payload else feedback.INVALID
        if outcome:
            (gr.Info if outcome == feedback.SAVED else gr.Warning)(feedback_message(outcome, lang))
        disliked = outcome == feedback.SAVED and feedback.vote_name(payload[1]) == "down"
        return gr.Row(visible=disliked), "", (payload[0] if disliked else None)

    chat.like(on_like, [session, ui_lang], [comment_row, comment, comment_target], api_visibility="private")

    def send_comment(state: Session, text, target, lang, request: gr.Request):
        client = getattr(request, "session_hash", "") or ""
        outcome = assistant.vote_outcome(state, target, "comment", client, text if isinstance(text, str) else "")
        if outcome:
            (gr.Info if outcome == feedback.SAVED else gr.Warning)(feedback_message(outcome, lang))
        done = outcome in (feedback.SAVED, "")
        return gr.Row(visible=not done), ("" if done else gr.skip()), (None if done else target)

    comment_send.click(send_comment, [session, comment, comment_target, ui_lang],
                       [comment_row, comment, comment_target], api_visibility="private")

    def reset(state: Session, lang):
        assistant.forget(state)
        lang = ui_text.pick(lang)
        return ([], Session(), _download(None, ui_text.text(lang, "csv")),
                _download(None, ui_text.text(lang, "markdown")), gr.CheckboxGroup(choices=[], value=[]),
                gr.Row(visible=False), None, *chips.updates(Session(), lang))

    reset_outputs = [chat, session, csv_button, md_button, picks, comment_row, comment_target, *chips.blocks]
    new.click(reset, [session, ui_lang], reset_outputs, api_visibility="private")
    chat.clear(reset, [session, ui_lang], reset_outputs, api_visibility="private")
    return chips


def _matrix_tab(chunks, texts: Texts) -> None:
    documents = views.profile_documents(chunks)
    default = "Sociaalwerker B" if "Sociaalwerker B" in documents else (documents[0] if documents else None)
    choice = texts.keyed(gr.Dropdown(list(documents), value=default, label=texts.t("matrix_profile"),
                                     elem_id="m-profiel"), label="matrix_profile")
    table = gr.HTML(views.render_matrix(views.competence_matrix(chunks, default)) if default else
                    "<p>Geen competentieprofielen in de index.</p>", elem_id="matrix", js_on_load=None)
    choice.change(lambda d: views.render_matrix(views.competence_matrix(chunks, d)), choice, table,
                  api_visibility="private")


def _browse_tab(chunks, texts: Texts) -> None:
    pairs = views.dossiers(chunks)
    # One entry per dossier: "Sociaal Werk" (2020) and "Sociaal werk" (2015) are two versions of one dossier.
    shown = {spelled: d.name for d in dossier_names(chunks) for _, spelled in d.versions}
    spelling = {(shown.get(d, d), v): d for d, v in pairs}
    names = list(dict.fromkeys(shown.get(d, d) for d, _ in pairs))
    first = names[0] if names else None

    def versions_of(name: str | None) -> list[str]:
        return [v for d, v in views.dossiers(chunks) if shown.get(d, d) == name]  # the build answering now

    def tree(name: str | None, version: str | None) -> str:
        if not name:
            return "<p>Geen dossiers in de index.</p>"
        title = " ".join(x for x in (name, version) if x)
        spelled = spelling.get((name, version or ""), name)
        return (views.extract_note(chunks, spelled, version or "")
                + views.render_tree(views.browse_tree(chunks, spelled, version or ""), title)
                + views.other_parts(chunks, spelled, version or ""))

    first_versions = versions_of(first)
    with gr.Row():
        dossier = texts.keyed(gr.Dropdown(names, value=first, label=texts.t("dossier"), elem_id="b-dossier"),
                              label="dossier")
        version = texts.keyed(gr.Dropdown(first_versions, value=first_versions[0] if first_versions else None,
                                          label=texts.t("version"), elem_id="b-versie"), label="version")
    html = gr.HTML(tree(first, first_versions[0] if first_versions else None), elem_id="boom", js_on_load=None)

    def pick_dossier(name):
        found = versions_of(name)
        chosen = found[0] if found else None
        return gr.Dropdown(choices=found, value=chosen), tree(name, chosen)

    dossier.change(pick_dossier, dossier, [version, html], api_visibility="private")
    version.input(tree, [dossier, version], html, api_visibility="private")


def _compare_tab(assistant: Assistant, chunks, demo: gr.Blocks, texts: Texts) -> None:
    """A werkproces beside its counterpart in another version (paired by content) or another profile.

    The comparison shown can be downloaded as CSV or Markdown (:func:`assistant.export.write_compare`).
    """
    options = list(views.werkproces_options(chunks))
    keys = [key for _, key in options]
    preferred = next((key for label, key in options if "2021" in label and "P3-K2-W2" in label), None)
    default = preferred or (keys[0] if keys else None)

    def candidates(key: str | None) -> tuple[list[tuple[str, int]], int | None]:
        found = views.compare_candidates(chunks, key) if key else ()
        labels = [(f"{v.label} · {v.title}" + (f" — {v.note}" if v.note else ""), i)
                  for i, v in enumerate(found) if i > 0]
        return labels, (1 if len(found) > 1 else None)

    def pair(key, right) -> tuple[views.Variant | None, views.Variant | None]:
        found = views.compare_candidates(chunks, key) if key else ()
        left = found[0] if found else None
        return left, (found[right] if isinstance(right, int) and 0 < right < len(found) else None)

    def render(key, right) -> str:
        return views.render_compare(*pair(key, right))

    def downloads(key, right) -> tuple[gr.DownloadButton, gr.DownloadButton]:
        left, other = pair(key, right)
        if left is None or other is None:
            return _download(None), _download(None)
        name = next((label for label, k in options if k == key), str(key))
        files = write_compare(assistant.export_dir, name, left, other)
        assistant.exports.add(files)
        return _download(files.csv), _download(files.markdown)

    labels, right = candidates(default)
    unit = texts.keyed(gr.Dropdown(options, value=default, label=texts.t("compare_unit"), elem_id="v-code"),
                       label="compare_unit")
    right_pick = texts.keyed(gr.Dropdown(labels, value=right, label=texts.t("compare_with"), elem_id="v-rechts"),
                             label="compare_with")
    with gr.Row():
        csv_button = texts.keyed(gr.DownloadButton(texts.t("csv"), value=None, interactive=False, elem_id="v-csv",
                                                   size="sm"), label="csv")
        md_button = texts.keyed(gr.DownloadButton(texts.t("markdown"), value=None, interactive=False,
                                                  elem_id="v-md", size="sm"), label="markdown")
    html = gr.HTML(render(default, right), elem_id="vergelijking", js_on_load=None)

    def pick_unit(chosen):
        found, other = candidates(chosen)
        return gr.Dropdown(choices=found, value=other), render(chosen, other), *downloads(chosen, other)

    def pick_right(key, other):
        return render(key, other), *downloads(key, other)

    unit.change(pick_unit, unit, [right_pick, html, csv_button, md_button], api_visibility="private")
    right_pick.input(pick_right, [unit, right_pick], [html, csv_button, md_button], api_visibility="private")
    # the default pair's files are made when a page opens (export files are cleaned up by age)
    demo.load(lambda: downloads(default, right), None, [csv_button, md_button], api_visibility="private")


# --------------------------------------------------------------------------- Themascan (assistant.themes.ui)

from assistant.themes.ui import THEMESCAN_EXAMPLES, themescan_handler  # noqa: E402,F401 - the tab's handler


def _themescan_tab(assistant: Assistant, chunks) -> None:
    from assistant.themes.ui import themescan_tab

    themescan_tab(assistant, chunks, (dossier_choices(chunks), profile_choices(chunks), version_choices(chunks)))


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
    no run history (``/gradio_api/runs`` is gone and no run is recorded or sent anywhere).

    The request guard, the admin login routes and the upload gate (:mod:`assistant.admin`) are mounted as
    middleware; ``ASSISTANT_AUTH`` puts the whole app behind Gradio's login.
    """
    from assistant import admin
    from ingest.uploads import MAX_UPLOAD_BYTES

    _stop_on_sigterm()
    app_kwargs = {**kwargs.pop("app_kwargs", {})}
    app_kwargs["middleware"] = [*app_kwargs.get("middleware", []), Middleware(RequestGuard), *admin.middleware()]
    if admin.gradio_auth() and "auth" not in kwargs:
        kwargs["auth"] = admin.gradio_auth()
    demo.launch(server_name=host, server_port=port, share=False, enable_monitoring=False, allowed_paths=[],
                max_file_size=MAX_UPLOAD_BYTES, ssr_mode=False, mcp_server=False, pwa=False, css=CSS,
                theme=accessible_theme(), show_error=False, run_history=False, app_kwargs=app_kwargs, **kwargs)
