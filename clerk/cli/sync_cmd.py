"""``sync --once`` and ``login``: push the outbox and pull updates from the command line.

``sync --once`` exits 0 when nothing is left, 1 when items are parked (one line per problem on
stderr), 2 on bad usage, an unreachable platform or a missing login (one line saying why).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
import time

from clerk.cli import CliError, add_data_dir, open_context


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("sync", help="与平台同步 / push the outbox, pull case updates and the catalog")
    add_data_dir(p)
    p.add_argument("--once", action="store_true", help="sync until nothing is left (or only problems), then exit")
    p.add_argument("--platform", default=None, metavar="URL", help="platform base URL (default: from settings)")
    p.add_argument("--username", default=None, help="whose token to use (default: the last one logged in)")
    p.add_argument("--timeout", type=float, default=600.0, metavar="SECONDS",
                   help="give up (exit 2) when items are still retrying after this long (default 600)")
    p.add_argument("--backoff", type=float, default=1.0, metavar="SECONDS", help="base of the retry backoff")
    p.set_defaults(handler=cmd_sync)
    lp = sub.add_parser("login", help="登录平台 / log in to the platform and keep the token in the keyring")
    add_data_dir(lp)
    lp.add_argument("--platform", required=True, metavar="URL")
    lp.add_argument("--username", required=True)
    lp.set_defaults(handler=cmd_login)
    op = sub.add_parser("logout", help="注销 / revoke the token on the platform and forget it here")
    add_data_dir(op)
    op.add_argument("--platform", default=None, metavar="URL")
    op.add_argument("--username", default=None)
    op.set_defaults(handler=cmd_logout)


def cmd_logout(args: argparse.Namespace) -> int:
    from clerk.sync import current_username, logout

    ctx = open_context(args)
    try:
        user = args.username or current_username(ctx)
        if not user or not (args.platform or ctx.settings.platform_url):
            raise CliError("本机没有已登录的平台账号")
        logout(ctx, args.platform, user)
    finally:
        ctx.close()
    print(f"已注销 {user}")
    return 0


def cmd_login(args: argparse.Namespace) -> int:
    from clerk.security.credentials import CredentialStoreError
    from clerk.sync import AuthError, SyncError, TransientError, login

    password = os.environ.get("CLERK_PASSWORD")
    if password is None:
        try:
            password = getpass.getpass(f"{args.username} 的密码 / password: ")
        except EOFError:
            raise CliError("没有输入密码（或设置环境变量 CLERK_PASSWORD）") from None
    ctx = open_context(args)
    try:
        result = login(ctx, args.platform, args.username, password)
    except AuthError:
        raise CliError("登录失败：用户名或密码错误") from None
    except TransientError as exc:
        raise CliError(f"登录失败：{exc.message}") from None
    except SyncError as exc:
        raise CliError(f"登录失败：{exc.message}") from None
    except CredentialStoreError as exc:
        raise CliError(str(exc)) from None
    finally:
        ctx.close()
    name = result.operator.get("display_name") or args.username
    print(f"已登录 {args.platform}：{name}，有效期至 {result.expires_at.isoformat() if result.expires_at else '-'}")
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    from clerk.security.credentials import CredentialStoreError
    from clerk.sync import NotConfigured, TransientError, make_engine
    from clerk.sync.worker import SyncWorker

    if args.timeout <= 0 or args.backoff <= 0:
        raise CliError("--timeout 和 --backoff 须为正数")
    ctx = open_context(args)
    try:
        try:
            engine = make_engine(ctx, args.platform, args.username, backoff_base_s=args.backoff,
                                 backoff_cap_s=max(args.backoff * 64, 5.0))
        except NotConfigured as exc:
            raise CliError(str(exc)) from None
        try:
            engine.client.health()
        except TransientError as exc:
            raise CliError(f"平台不可达（{engine.client.base_url}）：{exc.message}") from None
        if not args.once:
            worker = SyncWorker(engine, interval_s=30.0)
            worker.start()
            try:
                while worker.running:
                    time.sleep(1.0)
            finally:
                worker.stop()
            return 0
        try:
            return _sync_once(engine, args.timeout)
        except CredentialStoreError as exc:
            raise CliError(str(exc)) from None
    finally:
        ctx.close()


def _sync_once(engine: object, timeout: float) -> int:
    from clerk import clock
    from clerk.sync import SyncEngine, TransientError

    assert isinstance(engine, SyncEngine)
    deadline = time.monotonic() + timeout
    while True:
        result = engine.run_once()
        if result.needs_login:
            raise CliError("需要登录平台：python -m clerk login --platform URL --username 用户名（待同步的内容都已保留）")
        if result.pending_due == 0 and result.pending_waiting == 0 and not result.stopped_early:
            break
        if result.unreachable and result.pushed == 0:
            try:
                engine.client.health()
            except TransientError as exc:
                state = engine.state()
                raise CliError(f"平台不可达：{exc.message}（还有 {state.pending} 项待同步，已保留）") from None
        if time.monotonic() > deadline:
            state = engine.state()
            raise CliError(f"同步超时：还有 {state.pending} 项待重试（已保留）；最后的错误：{state.last_error}")
        if result.pending_due and not result.stopped_early:
            continue
        wait = 0.05
        if result.next_attempt_at is not None:
            wait = (result.next_attempt_at - clock.now()).total_seconds()
        time.sleep(min(max(wait, 0.02), max(0.0, deadline - time.monotonic()) + 0.01, 30.0))
    problems = engine.list_problems()
    state = engine.state()
    if result.waiting_for:
        who = "、".join(sorted(result.waiting_for))
        print(f"{result.waiting_items} 项由 {who} 受理，平台只接受本人提交：请 {who} 登录后再同步"
              f"（python -m clerk login --platform URL --username 用户名；内容都已保留）", file=sys.stderr)
        return 1
    if problems:
        for p in problems:
            print(p.line(), file=sys.stderr)
        print(f"同步完成，{len(problems)} 项需要人工处理", file=sys.stderr)
        return 1
    print(f"同步完成：待同步 {state.pending} 项，问题 0 项")
    return 0
