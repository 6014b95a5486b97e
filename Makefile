# The two set-up commands of the README: `make run` and `make test`.
PY ?= python3
VENV := .venv
VPY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test install sysdeps lint bench screenshots translations dist

sysdeps:
	@bash .ci/system-packages.sh

$(STAMP): pyproject.toml requirements-ocr.txt
	@test -x $(VPY) || $(PY) -m venv $(VENV)
	@$(VPY) -m pip install -q --upgrade pip >/dev/null
	@$(VPY) -m pip install -q -e ".[test]"
	@$(VPY) -m pip install -q --no-deps -r requirements-ocr.txt
	@touch $(STAMP)

install: sysdeps $(STAMP)

run: install
	@$(VPY) main.py --demo

# Two workers (pytest-xdist); tests of one shared resource (the CUPS queue, cups-pdf's output folder)
# stay together on one worker (tests/conftest.py, --dist loadgroup).
test: install
	@QT_QPA_PLATFORM=offscreen $(VPY) -m pytest -q -n 2 --dist loadgroup

lint: install
	$(VPY) -m ruff check clerk printing backoffice ui tests bench main.py
	$(VPY) -m mypy clerk printing backoffice ui main.py

# after changing a shown string: lupdate, keep moved strings' translations, lrelease (translate what is new)
translations: install
	$(VPY) resources/translations/update.py

bench: install
	@$(VPY) -m pip install -q -e ".[bench]"
	@for b in bench/*.py; do echo "== $$b"; $(VPY) $$b; done

# The two Debian packages (workstation, back office) into dist/ — docs/deploy.md.
dist: install
	@$(VPY) deploy/build.py
