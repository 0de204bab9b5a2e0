"""The Gradio app: ``/ask`` through gradio_client against a live app, bad input, hardening,
the missing index, escaping of hostile documents, follow-ups, export and feedback.

The live app is ``python app.py`` started here on a free port of 127.0.0.1, on the
session index (see conftest.py). Timings are printed as measurements, never asserted.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import gradio as gr
import pytest
from gradio_client import Client
from test_answer import live_markup, rendered

from assistant import feedback, views
from assistant.conversation import Constraints
from assistant.settings import Settings
from assistant.webapp import Session, build_app, launch

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
TEACHER = "how does OA collaborate with external experts?"  # a lookup; "where does ..." gets a list
EVIL_KD = """KWALIFICATIEDOSSIER
Testopleiding (01/08/21)

Beroepsomschrijving

De testmedewerker werkt veilig. <script>alert('xss')</script> en meer.

Basisdeel

B1-K1: Werken met <b>vette</b> tekst en [een link](javascript:alert(1))

De testmedewerker plaatst een plaatje <img src=x onerror="alert(1)"> in de tekst.
Zie ook <a href="javascript:alert(2)">klik hier</a> en ![img](javascript:alert(3)).

B1-K1-W1: Plant het werk <iframe src="https://example.org"></iframe>

De testmedewerker plant het werk met collega's <svg onload=alert(4)> javascript:alert(5)
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def measure(request: pytest.FixtureRequest, name: str, seconds: float) -> None:
    """Record a timing in test-artifacts/measurements.json and print it on the terminal (never asserted)."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / "measurements.json"
    data = json.loads(path.read_text()) if path.exists() else {}
    data[name] = round(seconds, 3)
    path.write_text(json.dumps(data, indent=2))
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    if capture is not None and reporter is not None:
        with capture.global_and_fixture_disabled():
            reporter.write_line(f"[measurement] {name}: {seconds:.2f} s")


@dataclass
class LiveApp:
    """A running ``python app.py``."""

    process: subprocess.Popen
    url: str
    ready_seconds: float
    feedback_log: Path

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


def start_app(index_dir: Path, workdir: Path, extra_env: dict[str, str] | None = None) -> LiveApp:
    """Start ``python app.py`` on a free port and wait until the page answers (at most 120 s)."""
    port = free_port()
    log = workdir / "feedback.jsonl"
    env = {**os.environ, "ASSISTANT_INDEX": str(index_dir), "GRADIO_SERVER_PORT": str(port),
           "GRADIO_ANALYTICS_ENABLED": "False", "ASSISTANT_FEEDBACK_LOG": str(log), **(extra_env or {})}
    for name in ("ASSISTANT_LLM_URL", "GRADIO_SERVER_NAME"):
        env.pop(name, None)
    started = time.monotonic()
    output = open(workdir / "app.log", "w")  # closed when the process ends
    process = subprocess.Popen([sys.executable, str(ROOT / "app.py")], cwd=workdir, env=env, stdout=output,
                               stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    while time.monotonic() - started < 120:
        if process.poll() is not None:
            raise RuntimeError(f"app exited: {(workdir / 'app.log').read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return LiveApp(process, url, time.monotonic() - started, log)
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("app did not become ready in 120 s")


@pytest.fixture(scope="module")
def live(built_index, tmp_path_factory, request):
    app = start_app(built_index.index_dir, tmp_path_factory.mktemp("live-app"))
    measure(request, "api_app_start_to_ready", app.ready_seconds)
    yield app
    app.stop()


@pytest.fixture(scope="module")
def client(live):
    return Client(live.url, verbose=False)


@pytest.fixture(scope="module")
def app(built_index):
    demo = build_app(Settings(index_dir=built_index.index_dir, embedder="use"))
    yield demo
    demo.close()


def ask(client: Client, question: str, *filters: str) -> str:
    values = [*filters, "", "", "", "", ""][:5]
    return client.predict(question, *values, api_name="/ask")


# --------------------------------------------------------------------------- /ask through gradio_client


def p3_k2_citation(text: str, built_index) -> str:
    """The sources line of P3-K2 (OA 2021) in an answer; fails when P3-K2 is not cited with a ``[n]``."""
    from conftest import opened

    unit = next(c for c in opened(built_index.index_dir).chunks
                if c.code == "P3-K2" and c.dossier_abbr == "OA" and c.kind == "kerntaak")
    numbers = re.findall(r"^\d+\. \*\*P3-K2 [^\n]*\[(\d+)\]", text, re.MULTILINE)
    assert numbers, f"P3-K2 is not among the cited hits:\n{text}"
    expected = (f"- [{numbers[0]}] {unit.dossier} · {unit.version} · {unit.profile} · P3-K2 · {unit.title} · "
                f"{unit.source} {unit.location.label()}")
    assert expected in text
    assert re.search(r"ankerpunten-interprofessioneel-samenwerken-kd\.txt r\. \d+-\d+$", expected)
    return expected


def test_ask_teacher_question_cites_p3_k2(client, built_index, request):
    """The teacher's question, no filters: P3-K2 must be among the 5 cited hits (a retrieval check too)."""
    started = time.monotonic()
    text = ask(client, TEACHER)
    measure(request, "api_ask_seconds", time.monotonic() - started)
    assert text.startswith("The best match is"), text[:200]
    p3_k2_citation(text, built_index)
    for m in re.findall(r"^- \[(\d+)\]", text, re.MULTILINE):
        assert f"[{m}]" in text.split("**Sources**")[0], "every source is cited in the answer"


