"""Kerntaak context and corpus association for the kern list, measured on TUNE themes only (docs/theme-scan.md,
fourth round).

Question: can evidence from outside a werkproces's own words find the kern units the scan misses (themes whose
core is not in their own words: *methodisch werken*, *zelfredzaamheid en eigen regie*)? Three directions:

1. **where** the judges' kern units stand in the scan's output (kern, zijdelings, not listed): a rule that
   promotes *zijdelings* units (density of weaker sentences) can only gain where kern units sit in that tier;
2. **kerntaak context**: a werkproces is kern when its kerntaak (the kerntaak unit's own scan label and score)
   carries the theme, or when enough of its sibling werkprocessen are kern, and it has some evidence itself
   (best sentence cosine to the scan's final theme vectors at least ``mx``);
3. **corpus association**: words that co-occur with the theme's own matched words in the same sentences far
   more than chance (PMI over the distinct sentence texts of the corpus), guarded by specificity (unit share),
   a minimum count and the cosine of their sentences to the theme, added as terms of weight 0.5 or 1; and
   **title concept words**: the werkproces-title words nearest to the theme (CSLS), added the same way.
   Measured through the term-list path (the scan's own expansion as an edited list, with and without the
   added words), so both sides of the comparison skip the scan's reweighing of its own terms.

Only the tune themes of the given batches are read (default 1 and 2: batch 3 is the final check and is not
used to choose). Test themes are never read.

Usage::

    .venv/bin/python scripts/theme_context_study.py --index /tmp/scan-ix
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import Counter, defaultdict
from pathlib import Path
from statistics import mean

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from theme_quality import kern_refs, open_or_explain  # noqa: E402

from assistant.lexical import STOPWORDS  # noqa: E402
from assistant.themes import ScanSettings, corpus_for, scan  # noqa: E402
from assistant.themes.judged import load_judgments, load_themes, macro, score_kern  # noqa: E402
from assistant.themes.vectors import meaning_for  # noqa: E402

OWN = ("thema", "glossarium", "vertaling", "samenstelling")  # origins of the theme's own words


def _kerntaak_key(unit) -> tuple:
    c = unit.chunk
    return (c.source, c.dossier, c.version, c.profile, unit.kerntaak)


def collect(index, corpus, meaning, themes, judgments, settings: ScanSettings) -> list[dict]:
    """Per tune theme: the scan, and per judged werkproces its label, score, best cosine and kerntaak context."""
    werkprocessen = [u for u in corpus.units if u.chunk.kind == "werkproces"]
    kerntaken = {_kerntaak_key(u): u for u in corpus.units if u.chunk.kind == "kerntaak"}
    siblings = defaultdict(list)
    for unit in werkprocessen:
        siblings[_kerntaak_key(unit)].append(unit)
    found = []
    for theme in themes:
        own = [j for j in judgments if j.slug == theme.slug]
        result = scan(index, theme.theme, settings=settings, budget=120)
        label = {m.ref: (a.strength, a.score) for a in result.anchors for m in a.members}

        def cosine(text: str, vectors=result.vectors) -> float:
            row = meaning.sentence_vector(text)
            return -1.0 if row is None or vectors is None else float((vectors @ row).max())

        units = []
        for unit in werkprocessen:
            if any(unit.judged_ref not in j.grades for j in own):
                continue
            kerntaak = kerntaken.get(_kerntaak_key(unit))
            kt_label, kt_score = label.get(kerntaak.ref, ("", 0.0)) if kerntaak else ("", 0.0)
            others = [s for s in siblings[_kerntaak_key(unit)] if s is not unit]
            units.append({
                "ref": unit.judged_ref, "label": label.get(unit.ref, ("", 0.0))[0],
                "grade": mean(j.grades[unit.judged_ref] for j in own),
                "mx": max((cosine(s.text) for s in unit.sentences), default=-1.0),
                "kt_kern": kt_label == "kern", "kt_score": kt_score,
                "siblings_kern": sum(1 for s in others if label.get(s.ref, ("",))[0] == "kern") / len(others)
                if others else 0.0})
        found.append({"theme": theme, "judges": own, "result": result, "units": units})
    return found


def figures(per_theme: dict[str, float], themes) -> str:
    """``tune | batch 1 | batch 2 | … | lowest`` of per-theme F1s."""
    batches = sorted({t.batch for t in themes})
    cells = [macro(per_theme.values())] + [macro(per_theme[t.slug] for t in themes if t.batch == b) for b in batches]
    return " | ".join(f"{v:.3f}" for v in cells) + f" | {min(per_theme.values()):.3f}"


def rule_f1(data: list[dict], rule) -> dict[str, float]:
    """Per theme F1 of the kern list ``lexical kern OR rule(unit)``."""
    out = {}
    for item in data:
        kern = {u["ref"] for u in item["units"] if u["label"] == "kern" or rule(u)}
        out[item["theme"].slug] = macro(score_kern(kern, j).f1 for j in item["judges"])
    return out


def where(data: list[dict]) -> list[str]:
    """Per theme: units judged 2 / 1 / 0 (mean over judges, rounded) by the scan's label."""
    lines = ["| theme | judged 2: kern / zijdelings / not listed | judged 1: kern / zijd. / – "
             "| judged 0: kern / zijd. |", "|---|---|---|---|"]
    for item in data:
        c = Counter((round(u["grade"]), u["label"] or "-") for u in item["units"])
        lines.append(f"| {item['theme'].theme} | {c[(2, 'kern')]} / {c[(2, 'zijdelings')]} / {c[(2, '-')]} | "
                     f"{c[(1, 'kern')]} / {c[(1, 'zijdelings')]} / {c[(1, '-')]} | {c[(0, 'kern')]} / "
                     f"{c[(0, 'zijdelings')]} |")
    return lines


