"""How well the competentieprofiel → SBB competence links (matched by meaning) agree with a judged key.

For every competence in ``eval/competence_links/key.json`` (judge K: "primary" and "related" SBB competences),
the best match is counted right when the judge names it primary, and "close" when primary or related. Rows:
the bundled embedders, each with the SBB descriptions of ``data/sbb_competences.toml`` and with titles only.

Usage::

    .venv/bin/assistant ingest --index /tmp/ix
    .venv/bin/python scripts/competence_link_quality.py --index /tmp/ix [--embedders use,e5]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from assistant import embedders  # noqa: E402
from assistant.competence_match import link_competences  # noqa: E402
from assistant.index import IndexUnavailable, open_index  # noqa: E402
from assistant.model import COMPETENTIE  # noqa: E402
from assistant.settings import Settings  # noqa: E402

KEY = ROOT / "eval" / "competence_links" / "key.json"


def score(chunks, key: list[dict]) -> dict:
    """Best match right (judge's primary) and close (primary or related), over the key's competences."""
    best = {c.competence: c.sbb_matches[0][0] for c in chunks if c.kind == COMPETENTIE and c.sbb_matches}
    right = sum(best.get(k["competence"]) in k["primary"] for k in key)
    close = sum(best.get(k["competence"]) in k["primary"] + k["related"] for k in key)
    return {"n": len(key), "best_right": right, "best_close": close,
            "matches": {k["competence"]: [m[:1] + m[2:] for m in next(
                (c.sbb_matches for c in chunks if c.kind == COMPETENTIE and c.competence == k["competence"]), ())]
                for k in key}}


def main() -> int:
    """Print one JSON line per embedder × (descriptions on/off)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--embedders", default="use,e5")
    args = parser.parse_args()
    try:
        chunks = open_index(Settings.from_env(args.index)).chunks
    except IndexUnavailable as exc:
        print(exc, file=sys.stderr)
        return 2
    key = json.loads(KEY.read_text(encoding="utf-8"))["links"]
    for spec in args.embedders.split(","):
        model = embedders.load(spec)
        for described in (True, False):
            linked = link_competences(chunks, model.embed_batch, with_descriptions=described)
            print(json.dumps({"embedder": spec, "descriptions": described, **score(linked, key)}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
