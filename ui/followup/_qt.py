"""Qt names the follow-up and field screens need beyond ui/qt.py (kept here so ui/qt.py stays shared and small)."""
# ruff: noqa: F401

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRect, QRectF
from PySide6.QtGui import (
    QImage,
    QMouseEvent,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPixmap,
    QTabletEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import QAbstractButton, QTableWidget, QTableWidgetItem
