"""Cards for the ID-card reader tests: valid numbers, the blocks and photos a reader hands over."""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

from stdnum.cn import ric

from clerk.devices.idcard import CardType, IdCard, encode_text_block

FAKE_TERMB_C = Path(__file__).resolve().parents[1] / "devices" / "fake_termb.c"


def ric_number(region: str, birth: dt.date, seq: int) -> str:
    """A valid 18-digit number: region, birth date, a 3-digit sequence (odd: male), its check digit."""
    body = f"{region}{birth:%Y%m%d}{seq:03d}"
    return body + ric.calc_check_digit(body + "0")


def card(**kw: Any) -> IdCard:
    """A resident card (override any field); the number follows the birth date and sex."""
    birth = kw.pop("birth_date", dt.date(1988, 3, 14))
    sex = kw.pop("sex", "男")
    region = kw.pop("region", "230102")
    seq = kw.pop("seq", 101 if sex == "男" else 102)
    values: dict[str, Any] = dict(
        card_type=CardType.RESIDENT, name="张伟", sex=sex, nation="汉", birth_date=birth,
        address="黑龙江省哈尔滨市道里区友谊路 1 号", id_number=ric_number(region, birth, seq),
        issuer="哈尔滨市公安局道里分局", valid_from=dt.date(2018, 5, 2), valid_to=dt.date(2038, 5, 2),
    )
    values.update(kw)
    return IdCard(**values)


def photo_bmp(colour: tuple[int, int, int] = (180, 60, 40)) -> bytes:
    """A 102 × 126 BMP, the size of a decoded card photo."""
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (102, 126), colour).save(buf, "BMP")
    return buf.getvalue()


def lay_card(reader_dir: Path, block: bytes | IdCard | None, photo: bytes | None = None) -> None:
    """Puts a card on the fake reader (``FAKE_TERMB_DIR``): its text block and photo; None takes it away."""
    reader_dir.mkdir(parents=True, exist_ok=True)
    for name in ("wz.txt", "zp.bmp"):
        (reader_dir / name).unlink(missing_ok=True)
    if block is None:
        return
    (reader_dir / "wz.txt").write_bytes(encode_text_block(block) if isinstance(block, IdCard) else block)
    if photo is not None:
        (reader_dir / "zp.bmp").write_bytes(photo)


def compile_fake_termb(out_dir: Path) -> Path | str:
    """The fake SDK as a shared library, or why it cannot be built here."""
    cc = shutil.which("cc") or shutil.which("gcc") or shutil.which("clang")
    if cc is None:
        return "no C compiler (cc, gcc or clang) on PATH to build the fake termb library"
    lib = out_dir / "libtermb.so"
    proc = subprocess.run([cc, "-shared", "-fPIC", "-O1", "-o", str(lib), str(FAKE_TERMB_C)],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        return f"the C compiler could not build the fake termb library: {proc.stderr.strip()[:200]}"
    return lib


def sim_file(path: Path, card_obj: IdCard | None, photo: bytes | None = None) -> Path:
    """A simulator file (``sim:FILE.json``) holding ``card_obj`` (None: an empty reader)."""
    if card_obj is None:
        path.write_text("null", encoding="utf-8")
        return path
    data = card_obj.as_json(None)
    if photo is not None:
        (path.parent / "photo.bmp").write_bytes(photo)
        data["photo"] = "photo.bmp"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def card_of(name: str, id_number: str, **kw: Any) -> IdCard:
    """The resident card of a person known by name and number (birth date and sex from the number)."""
    birth = dt.date(int(id_number[6:10]), int(id_number[10:12]), int(id_number[12:14]))
    values: dict[str, Any] = dict(
        card_type=CardType.RESIDENT, name=name, sex="男" if int(id_number[16]) % 2 else "女", nation="汉",
        birth_date=birth, address="黑龙江省哈尔滨市道里区友谊路 1 号", id_number=id_number,
        issuer="哈尔滨市公安局道里分局", valid_from=dt.date(2018, 5, 2), valid_to=None,
    )
    values.update(kw)
    return IdCard(**values)
