"""Scanners: a small interface and its SANE backend (the ``scanimage`` program).

A scan is long work: the caller runs ``Scanner.scan`` in a worker thread. Each finished page is
reported through ``on_page`` as soon as ``scanimage`` has written it; ``cancel`` (a
``threading.Event``) kills the process. When the scanner fails or vanishes mid-batch, the pages
already scanned are kept and returned with a clear message in ``ScanResult.error``.
"""

from __future__ import annotations

import os
import queue
import re
import shutil
import subprocess
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Protocol

from clerk.errors import ClerkError

ColourMode = Literal["color", "gray", "lineart"]
Source = Literal["flatbed", "adf"]

_SANE_MODE = {"color": ("Color", "Colour", "24bit Color"), "gray": ("Gray", "Grey", "Grayscale", "8bit Gray"),
              "lineart": ("Lineart", "Binary", "Black & White")}
_SCANNED = re.compile(r"Scanned page (\d+)\. \(scanner status = (\d+)\)")
_SANE_STATUS_EOF = 5


class ScanError(ClerkError, RuntimeError):
    """A scan that could not start (no scanner, unsupported option); the message is for the clerk."""


@dataclass(frozen=True)
class ScannerDevice:
    name: str
    vendor: str = ""
    model: str = ""
    kind: str = ""

    @property
    def label(self) -> str:
        return " ".join(x for x in (self.vendor, self.model) if x) or self.name


@dataclass(frozen=True)
class ScanOptions:
    """What the clerk chose: colour, resolution, flatbed or feeder (ADF), duplex, batch."""

    mode: ColourMode = "color"
    resolution: int = 300
    source: Source = "flatbed"
    duplex: bool = False
    batch: bool = False
    """Flatbed: keep scanning ``count`` pages; ADF: always a batch (until the feeder is empty or ``count``)."""
    count: int | None = None
    format: Literal["jpeg", "png", "tiff"] = "jpeg"
    extra: tuple[str, ...] = ()
    """Device-specific ``scanimage`` arguments (e.g. ``--test-picture=Color pattern``)."""

    @property
    def extension(self) -> str:
        return {"jpeg": "jpg", "png": "png", "tiff": "tif"}[self.format]


@dataclass
class ScanResult:
    pages: list[Path] = field(default_factory=list)
    cancelled: bool = False
    error: str | None = None
    """Set when the batch ended early because of the scanner; ``pages`` still holds what was scanned."""

    @property
    def complete(self) -> bool:
        return not self.cancelled and self.error is None


PageCallback = Callable[[int, Path], None]


class Scanner(Protocol):
    def list_devices(self) -> list[ScannerDevice]: ...

    def scan(self, device: str, options: ScanOptions, out_dir: Path, *, on_page: PageCallback | None = None,
             cancel: threading.Event | None = None) -> ScanResult: ...


@dataclass(frozen=True)
class _DeviceOptions:
    modes: tuple[str, ...]
    sources: tuple[str, ...]
    has_duplex_flag: bool


