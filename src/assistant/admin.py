"""Who may change the index from the web app: an admin login, and a gate on Gradio's upload route.

Without configuration nobody may: the Documenten tab is read-only. With ``ASSISTANT_ADMIN_PASSWORD``
set, ``/admin/login`` (a small form) sets a signed, HttpOnly, SameSite=Strict cookie for
:data:`SESSION_SECONDS`; with Gradio auth (``ASSISTANT_AUTH`` or ``launch(auth=...)``) every logged-in
user counts as admin. Asking questions stays open unless Gradio auth is set.

The gate (:class:`UploadGate`, an ASGI middleware) guards ``POST /gradio_api/upload``: 403 for a
cross-origin post and for anyone who is not an admin, 413 over :data:`UPLOAD_QUOTA_BYTES` in Gradio's
upload folder. The tab deletes each file once it is ingested; Gradio's cache cleanup removes the rest.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import time
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

COOKIE = "mbo_admin"
SESSION_SECONDS = 8 * 3600
UPLOAD_QUOTA_BYTES = 200 * 1024 * 1024
"""Total size of Gradio's upload folder above which further uploads are refused (413)."""
MAX_FORM_BYTES = 4096
FAILED_LOGIN_DELAY = 1.0


def admin_password() -> str | None:
    """``ASSISTANT_ADMIN_PASSWORD``, or None when unset or empty."""
    return os.environ.get("ASSISTANT_ADMIN_PASSWORD") or None


def gradio_auth() -> list[tuple[str, str]] | None:
    """``ASSISTANT_AUTH`` as Gradio auth pairs (``user:password,user2:password2``), or None."""
    raw = os.environ.get("ASSISTANT_AUTH") or ""
    pairs = [tuple(item.split(":", 1)) for item in raw.split(",") if ":" in item]
    return [(u.strip(), p) for u, p in pairs if u.strip() and p] or None


def _key(password: str) -> bytes:
    return hashlib.sha256(b"mbo-assistent admin cookie\0" + password.encode("utf-8", "surrogatepass")).digest()


def make_token(password: str, now: float | None = None) -> str:
    """A signed admin token that expires after :data:`SESSION_SECONDS` (changes with the password)."""
    expires = int((now or time.time()) + SESSION_SECONDS)
    signature = hmac.new(_key(password), f"admin|{expires}".encode(), hashlib.sha256).hexdigest()
    return f"{expires}.{signature}"


def valid_token(token: str | None, password: str | None, now: float | None = None) -> bool:
    """Whether ``token`` is an unexpired admin token for ``password``."""
    if not token or not password or "." not in token:
        return False
    expires, _, signature = token.partition(".")
    if not expires.isdigit() or int(expires) < (now or time.time()):
        return False
    wanted = hmac.new(_key(password), f"admin|{expires}".encode(), hashlib.sha256).hexdigest()
    return hmac.compare_digest(wanted, signature)


def _gradio_user(app, cookies: Mapping[str, str]) -> str | None:
    """The Gradio-auth user of a request, when the app has Gradio auth and the request is logged in."""
    if app is None or getattr(app, "auth", None) is None:
        return None
    cookie_id = getattr(app, "cookie_id", "")
    token = cookies.get(f"access-token-{cookie_id}") or cookies.get(f"access-token-unsecure-{cookie_id}")
    return getattr(app, "tokens", {}).get(token) if token else None


def changes_enabled() -> bool:
    """Whether this deployment lets anyone change the index (an admin password or Gradio auth is set)."""
    return bool(admin_password() or gradio_auth())


def is_admin(request) -> bool:
    """Whether a Gradio event's request comes from an admin (admin cookie, or a Gradio-auth login)."""
    if request is None:
        return False
    if getattr(request, "username", None):
        return True
    raw = getattr(request, "request", None)
    cookies = getattr(raw, "cookies", None) or {}
    return valid_token(cookies.get(COOKIE), admin_password())


def same_origin(headers: Mapping[str, str]) -> bool:
    """False for a browser request from another site (``Origin`` or ``Sec-Fetch-Site`` say so).

    The origin must match ``Host`` (or ``X-Forwarded-Host``, set by a reverse proxy).
    """
    if headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none"):
        return False
    origin = headers.get("origin")
    if not origin or origin == "null":
        return origin is None
    forwarded = [h.strip().lower() for h in headers.get("x-forwarded-host", "").split(",") if h.strip()]
    hosts = {headers.get("host", "").lower(), *forwarded}
    return urlsplit(origin).netloc.lower() in hosts


def folder_bytes(folder: str | Path) -> int:
    """Total size of the files under a folder (0 when it does not exist)."""
    total = 0
    for root, _, files in os.walk(folder):
        for name in files:
            try:
                total += os.lstat(os.path.join(root, name)).st_size
            except OSError:
                pass
    return total


# --------------------------------------------------------------------------- ASGI: the upload gate


def _headers(scope) -> dict[str, str]:
    return {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}


