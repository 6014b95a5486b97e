"""``store verify|gc``: check every file of the page store against its hash; remove unreferenced files."""

from __future__ import annotations

import argparse
import sys

from clerk.cli import add_data_dir, open_context


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("store", help="页面库 / the page store (scans and files)")
    ssub = p.add_subparsers(dest="store_command", required=True, metavar="ACTION")
    vp = ssub.add_parser("verify", help="rehash every file; one line per damaged or missing file; exit 1 on damage")
    add_data_dir(vp)
    vp.set_defaults(handler=cmd_verify)
    gp = ssub.add_parser("gc", help="delete files no page, file, print job or outbox entry refers to")
    add_data_dir(gp)
    gp.add_argument("--min-age", type=float, default=3600.0, metavar="SECONDS",
                    help="keep files younger than this (a write in flight); default 3600")
    gp.add_argument("--dry-run", action="store_true", help="only list what would be deleted")
    gp.set_defaults(handler=cmd_gc)


def cmd_verify(args: argparse.Namespace) -> int:
    from clerk.materials.service import expected_blobs

    ctx = open_context(args)
    try:
        damaged = ctx.pages.verify(expected_blobs(ctx.store))
        total = sum(1 for _ in ctx.pages.all_hashes())
        leftovers = ctx.pages.leftovers()
    finally:
        ctx.close()
    for line in damaged:
        print(line)
    if leftovers:
        print(f"（另有 {len(leftovers)} 个未写完的临时文件，已被忽略，store gc 会清理）", file=sys.stderr)
    if damaged:
        print(f"页面库有 {len(damaged)} 个文件损坏或丢失（共 {total} 个文件）", file=sys.stderr)
        return 1
    print(f"页面库完好：{total} 个文件", file=sys.stderr)
    return 0


def cmd_gc(args: argparse.Namespace) -> int:
    from clerk.materials.service import collect_garbage, referenced_blobs

    ctx = open_context(args)
    try:
        if args.dry_run:
            import time

            refs = referenced_blobs(ctx.store)
            cutoff = time.time() - args.min_age
            removed = [h for h in ctx.pages.all_hashes()
                       if h not in refs and ctx.pages.path(h).stat().st_mtime <= cutoff]
        else:
            removed = collect_garbage(ctx.store, ctx.pages, min_age_seconds=args.min_age)
    finally:
        ctx.close()
    for sha in removed:
        print(sha)
    print(f"{'可删除' if args.dry_run else '已删除'} {len(removed)} 个无引用的文件", file=sys.stderr)
    return 0
