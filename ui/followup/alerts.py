"""Follow-up alerts for the supervisor: overdue commitments (容缺超期) and low evaluation scores (差评),
read from the local cache and, for new low scores, announced live by the core (LOW_SCORE_RECEIVED)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from clerk import clock
from clerk.evaluation import SCORE_LABELS, EvaluationRecord, EvaluationService
from clerk.events import LowScoreReceived
from clerk.supplements import SupplementService
from ui.followup.common import RED_TEXT
from ui.qt import QListWidget, QListWidgetItem, QObject, Qt, Signal, Slot
from ui.tasks import Tasks


@dataclass(frozen=True)
class FollowupAlert:
    kind: str  # commitment_overdue | low_score
    message: str
    case_uuid: str | None = None


def low_score_line(rec: EvaluationRecord) -> str:
    case = f"（{rec.case_no}）" if rec.case_no else ""
    tags = "、".join(rec.tags)
    text = f"差评：{rec.window} 窗口 {rec.operator}{case} 得分 {rec.score}（{SCORE_LABELS[rec.score]}）：{tags}"
    return text + (f"。意见：{rec.comment}" if rec.comment else "")


def collect(ctx: Any, since: dt.datetime | None = None) -> list[FollowupAlert]:
    """Overdue commitments (most overdue first) and today's low scores (newest first); runs in a worker."""
    out: list[FollowupAlert] = []
    for c in SupplementService(ctx).commitments():
        if c.overdue:
            out.append(FollowupAlert("commitment_overdue",
                                     f"容缺超期：{c.case_no} {c.applicant_name}（{c.applicant_phone}）的“{c.material_name}”"
                                     f"承诺 {c.deadline:%m-%d} 前补交，已超期", c.case_uuid))
    start = since or dt.datetime.combine(clock.today(), dt.time(0), tzinfo=clock.CST)
    for rec in EvaluationService(ctx).low_scores(start):
        out.append(FollowupAlert("low_score", low_score_line(rec), rec.case_uuid))
    return out


class FollowupAlerts(QObject):
    """Fills a list widget of the supervisor's dashboard; a new low score appears at once.

    Signals:
        loaded(int): the alerts were read; how many.
        low_score(str): a low score was just recorded (the line shown).
    """

    loaded = Signal(int)
    low_score = Signal(str)
    _relay = Signal(object)

    def __init__(self, ctx: Any, tasks: Tasks, target: QListWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.tasks, self.target = ctx, tasks, target
        self.alerts: list[FollowupAlert] = []
        self._relay.connect(self._live, Qt.ConnectionType.QueuedConnection)
        self._handler = self._on_low_score
        ctx.events.subscribe(LowScoreReceived, self._handler)

    def _on_low_score(self, event: LowScoreReceived) -> None:  # any thread
        try:
            self._relay.emit(event.evaluation)
        except RuntimeError:  # the dashboard is gone
            self.detach()

    def detach(self) -> None:
        if self._handler is not None:
            self.ctx.events.unsubscribe(LowScoreReceived, self._handler)
            self._handler = None

    def refresh(self) -> None:
        ctx = self.ctx
        self.tasks.run(lambda: collect(ctx), on_success=self._show)

    def _show(self, alerts: list[FollowupAlert]) -> None:
        self.alerts = alerts
        self.target.clear()
        for a in alerts:
            self._add(a.message, top=False)
        if not alerts:
            self.target.addItem(self.tr("暂无容缺超期或差评"))
        self.loaded.emit(len(alerts))

    @Slot(object)
    def _live(self, rec: EvaluationRecord | None) -> None:
        if rec is None:
            return
        line = low_score_line(rec)
        if self.target.count() == 1 and not self.alerts:
            self.target.clear()
        self.alerts.insert(0, FollowupAlert("low_score", line, rec.case_uuid))
        self._add(line, top=True)
        self.low_score.emit(line)

    def _add(self, text: str, *, top: bool) -> None:
        item = QListWidgetItem("⚠ " + text)
        item.setForeground(RED_TEXT)
        if top:
            self.target.insertItem(0, item)
        else:
            self.target.addItem(item)
