"""Closed loops and figures from the command line: ``evaluate``, ``rectification``, ``complaint``,
``stats`` and ``case reject``.

``evaluate`` goes the evaluation window's way (``EvaluationService``: queued in the outbox, sent by
``sync``); ``rectification`` and ``complaint`` talk to the platform with the logged-in operator's token
(hall-wide, online only); ``stats`` reads this workstation's cache, ``stats --hall`` the platform.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from typing import Any

from clerk.cli import CliError, add_data_dir, open_context


def _dump(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def _platform(p: argparse.ArgumentParser) -> None:
    add_data_dir(p)
    p.add_argument("--platform", default=None, metavar="URL", help="platform base URL (default: from settings)")
    p.add_argument("--username", default=None, help="whose token to use (default: the last one logged in)")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    ev = sub.add_parser("evaluate", help="好差评：记录申请人对一件办件的评价 / record an evaluation of a case")
    add_data_dir(ev)
    ev.add_argument("case_no", nargs="?", metavar="CASE_NO", help="办件编号")
    ev.add_argument("--score", type=int, metavar="1..5", help="1 非常不满意 … 5 非常满意")
    ev.add_argument("--tags", default="", metavar="T,…", help="reason codes (or labels), comma separated")
    ev.add_argument("--comment", default="")
    ev.add_argument("--later", action="store_true", help="补充评价 of a case evaluated before (accepted once)")
    ev.add_argument("--reasons", action="store_true", help="list the declared reason tags and exit")
    ev.add_argument("--json", action="store_true")
    ev.set_defaults(handler=cmd_evaluate)

    rc = sub.add_parser("rectification", help="差评整改 (hall-wide, through the platform)")
    rsub = rc.add_subparsers(dest="action", required=True, metavar="ACTION")
    ls = rsub.add_parser("list", help="the items (a clerk: about their own evaluations)")
    _platform(ls)
    ls.add_argument("--open", action="store_true", help="not closed or voided")
    ls.add_argument("--overdue", action="store_true")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(handler=cmd_rect_list)
    for name, arg, help_ in (("callback", "--said", "回访：申请人怎么说"), ("rectify", "--result", "整改结果"),
                             ("appeal", "--reason", "申诉理由（评价有误）")):
        a = rsub.add_parser(name, help=help_)
        _platform(a)
        a.add_argument("id", type=int)
        a.add_argument(arg, required=True, dest="text")
        a.add_argument("--json", action="store_true")
        a.set_defaults(handler=cmd_rect_action, verb=name, field=arg[2:])
    cl = rsub.add_parser("close", help="关闭：申请人的再次评价")
    _platform(cl)
    cl.add_argument("id", type=int)
    cl.add_argument("--score", type=int, required=True, metavar="1..5")
    cl.add_argument("--note", default="")
    cl.add_argument("--json", action="store_true")
    cl.set_defaults(handler=cmd_rect_action, verb="close", field="")
    de = rsub.add_parser("decide", help="裁定申诉 (supervisor)")
    _platform(de)
    de.add_argument("id", type=int)
    g = de.add_mutually_exclusive_group(required=True)
    g.add_argument("--upheld", action="store_true", help="申诉成立：差评作废")
    g.add_argument("--rejected", action="store_true", help="申诉不成立：继续整改")
    de.add_argument("--reason", required=True, dest="text")
    de.add_argument("--json", action="store_true")
    de.set_defaults(handler=cmd_rect_action, verb="decide", field="reason")

    cp = sub.add_parser("complaint", help="办不成事 反映窗口 (hall-wide ledger, through the platform)")
    csub = cp.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = csub.add_parser("add", help="record a problem a person could not get done; prints its id")
    _platform(add)
    add.add_argument("--text", required=True, help="想办什么")
    add.add_argument("--matter", default=None, metavar="CODE", help="事项编码 (if any)")
    add.add_argument("--reason", default="", help="为什么没办成")
    add.add_argument("--contact", default="", metavar="PHONE")
    add.add_argument("--json", action="store_true")
    add.set_defaults(handler=cmd_complaint_add)
    cls = csub.add_parser("list", help="the hall's ledger")
    _platform(cls)
    cls.add_argument("--open", action="store_true")
    cls.add_argument("--json", action="store_true")
    cls.set_defaults(handler=cmd_complaint_list)
    cc = csub.add_parser("close", help="销号: close with the result")
    _platform(cc)
    cc.add_argument("id", type=int)
    cc.add_argument("--result", default=None)
    cc.set_defaults(handler=cmd_complaint_close)
    fu = csub.add_parser("follow-up", help="add a follow-up note")
    _platform(fu)
    fu.add_argument("id", type=int)
    fu.add_argument("--note", required=True)
    fu.set_defaults(handler=cmd_complaint_follow_up)
    asg = csub.add_parser("assign", help="assign to an operator of the hall (supervisor)")
    _platform(asg)
    asg.add_argument("id", type=int)
    asg.add_argument("--to", required=True, metavar="USERNAME")
    asg.set_defaults(handler=cmd_complaint_assign)

    st = sub.add_parser("stats", help="办件统计: cases accepted, notified, refused, delivered, first-visit rate …")
    _platform(st)
    st.add_argument("--from", dest="start", default=None, metavar="YYYY-MM-DD")
    st.add_argument("--to", dest="end", default=None, metavar="YYYY-MM-DD")
    st.add_argument("--period", choices=("day", "week", "month"), default=None,
                    help="the day, week or month around --from (default today)")
    st.add_argument("--hall", action="store_true", help="the hall's figures from the platform (supervisor)")
    st.add_argument("--xlsx", default=None, metavar="PATH", help="also write the figures as an Excel workbook")
    st.add_argument("--json", action="store_true")
    st.set_defaults(handler=cmd_stats)



def register_case_reject(casesub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``case reject`` beside ``case show`` (clerk.cli.case_cmd)."""
    rj = casesub.add_parser("reject", help="不予受理 a draft or notified case, with the reason")
    add_data_dir(rj)
    rj.add_argument("case_no", metavar="CASE_NO")
    rj.add_argument("--reason", required=True)
    rj.add_argument("--operator", default="", help="who refuses (default: the case's operator)")
    rj.set_defaults(handler=cmd_case_reject)


