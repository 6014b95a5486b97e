"""Qt names the queue screens need beyond ui/qt.py (painting); one place to touch on a Qt upgrade."""

from PySide6.QtCore import QRectF
from PySide6.QtGui import QBrush, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

__all__ = ["QBrush", "QPaintEvent", "QPainter", "QPen", "QRectF", "QTableWidget", "QTableWidgetItem"]
