# Two entry points for a fresh machine (Python >= 3.11 and make only):
#   make demo   - install everything, then run the demo against the embedded sandbox
#   make test   - install everything, then run generation check, lint, types and tests
SHELL := /bin/bash
PYTHON ?= python3
UV_VERSION := 0.13.8
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
PY := $(VENV)/bin/python
SPEC ?= openapi/openapi.json
OUT ?= generated
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)

.PHONY: install demo demo-scale example-fastapi test lint typecheck pytest redis-server tmux generate check-generated spec-diff update-spec sandbox benchmark clean

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

$(VENV)/.installed: $(UV) pyproject.toml uv.lock
	$(UV) sync --locked --all-extras --python $(PYTHON) --quiet
	touch $@

install: $(VENV)/.installed

demo: install
	$(PY) scripts/demo.py

# examples/fastapi_app against the embedded sandbox: a short tour, then it keeps serving.
example-fastapi: install
	$(PY) -m examples.fastapi_app $(ARGS)

# Many clinics on one client, many worker processes on one token chain (served sandbox).
demo-scale: install
	$(PY) scripts/demo_scale.py

test: install check-generated lint typecheck pytest

lint: install
	$(VENV)/bin/ruff check src scripts tests openapi/runtime
	$(VENV)/bin/ruff format --check src scripts tests openapi/runtime

typecheck: install
	$(VENV)/bin/mypy src
	$(VENV)/bin/mypy --strict scripts
	$(VENV)/bin/mypy --strict openapi/runtime

# The Redis tests run Debian's redis-server; as root, install it when it is missing.
redis-server:
	@command -v redis-server >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing the Debian package redis-server (the Redis tests need it)"; \
	    apt-get install -y -qq redis-server >/dev/null 2>&1 || \
	      { apt-get update -qq && apt-get install -y -qq redis-server; }; \
	  else \
	    echo "redis-server is missing: install the Debian package redis-server (apt-get install -y redis-server) and run make test again" >&2; \
	    exit 1; \
	  fi; }

# The CLI's progress-bar test draws in a real terminal: tmux, installed the same way.
tmux:
	@command -v tmux >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing the Debian package tmux (the CLI terminal test needs it)"; \
	    apt-get install -y -qq tmux >/dev/null 2>&1 || \
	      { apt-get update -qq && apt-get install -y -qq tmux; }; \
	  else \
	    echo "tmux is missing: install the Debian package tmux (apt-get install -y tmux) and run make test again" >&2; \
	    exit 1; \
	  fi; }

pytest: install redis-server tmux
	$(VENV)/bin/pytest

# Rebuild a client package from a spec: make generate [SPEC=path/or/url] [OUT=dir]
generate: install
	$(PY) scripts/generate.py --spec $(SPEC) --out $(OUT)

# Fails when generated/ differs from what the pipeline produces from openapi/openapi.json.
check-generated: install
	$(PY) scripts/generate.py --spec openapi/openapi.json --out generated --check

# Compare the committed spec with another one (default: Fullscript's published file):
#   make spec-diff [NEW=path/or/url] [DIFF_ARGS="--fail-on-breaking --json"]
spec-diff: NEW ?= https://us.fullscript.com/docs/api/open-api/v1/openapi.json
spec-diff: install
	$(PY) scripts/spec_diff.py openapi/openapi.json $(NEW) $(DIFF_ARGS)

# Adopt a new spec: diff, normalise, write it to openapi/openapi.json, regenerate, and list
# what the sandbox does not serve yet:  make update-spec NEW=path/or/url
update-spec: install
	@test -n "$(NEW)" || { echo "usage: make update-spec NEW=<path or URL of the new spec>" >&2; exit 2; }
	$(PY) scripts/update_spec.py $(NEW)

sandbox: install
	$(PY) -m fullscript.sandbox --host 127.0.0.1 --port 8765

benchmark: install
	$(PY) scripts/benchmark.py

clean:
	rm -rf $(VENV) $(TOOLS) .mypy_cache .pytest_cache .ruff_cache
