# The two commands README starts with: `make app` and `make test`. Both bootstrap what they need
# on a fresh machine (uv from PyPI, the locked environment, for tests a Chromium and the Noto
# fonts the PDF tests print Chinese and emoji with).
SHELL := /bin/bash
PORT ?= 8866
UV := $(shell ./scripts/bootstrap-uv.sh)
ifeq ($(UV),)
$(error could not find or install uv; see the message above)
endif
RUN := $(UV) run --frozen --no-sync

.PHONY: help app lab test lint typecheck bench schema lock env

help:
	@echo "make app    serve the worksheet app on http://127.0.0.1:$(PORT)/ (Voilà)"
	@echo "make test   install everything and run the whole suite (unit, notebooks, browser, ruff, mypy)"
	@echo "make lab    open the training notebooks in JupyterLab on http://127.0.0.1:8888/lab"
	@echo "make bench  print the benchmark figures"

env:
	@$(UV) sync --frozen --quiet

app: env
	$(RUN) goalkit app --port $(PORT)

# Workshop: JupyterLab on the training notebooks, loopback only. Set LAB_TOKEN to require a token.
lab: env
	$(RUN) jupyter lab --ServerApp.root_dir=notebooks --ip=127.0.0.1 --port=8888 --no-browser \
	  --IdentityProvider.token="$${LAB_TOKEN:-}" $$( [ "$$(id -u)" = 0 ] && echo --allow-root )

lint: env
	$(RUN) ruff check goalkit tests bench

typecheck: env
	$(RUN) mypy

test: env
	./scripts/ensure-fonts.sh && \
	chromium="$$(./scripts/ensure-chromium.sh "$(UV)")" && \
	$(RUN) ruff check goalkit tests bench && \
	$(RUN) mypy && \
	GOALKIT_CHROMIUM="$$chromium" $(RUN) pytest --nbval-lax --doctest-modules goalkit tests notebooks worksheets

bench: env
	@for b in bench/bench_*.py; do echo "== $$b"; $(RUN) python $$b; done

schema: env
	$(RUN) python -m goalkit.fileformat

lock:
	$(UV) lock
