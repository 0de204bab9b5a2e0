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
from assistant.typography import normalise_typography

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
        "similar_in": "vrijwel gelijk in",
        "basisdeel": "basisdeel",
        "change": "**Tegenhanger {other}**: {this} heet daar {that} (gevonden op inhoud, niet op code; score {score}).",
        "same_text": "De omschrijving is gelijk (typografie genegeerd).",
        "overlap": "De omschrijving komt voor {pct}% overeen; de verschillen staan in Vergelijken.",
        "extract_note": "{where} is een extract: wat daar ontbreekt (resultaat, gedrag, competenties) is niet "
                        "verwijderd maar niet in het extract.",
        "no_counterpart": "**Geen tegenhanger** van {this} gevonden in een andere versie.",
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
        "similar_in": "nearly the same in",
        "basisdeel": "basisdeel",
        "change": "**Counterpart {other}**: {this} is {that} there (matched by content, not by code; score {score}).",
        "same_text": "The description is the same (typography aside).",
        "overlap": "The descriptions overlap {pct}%; Vergelijken shows the differences.",
        "extract_note": "{where} is an extract: what it lacks (result, behaviour, competences) was not removed, "
                        "it is not in the extract.",
        "no_counterpart": "**No counterpart** of {this} found in another version.",
        "open": "open a source for the whole passage",
        "generated": "Generated answer, based only on the sources below:",
    },
}

