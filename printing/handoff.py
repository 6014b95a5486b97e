"""材料流转单 — the sheet that goes with paper materials from the window to each back-office department."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak

from clerk.settings import HallSettings
from printing.casepaper import number_block
from printing.layout import (
    CONTENT_WIDTH,
    build_pdf,
    cn_datetime,
    code128,
    grid_table,
    keep,
    kv_table,
    p,
    signature_line,
    styles,
    vspace,
)
from printing.masking import mask_name

TITLE = "材料流转单"


@dataclass(frozen=True)
class HandoffRow:
    """One paper material of one case, handed to one department."""

    department: str
    case_no: str
    applicant: str
    bundle_name: str
    material_code: str
    material_name: str
    pages: int = 0
    originals: int = 0
    copies: int = 0


def render_handoff_sheet(rows: Sequence[HandoffRow], hall: HallSettings, *, sheet_no: str,
                         handed_at: dt.datetime, clerk: str, window: str = "") -> bytes:
    """The handoff sheet: per department (each on its own page), its cases with a Code128 of the case
    number and the paper materials with page counts; signature lines for handing over and receiving."""
    st = styles()
    by_dept: dict[str, dict[str, list[HandoffRow]]] = {}
    for r in rows:
        by_dept.setdefault(r.department, {}).setdefault(r.case_no, []).append(r)
    story: list[Flowable] = []
    widths = [10 * mm, 0.0, 16 * mm, 20 * mm]
    widths[1] = CONTENT_WIDTH - sum(widths)
    for n, (dept, cases) in enumerate(by_dept.items()):
        if n:
            story.append(PageBreak())
        total_pages = sum(r.pages for rs in cases.values() for r in rs)
        story += [
            p(hall.name, st.subtitle),
            p(TITLE, st.title),
            number_block("流转单号", sheet_no),
            vspace(2 * mm),
            kv_table([
                ("移交方", f"综合窗口{(' ' + window) if window else ''}"),
                ("接收部门", dept),
                ("移交时间", cn_datetime(handed_at)),
                ("合计", f"{len(cases)} 件，{sum(len(v) for v in cases.values())} 份材料，{total_pages} 页"),
            ]),
            vspace(4 * mm),
        ]
        head = ("序号", "受理编号 · 申请人 · 纸质材料", "页数", "接收确认")
        table: list[list[Any]] = [[p(h, st.cell_head) for h in head]]
        for i, (case_no, rs) in enumerate(cases.items(), 1):
            applicant = mask_name(rs[0].applicant) if hall.mask_names else rs[0].applicant
            cell: list[Flowable] = [
                _left(code128(case_no, bar_height=9 * mm, font_size=8)),
                p(f"申请人：{applicant}　事项：{rs[0].bundle_name}", st.cell),
            ]
            cell += [p(f"{k}. {r.material_name}（{r.pages} 页{_form(r)}）", st.cell) for k, r in enumerate(rs, 1)]
            table.append([p(i, st.cell_center), cell, p(sum(r.pages for r in rs), st.cell_center), ""])
        story.append(grid_table(table, widths))
        story += [
            vspace(8 * mm),
            keep(signature_line(f"移交人：{clerk}", 50 * mm, 40 * mm), signature_line("接收人：", 50 * mm, 40 * mm)),
        ]
    if not by_dept:
        story.append(p("（无待流转材料）", st.plain))
    return build_pdf(story, title=TITLE, number=sheet_no, hall_name=hall.name)


def _form(r: HandoffRow) -> str:
    parts = []
    if r.originals:
        parts.append(f"原件 {r.originals} 份")
    if r.copies:
        parts.append(f"复印件 {r.copies} 份")
    return "，" + "，".join(parts) if parts else ""


def _left(f: Flowable) -> Flowable:
    f.hAlign = "LEFT"
    return f
