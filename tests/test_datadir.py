"""The data dir: one owner (a real second process holds it), read-only commands beside it, and every
failure of the medium or the cache ending in one line and exit 2 with nothing written."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

HOLDER = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, sys.argv[1])
    from pathlib import Path
    from clerk.context import AppContext
    from clerk.security.keys import key_for

    plain = sys.argv[3] == "plain"
    ctx = AppContext.open(Path(sys.argv[2]), key_for=lambda d: key_for(d, plain_new=plain))
    with ctx.store.write() as s:  # a workstation at work: the WAL and its index are in use
        pass
    print("ready", flush=True)
    sys.stdin.read()  # holds the data dir until the test closes stdin or kills it
    ctx.close()
    """
)


def clerk(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "clerk", *args], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}, timeout=300)


def one_line(r: subprocess.CompletedProcess[str]) -> str:
    assert "Traceback" not in r.stderr, r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    return lines[0]


def digest(d: Path) -> dict[str, str]:
    """Name → sha256 of every file under ``d`` (what "nothing written" compares)."""
    return {str(p.relative_to(d)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(d.rglob("*")) if p.is_file()}


class Holder:
    """A second process that owns a data dir until it is told to go (stdin closed) or killed."""

    def __init__(self, data_dir: Path, *, plain: bool = False) -> None:
        self.proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(ROOT), str(data_dir), "plain" if plain else "enc"],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()  # the child says when it owns the dir: no sleep, no guess
        assert line == "ready\n", line

    @property
    def pid(self) -> int:
        return self.proc.pid

    def release(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        assert self.proc.wait(60) == 0

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(60)


@pytest.fixture
def workstation(data_dir: Path) -> Path:
    """An encrypted data dir with 3 cases, as the CLI makes it."""
    r = clerk("demo-data", "--cases", "3", "--data-dir", str(data_dir))
    assert r.returncode == 0, r.stderr
    return data_dir


@pytest.fixture
def plain_workstation(data_dir: Path) -> Path:
    """A plain (demo) data dir with 3 cases: other tools can open it with the stock sqlite3 module."""
    from clerk.context import AppContext
    from clerk.demo import DemoPeople, take_demo_case
    from clerk.security.actor import Actor, Role

    ctx = AppContext.open(data_dir)
    actor = Actor("c", "窗口", (Role.CLERK,), window="W01")
    people = DemoPeople(5)
    for _ in range(3):
        take_demo_case(ctx, actor, people, "newborn")
    ctx.close()
    return data_dir


def test_a_second_process_is_refused_naming_the_owner_and_read_commands_still_work(workstation: Path) -> None:
    holder = Holder(workstation)
    try:
        db = workstation / "cache.sqlite3"
        inode = db.stat().st_ino
        for cmd in (["demo-data", "--cases", "1"], ["store", "encrypt"]):
            r = clerk(*cmd, "--data-dir", str(workstation))
            assert r.returncode == 2, (cmd, r.stderr)
            line = one_line(r)
            assert f"PID {holder.pid}" in line and "python -c" in line and "正被另一个程序使用" in line, line
        for cmd in (["pickup", "list"], ["store", "verify"]):
            r = clerk(*cmd, "--data-dir", str(workstation))
            assert r.returncode == 0, (cmd, r.stderr)
        r = clerk("search", "", "--json", "--data-dir", str(workstation))
        assert '"total": 3' in r.stdout
        assert db.stat().st_ino == inode  # never replaced under the owner
        assert (workstation / "cache.sqlite3-wal").exists() and (workstation / "cache.sqlite3-shm").exists()
    finally:
        holder.kill()
    # kill -9 left the lock file behind; the OS lock went with the process, so the next owner takes over
    assert (workstation / "owner.lock").exists()
    r = clerk("demo-data", "--cases", "1", "--data-dir", str(workstation))
    assert r.returncode == 0, r.stderr


def test_a_read_command_never_encrypts_a_demo_cache_the_workstation_has_open(data_dir: Path) -> None:
    """The issue's repro: ``pickup list`` on a running demo's data dir encrypted the cache in place."""
    holder = Holder(data_dir, plain=True)
    try:
        db = data_dir / "cache.sqlite3"
        inode = db.stat().st_ino
        for cmd in (["pickup", "list"], ["doctor"]):
            r = clerk(*cmd, "--data-dir", str(data_dir))
            assert r.returncode in (0, 1) and "Traceback" not in r.stderr, (cmd, r.stderr)
        assert db.read_bytes()[:16] == b"SQLite format 3\x00" and db.stat().st_ino == inode
        assert (data_dir / "cache.sqlite3-wal").exists()
        assert not (data_dir / "data-key.id").exists()  # no key was made for it either
    finally:
        holder.release()


def test_demo_search_demo_on_one_data_dir(tmp_path: Path) -> None:
    """The README's order on one data dir used to end in a SQLAlchemy traceback."""
    d = tmp_path / "demo"
    first = clerk("demo", "--no-server", "--data-dir", str(d))
    assert first.returncode == 0, first.stderr
    assert "明文" in first.stdout.splitlines()[0]  # the demo says it stores in clear, first thing
    found = clerk("search", "杨", "--data-dir", str(d))
    assert found.returncode == 0 and "Traceback" not in found.stderr, found.stderr
    again = clerk("demo", "--no-server", "--data-dir", str(d))
    assert again.returncode == 0 and "Traceback" not in again.stderr, again.stderr
    listed = clerk("search", "", "--json", "--data-dir", str(d))
    assert listed.returncode == 0 and '"total": 2' in listed.stdout


def test_a_read_command_never_creates_a_data_dir_or_a_key(tmp_path: Path) -> None:
    typo = tmp_path / "dta"
    xdg = Path(os.environ["XDG_DATA_HOME"])
    keyring_before = digest(xdg) if xdg.exists() else {}
    for cmd in (["store", "verify"], ["search", "张"], ["doctor"], ["catalog", "list"]):
        r = clerk(*cmd, "--data-dir", str(typo))
        if cmd[0] == "catalog":  # the shipped catalog needs no data dir
            assert r.returncode == 0 and "newborn" in r.stdout, r.stderr
            continue
        assert r.returncode == 2, (cmd, r.stderr)
        line = one_line(r)
        assert str(typo) in line and "不存在" in line
    assert not typo.exists()
    assert (digest(xdg) if xdg.exists() else {}) == keyring_before  # no keychain entry either


def test_a_cache_from_a_newer_program_is_left_alone(workstation: Path) -> None:
    r = clerk("search", "", "--data-dir", str(workstation))
    assert r.returncode == 0
    from clerk.context import AppContext
    from clerk.security.keys import key_for

    ctx = AppContext.open(workstation, key_for=key_for)
    with ctx.store.write() as s:
        s.connection().exec_driver_sql("UPDATE alembic_version SET version_num = '0042'")
    ctx.close()
    before = digest(workstation)
    for cmd in (["search", ""], ["store", "upgrade"]):
        r = clerk(*cmd, "--data-dir", str(workstation))
        assert r.returncode == 2, (cmd, r.stderr)
        line = one_line(r)
        assert "0042" in line and "升级" in line and "较新版本" in line, line
    after = digest(workstation)
    after.pop("owner.lock", None)
    before.pop("owner.lock", None)
    assert after == before


def test_a_cache_locked_past_the_busy_timeout(plain_workstation: Path) -> None:
    """Something outside the program (a backup tool, the sqlite3 shell) keeps a write lock on the cache."""
    workstation = plain_workstation
    count_before = clerk("search", "", "--json", "--data-dir", str(workstation)).stdout
    locker = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent("""
            import sqlite3, sys
            c = sqlite3.connect(sys.argv[1], isolation_level=None)
            c.execute("BEGIN EXCLUSIVE")
            print("locked", flush=True)
            sys.stdin.read()
        """), str(workstation / "cache.sqlite3")], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert locker.stdout is not None and locker.stdout.readline() == "locked\n"
        r = clerk("demo-data", "--cases", "1", "--data-dir", str(workstation), env={"WINDOW_CLERK_BUSY_TIMEOUT_S": "0.5"})
        assert r.returncode == 2
        line = one_line(r)
        assert "锁住超过 0.5 秒" in line and "Background on this error" not in r.stderr, line
    finally:
        assert locker.stdin is not None
        locker.stdin.close()
        locker.wait(60)
    assert clerk("search", "", "--json", "--data-dir", str(workstation)).stdout == count_before  # nothing half-done


