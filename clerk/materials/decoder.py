"""Reading one page file with bounds, and what is kept of it: ``examine(kind, data, name)``.

- Sizes are checked from the headers before any pixel is decoded (``clerk.materials.limits``).
- What is stored is cleaned: a JPEG is rebuilt segment by segment without re-encoding (image data,
  tables, JFIF/ICC/Adobe markers and a minimal EXIF with only the orientation; comments, XMP, GPS and
  anything after the end-of-image marker are dropped); a PNG keeps only its image chunks (text
  chunks and anything after IEND dropped); TIFF frames are decoded and written again losslessly;
  HEIC becomes JPEG. A PDF is stored as it came once every page has been sized and rendered — the
  upload PDF is always rebuilt page by page (``clerk.materials.upload``), so its trailing data never
  leaves the workstation.
- Every page is decoded once for its thumbnail and blank score; an unreadable page refuses the file.

Files from outside (import, the CLI's JSON, supplements) are examined in a child process with
memory and CPU limits (``clerk.materials.sandbox`` runs ``python -c … child_main()``); pages from the
workstation's own scanner are examined in-process with the same header checks.
"""

from __future__ import annotations

import io
import re
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from PIL import Image, ImageOps

from clerk.materials import limits
from clerk.materials.imaging import THUMB_BOX, PageImage, blank_score, thumbnail_of
from clerk.materials.sniff import MEDIA_TYPES, FileProblem, heic_supported

T = TypeVar("T")


@dataclass(frozen=True)
class Examined:
    kind: str
    """pdf, jpeg, png or tiff (HEIC comes out as jpeg)."""
    data: bytes
    """What to store: the cleaned bytes (a PDF as it came)."""
    pages: list[PageImage]

    @property
    def media_type(self) -> str:
        return MEDIA_TYPES[self.kind]


def examine(kind: str, data: bytes, name: str) -> Examined:
    """Checks, cleans and analyses one file of ``kind`` (from ``sniff``); ``FileProblem`` when refused."""
    if kind in ("jpeg", "png"):
        return examine_clean(kind, clean(kind, data, name), name)
    return _refusing(name, lambda: _EXAMINERS[kind](data, name) if kind in _EXAMINERS else _unknown(name))


def clean(kind: str, data: bytes, name: str) -> bytes:
    """The cleaned bytes of a JPEG or PNG (cheap: no pixel is decoded); other kinds unchanged."""
    if kind == "jpeg":
        return _refusing(name, lambda: clean_jpeg(data, name))
    if kind == "png":
        return _refusing(name, lambda: clean_png(data, name))
    return data


def examine_clean(kind: str, cleaned: bytes, name: str) -> Examined:
    """``examine`` of a JPEG or PNG that ``clean`` already returned (so the caller can store the
    cleaned bytes while their pixels are decoded)."""
    if kind == "jpeg":
        return _refusing(name, lambda: _examine_jpeg(cleaned, name))
    return _refusing(name, lambda: _examine_png(cleaned, name))


def _unknown(name: str) -> Examined:
    raise FileProblem(f"{name}：不是 PDF 或图片，不能作为材料")


def _refusing(name: str, work: Callable[[], T]) -> T:
    try:
        return work()
    except FileProblem:
        raise
    except MemoryError:
        raise FileProblem(f"{name}：文件过大或过于复杂，读取时超出了内存上限，不能作为材料") from None
    except Image.DecompressionBombError:
        raise FileProblem(f"{name}：图片像素过多（超过 {limits.MAX_PIXELS // 1_000_000} 百万像素的上限）") from None
    except Exception as exc:  # noqa: BLE001 - any decoder failure means the file cannot be used
        raise FileProblem(f"{name}：图片或文件已损坏，无法读取") from exc


# -- JPEG ---------------------------------------------------------------------------------------------
_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}
_KEEP = _SOF | {0xC4, 0xCC, 0xDB, 0xDD, 0xDC}  # DHT, DAC, DQT, DRI, DNL
_MARKER = re.compile(rb"\xff[^\x00\xd0-\xd7]")
"""A marker inside entropy-coded data: 0xFF not followed by a stuffed zero or a restart number."""


