"""Command line: serve the platform and hall API (one process or several workers), migrate the
database, add operators, change passwords, move cases, book appointments, read the audit, release
stuck tickets. Global options may also come from a TOML file (``--config``, or
``$BACKOFFICE_CONFIG``; keys are the long option names, e.g. ``db``, ``workers``,
``data-key-file``); the command line wins. Errors end in one line and exit 2."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from backoffice.config import Config, FaultSpec


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m backoffice", description="Reference platform and hall server")
    p.add_argument("--config", type=Path, default=None, metavar="FILE",
                   help="TOML file with these options (keys: db, workers, data-key-file …); else $BACKOFFICE_CONFIG")
    p.add_argument("--db", default="sqlite:///backoffice.db", help="sqlite:///PATH or postgresql+psycopg://…")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8700)
    p.add_argument("--access-log", action="store_true", help="log every request (uvicorn's access log)")
    p.add_argument("--workers", type=int, default=1, metavar="N",
                   help="worker processes (shared state in the database: use PostgreSQL for N > 1)")
    p.add_argument("--db-pool", type=int, default=None, metavar="N",
                   help="PostgreSQL connections per process (default 70 for one process, 16 per worker)")
    p.add_argument("--metrics-token-file", type=Path, default=None, metavar="FILE",
                   help="bearer token that may read /metrics (else loopback clients only)")
    p.add_argument("--metrics-dir", type=Path, default=None, metavar="DIR",
                   help="prometheus multiprocess dir with several workers (default: $RUNTIME_DIRECTORY or a temp dir)")
    p.add_argument("--workstation-version", default=None, metavar="VERSION",
                   help="the workstation version this hall rolls out (the update check of the health reply)")
    p.add_argument("--workstation-minimum", default=None, metavar="VERSION",
                   help="workstations older than this are told the update is required")
    p.add_argument("--workstation-note", default="", metavar="TEXT", help="shown with the update notice")
    p.add_argument("--stale-after", type=float, default=600.0, metavar="SECONDS",
                   help="a workstation not reporting for this long shows as stale")
    p.add_argument("--files-dir", type=Path, default=None, help="where case files are stored")
    p.add_argument("--catalog-dir", type=Path, default=None, help="catalog (default: the shipped forms/)")
    p.add_argument("--faults", default="", help="e.g. drop=0.2,error500=0.1,slow=0.1,error429=0.05")
    p.add_argument("--auto-advance", type=float, default=None, metavar="SECONDS",
                   help="move each case one step along after SECONDS")
    p.add_argument("--token-ttl", type=int, default=12 * 3600, metavar="SECONDS", help="token lifetime")
    p.add_argument("--data-key-file", type=Path, default=None,
                   help="32-byte key (base64) for case data at rest; else $BACKOFFICE_DATA_KEY_FILE")
    p.add_argument("--at-rest", choices=("encrypt", "disk"), default="encrypt",
                   help="encrypt (needs the key) or disk (the hall encrypts the disk; data stored in clear)")
    p.add_argument("--release-stuck-after", type=float, default=120.0, metavar="MINUTES",
                   help="tickets called/served longer than this are released (0: never)")
    p.add_argument("--release-stuck-to", choices=("waiting", "no_show"), default="waiting")
    p.add_argument("--login-max-failures", type=int, default=5, metavar="N", help="failed logins per username")
    p.add_argument("--login-window", type=int, default=300, metavar="SECONDS")
    p.add_argument("--hall-config", type=Path, default=None, metavar="FILE",
                   help="hall settings (JSON): hours, lunch, slots, closing rule, SMS (docs/api.md)")
    p.add_argument("--sms-gateway", default=None, metavar="MODULE:FACTORY",
                   help="the SMS plug-in: a callable returning an object with send(phone, message) "
                        "(default: log only, nothing is sent)")
    sub = p.add_subparsers(dest="command")
    sub.add_parser("serve", help="serve the API (the default); migrates the database first")
    mg = sub.add_parser("migrate", help="bring the database to this version's schema (Alembic), then exit")
    mg.add_argument("--to", default=None, metavar="REVISION",
                    help="downgrade (or upgrade) to this revision instead of the newest, e.g. before a rollback")
    mg.add_argument("--status", action="store_true", help="print the database's revision and this version's")
    cu = sub.add_parser("create-user", help="add an operator")
    cu.add_argument("username")
    cu.add_argument("--role", action="append", required=True,
                    help="clerk, supervisor, field, admin, kiosk, booking (repeat or comma)")
    cu.add_argument("--password", default=None, help="else $BACKOFFICE_PASSWORD, else asked")
    cu.add_argument("--display-name", default=None)
    cu.add_argument("--windows", default="", help="W01,W02")
    cu.add_argument("--org", default="")
    cu.add_argument("--replace", action="store_true", help="overwrite an existing operator")
    sp = sub.add_parser("set-password", help="change an operator's password (revokes their tokens)")
    sp.add_argument("username")
    sp.add_argument("--password", default=None, help="else $BACKOFFICE_PASSWORD, else asked")
    de = sub.add_parser("deactivate", help="lock an operator out (revokes their tokens)")
    de.add_argument("username")
    gk = sub.add_parser("gen-key", help="write a new data key file (0600) for --data-key-file")
    gk.add_argument("path", type=Path)
    au = sub.add_parser("audit", help="print the platform's audit (denials and privileged actions)")
    au.add_argument("--limit", type=int, default=50)
    au.add_argument("--org", default=None)
    rl = sub.add_parser("release-stuck", help="release tickets stuck in called/serving now (audited)")
    rl.add_argument("--older-than", type=float, default=None, metavar="MINUTES")
    adv = sub.add_parser("advance", help="move a case to a status (simulated back office)")
    adv.add_argument("case_uuid")
    adv.add_argument("status")
    adv.add_argument("--note", default=None)
    adv.add_argument("--matter", action="append", default=None, metavar="MATTER_CODE",
                     help="move this matter only (API 1.1 cases; again for several; default: every matter that may)")
    dt_ = sub.add_parser("device-token", help="a long-lived token for a kiosk account (printed once)")
    dt_.add_argument("username", help="an operator with the role kiosk")
    dt_.add_argument("device_id", help="the kiosk's name, e.g. kiosk-hall-1")
    sub.add_parser("close-day", help="apply the hall's closing rule now to every day that is over")
    ap = sub.add_parser("add-appointment", help="book an appointment for the hall queue")
    ap.add_argument("code")
    ap.add_argument("service")
    ap.add_argument("--date", default=None, help="YYYY-MM-DD (default today)")
    ap.add_argument("--name", default="")
    from backoffice.licences import register_cli

    register_cli(sub)
    return p


class UsageError(ValueError):
    """A bad argument: one line, exit 2."""


CONFIG_ENV = "BACKOFFICE_CONFIG"


def parse_args(argv: list[str]) -> argparse.Namespace:
    """Arguments over the TOML config file's values over the defaults."""
    parser = _parser()
    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument("--config", type=Path, default=None)
    known, _ = pre.parse_known_args(argv)
    path = known.config or (Path(os.environ[CONFIG_ENV]) if os.environ.get(CONFIG_ENV) else None)
    if path is not None:
        parser.set_defaults(**_config_file(parser, path))
    return parser.parse_args(argv)


