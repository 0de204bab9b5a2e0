"""A :class:`~assistant.replies.Reply` as Markdown, in one language: the question's.

Every message, the "gelezen als" line, the labels and the errors come from :data:`TEXT` in the
reply's language; document text is escaped (:func:`assistant.answer.escape`). Lookups keep today's
answer (:func:`assistant.answer.compose`) under the reading line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answer import compose, escape, escape_html, hit_item, kind_label, sources
from assistant.intent import READ_AS, describe_scopes, mbo_level
from assistant.model import UITLEG_NIVEAUS
from assistant.replies import COMPARE, COMPETENCE, LIST, LOOKUP, Item, Reply, fact_value, subject
from assistant.retrieval import Hit
from assistant.views import word_diff

TEXT = {
    "nl": {
        "count_list": "**{n} {kind}** in {scope}.",
        "count_where": "**{n} {kind}** waarin dit voorkomt, in {scope}.",
        "passing": "Zijdelings genoemd in nog {n} {kind}: {units}.",
        "count_competence": "**{n} werkprocessen** vragen om {what}, in {scope}.",
        "count_competence_one": "**1 werkproces** vraagt om {what}, in {scope}.",
        "none_list": "Ik vond geen {kind} in {scope}.",
        "none_where": "Ik vond geen {kind} waarin dit voorkomt, in {scope}. Probeer andere woorden.",
        "none_competence": "Geen werkproces in {scope} noemt {what} bij zijn SBB-competenties.",
        "scope_all": "alle dossiers",
        "filters": "Filters: {items} (typ *zonder filters* om ze weg te halen)",
        "basisdeel": "basisdeel",
        "aanvulling": "aanvulling voor het profiel",
        "more_pages": "Typ *meer* voor de volgende resultaten.",
        "page": "Resultaten {a}–{b}.",
        "no_more": "Er zijn geen verdere resultaten voor deze vraag.",
        "compare_head": "**{a}** naast **{b}**:",
        "compare_many": "**{sides}** naast elkaar:",
        "same": "gelijk",
        "changed": "gewijzigd",
        "left_only": "alleen in {a}",
        "right_only": "alleen in {b}",
        "compare_count": "{same} gelijk, {changed} gewijzigd, {left} alleen in {a}, {right} alleen in {b}.",
        "unknown_scope": "Ik ken geen dossier of profiel **{name}**. Bedoel je misschien: {near}?",
        "unknown_level": "De bronnen hebben geen **niveau {level}** voor {what}; de niveaus lopen van 1 tot 4.",
        "unknown_version": "De bronnen hebben geen versie **{year}**. Wel: {known}.",
        "unknown_code": "**{code}** staat niet in {scope}.{extract} Wel: {known}.",
        "unknown_code_extract": " (De bron is een uittreksel: niet elk werkproces van het dossier staat erin.)",
        "unknown_competence": "Het competentieprofiel heeft geen competentie *{words}*. Het heeft wel: {known}.",
        "no_target_level": "Het competentieprofiel {profile} zegt niet welk niveau van **{competence}** "
                           "gewenst is: de legenda noemt *{legend}*, maar geen niveau van deze competentie is in de "
                           "tekst zo gemarkeerd. Hieronder de niveaus zelf.",
        "missing_version": "De bronnen hebben **{name}** niet in {years}; wel in: {known}.",
        "empty_list": "De bronnen hebben geen {kind} van {scope}.{extract}",
        "extract_note": " De bron is een uittreksel: niet alles van het dossier staat erin.",
        "compare_extract": "{side} is een uittreksel: niet elk werkproces van het dossier staat erin, dus wat alleen "
                           "aan de andere kant staat, kan daar buiten het uittreksel vallen.",
        "conflict": "Je vraag beperkt tot elkaar uitsluitende waarden: {values}. Welke bedoel je?",
        "no_referent": "Waar verwijst *{word}* naar? Ik heb nog geen eerdere vraag of antwoord. "
                       "Noem het onderwerp, bijvoorbeeld: *welke werkprocessen horen bij klantgerichtheid?*",
        "language_only": "Goed, ik antwoord in het Nederlands. Wat wil je weten? Bijvoorbeeld: *welke werkprocessen "
                         "horen bij klantgerichtheid?*",
        "no_definition": "De bronnen geven geen definitie van **{term}**.",
        "no_definition_uses": " Het woord komt voor in {uses} passages, zonder uitleg.",
        "not_in_sources": "Dit staat niet in de bronnen: ik vind niets over {words}.",
        "not_in_scope": "In {scope} staat niets over {words}.",
        "not_in_year": "In de dossiers van {year} staat niets over {words}.",
        "not_in_scope_elsewhere": " Wel in: {others}.",
        "not_in_units": "Geen werkproces noemt {words}: de werkprocessen gaan er niet over.",
        "not_in_units_scope": "Geen werkproces van {scope} noemt {words}: die werkprocessen gaan er niet over.",
        "compare_what": "Ik weet niet wat ik moet vergelijken. Noem twee niveaus, twee versies of twee profielen, "
                        "bijvoorbeeld: *verschil tussen niveau 2 en 3 bij klantgerichtheid*.",
        "no_links_sbb": "Geen werkproces in de bronnen noemt de SBB-competentie {what}.",
        "none_of_those": "Geen van de {n} werkprocessen uit het vorige antwoord: {what}.",
        "no_links": "De bronnen koppelen {what} niet aan werkprocessen (alleen de SBB-dossiers van 2015 noemen "
                    "SBB-competenties bij hun werkprocessen).",
        "no_sbb": "{code} ({scope}) noemt geen SBB-competenties: alleen de SBB-dossiers van 2015 noemen ze bij hun "
                  "werkprocessen.",
        "no_sbb_many": "{code} ({scope}) noemen geen SBB-competenties: alleen de SBB-dossiers van 2015 noemen ze bij "
                       "hun werkprocessen.",
        "no_sbb_scope": "De werkprocessen van {scope} noemen geen SBB-competenties: alleen de SBB-dossiers van 2015 "
                        "noemen ze bij hun werkprocessen.",
        "no_fact": "De bronnen noemen geen {fact} voor {scope}.",
        "unknown_sbb": "De bronnen kennen geen SBB-competentie **{letter}**: de werkprocessen noemen de letters "
                       "{first} tot en met {last}.",
        "level_mismatch": "**{profile}** is een opleiding op niveau {niveau}, niet op niveau {asked}. "
                          "Vraag zonder niveau naar de werkprocessen.",
        "absent_fact": "De kwalificatiedossiers noemen geen {fact}: ze beschrijven het werk (kerntaken, "
                       "werkprocessen, competenties) en de kwalificatie zelf (crebo, niveau), niet de opleiding "
                       "eromheen. Vraag dat aan een school of kijk op de site van de opleiding.",
        "facts": "**{fact}** volgens de bronnen:",
        "nearest": "Het dichtstbij in de bronnen:",
        "evidence": "gedrag",
        "sources_note": "Bron per regel: bestand en regels.",
        "followup": "*Vervolgvraag, gelezen als:* {q}",
    },
    "en": {
        "count_list": "**{n} {kind}** in {scope}.",
        "count_where": "**{n} {kind}** where this occurs, in {scope}.",
        "passing": "Mentioned in passing in {n} more {kind}: {units}.",
        "count_competence": "**{n} work processes** call for {what}, in {scope}.",
        "count_competence_one": "**1 work process** calls for {what}, in {scope}.",
        "none_list": "I found no {kind} in {scope}.",
        "none_where": "I found no {kind} where this occurs, in {scope}. Try other words.",
        "none_competence": "No work process in {scope} names {what} among its SBB competences.",
        "scope_all": "all dossiers",
        "filters": "Filters: {items} (type *no filters* to remove them)",
        "basisdeel": "core part (basisdeel)",
        "aanvulling": "addition for the profile",
        "more_pages": "Type *more* for the next results.",
        "page": "Results {a}–{b}.",
        "no_more": "There are no further results for this question.",
        "compare_head": "**{a}** beside **{b}**:",
        "compare_many": "**{sides}** side by side:",
        "same": "the same",
        "changed": "changed",
        "left_only": "only in {a}",
        "right_only": "only in {b}",
        "compare_count": "{same} the same, {changed} changed, {left} only in {a}, {right} only in {b}.",
        "unknown_scope": "I don't know a dossier or profile **{name}**. Did you mean: {near}?",
        "unknown_level": "The sources have no **level {level}** for {what}; the levels run from 1 to 4.",
        "unknown_version": "The sources have no version **{year}**. They do have: {known}.",
        "unknown_code": "**{code}** is not in {scope}.{extract} It does have: {known}.",
        "unknown_code_extract": " (The source is an extract: not every work process of the dossier is in it.)",
        "unknown_competence": "The competency profile has no competence *{words}*. It does have: {known}.",
        "no_target_level": "The competency profile {profile} does not say which level of **{competence}** is "
                           "wanted: its legend has *{legend}*, but no level of this competence is marked that way in "
                           "the text. The levels themselves are below.",
        "missing_version": "The sources do not have **{name}** in {years}; they do have it in: {known}.",
        "empty_list": "The sources hold no {kind} of {scope}.{extract}",
        "extract_note": " The source is an extract: not all of the dossier is in it.",
        "compare_extract": "{side} is an extract: not every work process of the dossier is in it, so what stands on "
                           "the other side only may lie outside the extract there.",
        "conflict": "Your question narrows to values that exclude each other: {values}. Which one do you mean?",
        "no_referent": "What does *{word}* refer to? There is no earlier question or answer yet. "
                       "Please name the topic, for example: *which work processes belong to customer focus?*",
        "language_only": "Sure, I will answer in English. What would you like to know? For example: *which work "
                         "processes belong to customer focus?*",
        "no_definition": "The sources give no definition of **{term}**.",
        "no_definition_uses": " The word occurs in {uses} passages, without an explanation.",
        "not_in_sources": "This is not in the sources: I find nothing about {words}.",
        "not_in_scope": "{scope} says nothing about {words}.",
        "not_in_year": "The {year} dossiers say nothing about {words}.",
        "not_in_scope_elsewhere": " It is in: {others}.",
        "not_in_units": "No work process names {words}: the work processes are not about it.",
        "not_in_units_scope": "No work process of {scope} names {words}: those work processes are not about it.",
        "compare_what": "I don't know what to compare. Name two levels, two versions or two profiles, for example: "
                        "*difference between level 2 and 3 of customer focus*.",
        "no_links_sbb": "No work process in the sources names the SBB competence {what}.",
        "none_of_those": "None of the {n} work processes of the previous answer: {what}.",
        "no_links": "The sources do not link {what} to work processes (only the 2015 SBB dossiers name SBB "
                    "competences for their work processes).",
        "no_sbb": "{code} ({scope}) names no SBB competences: only the 2015 SBB dossiers name them for their work "
                  "processes.",
        "no_sbb_many": "{code} ({scope}) name no SBB competences: only the 2015 SBB dossiers name them for their "
                       "work processes.",
        "no_sbb_scope": "The work processes of {scope} name no SBB competences: only the 2015 SBB dossiers name them "
                        "for their work processes.",
        "no_fact": "The sources give no {fact} for {scope}.",
        "unknown_sbb": "The sources have no SBB competence **{letter}**: the work processes name the letters "
                       "{first} to {last}.",
        "level_mismatch": "**{profile}** is a qualification at level {niveau}, not at level {asked}. "
                          "Ask for its work processes without a level.",
        "absent_fact": "The qualification dossiers do not state {fact}: they describe the work (core tasks, work "
                       "processes, competences) and the qualification itself (crebo, level), not the programme "
                       "around it. Ask a school or see the programme's own site.",
        "facts": "**{fact}** in the sources:",
        "nearest": "The nearest in the sources:",
        "evidence": "behaviour",
        "sources_note": "Source per line: file and lines.",
        "followup": "*Follow-up, read as:* {q}",
    },
}


def _scope(reply: Reply) -> str:
    from assistant.intent import describe_scope
    from assistant.replies import narrow_entries

    entries = narrow_entries(reply.intent.scopes)
    if entries or reply.intent.years:  # "in de 2020/21-dossiers": every dossier of those versions
        return escape(describe_scope(reply.intent))
    return TEXT[reply.lang]["scope_all"]


def _part_label(item: Item, lang: str) -> str:
    if item.part == "aanvulling":
        return f" · *{TEXT[lang]['aanvulling']}*"
    return ""


STRENGTH = {"en": {"kern": "core", "zijdelings": "in passing"}, "nl": {}}


def item_line(number: int, item: Item, lang: str) -> str:
    """One numbered unit: code and title, the part, its citation number ``[n]``, and its evidence."""
    c = item.chunk
    head = " ".join(x for x in (c.code, c.title) if x) or c.competence or kind_label(c.kind, lang)
    line = f"{number}. **{escape(head)}**{_part_label(item, lang)} [{number}]"
    if c.kind == "profiel" and c.niveau:  # "welke profielen heeft MZ, en op welk niveau?"
        line += f" · {escape(mbo_level(c.niveau, lang))}"
    if c.kind == "profiel" and c.crebo:
        line += f" · crebo {escape(c.crebo)}"
    sbu = fact_value(c, "sbu") if c.kind == "profiel" else None  # the profile's text that states its study load
    if sbu:
        line += f" · {escape(sbu)} sbu"
    if item.note:
        line += f" · {escape(STRENGTH.get(lang, {}).get(item.note, item.note))}"
    for sentence in item.evidence[:2] if c.kind in ("werkproces", "kerntaak") else item.evidence:
        line += f"\n    > {escape(sentence)}"
    return line


def cited(items: Sequence[Item], lang: str, details: bool) -> str:
    """The sources block of listed units: ``[n] dossier · version · profile · code · title · file lines``."""
    return sources(as_hits_of(items), lang, details)


def as_hits_of(items: Sequence[Item]) -> list[Hit]:
    """Items as hits, for the shared citation format of :mod:`assistant.answer`."""
    return [Hit(i.chunk, 0.0, (), "") for i in items]


def grouped(items: Sequence[Item], lang: str, html: bool) -> str:
    """Items under one heading per dossier and part (basisdeel or profile), numbered through."""
    out: list[str] = []
    current = None
    for number, item in enumerate(items, start=1):
        group = item.group.replace("basisdeel", TEXT[lang]["basisdeel"])
        if group != current:
            count = sum(1 for i in items if i.group == item.group)
            out.append(f"\n**{escape(group)}** ({count})\n")
            current = group
        out.append(item_line(number, item, lang))
    return "\n".join(out).strip()


FILTER_NAMES = {
    "nl": {"scope": "", "dossier": "dossier", "profile": "profiel", "version": "versie", "kind": "soort",
           "level": "niveau"},
    "en": {"scope": "", "dossier": "dossier", "profile": "profile", "version": "version", "kind": "kind",
           "level": "level"},
}


def filters_text(reply: Reply) -> str:
    """The applied filters as ``dossier X · versie Y`` (escaped), in the reply's language."""
    names = FILTER_NAMES[reply.lang]
    return " · ".join(f"{names.get(n, n)} {escape(v)}".strip() for n, v in reply.filters)


