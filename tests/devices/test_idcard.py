"""The GA 467 text block, the JSON shape, the simulator and the local-service driver (a real HTTP
server on loopback)."""

from __future__ import annotations

import base64
import datetime as dt
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from clerk.devices.idcard import (
    NATIONS,
    CardType,
    IdCard,
    MalformedCard,
    NoCard,
    ReaderUnavailable,
    ReadFailed,
    card_from_json,
    encode_text_block,
    parse_text_block,
)
from clerk.devices.readers import HttpReader, SimReader, open_reader
from tests.helpers.devices import card, photo_bmp, sim_file


def test_all_56_nations_and_the_other_codes() -> None:
    assert len([c for c in NATIONS if int(c) <= 56]) == 56 and NATIONS["97"] == "其他" and NATIONS["98"] == "外国血统"
    assert not any(name.endswith("族") for name in NATIONS.values())  # the short names a card prints
    for code, name in NATIONS.items():
        block = bytearray(encode_text_block(card()))
        block[32:36] = code.encode("utf-16-le")
        assert parse_text_block(bytes(block)).nation == name, code
    block = bytearray(encode_text_block(card()))
    block[32:36] = "60".encode("utf-16-le")
    with pytest.raises(MalformedCard, match="民族代码“60”不在 GB 3304 中"):
        parse_text_block(bytes(block))


def test_the_fields_at_their_offsets() -> None:
    c = card(name="欧阳娜娜", sex="女", nation="回", valid_to=None)
    block = encode_text_block(c)
    assert len(block) == 256
    assert block[0:30].decode("utf-16-le").rstrip() == "欧阳娜娜"
    assert block[30:32].decode("utf-16-le") == "2"
    assert block[32:36].decode("utf-16-le") == "03"
    assert block[36:52].decode("utf-16-le") == "19880314"
    assert block[122:158].decode("utf-16-le") == c.id_number
    assert block[204:220].decode("utf-16-le").rstrip() == "长期"
    assert block[248:250] == b" \x00"
    assert parse_text_block(block) == c
    assert parse_text_block(b"\xff\xfe" + block) == c  # a byte-order mark in front


def _with(block: bytes, start: int, text: str) -> bytes:
    raw = bytearray(block)
    enc = text.encode("utf-16-le")
    raw[start:start + len(enc)] = enc
    return bytes(raw)


@pytest.mark.parametrize(("mutate", "message"), [
    (lambda b: b[:255], "只有 255 字节"),
    (lambda b: b + "x".encode("utf-16-le") * 4, "不是 256 字节"),
    (lambda b: _with(b, 248, "Q"), "不认识的证件类型标识“Q”"),
    (lambda b: _with(b, 30, "3"), "性别代码"),
    (lambda b: _with(b, 36, "19880231"), "19880231 不是存在的日期"),
    (lambda b: _with(b, 188, "2018-5-2"), "有效期起始日期”应为 8 位日期"),
    (lambda b: _with(b, 140, "9"), "证件号码"),
    (lambda b: _with(b, 36, "19880315"), "出生日期与证件号码中的不一致"),
    (lambda b: _with(b, 30, "2"), "性别与证件号码中的不一致"),
    (lambda b: _with(b, 0, "\u202e"), "格式字符"),
    (lambda b: b[:10] + b"\x00\xd8" + b[12:], "无法解码"),
    (lambda b: _with(b, 204, "20100101"), "截止日期早于起始日期"),
])
def test_a_malformed_block_is_refused_in_one_line(mutate: Any, message: str) -> None:
    with pytest.raises(MalformedCard, match=message) as info:
        parse_text_block(mutate(encode_text_block(card())))
    assert "\n" not in str(info.value) and str(info.value).startswith("证件信息无法识别：")


def test_residence_permit_numbers_and_markers_must_agree() -> None:
    permit = card(card_type=CardType.HK_MACAO_TAIWAN, nation=None, region="830000", pass_number="12345678")
    assert parse_text_block(encode_text_block(permit)).id_number.startswith("830000")
    resident_marker = bytearray(encode_text_block(permit))
    resident_marker[248:250] = b" \x00"
    resident_marker[32:36] = "01".encode("utf-16-le")
    with pytest.raises(MalformedCard, match="证件类型标识却是居民身份证"):
        parse_text_block(bytes(resident_marker))
    with pytest.raises(MalformedCard, match="应以 810000、820000 或 830000 开头"):
        parse_text_block(encode_text_block(card(card_type=CardType.HK_MACAO_TAIWAN, nation=None)))


def test_a_retired_region_code_is_a_valid_card() -> None:
    got = parse_text_block(encode_text_block(card(region="110104", birth_date=dt.date(1955, 6, 1))))  # 宣武区
    assert got.id_number.startswith("110104")


def test_foreign_permanent_residence_cards_both_editions() -> None:
    old = IdCard(card_type=CardType.FOREIGN_PERMANENT, name="史密斯", sex="男", nation=None,
                 birth_date=dt.date(1970, 7, 4), address="", id_number="USA110070070401", issuer="1100",
                 valid_from=dt.date(2016, 1, 1), valid_to=dt.date(2026, 1, 1), english_name="SMITH, JOHN",
                 nationality="USA")
    block = encode_text_block(old)
    assert block[248:250] == "I".encode("utf-16-le")
    got = parse_text_block(block)
    assert got == old and got.id_type == "foreign_permanent_residence" and got.as_json()["nation"] is None
    new = IdCard(card_type=CardType.FOREIGN_PERMANENT, name="玛丽", sex="女", nation=None,
                 birth_date=dt.date(1985, 2, 3), address="", id_number="933156198502030025", issuer="",
                 valid_from=dt.date(2023, 12, 1), valid_to=dt.date(2033, 12, 1),
                 english_name="MARTIN DUBOIS, MARIE CLAIRE ANTOINETTE LOUISE", nationality="FRA")
    block = encode_text_block(new)
    assert block[248:250] == "Y".encode("utf-16-le")
    assert parse_text_block(block) == new  # an English name longer than 35 characters continues at 220
    with pytest.raises(MalformedCard, match="国籍代码"):
        parse_text_block(_with(block, 242, "fr1"))


