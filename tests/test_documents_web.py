"""The documents feature over HTTP: admin login, the upload gate, the upload/remove API, and reopening builds.

A live ``python app.py`` with ``ASSISTANT_ADMIN_PASSWORD`` on a copy of the real index; the gate in
read-only mode through Starlette's test client; build swaps in process on the real ``Assistant``.
"""

from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path

import httpx
import pytest
from conftest import current_name, settings_for
from gradio_client import Client, handle_file
from kd_documents import QUESTION, write_kd_pdf, write_zip_as_pdf
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route
from starlette.testclient import TestClient
from test_webapp import start_app

from assistant import admin
from assistant.conversation import Constraints

PASSWORD = "correct horse battery staple"


@pytest.fixture(scope="module")
def live_admin(built_index, tmp_path_factory):
    index_dir = tmp_path_factory.mktemp("docs-web") / "index"
    shutil.copytree(built_index.index_dir, index_dir)
    app = start_app(index_dir, tmp_path_factory.mktemp("docs-web-app"), {"ASSISTANT_ADMIN_PASSWORD": PASSWORD})
    app.index_dir = index_dir
    yield app
    app.stop()


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("docs-files")
    write_kd_pdf(folder / "dierverzorging.pdf")
    write_zip_as_pdf(folder / "zip.pdf")
    return folder


def login(url: str, password: str = PASSWORD) -> httpx.Response:
    return httpx.post(url + "admin/login", data={"password": password}, follow_redirects=False, timeout=30)


def admin_cookie(url: str) -> str:
    response = login(url)
    assert response.status_code == 303
    return response.cookies[admin.COOKIE]


def post_upload(url: str, path: Path, **headers) -> httpx.Response:
    with open(path, "rb") as handle:
        return httpx.post(url + "gradio_api/upload", files={"files": (path.name, handle)}, headers=headers,
                          timeout=60)


def test_login_sets_a_signed_httponly_cookie_and_refuses_a_wrong_password(live_admin):
    assert httpx.get(live_admin.url + "admin/login", timeout=30).status_code == 200
    wrong = login(live_admin.url, "raden")
    assert wrong.status_code == 401 and "Onjuist wachtwoord" in wrong.text and admin.COOKIE not in wrong.cookies
    right = login(live_admin.url)
    header = right.headers["set-cookie"]
    assert right.status_code == 303 and "HttpOnly" in header and "SameSite=Strict" in header
    assert admin.valid_token(right.cookies[admin.COOKIE], PASSWORD)
    assert not admin.valid_token(right.cookies[admin.COOKIE], "another password")
    cross = httpx.post(live_admin.url + "admin/login", data={"password": PASSWORD},
                       headers={"Origin": "http://evil.example"}, timeout=30)
    assert cross.status_code == 403


def test_upload_route_refuses_anonymous_and_cross_origin_posts(live_admin, files):
    pdf = files / "dierverzorging.pdf"
    assert post_upload(live_admin.url, pdf).status_code == 403
    assert post_upload(live_admin.url, pdf, Cookie=f"{admin.COOKIE}=123.forged").status_code == 403
    cookie = admin_cookie(live_admin.url)
    cross = post_upload(live_admin.url, pdf, Cookie=f"{admin.COOKIE}={cookie}", Origin="http://evil.example")
    assert cross.status_code == 403
    site = post_upload(live_admin.url, pdf, Cookie=f"{admin.COOKIE}={cookie}", **{"Sec-Fetch-Site": "cross-site"})
    assert site.status_code == 403
    ok = post_upload(live_admin.url, pdf, Cookie=f"{admin.COOKIE}={cookie}")
    assert ok.status_code == 200 and ok.json()[0].endswith("dierverzorging.pdf")


def test_api_upload_without_login_is_refused_and_nothing_changes(live_admin, files):
    client = Client(live_admin.url, verbose=False)
    before = client.predict(QUESTION, "", "", "", "", "", api_name="/ask")
    with pytest.raises(Exception, match="403"):
        client.predict([handle_file(str(files / "dierverzorging.pdf"))], api_name="/upload_documents")
    assert "Dierverzorging" not in client.predict(QUESTION, "", "", "", "", "", api_name="/ask")
    assert "Dierverzorging" not in before


