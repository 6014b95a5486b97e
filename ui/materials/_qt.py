"""Qt names the materials widgets need beyond ui/qt.py (images, progress, spin boxes); one place to touch on a Qt upgrade."""

from PySide6.QtCore import QElapsedTimer
from PySide6.QtGui import QImage, QPixmap, QTransform
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QProgressBar, QSpinBox

__all__ = ["QApplication", "QElapsedTimer", "QImage", "QPixmap", "QPlainTextEdit", "QProgressBar", "QSpinBox",
           "QTransform"]
