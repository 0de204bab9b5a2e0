"""``assistant sources`` and ``assistant remove``: what the index holds, and taking one source out.

Registered on the ``assistant`` group at the end of :mod:`assistant.cli` (after its ``INDEX_OPTION`` and
``fail``, which this module shares).
"""

from __future__ import annotations

from pathlib import Path

import click

from assistant.cli import INDEX_OPTION, fail
from assistant.jsontext import dumps
from assistant.settings import Settings
from assistant.terminal import safe


def _open_inventory(settings: Settings):
    """The inventory of the current build (exits 1 with one line when there is no usable index)."""
    from assistant.index import IndexUnavailable, read_chunks, read_manifest, usable_build
    from assistant.inventory import inventory

    try:
        build = usable_build(settings)
        return inventory(read_manifest(build), read_chunks(build))
    except IndexUnavailable as exc:
        fail(str(exc), 1)


def _row(info) -> str:
    scope = "; ".join(x for x in (", ".join(info.dossiers), ", ".join(info.versions)) if x) or "-"
    crebo = f" · crebo {', '.join(info.crebo)}" if info.crebo else ""
    status = info.status if not info.error else f"{info.status}: {info.error}"
    return (f"{safe(info.source)} [{info.format}] {safe(scope)}{crebo} · {info.units} units, {info.chunks} chunks"
            f" · {info.updated or '-'} · {safe(status)}")


@click.command("sources")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object: {embedder, schema, chunks, sources}.")
@INDEX_OPTION
def sources_command(as_json: bool, index_dir: Path | None) -> None:
    """List what the index holds: one entry per source file.

    Each entry: file name, detected format, dossiers, versions, crebo, profiles, units, chunks,
    when it was added or updated, and its status (ok, failed or stale, with the reason).
    Exit 0, or 1 when the index is missing or damaged.

    \b
    Example:
      assistant sources
      assistant sources --json --index /tmp/my-index
    """
    settings = Settings.from_env(index_dir)
    found = _open_inventory(settings)
    if as_json:
        click.echo(dumps(found.as_json()))
        return
    click.echo(f"{len(found.sources)} bronnen · {found.units} units · {found.chunks} chunks · "
               f"embedder {found.embedder} · schema {found.schema} · build {found.build}")
    for info in found.sources:
        click.echo(_row(info))


@click.command("remove")
@click.argument("name")
@INDEX_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print the ingest report of the new build as JSON.")
def remove_command(name: str, index_dir: Path | None, as_json: bool) -> None:
    """Remove one source (NAME is its file name, as `assistant sources` lists it) and switch to the new build.

    Crash-safe like ingest: the new build is complete before it answers. A document uploaded through
    the web app is deleted as well; a file elsewhere stays on disk (ingesting its folder adds it again).
    Exit 0 when removed, 2 for an unknown name (the known ones are listed), 1 when the index is
    missing or another writer holds the lock.

    \b
    Example:
      assistant remove competentieprofiel-sociaalwerker-b.txt
      assistant remove mijn-kd.pdf --index /tmp/my-index --json
    """
    from assistant.embedders import EmbedderError
    from ingest.build import IngestBusy, IngestFailed, UnknownSource, remove_source

    settings = Settings.from_env(index_dir)
    try:
        report = remove_source(settings, name)
    except UnknownSource as exc:
        fail(safe(str(exc)), 2)
    except (IngestBusy, IngestFailed, EmbedderError) as exc:
        fail(str(exc), 1)
    if as_json:
        click.echo(dumps(report.as_json()))
    else:
        click.echo(f"verwijderd (removed): {safe(name)} · {report.chunks} chunks in {settings.index_dir}/ "
                   f"· build {report.build}")
