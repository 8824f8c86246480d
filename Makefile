# Two commands on a fresh machine (Python 3.11, Java 17, git, make):
#   make run    set up .venv, build the knowledge graph from the default corpus, print a summary
#   make test   set up .venv if needed (and Chromium + a Korean font, nginx, Apache and Virtuoso via apt-get)
#               and run the whole test suite
#   make bench  the benchmark suite (bench/run.py; --quick form: make bench-quick)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test build setup clean browser webserver virtuoso bench bench-quick

run: $(STAMP)
	$(BIN)/policykg build

build: run

test: $(STAMP) browser webserver virtuoso
	$(BIN)/python -m pytest -n auto --dist loadfile tests kg ingest

# the benchmark suite (bench/README.md): ~15 min; results in build/bench/, reference run in bench/results/
bench: $(STAMP) browser
	$(BIN)/python bench/run.py

# the same benchmarks at small sizes (about 2 min); the test suite runs this too (tests/test_bench.py)
bench-quick: $(STAMP) browser
	$(BIN)/python bench/run.py --quick

# the browser tests drive Debian's Chromium (never a downloaded one) and need a font with Hangul
browser:
	@if command -v chromium >/dev/null && fc-list :lang=ko family | grep -q .; then :; else \
	  echo "installing chromium and fonts-noto-cjk for the browser tests (apt-get)"; \
	  SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; \
	fi

# the linked-data site tests run the site's nginx.conf.sample in Debian's nginx and its .htaccess in
# Apache httpd (apache2-bin: the binary and modules, no service), each on a loopback port; note that
# installing nginx-light also enables Debian's own nginx service
webserver:
	@if { command -v nginx || [ -x /usr/sbin/nginx ]; } >/dev/null && { command -v apache2 || [ -x /usr/sbin/apache2 ]; } >/dev/null; then :; else \
	  echo "installing nginx-light and apache2-bin for the linked-data site tests (apt-get)"; \
	  SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq nginx-light apache2-bin >/dev/null; \
	fi

# the remote-store tests start Debian's Virtuoso 7.2 (virtuoso-t) on loopback with a throwaway database
virtuoso:
	@if command -v virtuoso-t >/dev/null && [ -f /etc/virtuoso-opensource-7/virtuoso.ini ]; then :; else \
	  echo "installing virtuoso-opensource for the remote SPARQL store tests (apt-get)"; \
	  SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq virtuoso-opensource >/dev/null; \
	fi

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@command -v java >/dev/null || { echo "Java 11+ is needed for the HermiT reasoner (apt-get install default-jre-headless)"; exit 1; }
	touch $(STAMP)

clean:
	rm -rf build
