"""Composing an extractive answer with numbered citations, in the question's language.

All document text is escaped: :func:`escape` makes text inert in Markdown (and
the HTML inside it), :func:`escape_html` in raw HTML blocks. A passage can never
inject markup, links, images or scripts into the answer.

The answer has three parts:

* a short lead sentence (Dutch or English, as the question);
* the numbered hits (werkprocessen, kerntaken, competence levels...), each with
  its best-matching sentence quoted and highlighted, and ``[n]``;
* the sources: ``[n] dossier · version · profile · code · title · file lines``,
  in the chat as a ``<details>`` per source that opens the full passage.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from assistant.language import language
from assistant.retrieval import Hit

# Characters that make inline Markdown anywhere (emphasis, links, images, code, tables,
# strike-through, autolinked e-mail addresses) and those that start a block at a line start.
_MD_INLINE = re.compile(r"([\\`*_{}\[\]()!|~@])")
_MD_LINE_START = re.compile(r"(?m)^(\s*)([#+\-=]|\d+(?=\.))")
_AUTOLINK = re.compile(r"(?i)(://|www\.)")
_SCHEME = re.compile(r"(?i)\b((?:java|vb)script|data)(\s*)\\?:")

TEXT = {
    "nl": {
        "none": "Ik vond geen passende passages. Probeer andere woorden of haal een filter weg.",
        "best": "Het best passend is {head} in {where} [1].",
        "more": "Hieronder nog {n} passende passages.",
        "one_more": "Hieronder nog 1 passende passage.",
        "sources": "Bronnen",
        "also_in": "ook in",
        "open": "open de bron voor de hele passage",
        "generated": "Gegenereerd antwoord, alleen op basis van de bronnen hieronder:",
    },
    "en": {
        "none": "I found no matching passages. Try other words or remove a filter.",
        "best": "The best match is {head} in {where} [1].",
        "more": "{n} more matching passages below.",
        "one_more": "1 more matching passage below.",
        "sources": "Sources",
        "also_in": "also in",
        "open": "open a source for the whole passage",
        "generated": "Generated answer, based only on the sources below:",
    },
}

KIND_LABELS = {
    "nl": {},
    "en": {
        "werkproces": "work process",
        "kerntaak": "core task",
        "profiel": "profile",
        "beroepsbeschrijving": "occupation",
        "competentie": "competence",
        "competentieniveau": "competence level",
        "inleiding": "introduction",
        "toelichting": "explanation",
    },
}


def _neutralise_schemes(text: str) -> str:
    """``javascript:``/``vbscript:``/``data:`` made harmless (never a live link target)."""
    return _SCHEME.sub(r"\1\2&#58;", text)


def _escape_line_start(match: re.Match[str]) -> str:
    lead, marker = match.groups()
    if marker.isdigit():  # "1." starts an ordered list: escape the dot (after the digits)
        return f"{lead}{marker}\\"
    return f"{lead}\\{marker}"


def escape(text: str) -> str:
    """Text made inert for Markdown and for the HTML Markdown may contain.

    ``&``, ``<`` and ``>`` become entities; inline Markdown punctuation is
    backslash-escaped everywhere, block markers at a line start; URLs cannot
    autolink; URL schemes that run code are neutralised. Plain words, codes
    (``B1-K1-W5``) and dates stay as they are.
    """
    text = (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_INLINE.sub(r"\\\1", text)
    text = _MD_LINE_START.sub(_escape_line_start, text)
    text = _AUTOLINK.sub(lambda m: m.group(1).replace(":", "\\:").replace(".", "\\."), text)
    return _neutralise_schemes(text)


def escape_html(text: str) -> str:
    """Text made inert inside a raw HTML block (no Markdown is parsed there)."""
    return _neutralise_schemes(html.escape(text or "", quote=True))


def html_lines(text: str) -> str:
    """Escaped text with its line breaks kept as ``<br>``, for one-line HTML blocks."""
    return "<br>".join(escape_html(line) for line in (text or "").splitlines())


def kind_label(kind: str, lang: str) -> str:
    """The kind of a unit in the answer's language."""
    return KIND_LABELS.get(lang, {}).get(kind, kind)


def passage(hit: Hit) -> str:
    """The whole unit's text of a hit (all parts of a split unit)."""
    return hit.chunk.passage or hit.chunk.text


def heading(hit: Hit) -> str:
    """Code and title of a hit, or its kind when it has neither (plain text)."""
    c = hit.chunk
    return " ".join(x for x in (c.code, c.title) if x) or c.kind


def citation_parts(hit: Hit) -> list[str]:
    """dossier, version, profile, code, title, ``file r. a-b`` (plain text, empty parts left out)."""
    c = hit.chunk
    parts = [c.dossier or "", c.version or "", c.profile or "", c.code or "", c.title or "",
             f"{c.source} {c.location.label()}"]
    return [p for p in parts if p]


def citation(hit: Hit) -> str:
    """dossier · version · profile · code · title · file and lines or page (escaped Markdown)."""
    return " · ".join(escape(p) for p in citation_parts(hit))


