"""Turn parsed units into index chunks.

* One chunk per unit; a per-profile addition of a shared unit (SBB
  ``aanvullend``) becomes a chunk of its own for that profile.
* ``index_text`` = breadcrumb (dossier › version › profile › kerntaak), code and
  title, then the passage; that is what is embedded and lexically indexed.
* A chunk whose ``index_text`` is longer than the embedder's token limit is
  split on sentence boundaries into parts that overlap by one sentence.
* Ids are deterministic: a hash of the file name and the unit's place in it.
* Identical passages (same kind, code and version, same wording after folding
  typography: quotes, dashes, white space) in different dossiers or profiles
  are grouped: each records the others in ``also_in`` and all share one
  ``group`` id. Nearly identical ones (at least 90% the same words in order)
  are not grouped; they name each other in ``similar_in``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from difflib import SequenceMatcher

from assistant.model import PROFIEL, Chunk, Unit
from assistant.names import abbreviation
from assistant.typography import normalise_typography, same_wording

SIMILAR = 0.9
_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+|\n+")


def breadcrumb(unit: Unit, profile: str | None = None) -> str:
    """``Dossier (ABBR) › version › profile › kerntaak`` for a unit."""
    parts = []
    if unit.dossier:
        parts.append(f"{unit.dossier} ({unit.dossier_abbr})" if unit.dossier_abbr else unit.dossier)
    if unit.version:
        parts.append(unit.version)
    profile = profile or unit.profile
    parts.append(f"profiel {profile}" if profile else ("basisdeel" if unit.code else ""))

    if unit.kerntaak_code:
        parts.append(f"{unit.kerntaak_code} {unit.kerntaak_title or ''}".strip())
    return " › ".join(p for p in parts if p)


def heading(unit: Unit) -> str:
    """The unit's own heading: code and title, or competence and level."""
    if unit.code and unit.title:
        return f"{unit.code} {unit.title}"
    return unit.title or unit.code or unit.kind


LABELS = {"sbb_competenties": "SBB-competenties", "gedragsindicatoren": "Gedragsindicatoren"}


def _render(sections: Iterable[tuple[str, str]]) -> str:
    """Sections as text, each named one under its label."""
    lines = []
    for name, text in sections:
        if not text:
            continue
        label = LABELS.get(name, name.capitalize())
        lines.append(text if name == "tekst" else f"{label}:\n{text}")
    return "\n".join(lines).strip()


def _sections(unit: Unit) -> list[tuple[str, str]]:
    """A unit's sections, with its SBB competences as a last section when it has them."""
    sections = list(unit.sections)
    competences = unit.get_extra("sbb_competenties")
    if competences:
        sections.append(("sbb_competenties", competences))
    return sections


def split_competences(text: str | None) -> tuple[str, ...]:
    """``"E Samenwerken en overleggen; R Op de ..."`` as a tuple of its entries."""
    return tuple(item.strip() for item in (text or "").split(";") if item.strip())


def _chunk_id(source: str, key: str, part: int) -> str:
    return hashlib.sha1(f"{source}|{key}|{part}".encode()).hexdigest()[:20]


def _unit_key(unit: Unit, variant: str | None) -> str:
    return "|".join(
        str(x)
        for x in (unit.kind, unit.dossier, unit.version, unit.profile, unit.code, unit.title,
                  unit.competence, unit.level, variant)
    )


def _sentences(text: str) -> list[str]:
    """Sentences of ``text``, each with the white space that followed it."""
    pieces = _SENTENCE_END.split(text)
    seps = _SENTENCE_END.findall(text)
    return [p + (seps[i] if i < len(seps) else "") for i, p in enumerate(pieces) if p.strip()]


def split_text(text: str, fits: Callable[[str], bool]) -> list[str]:
    """Split ``text`` into sentence windows that each ``fits``, overlapping by one sentence.

    Line breaks are kept. A single sentence that does not fit on its own is split on words.
    """
    if fits(text):
        return [text]
    pieces: list[str] = []
    for sentence in _sentences(text):
        if fits(sentence):
            pieces.append(sentence)
            continue
        current: list[str] = []
        for word in sentence.split():
            if current and not fits(" ".join([*current, word])):
                pieces.append(" ".join(current) + " ")
                current = []
            current.append(word)
        if current:
            pieces.append(" ".join(current) + "\n")
    windows: list[str] = []
    current = []
    for piece in pieces:
        if current and not fits("".join([*current, piece])):
            windows.append("".join(current).strip())
            overlap = current[-1:]
            current = [*overlap, piece] if fits("".join([*overlap, piece])) else [piece]
        else:
            current.append(piece)
    if current:
        windows.append("".join(current).strip())
    return windows


