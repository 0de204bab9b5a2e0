"""Dense evidence for the kern list, measured on the TUNE themes only (docs/theme-scan.md, third round).

Question: can sentence meaning (the theme's vector against each sentence and title of a werkproces) or a
fusion of lexical and dense evidence find the kern units the lexical scan misses, without losing precision?
Per tune theme and werkproces it computes, beside the scan's own label and score:

* ``mx`` / ``t3`` / ``ti``: the best sentence cosine, the mean of the 3 best, the title cosine to the scan's
  final theme vectors (after feedback), each also as a z-score over the theme's werkprocessen (``z…``);
* ``cen``: the z-score of the cosine between a unit's mean sentence vector and the centroid of the units the
  lexical scan labels kern (feedback at the unit level);

and scores (1) rules "lexical kern OR dense evidence above a threshold" over a grid, (2) a logistic fusion of
all features, trained leave-one-theme-out (threshold chosen on the 12 training themes, scored on the held-out
one). With ``--embedder e5`` the cosines come from multilingual-e5-small instead of the index's embedder
(computed once, cached in ``INDEX/cache/themestudy-*.npz``). Test themes are never read. The fusion uses
scikit-learn (in the venv as a dependency of sentence-transformers; not a dependency of the product).

Usage::

    .venv/bin/python scripts/theme_dense_study.py --index /tmp/scan-ix
    .venv/bin/python scripts/theme_dense_study.py --index /tmp/scan-ix --embedder e5
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from theme_quality import open_or_explain  # noqa: E402

from assistant.themes import corpus_for, scan  # noqa: E402
from assistant.themes.judged import load_judgments, load_themes, macro, score_kern  # noqa: E402
from assistant.themes.vectors import meaning_for  # noqa: E402

KEYS = ("zmx", "zt3", "zti", "zcen")


def _unit(v: np.ndarray) -> np.ndarray:
    norm = float(np.linalg.norm(v))
    return v / norm if norm else v


def _z(values: list[float]) -> list[float]:
    arr = np.asarray(values, dtype=float)
    sd = float(arr.std()) or 1.0
    return list((arr - arr.mean()) / sd)


def other_vectors(index, corpus, spec: str) -> tuple[object, dict[str, np.ndarray]]:
    """Another embedder's vectors of every werkproces sentence and title (cached beside the index)."""
    from assistant.embedders import load

    embedder = load(spec)
    texts = sorted({s.text for u in corpus.units if u.chunk.kind == "werkproces"
                    for s in (*u.sentences, *([u.title] if u.title else []))})
    digest = hashlib.sha256("\n".join([spec, *texts]).encode("utf-8", "replace")).hexdigest()[:16]
    path = Path(index.settings.index_dir) / "cache" / f"themestudy-{spec}-{digest}.npz"
    if path.is_file():
        vectors = np.load(path)["v"]
    else:
        vectors = np.vstack([embedder.embed_batch(texts[i:i + 128]) for i in range(0, len(texts), 128)])
        path.parent.mkdir(parents=True, exist_ok=True)
        np.savez(path, v=vectors)
    return embedder, dict(zip(texts, vectors, strict=True))


def features(index, spec: str | None) -> list[dict]:
    """Per tune theme: the judges, and per judged werkproces its lexical label/score and dense features."""
    corpus = corpus_for(index)
    meaning = meaning_for(index, corpus)
    embedder, table = other_vectors(index, corpus, spec) if spec else (None, None)
    judgments = load_judgments()
    werkprocessen = [u for u in corpus.units if u.chunk.kind == "werkproces"]
    found = []
    for theme in load_themes():
        if theme.split != "tune":
            continue  # the test themes are never read here
        own = [j for j in judgments if j.slug == theme.slug]
        result = scan(index, theme.theme, budget=120)
        label = {m.judged_ref: a.strength for a in result.anchors for m in a.members}
        score = {m.judged_ref: a.score for a in result.anchors for m in a.members}
        if table is None:
            query = result.vectors

            def vector(text, query=query):
                return meaning.sentence_vector(text)
        else:
            query = np.asarray(embedder.embed_batch([theme.theme], query=True), dtype=np.float32)

            def vector(text):
                return table.get(text)
        units = {}
        for unit in werkprocessen:
            ref = unit.judged_ref
            if ref not in own[0].grades or ref in units:
                continue
            rows = [v for v in (vector(s.text) for s in unit.sentences) if v is not None]
            cos = sorted(float((v @ query.T).max()) for v in rows) or [0.0]
            title = vector(unit.title.text) if unit.title else None
            units[ref] = {"label": label.get(ref, ""), "score": score.get(ref, 0.0), "mx": cos[-1],
                          "t3": float(np.mean(cos[-3:])), "ti": float((title @ query.T).max()) if title is not None
                          else 0.0, "mean": _unit(np.mean(rows, axis=0)) if rows else None}
        refs = list(units)
        for key in ("mx", "t3", "ti"):
            for ref, z in zip(refs, _z([units[r][key] for r in refs]), strict=True):
                units[ref]["z" + key] = z
        kern = [units[r]["mean"] for r in refs if units[r]["label"] == "kern" and units[r]["mean"] is not None]
        centre = _unit(np.mean(kern, axis=0)) if kern else None
        cen = [float(units[r]["mean"] @ centre) if centre is not None and units[r]["mean"] is not None else 0.0
               for r in refs]
        for ref, z in zip(refs, _z(cen), strict=True):
            units[ref]["zcen"] = z if centre is not None else -9.0
        found.append({"slug": theme.slug, "batch": theme.batch, "judges": own, "units": units})
    return found


