"""Importing files into a material: what is taken, what is refused (with nothing stored), arranging pages."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image
from sqlalchemy import func, select

from clerk.intake.model import MaterialStatus
from clerk.materials.service import BUILT_PREFIX, MaterialError, prepare_uploads
from clerk.materials.sniff import FileProblem
from clerk.store.models import BlobRow, FileRow, PageRow

from .conftest import Draft, blank_page, jpeg_bytes, pdf_bytes, png_bytes, text_page


def _counts(d: Draft) -> tuple[int, int, int, int]:
    with d.ctx.store.read() as s:
        return (
            s.execute(select(func.count()).select_from(PageRow)).scalar_one(),
            s.execute(select(func.count()).select_from(BlobRow)).scalar_one(),
            s.execute(select(func.count()).select_from(FileRow)).scalar_one(),
            sum(1 for _ in d.ctx.pages.all_hashes()),
        )


def _write(tmp: Path, name: str, data: bytes) -> Path:
    p = tmp / name
    p.write_bytes(data)
    return p


def test_pdf_is_stored_once_with_one_page_row_per_page(draft: Draft, tmp_path: Path) -> None:
    code = draft.codes[2]
    pdf = _write(tmp_path, "执照.pdf", pdf_bytes(3))
    pages = draft.svc.import_file(draft.case_uuid, code, pdf)
    assert [p.page_index for p in pages] == [0, 1, 2]
    assert len({p.sha256 for p in pages}) == 1
    assert draft.ctx.pages.read(pages[0].sha256) == pdf.read_bytes()
    assert _counts(draft) == (3, 1, 0, 1 + 0)
    view = draft.ctx.intake.get(draft.case_uuid)
    assert next(m for m in view.materials if m.code == code).status is MaterialStatus.PROVIDED
    # importing the same file again stores no second copy (dedup) but adds its pages
    draft.svc.import_file(draft.case_uuid, code, pdf)
    assert _counts(draft)[:2] == (6, 1)
    assert sum(1 for _ in draft.ctx.pages.all_hashes()) == 1


def test_multipage_tiff_jpeg_png(draft: Draft, tmp_path: Path) -> None:
    code = draft.codes[2]
    frames = [text_page(["户口簿", f"第 {i} 页"], dpi=60) for i in range(3)]
    tif = tmp_path / "户口簿.tif"
    frames[0].save(tif, save_all=True, append_images=frames[1:], compression="tiff_deflate")
    t = draft.svc.import_file(draft.case_uuid, code, tif)
    assert [(p.media_type, p.page_index) for p in t] == [("image/tiff", 0), ("image/tiff", 1), ("image/tiff", 2)]
    j = draft.svc.import_file(draft.case_uuid, code, _write(tmp_path, "a.jpg", jpeg_bytes(frames[0])))
    p = draft.svc.import_file(draft.case_uuid, code, _write(tmp_path, "b.png", png_bytes(frames[1])))
    assert (j[0].media_type, p[0].media_type) == ("image/jpeg", "image/png")
    assert [x.position for x in draft.svc.list_pages(draft.case_uuid, code)] == [0, 1, 2, 3, 4]


def test_thumbnails_are_small_pngs_cached_by_rotation(draft: Draft, tmp_path: Path) -> None:
    code = draft.codes[2]
    page = draft.svc.import_file(draft.case_uuid, code, _write(tmp_path, "a.jpg", jpeg_bytes(text_page(["证明"]))))[0]
    thumb = Image.open(io.BytesIO(draft.svc.thumbnail(page)))
    assert thumb.format == "PNG" and thumb.width == 160 and thumb.height > thumb.width
    rotated = draft.svc.rotate(page.id, 90)
    assert rotated.rotation == 90
    t2 = Image.open(io.BytesIO(draft.svc.thumbnail(rotated)))
    assert t2.width > t2.height
    assert draft.svc.thumbs.path(page.sha256, 0, 90).exists()
    assert draft.svc.thumbs.path(page.sha256, 0, 0).exists()


@pytest.mark.parametrize(
    "name, make, setup, message",
    [
        ("empty.pdf", lambda: b"", {}, "空文件"),
        ("申请表.pdf", lambda: b"MZ\x90\x00\x03" + b"\x00" * 4000, {}, "可执行程序"),
        ("elf.pdf", lambda: b"\x7fELF\x02\x01\x01" + b"\x00" * 4000, {}, "可执行程序"),
        ("locked.pdf", lambda: pdf_bytes(2, encrypt="secret"), {}, "密码"),
        ("broken.pdf", lambda: pdf_bytes(2)[:700], {}, "损坏"),
        ("big.png", lambda: png_bytes(Image.effect_noise((1200, 1200), 80).convert("RGB")), {"max_size_mb": 1}, "超过"),
        ("scan.tif", lambda: _tiff_bytes(), {"file_types": ["jpeg", "png"]}, "只接受"),
        ("scan.pdf", lambda: pdf_bytes(1), {"file_types": ["jpeg", "png"]}, "只接受"),
        ("photo.jpg", lambda: png_bytes(text_page(["x"], dpi=30)), {}, "内容却是"),
        ("bad.jpg", lambda: b"\xff\xd8\xff\xe0" + b"garbage" * 100, {}, "损坏"),
    ],
)
def test_bad_files_are_refused_and_nothing_is_stored(draft: Draft, tmp_path: Path, name: str, make, setup, message) -> None:
    code = draft.codes[2]
    if setup:
        draft.set_info(code, **setup)
    path = _write(tmp_path, name, make())
    before = _counts(draft)
    with pytest.raises(FileProblem) as err:
        draft.svc.import_file(draft.case_uuid, code, path)
    assert message in str(err.value) and name in str(err.value)
    assert _counts(draft) == before == (0, 0, 0, 0)
    assert draft.svc.list_pages(draft.case_uuid, code) == []
    assert not list(draft.svc.thumbs.root.rglob("*.png"))
    assert draft.ctx.intake.get(draft.case_uuid).materials[2].status is MaterialStatus.MISSING


def test_heic_without_pillow_heif_is_refused_clearly(draft: Draft, tmp_path: Path) -> None:
    from clerk.materials.sniff import heic_supported

    if heic_supported():
        pytest.skip("pillow-heif is installed here")
    draft.set_info(draft.codes[2], file_types=["heic", "jpeg"])
    path = _write(tmp_path, "IMG_0001.HEIC", b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 500)
    with pytest.raises(FileProblem, match="HEIC"):
        draft.svc.import_file(draft.case_uuid, draft.codes[2], path)
    assert _counts(draft) == (0, 0, 0, 0)


def _tiff_bytes() -> bytes:
    buf = io.BytesIO()
    text_page(["x"], dpi=30).save(buf, "TIFF")
    return buf.getvalue()


def test_reorder_rotate_delete_move_replace(draft: Draft, tmp_path: Path) -> None:
    a, b = draft.codes[2], draft.codes[3]
    pages = draft.svc.import_file(draft.case_uuid, a, _write(tmp_path, "x.pdf", pdf_bytes(4)))
    ids = [p.id for p in pages]
    draft.svc.reorder(draft.case_uuid, a, [ids[3], ids[0], ids[2], ids[1]])
    assert [p.page_index for p in draft.svc.list_pages(draft.case_uuid, a)] == [3, 0, 2, 1]
    with pytest.raises(MaterialError):
        draft.svc.reorder(draft.case_uuid, a, ids[:3])
    moved = draft.svc.move_page(ids[2], b)
    assert moved.material_code == b and moved.page_index == 2
    assert [p.page_index for p in draft.svc.list_pages(draft.case_uuid, a)] == [3, 0, 1]
    draft.svc.delete_page(ids[0])
    assert [p.page_index for p in draft.svc.list_pages(draft.case_uuid, a)] == [3, 1]
    new = draft.svc.replace_page(ids[3], _write(tmp_path, "new.jpg", jpeg_bytes(text_page(["新页"], dpi=72))))
    listed = draft.svc.list_pages(draft.case_uuid, a)
    assert [p.media_type for p in listed] == ["image/jpeg", "application/pdf"]
    assert listed[0].id == new[0].id and [p.position for p in listed] == [0, 1]
    draft.svc.delete_pages([p.id for p in listed])
    view = draft.ctx.intake.get(draft.case_uuid)
    assert next(m for m in view.materials if m.code == a).status is MaterialStatus.MISSING
    assert next(m for m in view.materials if m.code == b).status is MaterialStatus.PROVIDED


def test_blank_pages_are_scored_and_suggested(draft: Draft) -> None:
    code = draft.codes[2]
    pages = [draft.svc.add_page(draft.case_uuid, code, jpeg_bytes(im))
             for im in (text_page(["出生医学证明"]), blank_page(), text_page(["第二页"], seed=3), blank_page())]
    scores = [p.blank_score for p in pages]
    assert scores[1] >= 0.9 and scores[3] >= 0.9, scores
    assert scores[0] < 0.5 and scores[2] < 0.5, scores
    assert [p.id for p in draft.svc.blank_suggestions(draft.case_uuid)] == [pages[1].id, pages[3].id]


def test_build_upload_one_pdf_per_material(draft: Draft, tmp_path: Path) -> None:
    code = draft.codes[2]
    jpeg = jpeg_bytes(text_page(["出生医学证明首次签发登记表"], dpi=100), dpi=100)
    draft.svc.import_file(draft.case_uuid, code, _write(tmp_path, "x.pdf", pdf_bytes(2)))
    jp = draft.svc.add_page(draft.case_uuid, code, jpeg)
    pn = draft.svc.add_page(draft.case_uuid, code, png_bytes(text_page(["背面"], dpi=50)))
    draft.svc.rotate(jp.id, 90)
    ref = draft.svc.build_upload(draft.case_uuid, code)
    assert ref.media_type == "application/pdf" and ref.pages == 4
    data = draft.ctx.pages.read(ref.sha256)
    doc = pdfium.PdfDocument(data)
    assert len(doc) == 4
    assert [doc[i].get_rotation() for i in range(4)] == [0, 0, 90, 0]
    doc.close()
    assert jpeg in data  # the JPEG went in as it was, not re-encoded
    out = tmp_path / "u.pdf"
    out.write_bytes(data)
    import subprocess

    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True)
    assert info.returncode == 0 and re.search(r"^Pages:\s+4$", info.stdout, re.M), info.stdout
    files = draft.ctx.intake.get(draft.case_uuid).materials[2].files
    assert [(f.sha256, f.pages) for f in files] == [(ref.sha256, 4)]
    # a change to the pages drops the stale PDF; building again replaces it (one built file)
    draft.svc.delete_page(pn.id)
    assert draft.svc.built_upload(draft.case_uuid, code) is None
    refs = prepare_uploads(draft.ctx, draft.case_uuid)
    assert list(refs) == [code] and refs[code].pages == 3
    with draft.ctx.store.read() as s:
        built = s.execute(select(FileRow).where(FileRow.source_name.like(BUILT_PREFIX + "%"))).scalars().all()
    assert [b.sha256 for b in built] == [refs[code].sha256]


def test_build_upload_refuses_oversize_and_empty(draft: Draft) -> None:
    code = draft.codes[2]
    with pytest.raises(MaterialError, match="还没有任何页面"):
        draft.svc.build_upload(draft.case_uuid, code)
    draft.svc.add_page(draft.case_uuid, code, png_bytes(Image.effect_noise((1300, 1300), 90).convert("RGB")))
    draft.set_info(code, max_size_mb=1)
    with pytest.raises(MaterialError, match="超过 1 MB"):
        draft.svc.build_upload(draft.case_uuid, code)
    assert draft.svc.built_upload(draft.case_uuid, code) is None
