PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DB     ?= eventwire.duckdb

.PHONY: run test bench lock clean

# One virtualenv with every pinned dependency; rebuilt when the pins change.
$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/eventwire ingest examples/pages --db $(DB)
	$(BIN)/eventwire stats --db $(DB)

test: $(STAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

lock:
	rm -rf /tmp/eventwire-lock && $(PYTHON) -m venv /tmp/eventwire-lock
	/tmp/eventwire-lock/bin/pip install --quiet -e '.[test]'
	( echo "# Every package the project installs, pinned (pip freeze of a clean install). Regenerate with: make lock"; \
	  /tmp/eventwire-lock/bin/pip freeze --exclude-editable | grep -v '^eventwire' ) > requirements.lock

clean:
	rm -rf $(VENV) $(DB) $(DB).wal
