"""The hall display (大厅叫号屏, ``--mode display``): full screen, dark, large type — the latest calls,
each window's current number, how many wait per service; every new call (and recall) is announced."""

from __future__ import annotations

from clerk import clock
from clerk.queueing import Board, BoardWatcher
from ui import labels, messages
from ui.ops import Query, TaskManager
from ui.qt import QFrame, QGridLayout, QHBoxLayout, QLabel, Qt, QTimer, QVBoxLayout, QWidget, Signal
from ui.queue.audio import Announcer
from ui.queue.common import HallAccess

POLL_MS = 2000
STYLE = """
QWidget#display { background: #0b1622; }
QWidget#display QLabel { color: #e6edf5; }
QLabel#dispHall { font-size: 40px; font-weight: bold; color: #ffffff; }
QLabel#dispClock { font-size: 36px; color: #9fb3c8; }
QFrame#nowCard { background: #13263b; border: 3px solid #f0b429; border-radius: 22px; }
QLabel#nowTitle { font-size: 34px; color: #f0b429; }
QLabel#nowNumber { font-size: 190px; font-weight: bold; color: #ffd966; }
QLabel#nowWindow { font-size: 64px; font-weight: bold; color: #ffffff; }
QLabel#sectionHead { font-size: 32px; color: #9fb3c8; padding-top: 6px; }
QLabel#recent { font-size: 40px; color: #e6edf5; }
QFrame#winCell { background: #13263b; border-radius: 14px; }
QLabel#winName { font-size: 30px; color: #9fb3c8; }
QLabel#winNo { font-size: 56px; font-weight: bold; color: #7ee2a8; }
QLabel#waitLine { font-size: 36px; color: #e6edf5; }
QLabel#offline { font-size: 30px; color: #ffffff; background: #b00020; border-radius: 10px; padding: 8px 16px; }
"""