def test_a_damaged_database_page(tmp_path: Path) -> None:
    from clerk.context import AppContext
    from clerk.demo import DemoPeople, take_demo_case
    from clerk.security.actor import Actor, Role

    d = tmp_path / "plain"
    ctx = AppContext.open(d)
    actor = Actor("c", "窗口", (Role.CLERK,), window="W01")
    people = DemoPeople(5)
    for _ in range(20):
        take_demo_case(ctx, actor, people, "newborn")
    ctx.close()
    db = d / "cache.sqlite3"
    size = db.stat().st_size
    with db.open("r+b") as f:  # scribble over every page but the first (the schema): b-tree pages broken
        page = 4096
        for offset in range(page, size, page):
            f.seek(offset)
            f.write(b"\xa5" * 64)
    for cmd in (["search", ""], ["demo-data", "--cases", "1"]):
        r = clerk(*cmd, "--data-dir", str(d))
        assert r.returncode == 2, (cmd, r.stdout, r.stderr)
        line = one_line(r)
        assert "已损坏" in line and "恢复" in line, line


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 6 MiB tmpfs (root only): a real full disk and, remounted, a real read-only medium."""
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small tmpfs needs root")
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=6m,mode=0700", "tmpfs", str(mnt)], capture_output=True, text=True)
    if r.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {r.stderr.strip()}")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)


def test_a_full_disk_ends_in_one_line_and_keeps_what_was_there(small_disk: Path) -> None:
    d = small_disk / "data"
    r = clerk("demo-data", "--cases", "2", "--data-dir", str(d))
    assert r.returncode == 0, r.stderr
    before = clerk("search", "", "--json", "--data-dir", str(d)).stdout
    filler = small_disk / "filler"
    with filler.open("wb") as f:  # take every free block
        try:
            while True:
                f.write(b"\0" * 65536)
                f.flush()
        except OSError:
            pass
    r = clerk("demo-data", "--cases", "5", "--data-dir", str(d))
    assert r.returncode == 2
    line = one_line(r)
    assert "磁盘已满" in line, line
    filler.unlink()
    after = clerk("search", "", "--json", "--data-dir", str(d))
    assert after.returncode == 0 and after.stdout == before  # the failed run left nothing half-written
    assert clerk("store", "verify", "--data-dir", str(d)).returncode == 0


def test_a_read_only_medium_serves_read_commands_and_refuses_writes(small_disk: Path) -> None:
    d = small_disk / "data"
    r = clerk("demo-data", "--cases", "2", "--data-dir", str(d))
    assert r.returncode == 0, r.stderr
    before = digest(d)
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    found = clerk("search", "", "--json", "--data-dir", str(d))
    assert found.returncode == 0 and '"total": 2' in found.stdout, found.stderr
    assert clerk("store", "verify", "--data-dir", str(d)).returncode == 0
    for cmd in (["demo-data", "--cases", "1"], ["store", "encrypt"]):
        r = clerk(*cmd, "--data-dir", str(d))
        assert r.returncode == 2, (cmd, r.stderr)
        line = one_line(r)
        assert "无法写入" in line or "只读" in line, line
    assert digest(d) == before


def test_store_errors_are_one_line_without_sqlalchemy_background(data_dir: Path) -> None:
    from clerk.store import StoreError
    from clerk.store.engine import CacheDamaged, classify

    exc = sqlite3.DatabaseError("database disk image is malformed")
    problem = classify(exc, data_dir / "cache.sqlite3")
    assert isinstance(problem, CacheDamaged) and isinstance(problem, StoreError)
    assert "\n" not in str(problem) and "sqlalche.me" not in str(problem)
