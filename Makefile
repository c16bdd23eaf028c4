# custlearn — the two commands are `make lab` and `make test`.
# Everything else here is for contributors (see README "Contributing").

SHELL := /bin/bash
.DEFAULT_GOAL := help

# A Python >= 3.11 to build the virtual environment with.
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3 2>/dev/null || echo python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.custlearn-installed
EXTRAS := course,test
# What each install asks for (kept in variables: a comma inside a $(call ...) argument would split it).
SPEC_COURSE  := -e ".[$(EXTRAS)]"
SPEC_BROWSER := -e ".[$(EXTRAS),browser]"
SPEC_WAREHOUSE := -e ".[$(EXTRAS),warehouse]"

# The course's language for lab, slides and book: `make lab LANG=zh` opens the Chinese edition
# (zh/notebooks/, custlearn speaking Chinese). LANG given on the command line is the course's
# language, not the shell's locale: the recipes get a UTF-8 locale instead of "zh".
COURSE_LANG := en
ifeq ($(origin LANG),command line)
COURSE_LANG := $(LANG)
override LANG := C.UTF-8
endif
ifeq ($(filter $(COURSE_LANG),en zh),)
$(error LANG=$(COURSE_LANG) is not a language of the course: use LANG=zh (简体中文) or LANG=en (the default))
endif

# make lab PORT=8899; a --port in LAB_ARGS wins (tools/lab.py passes JupyterLab one port).
LAB_PORT ?= 8888
PORT     ?= $(LAB_PORT)
LAB_ARGS ?=
# The course's JupyterLab settings (no news pop-up), installed into .venv for every user of it.
LAB_OVERRIDES := $(VENV)/share/jupyter/lab/settings/overrides.json

# Strict nbval: outputs are compared; see tests/nbval_sanitize.cfg for the
# few strings that legitimately vary. Notebooks are split per file across
# two workers, whole files and notebooks per worker (-n 2 --dist loadscope, groups in conftest.py): splitting one notebook breaks it.
NBVAL_ARGS  := --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg
XDIST_ARGS  := -n 2 --dist loadscope
TEST_PATHS  := tests custlearn notebooks exercises/solutions
PYTEST_ARGS ?=

export PYDEVD_DISABLE_FILE_VALIDATION := 1
# Python's bytecode caches (__pycache__/, git-ignored) are written even where the environment turns them
# off: every test process and notebook kernel then imports custlearn, and pytest its rewritten tests,
# without compiling them again.
unexport PYTHONDONTWRITEBYTECODE

.PHONY: help lab test notebooks exercises datasets bench venv clean distclean slides book

help:
	@echo "custlearn — customer management analytics course"
	@echo ""
	@echo "  make lab         set up .venv (first time) and open JupyterLab at the start notebook (PORT=8899 for another port)"
	@echo "                   make lab LANG=zh: the Chinese edition (中文版)"
	@echo "  make test        set up .venv (first time) and run every test, notebooks included"
	@echo ""
	@echo "  make notebooks   re-execute lessons and solutions in place, then regenerate exercises"
	@echo "  make exercises   regenerate learner exercise notebooks from exercises/solutions/"
	@echo "  make datasets    regenerate the shipped datasets from their recorded seeds"
	@echo "  make bench       run the benchmarks in bench/ (ratios against in-run baselines)"
	@echo "  make warehouse   write a large company as Parquet by month into $(WAREHOUSE_DIR)/ (WAREHOUSE_ORDERS=$(WAREHOUSE_ORDERS))"
	@echo "  make test-spark  the lesson-09 SQL equalities on Spark local[2] (installs the warehouse extra; Java 17)"
	@echo "  make slides      export every lesson to an offline reveal.js deck in _build/slides/ (LANG=zh: _build/slides/zh/)"
	@echo "  make book        build the offline course site in _build/book/_build/html/ (own venv _build/venv-docs)"
	@echo "  make test-browser  real-browser test: JupyterLab, the site and a deck in Chromium (sudo apt-get install chromium)"
	@echo "  make clean       remove caches; 'make distclean' also removes .venv and _build"

venv: $(STAMP)

