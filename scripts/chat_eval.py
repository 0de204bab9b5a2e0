"""Measure the chat on its judged question set: routing, werkprocessen listed, language, per split.

Usage:
    python scripts/chat_eval.py [--set FILE ...] [--index DIR] [--json] [--split tune|tune2|test]
        [--show] [--baseline] [--no-sbb-english] [--no-question-words] [--no-evidence]

By default it reads ``eval/chat/questions.jsonl`` (splits tune and test) and, when it exists,
``eval/chat/questions_tune2.jsonl`` (a second, independently written tuning batch, reported as split
``tune2``). ``--show`` prints per-question results and refuses the test split.

Each question is asked as the chat would (a chain's turns in order, each turn seeing the previous one),
through :func:`assistant.dialogue.respond`. Per split it reports:

* ``routing``: share of questions whose reply type equals the judged ``type``;
* ``recall`` / ``precision``: of the judged ``expected`` units (refs ``source|dossier|version|profile|code|
  variant``) among the units the answer lists (list, competence and compare answers; a lookup's units are
  its hits), micro-averaged over the questions that have expected units, and macro means beside;
* ``language``: share of replies in the question's judged language;
* ``codes``: share of judged ``expected_codes`` that the rendered answer mentions (a looser check).

Example:
    python scripts/chat_eval.py --index /tmp/ix --split test
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from assistant.conversation import Constraints, Turn  # noqa: E402
from assistant.dialogue import respond  # noqa: E402
from assistant.embedders import load  # noqa: E402
from assistant.index import open_index  # noqa: E402
from assistant.names import fold  # noqa: E402
from assistant.replies import LOOKUP, Library  # noqa: E402
from assistant.reply_text import render  # noqa: E402
from assistant.retrieval import Filters, search  # noqa: E402
from assistant.settings import Settings  # noqa: E402

DEFAULT_SET = ROOT / "eval" / "chat" / "questions.jsonl"
TUNE2_SET = ROOT / "eval" / "chat" / "questions_tune2.jsonl"
TUNE2 = "tune2"
TUNE_BATCH = re.compile(r"questions_(tune\d+)[a-z]?\.jsonl$")
SHOW_ONLY_TUNE = "--show prints per-question results: use it with a tune split only (tune, tune2, tune3)"


def load_set(path: Path, split: str | None = None) -> list[dict]:
    """The judged questions, in file order; ``split`` overrides each question's split (the tune2 batch)."""
    questions = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            q = json.loads(line)
        except json.JSONDecodeError:
            print(f"{path.name}:{number}: not JSON, skipped", file=sys.stderr)
            continue
        if not isinstance(q, dict) or not {"id", "question", "type", "lang"} <= q.keys():
            print(f"{path.name}:{number}: missing keys, skipped", file=sys.stderr)
            continue
        q = {**q, "file": path.name}
        if split:
            q = {**q, "split": split}
        questions.append(q)
    return questions


def batch_split(path: Path) -> str | None:
    """The split a later tuning batch is reported as: ``questions_tune3a.jsonl`` → ``tune3``."""
    match = TUNE_BATCH.search(path.name)
    return match.group(1) if match else None


def load_sets(paths: list[Path] | None) -> list[dict]:
    """The questions of every set; by default the judged set plus the later tuning batches
    (``questions_tune2.jsonl``, ``questions_tune3a.jsonl``, …), each reported as its own split."""
    if paths:
        return [q for p in paths for q in load_set(p, batch_split(p))]
    questions = load_set(DEFAULT_SET)
    for path in sorted(DEFAULT_SET.parent.glob("questions_tune*.jsonl")):
        questions += load_set(path, batch_split(path))
    return questions


def listed_refs(reply) -> set[str]:
    """The units an answer lists, as refs (a lookup: its hits)."""
    if reply.type == LOOKUP or (not reply.items and reply.hits):
        return {ref_of(h.chunk) for h in reply.hits}
    return {i.ref for i in reply.items}


def ref_of(chunk) -> str:
    """``source|dossier|version|profile|code|variant``."""
    return "|".join(x or "" for x in (chunk.source, chunk.dossier, chunk.version, chunk.profile, chunk.code,
                                      chunk.variant))


