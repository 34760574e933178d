"""Web security at the edge of the app: Host check, security headers, crash answers, write token.

Why each measure:
- Reads are open, so a page on another site could try to read them through DNS rebinding
  (a hostile name that resolves to 127.0.0.1); a server bound to loopback therefore answers
  only requests whose Host header names loopback.
- Write endpoints take the token only from ``Authorization: Bearer …`` (never a cookie, which a
  browser would attach to a forged cross-site request) and only JSON bodies (a cross-site HTML
  form cannot send ``application/json`` without a CORS preflight, which this app never grants):
  together these make the review actions CSRF-safe.
- The page renders hostile article text; the CSP allows scripts and styles from this origin only
  (no inline script, no eval), so even a rendering bug could not run injected code.
"""

from __future__ import annotations

import hmac
import ipaddress
import logging
from pathlib import Path
from typing import Any, Iterable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from thucydides.config import Settings
from thucydides.errors import ConfigError
from thucydides.serve.errors import ApiError, error_bytes

log = logging.getLogger(__name__)

TILE_ORIGIN = "https://tile.openstreetmap.org"
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1", "[::1]"})


def content_security_policy(*, tile_origin: str = TILE_ORIGIN) -> str:
    return "; ".join(
        [
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self'",
            f"img-src 'self' data: {tile_origin}",
            "connect-src 'self'",
            "font-src 'self'",
            "manifest-src 'self'",
            "base-uri 'none'",
            "form-action 'none'",
            "frame-ancestors 'none'",
        ]
    )


