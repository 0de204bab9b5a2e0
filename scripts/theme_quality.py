"""Quality and speed of the theme scan on the judged theme set (eval/themes/judged), as in docs/theme-scan.md.

Per theme: precision, recall and F1 of the kern list (werkprocessen; precision counts units judged 1 or 2 as
right, recall counts units judged 2), macro over themes and per language, for the tune split (each batch apart:
batch 2 was added in the second session, batch 3 in the fourth round as the fresh check, tune data from the
fifth round; batch 4 in the fifth round as its fresh check, tune data from the sixth session; batch 5 in the
sixth session as its fresh check, on which no setting was chosen) or the test split (aggregates only: the
test themes' own figures are never printed);
judge agreement (F1 between judges) for the double-judged themes; the corpus overview check (share of the
extract's 38 werkprocessen listed as kern); an ablation (each part of the method off) with time per scan.

Usage::

    .venv/bin/assistant ingest --index /tmp/scan-ix
    .venv/bin/python scripts/theme_quality.py --index /tmp/scan-ix --split tune      # each batch apart
    .venv/bin/python scripts/theme_quality.py --index /tmp/scan-ix --split batch6    # the fresh check only
    .venv/bin/python scripts/theme_quality.py --index /tmp/scan-ix --split test --ablation
    .venv/bin/python scripts/theme_quality.py --index /tmp/scan-ix --split tune --sweep kern_score=2,2.5,3,3.5,4
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from dataclasses import fields, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from assistant.index import IndexUnavailable, open_index  # noqa: E402
from assistant.settings import Settings  # noqa: E402
from assistant.themes import ScanSettings, corpus_for, scan  # noqa: E402
from assistant.themes.judged import agreement, load_judgments, load_themes, macro, score_kern  # noqa: E402
from assistant.themes.vectors import meaning_for  # noqa: E402

EXTRACT = ROOT / "data" / "ankerpunten-interprofessioneel-samenwerken-kd.txt"
HEADING = re.compile(r"^\s*([BP][1-9I]-K[0-9I]+-W[A-Za-z]?[0-9]+)\s*:", re.MULTILINE)
ABLATION = ("thesaurus", "glossary", "glossary_dutch", "compounds", "morphology", "near", "sense", "feedback", "dense",
            "specificity", "conjuncts", "translate", "near_keep", "dense_kern", "conjuncts_translated",
            "participles_apart", "cognates_translated", "forms_once", "glossary_concepts",
            "near_heads_apart", "translate_english_only", "thesaurus_typed", "translations_partnered",
            "absent_rarest", "alternatives_once", "spread_rarest")


def open_or_explain(index_dir: Path):
    """The index at ``index_dir`` (the bundled ``use`` embedder), or None after one line on stderr."""
    try:
        return open_index(Settings(index_dir=index_dir, embedder="use"))
    except IndexUnavailable as exc:
        print(exc, file=sys.stderr)
        return None


def kern_refs(result) -> set[str]:
    """Judged refs of every werkproces the scan labels kern (identical passages included)."""
    return {m.judged_ref for a in result.anchors if a.strength == "kern" for m in a.members
            if m.chunk.kind == "werkproces"}


def overview_share(index, settings: ScanSettings) -> tuple[float, int, int]:
    """Share of the extract's werkprocessen labelled kern by a scan for its own theme."""
    lines = EXTRACT.read_text(encoding="utf-8").splitlines()
    starts = {n for n, line in enumerate(lines, start=1) if HEADING.match(line)}
    result = scan(index, "interprofessioneel samenwerken", settings=settings, budget=120)
    kern = {m.chunk.location.start for a in result.anchors if a.strength == "kern" for m in a.members
            if m.chunk.source == EXTRACT.name and m.chunk.kind == "werkproces"}
    return len(kern & starts) / len(starts), len(kern & starts), len(starts)


# the tune batches the method was chosen on; batch 6 (seventh session) the fresh check of its change, batch 7 of
# its final method
DEVELOPMENT = (1, 2, 3, 4, 5)


def in_split(theme, split: str) -> bool:
    """``tune`` (every tune theme), ``dev`` (tune batches 1-4), ``batch1``…``batch5`` (the tune themes of one
    batch), ``test``, ``all``."""
    if split == "all":
        return True
    if split == "dev":
        return theme.split == "tune" and theme.batch in DEVELOPMENT
    if split.startswith("batch"):
        return theme.split == "tune" and theme.batch == int(split[5:])
    return theme.split == split


