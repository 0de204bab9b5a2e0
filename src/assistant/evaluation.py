"""Retrieval evaluation: S@1, S@5, MRR@10 and nDCG@10 over a judged question set.

A question lists every correct answer as field sets (``source``, ``dossier``,
``version``, ``profile``, ``code``, ``kind``, ``competence``, ``level``) with a
grade (2 = what was asked, 1 = also correct). A hit matches an answer when
every given field equals the hit's field; a grouped hit (identical passages)
also matches for each dossier or profile it stands for. Each answer is counted
once, at its best rank.
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from assistant.model import Chunk
from assistant.retrieval import Hit

MATCH_FIELDS = ("source", "dossier", "version", "profile", "code", "kind", "competence", "level", "kerntaak_code")


@dataclass(frozen=True)
class Question:
    """One judged question."""

    id: str
    question: str
    lang: str
    user: str
    type: str
    relevant: tuple[dict, ...]


@dataclass(frozen=True)
class Scores:
    """Mean metrics over a set of questions."""

    n: int
    s_at_1: float
    s_at_5: float
    mrr_at_10: float
    ndcg_at_10: float

    def as_json(self) -> dict:
        """Rounded, for printing."""
        return {
            "n": self.n,
            "S@1": round(self.s_at_1, 4),
            "S@5": round(self.s_at_5, 4),
            "MRR@10": round(self.mrr_at_10, 4),
            "nDCG@10": round(self.ndcg_at_10, 4),
        }


def load_questions(path: Path) -> list[Question]:
    """Read a JSON Lines question set.

    Raises:
        ValueError: with the line number, for a malformed line.
    """
    questions = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
                questions.append(
                    Question(
                        id=str(raw["id"]),
                        question=raw["question"],
                        lang=raw.get("lang", "nl"),
                        user=raw.get("user", "unknown"),
                        type=raw.get("type", "unknown"),
                        relevant=tuple(raw["relevant"]),
                    )
                )
            except (ValueError, KeyError, TypeError) as exc:
                raise ValueError(f"{path}:{number}: not a valid question ({exc})") from None
    return questions


def _chunk_matches(chunk: Chunk, answer: dict) -> bool:
    for field in MATCH_FIELDS:
        if field in answer:
            wanted, actual = answer[field], getattr(chunk, field)
            if isinstance(wanted, str) and isinstance(actual, str):
                if wanted.lower() != actual.lower():
                    return False
            elif wanted != actual:
                return False
    return True


def hit_matches(hit: Hit, answer: dict, equivalents: Callable[[Chunk], Sequence[Chunk]]) -> bool:
    """Whether a hit (or a passage grouped with it) is this answer."""
    return any(_chunk_matches(chunk, answer) for chunk in equivalents(hit.chunk))


def judge(hits: Sequence[Hit], question: Question, equivalents: Callable[[Chunk], Sequence[Chunk]]) -> dict:
    """Per-question metrics for a ranked hit list."""
    gains = []
    found: set[int] = set()
    first = None
    for rank, hit in enumerate(hits[:10], start=1):
        gain = 0
        for i, answer in enumerate(question.relevant):
            if i not in found and hit_matches(hit, answer, equivalents):
                found.add(i)
                gain = max(gain, int(answer.get("grade", 1)))
        if gain and first is None:
            first = rank
        gains.append(gain)
    dcg = sum((2**g - 1) / math.log2(r + 1) for r, g in enumerate(gains, start=1))
    ideal = sorted((int(a.get("grade", 1)) for a in question.relevant), reverse=True)[:10]
    idcg = sum((2**g - 1) / math.log2(r + 1) for r, g in enumerate(ideal, start=1))
    return {
        "s1": 1.0 if first == 1 else 0.0,
        "s5": 1.0 if first is not None and first <= 5 else 0.0,
        "rr": 1.0 / first if first else 0.0,
        "ndcg": dcg / idcg if idcg else 0.0,
        "first": first,
    }


def mean_scores(rows: Sequence[dict]) -> Scores:
    """Average per-question metrics."""
    n = len(rows)
    if not n:
        return Scores(0, 0.0, 0.0, 0.0, 0.0)
    return Scores(
        n=n,
        s_at_1=sum(r["s1"] for r in rows) / n,
        s_at_5=sum(r["s5"] for r in rows) / n,
        mrr_at_10=sum(r["rr"] for r in rows) / n,
        ndcg_at_10=sum(r["ndcg"] for r in rows) / n,
    )


def grouped(chunks: Sequence[Chunk]) -> Callable[[Chunk], Sequence[Chunk]]:
    """A function giving a chunk and every chunk grouped with it as identical."""
    groups: dict[str, list[Chunk]] = {}
    for chunk in chunks:
        if chunk.group:
            groups.setdefault(chunk.group, []).append(chunk)
    return lambda chunk: groups.get(chunk.group, [chunk]) if chunk.group else [chunk]


def evaluate(
    questions: Sequence[Question],
    run: Callable[[str], Sequence[Hit]],
    equivalents: Callable[[Chunk], Sequence[Chunk]],
) -> dict:
    """Run every question and report metrics overall, per language, per user and per type."""
    rows = []
    timings = []
    for question in questions:
        started = time.perf_counter()
        hits = run(question.question)
        timings.append(time.perf_counter() - started)
        row = judge(hits, question, equivalents)
        row.update(id=question.id, lang=question.lang, user=question.user, type=question.type)
        rows.append(row)

    def by(field: str) -> dict:
        values = sorted({r[field] for r in rows})
        return {v: mean_scores([r for r in rows if r[field] == v]).as_json() for v in values}

    return {
        "overall": mean_scores(rows).as_json(),
        "per_language": by("lang"),
        "per_user": by("user"),
        "per_type": by("type"),
        "mean_query_ms": round(1000 * sum(timings) / max(1, len(timings)), 2),
        "misses": [
            {"id": r["id"], "first_relevant_rank": r["first"]} for r in rows if r["first"] is None or r["first"] > 5
        ],
    }