def test_the_json_shape_round_trips_and_is_checked(tmp_path: Path) -> None:
    c = card(nation="壮", valid_to=None)
    data = c.as_json(None)
    assert data["nation"] == "壮" and data["valid_to"] is None and data["photo"] is None
    assert card_from_json(data) == c
    assert card_from_json({**data, "nation": "壮族"}).nation == "壮"  # the long name a service may send
    assert card_from_json({"wz_base64": base64.b64encode(encode_text_block(c)).decode()}) == c
    for bad, message in [({**data, "sex": "M"}, "sex"), ({**data, "birth_date": "1988/03/14"}, "birth_date"),
                         ({**data, "card_type": "passport"}, "card_type"), ({**data, "colour": 1}, "不认识的项目"),
                         ({**data, "nation": None}, "应有民族"), ([data], "JSON 对象"),
                         ({**data, "photo_base64": "!!"}, "base64"),
                         ({**data, "photo_base64": base64.b64encode(b"GIF89a").decode()}, "照片无法解码")]:
        with pytest.raises(MalformedCard, match=message):
            card_from_json(bad, base_dir=tmp_path)


# -- the simulator ------------------------------------------------------------------------------------------
def test_the_simulator(tmp_path: Path) -> None:
    path = sim_file(tmp_path / "card.json", card(name="刘洋", sex="女"), photo=photo_bmp())
    reader = open_reader(f"sim:{path}")
    assert isinstance(reader, SimReader) and reader.present()
    got = reader.read()
    assert got.name == "刘洋" and got.photo_png is not None and got.photo_png.startswith(b"\x89PNG")
    sim_file(path, None)
    assert not reader.present()
    with pytest.raises(NoCard):
        reader.read()
    path.unlink()
    with pytest.raises(NoCard, match="不存在"):
        reader.read()
    path.write_text("{broken", encoding="utf-8")
    with pytest.raises(MalformedCard, match="不是有效的 JSON"):
        reader.read()


# -- the local service --------------------------------------------------------------------------------------
class FakeService:
    """A vendor's reader service on loopback speaking the documented protocol; ``card`` is what lies on it."""

    def __init__(self) -> None:
        self.card: dict[str, Any] | None = None
        self.error: dict[str, str] | None = None
        self.requests: list[dict[str, Any]] = []
        service = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's name
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                service.requests.append(body)
                if self.path != "/api/card":
                    reply, status = {"error": {"code": "not_found", "message": "没有这个接口"}}, 404
                elif service.error is not None:
                    reply, status = {"error": service.error}, 200
                elif body.get("op") == "present":
                    reply, status = {"present": service.card is not None}, 200
                else:
                    reply, status = {"card": service.card}, 200
                raw = json.dumps(reply).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/api/card"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()


@pytest.fixture
def service() -> Iterator[FakeService]:
    s = FakeService()
    yield s
    s.stop()


def test_the_local_service_driver(service: FakeService) -> None:
    reader = open_reader(service.url)
    assert isinstance(reader, HttpReader)
    try:
        assert reader.present() is False
        with pytest.raises(NoCard):
            reader.read()
        c = card(name="阿依古丽·买买提", nation="维吾尔", sex="女", region="650102")
        service.card = {**c.as_json(None), "photo": None,
                        "photo_base64": base64.b64encode(photo_bmp()).decode("ascii")}
        assert reader.present() is True
        got = reader.read()
        assert got == c and got.photo_png is not None and got.photo_png.startswith(b"\x89PNG")
        assert service.requests[-1] == {"op": "read", "photo": True}
        service.card = {"wz_base64": base64.b64encode(encode_text_block(c)[:200]).decode()}
        with pytest.raises(MalformedCard, match="只有 200 字节"):
            reader.read()
        service.error = {"code": "card_moved", "message": "读卡过程中卡片被移开"}
        with pytest.raises(ReadFailed, match="卡片被移开"):
            reader.read()
        service.error = {"code": "device_missing", "message": "未找到读卡器"}
        with pytest.raises(ReaderUnavailable, match="未找到读卡器"):
            reader.check()
    finally:
        reader.close()
    wrong = open_reader(service.url.replace("/api/card", "/nope"))
    with pytest.raises(ReaderUnavailable, match="没有这个接口"):
        wrong.read()


def test_a_local_service_that_is_not_running() -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    reader = open_reader(f"http://127.0.0.1:{port}/api/card")
    with pytest.raises(ReaderUnavailable, match="连不上本地读卡服务"):
        reader.read()


def test_cli_with_the_local_service(service: FakeService) -> None:
    import subprocess
    import sys

    service.card = card(name="格桑", nation="藏", region="540102").as_json(None)
    r = subprocess.run([sys.executable, "-m", "clerk", "idcard", "read", "--driver", service.url, "--json"],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["nation"] == "藏" and json.loads(r.stdout)["photo"] is None
    service.card = None
    r = subprocess.run([sys.executable, "-m", "clerk", "idcard", "read", "--driver", service.url],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 2 and r.stderr.strip() == "读卡器上没有身份证：请把证件平放在读卡器上再读"