def _cookies(headers: Mapping[str, str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for part in headers.get("cookie", "").split(";"):
        name, sep, value = part.strip().partition("=")
        if sep:
            found.setdefault(name, value)
    return found


async def _plain(send, status: int, text: str, extra: list[tuple[bytes, bytes]] = ()) -> None:
    body = text.encode("utf-8")
    await send({"type": "http.response.start", "status": status, "headers": [
        (b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode()),
        (b"cache-control", b"no-store"), *extra]})
    await send({"type": "http.response.body", "body": body})


class UploadGate:
    """ASGI middleware: only a same-origin admin may post to Gradio's upload route, within the quota."""

    def __init__(self, app, upload_dir: str | None = None):
        self.app = app
        self.upload_dir = upload_dir

    async def __call__(self, scope, receive, send):
        if scope.get("type") != "http" or scope.get("method") != "POST" or not scope.get("path", "").rstrip(
                "/").endswith("/gradio_api/upload"):
            return await self.app(scope, receive, send)
        headers = _headers(scope)
        if not same_origin(headers):
            return await _plain(send, 403, "Uploaden vanaf een andere site is niet toegestaan (cross-origin upload "
                                           "refused).")
        cookies = _cookies(headers)
        if not (valid_token(cookies.get(COOKIE), admin_password()) or _gradio_user(scope.get("app"), cookies)):
            return await _plain(send, 403, "Alleen een ingelogde beheerder mag bestanden uploaden (admin login "
                                           "required).")
        from gradio.utils import get_upload_folder

        if folder_bytes(self.upload_dir or get_upload_folder()) > UPLOAD_QUOTA_BYTES:
            return await _plain(send, 413, "De uploadmap is vol; probeer het later opnieuw (upload quota "
                                           "reached).")
        return await self.app(scope, receive, send)


# --------------------------------------------------------------------------- ASGI: login and logout

LOGIN_PAGE = """<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Inloggen · mbo-assistent</title>
<style>body{{font-family:system-ui,sans-serif;max-width:28em;margin:3em auto;padding:0 1em;color:#111}}
label,input,button{{display:block;font-size:1.1em;margin:.4em 0}}input{{padding:.4em;width:100%}}
button{{padding:.5em 1.2em;background:#1d4ed8;color:#fff;border:0;border-radius:4px}}
.fout{{color:#991b1b}}a{{color:#1d4ed8}}</style></head><body>
<main><h1>Inloggen als beheerder</h1>{message}
<form method="post" action="login"><label for="wachtwoord">Wachtwoord</label>
<input id="wachtwoord" name="password" type="password" autocomplete="current-password" required autofocus>
<button type="submit">Inloggen</button></form>
<p><a href="../">Terug naar de assistent</a></p></main></body></html>"""

def _secure(scope, headers: Mapping[str, str]) -> bool:
    return scope.get("scheme") == "https" or headers.get("x-forwarded-proto") == "https"


def _cookie_header(value: str, max_age: int, secure: bool) -> tuple[bytes, bytes]:
    flags = f"{COOKIE}={value}; Path=/; Max-Age={max_age}; HttpOnly; SameSite=Strict" + ("; Secure" if secure else "")
    return b"set-cookie", flags.encode()


async def _page(send, status: int, message: str = "", extra: list[tuple[bytes, bytes]] = ()) -> None:
    body = LOGIN_PAGE.format(message=message).encode("utf-8")
    await send({"type": "http.response.start", "status": status, "headers": [
        (b"content-type", b"text/html; charset=utf-8"), (b"content-length", str(len(body)).encode()),
        (b"cache-control", b"no-store"), (b"x-frame-options", b"DENY"), *extra]})
    await send({"type": "http.response.body", "body": body})


async def _redirect(send, location: str, extra: list[tuple[bytes, bytes]] = ()) -> None:
    await send({"type": "http.response.start", "status": 303, "headers": [
        (b"location", location.encode()), (b"content-length", b"0"), (b"cache-control", b"no-store"), *extra]})
    await send({"type": "http.response.body", "body": b""})


async def _form(receive) -> dict[str, str] | None:
    body = b""
    while True:
        message = await receive()
        body += message.get("body", b"")
        if len(body) > MAX_FORM_BYTES:
            return None
        if not message.get("more_body"):
            break
    fields = parse_qs(body.decode("utf-8", "replace"), max_num_fields=5)
    return {k: v[0] for k, v in fields.items()}


class AdminRoutes:
    """ASGI middleware that answers ``/admin/login`` (GET form, POST password) and ``/admin/logout``."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        path = scope.get("path", "").rstrip("/")
        if scope.get("type") != "http" or not (path.endswith("/admin/login") or path.endswith("/admin/logout")):
            return await self.app(scope, receive, send)
        headers = _headers(scope)
        method = scope.get("method")
        if path.endswith("/admin/logout"):
            if method != "POST" or not same_origin(headers):
                return await _plain(send, 405, "Uitloggen gaat met de knop in de app (POST).")
            return await _redirect(send, "../", [_cookie_header("", 0, _secure(scope, headers))])
        password = admin_password()
        if password is None:
            return await _page(send, 404, "<p>Beheer staat uit: zet <code>ASSISTANT_ADMIN_PASSWORD</code> om "
                                          "documenten te kunnen toevoegen en verwijderen.</p>")
        if method == "GET":
            return await _page(send, 200)
        if method != "POST":
            return await _plain(send, 405, "Method not allowed")
        if not same_origin(headers):
            return await _plain(send, 403, "Inloggen vanaf een andere site is niet toegestaan (cross-origin).")
        form = await _form(receive)
        given = (form or {}).get("password", "")
        if not hmac.compare_digest(given.encode("utf-8", "surrogatepass"), password.encode("utf-8", "surrogatepass")):
            import asyncio

            await asyncio.sleep(FAILED_LOGIN_DELAY)  # slows guessing; one line, no detail
            return await _page(send, 401, '<p class="fout" role="alert">Onjuist wachtwoord.</p>')
        cookie = _cookie_header(make_token(password), SESSION_SECONDS, _secure(scope, headers))
        return await _redirect(send, "../?beheer=1", [cookie])


def middleware() -> list:
    """The Starlette middleware list for ``launch(app_kwargs={"middleware": ...})``."""
    from starlette.middleware import Middleware

    return [Middleware(AdminRoutes), Middleware(UploadGate)]
