"""``case show CASE_NO``: one accepted case with each matter's status, due date and 办件编号.

Errors a person can cause (an unknown case number) end in one line on stderr and exit 2.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from clerk.cli import CliError, add_data_dir, open_context


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("case", help="办件 / one case and the status of each of its matters")
    csub = p.add_subparsers(dest="case_command", required=True, metavar="ACTION")
    s = csub.add_parser("show", help="a case by its number: status, matters, due dates, region")
    add_data_dir(s)
    s.add_argument("case", metavar="CASE_NO", help="case number (the value of the receipt's barcode)")
    s.add_argument("--json", action="store_true")
    s.set_defaults(handler=cmd_show)


def case_json(view: Any) -> dict[str, Any]:
    """What ``case show --json`` prints: the case and its matters (no personal data beyond the number)."""
    return {
        "case_no": view.case_no,
        "case_uuid": view.case_uuid,
        "bundle_code": view.bundle_code,
        "status": view.status.value,
        "accepted_at": view.accepted_at.isoformat() if view.accepted_at else None,
        "due_date": view.due_date.isoformat() if view.due_date else None,
        "region": {"handling": view.handling_region or view.intake_region, "intake": view.intake_region,
                   "remote_intake": view.remote_intake},
        "matters": [{"code": m.code, "national_code": m.national_code, "name": m.name,
                     "status": m.status.value if m.status else None, "due_days": m.due_days,
                     "due_date": m.due_date.isoformat() if m.due_date else None,
                     "project_no": m.project_no or None, "note": m.note} for m in view.matters],
    }


def cmd_show(args: argparse.Namespace) -> int:
    from clerk.intake.model import CASE_STATUS_LABELS
    from clerk.intake.service import CaseNotFound

    ctx = open_context(args, read_only=True)
    try:
        try:
            view = ctx.intake.get_by_no(args.case)
        except CaseNotFound as exc:
            raise CliError(str(exc)) from None
        from clerk.elicence.service import case_materials

        materials = case_materials(ctx.store, view.case_uuid)
    finally:
        ctx.close()
    if args.json:
        print(json.dumps({**case_json(view), "materials": materials}, ensure_ascii=False))
        return 0
    print(f"{view.case_no}  {view.bundle_name}  {CASE_STATUS_LABELS[view.status.value]}"
          f"  办结时限 {view.due_date.isoformat() if view.due_date else '—'}")
    if view.remote_intake:
        print(f"异地代收代办：属地 {view.handling_region}（受理地 {view.intake_region}）")
    for m in view.matters:
        label = CASE_STATUS_LABELS[m.status.value] if m.status else "—"
        code = f"  事项编码 {m.national_code}" if m.national_code else ""
        no = f"  办件编号 {m.project_no}" if m.project_no else ""
        due = f"  {m.due_days} 个工作日，{m.due_date.isoformat()} 前" if m.due_date else ""
        print(f"  {m.name}  {label}{due}{code}{no}")
    for mat in materials:  # 电子证照（编号…）, 待核验, 数据共享核验
        if mat["licence_number"]:
            print(f"  材料 {mat['name']}：电子证照（编号 {mat['licence_number']}）")
        elif mat.get("licence_pending"):
            print(f"  材料 {mat['name']}：待核验电子证照")
        elif mat.get("shared_check"):
            ok = "通过" if mat["shared_check"].get("result") else "未通过"
            print(f"  材料 {mat['name']}：数据共享核验{ok}（核验编号 {mat['shared_check'].get('reference')}）")
    return 0
