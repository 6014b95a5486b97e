"""The document camera's (高拍仪) image pipeline: find the document on the desk, crop it, deskew it.

A 高拍仪 looks down at the desk: a frame shows the document somewhat turned, with desk around it.
``crop_document(frame_bytes)`` finds the document's four corners and warps the quadrilateral to an
upright rectangle (crop and deskew in one step, perspective included), and returns it as a JPEG.
When no document edge can be found (a page that fills the frame, a document on a desk of the same
colour) the whole frame is kept and ``found`` says so: nothing a clerk photographed is thrown away.

OpenCV (``opencv-python-headless``, already a dependency for the offline OCR): edges (Canny on a
downscaled, blurred grey image, closed to bridge the gaps), the largest convex quadrilateral among
the outer contours; failing that the largest bright region of an Otsu threshold and its rotated
bounding box. Figures: ``bench/camera.py``.

The result then goes into the page store through the same door as a scanned page
(``MaterialsService.add_page``: sniffed, header limits, cleaned, thumbnails) — ``capture_into``.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from clerk.errors import ClerkError

if TYPE_CHECKING:
    from clerk.materials.service import MaterialsService, PageInfo

Point = tuple[float, float]
WORK_SIDE = 1000
"""Detection runs on the frame scaled to this longest side (the warp uses the full frame)."""
MIN_AREA = 0.08
"""A document covers at least this share of the frame (a smaller quadrilateral is print on it)."""
MAX_PIXELS = 60_000_000
JPEG_QUALITY = 90


class CameraError(ClerkError, ValueError):
    """A camera frame that cannot be used (not an image, too large)."""


@dataclass(frozen=True)
class CroppedPage:
    """One captured page: the JPEG to store and what the crop did."""

    data: bytes
    found: bool
    """True when the document's edges were found (cropped and deskewed); False: the whole frame."""
    corners: tuple[Point, Point, Point, Point] | None
    """The document's corners in the frame (top-left, top-right, bottom-right, bottom-left)."""
    size: tuple[int, int]
    """The stored page's width and height in pixels."""
    angle: float
    """How far the document was turned in the frame (degrees, counter-clockwise positive)."""
    elapsed_ms: float


def _np() -> Any:
    import numpy

    return numpy


def _cv() -> Any:
    import cv2

    return cv2


def decode(data: bytes) -> Any:
    """The frame as a BGR array (``CameraError`` when it is not a picture or is too big)."""
    import io

    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as probe:
            w, h = probe.size
    except (UnidentifiedImageError, OSError, ValueError):
        raise CameraError("拍摄的画面无法解码") from None
    if w * h > MAX_PIXELS:
        raise CameraError(f"拍摄的画面太大（{w}×{h}）")
    img = _cv().imdecode(_np().frombuffer(data, dtype=_np().uint8), _cv().IMREAD_COLOR)
    if img is None:
        raise CameraError("拍摄的画面无法解码")
    return img


def order_corners(pts: Any) -> tuple[Point, Point, Point, Point]:
    """Four points as top-left, top-right, bottom-right, bottom-left (by angle around their centre,
    starting from the one up and left)."""
    np = _np()
    p = np.asarray(pts, dtype=float).reshape(4, 2)
    c = p.mean(axis=0)
    ang = np.arctan2(p[:, 1] - c[1], p[:, 0] - c[0])
    p = p[np.argsort(ang)]  # clockwise on screen (y points down), from the left
    start = int(np.argmin(p[:, 0] + p[:, 1]))
    p = np.roll(p, -start, axis=0)
    return (tuple(p[0]), tuple(p[1]), tuple(p[2]), tuple(p[3]))  # type: ignore[return-value]


def find_document(img: Any) -> tuple[Point, Point, Point, Point] | None:
    """The document's corners in ``img`` (a BGR array), or None when no edge stands out.

    Candidates come from the edges (the largest convex quadrilaterals among the outer contours of a
    closed Canny image) and from the regions lighter and darker than the desk (Otsu); each is scored
    by how much its inside differs from its outside right along its four sides, the weakest side
    counting. A document's shadow, a printed frame on the page or the desk's grain make poor sides.
    """
    cv2, np = _cv(), _np()
    h, w = img.shape[:2]
    scale = WORK_SIDE / max(h, w) if max(h, w) > WORK_SIDE else 1.0
    small = cv2.resize(img, (round(w * scale), round(h * scale)), interpolation=cv2.INTER_LINEAR) if scale < 1 else img
    gray = cv2.cvtColor(small, cv2.COLOR_BGR2GRAY)
    gray = cv2.GaussianBlur(gray, (5, 5), 0)
    area = float(gray.shape[0] * gray.shape[1])
    best, best_score = None, MIN_CONTRAST
    for quad in [*_edge_quads(gray, area), *_region_quads(gray, area)]:
        score = _side_contrast(gray, quad)
        if score > best_score:
            best, best_score = quad, score
    if best is None:
        return None
    return order_corners(np.asarray(best, dtype=float) / scale)


