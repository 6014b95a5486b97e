"""The vendor-SDK reader: the "termb" library shape most ID-card reader vendors ship for Linux, via ctypes.

The SDK's four calls::

    int InitComm(int port)     1 = ok; port 1001 = the first USB reader, 1–16 a serial port
    int Authenticate(void)     1 = a card is on the reader (found and selected)
    int Read_Content(int)      1 = ok; writes wz.txt (the 256-byte text block) and zp.bmp (the decoded
                               photo) into the process's CURRENT DIRECTORY
    int CloseComm(void)

Because the SDK writes personal data into the current directory, and the current directory is the
whole process's, the library runs in a small child process of its own (``python -m
clerk.devices.termb --worker LIB PORT``) whose working directory is a private temporary directory
(mode 0700). After every read the child hands the two files' bytes over its pipe and deletes every
file the SDK wrote; the directory goes when the reader is closed (or the child sees its parent go).
A vendor library that crashes or hangs takes the child down, never the window; the next call
starts a new one. The child's own stdout is pointed at /dev/null (vendor libraries print), the
protocol runs over a duplicate of it: one JSON object per line each way.

This module imports only the standard library at the top: the child loads nothing else.
"""

from __future__ import annotations

import base64
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

USB_PORT = 1001
TEXT_FILE = "wz.txt"
PHOTO_FILE = "zp.bmp"
CALLS = ("InitComm", "Authenticate", "Read_Content", "CloseComm")


# -- the child: the library itself -----------------------------------------------------------------------
class _Library:
    """The four SDK calls over ctypes (in the child process only)."""

    def __init__(self, path: str) -> None:
        import ctypes

        self.lib = ctypes.CDLL(path)
        missing = [name for name in CALLS if not hasattr(self.lib, name)]
        if missing:
            raise AttributeError("、".join(missing))
        for name in CALLS:
            fn = getattr(self.lib, name)
            fn.restype = ctypes.c_int
        self.lib.InitComm.argtypes = [ctypes.c_int]
        self.lib.Authenticate.argtypes = []
        self.lib.Read_Content.argtypes = [ctypes.c_int]
        self.lib.CloseComm.argtypes = []

    def init(self, port: int) -> int:
        return int(self.lib.InitComm(port))

    def authenticate(self) -> int:
        return int(self.lib.Authenticate())

    def read_content(self) -> int:
        return int(self.lib.Read_Content(1))

    def close(self) -> int:
        return int(self.lib.CloseComm())


def _wipe(folder: Path) -> None:
    """Deletes every file the SDK wrote into its working directory (wz.txt, zp.bmp, xp.wlt, fp.dat …)."""
    for entry in folder.iterdir():
        try:
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                entry.unlink()
        except OSError:
            pass


def worker_main(lib_path: str, port: int) -> int:
    """The child's loop: requests on stdin, answers on the saved stdout, the SDK in the current directory."""
    out = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)  # whatever the vendor library prints does not reach the protocol (or a log)
    os.dup2(devnull, 2)
    here = Path.cwd()

    def answer(**kw: Any) -> None:
        out.write(json.dumps(kw) + "\n")
        out.flush()

    lib: _Library | None = None
    load_error = ""
    try:
        lib = _Library(lib_path)
    except OSError as exc:
        load_error = f"load:{exc}"
    except AttributeError as exc:
        load_error = f"symbols:{exc}"
    opened = False
    try:
        for line in sys.stdin:
            try:
                op = json.loads(line).get("op")
            except (ValueError, AttributeError):
                answer(error="protocol")
                continue
            if op == "close":
                if lib is not None and opened:
                    lib.close()
                answer(ok=True)
                break
            if lib is None:
                answer(error="unavailable", detail=load_error)
                continue
            if not opened:
                rc = lib.init(port)
                if rc != 1:
                    answer(error="not_connected", rc=rc)
                    continue
                opened = True
            if op == "open":
                answer(ok=True)
            elif op == "present":
                answer(present=lib.authenticate() == 1)
            elif op == "read":
                _wipe(here)
                if lib.authenticate() != 1:
                    answer(error="no_card")
                    continue
                rc = lib.read_content()
                try:
                    text = (here / TEXT_FILE).read_bytes() if (here / TEXT_FILE).exists() else None
                    photo = (here / PHOTO_FILE).read_bytes() if (here / PHOTO_FILE).exists() else None
                finally:
                    _wipe(here)  # personal data: nothing stays on disk after the read
                if rc != 1 or text is None:
                    answer(error="read_failed", rc=rc)
                    continue
                answer(ok=True, text=base64.b64encode(text).decode("ascii"),
                       photo=base64.b64encode(photo).decode("ascii") if photo is not None else None)
            else:
                answer(error="protocol")
    finally:
        _wipe(here)
        try:
            os.chdir("/")
            here.rmdir()  # the parent created it for this child; gone with the child
        except OSError:
            pass
    return 0


