"""The day's queue figures as an Excel workbook (openpyxl): services, windows, hours, alerts."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from clerk import clock
from clerk.atomic import atomic_file
from clerk.queueing.model import WINDOW_STATE_LABELS, service_name, window_label
from clerk.queueing.supervisor import Snapshot

SERVICE_HEADERS = ("业务", "代码", "等候人数", "最长等候(分钟)", "平均等候(分钟)", "平均办理(分钟)", "已办结", "过号")
WINDOW_HEADERS = ("窗口", "代码", "状态", "办理业务", "当前号", "已办结", "平均办理(分钟)")
HOUR_HEADERS = ("时段", "等候人数峰值", "办结人数")


def _min(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds / 60.0, 1)


TOTAL_LABELS = (("accepted", "受理"), ("notified", "一次性告知"), ("rejected", "不予受理"), ("delivered", "出件"),
                ("evaluations", "评价"), ("bad_evaluations", "差评"), ("overdue", "超期"), ("near_due", "临期"),
                ("rectifications_open", "整改未办结"), ("rectifications_overdue", "整改超期"),
                ("complaints_open", "办不成事未销号"), ("complaints_closed", "办不成事已销号"))
BREAKDOWNS = (("by_bundle", "按一件事"), ("by_matter", "按事项"), ("by_operator", "按经办人"), ("by_window", "按窗口"),
              ("by_day", "按日"))


def _write_sheet(ws: Any, heading: str, title: str, headers: tuple[str, ...], rows: Sequence[Sequence[object]]) -> None:
    bold = Font(bold=True)
    head_fill = PatternFill("solid", fgColor="DDE6F0")
    ws.title = title
    ws.append([heading])
    ws.append(list(headers))
    for cell in ws[2]:
        cell.font, cell.fill = bold, head_fill
        cell.alignment = Alignment(horizontal="center")
    for r in rows:
        ws.append(list(r))
    for i, h in enumerate(headers, 1):
        width = max([len(str(h)) * 2 + 2] + [len(str(r[i - 1])) + 2 for r in rows if r[i - 1] is not None])
        ws.column_dimensions[get_column_letter(i)].width = min(width, 40)
    ws.freeze_panes = "A3"


def build_workbook(snap: Snapshot, hall_name: str = "", figures: dict[str, Any] | None = None) -> Workbook:
    """The day's queue sheets; with ``figures`` (``clerk.figures.CaseFigures.as_json()`` or the hall's
    ``GET /stats/cases``) the case sheets too: 办件汇总 and one sheet per breakdown."""
    wb = Workbook()

    def sheet(ws: object, title: str, headers: tuple[str, ...], rows: Sequence[Sequence[object]]) -> None:
        _write_sheet(ws, f"{hall_name} 排队叫号日报 {snap.stats.date}".strip(), title, headers, rows)

    st = snap.stats
    services = [[service_name(c), c, s.waiting, _min(s.longest_wait_s), _min(s.avg_wait_s), _min(s.avg_service_s),
                 s.served, s.no_shows] for c, s in st.services.items()]
    services.append(["合计", "", st.total_waiting, None, None, None, st.total_served, st.total_no_shows])
    sheet(wb.active, "业务", SERVICE_HEADERS, services)
    windows = []
    for code, w in st.windows.items():
        info = snap.windows.get(code)
        svc = "、".join(service_name(s) for s in info.services) if info else ""
        windows.append([window_label(code), code, WINDOW_STATE_LABELS[w.state], svc, w.current_ticket or "",
                        w.served, _min(w.avg_service_s)])
    sheet(wb.create_sheet(), "窗口", WINDOW_HEADERS, windows)
    hours = [[f"{h:02d}:00-{h + 1:02d}:00", f.waiting_peak, f.served] for h, f in sorted(snap.hours.items())]
    sheet(wb.create_sheet(), "按小时", HOUR_HEADERS, hours)
    alerts = [[a.message] for a in snap.alerts] + [[s.message] for s in snap.suggestions]
    sheet(wb.create_sheet(), "提醒", ("提醒与建议",), alerts)
    if figures is not None:
        _case_sheets(wb, figures, sheet)
    wb.properties.title = f"排队叫号日报 {st.date}"
    wb.properties.created = clock.now().replace(tzinfo=None)
    return wb


def _case_sheets(wb: Workbook, figures: dict[str, Any], sheet: Any) -> None:
    totals = figures.get("totals", {})
    rows: list[list[object]] = [[label, totals[key]] for key, label in TOTAL_LABELS if key in totals]
    if "first_visit_rate" in figures:
        rows.append(["一次办成率", round(float(figures["first_visit_rate"]), 4)])
    rows.append(["容缺占比", round(float(figures.get("deferred_share", 0.0)), 4)])
    rows.append(["免提交占比", round(float(figures.get("e_license_share", 0.0)), 4)])
    sheet(wb.create_sheet(), "办件汇总", (f"{figures.get('from', '')}—{figures.get('to', '')}", "数值"), rows)
    for key, title in BREAKDOWNS:
        table = figures.get(key) or {}
        if not table:
            continue
        cols = [c for c in ("accepted", "notified", "rejected", "delivered", "evaluations", "bad_evaluations")
                if any(c in v for v in table.values())]
        labels = dict(TOTAL_LABELS)
        sheet(wb.create_sheet(), title, (title[1:], *(labels[c] for c in cols)),
              [[k, *(v.get(c, 0) for c in cols)] for k, v in table.items()])


def build_case_workbook(figures: dict[str, Any], hall_name: str = "") -> Workbook:
    """The case figures alone (``python -m clerk stats --xlsx``)."""
    wb = Workbook()
    heading = f"{hall_name} 办件统计 {figures.get('from', '')}—{figures.get('to', '')}".strip()

    def sheet(ws: object, title: str, headers: tuple[str, ...], rows: Sequence[Sequence[object]]) -> None:
        _write_sheet(ws, heading, title, headers, rows)

    first = wb.active
    _case_sheets(wb, figures, sheet)
    wb.remove(first)
    wb.properties.title = heading
    return wb


def export_figures(figures: dict[str, Any], path: Path | str, hall_name: str = "") -> Path:
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    with atomic_file(target, prefix=".figures-", suffix=".xlsx") as f:
        build_case_workbook(figures, hall_name).save(f)
    return target


def export_day(snap: Snapshot, path: Path | str, hall_name: str = "", figures: dict[str, Any] | None = None) -> Path:
    """Writes the workbook atomically (a half-written file never replaces a good one)."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    with atomic_file(target, prefix=".queue-", suffix=".xlsx") as f:
        build_workbook(snap, hall_name, figures).save(f)
    return target
