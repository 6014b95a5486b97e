"""The commitment letter (告知承诺书) signed at the window, on a pen pad or a touch screen.

The pad is the field laptop's (``ui.widgets.signature``); the signature is stored as the field mode
stores it (``clerk.field.sign``: the ``applicant_signature`` material, synced with the case) and goes
onto the printed letter (``print_document(..., signature=png)``). The intake screen asks for it with
``SignatureRequested`` and hears ``CommitmentSigned`` when it is saved (then the commitment counts
as signed). Where no pad exists (no touch screen, no pen tablet, ``devices.signature_pad`` "off"),
the intake screen keeps its tick box — a commitment ticked with no signature material is the record
that it was signed on paper.
"""

from __future__ import annotations

from typing import Any

from clerk import field
from ui.events import CommitmentSigned
from ui.ops import Op
from ui.qt import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget, Signal
from ui.widgets.signature import SignaturePad, pad_available

__all__ = ["SignatureDialog", "pad_available"]


class SignatureDialog(QDialog):
    """Signals:
        signed(object): the signature was stored (``clerk.field.SignatureRef``).
    """

    signed = Signal(object)

    def __init__(self, ctx: Any, actor: Any, case_uuid: str, events: Any, parent: QWidget | None = None, *,
                 printer: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("signatureDialog")
        self.setWindowTitle(self.tr("告知承诺书签名"))
        self.ctx, self.actor, self.case_uuid, self.events, self.printer = ctx, actor, case_uuid, events, printer
        v = QVBoxLayout(self)
        text = QLabel(ctx.settings.hall.commitment_text, self)
        text.setWordWrap(True)
        text.setObjectName("commitmentText")
        v.addWidget(text)
        hint = QLabel(self.tr("请申请人在下方签名板上签名"), self)
        v.addWidget(hint)
        self.pad = SignaturePad(self)
        self.pad.setMinimumSize(560, 200)
        v.addWidget(self.pad, 1)
        self.problem = QLabel(self)
        self.problem.setObjectName("problemLabel")
        v.addWidget(self.problem)
        row = QHBoxLayout()
        clear = QPushButton(self.tr("重签"), self)
        clear.clicked.connect(self.pad.clear)
        row.addWidget(clear)
        row.addStretch(1)
        cancel = QPushButton(self.tr("取消"), self)
        cancel.clicked.connect(self.reject)
        row.addWidget(cancel)
        self.save_button = QPushButton(self.tr("确认签名"), self)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.save_button)
        v.addLayout(row)
        self.pad.changed.connect(lambda: self.save_button.setEnabled(not self.pad.is_empty()))
        self.save_button.setEnabled(False)
        self.print_problem = ""
        self.resize(720, 440)

    def save(self) -> None:
        if self.pad.is_empty():
            self.problem.setText(self.tr("还没有签名"))
            return
        png = self.pad.to_png()
        ctx, case_uuid, actor, printer = self.ctx, self.case_uuid, self.actor, self.printer
        self.save_button.setEnabled(False)

        def sign() -> tuple[Any, str]:
            ref = field.sign(ctx, case_uuid, png)
            if not printer:
                return ref, ""
            from clerk.errors import ClerkError
            from clerk.printjobs import print_document

            try:  # the letter with the signature on it (a failed printer keeps the job queued)
                outcome = print_document(ctx, actor, case_uuid, "commitment", printer, signature=png)
            except ClerkError as exc:  # the signature stands; the letter can be printed later
                return ref, exc.one_line()
            return ref, outcome.message if not outcome.printed else ""

        Op(self, sign).success(self._saved).failure(self._failed).run_in_background()

    def _saved(self, result: tuple[Any, str]) -> None:
        ref, print_problem = result
        self.print_problem = print_problem
        if print_problem:
            from ui import messages

            messages.warning(self.parent() or self, self.tr("签名已保存；承诺书未打印：{problem}").format(problem=print_problem))
        self.events.publish(CommitmentSigned(self.case_uuid))
        self.signed.emit(ref)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.problem.setText(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
