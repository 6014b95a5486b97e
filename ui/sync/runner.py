"""Starting and stopping the sync worker for a session (plain Python: used by ui.session's demo start too).

    if configured(ctx): worker = start_worker(ctx)   # … worker.stop() on exit
"""

from __future__ import annotations

import logging
from typing import Any

log = logging.getLogger(__name__)

DEMO_USER, DEMO_PASSWORD = "demo", "demo"


def configured(ctx: Any) -> bool:
    """A platform URL is set and the keyring holds a token of the last logged-in username."""
    from clerk.security import credentials
    from clerk.sync import current_username

    url = ctx.settings.platform_url
    user = current_username(ctx) if url else None
    try:
        return bool(url and user and credentials.get_stored(url, user) is not None)
    except Exception as exc:  # no keychain: sync stays off, the clerk works offline  # noqa: BLE001
        log.warning("sync not started: %s", exc)
        return False


def start_worker(ctx: Any, *, interval_s: float = 60.0) -> Any:
    """A started ``SyncWorker`` over a keyring-backed engine for the context's platform."""
    from clerk.sync import SyncWorker, make_engine

    worker = SyncWorker(make_engine(ctx), interval_s=interval_s)
    worker.start()
    return worker


def demo_login(ctx: Any, url: str, username: str = DEMO_USER, password: str = DEMO_PASSWORD) -> None:
    """Logs the demo user in on the embedded server: token to the keyring, URL to settings."""
    from clerk.sync import login

    login(ctx, url, username, password)


def engine_of(session: Any) -> Any:
    """The running worker's engine, else a fresh one (problems view before/without a worker)."""
    worker = getattr(session, "sync_worker", None)
    if worker is not None:
        return worker.engine
    from clerk.sync import make_engine

    return make_engine(session.ctx)