# Installs go through uv (from PyPI, into the venv: several times faster than
# pip on a fresh machine, see README "Contributing"); if uv cannot be had, pip
# does the same install. Both read only the package registry.
# $(1): the venv's bin folder, $(2): what to install.
define install
$(1)/python -m pip install --quiet --disable-pip-version-check --progress-bar off "uv>=0.5" >/dev/null 2>&1 \
  && $(1)/uv pip install --quiet --python $(1)/python $(2) \
  || $(1)/python -m pip install --quiet --disable-pip-version-check --progress-bar off $(2)
endef

# Re-installs only when pyproject.toml changed (or .venv is new).
$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "custlearn needs Python 3.11 or newer; found " + sys.version.split()[0] + ". Run: make PYTHON=/path/to/python3.11 ...")'
	@test -x $(BIN)/python || { echo "Creating $(VENV) with $(PYTHON)"; $(PYTHON) -m venv $(VENV); }
	@echo "Installing custlearn with its course and test extras into $(VENV) (first time: about a minute)"
	@$(call install,$(BIN),$(SPEC_COURSE))
	@# An editable install is not byte-compiled (pip and uv compile only what they copy): compile the
	@# package once here, not in every test process and notebook kernel.
	@$(BIN)/python -m compileall -q custlearn >/dev/null
	@touch $(STAMP)

$(LAB_OVERRIDES): tools/jupyterlab/overrides.json $(STAMP)
	@mkdir -p $(dir $@)
	@cp tools/jupyterlab/overrides.json $@

lab: $(STAMP) $(LAB_OVERRIDES)
	@$(BIN)/python tools/lab.py --port $(PORT) --lang $(COURSE_LANG) -- $(LAB_ARGS)

test: $(STAMP)
	$(BIN)/python -m pytest $(XDIST_ARGS) $(NBVAL_ARGS) $(TEST_PATHS) $(PYTEST_ARGS)

