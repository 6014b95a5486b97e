"""Showing a masked value in full (查看完整信息): a reason first, the value for a short time, audited
by ``clerk.security.reveal``. Offered in the case list's right-click menu (``shell.add_case_menu``)."""

from __future__ import annotations

import functools
from typing import Any

from clerk.intake.service import CaseSummary
from ui import messages
from ui.ops import Op
from ui.qt import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.shell import Shell

SHOW_SECONDS = 20
CASE_LIST_FIELDS = (("applicant.id_number", QT_TRANSLATE_NOOP("CaseListReveal", "查看完整证件号码…")),
                    ("applicant.phone", QT_TRANSLATE_NOOP("CaseListReveal", "查看完整电话…")))


class RevealDialog(QDialog):
    """Asks for the reason, calls the service, then shows the full value for ``SHOW_SECONDS``.

    Signals:
        revealed(str): the full value (shown in the dialog; never logged).
    """

    revealed = Signal(str)

    def __init__(self, ctx: Any, actor: Any, case_uuid: str, field: str, what: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from clerk.security.reveal import REVEALABLE

        self.ctx, self.actor, self.case_uuid, self.field = ctx, actor, case_uuid, field
        self.remaining = SHOW_SECONDS
        self.setObjectName("revealDialog")
        self.setWindowTitle(self.tr("查看完整信息"))
        self.setMinimumWidth(480)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 20, 24, 16)
        lay.setSpacing(10)
        label = REVEALABLE.get(field, field)
        intro = QLabel(self.tr("查看%1须写明理由，理由和查看人会记入审计日志。").replace("%1", label)
                       + (f"\n{what}" if what else ""), self)
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("revealReason")
        self.reason.setPlaceholderText(self.tr("例如：申请人当面核对身份证号"))
        self.reason.setMinimumHeight(32)
        self.reason.returnPressed.connect(self.submit)
        lay.addWidget(self.reason)
        self.error = QLabel(self)
        self.error.setObjectName("revealError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c0392b; font-weight: bold;")
        self.error.hide()
        lay.addWidget(self.error)
        self.value = QLabel(self)
        self.value.setObjectName("revealedValue")
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.value.setStyleSheet("font-size: 18pt; font-weight: bold; letter-spacing: 1px;")
        self.value.hide()
        lay.addWidget(self.value)
        self.countdown = QLabel(self)
        self.countdown.setObjectName("revealCountdown")
        self.countdown.setStyleSheet("color: #5b6573;")
        self.countdown.hide()
        lay.addWidget(self.countdown)
        buttons = QDialogButtonBox(self)
        self.show_button = QPushButton(self.tr("查看"), self)
        self.show_button.setObjectName("revealButton")
        self.show_button.setDefault(True)
        self.show_button.clicked.connect(self.submit)
        buttons.addButton(self.show_button, QDialogButtonBox.ButtonRole.AcceptRole)
        close = buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        lay.addWidget(buttons)
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self._tick)

    def submit(self) -> None:
        reason = self.reason.text()  # the service refuses an empty or short one, with its message
        from clerk.security.reveal import reveal

        store, actor, case_uuid, field = self.ctx.store, self.actor, self.case_uuid, self.field
        self.show_button.setEnabled(False)
        Op(self, lambda: reveal(store, actor, case_uuid, field, reason)).success(self._show).failure(self._refused).run_in_background()

    def _refused(self, exc: BaseException) -> None:
        self.show_button.setEnabled(True)
        self.error.setText(messages.describe(exc))
        self.error.show()

    def _show(self, value: str) -> None:
        self.error.hide()
        self.reason.setEnabled(False)
        self.value.setText(value or self.tr("（空）"))
        self.value.show()
        self.remaining = SHOW_SECONDS
        self._tick_label()
        self.countdown.show()
        self.timer.start()
        self.revealed.emit(value)

    def _tick(self) -> None:
        self.remaining -= 1
        if self.remaining <= 0:
            self.hide_value()
        else:
            self._tick_label()

    def _tick_label(self) -> None:
        self.countdown.setText(self.tr("%1 秒后自动隐藏").replace("%1", str(self.remaining)))

    def hide_value(self) -> None:
        """The time is up: the value goes (the dialog closes)."""
        self.timer.stop()
        self.value.clear()
        self.value.hide()
        self.close()


class CaseListReveal:
    """Two entries of the case list's right-click menu: reveal the masked ID number or phone of a case."""

    def __init__(self, shell: Shell) -> None:
        self.shell = shell
        self.dialog: RevealDialog | None = None
        shell.add_case_menu(self.fill)

    def fill(self, case: CaseSummary, menu: QMenu) -> None:
        for field, label in CASE_LIST_FIELDS:
            menu.addAction(QCoreApplication.translate("CaseListReveal", label), functools.partial(self.request, case, field))

    def request(self, case: CaseSummary, field: str) -> RevealDialog:
        """The reveal dialog for one field of ``case``, as the operator now at the window."""
        what = f"{case.case_no} · {case.applicant_name}"
        self.dialog = RevealDialog(self.shell.ctx, self.shell.actor, case.case_uuid, field, what,
                                   self.shell.current_tab() or self.shell.widget)
        self.dialog.open()
        return self.dialog
