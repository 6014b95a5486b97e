"""The device check: a real CUPS queue (cups-pdf), SANE's test scanner, the fake termb reader; what this
machine cannot have (a camera, a second screen, a sound card) through ``Probes``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from clerk.devices.health import DeviceState, Probes, _scanners, check_devices, needed_down
from clerk.settings import DeviceSettings, Settings
from tests.helpers.devices import card, lay_card
from tests.helpers.printing import CupsPdfQueue, cups_pdf_model

QUEUE = "ClerkDevices"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(args), capture_output=True, text=True, env=dict(os.environ, LC_ALL="C"))


@pytest.fixture
def devices_queue(cups_pdf_queue: CupsPdfQueue) -> Iterator[str]:
    proc = _run("lpadmin", "-p", QUEUE, "-v", "cups-pdf:/", *cups_pdf_model(), "-E")
    assert proc.returncode == 0, proc.stderr
    _run("cupsenable", QUEUE)
    _run("cupsaccept", QUEUE)
    try:
        yield QUEUE
    finally:
        _run("lpadmin", "-x", QUEUE)


def _probes(**kw: object) -> Probes:
    values: dict[str, object] = dict(scanners=lambda: [], video_devices=lambda: [], video_name=lambda d: "",
                                     screens=lambda: 2, sound_cards=lambda: ["HDA Intel PCH"])
    values.update(kw)
    return Probes(**values)  # type: ignore[arg-type]


def _by_kind(checks: list, kind: str) -> list:  # type: ignore[type-arg]
    return [c for c in checks if c.kind == kind]


def test_printer_queues_report_their_cups_state(devices_queue: str, tmp_path: Path) -> None:
    settings = Settings(printer_a4=f"cups:{devices_queue}", printer_ticket="cups:NoSuchQueue")
    a4, ticket = _by_kind(check_devices(settings, _probes(), kinds=["printer"]), "printer")
    assert a4.state is DeviceState.OK and a4.name == f"A4：cups:{devices_queue}" and a4.needed
    assert ticket.state is DeviceState.DOWN and "不存在" in ticket.detail and "设置" in ticket.fix
    assert _run("cupsdisable", devices_queue).returncode == 0
    a4 = check_devices(settings, _probes(), kinds=["printer"])[0]
    assert a4.state is DeviceState.DOWN and "已停止" in a4.detail and "恢复" in a4.fix
    assert needed_down(check_devices(settings, _probes(), kinds=["printer"])) != []
    _run("cupsenable", devices_queue)
    _run("cupsreject", devices_queue)
    a4 = check_devices(settings, _probes(), kinds=["printer"])[0]
    assert a4.state is DeviceState.DOWN and "不接收" in a4.detail
    pdf = check_devices(Settings(printer_a4=f"pdf:{tmp_path / 'out'}"), _probes(), kinds=["printer"])[0]
    assert pdf.state is DeviceState.OK and "另存为 PDF" in pdf.detail


def test_scanners_through_sane_and_the_inbox(sane_env: dict[str, str], tmp_path: Path) -> None:
    found = check_devices(Settings(), _probes(scanners=lambda: _scanners(sane_env)), kinds=["scanner"])[0]
    assert found.state is DeviceState.OK and "test:0" in found.detail
    none = check_devices(Settings(), _probes(), kinds=["scanner"])[0]
    assert none.state is DeviceState.NOT_CONFIGURED and "sane" in none.fix.lower()
    inbox = check_devices(Settings(scan_inbox=str(tmp_path)), _probes(), kinds=["scanner"])[0]
    assert inbox.state is DeviceState.OK and str(tmp_path) in inbox.detail
    gone = check_devices(Settings(scan_inbox=str(tmp_path / "gone")), _probes(), kinds=["scanner"])[0]
    assert gone.state is DeviceState.DOWN


def test_the_card_reader(fake_termb_lib: Path, reader_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def reader(spec: str) -> Settings:
        return Settings(devices=DeviceSettings(idcard_reader=spec))

    ok = check_devices(reader(f"termb:{fake_termb_lib}"), _probes(), kinds=["idcard_reader"])[0]
    assert ok.state is DeviceState.OK and "libtermb.so" in ok.detail and ok.needed
    lay_card(reader_dir, card())  # a card on it changes nothing: the check reads no card
    monkeypatch.setenv("FAKE_TERMB_PORT", "1005")
    down = check_devices(reader(f"termb:{fake_termb_lib}"), _probes(), kinds=["idcard_reader"])[0]
    assert down.state is DeviceState.DOWN and "读卡器未连接" in down.detail and "连接线" in down.fix
    assert "Read_Content" not in (reader_dir / "calls.log").read_text()
    missing = check_devices(reader("termb:/nonexistent/libtermb.so"), _probes(), kinds=["idcard_reader"])[0]
    assert missing.state is DeviceState.DOWN and "不存在" in missing.detail
    unset = check_devices(Settings(), _probes(), kinds=["idcard_reader"])[0]
    assert unset.state is DeviceState.NOT_CONFIGURED and not unset.needed


def test_camera_screen_and_sound(tmp_path: Path) -> None:
    video = tmp_path / "video0"
    video.write_bytes(b"")
    found = check_devices(Settings(), _probes(video_devices=lambda: [str(video)], video_name=lambda d: "USB Document Camera"),
                          kinds=["camera"])[0]
    assert found.state is DeviceState.OK and found.detail == "USB Document Camera"
    none = check_devices(Settings(), _probes(), kinds=["camera"])[0]
    assert none.state is DeviceState.NOT_CONFIGURED and "USB" in none.fix
    wrong = check_devices(Settings(devices=DeviceSettings(camera="/dev/video9")), _probes(), kinds=["camera"])[0]
    assert wrong.state is DeviceState.DOWN and "/dev/video9" in wrong.detail
    one = check_devices(Settings(), _probes(screens=lambda: 1), kinds=["second_screen"])[0]
    assert one.state is DeviceState.WARNING and "副屏" in one.fix
    assert check_devices(Settings(), _probes(screens=lambda: None), kinds=["second_screen"])[0].state is DeviceState.UNKNOWN
    quiet = check_devices(Settings(), _probes(sound_cards=lambda: []), kinds=["sound"])[0]
    assert quiet.state is DeviceState.DOWN and "devices.sound" in quiet.fix
    off = Settings(devices=DeviceSettings(sound=False))
    assert check_devices(off, _probes(sound_cards=lambda: None), kinds=["sound"])[0].state is DeviceState.OK


def test_doctor_devices_cli(tmp_path: Path, fake_termb_lib: Path, reader_dir: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    (data_dir / "settings.json").write_text(json.dumps({
        "printer_a4": f"pdf:{tmp_path / 'pdf'}", "printer_ticket": f"pdf:{tmp_path / 'pdf'}",
        "scan_inbox": str(tmp_path),
        "devices": {"idcard_reader": f"termb:{fake_termb_lib}", "second_screen": False, "sound": False}}))
    r = subprocess.run([sys.executable, "-m", "clerk", "doctor", "--devices", "--json", "--data-dir", str(data_dir)],
                       capture_output=True, text=True, timeout=120)
    out = json.loads(r.stdout)
    kinds = {d["kind"]: d for d in out["devices"]}
    assert set(kinds) == {"printer", "scanner", "idcard_reader", "camera", "second_screen", "sound"}
    assert kinds["idcard_reader"]["state"] == "ok" and kinds["printer"]["state"] == "ok"
    assert all(set(d) >= {"kind", "name", "state", "detail", "fix", "needed"} for d in out["devices"])
    assert r.returncode == (1 if out["trouble"] else 0)
    assert out["needed_down"] == []
    (data_dir / "settings.json").write_text(json.dumps({"devices": {"idcard_reader": "termb:/nope/libtermb.so"}}))
    r = subprocess.run([sys.executable, "-m", "clerk", "doctor", "--devices", "--data-dir", str(data_dir)],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 1
    line = next(ln for ln in r.stdout.splitlines() if ln.startswith("身份证阅读器"))
    assert "不可用" in line and "处理：" in line
    assert len(r.stdout.splitlines()) >= 7  # A4, ticket printer, scanner, reader, camera, screen, sound
