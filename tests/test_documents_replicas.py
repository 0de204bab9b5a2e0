"""Two app replicas against one ``chroma run``: an upload on one reaches the other, without a restart."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from conftest import PROFILE_TEXT, SW_XML, copy_files, run_cli
from gradio_client import Client, handle_file
from kd_documents import QUESTION, write_kd_pdf
from test_chroma_server import free_port, start_server, stop_server
from test_documents_web import PASSWORD, admin_cookie
from test_webapp import start_app

from assistant import admin

pytestmark = pytest.mark.slow


def test_upload_on_one_replica_reaches_the_other(fresh_index: Path, tmp_path: Path):
    port = free_port()
    server = start_server(tmp_path / "chroma-data", port)
    url = f"http://127.0.0.1:{port}"
    env = {"ASSISTANT_CHROMA_URL": url, "ASSISTANT_ADMIN_PASSWORD": PASSWORD}
    apps = []
    try:
        docs = copy_files([SW_XML, PROFILE_TEXT], tmp_path / "docs")
        code, _, err = run_cli("ingest", str(docs), "--index", str(fresh_index), "--json", env=env)
        assert code == 0, err
        for n in (1, 2):
            (tmp_path / f"replica-{n}").mkdir()
            apps.append(start_app(fresh_index, tmp_path / f"replica-{n}", env))
        first, second = apps
        writer = Client(first.url, verbose=False, headers={"Cookie": f"{admin.COOKIE}={admin_cookie(first.url)}"})
        reader = Client(second.url, verbose=False)
        assert "dierverzorging.pdf" not in reader.predict(QUESTION, "", "", "", "", "", api_name="/ask")
        pdf = write_kd_pdf(tmp_path / "dierverzorging.pdf")
        result, *_ = writer.predict([handle_file(str(pdf))], api_name="/upload_documents")
        assert "**toegevoegd**: dierverzorging.pdf" in result
        deadline = time.monotonic() + 90
        answer = ""
        while time.monotonic() < deadline and "dierverzorging.pdf" not in answer:
            answer = reader.predict(QUESTION, "", "", "", "", "", api_name="/ask")
            time.sleep(1)
        assert "B1-K1-W2 Verzorgt reptielen in het terrarium" in answer and "dierverzorging.pdf" in answer
    finally:
        for app in apps:
            app.stop()
        stop_server(server)
