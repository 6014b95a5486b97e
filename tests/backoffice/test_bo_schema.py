"""The back office's migrations: revision 0001 is the schema ``create_all`` made before migrations,
a database made by that code upgrades cleanly (SQLite fixture file and PostgreSQL), the revisions
build exactly the models (``alembic check`` finds no drift), and a worker refuses a database that is
not at head."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import requests
from alembic import command
from sqlalchemy import inspect, text

from backoffice import schema
from backoffice.app import open_context
from backoffice.config import Config
from backoffice.db import Database
from backoffice.embedded import start_server
from backoffice.schema import FIRST

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "backoffice-rev0001.sqlite3"
"""Made by the back office of commit 1cfb5c7 (``create_all``, no migrations) through its HTTP API:
operators clerk01 and sup01 (password s3cret-pass), window W03 open, ticket A001 called, one case with
one stored file, all in clear (no data key)."""
FIXTURE_CASE = "6f1c2a3b-0000-4000-8000-000000000001"


def test_head_constant_is_alembics_head() -> None:
    assert schema.HEAD == schema.head_revision()


def test_first_revision_tables_are_the_tables_of_create_all_before_migrations(tmp_path: Path) -> None:
    shutil.copy(FIXTURE, tmp_path / "bo.db")
    db = Database(f"sqlite:///{tmp_path / 'bo.db'}")
    try:
        with db.engine.connect() as c:
            assert set(inspect(c).get_table_names()) == schema.FIRST_TABLES
    finally:
        db.dispose()


def test_a_database_made_by_the_code_before_migrations_upgrades_and_keeps_its_data(tmp_path: Path) -> None:
    path = tmp_path / "bo.db"
    shutil.copy(FIXTURE, path)
    url = f"sqlite:///{path}"
    db = Database(url)
    assert schema.current_revision(db) is None
    assert schema.prepare(db) == f"upgraded from 0001 to {schema.HEAD}"
    assert schema.current_revision(db) == schema.HEAD
    assert schema.drift(db) == []
    command.check(schema.alembic_config(db))  # `alembic check`: autogenerate finds nothing to do
    assert schema.prepare(db) == f"at {schema.HEAD}, nothing to do"
    db.dispose()
    server = start_server(url, tmp_path / "files", data_key=None)
    try:
        http = requests.Session()
        r = http.post(server.url + "/api/v1/auth/login",
                      json={"username": "clerk01", "password": "s3cret-pass", "device_id": "dev-1"}, timeout=30)
        assert r.status_code == 200, r.text
        http.headers["Authorization"] = "Bearer " + r.json()["token"]
        case = http.get(server.url + f"/api/v1/cases/{FIXTURE_CASE}", timeout=30).json()
        assert case["status"] == "received" and case["missing_files"] == []
        window = http.get(server.url + "/api/v1/queue/windows/W03", timeout=30).json()
        assert window["state"] == "open" and window["current_ticket"] == "A001"
        report = {"version": "0.1.0", "window": "W03", "outbox": {"pending": 0}, "devices": [],
                  "reported_at": "2026-12-01T10:00:00+08:00"}
        assert http.post(server.url + "/api/v1/workstations/dev-1/health", json=report,
                         timeout=30).status_code == 200  # the table of revision 0002 is there
    finally:
        server.stop()


def _fresh_by_revisions(url: str) -> Database:
    db = Database(url)
    command.upgrade(schema.alembic_config(db), "head")  # every revision, not create_all
    return db


def test_the_revisions_build_exactly_the_models(db_url: str) -> None:
    db = _fresh_by_revisions(db_url)
    try:
        assert schema.current_revision(db) == schema.HEAD
        assert schema.drift(db) == []
        command.check(schema.alembic_config(db))
    finally:
        db.dispose()


@pytest.mark.postgres
def test_a_postgres_database_made_by_create_all_before_migrations_upgrades(postgres: object) -> None:
    url = postgres.new_database()  # type: ignore[attr-defined]
    db = Database(url)
    try:
        # What the back office's create_all made before migrations: revision 0001's tables (the SQLite
        # fixture proves they are those), without Alembic's bookkeeping.
        command.upgrade(schema.alembic_config(db), FIRST)
        with db.write() as s:
            s.execute(text("DROP TABLE alembic_version"))
        with db.write() as s:
            s.execute(text("INSERT INTO users (username, display_name, password_hash, roles, org_code, windows, active)"
                           " VALUES ('old', 'Old', 'x', '[\"clerk\"]', '230102', '[]', true)"))
        assert schema.prepare(db) == f"upgraded from 0001 to {schema.HEAD}"
        assert schema.drift(db) == []
        command.check(schema.alembic_config(db))
        with db.read() as s:
            assert s.execute(text("SELECT display_name FROM users WHERE username = 'old'")).scalar() == "Old"
    finally:
        db.dispose()


def test_roll_back_to_0001_and_forward_again(db_url: str) -> None:
    db = Database(db_url)
    try:
        assert schema.prepare(db).startswith("new database created")
        assert schema.migrate_to(db, "0001") == f"downgraded from {schema.HEAD} to 0001"
        with db.engine.connect() as c:
            assert not inspect(c).has_table("workstation_health")
        assert schema.migrate_to(db, "head") == f"upgraded from 0001 to {schema.HEAD}"
        assert schema.drift(db) == []
    finally:
        db.dispose()


def test_a_database_of_a_newer_version_or_not_ours_is_refused(tmp_path: Path) -> None:
    newer = Database(f"sqlite:///{tmp_path / 'newer.db'}")
    schema.prepare(newer)
    with newer.write() as s:
        s.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(schema.SchemaError, match="9999"):
        schema.prepare(newer)
    newer.dispose()
    foreign = Database(f"sqlite:///{tmp_path / 'foreign.db'}")
    with foreign.write() as s:
        s.execute(text("CREATE TABLE something_else (id INTEGER)"))
    with pytest.raises(schema.SchemaError, match="not a back-office database"):
        schema.prepare(foreign)
    foreign.dispose()


def test_a_worker_refuses_a_database_that_is_not_at_head(tmp_path: Path) -> None:
    path = tmp_path / "bo.db"
    shutil.copy(FIXTURE, path)
    config = Config(db_url=f"sqlite:///{path}", files_dir=tmp_path / "files")
    with pytest.raises(schema.SchemaError, match=f"not {schema.HEAD}"):
        open_context(config, prepare=False)
    open_context(config).db.dispose()  # the supervisor migrates …
    open_context(config, prepare=False).db.dispose()  # … then workers serve


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "backoffice", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)


def test_migrate_command(tmp_path: Path) -> None:
    path = tmp_path / "bo.db"
    shutil.copy(FIXTURE, path)
    db = f"sqlite:///{path}"
    status = _cli("--db", db, "migrate", "--status")
    assert status.returncode == 0 and status.stdout.strip() == f"database: (none); this version: {schema.HEAD}"
    done = _cli("--db", db, "migrate")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"database schema: upgraded from 0001 to {schema.HEAD}"
    assert _cli("--db", db, "migrate", "--status").stdout.strip() == \
        f"database: {schema.HEAD}; this version: {schema.HEAD}"
    back = _cli("--db", db, "migrate", "--to", "0001")
    assert back.returncode == 0 and "downgraded" in back.stdout
    bad = _cli("--db", db, "migrate", "--to", "7777")
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "unknown revision" in bad.stderr
