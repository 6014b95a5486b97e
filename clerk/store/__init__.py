"""The local cache: SQLAlchemy models, the engine (SQLite/SQLCipher, WAL) and Alembic migrations."""

from clerk.store.engine import Store, StoreError

__all__ = ["Store", "StoreError"]
