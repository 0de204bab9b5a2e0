"""Question types: what a chat question asks for, read from its wording and the index's names.

:func:`route` turns a (self-contained) question into an :class:`Intent`:

* ``list`` — every matching unit in a scope. Two modes: ``tree`` ("welke werkprocessen heeft de
  thuisbegeleider?", "which core tasks does Sociaal Werk 2020 have?": the units of the named dossier or
  profile) and ``where`` ("waar komt multidisciplinair overleg voor?", "welke werkprocessen gaan over
  kwaliteitszorg?": a theme across the scope);
* ``compare`` — two levels, two versions or two profiles ("verschil tussen niveau 2 en 3 bij
  klantgerichtheid", "OA 2015 vs 2021");
* ``competence`` — the werkprocessen where a competence shows ("hoe laat ik klantgerichtheid zien op
  stage?");
* ``lookup`` — everything else: the ranked answer (``not_found`` is decided when answering, from the
  evidence; see :mod:`assistant.replies`).

The cues are small word patterns of the two languages (:data:`CUES`), not question-specific rules;
names, versions and competences come from the index. :func:`read_as` writes the "gelezen als: …" line.
"""

from __future__ import annotations

import difflib
import itertools
import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from assistant.conversation import (
    NEWEST,
    OLDEST,
    PART_CODE,
    PROGRAMME_WORD,
    SET_AGAINST,
    WITHOUT_ADDITIONS,
    Catalogue,
    ScopeEntry,
    crebo_numbers,
    crebo_scopes,
    find_reference,
    has_extract_version,
)
from assistant.curriculum import asks_change
from assistant.language import QUOTED, english_word, language
from assistant.lexical import STOPWORDS, tokenize
from assistant.names import fold
from assistant.query import LEVEL_WORD, Vocabulary, find_level

LOOKUP = "lookup"
LIST = "list"
COMPARE = "compare"
COMPETENCE = "competence"
NOT_FOUND = "not_found"
TYPES = (LOOKUP, LIST, COMPARE, COMPETENCE, NOT_FOUND)

TREE = "tree"
WHERE = "where"

# "is er iets over X te vinden?", "is there anything on X?", "does S&B say anything about X?", "waar gaat het
# in MZ over X?": whether (and where) the sources hold a theme ("wat zegt het KD over X?" asks what it says, as "what
# does the KD say about X?"); not a lead-in before a colon and its question ("Nog iets over het competentieprofiel:
# wat is …?", "Something about X: which …?")
_LEAD_IN = (r"(?![^?.!:]*:\s*(?:wat|welke?|hoe|waar|wie|wanneer|what|which|how|where|who|when)\b)")
ANYTHING_ON = (r"\b(?:iets|wat(?!\s+(?:zegt|zeggen|vertelt|vertellen|schrijft|schrijven)\b))\s+(?:\w+\s+){0,5}?"
               r"(?:over|rond|omtrent|met betrekking tot)\s+\w" + _LEAD_IN
               + r"|\b(?:anything|something|everything)\s+(?:\w+\s+){0,6}?(?:on|about|regarding|concerning|with)\s+\w"
               + _LEAD_IN + r"|\bwaar\s+(?:gaat|gaan)\s+het\b.*\bover\s+\(?\w")  # "over (maatschappelijke) …"
COMES_BACK = (r"\bkom(?:t|en)\b.*\bterug\b|\bterugkom\w*\b"  # "in welke werkprocessen komt hygiëne terug?", "waar zie
              r"|\bzie(?:t|n)?\b[^?.!]*\bterug\b|\bterug\s*(?:te\s+)?zien\b"  # je dat terug?", "where does X come
              r"|\bcom(?:e|es|ing)\s+back\b|\bturn(?:s|ed|ing)?\s+up\b"  # back?", "where does X turn up?"
              r"|\bcom(?:e|es)\s+(?:that|it|this|they|those)\s+back\b")  # "In which … comes that back?" (Dutch order)
# other ways to ask what a unit is about, matched around the theme, never on it: "speelt X een rol", "komt X kijken",
# "wordt aandacht besteed aan X", "gericht op X", "draait het om X", "raken aan X", "hebben iets met X", "leer je iets
# over X", "does X play a role"
PLAYS_A_ROLE = (r"\b(?:speelt|spelen)\b(?=[^?.!]*\brol\b)|\bkom(?:t|en)\b(?=[^?.!]*\bkijken\b)"
                r"|\b(?:(?:wordt|worden)\s+)?aandacht\s+(?:\w+\s+)?(?:besteed|besteedt|besteden|geschonken)\s+aan\b"
                r"|\b(?:gericht|richten\s+zich|richt\s+zich)\s+op\b|\bdraai(?:t|en)\s+(?:het\s+)?(?:\w+\s+)?om\b"
                r"|\bra(?:ken|akt)\s+aan\b|\biets\s+met\b"
                r"|\bleer(?:t|en)?\s+(?:je|jij|ik|we|ze|u|studenten|leerlingen)\s+(?:iets\s+)?over\b"
                r"|\bplays?\s+an?\s+(?:\w+\s+)?role\b")
# the ends of two of them, taken off only beside their verb ("… speelt X een rol?", "… komt X kijken?"): "een rol" and
# "kijken" alone may be the theme ("gaan over kijken?")
A_ROLE_PLAYED = r"\been\s+(?:belangrijke\s+|grote\s+)?rol\s+(?:speelt|spelen)\b"
ROLE_TAILS = ((r"\b(?:speelt|spelen)\b[^?.!]*\brol\b", r"\been\s+(?:belangrijke\s+|grote\s+)?rol\b(?=\s*(?:[?.!]|$))"),
              (A_ROLE_PLAYED, A_ROLE_PLAYED),  # "… waarbij X een rol speelt": the whole phrase
              (r"\bkom(?:t|en)\b[^?.!]*\bkijken\b", r"\bkijken\b(?=\s*(?:[?.!]|$))"))
# whether any unit or programme holds something ("Do any of the work processes say …?", "zijn er werkprocessen
# waarin …", "… in any of these programmes?"): a yes-or-no question answered by the list of those that do
ANY_UNITS = (r"\b(?:do|does|did|are|is|would|will)\s+(?:there\s+)?any\s+(?:of\s+(?:the|these|those)\s+)?"
             r"(?:werk ?process\w*|work ?process\w*|programmes?|programs?|profiles?|jobs?)\b"
             r"|\bin\s+any\s+of\s+(?:these|those|the)\s+(?:programmes|programs|profiles|work ?processes)\b"
             r"|\b(?:zijn|staan)\s+er\s+(?:ook\s+)?werkprocessen\b|\bis\s+er\s+(?:ook\s+)?een\s+werkproces\b")

# who is asking ("ik ben curriculumontwerper en …", "I'm a teacher"): the role is no part of the theme
ASKER = r"\b(?:ik ben|i am|i'm|im|ik werk als|i work as)\s+(?:een\s+|a\s+|an\s+)?[^\W\d_][\w-]*"

# the one who does the units asked for, right after "welke werkprocessen kan/mag/moet" ("welke werkprocessen kan een
# stagiair … oefenen?", "which work processes can an intern …"): the doer, no theme of the units; not after "in welke"
# ("in welke werkprocessen kan een mantelzorger in beeld komen?" is about the mantelzorger)
DOER = (r"(?<!\bin )\b(?:welke|which)\s+(?:werk ?process\w*|work ?process\w*|wp'?s?|taken|tasks)\s+(?:kan|kunnen|mag"
        r"|mogen|moet|moeten|can|may|must|should)\s+(?:(?:een|de|onze|mijn|jouw|a|an|the|our|my|your)\s+-?[^\W\d_]+"
        # "je" as "your" before a person ("moet je stagiair …"), not the subject ("moet je toezicht houden?")
        r"|je\s+(?:stagiair|student|leerling|deelnemer|cursist|trainee|collega|medewerker)\w*)"
        # "mijn BGZ-stagiair": the name read as the scope leaves "-stagiair" (not "een VVE-medewerker": VVE stays)
        # the same in a Dutch clause, the verb last: "… weten welke werkprocessen de stagiaire allemaal moet beheersen"
        r"|(?<!\bin )\bwelke\s+(?:werk ?process\w*|wp'?s?|taken)\s+(?:een|de|onze|mijn|jouw|je|zijn|haar)\s+"
        r"(?:stagiair\w*|student\w*|leerling\w*|deelnemer\w*|cursist\w*|trainee\w*|collega\w*|medewerker\w*)"
        r"(?=\s[^?.!]{0,60}?\b(?:moet|moeten|kan|kunnen|mag|mogen)\b)")  # a person, not "de hygiëne"
# a request to be told what follows ("kunt u mij aangeven in welke …", "kun je me vertellen welke …", "could you tell
# me which …"): its verb is no topic word (*grenzen aangeven* elsewhere is)
REQUEST = (r"\b(?:kun|kunt|kan|zou|zoudt|wil|wilt|can|could|would|will)\s+(?:je|jij|u|you)\s+(?:(?:mij|me|ons|us)\s+)?"
           r"(?:(?:even|misschien|eens|please|kindly)\s+)?(?:aangeven|vertellen|laten\s+weten|uitleggen|zeggen|tell"
           r"|indicate|let\s+(?:me|us)\s+know|explain)\b")

# the asker's own material compared with what is asked ("ik wil dat vergelijken met ons leerplan", "to compare with
# our curriculum"): a reason for asking, not a comparison the sources can answer
OWN_COMPARED = (r"\b(?:vergelijk\w*|vergeleken|compar\w*)\b[^.?!]{0,30}?\b(?:met|with|to|against)\s+"
                r"(?:ons|onze|mijn|m'n|our|my)\b[^.?!]*")


def _without_own_material(folded: str, scope_terms: list[str]) -> str:
    """The question without a comparison with the asker's own material (:data:`OWN_COMPARED`), unless that names
    a programme of the sources ("compare the OA with our current PMK programme")."""
    def own(match: re.Match[str]) -> str:
        return match.group(0) if any(fold(t) in match.group(0) for t in scope_terms) else " "

    return re.sub(OWN_COMPARED, own, folded)


# Word patterns (on the folded question) that mark a question type; Dutch and English.
ASSESS = r"assess\w*|beoordee?l\w*"  # the verbs of assessing: a competence cue before a name, never a topic word
# "waar", "where" asking where something occurs; not where the asker goes next ("waar kan ik daarna naar doorstromen?",
# "where can I go after …?"), nor "waar gaat het over" (what it is about)
# "op welke plekken in de dossiers …", "at which places …": where, said with a noun
AT_WHICH_PLACES = (r"\b(?:op|in|at|on)\s+(?:welke|which|what)\s+(?:plekken|plek|plaatsen|places|spots|points)\b"
                   r"(?=[^?]*\b(?:dossiers?|kd'?s?|kwalificatiedossiers?|files?|benoemd|genoemd|vermeld|staat|staan"
                   r"|mentioned|named|stated)\b)")  # in the sources, not where one works
WHERE_WORD = (r"\bwaar\b(?!\s+(?:gaat|staat het)\b)(?![^?.!]*\b(?:heen|naartoe|naar\s+toe|doorstrom\w*|doorgroei\w*"
              r"|overstappen)\b)"
              r"|\b(?:where|whereabouts)\b(?!\s+(?:can|could|do|does|should|will|would|may)\s+(?:i|you|we|one|they|he"
              r"|she|students?)\s+(?:then\s+|next\s+)?(?:go|continue|progress|move\s+on)\b)")  # "whereabouts": where
# what the units ask for ("welke werkprocessen van de GPM vragen om rapporteren?", "which … require reporting?"): a
# theme's cue, no word of the theme
ASKS_FOR = r"\b(?:vragen|vraagt)\s+om\b|\bvereis\w*\b|\brequir(?:e|es|ing)\b|\b(?:call|calls|ask|asks)\s+for\b"
CUES: dict[str, str] = {
    "compare": r"\bverschil(?:len|t)?\b|\bvergelijk(?!baars\b)\w*\b|\bvergeleken\s+met\b|\bversus\b|\bvs\.?(?!\w)"
               r"|\bt\.?o\.?v\.?(?!\w)|\bdiffer\w*\b"
               r"|\bcompar\w*\b|\bcontrast\w*\b|\bchanged\b|\bveranderd\b"
               r"|\bwat\s+is\s+er\s+(?:nu\s+|dan\s+|precies\s+|eigenlijk\s+)?anders\b|\bdiff\b|\bdistinguish\w*\s+(?:[\w-]+\s+){1,6}?from\b"
               r"|\bwat\s+onderscheidt\s+(?:[\w-]+\s+){1,6}?van\s+(?:de|het|een|niveau|die|dat)\b"
               r"|\bwaarin\s+onderscheidt\s+(?:[\w-]+\s+){1,6}?van\s+(?:de|het|een|die|dat)\b"  # not "… van niveau 3"
               r"|\btwijfel\w*\s+tussen\b|\bkiezen\s+tussen\b|\b(?:choos\w*|deciding|decide|torn)\s+between\b"
               r"|\bwat\s+(?:doe|doet|doen)\s+(?:je|jij|ik|hij|zij|ze|we|wij)\s+anders\b|\bhoe\s+(?:is|zijn)\b[^?]*\banders\b"
               r"|\banders\s+dan\b"
               r"|" + SET_AGAINST + r"|\bset\s+(?:[\w-]+\s+){0,3}?against\b"
               r"|\bchanges\b.*\bfrom\b|\bverandert\b.*\bvan\b|\bchange\b.*\b(?:from|between|since)\b"
               r"|\bhow\s+(?:did|has|have)\b[^?]*\bchange\b[^?]*\b20\d\d\b"
               r"|\bhow\s+(?:did|have|has)\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,3}?change\b"  # "… and how did
               # the titles change?"
               r"|\bnaast elkaar\b|\bside by side\b|\bthe same\b|\bsame thing\b|\bhetzelfde\b|\bdezelfde\b"
               r"|\b(?:is|zijn|blijft|blijven|bleef|bleven)\b[^?.!]{0,90}?\bgelijk\s+(?:aan|gebleven)\b"
               r"|\bcounterparts?\b"
               # one quoted title set against another ("'Werkt aan de eigen deskundigheid' uit 2015 tegenover …")
               r"|['\"‘“][^'\"’”]{3,}['\"’”][^'\"‘“?]{0,25}?\b(?:tegenover|against|as\s+opposed\s+to)\s+['\"‘“]"
               # what it is called there ("hoe heet dat in 2021 bij PMK?")
               r"|\bhoe\s+heet\w*\b[^?.!]{0,60}?\b(?:in|bij)\s+(?:de\s+|het\s+)?(?:versie\s+van\s+)?20\d\d\b"
               r"|\bcalled\s+(?:[\w-]+\s+){0,3}?in\s+(?:the\s+)?20\d\d\b"
               r"|\btegenhangers?\b|\bhow\b[^?]*\brelates?\b|\bverhoudt\b|\bverhouden\b|\bequivalents?\b|\bovereen\b|\bidentie?k\w*\b|\bidentical\b",
    "list": r"\bwelke\b|\bwelk\b|\bwhich\b|\bwhat are\b|\bwat zijn\b|\blist\b|\blijst\b|\bnoem\b|\balle\b"
            r"|(?<!\bik )(?<!\bwe )(?<!\bwij )\bgeef\b"  # not "ik geef burgerschap" (I teach it)
            r"|\ball\b|\boverzicht\b|\boverview\b|\bhoeveel\b|\bhow many\b|\bshow\b|\btoon\b"
            r"|\bwhat\s+(?:kinds?\s+of\s+)?(?:profiles|qualifications|work ?processes|core tasks)\b"
            + r"|" + ANY_UNITS,
    "where": WHERE_WORD + r"|\bin welke\b|\bin which\b|\bgaan over\b|\bgaat over\b|" + AT_WHICH_PLACES +
             r"|\b(?:is|are) about\b|\bdeal with\b|\bover\b|\bmet betrekking tot\b|\babout\b|\bwaarin\b|\bmention\w*\b"
             r"|\bvoorkom\w*\b|\bkomt\b.*\bvoor\b|\boccurs?\b|\bappears?\b|\bergens\b|\banywhere\b"
             r"|\bmet\b(?=[^?.!]*\bte maken\b)|\b(?:has|have|had) to do with\b"  # "… hebben met voeding te maken?"
             + r"|" + COMES_BACK + r"|" + PLAYS_A_ROLE
             + r"|\b(?:werk ?processen|work ?processes)\s+(?:on|around|rond(?:om)?|op het gebied van)\b",
    "competence": r"\blaten zien\b|\blaat\b.*\bzien\b|\bzien\b|\blaten blijken\b|\bshow\b|\bdemonstrat\w*\b"
                  r"|\btonen\b|\btoont\b"
                  r"|\bstage\b|\binternship\b|\bplacement\b|\bwerkplek\b|\bcompeten\w*\b"
                  r"|\bhoren\b|\bhoort\b|\bbelong\w*\b|\blinked\b|\bgekoppeld\b|\bvragen\b|\bvraagt\b|\bcalls? for\b"
                  r"|\bask for\b|\bneed\w*\b|\brequire\w*\b|\bvereis\w*\b|\bnodig\b|\bgevraagd\b|\binvolve\w*\b"
                  r"|\bin de praktijk\b|\bin practice\b|\boefenen\b|\bpractis\w*\b|\bpractic\w*\b"
                  r"|\btrains?\b|\btrainen\b|\btraint\b|\bpassen\b|\bpast\b|\bfits?\b|\bmatch(?:es)?\b"
                  r"|\bmap(?:s|ped)?\s+(?:on)?to\b|\bcorrespond\w*\s+(?:to|with)\b"
                  r"|\b(?:getoetst|beoordeeld|assessed|tested|examined)\b"  # "wordt klantgerichtheid getoetst?"
                  r"|\bcounts?\s+towards?\b|\btel(?:t|len)\s+mee\b|\bmeetel\w*"  # "count towards X"
                  # assessing a thing named bare ("in which wp's do I assess klantgerichtheid?"), not "het beoordelen
                  # en begeleiden van stagiaires" nor "beoordeel je het leren van kinderen"
                  rf"|\b(?:{ASSESS})\s+(?:(?:ik|je|jij|u|we|wij|jullie|i|you|they)\s+)?+"
                  r"(?!(?:de|het|een|the|a|an|en|and|of|or|van|hoe|how|whether|if|dat|that|this|dit|hun|their|his|"
                  r"her|zijn|haar)\b)[^\W\d_]",
    # showing a competence in practice: with any competence named, the question is about where it shows
    "show": r"\blaten zien\b|\blaat\b.*\bzien\b|\blaten blijken\b|\btonen\b|\btoont\b|\bdemonstrat\w*\b|\bstage\b"
            r"|\binternship\b"
            r"|\bplacement\b|\bwerkplek\b|\bin de praktijk\b|\bin practice\b",
    "only": r"\balleen\b|\buitsluitend\b|\bonly\b|\bjust\b|\benkel\b",
    # a theme asked for inside a scope ("welke werkprocessen van MZ gaan over X"), not the scope's whole tree
    "theme": WHERE_WORD + r"|\bwaarin\b|\bwaarbij\b|\bgaan over\b|\bgaat over\b|\bover\b"
             r"|\babout\b|\bmet betrekking tot\b|\bdeal\w* with\b|\bmention\w*\b|\bnoemen\b|\bgenoemd\b"
             r"|\bvoorkom\w*\b|\bkomt\b.*\bvoor\b|\bergens\b|\boccur\w*\b|\bappear\w*\b|\binvolv\w*\b"
             r"|\bcalled\b|\bheten\b|\bstaat\b|\bstaan\b|\bshow up\b|\bcome up\b|\bte maken\b|\bto do with\b"
             r"|\bconcern\w*\b|\bcover\w*\b|\bcontain\w* the word\b|\b(?:in|bij|voor) welke?\b|\b(?:in|for) which\b"
             r"|\brelated to\b|\bbetrekking op\b|\bgaat om\b|\bgaan om\b|\bomtrent\b|\bregarding\b"
             r"|\brefers?\s+to\b|\breferring\s+to\b|\bverwijz\w*\s+naar\b|\bverwijst\s+naar\b"
             + r"|" + ASKS_FOR + r"|" + COMES_BACK + r"|" + PLAYS_A_ROLE
             + r"|" + ANYTHING_ON,
    # a theme searched across the sources without a kind word ("komt huiselijk geweld ergens voor?")
    "where_alone": WHERE_WORD + r"|\bin welke\b|\bin which\b|\bkomt\b.*\bvoor\b|" + AT_WHICH_PLACES +
                   r"|\bvoorkom\w*\b|\bergens\b|\banywhere\b|\boccur\w*\b|\bmention\w*\b|\bappear\w*\b|\bgenoemd\b"
                   + r"|" + ANYTHING_ON,
}
MUST = r"\bmoet(?:en)?\b|\bmust\b|\bhave to\b|\bhas to\b"  # a requirement: "waar moet je klantgericht zijn?"
# a question for what a named thing means or holds: its own text, a lookup
DEFINES = (r"\bdefin\w*|\bomschrijving van\b|\bwhat does\b[^?]*\bmean\b|\bwat betekent\b|\bbetekenis\b"
           r"|\bwat houdt\b[^?]*\bin\b|\bwhat is meant\b|\bwat wordt\b[^?]*\bbedoeld\b|\bwhat does\b[^?]*\bentail\b"
           r"|\bhoe\s+(?:wordt|worden)\b[^?]*\b(?:omschreven|beschreven|uitgelegd)\b"
           r"|\bhow\s+(?:is|are)\b[^?]*\b(?:described|explained)\b")
# units that have an addition for a profile ("welke werkprocessen hebben een aanvulling voor de OA?")
_AN_ADDITION_NOUN = (r"(?:een\s+|an\s+|a\s+)?(?:aparte\s+|eigen\s+|extra\s+|separate\s+|own\s+)?(?:profiel)?"
                     r"(?:aanvulling|addition|extension|supplement)\b")
