"""A date-range filter for search bars: a 日期 checkbox that enables two calendar date fields."""

from __future__ import annotations

import datetime as dt

from ui.qt import QCheckBox, QDate, QDateEdit, QHBoxLayout, QLabel, QWidget, Signal


class DateRangeFilter(QWidget):
    """Off by default; ``span()`` is None until the checkbox is ticked.

    Attributes:
        use_dates: the checkbox; date_from, date_to: the two QDateEdits.

    Signals:
        changed(): the checkbox was toggled (the dates themselves are read when searching).
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, days_back: int = 30) -> None:
        from clerk import clock

        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.use_dates = QCheckBox(self.tr("日期"), self)
        d = clock.today()
        today = QDate(d.year, d.month, d.day)
        self.date_from = QDateEdit(today.addDays(-days_back), self)
        self.date_to = QDateEdit(today, self)
        row.addWidget(self.use_dates)
        for i, w in enumerate((self.date_from, self.date_to)):
            w.setCalendarPopup(True)
            w.setDisplayFormat("yyyy-MM-dd")
            w.setEnabled(False)
            self.use_dates.toggled.connect(w.setEnabled)
            if i == 1:
                row.addWidget(QLabel("—", self))
            row.addWidget(w)
        self.use_dates.toggled.connect(lambda _on: self.changed.emit())

    def span(self) -> tuple[dt.date, dt.date] | None:
        """(first day, last day), both included, or None when the filter is off."""
        if not self.use_dates.isChecked():
            return None
        a, b = self.date_from.date(), self.date_to.date()
        return dt.date(a.year(), a.month(), a.day()), dt.date(b.year(), b.month(), b.day())
