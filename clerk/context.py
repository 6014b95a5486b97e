"""The explicit application context (no global app object): paths, settings, store, every service and the
runtimes of one data dir.

``AppContext.open(data_dir)`` opens the data dir; the services are built here and nowhere else
(``ctx.intake``, ``ctx.materials``, ``ctx.handout``, ``ctx.supplements``, ``ctx.evaluation``,
``ctx.print_queue``, ``ctx.operators()``, ``ctx.sync_engine()``). The runtimes — the sync worker, the
scan-to-folder inbox, the demo's embedded platform and anything else ``attach``-ed — belong to the
context and stop when it closes, newest first. One sync engine per data dir: every caller of
``sync_engine()`` gets the same one (and the worker runs it).
"""

from __future__ import annotations

import logging
import os
import stat
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import platformdirs

from clerk.catalog.loader import load_catalog_dir
from clerk.catalog.schema import Catalog
from clerk.errors import ClerkError
from clerk.events import EventBus
from clerk.intake.service import IntakeService
from clerk.materials.pagestore import PageStore
from clerk.materials.service import MaterialsService, prepare_uploads
from clerk.security.keys import page_store_key
from clerk.settings import Settings
from clerk.store import Store
from clerk.store.lock import DataDirLock
from clerk.store.models import KeyValueRow

if TYPE_CHECKING:
    from clerk.evaluation import EvaluationService
    from clerk.handout import HandoutService
    from clerk.materials.inbox import ScanInbox
    from clerk.printjobs import PrintQueue
    from clerk.security.operators import OnlineLogin, OperatorService
    from clerk.supplements import SupplementService
    from clerk.sync.engine import SyncEngine
    from clerk.sync.worker import SyncWorker

APP_NAME = "window-clerk"
log = logging.getLogger(__name__)


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


class DataDirMissing(ClerkError, FileNotFoundError):
    """A read-only command was given a data dir that does not exist (it is never created for it)."""


KeyFor = Callable[[Path], "str | None"]
"""Chooses the cache key once the data dir is owned (``clerk.security.keys.key_for``)."""


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


class Runtime(Protocol):
    """Something running for the data dir (a thread, a watcher, a server) that stops with the context."""

    def stop(self) -> None: ...