AN_ADDITION = (r"\b(?:werk ?processen|work ?processes|(?:basis-?)?wp'?s|basiswerkprocessen)(?!\w)"
               r"(?:(?!\b(?:over|about|around|rond\w*|on)\b)[^.?!]){0,40}?"
               r"\b(?:(?:hebben|heeft|have|has|kennen|kent)(?:\s+(?!(?:geen|no|not|niet|don't|doesn't)\b)[\w-]+){0,3}?"
               r"\s+" + _AN_ADDITION_NOUN + r"|" + _AN_ADDITION_NOUN + r"\s+(?:hebben|heeft|have|has|kennen|kent)\b)"
               r"(?!\s+(?:op|to|in|for|voor)\s+(?:het|de|ons|onze|our|the|their|hun)\s+(?:les|curricul|programm|opleiding)\w*)")
INCLUDED = (r"\binclud\w*|\binclusief\b|\bincl\b\.?|\bmet inbegrip van\b|\binbegrepen\b"  # "… included", "including
            # "I need the full list, also from the basis part"
            r"|\b(?:also|ook)\s+(?:from|of|in|uit|van)\s+(?:the|het)\s+(?:basis|core|basic|common)?\s*(?:part|deel|basisdeel)\b")
# the additions", "met inbegrip van het basisdeel"
# a profile's parts taken along (SBB calls the additions "aanvullende eisen"): no theme words
INCLUDING = INCLUDED + r"|\badditions\b|\badd-?ons\b|\baanvullende\s+eisen\b"
CREBO_GIVEN = r"\bcrebo[\w'’-]*(?:\s*(?:nr\.?|nummer|number|no\.?))?\s*:?\s*\d{5}\b"  # "(crebo 25479)": names it
_PROFILE_KIND = r"\bprofielen\b|\bprofiles\b|\buitstroomprofielen\b"  # "opleidingen": a dossier's profiles only
# "in the same dossier as X", "in hetzelfde kwalificatiedossier als X": X's dossier, not a comparison
SAME_DOSSIER = re.compile(r"\b(?:the\s+same|hetzelfde|dezelfde|zelfde)\s+(?:kwalificatie)?(?:dossier|kd"
                          r"|qualification file|file|opleiding|programme|program|sector|richting)\s+(?:as|als)\b")
_PROFILE_WORDS = _PROFILE_KIND + r"|\bopleidingen\b|\bkwalificaties\b|\bqualifications\b"
_DIRECTIONS = r"\b(?:uitstroom ?)?richtingen\b"  # a programme's directions: its profiles, when it is named
# the jobs or programmes at a level ("which jobs are niveau 2?", "welke beroepen zijn op niveau 4?"): the profiles
_AT_LEVEL = (r"\b(?:jobs|beroepen|occupations|professions|programm?es|programs|courses)(?=\s+(?:are|zijn|zitten)\s+"
             r"(?:(?:op|at|on)\s+)?(?:mbo[- ]?)?(?:niveau|nivo|level)\s*[1-4]\b)")
KIND_WORDS: dict[str, str] = {
    # as users type them too: "werkprocesen", "work proceses", "kerntaaken"
    "werkproces": r"\b(?:\w{4,})?werk ?proce?s+e?(?:n|sen|es)?\b|\bwork ?proce?s+(?:es|ess?es)?\b|\bprocessen\b"
                  r"|\bwp'?s?\b|\bunits\b|\bprofielwerkprocess\w*|\bbasiswerkprocess\w*"  # "welke wp's", "which units"
                  r"|\baanvullingen\b",  # "welke aanvullingen heeft de GPM?": werkprocessen (replies._additions_only)
    "kerntaak": r"\bkern ?taa?k(?:en)?\b|\bkern ?taaken\b|\bcore tasks?\b|\bkey tasks?\b|\bkt'?s?\b"  # "welke kt's"
                r"|\b(?:profiel|basis)kerntaa?k(?:en)?\b",  # "welke profielkerntaak heeft elk?"
    "profiel": _PROFILE_WORDS + "|" + _DIRECTIONS + "|" + _AT_LEVEL,  # "welke richtingen kun je kiezen?" (of a
    # programme named: route)
    "specialisaties": r"\bspecialisaties\b|\bspeciali[sz]ations\b",
    "competentie": r"\bcompetenties\b|\bcompetences\b|\bcompetencies\b",
}
# a theme compounded with the kind word ("evaluatiewerkprocessen"), not a part of the dossier ("profielwerkprocessen")
_COMPOUND_KIND = re.compile(r"\b(?!profiel|basis)([^\W\d_]{4,}?)(werk ?proces\w*)", re.IGNORECASE)

# the parts of a dossier: "in het basisdeel", "the profile part" shape the list, they are no theme
PARTS = (r"\b(?:basisdelen|basisdeel|profieldeel|core[- ]parts?|basic part|basis part|common part|shared part"
         r"|profile part)\b")
_YEAR = re.compile(r"\b(20\d\d)(?:-\d\d-\d\d)?\b")
_YEAR_RANGE = re.compile(r"\b(20)(\d\d)\s*[/-]\s*(\d\d)\b(?![-/]?\d)")  # "2020/21": 2020 and 2021, not "2015-08-01"


def years_named(text: str) -> list[str]:
    """The version years a text names, in order; "2020/21" names both years."""
    found = [(m.start(), m.group(1)) for m in _YEAR.finditer(text)]
    found += [(m.start(3), m.group(1) + m.group(3)) for m in _YEAR_RANGE.finditer(text)]
    return [year for _, year in sorted(found)]


# compared with the basisdeel ("wat komt er bij ten opzichte van het basisdeel?"): what a profile adds to it; "… het
# basisdeel van X" may be another dossier's
BASE_COMPARED = (r"\b(?:ten opzichte van|t\.?o\.?v\.?|vergeleken met|compared (?:to|with)|relative to)\s+"
                 r"(?:the\s+|het\s+)?(?:(?:normal|normale|gewone|standard|standaard|general|algemene|common|shared"
                 r"|gedeelde|gemeenschappelijke)\s+)?(?:basisdeel|core part|base unit|basic part|basis part"
                 r"|base part)\b"
                 r"(?!\s+(?:van|of)\b)")
# "wat voegt de aanvulling voor de GPM toe aan B1-K2-W2?", "what does the OA aanvulling add?", "wat moet ik als OA
# extra doen tov het basisdeel?", "wat staat er extra in de aanvulling …?": the profile's addition beside the
# basisdeel unit
ADDITION = (r"(?:\baanvulling\w*\b.*\b(?:toe|add|adds|added|extra)\b|\b(?:voegt|add|adds|extra)\b.*\baanvulling\w*\b"
            r"|\bextra\b.*\b(?:basisdeel|core part)\b|\bvoegt\b.*\btoe aan\b|\bwhat does\b.*\badd to\b"
            r"|\b(?:on top of|in addition to|beyond|bovenop|boven op|naast)\s+(?:the\s+|het\s+)?"
            r"(?:basisdeel|core part)\b|" + BASE_COMPARED + ")")
# what each of two programmes has that the other lacks ("welke werkprocessen heeft PMK die GPM niet heeft, en
# andersom?"; one way round it is a list: "… heeft de PBG die de BG niet heeft?"): two programmes compared
BOTH_WAYS = r"\ben\s+(?:andersom|omgekeerd)\b|\bvice\s+versa\b|\bthe\s+other\s+way\s+(?:a)?round\b"
# more than the regular worker of the basisdeel ("wat moet een GPM'er bij 'Evalueert …' méér doen dan een gewone
# pedagogisch werker?", "… do more than the basis part is saying?"): a profile's addition when one programme is named
MORE_THAN_REGULAR = (r"\b(?:meer|méér|more|extra)\b[^?.!]{0,40}?\b(?:dan|than)\s+(?:een\s+|de\s+|het\s+|a\s+|an\s+"
                     r"|the\s+)?(?:gewone|normale|reguliere|regular|normal|ordinary|standard|standaard|basisdeel"
                     r"|basis\s+part|core\s+part|basic\s+part)\b")
# which profiles add something of their own to one basisdeel werkproces ("welke profielen van MZ hebben een
# aanvulling op B1-K1-W5?", "which profiles add a supplement to B1-K1-W5"): the additions to that unit, listed
_NOT_NEGATED = r"(?:(?!\b(?:geen|niet|nothing|not|no|don't|doesn't|never|nooit|zonder|without)\b)[^?.!])"
ADDITIONS_TO_CODE = (r"\b(?:welke|which|what)\s+(?:[\w&-]+\s+){0,3}?(?:profielen|profiles|uitstroomprofielen)\b"
                     + _NOT_NEGATED + r"*\b(?:aanvulling\w*|supplement\w*|additions?|add|adds|toevoeg\w*|voegen)\b"
                     + _NOT_NEGATED + r"*?\b[bp][1-9]-k[0-9]+-w[0-9]+\b"
                     # the code first ("For MZ B1-K1-W3 (its title), which profiles are having an aanvulling?")
                     r"|\b[bp][1-9]-k[0-9]+-w[0-9]+\b[^?.!]{0,80}?\b(?:welke|which|what)\s+(?:[\w&-]+\s+){0,3}?"
                     r"(?:profielen|profiles|uitstroomprofielen)\b"
                     + _NOT_NEGATED + r"*?\b(?:aanvulling\w*|supplement\w*|additions?)\b")
# a programme's own (language) requirement weighed against the generic one ("is that higher than the normal English
# requirement for level 4?", "hoe verhoudt dat zich tot de gewone Engels-eis?")
GENERIC_COMPARED = re.compile(
    r"\b(?:generie\w*|generic|gewone?|normal|standaard|standard|algemene?|general)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:eis\w*|requirements?|niveau|level|engels\w*|english)\b"
    r"|\b(?:generie\w*|generic|gewone?|normal|standaard|standard)\s+(?:engels-?eis\w*|taaleis\w*)")
GENERIC_WEIGHED = re.compile(r"\b(?:hoger|higher|lager|lower|meer|more|minder|less|strenger|stricter|zwaarder"
                             r"|heavier|verhoudt|verhouden|compar\w*|vergelijk\w*|verschil\w*|differ\w*)\b")
# what one programme asks beyond another ("wat moet een GPM'er meer kunnen dan een PMK'er?"): a comparison when two
# programmes are named
MORE_THAN = (r"\bmeer\s+(?:moet(?:en)?\s+)?(?:kunnen|kan|kun|kunt|doen|doet|weten|kennen|leren)\s+dan\s+(?:een|de)\b"
             # "wat mag een niveau 4 stagiair (GPM) meer dan een niveau 3 stagiair (PMK)?", "what can a GPM do more
             # than a PMK?"
             r"|\b(?:mag|mogen|kan|kunnen|moet|moeten|doet|doen|weet|weten|leert|leren)\b[^?.!]{0,60}?\bmeer\s+dan\s+"
             r"(?:een|de)\b|\b(?:can|may|must|does|do)\b[^?.!]{0,60}?\bmore\s+than\s+(?:an?|the)\b")
# one programme set beside another ("zet 'X' van de thuisbegeleider naast die van de GGZ", "leg PMK en GPM naast
# elkaar", "X uit 2015 naast dat uit 2020 leggen"): a comparison when two programmes or versions are named (not "zet
# de PMK in naast een leerkracht")
SET_BESIDE = (r"\b(?:zet|zetten|leg|leggen)\s+(?!zich\b)(?:(?!\b(?:in|uit|neer)\s+naast\b)[^?.!]){0,80}?\bnaast\b"
              r"|\bnaast\s+(?:(?:dat|die|het|de)\s+(?:uit|van)\b[^?.!]{0,50}?|elkaar\s+)(?:leggen|zetten)\b")
# which of the programmes named has more of something ("which dossier has more profiles, DV or SW?", "welke heeft meer
# werkprocessen: A of B?", "A or B, which one is more about caring?"): a comparison when two programmes are named
# ("welke opleiding is zwaarder, OA of PMK?": also by level or load)
WHICH_MORE = (r"\b(?:which|welke?|wie)\b(?:\s+\w+){0,3}?\s+(?:has|have|heeft|hebben|is|zijn|gaat|gaan|goes|go)\s+"
              r"(?:\w+\s+){0,2}?(?:more|fewer|less|meer|minder|zwaarder|lichter|hoger|lager|moeilijker|makkelijker"
              r"|heavier|lighter|higher|lower|harder|easier|langer|korter|longer|shorter)\b")
# one programme weighed against another in its level or load ("Is HZW a lower level than PMK?", "is de OA zwaarder dan
# de PMK?", "more or less of a programme than …"): a comparison when two programmes are named; not a theme weighed
# ("zit er meer samenwerking in GPM dan in PMK?", "… over meer dan één kind?")
# which of two programmes has a fact ("Welke heeft het hoogste niveau, de onderwijsassistent of de PMK?", "does the
# OA or the PMK take longer?"): a question that opens with which/who or a verb, with the two names joined by "or"
_SUBJECT_LEVEL = r"\b[1-4]f\b|\b(?:nederlands|engels|rekenen|taal\w*|english|dutch|maths?)\b"  # a subject's level
# a programme's own facts, which a comparison of two programmes shows side by side
_PROGRAMME_FACT = (r"\bcrebo\w*|\bsbu\b|\bstudiebelasting\w*|\bstudy\s+load\b|\bniveau\b|\blevel\b|\bhoger\b|\blager\b"
                   r"|\bhigher\b|\blower\b|\bzwaarder\b|\blichter\b|\blanger\b|\blonger\b")
WHICH_OF = r"^\W*(?:welke?|which|wie|who|heeft|hebben|has|have|does|do|is|zijn|are|vraagt|needs?|requires?)\b"


_VERSUS_PAIR = re.compile(r"([^\W\d_][\w-]*)\s+(?:vs\.?|versus)\s+([^\W\d_][\w-]*)")


def _concepts_versus(folded: str, scope_terms: list[str]) -> bool:
    """Whether the only comparing word is "vs" between two words that name no programme, level or year ("dilemma
    privacy vs veiligheid: mag een thuisbegeleider …?"): a question about two values, not a comparison."""
    pair = _VERSUS_PAIR.search(folded)
    if pair is None or _has(CUES["compare"], _VERSUS_PAIR.sub(" ", folded)) or len(years_named(folded)) >= 2 \
            or any(re.match(r"[bp][1-9]-k\d", w) for w in pair.groups()):
        return False  # "OA P3-K1-W3 vs leeractiviteiten 2021": two versions of a unit
    names = " ".join(fold(t) for t in scope_terms)
    return not any(w in names.split() or w in ("niveau", "level") for w in pair.groups())


def _one_of_two(folded: str, scope_terms: list[str], catalogue: Catalogue) -> bool:
    """Whether the question weighs two named programmes, joined by "of"/"or" and asked with which/who or set off
    before the facts asked, against each other on a fact of theirs; not a subject's level ("Nederlands op niveau
    3F"), and not two programmes that both have a 2021 text, whose extract gives no facts (their passages answer
    it)."""
    terms = list(dict.fromkeys(fold(t) for t in scope_terms))
    if len(terms) != 2 or not _has(_PROGRAMME_FACT, folded) or _has(_SUBJECT_LEVEL, folded):
        return False  # "welke heeft een Engels-eis, A of B?": the passages that state it answer it
    if all(has_extract_version(t, catalogue) for t in terms):
        return False
    first, second = (re.escape(t) for t in sorted(terms, key=folded.find))
    pair = rf"{first}\W+(?:of|or)\s+(?:(?:de|het|the|een|an?)\s+)?{second}"
    # or the two open the question, set off before the facts asked ("A or B — what level each and how much sbu?")
    return _has(pair, folded) and (_has(WHICH_OF, folded)
                                   or _has(rf"^\W*(?:(?:de|het|the|een|an?)\s+)?{pair}\w*\s*[:\u2014\u2013-]", folded))


COMPARATIVE = (r"\b(?:higher|lower)\s+(?:mbo\s+)?level\b[^?.!]{0,20}?\bthan\b"
               r"|\b(?:hoger|lager)\s+(?:mbo-?)?niveau\b[^?.!]{0,20}?\bdan\b"
               r"|\b(?:hoger|lager|higher|lower|zwaarder|lichter|heavier|lighter)\s+(?:dan|than)\b"
               r"|\b(?:more|less)\s+(?:or\s+less\s+)?of\s+an?\s+(?:programme|program|course|qualification)\b"
               r"[^?.!]{0,20}?\bthan\b"
               r"|\b(?:duurt|duren|takes?|lasts?)\s+(?:het\s+)?(?:langer|korter|longer|shorter)\b")  # "which takes
# longer, OA or GPM?": their study loads
# a programme's level or load weighed ("hoger", "zwaarder", "a higher level"): the versions that state them count
LOAD_WEIGHED = r"\b(?:zwaarder|lichter|hoger|lager|heavier|lighter|higher|lower|langer|korter|longer|shorter)\b"
# the document the asker writes ("for a comparative report …"): what they use the answer for, asks nothing
_ASKERS_DOCUMENT = re.compile(r"\bcomparative\s+(?:report|study|research|paper|essay|project|thesis)\b", re.IGNORECASE)
# how the list is to be shaped, not what it is about: "across the whole corpus", "in het hele corpus", "een volledig
# overzicht", "met code en titel", "core part plus profile part"
LIST_SHAPE = (r"\b(?:across|in|over|throughout|within)\s+(?:the\s+)?(?:whole|entire|complete|full)\s+"
              r"(?:corpus|collection|set|sources?|dossiers?|files?|extract)\b"
              r"|\b(?:across|throughout)\s+(?:(?:the|all|these|those)\s+)?(?:(?:two|three|four|five|\d)\s+)?"
              r"(?:20\d\d\s+)?(?:(?:sbb|xml|mbo)\s+)?(?:dossiers|files|qualification\s+files|qualifications)\b"
              r"|\b(?:in|over|binnen)\s+(?:het|de)\s+(?:hele|gehele|volledige)\s+"
              r"(?:corpus|verzameling|bronnen|dossiers?|extract|uittreksel)\b"
              r"|\b(?:volledige?|complete?|compleet|full|totale?)\s+(?:overzicht|lijst|list|overview|opsomming)\b"
              r"|\b(?:met|with)\s+(?:(?:hun|de|their|the)\s+)?(?:codes?\s+(?:en|and|&)\s+(?:(?:hun|de|their|the)\s+)?"
              r"tit(?:el|els|le|les)|tit(?:el|els|le|les)\s+(?:en|and|&)\s+(?:(?:hun|de|their|the)\s+)?codes?)\b"
              r"|\bplus\b(?=\s+(?:the\s+|het\s+|de\s+)?(?:profile|profiel|core|basis|aanvulling|addition))"
              # "graag per werkproces de code en het profiel"
              r"|\b(?:per|for\s+each|voor\s+elk)\s+(?:werkproces|work\s+process|unit)\s+(?:de\s+|the\s+|its\s+)?code"
              r"(?:\s+(?:en|and|&)\s+(?:het\s+|de\s+|the\s+|its\s+)?(?:profiel|profile|titel|title))?\b")
# what a title starts with or holds ("whose title starts with 'Evalueert'", "waarvan de titel begint met"): the title
# asked, no theme words
TITLE_HOLDS = (r"(?:\b(?:waarvan|whose)\s+(?:de\s+|het\s+)?)?"
               r"\btit(?:el|le)s?\s+(?:(?:die|dat|that|which)\s+)?(?:starts?|begins?|begint|beginnen|starten|start"
               r"|contains?|includes?|bevat|bevatten|opens?|starting|beginning|containing|including|opening)"
               r"(?:\s+(?:with|met))?\b"
               r"|\b(?:waarvan|whose)\s+(?:de\s+|het\s+)?tit(?:el|le)s?\b"  # "… waarvan de titel 'X' bevat"
               r"|\btitled\b|\bgetiteld\b")  # "every work process titled 'X'"
# what a programme requires of its students or trainees ("voor welke profielen is een VOG vereist?", "which of those
# require a certificate of good conduct?"): a condition asked of the profiles, answered from their requirement texts
REQUIRED = r"\bvereis\w*|\bverplicht\w*|\brequire\w*|\bmandatory\b|\bcompulsory\b"
REQUIREMENT = REQUIRED + r"|\beis(?:en)?\b"  # the noun too: "een VOG-eis", "een eis voor Engels"
# a theme asked about by name: then even words of the asker's situation are the theme ("… gaan over de lessen?")
_ABOUT = (r"\b(?:gaan|gaat)\s+(?:het\s+)?over\b|\babout\b|\bdeal\w*\s+with\b|\bmention\w*\b|\binvolv\w*\b"
          r"|\brelate\w*\s+to\b|\bnoem\w*\b|\bgenoemd\b|" + ASKS_FOR)
_PLURAL_UNITS = re.compile(r"\bwerk ?processen\b|\bwork ?processes\b", re.IGNORECASE)
# a fragment that opens with the units asked ("work processes involving safety", "werkprocessen met … te maken")
_UNITS_FIRST = re.compile(r"\s*(?:(?:all|alle|the|de)\s+)?(?:werk ?processen|work ?processes|wp'?s)\b")
# the verb that ties a theme to the units ("work processes involving safety", "units that cover X"): no theme word
UNITS_VERB = (r"\b(?:werk ?process\w*|work ?process\w*|wp'?s|units?|tasks?)\s+(?:(?:that|which)\s+)?"
              r"(?:involv\w*|cover\w*|concern\w*|regarding|relat\w*\s+to|deal\w*\s+with)\b")