def association_words(result, corpus, meaning, texts, frequency, pmi_min, count_min, context_min, limit,
                      share_max=0.3) -> list[str]:
    """Words over-represented (PMI) in the distinct sentences that hold the theme's own core words."""
    own = {v for r in result.terms if r.term.origin in OWN and r.term.weight >= 1 for v in r.variants}
    taken = {v for r in result.terms for v in r.variants}
    holding = [s for s in texts.values() if s.vocab & own]
    if not holding:
        return []
    counts = Counter(w for s in holding for w in s.vocab)
    ranked = []
    for word, n in counts.items():
        if n < count_min or word in taken or word in STOPWORDS or len(word) < 4 or word not in meaning.word_rows:
            continue
        pmi = math.log(n * len(texts) / (len(holding) * frequency[word]))
        if pmi < pmi_min or corpus.unit_counts[word] / len(corpus.units) > share_max:
            continue
        if max(meaning.context_similarity(word, v) for v in result.vectors) >= context_min:
            ranked.append((pmi, word))
    return [w for _, w in sorted(ranked, reverse=True)[:limit]]


def title_words(result, corpus, meaning, limit: int) -> list[str]:
    """The werkproces-title words nearest to the theme's final vectors (CSLS), not already a term's word."""
    titles = {w for u in corpus.units if u.title and u.chunk.kind == "werkproces" for w in u.title.vocab
              if w not in STOPWORDS and len(w) >= 4}
    taken = {v for r in result.terms for v in r.variants}
    rows = [i for i, w in enumerate(meaning.words) if w in titles and w not in taken]
    best: dict[str, float] = {}
    for vector in result.vectors:
        scores = meaning.near_scores(vector)
        for i in rows:
            best[meaning.words[i]] = max(best.get(meaning.words[i], -9.0), float(scores[i]))
    return [w for w, _ in sorted(best.items(), key=lambda item: -item[1])[:limit]]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--batches", default="1,2", help="tune batches to read (default 1,2; batch 3 is the check)")
    args = parser.parse_args()
    index = open_or_explain(args.index)
    if index is None:
        return 1
    corpus = corpus_for(index)
    meaning = meaning_for(index, corpus)
    wanted = {int(b) for b in args.batches.split(",")}
    themes = [t for t in load_themes() if t.split == "tune" and t.batch in wanted]
    judgments = [j for j in load_judgments() if j.slug in {t.slug for t in themes}]
    settings = ScanSettings()
    data = collect(index, corpus, meaning, themes, judgments, settings)
    head = "| tune | " + " | ".join(f"batch {b}" for b in sorted(wanted)) + " | lowest |"
    rule_line = "|---|" + "---:|" * (len(wanted) + 2)
    print("\n".join(where(data)))
    print(f"\n| rule: lexical kern OR … {head}\n{rule_line}")
    print(f"| (nothing: the scan) | {figures(rule_f1(data, lambda u: False), themes)} |")
    for score in (1.0, 1.5, 2.0, 3.0):
        for mx in (0.0, 0.2, 0.3):
            def rule(u, s=score, m=mx):
                return u["kt_kern"] and u["kt_score"] >= s and u["mx"] >= m

            print(f"| kerntaak kern with score ≥ {score:g}, own best cosine ≥ {mx:g} | "
                  f"{figures(rule_f1(data, rule), themes)} |")
    for share in (0.34, 0.5, 0.67):
        for mx in (0.0, 0.3):
            def rule(u, s=share, m=mx):
                return u["siblings_kern"] >= s and u["mx"] >= m

            print(f"| ≥ {share:.0%} of sibling werkprocessen kern, own best cosine ≥ {mx:g} | "
                  f"{figures(rule_f1(data, rule), themes)} |")
    texts = {s.text: s for u in corpus.units for s in (*u.sentences, *([u.title] if u.title else []))}
    frequency = Counter(w for s in texts.values() for w in s.vocab)
    print(f"\n| added words (term-list path) {head}\n{rule_line}")
    variants: list[tuple[str, object]] = [("none (own expansion as a term list)", lambda item: [])]
    for pmi_min in (2.0, 3.0):
        for context_min in (0.25, 0.4):
            for limit in (5, 10):
                variants.append((f"association PMI ≥ {pmi_min:g}, count ≥ 3, context ≥ {context_min:g}, "
                                 f"≤ {limit} words", lambda item, p=pmi_min, c=context_min, k=limit:
                                 association_words(item["result"], corpus, meaning, texts, frequency, p, 3, c, k)))
    for limit in (3, 5):
        variants.append((f"title concept words, {limit} nearest", lambda item, k=limit:
                         title_words(item["result"], corpus, meaning, k)))
    for name, words_of in variants:
        for weight in ((1.0,) if name.startswith("none") else (0.5, 1.0)):
            per_theme = {}
            for item in data:
                text = item["result"].expansion.as_text()
                extra = ", ".join(w if weight == 1 else f"{w}:{weight:g}" for w in words_of(item))
                result = scan(index, item["theme"].theme, terms=text + (", " + extra if extra else ""),
                              settings=settings, budget=120)
                per_theme[item["theme"].slug] = macro(score_kern(kern_refs(result), j).f1 for j in item["judges"])
            label = name if name.startswith("none") else f"{name}, weight {weight:g}"
            print(f"| {label} | {figures(per_theme, themes)} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
