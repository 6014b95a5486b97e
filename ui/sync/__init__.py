"""Sync in the window: the status-bar indicator, the problems dialog, case-update notices, re-login.

``install(shell)`` puts the indicator first in the status bar and starts the context's sync worker when
a platform URL and a stored token exist (the worker itself belongs to the AppContext).
"""

from __future__ import annotations

from ui.shell import Shell
from ui.sync.control import SyncControl

__all__ = ["SyncControl", "install"]


def install(shell: Shell) -> SyncControl:
    control = SyncControl(shell)
    control.start_if_configured()
    return control
