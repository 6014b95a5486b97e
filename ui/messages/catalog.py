"""The core's messages in the interface language: validation problems, intake problems, queue and caller
errors, read back from the Chinese ``clerk/`` writes and said again through ``tr()``.

``clerk/`` words its messages in Chinese (the CLI prints them as they are). Each message the
screens show is listed here once as a template: the Chinese text with ``{name}`` where a value goes.
``translate(text)`` finds the template the text was made from and returns ``tr()`` of it with the
same values — the Chinese text itself in the Chinese interface, English with ``--lang en``. A value
named ``problem`` or ``detail`` is itself a core message (translated in turn); ``case_status``,
``ticket_state`` and ``move`` are core labels (shown through ``ui.labels``). Text that matches no
template is shown as it is. ``tests/ui/test_english.py`` makes every validation problem and checks
that none is left in Chinese.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from ui.qt import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "CoreText"

TEMPLATES: tuple[str, ...] = (
    # clerk.intake.validation: values as typed
    QT_TRANSLATE_NOOP("CoreText", "应为文字"),
    QT_TRANSLATE_NOOP("CoreText", "太长：{n} 个字符，最多 {max} 个"),
    QT_TRANSLATE_NOOP("CoreText", "请填写身份证号码"),
    QT_TRANSLATE_NOOP("CoreText", "身份证号码应为 18 位，现为 {n} 位"),
    QT_TRANSLATE_NOOP("CoreText", "身份证号码格式不对：前 17 位应为数字 0-9，最后一位为数字或 X（上标、圆圈等特殊数字不能用）"),
    QT_TRANSLATE_NOOP("CoreText", "身份证号码中的出生日期 {date} 不存在"),
    QT_TRANSLATE_NOOP("CoreText", "身份证号码中的出生日期 {date} 不可能"),
    QT_TRANSLATE_NOOP("CoreText", "身份证号码中的地区码 {code} 不存在"),
    QT_TRANSLATE_NOOP("CoreText", "身份证号码校验位不对，请核对是否输错"),
    QT_TRANSLATE_NOOP("CoreText", "请填写统一社会信用代码"),
    QT_TRANSLATE_NOOP("CoreText", "统一社会信用代码应为 18 位，现为 {n} 位"),
    QT_TRANSLATE_NOOP("CoreText", "统一社会信用代码校验位不对，请核对是否输错"),
    QT_TRANSLATE_NOOP("CoreText", "统一社会信用代码格式不对（不可含 I、O、Z、S、V 等字母）"),
    QT_TRANSLATE_NOOP("CoreText", "电话号码不对：手机为 1 开头的 11 位数字，座机如 0451-12345678"),
    QT_TRANSLATE_NOOP("CoreText", "护照号码应为 5 至 17 位字母或数字"),
    QT_TRANSLATE_NOOP("CoreText", "港澳居民来往内地通行证号码应为 H 或 M 开头加 8 或 10 位数字"),
    QT_TRANSLATE_NOOP("CoreText", "台湾居民来往大陆通行证号码应为 8 或 10 位数字"),
    QT_TRANSLATE_NOOP("CoreText", "外国人永久居留身份证号码应为 3 个字母加 12 位数字（旧版）或 9 开头的 18 位（新版）"),
    QT_TRANSLATE_NOOP("CoreText", "不认识的证件类型 {id_type}"),
    QT_TRANSLATE_NOOP("CoreText", "请填写证件号码"),
    QT_TRANSLATE_NOOP("CoreText", "必填"),
    QT_TRANSLATE_NOOP("CoreText", "类型不对"),
    QT_TRANSLATE_NOOP("CoreText", "日期应写成 YYYY-MM-DD，如 2026-11-22，而不是 {value}"),
    QT_TRANSLATE_NOOP("CoreText", "日期 {date} 超出合理范围"),
    QT_TRANSLATE_NOOP("CoreText", "应为数字"),
    QT_TRANSLATE_NOOP("CoreText", "应为数字，而不是 {value}"),
    QT_TRANSLATE_NOOP("CoreText", "数字超出范围"),
    QT_TRANSLATE_NOOP("CoreText", "请从选项中选择：{options}"),
    QT_TRANSLATE_NOOP("CoreText", "应为“是”或“否”"),
    QT_TRANSLATE_NOOP("CoreText", "“{bundle}”的表单没有这一项"),
    QT_TRANSLATE_NOOP("CoreText", "应为一个对象（姓名、证件类型、证件号码、电话……）"),
    QT_TRANSLATE_NOOP("CoreText", "不认识的项目"),
    QT_TRANSLATE_NOOP("CoreText", "申请人类型应为 {kinds}"),
    QT_TRANSLATE_NOOP("CoreText", " 或 "),
    QT_TRANSLATE_NOOP("CoreText", "请填写姓名"),
    QT_TRANSLATE_NOOP("CoreText", "请填写单位名称"),
    QT_TRANSLATE_NOOP("CoreText", "姓名{problem}"),
    QT_TRANSLATE_NOOP("CoreText", "单位名称{problem}"),
    QT_TRANSLATE_NOOP("CoreText", "地址{problem}"),
    QT_TRANSLATE_NOOP("CoreText", "法定代表人{problem}"),
    QT_TRANSLATE_NOOP("CoreText", "单位申请人的证件类型应为统一社会信用代码（uscc）"),
    QT_TRANSLATE_NOOP("CoreText", "个人申请人的证件类型不能是统一社会信用代码"),
    # clerk.intake.service: what stops an acceptance
    QT_TRANSLATE_NOOP("CoreText", "请填写联系电话（办理进度和领取通知要用）"),
    QT_TRANSLATE_NOOP("CoreText", "缺少“{name}”（可容缺受理：申请人签署告知承诺书后后补）"),
    QT_TRANSLATE_NOOP("CoreText", "缺少“{name}”（可调用电子证照免提交）"),
    QT_TRANSLATE_NOOP("CoreText", "缺少“{name}”"),
    QT_TRANSLATE_NOOP("CoreText", "“{name}”标为已提交，但还没有扫描或导入任何页面"),
    QT_TRANSLATE_NOOP("CoreText", "有容缺后补的材料，须申请人签署告知承诺书"),
    QT_TRANSLATE_NOOP("CoreText", "“{name}”是必需材料，不能标为无需提交"),
    QT_TRANSLATE_NOOP("CoreText", "“{name}”不在容缺受理范围内，不能后补"),
    QT_TRANSLATE_NOOP("CoreText", "“{name}”不能通过电子证照免提交"),
    QT_TRANSLATE_NOOP("CoreText", "材料已齐全，无需一次性告知，请直接受理"),
    QT_TRANSLATE_NOOP("CoreText", "请写明不予受理的理由（至少 4 个字）"),
    QT_TRANSLATE_NOOP("CoreText", "送达方式应为窗口领取（window）或邮寄（post）"),
    QT_TRANSLATE_NOOP("CoreText", "邮寄送达须填写邮寄地址"),
    QT_TRANSLATE_NOOP("CoreText", "邮寄送达须填写收件人"),
    QT_TRANSLATE_NOOP("CoreText", "邮寄地址{problem}"),
    QT_TRANSLATE_NOOP("CoreText", "收件人{problem}"),
    QT_TRANSLATE_NOOP("CoreText", "本件事的材料清单中没有这一项"),
    QT_TRANSLATE_NOOP("CoreText", "事项目录中没有“{code}”这一件事"),
    QT_TRANSLATE_NOOP("CoreText", "案件 {case_no} 已{case_status}，不能再修改"),
    QT_TRANSLATE_NOOP("CoreText", "案件 {case_no} 已{case_status}，材料不能再修改"),
    QT_TRANSLATE_NOOP("CoreText", "只能删除草稿"),
    # clerk.queueing: the caller bar and the hall screens
    QT_TRANSLATE_NOOP("CoreText", "无法连接叫号服务器，排队叫号暂不可用；受理业务不受影响，可继续办理。（{detail}）"),
    QT_TRANSLATE_NOOP("CoreText", "无法连接叫号服务器，排队叫号暂不可用；受理业务不受影响，可继续办理。"),
    QT_TRANSLATE_NOOP("CoreText", "叫号服务器暂时无法处理（{status}），请稍后再试。（{detail}）"),
    QT_TRANSLATE_NOOP("CoreText", "叫号服务器暂时无法处理（{status}），请稍后再试。"),
    QT_TRANSLATE_NOOP("CoreText", "叫号服务器要求重新登录。（{detail}）"),
    QT_TRANSLATE_NOOP("CoreText", "叫号服务器要求重新登录。"),
    QT_TRANSLATE_NOOP("CoreText", "本窗口当前没有排队号，请先叫号。"),
    QT_TRANSLATE_NOOP("CoreText", "本窗口未开放（暂停或关闭），请先开放窗口再叫号。"),
    QT_TRANSLATE_NOOP("CoreText", "该号当前为“{ticket_state}”，不能{move}"),
    QT_TRANSLATE_NOOP("CoreText", "当前号 {ticket_no} 尚未处理完：请先办结、过号或转移，再叫下一位"),
    QT_TRANSLATE_NOOP("CoreText", "叫号服务器拒绝了这个操作：{detail}"),
    QT_TRANSLATE_NOOP("CoreText", "叫号服务器拒绝了请求：{detail}"),
    QT_TRANSLATE_NOOP("CoreText", "未设置叫号服务器地址"),
    QT_TRANSLATE_NOOP("CoreText", "响应超时"),
    QT_TRANSLATE_NOOP("CoreText", "没有有效的登录凭据"),
    QT_TRANSLATE_NOOP("CoreText", "响应不是有效的 JSON"),
    QT_TRANSLATE_NOOP("CoreText", "意外的响应"),
    QT_TRANSLATE_NOOP("CoreText", "登录叫号服务器失败：{detail}"),
)
"""Every core message the screens translate, as ``tr()`` sources (context ``CoreText``)."""

_FIELD = re.compile(r"\{(\w+)\}")
RECURSIVE = frozenset({"problem", "detail"})
"""Values that are core messages themselves."""


def _labels() -> dict[str, Callable[[str], str]]:
    """Values that are core labels (Chinese in the message): label text → the UI's label."""
    from clerk.intake.model import CASE_STATUS_LABELS
    from clerk.queueing.lifecycle import MOVE_LABELS
    from clerk.queueing.model import TICKET_STATE_LABELS
    from ui import labels

    case = {text: code for code, text in CASE_STATUS_LABELS.items()}
    ticket = {text: str(code) for code, text in TICKET_STATE_LABELS.items()}
    move = {text: str(code) for code, text in MOVE_LABELS.items()}
    return {
        "kinds": lambda t: t.replace(" 或 ", QCoreApplication.translate(CONTEXT, " 或 ")),
        "case_status": lambda t: labels.case_status(case[t]) if t in case else t,
        "ticket_state": lambda t: labels.ticket_state(ticket[t]) if t in ticket else t,
        "move": lambda t: labels._label(labels.TICKET_MOVE, move[t]) if t in move else t,
    }


