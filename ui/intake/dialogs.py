"""Dialogs of the intake screen: why a case cannot be accepted, the refusal reason, the outcome."""

from __future__ import annotations

from clerk.intake.model import CaseView
from ui.qt import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)

SECTION_ORDER = ("applicant", "agent", "situations", "form", "delivery", "materials", "commitment")


class ProblemsDialog(QDialog):
    """Every problem that stops acceptance, at once, grouped; activating one goes to its field.

    Signals:
        go_to(str): the problem's field path (applicant.id_number, form.birth_date, materials.x …).
        notify_requested(): the clerk chose to issue the one-time notice instead.
    """

    go_to = Signal(str)
    notify_requested = Signal()

    def __init__(self, problems: dict[str, str], labels: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problemsDialog")
        self.setWindowTitle(self.tr("不能受理"))
        self.setMinimumSize(560, 420)
        lay = QVBoxLayout(self)
        lay.setSpacing(10)
        head = QLabel(self.tr("以下 %n 个问题解决后才能受理：", "", len(problems)), self)
        head.setObjectName("dialogHeading")
        lay.addWidget(head)
        self.list = QListWidget(self)
        self.list.setObjectName("problemList")
        self.list.setWordWrap(True)
        sections = {
            "applicant": self.tr("申请人"), "agent": self.tr("代办人"), "situations": self.tr("情形"),
            "form": self.tr("表单"), "delivery": self.tr("送达"), "materials": self.tr("材料"),
            "commitment": self.tr("告知承诺"),
        }

        def order(key: str) -> int:
            head_ = key.split(".", 1)[0]
            return SECTION_ORDER.index(head_) if head_ in SECTION_ORDER else len(SECTION_ORDER)

        for key in sorted(problems, key=order):
            section = sections.get(key.split(".", 1)[0], "")
            label = labels.get(key, "")
            message = problems[key]
            text = f"【{section}】" + (f"{label}：" if label and not message.startswith(label) else "") + message
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.list.addItem(item)
        self.list.itemActivated.connect(self._activated)
        lay.addWidget(self.list, 1)
        hint = QLabel(self.tr("双击或回车跳到该项。材料不齐又不能容缺时，请开具一次性告知单。"), self)
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        lay.addWidget(hint)
        buttons = QDialogButtonBox(self)
        self.notify_button = QPushButton(self.tr("一次性告知…"), self)
        self.notify_button.setEnabled(any(k.startswith("materials.") for k in problems))
        self.notify_button.clicked.connect(self._notify)
        buttons.addButton(self.notify_button, QDialogButtonBox.ButtonRole.ActionRole)
        back = buttons.addButton(self.tr("返回修改"), QDialogButtonBox.ButtonRole.RejectRole)
        back.setDefault(True)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.list.setCurrentRow(0)
        self.list.setFocus()

    def keys(self) -> list[str]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]

    def _activated(self, item: QListWidgetItem) -> None:
        self.accept()
        self.go_to.emit(item.data(Qt.ItemDataRole.UserRole))

    def _notify(self) -> None:
        self.accept()
        self.notify_requested.emit()


class ReasonDialog(QDialog):
    """Asks for the reason of a refusal (不予受理); at least 4 characters."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reasonDialog")
        self.setWindowTitle(self.tr("不予受理"))
        self.setMinimumWidth(480)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr("请写明不予受理的理由（将打印在不予受理通知书上）："), self))
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("rejectReason")
        self.reason.setTabChangesFocus(True)
        lay.addWidget(self.reason)
        self.buttons = QDialogButtonBox(self)
        self.ok = self.buttons.addButton(self.tr("不予受理"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.ok.setEnabled(False)
        self.reason.textChanged.connect(lambda: self.ok.setEnabled(len(self.text()) >= 4))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)

    def text(self) -> str:
        return self.reason.toPlainText().strip()


class OutcomeDialog(QDialog):
    """The result of accept / notify / reject: the case number and what comes next.

    Signals:
        print_requested(str): case_uuid; Ctrl+P prints every document of the outcome.
        next_requested(): the clerk wants the next case (Ctrl+N).
        call_next_requested(): 下一位 (F2): the ticket finished and the next one called.
    """

    print_requested = Signal(str)
    next_requested = Signal()
    call_next_requested = Signal()

    def __init__(self, view: CaseView, can_print: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.setObjectName("outcomeDialog")
        self.setMinimumWidth(520)
        lay = QVBoxLayout(self)
        lay.setSpacing(10)
        status = view.status.value
        titles = {"accepted": self.tr("已受理"), "notified": self.tr("已一次性告知"), "rejected": self.tr("不予受理")}
        self.setWindowTitle(titles.get(status, status))
        heading = QLabel(titles.get(status, status), self)
        heading.setObjectName("outcomeHeading")
        heading.setProperty("status", status)
        lay.addWidget(heading)
        number = QLabel(view.case_no, self)
        number.setObjectName("caseNumber")
        number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(number)
        lines = [self.tr("一件事：") + view.bundle_name, self.tr("申请人：") + view.applicant.name]
        if view.due_date:
            lines.append(self.tr("法定办结日期：") + view.due_date.isoformat())
        if view.return_by:
            lines.append(self.tr("请申请人于 %1 前补齐材料").replace("%1", view.return_by.isoformat()))
        for m in view.deferred:
            lines.append(self.tr("容缺后补：") + f"{m.name}（{m.deadline.isoformat() if m.deadline else ''}）")
        for m in view.missing:
            lines.append(self.tr("缺少：") + m.name)
        if view.reject_reason:
            lines.append(self.tr("理由：") + view.reject_reason)
        body = QLabel("\n".join(lines), self)
        body.setObjectName("outcomeBody")
        body.setWordWrap(True)
        lay.addWidget(body)
        buttons = QDialogButtonBox(self)
        from clerk.documents import outcome_documents

        n = len(outcome_documents(view))
        self.print_button = QPushButton(self.tr("打印 %n 份 (Ctrl+P)", "", n) if n > 1 else self.tr("打印 (Ctrl+P)"), self)
        self.print_button.setObjectName("outcomePrint")
        self.print_button.setShortcut("Ctrl+P")
        self.print_button.setEnabled(can_print)
        if not can_print:
            self.print_button.setToolTip(self.tr("打印组件尚未接入"))
        self.print_button.clicked.connect(lambda: self.print_requested.emit(view.case_uuid))
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        call = QPushButton(self.tr("下一位 (F2)"), self)
        call.setObjectName("outcomeCallNext")
        call.setShortcut("F2")
        call.setToolTip(self.tr("本号办结并叫下一位"))
        call.clicked.connect(self._call_next)
        buttons.addButton(call, QDialogButtonBox.ButtonRole.ActionRole)
        nxt = buttons.addButton(self.tr("下一件 (Ctrl+N)"), QDialogButtonBox.ButtonRole.AcceptRole)
        nxt.setShortcut("Ctrl+N")
        nxt.setDefault(True)
        buttons.accepted.connect(self._next)
        close = buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setAutoDefault(False)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

        self.print_status = QLabel(self)
        self.print_status.setObjectName("outcomePrintStatus")
        self.print_status.setWordWrap(True)
        self.print_status.hide()
        lay.insertWidget(lay.count() - 1, self.print_status)

    def show_printing(self, names: list[str]) -> None:
        """The documents went to their printers (the status bar says when they are out)."""
        self.print_status.setText(self.tr("已送打印：") + "、".join(names))
        self.print_status.show()

    def _next(self) -> None:
        self.accept()
        self.next_requested.emit()

    def _call_next(self) -> None:
        self.accept()
        self.call_next_requested.emit()