class SaneScanner:
    """SANE through ``scanimage`` (its ``test`` device in tests). ``env`` may set ``SANE_CONFIG_DIR``."""

    def __init__(self, program: str = "scanimage", env: Mapping[str, str] | None = None,
                 start_timeout: float = 60.0) -> None:
        self.program = program
        self.env = {**os.environ, **(env or {}), "LC_ALL": "C", "LANG": "C"}
        self.start_timeout = start_timeout
        self._options: dict[str, _DeviceOptions] = {}

    def _exe(self) -> str:
        exe = shutil.which(self.program)
        if exe is None:
            raise ScanError("本机没有安装扫描程序 scanimage（请安装 sane-utils）")
        return exe

    def list_devices(self) -> list[ScannerDevice]:
        proc = subprocess.run([self._exe(), "-f", "%d\t%v\t%m\t%t%n"], capture_output=True, text=True,
                              env=self.env, timeout=self.start_timeout)
        devices = []
        for line in proc.stdout.splitlines():
            parts = line.split("\t")
            if len(parts) >= 1 and parts[0]:
                devices.append(ScannerDevice(*(parts + ["", "", ""])[:4]))
        return devices

    def device_options(self, device: str) -> _DeviceOptions:
        if device in self._options:
            return self._options[device]
        proc = subprocess.run([self._exe(), "-d", device, "-A"], capture_output=True, text=True, env=self.env,
                              timeout=self.start_timeout)
        if proc.returncode != 0:
            raise ScanError(_explain(proc.stderr, device) or f"无法打开扫描仪 {device}")
        modes: tuple[str, ...] = ()
        sources: tuple[str, ...] = ()
        duplex = False
        for line in proc.stdout.splitlines():
            m = re.match(r"\s+--(mode|source|duplex)\b[= ]?(.*)", line)
            if not m:
                continue
            values = re.sub(r"\s*\[.*$", "", m.group(2)).strip()
            if m.group(1) == "mode":
                modes = tuple(v.strip() for v in values.split("|"))
            elif m.group(1) == "source":
                sources = tuple(v.strip() for v in values.split("|"))
            else:
                duplex = True
        opts = _DeviceOptions(modes, sources, duplex)
        self._options[device] = opts
        return opts

    def command(self, device: str, options: ScanOptions, out_dir: Path) -> list[str]:
        """The ``scanimage`` command line for ``options`` on ``device``."""
        dev = self.device_options(device)
        args = [self._exe(), "-d", device, f"--format={options.format}",
                f"--batch={out_dir / ('p%d.' + options.extension)}", f"--resolution={options.resolution}"]
        if dev.modes:
            wanted = next((m for m in _SANE_MODE[options.mode] if m in dev.modes), None)
            if wanted is None:
                raise ScanError(f"扫描仪不支持{ {'color': '彩色', 'gray': '灰度', 'lineart': '黑白'}[options.mode] }模式")
            args.append(f"--mode={wanted}")
        source = _pick_source(dev, options)
        if source is not None:
            args.append(f"--source={source}")
        if options.duplex and dev.has_duplex_flag:
            args.append("--duplex=yes")
        count = options.count
        if count is None and options.source == "flatbed" and not options.batch:
            count = 1
        if count is not None:
            args.append(f"--batch-count={count}")
        return args + list(options.extra)

    def scan(self, device: str, options: ScanOptions, out_dir: Path, *, on_page: PageCallback | None = None,
             cancel: threading.Event | None = None) -> ScanResult:
        out_dir.mkdir(parents=True, exist_ok=True, mode=0o700)  # scans are personal data
        args = self.command(device, options, out_dir)
        result = ScanResult()
        proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                text=True, env=self.env)
        lines: queue.Queue[str | None] = queue.Queue()

        def pump() -> None:
            assert proc.stderr is not None
            for line in proc.stderr:
                lines.put(line)
            lines.put(None)

        reader = threading.Thread(target=pump, name="scanimage-stderr", daemon=True)
        reader.start()
        messages: list[str] = []
        pending: list[Path] = []

        def deliver(final: bool) -> None:
            # scanimage writes ``pN.ext.part`` and renames it after announcing the page: a page is
            # ready once its final name exists and the .part is gone (or the process has ended).
            while pending:
                path = pending[0]
                part = path.with_name(path.name + ".part")
                if not path.exists() or (part.exists() and not final):
                    if final:
                        pending.pop(0)
                        continue
                    return
                pending.pop(0)
                if path.stat().st_size == 0:
                    continue
                result.pages.append(path)
                if on_page is not None:
                    on_page(len(result.pages), path)

        try:
            while True:
                if cancel is not None and cancel.is_set():
                    proc.kill()
                    result.cancelled = True
                    break
                try:
                    line = lines.get(timeout=0.05)
                except queue.Empty:
                    deliver(final=False)
                    continue
                if line is None:
                    break
                messages.append(line.rstrip())
                m = _SCANNED.search(line)
                if m and int(m.group(2)) == _SANE_STATUS_EOF:
                    pending.append(out_dir / f"p{m.group(1)}.{options.extension}")
                deliver(final=False)
            proc.wait()
            deliver(final=True)  # pages renamed into place before the end (or the cancel) are kept
        except BaseException:
            proc.kill()
            raise
        finally:
            rc = proc.wait()
            reader.join(timeout=5)
        # A partly written page (cancelled or failed) is not a page.
        kept = set(result.pages)
        for f in out_dir.glob(f"p*.{options.extension}*"):
            if f not in kept:
                f.unlink(missing_ok=True)
        if result.cancelled:
            return result
        text = "\n".join(messages)
        fed_out = "out of documents" in text.lower()
        if rc == 0 and result.pages:
            return result
        if fed_out and result.pages:
            return result  # the feeder ran empty: the normal end of an ADF batch
        reason = _explain(text, device) or (f"scanimage 退出码 {rc}" if rc else "没有扫描到任何页面")
        if not result.pages:
            raise ScanError(reason)
        result.error = f"扫描在第 {len(result.pages) + 1} 页中断：{reason}；已扫描的 {len(result.pages)} 页已保留"
        return result


def _pick_source(dev: _DeviceOptions, options: ScanOptions) -> str | None:
    if not dev.sources:
        if options.source == "adf" or options.duplex:
            raise ScanError("该扫描仪没有自动进纸器（ADF），请用平板扫描")
        return None
    lowered = [(s, s.lower()) for s in dev.sources]
    if options.source == "flatbed":
        return next((s for s, low in lowered if "flatbed" in low or "平板" in low), None)
    adf = [(s, low) for s, low in lowered if "adf" in low or "feeder" in low or "document" in low or "duplex" in low]
    if not adf:
        raise ScanError("该扫描仪没有自动进纸器（ADF），请用平板扫描")
    if options.duplex and not dev.has_duplex_flag:
        duplex = next((s for s, low in adf if "duplex" in low), None)
        if duplex is None:
            raise ScanError("该扫描仪不支持双面扫描")
        return duplex
    return next((s for s, low in adf if "duplex" not in low), adf[0][0])


def _explain(stderr: str, device: str) -> str | None:
    """A clerk-readable reason from ``scanimage``'s messages, None when it reported no problem."""
    low = stderr.lower()
    if "no scanners were identified" in low or ("open of device" in low and "failed" in low):
        return f"找不到扫描仪 {device}（请检查电源和连接线）"
    if "error during device i/o" in low or "i/o error" in low:
        return "扫描仪连接中断或出错（Error during device I/O）"
    if "jammed" in low:
        return "卡纸，请取出纸张后重试"
    if "cover open" in low or "cover is open" in low:
        return "扫描仪盖板未合上"
    if "device busy" in low:
        return "扫描仪正被其他程序使用"
    if "out of documents" in low or "no docs" in low:
        return "进纸器中没有纸"
    if "access to resource has been denied" in low or "access denied" in low:
        return "没有使用扫描仪的权限"
    m = re.search(r"scanimage: (.+)", stderr)
    if m and "batch terminated" not in m.group(1).lower():
        return m.group(1).strip()
    return None
