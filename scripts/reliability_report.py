"""Run the reliability and security battery and write docs/reliability.md with its figures.

    .venv/bin/python scripts/reliability_report.py            # the whole battery (about 6-8 minutes)
    .venv/bin/python scripts/reliability_report.py -k kills   # extra pytest arguments are passed on

The battery is tests/test_reliability_*.py. Its tests record what they measure (kills, latencies,
traceback counts, fault outcomes...) in a JSON file (``RELIABILITY_FIGURES``); this script runs
them once with a fresh file, reads the figures and pytest's JUnit XML (passes, known bugs as
strict xfails), and writes the report with the machine, the date and the commands. Exit status:
pytest's (0 when every test passed or failed only as a known, marked bug).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from pathlib import Path

from assistant import webapp

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "docs" / "reliability.md"
BATTERY = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "tests").glob("test_reliability_*.py"))

ADVISORIES = [  # Gradio advisories on the file routes / path handling / SSRF, newest fix first
    ("CVE-2026-59806", "open redirect and SSRF via `/gradio_api/file=` (`file_fetch`)", "6.20.0"),
    ("CVE-2026-49119 (GHSA-j36p-7w88-g82j, PYSEC-2026-2179)", "path traversal in `FileExplorer.preprocess`", "6.16.0"),
    ("CVE-2026-48545 (PYSEC-2026-2178)", "cookie injection through the shared proxy client", "6.15.0"),
    ("CVE-2026-28414 (GHSA-39mp-8hj3-5c49)", "absolute path traversal via `/static/` (Windows, Python 3.13)", "6.7.0"),
    ("CVE-2026-28416 (GHSA-jmh7-g254-2cq9)", "SSRF via `proxy_url` in `gr.load()` configs", "6.6.0"),
    ("PYSEC-2026-65", "open redirect in the OAuth `/logout`, `/login/callback`", "6.6.0"),
    ("CVE-2024-47167 (GHSA-576c-3j53-r9jj)", "SSRF in `/queue/join` (`save_url_to_cache`)", "5.0.0"),
    ("CVE-2023-51449", "path traversal in `/file=`", "4.11.0"),
    ("CVE-2024-1183 (GHSA-qh6x-j82h-vpf9)", "SSRF / port scan via the `file` parameter", "4.10.0"),
]


def before_build(kills: dict) -> int:
    """Kills that landed before the ingest created its new build directory."""
    return (kills["kills"] - kills.get("killed_while_writing_a_build", 0) - kills.get("killed_after_switch", 0)
            - kills.get("completed_before_kill", 0))


def machine() -> dict:
    cpu = "unknown"
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                   if line.startswith("model name"))
    except (OSError, StopIteration):
        cpu = platform.processor() or cpu
    memory = None
    try:
        kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
        memory = round(kb / 1024 / 1024, 1)
    except (OSError, AttributeError):
        pass
    return {"cores": os.cpu_count(), "cpu": cpu, "memory_gb": memory, "os": platform.platform(),
            "python": platform.python_version()}


def versions() -> dict:
    code = ("import json, gradio, gradio_client, chromadb; print(json.dumps({'gradio': gradio.__version__, "
            "'gradio_client': gradio_client.__version__, 'chromadb': chromadb.__version__}))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    return json.loads(done.stdout) if done.returncode == 0 else {}


def junit(path: Path) -> tuple[dict, list[dict]]:
    """Outcome counts and the xfailed tests (with their reasons) from pytest's JUnit XML."""
    counts = {"passed": 0, "failed": 0, "xfailed": 0, "skipped": 0, "errors": 0}
    known: list[dict] = []
    failed: list[str] = []
    if not path.exists():
        return counts, known
    for case in ET.parse(path).getroot().iter("testcase"):
        name = f"{case.get('classname', '').split('.')[-1]}::{case.get('name')}"
        skipped = case.find("skipped")
        if case.find("failure") is not None:
            counts["failed"] += 1
            failed.append(name)
        elif case.find("error") is not None:
            counts["errors"] += 1
            failed.append(name)
        elif skipped is not None and skipped.get("type") == "pytest.xfail":
            counts["xfailed"] += 1
            known.append({"test": name, "reason": skipped.get("message", "")})
        elif skipped is not None:
            counts["skipped"] += 1
        else:
            counts["passed"] += 1
    counts["failed_tests"] = failed
    return counts, known


def loadavg() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "n/a"


