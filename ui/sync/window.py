"""Puts sync into the main window: the indicator replaces the status bar's sync label; notices over the pages."""

from __future__ import annotations

from typing import Any

from ui.sync.control import SyncControl


def install_sync(window: Any) -> SyncControl:
    control = SyncControl(window, window.session, window.tasks, window.bridge)
    bar = window.statusBar()
    window.sync_label.hide()
    bar.insertPermanentWidget(0, control.indicator)
    control.start_if_configured()
    return control
