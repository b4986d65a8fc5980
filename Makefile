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

.DEFAULT_GOAL := help
.PHONY: help install run test lint format migrate seed clean

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

run: seed ## Install, migrate, load demo data, create the admin, serve on http://127.0.0.1:8000/
	$(MANAGE) ensure_admin
	$(MANAGE) runserver $(HOST):$(PORT)

test: install ## Run the whole test suite (SQLite, or DATABASE_URL when set)
	$(VENV)/bin/pytest

lint: install ## Check code style with ruff
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install ## Format code with ruff
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

clean: ## Remove the virtualenv, local database and media
	rm -rf $(VENV) db.sqlite3 media staticfiles