def test_ask_citation_names_dossier_version_profile_code_title_and_location(client, built_index):
    """The citation format of P3-K2, with filters so that it does not depend on the unfiltered ranking."""
    text = ask(client, TEACHER, "OA", "", "2021-08-01", "kerntaak")
    line = p3_k2_citation(text, built_index)
    assert line.startswith("- [") and " · 2021-08-01 · Onderwijsassistent · P3-K2 · " in line


def test_ask_with_filters_and_dutch_question(client):
    text = ask(client, "Coachen niveau 2", "Sociaalwerker B", "", "", "competentieniveau", "2")
    assert text.startswith("Het best passend is **Coachen niveau 2**")
    assert "- [1] Sociaalwerker B · Coachen niveau 2 · competentieprofiel-sociaalwerker-b.txt r. " in text


@pytest.mark.parametrize(
    ("question", "filters", "expected"),
    [
        ("", (), "Stel een vraag"),
        ("   ", (), "Stel een vraag"),
        ("waar komt overleg voor?", ("Bestaat Niet",), "Dat kan ik zo niet zoeken: onbekende dossier"),
        ("waar komt overleg voor?", ("", "", "", "", "drie"), "onbekend niveau"),
        ("waar komt overleg voor?", ("", "", "1999-01-01"), "onbekende version"),
    ],
)
def test_ask_bad_input_gets_a_friendly_message(client, question, filters, expected):
    assert expected in ask(client, question, *filters)


def test_ask_markup_and_one_megabyte_question(client, request):
    text = ask(client, "<script>alert(1)</script> <img src=x onerror=alert(2)> overleg")
    assert "<script" not in text and "<img" not in text
    huge = "samenwerken met externe deskundigen " * 30_000
    assert len(huge) > 1_000_000
    started = time.monotonic()
    text = ask(client, huge)
    measure(request, "api_one_megabyte_question_seconds", time.monotonic() - started)
    assert text.startswith("*Je vraag was langer dan 2000 tekens")
    assert "[1]" in text
    assert ask(client, TEACHER).startswith("The best match is"), "the app still answers afterwards"


def test_only_ask_is_public_in_the_api(client):
    assert set(client.view_api(print_info=False, return_format="dict")["named_endpoints"]) == {"/ask"}


# --------------------------------------------------------------------------- hardening


def status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def test_monitoring_off_and_no_file_access(live):
    assert status(live.url + "monitoring") in (403, 404)
    for path in ("gradio_api/file=/etc/passwd", "file=/etc/passwd", "gradio_api/file=" + str(ROOT / "app.py")):
        assert status(live.url + path) in (403, 404), path


def test_launch_is_private(monkeypatch):
    seen = {}
    monkeypatch.setattr(gr.Blocks, "launch", lambda self, **kwargs: seen.update(kwargs))
    launch(gr.Blocks())
    assert seen["server_name"] == "127.0.0.1" and seen["share"] is False
    assert seen["enable_monitoring"] is False and seen["allowed_paths"] == []
    assert os.environ["GRADIO_ANALYTICS_ENABLED"] == "False"


def test_queue_is_bounded(app):
    """Room for 200 simultaneous questions (issue 6), but a bound all the same."""
    assert 200 <= app._queue.max_size <= 1000
    assert app._queue.default_concurrency_limit == 2


def test_missing_index_starts_and_says_how_to_build_it(tmp_path):
    demo = build_app(Settings(index_dir=tmp_path / "geen-index", embedder="use"))
    try:
        assert demo.assistant.problem
        assert "assistant ingest" in demo.assistant.ask(TEACHER)
        steps = list(demo.assistant.chat(TEACHER, Session(), Constraints()))
        assert "assistant ingest" in steps[-1].messages[-1]["content"]
        port = free_port()
        demo.launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/config", timeout=10) as response:
            assert "assistant ingest" in response.read().decode()
    finally:
        demo.close()


# --------------------------------------------------------------------------- hostile documents


@pytest.fixture(scope="module")
def evil_app(built_index, tmp_path_factory):
    from conftest import ingest

    folder = tmp_path_factory.mktemp("evil-kd")
    (folder / "evil-kd.txt").write_text(EVIL_KD, encoding="utf-8")
    index_dir = tmp_path_factory.mktemp("evil-index") / "index"
    (index_dir / "cache").mkdir(parents=True)
    ingest([folder], index_dir)
    demo = build_app(Settings(index_dir=index_dir, embedder="use"))
    yield demo
    demo.close()


