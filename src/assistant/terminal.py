"""Text that is safe to print on a terminal.

Document text can hold control sequences (``ESC]0;…BEL`` sets the window title,
``ESC[2J`` clears the screen, ``ESC]8`` makes a hyperlink) and bidi overrides
(U+202E) that reorder what the reader sees. Every terminal output path passes
document text through :func:`safe`, which shows such characters as visible
``\\x1b``-style escapes instead of letting the terminal act on them.
"""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, C1 controls, and the bidi embedding,
# override and isolate marks (plus the implicit marks LRM, RLM, ALM).
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def safe(text: object) -> str:
    """``text`` with every unsafe character shown as an escape (``\\x1b``, ``\\u202e``).

    Args:
        text: anything; it is turned into a string first.

    Returns:
        The same text, with only tab and newline left of the control characters.
    """
    return UNSAFE.sub(_escape, str(text))


def has_unsafe(text: str) -> bool:
    """Whether ``text`` holds a character that :func:`safe` would escape."""
    return UNSAFE.search(text) is not None
