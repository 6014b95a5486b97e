"""Image and PDF bombs, polyglots, FIFOs: refused from the header or in the limited child, with bounded
memory, one clean line (a ClerkError), and nothing stored; images stored and uploaded cleaned."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from clerk.errors import ClerkError
from clerk.materials import limits
from clerk.materials.sniff import FileProblem

from . import bombs
from .conftest import Draft, jpeg_bytes, png_bytes, text_page

ROOT = Path(__file__).resolve().parents[2]

# name, bytes, a fragment of the refusal
BOMBS: list[tuple[str, bytes, str]] = [
    ("huge.png", bombs.png_claiming(100_000, 100_000), "百万像素"),
    ("huge.jpg", bombs.jpeg_claiming(65_000, 65_000), "百万像素"),
    ("strip.png", bombs.png_claiming(60_000, 10), "长宽比例"),
    ("frames.tif", bombs.tiff_frames(3000), f"超过 {limits.MAX_FRAMES} 页"),
    ("long-page.pdf", bombs.pdf_page(1, 14_400), "1×14400 pt"),
    ("objects.pdf", bombs.pdf_objects(limits.MAX_PDF_OBJECTS + 10), "对象"),
    ("flate-bomb.pdf", bombs.pdf_flate_bomb(1536), "内存或时间上限"),
]


def test_bombs_are_refused_with_bounded_memory_and_nothing_stored(tmp_path: Path) -> None:
    """Each bomb through ``MaterialsService.import_file`` (the UI's import path) in a fresh process:
    every one refused with a one-line FileProblem; the process stays small (the 1 MB flate bomb took
    2.7 GB and the 1×14400 pt page 4.4 GB here before); the limited child never exceeds its limit."""
    files = tmp_path / "in"
    files.mkdir()
    for name, data, _ in BOMBS:
        (files / name).write_bytes(data)
    os.mkfifo(files / "fifo.png")  # a FIFO named .png: must not block
    script = textwrap.dedent("""
        import json, resource, sys
        from pathlib import Path
        from clerk.context import AppContext
        from clerk.errors import ClerkError
        from clerk.security.actor import Actor, Role
        from clerk.store.models import MaterialRow

        ctx = AppContext.open(Path(sys.argv[1]))
        actor = Actor("clerk01", "王小窗", (Role.CLERK,), window="W03", org_code="230102")
        view = ctx.intake.start_draft(actor, "newborn")
        code = view.materials[2].code
        with ctx.store.write() as s:
            for m in s.query(MaterialRow).filter_by(case_uuid=view.case_uuid, code=code):
                m.info = {**m.info, "max_size_mb": 50, "file_types": ["pdf", "jpeg", "png", "tiff"]}
        out = {}
        for path in sorted(Path(sys.argv[2]).iterdir()):
            try:
                ctx.materials.import_file(view.case_uuid, code, path)
                out[path.name] = ["taken", ""]
            except ClerkError as exc:
                out[path.name] = [type(exc).__name__, str(exc)]
            except BaseException as exc:
                out[path.name] = ["ESCAPED " + type(exc).__name__, str(exc)[:200]]
        pages = sum(1 for _ in ctx.pages.all_hashes())
        thumbs = sum(1 for _ in ctx.materials.thumbs.root.rglob("*.png"))
        ctx.close()
        # VmHWM: the peak RSS of this process image (ru_maxrss would start from the parent's, which
        # Linux carries over a fork + exec); children: the largest limited child (it starts from ours)
        hwm = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:"))
        print(json.dumps({"results": out, "pages": pages, "thumbs": thumbs, "self_mb": hwm // 1024,
                          "children_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024}))
    """)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    r = subprocess.run([sys.executable, "-c", script, str(tmp_path / "data"), str(files)], capture_output=True,
                       text=True, timeout=600, env=env)
    assert r.returncode == 0, r.stderr[-3000:]
    report = json.loads(r.stdout.strip().splitlines()[-1])
    results = report["results"]
    for name, _, fragment in BOMBS:
        kind, message = results[name]
        assert kind == "FileProblem", (name, kind, message)
        assert fragment in message and name in message and "\n" not in message, (name, message)
    kind, message = results["fifo.png"]
    assert kind == "FileProblem" and "管道" in message
    assert report["pages"] == 0 and report["thumbs"] == 0
    assert report["self_mb"] < 400, report
    assert report["children_mb"] * 1024 * 1024 <= limits.CHILD_MEMORY_BYTES * 1.05, report


def test_a_jpeg_with_a_zip_appended_is_stored_and_uploaded_without_it(draft: Draft, tmp_path: Path) -> None:
    code = draft.codes[2]
    clean = jpeg_bytes(text_page(["出生医学证明"], dpi=60), dpi=60)
    zipped = io.BytesIO()
    with zipfile.ZipFile(zipped, "w") as z:
        z.writestr("payload.txt", "hidden " * 200)
    polyglot = tmp_path / "scan.jpg"
    polyglot.write_bytes(clean + zipped.getvalue())
    page = draft.svc.import_file(draft.case_uuid, code, polyglot)[0]
    stored = draft.ctx.pages.read(page.sha256)
    assert stored == clean  # the image segments unchanged, the appended archive gone
    ref = draft.svc.build_upload(draft.case_uuid, code)
    pdf = draft.ctx.pages.read(ref.sha256)
    assert b"PK\x03\x04" not in pdf and b"hidden" not in pdf
    assert clean in pdf  # not re-encoded: the JPEG's own bytes are in the upload


def test_jpeg_comments_and_gps_are_dropped_but_the_orientation_kept(draft: Draft, tmp_path: Path) -> None:
    im = text_page(["证明"], dpi=40)
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise to display
    exif[0x8825] = {1: "N", 2: (45.0, 45.0, 0.0)}  # a GPS position
    buf = io.BytesIO()
    im.save(buf, "JPEG", exif=exif, comment=b"secret comment")
    path = tmp_path / "photo.jpg"
    path.write_bytes(buf.getvalue())
    page = draft.svc.import_file(draft.case_uuid, draft.codes[2], path)[0]
    stored = draft.ctx.pages.read(page.sha256)
    assert b"secret comment" not in stored
    kept = Image.open(io.BytesIO(stored))
    assert kept.getexif().get(0x0112) == 6 and 0x8825 not in kept.getexif()
    assert kept.size == im.size
    kept.load()


def test_a_png_keeps_only_its_image_chunks(draft: Draft, tmp_path: Path) -> None:
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "hidden text " * 50, zip=True)
    buf = io.BytesIO()
    text_page(["户口簿"], dpi=40).save(buf, "PNG", pnginfo=info, dpi=(40, 40))
    path = tmp_path / "a.png"
    path.write_bytes(buf.getvalue() + b"TRAILING-DATA")
    page = draft.svc.import_file(draft.case_uuid, draft.codes[2], path)[0]
    stored = draft.ctx.pages.read(page.sha256)
    assert b"zTXt" not in stored and not stored.endswith(b"TRAILING-DATA") and stored.endswith(b"IEND\xaeB`\x82")
    assert Image.open(io.BytesIO(stored)).info.get("dpi") is not None


@pytest.mark.parametrize("cut", [0.5, 0.9])
def test_a_truncated_jpeg_is_refused(draft: Draft, tmp_path: Path, cut: float) -> None:
    data = jpeg_bytes(text_page(["证明"], dpi=50))
    path = tmp_path / "cut.jpg"
    path.write_bytes(data[: int(len(data) * cut)])
    with pytest.raises(FileProblem, match="截断") as err:
        draft.svc.import_file(draft.case_uuid, draft.codes[2], path)
    assert "cut.jpg" in str(err.value)
    assert not list(draft.ctx.pages.all_hashes())


def test_a_damaged_png_crc_and_a_directory_are_refused(draft: Draft, tmp_path: Path) -> None:
    data = bytearray(png_bytes(text_page(["x"], dpi=20)))
    data[40] ^= 0xFF  # inside IDAT
    bad = tmp_path / "bad.png"
    bad.write_bytes(bytes(data))
    with pytest.raises(FileProblem, match="校验和"):
        draft.svc.import_file(draft.case_uuid, draft.codes[2], bad)
    folder = tmp_path / "folder.png"
    folder.mkdir()
    with pytest.raises(FileProblem, match="文件夹"):
        draft.svc.import_file(draft.case_uuid, draft.codes[2], folder)


def test_tiff_frames_up_to_the_limit_are_taken_one_more_is_refused(draft: Draft, tmp_path: Path) -> None:
    ok = tmp_path / "ok.tif"
    ok.write_bytes(bombs.tiff_frames(limits.MAX_FRAMES))
    pages = draft.svc.import_file(draft.case_uuid, draft.codes[2], ok)
    assert len(pages) == limits.MAX_FRAMES
    over = tmp_path / "over.tif"
    over.write_bytes(bombs.tiff_frames(limits.MAX_FRAMES + 1))
    with pytest.raises(FileProblem, match=f"超过 {limits.MAX_FRAMES} 页"):
        draft.svc.import_file(draft.case_uuid, draft.codes[3], over)


def test_a_scanned_page_claiming_a_huge_size_is_refused_in_process(draft: Draft) -> None:
    """The scanner path (``add_page``, in-process) applies the same header limits."""
    with pytest.raises(FileProblem, match="百万像素") as err:
        draft.svc.add_page(draft.case_uuid, draft.codes[2], bombs.png_claiming(100_000, 100_000))
    assert isinstance(err.value, ClerkError)
    assert not list(draft.ctx.pages.all_hashes())
