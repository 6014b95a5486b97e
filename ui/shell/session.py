"""Who works at this workstation, on which data: the opened context, the operator, demo or not.

``open_session`` opens the data dir (scrubbed file log first): in demo mode with the demo operator,
otherwise with the cache opened by the data key from the OS keychain and nobody logged in yet (an
Actor without roles) until the login dialog (``ui/security/login.py``) puts the operator in. The
runtimes (sync worker, scan inbox, the demo's embedded platform, the file log) belong to the
AppContext and stop with it (``Session.close``).
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # imported lazily: main.py shows the window before clerk/ is loaded
    from clerk.context import AppContext
    from clerk.security.actor import Actor


@dataclass
class Session:
    """The context, the operator at the window and the demo flag.

    Attributes:
        logged_in: an operator logged in through the login dialog (never in demo mode).
        login: that login's ``LoginResult`` (online or offline, token expiry).
    """

    ctx: AppContext
    actor: Actor
    demo: bool = False
    logged_in: bool = False
    login: Any = None

    def close(self) -> None:
        """Stops the context's runtimes and closes the cache."""
        self.ctx.close()


class _FileLog:
    """The data dir's scrubbed file log, as a runtime of the context (removed when it closes)."""

    def __init__(self, handler: Any) -> None:
        self.handler = handler

    def stop(self) -> None:
        from clerk.security.logfilter import remove_logging

        remove_logging(self.handler)


def demo_dir(given: Path | None) -> Path:
    return given if given is not None else Path(tempfile.gettempdir()) / "window-clerk-demo"


def open_session(data_dir: Path | None, *, demo: bool) -> Session:
    """Opens the data dir. Non-demo: the cache with the data key; raises ``KeyUnavailable`` or
    ``StoreError`` when it cannot be opened (main.py explains them)."""
    from clerk.context import AppContext, default_data_dir
    from clerk.security.actor import Actor, Role
    from clerk.security.logfilter import install_log_scrubber, remove_logging, setup_logging

    directory = (demo_dir(data_dir) if demo else (data_dir or default_data_dir())).expanduser().resolve()
    handler = setup_logging(directory)
    install_log_scrubber()
    try:
        from clerk.security.keys import key_for, open_db_key

        if demo:  # sample data in a temp dir, stored in clear (main.py says so): no keychain needed
            ctx = AppContext.open(directory, key_for=lambda d: key_for(d, plain_new=True))
        else:  # the key is chosen once the dir is ours (clerk.store.lock)
            ctx = AppContext.open(directory, key_for=open_db_key)
    except BaseException:
        remove_logging(handler)
        raise
    ctx.attach(_FileLog(handler))
    if demo:
        actor = Actor("demo", "演示窗口", (Role.CLERK,), window=ctx.settings.window, org_code=ctx.settings.hall.org_code)
        return Session(ctx, actor, demo=True)
    nobody = Actor("", "未登录", (), window=ctx.settings.window, org_code=ctx.settings.hall.org_code)
    return Session(ctx, nobody)
