"""The ``python -m clerk`` command line: one sub-command module per area, each with ``register()``.

Errors a person can cause end in a one-line reason on stderr and exit 2, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from clerk.errors import ClerkError

COMMAND_MODULES = [
    "clerk.cli.catalog_cmd",
    "clerk.cli.intake_cmd",
    "clerk.cli.demo_cmd",
    "clerk.cli.store_cmd",
    "clerk.cli.notice_cmd",
    "clerk.cli.sync_cmd",
    "clerk.cli.security_cmd",
    "clerk.cli.field_cmd",
    "clerk.cli.case_cmd",
    "clerk.cli.assist_cmd",
    "clerk.cli.queue_cmd",
]


class CliError(ClerkError):
    """A problem to report as lines on stderr with exit code ``code``."""

    def __init__(self, *lines: str, code: int = 2) -> None:
        super().__init__("\n".join(lines))
        self.lines = lines
        self.exit_code = code


Handler = Callable[[argparse.Namespace], int]


def add_data_dir(p: argparse.ArgumentParser) -> None:
    p.add_argument("--data-dir", type=Path, default=None, help="data directory (default: the user data dir)")


def open_context(args: argparse.Namespace) -> Any:
    from clerk.context import AppContext
    from clerk.security.keys import KeyUnavailable, open_db_key
    from clerk.settings import SettingsError
    from clerk.store import StoreError

    try:
        data_dir = args.data_dir
        return AppContext.open(data_dir, db_key=open_db_key(data_dir))
    except (StoreError, SettingsError, KeyUnavailable) as exc:
        raise CliError(str(exc)) from exc


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m clerk", description="窗口受理工作站命令行 / window-clerk workstation CLI")
    parser.add_argument("-v", "--verbose", action="store_true")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                continue  # an area not built yet
            raise
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    from clerk.security.logfilter import install_log_scrubber

    install_log_scrubber()  # no full ID number, phone or token in any log line
    handler: Handler = args.handler
    try:
        return handler(args)
    except CliError as exc:
        for line in exc.lines:
            print(line, file=sys.stderr)
        return exc.exit_code
    except ClerkError as exc:  # every error of the core a person can cause: one line, exit 2
        print(exc.one_line(), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("已中断", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
