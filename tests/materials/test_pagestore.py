"""The page store: atomic writes that survive kill -9, dedup, encryption at rest, damage detection, gc."""

from __future__ import annotations

import hashlib
import io
import os
import random
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clerk.materials.pagestore import HEADER_LEN, SEGMENT, TAG_LEN, BlobDamaged, PageStore

KEY = bytes(range(32))
REPO = Path(__file__).resolve().parents[2]


def test_put_dedup_and_read_back(tmp_path: Path) -> None:
    store = PageStore(tmp_path / "pages")
    a = store.put_bytes(b"hello page")
    b = store.put_bytes(b"hello page")
    assert a == b and a.sha256 == hashlib.sha256(b"hello page").hexdigest()
    assert list(store.all_hashes()) == [a.sha256]
    assert store.read(a.sha256) == b"hello page"
    assert store.verify() == []


@pytest.mark.parametrize("size", [0, 1, SEGMENT - 1, SEGMENT, SEGMENT + 1, 3 * SEGMENT + 12345])
def test_encrypted_round_trip_at_segment_edges(tmp_path: Path, size: int) -> None:
    store = PageStore(tmp_path / "pages", key=KEY)
    data = random.Random(size).randbytes(size)
    blob = store.put_bytes(data)
    assert blob.sha256 == hashlib.sha256(data).hexdigest()  # named by the plaintext
    raw = store.path(blob.sha256).read_bytes()
    # not stored in the clear (a run of 8+ bytes; a byte or two may turn up in any ciphertext by chance)
    assert size < 8 or data[:64] not in raw
    assert len(raw) == HEADER_LEN + size + max(1, -(-size // SEGMENT)) * TAG_LEN
    assert store.read(blob.sha256) == data
    with store.open(blob.sha256) as f:
        assert f.read() == data
    assert store.verify() == []
    assert store.put_bytes(data) == blob and len(list(store.all_hashes())) == 1


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=5000), chunk=st.integers(min_value=1, max_value=700))
def test_encrypted_streaming_any_chunk_size(tmp_path: Path, data: bytes, chunk: int) -> None:
    store = PageStore(tmp_path / "h", key=KEY)
    sha = store.put_stream(io.BytesIO(data)).sha256
    assert b"".join(store.iter_chunks(sha, chunk)) == data
    assert all(len(c) <= chunk for c in store.iter_chunks(sha, chunk))


def test_tampering_and_truncation_are_detected(tmp_path: Path) -> None:
    store = PageStore(tmp_path / "pages", key=KEY)
    data = random.Random(1).randbytes(2 * SEGMENT + 500)
    a = store.put_bytes(data).sha256
    b = store.put_bytes(data[:SEGMENT * 2]).sha256
    c = store.put_bytes(b"small").sha256
    # flip one byte in the middle of a
    pa = store.path(a)
    raw = bytearray(pa.read_bytes())
    raw[HEADER_LEN + SEGMENT + 100] ^= 0x01
    pa.write_bytes(bytes(raw))
    # cut b exactly at a segment boundary (drops its whole last segment)
    pb = store.path(b)
    pb.write_bytes(pb.read_bytes()[: HEADER_LEN + SEGMENT + TAG_LEN])
    damaged = store.verify()
    assert len(damaged) == 2
    assert any(line.startswith(a) and "篡改" in line for line in damaged)
    assert any(line.startswith(b) and "截断" in line for line in damaged)
    with pytest.raises(BlobDamaged):
        store.read(a)
    assert store.read(c) == b"small"
    # without the key an encrypted store says so, never hands out ciphertext
    nokey = PageStore(tmp_path / "pages")
    with pytest.raises(BlobDamaged, match="密钥"):
        nokey.read(c)
    # a wrong key fails the check too
    assert len(PageStore(tmp_path / "pages", key=b"\x01" * 32).verify()) == 3


def test_plain_store_damage_and_missing(tmp_path: Path) -> None:
    store = PageStore(tmp_path / "pages")
    a = store.put_bytes(b"a" * 1000).sha256
    p = store.path(a)
    p.write_bytes(b"a" * 999 + b"b")
    missing = "f" * 64
    lines = store.verify({a, missing})
    assert len(lines) == 2 and lines[0].startswith(a) and "丢失" in lines[1]


def test_damaged_copy_is_repaired_by_putting_the_same_content_again(tmp_path: Path) -> None:
    store = PageStore(tmp_path / "pages", key=KEY)
    data = b"x" * 5000
    sha = store.put_bytes(data).sha256
    p = store.path(sha)
    p.write_bytes(p.read_bytes()[:-7])
    assert store.verify()
    store.put_bytes(data)
    assert store.verify() == [] and store.read(sha) == data


