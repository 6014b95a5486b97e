"""Hall supervision (大厅监管): alerts from today's queue figures, tidal-window suggestions, reassignment.

The hall API gives today's totals (``/queue/stats``) and each window's services (``/queue/windows/{w}``);
what it does not give is worked out by watching successive snapshots:

- how long a window has been paused (from the first snapshot that saw it paused);
- a no-show streak at a window (its ticket went away, it served no more, and the hall's no-show
  count rose: that ticket was a no-show);
- the hour-by-hour figures of the day (peak waiting and served per hour, for the charts).

Tidal window (潮汐窗口): when a service's expected wait = waiting × average service time ÷ open windows
serving it passes ``tidal_threshold_wait_min``, suggest a window to open for it: a paused or closed
one first, else the least busy open window that does not serve it yet.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from clerk import clock
from clerk.queueing.client import HallClient
from clerk.queueing.model import (
    Board,
    Stats,
    WindowInfo,
    WindowState,
    WindowStats,
    service_name,
    window_label,
)

HALL_TZ = clock.CST
"""Kept for old callers; the hall's zone is ``clerk.clock.zone()``."""


class AlertKind(StrEnum):
    LONG_WAIT = "long_wait"
    PAUSED_TOO_LONG = "paused_too_long"
    NO_SHOW_STREAK = "no_show_streak"
    NOBODY_SERVES = "nobody_serves"


@dataclass(frozen=True)
class Alert:
    kind: AlertKind
    subject: str
    """The service code or the window code the alert is about."""
    message: str


@dataclass(frozen=True)
class TidalSuggestion:
    """Open ``window`` for ``service`` (with ``services`` as its new list): the queue is too long."""

    service: str
    expected_wait_min: float
    window: str
    window_state: WindowState
    services: tuple[str, ...]
    message: str


@dataclass(frozen=True)
class Thresholds:
    display_wait_min: float = 20
    tidal_wait_min: float = 30
    paused_min: float = 15
    no_show_streak: int = 3
    default_service_s: float = 300.0
    """Assumed service time for a service nobody has finished yet today."""


@dataclass
class HourFigures:
    waiting_peak: int = 0
    served: int = 0


@dataclass(frozen=True)
class Snapshot:
    """One look at the hall: figures, the board, each window's set-up, alerts and suggestions."""

    at: float
    stats: Stats
    board: Board
    windows: dict[str, WindowInfo]
    alerts: tuple[Alert, ...]
    suggestions: tuple[TidalSuggestion, ...]
    hours: dict[int, HourFigures] = field(default_factory=dict)

    def expected_wait_min(self, service: str, default_service_s: float = 300.0) -> float:
        return expected_wait_min(self.stats, self.windows, service, default_service_s)


def open_windows_for(windows: dict[str, WindowInfo], service: str) -> list[str]:
    return [w.window for w in windows.values() if w.state is WindowState.OPEN and service in w.services]


def expected_wait_min(stats: Stats, windows: dict[str, WindowInfo], service: str, default_service_s: float) -> float:
    """waiting × avg_service_s ÷ open windows serving it (one window when none), in minutes."""
    s = stats.services.get(service)
    if s is None or s.waiting == 0:
        return 0.0
    avg = s.avg_service_s if s.avg_service_s else default_service_s
    return s.waiting * avg / max(len(open_windows_for(windows, service)), 1) / 60.0


def compute_alerts(stats: Stats, windows: dict[str, WindowInfo], thresholds: Thresholds, *,
                   paused_for_s: dict[str, float], no_show_streaks: dict[str, int]) -> list[Alert]:
    alerts: list[Alert] = []
    for code, s in stats.services.items():
        wait_min = s.longest_wait_s / 60.0
        if s.waiting and wait_min >= thresholds.display_wait_min:
            alerts.append(Alert(AlertKind.LONG_WAIT, code,
                                f"{service_name(code)}：最长已等候 {wait_min:.0f} 分钟"
                                f"（超过 {thresholds.display_wait_min:g} 分钟），{s.waiting} 人在等"))
        if s.waiting and windows and not open_windows_for(windows, code):
            alerts.append(Alert(AlertKind.NOBODY_SERVES, code,
                                f"{service_name(code)}：{s.waiting} 人在等，但没有开放的窗口办理此业务"))
    for code, since in sorted(paused_for_s.items()):
        if since / 60.0 >= thresholds.paused_min:
            alerts.append(Alert(AlertKind.PAUSED_TOO_LONG, code,
                                f"{window_label(code)}已暂停 {since / 60.0:.0f} 分钟（超过 {thresholds.paused_min:g} 分钟）"))
    for code, n in sorted(no_show_streaks.items()):
        if n >= thresholds.no_show_streak:
            alerts.append(Alert(AlertKind.NO_SHOW_STREAK, code,
                                f"{window_label(code)}连续 {n} 个号过号，请核实叫号是否正常（屏幕、语音、窗口位置）"))
    return alerts


