"""Shared fixtures for the index, CLI and embedder tests.

* The whole bundled corpus is ingested ONCE per session (``built_index``) with
  the real bundled ``use`` embedder and a real embedded Chroma store in a tmp
  directory. Tests that change an index work on copies, or on small corpus
  subsets in a fresh index whose embedding cache is seeded from the session
  index (so re-ingests embed nothing they have embedded before).
* The environment is pointed away from the project's own ``index/`` and from
  any model hub or Chroma server; subprocesses run in a tmp working directory.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.index import CURRENT, OpenIndex, open_index
from assistant.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
SBB = DATA / "sbb-xml"
KD_TEXT = DATA / "ankerpunten-interprofessioneel-samenwerken-kd.txt"
PROFILE_TEXT = DATA / "competentieprofiel-sociaalwerker-b.txt"
PW_XML = SBB / "2635-pedagogisch-werk.xml"
SW_XML = SBB / "2637-sociaal-werk.xml"
DV_XML = SBB / "2755-dienstverlening.xml"
MZ_XML = SBB / "4156-maatschappelijke-zorg.xml"
CORPUS = (KD_TEXT, PROFILE_TEXT, PW_XML, SW_XML, DV_XML, MZ_XML)

# The interface contract (../shared/docs/interface.md).
REPORT_KEYS = ("chunks", "added", "updated", "removed", "unchanged", "failed", "seconds")
HIT_KEYS = (
    "id", "score", "kind", "dossier", "dossier_abbr", "profile", "version", "crebo", "code", "title",
    "competence", "level", "source", "location", "text", "also_in",
)

_ENV_DROP = (
    "ASSISTANT_EMBEDDER", "ASSISTANT_CHROMA_URL", "ASSISTANT_LLM_URL", "ASSISTANT_LLM_MODEL",
    "ASSISTANT_LLM_KEY", "ASSISTANT_ALLOW_HUB",
)


@pytest.fixture(scope="session", autouse=True)
def _isolated_env(tmp_path_factory: pytest.TempPathFactory):
    """No test touches the project's index/, a model hub, a Chroma server or an LLM endpoint."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("ASSISTANT_INDEX", str(tmp_path_factory.mktemp("default-index") / "index"))
        for name in _ENV_DROP:
            mp.delenv(name, raising=False)
        mp.setenv("HF_HUB_OFFLINE", "1")
        mp.setenv("TRANSFORMERS_OFFLINE", "1")
        mp.setenv("ANONYMIZED_TELEMETRY", "False")
        yield


# --------------------------------------------------------------------------- index helpers


@dataclass(frozen=True)
class Built:
    """The session index of the whole bundled corpus."""

    index_dir: Path
    report: dict
    fingerprint: str

    @property
    def settings(self) -> Settings:
        return Settings(index_dir=self.index_dir, embedder="use")

    @property
    def cache(self) -> Path:
        return self.index_dir / "cache" / "embeddings.sqlite"


def settings_for(index_dir: Path, embedder: str = "use") -> Settings:
    """Settings for an index directory, nothing else from the environment."""
    return Settings(index_dir=Path(index_dir), embedder=embedder)


def ingest(paths: Iterable[Path], index_dir: Path) -> dict:
    """Run an ingest in this process and return its JSON report."""
    from ingest.build import run_ingest

    report = run_ingest([Path(p) for p in paths], settings_for(index_dir), progress=False)
    return report.as_json()


def opened(index_dir: Path) -> OpenIndex:
    """The current build of an index, opened for reading."""
    return open_index(settings_for(index_dir))


def records(index_dir: Path) -> dict[str, dict]:
    """Every chunk of the current build as its JSON record, by id."""
    return {chunk.id: chunk.to_record() for chunk in opened(index_dir).chunks}


def current_name(index_dir: Path) -> str:
    """The build name CURRENT points at."""
    return (Path(index_dir) / CURRENT).read_text(encoding="utf-8").strip()


def sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def pipeline_fingerprint() -> str:
    from ingest.build import pipeline_fingerprint as fingerprint

    return fingerprint()


