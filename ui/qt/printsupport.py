"""QtPrintSupport (printers, print and page dialogs): imported only by what prints, not at start-up."""
# ruff: noqa: F401  (re-exports)

from __future__ import annotations

from PySide6.QtPrintSupport import QPageSetupDialog, QPrintDialog, QPrinter