def theme_f1(theme: dict, kern: list[str]) -> float:
    """Mean F1 over the theme's judges of a kern list."""
    return macro(score_kern(kern, j).f1 for j in theme["judges"])


def evaluate(themes: list[dict], rule) -> tuple[float, float, float, float]:
    """Macro F1 of a labelling rule: all tune themes, batch 1, batch 2, lowest theme."""
    f1 = {t["slug"]: theme_f1(t, [r for r, u in t["units"].items() if rule(u)]) for t in themes}
    return (macro(f1.values()), macro(f1[t["slug"]] for t in themes if t["batch"] == 1),
            macro(f1[t["slug"]] for t in themes if t["batch"] == 2), min(f1.values()))


def _x(u: dict, keys) -> list[float]:
    return [float(np.log1p(u["score"])), float(u["label"] == "kern"), float(u["label"] == "zijdelings"),
            *(u[k] for k in keys)]


def fusion(themes: list[dict], keys) -> tuple[float, float, float, float]:
    """Logistic fusion, leave one theme out: fit on 12 themes, threshold by their macro F1, score the 13th."""
    from sklearn.linear_model import LogisticRegression

    f1 = {}
    for held in themes:
        train = [t for t in themes if t is not held]
        x = np.array([_x(u, keys) for t in train for u in t["units"].values()])
        y = np.array([macro(j.grades[r] for j in t["judges"]) >= 1.5 for t in train for r in t["units"]])
        model = LogisticRegression(class_weight="balanced", max_iter=1000).fit(x, y)
        p = {t["slug"]: dict(zip(t["units"], model.predict_proba(np.array([_x(u, keys) for u in t["units"].values()]))
                                 [:, 1], strict=True)) for t in themes}
        best = max(np.linspace(0.05, 0.95, 19), key=lambda th: macro(
            theme_f1(t, [r for r in t["units"] if p[t["slug"]][r] >= th]) for t in train))
        f1[held["slug"]] = theme_f1(held, [r for r in held["units"] if p[held["slug"]][r] >= best])
    return (macro(f1.values()), macro(f1[t["slug"]] for t in themes if t["batch"] == 1),
            macro(f1[t["slug"]] for t in themes if t["batch"] == 2), min(f1.values()))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--embedder", choices=("e5", "minilm"), help="cosines from this embedder instead")
    args = parser.parse_args()
    index = open_or_explain(args.index)
    if index is None:
        return 1
    themes = features(index, args.embedder)

    def lexical(u):
        return u["label"] == "kern"

    print("| rule (tune themes) | tune | batch 1 | batch 2 | lowest |\n|---|---:|---:|---:|---:|")
    rows = [("lexical kern (default)", lexical)]
    for key in ("zmx", "zt3", "zti", "zcen"):
        for z in (1.5, 2.0, 2.5):
            rows.append((f"lexical kern or {key} ≥ {z}", lambda u, k=key, z=z: lexical(u) or u[k] >= z))
    for a in (1.25, 1.5, 1.75):
        for b in (1.25, 1.5, 1.75):
            rows.append((f"lexical kern or (zcen ≥ {a} and zmx ≥ {b})",
                         lambda u, a=a, b=b: lexical(u) or (u["zcen"] >= a and u["zmx"] >= b)))
    for name, rule in rows:
        print(f"| {name} | " + " | ".join(f"{v:.3f}" for v in evaluate(themes, rule)) + " |")
    for name, keys in (("logistic fusion, lexical only (LOTO)", ()), ("logistic fusion, lexical + dense (LOTO)", KEYS)):
        print(f"| {name} | " + " | ".join(f"{v:.3f}" for v in fusion(themes, keys)) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
