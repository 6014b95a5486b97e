"""What a file really is, from its bytes (never its name), and whether a material may take it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from clerk.errors import ClerkError

MEDIA_TYPES = {
    "pdf": "application/pdf",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "tiff": "image/tiff",
    "heic": "image/heic",
}
EXTENSIONS = {
    ".pdf": "pdf", ".jpg": "jpeg", ".jpeg": "jpeg", ".png": "png", ".tif": "tiff", ".tiff": "tiff",
    ".heic": "heic", ".heif": "heic",
}
TYPE_LABELS = {"pdf": "PDF", "jpeg": "JPEG 图片", "png": "PNG 图片", "tiff": "TIFF 图片", "heic": "HEIC 照片"}


class FileProblem(ClerkError, ValueError):
    """A file that cannot be taken as a material, with a message that says why in Chinese."""


def sniff(head: bytes) -> str | None:
    """The file type from its first bytes: pdf, jpeg, png, tiff, heic, or None."""
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return "tiff"
    if head[4:8] == b"ftyp" and head[8:12] in (b"heic", b"heix", b"mif1", b"msf1", b"heim", b"heis"):
        return "heic"
    return None


def _describe(head: bytes) -> str:
    if head.startswith(b"MZ"):
        return "Windows 可执行程序"
    if head.startswith(b"\x7fELF"):
        return "可执行程序"
    if head.startswith(b"PK\x03\x04"):
        return "压缩包或 Office 文档"
    if head.startswith(b"GIF8"):
        return "GIF 图片"
    return "无法识别的格式"


@dataclass(frozen=True)
class FileInfo:
    kind: str
    media_type: str
    size: int
    pages: int


def count_pages(path: Path, kind: str) -> int:
    if kind == "pdf":
        import pypdfium2 as pdfium

        try:
            doc = pdfium.PdfDocument(str(path))
        except pdfium.PdfiumError as exc:
            msg = str(exc).lower()
            if "password" in msg:
                raise FileProblem(f"{path.name}：PDF 有密码保护，请提供未加密的文件") from exc
            raise FileProblem(f"{path.name}：PDF 已损坏，无法读取") from exc
        try:
            n = len(doc)
        finally:
            doc.close()
        if n < 1:
            raise FileProblem(f"{path.name}：PDF 没有任何页面")
        return n
    from PIL import Image, UnidentifiedImageError

    if kind == "heic" and not heic_supported():
        raise FileProblem(f"{path.name}：本机未安装 HEIC 照片支持（pillow-heif），请在手机上导出为 JPEG 后再导入")
    try:
        with Image.open(path) as im:
            im.verify() if kind != "tiff" else None
            return int(getattr(im, "n_frames", 1))
    except (UnidentifiedImageError, OSError, SyntaxError) as exc:
        raise FileProblem(f"{path.name}：图片已损坏，无法读取") from exc


def heic_supported() -> bool:
    """True when pillow-heif is installed (and registered with Pillow)."""
    try:
        import pillow_heif  # type: ignore[import-not-found]
    except ImportError:
        return False
    pillow_heif.register_heif_opener()
    return True


def inspect_file(path: Path, allowed: list[str] | None = None, max_size_mb: int = 50) -> FileInfo:
    """Checks a file for a material: readable, not empty, under the size limit, really of an allowed type."""
    try:
        size = path.stat().st_size
        with path.open("rb") as f:
            head = f.read(32)
    except FileNotFoundError:
        raise FileProblem(f"{path.name}：文件不存在") from None
    except (PermissionError, IsADirectoryError, OSError) as exc:
        raise FileProblem(f"{path.name}：无法读取（{exc.strerror or exc}）") from exc
    if size == 0:
        raise FileProblem(f"{path.name}：是空文件（0 字节）")
    if size > max_size_mb * 1024 * 1024:
        raise FileProblem(f"{path.name}：{size / 1048576:.1f} MB，超过本材料 {max_size_mb} MB 的上限")
    kind = sniff(head)
    if kind is None:
        raise FileProblem(f"{path.name}：不是 PDF 或图片，而是{_describe(head)}，不能作为材料")
    named = EXTENSIONS.get(path.suffix.lower())
    if named is not None and named != kind:
        raise FileProblem(f"{path.name}：文件名是 {TYPE_LABELS[named]}，内容却是 {TYPE_LABELS[kind]}，请核对文件")
    if allowed is not None and kind not in allowed:
        raise FileProblem(
            f"{path.name}：本材料只接受 " + "、".join(TYPE_LABELS.get(a, a) for a in allowed) + f"，不接受 {TYPE_LABELS[kind]}"
        )
    return FileInfo(kind, MEDIA_TYPES[kind], size, count_pages(path, kind))
