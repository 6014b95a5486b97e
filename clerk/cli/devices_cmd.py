"""``idcard read``: read the card on the ID-card reader from the command line (``clerk.devices``).

``python -m clerk idcard read [--driver SPEC] [--json]`` with SPEC ``termb:/path/libtermb.so[:PORT]``,
``http://127.0.0.1:PORT/…`` or ``sim:FILE.json`` (default: ``devices.idcard_reader`` in the data
dir's settings). Exit 0 with the card; exit 2 with one line for no card, a reader that cannot be
used (library missing or unloadable, not connected, service down) or a block that cannot be read.

The photo: a PNG copy of this read's photo is written to ``--photo FILE``, or else into a private
directory (mode 0700) under ``$XDG_RUNTIME_DIR`` — a per-user tmpfs emptied at logout — or the
system's temporary directory when there is none; ``"photo"`` in the JSON is its path (null when
the reader gave no photo, or with ``--no-photo``). The JSON shape is documented in
``docs/idcard-readers.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
from pathlib import Path

from clerk.cli import CliError, add_data_dir


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("idcard", help="身份证阅读器 / read the card on the ID-card reader")
    isub = p.add_subparsers(dest="idcard_command", required=True, metavar="ACTION")
    r = isub.add_parser("read", help="读卡 / read the card lying on the reader")
    add_data_dir(r)
    r.add_argument("--driver", default=None, metavar="SPEC",
                   help="termb:/path/libtermb.so[:PORT] | http://127.0.0.1:PORT/... | sim:FILE.json "
                        "(default: settings devices.idcard_reader)")
    r.add_argument("--json", action="store_true", help="print the card as JSON")
    r.add_argument("--photo", type=Path, default=None, metavar="FILE", help="write the photo (PNG) here")
    r.add_argument("--no-photo", action="store_true", help="do not write the photo anywhere")
    r.set_defaults(handler=cmd_read)


def reader_spec(args: argparse.Namespace) -> str:
    """``--driver``, else the data dir's ``devices.idcard_reader`` (read without opening the cache)."""
    if args.driver:
        return str(args.driver)
    from clerk.context import Paths, default_data_dir
    from clerk.settings import Settings

    data_dir = args.data_dir or default_data_dir()
    spec = Settings.load(Paths(data_dir).settings).devices.idcard_reader
    if not spec:
        raise CliError(f"没有设置身份证阅读器：用 --driver 指定，或在 {Paths(data_dir).settings} 中设置 devices.idcard_reader")
    return spec


def _photo_path(args: argparse.Namespace) -> Path:
    if args.photo is not None:
        return Path(args.photo)
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    base = runtime if runtime and Path(runtime).is_dir() else None
    return Path(tempfile.mkdtemp(prefix="idcard-photo-", dir=base)) / "photo.png"


def cmd_read(args: argparse.Namespace) -> int:
    from clerk.atomic import write_atomic
    from clerk.devices.idcard import CARD_TYPE_LABELS
    from clerk.devices.readers import open_reader

    reader = open_reader(reader_spec(args))
    try:
        card = reader.read()
    finally:
        reader.close()
    photo: Path | None = None
    if card.photo_png is not None and not args.no_photo:
        photo = _photo_path(args)
        write_atomic(photo, card.photo_png, prefix=".photo-", mode=0o600)
    if args.json:
        print(json.dumps(card.as_json(photo), ensure_ascii=False, indent=2))
        return 0
    valid_to = card.valid_to.isoformat() if card.valid_to else "长期"
    lines = [
        f"证件类型：{CARD_TYPE_LABELS[card.card_type]}",
        f"姓名：{card.name}" + (f"（{card.english_name}）" if card.english_name and card.english_name != card.name else ""),
        f"性别：{card.sex}",
        *([f"民族：{card.nation}"] if card.nation else []),
        *([f"国籍：{card.nationality}"] if card.nationality else []),
        f"出生日期：{card.birth_date.isoformat()}",
        *([f"住址：{card.address}"] if card.address else []),
        f"证件号码：{card.id_number}",
        *([f"签发机关：{card.issuer}"] if card.issuer else []),
        f"有效期限：{card.valid_from.isoformat()} 至 {valid_to}" + ("（已过期）" if card.expired else ""),
        f"照片：{photo}" if photo else "照片：无",
    ]
    print("\n".join(lines))
    return 0


def cmd_doctor_devices(args: argparse.Namespace) -> int:
    """``doctor --devices [--json]``: each device's state and fix; exit 1 when one is down or needed and
    not set up, else 0. Reads the data dir's settings only (works beside a running workstation)."""
    from clerk.context import Paths, default_data_dir
    from clerk.devices.health import check_devices, needed_down
    from clerk.settings import Settings

    data_dir = args.data_dir or default_data_dir()
    checks = check_devices(Settings.load(Paths(data_dir).settings))
    trouble = [c for c in checks if c.trouble]
    if args.json:
        print(json.dumps({"devices": [c.as_json() for c in checks], "trouble": len(trouble),
                          "needed_down": [c.label for c in needed_down(checks)]}, ensure_ascii=False, indent=2))
    else:
        for c in checks:
            print(c.line())
    return 1 if trouble else 0