def unique_hits(hits: Sequence[Hit]) -> tuple[Hit, ...]:
    """Hits with identical passages shown once; the repeats' names go to ``also_in``."""
    kept: list[Hit] = []
    by_text: dict[str, int] = {}
    for hit in hits:
        key = " ".join(passage(hit).split()).lower()
        if key in by_text:
            first = kept[by_text[key]]
            extra = [hit.chunk.label(), *hit.also_in]
            also = tuple(dict.fromkeys([*first.also_in, *(x for x in extra if x != first.chunk.label())]))
            kept[by_text[key]] = replace(first, also_in=also)
            continue
        by_text[key] = len(kept)
        kept.append(hit)
    return tuple(kept)


def _where(hit: Hit) -> str:
    c = hit.chunk
    return " ".join(x for x in (c.dossier_abbr or c.dossier, c.version) if x) or c.source


def lead(question: str, hits: Sequence[Hit], lang: str | None = None) -> str:
    """The lead sentence (escaped Markdown) in ``lang``, else the language of ``question``."""
    text = TEXT[lang or language(question)]
    if not hits:
        return text["none"]
    first = text["best"].format(head=f"**{escape(heading(hits[0]))}**", where=escape(_where(hits[0])))
    rest = len(hits) - 1
    if rest == 0:
        return first
    return f"{first} " + (text["one_more"] if rest == 1 else text["more"].format(n=rest))


def hit_item(number: int, hit: Hit, lang: str) -> str:
    """One numbered hit: heading, kind, where, ``[n]``, and its best sentence highlighted."""
    c = hit.chunk
    meta = " · ".join(escape(x) for x in (kind_label(c.kind, lang), _where(hit), c.profile or "") if x)
    also = f" ({TEXT[lang]['also_in']} {escape(', '.join(hit.also_in))})" if hit.also_in else ""
    line = f"{number}. **{escape(heading(hit))}** · {meta}{also} [{number}]"
    if hit.best_sentence:
        line += f"\n    > <mark>{escape(hit.best_sentence)}</mark>"
    return line


def source_line(number: int, hit: Hit, lang: str) -> str:
    """``- [n] citation (ook in …)`` as escaped Markdown."""
    also = f" ({TEXT[lang]['also_in']} {escape(', '.join(hit.also_in))})" if hit.also_in else ""
    return f"- [{number}] {citation(hit)}{also}"


def source_details(number: int, hit: Hit, lang: str) -> str:
    """One source as a single-line ``<details>`` block whose body is the whole passage (escaped HTML)."""
    label = " · ".join(escape_html(p) for p in citation_parts(hit))
    also = f" ({TEXT[lang]['also_in']} {escape_html(', '.join(hit.also_in))})" if hit.also_in else ""
    return (f'<details class="bron"><summary>[{number}] {label}{also}</summary>'
            f'<div class="passage">{html_lines(passage(hit))}</div></details>')


def sources(hits: Sequence[Hit], lang: str, details: bool) -> str:
    """The sources block: one line per source, or one ``<details>`` per source."""
    title = f"**{TEXT[lang]['sources']}**" + (f" ({TEXT[lang]['open']}):" if details else ":")
    if details:
        return title + "\n\n" + "\n".join(source_details(n, h, lang) for n, h in enumerate(hits, start=1))
    return title + "\n\n" + "\n".join(source_line(n, h, lang) for n, h in enumerate(hits, start=1))


@dataclass(frozen=True)
class Answer:
    """An answer ready to show: the question, its language and the (unique) hits."""

    question: str
    lang: str
    hits: tuple[Hit, ...]

    @property
    def hit_ids(self) -> tuple[str, ...]:
        """Chunk ids of the hits, in answer order."""
        return tuple(h.chunk.id for h in self.hits)


def make_answer(question: str, hits: Sequence[Hit], lang: str | None = None) -> Answer:
    """Group identical passages and fix the answer language (``lang``, else the question's)."""
    return Answer(question=question, lang=lang or language(question), hits=unique_hits(hits))


def compose(question: str, hits: Sequence[Hit], details: bool = False, lang: str | None = None) -> str:
    """The extractive answer as Markdown: lead sentence, numbered hits, then sources.

    Args:
        question: the question as asked (decides Dutch or English).
        hits: retrieval hits, best first.
        details: sources as ``<details>`` blocks that open the passage (chat),
            else one Markdown line per source (``/ask``, exports).
        lang: the answer language when the conversation fixed it (else the question's).
    """
    answer = make_answer(question, hits, lang)
    if not answer.hits:
        return lead(question, answer.hits, answer.lang)
    items = "\n".join(hit_item(n, h, answer.lang) for n, h in enumerate(answer.hits, start=1))
    return "\n\n".join([lead(question, answer.hits, answer.lang), items, sources(answer.hits, answer.lang, details)])


def compose_generated(question: str, text: str, hits: Sequence[Hit], details: bool = False) -> str:
    """A generated answer (escaped; its ``[n]`` stay readable) followed by the sources."""
    answer = make_answer(question, hits)
    body = escape(text.strip())
    return "\n\n".join([f"*{TEXT[answer.lang]['generated']}*", body, sources(answer.hits, answer.lang, details)])
