"""ID-card readers: one small interface, three drivers, chosen by a spec string.

=================================  =====================================================================
spec                               driver
=================================  =====================================================================
``termb:/path/libtermb.so[:PORT]``  the vendor SDK via ctypes (``clerk.devices.termb``); PORT 1001 = USB
``http://127.0.0.1:PORT/…``         a vendor's local reader service on loopback (``HttpReader``)
``sim:FILE.json``                   the simulator: a card in the JSON shape of ``idcard read --json``
=================================  =====================================================================

The spec comes from the settings (``devices.idcard_reader``) or ``--driver`` on the command line.
Every driver raises the same errors (``clerk.devices.idcard``): ``NoCard``, ``ReaderUnavailable``,
``ReadFailed``, ``MalformedCard`` — one line in Chinese each.

The local service's protocol (what ``HttpReader`` speaks; a vendor's own service is usually wrapped
by a ten-line adapter to it)::

    POST <url>  {"op": "present"}            → 200 {"present": true|false}
    POST <url>  {"op": "read", "photo": true} → 200 {"card": <card>}   or   {"card": null}  (no card)
    any answer  {"error": {"code": "...", "message": "..."}}          (the reader's own trouble)

``<card>`` is the JSON of ``idcard read --json`` with the photo as ``photo_base64`` (BMP, PNG or
JPEG bytes), or ``{"wz_base64": <the raw 256-byte text block>, "photo_base64": …}`` for a service
that hands the block over undecoded. Plain http is taken only to a loopback address: a card's data
does not cross the network unencrypted.
"""

from __future__ import annotations

import ipaddress
import json
import urllib.parse
from pathlib import Path
from typing import Any, Protocol

from clerk.devices.idcard import (
    IdCard,
    IdCardError,
    MalformedCard,
    NoCard,
    ReaderUnavailable,
    ReadFailed,
    card_from_json,
)
from clerk.devices.termb import USB_PORT, TermbReader


class ReaderSpecError(IdCardError, ValueError):
    """A reader spec this program does not understand."""


class CardReader(Protocol):
    kind: str

    @property
    def spec(self) -> str: ...

    def describe(self) -> str:
        """One line naming the reader (for the device panel)."""
        ...

    def check(self) -> str:
        """Whether the reader can be used now: its description, or ``ReaderUnavailable``."""
        ...

    def present(self) -> bool:
        """True while a card lies on the reader (``ReaderUnavailable`` when the reader is gone)."""
        ...

    def read(self) -> IdCard: ...

    def close(self) -> None: ...


def open_reader(spec: str) -> CardReader:
    """The reader a spec names (nothing is opened yet: the first call does)."""
    spec = (spec or "").strip()
    if not spec:
        raise ReaderSpecError("没有设置身份证阅读器：在设置中填写 devices.idcard_reader，"
                              "或用 --driver termb:/路径/libtermb.so、http://127.0.0.1:端口/… 、sim:文件.json")
    if spec.startswith("termb:"):
        rest = spec[len("termb:"):]
        path, port = rest, USB_PORT
        head, sep, tail = rest.rpartition(":")
        if sep and tail.isdigit():
            path, port = head, int(tail)
        if not path:
            raise ReaderSpecError("termb 读卡器须写明驱动库的路径，如 termb:/opt/reader/libtermb.so:1001")
        if not (1 <= port <= 16 or 1001 <= port <= 1016):
            raise ReaderSpecError(f"读卡器端口 {port} 不对：1–16 为串口，1001–1016 为 USB 口")
        return TermbReader(Path(path).expanduser(), port)
    if spec.startswith(("http://", "https://")):
        return HttpReader(spec)
    if spec.startswith("sim:"):
        if not spec[4:]:
            raise ReaderSpecError("模拟读卡器须写明卡片文件，如 sim:card.json")
        return SimReader(Path(spec[4:]).expanduser())
    raise ReaderSpecError(f"不认识的读卡器“{spec[:40]}”：应为 termb:…、http://… 或 sim:…")


