"""Alembic environment of the back office; the engine comes from ``Config.attributes`` (backoffice.schema)."""

from __future__ import annotations

from alembic import context

import backoffice.app  # noqa: F401  (every router's module is imported: every table is on Base.metadata)
from backoffice.db import Base

target_metadata = Base.metadata
engine = context.config.attributes.get("engine")
assert engine is not None, "run the back office's migrations through backoffice.schema"

with engine.connect() as connection:
    context.configure(connection=connection, target_metadata=target_metadata,
                      render_as_batch=engine.dialect.name == "sqlite", compare_type=True)
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
