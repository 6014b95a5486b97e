"""Startup: process start → main window shown, as a ratio to a bare PySide6 QMainWindow (same run, offscreen).

    python bench/startup.py [N]      target: ratio ≤ 2.0
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BARE = """
import time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1366, 768); w.show()
def report():
    print(f"shown {time.time():.6f}", flush=True); app.quit()
QTimer.singleShot(0, report)
app.exec()
"""


def _time(cmd: list[str], env: dict[str, str], what: str = "shown") -> float:
    return _times(cmd, env)[what]


def _times(cmd: list[str], env: dict[str, str]) -> dict[str, float]:
    """Seconds from spawning the process to each probe line it prints ("shown", and "ready" for the app)."""
    t0 = time.time()
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    found = {x.split()[0]: float(x.split()[1]) - t0 for x in out.stdout.splitlines() if x.split()[:1] in (["shown"], ["ready"])}
    if "shown" not in found:
        raise SystemExit(f"no 'shown' line from {cmd}: {out.stderr[-2000:]}")
    return found


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "WINDOW_CLERK_STARTUP_PROBE": "1"}
    data = Path(tempfile.mkdtemp(prefix="wc-bench-start-"))
    app_cmd = [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data)]
    bare_cmd = [sys.executable, "-c", BARE]
    _time(app_cmd, env)  # first run creates and migrates the cache; not what a clerk sees each morning
    _time(bare_cmd, env)
    bare, app, ready = [], [], []
    for _ in range(n):
        bare.append(_time(bare_cmd, env))
        t = _times(app_cmd, env)
        app.append(t["shown"])
        ready.append(t.get("ready", float("nan")))
    b, a, r = statistics.median(bare), statistics.median(app), statistics.median(ready)
    print(f"bare PySide6 QMainWindow shown: median {b * 1000:.0f} ms (n={n})")
    print(f"window-clerk main window shown: median {a * 1000:.0f} ms (n={n})")
    print(f"window-clerk ready (data dir open with its key, login dialog up): median {r * 1000:.0f} ms, "
          f"{r / b:.2f}× bare")
    print(f"ratio {a / b:.2f} (target ≤ 2.0) {'OK' if a / b <= 2.0 else 'OVER'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
