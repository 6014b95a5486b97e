"""Everything the demo mode (``main.py --demo``) adds, in one place: the embedded platform, its login and
sync, an open hall with people waiting, and ~30 sample cases on a first run.

The platform is the back office's demo entry point (``backoffice/demo.py``, imported only here, only in
demo mode; ``clerk/`` never imports the server); it is a runtime of the AppContext and stops with it.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from clerk.context import AppContext
    from clerk.queueing import HallClient
    from clerk.security.actor import Actor
    from ui.shell import Shell
    from ui.shell.session import Session

log = logging.getLogger(__name__)

DEMO_CASES = 30
DEMO_USER, DEMO_PASSWORD = "demo", "demo"


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


def seed_demo_hall(client: HallClient, *, call_at: tuple[str, ...] = ("W01", "W02", "W03")) -> None:
    """Four windows and a few tickets on an empty hall, so every queue screen has something to show.

    ``call_at``: windows that call their first ticket (the window demo leaves the clerk's own idle).
    """
    from clerk.queueing import Priority, WindowState

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


def seed_demo_visits(ctx: AppContext) -> int:
    """Two prepared home visits (上门办) for the field demo, when the laptop has none yet."""
    import datetime as dt

    from clerk import clock, field
    from clerk.demo import DemoPeople

    if field.visits(ctx):
        return 0
    people = DemoPeople(23)
    today = clock.today()
    items = []
    for i, (bundle, address, note) in enumerate((
            ("retirement", "道里区友谊路 128 号 3 单元 501 室", "行动不便的老人，家属陪同"),
            ("disability_services", "道里区安静街 9 号 2 单元 102 室", "肢体残疾，需上门采集材料"))):
        person = people.person()
        items.append({"visit_uuid": f"00000000-0000-4000-8000-00000000000{i + 1}", "bundle_code": bundle,
                      "applicant": {k: person[k] for k in ("name", "id_type", "id_number", "phone") if k in person},
                      "address": address, "note": note,
                      "scheduled_for": dt.datetime.combine(today, dt.time(9 + 2 * i, 30), clock.zone()).isoformat()})
    field.store_visits(ctx, items, operator=DEMO_USER)
    return len(items)


def demo_hall_client(ctx: AppContext, username: str = DEMO_USER) -> HallClient:
    """A hall client for the demo's embedded platform (waits for it to start), logged in as the demo user."""
    from clerk.queueing.access import local_platform_client

    return local_platform_client(ctx, username, DEMO_PASSWORD)


class _Starter:
    """The demo's start-up thread, as a runtime: closing the context waits for it first."""

    def __init__(self, thread: threading.Thread) -> None:
        self.thread = thread

    def stop(self) -> None:
        self.thread.join(30)


def start_demo(session: Session, *, hall_calls: tuple[str, ...] | None = None) -> None:
    """Starts the embedded platform (if backoffice is installed) on a free loopback port, then in the
    background: the demo login (token → keyring, URL → settings), the sync worker, the demo hall."""
    ctx, actor = session.ctx, session.actor
    try:
        from backoffice.demo import start_demo_platform
    except ImportError as exc:  # the demo works without the back office
        log.warning("demo without a platform: %s", exc)
        return
    platform = start_demo_platform(ctx.paths.data_dir, actor.window or ctx.settings.window)
    ctx.use_local_platform(platform)
    calls = hall_calls if hall_calls is not None else tuple(w for w in ("W01", "W02", "W03") if w != actor.window)

    def run() -> None:
        if not platform.wait(30) or not platform.url:
            return
        try:
            from clerk.sync import login

            login(ctx, platform.url, DEMO_USER, DEMO_PASSWORD)
            ctx.start_sync()
        except Exception as exc:  # no keychain …: the demo works offline
            log.warning("demo sync not started: %s", exc)
        try:
            seed_demo_hall(demo_hall_client(ctx, actor.username), call_at=calls)
        except Exception as exc:  # the queue is optional in the demo
            log.warning("demo hall not seeded: %s", exc)

    thread = threading.Thread(target=run, name="demo-start", daemon=True)
    ctx.attach(_Starter(thread))
    thread.start()


def seed_if_empty(shell: Shell) -> None:
    """First demo run: ~30 sample cases written in the background; the lists reload afterwards."""
    from ui import messages
    from ui.events import CasesChanged
    from ui.ops import Op
    from ui.qt import QCoreApplication

    ctx, actor = shell.ctx, shell.actor

    def job() -> int:
        return seed_demo_cases(ctx, actor) if needs_demo_cases(ctx) else 0

    def done(n: int) -> None:
        if n:
            messages.info(shell.widget, QCoreApplication.translate("MainWindow", "已生成 %n 件演示案件", "", n))
            shell.events.publish(CasesChanged())

    Op(shell.widget, job).success(done).run_in_background()
