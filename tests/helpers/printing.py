"""Reading printouts back (pdftotext, pdffonts, pdftoppm + zxing-cpp) and a real CUPS queue printing to cups-pdf."""

from __future__ import annotations

import os
import pwd
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image


def pdf_text(pdf: bytes, *, mode: str = "-layout") -> str:
    """pdftotext output; pages separated by form feeds. ``mode``: ``-layout`` or ``-raw`` (stream order)."""
    proc = subprocess.run(["pdftotext", mode, "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True)
    return proc.stdout.decode("utf-8")


def squeezed(text: str) -> str:
    """Text without any whitespace, so wrapped lines join up again."""
    return "".join(text.split())


def pages_text(pdf: bytes) -> list[str]:
    pages = pdf_text(pdf).split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def pdf_fonts(pdf: bytes) -> list[dict[str, str]]:
    """Rows of ``pdffonts``: name, type, emb (yes/no)."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(pdf)
        f.flush()
        out = subprocess.run(["pdffonts", f.name], capture_output=True, check=True, text=True).stdout
    rows = []
    for line in out.splitlines()[2:]:
        parts = line.split()
        if len(parts) < 7:
            continue
        # name type [encoding words…] emb sub uni objectID gen
        rows.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4], "uni": parts[-3]})
    return rows


def rasterize(pdf: bytes, dpi: int = 150) -> list[Image.Image]:
    """Each page as an image, by pdftoppm at ``dpi``."""
    with tempfile.TemporaryDirectory() as d:
        src = Path(d) / "in.pdf"
        src.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(src), str(Path(d) / "page")], check=True)
        images = []
        for png in sorted(Path(d).glob("page-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1])):
            with Image.open(png) as im:
                images.append(im.convert("L"))
        return images


def decode(pdf: bytes, dpi: int = 150) -> list[list[tuple[str, str]]]:
    """Per page, the barcodes zxing-cpp reads: ``(format name, text)``."""
    pages = []
    for im in rasterize(pdf, dpi):
        pages.append([(r.format.name, r.text) for r in zxingcpp.read_barcodes(im)])
    return pages


def all_codes(pdf: bytes, dpi: int = 150) -> set[tuple[str, str]]:
    return {code for page in decode(pdf, dpi) for code in page}


def page_count(pdf: bytes) -> int:
    import pypdfium2 as pdfium

    return len(pdfium.PdfDocument(pdf))


def page_size_mm(pdf: bytes, index: int = 0) -> tuple[float, float]:
    import pypdfium2 as pdfium

    w, h = pdfium.PdfDocument(pdf)[index].get_size()
    return w * 25.4 / 72, h * 25.4 / 72


# -- a real CUPS queue on the cups-pdf backend ------------------------------------------------------
RUN = str(os.getpid())
"""This test process: CUPS and cups-pdf's output folder are the machine's, shared with any other test
run going on at the same time (another checkout's suite, another xdist worker), so queue names and
job titles carry it — nobody else stops, deletes or reads our queue and our files."""
QUEUE = f"ClerkPDF-{RUN}"
CUPS_PDF_CONF = Path("/etc/cups/cups-pdf.conf")
PPD_FALLBACK = Path("/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd")


def wait_until(predicate: Callable[[], object], timeout: float, what: str, interval: float = 0.1) -> object:
    """Polls ``predicate`` until it returns something truthy; fails the test after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout}s waiting for {what}")
        time.sleep(interval)


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(args), capture_output=True, text=True, env=dict(os.environ, LC_ALL="C"))


def _scheduler_running() -> bool:
    return "scheduler is running" in _run("lpstat", "-r").stdout


def cups_pdf_model() -> list[str]:
    """``-m MODEL`` from ``lpinfo -m`` (e.g. lsb/usr/cups-pdf/CUPS-PDF_opt.ppd), else ``-P`` the PPD file."""
    models = [line.split()[0] for line in _run("lpinfo", "-m").stdout.splitlines() if "cups-pdf" in line.lower()]
    preferred = [m for m in models if m.endswith("CUPS-PDF_opt.ppd")] or models
    if preferred:
        return ["-m", preferred[0]]
    if PPD_FALLBACK.exists():
        return ["-P", str(PPD_FALLBACK)]
    pytest.skip("no cups-pdf PPD found (lpinfo -m | grep -i cups-pdf is empty)")


def cups_pdf_output_dirs() -> list[Path]:
    """Where cups-pdf writes a job of this user: the ``Out`` of cups-pdf.conf, and the anonymous dir."""
    out = "/var/spool/cups-pdf/${USER}"
    anon = "/var/spool/cups-pdf/ANONYMOUS"
    for conf in (Path(f"/etc/cups/cups-pdf-{QUEUE}.conf"), CUPS_PDF_CONF):
        if conf.exists():
            for line in conf.read_text(encoding="utf-8", errors="replace").splitlines():
                m = re.match(r"^\s*(Out|AnonDirName)\s+(\S+)", line)
                if m and m.group(1) == "Out":
                    out = m.group(2)
                elif m:
                    anon = m.group(2)
            break
    user = pwd.getpwuid(os.getuid())
    out = out.replace("${HOME}", user.pw_dir).replace("${USER}", user.pw_name)
    return [Path(out), Path(anon)]


@dataclass
class CupsPdfQueue:
    name: str
    output_dirs: list[Path]

    def pdf_files(self) -> set[Path]:
        return {p for d in self.output_dirs if d.is_dir() for p in d.glob("*.pdf")}

    def wait_for_new_file(self, before: set[Path], timeout: float = 120.0, *, title: str = "") -> Path:
        """The file a job produced: new since ``before``, named after ``title`` (cups-pdf names its
        files after the job title) and complete (see ``CompletePdf``)."""
        complete = CompletePdf()

        def ready() -> Path | None:
            return next((p for p in sorted(self.pdf_files() - before)
                         if title in p.name and complete(p) is not None), None)

        return wait_until(ready, timeout, f"cups-pdf output in {self.output_dirs}", interval=0.2)  # type: ignore[return-value]


class CompletePdf:
    """Tells whether a PDF that another process (cups-pdf, through Ghostscript) is still writing is
    complete: the same size on two polls in a row, ending in ``%%EOF`` and opening in pdfium. Call it
    from a ``wait_until`` loop; it returns the bytes once complete, else None (never sleeps)."""

    def __init__(self) -> None:
        self.sizes: dict[Path, int] = {}

    def __call__(self, path: Path) -> bytes | None:
        try:
            size = path.stat().st_size
        except OSError:
            return None
        previous, self.sizes[path] = self.sizes.get(path), size
        if size == 0 or previous != size:
            return None
        try:
            data = path.read_bytes()
        except OSError:
            return None
        if len(data) != size or not data.startswith(b"%PDF-") or not data.rstrip().endswith(b"%%EOF"):
            return None
        import pypdfium2 as pdfium

        try:
            doc = pdfium.PdfDocument(data)
            ok = len(doc) > 0
            doc.close()
        except pdfium.PdfiumError:
            return None
        return data if ok else None


@pytest.fixture(scope="session")
def cups_pdf_queue() -> Iterator[CupsPdfQueue]:
    """A CUPS queue ``ClerkPDF`` on the cups-pdf backend; starts ``cupsd`` if it is not running."""
    missing = [t for t in ("cupsd", "lpadmin", "lpinfo", "lp", "lpstat", "cupsenable", "cupsdisable", "cupsaccept")
               if shutil.which(t) is None]
    if missing:
        pytest.skip(f"CUPS is not installed ({', '.join(missing)} missing): apt-get install cups cups-client")
    if not Path("/usr/lib/cups/backend/cups-pdf").exists():
        pytest.skip("the cups-pdf backend is not installed: apt-get install printer-driver-cups-pdf")
    started: subprocess.Popen[bytes] | None = None
    if not _scheduler_running():
        if os.geteuid() != 0:
            pytest.skip("cupsd is not running and only root can start it here")
        started = subprocess.Popen(["cupsd", "-f"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_until(_scheduler_running, 30, "cupsd to start")
    try:
        proc = _run("lpadmin", "-p", QUEUE, "-v", "cups-pdf:/", *cups_pdf_model(), "-E")
        assert proc.returncode == 0, proc.stderr
        for cmd in ("cupsenable", "cupsaccept"):
            assert _run(cmd, QUEUE).returncode == 0
        yield CupsPdfQueue(QUEUE, cups_pdf_output_dirs())
    finally:
        _run("lpadmin", "-x", QUEUE)
        if started is not None:
            started.terminate()
            try:
                started.wait(timeout=15)
            except subprocess.TimeoutExpired:
                started.kill()
                started.wait()
