"""Follow-up questions: reuse the previous question's topic with a new scope, level, version or kind.

The rules, small on purpose:

1. A message *mentions* constraints: a dossier or profile the index knows (name or
   abbreviation, "PMK", "Onderwijsassistent"), a level ("niveau 3", "level 2"), a
   version (a year the index has, "2015", or a full "2015-08-01") or a kind
   ("werkprocessen", "core tasks").
2. It is a **follow-up** when there is a previous question, it mentions at least one
   constraint, it is short (at most :data:`MAX_FOLLOWUP_WORDS` words) and either
   starts with an opener (:data:`OPENERS`: en, and, alleen, only, wat met, what about, ...)
   or holds nothing but constraints and filler words ("PMK?", "niveau 3", "2015 versie").
3. A follow-up is merged with the previous question: a new scope replaces the
   scope word in the previous question (or is added), a new level replaces the
   level (or is added), a new year replaces the year; other words of the follow-up
   (not filler) are added at the end.
4. Constraints become filter values: year → ``version``, kind → ``kind``, level →
   ``level`` when the previous question named a level too (it was about competence
   levels; otherwise the level only steers the ranking, as KD units have no level),
   and the scope → ``dossier``: the dossier of that name or abbreviation in
   the chosen version, else the dossier holding a profile of that name (the profile
   word stays in the question and steers the ranking). A version change re-resolves
   the remembered scope ("OA" is a 2021 dossier but a profile of Pedagogisch Werk 2015).
5. Constraints from the conversation win over the dropdown filters for the fields they
   set; a new (non-follow-up) question starts with the dropdown filters only.

Nothing here knows particular questions: the names come from the index.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property
from itertools import pairwise

from assistant.language import language
from assistant.lexical import STOPWORDS, split_compound
from assistant.model import Chunk
from assistant.names import alternation
from assistant.query import ONE_LEVEL_WORD
from assistant.retrieval import BadQuery, Filters, valid_text
from assistant.themes.words import is_adjective

MAX_FOLLOWUP_WORDS = 8
NARROWING_EXTRA = 4  # a follow-up that narrows ("alleen …", "only …") may be this many words longer

OPENERS = (
    "en ", "and ", "alleen", "only", "wat met", "what about", "hoe zit het met", "how about",
    "ook ", "also ", "maar ", "but ", "nu ", "now ", "dan ", "then ",
)

FILLER = frozenset(
    """
    en and alleen only just wat met what about hoe zit het how de het een the a an bij voor for in van of
    op at to with ook also maar but nu now dan then is are die dat dit deze that this those these
    versie version versies versions uit from graag please pls plz aub svp nog still daar there zelfde same vraag
    question dossier dossiers kd profiel profile kwalificatiedossier
    als if ik i je you doe do doen volg follow volgt zit zitten zat zaten study studeer
    uitstroom uitstroomprofiel
    opleiding programme program course oke ok okay ones
    extract uittreksel corpus bron bronnen source sources file files qualification kwalificatiedossiers
    oké dus namelijk namely
    """.split()
)

_LEVEL = re.compile(
    rf"\b({ONE_LEVEL_WORD})\s*([1-4]|een|één|twee|drie|vier|one|two|three|four)\b", re.IGNORECASE
)
_LEVEL_WORDS = {"een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "one": 1, "two": 2, "three": 3, "four": 4}
_VERSION = re.compile(r"\b(20\d\d)(?:-\d\d-\d\d)?\b")
_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*", re.UNICODE)
_YEARS_NAMED = re.compile(r"\b(20\d\d)(?:-\d\d-\d\d\b|\s*/\s*(?:20)?(\d\d)\b(?![-/]?\d))?")  # "2021", "2020/21"

KIND_WORDS = {
    "werkproces": ("werkproces", "werkprocessen", "work process", "work processes", "workprocess",
                   "workprocesses", "wp's", "wp’s", "wps"),  # "alleen de wp's met klantgerichtheid"
    "kerntaak": ("kerntaak", "kerntaken", "core task", "core tasks"),
    "competentieniveau": ("competentieniveau", "competentieniveaus", "competence level", "competence levels"),
}


@dataclass(frozen=True)
class Constraints:
    """Filter values as the UI holds them: strings, ``""`` means any."""

    dossier: str = ""
    profile: str = ""
    version: str = ""
    kind: str = ""
    level: str = ""

    def merged(self, other: Constraints) -> Constraints:
        """These values, with every non-empty value of ``other`` winning."""
        return Constraints(**{name: getattr(other, name) or getattr(self, name) for name in _FIELDS})

    def to_filters(self) -> Filters:
        """Retrieval filters.

        Raises:
            BadQuery: when the level is not a whole number.
        """
        level = self.level.strip()
        if level and not re.fullmatch(r"[0-9]{1,3}", level):
            raise BadQuery(f"onbekend niveau '{valid_text(level)}'; kies uit: 1, 2, 3, 4")
        return Filters(
            dossier=self.dossier.strip() or None,
            profile=self.profile.strip() or None,
            version=self.version.strip() or None,
            kind=self.kind.strip() or None,
            level=int(level) if level else None,
        )

    def describe(self) -> str:
        """``dossier PMK · niveau 3`` (plain text; empty when there is nothing)."""
        names = {"dossier": "dossier", "profile": "profiel", "version": "versie", "kind": "soort", "level": "niveau"}
        return " · ".join(f"{names[n]} {getattr(self, n)}" for n in _FIELDS if getattr(self, n))


_FIELDS = ("dossier", "profile", "version", "kind", "level")


@dataclass(frozen=True)
class ScopeEntry:
    """A dossier, or a profile inside a dossier, in one version."""

    dossier: str
    profile: str | None
    version: str | None


@dataclass(frozen=True)
class Catalogue:
    """The names, versions and kinds of an index, for recognising constraints in messages."""

    scopes: dict[str, tuple[ScopeEntry, ...]] = field(default_factory=dict)
    versions: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    crebos: dict[str, ScopeEntry] = field(default_factory=dict)  # a crebo number → the dossier or profile it names

    @classmethod
    def from_chunks(cls, chunks: Iterable[Chunk]) -> Catalogue:
        """Collect scope names (names, abbreviations and short names), versions and kinds from chunks."""
        chunks = tuple(chunks)
        scopes: dict[str, set[ScopeEntry]] = {}
        versions: set[str] = set()
        kinds: set[str] = set()

        def add(term: str | None, entry: ScopeEntry) -> None:
            if term and len(term.strip()) >= 2:
                scopes.setdefault(_fold(term), set()).add(entry)
                if re.search(r",|\s&\s", term):  # "coordinator buurt onderwijs sport" as typed for "Coördinator
                    plain = " ".join(w for w in re.split(r"[\s,&]+", term) if w and w != "en")  # buurt, onderwijs en
                    scopes.setdefault(_fold(plain), set()).add(entry)  # sport"
                if re.search(r"\w-\w", term):  # "sociaal cultureel werker" as typed for "Sociaal-cultureel werker"
                    scopes.setdefault(_fold(re.sub(r"(?<=\w)-(?=\w)", " ", term)), set()).add(entry)
                joiner = re.search(r"\s+en\s+|\s*&\s*", term)  # "helpende zorg & welzijn", "sport&bewegen",
                if joiner:  # "sport en bewegen", "helpende zorg welzijn"
                    for joined in (" & ", "&", " en ", " "):
                        scopes.setdefault(_fold(term[: joiner.start()] + joined + term[joiner.end():]), set()).add(
                            entry)

        named: set[tuple] = set()  # each distinct naming once: an index has far fewer than chunks
        numbered: dict[str, set[ScopeEntry]] = {}
        for c in chunks:
            kinds.add(c.kind)
            if c.version:
                versions.add(c.version)
            if c.dossier:
                named.add((c.dossier, c.dossier_abbr, c.profile, c.profile_abbr, c.version))
                if c.crebo:
                    numbered.setdefault(c.crebo, set()).add(ScopeEntry(c.dossier, c.profile, c.version))
        for dossier, dossier_abbr, profile, profile_abbr, version in named:
            add(dossier, ScopeEntry(dossier, None, version))
            add(dossier_abbr, ScopeEntry(dossier, None, version))
            if profile:
                add(profile, ScopeEntry(dossier, profile, version))
                add(profile_abbr, ScopeEntry(dossier, profile, version))
        for key, aliases in _scope_aliases().items():
            for alias in aliases:
                if key in scopes and alias not in scopes:
                    scopes[alias] = set(scopes[key])
        titles = {_fold(p) for _, _, p, abbr, _ in named if p and not abbr}
        profiles = {_fold(p) for _, _, p, _, _ in named if p}
        vocabulary = _vocabulary(chunks) if profiles else set()
        shorts = short_names(titles, vocabulary)
        for title, aliases in shorts.items():
            for alias in aliases:
                if alias not in scopes:
                    scopes[alias] = set(scopes[title])
        parts = distinct_parts(profiles)
        dossiers = {_fold(d) for d, _, _, _, _ in named if d}
        aliases = {**parts, **headed_initials(profiles, vocabulary), **tailed_initials(profiles, vocabulary),
                   **profile_word_names(profiles, dossiers)}
        for alias, title in aliases.items():
            if alias not in scopes:  # "gespecialiseerd pm" beside the abbreviation GPM
                scopes[alias] = set(scopes[title])
        for start, sharing in shared_starts(profiles).items():
            if start not in scopes:  # "persoonlijk begeleider": each profile whose title starts so
                scopes[start] = set().union(*(scopes[title] for title in sharing))
        own = {_fold(n) for d, _, p, _, _ in named for n in (d, p) if n} | set(parts) | {
            alias for aliases in shorts.values() for alias in aliases}  # the sources' Dutch names, not the English
        # aliases ("teaching assistant")
        for plural, name in plural_names(sorted(own & set(scopes))).items():
            if plural not in scopes:  # "twee helpenden zorg en welzijn", "onderwijsassistenten"
                scopes[plural] = set(scopes[name])
        return cls(
            scopes={k: tuple(sorted(v, key=_entry_order)) for k, v in scopes.items()},
            versions=tuple(sorted(versions)),
            kinds=tuple(sorted(kinds)),
            crebos={crebo: crebo_entry(entries) for crebo, entries in numbered.items()},
        )

    def pattern(self) -> re.Pattern[str] | None:
        """One pattern for every scope term, longest first, on word boundaries (compiled once)."""
        return self._pattern

    @cached_property
    def _pattern(self) -> re.Pattern[str] | None:
        if not self.scopes:
            return None
        body = alternation(self.scopes)
        # "PMK-dossier", "GPM-opleiding": a name may lead a hyphenated compound (not a code: "SW-2020", "P3-K2")
        return re.compile(rf"(?<![\w-])(?:{body})(?!\w)(?!-[\w]*\d)", re.IGNORECASE)


def crebo_entry(entries: Iterable[ScopeEntry]) -> ScopeEntry:
    """The scope a crebo number names: its dossier when the dossier's own chunks carry it (a profile's chunks carry
    the dossier's number too), else its one profile."""
    entries = sorted(entries, key=_entry_order)
    return next((e for e in entries if e.profile is None), entries[0])


def crebo_scopes(text: str, catalogue: Catalogue) -> tuple[ScopeEntry, ...]:
    """The dossiers and profiles whose crebo numbers ``text`` names ("KD Sociaal werk (crebo 23185)")."""
    return tuple(dict.fromkeys(catalogue.crebos[n] for n in crebo_numbers(text, catalogue)))


def crebo_numbers(text: str, catalogue: Catalogue) -> tuple[str, ...]:
    """The crebo numbers of the index that ``text`` names."""
    return tuple(n for n in re.findall(r"(?<![\d-])\d{5}(?![\d-])", text) if n in catalogue.crebos)


# the endings of Dutch nouns for a person doing the work, and what their plural adds (*medewerker* → *medewerkers*,
# *helpende* → *helpenden*, *onderwijsassistent* → *onderwijsassistenten*, *coördinator* → *coördinatoren*)
_PERSON_PLURALS = (("er", "s"), ("ende", "n"), ("ent", "en"), ("ist", "en"), ("ant", "en"), ("or", "en"))
PLURAL_MIN = 6  # a word this long or longer: "werker", not "er"


def plural_names(names: Iterable[str]) -> dict[str, str]:
    """Each name with one of its person nouns in the plural, as users name the people of a programme ("we nemen
    twee helpenden zorg en welzijn aan", "pedagogisch medewerkers kinderopvang"): plural → name."""
    found: dict[str, str] = {}
    for name in names:
        words = name.split(" ")
        for i, word in enumerate(words):
            ending = next((add for end, add in _PERSON_PLURALS if word.endswith(end)), None)
            if ending and len(word) >= PLURAL_MIN and word.isalpha():
                found.setdefault(" ".join([*words[:i], word + ending, *words[i + 1:]]), name)
    return found


