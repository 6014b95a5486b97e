"""``queue``: the ticket machine from the command line (take, reconcile, enroll) and appointments.

``queue take SERVICE`` takes a ticket exactly as the kiosk does: from the hall server, or — when it
cannot be reached — from this device's fallback range (exit 0 both ways; ``--json`` prints
``{"ticket_no", "service", "offline", …}``). ``queue reconcile`` hands the fallback tickets over
(exit 0; 1 when the server refused some, one line each; 2 when it cannot be reached).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from typing import Any

from clerk.cli import CliError, add_data_dir, open_context

PRIORITIES = ("normal", "elderly", "disabled", "pregnant", "appointment")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("queue", help="排队取号 / take tickets as the kiosk does, hand fallback tickets over, appointments")
    qs = p.add_subparsers(dest="queue_command", required=True, metavar="ACTION")

    def common(sp: argparse.ArgumentParser, json_flag: bool = True) -> None:
        add_data_dir(sp)
        sp.add_argument("--hall", default=None, metavar="URL", help="hall server (default: settings hall_url)")
        if json_flag:
            sp.add_argument("--json", action="store_true", help="print JSON")

    t = qs.add_parser("take", help="取号 (online, or from this device's fallback range when the server is down)")
    common(t)
    t.add_argument("service", metavar="SERVICE", help="a service code such as intake")
    t.add_argument("--priority", choices=PRIORITIES, default="normal")
    t.add_argument("--appointment", default=None, metavar="CODE", help="check in an appointment")
    t.add_argument("--phone", default=None, help="a phone for SMS messages (optional)")
    t.set_defaults(handler=cmd_take)
    r = qs.add_parser("reconcile", help="交接应急号 / hand this device's fallback tickets over to the server")
    common(r)
    r.set_defaults(handler=cmd_reconcile)
    pe = qs.add_parser("pending", help="this device's fallback tickets not yet handed over (and conflicts)")
    common(pe)
    pe.set_defaults(handler=cmd_pending)
    e = qs.add_parser("enroll", help="set up this device as a kiosk: device token and fallback prefix")
    common(e, json_flag=False)
    e.add_argument("--prefix", default=None, help="ask for this fallback prefix (X1 … Z9); default: the next free")
    e.add_argument("--token-env", default="CLERK_KIOSK_TOKEN", metavar="VAR",
                   help="environment variable holding the device token (default CLERK_KIOSK_TOKEN; else stdin)")
    e.add_argument("--no-token", action="store_true", help="keep using the logged-in operator's token")
    e.set_defaults(handler=cmd_enroll)
    c = qs.add_parser("check-in", help="预约签到 by appointment code or ID number")
    common(c)
    c.add_argument("code", nargs="?", default=None)
    c.add_argument("--id-number", default=None)
    c.set_defaults(handler=cmd_check_in)
    sl = qs.add_parser("slots", help="预约时段 of a service on a day")
    common(sl)
    sl.add_argument("service")
    sl.add_argument("date", help="YYYY-MM-DD")
    sl.set_defaults(handler=cmd_slots)
    b = qs.add_parser("book", help="预约 (phone line: the logged-in supervisor)")
    common(b)
    b.add_argument("service")
    b.add_argument("date", help="YYYY-MM-DD")
    b.add_argument("slot", help="HH:MM (from queue slots)")
    b.add_argument("--name", required=True)
    b.add_argument("--id-number", required=True)
    b.add_argument("--phone", required=True)
    b.set_defaults(handler=cmd_book)
    ca = qs.add_parser("cancel", help="取消预约")
    common(ca)
    ca.add_argument("code")
    ca.set_defaults(handler=cmd_cancel)
    ap = qs.add_parser("appointments", help="the day's bookings (masked)")
    common(ap)
    ap.add_argument("date", help="YYYY-MM-DD")
    ap.add_argument("--service", default=None)
    ap.set_defaults(handler=cmd_appointments)


def _out(args: argparse.Namespace, data: Any, text: str) -> None:
    if getattr(args, "json", False):
        print(json.dumps(data, ensure_ascii=False))
    else:
        print(text)


def _kiosk(ctx: Any, args: argparse.Namespace) -> Any:
    from clerk.queueing.access import hall_url, kiosk_service

    if not (args.hall or hall_url(ctx.settings)):
        raise CliError("未设置叫号服务器地址：请用 --hall URL，或在设置中填写 hall_url")
    return kiosk_service(ctx, args.hall)


def _desk(ctx: Any, args: argparse.Namespace) -> Any:
    from clerk.queueing.access import client_from_context, hall_url
    from clerk.queueing.booking import AppointmentDesk

    if not (args.hall or hall_url(ctx.settings)):
        raise CliError("未设置叫号服务器地址：请用 --hall URL，或在设置中填写 hall_url")
    return AppointmentDesk(client_from_context(ctx, url=args.hall))


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CliError(f"日期格式不正确：{text}（应为 YYYY-MM-DD）") from None


def cmd_take(args: argparse.Namespace) -> int:
    from clerk.queueing.model import Priority

    if args.priority == "appointment" and not args.appointment:
        raise CliError("预约号需要预约码：--appointment CODE")
    ctx = open_context(args)
    try:
        kiosk = _kiosk(ctx, args)
        t = kiosk.take(args.service, Priority(args.priority), appointment_code=args.appointment, phone=args.phone)
    finally:
        ctx.close()
    ahead = "" if t.people_ahead is None else f"，前面还有 {t.people_ahead} 人"
    text = f"{t.ticket_no}（{t.service_name}）{ahead}" + (f"\n{t.note}" if t.offline else "")
    _out(args, t.as_json(), text)
    return 0


def cmd_reconcile(args: argparse.Namespace) -> int:
    ctx = open_context(args)
    try:
        result = _kiosk(ctx, args).reconcile()
    finally:
        ctx.close()
    _out(args, result.as_json(), f"已交接 {len(result.handed)} 张应急号（之前已交接 {len(result.already)} 张，"
                                 f"冲突 {len(result.conflicts)} 张，待交接 {result.pending} 张）")
    for t in result.conflicts:
        print(f"{t.ticket_no}: 服务器拒绝：{t.message}", file=sys.stderr)
    return 1 if result.conflicts else 0


def cmd_pending(args: argparse.Namespace) -> int:
    from clerk.queueing.fallback import FallbackBook

    ctx = open_context(args)
    try:
        book = FallbackBook(ctx.store)
        tickets = [t for t in book.all() if t.state != "handed"]
    finally:
        ctx.close()
    data = [{"ticket_no": t.ticket_no, "service": t.service, "issued_at": t.issued_at, "state": t.state,
             "message": t.message} for t in tickets]
    _out(args, data, "\n".join(f"{t.ticket_no}\t{t.service}\t{t.issued_at}\t{t.state}\t{t.message}".rstrip()
                               for t in tickets) or "没有待交接的应急号")
    return 0


def cmd_enroll(args: argparse.Namespace) -> int:
    from clerk.queueing.access import store_device_token

    ctx = open_context(args)
    try:
        url = (args.hall or ctx.settings.hall_url or "").rstrip("/")
        if not url:
            raise CliError("未设置叫号服务器地址：请用 --hall URL")
        if not args.no_token:
            token = os.environ.get(args.token_env) or (sys.stdin.readline().strip() if not sys.stdin.isatty() else "")
            if not token:
                raise CliError(f"没有设备令牌：请设置环境变量 {args.token_env}，或从标准输入提供，或用 --no-token")
            store_device_token(url, token)
        kiosk = _kiosk(ctx, argparse.Namespace(hall=url))
        prefix = kiosk.enroll(args.prefix)
        ctx.settings.hall_url = url
        ctx.settings.queue_fallback_prefix = prefix
        ctx.settings.save(ctx.paths.settings)
    finally:
        ctx.close()
    print(f"本机已登记为取号机：叫号服务器 {url}，应急号段 {prefix}")
    return 0


def cmd_check_in(args: argparse.Namespace) -> int:
    if (args.code is None) == (args.id_number is None):
        raise CliError("请给出预约码或 --id-number（二者之一）")
    ctx = open_context(args)
    try:
        t = _kiosk(ctx, args).check_in(appointment_code=args.code, id_number=args.id_number)
    finally:
        ctx.close()
    _out(args, t.as_json(), f"{t.ticket_no}（{t.service_name}，预约）前面还有 {t.people_ahead or 0} 人")
    return 0


def cmd_slots(args: argparse.Namespace) -> int:
    day = _date(args.date)
    ctx = open_context(args)
    try:
        got = _desk(ctx, args).slots(args.service, day)
    finally:
        ctx.close()
    data = {"service": got.service, "date": got.date, "reason": got.reason,
            "slots": [{"slot": s.slot, "ends": s.ends, "capacity": s.capacity, "booked": s.booked,
                       "available": s.available} for s in got.slots]}
    text = "\n".join(f"{s.label}\t{s.booked}/{s.capacity}\t余 {s.available}" for s in got.slots) \
        or f"没有可预约的时段：{got.reason}"
    _out(args, data, text)
    return 0


def cmd_book(args: argparse.Namespace) -> int:
    day = _date(args.date)
    ctx = open_context(args)
    try:
        b = _desk(ctx, args).book(args.service, day, args.slot, args.name, args.id_number, args.phone)
    finally:
        ctx.close()
    _out(args, b.as_dict(), f"预约成功：{b.date} {b.slot}-{b.ends} {b.service}，预约码 {b.appointment_code}")
    return 0


def cmd_cancel(args: argparse.Namespace) -> int:
    ctx = open_context(args)
    try:
        b = _desk(ctx, args).cancel(args.code)
    finally:
        ctx.close()
    _out(args, b.as_dict(), f"预约 {b.appointment_code} 已取消")
    return 0


def cmd_appointments(args: argparse.Namespace) -> int:
    day = _date(args.date)
    ctx = open_context(args)
    try:
        items = _desk(ctx, args).day(day, args.service)
    finally:
        ctx.close()
    _out(args, [b.as_dict() for b in items],
         "\n".join(f"{b.slot or '-'}\t{b.service}\t{b.appointment_code}\t{b.name}\t{b.id_number}\t{b.phone}\t"
                   f"{b.state}{'（爽约）' if b.missed else ''}\t{b.ticket_no or ''}".rstrip() for b in items)
         or "当天没有预约")
    return 0