def _config_file(parser: argparse.ArgumentParser, path: Path) -> dict[str, object]:
    import tomllib

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise UsageError(f"cannot read the config file {path}: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"the config file {path} is not valid TOML: {exc}") from None
    options = {a.dest: a for a in parser._actions if a.option_strings and a.dest not in ("help", "config")}
    values: dict[str, object] = {}
    for key, value in data.items():
        dest = key.replace("-", "_")
        if dest not in options:
            raise UsageError(f"{path}: unknown setting {key!r} (settings: "
                             f"{', '.join(sorted(d.replace('_', '-') for d in options))})")
        action = options[dest]
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise UsageError(f"{path}: {key} must be a string or a number")
        values[dest] = value if isinstance(value, str) or action.type in (int, float) else str(value)
    return values


def _config(args: argparse.Namespace) -> Config:
    from backoffice.crypto import load_key_file

    if not 1 <= args.port <= 65535:
        raise UsageError(f"--port must be 1..65535, not {args.port}")
    if args.token_ttl < 60:
        raise UsageError("--token-ttl must be at least 60 seconds")
    if args.release_stuck_after < 0 or args.login_max_failures < 1 or args.login_window < 1:
        raise UsageError("--release-stuck-after ≥ 0, --login-max-failures ≥ 1 and --login-window ≥ 1")
    if not 1 <= args.workers <= 64:
        raise UsageError(f"--workers must be 1..64, not {args.workers}")
    if args.db_pool is not None and not 2 <= args.db_pool <= 500:
        raise UsageError(f"--db-pool must be 2..500, not {args.db_pool}")
    if args.workers > 1 and args.db.startswith("sqlite"):
        raise UsageError("several workers need a database server: --db postgresql+psycopg://… "
                         "(SQLite serialises writers inside one process only)")
    files_dir = args.files_dir
    if files_dir is None:
        files_dir = Path(args.db.removeprefix("sqlite:///") + ".files") if args.db.startswith("sqlite:///") \
            else Path("backoffice-files")
    key_file = args.data_key_file or (Path(os.environ["BACKOFFICE_DATA_KEY_FILE"])
                                      if os.environ.get("BACKOFFICE_DATA_KEY_FILE") else None)
    key = load_key_file(key_file) if key_file is not None else None
    metrics_token = None
    if args.metrics_token_file is not None:
        try:
            metrics_token = args.metrics_token_file.read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise UsageError(f"cannot read the metrics token file {args.metrics_token_file}: "
                             f"{exc.strerror or exc}") from None
        if len(metrics_token) < 16:
            raise UsageError(f"the metrics token in {args.metrics_token_file} is shorter than 16 characters")
    from backoffice.hall import HallConfig, load_hall_config

    hall = load_hall_config(args.hall_config) if args.hall_config else HallConfig()
    gateway = None
    if args.sms_gateway:
        import importlib

        module, _, attr = args.sms_gateway.partition(":")
        try:
            gateway = getattr(importlib.import_module(module), attr or "make_gateway")()
        except (ImportError, AttributeError, TypeError) as exc:
            raise UsageError(f"--sms-gateway {args.sms_gateway}: {exc}") from None
        if not callable(getattr(gateway, "send", None)):
            raise UsageError(f"--sms-gateway {args.sms_gateway} gave no object with send(phone, message)")
    return Config(
        db_url=args.db, files_dir=files_dir, catalog_dir=args.catalog_dir, faults=FaultSpec.parse(args.faults),
        auto_advance_s=args.auto_advance, token_ttl_s=args.token_ttl, data_key=key, at_rest=args.at_rest,
        stuck_after_s=args.release_stuck_after * 60 or None, stuck_to=args.release_stuck_to,
        login_max_failures=args.login_max_failures, login_window_s=args.login_window,
        metrics_token=metrics_token, workstation_version=args.workstation_version,
        workstation_minimum=args.workstation_minimum, workstation_note=args.workstation_note,
        stale_after_s=args.stale_after,
        db_pool=args.db_pool or (70 if args.workers <= 1 else 16), hall=hall, sms_gateway=gateway,
    )


def _password(args: argparse.Namespace) -> str:
    if args.password:
        return str(args.password)
    env = os.environ.get("BACKOFFICE_PASSWORD")
    if env:
        return env
    if not sys.stdin.isatty():
        raise ValueError("no password: give --password, set BACKOFFICE_PASSWORD or run in a terminal")
    first = getpass.getpass("Password: ")
    if first != getpass.getpass("Again: "):
        raise ValueError("the passwords differ")
    return first


def run(argv: list[str]) -> int:
    args = parse_args(argv)
    if args.command == "gen-key":
        from backoffice.crypto import generate_key_file

        try:
            generate_key_file(args.path)
        except FileExistsError:
            raise UsageError(f"{args.path} exists; a key is never overwritten (cases encrypted with it)") from None
        print(f"data key written to {args.path} (keep a copy apart from the database backups)")
        return 0
    config = _config(args)
    command = args.command or "serve"
    if command == "serve":
        from backoffice.serve import serve

        return serve(config, args, argv)
    if command == "migrate":
        return _migrate(config, args)
    import json

    from backoffice import auth, authz, queue, workflow
    from backoffice.app import open_context
    from backoffice.db import User

    if command in ("set-password", "deactivate"):
        password = _password(args) if command == "set-password" else ""
        ctx = open_context(config)
        with ctx.db.write() as s:
            if command == "set-password":
                revoked = auth.set_password(s, args.username, password)
            else:
                auth.set_active(s, args.username, False)
                revoked = -1
        authz.record(ctx, username="(admin cli)", org_code="", roles=("admin",), action=command,
                     target=args.username, outcome="done")
        print(f"operator {args.username}: {command} done" + (f", {revoked} token(s) revoked" if revoked >= 0 else ""))
        return 0
    if command == "audit":
        ctx = open_context(config)
        from sqlalchemy import select

        from backoffice.db import AuditEntry

        with ctx.db.read() as s:
            q = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(args.limit)
            if args.org is not None:
                q = q.where(AuditEntry.org_code == args.org)
            for e in reversed(s.scalars(q).all()):
                print(f"{ctx.iso(e.ts)}\t{e.username or '-'}\t{e.org_code or '-'}\t{e.outcome}\t{e.status}\t"
                      f"{e.action}\t{e.target}\t{e.reason}")
        return 0
    if command == "release-stuck":
        if args.older_than is not None:
            config.stuck_after_s = args.older_than * 60
        ctx = open_context(config)
        released = queue.release_stuck(ctx)
        print(f"{len(released)} ticket(s) released" + (f": {', '.join(released)}" if released else ""))
        return 0
    if command == "create-user":
        password = _password(args)
        ctx = open_context(config)
        roles = [r.strip() for chunk in args.role for r in chunk.split(",") if r.strip()]
        windows = [w.strip() for w in args.windows.split(",") if w.strip()]
        with ctx.db.write() as s:
            auth.create_user(s, args.username, password, roles, args.display_name, windows, args.org, args.replace)
        print(f"operator {args.username} ({', '.join(roles)}) saved")
        return 0
    if command == "advance":
        ctx = open_context(config)
        try:
            status, moved = workflow.advance(ctx, args.case_uuid, args.status, args.note, args.matter)
        except KeyError:
            raise ValueError(f"no case {args.case_uuid}") from None
        if moved:
            print(f"case {args.case_uuid}: {', '.join(moved)} now {args.status}; the case is {status}")
        else:
            print(f"case {args.case_uuid} is now {status}")
        return 0
    if command == "device-token":
        ctx = open_context(config)
        with ctx.db.write() as s:
            user = s.get(User, args.username)
            if user is None or "kiosk" not in json.loads(user.roles):
                raise UsageError(f"{args.username} is not an operator with the role kiosk "
                                 "(create-user NAME --role kiosk --org ORG)")
            token = auth.issue_device_token(s, args.username, args.device_id, ctx.now_ts(),
                                            config.device_token_ttl_days * 86400.0)
        authz.record(ctx, username="(admin cli)", org_code=user.org_code, roles=("admin",), action="device-token",
                     target=f"{args.username} on {args.device_id}", outcome="done")
        print(token)
        print(f"device token for {args.username} on {args.device_id}, valid {config.device_token_ttl_days} days; "
              "give it to the kiosk: CLERK_KIOSK_TOKEN=… python -m clerk queue enroll --hall URL", file=sys.stderr)
        return 0
    if command == "close-day":
        from backoffice import hallday

        ctx = open_context(config)
        counts = hallday.close_days(ctx)
        print(f"closing rule {config.hall.at_closing}: {counts['carried']} carried, {counts['closed']} closed, "
              f"{counts['missed_appointments']} appointments missed")
        return 0
    if command == "add-appointment":
        ctx = open_context(config)
        day = args.date or config.clock.today().isoformat()
        queue.create_appointment(ctx, args.code, args.service, day, args.name)
        print(f"appointment {args.code} for {args.service} on {day} booked")
        return 0
    from backoffice.licences import CLI_COMMANDS, run_cli

    if command in CLI_COMMANDS:
        return run_cli(open_context(config), args)
    raise UsageError(f"unknown command {command}")


def _migrate(config: Config, args: argparse.Namespace) -> int:
    from backoffice import schema
    from backoffice.db import Database

    db = Database(config.db_url)
    try:
        if args.status:
            print(f"database: {schema.current_revision(db) or '(none)'}; this version: {schema.HEAD}")
            drift = schema.drift(db) if schema.current_revision(db) == schema.HEAD else []
            for line in drift:
                print(f"drift: {line}")
            return 1 if drift else 0
        if args.to:
            print(f"database schema: {schema.migrate_to(db, args.to)}")
            return 0
        print(f"database schema: {schema.prepare(db)}")
    finally:
        db.dispose()
    return 0


def main() -> None:
    try:
        code = run(sys.argv[1:])
    except KeyboardInterrupt:
        code = 130
    except Exception as exc:  # one line for a person, never a traceback
        message = " ".join(str(exc).split()) if str(exc) else type(exc).__name__
        print(f"backoffice: error: {message}", file=sys.stderr)
        code = 2
    sys.exit(code)


if __name__ == "__main__":
    main()
