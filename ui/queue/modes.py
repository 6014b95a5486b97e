"""``main.py --mode kiosk|display|supervisor``: opens the session and the queue screen for the mode."""

from __future__ import annotations

import argparse
import logging
import sys
from typing import Any

from ui.queue.common import HallAccess

log = logging.getLogger(__name__)
QUEUE_MODES = ("kiosk", "display", "supervisor")


def seed_demo_hall(access: HallAccess, *, call_at: tuple[str, ...] = ("W01", "W02", "W03")) -> None:
    """Demo only: four windows and a few tickets on an empty hall, so every screen has something to show.

    ``call_at``: windows that call their first ticket (the window demo leaves the clerk's own W01 idle).
    """
    from clerk.queueing import Priority, WindowState

    client = access.client()
    if client.stats().windows:
        return
    client.put_window("W01", ["intake"], WindowState.OPEN)
    client.put_window("W02", ["intake", "consult"], WindowState.OPEN)
    client.put_window("W03", ["pickup"], WindowState.OPEN)
    client.put_window("W04", ["intake"], WindowState.PAUSED)
    for service, priority in [("intake", Priority.NORMAL)] * 6 + [("intake", Priority.ELDERLY),
                                                                   ("pickup", Priority.NORMAL),
                                                                   ("consult", Priority.NORMAL)] * 2:
        client.issue_ticket(service, priority)
    for win in call_at:
        client.call_next(win)


def build(mode: str, session: Any, tasks: Any) -> Any:
    """The window for ``mode`` over ``session`` (ui.session.Session)."""
    access = HallAccess.for_session(session)
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


def run_mode(args: argparse.Namespace) -> int:
    from clerk.errors import ClerkError
    from ui import app as ui_app
    from ui.qt import QApplication
    from ui.session import open_session, start_demo_server
    from ui.tasks import Tasks

    try:
        session = open_session(args.data_dir, demo=args.demo)
    except (ClerkError, OSError) as exc:  # a data dir another program owns, no key, a damaged cache …
        print(f"无法打开数据目录 / cannot open the data dir: {exc}", file=sys.stderr)
        return 1
    qapp = QApplication.instance() or QApplication(sys.argv[:1])
    ui_app.prepare(qapp, args.lang or session.ctx.settings.language)
    tasks = Tasks()
    if args.demo:
        start_demo_server(session)
    window = build(args.mode, session, tasks)
    if args.demo:
        access = window.access
        tasks.run(lambda: seed_demo_hall(access), on_failure=lambda e: log.warning("demo hall: %s", e))
    if args.mode == "supervisor":
        window.resize(1600, 900)
        window.show()
    else:
        window.showFullScreen()
    try:
        return qapp.exec()
    finally:
        window.stop() if hasattr(window, "stop") else None
        tasks.wait(5000)
        session.close()