def table(header: list[str], rows: list[list]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c).replace("|", "\\|").replace("\n", " ") for c in row) + " |" for row in rows]
    return "\n".join(lines)


def shorten_paths(text: str) -> str:
    text = re.sub(r"/tmp/pytest-of-[^/]+/pytest-\d+/[^\s`:]*?/index", "<index>", text)
    return re.sub(r"/tmp/[^\s`:]+", "<tmp>", text)


def render(fig: dict, counts: dict, known: list[dict], meta: dict) -> str:
    out: list[str] = []
    add = out.append
    add("# Reliability and security\n")
    add("Measured by `scripts/reliability_report.py`, which runs the fault and bad-input battery "
        "(`tests/test_reliability_*.py`) and writes this file. Regenerate it after changes; do not edit the figures "
        "by hand.\n")
    m = meta["machine"]
    add(table(["", ""], [
        ["date (UTC)", meta["date"]], ["machine", f"{m['cores']} cores · {m['cpu']} · {m['memory_gb']} GB · {m['os']}"],
        ["python / gradio / gradio_client / chromadb",
         f"{m['python']} / {meta['versions'].get('gradio')} / {meta['versions'].get('gradio_client')} / "
         f"{meta['versions'].get('chromadb')}"],
        ["load average before → after", f"{meta['load_before']} → {meta['load_after']} (other work on the machine "
         "slows timings; counts are unaffected)"],
        ["battery run time", f"{meta['seconds']:.0f} s"],
        ["tests", f"{counts['passed']} passed, {counts['xfailed']} known bugs (strict xfail), {counts['failed']} "
         f"failed, {counts['errors']} errors, {counts['skipped']} skipped"],
    ]))
    add("\nCommands:\n")
    add("```bash\n.venv/bin/python scripts/reliability_report.py          # run the battery, rewrite this file\n"
        ".venv/bin/python -m pytest -q tests/test_reliability_*.py   # the battery alone (part of "
        "`bash scripts/test.sh`)\n.venv/bin/python -m pytest -q tests/test_reliability_*.py -m 'not slow'   "
        "# the quick part\n```\n")

    # ---- targets
    inputs = {k: v for k, v in fig.get("inputs", {}).items() if isinstance(v, dict) and "checked" in v
              and k != "self-check"}
    checked = sum(v["checked"] for v in inputs.values())
    tracebacks = sum(v["tracebacks"] for v in inputs.values())
    hard = fig.get("hardening", {})
    probe_channels = ("ui-fn-index", "ui-like")
    probe_checked = sum(inputs.get(c, {}).get("checked", 0) for c in probe_channels)
    probe_tracebacks = sum(inputs.get(c, {}).get("tracebacks", 0) for c in probe_channels) + \
        hard.get("fn_index_battery", {}).get("product_tracebacks", 0)
    disk = hard.get("export_disk", {})
    kills = fig.get("kills", {}).get("summary", {})
    bounded = fig.get("load", {}).get("bounded", {})
    simultaneous = fig.get("load", {}).get("simultaneous", {})
    add("## Targets\n")
    add(table(["target", "measured", "met"], [
        ["0 tracebacks over the whole battery",
         f"{tracebacks} in {checked} checks" + (" (each from a known bug below)" if tracebacks else ""),
         "yes" if tracebacks == 0 else "no"],
        ["0 index losses over 20 kills",
         f"{kills.get('index_losses', 'n/a')} losses in {kills.get('kills', 'n/a')} kills",
         "yes" if kills.get("index_losses") == 0 and kills.get("kills") == 20 else "no"],
        ["0 errors over 200 concurrent requests",
         f"{bounded.get('errors', 'n/a')} errors with ≤ {bounded.get('in_flight_max', '?')} in flight; "
         f"{simultaneous.get('errors', 'n/a')} of 200 refused (HTTP 503) when all 200 arrive at once",
         "yes" if bounded.get("errors") == 0 and simultaneous.get("errors") == 0 else
         "with a bounded client only" if bounded.get("errors") == 0 else "no"],
        ["0 tracebacks over the hardening probes (every event by `fn_index`, likes)",
         f"{probe_tracebacks} in {probe_checked} checks" if probe_checked else "n/a",
         "yes" if probe_checked and probe_tracebacks == 0 else "no"],
        ["run history gone", f"`/gradio_api/runs`: {hard.get('run_history', {}).get('runs_status', 'n/a')}",
         "yes" if hard.get("run_history", {}).get("runs_status") == 404 else "no"],
        ["export + cache disk ≤ 50 MB after 1,000 chat sessions, nothing left after exit",
         f"peak {disk.get('peak_mb', 'n/a')} MB over {disk.get('sessions', 'n/a')} sessions; "
         f"{disk.get('left_after_exit', 'n/a')} export folders left after exit" if disk else "n/a",
         "yes" if disk and disk.get("sessions", 0) >= 1000 and disk.get("peak_mb", 99) <= 50
         and disk.get("left_after_exit") == 0 else "no"],
    ]))

    # ---- inputs
    add("\n## 1. Bad input (CLI, API, UI)\n")
    add("Empty, whitespace-only, NUL and control characters, lone surrogates, right-to-left and zero-width "
        "characters, emoji, combining marks, markup, 100 000 characters, a 1 MB multi-byte line and invalid UTF-8 in "
        "`--batch`, unknown filters with odd characters; plus generated input (hypothesis, fixed seed): 200 queries "
        "with generated filters for `retrieval.search` in process, 100 for `/ask`'s handler, 60 for the chat handler, "
        "and 4 generated `--batch` files (10-30 lines each) plus odd arguments through the real console script.\n")
    rows = [[channel, v["checked"], v["tracebacks"], ", ".join(v.get("with_traceback", [])) or "–"]
            for channel, v in sorted(inputs.items())]
    add(table(["channel", "inputs checked", "tracebacks / crashes", "which"], rows))
    hyp = fig.get("inputs", {}).get("hypothesis_search", {})
    if hyp:
        add(f"\n`retrieval.search` on generated input: {hyp.get('examples')} examples, {hyp.get('bad_query')} "
            f"`BadQuery` (empty query or unknown filter), {hyp.get('other_exceptions')} other exceptions.\n")

    # ---- index faults
    add("\n## 2. Index faults\n")
    add("`assistant search` (real console script) on a damaged copy of the index; the web app's `Assistant` on the "
        "same copies. Wanted: exit 1, nothing on stdout, one line on stderr that names `assistant ingest`.\n")
    faults = fig.get("index_faults", {})
    rows = [[name, r["exit"], shorten_paths(r["stderr"]) or "(nothing)"] for name, r in faults.get("cli", {}).items()]
    for key, label in (("read_only_search", "read-only index (root without CAP_DAC_OVERRIDE), search"),
                       ("read_only_ingest", "read-only index, ingest")):
        if key in faults:
            rows.append([label, faults[key]["exit"], shorten_paths(faults[key]["stderr"])])
    add(table(["fault", "exit", "stderr"], rows))

    # ---- ingest faults
    add("\n## 3. Ingest faults\n")
    if kills:
        add(f"**{kills['kills']} × `kill -9`** (seed {kills['seed']}) at moments spread over the ingest's lifetime "
            f"(one ingest with real work ≈ {kills['lifetime_s']} s: a renamed dossier, all its chunks re-embedded): "
            f"{kills['index_losses']} index losses. {before_build(kills)} kills landed before the new build "
            f"directory existed (reading, parsing, embedding), {kills.get('killed_while_writing_a_build', 0)} while it "
            f"was being written, {kills.get('killed_after_switch', 0)} after the atomic switch "
            f"(the new build answered), {kills.get('completed_before_kill', 0)} ingests finished before their kill "
            f"moment (not counted). After every kill the previous index answered byte-identically "
            f"(`search --batch --json`). Kill moments (s): {', '.join(str(x) for x in kills.get('moments_s', []))}.\n")
        after = fig.get("kills", {}).get("after", {})
        if after:
            add(f"Afterwards a normal ingest exited {after.get('final_ingest_exit')}, left {after.get('builds_left')} "
                f"builds, and its build equals a clean ingest of the same files (same ids, count, `chunks.jsonl` "
                f"bytes, search output): {after.get('same_as_clean_ingest')}.\n")
    writers = fig.get("concurrent_writers", {})
    if writers:
        second = writers.get("second_while_first_runs", {})
        both = writers.get("two_at_once", {})
        add(f"**Two writers**: a second ingest while the first held the lock exited {second.get('second_exit')} "
            f"(`{shorten_paths(second.get('second_stderr', ''))}`), the first {second.get('first_exit')}; two ingests "
            f"started at the same instant exited {both.get('exits')}.\n")
    readers = fig.get("readers", {}).get("during_ingest", {})
    if readers:
        groups: dict[str, list[str]] = {}
        for o in readers.get("outcomes", []):
            groups.setdefault(o["group"], []).append(o["saw"])
        add(f"**{readers['readers']} CLI readers** during an ingest that changes two files: {readers['ok']} exited 0; "
            f"{readers['old']} saw the old results, {readers['new']} the new, {readers['mixed']} a mix. By start: "
            + "; ".join(f"{g}: {', '.join(v)}" for g, v in groups.items()) + ".\n")

    # ---- load
    add("\n## 4. Load (loopback only)\n")
    if bounded:
        add(table(["run", "requests", "errors", "p50", "p95", "max", "total", "throughput"], [
            [f"200 threads, ≤ {bounded['in_flight_max']} in flight", bounded["requests"], bounded["errors"],
             f"{bounded['p50_ms']} ms", f"{bounded['p95_ms']} ms", f"{bounded['max_ms']} ms", f"{bounded['total_s']} s",
             f"{bounded['throughput_per_s']}/s"],
            ["200 threads released at once", simultaneous.get("requests"),
             f"{simultaneous.get('errors')} (HTTP 503: {simultaneous.get('http_503')})",
             f"{simultaneous.get('p50_ms_answered')} ms", f"{simultaneous.get('p95_ms_answered')} ms", "–",
             f"{simultaneous.get('total_s')} s", "–"],
        ]))
        add("\nLatency is client-side, from the POST to the complete event of `/gradio_api/call/ask`, and includes "
            "queueing: the app answers one search at a time (a lock around the shared embedder; queue concurrency "
            f"{webapp.CONCURRENCY}, queue size {webapp.QUEUE_SIZE}). "
            "Past the queue bound Gradio refuses with HTTP 503 and the app keeps answering (tested).\n")

    # ---- injection
    add("\n## 5. Injection\n")
    inj = fig.get("injection", {})
    browser = inj.get("browser", {})
    exports = inj.get("exports", {})
    add("Passages with `<script>`, `onerror`/`onload`, `javascript:`/`vbscript:`/`data:` links, Markdown image "
        "beacons (`![x](http://127.0.0.1:9/beacon)` and a live beacon server), reference links, autolinks, "
        "`<meta refresh>`/`<base>`/`<object>`, spreadsheet formulas and \"ignore previous instructions\" text that "
        "closes its `<passage>` block. Chat, `/ask`, CSV and Markdown exports, the LLM prompt and hostile model "
        "output were checked by parsing the rendered HTML" + (
            f"; in Chromium the beacon got {browser.get('beacon_hits')} requests, with {browser.get('images')} live "
            f"images, {browser.get('links')} live links and {browser.get('scripts')} script/iframe/object elements"
            if browser else "") + (
            f"; the CSV export of {exports.get('rows')} hostile hits has {exports.get('defused_formula_cells')} "
            "formula cells, all defused with a leading apostrophe" if exports else "") + ".\n")

    # ---- offline
    add("\n## 6. Offline\n")
    off = fig.get("offline", {})
    add(table(["check", "non-loopback connection attempts"], [
        ["ingest (new file, real embedding) + search + app launched and asked, in process",
         off.get("in_process_non_loopback_attempts", "n/a")],
        ["console script ingest + search, fresh processes, suite's safety variables removed",
         off.get("cli_non_loopback_attempts", "n/a")],
        ["`python app.py` serving `/ask`, same", off.get("app_non_loopback_attempts", "n/a")],
        ["`st:` hub model name, CLI import order", off.get("hub_name_cli_non_loopback_attempts", "n/a")],
        ["`st:` hub model name, web-app import order (gradio first); the test's socket guard would stop the "
         "process at the first attempt",
         off.get("hub_name_web_app_non_loopback_attempts", "n/a")],
    ]))
    settings = off.get("settings", {})
    add(f"\nWithout the suite's variables the product itself sets `GRADIO_ANALYTICS_ENABLED="
        f"{settings.get('gradio_analytics')}` and Chroma `anonymized_telemetry={settings.get('chroma_telemetry')}`; "
        "`HF_HUB_OFFLINE=1`, `TRANSFORMERS_OFFLINE=1` and `HF_HUB_DISABLE_TELEMETRY=1` are set when the "
        "`assistant` package is imported, before gradio or huggingface_hub (`src/assistant/offline.py`; "
        "`ASSISTANT_ALLOW_HUB=1` lets a user with a hub fetch an `st:` model).\n"
        "Note (test side, not the product): `gradio_client.Client(...)` sends huggingface_hub telemetry to "
        "huggingface.co when it is created unless `HF_HUB_DISABLE_TELEMETRY=1`/`HF_HUB_OFFLINE=1` are set before "
        "huggingface_hub is imported; the battery's offline checks call `/ask` over plain HTTP for that reason.\n")

    # ---- security
    add("\n## 7. Security notes\n")
    sec = fig.get("security", {})
    gradio = sec.get("gradio", {})
    add(f"- Gradio is pinned `{gradio.get('pinned', 'gradio>=6.31,<7')}` (installed {gradio.get('installed', '?')}), "
        "above the fixed version of every Gradio advisory found on file routes, path handling and SSRF:\n")
    add(table(["advisory", "what", "fixed in"], [list(a) for a in ADVISORIES]))
    routes = sec.get("file_routes", {})
    if routes:
        add(f"\n- No file path or URL from user input is served: {len(routes)} requests for `/file=`, "
            "`/gradio_api/file=` (absolute, encoded, `..`, `//`, `file://`, `~`, `/proc/self/environ`, the app's own "
            "files, the index, a loopback URL), `/static/`, `/assets/` and `/gradio_api/proxy=` variants all got "
            f"{', '.join(sorted({str(v) for v in routes.values()}))}; the loopback URL was never fetched.")
    export_paths = sec.get("export_paths", {})
    if export_paths:
        add(f"- Exports are served only as the app hands them out (its URL: {export_paths.get('served_url_status')}), "
            "from the app's own export folder inside Gradio's cache, so there is "
            f"{export_paths.get('copies_on_disk')} copy on disk, bounded by the app; a file outside (the app's own "
            f"`app.py`): {export_paths.get('file_outside_status')}.")
    if "upload_2mb_status" in sec:
        add(f"- Gradio's upload route (present in every app) refuses an anonymous 2 MB post: HTTP "
            f"{sec['upload_2mb_status']} (admins only, `assistant.admin.UploadGate`; 20 MB per file for an admin).")
    add("- `allowed_paths` stays empty and the server binds 127.0.0.1 without a share link (checked on a real "
        "`launch()`); monitoring is off.\n")

    # ---- hardening
    add("\n## 8. Hostile and careless clients\n")
    add("A client can post to `/gradio_api/queue/join` with any `fn_index`, which reaches the private events too. "
        "The app is started with its own Gradio cache folder (`GRADIO_TEMP_DIR`) so that its disk use is measured. "
        "Limits and their messages: README, section \"Limits\". The theme scan's limits (term list size, the LRU "
        "matcher cache, the time budget, scans taking the search lock in slices) are measured by "
        "`scripts/theme_limits.py` and reported in docs/theme-scan.md, section \"Limits\": the longest allowed term "
        "list p95 0.627 s, RSS +0.1 MB over 1,000 distinct term lists, `/ask` p50 1.26x idle with 4 threads scanning "
        "(in process).\n")
    battery = hard.get("fn_index_battery", {})
    rows = []
    if battery:
        outcomes = ", ".join(f"{k}: {v}" for k, v in sorted(battery.get("outcomes", {}).items()))
        rows.append(["every event by `fn_index` ({} events), malformed `data` (none, nulls, objects, file paths, "
                     "4,600-character text in every field, lone surrogates, huge numbers, too many values, not a "
                     "list) and `event_data`".format(battery.get("events")),
                     f"{battery.get('calls')} calls; {outcomes}; tracebacks through the product's code: "
                     f"{battery.get('product_tracebacks')} (Gradio printed {battery.get('all_tracebacks_in_log')} of "
                     "its own for the payloads it refused before any handler ran); the app answers afterwards"])
    likes = hard.get("malformed_likes", {})
    if likes:
        rows.append(["like events with `index` null, `[]`, `{}`, huge, a boolean; `liked` a lone surrogate, "
                     "another string, an object; no `event_data`; a file path",
                     f"{likes.get('payloads')} payloads: {likes.get('friendly_messages')} friendly messages "
                     f"(the file path is refused by Gradio), {likes.get('stored')} stored"])
    rate = hard.get("like_rate_limit", {})
    if rate:
        rows.append([f"{rate.get('sent')} likes from one session in a row",
                     f"{rate.get('sent', 0) - rate.get('refused', 0)} stored, {rate.get('refused')} refused with a "
                     f"message (limit {rate.get('per_session')} per minute per session)"])
    flt = hard.get("filter_length", {})
    if flt:
        rows.append([f"`/ask` with a {flt.get('sent_chars'):,}-character dossier value",
                     f"a {flt.get('reply_chars')}-character reply (limit {flt.get('limit')} characters; the value "
                     "is never echoed)"])
    cap = hard.get("json_cap", {})
    if cap:
        rows.append([f"a {cap.get('sent_mb')} MB JSON request", f"HTTP {cap.get('status')}, "
                     f"{cap.get('reply_bytes')}-byte reply (cap {cap.get('cap_mb')} MB)"])
    note = hard.get("comment", {})
    if note:
        rows.append(["a thumbs-down with a comment that names a person and a phone number, then an empty one",
                     f"stored as `{note.get('stored')}` (minimised); the empty comment refused with a message"])
    choices = hard.get("export_choices", {})
    if choices:
        rows.append(["export of the whole conversation, then of 2 ticked hits, over HTTP",
                     "a conversation file with every question and its filters; a file with exactly the 2 hits"])
    runs = hard.get("run_history", {})
    if runs:
        rows.append(["`/gradio_api/runs`, `/gradio_api/run-history/connect`",
                     f"{runs.get('runs_status')}, {runs.get('connect_status')} (`run_history=False`)"])
    if disk:
        rows.append([f"{disk.get('sessions')} chat sessions (4 clients, one question each, new session each)",
                     f"{disk.get('answered')} answered in {disk.get('seconds')} s; export + cache disk peak "
                     f"{disk.get('peak_mb')} MB, {disk.get('files_at_end')} export files at the end; after exit "
                     f"(SIGTERM): {disk.get('left_after_exit')} export folders, {disk.get('cache_mb_after_exit')} MB "
                     "in the cache folder"])
    add(table(["probe", "result"], rows) if rows else "Not run.")
    add("")

    # ---- bugs
    add("\n## Known bugs (strict xfail tests)\n")
    add("Each is a test marked `xfail(strict=True, reason=\"BUG: ...\")`: it fails today and turns the suite red "
        "when the bug is fixed, so the marker is removed with the fix.\n")
    seen: dict[str, list[str]] = {}
    for item in known:
        seen.setdefault(item["reason"].removeprefix("reason: "), []).append(item["test"])
    if seen:
        add(table(["bug", "tests"], [[reason, "<br>".join(tests)] for reason, tests in seen.items()]))
    else:
        add("None in this run: every test of the battery passes without a marker.")
    if counts.get("failed_tests"):
        add("\n## Failing tests in this run\n")
        add("\n".join(f"- `{t}`" for t in counts["failed_tests"]))
    return "\n".join(out) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", type=Path, default=OUTPUT, help="where to write the report")
    parser.add_argument("--keep-figures", type=Path, default=None, help="also save the raw figures (JSON) here")
    args, pytest_args = parser.parse_known_args()
    with tempfile.TemporaryDirectory(prefix="reliability-") as tmp:
        figures, xml = Path(tmp) / "figures.json", Path(tmp) / "junit.xml"
        env = {**os.environ, "RELIABILITY_FIGURES": str(figures), "GRADIO_ANALYTICS_ENABLED": "False"}
        command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", f"--junitxml={xml}",
                   "-o", "junit_family=xunit2", *BATTERY, *pytest_args]
        meta = {"date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M"), "machine": machine(), "versions": versions(),
                "load_before": loadavg()}
        print("$", " ".join(command), flush=True)
        started = time.monotonic()
        code = subprocess.run(command, cwd=ROOT, env=env, check=False).returncode
        meta.update(seconds=time.monotonic() - started, load_after=loadavg())
        data = json.loads(figures.read_text(encoding="utf-8")) if figures.exists() else {}
        if args.keep_figures:
            args.keep_figures.write_text(json.dumps({"figures": data, "meta": meta}, indent=1), encoding="utf-8")
        counts, known = junit(xml)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(render(data, counts, known, meta), encoding="utf-8")
    print(f"wrote {args.output} ({counts['passed']} passed, {counts['xfailed']} known bugs, {counts['failed']} failed)")
    return code


if __name__ == "__main__":
    sys.exit(main())