def suggest_tidal(stats: Stats, windows: dict[str, WindowInfo], thresholds: Thresholds) -> list[TidalSuggestion]:
    """Which window to open (or widen) for each service whose expected wait passes the tidal threshold."""
    over = sorted(
        ((expected_wait_min(stats, windows, code, thresholds.default_service_s), code) for code in stats.services),
        reverse=True,
    )
    used: set[str] = set()
    out: list[TidalSuggestion] = []
    for wait, code in over:
        if wait < thresholds.tidal_wait_min or wait <= 0:
            continue
        idle = [w for w in windows.values()
                if w.state is not WindowState.OPEN and w.window not in used and not w.current_ticket]
        idle.sort(key=lambda w: (w.state is not WindowState.PAUSED, w.window))
        if idle:
            pick = idle[0]
            services: tuple[str, ...] = (code,)
            how = f"开放{'暂停中' if pick.state is WindowState.PAUSED else '已关闭'}的 {window_label(pick.window)}专办此业务"
        else:
            def load(w: WindowInfo) -> float:
                return sum(stats.services[s].waiting / max(len(open_windows_for(windows, s)), 1)
                           for s in w.services if s in stats.services)

            busy = [w for w in windows.values()
                    if w.state is WindowState.OPEN and code not in w.services and w.window not in used]
            if not busy:
                continue
            pick = min(busy, key=lambda w: (load(w), w.window))
            services = (*pick.services, code)
            how = f"让较空闲的 {window_label(pick.window)}兼办此业务"
        used.add(pick.window)
        out.append(TidalSuggestion(
            code, round(wait, 1), pick.window, pick.state, services,
            f"潮汐窗口建议：{service_name(code)}预计等候 {wait:.0f} 分钟（阈值 {thresholds.tidal_wait_min:g} 分钟），{how}",
        ))
    return out


class SupervisorService:
    """Watches the hall through ``HallClient``; ``refresh()`` returns a ``Snapshot``. Thread-safe."""

    def __init__(self, client: HallClient, thresholds: Thresholds | None = None, *,
                 now: Callable[[], float] = time.time) -> None:
        self.client = client
        self.thresholds = thresholds or Thresholds()
        self.now = now
        self._lock = threading.Lock()
        self._paused_since: dict[str, float] = {}
        self._streaks: dict[str, int] = {}
        self._prev: Stats | None = None
        self._day = ""
        self._hours: dict[int, HourFigures] = {}
        self._served_before_hour: dict[int, int] = {}
        self.last: Snapshot | None = None

    @classmethod
    def from_settings(cls, client: HallClient, settings: object, **kw: object) -> SupervisorService:
        t = Thresholds(display_wait_min=float(getattr(settings, "display_threshold_wait_min", 20)),
                       tidal_wait_min=float(getattr(settings, "tidal_threshold_wait_min", 30)),
                       paused_min=float(getattr(settings, "paused_alert_min", 15)),
                       no_show_streak=int(getattr(settings, "no_show_streak", 3)))
        return cls(client, t, **kw)  # type: ignore[arg-type]

    def refresh(self) -> Snapshot:
        stats = self.client.stats()
        board = self.client.board()
        windows = {code: self.client.get_window(code) for code in stats.windows}
        with self._lock:
            now = self.now()
            self._observe(stats, now)
            paused_for = {w: now - since for w, since in self._paused_since.items()}
            alerts = compute_alerts(stats, windows, self.thresholds, paused_for_s=paused_for,
                                    no_show_streaks=dict(self._streaks))
            suggestions = suggest_tidal(stats, windows, self.thresholds)
            snap = Snapshot(now, stats, board, windows, tuple(alerts), tuple(suggestions),
                            {h: HourFigures(f.waiting_peak, f.served) for h, f in self._hours.items()})
            self.last = snap
            return snap

    def reassign(self, window: str, services: list[str] | tuple[str, ...],
                 state: WindowState = WindowState.OPEN) -> WindowInfo:
        """Sets a window's services (and opens it): the one-click answer to a tidal suggestion."""
        info = self.client.put_window(window, list(services), state)
        with self._lock:
            if info.state is not WindowState.PAUSED:
                self._paused_since.pop(window, None)
        return info

    def apply(self, suggestion: TidalSuggestion) -> WindowInfo:
        return self.reassign(suggestion.window, suggestion.services, WindowState.OPEN)

    # -- what snapshots tell over time -------------------------------------------------------------
    def _observe(self, stats: Stats, now: float) -> None:
        if stats.date != self._day:
            self._day, self._prev = stats.date, None
            self._hours, self._served_before_hour, self._streaks = {}, {}, {}
        for code, w in stats.windows.items():
            if w.state is WindowState.PAUSED:
                self._paused_since.setdefault(code, now)
            else:
                self._paused_since.pop(code, None)
        prev = self._prev
        if prev is not None:
            self._infer_outcomes(prev, stats)
        hour = clock.from_timestamp(now).hour
        figures = self._hours.setdefault(hour, HourFigures())
        if hour not in self._served_before_hour:
            earlier = [h for h in self._served_before_hour if h < hour]
            self._served_before_hour[hour] = (prev.total_served if prev is not None and earlier else 0)
        figures.waiting_peak = max(figures.waiting_peak, stats.total_waiting)
        figures.served = max(0, stats.total_served - self._served_before_hour[hour])
        self._prev = stats

    def _infer_outcomes(self, prev: Stats, now: Stats) -> None:
        no_shows = now.total_no_shows - prev.total_no_shows
        gone: list[str] = []
        for code, w in now.windows.items():
            before = prev.windows.get(code, WindowStats())
            if w.served > before.served:
                self._streaks[code] = 0
            elif before.current_ticket and w.current_ticket != before.current_ticket:
                gone.append(code)
        for code in sorted(gone):
            if no_shows <= 0:
                break
            self._streaks[code] = self._streaks.get(code, 0) + 1
            no_shows -= 1