KIND_LABELS = {
    "nl": {
        "legenda": "legenda (kleuren)",
        "uitleg_niveaus": "uitleg van de niveaus",
        "vakkennis": "vakkennis en vaardigheden",
        "wet_regelgeving": "wet- en regelgeving",
    },
    "en": {
        "werkproces": "work process",
        "kerntaak": "core task",
        "profiel": "profile",
        "beroepsbeschrijving": "occupation",
        "competentie": "competence",
        "competentieniveau": "competence level",
        "inleiding": "introduction",
        "toelichting": "explanation",
        "vakkennis": "knowledge and skills",
        "wet_regelgeving": "laws and regulations",
        "beroepsvereisten": "professional requirements",
        "ontwikkelingen": "developments",
        "doorstroom": "further education",
        "arbeidsmarkt": "labour market",
        "legenda": "legend (colours)",
        "uitleg_niveaus": "explanation of the levels",
        "specialisaties": "specialisations",
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
    parts = [c.dossier or "", c.version or "", c.profile or ("basisdeel" if hit.basisdeel else ""), c.code or "",
             c.title or "",
             f"{c.source} {c.location.label()}"]
    return [p for p in parts if p]


def citation(hit: Hit) -> str:
    """dossier · version · profile · code · title · file and lines or page (escaped Markdown)."""
    return " · ".join(escape(p) for p in citation_parts(hit))


def unique_hits(hits: Sequence[Hit]) -> tuple[Hit, ...]:
    """Hits with identical passages (typography aside) shown once; the repeats' names go to ``also_in``."""
    kept: list[Hit] = []
    by_text: dict[str, int] = {}
    for hit in hits:
        key = normalise_typography(passage(hit))
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
    if c.similar_in:
        also += f" ({TEXT[lang]['similar_in']} {escape(', '.join(c.similar_in))})"
    if hit.basisdeel:
        also += f" ({TEXT[lang]['basisdeel']})"
    line = f"{number}. **{escape(heading(hit))}** · {meta}{also} [{number}]"
    items = list_items(passage(hit))
    if items and hit.best_sentence in items:  # a short list (specialisations): all of it, the best line marked
        line += "\n    > " + " · ".join(f"<mark>{escape(i)}</mark>" if i == hit.best_sentence else escape(i)
                                          for i in items)
    elif hit.best_sentence:
        line += f"\n    > <mark>{escape(hit.best_sentence)}</mark>"
    return line


LIST_ITEMS = (3, 15)  # a passage of this many list lines ...
LIST_ITEM_WORDS = 6  # ... of at most this many words each is a list, shown whole


_KEY_LINE = re.compile(r"[^=]{1,40}\s=\s\S.*")  # a line of a key or legend ("Lichtgroen = groeicompetentie")


def list_items(text: str) -> list[str]:
    """The lines of a passage that is only a short list ("- Maatschappelijk werk", "- Kinderwerk", …) or a key
    ("Lichtgroen = groeicompetentie", "Blauw = …"), else []."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not LIST_ITEMS[0] <= len(lines) <= LIST_ITEMS[1]:
        return []
    if all(line.startswith("- ") for line in lines):
        items = [line[2:].strip() for line in lines]
    elif all(_KEY_LINE.fullmatch(line) for line in lines):
        items = lines
    else:
        return []
    return items if all(len(i.split()) <= LIST_ITEM_WORDS and not i.endswith(":") for i in items) else []


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
    report = change_report(question, answer.hits, answer.lang)
    change = "" if report else change_note(question, answer.hits, answer.lang)
    parts = [report, lead(question, answer.hits, answer.lang), change, items,
             sources(answer.hits, answer.lang, details)]
    return "\n\n".join(p for p in parts if p)


def _label(c) -> str:
    return " ".join(x for x in (c["dossier_abbr"] if isinstance(c, dict) else (c.dossier_abbr or c.dossier),
                                (c["version"] if isinstance(c, dict) else c.version) or "") if x)


def change_report(question: str, hits: Sequence[Hit], lang: str) -> str:
    """For "what changed in CODE (since YEAR)?": every werkproces with that code and its counterpart by
    content, with the sentences new and gone (:mod:`assistant.changes`). Empty when no code is named."""
    from assistant import changes
    from assistant.curriculum import asks_change, matcher_for

    code = changes.asked_code(question)
    corpus = next((h.corpus for h in hits if h.corpus is not None), None)
    if not code or corpus is None or not asks_change(question):
        return ""
    year = changes.asked_year(question)
    return changes.render(changes.changes(corpus, code, year, matcher_for(corpus)), code, year, lang, escape)


def change_note(question: str, hits: Sequence[Hit], lang: str) -> str:
    """For "what changed" questions: the first werkproces hit's counterpart in another version, by content.

    Says how far the omschrijvingen overlap (typography ignored) and, when a side is an extract, that what it
    lacks is not in the extract rather than removed. Empty for other questions.
    """
    from assistant.crosswalk import counterparts, omschrijving
    from assistant.curriculum import asks_change, matcher_for

    if not asks_change(question):
        return ""
    year = re.search(r"\b(?:19|20)\d{2}\b", question)  # "sinds 2015": the other side is the subject
    candidates = [h for h in hits if h.chunk.kind == "werkproces" and h.corpus is not None]
    newer = [h for h in candidates if not (year and (h.chunk.version or "").startswith(year.group(0)))]
    first = (newer or candidates or [None])[0]
    if first is None:
        return ""
    c = first.chunk
    this = escape(f"{_label(c)} {c.code} {c.title or ''}".strip())
    found = counterparts(first.corpus, c, matcher_for(first.corpus))
    if not found:
        return TEXT[lang]["no_counterpart"].format(this=this)
    cp = found[0]
    other = next((o for o in first.corpus if o.kind == "werkproces" and o.variant is None and o.part == 1
                  and (o.dossier, o.version, o.profile, o.code) == (cp["dossier"], cp["version"], cp["profile"],
                                                                    cp["code"])), None)
    lines = [TEXT[lang]["change"].format(other=escape(cp["version"] or ""), this=this,
                                         that=escape(f"{cp['code']} {cp['title'] or ''}".strip()),
                                         score=f"{cp['score']:.2f}")]
    if other is not None:
        a, b = normalise_typography(omschrijving(c)), normalise_typography(omschrijving(other))
        if a == b:
            lines.append(TEXT[lang]["same_text"])
        else:
            from difflib import SequenceMatcher

            pct = round(100 * SequenceMatcher(None, a.split(), b.split(), autojunk=False).ratio())
            lines.append(TEXT[lang]["overlap"].format(pct=pct))
        for side in (c, other):
            if side.extract:
                lines.append(TEXT[lang]["extract_note"].format(where=escape(_label(side))))
    return " ".join(lines)


def compose_generated(question: str, text: str, hits: Sequence[Hit], details: bool = False) -> str:
    """A generated answer (escaped; its ``[n]`` stay readable) followed by the sources."""
    answer = make_answer(question, hits)
    body = escape(text.strip())
    return "\n\n".join([f"*{TEXT[answer.lang]['generated']}*", body, sources(answer.hits, answer.lang, details)])
