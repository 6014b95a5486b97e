"""Client of the hall queue (排队叫号): tickets, call-next, recall, transfer, board, stats; caller and supervision.

No Qt here: the window's caller bar, the kiosk, the hall display and the supervisor dashboard in
``ui/queue`` are views over these services.
"""

from clerk.queueing.board import Announcement, BoardWatcher
from clerk.queueing.booking import AppointmentDesk, InvalidBooking
from clerk.queueing.caller import CallerService
from clerk.queueing.client import HallClient
from clerk.queueing.errors import (
    BookingRefused,
    CheckInRefused,
    FallbackUnavailable,
    IllegalTicketMove,
    NoCurrentTicket,
    NotLoggedIn,
    NotSupported,
    QueueClosed,
    QueueError,
    Rejected,
    ServerBusy,
    Unreachable,
    WindowNotOpen,
)
from clerk.queueing.fallback import FallbackBook, FallbackTicket
from clerk.queueing.kiosk import KioskService, ReconcileResult, TakenTicket
from clerk.queueing.lifecycle import Move
from clerk.queueing.model import (
    PRIORITY_LABELS,
    Board,
    Booking,
    Call,
    DaySlots,
    HallFeatures,
    ParkedTicket,
    Priority,
    ServiceInfo,
    Slot,
    Stats,
    Ticket,
    TicketState,
    WindowInfo,
    WindowState,
    announcement,
    service_name,
    window_label,
)
from clerk.queueing.supervisor import (
    Alert,
    AlertKind,
    Snapshot,
    SupervisorService,
    Thresholds,
    TidalSuggestion,
)

__all__ = [
    "PRIORITY_LABELS", "Alert", "AlertKind", "Announcement", "AppointmentDesk", "Board", "BoardWatcher", "Booking",
    "BookingRefused", "Call", "CallerService", "CheckInRefused", "DaySlots", "FallbackBook", "FallbackTicket",
    "FallbackUnavailable", "HallClient", "HallFeatures", "IllegalTicketMove", "InvalidBooking", "KioskService",
    "Move", "NoCurrentTicket", "NotLoggedIn", "NotSupported", "ParkedTicket", "Priority", "QueueClosed",
    "QueueError", "ReconcileResult", "Rejected", "ServerBusy", "ServiceInfo", "Slot", "Snapshot", "Stats",
    "SupervisorService", "TakenTicket", "Thresholds", "Ticket", "TicketState", "TidalSuggestion", "Unreachable",
    "WindowInfo", "WindowNotOpen", "WindowState", "announcement", "service_name", "window_label",
]
