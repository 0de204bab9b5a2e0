"""Links from a competentieprofiel's competences to the SBB competences (A–Y), matched by meaning.

A competentieprofiel (``Klantgerichtheid``, ``Coachen``) and the 2015 dossiers (``R Op de behoeften en
verwachtingen van de klant richten``) name competences differently. Ingest embeds each profile competence
(name and definition) and each SBB competence (title and the description in ``data/sbb_competences.toml``)
with the index's embedder, and stores the best matches on the profile's chunks (``Chunk.sbb_matches``).
:mod:`assistant.curriculum` shows them as links ``from: "meaning"`` with their score.

The rule, fixed before it was measured: the best SBB competence is the match; others within ``MARGIN``
of it are shown beside it ("ook"). Pure functions; the embedding happens in ``ingest.build``.
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from assistant.model import COMPETENTIE, COMPETENTIENIVEAU, Chunk

SBB_FILE = Path(__file__).with_name("data") / "sbb_competences.toml"
MARGIN = 0.05  # others within this cosine of the best are shown too
MAX_MATCHES = 3
CODES = tuple("ABCDEFGHIJKLMNOPQRSTUVWXY")


class SbbFileError(ValueError):
    """The SBB competence file is not valid (the message names the file)."""


@dataclass(frozen=True)
class SbbCompetence:
    """One SBB competence: letter, title and a short description (may be empty)."""

    code: str
    title: str
    description: str = ""

    def text(self, with_description: bool = True) -> str:
        """What is embedded for it."""
        return f"{self.title}. {self.description}" if with_description and self.description else self.title


def parse_sbb(text: str, path: Path = SBB_FILE) -> dict[str, SbbCompetence]:
    """The SBB competences in a TOML text.

    Raises:
        SbbFileError: bad TOML, no ``[competences]`` table, a code outside A–Y, or an entry without title.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SbbFileError(f"{path}: {exc}") from None
    table = data.get("competences")
    if not isinstance(table, dict) or not table:
        raise SbbFileError(f"{path}: no [competences] table")
    found = {}
    for code, entry in table.items():
        if code not in CODES:
            raise SbbFileError(f"{path}: {code!r} is not an SBB competence letter A-Y")
        if not isinstance(entry, dict) or not str(entry.get("title", "")).strip():
            raise SbbFileError(f"{path}: competence {code} needs a title")
        found[code] = SbbCompetence(code, entry["title"].strip(), str(entry.get("description", "")).strip())
    return found


def load_sbb(path: Path = SBB_FILE) -> dict[str, SbbCompetence]:
    """The bundled SBB competences (or those of ``path``)."""
    return parse_sbb(path.read_text(encoding="utf-8"), path)


def corpus_sbb(chunks: Sequence[Chunk], known: dict[str, SbbCompetence]) -> dict[str, SbbCompetence]:
    """The SBB competences to match against: none when no werkproces of the corpus names one, else all of
    ``known`` (the data file) and any other the corpus names, with the title the corpus uses.

    The description comes from ``known``; a competence the file lacks keeps its title only.
    """
    found: dict[str, SbbCompetence] = {}
    for chunk in chunks:
        for entry in chunk.competences:
            code, _, title = entry.partition(" ")
            if code in CODES and title and code not in found:
                description = known[code].description if code in known else ""
                found[code] = SbbCompetence(code, title.strip(), description)
    if found:
        found = {**known, **found}
    return dict(sorted(found.items()))


def profile_competences(chunks: Sequence[Chunk]) -> dict[str, str]:
    """Every competentieprofiel competence → the text embedded for it (name and definition)."""
    found: dict[str, str] = {}
    for chunk in chunks:
        if chunk.kind == COMPETENTIE and chunk.competence and chunk.part == 1 and chunk.competence not in found:
            definition = " ".join(line for line in (chunk.passage or chunk.text).splitlines()
                                  if line.strip() and not line.rstrip().endswith(":"))
            found[chunk.competence] = f"{chunk.competence}. {definition}".strip()
    return found


def best_matches(
    similarity: np.ndarray, codes: Sequence[str], margin: float = MARGIN, limit: int = MAX_MATCHES
) -> list[tuple[str, float]]:
    """The best code and those within ``margin`` of it (at most ``limit``), best first, with their scores."""
    order = np.argsort(-similarity)
    if not len(order):
        return []
    top = float(similarity[order[0]])
    return [(codes[i], round(float(similarity[i]), 4)) for i in order[:limit]
            if float(similarity[i]) >= top - margin]


def match(
    profile_vectors: np.ndarray, sbb_vectors: np.ndarray, codes: Sequence[str], margin: float = MARGIN
) -> list[list[tuple[str, float]]]:
    """For each profile competence (a row of unit vectors), its matches among the SBB competences."""
    if not len(codes) or not len(profile_vectors):
        return [[] for _ in range(len(profile_vectors))]
    scores = np.asarray(profile_vectors) @ np.asarray(sbb_vectors).T
    return [best_matches(row, codes, margin) for row in scores]


def attach(chunks: Sequence[Chunk], matches: dict[str, list[tuple[str, float]]],
           sbb: dict[str, SbbCompetence]) -> list[Chunk]:
    """``chunks`` with ``sbb_matches`` set on every competence chunk (empty when unmatched; others unchanged)."""
    out = []
    for chunk in chunks:
        found = matches.get(chunk.competence or "", ())
        links = tuple((code, sbb[code].title, score) for code, score in found)
        if chunk.kind in (COMPETENTIE, COMPETENTIENIVEAU) and chunk.sbb_matches != links:
            chunk = replace(chunk, sbb_matches=links)
        out.append(chunk)
    return out


def link_competences(chunks: Sequence[Chunk], embed, with_descriptions: bool = True,
                     known: dict[str, SbbCompetence] | None = None) -> list[Chunk]:
    """Match every profile competence of ``chunks`` to the corpus's SBB competences and attach the links.

    Args:
        chunks: all chunks of a build.
        embed: a function from a list of texts to an (n, d) array of unit vectors.
        with_descriptions: embed the SBB descriptions too (off: titles only; for the ablation).
        known: the SBB competences with descriptions (default: the bundled data file).
    """
    profile = profile_competences(chunks)
    sbb = corpus_sbb(chunks, load_sbb() if known is None else known)
    if not profile or not sbb:
        return attach(chunks, {}, sbb)
    names, codes = list(profile), list(sbb)
    vectors = embed([profile[n] for n in names] + [sbb[c].text(with_descriptions) for c in codes])
    found = match(vectors[: len(names)], vectors[len(names):], codes)
    return attach(chunks, dict(zip(names, found, strict=True)), sbb)
