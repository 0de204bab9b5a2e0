"""Composing an extractive answer with numbered citations, in the question's language.

All document text is escaped for Markdown and HTML: a passage can never inject
markup, links or images into the answer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.language import language
from assistant.retrieval import Hit

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|>~])")
def escape(text: str) -> str:
    """Text made inert for Markdown and HTML rendering."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return re.sub(r"(?i)javascript:", "javascript&#58;", text)


def citation(hit: Hit) -> str:
    """dossier · version · profile · code · title · file and lines or page."""
    c = hit.chunk
    parts = [c.dossier or "", c.version or "", c.profile or "", c.code or "", c.title or "",
             f"{c.source} {c.location.label()}"]
    return " · ".join(escape(p) for p in parts if p)


def compose(question: str, hits: Sequence[Hit]) -> str:
    """The extractive answer as Markdown: a lead sentence, numbered hits, then sources."""
    lang = language(question)
    if not hits:
        return (
            "I found no matching passages. Try other words or remove a filter."
            if lang == "en"
            else "Ik vond geen passende passages. Probeer andere woorden of haal een filter weg."
        )
    lead = (
        f"These {len(hits)} passages match your question best:"
        if lang == "en"
        else f"Deze {len(hits)} passages passen het best bij je vraag:"
    )
    also_label = "also in" if lang == "en" else "ook in"
    lines = [lead, ""]
    for number, hit in enumerate(hits, start=1):
        c = hit.chunk
        head = " ".join(x for x in (c.code, c.title) if x) or c.kind
        where = " · ".join(escape(x) for x in (c.dossier_abbr or c.dossier, c.version, c.profile) if x)
        also = f" ({also_label} {escape(', '.join(hit.also_in))})" if hit.also_in else ""
        lines.append(f"{number}. **{escape(head)}** — {where}{also} [{number}]")
        if hit.best_sentence:
            lines.append(f"   > <mark>{escape(hit.best_sentence)}</mark>")
    lines += ["", "**Sources:**" if lang == "en" else "**Bronnen:**"]
    lines += [f"[{number}] {citation(hit)}" for number, hit in enumerate(hits, start=1)]
    return "\n".join(lines)
