# Two commands matter on a fresh machine:  `make run`  and  `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
export HF_HUB_OFFLINE := 1
export HF_HUB_DISABLE_TELEMETRY := 1
export GRADIO_ANALYTICS_ENABLED := False
export TOKENIZERS_PARALLELISM := false

.PHONY: install browser run test bench

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	# torch first: 2.13.0 is a CPU build on local disk; any other torch pulls a multi-GB CUDA build
	$(PY) -m pip install --quiet torch==2.13.0
	$(PY) -m pip install --quiet -e '.[web,test]'
	touch $@

install: $(VENV)/.installed

# Debian's chromium for the browser tests (Playwright's own browser download cannot work offline)
browser:
	@command -v chromium >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core; }

run: install
	$(VENV)/bin/rag build --corpus data/articles --index index
	$(PY) app.py --corpus data/articles --index index

test: install browser
	$(PY) -m pytest

bench: install
	$(PY) -m bench
