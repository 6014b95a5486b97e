"""What a file really is, from its bytes (never its name), and whether a material may take it."""

from __future__ import annotations

import os
import stat
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


def heic_supported() -> bool:
    """True when pillow-heif is installed (and registered with Pillow)."""
    try:
        import pillow_heif  # type: ignore[import-not-found]
    except ImportError:
        return False
    pillow_heif.register_heif_opener()
    return True


def _kind_of_node(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "文件夹"
    if stat.S_ISFIFO(mode):
        return "管道（FIFO）"
    if stat.S_ISSOCK(mode):
        return "套接字"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "设备"
    return "特殊文件"


def read_regular(path: Path, max_bytes: int, *, name: str | None = None, too_big: str | None = None) -> bytes:
    """The bytes of ``path`` if it is a regular file of at most ``max_bytes``; ``FileProblem`` otherwise.

    Never blocks on a FIFO or a device: the type is checked before opening, the file is opened with
    ``O_NONBLOCK`` and checked again on the open descriptor (it may have been swapped in between),
    and no more than ``max_bytes + 1`` bytes are read. ``too_big`` formats ``{size}`` (in MB).
    """
    name = name or path.name
    too_big = too_big or "{size} MB，超过 " + f"{max_bytes / 1048576:.0f} MB 的上限"
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise FileProblem(f"{name}：文件不存在") from None
    except OSError as exc:
        raise FileProblem(f"{name}：无法读取（{exc.strerror or exc}）") from exc
    if not stat.S_ISREG(st.st_mode):
        raise FileProblem(f"{name}：不是普通文件，而是{_kind_of_node(st.st_mode)}，不能读取")
    if st.st_size > max_bytes:
        raise FileProblem(f"{name}：" + too_big.format(size=f"{st.st_size / 1048576:.1f}"))
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise FileProblem(f"{name}：无法读取（{exc.strerror or exc}）") from exc
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise FileProblem(f"{name}：不是普通文件，而是{_kind_of_node(st.st_mode)}，不能读取")
        parts: list[bytes] = []
        got = 0
        while got <= max_bytes:
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - got))
            if not chunk:
                break
            parts.append(chunk)
            got += len(chunk)
    except OSError as exc:
        raise FileProblem(f"{name}：无法读取（{exc.strerror or exc}）") from exc
    finally:
        os.close(fd)
    if got > max_bytes:
        raise FileProblem(f"{name}：" + too_big.format(size=f"{got / 1048576:.1f}"))
    return b"".join(parts)


def check_kind(name: str, data: bytes, allowed: list[str] | None = None, max_size_mb: int = 50, *,
               suffix: str = "") -> str:
    """The file's type from its bytes, if a material may take it: not empty, under the size limit,
    really a PDF/image, of an allowed type, and what its name (``suffix``) says."""
    if not data:
        raise FileProblem(f"{name}：是空文件（0 字节）")
    if len(data) > max_size_mb * 1024 * 1024:
        raise FileProblem(f"{name}：{len(data) / 1048576:.1f} MB，超过本材料 {max_size_mb} MB 的上限")
    head = data[:32]
    kind = sniff(head)
    if kind is None:
        raise FileProblem(f"{name}：不是 PDF 或图片，而是{_describe(head)}，不能作为材料")
    named = EXTENSIONS.get(suffix.lower())
    if named is not None and named != kind:
        raise FileProblem(f"{name}：文件名是 {TYPE_LABELS[named]}，内容却是 {TYPE_LABELS[kind]}，请核对文件")
    if allowed is not None and kind not in allowed:
        raise FileProblem(
            f"{name}：本材料只接受 " + "、".join(TYPE_LABELS.get(a, a) for a in allowed) + f"，不接受 {TYPE_LABELS[kind]}"
        )
    return kind