def _listed(reply: Reply, details: bool) -> str:
    return f"\n\n{grouped(reply.items, reply.lang, details)}\n\n{cited(reply.items, reply.lang, details)}"


def _passing(reply: Reply) -> str:
    """The line under a where-list that names the units mentioning the theme only in passing ("" when none)."""
    if not reply.passing:
        return ""
    n = len(reply.passing)
    kind = READ_AS[reply.lang]["kind_one" if n == 1 else "kinds"].get(reply.intent.kind or "werkproces", "")
    units = ", ".join(escape(subject(i.chunk)) for i in reply.passing)
    return "\n\n" + TEXT[reply.lang]["passing"].format(n=n, kind=kind, units=units)


def _filters(reply: Reply) -> str:
    if not reply.filters:
        return ""
    return "\n\n" + TEXT[reply.lang]["filters"].format(items=filters_text(reply))


def render(reply: Reply, details: bool = True) -> str:
    """The reply as Markdown: the reading line, the count first, then the grouped list or the comparison."""
    t = TEXT[reply.lang]
    head = f"*{escape(reply.read_as)}*\n\n"
    if reply.problem:
        return head + problem_text(reply, details)
    n = len(reply.items)
    kinds = READ_AS[reply.lang]["kind_one" if n == 1 else "kinds"]  # shared with the reading line
    kind = kinds.get(reply.intent.kind, kinds[None])
    if reply.type == LIST:
        key = "count_list" if reply.intent.mode == "tree" else "count_where"
        if not n:
            key = "none_list" if reply.intent.mode == "tree" else "none_where"
        lead = t[key].format(n=n, kind=kind, scope=_scope(reply))
        body = _listed(reply, details) if n else ""
        return head + lead + _filters(reply) + body + _passing(reply)
    if reply.type == COMPETENCE:
        what = escape(", ".join(reply.details))
        key = "none_competence" if not n else "count_competence_one" if n == 1 else "count_competence"
        lead = t[key].format(n=n, what=what, scope=_scope(reply))
        body = _listed(reply, details) if n else ""
        return head + lead + _filters(reply) + body
    if reply.type == COMPARE:
        return head + compare_text(reply, details)
    if reply.type == LOOKUP:
        if not reply.hits and reply.page:
            return head + t["no_more"]
        body = compose(reply.intent.question, list(reply.hits), details=details, lang=reply.lang)
        if reply.details:  # a qualification's fact from the model: the values first, the profile texts below
            fact = t["facts"].format(fact=READ_AS[reply.lang]["facts"][reply.details[0]].capitalize())
            body = fact + "\n\n" + "\n".join(f"- {escape(line)}" for line in reply.details[1:]) + "\n\n" + body
        paging = ""
        if reply.page:
            paging = t["page"].format(a=reply.page * 5 + 1, b=reply.page * 5 + len(reply.hits)) + "\n\n"
        more = "\n\n" + t["more_pages"] if reply.more else ""
        if reply.followup:  # the completed question first, as the conversation read it
            described = filters_text(reply)
            top = t["followup"].format(q=escape(reply.intent.question) + (f" · {described}" if described else ""))
            return f"{top}\n\n{paging}{body}{more}"
        return f"{paging}{body}{_filters(reply)}{more}\n\n*{escape(reply.read_as)}*"
    return head + problem_text(reply, details)


