# Two commands a newcomer needs: `make run` and `make test`. See README.md.
PYTHON ?= python3
VENV ?= .venv
PORT ?= 5000
export PORT  # links in emails and feeds use it (PUBLIC_BASE_URL in development)
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
ASSETS := static/css/portal.css static/js/govuk-frontend.min.js static/js/init.js

.PHONY: run test lint install assets eval bench clean

run: install assets
	$(BIN)/portal db upgrade
	$(BIN)/portal demo-data --if-empty
	@echo "Starting the mail worker (portal send-mail --loop) beside the server; Ctrl-C stops both."
	$(BIN)/portal send-mail --loop --interval 10 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/portal run --host 127.0.0.1 --port $(PORT)

test: lint assets
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# ruff's lint and format checks (config in pyproject.toml); `ruff format .` fixes the layout.
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

install: $(STAMP)

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

assets: $(ASSETS)

$(ASSETS) &: package.json package-lock.json scss/portal.scss scss/copy-js.mjs
	npm ci --no-audit --no-fund --loglevel=error
	npm run --silent build

eval: install
	$(BIN)/python -m portal.text.eval_runner $(EVAL_ARGS)

bench: install assets
	$(BIN)/python -m benchmarks $(BENCH_ARGS)

clean:
	rm -rf $(VENV) node_modules static/css static/js/govuk-frontend.min.js
