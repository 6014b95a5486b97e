"""Load: a hall of 50 windows over a simulated day against 4 workers on PostgreSQL (locust), then twice that.

For each hall size: a fresh PostgreSQL 15 database (a private server in a temporary directory, fsync
on), ``python -m backoffice --workers 4`` in its own process, and locust headless in another
(bench/load/hall_day.py: windows calling and serving, kiosks issuing tickets, workstations pushing
cases with their files and pulling updates, hall displays, a supervisor). Prints p50/p95/p99 per
endpoint (client side, locust, counted once every user has started and logged in), errors, the server's own latency of call-next (from /metrics), and
the exactly-once checks against the database: no ticket called twice, no case stored twice, every
file stored. Target: p95 call-next ≤ 50 ms and zero errors with 50 windows.

    python bench/hall_load.py                       # 50 windows, then 100 (8-minute days, 60× a real hall)
    python bench/hall_load.py --windows 50 --day-minutes 3 --no-double

Everything runs on this machine (loopback only); every run is bounded by --day-minutes.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
PG_BIN = Path(os.environ.get("BACKOFFICE_PG_BIN", "/usr/lib/postgresql/15/bin"))
PASSWORD = "s3cret-pass"
ORG = "230102"
ORDER = ["call-next", "start", "finish", "ticket", "POST /cases", "PUT file", "GET case", "POST /cases (retry)",
         "evaluation", "case-updates", "catalog", "health", "board", "stats", "workstations", "window", "login"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Postgres:
    base: Path
    port: int
    prefix: list[str]

    @classmethod
    def start(cls) -> Postgres:
        base = Path(tempfile.mkdtemp(prefix="hall-load-pg-"))
        prefix: list[str] = []
        if os.geteuid() == 0:
            shutil.chown(base, "postgres")
            prefix = ["runuser", "-u", "postgres", "--"]
        port = free_port()
        subprocess.run([*prefix, str(PG_BIN / "initdb"), "-D", str(base / "data"), "-U", "postgres", "--auth=trust",
                        "-E", "UTF8", "--locale=C"], check=True, capture_output=True)
        opts = (f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c max_connections=200 "
                "-c shared_buffers=128MB")
        subprocess.run([*prefix, str(PG_BIN / "pg_ctl"), "-D", str(base / "data"), "-l", str(base / "log"), "-w",
                        "-t", "60", "-o", opts, "start"], check=True, capture_output=True)
        return cls(base, port, prefix)

    def new_database(self, name: str) -> str:
        import psycopg

        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres", autocommit=True) as c:
            c.execute(f'CREATE DATABASE "{name}"')
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        subprocess.run([*self.prefix, str(PG_BIN / "pg_ctl"), "-D", str(self.base / "data"), "-m", "fast", "-w",
                        "stop"], capture_output=True)
        shutil.rmtree(self.base, ignore_errors=True)


def prepare_hall(db_url: str, windows: int) -> None:
    from backoffice import schema
    from backoffice.auth import create_user
    from backoffice.db import Database

    db = Database(db_url)
    schema.prepare(db)
    with db.write() as s:
        for n in range(1, windows + 1):
            create_user(s, f"w{n:03d}", PASSWORD, ["clerk"], f"窗口{n}", [f"W{n:02d}"], ORG)
        create_user(s, "kiosk", PASSWORD, ["clerk"], "取号机", [], ORG)
        create_user(s, "display", PASSWORD, ["clerk"], "叫号屏", [], ORG)
        create_user(s, "sup01", PASSWORD, ["supervisor"], "值班长", [], ORG)
    db.dispose()


def start_server(db_url: str, work: Path, workers: int) -> tuple[subprocess.Popen[bytes], str]:
    from backoffice.crypto import generate_key_file

    generate_key_file(work / "data.key")
    port = free_port()
    log = open(work / "server.log", "wb")  # noqa: SIM115  (closed with the process)
    proc = subprocess.Popen([sys.executable, "-m", "backoffice", "--db", db_url, "--files-dir", str(work / "files"),
                             "--port", str(port), "--workers", str(workers), "--data-key-file",
                             str(work / "data.key"), "--workstation-version", "0.1.0"],
                            cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=log, stderr=log)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while True:
        try:
            if requests.get(url + "/api/v1/health", timeout=5).status_code == 200:
                return proc, url
        except requests.RequestException:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            raise SystemExit(f"the server did not start: {(work / 'server.log').read_text()[-2000:]}")
        time.sleep(0.2)


def run_locust(url: str, work: Path, windows: int, day_minutes: float, speed: float) -> dict[str, Any]:
    kiosks = max(2, windows // 10)
    users = windows * 2 + kiosks + 3
    env = {**os.environ, "HALL_SPEED": str(speed), "HALL_WINDOWS": str(windows), "HALL_KIOSKS": str(kiosks),
           "HALL_PASSWORD": PASSWORD, "HALL_ORG": ORG, "HALL_OUT": str(work / "seen.json")}
    argv = [sys.executable, "-m", "locust", "-f", str(ROOT / "bench" / "load" / "hall_day.py"), "--headless",
            "--host", url, "-u", str(users), "-r", "10", "-t", f"{int(day_minutes * 60)}s",
            "--stop-timeout", "30", "--reset-stats", "--csv", str(work / "locust"), "--only-summary",
            "--loglevel", "WARNING"]
    done = subprocess.run(argv, cwd=work, env=env, capture_output=True, text=True,
                          timeout=day_minutes * 60 + 300)
    (work / "locust.out").write_text(done.stdout + done.stderr, encoding="utf-8")
    rows = {}
    with open(work / "locust_stats.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            rows[row["Name"]] = row
    failures = []
    if (work / "locust_failures.csv").exists():
        with open(work / "locust_failures.csv", encoding="utf-8") as f:
            failures = list(csv.DictReader(f))
    seen = json.loads((work / "seen.json").read_text(encoding="utf-8"))
    return {"rows": rows, "failures": failures, "seen": seen, "speed": speed, "users": users}


def server_histogram(url: str, route: str) -> dict[float, float]:
    text = requests.get(url + "/metrics", timeout=30).text
    out: dict[float, float] = {}
    for line in text.splitlines():
        if line.startswith("backoffice_http_request_duration_seconds_bucket{") and f'route="{route}"' in line \
                and 'method="POST"' in line:
            le = line.split('le="', 1)[1].split('"', 1)[0]
            out[float("inf") if le == "+Inf" else float(le)] = float(line.rsplit(" ", 1)[1])
    return out


def quantile_bucket(hist: dict[float, float], q: float) -> float:
    total = hist.get(float("inf"), 0.0)
    for le in sorted(hist):
        if hist[le] >= q * total:
            return le
    return float("inf")


def exactly_once(db_url: str, seen: dict[str, Any]) -> list[str]:
    from sqlalchemy import func, select

    from backoffice.cases import missing_files
    from backoffice.db import Blob, Case, CaseFile, Database, QueueCall, Ticket

    problems: list[str] = []
    db = Database(db_url)
    with db.read() as s:
        twice = s.execute(select(QueueCall.ticket_id).group_by(QueueCall.ticket_id)
                          .having(func.count() > 1)).scalars().all()
        called_db = set(s.execute(select(Ticket.id).where(Ticket.first_called_ts.is_not(None))).scalars())
        cases = s.execute(select(Case.case_uuid)).scalars().all()
        case_nos = s.execute(select(func.count(func.distinct(Case.case_no)))).scalar_one()
        incomplete = [c for c in cases if missing_files(s, c)]
        blobs = s.execute(select(func.count()).select_from(Blob)).scalar_one()
        manifest = s.execute(select(func.count(func.distinct(CaseFile.sha256)))).scalar_one()
    db.dispose()
    called = seen["called"]
    lines = [f"tickets called: {len(called)} by the windows, {len(called_db)} in the database"]
    if len(called) != len(set(called)):
        problems.append(f"{len(called) - len(set(called))} tickets were handed to two windows")
    if twice:
        problems.append(f"{len(twice)} tickets have two calls in the database")
    if set(called) != called_db:
        problems.append(f"called tickets differ: {len(set(called) ^ called_db)} (client vs database)")
    if len(cases) != len(set(seen["cases"])) or set(cases) != set(seen["cases"]):
        problems.append(f"cases: {len(seen['cases'])} created by the windows, {len(cases)} stored")
    if case_nos != len(cases):
        problems.append("two cases share a case number")
    if seen["case_replay_mismatch"]:
        problems.append(f"{seen['case_replay_mismatch']} case retries were not answered with the same case")
    if incomplete:
        problems.append(f"{len(incomplete)} cases miss files")
    if blobs != manifest:
        problems.append(f"{manifest} files named, {blobs} stored")
    lines.append(f"cases stored: {len(cases)} (each once; {seen['case_replays']} retries answered 200 with the same "
                 f"case), files stored: {blobs}")
    return lines + [f"PROBLEM: {p}" for p in problems]


def one_run(pg: Postgres, windows: int, workers: int, day_minutes: float, speed: float,
            keep: Path | None) -> dict[str, Any]:
    work = Path(tempfile.mkdtemp(prefix=f"hall-load-{windows}-"))
    db_url = pg.new_database(f"hall{windows}_{int(time.time())}")
    prepare_hall(db_url, windows)
    proc, url = start_server(db_url, work, workers)
    try:
        result = run_locust(url, work, windows, day_minutes, speed)
        result["server_call_next"] = server_histogram(url, "/api/v1/queue/windows/{window}/call-next")
    finally:
        proc.terminate()
        proc.wait(60)
    result["checks"] = exactly_once(db_url, result["seen"])
    result["windows"] = windows
    if keep is not None:
        shutil.copytree(work, keep / f"{windows}-windows", dirs_exist_ok=True)
    shutil.rmtree(work, ignore_errors=True)
    return result


def report(r: dict[str, Any], workers: int, day_minutes: float) -> bool:
    rows = r["rows"]
    hall_minutes = day_minutes * r["speed"]
    what = "a day of 8 h" if abs(hall_minutes - 480) < 1 else f"{hall_minutes:.0f} min of the hall's day"
    print(f"\n== {r['windows']} windows, {workers} workers, PostgreSQL 15 — {what} in {day_minutes:g} min "
          f"({r['speed']:.0f}× a real hall's rates), {r['users']} locust users")
    print(f"{'endpoint':<22}{'requests':>9}{'errors':>8}{'req/s':>8}{'p50':>7}{'p95':>7}{'p99':>7}  (ms, client side)")
    names = [n for n in ORDER if n in rows] + sorted(n for n in rows if n not in ORDER and n != "Aggregated")
    for name in [*names, "Aggregated"]:
        row = rows.get(name)
        if row is None:
            continue
        print(f"{name:<22}{int(row['Request Count']):>9}{int(row['Failure Count']):>8}"
              f"{float(row['Requests/s']):>8.1f}{row['50%']:>7}{row['95%']:>7}{row['99%']:>7}")
    errors = int(rows["Aggregated"]["Failure Count"])
    for f in r["failures"][:8]:
        print(f"  error: {f['Method']} {f['Name']}: {f['Error'][:150]} ×{f['Occurrences']}")
    hist = r["server_call_next"]
    if hist:
        total = hist.get(float("inf"), 0)
        under = hist.get(0.05, 0)
        print(f"server side, call-next: {int(total)} answered, {100 * under / total:.1f} % within 50 ms, "
              f"p95 ≤ {quantile_bucket(hist, 0.95) * 1000:g} ms, p99 ≤ {quantile_bucket(hist, 0.99) * 1000:g} ms "
              "(histogram buckets)")
    for line in r["checks"]:
        print(line)
    p95 = float(rows["call-next"]["95%"]) if "call-next" in rows else float("inf")
    ok = p95 <= 50 and errors == 0 and not any(c.startswith("PROBLEM") for c in r["checks"])
    print(f"target (p95 call-next ≤ 50 ms, zero errors, exactly once): {'MET' if ok else 'NOT MET'} "
          f"(p95 call-next {p95:g} ms, {errors} errors)")
    return ok


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--windows", type=int, default=50)
    p.add_argument("--workers", type=int, default=4)
    p.add_argument("--day-minutes", type=float, default=8.0, help="wall minutes the run lasts")
    p.add_argument("--speed", type=float, default=None,
                   help="how many times a real hall's rates (default: the 8-hour day fits --day-minutes)")
    p.add_argument("--no-double", action="store_true", help="skip the run with twice the windows")
    p.add_argument("--also", type=int, action="append", default=[], metavar="WINDOWS", help="more hall sizes to run")
    p.add_argument("--keep", type=Path, default=None, help="keep logs and CSVs here")
    args = p.parse_args()
    if not (PG_BIN / "initdb").exists():
        print(f"PostgreSQL 15 server binaries not found in {PG_BIN}", file=sys.stderr)
        return 2
    sizes = [args.windows] + ([] if args.no_double else [args.windows * 2]) + args.also
    pg = Postgres.start()
    try:
        for windows in sizes:
            started = time.monotonic()
            speed = args.speed or 8 * 60 / args.day_minutes
            r = one_run(pg, windows, args.workers, args.day_minutes, speed, args.keep)
            report(r, args.workers, args.day_minutes)
            print(f"(run took {time.monotonic() - started:.0f} s)", flush=True)
    finally:
        pg.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
