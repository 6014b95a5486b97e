"""Offline assist on the intake screen: a page scanned or imported into a material of a known kind is read
(OCR off the UI thread), its values are OFFERED to the form and the applicant block, and the cross-checks
(holder mismatch, expired, another kind of document, misread) are shown on the material's card.

Nothing is filled silently: each offered field is highlighted until the clerk takes it (Alt+1…Alt+9 one,
Alt+Y all) or drops the offers (Alt+N); a conflict shows the typed value beside the recognised one.
Warnings are dismissed with Alt+W on the material's card and never block accept.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING, Any

from clerk.assist import CheckWarning, Extraction, Offer, cross_check, material_rule, prefill_offers
from clerk.events import MaterialPagesChanged
from ui import messages
from ui.events import EventListener
from ui.ops import Query
from ui.qt import QFrame, QGridLayout, QHBoxLayout, QLabel, QObject, QPushButton, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from clerk.context import AppContext
    from clerk.intake.model import CaseView
    from ui.intake.checklist import MaterialCard
    from ui.intake.page import IntakePage

log = logging.getLogger(__name__)

OFFERED_STYLE = "background: #fff4c2; border: 2px solid #e0a100; border-radius: 3px;"
"""How a field with a recognised value waiting for the clerk's confirmation looks."""


MAX_PAGES = {"idcard_front": 2, "idcard_back": 2}
"""A material with more pages than its document has (an ID card: front and back) got a file of something
else: its pages are not read (the OCR would take the CPU for pages that cannot be the card)."""
MAX_PAGES_OTHER = 6


@dataclass(frozen=True)
class Reading:
    """What one page of a material gave: the extraction, its offers and warnings, the pages read."""

    case_uuid: str
    code: str
    extraction: Extraction | None
    offers: list[Offer]
    warnings: list[CheckWarning]
    page_ids: frozenset[int]


def read_new_page(ctx: AppContext, case_uuid: str, code: str, seen: frozenset[int]) -> Reading:
    """Runs off the UI thread: the newest page of ``code`` not read yet, OCR'd as the material's kind."""
    from clerk.assist.reader import detect_kind, extract_lines, read_upright
    from clerk.materials.imaging import open_page

    pages = ctx.materials.list_pages(case_uuid, code)
    ids = frozenset(p.id for p in pages)
    new = [p for p in pages if p.id not in seen]
    rule = material_rule(code)
    if not new or rule is None or not rule.kinds or len(pages) > MAX_PAGES.get(rule.kinds[0], MAX_PAGES_OTHER):
        return Reading(case_uuid, code, None, [], [], ids)
    page = new[-1]
    image = open_page(ctx.pages.read(page.sha256), page.media_type, page.page_index, dpi=200.0)
    if page.rotation:
        image = image.rotate(-page.rotation, expand=True)
    lines = read_upright(image, rule.kinds[0])
    detected, _scores = detect_kind("\n".join(ln.text for ln in lines))
    kind = detected if detected in rule.kinds else rule.kinds[0]
    extraction = extract_lines(lines, kind)
    case = ctx.intake.get(case_uuid)
    return Reading(case_uuid, code, extraction, prefill_offers(case, code, extraction, ctx.catalog),
                   cross_check(case, code, extraction), ids)


