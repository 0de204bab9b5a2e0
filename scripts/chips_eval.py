"""Check the applied-filter chips on judged question sets: does one click remove exactly that filter?

Usage:
    python scripts/chips_eval.py [--index DIR] [--set FILE ...] [--ui dossier=... ...] [--json] [--show]

Every question is asked as the chat would (a chain's turns in order in ``eval/chat/questions.jsonl``);
for each chip of each answer the question is asked again without it (:func:`assistant.filter_chips.without`).
It reports:

* ``chips``: chips shown, by source (ui, conversation, question);
* ``removed``: share of removals after which that filter (field and value) is no longer applied;
* ``kept``: share of removals after which every other chip is still applied;
* ``errors``: removals that raised (should be 0).

Example:
    python scripts/chips_eval.py --index /tmp/ix --ui version=2015-08-01
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from assistant.conversation import Constraints  # noqa: E402
from assistant.filter_chips import Asked, applied_filters, without  # noqa: E402
from assistant.settings import Settings  # noqa: E402
from assistant.webapp import Assistant  # noqa: E402

SETS = (ROOT / "eval" / "chat" / "questions.jsonl", ROOT / "eval" / "questions.jsonl")


def _key(chip) -> tuple[str, str]:
    field = "version" if chip.field == "year" else chip.field
    return field, chip.value[:4] if field == "version" else chip.value


def chains(path: Path) -> list[list[str]]:
    """The questions of a set, a chain's turns together in order."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    grouped: dict[str, list[tuple[int, str]]] = {}
    for row in rows:
        grouped.setdefault(row.get("chain") or row["id"], []).append((row.get("turn") or 1, row["question"]))
    return [[q for _, q in sorted(turns)] for turns in grouped.values()]


def check(assistant: Assistant, questions: list[str], ui: Constraints, stats: Counter, show: bool) -> None:
    turn = None
    for question in questions:
        outcome = assistant.reply(question, turn, ui)
        chips = applied_filters(outcome.reply, ui, assistant.catalogue, outcome.turn.constraints)
        asked = Asked(question, turn, ui, Constraints(), outcome.question, outcome.turn.constraints,
                      outcome.reply.lang)
        for chip in chips:
            stats[f"chips_{chip.source}"] += 1
            try:
                again = without(asked, chip, ui)
                if not again.message.strip():
                    stats["emptied"] += 1
                    continue
                redo = assistant.reply(again.message, again.before, again.ui.merged(again.extra))
                left = applied_filters(redo.reply, again.ui, assistant.catalogue, again.extra)
            except Exception as exc:  # noqa: BLE001 - counted and shown: this is what the check is for
                stats["errors"] += 1
                print(f"ERROR {question!r} {chip}: {exc}", file=sys.stderr)
                continue
            stats["removals"] += 1
            now = {_key(c) for c in left}
            gone = _key(chip) not in now
            others = {_key(c) for c in chips if c is not chip}
            stats["removed"] += gone
            stats["kept"] += others <= now
            if show and (not gone or not others <= now):
                print(f"{question!r} -{_key(chip)} -> {again.message!r}: {sorted(now)}")
        turn = outcome.turn


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--index", default="index")
    parser.add_argument("--set", action="append", type=Path)
    parser.add_argument("--ui", action="append", default=[], help="a dropdown value, as field=value")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--show", action="store_true", help="print the removals that did not hold")
    args = parser.parse_args()
    ui = Constraints(**dict(item.split("=", 1) for item in args.ui))
    assistant = Assistant(Settings(index_dir=Path(args.index), embedder="use"))
    stats: Counter = Counter()
    for path in args.set or SETS:
        for questions in chains(path):
            check(assistant, questions, ui, stats, args.show)
    removals = stats["removals"] or 1
    result = {"chips": {k[6:]: v for k, v in stats.items() if k.startswith("chips_")},
              "removals": stats["removals"], "removed": round(stats["removed"] / removals, 3),
              "kept": round(stats["kept"] / removals, 3), "emptied": stats["emptied"], "errors": stats["errors"]}
    print(json.dumps(result) if args.json else "\n".join(f"{k}: {v}" for k, v in result.items()))


if __name__ == "__main__":
    main()
