"""Dictated questions read as typed ones: spoken years, unit codes and levels written with digits.

A question dictated to a phone arrives as words: "welke werkprocessen heeft de GPM van twintig vijftien",
"wat staat er bij b een k een w zeven", "what does level four say". :func:`spoken_numbers` writes them as
the sources do (2015, B1-K1-W7, niveau 4) before the question is read. The number words are language data in
``data/number_words.toml``; this module holds only the code that uses them. Pure functions.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path

NUMBER_WORDS_FILE = Path(__file__).parent / "data" / "number_words.toml"


def _pairs(text: str) -> dict[str, str]:
    """``"een=1 twee=2"`` as ``{"een": "1", "twee": "2"}``."""
    pairs = {}
    for item in text.split():
        word, sep, value = item.partition("=")
        if not sep or not word or not value:
            raise ValueError(f"{NUMBER_WORDS_FILE.name}: expected word=value, got {item!r}")
        pairs[word.lower()] = value
    return pairs


@lru_cache(maxsize=4)
def load(path: Path = NUMBER_WORDS_FILE) -> tuple[dict[str, int], dict[str, str]]:
    """The number words of both languages with their values (1 to 99, compounds built from the units and tens),
    and the spoken names of code letters.

    Raises:
        ValueError: a malformed entry or a value out of range.
    """
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    numbers: dict[str, int] = {}
    for lang in ("nl", "en"):
        units = {w: int(v) for w, v in _pairs(data["units"][lang]).items()}
        tens = {w: int(v) for w, v in _pairs(data["tens"][lang]).items()}
        if not all(1 <= v <= 19 for v in units.values()) or not all(v % 10 == 0 and 20 <= v <= 90
                                                                    for v in tens.values()):
            raise ValueError(f"{path.name}: units run from 1 to 19, tens from 20 to 90")
        numbers.update(units)
        numbers.update(tens)
        for unit, u in ((w, v) for w, v in units.items() if v <= 9):
            for ten, t in tens.items():
                if lang == "nl":  # "eenentwintig", "tweeëntwintig" (also typed without the diaeresis)
                    for joint in ("en", "ën") if unit.endswith("e") else ("en",):
                        numbers[f"{unit}{joint}{ten}"] = t + u
                else:  # "twenty-one", "twenty one"
                    numbers[f"{ten}-{unit}"] = numbers[f"{ten} {unit}"] = t + u
    letters = {**_pairs(data["letters"]["nl"]), **_pairs(data["letters"]["en"])}
    return numbers, letters


def _number_pattern(numbers: dict[str, int], most: int) -> str:
    words = sorted((w for w, v in numbers.items() if v <= most), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"[\s-]+") for w in words)


@lru_cache(maxsize=4)
def _patterns(path: Path = NUMBER_WORDS_FILE) -> tuple[re.Pattern[str], ...]:
    numbers, letters = load(path)
    small = rf"(?:{_number_pattern(numbers, 9)}|[1-9])"
    spoken_letter = {k: "|".join([k, *(w for w, v in letters.items() if v == k)]) for k in "bpkw"}
    code = re.compile(rf"\b({spoken_letter['b']}|{spoken_letter['p']})[\s-]*({small})[\s-]*(?:{spoken_letter['k']})"
                      rf"[\s-]*({small})(?:[\s-]*(?:{spoken_letter['w']})[\s-]*({small}))?\b", re.IGNORECASE)
    any_number = _number_pattern(numbers, 99)
    year = re.compile(rf"\b(?:(?:twintig|twenty)[\s-]+|twee\s*duizend(?:\s+en\s+|\s*)|two\s+thousand(?:\s+and)?[\s-]+)"
                      rf"({any_number})\b(?!-|[\s-]+(?:{any_number}|{_COUNTED})\b)", re.IGNORECASE)
    one = rf"(?:{_number_pattern(numbers, 9)}|[1-9])"
    more = rf"(?:{_number_pattern({w: v for w, v in numbers.items() if v != 1}, 9)}|[1-9])"  # not "of een hoger …"
    level = re.compile(rf"\b(?:niveaus?|nivo|levels?)\s+{one}\b(?:\s*(?:,|en|of|tot|and|or|to)\s*{more}\b)*",
                       re.IGNORECASE)
    digit_word = re.compile(rf"\b(?:{_number_pattern(numbers, 9)})\b", re.IGNORECASE)
    return code, year, level, digit_word


# what a number counts ("twintig dertig uur"): no year
_COUNTED = (r"(?:uur|uren|minuten|kinderen|cli[eë]nten|leerlingen|studenten|mensen|personen|jaar|jaren|weken|dagen|euro"
            r"|procent|hours|minutes|children|kids|clients|pupils|students|people|years|weeks|days|euros|percent)\b")


def _value(word: str, numbers: dict[str, int]) -> int:
    """A number word's value ("twenty one", "twenty-one", "vier") or a digit's."""
    if word.isdigit():
        return int(word)
    spaced = re.sub(r"[\s-]+", " ", word.lower())
    return numbers.get(spaced) or numbers[spaced.replace(" ", "-")]


def spoken_numbers(text: str, path: Path = NUMBER_WORDS_FILE) -> str:
    """``text`` with spoken unit codes ("b een k een w zeven" → B1-K1-W7), years ("twintig vijftien" → 2015, "twenty
    twenty-one" → 2021) and levels ("niveau vier" → niveau 4) written with digits; other words stay."""
    numbers, letters = load(path)
    code, year, level, digit_word = _patterns(path)

    def as_code(m: re.Match[str]) -> str:
        head = letters.get(m.group(1).lower(), m.group(1).lower()).upper()
        parts = [f"{head}{_value(m.group(2), numbers)}", f"K{_value(m.group(3), numbers)}"]
        if m.group(4):
            parts.append(f"W{_value(m.group(4), numbers)}")
        return "-".join(parts)

    def as_year(m: re.Match[str]) -> str:
        n = _value(m.group(1), numbers)
        return f"20{n:02d}" if n >= 10 or m.group(0).lower().startswith(("tweeduizend", "two")) else m.group(0)

    def as_levels(m: re.Match[str]) -> str:  # "niveau twee of drie" → "niveau 2 of 3"
        return digit_word.sub(lambda n: str(_value(n.group(0), numbers)), m.group(0))

    text = code.sub(as_code, text)
    text = year.sub(as_year, text)
    return level.sub(as_levels, text)
