"""The day's queue figures as an Excel workbook (openpyxl): services, windows, hours, alerts."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

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


def build_workbook(snap: Snapshot, hall_name: str = "") -> Workbook:
    wb = Workbook()
    bold = Font(bold=True)
    head_fill = PatternFill("solid", fgColor="DDE6F0")

    def sheet(ws: object, title: str, headers: tuple[str, ...], rows: Sequence[Sequence[object]]) -> None:
        ws.title = title  # type: ignore[attr-defined]
        ws.append([f"{hall_name} 排队叫号日报 {snap.stats.date}".strip()])  # type: ignore[attr-defined]
        ws.append(list(headers))  # type: ignore[attr-defined]
        for cell in ws[2]:  # type: ignore[index]
            cell.font, cell.fill = bold, head_fill
            cell.alignment = Alignment(horizontal="center")
        for r in rows:
            ws.append(r)  # type: ignore[attr-defined]
        for i, h in enumerate(headers, 1):
            width = max([len(str(h)) * 2 + 2] + [len(str(r[i - 1])) + 2 for r in rows if r[i - 1] is not None])
            ws.column_dimensions[get_column_letter(i)].width = min(width, 40)  # type: ignore[attr-defined]
        ws.freeze_panes = "A3"  # type: ignore[attr-defined]

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
    wb.properties.title = f"排队叫号日报 {st.date}"
    wb.properties.created = clock.now().replace(tzinfo=None)
    return wb


def export_day(snap: Snapshot, path: Path | str, hall_name: str = "") -> Path:
    """Writes the workbook atomically (a half-written file never replaces a good one)."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    with atomic_file(target, prefix=".queue-", suffix=".xlsx") as f:
        build_workbook(snap, hall_name).save(f)
    return target
