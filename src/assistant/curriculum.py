"""The curriculum model on the read side: a unit's place in its dossier and its links, with provenance.

Links of a unit (``links`` in ``show`` and in search hits, see interface.md):

* ``competences``: SBB competences the source links to the unit (``from: "sbb_xml"``);
  for a profile, the basisdeel werkproces's per-profile additions too; for a competentieprofiel's
  competence, the SBB competences it matches by meaning (``from: "meaning"``, with ``score``).
* ``part_of``: the kerntaak, the profile, or the basisdeel (which is part of
  every profile of its dossier).
* ``vakkennis``: the vakkennis en vaardigheden of the unit's kerntaak (base and,
  for a profile, its additions), from the same source.
* ``counterparts``: the werkproces in other versions of its lineage, matched by
  content (:mod:`assistant.crosswalk`), with the score.

Plus what a source leaves out: :func:`missing_parts` lists the werkproces codes
absent from an extract (gaps in the numbering of a kerntaak).

Pure functions over chunks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from assistant.crosswalk import Matcher, counterparts
from assistant.model import (
    ARBEIDSMARKT,
    BEROEPSVEREISTEN,
    COMPETENTIE,
    DOORSTROOM,
    KERNTAAK,
    ONTWIKKELINGEN,
    PROFIEL,
    TOELICHTING,
    VAKKENNIS,
    WERKPROCES,
    WET_REGELGEVING,
    Chunk,
)

BASISDEEL = "basisdeel"

# Parts of a dossier that describe its context rather than its tasks. A question gets them first only
# when it asks for one (PART_HINTS); see retrieval.RetrievalConfig.context_penalty and docs/curriculum.md.
CONTEXT_KINDS = frozenset(
    {VAKKENNIS, WET_REGELGEVING, BEROEPSVEREISTEN, ONTWIKKELINGEN, DOORSTROOM, ARBEIDSMARKT, TOELICHTING}
)
# Words that ask for one of those parts (patterns over the lower-cased question), by kind.
PART_HINTS: dict[str, str] = {
    VAKKENNIS: r"\bvakkennis\b|\bkennis\b|\bvaardigheden\b|\bknowledge\b|\bskills?\b|\bweten\b|\bknow\b",
    WET_REGELGEVING: r"\bwet(?:ten|geving)?\b|\bregelgeving\b|\blaws?\b|\blegislation\b|\bregulations?\b"
                     r"|\blegal\b",
    BEROEPSVEREISTEN: r"\bvereisten?\b|\beisen\b|\bvog\b|\bverklaring omtrent\b|\brequirements?\b"
                      r"|\bcertificat\w*|\bgood conduct\b|\bverplicht\b|\brequired\b",
    ONTWIKKELINGEN: r"\bontwikkelingen\b|\btrends?\b|\bdevelopments\b",
    DOORSTROOM: r"\bdoorstro\w*|\bvervolgopleiding\w*|\bhbo\b|\bfurther (?:study|studies|education)\b"
                r"|\bprogression\b",
    ARBEIDSMARKT: r"\barbeidsmarkt\w*|\blabou?r market\b|\bkans op werk\b|\bjob prospects?\b|\bemployment\b",
    TOELICHTING: r"\btoelichting\b|\bengels\b|\benglish\b|\bvreemde tal\w*|\bforeign languages?\b"
                 r"|\bgeneriek\w*|\bgeneric\b|\bvog\b|\bgood conduct\b",
}
_CHANGE = re.compile(r"\bveranderd\w*|\bverander\w*|\bverschil\w*|\bsinds\b|\bvoorganger\w*|\bopvolger\w*"
                     r"|\bheette\b|\bvorige versie\b|\bchang\w*|\bdifferen\w*|\bsince\b|\bpredecessor\b"
                     r"|\bsuccessor\b|\bbecame\b|\bprevious version\b|\bcompared to\b")


def asked_parts(question: str) -> frozenset[str]:
    """The context kinds a question asks for (``PART_HINTS``)."""
    folded = question.lower()
    return frozenset(kind for kind, pattern in PART_HINTS.items() if re.search(pattern, folded))


def asks_change(question: str) -> bool:
    """Whether a question asks what changed between versions (then counterparts are wanted too)."""
    return bool(_CHANGE.search(question.lower()))
_CODE_PARTS = re.compile(r"^([BP]\d+)-K(\d+)(?:-W(\d+))?$")


def is_basis(chunk: Chunk) -> bool:
    """Whether a chunk belongs to a dossier's basisdeel (code ``B1-...``, no profile)."""
    return chunk.profile is None and bool(chunk.code) and chunk.code.upper().startswith("B")