# -- evaluate ---------------------------------------------------------------------------------------
def cmd_evaluate(args: argparse.Namespace) -> int:
    from clerk.evaluation import load_content

    if args.reasons:
        content = load_content()
        if args.json:
            _dump(content.as_json())
        else:
            for o in content.as_json():
                print(f"{o['code']}\t{o['label']}\t{','.join(map(str, o['for_scores']))}")
        return 0
    if not args.case_no:
        raise CliError("请给出办件编号：python -m clerk evaluate CASE_NO --score 1..5")
    if args.score is None:
        raise CliError("请给出评分：--score 1..5（1 非常不满意 … 5 非常满意）")
    tags = [t for t in args.tags.split(",") if t.strip()]
    ctx = open_context(args)
    try:
        rec = ctx.evaluation.record_for_case(args.case_no, args.score, tags, args.comment, later=args.later)
    finally:
        ctx.close()
    if args.json:
        _dump({"evaluation_uuid": rec.evaluation_uuid, "case_no": rec.case_no, "score": rec.score,
               "tags": list(rec.tags), "matter_codes": list(rec.matter_codes), "channel": rec.channel,
               "supplements": rec.supplements})
    else:
        print(rec.evaluation_uuid)
        if rec.low:
            print("差评：同步到平台后生成整改事项（15 个工作日内办结）")
    return 0


# -- platform ---------------------------------------------------------------------------------------
def _hall(args: argparse.Namespace) -> Any:
    from clerk.loops import HallLoops
    from clerk.sync.session import make_client

    ctx = open_context(args, read_only=True)
    try:
        client = make_client(ctx, args.platform, args.username)
    finally:
        ctx.close()
    return HallLoops(client)


def cmd_rect_list(args: argparse.Namespace) -> int:
    from clerk.loops import RECTIFICATION_STATUS_LABELS

    items = _hall(args).rectifications(open_only=args.open, overdue_only=args.overdue)
    if args.json:
        _dump([{k: i[k] for k in ("id", "case_no", "score", "due_date", "status", "overdue", "operator", "window",
                                  "reasons", "opened_at")} for i in items])
        return 0
    for i in items:
        flag = " 已超期" if i["overdue"] else ""
        print(f"{i['id']}\t{i['case_no'] or '-'}\t{i['score']}分\t{i['operator']}@{i['window']}\t"
              f"{RECTIFICATION_STATUS_LABELS.get(i['status'], i['status'])}\t限 {i['due_date']}{flag}")
    return 0


def cmd_rect_action(args: argparse.Namespace) -> int:
    body: dict[str, Any] = {}
    if args.verb == "close":
        if not 1 <= args.score <= 5:
            raise CliError("--score 应为 1 到 5 的整数（申请人的再次评价）")
        body = {"score": args.score, "note": args.note}
    elif args.verb == "decide":
        body = {"upheld": bool(args.upheld), "reason": args.text}
    else:
        body = {args.field: args.text}
    item = _hall(args).rectification_action(args.id, args.verb, **body)
    if args.json:
        _dump(item)
    else:
        print(f"{item['id']}\t{item['status']}")
    return 0