def shared_starts(titles: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """The first two or more words that several profile titles share, with those titles: users name the profiles
    by them ("persoonlijk begeleider" for *Persoonlijk begeleider gehandicaptenzorg* and *… specifieke
    doelgroepen*). One word alone ("begeleider") is too common a word to name anything."""
    found: dict[str, set[str]] = {}
    for title in titles:
        words = title.split()
        for n in range(2, len(words)):
            found.setdefault(" ".join(words[:n]), set()).add(title)
    return {start: tuple(sorted(sharing)) for start, sharing in found.items() if len(sharing) > 1}


def short_names(titles: Iterable[str], vocabulary: set[str]) -> dict[str, tuple[str, ...]]:
    """The short names users give a long profile title that has no abbreviation: its initials (*Helpende Zorg
    en Welzijn* → *hzw*), and, when no other title starts with its first word and the corpus does not use that
    word as an adjective (:func:`~assistant.themes.words.is_adjective`: *gespecialiseerd*/*gespecialiseerde*),
    that word alone and with the initials of the rest (*helpende*, *helpende zw*). A compound's parts give
    initials too, as users shorten it (*Persoonlijk begeleider gehandicaptenzorg* → *pbgz*, *pb gz*,
    *persoonlijk begeleider gz*)."""
    split = {t: [w for w in re.split(r"[\s,&/-]+", t) if w and w not in ("en", "and", "of")] for t in titles}
    firsts = Counter(words[0] for words in split.values() if words)
    found: dict[str, tuple[str, ...]] = {}
    for title, words in split.items():
        if len(words) < 2:
            continue
        initials = "".join(w[0] for w in words)  # two initials only when no word reads them (*bg*, not *ik*)
        aliases = [initials] if len(words) >= 3 or not _a_word(initials, vocabulary) else []
        head = words[0]
        if firsts[head] == 1 and not is_adjective(head, vocabulary):
            aliases += [head, head_and_initials(words)]
        found[title] = tuple(aliases) + compound_initials(words, vocabulary)
    return found


DISTINCT_MIN = 6  # a title's distinct part this long or longer can name it alone


def distinct_parts(titles: Iterable[str]) -> dict[str, str]:
    """The parts of profile titles that tell them apart when their first word is shared (*Medewerker sport en
    recreatie*, *Medewerker facilitaire dienstverlening*): that word with the next (*medewerker sport*, *medewerker
    facilitaire* and, as users type the adjective, *medewerker facilitair*), for each such part only one title
    gives. The rest of the title alone is no name: it is a theme as often (*sport en recreatie*)."""
    titles = list(titles)
    firsts = Counter(re.split(r"[\s,&/-]+", t)[0] for t in titles)
    found: dict[str, str] = {}
    for title in titles:
        words = [w for w in re.split(r"[\s,&/-]+", title) if w]
        if len(words) < 3 or firsts[words[0]] < 2:
            continue
        parts = [f"{words[0]} {words[1]}"]
        if words[1].endswith("e"):
            parts.append(f"{words[0]} {words[1][:-1]}")  # "medewerker facilitair"
        for part in parts:
            if len(part) >= DISTINCT_MIN and not any(part in other for other in titles if other != title):
                found[part] = title
    return found


PROFILE_WORD_MIN = 3  # a word of a profile title this long can name it beside the word "profiel"
PROFILE_WORD_ZIPF = 4.0  # ... when it is rarer than this in Dutch and English ("een maatschappelijk profiel van de
# wijk", "the training profile of an athlete" name no profile)


def profile_word_names(titles: Iterable[str], dossiers: Iterable[str]) -> dict[str, str]:
    """A profile named by a word of its title that no other profile or dossier name has (nor holds inside a word)
    and that is no common word, beside the word *profiel* ("het GGZ-profiel", "the GGZ profile" for *Agogisch
    medewerker GGZ*, "het facilitaire profiel", "the GGZ one"); so is the rest of a title whose first word other
    titles share ("the sport- en bewegingsagogie one"). Alone such a word is a theme as often (*ggz*, *recreatie*)."""
    from assistant.spelling import is_word

    split = {t: [w for w in re.split(r"[\s,&/-]+", t) if w] for t in titles}
    taken = {w for name in dossiers for w in re.split(r"[\s,&/-]+", name)}
    found: dict[str, str] = {}
    for title, words in split.items():
        for word in words if len(words) >= 2 else ():
            # another title holds it, whole or inside a word (*werker* in *medewerker*)
            elsewhere = any(word in w for other, ws in split.items() if other != title for w in ws)
            common = any(is_word(word, lang, PROFILE_WORD_ZIPF) for lang in ("nl", "en"))
            if len(word) >= PROFILE_WORD_MIN and word not in taken and not elsewhere and not common:
                for alias in (f"{word} profiel", f"{word}-profiel", f"{word} profile", f"{word}-profile",
                              f"{word} one"):
                    found[alias] = title
    firsts = Counter(words[0] for words in split.values() if words)
    for title, words in split.items():  # "the sport- en bewegingsagogie one": the rest of a title whose first word
        if len(words) < 3 or firsts[words[0]] < 2:  # other titles share
            continue
        rest = title.split(None, 1)[1]
        if any(other != title and other.endswith(rest) for other in split):
            continue  # "begeleider specifieke doelgroepen" is a title of its own
        for said in dict.fromkeys((rest, rest.replace("- ", " "))):
            for alias in (f"{said} profiel", f"{said} profile", f"{said} one"):
                found[alias] = title
    return found


def headed_initials(titles: Iterable[str], vocabulary: set[str]) -> dict[str, str]:
    """A title of three or more words as users shorten it: its first word, then the initials of the rest
    (*Gespecialiseerd pedagogisch medewerker* → *gespecialiseerd pm*), for each such short name only one title
    gives, and only when the initials are no word users type (*bos* in the corpus is an acronym of its own)."""
    found: dict[str, set[str]] = {}
    for title in titles:
        words = [w for w in re.split(r"[\s,&/-]+", title) if w and w not in ("en", "and", "of")]
        if len(words) >= 3 and not _a_word(head_and_initials(words).split()[1], vocabulary):
            found.setdefault(head_and_initials(words), set()).add(title)
    return {alias: next(iter(sharing)) for alias, sharing in found.items() if len(sharing) == 1}


def tailed_initials(titles: Iterable[str], vocabulary: set[str]) -> dict[str, str]:
    """A title of three or more words as users shorten it the other way: the initials of all but the last word, then
    that word (*Pedagogisch medewerker kinderopvang* → *pm kinderopvang*, *Agogisch medewerker GGZ* → *am ggz*), for
    each such short name only one title gives, and only when the initials are no word users type."""
    found: dict[str, set[str]] = {}
    for title in titles:
        words = [w for w in re.split(r"[\s,&/-]+", title) if w and w not in ("en", "and", "of")]
        initials = "".join(w[0] for w in words[:-1])
        if len(words) >= 3 and not _a_word(initials, vocabulary):
            found.setdefault(f"{initials} {words[-1]}", set()).add(title)
    return {alias: next(iter(sharing)) for alias, sharing in found.items() if len(sharing) == 1}


def head_and_initials(words: list[str]) -> str:
    """A title's first word and the initials of the rest (*helpende zw*, *gespecialiseerd pm*)."""
    return f"{words[0]} {''.join(w[0] for w in words[1:])}"


def compound_initials(words: list[str], vocabulary: set[str]) -> tuple[str, ...]:
    """The short names of a title whose compound words read as the initials of their parts: all initials
    (*bgz*, *pbgz*), the plain words' initials apart from each compound's (*pb gz*) and the words with each
    compound shortened (*begeleider gz*); none when no word of the title is a compound of corpus words."""
    parts = [split_compound(w, vocabulary) or [w] for w in words]
    if all(len(p) == 1 for p in parts):
        return ()
    shortened = ["".join(x[0] for x in p) for p in parts]
    groups: list[str] = []
    for p, short in zip(parts, shortened, strict=True):
        if len(p) == 1 and groups and not groups[-1].endswith(" "):
            groups[-1] += short  # plain words' initials run together (*pb*)
        else:
            groups.append(short if len(p) == 1 else f" {short} ")
    spaced = " ".join("".join(groups).split())
    found = ["".join(shortened), " ".join(w if len(p) == 1 else s for w, p, s in zip(words, parts, shortened,
                                                                                   strict=True))]
    if all(len(g) >= 2 for g in spaced.split()):
        found.append(spaced)
    return tuple(dict.fromkeys(a for a in found if not _a_word(a, vocabulary)))


def _a_word(text: str, vocabulary: set[str]) -> bool:
    """Whether users type ``text`` as a word: a corpus word, a stop word or a question word (*ik*, *kd*, *ok*)."""
    from assistant.intent import question_words

    return text in vocabulary or text in STOPWORDS or text in question_words()


def _vocabulary(chunks: Iterable[Chunk]) -> set[str]:
    """The lower-case words of the chunks' texts."""
    return {w for c in chunks for w in re.findall(r"[^\W\d_]+", c.text.lower())}


def _entry_order(entry: ScopeEntry) -> tuple:
    return (entry.profile is not None, entry.version or "", entry.dossier, entry.profile or "")


def _scope_aliases() -> dict[str, tuple[str, ...]]:
    """English and informal names of dossiers from query understanding (if it has them)."""
    from assistant import query

    return getattr(query, "SCOPE_ALIASES", {})


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


@dataclass(frozen=True)
class Mentions:
    """The constraints one message names, with where they stand in it."""

    scope: str | None = None
    scope_span: tuple[int, int] | None = None
    level: int | None = None
    level_span: tuple[int, int] | None = None
    year: str | None = None
    year_span: tuple[int, int] | None = None
    kind: str | None = None
    rest: tuple[str, ...] = ()
    names: tuple[tuple[int, int], ...] = ()  # the spans of every scope name (a dossier and its profile)
    part: str | None = None  # "basisdeel", "profieldeel", "aanvullingen": a part of a dossier
    years: tuple[str, ...] = ()  # every version year named ("2020/21": 2020 and 2021), when more than one

    @property
    def any(self) -> bool:
        """Whether the message names any constraint."""
        return bool(self.scope or self.level or self.year or self.kind or self.part)


def find_mentions(text: str, catalogue: Catalogue) -> Mentions:
    """Scope, level, year and kind that ``text`` names, and its other (non-filler) words."""
    taken: list[tuple[int, int]] = []
    scope = scope_span = None
    pattern = catalogue.pattern()
    matches = list(pattern.finditer(text)) if pattern else []
    if matches:  # "bij maatschappelijke zorg, alleen voor de persoonlijk begeleider …": the profile
        profiles = [m for m in matches if any(e.profile for e in catalogue.scopes.get(_fold(m.group(0)), ()))]
        match = profiles[0] if profiles and len(matches) > 1 else matches[0]
        scope, scope_span = match.group(0), match.span()
        taken.extend(m.span() for m in matches)
    level = level_span = None
    match = _LEVEL.search(text)
    if match:
        raw = match.group(2).lower()
        level = int(raw) if raw.isdigit() else _LEVEL_WORDS[raw]
        level_span = match.span(2)
        taken.append(match.span())
    year = year_span = None
    years = {v[:4] for v in catalogue.versions}
    for match in _VERSION.finditer(text):
        if match.group(1) in years and not _overlaps(match.span(), taken):
            year, year_span = match.group(1), match.span()
            taken.append(year_span)
            break
    named_years: list[str] = []
    for match in _YEARS_NAMED.finditer(text):  # "2020 en 2021", "the 2020/21 extract": each year, no other word
        found = [y for y in (match.group(1), match.group(2) and match.group(1)[:2] + match.group(2)) if y]
        if any(y in years for y in found):
            named_years.extend(y for y in found if y in years)
            taken.append(match.span())
    named_years = list(dict.fromkeys(named_years))
    if year or named_years:  # "en in het oude KD van 2015?", "de nieuwe dossiers van 2021": the year says which;
        taken.extend(m.span() for m in _AGED_VERSIONS.finditer(text))  # "oude KD" is no topic
    kind = None
    lowered = text.lower()
    for name, words in KIND_WORDS.items():
        if name not in catalogue.kinds:
            continue
        for word in sorted(words, key=len, reverse=True):
            found = re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", lowered)
            if found and not _overlaps(found.span(), taken):
                kind = name
                taken.append(found.span())
                break
        if kind:
            break
    part = None
    found_code = PART_CODE.search(text)
    found_part = found_code or NOT_THE_BASE.search(text) or _PART_WORDS.search(text) or EXCLUSIVE_TO.search(text)
    if found_part and not _overlaps(found_part.span(), taken):
        part = found_part.group(0).lower()
        coded = re.match(r"(?:(?:the|het|de)\s+)?([bp])[- ]", part)  # "the P part", "P-werkprocessen"
        if found_code:  # a profile part's code: the list keeps its units (replies.scope_filter)
            part = found_code.group(1).upper()
        elif coded:
            part = _PART_NAMES[coded.group(1)]
        elif found_part.re in (EXCLUSIVE_TO, NOT_THE_BASE):
            part = "profieldeel"
        else:
            part = _PART_NAMES.get(part, part)
        taken.append(found_part.span())
    taken.extend(m.span() for m in re.finditer(WITHOUT_ADDITIONS, text, re.IGNORECASE))  # "zonder de aanvullingen"
    if scope:  # "voor mijn eigen profiel, onderwijsassistent": the asker's programme, named beside it
        taken.extend(m.span() for m in _MY_PROGRAMME.finditer(text))
    rest = tuple(
        m.group(0) for m in _WORD.finditer(text)
        if not _overlaps(m.span(), taken) and m.group(0).lower() not in FILLER
    )
    return Mentions(scope, scope_span, level, level_span, year, year_span, kind, rest,
                    tuple(m.span() for m in matches), part, tuple(named_years) if len(named_years) > 1 else ())


# the newest or oldest version of a named dossier or profile asked for without its year (intent.route)
_VERSION_NOUN = r"(?:versie|version|dossier|kwalificatiedossier|kd|qualification file|file)\b"
NEWEST = (r"\b(?:nieuwste|recentste|meest recente|newest|latest|most recent|huidige|actuele|current|laatste|last)\s+"
          + _VERSION_NOUN)
OLDEST = rf"\b(?:oudste|oldest|earliest|oude|old|eerste|first)\s+{_VERSION_NOUN}"
_EDGE_WORD = re.compile(r"\b(?:nieuwste|recentste|meest recente|newest|latest|most recent|huidige|actuele|current"
                        r"|laatste|last|oudste|oldest|earliest|oude|old|eerste|first)\s+", re.IGNORECASE)

# a profile part's code asked for as a narrowing ("only the P3 ones", "alleen P2?", "de P3-werkprocessen"), not one
# that labels a profile ("P2 Gespecialiseerd pedagogisch medewerker", "de OA (P3)"), a unit's code ("P3-K1") or a
# teaching period ("in P3"):
# the group is that part's code
PART_CODE = re.compile(r"(?:\b(?:alleen|only|just|enkel)\s+(?:(?:de|het|the)\s+)?(?=p[1-9]\b)"
                       r"|(?=p[1-9][\s-]+(?:ones?|werk ?process\w*|work ?process\w*|units?|deel|part)\b))"
                       r"\b(p[1-9])\b(?!\)|-?k\d)", re.IGNORECASE)
_BARE_PART = re.compile(r"(?<![\w-])p[1-9](?![\w-])", re.IGNORECASE)  # a part's code alone ("P2"), not "P2-K1"
# the parts of a dossier a follow-up can narrow to ("alleen die uit het profieldeel graag")
_PART_WORDS = re.compile(r"\b(?:basisdelen|basisdeel|profieldeel|aanvullingen|core part|basic part|basis part"
                         r"|profile part|add-ons"
                         r"|[bp]-(?:werkprocessen|work processes|units)|profile-specific|profielspecifieke|profile ones"
                         r"|(?:the|het|de)\s+[bp][- ](?:part|deel))\b", re.IGNORECASE)
_PART_PHRASE = re.compile(r"(?:\b(?:in|uit|over|van|of|from|within)\s+)?(?:\b(?:het|de|the)\s+)?(?:"
                          + _PART_WORDS.pattern + ")", re.IGNORECASE)  # "in het basisdeel"
# the additions left out beside the basisdeel ("alleen de basisdelen, zonder de profielaanvullingen"): no theme words
WITHOUT_ADDITIONS = (r"\b(?:zonder|without|excluding|exclusief)\s+(?:de\s+|the\s+|hun\s+|their\s+|any\s+)?"
                     r"(?:profiel-?|profile[\s-]+|profile-specific\s+|profielspecifieke\s+)?"
                     r"(?:aanvullingen|additions|add-?ons|supplements|aanvullende\s+eisen|profieldeel|part)\b")
# a profile's own units asked for as the ones only it has ("welke zijn alleen voor de helpende?", "which are only for
# the OA"): its profile part
EXCLUSIVE_TO = re.compile(r"\b(?:zijn|is|gelden|geldt|horen|hoort|are|apply|applies|belongs?)\s+(?:er\s+)?"
                          r"(?:alleen|enkel|uitsluitend|only|exclusively)\s+(?:voor|bij|for|to)\b"
                          # not a kerntaak, level, year or code ("horen alleen bij kerntaak 2", "alleen voor niveau 2")
                          r"(?!\s+(?:(?:de|het|the)\s+)?(?:kerntaa?k\w*|core\s+tasks?|niveau|level|versie|version"
                          r"|jaar|year|20\d\d|[bp]\d))", re.IGNORECASE)
# the profile's own units asked for by leaving out the shared part ("not the general part", "zonder het basisdeel") or
# as the ones special to it ("only the ones special for helpende", "specifiek voor de OA")
NOT_THE_BASE = re.compile(r"\b(?:niet|not|zonder|without|excluding|exclusief|behalve|except)\s+(?:(?:het|de|the)\s+)?"
                          r"(?:(?:shared|common|gedeelde|gemeenschappelijke)\s+)?"  # "not the shared basisdeel"
                          r"(?:basisdeel|algemene\s+deel|gemeenschappelijke\s+deel|general\s+part|common\s+part"
                          r"|core\s+part|basic\s+part|basis\s+part|shared\s+part)\b"
                          r"|\b(?:special|specific)\s+(?:for|to)\b|\b(?:speciaal|specifiek)\s+voor\b"
                          r"(?!\s+(?:(?:de|het|the)\s+)?(?:kerntaa?k\w*|core\s+tasks?|niveau|level|versie|version|jaar|year"
                          r"|20\d\d|[bp]\d))", re.IGNORECASE)
_PART_NAMES = {"b": "basisdeel", "p": "profieldeel", "basisdelen": "basisdeel", "profile-specific": "profieldeel",
               "profielspecifieke": "profieldeel", "profile ones": "profieldeel"}  # "alleen de P-werkprocessen", "the
# P part": the units coded P…


# the parts a question includes beside a profile's own ("inclusief basisdeel en aanvullingen", "including the core
# part"): a later "alleen de profielspecifieke" narrows instead
_PART_NOUN = (r"(?:(?:het|de|hun|the|their)\s+)?"
              r"(?:basisdeel|aanvullingen|core part|basic part|basis part|additions|add-ons)")
_INCLUDED_PARTS = re.compile(rf",?\s*\b(?:inclusief|incl\.?|including|plus|met inbegrip van|along with)\s+{_PART_NOUN}"
                             rf"(?:\s*,?\s*(?:en|and|&)?\s*{_PART_NOUN})*\s*,?", re.IGNORECASE)


def _overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in taken)