def _chain(q: dict) -> str | None:
    """The chain key, per split and file (two batches, or two files of one batch, may both have a chain "c1")."""
    return f"{q['split']}:{q.get('file', '')}:{q['chain']}" if q.get("chain") else None


def _order(q: dict) -> tuple:
    return (q["split"], _chain(q) or q["id"], q.get("turn") or 0)


def run(questions: list[dict], library: Library, searcher) -> list[dict]:
    """Ask every question (chains in order) and record what came back."""
    turns: dict[str, Turn] = {}
    results = []
    for q in sorted(questions, key=_order):
        previous = turns.get(_chain(q)) if q.get("chain") else None
        started = time.perf_counter()
        outcome = respond(q["question"], previous, Constraints(), library, searcher)
        seconds = time.perf_counter() - started
        if q.get("chain"):
            turns[_chain(q)] = outcome.turn
        reply = outcome.reply
        text = render(reply, details=False)
        results.append({"q": q, "type": reply.type, "lang": reply.lang, "refs": listed_refs(reply), "text": text,
                        "read_as": reply.read_as, "seconds": seconds, "question": outcome.question})
    return results


def run_baseline(questions: list[dict], library: Library, searcher) -> list[dict]:
    """Today's chat before issue 14: every question a lookup, the top 5 of the (follow-up merged) question."""
    from assistant.answer import compose
    from assistant.conversation import resolve

    turns: dict[str, Turn] = {}
    results = []
    for q in sorted(questions, key=_order):
        previous = turns.get(_chain(q)) if q.get("chain") else None
        started = time.perf_counter()
        resolved = resolve(q["question"], previous, Constraints(), library.catalogue)
        hits = searcher(resolved.question, resolved.constraints.to_filters(), 5)
        seconds = time.perf_counter() - started
        if q.get("chain"):
            turns[_chain(q)] = resolved.turn
        results.append({"q": q, "type": LOOKUP, "lang": q["lang"], "refs": {ref_of(h.chunk) for h in hits},
                        "text": compose(resolved.question, hits), "read_as": "", "seconds": seconds,
                        "question": resolved.question})
    return results


def _code_found(code: str, text: str) -> bool:
    return fold(code) in fold(text)


