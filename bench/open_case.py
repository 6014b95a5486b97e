"""Opening a case: the reads the intake screen makes (the case view, then every material's pages in one
read) for the bundle with the most materials, against the way it was done before (one read of three
queries per material card), A and B alternated, CPU time, and the statements each issues.

    python bench/open_case.py [N]

Target: p95 ≤ 100 ms; a fixed number of statements whatever the material count (tests/ui/test_open_case_queries.py
checks that through the real window).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")  # a bench: test-only keyring
os.environ.setdefault("WINDOW_CLERK_TEST_PLAINTEXT_KEYRING", "1")  # (the product refuses plaintext keyrings)

from _figures import Figure, report  # noqa: E402


def pct(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(round(q * (len(s) - 1))))]


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 60
    from PIL import Image
    from sqlalchemy import event

    from clerk.context import AppContext
    from clerk.security.actor import Actor, Role
    from clerk.security.keys import open_db_key

    home = Path(tempfile.mkdtemp(prefix="bench-open-"))
    os.environ["HOME"], os.environ["XDG_DATA_HOME"] = str(home), str(home / "xdg")
    ctx = AppContext.open(home / "data", db_key=open_db_key(home / "data"))  # encrypted, as a workstation's
    actor = Actor("bench", "bench", (Role.CLERK,), window="W01")
    view = ctx.intake.start_draft(actor, "transport_company_opening")
    import io

    for i, m in enumerate(view.materials):
        for k in range(1 + i % 3):
            buf = io.BytesIO()
            Image.new("L", (200, 280), 255 - 10 * k).save(buf, "PNG")
            ctx.materials.add_page(view.case_uuid, m.code, buf.getvalue())
    uuid = view.case_uuid
    codes = [m.code for m in view.materials]

    def now() -> None:
        ctx.intake.get(uuid)
        ctx.materials.case_pages(uuid)

    def before() -> None:
        ctx.intake.get(uuid)
        for code in codes:
            ctx.materials.list_pages(uuid, code)

    def statements(fn) -> int:  # type: ignore[no-untyped-def]
        seen: list[str] = []

        def count(*_a: object) -> None:
            seen.append("")

        event.listen(ctx.store.engine, "before_cursor_execute", count)
        fn()
        event.remove(ctx.store.engine, "before_cursor_execute", count)
        return len(seen)

    ours, old = [], []
    now(), before()
    for i in range(n):
        for which in ((0, 1) if i % 2 == 0 else (1, 0)):
            t = time.process_time()
            (now if which == 0 else before)()
            (ours if which == 0 else old).append((time.process_time() - t) * 1000)
    s_now, s_old = statements(now), statements(before)
    ctx.close()
    p95, p95_old = pct(ours, 0.95), pct(old, 0.95)
    print(f"open a case of {len(codes)} materials (CPU): now p50 {statistics.median(ours):.1f} ms, p95 {p95:.1f} ms, "
          f"{s_now} statements; one read per card p50 {statistics.median(old):.1f} ms, p95 {p95_old:.1f} ms, "
          f"{s_old} statements")
    report("open_case", [
        Figure(f"open a {len(codes)}-material case, CPU p95 (ms)", p95, "one read per card (before)", p95_old,
               "≤ 100 ms", p95 <= 100),
        Figure("open a case: SQL statements", s_now, "one read per card (before)", s_old, "fixed", None),
    ])
    return 0


if __name__ == "__main__":
    sys.exit(main())