@lru_cache(maxsize=1)
def _compiled() -> tuple[dict[str, str], list[tuple[re.Pattern[str], str]]]:
    exact: dict[str, str] = {}
    patterns: list[tuple[re.Pattern[str], str]] = []
    for template in TEMPLATES:
        if not _FIELD.search(template):
            exact[template] = template
            continue
        parts, pos = [], 0
        for m in _FIELD.finditer(template):
            parts.append(re.escape(template[pos:m.start()]))
            parts.append(f"(?P<{m.group(1)}>.+?)")
            pos = m.end()
        parts.append(re.escape(template[pos:]))
        patterns.append((re.compile("^" + "".join(parts) + "$", re.S), template))
    # the most specific template first: the one with the most fixed text
    patterns.sort(key=lambda p: -len(_FIELD.sub("", p[1])))
    return exact, patterns


def translate(text: str) -> str:
    """``text`` (written by clerk/ in Chinese) in the interface language; unknown text as it is."""
    exact, patterns = _compiled()
    if text in exact:
        return QCoreApplication.translate(CONTEXT, text)
    for pattern, template in patterns:
        m = pattern.match(text)
        if m is None:
            continue
        values = m.groupdict()
        labels = _labels()
        for name, value in values.items():
            if name in RECURSIVE:
                values[name] = translate(value)
            elif name in labels:
                values[name] = labels[name](value)
        out = QCoreApplication.translate(CONTEXT, template)
        for name, value in values.items():
            out = out.replace("{" + name + "}", value)
        return out
    return text


def translate_problems(problems: dict[str, str]) -> dict[str, str]:
    """A ``ValidationFailed.problems`` map with every message translated.

    A form problem is ``label：problem`` (the field's catalog label, then the problem): the label is
    catalog data and stays; the problem after it is translated.
    """
    out = {}
    for key, message in problems.items():
        if key.startswith("form.") and "：" in message and translate(message) == message:
            label, _, rest = message.partition("：")
            out[key] = f"{label}：{translate(rest)}"
        else:
            out[key] = translate(message)
    return out
