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
    assert data[:64] not in raw or size == 0  # not stored in the clear
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
    import hashlib, io, os, random, sys
    sys.path.insert(0, sys.argv[1])
    from clerk.materials.pagestore import PageStore

    class Slow(io.RawIOBase):
        def __init__(self, data): self.data, self.pos = data, 0
        def readable(self): return True
        def readinto(self, b):
            n = min(len(b), 256 * 1024, len(self.data) - self.pos)
            b[:n] = self.data[self.pos:self.pos + n]; self.pos += n
            return n

    root, seed, encrypted = sys.argv[2], int(sys.argv[3]), sys.argv[4] == "1"
    store = PageStore(__import__("pathlib").Path(root), key=bytes(range(32)) if encrypted else None)
    for i in range(1000):
        data = random.Random(seed * 1000 + i).randbytes(6 * 1024 * 1024 + i)
        print("writing", hashlib.sha256(data).hexdigest(), flush=True)
        store.put_stream(io.BufferedReader(Slow(data)))
        print("done", flush=True)
    """
)


@pytest.mark.parametrize("encrypted", [False, True])
def test_kill_9_during_writes_leaves_whole_files_or_nothing(tmp_path: Path, encrypted: bool) -> None:
    """A writer process SIGKILLed at random points: every file in the store is whole (verify passes),
    and the file being written is either complete under its name or absent."""
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    data_dir = tmp_path / "data"
    root = data_dir / "pages"
    rng = random.Random(7 if encrypted else 3)
    interrupted = 0
    for round_ in range(6):
        proc = subprocess.Popen([sys.executable, str(script), str(REPO), str(root), str(round_), "1" if encrypted else "0"],
                                stdout=subprocess.PIPE, text=True)
        assert proc.stdout is not None
        n = rng.randint(1, 3)
        for k in range(n):  # let it finish a random number of files, then start one more
            line = proc.stdout.readline()
            assert line.startswith("writing"), line
            writing = line.split()[1]
            if k < n - 1:
                assert proc.stdout.readline().startswith("done")
        try:
            proc.wait(timeout=rng.uniform(0.0, 0.25))  # let it run a random moment into the current write
        except subprocess.TimeoutExpired:
            pass
        proc.kill()
        proc.wait()
        rest = proc.stdout.read()
        store = PageStore(root, key=KEY if encrypted else None)
        assert store.verify() == []
        if writing is not None and "done" not in rest:
            interrupted += 1
            if store.has(writing):
                assert store.check(writing) is None
    assert interrupted >= 1
    # and the command line agrees: exit 0 on this store
    if not encrypted:
        res = subprocess.run([sys.executable, "-m", "clerk", "store", "verify", "--data-dir", str(data_dir)],
                             capture_output=True, text=True, cwd=REPO)
        assert res.returncode == 0, res.stderr
        assert res.stdout == ""