def test_gc_keeps_referenced_and_young_files(tmp_path: Path) -> None:
    store = PageStore(tmp_path / "pages")
    keep = store.put_bytes(b"keep").sha256
    drop = store.put_bytes(b"drop").sha256
    young = store.put_bytes(b"young").sha256
    old = 1_000_000_000
    for sha in (keep, drop):
        os.utime(store.path(sha), (old, old))
    assert store.gc({keep}, min_age_seconds=3600) == [drop]
    assert set(store.all_hashes()) == {keep, young}


WRITER = textwrap.dedent(
    """
    import hashlib, io, os, random, sys, zlib
    sys.path.insert(0, sys.argv[1])
    import clerk.materials.pagestore as ps

    root, stop_at, encrypted, before = sys.argv[2], sys.argv[3], sys.argv[4] == "1", int(sys.argv[5])
    armed = [False]

    def point(name):
        # The parent kills this process here: say where we are, then wait for ever.
        if armed[0] and name == stop_at:
            print("paused", name, flush=True)
            sys.stdin.read()

    class Source(io.RawIOBase):
        def __init__(self, data): self.data, self.pos, self.calls = data, 0, 0
        def readable(self): return True
        def readinto(self, b):
            self.calls += 1
            if self.calls == 3:
                point("reading")  # part of the file is in the temp file
            n = min(len(b), 256 * 1024, len(self.data) - self.pos)
            if n == 0:
                point("read-all")  # every byte is in the temp file, nothing flushed yet
            b[:n] = self.data[self.pos:self.pos + n]; self.pos += n
            return n

    real_fsync, real_replace, real_fsync_dir = os.fsync, os.replace, ps._fsync_dir
    def fsync(fd):
        point("fsync"); real_fsync(fd)
    def replace(a, b):
        point("rename"); real_replace(a, b)
    def fsync_dir(d):
        point("renamed"); real_fsync_dir(d)
    os.fsync, os.replace, ps._fsync_dir = fsync, replace, fsync_dir

    store = ps.PageStore(__import__("pathlib").Path(root), key=bytes(range(32)) if encrypted else None)
    for i in range(before + 1):
        armed[0] = i == before
        data = random.Random(zlib.crc32(f"{stop_at} {encrypted} {i}".encode())).randbytes(3 * 1024 * 1024 + 17 * i)
        print("writing", hashlib.sha256(data).hexdigest(), flush=True)
        store.put_stream(io.BufferedReader(Source(data)))
        print("done", flush=True)
        point("done")
    """
)

STEPS = [("reading", False), ("read-all", False), ("fsync", False), ("rename", False),
         ("renamed", True), ("done", True)]
"""Where the writer is killed, and whether the file it was writing is then in the store."""


@pytest.mark.parametrize("encrypted", [False, True])
def test_kill_9_during_writes_leaves_whole_files_or_nothing(tmp_path: Path, encrypted: bool) -> None:
    """A writer process SIGKILLed at each step of a write (it stops there and says so; the parent
    kills it): every file in the store is whole (verify passes), and the file being written is
    absent before the rename and whole after it."""
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    data_dir = tmp_path / "data"
    root = data_dir / "pages"
    from clerk.context import AppContext

    AppContext.open(data_dir).close()  # a workstation's data dir (the CLI below reads its cache)
    whole: set[str] = set()
    for round_, (step, present) in enumerate(STEPS):
        proc = subprocess.Popen([sys.executable, str(script), str(REPO), str(root), step, "1" if encrypted else "0",
                                 str(round_ % 2)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert proc.stdout is not None
        writing = None
        for line in proc.stdout:
            if line.startswith("writing"):
                writing = line.split()[1]
            elif line.startswith("done") and writing is not None:
                whole.add(writing)
            elif line.startswith("paused"):
                assert line.split()[1] == step
                break
        else:
            pytest.fail(f"the writer ended without reaching {step}: exit {proc.wait()}")
        proc.kill()
        proc.wait()
        assert writing is not None
        store = PageStore(root, key=KEY if encrypted else None)
        assert store.verify() == []
        assert whole <= set(store.all_hashes())
        assert store.has(writing) is present, step
        if present:
            assert store.check(writing) is None
            whole.add(writing)
        else:
            assert store.leftovers(), "the temp file of the interrupted write is left for gc"
    # and the command line agrees: exit 0 on this store
    if not encrypted:
        res = subprocess.run([sys.executable, "-m", "clerk", "store", "verify", "--data-dir", str(data_dir)],
                             capture_output=True, text=True, cwd=REPO)
        assert res.returncode == 0, res.stderr
        assert res.stdout == ""