@dataclass(frozen=True)
class Turn:
    """What the conversation remembers of a question.

    Attributes:
        question: the self-contained question that was searched.
        constraints: the filter values the conversation set (not the dropdowns').
        scope: the dossier or profile word the question is about, if any.
        lang: the language the conversation answers in.
        topic: what the question was about (a competence, a theme, a code), for "daarbij", "that".
        subjects: the units of the answer, in order, for "de tweede", "the first one".
        history: the main subject of each earlier answer, oldest first, for "die twee", "both".
        unknown: a name of the question the index does not know (replaced by the next scope named).
        page: the page of a lookup answer ("meer" asks for the next).
        kind: the unit kind the answer listed ("werkproces"), for "welke daarvan".
        asked: the message as typed when it pointed at an earlier answer by number ("welke werkprocessen horen
            bij de eerste?"), and ``pointed``: the list it pointed into; "en de tweede?" asks it again.
        listed: the units a list answer listed (``Item.ref``), for "welke daarvan …": which of those.
        where: the question asked where a theme occurs (even when no werkproces held it), for "en over ouders?".
        scopes: the dossier or profile word of each turn that named one, oldest first, for "die twee opleidingen".
        profiles: the profiles the answer's passages belong to, first first ("BG 2015"), for "those two profiles"
            after an answer that cites two profiles' texts.
        answered: the type of the answer (``lookup``, ``list``, …), for "same for X?".
    """

    question: str
    constraints: Constraints = Constraints()
    scope: str | None = None
    lang: str | None = None
    topic: str = ""
    subjects: tuple[str, ...] = ()
    history: tuple[str, ...] = ()
    unknown: str | None = None
    page: int = 0
    kind: str | None = None
    asked: str = ""
    pointed: tuple[str, ...] = ()
    listed: tuple[str, ...] = ()
    where: bool = False
    scopes: tuple[str, ...] = ()
    profiles: tuple[str, ...] = ()
    answered: str = ""


@dataclass(frozen=True)
class Resolved:
    """A message made self-contained: the question to search and the filters to use."""

    question: str
    constraints: Constraints
    turn: Turn
    followup: bool


def is_followup(message: str, mentions: Mentions, previous: Turn | None) -> bool:
    """Rule 2: a short message that names a constraint and opens like a follow-up, or holds nothing else (then
    at any length)."""
    if previous is None or not mentions.any:
        return False
    from assistant.replies import asks_crebo_or_load, asks_programme_level  # replies builds on this module

    if mentions.kind and mentions.scope and mentions.kind != previous.kind and (previous.kind or asks_crebo_or_load(
            previous.question) or asks_programme_level(previous.question)):
        return False  # "and which work processes does the helpende have?" after its profiles or its crebo number: a
        # question of its own

    if mentions.scope and asks_crebo_or_load(message):  # not a level, which may be a competence's ("en het niveau
        return False  # van de OA bij klantgerichtheid?"); "en wat is het crebonummer van de thuisbegeleider?": its own
    if mentions.scope and asks_programme_level(message) and not _LEVEL_WORD.search(previous.question):
        return False  # "ok. and which level has Sociaal-cultureel werker?" after a question with no level in it
    counted = message
    for span in sorted(mentions.names or ([mentions.scope_span] if mentions.scope_span else []), reverse=True):
        counted = _splice(counted, span, " name ")
    counted = _NAME_LIST.sub(" name ", counted)  # "PMK, GPM en onderwijsassistent": one list of names
    asides = [m.group(0) for m in _ASIDE.finditer(counted) if not re.search(r"\bname\b|\d", m.group(0))]
    aside_words = {w for aside in asides for w in _WORD.findall(aside)}
    others = sum(w not in aside_words for w in mentions.rest)
    if mentions.year and not mentions.scope and others <= BACK_WORDS and (
            _BACK.search(message) or _CHANGE_ASKED.search(message)):
        return True  # "Hoe ziet dat eruit in 2021?", "Kan het wel met het oude kd van 2015?", "wat is er anders in
        # 2021?"
    counted = _ASIDE.sub(lambda m: " " if m.group(0) in asides else m.group(0), counted)
    counted = _EXCLUSION.sub(" ", counted)  # "… alleen voor helpende? dus niet voor facilitair en sport"
    words = _WORD.findall(counted)  # a long name ("helpende zorg en welzijn") counts as one word
    narrowing = re.match(rf"(?:(?:en|and|maar|but|dan|then|ok[eé]?|oké|okay)[,\s]+)?{_NARROWING}", _fold(message)) \
        is not None or _LATER_NARROWING.search(_fold(message)) is not None  # "en alleen de …, dus zonder …?"
    # "only the profile-specific ones from that list", not "only one question: …" nor "alleenstaande ouders"
    remark = _remark_before_narrowing(counted)  # "thats a lot.. only the P3 ones": the remark is no question
    if remark:
        words, narrowing = words[len(_WORD.findall(remark)):], True
    if mentions.level and not mentions.scope and _SAME_ONE.search(message):
        return True  # "And the level 4 of the same competence, please?": that competence at another level
    if mentions.scope and _FOR_ANOTHER.match(_fold(message)) and not _QUESTION_WORD.search(message) \
            and not COMPARE_WORD.search(message) and not re.search(r"\bvs\.?(?!\w)|\bversus\b", message, re.I) \
            and message.count("?") <= 1 and len(words) <= 2 * MAX_FOLLOWUP_WORDS:
        return True  # "En voor mijn andere student, die doet GPM niveau 4?": the question for another programme,
        # with who it is for around the name
    if len(words) > MAX_FOLLOWUP_WORDS + (NARROWING_EXTRA if narrowing else 0) and any(
            not _VERSION.fullmatch(w) for w in mentions.rest):
        return False  # only names, years and filler: "and in the 2021 version of …", "… the 2020/2021 dossiers of …"
    opened = _fold(message).startswith(OPENERS) or _fold(message) in {o.strip() for o in OPENERS} or bool(remark)
    if opened and mentions.scope and _OWN_QUESTION.match(_fold(message)) and len(
            [w for w in mentions.rest if w.lower() not in FILLER and len(w) > 2]) >= 2:
        return False  # "and what are the job prospects for thuisbegeleiders?": a question of its own, not the last
        # one asked again for another programme
    return opened or not mentions.rest


