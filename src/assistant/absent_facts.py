"""Facts about a programme that a kwalificatiedossier never states (``data/absent_facts.toml``).

A question that asks where a programme is taught, what the work pays, when one can enrol, the exam cut-off,
the hours of work placement, the electives, the admission requirements, the costs, whether it can be followed
online or part-time, its length in years or its EQF level is answered with "the sources do not say" and the
nearest passages (:func:`assistant.replies.build`), not with passages that only share its words. A kind may
name ``unless`` patterns: a question that also matches one asks something else (the age of the children in
"hoe oud moeten de kinderen zijn?" is no admission requirement). A kind may name ``nouns``: a question whose topic
is nothing but one of them beside the names of a scope ("helpende salary?", "keuzedelen for helpende?") asks for
it too. A kind may name ``held`` patterns: when a source text matches one, the sources do state some of it (the
staffing norm of voorschoolse educatie in Pedagogisch Werk), and the question is searched instead.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from assistant.names import fold

ABSENT_FACTS_FILE = Path(__file__).with_name("data") / "absent_facts.toml"


@dataclass(frozen=True)
class AbsentFact:
    """One kind of fact the dossiers never state: its names and how a question asks for it."""

    kind: str
    nl: str
    en: str
    patterns: tuple[re.Pattern, ...]
    unless: tuple[re.Pattern, ...] = ()  # a question that also matches one of these asks something else
    nouns: frozenset[str] = frozenset()  # the words that name the fact alone ("salary", "keuzedelen")
    held: tuple[re.Pattern, ...] = ()  # a source text matching one of these states (some of) the fact

    def asked_by(self, text: str) -> bool:
        """Whether the folded question ``text`` asks for this kind of fact."""
        return any(p.search(text) for p in self.patterns) and not any(p.search(text) for p in self.unless)

    def named_alone(self, topic: str) -> bool:
        """Whether the folded ``topic`` (the question without cues and names) is this kind's noun alone."""
        words = re.findall(r"[^\W\d_]+", topic)
        return bool(words) and all(w in self.nouns for w in words)

    def held_in(self, texts: Iterable[str], topic: str) -> bool:
        """Whether one of ``texts`` (the source passages) states the fact after all, for the ``topic`` asked: a
        sentence that matches a ``held`` pattern and holds every word of the topic ("voorschoolse educatie"), so
        that the norm of one setting does not answer the norm of another (the BSO's, the kinderopvang's)."""
        if not self.held:
            return False
        words = re.findall(r"[^\W\d_]{3,}", fold(topic))
        sentences = (s for t in texts for s in re.split(r"(?<=[.!?;])\s+", fold(t)))  # (fold joins the lines)
        return any(any(p.search(s) for p in self.held) and all(w in s for w in words) for s in sentences)

    def name(self, lang: str) -> str:
        """The kind's name in ``lang`` (``nl`` or ``en``)."""
        return self.en if lang == "en" else self.nl


@lru_cache(maxsize=4)
def absent_facts(path: Path = ABSENT_FACTS_FILE) -> tuple[AbsentFact, ...]:
    """The kinds of ``path``, in file order.

    Raises:
        ValueError: a TOML error, a kind without ``nl``, ``en`` or ``patterns``, or a pattern that does not
            compile (the message names the file and the kind).
    """
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{path.name}: {exc}") from None
    kinds = data.get("kinds")
    if not isinstance(kinds, dict) or not kinds:
        raise ValueError(f"{path.name}: expected [kinds.<name>] tables")
    found = []
    for kind, entry in kinds.items():
        if not isinstance(entry, dict) or not all(isinstance(entry.get(k), str) and entry[k] for k in ("nl", "en")) \
                or not isinstance(entry.get("patterns"), list) or not entry["patterns"]:
            raise ValueError(f"{path.name}: [kinds.{kind}] needs nl, en and a list of patterns")
        for key in ("unless", "held", "nouns"):
            if not isinstance(entry.get(key, []), list):
                raise ValueError(f"{path.name}: [kinds.{kind}] {key} must be a list")
        if not all(isinstance(n, str) and n and n == fold(n) for n in entry.get("nouns", [])):
            raise ValueError(f"{path.name}: [kinds.{kind}] nouns must be lower-case words")
        try:
            patterns = tuple(re.compile(p, re.IGNORECASE) for p in entry["patterns"])
            unless = tuple(re.compile(p, re.IGNORECASE) for p in entry.get("unless", []))
            held = tuple(re.compile(p, re.IGNORECASE) for p in entry.get("held", []))
        except (re.error, TypeError) as exc:
            raise ValueError(f"{path.name}: [kinds.{kind}]: bad pattern ({exc})") from None
        found.append(AbsentFact(kind, entry["nl"], entry["en"], patterns, unless,
                                frozenset(entry.get("nouns", [])), held))
    return tuple(found)


def asked_absent_fact(question: str, path: Path = ABSENT_FACTS_FILE, topic: str = "") -> AbsentFact | None:
    """The kind of absent fact ``question`` asks for (or its ``topic`` names alone), or None."""
    text = fold(question)
    return next((k for k in absent_facts(path) if k.asked_by(text) or (
        topic and k.named_alone(fold(topic)) and not any(p.search(text) for p in k.unless))), None)
