"""The one package that imports PySide6 (Anki's ``aqt/qt`` and qutebrowser's ``qutebrowser/qt`` idea).

Every widget, and the tests, import Qt from here: ``from ui.qt import QWidget, Signal``. A Qt upgrade
touches this folder only. Core, GUI and widget names are re-exported here; print support and
multimedia are the submodules ``ui.qt.printsupport`` and ``ui.qt.multimedia`` (loaded only where they
are used, so start-up does not pay for them). An import-linter contract and ``tests/test_quality.py``
reject a PySide6 or shiboken6 import anywhere else (bench/ peers that time bare Qt excepted).
"""
# ruff: noqa: F401, F403  (re-exports)

from __future__ import annotations

from shiboken6 import getCppPointer as _cpp_pointer
from shiboken6 import isValid as _is_valid

from ui.qt.core import *
from ui.qt.core import QCoreApplication, QObject
from ui.qt.gui import *
from ui.qt.widgets import *
from ui.qt.widgets import QWidget

tr = QCoreApplication.translate
"""``tr(context, text)``: a translated string outside a QObject (e.g. module-level tables)."""


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # noqa: N802 - Qt's name, which lupdate looks for
    """Marks ``source`` for translation in ``context`` (lupdate collects it); returns it untranslated."""
    return source


def is_valid(obj: object) -> bool:
    """False once the C++ side of a Qt object was deleted (a closed dialog, a removed widget)."""
    return bool(_is_valid(obj))


def cpp_address(obj: object) -> int:
    """The C++ address of a Qt object (tells apart the steps of one event travelling up the parents)."""
    return int(_cpp_pointer(obj)[0])  # type: ignore[arg-type]


def bring_to_front(widget: QWidget) -> None:
    """Raises and activates a window (a preview over a modal dialog). Skipped on the offscreen platform,
    which cannot raise and warns (the tests fail on Qt warnings); there the widget only takes the focus."""
    from ui.qt.gui import QGuiApplication

    if QGuiApplication.platformName() != "offscreen":
        widget.raise_()
    widget.activateWindow()