MIN_CONTRAST = 12.0
"""Grey levels the weakest side of a document must differ from the desk by."""


def _edge_quads(gray: Any, area: float) -> list[Any]:
    cv2, np = _cv(), _np()
    out = []
    med = float(np.median(gray))
    for lo, hi in ((0.5 * med, 1.2 * med), (10.0, 40.0)):
        edges = cv2.Canny(gray, max(5.0, lo), max(20.0, hi))
        edges = cv2.morphologyEx(edges, cv2.MORPH_CLOSE, np.ones((5, 5), np.uint8), iterations=2)
        contours, _ = cv2.findContours(edges, cv2.RETR_LIST, cv2.CHAIN_APPROX_SIMPLE)
        big = [c for c in contours if _box_area(c) >= MIN_AREA * area]  # cheap first: most are print
        hulls = sorted(((cv2.contourArea(cv2.convexHull(c)), c) for c in big), key=lambda x: -x[0])
        for hull_area, cnt in hulls[:8]:
            if hull_area < MIN_AREA * area:
                break
            out += _quads_of(cnt, gray.shape, area)
    return out


def _region_quads(gray: Any, area: float) -> list[Any]:
    """The largest regions lighter (paper on a dark desk) and darker (a dark cover on a light desk)."""
    cv2, np = _cv(), _np()
    out = []
    for mode in (cv2.THRESH_BINARY, cv2.THRESH_BINARY_INV):
        _, mask = cv2.threshold(gray, 0, 255, mode + cv2.THRESH_OTSU)
        mask = cv2.morphologyEx(mask, cv2.MORPH_OPEN, np.ones((7, 7), np.uint8))
        contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
        big = [c for c in contours if _box_area(c) >= MIN_AREA * area]
        hulls = sorted(((cv2.contourArea(cv2.convexHull(c)), c) for c in big), key=lambda x: -x[0])
        for hull_area, cnt in hulls[:2]:
            if hull_area < MIN_AREA * area:
                break  # the page's print or the desk's grain
            out += _quads_of(cnt, gray.shape, area)
            box = cv2.boxPoints(cv2.minAreaRect(cnt))
            if _plausible(box, gray.shape, area):
                out.append(box)
    return out


def _box_area(cnt: Any) -> float:
    _, _, w, h = _cv().boundingRect(cnt)
    return float(w * h)


def _quads_of(cnt: Any, shape: tuple[int, ...], area: float) -> list[Any]:
    cv2 = _cv()
    out = []
    for curve in (cnt, cv2.convexHull(cnt)):
        peri = cv2.arcLength(curve, True)
        for eps in (0.015, 0.03, 0.05):
            approx = cv2.approxPolyDP(curve, eps * peri, True)
            if len(approx) == 4 and cv2.isContourConvex(approx) and _plausible(approx, shape, area):
                out.append(approx.reshape(4, 2))
                break
    return out


def _side_contrast(gray: Any, quad: Any) -> float:
    """The weakest side's |inside − outside| (median grey just inside vs just outside along it), all four
    sides having to differ the same way (a quadrilateral half on the paper, half on its shadow fails)."""
    np = _np()
    pts = np.asarray(order_corners(quad), dtype=float)
    centre = pts.mean(axis=0)
    h, w = gray.shape[:2]
    diffs = []
    t = np.linspace(0.1, 0.9, 40)[:, None]
    for i in range(4):
        a, b = pts[i], pts[(i + 1) % 4]
        along = a + (b - a) * t
        d = b - a
        normal = np.array([d[1], -d[0]]) / (np.linalg.norm(d) + 1e-9)
        if np.dot(normal, (a + b) / 2 - centre) < 0:
            normal = -normal  # pointing out of the quadrilateral
        vals = []
        for off in (-6.0, 6.0):
            q = along + normal * off
            x = np.clip(np.round(q[:, 0]).astype(int), 0, w - 1)
            y = np.clip(np.round(q[:, 1]).astype(int), 0, h - 1)
            vals.append(float(np.median(gray[y, x])))
        diffs.append(vals[0] - vals[1])
    lighter, darker = min(diffs), -max(diffs)
    return max(lighter, darker)