def test_api_upload_remove_and_queries_during_the_upload(live_admin, files):
    admin_client = Client(live_admin.url, verbose=False,
                          headers={"Cookie": f"{admin.COOKIE}={admin_cookie(live_admin.url)}"})
    reader = Client(live_admin.url, verbose=False)
    answers: list[tuple[float, str]] = []
    errors: list[BaseException] = []
    done = threading.Event()

    def ask_in_a_loop():
        while not done.is_set():
            started = time.monotonic()
            try:
                text = reader.predict("Coachen niveau 2", "", "", "", "", "", api_name="/ask")
            except Exception as exc:  # noqa: BLE001 - every failure is collected and asserted away
                errors.append(exc)
                return
            answers.append((time.monotonic() - started, text))

    worker = threading.Thread(target=ask_in_a_loop)
    worker.start()
    try:
        result, totals, *_ = admin_client.predict(
            [handle_file(str(files / "dierverzorging.pdf")), handle_file(str(files / "zip.pdf"))],
            api_name="/upload_documents")
    finally:
        done.set()
        worker.join(120)
    assert not errors, errors
    assert answers and all("Coachen" in text and "[1]" in text for _, text in answers)
    assert "**toegevoegd**: dierverzorging.pdf" in result
    assert "**mislukt**: zip.pdf" in result and "zip" in result.split("zip.pdf", 2)[-1]
    assert "7 bronnen" in totals
    answer = reader.predict(QUESTION, "", "", "", "", "", api_name="/ask")  # the app swapped builds, no restart
    assert "B1-K1-W2 Verzorgt reptielen in het terrarium" in answer and "dierverzorging.pdf" in answer
    assert "p. 2" in answer
    message, *_ = admin_client.predict("dierverzorging.pdf", api_name="/remove_document")
    assert "Verwijderd" in message
    assert "dierverzorging.pdf" not in reader.predict(QUESTION, "", "", "", "", "", api_name="/ask")
    assert "Niet toegestaan" in reader.predict("2637-sociaal-werk.xml", api_name="/remove_document")[0]


# --------------------------------------------------------------------------- the gate without a password


def _gated() -> TestClient:
    inner = Starlette(routes=[Route("/gradio_api/upload", lambda r: PlainTextResponse("stored"), methods=["POST"]),
                              Route("/", lambda r: PlainTextResponse("page"))])
    return TestClient(admin.AdminRoutes(admin.UploadGate(inner, upload_dir="/nonexistent")))


def test_read_only_without_configuration(monkeypatch):
    monkeypatch.delenv("ASSISTANT_ADMIN_PASSWORD", raising=False)
    monkeypatch.delenv("ASSISTANT_AUTH", raising=False)
    client = _gated()
    assert client.post("/gradio_api/upload", files={"files": ("a.txt", b"x")}).status_code == 403
    assert client.get("/admin/login").status_code == 404
    assert client.post("/admin/login", data={"password": ""}).status_code == 404
    assert client.get("/").text == "page"
    assert not admin.changes_enabled()
    from assistant.web_documents import READ_ONLY, mode_text

    assert mode_text(False) == mode_text(True) == READ_ONLY and "ASSISTANT_ADMIN_PASSWORD" in READ_ONLY


def test_gate_quota(monkeypatch, tmp_path):
    monkeypatch.setenv("ASSISTANT_ADMIN_PASSWORD", PASSWORD)
    monkeypatch.setattr(admin, "UPLOAD_QUOTA_BYTES", 10)
    (tmp_path / "old").write_bytes(b"x" * 11)
    inner = Starlette(routes=[Route("/gradio_api/upload", lambda r: PlainTextResponse("stored"), methods=["POST"])])
    client = TestClient(admin.UploadGate(inner, upload_dir=str(tmp_path)))
    client.cookies.set(admin.COOKIE, admin.make_token(PASSWORD))
    assert client.post("/gradio_api/upload", files={"files": ("a.txt", b"x")}).status_code == 413
    (tmp_path / "old").unlink()
    assert client.post("/gradio_api/upload", files={"files": ("a.txt", b"x")}).text == "stored"