_MY_PROGRAMME = re.compile(r"\b(?:mijn|m'n|my|onze|our)\s+(?:eigen\s+|own\s+)?(?:profiel|profile|opleiding|programm?e"
                          r"|program|richting|dossier)\b", re.IGNORECASE)
# versions named by their age ("het oude KD", "de nieuwe dossiers"), beside a year that says which
_AGED_VERSIONS = re.compile(r"\b(?:oudere|oude|nieuwere|nieuwe|older|old|newer|new)\s+(?:versies?|versions?|dossiers?"
                            r"|kd'?s?|kwalificatiedossiers?|files?)\b", re.IGNORECASE)
_NAME_LIST = re.compile(r"\bname(?:\s*(?:,|\ben\b|\band\b|\bof\b|\bor\b|&|/)\s*name\b)+")


# a follow-up that asks its own what-is question ("and what are the job prospects for …?", "en wat zijn de taken van
# …?"): the opener, *what* and a form of *to be* ("en welke zijn …" narrows the list)
_OWN_QUESTION = re.compile(r"(?:en|and|ok[eé]?|oké|dan|then|so)[,\s]+(?:what|wat)\s+(?:is|are|zijn|was|were|waren)\b")


# the previous question asked again for another name or year ("doe hetzelfde voor de helpende", "same question for
# MZ", "can you do the same for the GPM?"); the words before "voor"/"for" are taken off
_SAME_FOR = re.compile(r"^\s*(?:(?:en|and|ok(?:ay|é|e)?|dan|then)[,\s]+)?"
                       r"(?:(?:can|could|kun|kan|kunt)\s+(?:you|je|jij|u)\s+)?(?:(?:doe|do)\s+)?(?:ook\s+|also\s+)?"
                       r"(?:(?:hetzelfde|zelfde|the same|same)(?:\s+(?:vraag|question))?"
                       # "does the same apply to X?", "geldt dat ook voor X?", "is dat hetzelfde bij X?"
                       r"|(?:(?:does|do|would|will)\s+)?(?:the same|that|this|it)\s+(?:also\s+)?"
                       r"(?:apply|applies|hold|holds)"
                       r"|(?:geldt|gelden|is)\s+(?:dat|dit|hetzelfde|(?:die|deze)\s+(?:eis|regel|eisen|regels))"
                       r"(?:\s+(?:ook|dan|eveneens|evenzeer))?(?:\s+hetzelfde)?)"  # "geldt die eis eveneens voor …"
                       r"\s+(?=(?:voor|for|bij|with|to)\b)",
                       re.IGNORECASE)
# the same facts asked in a request ("Zou u mij dezelfde gegevens kunnen verstrekken voor het profiel X?", "could you
# give me the same information for X?"): the words up to "voor"/"for" are taken off
_SAME_DATA_FOR = re.compile(r"^\s*(?:(?:en|and|ok(?:ay|é|e)?|dan|then)[,\s]+)?(?:(?:zou|zoudt|kunt|kun|kan|wil|could"
                            r"|would|can)\s+(?:u|je|jij|you)\s+)?(?:(?:mij|me|ons|us)\s+)?(?:(?:please|alstublieft)\s+)?"
                            r"(?:(?:give|send|geven|sturen)\s+(?:(?:me|us)\s+)?)?(?:dezelfde|hetzelfde|the\s+same)\s+"
                            r"(?:gegevens|informatie|info|feiten|details|information|data|facts|vraag|question)\s+"
                            r"(?:[\w-]+\s+){0,3}?(?=(?:voor|for|bij|of|van)\b)", re.IGNORECASE)
_LEVEL_WORD = re.compile(r"\b(?:niveau\w*|levels?|nivo)\b", re.IGNORECASE)
# words that describe whom a question is for before a programme's name ("voor mijn andere student, die doet X",
# "voor studenten die worden opgeleid tot X", "for my colleague who works as X")
_WHOM = re.compile(r"\b(?:mijn|m'n|mn|my|onze|our|die|who|that|which|studenten|students|student|leerlingen)\b",
                   re.IGNORECASE)
# the thing just asked about, named as such ("of the same competence", "van dezelfde competentie")
_SAME_ONE = re.compile(r"\b(?:the\s+same|dezelfde|diezelfde|that|this|deze|die)\s+(?:competen\w+|one)\b", re.IGNORECASE)
# the previous question for someone or something else ("en voor …", "and for …", "what about …"), asking nothing
# of its own
_FOR_ANOTHER = re.compile(r"(?:en|and|maar|but)[,\s]+(?:voor|bij|for|with)\b|(?:en\s+|and\s+)?(?:what|how)\s+about\b"
                          r"|(?:en\s+)?(?:wat|hoe\s+zit\s+het(?:\s+dan)?)\s+met\b")
_NARROWING = r"(?:alleen|only)\s+(?:de|het|die|dat|the|those|these)\b"
# a narrowing as the message's second sentence ("en bij GPM niv 4? ook alleen profieldeel (P2)")
_LATER_NARROWING = re.compile(r"[?!.]\s*(?:(?:en|and|maar|but)\s+)?(?:(?:dan|then)\s+)?(?:ook\s+|also\s+|again\s+)?"
                              r"(?:alleen|only)\b")
# a request before a narrowing ("could you give me only …", "kun je me alleen … geven?", "please show only …")
_REQUEST = re.compile(r"\s*(?:(?:ok(?:ay|é|e)?|thanks|thank you|dank\w*|top|super)[,.!\s]+)?(?:please\s+)?"
                      r"(?:(?:can|could|would|will|kun|kan|kunt|wil|zou|zoudt)\s+(?:you|je|jij|u)\s+"
                      r"(?:(?:please|maybe|also|misschien|even|ook|nog)\s+)*)?"
                      r"(?:(?:give|show|list|send|geef|toon|laat|stuur|noem)\s+)?(?:(?:me|mij|us|ons)\s+)?"
                      r"(?:(?:nu|now|just|even)\s+)?")
# the asker's closing remark after the question mark ("… ? It's for our Erasmus student."): it asks nothing
_CLOSING_REMARK = re.compile(r"(?<=\?)\s*[^?]+$")
_IN_LANGUAGE = re.compile(r",?\s*\bin\s+(?:het\s+)?(?:english|engels|dutch|nederlands)\b", re.IGNORECASE)
# the verb that ends a Dutch request ("kun je me alleen die uit het profieldeel geven?")
_REQUEST_VERB = re.compile(r"\s+(?:geven|tonen|laten\s+zien|noemen|sturen|opsommen)(?=\s*[?.!]*\s*$)", re.IGNORECASE)


def _clarifies(remark: str, catalogue: Catalogue) -> bool:
    """A closing remark that says which name or year is meant ("I mean for GPM."), not a doubt between two ("Ik
    twijfel nog tussen PMK en OA.")."""
    names = catalogue.pattern()
    named = (names is not None and names.search(remark) is not None) or _VERSION.search(remark) is not None
    return named and not (COMPARE_WORD.search(remark) or _DOUBT.search(remark))


_DOUBT = re.compile(r"\btwijfel|\bdoubt|\bnot sure\b|\bunsure\b|\bbetween\b|\btussen\b", re.IGNORECASE)


def polite_narrowing(message: str, catalogue: Catalogue) -> str | None:
    """A narrowing asked politely ("could you give me only the ones from the profile part? It's for our Erasmus
    student.", "kun je me alleen die uit het profieldeel geven?"): the narrowing alone, without the request, its
    closing verb and a closing remark (kept when it names a scope or a year and weighs nothing: "… ? I mean for
    GPM."); None for any other message."""
    request = _REQUEST.match(_fold(message))
    if request is None or not request.group(0).strip() or not re.match(_NARROWING, _fold(message)[request.end():]):
        return None
    narrowing = message[request.end():]
    remark = _CLOSING_REMARK.search(narrowing)
    if remark and not _clarifies(remark.group(0), catalogue):
        narrowing = narrowing[: remark.start()]
    narrowing = _IN_LANGUAGE.sub("", narrowing)  # ", in English?": the reply's language follows the message
    return _REQUEST_VERB.sub("", narrowing.rstrip())
# a word that points back at the previous answer ("dat", "those"; "het" as a pronoun: "kan het wel …")
_BACK = re.compile(r"\b(?:dat|dit|deze|daar\w*|hetzelfde|that|those|these|this|it|same)\b"
                   r"|\bhet\s+(?:wel|niet|ook|dan|nog|er|daar|zo|eruit)\b", re.IGNORECASE)
BACK_WORDS = 4  # ... in a message naming a version and at most this many other words: a follow-up
# a closing sentence that says what is not meant ("? dus niet voor facilitair en sport", ", not for the other
# profiles"): it narrows the question, it asks nothing new
_EXCLUSION = re.compile(r"(?<=[?.!])\s*(?:dus\s+|so\s+)?(?:niet|not|geen|no)\s+(?:voor|bij|for|in)\b"
                        r"(?![^.?!]*\b(?:maar|but)\b)[^.?!]*[.?!]?\s*$", re.IGNORECASE)  # not "…, niet X maar Y"
_ASIDE = re.compile(r"\([^()]*\)")  # "(ik oefen mijn Nederlands 🙂)": an aside naming nothing does not count
SAME_FOR_WORDS = 3  # "hetzelfde voor …" is the previous question for what it names, with at most this many other words
_QUESTION_WORD = re.compile(r"\b(?:welke?|wat|waar|hoe|wie|which|what|where|how|who)\b", re.IGNORECASE)
_ASKS = re.compile(rf"\?|{_QUESTION_WORD.pattern}", re.IGNORECASE)
_EXCLAIMED = re.compile(r"\b(?:wat|what)\s+(?:een|veel|lang|a|a lot)\b")  # "wat veel!": no question


def _remark_before_narrowing(message: str, catalogue: Catalogue | None = None) -> str:
    """The remark before a narrowing that opens a later sentence ("dat zijn er veel. Alleen de …", "thats a lot..
    only the P3 ones", "Wat veel! Alleen …"), when the remark names and asks nothing and nothing after it asks (a
    question mark alone does not: "… only the ones special for X?"); else ""."""
    found = re.search(rf"[.!]\s*({_NARROWING})", message, re.IGNORECASE)
    if found is None:
        return ""
    before = _EXCLAIMED.sub(" ", message[: found.start(1)].lower())
    names = catalogue.pattern() if catalogue is not None else re.compile(r"\bname\b")  # is_followup's placeholder
    if _ASKS.search(before) or _QUESTION_WORD.search(message[found.start(1):]) or _VERSION.search(before) \
            or _LEVEL.search(before) or (names is not None and names.search(before)) \
            or any(w in before for words in KIND_WORDS.values() for w in words):
        return ""
    return message[: found.start(1)]


# the asker's remark after a narrowing, behind a comma ("alleen die uit het profieldeel graag, de basis heb ik nu wel
# gezien", "only the P3 ones, I know the rest"): a clause of the asker's own that asks nothing
_REMARK_AFTER = re.compile(r"[,;]\s*(?P<remark>[^,;?]*\b(?:ik|mij|me|mijn|m'n|i|i've|i'm|my)\b[^,;?]*)[.!]*\s*$",
                           re.IGNORECASE)


# a remark that corrects or adds to the request ("ik bedoel van de GPM", "ik wil ook die van de GPM zien")
_AMENDS = re.compile(r"\b(?:bedoel\w*|mean|meant|ook|also|too|as well|maar|but|behalve|except|liever|rather)\b",
                     re.IGNORECASE)


