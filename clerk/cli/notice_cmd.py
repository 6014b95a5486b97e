"""``notice CASE_NO --kind …`` and ``print-queue``: a case's documents as PDF or on a printer, and the queue.

Exit codes: 0 done; 1 the printer did not print (the job stays in the print queue); 2 a mistake
(unknown case, a document that does not fit the case's state, unknown job).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from clerk.atomic import write_atomic
from clerk.cli import CliError, add_data_dir, open_context
from clerk.security.actor import Actor, Role

NOTICE_KINDS = ("receipt", "one_time_notice", "commitment", "refusal", "labels", "separators")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("notice", help="a case's document (receipt, one-time notice …) as PDF or on a printer")
    add_data_dir(p)
    p.add_argument("case_no", metavar="CASE_NO")
    p.add_argument("--kind", required=True, choices=NOTICE_KINDS)
    p.add_argument("--out", type=Path, help="write the PDF to this file")
    p.add_argument("--printer", help="print through the print queue: a CUPS queue name, cups:QUEUE or pdf:DIR")
    p.add_argument("--operator", default="cli", help="operator recorded on the job and in the audit log")
    p.set_defaults(handler=cmd_notice)
    q = sub.add_parser("print-queue", help="jobs waiting for a printer; --retry ID [--printer Q]; --cancel ID")
    add_data_dir(q)
    g = q.add_mutually_exclusive_group()
    g.add_argument("--retry", type=int, metavar="ID", help="try job ID again")
    g.add_argument("--cancel", type=int, metavar="ID", help="cancel job ID")
    q.add_argument("--printer", help="with --retry: send it to this printer instead")
    q.add_argument("--all", action="store_true", help="list printed and cancelled jobs too")
    q.set_defaults(handler=cmd_print_queue)


def _actor(ctx: Any, username: str) -> Actor:
    return Actor(username or "cli", roles=(Role.CLERK,), window=ctx.settings.window)


def _write_atomically(path: Path, data: bytes) -> None:
    path = path.expanduser()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, data, prefix=".notice-", suffix=".pdf")
    except OSError as exc:
        raise CliError(f"{path}: 无法写入（{exc.strerror or exc}）") from exc


def _not_printed(outcome: Any) -> CliError:
    job = outcome.job
    if outcome.retryable:
        hint = f"任务 #{job.id} 已保留在打印队列中，打印机恢复后执行 python -m clerk print-queue --retry {job.id}"
    else:
        hint = (f"任务 #{job.id} 已保留在打印队列中，可换一台打印机重试："
                f"python -m clerk print-queue --retry {job.id} --printer 打印机")
    return CliError(f"未打印：{outcome.message.rstrip('。')}。{hint}", code=1)


def cmd_notice(args: argparse.Namespace) -> int:
    from clerk.intake.service import CaseNotFound
    from clerk.plugins import ComponentMissing
    from clerk.printjobs import CannotRender, document_title, export_document, print_document

    if args.out is None and not args.printer:
        raise CliError("请指定 --out FILE.pdf 或 --printer 打印机")
    ctx = open_context(args)
    try:
        actor = _actor(ctx, args.operator)
        try:
            case = ctx.intake.get_by_no(args.case_no)
            if args.out is not None:
                pdf = export_document(ctx, actor, case.case_uuid, args.kind)
                _write_atomically(args.out, pdf)
                print(f"{document_title(args.kind, case.case_no)}：{args.out}")
            if args.printer:
                outcome = print_document(ctx, actor, case.case_uuid, args.kind, args.printer)
                if not outcome.printed:
                    raise _not_printed(outcome)
                job = outcome.job
                print(f"已打印{'（补打）' if job.reprint else ''}：{job.title} → {job.printer}"
                      f"（任务 #{job.id}，打印机任务 {outcome.printer_job_id}）")
        except CaseNotFound:
            raise CliError(f"找不到受理编号为 {args.case_no} 的案件") from None
        except (CannotRender, ComponentMissing) as exc:
            raise CliError(str(exc)) from exc
    finally:
        ctx.close()
    return 0


def cmd_print_queue(args: argparse.Namespace) -> int:
    from clerk.plugins import ComponentMissing
    from clerk.printjobs import JobClosed, PrintJobNotFound

    if args.printer and args.retry is None:
        raise CliError("--printer 只能与 --retry 一起使用")
    ctx = open_context(args, read_only=args.retry is None and args.cancel is None)
    try:
        queue = ctx.print_queue
        try:
            if args.retry is not None:
                outcome = queue.retry(args.retry, args.printer)
                if not outcome.printed:
                    raise _not_printed(outcome)
                print(f"已打印：#{outcome.job.id} {outcome.job.title} → {outcome.job.printer}")
                return 0
            if args.cancel is not None:
                job = queue.cancel(args.cancel)
                print(f"已取消：#{job.id} {job.title}")
                return 0
        except (PrintJobNotFound, JobClosed, ComponentMissing) as exc:
            raise CliError(str(exc)) from exc
        jobs = queue.jobs() if args.all else queue.pending()
        if not jobs:
            print("打印队列为空", file=sys.stderr)
        for j in jobs:
            error = f"\t{' '.join(j.error.split())}" if j.error else ""
            print(f"{j.id}\t{j.state}\t{j.created_at:%Y-%m-%d %H:%M}\t{j.printer}\t{j.title}{error}")
    finally:
        ctx.close()
    return 0