def test_expired_token_is_refused():
    token = admin.make_token(PASSWORD, now=time.time() - admin.SESSION_SECONDS - 1)
    assert not admin.valid_token(token, PASSWORD)
    assert not admin.valid_token("nonsense", PASSWORD) and not admin.valid_token(None, PASSWORD)


# --------------------------------------------------------------------------- build swaps in process


def test_requests_never_mix_builds_while_a_new_version_is_uploaded(index_copy, tmp_path):
    from assistant.webapp import Assistant
    from ingest.uploads import store_uploads

    settings = settings_for(index_copy)
    v1, v2 = write_kd_pdf(tmp_path / "v1.pdf"), write_kd_pdf(tmp_path / "v2.pdf", often="wekelijks")
    store_uploads(settings, [("dierverzorging.pdf", v1)])
    assistant = Assistant(settings)
    seen: list[set[str]] = []
    errors: list[BaseException] = []
    done = threading.Event()

    def search_in_a_loop():
        while not done.is_set():
            try:
                hits = assistant.retrieve(QUESTION, Constraints())
            except Exception as exc:  # noqa: BLE001 - collected and asserted away
                errors.append(exc)
                return
            seen.append({word for h in hits for word in ("dagelijks", "wekelijks") if word in h.chunk.text})

    workers = [threading.Thread(target=search_in_a_loop) for _ in range(2)]
    for worker in workers:
        worker.start()
    try:
        result = store_uploads(settings, [("dierverzorging.pdf", v2)])
        assistant.refresh(wait=True)  # the searches may have swapped it in already, in the background
        assert assistant.index.build_dir.name == current_name(index_copy)
        time.sleep(0.5)
    finally:
        done.set()
        for worker in workers:
            worker.join(60)
    assert result.outcomes[0].status == "updated"
    assert not errors, errors
    assert seen and all(len(words) == 1 for words in seen)  # each answer from one build, never both versions
    assert {"dagelijks"} in seen and seen[-1] == {"wekelijks"}


@pytest.mark.parametrize("headers, allowed", [
    ({"host": "127.0.0.1:7860"}, True),  # no Origin: not a browser's cross-site request
    ({"host": "127.0.0.1:7860", "origin": "http://127.0.0.1:7860"}, True),
    ({"host": "127.0.0.1:7860", "origin": "http://evil.example"}, False),
    ({"host": "127.0.0.1:7860", "origin": "null"}, False),
    ({"host": "127.0.0.1:7860", "sec-fetch-site": "cross-site"}, False),
    ({"host": "127.0.0.1:7860", "x-forwarded-host": "mbo.school.nl", "origin": "https://mbo.school.nl"}, True),
])
def test_same_origin(headers, allowed):
    assert admin.same_origin(headers) is allowed


def test_gradio_auth_users_may_upload(monkeypatch):
    """With Gradio auth (ASSISTANT_AUTH), a logged-in Gradio user passes the gate and counts as admin."""
    monkeypatch.delenv("ASSISTANT_ADMIN_PASSWORD", raising=False)
    monkeypatch.setenv("ASSISTANT_AUTH", "docent:geheim")
    assert admin.gradio_auth() == [("docent", "geheim")] and admin.changes_enabled()

    class GradioApp:  # the attributes Gradio's App keeps for its own login
        def __init__(self):
            self.auth = {"docent": "geheim"}
            self.cookie_id = "cid"
            self.tokens = {"token-1": "docent"}

    inner = Starlette(routes=[Route("/gradio_api/upload", lambda r: PlainTextResponse("stored"), methods=["POST"])])
    gate = admin.UploadGate(inner, upload_dir="/nonexistent")

    async def with_app(scope, receive, send):
        scope["app"] = GradioApp()
        await gate(scope, receive, send)

    client = TestClient(with_app)
    assert client.post("/gradio_api/upload", files={"files": ("a.txt", b"x")}).status_code == 403
    client.cookies.set("access-token-cid", "token-1")
    assert client.post("/gradio_api/upload", files={"files": ("a.txt", b"x")}).text == "stored"

    class Request:
        username = "docent"

    assert admin.is_admin(Request()) and not admin.is_admin(None)
