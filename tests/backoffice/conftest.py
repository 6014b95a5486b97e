"""Fixtures for the back-office tests: a real server on loopback (SQLite file or a real PostgreSQL 15)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from backoffice.embedded import EmbeddedServer, start_server
from tests.helpers.backoffice import PASSWORD, Api, StartFn

PG_BIN = Path(os.environ.get("BACKOFFICE_PG_BIN", "/usr/lib/postgresql/15/bin"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class PgServer:
    port: int

    def admin_dsn(self) -> str:
        return f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres"

    def new_database(self) -> str:
        """A fresh, empty database; returns its SQLAlchemy URL."""
        import psycopg

        name = "bo_" + uuid.uuid4().hex[:12]
        with psycopg.connect(self.admin_dsn(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{name}"


@pytest.fixture(scope="session")
def postgres() -> Iterator[PgServer]:
    """A real PostgreSQL 15 in a temporary directory, for the whole session."""
    if not (PG_BIN / "initdb").exists() or not (PG_BIN / "pg_ctl").exists():
        pytest.skip(f"PostgreSQL server binaries not found in {PG_BIN} (install postgresql-15)")
    base = Path(tempfile.mkdtemp(prefix="bo-pg-"))
    prefix: list[str] = []
    if os.geteuid() == 0:
        if shutil.which("runuser") is None:
            pytest.skip("running as root without runuser: cannot start PostgreSQL as the postgres user")
        shutil.chown(base, "postgres")
        prefix = ["runuser", "-u", "postgres", "--"]
    data = base / "data"
    port = free_port()
    subprocess.run(
        [*prefix, str(PG_BIN / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
         "--locale=C", "--no-sync"],
        check=True, capture_output=True,
    )
    opts = (f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300 "
            "-c shared_buffers=64MB -c synchronous_commit=off")
    subprocess.run(
        [*prefix, str(PG_BIN / "pg_ctl"), "-D", str(data), "-l", str(base / "server.log"), "-w", "-t", "60",
         "-o", opts, "start"],
        check=True, capture_output=True,
    )
    try:
        yield PgServer(port)
    finally:
        subprocess.run([*prefix, str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"],
                       capture_output=True)
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture
def start(tmp_path: Path) -> Iterator[StartFn]:
    """Starts servers on a SQLite file (or the given URL) with operator clerk01; stops them after."""
    running: list[EmbeddedServer] = []

    def _start(db_url: str | None = None, **kw: Any) -> EmbeddedServer:
        n = len(running)
        url = db_url or f"sqlite:///{tmp_path / f'bo{n}.db'}"
        server = start_server(url, tmp_path / f"files{n}", **kw)
        running.append(server)
        server.create_user("clerk01", PASSWORD, ["clerk"], display_name="张三", windows=["W03"], org_code="230102")
        server.create_user("sup01", PASSWORD, ["supervisor"], display_name="李主任", windows=[], org_code="230102")
        return server

    yield _start
    for server in running:
        server.stop()


@pytest.fixture
def server(start: StartFn) -> EmbeddedServer:
    return start()


@pytest.fixture
def api(server: EmbeddedServer) -> Api:
    return Api(server)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'param.db'}"
    pg: PgServer = request.getfixturevalue("postgres")
    return pg.new_database()
