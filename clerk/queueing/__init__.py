"""Client of the hall queue (排队叫号): tickets, call-next, recall, transfer, board, stats; caller and supervision.

No Qt here: the window's caller bar, the kiosk, the hall display and the supervisor dashboard in
``ui/queue`` are views over these services.
"""

from clerk.queueing.board import Announcement, BoardWatcher
from clerk.queueing.caller import CallerService
from clerk.queueing.client import HallClient
from clerk.queueing.errors import (
    IllegalTicketMove,
    NoCurrentTicket,
    NotLoggedIn,
    QueueError,
    Rejected,
    ServerBusy,
    Unreachable,
    WindowNotOpen,
)
from clerk.queueing.lifecycle import Move
from clerk.queueing.model import (
    PRIORITY_LABELS,
    Board,
    Call,
    Priority,
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
    "PRIORITY_LABELS", "Alert", "AlertKind", "Announcement", "Board", "BoardWatcher", "Call", "CallerService",
    "HallClient", "IllegalTicketMove", "Move", "NoCurrentTicket", "NotLoggedIn", "Priority", "QueueError",
    "Rejected", "ServerBusy", "Snapshot", "Stats", "SupervisorService", "Thresholds", "Ticket", "TicketState",
    "TidalSuggestion", "Unreachable", "WindowInfo", "WindowNotOpen", "WindowState", "announcement",
    "service_name", "window_label",
]
