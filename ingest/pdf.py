"""Parser for kwalificatiedossiers (KDs) published as PDF.

The text of each page is extracted with pypdf, running page headers and footers
are removed, and the remaining lines (numbered, with their page) go through the
same structure recognizer as plain-text extracts (:func:`ingest.kd_text.parse_lines`),
so every unit gets a ``Location("pages", first, last)``.

Every failure is a :class:`ParseError` with one line of explanation; pypdf
exceptions never escape.
"""

from __future__ import annotations

import logging
import math
import re
import struct
import warnings
import zlib
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from pypdf import PageObject, PdfReader
from pypdf.errors import PyPdfError

from assistant.model import Line, ParseError, ParseResult
from ingest import kd_text

EDGE_LINES = 3  # header/footer candidates: the first and last lines of a page
_DIGITS = re.compile(r"[0-9]+")
# What pypdf raises on broken files: its own errors and plain Python ones.
_PDF_ERRORS = (
    PyPdfError,
    OSError,
    ValueError,
    LookupError,
    TypeError,
    AttributeError,
    AssertionError,
    ArithmeticError,
    RuntimeError,
    zlib.error,
    struct.error,
)


class _Collect(logging.Handler):
    """Keeps pypdf's log messages (instead of printing them)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        """Store one message."""
        self.messages.append(record.getMessage())


@contextmanager
def _pypdf_log() -> Iterator[_Collect]:
    """Collect pypdf's logged and ``warnings`` messages while the block runs."""
    handler = _Collect()
    logger = logging.getLogger("pypdf")
    logger.addHandler(handler)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            yield handler
        handler.messages.extend(str(warning.message) for warning in caught)
    finally:
        logger.removeHandler(handler)


def _one_line(exc: BaseException) -> str:
    """An exception as one short line."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:200]


def _open(path: Path) -> PdfReader:
    """Open a PDF, decrypting it when it only has an owner password.

    Raises:
        ParseError: for an unreadable or password-protected PDF.
    """
    try:
        reader = PdfReader(path)
    except _PDF_ERRORS as exc:
        raise ParseError(f"{path.name}: onleesbare of beschadigde PDF (unreadable PDF: {_one_line(exc)})") from None
    if reader.is_encrypted:
        try:
            opened = reader.decrypt("")
        except _PDF_ERRORS as exc:
            raise ParseError(f"{path.name}: versleutelde PDF (encrypted PDF: {_one_line(exc)})") from None
        if not opened:
            raise ParseError(f"{path.name}: versleutelde PDF met wachtwoord (encrypted PDF, password required)")
    return reader


def _page_text(page: PageObject) -> str:
    """The text of one page, laid out so that paragraph gaps become blank lines."""
    try:
        return page.extract_text(extraction_mode="layout")
    except _PDF_ERRORS:  # layout mode is pickier about fonts; plain mode may still work
        return page.extract_text()


def read_pages(path: Path) -> tuple[list[str], list[str]]:
    """The text of every page, and pypdf's warnings.

    Raises:
        ParseError: for an unreadable, encrypted or empty PDF.
    """
    with _pypdf_log() as log:
        reader = _open(path)
        try:
            pages = [_page_text(page) for page in reader.pages]
        except _PDF_ERRORS as exc:
            raise ParseError(f"{path.name}: onleesbare of beschadigde PDF (unreadable PDF: {_one_line(exc)})") from None
    if not pages:
        raise ParseError(f"{path.name}: PDF zonder pagina's (no pages)")
    return pages, list(dict.fromkeys(log.messages))


def _key(text: str) -> str:
    """A line with its digits replaced, to compare headers across pages."""
    return _DIGITS.sub("#", " ".join(text.split()))


def _edges(lines: Sequence[str]) -> list[int]:
    """Indices of the first and last few non-blank lines of a page."""
    filled = [i for i, text in enumerate(lines) if text.strip()]
    return sorted(set(filled[:EDGE_LINES] + filled[-EDGE_LINES:]))


def furniture(pages: Sequence[Sequence[str]]) -> set[str]:
    """The keys of running headers and footers.

    A line is furniture when, with its digits replaced, it stands among the
    first or last three lines of at least half the pages (and of two pages at
    least): ``Kwalificatiedossier Onderwijsassistent 2021``, ``Pagina 3 van 12``,
    a bare page number.
    """
    counts: Counter[str] = Counter()
    for lines in pages:
        counts.update({_key(lines[i]) for i in _edges(lines)})
    needed = max(2, math.ceil(len(pages) / 2))
    return {key for key, count in counts.items() if count >= needed}


def strip_furniture(pages: Sequence[Sequence[str]], keys: set[str]) -> list[list[str]]:
    """The pages without their header and footer lines."""
    result = []
    for lines in pages:
        drop = {i for i in _edges(lines) if _key(lines[i]) in keys}
        result.append([text for i, text in enumerate(lines) if i not in drop])
    return result


def to_lines(pages: Sequence[Sequence[str]]) -> list[Line]:
    """Numbered lines with their 1-based page; blank runs fold to one blank line."""
    result: list[Line] = []
    for page_no, lines in enumerate(pages, start=1):
        previous_blank = True
        for text in lines:
            text = text.rstrip()
            blank = not text.strip()
            if blank and previous_blank:
                continue
            result.append(Line(text=text, number=len(result) + 1, page=page_no))
            previous_blank = blank
    return result


def parse(path: Path) -> ParseResult:
    """Parse a KD published as PDF.

    Raises:
        ParseError: for a corrupt, encrypted or scanned (text-less) PDF, or a PDF
            without KD structure; always with a one-line message.
    """
    texts, pdf_warnings = read_pages(path)
    pages = [text.splitlines() for text in texts]
    if not any(line.strip() for lines in pages for line in lines):
        raise ParseError(f"{path.name}: geen tekst; gescand? (no text layer)")
    lines = to_lines(strip_furniture(pages, furniture(pages)))
    result = kd_text.parse_lines(lines, path.name)
    warnings = tuple(f"{path.name}: pypdf: {message}" for message in pdf_warnings)
    return ParseResult(units=result.units, warnings=result.warnings + warnings)
