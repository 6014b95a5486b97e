"""The checked rules of DESIGN.md: the layer contract, ruff, and mypy on the typed packages."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def _run(*cmd: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(BIN / cmd[0]), *cmd[1:]], cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_layer_contract_holds() -> None:
    """clerk/ imports no Qt, ui or printing; printing/ no ui or Qt; backoffice/ none of them."""
    r = _run("lint-imports", "--no-cache")
    assert r.returncode == 0, r.stdout + r.stderr
    assert "BROKEN" not in r.stdout and r.stdout.count("KEPT") >= 8


BARE_QT_PEERS = {"bench/startup.py"}
"""Benchmarks that time bare Qt on purpose (the peer the program is compared to)."""


def test_only_ui_qt_imports_pyside6() -> None:
    """Widgets, tests, scripts and docs import Qt through ``ui.qt`` (import-linter checks the packages;
    this also covers tests/, docs/, bench/ and main.py, which are not packages)."""
    import ast

    # The project's own files: tracked or not ignored (build/ holds a whole PySide6 after make dist).
    listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z", "--", "*.py"],
                            cwd=ROOT, capture_output=True, check=True).stdout.decode().split("\0")
    strays = []
    for rel in sorted(p for p in listed if p):
        path = ROOT / rel
        if rel.startswith((".", "ui/qt/")) or "/." in rel or rel in BARE_QT_PEERS or not path.is_file():
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), rel)):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            strays += [f"{rel}:{node.lineno} {n}" for n in names if n.split(".")[0] in ("PySide6", "shiboken6")]
    assert not strays, strays


def test_entry_points_name_importable_objects() -> None:
    """Every entry point pyproject.toml declares (plugins found by clerk.plugins) loads (checked from the
    source, not from an installed distribution that may be older)."""
    import importlib
    import tomllib

    groups = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["entry-points"]
    for group, entries in groups.items():
        for name, target in entries.items():
            module, _, attr = target.partition(":")
            assert callable(getattr(importlib.import_module(module), attr)), f"{group}/{name} = {target}"


def test_english_translation_is_complete() -> None:
    """Every string the UI marks for translation has its English (``make translations`` regenerates them)."""
    import xml.etree.ElementTree as ET

    ts = ET.parse(ROOT / "resources" / "translations" / "window_clerk_en.ts").getroot()
    unfinished = [f"{c.findtext('name')}: {m.findtext('source')}" for c in ts.iter("context") for m in c.iter("message")
                  if (m.find("translation") is None or m.find("translation").get("type") == "unfinished")]  # type: ignore[union-attr]
    assert not unfinished, unfinished


def test_ruff_is_clean() -> None:
    r = _run("ruff", "check", "clerk", "printing", "backoffice", "ui", "tests", "bench", "main.py")
    assert r.returncode == 0, r.stdout[-3000:]


def test_mypy_is_clean_on_the_typed_packages() -> None:
    r = _run("mypy", "clerk", "printing", "backoffice", "ui", "main.py")
    assert r.returncode == 0, r.stdout[-3000:]


def test_every_exception_of_the_core_derives_from_one_root() -> None:
    """Every exception class defined under clerk/ is a ClerkError (the CLI maps it to one line, exit 2)."""
    import importlib
    import inspect
    import pkgutil

    import clerk
    from clerk.errors import ClerkError

    strays = []
    for info in pkgutil.walk_packages(clerk.__path__, "clerk."):
        if ".migrations" in info.name or info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for name, obj in vars(module).items():
            if (inspect.isclass(obj) and issubclass(obj, BaseException) and obj.__module__ == module.__name__
                    and not issubclass(obj, ClerkError)):
                strays.append(f"{module.__name__}.{name}")
    assert not strays, strays
