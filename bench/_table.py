"""The table at the end of ``make bench``: every figure the benches reported, its peer, ratio, target, met or not."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _figures import HEADER, Figure, line  # noqa: E402


def main() -> int:
    path = Path(sys.argv[1])
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()] if path.exists() else []
    figures = [Figure(**{k: v for k, v in r.items() if k != "bench"}) for r in rows]
    print("\n== every figure")
    print(HEADER)
    for f in figures:
        print(line(f))
    targets = [f for f in figures if f.met is not None]
    met = sum(1 for f in targets if f.met)
    print(f"\n{met} of {len(targets)} targets met" + ("" if met == len(targets) else ": not met — "
          + "; ".join(f.name for f in targets if not f.met)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
