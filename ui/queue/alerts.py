"""Follow-up alerts of the supervisor's dashboard: overdue commitments (容缺超期) and low evaluation scores
(差评), read from the local cache; a new low score (``LowScoreReceived``) appears at once."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from clerk import clock
from clerk.context import AppContext
from clerk.evaluation import EvaluationRecord
from clerk.events import LowScoreReceived
from ui import labels
from ui.events import EventListener
from ui.ops import Query
from ui.qt import QCoreApplication, QListWidget, QListWidgetItem, QObject, Signal
from ui.widgets.styles import RED_TEXT


@dataclass(frozen=True)
class FollowupAlert:
    kind: str  # commitment_overdue | low_score
    message: str
    case_uuid: str | None = None


def _reason(tag: str) -> str:
    """A 差评 reason as its label (the record keeps the standard's code; an older label stays as it is)."""
    from clerk.evaluation import load_content

    return load_content().label(tag)


def low_score_line(rec: EvaluationRecord) -> str:
    case = f"（{rec.case_no}）" if rec.case_no else ""
    text = (QCoreApplication.translate("FollowupAlerts", "差评：%1 窗口 %2%3 得分 %4（%5）：%6")
            .replace("%1", rec.window).replace("%2", rec.operator).replace("%3", case).replace("%4", str(rec.score))
            .replace("%5", labels.score(rec.score)).replace("%6", "、".join(_reason(t) for t in rec.tags)))
    if rec.comment:
        text += QCoreApplication.translate("FollowupAlerts", "。意见：%1").replace("%1", rec.comment)
    return text


def collect(ctx: AppContext, since: dt.datetime | None = None) -> list[FollowupAlert]:
    """Overdue commitments (most overdue first) and today's low scores (newest first); runs in a worker."""
    out: list[FollowupAlert] = []
    for c in ctx.supplements.commitments():
        if c.overdue:
            text = (QCoreApplication.translate("FollowupAlerts", "容缺超期：%1 %2（%3）的“%4”承诺 %5 前补交，已超期")
                    .replace("%1", c.case_no).replace("%2", c.applicant_name).replace("%3", c.applicant_phone)
                    .replace("%4", c.material_name).replace("%5", f"{c.deadline:%m-%d}"))
            out.append(FollowupAlert("commitment_overdue", text, c.case_uuid))
    start = since or dt.datetime.combine(clock.today(), dt.time(0), tzinfo=clock.zone())
    for rec in ctx.evaluation.low_scores(start):
        out.append(FollowupAlert("low_score", low_score_line(rec), rec.case_uuid))
    return out


class FollowupAlerts(EventListener, QObject):
    """Fills a list widget of the supervisor's dashboard; a new low score appears at once.

    Signals:
        loaded(int): the alerts were read; how many.
        low_score(str): a low score was just recorded (the line shown).
    """

    loaded = Signal(int)
    low_score = Signal(str)

    def __init__(self, ctx: AppContext, target: QListWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.target = ctx, target
        self.alerts: list[FollowupAlert] = []
        self.listen(ctx.events)

    def detach(self) -> None:
        self.stop_listening()

    def refresh(self) -> None:
        ctx = self.ctx
        Query(self, lambda: collect(ctx)).success(self._show).run_in_background()

    def _show(self, alerts: list[FollowupAlert]) -> None:
        self.alerts = alerts
        self.target.clear()
        for a in alerts:
            self._add(a.message, top=False)
        if not alerts:
            self.target.addItem(self.tr("暂无容缺超期或差评"))
        self.loaded.emit(len(alerts))

    def on_event_low_score_received(self, event: LowScoreReceived) -> None:
        rec = event.evaluation
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
