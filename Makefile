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
FAKE_TMDB_ENV := TMDB_BASE_URL=http://127.0.0.1:$(FAKE_TMDB_PORT)/3 TMDB_API_TOKEN=$(FAKE_TMDB_TOKEN) \
	TMDB_API_KEY= TMDB_IMAGE_BASE_URL=
START_FAKE_TMDB := $(PY) -m films.testing.fake_tmdb --host 127.0.0.1 --port $(FAKE_TMDB_PORT) --quiet & fake=$$!; \
	for _ in $$(seq 50); do (exec 3<>/dev/tcp/127.0.0.1/$(FAKE_TMDB_PORT)) 2>/dev/null && break; sleep 0.1; done; \
	echo "TMDB lookups go to the fake TMDB on 127.0.0.1:$(FAKE_TMDB_PORT) (nothing leaves this machine).";

.DEFAULT_GOAL := help
.PHONY: help install messages makemessages run fake-tmdb test lint format migrate seed clean docker-smoke bench css lighthouse

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(VENV)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed ## Create .venv and install runtime + development requirements

# makemessages walks the whole tree: leave out what is not our source.
MESSAGES_IGNORE := --ignore=.venv --ignore=staticfiles --ignore=media --ignore=node_modules

MO_FILES := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/django.po))

messages: $(MO_FILES) ## Compile the translations (locale/*/LC_MESSAGES/django.mo; not committed)

# Only when a catalogue changed: a warm `make run` should not wait for it.
locale/%/LC_MESSAGES/django.mo: locale/%/LC_MESSAGES/django.po $(VENV)/.installed
	$(MANAGE) compilemessages --ignore=.venv --verbosity 0

makemessages: install ## Collect new strings into locale/ru/LC_MESSAGES/django.po (then translate them)
	$(MANAGE) makemessages -l ru --no-obsolete $(MESSAGES_IGNORE)

migrate: install ## Apply database migrations
	$(MANAGE) migrate --noinput

seed: migrate ## Load the demo catalogue again (idempotent; `make run` does when it changed)
	$(MANAGE) seed_demo

# The address printed with the admin's sign-in details.
SITE_URL = http://$(HOST):$(PORT)
# Migrates when a migration is new, loads the demo catalogue into an empty
# database (or again when it changed), creates the admin or applies
# ADMIN_PASSWORD, and prints how to sign in; an unchanged checkout skips
# straight to serving.
# --skip-checks: runserver runs the system checks right after.
RELEASE := $(MANAGE) release --reseed-on-change --skip-checks --url $(SITE_URL)

run: install messages ## Migrate, load the demo catalogue, create the admin, serve on http://127.0.0.1:8000/ with a job worker (PORT=8001: another port; TMDB=fake: offline TMDB)
	@$(RELEASE)
	@# The job worker runs beside the server, in a session of its own so that
	@# stopping it also stops its autoreloader's child; it stops with the server.
	@$(if $(filter fake,$(TMDB)),$(FAKE_TMDB_ENV)) setsid $(MANAGE) db_worker & worker=$$!; \
	fake=; \
	trap 'kill -- -$$worker $$fake 2>/dev/null' EXIT; trap 'exit 130' INT TERM; \
	echo "Background jobs: a db_worker runs beside the server (stops with it)."; \
	$(if $(filter fake,$(TMDB)),$(START_FAKE_TMDB)) \
	$(if $(filter fake,$(TMDB)),$(FAKE_TMDB_ENV)) $(MANAGE) runserver $(HOST):$(PORT)

fake-tmdb: install ## Serve only the fake TMDB on loopback (FAKE_TMDB_PORT, default 8765)
	$(PY) -m films.testing.fake_tmdb --host 127.0.0.1 --port $(FAKE_TMDB_PORT)

test: messages ## Run the whole test suite (SQLite, or DATABASE_URL when set)
	$(VENV)/bin/pytest

lint: install ## Check code style with ruff
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install ## Format code with ruff
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

css: install ## Rebuild static/css/bootstrap.trimmed.min.css (Bootstrap minus unused rules; needs npx)
	$(PY) tools/trim_bootstrap.py

# e.g. `make lighthouse LIGHTHOUSE_ARGS="--language ru --form-factor mobile"`
LIGHTHOUSE_ARGS ?=
lighthouse: messages ## Lighthouse (npx, system Chromium) on the main pages: four scores, LCP, bytes
	$(PY) tools/lighthouse.py $(LIGHTHOUSE_ARGS)

docker-smoke: ## Build the image, start the compose stack, check the site, tear it down
	docker/smoke.sh

clean: ## Remove the virtualenv, local database and media
	rm -rf $(VENV) db.sqlite3 db.sqlite3-wal db.sqlite3-shm media staticfiles .bench .lighthouse locale/*/LC_MESSAGES/*.mo

# The benchmark's own database (dropped and rebuilt each run; the name must end
# in _bench) and its options, e.g. `make bench BENCH_ARGS="--duration 5
# --load-duration 10"` for a quick run, or `--reuse` to keep the built data.
BENCH_DB ?= filmtracker_bench
BENCH_ARGS ?=
# Redis on loopback, as in production (which refuses a per-process cache);
# a per-run key prefix so earlier runs' entries never count.
BENCH_CACHE = redis://127.0.0.1:6379/0?key_prefix=ftbench-$(shell date +%s)
# Building the data runs statements far longer than production's 20 s limit.
BENCH_DB_OPTIONS ?= DB_STATEMENT_TIMEOUT=0

bench: install ## Build 50,000 films in PostgreSQL, serve with gunicorn, load with wrk (~15 min)
	@command -v wrk >/dev/null || { apt-get update -qq \
		&& DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
	@pg_isready -h 127.0.0.1 -p 5432 -q || { \
		pg_ctlcluster --skip-systemctl-redirect "$$(ls /etc/postgresql)" main start \
		&& for _ in $$(seq 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done; }
	@redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 || { \
		command -v redis-server >/dev/null || { apt-get update -qq \
			&& DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null; }; \
		redis-server --bind 127.0.0.1 --port 6379 --daemonize yes >/dev/null \
		&& for _ in $$(seq 30); do redis-cli ping >/dev/null 2>&1 && break; sleep 1; done; }
	DJANGO_SETTINGS_MODULE=filmtracker.settings.bench \
	DATABASE_URL=postgres://postgres@127.0.0.1:5432/$(BENCH_DB) \
	SECRET_KEY=bench-only-not-a-secret SECURE_SSL_REDIRECT=false \
	CACHE_URL="$(BENCH_CACHE)" LOG_LEVEL=WARNING HEALTHZ_EARLY=false $(BENCH_DB_OPTIONS) \
	API_THROTTLE_ANON=1000000/second API_THROTTLE_USER=1000000/second \
	STATIC_ROOT=$(CURDIR)/.bench/static MEDIA_ROOT=$(CURDIR)/.bench/media \
	$(PY) -u manage.py bench $(BENCH_ARGS)
