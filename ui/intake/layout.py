"""The left-hand form of the intake screen, built for the open case: situations, applicant, agent, the one form.

A mixin of ``IntakePage`` (same feature): it builds the widgets the page then fills and reads.
"""

from __future__ import annotations

from typing import Any

from clerk.catalog.merge import MergedForm
from clerk.intake import persons
from clerk.intake.model import CaseView
from ui import labels
from ui.intake.autosave import Autosaver
from ui.intake.card import CardStrip
from ui.intake.checklist import ChecklistPanel
from ui.intake.form import FormPanel
from ui.intake.history import HistoryBanner
from ui.intake.person import PersonBlock
from ui.intake.person_links import PersonLinks
from ui.intake.situations import SituationPanel
from ui.qt import QCoreApplication, QGroupBox, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget


class FormLayout:
    """Builds the form part of the intake page (``_build_form`` for a case, ``_build_fields`` after a situation)."""

    form_panel: FormPanel | None = None
    situations: SituationPanel | None = None
    person_links: PersonLinks | None = None
    persons_box: QGroupBox
    applicant: PersonBlock
    agent: PersonBlock
    agent_box: QGroupBox
    history: HistoryBanner
    card_strip: CardStrip
    matters_label: QLabel
    form_box: QGroupBox
    form_layout: QVBoxLayout
    # what the page has (IntakePage)
    case: CaseView | None
    merged: MergedForm | None
    autosave: Autosaver
    checklist: ChecklistPanel
    form_scroll: QScrollArea
    accept_button: QPushButton

    def answer_situation(self, code: str, option: str | list[str]) -> None:
        raise NotImplementedError

    def _look_up_history(self, id_number: str) -> None:
        raise NotImplementedError

    def prefill(self) -> None:
        raise NotImplementedError

    def reuse_materials(self) -> None:
        raise NotImplementedError

    @staticmethod
    def _section(title: str, body: QWidget, lay: QVBoxLayout, name: str = "") -> QGroupBox:
        box = QGroupBox(title)
        if name:
            box.setObjectName(name)
        inner = QVBoxLayout(box)
        inner.setContentsMargins(14, 10, 14, 12)
        inner.addWidget(body)
        lay.addWidget(box)
        return box

    def _build_form(self, view: CaseView) -> None:
        assert self.merged is not None
        bundle = self.merged.bundle
        content = QWidget()
        content.setObjectName("formContent")
        lay = QVBoxLayout(content)
        lay.setContentsMargins(4, 0, 10, 12)
        lay.setSpacing(10)
        title = QLabel(bundle.name, content)
        title.setObjectName("bundleTitle")
        lay.addWidget(title)
        matters = QLabel(QCoreApplication.translate("IntakePage", "联办事项：") + "、".join(f"{m.name}（{m.department}）" for m in self.merged.matters), content)
        matters.setObjectName("mattersLine")
        matters.setWordWrap(True)
        self.matters_label = matters
        lay.addWidget(matters)
        self.situations = None
        if bundle.situations:
            self.situations = SituationPanel(bundle, view.situations)
            self.situations.answered.connect(self.answer_situation)
            self._section(QCoreApplication.translate("IntakePage", "情形"), self.situations, lay, "situationsBox")
        kinds = tuple(k.value for k in bundle.applicant_kinds)
        self.applicant = PersonBlock("applicant", kinds)
        self.applicant.set_value(view.applicant.model_dump())
        self.applicant.changed.connect(lambda d: self.autosave.set_part("applicant", d))
        self.applicant.changed.connect(lambda _d: self._apply_persons())
        self.applicant.left.connect(self.autosave.flush)
        self.applicant.id_confirmed.connect(self._look_up_history)
        applicant_box = QWidget()
        ab = QVBoxLayout(applicant_box)
        ab.setContentsMargins(0, 0, 0, 0)
        self.history = HistoryBanner(applicant_box)
        self.history.prefill.connect(self.prefill)
        self.history.reuse.connect(self.reuse_materials)
        ab.addWidget(self.history)
        self.card_strip = CardStrip(applicant_box)  # the ID card's photo and validity (ui/intake/card.py)
        ab.addWidget(self.card_strip)
        ab.addWidget(self.applicant)
        self._section(QCoreApplication.translate("IntakePage", "申请人"), applicant_box, lay, "applicantBox")
        self.agent_box = QGroupBox(QCoreApplication.translate("IntakePage", "有代办人（代为办理）"))
        self.agent_box.setObjectName("agentBox")
        self.agent_box.setCheckable(True)
        self.agent_box.setChecked(view.agent is not None)
        self.agent = PersonBlock("agent", ("person",), phone_required=False)
        if view.agent is not None:
            self.agent.set_value(view.agent.model_dump())
        self.agent.setVisible(view.agent is not None)
        agl = QVBoxLayout(self.agent_box)
        agl.setContentsMargins(14, 4, 14, 4)
        agl.addWidget(self.agent)
        self.agent_box.toggled.connect(self._agent_toggled)
        self.agent.changed.connect(lambda d: self.autosave.set_part("agent", d))
        self.agent.left.connect(self.autosave.flush)
        lay.addWidget(self.agent_box)
        self.persons_box = QGroupBox(QCoreApplication.translate("IntakePage", "其他人员（与申请人或已填人员相同时按数字键选择，不必再填）"))
        self.persons_box.setObjectName("personsBox")
        self.persons_layout = QVBoxLayout(self.persons_box)
        self.persons_layout.setContentsMargins(14, 8, 14, 8)
        lay.addWidget(self.persons_box)
        self.form_box = QGroupBox(QCoreApplication.translate("IntakePage", "申请表（一表申请）"))
        self.form_box.setObjectName("formBox")
        self.form_layout = QVBoxLayout(self.form_box)
        self.form_layout.setContentsMargins(14, 10, 14, 12)
        lay.addWidget(self.form_box)
        lay.addStretch(1)
        self._build_fields(view.form, view.persons)
        self.form_scroll.setWidget(content)

    def _build_fields(self, values: dict[str, Any], links: dict[str, str] | None = None) -> None:
        assert self.merged is not None
        if self.form_panel is not None:
            self.form_panel.setParent(None)
            self.form_panel.deleteLater()
        if self.person_links is not None:
            links = self.person_links.links if links is None else links
            self.person_links.setParent(None)
            self.person_links.deleteLater()
        self.person_links = PersonLinks(self.merged, links or {})
        self.person_links.changed.connect(self._links_changed)
        self.persons_layout.addWidget(self.person_links)
        self.persons_box.setVisible(not self.person_links.empty)
        self.form_panel = FormPanel(self.merged, values)
        self.form_panel.changed.connect(self.autosave.set_form)
        self.form_panel.changed.connect(lambda _c, _v: self._apply_persons())
        self.form_panel.left.connect(lambda _c: self.autosave.flush())
        self.form_panel.built.connect(self._tab_order_when_built)
        self.form_layout.addWidget(self.form_panel)

    def _links_changed(self, links: dict[str, str]) -> None:
        self.autosave.set_part("persons", links)
        self._apply_persons()
        self._tab_order_when_built()

    def _apply_persons(self) -> None:
        """Shows every field filled from a person already on the case (the applicant's own fields, and
        those of each person linked with 同申请人 …) read-only with its value, out of the Tab order."""
        if self.merged is None or self.form_panel is None or not self.form_panel.complete:
            return
        links = self.person_links.links if self.person_links is not None else {}
        editors = self.form_panel.editors
        values = {code: e.value() for code, e in editors.items()}
        filled = persons.fill_persons(values, self.applicant.value(), links, self.merged)
        sources = persons.filled_fields(self.merged, links)
        for code, editor in editors.items():
            source = sources.get(code)
            if source:
                editor.set_linked(labels.person(source), filled.get(code))
            elif editor.linked_to:
                editor.set_linked("", None)

    def _tab_order_when_built(self) -> None:
        """Tab order is set once the progressively built form and checklist are complete."""
        if self.case is not None and self.form_panel is not None and self.form_panel.complete:
            self._apply_persons()
        if self.case is not None and self.form_panel is not None and self.form_panel.complete \
                and self.checklist.complete:
            self._fix_tab_order()

    def _fix_tab_order(self) -> None:
        chain: list[QWidget] = []
        if self.situations is not None:
            chain += list(self.situations.groups.values())
        a = self.applicant
        chain += [w for w in (a.kind_row, a.name, a.id_type, a.id_number, a.phone, a.rep, a.address) if w]
        chain.append(self.agent_box)
        g = self.agent
        chain += [g.name, g.id_type, g.id_number, g.phone, g.address]
        if self.person_links is not None:
            chain += self.person_links.focus_order()
        if self.form_panel is not None:
            chain += self.form_panel.focus_order()
        for c in self.checklist.cards.values():
            chain += c.focus_order()
        chain += [self.checklist.commitment, self.accept_button]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _agent_toggled(self, on: bool) -> None:
        self.agent.setVisible(on)
        self.autosave.set_part("agent", self.agent.value() if on else None)
        if on:
            self.agent.name.setFocus()