class OfferBar(QFrame):
    """The recognised values waiting for the clerk, one row each: field, value, what is typed there now."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("assistOffers")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#assistOffers { background: #fffbe6; border: 1px solid #e0a100; border-radius: 4px; }")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(10, 6, 10, 6)
        lay.setSpacing(4)
        top = QHBoxLayout()
        self.title = QLabel(self)
        self.title.setObjectName("assistOffersTitle")
        self.title.setWordWrap(True)
        top.addWidget(self.title, 1)
        self.accept_all = QPushButton(self.tr("全部采用 Alt+Y"), self)
        self.accept_all.setObjectName("acceptAllOffers")
        self.ignore = QPushButton(self.tr("不采用 Alt+N"), self)
        self.ignore.setObjectName("ignoreOffers")
        top.addWidget(self.accept_all)
        top.addWidget(self.ignore)
        lay.addLayout(top)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(14)
        self.grid.setVerticalSpacing(2)
        lay.addLayout(self.grid)
        self.buttons: list[QPushButton] = []
        self.hide()

    def show_offers(self, title: str, offers: list[Offer], current: list[Any]) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            w = item.widget() if item is not None else None
            if w is not None:
                w.deleteLater()
        self.buttons = []
        self.title.setText(title)
        columns = 2
        for i, (offer, now) in enumerate(zip(offers, current, strict=True)):
            row, col = divmod(i, columns)
            key = f"Alt+{i + 1}" if i < 9 else ""
            button = QPushButton(self.tr("采用 %1").replace("%1", key) if key else self.tr("采用"), self)
            button.setObjectName(f"acceptOffer_{offer.field_path}")
            button.setAutoDefault(False)
            text = f"<b>{escape(offer.label)}</b>：{escape(str(offer.value))}"
            if now not in (None, ""):
                text += "　<span style='color:#a33'>" + escape(self.tr("现为：")) + escape(str(now)) + "</span>"
            label = QLabel(text, self)
            label.setObjectName(f"offer_{offer.field_path}")
            label.setWordWrap(True)
            self.grid.addWidget(label, row, col * 2)
            self.grid.addWidget(button, row, col * 2 + 1)
            label.show()
            button.show()
            self.buttons.append(button)
        for c in range(columns):
            self.grid.setColumnStretch(c * 2, 1)
        self.setVisible(bool(offers))


class WarningStrip(QFrame):
    """The cross-check warnings on one material card; Alt+W (or the button) dismisses them."""

    def __init__(self, warnings: list[CheckWarning], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("assistWarnings")
        self.setStyleSheet("#assistWarnings { background: #fdecea; border: 1px solid #d9534f; border-radius: 3px; }")
        self.warnings = warnings
        lay = QHBoxLayout(self)
        lay.setContentsMargins(8, 4, 8, 4)
        text = "<br>".join("⚠ " + escape(messages.translate(w.message)) for w in warnings)
        self.label = QLabel(text, self)
        self.label.setObjectName("assistWarningText")
        self.label.setWordWrap(True)
        lay.addWidget(self.label, 1)
        self.dismiss = QPushButton(self.tr("忽略 Alt+W"), self)
        self.dismiss.setObjectName("dismissWarnings")
        self.dismiss.setAutoDefault(False)
        lay.addWidget(self.dismiss)


class AssistPanel(EventListener, QObject):
    """The assist part of one intake page (``page.assist``).

    Attributes:
        offers: the recognised values waiting for the clerk (with the material they came from).
        warnings: ``{material code: [CheckWarning]}`` still shown (dismissed ones are gone).
        readings: how many pages were read (for tests and the status line).
    """

    def __init__(self, page: IntakePage) -> None:
        super().__init__(page)
        self.page = page
        self.offers: list[Offer] = []
        self.offer_code: str | None = None
        self.warnings: dict[str, list[CheckWarning]] = {}
        self.dismissed: set[str] = set()
        self.readings = 0
        self._seen: dict[str, frozenset[int]] = {}
        self._seeded = False
        self._waiting: set[str] = set()
        self._reading: set[str] = set()
        self._highlighted: dict[int, tuple[QWidget, str]] = {}
        self.bar = OfferBar(page)
        root = page.layout()
        assert root is not None
        root.insertWidget(root.indexOf(page.splitter), self.bar)  # type: ignore[attr-defined]
        self.bar.accept_all.clicked.connect(self.accept_all)
        self.bar.ignore.clicked.connect(self.ignore_offers)
        page.case_changed.connect(self._case_changed)
        page.checklist.card_added.connect(self._card_added)
        self.listen(page.shell.events)

    # -- the open case -------------------------------------------------------------------------------
    def _case_changed(self, view: CaseView | None) -> None:
        if view is not None and self._case_uuid == view.case_uuid and self._seeded:
            return
        self._clear_offers()
        self.warnings = {}
        self.dismissed = set()
        self._seen = {}
        self._waiting = set()
        self._seeded = False
        self._case_uuid = view.case_uuid if view is not None else None
        if view is None:
            return
        codes = [m.code for m in view.materials]
        materials, case_uuid = self.page.ctx.materials, view.case_uuid

        def seed() -> dict[str, frozenset[int]]:  # pages already there when the case opens are not read again
            pages = materials.case_pages(case_uuid)  # one read whatever the number of materials
            return {c: frozenset(p.id for p in pages.get(c, ())) for c in codes}

        Query(self, seed).success(lambda seen: self._seeded_with(case_uuid, seen)).run_in_background()

    _case_uuid: str | None = None

    def _seeded_with(self, case_uuid: str, seen: dict[str, frozenset[int]]) -> None:
        if case_uuid != self._case_uuid:
            return
        self._seen = seen
        self._seeded = True
        for code in sorted(self._waiting):
            self._read(code)
        self._waiting = set()

    def on_event_material_pages_changed(self, event: MaterialPagesChanged) -> None:
        if event.case_uuid != self._case_uuid or self.page.case is None:
            return
        rule = material_rule(event.code)
        if rule is None or not rule.kinds:
            return
        if not self._seeded:
            self._waiting.add(event.code)
            return
        self._read(event.code)

    def _read(self, code: str) -> None:
        """Reads the new page of ``code``; one OCR at a time (the other read thread stays free for the screen)."""
        if self._reading:
            self._waiting.add(code)
            return
        self._reading.add(code)
        # A page moved in from another material of the case was there already: it is not read again.
        seen = frozenset().union(*self._seen.values()) if self._seen else frozenset()
        ctx, case_uuid = self.page.ctx, self._case_uuid
        assert case_uuid is not None

        def next_one() -> None:
            self._reading.discard(code)
            if self._waiting and self._seeded:
                self._read(self._waiting.pop())

        def done(reading: Reading) -> None:
            self._show(reading)
            next_one()

        def failed(exc: BaseException) -> None:
            messages.warning(self.page, self.tr("未能识别这一页：") + messages.describe(exc))
            next_one()

        messages.info(self.page, self.tr("正在识别…"))
        Query(self, lambda: read_new_page(ctx, case_uuid, code, seen)).success(done).failure(failed) \
            .run_in_background()

    def _show(self, reading: Reading) -> None:
        if reading.case_uuid != self._case_uuid or self.page.case is None:
            return
        self._seen[reading.code] = self._seen.get(reading.code, frozenset()) | reading.page_ids
        if reading.extraction is None:
            return
        self.readings += 1
        name = next((m.name for m in self.page.case.materials if m.code == reading.code), reading.code)
        # Offers again against the case as it is now (a field may have been typed during the OCR).
        offers = prefill_offers(self.page.case, reading.code, reading.extraction, self.page.ctx.catalog)
        offers = [o for o in offers if self._live_value(o.field_path) != o.value]
        warnings = [w for w in reading.warnings if w.key not in self.dismissed]
        self.warnings[reading.code] = warnings
        self._show_warnings(reading.code)
        self._clear_offers()
        if offers:
            self.offers, self.offer_code = offers, reading.code
            title = self.tr("从“%1”识别到以下内容，请与原件核对后采用（未采用的不会填入）").replace("%1", name)
            self.bar.show_offers(title, offers, [self._live_value(o.field_path) for o in offers])
            for i, button in enumerate(self.bar.buttons):
                button.clicked.connect(lambda _c=False, o=offers[i]: self.accept(o))
            self._highlight()
            messages.info(self.page, self.tr("识别到 %n 项内容，按 Alt+Y 全部采用，Alt+1… 逐项采用", "", len(offers)))
        elif not reading.extraction.fields:
            messages.info(self.page, self.tr("这一页没有识别出可预填的内容"))

    # -- offers ------------------------------------------------------------------------------------------
    def _editor(self, path: str) -> QWidget | None:
        where, _, name = path.partition(".")
        if where == "applicant":
            applicant = getattr(self.page, "applicant", None)
            return applicant.editor_for(name) if applicant is not None else None
        panel = self.page.form_panel
        if panel is not None and name in panel.editors:
            return panel.editors[name].focus_target()
        return None

    def _live_value(self, path: str) -> Any:
        where, _, name = path.partition(".")
        if where == "applicant":
            applicant = getattr(self.page, "applicant", None)
            return applicant.value().get(name) if applicant is not None else None
        panel = self.page.form_panel
        if panel is not None and name in panel.editors:
            return panel.editors[name].value()
        return None

    def _highlight(self) -> None:
        for offer in self.offers:
            w = self._editor(offer.field_path)
            if w is not None and id(w) not in self._highlighted:
                self._highlighted[id(w)] = (w, w.styleSheet())
                w.setProperty("assistOffered", True)
                w.setStyleSheet(OFFERED_STYLE)
                w.setToolTip(self.tr("识别结果待确认：%1").replace("%1", str(offer.value)))

    def _unhighlight(self, path: str | None = None) -> None:
        targets = [self._editor(path)] if path is not None else [w for w, _s in self._highlighted.values()]
        for w in targets:
            if w is None or id(w) not in self._highlighted:
                continue
            widget, style = self._highlighted.pop(id(w))
            try:
                widget.setStyleSheet(style)
                widget.setProperty("assistOffered", False)
                widget.setToolTip("")
            except RuntimeError:  # the form was rebuilt meanwhile
                pass

    def highlighted_paths(self) -> list[str]:
        """The offered fields still highlighted (waiting for the clerk)."""
        return [o.field_path for o in self.offers if (w := self._editor(o.field_path)) is not None
                and bool(w.property("assistOffered"))]

    def accept(self, offer: Offer) -> None:
        """Takes one recognised value into its field (the autosave writes it)."""
        if offer not in self.offers:
            return
        where, _, name = offer.field_path.partition(".")
        page = self.page
        if where == "applicant":
            applicant = getattr(page, "applicant", None)
            if applicant is not None:
                applicant.set_value({**applicant.value(), name: offer.value})
                page.autosave.set_part("applicant", applicant.value())
        elif page.form_panel is not None and name in page.form_panel.editors:
            editor = page.form_panel.editors[name]
            editor.set_value(offer.value)
            page.autosave.set_form(name, editor.value())
        self._unhighlight(offer.field_path)
        self.offers = [o for o in self.offers if o is not offer]
        page.autosave.flush()
        if not self.offers:
            self._clear_offers()
            messages.info(page, self.tr("识别结果已采用，请与申请人核对"))
            return
        self.bar.show_offers(self.bar.title.text(), self.offers, [self._live_value(o.field_path) for o in self.offers])
        for i, button in enumerate(self.bar.buttons):
            button.clicked.connect(lambda _c=False, o=self.offers[i]: self.accept(o))

    def accept_nth(self, n: int) -> None:
        """Alt+1…Alt+9: the n-th offer shown (1-based)."""
        if 1 <= n <= len(self.offers):
            self.accept(self.offers[n - 1])

    def accept_all(self) -> None:
        for offer in list(self.offers):
            self.accept(offer)

    def ignore_offers(self) -> None:
        if self.offers:
            self._clear_offers()
            messages.info(self.page, self.tr("识别结果未采用"))

    def _clear_offers(self) -> None:
        self._unhighlight()
        self.offers = []
        self.offer_code = None
        self.bar.show_offers("", [], [])

    # -- warnings ----------------------------------------------------------------------------------------
    def _card_added(self, card: MaterialCard) -> None:
        if self.warnings.get(card.code):  # (the checklist is still being built: never ask it for its cards)
            self._show_warnings(card.code, card)

    def _show_warnings(self, code: str, card: MaterialCard | None = None) -> None:
        card = card or self.page.checklist.cards.get(code)
        if card is None:
            return
        old = card.findChild(WarningStrip)
        if old is not None:
            old.setParent(None)
            old.deleteLater()
        warnings = [w for w in self.warnings.get(code, []) if w.key not in self.dismissed]
        if not warnings:
            return
        strip = WarningStrip(warnings, card)
        strip.dismiss.clicked.connect(lambda _c=False, c=code: self.dismiss(c))
        lay = card.layout()
        assert lay is not None
        lay.insertWidget(1, strip)  # type: ignore[attr-defined]
        if card.isVisible():
            strip.show()

    def dismiss(self, code: str | None = None) -> None:
        """Alt+W: the warnings of the focused material (else of the first card that has some) go."""
        if code is None or not self.warnings.get(code):
            focused = self.page.focused_material()
            code = focused if focused and self.warnings.get(focused) else \
                next((c for c, ws in self.warnings.items() if ws), None)
        if code is None:
            return
        for w in self.warnings.pop(code, []):
            self.dismissed.add(w.key)
        self._show_warnings(code)
