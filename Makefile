# FilmTracker — the commands a newcomer needs. `make help` lists them.
SHELL := /bin/bash
VENV ?= .venv
PYTHON ?= python3
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
# `make run TMDB=fake` serves the fake TMDB on loopback so search-and-import works offline.
TMDB ?=
FAKE_TMDB_PORT ?= 8765
FAKE_TMDB_TOKEN := fake-tmdb-read-access-token

.DEFAULT_GOAL := help
.PHONY: help install run fake-tmdb test lint format migrate seed clean docker-smoke

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(VENV)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed ## Create .venv and install runtime + development requirements

migrate: install ## Apply database migrations
	$(MANAGE) migrate --noinput

seed: migrate ## Load the demo catalogue (idempotent)
	$(MANAGE) seed_demo

run: seed ## Install, migrate, load demo data, create the admin, serve on http://127.0.0.1:8000/ (TMDB=fake: offline TMDB)
	$(MANAGE) ensure_admin
ifeq ($(TMDB),fake)
	@$(PY) -m films.testing.fake_tmdb --host 127.0.0.1 --port $(FAKE_TMDB_PORT) --quiet & fake=$$!; \
	trap 'kill $$fake 2>/dev/null' EXIT; \
	for _ in $$(seq 50); do (exec 3<>/dev/tcp/127.0.0.1/$(FAKE_TMDB_PORT)) 2>/dev/null && break; sleep 0.1; done; \
	echo "TMDB lookups go to the fake TMDB on 127.0.0.1:$(FAKE_TMDB_PORT) (nothing leaves this machine)."; \
	TMDB_BASE_URL=http://127.0.0.1:$(FAKE_TMDB_PORT)/3 TMDB_API_TOKEN=$(FAKE_TMDB_TOKEN) \
	TMDB_API_KEY= TMDB_IMAGE_BASE_URL= $(MANAGE) runserver $(HOST):$(PORT)
else
	$(MANAGE) runserver $(HOST):$(PORT)
endif

fake-tmdb: install ## Serve only the fake TMDB on loopback (FAKE_TMDB_PORT, default 8765)
	$(PY) -m films.testing.fake_tmdb --host 127.0.0.1 --port $(FAKE_TMDB_PORT)

test: install ## Run the whole test suite (SQLite, or DATABASE_URL when set)
	$(VENV)/bin/pytest

lint: install ## Check code style with ruff
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install ## Format code with ruff
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

docker-smoke: ## Build the image, start the compose stack, check the site, tear it down
	docker/smoke.sh

clean: ## Remove the virtualenv, local database and media
	rm -rf $(VENV) db.sqlite3 media staticfiles
