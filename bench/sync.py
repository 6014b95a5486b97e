"""Sync throughput: cases/s and MB/s pushed by the SyncEngine to a local back office, against bare
``requests`` doing the same HTTP work (same server, same run, same sizes), and the client's peak RSS.

    .venv/bin/python bench/sync.py [--cases 150] [--files 10] [--file-mib 10]

The server runs in its own process (so the client's RSS and CPU are its own). Target ratio ≥ 0.8.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

# bench/ holds queue.py, which would shadow the standard library's queue for this script
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import argparse  # noqa: E402
import copy  # noqa: E402
import json  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import uuid  # noqa: E402
from typing import Any  # noqa: E402

import requests  # noqa: E402

os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")  # a bench: test-only keyring
os.environ.setdefault("WINDOW_CLERK_TEST_PLAINTEXT_KEYRING", "1")  # (the product refuses plaintext keyrings)

SERVER = """
import sys
from pathlib import Path
from backoffice.embedded import start_server
d = Path(sys.argv[1])
srv = start_server(f"sqlite:///{d / 'bo.db'}", d / "files")
srv.create_user("bench", "bench-pass", ["clerk"], windows=["W09"])  # the window the cases say
print(srv.url, flush=True)
sys.stdin.read()
srv.stop()
"""


def vm(key: str) -> int:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(key):
                return int(line.split()[1])
    return 0


def make_docs(ctx: Any, n: int, files_per_case: int, file_size: int, tag: str) -> list[tuple[dict[str, Any], list[str]]]:
    """n case documents (cloned from one real accepted case) whose files are fresh random bytes."""
    from clerk.demo import DemoPeople, take_demo_case
    from clerk.security.actor import Actor, Role
    from clerk.store.models import OutboxRow

    actor = Actor("bench", "bench", (Role.CLERK,), window="W09")
    base = take_demo_case(ctx, actor, DemoPeople(1), "newborn", answers={"settle_with": "father"})
    with ctx.store.write() as s:
        row = s.query(OutboxRow).filter_by(case_uuid=base.case_uuid).one()
        template = row.payload
        s.delete(row)
    out = []
    for i in range(n):
        doc = copy.deepcopy(template)
        doc["case_uuid"] = str(uuid.uuid4())
        doc["case_no"] = f"{tag}-{i:06d}"
        files = []
        for _ in range(files_per_case):
            blob = ctx.pages.put_bytes(os.urandom(file_size))
            files.append({"sha256": blob.sha256, "size": blob.size, "media_type": "application/pdf", "pages": 1})
        doc["materials"] = [dict(doc["materials"][0], status="provided", files=files)] + [
            dict(m, files=[], status="e_license") for m in doc["materials"][1:] if m["status"] == "provided"]
        out.append((doc, [f["sha256"] for f in files]))
    return out


def engine_push(ctx: Any, url: str, docs: list[tuple[dict[str, Any], list[str]]]) -> float:
    from clerk import clock
    from clerk.store.models import OutboxRow
    from clerk.sync import login, make_engine

    with ctx.store.write() as s:
        for doc, _ in docs:
            s.add(OutboxRow(kind="case", idempotency_key=doc["case_uuid"], case_uuid=doc["case_uuid"], payload=doc,
                            created_at=clock.now()))
    login(ctx, url, "bench", "bench-pass")
    engine = make_engine(ctx)
    t = time.perf_counter()
    result = engine.run_once(pull=False, catalog=False)
    elapsed = time.perf_counter() - t
    if result.pushed != len(docs) or result.pending_due:
        with ctx.store.read() as s:
            errors = {r.last_error for r in s.query(OutboxRow).filter(OutboxRow.state != "done")}
        raise SystemExit(f"the engine pushed {result.pushed} of {len(docs)}: {result}; {sorted(errors)[:3]}")
    return elapsed


def bare_push(ctx: Any, url: str, docs: list[tuple[dict[str, Any], list[str]]]) -> float:
    """The same HTTP work with plain requests: POST, PUT each file from bytes in memory, GET."""
    from clerk.sync.outbox import wire_case_document

    http = requests.Session()
    token = http.post(url + "/api/v1/auth/login", json={"username": "bench", "password": "bench-pass",
                                                       "device_id": "bench"}).json()["token"]
    http.headers["Authorization"] = f"Bearer {token}"
    t = time.perf_counter()
    for doc, _shas in docs:
        r = http.post(url + "/api/v1/cases", json=wire_case_document(doc), headers={"Idempotency-Key": doc["case_uuid"]})
        assert r.status_code == 201, r.text
        for sha in r.json()["missing_files"]:
            data = ctx.pages.read(sha)
            p = http.put(f"{url}/api/v1/cases/{doc['case_uuid']}/files/{sha}", data=data,
                         headers={"Content-Type": "application/pdf"})
            assert p.status_code == 201, p.text
        assert http.get(f"{url}/api/v1/cases/{doc['case_uuid']}").json()["missing_files"] == []
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser()
    quick = bool(os.environ.get("BENCH_QUICK"))  # make bench: a shorter run
    ap.add_argument("--cases", type=int, default=60 if quick else 150)
    ap.add_argument("--small-files", type=int, default=3)
    ap.add_argument("--small-kib", type=int, default=60)
    ap.add_argument("--files", type=int, default=10)
    ap.add_argument("--file-mib", type=int, default=4 if quick else 10)
    args = ap.parse_args()

    from clerk.context import AppContext

    tmp = Path(tempfile.mkdtemp(prefix="bench-sync-"))
    os.environ["HOME"] = str(tmp)
    os.environ["XDG_DATA_HOME"] = str(tmp / "xdg")
    server = subprocess.Popen([sys.executable, "-c", SERVER, str(tmp / "server")], cwd=ROOT, stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    assert server.stdout is not None
    url = server.stdout.readline().strip()
    try:
        from clerk.security.keys import open_db_key

        ctx = AppContext.open(tmp / "client", db_key=open_db_key(tmp / "client"))
        small_a = make_docs(ctx, args.cases, args.small_files, args.small_kib * 1024, "A")
        small_b = make_docs(ctx, args.cases, args.small_files, args.small_kib * 1024, "B")
        big_a = make_docs(ctx, 1, args.files, args.file_mib << 20, "C")
        big_b = make_docs(ctx, 1, args.files, args.file_mib << 20, "D")
        rss0 = vm("VmRSS:")
        hwm0 = vm("VmHWM:")
        half = args.cases // 2  # engine, bare, bare, engine (A B B A): the machine's load falls on both alike
        t_small = engine_push(ctx, url, small_a[:half])
        b_small = bare_push(ctx, url, small_b[:half])
        b_small += bare_push(ctx, url, small_b[half:])
        t_small += engine_push(ctx, url, small_a[half:])
        t_big = engine_push(ctx, url, big_a)
        hwm1 = vm("VmHWM:")
        b_big = bare_push(ctx, url, big_b)
        ctx.close()
    finally:
        assert server.stdin is not None
        server.stdin.close()
        server.wait(30)
    mb_big = args.files * args.file_mib * 1.048576
    mb_small = args.cases * args.small_files * args.small_kib * 1024 / 1e6
    figures = {
        "cases": args.cases,
        "engine_cases_per_s": round(args.cases / t_small, 1),
        "bare_cases_per_s": round(args.cases / b_small, 1),
        "cases_ratio": round(b_small / t_small, 2),
        "small_MB_per_s_engine": round(mb_small / t_small, 1),
        "big_case_MB": round(mb_big, 1),
        "engine_MB_per_s": round(mb_big / t_big, 1),
        "bare_MB_per_s": round(mb_big / b_big, 1),
        "MB_ratio": round(b_big / t_big, 2),
        "client_rss_before_MiB": round(rss0 / 1024, 1),
        "client_peak_rss_MiB": round(max(hwm0, hwm1) / 1024, 1),
        "client_peak_growth_during_engine_MiB": round((hwm1 - max(hwm0, rss0)) / 1024, 1),
    }
    print(json.dumps(figures, indent=2))
    print(f"engine/bare: cases {figures['cases_ratio']}  MB/s {figures['MB_ratio']}  (target ≥ 0.8)")
    sys.path.append(str(Path(__file__).resolve().parent))
    from _figures import Figure, report

    report("sync", [
        Figure("sync: cases/s pushed by the engine", figures["engine_cases_per_s"], "bare requests, same server",
               figures["bare_cases_per_s"], "≥ 0.8×", figures["cases_ratio"] >= 0.8),
        Figure("sync: MB/s of a big case, engine", figures["engine_MB_per_s"], "bare requests, same server",
               figures["bare_MB_per_s"], "≥ 0.8×", figures["MB_ratio"] >= 0.8),
    ])


if __name__ == "__main__":
    main()
