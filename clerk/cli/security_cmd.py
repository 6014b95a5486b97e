"""``audit verify|list``, ``recovery keygen|export|import``, ``doctor``, ``purge``: security from the command line.

The command line acts as the workstation's system account (it is run by whoever administers the
machine); the audit log records it as ``system``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
from pathlib import Path

from clerk.cli import CliError, add_data_dir, open_context
from clerk.security.actor import SYSTEM


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("audit", help="审计日志 / the hash-chained audit log")
    asub = p.add_subparsers(dest="audit_command", required=True, metavar="ACTION")
    vp = asub.add_parser("verify", help="recompute the chain; exit 1 naming the first entry changed, removed or reordered")
    add_data_dir(vp)
    vp.set_defaults(handler=cmd_audit_verify)
    lp = asub.add_parser("list", help="entries, newest first")
    add_data_dir(lp)
    lp.add_argument("--action", action="append", default=[])
    lp.add_argument("--operator")
    lp.add_argument("--since", help="YYYY-MM-DD or an ISO time")
    lp.add_argument("--limit", type=int, default=200)
    lp.add_argument("--json", action="store_true")
    lp.set_defaults(handler=cmd_audit_list)

    r = sub.add_parser("recovery", help="恢复文件 / recovery files for unsynced cases")
    rsub = r.add_subparsers(dest="recovery_command", required=True, metavar="ACTION")
    kp = rsub.add_parser("keygen", help="a new recovery key pair (the private key stays with the administrator)")
    kp.add_argument("--private", type=Path, required=True, help="where to write the private key (PEM)")
    kp.add_argument("--public", type=Path, required=True, help="where to write the public key (PEM)")
    kp.add_argument("--passphrase-env", metavar="VAR", help="encrypt the private key with the passphrase in $VAR")
    kp.set_defaults(handler=cmd_recovery_keygen)
    ep = rsub.add_parser("export", help="the pending outbox and its files, encrypted to the recovery public key")
    add_data_dir(ep)
    ep.add_argument("--out", type=Path, required=True)
    ep.add_argument("--public-key", type=Path, default=None,
                    help="recovery public key (default: settings.recovery_public_key or DATA_DIR/recovery-public.pem)")
    ep.set_defaults(handler=cmd_recovery_export)
    ip = rsub.add_parser("import", help="put a recovery file's outbox items and files into this workstation")
    add_data_dir(ip)
    ip.add_argument("file", type=Path)
    ip.add_argument("--private-key", type=Path, required=True)
    ip.add_argument("--passphrase-env", metavar="VAR")
    ip.set_defaults(handler=cmd_recovery_import)

    d = sub.add_parser("doctor", help="security check: data key, encryption, audit chain, unsynced cases")
    add_data_dir(d)
    d.set_defaults(handler=cmd_doctor)

    pp = sub.add_parser("purge", help="清理过期数据 / purge closed, confirmed cases past retention")
    add_data_dir(pp)
    pp.add_argument("--days", type=_retention_days, default=None, help="retention in days, at least 1 (default: settings.retention_days)")
    pp.add_argument("--dry-run", action="store_true")
    pp.set_defaults(handler=cmd_purge)


def _retention_days(text: str) -> int:
    try:
        days = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} 不是整数天数") from None
    if days < 1:
        raise argparse.ArgumentTypeError(f"{text}：保留天数至少为 1（0 或负数会清理刚办结的案件）")
    return days


def _passphrase(var: str | None) -> str | None:
    if not var:
        return None
    value = os.environ.get(var)
    if not value:
        raise CliError(f"环境变量 {var} 没有设置口令")
    return value


def cmd_audit_verify(args: argparse.Namespace) -> int:
    from clerk.security.audit import verify_store

    ctx = open_context(args, read_only=True)
    try:
        result = verify_store(ctx.store)
    finally:
        ctx.close()
    if result.problem is not None:
        raise CliError(f"审计日志校验失败：{result.problem.message}", code=1)
    print(f"审计日志完整：{result.entries} 条记录，哈希链无误")
    return 0


def _since(text: str | None) -> dt.datetime | None:
    if not text:
        return None
    from clerk.clock import CST

    try:
        value = dt.datetime.fromisoformat(text)
    except ValueError:
        raise CliError(f"--since {text!r}: 应为 YYYY-MM-DD 或 ISO 时间") from None
    return value if value.tzinfo else value.replace(tzinfo=CST)


def cmd_audit_list(args: argparse.Namespace) -> int:
    from clerk.security.audit import list_entries

    ctx = open_context(args, read_only=True)
    try:
        entries = list_entries(ctx.store, SYSTEM, action=args.action or None, operator=args.operator,
                               since=_since(args.since), limit=args.limit)
    finally:
        ctx.close()
    for e in entries:
        if args.json:
            print(json.dumps({"id": e.id, "at": e.at.isoformat(), "operator": e.operator, "window": e.window,
                              "action": e.action, "case_uuid": e.case_uuid, "detail": e.detail}, ensure_ascii=False))
        else:
            detail = json.dumps(e.detail, ensure_ascii=False) if e.detail else ""
            print(f"{e.id}\t{e.at:%Y-%m-%d %H:%M:%S}\t{e.operator}\t{e.window}\t{e.action_label}\t{e.case_uuid or ''}\t{detail}")
    return 0


def cmd_recovery_keygen(args: argparse.Namespace) -> int:
    from clerk.security.recovery import RecoveryError, generate_keypair

    try:
        generate_keypair(args.private, args.public, _passphrase(args.passphrase_env))
    except RecoveryError as exc:
        raise CliError(str(exc)) from exc
    print(f"恢复密钥已生成：私钥 {args.private}（请离线妥善保管），公钥 {args.public}（放到各工作站）")
    return 0


def cmd_recovery_export(args: argparse.Namespace) -> int:
    from clerk.security.recovery import RecoveryError, export, find_public_key

    ctx = open_context(args)
    try:
        try:
            public = find_public_key(ctx.paths.data_dir, ctx.settings, args.public_key)
            summary = export(ctx, SYSTEM, args.out, public)
        except RecoveryError as exc:
            raise CliError(str(exc)) from exc
    finally:
        ctx.close()
    print(f"已导出恢复文件 {args.out}：{summary.cases} 件案件，{summary.items} 项待同步，{summary.files} 个文件")
    return 0


def cmd_recovery_import(args: argparse.Namespace) -> int:
    from clerk.security.recovery import RecoveryError, import_file

    ctx = open_context(args)
    try:
        try:
            summary = import_file(ctx, SYSTEM, args.file, args.private_key, _passphrase(args.passphrase_env))
        except RecoveryError as exc:
            raise CliError(str(exc)) from exc
    finally:
        ctx.close()
    print(f"已导入：{summary.items} 项待同步（{summary.cases} 件案件），{summary.files} 个文件；联网后将自动同步")
    return 0


def cmd_doctor(args: argparse.Namespace) -> int:
    from clerk.security import keychain
    from clerk.security.audit import verify_store
    from clerk.security.keys import KeyUnavailable, data_key
    from clerk.security.recovery import key_loss_risk

    problems = 0
    ctx = open_context(args, read_only=True)  # a check: beside a running workstation, creating nothing
    try:
        print(f"系统钥匙串：{keychain.describe()}")
        if ctx.store.encrypted:
            try:
                data_key(ctx.paths.data_dir, create=False)
                print("数据密钥：在系统钥匙串中")
            except KeyUnavailable as exc:
                raise CliError(f"数据密钥：{exc}") from exc
            print("本地数据库：已加密（SQLCipher）")
        else:
            problems += 1
            print(f"本地数据库：未加密（演示数据？）—— 加密：python -m clerk store encrypt --data-dir {ctx.paths.data_dir}")
        result = verify_store(ctx.store)
        if result.problem is None:
            print(f"审计日志：完整（{result.entries} 条）")
        else:
            problems += 1
            print(f"审计日志：校验失败 —— {result.problem.message}")
        risk = key_loss_risk(ctx)
        if risk is None:
            print("同步：全部已同步，重装前无需导出")
        else:
            problems += 1
            print(f"警告：{risk.message}")
    finally:
        ctx.close()
    return 1 if problems else 0


def cmd_purge(args: argparse.Namespace) -> int:
    from clerk.retention import purge

    ctx = open_context(args)
    try:
        report = purge(ctx, SYSTEM, retention_days=args.days, dry_run=args.dry_run)
    finally:
        ctx.close()
    verb = "可清理" if args.dry_run else "已清理"
    print(f"{verb} {report.cases} 件案件（{report.cutoff:%Y-%m-%d} 之前办结），{report.blobs} 个文件，"
          f"释放 {report.bytes_freed / 2**20:.1f} MiB")
    return 0
