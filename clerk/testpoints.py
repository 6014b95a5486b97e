"""Named points where a test stops the process, to kill it there (``kill -9`` tests without timing).

With ``CLERK_STOP_AT=<name>`` in its environment, a process that reaches ``reach("<name>")`` stops
itself with SIGSTOP; the test sees the stop (``waitpid(..., WUNTRACED)``) and sends SIGKILL. Without
the variable ``reach`` does nothing. Points: ``intake.pages_written`` (page-store files written, no
transaction yet), ``intake.before_commit`` (every row written, not committed), ``intake.committed``
(committed, result not printed).
"""

from __future__ import annotations

import os
import signal

ENV = "CLERK_STOP_AT"


def reach(name: str) -> None:
    if os.environ.get(ENV) == name:
        os.kill(os.getpid(), signal.SIGSTOP)