def profiles_of(chunks: Iterable[Chunk], dossier: str | None, version: str | None) -> list[str]:
    """The profiles of one dossier version, in order of appearance."""
    return list(dict.fromkeys(c.profile for c in chunks if c.dossier == dossier and c.version == version
                              and c.profile))


def profile_dossiers(chunks: Iterable[Chunk], profile: str) -> frozenset[tuple[str | None, str | None]]:
    """The (dossier, version) pairs that have a profile with this name or abbreviation."""
    wanted = profile.strip().lower()
    return frozenset((c.dossier, c.version) for c in chunks
                     if c.profile and wanted in {n.lower() for n in (c.profile, c.profile_abbr) if n})


def split_competence(entry: str) -> dict:
    """``"R Op de behoeften ..."`` as ``{"code": "R", "title": ..., "from": "sbb_xml"}``."""
    code, _, title = entry.partition(" ")
    if len(code) <= 2 and code.isupper():
        return {"code": code, "title": title, "from": "sbb_xml"}
    return {"code": None, "title": entry, "from": "sbb_xml"}


def competence_links(chunk: Chunk, chunks: Sequence[Chunk], profile: str | None = None) -> list[dict]:
    """The SBB competences of a unit; with ``profile``, that profile's additions as well (labelled).

    A competentieprofiel's competence links to the SBB competences it matches by meaning
    (``from: "meaning"``, with the cosine ``score``; the best first, see :mod:`assistant.competence_match`).
    """
    if chunk.sbb_matches:
        return [{"code": code, "title": title, "from": "meaning", "score": round(score, 3), "best": i == 0}
                for i, (code, title, score) in enumerate(chunk.sbb_matches)]
    found = [split_competence(entry) for entry in chunk.competences if chunk.variant is None]
    if chunk.variant == "aanvulling":
        base = _base_of(chunk, chunks)
        found = [split_competence(entry) for entry in (base.competences if base else ())]
        profile = profile or chunk.profile
    if profile:
        for other in chunks:
            if other.variant == "aanvulling" and other.profile == profile and _same_unit(other, chunk):
                for entry in other.competences:
                    found.append({**split_competence(entry), "profile": profile})
    unique: dict[tuple, dict] = {}
    for item in found:
        unique.setdefault((item["code"], item["title"]), item)
    return list(unique.values())


def _same_unit(a: Chunk, b: Chunk) -> bool:
    return (a.source, a.kind, a.dossier, a.version, a.code) == (b.source, b.kind, b.dossier, b.version, b.code)


def _base_of(chunk: Chunk, chunks: Sequence[Chunk]) -> Chunk | None:
    return next((c for c in chunks if c.variant is None and c.part == 1 and _same_unit(c, chunk)
                 and c.profile is None), None)


def part_of(chunk: Chunk, chunks: Sequence[Chunk]) -> list[dict]:
    """Where the unit stands: its kerntaak, its profile, or the basisdeel of every profile."""
    found: list[dict] = []
    if chunk.kerntaak_code and chunk.kerntaak_code != chunk.code:
        found.append({"kind": KERNTAAK, "code": chunk.kerntaak_code, "title": chunk.kerntaak_title})
    if chunk.profile and chunk.variant is None:
        code = _profile_code(chunk, chunks)
        found.append({"kind": PROFIEL, "code": code, "title": chunk.profile})
    elif is_basis(chunk) or (chunk.kind == VAKKENNIS and chunk.profile is None and chunk.kerntaak_code):
        found.append({"kind": BASISDEEL, "code": None, "title": "Basisdeel",
                      "profiles": profiles_of(chunks, chunk.dossier, chunk.version)})
    return found


def _profile_code(chunk: Chunk, chunks: Sequence[Chunk]) -> str | None:
    for other in chunks:
        if other.kind == PROFIEL and other.dossier == chunk.dossier and other.version == chunk.version \
                and other.profile == chunk.profile:
            return other.code
    match = _CODE_PARTS.match(chunk.code or "")
    return match.group(1) if match and match.group(1).startswith("P") else None


