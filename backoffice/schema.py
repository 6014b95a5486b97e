"""The back office's schema: Alembic migrations (``backoffice/migrations``) run programmatically.

``prepare(db)`` brings any database to the newest revision and is what ``serve`` and ``migrate``
call:

- an empty database gets today's tables from the models and is stamped at head (Alembic's cookbook
  "building an up-to-date database from scratch"; a test proves the revisions build the same schema);
- a database made by the back office before it had migrations (tables made by ``create_all``, no
  ``alembic_version``) is stamped at the first revision, whose tables are exactly those, then
  upgraded;
- a versioned database is upgraded from its revision.

On PostgreSQL the whole step holds an advisory lock, so two servers starting at once never migrate
the same database twice. ``check_current(db)`` is what each worker runs: it refuses to serve a
database that is not at head (one line, no half-migrated schema).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text

from backoffice.db import Database

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
FIRST = "0001"
"""The revision whose tables are those the back office made with ``create_all`` before migrations."""
HEAD = "0006"
"""The newest revision; a test keeps it equal to Alembic's head. Checking it needs no Alembic import."""
FIRST_TABLES = frozenset({
    "users", "tokens", "login_attempts", "audit", "cases", "case_files", "blobs", "case_events", "case_updates",
    "evaluations", "queue_services", "queue_windows", "queue_counters", "queue_tickets", "queue_calls",
    "appointments", "visits",
})
"""The tables of revision 0001 (today's ``create_all`` before migrations)."""
MIGRATE_LOCK_KEY = 0x0B0FF1CF


class SchemaError(RuntimeError):
    """The database's schema is not one this version can serve or migrate (one line for a person)."""


def alembic_config(db: Database | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = db.engine if db is not None else None
    return cfg


def current_revision(db: Database) -> str | None:
    """The database's revision; None when it has no ``alembic_version`` table (or an empty one)."""
    with db.engine.connect() as c:
        if not inspect(c).has_table("alembic_version"):
            return None
        row = c.execute(text("SELECT version_num FROM alembic_version")).first()
        return None if row is None else str(row[0])


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


@contextlib.contextmanager
def _migration_lock(db: Database) -> Iterator[None]:
    if db.is_sqlite:
        yield
        return
    with db.engine.connect() as c:
        c.execute(text("SELECT pg_advisory_lock(:k)"), {"k": MIGRATE_LOCK_KEY})
        c.commit()
        try:
            yield
        finally:
            c.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": MIGRATE_LOCK_KEY})
            c.commit()


def prepare(db: Database) -> str:
    """Brings the database to head (see the module docstring); returns what was done, in words."""
    from alembic import command

    with _migration_lock(db):
        revision = current_revision(db)
        if revision == HEAD:
            return f"at {HEAD}, nothing to do"
        with db.engine.connect() as c:
            tables = set(inspect(c).get_table_names()) - {"alembic_version"}
        cfg = alembic_config(db)
        if revision is None and not tables:
            import backoffice.app  # noqa: F401  (every table on Base.metadata)
            from backoffice.db import Base

            Base.metadata.create_all(db.engine)
            command.stamp(cfg, "head")
            return f"new database created at {HEAD}"
        if revision is None:
            missing = FIRST_TABLES - tables
            if missing:
                raise SchemaError(f"the database has tables but no migration history and lacks "
                                  f"{', '.join(sorted(missing))}: it is not a back-office database")
            command.stamp(cfg, FIRST)
            revision = FIRST
        if revision not in _revision_order():
            raise SchemaError(f"the database is at revision {revision}, which this version does not know "
                              f"(newer software wrote it? this version's newest is {HEAD})")
        command.upgrade(cfg, "head")
        return f"upgraded from {revision} to {HEAD}"


def check_current(db: Database) -> None:
    """Raises ``SchemaError`` unless the database is at head (what a worker checks before serving)."""
    revision = current_revision(db)
    if revision != HEAD:
        raise SchemaError(f"the database is at revision {revision or '(none)'}, not {HEAD}: run "
                          "`python -m backoffice --db URL migrate` (serve does it before starting workers)")


def migrate_to(db: Database, revision: str) -> str:
    """Moves the schema to ``revision``: down before rolling the software back (docs/deploy.md), or up."""
    from alembic import command

    if revision == "head":
        return prepare(db)
    order = _revision_order()
    if revision not in order:
        raise SchemaError(f"unknown revision {revision!r} (revisions: {', '.join(order)})")
    current = current_revision(db)
    if current is None:
        prepare(db)
        current = HEAD
    if current not in order:
        raise SchemaError(f"the database is at revision {current}, which this version does not know")
    with _migration_lock(db):
        cfg = alembic_config(db)
        if order.index(revision) < order.index(current):
            command.downgrade(cfg, revision)
            return f"downgraded from {current} to {revision}"
        if order.index(revision) > order.index(current):
            command.upgrade(cfg, revision)
            return f"upgraded from {current} to {revision}"
    return f"at {revision}, nothing to do"


def _revision_order() -> list[str]:
    from alembic.script import ScriptDirectory

    return [s.revision for s in reversed(list(ScriptDirectory.from_config(alembic_config()).walk_revisions()))]


def drift(db: Database) -> list[str]:
    """What the models have that the database lacks, or the other way round (Alembic's autogenerate
    comparison; empty when the schema equals the models)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    import backoffice.app  # noqa: F401
    from backoffice.db import Base

    with db.engine.connect() as c:
        mc = MigrationContext.configure(c, opts={"compare_type": True})
        return [str(d) for d in compare_metadata(mc, Base.metadata)]
