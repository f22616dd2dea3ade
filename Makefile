# Two commands do all the set-up on a fresh machine with Python 3.10+ and make:
#   make demo   build the example publication into example_site/site
#   make test   run the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip

.PHONY: demo serve docs wheel test test-browser test-validators screenshots lint format benchmark benchmark-site benchmark-longtail clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

# Stamp files re-run pip only when pyproject.toml changes.
$(VENV)/.demo: $(BIN)/python pyproject.toml
	$(PIP) install --quiet -e '.[demo]'
	touch $@

$(VENV)/.test: $(BIN)/python pyproject.toml
	$(PIP) install --quiet -e '.[dev]'
	touch $@

demo: $(VENV)/.demo
	$(BIN)/mkdocs build --strict -f example_site/mkdocs.yml
	@echo "Built into $(CURDIR)/example_site/site. To browse it, run 'make serve' and open the address it prints."

serve: $(VENV)/.demo
	$(BIN)/mkdocs serve -f example_site/mkdocs.yml

# The documentation site (mkdocs.yml at the root, pages in docs/), built with the plugin itself.
docs: $(VENV)/.demo
	$(BIN)/mkdocs build --strict -f mkdocs.yml
	@echo "Built into $(CURDIR)/site."

# A wheel to install where the package index has no release yet: dist/*.whl.
wheel: $(BIN)/python
	$(PIP) wheel --quiet --no-deps --wheel-dir dist .

test: $(VENV)/.test
	$(BIN)/pytest -m "not browser and not validators"
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test-browser: $(VENV)/.test
	$(BIN)/pytest -m browser

# The Nu Html Checker and axe-core at the versions package-lock.json pins (their install
# scripts are not run: the checker runs on the system's Java, see .ci/run).
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

# Slow: validators on built sites in three themes. Needs Java, chromium and chromium-driver.
test-validators: $(VENV)/.test node_modules/.package-lock.json
	$(BIN)/pytest -m validators

# Needs the system chromium and chromium-driver, like test-browser.
screenshots: $(VENV)/.test
	$(BIN)/python scripts/make_screenshots.py docs/screenshots

lint: $(VENV)/.test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: $(VENV)/.test
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

benchmark: $(VENV)/.test
	$(BIN)/python benchmarks/related.py --articles 10000

# Whole builds against plain MkDocs, the table of docs/performance.md (about 20 minutes).
benchmark-site: $(VENV)/.test
	$(BIN)/python benchmarks/site_build.py

# The long-tail corpus (thousands of topics, most with 1-3 posts), the README's second table
# (about an hour on 2 cores). One row: make benchmark-longtail LONGTAIL="--articles 10000
# --themes mkdocs --runs 1".
LONGTAIL ?= --articles 2500 10000 20000 --runs 3
benchmark-longtail: $(VENV)/.test
	$(BIN)/python benchmarks/site_build.py --corpus longtail --cases short $(LONGTAIL)

clean:
	rm -rf $(VENV) node_modules example_site/site site dist .pytest_cache .ruff_cache
