"""The API's one JSON error shape, and the handlers that turn every failure into it.

Every error response — an unknown event, a bad query parameter, a missing token, a crash — is

    {"error": {"code": "<machine-readable>", "message": "<what went wrong>", "detail": <fix or data>}}

with the matching HTTP status, so a client needs exactly one code path for failures
(``tests/test_serve_errors.py`` pins the shape). Internal errors never leak a traceback.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import JSONResponse, Response

from thucydides.errors import (
    ConfigError,
    GazetteerError,
    InputError,
    ModelError,
    NotFoundError,
    StoreError,
    ThucydidesError,
)

log = logging.getLogger(__name__)

# HTTP status → the code a client sees when the framework itself refuses a request
_HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "validation_error",
    429: "too_many_requests",
    500: "internal_error",
    503: "unavailable",
}

# our exception tree → (HTTP status, code); the first matching class wins, so order matters
_THUCYDIDES_ERRORS: tuple[tuple[type[ThucydidesError], int, str], ...] = (
    (NotFoundError, 404, "not_found"),
    (InputError, 422, "invalid_input"),
    (ModelError, 503, "model_unavailable"),
    (GazetteerError, 503, "gazetteer_unavailable"),
    (StoreError, 503, "store_unavailable"),
    (ConfigError, 500, "configuration_error"),
    (ThucydidesError, 500, "error"),
)


class ApiError(Exception):
    """Raised by endpoint code for a refusal that is not a ThucydidesError (auth, media type…)."""

    def __init__(
        self, status: int, code: str, message: str, detail: Any = None, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.detail = detail
        self.headers = headers


def error_body(code: str, message: str, detail: Any = None) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "detail": detail}}


def error_response(
    status: int, code: str, message: str, detail: Any = None, headers: dict[str, str] | None = None
) -> JSONResponse:
    return JSONResponse(error_body(code, message, detail), status_code=status, headers=headers)


def error_bytes(code: str, message: str, detail: Any = None) -> bytes:
    """The error shape as bytes, for the ASGI middleware that answers before FastAPI does."""
    return json.dumps(error_body(code, message, detail)).encode("utf-8")


def status_of(error: ThucydidesError) -> tuple[int, str]:
    for kind, status, code in _THUCYDIDES_ERRORS:
        if isinstance(error, kind):
            return status, code
    return 500, "error"  # unreachable: ThucydidesError is last in the table


def _validation_detail(error: RequestValidationError) -> list[dict[str, Any]]:
    # pydantic's raw errors carry the offending input and exception objects (not JSON-safe,
    # and may echo a whole article back): keep where and what only
    return [
        {"loc": [str(part) for part in item.get("loc", ())], "msg": item.get("msg", ""), "type": item.get("type", "")}
        for item in error.errors()
    ]


def install_error_handlers(app: FastAPI) -> None:
    """Route every exception the app can meet to the one error shape."""

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, error: ApiError) -> Response:
        return error_response(error.status, error.code, error.message, error.detail, error.headers)

    @app.exception_handler(ThucydidesError)
    async def _thucydides_error(request: Request, error: ThucydidesError) -> Response:
        status, code = status_of(error)
        if status >= 500:
            log.error("%s %s failed: %s", request.method, request.url.path, error)
        return error_response(status, code, error.what, error.fix)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, error: RequestValidationError) -> Response:
        return error_response(422, "validation_error", "the request is not valid", _validation_detail(error))

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, error: StarletteHTTPException) -> Response:
        code = _HTTP_CODES.get(error.status_code, "http_error")
        message = str(error.detail) if error.detail else code.replace("_", " ")
        if error.status_code == 404 and message == "Not Found":
            message = f"no such resource: {request.url.path}"
        return error_response(error.status_code, code, message, None, getattr(error, "headers", None))

    # anything else (a crash) is answered by serve.security.GuardMiddleware, which also puts the
    # security headers on that answer; Starlette's own 500 handler would send plain text without them
