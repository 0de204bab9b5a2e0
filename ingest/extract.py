"""Is a source a whole dossier or an extract? Detected, or declared in a sidecar file.

Detection: a dossier whose werkprocessen skip numbers within a kerntaak
(B1-K1-W5 without W1-W4) is an extract of that dossier. An SBB XML export is a
complete dossier.

Sidecar: ``<file>.meta.toml`` beside the source (e.g.
``ankerpunten-interprofessioneel-samenwerken-kd.txt.meta.toml``)::

    scope = "extract"                 # or "complete"
    dossiers = ["Sociaal Werk", ...]  # optional: the dossiers it holds
    note = "why"                      # optional

A sidecar that contradicts the source (a dossier the source does not hold,
"complete" where werkprocessen are missing, an unknown scope, bad TOML) is
reported as a warning and ignored; it never fails the file.

Units of an extract get ``("scope", "extract")`` in ``extra``; the chunker
turns that into ``Chunk.extract``.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from assistant.model import WERKPROCES, ParseResult, Unit

SIDECAR_SUFFIX = ".meta.toml"
SCOPES = ("extract", "complete")
_CODE = re.compile(r"^([BP]\d+-K\d+)-W(\d+)$")


def sidecar_path(path: Path) -> Path:
    """The sidecar file of a source."""
    return path.with_name(path.name + SIDECAR_SUFFIX)


def is_sidecar(path: Path) -> bool:
    """Whether a file is a sidecar (not a source of its own)."""
    return path.name.lower().endswith(SIDECAR_SUFFIX)


def sidecar_sha(path: Path) -> str:
    """A short hash of the sidecar, or ``""`` without one (a changed sidecar re-parses its source)."""
    side = sidecar_path(path)
    try:
        return hashlib.sha256(side.read_bytes()).hexdigest() if side.is_file() else ""
    except OSError:
        return ""


def gaps(units: Sequence[Unit]) -> dict[tuple[str | None, str | None], list[str]]:
    """Per (dossier, version): werkproces codes missing before the highest number of their kerntaak."""
    numbers: dict[tuple[str | None, str | None], dict[str, set[int]]] = {}
    for unit in units:
        match = _CODE.match(unit.code or "") if unit.kind == WERKPROCES else None
        if match:
            per = numbers.setdefault((unit.dossier, unit.version), {})
            per.setdefault(match.group(1), set()).add(int(match.group(2)))
    return {
        key: [f"{kt}-W{n}" for kt, found in sorted(per.items()) for n in range(1, max(found)) if n not in found]
        for key, per in numbers.items()
    }


def read_sidecar(path: Path) -> tuple[dict | None, str | None]:
    """The sidecar's table, or None; and a warning when it cannot be read."""
    side = sidecar_path(path)
    if not side.is_file():
        return None, None
    try:
        data = tomllib.loads(side.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return None, f"{side.name}: onleesbaar, genegeerd ({type(exc).__name__})"
    return data, None


def check_sidecar(data: dict, units: Sequence[Unit], found_gaps: dict, name: str) -> str | None:
    """Why a sidecar contradicts the source, or None when it agrees."""
    scope = data.get("scope")
    if scope not in SCOPES:
        return f"{name}: scope moet {' of '.join(SCOPES)} zijn, niet {scope!r}"
    held = {u.dossier.lower() for u in units if u.dossier} | {u.dossier_abbr.lower() for u in units
                                                              if u.dossier_abbr}
    dossiers = data.get("dossiers", [])
    if not isinstance(dossiers, list) or not all(isinstance(d, str) for d in dossiers):
        return f"{name}: dossiers moet een lijst van namen zijn"
    unknown = [d for d in dossiers if d.lower() not in held]
    if unknown:
        return f"{name}: dossier {', '.join(unknown)} staat niet in de bron"
    if scope == "complete" and any(found_gaps.values()):
        missing = next(codes for codes in found_gaps.values() if codes)
        return f"{name}: 'complete', maar de bron mist werkprocessen ({', '.join(missing[:3])} ...)"
    return None


def mark(path: Path, result: ParseResult) -> ParseResult:
    """Mark the units of an extract, from detection and the sidecar; report a contradicting sidecar."""
    units = result.units
    warnings = list(result.warnings)
    found_gaps = gaps(units)
    extract = {key for key, codes in found_gaps.items() if codes}
    data, problem = read_sidecar(path)
    if data is not None:
        problem = check_sidecar(data, units, found_gaps, sidecar_path(path).name)
        if problem is None and data["scope"] == "extract":
            named = {d.lower() for d in data.get("dossiers", [])}
            extract |= {(u.dossier, u.version) for u in units if u.dossier
                        and (not named or u.dossier.lower() in named or (u.dossier_abbr or "").lower() in named)}
    if problem:
        warnings.append(f"{problem}; sidecar genegeerd (sidecar ignored)")
    if not extract:
        return replace(result, warnings=tuple(warnings))
    marked = tuple(
        replace(u, extra=(*u.extra, ("scope", "extract"))) if (u.dossier, u.version) in extract else u
        for u in units
    )
    return ParseResult(units=marked, warnings=tuple(warnings))
