"""The device check: each hall device at this workstation, its state and the one-line fix.

``check_devices(settings)`` looks at the printer queues of the settings (CUPS state through the
printing component's ``check``), the scanners (SANE's ``scanimage -L``; the scan-to-folder inbox
counts as a way to scan), the ID-card reader (its driver's ``check``), the document camera (V4L2
video devices), the second screen (for the applicant's evaluation) and the sound output (for the
hall display's call-out). ``python -m clerk doctor --devices [--json]`` prints it; the window's
device panel shows it and the caller bar turns a device the clerk needs that is down into a badge.

What can only be seen from outside this module (the screens Qt sees, the video devices, the sound
cards) comes through a ``Probes`` object, so the window passes what Qt knows and tests pass what
the machine here cannot have.
"""

from __future__ import annotations

import glob
import os
import re
import shutil
import subprocess
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from clerk.settings import Settings


class DeviceState(StrEnum):
    OK = "ok"
    WARNING = "warning"
    """Usable, with something to look at (a second screen missing while one is expected …)."""
    DOWN = "down"
    NOT_CONFIGURED = "not_configured"
    UNKNOWN = "unknown"
    """Cannot be told from here (no display to ask, the printing component missing)."""


STATE_LABELS = {DeviceState.OK: "正常", DeviceState.WARNING: "注意", DeviceState.DOWN: "不可用",
                DeviceState.NOT_CONFIGURED: "未设置", DeviceState.UNKNOWN: "无法判断"}

KIND_LABELS = {"printer": "打印机", "scanner": "扫描仪", "idcard_reader": "身份证阅读器", "camera": "高拍仪",
               "second_screen": "评价屏（副屏）", "sound": "声音"}


@dataclass(frozen=True)
class DeviceCheck:
    kind: str
    """printer, scanner, idcard_reader, camera, second_screen, sound"""
    name: str
    """Which one (the queue, the reader's spec …), or "" for the kind as a whole."""
    state: DeviceState
    detail: str
    """What was seen, one line."""
    fix: str = ""
    """What to do, one line ("" when nothing)."""
    needed: bool = False
    """The clerk needs it for the daily work (a printer, the card reader set up): a badge when down."""

    @property
    def label(self) -> str:
        base = KIND_LABELS.get(self.kind, self.kind)
        return f"{base}（{self.name}）" if self.name else base

    @property
    def trouble(self) -> bool:
        return self.state in (DeviceState.DOWN, DeviceState.WARNING) or (
            self.needed and self.state is DeviceState.NOT_CONFIGURED)

    def as_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["state"] = self.state.value
        return out

    def line(self) -> str:
        text = f"{self.label}：{STATE_LABELS[self.state]} —— {self.detail}"
        return text + (f"；处理：{self.fix}" if self.fix else "")


def split_fix(message: str, default_fix: str) -> tuple[str, str]:
    """A core or component message "what is wrong：请 what to do" as (detail, fix)."""
    message = message.strip()
    m = re.match(r"^(.*?)[：，]\s*(请.*)$", message) or re.match(r"^(.*?)：(.*)$", message)
    if m is None:
        return message.rstrip("。"), default_fix
    return m.group(1).rstrip("，。"), m.group(2).rstrip("。") or default_fix


def _read(path: str) -> str | None:
    try:
        return Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None


def _video_devices() -> list[str]:
    """V4L2 capture devices (``/dev/video*`` whose sysfs name says what they are)."""
    return sorted(glob.glob("/dev/video*"), key=lambda p: (len(p), p))


def _video_name(dev: str) -> str:
    name = _read(f"/sys/class/video4linux/{Path(dev).name}/name")
    return (name or "").strip()


def _sound_cards() -> list[str] | None:
    """The ALSA sound cards (``/proc/asound/cards``), or None when ALSA is not there at all."""
    text = _read("/proc/asound/cards")
    if text is None:
        return None
    return [m.group(1).strip() for m in re.finditer(r"^\s*\d+\s+\[[^\]]*\]:\s*(.+)$", text, re.M)]


