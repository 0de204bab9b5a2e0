"""What changed in a werkproces between versions: its counterpart by content, and the differences.

"wat is er veranderd aan B1-K1-W5 sinds 2015?": the werkprocessen with that code outside the named year,
each with its counterpart in the named year (or, without a year, in any other version of its lineage),
found by content (:mod:`assistant.crosswalk`), not by code. The omschrijvingen are compared sentence by
sentence with typography folded: sentences kept, new, and no longer there. An extract side says so: what it
lacks was not removed. Pure functions over chunks; :func:`render` writes the Markdown (Dutch or English).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher

from assistant.crosswalk import Matcher, counterparts, lineage, omschrijving
from assistant.lexical import tokenize
from assistant.model import WERKPROCES, Chunk
from assistant.typography import normalise_typography

_CODE = re.compile(r"\b[BP][1-9I]-K[0-9I]+-W[A-Za-z]?[0-9]+\b", re.IGNORECASE)
_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")
_SENTENCE = re.compile(r"(?<=[.!?;:])\s+|\n+")
SAME = 0.8  # word-sequence similarity from which two sentences count as the same sentence


@dataclass(frozen=True)
class Change:
    """One werkproces and its counterpart in another version, with the differences of the omschrijvingen."""

    unit: Chunk
    labels: tuple[str, ...]  # the dossiers/profiles where this unit stands with the same wording
    counterpart: Chunk | None
    score: float
    kept: tuple[str, ...] = ()
    new: tuple[str, ...] = ()
    gone: tuple[str, ...] = ()
    extracts: tuple[str, ...] = ()  # labels of the sides that are extracts
    lineage: bool = True  # False: the sources hold no other version of this unit's dossier


def asked_code(question: str) -> str | None:
    """The werkproces code a question names (OCR forms folded: ``BI-K1-WS5`` is ``B1-K1-W5``), or None."""
    for found in _CODE.findall(question):
        for token in tokenize(found):
            if any(ch.isdigit() for ch in token) and token.count("-") == 2:
                return token.upper()
    return None


def asked_year(question: str) -> str | None:
    """The year a question names ("sinds 2015"), or None."""
    match = _YEAR.search(question)
    return match.group(1) if match else None


def sentences(text: str) -> list[str]:
    """The sentences of an omschrijving, typography folded."""
    return [s.strip() for s in _SENTENCE.split(normalise_typography_lines(text)) if len(s.strip()) > 2]


def normalise_typography_lines(text: str) -> str:
    """Typography folded per line (line breaks kept, they end sentences in the sources)."""
    return "\n".join(normalise_typography(line) for line in (text or "").splitlines())


def _similar(a: str, b: str) -> float:
    return SequenceMatcher(None, a.lower().split(), b.lower().split(), autojunk=False).ratio()


def compare_sentences(now: str, before: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """Sentences of ``now`` kept from ``before``, new in ``now``, and those of ``before`` no longer there."""
    a, b = sentences(now), sentences(before)
    kept, new, matched = [], [], set()
    for sentence in a:
        best = max(range(len(b)), key=lambda j: _similar(sentence, b[j]), default=None)
        if best is not None and _similar(sentence, b[best]) >= SAME:
            kept.append(sentence)
            matched.add(best)
        else:
            new.append(sentence)
    gone = [s for j, s in enumerate(b) if j not in matched]
    return tuple(kept), tuple(new), tuple(gone)


def _label(chunk: Chunk) -> str:
    return " ".join(x for x in (chunk.profile_abbr or chunk.profile or chunk.dossier_abbr or chunk.dossier,
                                (chunk.version or "")[:4]) if x)


def _unit(chunks: Sequence[Chunk], ref: dict) -> Chunk | None:
    return next((c for c in chunks if c.kind == WERKPROCES and c.variant is None and c.part == 1
                 and (c.dossier, c.version, c.profile, c.code) == (ref["dossier"], ref["version"], ref["profile"],
                                                                   ref["code"])), None)


def changes(chunks: Sequence[Chunk], code: str, year: str | None = None,
            matcher: Matcher | None = None) -> list[Change]:
    """Every werkproces with ``code`` outside ``year`` and its counterpart in ``year`` (any other version
    without a year). When only ``year`` has the code, its units are compared with their later counterparts.
    Units with the same wording (``also_in``) are reported once, with all their labels.
    """
    units = [c for c in chunks if c.kind == WERKPROCES and c.variant is None and c.part == 1
             and (c.code or "").upper() == code.upper()]
    subjects = [c for c in units if not (year and (c.version or "").startswith(year))]
    forward = not subjects
    subjects = subjects or units
    matcher = matcher or Matcher.build(chunks)
    found: list[Change] = []
    seen: dict[str, int] = {}
    for unit in subjects:
        wording = normalise_typography(unit.passage or unit.text)
        if wording in seen:
            first = found[seen[wording]]
            found[seen[wording]] = replace(first, labels=(*first.labels, _label(unit)))
            continue
        options = [cp for cp in counterparts(chunks, unit, matcher)
                   if forward or not year or (cp["version"] or "").startswith(year)]
        other = _unit(chunks, options[0]) if options else None
        if other is None:
            found.append(Change(unit, (_label(unit),), None, 0.0, lineage=bool(lineage(chunks, unit))))
        else:
            kept, new, gone = compare_sentences(omschrijving(unit), omschrijving(other))
            extracts = tuple(_label(side) for side in (unit, other) if side.extract)
            found.append(Change(unit, (_label(unit),), other, options[0]["score"], kept, new, gone, extracts))
        seen[wording] = len(found) - 1
    return found


TEXT = {
    "nl": {
        "head": "**{code}** sinds {year}: {n} werkproces(sen) met deze code, elk met zijn tegenhanger op inhoud "
                "(niet op code).",
        "head_any": "**{code}**: {n} werkproces(sen) met deze code, elk met zijn tegenhanger in een andere versie "
                    "(op inhoud, niet op code).",
        "pair": "**{this}** ({where}) — tegenhanger in {there}: **{that}** (score {score}).",
        "same_code": " Zelfde code.",
        "other_code": " Andere code: de werkprocessen zijn hernummerd.",
        "none": "**{this}** ({where}) — **geen tegenhanger** in {year} in de bronnen.",
        "no_lineage": "**{this}** ({where}) — de bronnen hebben geen andere versie van dit dossier.",
        "same": "De omschrijving is gelijk gebleven (typografie genegeerd).",
        "new": "Nieuw in de omschrijving:",
        "gone": "Niet meer in de omschrijving:",
        "kept": "{n} zin(nen) gelijk of vrijwel gelijk gebleven.",
        "extract": "{where} is een extract: wat daar ontbreekt (resultaat, gedrag, competenties) is niet "
                   "verwijderd maar niet in het extract.",
        "nothing": "Geen werkproces met code {code} in de bronnen.",
        "any_year": "een andere versie",
    },
    "en": {
        "head": "**{code}** since {year}: {n} werkproces(sen) with this code, each with its counterpart by content "
                "(not by code).",
        "head_any": "**{code}**: {n} werkproces(sen) with this code, each with its counterpart in another version "
                    "(by content, not by code).",
        "pair": "**{this}** ({where}) — counterpart in {there}: **{that}** (score {score}).",
        "same_code": " Same code.",
        "other_code": " Different code: the werkprocessen were renumbered.",
        "none": "**{this}** ({where}) — **no counterpart** in {year} in the sources.",
        "no_lineage": "**{this}** ({where}) — the sources hold no other version of this dossier.",
        "same": "The description stayed the same (typography aside).",
        "new": "New in the description:",
        "gone": "No longer in the description:",
        "kept": "{n} sentence(s) the same or nearly so.",
        "extract": "{where} is an extract: what it lacks (result, behaviour, competences) was not removed, it is "
                   "not in the extract.",
        "nothing": "No werkproces with code {code} in the sources.",
        "any_year": "another version",
    },
}


def render(found: Sequence[Change], code: str, year: str | None, lang: str, escape=lambda s: s) -> str:
    """The changes as Markdown in ``lang`` (``escape`` is applied to every document text)."""
    text = TEXT["en" if lang == "en" else "nl"]
    if not found:
        return text["nothing"].format(code=escape(code))
    head = text["head"] if year else text["head_any"]
    lines = [head.format(code=escape(code), year=escape(year or ""), n=len(found))]
    for change in found:
        unit, other = change.unit, change.counterpart
        this = escape(f"{unit.code} {unit.title or ''}".strip())
        where = escape(", ".join(change.labels))
        if other is None:
            key = "none" if change.lineage else "no_lineage"
            lines.append("- " + text[key].format(this=this, where=where, year=escape(year or text["any_year"])))
            continue
        pair = text["pair"].format(this=this, where=where, there=escape(_label(other)),
                                   that=escape(f"{other.code} {other.title or ''}".strip()),
                                   score=f"{change.score:.2f}")
        pair += text["same_code"] if other.code == unit.code else text["other_code"]
        lines.append("- " + pair)
        if not change.new and not change.gone:
            lines.append("  - " + text["same"])
        else:
            for key, items in (("new", change.new), ("gone", change.gone)):
                if items:
                    lines.append(f"  - {text[key]} " + " ".join(f"“{escape(s)}”" for s in items))
            if change.kept:
                lines.append("  - " + text["kept"].format(n=len(change.kept)))
        for side in change.extracts:
            lines.append("  - " + text["extract"].format(where=escape(side)))
    return "\n".join(lines)
