"""The OCR engine: RapidOCR (PP-OCRv4 det/cls/rec as ONNX models inside its wheel) on onnxruntime, CPU only.

Nothing is downloaded and nothing is sent: the models are files of the installed wheel, and the
engine is loaded on first use (never when ``clerk`` is imported), once per process, behind a lock
(onnxruntime sessions are used one page at a time). Every recognised line comes back with its
reading direction, so a card photographed on its side or upside down still reads in rows.
"""

from __future__ import annotations

import logging
import math
import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image

from clerk.errors import ClerkError

log = logging.getLogger(__name__)

MAX_SIDE = 1600
"""Pages are scaled down to at most this many pixels on their long side before detection
(an A4 scan at 150 dpi keeps its 10-point text at ~20 px, which PP-OCRv4 reads well)."""


class OcrUnavailable(ClerkError, RuntimeError):
    """The OCR engine is not installed or could not load its models."""


@dataclass(frozen=True)
class OcrLine:
    """One recognised text line: its text, its four corners on the page (pixels) and its score."""

    text: str
    box: tuple[tuple[float, float], tuple[float, float], tuple[float, float], tuple[float, float]]
    score: float
    angle: float
    """Reading direction in degrees (0: left to right, 90: top to bottom, 180: upside down)."""


def _rss_mb() -> float:
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError):
        return 0.0


class OcrEngine:
    """One RapidOCR instance (Anki-style: one heavy object, built lazily, reused)."""

    def __init__(self, threads: int | None = None) -> None:
        self._threads = threads
        self._ocr: Any = None
        self._lock = threading.Lock()
        self.load_seconds = 0.0
        self.rss_before_mb = 0.0
        self.rss_loaded_mb = 0.0
        self.rss_peak_mb = 0.0

    @property
    def loaded(self) -> bool:
        return self._ocr is not None

    def _load(self) -> Any:
        if self._ocr is not None:
            return self._ocr
        self.rss_before_mb = _rss_mb()
        t = time.perf_counter()
        saved = dict(os.environ)
        try:
            # cv2 (pulled in by rapidocr) rewrites LD_LIBRARY_PATH, and the GUI build of opencv also
            # QT_QPA_PLATFORM_PLUGIN_PATH/QT_QPA_FONTDIR; put the environment back so the Qt window and
            # the subprocesses we start are not affected.
            from rapidocr_onnxruntime import RapidOCR
        except ImportError as exc:
            raise OcrUnavailable("本机未安装文字识别引擎（rapidocr-onnxruntime），无法识别证照") from exc
        finally:
            for k in set(os.environ) - set(saved):
                del os.environ[k]
            os.environ.update(saved)
        kwargs: dict[str, Any] = {"print_verbose": False}
        if self._threads:
            kwargs.update({"intra_op_num_threads": self._threads, "inter_op_num_threads": 1})
        try:
            self._ocr = RapidOCR(**kwargs)
        except Exception as exc:  # a damaged model file or an onnxruntime that cannot start
            raise OcrUnavailable(f"文字识别引擎无法启动：{exc}") from exc
        self.load_seconds = time.perf_counter() - t
        self.rss_loaded_mb = self.rss_peak_mb = _rss_mb()
        log.info("OCR engine loaded in %.2f s (+%.0f MB)", self.load_seconds, self.rss_loaded_mb - self.rss_before_mb)
        return self._ocr

    def warm_up(self) -> None:
        """Loads the models now (e.g. in a worker at start-up) instead of on the first page."""
        with self._lock:
            self._load()

    def recognise(self, image: Image.Image, max_side: int = MAX_SIDE) -> list[OcrLine]:
        """Every text line found on ``image``, in the engine's order (top to bottom, roughly).

        ``max_side``: the picture is scaled down to this long side first (a card needs less than a page).
        """
        import numpy as np

        im = image.convert("RGB")
        scale = 1.0
        if max(im.size) > max_side:
            scale = max_side / max(im.size)
            im = im.resize((max(1, round(im.width * scale)), max(1, round(im.height * scale))), Image.Resampling.LANCZOS)
        bgr = np.ascontiguousarray(np.asarray(im)[:, :, ::-1])
        with self._lock:
            eng = self._load()
            raw_h, raw_w = bgr.shape[:2]
            record: dict[str, Any] = {}
            img, ratio_h, ratio_w = eng.preprocess(bgr)
            record["preprocess"] = {"ratio_h": ratio_h, "ratio_w": ratio_w}
            img, record = eng.maybe_add_letterbox(img, record)
            boxes, _ = eng.auto_text_det(img)
            if boxes is None or len(boxes) == 0:
                return []
            crops = eng.get_crop_img_list(img, [_widen(b, img.shape[1], img.shape[0]) for b in boxes])
            crops, cls_res, _ = eng.text_cls(crops)
            rec_res, _ = eng.text_rec(crops, False)
            points = eng._get_origin_points(boxes, record, raw_h, raw_w)
            self.rss_peak_mb = max(self.rss_peak_mb, _rss_mb())
        lines: list[OcrLine] = []
        for pts, box, cls, rec in zip(points, boxes, cls_res, rec_res, strict=True):
            text, score = str(rec[0]), float(rec[1])
            if not text.strip() or score < 0.5:
                continue
            p = [(float(x) / scale, float(y) / scale) for x, y in pts]
            flipped = str(cls[0]) == "180"
            w = math.dist(box[0], box[1])
            h = math.dist(box[0], box[3])
            if h >= 1.5 * w:  # cropped on its side by the engine: the text runs along the long edge
                (sx, sy), (ex, ey) = ((p[3], p[0]) if flipped else (p[0], p[3]))
            else:
                (sx, sy), (ex, ey) = ((p[1], p[0]) if flipped else (p[0], p[1]))
            angle = math.degrees(math.atan2(ey - sy, ex - sx)) % 360
            lines.append(OcrLine(text, (p[0], p[1], p[2], p[3]), score, angle))
        return lines


