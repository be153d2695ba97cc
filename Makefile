# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

VNU_JAR := var/tools/node_modules/vnu-jar/build/dist/vnu.jar

.PHONY: install translations run test test-browser lint format clean vnu

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# The project's Swedish admin texts: .mo files are build output, made from locale/*.po.
translations: install
	$(BIN)/python manage.py compile_translations --verbosity 0

run: install translations
	mkdir -p var
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo_content
	@echo ""
	@echo "PlugInnovation: http://$(HOST):$(PORT)/   admin: http://$(HOST):$(PORT)/admin/"
	@echo ""
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# The in-process tests run on every core (pytest-xdist, one test database per worker); then the
# browser suite in one process, since it starts its own server and Chromium.
PYTEST_WORKERS ?= auto
test: install translations
	@$(MAKE) --no-print-directory vnu || echo "Nu HTML Checker not installed: the HTML validity test will be skipped."
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --ignore=tests/browser
	$(BIN)/python -m pytest tests/browser

# The browser suite alone (axe, keyboard, HTML validity, admin CSP); `make test` runs it too.
# REQUIRE_BROWSER=1 makes a missing Chromium a failure instead of a skip.
test-browser: install translations
	@$(MAKE) --no-print-directory vnu || echo "Nu HTML Checker not installed: the HTML validity test will be skipped."
	$(BIN)/python -m pytest tests/browser

# The Nu HTML Checker for the HTML validity test (needs npm and java).
vnu: $(VNU_JAR)

$(VNU_JAR):
	@command -v npm >/dev/null && command -v java >/dev/null || (echo 'npm and java are needed for the HTML checker' && false)
	mkdir -p var/tools
	npm install --silent --no-audit --no-fund --prefix var/tools vnu-jar

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) var .pytest_cache
