"""Sync conflicts after a field trip: local actions held because the back office changed the case meanwhile;
a person sends them after all or gives them up with a reason (clerk.field.resolve_conflict)."""

from __future__ import annotations

from typing import Any

from clerk import field
from ui import messages
from ui.ops import Op
from ui.qt import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.shell import Shell


class ConflictsDialog(QDialog):
    """同步冲突.

    Signals:
        resolved(str): case_uuid whose conflict a person decided.
    """

    resolved = Signal(str)

    def __init__(self, ctx: Any, shell: Shell, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.shell = ctx, shell
        self.conflicts: list[field.Conflict] = []
        self.setWindowTitle(self.tr("同步冲突：请逐件核对"))
        self.resize(860, 480)
        v = QVBoxLayout(self)
        intro = QLabel(self.tr("以下案件在您离线期间已被后台改变，本机对它们的操作暂未发送。"
                               "请与后台核对后，选择仍然发送，或写明理由后放弃。"), self)
        intro.setWordWrap(True)
        v.addWidget(intro)
        self.list = QListWidget(self)
        self.list.setObjectName("conflictList")
        self.list.setWordWrap(True)
        v.addWidget(self.list, 1)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("放弃本机操作的理由（至少 4 个字）"))
        v.addWidget(self.reason)
        self.problem = QLabel(self)
        self.problem.setStyleSheet("color: #b00020;")
        v.addWidget(self.problem)
        row = QHBoxLayout()
        row.addStretch(1)
        self.discard_button = QPushButton(self.tr("放弃本机操作"), self)
        self.discard_button.clicked.connect(lambda: self.resolve(send_local=False))
        row.addWidget(self.discard_button)
        self.send_button = QPushButton(self.tr("仍然发送本机操作"), self)
        self.send_button.clicked.connect(lambda: self.resolve(send_local=True))
        row.addWidget(self.send_button)
        close = QPushButton(self.tr("稍后处理"), self)
        close.clicked.connect(self.reject)
        row.addWidget(close)
        v.addLayout(row)

    def set_conflicts(self, conflicts: list[field.Conflict]) -> None:
        self.conflicts = conflicts
        self.list.clear()
        for c in conflicts:
            item = QListWidgetItem(c.line())
            item.setData(Qt.ItemDataRole.UserRole, c.case_uuid)
            self.list.addItem(item)
        if conflicts:
            self.list.setCurrentRow(0)
        for b in (self.send_button, self.discard_button):
            b.setEnabled(bool(conflicts))

    def resolve(self, *, send_local: bool) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        case_uuid = str(item.data(Qt.ItemDataRole.UserRole))
        reason, ctx, operator = self.reason.text(), self.ctx, self.shell.actor.username
        if not send_local and len(reason.strip()) < 4:
            self.problem.setText(self.tr("放弃本机操作须写明理由（至少 4 个字）"))
            return

        def job() -> list[field.Conflict]:
            field.resolve_conflict(ctx, ctx.sync_engine(), case_uuid, send_local=send_local, reason=reason,
                                   operator=operator)
            return field.list_conflicts(ctx)

        def done(left: list[field.Conflict]) -> None:
            self.problem.clear()
            self.reason.clear()
            self.resolved.emit(case_uuid)
            self.set_conflicts(left)
            if not left:
                self.accept()

        Op(self, job).success(done).failure(lambda e: self.problem.setText(messages.describe(e))).run_in_background()