def _remark_after_narrowing(message: str) -> str:
    """The narrowing before the asker's remark after it (:data:`_REMARK_AFTER`), or "" when there is no such remark
    or the part before it is no narrowing ("alleen …", "only …")."""
    found = _REMARK_AFTER.search(message)
    if found is None or not re.match(rf"\s*(?:{_NARROWING})", message, re.IGNORECASE) \
            or _AMENDS.search(found.group("remark")):
        return ""
    return message[: found.start()].strip()


def version_for(year: str, catalogue: Catalogue) -> str:
    """The index version of a year ("2015" → "2015-08-01"); the first if there are several."""
    return next((v for v in catalogue.versions if v.startswith(year)), "")


def dossier_for(scope: str, version: str, catalogue: Catalogue) -> str:
    """Rule 4: the dossier filter value for a scope word in a version ("" when none fits)."""
    entries = catalogue.scopes.get(_fold(scope), ())
    if version:
        entries = tuple(e for e in entries if e.version in (version, None))
    dossiers = [e for e in entries if e.profile is None]
    if dossiers:
        return dossiers[0].dossier
    parents = {e.dossier for e in entries}
    return parents.pop() if len(parents) == 1 else ""


def _splice(text: str, span: tuple[int, int], new: str) -> str:
    return text[: span[0]] + new + text[span[1]:]


def _append(question: str, phrase: str) -> str:
    stripped = question.rstrip()
    mark = "?" if stripped.endswith("?") else ""
    return f"{stripped.rstrip('?').rstrip()} {phrase}{mark}"


BASE_PART = r"(?:basisdelen|basisdeel|core[- ]parts?|basic parts?|basis parts?|common parts?|shared parts?)\b"
# "did the basisdeel of the 2015 Sociaal werk dossier contain?": the basisdeel of a dossier named, when no profile is
# (a profile "together with the basisdeel of MZ" takes it along)
BASIS_OF = re.compile(rf"\b(?:het|the)\s+{BASE_PART}\s*(?:of|van)\b", re.IGNORECASE)
# "in het basisdeel", "only the core part", "the basisdeel work processes": the basisdeel of a dossier, without
# its profiles' own units (not "…, so not from the basisdeel")
BASIS_ONLY = re.compile(rf"\b(?<!not )(?<!niet )(?:in|uit|van|of|from|within)\s+(?:het|de|the|its|their)\s+"
                        rf"{BASE_PART}"
                        rf"|\b(?:alleen|only|just)\s+(?:het\s+|the\s+)?{BASE_PART}"
                        # "in the MZ basisdeel", "the basisdeel work processes of DV"
                        rf"|\b(?:in|uit|from|within)\s+(?:het|de|the)\s+(?:(?!inclusief|including|met|with|plus)"
                        rf"[\w&'’-]+\s+){{1,3}}?{BASE_PART}"
                        rf"|{BASE_PART}(?:\s*\([^()]{{1,30}}\))?\s+(?:werk ?process\w*|work ?process\w*|kerntaken"
                        rf"|core tasks|units)"  # "the core-part (basisdeel) work processes"
                        # "shared by all three profiles", "die alle profielen gemeen hebben": what no profile adds
                        r"|\b(?:shared|common)\s+(?:by|to)\s+(?:all|every|both)\s+(?:\w+\s+)?profiles\b"
                        r"|\b(?:alle|beide)\s+(?:\w+\s+)?profielen\s+(?:[\w&-]+\s+){0,3}?(?:gemeen|gemeenschappelijk|delen)\b",
                        re.IGNORECASE)


_EVERY_DOSSIER = re.compile(r"\b(?:dossiers|alle|all|every|elk\w*)\b", re.IGNORECASE)
_LEAD_WORDS = re.compile(r"(?:\b(?:van|in|bij|uit|of|for|from|the|de|het)\s+)+$", re.IGNORECASE)
_YEAR_LIST = re.compile(r"\b20\d\d(?:\s*/\s*\d\d)?(?:\s*(?:,|\band\b|\ben\b|&|\+|\bor\b|\bof\b)\s*20\d\d"
                        r"(?:\s*/\s*\d\d)?)+\b", re.IGNORECASE)


def _edge_word_replaced(question: str, year: str, catalogue: Catalogue) -> str:
    """The question with "newest", "oudste" … before its version noun or its name replaced by ``year`` ("the
    newest onderwijsassistent dossier" → "the 2015 onderwijsassistent dossier"), when it names no year."""
    if find_mentions(question, catalogue).year:
        return question
    names = catalogue.pattern()
    for match in _EDGE_WORD.finditer(question):
        rest = question[match.end():]
        if re.match(_VERSION_NOUN, rest, re.IGNORECASE) or (names is not None and names.match(rest)):
            return question[: match.start()] + f"{year} " + rest
    return question


def merge_question(previous: str, new: Mentions, catalogue: Catalogue, message: str = "") -> str:
    """Rule 3: the previous question with the follow-up's scope, level and year put in. A profile named
    instead of a dossier asks for the profile ("en de coördinator …?" after "… S&B in het basisdeel?")."""
    if new.scope and any(e.profile for e in catalogue.scopes.get(_fold(new.scope), ())):
        previous = re.sub(r"\s+", " ", BASIS_ONLY.sub(" ", previous)).strip()
    if new.years:  # "only those from the 2020/21 extract": each of those years, in place of the years asked before
        return _with_years(previous, new, catalogue, message)
    compared = _year_compared(previous, new, catalogue, message)
    if compared:
        return compared
    if new.year and not COMPARE_WORD.search(previous):  # "only the 2021 ones" after "… OA 2015 and 2021": that
        previous = _YEAR_LIST.sub(new.year, previous, count=1)  # year alone (two years compared stay two)
    if new.year:  # "and in 2015?" after "the newest …": that year
        previous = _edge_word_replaced(previous, new.year, catalogue)
    if new.part:  # "… inclusief basisdeel en aanvullingen?", then "alleen de profielspecifieke": the narrowing
        previous = re.sub(r"\s{2,}", " ", _INCLUDED_PARTS.sub(" ", previous)).strip()  # replaces what it included
    if new.part in ("basisdeel", "profieldeel") and find_mentions(previous, catalogue).part not in (None, new.part):
        previous = re.sub(r"\s{2,}", " ", _PART_PHRASE.sub(" ", previous)).strip()  # "alleen die uit het profieldeel"
        # after "… over het basisdeel en beide profielen": the part asked now in place of the one asked before
    if any(_BARE_PART.fullmatch(w) for w in new.rest):  # "ook alleen profieldeel (P2)" after "… wp P1": the new
        previous = re.sub(r"\s{2,}", " ", _BARE_PART.sub(" ", previous)).strip()  # part's code in place of the old
    old = _asked_scope(previous, find_mentions(previous, catalogue))
    lang = language(previous)
    scope = _name_list(message, new) if new.scope else None  # "dus PMK, GPM en onderwijsassistent": all three
    # Splice from the end of the text backwards so earlier spans stay valid.
    edits: list[tuple[tuple[int, int], str]] = []
    appends: list[str] = []
    if scope:
        if old.scope_span:  # every mention of that name: "Mijn student wil X worden. Welke … van de X?"
            pattern = catalogue.pattern()
            same = ([m.span() for m in pattern.finditer(previous) if _fold(m.group(0)) == _fold(old.scope)]
                    if pattern else [])
            edits.extend((span, scope) for span in (same or [old.scope_span]))
        else:
            appends.append(("in " if lang == "en" else "bij ") + scope)
    if new.level:
        if old.level_span:
            edits.append((old.level_span, str(new.level)))
        else:
            appends.append(("level " if lang == "en" else "niveau ") + str(new.level))
    if new.part and not _PART_WORDS.search(previous) and not PART_CODE.search(previous):  # "alleen die uit het
        # profieldeel" after a list
        if PART_CODE.fullmatch(f"only {new.part}"):  # a part's code: "alleen P3"
            lead = "only" if lang == "en" else "alleen"
        elif lang == "en":
            lead = "only the"
        else:
            lead = "alleen de" if new.part == "aanvullingen" else "alleen het"
        appends.append(f"{lead} {new.part}")
    successors = _successors(old.scope, new.year, catalogue) if new.year and not new.scope and old.scope \
        and old.scope_span and old.year_span and not _has_year(old.scope, new.year, catalogue) else ()
    successors = successors if not (old.kind and _EVERY_DOSSIER.search(message)) else ()
    if successors:  # "en in 2021?" after "… in pw 2015": its profiles' dossiers of 2021 (PMK, GPM, OA), since PW
        edits.append((old.scope_span, (" and " if lang == "en" else " en ").join(successors)))  # has no 2021 version
    if new.year and old.year_span:
        edits.append((old.year_span, new.year))
        if not new.scope and old.scope and old.scope_span and old.kind and _EVERY_DOSSIER.search(message) \
                and not _has_year(old.scope, new.year, catalogue):  # "and in the 2021 dossiers?" after "… 2015 PW
            lead = _LEAD_WORDS.search(previous[: old.scope_span[0]])  # work processes": PW has no 2021 version,
            edits.append(((lead.start() if lead else old.scope_span[0], old.scope_span[1]), ""))  # so every 2021
            # dossier's; a fact question ("crebonummer van SW") keeps its scope and says it has no 2021 version
    elif new.scope and not new.year and old.year and old.year_span and not _has_year(new.scope, old.year, catalogue):
        edits.append((old.year_span, ""))  # "en in MZ?" after "… S&B 2021": MZ has no 2021 version
    edits.extend(_names_without_year(previous, old, new, catalogue))
    question = previous
    for span, text in sorted(edits, key=lambda e: e[0][0], reverse=True):
        question = _splice(question, span, text)
    question = re.sub(r"\s{2,}", " ", question)
    rest = new.rest
    if new.scope_span and _FOR_ANOTHER.match(_fold(message)):  # "En voor de GPM? die maakt toch een ontwikkelplan":
        # a sentence after the name is a remark; "En voor mijn andere student, die doet GPM?": the words before the
        # name say whom it is for (not "en voor hygiëne bij GPM?", a theme)
        kept = message[: new.scope_span[0]] if not _WHOM.search(message[: new.scope_span[0]]) else ""
        kept += " " + re.split(r"[?.!]", message[new.scope_span[1]:])[0]
        rest = tuple(w for w in rest if w in set(_WORD.findall(kept)))
    for phrase in [*appends, " ".join(rest)]:
        if phrase:
            question = _append(question, phrase)
    return question


_NAME_LEAD = re.compile(r"(?:\b(?:van|in|bij|uit|of|for|from|the|de|het|kd|dossier|kwalificatiedossier|qualification"
                        r"\s+file)\s+)+$", re.IGNORECASE)


def _names_without_year(previous: str, old: Mentions, new: Mentions,
                        catalogue: Catalogue) -> list[tuple[tuple[int, int], str]]:
    """The edits that drop a dossier the previous question named beside another scope, when a follow-up asks for a
    year that dossier lacks and the other scope has ("en in 2021?" after "… van de PMK in het KD Pedagogisch Werk":
    the PMK of 2021, not Pedagogisch Werk, which has no 2021 version)."""
    if not new.year or len(old.names) < 2:
        return []
    kept = [span for span in old.names if _has_year(previous[span[0]:span[1]], new.year, catalogue)
            and not (new.scope and span == old.scope_span)]
    if not kept and not (new.scope and _has_year(new.scope, new.year, catalogue)):
        return []
    edits = []
    for span in old.names:
        if span == old.scope_span or span in kept:
            continue
        lead = _NAME_LEAD.search(previous[: span[0]])
        edits.append(((lead.start() if lead else span[0], span[1]), ""))
    return edits


_LIST_JOINS = frozenset({",", "en", "and", "&", "/", ", en", ", and", "of", "or"})  # between the names of one list


def _name_list(message: str, new: Mentions) -> str:
    """The names a follow-up gives as one list ("PMK, GPM en onderwijsassistent"), as typed; else its one name."""
    spans = sorted(new.names)
    if len(spans) < 2 or not message:
        return new.scope or ""
    joins = [message[a[1]:b[0]].strip().lower() for a, b in pairwise(spans)]
    if all(j in _LIST_JOINS for j in joins):
        return message[spans[0][0]:spans[-1][1]]
    return new.scope or ""


def _asked_scope(previous: str, old: Mentions) -> Mentions:
    """The previous question's mentions with its scope widened to the list of names it stands in ("… van PMK, GPM
    en onderwijsassistent …": all three, which a follow-up naming one replaces)."""
    if len(old.names) < 2 or not old.scope_span:
        return old
    span = old.scope_span
    for a, b in pairwise(sorted(old.names)):
        if a[0] <= span[1] and a[1] >= span[0] and b[0] > span[1] \
                and previous[a[1]:b[0]].strip().lower() in _LIST_JOINS:
            span = (span[0], b[1])
    if span == old.scope_span:
        return old
    return replace(old, scope=previous[span[0]:span[1]], scope_span=span)


