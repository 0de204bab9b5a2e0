"""Control characters and bidi marks (issue 16, item 3): dropped at ingest and counted, escaped on the terminal.

A KD extract whose titles hold ``ESC]0;…BEL`` (window title), ``ESC[2J`` (clear screen), an ``ESC]8``
hyperlink, C1 controls and U+202E is ingested with the real embedder and Chroma; its file name holds
controls too (a file name is kept as it is: citations name it), so the terminal paths are exercised
with text that really reaches them.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import ingest, invoke, opened

from assistant.jsontext import dumps
from assistant.terminal import UNSAFE
from ingest.textclean import clean_units, drop_controls

EVIL_KD = (
    "KWALIFICATIEDOSSIER\n"
    "Testopleiding \x1b]0;pwned\x07(01/08/21)\n\n"
    "Beroepsomschrijving\n\n"
    "De testmedewerker werkt veilig.\x1b[2J En \u202eesrever\u202c tekst met \x85 NEL en \x9b31m C1.\n\n"
    "Basisdeel\n\n"
    "B1-K1: Werken met \x1b]8;;http://127.0.0.1:9/x\x1b\\link\x1b]8;;\x1b\\ tekst\n\n"
    "De testmedewerker plant het werk.\n\n"
    "B1-K1-W1: Plant het werk \x1b[31mrood\x1b[0m\n\n"
    "De testmedewerker plant het werk met collega's en \u2066isolaat\u2069.\n"
)
EVIL_NAME = "evil-\x1b[2J-\u202ekd.txt"
# What a terminal acts on: ESC, BEL, C1 (incl. U+0085, U+009B CSI), bidi overrides and isolates.
RAW = re.compile("[\x07\x1b\x80-\x9f\u202a-\u202e\u2066-\u2069]")


def test_drop_controls_keeps_tab_and_newline_and_counts():
    text, dropped = drop_controls("a\tb\nc\x1b[2Jd\x07e\u202ef\x85g\x0ch\x9bi")
    assert text == "a\tb\nc[2Jdef g hi"
    assert dropped == 6


def test_clean_units_cleans_every_text_field_but_the_source():
    from assistant.model import Location, Unit

    unit = Unit(kind="werkproces", source="x\x1b.txt", location=Location("lines", 1, 2), title="T\x1bitel",
                sections=(("Omschrijving", "tekst\u202e"),), dossier="D\x9b")
    (cleaned,), dropped = clean_units([unit])
    assert dropped == 3
    assert (cleaned.title, cleaned.sections, cleaned.dossier) == ("Titel", (("Omschrijving", "tekst"),), "D")
    assert cleaned.source == "x\x1b.txt"


def test_jsontext_escapes_what_json_dumps_leaves_raw():
    value = {"t": "a\u2028b\x85c\u202ed\x9be\ud800f é", "n": [1, None]}
    text = dumps(value)
    assert json.loads(text) == value
    assert "\n" not in text and len(text.splitlines()) == 1
    assert not RAW.search(text) and "\u2028" not in text and "é" in text
    text.encode("utf-8")  # lone surrogates are escapes, so this cannot fail


@pytest.fixture(scope="module")
def evil_index(built_index, tmp_path_factory) -> tuple[Path, dict]:
    folder = tmp_path_factory.mktemp("evil-controls")
    (folder / EVIL_NAME).write_text(EVIL_KD, encoding="utf-8")
    index_dir = tmp_path_factory.mktemp("evil-controls-index") / "index"
    (index_dir / "cache").mkdir(parents=True)
    shutil.copy2(built_index.cache, index_dir / "cache" / "embeddings.sqlite")
    return index_dir, ingest([folder], index_dir)


def test_ingest_drops_controls_and_reports_them(evil_index):
    index_dir, report = evil_index
    assert report["failed"] == [] and report["chunks"] >= 3
    assert report["controls_dropped"] >= 15
    for chunk in opened(index_dir).chunks:
        for name in ("text", "title", "dossier", "kerntaak_title", "index_text"):
            value = getattr(chunk, name) or ""
            assert not UNSAFE.search(value), (name, value)
        assert chunk.source == EVIL_NAME


def test_search_output_is_escaped_on_the_terminal(evil_index):
    index_dir, _ = evil_index
    code, out, err = invoke("search", "plant het werk", "--index", str(index_dir))
    assert code == 0, err
    assert "evil-" in out
    assert not RAW.search(out), repr(out[:400])
    assert "\\x1b[2J" in out and "\\u202e" in out  # the file name, shown as visible escapes


def test_search_json_output_is_one_line_and_inert(evil_index):
    index_dir, _ = evil_index
    code, out, err = invoke("search", "plant het werk", "--json", "--index", str(index_dir))
    assert code == 0, err
    assert len(out.strip().splitlines()) == 1
    assert not RAW.search(out), repr(out[:400])
    hits = json.loads(out)["hits"]
    assert hits and hits[0]["source"] == EVIL_NAME  # the same value after parsing


def test_ingest_summary_and_failures_are_escaped(evil_index, tmp_path):
    index_dir, _ = evil_index
    bad = tmp_path / "kapot-\x1b]0;titel\x07.txt"
    bad.write_bytes(b"\x00\x01binary")
    code, out, err = invoke("ingest", str(bad), "--index", str(index_dir))
    assert code == 1
    assert "failed" in err and not RAW.search(err + out), repr(err)
    code, out, err = invoke("ingest", str(bad), "--index", str(index_dir), "--json")
    assert not RAW.search(out) and json.loads(out)["failed"]
