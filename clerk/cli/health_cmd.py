"""``health``: what IT checks on a window PC — version, platform, backlog, last sync, update, devices
(the security check is ``doctor``).

Exit 0 when nothing needs attention, 1 when something does (parked items, an update to install,
a device missing, the platform unreachable), 2 on bad usage.
"""

from __future__ import annotations

import argparse
import json

from clerk.cli import add_data_dir, open_context


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("health", help="工作站状态 / version, platform, outbox backlog, update check, devices")
    add_data_dir(p)
    p.add_argument("--devices", action="store_true", help="also check printers, scanners and the scan inbox (slow)")
    p.add_argument("--offline", action="store_true", help="do not contact the platform")
    p.add_argument("--json", action="store_true", help="JSON output")
    p.set_defaults(handler=cmd_health)


def cmd_health(args: argparse.Namespace) -> int:
    from clerk.healthcheck import diagnose

    ctx = open_context(args)
    try:
        report = diagnose(ctx, devices=args.devices, platform=not args.offline)
    finally:
        ctx.close()
    if args.json:
        print(json.dumps(report.as_json(), ensure_ascii=False, indent=2))
    else:
        for line in report.lines():
            print(line)
    return 1 if report.needs_attention else 0
