<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AuditDialog</name>
    <message>
        <location filename="../../ui/security/audit_view.py" line="114"/>
        <source>审计日志</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_view.py" line="123"/>
        <source>全部操作</source>
        <translation>All actions</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_view.py" line="131"/>
        <source>操作员用户名</source>
        <translation>Operator username</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_view.py" line="140"/>
        <source>查询</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_view.py" line="143"/>
        <source>校验审计链</source>
        <translation>Verify audit chain</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_view.py" line="172"/>
        <source>上一页</source>
        <translation>Previous</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_view.py" line="174"/>
        <source>下一页</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_view.py" line="217"/>
        <source>第 %1 页，本页 %2 条</source>
        <translation>Page %1, %2 entries on this page</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_view.py" line="235"/>
        <source>审计链完整：共 %1 条记录，未发现修改、删除或调换。</source>
        <translation>Audit chain intact: %1 entries, no changes, deletions or reordering found.</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_view.py" line="237"/>
        <source>审计链校验未通过：</source>
        <translation>Audit chain verification failed: </translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_view.py" line="242"/>
        <source>无法校验审计链：</source>
        <translation>Cannot verify the audit chain: </translation>
    </message>
</context>
<context>
    <name>BundlePicker</name>
    <message>
        <location filename="../../ui/intake/picker.py" line="35"/>
        <source>一件事</source>
        <translation>One-thing bundle</translation>
    </message>
    <message>
        <location filename="../../ui/intake/picker.py" line="40"/>
        <source>搜索：名称、拼音首字母、关键词</source>
        <translation>Name, pinyin initials, keyword</translation>
    </message>
    <message>
        <location filename="../../ui/intake/picker.py" line="41"/>
        <source>新建受理 (Ctrl+N)：输入后按回车选第一项，↓ 进入列表</source>
        <translation>New case (Ctrl+N): type, Enter picks the first match, ↓ enters the list</translation>
    </message>
</context>
<context>
    <name>CallerBar</name>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="146"/>
        <source>叫号 F2</source>
        <translation>Call F2</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="146"/>
        <source>叫下一位 (F2)</source>
        <translation>Call next (F2)</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="147"/>
        <source>重呼 F3</source>
        <translation>Recall F3</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="147"/>
        <source>再叫一次当前号 (F3)</source>
        <translation>Call the current ticket again (F3)</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="148"/>
        <source>开始</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="148"/>
        <source>申请人已到窗口，开始办理</source>
        <translation>The applicant is at the window: start serving</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="149"/>
        <source>办结</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="149"/>
        <source>本号办理完毕</source>
        <translation>This ticket is completed</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="150"/>
        <source>过号</source>
        <translation>No-show</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="150"/>
        <source>叫号后申请人未到</source>
        <translation>The applicant did not come after the call</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="151"/>
        <source>转移…</source>
        <translation>Transfer…</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="151"/>
        <source>转给其他业务或窗口</source>
        <translation>Transfer to another service or window</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="152"/>
        <location filename="../../ui/queue/caller_bar.py" line="212"/>
        <source>暂停</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="152"/>
        <source>暂停/开放本窗口</source>
        <translation>Pause / open this window</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="177"/>
        <source>● 叫号离线</source>
        <translation>● Calling offline</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="181"/>
        <source>● 窗口暂停</source>
        <translation>● Window paused</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="181"/>
        <source>● 窗口关闭</source>
        <translation>● Window closed</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="186"/>
        <source>● 等候 %1 人</source>
        <translation>● %1 waiting</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="190"/>
        <source>● 连接中…</source>
        <translation>● Connecting…</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="196"/>
        <source>%1（服务器上）</source>
        <translation>%1 (on the server)</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="198"/>
        <source>当前号：—</source>
        <translation>Ticket: —</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="212"/>
        <source>开放窗口</source>
        <translation>Open window</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="259"/>
        <source>暂无等候的号</source>
        <translation>No tickets waiting</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="261"/>
        <source>已叫 %1 号</source>
        <translation>Called ticket %1</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="267"/>
        <source>已重呼 %1 号</source>
        <translation>Recalled ticket %1</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="273"/>
        <source>%1 号已办结</source>
        <translation>Ticket %1 completed</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="276"/>
        <source>%1 号过号</source>
        <translation>Ticket %1: no-show</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="281"/>
        <source>%1 号已转到%2</source>
        <translation>Ticket %1 transferred to %2</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="304"/>
        <source>窗口已开放</source>
        <translation>Window open</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="306"/>
        <source>窗口已暂停，不再叫新号</source>
        <translation>Window paused: no new tickets will be called</translation>
    </message>
</context>
<context>
    <name>CameraDialog</name>
    <message>
        <location filename="../../ui/field/photo.py" line="41"/>
        <source>拍摄材料照片</source>
        <translation>Photograph material</translation>
    </message>
    <message>
        <location filename="../../ui/field/photo.py" line="47"/>
        <source>将材料平放、对准取景框后点“拍照”</source>
        <translation>Lay the material flat, line it up with the frame, then click &quot;Take photo&quot;</translation>
    </message>
    <message>
        <location filename="../../ui/field/photo.py" line="51"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/field/photo.py" line="54"/>
        <source>拍照</source>
        <translation>Take photo</translation>
    </message>
    <message>
        <location filename="../../ui/field/photo.py" line="66"/>
        <source>拍照失败：</source>
        <translation>Photo failed: </translation>
    </message>