def _year_compared(previous: str, new: Mentions, catalogue: Catalogue, message: str) -> str | None:
    """"wat is er anders in 2021?" after "wat houdt p2-k1-w3 in bij gpm 2015?": the previous question in both years,
    compared (None when the message compares nothing, names a scope, or the previous question names no other
    year)."""
    if not new.year or new.scope or not _CHANGE_ASKED.search(message) or COMPARE_WORD.search(previous):
        return None
    old = find_mentions(previous, catalogue)
    if not old.year or old.year == new.year or not old.year_span:
        return None
    english = language(previous) == "en"
    start, end = old.year_span
    both = f"{previous[start:end]} {'and' if english else 'en'} {new.year}"
    return _append(previous[:start] + both + previous[end:], "what is different" if english else "wat is er anders")


def _with_years(previous: str, new: Mentions, catalogue: Catalogue, message: str) -> str:
    """The previous question with the several years a follow-up names (``new.years``) in place of its own year or
    years, or added; the follow-up's other constraints merged as for one year."""
    lang = language(previous)
    old = find_mentions(previous, catalogue)
    if old.scope and old.scope_span and _EVERY_DOSSIER.search(message):  # "and in all dossiers of 2020 and 2021?",
        lead = _LEAD_WORDS.search(previous[: old.scope_span[0]])  # "which of the 2020/2021 dossiers …?" after "… in
        previous = _splice(previous, (lead.start() if lead else old.scope_span[0], old.scope_span[1]), "")  # MZ
        # (2015)": every dossier of those years
    joined = (" and " if lang == "en" else " en ").join(new.years)
    listed = _YEAR_LIST.search(previous) or _VERSION.search(previous)
    if listed:
        previous = previous[: listed.start()] + joined + previous[listed.end():]
    else:
        previous = _append(previous, f"in {joined}")
    return merge_question(previous, replace(new, year=None, year_span=None, years=()), catalogue, message)


_LEVEL_PAIR = re.compile(r"\b(?:niveau|nivo|level)s?\s*[1-4]\b.*"
                         r"\b(?:en|and|vs\.?|versus|t\.?o\.?v\.?|from|with|van|met)\s+"
                         r"(?:(?:niveau|nivo|level)\s*)?[1-4]\b", re.IGNORECASE)
_VERSUS = re.compile(r"\bversus\b|\bvs\b", re.IGNORECASE)


def _one_level_after_comparison(message: str, mentions: Mentions, previous: Turn) -> str | None:
    """"En niveau 4?", "and level 3?" after a comparison of two levels of one competence: that competence at the
    new level (a lookup, as every author of the judged sets reads it); None when the follow-up says more or
    compares again ("en het verschil met niveau 3?"). "kwaliteitsgericht 3 vs 4" compares two levels too."""
    if not mentions.level or mentions.scope or mentions.year or mentions.kind or mentions.rest \
            or COMPARE_WORD.search(message) or _VERSUS.search(message) or not previous.topic or "," in previous.topic:
        return None
    compared = COMPARE_WORD.search(previous.question) or _VERSUS.search(previous.question)
    if not (compared and (_LEVEL_PAIR.search(previous.question) or _BARE_PAIR.search(previous.question))):
        return None
    word = "level" if _is_english(message) else "niveau"
    return f"{previous.topic} {word} {mentions.level}"


def _successors(scope: str, year: str, catalogue: Catalogue) -> tuple[str, ...]:
    """The dossiers of ``year`` named as the profiles of the dossier ``scope`` names ("Pedagogisch Werk" 2015 →
    the 2021 dossiers PMK, GPM and OA), by their names in that year; empty when it has none."""
    entries = catalogue.scopes.get(_fold(scope), ())
    dossiers = {(e.dossier, e.version) for e in entries if e.profile is None}
    profiles = dict.fromkeys(e.profile for entries_ in catalogue.scopes.values() for e in entries_
                             if e.profile and (e.dossier, e.version) in dossiers)
    named = []
    for profile in profiles:
        later = [e for e in catalogue.scopes.get(_fold(profile), ()) if e.profile is None
                 and (e.version or "").startswith(str(year))]
        named.extend(e.dossier for e in later)
    return tuple(sorted(set(named)))


def has_extract_version(scope: str, catalogue: Catalogue) -> bool:
    """Whether the named dossier or profile has a 2020/21 version (whose extract gives no level, crebo or load)."""
    return any((e.version or "") >= "2020" for e in catalogue.scopes.get(_fold(scope), ()))


def _has_year(scope: str, year: str, catalogue: Catalogue) -> bool:
    """Whether the named dossier or profile has a version of that year."""
    return any((e.version or "").startswith(str(year)) for e in catalogue.scopes.get(_fold(scope), ()))


# a version named by where it stands to the one just asked about ("hoe zit dat in de oudere versie?", "and in the newer
# file?", "en in de andere versie van Sociaal Werk?")
_RELATIVE_VERSION = re.compile(r"\b(?:(?:de|het|die|the|that)\s+)?(?P<which>andere|oudere|oude|vorige|eerdere|nieuwere"
                               r"|nieuwe|latere|recentere|other|older|old|previous|earlier|newer|new|later)\s+"
                               r"(?:versie|version|dossier|kd|kwalificatiedossier|file)\b", re.IGNORECASE)
_OLDER = frozenset({"oudere", "oude", "vorige", "eerdere", "older", "old", "previous", "earlier"})
_NEWER = frozenset({"nieuwere", "nieuwe", "latere", "recentere", "newer", "new", "later"})


def relative_version(message: str, previous: Turn | None, catalogue: Catalogue) -> str:
    """A follow-up's version said relative to the previous question's ("de oudere versie" after Sociaal Werk 2020)
    as its year ("de versie van 2015", "the 2015 version"): the older or newer version of the named (or previous)
    dossier or profile nearest to that year, or its one other version. The message as it is when it names a year,
    the previous question named no version, or there is no such version."""
    found = _RELATIVE_VERSION.search(message)
    if previous is None or found is None or _YEARS_NAMED.search(message):
        return message
    old, own = find_mentions(previous.question, catalogue), find_mentions(message, catalogue).scope
    scope = own or previous.scope or old.scope
    year = old.year or (previous.constraints.version or "")[:4]
    if not scope or not year:
        return message
    years = sorted({(e.version or "")[:4] for e in catalogue.scopes.get(_fold(scope), ()) if e.version} - {year})
    which = found.group("which").lower()
    if which in _OLDER:
        years = [y for y in years if y < year][-1:]
    elif which in _NEWER:
        years = [y for y in years if y > year][:1]
    if len(years) != 1:
        return message
    english = _is_english(message)
    said = f"the {years[0]} version" if english else f"de versie van {years[0]}"
    if not own:  # "welke werkprocessen heeft de andere versie?": of the same
        said += f" of {scope}" if english else f" van {scope}"  # programme, also as a question of its own
    return message[: found.start()] + said + message[found.end():]


# "is that still the same in the 2021 version?", "is dat in 2021 hetzelfde?", "same English requirement?": the
# previous question for the version named (the answer shows whether it is the same, or that the sources lack it)
_STILL_SAME = re.compile(r"\b(?:(?:still|nog)\s+)?(?:the\s+)?(?:same|hetzelfde|zelfde)\b|\bnog\s+(?:steeds\s+)?zo\b"
                         r"|\bstill\s+so\b", re.IGNORECASE)
_SAME_FILLER = re.compile(r"\b(?:is|are|does|do|geldt|gelden|blijft|blijven|that|it|this|they|dat|dit|het|die|still|nog"
                          r"|steeds|ook|also|then|dan|zijn)\b|[,?!.]", re.IGNORECASE)


def same_in_version(message: str, previous: Turn, catalogue: Catalogue) -> str:
    """The previous question's follow-up for the version a "still the same?" message names ("and is that still the
    same in the 2021 version?" → "and in the 2021 version?"); the message itself when it names no single year,
    names another programme, compares, asks more, or follows a list or a unit (whose "the same?" compares)."""
    found = _STILL_SAME.search(message)
    if found is None or previous.listed or COMPARE_WORD.search(message) or any(
            re.search(r"\b[bp][1-9]-k\d", _fold(text)) for text in (message, previous.question)):
        return message  # a unit "the same in 2015?": its counterpart compared
    rest = " ".join(_SAME_FILLER.sub(" ", message[: found.start()] + " " + message[found.end():]).split())
    mentions = find_mentions(rest, catalogue)
    if not mentions.year or mentions.years or len(mentions.rest) > SAME_FOR_WORDS or _QUESTION_WORD.search(rest) or (
            mentions.scope and _fold(mentions.scope) != _fold(previous.scope or "")):
        return message
    held = {(e.version or "")[:4] for e in catalogue.scopes.get(_fold(previous.scope or ""), ())}
    if held and mentions.year not in held:  # "is dat in 2021 hetzelfde?" of a programme without a 2021 version
        return message
    rest = re.sub(r"^(?:and|en)\s+", "", rest, flags=re.IGNORECASE)
    again = ("and " if _is_english(message) else "en ") + rest + "?"
    return again if is_followup(again, find_mentions(again, catalogue), previous) else message


# a last sentence or clause that asks how to show the answer, which is grouped per dossier already ("Graag per dossier
# gesorteerd", "sorted by dossier please", "in een tabel graag")
_PRESENTATION_TAIL = re.compile(
    r"(?<=[.?!,])\s*(?:(?:graag|please|pls|aub|alsjeblieft)\s+)?(?:(?:per|by)\s+(?:dossier|kd|opleiding|programme|profiel"
    r"|profile|niveau|level)\s+(?:gesorteerd|geordend|gegroepeerd|sorted|ordered|grouped)"
    r"|(?:gesorteerd|geordend|gegroepeerd|sorted|ordered|grouped)\s+(?:per|by|op)\s+(?:dossier|kd|opleiding|programme"
    r"|profiel|profile|niveau|level))(?:\s+(?:graag|please|pls|aub|alsjeblieft))?\s*[.!]*\s*$", re.IGNORECASE)


def resolve(message: str, previous: Turn | None, ui: Constraints, catalogue: Catalogue) -> Resolved:
    """Make a message self-contained with the previous turn, and decide its filters.

    Args:
        message: the (cleaned, length-limited) message.
        previous: the previous turn, or None at the start.
        ui: the dropdown filter values now.
        catalogue: names, versions and kinds of the index.
    """
    if previous is not None:  # "En welke zijn niveau 4? Graag per dossier gesorteerd": how to show it, no question
        message = _PRESENTATION_TAIL.sub("", message).strip() or message
    same = (_SAME_FOR.match(message) or _SAME_DATA_FOR.match(message)) if previous is not None else None
    named = False
    if same:  # "doe hetzelfde voor de helpende", "can you do the same for X": the previous question for X
        rest = message[same.end():]
        found = find_mentions(rest, catalogue)
        before = rest[: found.scope_span[0]] if found.scope_span else ""
        if before.strip() and _WHOM.search(before) and not _QUESTION_WORD.search(before) \
                and not find_mentions(before, catalogue).any:
            rest = rest[found.scope_span[0]:]  # "voor studenten die worden opgeleid tot X": X
            found = find_mentions(rest, catalogue)
        # "hetzelfde voor mijn bgz-stagiaire (niv 3)?", not "… voor de OA, wat is het niveau?" nor another kind
        named = found.any and len(found.rest) <= SAME_FOR_WORDS and not _QUESTION_WORD.search(rest) and not (
            found.kind and previous.kind and found.kind != previous.kind)
        if named or is_followup(rest, found, previous):
            message = rest
    polite = polite_narrowing(message, catalogue) if previous is not None and not named else None
    if polite and is_followup(polite, find_mentions(polite, catalogue), previous):
        message = polite  # "could you give me only the ones from the profile part?": "only the ones from …"
    narrowing = _remark_after_narrowing(message) if previous is not None and not named else ""
    if narrowing and find_mentions(message[len(narrowing):], catalogue).scope:
        narrowing = ""  # a programme named in the remark ("…, die van de GPM heb ik nodig") is part of the request
    if narrowing and is_followup(narrowing, find_mentions(narrowing, catalogue), previous):
        message = narrowing  # "alleen die uit het profieldeel graag, de basis heb ik nu wel gezien": the narrowing
    mentions = find_mentions(message, catalogue)
    if not named and not is_followup(message, mentions, previous):
        return Resolved(message, ui, Turn(message, Constraints(), mentions.scope), followup=False)
    assert previous is not None
    remark = _remark_before_narrowing(message, catalogue)
    if remark:  # "thats a lot.. only the P3 ones": the narrowing alone is merged
        message = message[len(remark):]
        mentions = find_mentions(message, catalogue)
    question = merge_question(previous.question, mentions, catalogue, message)
    one_level = _one_level_after_comparison(message, mentions, previous)
    if one_level:  # "en niveau 4?" after "verschil tussen Kwaliteitsgericht niveau 1 en 2": that level alone
        question = one_level
    own = previous.constraints
    if mentions.level and (previous.constraints.level or find_mentions(previous.question, catalogue).level):
        own = replace(own, level=str(mentions.level))
    every = bool(mentions.years) and not mentions.scope and _EVERY_DOSSIER.search(message) is not None
    if mentions.years:  # several years: the question names them; no one version is the filter
        own = replace(own, version="", **({"dossier": "", "profile": ""} if every else {}))  # "in all dossiers of …"
    elif mentions.year:
        own = replace(own, version=version_for(mentions.year, catalogue) or own.version)
    if mentions.kind:
        own = replace(own, kind=mentions.kind)
    scope = mentions.scope or (None if every else previous.scope)
    if scope and (mentions.scope or mentions.year):
        own = replace(own, dossier=dossier_for(scope, own.version or ui.version, catalogue))
    return Resolved(question, ui.merged(own), Turn(question, own, scope), followup=True)


