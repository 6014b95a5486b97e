"""窗口助手 (F1): a question box answering from the catalog's own texts, each answer with the bundle, matter
or material it was taken from (``clerk.assist.ask``); nothing is made up, nothing is sent anywhere."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from clerk.assist import Answer, ask
from ui import ops
from ui.ops import Query
from ui.qt import QDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QTextBrowser, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from clerk.catalog.schema import Catalog


class AssistantBox(QDialog):
    """The question box. ``bundle`` is the open case's bundle (its texts first), or None for the whole catalog.

    Attributes:
        answers: the answers shown for the last question.
    """

    def __init__(self, catalog: Catalog, bundle: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("assistantBox")
        self.setWindowTitle(self.tr("窗口助手"))
        self.catalog = catalog
        self.bundle = bundle
        self.answers: list[Answer] = []
        self.resize(620, 460)
        lay = QVBoxLayout(self)
        hint = QLabel(self.tr("问材料为什么要、去哪里开、办理时限、法律依据……答案都摘自事项目录，并注明出处。"), self)
        hint.setWordWrap(True)
        hint.setObjectName("assistantHint")
        lay.addWidget(hint)
        row = QHBoxLayout()
        self.question = QLineEdit(self)
        self.question.setObjectName("assistantQuestion")
        self.question.setPlaceholderText(self.tr("例如：为什么要父亲的身份证"))
        self.question.setClearButtonEnabled(True)
        row.addWidget(self.question, 1)
        self.ask_button = QPushButton(self.tr("提问 Enter"), self)
        self.ask_button.setAutoDefault(False)
        row.addWidget(self.ask_button)
        lay.addLayout(row)
        self.view = QTextBrowser(self)
        self.view.setObjectName("assistantAnswers")
        self.view.setOpenLinks(False)
        lay.addWidget(self.view, 1)
        close = QPushButton(self.tr("关闭 Esc"), self)
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        lay.addWidget(close)
        self.question.returnPressed.connect(self.ask)
        self.ask_button.clicked.connect(self.ask)
        self.question.setFocus()

    def ask(self) -> None:
        question, catalog, bundle = self.question.text().strip(), self.catalog, self.bundle
        if not question:
            return

        def job() -> list[Answer]:
            found = ask(question, catalog, bundle=bundle) if bundle else []
            return found or ask(question, catalog)

        Query(self, job).success(self.show_answers).run_in_background()

    def show_answers(self, answers: list[Answer]) -> None:
        self.answers = answers
        if not answers:
            self.view.setHtml("<p>" + escape(self.tr("事项目录里没有找到回答这个问题的内容，请换个说法，或请教首席窗口。")) + "</p>")
            return
        parts = []
        where = self.tr("出处：")
        for a in answers:
            src = self._source(a)
            parts.append(f"<p><b>{escape(a.subject)}</b>：{escape(a.text)}<br>"
                         f"<span style='color:#666'>{escape(where)}{escape(' · '.join(src))}</span></p>")
        self.view.setHtml("".join(parts))

    def _source(self, a: Answer) -> list[str]:
        """The bundle, matter and material an answer came from, by their names in the catalog."""
        try:
            bundle = self.catalog.bundle(a.source.bundle)
        except KeyError:
            return [a.source.bundle]
        out = [bundle.name]
        matter = next((m for m in bundle.matters if m.code == a.source.matter), None)
        if a.source.matter:
            out.append(self.tr("事项 ") + (matter.name if matter is not None else a.source.matter))
        if a.source.material:
            names = [x.name for m in bundle.matters for x in m.materials if x.code == a.source.material]
            out.append(self.tr("材料 ") + (names[0] if names else a.source.material))
        return out

    def done(self, result: int) -> None:
        ops.mark_closing(self)
        super().done(result)
