"""Hall-queue benchmark: call-next latency with 50 windows calling at once, board and stats latency
with 20,000 tickets in the day, on SQLite and (if its binaries are there) PostgreSQL 15.

The server runs as its own process (``python -m backoffice``), and so do the callers: 10 client
processes of 5 threads each (50 windows), so the clients' threads do not share one interpreter either.
Call-next under that load is compared with a no-op GET /health from the same 50 callers under the
same load, phases alternated (call, health, call, health), p95 over all: target call-next p95 ≤ 1.5×
the no-op's. Every call-next must hand out a different ticket (exactly once). Board < 20 ms, stats
< 50 ms. PostgreSQL too when its binaries are there (not under BENCH_QUICK).
"""

# ruff: noqa: E402
from __future__ import annotations

import os
import sys

# This file is named queue.py: keep its folder off sys.path so the standard ``queue`` module wins.
_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != _HERE]

import random
import shutil
import socket
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from backoffice.app import open_context  # noqa: E402
from backoffice.auth import create_user  # noqa: E402
from backoffice.config import Config  # noqa: E402
from backoffice.db import QueueCounter, QueueWindow, Ticket  # noqa: E402

sys.path.append(_HERE)
from _figures import Figure, report  # noqa: E402

FIGURES: list[Figure] = []

PG_BIN = Path("/usr/lib/postgresql/15/bin")
TICKETS, WINDOWS, CALLS_PER_WINDOW = 20_000, 50, 20
PROCESSES = 10
CALLER = """
import json, sys, threading, time
import requests
url, token, first, n, calls, mode = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
out, lock = [], threading.Lock()
sessions = []
for w in range(first, first + n):
    s = requests.Session()
    s.headers["Authorization"] = "Bearer " + token
    s.get(url + "/api/v1/health")  # the connection is open before the start
    sessions.append((w, s))
print("ready", flush=True)
sys.stdin.readline()
def run(w, s):
    for _ in range(calls):
        t0 = time.perf_counter()
        if mode == "call":
            r = s.post(f"{url}/api/v1/queue/windows/W{w:02d}/call-next")
        else:
            r = s.get(url + "/api/v1/health")
        dt = (time.perf_counter() - t0) * 1000
        assert r.status_code == 200, r.text
        with lock:
            out.append(dt)
threads = [threading.Thread(target=run, args=ws) for ws in sessions]
for t in threads: t.start()
for t in threads: t.join()
print(json.dumps(out), flush=True)
"""


