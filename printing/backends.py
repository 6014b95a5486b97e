"""Printers the window prints to: a CUPS queue through ``lp``, or PDF files in a folder.

Every failure a person can fix (no CUPS client, scheduler down, queue missing, printer stopped or
not accepting jobs, disk full) raises ``PrinterError`` with a plain Chinese message and a ``kind``;
``retryable`` tells a caller to keep the job queued and try again once the printer is back.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
from abc import ABC, abstractmethod
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from clerk.atomic import write_atomic


class PrinterErrorKind(StrEnum):
    NO_CUPS_CLIENT = "no_cups_client"
    SCHEDULER_DOWN = "scheduler_down"
    QUEUE_MISSING = "queue_missing"
    STOPPED = "stopped"  # cupsdisable: paused, out of paper, offline
    NOT_ACCEPTING = "not_accepting"  # cupsreject
    SUBMIT_FAILED = "submit_failed"
    TIMEOUT = "timeout"
    NOT_PDF = "not_pdf"
    IO = "io"


_RETRYABLE = {PrinterErrorKind.SCHEDULER_DOWN, PrinterErrorKind.STOPPED, PrinterErrorKind.NOT_ACCEPTING,
              PrinterErrorKind.TIMEOUT, PrinterErrorKind.SUBMIT_FAILED, PrinterErrorKind.IO}


class PrinterError(Exception):
    """A print job was not submitted; ``str(err)`` is the message for the clerk (Chinese)."""

    def __init__(self, message: str, kind: PrinterErrorKind, detail: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.kind = kind
        self.detail = detail
        """What the tool said (English, for the log)."""

    @property
    def retryable(self) -> bool:
        """Whether the same job may succeed later unchanged (keep it queued)."""
        return self.kind in _RETRYABLE


class Printer(ABC):
    """Something a PDF can be printed on."""

    name: str

    @abstractmethod
    def print_pdf(self, pdf: bytes, title: str) -> str:
        """Submits ``pdf`` as a job titled ``title``; returns the job id. Raises ``PrinterError``."""


def _check_pdf(pdf: bytes) -> None:
    if not pdf.startswith(b"%PDF-"):
        raise PrinterError("要打印的内容不是 PDF 文件。", PrinterErrorKind.NOT_PDF)


def _clean_title(title: str) -> str:
    return " ".join(title.split())[:120] or "document"


@dataclass(frozen=True)
class QueueState:
    """What ``lpstat`` says about a CUPS queue."""

    name: str
    enabled: bool
    accepting: bool
    message: str = ""
    """The printer's state message (e.g. ``Paused``), if any."""

    @property
    def ready(self) -> bool:
        return self.enabled and self.accepting


_REQUEST_ID = re.compile(r"request id is (\S+)")
_REASONS = {"paused": "已暂停", "reason unknown": "", "media-empty": "缺纸", "media-jam": "卡纸", "offline": "脱机"}