def _widen(box: Any, width: int, height: int) -> Any:
    """The box lengthened by a quarter of its height at the end of its text line, within the image.

    PP-OCR's detector boxes end tight on the last glyph, and the recogniser then tends to drop it
    (the last character of an 18-character credit code); a little margin keeps it. Only the end:
    a margin at the start re-reads the tail of a box the detector split off just before.
    """
    import numpy as np

    p = np.array(box, dtype=np.float32)
    along = p[1] - p[0]
    length = float(np.linalg.norm(along))
    across = float(np.linalg.norm(p[3] - p[0]))
    if length < 1 or across < 1 or across > 1.5 * length:
        return p  # a vertical crop: leave it
    d = along / length * (across / 4)
    p[1] += d
    p[2] += d
    p[:, 0] = np.clip(p[:, 0], 0, width - 1)
    p[:, 1] = np.clip(p[:, 1], 0, height - 1)
    return p


_ENGINE: OcrEngine | None = None
_ENGINE_LOCK = threading.Lock()


def engine() -> OcrEngine:
    """The process's one OCR engine (created on first call, its models loaded on first page)."""
    global _ENGINE
    with _ENGINE_LOCK:
        if _ENGINE is None:
            _ENGINE = OcrEngine()
        return _ENGINE


def engine_loaded() -> bool:
    return _ENGINE is not None and _ENGINE.loaded


def load_page(path: Path, page_index: int = 0) -> Image.Image:
    """One page of an image or PDF file as a picture; anything else is a ``FileProblem`` (one line)."""
    from clerk.materials.imaging import open_page
    from clerk.materials.prepare import prepare_file
    from clerk.materials.sniff import FileProblem

    info = prepare_file(path, None, 50)  # the one gate for files from outside (limits, bounded decoding)
    if page_index >= info.pages:
        raise FileProblem(f"{path.name}：只有 {info.pages} 页，没有第 {page_index + 1} 页")
    try:
        return open_page(info.data, info.media_type, page_index, dpi=200.0)
    except (OSError, ValueError) as exc:
        raise FileProblem(f"{path.name}：无法读取这一页（{exc}）") from exc
