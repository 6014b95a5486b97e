<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name></name>
    <message>
        <location filename="../../ui/cases/case_view.py" line="162"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="162"/>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="166"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="167"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="167"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="169"/>
        <source>代办人</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="171"/>
        <source>同%1</source>
        <translation>Same as %1</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="173"/>
        <source>受理地点</source>
        <translation>Where taken</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="173"/>
        <source>上门办理（%1）</source>
        <translation>Home visit (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="177"/>
        <source>法定办结日期</source>
        <translation>Statutory due date</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="179"/>
        <source>补齐材料期限</source>
        <translation>Deadline for missing materials</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="181"/>
        <source>不予受理理由</source>
        <translation>Reason for refusal</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="188"/>
        <source> [平台]</source>
        <translation> [platform]</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="191"/>
        <source>尚未打印过</source>
        <translation>Not printed yet</translation>
    </message>
</context>
<context>
    <name>AssistPanel</name>
    <message>
        <location filename="../../ui/intake/assist_panel.py" line="259"/>
        <source>正在识别…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <location filename="../../ui/intake/assist_panel.py" line="256"/>
        <source>未能识别这一页：</source>
        <translation>Could not read this page: </translation>
    </message>
    <message>
        <location filename="../../ui/intake/assist_panel.py" line="280"/>
        <source>从“%1”识别到以下内容，请与原件核对后采用（未采用的不会填入）</source>
        <translation>Read from “%1”: check against the original and take what is right (nothing is filled until taken)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/intake/assist_panel.py" line="285"/>
        <source>识别到 %n 项内容，按 Alt+Y 全部采用，Alt+1… 逐项采用</source>
        <translation>
            <numerusform>Read %n value; Alt+Y takes it</numerusform>
            <numerusform>Read %n values; Alt+Y takes all, Alt+1… one by one</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/intake/assist_panel.py" line="287"/>
        <source>这一页没有识别出可预填的内容</source>
        <translation>Nothing on this page could be read to prefill</translation>
    </message>
    <message>
        <location filename="../../ui/intake/assist_panel.py" line="317"/>
        <source>识别结果待确认：%1</source>
        <translation>Read value waiting for confirmation: %1</translation>
    </message>
    <message>
        <location filename="../../ui/intake/assist_panel.py" line="357"/>
        <source>识别结果已采用，请与申请人核对</source>
        <translation>Read values taken; check them with the applicant</translation>
    </message>
    <message>
        <location filename="../../ui/intake/assist_panel.py" line="375"/>
        <source>识别结果未采用</source>
        <translation>Read values not taken</translation>
    </message>
</context>
<context>
    <name>AssistantBox</name>
    <message>
        <location filename="../../ui/intake/assistant_box.py" line="28"/>
        <source>窗口助手</source>
        <translation>Window assistant</translation>
    </message>
    <message>
        <location filename="../../ui/intake/assistant_box.py" line="34"/>
        <source>问材料为什么要、去哪里开、办理时限、法律依据……答案都摘自事项目录，并注明出处。</source>
        <translation>Ask why a material is needed, where to get it, time limits, the legal basis… Every answer is quoted from the service catalog with its source.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/assistant_box.py" line="41"/>
        <source>例如：为什么要父亲的身份证</source>
        <translation>e.g. why is the father&apos;s ID card needed</translation>
    </message>
    <message>
        <location filename="../../ui/intake/assistant_box.py" line="44"/>
        <source>提问 Enter</source>
        <translation>Ask Enter</translation>
    </message>
    <message>
        <location filename="../../ui/intake/assistant_box.py" line="52"/>
        <source>关闭 Esc</source>
        <translation>Close Esc</translation>
    </message>
    <message>
        <location filename="../../ui/intake/assistant_box.py" line="74"/>
        <source>事项目录里没有找到回答这个问题的内容，请换个说法，或请教首席窗口。</source>
        <translation>The service catalog has nothing that answers this; try other words, or ask the lead clerk.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/assistant_box.py" line="77"/>
        <source>出处：</source>
        <translation>Source: </translation>
    </message>
    <message>
        <location filename="../../ui/intake/assistant_box.py" line="93"/>
        <source>事项 </source>
        <translation>Matter </translation>
    </message>
    <message>
        <location filename="../../ui/intake/assistant_box.py" line="96"/>
        <source>材料 </source>
        <translation>Material </translation>
    </message>
</context>
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
    <name>BarChart</name>
    <message>
        <location filename="../../ui/loops/charts.py" line="54"/>
        <source>暂无数据</source>
        <translation>No data yet</translation>
    </message>
</context>
<context>
    <name>BookingPanel</name>
    <message>
        <location filename="../../ui/queue/booking_desk.py" line="90"/>
        <location filename="../../ui/queue/booking_desk.py" line="156"/>
        <source>业务</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../ui/queue/booking_desk.py" line="96"/>
        <source>日期</source>
        <translation>Dates</translation>
    </message>
    <message>
        <location filename="../../ui/queue/booking_desk.py" line="104"/>
        <source>查询时段</source>
        <translation>Show slots</translation>
    </message>
    <message>
        <location filename="../../ui/queue/booking_desk.py" line="113"/>
        <source>可预约时段（选中一行）</source>
        <translation>Bookable slots (select a row)</translation>
    </message>
    <message>
        <location filename="../../ui/queue/booking_desk.py" line="114"/>
        <location filename="../../ui/queue/booking_desk.py" line="156"/>
        <source>时段</source>
        <translation>Slot</translation>
    </message>
    <message>
        <location filename="../../ui/queue/booking_desk.py" line="114"/>
        <source>容量</source>
        <translation>Capacity</translation>
    </message>
    <message>
        <location filename="../../ui/queue/booking_desk.py" line="114"/>
        <source>已约</source>
        <translation>Booked</translation>
    </message>
    <message>
        <location filename="../../ui/queue/booking_desk.py" line="114"/>
        <source>余量</source>
        <translation>Free</translation>
    </message>
    <message>
        <location filename="../../ui/queue/booking_desk.py" line="121"/>
        <source>预约人</source>
        <translation>Person booking</translation>
    </message>
    <message>
        <location filename="../../ui/queue/booking_desk.py" line="133"/>
        <location filename="../../ui/queue/booking_desk.py" line="156"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/queue/booking_desk.py" line="134"/>
        <location filename="../../ui/queue/booking_desk.py" line="156"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../ui/queue/booking_desk.py" line="135"/>
        <source>手机号</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <location filename="../../ui/queue/booking_desk.py" line="136"/>
        <source>预约所选时段</source>
        <translation>Book the selected slot</translation>
    </message>
    <message>
        <location filename="../../ui/queue/booking_desk.py" line="148"/>
        <source>当天预约</source>
        <translation>Bookings of the day</translation>
    </message>
    <message>
        <location filename="../../ui/queue/booking_desk.py" line="150"/>
        <source>取消所选预约</source>
        <translation>Cancel the selected booking</translation>
    </message>
    <message>
        <location filename="../../ui/queue/booking_desk.py" line="156"/>
        <source>预约码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../ui/queue/booking_desk.py" line="156"/>
        <source>手机</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <location filename="../../ui/queue/booking_desk.py" line="157"/>
        <source>渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../ui/queue/booking_desk.py" line="157"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/queue/booking_desk.py" line="157"/>
        <source>排队号</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <location filename="../../ui/queue/booking_desk.py" line="229"/>
        <source>这一天不能预约（%1）</source>
        <translation>This day cannot be booked (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/queue/booking_desk.py" line="259"/>
        <source>请先在左侧选择一个还有余量的时段</source>
        <translation>Select a slot with free places on the left first</translation>
    </message>
    <message>
        <location filename="../../ui/queue/booking_desk.py" line="278"/>
        <source>已预约：预约码 %1（%2 %3 %4），短信已发给预约人</source>
        <translation>Booked: code %1 (%2 %3 %4); an SMS was sent to the person</translation>
    </message>
    <message>
        <location filename="../../ui/queue/booking_desk.py" line="289"/>
        <source>请先在“当天预约”中选中要取消的预约</source>
        <translation>Select the booking to cancel in &quot;Bookings of the day&quot; first</translation>
    </message>
    <message>
        <location filename="../../ui/queue/booking_desk.py" line="297"/>
        <source>预约 %1 已取消，时段名额已释放</source>
        <translation>Booking %1 cancelled; its place is free again</translation>
    </message>
</context>
<context>
    <name>BundlePicker</name>
    <message>
        <location filename="../../ui/intake/picker.py" line="43"/>
        <source>一件事</source>
        <translation>One-thing bundle</translation>
    </message>
    <message>
        <location filename="../../ui/intake/picker.py" line="48"/>
        <source>搜索：名称、拼音首字母、关键词</source>
        <translation>Name, pinyin initials, keyword</translation>
    </message>
    <message>
        <location filename="../../ui/intake/picker.py" line="49"/>
        <source>新建受理 (Ctrl+N)：输入后按回车选第一项，↓ 进入列表</source>
        <translation>New case (Ctrl+N): type, Enter picks the first match, ↓ enters the list</translation>
    </message>
    <message>
        <location filename="../../ui/intake/picker.py" line="52"/>
        <source>智能导办</source>
        <translation>Smart guide</translation>
    </message>
    <message>
        <location filename="../../ui/intake/picker.py" line="54"/>
        <source>按申请人的原话推荐一件事及其情形；↓ 进入，回车选中</source>
        <translation>Suggests the service bundle and its situations from the applicant&apos;s own words; ↓ to enter, Enter to choose</translation>
    </message>
    <message>
        <location filename="../../ui/intake/picker.py" line="123"/>
        <source>匹配：</source>
        <translation>Matched: </translation>
    </message>
</context>
<context>
    <name>CallNumberDialog</name>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="117"/>
        <source>叫指定号</source>
        <translation>Call a number</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="120"/>
        <source>输入要叫的排队号（如 A012、应急号 X1A003），或从下面选一个暂挂的号叫回：</source>
        <translation>Type the ticket to call (e.g. A012, fallback X1A003), or pick a parked ticket below to call it back:</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="124"/>
        <source>排队号</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="126"/>
        <source>本窗口暂挂的号（↓ 选择，回车叫回）</source>
        <translation>Parked at this window (↓ to choose, Enter to call back)</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="132"/>
        <source>（%1 暂挂）</source>
        <translation> (parked %1)</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="146"/>
        <source>叫号</source>
        <translation>call</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="147"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="169"/>
        <source>请输入排队号</source>
        <translation>Type a ticket number</translation>
    </message>
</context>
<context>
    <name>CallerBar</name>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="247"/>
        <location filename="../../ui/queue/caller_bar.py" line="334"/>
        <source>叫号 F2</source>
        <translation>Call F2</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="248"/>
        <source>重呼 F3</source>
        <translation>Recall F3</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="248"/>
        <source>再叫一次当前号 (F3)</source>
        <translation>Call the current ticket again (F3)</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="291"/>
        <source>● 叫号离线</source>
        <translation>● Calling offline</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="295"/>
        <source>● 窗口暂停</source>
        <translation>● Window paused</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="295"/>
        <source>● 窗口关闭</source>
        <translation>● Window closed</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="300"/>
        <source>● 等候 %1 人</source>
        <translation>● %1 waiting</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="304"/>
        <source>● 连接中…</source>
        <translation>● Connecting…</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="310"/>
        <source>%1（服务器上）</source>
        <translation>%1 (on the server)</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="312"/>
        <source>当前号：—</source>
        <translation>Ticket: —</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="387"/>
        <source>暂无等候的号</source>
        <translation>No tickets waiting</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="389"/>
        <location filename="../../ui/queue/caller_bar.py" line="459"/>
        <source>已叫 %1 号</source>
        <translation>Called ticket %1</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="433"/>
        <source>已重呼 %1 号</source>
        <translation>Recalled ticket %1</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="406"/>
        <location filename="../../ui/queue/caller_bar.py" line="426"/>
        <location filename="../../ui/queue/caller_bar.py" line="439"/>
        <source>%1 号已办结</source>
        <translation>Ticket %1 completed</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="222"/>
        <source>⚠ 设备</source>
        <translation>⚠ Devices</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="247"/>
        <source>下一位 (F2)：本号已办完时先办结，再叫下一位</source>
        <translation>Next (F2): finishes the current ticket when done, then calls the next</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="249"/>
        <source>开始 F4</source>
        <translation>Start F4</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="249"/>
        <source>申请人已到窗口，开始办理 (F4)</source>
        <translation>The applicant is at the window: start (F4)</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="250"/>
        <source>办结 F6</source>
        <translation>Finish F6</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="250"/>
        <source>本号办理完毕 (F6)</source>
        <translation>This ticket is done (F6)</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="251"/>
        <source>过号 F7</source>
        <translation>No-show F7</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="251"/>
        <source>叫号后申请人未到 (F7)</source>
        <translation>Called but the applicant did not come (F7)</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="252"/>
        <source>转移 F8</source>
        <translation>Transfer F8</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="252"/>
        <source>转给其他业务或窗口 (F8)</source>
        <translation>Transfer to another service or window (F8)</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="253"/>
        <location filename="../../ui/queue/caller_bar.py" line="332"/>
        <source>暂停 F9</source>
        <translation>Pause F9</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="253"/>
        <source>暂停/开放本窗口 (F9)</source>
        <translation>Pause/open this window (F9)</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="254"/>
        <source>暂挂 F10</source>
        <translation>Park F10</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="254"/>
        <source>申请人暂时离开（如去复印材料）：本号挂起，稍后叫回 (F10)</source>
        <translation>The applicant stepped away (e.g. to copy a document): park the ticket and call it back later (F10)</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="255"/>
        <source>叫指定号 F11</source>
        <translation>Call no. F11</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="256"/>
        <source>叫指定的排队号：暂挂的号叫回、应急号、转来的号 (F11)</source>
        <translation>Call a chosen ticket: a parked one back, a fallback ticket, one sent over (F11)</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="332"/>
        <source>开放窗口 F9</source>
        <translation>Open window F9</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="334"/>
        <source>下一位 F2</source>
        <translation>Next F2</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="411"/>
        <source>%1 号还在办理：受理后按 F2 叫下一位，或按 F6 办结、F7 过号</source>
        <translation>Ticket %1 is still being served: after accepting press F2 for the next, or F6 finish, F7 no-show</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="442"/>
        <source>%1 号过号</source>
        <translation>Ticket %1: no-show</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="447"/>
        <source>%1 号已转到%2</source>
        <translation>Ticket %1 transferred to %2</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="454"/>
        <source>%1 号已暂挂，申请人回来后可从“暂挂”叫回 (F11)</source>
        <translation>%1 parked; call it back from &quot;Parked&quot; when the applicant returns (F11)</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="483"/>
        <source>叫回 %1</source>
        <translation>Call back %1</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="487"/>
        <source>暂挂 %1</source>
        <translation>Parked %1</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="510"/>
        <source>窗口已开放</source>
        <translation>Window open</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="512"/>
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
    <message>
        <location filename="../../ui/devices/camera.py" line="66"/>
        <source>高拍仪</source>
        <translation>Document camera</translation>
    </message>
    <message>
        <location filename="../../ui/devices/camera.py" line="86"/>
        <source>自动裁边纠偏</source>
        <translation>Crop and straighten</translation>
    </message>
    <message>
        <location filename="../../ui/devices/camera.py" line="91"/>
        <source>拍摄（空格）</source>
        <translation>Capture (Space)</translation>
    </message>
    <message>
        <location filename="../../ui/devices/camera.py" line="95"/>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/devices/camera.py" line="102"/>
        <source>没有发现高拍仪：请插上高拍仪的 USB 线后重新打开；也可以用扫描仪或扫描文件夹</source>
        <translation>No document camera found: plug in its USB cable and open this again; or use the scanner or the scan folder</translation>
    </message>
    <message>
        <location filename="../../ui/devices/camera.py" line="104"/>
        <source>高拍仪：{name}。把材料平放在镜头下，按空格拍摄</source>
        <translation>Document camera: {name}. Lay the document flat under the lens and press Space</translation>
    </message>
    <message>
        <location filename="../../ui/devices/camera.py" line="121"/>
        <source>拍摄失败：{error}</source>
        <translation>Capture failed: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/devices/camera.py" line="127"/>
        <source>高拍仪不能使用：{error}。请重新插拔高拍仪的 USB 线</source>
        <translation>The document camera cannot be used: {error}. Unplug its USB cable and plug it in again</translation>
    </message>
    <message>
        <location filename="../../ui/devices/camera.py" line="138"/>
        <source>正在裁边纠偏…</source>
        <translation>Cropping and straightening…</translation>
    </message>
    <message>
        <location filename="../../ui/devices/camera.py" line="146"/>
        <source>第 {n} 页已拍（已裁边，纠偏 {angle}°）</source>
        <translation>Page {n} captured (cropped, straightened by {angle}°)</translation>
    </message>
    <message>
        <location filename="../../ui/devices/camera.py" line="148"/>
        <source>第 {n} 页已拍（没有找到材料边缘，保留整幅画面）</source>
        <translation>Page {n} captured (no document edge found, the whole picture kept)</translation>
    </message>
    <message>
        <location filename="../../ui/devices/camera.py" line="152"/>
        <source>已拍 {n} 页</source>
        <translation>{n} page(s) captured</translation>
    </message>
</context>
<context>
    <name>CaseListPage</name>
    <message>
        <location filename="../../ui/cases/case_list.py" line="157"/>
        <source>受理编号、姓名、拼音首字母、身份证号码或电话 (Ctrl+F)</source>
        <translation>Case no., name, pinyin initials, ID number or phone (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list.py" line="163"/>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list.py" line="172"/>
        <source>查询</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list.py" line="201"/>
        <source>上一页</source>
        <translation>Previous</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list.py" line="203"/>
        <source>下一页</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list.py" line="259"/>
        <source>查看案件详情</source>
        <translation>View case</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list.py" line="263"/>
        <source>继续办理</source>
        <translation>Continue</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/cases/case_list.py" line="327"/>
        <source>共 %n 件</source>
        <translation>
            <numerusform>%n case</numerusform>
            <numerusform>%n cases</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list.py" line="327"/>
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
        <location filename="../../ui/printing/case_menu.py" line="44"/>
        <source>打印 / 补打</source>
        <translation>Print / reprint</translation>
    </message>
    <message>
        <location filename="../../ui/printing/case_menu.py" line="46"/>
        <source>正在读取…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <location filename="../../ui/printing/case_menu.py" line="56"/>
        <source>补打</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <location filename="../../ui/printing/case_menu.py" line="56"/>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../ui/printing/case_menu.py" line="61"/>
        <source>此案件没有可打印的文书</source>
        <translation>This case has no documents to print</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/printing/case_menu.py" line="62"/>
        <source>打印记录（%n）</source>
        <translation>
            <numerusform>Print history (%n)</numerusform>
            <numerusform>Print history (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/printing/case_menu.py" line="67"/>
        <source>尚未打印过</source>
        <translation>Not printed yet</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <location filename="../../ui/cases/case_list.py" line="58"/>
        <source>受理编号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list.py" line="58"/>
        <source>一件事</source>
        <translation>One-thing bundle</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list.py" line="58"/>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list.py" line="59"/>
        <source>证件号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list.py" line="59"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list.py" line="59"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list.py" line="60"/>
        <source>创建时间</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list.py" line="60"/>
        <source>办结期限</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list.py" line="342"/>
        <source>  【即将到期】</source>
        <translation>  [due soon]</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list.py" line="342"/>
        <source>  【已超期】</source>
        <translation>  [overdue]</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list.py" line="358"/>
        <source>已超过法定办结期限</source>
        <translation>Past the statutory completion deadline</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_list.py" line="359"/>
        <source>2 个工作日内到期</source>
        <translation>Due within 2 working days</translation>
    </message>
</context>
<context>
    <name>CaseViewDialog</name>
    <message>
        <location filename="../../ui/cases/case_view.py" line="57"/>
        <location filename="../../ui/cases/case_view.py" line="113"/>
        <source>案件详情</source>
        <translation>Case details</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="62"/>
        <source>正在读取…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="73"/>
        <source>材料（回车查看页面）</source>
        <translation>Materials (Enter shows the pages)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="85"/>
        <source>打印 (Ctrl+P)</source>
        <translation>Print (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="85"/>
        <source>补打 (Ctrl+P)</source>
        <translation>Reprint (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="86"/>
        <source>出件 (Ctrl+H)</source>
        <translation>Hand out (Ctrl+H)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="87"/>
        <source>补交材料 (Ctrl+B)</source>
        <translation>Supplement (Ctrl+B)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="88"/>
        <source>继续办理 (Ctrl+E)</source>
        <translation>Continue (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="97"/>
        <source>关闭 (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="108"/>
        <source>无法读取案件：</source>
        <translation>Cannot read the case: </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/cases/case_view.py" line="118"/>
        <source>%n 页</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChecklistPanel</name>
    <message>
        <location filename="../../ui/intake/checklist.py" line="292"/>
        <source>材料清单（一套材料）</source>
        <translation>Materials (one set)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="310"/>
        <source>告知承诺书已签署（有容缺后补材料时必须）Alt+Q</source>
        <translation>Commitment letter signed (required with deferred materials) Alt+Q</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="316"/>
        <source>签名板签名</source>
        <translation>Sign on the pad</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/intake/checklist.py" line="418"/>
        <source>共 %n 项</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="419"/>
        <source>已提交</source>
        <translation>Provided</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="419"/>
        <source>容缺后补</source>
        <translation>Deferred</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="420"/>
        <source>免提交</source>
        <translation>E-licence</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="420"/>
        <source>无需提交</source>
        <translation>Not required</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="421"/>
        <source>缺少</source>
        <translation>Missing</translation>
    </message>
</context>
<context>
    <name>ComplaintsPanel</name>
    <message>
        <location filename="../../ui/loops/board.py" line="330"/>
        <source>想办什么事</source>
        <translation>What they came to do</translation>
    </message>
    <message>
        <location filename="../../ui/loops/board.py" line="332"/>
        <source>事项编码（可不填）</source>
        <translation>Matter code (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/loops/board.py" line="334"/>
        <source>为什么没办成</source>
        <translation>Why it could not be done</translation>
    </message>
    <message>
        <location filename="../../ui/loops/board.py" line="336"/>
        <source>联系电话（申请人愿意留时）</source>
        <translation>Phone (if the applicant is willing to leave one)</translation>
    </message>
    <message>
        <location filename="../../ui/loops/board.py" line="310"/>
        <location filename="../../ui/loops/board.py" line="337"/>
        <source>反映事项</source>
        <translation>Report an issue</translation>
    </message>
    <message>
        <location filename="../../ui/loops/board.py" line="309"/>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/loops/board.py" line="311"/>
        <source>事项编码</source>
        <translation>Matter code</translation>
    </message>
    <message>
        <location filename="../../ui/loops/board.py" line="312"/>
        <source>没办成的原因</source>
        <translation>Why it was not done</translation>
    </message>
    <message>
        <location filename="../../ui/loops/board.py" line="313"/>
        <source>登记人</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <location filename="../../ui/loops/board.py" line="314"/>
        <source>承办人</source>
        <translation>Assigned to</translation>
    </message>
    <message>
        <location filename="../../ui/loops/board.py" line="315"/>
        <source>已开（天）</source>
        <translation>Open (days)</translation>
    </message>
    <message>
        <location filename="../../ui/loops/board.py" line="316"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/loops/board.py" line="317"/>
        <source>办理结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../ui/loops/board.py" line="337"/>
        <source>事项</source>
        <translation>Matter</translation>
    </message>
    <message>
        <location filename="../../ui/loops/board.py" line="337"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/loops/board.py" line="338"/>
        <source>联系方式</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../ui/loops/board.py" line="342"/>
        <source>登记</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../ui/loops/board.py" line="347"/>
        <source>未销号</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/loops/board.py" line="348"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../ui/loops/board.py" line="369"/>
        <source>读取办不成事台账失败：</source>
        <translation>Could not read the &apos;could not be done&apos; ledger: </translation>
    </message>
    <message>
        <location filename="../../ui/loops/board.py" line="378"/>
        <source>未销号 %1 件</source>
        <translation>%1 open</translation>
    </message>
    <message>
        <location filename="../../ui/loops/board.py" line="392"/>
        <source>已登记，编号 %1</source>
        <translation>Recorded as no. %1</translation>
    </message>
    <message>
        <location filename="../../ui/loops/board.py" line="403"/>
        <source>请先选中一件</source>
        <translation>Select an item first</translation>
    </message>
    <message>
        <location filename="../../ui/loops/board.py" line="405"/>
        <source>跟进情况</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../ui/loops/board.py" line="405"/>
        <source>销号：办理结果</source>
        <translation>Close: the outcome</translation>
    </message>
    <message>
        <location filename="../../ui/loops/board.py" line="405"/>
        <source>指派给（用户名）</source>
        <translation>Assign to (username)</translation>
    </message>
    <message>
        <location filename="../../ui/loops/board.py" line="406"/>
        <source>办不成事</source>
        <translation>Could not be done</translation>
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
    <message>
        <location filename="../../ui/messages/catalog.py" line="110"/>
        <source>这一页看起来是{kind}，不像“{material}”应有的{expected}</source>
        <translation>This page looks like {kind}, not the {expected} “{material}” should be</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="111"/>
        <source>未能从这一页识别出“{material}”的内容，请核对是否放对、拍清</source>
        <translation>Nothing of “{material}” could be read from this page; check that the right page was scanned, and sharply</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="112"/>
        <source>{field}未能可靠识别（{reason}），请人工核对</source>
        <translation>{field} could not be read reliably ({reason}); check it by hand</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="113"/>
        <source>“{material}”已于{valid_to}过期，请核对是否使用有效证件</source>
        <translation>“{material}” expired on {valid_to}; check that a valid document is used</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="114"/>
        <source>“{material}”上的号码与表上{who}的号码不一致，是{other}（{name}）的，请核对是否放错材料</source>
        <translation>The number on “{material}” is not the {who}&apos;s on the form, it is the {other}&apos;s ({name}); check whether the material is the wrong one</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="115"/>
        <source>“{material}”上的号码与表上{who}的号码不一致，请核对是否放错材料</source>
        <translation>The number on “{material}” is not the {who}&apos;s on the form; check whether the material is the wrong one</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="116"/>
        <source>“{material}”上的姓名“{got}”与表上{who}“{expected}”不一致，请核对</source>
        <translation>The name “{got}” on “{material}” is not the {who} “{expected}” on the form; please check</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="118"/>
        <source>当前号 {ticket_no} 尚未处理完：请先办结、暂挂、过号或转移，再叫号</source>
        <translation>Ticket {ticket_no} is still open: finish, park, mark as no-show or transfer it before calling another</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="119"/>
        <source>“{ticket_no}”不是排队号（如 A012、X1A003）</source>
        <translation>&quot;{ticket_no}&quot; is not a ticket number (e.g. A012, X1A003)</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="120"/>
        <source>叫号服务器不支持“{feature}”（服务器版本较旧），此功能暂不可用。</source>
        <translation>The queue server does not offer &quot;{feature}&quot; (an older version); this is not available.</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="121"/>
        <source>叫号系统临时故障，本号为本机应急号（{prefix} 号段），请留意窗口人工叫号；系统恢复后按取号先后顺序排队</source>
        <translation>The queue system is temporarily down: this is a fallback number of this kiosk (range {prefix}); listen for the windows calling it; once the system is back it waits in the order taken</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="122"/>
        <source>叫号系统临时故障，本号为本机应急号（{prefix} 号段），请留意窗口人工叫号；系统恢复后按取号先后顺序排队；预约将在系统恢复后核验</source>
        <translation>The queue system is temporarily down: this is a fallback number of this kiosk (range {prefix}); listen for the windows calling it; once the system is back it waits in the order taken; the appointment is checked then</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="123"/>
        <source>无法连接叫号服务器，且本机未设置应急号段（python -m clerk queue enroll），无法取号。请引导群众到服务台人工登记。（{detail}）</source>
        <translation>Cannot reach the queue server and this kiosk has no fallback range (python -m clerk queue enroll): no ticket can be issued. Please send people to the service desk. ({detail})</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="124"/>
        <source>无法连接叫号服务器，且本机未设置应急号段（python -m clerk queue enroll），无法取号。请引导群众到服务台人工登记。</source>
        <translation>Cannot reach the queue server and this kiosk has no fallback range (python -m clerk queue enroll): no ticket can be issued. Please send people to the service desk.</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="125"/>
        <source>预约签到成功，请留意叫号</source>
        <translation>Checked in; please listen for your number</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="126"/>
        <source>预约号，优先办理</source>
        <translation>Appointment ticket, served first</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="127"/>
        <source>当天办理请直接取号；自助预约仅限以后的日期。</source>
        <translation>For today, please take a ticket; the kiosk books later days only.</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="128"/>
        <source>请填写预约人姓名（不超过 50 字）</source>
        <translation>Enter the name of the person booking (at most 50 characters)</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="129"/>
        <source>身份证号码不正确，请核对后重新输入</source>
        <translation>The ID number is not valid; please check it and type it again</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="130"/>
        <source>手机号码不正确（11 位手机号或带区号的固定电话）</source>
        <translation>The phone number is not valid (an 11-digit mobile or a landline with area code)</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="131"/>
        <source>该时段已约满，请选择其他时段。</source>
        <translation>This slot is full; please choose another.</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="132"/>
        <source>此人当天已预约过该业务，不能重复预约。</source>
        <translation>This person already has a booking for this service that day.</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="133"/>
        <source>还没到签到时间</source>
        <translation>Too early to check in</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="134"/>
        <source>还没到签到时间，请于 {time} 后签到</source>
        <translation>Too early to check in; please check in after {time}</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="135"/>
        <source>预约时段已过，请普通取号</source>
        <translation>The booked slot is over; please take an ordinary ticket</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="136"/>
        <source>预约无效</source>
        <translation>The appointment is not valid</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="137"/>
        <source>该预约已签到</source>
        <translation>This appointment is already checked in</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="138"/>
        <source>暂停取号：{detail}</source>
        <translation>No tickets now: {detail}</translation>
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
    <name>DevicePanel</name>
    <message>
        <location filename="../../ui/devices/panel.py" line="49"/>
        <source>设备状态</source>
        <translation>Device status</translation>
    </message>
    <message>
        <location filename="../../ui/devices/panel.py" line="54"/>
        <location filename="../../ui/devices/panel.py" line="82"/>
        <source>正在检查设备…</source>
        <translation>Checking the devices…</translation>
    </message>
    <message>
        <location filename="../../ui/devices/panel.py" line="58"/>
        <source>设备</source>
        <translation>Devices</translation>
    </message>
    <message>
        <location filename="../../ui/devices/panel.py" line="58"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/devices/panel.py" line="58"/>
        <source>情况</source>
        <translation>Found</translation>
    </message>
    <message>
        <location filename="../../ui/devices/panel.py" line="58"/>
        <source>处理办法</source>
        <translation>What to do</translation>
    </message>
    <message>
        <location filename="../../ui/devices/panel.py" line="71"/>
        <source>重新检查</source>
        <translation>Check again</translation>
    </message>
    <message>
        <location filename="../../ui/devices/panel.py" line="74"/>
        <source>关闭</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../ui/devices/panel.py" line="90"/>
        <source>设备检查失败：{error}</source>
        <translation>The device check failed: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/devices/panel.py" line="106"/>
        <source>全部设备正常</source>
        <translation>All devices are fine</translation>
    </message>
    <message>
        <location filename="../../ui/devices/panel.py" line="107"/>
        <source>{n} 项设备需要处理</source>
        <translation>{n} device(s) need attention</translation>
    </message>
</context>
<context>
    <name>Devices</name>
    <message>
        <location filename="../../ui/devices/__init__.py" line="37"/>
        <location filename="../../ui/devices/__init__.py" line="57"/>
        <source>读卡器：就绪（F12 读卡）</source>
        <translation>Card reader: ready (F12 reads)</translation>
    </message>
    <message>
        <location filename="../../ui/devices/__init__.py" line="37"/>
        <source>读卡器：未设置</source>
        <translation>Card reader: not set up</translation>
    </message>
    <message>
        <location filename="../../ui/devices/__init__.py" line="48"/>
        <source>读卡器：已读 {name}</source>
        <translation>Card reader: read {name}</translation>
    </message>
    <message>
        <location filename="../../ui/devices/__init__.py" line="53"/>
        <source>读卡器：不可用</source>
        <translation>Card reader: unavailable</translation>
    </message>
    <message>
        <location filename="../../ui/devices/__init__.py" line="79"/>
        <source>身份证阅读器：{reason}</source>
        <translation>ID card reader: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/devices/__init__.py" line="125"/>
        <source>读卡器：设置有误</source>
        <translation>Card reader: wrong setting</translation>
    </message>
    <message>
        <location filename="../../ui/devices/__init__.py" line="141"/>
        <source>没有设置身份证阅读器：请在设置中填写 devices.idcard_reader</source>
        <translation>No ID card reader set up: set devices.idcard_reader in the settings</translation>
    </message>
    <message>
        <location filename="../../ui/devices/__init__.py" line="235"/>
        <source>设备</source>
        <translation>Devices</translation>
    </message>
    <message>
        <location filename="../../ui/devices/__init__.py" line="236"/>
        <source>读身份证</source>
        <translation>Read ID card</translation>
    </message>
    <message>
        <location filename="../../ui/devices/__init__.py" line="237"/>
        <source>高拍仪拍摄</source>
        <translation>Document camera</translation>
    </message>
    <message>
        <location filename="../../ui/devices/__init__.py" line="238"/>
        <source>设备状态</source>
        <translation>Device status</translation>
    </message>
    <message>
        <location filename="../../ui/devices/__init__.py" line="240"/>
        <source>演示：放上 / 取下身份证</source>
        <translation>Demo: lay / take off an ID card</translation>
    </message>
</context>
<context>
    <name>DisplayWindow</name>
    <message>
        <location filename="../../ui/queue/display.py" line="59"/>
        <source>叫号屏</source>
        <translation>Calling display</translation>
    </message>
    <message>
        <location filename="../../ui/queue/display.py" line="75"/>
        <source>叫号服务器连接中断，正在重试…</source>
        <translation>Lost the connection to the calling server, retrying…</translation>
    </message>
    <message>
        <location filename="../../ui/queue/display.py" line="91"/>
        <source>正在呼叫</source>
        <translation>Now calling</translation>
    </message>
    <message>
        <location filename="../../ui/queue/display.py" line="99"/>
        <source>应急号（系统故障期间取的号）</source>
        <translation>Fallback ticket (taken while the system was down)</translation>
    </message>
    <message>
        <location filename="../../ui/queue/display.py" line="104"/>
        <location filename="../../ui/queue/display.py" line="183"/>
        <source>请留意叫号</source>
        <translation>Please listen for your number</translation>
    </message>
    <message>
        <location filename="../../ui/queue/display.py" line="109"/>
        <source>最近叫号</source>
        <translation>Recent calls</translation>
    </message>
    <message>
        <location filename="../../ui/queue/display.py" line="120"/>
        <source>各窗口当前号</source>
        <translation>Current ticket at each window</translation>
    </message>
    <message>
        <location filename="../../ui/queue/display.py" line="129"/>
        <source>等候人数</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../ui/queue/display.py" line="179"/>
        <source>请到 %1办理</source>
        <translation>Please go to %1</translation>
    </message>
    <message>
        <location filename="../../ui/queue/display.py" line="185"/>
        <source>（应急号）</source>
        <translation> (fallback)</translation>
    </message>
    <message>
        <location filename="../../ui/queue/display.py" line="208"/>
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
        <location filename="../../ui/followup/evaluation.py" line="282"/>
        <source>请选择不满意的原因（必选，可多选）</source>
        <translation>Why were you dissatisfied? (required, choose one or more)</translation>
    </message>
    <message>
        <location filename="../../ui/followup/evaluation.py" line="283"/>
        <source>您满意的方面（可选）</source>
        <translation>What you were happy with (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/followup/evaluation.py" line="310"/>
        <source>请至少选择一个不满意的原因</source>
        <translation>Choose at least one reason for dissatisfaction</translation>
    </message>
</context>
<context>
    <name>FieldEditor</name>
    <message>
        <location filename="../../ui/intake/fields.py" line="121"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../ui/intake/fields.py" line="121"/>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../ui/intake/fields.py" line="131"/>
        <source>请选择</source>
        <translation>Please choose</translation>
    </message>
    <message>
        <location filename="../../ui/intake/fields.py" line="209"/>
        <source>同%1，随%1的信息自动填写</source>
        <translation>Same as %1, filled from %1</translation>
    </message>
    <message>
        <location filename="../../ui/intake/fields.py" line="270"/>
        <source>如 2026-11-26</source>
        <translation>e.g. 2026-11-26</translation>
    </message>
    <message>
        <location filename="../../ui/intake/fields.py" line="271"/>
        <source>数字</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../ui/intake/fields.py" line="272"/>
        <source>手机或座机</source>
        <translation>Mobile or landline</translation>
    </message>
    <message>
        <location filename="../../ui/intake/fields.py" line="273"/>
        <source>18 位身份证号码</source>
        <translation>18-character ID number</translation>
    </message>
    <message>
        <location filename="../../ui/intake/fields.py" line="274"/>
        <source>18 位统一社会信用代码</source>
        <translation>18-character credit code</translation>
    </message>
</context>
<context>
    <name>FieldPanel</name>
    <message>
        <location filename="../../ui/field/panel.py" line="115"/>
        <source>● 检测网络…</source>
        <translation>● Checking network…</translation>
    </message>
    <message>
        <location filename="../../ui/field/panel.py" line="118"/>
        <source>准备上门清单</source>
        <translation>Prepare visit list</translation>
    </message>
    <message>
        <location filename="../../ui/field/panel.py" line="119"/>
        <source>出发前联网：下载事项目录、上门清单和申请人既往办件，供离线使用</source>
        <translation>Before leaving, while online: download the service catalogue, the visit list and applicants&apos; past cases for offline use</translation>
    </message>
    <message>
        <location filename="../../ui/field/panel.py" line="122"/>
        <source>同步回传</source>
        <translation>Sync back</translation>
    </message>
    <message>
        <location filename="../../ui/field/panel.py" line="123"/>
        <source>回到有网络的地方后上传已受理的案件；与后台冲突的操作留待人工处理</source>
        <translation>Once back online, upload the accepted cases; actions that conflict with the back office are left for manual review</translation>
    </message>
    <message>
        <location filename="../../ui/field/panel.py" line="133"/>
        <source>上门清单</source>
        <translation>Visit list</translation>
    </message>
    <message>
        <location filename="../../ui/field/panel.py" line="149"/>
        <source>开始办理此户</source>
        <translation>Start this household</translation>
    </message>
    <message>
        <location filename="../../ui/field/panel.py" line="155"/>
        <source>申请人签名</source>
        <translation>Applicant signature</translation>
    </message>
    <message>
        <location filename="../../ui/field/panel.py" line="164"/>
        <source>清除</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../ui/field/panel.py" line="167"/>
        <source>保存签名</source>
        <translation>Save signature</translation>
    </message>
    <message>
        <location filename="../../ui/field/panel.py" line="173"/>
        <source>材料拍照与回执</source>
        <translation>Material photos and receipt</translation>
    </message>
    <message>
        <location filename="../../ui/field/panel.py" line="179"/>
        <source>拍摄材料照片</source>
        <translation>Photograph material</translation>
    </message>
    <message>
        <location filename="../../ui/field/panel.py" line="182"/>
        <source>生成受理回执 PDF</source>
        <translation>Create acceptance receipt PDF</translation>
    </message>
    <message>
        <location filename="../../ui/field/panel.py" line="206"/>
        <source>● 在线</source>
        <translation>● Online</translation>
    </message>
    <message>
        <location filename="../../ui/field/panel.py" line="206"/>
        <source>● 离线（数据保存在本机）</source>
        <translation>● Offline (data kept on this device)</translation>
    </message>
    <message>
        <location filename="../../ui/field/panel.py" line="218"/>
        <source>正在准备上门清单…</source>
        <translation>Preparing the visit list…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/field/panel.py" line="228"/>
        <source>已准备 %n 户上门清单，可离线办理</source>
        <translation>
            <numerusform>Visit list ready: %n household, can be handled offline</numerusform>
            <numerusform>Visit list ready: %n households, can be handled offline</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/field/panel.py" line="234"/>
        <source>准备失败（已缓存的清单不变）：</source>
        <translation>Preparation failed (the cached list is unchanged): </translation>
    </message>
    <message>
        <location filename="../../ui/field/panel.py" line="248"/>
        <source>本机还没有上门清单：出发前请联网点“准备上门清单”。</source>
        <translation>No visit list on this device yet: before leaving, go online and click &quot;Prepare visit list&quot;.</translation>
    </message>
    <message>
        <location filename="../../ui/field/panel.py" line="250"/>
        <source>上次准备：%1 · 已缓存 %2 户 · 事项目录 %3</source>
        <translation>Last prepared: %1 · %2 households cached · catalogue %3</translation>
    </message>
    <message>
        <location filename="../../ui/field/panel.py" line="287"/>
        <source>无既往办件：按上门清单预填申请人信息。</source>
        <translation>No past cases: applicant details prefilled from the visit list.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/field/panel.py" line="289"/>
        <source>既往办件 %n 件，表单已据此预填</source>
        <translation>
            <numerusform>%n past case: the form is prefilled from it</numerusform>
            <numerusform>%n past cases: the form is prefilled from them</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/field/panel.py" line="291"/>
        <source>；可复用材料：</source>
        <translation>; reusable materials: </translation>
    </message>
    <message>
        <location filename="../../ui/field/panel.py" line="320"/>
        <source>已保存签名 %1</source>
        <translation>Signature saved %1</translation>
    </message>
    <message>
        <location filename="../../ui/field/panel.py" line="321"/>
        <source>尚未签名</source>
        <translation>Not signed yet</translation>
    </message>
    <message>
        <location filename="../../ui/field/panel.py" line="338"/>
        <source>签名已保存</source>
        <translation>Signature saved</translation>
    </message>
    <message>
        <location filename="../../ui/field/panel.py" line="362"/>
        <source>受理回执已生成：</source>
        <translation>Acceptance receipt created: </translation>
    </message>
    <message>
        <location filename="../../ui/field/panel.py" line="371"/>
        <source>正在同步…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../../ui/field/panel.py" line="383"/>
        <source>平台要求重新登录后才能同步；数据仍保存在本机</source>
        <translation>The platform needs a new login before syncing; the data stays on this laptop</translation>
    </message>
    <message>
        <location filename="../../ui/field/panel.py" line="388"/>
        <source>无法连接平台：数据仍保存在本机，回到有网络的地方再同步回传</source>
        <translation>Cannot reach the platform: the data stays on this laptop; sync back where there is a network</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/field/panel.py" line="394"/>
        <source>；%n 项未能上传，稍后自动重试</source>
        <translation>
            <numerusform>; %n item not uploaded, retried later</numerusform>
            <numerusform>; %n items not uploaded, retried later</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/field/panel.py" line="403"/>
        <source>同步失败，数据仍保存在本机：</source>
        <translation>Sync failed, the data stays on this laptop: </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/field/panel.py" line="391"/>
        <source>同步完成：上传 %n 项</source>
        <translation>
            <numerusform>Sync done: %n item uploaded</numerusform>
            <numerusform>Sync done: %n items uploaded</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/field/panel.py" line="421"/>
        <source>操作失败：</source>
        <translation>Failed: </translation>
    </message>
</context>
<context>
    <name>FieldWindow</name>
    <message>
        <location filename="../../ui/field/panel.py" line="44"/>
        <source>待上门</source>
        <translation>Planned</translation>
    </message>
    <message>
        <location filename="../../ui/field/panel.py" line="44"/>
        <source>办理中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../ui/field/panel.py" line="45"/>
        <source>已受理</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../ui/shell/field_window.py" line="39"/>
        <source>上门办理工作台</source>
        <translation>Home-visit workstation</translation>
    </message>
    <message>
        <location filename="../../ui/shell/field_window.py" line="66"/>
        <source>上门办理</source>
        <translation>Home visit</translation>
    </message>
    <message>
        <location filename="../../ui/shell/field_window.py" line="78"/>
        <source>工作人员：</source>
        <translation>Staff: </translation>
    </message>
</context>
<context>
    <name>FiguresPanel</name>
    <message>
        <location filename="../../ui/loops/board.py" line="109"/>
        <source>导出办件统计</source>
        <translation>Export case figures</translation>
    </message>
    <message>
        <location filename="../../ui/loops/board.py" line="113"/>
        <source>办件统计</source>
        <translation>Case figures</translation>
    </message>
    <message>
        <location filename="../../ui/loops/board.py" line="119"/>
        <source>今日</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../ui/loops/board.py" line="119"/>
        <source>本周</source>
        <translation>This week</translation>
    </message>
    <message>
        <location filename="../../ui/loops/board.py" line="119"/>
        <source>本月</source>
        <translation>This month</translation>
    </message>
    <message>
        <location filename="../../ui/loops/board.py" line="123"/>
        <source>导出 Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/loops/board.py" line="139"/>
        <source>一次办成率</source>
        <translation>Done in one visit</translation>
    </message>
    <message>
        <location filename="../../ui/loops/board.py" line="140"/>
        <source>容缺受理</source>
        <translation>Accepted with deferred materials</translation>
    </message>
    <message>
        <location filename="../../ui/loops/board.py" line="141"/>
        <source>免提交</source>
        <translation>E-licence</translation>
    </message>
    <message>
        <location filename="../../ui/loops/board.py" line="144"/>
        <source>按日办件量</source>
        <translation>Cases per day</translation>
    </message>
    <message>
        <location filename="../../ui/loops/board.py" line="147"/>
        <source>按一件事</source>
        <translation>By bundle</translation>
    </message>
    <message>
        <location filename="../../ui/loops/board.py" line="158"/>
        <source>读取统计失败：</source>
        <translation>Could not read the figures: </translation>
    </message>
    <message>
        <location filename="../../ui/loops/board.py" line="192"/>
        <source>导出失败：</source>
        <translation>Export failed: </translation>
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
        <location filename="../../ui/followup/__init__.py" line="40"/>
        <source>出件</source>
        <translation>Hand-out</translation>
    </message>
    <message>
        <location filename="../../ui/followup/__init__.py" line="41"/>
        <source>补正/容缺</source>
        <translation>Supplement/Deferred</translation>
    </message>
    <message>
        <location filename="../../ui/followup/__init__.py" line="63"/>
        <source>%1 号（出件）已叫到：请扫描受理通知书条码或输入证件号码</source>
        <translation>Ticket %1 (hand-out) called: scan the notice&apos;s barcode or type the ID number</translation>
    </message>
</context>
<context>
    <name>HandoutPage</name>
    <message>
        <location filename="../../ui/followup/handout.py" line="95"/>
        <source>待领取（最早办结的在前）</source>
        <translation>Awaiting collection (earliest completed first)</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="96"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="99"/>
        <source>短信通知申请人</source>
        <translation>Notify applicant by SMS</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="100"/>
        <source>通过短信网关通知申请人领取（未配置网关时只记入日志）</source>
        <translation>Tell the applicant to collect via the SMS gateway (only logged when no gateway is configured)</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="106"/>
        <source>受理编号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="106"/>
        <source>一件事</source>
        <translation>One-thing bundle</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="106"/>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="107"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="107"/>
        <source>办结时间</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="107"/>
        <source>短信通知</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="127"/>
        <source>出件</source>
        <translation>Hand-out</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="131"/>
        <source>扫描受理通知书条码，或输入受理编号 / 身份证号码，回车</source>
        <translation>Scan the acceptance notice barcode, or type the case no. / ID number and press Enter</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="135"/>
        <source>查找</source>
        <translation>Find</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="150"/>
        <location filename="../../ui/followup/handout.py" line="332"/>
        <source>尚未打开案件</source>
        <translation>No case open</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="152"/>
        <location filename="../../ui/followup/handout.py" line="333"/>
        <source>扫描申请人手中受理通知书上的条码即可打开。</source>
        <translation>Scan the barcode on the applicant&apos;s acceptance notice to open it.</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="157"/>
        <source>身份核验与送达方式</source>
        <translation>Identity check and delivery</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="161"/>
        <source>本人领取</source>
        <translation>In person</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="162"/>
        <source>他人代领</source>
        <translation>By an agent</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="163"/>
        <source>邮寄送达</source>
        <translation>By post</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="171"/>
        <source>领取方式</source>
        <translation>Collection</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="174"/>
        <location filename="../../ui/followup/handout.py" line="379"/>
        <source>读取或输入出示证件的号码</source>
        <translation>Read or type the number of the ID shown</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="176"/>
        <source>出示证件号码</source>
        <translation>ID shown</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="178"/>
        <location filename="../../ui/followup/handout.py" line="182"/>
        <source>代领人姓名</source>
        <translation>Agent name</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="180"/>
        <source>代领人证件号码（与出示证件一致）</source>
        <translation>Agent ID number (as on the ID shown)</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="181"/>
        <source>已查验申请人签署的授权委托书，原件留存</source>
        <translation>Power of attorney signed by the applicant checked; original kept</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="182"/>
        <source>代领人证件</source>
        <translation>Agent ID</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="188"/>
        <source>邮件单号（邮寄送达必填）</source>
        <translation>Tracking no. (required for post)</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="190"/>
        <source>邮件单号</source>
        <translation>Tracking no.</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="196"/>
        <source>重新生成送达回证</source>
        <translation>Regenerate delivery receipt</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="200"/>
        <source>核验并交付</source>
        <translation>Verify and hand out</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="272"/>
        <source>未通知</source>
        <translation>Not notified</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="274"/>
        <source>（邮寄）</source>
        <translation> (post)</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="276"/>
        <source>（可领：%1）</source>
        <translation> (ready: %1)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/followup/handout.py" line="279"/>
        <source>共 %n 件待领取；双击一行打开</source>
        <translation>
            <numerusform>%n result awaiting collection; double-click a row to open</numerusform>
            <numerusform>%n results awaiting collection; double-click a row to open</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="280"/>
        <source>暂无待领取的办理结果</source>
        <translation>No results awaiting collection</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="287"/>
        <source>请先在列表中选择一件</source>
        <translation>Select a case in the list first</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="292"/>
        <source>已通知 %1（%2）</source>
        <translation>Notified %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="321"/>
        <source>没有找到与“%1”对应的案件</source>
        <translation>No case found for &quot;%1&quot;</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="340"/>
        <source>申请人：</source>
        <translation>Applicant: </translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="341"/>
        <source>状态：</source>
        <translation>Status: </translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="343"/>
        <source>申请时选择邮寄送达：</source>
        <translation>Delivery by post chosen at application: </translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="346"/>
        <source>⚠ 容缺后补材料尚未补交：</source>
        <translation>⚠ Deferred materials not brought in yet: </translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="349"/>
        <source>异地代收代办，属地：</source>
        <translation>Taken in for another region (异地代收代办); handling region: </translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="355"/>
        <source>办理结果已送达，可重新生成送达回证。</source>
        <translation>The result has been delivered; the delivery receipt can be regenerated.</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="357"/>
        <source>本次可交付：%1；其余事项办结后再领</source>
        <translation>Ready to hand over now: %1; the other matters are collected when they are done</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="359"/>
        <source>此案件当前不能出件（尚未办结）。</source>
        <translation>This case cannot be handed out yet (not completed).</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="379"/>
        <source>邮寄送达可不填</source>
        <translation>Optional for delivery by post</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="403"/>
        <source>申请人本人</source>
        <translation>the applicant</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="403"/>
        <source>代领人</source>
        <translation>agent</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="403"/>
        <source>邮寄</source>
        <translation>post</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="404"/>
        <source>已交付：%1，领取人 %2 %3</source>
        <translation>Handed out: %1, received by %2 %3</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="407"/>
        <source>（%1）</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="409"/>
        <source>，邮件单号 %1</source>
        <translation>, tracking no. %1</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="449"/>
        <source>容缺材料尚未补交</source>
        <translation>Deferred materials outstanding</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="455"/>
        <source>先行交付的理由（记入送达记录和审计日志，至少 4 个字）：</source>
        <translation>Reason to hand out anyway (kept in the delivery record and the audit log, at least 4 characters):</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="462"/>
        <source>确认交付</source>
        <translation>Hand out</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="463"/>
        <source>暂不交付</source>
        <translation>Not now</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="480"/>
        <source>本机没有这件的送达记录</source>
        <translation>No delivery record for this case on this computer</translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="491"/>
        <source>送达回证已生成：</source>
        <translation>Delivery receipt created: </translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="502"/>
        <source>不能交付：</source>
        <translation>Cannot hand out: </translation>
    </message>
    <message>
        <location filename="../../ui/followup/handout.py" line="510"/>
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
        <location filename="../../ui/queue/supervisor.py" line="100"/>
        <source>等候人数峰值</source>
        <translation>Peak waiting</translation>
    </message>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="100"/>
        <source>办结人数</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="122"/>
        <source>%1时</source>
        <translation>%1h</translation>
    </message>
</context>
<context>
    <name>IdleGuard</name>
    <message>
        <location filename="../../ui/security/idle_lock.py" line="207"/>
        <source>演示模式：密码是 %1</source>
        <translation>Demo mode: the password is %1</translation>
    </message>
    <message>
        <location filename="../../ui/security/idle_lock.py" line="219"/>
        <source>密码不对（演示模式的密码是 %1）</source>
        <translation>Wrong password (in demo mode it is %1)</translation>
    </message>
    <message>
        <location filename="../../ui/security/idle_lock.py" line="228"/>
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
        <location filename="../../ui/intake/page.py" line="90"/>
        <source>自动保存失败：</source>
        <translation>Autosave failed: </translation>
    </message>
    <message>
        <location filename="../../ui/intake/page.py" line="101"/>
        <source>继续办理最近的草稿</source>
        <translation>Continue the latest draft</translation>
    </message>
    <message>
        <location filename="../../ui/intake/page.py" line="105"/>
        <source>查看全部草稿</source>
        <translation>All drafts</translation>
    </message>
    <message>
        <location filename="../../ui/intake/page.py" line="151"/>
        <source>不予受理…</source>
        <translation>Refuse…</translation>
    </message>
    <message>
        <location filename="../../ui/intake/page.py" line="154"/>
        <source>一次性告知</source>
        <translation>One-time notice</translation>
    </message>
    <message>
        <location filename="../../ui/intake/page.py" line="156"/>
        <source>材料不齐且不能容缺时，一次告知需补正的全部材料</source>
        <translation>When materials are missing and cannot be deferred, list everything missing at once</translation>
    </message>
    <message>
        <location filename="../../ui/intake/page.py" line="158"/>
        <source>受理 (Ctrl+Enter)</source>
        <translation>Accept (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/page.py" line="160"/>
        <source>检查全部内容并受理 (Ctrl+Enter)</source>
        <translation>Check everything and accept (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/page.py" line="209"/>
        <source>%1 号（咨询）已叫到</source>
        <translation>Ticket %1 (enquiry) called</translation>
    </message>
    <message>
        <location filename="../../ui/intake/page.py" line="214"/>
        <source>%1 号已叫到：请选择要办理的事项</source>
        <translation>Ticket %1 called: choose the service to handle</translation>
    </message>
    <message>
        <location filename="../../ui/intake/page.py" line="274"/>
        <source>无法开始受理：</source>
        <translation>Cannot start intake: </translation>
    </message>
    <message>
        <location filename="../../ui/intake/page.py" line="342"/>
        <source>未填姓名</source>
        <translation>(no name)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/intake/page.py" line="343"/>
        <source>有 %n 份未办完的草稿。最近：</source>
        <translation>
            <numerusform>%n unfinished draft. Latest: </numerusform>
            <numerusform>%n unfinished drafts. Latest: </numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/intake/page.py" line="355"/>
        <source>请在左侧选择要办理的一件事（Ctrl+N 搜索，可输入拼音首字母）</source>
        <translation>Choose a bundle on the left (Ctrl+N to search; pinyin initials work)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/page.py" line="356"/>
        <source>请在左侧上门清单中选择一户（↑/↓），按回车开始办理</source>
        <translation>Pick a household in the visit list on the left (↑/↓) and press Enter to start</translation>
    </message>
    <message>
        <location filename="../../ui/intake/page.py" line="361"/>
        <source>未打开案件</source>
        <translation>No case open</translation>
    </message>
    <message>
        <location filename="../../ui/intake/page.py" line="637"/>
        <source>请先把光标移到要导入的材料上（Tab 或 ↑/↓）</source>
        <translation>Move to the material to import into first (Tab or ↑/↓)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/page.py" line="645"/>
        <source>请先把光标移到要扫描的材料上</source>
        <translation>Move to the material to scan into first</translation>
    </message>
    <message>
        <location filename="../../ui/intake/page.py" line="656"/>
        <source>没有可以调用电子证照免提交的缺少材料</source>
        <translation>No missing material can be taken from e-licences</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/intake/page.py" line="668"/>
        <source>%n 项材料调用电子证照免提交</source>
        <translation>
            <numerusform>%n material taken from e-licences</numerusform>
            <numerusform>%n materials taken from e-licences</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/intake/layout.py" line="82"/>
        <location filename="../../ui/intake/page.py" line="400"/>
        <source>联办事项：</source>
        <translation>Matters: </translation>
    </message>
    <message>
        <location filename="../../ui/intake/layout.py" line="91"/>
        <source>情形</source>
        <translation>Situation</translation>
    </message>
    <message>
        <location filename="../../ui/intake/layout.py" line="109"/>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/intake/layout.py" line="110"/>
        <source>有代办人（代为办理）</source>
        <translation>Agent acting for the applicant</translation>
    </message>
    <message>
        <location filename="../../ui/intake/layout.py" line="125"/>
        <source>其他人员（与申请人或已填人员相同时按数字键选择，不必再填）</source>
        <translation>Other persons (press a digit when one is the applicant or a person already filled)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/layout.py" line="130"/>
        <source>申请表（一表申请）</source>
        <translation>Application form (one form)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/page.py" line="378"/>
        <source>已自动保存 %1</source>
        <translation>Autosaved %1</translation>
    </message>
    <message>
        <location filename="../../ui/intake/page.py" line="419"/>
        <source>导入中…</source>
        <translation>Importing…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/intake/page.py" line="426"/>
        <source>已导入 %n 个文件</source>
        <translation>
            <numerusform>Imported %n file</numerusform>
            <numerusform>Imported %n files</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/intake/page.py" line="468"/>
        <source>已按历史记录预填，请与申请人核对</source>
        <translation>Prefilled from history; check with the applicant</translation>
    </message>
    <message>
        <location filename="../../ui/intake/page.py" line="500"/>
        <source>有容缺后补的材料，须申请人签署告知承诺书</source>
        <translation>Some materials are deferred: the applicant must sign the commitment letter</translation>
    </message>
    <message>
        <location filename="../../ui/intake/page.py" line="501"/>
        <source>上门受理须有申请人签名（在左侧签名板签名并保存）</source>
        <translation>Home-visit intake needs the applicant&apos;s signature (sign on the pad on the left and save)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/page.py" line="526"/>
        <source>申请人联系电话</source>
        <translation>Applicant phone</translation>
    </message>
    <message>
        <location filename="../../ui/intake/page.py" line="526"/>
        <source>申请人证件号码</source>
        <translation>Applicant ID number</translation>
    </message>
    <message>
        <location filename="../../ui/intake/files.py" line="36"/>
        <source>%1：无法读取（%2）</source>
        <translation>%1: cannot be read (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/card.py" line="58"/>
        <source>长期</source>
        <translation>no end</translation>
    </message>
    <message>
        <location filename="../../ui/intake/card.py" line="61"/>
        <source>证件已过期（有效期至 {until}）：请核实身份，并提示申请人换领证件</source>
        <translation>The card has expired (valid until {until}): check the identity and tell the applicant to renew it</translation>
    </message>
    <message>
        <location filename="../../ui/intake/card.py" line="64"/>
        <source>已读取身份证，有效期至 {until}</source>
        <translation>ID card read, valid until {until}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/card.py" line="96"/>
        <source>申请人已在签名板上签署告知承诺书</source>
        <translation>The applicant signed the commitment letter on the pad</translation>
    </message>
    <message>
        <location filename="../../ui/intake/card.py" line="103"/>
        <source>高拍仪拍的第 {n} 页没有存入：请先选中要拍入的材料</source>
        <translation>Camera page {n} was not stored: select the material to capture into first</translation>
    </message>
    <message>
        <location filename="../../ui/intake/card.py" line="127"/>
        <source>已读取 {name} 的身份证：选择事项后自动填入申请人</source>
        <translation>{name}&apos;s ID card read: it fills the applicant once a service is chosen</translation>
    </message>
    <message>
        <location filename="../../ui/intake/card.py" line="133"/>
        <source>申请人是单位：身份证信息没有填入（可作为代办人或法定代表人核对）</source>
        <translation>The applicant is an organisation: the ID card was not filled in (check it as the agent&apos;s or legal representative&apos;s)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/card.py" line="148"/>
        <source>{name} 的身份证已过期</source>
        <translation>{name}&apos;s ID card has expired</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="209"/>
        <location filename="../../ui/queue/kiosk.py" line="262"/>
        <source>自助取号</source>
        <translation>Self-service tickets</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="269"/>
        <source>① 请选择取号类别</source>
        <translation>① Choose a ticket type</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="288"/>
        <source>请输入预约码（短信或“掌上办”中的预约码）</source>
        <translation>Enter your appointment code (from the SMS or the mobile app)</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="291"/>
        <source>② 请点击要办理的业务（也可以先在读卡区刷身份证）</source>
        <translation>② Tap the service you need (you may first lay your ID card on the reader)</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="306"/>
        <location filename="../../ui/queue/kiosk.py" line="351"/>
        <source>预约签到</source>
        <translation>Appointment check-in</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="307"/>
        <location filename="../../ui/queue/kiosk.py" line="380"/>
        <source>预约以后日期</source>
        <translation>Book a later day</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="319"/>
        <source>应急号</source>
        <translation>Fallback ticket</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="323"/>
        <location filename="../../ui/queue/kiosk.py" line="628"/>
        <source>您的排队号</source>
        <translation>Your ticket number</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="340"/>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="352"/>
        <source>请输入预约成功短信中的 8 位预约码，签到后取得预约号，优先办理。</source>
        <translation>Type the 8-character code from your booking SMS; checking in gives an appointment ticket, served first.</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="357"/>
        <source>预约码，如 7KQ2M9XD</source>
        <translation>Appointment code, e.g. 7KQ2M9XD</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="369"/>
        <source>签到取号</source>
        <translation>Check in</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="371"/>
        <location filename="../../ui/queue/kiosk.py" line="428"/>
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="381"/>
        <source>当天办理请直接取号。请选择业务、日期和时段，填写本人信息后确认预约。</source>
        <translation>For today, take a ticket. Choose the service, day and slot, fill in your details and confirm.</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="393"/>
        <source>业务</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="394"/>
        <source>日期</source>
        <translation>Dates</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="410"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="410"/>
        <source>预约人姓名</source>
        <translation>Your name</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="411"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="411"/>
        <source>18 位居民身份证号码</source>
        <translation>18-digit resident ID number</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="412"/>
        <source>手机号</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="412"/>
        <source>接收预约码短信</source>
        <translation>For the SMS with your code</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="426"/>
        <source>确认预约</source>
        <translation>Confirm booking</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="500"/>
        <source>叫号服务器暂时无法连接。本机继续发放应急号（%1 号段），请留意窗口人工叫号；系统恢复后按取号先后顺序排队。</source>
        <translation>The queue server cannot be reached. This kiosk keeps issuing fallback numbers (range %1); listen for the windows calling them; once the system is back they wait in the order taken.</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="504"/>
        <source>叫号服务器暂时无法连接，本机未设置应急号段，暂不能取号。请到服务台人工登记。</source>
        <translation>The queue server cannot be reached and this kiosk has no fallback range: no tickets now. Please go to the service desk.</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="508"/>
        <source>叫号系统已恢复：%1 张应急号已交给叫号服务器，按取号先后顺序排队。</source>
        <translation>The queue system is back: %1 fallback tickets were handed to the queue server and wait in the order taken.</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="511"/>
        <source>%1 张被拒绝，请工作人员处理。</source>
        <translation>%1 were refused; staff will see to them.</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="532"/>
        <source>等候 %1 人</source>
        <translation>%1 waiting</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="532"/>
        <source>应急取号</source>
        <translation>Fallback ticket</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="578"/>
        <location filename="../../ui/queue/kiosk.py" line="586"/>
        <source>请先输入预约码</source>
        <translation>Enter the appointment code first</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="618"/>
        <source>没有找到这个预约（今天的预约码或身份证），请核对预约短信，或普通取号。</source>
        <translation>No booking found for today with this code or ID card; please check your booking SMS, or take an ordinary ticket.</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="634"/>
        <source>（%1优先）</source>
        <translation> (%1 priority)</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="636"/>
        <source>%1%2 · 本机应急号</source>
        <translation>%1%2 · fallback number of this kiosk</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="638"/>
        <source>%1%2 · 前面还有 %3 人</source>
        <translation>%1%2 · %3 ahead of you</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="640"/>
        <source>，预计等候约 %1 分钟</source>
        <translation>, about %1 min wait</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="645"/>
        <source>请取走小票，留意大厅屏幕和语音叫号</source>
        <translation>Please take your ticket and watch the hall screen and listen for your number</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="647"/>
        <source>小票未能打印（%1），请记下您的号码</source>
        <translation>The ticket could not be printed (%1); please note your number</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="649"/>
        <source>本机未连接打印机，请记下您的号码，留意大厅屏幕和语音叫号</source>
        <translation>No printer connected: please note your number and watch the hall screen and listen for your number</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="676"/>
        <source>已读取身份证：%1</source>
        <translation>ID card read: %1</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="678"/>
        <source>，已按老年人优先</source>
        <translation>, elderly priority given</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="679"/>
        <source>。请点击要办理的业务</source>
        <translation>. Tap the service you need</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="709"/>
        <source>周一</source>
        <translation>Mon</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="709"/>
        <source>周二</source>
        <translation>Tue</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="709"/>
        <source>周三</source>
        <translation>Wed</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="709"/>
        <source>周四</source>
        <translation>Thu</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="709"/>
        <source>周五</source>
        <translation>Fri</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="709"/>
        <source>周六</source>
        <translation>Sat</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="710"/>
        <source>周日</source>
        <translation>Sun</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="713"/>
        <source>%1月%2日 %3</source>
        <translation>%3 %2/%1</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="738"/>
        <source>%1  余 %2 个</source>
        <translation>%1  %2 free</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="739"/>
        <source>%1  已约满</source>
        <translation>%1  full</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="750"/>
        <source>这一天不能预约，请选择其他日期。</source>
        <translation>This day cannot be booked; please choose another.</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="762"/>
        <source>请先选择预约时段</source>
        <translation>Choose a slot first</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="785"/>
        <source>预约成功，您的预约码</source>
        <translation>Booked: your appointment code</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="792"/>
        <source>%1 · %2月%3日 %4</source>
        <translation>%1 · %3/%2 %4</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="794"/>
        <source>预约码已发送到您的手机。请在预约时段前后到本机“预约签到”，凭预约码取号。</source>
        <translation>The code was sent to your phone. Around your slot, use &quot;Appointment check-in&quot; at this kiosk to get your ticket.</translation>
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
        <location filename="../../ui/labels.py" line="90"/>
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
        <location filename="../../ui/labels.py" line="42"/>
        <source>已核验原件</source>
        <translation>Original checked</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="46"/>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="47"/>
        <source>父亲</source>
        <translation>Father</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="48"/>
        <source>母亲</source>
        <translation>Mother</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="49"/>
        <source>监护人</source>
        <translation>Guardian</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="50"/>
        <source>子女</source>
        <translation>Child</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="51"/>
        <source>新生儿</source>
        <translation>Newborn</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="52"/>
        <source>逝者</source>
        <translation>Deceased</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="53"/>
        <source>配偶</source>
        <translation>Spouse</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="54"/>
        <source>法定代表人</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="55"/>
        <source>代理人</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="56"/>
        <source>继承人</source>
        <translation>Heir</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="57"/>
        <source>联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="58"/>
        <source>产权人</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="59"/>
        <source>买受人</source>
        <translation>Buyer</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="60"/>
        <source>出卖人</source>
        <translation>Seller</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="61"/>
        <source>学生</source>
        <translation>Student</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="66"/>
        <source>受理通知书</source>
        <translation>Acceptance notice</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="67"/>
        <source>一次性告知单</source>
        <translation>One-time notice</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="68"/>
        <source>容缺受理告知承诺书</source>
        <translation>Commitment letter (deferred materials)</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="69"/>
        <source>不予受理通知书</source>
        <translation>Refusal notice</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="70"/>
        <source>材料标签</source>
        <translation>Material labels</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="71"/>
        <source>材料分隔页</source>
        <translation>Separator sheets</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="72"/>
        <source>送达回证</source>
        <translation>Delivery receipt</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="73"/>
        <source>补正材料通知书</source>
        <translation>Supplement notice</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="78"/>
        <source>居民身份证</source>
        <translation>Resident ID card</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="79"/>
        <source>护照</source>
        <translation>Passport</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="80"/>
        <source>港澳居民来往内地通行证</source>
        <translation>Hong Kong/Macao travel permit</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="81"/>
        <source>台湾居民来往大陆通行证</source>
        <translation>Taiwan travel permit</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="82"/>
        <source>外国人永久居留身份证</source>
        <translation>Foreigner&apos;s permanent residence ID</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="83"/>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="87"/>
        <source>等候中</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="88"/>
        <source>已叫号</source>
        <translation>Called</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="89"/>
        <source>办理中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="91"/>
        <location filename="../../ui/labels.py" line="115"/>
        <source>过号</source>
        <translation>No-show</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="92"/>
        <location filename="../../ui/labels.py" line="117"/>
        <source>暂挂</source>
        <translation>Parked</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="93"/>
        <source>已截止</source>
        <translation>Closed at closing time</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="97"/>
        <source>普通</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="98"/>
        <source>老年人</source>
        <translation>Elderly</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="99"/>
        <source>残疾人</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="100"/>
        <source>孕妇</source>
        <translation>Pregnant</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="101"/>
        <source>预约</source>
        <translation>Appointment</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="105"/>
        <source>开放</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="106"/>
        <source>暂停</source>
        <translation>Paused</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="107"/>
        <source>关闭</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="111"/>
        <location filename="../../ui/labels.py" line="159"/>
        <source>叫号</source>
        <translation>call</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="112"/>
        <source>重呼</source>
        <translation>recall</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="113"/>
        <source>开始办理</source>
        <translation>start</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="114"/>
        <source>办结</source>
        <translation>finish</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="116"/>
        <source>转移</source>
        <translation>transfer</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="121"/>
        <source>综合受理</source>
        <translation>Intake</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="122"/>
        <source>出件</source>
        <translation>Hand-out</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="123"/>
        <source>咨询</source>
        <translation>Enquiries</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="128"/>
        <source>待打印</source>
        <translation>Waiting to print</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="129"/>
        <source>已打印</source>
        <translation>Printed</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="130"/>
        <source>打印失败</source>
        <translation>Print failed</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="131"/>
        <location filename="../../ui/labels.py" line="145"/>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="135"/>
        <source>非常不满意</source>
        <translation>Very dissatisfied</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="136"/>
        <source>不满意</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="137"/>
        <source>基本满意</source>
        <translation>Fairly satisfied</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="138"/>
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="139"/>
        <source>非常满意</source>
        <translation>Very satisfied</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="143"/>
        <source>已预约</source>
        <translation>Booked</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="144"/>
        <source>已签到</source>
        <translation>Checked in</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="146"/>
        <source>爽约</source>
        <translation>Missed</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="150"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="151"/>
        <source>掌上办</source>
        <translation>Mobile app</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="152"/>
        <source>取号机</source>
        <translation>Kiosk</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="153"/>
        <source>管理员</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="157"/>
        <source>取号</source>
        <translation>Ticket issued</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="158"/>
        <source>即将叫到</source>
        <translation>Turn near</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="160"/>
        <source>顺延次日</source>
        <translation>Carried to next day</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="161"/>
        <source>闭厅截止</source>
        <translation>Closed at closing</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="162"/>
        <source>预约成功</source>
        <translation>Booked</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="163"/>
        <source>预约取消</source>
        <translation>Booking cancelled</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="167"/>
        <source>待发送</source>
        <translation>Queued</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="168"/>
        <source>已发送</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="169"/>
        <source>发送失败</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="229"/>
        <source>%1 号窗口</source>
        <translation>Window %1</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="230"/>
        <source>%1 窗口</source>
        <translation>%1 window</translation>
    </message>
</context>
<context>
    <name>LicenceBar</name>
    <message>
        <location filename="../../ui/intake/licences.py" line="26"/>
        <source>调用电子证照</source>
        <translation>Fetch e-licences</translation>
    </message>
    <message>
        <location filename="../../ui/intake/licences.py" line="30"/>
        <source>持证人在场并已读取身份证</source>
        <translation>Holder present, ID card read</translation>
    </message>
    <message>
        <location filename="../../ui/intake/licences.py" line="45"/>
        <source>未配置平台，无法调用电子证照；可标为“免提交”（待核验电子证照），同步时调取</source>
        <translation>No platform configured: e-licences cannot be fetched now; mark the material as waived (e-licence to verify) and it is fetched at sync</translation>
    </message>
    <message>
        <location filename="../../ui/intake/licences.py" line="70"/>
        <source>没有可调用电子证照的材料</source>
        <translation>No material here can be replaced by an e-licence</translation>
    </message>
</context>
<context>
    <name>LockOverlay</name>
    <message>
        <location filename="../../ui/security/idle_lock.py" line="60"/>
        <source>屏幕已锁定</source>
        <translation>Screen locked</translation>
    </message>
    <message>
        <location filename="../../ui/security/idle_lock.py" line="67"/>
        <source>本人或大厅管理人员输入密码解锁；表单内容保持不变。</source>
        <translation>You or a hall supervisor can unlock with a password; the form stays as it is.</translation>
    </message>
    <message>
        <location filename="../../ui/security/idle_lock.py" line="73"/>
        <source>用户名</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../../ui/security/idle_lock.py" line="77"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/security/idle_lock.py" line="87"/>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../ui/security/idle_lock.py" line="99"/>
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
    <name>LoopsBoard</name>
    <message>
        <location filename="../../ui/loops/board.py" line="436"/>
        <source>好差评与办件统计</source>
        <translation>Evaluations and case figures</translation>
    </message>
    <message>
        <location filename="../../ui/loops/board.py" line="444"/>
        <source>全大厅</source>
        <translation>Whole hall</translation>
    </message>
    <message>
        <location filename="../../ui/loops/board.py" line="447"/>
        <source>办件统计</source>
        <translation>Case figures</translation>
    </message>
    <message>
        <location filename="../../ui/loops/board.py" line="448"/>
        <source>差评整改</source>
        <translation>Rectification of poor ratings</translation>
    </message>
    <message>
        <location filename="../../ui/loops/board.py" line="449"/>
        <source>办不成事</source>
        <translation>Could not be done</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/shell/main_window.py" line="35"/>
        <location filename="../../ui/shell/main_window.py" line="86"/>
        <source>综合窗口受理工作台</source>
        <translation>Comprehensive window workstation</translation>
    </message>
    <message>
        <location filename="../../ui/intake/__init__.py" line="28"/>
        <location filename="../../ui/shell/main_window.py" line="52"/>
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
        <location filename="../../ui/shell/main_window.py" line="98"/>
        <source>操作员：%1 · 窗口 %2</source>
        <translation>Operator: %1 · Window %2</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="49"/>
        <source>正在打开本地数据…</source>
        <translation>Opening local data…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="69"/>
        <source>综合窗口受理</source>
        <translation>Comprehensive window</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="75"/>
        <source>演示模式</source>
        <translation>Demo</translation>
    </message>
    <message>
        <location filename="../../ui/intake/__init__.py" line="38"/>
        <source>新建受理</source>
        <translation>New case</translation>
    </message>
    <message>
        <location filename="../../ui/intake/__init__.py" line="39"/>
        <source>受理</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../../ui/intake/__init__.py" line="40"/>
        <source>立即保存</source>
        <translation>Save now</translation>
    </message>
    <message>
        <location filename="../../ui/intake/__init__.py" line="48"/>
        <source>导入到当前材料</source>
        <translation>Import into the current material</translation>
    </message>
    <message>
        <location filename="../../ui/intake/__init__.py" line="49"/>
        <source>可免提交的材料全部调用电子证照</source>
        <translation>Take every waivable material from e-licences</translation>
    </message>
    <message>
        <location filename="../../ui/intake/__init__.py" line="57"/>
        <source>告知承诺书已签署</source>
        <translation>Commitment letter signed</translation>
    </message>
    <message>
        <location filename="../../ui/intake/__init__.py" line="59"/>
        <source>扫描到当前材料</source>
        <translation>Scan into the current material</translation>
    </message>
    <message>
        <location filename="../../ui/intake/__init__.py" line="81"/>
        <source>全部采用识别结果</source>
        <translation>Take all read values</translation>
    </message>
    <message>
        <location filename="../../ui/intake/__init__.py" line="82"/>
        <source>不采用识别结果</source>
        <translation>Do not take the read values</translation>
    </message>
    <message>
        <location filename="../../ui/intake/__init__.py" line="84"/>
        <source>采用第 %1 项识别结果</source>
        <translation>Take read value %1</translation>
    </message>
    <message>
        <location filename="../../ui/intake/__init__.py" line="86"/>
        <source>忽略当前材料的核对提醒</source>
        <translation>Dismiss the check warnings of the current material</translation>
    </message>
    <message>
        <location filename="../../ui/intake/__init__.py" line="101"/>
        <source>窗口助手</source>
        <translation>Window assistant</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/shell/demo.py" line="156"/>
        <source>已生成 %n 件演示案件</source>
        <translation>
            <numerusform>Created %n demo case</numerusform>
            <numerusform>Created %n demo cases</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/queue/__init__.py" line="25"/>
        <source>下一位</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../ui/queue/__init__.py" line="26"/>
        <source>重呼</source>
        <translation>recall</translation>
    </message>
    <message>
        <location filename="../../ui/queue/__init__.py" line="27"/>
        <source>开始办理</source>
        <translation>start</translation>
    </message>
    <message>
        <location filename="../../ui/queue/__init__.py" line="28"/>
        <source>办结</source>
        <translation>finish</translation>
    </message>
    <message>
        <location filename="../../ui/queue/__init__.py" line="29"/>
        <source>过号</source>
        <translation>No-show</translation>
    </message>
    <message>
        <location filename="../../ui/queue/__init__.py" line="30"/>
        <source>转移</source>
        <translation>transfer</translation>
    </message>
    <message>
        <location filename="../../ui/queue/__init__.py" line="31"/>
        <source>暂停/开放窗口</source>
        <translation>Pause/open window</translation>
    </message>
    <message>
        <location filename="../../ui/queue/__init__.py" line="32"/>
        <source>暂挂当前号</source>
        <translation>Park the ticket</translation>
    </message>
    <message>
        <location filename="../../ui/queue/__init__.py" line="33"/>
        <source>叫指定号…</source>
        <translation>Call a number…</translation>
    </message>
    <message>
        <location filename="../../ui/loops/__init__.py" line="43"/>
        <source>本机</source>
        <translation>This PC</translation>
    </message>
    <message>
        <location filename="../../ui/loops/__init__.py" line="44"/>
        <source>办不成事</source>
        <translation>Could not be done</translation>
    </message>
    <message>
        <location filename="../../ui/loops/__init__.py" line="45"/>
        <source>办件统计</source>
        <translation>Case figures</translation>
    </message>
</context>
<context>
    <name>MaterialCard</name>
    <message>
        <location filename="../../ui/intake/checklist.py" line="115"/>
        <source>必需</source>
        <translation>Required</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="115"/>
        <source>非必需</source>
        <translation>Optional</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="117"/>
        <source>可容缺</source>
        <translation>Deferrable</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="119"/>
        <source>免提交</source>
        <translation>E-licence</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/intake/checklist.py" line="127"/>
        <source>原件 %n 份</source>
        <translation>
            <numerusform>%n original</numerusform>
            <numerusform>%n originals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/intake/checklist.py" line="129"/>
        <source>复印件 %n 份</source>
        <translation>
            <numerusform>%n copy</numerusform>
            <numerusform>%n copies</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="130"/>
        <source>用于：</source>
        <translation>For: </translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="155"/>
        <source>导入 Ctrl+O</source>
        <translation>Import Ctrl+O</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="157"/>
        <source>选择 PDF 或图片导入到这一项（Ctrl+O），也可以把文件拖到这一项上；Ctrl+Shift+S 扫描到这一项</source>
        <translation>Import a PDF or image into this item (Ctrl+O), or drop a file on it; Ctrl+Shift+S scans into it</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/intake/checklist.py" line="200"/>
        <source>%n 页</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="200"/>
        <source>未导入</source>
        <translation>No files</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="203"/>
        <source>须于 %1 前补交</source>
        <translation>Due by %1</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="245"/>
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
        <location filename="../../ui/materials/__init__.py" line="83"/>
        <source>案件 %1 已%2，已打开案件详情</source>
        <translation>Case %1 is %2: its details are open</translation>
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
    <name>OfferBar</name>
    <message>
        <location filename="../../ui/intake/assist_panel.py" line="94"/>
        <source>全部采用 Alt+Y</source>
        <translation>Take all Alt+Y</translation>
    </message>
    <message>
        <location filename="../../ui/intake/assist_panel.py" line="96"/>
        <source>不采用 Alt+N</source>
        <translation>Don&apos;t take Alt+N</translation>
    </message>
    <message>
        <location filename="../../ui/intake/assist_panel.py" line="120"/>
        <source>采用 %1</source>
        <translation>Take %1</translation>
    </message>
    <message>
        <location filename="../../ui/intake/assist_panel.py" line="120"/>
        <source>采用</source>
        <translation>Take</translation>
    </message>
    <message>
        <location filename="../../ui/intake/assist_panel.py" line="125"/>
        <source>现为：</source>
        <translation>now: </translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="143"/>
        <source>已受理</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="143"/>
        <source>已一次性告知</source>
        <translation>One-time notice issued</translation>
    </message>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="143"/>
        <source>不予受理</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="153"/>
        <source>一件事：</source>
        <translation>Bundle: </translation>
    </message>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="153"/>
        <source>申请人：</source>
        <translation>Applicant: </translation>
    </message>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="155"/>
        <source>法定办结日期：</source>
        <translation>Legal due date: </translation>
    </message>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="157"/>
        <source>请申请人于 %1 前补齐材料</source>
        <translation>The applicant must bring the missing materials by %1</translation>
    </message>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="159"/>
        <source>容缺后补：</source>
        <translation>Deferred: </translation>
    </message>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="161"/>
        <source>缺少：</source>
        <translation>Missing: </translation>
    </message>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="163"/>
        <source>理由：</source>
        <translation>Reason: </translation>
    </message>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="172"/>
        <source>打印 (Ctrl+P)</source>
        <translation>Print (Ctrl+P)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/intake/dialogs.py" line="172"/>
        <source>打印 %n 份 (Ctrl+P)</source>
        <translation>
            <numerusform>Print %n document (Ctrl+P)</numerusform>
            <numerusform>Print %n documents (Ctrl+P)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="177"/>
        <source>打印组件尚未接入</source>
        <translation>Printing is not connected yet</translation>
    </message>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="180"/>
        <source>下一位 (F2)</source>
        <translation>Next (F2)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="183"/>
        <source>本号办结并叫下一位</source>
        <translation>Finish this ticket and call the next</translation>
    </message>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="186"/>
        <source>下一件 (Ctrl+N)</source>
        <translation>Next case (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="190"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/intake/dialogs.py" line="203"/>
        <source>已送打印：</source>
        <translation>Sent to the printer: </translation>
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
        <location filename="../../ui/intake/viewer.py" line="103"/>
        <source>材料页面：%1</source>
        <translation>Material pages: %1</translation>
    </message>
    <message>
        <location filename="../../ui/intake/viewer.py" line="115"/>
        <source>删除这些空白页</source>
        <translation>Delete these blank pages</translation>
    </message>
    <message>
        <location filename="../../ui/intake/viewer.py" line="149"/>
        <source>正在显示…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../ui/intake/viewer.py" line="165"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/intake/viewer.py" line="198"/>
        <source>适合窗口</source>
        <translation>Fit to window</translation>
    </message>
    <message>
        <location filename="../../ui/intake/viewer.py" line="206"/>
        <source>⟲ 左转</source>
        <translation>⟲ Left</translation>
    </message>
    <message>
        <location filename="../../ui/intake/viewer.py" line="207"/>
        <source>⟳ 右转</source>
        <translation>⟳ Right</translation>
    </message>
    <message>
        <location filename="../../ui/intake/viewer.py" line="208"/>
        <source>← 前移</source>
        <translation>← Earlier</translation>
    </message>
    <message>
        <location filename="../../ui/intake/viewer.py" line="208"/>
        <source>Alt+← ；也可以拖动左侧的页面</source>
        <translation>Alt+←; you can also drag the pages on the left</translation>
    </message>
    <message>
        <location filename="../../ui/intake/viewer.py" line="209"/>
        <source>后移 →</source>
        <translation>Later →</translation>
    </message>
    <message>
        <location filename="../../ui/intake/viewer.py" line="210"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ui/intake/viewer.py" line="211"/>
        <source>替换…</source>
        <translation>Replace…</translation>
    </message>
    <message>
        <location filename="../../ui/intake/viewer.py" line="212"/>
        <source>用另一个文件替换这一页</source>
        <translation>Replace this page with another file</translation>
    </message>
    <message>
        <location filename="../../ui/intake/viewer.py" line="221"/>
        <source>移到该材料</source>
        <translation>Move to material</translation>
    </message>
    <message>
        <location filename="../../ui/intake/viewer.py" line="255"/>
        <source>第 %1 页疑似空白（可能是双面扫描的背面），是否删除？</source>
        <translation>Page %1 looks blank (maybe the back of a duplex scan). Delete it?</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/intake/viewer.py" line="257"/>
        <source>共 %n 页</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/intake/viewer.py" line="264"/>
        <source> · 空白?</source>
        <translation> · blank?</translation>
    </message>
    <message>
        <location filename="../../ui/intake/viewer.py" line="278"/>
        <source>这份材料没有页面</source>
        <translation>This material has no pages</translation>
    </message>
    <message>
        <location filename="../../ui/intake/viewer.py" line="414"/>
        <source>用文件替换这一页</source>
        <translation>Replace this page with a file</translation>
    </message>
    <message>
        <location filename="../../ui/intake/viewer.py" line="427"/>
        <source>操作失败：</source>
        <translation>Failed: </translation>
    </message>
</context>
<context>
    <name>PersonBlock</name>
    <message>
        <location filename="../../ui/intake/person.py" line="55"/>
        <source>个人</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../ui/intake/person.py" line="55"/>
        <source>单位（企业）</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../ui/intake/person.py" line="59"/>
        <source>申请人类型</source>
        <translation>Applicant type</translation>
    </message>
    <message>
        <location filename="../../ui/intake/person.py" line="73"/>
        <source>18 位号码，末位可为 X</source>
        <translation>18 characters, last may be X</translation>
    </message>
    <message>
        <location filename="../../ui/intake/person.py" line="74"/>
        <source>证件类型</source>
        <translation>ID type</translation>
    </message>
    <message>
        <location filename="../../ui/intake/person.py" line="76"/>
        <source>证件号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../ui/intake/person.py" line="80"/>
        <source>手机或座机</source>
        <translation>Mobile or landline</translation>
    </message>
    <message>
        <location filename="../../ui/intake/person.py" line="81"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/intake/person.py" line="84"/>
        <source>法定代表人</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <location filename="../../ui/intake/person.py" line="89"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/intake/person.py" line="118"/>
        <source>单位名称</source>
        <translation>Organisation name</translation>
    </message>
    <message>
        <location filename="../../ui/intake/person.py" line="118"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/intake/person.py" line="184"/>
        <source>请填写联系电话（办理进度和领取通知要用）</source>
        <translation>Enter a phone number (for progress and pickup notices)</translation>
    </message>
</context>
<context>
    <name>PersonLabel</name>
    <message>
        <location filename="../../ui/messages/catalog.py" line="143"/>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="144"/>
        <source>父亲</source>
        <translation>Father</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="145"/>
        <source>母亲</source>
        <translation>Mother</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="146"/>
        <source>监护人</source>
        <translation>Guardian</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="147"/>
        <source>法定代表人</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="148"/>
        <source>新任法定代表人</source>
        <translation>new legal representative</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="149"/>
        <source>逝者</source>
        <translation>Deceased</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="150"/>
        <source>卖方</source>
        <translation>seller</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="151"/>
        <source>买方</source>
        <translation>buyer</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="152"/>
        <source>新生儿</source>
        <translation>Newborn</translation>
    </message>
    <message>
        <location filename="../../ui/messages/catalog.py" line="153"/>
        <source>申请单位</source>
        <translation>applying organisation</translation>
    </message>
</context>
<context>
    <name>PersonLinks</name>
    <message>
        <location filename="../../ui/intake/person_links.py" line="38"/>
        <source>另行填写</source>
        <translation>Fill in</translation>
    </message>
    <message>
        <location filename="../../ui/intake/person_links.py" line="38"/>
        <source>同%1</source>
        <translation>Same as %1</translation>
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
        <location filename="../../ui/printing/preview.py" line="83"/>
        <source>打印预览</source>
        <translation>Print preview</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="98"/>
        <source>◀ 上一页</source>
        <translation>◀ Previous</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="105"/>
        <source>下一页 ▶</source>
        <translation>Next ▶</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="112"/>
        <source>缩小 (Ctrl+-)</source>
        <translation>Zoom out (Ctrl+-)</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="117"/>
        <source>适合页面</source>
        <translation>Fit page</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="122"/>
        <source>放大 (Ctrl++)</source>
        <translation>Zoom in (Ctrl++)</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="132"/>
        <source>正在生成文书…</source>
        <translation>Creating documents…</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="157"/>
        <source>文书</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="164"/>
        <source>此文书已打印过，本次为补打（每页标注“补打”及时间）</source>
        <translation>This document was printed before: this is a reprint (each page is marked &quot;Reprint&quot; with the time)</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="171"/>
        <source>打印到</source>
        <translation>Print to</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="178"/>
        <source>打印 (Ctrl+P)</source>
        <translation>Print (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="178"/>
        <source>打印本份 (Ctrl+Shift+P)</source>
        <translation>Print this one (Ctrl+Shift+P)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/printing/preview.py" line="185"/>
        <source>全部打印（%n 份） Ctrl+P</source>
        <translation>
            <numerusform>Print all (%n) Ctrl+P</numerusform>
            <numerusform>Print all (%n) Ctrl+P</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="200"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="222"/>
        <source>无法生成文书：</source>
        <translation>Cannot create the documents: </translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="250"/>
        <source>第 %1 / %2 页</source>
        <translation>Page %1 / %2</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="286"/>
        <source>缩放 %1%</source>
        <translation>Zoom %1%</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="312"/>
        <source>正在打印…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="328"/>
        <source>已打印：</source>
        <translation>Printed: </translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="330"/>
        <source>未打印，已留在打印队列（可在状态栏“打印队列”中重试）：</source>
        <translation>Not printed; kept in the print queue (retry from &quot;Print queue&quot; in the status bar): </translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="337"/>
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
        <location filename="../../ui/printing/queue_view.py" line="80"/>
        <source>打印队列 %1</source>
        <translation>Print queue %1</translation>
    </message>
    <message>
        <location filename="../../ui/printing/queue_view.py" line="81"/>
        <source>待打印 %1 份，失败 %2 份：点击查看、重试或取消</source>
        <translation>%1 waiting, %2 failed: click to view, retry or cancel</translation>
    </message>
</context>
<context>
    <name>PrintQueueDialog</name>
    <message>
        <location filename="../../ui/printing/queue_view.py" line="34"/>
        <source>文书</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../ui/printing/queue_view.py" line="34"/>
        <source>打印机</source>
        <translation>Printer</translation>
    </message>
    <message>
        <location filename="../../ui/printing/queue_view.py" line="34"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/printing/queue_view.py" line="34"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/printing/queue_view.py" line="35"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/printing/queue_view.py" line="113"/>
        <source>打印队列</source>
        <translation>Print queue</translation>
    </message>
    <message>
        <location filename="../../ui/printing/queue_view.py" line="117"/>
        <source>以下文书尚未打印。打印机恢复后点“重试”；也可改用其他打印机，或取消不再打印的任务。</source>
        <translation>These documents have not been printed. Click &quot;Retry&quot; once the printer is back; you can also use another printer, or cancel jobs no longer needed.</translation>
    </message>
    <message>
        <location filename="../../ui/printing/queue_view.py" line="136"/>
        <source>重试到：</source>
        <translation>Retry on: </translation>
    </message>
    <message>
        <location filename="../../ui/printing/queue_view.py" line="137"/>
        <source>原打印机</source>
        <translation>Original printer</translation>
    </message>
    <message>
        <location filename="../../ui/printing/queue_view.py" line="142"/>
        <source>重试</source>
        <translation>Retry</translation>
    </message>
    <message>
        <location filename="../../ui/printing/queue_view.py" line="146"/>
        <source>取消任务</source>
        <translation>Cancel job</translation>
    </message>
    <message>
        <location filename="../../ui/printing/queue_view.py" line="156"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/printing/queue_view.py" line="208"/>
        <source>正在重试 #%1…</source>
        <translation>Retrying #%1…</translation>
    </message>
    <message>
        <location filename="../../ui/printing/queue_view.py" line="213"/>
        <source>已打印：</source>
        <translation>Printed: </translation>
    </message>
    <message>
        <location filename="../../ui/printing/queue_view.py" line="215"/>
        <source>仍未打印：</source>
        <translation>Still not printed: </translation>
    </message>
    <message>
        <location filename="../../ui/printing/queue_view.py" line="224"/>
        <source>已取消：</source>
        <translation>Cancelled: </translation>
    </message>
    <message>
        <location filename="../../ui/printing/queue_view.py" line="228"/>
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
        <location filename="../../ui/printing/choice.py" line="144"/>
        <source>PDF 保存到</source>
        <translation>Save PDF to</translation>
    </message>
</context>
<context>
    <name>PrintingFeature</name>
    <message>
        <location filename="../../ui/printing/__init__.py" line="84"/>
        <source>已打印：</source>
        <translation>Printed: </translation>
    </message>
    <message>
        <location filename="../../ui/printing/__init__.py" line="86"/>
        <source>未打印，已留在打印队列（可在状态栏“打印队列”中重试）：</source>
        <translation>Not printed; kept in the print queue (retry from &quot;Print queue&quot; in the status bar): </translation>
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
        <location filename="../../ui/sync/problems.py" line="31"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/sync/problems.py" line="31"/>
        <source>受理编号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/problems.py" line="31"/>
        <source>尝试</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <location filename="../../ui/sync/problems.py" line="31"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/sync/problems.py" line="32"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/sync/problems.py" line="33"/>
        <source>案件</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../ui/sync/problems.py" line="33"/>
        <source>事件</source>
        <translation>Event</translation>
    </message>
    <message>
        <location filename="../../ui/sync/problems.py" line="33"/>
        <source>评价</source>
        <translation>Rating</translation>
    </message>
    <message>
        <location filename="../../ui/sync/problems.py" line="53"/>
        <source>同步问题</source>
        <translation>Sync problems</translation>
    </message>
    <message>
        <location filename="../../ui/sync/problems.py" line="57"/>
        <source>以下数据平台未接收，已暂停上传。排除原因后点“重试”；确实不需上传的，可“放弃”并写明理由（留档备查）。</source>
        <translation>The platform did not accept the data below, so uploading is paused. Fix the cause and click &quot;Retry&quot;; if it really need not be uploaded, &quot;Discard&quot; it with a reason (kept on record).</translation>
    </message>
    <message>
        <location filename="../../ui/sync/problems.py" line="80"/>
        <source>重试</source>
        <translation>Retry</translation>
    </message>
    <message>
        <location filename="../../ui/sync/problems.py" line="83"/>
        <source>放弃…</source>
        <translation>Discard…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/problems.py" line="86"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/sync/problems.py" line="113"/>
        <source>没有同步问题</source>
        <translation>No sync problems</translation>
    </message>
    <message>
        <location filename="../../ui/sync/problems.py" line="134"/>
        <source>已重新排队上传：#%1</source>
        <translation>Queued for upload again: #%1</translation>
    </message>
    <message>
        <location filename="../../ui/sync/problems.py" line="140"/>
        <source>放弃同步</source>
        <translation>Discard sync</translation>
    </message>
    <message>
        <location filename="../../ui/sync/problems.py" line="140"/>
        <source>放弃的理由（至少 4 个字，留档备查）：</source>
        <translation>Reason for discarding (at least 4 characters, kept on record):</translation>
    </message>
    <message>
        <location filename="../../ui/sync/problems.py" line="152"/>
        <source>已放弃：#%1</source>
        <translation>Discarded: #%1</translation>
    </message>
    <message>
        <location filename="../../ui/sync/problems.py" line="158"/>
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
    <name>RectificationsPanel</name>
    <message>
        <location filename="../../ui/loops/board.py" line="206"/>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/loops/board.py" line="207"/>
        <source>办件编号</source>
        <translation>Project no.</translation>
    </message>
    <message>
        <location filename="../../ui/loops/board.py" line="208"/>
        <source>评分</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../ui/loops/board.py" line="209"/>
        <source>差评原因</source>
        <translation>Reasons</translation>
    </message>
    <message>
        <location filename="../../ui/loops/board.py" line="210"/>
        <source>经办人</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <location filename="../../ui/loops/board.py" line="211"/>
        <source>窗口</source>
        <translation>Window</translation>
    </message>
    <message>
        <location filename="../../ui/loops/board.py" line="212"/>
        <source>限办日期</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/loops/board.py" line="213"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/loops/board.py" line="225"/>
        <source>未办结</source>
        <translation>Not closed</translation>
    </message>
    <message>
        <location filename="../../ui/loops/board.py" line="226"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../ui/loops/board.py" line="247"/>
        <source>读取整改事项失败：</source>
        <translation>Could not read the rectification items: </translation>
    </message>
    <message>
        <location filename="../../ui/loops/board.py" line="253"/>
        <source> 已超期</source>
        <translation> overdue</translation>
    </message>
    <message>
        <location filename="../../ui/loops/board.py" line="257"/>
        <source>共 %1 件，其中超期 %2 件</source>
        <translation>%1 items, %2 of them overdue</translation>
    </message>
    <message>
        <location filename="../../ui/loops/board.py" line="267"/>
        <source>请先选中一件整改事项</source>
        <translation>Select a rectification item first</translation>
    </message>
    <message>
        <location filename="../../ui/loops/board.py" line="271"/>
        <source>再次评价</source>
        <translation>Re-evaluation</translation>
    </message>
    <message>
        <location filename="../../ui/loops/board.py" line="271"/>
        <source>申请人对整改的再次评价（1–5 分）：</source>
        <translation>The applicant&apos;s rating of the rectification (1–5):</translation>
    </message>
    <message>
        <location filename="../../ui/loops/board.py" line="276"/>
        <source>裁定申诉</source>
        <translation>Decide the appeal</translation>
    </message>
    <message>
        <location filename="../../ui/loops/board.py" line="276"/>
        <source>申诉成立请以“成立：”开头，否则写不成立的理由：</source>
        <translation>To uphold the appeal start with “成立：”; otherwise give the reason it is not upheld:</translation>
    </message>
    <message>
        <location filename="../../ui/loops/board.py" line="282"/>
        <source>回访记录：申请人怎么说</source>
        <translation>Callback: what the applicant said</translation>
    </message>
    <message>
        <location filename="../../ui/loops/board.py" line="282"/>
        <source>整改结果</source>
        <translation>Rectification result</translation>
    </message>
    <message>
        <location filename="../../ui/loops/board.py" line="283"/>
        <source>差评整改</source>
        <translation>Rectification of poor ratings</translation>
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
        <location filename="../../ui/intake/scan_panel.py" line="96"/>
        <source>选项 ▾</source>
        <translation>Options ▾</translation>
    </message>
    <message>
        <location filename="../../ui/intake/scan_panel.py" line="110"/>
        <source>连续 </source>
        <translation>Pages: </translation>
    </message>
    <message>
        <location filename="../../ui/intake/scan_panel.py" line="111"/>
        <source> 页</source>
        <translation> </translation>
    </message>
    <message>
        <location filename="../../ui/intake/scan_panel.py" line="112"/>
        <source>平板扫描时连续扫描的页数（每页之间换纸）；进纸器扫到纸用完为止</source>
        <translation>Pages to scan in a row on the flatbed (change the sheet between pages); the feeder scans until it runs out of paper</translation>
    </message>
    <message>
        <location filename="../../ui/intake/scan_panel.py" line="118"/>
        <source>按分隔页归档</source>
        <translation>File by separator sheets</translation>
    </message>
    <message>
        <location filename="../../ui/intake/scan_panel.py" line="120"/>
        <source>一批扫描中放入打印的分隔页（条码），分隔页之后的页面归入它标明的材料；第一张分隔页之前的页面归入所选材料</source>
        <translation>Put printed separator sheets (barcodes) into a batch: the pages after a separator go to the material it names; pages before the first separator go to the selected material</translation>
    </message>
    <message>
        <location filename="../../ui/intake/scan_panel.py" line="125"/>
        <source>扫描到哪一份材料（点一下清单中的材料也会选中它）</source>
        <translation>Which material to scan into (clicking a material in the checklist selects it too)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/scan_panel.py" line="128"/>
        <source>扫描到所选材料</source>
        <translation>Scan into selected material</translation>
    </message>
    <message>
        <location filename="../../ui/intake/scan_panel.py" line="138"/>
        <source>取消扫描</source>
        <translation>Cancel scan</translation>
    </message>
    <message>
        <location filename="../../ui/intake/scan_panel.py" line="206"/>
        <location filename="../../ui/intake/scan_panel.py" line="208"/>
        <source>打开一个案件后可以扫描</source>
        <translation>Open a case to scan</translation>
    </message>
    <message>
        <location filename="../../ui/intake/scan_panel.py" line="209"/>
        <source>请先点“查找扫描仪”，或按 Ctrl+O 导入文件</source>
        <translation>Find the scanner first, or press Ctrl+O to import a file</translation>
    </message>
    <message>
        <location filename="../../ui/intake/scan_panel.py" line="214"/>
        <source>正在查找扫描仪…</source>
        <translation>Looking for scanners…</translation>
    </message>
    <message>
        <location filename="../../ui/intake/scan_panel.py" line="226"/>
        <location filename="../../ui/intake/scan_panel.py" line="234"/>
        <source>未找到扫描仪</source>
        <translation>No scanner found</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/intake/scan_panel.py" line="227"/>
        <source>找到 %n 台扫描仪</source>
        <translation>
            <numerusform>%n scanner found</numerusform>
            <numerusform>%n scanners found</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/intake/scan_panel.py" line="228"/>
        <source>未找到扫描仪：请检查电源和连接线，或用“导入文件”</source>
        <translation>No scanner found: check the power and cable, or use &quot;Import files…&quot;</translation>
    </message>
    <message>
        <location filename="../../ui/intake/scan_panel.py" line="256"/>
        <source>请先选择要扫描到哪一份材料</source>
        <translation>First choose which material to scan into</translation>
    </message>
    <message>
        <location filename="../../ui/intake/scan_panel.py" line="262"/>
        <source>正在扫描…</source>
        <translation>Scanning…</translation>
    </message>
    <message>
        <location filename="../../ui/intake/scan_panel.py" line="283"/>
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/intake/scan_panel.py" line="287"/>
        <source>已扫描 %n 页…</source>
        <translation>
            <numerusform>%n page scanned…</numerusform>
            <numerusform>%n pages scanned…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/intake/scan_panel.py" line="299"/>
        <source>%1 %n 页</source>
        <translation>
            <numerusform>%1 %n page</numerusform>
            <numerusform>%1 %n pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/intake/scan_panel.py" line="302"/>
        <source>扫描已取消；已扫描的 %n 页已保留</source>
        <translation>
            <numerusform>Scan cancelled; the %n page scanned was kept</numerusform>
            <numerusform>Scan cancelled; the %n pages scanned were kept</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/intake/scan_panel.py" line="304"/>
        <source>扫描完成：%n 页</source>
        <translation>
            <numerusform>Scan complete: %n page</numerusform>
            <numerusform>Scan complete: %n pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/intake/scan_panel.py" line="310"/>
        <source>%n 页未归档，保存在：</source>
        <translation>
            <numerusform>%n page not filed, saved in: </numerusform>
            <numerusform>%n pages not filed, saved in: </numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/intake/scan_panel.py" line="316"/>
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
    <name>SignatureDialog</name>
    <message>
        <location filename="../../ui/devices/signature.py" line="36"/>
        <source>告知承诺书签名</source>
        <translation>Sign the commitment letter</translation>
    </message>
    <message>
        <location filename="../../ui/devices/signature.py" line="43"/>
        <source>请申请人在下方签名板上签名</source>
        <translation>Applicant, please sign on the pad below</translation>
    </message>
    <message>
        <location filename="../../ui/devices/signature.py" line="52"/>
        <source>重签</source>
        <translation>Sign again</translation>
    </message>
    <message>
        <location filename="../../ui/devices/signature.py" line="56"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/devices/signature.py" line="59"/>
        <source>确认签名</source>
        <translation>Confirm signature</translation>
    </message>
    <message>
        <location filename="../../ui/devices/signature.py" line="71"/>
        <source>还没有签名</source>
        <translation>Not signed yet</translation>
    </message>
    <message>
        <location filename="../../ui/devices/signature.py" line="98"/>
        <source>签名已保存；承诺书未打印：{problem}</source>
        <translation>Signature saved; the commitment letter was not printed: {problem}</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <location filename="../../ui/widgets/signature.py" line="54"/>
        <source>请申请人在此签名（鼠标、手写笔或手指均可）</source>
        <translation>Applicant, please sign here (mouse, pen or finger)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/signature.py" line="140"/>
        <source>请在虚线上方签名</source>
        <translation>Sign above the dotted line</translation>
    </message>
</context>
<context>
    <name>SmsPanel</name>
    <message>
        <location filename="../../ui/queue/booking_desk.py" line="328"/>
        <source>刷新短信记录</source>
        <translation>Refresh SMS journal</translation>
    </message>
    <message>
        <location filename="../../ui/queue/booking_desk.py" line="333"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/queue/booking_desk.py" line="333"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/queue/booking_desk.py" line="333"/>
        <source>排队号/预约码</source>
        <translation>Ticket / code</translation>
    </message>
    <message>
        <location filename="../../ui/queue/booking_desk.py" line="333"/>
        <source>手机</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <location filename="../../ui/queue/booking_desk.py" line="334"/>
        <source>内容</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../ui/queue/booking_desk.py" line="334"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/queue/booking_desk.py" line="384"/>
        <source>共 %1 条，已发送 %2，失败 %3</source>
        <translation>%1 messages, %2 sent, %3 failed</translation>
    </message>
</context>
<context>
    <name>StatusRow</name>
    <message>
        <location filename="../../ui/intake/checklist.py" line="52"/>
        <source>缺少</source>
        <translation>Missing</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="53"/>
        <source>已提交</source>
        <translation>Provided</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="54"/>
        <source>已核验原件</source>
        <translation>Original checked</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="55"/>
        <source>容缺后补</source>
        <translation>Deferred</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="56"/>
        <source>免提交</source>
        <translation>E-licence</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="57"/>
        <source>无需提交</source>
        <translation>Not required</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="78"/>
        <source>←/→ 或数字键选择材料状态，↑/↓ 换一项材料</source>
        <translation>←/→ or a digit picks the status, ↑/↓ moves to another material</translation>
    </message>
</context>
<context>
    <name>SupervisorWindow</name>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="146"/>
        <location filename="../../ui/queue/supervisor.py" line="157"/>
        <source>大厅监管</source>
        <translation>Hall supervision</translation>
    </message>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="169"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="172"/>
        <source>导出今日数据 (Excel)…</source>
        <translation>Export today&apos;s data (Excel)…</translation>
    </message>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="183"/>
        <location filename="../../ui/queue/supervisor.py" line="184"/>
        <source>窗口</source>
        <translation>Window</translation>
    </message>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="184"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="184"/>
        <source>办理业务</source>
        <translation>Services</translation>
    </message>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="184"/>
        <source>当前号</source>
        <translation>Current ticket</translation>
    </message>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="185"/>
        <location filename="../../ui/queue/supervisor.py" line="189"/>
        <source>已办结</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="185"/>
        <source>平均办理</source>
        <translation>Avg. service</translation>
    </message>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="187"/>
        <source>排队</source>
        <translation>Queues</translation>
    </message>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="188"/>
        <source>业务</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="188"/>
        <source>等候</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="188"/>
        <source>最长等候</source>
        <translation>Longest wait</translation>
    </message>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="188"/>
        <source>预计等候</source>
        <translation>Expected wait</translation>
    </message>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="189"/>
        <source>过号</source>
        <translation>No-shows</translation>
    </message>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="189"/>
        <source>暂挂</source>
        <translation>Parked</translation>
    </message>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="189"/>
        <source>应急号</source>
        <translation>Fallback ticket</translation>
    </message>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="190"/>
        <source>预约签到</source>
        <translation>Appointment check-in</translation>
    </message>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="196"/>
        <source>已签到 / 当天预约（不含已取消）；括号内为爽约</source>
        <translation>Checked in / booked for today (not counting cancelled); missed in brackets</translation>
    </message>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="198"/>
        <source>今日按小时</source>
        <translation>Today by hour</translation>
    </message>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="204"/>
        <source>提醒</source>
        <translation>Alerts</translation>
    </message>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="208"/>
        <source>跟进提醒（容缺超期、差评）</source>
        <translation>Follow-up alerts (overdue deferred materials, poor ratings)</translation>
    </message>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="215"/>
        <source>潮汐窗口建议</source>
        <translation>Tidal window suggestions</translation>
    </message>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="220"/>
        <source>各业务预计等候都在阈值以内，无需调整。</source>
        <translation>Expected waits for all services are within the threshold: no change needed.</translation>
    </message>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="233"/>
        <source>大厅</source>
        <translation>Hall</translation>
    </message>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="236"/>
        <source>电话预约</source>
        <translation>Phone booking</translation>
    </message>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="238"/>
        <source>短信记录</source>
        <translation>SMS journal</translation>
    </message>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="340"/>
        <location filename="../../ui/queue/supervisor.py" line="434"/>
        <source>%1 分钟</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="353"/>
        <source>暂无提醒</source>
        <translation>No alerts</translation>
    </message>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="356"/>
        <source>更新于 %1</source>
        <translation>Updated %1</translation>
    </message>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="374"/>
        <source>一键开放 %1</source>
        <translation>Open %1</translation>
    </message>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="390"/>
        <source>%1 已开放，办理：%2</source>
        <translation>%1 opened for: %2</translation>
    </message>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="399"/>
        <source>还没有数据可导出</source>
        <translation>No data to export yet</translation>
    </message>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="402"/>
        <source>导出今日数据</source>
        <translation>Export today&apos;s data</translation>
    </message>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="402"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="408"/>
        <source>导出失败：</source>
        <translation>Export failed: </translation>
    </message>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="411"/>
        <source>已导出：</source>
        <translation>Exported: </translation>
    </message>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="426"/>
        <source>（爽约 %1）</source>
        <translation> (%1 missed)</translation>
    </message>
    <message>
        <location filename="../../ui/queue/supervisor.py" line="435"/>
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
        <location filename="../../ui/sync/indicator.py" line="19"/>
        <source>同步：需要重新登录</source>
        <translation>Sync: log in again</translation>
    </message>
    <message>
        <location filename="../../ui/sync/indicator.py" line="21"/>
        <source>同步：离线</source>
        <translation>Sync: offline</translation>
    </message>
    <message>
        <location filename="../../ui/sync/indicator.py" line="23"/>
        <source>同步：连接中…</source>
        <translation>Sync: connecting…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/indicator.py" line="25"/>
        <source>同步：在线</source>
        <translation>Sync: online</translation>
    </message>
    <message>
        <location filename="../../ui/sync/indicator.py" line="27"/>
        <source> · 待上传 %1</source>
        <translation> · %1 to upload</translation>
    </message>
    <message>
        <location filename="../../ui/sync/indicator.py" line="29"/>
        <source> · 已全部上传</source>
        <translation> · all uploaded</translation>
    </message>
    <message>
        <location filename="../../ui/sync/indicator.py" line="31"/>
        <source> · 问题 %1</source>
        <translation> · %1 problems</translation>
    </message>
    <message>
        <location filename="../../ui/sync/indicator.py" line="34"/>
        <source>上次成功：</source>
        <translation>Last success: </translation>
    </message>
    <message>
        <location filename="../../ui/sync/indicator.py" line="37"/>
        <source>尚未成功同步</source>
        <translation>Not synced successfully yet</translation>
    </message>
    <message>
        <location filename="../../ui/sync/indicator.py" line="39"/>
        <source>正在同步…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/indicator.py" line="41"/>
        <source>下次尝试：</source>
        <translation>Next attempt: </translation>
    </message>
    <message>
        <location filename="../../ui/sync/indicator.py" line="44"/>
        <source>最后错误：</source>
        <translation>Last error: </translation>
    </message>
    <message>
        <location filename="../../ui/sync/indicator.py" line="46"/>
        <source>登录已失效：请重新登录，未上传的数据不会丢失</source>
        <translation>Login expired: log in again; data not yet uploaded will not be lost</translation>
    </message>
    <message>
        <location filename="../../ui/sync/indicator.py" line="72"/>
        <source>立即同步</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../../ui/sync/indicator.py" line="73"/>
        <source>同步问题…</source>
        <translation>Sync problems…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/indicator.py" line="74"/>
        <source>重新登录平台…</source>
        <translation>Log in to the platform again…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/indicator.py" line="79"/>
        <source>同步：未接入平台</source>
        <translation>Sync: not connected</translation>
    </message>
    <message>
        <location filename="../../ui/sync/indicator.py" line="79"/>
        <source>未配置政务服务平台地址，或尚未登录平台</source>
        <translation>No government service platform address configured, or not logged in to the platform</translation>
    </message>
    <message>
        <location filename="../../ui/sync/indicator.py" line="89"/>
        <source>同步问题（%1）…</source>
        <translation>Sync problems (%1)…</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="60"/>
        <source>转移排队号 %1</source>
        <translation>Transfer ticket %1</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="62"/>
        <source>把 %1 号转给其他业务或其他窗口；该号将优先于后来的号等候。</source>
        <translation>Transfer ticket %1 to another service or window; it will wait ahead of later tickets.</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="64"/>
        <source>转到业务</source>
        <translation>To service</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="65"/>
        <source>转到窗口</source>
        <translation>To window</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="73"/>
        <source>窗口代码，如 W05</source>
        <translation>Window code, e.g. W05</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="82"/>
        <source>转移</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="83"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="100"/>
        <source>请填写要转去的窗口代码</source>
        <translation>Enter the code of the target window</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="103"/>
        <source>不能转给本窗口</source>
        <translation>Cannot transfer to this window</translation>
    </message>
    <message>
        <location filename="../../ui/queue/caller_bar.py" line="106"/>
        <source>请选择业务</source>
        <translation>Choose a service</translation>
    </message>
</context>
<context>
    <name>WarningStrip</name>
    <message>
        <location filename="../../ui/intake/assist_panel.py" line="154"/>
        <source>忽略 Alt+W</source>
        <translation>Dismiss Alt+W</translation>
    </message>
</context>
</TS>
