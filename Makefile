# The two commands a fresh clone needs: `make demo` and `make test`. Each installs what it needs into .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SPARK := $(VENV)/.installed-spark

.PHONY: demo test check bench eval model clean

$(STAMP): pyproject.toml constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test,web,charts,browser]'
	@touch $(STAMP)

# the spark extra (pyspark, ~400 MB) only for the tests and benchmarks, so `make demo` stays light
$(SPARK): $(STAMP)
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[spark]'
	@touch $(SPARK)

demo: $(STAMP)
	$(BIN)/saydo demo

test: $(STAMP) $(SPARK)
	sh scripts/ensure-chromium.sh
	$(BIN)/python -m pytest -q

bench: $(STAMP) $(SPARK)
	$(BIN)/python -m bench

check: $(STAMP)
	$(BIN)/ruff check src tests bench

eval: $(STAMP)
	$(BIN)/saydo eval ../shared/corpus/dev

# the learned kind classifier behind --learned-kinds (docs/extraction.md), trained on the shared gold corpora and on
# the material written for it (corpus/written), shipped in the package; retrain after changing the extraction rules
model: $(STAMP)
	$(BIN)/python -m saydo.extract.learned ../shared/corpus/dev ../shared/corpus/dev2 corpus/written \
		--sentences corpus/written/sentences.jsonl --out src/saydo/extract/models/kinds

clean:
	rm -rf $(VENV) saydo-demo .pytest_cache test-output