def summary(rows: list[dict]) -> dict:
    """Macro F1 overall and per language, and the lowest theme, of some rows (aggregates only)."""
    by_language = {lang: macro(r["f1"] for r in rows if r["language"] == lang) for lang in ("nl", "en")}
    return {"themes": len(rows), "macro_f1": macro(r["f1"] for r in rows), "by_language": by_language,
            "min_f1": min((r["f1"] for r in rows), default=0.0)}


def evaluate(index, settings: ScanSettings, split: str) -> dict:
    """Per theme figures (mean over its judges), macro overall and per language, mean seconds per scan."""
    themes = [t for t in load_themes() if in_split(t, split)]
    judgments = load_judgments()
    rows, seconds = [], []
    for theme in themes:
        own = [j for j in judgments if j.slug == theme.slug]
        if not own:
            continue
        started = time.perf_counter()
        result = scan(index, theme.theme, settings=settings, budget=120)
        seconds.append(time.perf_counter() - started)
        kern = kern_refs(result)
        figures = [score_kern(kern, j) for j in own]
        rows.append({"slug": theme.slug, "theme": theme.theme, "language": theme.language, "split": theme.split,
                     "batch": theme.batch, "judges": "".join(j.judge for j in own), "kern": len(kern),
                     "judged_kern": round(macro(len(j.kern()) for j in own), 1),
                     "precision": macro(f.precision for f in figures), "recall": macro(f.recall for f in figures),
                     "f1": macro(f.f1 for f in figures)})
    return {"rows": rows, **summary(rows), "seconds": statistics.mean(seconds or [0.0]),
            "batches": {b: summary([r for r in rows if r["batch"] == b]) for b in sorted({r["batch"] for r in rows})}}


def aggregate_line(name: str, figures: dict) -> str:
    lang = figures["by_language"]
    return (f"{name}: {figures['themes']} themes, macro F1 {figures['macro_f1']:.3f} (nl {lang['nl']:.3f}, "
            f"en {lang['en']:.3f}, lowest theme {figures['min_f1']:.3f})")


PARITY = ROOT / "eval" / "themes" / "parity.json"


def parity(index, settings: ScanSettings) -> list[dict]:
    """Each tune theme typed in the other language (``eval/themes/parity.json``), scored against the same
    judges: F1 in either language and the Jaccard overlap of the two kern lists."""
    other = json.loads(PARITY.read_text(encoding="utf-8"))["themes"]
    judgments = load_judgments()
    rows = []
    for theme in load_themes():
        if theme.split != "tune" or theme.slug not in other:
            continue
        own = [j for j in judgments if j.slug == theme.slug]
        if not own:
            continue
        texts = (theme.theme, other[theme.slug])
        kern = [kern_refs(scan(index, text, settings=settings, budget=120)) for text in texts]
        f1 = [macro(score_kern(k, j).f1 for j in own) for k in kern]
        union = kern[0] | kern[1]
        rows.append({"slug": theme.slug, "language": theme.language, "f1": f1[0], "other_f1": f1[1],
                     "jaccard": len(kern[0] & kern[1]) / len(union) if union else 1.0})
    return rows


def parity_lines(rows: list[dict]) -> list[str]:
    """Per tune theme and in total: F1 as Dutch and as English, and the overlap of the lists."""
    nl = [r["f1"] if r["language"] == "nl" else r["other_f1"] for r in rows]
    en = [r["other_f1"] if r["language"] == "nl" else r["f1"] for r in rows]
    lines = ["| theme | F1 in Dutch | F1 in English | kern Jaccard |", "|---|---:|---:|---:|"]
    for r, a, b in zip(rows, nl, en, strict=True):
        lines.append(f"| {r['slug']} | {a:.3f} | {b:.3f} | {r['jaccard']:.2f} |")
    lines.append(f"| **macro** | **{macro(nl):.3f}** | **{macro(en):.3f}** | {macro(r['jaccard'] for r in rows):.2f} |")
    return lines


def agreements() -> list[tuple[str, str, float]]:
    """(slug, judges, F1 between them) for every double-judged theme."""
    judgments = load_judgments()
    found = []
    for slug in dict.fromkeys(j.slug for j in judgments):
        own = [j for j in judgments if j.slug == slug]
        if len(own) >= 2:
            found.append((slug, own[0].judge + own[1].judge, agreement(own[0], own[1])))
    return found


