# Everything people run. `make run` and `make test` are the two commands a fresh machine needs.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py

.PHONY: install run test lint format migrations messages compile-messages check-schema bench seed database clean promtool wrk clients check-clients clients-install chromium

$(BIN)/python:
	$(shell command -v $(PYTHON) || command -v python3) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Reinstall whenever a requirements file changes.
$(VENV)/.installed: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

database: install
	$(BIN)/python scripts/create_database.py
	$(MANAGE) migrate --noinput

seed: database
	$(MANAGE) seed_demo

run: seed compile-messages
	./scripts/run.sh

# promtool checks and unit-tests the alert rules (ops/prometheus, operations/tests/test_metrics_alert_rules.py);
# Debian's prometheus package ships it; the Prometheus server it would start is not needed, so it is disabled.
promtool:
	command -v promtool >/dev/null || (apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends prometheus && \
		(systemctl disable --now prometheus >/dev/null 2>&1 || true))

# The staff journeys run in a real browser (nzila_export/tests/browser): Debian's headless Chromium and its
# chromedriver, found at /usr/bin; Selenium Manager is not used, so nothing is downloaded when the tests run.
chromium:
	command -v chromedriver >/dev/null || (apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium chromium-driver)

test: install compile-messages promtool chromium
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_SETTINGS_MODULE=nzila_export.settings_test $(MANAGE) makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=nzila_export.settings_test $(MANAGE) spectacular --validate --fail-on-warn --file /dev/null
	$(MAKE) check-clients
	$(BIN)/pytest --create-db --numprocesses 2 --dist loadfile --no-loadscope-reorder --cov --cov-report=term

# The generated API clients (clients/): the schema, a Python client (openapi-python-client) and TypeScript
# types (openapi-typescript, npm). `make clients` writes them into CLIENTS_DIR; any generator warning fails.
# `make check-clients` (in `make test`) regenerates them into a temporary directory and fails on a difference.
CLIENTS_DIR ?= clients
TS_GENERATOR := clients/typescript/node_modules/.bin/openapi-typescript

clients-install: install
	cd clients/typescript && npm ci --no-audit --no-fund --loglevel=error

clients: clients-install
	mkdir -p $(CLIENTS_DIR)/typescript
	DJANGO_SETTINGS_MODULE=nzila_export.settings_test $(MANAGE) spectacular --validate --fail-on-warn \
		--file $(CLIENTS_DIR)/openapi.yaml
	PATH=$(CURDIR)/$(BIN):$$PATH $(BIN)/openapi-python-client generate --path $(CLIENTS_DIR)/openapi.yaml \
		--config clients/python-config.yaml --meta none --output-path $(CLIENTS_DIR)/python/nzila_client \
		--overwrite > $(CLIENTS_DIR)/.python-generator.log 2>&1 || (cat $(CLIENTS_DIR)/.python-generator.log; exit 1)
	$(TS_GENERATOR) $(CLIENTS_DIR)/openapi.yaml -o $(CLIENTS_DIR)/typescript/schema.d.ts \
		> $(CLIENTS_DIR)/.typescript-generator.log 2>&1 || (cat $(CLIENTS_DIR)/.typescript-generator.log; exit 1)
	! grep -i -E "warn|error" $(CLIENTS_DIR)/.python-generator.log $(CLIENTS_DIR)/.typescript-generator.log \
		|| (echo "The client generators warned (above): fix the schema."; exit 1)
	rm -f $(CLIENTS_DIR)/.python-generator.log $(CLIENTS_DIR)/.typescript-generator.log

check-clients: clients-install
	rm -rf /tmp/nzila-clients-check && mkdir -p /tmp/nzila-clients-check
	$(MAKE) --no-print-directory clients CLIENTS_DIR=/tmp/nzila-clients-check
	diff -q clients/openapi.yaml /tmp/nzila-clients-check/openapi.yaml \
		&& diff -r -q -x '__pycache__' -x .ruff_cache clients/python /tmp/nzila-clients-check/python \
		&& diff -q clients/typescript/schema.d.ts /tmp/nzila-clients-check/typescript/schema.d.ts \
		|| (echo "The committed clients differ from the schema: run \`make clients\` and commit clients/."; exit 1)
	rm -rf /tmp/nzila-clients-check

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

migrations: install
	$(MANAGE) makemigrations

# The French catalogues, <app>/locale/fr/LC_MESSAGES/django.po: makemessages runs inside each app (and
# the project package) so that each catalogue holds its own app's strings, without settings (with them it
# would write everything to LOCALE_PATHS); then translate every new or changed msgid (no empty msgstr, no
# fuzzy: nzila_export/tests/test_translations.py checks) and `make compile-messages`. The compiled .mo files
# are committed too, and `make run` and `make test` compile them again from the .po files.
MESSAGE_DIRS := nzila_export $(patsubst %/apps.py,%,$(wildcard */apps.py))

messages: install
	for dir in $(MESSAGE_DIRS); do \
		(mkdir -p $$dir/locale && cd $$dir && env -u DJANGO_SETTINGS_MODULE ../$(BIN)/django-admin makemessages \
			--locale=fr --ignore=tests --ignore=migrations --no-obsolete --add-location=file) || exit 1; \
	done
	$(MAKE) compile-messages

# Every catalogue of the repository in one pass (GNU gettext's msgfmt: Debian's `gettext` package).
compile-messages: install
	env -u DJANGO_SETTINGS_MODULE $(BIN)/django-admin compilemessages --locale=fr --ignore=.venv --ignore=staticfiles

# wrk drives the HTTP benchmarks (scripts/bench/catalogue_http.py); Debian's package.
wrk:
	command -v wrk >/dev/null || (apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends wrk)

bench: database wrk
	$(BIN)/pip install --quiet -r requirements-bench.txt
	$(BIN)/python scripts/bench/run.py

clean:
	rm -rf $(VENV) staticfiles .coverage
