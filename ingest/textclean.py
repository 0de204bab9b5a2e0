"""Text repair for OCR'd and PDF-extracted dossier text. Pure functions only.

The rules, each tested in ``tests/test_textclean.py``:

* **Codes**: ``BI-`` becomes ``B1-`` (a capital I read for the digit 1), and a
  stray letter between ``W`` and the number is dropped (``WS5`` -> ``W5``,
  ``We6`` -> ``W6``). The raw form is kept by the parsers as ``raw_code``.
* **Hyphenation**: a word broken at a line end (``peuterop-`` / ``vang``) is
  joined when the next line starts with a lower-case letter. A hyphen stays
  when the part before it is an abbreviation in capitals (``SB-``) or when the
  next word is a conjunction (``voor-`` / ``en vroegschoolse``).
* **Bullets**: U+FFFD replacement glyphs (lost bullet symbols) are dropped.
* **Control characters**: C0 controls other than tab and newline, DEL, C1
  controls and the bidi embedding, override, isolate and implicit marks are
  dropped from every text field of a unit (:func:`drop_controls`,
  :func:`clean_units`); the ingest summary counts them. A control that breaks
  a line (vertical tab, form feed, U+0085) becomes a space. The file name is
  left alone: it is what citations and the manifest name (terminal output
  escapes it instead).
* **Diacritics**: the OCR reads ``ë`` after ``i`` or ``e`` as ``é`` (``cliént``,
  ``ideeén``, ``financién``, ``creéren``); those become ``ë``. A short word list
  restores the dropped or garbled diaeresis of ``coördin-``, ``coöperat-``,
  ``beïnvloed-`` and ``continuït-``.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable

from assistant.model import Unit

REPLACEMENT_CHAR = "\ufffd"

# A dossier code as printed, OCR noise included: B1-K1, BI-K2-W2, B1-K1-WS5, P2-K1-We6.
RAW_CODE = re.compile(r"\b([BP])([0-9]+|I)-K([0-9]+|I)(?:-W[A-Za-z]?([0-9]+))?(?![\w-])")
# A profile heading code on its own: P1, P3.
RAW_PROFILE = re.compile(r"\bP([0-9]+)\b")

_DIGIT_FOR = {"I": "1"}

# The same set as assistant.terminal.UNSAFE: what a terminal would act on or reorder.
CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_LINE_BREAKING = frozenset("\x0b\x0c\x1c\x1d\x1e\x85")
_KEEP_FIELDS = frozenset({"source", "location"})

_DIAERESIS_AFTER_VOWEL = re.compile(r"(?<=[ie])é(?=[nrl])")
_WORD_FIXES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"([Cc])o(?:dr|ér|odr|or|ör)din"), r"\1oördin"),
    (re.compile(r"([Cc])ooperat"), r"\1oöperat"),
    (re.compile(r"([Bb])einvloed"), r"\1eïnvloed"),
    (re.compile(r"([Cc])ontinuit"), r"\1ontinuït"),
)
_KEEP_AS_IS = {"eén", "één", "Eén", "Één"}

_CONJUNCTIONS = {"en", "of", "tot", "t/m", "and", "or"}
_HYPHEN_END = re.compile(r"(\S*?)([A-Za-zÀ-ÿ]+)-$")


def normalise_code(raw: str) -> str:
    """Normalise an OCR'd dossier code.

    Args:
        raw: a code as printed, e.g. ``"BI-K2-W2"`` or ``"B1-K1-WS5"``.

    Returns:
        The clean code, e.g. ``"B1-K2-W2"`` or ``"B1-K1-W5"``; the input
        unchanged (but stripped) when it is not a code.
    """
    match = RAW_CODE.fullmatch(raw.strip())
    if not match:
        return raw.strip()
    part, part_no, task_no, process_no = match.groups()
    code = f"{part}{_DIGIT_FOR.get(part_no, part_no)}-K{_DIGIT_FOR.get(task_no, task_no)}"
    if process_no:
        code += f"-W{process_no}"
    return code


def normalise_codes_in(text: str) -> str:
    """Replace every dossier code inside a running text by its normal form."""
    return RAW_CODE.sub(lambda m: normalise_code(m.group(0)), text)


def repair_diacritics(text: str) -> str:
    """Restore the diaeresis the OCR lost or misread (see the module docstring)."""

    def fix_word(match: re.Match[str]) -> str:
        word = match.group(0)
        if word in _KEEP_AS_IS:
            return word
        word = _DIAERESIS_AFTER_VOWEL.sub("ë", word)
        for pattern, replacement in _WORD_FIXES:
            word = pattern.sub(replacement, word)
        return word

    return re.sub(r"[^\W\d_]+", fix_word, text)


def drop_bullet_glyphs(text: str) -> str:
    """Remove U+FFFD replacement characters (lost bullet glyphs)."""
    return text.replace(REPLACEMENT_CHAR, "")


def _join_at_hyphen(left: str, right: str) -> str:
    """Join two lines where ``left`` ends in a hyphen.

    The hyphen goes when it splits a word; it stays, without a space, after a
    capital abbreviation or before a capital (``SB-activiteiten``), and stays
    with a space before a conjunction (``voor- en vroegschoolse``).
    """
    next_word = right.split(maxsplit=1)[0]
    if next_word.strip(",.;:") in _CONJUNCTIONS:
        return f"{left} {right}"
    match = _HYPHEN_END.search(left)
    fragment = match.group(2) if match else ""
    if not match or not next_word[0].islower() or (fragment.isupper() and len(fragment) > 1):
        return left + right
    return left[:-1] + right


def join_lines(lines: Iterable[str]) -> str:
    """Join the physical lines of one paragraph into one line of text.

    Words hyphenated across a line break are joined; real hyphens stay. A line
    ending in ``/`` is joined without a space.
    """
    result = ""
    for raw in lines:
        line = " ".join(drop_bullet_glyphs(raw).split())
        if not line:
            continue
        if not result:
            result = line
        elif result.endswith("-"):
            result = _join_at_hyphen(result, line)
        elif result.endswith("/"):
            result += line
        else:
            result += " " + line
    return result


def clean(text: str) -> str:
    """Full repair of a short text: bullets, diacritics, codes, white space."""
    text = drop_bullet_glyphs(text)
    text = repair_diacritics(text)
    text = normalise_codes_in(text)
    return " ".join(text.split())


def drop_controls(text: str) -> tuple[str, int]:
    """``text`` without control characters and bidi marks, and how many were dropped.

    Tab and newline stay; a carriage return before a newline goes with the others.
    A line-breaking control (VT, FF, FS, GS, RS, NEL) becomes a space so words stay apart.
    """
    count = 0

    def replace(match: re.Match[str]) -> str:
        nonlocal count
        count += 1
        return " " if match.group(0) in _LINE_BREAKING else ""

    return CONTROLS.sub(replace, text), count


def _clean_value(value: object) -> tuple[object, int]:
    if isinstance(value, str):
        return drop_controls(value)
    if isinstance(value, tuple):
        total = 0
        items = []
        for item in value:
            cleaned, dropped = _clean_value(item)
            items.append(cleaned)
            total += dropped
        return (tuple(items), total) if total else (value, 0)
    return value, 0


def clean_unit(unit: Unit) -> tuple[Unit, int]:
    """A unit with control characters dropped from every text field (not ``source``), and the count."""
    changes: dict[str, object] = {}
    total = 0
    for field in dataclasses.fields(unit):
        if field.name in _KEEP_FIELDS:
            continue
        cleaned, dropped = _clean_value(getattr(unit, field.name))
        if dropped:
            changes[field.name] = cleaned
            total += dropped
    return (dataclasses.replace(unit, **changes) if changes else unit), total


def clean_units(units: Iterable[Unit]) -> tuple[tuple[Unit, ...], int]:
    """:func:`clean_unit` over all units of a file; the cleaned units and the total dropped."""
    cleaned: list[Unit] = []
    total = 0
    for unit in units:
        fixed, dropped = clean_unit(unit)
        cleaned.append(fixed)
        total += dropped
    return tuple(cleaned), total
