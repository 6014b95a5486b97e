"""The figures a bench reports: each with its peer (measured in the same run), ratio, target and whether it is met.

A bench calls ``report(bench, figures)``: it prints them and, when ``BENCH_FIGURES`` names a file (``make
bench`` does), appends them there as JSON lines; ``bench/_table.py`` prints the table of every figure.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass


@dataclass
class Figure:
    name: str
    value: float
    peer: str | None
    peer_value: float | None
    target: str
    met: bool | None  # None: a figure reported without a target

    @property
    def ratio(self) -> float | None:
        if self.peer_value is None or not self.peer_value:
            return None
        return self.value / self.peer_value


def _num(v: float | None) -> str:
    if v is None:
        return "—"
    return f"{v:.3g}" if abs(v) < 100 else f"{v:.0f}"


def line(f: Figure) -> str:
    ratio = "—" if f.ratio is None else f"{f.ratio:.2f}×"
    met = "—" if f.met is None else ("met" if f.met else "NOT met")
    return f"{f.name:<44} {_num(f.value):>8}  {(f.peer or '—'):<34} {_num(f.peer_value):>8}  {ratio:>7}  {f.target:<14} {met}"


HEADER = f"{'figure':<44} {'value':>8}  {'peer':<34} {'peer':>8}  {'ratio':>7}  {'target':<14} result"


def report(bench: str, figures: list[Figure]) -> None:
    print(HEADER)
    for f in figures:
        print(line(f))
    path = os.environ.get("BENCH_FIGURES")
    if path:
        with open(path, "a", encoding="utf-8") as out:
            for f in figures:
                out.write(json.dumps({"bench": bench, **asdict(f)}, ensure_ascii=False) + "\n")
