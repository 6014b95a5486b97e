"""What a start costs in imports: ``python -m clerk --help`` (and building its parser) loads none of the heavy
libraries — SQLAlchemy, pydantic, the catalog, PDF and image libraries are imported by the commands that use
them. Checked in a fresh interpreter, by the modules it ends up with (bench/startup.py times it)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("sqlalchemy", "pydantic", "yaml", "img2pdf", "pikepdf", "pypdfium2", "PIL", "reportlab", "requests",
         "cryptography", "fastapi", "PySide6", "clerk.store", "clerk.catalog", "clerk.intake.model")

PROBE = """
import contextlib, io, json, sys
from clerk.cli import main
with contextlib.redirect_stdout(io.StringIO()) as out:
    try:
        main(["--help"])
    except SystemExit as exc:
        code = exc.code
print(json.dumps({"code": code, "help": out.getvalue(), "modules": sorted(sys.modules)}))
"""


def test_help_builds_every_command_without_the_heavy_libraries() -> None:
    r = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert r.returncode == 0, r.stderr
    got = json.loads(r.stdout)
    assert got["code"] == 0 and "search" in got["help"] and "catalog" in got["help"]
    loaded = [m for m in got["modules"] if any(m == h or m.startswith(h + ".") for h in HEAVY)]
    assert loaded == []


def test_search_still_lists_every_status_in_its_help() -> None:
    from clerk.cli import build_parser
    from clerk.intake.model import CaseStatus

    r = subprocess.run([sys.executable, "-m", "clerk", "search", "-h"], capture_output=True, text=True, cwd=ROOT,
                       timeout=120)
    assert r.returncode == 0 and all(s.value in r.stdout for s in CaseStatus)
    assert build_parser().parse_args(["search", "x", "--status", "delivered"]).status == ["delivered"]
