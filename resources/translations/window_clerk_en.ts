<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>BundlePicker</name>
    <message>
        <location filename="../../ui/intake/picker.py" line="35" />
        <source>一件事</source>
        <translation>One-thing bundle</translation>
    </message>
    <message>
        <location filename="../../ui/intake/picker.py" line="40" />
        <source>搜索：名称、拼音首字母、关键词</source>
        <translation>Search: name, pinyin initials, keyword</translation>
    </message>
    <message>
        <location filename="../../ui/intake/picker.py" line="41" />
        <source>新建受理 (Ctrl+N)：输入后按回车选第一项，↓ 进入列表</source>
        <translation>New case (Ctrl+N): type, Enter picks the first match, ↓ enters the list</translation>
    </message>
</context>
<context>
    <name>CaseListPage</name>
    <message>
        <location filename="../../ui/cases/case_list.py" line="109" />
        <source>受理编号、姓名、拼音首字母、身份证号码或电话 (Ctrl+F)</source>
        <translation>Case no., name, pinyin initials, ID number or phone (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list.py" line="115" />
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list.py" line="120" />
        <source>日期</source>
        <translation>Dates</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list.py" line="137" />
        <source>查询</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list.py" line="164" />
        <source>上一页</source>
        <translation>Previous</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list.py" line="166" />
        <source>下一页</source>
        <translation>Next</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/cases/case_list.py" line="213" />
        <source>共 %n 件</source>
        <translation><numerusform>%n case</numerusform><numerusform>%n cases</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list.py" line="213" />
        <source>，第 %1/%2 页</source>
        <translation>, page %1/%2</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <location filename="../../ui/cases/case_list.py" line="44" />
        <source>受理编号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list.py" line="44" />
        <source>一件事</source>
        <translation>One-thing bundle</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list.py" line="44" />
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list.py" line="45" />
        <source>证件号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list.py" line="45" />
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list.py" line="45" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list.py" line="46" />
        <source>创建时间</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list.py" line="46" />
        <source>办结期限</source>
        <translation>Due date</translation>
    </message>
</context>
<context>
    <name>ChecklistPanel</name>
    <message>
        <location filename="../../ui/intake/checklist.py" line="250" />
        <source>材料清单（一套材料）</source>
        <translation>Materials (one set)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="268" />
        <source>告知承诺书已签署（有容缺后补材料时必须）</source>
        <translation>Commitment letter signed (required when a material is deferred)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/intake/checklist.py" line="332" />
        <source>共 %n 项</source>
        <translation><numerusform>%n item</numerusform><numerusform>%n items</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="333" />
        <source>已提交</source>
        <translation>Provided</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="333" />
        <source>容缺后补</source>
        <translation>Deferred</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="334" />
        <source>免提交</source>
        <translation>E-licence</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="334" />
        <source>无需提交</source>
        <translation>Not required</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="335" />
        <source>缺少</source>
        <translation>Missing</translation>
    </message>
</context>
<context>
    <name>FieldEditor</name>
    <message>
        <location filename="../../ui/intake/fields.py" line="104" />
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../ui/intake/fields.py" line="104" />
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../ui/intake/fields.py" line="120" />
        <source>请选择</source>
        <translation>Please choose</translation>
    </message>
    <message>
        <location filename="../../ui/intake/fields.py" line="225" />
        <source>如 2026-11-26</source>
        <translation>e.g. 2026-11-26</translation>
    </message>
    <message>
        <location filename="../../ui/intake/fields.py" line="226" />
        <source>数字</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../ui/intake/fields.py" line="227" />
        <source>手机或座机</source>
        <translation>Mobile or landline</translation>
    </message>
    <message>
        <location filename="../../ui/intake/fields.py" line="228" />
        <source>18 位身份证号码</source>
        <translation>18-character ID number</translation>
    </message>
    <message>
        <location filename="../../ui/intake/fields.py" line="229" />
        <source>18 位统一社会信用代码</source>
        <translation>18-character credit code</translation>
    </message>
</context>
<context>
    <name>HistoryBanner</name>
    <message>
        <location filename="../../ui/intake/history.py" line="30" />
        <source>智能预填</source>
        <translation>Prefill</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/intake/history.py" line="47" />
        <source>此申请人曾办理 %n 件，最近一次：</source>
        <translation><numerusform>This applicant has %n earlier case, latest: </numerusform><numerusform>This applicant has %n earlier cases, latest: </numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/intake/history.py" line="50" />
        <source>复用材料 %n 项</source>
        <translation><numerusform>Reuse %n material</numerusform><numerusform>Reuse %n materials</numerusform></translation>
    </message>
</context>
<context>
    <name>IntakePage</name>
    <message>
        <location filename="../../ui/intake/page.py" line="70" />
        <source>自动保存失败：</source>
        <translation>Autosave failed: </translation>
    </message>
    <message>
        <location filename="../../ui/intake/page.py" line="81" />
        <source>继续办理最近的草稿</source>
        <translation>Continue the latest draft</translation>
    </message>
    <message>
        <location filename="../../ui/intake/page.py" line="85" />
        <source>查看全部草稿</source>
        <translation>All drafts</translation>
    </message>
    <message>
        <location filename="../../ui/intake/page.py" line="123" />
        <source>不予受理…</source>
        <translation>Refuse…</translation>
    </message>
    <message>
        <location filename="../../ui/intake/page.py" line="126" />
        <source>一次性告知</source>
        <translation>One-time notice</translation>
    </message>
    <message>
        <location filename="../../ui/intake/page.py" line="128" />
        <source>材料不齐且不能容缺时，一次告知需补正的全部材料</source>
        <translation>When materials are missing and cannot be deferred, list everything missing at once</translation>
    </message>
    <message>
        <location filename="../../ui/intake/page.py" line="130" />
        <source>受理 (Ctrl+Enter)</source>
        <translation>Accept (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/page.py" line="132" />
        <source>检查全部内容并受理 (Ctrl+Enter)</source>
        <translation>Check everything and accept (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/page.py" line="199" />
        <source>未填姓名</source>
        <translation>(no name)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/intake/page.py" line="200" />
        <source>有 %n 份未办完的草稿。最近：</source>
        <translation><numerusform>%n unfinished draft. Latest: </numerusform><numerusform>%n unfinished drafts. Latest: </numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/intake/page.py" line="212" />
        <source>请在左侧选择要办理的一件事（Ctrl+N 搜索，可输入拼音首字母）</source>
        <translation>Choose a bundle on the left (Ctrl+N to search; pinyin initials work)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/page.py" line="217" />
        <source>未打开案件</source>
        <translation>No case open</translation>
    </message>
    <message>
        <location filename="../../ui/intake/page.py" line="246" />
        <location filename="../../ui/intake/page.py" line="366" />
        <source>联办事项：</source>
        <translation>Matters: </translation>
    </message>
    <message>
        <location filename="../../ui/intake/page.py" line="255" />
        <source>情形</source>
        <translation>Situation</translation>
    </message>
    <message>
        <location filename="../../ui/intake/page.py" line="270" />
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/intake/page.py" line="271" />
        <source>有代办人（代为办理）</source>
        <translation>Agent acting for the applicant</translation>
    </message>
    <message>
        <location filename="../../ui/intake/page.py" line="286" />
        <source>申请表（一表申请）</source>
        <translation>Application form (one form)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/page.py" line="344" />
        <source>已自动保存 %1</source>
        <translation>Autosaved %1</translation>
    </message>
    <message>
        <location filename="../../ui/intake/page.py" line="385" />
        <source>导入中…</source>
        <translation>Importing…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/intake/page.py" line="392" />
        <source>已导入 %n 个文件</source>
        <translation><numerusform>Imported %n file</numerusform><numerusform>Imported %n files</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/intake/page.py" line="432" />
        <source>已按历史记录预填，请与申请人核对</source>
        <translation>Prefilled from history; check with the applicant</translation>
    </message>
    <message>
        <location filename="../../ui/intake/page.py" line="497" />
        <source>申请人联系电话</source>
        <translation>Applicant phone</translation>
    </message>
    <message>
        <location filename="../../ui/intake/page.py" line="497" />
        <source>申请人证件号码</source>
        <translation>Applicant ID number</translation>
    </message>
    <message>
        <location filename="../../ui/intake/page.py" line="557" />
        <source>已生成 PDF：</source>
        <translation>PDF written: </translation>
    </message>
    <message>
        <location filename="../../ui/intake/page.py" line="570" />
        <source>操作失败：</source>
        <translation>Failed: </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="44" />
        <location filename="../../ui/main_window.py" line="82" />
        <source>综合窗口受理工作台</source>
        <translation>Comprehensive window workstation</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="58" />
        <location filename="../../ui/main_window.py" line="89" />
        <source>综合受理</source>
        <translation>Intake</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="90" />
        <location filename="../../ui/main_window.py" line="154" />
        <source>案件查询</source>
        <translation>Cases</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="63" />
        <source>同步：未接入</source>
        <translation>Sync: not connected</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="65" />
        <source>与政务服务平台的同步状态（同步组件接入后显示）</source>
        <translation>Sync state with the platform (shown once sync is connected)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="94" />
        <source>操作员：%1 · 窗口 %2</source>
        <translation>Operator: %1 · Window %2</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="69" />
        <source>操作失败：</source>
        <translation>Failed: </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="55" />
        <source>正在打开本地数据…</source>
        <translation>Opening local data…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="111" />
        <source>综合窗口受理</source>
        <translation>Comprehensive window</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="117" />
        <source>演示模式</source>
        <translation>Demo</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="122" />
        <source>当前号：—</source>
        <translation>Ticket: —</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="125" />
        <source>叫下一位 (F2)</source>
        <translation>Call next (F2)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="127" />
        <source>排队叫号组件尚未接入</source>
        <translation>Queue calling is not connected yet</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="153" />
        <source>新建受理</source>
        <translation>New case</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="155" />
        <source>受理</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="156" />
        <source>立即保存</source>
        <translation>Save now</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="157" />
        <source>叫下一位</source>
        <translation>Call next</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="158" />
        <source>重呼</source>
        <translation>Recall</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="195" />
        <source>已生成 %n 件演示案件</source>
        <translation><numerusform>Created %n demo case</numerusform><numerusform>Created %n demo cases</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="210" />
        <source>当前号：</source>
        <translation>Ticket: </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="213" />
        <source>同步：</source>
        <translation>Sync: </translation>
    </message>
</context>
<context>
    <name>MaterialCard</name>
    <message>
        <location filename="../../ui/intake/checklist.py" line="104" />
        <source>必需</source>
        <translation>Required</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="104" />
        <source>非必需</source>
        <translation>Optional</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="106" />
        <source>可容缺</source>
        <translation>Deferrable</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="108" />
        <source>免提交</source>
        <translation>E-licence</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/intake/checklist.py" line="116" />
        <source>原件 %n 份</source>
        <translation><numerusform>%n original</numerusform><numerusform>%n originals</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/intake/checklist.py" line="118" />
        <source>复印件 %n 份</source>
        <translation><numerusform>%n copy</numerusform><numerusform>%n copies</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="119" />
        <source>用于：</source>
        <translation>For: </translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="141" />
        <source>导入文件…</source>
        <translation>Import files…</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="143" />
        <source>选择 PDF 或图片，也可以把文件拖到这一项上</source>
        <translation>Choose PDFs or images, or drop files onto this item</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/intake/checklist.py" line="180" />
        <source>%n 页</source>
        <translation><numerusform>%n page</numerusform><numerusform>%n pages</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="180" />
        <source>未导入</source>
        <translation>No files</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="183" />
        <source>须于 %1 前补交</source>
        <translation>Due by %1</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="208" />
        <source>导入材料：%1</source>
        <translation>Import material: %1</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="353" />
        <source>缺少</source>
        <translation>Missing</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="354" />
        <source>已提交</source>
        <translation>Provided</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="355" />
        <source>容缺后补</source>
        <translation>Deferred</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="356" />
        <source>电子证照免提交</source>
        <translation>E-licence (waived)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="357" />
        <source>无需提交</source>
        <translation>Not required</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="141" />
        <source>已受理</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="141" />
        <source>已一次性告知</source>
        <translation>One-time notice issued</translation>
    </message>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="141" />
        <source>不予受理</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="151" />
        <source>一件事：</source>
        <translation>Bundle: </translation>
    </message>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="151" />
        <source>申请人：</source>
        <translation>Applicant: </translation>
    </message>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="153" />
        <source>法定办结日期：</source>
        <translation>Legal due date: </translation>
    </message>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="155" />
        <source>请申请人于 %1 前补齐材料</source>
        <translation>The applicant must bring the missing materials by %1</translation>
    </message>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="157" />
        <source>容缺后补：</source>
        <translation>Deferred: </translation>
    </message>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="159" />
        <source>缺少：</source>
        <translation>Missing: </translation>
    </message>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="161" />
        <source>理由：</source>
        <translation>Reason: </translation>
    </message>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="167" />
        <source>打印 (Ctrl+P)</source>
        <translation>Print (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="171" />
        <source>打印组件尚未接入</source>
        <translation>Printing is not connected yet</translation>
    </message>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="174" />
        <source>下一件 (Ctrl+N)</source>
        <translation>Next case (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="177" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>PersonBlock</name>
    <message>
        <location filename="../../ui/intake/person.py" line="58" />
        <source>个人</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../ui/intake/person.py" line="58" />
        <source>单位（企业）</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../ui/intake/person.py" line="63" />
        <source>申请人类型</source>
        <translation>Applicant type</translation>
    </message>
    <message>
        <location filename="../../ui/intake/person.py" line="77" />
        <source>18 位号码，末位可为 X</source>
        <translation>18 characters, last may be X</translation>
    </message>
    <message>
        <location filename="../../ui/intake/person.py" line="78" />
        <source>证件类型</source>
        <translation>ID type</translation>
    </message>
    <message>
        <location filename="../../ui/intake/person.py" line="80" />
        <source>证件号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../ui/intake/person.py" line="84" />
        <source>手机或座机</source>
        <translation>Mobile or landline</translation>
    </message>
    <message>
        <location filename="../../ui/intake/person.py" line="85" />
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/intake/person.py" line="88" />
        <source>法定代表人</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <location filename="../../ui/intake/person.py" line="93" />
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/intake/person.py" line="124" />
        <source>单位名称</source>
        <translation>Organisation name</translation>
    </message>
    <message>
        <location filename="../../ui/intake/person.py" line="124" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/intake/person.py" line="191" />
        <source>请填写联系电话（办理进度和领取通知要用）</source>
        <translation>Enter a phone number (for progress and pickup notices)</translation>
    </message>
</context>
<context>
    <name>ProblemsDialog</name>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="37" />
        <source>不能受理</source>
        <translation>Cannot accept</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/intake/dialogs.py" line="41" />
        <source>以下 %n 个问题解决后才能受理：</source>
        <translation><numerusform>Fix this %n problem to accept:</numerusform><numerusform>Fix these %n problems to accept:</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="48" />
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="48" />
        <source>代办人</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="48" />
        <source>情形</source>
        <translation>Situation</translation>
    </message>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="49" />
        <source>表单</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="49" />
        <source>送达</source>
        <translation>Delivery</translation>
    </message>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="49" />
        <source>材料</source>
        <translation>Materials</translation>
    </message>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="50" />
        <source>告知承诺</source>
        <translation>Commitment</translation>
    </message>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="67" />
        <source>双击或回车跳到该项。材料不齐又不能容缺时，请开具一次性告知单。</source>
        <translation>Double-click or Enter goes to the item. If materials are missing and cannot be deferred, issue a one-time notice.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="72" />
        <source>一次性告知…</source>
        <translation>One-time notice…</translation>
    </message>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="76" />
        <source>返回修改</source>
        <translation>Back to the form</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="101" />
        <location filename="../../ui/intake/dialogs.py" line="110" />
        <source>不予受理</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="104" />
        <source>请写明不予受理的理由（将打印在不予受理通知书上）：</source>
        <translation>Reason for refusing (printed on the refusal notice):</translation>
    </message>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="111" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
</TS>