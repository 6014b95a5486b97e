"""HTTP client of the hall queue API (shared/platform-api.md, "Hall queue"), with typed errors and short time-outs.

Errors (``clerk.queueing.errors``): ``Unreachable`` (no connection or a time-out), ``ServerBusy``
(5xx/408/429), ``NotLoggedIn`` (401), ``IllegalTicketMove`` / ``WindowNotOpen`` (409), ``Rejected``
(other 4xx). Short time-outs keep a dead hall server from holding a clerk up: intake never waits on it.
One client may be used from several threads (requests are serialised by a lock).
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable
from typing import Any

import requests

from clerk.queueing.errors import (
    BookingRefused,
    CheckInRefused,
    IllegalTicketMove,
    NotLoggedIn,
    NotSupported,
    QueueClosed,
    QueueError,
    Rejected,
    ServerBusy,
    Unreachable,
    WindowNotOpen,
)
from clerk.queueing.model import (
    Board,
    Booking,
    DaySlots,
    HallFeatures,
    Priority,
    ServiceInfo,
    Stats,
    Ticket,
    WindowInfo,
    WindowState,
)

API = "/api/v1"
_NO_ROUTE = ("not_found", "unknown_action", "method_not_allowed")
"""Error codes a server gives for a path it does not have (a v1 server asked for a 1.1 feature)."""
_BOOKING = {"slot_full": "该时段已约满，请选择其他时段。", "duplicate_booking": "此人当天已预约过该业务，不能重复预约。"}
_CHECK_IN = {"too_early": "还没到签到时间", "too_late": "预约时段已过，请普通取号", "appointment_not_valid": "预约无效",
             "already_checked_in": "该预约已签到"}
TokenProvider = Callable[[], "str | None"]
DEFAULT_TIMEOUT = (3.0, 10.0)


class HallClient:
    """One hall server (base URL) and the token to use with it."""

    def __init__(self, base_url: str, token_provider: TokenProvider | None = None,
                 timeout: float | tuple[float, float] = DEFAULT_TIMEOUT, *,
                 session: requests.Session | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.token_provider = token_provider or (lambda: None)
        self.timeout = timeout
        self.http = session or requests.Session()
        self.http.headers["User-Agent"] = "window-clerk/1 (queue)"
        self._lock = threading.Lock()
        self._features: HallFeatures | None = None

    def __repr__(self) -> str:
        return f"HallClient({self.base_url!r})"

    def close(self) -> None:
        self.http.close()

    # -- plumbing ----------------------------------------------------------------------------------
    def _request(self, method: str, path: str, *, auth: bool = True, ok: tuple[int, ...] = (200, 201),
                 body: dict[str, Any] | None = None, key: str | None = None,
                 params: dict[str, str] | None = None, feature: str | None = None) -> tuple[int, Any]:
        if not self.base_url:
            raise Unreachable("未设置叫号服务器地址")
        headers: dict[str, str] = {"Idempotency-Key": key} if key else {}
        if auth:
            try:
                token = self.token_provider()
            except QueueError:
                raise
            except Exception as exc:  # the token source (login) failed: treat as not reachable
                raise Unreachable(f"登录叫号服务器失败：{_short(exc)}") from None
            if not token:
                raise NotLoggedIn("没有有效的登录凭据")
            headers["Authorization"] = f"Bearer {token}"
        try:
            with self._lock:
                resp = self.http.request(method, self.base_url + path, headers=headers, json=body,
                                         params=params, timeout=self.timeout)
                raw = resp.content
        except requests.Timeout:
            raise Unreachable("响应超时") from None
        except requests.RequestException as exc:
            raise Unreachable(_short(exc)) from None
        status = resp.status_code
        if status in ok:
            if status == 204 or not raw:
                return status, None
            try:
                return status, json.loads(raw)
            except ValueError:
                raise ServerBusy(status, "响应不是有效的 JSON") from None
        code, message, fields = _error_parts(raw, resp.reason or "")
        if status == 401:
            raise NotLoggedIn(message)
        if status in (408, 429) or status >= 500:
            raise ServerBusy(status, message)
        if feature is not None and status in (404, 405) and code in _NO_ROUTE + ("http_error",):
            raise NotSupported(feature)
        if status == 409 and code == "window_not_open":
            raise WindowNotOpen("本窗口未开放（暂停或关闭），请先开放窗口再叫号。")
        if status == 409 and code == "queue_closed":
            raise QueueClosed(f"暂停取号：{message}")
        if status == 409 and code in _BOOKING:
            raise BookingRefused(code, _BOOKING[code])
        if status == 409 and code in _CHECK_IN:
            at = re.search(r"\b(\d{2}:\d{2})\b", message)
            text = f"{_CHECK_IN[code]}，请于 {at.group(1)} 后签到" if code == "too_early" and at else _CHECK_IN[code]
            raise CheckInRefused(code, text)
        if status == 409:
            raise IllegalTicketMove(f"叫号服务器拒绝了这个操作：{message}")
        if 400 <= status < 500:
            detail = "; ".join(f"{k}: {v}" for k, v in fields.items())
            raise Rejected(status, code, f"叫号服务器拒绝了请求：{message}" + (f"（{detail}）" if detail else ""), fields)
        raise ServerBusy(status, "意外的响应")

    # -- the API -----------------------------------------------------------------------------------
    def health(self) -> dict[str, Any]:
        _, data = self._request("GET", f"{API}/health", auth=False, ok=(200,))
        return dict(data or {})

    def login(self, username: str, password: str, device_id: str) -> str:
        """Logs in (the hall may be its own server); returns the token."""
        _, data = self._request("POST", f"{API}/auth/login", auth=False, ok=(200,),
                                body={"username": username, "password": password, "device_id": device_id})
        return str((data or {})["token"])

    def features(self, *, refresh: bool = False) -> HallFeatures:
        """What the server offers beyond v1 (cached; ``refresh`` asks again, e.g. after an upgrade)."""
        if self._features is None or refresh:
            self._features = HallFeatures.from_health(self.health())
        return self._features

    def require(self, feature: str) -> None:
        """``NotSupported`` when the server does not list ``feature`` (a v1 server lists nothing)."""
        if not self.features().has(feature):
            raise NotSupported(feature)

    def issue_ticket(self, service: str, priority: Priority | str = Priority.NORMAL,
                     appointment_code: str | None = None, phone: str | None = None) -> Ticket:
        body: dict[str, Any] = {"service": service, "priority": Priority(priority).value}
        if appointment_code:
            body["appointment_code"] = appointment_code
        if phone:
            body["phone"] = phone  # 1.1: a v1 server refuses unknown fields, so only when given
        _, data = self._request("POST", f"{API}/queue/tickets", ok=(201,), body=body)
        return Ticket.from_json(data)

    def services(self) -> list[ServiceInfo]:
        """The hall's services with prefixes and waiting counts (1.1)."""
        _, data = self._request("GET", f"{API}/queue/services", ok=(200,), feature="services")
        return [ServiceInfo(str(x["code"]), str(x["prefix"]), str(x.get("name") or x["code"]),
                            int(x.get("waiting") or 0), bool(x.get("bookable")))
                for x in (data or {}).get("services") or ()]

    # -- appointments (1.1) ------------------------------------------------------------------------
    def slots(self, service: str, date: str) -> DaySlots:
        _, data = self._request("GET", f"{API}/queue/slots", ok=(200,), params={"service": service, "date": date},
                                feature="appointments")
        return DaySlots.from_json(data or {})

    def book(self, service: str, date: str, slot: str, name: str, id_number: str, phone: str,
             key: str | None = None) -> Booking:
        """Books a slot; ``BookingRefused`` when full or a duplicate; a retry with ``key`` is the same booking."""
        _, data = self._request("POST", f"{API}/queue/appointments", ok=(200, 201), key=key,
                                body={"service": service, "date": date, "slot": slot, "name": name,
                                      "id_number": id_number, "phone": phone}, feature="appointments")
        return Booking.from_json(data)

    def appointment(self, code: str) -> Booking:
        _, data = self._request("GET", f"{API}/queue/appointments/{code}", ok=(200,), feature="appointments")
        return Booking.from_json(data)

    def appointments(self, date: str, service: str | None = None) -> list[Booking]:
        params = {"date": date, **({"service": service} if service else {})}
        _, data = self._request("GET", f"{API}/queue/appointments", ok=(200,), params=params,
                                feature="appointments")
        return [Booking.from_json(x) for x in (data or {}).get("items") or ()]

    def cancel_appointment(self, code: str) -> Booking:
        _, data = self._request("POST", f"{API}/queue/appointments/{code}/cancel", ok=(200,),
                                feature="appointments")
        return Booking.from_json(data)

    def check_in(self, *, appointment_code: str | None = None, id_number: str | None = None,
                 service: str | None = None) -> Ticket:
        """An appointment ticket for a booking, by its code or the holder's ID number (1.1)."""
        body: dict[str, Any] = {}
        if appointment_code:
            body["appointment_code"] = appointment_code
        if id_number:
            body["id_number"] = id_number
        if service:
            body["service"] = service
        _, data = self._request("POST", f"{API}/queue/check-in", ok=(200, 201), body=body, feature="check-in")
        return Ticket.from_json(data)

    # -- park and call a chosen ticket (1.1) -------------------------------------------------------
    def park(self, ticket_id: int, key: str | None = None) -> Ticket:
        _, data = self._request("POST", f"{API}/queue/tickets/{ticket_id}/park", ok=(200,), key=key, feature="park")
        return Ticket.from_json(data)

    def call_number(self, window: str, ticket_no: str, key: str | None = None) -> Ticket:
        """Calls ``ticket_no`` (parked or waiting) at ``window``; ``IllegalTicketMove`` when another window won."""
        _, data = self._request("POST", f"{API}/queue/windows/{window}/call", ok=(200,), key=key,
                                body={"ticket_no": ticket_no}, feature="call-number")
        return Ticket.from_json(data)

    # -- fallback (人工兜底, 1.1) ------------------------------------------------------------------
    def claim_prefix(self, device_id: str, prefix: str | None = None) -> str:
        body: dict[str, Any] = {"device_id": device_id, **({"prefix": prefix} if prefix else {})}
        _, data = self._request("POST", f"{API}/queue/fallback/prefix", ok=(200,), body=body, feature="fallback")
        return str((data or {})["prefix"])

    def hand_over(self, device_id: str, tickets: list[dict[str, Any]]) -> list[dict[str, Any]]:
        _, data = self._request("POST", f"{API}/queue/fallback/tickets", ok=(200,),
                                body={"device_id": device_id, "tickets": tickets}, feature="fallback")
        return list((data or {}).get("tickets") or ())

    def sms_journal(self, after: int = 0, limit: int = 100) -> dict[str, Any]:
        _, data = self._request("GET", f"{API}/queue/sms", ok=(200,), params={"after": str(after), "limit": str(limit)},
                                feature="sms")
        return dict(data or {})

    def status(self, token: str) -> dict[str, Any]:
        """The ticket's status page data, as its holder sees it (no login)."""
        _, data = self._request("GET", f"{API}/queue/status/{token}", auth=False, ok=(200,), feature="status-page")
        return dict(data or {})

    def get_window(self, window: str) -> WindowInfo:
        _, data = self._request("GET", f"{API}/queue/windows/{window}", ok=(200,))
        return WindowInfo.from_json(data)

    def put_window(self, window: str, services: list[str] | tuple[str, ...], state: WindowState | str) -> WindowInfo:
        _, data = self._request("PUT", f"{API}/queue/windows/{window}", ok=(200,),
                                body={"services": list(services), "state": WindowState(state).value})
        return WindowInfo.from_json(data)

    def call_next(self, window: str, key: str | None = None) -> Ticket | None:
        """The next ticket for this window, now called; None when nobody waits (204).

        ``key`` (1.1, an ``Idempotency-Key``): a retry with the same key gets the ticket the first
        call called, even when that answer was lost.
        """
        status, data = self._request("POST", f"{API}/queue/windows/{window}/call-next", ok=(200, 204), key=key)
        return None if status == 204 or data is None else Ticket.from_json(data)

    def _action(self, ticket_id: int, action: str, body: dict[str, Any] | None = None,
                key: str | None = None) -> Ticket:
        _, data = self._request("POST", f"{API}/queue/tickets/{ticket_id}/{action}", ok=(200,), body=body, key=key)
        return Ticket.from_json(data)

    def recall(self, ticket_id: int, key: str | None = None) -> Ticket:
        return self._action(ticket_id, "recall", key=key)

    def start(self, ticket_id: int, key: str | None = None) -> Ticket:
        return self._action(ticket_id, "start", key=key)

    def finish(self, ticket_id: int, key: str | None = None) -> Ticket:
        return self._action(ticket_id, "finish", key=key)

    def no_show(self, ticket_id: int, key: str | None = None) -> Ticket:
        return self._action(ticket_id, "no-show", key=key)

    def transfer(self, ticket_id: int, *, service: str | None = None, window: str | None = None,
                 key: str | None = None) -> Ticket:
        if (service is None) == (window is None):
            raise ValueError("transfer to a service or to a window (one of them)")
        return self._action(ticket_id, "transfer", {"service": service} if service else {"window": window}, key)

    def get_ticket(self, ticket_id: int) -> Ticket:
        """One ticket of this hall (1.1)."""
        _, data = self._request("GET", f"{API}/queue/tickets/{ticket_id}", ok=(200,))
        return Ticket.from_json(data)

    def find_ticket(self, ticket_no: str) -> Ticket:
        """Today's ticket with this number in this hall (1.1); ``Rejected`` 404 when there is none."""
        _, data = self._request("GET", f"{API}/queue/tickets", ok=(200,), params={"number": ticket_no})
        return Ticket.from_json(data)

    def release(self, ticket_id: int, to: str = "waiting", reason: str = "") -> Ticket:
        """A supervisor releases a ticket stuck in called/serving (1.1; audited on the server)."""
        _, data = self._request("POST", f"{API}/queue/tickets/{ticket_id}/release", ok=(200,),
                                body={"to": to, "reason": reason})
        return Ticket.from_json(data)

    def board(self) -> Board:
        _, data = self._request("GET", f"{API}/queue/board", ok=(200,))
        return Board.from_json(data or {})

    def stats(self) -> Stats:
        _, data = self._request("GET", f"{API}/queue/stats", ok=(200,))
        return Stats.from_json(data or {})


def _error_parts(raw: bytes, reason: str) -> tuple[str, str, dict[str, Any]]:
    try:
        err = json.loads(raw)["error"]
        return str(err.get("code") or "error"), str(err.get("message") or reason), dict(err.get("fields") or {})
    except (ValueError, KeyError, TypeError, AttributeError):
        return "http_error", reason, {}


def _short(exc: BaseException) -> str:
    text = str(exc)
    return text if len(text) <= 120 else text[:117] + "…"
