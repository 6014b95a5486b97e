"""Start and exit of a secured session: clear Chinese messages when the cache cannot be opened, the
login before the pages are built, and the unsynced-cases warning at exit."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from ui.qt import QMessageBox, Qt, QWidget

if TYPE_CHECKING:
    from clerk.context import AppContext
    from clerk.security.actor import Actor
    from ui.security.login import LoginDialog


class LoginSession(Protocol):
    """What the login before the pages fills in (``ui.shell.session.Session``)."""

    ctx: AppContext
    actor: Actor
    logged_in: bool
    login: Any

log = logging.getLogger(__name__)

TITLE = "综合窗口受理工作台"
_open_notes: list[QMessageBox] = []
"""Exit warnings still on screen after the main window went (kept alive until dismissed)."""


def open_failure_text(exc: BaseException) -> str:
    """What happened and what to do, for a data dir that could not be opened (no traceback)."""
    from clerk.security.keys import KeyUnavailable
    from clerk.store.engine import StoreError
    from ui import messages

    if isinstance(exc, KeyUnavailable | StoreError):
        return (f"本地数据无法打开：{messages.describe(exc)}\n\n"
                "可以这样处理：\n"
                "1. 把旧的数据目录移到别处，重新启动本程序并联网登录，平台上已有的案件和目录会重新同步下来；\n"
                "2. 尚未同步的案件只能用事先导出的恢复文件找回，请联系大厅管理员执行\n"
                "   python -m clerk recovery import 恢复文件 --private-key 管理员私钥.pem\n"
                "详见 docs/security.md（“钥匙串丢失密钥时”）。")
    return f"无法打开数据目录：{messages.describe(exc)}"


def show_open_failure(parent: QWidget | None, exc: BaseException) -> None:
    """A modal error box with ``open_failure_text`` (main.py then exits with status 1)."""
    from ui import messages

    messages.error_box(parent, TITLE, open_failure_text(exc))


def login_first(window: QWidget, session: LoginSession, *, on_ready: Callable[[Any], None],
                on_cancel: Callable[[], None]) -> LoginDialog:
    """Non-demo start: the login dialog over the still empty main window; the pages come after login.

    The logged-in operator becomes ``session.actor``; ``on_ready(session)`` then builds the window.
    """
    from ui.security.login import LoginDialog

    dialog = LoginDialog(session.ctx, window)

    def done(result: Any) -> None:
        session.actor = result.actor
        session.logged_in = True
        session.login = result
        on_ready(session)
        if not result.online and dialog.platform_problem:
            from ui import messages

            messages.info(window, dialog.platform_problem + "，已离线登录", 15000)

    dialog.logged_in.connect(done)
    dialog.rejected.connect(on_cancel)
    dialog.open()
    return dialog


def exit_warning(parent: QWidget | None, ctx: Any) -> QMessageBox | None:
    """At exit: when cases are not yet synced, a non-blocking note with the recovery export command."""
    from clerk.security.recovery import key_loss_risk

    try:
        risk = key_loss_risk(ctx)
    except Exception:  # the store may already be unusable; never block closing
        log.exception("key_loss_risk failed")
        return None
    if risk is None:
        return None
    log.warning("exit with unsynced cases: %s cases, %s items", risk.pending_cases, risk.pending_items)
    box = QMessageBox(QMessageBox.Icon.Information, TITLE, risk.message, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("exitWarning")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowModality(Qt.WindowModality.NonModal)
    _open_notes.append(box)
    box.finished.connect(lambda _r: _open_notes.remove(box) if box in _open_notes else None)
    box.show()
    return box
