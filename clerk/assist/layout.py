"""Reading order of OCR lines: one page frame (the card may lie turned on the desk), rows, labels.

``page_segments`` turns the engine's boxes into segments in the page's own frame (text runs along +x,
rows go down +y) by undoing the dominant reading direction; ``group_rows`` puts segments that share
a baseline into rows; ``find_labels`` finds the printed labels (姓名, 住址, 统一社会信用代码 …) at
the start of segments, and ``LabelHit.value`` reads what follows a label on its row and, for a
field that may wrap, in the rows below it in the same column.
"""

from __future__ import annotations

import math
import re
import statistics
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from clerk.assist.ocr import OcrLine


def normalise(text: str) -> str:
    """NFKC (full-width digits, letters and brackets to ASCII), no spaces between CJK characters."""
    t = unicodedata.normalize("NFKC", text).strip()
    return re.sub(r"(?<=[^\x00-\x7f])\s+(?=[^\x00-\x7f])", "", t)


@dataclass(frozen=True)
class Segment:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    score: float

    @property
    def h(self) -> float:
        return max(1.0, self.y1 - self.y0)

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2

    def x_at(self, offset: int) -> float:
        """Where the character at ``offset`` starts (characters taken as equally wide)."""
        n = max(1, len(self.text))
        return self.x0 + (self.x1 - self.x0) * min(offset, n) / n


def dominant_angle(lines: Sequence[OcrLine]) -> float:
    """The page's reading direction: the length-weighted circular mean of the lines' directions."""
    sx = sy = 0.0
    for ln in lines:
        wgt = max(1, len(ln.text.strip()))
        sx += wgt * math.cos(math.radians(ln.angle))
        sy += wgt * math.sin(math.radians(ln.angle))
    if sx == 0 and sy == 0:
        return 0.0
    return math.degrees(math.atan2(sy, sx))


def page_segments(lines: Sequence[OcrLine]) -> list[Segment]:
    theta = math.radians(dominant_angle(lines))
    c, s = math.cos(-theta), math.sin(-theta)
    out = []
    for ln in lines:
        text = normalise(ln.text)
        if not text:
            continue
        pts = [(x * c - y * s, x * s + y * c) for x, y in ln.box]
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        out.append(Segment(text, min(xs), min(ys), max(xs), max(ys), ln.score))
    return out


def group_rows(segments: Sequence[Segment]) -> list[list[Segment]]:
    """Segments sharing a line, each row sorted left to right, rows top to bottom."""
    rows: list[list[Segment]] = []
    for seg in sorted(segments, key=lambda s: s.cy):
        best = None
        for row in rows[-4:]:
            cy = statistics.fmean(r.cy for r in row)
            h = min(seg.h, statistics.fmean(r.h for r in row))
            if abs(seg.cy - cy) < 0.55 * h and not any(_overlap_x(seg, r) for r in row):
                best = row
        if best is None:
            rows.append([seg])
        else:
            best.append(seg)
    for row in rows:
        row.sort(key=lambda s: s.x0)
    rows.sort(key=lambda r: statistics.fmean(s.cy for s in r))
    return rows


def _overlap_x(a: Segment, b: Segment) -> bool:
    inter = min(a.x1, b.x1) - max(a.x0, b.x0)
    return inter > 0.5 * min(a.x1 - a.x0, b.x1 - b.x0)


def label_pattern(labels: Sequence[str]) -> re.Pattern[str]:
    """One alternation of every label, longest first, with optional spaces between its characters."""
    parts = sorted({lab for lab in labels}, key=len, reverse=True)
    alts = [r"\s*".join(re.escape(ch) for ch in lab) for lab in parts]
    return re.compile("|".join(f"(?:{a})" for a in alts))


@dataclass
class Row:
    segments: list[Segment]
    text: str = ""
    owner: list[int] = field(default_factory=list)
    """Index into ``segments`` of each character of ``text`` (-1 for the separating spaces)."""
    starts: set[int] = field(default_factory=set)
    """Offsets in ``text`` where a segment starts."""

    def __post_init__(self) -> None:
        parts: list[str] = []
        pos = 0
        for i, seg in enumerate(self.segments):
            if parts:
                parts.append(" ")
                self.owner.append(-1)
                pos += 1
            self.starts.add(pos)
            parts.append(seg.text)
            self.owner.extend([i] * len(seg.text))
            pos += len(seg.text)
        self.text = "".join(parts)

    @property
    def cy(self) -> float:
        return statistics.fmean(s.cy for s in self.segments)

    @property
    def h(self) -> float:
        return statistics.median(s.h for s in self.segments)

    def x_of(self, pos: int) -> float:
        """The page x where the character at ``pos`` of ``text`` starts."""
        while pos < len(self.owner) and self.owner[pos] == -1:
            pos += 1
        if pos >= len(self.owner):
            return self.segments[-1].x1
        i = self.owner[pos]
        first = self.owner.index(i)
        return self.segments[i].x_at(pos - first)

    def score_between(self, a: int, b: int) -> float:
        idx = {self.owner[p] for p in range(a, min(b, len(self.owner))) if self.owner[p] >= 0}
        return min((self.segments[i].score for i in idx), default=0.0)