def table(report: dict, split: str) -> str:
    """Per theme rows (never for the test themes: those are reported as aggregates only) and the aggregates."""
    lines = []
    if split != "test":
        lines += ["| theme | lang | split | batch | judged kern | scan kern | precision | recall | F1 |",
                  "|---|---|---|---:|---:|---:|---:|---:|---:|"]
        for r in report["rows"]:
            if r["split"] == "test":
                continue
            lines.append(f"| {r['theme']} | {r['language']} | {r['split']} | {r['batch']} | {r['judged_kern']:g} | "
                         f"{r['kern']} | {r['precision']:.3f} | {r['recall']:.3f} | {r['f1']:.3f} |")
        lines.append("")
    lines.append(aggregate_line(split, report))
    if split == "tune":
        lines += [aggregate_line(f"  batch {b}", figures) for b, figures in report["batches"].items()]
        if set(report["batches"]) - set(DEVELOPMENT):  # a batch beside the development ones: those together
            lines.append(aggregate_line(f"  batches 1-{max(DEVELOPMENT)} (development)",
                                        summary([r for r in report["rows"] if r["batch"] in DEVELOPMENT])))
    return "\n".join(lines)


def parse_sweep(text: str) -> tuple[str, list[float]]:
    name, _, values = text.partition("=")
    if name not in {f.name for f in fields(ScanSettings)}:
        raise SystemExit(f"unknown setting {name!r}")
    return name, [float(v) for v in values.split(",")]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--split", choices=("tune", "dev", *(f"batch{b}" for b in range(1, 24)), "test", "all"),
                        default="tune", help="tune: every tune theme, each batch apart; dev: the tune "
                        "batches 1-4 (what the method was chosen on; batch 5 is the check); test: aggregates only")
    parser.add_argument("--ablation", action="store_true", help="each part of the method switched in turn")
    parser.add_argument("--sweep", action="append", default=[], help="NAME=v1,v2,...: vary one setting")
    parser.add_argument("--set", action="append", default=[], help="NAME=v: change one setting")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--parity", action="store_true", help="tune themes typed in both languages (parity.json)")
    args = parser.parse_args()
    index = open_or_explain(args.index)
    if index is None:
        return 1
    settings = ScanSettings()
    for item in args.set:
        name, values = parse_sweep(item)
        kind = type(getattr(settings, name))
        settings = replace(settings, **{name: kind(values[0]) if kind is not bool else bool(values[0])})
    corpus = corpus_for(index)
    started = time.perf_counter()
    meaning_for(index, corpus)
    print(f"meaning vectors ready in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    report = evaluate(index, settings, args.split)
    share, found, total = overview_share(index, settings)
    if args.json:
        if args.split in ("test", "all"):
            report = {k: v for k, v in report.items() if k != "rows"}  # test themes: aggregates only
        print(json.dumps({"report": report, "overview": [found, total]}, indent=1))
    else:
        print(table(report, args.split))
        print(f"\ncorpus overview: {found}/{total} = {share:.3f} of its werkprocessen kern; "
              f"mean {report['seconds']:.3f} s per scan")
        for slug, judges, f1 in agreements():
            print(f"agreement {slug} ({judges}): F1 {f1:.3f}")
    if args.parity:
        print("\n" + "\n".join(parity_lines(parity(index, settings))))
    for item in args.sweep:
        name, values = parse_sweep(item)
        for value in values:
            kind = type(getattr(settings, name))
            variant = replace(settings, **{name: kind(value)})
            varied = evaluate(index, variant, args.split)
            _, found, total = overview_share(index, variant)
            print(f"{name}={value:g}: macro F1 {varied['macro_f1']:.3f} (nl {varied['by_language']['nl']:.3f}, "
                  f"en {varied['by_language']['en']:.3f}, min {varied['min_f1']:.3f})"
                  + "".join(f"; batch {b} {f['macro_f1']:.3f} (min {f['min_f1']:.3f})"
                            for b, f in varied["batches"].items())
                  + f"; overview {found}/{total}")
    if args.ablation:
        later = list(report["batches"]) if args.split == "tune" else []  # each batch apart
        head = "| variant | macro F1 | nl | en | min |" + "".join(f" batch {b} macro | batch {b} min |" for b in later)
        rule = "|---|---:|---:|---:|---:|" + "---:|---:|" * len(later)
        print(f"\n{head} overview kern | s/scan |\n{rule}---:|---:|")
        variants = [("default", settings)] + [
            (f"{'without' if getattr(settings, p) else 'with'} {p}", replace(settings, **{p: not getattr(settings, p)}))
            for p in ABLATION]
        for name, variant in variants:
            r = evaluate(index, variant, args.split)
            share, found, total = overview_share(index, variant)
            extra = "".join(f"{r['batches'][b]['macro_f1']:.3f} | {r['batches'][b]['min_f1']:.3f} | "
                            if b in r["batches"] else "– | – | " for b in later)
            print(f"| {name} | {r['macro_f1']:.3f} | {r['by_language']['nl']:.3f} | {r['by_language']['en']:.3f} | "
                  f"{r['min_f1']:.3f} | {extra}{found}/{total} | {r['seconds']:.3f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