# Before executing: the rule of check() in lesson 00, the instructor cells collapsed for trainees, the
# claim cells hidden and every lesson's glossary table written from docs/glossary.yml
# (metadata/one-cell edits, idempotent; see the tools' docstrings).
# NB="notebooks/05_value.ipynb ..." for some; their Chinese edition is ZH_NB.
ZH_NB = $(patsubst notebooks/%,zh/notebooks/%,$(patsubst exercises/solutions/%,zh/exercises/solutions/%,$(NB)))
notebooks: $(STAMP)
	$(BIN)/python tools/tolerance_rule.py
	$(BIN)/python tools/instructor_cells.py
	$(BIN)/python tools/claims.py tag notebooks/*.ipynb
	$(BIN)/python tools/build_glossary.py cells
	$(BIN)/python tools/execute_notebooks.py $(or $(NB),notebooks/*.ipynb exercises/solutions/*.ipynb)
	@# The Chinese edition (issue 21): built from the English notebooks and translations/zh/, then executed.
	$(BIN)/python tools/translate.py build $(NB)
	$(BIN)/python tools/execute_notebooks.py $(or $(ZH_NB),zh/notebooks/*.ipynb zh/exercises/solutions/*.ipynb)
	$(BIN)/python tools/make_exercises.py

exercises: $(STAMP)
	$(BIN)/python tools/make_exercises.py

datasets: $(STAMP)
	$(BIN)/python -m custlearn.datasets ship --force

# Lesson 09 (issue 20): the course's measures as SQL on DuckDB and Spark.
# `make warehouse` writes the shop company with about WAREHOUSE_ORDERS orders
# (10 million; 100 million on request: WAREHOUSE_ORDERS=100000000) into
# WAREHOUSE_DIR: orders/order_month=YYYY-MM/*.parquet, customers/*.parquet and
# manifest.json, chunk by chunk (bounded memory), the same bytes for a seed.
WAREHOUSE_ORDERS ?= 10000000
WAREHOUSE_DIR    ?= _build/warehouse
WAREHOUSE_SEED   ?= 0
WAREHOUSE_STAMP  := $(VENV)/.custlearn-warehouse-installed
SPARK_PYTEST_ARGS ?= -rs

.PHONY: warehouse test-spark

# bench/bench_sql.py times Spark too: the warehouse extra is installed first.
bench: $(WAREHOUSE_STAMP)
	$(BIN)/python bench/run.py $(BENCH_ARGS)

warehouse: $(STAMP)
	$(BIN)/python -m custlearn.sql warehouse --orders $(WAREHOUSE_ORDERS) --out $(WAREHOUSE_DIR) --seed $(WAREHOUSE_SEED)

# The warehouse extra (PySpark, no pyarrow) goes into .venv beside the test extras.
$(WAREHOUSE_STAMP): $(STAMP) pyproject.toml
	@echo "Installing the warehouse extra (PySpark; needs Java 17) into $(VENV)"
	@$(call install,$(BIN),$(SPEC_WAREHOUSE))
	@touch $(WAREHOUSE_STAMP)

test-spark: $(WAREHOUSE_STAMP)
	@command -v java >/dev/null || { echo "test-spark: Spark needs Java 17 (sudo apt-get install openjdk-17-jre-headless)"; exit 1; }
	$(BIN)/python -m pytest tests_spark -p no:cacheprovider $(SPARK_PYTEST_ARGS) $(PYTEST_ARGS)

# Instructor kit: decks and course site (README "For instructors: decks and site").
# Decks: nbconvert from .venv, reveal.js/require.js fetched once from npm into _build/npm.
slides: $(STAMP)
	$(BIN)/python tools/build_slides.py --lang $(COURSE_LANG) $(NB)

# Site: Jupyter Book 1 lives in its own venv so it never changes .venv.
DOCS_VENV  := _build/venv-docs
DOCS_BIN   := $(DOCS_VENV)/bin
DOCS_STAMP := $(DOCS_VENV)/.custlearn-docs-installed

$(DOCS_STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "custlearn needs Python 3.11 or newer; found " + sys.version.split()[0])'
	@test -x $(DOCS_BIN)/python || { echo "Creating $(DOCS_VENV) with $(PYTHON)"; $(PYTHON) -m venv $(DOCS_VENV); }
	@echo "Installing the docs extra (Jupyter Book 1) into $(DOCS_VENV) (first time: about a minute)"
	@$(call install,$(DOCS_BIN),$$($(DOCS_BIN)/python tools/build_book.py --requirements))
	@touch $(DOCS_STAMP)

# The "Try it" pictures are captured in .venv (the course's environment), the site built in the docs venv.
book: $(DOCS_STAMP) $(STAMP)
	$(BIN)/python tools/try_it_pictures.py
	$(DOCS_BIN)/python tools/build_book.py

# Real-browser test (issue 11): JupyterLab on 127.0.0.1 and the built site and a
# deck, driven in Debian's Chromium (/usr/bin/chromium) by Playwright from the
# `browser` extra (never `playwright install`). Builds the site and the decks
# first when they are missing. Screenshots: _build/screenshots/. Not part of
# `make test`; CI (.ci/run) runs it after `make test`.
BROWSER_STAMP       := $(VENV)/.custlearn-browser-installed
BROWSER_PYTEST_ARGS ?= -v -s -rs

$(BROWSER_STAMP): $(STAMP) $(LAB_OVERRIDES) pyproject.toml
	@echo "Installing the browser extra (Playwright, driving /usr/bin/chromium) into $(VENV)"
	@$(call install,$(BIN),$(SPEC_BROWSER))
	@touch $(BROWSER_STAMP)

.PHONY: test-browser
test-browser: $(BROWSER_STAMP) $(LAB_OVERRIDES)
	@# Locally a failed site or deck build only skips those tests; in CI (CI=true) it fails the run.
	@test -f _build/book/_build/html/zh/index.html || $(MAKE) --no-print-directory book \
		|| { [ -z "$$CI" ] && echo "test-browser: 'make book' failed: the site tests will be skipped"; }
	@test -f _build/slides/00_start_here.slides.html || $(MAKE) --no-print-directory slides \
		|| { [ -z "$$CI" ] && echo "test-browser: 'make slides' failed: the deck test will be skipped"; }
	@test -f _build/slides/zh/00_start_here.slides.html || $(MAKE) --no-print-directory slides LANG=zh \
		|| { [ -z "$$CI" ] && echo "test-browser: 'make slides LANG=zh' failed: the Chinese deck tests will be skipped"; }
	$(BIN)/python -m pytest tests_browser -p no:cacheprovider $(BROWSER_PYTEST_ARGS) $(PYTEST_ARGS)

clean:
	find . -name __pycache__ -not -path './$(VENV)/*' -prune -exec rm -rf {} +
	find . -name .ipynb_checkpoints -not -path './$(VENV)/*' -prune -exec rm -rf {} +
	rm -rf .pytest_cache build *.egg-info

distclean: clean
	rm -rf $(VENV) _build