def security_headers(*, tile_origin: str = TILE_ORIGIN) -> list[tuple[bytes, bytes]]:
    headers = {
        "content-security-policy": content_security_policy(tile_origin=tile_origin),
        "x-content-type-options": "nosniff",
        "x-frame-options": "DENY",
        # article links must not tell a news site which analyst server they came from; the map
        # tiles ask for their own policy (OpenStreetMap's usage policy wants an origin)
        "referrer-policy": "no-referrer",
        "cross-origin-opener-policy": "same-origin",
        "cross-origin-resource-policy": "same-origin",
        "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    }
    return [(name.encode("latin-1"), value.encode("latin-1")) for name, value in headers.items()]


def is_loopback_host(host: str) -> bool:
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def allowed_hosts_for(bind_host: str) -> frozenset[str] | None:
    """Host header values accepted by a server bound to ``bind_host``; None means any.

    A server bound to loopback can only be reached from this machine, so any other Host header
    is a rebinding attempt. Bound to another address, the operator chose to expose it and the
    names it is reached by are unknown here.
    """
    return LOOPBACK_NAMES if is_loopback_host(bind_host) else None


def _host_name(raw: str) -> str:
    raw = raw.strip().lower()
    if raw.startswith("["):  # "[::1]:8000"
        return raw[: raw.find("]") + 1] if "]" in raw else raw
    return raw.rsplit(":", 1)[0] if raw.count(":") == 1 else raw


SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def _replay(body: bytes, receive: Receive) -> Receive:
    """A ``receive`` that hands the app the body already read, then waits on the real one."""
    delivered = False

    async def replay() -> Message:
        nonlocal delivered
        if not delivered:
            delivered = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


class GuardMiddleware:
    """Outermost ASGI layer: refuses foreign Host headers; lets a write (any method but GET, HEAD,
    OPTIONS) through only with the bearer token, a JSON body and a bounded size; stamps the security
    headers on every response; answers an unhandled exception with the API's error shape."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        allowed_hosts: Iterable[str] | None,
        headers: list[tuple[bytes, bytes]],
        token: str | None,
        max_body_bytes: int,
    ) -> None:
        self.app = app
        self.token = token
        self.max_body_bytes = max_body_bytes
        self.allowed_hosts = None if allowed_hosts is None else frozenset(h.lower() for h in allowed_hosts)
        self.headers = headers
        self._names = {name for name, _ in headers}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if self.allowed_hosts is not None:
            host = _host_name(dict(scope.get("headers") or []).get(b"host", b"").decode("latin-1"))
            # a loopback address written out (127.0.0.2, [::1]) cannot be a rebinding: that needs a name
            if host not in self.allowed_hosts and not is_loopback_host(host):
                await self._answer(
                    send, 400, "invalid_host", f"host {host!r} is not served here",
                    "this server answers only on loopback names (127.0.0.1, localhost)",
                )
                return

        if scope.get("method", "GET") not in SAFE_METHODS:
            # every write, present or future, passes here first: token, then media type, then size
            try:
                request_headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers") or []}
                check_bearer(request_headers.get("authorization"), self.token)
                require_json(request_headers.get("content-type"))
                declared = request_headers.get("content-length")
                if declared is not None and (not declared.isdigit() or int(declared) > self.max_body_bytes):
                    raise self._too_large()
            except ApiError as refusal:
                await self._answer(send, refusal.status, refusal.code, refusal.message, refusal.detail, refusal.headers)
                return
            body = await self._read_bounded(receive)
            if body is None:
                refusal = self._too_large()
                await self._answer(send, refusal.status, refusal.code, refusal.message, refusal.detail)
                return
            receive = _replay(body, receive)

        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in self._names]
                message = {**message, "headers": kept + self.headers}
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception:
            log.exception("%s %s crashed", scope.get("method"), scope.get("path"))
            if started:  # part of a response is already out: nothing sane left to send
                raise
            await self._answer(send, 500, "internal_error", "internal server error", "the server log has the details")

    def _too_large(self) -> ApiError:
        return ApiError(
            413, "payload_too_large", f"the body is larger than {self.max_body_bytes} bytes",
            "send a smaller article (the limit follows the max_article_bytes setting)",
        )

    async def _read_bounded(self, receive: Receive) -> bytes | None:
        """The whole request body, or None once it passes the size limit (chunked bodies carry
        no Content-Length, so the limit is enforced while reading)."""
        chunks: list[bytes] = []
        seen = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":  # client went away
                return b"".join(chunks)
            chunk = message.get("body", b"")
            seen += len(chunk)
            if seen > self.max_body_bytes:
                return None
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks)

    async def _answer(
        self, send: Send, status: int, code: str, message: str, detail: Any,
        extra_headers: dict[str, str] | None = None,
    ) -> None:
        body = error_bytes(code, message, detail)
        headers = [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode("ascii")),
            *((k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in (extra_headers or {}).items()),
            *self.headers,
        ]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})


def load_token(settings: Settings) -> str | None:
    """The write token: ``settings.token`` (THUCYDIDES_TOKEN), else the first line of token_file."""
    if settings.token:
        return settings.token
    if not settings.token_file:
        return None
    path = Path(settings.token_file)
    try:
        token = path.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"cannot read the token file {path}: {error}", "fix token_file or set THUCYDIDES_TOKEN") from None
    if not token:
        raise ConfigError(f"the token file {path} is empty", "write a token into it or set THUCYDIDES_TOKEN")
    return token


def check_bearer(authorization: str | None, expected: str | None) -> None:
    """Raise ApiError unless ``authorization`` is ``Bearer <expected>`` (compared in constant time)."""
    if expected is None:
        raise ApiError(
            403, "writes_disabled", "this server has no write token, so it accepts no changes",
            "start it with THUCYDIDES_TOKEN (or token_file) set",
        )
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise ApiError(
            401, "unauthorized", "this endpoint needs a token",
            "send the header 'Authorization: Bearer <token>'", headers={"WWW-Authenticate": "Bearer"},
        )
    if not hmac.compare_digest(given.strip().encode("utf-8"), expected.encode("utf-8")):
        raise ApiError(403, "forbidden", "the token is not valid", "check THUCYDIDES_TOKEN on the server")


def require_json(content_type: str | None) -> None:
    """Write endpoints accept JSON bodies only: a cross-site form cannot send them without CORS."""
    media_type = (content_type or "").split(";", 1)[0].strip().lower()
    if media_type != "application/json":
        raise ApiError(
            415, "unsupported_media_type", f"the body must be application/json, not {media_type or 'missing'!r}",
            "send the body as JSON with 'Content-Type: application/json'",
        )
