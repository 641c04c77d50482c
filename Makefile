# Two commands for everything: `make run` and `make test` (see README).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell md5sum pyproject.toml | cut -c1-12)

.PHONY: run test venv messages lint serve-setup clean node-tools docs-screenshots page-screenshots prod prod-stop object-store two-hosts

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11+ is required")'
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	@rm -f $(VENV)/.installed-* && touch $@

venv: $(STAMP)

# compilemessages needs GNU gettext's msgfmt; install it from Debian if it is missing.
messages: venv
	@command -v msgfmt >/dev/null || { command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ] && \
	  (apt-get update -qq && apt-get install -y -qq gettext >/dev/null); } || \
	  { echo "Please install GNU gettext (msgfmt)"; exit 1; }
	$(PY) manage.py compilemessages --ignore=.venv --verbosity 0

serve-setup: messages vendor-js
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo_content
	$(PY) manage.py update_index --verbosity 0
	$(PY) manage.py create_demo_admin

# The dev server and the task worker together (Procfile); the worker processes the demo
# films first and shows its progress.
run: serve-setup
	@echo "Portal: http://127.0.0.1:8000/  (admin: http://127.0.0.1:8000/admin/, user admin / password lausitz-demo, development only)"
	$(VENV)/bin/honcho start -f Procfile

# Node tools for the tests and the benchmark only (axe-core, vnu-jar, Lighthouse), pinned
# in package-lock.json; the site itself ships no npm code. Skipped where npm is missing:
# the tests that need them then skip with a reason (CI turns those skips into failures).
NODE_STAMP := node_modules/.installed-$(shell md5sum package-lock.json | cut -c1-12)
$(NODE_STAMP): package-lock.json
	@if command -v npm >/dev/null; then \
	  npm ci --no-audit --no-fund --ignore-scripts --loglevel=error && touch $@; \
	else echo "npm not found: accessibility, HTML-validation and Lighthouse checks will skip"; fi

node-tools: $(NODE_STAMP)

# hls.js for the film player, from node_modules into static/vendor/ (make/vendor.mk).
include make/vendor.mk

# Screenshots of the editor guide (docs/img/), from a throw-away demo site in Chromium: the
# single views, then the editor's, translator's and reviewer's journeys (their browser tests).
docs-screenshots: messages
	$(PY) -m docs.screenshots
	PORTAL_DOCS_SCREENSHOTS=docs/img PORTAL_REQUIRE_BROWSER=1 \
	  $(PY) -m pytest -p no:cacheprovider -q tests/browser/test_journeys.py

# Every public page type in both languages at 390 and 1280 px, for design review
# (var/screenshots/); `make page-screenshots PAGES="campaign film"` shoots only those types.
page-screenshots: messages vendor-js
	$(PY) -m docs.page_screenshots $(PAGES)

# A local S3-compatible object store (moto) with the media bucket, in the foreground; it
# prints the environment that puts the site's media there (docs/deploying.md).
object-store: venv
	$(PY) manage.py object_store

# The production stack (nginx + gunicorn, production settings, demo content) on :8080;
# `make prod OBJECT_STORE=moto` keeps its media in a local object store instead of on disk.
prod:
	bash deploy/prod.sh start

prod-stop:
	bash deploy/prod.sh stop

# Two app hosts in network namespaces behind one nginx, their checks, then teardown (root).
two-hosts: messages vendor-js
	bash bench/two-hosts.sh

lint: venv
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(VENV)/bin/lint-imports --no-logo

test: messages lint node-tools vendor-js
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) -m pytest $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) node_modules staticfiles .pytest_cache .ruff_cache
