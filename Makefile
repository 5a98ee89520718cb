# Everything people run. `make run` and `make test` are the two commands a fresh machine needs.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py

.PHONY: install run test lint format migrations check-schema bench seed database clean

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

run: seed
	./scripts/run.sh

test: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_SETTINGS_MODULE=nzila_export.settings_test $(MANAGE) makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=nzila_export.settings_test $(MANAGE) spectacular --validate --fail-on-warn --file /dev/null
	$(BIN)/pytest --create-db --cov --cov-report=term

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

migrations: install
	$(MANAGE) makemigrations

bench: database
	$(BIN)/python scripts/bench/run.py

clean:
	rm -rf $(VENV) staticfiles .coverage
