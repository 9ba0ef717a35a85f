# make demo · make test — the only commands a newcomer needs.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
DYAD := $(VENV)/bin/dyad
SHARED ?= ../shared

.PHONY: install demo test model evaluate bench clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $@

# Codes the bundled example articles into demo.duckdb and shows what Dyad found.
demo: install
	rm -f demo.duckdb
	$(DYAD) ingest examples/articles --db demo.duckdb
	$(DYAD) events --db demo.duckdb --dyad ISR-RUS --limit 15
	$(DYAD) timeline ISR RUS --db demo.duckdb --by year

test: install
	$(PY) -m pytest -q

# Retrain the shipped English pipeline from UD English EWT + UNER English EWT.
model: install
	$(PY) train/convert.py $(SHARED)/datasets train/corpus
	$(PY) -m spacy train train/pipeline.cfg --output train/output
	$(PY) train/package.py train/output/model-best dyad/data/pipeline

evaluate: install
	$(DYAD) model evaluate

bench: install
	$(PY) bench/language_speed.py

clean:
	rm -rf train/corpus train/output
