"""Who works at this workstation and on what data: the seams login, demo data and the platform plug into.

``open_session`` builds the explicit AppContext: in demo mode with the demo operator, otherwise with
the cache opened by the data key from the OS keychain and no operator yet (an Actor without
roles or permissions) until the login dialog (ui/security/login.py) puts the logged-in Actor in.
"""

from __future__ import annotations

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
    logged_in: bool = False
    """True once an operator logged in through the login dialog (non-demo)."""
    login: Any = None
    """The LoginResult of that login (online, token expiry)."""
    log_handler: Any = None
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
        if self.log_handler is not None:
            from clerk.security.logfilter import remove_logging

            remove_logging(self.log_handler)


def demo_dir(given: Path | None) -> Path:
    return given if given is not None else Path(tempfile.gettempdir()) / "window-clerk-demo"


def open_session(data_dir: Path | None, *, demo: bool) -> Session:
    """Opens the data dir (scrubbed file log first). Non-demo: the cache with the data key; raises
    ``KeyUnavailable`` or ``StoreError`` when it cannot be opened (main.py explains them)."""
    from clerk.context import AppContext, default_data_dir
    from clerk.security.actor import Actor, Role
    from clerk.security.logfilter import install_log_scrubber, setup_logging

    directory = (demo_dir(data_dir) if demo else (data_dir or default_data_dir())).expanduser().resolve()
    handler = setup_logging(directory)
    install_log_scrubber()
    if demo:  # sample data in a temp dir, stored in clear (main.py says so): no keychain needed
        from clerk.security.keys import key_for

        try:
            ctx = AppContext.open(directory, key_for=lambda d: key_for(d, plain_new=True))
        except BaseException:
            from clerk.security.logfilter import remove_logging

            remove_logging(handler)
            raise
        actor = Actor("demo", "演示窗口", (Role.CLERK,), window=ctx.settings.window, org_code=ctx.settings.hall.org_code)
        return Session(ctx, actor, demo=True, log_handler=handler)
    from clerk.security.keys import open_db_key

    try:
        ctx = AppContext.open(directory, key_for=open_db_key)  # the key is chosen once the dir is ours
    except BaseException:
        from clerk.security.logfilter import remove_logging

        remove_logging(handler)
        raise
    nobody = Actor("", "未登录", (), window=ctx.settings.window, org_code=ctx.settings.hall.org_code)
    return Session(ctx, nobody, log_handler=handler)


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


def _seed_hall(session: Session) -> None:
    """An open hall with people waiting, so F2 calls someone straight away (waits for the server thread)."""
    try:
        from ui.queue.common import HallAccess
        from ui.queue.modes import seed_demo_hall

        seed_demo_hall(HallAccess.for_session(session),
                       call_at=tuple(w for w in ("W01", "W02", "W03") if w != session.actor.window))
    except Exception as exc:  # the queue is optional in the demo
        log.warning("demo hall not seeded: %s", exc)


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
            return
        threading.Thread(target=_seed_hall, args=(session,), name="demo-hall", daemon=True).start()

    session._server_thread = threading.Thread(target=run, name="demo-server", daemon=True)
    session._server_thread.start()