def test_hostile_passages_render_as_text_in_chat_and_api(evil_app):
    for question in ("plaatje in de tekst", "Plant het werk", "werkt veilig"):
        chat = list(evil_app.assistant.chat(question, Session(), Constraints()))[-1].messages[-1]["content"]
        api = evil_app.assistant.ask(question)
        for markdown in (chat, api):
            assert "[1]" in markdown
            html = rendered(markdown)
            assert live_markup(html) == [], live_markup(html)
            for tag in ("<script", "<img", "<iframe", "<svg", "<a ", "<b>"):
                assert tag not in html
            assert "javascript:" not in markdown.lower()


def test_hostile_passages_render_as_text_in_the_views(evil_app):
    chunks = evil_app.assistant.chunks
    tree = views.render_tree(views.browse_tree(chunks, "Testopleiding", "2021-08-01"), "Testopleiding")
    assert "B1-K1-W1" in tree
    assert live_markup(tree) == []
    assert "&lt;iframe" in tree and "<iframe" not in tree


# --------------------------------------------------------------------------- chat turns in process


def test_chat_follow_up_export_and_feedback(app, tmp_path, monkeypatch):
    assistant = app.assistant
    monkeypatch.setattr(assistant, "feedback_log", tmp_path / "feedback.jsonl")
    first = list(assistant.chat(TEACHER, Session(), Constraints()))[-1]
    assert first.turn.scope == "OA" and len(first.messages) == 2
    second = list(assistant.chat("en bij de PMK?", first, Constraints()))[-1]
    reply = second.messages[-1]["content"]
    assert reply.startswith("*Vervolgvraag, gelezen als:* how does PMK collaborate with external experts?")
    ids = second.records[-1].hit_ids
    assert ids and all(assistant.index.by_id[i].dossier_abbr == "PMK" for i in ids)
    csv_text = second.exports.csv.read_text(encoding="utf-8-sig")
    assert second.exports.csv.parent == assistant.export_dir
    assert csv_text.startswith("nr,id,kind") and ids[0] in csv_text
    assert assistant.vote(second, 3, True)
    assert assistant.vote(second, 1, False)
    assert not assistant.vote(second, 2, True), "user messages carry no answer"
    votes = feedback.read(tmp_path / "feedback.jsonl")
    assert [v["vote"] for v in votes] == ["up", "down"]
    assert votes[0]["question"] == "how does PMK collaborate with external experts?"
    assert votes[0]["hit_ids"] == list(ids)


def test_chat_bad_input_in_process(app):
    assistant = app.assistant
    empty = list(assistant.chat("", Session(), Constraints()))[-1]
    assert empty.messages[-1]["content"].startswith("Stel een vraag")
    markup = list(assistant.chat("<img src=x onerror=alert(1)>", Session(), Constraints()))[-1]
    assert "<img" not in markup.messages[0]["content"]
    huge = list(assistant.chat("x" * 1_000_000, Session(), Constraints()))[-1]
    assert len(huge.messages[0]["content"]) < 2100
    assert "langer dan 2000 tekens" in huge.messages[-1]["content"]
    bad = list(assistant.chat("overleg", Session(), Constraints(version="1999")))[-1]
    assert "onbekende version" in bad.messages[-1]["content"]


# --------------------------------------------------------------------------- Vergelijken export


def _handler(demo: gr.Blocks, trigger_id: str, output_id: str):
    """The function of the event fired by the component ``trigger_id`` that updates ``output_id``."""
    for block_fn in demo.fns.values():
        triggers = [getattr(demo.blocks.get(t[0]), "elem_id", None) for t in getattr(block_fn, "targets", [])]
        outputs = [getattr(o, "elem_id", None) for o in block_fn.outputs]
        if trigger_id in triggers and output_id in outputs:
            return block_fn.fn
    raise AssertionError(f"no event from {trigger_id} to {output_id}")


def test_compare_tab_exports_the_pair_shown(app):
    chunks = app.assistant.chunks
    key = next(k for label, k in views.werkproces_options(chunks) if "P3-K2-W2" in label and "2021" in label)
    left, right = views.compare_candidates(chunks, key)[:2]
    pick_right = _handler(app, "v-rechts", "v-csv")
    html, csv_button, md_button = pick_right(key, 1)
    assert left.title in html and right.title in html
    paths = [b.value["path"] if isinstance(b.value, dict) else b.value for b in (csv_button, md_button)]
    csv_text, md_text = (Path(p).read_text(encoding="utf-8") for p in paths)
    for text in (csv_text, md_text):
        assert left.title in text and right.title in text
    assert "\\(" not in md_text  # clean text, no Markdown escapes
    _, no_csv, _ = pick_right(key, None)  # nothing to compare with: nothing to download
    assert no_csv.value is None and no_csv.interactive is False
