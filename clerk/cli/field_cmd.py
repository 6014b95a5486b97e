"""``pickup list``, ``handout``, ``commitments`` and ``deadlines``: hand-out and follow-up from the command line.

Errors a person can cause (unknown case, wrong ID number, bad option) end in one line on stderr and exit 2.
"""

from __future__ import annotations

import argparse
import json

from clerk.cli import CliError, add_data_dir, open_context


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("pickup", help="待领取 / cases whose results wait at the window")
    psub = p.add_subparsers(dest="pickup_command", required=True, metavar="ACTION")
    pl = psub.add_parser("list", help="list cases ready for pickup, the longest waiting first")
    add_data_dir(pl)
    pl.add_argument("--json", action="store_true")
    pl.set_defaults(handler=cmd_pickup_list)

    h = sub.add_parser("handout", help="一窗出件 / hand the results of a case over (identity checked)")
    add_data_dir(h)
    h.add_argument("case", metavar="CASE_NO", help="case number (the value of the receipt's barcode)")
    h.add_argument("--id-number", default="", help="ID number on the document the collector shows (not with --post)")
    h.add_argument("--agent-name", default=None, help="代领人 name (someone collecting for the applicant)")
    h.add_argument("--agent-id", default=None, help="代领人 ID number")
    h.add_argument("--power-of-attorney", action="store_true", help="the applicant's 授权委托书 was checked")
    h.add_argument("--operator", default="cli", help="operator username (default: cli)")
    h.add_argument("--window", default=None, help="window (default: from settings)")
    h.add_argument("--matter", action="append", default=None, metavar="MATTER_CODE",
                   help="hand over this matter's results only (again for several; default: every ready matter)")
    h.add_argument("--post", metavar="WAYBILL_NO", default=None,
                   help="results sent by post (EMS) under this waybill number instead of handed over at the window")
    h.set_defaults(handler=cmd_handout)

    c = sub.add_parser("commitments", help="容缺 / deferred materials by deadline")
    add_data_dir(c)
    c.add_argument("--due-within", type=int, default=None, metavar="DAYS",
                   help="only those due within DAYS working days (overdue ones included)")
    c.set_defaults(handler=cmd_commitments)

    d = sub.add_parser("deadlines", help="限时办结 / running cases due within 2 working days or overdue")
    add_data_dir(d)
    d.add_argument("--within", type=int, default=2, metavar="DAYS", help="working days (default 2)")
    d.set_defaults(handler=cmd_deadlines)


def cmd_pickup_list(args: argparse.Namespace) -> int:

    ctx = open_context(args, read_only=True)
    try:
        items = ctx.handout.pickup_list()
    finally:
        ctx.close()
    if args.json:
        print(json.dumps({"total": len(items), "items": [
            {"case_no": i.case_no, "case_uuid": i.case_uuid, "bundle_code": i.bundle_code, "status": i.status.value,
             "applicant_name": i.applicant_name, "applicant_phone": i.applicant_phone,
             "ready_since": i.ready_since.isoformat(), "notified_at": i.notified_at.isoformat() if i.notified_at else None,
             "delivery_method": i.delivery_method, "ready_matters": list(i.ready_matters),
             "waiting_matters": list(i.waiting_matters)} for i in items]}, ensure_ascii=False))
        return 0
    for i in items:
        told = f" 已通知 {i.notified_at:%m-%d %H:%M}" if i.notified_at else ""
        part = f"  可领：{'、'.join(i.ready_matter_names)}" if i.waiting_matters and i.ready_matter_names else ""
        print(f"{i.case_no}  {i.applicant_name}  {i.applicant_phone}  待领取自 {i.ready_since:%Y-%m-%d %H:%M}{told}{part}")
    print(f"共 {len(items)} 件待领取")
    return 0


def cmd_handout(args: argparse.Namespace) -> int:
    from clerk.handout import AgentInfo, HandoutError
    from clerk.intake.service import CaseNotFound
    from clerk.security.actor import Actor, Role

    if not args.id_number.strip() and args.post is None:
        raise CliError("--id-number 不能为空（邮寄送达用 --post 邮件单号）")
    agent = None
    if args.agent_name or args.agent_id or args.power_of_attorney:
        if not (args.agent_name and args.agent_id):
            raise CliError("代领须同时给出 --agent-name 和 --agent-id")
        agent = AgentInfo(args.agent_name, args.agent_id, bool(args.power_of_attorney))
    ctx = open_context(args)
    try:
        actor = Actor(args.operator, roles=(Role.CLERK,), window=args.window or ctx.settings.window)
        svc = ctx.handout
        try:
            case = ctx.intake.get_by_no(args.case)
            done = svc.hand_over(actor, case.case_uuid, args.id_number, agent=agent,
                                 method="post" if args.post is not None else "window", tracking_no=args.post,
                                 matters=args.matter)
        except CaseNotFound as exc:
            raise CliError(str(exc)) from None
        except HandoutError as exc:
            raise CliError(f"不能交付：{exc}") from None
    finally:
        ctx.close()
    if done.received_by == "post":
        who = f"邮寄（邮件单号 {done.tracking_no}）"
    else:
        who = "申请人本人" if done.received_by == "applicant" else f"代领人 {done.receiver_name}（已核验授权委托书）"
    what = f"（{'、'.join(done.matter_names)}）" if done.matter_names else ""
    print(f"{done.case_no}{what} 已交付{who}，{done.at:%Y-%m-%d %H:%M}；送达记录待同步到平台")
    return 0


def cmd_commitments(args: argparse.Namespace) -> int:

    if args.due_within is not None and args.due_within < 0:
        raise CliError("--due-within 须为不小于 0 的整数")
    ctx = open_context(args, read_only=True)
    try:
        items = ctx.supplements.commitments(due_within=args.due_within)
    finally:
        ctx.close()
    for c in items:
        mark = "已超期" if c.overdue else ("即将到期" if c.due_soon else "")
        left = f"超期 {-c.working_days_left} 个工作日" if c.overdue else f"剩 {c.working_days_left} 个工作日"
        print(f"{c.deadline.isoformat()}  {c.case_no}  {c.material_name}  {c.applicant_name} {c.applicant_phone}  "
              f"{left}{'  ' + mark if mark else ''}")
    print(f"共 {len(items)} 项容缺后补材料")
    return 0


def cmd_deadlines(args: argparse.Namespace) -> int:
    from clerk.deadlines import FLAG_LABELS, watch_list
    from clerk.intake.model import CASE_STATUS_LABELS

    if args.within < 0:
        raise CliError("--within 须为不小于 0 的整数")
    ctx = open_context(args, read_only=True)
    try:
        items = watch_list(ctx, within=args.within)
    finally:
        ctx.close()
    for i in items:
        print(f"{i.due_date.isoformat()}  {i.case_no}  {CASE_STATUS_LABELS[i.status.value]}  {i.applicant_name}  "
              f"{i.operator}@{i.window}  {FLAG_LABELS[i.flag]}")
    print(f"共 {len(items)} 件临近或超过办结时限")
    return 0
