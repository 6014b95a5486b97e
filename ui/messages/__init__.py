"""The one path from an error or a notice to the person at the screen (qutebrowser's ``utils/message.py``).

    messages.info(self, self.tr("已保存"))          # a line in this window's status bar
    messages.error(self, exc)                       # "操作失败：" + the error as one translated sentence
    label.setText(messages.describe(exc))           # the sentence, for a widget that shows it in place

A widget never formats ``str(exc)`` itself: ``describe`` turns any exception into one line — a
``ClerkError`` (or a validation problem) into its sentence in the interface language (``translate``:
the core writes Chinese, the English interface reads it through the catalogue in
``ui/messages/catalog.py``), anything else into its text, logged with its traceback. ``info``,
``warning`` and ``error`` find the window of ``where`` (its ``MessageSink``, the shell) and show the
line there; with no window to show it in, the line is logged.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol, runtime_checkable

from ui.messages.catalog import translate, translate_problems
from ui.qt import QCoreApplication, QMessageBox, QObject, QWidget

log = logging.getLogger(__name__)

INFO_MS = 8000
ERROR_MS = 10000

__all__ = ["ERROR_MS", "INFO_MS", "Level", "Message", "MessageSink", "describe", "error", "error_box", "info",
           "sink_for", "translate", "translate_problems", "warning"]


class Level(StrEnum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True)
class Message:
    text: str
    level: Level = Level.INFO
    timeout_ms: int = INFO_MS


@runtime_checkable
class MessageSink(Protocol):
    """Where a window shows messages (the shell: its status bar)."""

    def show_message(self, message: Message) -> None: ...


def describe(exc: BaseException) -> str:
    """The one line a person reads for ``exc``, in the interface language."""
    from clerk.errors import ClerkError
    from clerk.intake.validation import ValidationFailed

    if isinstance(exc, ValidationFailed):
        return "；".join(translate_problems(exc.problems).values())
    if isinstance(exc, ClerkError):
        text = getattr(exc, "message", None) or exc.one_line()
        return translate(str(text))
    if isinstance(exc, OSError) and exc.strerror:
        where = f"{exc.filename}：" if exc.filename else ""
        return where + exc.strerror
    log.error("unexpected error shown to the user", exc_info=exc)
    return str(exc) or type(exc).__name__


def sink_for(where: QObject | None) -> MessageSink | None:
    """The window ``where`` belongs to, if it shows messages (walks up the parents)."""
    o: QObject | None = where
    while o is not None:
        if isinstance(o, MessageSink):
            return o
        o = o.parent()
    return None


def _post(where: QObject | None, message: Message) -> None:
    sink = sink_for(where)
    if sink is None:
        log.log(logging.WARNING if message.level is not Level.INFO else logging.INFO, "%s", message.text)
        return
    sink.show_message(message)


def info(where: QObject | None, text: str, timeout_ms: int = INFO_MS) -> None:
    """A notice in the status bar of ``where``'s window."""
    _post(where, Message(text, Level.INFO, timeout_ms))


def warning(where: QObject | None, text: str, timeout_ms: int = ERROR_MS) -> None:
    _post(where, Message(text, Level.WARNING, timeout_ms))


def error(where: QObject | None, problem: BaseException | str, *, prefix: str | None = None,
          timeout_ms: int = ERROR_MS) -> None:
    """An error in the status bar of ``where``'s window: ``prefix`` (default 操作失败：) + the sentence."""
    text = describe(problem) if isinstance(problem, BaseException) else problem
    head = QCoreApplication.translate("Messages", "操作失败：") if prefix is None else prefix
    _post(where, Message(head + text, Level.ERROR, timeout_ms))


def error_box(parent: QWidget | None, title: str, text: str) -> None:
    """A modal error dialog, for what the person must read before anything else (the data dir is unusable)."""
    QMessageBox.critical(parent, title, text)
