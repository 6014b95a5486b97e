"""一键评价: the applicant-facing evaluation window (on the second screen when there is one), five faces,
reason tags for low scores, an optional comment; recorded once through EvaluationService; closes by itself."""

from __future__ import annotations

from clerk.context import AppContext
from clerk.evaluation import (
    LOW_SCORE_MAX,
    PRAISE_TAGS,
    REASON_TAGS,
    EvaluationRecord,
)
from clerk.intake.model import CaseView
from clerk.security.actor import Actor
from ui import labels, messages
from ui.ops import Op, TaskManager
from ui.qt import (
    QAbstractButton,
    QButtonGroup,
    QColor,
    QDialog,
    QFrame,
    QGridLayout,
    QGuiApplication,
    QHBoxLayout,
    QLabel,
    QPainter,
    QPaintEvent,
    QPen,
    QPlainTextEdit,
    QPushButton,
    QRectF,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)

DEFAULT_TIMEOUT_MS = 60_000
THANKS_MS = 2500

FACE_COLOURS = {5: "#1b8a4a", 4: "#4caf50", 3: "#f0b429", 2: "#f57c00", 1: "#d32f2f"}

STYLE = """
QDialog#evaluation { background: #f5f8fc; }
QLabel#evalTitle { font-size: 30px; font-weight: bold; color: #1f4e8c; }
QLabel#evalClerk { font-size: 20px; color: #102a43; }
QLabel#evalCase { font-size: 16px; color: #486581; }
QLabel#evalPhoto { background: #d9e2ec; color: #1f4e8c; border-radius: 40px; font-size: 34px; font-weight: bold; }
QLabel#evalHint { font-size: 16px; color: #627d98; }
QLabel#evalProblem { font-size: 16px; color: #b00020; font-weight: bold; }
QLabel#evalThanks { font-size: 34px; font-weight: bold; color: #1b8a4a; }
QFrame#evalCard { background: #ffffff; border: 1px solid #d9e2ec; border-radius: 10px; }
QPushButton#tag { font-size: 16px; padding: 8px 14px; border: 1px solid #bcccdc; border-radius: 18px; background: #ffffff; }
QPushButton#tag:checked { background: #1f4e8c; color: #ffffff; border-color: #1f4e8c; }
QPushButton#evalSubmit { font-size: 20px; font-weight: bold; padding: 10px 40px; background: #1f4e8c; color: #ffffff;
                         border: none; border-radius: 6px; }
QPushButton#evalSubmit:disabled { background: #9fb3c8; }
QPlainTextEdit { font-size: 16px; background: #ffffff; }
"""


