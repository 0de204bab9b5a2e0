"""Retrieval ablation: every variant on the eval set, with warm query latency.

Builds one index per embedder (bundled: use, e5, minilm) under a work folder,
then evaluates lexical-only, dense-only and hybrid variants, query
understanding on and off and part by part, and prints a Markdown table.

    .venv/bin/python scripts/ablation.py [--work /tmp/ablation] [--set eval/questions.jsonl]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
from pathlib import Path

from assistant.embedders import load
from assistant.evaluation import evaluate, grouped, load_questions
from assistant.index import open_index
from assistant.lexical import LexicalIndex, lexical_text
from assistant.retrieval import DEFAULT_CONFIG, RetrievalConfig, search
from assistant.settings import BUNDLED_CORPUS, PROJECT_ROOT, Settings
from ingest.build import run_ingest

EMBEDDERS = ("use", "e5", "minilm")


def open_for(spec: str, work: Path):
    """Build (incrementally) and open the index of one embedder."""
    settings = Settings(index_dir=work / spec, embedder=spec)
    run_ingest([BUNDLED_CORPUS], settings)
    return open_index(settings), load(spec)


def with_lexical(index, stemmer: str, compounds: bool):
    """The same index with its lexical side rebuilt with other settings."""
    lexical = LexicalIndex.build([c.id for c in index.chunks], [lexical_text(c) for c in index.chunks],
                                 stemmer=stemmer, split_compounds=compounds)
    copy = dataclasses.replace(index)
    copy.__dict__.update({k: v for k, v in index.__dict__.items() if k in ("store", "by_id", "vocabulary")})
    copy.__dict__["lexical"] = lexical
    return copy


def measure(questions, index, embedder, config: RetrievalConfig) -> dict:
    """Metrics and warm mean latency of one variant."""
    run = lambda q: search(index, embedder, q, k=10, config=config)  # noqa: E731
    for q in questions[:5]:
        run(q.question)
    started = time.perf_counter()
    report = evaluate(questions, run, grouped(index.chunks))
    report["wall_ms"] = 1000 * (time.perf_counter() - started) / len(questions)
    return report


def main() -> None:
    """Run every variant and print the table (and JSON with --json)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--work", type=Path, default=Path("/tmp/ablation"))
    parser.add_argument("--set", type=Path, default=PROJECT_ROOT / "eval" / "questions.jsonl")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    questions = load_questions(args.set)
    off = dataclasses.replace(DEFAULT_CONFIG, understanding=False)
    rows: list[tuple[str, dict]] = []
    opened = {spec: open_for(spec, args.work) for spec in EMBEDDERS}
    use_index, use_embedder = opened["use"]
    lex = dataclasses.replace(off, dense=False)
    for name, stemmer, compounds in (("dutch_porter", "dutch_porter", False), ("dutch", "dutch", False),
                                     ("dutch_porter + compounds", "dutch_porter", True)):
        index = with_lexical(use_index, stemmer, compounds)
        rows.append((f"lexical only, {name}, QU off", measure(questions, index, None, lex)))
        rows.append((f"lexical only, {name}, QU on", measure(questions, index, None,
                                                           dataclasses.replace(lex, understanding=True))))
    for spec, (index, embedder) in opened.items():
        dense = dataclasses.replace(off, lexical=False)
        rows.append((f"dense only, {spec}, QU off", measure(questions, index, embedder, dense)))
        rows.append((f"dense only, {spec}, QU on", measure(questions, index, embedder,
                                                         dataclasses.replace(dense, understanding=True))))
        rows.append((f"hybrid, {spec}, QU off", measure(questions, index, embedder, off)))
        rows.append((f"hybrid, {spec}, QU on", measure(questions, index, embedder, DEFAULT_CONFIG)))
    parts = {
        "no code/crebo routing": {"code_boost": 0.0},
        "no dossier/profile boost": {"scope_boost": 0.0, "description_boost": 0.0},
        "no level/competence boost": {"competence_boost": 0.0, "level_boost": 0.0},
        "no kind hints": {"kind_boost": 0.0},
        "no glossary": {"glossary": False},
        "no version-year boost": {"year_boost": 0.0},
        "no phrase bonus": {"phrase_boost": 0.0},
        "+ translated dense query": {"translated_query": True},
        "lexical weight 1.0": {"lexical_weight": 1.0},
        "lexical weight 2.0": {"lexical_weight": 2.0},
        "RRF fusion (k=60) instead of scores": {"fusion": "rrf", "lexical_weight": 1.0},
    }
    for label, change in parts.items():
        config = dataclasses.replace(DEFAULT_CONFIG, **change)
        rows.append((f"hybrid, use, QU on, {label}", measure(questions, use_index, use_embedder, config)))
    if args.json:
        json.dump([{"variant": n, **r} for n, r in rows], sys.stdout, ensure_ascii=False)
        return
    print(f"{len(questions)} questions ({args.set.name}); metrics at k=10; latency = warm mean per query\n")
    print("| variant | S@1 | S@5 | MRR@10 | nDCG@10 | S@5 en | S@5 nl | ms/query |")
    print("|---|---|---|---|---|---|---|---|")
    for name, r in rows:
        o, lang = r["overall"], r["per_language"]
        print(f"| {name} | {o['S@1']:.3f} | {o['S@5']:.3f} | {o['MRR@10']:.3f} | {o['nDCG@10']:.3f} | "
              f"{lang.get('en', {}).get('S@5', 0):.3f} | {lang.get('nl', {}).get('S@5', 0):.3f} | "
              f"{r['wall_ms']:.1f} |")


if __name__ == "__main__":
    main()