class DisplayWindow(QWidget):
    """大厅叫号屏.

    Signals:
        board_shown(object): a Board was put on screen.
        announced(str, str): a call was announced (text, WAV path).
    """

    board_shown = Signal(object)
    announced = Signal(str, str)

    def __init__(self, access: HallAccess, hall_name: str, tasks: TaskManager, parent: QWidget | None = None,
                 *, announcer: Announcer | None = None, auto_poll: bool = True, announce_initial: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("display")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(STYLE)
        self.setWindowTitle(self.tr("叫号屏"))
        self.access, self.tasks = access, tasks
        self.watcher = BoardWatcher(announce_initial=announce_initial)
        self.announcer = announcer or Announcer(tasks, parent=self)
        self.announcer.announced.connect(self.announced)
        self._polling = False
        self.online: bool | None = None

        root = QVBoxLayout(self)
        root.setContentsMargins(40, 24, 40, 24)
        root.setSpacing(18)
        head = QHBoxLayout()
        hall = QLabel(hall_name, self)
        hall.setObjectName("dispHall")
        head.addWidget(hall)
        head.addStretch(1)
        self.offline = QLabel(self.tr("叫号服务器连接中断，正在重试…"), self)
        self.offline.setObjectName("offline")
        self.offline.hide()
        head.addWidget(self.offline)
        self.clock = QLabel(self)
        self.clock.setObjectName("dispClock")
        head.addWidget(self.clock)
        root.addLayout(head)

        body = QHBoxLayout()
        body.setSpacing(30)
        left = QVBoxLayout()
        card = QFrame(self)
        card.setObjectName("nowCard")
        c = QVBoxLayout(card)
        c.setContentsMargins(24, 16, 24, 16)
        t = QLabel(self.tr("正在呼叫"), card)
        t.setObjectName("nowTitle")
        t.setAlignment(Qt.AlignmentFlag.AlignCenter)
        c.addWidget(t)
        self.now_number = QLabel("—", card)
        self.now_number.setObjectName("nowNumber")
        self.now_number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        c.addWidget(self.now_number)
        self.now_window = QLabel(self.tr("请留意叫号"), card)
        self.now_window.setObjectName("nowWindow")
        self.now_window.setAlignment(Qt.AlignmentFlag.AlignCenter)
        c.addWidget(self.now_window)
        left.addWidget(card, 3)
        rh = QLabel(self.tr("最近叫号"), self)
        rh.setObjectName("sectionHead")
        left.addWidget(rh)
        self.recent = QLabel(self)
        self.recent.setObjectName("recent")
        self.recent.setWordWrap(True)
        self.recent.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        left.addWidget(self.recent, 1)
        body.addLayout(left, 5)

        right = QVBoxLayout()
        wh = QLabel(self.tr("各窗口当前号"), self)
        wh.setObjectName("sectionHead")
        right.addWidget(wh)
        self.win_host = QWidget(self)
        self.win_grid = QGridLayout(self.win_host)
        self.win_grid.setContentsMargins(0, 0, 0, 0)
        self.win_grid.setSpacing(14)
        right.addWidget(self.win_host)
        right.addStretch(1)
        qh = QLabel(self.tr("等候人数"), self)
        qh.setObjectName("sectionHead")
        right.addWidget(qh)
        self.waiting = QLabel(self)
        self.waiting.setObjectName("waitLine")
        self.waiting.setWordWrap(True)
        right.addWidget(self.waiting)
        body.addLayout(right, 4)
        root.addLayout(body, 1)

        self._win_cells: list[QWidget] = []
        self._tick()
        self._clock_timer = QTimer(self)
        self._clock_timer.timeout.connect(self._tick)
        self._clock_timer.start(1000)
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)
        if auto_poll:
            self.timer.start()
            QTimer.singleShot(0, self, self.poll)

    def _tick(self) -> None:
        self.clock.setText(clock.now().strftime("%H:%M:%S"))

    def poll(self) -> None:
        """Reads the board in a worker (skipped while the last read is still under way)."""
        if self._polling:
            return
        self._polling = True
        Query(self, lambda: self.access.client().board()).success(self._board).failure(self._failed).run_in_background()

    def _failed(self, exc: BaseException) -> None:
        self._polling = False
        self.online = False
        self.offline.setToolTip(messages.describe(exc))
        self.offline.show()

    def _board(self, board: Board) -> None:
        self._polling = False
        self.online = True
        self.offline.hide()
        for item in self.watcher.update(board):
            self.announcer.say(item)
        self.show_board(board)

    def show_board(self, board: Board) -> None:
        if board.calls:
            latest = board.calls[0]
            self.now_number.setText(latest.ticket_no)
            self.now_window.setText(self.tr("请到 %1办理").replace("%1", labels.window(latest.window)))
        else:
            self.now_number.setText("—")
            self.now_window.setText(self.tr("请留意叫号"))
        self.recent.setText("\n".join(f"{c.ticket_no}  →  {labels.window(c.window)}" for c in board.calls[1:6]))
        for cell in self._win_cells:
            self.win_grid.removeWidget(cell)
            cell.deleteLater()
        self._win_cells = []
        current = BoardWatcher.current_by_window(board)
        for i, (win, no) in enumerate(sorted(current.items())[:12]):
            cell = QFrame(self.win_host)
            cell.setObjectName("winCell")
            v = QVBoxLayout(cell)
            v.setContentsMargins(14, 8, 14, 8)
            name = QLabel(labels.window(win), cell)
            name.setObjectName("winName")
            name.setAlignment(Qt.AlignmentFlag.AlignCenter)
            num = QLabel(no, cell)
            num.setObjectName("winNo")
            num.setAlignment(Qt.AlignmentFlag.AlignCenter)
            v.addWidget(name)
            v.addWidget(num)
            self.win_grid.addWidget(cell, i // 3, i % 3)
            self._win_cells.append(cell)
        self.waiting.setText("\n".join(self.tr("%1：%2 人").replace("%1", labels.service(code)).replace("%2", str(n))
                                       for code, n in board.waiting.items()))
        self.board_shown.emit(board)

    def stop(self) -> None:
        self.timer.stop()
        self._clock_timer.stop()
