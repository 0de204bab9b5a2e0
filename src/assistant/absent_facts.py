"""Facts about a programme that a kwalificatiedossier never states (``data/absent_facts.toml``).

A question that asks where a programme is taught, what the work pays, when one can enrol, the exam cut-off,
the hours of work placement, the electives, the admission requirements, the costs, whether it can be followed
online or part-time, its length in years or its EQF level is answered with "the sources do not say" and the
nearest passages (:func:`assistant.replies.build`), not with passages that only share its words. A kind may
name ``unless`` patterns: a question that also matches one asks something else (the age of the children in
"hoe oud moeten de kinderen zijn?" is no admission requirement).
"""

from __future__ import annotations

import re
import tomllib
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

    def asked_by(self, text: str) -> bool:
        """Whether the folded question ``text`` asks for this kind of fact."""
        return any(p.search(text) for p in self.patterns) and not any(p.search(text) for p in self.unless)

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
        if not isinstance(entry.get("unless", []), list):
            raise ValueError(f"{path.name}: [kinds.{kind}] unless must be a list of patterns")
        try:
            patterns = tuple(re.compile(p, re.IGNORECASE) for p in entry["patterns"])
            unless = tuple(re.compile(p, re.IGNORECASE) for p in entry.get("unless", []))
        except (re.error, TypeError) as exc:
            raise ValueError(f"{path.name}: [kinds.{kind}]: bad pattern ({exc})") from None
        found.append(AbsentFact(kind, entry["nl"], entry["en"], patterns, unless))
    return tuple(found)


def asked_absent_fact(question: str, path: Path = ABSENT_FACTS_FILE) -> AbsentFact | None:
    """The kind of absent fact ``question`` asks for, or None."""
    text = fold(question)
    return next((k for k in absent_facts(path) if k.asked_by(text)), None)