# --------------------------------------------------------------------------- names shown in the UI


@dataclass(frozen=True)
class DossierName:
    """One dossier as people know it, whatever the case its versions spell it in.

    Attributes:
        name: the name to show (as the newest version spells it).
        abbr: its abbreviation, if it has one.
        versions: ``(version, name as that version spells it)``, oldest first; version ``""`` when undated.
        profile_document: True for a competency profile (it holds competence levels, not kerntaken).
    """

    name: str
    abbr: str | None
    versions: tuple[tuple[str, str], ...]
    profile_document: bool = False

    def spelling(self, version: str) -> str | None:
        """The dossier name as ``version`` spells it (None when it has no such version)."""
        return next((spelled for v, spelled in self.versions if v == version), None)


def dossier_names(chunks: Iterable[Chunk]) -> tuple[DossierName, ...]:
    """The dossiers of an index, one per name folded for case and white space, sorted by name.

    "Sociaal Werk" (2020) and "Sociaal werk" (2015) are one dossier with two versions.
    """
    found: dict[str, dict] = {}
    for c in chunks:
        if not c.dossier:
            continue
        entry = found.setdefault(_fold(c.dossier), {"abbr": None, "versions": {}, "profile": False})
        entry["abbr"] = entry["abbr"] or c.dossier_abbr
        entry["versions"].setdefault(c.version or "", c.dossier)
        entry["profile"] = entry["profile"] or c.kind == "competentieniveau"
    names = []
    for entry in found.values():
        versions = tuple(sorted(entry["versions"].items()))
        names.append(DossierName(versions[-1][1], entry["abbr"], versions, entry["profile"]))
    return tuple(sorted(names, key=lambda d: d.name.lower()))


def abbreviations(chunks: Iterable[Chunk]) -> tuple[tuple[str, str], ...]:
    """``(abbreviation, what it stands for)`` for every dossier and profile abbreviation in an index, sorted."""
    chunks = tuple(chunks)
    found: dict[str, str] = {}
    for dossier in dossier_names(chunks):
        if dossier.abbr and dossier.abbr.lower() != dossier.name.lower():
            meaning = f"competentieprofiel {dossier.name}" if dossier.profile_document else dossier.name
            found.setdefault(dossier.abbr, meaning)
    for c in chunks:
        if c.profile and c.profile_abbr and c.profile_abbr.lower() != c.profile.lower():
            found.setdefault(c.profile_abbr, f"profiel {c.profile}")
    return tuple(sorted(found.items()))


def choice_value(text: str | None, choices: Iterable[tuple[str, str]]) -> str:
    """The value of a dropdown choice given its value or its label, so that ``/ask`` takes what the UI shows.

    A label matches in full ("Onderwijsassistent (OA) · 2021") or without its ``· versions`` tail
    ("Onderwijsassistent (OA)"), ignoring case and runs of white space. Text that matches no choice is
    returned stripped, for the filter check to judge.
    """
    wanted = _fold(text or "")
    if not wanted:
        return ""
    choices = tuple(choices)
    for _label, value in choices:
        if _fold(value) == wanted:
            return value
    for label, value in choices:
        if wanted in (_fold(label), _fold(label.split(" · ")[0])):
            return value
    return (text or "").strip()


# --------------------------------------------------------------------------- references to the previous answer

# the units just listed, named with a preposition ("bij die werkprocessen", "in those work processes")
THOSE_UNITS = r"(?:bij|in|voor|uit|at|for|from)\s+(?:die|deze|those|these)\s+(?:werk ?processen|work ?processes|wp'?s)"
_ORDINALS = {"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "vijfde": 5, "laatste": -1,
             "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": -1}
REFERENCE_PATTERNS: tuple[tuple[str, str], ...] = (
    ("pair", r"\b(?:die|deze|de)\s+twee(?:\s+(?:opleidingen|profielen|kwalificaties|versies|dossiers|kd'?s))?\b"
             r"|\b(?:those|these|the)\s+two(?:\s+(?:programmes|programs|profiles|qualifications|versions|dossiers"
             r"|files))?\b"
             r"|\b(?:beide(?:n)?|both)\b(?!\s+(?:(?:in|van|de|het|the)\s+){0,2}(?:jaren|jaargangen|versies|dossiers"
             r"|kwalificatiedossiers|kd'?s|years|versions|files|qualification files|20\d\d))"),
    ("ordinal", r"\b(?:de|het|the|die|deze|that|this)\s+"
                r"(eerste|tweede|derde|vierde|vijfde|laatste|first|second|third|fourth|fifth|last)"
                r"(?:\s+(?:one|daarvan|ervan|uit de lijst))?\b(?!\s+(?:niveau|level|versie|version|keer|time"
                r"|\w*jaar|jaren|year|week|weken|weeks|dag|dagen|days?|maand|maanden|months?|periode|period|blok|semester"
                r"|term)\b)"
                r"|\b(?:nummer|number|nr\.?)\s*([1-9])\b"
                # "de 2e", "the 3rd one": the number written with its ending
                r"|\b(?:de|het|the|die|deze|that|this)\s+([1-9])(?:e|de|ste|st|nd|rd|th)\b(?:\s+(?:one|daarvan|ervan))?"
                r"(?=\s*(?:[,?.!:]|$|(?:werk ?proces\w*|work ?process\w*|kerntaak|core task|profiel|profile|unit)\b))"),
    ("scope", r"\b(?:welke|which|wat|what)\s+(?:daarvan|ervan|of\s+(?:those|these|them))\b|\bdaarvan\b"
              r"|\bwelke\s+van\s+(?:die|deze)\b"
              r"|\b(?:die|deze|dat|dit|that|this)\s+(?:opleiding|kwalificatie|programm?a?e?|qualification|profiel"
              r"|profile|course|role|rol|beroep|job|occupation|functie)\b"
              r"|\b(?:of|from|among|to|under)\s+(?:those|these)\b|\b(?:of|from|among)\s+them\b"
              r"|\b(?:in|within)\s+(?:those|these)\s*(?:[?.!]|$)"
              # "Which ones from this list …?", "welke uit deze lijst …?"
              r"|\b(?:of|from|in|on|uit|van|in|op)\s+(?:this|that|the|deze|die|de)\s+(?:list|lijst|overview|overzicht)\b"
              rf"|\b{THOSE_UNITS}\b"  # "bij die werkprocessen": the units listed
              r"|\bdaaronder\b|\bdaartussen\b|\bdaar\b(?=\s+(?:ook\s+)?(?:iets|een|eentje|wat)\s+tussen\b)"
              # "en bij welke moet ik … laten zien?" after a list: "welke" stands alone, for the units listed
              r"|(?:(?<=\bbij )|(?<=\bin )|(?<=\bvoor )|(?<=\bmet )|(?<=\bat )|(?<=\bfor )|(?<=\bwith ))"
              r"(?:welke|which)\b"
              r"(?=\s+(?:moet|kan|mag|hoort|horen|past|passen|zit|zitten|komt|laat|should|can|must|do|does)\b)"
              r"|\b(?:alleen|only|just)\s+(?:die|diegene|degene|the ones|those"
              r"|(?:de|the)\s+(?:werkprocessen|work processes))(?=\s+(?:\w+\s+)?(?:waar\w*|where|in which|that"
              r"|about|over)\b)"),
    ("topic", r"\b(?:daar|hier|er)(?:bij|in|over|aan|mee|voor|door)\b|\bthat one\b|\bthis one\b"
              r"|\b(?:kan ik|laat ik|doe ik|leer ik|oefen ik|is|zijn|over|bij|met|voor|hoort|horen|past|passen)"
              r"\s+(?:dat|dit|die)\b"
              r"|\b(?:heeft|hebben)\s+(?:dat|dit|die)\b(?=\s*[?.!]*\s*$)"
              # "waar komt dat voor?", "in welke wp zie je dat terug?"
              r"|\b(?:komt|komen|zie\s+je|zie\s+ik|vind\s+je|vind\s+ik)\s+(?:dat|dit)\b"
              r"(?=\s+(?:ook\s+|nog\s+|dan\s+|allemaal\s+|ergens\s+)?(?:voor|terug|aan\s+bod)\b)"
              r"|\b(?:dat|dit)\b(?=\s+(?:(?:laten|laat)\s+zien|tonen|toont)\b)"  # "kan een student dat laten zien"
              r"|\b(?:show|demonstrate|do|practi[sc]e|about|for|with|of|to|does|is|are)\s+(?:this|that|it|them)\b"
              r"|\b(?:it|this|that)\s+(?:is|has)\s*(?=[,?.!]|$)"  # "what level it is, mbo 3 or mbo 4?"
              r"|\b(?:die|deze|dat|dit|that|this)\s+(?:kerntaak|werkproces|core task|work process|unit"
              r"|competentie|competence|competency)\b|\bits\b"
              r"|\b(?:verschilt|verschillen|verandert|veranderde|differs?|changed?|vergelijk\w*|compare)"
              r"\s+(?:dat|dit|die|deze|it|this|that)\b"),
    ("version", r"\b(?:de|het|die|deze|the|that|this)(?=\s+20\d\d(?:\s*-?\s*versie|\s+(?:version|one)\b)"
                r"|\s+(?:versie|version)\s+(?:uit|van|of|from)\s+20\d\d\b)"),
)
_DEMONSTRATIVE = ("die", "deze", "dat", "dit", "that", "this")
_PREPOSITION = {f"{lead}{tail}": word for lead in ("daar", "hier", "er")  # "daarbij", "erbij", "hierover" …
                for tail, word in (("bij", "bij"), ("in", "in"), ("over", "over"), ("aan", "aan"), ("mee", "met"),
                                   ("voor", "voor"), ("door", "door"))}


@dataclass(frozen=True)
class Reference:
    """A word of a message that points back: its kind (``pair``, ``ordinal``, ``scope``, ``version``, ``topic``)
    and span. ``version`` is the article of "de 2021-versie", "the 2015 one": the previous topic in that year."""

    kind: str
    text: str
    span: tuple[int, int]
    number: int | None = None


# "and what is the level of each?", "welk niveau heeft elk?", "welke werkprocessen heeft elk?": a fact or the units of
# each programme just listed (the programme named again, not a narrowing of the list)
_EACH = re.compile(r"\b(?:each|elk|elke|ieder|iedere)\b(?=\s*[?.!]*\s*$|\s+(?:have|has|one|heeft|hebben)\b)",
                   re.IGNORECASE)
_THEM = re.compile(r"\b(?:ze|zij|they|them|die|deze|those|these)\b", re.IGNORECASE)
_ALL_OF_THEM = re.compile(r"\b(?:allebei|alle\s+drie|all\s+three)\b(?=\s*[?.!]*\s*$)", re.IGNORECASE)
_KIND_OF_EACH = re.compile(r"\b(?:werk ?process\w*|work ?process\w*|wp'?s|kern ?taa?k\w*|core tasks?|"
                           r"(?:profiel|basis)kerntaa?k\w*)\b", re.IGNORECASE)  # "welke werkprocessen heeft elk?"
