"""Measuring the crosswalk against a judged key (``eval/crosswalk/key.json``).

Two figures per part of the key: *primary* (of the werkprocessen that have a
counterpart, the share whose best match is it, or one the key also accepts) and
*geen tegenhanger* (of those that have none, the share left without one).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from assistant.crosswalk import DOMINANCE, THRESHOLD, Matcher, crosswalk, parse_scope
from assistant.model import Chunk


@dataclass(frozen=True)
class KeyScore:
    """Results on one part of the key."""

    split: str
    with_counterpart: int
    primary_right: int
    without: int
    none_right: int
    errors: tuple[str, ...]

    @property
    def primary(self) -> float:
        """Share of werkprocessen with a counterpart whose best match is right."""
        return self.primary_right / self.with_counterpart if self.with_counterpart else 1.0

    @property
    def none(self) -> float:
        """Share of werkprocessen without a counterpart that get "geen tegenhanger"."""
        return self.none_right / self.without if self.without else 1.0

    def as_json(self) -> dict:
        """A JSON summary."""
        return {"split": self.split, "primary": round(self.primary, 4), "n_primary": self.with_counterpart,
                "geen_tegenhanger": round(self.none, 4), "n_none": self.without, "errors": list(self.errors)}


def load_key(path: Path) -> list[dict]:
    """The judged pairs of a key file."""
    return json.loads(Path(path).read_text(encoding="utf-8"))["pairs"]


def score_key(
    chunks: Sequence[Chunk],
    key: Sequence[dict],
    split: str,
    threshold: float = THRESHOLD,
    matcher: Matcher | None = None,
    dominance: float = DOMINANCE,
) -> KeyScore:
    """Run the crosswalk for every scope pair in the key and compare with the judged counterparts."""
    matcher = matcher or Matcher.build(chunks)
    items = [item for item in key if split in ("all", item["split"])]
    predicted: dict[tuple[str, str], dict[str, object]] = {}
    for scopes in {(item["from"], item["to"]) for item in items}:
        pairs = crosswalk(chunks, parse_scope(scopes[0], chunks), parse_scope(scopes[1], chunks), threshold,
                          matcher, dominance)
        predicted[scopes] = {pair.source.code: pair.target.code if pair.target else None for pair in pairs}
    with_cp = primary_right = without = none_right = 0
    errors = []
    for item in items:
        got = predicted[(item["from"], item["to"])].get(item["code"], "(missing)")
        if item["counterpart"] is None:
            without += 1
            none_right += got is None
        else:
            with_cp += 1
            primary_right += got in (item["counterpart"], *item.get("acceptable", ()))
        right = got is None if item["counterpart"] is None else got in (item["counterpart"],
                                                                         *item.get("acceptable", ()))
        if not right:
            errors.append(f"{item['from']} {item['code']} -> {got} (key: {item['counterpart']})")
    return KeyScore(split, with_cp, primary_right, without, none_right, tuple(errors))