# -- the local service --------------------------------------------------------------------------------------
class HttpReader:
    """A vendor's reader service on this computer, spoken to in the JSON described above."""

    kind = "http"

    def __init__(self, url: str, *, timeout_s: float = 8.0) -> None:
        parsed = urllib.parse.urlsplit(url)
        if parsed.scheme == "http" and not _loopback(parsed.hostname or ""):
            raise ReaderSpecError(f"本地读卡服务 {parsed.hostname} 不在本机：明文 http 只能连本机（127.0.0.1），其他地址请用 https")
        if not parsed.hostname:
            raise ReaderSpecError(f"读卡服务地址“{url[:60]}”不完整")
        self.url = url
        self.timeout_s = timeout_s
        import requests

        self._http = requests.Session()
        self._http.trust_env = False  # never through a proxy: the card's data stays on this machine

    @property
    def spec(self) -> str:
        return self.url

    def describe(self) -> str:
        return f"本地读卡服务（{urllib.parse.urlsplit(self.url).netloc}）"

    def check(self) -> str:
        self.present()
        return self.describe()

    def present(self) -> bool:
        return bool(self._post({"op": "present"}).get("present"))

    def read(self) -> IdCard:
        reply = self._post({"op": "read", "photo": True})
        if "card" not in reply:
            raise MalformedCard("读卡服务的回答中没有 card")
        if reply["card"] is None:
            raise NoCard()
        return card_from_json(reply["card"])

    def close(self) -> None:
        self._http.close()

    def _post(self, body: dict[str, Any]) -> dict[str, Any]:
        import requests

        try:
            r = self._http.post(self.url, json=body, timeout=self.timeout_s)
        except requests.Timeout:
            raise ReaderUnavailable(f"本地读卡服务 {self.timeout_s:.0f} 秒无响应（{self.describe()}）") from None
        except requests.RequestException:
            raise ReaderUnavailable(f"连不上本地读卡服务（{self.describe()}）：请确认读卡器厂商的服务程序已启动") from None
        try:
            data = r.json()
        except ValueError:
            data = None
        if isinstance(data, dict) and isinstance(data.get("error"), dict):
            code = str(data["error"].get("code") or "")
            message = str(data["error"].get("message") or code)[:120]
            if code == "no_card":
                raise NoCard()
            if code in ("read_failed", "card_moved"):
                raise ReadFailed(f"读卡失败：{message}")
            raise ReaderUnavailable(f"读卡服务报告：{message}")
        if r.status_code != 200 or not isinstance(data, dict):
            raise ReaderUnavailable(f"本地读卡服务的回答无法识别（HTTP {r.status_code}）")
        return data


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


# -- the simulator ------------------------------------------------------------------------------------------
class SimReader:
    """A card from a JSON file (demo mode, tests): the card lies on the reader while the file exists.

    The file holds one card (the shape of ``idcard read --json``; ``photo`` a picture next to it), or
    ``null`` for an empty reader.
    """

    kind = "sim"

    def __init__(self, path: Path) -> None:
        self.path = path

    @property
    def spec(self) -> str:
        return f"sim:{self.path}"

    def describe(self) -> str:
        return f"模拟读卡器（{self.path.name}）"

    def check(self) -> str:
        if not self.path.parent.is_dir():
            raise ReaderUnavailable(f"模拟读卡器的文件夹 {self.path.parent} 不存在")
        return self.describe()

    def present(self) -> bool:
        try:
            return self._load() is not None
        except (NoCard, MalformedCard):
            return self.path.exists()

    def read(self) -> IdCard:
        data = self._load()
        if data is None:
            raise NoCard(f"模拟读卡器：{self.path.name} 中没有卡")
        return card_from_json(data, base_dir=self.path.parent)

    def _load(self) -> Any:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise NoCard(f"模拟读卡器：文件 {self.path} 不存在") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise MalformedCard(f"模拟读卡器的文件 {self.path.name} 无法读取（{exc}）") from None
        try:
            return json.loads(text)
        except ValueError as exc:
            raise MalformedCard(f"模拟读卡器的文件 {self.path.name} 不是有效的 JSON（{exc}）") from None

    def close(self) -> None:
        pass


__all__ = ["CardReader", "HttpReader", "ReaderSpecError", "SimReader", "TermbReader", "open_reader"]
