"""``case show CASE_NO [--json]``: the read-only case file (the same as the window's case view).

Exit codes: 0 shown; 2 no such case.
"""

from __future__ import annotations

import argparse
import json

from clerk.cli import CliError, add_data_dir, open_context


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("case", help="案件详情 / a case's file: applicant, matters, form, materials, timeline, prints")
    csub = p.add_subparsers(dest="case_command", required=True, metavar="ACTION")
    show = csub.add_parser("show", help="show one case (by case number or case_uuid)")
    add_data_dir(show)
    show.add_argument("case", metavar="CASE_NO")
    show.add_argument("--json", action="store_true", help="the case file as JSON (docs/intake.md, 'case show')")
    show.set_defaults(handler=cmd_case_show)
    from clerk.cli.loops_cmd import register_case_reject

    register_case_reject(csub)  # case reject CASE_NO --reason (issue 19)


def cmd_case_show(args: argparse.Namespace) -> int:
    from clerk.casefile import case_file
    from clerk.intake.service import CaseNotFound

    ctx = open_context(args)
    try:
        try:
            cf = case_file(ctx, args.case)
        except CaseNotFound as exc:
            raise CliError(str(exc)) from None
        from clerk.elicence.service import case_materials

        extra = {m["code"]: m for m in case_materials(ctx.store, cf.case.case_uuid)}
    finally:
        ctx.close()
    if args.json:
        doc = cf.as_json()
        for m in doc["materials"]:  # files with their source, the licence number, 待核验, 数据共享核验
            e = extra.get(m["code"], {})
            m.update({k: e[k] for k in ("files", "licence_number", "licence_pending", "shared_check") if k in e})
        print(json.dumps(doc, ensure_ascii=False, indent=2))
        return 0
    print(cf.text())
    for mat in extra.values():  # 电子证照（编号…）, 待核验, 数据共享核验
        if mat["licence_number"]:
            print(f"  材料 {mat['name']}：电子证照（编号 {mat['licence_number']}）")
        elif mat.get("licence_pending"):
            print(f"  材料 {mat['name']}：待核验电子证照")
        elif mat.get("shared_check"):
            ok = "通过" if mat["shared_check"].get("result") else "未通过"
            print(f"  材料 {mat['name']}：数据共享核验{ok}（核验编号 {mat['shared_check'].get('reference')}）")
    return 0
