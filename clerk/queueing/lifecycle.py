"""The ticket lifecycle as an explicit transition table (a mirror of the hall server's rules).

Illegal moves are refused here, before any request, with ``IllegalTicketMove``; the server refuses the
same moves with 409, which the client turns into the same error.

    waiting --call--> called --start--> serving --finish--> done
                      called --recall--> called
                      called --no-show--> no_show
    waiting|called|serving|parked --transfer--> waiting
                      called|serving --park--> parked     (暂挂: kept for this window)
                      parked --call--> called             (called back by number)
                      parked --no-show--> no_show
    waiting|parked  --(hall closes, at_closing: close)--> closed
"""

from __future__ import annotations

from enum import StrEnum

from clerk.queueing.errors import IllegalTicketMove
from clerk.queueing.model import TICKET_STATE_LABELS
from clerk.queueing.model import TicketState as S


class Move(StrEnum):
    CALL = "call"
    RECALL = "recall"
    START = "start"
    FINISH = "finish"
    NO_SHOW = "no-show"
    TRANSFER = "transfer"
    PARK = "park"


MOVE_LABELS: dict[Move, str] = {
    Move.CALL: "叫号",
    Move.RECALL: "重呼",
    Move.START: "开始办理",
    Move.FINISH: "办结",
    Move.NO_SHOW: "过号",
    Move.TRANSFER: "转移",
    Move.PARK: "暂挂",
}

TRANSITIONS: dict[S, dict[Move, S]] = {
    S.WAITING: {Move.CALL: S.CALLED, Move.TRANSFER: S.WAITING},
    S.CALLED: {Move.RECALL: S.CALLED, Move.START: S.SERVING, Move.NO_SHOW: S.NO_SHOW, Move.TRANSFER: S.WAITING,
               Move.PARK: S.PARKED},
    S.SERVING: {Move.FINISH: S.DONE, Move.TRANSFER: S.WAITING, Move.PARK: S.PARKED},
    S.PARKED: {Move.CALL: S.CALLED, Move.NO_SHOW: S.NO_SHOW, Move.TRANSFER: S.WAITING},
    S.DONE: {},
    S.NO_SHOW: {},
    S.CLOSED: {},
}

FINAL = frozenset(s for s, moves in TRANSITIONS.items() if not moves)


def target(state: S, move: Move) -> S:
    """The state ``move`` leads to from ``state``; ``IllegalTicketMove`` when it is not allowed."""
    try:
        return TRANSITIONS[state][move]
    except KeyError:
        raise IllegalTicketMove(
            f"该号当前为“{TICKET_STATE_LABELS[state]}”，不能{MOVE_LABELS[move]}", state=state.value, move=move.value
        ) from None


def can(state: S, move: Move) -> bool:
    return move in TRANSITIONS[state]


def allowed(state: S | None) -> frozenset[Move]:
    """Moves a clerk may make on the current ticket (none without one)."""
    return frozenset(TRANSITIONS[state]) if state is not None else frozenset()
