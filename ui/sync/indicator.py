"""The sync state in the status bar (online/offline, waiting, parked, last success, needs login) and its menu.

Fed by ``SyncProgress`` events (``clerk.sync.SyncState``, published by the worker thread).
"""

from __future__ import annotations

from typing import Any

from clerk import clock
from ui.qt import QCoreApplication, QMenu, QToolButton, QWidget, Signal

COLOURS = {"online": "#188038", "offline": "#c5221f", "login": "#b06000", "idle": "#5f6368"}


def describe(state: Any) -> tuple[str, str, str]:
    """(text, colour key, tooltip) for a SyncState."""
    if state.needs_login:
        text, key = QCoreApplication.translate("SyncIndicator", "同步：需要重新登录"), "login"
    elif state.online is False:
        text, key = QCoreApplication.translate("SyncIndicator", "同步：离线"), "offline"
    elif state.online is None:
        text, key = QCoreApplication.translate("SyncIndicator", "同步：连接中…"), "idle"
    else:
        text, key = QCoreApplication.translate("SyncIndicator", "同步：在线"), "online"
    if state.pending:
        text += QCoreApplication.translate("SyncIndicator", " · 待上传 %1").replace("%1", str(state.pending))
    elif state.online:
        text += QCoreApplication.translate("SyncIndicator", " · 已全部上传")
    if state.parked:
        text += QCoreApplication.translate("SyncIndicator", " · 问题 %1").replace("%1", str(state.parked))
    tips = []
    if state.last_success_at is not None:
        tips.append(QCoreApplication.translate("SyncIndicator", "上次成功：")
                    + clock.local(state.last_success_at).strftime("%Y-%m-%d %H:%M:%S"))
    else:
        tips.append(QCoreApplication.translate("SyncIndicator", "尚未成功同步"))
    if state.running:
        tips.append(QCoreApplication.translate("SyncIndicator", "正在同步…"))
    if state.next_attempt_at is not None and state.pending:
        tips.append(QCoreApplication.translate("SyncIndicator", "下次尝试：")
                    + clock.local(state.next_attempt_at).strftime("%H:%M:%S"))
    if state.last_error:
        tips.append(QCoreApplication.translate("SyncIndicator", "最后错误：") + state.last_error)
    if state.needs_login:
        tips.append(QCoreApplication.translate("SyncIndicator", "登录已失效：请重新登录，未上传的数据不会丢失"))
    return text, key, "\n".join(tips)


class SyncIndicator(QToolButton):
    """「同步：在线 · 待上传 N · 问题 M」 with a menu: 立即同步, 同步问题…, 重新登录….

    Signals:
        sync_now(): the clerk asked for a pass now.
        problems_requested(): the clerk opened the problems dialog.
        login_requested(): the clerk wants to log in to the platform again.
        state_shown(object): the SyncState now shown.
    """

    sync_now = Signal()
    problems_requested = Signal()
    login_requested = Signal()
    state_shown = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state: Any = None
        self.setObjectName("syncIndicator")
        self.setAutoRaise(True)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self)
        self.sync_action = menu.addAction(self.tr("立即同步"), self.sync_now.emit)
        self.problems_action = menu.addAction(self.tr("同步问题…"), self.problems_requested.emit)
        self.login_action = menu.addAction(self.tr("重新登录平台…"), self.login_requested.emit)
        self.setMenu(menu)
        self.show_unconfigured()

    def show_unconfigured(self) -> None:
        self._paint(self.tr("同步：未接入平台"), "idle", self.tr("未配置政务服务平台地址，或尚未登录平台"))
        self.sync_action.setEnabled(False)
        self.login_action.setVisible(False)

    def show_state(self, state: Any) -> None:
        self.state = state
        text, key, tip = describe(state)
        self._paint(text, key, tip)
        self.sync_action.setEnabled(True)
        self.login_action.setVisible(bool(state.needs_login))
        self.problems_action.setText(self.tr("同步问题（%1）…").replace("%1", str(state.parked)))
        self.state_shown.emit(state)

    def _paint(self, text: str, key: str, tip: str) -> None:
        self.setText("● " + text)
        self.setToolTip(tip)
        self.setStyleSheet(f"QToolButton#syncIndicator {{ color: {COLOURS[key]}; padding: 0 6px; }}"
                           " QToolButton#syncIndicator::menu-indicator { image: none; width: 0; }")