def score(results: list[dict]) -> dict:
    """The figures of a set of results."""
    n = len(results)
    routed = sum(r["type"] == r["q"]["type"] for r in results)
    lang = sum(r["lang"] == r["q"]["lang"] for r in results)
    tp = fp = fn = 0
    recalls, precisions = [], []
    for r in results:
        expected = set(r["q"].get("expected") or [])
        if not expected or r["q"]["type"] not in ("list", "competence"):
            continue
        got = r["refs"]
        hit = len(expected & got)
        tp, fp, fn = tp + hit, fp + len(got - expected), fn + len(expected - got)
        recalls.append(hit / len(expected))
        precisions.append(hit / len(got) if got else 0.0)
    codes = [(c, r) for r in results for c in (r["q"].get("expected_codes") or [])]
    found = sum(_code_found(c, r["text"]) for c, r in codes)
    return {
        "n": n,
        "routing": round(routed / n, 3) if n else None,
        "language": round(lang / n, 3) if n else None,
        "list_questions": len(recalls),
        "recall": round(tp / (tp + fn), 3) if tp + fn else None,
        "precision": round(tp / (tp + fp), 3) if tp + fp else None,
        "recall_macro": round(sum(recalls) / len(recalls), 3) if recalls else None,
        "precision_macro": round(sum(precisions) / len(precisions), 3) if precisions else None,
        "codes": round(found / len(codes), 3) if codes else None,
        "median_ms": round(sorted(r["seconds"] for r in results)[n // 2] * 1000, 1) if n else None,
    }


def per_split(results: list[dict]) -> dict:
    """Figures per split and per type."""
    report = {}
    for split in sorted({r["q"]["split"] for r in results}):
        mine = [r for r in results if r["q"]["split"] == split]
        report[split] = score(mine)
        report[split]["per_type"] = {t: score([r for r in mine if r["q"]["type"] == t])
                                     for t in sorted({r["q"]["type"] for r in mine})}
    return report


def main(argv: list[str] | None = None) -> int:
    """Run the measurement and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", type=Path, action="append", default=None,
                        help="A judged set (repeatable; default: questions.jsonl and questions_tune2.jsonl).")
    parser.add_argument("--index", type=Path, default=None)
    parser.add_argument("--split", default=None, help="Only this split (tune, tune2, tune3 or test).")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--show", action="store_true", help="Print each question with its routing and misses.")
    parser.add_argument("--baseline", action="store_true",
                        help="Today's ranked top 5 for every question (language not measured: reported as judged).")
    parser.add_argument("--no-sbb-english", action="store_true", help="Ablation: without sbb_competences_en.json.")
    parser.add_argument("--no-question-words", action="store_true",
                        help="Ablation: without data/question_words.toml (only the retrieval stop words).")
    parser.add_argument("--no-wordfreq", action="store_true",
                        help="Ablation: no word lists (every word may be a typo; no English word is everyday).")
    parser.add_argument("--no-absent-facts", action="store_true",
                        help="Ablation: without data/absent_facts.toml (no question kind is an absent fact).")
    parser.add_argument("--no-shorthand", action="store_true",
                        help="Ablation: without data/shorthand.toml (no chat token is read as its word).")
    parser.add_argument("--no-evidence", action="store_true",
                        help="Ablation: no not_found from the corpus's evidence (assistant.evidence.not_held).")
    args = parser.parse_args(argv)
    if args.show and not (args.split or "").startswith("tune"):
        parser.error(SHOW_ONLY_TUNE)
    settings = Settings.from_env(args.index)
    index = open_index(settings)
    embedder = load(settings.embedder)
    library = Library.of(index)
    if args.no_sbb_english:
        from assistant import intent

        intent.sbb_english = lambda: {}
    if args.no_question_words:
        from assistant import intent

        intent.question_words = lambda path=None: frozenset()
    if args.no_wordfreq:
        from assistant import evidence, spelling

        spelling.is_word = evidence.is_word = lambda *args: False  # evidence imported it by name
    if args.no_shorthand:
        from assistant import dialogue

        dialogue.expand_shorthand = lambda text, lang: text  # dialogue imported it by name
    if args.no_absent_facts:
        from assistant import replies

        replies.asked_absent_fact = lambda question: None
    if args.no_evidence:
        from assistant import evidence

        evidence.not_held = lambda *a, **k: False

    def searcher(question: str, filters: Filters, k: int):
        return search(index, embedder, question, k=k, filters=filters)

    questions = load_sets(args.set)
    if args.split:
        chains = {_chain(q) for q in questions if q["split"] == args.split}
        questions = [q for q in questions if q["split"] == args.split or (_chain(q) in chains - {None})]
    if args.show and any(q["split"] == "test" for q in questions):
        parser.error(SHOW_ONLY_TUNE)
    results = (run_baseline if args.baseline else run)(questions, library, searcher)
    report = per_split(results)
    if args.show:
        for r in results:
            q = r["q"]
            expected = set(q.get("expected") or [])
            mark = "ok " if r["type"] == q["type"] else "XX "
            print(f"{mark}{q['id']} [{q['split']}] {q['type']}->{r['type']} lang {q['lang']}->{r['lang']} "
                  f"{q['question']!r}")
            print(f"      {r['read_as']}  | asked: {r['question']!r}")
            if expected and q["type"] in ("list", "competence"):
                print(f"      recall {len(expected & r['refs'])}/{len(expected)}  listed {len(r['refs'])}")
                for ref in sorted(expected - r["refs"]):
                    print(f"      - missing {ref}")
                for ref in sorted(r["refs"] - expected):
                    print(f"      + extra   {ref}")
            for code in q.get("expected_codes") or []:
                if not _code_found(code, r["text"]):
                    print(f"      ? code not in answer: {code}")
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        for split, figures in report.items():
            print(f"{split}: " + " · ".join(f"{k} {v}" for k, v in figures.items() if k != "per_type"))
            for kind, f in figures["per_type"].items():
                print(f"    {kind:<11} " + " · ".join(f"{k} {v}" for k, v in f.items() if v is not None))
    return 0


if __name__ == "__main__":
    sys.exit(main())