class CupsPrinter(Printer):
    """A CUPS queue, driven through the ``lp``/``lpstat`` command-line tools."""

    def __init__(self, queue: str, *, timeout: float = 30.0, lp: str = "lp", lpstat: str = "lpstat") -> None:
        self.queue = queue
        self.name = queue
        self.timeout = timeout
        self._lp = lp
        self._lpstat = lpstat

    def _run(self, args: list[str], stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
        env = dict(os.environ, LC_ALL="C", LANG="C")
        try:
            return subprocess.run(args, input=stdin, capture_output=True, timeout=self.timeout, env=env, check=False)
        except FileNotFoundError as exc:
            raise PrinterError("未找到打印命令（lp/lpstat）：请安装 CUPS 客户端（cups-client）。",
                               PrinterErrorKind.NO_CUPS_CLIENT, str(exc)) from exc
        except subprocess.TimeoutExpired as exc:
            raise PrinterError("打印服务无响应（超时），任务未提交，请稍后重试。", PrinterErrorKind.TIMEOUT,
                               f"{args[0]} timed out after {self.timeout}s") from exc

    def _fail(self, proc: subprocess.CompletedProcess[bytes], doing: str) -> PrinterError:
        detail = (proc.stderr or proc.stdout).decode("utf-8", "replace").strip()
        low = detail.lower()
        if "scheduler is not running" in low or "unable to connect" in low or "connection refused" in low:
            return PrinterError("打印服务（CUPS）未运行或无法连接，请联系管理员。",
                                PrinterErrorKind.SCHEDULER_DOWN, detail)
        if ("invalid destination" in low or "unknown destination" in low or "does not exist" in low
                or "not found" in low):
            return PrinterError(f"打印机“{self.queue}”不存在，请在设置中选择正确的打印机。",
                                PrinterErrorKind.QUEUE_MISSING, detail)
        if "not accepting" in low:
            return PrinterError(f"打印机“{self.queue}”当前不接收打印任务，请联系管理员。",
                                PrinterErrorKind.NOT_ACCEPTING, detail)
        return PrinterError(f"{doing}失败：{detail or '未知错误'}", PrinterErrorKind.SUBMIT_FAILED, detail)

    @classmethod
    def list_queues(cls, *, timeout: float = 10.0) -> list[str]:
        """Names of the CUPS queues (``lpstat -e``); raises ``PrinterError`` if CUPS is unreachable."""
        probe = cls("", timeout=timeout)
        proc = probe._run([probe._lpstat, "-e"])
        if proc.returncode != 0:
            raise probe._fail(proc, "读取打印机列表")
        return [line.strip() for line in proc.stdout.decode("utf-8", "replace").splitlines() if line.strip()]

    def state(self) -> QueueState:
        """The queue's state (``lpstat -p`` and ``lpstat -a``); raises ``PrinterError`` if it is missing."""
        proc = self._run([self._lpstat, "-p", self.queue])
        if proc.returncode != 0 or not proc.stdout.strip():
            raise self._fail(proc, "读取打印机状态")
        text = proc.stdout.decode("utf-8", "replace")
        first, _, rest = text.partition("\n")
        enabled = " disabled" not in first
        message = rest.strip()
        proc = self._run([self._lpstat, "-a", self.queue])
        if proc.returncode != 0:
            raise self._fail(proc, "读取打印机状态")
        accepting = " not accepting" not in proc.stdout.decode("utf-8", "replace")
        return QueueState(self.queue, enabled, accepting, message)

    def check(self) -> QueueState:
        """Raises ``PrinterError`` unless the queue exists, is enabled and accepts jobs."""
        st = self.state()
        if not st.enabled:
            reason = _REASONS.get(st.message.strip().lower(), st.message.strip())
            why = f"（{reason}）" if reason else ""
            raise PrinterError(
                f"打印机“{self.queue}”已停止{why}：请检查纸张、卡纸或电源后在打印机管理中恢复。",
                PrinterErrorKind.STOPPED, st.message)
        if not st.accepting:
            raise PrinterError(f"打印机“{self.queue}”当前不接收打印任务，请联系管理员。",
                               PrinterErrorKind.NOT_ACCEPTING, st.message)
        return st

    def print_pdf(self, pdf: bytes, title: str) -> str:
        """Checks the queue, then submits ``pdf`` by ``lp -d QUEUE -t TITLE``; returns the CUPS job id."""
        _check_pdf(pdf)
        self.check()
        proc = self._run([self._lp, "-d", self.queue, "-t", _clean_title(title), "-"], stdin=pdf)
        if proc.returncode != 0:
            raise self._fail(proc, "提交打印任务")
        m = _REQUEST_ID.search(proc.stdout.decode("utf-8", "replace"))
        if not m:
            raise PrinterError("提交打印任务后未得到任务编号。", PrinterErrorKind.SUBMIT_FAILED,
                               proc.stdout.decode("utf-8", "replace"))
        return m.group(1)

    def pending_jobs(self) -> list[str]:
        """Ids of this queue's jobs not yet completed (``lpstat -o QUEUE``)."""
        proc = self._run([self._lpstat, "-o", self.queue])
        if proc.returncode != 0:
            raise self._fail(proc, "读取打印任务")
        return [line.split()[0] for line in proc.stdout.decode("utf-8", "replace").splitlines() if line.strip()]


_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


class PdfFilePrinter(Printer):
    """"Prints" by saving the PDF into a folder (另存为 PDF); the job id is the file's path."""

    def __init__(self, directory: Path | str) -> None:
        self.directory = Path(directory)
        self.name = f"PDF：{self.directory}"

    def print_pdf(self, pdf: bytes, title: str) -> str:
        _check_pdf(pdf)
        stem = _UNSAFE.sub("_", _clean_title(title)).strip(" ._") or "document"
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        try:
            self.directory.mkdir(parents=True, exist_ok=True, mode=0o700)  # printouts hold personal data
            target = self.directory / f"{stamp}-{stem}.pdf"
            n = 1
            while target.exists():
                n += 1
                target = self.directory / f"{stamp}-{stem}-{n}.pdf"
            write_atomic(target, pdf, prefix=".print-", suffix=".pdf")
        except OSError as exc:
            raise PrinterError(f"无法保存 PDF 到 {self.directory}：{exc.strerror or exc}",
                               PrinterErrorKind.IO, str(exc)) from exc
        return str(target)


def make_printer(spec: str) -> Printer:
    """The printer a settings string names: ``cups:QUEUE``, ``pdf:DIR`` (save as PDF), or a bare queue name.

    Registered as the ``window_clerk.documents`` entry point ``printer`` (``clerk.plugins.printer_factory``).
    Raises ``PrinterError`` (``QUEUE_MISSING``) for an empty spec.
    """
    spec = spec.strip()
    scheme, sep, rest = spec.partition(":")
    if sep and scheme.lower() == "pdf" and rest.strip():
        return PdfFilePrinter(Path(rest.strip()).expanduser())
    if sep and scheme.lower() == "cups":
        spec = rest.strip()
    if not spec:
        raise PrinterError("没有选择打印机：请在设置中选择打印机（cups:队列名 或 pdf:文件夹）。",
                           PrinterErrorKind.QUEUE_MISSING, "empty printer spec")
    return CupsPrinter(spec)