def _plausible(quad: Any, shape: tuple[int, ...], area: float) -> bool:
    """A sheet seen from above: big enough, not the frame's own border, corners near right angles."""
    cv2, np = _cv(), _np()
    pts = np.asarray(quad, dtype=float).reshape(4, 2)
    a = cv2.contourArea(pts.astype(np.float32))
    if a > 0.97 * area or a < MIN_AREA * area:
        return False
    ordered = np.asarray(order_corners(pts))
    for i in range(4):
        p, b, c = ordered[i - 1], ordered[i], ordered[(i + 1) % 4]
        v1, v2 = p - b, c - b
        cos = abs(float(np.dot(v1, v2)) / (np.linalg.norm(v1) * np.linalg.norm(v2) + 1e-9))
        if cos > 0.35:  # more than ~20° off a right angle
            return False
    return True


def warp(img: Any, corners: tuple[Point, Point, Point, Point]) -> Any:
    """The quadrilateral ``corners`` of ``img`` as an upright rectangle (its own size, perspective removed)."""
    cv2, np = _cv(), _np()
    tl, tr, br, bl = (np.asarray(p, dtype=float) for p in corners)
    width = round(max(np.linalg.norm(tr - tl), np.linalg.norm(br - bl)))
    height = round(max(np.linalg.norm(bl - tl), np.linalg.norm(br - tr)))
    src = np.asarray([tl, tr, br, bl], dtype=np.float32)
    dst = np.asarray([[0, 0], [width - 1, 0], [width - 1, height - 1], [0, height - 1]], dtype=np.float32)
    m = cv2.getPerspectiveTransform(src, dst)
    return cv2.warpPerspective(img, m, (width, height), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_REPLICATE)


def skew_angle(corners: tuple[Point, Point, Point, Point]) -> float:
    """How far the document's top edge is turned (degrees; positive: counter-clockwise on screen)."""
    (x0, y0), (x1, y1) = corners[0], corners[1]
    return -math.degrees(math.atan2(y1 - y0, x1 - x0))


def encode_jpeg(img: Any, quality: int = JPEG_QUALITY) -> bytes:
    ok, buf = _cv().imencode(".jpg", img, [_cv().IMWRITE_JPEG_QUALITY, quality])
    if not ok:
        raise CameraError("无法把画面保存为 JPEG")
    return bytes(buf)


def crop_document(data: bytes, *, crop: bool = True, quality: int = JPEG_QUALITY) -> CroppedPage:
    """One camera frame (JPEG/PNG bytes) → the page to store: cropped and deskewed when the document's
    edges are found, else the whole frame (``found`` False). ``crop=False`` keeps the frame as it is."""
    started = time.perf_counter()
    img = decode(data)
    corners = find_document(img) if crop else None
    if corners is not None:
        page = warp(img, corners)
        angle = skew_angle(corners)
    else:
        page, angle = img, 0.0
    out = encode_jpeg(page, quality)
    return CroppedPage(out, corners is not None, corners, (int(page.shape[1]), int(page.shape[0])), angle,
                       (time.perf_counter() - started) * 1000)


def capture_into(materials: MaterialsService, case_uuid: str, code: str, frame: bytes, *, number: int = 1,
                 crop: bool = True) -> tuple[PageInfo, CroppedPage]:
    """A captured frame as a new page of the material: cropped, then stored as a scanned page is
    (``add_page``: sniffed, header limits, cleaned, thumbnail) — refused with ``FileProblem`` or
    ``MaterialError`` (a case no longer editable) with nothing stored."""
    page = crop_document(frame, crop=crop)
    info = materials.add_page(case_uuid, code, page.data, source_name=f"高拍仪第 {number} 页")
    return info, page


__all__ = ["CameraError", "CroppedPage", "capture_into", "crop_document", "decode", "find_document",
           "order_corners", "skew_angle", "warp"]
