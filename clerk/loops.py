"""The hall's closed loops through the platform (API 1.1): 差评 rectifications, the 办不成事 ledger, the
hall's case figures. Hall-wide by nature, so online only: an unreachable platform is one line.

    hall = HallLoops(client)           # a clerk.sync.client.PlatformClient with the operator's token
    hall.rectifications(open_only=True)
    hall.rectification_action(7, "callback", said="已电话回访，申请人认可")
    cid = hall.add_complaint("想办个体户注销", matter_code="…", contact="139…")["id"]
    hall.close_complaint(cid, "已协调市场监管局，次日办结")
"""

from __future__ import annotations

import uuid
from typing import Any, Protocol

from clerk.errors import ClerkError
from clerk.intake.validation import check_text
from clerk.sync.client import PermanentError

API = "/api/v1"
RECTIFICATION_STATUS_LABELS = {"open": "待回访", "called_back": "已回访", "rectified": "已整改", "closed": "已办结",
                               "appealed": "申诉中", "voided": "申诉成立"}
COMPLAINT_STATUS_LABELS = {"open": "未销号", "closed": "已销号"}


class LoopsError(ClerkError):
    """A request the platform refused, or one a person got wrong before sending it."""


class _Client(Protocol):
    def _request(self, method: str, path: str, **kw: Any) -> tuple[Any, bytes]: ...

    @staticmethod
    def _json(body: bytes) -> Any: ...


def _clean(value: str, what: str, *, min_length: int = 1, max_length: int = 2000) -> str:
    text, problem = check_text(value or "", max_length=max_length, multiline=True)
    if problem:
        raise LoopsError(f"{what}{problem}")
    if len(text) < min_length:
        raise LoopsError(f"请填写{what}" + (f"（至少 {min_length} 个字）" if min_length > 1 else ""))
    return text


class HallLoops:
    def __init__(self, client: Any) -> None:
        self.client: _Client = client

    def _call(self, method: str, path: str, what: str, **kw: Any) -> Any:
        try:
            _resp, body = self.client._request(method, API + path, **kw)
        except PermanentError as exc:
            if exc.status == 404:
                raise LoopsError(f"平台上没有{what}（或不属于本大厅）") from None
            if exc.status == 403:
                raise LoopsError(f"当前账号无权{what and '操作' + what}（{exc.message}）") from None
            if exc.status == 409:
                raise LoopsError(f"{what}当前状态不允许这样做（{exc.message}）") from None
            fields = "；".join(f"{k}: {v}" for k, v in (exc.fields or {}).items())
            raise LoopsError(f"平台拒绝了请求：{fields or exc.message}") from None
        return self.client._json(body)

    # -- 差评整改 -----------------------------------------------------------------------------------
    def rectifications(self, *, open_only: bool = False, overdue_only: bool = False) -> list[dict[str, Any]]:
        params = {k: "1" for k, on in (("open", open_only), ("overdue", overdue_only)) if on}
        return list(self._call("GET", "/rectifications", "整改事项", params=params)["items"])

    def rectification(self, rid: int) -> dict[str, Any]:
        return dict(self._call("GET", f"/rectifications/{int(rid)}", f"整改事项 {rid}"))

    def rectification_action(self, rid: int, action: str, **body: Any) -> dict[str, Any]:
        for key in ("said", "result", "reason", "note"):
            if key in body:
                body[key] = _clean(body[key], {"said": "回访内容", "result": "整改结果", "reason": "理由",
                                               "note": "说明"}[key], min_length=0 if key == "note" else 2)
        return dict(self._call("POST", f"/rectifications/{int(rid)}/{action}", f"整改事项 {rid}", json=body))

    # -- 办不成事 -----------------------------------------------------------------------------------
    def add_complaint(self, text: str, *, matter_code: str | None = None, reason: str = "", contact: str = "",
                      window: str | None = None, complaint_uuid: str | None = None) -> dict[str, Any]:
        key = complaint_uuid or str(uuid.uuid4())
        doc: dict[str, Any] = {"complaint_uuid": key, "text": _clean(text, "反映的事项", min_length=2),
                               "reason": _clean(reason, "办不成的原因", min_length=0),
                               "contact": _clean(contact, "联系方式", min_length=0, max_length=100)}
        if matter_code:
            doc["matter_code"] = matter_code.strip()
        if window:
            doc["window"] = window
        return dict(self._call("POST", "/complaints", "办不成事", json=doc, headers={"Idempotency-Key": key}))

    def complaints(self, *, open_only: bool = False) -> list[dict[str, Any]]:
        return list(self._call("GET", "/complaints", "办不成事", params={"open": "1"} if open_only else {})["items"])

    def close_complaint(self, cid: int, result: str) -> dict[str, Any]:
        text = _clean(result, "销号结果（办理结果）", min_length=2)
        return dict(self._call("POST", f"/complaints/{int(cid)}/close", f"编号为 {cid} 的办不成事", json={"result": text}))

    def follow_up(self, cid: int, note: str) -> dict[str, Any]:
        return dict(self._call("POST", f"/complaints/{int(cid)}/follow-up", f"编号为 {cid} 的办不成事",
                               json={"note": _clean(note, "跟进情况")}))

    def assign_complaint(self, cid: int, to: str, note: str = "") -> dict[str, Any]:
        return dict(self._call("POST", f"/complaints/{int(cid)}/assign", f"编号为 {cid} 的办不成事",
                               json={"to": to.strip(), "note": _clean(note, "说明", min_length=0)}))

    # -- the hall's figures -------------------------------------------------------------------------
    def hall_figures(self, start: str, end: str) -> dict[str, Any]:
        return dict(self._call("GET", "/stats/cases", "大厅办件统计", params={"from": start, "to": end}))


def hall_loops_for(ctx: Any, *, demo: bool = False, username: str = "", password: str = "demo") -> HallLoops:
    """The closed loops of this workstation's platform: settings + keyring, or in demo mode the
    embedded platform with the demo login (``username``/``password``)."""
    from clerk.sync.client import PlatformClient

    if demo:
        platform = getattr(ctx, "local_platform", None)
        if platform is None or not platform.wait(30) or not platform.url:
            raise LoopsError("演示平台尚未启动")
        url = str(platform.url)
        token: list[str] = []

        def provide() -> str:
            if not token:
                login = PlatformClient(url).login(username, password, ctx.settings.device_id or "demo")
                token.append(login.token)
            return token[0]

        return HallLoops(PlatformClient(url, provide))
    from clerk.sync.session import make_client

    return HallLoops(make_client(ctx))
