"""Starting the program in each mode (``main.py``): the session, the login, the window, the demo additions.

- ``run_window``: the window mode — the main window shows at once, the data dir opens in the background,
  an operator logs in (not in demo mode), then the features are installed.
- ``run_field``: the field laptop (上门办) — login first, then the field window.
- ``run_queue_mode``: the hall's screens — 取号机 (kiosk), 叫号大屏 (display), 大厅监管 (supervisor).
"""

from __future__ import annotations

import argparse
import dataclasses
import logging
import os
import sys
import time
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ui.ops import TaskManager
    from ui.shell.session import Session

log = logging.getLogger(__name__)

QUEUE_MODES = ("kiosk", "display", "supervisor")


def _probe(what: str) -> None:
    """bench/startup.py reads these lines (WINDOW_CLERK_STARTUP_PROBE): when shown, when ready."""
    if os.environ.get("WINDOW_CLERK_STARTUP_PROBE"):
        print(f"{what} {time.time():.6f}", flush=True)


def run_window(args: argparse.Namespace, language: str) -> int:
    from ui import app as ui_app
    from ui.qt import QApplication
    from ui.shell.main_window import MainWindow

    qapp = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(qapp, QApplication)
    ui_app.prepare(qapp, language)
    window = MainWindow()  # shown at once; clerk/ (SQLAlchemy, catalog) is opened in the background
    window.showMaximized()  # a window clerk works full screen all day
    _probe("shown")
    opened: list[Session] = []

    def open_session() -> Session:
        from ui.shell.session import open_session as _open

        return _open(args.data_dir, demo=args.demo)

    def ready(session: Session) -> None:
        opened.append(session)
        if not args.demo:  # an operator logs in first (ui/security/login.py); the pages come after
            from ui.security.startup import login_first

            login_first(window, session, on_ready=proceed, on_cancel=lambda: qapp.exit(0))
            if os.environ.get("WINDOW_CLERK_STARTUP_PROBE"):  # bench: the login dialog is up, the clerk can type
                _probe("ready")
                qapp.quit()
            return
        proceed(session)

    def proceed(session: Session) -> None:
        window.set_session(session)
        if args.demo:
            from ui.shell import demo

            demo.start_demo(session)
            demo.seed_if_empty(window)
        if os.environ.get("WINDOW_CLERK_STARTUP_PROBE"):
            _probe("ready")
            qapp.quit()

    def failed(exc: BaseException) -> None:  # no key in the keychain, a cache that will not open …
        from ui import messages
        from ui.security.startup import show_open_failure

        show_open_failure(window, exc)
        print(f"无法打开数据目录 / cannot open the data dir: {messages.describe(exc)}", file=sys.stderr)
        qapp.exit(1)

    from ui.ops import Op

    Op(window, open_session).success(ready).failure(failed).run_in_background()
    try:
        return qapp.exec()
    finally:
        for session in opened:
            session.close()


def field_session(session: Session) -> Session:
    """The same data dir, the operator acting with the field role (上门办 needs ``field_visit``)."""
    from clerk.security.actor import Role

    roles = tuple(dict.fromkeys((*session.actor.roles, Role.FIELD)))
    session.actor = dataclasses.replace(session.actor, roles=roles)
    return session


def field_login(session: Session) -> bool:
    """The field worker logs in before anything shows (offline against the local verifier on a visit)."""
    from ui.security.login import LoginDialog

    dialog = LoginDialog(session.ctx, None)
    if not dialog.exec() or dialog.login_result is None:
        return False
    session.actor = dialog.login_result.actor
    session.logged_in = True
    session.login = dialog.login_result
    return True


def _open_or_explain(args: argparse.Namespace) -> Session | None:
    from clerk.errors import ClerkError
    from ui.shell.session import open_session

    try:
        return open_session(args.data_dir, demo=args.demo)
    except (ClerkError, OSError) as exc:  # a data dir another program owns, no key, a damaged cache …
        from ui import messages

        print(f"无法打开数据目录 / cannot open the data dir: {messages.describe(exc)}", file=sys.stderr)
        return None


def run_field(args: argparse.Namespace) -> int:
    from ui import app as ui_app
    from ui.qt import QApplication
    from ui.shell.field_window import FieldWindow

    session = _open_or_explain(args)
    if session is None:
        return 1
    qapp = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(qapp, QApplication)
    ui_app.prepare(qapp, args.lang or session.ctx.settings.language)
    if not args.demo and not field_login(session):
        session.close()
        return 1
    session = field_session(session)
    if args.demo:
        from ui.shell import demo

        demo.start_demo(session)
    window = FieldWindow(session)
    window.show()
    try:
        return qapp.exec()
    finally:
        session.close()


def build_queue_screen(mode: str, session: Session, tasks: TaskManager) -> Any:
    """The window for a hall mode over ``session`` (kiosk, display or supervisor)."""
    from ui.queue.common import HallAccess

    access = HallAccess.for_context(session.ctx, demo=session.demo, username=session.actor.username)
    settings = session.ctx.settings
    if mode == "kiosk":
        from ui.queue.kiosk import KioskWindow, make_ticket_printer

        try:
            printer = make_ticket_printer(settings.printer_ticket)
        except Exception as exc:  # a bad printer setting: the ticket is shown on screen
            log.warning("ticket printer %r unusable: %s", settings.printer_ticket, exc)
            printer = None
        return KioskWindow(access, settings.hall, tasks, printer)
    if mode == "display":
        from ui.queue.display import DisplayWindow

        return DisplayWindow(access, settings.hall.name, tasks)
    if mode == "supervisor":
        from ui.queue.supervisor import SupervisorWindow

        return SupervisorWindow(access, settings, tasks, settings.hall.name, followup_ctx=session.ctx)
    raise ValueError(f"unknown queue mode {mode!r}")


def run_queue_mode(args: argparse.Namespace) -> int:
    from ui import app as ui_app
    from ui.ops import TaskManager
    from ui.qt import QApplication

    session = _open_or_explain(args)
    if session is None:
        return 1
    qapp = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(qapp, QApplication)
    ui_app.prepare(qapp, args.lang or session.ctx.settings.language)
    tasks = TaskManager()
    if args.demo:
        from ui.shell import demo

        demo.start_demo(session, hall_calls=("W01", "W02", "W03"))
    window = build_queue_screen(args.mode, session, tasks)
    if args.mode == "supervisor":
        window.resize(1600, 900)
        window.show()
    else:
        window.showFullScreen()
    try:
        return int(qapp.exec())
    finally:
        if hasattr(window, "stop"):
            window.stop()
        tasks.wait(5000)
        session.close()
