"""Search latency over a big cache, SQLCipher-encrypted and plain, in the same run.

    python bench/search.py                 # 1,000,000 cases (a few minutes per database)
    python bench/search.py --cases 50000   # a quick run

Cases are inserted straight through the raw DB-API connection (executemany, one transaction) with
realistic data: names from a Faker zh_CN pool, valid-looking ID numbers, case numbers, pinyin
initials from ``clerk.intake.search.initials``. Searches go through ``IntakeService.search`` as the
UI calls it. Prints p50/p95 per kind of search for both databases and the encrypted/plain ratio.
Targets: p95 < 20 ms; encrypted/plain ≤ 1.3.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from clerk.catalog.loader import load_catalog_dir  # noqa: E402
from clerk.demo import make_id_number, make_phone  # noqa: E402
from clerk.intake.search import CaseQuery, initials  # noqa: E402
from clerk.intake.service import IntakeService  # noqa: E402
from clerk.settings import Settings  # noqa: E402
from clerk.store import Store  # noqa: E402

CHUNK = 20_000
KINDS = ("id_number", "case_no", "name", "initials", "phone_prefix", "id_prefix")
STATUSES = ["accepted"] * 3 + ["delivered"] * 5 + ["in_review", "received", "approved", "ready_for_pickup", "notified",
                                                   "rejected", "draft"]
BUNDLES = ["newborn", "restaurant_opening", "retirement", "after_death", "school_enrollment", "social_security_card"]
CST = dt.timezone(dt.timedelta(hours=8))


def name_pool(size: int, seed: int) -> list[tuple[str, str]]:
    from faker import Faker

    fake = Faker("zh_CN")
    fake.seed_instance(seed)
    names = {fake.name() for _ in range(size)}
    return [(n, initials(n)) for n in sorted(names)]


def rows(n: int, seed: int, pool: list[tuple[str, str]]) -> Iterator[list[tuple[object, ...]]]:
    """Chunks of rows for the ``cases`` table, the same for the same seed."""
    rng = random.Random(seed)
    start = dt.datetime(2022, 1, 1, 8, 30, tzinfo=CST)
    seq: dict[tuple[str, str], int] = {}
    chunk: list[tuple[object, ...]] = []
    for i in range(n):
        created = start + dt.timedelta(seconds=i * 90 + rng.randrange(0, 60))
        window = f"W{rng.randrange(1, 13):02d}"
        day = f"{created:%Y%m%d}"
        k = (day, window)
        seq[k] = seq.get(k, 0) + 1
        case_no = f"230102-{day}-{window}-{seq[k]:04d}"
        name, ini = rng.choice(pool)
        idn = make_id_number(rng)
        phone = make_phone(rng)
        applicant = json.dumps({"kind": "person", "name": name, "id_type": "cn_ric", "id_number": idn, "phone": phone,
                                "address": "哈尔滨市道里区友谊路"}, ensure_ascii=False)
        ts = created.isoformat()
        chunk.append((str(uuid.UUID(int=rng.getrandbits(128))), case_no, rng.choice(STATUSES), rng.choice(BUNDLES),
                      "2026.11.1", "{}", "person", name, ini, "cn_ric", idn, phone, applicant, None,
                      '{"note": "bench"}', '{"method": "window"}', ts, ts, "", f"clerk{rng.randrange(1, 30):02d}",
                      window, "230102", "bench-device", ""))
        if len(chunk) >= CHUNK:
            yield chunk
            chunk = []
            if len(seq) > 50_000:
                seq = {kk: v for kk, v in seq.items() if kk[0] == day}
    if chunk:
        yield chunk


INSERT = (
    "INSERT INTO cases (case_uuid, case_no, status, bundle_code, catalog_version, situations, applicant_kind, "
    "applicant_name, applicant_initials, applicant_id_type, applicant_id_number, applicant_phone, applicant, agent, "
    "form, delivery, created_at, updated_at, reject_reason, operator, window, org_code, device_id, platform_note) "
    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
)


EXTRA_INDEXES = (
    "CREATE INDEX IF NOT EXISTS ix_bench_initials_created ON cases (applicant_initials, created_at)",
    "CREATE INDEX IF NOT EXISTS ix_bench_name_created ON cases (applicant_name, created_at)",
)


def fill(stores: list[Store], n: int, seed: int, pool: list[tuple[str, str]],
         extra_indexes: bool) -> list[tuple[str, str, str, str, str]]:
    """Inserts the same ``n`` cases into every store, one transaction each; returns a sample of
    (id_number, case_no, name, initials)."""
    rng = random.Random(seed + 1)
    sample: list[tuple[str, str, str, str, str]] = []
    raws = [s.engine.raw_connection() for s in stores]
    try:
        curs = []
        for raw in raws:
            dbapi = raw.driver_connection
            assert dbapi is not None
            cur = dbapi.cursor()
            cur.execute("PRAGMA cache_size = -262144")  # the fill only; searches use the app's settings
            cur.execute("PRAGMA synchronous = OFF")
            cur.execute("BEGIN")
            curs.append(cur)
        for chunk in rows(n, seed, pool):
            for cur in curs:
                cur.executemany(INSERT, chunk)
            for r in rng.sample(chunk, min(len(chunk), 8)):
                sample.append((str(r[10]), str(r[1]), str(r[7]), str(r[8]), str(r[11])))
        for cur in curs:
            if extra_indexes:
                for sql in EXTRA_INDEXES:
                    cur.execute(sql)
            cur.execute("COMMIT")
            cur.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            cur.execute("ANALYZE")
            cur.close()
    finally:
        for raw in raws:
            raw.close()
    return sample


def queries(sample: list[tuple[str, str, str, str, str]], per_kind: int, seed: int) -> dict[str, list[str]]:
    rng = random.Random(seed + 2)
    picks = rng.sample(sample, min(per_kind, len(sample)))
    return {
        "id_number": [p[0] for p in picks],
        "case_no": [p[1] for p in picks],
        "name": [p[2] for p in picks],
        "initials": [p[3] for p in picks],
        "phone_prefix": [p[4][:3] for p in picks],  # 138…: a seventh of all cases (the date-index plan)
        "id_prefix": [p[0][:10] for p in picks],  # region + birth year, as the README suggests
    }


def pct(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(round(q * (len(s) - 1))))]


def measure(services: dict[str, IntakeService], qs: dict[str, list[str]]) -> dict[str, dict[str, list[float]]]:
    """Times every search on every database, alternating which database goes first (shared CPUs)."""
    times: dict[str, dict[str, list[float]]] = {label: {k: [] for k in KINDS} for label in services}
    labels = list(services)
    for kind in KINDS:
        for text in qs[kind][:10]:  # warm-up
            for svc in services.values():
                svc.search(CaseQuery(text))
        for i, text in enumerate(qs[kind]):
            for label in labels if i % 2 == 0 else reversed(labels):
                t0 = time.perf_counter()
                items, total = services[label].search(CaseQuery(text))
                times[label][kind].append((time.perf_counter() - t0) * 1000)
                assert items and total >= len(items), f"{label} {kind} {text!r}: nothing found"
    return times


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=int, default=1_000_000)
    ap.add_argument("--queries", type=int, default=300, help="searches per kind")
    ap.add_argument("--names", type=int, default=60_000, help="size of the Faker name pool")
    ap.add_argument("--dir", type=Path, default=None, help="where to put the two databases (default: a temp dir)")
    ap.add_argument("--seed", type=int, default=20261122)
    ap.add_argument("--extra-indexes", action="store_true",
                    help="also create (initials, created_at) and (name, created_at) indexes (a proposed schema change)")
    ap.add_argument("--reuse", action="store_true",
                    help="search the databases a previous run with the same --dir, --cases and --seed left")
    args = ap.parse_args(argv)

    from clerk.security.keys import sqlcipher_key

    base = args.dir or Path(tempfile.mkdtemp(prefix="bench-search-"))
    base.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    pool = name_pool(args.names, args.seed)
    print(f"name pool: {len(pool)} distinct names ({time.perf_counter() - t0:.1f} s)")
    catalog = load_catalog_dir(None)
    key = sqlcipher_key(random.Random(args.seed).randbytes(32))
    stores: dict[str, Store] = {}
    reuse = args.reuse and all((base / f"{label}.sqlite3").exists() for label in ("plain", "encrypted"))
    for label, db_key in (("plain", None), ("encrypted", key)):
        if not reuse:
            for p in base.glob(f"{label}.sqlite3*"):
                p.unlink()
        stores[label] = Store(base / f"{label}.sqlite3", key=db_key)
    t0 = time.perf_counter()
    if reuse:  # the same rows as the fill made them, to pick the same sample; nothing inserted
        rng = random.Random(args.seed + 1)
        sample = [(str(r[10]), str(r[1]), str(r[7]), str(r[8]), str(r[11]))
                  for chunk in rows(args.cases, args.seed, pool) for r in rng.sample(chunk, min(len(chunk), 8))]
    else:
        sample = fill(list(stores.values()), args.cases, args.seed, pool, args.extra_indexes)
    took = time.perf_counter() - t0
    sizes = ", ".join(f"{label} {(base / f'{label}.sqlite3').stat().st_size / 2**20:,.0f} MiB" for label in stores)
    print(f"{'reused' if reuse else 'inserted'} {args.cases:,} cases in both databases in {took:.1f} s ({sizes})")
    services: dict[str, IntakeService] = {}
    for label, db_key in (("plain", None), ("encrypted", key)):
        stores[label].dispose()
        stores[label] = Store(base / f"{label}.sqlite3", key=db_key)  # a fresh engine, as the app opens it
        services[label] = IntakeService(stores[label], lambda: catalog, Settings())
    times = measure(services, queries(sample, args.queries, args.seed))
    for s in stores.values():
        s.dispose()
    results = {label: {k: (statistics.median(v), pct(v, 0.95), max(v)) for k, v in per.items()}
               for label, per in times.items()}

    extra = " with the extra indexes" if args.extra_indexes else ""
    print(f"\nsearch over {args.cases:,} cases{extra}, {args.queries} searches per kind (ms)")
    print(f"{'kind':<12} {'plain p50':>10} {'plain p95':>10} {'enc p50':>10} {'enc p95':>10} {'ratio p50':>10} {'ratio p95':>10}")
    ok = True
    for kind in KINDS:
        p50, p95, _ = results["plain"][kind]
        e50, e95, _ = results["encrypted"][kind]
        r50, r95 = e50 / p50, e95 / p95
        ok = ok and e95 < 20 and r95 <= 1.3
        print(f"{kind:<12} {p50:>10.2f} {p95:>10.2f} {e50:>10.2f} {e95:>10.2f} {r50:>10.2f} {r95:>10.2f}")
    print(f"\ntargets (encrypted p95 < 20 ms, ratio <= 1.3): {'met' if ok else 'NOT met'}")
    print(f"databases in {base}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