def problem_text(reply: Reply, details: bool = True) -> str:
    """The message for a not_found or a refusal, with the nearest passages when there are some."""
    t = TEXT[reply.lang]
    d = reply.details
    if reply.problem == "unknown_scope":
        text = t["unknown_scope"].format(name=escape(d[0]), near=", ".join(escape(x) for x in d[1:]))
    elif reply.problem == "unknown_level":
        text = t["unknown_level"].format(what=escape(d[0]), level=escape(d[1]))
    elif reply.problem == "unknown_version":
        text = t["unknown_version"].format(year=escape(d[0]), known=", ".join(escape(x) for x in d[1:]))
    elif reply.problem == "unknown_code":
        text = t["unknown_code"].format(code=escape(d[0]), scope=escape(d[1]), known=", ".join(escape(x) for x in d[3:])
                                        or "—", extract=t["unknown_code_extract"] if d[2] else "")
    elif reply.problem == "unknown_competence":
        text = t["unknown_competence"].format(words=escape(d[0]), known=", ".join(escape(x) for x in d[1:]))
    elif reply.problem == "no_target_level":
        text = t["no_target_level"].format(competence=escape(d[0]), legend=escape(d[1]), profile=escape(d[2]))
    elif reply.problem == "missing_version":
        text = t["missing_version"].format(name=escape(d[0]), years=escape(d[1]),
                                           known=", ".join(escape(x) for x in d[2:]))
    elif reply.problem == "empty_list":
        kind = READ_AS[reply.lang]["kinds"].get(d[0], d[0])
        extract = t["extract_note"] if d[2] else ""
        text = t["empty_list"].format(kind=kind, scope=escape(d[1]), extract=extract)
    elif reply.problem == "conflict":
        text = t["conflict"].format(values=" / ".join(escape(x) for x in d))
    elif reply.problem == "no_referent":
        text = t["no_referent"].format(word=escape(d[0] if d else ""))
    elif reply.problem == "language_only":
        text = t["language_only"]
    elif reply.problem == "no_definition":
        text = t["no_definition"].format(term=escape(d[0]))
        if len(d) > 1 and d[1] != "0":
            text += t["no_definition_uses"].format(uses=escape(d[1]))
    elif reply.problem == "not_in_units" and reply.intent is not None and reply.intent.scopes:
        text = t["not_in_units_scope"].format(words=", ".join(f"*{escape(w)}*" for w in d),
                                              scope=escape(describe_scopes(reply.intent.scopes, reply.lang)))
    elif reply.problem in ("not_in_sources", "not_in_units"):
        text = t[reply.problem].format(words=", ".join(f"*{escape(w)}*" for w in d))
    elif reply.problem == "not_in_year":
        text = t["not_in_year"].format(year=escape(d[0]), words=", ".join(f"*{escape(w)}*" for w in d[2:]))
        if d[1]:
            text += t["not_in_scope_elsewhere"].format(others=escape(d[1]))
    elif reply.problem == "not_in_scope":
        text = t["not_in_scope"].format(scope=escape(d[0]), words=", ".join(f"*{escape(w)}*" for w in d[2:]))
        if d[1]:
            text += t["not_in_scope_elsewhere"].format(others=escape(d[1]))
    elif reply.problem == "no_fact":
        text = t["no_fact"].format(fact=READ_AS[reply.lang]["facts"][d[0]], scope=escape(d[1]))
    elif reply.problem == "unknown_sbb":
        text = t["unknown_sbb"].format(letter=escape(d[0]), first=escape(d[1]), last=escape(d[2]))
    elif reply.problem == "level_mismatch":
        text = t["level_mismatch"].format(profile=escape(d[0]), niveau=escape(d[1]), asked=escape(d[2]))
    elif reply.problem == "absent_fact":
        text = t["absent_fact"].format(fact=escape(d[0]))
    elif reply.problem == "no_sbb":
        text = t["no_sbb_many" if "," in d[0] else "no_sbb"].format(code=escape(d[0]), scope=escape(d[1])) \
            if len(d) > 1 else \
            t["no_sbb_scope"].format(scope=escape(d[0]))
    elif reply.problem == "none_of_those":
        text = t["none_of_those"].format(n=escape(d[0]), what=escape(d[1]))
    elif reply.problem == "no_links":
        sbb = bool(d) and all(re.match(r"[A-Y] \S", x) for x in d)  # "O Creëren en innoveren": an SBB competence
        text = t["no_links_sbb" if sbb else "no_links"].format(what=escape(", ".join(d)) or "—")
    else:
        text = t["compare_what"]
    if reply.hits:
        near = list(reply.hits if reply.problem == "no_target_level" else reply.hits[:3])  # every level
        nearest = "\n".join(hit_item(n, h, reply.lang) for n, h in enumerate(near, start=1))
        text += f"\n\n{t['nearest']}\n\n{nearest}\n\n{sources(near, reply.lang, details)}"
    return text


