"""``main.py --mode field``: opens the session as a field worker (上门办) and shows the field window."""

from __future__ import annotations

import dataclasses
import logging
import sys
from typing import Any

log = logging.getLogger(__name__)


def field_session(session: Any) -> Any:
    """The same data dir, the operator acting with the field role (上门办 needs ``field_visit``)."""
    from clerk.security.actor import Role

    roles = tuple(dict.fromkeys((*session.actor.roles, Role.FIELD)))
    session.actor = dataclasses.replace(session.actor, roles=roles)
    return session


def login(session: Any) -> bool:
    """The field worker logs in before anything shows (offline against the local verifier on a visit)."""
    from ui.security.login import LoginDialog

    dialog = LoginDialog(session.ctx, None)
    if not dialog.exec() or dialog.login_result is None:
        return False
    session.actor = dialog.login_result.actor
    session.logged_in = True
    session.login = dialog.login_result
    return True


def run_field(args: Any) -> int:
    from clerk.errors import ClerkError
    from ui import app as ui_app
    from ui.field.window import FieldWindow
    from ui.qt import QApplication
    from ui.session import open_session, start_demo_server

    try:
        session = open_session(args.data_dir, demo=args.demo)
    except (ClerkError, OSError) as exc:  # a data dir another program owns, no key, a damaged cache …
        print(f"无法打开数据目录 / cannot open the data dir: {exc}", file=sys.stderr)
        return 1
    qapp = QApplication.instance() or QApplication(sys.argv[:1])
    ui_app.prepare(qapp, args.lang or session.ctx.settings.language)
    if not args.demo and not login(session):
        session.close()
        return 1
    session = field_session(session)
    if args.demo:
        start_demo_server(session)
    window = FieldWindow(session)
    window.show()
    try:
        return qapp.exec()
    finally:
        session.close()
