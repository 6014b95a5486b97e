"""Logs never hold a full ID number, phone number, token, name or address: every record is scrubbed,
files rotate, and the log files are the user's only (0600 in a 0700 folder).

SQLAlchemy's engine log would write statement parameters (INFO) and result rows (DEBUG) — the
applicants' names and addresses, which no pattern can recognise in free text. Those records keep
their statement and timing but lose their data (and the cache's engine hides parameters anyway).

``install_log_scrubber()`` scrubs each record when it is made (message with its args, for every
logger, whichever handler gets it) and adds ``ScrubFilter`` to the root logger and its handlers (for
tracebacks and records made elsewhere). ``setup_logging(data_dir)`` adds the rotating file log in
``data_dir/logs``. The app calls ``setup_logging`` once at start.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from clerk.security.masking import scrub

LOG_FILE = "clerk.log"
MAX_BYTES = 5 * 2**20
BACKUPS = 5


_SQL_DATA_FORMATS = {"[%s] %r": "[%s] [parameters hidden: personal data]", "Row %r": "Row [hidden: personal data]"}


def _hide_sql_data(record: logging.LogRecord) -> None:
    """SQLAlchemy's parameter and row records without their values (they hold personal data)."""
    fmt = record.msg if isinstance(record.msg, str) else ""
    if fmt == "[%s] %r" and isinstance(record.args, tuple) and record.args:
        record.msg, record.args = _SQL_DATA_FORMATS[fmt], (record.args[0],)
    elif fmt == "Row %r":
        record.msg, record.args = _SQL_DATA_FORMATS[fmt], None


def _scrub_record(record: logging.LogRecord) -> None:
    if getattr(record, "_scrubbed", False):
        return
    if record.name.startswith("sqlalchemy."):
        _hide_sql_data(record)
    try:
        message = record.getMessage()
    except Exception:  # a broken format string: keep what there is, scrubbed
        message = f"{record.msg} {record.args!r}"
    record.msg = scrub(message)
    record.args = None
    if record.exc_info and not record.exc_text:
        record.exc_text = logging.Formatter().formatException(record.exc_info)
    if record.exc_text:
        record.exc_text = scrub(record.exc_text)
    if record.stack_info:
        record.stack_info = scrub(record.stack_info)
    record._scrubbed = True


class ScrubFilter(logging.Filter):
    """Masks personal numbers and secrets in a record (message, args, traceback); never drops it."""

    def filter(self, record: logging.LogRecord) -> bool:
        _scrub_record(record)
        return True


_FILTER = ScrubFilter("clerk-scrub")
_installed_factory: Callable[..., logging.LogRecord] | None = None


def install_log_scrubber() -> ScrubFilter:
    """Scrubs every log record from now on (idempotent); returns the filter (for extra handlers)."""
    global _installed_factory
    current = logging.getLogRecordFactory()
    if _installed_factory is None or current is not _installed_factory:
        previous = current

        def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
            record = previous(*args, **kwargs)
            _scrub_record(record)
            return record

        logging.setLogRecordFactory(factory)
        _installed_factory = factory
    root = logging.getLogger()
    if _FILTER not in root.filters:
        root.addFilter(_FILTER)
    for h in root.handlers:
        if _FILTER not in h.filters:
            h.addFilter(_FILTER)
    return _FILTER


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose files (the current one and each new one after a rollover) are 0600."""

    def _open(self):  # type: ignore[no-untyped-def]  # logging's own signature
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_CLOEXEC, 0o600)
        try:
            if os.fstat(fd).st_mode & 0o077:
                os.fchmod(fd, 0o600)  # a log of an older version was 0644
        except OSError:
            pass
        return os.fdopen(fd, "a", encoding=self.encoding, errors=self.errors)


def setup_logging(data_dir: Path, level: int = logging.INFO) -> logging.Handler:
    """Rotating UTF-8 file log in ``data_dir/logs`` (5 × 5 MiB, files 0600), scrubbed. Returns the handler."""
    logs = data_dir / "logs"
    logs.mkdir(parents=True, exist_ok=True, mode=0o700)
    root = logging.getLogger()
    path = (logs / LOG_FILE).resolve()
    for h in root.handlers:
        if isinstance(h, logging.handlers.RotatingFileHandler) and Path(h.baseFilename) == path:
            install_log_scrubber()
            return h
    handler = PrivateRotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(threadName)s]: %(message)s"))
    handler.setLevel(level)
    root.addHandler(handler)
    if root.level > level or root.level == logging.NOTSET:
        root.setLevel(level)
    install_log_scrubber()
    return handler


def remove_logging(handler: logging.Handler) -> None:
    """Detaches and closes a handler from ``setup_logging`` (tests, data-dir switch)."""
    logging.getLogger().removeHandler(handler)
    handler.close()
