"""The login dialog (登录): online through the platform when it answers, else offline against the
verifier recorded at the last online login; also used for 切换操作员 (operator switch)."""

from __future__ import annotations

import re
from typing import Any

from ui import messages
from ui.ops import Op, TaskManager
from ui.qt import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)

PRIMARY = ("QPushButton { background: #1f4e8c; color: #ffffff; border: 1px solid #1f4e8c; font-weight: bold;"
           " padding: 6px 22px; } QPushButton:hover { background: #2f6fba; }"
           " QPushButton:disabled { background: #9fb3c8; border-color: #9fb3c8; }")
WINDOW_CODE = re.compile(r"^[A-Z0-9]{1,8}$")


class _NoticingLogin:
    """The platform login that also notes why the platform could not be reached (then offline follows)."""

    def __init__(self, call: Any, notice: list[str] | None) -> None:
        self.call, self.notice = call, notice

    def __call__(self, username: str, password: str) -> dict[str, Any]:
        from clerk.security.operators import PlatformUnavailable

        try:
            return dict(self.call(username, password))
        except PlatformUnavailable as exc:
            if self.notice is not None:
                self.notice.append(messages.describe(exc))
            raise


def operator_service(ctx: Any, notice: list[str] | None = None) -> Any:
    """The OperatorService of ``ctx``: online via the platform when ``settings.platform_url`` is set.

    ``notice`` collects the reason when the platform could not be reached (the service then logs in
    offline), so the dialog can say so.
    """
    from clerk.sync.online import platform_login

    online = _NoticingLogin(platform_login(ctx), notice) if ctx.settings.platform_url else None
    return ctx.operators(online=online)


class LoginDialog(QDialog):
    """Username, password and window code; the service's Chinese message on failure.

    Attributes:
        login_result: the ``LoginResult`` once logged in.
        platform_problem: why the platform could not be reached on the last try ("" if it answered).

    Signals:
        logged_in(object): the ``LoginResult`` (actor, online, token, expires_at).
    """

    logged_in = Signal(object)

    def __init__(self, ctx: Any, parent: QWidget | None = None, *, switch_from: Any = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.switch_from = switch_from
        self.login_result: Any = None
        self._closed = False
        self.platform_problem = ""
        self.tasks = TaskManager(self) if parent is None else None
        """Its own threads only when it has no window to use (the field laptop logs in before any window)."""
        self.setObjectName("loginDialog")
        self.setWindowTitle(self.tr("切换操作员") if switch_from is not None else self.tr("操作员登录"))
        self.setModal(True)
        self.setMinimumWidth(460)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(28, 24, 28, 20)
        lay.setSpacing(14)
        title = QLabel(self.tr("切换操作员") if switch_from is not None else self.tr("综合窗口受理工作台"), self)
        title.setObjectName("loginTitle")
        title.setStyleSheet("font-size: 18pt; font-weight: bold;")
        lay.addWidget(title)
        hall = QLabel(ctx.settings.hall.name, self)
        hall.setObjectName("loginHall")
        lay.addWidget(hall)
        form = QFormLayout()
        form.setSpacing(10)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.username = QLineEdit(self)
        self.username.setObjectName("loginUsername")
        self.username.setPlaceholderText(self.tr("工号或用户名"))
        self.password = QLineEdit(self)
        self.password.setObjectName("loginPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.window_code = QLineEdit(ctx.settings.window, self)
        self.window_code.setObjectName("loginWindow")
        self.window_code.setMaxLength(8)
        self.window_code.setPlaceholderText("W01")
        for w in (self.username, self.password, self.window_code):
            w.setMinimumHeight(32)
            w.returnPressed.connect(self.submit)
        form.addRow(self.tr("用户名"), self.username)
        form.addRow(self.tr("密码"), self.password)
        form.addRow(self.tr("窗口号"), self.window_code)
        lay.addLayout(form)
        url = ctx.settings.platform_url
        self.mode_label = QLabel(
            (self.tr("联网登录：") + url) if url else self.tr("未配置平台地址：使用本机记录的密码离线登录"), self)
        self.mode_label.setObjectName("loginMode")
        self.mode_label.setWordWrap(True)
        self.mode_label.setStyleSheet("color: #5b6573;")
        lay.addWidget(self.mode_label)
        self.error = QLabel(self)
        self.error.setObjectName("loginError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c0392b; font-weight: bold;")
        self.error.hide()
        lay.addWidget(self.error)
        buttons = QDialogButtonBox(self)
        self.login_button = QPushButton(self.tr("登录"), self)
        self.login_button.setObjectName("loginButton")
        self.login_button.setDefault(True)
        self.login_button.setMinimumWidth(96)
        self.login_button.setStyleSheet(PRIMARY)
        self.login_button.clicked.connect(self.submit)
        buttons.addButton(self.login_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(self.tr("取消") if switch_from is not None else self.tr("退出"),
                                   QDialogButtonBox.ButtonRole.RejectRole)
        cancel.clicked.connect(self.reject)
        lay.addWidget(buttons)
        self.username.setFocus()

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def submit(self) -> None:
        if not self.login_button.isEnabled():
            return
        username, password = self.username.text().strip(), self.password.text()
        code = self.window_code.text().strip().upper()
        if not username or not password:
            self.show_error(self.tr("请输入用户名和密码"))
            (self.username if not username else self.password).setFocus()
            return
        if not WINDOW_CODE.match(code):
            self.show_error(self.tr("窗口号应为 1–8 位大写字母或数字，例如 W03"))
            self.window_code.setFocus()
            return
        self.ctx.settings.window = code  # this session's window (the actor's window comes from it)
        notice: list[str] = []
        service = operator_service(self.ctx, notice)
        current = self.switch_from

        def job() -> Any:
            if current is not None:
                return service.switch(current, username, password)
            return service.login(username, password)

        self.login_button.setEnabled(False)
        self.error.setText(self.tr("正在登录…"))
        self.error.setStyleSheet("color: #5b6573;")
        self.error.show()
        Op(self, job).success(lambda r: self._done(r, notice)).failure(lambda e: self._failed(e, notice)).run_in_background()

    def _done(self, result: Any, notice: list[str]) -> None:
        if self._closed:  # cancelled while the login ran: keep the old operator
            return
        self.platform_problem = notice[0] if notice else ""
        self.login_result = result
        self.password.clear()
        self.logged_in.emit(result)
        self.accept()

    def _failed(self, exc: BaseException, notice: list[str]) -> None:
        from clerk.security.operators import LoginError, UnknownOperator

        if self._closed:
            return
        self.platform_problem = notice[0] if notice else ""
        self.login_button.setEnabled(True)
        self.error.setStyleSheet("color: #c0392b; font-weight: bold;")
        if isinstance(exc, LoginError):
            message = messages.describe(exc)
            if self.platform_problem and isinstance(exc, UnknownOperator):
                message = self.platform_problem + "。\n" + message
        else:
            message = self.tr("登录失败：") + messages.describe(exc)
        self.show_error(message)
        self.password.clear()
        self.password.setFocus()

    def done(self, r: int) -> None:  # Qt override: a login still running is ignored once closed
        self._closed = True
        super().done(r)