_TREE_VERBS = (r"\bheeft\b|\bhebben\b|\bhoren bij\b|\bhoort bij\b|\bhave\b|\bhas\b|\bvan\b|\bof\b|\bin\b|\bbij\b"
               r"|\bbelong\w*\b|\bfor\b|\bvoor\b|\bzitten in\b|\bstaan in\b|\bbinnen\b|\bwithin\b")
QUESTION_WORDS_FILE = Path(__file__).with_name("data") / "question_words.toml"


@lru_cache(maxsize=4)
def _word_tables(path: Path = QUESTION_WORDS_FILE) -> dict[str, frozenset[str]]:
    """The word tables of ``data/question_words.toml``: ``words`` and ``situation``, each Dutch and English.

    Raises:
        ValueError: when the file is not ``[words]`` (and optionally ``[situation]``) with ``nl`` and ``en``.
    """
    import tomllib

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{path.name}: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("words"), dict) or set(data) - {"words", "situation"}:
        raise ValueError(f"{path.name}: expected [words] with nl = \"...\" and en = \"...\"")
    tables: dict[str, frozenset[str]] = {}
    for name, table in data.items():
        if not isinstance(table, dict) or set(table) != {"nl", "en"} or not all(
                isinstance(v, str) and v.split() for v in table.values()):
            raise ValueError(f"{path.name}: expected [{name}] with nl = \"...\" and en = \"...\"")
        words = [w for v in table.values() for w in v.split()]
        if any(w != w.lower() for w in words):
            raise ValueError(f"{path.name}: words must be lower case")
        tables[name] = frozenset(fold(w) for w in words) | frozenset(words)
    return tables


def question_words(path: Path = QUESTION_WORDS_FILE) -> frozenset[str]:
    """Words that shape a question but carry no topic (``[words]`` of ``data/question_words.toml``)."""
    return _word_tables(path)["words"]


def situation_words(path: Path = QUESTION_WORDS_FILE) -> frozenset[str]:
    """Words about the asker's situation (``[situation]``): no topic beside other words, the topic when alone."""
    return _word_tables(path).get("situation", frozenset())


@dataclass(frozen=True)
class Intent:
    """What one question asks for.

    Attributes:
        type: one of :data:`TYPES` (``not_found`` only after answering).
        lang: ``"nl"`` or ``"en"``.
        question: the question as routed.
        mode: for lists, ``tree`` or ``where``.
        kind: the unit kind asked for (``werkproces``, ``kerntaak``) or None.
        scopes: the dossiers/profiles named, in every version that fits the years named.
        scope_terms: the scope words as the question names them.
        unknown_scope: a scope-like word of a list question that names nothing in the index.
        suggestions: the closest known names for ``unknown_scope`` (or ``owner``).
        owner: in a scoped list question, the owner named beside the scope that is no scope name ("the
            hairdresser" in "which werkprocessen does the hairdresser have in Dienstverlening?").
        years: version years named (several mean all of them).
        unknown_years: years named that no version has.
        levels: competence levels named.
        competences: competences named (as the index spells them).
        sbb: SBB competences named by their title (letters, "B" for "aansturen").
        topic: the theme of a ``where`` list or the words of a lookup, without cues and names.
        phrase: the topic with its coordination marks ("or", "of", commas, brackets), read by the where list.
        keywords: the question is topic words alone ("pesten"), read as a where list.
        only: the question narrows ("alleen", "only").
        conflict: a contradiction in the scope ("alleen 2015, alleen 2021"), as the values that clash.
        missing_version: a named dossier/profile that has none of the named versions, then its versions.
        codes_named: the question names a unit code ("B1-K1-W5", "P3-K2").
        asked: the question without an introduction that weighs two names (:func:`_asked_names`), when one was
            set aside: what a follow-up builds on.
        apart: for a theme given with examples ("personal care like bathing, dressing …"), the topic and phrase of
            the theme without them; the where list joins the units of both.
    """

    type: str
    lang: str
    question: str
    mode: str | None = None
    kind: str | None = None
    scopes: tuple[ScopeEntry, ...] = ()
    scope_terms: tuple[str, ...] = ()
    unknown_scope: str | None = None
    owner: str | None = None
    suggestions: tuple[str, ...] = ()
    years: tuple[str, ...] = ()
    unknown_years: tuple[str, ...] = ()
    levels: tuple[int, ...] = ()
    competences: tuple[str, ...] = ()
    sbb: tuple[str, ...] = ()
    topic: str = ""
    phrase: str = ""
    keywords: bool = False
    only: bool = False
    conflict: tuple[str, ...] = field(default=())
    missing_version: tuple[str, ...] = ()
    codes_named: bool = False
    asked: str = ""
    apart: tuple[str, ...] = ()


def _has(pattern: str, folded: str) -> bool:
    return re.search(pattern, folded) is not None


_GLUED_LEVEL = re.compile(r"\b([^\W\d_]{2,})([1-4])\b")


def glued_levels(text: str, catalogue: Catalogue, lang: str) -> str:
    """``text`` with a dossier or profile abbreviation typed together with its level split ("pw3" → "pw niveau 3",
    "gpm4" → "gpm level 4"); other words with a digit ("b1", "a2") stay."""
    word = "niveau" if lang == "nl" else "level"
    return _GLUED_LEVEL.sub(lambda m: f"{m.group(1)} {word} {m.group(2)}" if m.group(1).lower() in catalogue.scopes
                            else m.group(0), text)


def find_scope_terms(text: str, catalogue: Catalogue) -> list[tuple[str, tuple[int, int]]]:
    """Every dossier or profile name the text names, with its span, longest first and not overlapping."""
    pattern = catalogue.pattern()
    if pattern is None:
        return []
    return [(m.group(0), (m.start(), _PERSON_SUFFIX.match(text, m.end()).end() if _PERSON_SUFFIX.match(
        text, m.end()) else m.end())) for m in pattern.finditer(text)]


# a name's person or possessive ending ("PMK'ers", "GPM'er", "de OA's"): part of the name's span, no topic
_PERSON_SUFFIX = re.compile(r"['’](?:ers?|s)\b", re.IGNORECASE)


# a job started, not a course ("started working", "begonnen als PMK'er"; not "started as a first-year student",
# "begonnen als BBL-leerling", "started working on my diploma")
_LEARNER = (r"(?:student\w*|leerling\w*|stagiai?re?s?|pupils?|apprentice\w*|trainees?|eerstejaars\w*|first[- ]year\w*"
            r"|bbl\w*|bol\w*|deelnemers?|cursist\w*)")
_JOB = (rf"(?:working(?!\s+on\b)|to\s+work|met\s+werken|te\s+werken|(?:als|as)\b(?![^.?!,]{{0,40}}?\b{_LEARNER}"
        r"(?![\w-])))")
# the year a student started ("my son started the course in 2018", "ze is in 2022 begonnen"): the dossier version in
# force then, not a version of that year (not "welke dossiers zijn in 2022 gestart?", no student; not a job)
_STUDENT = (r"\b(?:i|i'm|i've|he|she|they|we|ik|hij|ze|zij|wij|jij|je|(?:my|our|mijn|m'n|mn|onze|ons)\s+[^\W\d_]+"
            r"|(?:de|het|een|the|a)\s+(?:student\w*|leerling\w*|stagiair\w*|kind|child))\b")
_START = r"started|starts|began|begun|begon|begonnen|gestart|startte"  # the verbs of starting, a course or a job
_STARTED_IN = re.compile(rf"{_STUDENT}[^.?!]{{0,30}}?\b(?:{_START}|enrolled|ingestroomd)\b(?!\s+{_JOB})"
                         rf"[^.?!]{{0,40}}?\b(20\d\d)\b"
                         rf"|{_STUDENT}[^.?!]{{0,20}}?\b(20\d\d)\s+(?:begonnen|gestart|ingestroomd|started|begun)\b"
                         rf"(?!\s+{_JOB})", re.IGNORECASE)
# the year someone started a job ("I started working as an OA in 2022", "ik ben in 2019 begonnen als PMK'er"): no
# version asked, so the year is left out of the question
_JOB_STARTED_IN = re.compile(rf"{_STUDENT}[^.?!]{{0,30}}?\b(?:{_START})\s+{_JOB}[^.?!]{{0,40}}?"
                             r"(\s+(?:in|since|sinds|vanaf)\s+20\d\d)\b"
                             rf"|{_STUDENT}[^.?!]{{0,20}}?(\s+(?:in|sinds|vanaf)\s+20\d\d)\s+(?:begonnen|gestart)\s+{_JOB}",
                             re.IGNORECASE)


def cohort_years(text: str, catalogue: Catalogue) -> str:
    """``text`` with each year a student started in that no version has ("she started in 2022") replaced by the year
    of the version in force then: the latest version of the programmes the text names (of any, when it names none)
    from that year or before ("she started in 2021"); the year someone started a job is left out ("I started working
    as an OA")."""
    versions = {(e.version or "")[:4] for t, _ in find_scope_terms(text, catalogue)
                for e in catalogue.scopes.get(fold(t), ())} or {v[:4] for v in catalogue.versions}

    def in_force(match: re.Match[str]) -> str:
        year = match.group(1) or match.group(2)
        earlier = [v for v in versions if v and v <= year]
        return match.group(0) if year in versions or not earlier else _with_year_as(match, max(earlier))

    return _STARTED_IN.sub(in_force, _JOB_STARTED_IN.sub(lambda m: _with_year_as(m, ""), text))  # a job's year: none


def _with_year_as(match: re.Match[str], written: str) -> str:
    """The match with its year group (the first of two alternatives that matched) written as ``written``."""
    group = 1 if match.group(1) else 2
    start, end = match.start(group) - match.start(), match.end(group) - match.start()
    return match.group(0)[:start] + written + match.group(0)[end:]


def scope_entries(terms: list[str], years: tuple[str, ...], catalogue: Catalogue,
                  text: str = "") -> tuple[ScopeEntry, ...]:
    """The index's dossiers/profiles for the named terms, in the named years (all versions when none); a term that
    several profiles share is narrowed by the rest of a title that ``text`` names (:func:`_told_apart`)."""
    found: list[ScopeEntry] = []
    for term in terms:
        entries = _told_apart(term, catalogue.scopes.get(fold(term), ()), text)
        own = _own_year(term, text) if len(years) >= 2 and len({fold(t) for t in terms}) >= 2 and not _has(
            CUES["compare"], fold(text)) else None  # a comparison of a code keeps its profile in both
        if own:  # "in Pedagogisch Werk 2015 en in PMK 2021": each name in the year beside it
            entries = tuple(e for e in entries if (e.version or "").startswith(own)) or entries
        if years:
            entries = tuple(e for e in entries if (e.version or "")[:4] in years) or entries
        found.extend(entries)
    found = list(dict.fromkeys(found))
    profiles = {fold(t) for t in terms if any(e.profile for e in catalogue.scopes.get(fold(t), ()))}
    if years or (_has(CUES["compare"], fold(text)) and not (len(profiles) >= 2 and _framed(terms, text, at_end=True))):
        return tuple(found)  # "wat moet een OA extra doen tov iedereen in PW?": both sides; "the PMK and the GPM
    # profile in Pedagogisch Werk": those of that dossier
    return _within_named_dossier(tuple(found), terms, catalogue, text)


_BESIDE = re.compile(r"[\s(),:/-]*(?:(?:niveau|nivo|level|profiel|profile|de|het|the|van|uit|from|in|bij|binnen"
                     r"|within|dossier|kd|kwalificatiedossier|qualification|file)\s*[1-4]?[\s(),:/-]*)*", re.IGNORECASE)


def _side_by_side(terms: list[str], text: str) -> bool:
    """Whether the text names its names one right after the other, with only a level, "profiel", "in het dossier"
    or an article between them ("PW niveau 3 (pedagogisch medewerker kinderopvang)", "MZ, profiel thuisbegeleider",
    "de PMK in het dossier Pedagogisch Werk"); "in PW en in PMK" names two places."""
    spans = sorted(m.span() for t in dict.fromkeys(terms)
                   for m in re.finditer(rf"(?<![\w-]){re.escape(t)}(?![\w-])", text, re.IGNORECASE))
    return len(spans) >= 2 and all(_BESIDE.fullmatch(text[a[1]:b[0]]) for a, b in itertools.pairwise(spans))


def _framed(terms: list[str], text: str, at_end: bool = False) -> bool:
    """Whether the text opens with one of its names as the frame of the question ("In Pedagogisch Werk, what work
    processes does the onderwijsassistent have?", "PW: welke werkprocessen heeft de OA?"), or with ``at_end`` ends
    with "in" one and joins nothing after it ("… the PMK and the GPM profile in Pedagogisch Werk?"), and names
    others."""
    if len(set(map(fold, terms))) < 2:
        return False
    frame = r"(?:(?:in|bij|binnen|within|for|voor)\s+)?(?:(?:het|de|the)\s+)?(?:(?:dossier|kd)\s+)?"
    if at_end:  # nothing joined after it ("… in Pedagogisch Werk only the profile part", not "… in PW and in PMK")
        return any(re.search(rf"(?<!\ben )(?<!\band )(?<!\bof )(?<!\bor )\b(?:in|binnen|within)\s+{frame}"
                             rf"{re.escape(t)}(?![\w-])(?![^?.!]*\b(?:en|and|of|or|met|with|vs|versus)\b)[^?.!]*"
                             rf"[?.!]*\s*$", text, re.IGNORECASE) for t in terms)  # not "in PW en in PMK"
    return any(re.match(rf"\s*{frame}{re.escape(t)}\s*[,:]", text, re.IGNORECASE) for t in terms)


# a year right after a name, not the first of several ("PMK 2021", "PW (2015)"; not "OA 2015 en 2021")
_YEAR_AFTER = re.compile(r"\s*[(,]?\s*(?:van\s+|uit\s+|from\s+)?(20\d\d)\b"
                         r"(?!\s*(?:,|en|and|&|\+|/|of|or|tot|to|-)\s*(?:20)?\d\d)")


def _own_year(term: str, text: str) -> str | None:
    """The year written right after a name ("PMK 2021", "PW (2015)") wherever the text names it, if any."""
    years = {(found.group(1) if (found := _YEAR_AFTER.match(text, m.end())) else None)
             for m in re.finditer(rf"(?<![\w-]){re.escape(term)}(?![\w-])", text, re.IGNORECASE)}
    return next(iter(years)) if len(years) == 1 else None


def _within_named_dossier(found: tuple[ScopeEntry, ...], terms: list[str], catalogue: Catalogue,
                          text: str) -> tuple[ScopeEntry, ...]:
    """A profile named beside the dossier it is part of ("PW niveau 3 (pedagogisch medewerker kinderopvang)") is that
    dossier's profile, not also its namesake in another version (the PMK dossier of 2021); two names joined by "en",
    "and", "of" ("in PW en in PMK") are two places."""
    if not _side_by_side(terms, text) and not _framed(terms, text) and not _framed(terms, text, at_end=True):
        return found
    named = [catalogue.scopes.get(fold(t), ()) for t in terms]
    dossiers = {(e.dossier, e.version) for entries in named if entries and all(e.profile is None for e in entries)
                for e in entries}
    if not dossiers:
        return found
    narrowed = set()
    for entries in named:
        inside = [e for e in entries if e.profile and (e.dossier, e.version) in dossiers]
        if inside and len({e.version for e in entries}) > 1:
            narrowed |= set(entries) - set(inside)
    return tuple(e for e in found if e not in narrowed)


def _told_apart(term: str, entries: tuple[ScopeEntry, ...], text: str) -> tuple[ScopeEntry, ...]:
    """The entries of a term several profiles share ("persoonlijk begeleider") whose title's other words the text
    holds, all of them ("… in de gehandicaptenzorg als persoonlijk begeleider"); all entries when it holds no
    title's or every title's."""
    profiles = {e.profile for e in entries}
    if not text or len(profiles) < 2 or None in profiles:
        return entries
    named = set(fold(term).split())
    words = set(re.findall(r"[^\W\d_]+", fold(text))) - named
    fitting = {p for p in profiles if (rest := set(re.findall(r"[^\W\d_]+", fold(p))) - named - STOPWORDS)
               and rest <= words}  # every other word of the title: not "specifieke" alone for "specifieke doelgroepen"
    return tuple(e for e in entries if e.profile in fitting) if 0 < len(fitting) < len(profiles) else entries


def _missing_version(terms: list[str], years: tuple[str, ...], catalogue: Catalogue,
                     compare: bool = False, question: str = "") -> tuple[str, ...]:
    """("Maatschappelijke Zorg", "2015") when "MZ 2021" is asked: no named version exists for every name.

    Also missing: a profile asked in its own dossier's version that lacks it ("het profiel sociaal-cultureel
    werker in Sociaal Werk 2020": the dossier has 2020, the profile only 2015), and, in a comparison of one
    name's versions, a named version it lacks ("what changed in Dienstverlening between 2015 and 2020?").
    """
    if not years or not terms:
        return ()
    versions = {term: [e for e in catalogue.scopes.get(fold(term), ()) if e.version] for term in terms}
    if any(not entries for entries in versions.values()):
        return ()

    def label(entries) -> tuple[str, ...]:
        return (entries[0].profile or entries[0].dossier, *sorted({e.version[:4] for e in entries}))

    lacking = {t: e for t, e in versions.items() if not any(x.version[:4] in years for x in e)}
    if len(lacking) == len(versions):
        return label(next(iter(lacking.values())))
    asks_profile = not compare and re.search(r"\b(?:profiel|profile)\b", fold(question)) is not None
    for entries in lacking.values() if asks_profile else ():
        # "het profiel X in Sociaal Werk 2020": a profile without the year its named dossier has
        dossiers = {fold(e.dossier) for e in entries if e.profile}
        if dossiers and any(fold(x.dossier) in dossiers and x.profile is None
                            for t, other in versions.items() if t not in lacking for x in other):
            return label(entries)
    if compare and len(years) >= 2 and len({fold(t) for t in terms}) == 1:
        entries = next(iter(versions.values()))
        held = [y for y in years if any(x.version[:4] == y for x in entries) or _in_lineage(entries, y, catalogue)]
        if len(held) < 2:  # "Sociaal Werk 2015, 2020 en 2021" still compares the two it has
            return label(entries)
    return ()


def _in_lineage(entries, year: str, catalogue: Catalogue) -> bool:
    """A dossier of ``year`` continues or precedes the named one by name: Pedagogisch Werk 2015 has a profile
    Onderwijsassistent, and 2021 a dossier Onderwijsassistent (as :func:`assistant.crosswalk.lineage`)."""
    everything = {e for found in catalogue.scopes.values() for e in found}
    named = {fold(e.dossier) for e in entries} | {fold(e.profile) for e in entries if e.profile}
    named |= {fold(e.profile) for e in everything if e.profile and fold(e.dossier) in named
              and any(e.version == x.version for x in entries)}
    return any((e.version or "")[:4] == year and (fold(e.dossier) in named or fold(e.profile or "") in named)
               for e in everything)


def find_levels(folded: str) -> tuple[int, ...]:
    """Every competence level named ("niveau 2 en 3", "level 2 and level 3", "niveau 2 en niveau 4")."""
    levels: list[int] = []
    for match in re.finditer(rf"\b{LEVEL_WORD}\s*((?:[1-9](?![a-z\d])(?:\s*(?:,|en|and|tot|to|-|&|of|or|vs\.?)\s*)?)+)",
                             folded):  # "niveau 3F" is a language reference level, no mbo or competence level
        levels.extend(int(d) for d in re.findall(r"[1-9]", match.group(1)))
    if not levels:
        level = find_level(folded)
        if level is not None:
            levels.append(level)
    return tuple(dict.fromkeys(levels))


def programme_levels_removed(folded: str, catalogue: Catalogue, competences: Iterable[str] = ()) -> str:
    """The question without the mbo level that follows a dossier or profile ("ik doe dienstverlening niveau 2"):
    that is the level of a programme, not a competence level. A level said to be of a competence stays ("het
    competentieprofiel Sociaalwerker B op niveau 1 van de competentie coachen"); ``competences``: folded names."""
    pattern = catalogue.pattern()
    if pattern is None:
        return folded
    names = "|".join(re.escape(c) for c in sorted(competences, key=len, reverse=True) if c)
    of_competence = r"\s+(?:van|of)\s+(?:de\s+|het\s+|the\s+)?(?:competentie|competence|competency" + (
        rf"|{names})\b" if names else r")\b")
    return re.sub(rf"({pattern.pattern})\s*,?\s*(?:op\s+|at\s+)?{LEVEL_WORD}\s*[1-4]\b(?!{of_competence})", r"\1",
                  folded, flags=re.IGNORECASE)


def _topic(text: str, spans: list[tuple[int, int]], extra_patterns: list[str], marks: bool = False,
           situated: bool = False, statements: bool = False, scoped: bool = False) -> str:
    """The words of a question that are not cues, names, years, levels or kind words; with ``marks``, the
    coordination beside them too: "or"/"of", commas and brackets ("work , school or leisure ( dagbesteding )").
    Words about the asker's situation (:func:`situation_words`) are left out when other words remain, and always
    with ``situated`` (a list of a named scope: "ik ga stage lopen bij X; welke werkprocessen …"). The asker's
    clause before a colon (:data:`_PREAMBLE`) is left out too, unless the question after it has no word of its own
    ("voor mijn lesplan over pesten: welke werkprocessen?")."""
    folded = _blank_afterword(_without(text, spans).lower(), topic=True, named=bool(spans))
    folded = _INTRODUCTION.sub(lambda m: " " * len(m.group(0)), folded)
    folded = _QUESTION_LEAD.sub(lambda m: " " * len(m.group(0)), folded)
    before = _PREAMBLE.search(folded) or _WANTS_TO_KNOW.search(folded) or _CLAUSE_BEFORE.search(folded)
    if before and _own_words(folded[before.end():]):
        folded = " " * before.end() + folded[before.end():]
    elif statements:
        end = _statement_end(folded, scoped)
        folded = " " * end + folded[end:]
    folded = _ASKS.sub(" ", _LISTING.sub(" ", folded))
    for pattern in extra_patterns:
        folded = re.sub(pattern, " ", folded)
    folded = re.sub(rf"\b{LEVEL_WORD}\s*[1-4]\b|{_YEAR_RANGE.pattern}|\b20\d\d(?:-\d\d-\d\d)?\b|\b[1-4]\b", " ",
                    folded)
    tokens = _or_words(re.findall(r"[^\W_]+(?:[-'’][^\W_]+)*|[(),/]", folded))
    words = [w for w in tokens if (marks and w in COORDINATION) or (not is_question_word(w) and w not in "(),/")]
    situation = situation_words()
    if situated or any(w not in situation and w not in COORDINATION for w in words):
        words = [w for w in words if w not in situation]  # "ik ga stage lopen bij …": the placement is no topic
    return " ".join(words)


