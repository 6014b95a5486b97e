"""Alembic environment for the local cache; the engine comes from ``Config.attributes``."""

from __future__ import annotations

from alembic import context

from clerk.store.models import Base

target_metadata = Base.metadata
engine = context.config.attributes.get("engine")
assert engine is not None, "run migrations through clerk.store.migrations_runner"

with engine.connect() as connection:
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
