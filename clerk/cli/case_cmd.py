"""``case show CASE_NO [--json]``: the read-only case file (the same as the window's case view).

Exit codes: 0 shown; 2 no such case.
"""

from __future__ import annotations

import argparse

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
        print(cf.to_json_text() if args.json else cf.text())
    finally:
        ctx.close()
    return 0
