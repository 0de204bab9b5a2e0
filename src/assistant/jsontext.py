"""JSON text that is one line, valid UTF-8 and inert on a terminal.

``json.dumps(..., ensure_ascii=False)`` escapes the C0 controls but writes C1
controls (U+0080-U+009F, among them U+0085 NEXT LINE), DEL, bidi marks, the
line and paragraph separators U+2028/U+2029 and lone surrogates as they are.
Those reorder or hide text on a terminal, split a line for line-based readers
(``str.splitlines``, many log tools) or cannot be encoded at all. :func:`dumps`
writes each of them as a ``\\uXXXX`` escape: the JSON parses to the same value.
"""

from __future__ import annotations

import json
import re
from typing import Any

# Characters json.dumps leaves raw that must not reach a terminal or a line-based reader.
RAW_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group(0)):04x}"


def dumps(value: Any, **options: Any) -> str:
    """``value`` as one line of JSON (non-ASCII letters kept), with every unsafe character escaped.

    Args:
        value: anything ``json.dumps`` takes.
        **options: passed on to ``json.dumps`` (``ensure_ascii`` is always False, ``indent`` is not allowed).

    Returns:
        The JSON text; ``json.loads`` of it equals ``value``.
    """
    options.pop("indent", None)
    return RAW_UNSAFE.sub(_escape, json.dumps(value, ensure_ascii=False, **options))
