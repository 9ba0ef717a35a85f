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

demo: install
	rm -f demo.duckdb
	$(DYAD) read examples/articles --limit-sentences 3
	$(DYAD) extract examples/articles | head -n 5

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