_FACT_OF_EACH = re.compile(r"\b(?:levels?|niveaus?|sbu|crebo\w*|study\s+(?:load|hours)|studiebelasting\w*)\b",
                           re.IGNORECASE)


def find_reference(message: str) -> Reference | None:
    """The first word of ``message`` that refers to the previous question or answer, if any."""
    for kind, pattern in REFERENCE_PATTERNS:
        match = re.search(pattern, message, re.IGNORECASE)
        if match is None:
            continue
        number = None
        if kind == "ordinal":
            word = (match.group(1) or "").lower()
            number = _ORDINALS.get(word) if word else int(match.group(2) or match.group(3))
        return Reference(kind, match.group(0), match.span(), number)
    each = _EACH.search(message) if _FACT_OF_EACH.search(message) or _KIND_OF_EACH.search(message) else None
    each = each or (_ALL_OF_THEM.search(message) if _FACT_OF_EACH.search(message) and _THEM.search(message)
                    else None)  # "welk niveau hebben ze allebei?"; not a theme's "het niveau van de leerling en de
    # groep allebei"
    return Reference("scope", each.group(0), each.span()) if each else None


UNIT_CODE_BODY = r"[bp][1-9]-k[0-9]+(?:-w[0-9]+)?"  # a kerntaak or werkproces code as typed ("B1-K2", "p3-k1-w3")
UNIT_CODE = re.compile(rf"\b{UNIT_CODE_BODY}\b", re.IGNORECASE)


def referent(reference: Reference, previous: Turn, message: str = "") -> str | None:
    """What a reference stands for in the previous turn (None when the turn holds nothing to point at). In a
    ``message`` that names a unit code itself, "die twee" are the two programmes ("verschil in B1-K2 tussen die
    twee?" after the core tasks of SW 2015, then of 2020)."""
    if reference.kind == "pair":
        pair = previous.history[-2:] if len(set(previous.history[-2:])) == 2 else previous.subjects[:2]
        named = list({s.lower(): s for s in previous.scopes}.values())[-2:]
        programmes = re.search(r"\s(?:opleid|kwalific|program|qualific|profie|profil)", reference.text.lower()) \
            or UNIT_CODE.search(message)
        if (programmes or previous.listed) and len(named) == 2:
            pair = named  # "die twee opleidingen" after "… begeleider gehandicaptenzorg?", "en voor thuisbegeleider?";
            # "vergelijk die twee" after the lists of two programmes
        elif programmes and len(previous.profiles) >= 2:
            pair = list(previous.profiles[:2])  # "compare those two profiles" after an answer citing two profiles
        if len(pair) < 2:
            return None
        years = {m.group(1) for m in _VERSION.finditer(previous.question)} - {
            m.group(1) for p in pair for m in _VERSION.finditer(p)}
        year = f" {years.pop()}" if pair == named and len(years) == 1 else ""  # "… (dossier PW, 2015)", then
        return f"{pair[0]} en {pair[1]}{year}"  # "het verschil tussen die twee?": the two in that year
    if reference.kind == "ordinal":
        n = reference.number or 1
        if not previous.subjects or n > len(previous.subjects):
            return None
        return previous.subjects[n - 1] if n > 0 else previous.subjects[-1]
    if reference.kind == "scope":
        if not previous.scope:  # "wat is het crebo van elk?" after a list of no one programme: nothing to name
            return None if _EACH.fullmatch(reference.text) else (previous.topic or None)
        years = [y for y in dict.fromkeys(m.group(1) for m in _VERSION.finditer(previous.question))
                 if y not in previous.scope]
        return " ".join([previous.scope, *years])
    return previous.topic or (previous.subjects[0] if previous.subjects else None)


def repeated_ordinal(message: str, reference: Reference, previous: Turn) -> str | None:
    """"en de tweede?" after "welke werkprocessen horen bij de eerste?": the earlier message asked again for the
    next item of the same list, else None (the message says more than the number, or nothing came before)."""
    if reference.kind != "ordinal" or not previous.asked or not previous.pointed:
        return None
    rest = [w for w in _WORD.findall(message[: reference.span[0]] + " " + message[reference.span[1]:])
            if w.lower() not in FILLER]
    earlier = find_reference(previous.asked)
    n = reference.number or 1
    if rest or earlier is None or earlier.kind != "ordinal" or n > len(previous.pointed):
        return None
    target = previous.pointed[n - 1] if n > 0 else previous.pointed[-1]
    return replace_reference(previous.asked, earlier, target)


SET_AGAINST = (r"\b(?:zet|zetten)\s+(?!zich\b)[^?.!]{0,40}?\baf\s+tegen\b"  # "zet die gegevens af tegen X"
               r"|\bvgl\.?(?!\w)"  # "sbu van HZW vgl met thuisbegeleider": the shorthand of *vergelijk*
               r"|\b20\d\d\s+(?:tegen|tegenover|against)\s+20\d\d\b")  # "ook 2015 tegen 2021": two versions
# a follow-up that sets the previous programme beside another ("Zet dat eens naast de BSD", "put it next to the OA"),
# not a separable verb before *naast* ("zet de PMK in naast een leerkracht")
SET_BESIDE_PREVIOUS = (r"\b(?:zet|zetten|leg|leggen)\s+(?!zich\b)(?:(?!\b(?:in|uit|neer)\s+naast\b)[^?.!]){0,40}?"
                       r"\bnaast\b|\b(?:put|set|place)\s+[^?.!]{0,40}?\bnext\s+to\b")
COMPARE_WORD = re.compile(r"\bverschil\w*|\bdiffer\w*|\bcompar\w*|\bvergelijk(?!baars\b)\w*|\banders\b|\bonderscheid\w*"
                          r"|\bverhoud(?:t|en)\s+(?:zich|dat|dit|het|ze)\b"
                          + "|" + SET_AGAINST + "|" + SET_BESIDE_PREVIOUS,
                          re.IGNORECASE)
# what changed, asked of the thing just asked ("wat is er anders in 2021?", "what changed in 2015?"), not another
# question with a comparing word ("welke profielen verschillen in 2021?", "which different dossiers are there?")
_CHANGE_ASKED = re.compile(r"\bwat\s+is\s+(?:er\s+)?(?:dan\s+)?(?:anders|veranderd|gewijzigd)\b"
                           r"|\bwat\s+(?:verandert|veranderde|wijzigt)\b|\bwhat(?:'s|\s+is)\s+(?:different|changed)\b"
                           r"|\bwhat\s+(?:has\s+)?changed\b|\bhoe\s+verschilt\s+(?:dat|dit|het)\b"
                           r"|\bhow\s+(?:does|did)\s+(?:that|this|it)\s+(?:differ|change)\b"
                           r"|\b(?:het\s+)?verschil\s+met\b|\b(?:the\s+)?difference\s+(?:with|from)\b",
                           re.IGNORECASE)
_BARE_PAIR = re.compile(r"\b([1-4])\s*(?:en|and|&|vs\.?|versus|tot|to|-)\s*([1-4])\b")
_ONE_LEVEL = re.compile(rf"\b{ONE_LEVEL_WORD}\s*([1-4])\b", re.IGNORECASE)
_LEVEL_NAMED = re.compile(rf"^(.*?)\s*\b{ONE_LEVEL_WORD}\s*[1-4]\b", re.IGNORECASE)


def compared_levels(message: str, previous: Turn) -> str | None:
    """"wat is dan het verschil tussen 2 en 3?" after a question about one level of a competence ("Coachen
    niveau 1"): the two numbers are levels of that competence ("… tussen niveau 2 en niveau 3 (Coachen)"); "en
    het verschil met niveau 3?" compares the level asked before with that one. None otherwise."""
    named = _LEVEL_NAMED.match(previous.topic or "")
    if named is None or not named.group(1):
        return None
    word = "level" if _is_english(message) else "niveau"
    joined = "and" if word == "level" else "en"
    pair = _BARE_PAIR.search(message)
    if pair is not None and not re.search(rf"\b{ONE_LEVEL_WORD}", message, re.I):
        levels = f"{word} {pair.group(1)} {joined} {word} {pair.group(2)}"
        return f"{message[:pair.start()]}{levels}{message[pair.end():].rstrip(' ?')} ({named.group(1)})"
    one = list(_ONE_LEVEL.finditer(message))
    before = _ONE_LEVEL.search(previous.topic)
    if len(one) == 2 and one[0].group(1) != one[1].group(1) and COMPARE_WORD.search(message):
        # "Waarin onderscheidt niveau 4 zich precies van dat niveau 3?" after "… niveau 3" of a competence: those two
        levels = f"{word} {one[0].group(1)} {joined} {word} {one[1].group(1)}"
        lead = "difference between" if word == "level" else "verschil tussen"
        return f"{lead} {levels} ({named.group(1)})"
    if len(one) == 1 and before and COMPARE_WORD.search(message) and one[0].group(1) != before.group(1):
        # "en wat is het verschil met niveau 3?" after "klantgerichtheid nivo 2": the two levels
        levels = f"{word} {before.group(1)} {joined} {word} {one[0].group(1)}"
        lead = "difference between" if word == "level" else "verschil tussen"
        return f"{lead} {levels} ({named.group(1)})"
    return None


_BEYOND_SCALE = re.compile(rf"^\s*(?:(?:en|and|maar|but|ok[eé]?|okay)\s*,?\s*)?"
                           rf"(?:(?:wat is|what is|what about|how about|hoe zit het met|what does|wat zegt"
                           rf"|wat staat er (?:bij|op))\s+)?{ONE_LEVEL_WORD}"
                           r"\s*([5-9])(?:\s+(?:say|says|look\s+like|mean|contain|zeggen|inhouden))?"
                           r"\s*[?.!]*\s*$", re.IGNORECASE)  # "and what does level 5 say?"


def level_beyond_scale(message: str, previous: Turn) -> str | None:
    """"en niveau 5?" after a question about one level of a competence ("Klantgerichtheid niveau 3"): that
    competence at the level asked, so the reply can say the scale has no such level. None otherwise."""
    named = _LEVEL_NAMED.match(previous.topic or "")
    asked = _BEYOND_SCALE.match(message)
    topic = named.group(1) if named is not None and named.group(1) else (
        previous.topic if previous.topic and (_ONE_LEVEL.search(previous.question) or _BARE_PAIR.search(
            previous.question)) else None)  # after two levels
    if not topic or asked is None:  # compared ("Plannen en organiseren: … between level 1 and level 4?")
        return None
    return f"{topic} {'level' if _is_english(message) else 'niveau'} {asked.group(1)}"


PROGRAMME_WORD = (r"\b(?:opleiding|kwalificatie|programm?a?e?|qualification|profiel|profile|course|role|rol|beroep|job"
                  r"|occupation|functie)\b")
_PROGRAMME = re.compile(PROGRAMME_WORD)


def names_programme(reference: Reference) -> bool:
    """"die opleiding", "that profile": the reference names the previous scope itself, not the units listed."""
    return reference.kind == "scope" and (_PROGRAMME.search(reference.text.lower()) is not None
                                          or _EACH.fullmatch(reference.text) is not None)  # "… heeft elk?"


def replace_reference(message: str, reference: Reference, target: str, kind_word: str = "") -> str:
    """The message with the reference replaced by what it stands for ("horen daarbij" → "horen bij X").

    ``kind_word`` ("werkprocessen") is put before a scope reference: "welke daarvan" → "welke werkprocessen
    van X".
    """
    word = reference.text.lower()
    english = _is_english(message)
    if reference.kind == "topic":
        if word in _PREPOSITION:
            new = f"{_PREPOSITION[word]} {target}"
        elif word in ("that one", "this one") or (len(word.split()) == 2 and word.split()[0] in _DEMONSTRATIVE):
            new = target
        elif word == "its":
            new = f"{target}'s"
        else:  # "kan ik dat" → "kan ik X"
            new = f"{reference.text.rsplit(' ', 1)[0]} {target}"
    elif reference.kind == "scope" and _PROGRAMME.search(word):
        new = target  # "op welk niveau zit die opleiding?" → "op welk niveau zit Thuisbegeleider (MZ 2015)?"
    elif reference.kind == "scope":
        first = reference.text.split()[0]
        lead = first if first.lower() in ("welke", "which", "wat", "what") else ""
        kinds = f"{kind_word} " if kind_word else ""
        new = f"{lead} {kinds}{'of' if english else 'van'} {target}".strip() if target else f"{lead} {kinds}".strip()
    else:
        new = target
    start, end = reference.span
    return message[:start] + new + message[end:]


def _is_english(text: str) -> bool:
    return language(text) == "en"
