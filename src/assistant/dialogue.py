"""One chat turn: resolve what the message refers to, route it, build the reply, remember the turn.

Order of work for a message:

1. **Paging and resets**: "meer"/"more" asks for the next page of the previous lookup; "zonder
   filters"/"no filters" asks the previous question again without the conversation's filters.
2. **References** (:func:`assistant.conversation.find_reference`): "daarbij", "dat", "that one" → the
   previous topic; "welke daarvan", "which of those" → the previous scope; "de tweede", "the first one" →
   that unit of the previous answer; "die twee", "both" → the last two answers' subjects. With nothing
   to refer to, the reply asks for the topic.
3. **Follow-ups** that only change a constraint ("en bij de PMK?", "and for the 2015 version?", "alleen
   niveau 3") are merged with the previous question (:func:`assistant.conversation.resolve`).
4. **Language**: the message's own language when it shows one, else the conversation's.
5. **Route and answer** (:mod:`assistant.intent`, :mod:`assistant.replies`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from assistant import evidence
from assistant.absent_facts import asked_absent_fact
from assistant.conversation import (
    COMPARE_WORD,
    FILLER,
    SET_AGAINST,
    THOSE_UNITS,
    UNIT_CODE,
    UNIT_CODE_BODY,
    Constraints,
    Reference,
    ScopeEntry,
    Turn,
    compared_levels,
    find_mentions,
    find_reference,
    has_extract_version,
    level_beyond_scale,
    names_programme,
    referent,
    relative_version,
    repeated_ordinal,
    replace_reference,
    resolve,
    same_in_version,
)
from assistant.intent import (
    COMPARE,
    COMPETENCE,
    COMPETENCES_ASKED,
    GENERIC_COMPARED,
    GENERIC_WEIGHED,
    LIST,
    LOOKUP,
    NOT_FOUND,
    READ_AS,
    SAME_FACT,
    TREE,
    WHERE,
    Intent,
    asking_words_fixed,
    cohort_years,
    describe_scopes,
    find_scope_terms,
    glued_levels,
    is_question_word,
    programmes_with_theme,
    route,
    sbb_letters,
    sbb_named,
    scope_entries,
    topic_words,
    without_afterword,
    years_named,
)
from assistant.intent import KIND_WORDS as KIND_PATTERNS
from assistant.language import QUOTED, detect
from assistant.lexical import STOPWORDS, codes_in
from assistant.model import KERNTAAK, PROFIEL, WERKPROCES
from assistant.names import fold
from assistant.query import ONE_LEVEL_WORD
from assistant.replies import (
    ASKS_COMPETENCES,
    FACTS,
    SUBJECT,
    SUBJECT_LEVEL,
    Item,
    Library,
    Reply,
    Request,
    Search,
    asks_crebo_or_load,
    asks_fact_words,
    build,
    definition_subject,
    intent_levels,
    profile_niveaus,
    subject,
    unit_sbb,
)
from assistant.retrieval import Filters
from assistant.spelling import correct_names, correct_words, expand_shorthand, split_glued
from assistant.spoken import spoken_numbers

_MORE = re.compile(r"^\s*(?:(?:nog\s+)?meer(?:\s+resultaten)?|volgende(?:\s+resultaten)?|verder|(?:show\s+)?more"
                   r"(?:\s+results)?|next(?:\s+(?:page|results))?)\s*[.!?]*\s*$", re.IGNORECASE)
_NO_FILTERS = re.compile(r"^\s*(?:zonder\s+filters?|alle\s+filters\s+weg|no\s+filters?|remove\s+(?:the\s+)?filters?"
                         r"|clear\s+(?:the\s+)?filters?)\s*[.!?]*\s*$", re.IGNORECASE)
_INTERJECTION = re.compile(r"^\s*(?:oké|oke|ok|okay|goed|prima|nou|dank\s*je|bedankt|thanks|right|alright|so|great)"
                           r"\s*[,!.]?\s+", re.IGNORECASE)
# a question that opens after an emoji ("🤔 wat moet je …", "😊 bij welke werkprocessen …", "🩹 which …")
_QUESTION_OPENS = re.compile(r"\s*(?:[^\W\d_]+\s+)?(?:wat|welke?|hoe|waar|wie|waarom|wanneer|what|which|how|where|who"
                             r"|why|when)\b", re.IGNORECASE)
# pictographs and their joiners (emoji): before a question they end a sentence, as a full stop would
_EMOJI = re.compile(r"\s*[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\uFE0F\u200D]+\s*")


def without_emoji(message: str) -> str:
    """The message with its emoji taken out: a full stop where one ends a sentence before a question ("… helpende
    zorg en welzijn 🤔 wat moet je …" → "… welzijn. wat moet je …"), else a space ("gaan over ☀️ buitenspelen")."""
    def mark(match: re.Match[str]) -> str:
        before, after = message[: match.start()].rstrip(), message[match.end():]
        ends = before and before[-1] not in ".?!,;:" and _QUESTION_OPENS.match(after)
        return ". " if ends else " "

    return _EMOJI.sub(mark, message).strip() or message


# a one-word sentence before the question ("Lekker. And what … does she have?", "Mooi! En welke …?")
_REMARK_WORD = re.compile(r"^\s*([^\W\d_]{2,})\s*[.!]+\s+(?=\S[^?]*\?)")
# a word that points back at a theme named before ("Hygiene. Which work processes cover it?")
_POINTS_AT_THEME = re.compile(r"\b(?:it|this|that|them|dit|dat|daar\w+|er(?:over|in|bij|mee|aan))\b", re.IGNORECASE)


def _without_remark_word(message: str, library: Library) -> str:
    """The message without a one-word remark before its question ("Lekker." "Mooi!"): a word the sources do not
    hold, no name or glossary word, before a question that does not point back at it; else the message."""
    from assistant.glossary import GLOSSARY

    found = _REMARK_WORD.match(message)
    if found is None:
        return message
    word, rest = found.group(1), message[found.end():]
    if fold(word) in library.words or fold(word) in GLOSSARY or find_scope_terms(word, library.catalogue) \
            or fold(word) in library.competence_names or _POINTS_AT_THEME.search(rest):
        return message
    return rest


# how many units the list just given has ("hoeveel zijn dat er?", "how many is that?")
_COUNT = re.compile(r"^\s*(?:(?:en|and|so)\s+)?(?:hoeveel\s+(?:zijn\s+)?(?:dat|die|het|dit|er)(?:\s+(?:er|dan))?"
                    r"(?:\s+(?:in\s+totaal|samen|bij\s+elkaar))?|how many\s+(?:is that|are (?:there|those|these|they))"
                    r"(?:\s+(?:in total|altogether))?)\s*[.!?]*\s*$", re.IGNORECASE)
_SEPARATOR = re.compile(r"\S\s*[,:;]\s|\s[-–—]\s")
# what the student did, told before the question ("Student heeft een cliënt geholpen met …", "She helped …")
_STUDENT_DID = re.compile(r"\s*(?:de\s+|mijn\s+|onze\s+|my\s+|our\s+|the\s+)?(?:ze|zij|hij|she|he|student\w*"
                          r"|stagiair\w*|leerling\w*)\s+(?:heeft|had|hielp|deed|has|helped|did|made|gave)\b",
                          re.IGNORECASE)
# a theme typed before the question without a mark ("social media wich werkprocesses talk about it")
_TOPIC_FIRST = re.compile(r"^\s*(?!(?:en|and|maar|but|ok\w*|oke|dus|so|then|dan|nou|well|hoi|hi|hey|hallo|hello|ja|yes"
                          r"|nee|no|the|de|het|die|dat|that|this)\b)([^\W\d_][\w'-]*(?:\s+[^\W\d_][\w'-]*){0,3}?)\s+"
                          r"(?:welke|which|wich|wat|what|waar|where)\s", re.IGNORECASE)
QUESTION_WORDS_BEFORE = 3  # a question of this many words before a reference is a clause of its own (not "Oké?")
# a summing-up lead-in before the question: "Kortom, wat is het verschil tussen die twee?", "So in short: …"
_LEAD_IN = re.compile(r"^\s*(?:(?:so|and|en|dus|ok(?:ay|é|e)?|nou)\s+)?(?:kortom|kort gezegd|in het kort|kortweg"
                      r"|samengevat|samenvattend|al met al|in short|in summary|in a nutshell|briefly|to sum up"
                      r"|to summari[sz]e|long story short"
                      # one that points back itself: "Voortbouwend op dat overzicht: bij welke van deze …"
                      r"|(?:voortbouwend op|naar aanleiding van|op basis van|aansluitend op|uitgaande van"
                      r"|terugkomend op|building on|following up on|following|based on|going back to)\s+"
                      r"(?:dat|dit|het|die|deze|je|jouw|uw|that|this|the|your)\s+(?:vorige\s+|previous\s+|laatste\s+|last\s+)?(?:overzicht|antwoord"
                      r"|lijst\w*|resultaat|overview|answer|list|result))\s*[,:;–-]\s*", re.IGNORECASE)
KIND_WORDS = {"nl": {"werkproces": "werkprocessen", "kerntaak": "kerntaken", "profiel": "profielen"},
              "en": {"werkproces": "work processes", "kerntaak": "core tasks", "profiel": "profiles"}}


@dataclass(frozen=True)
class Outcome:
    """The reply to one message and the turn the conversation remembers."""

    reply: Reply
    turn: Turn
    question: str
    followup: bool


# the asker names the language of the answer ("can you answer in English pls", "graag antwoord in het Nederlands")
_ANSWER_IN = re.compile(
    r"[,;]?\s*(?P<ask>(?:can|could|would)\s+you\s+(?:please\s+)?|please\s+|pls\s+|plz\s+)?"
    r"(?:answer|reply|respond|write)\s+(?:it\s+|this\s+|that\s+)?in\s+(?P<en>english|dutch)\b"
    r"(?P<ask_after>\s*,?\s*(?:please|pls|plz)\b)?"
    r"|[,;]?\s*(?P<graag>graag\s+|kun\s+je\s+|kunt\s+u\s+|wil\s+je\s+)?(?:antwoord|antwoorden|schrijf|schrijven)"
    r"\s+(?P<graag_in>graag\s+)?in\s+het\s+(?P<nl>engels|nederlands)\b(?P<graag_after>\s+graag\b)?", re.IGNORECASE)
_NAMED_LANGUAGE = {"english": "en", "engels": "en", "dutch": "nl", "nederlands": "nl"}
# the language alone as the message's last sentence ("and level 4? in english pls", "… ? in het Engels graag")
_LANGUAGE_AFTER = re.compile(r"(?<=[?.!])\s*(?:(?:please|pls|plz)\s+)?in\s+(?:het\s+)?(english|dutch|engels|nederlands)"
                             r"(?:\s*,?\s*(?:please|pls|plz|graag|aub|alsjeblieft|alstublieft))?\s*[.!]*\s*$",
                             re.IGNORECASE)

# the language with a "please" as a clause of its own, before the question mark ("…, in English please?")
_LANGUAGE_PLEASE = re.compile(r"\s*,\s*in\s+(?:het\s+)?(english|dutch|engels|nederlands)\s*,?\s*"
                              r"(?:please|pls|plz|graag|aub|alsjeblieft|alstublieft)(?=\s*[?.!]|\s*$)", re.IGNORECASE)


def _addressed(found: re.Match[str], message: str) -> bool:
    """Whether a found "answer in English" is a request to the assistant, not a question's content ("students have to
    respond in English, please?", "lezen, schrijven in het Nederlands en rekenen"): not after a verb of obligation or
    "to"; asked ("can you", "please", "graag"); or a sentence of its own, at the start or after "?", "." or "!", or
    after a comma at the very end; never inside a clause that goes on. A Dutch infinitive ("schrijven in het
    Engels") counts only when asked."""
    before = message[: found.start()]
    head = (before + found.group(0)[: len(found.group(0)) - len(found.group(0).lstrip(",; "))]).rstrip()
    if _OBLIGED.search(head) or re.match(r"\s*[^\W\d_]", message[found.end():]):
        return False  # "… in het Nederlands beoordelen": the clause goes on, the phrase is its content
    if any(found.group(g) for g in ("ask", "ask_after", "graag", "graag_in", "graag_after")):
        return True
    if re.match(r"[,;\s]*(?:antwoorden|schrijven)\b", found.group(0), re.IGNORECASE):
        return False
    at_end = not message[found.end():].strip(" .!?")
    return not head or head[-1] in "?.!:" or (head[-1] in ",;" and at_end)


# a verb of obligation or "to" right before: what the units ask of students, not a request
_OBLIGED = re.compile(r"\b(?:to|must|should|have to|has to|moet|moeten|kunnen|kan|leren|leert|mag|mogen)$",
                      re.IGNORECASE)


def answer_language(message: str) -> tuple[str, str | None]:
    """The message without the asker's requests for a language, and that language ("en", "nl") or None. Only a
    request addressed to the assistant counts (:func:`_addressed`); a message that is only the request gives ""."""
    please = _LANGUAGE_PLEASE.search(message)
    if please:  # "… (the P5 work processes), in English please? It's for …": that clause asks for the language only
        text, lang = answer_language(message[: please.start()] + message[please.end():])
        return text, lang or _NAMED_LANGUAGE[please.group(1).lower()]
    after = _LANGUAGE_AFTER.search(message)
    if after:  # "and level 4? in english pls": that sentence asks for the language only
        text, lang = answer_language(message[: after.start()])
        return text, lang or _NAMED_LANGUAGE[after.group(1).lower()]
    lang, rest, at = None, [], 0
    for found in _ANSWER_IN.finditer(message):
        if not _addressed(found, message):
            continue
        rest.append(message[at: found.start()])
        at = found.end()
        lang = _NAMED_LANGUAGE[(found.group("en") or found.group("nl")).lower()]
    if lang is None:
        return message, None
    rest.append(message[at:].lstrip(" ,;"))
    text = re.sub(r"\s+", " ", " ".join(part.strip() for part in rest)).strip().lstrip(".!,;: ")
    return ("" if not re.search(r"[^\W\d_]", text) else text), lang


def message_language(message: str, previous: Turn | None, library: Library) -> str:
    """The message's language when its words show one, else the conversation's (Dutch at the start)."""
    found = detect(message, library.words, library.name_words, library.name_phrases)
    return found or (previous.lang if previous and previous.lang else None) or "nl"


def _filters(constraints: Constraints, own: Constraints, ui: Constraints, names_scope: bool,
             names_year: bool) -> Filters:
    """The filters: the dropdowns', plus the conversation's where the question does not name its own scope."""
    chosen = constraints
    if names_scope and own.dossier and not ui.dossier:
        chosen = replace(chosen, dossier="")
    if names_year and own.version and not ui.version:
        chosen = replace(chosen, version="")
    return chosen.to_filters()


def respond(message: str, previous: Turn | None, ui: Constraints, library: Library, search: Search) -> Outcome:
    """Answer one (cleaned) message in the context of the previous turn.

    Raises:
        BadQuery: a dropdown filter value the index does not know (the caller shows its message).
    """
    outcome = _respond(message, previous, ui, library, search)
    reply = outcome.reply
    unlinked = _unlinked_pointed(message, previous, library) \
        if previous is not None and reply.type in (LOOKUP, COMPARE, COMPETENCE) else ()
    if unlinked:  # "Welke SBB-competenties horen daarbij?" after a 2020 werkproces: its text names none (the turn
        # stays as read, for "en in 2015?")
        reply = Reply(NOT_FOUND, reply.lang, _reading(reply.lang, outcome.question), reply.intent,
                      hits=reply.hits[:3], problem="no_sbb", details=unlinked, followup=True)
        return replace(outcome, reply=reply)
    return outcome


def _respond(message: str, previous: Turn | None, ui: Constraints, library: Library, search: Search) -> Outcome:
    """The reply as the message reads, before :func:`respond` checks what a competence follow-up points at."""
    message = without_emoji(message)
    text, asked_in = answer_language(_without_remark_word(_INTERJECTION.sub("", message) or message, library))
    if asked_in and not text:  # only "can you answer in English?": the previous answer again in that language
        if previous is not None:
            return _answer(previous.question, previous, ui, library, search, asked_in, page=previous.page,
                           constraints=ui.merged(previous.constraints), followup=True)
        intent = route(message, library.catalogue, library.vocabulary, asked_in, library.sbb)
        reply = Reply(NOT_FOUND, asked_in, _reading(asked_in, message), intent, problem="language_only")
        return Outcome(reply, Turn(message, lang=asked_in), message, False)
    text = spoken_numbers(text)  # dictated: "b een k een w zeven" → B1-K1-W7, "twintig vijftien" → 2015
    text = core_task_titles_named(text, library)  # "onder kerntaak P3-K2 Uitvoeren van taken rondom de lessen"
    lang = asked_in or message_language(text, previous, library)
    spelling = correct_names(text, library.catalogue, library.words, library.competence_names)
    text = split_glued(spelling.text, library.words, library.word_pairs, lang)  # "eerstehulp" → "eerste hulp"
    text = glued_levels(expand_shorthand(text, lang), library.catalogue, lang)  # "t" → "het", "pw3" → "pw niveau 3"
    text = asking_words_fixed(text)  # "whats diffrent in level 4": the follow-up's own words read right, as routed
    text = cohort_years(text, library.catalogue)  # "she started in 2022": the version in force then, 2021
    if lang == "nl":  # a Dutch word spelled as it sounds: "verwagt" → "verwacht", "oplijding" → "opleiding"
        text = correct_words(text, library.words, lang, sounds_only=True)
    if spelling.unknown and not find_scope_terms(text, library.catalogue):  # "Sociaalwerker A": another thing
        typed, near = spelling.unknown
        entry = library.catalogue.scopes[near][0]
        intent = route(text, library.catalogue, library.vocabulary, lang, library.sbb)
        reply = Reply(NOT_FOUND, lang, _reading(lang, text), intent, problem="unknown_scope",
                      details=(typed, entry.profile or entry.dossier))
        return Outcome(reply, Turn(text, lang=lang), text, False)
    more = previous is not None and _MORE.match(text) is not None
    if more or (previous is not None and previous.listed and _COUNT.match(text)):  # "meer", or "hoeveel zijn dat
        return _answer(previous.question, previous, ui, library, search, lang,  # er?": the list again (its heading
                       page=previous.page + 1 if more else 0,  # counts it)
                       constraints=ui.merged(previous.constraints), followup=True)
    if previous is not None and _NO_FILTERS.match(text):
        return _answer(previous.question, previous, Constraints(), library, search, lang,
                       constraints=Constraints(), followup=True)
    if previous is not None and previous.kind == PROFIEL and previous.listed and COMPARE_WORD.search(text) \
            and not find_scope_terms(text, library.catalogue):  # "Do they differ in level or study load?" after
        programme = referent(Reference("scope", "", (0, 0)), previous) or ""  # a list of profiles: those
        them = _PROFILES_OF["en" if lang == "en" else "nl"].format(scope=programme)
        text = _THEY.sub(them.strip().removesuffix(" of").removesuffix(" van"), text, count=1)
    if previous is not None:
        text = relative_version(text, previous, library.catalogue)  # "in de oudere versie": its year (here, before
        # references are read, and once)
        text = same_in_version(text, previous, library.catalogue)  # "is dat in 2021 nog hetzelfde?": "en in 2021?"
        text = _ones_of_previous_kind(text, previous, library)
        text = _bare_sbb_letter(text, previous, library)
        text = _described_subject(text, previous)
        versions = _subject_versions(text, previous, library, lang)
        if versions is not None:  # "vergelijk het met 2021", "compare both versions" after one unit looked up: that
            return _answer(versions, previous, ui, library, search, lang, followup=True,  # unit in the two versions
                           constraints=ui.merged(previous.constraints))
        compared = _compared_with_previous(text, previous, library)
        if compared != text:  # the new name beside the previous one: a question of its own, not the previous one
            return _answer(compared, previous, ui, library, search, lang, followup=True, constraints=ui)
        text = _in_previous_scope(text, previous, library)
        sibling = _sibling_code(text, previous)
        if sibling is not None:  # "en W4?" after a question about P1-K1-W3: that question for P1-K1-W4
            return _answer(sibling, previous, ui, library, search, lang, followup=True,
                           constraints=ui.merged(previous.constraints))
        fact = _sibling_fact(text, previous)
        if fact is not None:  # "en de niveaus?" after "compare the sbu of DV and SW": that comparison of levels
            return _answer(fact, previous, ui, library, search, lang, followup=True,
                           constraints=ui.merged(previous.constraints))
        subject = _sibling_subject(text, previous)
        if subject is not None:  # "en rekenen?" after the level of Nederlands: that question for rekenen
            return _answer(subject, previous, ui, library, search, lang, followup=True,
                           constraints=ui.merged(previous.constraints))
        narrowed = _comparison_narrowed(text, previous, library)
        if narrowed is not None:  # "Alleen de verpleegtechnische handelingen naast elkaar, graag." after a comparison
            return _answer(narrowed, previous, ui, library, search, lang, followup=True,
                           constraints=ui.merged(previous.constraints))
        theme = _theme_followup(text, previous, library)
        if theme is not None:  # "en privacy?" after "waar komt hygiëne voor in PW 2015?": the same list, that theme
            return _answer(theme, previous, ui, library, search, lang, followup=True,
                           constraints=ui.merged(previous.constraints))
    generic = _generic_compared(text, previous, library) if previous is not None else None
    if generic is not None:  # "is that higher than the normal English requirement for level 4?" after the OA's
        return _answer(generic, previous, ui, library, search, lang, followup=True,
                       constraints=ui.merged(previous.constraints))
    levels = compared_levels(text, previous) if previous is not None else None
    levels = levels or (level_beyond_scale(text, previous) if previous is not None else None)  # "en niveau 5?"
    if levels is not None:
        return _answer(levels, previous, ui, library, search, lang, followup=True,
                       constraints=ui.merged(replace(previous.constraints, level=None)))
    text = _pair_member(text, previous, library) if previous is not None else text
    if previous is not None and previous.scope:  # "alleen wat specifiek voor dat beroep is": its profile part
        narrows = re.search(r"\b(?:alleen|enkel|slechts|only|just)\b", text, re.IGNORECASE)  # merged with the
        # question before; a question of its own keeps its pointer to the profile
        part = (" uit het profieldeel", " from the profile part") if narrows else (
            " uit het profieldeel van dat profiel", " from the profile part of that profile")
        if not _ADDITION_NAMED.search(text):  # "de aanvullingen speciaal voor dat profiel": its additions
            text = _SPECIFIC_TO_PROFILE.sub(part[0] if lang == "nl" else part[1], text)
    text = _bare_same(text, previous, library, lang) if previous is not None else text
    reference = find_reference(without_afterword(text))
    if reference is not None and _THOSE_UNITS.fullmatch(reference.text) and re.search(COMPETENCES_ASKED, fold(text)):
        head = " ".join(reference.text.split()[:2])  # "welke competenties horen bij die werkprocessen?" asks the
        masked = text[: reference.span[0]] + head.ljust(len(reference.text)) + text[reference.span[1]:]  # units'
        reference = find_reference(without_afterword(masked))  # own competences: "bij die", as any other pointer
    elif reference is not None and _THOSE_UNITS.fullmatch(reference.text) and (
            find_scope_terms(text, library.catalogue) or years_named(text)):
        reference = None  # "and for those work processes in the OA?", "en bij die werkprocessen in 2021?": the
        # previous question for that programme or year, not a narrowing of its list
    if reference is not None and previous is not None and previous.listed and _NARROWING_OF_THOSE.match(text) \
            and reference.text.lower() in ("daarvan", "ervan", "of those", "of these", "of them") \
            and not text[reference.span[1]:].strip(" ?.!") and (
                find_scope_terms(text, library.catalogue) or _PART_NAMED.search(text)):
        # "Alleen die uit het profieldeel van de SMD daarvan.": a narrowing to a part or programme of the list just
        # shown, merged as one
        text = f"{text[: reference.span[0]].rstrip()} {text[reference.span[1]:].lstrip()}".strip()
        reference = None
    if reference is not None and reference.kind == "topic":
        own = _that_of(text, reference, library)
        if own != text:  # "en welk niveau is die van persoonlijk begeleider?": the programme named, not the topic
            text, reference = own, find_reference(without_afterword(own))
    if reference is not None and previous is not None and _programme_fact_of_it(text, reference, previous, library):
        programme = referent(Reference("scope", "", (0, 0)), previous)  # "what level is it then?" after a question
        # about a thuisbegeleider's pay, "how many sbu is that one?" after its list: the programme's, not the pay's
        if years_named(text):  # "… for that profile in the 2015 dossier?": the year the message names
            programme = re.sub(r"\s*\b20\d\d\b", "", programme or "").strip() or programme
        fact = f"{text.rstrip(' ?')} ({programme})?"
        return _answer(fact, previous, ui, library, search, lang, followup=True,
                       constraints=ui.merged(previous.constraints))
    subset = reference is not None and reference.kind == "scope" and previous is not None \
        and previous.kind == WERKPROCES  # "and klantgerichtheid, in which of them …": within the units listed
    if reference is not None and _clause_before(text[: reference.span[0]], library,
                                                 unmarked=previous is None and reference.kind == "topic") and not (
            previous is not None and _names_only(text[: reference.span[0]], library, competences=subset)):
        reference = None  # "iemand met geldproblemen helpen, welke taak hoort daarbij?": it points inside; "and the
        # Begeleider gehandicaptenzorg, how is that different?" points back
    if reference is not None and reference.kind == "version" and (
            previous is None or previous.listed or find_scope_terms(text, library.catalogue) or _CODE_NAMED.search(text)
            or not [w for w in re.findall(r"[^\W\d_]+", text) if w.lower() not in FILLER | {"one", "ones"}]):
        reference = None  # "welke werkprocessen heeft de 2021-versie van OA?" names what it means; "and the 2020
        # one?" asks the previous question again in that year (below)
    if reference is not None and reference.kind == "scope" and reference.text.lower() in ("welke", "which") and not (
            previous is not None and previous.listed and previous.kind == WERKPROCES):
        reference = None  # "bij welke moet ik … laten zien?" points into a list of werkprocessen only ("In welke komt
        # agressie voor?" first is a question of its own)
    if reference is not None and reference.kind == "topic" and re.match(r"(?:past|passen)\s", reference.text.lower()) \
            and (previous is None or previous.listed):
        reference = None  # "past dat bij een stage op …?" after a list: it weighs the list, not its first unit
    if reference is not None and reference.kind == "topic" and re.match(r"(?:heeft|hebben)\s", reference.text.lower()) \
            and not (previous is not None and _CODE_NAMED.search(previous.topic or "")):
        reference = None  # "welke competenties heeft die?" points at a unit; after a theme it asks again, unresolved
    if reference is not None and previous is None and re.match(r"(?:komt|komen|zie|vind)\s", reference.text.lower()):
        reference = None  # "Mijn studenten vinden agressie lastig. In welke werkprocessen komt dat terug?" first: the
        # statement's theme (after an answer, "waar komt dat voor?" points back at it)
    if reference is not None and previous is None and reference.kind == "topic" and QUOTED.search(text):
        reference = None  # "… 'Voert coördinerende taken uit' (or a variant of that title)": the quote itself
    if reference is not None and previous is None and programmes_with_theme(fold(text)):
        reference = None  # "… in any of these programmes?" first: the programmes of the sources
    if reference is not None and previous is None and names_programme(reference) and (ui.dossier or ui.profile):
        text = f"{text[: reference.span[0]].rstrip()} {text[reference.span[1]:].lstrip()}".strip()
        reference = None  # "deze opleiding" first, with a programme chosen in the filters: that one (without, the
        # reply asks which programme is meant)
    again = repeated_ordinal(text, reference, previous) if reference is not None and previous is not None else None
    if again is not None:
        return _answer(again, previous, ui, library, search, lang, followup=True,
                       constraints=ui.merged(previous.constraints), asked=previous.asked, pointed=previous.pointed)
    chosen = _subject_in_year(text, reference, previous.subjects, previous.question) \
        if reference is not None and previous else None
    chosen = chosen or (_subject_at_level(text, previous.subjects, library) if previous else None)
    chosen = chosen or (_programme_of_list(text, reference, previous) if reference is not None and previous else None)
    if chosen is not None:  # "the 2021 one" after two versions of a unit compared: that version's unit
        return _answer(chosen, previous, ui, library, search, lang, followup=True,
                       constraints=ui.merged(previous.constraints))
    if reference is not None:
        target = referent(reference, previous, text) if previous is not None else None
        if target and previous.scope and reference.text.lower() in ("its", "their", "hun") \
                and _KINDS_AFTER.match(text, reference.span[1]):  # "which of its profiles …" after a programme's
            target = referent(Reference("scope", "", (0, 0)), previous)  # list: the programme's, not its first unit
        if target and reference.kind == "scope" and years_named(text):  # "that profile in the 2015 dossier": the
            target = re.sub(r"\s*\b20\d\d\b", "", target).strip() or None  # year the message names, not the last
        years = _two_versions(reference, previous, library) if previous is not None else ()
        if years:  # "het verschil … in die twee versies" after a programme's 2015 and 2021 lists: both its versions
            target = f"{previous.scope} {years[0]} {'and' if lang == 'en' else 'en'} {years[1]}"
        if target is not None and previous.scope and COMPARE_WORD.search(text) \
                and find_scope_terms(text, library.catalogue):  # "vergelijk dat met <profiel>", "en de PMK, hoe is
            # dat anders?": the previous scope
            target = referent(Reference("scope", "", (0, 0)), previous)
        if target is None:
            intent = route(text, library.catalogue, library.vocabulary, lang, library.sbb)
            own_theme = intent.mode == WHERE and bool(intent.topic) and not _points_at_a_thing(text, reference,
                                                                                                intent.topic)
            # "waar komt X voor en bij welke profielen is dat", "where does it say X?": the theme is in the message
            if not (intent.competences or intent.sbb or intent.scopes or previous is not None
                    or asked_absent_fact(text) or own_theme  # "How many children may one PM look after? Is there
                    # a rule about that?": what the sources never state, said as such
                    or _asks_its_own(text, reference, library, lang)):  # "… Do I need a VOG for that?"
                reply = Reply(NOT_FOUND, lang, _reading(lang, text), intent, problem="no_referent",
                              details=(reference.text,))
                return Outcome(reply, Turn(text, lang=lang), text, False)
        elif reference.kind == "version" and not _CODE.match(target.split()[0]):
            pass  # "the 2015 one" after a theme, not a unit: the question again in that year (resolve, below)
        else:
            if reference.kind == "version" and not _has_year(previous.scope, years_named(text), library):
                # after PW 2015: "what does the 2021 version say?" is the code in 2021; "wat is er anders in de
                # 2021-versie?" compares it with the earlier one
                earlier = _with_scope(target, "topic", previous) if COMPARE_WORD.search(text) else ""
                target = f"{earlier} en" if earlier else target.split()[0]
            else:
                target = _with_scope(target, reference.kind, previous, text, library.unit_titles)
            kind_word = KIND_WORDS[lang].get(previous.kind or "", "") if previous else ""
            asked = text if reference.kind == "ordinal" and previous else ""
            within: tuple[str, ...] = ()
            other_kind = previous is not None and previous.kind == KERNTAAK and _WERKPROCES_WORD.search(text)
            if (reference.kind == "scope" and previous is not None and previous.listed and not other_kind
                    and not names_programme(reference)):
                within = previous.listed  # "welke daarvan …": which of the units just listed
                kind_word = kind_word or KIND_WORDS[lang]["werkproces"]
                target = target if previous.scope else ""
            named = bool(find_scope_terms(text, library.catalogue)) and not re.search(r"\b[a-y]\b|\d", fold(text))
            before = referent(Reference("scope", "", (0, 0)), previous) if previous is not None and previous.scope \
                and reference.kind == "topic" and named and _SAME_AS.search(text) else None
            text = replace_reference(text, reference, target, kind_word)
            if before:  # "en is dat bij medewerker sport en recreatie hetzelfde?" after the OA's English level: both
                text = f"{text.rstrip(' ?')} {'as for' if lang == 'en' else 'als bij'} {before}?"
            if reference.kind == "pair" and COMPARE_WORD.search(previous.question) and not COMPARE_WORD.search(text) \
                    and asks_fact_words(text):  # "and the crebo numbers of both?" after two programmes compared:
                text = f"{'compare' if lang == 'en' else 'vergelijk'}: {text}"  # still side by side
            if within and named and _competence_asked(previous.topic or "", library) \
                    and not _names_competence(text, library):
                text = f"{text.rstrip(' ?')} ({previous.topic})?"  # "En welke daarvan horen bij de HZW?" after a
                # competence's list: those of the profile, still for that competence
            return _answer(text, previous, ui, library, search, lang, followup=True,
                           constraints=ui.merged(previous.constraints) if previous else ui, asked=asked,
                           pointed=previous.subjects if asked and previous else (), within=within)
    against = _against_previous_scope(text, previous, library) if previous is not None else None
    if against is not None:  # "en vergeleken met de begeleider gehandicaptenzorg?" after a profile: the two
        return _answer(against, previous, ui, library, search, lang, followup=True,
                       constraints=ui.merged(previous.constraints))
    if previous is not None and previous.unknown:
        resolved = resolve(text, Turn(previous.question, previous.constraints, None), ui, library.catalogue)
        if resolved.followup:
            mentions = find_mentions(text, library.catalogue)
            if mentions.scope:
                question = re.sub(re.escape(previous.unknown), mentions.scope, previous.question, count=1,
                                  flags=re.IGNORECASE)
                return _answer(question, previous, ui, library, search, lang, followup=True,
                               constraints=resolved.constraints)
    if previous is not None and previous.where and years_named(text):  # "And the counterpart in the 2021 version?"
        text = _COUNTERPART.sub("", text)  # after a list of where a theme occurs: that list in that version
    resolved = resolve(text, previous, ui, library.catalogue)
    bare = without_afterword(text).strip()
    if not resolved.followup and previous is not None and bare and bare != text.strip() and not [
            w for w in find_mentions(bare, library.catalogue).rest if w.lower() not in FILLER]:
        short = resolve(bare, previous, ui, library.catalogue)  # "And in the 2021 PMK dossier? Please answer in
        resolved = short if short.followup else resolved  # English, I need to forward it": the follow-up before it
    outcome = _answer(resolved.question, previous, ui, library, search, lang, followup=resolved.followup,
                      constraints=resolved.constraints, own=resolved.turn.constraints)
    counterpart = _code_absent_in_year(outcome.reply, resolved.question, previous, lang, library) \
        if previous is not None and resolved.followup else None
    if counterpart is not None:  # "and in 2015?" after SW 2020's B1-K2-W4, a code SW 2015 lacks: the unit beside its
        compared = _answer(counterpart, previous, ui, library, search, lang, followup=True,  # 2015 counterpart, when
                           constraints=ui.merged(previous.constraints))  # the content pairs one with it (else "not
        if any(r.left is not None and r.right is not None for r in compared.reply.rows):  # in that version", with
            return compared  # the codes it does have)
    return outcome


_CORE_TASK_CODE = re.compile(r"\b([bp][1-9]-k[0-9]+)\b(?!-w)\s*[:(\"'‘“-]?\s*", re.IGNORECASE)


def core_task_titles_named(text: str, library: Library) -> str:
    """The message with the title typed after a kerntaak's code ("welke werkprocessen vallen onder kerntaak P3-K2
    Uitvoeren van taken rondom de lessen?") replaced by the dossiers whose kerntaak of that code has that title: the
    title's words are no theme. Only a title as the sources write it (case aside)."""
    for match in reversed(list(_CORE_TASK_CODE.finditer(text))):
        code = match.group(1).upper()
        tasks = [(u.chunk, fold(u.chunk.title)) for u in library.units
                 if u.chunk.kind == KERNTAAK and (u.chunk.code or "").upper() == code and u.chunk.title]
        after = text[match.end():].lower()
        title = next((t for t in sorted({t for _, t in tasks}, key=len, reverse=True) if after.startswith(t)), None)
        if title:
            end = match.end() + len(title)
            end += len(re.match(r"[\"'’”)]?", text[end:]).group(0))
            owners = dict.fromkeys(f"{c.dossier} {(c.version or '')[:4]}" for c, t in tasks if t == title)
            rest = f"{text[:match.start()]} {text[end:]}"
            named = f" ({', '.join(owners)})" if not find_scope_terms(rest, library.catalogue) else ""  # "… in MZ?":
            text = f"{text[:match.start()]}{match.group(1)}{named}{text[end:]}"  # the asker's scope, else the
            # dossiers whose kerntaak has that title
    return text


def _code_absent_in_year(reply: Reply, question: str, previous: Turn, lang: str, library: Library) -> str | None:
    """The comparison of the unit a lookup showed with its counterpart by content in the year a follow-up asks,
    when that year's dossier lacks the code ("**B1-K2-W4** is not in Sociaal werk 2015"), or None."""
    if reply.problem != "unknown_code" or previous.answered != LOOKUP or not previous.history:
        return None
    shown = _SUBJECT_IN_YEAR.fullmatch(previous.history[-1])
    if shown is None or shown.group(1).upper() != reply.details[0].upper():
        return None
    code, name, year = shown.groups()
    other = next((y for y in years_named(question) if y != year), None)
    return _versions_compared(code, name, year, other, previous, library, lang) if other else None


_THOSE_UNITS = re.compile(THOSE_UNITS, re.IGNORECASE)
# the programmes just listed, said as a pronoun ("do they differ …", "verschillen ze …")
_THEY = re.compile(r"\b(?:they|them|those|these|ze|zij|hen|die|deze)\b"
                   r"(?!\s+(?:two|twee|2|both|beide|profiles?|profielen|programm?e?s?|opleidingen)\b)", re.IGNORECASE)

# "is dat bij X hetzelfde?", "is it the same for X?": the thing asked, for the previous programme and this one
_SAME_AS = re.compile(r"\bhetzelfde\b|\bdezelfde\b|\b(?:the\s+)?same\b|\bgelijk\b", re.IGNORECASE)
_SAME_FILLER = frozenset({"same", "like", "as", "too", "also", "ook", "zo", "als", "zoals", "hetzelfde", "dezelfde",
                          "gelijk", "bij", "for", "with", "met", "the", "de", "het"})


def _two_versions(reference: Reference, previous: Turn, library: Library) -> tuple[str, ...]:
    """The two version years of the programme whose units were just listed, when "die twee versies" / "those two
    versions" points at them; else ``()``."""
    if reference.kind != "pair" or not previous.scope or not previous.listed \
            or not re.search(r"\b(?:versies|versions)\b", reference.text, re.IGNORECASE):
        return ()  # after one unit looked up in two years, "the two versions" are that unit's (its history)
    years = sorted({(e.version or "")[:4] for e in library.catalogue.scopes.get(fold(previous.scope), ())} - {""})
    return tuple(years) if len(years) == 2 else ()


def _bare_same(text: str, previous: Turn, library: Library, lang: str) -> str:
    """"same like agogisch medewerker GGZ?", "and medewerker sport en recreatie? same?" after a fact or topic of one
    programme: "is it the same for <that programme>?", which compares the two on it; else ``text``."""
    if not previous.scope or previous.answered != LOOKUP or not _SAME_AS.search(text) \
            or find_reference(without_afterword(text)) is not None or COMPARE_WORD.search(text):
        return text  # after a list or a "not found", "same for X?" asks that again for X (the follow-up merge)
    terms = find_scope_terms(text, library.catalogue)
    mentions = find_mentions(text, library.catalogue)
    if len(terms) != 1 or mentions.level or mentions.year or mentions.kind \
            or any(w.lower() not in FILLER and w.lower() not in _SAME_FILLER for w in mentions.rest):
        return text
    name = terms[0][0]
    if has_extract_version(previous.scope, library.catalogue) and has_extract_version(name, library.catalogue):
        return text  # "Wat is het niveau van de PMK?", "hetzelfde bij de GPM?": both have a 2021 text without the
        # facts, so the GPM's fact is asked (the follow-up merge), not a comparison of the 2021 texts
    return f"is it the same for {name}?" if lang == "en" else f"is dat bij {name} hetzelfde?"


_KINDS = r"(?:werk ?process\w*|work ?process\w*|kerntaken|core tasks|profielen|profiles)"
_KINDS_AFTER = re.compile(rf"\s+{_KINDS}\b", re.IGNORECASE)  # "its profiles", "hun kerntaken"
_KIND_FOLLOWUP = re.compile(rf"^(?:ok[eé]?|oké|en|and|dan|then|so)\b.*\b{_KINDS}\b|\b{_KINDS}\b.*\b(?:dan|then)\s*\??$",
                            re.IGNORECASE)
# "which werkprocessen do I learn there?" after a programme: its units ("which other profiles … there?" is no scope)
_KINDS_THERE = re.compile(r"^(?!.*\b(?:other|others|andere|ander)\b).*\b(?:werk ?process\w*|work ?process\w*|kerntaken"
                          r"|core tasks)\b.*\b(?:there|daar)\s*[?.!]*\s*$", re.IGNORECASE)
_COUNTERPART = re.compile(r"\b(?:the|de|het|hun|their)\s+(?:counterparts?|tegenhangers?|equivalents?)\s+"
                          r"(?=(?:in|of|from|uit|van)\b)", re.IGNORECASE)
_PART_NAMED = re.compile(r"\b(?:profieldeel|basisdeel|aanvulling\w*|profile part|core part|basic part|basis part"
                         r"|additions?)\b", re.IGNORECASE)
_NARROWING_OF_THOSE = re.compile(r"\s*(?:alleen|enkel|only|just)\s+(?:die|de|degene|those|the\s+ones?)\b",
                                 re.IGNORECASE)
_KINDS_OF_THEIRS = re.compile(r"\b(?:werk ?process\w*|work ?process\w*|kerntaken|core tasks|wp'?s?)\b.*\b(?:hun|their"
                              r"|(?:hebben|heeft)\s+(?:die|ze|zij)|have\s+(?:they|those|these|them)"
                              r"|do\s+(?:they|those|these)\s+have)\b", re.IGNORECASE)
# a programme fact asked of "them" ("welk niveau hebben ze?", "are they all the same level?", "what level are
# those?"): after a list of profiles, the profiles' facts
_FACT_OF_THEIRS = re.compile(r"\b(?:niveaus?|levels?|crebo\w*|sbu|studiebelasting|study\s+load)\b.*\b(?:ze|zij|die"
                             r"|hun|they|those|these|them|their)\b|\b(?:ze|zij|die|they|those|these)\b.*\b(?:niveaus?"
                             r"|levels?|crebo\w*|sbu|studiebelasting|study\s+load)\b")
_PROFILES_OF = {"nl": "de profielen van {scope}", "en": "the profiles of {scope}"}
_WERKPROCES_WORD = re.compile(KIND_PATTERNS["werkproces"], re.IGNORECASE)
_CODE_NAMED = UNIT_CODE
_CODE = re.compile(rf"^{UNIT_CODE_BODY}$", re.IGNORECASE)


# "which ones" with no kind word of its own, beside a new scope ("And which ones does the 2021 Onderwijsassistent
# dossier have?"): the kind the previous list was of
_ONES = re.compile(r"\b(?:which|what)\s+ones\b", re.IGNORECASE)


def _ones_of_previous_kind(text: str, previous: Turn, library: Library) -> str:
    """The message with "which ones" made "which <kind>" when the previous turn listed a kind and the message names
    a scope of its own but no kind; else unchanged."""
    names_kind = any(re.search(p, text, re.IGNORECASE) for p in KIND_PATTERNS.values())
    if (not previous.listed or previous.kind not in KIND_WORDS["en"] or not _ONES.search(text) or names_kind
            or not find_scope_terms(text, library.catalogue)):
        return text
    return _ONES.sub(lambda m: f"{m.group(0).split()[0]} {KIND_WORDS['en'][previous.kind]}", text, count=1)


# "the sports one", "de ggz-variant": one of the profiles just listed, by a word of its name
_DESCRIBED = re.compile(r"\b(?:the|that|this|de|die|dat|het)\s+([^\W\d_]{3,})(?:[- ]?(?:variant|versie|profiel)|\s+"
                        r"(?:one|variant|version|profile))\b", re.IGNORECASE)
_SAME_WORD = 4  # letters a described word and a word of the name share at least (*sports*, *sport*)


def _described_subject(text: str, previous: Turn) -> str:
    """The message with "the <word> one" replaced by the one profile of the previous list whose name has that word
    ("What qualifications are in DV?", then "Which work processes does the sports one have?": Medewerker sport en
    recreatie); unchanged when no profile or several have it. It works on the message, before routing, because a
    lone word names no profile the router knows; :func:`_one_listed_profile` narrows, after routing, the profiles a
    typed name fits to the one the list held."""
    match = _DESCRIBED.search(text)
    if match is None or previous.kind != PROFIEL or not previous.subjects:
        return text  # a list of profiles only: a unit is pointed at by its place ("de tweede")
    word = fold(match.group(1))
    start = word[:max(_SAME_WORD, len(word) - 2)]  # *sports*: *sport*; *ggz*: *GGZ*
    named = [s for s in dict.fromkeys(previous.subjects)
             if any(fold(w).startswith(start) for w in re.findall(r"[^\W\d_]+", s))]
    return text[:match.start()] + named[0] + text[match.end():] if len(named) == 1 else text


def _clause_before(text: str, library: Library, unmarked: bool = False) -> bool:
    """Whether a clause is set off before a reference ("iemand met geldproblemen helpen, welke taak hoort
    daarbij?"), or a question that names a programme ("en de PBG op niveau 4? welke werkprocessen heeft die"): the
    reference points inside it. A summing-up lead-in ("Kortom, …", "So in short, …"), one that points back
    ("Voortbouwend op dat overzicht: …") or an aside question ("Is dat alles? welke daarvan …") is none. With
    ``unmarked``, a theme typed before the question without a mark is one too ("social media wich werkprocesses talk
    about it")."""
    text = _LEAD_IN.sub("", text)
    asked = text.split("?")[:-1]
    if unmarked:  # first, what the student did may hold it ("Student heeft … geholpen. Welk werkproces is dat?")
        asked += [part for part in re.split(r"[.!]", text)[:-1] if _STUDENT_DID.match(part)]
    first = _TOPIC_FIRST.match(text) if unmarked else None  # a conversation's first message only: later, "Helder
    # wat is de tweede?" points back
    themed = first is not None and any(
        not is_question_word(w) for w in re.findall(r"[^\W\d_]+", first.group(1).lower()))
    return _SEPARATOR.search(text) is not None or themed or any(
        len(re.findall(r"[^\W\d_]+", part)) >= QUESTION_WORDS_BEFORE
        and (find_scope_terms(part, library.catalogue) or (unmarked and topic_words(part)))
        and find_reference(part) is None for part in asked)  # "Does my kid learn first aid anywhere? Which … is that
    # in?" first: the question before


def _names_only(text: str, library: Library, competences: bool = False) -> bool:
    """The text holds a scope name (with ``competences`` also a competence name) and nothing but filler besides
    ("and the Begeleider gehandicaptenzorg,", "and klantgerichtheid,")."""
    spans = [span for _, span in find_scope_terms(text, library.catalogue)] + (
        [m.span() for m in library.name_phrases.finditer(text)] if competences else [])
    rest = "".join(" " if any(a <= i < b for a, b in spans) else ch for i, ch in enumerate(text))
    return bool(spans) and all(w.lower() in FILLER for w in re.findall(r"[^\W\d_]+", rest))


def _in_previous_scope(text: str, previous: Turn, library: Library) -> str:
    """"welke werkprocessen vallen onder P3-K1?", "ok, which profiles are there then?" after a scoped answer: the
    message with the scope just named put in ("… (oa 2021)?"). Unchanged when it names a scope or points back."""
    reference = find_reference(without_afterword(text))
    if previous.scope and previous.kind == PROFIEL and previous.listed and (
            _KINDS_OF_THEIRS.search(text) or (reference is None and _FACT_OF_THEIRS.search(fold(text)))) \
            and not find_scope_terms(text, library.catalogue):  # "welke werkprocessen hebben die?", "welk niveau
        # hebben ze?" after a list of profiles: theirs, in the scope that listed them; "zijn ze allemaal van
        # hetzelfde niveau?": the profiles side by side
        same = re.search(SAME_FACT, fold(text)) is not None
        scope = _PROFILES_OF["en" if previous.lang == "en" else "nl"].format(scope=previous.scope) if same \
            else previous.scope
        return f"{text.rstrip(' ?')} ({scope})?"
    if not previous.scope or find_scope_terms(text, library.catalogue) or (
            reference is not None and reference.kind != "version"):
        return text
    own_fact = _asks_own_fact(text) and _has_year(previous.scope, years_named(text), library)
    there = not previous.listed and _KINDS_THERE.search(text) is not None and len(  # "which werkprocessen do I
        {fold(t) for t, _ in find_scope_terms(previous.question, library.catalogue)}) == 1  # learn there?": one named
    if not (_CODE_NAMED.search(text) or _KIND_FOLLOWUP.search(text) or own_fact or there):
        return text
    scope = previous.scope if years_named(text) else referent(Reference("scope", "", (0, 0)), previous)
    return f"{text.rstrip(' ?')} ({scope})?" if scope else text  # a year the message names replaces the earlier


_THAT_OF = re.compile(r"\s+(?:van|of)\s+(?:(?:de|het|the)\s+)?", re.IGNORECASE)  # "die van X": X's


def _that_of(text: str, reference: Reference, library: Library) -> str:
    """A programme fact asked of "die van X" ("en welk niveau is die van persoonlijk begeleider?"): the message with
    "die van" left out, so that X is the programme asked; unchanged otherwise (no fact, no programme after it)."""
    end = reference.span[1]
    after = _THAT_OF.match(text, end)
    if after is None or text[end - 3:end].lower() != "die" or not find_scope_terms(text[end:], library.catalogue) \
            or not any(p.search(fold(text)) for p in FACTS.values()):
        return text
    return f"{text[: end - 3].rstrip()} {text[after.end():]}".strip()


# one of two names the previous question gave: "the latter", "the former", "laatstgenoemde", "eerstgenoemde"
_PAIR_MEMBER = re.compile(r"\b(?:the\s+(?P<last>latter)|the\s+(?P<first>former)|(?:de|het)\s+(?P<laatst>laatstgenoemde)"
                          r"|(?:de|het)\s+(?P<eerst>eerstgenoemde))\b(?!\s+(?:part|half|two|three|ones?|section|case|"
                          r"of|deel|helft|twee|drie)\b)", re.IGNORECASE)  # not "the latter part of the list"


def _pair_member(text: str, previous: Turn, library: Library) -> str:
    """"Which work processes does the latter have …?" after a question naming two profiles: the message with the
    one it means (the last or first name of the previous question, with its year); unchanged otherwise."""
    match = _PAIR_MEMBER.search(text)
    if match is None or not any(re.search(p, fold(text)) for p in KIND_PATTERNS.values()):
        return text  # "the former, please", "wat doet de eerstgenoemde met medicatie?": no list asked of it
    names = list(dict.fromkeys(term for term, _ in find_scope_terms(previous.question, library.catalogue)))
    if len(names) != 2:
        return text  # one name, or three: nothing to choose between, or no pair
    name = names[-1] if match.group("last") or match.group("laatst") else names[0]
    article = "the" if match.group("last") or match.group("first") else "de"
    years = "".join(f" {y}" for y in dict.fromkeys(re.findall(r"\b20\d\d\b", previous.question)))
    return f"{text[: match.start()]}{article} {name}{years}{text[match.end():]}"


_COMPARED_WITH = re.compile(r"\b(?:verschil\w*|vergelijk\w*|compar\w*|differen\w*)"
                            r"(?:\s+(?:in|qua|of)\s+[^?.!]{1,40}?)?\s+(?:met|with|to|from)\b"  # "verschil in niveau en
                            # studieduur met X"
                            r"|\bverh(?:oudt|ouden)\s+(?:zich\s+)?(?:(?:dat|dit|het|die|ze)\s+)?(?:zich\s+)?tot\b"
                            # "zet die gegevens af tegen X", "wat is er dan anders bij de OA?"
                            r"|" + SET_AGAINST + r"|\bset\s+(?:[\w-]+\s+){0,3}?against\b"
                            r"|\banders\s+(?:bij|voor)\b|\bdifferent\s+(?:for|at)\b",
                            re.IGNORECASE)


# a lookup's main subject as a turn remembers it: "P2-K2-W1 Gespecialiseerd pedagogisch medewerker 2015"
_SUBJECT_IN_YEAR = re.compile(rf"({UNIT_CODE_BODY}) (.+) (20\d\d)", re.IGNORECASE)
# what a bare comparison points at: the unit just shown ("vergelijk het met 2021") or its versions ("beide versies")
_POINTS_AT_IT = re.compile(r"\b(?:het|dat|dit|die|deze|ze|it|that|this|them|those|these)\b", re.IGNORECASE)
_BOTH_VERSIONS = re.compile(r"\b(?:both|beide|allebei|the\s+two|de\s+twee|die\s+twee|these\s+two|those\s+two)"
                            r"(?:\s+(?:versions?|versies?|years?|jaren|dossiers?))?\b", re.IGNORECASE)


def _subject_versions(text: str, previous: Turn, library: Library, lang: str) -> str | None:
    """"vergelijk het met 2021", "compare both versions" after a lookup whose best match was one unit: the question
    that compares that unit's code in its year and the year named (or the year of the same code the turn before
    looked up), or None. A message that names a programme or a code asks its own comparison."""
    if previous.answered != LOOKUP or not previous.history or not COMPARE_WORD.search(text) \
            or find_scope_terms(text, library.catalogue) or _CODE_NAMED.search(text):
        return None
    shown = _SUBJECT_IN_YEAR.fullmatch(previous.history[-1])
    if shown is None:
        return None
    code, name, year = shown.groups()
    named = [y for y in years_named(text) if y != year]
    other = named[0] if named and _POINTS_AT_IT.search(text) else None
    if other is None and _BOTH_VERSIONS.search(text) and len(previous.history) >= 2:
        before = _SUBJECT_IN_YEAR.fullmatch(previous.history[-2])  # "and in the 2021 version?" came between
        if before is not None and before.group(1).upper() == code.upper() and before.group(3) != year:
            other = before.group(3)
    return _versions_compared(code, name, year, other, previous, library, lang) if other else None


def _versions_compared(code: str, name: str, year: str, other: str, previous: Turn, library: Library,
                       lang: str) -> str | None:
    """The question that compares ``code`` in ``year`` (first: the unit shown) and ``other``, of the unit's programme
    or else of the programme the conversation named ("B1-K1-W1 van de PMK" shows Pedagogisch Werk's unit), whichever
    has a version in both years; None when neither has ("PW" has no 2021 version)."""
    for candidate in (name, previous.scope):
        versions = {(e.version or "")[:4] for e in library.catalogue.scopes.get(fold(candidate or ""), ())}
        if candidate and {year, other} <= versions:
            return f"compare {code} of {candidate} in {year} and {other}" if lang == "en" else \
                f"vergelijk {code} van {candidate} in {year} en {other}"
    return None


def _compared_with_previous(text: str, previous: Turn, library: Library) -> str:
    """"en verschil met sociaal maatschappelijk dienstverlener?" after a question on the sociaal-cultureel werker:
    the new name compared with the scope just named (put in beside it). Unchanged when the message names two
    scopes, points back, or compares nothing "with" a name."""
    named = {fold(term) for term, _ in find_scope_terms(text, library.catalogue)}
    if (not previous.scope or len(named) != 1 or not _COMPARED_WITH.search(text)
            or find_reference(without_afterword(text)) is not None):
        return text
    scope = referent(Reference("scope", "", (0, 0)), previous)
    scopes = library.catalogue.scopes
    new_entries, old_entries = set(scopes.get(next(iter(named)), ())), set(scopes.get(fold(previous.scope), ()))
    if not scope or new_entries & old_entries:
        return text  # "en verschil met PMK?" after the pedagogisch medewerker kinderopvang: the same one
    return f"{text.rstrip(' ?')} ({scope})?"


def _generic_compared(text: str, previous: Turn, library: Library) -> str | None:
    """"Is that higher than the normal English requirement for MBO level 4?" after a question on one programme's
    English: that question with the programme just named (its requirement beside the generic one); None when the
    message names a programme itself or weighs nothing against a generic requirement."""
    folded = fold(text)
    if not (previous.scope and GENERIC_COMPARED.search(folded) and GENERIC_WEIGHED.search(folded)) \
            or find_scope_terms(text, library.catalogue):
        return None
    scope = referent(Reference("scope", "", (0, 0)), previous)
    return f"{text.rstrip(' ?')} ({scope})?" if scope else None


def _programme_fact_of_it(text: str, reference: Reference, previous: Turn, library: Library) -> bool:
    """"what level and what type of training is it then?": "it" is the programme the previous question named when
    the message asks one of its facts (level, type, study load, crebo) and the previous topic is no competence or
    unit (whose level "it" may mean) and the message names no scope itself."""
    if reference.kind not in ("topic", "scope") or not previous.scope or find_scope_terms(text, library.catalogue):
        return False
    topic = fold(previous.topic or "")
    whole = bool(previous.listed) and not previous.where and previous.answered == LIST  # a programme's units listed:
    # "does he need English for that?" asks the programme's requirement, not its first unit's
    if (_CODE_NAMED.search(topic) and not whole) or topic in library.competence_names or any(
            fold(n) in topic for n in library.sbb.values()):
        return False
    return any(p.search(fold(text)) for p in FACTS.values()) or (whole and SUBJECT_LEVEL.search(fold(text)) is not None)


def _asks_own_fact(text: str) -> bool:
    """"wat is t crebo", "and how many sbu?", "moeten ze ook een vreemde taal beheersen? welk niveau?": the crebo,
    study load or subject level of the scope just named (a level may be a competence's, so it needs a reference: "op
    welk niveau zit die opleiding?")."""
    folded = fold(text)
    return (asks_crebo_or_load(text) or SUBJECT_LEVEL.search(folded) is not None) and not any(
        re.search(p, folded) for p in KIND_PATTERNS.values()) and not _OTHER_SCOPES.search(folded)


_OTHER_SCOPES = re.compile(r"\b(?:dossiers|alle|all|every|elk\w*|andere|other)\b")  # "crebo's van de 2021 dossiers"


# a programme fact by its words ("de niveaus", "the crebo", "studiebelasting"), and as a follow-up names it
_FACT_WORDS = {"niveau": r"(?:mbo[- ]?)?niveaus?|(?:mbo\s+)?levels?",
               "sbu": r"sbu|studiebelasting\w*|studielast|study\s+(?:load|hours)",
               "crebo": r"crebo\w*"}
_FACT_PHRASE = {"nl": {"niveau": "het niveau", "sbu": "de studiebelasting (sbu)", "crebo": "het crebonummer"},
                "en": {"niveau": "the level", "sbu": "the study load (sbu)", "crebo": "the crebo number"}}
_SIBLING_FACT = re.compile(r"^\s*(?:en|and|ook|also|wat met|what about|how about|en hoe zit het met)\s+"
                           r"(?:(?:de|het|hun|the|their)\s+)?(?P<fact>" + "|".join(_FACT_WORDS.values())
                           + r")\s*(?:dan|then)?\s*[?.!]*\s*$", re.IGNORECASE)


def _sibling_fact(text: str, previous: Turn) -> str | None:
    """The previous question again for another programme fact ("en de niveaus?" after "compare the sbu of DV and
    SW", "and the crebo?" after "what is the level of X?"); None when the message is more than the fact's words
    or the previous question asked no programme fact."""
    match = _SIBLING_FACT.match(text)
    question = previous.question
    if match is None or not any(p.search(fold(question)) for p in FACTS.values()):
        return None
    new = next(k for k, p in _FACT_WORDS.items() if re.fullmatch(p, match.group("fact"), re.IGNORECASE))
    lang = "en" if previous.lang == "en" else "nl"
    for key, pattern in _FACT_WORDS.items():
        found = re.search(rf"(?:\b(?:de|het|the)\s+)?\b(?:{pattern})\b", question, re.IGNORECASE)
        if key != new and found and FACTS[key].search(fold(question)):
            return question[: found.start()] + _FACT_PHRASE[lang][new] + question[found.end():]
    return None


# a comparison narrowed to a theme ("Alleen de verpleegtechnische handelingen naast elkaar, graag.", "only the ones
# about medication, please")
_COMPARISON_NARROWED = re.compile(
    r"^\s*(?:(?:en|and|maar|but|ok\w*)[,\s]+)?(?:alleen|enkel|only|just)\s+(?:die\s+(?:over|van|met)"
    r"\s+|the\s+ones\s+(?:about|on|with)\s+|(?:de|het|die|the)\s+)?(?P<topic>[^?,.!]+?)"
    r"(?:\s+(?:naast\s+elkaar|side\s+by\s+side|vergelijken|vergeleken|compared))?"
    r"\s*(?:[,.!]*\s*(?:graag|alsjeblieft|aub|a\.u\.b\.|please|pls))?\s*[.!?]*\s*$", re.IGNORECASE)


def _comparison_narrowed(text: str, previous: Turn, library: Library) -> str | None:
    """The previous comparison again, narrowed to the theme the message names ("alleen de verpleegtechnische
    handelingen naast elkaar"); None after anything but a comparison, or when the message names a scope, code,
    year, level, part or unit kind (a narrowing of its own)."""
    match = _COMPARISON_NARROWED.match(text)
    if match is None or previous.answered != COMPARE:
        return None
    topic = match.group("topic").strip()
    if not topic_words(topic) or find_scope_terms(text, library.catalogue) or _CODE_NAMED.search(text) \
            or years_named(text) or _PART_NAMED.search(text) or re.search(r"\b(?:niveau|level|nivo)\b", topic, re.I) \
            or any(re.fullmatch(p, topic, re.IGNORECASE) for p in KIND_PATTERNS.values()):
        return None
    only = "only" if previous.lang == "en" else "alleen"
    return f"{previous.question.rstrip(' ?.!')}, {only} {topic}"


_THEME_FOLLOWUP = re.compile(r"^\s*(?:en|and|ook|also|wat met|what about|how about|hoe zit het met)\s+"
                             r"(?:(?:over|about|met|with)\s+)?(?P<topic>[^?]+?)\s*\??\s*$", re.IGNORECASE)
THEME_FOLLOWUP_WORDS = 5


def _theme_followup(text: str, previous: Turn, library: Library) -> str | None:
    """"en privacy?", "and confidential information?" after a list of where a theme occurs: that question again
    with the new theme, in the same scope; None for anything else (a scope, kind, code, level, year or reference
    named, or only filler words)."""
    match = _THEME_FOLLOWUP.match(text)
    if match is None or not (previous.listed or previous.where) or not previous.topic \
            or previous.kind not in (None, "werkproces"):
        return None
    topic = match.group("topic").strip()
    words = re.findall(r"[^\W\d_]+", topic)
    if (not words or len(words) > THEME_FOLLOWUP_WORDS or find_scope_terms(text, library.catalogue)
            or _CODE_NAMED.search(text) or years_named(text) or find_reference(without_afterword(text)) is not None
            or any(re.search(p, topic, re.IGNORECASE) for p in KIND_PATTERNS.values())
            or re.search(r"\b(?:niveau|level|niv|nivo|lvl|alleen|enkel|only|just)\b", topic, re.IGNORECASE)
            or all(w.lower() in FILLER for w in words)):
        return None
    scope = referent(Reference("scope", "", (0, 0)), previous) if previous.scope else ""
    if previous.lang == "en":
        return f"which work processes are about {topic}{f' in {scope}' if scope else ''}?"
    return f"welke werkprocessen gaan over {topic}{f' in {scope}' if scope else ''}?"


# "en W4?", "and K2-W1?", "what about W5?" after a question about one full code: the same question for a sibling
_SIBLING_CODE = re.compile(r"^\s*(?:(?:en|and|ok(?:ay|é|e)?|dan|then|what about|how about|en hoe zit het met)"
                           r"\s*,?\s*)*(?P<code>(?:K\d+-)?W\d+)\s*(?:dan|then)?\s*[?.!]*\s*$", re.IGNORECASE)
_FULL_CODE = re.compile(r"\b([BP]\d+-)(K\d+-)(W\d+)\b", re.IGNORECASE)


def _sibling_code(text: str, previous: Turn) -> str | None:
    """The previous question again with a sibling of its one werkproces code ("en W4?" after "verschil tussen
    P1-K1-W3 van PMK in 2015 en in 2021?": P1-K1-W4 in both); None when the message is more than that code, or
    the previous question names no code or several."""
    match = _SIBLING_CODE.match(text)
    found = {m.group(0).upper() for m in _FULL_CODE.finditer(previous.question)} if match else set()
    if len(found) != 1:
        return None
    tail = match.group("code").upper()
    code = _FULL_CODE.search(previous.question)
    new = code.group(1).upper() + (tail if tail.startswith("K") else code.group(2).upper() + tail)
    return _FULL_CODE.sub(new, previous.question)


# "en rekenen?", "and English?", "hoe zit het met Engels?" after a question about the level of one generic subject
_SIBLING_SUBJECT = re.compile(rf"^\s*(?:(?:en|and|ok(?:ay|é|e)?|dan|then|what about|how about|(?:en\s+)?hoe zit het met"
                              rf"|(?:en\s+)?(?:voor|for))\s*,?\s*)+(?P<subject>{SUBJECT})(?:\s+(?:taal|language))?"
                              rf"\s*(?:dan|then)?\s*[?.!]*\s*$", re.IGNORECASE)


def _sibling_subject(text: str, previous: Turn) -> str | None:
    """The previous question again with another generic subject ("en rekenen?" after "Welk niveau Nederlands heeft
    de thuisbegeleider nodig?": the level of rekenen for the thuisbegeleider); None when the message is more than
    the subject, or the previous question asked no subject's level."""
    match = _SIBLING_SUBJECT.match(text)
    asked = SUBJECT_LEVEL.search(fold(previous.question)) if match else None
    if asked is None:
        return None
    start, end = asked.span()
    within = re.search(rf"\b{SUBJECT}\b", previous.question[start:end], re.IGNORECASE)
    if within is None:
        return None
    return (previous.question[: start + within.start()] + match.group("subject")
            + previous.question[start + within.end():])


# a bare SBB letter at the end of a follow-up: "Which of those also list H?", "en welke daarvan ook H?"
_BARE_LETTER = re.compile(r"\b(?:also|ook|list|lists|have|has|hebben|heeft|require|requires|with|met|om|and|en)"
                          r"\s+([A-Y])\s*[?.!]*\s*$")


def _bare_sbb_letter(text: str, previous: Turn, library: Library) -> str:
    """A follow-up's bare capital letter as the SBB competence it names, when the previous question asked for an
    SBB competence ("… horen bij competentie E?" + "Which of those also list H?": competence H); else ``text``."""
    match = _BARE_LETTER.search(text)
    if match is None or match.group(1) not in library.sbb or not (
            sbb_letters(previous.question) or sbb_named(previous.question, library.sbb)):
        return text
    word = "competence" if detect(text) == "en" else "competentie"
    return f"{text[: match.start(1)]}{word} {match.group(1)}{text[match.end(1):]}"


def _has_year(scope: str | None, years: list[str], library: Library) -> bool:
    """The scope word has a version in every one of ``years`` (no scope: True)."""
    if not scope:
        return True
    versions = {(e.version or "")[:4] for e in library.catalogue.scopes.get(fold(scope), ())}
    return all(year in versions for year in years)


def _with_scope(target: str, kind: str, previous: Turn, message: str = "", titles: frozenset[str] = frozenset()) -> str:
    """A bare code or unit title the reference stands for, with the scope and years of the turn it came from
    ("b1-k1-w5" → "b1-k1-w5 Onderwijsassistent 2021", "behartigt belangen" → "behartigt belangen Sociaal werk
    2015"): a unit means nothing without its dossier. A year the message names itself replaces the earlier ones
    ("welke SBB-competenties horen bij die 2020-versie?")."""
    if len(set(target.split())) == 1:  # "B1-K1-W3 in 2020 … as B1-K1-W3 in 2015": the one code
        target = target.split()[0]
    if kind not in ("topic", "version") or not (_CODE.match(target) or fold(target) in titles) or not previous.scope \
            or fold(target) == fold(previous.scope):  # the profile itself (its text is titled by its name)
        return target
    own = years_named(message)
    years = [] if own else [y for y in dict.fromkeys(re.findall(r"\b(20\d\d)\b", previous.question))
                            if y not in previous.scope]
    return " ".join([target, previous.scope, *years])


def _one_listed_profile(intent: Intent, previous: Turn | None) -> Intent:
    """"the specifieke doelgroepen one" after a list of profiles: of the profiles one name fits, the one that list
    held (the intent unchanged when none or several did, or when the question compares)."""
    if previous is None or not previous.listed or previous.kind != PROFIEL or intent.type == COMPARE \
            or len(set(map(fold, intent.scope_terms))) > 1:
        return intent
    parts = [ref.split("|") for ref in previous.listed if ref.count("|") >= 3]
    listed = {ScopeEntry(dossier, profile, version) for _, dossier, version, profile, *_ in parts if profile}
    if len(intent.scopes) >= 2:  # a name that fits several profiles
        mine = tuple(e for e in intent.scopes if e in listed)
        return replace(intent, scopes=mine) if len(mine) == 1 else intent
    words = intent.topic.split()
    if intent.type == LIST and intent.mode == WHERE and not intent.scopes and len(words) >= 2:
        mine = tuple(e for e in listed if f" {intent.topic} " in f" {fold(e.profile)} ")  # part of a listed name
        if len(mine) == 1:
            return replace(intent, scopes=mine, mode=TREE, topic="", phrase="")
    return intent


def _reading(lang: str, text: str) -> str:
    return f"{READ_AS[lang]['prefix']}: {text}"


def _scopes_in_version(intent: Intent, version: str | None) -> Intent:
    """The question's scopes in the version a filter holds ("GPM", then "and in the 2015 version?": GPM of PW 2015,
    not also GPM 2021), when some are and some are not."""
    if not version:
        return intent
    kept = tuple(e for e in intent.scopes if fold(e.version or "") == fold(version))
    return replace(intent, scopes=kept) if kept and len(kept) < len(intent.scopes) else intent


_IN_YEAR = re.compile(r"\w+\s+(20\d\d)(?:\s*-?\s*versie|\s+(?:version|one))?|\w+\s+(?:versie|version)\s+"
                      r"(?:uit|van|of|from)\s+(20\d\d)", re.IGNORECASE)


def _subject_in_year(text: str, reference: Reference, subjects: tuple[str, ...], asked: str = "") -> str | None:
    """The message with "the 2021 one" replaced by the one subject of the previous answer in that year, when that
    answer showed several (two versions of a unit compared) and the previous question ``asked`` named no code; else
    None."""
    match = _IN_YEAR.match(text, reference.span[0]) if reference.kind == "version" else None
    if match is None or len(subjects) < 2 or codes_in(asked):
        return None  # "Is B1-K1-W3 in SW 2020 the same as B1-K1-W3 in 2015?", then "the 2015 one": the code named
    year = match.group(1) or match.group(2)
    picked = [s for s in subjects if re.search(rf"\b{year}\b", s)]
    return text[: match.start()] + picked[0] + text[match.end():] if len(picked) == 1 else None


def _programme_of_list(text: str, reference: Reference, previous: Turn) -> str | None:
    """"only the kerntaken of that one" after a programme's list of units: "that one" is the programme, not its
    first unit; the message with the programme put in, else None (after a list of where a theme occurs "bij welke
    kerntaak hoort die?" asks about those units)."""
    one = _THAT_ONE.search(text)
    if reference.kind != "topic" or one is None or not previous.scope or len(previous.listed) < 2 or previous.where \
            or not re.search("|".join(KIND_PATTERNS.values()), fold(text)):
        return None
    programme = referent(Reference("scope", "", (0, 0)), previous)
    return f"{text[: one.start()]}{programme}{text[one.end():]}" if programme else None


_THAT_ONE = re.compile(r"\b(?:that|this)\s+one\b|\b(?:die|deze)(?=\W*$)", re.IGNORECASE)


# "the level-4 profile('s)", "de niveau 3-opleiding", "die van niveau 4": one of the programmes just shown, by its level
_AT_LEVEL = re.compile(r"\b(?:the|that|this|de|het|die|deze)\s+(?:mbo[\s-]+)?(?:level|niveau)[\s-]*([1-4])[\s-]*"
                       r"(?:one|profile|programme|program|course|qualification|opleiding|profiel|kwalificatie)"
                       r"(?:'s|’s)?(?!\w)|\b(?:die|degene|the one)\s+(?:van|op|at|of)\s+(?:niveau|level)\s*([1-4])\b",
                       re.IGNORECASE)


_DEMONSTRATIVES = frozenset({"this", "that", "these", "those", "deze", "die", "dit", "dat"})


def _unlinked_pointed(text: str, previous: Turn, library: Library) -> tuple[str, ...]:
    """``("B1-K1-W3", "Sociaal Werk 2020")`` when a follow-up asks for the competences of what the previous answer
    showed ("Welke SBB-competenties horen daarbij?", "en die van 2020?", "… bij die drie P4-werkprocessen?") and
    none of the werkprocessen it points at names one (the 2020/21 texts); else ``()``. It points at the units
    listed, or the two compared, or a lookup's first werkproces; a year or a code it names narrows them. A message
    that names a programme, a unit title or a competence asks a question of its own."""
    folded = fold(text)
    if not ASKS_COMPETENCES.search(folded) or QUOTED.search(text) or find_scope_terms(text, library.catalogue) \
            or sbb_letters(text) or sbb_named(text, library.sbb) or _names_competence(text, library):
        return ()
    units = [u for u in library.units if u.chunk.kind == WERKPROCES]
    if previous.listed:
        listed = set(previous.listed)
        pointed = [u for u in units if Item(u.chunk, u.passage, None).ref in listed]
    else:
        shown = [s for s in previous.subjects if s.split() and _CODE.match(s.split()[0])]
        shown = shown if len(shown) == 2 and len(previous.subjects) == 2 else shown[:1]  # two compared, or the top
        pointed = [u for u in units if subject(u.chunk) in shown]
    years, codes = years_named(text), codes_in(text) + [c.upper() for c in re.findall(r"\b(p\d)(?=-|\b)", folded)]
    pointed = [u for u in pointed if (not years or u.chunk.version[:4] in years)
               and (not codes or any(u.chunk.code == c or u.chunk.code.startswith(f"{c}-") for c in codes))]
    if not pointed or any(unit_sbb(u.passage, library.sbb) for u in pointed):
        return ()
    scope = ", ".join(dict.fromkeys(f"{u.chunk.dossier} {u.chunk.version[:4]}" for u in pointed))
    codes_shown = list(dict.fromkeys(u.chunk.code for u in pointed))
    return (", ".join(codes_shown), scope) if len(codes_shown) <= 3 else (scope,)


def _asks_its_own(text: str, reference: Reference, library: Library, lang: str) -> bool:
    """A sentence before the reference's own, which names a specific thing it asks besides the reference ("…
    hoping to work in a kinderopvang. Do I need a VOG for that?": *VOG*): *that* is the purpose said before, and the
    question stands on its own ("Ik heb een cliënt met schulden. Welke werkprocessen gaan daarover?" asks nothing of
    its own)."""
    start = max(text.rfind(mark, 0, reference.span[0]) for mark in ".?!") + 1
    if not text[:start].strip():
        return False
    ends = [i for i in (text.find(mark, reference.span[1]) for mark in ".?!") if i >= 0]
    after = text[reference.span[1]: min(ends, default=len(text))]
    if reference.text.split()[-1].lower() in _DEMONSTRATIVES:  # "to this specialisation": the thing pointed at
        after = re.sub(r"^\s*[^\W\d_]+", " ", after)
    own = text[start: reference.span[0]] + " " + after
    words = topic_words(route(own, library.catalogue, library.vocabulary, lang, library.sbb).topic)
    return any(evidence.known(w, library.vocab, lang) and not evidence.generic(w, library.vocab)
               and (lang != "nl" or library.vocab.share(w) < OWN_SHARE) for w in words)
    # a word the sources hold, in few units: *VOG*, not "rules", "eisen" ("We run a daycare. Are there rules about
    # that?", "Wij hebben een BSO. Welke eisen gelden daarvoor?")


OWN_SHARE = 0.03  # a word in fewer than this share of the units names a thing of its own (*VOG* 0.013, *eisen* 0.066)


def _points_at_a_thing(text: str, reference: Reference, topic: str) -> bool:
    """The reference names what it points at ("that programme", "to this specialisation") or points at another
    sentence ("Ik heb een cliënt met schulden. Welke werkprocessen gaan daarover?"): a thing said before, not the
    theme its own question asks about ("waar komt X voor … en bij welke profielen is dat", "where does it say X?")."""
    after = re.match(r"\s+([^\W\d_]+)", text[reference.span[1]:])
    last = reference.text.split()[-1].lower()
    start = max(text.rfind(mark, 0, reference.span[0]) for mark in ".?!") + 1
    ends = [i for i in (text.find(mark, reference.span[1]) for mark in ".?!") if i >= 0]
    sentence = set(re.findall(r"[^\W\d_]+", fold(text[start: min(ends, default=len(text))])))
    return reference.kind == "scope" or (last in _DEMONSTRATIVES and after is not None
                                         and after.group(1).lower() not in STOPWORDS) or (
        reference.kind == "topic" and not set(re.findall(r"[^\W\d_]+", fold(topic))) & sentence)


# what is a profile's own, said in words ("wat specifiek voor dat beroep is", "the ones specific to that profile"):
# its profile part
_SPECIFIC_TO_PROFILE = re.compile(
    r"\s*(?:\b(?:wat\s+|die\s+|degene\s+)?(?:specifiek|eigen|speciaal)\s+(?:is\s+)?(?:voor|aan)\s+(?:dat|dit|die|deze|het|de"
    r"|zijn|haar|hun)\s+(?:beroep|profiel|opleiding|uitstroomprofiel)(?:\s+(?:is|zijn))?\b"
    r"|\b(?:specific|unique|particular|special)\s+(?:to|for)\s+(?:that|this|the|its|their)\s+(?:profile|occupation|job|programme"
    r"|program|role)\b|\bprofielspecifiek\w*)"
    r"(?:\s+(?:please|pls|graag|alsjeblieft|aub))?"  # "…, please, not the basis part"
    r"(?:\s*,\s*(?:dus\s+|so\s+)?(?:niet|not)\b[^?.!]*)?", re.IGNORECASE)  # "…, dus niet wat iedereen doet"
_ADDITION_NAMED = re.compile(r"\baanvulling\w*|\badditions?\b|\badd-?ons?\b", re.IGNORECASE)
# a comparison with one programme named ("vergeleken met de BG", "compared to the PMK", "tov de helpende")
_AGAINST = re.compile(r"\bvergeleken\s+met\b|\bten\s+opzichte\s+van\b|\bt\.?o\.?v\.?(?!\w)|\bcompared\s+(?:to|with)\b"
                      r"|\bversus\b|\bvs\b", re.IGNORECASE)


def _against_previous_scope(text: str, previous: Turn, library: Library) -> str | None:
    """"en vergeleken met de begeleider gehandicaptenzorg?", "wat moet ik extra kunnen vergeleken met de BG?" after
    a question about another programme: the message with that programme before it, so that both are compared;
    None when the message names no one other programme, names a year, or compares nothing, or when the question
    before asked about a theme."""
    if not previous.scope or years_named(text) or not (COMPARE_WORD.search(text) or _AGAINST.search(text)):
        return None
    topic = previous.topic or ""
    if topic and not _CODE_NAMED.search(topic) and not find_scope_terms(topic, library.catalogue):
        return None  # "hoe staat het met samenwerken bij de OA?", "en vergeleken met de PMK?": that theme at the
        # PMK (programmes compared as a whole would drop it)
    terms = {fold(term) for term, _ in find_scope_terms(text, library.catalogue)}
    before = scope_entries([previous.scope], years_named(previous.question), library.catalogue)
    at_level = None if terms else _profile_at_level(text, before, library)
    if at_level:  # "mijn niveau 3 profiel": that profile named
        terms, text = {at_level}, _LEVEL_PROFILE.sub(at_level, text, count=1)
    if len(terms) != 1:
        return None
    named = {(e.dossier, e.profile) for e in scope_entries(list(terms), (), library.catalogue)}
    if not named or not before or named & {(e.dossier, e.profile) for e in before}:
        return None
    return f"{referent(Reference('scope', '', (0, 0)), previous)}: {text}"


_ONE_PROGRAMME_LEVEL = re.compile(rf"\b{ONE_LEVEL_WORD}\s*([1-4])\b", re.IGNORECASE)
_LEVEL_PROFILE = re.compile(_ONE_PROGRAMME_LEVEL.pattern + r"(?:[\s-]*(?:profiel|profile|opleiding|programme|one))?",
                            re.IGNORECASE)


def _profile_at_level(text: str, before: tuple[ScopeEntry, ...], library: Library) -> str | None:
    """"vergeleken met mijn niveau 3 profiel" after one profile: the profile (folded) of the same dossier and version
    at that level (of several, the one whose name shares most words with the profile before); None when the message
    names no one level, the level is the profile's own, or no one profile fits. A profile in two versions is the
    one whose version states its level."""
    levels = {m.group(1) for m in _ONE_PROGRAMME_LEVEL.finditer(text)}
    own = {key: niveau for key, niveau in profile_niveaus([e for e in before if e.profile], library).items() if niveau}
    if len(levels) != 1 or len(own) != 1:
        return None
    (dossier, version, profile), niveau = own.popitem()
    level = levels.pop()
    if level == niveau:
        return None
    at_level = sorted(name for (_, _, name), n in profile_niveaus([ScopeEntry(dossier, None, version)],
                                                                    library).items() if n == level)
    shared = {name: len(set(profile.split()) & set(name.split())) for name in at_level}
    picked = [name for name in at_level if shared[name] == max(shared.values())]
    return picked[0] if len(picked) == 1 else None


def _subject_at_level(text: str, subjects: tuple[str, ...], library: Library) -> str | None:
    """The message with "the level-4 profile" replaced by the one programme of the previous answer at that level
    (two profiles compared), else None."""
    match = _AT_LEVEL.search(text)
    if match is None or len(subjects) < 2:
        return None
    level = match.group(1) or match.group(2)
    levels = {fold(c.profile): c.niveau for c in library.chunks if c.kind == PROFIEL and c.profile and c.niveau}
    picked = [s for s in subjects if levels.get(fold(s.split(" (")[0])) == level]
    if len(picked) != 1:
        return None
    owner = "'s" if match.group(0).endswith(("'s", "’s")) else ""
    return f"{text[: match.start()]}{picked[0]}{owner}{text[match.end():]}"


def _competence_asked(topic: str, library: Library) -> bool:
    """The previous answer's topic is a competence or an SBB competence ("R Op de behoeften … richten")."""
    name = re.sub(r"^[a-y]\s+", "", fold(topic))
    return bool(name) and (name in library.competence_names or fold(topic) in library.competence_names)


def _names_competence(text: str, library: Library) -> bool:
    """The message names a competence or an SBB competence itself (then the previous one is not put in)."""
    folded = fold(text)
    return any(re.search(rf"\b{re.escape(n)}\b", folded) for n in library.competence_names)


def _scope_word(terms: tuple[str, ...], library: Library) -> str | None:
    """The name a follow-up refers back to: the first one named, passing over a dossier named only beside one of
    its profiles ("MZ … de thuisbegeleider": *thuisbegeleider*, so "welke daarvan …" stays with that profile)."""
    entries = {t: library.catalogue.scopes.get(fold(t), ()) for t in terms}
    profiled = {e.dossier for found in entries.values() for e in found if e.profile}
    kept = [t for t in terms if not (entries[t] and all(e.profile is None and e.dossier in profiled
                                                        for e in entries[t]))]
    return (kept or list(terms) or [None])[0]


def _answer(question: str, previous: Turn | None, ui: Constraints, library: Library, search: Search, lang: str,
            constraints: Constraints, followup: bool, page: int = 0, own: Constraints | None = None,
            asked: str = "", pointed: tuple[str, ...] = (), within: tuple[str, ...] = ()) -> Outcome:
    intent = _one_listed_profile(route(question, library.catalogue, library.vocabulary, lang, library.sbb), previous)
    own = own if own is not None else (previous.constraints if previous and followup else Constraints())
    typed = intent.type != LOOKUP  # a lookup keeps today's follow-up filters; typed answers read the question's scope
    filters = _filters(constraints, own, ui, typed and bool(intent.scopes), typed and bool(intent.years))
    intent = _scopes_in_version(intent, filters.version)
    reply = replace(build(Request(intent, filters, page), library, search), followup=followup)
    if within and reply.type in (LIST, COMPETENCE) and reply.items:  # which of those: the earlier list, narrowed
        kept = set(within)
        profiles = {ref.rsplit("|", 2)[0] for ref in within} if intent.kind == PROFIEL else set()
        narrowed = tuple(i for i in reply.items  # a profile by any of its texts (requirements)
                         if i.ref in kept or i.ref.rsplit("|", 2)[0] in profiles)
        reply = replace(reply, items=narrowed) if narrowed else _none_of_those(reply, within, library)
    elif within and reply.type == NOT_FOUND and reply.problem == "no_links":  # none in the scope: none of those
        reply = _none_of_those(reply, within, library)
    subjects = reply.subjects()
    topic = ", ".join(intent.competences) or ", ".join(reply.details[:1] if reply.type == "competence" else ()) \
        or intent.topic or (subjects[0] if subjects else "")
    term = definition_subject(question) if reply.type in (LOOKUP, NOT_FOUND) and not intent.competences else None
    if term:  # "wat betekent VVE eigenlijk? kom het steeds tegen", then "waar komt dat voor?": the term
        topic = term
    if reply.type == LOOKUP and len(intent.competences) == 1 and len(intent.levels) == 1:  # "that" = this level
        topic = f"{intent.competences[0]} {'level' if lang == 'en' else 'niveau'} {intent.levels[0]}"
    if reply.type == LIST and (within or intent.mode == TREE) and len(reply.items) == 1 and subjects:
        topic = subjects[0]  # a tree or a narrowed list of one unit: "welke SBB-competenties heeft die?" is that unit
    if reply.type == LOOKUP and reply.details and reply.details[0] in FACTS and intent.scope_terms:
        topic = " ".join(dict.fromkeys([*intent.scope_terms, *intent.years]))  # "en hoeveel sbu is dat?": the profile
    history = (*(previous.history if previous else ()), subjects[0]) if subjects else \
        (previous.history if previous else ())
    scope_word = _scope_word(intent.scope_terms, library)
    turn = Turn(intent.asked or question, own, scope_word or (previous.scope if previous and followup else None),
                lang, topic,
                subjects, history[-6:], intent.unknown_scope, page,
                intent.kind or (previous.kind if previous else None), asked, pointed,
                tuple(i.ref for i in reply.items) if reply.type in (LIST, COMPETENCE) else (),
                intent.type == LIST and intent.mode == WHERE,
                (*(previous.scopes if previous else ()), *([scope_word] if scope_word else []))[-6:],
                _cited_profiles(reply), reply.type)
    return Outcome(reply, turn, question, followup)


def _none_of_those(reply: Reply, within: tuple[str, ...], library: Library) -> Reply:
    """"Which of those also list J?" when none of the units listed before does: say so (not that no unit of the
    scope names J, which others may)."""
    intent = reply.intent
    levels = intent_levels(intent)  # "welke daarvan is op niveau 3?": that level
    at = READ_AS[reply.lang]["at_level"].format(levels=READ_AS[reply.lang]["and"].join(map(str, levels))).strip()
    what = ", ".join([*(f"{c} {library.sbb.get(c, '')}".strip() for c in intent.sbb), *intent.competences]) \
        or intent.topic or (at if levels else "") or (describe_scopes(intent.scopes, reply.lang) if intent.scopes
                                                       else "")  # "… in 2021?": none of them is in that scope
    return replace(reply, problem="none_of_those", items=(), details=(str(len(within)), what))


def _cited_profiles(reply) -> tuple[str, ...]:
    """The profiles whose passages a lookup cites, or a list of profiles lists, first first, by name and year
    ("Begeleider gehandicaptenzorg 2015")."""
    chunks = [h.chunk for h in reply.hits] if reply.type == LOOKUP else \
        [i.chunk for i in reply.items] if reply.intent is not None and reply.intent.kind == PROFIEL else []
    return tuple(dict.fromkeys(f"{c.profile} {(c.version or '')[:4]}".strip()
                               for c in chunks if c.profile and c.profile != c.dossier))
