"""The document camera's crop and deskew on generated desk photographs (``clerk.samples``), whose true
corners are known; and a captured page stored through the materials' page store."""

from __future__ import annotations

import io
import math
import random
from typing import Any

import pytest
from PIL import Image

from clerk import samples
from clerk.devices.camera import CameraError, capture_into, crop_document, skew_angle
from clerk.materials.service import MaterialsService

KINDS = ("idcard_front", "idcard_back", "business_licence", "hukou_page", "birth_certificate")


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("seed", [3, 11])
def test_the_document_is_found_cropped_and_deskewed(kind: str, seed: int) -> None:
    rng = random.Random(seed)
    sample = samples.render(kind, rng)
    frame, truth = samples.photograph_with_corners(sample.image, rng, max_angle=12)
    page = crop_document(frame)
    assert page.found and page.corners is not None
    diag = math.hypot(*sample.image.size)
    worst = max(math.dist(a, b) for a, b in zip(page.corners, truth, strict=True))
    assert worst < 0.02 * diag, (page.corners, truth)
    assert abs(page.angle - skew_angle(truth)) < 1.0  # the turn it took out, within a degree
    with Image.open(io.BytesIO(page.data)) as out:
        assert out.format == "JPEG" and out.size == page.size
        w, h = sample.image.size
        assert abs(out.size[0] / out.size[1] - w / h) < 0.03 * (w / h)  # upright, the document's own shape
        with Image.open(io.BytesIO(frame)) as original:
            assert out.size[0] * out.size[1] < 0.8 * original.size[0] * original.size[1]  # the desk is gone


def test_a_page_filling_the_frame_is_kept_whole() -> None:
    rng = random.Random(5)
    sample = samples.render("hukou_page", rng)
    frame, _ = samples.photograph_with_corners(sample.image, rng, desk=False, max_angle=0)
    page = crop_document(frame)
    with Image.open(io.BytesIO(frame)) as original:
        assert not page.found and page.corners is None and page.size == original.size


def test_crop_can_be_switched_off_and_junk_is_refused() -> None:
    rng = random.Random(2)
    frame, _ = samples.photograph_with_corners(samples.render("idcard_front", rng).image, rng)
    with Image.open(io.BytesIO(frame)) as original:
        assert crop_document(frame, crop=False).size == original.size
    with pytest.raises(CameraError, match="无法解码"):
        crop_document(b"\x00not a picture")


def test_a_captured_page_goes_into_the_material(ctx: Any, clerk_actor: Any) -> None:
    view = ctx.intake.start_draft(clerk_actor, "newborn")
    svc = MaterialsService(ctx.store, ctx.pages, ctx.events)
    code = view.materials[0].code
    rng = random.Random(8)
    pages = []
    for n in (1, 2):  # several pages in a row
        frame, _ = samples.photograph_with_corners(samples.render("birth_certificate", rng).image, rng)
        info, cropped = capture_into(svc, view.case_uuid, code, frame, number=n)
        assert cropped.found
        pages.append(info)
    stored = svc.list_pages(view.case_uuid, code)
    assert [p.id for p in stored] == [p.id for p in pages]
    assert [p.source_name for p in stored] == ["高拍仪第 1 页", "高拍仪第 2 页"]
    assert all(p.media_type == "image/jpeg" for p in stored)
