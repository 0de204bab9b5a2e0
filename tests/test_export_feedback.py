"""Exports (issue 15: whole conversation or selected hits, clean text, filters in the heading; issue 16:
files removed on reset, after an age, past a size, at exit) and the feedback log's limits (issue 16, item 7).

Real hits from the session index of the bundled corpus; real files in temp dirs. Time is a fake clock
only where waiting for a limit (an hour, 90 days) is the point.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from conftest import ROOT
from test_answer import live_markup, rendered

from assistant import export, feedback, views
from assistant.conversation import Constraints
from assistant.export import ExportStore
from assistant.settings import Settings
from assistant.webapp import Assistant, Session

TEACHER = "where does OA collaborate with external experts?"


@pytest.fixture(scope="module")
def assistant(built_index):
    return Assistant(Settings(index_dir=built_index.index_dir, embedder="use"))


# --------------------------------------------------------------------------- clean text


def test_clean_markdown_keeps_text_and_defuses_only_live_markup():
    text = "(les)activiteiten\n- stuurt *alles* aan_ons #1 B1-K1-W5"
    assert export.clean_markdown(text) == text
    hostile = "<img src=x onerror=alert(1)> [klik](javascript:alert(1)) ![b](http://127.0.0.1:9/b) www.x.nl"
    html = rendered(export.clean_markdown(hostile))
    assert live_markup(html) == [], live_markup(html)
    assert "javascript:" not in export.clean_markdown(hostile).lower()


def test_answer_export_is_clean_text_with_filters_in_the_heading(assistant, tmp_path):
    ui = Constraints(dossier="Onderwijsassistent")
    final = list(assistant.chat("lesactiviteiten voorbereiden", Session(), ui))[-1]
    record = final.records[-1]
    assert record.filters == "dossier Onderwijsassistent"
    markdown = final.exports.markdown.read_text(encoding="utf-8")
    assert markdown.startswith("# lesactiviteiten voorbereiden\n\nFilters: dossier Onderwijsassistent\n")
    body = "\n".join(line for line in markdown.splitlines() if line.startswith(">"))
    assert body and "\\(" not in markdown and "\\-" not in markdown and "\\." not in markdown
    raw = [export.passage(h) for h in record.hits]
    assert any("(" in p or "-" in p for p in raw), "the test needs passages with ( or -"
    for hit in record.hits:  # each passage line is in the file exactly as in the document
        for line in export.passage(hit).splitlines():
            if line.strip():
                assert f"> {line}" in markdown


def test_conversation_and_selected_hits(assistant):
    first = list(assistant.chat(TEACHER, Session(), Constraints()))[-1]
    second = list(assistant.chat("en bij de PMK?", first, Constraints()))[-1]
    whole = assistant.export(second, "conversation")
    markdown = whole.exports.markdown.read_text(encoding="utf-8")
    assert markdown.startswith("# Gesprek (mbo-assistent)")
    assert f"## Vraag 1: {TEACHER}" in markdown
    assert "## Vraag 2: where does PMK collaborate with external experts?" in markdown
    assert "Filters: dossier" in markdown  # the follow-up's scope is a filter that applied
    text = whole.exports.csv.read_text(encoding="utf-8-sig")
    assert text.startswith("vraag_nr,vraag,filters,nr,id")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == sum(len(r.hits) for r in second.records)
    assert [r["vraag_nr"] for r in rows][-1] == "2" and rows[-1]["filters"].startswith("dossier")
    assert not second.exports.csv.exists(), "the replaced export is removed"
    picked = assistant.export(whole, "selected", [2, "4", None, {"x": 1}, "../1"])
    text = picked.exports.markdown.read_text(encoding="utf-8")
    assert text.count("\n## [") == 2 and "## [2]" in text and "## [4]" in text
    assert not whole.exports.markdown.exists()
    nothing = assistant.export(Session(), "conversation")
    assert nothing.exports is None


def test_write_compare_is_a_pure_export_of_two_variants(assistant, tmp_path):
    chunks = assistant.chunks
    code = next(c for c in views.comparable_codes(chunks))
    found = views.variants(chunks, code)
    left, right = (found[i] for i in views.default_pair(found))
    files = export.write_compare(tmp_path, code, left, right)
    markdown = files.markdown.read_text(encoding="utf-8")
    assert markdown.startswith(f"# Vergelijking {code}")
    assert f"## Links: {left.label}" in markdown and f"## Rechts: {right.label}" in markdown
    rows = list(csv.DictReader(io.StringIO(files.csv.read_text(encoding="utf-8-sig"))))
    assert [r["kant"] for r in rows] == ["links", "rechts"] and rows[0]["text"] == left.passage


# --------------------------------------------------------------------------- the export folder


class Clock:
    def __init__(self, now: float = 1_000_000.0):
        self.now = now

    def __call__(self) -> float:
        return self.now


def test_store_removes_by_reset_age_size_and_at_exit(assistant, tmp_path):
    clock = Clock()
    store = ExportStore(parent=tmp_path, max_age=600, max_bytes=60_000, sweep_every=60, clock=clock)
    hits = assistant.retrieve(TEACHER, Constraints())
    first = export.write_exports(store.directory, TEACHER, hits)
    store.add(first)
    store.discard(first)  # reset
    assert not first.csv.exists() and not first.markdown.exists()
    written = []
    for _ in range(20):
        files = export.write_exports(store.directory, TEACHER, hits)
        store.add(files)
        written.append(files)
        assert store.usage() <= 60_000
    assert written[-1].csv.exists() and not written[0].csv.exists()  # oldest went first
    stray = store.directory / "themascan" / "old.md"
    stray.parent.mkdir()
    stray.write_text("x")
    clock.now += 601
    store.add(export.write_exports(store.directory, TEACHER, hits))
    assert not written[-1].csv.exists(), "past the age"
    os.utime(stray, (clock.now - 700, clock.now - 700))
    clock.now += 61
    store.add(None)
    assert not stray.exists(), "unregistered files are swept by age too"
    store.close()
    assert not store.directory.exists()


def test_export_folder_is_removed_when_the_process_exits(tmp_path):
    code = ("import sys; from assistant.export import ExportStore; s = ExportStore(parent=sys.argv[1]); "
            "(s.directory / 'a.md').write_text('x'); print(s.directory)")
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, check=True,
                          env={"PYTHONPATH": f"{ROOT / 'src'}:{ROOT}", "PATH": "/usr/bin:/bin"})
    folder = Path(done.stdout.strip())
    assert folder.parent == tmp_path and not folder.exists()


# --------------------------------------------------------------------------- feedback


def test_minimise_rule():
    known = frozenset({"sport", "bewegen"})
    text = ("Jan Jansen vond het fout. Mail jan@school.nl of bel 06-12345678 (crebo 25698, versie 2015-08-01, "
            "zie https://x.nl). Wat doet Pieter de Vries bij Sport en Bewegen? OA en B1-K1-W5.")
    out = feedback.minimise(text, known, limit=1000)
    assert out == ("[naam] [naam] vond het fout. Mail [e-mail] of bel [nummer] (crebo 25698, versie 2015-08-01, "
                   "zie [url]). Wat doet [naam] de [naam] bij Sport en Bewegen? OA en B1-K1-W5.")
    assert len(feedback.minimise("x" * 5000)) == feedback.FEEDBACK_QUESTION_CHARS


def test_bad_votes_are_refused_not_stored(tmp_path):
    log = feedback.FeedbackLog(tmp_path / "f.jsonl")
    for liked in ("\ud800", "Maybe", None, 1, [], {"a": 1}, "x" * 10_000):
        assert log.add("vraag", liked, ["a"], "c") == feedback.INVALID
    assert log.add("vraag", "comment", ["a"], "c", comment="   ") == feedback.INVALID
    assert feedback.read(log.path) == []


def test_lines_escape_line_separators_and_surrogates(tmp_path):
    log = feedback.FeedbackLog(tmp_path / "f.jsonl")
    assert log.add("een\u2028twee\x85drie \ud800", False, ["a"], "c") == feedback.SAVED
    assert log.add("vraag", "comment", ["a"], "c", comment="klopt niet\u2029\u202e") == feedback.SAVED
    raw = log.path.read_text(encoding="utf-8")
    assert len(raw.splitlines()) == 2  # str.splitlines splits at U+2028/U+0085: none are raw
    votes = feedback.read(log.path)
    assert votes[0]["vote"] == "down" and votes[1] == {**votes[1], "vote": "comment"}
    assert votes[0]["question"] == "een twee drie \ud800"  # white space normalised, surrogate kept as escape
    vote = feedback.Vote("2026-12-01T00:00:00+00:00", "a\u2028b\x85c", "up", ("x",), "d\u2029e")
    assert feedback.append(log.path, vote)  # written as is: the writer escapes
    assert len(log.path.read_text(encoding="utf-8").splitlines()) == 3
    assert feedback.read(log.path)[-1]["question"] == "a\u2028b\x85c"


def test_rate_limit_per_session_and_for_the_app(tmp_path):
    clock = Clock()
    limits = feedback.Limits(per_session=3, per_app=5, window_seconds=60)
    log = feedback.FeedbackLog(tmp_path / "f.jsonl", limits, clock=clock)
    assert [log.add("q", True, [], "a") for _ in range(4)] == [feedback.SAVED] * 3 + [feedback.RATE_LIMITED]
    assert [log.add("q", True, [], "b") for _ in range(3)] == [feedback.SAVED] * 2 + [feedback.RATE_LIMITED]
    clock.now += 61
    assert log.add("q", True, [], "a") == feedback.SAVED
    assert len(feedback.read(log.path)) == 6


def test_size_cap_rotates_and_bounds_disk(tmp_path):
    limits = feedback.Limits(max_bytes=2_000, backups=2, per_session=10_000, per_app=10_000)
    log = feedback.FeedbackLog(tmp_path / "f.jsonl", limits)
    for i in range(200):
        assert log.add(f"vraag {i} " + "woord " * 20, True, ["abc"], str(i)) == feedback.SAVED
    files = [log.path, *feedback.backups(log.path, 2)]
    assert all(f.exists() for f in files)
    assert all(f.stat().st_size <= 2_000 for f in files)
    assert not log.path.with_name("f.jsonl.3").exists()
    assert feedback.read(log.path)[-1]["question"].startswith("vraag 199")


def test_retention_prunes_old_votes(tmp_path):
    path = tmp_path / "f.jsonl"
    now = datetime(2026, 12, 1, tzinfo=UTC)
    old, recent = now - timedelta(days=91), now - timedelta(days=89)
    for stamp in (old, recent, old):
        feedback.append(path, feedback.make_vote("q", True, ["a"], stamp))
    with open(path, "a", encoding="utf-8") as handle:
        handle.write("not json\n")
    assert feedback.prune(path, now) == 2
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2 and json.loads(lines[0])["timestamp"].startswith("2026-09-03")


def test_assistant_votes_through_the_log(assistant, tmp_path):
    assistant.feedback_log = tmp_path / "votes.jsonl"
    final = list(assistant.chat("Jan Jansen vraagt: waar komt multidisciplinair overleg voor?", Session(),
                                Constraints()))[-1]
    assert assistant.vote_outcome(final, 1, False, "s1") == feedback.SAVED
    assert assistant.vote_outcome(final, 1, "comment", "s1", "Bel 0612345678") == feedback.SAVED
    assert assistant.vote_outcome(final, 0, True, "s1") == ""  # a user message
    assert assistant.vote_outcome(final, None, True, "s1") == ""
    assert assistant.vote_outcome(final, 1, "\ud800", "s1") == feedback.INVALID
    votes = feedback.read(tmp_path / "votes.jsonl")
    assert [v["vote"] for v in votes] == ["down", "comment"]
    assert votes[0]["question"].startswith("[naam] [naam] vraagt")
    assert votes[1]["comment"] == "Bel [nummer]"