def _or_words(tokens: list[str]) -> list[str]:
    """The tokens with "dan wel" and "en/of" between two topic words made "of" ("diversiteit dan wel interculturele
    sensitiviteit": either)."""
    out: list[str] = []
    i = 0
    while i < len(tokens):
        pair = tuple(tokens[i:i + 2])
        if pair in (("dan", "wel"), ("en", "/")) and out and not is_question_word(out[-1]) \
                and i + 2 < len(tokens) and not is_question_word(tokens[i + 2]) and tokens[i + 2] != "of":
            out.append("of")
            i += 2
            continue
        if pair == ("en", "/") and tokens[i + 2:i + 3] == ["of"]:
            out.append("of")
            i += 3
            continue
        out.append(tokens[i])
        i += 1
    return out


def is_question_word(word: str) -> bool:
    """A word of :func:`question_words`, or a hyphenated word made of them ("mbo-dossiers", "anchor-point"); a
    compound written as one word is not split (*voorlezen* is no *voor* + *lezen*)."""
    words = question_words()
    return word in words or ("-" in word and all(p in words for p in word.split("-")))


def after_statements(text: str) -> str:
    """The text after the asker's statements before the question (:data:`_STATEMENT`: "later i want to work with
    disabled people. what is the difference …?"), or the whole text."""
    before = _STATEMENT.search(text.lower())
    return text[before.end():] if before else text


def _statement_end(folded: str, scoped: bool = False) -> int:
    """Where the question starts after the asker's statements before it (:data:`_STATEMENT`), or 0: they are set
    aside when the question asks where a theme of its own occurs, or names a scope and points at nothing ("I like
    sport. Which work processes does X have?") while the statement seeks nothing (:data:`_SEEKS`). "Mijn student
    moet een opdracht doen over veiligheid. Welke werkprocessen zijn het belangrijkst?" keeps them: *belangrijkst* is
    no theme."""
    before = _STATEMENT.search(folded)
    if before is None:
        return 0
    rest = folded[before.end():]
    if _own_words(rest) and (_has(CUES["where"], rest) or _has(UNITS_VERB, rest)):  # "… In which work processes
        # does huishouden come up?", "… which work processes involve administering medication?"
        return before.end()
    aimed = _THE_PROGRAMME.sub(" ", rest)  # "… bij dit profiel?": the programme named, not a theme of the statement
    pointing = find_reference(aimed) is not None or _DEMONSTRATIVE.search(aimed) is not None
    return before.end() if scoped and not pointing and not _SEEKS.search(folded[: before.end()]) else 0


_THE_PROGRAMME = re.compile(rf"\b(?:die|deze|dat|dit|that|this)\s+{PROGRAMME_WORD}")


# a word that may point at the statement before the question ("… Bij welke profielen komt dat voor?"); *het* and *die*
# are articles far more often
_DEMONSTRATIVE = re.compile(r"\b(?:dat|dit|that|this|these|those|it|(?:er|daar|hier)(?:over|bij|voor|mee|op|aan|in|uit"
                            r"|door|onder|naast|tegen|toe|van|naar))\b"
                            # split at the end of the clause: "heb je daar wat aan?", "staat daar iets over?"
                            r"|\b(?:daar|hier)\b[^.!?]{0,25}\b(?:aan|over|mee|bij|voor|van|op|in)\s*[?.!]*\s*$")


# a sentence that says what the question is about ("Het gaat om het dossier van 2015.", "It's about the 2021 file.")
_ABOUT_SENTENCE = re.compile(r"(?:^|(?<=[.!?]))\s*(?:het|dit|it|this)\s*(?:gaat|gaan|is|'s|’s|concerns?)\s+"
                             r"(?:(?:mij|me|ons|hier|here)\s+)?(?:om|over|about)\b[^.!?]*[.!?]?")


def _without_scope_statements(folded: str) -> str:
    """The folded question with each sentence blanked that says what it is about and names nothing but the scope
    (its words no topic, its names blanked before): "… Het gaat om het dossier van 2015." points at no theme."""
    return _ABOUT_SENTENCE.sub(lambda m: m.group(0) if _own_words(m.group(0)) else " " * len(m.group(0)), folded)


def _own_words(text: str) -> bool:
    """Whether a question holds a word that is no question word nor a kind word ("in welke werkprocessen komt
    klantgerichtheid terug?" does; "welke werkprocessen?" does not)."""
    for pattern in KIND_WORDS.values():
        text = re.sub(pattern, " ", text)
    return any(w not in question_words() and not _POINTS_BACK.match(w) for w in re.findall(r"[^\W\d_]+", text))


# a sentence in which the asker introduces themselves, before the question ("Ik zit in de studentenraad. Welke …",
# "I'm a guest teacher from Ireland. What …"): its words are no topic (a name in it still sets the scope)
_INTRODUCTION = re.compile(
    r"(?:^|(?<=[.!?]\s))\s*(?:(?:hoi|hi|hallo|hello|hey|dag|beste|dear)\b[\s,!]*)?"
    r"(?:ik\s+(?:ben(?!\s+(?:op zoek|benieuwd|ge[iï]nteresseerd|aan het))|zit|werk|geef|loop|begeleid|studeer|volg"
    r"|twijfel"
    r"|heb\s+(?:een|twee|drie|\d+)\s+(?:leerling|student|stagiair|klas|groep|zoon|dochter|kind)\w*"
    r"|wil\s+(?:graag\s+)?[^.!?]{1,40}?\s+(?:doen|worden|studeren|volgen))"
    r"|i(?:\s+am|'m)\s+(?:a|an|the|in|on|at|from|with|one|currently)\b|i\s+(?:work|teach|study)"
    r"|we\s+(?:zijn|are|werken|work)|mijn\s+(?:zoon|dochter|kind)|my\s+(?:son|daughter|child))\b[^.!?]*[.!](?=\s+\S)")
_INTRODUCTION_ANY_CASE = re.compile(_INTRODUCTION.pattern, re.IGNORECASE)  # spans of the text as typed
# a clause of the asker's before a colon and the question ("en als ik dat wil koppelen aan de PB: in welke
# werkprocessen komt klantgerichtheid terug?", "for my lesson plan: which …"): its words are no topic; a theme
# before a colon ("agressie: waar komt dat voor?") stays, as it has no first person
_PREAMBLE = re.compile(r"^[^:?.!]*\b(?:ik|wij|we|mijn|onze|ons|i|my|our|me)\b[^:?.!]*:\s*(?=(?:en\s+|and\s+)?(?:in\s+)?"
                       r"(?:welke|welk|wat|waar|waarin|hoe|wie|which|what|where|how|who|zijn\s+er|is\s+er"
                       r"|are\s+there|is\s+there|do|does)\b)")
# the asker's clause that leads up to what they want to know, in the same sentence ("In het kader van ons beleid wil
# ik graag weten in welke werkprocessen …", "For our report I would like to know which …"): no topic words
_WANTS_TO_KNOW = re.compile(r"^[^:?.!;]*\b(?:ik|wij|we|mijn|onze|ons|i|my|our|me)\b[^:?.!;]*\b(?:weten|af|know"
                            r"|wondering|vernemen)\s+(?=(?:in\s+|bij\s+|for\s+)?(?:welke|welk|wat|waar|waarin|hoe|which|what|where"
                            r"|how)\b)")
# the asker's clause about themselves before a comma and the question ("ik kom uit het bedrijfsleven, waar in de
# dossiers komt …?"); not a clause of what it is for ("voor mijn stage in de thuiszorg, welke …": the theme)
_CLAUSE_BEFORE = re.compile(r"^\s*(?:ik|wij|we|i|i'm)\b[^:?.!;,]*,\s*"
                            r"(?=(?:en\s+|and\s+|maar\s+|but\s+)?(?:in\s+|bij\s+)?(?:welke|welk|waar|waarin|which|where)\b)")
# a lead-in that announces a question ("Vraag:", "Snelle vraag:", "Ik heb een vraag:", "Quick question:"); one that
# says what about ("Vraag over agressie: …") keeps what it is about
_QUESTION_LEAD = re.compile(r"^\s*(?:[^\W\d_]+\s+){0,4}?(?:vraag|vraagje|question)"
                            r"(?:\s*:|\s+(?:over|about|on|omtrent)\b(?=[^:?.!]*:))\s*")
# the asker's statements about themselves before the question sentence ("I am good at household work like cleaning
# and cooking. In which work processes does huishouden come up?"): the same, when the question has words of its own
# A greeting alone ("Hoi!") and the asker's own question before the last ("Maar wat doe je dan eigenlijk de hele
# dag? Welke werkprocessen heeft X?") count among them.
_STATEMENT = re.compile(r"^(?>(?:\s*(?:hoi|hi|hallo|hello|hey|dag|beste|dear|good\s+(?:morning|afternoon|evening)"
                        r"|goede(?:morgen|middag|navond)|goeie(?:morgen|middag|navond))\s*[.!,]\s+"
                        r"|[^.!?;]*\b(?:ik|wij|we|mijn|onze|ons|i|i'm|my|our|me)\b[^.!?;]*[.!;]\s+"
                        # what the student did, before the asker's question ("Ze heeft een voorlichting gegeven.",
                        # "Student heeft een vrijwilliger ingewerkt.", "She helped with the laundry.")
                        r"|\s*(?:de\s+|mijn\s+|onze\s+|my\s+|our\s+|the\s+)?(?:ze|zij|hij|she|he|student\w*|stagiair\w*"
                        r"|leerling\w*|studente)\s+(?:heeft|had|hebben|is|was|deed|hielp|helpt|doet|has|had|did|was|is|helped"
                        r"|made|gave)\b[^.!?]*[.!]\s+"
                        r"|[^.!?]*\b(?:ik|je|jij|mijn|i|you|my)\b[^.!?]*\?\s+(?=[^.!?]*\?\s*$)))+"
                        r"(?=[^.!?]*(?:\?(?:\s|$)|[.!]?\s*$))")  # a request may follow the question ("… show up? I want
# every …"); a chat question may end without its mark ("… ben. bij welke werkprocessen heb je daar wat aan")
# a statement that says what is sought is the request itself ("Ik zoek werkprocessen over agressie. Welke zijn er bij
# de Thuisbegeleider?", "My lesson is about medication. Which …?"), never the asker's aside
_SEEKS = re.compile(r"\b(?:zoek\w*|looking|search\w*|weten|know|werk\s*process\w*|work\s+process\w*|kerntaa?k\w*"
                    r"|core\s+tasks?|(?:over|about)\s+(?!(?:becoming|being|doing|worden|to)\b)\w)")
# what points back or only weighs fit, after such a colon ("welke werkprocessen passen daarbij?", "which fit?"): no
# words of the question's own, so the theme before the colon stays
_POINTS_BACK = re.compile(r"^(?:er|daar|hier|waar)(?:over|bij|voor|mee|op|aan|in|uit|door|onder|naast|tegen|toe|van"
                          r"|naar)$|^(?:pas|past|passen|passend\w*|hoor|hoort|horen|sluit|sluiten|aansluit\w*|aan|relevant\w*"
                          r"|geschikt\w*|bruikbaar\w*|raken|raakt|gebruiken|bruikbare"
                          r"|fit|fits|suit|suits|suitable|useful|use|match|matches|belong|belongs|apply|applies|relate"
                          r"|it|this|that|them)$")
# a statement after the question about the asker or their purpose ("Welke werkprocessen heeft X? Ik wil een
# scholingsplan maken.", "... mention aggression? That is what scares me most.", "…, want ik heb het idee dat niet
# alles erin zit."): its words are no topic either
# (unless it says what is asked: "Kun je me helpen? Ik zoek werkprocessen over agressie.", "Het gaat me om medicatie")
_AFTERWORD = re.compile(
    r"(?:(?<=\?)|(?<=,)(?=\s+(?:want|omdat|because|since|aangezien)\b))"  # after the question, or a reason's comma
    r"\s+(?!(?:en|and|of|or|maar|but)\s+(?:hoe|wat|waar|welke?|wanneer|waarom|how|what|where|which|when|why)\b)"
    # (not a second question: "… hoord klantgerichtheid? en hoe laat ik dat zien")
    r"(?:ik|i|i'd|i'm|i've|we|wij|we're|mijn|my|that|that's|dat|this|dit|it|it's|het|sorry|thanks|thank|"
    r"(?:ze|zij|die|they|they're|hij|he|she)\b(?![^?]*\b(?:over|about|om)\b)|"  # "Ze rijden bij ons van cliënt naar
    # cliënt.", not "ze moeten iets over ouders weten"
    r"bedankt|dank|alvast|zodat|want|because|omdat|since|ivm|i\.v\.m\.|vanwege|in\s+verband\s+met"
    r"|wil|wilde|wou|ben|heb|vind|twijfel"  # a chat statement without its subject: "wil het in me portfolio zetten"
    r"|(?:[\w'-]+\s+){0,4}?(?:vroeg|vroegen|asked|mentioned|noemde|noemden|zei|zeiden|said|told)"  # who asked or
    # said it: "nieuwe stagiair vroeg t", "my manager asked", "one of your students mentioned it"
    r"|zoek\s+(?:het|dat|dit)\s+(?:even\s+|maar\s+)?uit|(?:please\s+)?find\s+(?:it|that|this)\s+out|graag|please"
    r"|(?=[^?]*\b(?:ik|mij|me|mijn|m'n|mn|i|my)\b)[\w'’]+)\b"  # any statement of the asker's own ("Thuis kook ik …",
    # "lijkt me wel wat")
    r"(?![^?]*\b(?:bedoel\w*|mean|meant|zoek\w*|looking|gaat\b[^?]*\bom|regarding|betreft|concerning"
    r"|denk\w*\s+aan|think\w*\s+(?:of|about)|bijvoorbeeld|zoals|for\s+example|such\s+as"  # "wij denken aan X"
    r"|liefst|vooral|voornamelijk|mainly|especially|particularly|specifi\w+|ook|also|too|bijzonder|including|inclusief"
    r"|(?:die|dat|degene|the\s+ones?|those)\s+(?:over|about|on|met|with)|(?:know|weten|learn|leren)\b[^?]*\b(?:about|over)"
    r"|werkproces\w*|work\s+process\w*|kerntaa?k\w*|core\s+tasks?"
    r"|eerste|tweede|derde|vierde|vijfde|zesde|laatste|first|second|third|fourth|fifth|sixth|last)\b)[^?]*$")
_AFTERWORD_ANY_CASE = re.compile(_AFTERWORD.pattern, re.IGNORECASE)


# an afterword that gives the question's reason ("… bekijken? ivm agressie van ouders"): the topic when the question
# before it has no word of its own
_REASON = re.compile(r"\s*(?:ivm|i\.v\.m\.|vanwege|in\s+verband\s+met)\b", re.IGNORECASE)
# a reason said with a determiner is the asker's own occasion ("ivm mijn examen", "vanwege een nieuwe opdracht")
_PURPOSE = re.compile(r"\s+(?:een|mijn|m'n|mn|me|onze|ons|jullie|dat|dit|die|deze|het|zo'n|a|an|my|our|that"
                      r"|this)\b", re.IGNORECASE)


def _blank_afterword(text: str, pattern: re.Pattern[str] = _AFTERWORD, topic: bool = False,
                     named: bool = False) -> str:
    """The text with the asker's statement after the question blanked (same length). A reason ("? ivm agressie")
    stays, as "over agressie", when the question before it asks about nothing ("welke werkprocessen moet ik
    bekijken?"), names nothing (``named``: "welke kerntaken heeft de OA? ivm een stagegesprek") and the reason is no
    purpose of the asker's own, said with a determiner ("ivm mijn examen", "ivm een presentatie", "ivm dat
    project"); with ``topic``, that question's own words are blanked then ("bekijken" is no theme)."""
    found = pattern.search(text)
    if found is None:
        return text
    blanked = text[: found.start()] + " " * len(found.group(0)) + text[found.end():]
    asked = blanked.lower()[: found.start()]
    own_theme = _own_words(asked) and (_has(CUES["theme"], asked) or QUOTED.search(asked) is not None)
    reason = _REASON.match(text, found.start())
    if reason and not own_theme and not named and not _PURPOSE.match(text, reason.end()):
        before = " " * reason.start() if topic else text[: reason.start()]
        width = reason.end() - reason.start()  # same length: " ivm" → "over"
        return before + (" over" if width > 4 else "over").ljust(width) + text[reason.end():]
    return blanked


def without_afterword(text: str) -> str:
    """The text with the asker's statement after the question blanked (same length): "Where do the dossiers mention
    medication? I'd rather not do that." points back at nothing with *that*."""
    return _blank_afterword(text, _AFTERWORD_ANY_CASE)


# asking for a list in other words ("kun je alle werkprocessen op een rij zetten?"): no topic
_LISTING = re.compile(r"\bop\s+een\s+rij(?:tje)?\s+(?:zetten|gezet|krijgen)\b")
# a verb of asking before the question it reports ("een student … vraagt welke werkprocessen …"): no topic word;
# "een cliënt die om hulp vraagt" keeps it
_ASKS = re.compile(r"\b(?:vraagt|vroeg|vragen|asks|asked)\s+(?=(?:welke|welk|wat|hoe|waar|of|which|what|how|where"
                   r"|whether|if)\b)")
COORDINATION = frozenset({"or", "of", "(", ")", ",", "/"})  # the marks :func:`_topic` keeps for the theme's structure


_NAME = r"([^\W\d_][\w&'’-]*(?:\s+[^\W\d_][\w&'’-]*){0,3}?)"
_POSSESSIVE = (
    rf"(?:{{kinds}})\s+(?:heeft|hebben|had|hadden|kent|kennen)\s+(?:(?:de|het|een)\s+)?{_NAME}\s*(?:[?.!,]|$|\s+(?:in|bij|op)\b"
    rf"|\s+(?:niveau|level)\s*[1-4]\b)",
    rf"(?:{{kinds}})\s+(?:van|of)\s+(?:de|het|een|the|a|an)\s+{_NAME}\s*(?:[?.!,]|$|\s+(?:in|bij|op|have|has)\b)",
    rf"\b(?:does|do)\s+(?:(?:the|a|an)\s+)?{_NAME}\s+(?:\(?(?:level|niveau)\s*[1-4]\)?\s+)?"  # "(level 4)"
    rf"(?:have|has|do|carry out|perform|contain|cover)\b(?!\s+to\b)",
    rf"\b(?:heeft|hebben)\s+(?:de|het|een)\s+{_NAME}\s*(?:[?.!,]|$)",
    # "which werkprocessen has Verzorgende-IG?", "the work processes in the Verzorgende-IG qualification"
    rf"(?:{{kinds}})\s+has\s+(?:the\s+)?{_NAME}\s*(?:[?.!,]|$)",
    rf"(?:{{kinds}})\s+(?:(?:are|is|zijn|zitten)\s+)?(?:in|of)\s+(?:the|a|an|de|het)\s+{_NAME}\s+"
    rf"(?:qualification|programme|program|diploma|course|kwalificatie|opleiding)\b",
)


# beside a named scope, also "werkprocessen for a zwemonderwijzer": checked against the corpus's words after
_OWNER = (*_POSSESSIVE,
          # not an activity: "een apart werkproces voor het inwerken van nieuwe collega's"
          rf"(?:{{kinds}})\s+(?:for|voor)\s+(?:de|het|een|the|a|an)\s+(?![\w-]+(?:en|ing)\s+(?:van|of|met|with)\b)"
          rf"{_NAME}\s*(?:[?.!,(]|$|\s+(?:in|bij)\b)")


_PRONOUNS = frozenset({"i", "we", "you", "they", "he", "she", "it", "ik", "wij", "jij", "je", "u", "ze", "zij", "hij",
                       "jullie"})


# words for a programme after its name ("the sport en recreatie pathway", "de … opleiding"): no part of the name
_TRACK_NOUNS = frozenset({"pathway", "track", "route", "stream", "richting", "uitstroom", "uitstroomrichting",
                          "programme", "program", "opleiding", "course"})


def _name_words(words: list[str]) -> list[str]:
    """The words of a name given as a profile's, without the asker's situation and function words around it
    ("a student in the kok" → kok; "student in the" → nothing)."""
    if words and words[0] in _PRONOUNS:
        return []  # "which work processes do I have to cover?": the asker, no name
    trimmed = list(words)
    while trimmed and (trimmed[-1] in STOPWORDS or _typed_question_word(trimmed[-1]) or (
            trimmed[-1] in _TRACK_NOUNS and len(trimmed) > 1)):
        trimmed.pop()  # "heeft maatschappelijke zorg eigelijk?": a filler typed wrong ends no name; "the sport en
        # recreatie pathway": the name without the word for a programme
    rest = list(itertools.dropwhile(lambda w: w in situation_words() or w in STOPWORDS, trimmed))
    if rest or len(trimmed) < len(words):
        return rest  # "a student in the kok" → kok; "student in the [known name]" → nothing
    return trimmed  # "de docent": a situation word alone is the name asked about


