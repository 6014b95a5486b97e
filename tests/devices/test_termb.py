"""The real ctypes termb driver against a fake vendor SDK compiled from C (tests/devices/fake_termb.c).

The library runs in the driver's child process, in a private working directory; every test here
goes through that path: InitComm → Authenticate → Read_Content writing wz.txt and zp.bmp → the
driver reading, wiping and parsing them.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from clerk import clock
from clerk.devices.idcard import (
    CardType,
    MalformedCard,
    NoCard,
    ReaderUnavailable,
    ReadFailed,
    encode_text_block,
)
from clerk.devices.readers import ReaderSpecError, open_reader
from clerk.devices.termb import TermbReader
from tests.helpers.devices import card, lay_card, photo_bmp, ric_number


def _reader(lib: Path) -> TermbReader:
    reader = open_reader(f"termb:{lib}")
    assert isinstance(reader, TermbReader)
    return reader


def test_a_resident_card_with_a_full_length_address_and_its_photo(fake_termb_lib: Path, reader_dir: Path) -> None:
    address = "新疆维吾尔自治区伊犁哈萨克自治州察布查尔锡伯自治县孙扎齐牛录镇乌珠牛录村三组一百二十三号"[:35]
    assert len(address.encode("utf-16-le")) == 70  # the field's full width
    lay_card(reader_dir, card(name="爱新觉罗·启星", nation="锡伯", address=address, region="654022"),
             photo=photo_bmp((10, 200, 30)))
    reader = _reader(fake_termb_lib)
    try:
        got = reader.read()
        workdir = reader.workdir
        assert workdir is not None and workdir.is_dir()
        assert list(workdir.iterdir()) == []  # wz.txt, zp.bmp and the SDK's xp.wlt are gone after the read
        assert (workdir.stat().st_mode & 0o777) == 0o700
    finally:
        reader.close()
    assert got.card_type is CardType.RESIDENT
    assert (got.name, got.nation, got.address) == ("爱新觉罗·启星", "锡伯", address)
    assert got.issuer == "哈尔滨市公安局道里分局"
    assert got.photo_png is not None
    with Image.open(io.BytesIO(got.photo_png)) as im:
        assert (im.format, im.size, im.convert("RGB").getpixel((5, 5))) == ("PNG", (102, 126), (10, 200, 30))
    # the SDK really ran in the private directory, and that directory is gone with the reader
    cwd = Path((reader_dir / "cwd.log").read_text().splitlines()[0])
    assert cwd == workdir and not cwd.exists()
    calls = (reader_dir / "calls.log").read_text().split()
    assert calls == ["InitComm", "Authenticate", "Read_Content", "CloseComm"]
    assert "张伟" not in repr(got) and got.id_number not in repr(got)  # personal data not in a log line


def test_rare_characters_minority_nations_long_term_and_several_reads_in_one_process(
        fake_termb_lib: Path, reader_dir: Path) -> None:
    reader = _reader(fake_termb_lib)
    try:
        lay_card(reader_dir, card(name="王䶮", nation="汉", valid_to=None, birth_date=dt.date(1950, 2, 1)))
        first = reader.read()
        lay_card(reader_dir, card(name="买买提·艾力", nation="维吾尔", sex="女", region="650102"))
        second = reader.read()
        lay_card(reader_dir, card(name="龑喆堃", nation="蒙古", region="150102"))
        third = reader.read()
    finally:
        reader.close()
    assert (first.name, first.valid_to, first.expired) == ("王䶮", None, False)  # 长期
    assert first.as_json()["valid_to"] is None
    assert (second.name, second.nation, second.sex) == ("买买提·艾力", "维吾尔", "女")
    assert (third.name, third.nation) == ("龑喆堃", "蒙古")
    assert third.photo_png is None  # the reader gave no photo
    assert (reader_dir / "calls.log").read_text().split().count("InitComm") == 1  # one child, one InitComm


def test_an_expired_card_is_read_and_flagged(fake_termb_lib: Path, reader_dir: Path) -> None:
    lay_card(reader_dir, card(valid_from=dt.date(2005, 1, 1), valid_to=dt.date(2015, 1, 1)))
    reader = _reader(fake_termb_lib)
    try:
        got = reader.read()
    finally:
        reader.close()
    assert got.expired and got.as_json()["expired"] is True
    assert not got.expired_on(dt.date(2014, 12, 31))


def test_a_hong_kong_macao_taiwan_residence_permit(fake_termb_lib: Path, reader_dir: Path) -> None:
    permit = card(card_type=CardType.HK_MACAO_TAIWAN, nation=None, region="810000", name="陈大文",
                  address="广东省深圳市福田区福华三路 100 号", pass_number="H12345678", issue_count=1,
                  issuer="深圳市公安局")
    block = encode_text_block(permit)
    assert block[248:250] == "J".encode("utf-16-le")
    lay_card(reader_dir, block)
    reader = _reader(fake_termb_lib)
    try:
        got = reader.read()
    finally:
        reader.close()
    assert got.card_type is CardType.HK_MACAO_TAIWAN and got.nation is None
    assert got.id_number.startswith("810000") and got.pass_number == "H12345678" and got.issue_count == 1
    assert got.as_json()["card_type"] == "hk_macao_taiwan_residence"
    assert got.person()["id_type"] == "cn_ric"


def test_no_card_then_a_card(fake_termb_lib: Path, reader_dir: Path) -> None:
    reader = _reader(fake_termb_lib)
    try:
        assert reader.present() is False
        with pytest.raises(NoCard, match="读卡器上没有身份证"):
            reader.read()
        lay_card(reader_dir, card())
        assert reader.present() is True
        assert reader.read().name == "张伟"
    finally:
        reader.close()


def test_a_truncated_block_is_refused_and_leaves_nothing(fake_termb_lib: Path, reader_dir: Path) -> None:
    lay_card(reader_dir, encode_text_block(card())[:180], photo=photo_bmp())
    reader = _reader(fake_termb_lib)
    try:
        with pytest.raises(MalformedCard, match="只有 180 字节"):
            reader.read()
        assert reader.workdir is not None and list(reader.workdir.iterdir()) == []
    finally:
        reader.close()


def test_a_failed_read_says_so(fake_termb_lib: Path, reader_dir: Path) -> None:
    lay_card(reader_dir, card())
    (reader_dir / "rc").write_text("-4")
    reader = _reader(fake_termb_lib)
    try:
        with pytest.raises(ReadFailed, match="返回值 -4"):
            reader.read()
    finally:
        reader.close()


def test_reader_not_connected_on_that_port(fake_termb_lib: Path, reader_dir: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FAKE_TERMB_PORT", "1002")
    reader = open_reader(f"termb:{fake_termb_lib}:1001")
    try:
        with pytest.raises(ReaderUnavailable, match="读卡器未连接"):
            reader.check()
    finally:
        reader.close()
    second = open_reader(f"termb:{fake_termb_lib}:1002")
    try:
        assert "USB" in second.check()
    finally:
        second.close()


def test_a_missing_or_unloadable_library(tmp_path: Path) -> None:
    with pytest.raises(ReaderUnavailable, match="不存在"):
        open_reader(f"termb:{tmp_path / 'libnothere.so'}").read()
    junk = tmp_path / "libjunk.so"
    junk.write_bytes(b"not a shared object")
    reader = open_reader(f"termb:{junk}")
    try:
        with pytest.raises(ReaderUnavailable, match="无法加载读卡器驱动库"):
            reader.read()
    finally:
        reader.close()


def test_a_library_without_the_termb_calls(tmp_path: Path) -> None:
    import ctypes.util

    libm = ctypes.util.find_library("m")
    if libm is None:
        pytest.skip("no libm to stand for a library without the termb calls")
    import ctypes

    path = Path(ctypes.CDLL(libm)._name)  # type: ignore[attr-defined]
    if not path.is_absolute():
        for d in ("/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib64", "/usr/lib"):
            if (Path(d) / path).exists():
                path = Path(d) / path
                break
    if not path.is_file():
        pytest.skip(f"cannot locate {libm}")
    reader = open_reader(f"termb:{path}")
    try:
        with pytest.raises(ReaderUnavailable, match="缺少函数 InitComm"):
            reader.read()
    finally:
        reader.close()


def test_reader_specs() -> None:
    with pytest.raises(ReaderSpecError, match="端口 99"):
        open_reader("termb:/opt/libtermb.so:99")
    with pytest.raises(ReaderSpecError, match="不认识的读卡器"):
        open_reader("usb:reader")
    with pytest.raises(ReaderSpecError, match="只能连本机"):
        open_reader("http://192.0.2.5:8080/card")
    reader = open_reader("termb:/opt/vendor/libtermb.so:3")
    assert isinstance(reader, TermbReader) and reader.port == 3 and reader.library == Path("/opt/vendor/libtermb.so")


# -- the command line ---------------------------------------------------------------------------------------
def _idcard(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "clerk", "idcard", "read", *args], capture_output=True, text=True,
                          timeout=120, cwd=cwd)


def test_cli_reads_the_card_as_json_with_its_photo(fake_termb_lib: Path, reader_dir: Path, tmp_path: Path) -> None:
    the_card = card(name="斯琴高娃", nation="蒙古", sex="女", region="150102")
    lay_card(reader_dir, the_card, photo=photo_bmp())
    photo = tmp_path / "out" / "photo.png"
    photo.parent.mkdir()
    r = _idcard("--driver", f"termb:{fake_termb_lib}:1001", "--json", "--photo", str(photo), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out == {
        "card_type": "resident", "name": "斯琴高娃", "sex": "女", "nation": "蒙古",
        "birth_date": "1988-03-14", "address": "黑龙江省哈尔滨市道里区友谊路 1 号", "id_number": the_card.id_number,
        "issuer": "哈尔滨市公安局道里分局", "valid_from": "2018-05-02", "valid_to": "2038-05-02",
        "expired": the_card.expired_on(clock.today()), "photo": str(photo),
    }
    with Image.open(photo) as im:
        assert im.format == "PNG" and im.size == (102, 126)
    assert (photo.stat().st_mode & 0o777) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "reader"]  # no wz.txt / zp.bmp in the cwd
    assert not Path((reader_dir / "cwd.log").read_text().split()[0]).exists()


def test_cli_plain_output_and_one_line_errors(fake_termb_lib: Path, reader_dir: Path, tmp_path: Path) -> None:
    spec = f"termb:{fake_termb_lib}"
    r = _idcard("--driver", spec)
    assert r.returncode == 2 and r.stdout == ""
    assert r.stderr.strip().splitlines() == ["读卡器上没有身份证：请把证件平放在读卡器上再读"]
    lay_card(reader_dir, encode_text_block(card())[:100])
    r = _idcard("--driver", spec, "--json")
    assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1 and "只有 100 字节" in r.stderr
    assert "Traceback" not in r.stderr
    r = _idcard("--driver", f"termb:{tmp_path / 'libnone.so'}")
    assert r.returncode == 2 and "读卡器驱动库" in r.stderr and "不存在" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    lay_card(reader_dir, card(valid_to=dt.date(2020, 1, 1), valid_from=dt.date(2000, 1, 1)))
    r = _idcard("--driver", spec, "--no-photo")
    assert r.returncode == 0, r.stderr
    assert "姓名：张伟" in r.stdout and "民族：汉" in r.stdout and "（已过期）" in r.stdout


def test_cli_takes_the_reader_from_the_settings(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    r = _idcard("--data-dir", str(data_dir))
    assert r.returncode == 2 and "没有设置身份证阅读器" in r.stderr
    from tests.helpers.devices import sim_file

    sim = sim_file(tmp_path / "card.json", card(name="李娜", sex="女"), photo=photo_bmp())
    (data_dir / "settings.json").write_text(json.dumps({"devices": {"idcard_reader": f"sim:{sim}"}}))
    r = _idcard("--data-dir", str(data_dir), "--json", "--photo", str(tmp_path / "p.png"))
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["name"] == "李娜" and (tmp_path / "p.png").exists()
    assert not (data_dir / "cache.sqlite3").exists()  # reading a card opens no cache


def test_ric_numbers_of_the_helpers_are_valid() -> None:
    from clerk.intake.validation import check_cn_ric

    assert check_cn_ric(ric_number("830000", dt.date(1990, 1, 1), 11))[1] is None  # Taiwan residents' permits
    assert check_cn_ric(ric_number("110103", dt.date(1960, 1, 1), 11))[1] is None  # 崇文区, merged in 2010