def compare_text(reply: Reply, details: bool) -> str:
    """Two sides in a table (one row per pair), then each changed pair with its differences marked."""
    t = TEXT[reply.lang]
    sides = reply.sides or ("", "")
    a, b = sides[0], sides[-1]
    out = [t["compare_head"].format(a=escape(a), b=escape(b)) if len(sides) == 2
           else t["compare_many"].format(sides=escape(", ".join(sides)))]  # a dossier's profiles side by side
    counts = {s: sum(1 for r in reply.rows if r.status == s) for s in ("same", "changed", "left_only", "right_only")}
    if len(reply.rows) > 1:
        out.append(t["compare_count"].format(same=counts["same"], changed=counts["changed"],
                                             left=counts["left_only"], right=counts["right_only"],
                                             a=escape(a), b=escape(b)))
    numbers = {id(item): n for n, item in enumerate(reply.items, start=1)}
    if reply.details:  # two profiles: their level and crebo first
        facts = READ_AS[reply.lang]["facts"]
        lines = ["| | " + " | ".join(escape(s) for s in sides) + " |", "|---" * (len(sides) + 1) + "|"]
        for name, *values in (d.split("|") for d in reply.details):  # a level as a lookup writes it
            shown = [mbo_level(v, reply.lang) if name == "niveau" and v.isdigit() else v for v in values]
            lines.append(f"| {facts.get(name, name)} | " + " | ".join(v or "—" for v in shown) + " |")
        out.append("\n".join(lines))
    rows = [f"| {escape(a)} | {escape(b)} | |", "|---|---|---|"]
    for row in reply.rows:
        status = t[row.status].format(a=escape(a), b=escape(b))
        rows.append(f"| {_cell(row.left, numbers)} | {_cell(row.right, numbers)} | {status} |")
    if reply.rows:  # two dossiers' facts alone have no units paired
        out.append("\n".join(rows))
    partial = _extract_side_missing(reply)
    if partial:  # "alleen in Sociaal werk 2015" beside the 2020/21 extract says less than it seems
        out.append(t["compare_extract"].format(side=escape(partial)))
    for row in reply.rows:
        if row.status != "changed" or row.left is None or row.right is None:
            continue
        left, right = word_diff(row.left.passage, row.right.passage)
        out.append(f'<div class="vergelijk"><div class="kolom"><b>{escape_html(subject_of(row.left))}</b>'
                   f'<div class="passage">{left}</div></div><div class="kolom"><b>'
                   f'{escape_html(subject_of(row.right))}</b><div class="passage">{right}</div></div></div>')
    out.append(cited(reply.items, reply.lang, details))
    return "\n\n".join(out)