def _typed_question_word(word: str) -> bool:
    """A question or filler word typed with one slip (*eigelijk* for *eigenlijk*): no word of Dutch or English,
    and near one of :func:`question_words`."""
    from assistant.spelling import is_word

    if len(word) < 5 or word in question_words() or is_word(word, "nl") or is_word(word, "en"):
        return False
    return bool(difflib.get_close_matches(word, [w for w in question_words() if abs(len(w) - len(word)) <= 1],
                                          n=1, cutoff=0.88))


_ABOUT_AFTER_NAME = re.compile(r"(?:^|\s+)(?:gaan|gaat|ging|gingen|over|about|deal\w*|mention\w*|noem\w*)\b.*$")


def _unknown_scope(text: str, folded: str, catalogue: Catalogue,
                   patterns: tuple[str, ...] = _POSSESSIVE) -> tuple[str | None, tuple[str, ...]]:
    """In "welke werkprocessen heeft de astronaut?": the owner named that the index does not know ("… incl.
    aanvullingen" after the name is no part of it)."""
    kinds = "|".join(KIND_WORDS.values())
    folded = re.sub(r"\s+(?:incl\.?|inclusief|including|plus)\s+[^?.!]*", "", folded)
    for pattern in patterns:
        match = re.search(pattern.replace("{kinds}", kinds), folded)
        if match is None:
            continue
        named = re.sub(r"\s*\b\w+\s+to$", "", match.group(1).strip())  # "does a hairdresser learn to do": hairdresser
        named = _ABOUT_AFTER_NAME.sub("", named)  # "van de kinderverzorgster gaan over hygiene": kinderverzorgster
        words = _name_words(named.split())
        if not words:
            continue  # "for a student in the [profile]": the asker's situation, not a name
        name = " ".join(words)  # "de opleiding verpleegkundige", "a student in the kok": the name is the rest
        if re.match(r"\s*(?:met|te maken|betrekking|iets met)\b", match.group(1)) or _has(NEWEST, name) \
                or _has(OLDEST, name) or re.search(REQUIREMENT, name):
            continue  # "welke werkprocessen hebben met maaltijden te maken?", "… van de [name] gaan over rijden?":
            # what they are about, no owner; "welke profielen hebben een eis voor Engels?": what they require;
            # "… heeft de oudste versie van PMK?": the version of a known name
        if name not in question_words() and not re.search("|".join(KIND_WORDS.values()), name):
            return name, closest_names(name, catalogue)
    return None, ()


# a name given as a profile's: "een profiel 'jeugdzorgwerker'", "het profiel jeugdzorg in MZ", "the dental
# assistant profile"; the known names are blanked before, so what is left there names no profile of the index
_PROFILE_NAMED = (
    rf"\b(?:een|het|de)\s+(?:uitstroom)?profiel\s+[\"“'‘]?{_NAME}[\"”'’]?\s*(?:[?.!,]|$|\s+(?:in|bij|binnen)\b)",
    rf"\b(?:the|a|an)\s+(?!(?:additions?|supplements?|add-?ons?|extras?)\b){_NAME}(?<! per)(?<! each)"
    rf"\s+(?:profile|qualification)\b",  # not "the additions per profile"
    rf"\bprofile\s+[\"“'‘]{_NAME}[\"”'’]",
    # "is there a profile for nanny or au pair?", "bestaat er een opleiding tot gastouder?": whether one exists
    r"\b(?:is\s+there|are\s+there|is\s+er|zijn\s+er|bestaat\s+er|bestaan\s+er)\s+(?:also\s+|ook\s+)?(?:a|an|een|any)\s+"
    r"(?:profiles?|profiel(?:en)?|programm?es?|programs?|opleidingen|opleiding|qualifications?|kwalificaties?"
    r"|kwalificatiedossiers?|dossiers?|kd'?s?|qualification\s+files?)\s+"
    r"(?:for|voor|tot|as|als)\s+(?:(?:a|an|the|een|de|het)\s+)?(?![\w-]*ing\b|werken\b)"
    r"([^\W\d_][\w&'’-]*(?:\s+[^\W\d_][\w&'’-]*)?)(?<!ing)(?<!ingen)(?<!tie)(?<!ties)(?<!heid)(?<!heden)"
    r"\s*(?:[?.!,]|$|\s+(?:or|of|en|and)\b)",  # a short name, no
    # activity ("working with elderly people")
)
# a name given as a dossier's ("welke werkprocessen van het KD Verzorgende-IG …", "the qualification file X"); the
# known names are blanked before
_DOSSIER_NAMED = (
    rf"\b(?:het|de|een|the|a|an)\s+(?:kd|kwalificatiedossier|dossier|qualification file)\s+"
    rf"(?!(?:een|de|het|the|a|an|van|of|voor|for|in|en|and|dat|die|that|zelf|itself|bij|op|over|about|on|at|met|with"
    rf"|to|naar|als|as|zegt|says|staat|is|ook|also|nog|wel|niet|not)\b)[\"“'‘]?{_NAME}[\"”'’]?"
    rf"\s*(?:[?.!,(]|$|\s+(?:in|bij|op|gaan|gaat|over|about|deal\w*|mention\w*|noem\w*|met|with|have|has)\b)",
)
_NOT_A_NAME = re.compile(rf"\b(?:eerste|tweede|derde|vierde|vijfde|laatste|first|second|third|fourth|fifth|last"
                         rf"|competen\w*)\b|{PARTS}")  # ordinals and parts of a dossier
_ARTICLES = frozenset({"de", "het", "een", "the", "a", "an"})
# the units' own text asked, not their SBB competence line ("in de tekst van de werkprocessen zelf", "niet in de
# SBB-regel", "in the text itself, not the competence line")
_TEXT_ITSELF = re.compile(r"\b(?:tekst|text|wording)\b[^?.!]{0,40}?\b(?:zelf|itself|themselves)\b"
                          r"|\b(?:niet|not)\s+(?:in|via|from|uit)\s+(?:de\s+|het\s+|the\s+)?sbb[\w-]*")
_POINTING = frozenset({"this", "that", "these", "those", "its", "their", "deze", "dit", "die", "dat", "hun"})
ONE_WORD_ZIPF = 4.0  # one word this common is a word ("the selected profile", "het profiel zelf"), not a name


def _unknown_profile(folded: str, catalogue: Catalogue, patterns: tuple[str, ...] = _PROFILE_NAMED) -> str | None:
    """The name the question gives as a profile's (or, with ``_DOSSIER_NAMED``, a dossier's), when a word of it is
    in no profile or dossier name (one common word is no name, and a name has no digits: "het profiel [OA] toe aan
    B1-K1-W8")."""
    from assistant.spelling import is_word

    skip = question_words() | STOPWORDS
    known = {w[:5] for term in catalogue.scopes for w in re.findall(r"[^\W\d_]+", term)}
    for pattern in patterns:
        for match in re.finditer(pattern, folded):
            given = match.group(1).split()
            if set(given) & _POINTING:
                continue  # "the additions specific to this profile": a profile pointed at, no name
            articles = [i for i, w in enumerate(given) if w in _ARTICLES]
            if articles and not set(given[: articles[-1]]) & situation_words():
                given = given[articles[-1] + 1:]  # "the definition from the sociaalwerker profile": sociaalwerker
            name = " ".join(_name_words(given))
            words = re.findall(r"[^\W\d_]+", name)
            situated = bool(given) and given[0] in situation_words()  # "a student in the kok profile": a name
            if not words or words[0] in skip or all(w in skip for w in words) or _NOT_A_NAME.search(name) \
                    or re.search(r"\d", name) \
                    or re.search("|".join(KIND_WORDS.values()), name) or name in catalogue.scopes \
                    or (len(words) == 1 and not situated
                        and any(is_word(words[0], lang, ONE_WORD_ZIPF) for lang in ("nl", "en"))):
                continue
            if any(w not in skip and w[:5] not in known for w in words):  # "childcare" is part of a known name
                return name
    return None


def title_of_rest(name: str, catalogue: Catalogue) -> str | None:
    """The one profile title that is ``name`` after a first word several titles share (*sport en recreatie* for
    *Medewerker sport en recreatie*, beside *Medewerker facilitaire dienstverlening*), as the sources write it.
    Used where a name is asked for (the owner of a list): elsewhere the rest of a title is a theme as often."""
    titles = {e.profile for entries in catalogue.scopes.values() for e in entries if e.profile}
    split = {t: [w for w in re.split(r"[\s,&/-]+", fold(t)) if w] for t in titles}
    firsts = Counter(words[0] for words in split.values())
    wanted = [w for w in re.split(r"[\s,&/-]+", fold(name)) if w]
    found = [t for t, words in split.items() if len(words) >= 3 and firsts[words[0]] >= 2 and words[1:] == wanted]
    ending = [t for t, words in split.items() if words[-len(wanted):] == wanted] if wanted else []
    return found[0] if len(found) == 1 and len(ending) == 1 else None  # not "specifieke doelgroepen": two titles
    # end so


def half_a_name(name: str, catalogue: Catalogue) -> bool:
    """``name`` holds two words that follow each other in a profile or dossier name, and a word that no name
    has: a profile the index does not have ("pedagogisch medewerker jeugdzorg" beside "pedagogisch medewerker
    kinderopvang"). One shared word is not enough ("de facilitair medewerker", "de sports coordinator"), and a
    place is no name ("in het speciaal onderwijs")."""
    folded = fold(name)
    if folded in catalogue.scopes or re.match(r"(?:in|bij|op|voor|at|in the|for)\b", folded):
        return False
    words = re.findall(r"[^\W\d_]+", folded)
    known = {w for term in catalogue.scopes for w in re.findall(r"[^\W\d_]+", term)}
    pairs = {pair for term in catalogue.scopes for pair in itertools.pairwise(re.findall(r"[^\W\d_]+", term))}
    skip = question_words() | STOPWORDS
    return any(pair in pairs for pair in itertools.pairwise(words)) and any(
        w not in known and w not in skip for w in words)


def _marked(text: str, spans: list[tuple[int, int]]) -> str:
    """The question with each named scope replaced by ``#``: no name can start where a known one stood ("het
    profiel [Helpende Zorg en Welzijn] wordt klantgerichtheid gevraagd" names no profile *wordt …*)."""
    for start, end in sorted(spans, reverse=True):
        text = f"{text[:start]} # {text[end:]}"
    return text


