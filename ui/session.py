"""Who works at this workstation and on what data: the seams login, demo data and the platform plug into.

``open_session`` builds the explicit AppContext and the logged-in Actor. Until
``clerk/security/operators.py`` (login, offline login) lands, a non-demo session acts as the OS user
with the clerk role; the login dialog will replace ``_local_actor`` and nothing else.
"""

from __future__ import annotations

import getpass
import logging
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # imported lazily: main.py shows the window before clerk/ is loaded
    from clerk.context import AppContext
    from clerk.security.actor import Actor

log = logging.getLogger(__name__)

DEMO_CASES = 30


@dataclass
class Session:
    ctx: AppContext
    actor: Actor
    demo: bool = False
    server: Any = None
    """The embedded platform server in demo mode (backoffice.embedded.EmbeddedServer) once started."""
    server_error: str = ""
    sync_worker: Any = None
    """The running clerk.sync.SyncWorker (demo: started after the embedded server; else by ui.sync)."""
    _server_thread: threading.Thread | None = field(default=None, repr=False)

    def close(self) -> None:
        if self._server_thread is not None:
            self._server_thread.join(30)
        if self.sync_worker is not None:
            self.sync_worker.stop()
        if self.server is not None:
            try:
                self.server.stop()
            except Exception:  # shutting down anyway
                log.exception("embedded server did not stop cleanly")
        self.ctx.close()


def demo_dir(given: Path | None) -> Path:
    return given if given is not None else Path(tempfile.gettempdir()) / "window-clerk-demo"


def open_session(data_dir: Path | None, *, demo: bool) -> Session:
    from clerk.context import AppContext
    from clerk.security.actor import Actor, Role

    ctx = AppContext.open(demo_dir(data_dir) if demo else data_dir)
    if demo:
        _cover_unknown_years(ctx)
        actor = Actor("demo", "演示窗口", (Role.CLERK,), window=ctx.settings.window, org_code=ctx.settings.hall.org_code)
        return Session(ctx, actor, demo=True)
    return Session(ctx, _local_actor(ctx))


def _cover_unknown_years(ctx: AppContext) -> None:
    """Demo only: a year chinese-calendar does not know yet counts weekdays as working days.

    Real halls get next year's holidays and make-up days from the platform's catalog; without them
    a due date reaching into that year cannot be computed (clerk raises CalendarGap).
    """
    import datetime as dt

    import chinese_calendar

    from clerk.catalog.schema import HolidayYear

    known = max(chinese_calendar.constants.holidays).year
    years = {str(y): HolidayYear() for y in range(known + 1, dt.date.today().year + 3)
             if str(y) not in ctx.catalog.holidays}
    if years:
        ctx.replace_catalog(ctx.catalog.model_copy(update={"holidays": {**ctx.catalog.holidays, **years}}))


def _local_actor(ctx: AppContext) -> Actor:
    from clerk.security.actor import Actor, Role

    try:
        user = getpass.getuser()
    except Exception:  # no user name in the environment
        user = "clerk"
    return Actor(user, user, (Role.CLERK,), window=ctx.settings.window, org_code=ctx.settings.hall.org_code)


def needs_demo_cases(ctx: AppContext) -> bool:
    from clerk.intake.search import CaseQuery

    _, total = ctx.intake.search(CaseQuery(limit=1))
    return total == 0


def seed_demo_cases(ctx: AppContext, actor: Actor, count: int = DEMO_CASES, seed: int = 7) -> int:
    """~30 realistic cases (mostly accepted, some notified, a few drafts) on a first demo run."""
    from clerk.demo import DemoPeople, take_demo_case

    people = DemoPeople(seed)
    scans: dict[str, bytes] = {}
    for _ in range(count):
        r = people.rng.random()
        outcome = "accept" if r < 0.8 else "notify" if r < 0.93 else "draft"
        take_demo_case(ctx, actor, people, outcome=outcome, scans=scans)
    return count


def start_demo_server(session: Session) -> None:
    """Starts backoffice's embedded server (if that component is installed) on a free loopback port, in the background."""
    try:
        from backoffice.embedded import start_server
    except ImportError as exc:
        session.server_error = f"backoffice not available: {exc}"
        return
    base = session.ctx.paths.data_dir / "platform"
    base.mkdir(exist_ok=True)

    def run() -> None:
        try:
            session.server = start_server(f"sqlite:///{base / 'platform.sqlite3'}", base / "files", port=0)
            session.server.create_user("demo", "demo", roles=["clerk"], display_name="演示窗口",
                                       windows=[session.actor.window])
        except Exception as exc:  # demo mode works without the server
            log.warning("embedded server did not start: %s", exc)
            session.server_error = str(exc)
            return
        try:
            from ui.sync.runner import demo_login, start_worker

            demo_login(session.ctx, session.server.url, "demo", "demo")  # token → keyring, URL → settings
            session.sync_worker = start_worker(session.ctx)
        except Exception as exc:  # no keychain …: the demo works offline
            log.warning("demo sync not started: %s", exc)
            session.server_error = f"sync: {exc}"

    session._server_thread = threading.Thread(target=run, name="demo-server", daemon=True)
    session._server_thread.start()
