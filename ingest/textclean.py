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
* **Diacritics**: the OCR reads ``ë`` after ``i`` or ``e`` as ``é`` (``cliént``,
  ``ideeén``, ``financién``, ``creéren``); those become ``ë``. A short word list
  restores the dropped or garbled diaeresis of ``coördin-``, ``coöperat-``,
  ``beïnvloed-`` and ``continuït-``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

REPLACEMENT_CHAR = "\ufffd"

# A dossier code as printed, OCR noise included: B1-K1, BI-K2-W2, B1-K1-WS5, P2-K1-We6.
RAW_CODE = re.compile(r"\b([BP])([0-9]+|I)-K([0-9]+|I)(?:-W[A-Za-z]?([0-9]+))?(?![\w-])")
# A profile heading code on its own: P1, P3.
RAW_PROFILE = re.compile(r"\bP([0-9]+)\b")

_DIGIT_FOR = {"I": "1"}

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