class FaceButton(QAbstractButton):
    """A big checkable face (painted, so it never depends on an emoji font, nor on button style sheets)."""

    def __init__(self, score: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.score = score
        self.setCheckable(True)
        self.setObjectName(f"face{score}")
        self.setFixedSize(150, 170)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(labels.score(score))
        self.setAccessibleName(labels.score(score))

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = QColor(FACE_COLOURS[self.score])
        checked = self.isChecked()
        if checked:
            p.setPen(QPen(colour, 3))
            p.setBrush(QColor("#ffffff"))
            p.drawRoundedRect(QRectF(2, 2, self.width() - 4, self.height() - 4), 12, 12)
        d = 104.0
        x, y = (self.width() - d) / 2, 10.0
        p.setPen(QPen(colour.darker(120), 3))
        p.setBrush(colour if checked else colour.lighter(135))
        p.drawEllipse(QRectF(x, y, d, d))
        p.setBrush(QColor("#ffffff"))
        p.setPen(Qt.PenStyle.NoPen)
        for ex in (x + d * 0.32, x + d * 0.68):
            p.drawEllipse(QRectF(ex - 6, y + d * 0.36 - 6, 12, 12))
        pen = QPen(QColor("#ffffff"), 5)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        curve = (self.score - 3) * 0.5  # -1 … +1: frown … smile
        mouth = QRectF(x + d * 0.28, y + d * (0.52 if curve > 0 else 0.66), d * 0.44, d * 0.26)
        if curve == 0:
            p.drawLine(int(mouth.left()), int(y + d * 0.70), int(mouth.right()), int(y + d * 0.70))
        else:
            span = int(180 * 16 * min(1.0, abs(curve) + 0.3))
            start = (270 * 16 - span // 2) if curve > 0 else (90 * 16 - span // 2)
            p.drawArc(mouth, start, span)
        p.setPen(QColor("#102a43") if checked else QColor("#334e68"))
        f = p.font()
        f.setPixelSize(19)
        f.setBold(checked)
        p.setFont(f)
        p.drawText(QRectF(0, y + d + 8, self.width(), 36), Qt.AlignmentFlag.AlignCenter, labels.score(self.score))
        p.end()


class EvaluationWindow(QDialog):
    """好差评 for one service (a case accepted, refused or handed over).

    Placed full-size on the second screen (the applicant's) when the workstation has one, else a dialog on
    the clerk's screen. Restarts its close timer on every touch; records at most once.

    Signals:
        recorded(object): the EvaluationRecord queued for the platform.
        timed_out(): the window closed itself without (or after) an answer.
    """

    recorded = Signal(object)
    timed_out = Signal()

    def __init__(self, ctx: AppContext, actor: Actor, tasks: TaskManager, case: CaseView | None = None, *,
                 ticket_no: str | None = None, timeout_ms: int = DEFAULT_TIMEOUT_MS,
                 anchor: QWidget | None = None) -> None:
        """A top-level window of its own (no parent: a modal dialog at the clerk's window never blocks it);
        ``anchor`` is the clerk's window, to centre on when there is no second screen."""
        super().__init__(None)
        self.anchor = anchor
        self.ctx, self.actor, self.tasks, self.case = ctx, actor, tasks, case
        self.ticket_no = ticket_no
        self.service = ctx.evaluation
        self.record: EvaluationRecord | None = None
        self._sending = False
        self.setObjectName("evaluation")
        self.setStyleSheet(STYLE)
        self.setWindowTitle(self.tr("请您评价本次服务"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)  # the clerk keeps the keyboard

        root = QVBoxLayout(self)
        root.setContentsMargins(36, 28, 36, 28)
        root.setSpacing(18)
        top = QHBoxLayout()
        top.setSpacing(18)
        name = actor.display_name or actor.username
        self.photo = QLabel(name[:1], self)
        self.photo.setObjectName("evalPhoto")
        self.photo.setFixedSize(80, 80)
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo.setToolTip(self.tr("工作人员照片"))
        top.addWidget(self.photo)
        who = QVBoxLayout()
        window = actor.window or getattr(ctx.settings, "window", "")
        self.clerk_label = QLabel(self.tr("%1 号窗口 · 工作人员 %2").replace("%1", window).replace("%2", name), self)
        self.clerk_label.setObjectName("evalClerk")
        who.addWidget(self.clerk_label)
        case_text = f"{case.case_no} · {case.bundle_name}" if case else self.tr("本次服务")
        self.case_label = QLabel(self.tr("办理事项：") + case_text, self)
        self.case_label.setObjectName("evalCase")
        who.addWidget(self.case_label)
        top.addLayout(who, 1)
        root.addLayout(top)
        root.addStretch(1)
        title = QLabel(self.tr("请您对本次服务进行评价"), self)
        title.setObjectName("evalTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        root.addWidget(title)

        faces = QHBoxLayout()
        faces.setSpacing(12)
        faces.addStretch(1)
        self.face_group = QButtonGroup(self)
        self.faces: dict[int, FaceButton] = {}
        for score in (5, 4, 3, 2, 1):
            b = FaceButton(score, self)
            self.face_group.addButton(b, score)
            self.faces[score] = b
            faces.addWidget(b)
        faces.addStretch(1)
        self.face_group.idClicked.connect(self.choose)
        root.addLayout(faces)

        self.card = QFrame(self)
        self.card.setObjectName("evalCard")
        cv = QVBoxLayout(self.card)
        cv.setContentsMargins(18, 14, 18, 14)
        self.tags_hint = QLabel(self.card)
        self.tags_hint.setObjectName("evalHint")
        cv.addWidget(self.tags_hint)
        self.tags_host = QWidget(self.card)
        self.tags_grid = QGridLayout(self.tags_host)
        self.tags_grid.setContentsMargins(0, 0, 0, 0)
        self.tags_grid.setHorizontalSpacing(10)
        self.tags_grid.setVerticalSpacing(8)
        cv.addWidget(self.tags_host)
        self.tag_buttons: dict[str, QPushButton] = {}
        self.comment = QPlainTextEdit(self.card)
        self.comment.setPlaceholderText(self.tr("意见或建议（可不填）"))
        self.comment.setFixedHeight(72)
        self.comment.textChanged.connect(self._touched)
        cv.addWidget(self.comment)
        root.addWidget(self.card)
        self.card.hide()

        bottom = QHBoxLayout()
        self.problem = QLabel(self)
        self.problem.setObjectName("evalProblem")
        self.problem.setWordWrap(True)
        bottom.addWidget(self.problem, 1)
        self.submit_button = QPushButton(self.tr("提交评价"), self)
        self.submit_button.setObjectName("evalSubmit")
        self.submit_button.setEnabled(False)
        self.submit_button.clicked.connect(self.submit)
        bottom.addWidget(self.submit_button)
        root.addLayout(bottom)
        self.thanks = QLabel(self.tr("感谢您的评价！"), self)
        self.thanks.setObjectName("evalThanks")
        self.thanks.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thanks.hide()
        root.addWidget(self.thanks)
        root.addStretch(2)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(max(100, timeout_ms))
        self.timer.timeout.connect(self._time_up)

    # -- showing ----------------------------------------------------------------------------------------
    def present(self) -> None:
        """Shows the window on the applicant's screen (the second one) or as a dialog here, and starts the timer."""
        screens = QGuiApplication.screens()
        # the applicant touches it: it never takes the clerk's keyboard focus (the outcome, F2, Ctrl+P)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
        for w in self.findChildren(QWidget):
            w.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        if len(screens) > 1:
            target = screens[1]
            self.setWindowFlag(Qt.WindowType.Window, True)
            self.setScreen(target)
            self.setGeometry(target.availableGeometry())
            self.showMaximized()
        else:
            anchor = self.anchor.window() if self.anchor is not None else None
            room = anchor.geometry() if anchor is not None else None
            self.resize(min(980, int(room.width() * 0.6)) if room else 980, min(700, room.height() - 80) if room else 700)
            if room is not None:  # beside the clerk's outcome dialog, not over it
                self.move(room.right() - self.width() - 12, room.top() + 60)
            self.show()
        self.timer.start()

    def on_second_screen(self) -> bool:
        screens = QGuiApplication.screens()
        return len(screens) > 1 and self.screen() is screens[1]

    # -- answering --------------------------------------------------------------------------------------
    def choose(self, score: int) -> None:
        """A face was touched: show the tags that go with it (reasons for 1–2, praise otherwise)."""
        self._touched()
        self.faces[score].setChecked(True)
        low = score <= LOW_SCORE_MAX
        tags = REASON_TAGS if low else PRAISE_TAGS
        if list(self.tag_buttons) != list(tags):
            for b in self.tag_buttons.values():
                b.deleteLater()
            self.tag_buttons = {}
            for i, tag in enumerate(tags):
                b = QPushButton(tag, self.tags_host)
                b.setObjectName("tag")
                b.setCheckable(True)
                b.toggled.connect(lambda _on: self._update_submit())
                self.tags_grid.addWidget(b, i // 5, i % 5)
                self.tag_buttons[tag] = b
        self.tags_hint.setText(self.tr("请选择不满意的原因（必选，可多选）") if low
                               else self.tr("您满意的方面（可选）"))
        self.card.show()
        self.problem.clear()
        self._update_submit()

    def score(self) -> int | None:
        sid = self.face_group.checkedId()
        return sid if sid > 0 else None

    def chosen_tags(self) -> list[str]:
        return [t for t, b in self.tag_buttons.items() if b.isChecked()]

    def _update_submit(self) -> None:
        s = self.score()
        ok = s is not None and (s > LOW_SCORE_MAX or bool(self.chosen_tags()))
        self.submit_button.setEnabled(ok and self.record is None and not self._sending)
        self._touched()

    def _touched(self) -> None:
        if self.timer.isActive():
            self.timer.start()  # the applicant is still answering

    def submit(self) -> None:
        s = self.score()
        if s is None or self.record is not None or self._sending:
            return
        if s <= LOW_SCORE_MAX and not self.chosen_tags():
            self.problem.setText(self.tr("请至少选择一个不满意的原因"))
            return
        self._sending = True
        self.submit_button.setEnabled(False)
        svc, tags, comment = self.service, self.chosen_tags(), self.comment.toPlainText()
        window = self.actor.window or self.ctx.settings.window
        operator = self.actor.username
        case_uuid = self.case.case_uuid if self.case else None
        ticket = self.ticket_no

        def job() -> EvaluationRecord:
            return svc.record(s, tags, comment, window=window, operator=operator, case_uuid=case_uuid,
                              ticket_no=ticket)

        Op(self, job, tasks=self.tasks).success(self._recorded).failure(self._failed).run_in_background()

    def _recorded(self, rec: EvaluationRecord) -> None:
        self._sending = False
        self.record = rec
        for w in (self.card, self.submit_button, self.problem):
            w.hide()
        for b in self.faces.values():
            b.setEnabled(False)
        self.thanks.show()
        self.recorded.emit(rec)
        self.timer.start(THANKS_MS)

    def _failed(self, exc: BaseException) -> None:
        self._sending = False
        self.problem.setText(messages.describe(exc))
        self._update_submit()

    def _time_up(self) -> None:
        if self._sending:  # never close under a write in flight; try again shortly
            self.timer.start(500)
            return
        self.timed_out.emit()
        self.close()
