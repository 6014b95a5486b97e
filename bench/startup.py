"""Startup, whole processes, each against a peer run alternately with it in the same run (medians):

- the login window: process start → main window shown, and → "ready" (data dir opened with its key, the
  login dialog up, the clerk can type), against a bare PySide6 QMainWindow process: target ready ≤ 3×;
- the demo window: process start → "ready" (data dir open, features installed, the embedded platform
  starting), against the same bare process: target ≤ 5×;
- ``python -m clerk --help`` against a bare ``python -c pass``: target ≤ 0.25 s (wall), CPU shown too;
- the demo window's resident memory once idle (every background job done, the embedded platform up),
  against the bare QMainWindow process: target ≤ 200 MiB; and what takes it (RSS after importing each
  of the big libraries, one process each).

    python bench/startup.py [N]

The data dir's key comes from a test-only plaintext keyring in a temp dir (the product refuses those).
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _figures import Figure, report  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
BARE = """
import os, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1366, 768); w.show()
def report():
    print(f"shown {time.time():.6f} {time.process_time():.4f}", flush=True)
    if os.environ.get("WINDOW_CLERK_STARTUP_PROBE") == "idle":
        with open("/proc/self/statm") as f:
            print(f"rss {int(f.read().split()[1]) * os.sysconf('SC_PAGE_SIZE')}", flush=True)
    app.quit()
QTimer.singleShot(0, report)
app.exec()
"""
MIB = 1024 * 1024
# what takes the memory: RSS of a process that imports only this (one process each)
LAYERS = [
    ("python", "pass"),
    ("+ PySide6 window", "from PySide6.QtWidgets import QApplication, QMainWindow; a = QApplication([]); w = QMainWindow(); w.show(); a.processEvents()"),
    ("+ SQLAlchemy", "import sqlalchemy.orm"),
    ("+ pydantic", "import pydantic"),
    ("+ catalog loaded", "from clerk.catalog.loader import load_catalog_dir; load_catalog_dir(None)"),
    ("+ FastAPI/uvicorn", "import fastapi, uvicorn"),
    ("+ reportlab", "import reportlab.platypus, reportlab.pdfbase.ttfonts"),
    ("+ pypdfium2/img2pdf/PIL", "import pypdfium2, img2pdf, PIL.Image"),
    ("+ cryptography", "import cryptography.hazmat.primitives.ciphers.aead"),
]


def _run(cmd: list[str], env: dict[str, str]) -> tuple[dict[str, float], float]:
    """Seconds from spawning the process to each probe line ("shown", "ready"), "rss" in bytes; and the CPU
    seconds (user + system) the process used."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.time()
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT, timeout=180)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    found: dict[str, float] = {}
    for x in out.stdout.splitlines():
        parts = x.split()
        if parts[:1] in (["shown"], ["ready"]):
            found[parts[0]] = float(parts[1]) - t0
            if len(parts) > 2:
                found[parts[0] + "_cpu"] = float(parts[2])
        elif parts[:1] == ["rss"]:
            found["rss"] = float(parts[1])
    if "shown" not in found and out.returncode != 0:
        raise SystemExit(f"{cmd}: exit {out.returncode}: {out.stderr[-2000:]}")
    found.setdefault("wall", time.time() - t0)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return found, cpu


