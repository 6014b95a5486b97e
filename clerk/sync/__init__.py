"""Sync with the platform: the HTTP client, the outbox engine, the background worker and login.

    from clerk.sync import login, make_engine, SyncWorker
    login(ctx, "http://platform", "clerk01", password)      # token → keyring
    worker = SyncWorker(make_engine(ctx)); worker.start()  # … worker.stop() on exit
"""

from __future__ import annotations

from clerk.sync.client import (
    AuthError,
    Conflict,
    PermanentError,
    PlatformClient,
    SyncError,
    TransientError,
)
from clerk.sync.engine import PassResult, Problem, SyncEngine, SyncState
from clerk.sync.session import NotConfigured, current_username, login, logout, make_client, make_engine
from clerk.sync.worker import SyncWorker

__all__ = [
    "AuthError", "Conflict", "NotConfigured", "PassResult", "PermanentError", "PlatformClient", "Problem",
    "SyncEngine", "SyncError", "SyncState", "SyncWorker", "TransientError", "current_username", "login",
    "logout", "make_client", "make_engine",
]
