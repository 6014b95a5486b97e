"""In-window notices (non-modal banners, top right) for platform updates the clerk must act on.

``CASE_UPDATED`` with ``ready_for_pickup`` → 请通知申请人领取; ``supplement_required`` → 请通知申请人补正.
"""

from __future__ import annotations

from typing import Any

from ui.ops import Query
from ui.qt import (
    QT_TRANSLATE_NOOP,
    QEvent,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
    is_valid,
)

NOTICES = {
    "ready_for_pickup": (QT_TRANSLATE_NOOP("CaseNotices", "已办结待领取"), QT_TRANSLATE_NOOP("CaseNotices", "请通知申请人领取")),
    "supplement_required": (QT_TRANSLATE_NOOP("CaseNotices", "需补正材料"), QT_TRANSLATE_NOOP("CaseNotices", "请通知申请人补正材料")),
}
SHOW_MS = 30000


class Notice(QFrame):
    """One banner; closes itself after ``SHOW_MS`` or on ×."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseNotice")
        self.setStyleSheet("QFrame#caseNotice { background: #fff8e1; border: 1px solid #f0b400; border-radius: 6px; }"
                           " QLabel { background: transparent; border: none; }")
        h = QHBoxLayout(self)
        h.setContentsMargins(14, 10, 8, 10)
        v = QVBoxLayout()
        head = QLabel(f"<b>{title}</b>", self)
        self.body = QLabel(text, self)
        self.body.setObjectName("noticeText")
        self.body.setWordWrap(True)
        v.addWidget(head)
        v.addWidget(self.body)
        h.addLayout(v, 1)
        close = QPushButton("×", self)
        close.setObjectName("noticeClose")
        close.setToolTip(self.tr("关闭"))
        close.setFixedSize(28, 28)
        close.setStyleSheet("QPushButton#noticeClose { min-width: 0; padding: 0; border: none; background: transparent;"
                            " color: #5f6368; font-size: 18px; } QPushButton#noticeClose:hover { color: #202124; }")
        close.clicked.connect(self.deleteLater)
        h.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        QTimer.singleShot(SHOW_MS, self, self.deleteLater)


class CaseNotices(QWidget):
    """A column of notices over the top-right corner of ``host`` (not in the layout; follows its size).

    Signals:
        shown(str): a notice's text, once it is on screen.
    """

    shown = Signal(str)

    def __init__(self, ctx: Any, host: QWidget) -> None:
        super().__init__(host)
        self.ctx, self.host = ctx, host
        self.setObjectName("caseNotices")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, False)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(8)
        host.installEventFilter(self)
        self.hide()

    def on_case_updated(self, case_uuid: str, status: str, note: str) -> None:
        if status not in NOTICES:
            return
        ctx = self.ctx
        Query(self, lambda: ctx.intake.get(case_uuid)).success(lambda v: self.notify(v, status, note)).failure(lambda _e: None).run_in_background()

    def notify(self, view: Any, status: str, note: str) -> Notice:
        title, action = (self.tr(t) for t in NOTICES[status])
        who = getattr(view.applicant, "name", "") or ""
        text = f"{view.case_no}（{who}，{view.bundle_name}）：{action}" + (self.tr("\n平台备注：") + note if note else "")
        notice = Notice(title, text, self)
        notice.destroyed.connect(lambda *_: QTimer.singleShot(0, self, self._place) if is_valid(self) else None)
        self.column.insertWidget(0, notice)
        self._place()
        self.show()
        self.raise_()
        self.shown.emit(text)
        return notice

    def notices(self) -> list[Notice]:
        return [w for w in self.findChildren(Notice) if w.parent() is self]

    def _place(self) -> None:
        if not self.notices():
            self.hide()
            return
        width = 440
        self.setFixedWidth(width)
        self.adjustSize()
        self.move(self.host.width() - width - 16, 56)

    def eventFilter(self, obj: Any, event: Any) -> bool:  # noqa: N802 - Qt override
        if obj is self.host and event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return False
