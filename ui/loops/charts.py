"""Painted charts a supervisor reads at a glance (no chart library): grouped bars and a share ring."""

from __future__ import annotations

import math
from collections.abc import Sequence

from ui.qt import QColor, QPainter, QPaintEvent, QPen, QRectF, Qt, QWidget

PALETTE = ("#1f4e8c", "#f0b429", "#d64545", "#3ebd93", "#9fb3c8", "#8d6e63")


class BarChart(QWidget):
    """Grouped bars: one group per category (a day, a bundle …), one bar per series (受理, 告知 …)."""

    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.categories: list[str] = []
        self.series: list[tuple[str, list[float]]] = []
        self.setMinimumHeight(220)

    def set_data(self, categories: Sequence[str], series: Sequence[tuple[str, Sequence[float]]]) -> None:
        self.categories = list(categories)
        self.series = [(name, [float(v) for v in values]) for name, values in series]
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("#ffffff"))
        left, bottom, right, head = 40, 34, 10, 52
        w, h = self.width() - left - right, self.height() - bottom - head
        p.setPen(QPen(QColor("#102a43")))
        p.drawText(QRectF(left, 2, w, 22), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.title)
        x = float(left)
        for i, (name, _values) in enumerate(self.series):
            p.fillRect(QRectF(x, 30, 12, 12), QColor(PALETTE[i % len(PALETTE)]))
            width = p.fontMetrics().horizontalAdvance(name)
            p.setPen(QPen(QColor("#334e68")))
            p.drawText(QRectF(x + 16, 25, width + 4, 22), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                       name)
            x += 16 + width + 18
        peak = max([1.0] + [v for _n, values in self.series for v in values])
        top = float(math.ceil(peak / 4) * 4)  # four even steps of whole numbers
        for i in range(5):
            y = head + h - h * i / 4
            p.setPen(QPen(QColor("#e4e7eb")))
            p.drawLine(left, int(y), left + w, int(y))
            p.setPen(QPen(QColor("#829ab1")))
            p.drawText(QRectF(0, y - 9, left - 6, 18), Qt.AlignmentFlag.AlignRight, f"{top * i / 4:.0f}")
        if not self.categories:
            p.setPen(QPen(QColor("#829ab1")))
            p.drawText(QRectF(left, head, w, h), Qt.AlignmentFlag.AlignCenter, self.tr("暂无数据"))
            p.end()
            return
        slot = w / len(self.categories)
        n = max(1, len(self.series))
        bar = max(2.0, slot * 0.8 / n)
        for ci, cat in enumerate(self.categories):
            x0 = left + ci * slot + slot * 0.1
            for si, (_name, values) in enumerate(self.series):
                v = values[ci] if ci < len(values) else 0.0
                bh = h * v / top
                p.fillRect(QRectF(x0 + si * bar, head + h - bh, bar - 1, bh), QColor(PALETTE[si % len(PALETTE)]))
            p.setPen(QPen(QColor("#52606d")))
            label = cat if p.fontMetrics().horizontalAdvance(cat) < slot else cat[-5:]
            p.drawText(QRectF(left + ci * slot, head + h + 6, slot, 22), Qt.AlignmentFlag.AlignCenter, label)
        p.end()


class ShareRing(QWidget):
    """One share as a ring with its percentage in the middle (一次办成率, 容缺, 免提交)."""

    def __init__(self, title: str, color: str = PALETTE[0], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title, self.color, self.value = title, color, 0.0
        self.setFixedSize(150, 170)

    def set_value(self, value: float) -> None:
        self.value = max(0.0, min(1.0, float(value)))
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        side = min(self.width(), self.height() - 26) - 16
        r = QRectF((self.width() - side) / 2, 8, side, side)
        pen = QPen(QColor("#e4e7eb"))
        pen.setWidth(12)
        p.setPen(pen)
        p.drawArc(r, 0, 360 * 16)
        pen.setColor(QColor(self.color))
        p.setPen(pen)
        p.drawArc(r, 90 * 16, int(-360 * 16 * self.value))
        p.setPen(QPen(QColor("#102a43")))
        f = p.font()
        f.setPointSize(f.pointSize() + 4)
        f.setBold(True)
        p.setFont(f)
        p.drawText(r, Qt.AlignmentFlag.AlignCenter, f"{self.value:.0%}")
        f.setPointSize(f.pointSize() - 4)
        f.setBold(False)
        p.setFont(f)
        p.drawText(QRectF(0, self.height() - 24, self.width(), 22), Qt.AlignmentFlag.AlignCenter, self.title)
        p.end()
