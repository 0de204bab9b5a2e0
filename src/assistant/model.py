"""The shared model: parsed units, source lines and index chunks.

Parsers in ``ingest/`` turn a file into :class:`Unit` objects. The chunker turns
units into :class:`Chunk` objects, which the store and the lexical index keep.
Everything here is a frozen dataclass with no I/O.
"""

from __future__ import annotations

from dataclasses import MISSING, dataclass, field

SCHEMA_VERSION = 2

# Unit kinds. The first six are the ones named in the public interface.
WERKPROCES = "werkproces"
KERNTAAK = "kerntaak"
PROFIEL = "profiel"
BEROEPSBESCHRIJVING = "beroepsbeschrijving"
COMPETENTIE = "competentie"
COMPETENTIENIVEAU = "competentieniveau"
INLEIDING = "inleiding"
LEGENDA = "legenda"
UITLEG_NIVEAUS = "uitleg_niveaus"
SPECIALISATIES = "specialisaties"
DOSSIER = "dossier"
TOELICHTING = "toelichting"
# Parts of a dossier beyond its tasks (schema 2): see docs/curriculum.md.
VAKKENNIS = "vakkennis"
WET_REGELGEVING = "wet_regelgeving"
BEROEPSVEREISTEN = "beroepsvereisten"
ONTWIKKELINGEN = "ontwikkelingen"
DOORSTROOM = "doorstroom"
ARBEIDSMARKT = "arbeidsmarkt"
ADOPTION_TITLE = "Vaststelling"  # a TOELICHTING unit: when, where and by whom a dossier was adopted (SBB voorblad)

KINDS = (
    WERKPROCES,
    KERNTAAK,
    PROFIEL,
    BEROEPSBESCHRIJVING,
    COMPETENTIE,
    COMPETENTIENIVEAU,
    INLEIDING,
    LEGENDA,
    UITLEG_NIVEAUS,
    SPECIALISATIES,
    DOSSIER,
    TOELICHTING,
    VAKKENNIS,
    WET_REGELGEVING,
    BEROEPSVEREISTEN,
    ONTWIKKELINGEN,
    DOORSTROOM,
    ARBEIDSMARKT,
)


@dataclass(frozen=True)
class Location:
    """Where a unit stands in its source file: 1-based inclusive lines or pages."""

    unit: str  # "lines" or "pages"
    start: int
    end: int

    def as_dict(self) -> dict[str, list[int]]:
        """The interface form: ``{"lines": [a, b]}`` or ``{"pages": [p, q]}``."""
        return {self.unit: [self.start, self.end]}

    def label(self) -> str:
        """A short human label, e.g. ``r. 12-20`` or ``p. 3``."""
        prefix = "r." if self.unit == "lines" else "p."
        if self.start == self.end:
            return f"{prefix} {self.start}"
        return f"{prefix} {self.start}-{self.end}"


@dataclass(frozen=True)
class Line:
    """One line of a text-like source, after page furniture is removed.

    ``number`` is the 1-based line number in a text file, or the running line
    number inside a PDF; ``page`` is the 1-based page for PDFs, else None.
    """

    text: str
    number: int
    page: int | None = None


@dataclass(frozen=True)
class Unit:
    """One structured piece of a dossier or competency profile.

    ``sections`` holds the named parts of the unit in reading order, e.g.
    ``(("omschrijving", "..."), ("resultaat", "..."), ("gedrag", "- a\\n- b"))``.
    A unit with a single body has one section named ``"tekst"``.
    ``extra`` holds further scalar facts as (name, value) pairs, e.g.
    ``(("raw_code", "BI-K2-W2"), ("niveau", "4"), ("sbb_competenties", "E Samenwerken en overleggen; ..."))``.
    ``additions`` holds per-profile additions of a shared (basisdeel) unit, as
    ``((profile_name, sections), ...)``, e.g. SBB's ``aanvullend`` blocks.
    """

    kind: str
    source: str
    location: Location
    title: str | None = None
    code: str | None = None
    dossier: str | None = None
    dossier_abbr: str | None = None
    profile: str | None = None
    profile_abbr: str | None = None
    version: str | None = None
    crebo: str | None = None
    kerntaak_code: str | None = None
    kerntaak_title: str | None = None
    competence: str | None = None
    level: int | None = None
    sections: tuple[tuple[str, str], ...] = ()
    extra: tuple[tuple[str, str], ...] = ()
    additions: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = ()

    @property
    def body(self) -> str:
        """All section texts joined, with a label before each named section."""
        parts = []
        for name, text in self.sections:
            if name == "tekst":
                parts.append(text)
            else:
                parts.append(f"{name.capitalize()}: {text}")
        return "\n".join(parts)

    def get_extra(self, name: str) -> str | None:
        """The value of one ``extra`` fact, or None."""
        for key, value in self.extra:
            if key == name:
                return value
        return None


