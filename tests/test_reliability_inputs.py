"""Reliability: bad and odd input through the CLI and the UI's handlers, never a traceback.

Channels here: the CLI in process (click's CliRunner, the same command code), the real console
script (subprocess, a few inputs and ``--batch`` files), and the web app's handlers in process
(``Assistant.ask`` behind ``/ask``, ``Assistant.chat`` behind the chat box). The live app over
HTTP (``/ask`` and the browser's protocol) is in ``test_reliability_api.py``.

Generated inputs (hypothesis, bounded): ``assistant.retrieval.search`` raises nothing but
``BadQuery`` for any text and any filters; the handlers return a friendly message for any text.
What existing tests already cover (one 1 MB ``--batch`` line of ASCII, empty/whitespace
queries in the console script, a few odd queries) is not repeated; this extends it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import Built, _assistant_command, one_line
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_reliability_common import EMPTY_INPUTS, ODD_INPUTS, SURROGATE_INPUTS, count_input, record

from assistant.cli import main
from assistant.conversation import Constraints
from assistant.embedders import load
from assistant.retrieval import BadQuery, Filters, search
from assistant.settings import MAX_QUERY_CHARS, Settings
from assistant.webapp import EMPTY_QUESTION, Session, build_app

ALL_INPUTS = {**EMPTY_INPUTS, **ODD_INPUTS, **SURROGATE_INPUTS}
EMPTY_LABELS = {*EMPTY_INPUTS, "lone-surrogate"}
FRIENDLY_EMPTY = (EMPTY_QUESTION["nl"], EMPTY_QUESTION["en"], "lege vraag")
GENERATED = st.characters(exclude_categories=())  # every code point, lone surrogates included
WORDS = st.sampled_from([
    "kinderen", "B1-K1-W5", "P3-K2", "Coachen", "niveau", "2", "OA", "PMK", "crebo", "23183", "2015",
    "en bij de", "alleen niveau 3", "werkprocessen", "kerntaak", "where", "does", "\u200b", "\x00", "😀",
    "\u202e", "<script>", "](javascript:", "*", "_", "|", "\\", "'", '"',
])
QUERIES = st.one_of(
    st.text(GENERATED, max_size=300),
    st.lists(st.one_of(WORDS, st.text(GENERATED, max_size=6)), max_size=40).map(" ".join),
)


def cli(channel: str, label: str, *args: str) -> tuple[int, str, str]:
    """``assistant ARGS`` in process; an exception escaping the command counts as a traceback."""
    result = CliRunner().invoke(main, list(args), catch_exceptions=True)
    escaped = result.exception if not isinstance(result.exception, SystemExit) else None
    shown = result.stderr + ("Traceback (most recent call last)" if escaped is not None else "")
    count_input(channel, label, shown)
    assert escaped is None, f"exception escaped the CLI: {type(escaped).__name__}: {escaped}"
    return result.exit_code, result.stdout, result.stderr


def json_lines(out: bytes) -> list[dict]:
    """JSON Lines split on ``\\n`` only (U+2028 and friends may stand raw inside a line), strict UTF-8."""
    return [json.loads(line) for line in out.decode("utf-8").split("\n") if line.strip()]


def console(label: str, args: list, env: dict | None = None, timeout: float = 300) -> tuple[int, bytes, str]:
    """The real console script with raw argv (str or bytes); (exit code, stdout bytes, stderr text)."""
    command = [os.fsencode(part) for part in _assistant_command()] + [
        part if isinstance(part, bytes) else os.fsencode(part) for part in args
    ]
    proc = subprocess.run(command, capture_output=True, timeout=timeout, check=False,
                          env={**os.environ, **(env or {})}, cwd=Path(os.environ["ASSISTANT_INDEX"]).parent)
    stderr = proc.stderr.decode("utf-8", errors="replace")
    count_input("cli-console", label, stderr)
    assert "Traceback" not in stderr, stderr[-3000:]
    return proc.returncode, proc.stdout, stderr


@pytest.fixture(scope="module")
def assistant(built_index: Built):
    demo = build_app(Settings(index_dir=built_index.index_dir, embedder="use"))
    yield demo.assistant
    demo.close()


@pytest.fixture(scope="module")
def opened_index(built_index: Built):
    from conftest import opened

    return opened(built_index.index_dir)


# --------------------------------------------------------------------------- CLI in process


@pytest.mark.parametrize("label", sorted(EMPTY_INPUTS))
def test_cli_query_with_nothing_searchable_exits_2(built_index: Built, label: str):
    code, out, err = cli("cli", label, "search", EMPTY_INPUTS[label], "--json", "--index", str(built_index.index_dir))
    assert code == 2 and out.strip() == ""
    assert "lege vraag" in one_line(err)


@pytest.mark.parametrize("label", sorted(ODD_INPUTS))
def test_cli_odd_query_answers(built_index: Built, label: str):
    query = ODD_INPUTS[label]
    code, out, err = cli("cli", label, "search", query, "--json", "-k", "3", "--index", str(built_index.index_dir))
    assert code == 0, err
    result = json.loads(out)
    assert result["query"] == query and 1 <= len(result["hits"]) <= 3
    code, out, err = cli("cli", label, "search", query, "-k", "2", "--index", str(built_index.index_dir))
    assert code == 0 and out.startswith("1. ["), err


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("--dossier", "\x00"),
        ("--profile", "\u202eOA\u202c"),
        ("--version", "2015-08-01\x00"),
        ("--kind", "werkproces\u200b"),
        ("--dossier", "👩‍🏫"),
        ("--kind", "x" * 100_000),
        ("--profile", "   "),
        ("--dossier", "OA' OR '1'='1"),
    ],
)
def test_cli_unknown_filter_with_odd_characters_exits_2(built_index: Built, option: str, value: str):
    code, out, err = cli("cli", f"filter {option}", "search", "samenwerken", "--json", option, value,
                         "--index", str(built_index.index_dir))
    assert code == 2 and out.strip() == ""
    assert "kies uit" in one_line(err)


def test_cli_non_integer_level_is_one_line(built_index: Built):
    code, out, err = cli("cli", "filter --level", "search", "samenwerken", "--level", "drie",
                         "--index", str(built_index.index_dir))
    assert code == 2 and out.strip() == ""
    one_line(err)


def test_cli_lone_surrogate_alone_is_empty(built_index: Built):
    code, out, err = cli("cli", "lone-surrogate", "search", "\ud800", "--json", "--index", str(built_index.index_dir))
    assert code == 2 and out.strip() == ""
    assert "lege vraag" in one_line(err)


def test_cli_lone_surrogates_inside_query_in_process(built_index: Built):
    query = SURROGATE_INPUTS["lone-surrogates-inside"]
    code, out, err = cli("cli", "lone-surrogates-inside", "search", query, "--json", "--index",
                         str(built_index.index_dir))
    assert code == 0, err
    assert json.loads(out)["hits"]


# --------------------------------------------------------------------------- the real console script


@pytest.mark.slow
def test_console_script_odd_arguments(built_index: Built):
    """Argument-safe inputs (argv cannot carry NUL) through the real console script, 3 at a time."""
    index = str(built_index.index_dir)
    cases = {label: EMPTY_INPUTS[label] for label in ("control", "zero-width", "rtl-marks", "private-use")}
    cases.update({label: ODD_INPUTS[label] for label in ("rtl-inside", "emoji-only", "combining", "100k")})

    def one(label: str):
        return label, console(label, ["search", cases[label], "--json", "-k", "2", "--index", index])

    with ThreadPoolExecutor(3) as pool:
        results = dict(pool.map(one, cases))
    for label, (code, out, err) in results.items():
        if label in EMPTY_INPUTS:
            assert code == 2 and out.strip() == b"", (label, err)
            assert "lege vraag" in one_line(err), label
        else:
            assert code == 0, (label, err)
            parsed = json.loads(out.decode("utf-8"))
            assert parsed["query"] == cases[label] and parsed["hits"], label


@pytest.mark.slow
def test_console_script_batch_of_bad_lines(built_index: Built, tmp_path: Path):
    """One ``--batch`` file with every bad input (NUL, lone surrogates as CESU bytes, invalid UTF-8, a 1 MB
    multi-byte line, CRLF): one JSON line per input line, in order, exit 2 (some lines are empty), valid UTF-8."""
    lines: list[bytes] = []
    labels: list[str] = []
    for label, text in {**EMPTY_INPUTS, **ODD_INPUTS}.items():
        if "\n" in text or "\r" in text:
            continue  # line separators: they split the line, as they should
        lines.append(text.encode("utf-8"))
        labels.append(label)
    lines += [b"kinderen \xed\xa0\x80 begeleiden", b"\xff\xfe\xfd samenwerken", b"\xed\xa0\x80",
              ("ë€😀" * 120_000).encode("utf-8")[:1_000_000], b"samenwerken met ouders\r"]
    labels += ["cesu-surrogate-inside", "invalid-utf8-inside", "cesu-surrogate", "1mb-multibyte", "crlf"]
    batch = tmp_path / "bad.txt"
    batch.write_bytes(b"\n".join(lines) + b"\n")
    code, out, err = console("batch", ["search", "--batch", str(batch), "--json", "-k", "2",
                                       "--index", str(built_index.index_dir)])
    assert code == 2, err
    assert "lege of ongeldige vragen" in one_line(err)
    records = json_lines(out)
    assert len(records) == len(lines)
    for label, result in zip(labels, records, strict=True):
        if label in EMPTY_INPUTS or label == "cesu-surrogate":  # a lone surrogate alone holds nothing to search
            assert result["hits"] == [] and "lege vraag" in result["error"], label
        else:
            assert "error" not in result and result["hits"], label
    assert records[-1]["query"] == "samenwerken met ouders"


@pytest.mark.slow
@pytest.mark.parametrize("locale", ["C.UTF-8", "strict-utf8"])
def test_console_script_undecodable_argument(built_index: Built, locale: str):
    env = {"LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
    if locale == "strict-utf8":
        env["PYTHONIOENCODING"] = "utf-8"
    argv = ["search", b"kinderen \xed\xa0\x80 begeleiden", "--json", "-k", "1", "--index", str(built_index.index_dir)]
    code, out, err = console(f"argv-bytes {locale}", argv, env=env)
    assert code == 0, err
    assert json.loads(out.decode("utf-8"))["hits"]


@pytest.mark.slow
@settings(max_examples=4, deadline=None, database=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
@given(st.lists(QUERIES.filter(lambda q: "\n" not in q and "\r" not in q), min_size=10, max_size=30))
def test_console_script_generated_batches(built_index: Built, tmp_path_factory, queries: list[str]):
    """Generated queries (every code point) in ``--batch`` files through the real console script:
    one valid JSON line each, only 'empty query' errors, exit 0 or 2, never a traceback."""
    batch = tmp_path_factory.mktemp("gen") / "q.txt"
    batch.write_bytes("\n".join(queries).encode("utf-8", errors="surrogatepass") + b"\n")
    code, out, err = console("generated batch", ["search", "--batch", str(batch), "--json", "-k", "2",
                                                 "--index", str(built_index.index_dir)])
    assert code in (0, 2), err
    records = json_lines(out)
    assert len(records) == len(queries)
    for result in records:
        assert "error" not in result or "lege vraag" in result["error"], result
    assert (code == 2) == any("error" in r for r in records)


# --------------------------------------------------------------------------- generated input, in process


def test_search_raises_only_bad_query_for_any_text(built_index: Built, opened_index):
    """200 generated queries with generated filters: ``search`` returns hits or raises BadQuery, nothing else."""
    embedder = load("use")
    values = opened_index.vocabulary.filter_values
    stats = {"examples": 0, "bad_query": 0, "other_exceptions": 0}

    def known(name: str):
        return st.sampled_from(sorted(values.get(name, ())) or ["x"])

    def field(name: str):
        return st.one_of(st.none(), known(name), known(name).map(str.upper), st.text(GENERATED, max_size=12))

    filters = st.builds(Filters, dossier=field("dossier"), profile=field("profile"), version=field("version"),
                        kind=field("kind"), level=st.one_of(st.none(), st.integers(-3, 9)))

    @settings(max_examples=200, deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    @given(QUERIES, st.one_of(st.just(Filters()), filters), st.integers(1, 12))
    def check(query: str, chosen: Filters, k: int):
        stats["examples"] += 1
        try:
            hits = search(opened_index, embedder, query, k=k, filters=chosen)
        except BadQuery as exc:
            stats["bad_query"] += 1
            assert str(exc).strip() and "\n" not in str(exc)
            return
        except Exception:
            stats["other_exceptions"] += 1
            raise
        assert len(hits) <= k
        for hit in hits:
            json.dumps(hit.as_json())

    try:
        check()
    finally:
        record("inputs", "hypothesis_search", stats)
        count_input("search", "hypothesis", "Traceback (most recent call last)" if stats["other_exceptions"] else "")
    assert stats["examples"] >= 200


@settings(max_examples=100, deadline=None, database=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(question=QUERIES, dossier=st.one_of(st.just(""), st.sampled_from(["OA", "pw", "Bestaat Niet", "\x00"])),
       level=st.sampled_from(["", "2", "drie", "9", "\ud800"]))
def test_ask_handler_answers_any_text(assistant, question: str, dossier: str, level: str):
    """``Assistant.ask`` (behind ``/ask``): a non-empty Markdown string for any text, UTF-8 encodable
    (Gradio must serialise it), never an exception."""
    out = assistant.ask(question, dossier, "", "", "", level)
    count_input("ui-ask", "hypothesis", out)
    assert isinstance(out, str) and out.strip()
    out.encode("utf-8")


@settings(max_examples=60, deadline=None, database=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(question=st.text(st.characters(exclude_categories=("Cs",)), max_size=300))
def test_chat_handler_answers_any_text_without_surrogates(assistant, question: str):
    """``Assistant.chat`` (behind the chat box) for generated text (lone surrogates: named tests below)."""
    steps = list(assistant.chat(question, Session(), Constraints()))
    final = steps[-1].messages
    count_input("ui-chat", "hypothesis", final[-1]["content"])
    assert [m["role"] for m in final] == ["user", "assistant"]
    json.dumps(final, ensure_ascii=False).encode("utf-8")  # what Gradio has to send


# --------------------------------------------------------------------------- the handlers, named inputs


@pytest.mark.parametrize("label", sorted(ALL_INPUTS))
def test_ask_handler_named_inputs(assistant, label: str):
    out = assistant.ask(ALL_INPUTS[label])
    count_input("ui-ask", label, out)
    out.encode("utf-8")
    if label in EMPTY_LABELS:
        assert any(message in out for message in FRIENDLY_EMPTY), out[:300]
    else:
        assert "[1]" in out and "- [1] " in out, out[:300]
    if label == "100k":
        assert out.startswith("*Je vraag was langer dan 2000 tekens")


@pytest.mark.parametrize("label", sorted({*EMPTY_INPUTS, *ODD_INPUTS}))
def test_chat_handler_named_inputs(assistant, label: str):
    text = ALL_INPUTS[label]
    steps = list(assistant.chat(text, Session(), Constraints()))
    messages = steps[-1].messages
    count_input("ui-chat", label, messages[-1]["content"])
    json.dumps(messages, ensure_ascii=False).encode("utf-8")
    assert len(messages[0]["content"]) <= MAX_QUERY_CHARS * 6 + 10  # the echoed question is cut and escaped
    if label in EMPTY_LABELS:
        assert any(message in messages[-1]["content"] for message in FRIENDLY_EMPTY)
    else:
        assert '<details class="bron"><summary>[1] ' in messages[-1]["content"]
        assert steps[-1].exports is not None and steps[-1].exports.csv.exists()


@pytest.mark.parametrize("label", sorted(SURROGATE_INPUTS))
def test_chat_handler_lone_surrogates(assistant, label: str):
    """Lone surrogates reach the chat as JSON escapes; the turn must still be serialisable, with the right answer."""
    messages = None
    shown = ""
    try:
        steps = list(assistant.chat(SURROGATE_INPUTS[label], Session(), Constraints()))
        messages = steps[-1].messages
        shown = json.dumps(messages, ensure_ascii=False)
        shown.encode("utf-8")
    except (UnicodeError, ValueError) as exc:
        count_input("ui-chat", label, f"Traceback (most recent call last)\n{type(exc).__name__}")
        raise
    count_input("ui-chat", label, shown)
    assert messages and messages[-1]["role"] == "assistant"
    if label == "lone-surrogate":
        assert any(message in messages[-1]["content"] for message in FRIENDLY_EMPTY), messages[-1]["content"][:200]
    else:
        assert '<details class="bron"><summary>[1] ' in messages[-1]["content"]


@pytest.mark.parametrize("level", ["²", "①"])
def test_ask_handler_level_with_unicode_digit(assistant, level: str):
    try:
        out = assistant.ask("samenwerken met ouders", "", "", "", "", level)
    except ValueError:
        count_input("ui-filters", f"level {level}", "Traceback (most recent call last)")
        raise
    count_input("ui-filters", f"level {level}", out)
    assert out.startswith("Dat kan ik zo niet zoeken: onbekend niveau")


@pytest.mark.parametrize(
    "constraints",
    [Constraints(dossier="Bestaat Niet"), Constraints(level="drie"), Constraints(version="\x00"),
     Constraints(kind="\u202ewerkproces"), Constraints(profile="x" * 100_000), Constraints(level="\ud800")],
    ids=["dossier", "level-word", "version-nul", "kind-rtl", "profile-100k", "level-surrogate"],
)
def test_unknown_filters_in_the_handlers_get_a_friendly_message(assistant, constraints: Constraints):
    asked = assistant.ask("samenwerken met ouders", *(getattr(constraints, f) for f in
                                                       ("dossier", "profile", "version", "kind", "level")))
    chatted = list(assistant.chat("samenwerken met ouders", Session(), constraints))[-1].messages[-1]["content"]
    for out in (asked, chatted):
        count_input("ui-filters", "unknown filter", out)
        out.encode("utf-8")
        if len(constraints.profile or "") > 200:  # over the filter length limit: a message without the value
            assert out.startswith("Een filterwaarde mag hoogstens 200 tekens") and "xxxxxxxxxx" not in out, out[:200]
        else:
            assert out.startswith("Dat kan ik zo niet zoeken: onbekend"), out[:200]


def test_generated_figures_are_recorded():
    """The battery's traceback counter itself works (so a zero in the report means something)."""
    assert not count_input("self-check", "x", "Traceback (most recent call last)\n  boom")
    assert count_input("self-check", "y", "no trace here")
    assert sys.version_info >= (3, 11)
