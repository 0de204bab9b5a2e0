"""Reading a plain-text source file into numbered lines, refusing what is not text."""

from __future__ import annotations

from pathlib import Path

from assistant.model import Line, ParseError


def decode(data: bytes, name: str) -> str:
    """Decode the bytes of a text source as UTF-8 (a BOM is allowed).

    Raises:
        ParseError: for an empty file, a binary file, or text in another encoding.
    """
    if not data.strip():
        raise ParseError(f"{name}: leeg bestand (empty file)")
    if b"\x00" in data[:8192]:
        raise ParseError(f"{name}: binair bestand, geen tekst (binary file, not text)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ParseError(
            f"{name}: geen UTF-8 (byte {exc.start}); sla het bestand op als UTF-8 "
            "(not UTF-8, e.g. cp1252: save it as UTF-8)"
        ) from None


def read_lines(path: Path) -> list[Line]:
    """All lines of a UTF-8 text file, numbered from 1, without line ends."""
    text = decode(path.read_bytes(), path.name)
    return [Line(text=line, number=i) for i, line in enumerate(text.splitlines(), start=1)]
