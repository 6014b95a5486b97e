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
from typing import Any, NoReturn

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
    "clerk.cli.health_cmd",
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


def open_context(args: argparse.Namespace, *, read_only: bool = False) -> Any:
    """The data dir of ``--data-dir`` as the command needs it.

    Read-only commands (lists, searches, checks) open the cache ``mode=ro`` without taking ownership,
    so they also work while the workstation has the data dir open, on a read-only medium, and never
    create a data dir or a key. Every other command owns the data dir while it runs (a second
    process is refused with one line naming the owner). A cache is opened as it is — a plain one
    (the demo's) stays plain until ``store encrypt`` — and a new one is encrypted.
    """
    from clerk.context import AppContext
    from clerk.security.keys import key_for

    return AppContext.open(args.data_dir, read_only=read_only,
                           key_for=lambda d: key_for(d, read_only=read_only))


class OneLineParser(argparse.ArgumentParser):
    """Argument mistakes as one line on stderr (not argparse's usage block), exit 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: 参数错误：{message}（{self.prog} -h 查看用法）\n")


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(prog="python -m clerk", description="窗口受理工作站命令行 / window-clerk workstation CLI")
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


def _os_error_line(exc: OSError) -> str:
    import errno

    where = f"：{exc.filename}" if exc.filename else ""
    if exc.errno == errno.ENOSPC:
        return f"磁盘已满{where}，刚才的操作没有完成；请清理磁盘空间后重试"
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return f"没有写权限或介质只读{where}（{exc.strerror}）：请检查数据目录的权限"
    return f"文件读写失败{where}（{exc.strerror or type(exc).__name__}）"


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
    except BrokenPipeError:
        return 0
    except OSError as exc:  # a full disk, a read-only medium … met outside the database: one line, exit 2
        print(_os_error_line(exc), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("已中断", file=sys.stderr)
        return 130
