"""The filters an answer applied, as chips the chat shows, and the question to ask again without one.

A filter comes from one of three places:

* ``ui`` — a dropdown of the filter column (removing it clears the dropdown);
* ``conversation`` — a constraint a follow-up carried ("en bij de PMK?", "alleen niveau 3", "and for
  the 2015 version?"): removing it drops the constraint;
* ``question`` — a dossier, profile, year or level the question itself names ("OA 2021", "Coachen
  niveau 3"): removing it drops those words from the question.

:func:`applied_filters` lists them for a reply (pure, from the reply and the dropdown values);
:func:`without` gives what to ask again once one is removed. Nothing here knows particular names: the
scopes come from the reply and the index's catalogue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from assistant.conversation import Catalogue, Constraints, ScopeEntry, Turn
from assistant.intent import COMPARE, find_scope_terms, narrow_entries, scope_label
from assistant.query import LEVEL_WORD
from assistant.replies import Reply
from assistant.ui_text import text

UI = "ui"
CONVERSATION = "conversation"
QUESTION = "question"
FIELDS = ("dossier", "profile", "version", "kind", "level")

_YEAR = re.compile(r"\b(20\d\d)(?:-\d\d-\d\d)?\b")
# "niveau 3", "level 3", and the digits of a list "niveau 2 en 3"
_LEVELS = re.compile(rf"\b{LEVEL_WORD}\s*((?:[1-9](?:\s*(?:,|en|and|tot|to|-|&|of|or|vs\.?)\s*)?)+)",
                     re.IGNORECASE)
# Words that only joined what was removed: dropped with it when they are left dangling.
_JOINERS = r"(?:en|and|of|or|bij|in|van|voor|for|at|uit|from|de|het|the|een|a|an|vs\.?|versus|tot|to)"


@dataclass(frozen=True)
class AppliedFilter:
    """One filter an answer applied.

    Attributes:
        field: ``dossier``, ``profile``, ``version``, ``kind``, ``level`` (filter values), ``scope`` (a
            dossier or profile the question names) or ``year`` (a version year the question names).
        value: the value as the answer applied it (a scope's label, "Onderwijsassistent 2021").
        source: :data:`UI`, :data:`CONVERSATION` or :data:`QUESTION`.
        spans: where the question names it (removed from the question with the filter).
        additions: ``(position, text)`` put into the question instead, to keep the other scopes of one name
            ("OA" is Onderwijsassistent 2021 and a 2015 profile: without the 2021 one it reads "OA 2015").
        clears: conversation constraints removed with it (a scope named by a follow-up set the dossier).
    """

    field: str
    value: str
    source: str
    spans: tuple[tuple[int, int], ...] = ()
    additions: tuple[tuple[int, str], ...] = ()
    clears: tuple[str, ...] = ()


@dataclass(frozen=True)
class Asked:
    """How the last answer was asked, so that it can be asked again without one filter.

    Attributes:
        message: the message to send again (as typed, or the question with a filter's words removed).
        before: the conversation's turn before it.
        ui: the dropdown values.
        extra: constraints carried from the conversation that are not in the dropdowns.
        question: the self-contained question the answer was for.
        own: the conversation's constraints after the answer.
        lang: the answer's language.
    """

    message: str
    before: Turn | None = None
    ui: Constraints = field(default_factory=Constraints)
    extra: Constraints = field(default_factory=Constraints)
    question: str = ""
    own: Constraints = field(default_factory=Constraints)
    lang: str = "nl"


def _fold(value: str) -> str:
    return " ".join(value.split()).lower()


def _level_spans(question: str, level: str) -> tuple[tuple[int, int], ...]:
    """Where ``question`` names competence level ``level``: the whole "niveau 3", or the "3" of "niveau 2 en 3"."""
    spans = []
    for match in _LEVELS.finditer(question):
        digits = [(m.group(0), m.span()) for m in re.finditer(r"[1-9]", match.group(1))]
        if level not in (d for d, _ in digits):
            continue
        if len(digits) == 1:
            spans.append(match.span())
        else:
            offset = match.start(1)
            spans.extend((offset + a, offset + b) for d, (a, b) in digits if d == level)
    return tuple(spans)


def _year_spans(question: str, year: str) -> tuple[tuple[int, int], ...]:
    return tuple(m.span() for m in _YEAR.finditer(question) if m.group(1) == year[:4])


def _scope_edits(question: str, entry: ScopeEntry, others: tuple[ScopeEntry, ...],
                 catalogue: Catalogue) -> tuple[tuple[tuple[int, int], ...], tuple[tuple[int, str], ...]]:
    """How to drop one scope from the question: (spans to remove, years to add after its name).

    When another scope of the same name stays in another version, the scope's year goes (if named) or the
    staying scopes' years are added; otherwise the name goes.
    """
    spans: list[tuple[int, int]] = []
    additions: list[tuple[int, str]] = []
    for term, span in find_scope_terms(question, catalogue):
        entries = catalogue.scopes.get(_fold(term), ())
        if entry not in entries:
            continue
        staying = [e for e in others if e in entries and e != entry]
        year = (entry.version or "")[:4]
        years = sorted({(e.version or "")[:4] for e in staying} - {"", year})
        if staying and year and all((e.version or "")[:4] != year for e in staying):
            if _year_spans(question, year):
                spans.extend(_year_spans(question, year))
                continue
            if years and not _YEAR.search(question):
                additions.append((span[1], " ".join(years)))
                continue
        spans.append(span)
    return tuple(dict.fromkeys(spans)), tuple(dict.fromkeys(additions))


def _same(ui_value: str, applied: str) -> bool:
    return bool(ui_value.strip()) and _fold(ui_value) == _fold(applied)


def applied_filters(reply: Reply, ui: Constraints, catalogue: Catalogue,
                    own: Constraints | None = None) -> tuple[AppliedFilter, ...]:
    """Every filter the reply applied, with where it came from; one chip each, in the reply's order.

    The reply's own list (``reply.filters``) is the truth; when a reply type keeps none (a comparison, a
    "not in the sources" answer) the dropdown values and the conversation's (``own``) that went into it are
    listed.
    Years and levels that the question names and the reply does not list (they narrow or steer the answer
    without a filter) are listed too, when the question's words for them can be removed.
    """
    question = reply.intent.question
    found: list[AppliedFilter] = []
    pairs = list(reply.filters)
    if not pairs:
        effective = ui.merged(own or Constraints())
        pairs = [(name, getattr(effective, name).strip()) for name in FIELDS if getattr(effective, name).strip()]
    entries = narrow_entries(reply.intent.scopes)
    by_label = {scope_label(e): e for e in entries}
    for name, value in pairs:
        if name == "scope":
            entry = by_label.get(value)
            spans, additions = _scope_edits(question, entry, entries, catalogue) if entry else ((), ())
            if (spans or additions) and reply.type != COMPARE:  # a comparison's sides are not filters
                found.append(AppliedFilter("scope", value, QUESTION, spans, additions, clears=("dossier", "profile")))
            continue
        if name not in FIELDS:
            continue
        if _same(getattr(ui, name), value):
            found.append(AppliedFilter(name, value, UI))
        else:
            spans = _level_spans(question, value) if name == "level" else \
                _year_spans(question, value) if name == "version" else ()
            found.append(AppliedFilter(name, value, CONVERSATION, spans))
    listed = {(f.field, f.value[:4]) for f in found}
    if not entries:
        for year in reply.intent.years:
            spans = _year_spans(question, year)
            if spans and ("version", year) not in listed:
                found.append(AppliedFilter("year", year, QUESTION, spans))
    if not any(f.field == "level" for f in found) and reply.type != COMPARE:
        for level in reply.intent.levels:
            spans = _level_spans(question, str(level))
            if spans:
                found.append(AppliedFilter("level", str(level), QUESTION, spans))
    return tuple(found)


def chip_label(applied: AppliedFilter, lang: str) -> str:
    """``Dossier: Pedagogisch Werk``, ``Bereik: Onderwijsassistent 2021 (uit de vraag)`` in the UI language."""
    from assistant.answer import kind_label

    field = text(lang, "version" if applied.field == "year" else applied.field)
    value = kind_label(applied.value, lang) if applied.field == "kind" else applied.value
    key = {UI: "chip", QUESTION: "chip_from_question", CONVERSATION: "chip_from_conversation"}[applied.source]
    return text(lang, key, field=field, value=value)


def removed_note(applied: AppliedFilter, lang: str) -> str:
    """``zonder Dossier: Pedagogisch Werk`` for the read-as line, in the answer's language."""
    from assistant.answer import kind_label

    field = text(lang, "version" if applied.field == "year" else applied.field)
    value = kind_label(applied.value, lang) if applied.field == "kind" else applied.value
    return text(lang, "removed", what=f"{field}: {value}")


def drop_spans(question: str, spans: tuple[tuple[int, int], ...]) -> str:
    """The question without the text at ``spans``, and without words left dangling by that.

    "oudercontact onderwijsassistent 2021 en 2015" without "2015" → "oudercontact onderwijsassistent 2021";
    "samenwerken bij PMK?" without "PMK" → "samenwerken?".
    """
    marker = "\x00"
    chars = list(question)
    for start, end in sorted(spans, reverse=True):
        chars[start:end] = [marker]
    out = "".join(chars)
    out = re.sub(rf"\s*(?:,|&|\ben\b|\band\b|\bof\b|\bor\b)\s*{marker}", marker, out, flags=re.IGNORECASE)
    out = re.sub(rf"{marker}\s*(?:,|&|\ben\b|\band\b|\bof\b|\bor\b|\bto\b|\btot\b)(?![\w-])", marker, out,
                 flags=re.IGNORECASE)
    # "at MARKER in the": the removed words' own preposition goes when another one follows
    out = re.sub(rf"(?<![\w-]){_JOINERS}\s+{marker}(?=\s+{_JOINERS}(?![\w-]))", marker, out, flags=re.IGNORECASE)
    out = re.sub(rf"(?:(?<![\w-]){_JOINERS}\s+)+{marker}(?=[\s{marker}]*[?.!]*\s*$)", marker, out,
                 flags=re.IGNORECASE)
    out = " ".join(out.replace(marker, " ").split())
    out = re.sub(r"\s+([?.!,])", r"\1", out).strip(" ,")
    return out if re.search(r"\w", out) else ""


def without(asked: Asked, applied: AppliedFilter, ui: Constraints) -> Asked:
    """What to ask once ``applied`` is removed, given the dropdown values ``ui`` now.

    A dropdown filter: the same message in the same conversation, that dropdown cleared. A filter from
    the conversation or the question: the answer's self-contained question (without the filter's words)
    asked afresh in the answer's language, with the conversation's other constraints kept.
    """
    if applied.source == UI:
        return replace(asked, ui=replace(ui, **{applied.field: ""}), question="", own=Constraints())
    extra = asked.own
    for name in (applied.field, *applied.clears):
        if name in FIELDS:
            extra = replace(extra, **{name: ""})
    if applied.field == "year":
        extra = replace(extra, version="" if extra.version.startswith(applied.value) else extra.version)
    message = asked.question
    for position, words in sorted(applied.additions, reverse=True):
        message = f"{message[:position]} {words}{message[position:]}"
    if applied.spans:
        message = drop_spans(message, applied.spans)
    return Asked(message, Turn("", lang=asked.lang), ui, extra, lang=asked.lang)