def _with_gloss(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """A name's span with the short bracketed gloss right after it, when it is the name in English ("Sociaal-
    cultureel werker (community worker)": English words, one like a word of the name): the same thing, no theme.
    A bracket that narrows ("Sociaal werk (jongerenwerk)", "(youth work)") stays."""
    gloss = re.match(r"\s*\(([^()\d]{3,40})\)", text[span[1]:])
    if gloss is None:
        return span
    words = re.findall(r"[^\W\d_]+", gloss.group(1).lower())
    named = re.findall(r"[^\W\d_]+", text[span[0]:span[1]].lower())
    english = all(map(english_word, words))
    alike = any(difflib.SequenceMatcher(None, w, n).ratio() >= GLOSS_ALIKE for w in words for n in named)
    return (span[0], span[1] + gloss.end()) if words and english and alike else span


GLOSS_ALIKE = 0.8  # a gloss word this like a word of the name (*worker*, *werker*: 0.83; *work*, *werk*: 0.75)


def _without(text: str, spans: list[tuple[int, int]]) -> str:
    """The question with the named scopes blanked."""
    return "".join(" " if any(a <= i < b for a, b in spans) else ch for i, ch in enumerate(text))


def closest_names(name: str, catalogue: Catalogue, n: int = 5, pad: bool = True) -> tuple[str, ...]:
    """The known dossier/profile names most like ``name`` (display spelling); with ``pad``, the first few known
    after them when fewer than three are alike."""
    shown = {}
    for term, entries in catalogue.scopes.items():
        for entry in entries:
            label = entry.profile or entry.dossier
            if fold(label) == term or len(term) <= 4:
                shown.setdefault(term, label if fold(label) == term else term.upper())
    close = difflib.get_close_matches(fold(name), list(shown), n=n, cutoff=0.5)
    names = [shown[t] for t in close]
    if len(names) < 3 and pad:
        full = sorted({e.profile or e.dossier for entries in catalogue.scopes.values() for e in entries})
        names += [f for f in full if f not in names][: n - len(names)]
    return tuple(dict.fromkeys(names))


def _misplaced(text: str, terms: list[str], catalogue: Catalogue) -> tuple[str, ...]:
    """A profile named "in" a dossier it is no part of ("welke werkprocessen heeft de Thuisbegeleider in Pedagogisch
    Werk?"): the two names, which exclude each other; nothing when the profile is in that dossier."""
    entries = {t: catalogue.scopes.get(fold(t), ()) for t in dict.fromkeys(terms)}
    profiles = [t for t, found in entries.items() if found and all(e.profile for e in found)]
    dossiers = [t for t, found in entries.items() if found and all(e.profile is None for e in found)]
    for profile, dossier in itertools.product(profiles, dossiers):
        within = rf"{re.escape(profile)}\s+(?:in|uit|van|binnen|from|of|within)\s+(?:(?:het|de|the)\s+)?" \
                 rf"(?:(?:dossier|kd|kwalificatiedossier)\s+)?{re.escape(dossier)}(?![\w-])"
        held = {e.dossier for e in entries[dossier]}
        if re.search(within, text, re.IGNORECASE) and not any(e.dossier in held for e in entries[profile]):
            return (entries[profile][0].profile or profile, entries[dossier][0].dossier)
    return ()


def _conflict(folded: str, years: list[str], levels: tuple[int, ...], scope_terms: list[str]) -> tuple[str, ...]:
    """Two "alleen/only" clauses that each name a different year, level or scope."""
    clauses = re.split(CUES["only"], folded)[1:]
    if len(clauses) < 2:
        return ()
    found: list[str] = []
    for clause in clauses:
        head = clause.split(",")[0].split(" en ")[0].split(" and ")[0]
        year = _YEAR.search(head)
        level = re.search(r"\b(?:niveau|level)\s*([1-4])\b", head)
        name = next((t for t in scope_terms if fold(t) in head), None)
        found.append(year.group(1) if year else (f"niveau {level.group(1)}" if level else (name or "")))
    values = [v for v in found if v]
    return tuple(dict.fromkeys(values)) if len(set(values)) > 1 else ()


_SBB_LETTER = re.compile(r"\b(?:sbb[- ]?)?(?:competenties?|competences?|competencies|competency)\s+([A-Za-z])"
                         r"(?=\s*(?:[?.!,;:)]|$|\s+(?:en|and|or|of|in|bij|van|voor|for|uit|from)\b))")


def sbb_letters(text: str) -> tuple[str, ...]:
    """SBB competences named by their letter ("SBB-competentie K", "competence e": alone, before punctuation or
    "en", "in", …; as capitals)."""
    return tuple(dict.fromkeys(m.group(1).upper() for m in _SBB_LETTER.finditer(text)))


def sbb_named(text: str, sbb: dict[str, str], loose: bool = False, letters: int = 4,
              halves: bool = False) -> tuple[str, ...]:
    """SBB competences whose title the text names (Dutch, or English through ``data/sbb_competences_en.json``):
    every content word, or 2 of 3 for long titles; with ``loose`` (the question asks for a competence) one
    word of a two-word title ("vragen om samenwerken") when no title is named in full. An English name counts when
    most of its words share their first ``letters`` letters with the text's; with ``halves`` (a theme asked, no
    competence), an English name of a two-word Dutch title needs a word of each side of its "and", as the Dutch
    title needs both ("working together" alone is *samenwerken*, not "Samenwerken en overleggen")."""
    stems = {t for t in tokenize(text) if t not in STOPWORDS}
    folded = fold(text)
    found, partial = [], []
    for code, title in sbb.items():
        wanted = _title_stems(title)
        need = len(wanted) if len(wanted) <= 2 else -(-2 * len(wanted) // 3)
        hits = len(wanted & stems)
        if wanted and hits >= need:
            found.append(code)
        elif loose and len(wanted) == 2 and hits == 1:
            partial.append(code)
    # "work processes" is no "working together", "profile" no "professional"
    words = _prefixes(re.sub(r"\bwork\s?process\w*|\bprofiles?\b", " ", folded), letters)
    for code, names in sbb_english().items():
        if code not in sbb:
            continue
        for name in names:
            wanted = _prefixes(name, letters)
            # the phrase, or most of its words ("ethical and integer conduct" ~ "ethical and honest conduct")
            most = len(wanted) >= 2 and len(wanted & words) * 3 >= 2 * len(wanted)
            if most and halves and len(_title_stems(sbb[code])) <= 2:
                most = all(_prefixes(side, letters) & words for side in re.split(r"\s+and\s+", name))
            if most or re.search(rf"\b{re.escape(name)}\b", folded):
                found.append(code)
                break
    return tuple(dict.fromkeys(found or (partial if len(partial) == 1 else [])))


@lru_cache(maxsize=256)
def _title_stems(title: str) -> frozenset[str]:
    return frozenset(t for t in tokenize(title) if t not in STOPWORDS and len(t) > 2)


SBB_ENGLISH_FILE = Path(__file__).with_name("data") / "sbb_competences_en.json"


@lru_cache(maxsize=1)
def sbb_english(path: Path = SBB_ENGLISH_FILE) -> dict[str, tuple[str, ...]]:
    """English names of the SBB competences, letter → lower-case phrases (an editable data file).

    Raises:
        ValueError: when the file is not ``{"names": {"A": ["...", ...], ...}}``.
    """
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    names = data.get("names") if isinstance(data, dict) else None
    if not isinstance(names, dict) or not all(
            re.fullmatch(r"[A-Y]", k) and isinstance(v, list) and all(isinstance(x, str) for x in v)
            for k, v in names.items()):
        raise ValueError(f"{path.name}: expected {{'names': {{letter: [phrase, ...]}}}}")
    return {k: tuple(fold(x) for x in v) for k, v in names.items()}


# what the asker must cover ("which work processes do I have to cover?", "what must we cover"): the units asked
# for, not a theme they cover ("which work processes cover safety?", "… should cover hygiene?")
_ASKER_COVERS = re.compile(r"\b(?:i|we|you|students?)\s+(?:(?:have|has|need|needs|ought)\s+to\s+|must\s+|should\s+)?"
                           r"cover\b|\b(?:must|should|do|can)\s+(?:i|we|you)\s+cover\b")
# programmes asked for as such ("what programmes are there / exist / are offered …"), not a programme of activities
# ("which programmes does the coordinator design?"); "in all these programmes" names the scope, no theme
_PROGRAMMES_LISTED = re.compile(r"\b(?:what|which)\s+(?:kinds?\s+of\s+)?(?:mbo[- ]?\d?\s+|other\s+|level[- ]?\d\s+)?"
                                r"(?:programmes|programs)\s+(?:(?:are\s+there|exist|are\s+(?:available|offered)"
                                r"|can\s+i\s+choose)\b(?!\s+(?:for|about|with|on|to|by|after)\b)"  # "… for children"
                                r"|(?:does|do)\s+[\w&' -]{2,40}?\s+(?:have|offer|include|contain)\s*[?.!]*\s*$)")
_PROGRAMME_NOUNS = ("programmes|programs|jobs|professions|occupations|roles|careers|courses|qualifications|diplomas"
                    "|grads|graduates")
_IN_THESE_PROGRAMMES = re.compile(r"\bin\s+(?:all\s+)?(?:these|those|deze|die)\s+(?:(?:mbo|vocational|dutch)\s+)?"
                                  r"(?:programmes|programs|courses|opleidingen)\b")
ANY_PROGRAMME = re.compile(rf"\bany\s+of\s+(?:these|those|the)\s+(?:(?:mbo|vocational|dutch)\s+)?"
                           rf"(?:{_PROGRAMME_NOUNS}|opleidingen|profiles|dossiers)\b"
                           r"|\b(?:in\s+een|welke)\s+van\s+(?:deze|die|de)\s+(?:mbo-?\s?)?(?:opleidingen|beroepen|functies"
                           r"|diploma'?s|profielen)\b"  # "which of these grads …", "which jobs involve food": where
                           rf"|\bwhich\s+of\s+(?:these|those)\s+(?:(?:mbo|vocational|dutch)\s+)?(?:{_PROGRAMME_NOUNS})\b"
                           r"|\bwhich\s+(?:mbo\s+)?(?:jobs|roles|programmes|programs|occupations|professions|grads|graduates)"
                           r"\s+(?:\w+\s+){0,2}?(?:involve|deal|cover|teach|train|learn|need|require|handle|focus)\w*\b")
_THESE_PROGRAMMES = (r"\b(?:in|of|across|for)\s+(?:all\s+|any\s+of\s+)?(?:these|those|the|all)\s+"
                     r"(?:programmes|programs)\b")
# the programmes one can go on to after this one: the dossier's doorstroom text, not a list of its profiles
ONWARD = (r"\bmove\s+on\b|\bgo\s+on\s+to\b|\bprogress\w*\s+to\b|\bcontinue\w*\s+(?:to|with|in)\b"
          r"|\bafter\s+(?:finishing|completing|graduating|it|this|that)\b|\bdoorstro\w*|\bdoorgroei\w*"
          r"|\bna\s+(?:afronding|het\s+diploma|deze\s+opleiding|die\s+opleiding)\b|\bvervolgopleiding\w*"
          r"|\bfurther\s+(?:education|studies|study)\b|\bdaarna\b|\bafterwards\b")
# "welk referentieniveau Nederlands geldt voor de niveau 4-opleidingen?", "which reference level applies to the
# level-4 profiles?": the thing asked is what applies, the kind after "voor/to" is whom it applies to
_APPLIES = re.compile(r"\b(?:welke?|which|what)\s+([^\W\d_][\w-]*(?:\s+[\w()-]+){0,12}?)\s+"
                      r"(?:geldt|gelden|applies|apply)\s+(?:voor|for|to|bij)\b")
_BACK = frozenset({"daarvan", "hiervan", "waarvan", "those", "these", "ones", "them"})  # words back to a list
# what every row of a profile list shows: asked of the profiles, it is their list
_ROW_FACT = (r"^(?:sbu|studielast\w*|studiebelasting\w*|studie-?uren|studieduur|duur|crebo\w*|niveaus?|levels?|study"
             r"|load|hours|length|duration)$")


def _applies_to_kind(folded: str) -> bool:
    """Whether the question asks what applies to a kind of unit ("welke taaleis geldt voor de profielen?"), not for
    the units themselves ("welke profielen gelden voor …" asks for them) nor for a fact their list shows (sbu)."""
    match = _APPLIES.search(folded)
    if match is None or match.group(1).split()[0] in STOPWORDS | _BACK:  # "which of those apply to …": a list
        return False
    if any(_has(p, match.group(1)) for p in KIND_WORDS.values()):
        return False
    asked = [w for w in re.findall(r"[^\W\d_]+", match.group(1)) if w not in STOPWORDS and not _has(_ROW_FACT, w)]
    return bool(asked)  # "welke studielast geldt voor de profielen?": what every row of their list shows


_CHANGED = (r"\b(?:verdwen\w*|bijgekomen|erbij gekomen|weggevallen|vervallen|toegevoegd|nieuw in|disappear\w*|dropped"
            r"|removed|added|new in)\b")  # what a newer version took out or put in: both versions asked


def _edge_version(folded: str, scope_terms: list[str], catalogue: Catalogue) -> tuple[str, ...]:
    """The year of the named scopes' newest (or oldest) version, when the question asks for it and they have
    several; else ()."""
    if asks_change(folded) or _has(_CHANGED, folded):  # "welke werkprocessen zijn verdwenen in de nieuwste
        return ()  # versie?": both versions
    newest, oldest = _has(NEWEST, folded), _has(OLDEST, folded)
    if newest == oldest:
        return ()
    years = sorted({e.version[:4] for e in scope_entries(scope_terms, (), catalogue) if e.version})
    if len(years) < 2:
        return ()
    return (years[-1] if newest else years[0],)


ASKING = ("which", "where", "what", "welke", "welk", "waar", "hoeveel")  # the question words the cues are written for
UNIT_WORDS = ("werkprocessen", "werkproces", "kerntaken", "competenties", "processes", "process",
              "competences")  # the unit kinds asked for ("work proccesses")
ASKING_LIKE = 0.85  # how alike a typed word must be to one of them to be read as it ("wich", "whihc", "wlke")
LONG_LIKE = 0.8  # ... a word of LONG_WORD letters or more, where two letters typed by ear weigh less ("werkprossesen")
LONG_WORD = 10
COMPARING = ("different", "difference", "differences", "verschil", "verschillen", "vergelijk", "compare",
             "verschillende")  # the nearest of them wins: "verschillnde" is no verschil
COMPARING_WORD = 7  # a typed word this long or longer may be one of them ("diffrent", "verschill")
UNWRITTEN = 0.5  # wordfreq's Zipf scale: a word below this in Dutch and English is written by nobody (a typo)


_WORKING_PROCESS = re.compile(r"\bworking\s+(proce?s+(?:es|ess?es)?)\b", re.IGNORECASE)


def asking_words_fixed(text: str) -> str:
    """The question with each mistyped question word or unit kind written right ("wich work processes …" →
    "which work processes …", "welke werprocessen" → "welke werkprocessen"): a word of four letters or more that
    is no Dutch or English word in use and is near one; "working processes" are work processes."""
    from assistant.spelling import is_word

    def fix(match: re.Match[str]) -> str:
        word = match.group(0)
        low = word.lower()
        if len(low) < 4 or low in ASKING or is_word(low, "nl") or is_word(low, "en") or any(
                re.fullmatch(pattern, low) for pattern in KIND_WORDS.values()):
            return word  # a word in use, or a kind word already ("competences", "werkprocesen")
        unwritten = not (is_word(low, "nl", UNWRITTEN) or is_word(low, "en", UNWRITTEN))  # "werkprossesen", not
        # "leerprocessen" or "rekentaken"
        near = difflib.get_close_matches(low, ASKING + UNIT_WORDS, n=1,
                                         cutoff=LONG_LIKE if len(low) >= LONG_WORD and unwritten else ASKING_LIKE)
        if not near and len(low) >= COMPARING_WORD:  # "whats diffrent in level 4"
            near = difflib.get_close_matches(low, [w for w in COMPARING if w[:2] == low[:2]], n=1, cutoff=LONG_LIKE)
        return near[0] if near else word

    text = _WORKING_PROCESS.sub(r"work \1", text)  # "which working processes …" (a learner's English)
    return re.sub(r"[^\W\d_]+", fix, text)


# a leading clause that gives the purpose or the reason ("Ten behoeve van een analyse van …, zou ik graag …",
# "Aangezien … vormt, en wij … willen beoordelen, verneem ik graag …"): up to the last comma before the request; or
# the occasion up to a colon
_REASON_LEAD = re.compile(
    r"^\s*(?:(?:ten behoeve van|in het kader van|met het oog op|omdat|aangezien|for the purpose of|in the context of"
    r"|with a view to|because|since)\b.*?,"
    # the asker's own occasion before a colon ("Voor een scholing over samenwerken rond het kind: in welke …?")
    r"|(?:voor|for)\s+(?:een|mijn|onze|ons|a|an|my|our)\s+[^:?.!]*?:)\s*"
    r"(?=(?:zou|zouden|wil|willen|kan|kunt|kun|mag|verneem|hoor|ontvang|graag|welke?|wat|waar|hoe|would|could"
    r"|can|may|i'd|i\s+would|i\s+want|please|which|what|where|how|in\s+welke?|in\s+which|bij\s+welke?)\b)",
    re.IGNORECASE)
# what a lead must keep: it names a year, level, kind or asks itself ("Omdat ik wil weten welke …, kun je …")
_LEAD_KEEPS = re.compile(r"\b20\d\d\b|\b(?:niveau|level)\s*[1-4]\b|\b(?:welke?|wat|waar|which|what|where)\b|"
                         + "|".join(KIND_WORDS.values()), re.IGNORECASE)
# a rest that points back into the lead ("…, welke werkprocessen gaan daarover?", "which … mention it?")
_POINTS_INTO = re.compile(r"\bdaar(?:over|in|bij|mee|aan|voor|door|van)\b|\ber(?:over|in|bij|mee|aan|van)\b"
                          r"|\b(?:it|them|those|these|hetzelfde)\b", re.IGNORECASE)


# a comparison asked after the question, in its last clause ("…, en verschilt dat tussen 2015 en 2021?", "…, en of
# daarin tussen beide versies een verschil zichtbaar is?", "…, and does it differ between the versions?")
_COMPARED_AFTER = re.compile(r",?\s+(?:en|and)\s+(?=[^?.!]*\b(?:verschil\w*|differ\w*|changed?|veranderd|anders)\b)"
                             r"(?:(?:of|whether|if)\b|(?:does|do|is)\s+(?:it|that|this|there)\b"
                             r"|(?:verschil\w*|differ\w*|veranderd|changed?)\s+(?:dat|dit|het|it|that|this|there)\b)"
                             r"[^?.!]*[?.!]?\s*$", re.IGNORECASE)  # it points back: not "…, and what changed?"


def without_reason_lead(text: str, catalogue: Catalogue, competences: Iterable[str] = ()) -> str:
    """The question without a leading purpose or reason clause ("Ten behoeve van een analyse van de aansluiting …,
    zou ik graag een overzicht …"): its words are no theme. The lead stays when it names a dossier, profile,
    competence, year, level or kind, or asks itself, and when the rest points back into it or has no words of
    its own ("Since my students struggle with aggression, which work processes should I look at?")."""
    lead = _REASON_LEAD.match(text)
    if lead is None:
        return text
    head, rest = lead.group(0), text[lead.end():]
    if find_scope_terms(head, catalogue) or _LEAD_KEEPS.search(head) or _POINTS_INTO.search(rest) \
            or any(re.search(rf"\b{re.escape(c)}\b", fold(head)) for c in competences) or not _own_words(fold(rest)):
        return text
    if head.rstrip().endswith(":") and (re.search(r"\b(?:dat|dit|that|this)\b", rest, re.IGNORECASE) or not _own_words(
            fold(_without(rest, [span for _, span in find_scope_terms(rest, catalogue)])))):
        return text  # "Voor een les over hygiëne: welke werkprocessen van PMK?": the theme is in the occasion
    return rest


def _numbered_versions(scopes: tuple[ScopeEntry, ...], numbered: tuple[ScopeEntry, ...],
                       years: tuple[str, ...]) -> tuple[ScopeEntry, ...]:
    """The scopes with a crebo number's version of its name: another version of the same name goes, unless its
    year is named too ("PMK (25486) en PMK 2021"); other names stay; the numbered ones are added."""
    def same_name(entry: ScopeEntry, number: ScopeEntry) -> bool:
        names = {fold(x) for x in (entry.dossier, entry.profile) if x}
        return bool(names & {fold(x) for x in (number.dossier, number.profile) if x}) if number.profile is None \
            else fold(number.profile) in names

    kept = [e for e in scopes if not any(same_name(e, n) and e.version != n.version
                                         and (e.version or "")[:4] not in years for n in numbered)]
    return tuple(dict.fromkeys([*kept, *numbered]))


# a question that asks for a reason ("why is …", "waarom zit …", "how come …"): no list, comparison or competence,
# unless it also asks for one ("Why does X have 7 work processes? List them.", "Why and which …", "vergelijk ze")
_REASON_ASKED = re.compile(r"\s*(?:(?:en|and|but|maar|ok\w*|so|dus)[,\s]+)?"
                           r"(?:why|waarom|how\s+come|hoe\s+komt\s+het)\b")
# two programmes' facts weighed as the same ("it is same level? same study hours?", "zelfde niveau?", "evenveel sbu?")
SAME_FACT = r"\b(?:same|(?:het|de)?zelfde)\s+(?:[\w-]+\s+)?(?:level|levels|niveau|hours|load|sbu|crebo)\b|\bevenveel\b"
_ALSO_REQUESTED = re.compile(r"\b(?:which|welke|welk|list|lijst|noem|geef|show|toon|vergelijk\w*|compare|wat zijn"
                             r"|what are)\b")


def route(question: str, catalogue: Catalogue, vocabulary: Vocabulary, lang: str | None = None,
          sbb: dict[str, str] | None = None) -> Intent:
    """The question type and what it names.

    Args:
        question: the self-contained question (a follow-up already merged).
        catalogue: names, versions and kinds of the index.
        vocabulary: competences of the index.
        lang: the answer language when already known (a follow-up keeps the conversation's).
        sbb: the SBB competences the werkprocessen name (letter → title).
    """
    # "wich …" → "which …"; "evaluatiewerkprocessen": werkprocessen about evaluatie
    text = _COMPOUND_KIND.sub(r"\1 \2", asking_words_fixed(question))
    lang = lang or language(text, phrases=catalogue.pattern())
    text = without_reason_lead(text, catalogue, vocabulary.competences)
    text = _ASKERS_DOCUMENT.sub(lambda m: " " * len(m.group(0)), text)  # "for a comparative report, …": no
    # comparison, no topic, no SBB competence ("report")
    folded = fold(text)
    all_named = find_scope_terms(text, catalogue)
    named = _asked_names(text, all_named)
    weighed = len(named) < len(all_named)  # an introduction weighed two names; the question asks of one
    named = _question_names(text, named)
    scope_terms = [t for t, _ in named]
    known_years = {v[:4] for v in catalogue.versions}
    years = years_named(text)
    good_years = tuple(dict.fromkeys(y for y in years if y in known_years))
    unknown_years = tuple(dict.fromkeys(y for y in years if y not in known_years))
    if not years and scope_terms:  # "the newest onderwijsassistent dossier": the named scope's latest version
        unnamed = re.sub(r"\s+", " ", fold(_without(text, [span for _, span in named])))  # "the newest [OA] dossier"
        good_years = _edge_version(unnamed, scope_terms, catalogue)
    levels = find_levels(programme_levels_removed(folded, catalogue, vocabulary.competences))
    competence_names = _competences(fold(_without(text, [span for _, span in all_named])), vocabulary)  # not
    # the "coaching" of "Coördinator sportinstructie, training en coaching"
    bare = re.search(r"(?:\b(?:tussen|between)\s+([1-4])\s+(?:en|and|&)|(?<![\w-])([1-4])\s*(?:vs\.?|versus|↔))"
                     r"\s+([1-4])\b(?!\s*(?:uur|jaar|jaren|weken|dagen"
                     r"|maanden|minuten|hours?|years?|weeks?|days?|months?|minutes?)\b)", folded)
    if not levels and competence_names and bare and _has(CUES["compare"], folded):  # "plannen en organiseren:
        levels = (int(bare.group(1) or bare.group(2)), int(bare.group(3)))  # het verschil tussen 2 en 3?",
        # "kwaliteitsgericht 3 vs 4"
    asked_part = without_afterword(folded)  # "… GGZ? I want to compare them with the units of an NVQ.": kerntaken
    loose = _has(CUES["competence"], asked_part) and not competence_names  # "is de competentie
    # Ondernemerschap van toepassing?": a competence named whole; "toepassing" is no half of SBB *Vakdeskundigheid
    # toepassen*; "… handelingen? moet ik weten voor mn stage": the asker's afterword cues nothing
    halves = not loose and _has(CUES["theme"], folded)  # "which work processes are about working together?"
    spoken = re.sub(f"{LEARNS_ABOUT}|{WHERE_LEARNED}", " ", text, flags=re.IGNORECASE)  # "leren ze iets over …",
    # "waar leer ik EHBO?" name no SBB "Leren"
    asked_sbb = sbb_named(_asking_sentences(spoken), sbb or {}, loose=loose, halves=halves)
    # a one-word SBB name in a statement before the question is no competence ("Mijn eerstejaars … moeten leren.
    # Welke …?"); a longer one is ("… dat ze goed plant en organiseert. Aan welke wp's kan ik haar koppelen?")
    titled = sbb_named(spoken, sbb or {}, loose=loose, letters=5 if lang == "en" else 4,
                       halves=halves)  # in English, four first
    # letters are too few outside the question ("considering a partnership with a college": *cons*, *coll*; five
    # tell them apart and keep "ethical and integer conduct"); a Dutch statement's words may share four with the
    # English name ("dat ze goed plant en organiseert": *plan*, *orga*)
    sbb_codes = tuple(c for c in sbb_named(spoken, sbb or {}, loose=loose, halves=halves)
                      if c in asked_sbb or (c in titled and len((sbb or {}).get(c, "").split()) > 1))
    if not loose and (verb_used(LEARN, folded) or _has(WHAT_LEARNED, folded)):  # "wat moet een OA leren?",
        # "wat leren studenten in …?", "what will he be learning?": what a student learns is the programme, not SBB
        # *Leren* ("moet je kunnen presenteren" is *Presenteren*)
        sbb_codes = tuple(c for c in sbb_codes if fold((sbb or {}).get(c, "")) != LEARN)
    sbb_codes = tuple(dict.fromkeys([*sbb_codes, *(c for c in sbb_letters(text) if c in (sbb or {}))]))
    if _has(TITLE_HOLDS, folded) and not _has(r"\bcompeten\w*|\bsbb\b", folded):
        sbb_codes = ()  # "which work processes have titles containing begeleiding?": a word of the titles

    kind = next((k for k, p in KIND_WORDS.items() if _has(p, asked_part)), None)
    if kind == "profiel" and not _has(_PROFILE_KIND, folded) and not _has(SAME_DOSSIER, folded) and any(
            e.profile for e in scope_entries(scope_terms, (), catalogue)):  # "welke kwalificaties moet … hebben?"
        kind = None
    if kind == "profiel" and not scope_terms and not _has(_PROFILE_WORDS + "|" + _AT_LEVEL, asked_part):
        kind = None  # "richtingen" of no programme named: a theme ("waar komen levensbeschouwelijke richtingen voor?")
    if kind == "profiel" and _applies_to_kind(folded):  # "welk referentieniveau geldt voor de niveau 4-opleidingen?"
        kind = None
    if kind is None and (_PROGRAMMES_LISTED.search(folded) or re.search(
            rf"\b(?:which|what|welke)\s+(?:programmes|programs|opleidingen)\s+(?:{REQUIRED})", folded)):
        kind = "profiel"  # "what programmes are there at level 2?", "which programmes require a VOG?"
    these = _IN_THESE_PROGRAMMES.search(folded)
    if kind == "profiel" and not scope_terms and these and _has(CUES["where"], folded) and not _has(
            _PROFILE_KIND, folded) and _topic_left(folded[: these.start()] + " " + folded[these.end():]):
        kind = None  # "where do I learn first aid in these opleidingen?": a theme across the programmes
    if kind is None and not scope_terms and programmes_with_theme(folded):
        # "… give medication in any of these programmes?": where; "any of the programmes of PW" names a scope, and
        # its theme stays a search; with no theme left ("which of these programmes include an internship?") no list
        kind = "werkproces"
    if kind == "profiel" and _has(ONWARD, folded):  # "which programmes can I move on to?": the doorstroom text
        kind = None
    if kind == "werkproces" and QUOTED.search(text) and _has(COMPETENCES_ASKED, folded):
        kind = "competentie"  # "which SBB competences are listed for the OA work process 'Houdt toezicht …'?": the
        # competences of the unit the title names
    if kind is None and _has(UNDER_CORE_TASK, folded):  # "wat zit er allemaal onder P2-K1?": its werkprocessen
        kind = "werkproces"
    named_spans = [span for _, span in named]
    focused = kind is None and bool(scope_terms) and _tasks_with_focus(text, named_spans)  # "… taken heeft een
    # helpende? Het gaat mij vooral om medicatie."
    tasks_asked = kind is None and bool(scope_terms) and not focused and _asks_its_tasks(text, named_spans)
    if tasks_asked or focused:
        kind = "werkproces"  # "welke taken heeft een helpende?", "wat moet een PMK'er allemaal kunnen?"
    only = _has(CUES["only"], folded)
    conflict = _conflict(folded, years, levels, scope_terms) or _misplaced(text, scope_terms, catalogue)
    scopes = scope_entries(scope_terms, good_years, catalogue, text)
    numbered = crebo_scopes(text, catalogue)
    if numbered:  # "het KD Sociaal werk (crebo 23185)": the version the number names; other names stay
        scopes = _numbered_versions(scopes, numbered, good_years)
    if kind == "profiel" and _has(SAME_DOSSIER, folded):  # "welke andere opleidingen zitten in hetzelfde dossier als
        # de thuisbegeleider?": the profiles of its dossier
        scopes = tuple(dict.fromkeys(ScopeEntry(e.dossier, None, e.version) for e in scopes))
    missing_version = _missing_version(scope_terms, good_years, catalogue, compare=_has(CUES["compare"], folded),
                                       question=text)
    spans = [_with_gloss(text, span) for _, span in named]
    kind_patterns = [_PROFILE_WORDS if k == "profiel" and kind != "profiel" else p for k, p in KIND_WORDS.items()]
    # "richtingen" not read as profiles is a theme word
    in_contact = [] if _has(MAKING_CONTACT, folded) else [IN_CONTACT]  # "contact leggen met": contact asked
    cue_patterns = [UNITS_VERB, NATIONAL, IN_GENERAL, REGARDING, YOUR_SOURCES, *in_contact, _TEXT_ITSELF.pattern,
                    AT_WHICH_PLACES,
                    LIST_SHAPE,
                    *kind_patterns, AN_ADDITION, CUES["compare"], MORE_THAN, WHICH_MORE, SET_BESIDE, CUES["only"],
                    r"\bkomt\b|\bkomen\b|\bvoor\b",
                    PLAYS_A_ROLE, *(tail for verb, tail in ROLE_TAILS if _has(verb, folded)),
                    *([r"\bte maken\b"] if _has(HAS_TO_DO_WITH, folded) else []),  # "… met X te maken": no *maken*
                    ASKER, REQUEST, PARTS, ASKS_FOR, r"\bzie(?:t|n)?\b(?=[^?.!]*\bterug\b)",
                    r"\bcom(?:e|es|ing)\s+back\b",
                    _THESE_PROGRAMMES, _PROGRAMMES_LISTED.pattern,
                    r"\b(?:sbb[- ]?)?competen\w*\s+[a-z]\b(?![\w-])",
                    INCLUDING, CREBO_GIVEN,  # "include profile-specific additions": the scope's parts, no theme
                    WITHOUT_ADDITIONS, TITLE_HOLDS, *(rf"\b{n}\b" for n in crebo_numbers(text, catalogue)),
                    NEWEST, OLDEST, LEARNS_ABOUT, WHERE_LEARNED, WHAT_LEARNED, UNDER_CORE_TASK,
                    r"\baan\s+de\s+orde\b",  # "komt veiligheid aan de orde?": where, no *orde*
                    *([TASKS] if tasks_asked or focused else []),
                    *([LEARNER_LEARNS] if verb_used(LEARN, folded) else []),
                    *([_FOCUS] if focused else []),
                    *([REFERS] if re.search(UNITS_REFER, folded) else [])]
    competence_patterns = [re.escape(c) + _WORKING for c in _competence_phrases(folded, vocabulary)]
    topic = _topic(text, spans, cue_patterns + competence_patterns)
    phrase = _topic(text, spans, cue_patterns + competence_patterns, marks=True)
    base = dict(lang=lang, question=text, kind=kind, scopes=scopes, scope_terms=tuple(scope_terms),
                years=good_years, unknown_years=unknown_years, levels=levels, competences=competence_names,
                sbb=sbb_codes, only=only, conflict=conflict, topic=topic, phrase=phrase,
                missing_version=missing_version,
                codes_named=re.search(r"\b[bp][1-9i]-k[0-9i]+|\bp[1-9]\b|\b\d{5}\b", folded) is not None,
                asked=_without_weighing(text) if weighed else "")

    named_profile = _unknown_profile(fold(_marked(text, spans)), catalogue) or _unknown_profile(
        fold(_marked(text, spans)), catalogue, _DOSSIER_NAMED)  # "… van het KD Verzorgende-IG …"
    if named_profile:  # "klopt het dat er een profiel 'jeugdzorgwerker' in MZ zit?", "the dental assistant profile"
        return Intent(LIST if kind else LOOKUP, mode=TREE if kind else None, unknown_scope=named_profile,
                      suggestions=closest_names(named_profile, catalogue), **base)
    if _REASON_ASKED.match(folded) and not _ALSO_REQUESTED.search(folded):  # "Why is VVE only in the level 4
        return Intent(LOOKUP, **base)  # qualifications?": a reason, from the passages
    stated = _statement_end(asked_part, bool(scopes))  # "I want to compare the education of … . Please give all work
    # processes of X": the asker's plan before a request for units compares nothing, unless it names two programmes
    # ("Ik wil PMK en GPM vergelijken. Welke werkprocessen zijn anders?")
    asked_now = asked_part[stated:] if kind and _has("|".join(KIND_WORDS.values()), asked_part[stated:]) and len(
        {fold(t) for t, _ in find_scope_terms(asked_part[:stated], catalogue)}) < 2 else asked_part
    compared = _has(CUES["compare"], _without_own_material(SAME_DOSSIER.sub(" ", asked_now), scope_terms)) or (
        (_has(MORE_THAN, asked_part) or _has(WHICH_MORE, asked_part) or _has(SET_BESIDE, asked_part)
         or _has(COMPARATIVE, asked_part) or _has(BOTH_WAYS, asked_part))
        and (len({fold(t) for t in scope_terms}) >= 2 or len(good_years) >= 2)) or (kind is None and _one_of_two(
            folded, scope_terms, catalogue))  # "wat moet een GPM'er meer
    # kunnen dan een PMK'er?", not "… meer kunnen dan een stagiair?"
    # not "… met ons leerplan", nor the asker's plan after the question ("… GGZ? I want to compare them with an
    # NVQ."), nor "in hetzelfde dossier als X"
    head = _COMPARED_AFTER.sub("", asked_part)
    if compared and head != asked_part and kind == "werkproces" and _has(CUES["where"], head) \
            and not _has(CUES["compare"], head):  # "In welke werkprocessen komt feedback aan bod, en verschilt dat
        compared = False  # tussen 2015 en 2021?": where it is, in both versions, the list shows the difference
        text = _COMPARED_AFTER.sub("", text)  # (its words are no theme)
    compared = (compared and not _concepts_versus(asked_part, scope_terms)) or (
        _has(SAME_FACT, asked_part) and len({fold(t) for t in scope_terms}) >= 2)  # "A and B, same level?"
    compares = (compared and not weighed) or (  # a profile's addition to one werkproces, by code or quoted title
        (_has(ADDITION, folded) or (_has(MORE_THAN_REGULAR, folded) and len({fold(t) for t in scope_terms}) < 2))
        and any(e.profile for e in scopes)
        and (re.search(r"\b[bp][1-9]-k[0-9]+-w[0-9]+\b", folded) is not None or QUOTED.search(text) is not None))
    if compares and (len(levels) >= 2 or len(good_years) >= 2 or len(scopes) >= 2
                     or len(set(scope_terms)) >= 2 or competence_names or scopes):
        return Intent(COMPARE, **base)
    if scopes and _has(ADDITIONS_TO_CODE, folded):  # "welke profielen hebben een aanvulling op B1-K1-W5?"
        return Intent(LIST, mode=TREE, **{**base, "kind": "werkproces", "topic": ""})
    if re.search(r"\b[bp][1-9i]-k[0-9i]+-w\w*\d\b", folded):  # one werkproces named: look it up
        return Intent(LOOKUP, **base)
    if _is_competence(text, folded, topic, competence_names, sbb_codes, sbb or {}, kind, levels, bool(scopes)):
        return Intent(COMPETENCE, **base)
    if kind == "competentie" and competence_names and _has(DEFINES, folded):
        return Intent(LOOKUP, **{**base, "kind": None})  # "the definition of Klantgerichtheid in the profile of
        # competences": that competence's text, not a list of competences
    if kind == "werkproces" and _ONE_UNIT.search(folded) and not _has(_MANY, QUOTED.sub(" ", folded)) \
            and not _ANY_UNIT.search(folded):  # "where is … part of the work process?": no unit named, a list
        return Intent(LOOKUP, **base)  # "het werkproces van de OA over toezicht": the one unit, ranked
    asks_list = _has(CUES["list"], folded) or _has(CUES["where"], folded) or bool(kind and scopes) \
        or _PROGRAMMES_LISTED.search(folded) is not None or (
            kind == "werkproces" and _UNITS_FIRST.match(folded) is not None and _has(CUES["theme"], folded))
    # "work processes dealing with safety", "werkprocessen waarbij veiligheid een rol speelt": a list asked in a
    # fragment
    afterword = _AFTERWORD_ANY_CASE.search(folded)
    asked_names = [span for span in named_spans if afterword is None or span[0] < afterword.start()]
    if kind and asks_list and (not scopes or not asked_names):  # the question sentence's owner, not a word of what
        # the student did, nor a name in the asker's afterword ("welke werkprocessen heeft verzorgende-IG? I am
        # twijfeling between VIG and helpende")
        unknown, suggestions = _unknown_scope(text, asked_part[_statement_end(asked_part):], catalogue)  # before
        # ("Ze heeft een voorlichtingsbijeenkomst gegeven. Welke werkprocessen …?")
        title = title_of_rest(unknown, catalogue) if unknown else None
        if title and title not in question:  # "welke werkprocessen heeft sport en recreatie?": that profile's
            return route(re.sub(re.escape(unknown), title, question, count=1, flags=re.IGNORECASE), catalogue,
                         vocabulary, lang, sbb)
        if unknown:
            return Intent(LIST, mode=TREE, unknown_scope=unknown, suggestions=suggestions, **base)
    stated = _STATEMENT.search(folded)
    if kind == "werkproces" and asks_list and competence_names and stated is not None \
            and _DEMONSTRATIVE.search(folded[stated.end():]) \
            and not _competences(folded[stated.end():], vocabulary):  # "mn decaan zegt dat ik heel klantgericht
        return Intent(COMPETENCE, **base)  # ben. bij welke werkprocessen van HZW heb je daar wat aan": that competence
    if kind and asks_list:
        patterns = _OWNER if scopes else _OWNER[len(_POSSESSIVE):]  # unscoped, the possessive was asked above
        owned = without_afterword(fold(_without(text, spans)))
        owner, suggestions = _unknown_scope(text, owned[_statement_end(owned, bool(scopes)):], catalogue,
                                            patterns)  # not a thing the asker compares with after the question
        if owner:  # "which werkprocessen does the hairdresser have in DV?": the replies check the corpus's words
            base = {**base, "owner": owner, "suggestions": suggestions}
    if kind and asks_list:
        list_patterns = [DOER, *cue_patterns, CUES["where"], *competence_patterns, r"\b[bp][1-9]-k[0-9]+\b(?!-w)",
                         *([r"\bp[1-9]\b(?!\)|-?k\d)"] if PART_CODE.search(folded) else []),  # "… about parents, only
                         # P2": a part's code, no theme
                         r"\bprofile-specific\b"]
        rest = _topic(text, spans, list_patterns,  # the asker's situation is no topic, unless asked about
                      situated=not _has(_ABOUT, folded), statements=True,  # by name ("… gaan over studenten?")
                      scoped=bool(scopes))
        if not rest and competence_names and not scopes and kind == "werkproces":
            return Intent(COMPETENCE, **base)  # "I must show more ondernemerschap. In which werkprocessen comes that
            # back?": the competence named is all it asks
        asked = _blank_afterword(fold(_without(text, spans)), named=bool(spans))
        asked = _without_scope_statements(asked[_statement_end(asked, bool(scopes)):])  # "I'm thinking about
        # becoming X. Which …?", "… Het gaat om het dossier van 2015."
        if not rest or (scopes and not focused and not _has(CUES["theme"], _ASKER_COVERS.sub(" ", asked))):  # the
            # scope's units;
            return Intent(LIST, mode=TREE, **{**base, "topic": rest})  # the other words shape it, the asker's
            # situation none ("ik geef les"); what the asker has to cover is the whole list
        phrase = _topic(text, spans, list_patterns, marks=True, statements=True, scoped=bool(scopes))
        quoted = _quoted_topic(text)  # 'alle werkprocessen "voert coördinerende taken uit", over alle dossiers heen'
        if quoted:
            rest, phrase = quoted, quoted
        plain = EXAMPLES.sub(lambda m: " " * len(m.group(0)), text)  # "about personal care like bathing, dressing
        # …": the theme also without its examples (each of which a unit may name without the others)
        alone = _topic(plain, spans, list_patterns, situated=not _has(_ABOUT, folded), statements=True,
                       scoped=bool(scopes)) if plain != text and not quoted else ""
        apart = (alone, _topic(plain, spans, list_patterns, marks=True, statements=True, scoped=bool(scopes))) \
            if alone and alone != rest else ()
        return Intent(LIST, mode=WHERE, **{**base, "topic": rest, "phrase": phrase, "apart": apart})
    if _has(CUES["where_alone"], asked_part) and topic:  # not a word of the statement after the question
        return Intent(LIST, mode=WHERE, **base)
    if _keywords_only(text, spans, topic) and not (levels or competence_names or sbb_codes or kind):
        return Intent(LIST, mode=WHERE, keywords=True, **base)  # "pesten", "pmk 2021 veiligheid": the theme
    if kind == "werkproces" and _PLURAL_UNITS.search(text) and not (levels or competence_names or sbb_codes) \
            and _keywords_only(_PLURAL_UNITS.sub(lambda m: " " * len(m.group()), text), spans, topic):
        return Intent(LIST, mode=WHERE, **base)  # "meldcode huiselijk geweld werkprocessen": where the theme is
    return Intent(LOOKUP, **base)


# what a profile or dossier does, asked in plain words: its tasks, duties, what one must be able to do
TASKS = (r"\b(?:taken|tasks|duties|werkzaamheden|responsibilities|verantwoordelijkheden)\b"
         r"|\ballemaal\s+(?:(?:leren|moeten)\s+)?(?:kunnen|doen)\b|\blearn\s+to\s+do\b"
         r"|\bgoed\s+in\s+zijn\b|\bbe\s+able\s+to\s+do\b"
         # "wat moet ik kunnen bij de helpende?"
         r"|\bwat\s+(?:moet|moeten|mag|mogen)\s+(?:ik|je|jij|ze|zij|hij|we|wij)\s+(?:allemaal\s+)?(?:kunnen|doen)\b"
         # "wat doe je allemaal bij X?", "wat doet een helpende eigenlijk?"
         r"|\bwat\s+(?:doe|doet|doen)\s+(?:je|jij|ze|zij|hij|een\s+[^\W\d_]+)\s+(?:(?:daar|dan|er|eigenlijk|precies)\s+)*"
         r"(?:allemaal|eigenlijk|precies|zoal)\b"
         # "wat moet een OA leren?", "wat leren studenten in …?", "what do students learn in …?": what is learned
         r"|\bwat\s+(?:moet|moeten|gaat|gaan|zal|zullen)\s+(?:[^\W\d_]+\s+){0,3}?(?:allemaal\s+)?leren"
         r"(?=\s*(?:[?.!]|$)|\s+(?:in|bij|op|tijdens)\b)"
         r"|\bwat\s+(?:leer|leert|leren)\s+(?:een\s+|de\s+)?(?:ze|zij|je|jij|ik|we|wij|hij|studenten|leerlingen|deelnemers"
         r"|cursisten|stagiair\w*|student)\b"
         r"|\bwhat\s+(?:do|does|will|must|should|would)\s+(?:[\w'-]+\s+){1,4}?learn\b(?=\s*(?:[?.!]|$|in\b|at\b|on\b))")


# "the full list of", "de volledige lijst": a list asked for, no topic
_FULL_LIST = r"\b(?:full|complete|whole|entire|volledige|hele)\s+(?:list|lijst|overview|overzicht)\b"


def programmes_with_theme(folded: str) -> bool:
    """The (folded) question asks which of the programmes hold a theme (:data:`ANY_PROGRAMME`), and a theme is
    left beside those words."""
    found = ANY_PROGRAMME.search(folded)
    return found is not None and _topic_left(folded[: found.start()] + " " + folded[found.end():])


def _topic_left(text: str) -> bool:
    """Whether a text holds a word of a topic: no question, situation or stop word."""
    skip = question_words() | situation_words() | STOPWORDS
    return any(w not in skip and len(w) > 1 for w in re.findall(r"[^\W\d_]+", text))


# a statement of what matters most in the question ("Het gaat mij vooral om medicatie.", "mainly with medication")
_FOCUS = r"\bgaat\b[^.?!]*\bom\b|\bvooral\b|\bvoornamelijk\b|\bmet name\b|\bmainly\b|\bespecially\b" \
    r"|\bparticularly\b|\bin particular\b|\bspecifically\b|\bfocus\w*\b"


# a sentence about the asker's own work or placement ("Ik werk vooral op een basisschool.", "Ik loop vooral stage in
# de thuiszorg."): their situation, not what the question is about
_ASKER_SITUATION = re.compile(r"\s*(?:ik|i|we|wij|mijn|my|our|onze)\b(?![^.!?]*\b(?:ge[iï]nteresseerd|interested|zoek"
                              r"\w*|looking|wil\s+weten|want\s+to\s+know)\b)", re.IGNORECASE)


def _tasks_with_focus(text: str, spans: list[tuple[int, int]]) -> bool:
    """The question asks for the tasks of the scope it names, and a statement beside it says what matters ("Wat voor
    taken heeft een helpende? Het gaat mij vooral om medicatie.", "… tasks of X? mainly with medication")."""
    rest = fold(_without(text, spans))
    asking = fold(_asking_sentences(_without(text, spans)))
    focus = [x for x in re.split(r"(?<=[.!?])\s+", rest) if not x.rstrip().endswith("?") and _has(_FOCUS, x)
             and not _ASKER_SITUATION.match(x)]
    return _has(TASKS, asking) and bool(focus) and _topic_left(re.sub(_FOCUS, " ", " ".join(focus)))


def _asks_its_tasks(text: str, spans: list[tuple[int, int]]) -> bool:
    """The question asks for the tasks of the scope it names and nothing else ("What are the tasks of an
    onderwijsassistent?", "welke werkzaamheden doet een X?"): no word of a topic is left beside them."""
    rest = fold(_without(text, spans))
    asking = fold(_asking_sentences(_without(text, spans)))
    rest = asking if _has(TASKS, asking) else rest  # not a statement around it ("Ik snap die termen niet.")
    if not _has(TASKS, rest) or re.search(r"\b(?:niet|geen|not|never|nooit)\b", rest):
        return False  # "welke taken mag een helpende niet doen?": not the list of what she does
    return not _topic_left(re.sub(rf"{TASKS}|{_FULL_LIST}", " ", rest))



def _asked_names(text: str, named: list[tuple[str, tuple[int, int]]]) -> list[tuple[str, tuple[int, int]]]:
    """The names the question asks about: an introduction that weighs two of them ("My son is choosing between A
    and B. For A, which …?") is the asker's situation when the question names one of them itself; then only the
    question's own names count (and the comparison is not what is asked)."""
    intros = _weighing_spans(text)
    if not intros:
        return named
    own = [(t, span) for t, span in named if not any(a <= span[0] < b for a, b in intros)]
    rest = fold("".join(" " if any(a <= i < b for a, b in intros) else ch for i, ch in enumerate(text)))
    if len({fold(t) for t, _ in own}) == 1 and len(own) < len(named) and not _has(CUES["compare"], rest):
        return own  # the question names one of them only: a question of two names may still compare them
    return named


def _question_names(text: str, named: list[tuple[str, tuple[int, int]]]) -> list[tuple[str, tuple[int, int]]]:
    """The names of the question itself when it names any and the asker's introduction names others ("Ik werk als
    onderwijsassistent … In welke werkprocessen van het KD Pedagogisch Werk …?": the dossier asked, not the asker's
    own profile); else all names."""
    intros = [m.span() for m in _INTRODUCTION_ANY_CASE.finditer(text)]
    own = [(t, span) for t, span in named if not any(a <= span[0] < b for a, b in intros)]
    if not own or len(own) == len(named):
        return named
    question = fold(text[max(b for _, b in intros):])
    if _has(CUES["compare"], question) or _has(COMPARATIVE, question) or _has(r"\b(?:mijn|my|me|mij|ik|i)\b", question):
        return named  # "Ik ben PMK'er. Wat is het verschil met de GPM?", "… than my job?": the asker's own one counts
    return own


def _asking_sentences(text: str) -> str:
    """The sentences that ask (end in "?"), when the text has any and a statement before them; else the text."""
    sentences = re.split(r"(?<=[.!?])\s+", text)
    asking = [x for x in sentences if x.rstrip().endswith("?")]
    return " ".join(asking) if asking and len(asking) < len(sentences) else text


def _weighing_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the introductions that weigh two names, found in ``text`` itself (any case)."""
    return [m.span() for m in _INTRODUCTION_ANY_CASE.finditer(text) if _has(CUES["compare"], fold(m.group(0)))]


def _without_weighing(text: str) -> str:
    """The question without its introductions that weigh two names ("My son is choosing between A and B.")."""
    for start, end in reversed(_weighing_spans(text)):
        text = text[:start] + text[end:]
    return text.strip()


def _quoted_topic(text: str) -> str:
    """The words of the one phrase of two or more words the question quotes, if any: that phrase is the theme."""
    quotes = [q.strip("\"“”„‘’' ") for q in QUOTED.findall(text)]
    phrases = [q for q in quotes if len(q.split()) >= 2]
    if len(phrases) != 1:
        return ""
    return " ".join(re.findall(r"[^\W_]+(?:[-'’][^\W_]+)*", phrases[0].lower()))


KEYWORDS_MAX = 4  # a query of at most this many topic words and nothing else reads as a theme


def _keywords_only(text: str, spans: list[tuple[int, int]], topic: str) -> bool:
    """The question is a few topic words beside scope names and years, with no question word, quote, code or
    question mark ("huiswerk", "pedagogisch werk 2015 huishoudelijke werkzaamheden")."""
    rest = _without(text, spans)
    if not topic or re.search(r"[?\"“”‘’']|\b[bp][1-9]-k[0-9]", rest, re.IGNORECASE):
        return False
    words = re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", rest.lower())
    return 0 < len(words) <= KEYWORDS_MAX and words == topic.split()


# one unit named by what it is about ("the Dienstverlening werkproces about …"), not a list of several
_ONE_UNIT = re.compile(r"\b(?:het|the)\s+(?:[\w&'’-]+\s+){0,4}?(?:werk ?proces|work ?process)(?!\w)"
                       r"|\b(?:in|van|of|from)\s+(?:wp|werk ?proces|work ?process)\s+(?=[\"“'‘])")  # "in wp 'X'"
_ANY_UNIT = re.compile(r"\b(?:het|the)\s+(?:werk ?proces|work ?process)\s*[?.!]*\s*$")  # named by nothing
# "leren ze iets over palliatieve zorg?", "what do they learn about X": the learning is the question, X the theme
LEARNS_ABOUT = (r"(?<!competentie )(?<!competence )\b(?:leer|leert|leren|learn|learns|learnt|learned|taught)\b"
                r"(?=(?:(?!\b(?:en|and)\s+(?:wat|welke|hoe|what|which|how)\b)[^?.!,]){0,80}\b(?:over|about)\b"
                r"|\s+(?:doen|kennen|kunnen|to\s+do)\b)")  # "wat gaat ze allemaal leren doen?": no SBB *Leren*
# the auxiliaries and subjects around a verb: "wat moet een OA leren?", "wat leren studenten …?"
_AUXILIARY = r"moet|moeten|moest|moesten|kan|kunnen|kon|konden|mag|mogen|gaat|gaan|ga|zal|zullen|wil|willen"
_SUBJECT = r"ze|zij|je|jij|ik|we|wij|u|hij|studenten|leerlingen|deelnemers|cursisten|stagiair\w*|student"


_NARROWING = ("alleen", "enkel", "slechts", "only", "just")  # a narrowing follow-up merged after the verb
_ABLE = ("kunnen", "kan", "kon", "konden")  # "moet je kunnen leren": the ability, the competence
_WHERE_LEARNED = ("in", "bij", "op", "tijdens")  # "wat gaan studenten leren in OA 2021?"
# the learner's verb "leren" itself, where :func:`verb_used` finds it: no theme word
LEARNER_LEARNS = (r"\b(?:leer|leert|leren)\b"
                  r"(?=\s*(?:[?.!,;:()]|$|(?:alleen|enkel|slechts|only|just|in|bij|op|tijdens)\b))"
                  rf"|\b(?:leer|leert|leren)\b(?=\s+(?:een\s+|de\s+)?(?:{_SUBJECT})\b)")


LEARN = "leren"  # the verb of learning, and the SBB competence *Leren*
# competences asked for ("welke (onderliggende) competenties …", "which SBB competences …")
COMPETENCES_ASKED = r"\b(?:welke|which|what)\s+(?:\w+\s+)?(?:sbb[- ]?)?(?:competenties|competences|competencies)\b"
# examples that illustrate a theme ("personal care like bathing, dressing, going to the toilet", "? Like helping the
# clients with their household", "zoals wassen en aankleden"), to the end of their sentence
EXAMPLES = re.compile(r"(?:,\s*|(?<!\bwould)(?<!'d)(?<!\bi)(?<!\bwe)(?<!\byou)(?<!\bthey)\s+)"  # not "I'd like to …"
                      r"(?:like(?!\s+to\b)|such\s+as|zoals|bijvoorbeeld|bijv\.|bv\.|e\.g\.|for\s+example"
                      r"|for\s+instance)\s[^?.!]*[.!]?", re.IGNORECASE)
# what a core task holds, asked by its code ("wat zit er allemaal onder P2-K1?", "what falls under B1-K2?"; not
# "wat staat er in P2-K1 over ouders?", a theme searched)
UNDER_CORE_TASK = (r"(?:\b(?:wat|welke?)\s+(?:zit|zitten|valt|vallen|hoort|horen|staat|staan)\s+(?:er\s+)?"
                   r"(?:allemaal\s+)?(?:onder|in|bij)\s+(?:de\s+|het\s+|die\s+)?(?:kerntaak\s+)?"
                   r"|\bwhat\s+(?:is|'s|falls|comes|belongs|goes)\s+(?:in|under|to|into)\s+(?:the\s+)?(?:core\s+task\s+)?)"
                   r"[bp][1-9]-k[0-9]+\b(?!-w)(?![^?.!]*\b(?:over|about)\b)")
# what a student learns, asked in English ("what will he actually be learning?"): the programme, no theme, no *Leren*
WHAT_LEARNED = (r"\b(?:what|which)\s+(?:will|does|do|is|are|would|must|should|can)\s+(?:[\w'-]+\s+){0,4}?"
                r"learn(?:s|ing)?\b(?=\s*(?:[?.!,]|$))")  # not "which units mention lifelong learning?"


def verb_used(verb: str, folded: str) -> bool:
    """Whether a verb (an infinitive) is the asker's verb in the (folded) question: a form of it ends a clause that
    has an auxiliary before it ("welke werkprocessen moeten zij in hun opleiding leren?"), or stands before its
    subject ("wat leren studenten in de opleiding?")."""
    from assistant.evidence import closed_syllable

    core = verb[:-2] if verb.endswith("en") else verb  # "leren": "ler", written "leer" in a closed syllable
    closed = closed_syllable(core)
    forms = {verb, core, closed, f"{closed}t"}  # "leren", "leer", "leert"
    for clause in re.split(r"[?.!,;:()]", folded):  # a scope added in brackets ends the clause
        tokens = re.findall(r"[^\W\d_]+", clause)
        for i, token in enumerate(tokens):
            if token not in forms:
                continue
            if i and tokens[i - 1] in _ABLE:
                continue  # "moet je kunnen leren": being able to learn, the competence
            last = i == len(tokens) - 1 or tokens[i + 1] in _NARROWING or (  # "… leren alleen het profieldeel?": a
                tokens[i + 1] in _WHERE_LEARNED and tokens[0] in ("wat", "welke"))  # narrowing merged after it;
            # "wat gaan studenten leren in OA 2021?": where they learn it
            if last and any(re.fullmatch(_AUXILIARY, t) for t in tokens[:i]):
                return True
            subject = tokens[i + 2] if i + 2 < len(tokens) and tokens[i + 1] in ("een", "de") else (
                tokens[i + 1] if i + 1 < len(tokens) else "")
            if re.fullmatch(_SUBJECT, subject):  # "wat leren studenten …", "wat leert een stagiair …"
                return True
    return False


# "waar leer ik EHBO?", "where do I learn first aid?": where a theme is, not the theme "leren"
WHERE_LEARNED = (r"(?<=\bwaar )(?:leer|leert|leren)\b"
                 r"|(?<=\bwhere )(?:(?:do|does|can|will|would)\s+(?:i|we|you|they|one|students?|pupils?)\s+)learn\b")
# "welke werkprocessen verwijzen naar een multidisciplinair team?", "which units refer to X": the units mention X
REFERS = r"\b(?:verwijzen|verwijst|refer|refers)\s+(?:naar|to)\b"
UNITS_REFER = (r"\b(?:werk ?process?(?:en)?|wp'?s?|work ?process(?:es)?|units?|kerntaa?k(?:en)?|core tasks?)\b"
               r"(?:(?!\b(?:over|about|je|jij|ik|we|wij|u|men|you|they|ze|zij|leer|leert|leren|learn)\b)[^?.!])*"
               + REFERS)  # the units refer; not "gaan over het verwijzen naar …", "leer je verwijzen naar …": a theme
_MANY = (r"\bwelke\b|\bwhich\b|\balle\b|\ball\b|\blist\b|\blijst\b|\bwerk ?processen\b|\bwork ?processes\b"
         r"|\ballemaal\s+voor\b|\boveral\b|\beverywhere\b"  # "waar komt het werkproces 'Voert … uit' allemaal voor?"
         r"|\b(?:does|do)\s+the\s+work ?process\b[^?]*\b(?:occur|appear)\b|\bkomt\s+het\s+werk ?proces\b[^?]*\bvoor\b")
# "where does the work process 'X' occur?": the units so titled

# the country's name as an adjective of the programmes ("the 2015 Dutch qualifications", "de Nederlandse
# mbo-opleidingen"): no theme word
NATIONAL = (r"\b(?:dutch|nederlandse)\s+(?=(?:[\w-]+\s+)?(?:qualifications?|programm?e?s?|dossiers?|kds?"
            r"|kwalificatie\w*|opleiding\w*|courses?|curricul\w*|vocational|mbo\b))")
# "op het gebied van de VOG", "wat betreft", "with regard to": what follows is the topic, the phrase is none
REGARDING = (r"\bop\s+het\s+gebied\s+van\b|\bwat\s+betreft\b|\bmet\s+betrekking\s+tot\b|\bten\s+aanzien\s+van\b"
             r"|\bwith\s+regard\s+to\b|\bin\s+terms\s+of\b")
# "what does level 2 mean in general (terms)?": no theme word
IN_GENERAL = r"\bin\s+(?:het\s+)?(?:general|algemeen)(?:\s+(?:terms|termen|zin|sense))?\b"
# contact with someone ("contact met ouders", "contact with families"): the units about them, not those that also
# say *contact* (six judges of the tuning sets listed every unit naming the parents)
IN_CONTACT = r"\bcontact(?:en|s)?\s+(?=(?:met|with)\s)"
MAKING_CONTACT = (r"\b(?:leggen|legt|maken|maakt|onderhouden|onderhoudt|opbouwen|bouwt|zoeken|zoekt|build\w*|mak\w*"
                  r"|maintain\w*|keep\w*|establish\w*|seek\w*)\b")
# the assistant's own sources, named as where the user looks ("what does … cover in your material?", "volgens jullie
# bronnen", "does your material include …"): no theme word; not "je kennis delen", "protecting your data"
_YOURS = r"(?:your|jouw|je|uw|jullie)\s+(?:own\s+|eigen\s+)?"
_MATERIAL = (r"(?:materials?|materiaal|sources|bronnen|documents?|documenten|files?|bestanden|collection"
             r"|verzameling|database|info|informatie|information|data|gegevens)")  # "in jullie info"
YOUR_SOURCES = (rf"\b(?:in|from|within|according\s+to|volgens|uit|binnen)\s+{_YOURS}{_MATERIAL}\b"
                rf"|\b{_YOURS}{_MATERIAL}\s+(?:say|says|mention\w*|cover\w*|include\w*|contain\w*|hold\w*|zegt|zeggen"
                r"|noem\w*|bevat\w*)\b")
HAS_TO_DO_WITH = r"\bmet\b[^?.!]*\bte maken\b|\bte maken\b[^?.!]*\bmet\b"  # "(hebben) met X te maken (met)"
COVERED = 0.6  # share of a question's topic words a competence name must cover to be the question's subject
SHOWN = 0.5  # the same share when the question asks how to show it in practice ("laten zien", "op stage")


def _is_competence(text: str, folded: str, topic: str, competence_names: tuple[str, ...], sbb_codes: tuple[str, ...],
                   sbb: dict[str, str], kind: str | None, levels: tuple[int, ...], scoped: bool = False) -> bool:
    """A question about the werkprocessen of a competence: a competence named, werkprocessen (or nothing else)
    asked for, and either a competence cue with the name in full, or (werkprocessen or a list asked for) a
    name that covers the topic's words."""
    if not (competence_names or sbb_codes) or (levels and kind != "werkproces") \
            or kind not in (None, "werkproces", "competentie"):
        return False
    folded = without_afterword(folded[_statement_end(folded):])  # "Student heeft … laten zien hoe alles werkt. Welke
    # werkprocessen gaan over het begeleiden van vrijwilligers?": the cues of the question sentence, not of what the
    # student did, nor of the asker's afterword ("… ? moet ik weten voor mn stage")
    if kind in (None, "competentie") and _has(DEFINES, folded) and not _has(CUES["show"], folded):
        return False  # "how does the profile define 'Ondernemerschap'?", "wat houdt niveau 1 in?", "the definition
        # of Klantgerichtheid in the profile of competences": its text
    if _TEXT_ITSELF.search(folded):
        return False  # "waar staat in de tekst zelf (dus niet in de SBB-competentieregel) iets over ethisch handelen?"
    cue = _has(CUES["competence"], folded)
    full = bool(competence_names) or bool(sbb_letters(text)) or bool(sbb_named(
        text, sbb, loose=False, halves=not cue and _has(CUES["theme"], folded)))
    asking = set(re.findall(r"[^\W_]+(?:[-'’][^\W_]+)*", fold(_asking_sentences(text))))
    words = [w for w in topic_words(topic) if w in asking]  # a statement before the question ("Mijn kandidaat is
    # echt een mensen-mens.") holds no words of what is asked
    names = " ".join([*competence_names, *(sbb.get(c, "") for c in sbb_codes),
                      *(n for c in sbb_codes for n in sbb_english().get(c, ()))])
    share = covered(words, names)
    if full and cue:
        return True
    if competence_names and _has(MUST, folded):
        return True  # "waar moet je echt klantgericht zijn?": a competence of the profile required (an SBB name
        # such as *begeleiden* is also a common verb: "moet je stagiaires begeleiden" is a theme)
    if _has(CUES["show"], folded) and share >= SHOWN:
        return True  # "hoe laat een PMK-student zien dat ze goed kan samenwerken op stage?"
    if full and sbb_codes and not competence_names and scoped and share >= COVERED:
        return True  # an SBB competence (no text of its own) named with a dossier: "ethisch en integer handelen MZ"
    asks_units = kind is not None or _has(CUES["list"], folded) or _has(CUES["where"], folded)
    return share >= COVERED and (full or cue) and asks_units  # a bare name ("Coachen") is a lookup


def topic_words(topic: str) -> list[str]:
    skip = question_words()
    return [w for w in re.findall(r"[^\W\d_]+", topic.lower()) if len(w) > 2 and w not in skip and w not in STOPWORDS
            and not re.fullmatch(CUES["competence"], w) and not re.fullmatch(ASSESS, w)]


def _prefix(word: str, letters: int = 4) -> str:
    """A crude stem for matching names across word forms: no -ing/-ed/-es/-s/-e, then four letters
    ("coping" ~ "cope", "ethics" ~ "ethical", "adapting" ~ "adapt")."""
    return re.sub(r"(?:ing|ed|es|s|e)$", "", fold(word))[:letters]


def _prefixes(text: str, letters: int = 4) -> set[str]:
    return {_prefix(w, letters) for w in re.findall(r"[^\W\d_]+", text.lower()) if len(w) > 2 and w not in STOPWORDS}


def covered(words: list[str], names: str) -> float:
    """The share of ``words`` whose first four letters a competence name has (1.0 when there are none)."""
    if not words:
        return 1.0
    wanted = _prefixes(names)
    return sum(1 for w in words if _prefix(w) in wanted) / len(words)


# a competence named as a way of working is the competence: "klantgericht werken", "resultaatgericht handelen"
_WORKING = r"(?:\s+(?:werken|werkt|handelen|work|working))?"


def _competence_phrases(folded: str, vocabulary: Vocabulary) -> list[str]:
    names = sorted(vocabulary.competences, key=len, reverse=True)
    found: list[str] = []
    for name in names:
        if re.search(rf"(?<![\w-]){re.escape(name)}(?!\w)", folded) and not any(name in f for f in found):
            found.append(name)
    return found


def _competences(folded: str, vocabulary: Vocabulary) -> tuple[str, ...]:
    return tuple(dict.fromkeys(vocabulary.competences[p] for p in _competence_phrases(folded, vocabulary)))


# --------------------------------------------------------------------------- "gelezen als"

READ_AS = {
    "nl": {
        "prefix": "gelezen als",
        LOOKUP: "zoekvraag: {topic}",
        "list_tree": "lijst van {kind} van {scope}",
        "list_where": "lijst van {kind} waarin {topic} voorkomt{scope_in}",
        "list_titled": "lijst van {kind} met {topic} in de titel{scope_in}",
        "list_code": "lijst van alle eenheden met code {topic}{scope_in}",
        COMPARE: "vergelijking van {what}",
        COMPETENCE: "{competence}: werkprocessen waarin je dit laat zien{scope_in}",
        NOT_FOUND: "zoekvraag: {topic}",
        "kinds": {"werkproces": "werkprocessen", "kerntaak": "kerntaken", "profiel": "profielen",
                  "specialisaties": "specialisaties", "competentie": "competenties", None: "werkprocessen"},
        "kind_one": {"werkproces": "werkproces", "kerntaak": "kerntaak", "profiel": "profiel",
                     "specialisaties": "specialisatie", "competentie": "competentie", None: "werkproces"},
        "everywhere": "alle dossiers",
        "everywhere_in": "alle dossiers van {years}",
        "in": " in {scope}",
        "and": " en ",
        "levels": "niveau {a} en {b}",
        "versions": "versie {a} en {b}",
        "fact": "{fact} van {scope}",
        "facts": {"crebo": "crebonummer", "niveau": "niveau", "sbu": "studiebelastingsuren (sbu)",
                  "soort": "soort opleiding", "vereisten": "bijzondere vereisten (zoals een VOG)",
                  "taaleisen": "taaleisen (Nederlands, Engels, rekenen of een moderne vreemde taal)",
                  "mvt": "eis voor een moderne vreemde taal",
                  "duits": "eis voor Duits", "frans": "eis voor Frans", "spaans": "eis voor Spaans",
                  "vaststelling": "vaststelling (wanneer en door wie)",
                  "resultaat": "resultaatbeschrijving (Resultaat)", "gedrag": "gedragsbeschrijving (Gedrag)",
                  "resultaat_gedrag": "resultaat- en gedragsbeschrijving (Resultaat, Gedrag)",
                  "arbeidsmarkt": "arbeidsmarktinformatie (kans op werk)",
                  "doorstroom": "doorstroommogelijkheden (vervolgopleidingen)",
                  "wet_regelgeving": "wet- en regelgeving"},
        "at_level": " op niveau {levels}",
        "with_load": " met {load} sbu",
        "additions_to": ": de aanvullingen van de profielen op {codes}",
        "no_additions_to": " met een aanvulling van een profiel op {codes}",
        "with_requirement": " die dit als bijzondere vereiste stellen",
        "in_common": ": wat ze gemeen hebben",
        "operators": {">": "meer dan", "<": "minder dan", ">=": "minstens"},
        "own_part": "de profielen (zonder basisdeel) van {scope}",
        "additions_part": "de aanvullingen op het basisdeel voor {scope}",
    },
    "en": {
        "prefix": "read as",
        LOOKUP: "search: {topic}",
        "list_tree": "list of the {kind} of {scope}",
        "list_where": "list of the {kind} where {topic} occurs{scope_in}",
        "list_titled": "list of the {kind} with {topic} in the title{scope_in}",
        "list_code": "list of every unit with code {topic}{scope_in}",
        COMPARE: "comparison of {what}",
        COMPETENCE: "{competence}: work processes where you show it{scope_in}",
        NOT_FOUND: "search: {topic}",
        "kinds": {"werkproces": "work processes", "kerntaak": "core tasks", "profiel": "profiles",
                  "specialisaties": "specialisations", "competentie": "competences", None: "work processes"},
        "kind_one": {"werkproces": "work process", "kerntaak": "core task", "profiel": "profile",
                     "specialisaties": "specialisation", "competentie": "competence", None: "work process"},
        "everywhere": "all dossiers",
        "everywhere_in": "all dossiers of {years}",
        "in": " in {scope}",
        "and": " and ",
        "levels": "level {a} and {b}",
        "versions": "version {a} and {b}",
        "fact": "{fact} of {scope}",
        "facts": {"crebo": "crebo number", "niveau": "level", "sbu": "study load (sbu)",
                  "soort": "type of programme", "vereisten": "special requirements (such as a VOG)",
                  "taaleisen": "language requirements (Dutch, English, arithmetic or a foreign language)",
                  "mvt": "requirement for a modern foreign language",
                  "duits": "requirement for German", "frans": "requirement for French",
                  "spaans": "requirement for Spanish",
                  "vaststelling": "adoption (when and by whom)",
                  "resultaat": "result description (Resultaat)", "gedrag": "behaviour description (Gedrag)",
                  "resultaat_gedrag": "result and behaviour descriptions (Resultaat, Gedrag)",
                  "arbeidsmarkt": "labour-market information (job prospects)",
                  "doorstroom": "routes to further study", "wet_regelgeving": "laws and regulations"},
        "at_level": " at level {levels}",
        "with_load": " with {load} sbu",
        "additions_to": ": the profiles' additions to {codes}",
        "no_additions_to": " with a profile's addition to {codes}",
        "with_requirement": " that set this as a special requirement",
        "in_common": ": what they have in common",
        "operators": {">": "more than", "<": "less than", ">=": "at least"},
        "own_part": "the profiles (without the basisdeel) of {scope}",
        "additions_part": "the additions to the basisdeel for {scope}",
    },
}


def scope_label(entry: ScopeEntry) -> str:
    """``Thuisbegeleider (MZ 2015)``, ``Onderwijsassistent (OA 2021)``, ``Sociaal Werk 2020``."""
    from assistant.names import abbreviation

    year = (entry.version or "")[:4]
    dossier = abbreviation(entry.dossier) or entry.dossier
    if entry.profile:
        return f"{entry.profile} ({' '.join(x for x in (dossier, year) if x)})"
    return " ".join(x for x in (entry.dossier, year) if x)


def narrow_entries(entries) -> tuple[ScopeEntry, ...]:
    """The narrowest scopes named: a dossier without the version whose profile is named too ("ik geef les bij
    MZ; welke werkprocessen heeft de thuisbegeleider?" is about the thuisbegeleider, with its basisdeel)."""
    def key(entry: ScopeEntry) -> tuple[str, str | None]:
        return fold(entry.dossier), entry.version

    def own_name(entry: ScopeEntry) -> bool:  # OA 2021: the dossier's one profile bears the dossier's name
        return entry.profile is not None and fold(entry.profile) == fold(entry.dossier)

    profiled = {key(e) for e in entries if e.profile is not None and not own_name(e)}
    whole = {key(e) for e in entries if e.profile is None}
    return tuple(e for e in entries if (e.profile is None and key(e) not in profiled)
                 or (own_name(e) and key(e) not in whole) or (e.profile is not None and not own_name(e)))


def describe_scopes(scopes: tuple[ScopeEntry, ...], lang: str) -> str:
    """The scopes joined for a sentence ("Thuisbegeleider (MZ 2015)", "alle dossiers")."""
    words = READ_AS[lang]
    scopes = narrow_entries(scopes)
    if not scopes:
        return words["everywhere"]
    labels = list(dict.fromkeys(scope_label(s) for s in scopes))
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + words["and"] + labels[-1]


def describe_scope(intent: Intent) -> str:
    """The question's scope for a sentence: its dossiers and profiles, else every dossier of the years it names
    ("alle dossiers van 2020 en 2021"), else every dossier."""
    words = READ_AS[intent.lang]
    if not intent.scopes and intent.years:
        return words["everywhere_in"].format(years=words["and"].join(intent.years))
    return describe_scopes(intent.scopes, intent.lang)


def mbo_level(niveau: str, lang: str) -> str:
    """A programme's mbo level as an answer writes it: "niveau 4"; in English "level 4 (niveau 4)", the word the
    Dutch documents and schools use beside the translation."""
    return f"niveau {niveau}" if lang == "nl" else f"level {niveau} (niveau {niveau})"


def read_as(intent: Intent, what: str = "", titled: bool = False, code: str = "") -> str:
    """The one-line reading of the question, in its language ("gelezen als: lijst van …"); ``titled``: a list of
    the units whose title holds the topic; ``code``: a list of every unit with that code."""
    words = READ_AS[intent.lang]
    kind = words["kinds"].get(intent.kind, words["kinds"][None])
    scope = describe_scope(intent)
    scope_in = words["in"].format(scope=scope) if intent.scopes or intent.years else ""
    if intent.type == LIST and code:
        body = words["list_code"].format(topic=code, scope_in=scope_in)
    elif intent.type == LIST:
        key = "list_tree" if intent.mode == TREE else "list_titled" if titled else "list_where"
        body = words[key].format(kind=kind, scope=scope, topic=intent.topic, scope_in=scope_in)
        if intent.kind == "profiel" and intent.levels:  # "welke profielen van MZ zijn niveau 3?"
            body += words["at_level"].format(levels=words["and"].join(map(str, intent.levels)))
    elif intent.type == COMPARE:
        body = words[COMPARE].format(what=what or intent.topic)
    elif intent.type == COMPETENCE:
        body = words[COMPETENCE].format(competence=what or ", ".join(intent.competences), scope_in=scope_in)
    else:
        body = words[intent.type].format(topic=intent.question)
    return f"{words['prefix']}: {body}"