def clean_jpeg(data: bytes, name: str) -> bytes:
    """The JPEG rebuilt from its image segments only, up to its end-of-image marker (no re-encoding)."""
    if not data.startswith(b"\xff\xd8"):
        raise FileProblem(f"{name}：JPEG 图片已损坏（文件头不对）")
    n = len(data)
    head: list[bytes] = []
    body: list[bytes] = []
    orientation = 1
    i = 2
    segments = 0
    sof = False
    while True:
        segments += 1
        if segments > limits.MAX_SEGMENTS:
            raise FileProblem(f"{name}：JPEG 图片的结构异常（段过多），不能作为材料")
        if i >= n or data[i] != 0xFF:
            raise FileProblem(f"{name}：JPEG 图片不完整或已损坏（文件被截断）")
        while i < n and data[i] == 0xFF:
            i += 1
        if i >= n:
            raise FileProblem(f"{name}：JPEG 图片不完整（文件被截断）")
        marker = data[i]
        i += 1
        if marker == 0xD9:  # EOI: everything after it is dropped
            break
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:
            continue  # a stray restart marker / TEM carries no data
        if i + 2 > n:
            raise FileProblem(f"{name}：JPEG 图片不完整（文件被截断）")
        length = int.from_bytes(data[i:i + 2], "big")
        if length < 2 or i + length > n:
            raise FileProblem(f"{name}：JPEG 图片不完整或已损坏（文件被截断）")
        segment = data[i - 2:i + length]
        payload = data[i + 2:i + length]
        i += length
        if marker == 0xE0 and payload.startswith(b"JFIF\x00") and not head:
            head.append(segment)
        elif marker == 0xE1 and payload.startswith(b"Exif\x00\x00"):
            orientation = _exif_orientation(payload) or orientation
        elif (marker == 0xE2 and payload.startswith(b"ICC_PROFILE\x00")) or (marker == 0xEE and payload.startswith(b"Adobe")):
            body.append(segment)
        elif marker in _KEEP:
            if marker in _SOF:
                if len(payload) < 5:
                    raise FileProblem(f"{name}：JPEG 图片已损坏（帧头不完整）")
                height, width = struct.unpack(">HH", payload[1:5])
                problem = limits.image_problem(name, width, height)
                if problem:
                    raise FileProblem(problem)
                sof = True
            body.append(segment)
        elif marker == 0xDA:
            if not sof:
                raise FileProblem(f"{name}：JPEG 图片已损坏（缺少帧头）")
            body.append(segment)
            found = _MARKER.search(data, i)  # entropy-coded data runs to the next real marker
            if found is None:
                raise FileProblem(f"{name}：JPEG 图片不完整（文件被截断）")
            body.append(data[i:found.start()])
            i = found.start()
        # any other marker (COM, XMP, other APPn, JPG extensions) is dropped
    if not sof:
        raise FileProblem(f"{name}：JPEG 图片已损坏（缺少帧头）")
    if orientation != 1:
        exif = Image.Exif()
        exif[0x0112] = orientation
        raw = exif.tobytes()
        head.append(b"\xff\xe1" + (len(raw) + 2).to_bytes(2, "big") + raw)
    return b"".join([b"\xff\xd8", *head, *body, b"\xff\xd9"])


def _exif_orientation(payload: bytes) -> int | None:
    """The Orientation tag (1..8) of an EXIF APP1 payload, read without Pillow."""
    tiff = payload[6:]
    if len(tiff) < 8 or tiff[:2] not in (b"II", b"MM"):
        return None
    endian = "<" if tiff[:2] == b"II" else ">"
    (ifd,) = struct.unpack(endian + "I", tiff[4:8])
    if ifd + 2 > len(tiff):
        return None
    (count,) = struct.unpack(endian + "H", tiff[ifd:ifd + 2])
    for k in range(min(count, 512)):
        at = ifd + 2 + 12 * k
        if at + 12 > len(tiff):
            return None
        tag, typ, _, value = struct.unpack(endian + "HHI4s", tiff[at:at + 12])
        if tag == 0x0112 and typ == 3:
            (o,) = struct.unpack(endian + "H", value[:2])
            return o if 1 <= o <= 8 else None
    return None


