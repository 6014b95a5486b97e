"""Issue-21 hall figures on SQLite, each next to its peer: a booking vs. a ticket, call-number vs.
call-next, the status page vs. the board, and handing over an outage's 200 fallback tickets.

Targets: booking p95 < 60 ms (it writes durably and seals the person), call-number p95 within 2× of
call-next, status page p95 < 30 ms, 200 fallback tickets handed over in < 2 s. The server runs as its
own process (``python -m backoffice``) on loopback.
"""

# ruff: noqa: E402
from __future__ import annotations

import datetime as dt
import json
import os
import socket
import subprocess
import sys
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

N = 200


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def ric(n: int) -> str:
    from stdnum.cn import ric as std

    base = f"2301021990{1 + n // 28 % 12:02d}{1 + n % 28:02d}{n % 1000:03d}"
    return base + std.calc_check_digit(base + "0")


def timed(fn: Callable[[], requests.Response], expect: tuple[int, ...] = (200, 201)) -> float:
    t0 = time.perf_counter()
    r = fn()
    ms = (time.perf_counter() - t0) * 1000
    assert r.status_code in expect, r.text
    return ms


def line(name: str, values: list[float], target: str) -> None:
    print(f"{name:<34} p50 {pct(values, 50):6.1f} ms   p95 {pct(values, 95):6.1f} ms   ({target})")


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="bench-hall21-"))
    db = f"sqlite:///{work / 'hall.db'}"
    hall_json = work / "hall.json"
    hall_json.write_text(json.dumps({"slot_capacity": {"intake": 1000}, "book_days_ahead": 30}))
    ctx = open_context(Config(db_url=db, files_dir=work / "files"))
    with ctx.db.write() as s:
        create_user(s, "sup", "bench-pass", ["supervisor"], org_code="230102")
        create_user(s, "kiosk", "bench-pass", ["kiosk"], org_code="230102")
    ctx.db.dispose()
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "backoffice", "--db", db, "--files-dir", str(work / "files"),
                             "--port", str(port), "--at-rest", "disk", "--hall-config", str(hall_json)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if requests.get(url + "/api/v1/health", timeout=1).ok:
                    break
            except requests.RequestException:
                pass
            if time.monotonic() > deadline:
                raise SystemExit("the server did not start")
            time.sleep(0.1)

        def session(user: str) -> requests.Session:
            h = requests.Session()
            tok = h.post(url + "/api/v1/auth/login", json={"username": user, "password": "bench-pass",
                                                          "device_id": "bench"}).json()["token"]
            h.headers["Authorization"] = f"Bearer {tok}"
            return h

        sup, kiosk = session("sup"), session("kiosk")
        tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
        booking = [timed(lambda i=i: kiosk.post(url + "/api/v1/queue/appointments", json={
            "service": "intake", "date": tomorrow, "slot": "09:00", "name": f"预约{i}", "id_number": ric(i),
            "phone": f"139{i:08d}"})) for i in range(N)]
        tickets, statuses = [], []
        tokens: list[str] = []
        for _ in range(N):
            t0 = time.perf_counter()
            r = kiosk.post(url + "/api/v1/queue/tickets", json={"service": "intake", "phone": "13900000000"})
            tickets.append((time.perf_counter() - t0) * 1000)
            tokens.append(r.json()["status_token"])
        statuses = [timed(lambda t=t: requests.get(f"{url}/api/v1/queue/status/{t}", timeout=10)) for t in tokens[:N]]
        boards = [timed(lambda: sup.get(url + "/api/v1/queue/board")) for _ in range(N)]
        sup.put(url + "/api/v1/queue/windows/W01", json={"services": ["intake"], "state": "open"})
        nexts, numbers = [], []
        for _ in range(N // 2):
            t0 = time.perf_counter()
            t = sup.post(url + "/api/v1/queue/windows/W01/call-next").json()
            nexts.append((time.perf_counter() - t0) * 1000)
            sup.post(f"{url}/api/v1/queue/tickets/{t['ticket_id']}/park")
            numbers.append(timed(lambda no=t["ticket_no"]: sup.post(url + "/api/v1/queue/windows/W01/call",
                                                                     json={"ticket_no": no})))
            sup.post(f"{url}/api/v1/queue/tickets/{t['ticket_id']}/no-show")
        prefix = kiosk.post(url + "/api/v1/queue/fallback/prefix", json={"device_id": "bench-kiosk"}).json()["prefix"]
        now = dt.datetime.now(dt.timezone(dt.timedelta(hours=8)))
        items = [{"ticket_no": f"{prefix}A{i + 1:03d}", "service": "intake",
                  "issued_at": (now - dt.timedelta(seconds=N - i)).isoformat(), "phone": "13900000001"}
                 for i in range(N)]
        t0 = time.perf_counter()
        r = kiosk.post(url + "/api/v1/queue/fallback/tickets", json={"device_id": "bench-kiosk", "tickets": items})
        hand_over = (time.perf_counter() - t0) * 1000
        assert r.status_code == 200 and all(x["result"] == "created" for x in r.json()["tickets"]), r.text[:300]
        t0 = time.perf_counter()
        r = kiosk.post(url + "/api/v1/queue/fallback/tickets", json={"device_id": "bench-kiosk", "tickets": items})
        again = (time.perf_counter() - t0) * 1000
        assert all(x["result"] == "exists" for x in r.json()["tickets"])
        print(f"issue-21 hall figures, SQLite, {N} requests each, one client")
        line("booking (POST /appointments)", booking, "target p95 < 60 ms")
        line("  peer: ticket with phone", tickets, "")
        line("call a number (POST /windows/w/call)", numbers, "target p95 ≤ 2× call-next")
        line("  peer: call-next", nexts, "")
        line("status page JSON (no login)", statuses, "target p95 < 30 ms")
        line("  peer: board", boards, "")
        print(f"{'hand over 200 fallback tickets':<34} {hand_over:7.0f} ms once, {again:.0f} ms again (all exists)"
              "   (target < 2000 ms)")
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from _figures import Figure, report

        report("hall_appointments", [
            Figure("booking p95 (ms)", pct(booking, 95), "ticket with phone p95", pct(tickets, 95), "< 60 ms",
                   pct(booking, 95) < 60),
            Figure("call a number p95 (ms)", pct(numbers, 95), "call-next p95", pct(nexts, 95), "≤ 2×",
                   pct(numbers, 95) <= 2 * pct(nexts, 95)),
            Figure("status page p95 (ms)", pct(statuses, 95), "board p95", pct(boards, 95), "< 30 ms",
                   pct(statuses, 95) < 30),
            Figure("hand over 200 fallback tickets (ms)", hand_over, None, None, "< 2000 ms", hand_over < 2000),
        ])
    finally:
        proc.terminate()
        proc.wait(10)


if __name__ == "__main__":
    main()