@dataclass(frozen=True)
class ParseResult:
    """What one parser made of one file."""

    units: tuple[Unit, ...]
    warnings: tuple[str, ...] = field(default_factory=tuple)


class ParseError(Exception):
    """A file could not be parsed; the message is one clear line for the user."""


@dataclass(frozen=True)
class Chunk:
    """One indexed, citable passage.

    ``text`` is the cleaned passage of this chunk. ``passage`` is the whole
    unit's text, shown and cited (it equals ``text`` unless the unit was split
    into ``parts``). ``index_text`` is what is embedded and lexically indexed:
    the breadcrumb (dossier › version › profile › kerntaak), the code and
    title, then ``text``. ``sentence_stems`` (written by ingest, see
    ``lexical.sentence_stem_lines``) picks the sentence to highlight fast.
    ``competences`` are the SBB competences linked to the unit in the source
    (``"R Op de behoeften en verwachtingen van de klant richten"``; for an
    ``aanvulling`` chunk: the profile's additional ones). ``also_in`` names
    where the passage stands with identical wording (typography aside),
    ``similar_in`` where it stands nearly so. ``extract`` is True when the
    source holds only part of its dossier (see ``kd_text.extract_scope``).
    ``sbb_matches`` (competentieprofiel chunks only) are the SBB competences
    its competence matches by meaning: ``(code, title, cosine)``, best first
    (see ``assistant.competence_match``). ``niveau`` (profiel chunks only) is the
    qualification's mbo level as the source states it ("3").
    """

    id: str
    kind: str
    text: str
    index_text: str
    source: str
    location: Location
    dossier: str | None = None
    dossier_abbr: str | None = None
    profile: str | None = None
    profile_abbr: str | None = None
    version: str | None = None
    crebo: str | None = None
    code: str | None = None
    title: str | None = None
    competence: str | None = None
    level: int | None = None
    kerntaak_code: str | None = None
    kerntaak_title: str | None = None
    raw_code: str | None = None
    variant: str | None = None
    part: int = 1
    parts: int = 1
    also_in: tuple[str, ...] = ()
    group: str | None = None
    passage: str | None = None
    sentence_stems: tuple[str, ...] | None = None
    competences: tuple[str, ...] = ()
    similar_in: tuple[str, ...] = ()
    extract: bool = False
    sbb_matches: tuple[tuple[str, str, float], ...] = ()
    niveau: str | None = None

    def to_record(self) -> dict:
        """A JSON-ready dict of every field (location as the interface form)."""
        record = {name: getattr(self, name) for name in self.__dataclass_fields__}
        record["location"] = self.location.as_dict()
        record["also_in"] = list(self.also_in)
        record["competences"] = list(self.competences)
        record["similar_in"] = list(self.similar_in)
        record["sbb_matches"] = [list(m) for m in self.sbb_matches]
        if self.sentence_stems is not None:
            record["sentence_stems"] = list(self.sentence_stems)
        if record["passage"] == record["text"]:
            record["passage"] = None  # stored once; from_record restores it
        return record

    @classmethod
    def from_record(cls, record: dict) -> Chunk:
        """The inverse of :meth:`to_record` (a fast path: indexes hold many chunks)."""
        (unit, (start, end)), = record["location"].items()
        fields = {**_CHUNK_DEFAULTS, **{k: v for k, v in record.items() if k in _CHUNK_DEFAULTS}}
        fields["location"] = Location(unit, int(start), int(end))
        fields["also_in"] = tuple(fields["also_in"] or ())
        fields["competences"] = tuple(fields["competences"] or ())
        fields["similar_in"] = tuple(fields["similar_in"] or ())
        fields["sbb_matches"] = tuple((str(c), str(t), float(x)) for c, t, x in fields["sbb_matches"] or ())
        if fields["sentence_stems"] is not None:
            fields["sentence_stems"] = tuple(fields["sentence_stems"])
        if fields["passage"] is None:
            fields["passage"] = fields["text"]
        chunk = object.__new__(cls)
        chunk.__dict__.update(fields)
        return chunk

    @property
    def unit_key(self) -> str:
        """The same for every part of one split unit."""
        return "|".join(
            str(x) for x in (self.source, self.kind, self.dossier, self.profile, self.code, self.title,
                             self.competence, self.level, self.variant, self.location.start)
        )

    def label(self) -> str:
        """The dossier or profile name to show for this chunk (abbreviation if known)."""
        if self.profile:
            return self.profile_abbr or self.profile
        return self.dossier_abbr or self.dossier or self.source


def phrase_text(chunk: Chunk) -> str:
    """Title and text, lower-cased, with every run of spaces and line breaks as one space.

    What verbatim word pairs of a question are looked up in (see ``retrieval.phrase_matches``).
    """
    return " ".join(f"{chunk.title or ''} {chunk.text}".lower().split())


_CHUNK_DEFAULTS: dict = {
    name: (f.default if f.default is not MISSING else None) for name, f in Chunk.__dataclass_fields__.items()
}