def unit_chunks(
    unit: Unit,
    count_tokens: Callable[[str], int],
    max_tokens: int,
    ordinal: int = 0,
) -> list[Chunk]:
    """The chunks of one unit (its additions included), split to fit ``max_tokens``."""
    variants: list[tuple[str | None, str | None, str, tuple[str, ...]]] = [
        (None, None, _render(_sections(unit)), split_competences(unit.get_extra("sbb_competenties")))
    ]
    for profile, sections in unit.additions:
        variants.append((profile, "aanvulling", f"Aanvullend voor profiel {profile}:\n{_render(sections)}",
                         split_competences(dict(sections).get("sbb_competenties"))))
    extract = unit.get_extra("scope") == "extract"
    chunks = []
    for profile, variant, text, competences in variants:
        if not text and unit.kind == PROFIEL and variant is None and unit.title:
            text = unit.title  # a profile heading with its werkprocessen right under it (the extract's S&B P5)
        if not text:
            continue
        head = f"{breadcrumb(unit, profile)}\n{heading(unit)}"
        raw_code = unit.get_extra("raw_code")
        tail = f"\n({raw_code})" if raw_code else ""
        budget = max(16, max_tokens - count_tokens(head + tail) - 2)
        parts = split_text(text, lambda t, limit=budget: count_tokens(t) <= limit)
        key = _unit_key(unit, variant) + f"|{ordinal}" + (f"|{profile}" if profile else "")
        for number, part_text in enumerate(parts, start=1):
            chunks.append(
                Chunk(
                    id=_chunk_id(unit.source, key, number),
                    kind=unit.kind,
                    text=part_text,
                    index_text=f"{head}\n{part_text}{tail}",
                    source=unit.source,
                    location=unit.location,
                    dossier=unit.dossier,
                    dossier_abbr=unit.dossier_abbr,
                    profile=profile or unit.profile,
                    profile_abbr=abbreviation(profile) if profile else unit.profile_abbr,
                    version=unit.version,
                    crebo=unit.crebo,
                    niveau=unit.get_extra("niveau") if unit.kind == PROFIEL else None,
                    code=unit.code,
                    title=unit.title,
                    competence=unit.competence,
                    level=unit.level,
                    kerntaak_code=unit.kerntaak_code,
                    kerntaak_title=unit.kerntaak_title,
                    raw_code=raw_code,
                    variant=variant,
                    part=number,
                    parts=len(parts),
                    passage=text,
                    competences=competences,
                    extract=extract,
                )
            )
    return chunks


def file_chunks(units: Sequence[Unit], count_tokens: Callable[[str], int], max_tokens: int) -> list[Chunk]:
    """All chunks of one file's units, ids made unique by order of appearance."""
    seen: dict[str, int] = {}
    chunks: list[Chunk] = []
    for unit in units:
        key = _unit_key(unit, None)
        ordinal = seen.get(key, 0)
        seen[key] = ordinal + 1
        chunks.extend(unit_chunks(unit, count_tokens, max_tokens, ordinal))
    return chunks


def _fold(text: str) -> list[str]:
    return re.findall(r"\w+", normalise_typography(text).lower())


def _near(a: str, b: str) -> bool:
    """At least 90% the same words in order (case and punctuation aside)."""
    wa, wb = _fold(a), _fold(b)
    return wa == wb or SequenceMatcher(None, wa, wb, autojunk=False).ratio() >= SIMILAR


def mark_duplicates(chunks: Sequence[Chunk]) -> list[Chunk]:
    """Record identical passages across dossiers/profiles in ``also_in`` and ``group``.

    Units (all parts of one passage together) of the same kind, code, version
    and variant are compared, and only across different dossiers or profiles.
    Identical means the same wording after folding typography (quotes, dashes,
    white space; see ``assistant.typography``): every part of such a unit gets
    the group id and ``also_in``. Passages that differ only a little (at least
    90% the same words) are not grouped; each names the others in ``similar_in``.
    """
    units: dict[str, list[int]] = {}
    for i, chunk in enumerate(chunks):
        units.setdefault(chunk.unit_key, []).append(i)
    buckets: dict[tuple, list[str]] = {}
    for key, members in units.items():
        first = chunks[members[0]]
        if first.code or first.kind == "beroepsbeschrijving":
            buckets.setdefault((first.kind, first.code, first.version, first.variant), []).append(key)
    result = [replace(c, also_in=(), group=None, similar_in=()) for c in chunks]

    def passage(key: str) -> str:
        lead = chunks[units[key][0]]
        text = lead.passage or lead.text
        return text.split("\n", 1)[-1] if lead.variant == "aanvulling" else text  # without "Aanvullend voor ..."

    def label(key: str) -> str:
        return chunks[units[key][0]].label()

    for keys in buckets.values():
        groups: list[list[str]] = []
        for key in keys:
            for group in groups:
                if label(group[0]) != label(key) and same_wording(passage(group[0]), passage(key)):
                    group.append(key)
                    break
            else:
                groups.append([key])
        for group in groups:
            labels = {key: label(key) for key in group}
            if len(group) > 1:
                group_id = min(chunks[units[key][0]].id for key in group)
                for key in group:
                    others = tuple(sorted({lab for lab in labels.values() if lab != labels[key]}))
                    for i in units[key]:
                        result[i] = replace(result[i], also_in=others, group=group_id)
            near = sorted({label(other[0]) for other in groups if other is not group
                           and label(other[0]) not in labels.values() and _near(passage(group[0]), passage(other[0]))})
            if near:
                for key in group:
                    for i in units[key]:
                        result[i] = replace(result[i], similar_in=tuple(near))
    return result
