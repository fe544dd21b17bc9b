# One quality gate. `make demo` and `make test` create .venv/ on first use, so on a fresh
# machine with Python 3.11 they are the whole set-up.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test check lint types bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The reference article lives in ../shared (not shipped); without it, the bundled sample.
REFERENCE := ../shared/samples/isis-flee-to-turkey.txt

demo: $(STAMP)
	@if [ -f $(REFERENCE) ]; then \
	  echo '$(BIN)/newsint demo $(REFERENCE) --published 2017-09-28 --out newsint-demo.html'; \
	  $(BIN)/newsint demo $(REFERENCE) --published 2017-09-28 --out newsint-demo.html; \
	else \
	  echo '$(BIN)/newsint demo --out newsint-demo.html'; \
	  $(BIN)/newsint demo --out newsint-demo.html; \
	fi

test: $(STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests bench

types: $(STAMP)
	$(BIN)/mypy

check: lint types test

bench: $(STAMP)
	$(BIN)/python bench/throughput.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
