"""``intake FILE.json`` and ``search TEXT``: take a case in, find cases."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from clerk.cli import add_data_dir, open_context
from clerk.security.actor import Actor, Role


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("intake", help="take a case in from a JSON file (accept, or one-time notice)")
    add_data_dir(p)
    p.add_argument("file", type=Path)
    p.add_argument("--allow-files-anywhere", action="store_true",
                   help="files named in the JSON may lie outside its folder (absolute paths, ..)")
    p.set_defaults(handler=cmd_intake)
    s = sub.add_parser("search", help="find cases by number, name, pinyin initials, ID number or phone")
    add_data_dir(s)
    s.add_argument("text")
    from clerk.intake.statuses import CaseStatus  # not clerk.intake.model: pydantic is not needed for -h

    s.add_argument("--status", action="append", default=[], choices=[c.value for c in CaseStatus], metavar="STATUS",
                   help="only cases in this status (repeatable): " + ", ".join(c.value for c in CaseStatus))
    s.add_argument("--from", dest="date_from", type=dt.date.fromisoformat)
    s.add_argument("--to", dest="date_to", type=dt.date.fromisoformat)
    s.add_argument("--limit", type=int, default=20)
    s.add_argument("--offset", type=int, default=0)
    s.add_argument("--json", action="store_true")
    s.set_defaults(handler=cmd_search)


def cmd_intake(args: argparse.Namespace) -> int:
    """Checks the whole document (and every file it names) before anything is written, then takes
    the case in in one transaction (``clerk.materials.takein``). Any refusal: one line, exit 2."""
    from clerk import testpoints
    from clerk.intake.request import MAX_DOCUMENT_BYTES, parse_request
    from clerk.materials.sniff import read_regular
    from clerk.materials.takein import take_in_document

    raw = read_regular(args.file, MAX_DOCUMENT_BYTES, name=str(args.file),
                       too_big="{size} MB，案件文件最大 " + f"{MAX_DOCUMENT_BYTES // 1048576} MB")
    req = parse_request(raw, source=args.file.name)  # nothing opened or created before the document is valid
    ctx = open_context(args)
    try:
        actor = Actor(req.operator, roles=(Role.CLERK,), window=req.window or ctx.settings.window)
        from clerk.cli.licence_cmd import intake_licences

        result = take_in_document(ctx.intake, ctx.materials, actor, req, args.file.resolve().parent,
                                  anywhere=args.allow_files_anywhere, source=args.file.name,
                                  licences=intake_licences(ctx, req))
    finally:
        ctx.close()
    testpoints.reach("intake.committed")
    if result.replayed:
        print(f"{args.file.name}: 这份材料已受理过（案件 {result.case_no}），返回首次的结果", file=sys.stderr)
    print(json.dumps(result.as_json(), ensure_ascii=False))
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from clerk.intake.model import CASE_STATUS_LABELS
    from clerk.intake.search import CaseQuery

    ctx = open_context(args, read_only=True)
    try:
        q = CaseQuery(args.text, tuple(args.status), args.date_from, args.date_to, max(1, min(args.limit, 500)), max(0, args.offset))
        items, total = ctx.intake.search(q)
    finally:
        ctx.close()
    if args.json:
        print(json.dumps({"total": total, "items": [
            {"case_no": c.case_no, "case_uuid": c.case_uuid, "status": c.status.value, "bundle_code": c.bundle_code,
             "applicant_name": c.applicant_name, "created_at": c.created_at.isoformat(),
             "due_date": c.due_date.isoformat() if c.due_date else None}
            for c in items]}, ensure_ascii=False))
        return 0
    from clerk.security.masking import mask_id

    for c in items:
        print(f"{c.case_no}\t{CASE_STATUS_LABELS[c.status.value]}\t{c.applicant_name}\t{mask_id(c.applicant_id_number)}\t{c.bundle_code}")
    print(f"共 {total} 件", file=sys.stderr)
    return 0