def _rss_of(code: str, env: dict[str, str]) -> float:
    probe = code + "\nimport os\nprint(int(open('/proc/self/statm').read().split()[1]) * os.sysconf('SC_PAGE_SIZE'))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    return float(out.stdout.split()[-1]) if out.returncode == 0 and out.stdout.split() else float("nan")


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    home = Path(tempfile.mkdtemp(prefix="wc-bench-start-"))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "WINDOW_CLERK_STARTUP_PROBE": "1",
           "QT_LOGGING_RULES": "qt.qpa.*=false", "PYTHONPATH": str(ROOT),
           # a test-only keyring in a temp dir for the data key (the product refuses plaintext keyrings)
           "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring", "WINDOW_CLERK_TEST_PLAINTEXT_KEYRING": "1",
           "XDG_DATA_HOME": str(home / "xdg"), "HOME": str(home)}
    idle_env = {**env, "WINDOW_CLERK_STARTUP_PROBE": "idle"}
    login_cmd = [sys.executable, str(ROOT / "main.py"), "--data-dir", str(home / "data")]
    demo_cmd = [sys.executable, str(ROOT / "main.py"), "--demo", "--data-dir", str(home / "demo")]
    bare_cmd = [sys.executable, "-c", BARE]
    help_cmd = [sys.executable, "-m", "clerk", "--help"]
    pass_cmd = [sys.executable, "-c", "pass"]
    for cmd in (login_cmd, demo_cmd, bare_cmd):  # first runs create and migrate the caches, seed the demo
        _run(cmd, env)
    bare, shown, ready, demo, helps, help_cpu, passes = [], [], [], [], [], [], []
    bare_cpu, ready_cpu, demo_cpu = [], [], []
    for i in range(n):
        pairs = [(bare_cmd, bare, "shown"), (login_cmd, None, None), (demo_cmd, demo, "ready"),
                 (help_cmd, helps, "wall"), (pass_cmd, passes, "wall")]
        for cmd, into, what in pairs if i % 2 == 0 else reversed(pairs):
            t, cpu = _run(cmd, env)
            if into is None:
                shown.append(t["shown"])
                ready.append(t.get("ready", float("nan")))
                ready_cpu.append(t.get("ready_cpu", float("nan")))
            else:
                into.append(t[what])  # type: ignore[index]
            if cmd is bare_cmd:
                bare_cpu.append(t["shown_cpu"])
            elif cmd is demo_cmd:
                demo_cpu.append(t.get("ready_cpu", float("nan")))
            if cmd is help_cmd:
                help_cpu.append(cpu)
    rss_demo, _ = _run(demo_cmd, idle_env)
    rss_bare, _ = _run(bare_cmd, idle_env)
    m = {k: statistics.median(v) for k, v in (("bare", bare), ("shown", shown), ("ready", ready), ("demo", demo),
                                              ("help", helps), ("help_cpu", help_cpu), ("pass", passes),
                                              ("bare_cpu", bare_cpu), ("ready_cpu", ready_cpu), ("demo_cpu", demo_cpu))}
    print(f"bare PySide6 QMainWindow shown: median {m['bare'] * 1000:.0f} ms (n={n})")
    print(f"login window shown {m['shown'] * 1000:.0f} ms, ready (login dialog up) {m['ready'] * 1000:.0f} ms")
    print(f"demo window ready {m['demo'] * 1000:.0f} ms")
    print(f"CPU used by then: bare {m['bare_cpu'] * 1000:.0f} ms, login dialog {m['ready_cpu'] * 1000:.0f} ms "
          f"({m['ready_cpu'] / m['bare_cpu']:.2f}×), demo window {m['demo_cpu'] * 1000:.0f} ms "
          f"({m['demo_cpu'] / m['bare_cpu']:.2f}×)")
    print(f"python -m clerk --help {m['help'] * 1000:.0f} ms wall, {m['help_cpu'] * 1000:.0f} ms CPU; "
          f"python -c pass {m['pass'] * 1000:.0f} ms")
    layers = [(name, _rss_of(code, env)) for name, code in LAYERS]
    print("what takes the memory (RSS of a process importing only this):")
    for name, rss in layers:
        print(f"  {name:<26} {rss / MIB:6.0f} MiB  ({(rss - layers[0][1]) / MIB:+.0f} over bare python)")
    demo_rss, bare_rss = rss_demo.get("rss", float("nan")), rss_bare.get("rss", float("nan"))
    print(f"demo window idle RSS {demo_rss / MIB:.0f} MiB; bare QMainWindow {bare_rss / MIB:.0f} MiB")
    report("startup", [
        Figure("start: login window shown (ms)", m["shown"] * 1000, "bare QMainWindow process", m["bare"] * 1000,
               "≤ 2×", m["shown"] / m["bare"] <= 2),
        Figure("start: login dialog ready (ms)", m["ready"] * 1000, "bare QMainWindow process", m["bare"] * 1000,
               "≤ 3×", m["ready"] / m["bare"] <= 3),
        Figure("start: demo window ready (ms)", m["demo"] * 1000, "bare QMainWindow process", m["bare"] * 1000,
               "≤ 5×", m["demo"] / m["bare"] <= 5),
        Figure("start: login dialog ready, CPU (ms)", m["ready_cpu"] * 1000, "bare QMainWindow, CPU",
               m["bare_cpu"] * 1000, "≤ 3×", m["ready_cpu"] / m["bare_cpu"] <= 3),
        Figure("start: demo window ready, CPU (ms)", m["demo_cpu"] * 1000, "bare QMainWindow, CPU",
               m["bare_cpu"] * 1000, "≤ 5×", m["demo_cpu"] / m["bare_cpu"] <= 5),
        Figure("start: python -m clerk --help (ms)", m["help"] * 1000, "python -c pass", m["pass"] * 1000,
               "≤ 250 ms", m["help"] <= 0.25),
        Figure("start: demo idle RSS (MiB)", demo_rss / MIB, "bare QMainWindow process", bare_rss / MIB,
               "≤ 200 MiB", demo_rss / MIB <= 200),
    ])
    return 0


if __name__ == "__main__":
    sys.exit(main())