def cmd_complaint_add(args: argparse.Namespace) -> int:
    item = _hall(args).add_complaint(args.text, matter_code=args.matter, reason=args.reason, contact=args.contact)
    if args.json:
        _dump({"id": item["id"], "status": item["status"]})
    else:
        print(item["id"])
    return 0


def cmd_complaint_list(args: argparse.Namespace) -> int:
    from clerk.loops import COMPLAINT_STATUS_LABELS

    items = _hall(args).complaints(open_only=args.open)
    if args.json:
        _dump([{k: i[k] for k in ("id", "text", "status", "opened_at", "closed_at", "result", "matter_code",
                                  "assignee", "taken_by", "age_days")} for i in items])
        return 0
    for i in items:
        print(f"{i['id']}\t{COMPLAINT_STATUS_LABELS.get(i['status'], i['status'])}\t{i['age_days']} 天\t"
              f"{i['assignee']}\t{i['text']}")
    return 0


def cmd_complaint_close(args: argparse.Namespace) -> int:
    if args.result is None or not args.result.strip():
        raise CliError("销号须写明办理结果：--result TEXT")
    item = _hall(args).close_complaint(args.id, args.result)
    print(f"{item['id']}\t{item['status']}")
    return 0


def cmd_complaint_follow_up(args: argparse.Namespace) -> int:
    item = _hall(args).follow_up(args.id, args.note)
    print(f"{item['id']}\t{item['status']}")
    return 0


def cmd_complaint_assign(args: argparse.Namespace) -> int:
    item = _hall(args).assign_complaint(args.id, args.to)
    print(f"{item['id']}\t{item['assignee']}")
    return 0


# -- stats ------------------------------------------------------------------------------------------
def _day(value: str | None, name: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CliError(f"{name} {value!r}: 日期应写成 YYYY-MM-DD") from None


def cmd_stats(args: argparse.Namespace) -> int:
    from clerk import clock
    from clerk.figures import case_figures, period

    start, end = _day(args.start, "--from"), _day(args.end, "--to")
    if args.period:
        start, end = period(args.period, start or clock.today())
    start = start or (end if end and not args.start else None) or clock.today()
    end = end or start
    if end < start:
        raise CliError(f"--to {end} 早于 --from {start}")
    if args.hall:
        data = _hall(args).hall_figures(start.isoformat(), end.isoformat())
    else:
        ctx = open_context(args, read_only=True)
        try:
            data = case_figures(ctx, start, end).as_json()
        finally:
            ctx.close()
    if args.xlsx:
        from pathlib import Path

        from clerk.queueing.report import export_figures

        export_figures(data, Path(args.xlsx).expanduser())
    if args.json:
        _dump(data)
        return 0
    t = data["totals"]
    print(f"{data['from']} — {data['to']}")
    for key, label in (("accepted", "受理"), ("notified", "一次性告知"), ("rejected", "不予受理"), ("delivered", "出件"),
                       ("evaluations", "评价"), ("bad_evaluations", "差评"), ("overdue", "超期"), ("near_due", "临期")):
        if key in t:
            print(f"{label}\t{t[key]}")
    if "first_visit_rate" in data:
        print(f"一次办成率\t{data['first_visit_rate']:.1%}")
    print(f"容缺\t{data['deferred_share']:.1%}\n免提交\t{data['e_license_share']:.1%}")
    return 0


# -- case reject ------------------------------------------------------------------------------------
def cmd_case_reject(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from clerk.intake.lifecycle import IllegalTransition
    from clerk.security.actor import Actor, Role
    from clerk.store.models import CaseRow

    ctx = open_context(args)
    try:
        with ctx.store.read() as s:
            row = s.scalars(select(CaseRow).where(CaseRow.case_no == args.case_no.strip())).first()
            if row is None:
                raise CliError(f"本机没有办件 {args.case_no}")
            case_uuid, status, operator = row.case_uuid, row.status, row.operator
        if status not in ("draft", "notified"):
            from clerk.intake.model import CASE_STATUS_LABELS

            raise CliError(f"办件 {args.case_no} {CASE_STATUS_LABELS.get(status, status)}，只有草稿或已一次性告知的"
                           "办件可以不予受理")
        actor = Actor(args.operator or operator, roles=(Role.CLERK,), window=ctx.settings.window)
        try:
            view = ctx.intake.reject(actor, case_uuid, args.reason)
        except IllegalTransition as exc:
            raise CliError(f"办件 {args.case_no} 不能不予受理：{exc}") from None
    finally:
        ctx.close()
    print(f"{view.case_no}\t{view.status.value if hasattr(view.status, 'value') else view.status}")
    return 0
