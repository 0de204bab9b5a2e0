"""The ``assistant`` command line: ingest and search.

Exit codes: 0 success; 1 some inputs failed, or the index is missing, damaged
or built with another embedder; 2 bad input or usage. Errors are one line on
stderr, never a traceback.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import click

from assistant.jsontext import dumps
from assistant.settings import BUNDLED_CORPUS, Settings
from assistant.terminal import safe

INDEX_OPTION = click.option(
    "--index",
    "index_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Index directory (default: $ASSISTANT_INDEX or index/).",
)


def fail(message: str, code: int) -> None:
    """Print one line on stderr (always valid UTF-8) and exit with ``code``."""
    line = " ".join(str(message).split()).encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    click.echo(f"assistant: {safe(line)}", err=True)
    sys.exit(code)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="mbo-assistant")
def main() -> None:
    """Zoek in kwalificatiedossiers en competentieprofielen (mbo).

    Search Dutch vocational qualification dossiers and competency profiles.
    """


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@INDEX_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print one JSON summary object; no progress bar.")
def ingest(paths: tuple[Path, ...], index_dir: Path | None, as_json: bool) -> None:
    """Build or update the index from PATHS (files or folders; default: the bundled corpus in data/).

    Unchanged files are not re-embedded; a changed file replaces its chunks; a file gone from an
    ingested folder loses its chunks. Exit 0 when every input was ingested, 1 when some failed
    (the rest is indexed), 2 for a usage error.
    """
    from assistant.embedders import EmbedderError
    from ingest.build import IngestBusy, IngestFailed, run_ingest

    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        fail(f"bestaat niet (no such file or folder): {', '.join(missing)}", 2)
    settings = Settings.from_env(index_dir)
    try:
        report = run_ingest(list(paths) or [BUNDLED_CORPUS], settings, progress=not as_json and sys.stderr.isatty())
    except IngestBusy as exc:
        fail(str(exc), 1)
    except (IngestFailed, EmbedderError) as exc:
        fail(str(exc), 1)
    if as_json:
        click.echo(dumps(report.as_json()))
    else:
        dropped = f" · dropped {report.controls_dropped} control characters" if report.controls_dropped else ""
        click.echo(safe(
            f"{report.chunks} chunks in {settings.index_dir}/ · added {report.added}, updated {report.updated}, "
            f"removed {report.removed}, unchanged {report.unchanged}, failed {len(report.failed)} "
            f"· {report.seconds:.1f} s{dropped}"
        ))
        for item in report.failed:
            click.echo(safe(f"  failed: {item['error']}"), err=True)
        for path in report.skipped:
            click.echo(safe(f"  skipped (documentation): {path}"), err=True)
    sys.exit(1 if report.failed else 0)


def _format_hit(number: int, hit) -> str:
    """A hit as readable lines."""
    c = hit.chunk
    where = " · ".join(
        x for x in (c.dossier_abbr or c.dossier, c.version, c.profile, c.code, c.title) if x
    )
    also = f" (ook in: {', '.join(hit.also_in)})" if hit.also_in else ""
    lines = [f"{number}. [{c.kind}] {where}{also}", f"   {c.source} {c.location.label()} · score {hit.score:.4f}"]
    if hit.best_sentence:
        lines.append(f"   “{hit.best_sentence}”")
    return safe("\n".join(lines))


@main.command()
@click.argument("query", required=False)
@click.option(
    "--batch",
    type=click.File("r", encoding="utf-8", errors="replace"),
    help="File with one query per line; output is JSON Lines with --json.",
)
@click.option("-k", "k", type=click.IntRange(1, 100), default=5, show_default=True, help="Number of hits.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON: {query, hits, answer}.")
@click.option("--dossier", help="Only this dossier (name or abbreviation, e.g. OA).")
@click.option("--profile", help="Only this profile (name or abbreviation).")
@click.option("--version", "version", help="Only this dossier version (e.g. 2015-08-01).")
@click.option("--kind", help="Only this kind (werkproces, kerntaak, competentieniveau, ...).")
@click.option("--level", help="Only this competence level (1-4).")
@INDEX_OPTION
def search(query, batch, k, as_json, dossier, profile, version, kind, level, index_dir) -> None:
    """Search the index for QUERY (Dutch or English).

    With --json, beside the ranked "hits" an "answer" object tells the question type (lookup, list,
    compare, competence, not_found), the "gelezen als" reading and, for lists, the complete "items".
    Exit 0 with results (an empty list is a result), 2 for bad input, 1 when the index is
    missing, damaged or built with another embedder.

    \b
    Example:
      assistant search "welke werkprocessen heeft de thuisbegeleider?" --json
    """
    from assistant.conversation import Constraints
    from assistant.embedders import EmbedderError, load
    from assistant.index import IndexUnavailable, open_index
    from assistant.retrieval import BadQuery, Filters, clean_query, valid_text
    from assistant.retrieval import search as run_search

    if (query is None) == (batch is None):
        fail("geef een vraag of --batch FILE (give a QUERY or --batch FILE)", 2)
    if level is not None and not re.fullmatch(r"[0-9]{1,3}", level.strip()):
        fail(f"onbekend niveau {valid_text(level)!r}; kies uit: 1, 2, 3, 4", 2)
    filters = Filters(dossier=dossier, profile=profile, version=version, kind=kind,
                      level=int(level) if level is not None else None)
    settings = Settings.from_env(index_dir)
    try:
        index = open_index(settings)
        if query is not None:
            from assistant.retrieval import validate_filters

            clean_query(query)
            validate_filters(filters, index.vocabulary)
        embedder = load(settings.embedder)
    except IndexUnavailable as exc:
        fail(str(exc), 1)
    except EmbedderError as exc:
        fail(str(exc), 1)
    except BadQuery as exc:
        fail(str(exc), 2)

    def answer(text: str) -> list:
        return run_search(index, embedder, text, k=k, filters=filters)

    library = None

    def typed(text: str) -> dict:
        """The ``answer`` object: the question type and, for lists, the complete items (interface.md)."""
        nonlocal library
        from assistant.dialogue import respond
        from assistant.replies import Library

        if library is None:
            library = Library.of(index)
        ui = Constraints(*(str(v or "") for v in (dossier, profile, version, kind, level)))
        searcher = lambda q, f, n: run_search(index, embedder, q, k=n, filters=f)  # noqa: E731
        return respond(clean_query(text), None, ui, library, searcher).reply.as_json()

    if query is not None:
        try:
            hits = answer(query)
        except BadQuery as exc:
            fail(str(exc), 2)
        except IndexUnavailable as exc:
            fail(str(exc), 1)
        if as_json:
            click.echo(dumps({"query": valid_text(query), "hits": [h.as_json() for h in hits],
                              "answer": typed(query)}))
        elif not hits:
            click.echo("Geen resultaten (no results).")
        else:
            click.echo("\n".join(_format_hit(i, h) for i, h in enumerate(hits, start=1)))
        return
    bad = 0
    for line in batch:
        text = line.rstrip("\r\n")
        try:
            hits = answer(text)
            record = {"query": valid_text(text), "hits": [h.as_json() for h in hits]}
            if as_json:
                record["answer"] = typed(text)
        except BadQuery as exc:
            bad += 1
            record = {"query": valid_text(text), "hits": [], "error": str(exc)}
        if as_json:
            click.echo(dumps(record))
        else:
            click.echo(safe(f"# {valid_text(text)}"))
            click.echo(safe(record.get("error") or "\n".join(_format_hit(i, h) for i, h in enumerate(hits, start=1))))
    if bad:
        fail(f"{bad} lege of ongeldige vragen in --batch (empty or invalid queries)", 2)


@main.command("eval")
@click.option(
    "--set",
    "question_set",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="Question set (JSON Lines; default: eval/questions.jsonl).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the metrics as one JSON object.")
@INDEX_OPTION
def evaluate_command(question_set: Path | None, as_json: bool, index_dir: Path | None) -> None:
    """Evaluate retrieval: S@1, S@5, MRR@10 and nDCG@10, overall, per language and per user type."""
    from assistant.embedders import EmbedderError, load
    from assistant.evaluation import evaluate, grouped, load_questions
    from assistant.index import IndexUnavailable, open_index
    from assistant.retrieval import search as run_search
    from assistant.settings import PROJECT_ROOT

    path = question_set or PROJECT_ROOT / "eval" / "questions.jsonl"
    try:
        questions = load_questions(path)
    except (OSError, ValueError) as exc:
        fail(str(exc), 2)
    settings = Settings.from_env(index_dir)
    try:
        index = open_index(settings)
        embedder = load(settings.embedder)
    except (IndexUnavailable, EmbedderError) as exc:
        fail(str(exc), 1)
    report = evaluate(questions, lambda q: run_search(index, embedder, q, k=10), grouped(index.chunks))
    report = {"set": str(path), "questions": len(questions), "embedder": index.embedder_id, **report}
    if as_json:
        click.echo(dumps(report))
        return
    header = f"{'':<22}{'n':>5}{'S@1':>8}{'S@5':>8}{'MRR@10':>8}{'nDCG@10':>9}"
    lines = [f"{len(questions)} questions · {path.name} · embedder {index.embedder_id}", header]

    def row(label: str, scores: dict) -> str:
        return (f"{label:<22}{scores['n']:>5}{scores['S@1']:>8.3f}{scores['S@5']:>8.3f}"
                f"{scores['MRR@10']:>8.3f}{scores['nDCG@10']:>9.3f}")

    lines.append(row("overall", report["overall"]))
    for group in ("per_language", "per_user", "per_type"):
        for label, scores in report[group].items():
            lines.append(row(f"{group.split('_')[1]}: {label}", scores))
    lines.append(f"mean query time: {report['mean_query_ms']} ms")
    click.echo(safe("\n".join(lines)))


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option("--quick", is_flag=True, help="Only the bundled corpus and 10k chunks, one full ingest (a smoke run).")
def bench(as_json: bool, quick: bool) -> None:
    """Run the benchmark suite: ingest throughput, and query latency at 3 corpus sizes (a few minutes)."""
    from assistant.bench import SIZES, run_bench

    settings = Settings.from_env()
    try:
        result = run_bench(settings.embedder, sizes=SIZES[:2] if quick else SIZES, repeats=1 if quick else 3)
    except RuntimeError as exc:
        fail(str(exc), 1)
    if as_json:
        click.echo(dumps(result))
        return
    m, ing = result["machine"], result["ingest"]
    click.echo(safe(f"embedder {result['embedder']} · {m['cpu']} · {m['cores']} cores · {m['memory_gb']} GB"))
    click.echo(
        f"ingest: {ing['chunks']} chunks in {ing['seconds']} s (median) = {ing['chunks_per_s']} chunks/s; "
        f"no-op re-ingest {ing['noop_seconds']} s"
    )
    click.echo(f"{'chunks':>8} {'p50 ms':>8} {'p95 ms':>8} {'floor p50':>10} {'p50/floor':>10} {'RSS MB':>8} "
               f"{'ready s':>8}  synthetic")
    for row in result["query"]:
        ratio = row["p50_ms"] / row["floor_p50_ms"] if row["floor_p50_ms"] else float("nan")
        click.echo(
            f"{row['chunks']:>8} {row['p50_ms']:>8} {row['p95_ms']:>8} {row['floor_p50_ms']:>10} {ratio:>10.2f} "
            f"{row['rss_mb']:>8} {row['ready_s']:>8}  {'yes' if row['synthetic'] else 'no'}"
        )
    click.echo(safe(result["note"]))


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind (keep it local).")
@click.option("--port", type=click.IntRange(1, 65535), default=7860, show_default=True, help="Port.")
@INDEX_OPTION
def serve(host: str, port: int, index_dir: Path | None) -> None:
    """Start the chat UI (the same app as `python app.py`)."""
    from assistant.webapp import build_app, launch

    launch(build_app(Settings.from_env(index_dir)), host=host, port=port)


@main.command("scan")
@click.argument("theme", nargs=-1)
@click.option("--terms", help="Replace the expansion: comma-separated terms ('overleg, af|stemmen, collega:0.5, "
                              "-teamleider'); see the expansion in the output first.")
@click.option("--dossier", help="Only this dossier (name or abbreviation, e.g. OA).")
@click.option("--version", "version", help="Only this dossier version (e.g. 2021-08-01).")
@click.option("--profile", help="Only this profile (name or abbreviation).")
@click.option("--format", "fmt", type=click.Choice(["md", "csv", "json"]), default="md", show_default=True,
              help="Markdown overview, CSV (one row per anchor) or JSON.")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help="Write to this file instead of stdout.")
@click.option("--dense", is_flag=True,
              help="Add the embedder's theme similarity to the score (see docs/theme-scan.md).")
@INDEX_OPTION
def scan_command(theme, terms, dossier, version, profile, fmt, output, dense, index_dir) -> None:
    """Theme scan: every werkproces, kerntaak, profile text and competence level where THEME occurs.

    \b
    Example:
        assistant scan "interprofessioneel samenwerken"
        assistant scan "veiligheid, risico's" --dossier PW --format csv -o veiligheid.csv
        assistant scan "methodisch werken" "privacy" "working with volunteers" --format csv -o matrix.csv

    THEME is a phrase or a few, comma-separated, Dutch or English. Output per dossier and profile in
    document order: the sentences that carry the theme with their citation, kern/zijdelings, and a matrix
    of anchors per kerntaak. Several THEMEs give one werkproces × themes matrix instead. Exit 0 with
    results (none found is a result: "niet gevonden" with suggestions), 2 for bad input, 1 when the index
    is missing or the output file cannot be written.
    """
    from assistant import themes
    from assistant.embedders import EmbedderError, load
    from assistant.index import IndexUnavailable, open_index
    from assistant.retrieval import BadQuery, Filters, valid_text, validate_filters
    from assistant.store import StoreError
    from assistant.terminal import safe
    from assistant.themes.render import render_themes
    from assistant.themes.scan import DENSE_WEIGHT, dense_similarities

    chosen = [valid_text(t) for t in theme] or [""]
    try:
        for item in chosen:
            themes.check_theme(item)
        if terms is not None:
            themes.parse_terms(valid_text(terms))
    except themes.BadTheme as exc:
        fail(safe(str(exc)), 2)
    settings = Settings.from_env(index_dir)
    similarities = None
    results = []
    try:
        index = open_index(settings)
        validate_filters(Filters(dossier=dossier, profile=profile, version=version), index.vocabulary)
        for item in chosen:
            if dense:
                similarities = dense_similarities(index, load(settings.embedder), item)
            results.append(themes.scan(index, item, terms=valid_text(terms) if terms else None, dossier=dossier,
                                       version=version, profile=profile, similarities=similarities,
                                       dense_weight=DENSE_WEIGHT if dense else 0.0))
    except (IndexUnavailable, EmbedderError, StoreError) as exc:
        fail(safe(str(exc)), 1)
    except (BadQuery, themes.BadTheme) as exc:
        fail(safe(str(exc)), 2)
    for note in dict.fromkeys(n for r in results for n in r.notes):
        click.echo(safe(note), err=True)
    if len(results) > 1:
        text = render_themes(results, fmt)
        summary = "; ".join(f"{r.theme}: {r.counts()['kern']} kern, {r.counts()['zijdelings']} zijdelings"
                            for r in results)
    else:
        text = themes.render(results[0], fmt)
        counts = results[0].counts()
        summary = (f"{counts['anchors']} ankerpunten ({counts['kern']} kern, {counts['zijdelings']} zijdelings) · "
                   f"{results[0].scanned} eenheden gescand")
    missing = [r for r in results if not r.anchors]
    hint = "; ".join(f"{r.theme}: niet gevonden (not found)" + (
        f"; probeer: {', '.join(r.suggestions)}" if r.suggestions else "") for r in missing)
    if output is not None:
        try:
            themes.write_output(text, output, fmt)
        except themes.ExportError as exc:
            fail(safe(str(exc)), 1)
        click.echo(safe(hint or f"{summary} → {output}"))
        return
    click.echo(safe(text), nl=not text.endswith("\n"))
    if hint and (fmt != "md" or len(results) > 1):
        click.echo(safe(hint), err=True)


from assistant.cli_sources import remove_command, sources_command  # noqa: E402 - registered once main exists

main.add_command(sources_command)
main.add_command(remove_command)


def run() -> None:
    """Console-script entry point: no traceback ever reaches the user."""
    try:
        code = main.main(standalone_mode=False)
    except SystemExit:
        raise
    except click.ClickException as exc:  # usage errors: click's own message, exit 2
        exc.show()
        sys.exit(exc.exit_code)
    except (click.Abort, KeyboardInterrupt):
        fail("onderbroken (interrupted)", 130)
    except Exception as exc:  # noqa: BLE001 - last line of defence
        fail(f"onverwachte fout (unexpected error): {type(exc).__name__}: {exc}", 1)
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    run()

from assistant.cli_curriculum import crosswalk, show  # noqa: E402 - the curriculum commands (issue 12)

main.add_command(show)
main.add_command(crosswalk)
