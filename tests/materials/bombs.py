"""Small files that claim or unfold into huge ones, generated in well under a second each.

- ``png_claiming`` / ``jpeg_claiming``: a valid header announcing a size the body does not have.
- ``tiff_frames(n)``: n IFDs sharing one 8×8 strip (a 3,000-frame TIFF in 300 KB).
- ``pdf_flate_bomb(mib)``: one page whose content stream inflates to ``mib`` MiB of spaces; the
  deflate stream is one block compressed once and repeated after full flushes (byte-aligned, no
  history), with the Adler-32 of the whole combined arithmetically.
- ``pdf_page(w, h)``: one empty page of that size in points.
"""

from __future__ import annotations

import io
import struct
import zlib

from PIL import Image


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_claiming(width: int, height: int) -> bytes:
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + _chunk(b"IDAT", zlib.compress(b"\0" * 1000))
            + _chunk(b"IEND", b""))


def jpeg_claiming(width: int, height: int) -> bytes:
    buf = io.BytesIO()
    Image.new("L", (8, 8), 255).save(buf, "JPEG")
    data = bytearray(buf.getvalue())
    at = data.find(b"\xff\xc0")
    data[at + 5:at + 9] = struct.pack(">HH", height, width)
    return bytes(data)


def tiff_frames(n: int) -> bytes:
    """A little-endian TIFF of ``n`` 8×8 bilevel frames, all pointing at the same strip."""
    strip = b"\xff" * 8
    entries = 8
    ifd_size = 2 + entries * 12 + 4
    first = 8 + len(strip)
    out = bytearray(b"II*\x00" + struct.pack("<I", first) + strip)
    for i in range(n):
        nxt = first + (i + 1) * ifd_size if i + 1 < n else 0
        tags = [(256, 3, 1, 8), (257, 3, 1, 8), (258, 3, 1, 1), (259, 3, 1, 1), (262, 3, 1, 1),
                (273, 4, 1, 8), (278, 3, 1, 8), (279, 4, 1, len(strip))]
        out += struct.pack("<H", entries)
        for tag, typ, count, value in tags:
            out += struct.pack("<HHII", tag, typ, count, value) if typ == 4 else struct.pack("<HHIHH", tag, typ, count, value, 0)
        out += struct.pack("<I", nxt)
    return bytes(out)


def _adler32_combine(a1: int, a2: int, len2: int) -> int:
    """zlib's adler32_combine: the Adler-32 of A+B from those of A and B and B's length."""
    base = 65521
    rem = len2 % base
    s1 = a1 & 0xFFFF
    s2 = (rem * s1) % base
    s1 += (a2 & 0xFFFF) + base - 1
    s2 += ((a1 >> 16) & 0xFFFF) + ((a2 >> 16) & 0xFFFF) + base - rem
    s1 = s1 - base if s1 >= base else s1
    s1 = s1 - base if s1 >= base else s1
    s2 = s2 - (base << 1) if s2 >= (base << 1) else s2
    s2 = s2 - base if s2 >= base else s2
    return s1 | (s2 << 16)


def flate_bomb(mib: int) -> bytes:
    """A zlib stream of ``mib`` MiB of spaces, about a thousandth of that in size."""
    block = b" " * (1 << 20)
    c = zlib.compressobj(9)
    first = c.compress(block) + c.flush(zlib.Z_FULL_FLUSH)
    steady = c.compress(block) + c.flush(zlib.Z_FULL_FLUSH)
    again = c.compress(block) + c.flush(zlib.Z_FULL_FLUSH)
    assert steady == again  # after a full flush the same input gives the same bytes
    one = zlib.adler32(block)
    adler = 1
    for _ in range(mib):
        adler = _adler32_combine(adler, one, len(block))
    return first + steady * (mib - 1) + b"\x03\x00" + adler.to_bytes(4, "big")


def _pdf(objects: list[bytes]) -> bytes:
    buf = bytearray(b"%PDF-1.7\n")
    offsets = []
    for k, body in enumerate(objects, 1):
        offsets.append(len(buf))
        buf += f"{k} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(buf)
    buf += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        buf += f"{off:010d} 00000 n \n".encode()
    buf += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(buf)


def pdf_flate_bomb(mib: int = 1536) -> bytes:
    z = flate_bomb(mib)
    return _pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                 b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
                 b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(z) + z + b"\nendstream"])


def pdf_page(width: float, height: float) -> bytes:
    return _pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                 f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {width} {height}] >>".encode()])


def pdf_objects(n: int) -> bytes:
    """A one-page PDF that also declares ``n`` trivial objects."""
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"]
    objs += [b"null"] * n
    return _pdf(objs)