def vakkennis_links(chunk: Chunk, chunks: Sequence[Chunk], profile: str | None = None) -> list[dict]:
    """The vakkennis en vaardigheden of the unit's kerntaak: base items, and a profile's additions."""
    kerntaak = chunk.kerntaak_code or (chunk.code if chunk.kind == KERNTAAK else None)
    if not kerntaak or chunk.kind not in (WERKPROCES, KERNTAAK):
        return []
    profile = profile or chunk.profile
    found = []
    for other in chunks:
        if other.kind != VAKKENNIS or other.kerntaak_code != kerntaak or other.part != 1:
            continue
        if other.dossier != chunk.dossier or other.version != chunk.version or other.source != chunk.source:
            continue
        if other.variant == "aanvulling" and other.profile != profile:
            continue
        if other.variant is None and other.profile not in (None, chunk.profile):
            continue
        text = other.passage or other.text
        items = [line[2:].strip() for line in text.split("\n") if line.startswith("- ")]
        found.append({"kerntaak": kerntaak, "profile": other.profile if other.variant else None,
                      "items": items, "from": "sbb_xml" if other.source.endswith(".xml") else other.source})
    return found


_MATCHERS: dict[int, tuple[Sequence[Chunk], Matcher]] = {}


def matcher_for(chunks: Sequence[Chunk]) -> Matcher:
    """One crosswalk matcher per chunk collection (an open index keeps its chunks for its lifetime)."""
    cached = _MATCHERS.get(id(chunks))
    if cached is None or cached[0] is not chunks:
        if len(_MATCHERS) > 4:
            _MATCHERS.clear()
        cached = _MATCHERS[id(chunks)] = (chunks, Matcher.build(chunks))
    return cached[1]


def links(chunk: Chunk, chunks: Sequence[Chunk], matcher: Matcher | None = None,
          profile: str | None = None) -> dict:
    """Every link of a unit, each with where it comes from (see the module docstring)."""
    return {
        "competences": competence_links(chunk, chunks, profile),
        "part_of": part_of(chunk, chunks),
        "vakkennis": vakkennis_links(chunk, chunks, profile),
        "counterparts": counterparts(chunks, chunk, matcher) if chunk.variant is None else [],
    }


def units_with_code(chunks: Sequence[Chunk], code: str, dossier: str | None = None, version: str | None = None,
                    profile: str | None = None) -> list[Chunk]:
    """The first part of every unit with ``code`` in the scope (names or abbreviations, case-insensitive)."""
    wanted = code.strip().upper()

    def named(value: str | None, *names: str | None) -> bool:
        return value is None or value.strip().lower() in {n.lower() for n in names if n}

    return [c for c in chunks if (c.code or "").upper() == wanted and c.part == 1 and c.variant is None
            and named(dossier, c.dossier, c.dossier_abbr)
            and (version is None or (c.version or "").startswith(version.strip()))
            and (profile is None or c.profile is None or named(profile, c.profile, c.profile_abbr))]


def competence_units(chunks: Sequence[Chunk], name: str) -> list[Chunk]:
    """The competence of a competentieprofiel called ``name`` (case-insensitive), as its definition unit."""
    wanted = " ".join(name.split()).lower()
    return [c for c in chunks if c.kind == COMPETENTIE and c.part == 1 and (c.competence or "").lower() == wanted]


def missing_parts(chunks: Sequence[Chunk], dossier: str, version: str | None) -> list[str]:
    """Werkproces codes an extract leaves out: gaps before the highest number of each kerntaak.

    Only for sources marked as an extract (``Chunk.extract``); a complete dossier returns ``[]``.
    """
    present: dict[str, set[int]] = {}
    extract = False
    for chunk in chunks:
        if chunk.dossier != dossier or chunk.version != version or chunk.kind != WERKPROCES:
            continue
        extract = extract or chunk.extract
        match = _CODE_PARTS.match(chunk.code or "")
        if match and match.group(3):
            present.setdefault(f"{match.group(1)}-K{match.group(2)}", set()).add(int(match.group(3)))
    if not extract:
        return []
    return [f"{kerntaak}-W{n}" for kerntaak, numbers in sorted(present.items())
            for n in range(1, max(numbers)) if n not in numbers]


def is_extract(chunks: Sequence[Chunk], dossier: str | None, version: str | None) -> bool:
    """Whether the corpus holds this dossier version only as an extract."""
    return any(c.extract for c in chunks if c.dossier == dossier and c.version == version)