@dataclass(frozen=True)
class LabelHit:
    label: str
    row: int
    start: int
    end: int
    value_end: int
    """Where the value stops on its row: the next label's start, or the row's end."""


def find_labels(rows: Sequence[Row], pattern: re.Pattern[str], canonical: dict[str, str],
                fragments: dict[str, str] | None = None) -> list[LabelHit]:
    """Labels that begin a segment, follow a stop (…销售；住所) or span two segments.

    A label word inside a value (民族路 in an address) is not a label. ``fragments`` are halves of
    letter-spaced labels whose other half the engine lost (住 of 住　所): they count only as a
    whole segment.
    """
    hits: list[LabelHit] = []
    for r, row in enumerate(rows):
        found = []
        for m in pattern.finditer(row.text):
            # A letter-spaced label (住　　所) may be cut by the detector, its first half joined to the
            # text on its left: a match across a segment boundary counts too; so does one right after
            # a stop, where the detector joined the left column's line to it.
            after_stop = m.start() > 0 and row.text[m.start() - 1] in ";；:：,，。、"
            if m.start() not in row.starts and " " not in m.group(0) and not after_stop:
                continue
            key = re.sub(r"\s+", "", m.group(0))
            found.append((m.start(), m.end(), canonical.get(key, key)))
        for start in sorted(row.starts):
            seg = row.segments[row.owner[start]]
            if fragments and seg.text in fragments and not any(a <= start < b for a, b, _ in found):
                found.append((start, start + len(seg.text), fragments[seg.text]))
        found.sort()
        for i, (a, b, lab) in enumerate(found):
            nxt = found[i + 1][0] if i + 1 < len(found) else len(row.text)
            hits.append(LabelHit(lab, r, a, b, nxt))
    return hits


@dataclass(frozen=True)
class Value:
    text: str
    score: float
    lines: int


def read_value(rows: Sequence[Row], hit: LabelHit, hits: Sequence[LabelHit], *, multiline: bool) -> Value | None:
    """The value after ``hit`` on its row, and for a field that wraps, its continuation lines below."""
    row = rows[hit.row]
    a = hit.end
    while a < hit.value_end and row.text[a] in " :：":
        a += 1
    text = row.text[a:hit.value_end].strip()
    score = row.score_between(a, hit.value_end) if text else 1.0
    n = 1 if text else 0
    if not multiline:
        return Value(text, score, n) if text else None
    x_start = row.x_of(a) if text else row.x_of(hit.end) + row.h * 0.5
    right = row.x_of(hit.value_end) if hit.value_end < len(row.text) else math.inf
    label_x = row.x_of(hit.start)
    labelled = {(h.row, i) for h in hits for i in _segments_of(rows[h.row], h)}
    last_cy, h = row.cy, row.h
    parts = [text] if text else []
    for r in range(hit.row + 1, min(len(rows), hit.row + 6)):
        nxt = rows[r]
        if nxt.cy - last_cy > 2.3 * h:
            break
        # A label in this column starts the next field: the value ends above it.
        if any(h2.row == r and label_x - h <= nxt.x_of(h2.start) < right for h2 in hits):
            break
        cont = [s for i, s in enumerate(nxt.segments)
                if abs(s.x0 - x_start) <= 1.6 * h and s.x0 < right and (r, i) not in labelled]
        if not cont:
            break
        parts.append(cont[0].text)
        score = min(score, cont[0].score)
        last_cy = nxt.cy
        n += 1
    joined = "".join(parts).strip()
    return Value(joined, score, n) if joined else None


def _segments_of(row: Row, hit: LabelHit) -> set[int]:
    return {row.owner[p] for p in range(hit.start, hit.end) if p < len(row.owner) and row.owner[p] >= 0}
