"""The analyst's web app: the HTTP API and the page, in one FastAPI application.

``create_app(store_or_path, settings)`` wires the read and write endpoints, the error shape, the
security layer and the static files. The page's JavaScript libraries (Leaflet, Swagger UI) come
from the npm registry into ``web/node_modules`` (``npm ci`` in ``web/``) and are served from
there, never copied into the repository.
"""

from __future__ import annotations

import logging
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING, AsyncIterator, Iterable

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.responses import FileResponse, JSONResponse

from thucydides import __version__
from thucydides.config import Settings
from thucydides.serve import api_read, api_write
from thucydides.serve.access import StoreAccess
from thucydides.serve.errors import install_error_handlers
from thucydides.serve.security import TILE_ORIGIN, GuardMiddleware, allowed_hosts_for, load_token, security_headers

if TYPE_CHECKING:
    from thucydides.store import Store

log = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).parent / "static"
# the checkout's web/node_modules: the app runs from the repository (pip install -e .)
DEFAULT_NODE_MODULES = Path(__file__).resolve().parents[2] / "web" / "node_modules"
TILE_URL = TILE_ORIGIN + "/{z}/{x}/{y}.png"
# JSON escapes and field names add to an article's text; leave room for them
_BODY_OVERHEAD = 1_000_000

DESCRIPTION = """\
Events extracted from news reports about armed conflict (ACLED coding), each linked to the
sentences that support it, and the timeline of who controls which district.

Read endpoints are open. Write endpoints (`POST`) need `Authorization: Bearer <token>` (the
server's `THUCYDIDES_TOKEN`) and a JSON body. Every error has the shape
`{"error": {"code": "…", "message": "…", "detail": …}}`.
"""


def create_app(
    store: Store | str | Path,
    settings: Settings | None = None,
    *,
    allowed_hosts: Iterable[str] | None | str = "auto",
    node_modules: str | Path | None = None,
) -> FastAPI:
    """The app over ``store`` (a Store, or the path of its SQLite file).

    ``allowed_hosts``: Host header values to answer; "auto" (default) means loopback names when
    ``settings.host`` is a loopback address, any host otherwise; None means any.
    """
    settings = settings or Settings()
    token = load_token(settings)
    access = StoreAccess(store)
    modules = Path(node_modules) if node_modules else DEFAULT_NODE_MODULES

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        access.close()

    app = FastAPI(
        title="Thucydides",
        version=__version__,
        description=DESCRIPTION,
        docs_url=None,  # Swagger UI's default page loads a CDN and inline script; ours is below
        redoc_url=None,
        openapi_url="/openapi.json",
        lifespan=lifespan,
    )
    app.state.access = access
    app.state.settings = settings
    app.state.token = token
    install_error_handlers(app)
    app.include_router(api_read.router)
    app.include_router(api_write.router)
    _add_page(app, modules)

    hosts = allowed_hosts_for(settings.host) if allowed_hosts == "auto" else allowed_hosts
    app.add_middleware(
        GuardMiddleware,
        allowed_hosts=hosts,
        headers=security_headers(),
        token=token,
        max_body_bytes=settings.max_article_bytes + _BODY_OVERHEAD,
    )
    if not (modules / "leaflet").is_dir():
        log.warning("%s has no leaflet: run `npm ci` in web/ for the map (the rest works)", modules)
    return app


def _add_page(app: FastAPI, modules: Path) -> None:
    """The page, its scripts and styles, and the vendored libraries from web/node_modules."""
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    # check_dir=False: without `npm ci` the app still starts; the page reports the missing map
    app.mount("/vendor/leaflet", StaticFiles(directory=modules / "leaflet" / "dist", check_dir=False), name="leaflet")
    app.mount(
        "/vendor/swagger-ui", StaticFiles(directory=modules / "swagger-ui-dist", check_dir=False), name="swagger-ui"
    )

    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html", media_type="text/html; charset=utf-8")

    @app.get("/docs", include_in_schema=False)
    def docs() -> FileResponse:
        return FileResponse(STATIC_DIR / "docs.html", media_type="text/html; charset=utf-8")

    @app.get("/meta", tags=["meta"])
    def meta() -> JSONResponse:
        """What the page needs to know: version, map tiles, whether writes work, and the
        vocabularies (ACLED event types and sub-types, statuses, review states) for its filters."""
        from thucydides.model import STATUSES
        from thucydides.reconcile.rules import merge_rules
        from thucydides.store import REVIEW_STATES

        event_types: dict[str, list[str]] = {}
        for sub_event_type, event_type in merge_rules().event_type_of.items():
            event_types.setdefault(event_type, []).append(sub_event_type)
        return JSONResponse(
            {
                "version": __version__,
                "tile_url": TILE_URL,
                "tile_attribution": "© OpenStreetMap contributors",
                "writes_enabled": app.state.token is not None,
                "event_types": [{"name": name, "sub_event_types": subs} for name, subs in event_types.items()],
                "statuses": list(STATUSES),
                "review_states": list(REVIEW_STATES),
            }
        )
