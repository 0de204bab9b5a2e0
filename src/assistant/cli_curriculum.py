"""The curriculum commands: ``assistant show`` and ``assistant crosswalk``.

Registered on the main group at the end of ``assistant.cli``. Both read only the
index's chunks (no embedder). Exit codes as ``search``: 0 results, 2 for an
unknown code or scope (the valid ones are listed), 1 when the index is missing,
damaged or built with another embedder.
"""

from __future__ import annotations

from pathlib import Path

import click

from assistant.cli import INDEX_OPTION, fail
from assistant.jsontext import dumps
from assistant.settings import Settings
from assistant.terminal import safe


def _chunks(index_dir: Path | None):
    """The chunks of the current index, or exit 1 with one line."""
    from assistant.index import IndexUnavailable, open_index

    try:
        return open_index(Settings.from_env(index_dir)).chunks
    except IndexUnavailable as exc:
        fail(str(exc), 1)


def unit_record(chunk, links: dict) -> dict:
    """A unit as a HIT object (no score) plus its links."""
    from assistant.retrieval import Hit

    record = Hit(chunk, 0.0, chunk.also_in, "").as_json()
    record.pop("score", None)
    record.pop("best_sentence", None)
    record["links"] = links
    return record


def _unit_lines(record: dict) -> list[str]:
    """A unit with its links as readable lines (document text through ``terminal.safe``)."""
    where = " · ".join(str(x) for x in (record["dossier_abbr"] or record["dossier"], record["version"],
                                        record["profile"] or ("basisdeel" if record["code"] else None),
                                        record["code"], record["title"]) if x)
    lines = [safe(f"[{record['kind']}] {where}"), safe(f"   {record['source']}"), ""]
    lines += ["   " + safe(line) for line in (record["text"] or "").split("\n")]
    links = record["links"]
    if links["part_of"]:
        lines.append("   hoort bij: " + safe("; ".join(
            f"{p['kind']} {p.get('code') or ''} {p.get('title') or ''}".replace("  ", " ").strip()
            + (f" (van {', '.join(p['profiles'])})" if p.get("profiles") else "") for p in links["part_of"])))
    by_meaning = [c for c in links["competences"] if c.get("from") == "meaning"]
    if by_meaning:
        lines.append("   SBB-competenties (naar betekenis, cosinus): " + safe("; ".join(
            f"{c['code']} {c['title']} ({c['score']:.2f})" for c in by_meaning)))
    elif links["competences"]:
        lines.append("   SBB-competenties (uit de SBB-XML): " + safe("; ".join(
            f"{c['code']} {c['title']}" + (f" [aanvulling {c['profile']}]" if c.get("profile") else "")
            for c in links["competences"])))
    for block in links["vakkennis"]:
        label = f"aanvulling {block['profile']}" if block["profile"] else "basis"
        lines.append(f"   vakkennis en vaardigheden {safe(block['kerntaak'])} ({safe(label)}):")
        lines += [f"     - {safe(item)}" for item in block["items"]]
    for cp in links["counterparts"]:
        lines.append("   tegenhanger: " + safe(" · ".join(str(x) for x in (
            cp["dossier"], cp["version"], cp["profile"] or "basisdeel", cp["code"], cp["title"]) if x))
            + f" (score {cp['score']:.2f})")
    return lines


@click.command()
@click.argument("code")
@click.option("--dossier", help="Only this dossier (name or abbreviation, e.g. PW).")
@click.option("--version", "version", help="Only this version (year or date, e.g. 2015).")
@click.option("--profile", help="Only this profile (name or abbreviation); the basisdeel belongs to every profile.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON: {code, units: [HIT + links]}.")
@INDEX_OPTION
def show(code, dossier, version, profile, as_json, index_dir) -> None:
    """Show every unit with CODE, with its links: SBB competences, kerntaak or basisdeel,
    vakkennis en vaardigheden, and its counterparts in other versions (matched by content).
    CODE may also be a competence of a competentieprofiel: it shows the SBB competences it
    matches by meaning, with the score.

    Example: assistant show B1-K1-W4 --dossier PW --version 2015 --profile OA

    Example: assistant show Klantgerichtheid
    """
    from assistant.crosswalk import Matcher
    from assistant.curriculum import competence_units, links, units_with_code

    chunks = _chunks(index_dir)
    units = units_with_code(chunks, code, dossier, version, profile) or competence_units(chunks, code)
    if not units:
        known = sorted({c.code for c in chunks if c.code})
        fail(f"onbekende code {code!r} in deze selectie; bekende codes: {', '.join(known[:40])}"
             + (" ..." if len(known) > 40 else ""), 2)
    matcher = Matcher.build(chunks)
    records = [unit_record(u, links(u, chunks, matcher, profile=_profile_name(chunks, profile))) for u in units]
    if as_json:
        click.echo(dumps({"code": code, "units": records}))
        return
    for number, record in enumerate(records, start=1):
        click.echo("\n".join([f"{number}. " + _unit_lines(record)[0], *_unit_lines(record)[1:], ""]))


def _profile_name(chunks, profile: str | None) -> str | None:
    """The full profile name for a name or abbreviation."""
    if not profile:
        return None
    wanted = profile.strip().lower()
    return next((c.profile for c in chunks if c.profile and wanted in {n.lower() for n in (c.profile, c.profile_abbr)
                                                                       if n}), profile)


@click.command()
@click.option("--from", "source", required=True, help='From scope, e.g. "PW 2015" (dossier and version).')
@click.option("--to", "target", required=True, help='To scope, e.g. "OA 2021".')
@click.option("--json", "as_json", is_flag=True, help="Print JSON: {from, to, pairs: [{from, to, also, score}]}.")
@INDEX_OPTION
def crosswalk(source, target, as_json, index_dir) -> None:
    """Pair every werkproces of one version with its counterpart in another, by content (title and
    omschrijving), not by code; "geen tegenhanger" when nothing is close enough.

    Example: assistant crosswalk --from "OA 2021" --to "PW 2015"
    """
    from assistant.crosswalk import ScopeError, parse_scope
    from assistant.crosswalk import crosswalk as run_crosswalk

    chunks = _chunks(index_dir)
    try:
        pairs = run_crosswalk(chunks, parse_scope(source, chunks), parse_scope(target, chunks))
    except ScopeError as exc:
        fail(str(exc), 2)
    if as_json:
        click.echo(dumps({"from": source, "to": target, "pairs": [p.as_json() for p in pairs]}))
        return
    click.echo(safe(f"{source} → {target}: {len(pairs)} werkprocessen"))
    for pair in pairs:
        left = safe(f"{pair.source.code} {pair.source.title}")
        if pair.target is None:
            click.echo(f"  {left}\n      → geen tegenhanger (beste score {pair.score:.2f})")
            continue
        also = f"; ook: {', '.join(safe(a.code or '') for a in pair.also)}" if pair.also else ""
        click.echo(f"  {left}\n      → {safe(f'{pair.target.code} {pair.target.title}')} "
                   f"(score {pair.score:.2f}{also})")
