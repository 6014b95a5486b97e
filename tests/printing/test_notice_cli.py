"""``python -m clerk notice`` and ``print-queue`` end to end: real processes, an encrypted cache, real CUPS."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.helpers.printing import (
    RUN,
    CompletePdf,
    CupsPdfQueue,
    all_codes,
    cups_pdf_model,
    pages_text,
    squeezed,
    wait_until,
)

CLI_QUEUE = f"ClerkNoticeCLI-{RUN}"
"""A queue of its own, so stopping it never disturbs other tests printing on ClerkPDF (nor another
test run's: CUPS is the machine's)."""


@dataclass
class Hall:
    data_dir: Path
    env: dict[str, str]
    accepted: list[str]
    notified: str
    rejected: str

    def clerk(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "clerk", *args, "--data-dir", str(self.data_dir)],
                              env=self.env, capture_output=True, text=True, timeout=180)


@pytest.fixture(scope="module")
def hall(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hall]:
    """Cases taken in through the intake service in a data dir whose cache is encrypted with a keyring key."""
    from clerk.context import AppContext
    from clerk.demo import DemoPeople, take_demo_case
    from clerk.security.actor import Actor, Role
    from clerk.security.keys import open_db_key

    root = tmp_path_factory.mktemp("notice-cli")
    xdg, data_dir = root / "xdg", root / "data"
    env = dict(os.environ, XDG_DATA_HOME=str(xdg), PYTHON_KEYRING_BACKEND="keyrings.alt.file.PlaintextKeyring")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("XDG_DATA_HOME", str(xdg))
        ctx = AppContext.open(data_dir, db_key=open_db_key(data_dir))
        try:
            assert ctx.store.encrypted
            actor = Actor("clerk07", "赵窗口", (Role.CLERK,), window="W07")
            people = DemoPeople(3)
            accepted = [take_demo_case(ctx, actor, people, outcome="accept").case_no for _ in range(4)]
            notified = take_demo_case(ctx, actor, people, "newborn", answers={"settle_with": "father"}, outcome="notify")
            draft = take_demo_case(ctx, actor, people, outcome="draft")
            rejected = ctx.intake.reject(actor, draft.case_uuid, "申请事项不属于本中心受理范围")
        finally:
            ctx.close()
    yield Hall(data_dir, env, accepted, notified.case_no, rejected.case_no)


@pytest.fixture(scope="module")
def cli_queue(cups_pdf_queue: CupsPdfQueue) -> Iterator[CupsPdfQueue]:
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(list(args), capture_output=True, text=True, env=dict(os.environ, LC_ALL="C"))

    proc = run("lpadmin", "-p", CLI_QUEUE, "-v", "cups-pdf:/", *cups_pdf_model(), "-E")
    assert proc.returncode == 0, proc.stderr
    run("cupsenable", CLI_QUEUE)
    run("cupsaccept", CLI_QUEUE)
    try:
        yield CupsPdfQueue(CLI_QUEUE, cups_pdf_queue.output_dirs)
    finally:
        run("lpadmin", "-x", CLI_QUEUE)


def _one_line(proc: subprocess.CompletedProcess[str]) -> str:
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    return lines[0]


def _printed_with(queue: CupsPdfQueue, before: set[Path], case_no: str) -> Path:
    """The new cups-pdf output carrying ``case_no``'s barcode (cups-pdf's text is not extractable);
    a file is read only once cups-pdf has finished writing it."""
    complete = CompletePdf()
    checked: set[Path] = set()

    def find() -> Path | None:
        for path in sorted(queue.pdf_files() - before - checked):
            data = complete(path)
            if data is None:
                continue  # not written yet, or still being written: look again on the next poll
            checked.add(path)
            if ("Code128", case_no) in all_codes(data):
                return path
        return None

    return wait_until(find, 120, f"cups-pdf output of {case_no}", interval=0.3)  # type: ignore[return-value]


def _job_id(line: str) -> str:
    import re

    m = re.search(r"--retry (\d+)", line)
    assert m, line
    return m.group(1)


def test_out_writes_each_document_with_the_case_number(hall: Hall, tmp_path: Path) -> None:
    for case_no, kind, title in [(hall.accepted[0], "receipt", "受理通知书"),
                                 (hall.notified, "one_time_notice", "一次性告知单"),
                                 (hall.rejected, "refusal", "不予受理通知书")]:
        out = tmp_path / f"{kind}.pdf"
        proc = hall.clerk("notice", case_no, "--kind", kind, "--out", str(out))
        assert proc.returncode == 0, proc.stderr
        assert str(out) in proc.stdout
        text = squeezed("".join(pages_text(out.read_bytes())))
        assert case_no in text and title in text and "补打" not in text


@pytest.mark.parametrize("which,kind,why", [("notified", "receipt", "尚未受理"),
                                            ("accepted", "refusal", "未作不予受理决定"),
                                            ("accepted", "one_time_notice", "不是一次性告知"),
                                            ("rejected", "commitment", "")])
def test_a_kind_that_does_not_fit_exits_2_with_one_line(hall: Hall, tmp_path: Path, which: str, kind: str,
                                                         why: str) -> None:
    case_no = hall.accepted[0] if which == "accepted" else getattr(hall, which)
    out = tmp_path / "x.pdf"
    proc = hall.clerk("notice", case_no, "--kind", kind, "--out", str(out))
    assert proc.returncode == 2
    line = _one_line(proc)
    assert case_no in line and why in line and "不能打印" in line
    assert not out.exists()


def test_unknown_case_exits_2(hall: Hall, tmp_path: Path) -> None:
    proc = hall.clerk("notice", "230102-20991231-W01-9999", "--kind", "receipt", "--out", str(tmp_path / "x.pdf"))
    assert proc.returncode == 2
    assert "找不到" in _one_line(proc) and "230102-20991231-W01-9999" in proc.stderr


def test_second_print_is_marked_reprint(hall: Hall, tmp_path: Path) -> None:
    case_no = hall.accepted[1]
    printer = f"pdf:{tmp_path / 'printed'}"
    first = hall.clerk("notice", case_no, "--kind", "receipt", "--printer", printer)
    assert first.returncode == 0, first.stderr
    second = hall.clerk("notice", case_no, "--kind", "receipt", "--printer", printer)
    assert second.returncode == 0, second.stderr
    assert "补打" in second.stdout and "补打" not in first.stdout
    files = sorted((tmp_path / "printed").glob("*.pdf"), key=lambda p: p.stat().st_mtime_ns)
    assert len(files) == 2
    first_pages, second_pages = (pages_text(f.read_bytes()) for f in files)
    assert not any("补打" in p for p in first_pages)
    assert second_pages and all("补打" in p and case_no in squeezed(p) for p in second_pages)
    # A saved copy after the print is a reprint too.
    out = tmp_path / "copy.pdf"
    assert hall.clerk("notice", case_no, "--kind", "receipt", "--out", str(out)).returncode == 0
    assert "补打" in pages_text(out.read_bytes())[0]


def test_prints_on_the_cups_pdf_queue(hall: Hall, cli_queue: CupsPdfQueue) -> None:
    case_no = hall.accepted[2]
    before = cli_queue.pdf_files()
    proc = hall.clerk("notice", case_no, "--kind", "receipt", "--printer", CLI_QUEUE)
    assert proc.returncode == 0, proc.stderr
    assert "已打印" in proc.stdout and f"{CLI_QUEUE}-" in proc.stdout
    assert _printed_with(cli_queue, before, case_no).read_bytes().startswith(b"%PDF-")
    listing = hall.clerk("print-queue")
    assert listing.returncode == 0 and case_no not in listing.stdout  # nothing left waiting


def test_stopped_printer_keeps_the_job_queued_until_retry(hall: Hall, cli_queue: CupsPdfQueue) -> None:
    case_no = hall.accepted[3]
    subprocess.run(["cupsdisable", CLI_QUEUE], check=True)
    try:
        before = cli_queue.pdf_files()
        proc = hall.clerk("notice", case_no, "--kind", "receipt", "--printer", f"cups:{CLI_QUEUE}")
        assert proc.returncode == 1
        line = _one_line(proc)
        assert "已停止" in line and "保留在打印队列" in line
        job = _job_id(line)
        listing = hall.clerk("print-queue")
        assert listing.returncode == 0
        row = next(r.split("\t") for r in listing.stdout.splitlines() if r.startswith(f"{job}\t"))
        assert row[1] == "queued" and row[3] == f"cups:{CLI_QUEUE}" and case_no in row[4] and "已停止" in row[5]
        still = hall.clerk("print-queue", "--retry", job)
        assert still.returncode == 1 and "已停止" in _one_line(still)
    finally:
        subprocess.run(["cupsenable", CLI_QUEUE], check=True)
    retried = hall.clerk("print-queue", "--retry", job)
    assert retried.returncode == 0, retried.stderr
    assert _printed_with(cli_queue, before, case_no).read_bytes().startswith(b"%PDF-")
    after = hall.clerk("print-queue", "--all")
    assert any(r.startswith(f"{job}\tprinted\t") for r in after.stdout.splitlines())
    assert not any(r.startswith(f"{job}\t") for r in hall.clerk("print-queue").stdout.splitlines())
    again = hall.clerk("print-queue", "--retry", job)
    assert again.returncode == 2 and "已打印" in _one_line(again)


def test_missing_printer_keeps_the_job_for_another_printer(hall: Hall, cups_pdf_queue: CupsPdfQueue,
                                                           tmp_path: Path) -> None:
    case_no = hall.notified
    proc = hall.clerk("notice", case_no, "--kind", "one_time_notice", "--printer", "NoSuchQueue42")
    assert proc.returncode == 1
    line = _one_line(proc)
    assert "不存在" in line and "--printer" in line
    job = _job_id(line)
    retried = hall.clerk("print-queue", "--retry", job, "--printer", f"pdf:{tmp_path}")
    assert retried.returncode == 0, retried.stderr
    (saved,) = tmp_path.glob("*.pdf")
    assert case_no in squeezed("".join(pages_text(saved.read_bytes())))


def test_print_queue_mistakes_exit_2(hall: Hall) -> None:
    proc = hall.clerk("print-queue", "--retry", "987654")
    assert proc.returncode == 2 and "987654" in _one_line(proc)
    proc = hall.clerk("print-queue", "--printer", "X")
    assert proc.returncode == 2 and "--retry" in _one_line(proc)
    proc = hall.clerk("notice", hall.accepted[0], "--kind", "receipt")
    assert proc.returncode == 2 and "--out" in _one_line(proc)
