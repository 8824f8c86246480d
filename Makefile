# Two commands on a fresh machine (Python 3.11, Java 17, git, make):
#   make run    set up .venv, build the knowledge graph from the default corpus, print a summary
#   make test   set up .venv if needed and run the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test build setup clean

run: $(STAMP)
	$(BIN)/policykg build

build: run

test: $(STAMP)
	$(BIN)/python -m pytest tests kg ingest

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@command -v java >/dev/null || { echo "Java 11+ is needed for the HermiT reasoner (apt-get install default-jre-headless)"; exit 1; }
	touch $(STAMP)

clean:
	rm -rf build
