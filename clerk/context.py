"""The explicit application context (no global app object): paths, settings, store, services."""

from __future__ import annotations

import logging
import threading
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

from clerk.catalog.loader import load_catalog_dir
from clerk.catalog.schema import Catalog
from clerk.events import EventBus
from clerk.intake.service import IntakeService
from clerk.materials.pagestore import PageStore
from clerk.materials.service import MaterialsService, prepare_uploads
from clerk.security.keys import page_store_key
from clerk.settings import Settings
from clerk.store import Store
from clerk.store.models import KeyValueRow

APP_NAME = "window-clerk"
log = logging.getLogger(__name__)


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


@dataclass
class Paths:
    data_dir: Path

    @property
    def db(self) -> Path:
        return self.data_dir / "cache.sqlite3"

    @property
    def pages(self) -> Path:
        return self.data_dir / "pages"

    @property
    def settings(self) -> Path:
        return self.data_dir / "settings.json"

    @property
    def logs(self) -> Path:
        return self.data_dir / "logs"

    @property
    def catalog_cache(self) -> Path:
        return self.data_dir / "catalog.json"


@dataclass
class AppContext:
    paths: Paths
    settings: Settings
    store: Store
    pages: PageStore
    events: EventBus
    _catalog: Catalog
    intake: IntakeService = field(init=False)
    materials: MaterialsService = field(init=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False)

    def __post_init__(self) -> None:
        self.materials = MaterialsService(self.store, self.pages, self.events)
        self.intake = IntakeService(
            self.store, lambda: self.catalog, self.settings, self.events,
            # Scanned pages become one upload PDF per material before acceptance is checked.
            before_accept=lambda case_uuid: prepare_uploads(self.materials, case_uuid),
        )

    @property
    def catalog(self) -> Catalog:
        return self._catalog

    def replace_catalog(self, catalog: Catalog) -> None:
        """A newer catalog from the platform (drafts keep the version they were started with)."""
        with self._lock:
            self._catalog = catalog

    def close(self) -> None:
        self.store.dispose()

    @classmethod
    def open(cls, data_dir: Path | None = None, *, db_key: str | None = None, catalog_dir: Path | None = None) -> AppContext:
        """Opens (creating when new) the workstation's data dir: settings, migrated cache, page store."""
        paths = Paths((data_dir or default_data_dir()).expanduser().resolve())
        paths.data_dir.mkdir(parents=True, exist_ok=True)
        settings = Settings.load(paths.settings)
        store = Store(paths.db, key=db_key)
        if not settings.device_id:
            settings.device_id = _device_id(store)
        catalog = _load_catalog(paths, catalog_dir)
        pages = PageStore(paths.pages, page_store_key(db_key) if db_key is not None else None)
        return cls(paths, settings, store, pages, EventBus(), catalog)


def _device_id(store: Store) -> str:
    with store.write() as s:
        row = s.get(KeyValueRow, "device_id")
        if row is None:
            row = KeyValueRow(key="device_id", value=str(uuid.uuid4()))
            s.add(row)
        return row.value


def _load_catalog(paths: Paths, catalog_dir: Path | None) -> Catalog:
    """The platform's catalog cached from the last sync if there is one, else the shipped forms/."""
    if catalog_dir is None and paths.catalog_cache.exists():
        import json

        from clerk.catalog.loader import CatalogError, catalog_from_json

        try:
            return catalog_from_json(json.loads(paths.catalog_cache.read_text(encoding="utf-8")))
        except (CatalogError, ValueError, OSError):
            log.warning("cached catalog unreadable; using the shipped one")
    return load_catalog_dir(catalog_dir)
