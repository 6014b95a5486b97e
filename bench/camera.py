"""The document camera's crop and deskew (``clerk.devices.camera``, OpenCV) on generated desk photographs.

    python bench/camera.py                  # 40 frames at 8 MP (a common 高拍仪's 3264 × 2448)
    python bench/camera.py --frames 10 --megapixels 5

Each frame is one of the sample documents (ID card both sides, business licence, household
register page, birth certificate) photographed on a desk by ``clerk.samples.photograph_with_corners``
(turned up to ±12°, shadow, blur, JPEG), scaled up to the camera's size. Prints how often the
document was found, the corner error (largest corner's distance from the truth, as a share of the
document's diagonal), and the time per frame of ``crop_document`` next to its peer: decoding and
re-encoding the frame as it is (what keeping the uncropped frame costs). Target: found in every
frame, corner error < 2 %, crop < 1.5 s per 8 MP frame on one core.
"""

from __future__ import annotations

import argparse
import io
import math
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PIL import Image  # noqa: E402

from clerk import samples  # noqa: E402
from clerk.devices.camera import crop_document, decode, encode_jpeg  # noqa: E402

KINDS = ("idcard_front", "idcard_back", "business_licence", "hukou_page", "birth_certificate")


def frame(kind: str, seed: int, megapixels: float) -> tuple[bytes, list[tuple[float, float]], float]:
    rng = random.Random(seed)
    sample = samples.render(kind, rng)
    data, corners = samples.photograph_with_corners(sample.image, rng, max_angle=12, quality=85)
    with Image.open(io.BytesIO(data)) as im:
        scale = math.sqrt(megapixels * 1e6 / (im.size[0] * im.size[1]))
        big = im.convert("RGB").resize((round(im.size[0] * scale), round(im.size[1] * scale)), Image.Resampling.BICUBIC)
    out = io.BytesIO()
    big.save(out, "JPEG", quality=88)
    diag = math.hypot(*sample.image.size) * scale
    return out.getvalue(), [(x * scale, y * scale) for x, y in corners], diag


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--frames", type=int, default=40)
    ap.add_argument("--megapixels", type=float, default=8.0)
    args = ap.parse_args()
    found, errors, crop_ms, plain_ms = 0, [], [], []
    for i in range(args.frames):
        data, truth, diag = frame(KINDS[i % len(KINDS)], i, args.megapixels)
        started = time.perf_counter()
        encode_jpeg(decode(data))
        plain_ms.append((time.perf_counter() - started) * 1000)
        page = crop_document(data)
        crop_ms.append(page.elapsed_ms)
        if page.found and page.corners is not None:
            found += 1
            errors.append(max(math.dist(a, b) for a, b in zip(page.corners, truth, strict=True)) / diag)
    print(f"frames: {args.frames} at {args.megapixels:g} MP; document found in {found}")
    if errors:
        print(f"corner error: median {statistics.median(errors):.2%}, max {max(errors):.2%} of the diagonal")
    print(f"crop_document: median {statistics.median(crop_ms):.0f} ms, max {max(crop_ms):.0f} ms per frame")
    print(f"peer (decode + re-encode, no crop): median {statistics.median(plain_ms):.0f} ms per frame")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
