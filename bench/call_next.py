"""Call-next: the server's own work (in-process, no HTTP) against the bare SQL of the same call, and the
embedded server's keep-alive request against the standalone server's.

    python bench/call_next.py [--waiting 3000] [--calls 300]

- ``call_next_impl`` (what POST /queue/windows/W/call-next runs) on SQLite with ``--waiting`` tickets
  waiting in three services, against two bare peers on the same database, A and B alternated, medians:
  the head-of-line SELECTs alone (the issue's 0.03 ms peer), and the whole call in raw sqlite3 — BEGIN
  IMMEDIATE, the window's services, one head SELECT per service and one for tickets sent to the
  window, UPDATE the ticket, INSERT the call, the near-notice head read, COMMIT (the fair peer):
  target ≤ 5× the fair peer. Timed in CPU seconds of this process (the machine is shared: wall time
  would count other processes' turns on the two cores).
- GET /api/v1/health on a kept-alive connection: ``backoffice.embedded.start_server`` (as the demo and
  the tests run it) against ``python -m backoffice``, both their own processes, alternated: target ≤ 1.5×.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
sys.path.insert(0, str(ROOT))
sys.path.append(str(Path(__file__).resolve().parent))

import requests  # noqa: E402
from _figures import Figure, report  # noqa: E402

SERVICES = ("intake", "pickup", "consult")
EMBEDDED = """
import sys
from pathlib import Path
from backoffice.embedded import start_server
d = Path(sys.argv[1])
srv = start_server(f"sqlite:///{d / 'bo.db'}", d / "files")
print(srv.url, flush=True)
sys.stdin.read()
srv.stop()
"""


def populate(ctx, waiting: int) -> None:  # type: ignore[no-untyped-def]
    from backoffice.db import QueueCounter, QueueWindow, Ticket

    now = ctx.now_ts()
    day = ctx.config.clock.today().isoformat()
    rng = random.Random(1)
    rows, counters = [], dict.fromkeys(SERVICES, 0)
    for i in range(waiting + 2000):
        code = SERVICES[i % 3]
        counters[code] += 1
        prio = "normal" if rng.random() < 0.8 else "elderly"
        done = i < 2000
        rows.append(Ticket(day=day, service=code, ticket_no=f"{code[0].upper()}{counters[code]:04d}", priority=prio,
                           prio_rank=0 if prio != "normal" else 1, state="done" if done else "waiting",
                           issued_ts=now - 8 * 3600 + i, window="W00" if done else None))
    with ctx.db.write() as s:
        s.add_all(rows)
        for code, n in counters.items():
            s.add(QueueCounter(day=day, service=code, last=n))
        for w in range(50):
            s.add(QueueWindow(code=f"W{w:02d}", services='["intake", "pickup", "consult"]', state="open",
                              updated_ts=now))


HEAD = ("SELECT id, prio_rank, issued_ts FROM queue_tickets WHERE org_code = ? AND day = ? AND state = 'waiting' "
        "AND service = ? AND target_window IS NULL ORDER BY prio_rank, issued_ts, id LIMIT 1")
TARGET = ("SELECT id, prio_rank, issued_ts FROM queue_tickets WHERE org_code = ? AND day = ? AND state = 'waiting' "
          "AND target_window = ? ORDER BY prio_rank, issued_ts, id LIMIT 1")
NEAR = ("SELECT id, phone, near_notified FROM queue_tickets WHERE org_code = ? AND day = ? AND state = 'waiting' "
        "AND service = ? ORDER BY prio_rank, issued_ts, id LIMIT ?")


def bare_heads(con: sqlite3.Connection, day: str, window: str) -> None:
    for code in SERVICES:
        con.execute(HEAD, ("", day, code)).fetchall()
    con.execute(TARGET, ("", day, window)).fetchall()


def bare_call(con: sqlite3.Connection, day: str, window: str, now: float, ahead: int) -> None:
    con.execute("PRAGMA synchronous=NORMAL")
    con.execute("BEGIN IMMEDIATE")
    services = con.execute("SELECT services, state FROM queue_windows WHERE org_code = ? AND code = ?",
                           ("", window)).fetchone()
    assert services is not None
    heads = [r for code in SERVICES for r in con.execute(HEAD, ("", day, code)).fetchall()]
    heads += con.execute(TARGET, ("", day, window)).fetchall()
    best = min(heads, key=lambda r: (r[1], r[2], r[0]))
    con.execute("UPDATE queue_tickets SET state = 'called', window = ?, target_window = NULL, called_ts = ?, "
                "first_called_ts = coalesce(first_called_ts, ?), last_action = 'call', last_window = ? WHERE id = ?",
                (window, now, now, window, best[0]))
    no = con.execute("SELECT ticket_no, service FROM queue_tickets WHERE id = ?", (best[0],)).fetchone()
    con.execute("INSERT INTO queue_calls (org_code, day, ticket_id, ticket_no, window, called_ts) VALUES (?, ?, ?, ?, ?, ?)",
                ("", day, best[0], no[0], window, now))
    con.execute(NEAR, ("", day, no[1], ahead + 1)).fetchall()
    con.execute("COMMIT")


def in_process(waiting: int, calls: int) -> dict[str, float]:
    from backoffice.app import open_context
    from backoffice.config import Config
    from backoffice.queue import call_next_impl

    tmp = Path(tempfile.mkdtemp(prefix="bench-callnext-"))
    ctx = open_context(Config(db_url=f"sqlite:///{tmp / 'bo.db'}", files_dir=tmp / "files"))
    populate(ctx, waiting)
    day = ctx.config.clock.today().isoformat()
    con = sqlite3.connect(tmp / "bo.db", isolation_level=None)
    ahead = ctx.config.hall.notify_ahead
    ours, heads, bare = [], [], []
    for i in range(20):  # warm-up
        call_next_impl(ctx, f"W{i % 50:02d}")
        bare_call(con, day, f"W{i % 50:02d}", ctx.now_ts(), ahead)
    for i in range(calls):
        window = f"W{i % 50:02d}"
        for which in ((0, 1, 2) if i % 2 == 0 else (2, 1, 0)):
            t0 = time.process_time()  # CPU: on a shared machine wall time counts other processes' turns
            if which == 0:
                assert call_next_impl(ctx, window) is not None
                ours.append(time.process_time() - t0)
            elif which == 1:
                bare_heads(con, day, window)
                heads.append(time.process_time() - t0)
            else:
                bare_call(con, day, window, ctx.now_ts(), ahead)
                bare.append(time.process_time() - t0)
    con.close()
    ctx.db.dispose()
    return {"ours": statistics.median(ours) * 1000, "heads": statistics.median(heads) * 1000,
            "bare": statistics.median(bare) * 1000}


def keep_alive(n: int) -> tuple[float, float]:
    tmp = Path(tempfile.mkdtemp(prefix="bench-keepalive-"))
    (tmp / "e").mkdir()
    emb = subprocess.Popen([sys.executable, "-c", EMBEDDED, str(tmp / "e")], cwd=ROOT, stdin=subprocess.PIPE,
                           stdout=subprocess.PIPE, text=True)
    assert emb.stdout is not None
    emb_url = emb.stdout.readline().strip()
    import socket

    with socket.socket() as sk:
        sk.bind(("127.0.0.1", 0))
        port = sk.getsockname()[1]
    std = subprocess.Popen([sys.executable, "-m", "backoffice", "--db", f"sqlite:///{tmp / 's.db'}", "--files-dir",
                            str(tmp / "sfiles"), "--port", str(port)], cwd=ROOT, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
    std_url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                requests.get(std_url + "/api/v1/health", timeout=1)
                break
            except requests.RequestException:
                time.sleep(0.05)
        se, ss = requests.Session(), requests.Session()
        times: dict[str, list[float]] = {"e": [], "s": []}
        for i in range(n + 10):
            for label, sess, url in ((("e", se, emb_url), ("s", ss, std_url)) if i % 2 == 0
                                     else (("s", ss, std_url), ("e", se, emb_url))):
                t0 = time.perf_counter()
                assert sess.get(url + "/api/v1/health").status_code == 200
                if i >= 10:
                    times[label].append(time.perf_counter() - t0)
        return statistics.median(times["e"]) * 1000, statistics.median(times["s"]) * 1000
    finally:
        assert emb.stdin is not None
        emb.stdin.close()
        emb.wait(20)
        std.terminate()
        std.wait(20)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--waiting", type=int, default=3000)
    ap.add_argument("--calls", type=int, default=300)
    ap.add_argument("--requests", type=int, default=200)
    args = ap.parse_args()
    r = in_process(args.waiting, args.calls)
    print(f"call-next server work (CPU) with {args.waiting} waiting: {r['ours']:.3f} ms; bare head SELECTs {r['heads']:.3f} ms "
          f"({r['ours'] / r['heads']:.1f}×); bare whole call in sqlite3 {r['bare']:.3f} ms ({r['ours'] / r['bare']:.1f}×)")
    e, s = keep_alive(args.requests)
    print(f"GET /health kept alive: embedded {e:.2f} ms, standalone {s:.2f} ms ({e / s:.2f}×)")
    report("call_next", [
        Figure("call-next server work, CPU (ms)", r["ours"], "bare whole call, sqlite3", r["bare"], "≤ 5×",
               r["ours"] / r["bare"] <= 5),
        Figure("call-next server work, CPU (ms)", r["ours"], "bare head-of-line SELECTs", r["heads"], "(issue's peer)", None),
        Figure("embedded keep-alive GET (ms)", e, "python -m backoffice", s, "≤ 1.5×", e / s <= 1.5),
    ])
    return 0


if __name__ == "__main__":
    sys.exit(main())
