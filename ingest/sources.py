"""Finding source files and sending each to the parser for its format.

Supported: ``.txt``/``.md`` dossier extracts and competency profiles (told apart
by their structure), SBB ``.xml`` exports and ``.pdf`` dossiers. Anything else
is reported as failed with the reason; nothing is skipped silently. README files
beside the documents are listed as skipped documentation, and so are sidecar
files (``<file>.meta.toml``, see :mod:`ingest.extract`), which are read with
their source.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from assistant.model import Line, ParseError, ParseResult
from ingest import competence, kd_text, sbb_xml
from ingest.extract import is_sidecar
from ingest.extract import mark as mark_extract
from ingest.textfile import decode

TEXT_SUFFIXES = (".txt", ".md")
SUFFIXES = (*TEXT_SUFFIXES, ".xml", ".pdf")


@dataclass(frozen=True)
class Discovery:
    """The files named by the user's paths.

    Attributes:
        files: files to ingest, resolved, in a stable order.
        roots: folders that were named; a file under one of them that is gone
            from disk loses its chunks.
        skipped: README files, which document the data but are not data.
        missing: paths that do not exist.
    """

    files: tuple[Path, ...]
    roots: tuple[Path, ...]
    skipped: tuple[Path, ...]
    missing: tuple[str, ...]


def _is_readme(path: Path) -> bool:
    return path.stem.lower() == "readme"


def discover(paths: list[Path]) -> Discovery:
    """Expand files and folders (recursively, hidden entries left out)."""
    files: list[Path] = []
    roots: list[Path] = []
    skipped: list[Path] = []
    missing: list[str] = []
    for given in paths:
        if not given.exists():
            missing.append(str(given))
            continue
        path = given.resolve()
        if path.is_dir():
            roots.append(path)
            found = sorted(
                p for p in path.rglob("*")
                if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        else:
            found = [path]
        for item in found:
            documentation = _is_readme(item) and item.suffix.lower() in TEXT_SUFFIXES
            (skipped if documentation or is_sidecar(item) else files).append(item)
    unique = tuple(dict.fromkeys(files))
    return Discovery(unique, tuple(roots), tuple(skipped), tuple(missing))


def parse_text(data: bytes, name: str) -> ParseResult:
    """Parse a text source as a competency profile or a dossier extract."""
    text = decode(data, name)
    lines = [Line(text=line, number=i) for i, line in enumerate(text.splitlines(), start=1)]
    if competence.looks_like(text):
        return competence.parse_lines(lines, name)
    if kd_text.looks_like(text):
        return kd_text.parse_lines(lines, name)
    raise ParseError(
        f"{name}: geen kwalificatiedossier of competentieprofiel herkend "
        "(no dossier or competency-profile structure found)"
    )


def parse_file(path: Path) -> ParseResult:
    """Parse one file by its format.

    Raises:
        ParseError: unsupported format, unreadable file, or no usable structure.
    """
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ParseError(
            f"{path.name}: formaat {suffix or '(geen extensie)'} wordt niet ondersteund "
            f"(unsupported format; supported: {', '.join(SUFFIXES)})"
        )
    try:
        if suffix in TEXT_SUFFIXES:
            result = parse_text(path.read_bytes(), path.name)
        elif suffix == ".xml":
            result = sbb_xml.parse(path)
        else:
            from ingest import pdf  # pypdf is only imported when a PDF comes by

            result = pdf.parse(path)
    except ParseError:
        raise
    except OSError as exc:
        raise ParseError(f"{path.name}: kan niet lezen (cannot read: {exc.strerror})") from None
    except Exception as exc:  # noqa: BLE001 - a parser bug must fail the file, not the ingest
        raise ParseError(f"{path.name}: onverwachte fout bij het lezen ({type(exc).__name__}: {exc})") from None
    if not result.units:
        raise ParseError(f"{path.name}: geen inhoud gevonden (no content found)")
    return mark_extract(path, result)