def _examine_jpeg(data: bytes, name: str) -> Examined:
    with Image.open(io.BytesIO(data)) as src:
        problem = limits.image_problem(name, *src.size)
        if problem:
            raise FileProblem(problem)
        src.draft("RGB" if src.mode not in ("L", "1") else "L", (THUMB_BOX[0] * 2, THUMB_BOX[1] * 2))
        im = ImageOps.exif_transpose(src)
        im.load()
        return Examined("jpeg", data, [_page_image(im)])


# -- PNG ----------------------------------------------------------------------------------------------
_PNG_KEEP = {b"IHDR", b"PLTE", b"tRNS", b"gAMA", b"cHRM", b"sRGB", b"iCCP", b"sBIT", b"pHYs", b"bKGD", b"IDAT", b"IEND"}
_PNG_SIG = b"\x89PNG\r\n\x1a\n"


def clean_png(data: bytes, name: str) -> bytes:
    """The PNG with its image chunks only (CRCs checked), up to IEND; the size checked from IHDR."""
    if not data.startswith(_PNG_SIG):
        raise FileProblem(f"{name}：PNG 图片已损坏（文件头不对）")
    out = [_PNG_SIG]
    i = len(_PNG_SIG)
    n = len(data)
    chunks = 0
    while True:
        chunks += 1
        if chunks > limits.MAX_SEGMENTS:
            raise FileProblem(f"{name}：PNG 图片的结构异常（数据块过多），不能作为材料")
        if i + 12 > n:
            raise FileProblem(f"{name}：PNG 图片不完整（文件被截断）")
        length = int.from_bytes(data[i:i + 4], "big")
        ctype = data[i + 4:i + 8]
        end = i + 12 + length
        if length > 0x7FFFFFFF or end > n:
            raise FileProblem(f"{name}：PNG 图片不完整（文件被截断）")
        if zlib.crc32(data[i + 4:i + 8 + length]) != int.from_bytes(data[end - 4:end], "big"):
            raise FileProblem(f"{name}：PNG 图片已损坏（校验和不符）")
        if chunks == 1:
            if ctype != b"IHDR" or length != 13:
                raise FileProblem(f"{name}：PNG 图片已损坏（缺少 IHDR）")
            width, height = struct.unpack(">II", data[i + 8:i + 16])
            problem = limits.image_problem(name, width, height)
            if problem:
                raise FileProblem(problem)
        if ctype in _PNG_KEEP:
            out.append(data[i:end])
        i = end
        if ctype == b"IEND":
            return b"".join(out)


def _examine_png(data: bytes, name: str) -> Examined:
    with Image.open(io.BytesIO(data)) as im:
        problem = limits.image_problem(name, *im.size)
        if problem:
            raise FileProblem(problem)
        im.load()
        return Examined("png", data, [_page_image(im)])


