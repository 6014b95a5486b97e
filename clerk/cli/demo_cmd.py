"""``demo-data --cases N`` and ``demo``: realistic sample cases, and a headless walk through the job."""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from clerk.cli import CliError, add_data_dir, open_context
from clerk.security.actor import Actor, Role


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("demo-data", help="generate realistic zh_CN demo cases")
    add_data_dir(p)
    p.add_argument("--cases", type=int, default=50)
    p.add_argument("--seed", type=int, default=7)
    p.set_defaults(handler=cmd_demo_data)
    d = sub.add_parser("demo", help="headless walk: take a case in, accept it, show where the data went")
    d.add_argument("--data-dir", type=Path, default=None, help="data directory (default: a new temporary one)")
    d.add_argument("--no-server", action="store_true", help="do not start the embedded platform server")
    d.set_defaults(handler=cmd_demo)


def cmd_demo_data(args: argparse.Namespace) -> int:
    from clerk.demo import DemoPeople, take_demo_case

    if not 1 <= args.cases <= 100_000:
        raise CliError("--cases 应在 1 到 100000 之间")
    ctx = open_context(args)
    try:
        people = DemoPeople(args.seed)
        actor = Actor("demo", "演示窗口", (Role.CLERK,), window=ctx.settings.window)
        counts: dict[str, int] = {}
        scans: dict[str, bytes] = {}
        for _ in range(args.cases):
            r = people.rng.random()
            outcome = "accept" if r < 0.8 else "notify" if r < 0.93 else "draft"
            view = take_demo_case(ctx, actor, people, outcome=outcome, scans=scans)
            counts[view.status.value] = counts.get(view.status.value, 0) + 1
        print(json.dumps({"cases": args.cases, "by_status": counts, "data_dir": str(ctx.paths.data_dir)}, ensure_ascii=False))
    finally:
        ctx.close()
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from clerk import demo_walk

    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="clerk-demo-"))
    return demo_walk.run(data_dir, with_server=not args.no_server)
