"""Theme scan: every werkproces, kerntaak, profile text and competence level where a theme occurs.

Give a theme ("interprofessioneel samenwerken", "digital skills and technology") and get the overview a
curriculum design team would otherwise make by hand (docs/theme-scan.md). The files are the steps:

* :mod:`.expand`: theme → weighted terms (own words, glossary, compounds, optional thesaurus, near words);
* :mod:`.match`: terms × sentences → matches (Dutch forms, participles, separable verbs, compounds);
* :mod:`.score`: matches → score → *kern* / *zijdelings* (with the word-sense guard);
* :mod:`.scan`: the whole scan (pseudo-relevance feedback, grouping, matrix, suggestions);
* :mod:`.render`: Markdown, CSV, JSON and the several-themes matrix;
* :mod:`.judged`: the judged theme set and its scorer; :mod:`.limits`: limits; ``data/``: editable files.
"""

from assistant.themes.corpus import SCAN_KINDS, Corpus, ScanUnit, Sentence, corpus_for, judged_ref, unit_ref
from assistant.themes.expand import Expansion, Term, check_theme, expand_theme, parse_terms
from assistant.themes.limits import BadTheme, ScanTooSlow
from assistant.themes.match import Matcher
from assistant.themes.render import ExportError, render, render_markdown, to_csv, to_json, write_downloads, write_output
from assistant.themes.scan import Anchor, Matrix, ScanResult, TermReport, build_matrix, scan
from assistant.themes.settings import ScanSettings

__all__ = [
    "SCAN_KINDS", "Anchor", "BadTheme", "Corpus", "Expansion", "ExportError", "Matcher", "Matrix", "ScanResult",
    "ScanSettings", "ScanTooSlow", "ScanUnit", "Sentence", "Term", "TermReport", "build_matrix", "check_theme",
    "corpus_for", "expand_theme", "judged_ref", "parse_terms", "render", "render_markdown", "scan", "to_csv",
    "to_json", "unit_ref", "write_downloads", "write_output",
]
