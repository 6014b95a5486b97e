"""Examining a file from outside in a child process with memory, CPU-time and file-size limits.

Header checks refuse what a file *claims* (``clerk.materials.limits``), but some decoding cannot be
bounded from a header: a 1 MB PDF whose content stream inflates to gigabytes, a TIFF whose frames
take minutes. So ``decoder.examine`` runs in a fresh ``python -I`` child (≈ 0.1 s to start, 20 MB)
that sets ``RLIMIT_AS`` (``limits.CHILD_MEMORY_BYTES``), ``RLIMIT_CPU``, ``RLIMIT_FSIZE = 0`` (it
writes no file) and ``RLIMIT_CORE = 0`` before reading the file from stdin; the parent waits at most
twice the CPU limit. A child that runs out of memory or time, or dies, refuses the file with one
line; the workstation itself never holds more than the file and the cleaned result.

Protocol (no pickles): stdin = 4-byte length + JSON header ``{"kind", "name"}`` + the file's bytes;
stdout = 4-byte length + JSON header ``{"ok", "kind", "scores", "sizes"}`` or ``{"ok": false,
"message"}``, then the cleaned data and the thumbnails, concatenated (``sizes`` says where they end).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from clerk.materials import limits
from clerk.materials.decoder import Examined, examine
from clerk.materials.imaging import PageImage
from clerk.materials.sniff import FileProblem

_ROOT = str(Path(__file__).resolve().parents[2])
_CHILD = ("import sys; sys.path.insert(0, sys.argv[1]); "
          "from clerk.materials.sandbox import child_main; child_main()")


def _frame(header: dict[str, object], *blobs: bytes) -> bytes:
    h = json.dumps(header, ensure_ascii=True).encode()
    return len(h).to_bytes(4, "big") + h + b"".join(blobs)


def _unframe(raw: bytes) -> tuple[dict[str, object], bytes]:
    if len(raw) < 4:
        raise ValueError("short")
    n = int.from_bytes(raw[:4], "big")
    header = json.loads(raw[4:4 + n])
    if not isinstance(header, dict):
        raise ValueError("header")
    return header, raw[4 + n:]


def examine_isolated(kind: str, data: bytes, name: str, *, memory: int | None = None,
                     cpu_seconds: int | None = None) -> Examined:
    """``decoder.examine`` in a limited child; returns an ``Examined`` or raises ``FileProblem``."""
    memory = memory or limits.CHILD_MEMORY_BYTES
    cpu = cpu_seconds or limits.CHILD_CPU_SECONDS
    cmd = [sys.executable, "-I", "-c", _CHILD, _ROOT, str(memory), str(cpu)]
    try:
        proc = subprocess.run(cmd, input=_frame({"kind": kind, "name": name}, data), capture_output=True,
                              timeout=2 * cpu, env=_child_env(), check=False)
    except subprocess.TimeoutExpired:
        raise FileProblem(f"{name}：读取超过 {2 * cpu} 秒仍未完成（文件过于复杂），不能作为材料") from None
    except OSError as exc:
        raise FileProblem(f"{name}：无法启动文件检查（{exc.strerror or exc}）") from exc
    try:
        header, rest = _unframe(proc.stdout)
    except ValueError:
        header, rest = {}, b""
    if proc.returncode != 0 or not header:
        if proc.returncode < 0 or b"MemoryError" in proc.stderr or b"bad_alloc" in proc.stderr:
            raise FileProblem(f"{name}：文件过大或过于复杂，读取时超出了内存或时间上限，不能作为材料")
        raise FileProblem(f"{name}：无法读取（文件已损坏或格式不受支持）")
    if not header.get("ok"):
        raise FileProblem(str(header.get("message") or f"{name}：无法读取"))
    sizes = [int(x) for x in header["sizes"]]  # type: ignore[attr-defined]
    scores = [float(x) for x in header["scores"]]  # type: ignore[attr-defined]
    blobs, at = [], 0
    for size in sizes:
        blobs.append(rest[at:at + size])
        at += size
    pages = [PageImage(png, score) for png, score in zip(blobs[1:], scores, strict=True)]
    return Examined(str(header["kind"]), blobs[0], pages)


def _child_env() -> dict[str, str]:
    """A small environment: no PYTHON* variables reach the child (it runs with ``-I`` anyway)."""
    keep = ("PATH", "LANG", "LC_ALL", "TMPDIR", "SYSTEMROOT")
    return {k: v for k, v in os.environ.items() if k in keep}


def child_main() -> None:
    """The child: limits first, then read, examine, answer. Never writes a file."""
    import resource

    memory, cpu = int(sys.argv[2]), int(sys.argv[3])
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    raw = sys.stdin.buffer.read()
    out = sys.stdout.buffer
    name = "文件"
    try:
        request, data = _unframe(raw)
        name = str(request["name"])
        result = examine(str(request["kind"]), data, name)
    except FileProblem as exc:
        answer = _frame({"ok": False, "message": str(exc)})
    except MemoryError:
        answer = _frame({"ok": False, "message": f"{name}：文件过大或过于复杂，读取时超出了内存上限，不能作为材料"})
    else:
        blobs = [result.data, *(p.thumbnail_png for p in result.pages)]
        answer = _frame({"ok": True, "kind": result.kind, "scores": [p.blank_score for p in result.pages],
                         "sizes": [len(b) for b in blobs]}, *blobs)
    out.write(answer)
    out.flush()
