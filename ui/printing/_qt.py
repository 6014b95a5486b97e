"""Qt names the printing widgets use beyond ``ui.qt`` (print support, images, page drawing)."""
# ruff: noqa: F401  (re-exports)

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QColor, QImage, QKeySequence, QPainter, QPixmap
from PySide6.QtPrintSupport import QPageSetupDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)


def alive(widget: object, fn: object) -> object:
    """``fn`` wrapped to do nothing once ``widget`` was deleted (a task finished after its dialog closed)."""
    from shiboken6 import isValid

    def call(*args: object) -> None:
        if isValid(widget) and not getattr(widget, "_closing", False):
            fn(*args)  # type: ignore[operator]

    return call
