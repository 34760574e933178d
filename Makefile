# Two commands on a fresh machine: `make demo`, then `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell sha256sum requirements.lock pyproject.toml | sha256sum | cut -c1-12)
DEMO_DB := .demo/thucydides.db

.PHONY: demo test install web browser lock check-lock clean

install: $(STAMP)

# Everything from the hash-pinned lock, then the project itself without touching dependencies.
$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	rm -f $(VENV)/.installed-*
	touch $@

# The page's map library, from the npm registry, at the versions of web/package-lock.json.
web: web/node_modules/.package-lock.json
web/node_modules/.package-lock.json: web/package-lock.json
	cd web && npm ci --no-audit --no-fund --loglevel=error

# Debian's Chromium for the browser tests (root on CI and developer machines here).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "browser tests need Debian's chromium: sudo apt-get install chromium"; fi; }

demo: install web
	$(BIN)/thucydides extract examples/seed.txt --published 2021-08-20
	@mkdir -p .demo
	$(BIN)/thucydides ingest examples/seed.txt --published 2021-08-20 --db $(DEMO_DB)
	@echo
	@echo "To open the analyst's page on the seed's data:"
	@echo "  $(BIN)/thucydides serve --db $(DEMO_DB)    then browse http://127.0.0.1:8000/"

test: install web browser
	$(BIN)/python -m pytest

# Re-pin every dependency by hash after changing pyproject.toml (needs pip-tools: pip install pip-tools).
lock:
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --no-emit-index-url --no-emit-find-links \
	  --strip-extras --extra test -o requirements.lock pyproject.toml

clean:
	rm -rf $(VENV) .demo web/node_modules test-artifacts .pytest_cache
