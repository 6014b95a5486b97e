"""The signing pad: the applicant signs with a mouse, a pen or a finger; the strokes become PNG bytes.

Shared: the field laptop's visit panel (``ui.field``) and the window's commitment letter (``ui.devices``)."""

from __future__ import annotations

from ui.qt import (
    QBuffer,
    QByteArray,
    QColor,
    QEvent,
    QImage,
    QInputDevice,
    QIODevice,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPointF,
    QRectF,
    QSizePolicy,
    Qt,
    QTabletEvent,
    QTouchEvent,
    QWidget,
    Signal,
)

INK = QColor("#0b1f3a")


class SignaturePad(QWidget):
    """A white pad with a baseline; every stroke (mouse, tablet pen, touch) is kept as a path.

    Signals:
        changed(): a stroke was added or the pad was cleared.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signaturePad")
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents, True)
        self.setMinimumSize(320, 150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(170)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.strokes: list[QPainterPath] = []
        self._current: QPainterPath | None = None
        self.pen_width = 3.0
        self.setToolTip(self.tr("请申请人在此签名（鼠标、手写笔或手指均可）"))

    # -- drawing ------------------------------------------------------------------------------------------
    def begin_stroke(self, p: QPointF) -> None:
        self._current = QPainterPath(p)
        self._current.lineTo(p + QPointF(0.1, 0.1))  # a dot is a stroke too
        self.strokes.append(self._current)
        self.update()

    def extend_stroke(self, p: QPointF) -> None:
        if self._current is not None:
            self._current.lineTo(p)
            self.update()

    def end_stroke(self) -> None:
        if self._current is not None:
            self._current = None
            self.changed.emit()

    def clear(self) -> None:
        self.strokes = []
        self._current = None
        self.update()
        self.changed.emit()

    def is_empty(self) -> bool:
        return not self.strokes

    # -- input --------------------------------------------------------------------------------------------
    def mousePressEvent(self, e: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if e.button() == Qt.MouseButton.LeftButton:
            self.begin_stroke(e.position())

    def mouseMoveEvent(self, e: QMouseEvent) -> None:  # noqa: N802 - Qt override
        self.extend_stroke(e.position())

    def mouseReleaseEvent(self, e: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if e.button() == Qt.MouseButton.LeftButton:
            self.extend_stroke(e.position())
            self.end_stroke()

    def tabletEvent(self, e: QTabletEvent) -> None:  # noqa: N802 - Qt override
        t = e.type()
        if t == QEvent.Type.TabletPress:
            self.begin_stroke(e.position())
        elif t == QEvent.Type.TabletMove:
            self.extend_stroke(e.position())
        elif t == QEvent.Type.TabletRelease:
            self.end_stroke()
        e.accept()

    def event(self, e: QEvent) -> bool:
        t = e.type()
        if t in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd) and isinstance(e, QTouchEvent):
            points = e.points()
            if points:
                p = points[0].position()
                if t == QEvent.Type.TouchBegin:
                    self.begin_stroke(p)
                elif t == QEvent.Type.TouchUpdate:
                    self.extend_stroke(p)
                else:
                    self.extend_stroke(p)
                    self.end_stroke()
            e.accept()
            return True
        return super().event(e)

    # -- output -------------------------------------------------------------------------------------------
    def _pen(self) -> QPen:
        pen = QPen(INK, self.pen_width)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        return pen

    def paintEvent(self, _e: QPaintEvent) -> None:  # noqa: N802 - Qt override
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("#ffffff"))
        p.setPen(QPen(QColor("#bcccdc"), 1))
        p.drawRect(self.rect().adjusted(0, 0, -1, -1))
        base = self.height() - 34
        p.setPen(QPen(QColor("#9fb3c8"), 1, Qt.PenStyle.DashLine))
        p.drawLine(24, base, self.width() - 24, base)
        if self.is_empty():
            p.setPen(QColor("#9fb3c8"))
            p.drawText(QRectF(0, base + 4, self.width(), 26), Qt.AlignmentFlag.AlignCenter, self.tr("请在虚线上方签名"))
        p.setPen(self._pen())
        p.setBrush(Qt.BrushStyle.NoBrush)
        for path in self.strokes:
            p.drawPath(path)
        p.end()

    def to_image(self) -> QImage:
        """The strokes on white, cropped to the ink with a margin (no baseline or hint)."""
        full = QImage(self.size(), QImage.Format.Format_ARGB32)
        full.fill(QColor("#ffffff"))
        p = QPainter(full)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(self._pen())
        for path in self.strokes:
            p.drawPath(path)
        p.end()
        if self.is_empty():
            return full
        box = QRectF()
        for path in self.strokes:
            box = box.united(path.boundingRect())
        margin = 12
        crop = box.toAlignedRect().adjusted(-margin, -margin, margin, margin).intersected(full.rect())
        return full.copy(crop)

    def to_png(self) -> bytes:
        """PNG bytes of the signature (what ``clerk.field.sign`` stores)."""
        data = QByteArray()
        buf = QBuffer(data)
        buf.open(QIODevice.OpenModeFlag.WriteOnly)
        self.to_image().save(buf, "PNG")  # type: ignore[call-overload]  # the stubs miss (QIODevice, str)
        buf.close()
        return bytes(data.data())


def pad_available(setting: str = "auto") -> bool:
    """A pen or touch device to sign on: ``devices.signature_pad`` "on"/"off", or "auto" (what Qt sees)."""
    if setting in ("on", "off"):
        return setting == "on"
    kinds = {QInputDevice.DeviceType.TouchScreen, QInputDevice.DeviceType.Stylus, QInputDevice.DeviceType.Airbrush,
             QInputDevice.DeviceType.Puck}
    return any(d.type() in kinds for d in QInputDevice.devices())
