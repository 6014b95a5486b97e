"""Server settings: one dataclass, built by the CLI or by the embedded server, plus the hall clock."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from backoffice.hall import HallConfig

HALL_TZ = timezone(timedelta(hours=8))
"""The hall's local time (China Standard Time); tickets are numbered per local day."""

MAX_FILE_BYTES = 50 * 1024 * 1024
"""The largest file a case may carry (platform-api.md: 413 over 50 MiB)."""


@dataclass(frozen=True)
class ServiceDef:
    """A hall service (业务类别): tickets of it are numbered with its prefix (A001, B001 …)."""

    code: str
    prefix: str
    name: str


DEFAULT_SERVICES: tuple[ServiceDef, ...] = (
    ServiceDef("intake", "A", "综合受理"),
    ServiceDef("pickup", "B", "出件"),
    ServiceDef("consult", "C", "咨询"),
)


class Clock:
    """Wall time in the hall's zone; tests and demos may shift it (e.g. to the next day)."""

    def __init__(self) -> None:
        self._offset = timedelta()
        self._frozen: datetime | None = None
        self._lock = threading.Lock()

    def shift(self, delta: timedelta) -> None:
        with self._lock:
            if self._frozen is not None:
                self._frozen += delta
            else:
                self._offset += delta

    def freeze(self, at: datetime | None) -> None:
        """Stops the clock at ``at`` (an aware time; tests of hours and slots), or lets it run again."""
        with self._lock:
            self._frozen = at.astimezone(HALL_TZ) if at is not None else None

    def now(self) -> datetime:
        if self._frozen is not None:
            return self._frozen
        return datetime.now(UTC).astimezone(HALL_TZ) + self._offset

    def timestamp(self) -> float:
        return self.now().timestamp()

    def today(self) -> date:
        return self.now().date()


@dataclass
class FaultSpec:
    """Probabilities (0..1) of injected faults per request; all zero means off."""

    drop: float = 0.0
    error500: float = 0.0
    error503: float = 0.0
    error429: float = 0.0
    slow: float = 0.0
    slow_s: float = 1.5
    retry_after_s: int = 1
    seed: int | None = None

    @property
    def active(self) -> bool:
        return (self.drop + self.error500 + self.error503 + self.error429 + self.slow) > 0

    @classmethod
    def parse(cls, text: str) -> FaultSpec:
        """Parses ``drop=0.2,error500=0.1,slow=0.1,error429=0.05`` (also error503, slow_s, seed)."""
        spec = cls()
        known = {"drop", "error500", "error503", "error429", "slow", "slow_s", "retry_after_s", "seed"}
        for part in filter(None, (p.strip() for p in text.split(","))):
            key, sep, value = part.partition("=")
            key = key.strip()
            if not sep or key not in known:
                raise ValueError(f"unknown fault {part!r} (known: {', '.join(sorted(known))})")
            try:
                if key in ("seed", "retry_after_s"):
                    setattr(spec, key, int(value))
                else:
                    number = float(value)
                    if key != "slow_s" and not 0.0 <= number <= 1.0:
                        raise ValueError
                    setattr(spec, key, number)
            except ValueError:
                raise ValueError(f"bad value for fault {key!r}: {value!r}") from None
        total = spec.drop + spec.error500 + spec.error503 + spec.error429 + spec.slow
        if total > 1.0:
            raise ValueError(f"fault probabilities add up to {total:.2f} > 1")
        return spec


@dataclass
class Config:
    """Everything a server instance needs; ``db_url`` is ``sqlite:///PATH`` or ``postgresql+psycopg://…``."""

    db_url: str
    files_dir: Path
    catalog_dir: Path | None = None
    faults: FaultSpec = field(default_factory=FaultSpec)
    auto_advance_s: float | None = None
    token_ttl_s: int = 12 * 3600
    login_max_failures: int = 5
    """Failed logins per username inside ``login_window_s`` before 429 (counted in the database)."""
    login_max_failures_per_addr: int = 30
    """Failed logins per client address (any usernames) inside the window before 429."""
    login_window_s: int = 300
    max_file_bytes: int = MAX_FILE_BYTES
    max_json_bytes: int = 4 * 1024 * 1024
    """Largest JSON body (case documents); other bodies are capped at ``max_small_bytes``."""
    max_small_bytes: int = 64 * 1024
    """Largest body of login, queue and other small requests."""
    max_json_depth: int = 32
    services: tuple[ServiceDef, ...] = DEFAULT_SERVICES
    clock: Clock = field(default_factory=Clock)
    data_key: bytes | None = None
    """AES-256 key for documents and files at rest (``backoffice.crypto``); None stores in clear."""
    at_rest: str = "encrypt"
    """``encrypt`` (needs ``data_key``) or ``disk`` (the hall encrypts the disk; stored in clear)."""
    stuck_after_s: float | None = 120 * 60
    """A ticket called or being served for longer than this is released (None: never)."""
    stuck_to: str = "waiting"
    """Where a released ticket goes: ``waiting`` (keeps its place) or ``no_show``."""
    db_pool: int = 70
    """PostgreSQL connections one process may hold (a third kept open, the rest on demand). With N
    workers the server holds up to N × db_pool: PostgreSQL's max_connections must be above that."""
    background_jobs: bool = True
    """Run the stuck-ticket sweeper and the auto-advancer in this process (with several workers only
    the supervising process runs them, so they run once)."""
    metrics_token: str | None = None
    """Bearer token that may read ``/metrics``; None: only loopback clients may (docs/deploy.md)."""
    workstation_version: str | None = None
    """The workstation version this hall rolls out (advertised in the health reply; 1.1)."""
    workstation_minimum: str | None = None
    """Workstations older than this are told an update is required (still no automatic install)."""
    workstation_note: str = ""
    """What the update brings / where IT gets it, shown with the update notice."""
    stale_after_s: float = 600.0
    """A workstation that has not reported for longer than this is shown as stale (offline?)."""
    hall: HallConfig = field(default_factory=lambda: _default_hall())
    """The hall's queue settings (``backoffice.hall``: hours, slots, closing rule, messages)."""
    sms_gateway: Any = None
    """The SMS plug-in (anything with ``send(phone, message)``, ``clerk.sms.SmsGateway``); None: the
    log-only gateway (nothing is sent; the journal still records every message)."""
    sms_dispatch: bool = True
    """Deliver queued messages in a background thread (tests turn it off and drain by hand)."""
    fallback_letters: str = "XYZ"
    """First letters reserved for the kiosks' fallback numbers (人工兜底): no service prefix may start
    with one, so a fallback number never equals a number the server issues."""
    device_token_ttl_days: int = 365
    matters: bool = True
    demo_licences: bool = False
    """Demo mode: the e-licence library issues a sample licence for any holder and type it is asked
    for (issuer 演示电子证照库), so a demo case takes its e-licences with one action."""
    """Take API 1.1's matters (per-matter statuses, region, waybill numbers; health lists the feature
    ``matters``). False: this server speaks version 1 for cases (those keys are refused as unknown
    fields, as a v1 platform would) — the workstation's fallback is tested against it."""
    """Lifetime of a kiosk's device token (``python -m backoffice device-token``)."""

    def __post_init__(self) -> None:
        clash = [s.prefix for s in self.services if s.prefix[:1] in self.fallback_letters]
        if clash:
            raise ValueError(f"service prefix(es) {', '.join(clash)} start with a letter reserved for "
                             f"fallback numbers ({self.fallback_letters})")


def _default_hall() -> HallConfig:
    from backoffice.hall import HallConfig

    return HallConfig()