@pytest.fixture(scope="session")
def built_index(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The whole bundled corpus, ingested once into a tmp index with the real ``use`` embedder."""
    index_dir = tmp_path_factory.mktemp("full") / "index"
    report = ingest([DATA], index_dir)
    return Built(index_dir=index_dir, report=report, fingerprint=pipeline_fingerprint())


@pytest.fixture
def index_copy(built_index: Built, tmp_path: Path) -> Path:
    """A private copy of the session index (same source paths, same cache)."""
    target = tmp_path / "index-copy"
    shutil.copytree(built_index.index_dir, target)
    return target


@pytest.fixture
def fresh_index(built_index: Built, tmp_path: Path) -> Path:
    """An empty index directory whose embedding cache is seeded from the session index."""
    target = tmp_path / "index"
    (target / "cache").mkdir(parents=True)
    shutil.copy2(built_index.cache, target / "cache" / "embeddings.sqlite")
    return target


def copy_files(files: Sequence[Path], folder: Path) -> Path:
    """Copy corpus files into ``folder`` (created) and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in files:
        shutil.copy2(path, folder / path.name)
    return folder


def require_same_pipeline(built: Built) -> None:
    """Skip when another engineer changed the ingest code since the session index was built."""
    if pipeline_fingerprint() != built.fingerprint:
        pytest.skip("ingest/ changed while the tests ran; the session index is from other code")


# --------------------------------------------------------------------------- CLI helpers


def _assistant_command() -> list[str]:
    script = Path(sys.executable).parent / "assistant"
    if script.exists():
        return [str(script)]
    found = shutil.which("assistant")
    if found:
        return [found]
    return [sys.executable, "-c", "from assistant.cli import run; run()"]


def run_cli(
    *args: str,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
    timeout: float = 300,
) -> tuple[int, str, str]:
    """Run the real ``assistant`` console script; (exit code, stdout, stderr).

    Runs in a tmp working directory (``cwd``) so that a default ``index/`` is never the
    project's. stderr never holds a traceback: that is asserted here for every call.
    """
    full_env = {**os.environ, **(env or {})}
    workdir = cwd or Path(os.environ["ASSISTANT_INDEX"]).parent
    workdir.mkdir(parents=True, exist_ok=True)
    proc = subprocess.run(
        [*_assistant_command(), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env=full_env,
        cwd=workdir,
        timeout=timeout,
        check=False,
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc.returncode, proc.stdout, proc.stderr


def invoke(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    """Run ``assistant ARGS`` in this process with click's CliRunner; (exit code, stdout, stderr).

    An exception that escapes the command (anything but SystemExit) would be a traceback
    for the user; it is asserted away here.
    """
    from assistant.cli import main

    result = CliRunner().invoke(main, list(args), env=env, catch_exceptions=True)
    escaped = result.exception if not isinstance(result.exception, SystemExit) else None
    assert escaped is None, f"exception escaped the CLI: {type(escaped).__name__}: {escaped}"
    assert "Traceback" not in result.stderr, result.stderr
    return result.exit_code, result.stdout, result.stderr


def one_line(stderr: str) -> str:
    """The single message line on stderr (asserts there is exactly one, and no traceback)."""
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, f"expected one line on stderr, got {len(lines)}: {stderr!r}"
    assert "Traceback" not in stderr
    return lines[0]


def search_json(index_dir: Path, query: str, *options: str) -> dict:
    """``assistant search QUERY --json --index DIR [options]`` in this process; the parsed object."""
    code, out, err = invoke("search", query, "--json", "--index", str(index_dir), *options)
    assert code == 0, err
    lines = [line for line in out.splitlines() if line.strip()]
    assert len(lines) == 1, out[:500]
    return json.loads(lines[0])


# --------------------------------------------------------------------------- the browser (Debian's Chromium)

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium through Playwright, one per test module (``playwright install`` cannot download here)."""
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


# --------------------------------------------------------------------------- the chat over the session index


@pytest.fixture(scope="module")
def index(built_index: Built):
    """The bundled corpus's index, opened (a module may define its own)."""
    return opened(built_index.index_dir)


@pytest.fixture(scope="module")
def corpus(index):
    """The theme scan's corpus of that index."""
    from assistant.themes import corpus_for

    return corpus_for(index)


@pytest.fixture(scope="module")
def meaning(index, corpus):
    """The theme scan's meaning vectors of that index (the bundled embedder must load)."""
    from assistant.themes.vectors import meaning_for

    found = meaning_for(index, corpus)
    assert found is not None, "the bundled index's embedder must load for these tests"
    return found


@pytest.fixture(scope="module")
def library(built_index: Built):
    """The chat's view of the session index (replies.Library)."""
    from assistant.replies import Library

    return Library.of(opened(built_index.index_dir))


@pytest.fixture(scope="module")
def searcher(library):
    """Retrieval over the session index with the real ``use`` embedder, as the chat calls it."""
    from assistant.embedders import load
    from assistant.retrieval import search

    embedder = load("use")
    return lambda question, filters, k: search(library.index, embedder, question, k=k, filters=filters)


def ask(library, searcher, *messages: str, ui=None):
    """Ask messages in one conversation; the outcome of each."""
    from assistant.conversation import Constraints
    from assistant.dialogue import respond

    ui = ui or Constraints()
    turn = None
    outcomes = []
    for message in messages:
        outcome = respond(message, turn, ui, library, searcher)
        turn = outcome.turn
        outcomes.append(outcome)
    return outcomes


def only(library, searcher, question: str):
    """The reply to one question asked on its own."""
    return ask(library, searcher, question)[0].reply


def assert_not_found(library, searcher, questions, problem: str) -> None:
    """Each question, asked on its own, is answered as not in the sources for ``problem``."""
    for question in questions:
        reply = only(library, searcher, question)
        assert reply.type == "not_found" and reply.problem == problem, (question, reply.read_as)


def refs(reply) -> set[str]:
    """The unit refs a reply lists."""
    return {item.ref for item in reply.items}
