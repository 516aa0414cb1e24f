# SAKIP Kecamatan — the two commands: `make run` and `make test`.
# The interpreter for .venv: the first of python3.13, python3.12, python3.11 that runs (a pyenv
# shim of a version that is not installed does not count). Choose one: `make run PYTHON=python3.12`.
PYTHON_SUPPORTED := -c 'import sys; sys.exit(not (3, 11) <= sys.version_info[:2] <= (3, 13))'
ifndef PYTHON
PYTHON := $(shell for p in python3.13 python3.12 python3.11; do \
	$$p $(PYTHON_SUPPORTED) >/dev/null 2>&1 && { echo $$p; break; }; done)
endif
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000
APT_PACKAGES := chromium poppler-utils fonts-liberation2 libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 libcairo2

.PHONY: run test bench install install-test assets system-packages lint migrate clean

$(VENV)/.installed: pyproject.toml
	@test -n "$(PYTHON)" && $(PYTHON) $(PYTHON_SUPPORTED) 2>/dev/null || { \
		echo "Python 3.11, 3.12 atau 3.13 diperlukan (python3.13, python3.12 atau python3.11;"; \
		echo "pilih dengan PYTHON=..., sekarang: '$(PYTHON)')"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(PIP) install -q -e '.[test]'
	touch $@

install: $(VENV)/.installed assets
install-test: $(VENV)/.installed-test assets system-packages

# Bootstrap, Bootstrap Icons and htmx come from the npm registry at install time and are
# served by Django/whitenoise from node_modules: no CDN at run time, nothing pasted in the repo.
node_modules/.package-lock.json: package.json package-lock.json
	@command -v npm >/dev/null || { apt-get update -qq && apt-get install -y -qq nodejs npm; }
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

assets: node_modules/.package-lock.json

# Debian packages the suite needs: Chromium for browser tests, poppler for PDF checks,
# Liberation fonts and Pango for WeasyPrint, Cairo for CairoSVG (the charts as PNG in the Word
# documents). Installed only where missing.
system-packages:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "Memasang paket Debian:$$missing"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

migrate: install
	mkdir -p var
	$(PY) manage.py migrate --noinput
	$(PY) manage.py createcachetable

run: install system-packages migrate
	@# The compiled English catalogue is committed; recompile only where gettext is installed.
	@if command -v msgfmt >/dev/null; then $(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules -v 0; fi
	$(PY) manage.py make_demo_certificate
	$(PY) manage.py seed_demo
	@echo ""
	@echo "SAKIP Kecamatan berjalan di http://$(HOST):$(PORT)/"
	@echo "Login demo (kata sandi semua: mungka2025):"
	@echo "  camat, sekcam, kasi-pemerintahan, kasi-pmd, kasi-kesos, kasi-trantib,"
	@echo "  kasi-pelayanan, kasubag-umum, kasubag-pep, jf, admin, kabupaten"
	@echo ""
	$(PY) manage.py runserver $(HOST):$(PORT)

test: install-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports --no-cache
	$(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/pytest $(PYTEST_ARGS)

bench: install-test
	$(PY) bench/run.py

lint: install-test
	$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check .

clean:
	rm -rf $(VENV) node_modules var/*.sqlite3