# -- the parent: a reader over the child -------------------------------------------------------------------
class TermbReader:
    """A reader behind the vendor's termb library (``termb:/path/libtermb.so[:PORT]``).

    ``present()`` asks Authenticate; ``read()`` reads the card (``NoCard``, ``ReadFailed``,
    ``MalformedCard``, ``ReaderUnavailable``). Thread-safe: one call at a time reaches the library.
    """

    kind = "termb"

    def __init__(self, library: Path, port: int = USB_PORT, *, timeout_s: float = 15.0,
                 python: str | None = None) -> None:
        self.library = Path(library)
        self.port = port
        self.timeout_s = timeout_s
        self.python = python or sys.executable
        self._proc: subprocess.Popen[str] | None = None
        self._workdir: Path | None = None
        self._lock = threading.Lock()

    @property
    def spec(self) -> str:
        return f"termb:{self.library}:{self.port}"

    @property
    def workdir(self) -> Path | None:
        """The running child's private working directory (None when no child runs)."""
        return self._workdir

    def describe(self) -> str:
        where = "USB" if self.port >= 1001 else f"串口 {self.port}"
        return f"身份证阅读器（{self.library.name}，{where}）"

    # -- the calls --------------------------------------------------------------------------------------
    def check(self) -> str:
        """Opens the reader (loading the library); ``ReaderUnavailable`` when it cannot."""
        self._call({"op": "open"})
        return self.describe()

    def present(self) -> bool:
        return bool(self._call({"op": "present"}).get("present"))

    def read(self) -> Any:
        from clerk.devices.idcard import parse_text_block, photo_to_png

        reply = self._call({"op": "read"})
        text = base64.b64decode(reply["text"])
        card = parse_text_block(text)
        photo = reply.get("photo")
        return card.with_photo(photo_to_png(base64.b64decode(photo)) if photo else None)

    def close(self) -> None:
        with self._lock:
            self._stop()

    # -- the child --------------------------------------------------------------------------------------
    def _call(self, request: dict[str, Any]) -> dict[str, Any]:
        from clerk.devices.idcard import NoCard, ReaderUnavailable, ReadFailed

        with self._lock:
            proc = self._start()
            assert proc.stdin is not None and proc.stdout is not None
            try:
                proc.stdin.write(json.dumps(request) + "\n")
                proc.stdin.flush()
                ready, _, _ = select.select([proc.stdout], [], [], self.timeout_s)
                line = proc.stdout.readline() if ready else None
            except (BrokenPipeError, OSError):
                line = ""
            if line is None:
                self._stop()
                raise ReaderUnavailable(f"读卡器 {self.timeout_s:.0f} 秒无响应（{self.library.name}），请重新插拔读卡器")
            if not line:
                self._stop()
                raise ReaderUnavailable(f"读卡器驱动 {self.library.name} 异常退出，请重新插拔读卡器后再读")
            reply: dict[str, Any] = json.loads(line)
        error = reply.get("error")
        if error is None:
            return reply
        if error == "no_card":
            raise NoCard()
        if error == "read_failed":
            raise ReadFailed(f"读卡失败（返回值 {reply.get('rc')}）：请把证件放稳，不要移动，再读一次")
        if error == "not_connected":
            where = "USB 口" if self.port >= 1001 else f"串口 {self.port}"
            raise ReaderUnavailable(f"读卡器未连接（{where}，InitComm 返回 {reply.get('rc')}）：请检查读卡器的连接线和电源")
        if error == "unavailable":
            detail = str(reply.get("detail") or "")
            if detail.startswith("symbols:"):
                raise ReaderUnavailable(f"读卡器驱动库 {self.library} 缺少函数 {detail[8:]}，不是 termb 接口的驱动")
            raise ReaderUnavailable(f"无法加载读卡器驱动库 {self.library}：{detail[5:] or '未知原因'}")
        raise ReaderUnavailable(f"读卡器驱动 {self.library.name} 的回答无法识别")

    def _start(self) -> subprocess.Popen[str]:
        from clerk.devices.idcard import ReaderUnavailable

        if self._proc is not None and self._proc.poll() is None:
            return self._proc
        self._stop()
        if not self.library.is_file():
            raise ReaderUnavailable(f"读卡器驱动库 {self.library} 不存在：请安装读卡器厂商的驱动，或在设置中改正路径")
        self._workdir = Path(tempfile.mkdtemp(prefix="idcard-"))  # mode 0700: only this user reads it
        root = str(Path(__file__).resolve().parents[2])
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (root, os.environ.get("PYTHONPATH", "")) if p)}
        try:
            self._proc = subprocess.Popen(
                [self.python, "-m", "clerk.devices.termb", "--worker", str(self.library.resolve()), str(self.port)],
                cwd=self._workdir, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                text=True, encoding="utf-8", env=env, close_fds=True)
        except OSError as exc:
            self._stop()
            raise ReaderUnavailable(f"无法启动读卡器驱动进程：{exc.strerror or exc}") from exc
        return self._proc

    def _stop(self) -> None:
        proc, self._proc = self._proc, None
        if proc is not None:
            try:
                if proc.poll() is None and proc.stdin is not None:
                    proc.stdin.write(json.dumps({"op": "close"}) + "\n")
                    proc.stdin.flush()
                proc.wait(timeout=3)
            except (OSError, ValueError, subprocess.TimeoutExpired):
                proc.kill()
                proc.wait()
            for stream in (proc.stdin, proc.stdout):
                if stream is not None:
                    try:
                        stream.close()
                    except OSError:
                        pass
        workdir, self._workdir = self._workdir, None
        if workdir is not None:
            shutil.rmtree(workdir, ignore_errors=True)  # the child removed its files; this removes the rest

    def __del__(self) -> None:  # a reader forgotten without close(): no child, no directory left
        try:
            self._stop()
        except Exception:  # noqa: BLE001 - interpreter shutdown
            pass


def _main(argv: list[str]) -> int:
    if len(argv) == 3 and argv[0] == "--worker":
        return worker_main(argv[1], int(argv[2]))
    print("usage: python -m clerk.devices.termb --worker LIBRARY PORT", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(_main(sys.argv[1:]))