def callers(url: str, token: str, mode: str) -> list[float]:
    """Latencies (ms) of 50 callers in PROCESSES processes, started together."""
    per = WINDOWS // PROCESSES
    procs = [subprocess.Popen([sys.executable, "-c", CALLER, url, token, str(i * per), str(per), str(CALLS_PER_WINDOW),
                               mode], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
             for i in range(PROCESSES)]
    for p in procs:
        assert p.stdout is not None and p.stdout.readline().strip() == "ready"
    for p in procs:
        assert p.stdin is not None
        p.stdin.write("go\n")
        p.stdin.flush()
    out: list[float] = []
    for p in procs:
        assert p.stdout is not None
        import json

        out += json.loads(p.stdout.readline())
        p.wait(60)
    return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def populate(db_url: str, files: Path) -> None:
    ctx = open_context(Config(db_url=db_url, files_dir=files))
    now = ctx.now_ts()
    day = ctx.config.clock.today().isoformat()
    rng = random.Random(1)
    services = [("intake", "A"), ("pickup", "B"), ("consult", "C")]
    counters = {code: 0 for code, _ in services}
    rows = []
    for i in range(TICKETS):
        code, prefix = services[i % 3]
        counters[code] += 1
        issued = now - 8 * 3600 + i
        prio = "normal" if rng.random() < 0.8 else "elderly"
        done = i < TICKETS - 3000
        rows.append(Ticket(
            day=day, service=code, ticket_no=f"{prefix}{counters[code]:03d}", priority=prio,
            prio_rank=0 if prio != "normal" else 1, state="done" if done else "waiting", issued_ts=issued,
            window=f"W{i % WINDOWS:02d}" if done else None,
            first_called_ts=issued + 60 if done else None, called_ts=issued + 60 if done else None,
            started_ts=issued + 70 if done else None, finished_ts=issued + 300 if done else None,
        ))
    with ctx.db.write() as s:
        s.add_all(rows)
        for code, n in counters.items():
            s.add(QueueCounter(day=day, service=code, last=n))
        for w in range(WINDOWS):
            s.add(QueueWindow(code=f"W{w:02d}", services='["intake", "pickup", "consult"]', state="open",
                              updated_ts=now))
        create_user(s, "bench", "bench-pass", ["admin"])
    ctx.db.dispose()


def serve(db_url: str, files: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "backoffice", "--db", db_url, "--files-dir", str(files),
                             "--port", str(port)], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            requests.get(url + "/api/v1/health", timeout=1)
            return proc, url
        except requests.RequestException:
            time.sleep(0.05)
    proc.kill()
    raise RuntimeError("server did not start")


def measure(label: str, db_url: str, files: Path) -> None:
    populate(db_url, files)
    proc, url = serve(db_url, files)
    try:
        token = requests.post(url + "/api/v1/auth/login",
                              json={"username": "bench", "password": "bench-pass", "device_id": "bench"}).json()["token"]
        auth = {"Authorization": f"Bearer {token}"}
        latencies: list[float] = []
        noops: list[float] = []
        t0 = time.perf_counter()
        for phase in ("call", "health", "call", "health"):
            (latencies if phase == "call" else noops).extend(callers(url, token, phase))
        wall = time.perf_counter() - t0
        calls, distinct = called_once(db_url)
        print(f"[{label}] call-next, {WINDOWS} callers in {PROCESSES} processes, {len(latencies)} calls: "
              f"p50 {pct(latencies, 50):.1f} ms, p95 {pct(latencies, 95):.1f} ms; no-op GET /health under the same "
              f"load p50 {pct(noops, 50):.1f} ms, p95 {pct(noops, 95):.1f} ms "
              f"(ratio p95 {pct(latencies, 95) / pct(noops, 95):.2f}, target ≤ 1.5); {distinct} distinct tickets "
              f"for {calls} calls ({len(latencies) + len(noops)} requests in {wall:.1f} s)")
        assert calls == distinct == len(latencies), "a ticket was handed out twice"
        FIGURES.append(Figure(f"call-next p95, 50 callers, {label} (ms)", pct(latencies, 95),
                              "no-op GET, same load", pct(noops, 95), "≤ 1.5×",
                              pct(latencies, 95) / pct(noops, 95) <= 1.5))
        s = requests.Session()
        s.headers.update(auth)

        def timed(path: str, n: int = 50) -> list[float]:
            out = []
            for _ in range(n):
                t = time.perf_counter()
                assert s.get(url + path).status_code == 200
                out.append((time.perf_counter() - t) * 1000)
            return out

        for path, target in (("/api/v1/queue/board", 20), ("/api/v1/queue/stats", 50)):
            lat = timed(path)
            print(f"[{label}] {path.rsplit('/', 1)[1]} with {TICKETS} tickets today: p50 {statistics.median(lat):.1f} ms, "
                  f"p95 {pct(lat, 95):.1f} ms  target < {target} ms")
            FIGURES.append(Figure(f"{path.rsplit('/', 1)[1]} p95, {label} (ms)", pct(lat, 95), None, None,
                                  f"< {target} ms", pct(lat, 95) < target))
    finally:
        proc.terminate()
        proc.wait(10)


def called_once(db_url: str) -> tuple[int, int]:
    """Calls recorded and distinct tickets among them."""
    from sqlalchemy import create_engine, text

    engine = create_engine(db_url)
    try:
        with engine.connect() as c:
            row = c.execute(text("SELECT COUNT(*), COUNT(DISTINCT ticket_id) FROM queue_calls")).one()
            return int(row[0]), int(row[1])
    finally:
        engine.dispose()


def with_postgres(run: Callable[[str], None]) -> None:
    if not (PG_BIN / "initdb").exists():
        print("[postgresql] skipped: no PostgreSQL 15 binaries in", PG_BIN)
        return
    base = Path(tempfile.mkdtemp(prefix="bo-bench-pg-"))
    prefix = []
    if os.geteuid() == 0:
        shutil.chown(base, "postgres")
        prefix = ["runuser", "-u", "postgres", "--"]
    data, port = base / "data", free_port()
    subprocess.run([*prefix, str(PG_BIN / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust",
                    "-E", "UTF8", "--locale=C", "--no-sync"], check=True, capture_output=True)
    subprocess.run([*prefix, str(PG_BIN / "pg_ctl"), "-D", str(data), "-l", str(base / "log"), "-w", "-o",
                    f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c max_connections=300", "start"],
                   check=True, capture_output=True)
    try:
        run(f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres")
    finally:
        subprocess.run([*prefix, str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "fast", "stop"], capture_output=True)
        shutil.rmtree(base, ignore_errors=True)


def main() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="bo-bench-"))
    try:
        measure("sqlite", f"sqlite:///{tmp / 'bench.db'}", tmp / "files")
        if not os.environ.get("BENCH_QUICK"):
            with_postgres(lambda url: measure("postgresql", url, tmp / "pgfiles"))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    report("hall_queue", FIGURES)


if __name__ == "__main__":
    main()
