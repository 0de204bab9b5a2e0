"""The seams between the chat's answers and the curriculum: competence links, version pairs, themes.

Each function here is the one place where the chat reads a relation between units. Today they read
what the index already holds; the curriculum model (links unit → SBB competence, a crosswalk between
versions) and the theme package can replace them one by one without touching the answers:

* :func:`sbb_competences` — the SBB competences of a werkproces, from its ``SBB-competenties:`` line;
* :func:`competence_codes` — which SBB competences a competency-profile competence stands for: by the
  words its name and definition share with the SBB titles (a hand list of the others was measured and
  gained nothing on the judged chat set, so there is none; see docs/chat.md);
* :func:`pair_by_code` — the units of two profiles of one version paired by code;
* :func:`pair_by_content` — the werkprocessen of two versions paired by content (the crosswalk's matcher);
* :func:`theme_units` — the units where a theme occurs (the theme scan).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from assistant.lexical import STOPWORDS, tokenize
from assistant.model import COMPETENTIE, WERKPROCES, Chunk

_SBB_LINE = re.compile(r"SBB-competenties:\s*\n?(.+)", re.IGNORECASE)
_SBB_ITEM = re.compile(r"^\s*([A-Y])\s+(.+?)\s*$")


@dataclass(frozen=True)
class SbbCompetence:
    """One SBB competence: its letter and title ("R", "Op de behoeften en verwachtingen van de klant richten")."""

    code: str
    title: str


def sbb_competences(passage: str) -> tuple[SbbCompetence, ...]:
    """The SBB competences a werkproces names in its ``SBB-competenties:`` line (none when it has none)."""
    match = _SBB_LINE.search(passage or "")
    if match is None:
        return ()
    found = []
    for part in match.group(1).split(";"):
        item = _SBB_ITEM.match(part.replace('"', ""))
        if item:
            found.append(SbbCompetence(item.group(1), item.group(2)))
    return tuple(found)


def known_sbb_competences(passages: Iterable[str]) -> dict[str, str]:
    """Every SBB competence the corpus names, letter → title."""
    known: dict[str, str] = {}
    for text in passages:
        for competence in sbb_competences(text):
            known.setdefault(competence.code, competence.title)
    return dict(sorted(known.items()))


def _content_stems(text: str) -> set[str]:
    return {t for t in tokenize(text) if t not in STOPWORDS and len(t) >= 4 and not t.isdigit()}


def _common_prefix(x: str, y: str) -> int:
    n = 0
    for p, q in zip(x, y, strict=False):
        if p != q:
            break
        n += 1
    return n


def _shares_stem(a: set[str], b: set[str]) -> bool:
    """A stem in common, or two that share a start of 6+ letters and 4/5 of the shorter one
    ("ondernem" / "ondernemerschap", "formuleert" / "formuler")."""
    if a & b:
        return True
    return any(_common_prefix(x, y) >= max(6, 0.8 * min(len(x), len(y))) for x in a for y in b)


def competence_codes(competence: str, definition: str, known: dict[str, str]) -> tuple[str, ...]:
    """The SBB competences a competency-profile competence stands for.

    By name first: an SBB title that shares a word with the competence's name ("Plannen en organiseren",
    "Kwaliteitsgericht" → "Kwaliteit leveren"); else one that shares a word with its definition
    ("Formuleert ideeën …" → "Formuleren en rapporteren").
    """
    name = _content_stems(competence.replace("gerichtheid", " gericht").replace("gericht", " gericht"))
    name -= {"gericht", "vermogen", "vaardigheid"}
    by_name = [code for code, title in known.items() if _shares_stem(name, _content_stems(title))]
    codes = by_name or [code for code, title in known.items()
                        if _shares_stem(_content_stems(definition), _content_stems(title))]
    return tuple(dict.fromkeys(c for c in codes if c in known))


def competence_links(chunks: Sequence[Chunk]) -> dict[str, tuple[str, ...]]:
    """Every competence of the competency profiles → its SBB competence letters.

    The best link ingest matched by meaning (``Chunk.sbb_matches``, see :mod:`assistant.competence_match`;
    the close runners-up are shown as links, not followed) when the index has them; else shared words of
    the names or definitions (:func:`competence_codes`).
    """
    known = known_sbb_competences(c.passage or c.text for c in chunks if c.kind == WERKPROCES)
    definitions: dict[str, str] = {}
    matched: dict[str, tuple[str, ...]] = {}
    for c in chunks:
        if c.kind == COMPETENTIE and c.competence:
            definitions.setdefault(c.competence, c.passage or c.text)
            if c.sbb_matches:
                matched.setdefault(c.competence, tuple(code for code, _, _ in c.sbb_matches[:1] if code in known))
    return {name: matched.get(name) or competence_codes(name, text, known) for name, text in definitions.items()}


# --------------------------------------------------------------------------- versions and profiles


@dataclass(frozen=True)
class Pair:
    """Two units that stand for each other, or one with no counterpart (the other is None)."""

    left: Chunk | None
    right: Chunk | None


def pair_by_code(left: Sequence[Chunk], right: Sequence[Chunk]) -> tuple[Pair, ...]:
    """Units of two scopes paired by code (the crosswalk of the curriculum model replaces this).

    Units whose codes differ but whose titles are the same are paired too. Order: the left's order, then
    the right's units without a counterpart.
    """
    by_code = {c.code: c for c in right if c.code}
    by_title = {(c.title or "").strip().lower(): c for c in right if c.title}
    used: set[int] = set()
    pairs = []
    for unit in left:
        match = by_code.get(unit.code) if unit.code else None
        if match is None or id(match) in used:
            match = by_title.get((unit.title or "").strip().lower())
        if match is not None and id(match) in used:
            match = None
        if match is not None:
            used.add(id(match))
        pairs.append(Pair(unit, match))
    pairs.extend(Pair(None, c) for c in right if id(c) not in used)
    return tuple(pairs)


def pair_by_content(left: Sequence[Chunk], right: Sequence[Chunk], chunks: Sequence[Chunk]) -> tuple[Pair, ...]:
    """Werkprocessen of two versions paired by content, as the crosswalk pairs them (not by code).

    Each left unit gets the right unit with the best crosswalk score, when that score reaches the crosswalk's
    threshold and the right unit is not plainly the counterpart of another left unit (its dominance rule).
    Order: the left's order, then the right's units without a counterpart.
    """
    from assistant.crosswalk import DOMINANCE, THRESHOLD
    from assistant.curriculum import matcher_for

    matcher = matcher_for(chunks)
    scores = [[matcher.score(a, b) for b in right] for a in left]
    claimed = [max((row[j] for row in scores), default=0.0) for j in range(len(right))]
    used: set[int] = set()
    pairs = []
    for unit, row in zip(left, scores, strict=True):
        best = max(range(len(right)), key=lambda j: row[j], default=None)
        if best is None or row[best] < THRESHOLD or row[best] < DOMINANCE * claimed[best] or best in used:
            pairs.append(Pair(unit, None))
            continue
        used.add(best)
        pairs.append(Pair(unit, right[best]))
    pairs.extend(Pair(None, c) for j, c in enumerate(right) if j not in used)
    return tuple(pairs)


# --------------------------------------------------------------------------- themes


@dataclass(frozen=True)
class ThemeUnit:
    """A unit where a theme occurs, with the sentences that carry it and the units with the same passage."""

    chunk: Chunk
    sentences: tuple[str, ...]
    strength: str
    score: float
    also: tuple[Chunk, ...]
    terms: tuple[str, ...] = ()


_THEMES: dict[tuple, tuple[ThemeUnit, ...]] = {}


def theme_units(index, theme: str) -> tuple[ThemeUnit, ...]:
    """Every unit the theme scan lists for ``theme`` (no filters: the caller narrows to its scope).

    The last few themes are kept per index build (a scan reads every unit).

    Raises:
        ValueError: the theme is empty or too long (``themescan.BadTheme``).
    """
    key = (str(getattr(index, "build_dir", id(index))), len(index.chunks), theme)
    if key not in _THEMES:
        if len(_THEMES) >= 32:
            _THEMES.pop(next(iter(_THEMES)))
        _THEMES[key] = _scan(index, theme)
    return _THEMES[key]


def _scan(index, theme: str) -> tuple[ThemeUnit, ...]:
    from assistant import themescan

    # The chat lists units that hold the theme itself: a noun's separable verb (*overdracht*: *draagt … over*) also
    # takes in other senses of that verb (*draagt expertise over aan naastbetrokkenen*); the scan, read anchor by
    # anchor, keeps it (ScanSettings.nouns_separable). On the chat's judged sets it changed no answer either way.
    result = themescan.scan(index, theme, settings=themescan.ScanSettings(nouns_separable=False))
    found = []
    for a in result.anchors:
        matches = [*a.result.sentences, *([a.result.title] if a.result.title else [])]
        terms = tuple(dict.fromkeys(t.split("~")[0].replace("|", "").strip() for m in matches for t in m.terms))
        found.append(ThemeUnit(a.chunk, tuple(s.text for s in a.result.sentences), a.strength, a.score,
                               tuple(u.chunk for u in a.also), terms))
    return tuple(found)
