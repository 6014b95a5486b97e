"""Typed errors of the hall queue client; ``message`` is plain Chinese a person may read."""

from __future__ import annotations

from typing import Any

from clerk.errors import ClerkError


class QueueError(ClerkError):
    """Base of the queue errors."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class Unreachable(QueueError):
    """No answer from the hall server (down, network cut, time-out). Intake goes on without it."""

    def __init__(self, detail: str = "") -> None:
        super().__init__("无法连接叫号服务器，排队叫号暂不可用；受理业务不受影响，可继续办理。"
                         + (f"（{detail}）" if detail else ""))
        self.detail = detail


class ServerBusy(QueueError):
    """5xx / 429 / 408: the server is there but could not answer now; try again shortly."""

    def __init__(self, status: int, detail: str = "") -> None:
        super().__init__(f"叫号服务器暂时无法处理（{status}），请稍后再试。" + (f"（{detail}）" if detail else ""))
        self.status = status


class NotLoggedIn(QueueError):
    """401 or no token: someone has to log in to the hall server again."""

    def __init__(self, detail: str = "") -> None:
        super().__init__("叫号服务器要求重新登录。" + (f"（{detail}）" if detail else ""))


class Rejected(QueueError):
    """A 4xx the same request will always get (bad service, bad appointment code …)."""

    def __init__(self, status: int, code: str, message: str, fields: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.fields = dict(fields or {})


class IllegalTicketMove(QueueError):
    """The ticket's state does not allow that move (refused locally, or 409 from the server)."""

    def __init__(self, message: str, *, state: str | None = None, move: str | None = None) -> None:
        super().__init__(message)
        self.state = state
        self.move = move


class WindowNotOpen(QueueError):
    """Call-next at a window that is paused or closed."""


class NoCurrentTicket(QueueError):
    """A move on the current ticket when the window has none."""

    def __init__(self) -> None:
        super().__init__("本窗口当前没有排队号，请先叫号。")


class NotSupported(QueueError):
    """The hall server does not offer this (a v1 server, or one without the feature): hide it."""

    def __init__(self, feature: str) -> None:
        super().__init__(f"叫号服务器不支持“{FEATURE_LABELS.get(feature, feature)}”（服务器版本较旧），"
                         "此功能暂不可用。")
        self.feature = feature


FEATURE_LABELS = {"appointments": "预约", "park": "暂挂", "call-number": "指定叫号", "fallback": "应急取号对账",
                  "check-in": "预约签到", "services": "业务列表", "status-page": "排队进度页", "sms": "短信提醒"}


class QueueClosed(QueueError):
    """The hall does not issue tickets now (outside hours, over lunch, a closed day); message from the server."""


class BookingRefused(QueueError):
    """A booking the hall refuses: the slot is full, the person already has one, the day cannot be booked."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


class CheckInRefused(QueueError):
    """An appointment that cannot be checked in now (too early, too late, cancelled, unknown)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


class FallbackUnavailable(QueueError):
    """The hall server cannot be reached and this device has no fallback range (人工兜底号段)."""

    def __init__(self, detail: str = "") -> None:
        super().__init__("无法连接叫号服务器，且本机未设置应急号段（python -m clerk queue enroll），无法取号。"
                         "请引导群众到服务台人工登记。" + (f"（{detail}）" if detail else ""))