# -- TIFF ---------------------------------------------------------------------------------------------
def _examine_tiff(data: bytes, name: str) -> Examined:
    """Every frame's size checked first (walking the IFDs decodes nothing), then one frame at a time
    decoded, analysed and written again losslessly (group 4 for bilevel, deflate otherwise)."""
    from PIL import TiffImagePlugin

    with Image.open(io.BytesIO(data)) as src:
        dpi = src.info.get("dpi")
        count = 0
        while True:
            problem = limits.image_problem(name, *src.size, frame=count)
            if problem:
                raise FileProblem(problem)
            count += 1
            if count > limits.MAX_FRAMES:
                raise FileProblem(f"{name}：TIFF 超过 {limits.MAX_FRAMES} 页（帧），请分成几个文件导入")
            try:
                src.seek(count)
            except EOFError:
                break
        buf = io.BytesIO()
        pages = []
        with TiffImagePlugin.AppendingTiffWriter(buf) as out:
            for index in range(count):
                src.seek(index)
                src.load()
                frame = src.copy() if src.mode in ("1", "L", "RGB") else src.convert("RGB")
                options: dict[str, object] = {"compression": "group4" if frame.mode == "1" else "tiff_deflate"}
                if dpi:
                    options["dpi"] = tuple(float(x) for x in dpi)
                frame.save(out, "TIFF", **options)
                out.newFrame()
                pages.append(_page_image(frame))
    return Examined("tiff", buf.getvalue(), pages)


# -- HEIC ---------------------------------------------------------------------------------------------
def _examine_heic(data: bytes, name: str) -> Examined:
    if not heic_supported():
        raise FileProblem(f"{name}：本机未安装 HEIC 照片支持（pillow-heif），请在手机上导出为 JPEG 后再导入")
    with Image.open(io.BytesIO(data)) as src:
        problem = limits.image_problem(name, *src.size)
        if problem:
            raise FileProblem(problem)
        im = ImageOps.exif_transpose(src).convert("RGB")
    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=92)
    return _examine_jpeg(buf.getvalue(), name)


# -- PDF ----------------------------------------------------------------------------------------------
_OBJ = re.compile(rb"\d+\s+\d+\s+obj\b")
_OBJSTM_N = re.compile(rb"/ObjStm.{0,400}?/N\s+(\d+)|/N\s+(\d+).{0,400}?/ObjStm", re.S)


def pdf_object_count(data: bytes) -> int:
    """Objects the file declares: ``n g obj`` headers plus the ``/N`` of its object streams."""
    count = len(_OBJ.findall(data))
    for a, b in _OBJSTM_N.findall(data):
        count += int(a or b or 0)
    return count


def _examine_pdf(data: bytes, name: str) -> Examined:
    import pypdfium2 as pdfium

    if pdf_object_count(data) > limits.MAX_PDF_OBJECTS:
        raise FileProblem(f"{name}：PDF 含有的对象超过 {limits.MAX_PDF_OBJECTS} 个，过于复杂，不能作为材料")
    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise FileProblem(f"{name}：PDF 有密码保护，请提供未加密的文件") from exc
        raise FileProblem(f"{name}：PDF 已损坏，无法读取") from exc
    try:
        count = len(doc)
        if count < 1:
            raise FileProblem(f"{name}：PDF 没有任何页面")
        if count > limits.MAX_PDF_PAGES:
            raise FileProblem(f"{name}：PDF 有 {count} 页，超过 {limits.MAX_PDF_PAGES} 页的上限，请分成几个文件导入")
        sizes = []
        for i in range(count):
            page = doc[i]
            try:
                w, h = page.get_size()
            finally:
                page.close()
            problem = limits.pdf_page_problem(name, i, w, h)
            if problem:
                raise FileProblem(problem)
            sizes.append((w, h))
        pages = []
        for i, (w, h) in enumerate(sizes):
            page = doc[i]
            try:
                scale = min(THUMB_BOX[0] * 2 / w, THUMB_BOX[1] * 2 / h)
                scale = limits.render_scale(w, h, scale, limits.THUMB_RENDER_PIXELS)
                im = page.render(scale=scale).to_pil()
            finally:
                page.close()
            pages.append(_page_image(im))
        return Examined("pdf", data, pages)
    finally:
        doc.close()


def _page_image(im: Image.Image) -> PageImage:
    """Blank score, then the thumbnail made by shrinking ``im`` itself (no full-size copy)."""
    score = blank_score(im)
    return PageImage(thumbnail_of(im, in_place=True), score)


_EXAMINERS: dict[str, Callable[[bytes, str], Examined]] = {"tiff": _examine_tiff, "heic": _examine_heic, "pdf": _examine_pdf}