class LocalPlatform(Runtime, Protocol):
    """The embedded platform of the demo mode (``backoffice.demo.DemoPlatform``, through an entry point)."""

    url: str | None
    error: str

    def wait(self, timeout: float = 30.0) -> bool:
        """True once it answers (``url`` is set); False if it did not start in time (``error`` says why)."""
        ...


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
    _owner: DataDirLock | None = field(default=None, init=False, repr=False)
    _runtimes: list[Runtime] = field(default_factory=list, init=False)
    _engine: SyncEngine | None = field(default=None, init=False)
    sync_worker: SyncWorker | None = field(default=None, init=False)
    """The running sync worker (``start_sync``), if any."""
    inbox: ScanInbox | None = field(default=None, init=False)
    """The scan-to-folder inbox being watched (``start_inbox``), if any."""
    local_platform: LocalPlatform | None = field(default=None, init=False)
    """The demo's embedded platform (``use_local_platform``), if any."""

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

    # -- the services (built here, nowhere else) --------------------------------------------------------
    @cached_property
    def handout(self) -> HandoutService:
        from clerk.handout import HandoutService

        return HandoutService(self)

    @cached_property
    def supplements(self) -> SupplementService:
        from clerk.supplements import SupplementService

        return SupplementService(self)

    @cached_property
    def evaluation(self) -> EvaluationService:
        from clerk.evaluation import EvaluationService

        return EvaluationService(self)

    @cached_property
    def print_queue(self) -> PrintQueue:
        from clerk.printjobs import PrintQueue

        return PrintQueue(self.store, self.pages, self.events)

    def operators(self, online: OnlineLogin | None = None) -> OperatorService:
        """The operator service; ``online`` is the platform login to try first (``clerk.sync.online``)."""
        from clerk.security.operators import OperatorService

        return OperatorService(self.store, self.settings, online=online)

    # -- sync: one engine per data dir, one worker ------------------------------------------------------
    def sync_engine(self) -> SyncEngine:
        """The data dir's sync engine over a keyring-backed client of ``settings.platform_url``.

        Raises ``NotConfigured`` while no platform URL is set. Made again only when the URL changed and
        no worker runs it.
        """
        from clerk.sync.session import make_engine

        with self._lock:
            url = (self.settings.platform_url or "").rstrip("/")
            engine = self._engine
            if engine is None or (engine.client.base_url != url and self.sync_worker is None):
                engine = self._engine = make_engine(self)
            return engine

    def start_sync(self, *, interval_s: float = 60.0) -> SyncWorker:
        """Starts the background sync worker over ``sync_engine()`` (once; later calls return it)."""
        from clerk.sync.worker import SyncWorker

        if self.sync_worker is None:
            worker = SyncWorker(self.sync_engine(), interval_s=interval_s)
            worker.start()
            self.sync_worker = worker
            self.attach(worker)
        return self.sync_worker

    def stop_sync(self) -> None:
        worker, self.sync_worker = self.sync_worker, None
        if worker is not None:
            self._detach(worker)
            worker.stop()

    # -- the scan-to-folder inbox -------------------------------------------------------------------------
    def start_inbox(self, folder: Path) -> ScanInbox:
        """Watches ``folder``: each complete new file is published as ``ScanInboxFile``. Raises OSError."""
        from clerk.materials.inbox import ScanInbox

        self.stop_inbox()
        inbox = ScanInbox(folder, events=self.events)
        inbox.start()
        self.inbox = inbox
        self.attach(inbox)
        return inbox

    def stop_inbox(self) -> None:
        inbox, self.inbox = self.inbox, None
        if inbox is not None:
            self._detach(inbox)
            inbox.stop()

    # -- other runtimes -------------------------------------------------------------------------------------
    def use_local_platform(self, platform: LocalPlatform) -> None:
        """The demo's embedded platform (stopped with the context)."""
        self.local_platform = platform
        self.attach(platform)

    def attach(self, runtime: Runtime) -> None:
        """``runtime.stop()`` is called when the context closes (the newest first)."""
        with self._lock:
            self._runtimes.append(runtime)

    def _detach(self, runtime: Runtime) -> None:
        with self._lock:
            if runtime in self._runtimes:
                self._runtimes.remove(runtime)

    def close(self) -> None:
        """Stops every runtime, the newest first (one started meanwhile is stopped too), then the store."""
        while True:
            with self._lock:
                if not self._runtimes:
                    break
                runtime = self._runtimes.pop()
            if runtime is self.sync_worker:
                self.sync_worker = None
            elif runtime is self.inbox:
                self.inbox = None
            try:
                runtime.stop()
            except Exception:  # shutting down anyway; the others must still stop
                log.exception("a runtime did not stop cleanly: %r", runtime)
        self.store.dispose()
        if self._owner is not None:
            owner, self._owner = self._owner, None
            owner.release()

    @property
    def read_only(self) -> bool:
        return self.store.read_only

    @classmethod
    def open(cls, data_dir: Path | None = None, *, db_key: str | None = None, catalog_dir: Path | None = None,
             read_only: bool = False, key_for: KeyFor | None = None) -> AppContext:
        """Opens the workstation's data dir: settings, migrated cache, page store.

        To write (the default) the data dir is created when new (0700) and owned by this process
        (``clerk.store.lock``: a second process gets ``DataDirBusy`` naming the owner). ``read_only``
        takes no ownership, creates nothing (``DataDirMissing`` for a data dir that is not there),
        opens the cache ``mode=ro`` and never migrates. ``key_for(data_dir)`` (instead of ``db_key``)
        picks the key once the dir is owned, so a new key is never made for a dir someone else holds.
        """
        paths = Paths((data_dir or default_data_dir()).expanduser().resolve())
        if read_only:
            if not paths.data_dir.is_dir():
                raise DataDirMissing(f"数据目录 {paths.data_dir} 不存在（路径写错了？）：查询类命令不会新建数据目录")
        else:
            _make_data_dir(paths.data_dir)
        owner = None if read_only else DataDirLock.acquire(paths.data_dir)
        store: Store | None = None
        try:
            if key_for is not None:
                db_key = key_for(paths.data_dir)
            settings = Settings.load(paths.settings)
            store = Store(paths.db, key=db_key, read_only=read_only)
            if not settings.device_id:
                settings.device_id = _read_device_id(store) if read_only else _device_id(store)
            catalog = _load_catalog(paths, catalog_dir)
            pages = PageStore(paths.pages, page_store_key(db_key) if db_key is not None else None, create=not read_only)
            ctx = cls(paths, settings, store, pages, EventBus(), catalog)
        except BaseException:
            if store is not None:
                store.dispose()
            if owner is not None:
                owner.release()
            raise
        ctx._owner = owner
        return ctx


def _make_data_dir(d: Path) -> None:
    """Creates the data dir 0700 (only its user may look inside); tightens an older 0755 one."""
    try:
        d.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        raise DataDirMissing(f"数据目录 {d} 无法创建（{exc.strerror or exc}）：请检查路径和权限") from None
    try:
        mode = stat.S_IMODE(d.stat().st_mode)
        if mode & 0o077:
            d.chmod(0o700)
            _make_private_tree(d)
    except OSError:  # a read-only medium: the lock (or the store) says so in one line
        pass


def _make_private_tree(d: Path) -> None:
    """Once, for a data dir made by an older version: folders 0700, files 0600 (cache, pages, logs …)."""
    for root, dirs, files in os.walk(d):
        for name in dirs:
            p = Path(root) / name
            if not p.is_symlink():
                p.chmod(0o700)
        for name in files:
            p = Path(root) / name
            if not p.is_symlink():
                p.chmod(0o600)


def _read_device_id(store: Store) -> str:
    with store.read() as s:
        row = s.get(KeyValueRow, "device_id")
        return row.value if row is not None else ""


def _device_id(store: Store) -> str:
    with store.write() as s:
        row = s.get(KeyValueRow, "device_id")
        if row is None:
            row = KeyValueRow(key="device_id", value=str(uuid.uuid4()))
            s.add(row)
        return row.value


def workstation_catalog(data_dir: Path | None = None) -> Catalog:
    """The catalog a workstation would use (the synced one in its data dir, else the shipped forms/),
    read without opening the cache and without creating anything."""
    return _load_catalog(Paths((data_dir or default_data_dir()).expanduser().resolve()), None)


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
