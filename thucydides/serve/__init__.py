"""Stage 7, serve: the analyst's web app (HTTP API + page) over the store.

    from thucydides.serve import create_app
    app = create_app("events.db", settings)      # a FastAPI app; `thucydides serve` runs it

Importing this package loads FastAPI but no model, gazetteer or database.
"""

from thucydides.serve.app import create_app

__all__ = ["create_app"]
