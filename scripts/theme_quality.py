"""Quality and speed of the theme scan (assistant.themescan), as reported in docs/theme-scan.md.

For every judged key in eval/themes/*.json it runs the scan on an index of the bundled corpus and prints:

* precision: judged-relevant units among the units the scan lists (identical passages shown once with
  "ook in" count for every dossier they stand in; units outside a key's judging pool count as not relevant);
* recall against the judged key;
* for "interprofessioneel samenwerken": recall against the curriculum extract itself - every werkproces
  heading in data/ankerpunten-interprofessioneel-samenwerken-kd.txt (found by a regex on the raw text);
* agreement of the scan's kern/zijdelings label with the judged grade (2 = kern, 1 = zijdelings);
* the same figures for the expansion as first written (``terms_as_written`` in the key), with the dense
  similarity added (``--dense``), and for dense retrieval alone (top-N, N = number of units the scan lists);
* scan time: building the sentence corpus (once per index), the scan itself, and the whole CLI command.

Usage::

    .venv/bin/assistant ingest --index /tmp/scan-ix
    .venv/bin/python scripts/theme_quality.py --index /tmp/scan-ix              # print the tables
    .venv/bin/python scripts/theme_quality.py --index /tmp/scan-ix --write-doc  # refresh docs/theme-scan.md
    .venv/bin/python scripts/theme_quality.py --index /tmp/scan-ix --check-doc  # exit 1 if the doc is stale

``--sentences`` adds a sentence-level dense baseline (embeds every sentence of the corpus: ~15 s);
``--no-dense`` skips everything that needs the embedder.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from assistant import themescan  # noqa: E402
from assistant.index import IndexUnavailable, open_index  # noqa: E402
from assistant.settings import Settings  # noqa: E402

KEYS = ROOT / "eval" / "themes"
EXTRACT = ROOT / "data" / "ankerpunten-interprofessioneel-samenwerken-kd.txt"
DOC = ROOT / "docs" / "theme-scan.md"
EXTRACT_THEME = "interprofessioneel samenwerken"
HEADING = re.compile(r"^\s*([BP][1-9I]-K[0-9I]+-W[A-Za-z]?[0-9]+)\s*:", re.MULTILINE)
START, END = "<!-- theme-quality:start -->", "<!-- theme-quality:end -->"


def extract_headings(path: Path = EXTRACT) -> dict[int, str]:
    """Line number → raw code of every werkproces heading in the curriculum extract (the human answer key)."""
    found = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        match = HEADING.match(line)
        if match:
            found[number] = match.group(1)
    return found


def extract_recall(result: themescan.ScanResult, headings: dict[int, str], source: str) -> tuple[int, list[str]]:
    """How many extract werkprocessen the scan lists (a heading counts when a listed unit starts on its line)."""
    starts = {u.chunk.location.start for a in result.anchors for u in a.members
              if u.chunk.source == source and u.chunk.kind == "werkproces"}
    missing = [f"{code} (r. {line})" for line, code in headings.items() if line not in starts]
    return len(headings) - len(missing), missing


@dataclass
class Figures:
    listed: int
    units: int
    precision: float
    recall: float
    agreement: float | None = None


def figures(found: set[str], relevant: set[str], grades: dict[str, int] | None = None,
            labels: dict[str, str] | None = None, listed: int | None = None) -> Figures:
    hit = found & relevant
    agreement = None
    if grades is not None and labels is not None and hit:
        agreement = sum(1 for ref in hit if (labels[ref] == "kern") == (grades[ref] == 2)) / len(hit)
    return Figures(listed if listed is not None else len(found), len(found),
                   len(hit) / len(found) if found else 0.0, len(hit) / len(relevant) if relevant else 0.0, agreement)


def load_keys(directory: Path) -> list[dict]:
    keys = [json.loads(path.read_text(encoding="utf-8")) | {"file": path.name}
            for path in sorted(directory.glob("*.json"))]
    return sorted(keys, key=lambda key: (key["theme"] != EXTRACT_THEME, key["theme"]))


def median_seconds(function, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def cli_seconds(index_dir: Path, theme: str, runs: int) -> float:
    script = Path(sys.executable).parent / "assistant"
    command = [str(script)] if script.exists() else [sys.executable, "-c", "from assistant.cli import run; run()"]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "scan.md"

        def once() -> None:
            subprocess.run([*command, "scan", theme, "--index", str(index_dir), "-o", str(out)], check=True,
                           capture_output=True)

        return median_seconds(once, runs)


def pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def quality_table(index, keys: list[dict], dense: bool, sentences: bool) -> tuple[str, dict]:
    """The deterministic part: one block of Markdown tables, and the same figures as JSON."""
    corpus = themescan.corpus_for(index)
    refs = {u.ref for u in corpus.units}
    embedder = None
    if dense:
        from assistant.embedders import load

        embedder = load(index.settings.embedder)
    rows, extra_rows, notes, report = [], [], [], {}
    headings = extract_headings()
    for key in keys:
        theme = key["theme"]
        grades = {u["ref"]: u["grade"] for u in key["units"]}
        unknown = [ref for ref in grades if ref not in refs]
        relevant = {ref for ref, grade in grades.items() if grade > 0 and ref in refs}
        result = themescan.scan(index, theme)
        labels = {u.ref: a.strength for a in result.anchors for u in a.members}
        main = figures(result.found_refs(), relevant, grades, labels, len(result.anchors))
        entry = {"theme": theme, "key": key["file"], "judged_units": len(grades), "relevant": len(relevant),
                 "unknown_refs": len(unknown), "scan": vars(main)}
        extract = "–"
        if theme == EXTRACT_THEME:
            found, missing = extract_recall(result, headings, EXTRACT.name)
            extract = f"{found}/{len(headings)} = {found / len(headings):.3f}"
            entry["extract_recall"] = {"found": found, "total": len(headings), "missing": missing}
            in_extract = {u.ref for u in corpus.units if u.chunk.source == EXTRACT.name
                          and u.chunk.kind == "werkproces" and u.chunk.location.start in headings}
            added = result.found_refs() - in_extract
            sbb = {ref for ref in added if ref.split(":", 1)[0].endswith(".xml")}
            notes.append(
                f"{theme}: beyond the extract's {len(in_extract)} werkprocessen the scan lists {len(added)} units, "
                f"precision {len(added & relevant) / len(added):.3f}; of those, {len(sbb)} in the 2015 SBB "
                f"dossiers, precision {len(sbb & relevant) / len(sbb):.3f}.")
            entry["additions"] = {"units": len(added), "precision": len(added & relevant) / len(added),
                                  "sbb_units": len(sbb), "sbb_precision": len(sbb & relevant) / len(sbb)}
        rows.append(f"| {theme} | {len(relevant)} / {len(grades)} | {main.listed} ({main.units}) | "
                    f"{pct(main.precision)} | {pct(main.recall)} | {extract} | {pct(main.agreement)} |")
        variants: list[tuple[str, Figures]] = []
        if key.get("terms_as_written"):
            first = themescan.scan(index, theme, terms=key["terms_as_written"])
            variants.append(("expansion as first written", figures(first.found_refs(), relevant,
                                                                    listed=len(first.anchors))))
        if embedder is not None:
            sims = themescan.dense_similarities(index, embedder, theme)
            with_dense = themescan.scan(index, theme, similarities=sims, dense_weight=themescan.DENSE_WEIGHT)
            variants.append((f"+ dense (--dense, weight {themescan.DENSE_WEIGHT:g})",
                             figures(with_dense.found_refs(), relevant, listed=len(with_dense.anchors))))
            top = set(sorted(sims, key=lambda ref: -sims[ref])[: main.units])
            variants.append((f"dense alone, best {main.units} units (chunk vectors)", figures(top, relevant)))
            if sentences:
                best = sentence_similarities(corpus, embedder, theme)
                top = set(sorted(best, key=lambda ref: -best[ref])[: main.units])
                variants.append((f"dense alone, best {main.units} units (sentence vectors)", figures(top, relevant)))
        for label, fig in variants:
            extra_rows.append(f"| {theme} | {label} | {fig.listed} ({fig.units}) | {pct(fig.precision)} | "
                              f"{pct(fig.recall)} |")
            entry.setdefault("variants", {})[label] = vars(fig)
        report[theme] = entry
    lines = [
        "| theme | relevant / judged units | listed (units incl. \"ook in\") | precision | recall (judged key) "
        "| recall (extract werkprocessen) | kern/zijdelings agreement |",
        "|---|---:|---:|---:|---:|---:|---:|",
        *rows,
    ]
    if notes:
        lines += ["", *notes]
    if extra_rows:
        lines += ["", "| theme | variant | listed (units) | precision | recall (judged key) |",
                  "|---|---|---:|---:|---:|", *extra_rows]
    return "\n".join(lines), report


_SENTENCE_VECTORS: dict = {}


def sentence_similarities(corpus, embedder, theme: str) -> dict[str, float]:
    """The best cosine between the theme and any sentence of each unit (all sentences embedded once)."""
    if "vectors" not in _SENTENCE_VECTORS:
        pairs = [(u.ref, s.text) for u in corpus.units for s in u.sentences]
        _SENTENCE_VECTORS["pairs"] = pairs
        _SENTENCE_VECTORS["vectors"] = embedder.embed_batch([text for _, text in pairs])
    query = embedder.embed_batch([theme], query=True)[0]
    best: dict[str, float] = {}
    for (ref, _), value in zip(_SENTENCE_VECTORS["pairs"], _SENTENCE_VECTORS["vectors"] @ query, strict=True):
        best[ref] = max(best.get(ref, -1.0), float(value))
    return best


def timing_table(index, index_dir: Path, keys: list[dict], runs: int) -> tuple[str, dict]:
    themescan._CORPORA.clear()
    corpus_seconds = median_seconds(lambda: themescan.Corpus.from_chunks(index.chunks), runs)
    themescan.corpus_for(index)
    lines = [f"| theme | scan (median of {runs}, corpus ready) | CLI `assistant scan THEME -o FILE` (median of 3) |",
             "|---|---:|---:|"]
    report = {"corpus_build_s": round(corpus_seconds, 3), "themes": {}}
    for key in keys:
        theme = key["theme"]
        themescan.scan(index, theme)  # compile the terms once
        scan_seconds = median_seconds(lambda theme=theme: themescan.scan(index, theme), runs)
        cli = cli_seconds(index_dir, theme, 3)
        lines.append(f"| {theme} | {scan_seconds:.3f} s | {cli:.2f} s |")
        report["themes"][theme] = {"scan_s": round(scan_seconds, 3), "cli_s": round(cli, 2)}
    lines.append(f"\nBuilding the sentence corpus (once per index and process): {corpus_seconds:.3f} s "
                 f"({len(index.chunks)} chunks, {len(themescan.corpus_for(index).units)} units).")
    return "\n".join(lines), report


def replace_block(text: str, block: str) -> str:
    start, end = text.index(START) + len(START), text.index(END)
    return text[:start] + "\n" + block + "\n" + text[end:]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--index", type=Path, default=None, help="index directory (default $ASSISTANT_INDEX or index/)")
    parser.add_argument("--keys", type=Path, default=KEYS, help="folder with judged keys (*.json)")
    parser.add_argument("--runs", type=int, default=5, help="timing runs per theme (median)")
    parser.add_argument("--no-dense", action="store_true", help="skip the dense variants (no embedder)")
    parser.add_argument("--sentences", action="store_true", help="also the sentence-vector baseline (~15 s)")
    parser.add_argument("--no-timing", action="store_true", help="skip the timing table")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--write-doc", action="store_true", help=f"write the quality tables into {DOC.name}")
    parser.add_argument("--check-doc", action="store_true", help=f"exit 1 when {DOC.name} has other figures")
    args = parser.parse_args()
    settings = Settings.from_env(args.index)
    try:
        index = open_index(settings)
    except IndexUnavailable as exc:
        print(f"theme_quality: {exc}", file=sys.stderr)
        return 1
    keys = load_keys(args.keys)
    if not keys:
        print(f"theme_quality: no keys in {args.keys}", file=sys.stderr)
        return 1
    table, report = quality_table(index, keys, dense=not args.no_dense, sentences=args.sentences)
    if args.check_doc:
        current = DOC.read_text(encoding="utf-8")
        if replace_block(current, table) != current:
            print(f"theme_quality: {DOC} has other figures than the scan gives now; run with --write-doc",
                  file=sys.stderr)
            print(table)
            return 1
        print(f"{DOC.name}: figures up to date")
        return 0
    timing = None
    if not args.no_timing:
        timing, times = timing_table(index, settings.index_dir, keys, args.runs)
        report["timing"] = times
    if args.write_doc:
        DOC.write_text(replace_block(DOC.read_text(encoding="utf-8"), table), encoding="utf-8")
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
        return 0
    print(table)
    for entry in report.values():
        if isinstance(entry, dict) and entry.get("extract_recall", {}).get("missing"):
            print(f"\nnot found in the extract: {', '.join(entry['extract_recall']['missing'])}")
        if isinstance(entry, dict) and entry.get("unknown_refs"):
            print(f"\n{entry['key']}: {entry['unknown_refs']} judged units are not in this index (other parser?)")
    if timing:
        print("\n" + timing)
    return 0


if __name__ == "__main__":
    sys.exit(main())