def _xrandr_screens() -> int | None:
    """Monitors of the X display (``xrandr --listmonitors``), None when no display can be asked."""
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")) or shutil.which("xrandr") is None:
        return None
    try:
        proc = subprocess.run(["xrandr", "--listmonitors"], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return None
    m = re.match(r"Monitors:\s*(\d+)", proc.stdout)
    return int(m.group(1)) if proc.returncode == 0 and m else None


def _scanners(env: dict[str, str] | None = None) -> list[str]:
    from clerk.materials.scanner import SaneScanner

    return [f"{d.label}（{d.name}）" for d in SaneScanner(env=env, start_timeout=30).list_devices()]


def _printer_factory() -> Callable[[str], Any]:
    from clerk import plugins

    return plugins.printer_factory()


@dataclass
class Probes:
    """How the machine is asked; each can be replaced (the window passes Qt's screens)."""

    scanners: Callable[[], list[str]] = field(default=_scanners)
    video_devices: Callable[[], list[str]] = field(default=_video_devices)
    video_name: Callable[[str], str] = field(default=_video_name)
    screens: Callable[[], int | None] = field(default=_xrandr_screens)
    sound_cards: Callable[[], list[str] | None] = field(default=_sound_cards)
    printer_factory: Callable[[], Callable[[str], Any]] = field(default=_printer_factory)


def check_printers(settings: Settings, probes: Probes) -> list[DeviceCheck]:
    out = []
    for role, spec in (("A4", settings.printer_a4), ("小票", settings.printer_ticket)):
        if not spec:
            out.append(DeviceCheck("printer", role, DeviceState.NOT_CONFIGURED, f"没有选择{role}打印机",
                                   f"在设置中选择{role}打印机（cups:队列名 或 pdf:文件夹）", needed=role == "A4"))
            continue
        name = f"{role}：{spec}"
        try:
            printer = probes.printer_factory()(spec)
        except Exception as exc:  # noqa: BLE001 - the component's own errors (PrinterError, ComponentMissing)
            out.append(DeviceCheck("printer", name, DeviceState.UNKNOWN if "未安装" in str(exc) else DeviceState.DOWN,
                                   str(exc).splitlines()[0] if str(exc) else type(exc).__name__,
                                   "安装打印组件" if "未安装" in str(exc) else "在设置中改正打印机", needed=True))
            continue
        check = getattr(printer, "check", None)
        if check is None:  # save as PDF into a folder
            folder = Path(spec.partition(":")[2]).expanduser()
            parent = folder if folder.exists() else folder.parent
            ok = parent.is_dir() and os.access(parent, os.W_OK)
            out.append(DeviceCheck("printer", name, DeviceState.OK if ok else DeviceState.DOWN,
                                   f"另存为 PDF 到 {folder}" if ok else f"文件夹 {folder} 不能写入",
                                   "" if ok else "检查文件夹的权限，或在设置中另选文件夹", needed=True))
            continue
        try:
            state = check()
        except Exception as exc:  # noqa: BLE001 - PrinterError: its message says what and what to do
            detail, fix = split_fix(str(exc) or type(exc).__name__, "检查打印机的电源、纸张和连接线")
            out.append(DeviceCheck("printer", name, DeviceState.DOWN, detail, fix, needed=True))
            continue
        message = str(getattr(state, "message", "") or "")
        out.append(DeviceCheck("printer", name, DeviceState.OK, "已就绪，接收打印任务" + (f"（{message}）" if message else ""),
                               needed=True))
    return out


def check_scanners(settings: Settings, probes: Probes) -> DeviceCheck:
    inbox = settings.scan_inbox
    try:
        found = probes.scanners()
    except Exception as exc:  # noqa: BLE001 - ScanError (no scanimage), a hung backend
        found, why = [], str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    else:
        why = ""
    if found:
        return DeviceCheck("scanner", "", DeviceState.OK, "、".join(found[:4]) + (f" 等 {len(found)} 台" if len(found) > 4 else ""))
    if inbox:
        ok = Path(inbox).is_dir()
        return DeviceCheck("scanner", "", DeviceState.OK if ok else DeviceState.DOWN,
                           f"没有 SANE 扫描仪，使用扫描文件夹 {inbox}" if ok else f"扫描文件夹 {inbox} 不存在",
                           "" if ok else "创建该文件夹，或在设置中改正 scan_inbox")
    return DeviceCheck("scanner", "", DeviceState.NOT_CONFIGURED, why or "没有发现扫描仪（SANE），也没有设置扫描文件夹",
                       "连接扫描仪并安装其 SANE 驱动（sane-utils），或在设置中填写扫描文件夹 scan_inbox，或用高拍仪")


def check_card_reader(settings: Settings) -> DeviceCheck:
    from clerk.devices.idcard import IdCardError
    from clerk.devices.readers import open_reader

    spec = settings.devices.idcard_reader
    if not spec:
        return DeviceCheck("idcard_reader", "", DeviceState.NOT_CONFIGURED, "没有设置身份证阅读器（只能手工录入）",
                           "在设置中填写 devices.idcard_reader（termb:/路径/libtermb.so、http://127.0.0.1:端口/… 或 sim:文件.json）")
    try:
        reader = open_reader(spec)
    except IdCardError as exc:
        return DeviceCheck("idcard_reader", spec, DeviceState.DOWN, exc.one_line(), "在设置中改正 devices.idcard_reader",
                           needed=True)
    try:
        described = reader.check()
    except IdCardError as exc:
        detail, fix = split_fix(exc.one_line(), "检查读卡器的连接线和驱动")
        return DeviceCheck("idcard_reader", spec, DeviceState.DOWN, detail, fix, needed=True)
    finally:
        reader.close()
    return DeviceCheck("idcard_reader", spec, DeviceState.OK, f"{described} 已连接", needed=True)


def check_camera(settings: Settings, probes: Probes) -> DeviceCheck:
    wanted = settings.devices.camera
    devices = probes.video_devices()
    if wanted:
        if wanted not in devices and not Path(wanted).exists():
            return DeviceCheck("camera", wanted, DeviceState.DOWN, f"高拍仪 {wanted} 不存在",
                               "插上高拍仪的 USB 线（换一个 USB 口试试），或在设置中改正 devices.camera")
        if not os.access(wanted, os.R_OK | os.W_OK):
            return DeviceCheck("camera", wanted, DeviceState.DOWN, f"没有权限使用 {wanted}",
                               "把本机用户加入 video 组（sudo usermod -aG video 用户名）后重新登录")
        return DeviceCheck("camera", wanted, DeviceState.OK, probes.video_name(wanted) or wanted)
    if not devices:
        return DeviceCheck("camera", "", DeviceState.NOT_CONFIGURED, "没有发现高拍仪（无视频设备）",
                           "插上高拍仪的 USB 线；没有高拍仪时用扫描仪或扫描文件夹")
    names = [probes.video_name(d) or d for d in devices]
    return DeviceCheck("camera", devices[0], DeviceState.OK, "、".join(dict.fromkeys(names)))


def check_second_screen(settings: Settings, probes: Probes) -> DeviceCheck:
    n = probes.screens()
    if n is None:
        return DeviceCheck("second_screen", "", DeviceState.UNKNOWN, "无法询问显示器（没有图形界面）",
                           "在工作站窗口的设备面板中查看")
    if n >= 2:
        return DeviceCheck("second_screen", "", DeviceState.OK, f"{n} 个显示器，评价屏在第 2 个")
    if not settings.devices.second_screen:
        return DeviceCheck("second_screen", "", DeviceState.OK, "只有 1 个显示器（本窗口不用评价屏）")
    return DeviceCheck("second_screen", "", DeviceState.WARNING, "只有 1 个显示器，评价页面会盖住工作窗口",
                       "接上面向办事群众的副屏（HDMI/VGA）并在系统显示设置中设为扩展屏")


def check_sound(settings: Settings, probes: Probes) -> DeviceCheck:
    cards = probes.sound_cards()
    if cards:
        return DeviceCheck("sound", "", DeviceState.OK, "、".join(cards[:3]))
    if not settings.devices.sound:
        return DeviceCheck("sound", "", DeviceState.OK, "本机不用声音")
    if cards is None:
        return DeviceCheck("sound", "", DeviceState.DOWN, "没有声音系统（ALSA）",
                           "安装声卡驱动（alsa-utils），或在设置中关闭 devices.sound")
    return DeviceCheck("sound", "", DeviceState.DOWN, "没有发现声卡，叫号不能播报",
                       "接上音箱或 USB 声卡，或在设置中关闭 devices.sound")


def check_devices(settings: Settings, probes: Probes | None = None,
                  kinds: Sequence[str] | None = None) -> list[DeviceCheck]:
    """Every device of this workstation (or only ``kinds``), in the order the panel lists them."""
    probes = probes or Probes()
    want = set(kinds or KIND_LABELS)
    out: list[DeviceCheck] = []
    if "printer" in want:
        out += check_printers(settings, probes)
    if "scanner" in want:
        out.append(check_scanners(settings, probes))
    if "idcard_reader" in want:
        out.append(check_card_reader(settings))
    if "camera" in want:
        out.append(check_camera(settings, probes))
    if "second_screen" in want:
        out.append(check_second_screen(settings, probes))
    if "sound" in want:
        out.append(check_sound(settings, probes))
    return out


def needed_down(checks: Sequence[DeviceCheck]) -> list[DeviceCheck]:
    """The devices the clerk needs that are set up and down (the caller bar's badge; one not set up at
    all is the device panel's to say)."""
    return [c for c in checks if c.needed and c.state is DeviceState.DOWN]


__all__ = ["KIND_LABELS", "STATE_LABELS", "DeviceCheck", "DeviceState", "Probes", "check_devices", "needed_down"]