</context>
<context>
    <name>CaseListPage</name>
    <message>
        <location filename="../../ui/cases/case_list.py" line="122"/>
        <source>受理编号、姓名、拼音首字母、身份证号码或电话 (Ctrl+F)</source>
        <translation>Case no., name, pinyin initials, ID number or phone (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list.py" line="128"/>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list.py" line="137"/>
        <source>查询</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list.py" line="166"/>
        <source>上一页</source>
        <translation>Previous</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list.py" line="168"/>
        <source>下一页</source>
        <translation>Next</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/cases/case_list.py" line="265"/>
        <source>共 %n 件</source>
        <translation>
            <numerusform>%n case</numerusform>
            <numerusform>%n cases</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list.py" line="265"/>
        <source>，第 %1/%2 页</source>
        <translation>, page %1/%2</translation>
    </message>
</context>
<context>
    <name>CaseListReveal</name>
    <message>
        <location filename="../../ui/security/reveal.py" line="30"/>
        <source>查看完整证件号码…</source>
        <translation>Show full ID number…</translation>
    </message>
    <message>
        <location filename="../../ui/security/reveal.py" line="31"/>
        <source>查看完整电话…</source>
        <translation>Show full phone…</translation>
    </message>
</context>
<context>
    <name>CaseNotices</name>
    <message>
        <location filename="../../ui/sync/notify.py" line="27"/>
        <source>已办结待领取</source>
        <translation>Completed, awaiting collection</translation>
    </message>
    <message>
        <location filename="../../ui/sync/notify.py" line="27"/>
        <source>请通知申请人领取</source>
        <translation>please tell the applicant to collect</translation>
    </message>
    <message>
        <location filename="../../ui/sync/notify.py" line="28"/>
        <source>需补正材料</source>
        <translation>Supplement needed</translation>
    </message>
    <message>
        <location filename="../../ui/sync/notify.py" line="28"/>
        <source>请通知申请人补正材料</source>
        <translation>please tell the applicant to supplement materials</translation>
    </message>
    <message>
        <location filename="../../ui/sync/notify.py" line="91"/>
        <source>
平台备注：</source>
        <translation>
Platform note: </translation>
    </message>
</context>
<context>
    <name>CasePrintMenu</name>
    <message>
        <location filename="../../ui/printing/case_menu.py" line="43"/>
        <source>打印 / 补打</source>
        <translation>Print / reprint</translation>
    </message>
    <message>
        <location filename="../../ui/printing/case_menu.py" line="45"/>
        <source>正在读取…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <location filename="../../ui/printing/case_menu.py" line="55"/>
        <source>补打</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <location filename="../../ui/printing/case_menu.py" line="55"/>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../ui/printing/case_menu.py" line="60"/>
        <source>此案件没有可打印的文书</source>
        <translation>This case has no documents to print</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/printing/case_menu.py" line="61"/>
        <source>打印记录（%n）</source>
        <translation>
            <numerusform>Print history (%n)</numerusform>
            <numerusform>Print history (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/printing/case_menu.py" line="66"/>
        <source>尚未打印过</source>
        <translation>Not printed yet</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <location filename="../../ui/cases/case_list.py" line="49"/>
        <source>受理编号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list.py" line="49"/>
        <source>一件事</source>
        <translation>One-thing bundle</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list.py" line="49"/>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list.py" line="50"/>
        <source>证件号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list.py" line="50"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list.py" line="50"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list.py" line="51"/>
        <source>创建时间</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list.py" line="51"/>
        <source>办结期限</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list.py" line="276"/>
        <source>  【即将到期】</source>
        <translation>  [due soon]</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list.py" line="276"/>
        <source>  【已超期】</source>
        <translation>  [overdue]</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list.py" line="292"/>
        <source>已超过法定办结期限</source>
        <translation>Past the statutory completion deadline</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list.py" line="293"/>
        <source>2 个工作日内到期</source>
        <translation>Due within 2 working days</translation>
    </message>
</context>
<context>
    <name>ChecklistPanel</name>
    <message>
        <location filename="../../ui/intake/checklist.py" line="265"/>
        <source>材料清单（一套材料）</source>
        <translation>Materials (one set)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="283"/>
        <source>告知承诺书已签署（有容缺后补材料时必须）</source>
        <translation>Commitment letter signed (required when a material is deferred)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/intake/checklist.py" line="348"/>
        <source>共 %n 项</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="349"/>
        <source>已提交</source>
        <translation>Provided</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="349"/>
        <source>容缺后补</source>
        <translation>Deferred</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="350"/>
        <source>免提交</source>
        <translation>E-licence</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="350"/>
        <source>无需提交</source>
        <translation>Not required</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="351"/>
        <source>缺少</source>
        <translation>Missing</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <location filename="../../ui/field/conflicts.py" line="40"/>
        <source>同步冲突：请逐件核对</source>
        <translation>Sync conflicts: check each case</translation>
    </message>
    <message>
        <location filename="../../ui/field/conflicts.py" line="43"/>
        <source>以下案件在您离线期间已被后台改变，本机对它们的操作暂未发送。请与后台核对后，选择仍然发送，或写明理由后放弃。</source>
        <translation>These cases were changed in the back office while you were offline; your actions on them have not been sent yet. Check with the back office, then send them anyway, or discard them with a reason.</translation>
    </message>
    <message>
        <location filename="../../ui/field/conflicts.py" line="52"/>
        <source>放弃本机操作的理由（至少 4 个字）</source>
        <translation>Reason for discarding the local actions (at least 4 characters)</translation>
    </message>
    <message>
        <location filename="../../ui/field/conflicts.py" line="59"/>
        <source>放弃本机操作</source>
        <translation>Discard local actions</translation>
    </message>
    <message>
        <location filename="../../ui/field/conflicts.py" line="62"/>
        <source>仍然发送本机操作</source>
        <translation>Send local actions anyway</translation>
    </message>
    <message>
        <location filename="../../ui/field/conflicts.py" line="65"/>
        <source>稍后处理</source>
        <translation>Later</translation>
    </message>
    <message>
        <location filename="../../ui/field/conflicts.py" line="89"/>
        <source>放弃本机操作须写明理由（至少 4 个字）</source>
        <translation>Discarding local actions needs a reason (at least 4 characters)</translation>
    </message>
</context>
<context>
    <name>CoreText</name>
    <message>
        <location filename="../../ui/messages/catalog.py" line="26"/>
        <source>应为文字</source>
        <translation>Should be text</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="27"/>
        <source>太长：{n} 个字符，最多 {max} 个</source>
        <translation>Too long: {n} characters, at most {max}</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="28"/>
        <source>请填写身份证号码</source>
        <translation>Please enter the ID card number</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="29"/>
        <source>身份证号码应为 18 位，现为 {n} 位</source>
        <translation>An ID card number has 18 characters, this one has {n}</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="30"/>
        <source>身份证号码格式不对：前 17 位应为数字 0-9，最后一位为数字或 X（上标、圆圈等特殊数字不能用）</source>
        <translation>Malformed ID number: the first 17 characters must be digits 0-9 and the last a digit or X (no superscript or circled digits)</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="31"/>
        <source>身份证号码中的出生日期 {date} 不存在</source>
        <translation>The birth date {date} in the ID card number does not exist</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="32"/>
        <source>身份证号码中的出生日期 {date} 不可能</source>
        <translation>The birth date {date} in the ID card number is impossible</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="33"/>
        <source>身份证号码中的地区码 {code} 不存在</source>
        <translation>The region code {code} in the ID card number does not exist</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="34"/>
        <source>身份证号码校验位不对，请核对是否输错</source>
        <translation>The ID card number&apos;s check digit is wrong; please check for a typo</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="35"/>
        <source>请填写统一社会信用代码</source>
        <translation>Please enter the unified social credit code</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="36"/>
        <source>统一社会信用代码应为 18 位，现为 {n} 位</source>
        <translation>A unified social credit code has 18 characters, this one has {n}</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="37"/>
        <source>统一社会信用代码校验位不对，请核对是否输错</source>
        <translation>The credit code&apos;s check character is wrong; please check for a typo</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="38"/>
        <source>统一社会信用代码格式不对（不可含 I、O、Z、S、V 等字母）</source>
        <translation>Credit code malformed (it cannot contain letters such as I, O, Z, S, V)</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="39"/>
        <source>电话号码不对：手机为 1 开头的 11 位数字，座机如 0451-12345678</source>
        <translation>Invalid phone number: a mobile has 11 digits starting with 1, a landline looks like 0451-12345678</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="40"/>
        <source>护照号码应为 5 至 17 位字母或数字</source>
        <translation>A passport number has 5 to 17 letters or digits</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="41"/>
        <source>港澳居民来往内地通行证号码应为 H 或 M 开头加 8 或 10 位数字</source>
        <translation>A Hong Kong/Macao permit number is H or M followed by 8 or 10 digits</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="42"/>
        <source>台湾居民来往大陆通行证号码应为 8 或 10 位数字</source>
        <translation>A Taiwan permit number has 8 or 10 digits</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="43"/>
        <source>外国人永久居留身份证号码应为 3 个字母加 12 位数字（旧版）或 9 开头的 18 位（新版）</source>
        <translation>A foreigner&apos;s permanent residence ID is 3 letters and 12 digits (old) or 18 characters starting with 9 (new)</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="44"/>
        <source>不认识的证件类型 {id_type}</source>
        <translation>Unknown ID type {id_type}</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="45"/>
        <source>请填写证件号码</source>
        <translation>Please enter the ID number</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="46"/>
        <source>必填</source>
        <translation>Required</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="47"/>
        <source>类型不对</source>
        <translation>Wrong type</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="48"/>
        <source>日期应写成 YYYY-MM-DD，如 2026-11-22，而不是 {value}</source>
        <translation>Write the date as YYYY-MM-DD, e.g. 2026-11-22, not {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="49"/>
        <source>日期 {date} 超出合理范围</source>
        <translation>The date {date} is out of range</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="50"/>
        <source>应为数字</source>
        <translation>Should be a number</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="51"/>
        <source>应为数字，而不是 {value}</source>
        <translation>Should be a number, not {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="52"/>
        <source>数字超出范围</source>
        <translation>Number out of range</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="53"/>
        <source>请从选项中选择：{options}</source>
        <translation>Please choose one of: {options}</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="54"/>
        <source>应为“是”或“否”</source>
        <translation>Should be “yes” or “no”</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="55"/>
        <source>“{bundle}”的表单没有这一项</source>
        <translation>The form of “{bundle}” has no such field</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="56"/>
        <source>应为一个对象（姓名、证件类型、证件号码、电话……）</source>
        <translation>Should be a person (name, ID type, ID number, phone …)</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="57"/>
        <source>不认识的项目</source>
        <translation>Unknown item</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="58"/>
        <source>申请人类型应为 {kinds}</source>
        <translation>The applicant type should be {kinds}</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="59"/>
        <source> 或 </source>
        <translation> or </translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="60"/>
        <source>请填写姓名</source>
        <translation>Please enter the name</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="61"/>
        <source>请填写单位名称</source>
        <translation>Please enter the organisation&apos;s name</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="62"/>
        <source>姓名{problem}</source>
        <translation>Name: {problem}</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="63"/>
        <source>单位名称{problem}</source>
        <translation>Organisation name: {problem}</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="64"/>
        <source>地址{problem}</source>
        <translation>Address: {problem}</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="65"/>
        <source>法定代表人{problem}</source>
        <translation>Legal representative: {problem}</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="66"/>
        <source>单位申请人的证件类型应为统一社会信用代码（uscc）</source>
        <translation>An organisation applies with its unified social credit code (uscc)</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="67"/>
        <source>个人申请人的证件类型不能是统一社会信用代码</source>
        <translation>A person cannot apply with a unified social credit code</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="69"/>
        <source>请填写联系电话（办理进度和领取通知要用）</source>
        <translation>Enter a phone number (for progress and pickup notices)</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="70"/>
        <source>缺少“{name}”（可容缺受理：申请人签署告知承诺书后后补）</source>
        <translation>“{name}” is missing (may be deferred: the applicant signs the commitment letter and brings it later)</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="71"/>
        <source>缺少“{name}”（可调用电子证照免提交）</source>
        <translation>“{name}” is missing (may be fetched from the e-licence library instead)</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="72"/>
        <source>缺少“{name}”</source>
        <translation>“{name}” is missing</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="73"/>
        <source>“{name}”标为已提交，但还没有扫描或导入任何页面</source>
        <translation>“{name}” is marked provided but no page was scanned or imported</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="74"/>
        <source>有容缺后补的材料，须申请人签署告知承诺书</source>
        <translation>Some materials are deferred: the applicant must sign the commitment letter</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="75"/>
        <source>“{name}”是必需材料，不能标为无需提交</source>
        <translation>“{name}” is required and cannot be marked not required</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="76"/>
        <source>“{name}”不在容缺受理范围内，不能后补</source>
        <translation>“{name}” cannot be deferred</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="77"/>
        <source>“{name}”不能通过电子证照免提交</source>
        <translation>“{name}” cannot be fetched from the e-licence library</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="78"/>
        <source>材料已齐全，无需一次性告知，请直接受理</source>
        <translation>All materials are here: no one-time notice needed, accept the case</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="79"/>
        <source>请写明不予受理的理由（至少 4 个字）</source>
        <translation>Please write the reason for the refusal (at least 4 characters)</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="80"/>
        <source>送达方式应为窗口领取（window）或邮寄（post）</source>
        <translation>Delivery is at the window (window) or by post (post)</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="81"/>
        <source>邮寄送达须填写邮寄地址</source>
        <translation>Delivery by post needs the postal address</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="82"/>
        <source>邮寄送达须填写收件人</source>
        <translation>Delivery by post needs the recipient</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="83"/>
        <source>邮寄地址{problem}</source>
        <translation>Postal address: {problem}</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="84"/>
        <source>收件人{problem}</source>
        <translation>Recipient: {problem}</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="85"/>
        <source>本件事的材料清单中没有这一项</source>
        <translation>This bundle&apos;s checklist has no such material</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="86"/>
        <source>事项目录中没有“{code}”这一件事</source>
        <translation>The catalog has no bundle “{code}”</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="87"/>
        <source>案件 {case_no} 已{case_status}，不能再修改</source>
        <translation>Case {case_no} is {case_status}: it cannot be changed any more</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="88"/>
        <source>案件 {case_no} 已{case_status}，材料不能再修改</source>
        <translation>Case {case_no} is {case_status}: its materials cannot be changed any more</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="89"/>
        <source>只能删除草稿</source>
        <translation>Only drafts can be deleted</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="91"/>
        <source>无法连接叫号服务器，排队叫号暂不可用；受理业务不受影响，可继续办理。（{detail}）</source>
        <translation>Cannot reach the queue server: calling is unavailable for now; intake is not affected, carry on. ({detail})</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="92"/>
        <source>无法连接叫号服务器，排队叫号暂不可用；受理业务不受影响，可继续办理。</source>
        <translation>Cannot reach the queue server: calling is unavailable for now; intake is not affected, carry on.</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="93"/>
        <source>叫号服务器暂时无法处理（{status}），请稍后再试。（{detail}）</source>
        <translation>The queue server cannot answer now ({status}); please try again shortly. ({detail})</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="94"/>
        <source>叫号服务器暂时无法处理（{status}），请稍后再试。</source>
        <translation>The queue server cannot answer now ({status}); please try again shortly.</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="95"/>
        <source>叫号服务器要求重新登录。（{detail}）</source>
        <translation>The queue server asks for a new login. ({detail})</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="96"/>
        <source>叫号服务器要求重新登录。</source>
        <translation>The queue server asks for a new login.</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="97"/>
        <source>本窗口当前没有排队号，请先叫号。</source>
        <translation>This window has no ticket now: call one first.</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="98"/>
        <source>本窗口未开放（暂停或关闭），请先开放窗口再叫号。</source>
        <translation>This window is not open (paused or closed): open it before calling.</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="99"/>
        <source>该号当前为“{ticket_state}”，不能{move}</source>
        <translation>The ticket is “{ticket_state}”: cannot {move}</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="100"/>
        <source>当前号 {ticket_no} 尚未处理完：请先办结、过号或转移，再叫下一位</source>
        <translation>Ticket {ticket_no} is not finished: finish, mark no-show or transfer it before calling the next</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="101"/>
        <source>叫号服务器拒绝了这个操作：{detail}</source>
        <translation>The queue server refused this move: {detail}</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="102"/>
        <source>叫号服务器拒绝了请求：{detail}</source>
        <translation>The queue server refused the request: {detail}</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="103"/>
        <source>未设置叫号服务器地址</source>
        <translation>no queue server address is set</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="104"/>
        <source>响应超时</source>
        <translation>no answer in time</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="105"/>
        <source>没有有效的登录凭据</source>
        <translation>no valid login</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="106"/>
        <source>响应不是有效的 JSON</source>
        <translation>the answer is not valid JSON</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="107"/>
        <source>意外的响应</source>
        <translation>an unexpected answer</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="108"/>
        <source>登录叫号服务器失败：{detail}</source>
        <translation>logging in to the queue server failed: {detail}</translation>
    </message>
</context>
<context>
    <name>DateRangeFilter</name>
    <message>
        <location filename="../../ui/widgets/date_range.py" line="28"/>
        <source>日期</source>
        <translation>Dates</translation>
    </message>
</context>
<context>
    <name>DisplayWindow</name>
    <message>
        <location filename="../../ui/queue/display.py" line="52"/>
        <source>叫号屏</source>
        <translation>Calling display</translation>
    </message>
    <message>
        <location filename="../../ui/queue/display.py" line="68"/>
        <source>叫号服务器连接中断，正在重试…</source>
        <translation>Lost the connection to the calling server, retrying…</translation>
    </message>
    <message>
        <location filename="../../ui/queue/display.py" line="84"/>
        <source>正在呼叫</source>
        <translation>Now calling</translation>
    </message>
    <message>
        <location filename="../../ui/queue/display.py" line="92"/>
        <location filename="../../ui/queue/display.py" line="170"/>
        <source>请留意叫号</source>
        <translation>Please listen for your number</translation>
    </message>
    <message>
        <location filename="../../ui/queue/display.py" line="97"/>
        <source>最近叫号</source>
        <translation>Recent calls</translation>
    </message>
    <message>
        <location filename="../../ui/queue/display.py" line="108"/>
        <source>各窗口当前号</source>
        <translation>Current ticket at each window</translation>
    </message>
    <message>
        <location filename="../../ui/queue/display.py" line="117"/>
        <source>等候人数</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../ui/queue/display.py" line="167"/>
        <source>请到 %1办理</source>
        <translation>Please go to %1</translation>
    </message>
    <message>
        <location filename="../../ui/queue/display.py" line="192"/>
        <source>%1：%2 人</source>
        <translation>%1: %2 waiting</translation>
    </message>
</context>
<context>
    <name>EvaluationWindow</name>
    <message>
        <location filename="../../ui/followup/evaluation.py" line="144"/>
        <source>请您评价本次服务</source>
        <translation>Please rate our service</translation>
    </message>
    <message>
        <location filename="../../ui/followup/evaluation.py" line="159"/>
        <source>工作人员照片</source>
        <translation>Staff photo</translation>
    </message>
    <message>
        <location filename="../../ui/followup/evaluation.py" line="163"/>
        <source>%1 号窗口 · 工作人员 %2</source>
        <translation>Window %1 · Staff %2</translation>
    </message>
    <message>
        <location filename="../../ui/followup/evaluation.py" line="166"/>
        <source>本次服务</source>
        <translation>This service</translation>
    </message>
    <message>
        <location filename="../../ui/followup/evaluation.py" line="167"/>
        <source>办理事项：</source>
        <translation>Service: </translation>
    </message>
    <message>
        <location filename="../../ui/followup/evaluation.py" line="173"/>
        <source>请您对本次服务进行评价</source>
        <translation>Please rate this service</translation>
    </message>
    <message>
        <location filename="../../ui/followup/evaluation.py" line="207"/>
        <source>意见或建议（可不填）</source>
        <translation>Comments or suggestions (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/followup/evaluation.py" line="219"/>
        <source>提交评价</source>
        <translation>Submit rating</translation>
    </message>
    <message>
        <location filename="../../ui/followup/evaluation.py" line="225"/>
        <source>感谢您的评价！</source>
        <translation>Thank you for your feedback!</translation>
    </message>
    <message>
        <location filename="../../ui/followup/evaluation.py" line="278"/>
        <source>请选择不满意的原因（必选，可多选）</source>
        <translation>Why were you dissatisfied? (required, choose one or more)</translation>
    </message>
    <message>
        <location filename="../../ui/followup/evaluation.py" line="279"/>
        <source>您满意的方面（可选）</source>
        <translation>What you were happy with (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/followup/evaluation.py" line="306"/>
        <source>请至少选择一个不满意的原因</source>
        <translation>Choose at least one reason for dissatisfaction</translation>
    </message>
</context>
<context>
    <name>FieldEditor</name>
    <message>
        <location filename="../../ui/intake/fields.py" line="105"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../ui/intake/fields.py" line="105"/>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../ui/intake/fields.py" line="121"/>
        <source>请选择</source>
        <translation>Please choose</translation>
    </message>
    <message>
        <location filename="../../ui/intake/fields.py" line="231"/>
        <source>如 2026-11-26</source>
        <translation>e.g. 2026-11-26</translation>
    </message>
    <message>
        <location filename="../../ui/intake/fields.py" line="232"/>
        <source>数字</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../ui/intake/fields.py" line="233"/>
        <source>手机或座机</source>
        <translation>Mobile or landline</translation>
    </message>
    <message>
        <location filename="../../ui/intake/fields.py" line="234"/>
        <source>18 位身份证号码</source>
        <translation>18-character ID number</translation>
    </message>
    <message>
        <location filename="../../ui/intake/fields.py" line="235"/>
        <source>18 位统一社会信用代码</source>
        <translation>18-character credit code</translation>
    </message>
</context>
<context>
    <name>FieldPanel</name>
    <message>
        <location filename="../../ui/field/panel.py" line="107"/>
        <source>● 检测网络…</source>
        <translation>● Checking network…</translation>
    </message>
    <message>
        <location filename="../../ui/field/panel.py" line="110"/>
        <source>准备上门清单</source>
        <translation>Prepare visit list</translation>
    </message>
    <message>
        <location filename="../../ui/field/panel.py" line="111"/>
        <source>出发前联网：下载事项目录、上门清单和申请人既往办件，供离线使用</source>
        <translation>Before leaving, while online: download the service catalogue, the visit list and applicants&apos; past cases for offline use</translation>
    </message>
    <message>
        <location filename="../../ui/field/panel.py" line="114"/>
        <source>同步回传</source>
        <translation>Sync back</translation>
    </message>
    <message>
        <location filename="../../ui/field/panel.py" line="115"/>
        <source>回到有网络的地方后上传已受理的案件；与后台冲突的操作留待人工处理</source>
        <translation>Once back online, upload the accepted cases; actions that conflict with the back office are left for manual review</translation>
    </message>
    <message>
        <location filename="../../ui/field/panel.py" line="125"/>
        <source>上门清单</source>
        <translation>Visit list</translation>
    </message>
    <message>
        <location filename="../../ui/field/panel.py" line="141"/>
        <source>开始办理此户</source>
        <translation>Start this household</translation>
    </message>
    <message>
        <location filename="../../ui/field/panel.py" line="147"/>
        <source>申请人签名</source>
        <translation>Applicant signature</translation>
    </message>
    <message>
        <location filename="../../ui/field/panel.py" line="156"/>
        <source>清除</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../ui/field/panel.py" line="159"/>
        <source>保存签名</source>
        <translation>Save signature</translation>
    </message>
    <message>
        <location filename="../../ui/field/panel.py" line="165"/>
        <source>材料拍照与回执</source>
        <translation>Material photos and receipt</translation>
    </message>
    <message>
        <location filename="../../ui/field/panel.py" line="171"/>
        <source>拍摄材料照片</source>
        <translation>Photograph material</translation>
    </message>
    <message>
        <location filename="../../ui/field/panel.py" line="174"/>
        <source>生成受理回执 PDF</source>
        <translation>Create acceptance receipt PDF</translation>
    </message>
    <message>
        <location filename="../../ui/field/panel.py" line="198"/>
        <source>● 在线</source>
        <translation>● Online</translation>
    </message>
    <message>
        <location filename="../../ui/field/panel.py" line="198"/>
        <source>● 离线（数据保存在本机）</source>
        <translation>● Offline (data kept on this device)</translation>
    </message>
    <message>
        <location filename="../../ui/field/panel.py" line="210"/>
        <source>正在准备上门清单…</source>
        <translation>Preparing the visit list…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/field/panel.py" line="220"/>
        <source>已准备 %n 户上门清单，可离线办理</source>
        <translation>
            <numerusform>Visit list ready: %n household, can be handled offline</numerusform>
            <numerusform>Visit list ready: %n households, can be handled offline</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/field/panel.py" line="226"/>
        <source>准备失败（已缓存的清单不变）：</source>
        <translation>Preparation failed (the cached list is unchanged): </translation>
    </message>
    <message>
        <location filename="../../ui/field/panel.py" line="240"/>
        <source>本机还没有上门清单：出发前请联网点“准备上门清单”。</source>
        <translation>No visit list on this device yet: before leaving, go online and click &quot;Prepare visit list&quot;.</translation>
    </message>
    <message>
        <location filename="../../ui/field/panel.py" line="242"/>
        <source>上次准备：%1 · 已缓存 %2 户 · 事项目录 %3</source>
        <translation>Last prepared: %1 · %2 households cached · catalogue %3</translation>
    </message>
    <message>
        <location filename="../../ui/field/panel.py" line="279"/>
        <source>无既往办件：按上门清单预填申请人信息。</source>
        <translation>No past cases: applicant details prefilled from the visit list.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/field/panel.py" line="281"/>
        <source>既往办件 %n 件，表单已据此预填</source>
        <translation>
            <numerusform>%n past case: the form is prefilled from it</numerusform>
            <numerusform>%n past cases: the form is prefilled from them</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/field/panel.py" line="283"/>
        <source>；可复用材料：</source>
        <translation>; reusable materials: </translation>
    </message>
    <message>
        <location filename="../../ui/field/panel.py" line="312"/>
        <source>已保存签名 %1</source>
        <translation>Signature saved %1</translation>
    </message>
    <message>
        <location filename="../../ui/field/panel.py" line="313"/>
        <source>尚未签名</source>
        <translation>Not signed yet</translation>
    </message>
    <message>
        <location filename="../../ui/field/panel.py" line="330"/>
        <source>签名已保存</source>
        <translation>Signature saved</translation>
    </message>
    <message>
        <location filename="../../ui/field/panel.py" line="354"/>
        <source>受理回执已生成：</source>
        <translation>Acceptance receipt created: </translation>
    </message>
    <message>
        <location filename="../../ui/field/panel.py" line="363"/>
        <source>正在同步…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../../ui/field/panel.py" line="375"/>
        <source>平台不可达，数据仍保存在本机，稍后再同步</source>
        <translation>Platform unreachable: the data stays on this device, sync later</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/field/panel.py" line="378"/>
        <source>同步完成：上传 %n 项</source>
        <translation>
            <numerusform>Sync done: %n item uploaded</numerusform>
            <numerusform>Sync done: %n items uploaded</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/field/panel.py" line="380"/>
        <source>；问题：</source>
        <translation>; problems: </translation>
    </message>
    <message>
        <location filename="../../ui/field/panel.py" line="388"/>
        <source>同步失败：</source>
        <translation>Sync failed: </translation>
    </message>
    <message>
        <location filename="../../ui/field/panel.py" line="406"/>
        <source>操作失败：</source>
        <translation>Failed: </translation>
    </message>
</context>
<context>
    <name>FieldWindow</name>
    <message>
        <location filename="../../ui/field/panel.py" line="43"/>
        <source>待上门</source>
        <translation>Planned</translation>
    </message>
    <message>
        <location filename="../../ui/field/panel.py" line="43"/>
        <source>办理中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../ui/field/panel.py" line="44"/>
        <source>已受理</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../ui/shell/field_window.py" line="39"/>
        <source>上门办理工作台</source>
        <translation>Home-visit workstation</translation>
    </message>
    <message>
        <location filename="../../ui/shell/field_window.py" line="63"/>
        <source>上门办理</source>
        <translation>Home visit</translation>
    </message>
    <message>
        <location filename="../../ui/shell/field_window.py" line="75"/>
        <source>工作人员：</source>
        <translation>Staff: </translation>
    </message>
</context>
<context>
    <name>FollowupAlerts</name>
    <message>
        <location filename="../../ui/queue/alerts.py" line="29"/>
        <source>差评：%1 窗口 %2%3 得分 %4（%5）：%6</source>
        <translation>Low score: window %1, %2%3, score %4 (%5): %6</translation>
    </message>
    <message>
        <location filename="../../ui/queue/alerts.py" line="33"/>
        <source>。意见：%1</source>
        <translation>. Comment: %1</translation>
    </message>
    <message>
        <location filename="../../ui/queue/alerts.py" line="42"/>
        <source>容缺超期：%1 %2（%3）的“%4”承诺 %5 前补交，已超期</source>
        <translation>Deferral overdue: %1 %2 (%3) promised “%4” by %5 and is late</translation>
    </message>
    <message>
        <location filename="../../ui/queue/alerts.py" line="82"/>
        <source>暂无容缺超期或差评</source>
        <translation>No overdue deferred materials or poor ratings</translation>
    </message>
</context>
<context>
    <name>FollowupFeature</name>
    <message>
        <location filename="../../ui/followup/__init__.py" line="39"/>
        <source>出件</source>
        <translation>Hand-out</translation>
    </message>
    <message>
        <location filename="../../ui/followup/__init__.py" line="40"/>
        <source>补正/容缺</source>
        <translation>Supplement/Deferred</translation>
    </message>
</context>
<context>
    <name>HandoutPage</name>
    <message>
        <location filename="../../ui/followup/handout.py" line="89"/>
        <source>待领取（最早办结的在前）</source>
        <translation>Awaiting collection (earliest completed first)</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="90"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="93"/>
        <source>短信通知申请人</source>
        <translation>Notify applicant by SMS</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="94"/>
        <source>通过短信网关通知申请人领取（未配置网关时只记入日志）</source>
        <translation>Tell the applicant to collect via the SMS gateway (only logged when no gateway is configured)</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="100"/>
        <source>受理编号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="100"/>
        <source>一件事</source>
        <translation>One-thing bundle</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="100"/>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="101"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="101"/>
        <source>办结时间</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="101"/>
        <source>短信通知</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="121"/>
        <source>出件</source>
        <translation>Hand-out</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="125"/>
        <source>扫描受理通知书条码，或输入受理编号 / 身份证号码，回车</source>
        <translation>Scan the acceptance notice barcode, or type the case no. / ID number and press Enter</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="129"/>
        <source>查找</source>
        <translation>Find</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="144"/>
        <location filename="../../ui/followup/handout.py" line="297"/>
        <source>尚未打开案件</source>
        <translation>No case open</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="146"/>
        <location filename="../../ui/followup/handout.py" line="298"/>
        <source>扫描申请人手中受理通知书上的条码即可打开。</source>
        <translation>Scan the barcode on the applicant&apos;s acceptance notice to open it.</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="151"/>
        <source>身份核验与送达方式</source>
        <translation>Identity check and delivery</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="155"/>
        <source>本人领取</source>
        <translation>In person</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="156"/>
        <source>他人代领</source>
        <translation>By an agent</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="157"/>
        <source>邮寄送达</source>
        <translation>By post</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="165"/>
        <source>领取方式</source>
        <translation>Collection</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="168"/>
        <location filename="../../ui/followup/handout.py" line="332"/>
        <source>读取或输入出示证件的号码</source>
        <translation>Read or type the number of the ID shown</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="170"/>
        <source>出示证件号码</source>
        <translation>ID shown</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="172"/>
        <location filename="../../ui/followup/handout.py" line="176"/>
        <source>代领人姓名</source>
        <translation>Agent name</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="174"/>
        <source>代领人证件号码（与出示证件一致）</source>
        <translation>Agent ID number (as on the ID shown)</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="175"/>
        <source>已查验申请人签署的授权委托书，原件留存</source>
        <translation>Power of attorney signed by the applicant checked; original kept</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="176"/>
        <source>代领人证件</source>
        <translation>Agent ID</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="182"/>
        <source>邮件单号（邮寄送达必填）</source>
        <translation>Tracking no. (required for post)</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="184"/>
        <source>邮件单号</source>
        <translation>Tracking no.</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="190"/>
        <source>重新生成送达回证</source>
        <translation>Regenerate delivery receipt</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="194"/>
        <source>核验并交付</source>
        <translation>Verify and hand out</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="242"/>
        <source>未通知</source>
        <translation>Not notified</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="244"/>
        <source>（邮寄）</source>
        <translation> (post)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/followup/handout.py" line="247"/>
        <source>共 %n 件待领取；双击一行打开</source>
        <translation>
            <numerusform>%n result awaiting collection; double-click a row to open</numerusform>
            <numerusform>%n results awaiting collection; double-click a row to open</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="248"/>
        <source>暂无待领取的办理结果</source>
        <translation>No results awaiting collection</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="255"/>
        <source>请先在列表中选择一件</source>
        <translation>Select a case in the list first</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="260"/>
        <source>已通知 %1（%2）</source>
        <translation>Notified %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="286"/>
        <source>没有找到与“%1”对应的案件</source>
        <translation>No case found for &quot;%1&quot;</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="305"/>
        <source>申请人：</source>
        <translation>Applicant: </translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="306"/>
        <source>状态：</source>
        <translation>Status: </translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="308"/>
        <source>申请时选择邮寄送达：</source>
        <translation>Delivery by post chosen at application: </translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="310"/>
        <source>办理结果已送达，可重新生成送达回证。</source>
        <translation>The result has been delivered; the delivery receipt can be regenerated.</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="312"/>
        <source>此案件当前不能出件（尚未办结）。</source>
        <translation>This case cannot be handed out yet (not completed).</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="332"/>
        <source>邮寄送达可不填</source>
        <translation>Optional for delivery by post</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="354"/>
        <source>申请人本人</source>
        <translation>the applicant</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="354"/>
        <source>代领人</source>
        <translation>agent</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="354"/>
        <source>邮寄</source>
        <translation>post</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="355"/>
        <source>已交付：%1，领取人 %2 %3</source>
        <translation>Handed out: %1, received by %2 %3</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="358"/>
        <source>，邮件单号 %1</source>
        <translation>, tracking no. %1</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="392"/>
        <source>本机没有这件的送达记录</source>
        <translation>No delivery record for this case on this computer</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="403"/>
        <source>送达回证已生成：</source>
        <translation>Delivery receipt created: </translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="414"/>
        <source>不能交付：</source>
        <translation>Cannot hand out: </translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="422"/>
        <source>操作失败：</source>
        <translation>Failed: </translation>
    </message>
</context>
<context>
    <name>HistoryBanner</name>
    <message>
        <location filename="../../ui/intake/history.py" line="30"/>
        <source>智能预填</source>
        <translation>Prefill</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/intake/history.py" line="47"/>
        <source>此申请人曾办理 %n 件，最近一次：</source>
        <translation>
            <numerusform>This applicant has %n earlier case, latest: </numerusform>
            <numerusform>This applicant has %n earlier cases, latest: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/intake/history.py" line="50"/>
        <source>复用材料 %n 项</source>
        <translation>
            <numerusform>Reuse %n material</numerusform>
            <numerusform>Reuse %n materials</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HourChart</name>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="80"/>
        <source>等候人数峰值</source>
        <translation>Peak waiting</translation>
    </message>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="80"/>
        <source>办结人数</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="102"/>
        <source>%1时</source>
        <translation>%1h</translation>
    </message>
</context>
<context>
    <name>IdleGuard</name>
    <message>
        <location filename="../../ui/security/idle_lock.py" line="210"/>
        <source>解锁失败：</source>
        <translation>Unlock failed: </translation>
    </message>
</context>
<context>
    <name>InboxBanner</name>
    <message>
        <location filename="../../ui/intake/inbox_banner.py" line="38"/>
        <source>导入到该材料</source>
        <translation>Import into this material</translation>
    </message>
    <message>
        <location filename="../../ui/intake/inbox_banner.py" line="42"/>
        <source>忽略</source>
        <translation>Ignore</translation>
    </message>
    <message>
        <location filename="../../ui/intake/inbox_banner.py" line="85"/>
        <source>扫描文件夹收到：%1</source>
        <translation>Scan folder received: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/intake/inbox_banner.py" line="87"/>
        <source>（还有 %n 个）</source>
        <translation>
            <numerusform> (%n more)</numerusform>
            <numerusform> (%n more)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/intake/inbox_banner.py" line="89"/>
        <source>&#x3000;— 打开案件后可以导入</source>
        <translation> — open a case to import it</translation>
    </message>
</context>
<context>
    <name>IntakePage</name>
    <message>
        <location filename="../../ui/intake/page.py" line="84"/>
        <source>自动保存失败：</source>
        <translation>Autosave failed: </translation>
    </message>
    <message>
        <location filename="../../ui/intake/page.py" line="95"/>
        <source>继续办理最近的草稿</source>
        <translation>Continue the latest draft</translation>
    </message>
    <message>
        <location filename="../../ui/intake/page.py" line="99"/>
        <source>查看全部草稿</source>
        <translation>All drafts</translation>
    </message>
    <message>
        <location filename="../../ui/intake/page.py" line="137"/>
        <source>不予受理…</source>
        <translation>Refuse…</translation>
    </message>
    <message>
        <location filename="../../ui/intake/page.py" line="140"/>
        <source>一次性告知</source>
        <translation>One-time notice</translation>
    </message>
    <message>
        <location filename="../../ui/intake/page.py" line="142"/>
        <source>材料不齐且不能容缺时，一次告知需补正的全部材料</source>
        <translation>When materials are missing and cannot be deferred, list everything missing at once</translation>
    </message>
    <message>
        <location filename="../../ui/intake/page.py" line="144"/>
        <source>受理 (Ctrl+Enter)</source>
        <translation>Accept (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/page.py" line="146"/>
        <source>检查全部内容并受理 (Ctrl+Enter)</source>
        <translation>Check everything and accept (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/page.py" line="186"/>
        <source>%1 号已叫到：请选择要办理的事项</source>
        <translation>Ticket %1 called: choose the service to handle</translation>
    </message>
    <message>
        <location filename="../../ui/intake/page.py" line="213"/>
        <source>无法开始受理：</source>
        <translation>Cannot start intake: </translation>
    </message>
    <message>
        <location filename="../../ui/intake/page.py" line="278"/>
        <source>未填姓名</source>
        <translation>(no name)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/intake/page.py" line="279"/>
        <source>有 %n 份未办完的草稿。最近：</source>
        <translation>
            <numerusform>%n unfinished draft. Latest: </numerusform>
            <numerusform>%n unfinished drafts. Latest: </numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/intake/page.py" line="291"/>
        <source>请在左侧选择要办理的一件事（Ctrl+N 搜索，可输入拼音首字母）</source>
        <translation>Choose a bundle on the left (Ctrl+N to search; pinyin initials work)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/page.py" line="296"/>
        <source>未打开案件</source>
        <translation>No case open</translation>
    </message>
    <message>
        <location filename="../../ui/intake/layout.py" line="75"/>
        <location filename="../../ui/intake/page.py" line="335"/>
        <source>联办事项：</source>
        <translation>Matters: </translation>
    </message>
    <message>
        <location filename="../../ui/intake/layout.py" line="84"/>
        <source>情形</source>
        <translation>Situation</translation>
    </message>
    <message>
        <location filename="../../ui/intake/layout.py" line="99"/>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/intake/layout.py" line="100"/>
        <source>有代办人（代为办理）</source>
        <translation>Agent acting for the applicant</translation>
    </message>
    <message>
        <location filename="../../ui/intake/layout.py" line="115"/>
        <source>申请表（一表申请）</source>
        <translation>Application form (one form)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/page.py" line="313"/>
        <source>已自动保存 %1</source>
        <translation>Autosaved %1</translation>
    </message>
    <message>
        <location filename="../../ui/intake/page.py" line="354"/>
        <source>导入中…</source>
        <translation>Importing…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/intake/page.py" line="361"/>
        <source>已导入 %n 个文件</source>
        <translation>
            <numerusform>Imported %n file</numerusform>
            <numerusform>Imported %n files</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/intake/page.py" line="403"/>
        <source>已按历史记录预填，请与申请人核对</source>
        <translation>Prefilled from history; check with the applicant</translation>
    </message>
    <message>
        <location filename="../../ui/intake/page.py" line="435"/>
        <source>有容缺后补的材料，须申请人签署告知承诺书</source>
        <translation>Some materials are deferred: the applicant must sign the commitment letter</translation>
    </message>
    <message>
        <location filename="../../ui/intake/page.py" line="436"/>
        <source>上门受理须有申请人签名（在左侧签名板签名并保存）</source>
        <translation>Home-visit intake needs the applicant&apos;s signature (sign on the pad on the left and save)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/page.py" line="461"/>
        <source>申请人联系电话</source>
        <translation>Applicant phone</translation>
    </message>
    <message>
        <location filename="../../ui/intake/page.py" line="461"/>
        <source>申请人证件号码</source>
        <translation>Applicant ID number</translation>
    </message>
    <message>
        <location filename="../../ui/intake/files.py" line="36"/>
        <source>%1：无法读取（%2）</source>
        <translation>%1: cannot be read (%2)</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="98"/>
        <location filename="../../ui/queue/kiosk.py" line="122"/>
        <source>自助取号</source>
        <translation>Self-service tickets</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="130"/>
        <source>① 请选择取号类别</source>
        <translation>① Choose a ticket type</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="151"/>
        <source>请输入预约码（短信或“掌上办”中的预约码）</source>
        <translation>Enter your appointment code (from the SMS or the mobile app)</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="154"/>
        <source>② 请点击要办理的业务</source>
        <translation>② Tap the service you need</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="174"/>
        <source>您的排队号</source>
        <translation>Your ticket number</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="194"/>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="226"/>
        <source>等候 %1 人</source>
        <translation>%1 waiting</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="246"/>
        <source>请先输入预约码</source>
        <translation>Enter the appointment code first</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="279"/>
        <source>（%1优先）</source>
        <translation> (%1 priority)</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="280"/>
        <source>%1%2 · 前面还有 %3 人</source>
        <translation>%1%2 · %3 ahead of you</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="283"/>
        <source>请取走小票，留意大厅屏幕和语音叫号</source>
        <translation>Please take your ticket and watch the hall screen and listen for your number</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="285"/>
        <source>小票未能打印（%1），请记下您的号码</source>
        <translation>The ticket could not be printed (%1); please note your number</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="287"/>
        <source>本机未连接打印机，请记下您的号码，留意大厅屏幕和语音叫号</source>
        <translation>No printer connected: please note your number and watch the hall screen and listen for your number</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../ui/labels.py" line="23"/>
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="24"/>
        <source>已受理</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="25"/>
        <source>已一次性告知</source>
        <translation>One-time notice issued</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="26"/>
        <source>不予受理</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="27"/>
        <source>平台已接收</source>
        <translation>Received by the platform</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="28"/>
        <source>审核中</source>
        <translation>In review</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="29"/>
        <source>需补正</source>
        <translation>Supplement required</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="30"/>
        <location filename="../../ui/labels.py" line="69"/>
        <source>已办结</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="31"/>
        <source>不予许可</source>
        <translation>Denied</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="32"/>
        <source>待领取</source>
        <translation>Ready for pickup</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="33"/>
        <source>已送达</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="37"/>
        <source>缺少</source>
        <translation>Missing</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="38"/>
        <source>已提交</source>
        <translation>Provided</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="39"/>
        <source>容缺后补</source>
        <translation>Deferred</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="40"/>
        <source>电子证照免提交</source>
        <translation>E-licence (waived)</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="41"/>
        <source>无需提交</source>
        <translation>Not required</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="45"/>
        <source>受理通知书</source>
        <translation>Acceptance notice</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="46"/>
        <source>一次性告知单</source>
        <translation>One-time notice</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="47"/>
        <source>容缺受理告知承诺书</source>
        <translation>Commitment letter (deferred materials)</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="48"/>
        <source>不予受理通知书</source>
        <translation>Refusal notice</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="49"/>
        <source>材料标签</source>
        <translation>Material labels</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="50"/>
        <source>材料分隔页</source>
        <translation>Separator sheets</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="51"/>
        <source>送达回证</source>
        <translation>Delivery receipt</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="52"/>
        <source>补正材料通知书</source>
        <translation>Supplement notice</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="57"/>
        <source>居民身份证</source>
        <translation>Resident ID card</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="58"/>
        <source>护照</source>
        <translation>Passport</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="59"/>
        <source>港澳居民来往内地通行证</source>
        <translation>Hong Kong/Macao travel permit</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="60"/>
        <source>台湾居民来往大陆通行证</source>
        <translation>Taiwan travel permit</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="61"/>
        <source>外国人永久居留身份证</source>
        <translation>Foreigner&apos;s permanent residence ID</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="62"/>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="66"/>
        <source>等候中</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="67"/>
        <source>已叫号</source>
        <translation>Called</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="68"/>
        <source>办理中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="70"/>
        <location filename="../../ui/labels.py" line="94"/>
        <source>过号</source>
        <translation>No-show</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="71"/>
        <source>暂挂</source>
        <translation>Parked</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="72"/>
        <source>已截止</source>
        <translation>Closed at closing time</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="76"/>
        <source>普通</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="77"/>
        <source>老年人</source>
        <translation>Elderly</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="78"/>
        <source>残疾人</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="79"/>
        <source>孕妇</source>
        <translation>Pregnant</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="80"/>
        <source>预约</source>
        <translation>Appointment</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="84"/>
        <source>开放</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="85"/>
        <source>暂停</source>
        <translation>Paused</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="86"/>
        <source>关闭</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="90"/>
        <source>叫号</source>
        <translation>call</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="91"/>
        <source>重呼</source>
        <translation>recall</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="92"/>
        <source>开始办理</source>
        <translation>start</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="93"/>
        <source>办结</source>
        <translation>finish</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="95"/>
        <source>转移</source>
        <translation>transfer</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="99"/>
        <source>综合受理</source>
        <translation>Intake</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="100"/>
        <source>出件</source>
        <translation>Hand-out</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="101"/>
        <source>咨询</source>
        <translation>Enquiries</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="106"/>
        <source>待打印</source>
        <translation>Waiting to print</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="107"/>
        <source>已打印</source>
        <translation>Printed</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="108"/>
        <source>打印失败</source>
        <translation>Print failed</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="109"/>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="113"/>
        <source>非常不满意</source>
        <translation>Very dissatisfied</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="114"/>
        <source>不满意</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="115"/>
        <source>基本满意</source>
        <translation>Fairly satisfied</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="116"/>
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="117"/>
        <source>非常满意</source>
        <translation>Very satisfied</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="171"/>
        <source>%1 号窗口</source>
        <translation>Window %1</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="172"/>
        <source>%1 窗口</source>
        <translation>%1 window</translation>
    </message>
</context>
<context>
    <name>LockOverlay</name>
    <message>
        <location filename="../../ui/security/idle_lock.py" line="58"/>
        <source>屏幕已锁定</source>
        <translation>Screen locked</translation>
    </message>
    <message>
        <location filename="../../ui/security/idle_lock.py" line="65"/>
        <source>本人或大厅管理人员输入密码解锁；表单内容保持不变。</source>
        <translation>You or a hall supervisor can unlock with a password; the form stays as it is.</translation>
    </message>
    <message>
        <location filename="../../ui/security/idle_lock.py" line="71"/>
        <source>用户名</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../../ui/security/idle_lock.py" line="75"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/security/idle_lock.py" line="85"/>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../ui/security/idle_lock.py" line="97"/>
        <source>操作员：</source>
        <translation>Operator: </translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/security/login.py" line="82"/>
        <location filename="../../ui/security/login.py" line="88"/>
        <source>切换操作员</source>
        <translation>Switch operator</translation>
    </message>
    <message>
        <location filename="../../ui/security/login.py" line="82"/>
        <source>操作员登录</source>
        <translation>Operator login</translation>
    </message>
    <message>
        <location filename="../../ui/security/login.py" line="88"/>
        <source>综合窗口受理工作台</source>
        <translation>Comprehensive window workstation</translation>
    </message>
    <message>
        <location filename="../../ui/security/login.py" line="100"/>
        <source>工号或用户名</source>
        <translation>Staff no. or username</translation>
    </message>
    <message>
        <location filename="../../ui/security/login.py" line="111"/>
        <source>用户名</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../../ui/security/login.py" line="112"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/security/login.py" line="113"/>
        <source>窗口号</source>
        <translation>Window no.</translation>
    </message>
    <message>
        <location filename="../../ui/security/login.py" line="117"/>
        <source>联网登录：</source>
        <translation>Online login: </translation>
    </message>
    <message>
        <location filename="../../ui/security/login.py" line="117"/>
        <source>未配置平台地址：使用本机记录的密码离线登录</source>
        <translation>No platform address configured: offline login with the password recorded on this computer</translation>
    </message>
    <message>
        <location filename="../../ui/security/login.py" line="129"/>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../ui/security/login.py" line="136"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/security/login.py" line="136"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/security/login.py" line="152"/>
        <source>请输入用户名和密码</source>
        <translation>Enter the username and password</translation>
    </message>
    <message>
        <location filename="../../ui/security/login.py" line="156"/>
        <source>窗口号应为 1–8 位大写字母或数字，例如 W03</source>
        <translation>The window no. must be 1–8 capital letters or digits, e.g. W03</translation>
    </message>
    <message>
        <location filename="../../ui/security/login.py" line="170"/>
        <source>正在登录…</source>
        <translation>Logging in…</translation>
    </message>
    <message>
        <location filename="../../ui/security/login.py" line="197"/>
        <source>登录失败：</source>
        <translation>Login failed: </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/shell/main_window.py" line="33"/>
        <location filename="../../ui/shell/main_window.py" line="84"/>
        <source>综合窗口受理工作台</source>
        <translation>Comprehensive window workstation</translation>
    </message>
    <message>
        <location filename="../../ui/intake/__init__.py" line="23"/>
        <location filename="../../ui/shell/main_window.py" line="50"/>
        <source>综合受理</source>
        <translation>Intake</translation>
    </message>
    <message>
        <location filename="../../ui/cases/__init__.py" line="18"/>
        <location filename="../../ui/cases/__init__.py" line="19"/>
        <source>案件查询</source>
        <translation>Cases</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="96"/>
        <source>操作员：%1 · 窗口 %2</source>
        <translation>Operator: %1 · Window %2</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="47"/>
        <source>正在打开本地数据…</source>
        <translation>Opening local data…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="67"/>
        <source>综合窗口受理</source>
        <translation>Comprehensive window</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="73"/>
        <source>演示模式</source>
        <translation>Demo</translation>
    </message>
    <message>
        <location filename="../../ui/intake/__init__.py" line="33"/>
        <source>新建受理</source>
        <translation>New case</translation>
    </message>
    <message>
        <location filename="../../ui/intake/__init__.py" line="34"/>
        <source>受理</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../../ui/intake/__init__.py" line="35"/>
        <source>立即保存</source>
        <translation>Save now</translation>
    </message>
    <message>
        <location filename="../../ui/queue/__init__.py" line="24"/>
        <source>叫下一位</source>
        <translation>Call next</translation>
    </message>
    <message>
        <location filename="../../ui/queue/__init__.py" line="25"/>
        <source>重呼</source>
        <translation>Recall</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/shell/demo.py" line="132"/>
        <source>已生成 %n 件演示案件</source>
        <translation>
            <numerusform>Created %n demo case</numerusform>
            <numerusform>Created %n demo cases</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MaterialCard</name>
    <message>
        <location filename="../../ui/intake/checklist.py" line="108"/>
        <source>必需</source>
        <translation>Required</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="108"/>
        <source>非必需</source>
        <translation>Optional</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="110"/>
        <source>可容缺</source>
        <translation>Deferrable</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="112"/>
        <source>免提交</source>
        <translation>E-licence</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/intake/checklist.py" line="120"/>
        <source>原件 %n 份</source>
        <translation>
            <numerusform>%n original</numerusform>
            <numerusform>%n originals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/intake/checklist.py" line="122"/>
        <source>复印件 %n 份</source>
        <translation>
            <numerusform>%n copy</numerusform>
            <numerusform>%n copies</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="123"/>
        <source>用于：</source>
        <translation>For: </translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="145"/>
        <source>导入文件…</source>
        <translation>Import files…</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="147"/>
        <source>选择 PDF 或图片，也可以把文件拖到这一项上</source>
        <translation>Choose PDFs or images, or drop files onto this item</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/intake/checklist.py" line="188"/>
        <source>%n 页</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="188"/>
        <source>未导入</source>
        <translation>No files</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="191"/>
        <source>须于 %1 前补交</source>
        <translation>Due by %1</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="221"/>
        <source>导入材料：%1</source>
        <translation>Import material: %1</translation>
    </message>
</context>
<context>
    <name>MaterialsFeature</name>
    <message>
        <location filename="../../ui/materials/__init__.py" line="54"/>
        <source>扫描文件夹 %1 无法使用：</source>
        <translation>Scan folder %1 cannot be used: </translation>
    </message>
    <message>
        <location filename="../../ui/materials/__init__.py" line="68"/>
        <source>请先关闭当前对话框，再扫描案件条码</source>
        <translation>Close the open dialog before scanning a case barcode</translation>
    </message>
    <message>
        <location filename="../../ui/materials/__init__.py" line="72"/>
        <source>没有找到案件 %1</source>
        <translation>Case %1 not found</translation>
    </message>
    <message>
        <location filename="../../ui/materials/__init__.py" line="79"/>
        <source>已打开案件 %1</source>
        <translation>Opened case %1</translation>
    </message>
    <message>
        <location filename="../../ui/materials/__init__.py" line="82"/>
        <source>案件 %1 已%2，在案件查询中显示</source>
        <translation>Case %1 is %2: shown in Cases</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../ui/messages/__init__.py" line="102"/>
        <source>操作失败：</source>
        <translation>Failed: </translation>
    </message>
</context>
<context>
    <name>Notice</name>
    <message>
        <location filename="../../ui/sync/notify.py" line="53"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="141"/>
        <source>已受理</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="141"/>
        <source>已一次性告知</source>
        <translation>One-time notice issued</translation>
    </message>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="141"/>
        <source>不予受理</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="151"/>
        <source>一件事：</source>
        <translation>Bundle: </translation>
    </message>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="151"/>
        <source>申请人：</source>
        <translation>Applicant: </translation>
    </message>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="153"/>
        <source>法定办结日期：</source>
        <translation>Legal due date: </translation>
    </message>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="155"/>
        <source>请申请人于 %1 前补齐材料</source>
        <translation>The applicant must bring the missing materials by %1</translation>
    </message>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="157"/>
        <source>容缺后补：</source>
        <translation>Deferred: </translation>
    </message>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="159"/>
        <source>缺少：</source>
        <translation>Missing: </translation>
    </message>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="161"/>
        <source>理由：</source>
        <translation>Reason: </translation>
    </message>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="167"/>
        <source>打印 (Ctrl+P)</source>
        <translation>Print (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="171"/>
        <source>打印组件尚未接入</source>
        <translation>Printing is not connected yet</translation>
    </message>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="174"/>
        <source>下一件 (Ctrl+N)</source>
        <translation>Next case (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="177"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>PageStrip</name>
    <message>
        <location filename="../../ui/intake/thumbs.py" line="113"/>
        <source>第 %1 页：%2</source>
        <translation>Page %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/intake/thumbs.py" line="114"/>
        <source>（疑似空白页）</source>
        <translation> (possibly blank)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/thumbs.py" line="127"/>
        <source>+%1 页</source>
        <translation>+%1 pages</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/intake/thumbs.py" line="132"/>
        <source>%n 页疑似空白</source>
        <translation>
            <numerusform>%n page possibly blank</numerusform>
            <numerusform>%n pages possibly blank</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PageViewer</name>
    <message>
        <location filename="../../ui/intake/viewer.py" line="102"/>
        <source>材料页面：%1</source>
        <translation>Material pages: %1</translation>
    </message>
    <message>
        <location filename="../../ui/intake/viewer.py" line="114"/>
        <source>删除这些空白页</source>
        <translation>Delete these blank pages</translation>
    </message>
    <message>
        <location filename="../../ui/intake/viewer.py" line="148"/>
        <source>正在显示…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../ui/intake/viewer.py" line="164"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/intake/viewer.py" line="193"/>
        <source>适合窗口</source>
        <translation>Fit to window</translation>
    </message>
    <message>
        <location filename="../../ui/intake/viewer.py" line="201"/>
        <source>⟲ 左转</source>
        <translation>⟲ Left</translation>
    </message>
    <message>
        <location filename="../../ui/intake/viewer.py" line="202"/>
        <source>⟳ 右转</source>
        <translation>⟳ Right</translation>
    </message>
    <message>
        <location filename="../../ui/intake/viewer.py" line="203"/>
        <source>← 前移</source>
        <translation>← Earlier</translation>
    </message>
    <message>
        <location filename="../../ui/intake/viewer.py" line="203"/>
        <source>Alt+← ；也可以拖动左侧的页面</source>
        <translation>Alt+←; you can also drag the pages on the left</translation>
    </message>
    <message>
        <location filename="../../ui/intake/viewer.py" line="204"/>
        <source>后移 →</source>
        <translation>Later →</translation>
    </message>
    <message>
        <location filename="../../ui/intake/viewer.py" line="205"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ui/intake/viewer.py" line="206"/>
        <source>替换…</source>
        <translation>Replace…</translation>
    </message>
    <message>
        <location filename="../../ui/intake/viewer.py" line="207"/>
        <source>用另一个文件替换这一页</source>
        <translation>Replace this page with another file</translation>
    </message>
    <message>
        <location filename="../../ui/intake/viewer.py" line="216"/>
        <source>移到该材料</source>
        <translation>Move to material</translation>
    </message>
    <message>
        <location filename="../../ui/intake/viewer.py" line="250"/>
        <source>第 %1 页疑似空白（可能是双面扫描的背面），是否删除？</source>
        <translation>Page %1 looks blank (maybe the back of a duplex scan). Delete it?</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/intake/viewer.py" line="252"/>
        <source>共 %n 页</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/intake/viewer.py" line="259"/>
        <source> · 空白?</source>
        <translation> · blank?</translation>
    </message>
    <message>
        <location filename="../../ui/intake/viewer.py" line="273"/>
        <source>这份材料没有页面</source>
        <translation>This material has no pages</translation>
    </message>
    <message>
        <location filename="../../ui/intake/viewer.py" line="407"/>
        <source>用文件替换这一页</source>
        <translation>Replace this page with a file</translation>
    </message>
    <message>
        <location filename="../../ui/intake/viewer.py" line="419"/>
        <source>操作失败：</source>
        <translation>Failed: </translation>
    </message>
</context>
<context>
    <name>PersonBlock</name>
    <message>
        <location filename="../../ui/intake/person.py" line="59"/>
        <source>个人</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../ui/intake/person.py" line="59"/>
        <source>单位（企业）</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../ui/intake/person.py" line="64"/>
        <source>申请人类型</source>
        <translation>Applicant type</translation>
    </message>
    <message>
        <location filename="../../ui/intake/person.py" line="78"/>
        <source>18 位号码，末位可为 X</source>
        <translation>18 characters, last may be X</translation>
    </message>
    <message>
        <location filename="../../ui/intake/person.py" line="79"/>
        <source>证件类型</source>
        <translation>ID type</translation>
    </message>
    <message>
        <location filename="../../ui/intake/person.py" line="81"/>
        <source>证件号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../ui/intake/person.py" line="85"/>
        <source>手机或座机</source>
        <translation>Mobile or landline</translation>
    </message>
    <message>
        <location filename="../../ui/intake/person.py" line="86"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/intake/person.py" line="89"/>
        <source>法定代表人</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <location filename="../../ui/intake/person.py" line="94"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/intake/person.py" line="123"/>
        <source>单位名称</source>
        <translation>Organisation name</translation>
    </message>
    <message>
        <location filename="../../ui/intake/person.py" line="123"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/intake/person.py" line="194"/>
        <source>请填写联系电话（办理进度和领取通知要用）</source>
        <translation>Enter a phone number (for progress and pickup notices)</translation>
    </message>
</context>
<context>
    <name>PhotoTaker</name>
    <message>
        <location filename="../../ui/field/photo.py" line="96"/>
        <source>选择材料照片（未检测到摄像头）</source>
        <translation>Choose material photos (no camera found)</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <location filename="../../ui/printing/preview.py" line="82"/>
        <source>打印预览</source>
        <translation>Print preview</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="97"/>
        <source>◀ 上一页</source>
        <translation>◀ Previous</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="104"/>
        <source>下一页 ▶</source>
        <translation>Next ▶</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="111"/>
        <source>缩小 (Ctrl+-)</source>
        <translation>Zoom out (Ctrl+-)</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="116"/>
        <source>适合页面</source>
        <translation>Fit page</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="121"/>
        <source>放大 (Ctrl++)</source>
        <translation>Zoom in (Ctrl++)</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="131"/>
        <source>正在生成文书…</source>
        <translation>Creating documents…</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="156"/>
        <source>文书</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="163"/>
        <source>此文书已打印过，本次为补打（每页标注“补打”及时间）</source>
        <translation>This document was printed before: this is a reprint (each page is marked &quot;Reprint&quot; with the time)</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="170"/>
        <source>打印到</source>
        <translation>Print to</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="176"/>
        <source>打印 (Ctrl+P)</source>
        <translation>Print (Ctrl+P)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/printing/preview.py" line="183"/>
        <source>全部打印（%n 份）</source>
        <translation>
            <numerusform>Print all (%n document)</numerusform>
            <numerusform>Print all (%n documents)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="195"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="217"/>
        <source>无法生成文书：</source>
        <translation>Cannot create the documents: </translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="245"/>
        <source>第 %1 / %2 页</source>
        <translation>Page %1 / %2</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="281"/>
        <source>缩放 %1%</source>
        <translation>Zoom %1%</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="307"/>
        <source>正在打印…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="323"/>
        <source>已打印：</source>
        <translation>Printed: </translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="325"/>
        <source>未打印，已留在打印队列（可在状态栏“打印队列”中重试）：</source>
        <translation>Not printed; kept in the print queue (retry from &quot;Print queue&quot; in the status bar): </translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="332"/>
        <source>无法打印：</source>
        <translation>Cannot print: </translation>
    </message>
    <message>
        <location filename="../../ui/printing/pages.py" line="51"/>
        <source>无法开始打印（打印机不可用）</source>
        <translation>Cannot start printing (printer unavailable)</translation>
    </message>
</context>
<context>
    <name>PrintQueueBadge</name>
    <message>
        <location filename="../../ui/printing/queue_view.py" line="79"/>
        <source>打印队列 %1</source>
        <translation>Print queue %1</translation>
    </message>
    <message>
        <location filename="../../ui/printing/queue_view.py" line="80"/>
        <source>待打印 %1 份，失败 %2 份：点击查看、重试或取消</source>
        <translation>%1 waiting, %2 failed: click to view, retry or cancel</translation>
    </message>
</context>
<context>
    <name>PrintQueueDialog</name>
    <message>
        <location filename="../../ui/printing/queue_view.py" line="33"/>
        <source>文书</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../ui/printing/queue_view.py" line="33"/>
        <source>打印机</source>
        <translation>Printer</translation>
    </message>
    <message>
        <location filename="../../ui/printing/queue_view.py" line="33"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/printing/queue_view.py" line="33"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/printing/queue_view.py" line="34"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/printing/queue_view.py" line="112"/>
        <source>打印队列</source>
        <translation>Print queue</translation>
    </message>
    <message>
        <location filename="../../ui/printing/queue_view.py" line="116"/>
        <source>以下文书尚未打印。打印机恢复后点“重试”；也可改用其他打印机，或取消不再打印的任务。</source>
        <translation>These documents have not been printed. Click &quot;Retry&quot; once the printer is back; you can also use another printer, or cancel jobs no longer needed.</translation>
    </message>
    <message>
        <location filename="../../ui/printing/queue_view.py" line="135"/>
        <source>重试到：</source>
        <translation>Retry on: </translation>
    </message>
    <message>
        <location filename="../../ui/printing/queue_view.py" line="136"/>
        <source>原打印机</source>
        <translation>Original printer</translation>
    </message>
    <message>
        <location filename="../../ui/printing/queue_view.py" line="141"/>
        <source>重试</source>
        <translation>Retry</translation>
    </message>
    <message>
        <location filename="../../ui/printing/queue_view.py" line="145"/>
        <source>取消任务</source>
        <translation>Cancel job</translation>
    </message>
    <message>
        <location filename="../../ui/printing/queue_view.py" line="155"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/printing/queue_view.py" line="207"/>
        <source>正在重试 #%1…</source>
        <translation>Retrying #%1…</translation>
    </message>
    <message>
        <location filename="../../ui/printing/queue_view.py" line="212"/>
        <source>已打印：</source>
        <translation>Printed: </translation>
    </message>
    <message>
        <location filename="../../ui/printing/queue_view.py" line="214"/>
        <source>仍未打印：</source>
        <translation>Still not printed: </translation>
    </message>
    <message>
        <location filename="../../ui/printing/queue_view.py" line="223"/>
        <source>已取消：</source>
        <translation>Cancelled: </translation>
    </message>
    <message>
        <location filename="../../ui/printing/queue_view.py" line="227"/>
        <source>操作失败：</source>
        <translation>Failed: </translation>
    </message>
</context>
<context>
    <name>PrinterChoice</name>
    <message>
        <location filename="../../ui/printing/choice.py" line="83"/>
        <source>选择文件夹…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <location filename="../../ui/printing/choice.py" line="93"/>
        <source>系统打印对话框…</source>
        <translation>System print dialog…</translation>
    </message>
    <message>
        <location filename="../../ui/printing/choice.py" line="52"/>
        <location filename="../../ui/printing/choice.py" line="102"/>
        <source>另存为 PDF：</source>
        <translation>Save as PDF: </translation>
    </message>
    <message>
        <location filename="../../ui/printing/choice.py" line="55"/>
        <source>系统打印对话框</source>
        <translation>System print dialog</translation>
    </message>
    <message>
        <location filename="../../ui/printing/choice.py" line="57"/>
        <location filename="../../ui/printing/choice.py" line="133"/>
        <source>打印机 </source>
        <translation>Printer </translation>
    </message>
    <message>
        <location filename="../../ui/printing/choice.py" line="58"/>
        <source>（未选择）</source>
        <translation>(none chosen)</translation>
    </message>
    <message>
        <location filename="../../ui/printing/choice.py" line="142"/>
        <source>PDF 保存到</source>
        <translation>Save PDF to</translation>
    </message>
</context>
<context>
    <name>ProblemsDialog</name>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="37"/>
        <source>不能受理</source>
        <translation>Cannot accept</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/intake/dialogs.py" line="41"/>
        <source>以下 %n 个问题解决后才能受理：</source>
        <translation>
            <numerusform>Fix this %n problem to accept:</numerusform>
            <numerusform>Fix these %n problems to accept:</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="48"/>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="48"/>
        <source>代办人</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="48"/>
        <source>情形</source>
        <translation>Situation</translation>
    </message>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="49"/>
        <source>表单</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="49"/>
        <source>送达</source>
        <translation>Delivery</translation>
    </message>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="49"/>
        <source>材料</source>
        <translation>Materials</translation>
    </message>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="50"/>
        <source>告知承诺</source>
        <translation>Commitment</translation>
    </message>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="67"/>
        <source>双击或回车跳到该项。材料不齐又不能容缺时，请开具一次性告知单。</source>
        <translation>Double-click or Enter goes to the item. If materials are missing and cannot be deferred, issue a one-time notice.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="72"/>
        <source>一次性告知…</source>
        <translation>One-time notice…</translation>
    </message>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="76"/>
        <source>返回修改</source>
        <translation>Back to the form</translation>
    </message>
    <message>
        <location filename="../../ui/sync/problems.py" line="30"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/sync/problems.py" line="30"/>
        <source>受理编号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/problems.py" line="30"/>
        <source>尝试</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <location filename="../../ui/sync/problems.py" line="30"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/sync/problems.py" line="31"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/sync/problems.py" line="32"/>
        <source>案件</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../ui/sync/problems.py" line="32"/>
        <source>事件</source>
        <translation>Event</translation>
    </message>
    <message>
        <location filename="../../ui/sync/problems.py" line="32"/>
        <source>评价</source>
        <translation>Rating</translation>
    </message>
    <message>
        <location filename="../../ui/sync/problems.py" line="52"/>
        <source>同步问题</source>
        <translation>Sync problems</translation>
    </message>
    <message>
        <location filename="../../ui/sync/problems.py" line="56"/>
        <source>以下数据平台未接收，已暂停上传。排除原因后点“重试”；确实不需上传的，可“放弃”并写明理由（留档备查）。</source>
        <translation>The platform did not accept the data below, so uploading is paused. Fix the cause and click &quot;Retry&quot;; if it really need not be uploaded, &quot;Discard&quot; it with a reason (kept on record).</translation>
    </message>
    <message>
        <location filename="../../ui/sync/problems.py" line="79"/>
        <source>重试</source>
        <translation>Retry</translation>
    </message>
    <message>
        <location filename="../../ui/sync/problems.py" line="82"/>
        <source>放弃…</source>
        <translation>Discard…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/problems.py" line="85"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/sync/problems.py" line="112"/>
        <source>没有同步问题</source>
        <translation>No sync problems</translation>
    </message>
    <message>
        <location filename="../../ui/sync/problems.py" line="133"/>
        <source>已重新排队上传：#%1</source>
        <translation>Queued for upload again: #%1</translation>
    </message>
    <message>
        <location filename="../../ui/sync/problems.py" line="139"/>
        <source>放弃同步</source>
        <translation>Discard sync</translation>
    </message>
    <message>
        <location filename="../../ui/sync/problems.py" line="139"/>
        <source>放弃的理由（至少 4 个字，留档备查）：</source>
        <translation>Reason for discarding (at least 4 characters, kept on record):</translation>
    </message>
    <message>
        <location filename="../../ui/sync/problems.py" line="151"/>
        <source>已放弃：#%1</source>
        <translation>Discarded: #%1</translation>
    </message>
    <message>
        <location filename="../../ui/sync/problems.py" line="157"/>
        <source>操作失败：</source>
        <translation>Failed: </translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="101"/>
        <location filename="../../ui/intake/dialogs.py" line="110"/>
        <source>不予受理</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="104"/>
        <source>请写明不予受理的理由（将打印在不予受理通知书上）：</source>
        <translation>Reason for refusing (printed on the refusal notice):</translation>
    </message>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="111"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>RevealDialog</name>
    <message>
        <location filename="../../ui/security/reveal.py" line="51"/>
        <source>查看完整信息</source>
        <translation>Show full details</translation>
    </message>
    <message>
        <location filename="../../ui/security/reveal.py" line="58"/>
        <source>查看%1须写明理由，理由和查看人会记入审计日志。</source>
        <translation>Viewing %1 needs a reason; the reason and the viewer are recorded in the audit log.</translation>
    </message>
    <message>
        <location filename="../../ui/security/reveal.py" line="64"/>
        <source>例如：申请人当面核对身份证号</source>
        <translation>E.g. checking the ID number with the applicant in person</translation>
    </message>
    <message>
        <location filename="../../ui/security/reveal.py" line="86"/>
        <source>查看</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../ui/security/reveal.py" line="91"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/security/reveal.py" line="114"/>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="../../ui/security/reveal.py" line="130"/>
        <source>%1 秒后自动隐藏</source>
        <translation>Hides in %1 s</translation>
    </message>
</context>
<context>
    <name>ScanPanel</name>
    <message>
        <location filename="../../ui/intake/scan_panel.py" line="34"/>
        <source>彩色</source>
        <translation>Colour</translation>
    </message>
    <message>
        <location filename="../../ui/intake/scan_panel.py" line="34"/>
        <source>灰度</source>
        <translation>Greyscale</translation>
    </message>
    <message>
        <location filename="../../ui/intake/scan_panel.py" line="34"/>
        <source>黑白</source>
        <translation>Black &amp; white</translation>
    </message>
    <message>
        <location filename="../../ui/intake/scan_panel.py" line="36"/>
        <source>平板</source>
        <translation>Flatbed</translation>
    </message>
    <message>
        <location filename="../../ui/intake/scan_panel.py" line="36"/>
        <source>自动进纸器（ADF）</source>
        <translation>Document feeder (ADF)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/scan_panel.py" line="37"/>
        <source>自动进纸器·双面</source>
        <translation>Document feeder, duplex</translation>
    </message>
    <message>
        <location filename="../../ui/intake/scan_panel.py" line="85"/>
        <source>扫描</source>
        <translation>Scan</translation>
    </message>
    <message>
        <location filename="../../ui/intake/scan_panel.py" line="92"/>
        <source>查找扫描仪</source>
        <translation>Find scanners</translation>
    </message>
    <message>
        <location filename="../../ui/intake/scan_panel.py" line="104"/>
        <source>连续 </source>
        <translation>Pages: </translation>
    </message>
    <message>
        <location filename="../../ui/intake/scan_panel.py" line="105"/>
        <source> 页</source>
        <translation> </translation>
    </message>
    <message>
        <location filename="../../ui/intake/scan_panel.py" line="106"/>
        <source>平板扫描时连续扫描的页数（每页之间换纸）；进纸器扫到纸用完为止</source>
        <translation>Pages to scan in a row on the flatbed (change the sheet between pages); the feeder scans until it runs out of paper</translation>
    </message>
    <message>
        <location filename="../../ui/intake/scan_panel.py" line="112"/>
        <source>按分隔页归档</source>
        <translation>File by separator sheets</translation>
    </message>
    <message>
        <location filename="../../ui/intake/scan_panel.py" line="114"/>
        <source>一批扫描中放入打印的分隔页（条码），分隔页之后的页面归入它标明的材料；第一张分隔页之前的页面归入所选材料</source>
        <translation>Put printed separator sheets (barcodes) into a batch: the pages after a separator go to the material it names; pages before the first separator go to the selected material</translation>
    </message>
    <message>
        <location filename="../../ui/intake/scan_panel.py" line="119"/>
        <source>扫描到哪一份材料（点一下清单中的材料也会选中它）</source>
        <translation>Which material to scan into (clicking a material in the checklist selects it too)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/scan_panel.py" line="122"/>
        <source>扫描到所选材料</source>
        <translation>Scan into selected material</translation>
    </message>
    <message>
        <location filename="../../ui/intake/scan_panel.py" line="132"/>
        <source>取消扫描</source>
        <translation>Cancel scan</translation>
    </message>
    <message>
        <location filename="../../ui/intake/scan_panel.py" line="191"/>
        <source>打开一个案件后可以扫描</source>
        <translation>Open a case to scan</translation>
    </message>
    <message>
        <location filename="../../ui/intake/scan_panel.py" line="196"/>
        <source>正在查找扫描仪…</source>
        <translation>Looking for scanners…</translation>
    </message>
    <message>
        <location filename="../../ui/intake/scan_panel.py" line="208"/>
        <location filename="../../ui/intake/scan_panel.py" line="216"/>
        <source>未找到扫描仪</source>
        <translation>No scanner found</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/intake/scan_panel.py" line="209"/>
        <source>找到 %n 台扫描仪</source>
        <translation>
            <numerusform>%n scanner found</numerusform>
            <numerusform>%n scanners found</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/intake/scan_panel.py" line="210"/>
        <source>未找到扫描仪：请检查电源和连接线，或用“导入文件”</source>
        <translation>No scanner found: check the power and cable, or use &quot;Import files…&quot;</translation>
    </message>
    <message>
        <location filename="../../ui/intake/scan_panel.py" line="238"/>
        <source>请先选择要扫描到哪一份材料</source>
        <translation>First choose which material to scan into</translation>
    </message>
    <message>
        <location filename="../../ui/intake/scan_panel.py" line="244"/>
        <source>正在扫描…</source>
        <translation>Scanning…</translation>
    </message>
    <message>
        <location filename="../../ui/intake/scan_panel.py" line="265"/>
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/intake/scan_panel.py" line="269"/>
        <source>已扫描 %n 页…</source>
        <translation>
            <numerusform>%n page scanned…</numerusform>
            <numerusform>%n pages scanned…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/intake/scan_panel.py" line="281"/>
        <source>%1 %n 页</source>
        <translation>
            <numerusform>%1 %n page</numerusform>
            <numerusform>%1 %n pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/intake/scan_panel.py" line="284"/>
        <source>扫描已取消；已扫描的 %n 页已保留</source>
        <translation>
            <numerusform>Scan cancelled; the %n page scanned was kept</numerusform>
            <numerusform>Scan cancelled; the %n pages scanned were kept</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/intake/scan_panel.py" line="286"/>
        <source>扫描完成：%n 页</source>
        <translation>
            <numerusform>Scan complete: %n page</numerusform>
            <numerusform>Scan complete: %n pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/intake/scan_panel.py" line="292"/>
        <source>%n 页未归档，保存在：</source>
        <translation>
            <numerusform>%n page not filed, saved in: </numerusform>
            <numerusform>%n pages not filed, saved in: </numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/intake/scan_panel.py" line="298"/>
        <source>没有扫描</source>
        <translation>Nothing scanned</translation>
    </message>
</context>
<context>
    <name>SecurityControls</name>
    <message>
        <location filename="../../ui/security/__init__.py" line="40"/>
        <source>操作员</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../ui/security/__init__.py" line="42"/>
        <source>锁屏</source>
        <translation>Lock screen</translation>
    </message>
    <message>
        <location filename="../../ui/security/__init__.py" line="43"/>
        <source>切换操作员…</source>
        <translation>Switch operator…</translation>
    </message>
    <message>
        <location filename="../../ui/security/__init__.py" line="45"/>
        <source>审计日志…</source>
        <translation>Audit log…</translation>
    </message>
    <message>
        <location filename="../../ui/security/__init__.py" line="88"/>
        <source>已切换操作员：</source>
        <translation>Operator switched: </translation>
    </message>
    <message>
        <location filename="../../ui/security/__init__.py" line="93"/>
        <source>已由 %1 解锁</source>
        <translation>Unlocked by %1</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <location filename="../../ui/field/signature.py" line="51"/>
        <source>请申请人在此签名（鼠标、手写笔或手指均可）</source>
        <translation>Applicant, please sign here (mouse, pen or finger)</translation>
    </message>
    <message>
        <location filename="../../ui/field/signature.py" line="137"/>
        <source>请在虚线上方签名</source>
        <translation>Sign above the dotted line</translation>
    </message>
</context>
<context>
    <name>SupervisorWindow</name>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="126"/>
        <location filename="../../ui/queue/supervisor.py" line="137"/>
        <source>大厅监管</source>
        <translation>Hall supervision</translation>
    </message>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="149"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="152"/>
        <source>导出今日数据 (Excel)…</source>
        <translation>Export today&apos;s data (Excel)…</translation>
    </message>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="163"/>
        <location filename="../../ui/queue/supervisor.py" line="164"/>
        <source>窗口</source>
        <translation>Window</translation>
    </message>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="164"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="164"/>
        <source>办理业务</source>
        <translation>Services</translation>
    </message>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="164"/>
        <source>当前号</source>
        <translation>Current ticket</translation>
    </message>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="165"/>
        <location filename="../../ui/queue/supervisor.py" line="169"/>
        <source>已办结</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="165"/>
        <source>平均办理</source>
        <translation>Avg. service</translation>
    </message>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="167"/>
        <source>排队</source>
        <translation>Queues</translation>
    </message>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="168"/>
        <source>业务</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="168"/>
        <source>等候</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="168"/>
        <source>最长等候</source>
        <translation>Longest wait</translation>
    </message>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="168"/>
        <source>预计等候</source>
        <translation>Expected wait</translation>
    </message>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="169"/>
        <source>过号</source>
        <translation>No-shows</translation>
    </message>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="171"/>
        <source>今日按小时</source>
        <translation>Today by hour</translation>
    </message>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="177"/>
        <source>提醒</source>
        <translation>Alerts</translation>
    </message>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="181"/>
        <source>跟进提醒（容缺超期、差评）</source>
        <translation>Follow-up alerts (overdue deferred materials, poor ratings)</translation>
    </message>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="188"/>
        <source>潮汐窗口建议</source>
        <translation>Tidal window suggestions</translation>
    </message>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="193"/>
        <source>各业务预计等候都在阈值以内，无需调整。</source>
        <translation>Expected waits for all services are within the threshold: no change needed.</translation>
    </message>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="274"/>
        <location filename="../../ui/queue/supervisor.py" line="357"/>
        <source>%1 分钟</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="286"/>
        <source>暂无提醒</source>
        <translation>No alerts</translation>
    </message>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="289"/>
        <source>更新于 %1</source>
        <translation>Updated %1</translation>
    </message>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="307"/>
        <source>一键开放 %1</source>
        <translation>Open %1</translation>
    </message>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="323"/>
        <source>%1 已开放，办理：%2</source>
        <translation>%1 opened for: %2</translation>
    </message>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="332"/>
        <source>还没有数据可导出</source>
        <translation>No data to export yet</translation>
    </message>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="335"/>
        <source>导出今日数据</source>
        <translation>Export today&apos;s data</translation>
    </message>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="335"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="341"/>
        <source>导出失败：</source>
        <translation>Export failed: </translation>
    </message>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="344"/>
        <source>已导出：</source>
        <translation>Exported: </translation>
    </message>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="358"/>
        <source>%1 秒</source>
        <translation>%1 s</translation>
    </message>
</context>
<context>
    <name>SupplementsPage</name>
    <message>
        <location filename="../../ui/followup/supplements.py" line="95"/>
        <source>需补正（承办部门退回）</source>
        <translation>Supplement needed (returned by the department)</translation>
    </message>
    <message>
        <location filename="../../ui/followup/supplements.py" line="96"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/followup/supplements.py" line="101"/>
        <location filename="../../ui/followup/supplements.py" line="149"/>
        <source>受理编号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location filename="../../ui/followup/supplements.py" line="101"/>
        <location filename="../../ui/followup/supplements.py" line="149"/>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/followup/supplements.py" line="101"/>
        <location filename="../../ui/followup/supplements.py" line="149"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/followup/supplements.py" line="101"/>
        <source>退回时间</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../ui/followup/supplements.py" line="102"/>
        <source>补正要求</source>
        <translation>Supplement request</translation>
    </message>
    <message>
        <location filename="../../ui/followup/supplements.py" line="108"/>
        <source>选择左侧一件，查看承办部门的补正要求</source>
        <translation>Select a case on the left to see the department&apos;s supplement request</translation>
    </message>
    <message>
        <location filename="../../ui/followup/supplements.py" line="116"/>
        <source>打印补正通知书</source>
        <translation>Print supplement notice</translation>
    </message>
    <message>
        <location filename="../../ui/followup/supplements.py" line="119"/>
        <source>添加文件…</source>
        <translation>Add files…</translation>
    </message>
    <message>
        <location filename="../../ui/followup/supplements.py" line="120"/>
        <source>为选中的材料添加补正文件（PDF、JPEG、PNG、TIFF）</source>
        <translation>Add supplement files to the selected material (PDF, JPEG, PNG, TIFF)</translation>
    </message>
    <message>
        <location filename="../../ui/followup/supplements.py" line="124"/>
        <source>发送补正</source>
        <translation>Send supplement</translation>
    </message>
    <message>
        <location filename="../../ui/followup/supplements.py" line="137"/>
        <source>容缺承诺（按承诺期限）</source>
        <translation>Deferred (under commitment), by due date</translation>
    </message>
    <message>
        <location filename="../../ui/followup/supplements.py" line="138"/>
        <source>  3 个工作日内到期  </source>
        <translation>  Due within 3 working days  </translation>
    </message>
    <message>
        <location filename="../../ui/followup/supplements.py" line="140"/>
        <source>  已超期  </source>
        <translation>  Overdue  </translation>
    </message>
    <message>
        <location filename="../../ui/followup/supplements.py" line="145"/>
        <source>已补齐（选择文件）…</source>
        <translation>Provided (choose files)…</translation>
    </message>
    <message>
        <location filename="../../ui/followup/supplements.py" line="149"/>
        <source>容缺材料</source>
        <translation>Deferred material</translation>
    </message>
    <message>
        <location filename="../../ui/followup/supplements.py" line="150"/>
        <source>承诺期限</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location filename="../../ui/followup/supplements.py" line="150"/>
        <source>剩余工作日</source>
        <translation>Working days left</translation>
    </message>
    <message>
        <location filename="../../ui/followup/supplements.py" line="150"/>
        <source>提醒</source>
        <translation>Alert</translation>
    </message>
    <message>
        <location filename="../../ui/followup/supplements.py" line="197"/>
        <source>已超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/followup/supplements.py" line="199"/>
        <source>即将到期</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <location filename="../../ui/followup/supplements.py" line="202"/>
        <source>超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/followup/supplements.py" line="233"/>
        <source>选择一件，查看承办部门的补正要求</source>
        <translation>Select a case to see the department&apos;s supplement request</translation>
    </message>
    <message>
        <location filename="../../ui/followup/supplements.py" line="236"/>
        <source>承办部门意见：</source>
        <translation>Department&apos;s note: </translation>
    </message>
    <message>
        <location filename="../../ui/followup/supplements.py" line="236"/>
        <source>（未写明，请电话联系承办部门）</source>
        <translation>(none given: phone the department)</translation>
    </message>
    <message>
        <location filename="../../ui/followup/supplements.py" line="240"/>
        <source>，承诺 %1 前</source>
        <translation>, promised by %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/followup/supplements.py" line="241"/>
        <source>，已有 %n 个文件</source>
        <translation>
            <numerusform>, %n file so far</numerusform>
            <numerusform>, %n files so far</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/followup/supplements.py" line="244"/>
        <source>；待发送：</source>
        <translation>; to send: </translation>
    </message>
    <message>
        <location filename="../../ui/followup/supplements.py" line="262"/>
        <source>请先选择案件和材料</source>
        <translation>Select a case and a material first</translation>
    </message>
    <message>
        <location filename="../../ui/followup/supplements.py" line="264"/>
        <source>选择补正文件</source>
        <translation>Choose supplement files</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/followup/supplements.py" line="286"/>
        <source>补正已保存并排队发送：%n 个文件</source>
        <translation>
            <numerusform>Supplement saved and queued to send: %n file</numerusform>
            <numerusform>Supplement saved and queued to send: %n files</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/followup/supplements.py" line="303"/>
        <source>补正材料通知书已生成：</source>
        <translation>Supplement notice created: </translation>
    </message>
    <message>
        <location filename="../../ui/followup/supplements.py" line="313"/>
        <source>请先在容缺承诺列表中选择一项</source>
        <translation>Select an item in the deferred list first</translation>
    </message>
    <message>
        <location filename="../../ui/followup/supplements.py" line="316"/>
        <source>选择“%1”的文件</source>
        <translation>Choose files for &quot;%1&quot;</translation>
    </message>
    <message>
        <location filename="../../ui/followup/supplements.py" line="322"/>
        <source>%1 的“%2”已补齐，排队发送</source>
        <translation>%1: &quot;%2&quot; provided, queued to send</translation>
    </message>
    <message>
        <location filename="../../ui/followup/supplements.py" line="330"/>
        <source>操作失败：</source>
        <translation>Failed: </translation>
    </message>
</context>
<context>
    <name>SyncControl</name>
    <message>
        <location filename="../../ui/sync/control.py" line="113"/>
        <source>登录政务服务平台</source>
        <translation>Log in to the government service platform</translation>
    </message>
    <message>
        <location filename="../../ui/sync/control.py" line="114"/>
        <source>用户 %1 的平台密码：</source>
        <translation>Platform password for %1:</translation>
    </message>
    <message>
        <location filename="../../ui/sync/control.py" line="126"/>
        <source>登录失败：</source>
        <translation>Login failed: </translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message>
        <location filename="../../ui/sync/indicator.py" line="18"/>
        <source>同步：需要重新登录</source>
        <translation>Sync: log in again</translation>
    </message>
    <message>
        <location filename="../../ui/sync/indicator.py" line="20"/>
        <source>同步：离线</source>
        <translation>Sync: offline</translation>
    </message>
    <message>
        <location filename="../../ui/sync/indicator.py" line="22"/>
        <source>同步：连接中…</source>
        <translation>Sync: connecting…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/indicator.py" line="24"/>
        <source>同步：在线</source>
        <translation>Sync: online</translation>
    </message>
    <message>
        <location filename="../../ui/sync/indicator.py" line="26"/>
        <source> · 待上传 %1</source>
        <translation> · %1 to upload</translation>
    </message>
    <message>
        <location filename="../../ui/sync/indicator.py" line="28"/>
        <source> · 已全部上传</source>
        <translation> · all uploaded</translation>
    </message>
    <message>
        <location filename="../../ui/sync/indicator.py" line="30"/>
        <source> · 问题 %1</source>
        <translation> · %1 problems</translation>
    </message>
    <message>
        <location filename="../../ui/sync/indicator.py" line="33"/>
        <source>上次成功：</source>
        <translation>Last success: </translation>
    </message>
    <message>
        <location filename="../../ui/sync/indicator.py" line="36"/>
        <source>尚未成功同步</source>
        <translation>Not synced successfully yet</translation>
    </message>
    <message>
        <location filename="../../ui/sync/indicator.py" line="38"/>
        <source>正在同步…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/indicator.py" line="40"/>
        <source>下次尝试：</source>
        <translation>Next attempt: </translation>
    </message>
    <message>
        <location filename="../../ui/sync/indicator.py" line="43"/>
        <source>最后错误：</source>
        <translation>Last error: </translation>
    </message>
    <message>
        <location filename="../../ui/sync/indicator.py" line="45"/>
        <source>登录已失效：请重新登录，未上传的数据不会丢失</source>
        <translation>Login expired: log in again; data not yet uploaded will not be lost</translation>
    </message>
    <message>
        <location filename="../../ui/sync/indicator.py" line="71"/>
        <source>立即同步</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../../ui/sync/indicator.py" line="72"/>
        <source>同步问题…</source>
        <translation>Sync problems…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/indicator.py" line="73"/>
        <source>重新登录平台…</source>
        <translation>Log in to the platform again…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/indicator.py" line="78"/>
        <source>同步：未接入平台</source>
        <translation>Sync: not connected</translation>
    </message>
    <message>
        <location filename="../../ui/sync/indicator.py" line="78"/>
        <source>未配置政务服务平台地址，或尚未登录平台</source>
        <translation>No government service platform address configured, or not logged in to the platform</translation>
    </message>
    <message>
        <location filename="../../ui/sync/indicator.py" line="88"/>
        <source>同步问题（%1）…</source>
        <translation>Sync problems (%1)…</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="44"/>
        <source>转移排队号 %1</source>
        <translation>Transfer ticket %1</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="46"/>
        <source>把 %1 号转给其他业务或其他窗口；该号将优先于后来的号等候。</source>
        <translation>Transfer ticket %1 to another service or window; it will wait ahead of later tickets.</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="48"/>
        <source>转到业务</source>
        <translation>To service</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="49"/>
        <source>转到窗口</source>
        <translation>To window</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="57"/>
        <source>窗口代码，如 W05</source>
        <translation>Window code, e.g. W05</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="66"/>
        <source>转移</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="67"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="84"/>
        <source>请填写要转去的窗口代码</source>
        <translation>Enter the code of the target window</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="87"/>
        <source>不能转给本窗口</source>
        <translation>Cannot transfer to this window</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="90"/>
        <source>请选择业务</source>
        <translation>Choose a service</translation>
    </message>
</context>
<context>
    <name>LicenceBar</name>
    <message>
        <location filename="../../ui/intake/licences.py" line="1"/>
        <source>调用电子证照</source>
        <translation>Fetch e-licences</translation>
    </message>
    <message>
        <location filename="../../ui/intake/licences.py" line="1"/>
        <source>持证人在场并已读取身份证</source>
        <translation>Holder present, ID card read</translation>
    </message>
    <message>
        <location filename="../../ui/intake/licences.py" line="1"/>
        <source>未配置平台，无法调用电子证照；可标为“免提交”（待核验电子证照），同步时调取</source>
        <translation>No platform configured: e-licences cannot be fetched now; mark the material as waived (e-licence to verify) and it is fetched at sync</translation>
    </message>
    <message>
        <location filename="../../ui/intake/licences.py" line="1"/>
        <source>没有可调用电子证照的材料</source>
        <translation>No material here can be replaced by an e-licence</translation>
    </message>
</context>
</TS>
