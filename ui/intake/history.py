"""智能预填: an applicant seen before — offer their last data and still-valid materials."""

from __future__ import annotations

from typing import Any

from ui.qt import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget, Signal


class HistoryBanner(QFrame):
    """Shown above the applicant block when the ID number was seen before.

    Signals:
        prefill(): fill empty applicant and form fields from the last case.
        reuse(): attach the reusable materials on file to the missing items.
    """

    prefill = Signal()
    reuse = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyBanner")
        self.history: Any = None
        lay = QHBoxLayout(self)
        lay.setContentsMargins(10, 6, 10, 6)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        lay.addWidget(self.label, 1)
        self.prefill_button = QPushButton(self.tr("智能预填"), self)
        self.prefill_button.setObjectName("prefillButton")
        self.prefill_button.clicked.connect(self.prefill)
        lay.addWidget(self.prefill_button)
        self.reuse_button = QPushButton(self)
        self.reuse_button.setObjectName("reuseButton")
        self.reuse_button.clicked.connect(self.reuse)
        lay.addWidget(self.reuse_button)
        self.hide()

    def offer(self, history: Any, current_case: str, missing_codes: set[str]) -> None:
        earlier = [c for c in history.cases if c.case_uuid != current_case]
        if not earlier:
            self.hide()
            return
        self.history = history
        last = earlier[0]
        self.label.setText(self.tr("此申请人曾办理 %n 件，最近一次：", "", len(earlier))
                           + f"{last.created_at:%Y-%m-%d} {last.case_no}")
        reusable = [r for r in history.reusable if r.code in missing_codes]
        self.reuse_button.setText(self.tr("复用材料 %n 项", "", len(reusable)))
        self.reuse_button.setVisible(bool(reusable))
        self.show()

    def reused(self) -> None:
        self.reuse_button.hide()