def _extract_side_missing(reply: Reply) -> str:
    """The label of a side whose units come from the 2020/21 extract when a row lacks a unit on that side (the
    extract holds only part of its dossier), else ``""``."""
    sides = reply.sides or ("", "")
    if len(sides) != 2:
        return ""
    for n, (side, other) in enumerate((("left", "right"), ("right", "left"))):
        extract = any(getattr(r, side) is not None and getattr(r, side).chunk.extract for r in reply.rows)
        if extract and any(getattr(r, side) is None and getattr(r, other) is not None for r in reply.rows):
            return sides[n]
    return ""


def subject_of(item: Item) -> str:
    """The item's code and title, or competence and level."""
    c = item.chunk
    if c.competence and c.level is not None:
        return f"{c.competence} niveau {c.level}"
    return " ".join(x for x in (c.code, c.title) if x) or c.kind


def _cell(item: Item | None, numbers: dict[int, int]) -> str:
    if item is None:
        return "—"
    c = item.chunk
    number = f" [{numbers[id(item)]}]" if id(item) in numbers else ""
    if c.competence and c.level is not None:
        return escape(item.evidence[0] if item.evidence else subject_of(item)) + number
    if c.kind == UITLEG_NIVEAUS:  # two levels of a profile of competences in general: the lines compared
        return escape(" ".join(item.passage.split())) + number
    if not c.code:
        return escape(c.title or "") + number
    return f"**{escape(c.code)}** {escape(c.title or '')}{number}"



_ERRORS_EN = (
    (r"^onbekende (dossier|profile|version|kind) (.+?); kies uit: (.*)$", "unknown {0} {1}; choose from: {2}"),
    (r"^onbekend niveau (.+?); kies uit: (.*)$", "unknown level {0}; choose from: {1}"),
    (r"^lege vraag.*$", "empty question: type a question or search term"),
)


def error_text(message: str, lang: str) -> str:
    """A retrieval error (Dutch, from :mod:`assistant.retrieval`) in the reply's language (plain text)."""
    import re

    if lang != "en":
        return message
    for pattern, english in _ERRORS_EN:
        match = re.match(pattern, message)
        if match:
            return english.format(*match.groups())
    return message
