# 简体中文：受访者看到的界面。此处没有的消息以英文显示。
# Chinese (simplified characters): the screens respondents see. A message missing
# here is shown in English.

lang-choose = 语言
app-name = Otklik
app-tagline = 匿名客户满意度调查
large-text = 大号字体
large-text-off = 常规字体
organiser = 组织者专用
skip-to-content = 跳到主要内容
storage-unavailable = 此浏览器不允许在设备上保存数据（{ $detail }）。关闭页面后，回答和文件将不会保留：请在浏览器的普通窗口中或通过网络服务器打开本应用。
stored-on-device = 回答已保存在此设备上。
thanks-again = 重新开始
thanks-download = 下载您的回答文件
thanks-download-hint = 请将此文件交给调查组织者。
thanks-home = 返回首页
thanks-next = { $n ->
   *[other] { $n } 秒后轮到下一位受访者
}
thanks-receipt = 确认码：{ $code }
thanks-receipt-hint = 此代码与您的回答无关，仅用于确认已收到。
thanks-title = 谢谢！您的回答已收到
abort = 中止调查
abort-detail = 已填写的回答将被删除，不会保存任何回答。您将返回首页。
abort-detail-kiosk = 已填写的回答将被删除，不会保存任何回答。自助终端将回到调查开头，等待下一位受访者。
abort-no = 继续答题
abort-question = 要中止调查吗？
abort-yes = 是，中止
anonymity-local = 回答不会通过任何网络发送：在组织者将其导出为文件之前，回答一直保存在此设备上。
anonymity-not-stored = 不保存：您的姓名、答题时间、地址（包括 IP 地址）、设备信息。
anonymity-stored = 仅保存您的回答和报告期（{ $period }）。
anonymity-threshold = { $k ->
   *[other] 回答少于 { $k } 份的任何群组，其结果不向任何人显示。
}
anonymity-title = 本调查为匿名调查
back = 上一步
error-required = 请回答此问题。
errors-title = 请检查您的回答
next = 下一步
progress = 第 { $step } 步，共 { $total } 步
remaining = { $n ->
    [0] 这是最后一步
   *[other] 还剩 { $n } 个问题
}
required-legend = 标有 * 的问题为必答题。
save-failed = 无法在此设备上保存您的回答。请不要关闭页面，并告知组织者。
saved = 回答已保存
saving = 正在保存…
start = 开始答题
submit = 提交回答
landing-full = 打开组织者应用
landing-text = 如需参加调查，请打开组织者发送给您的链接。回答仅保存在此设备上。
landing-title = 通过链接参加调查
no = 否
nps-scale = 0 — 绝对不会，10 — 一定会
number-range = { $min } 到 { $max } 之间的数字
required-mark = 必答题
text-counter = { $used } / { $max } 字
yes = 是
embed-damaged = 调查链接已损坏（可能在复制时被截断）。请索取新的链接。（{ $detail }）
embed-invalid = 链接或文件中的调查有错误，无法打开。（{ $detail }）
embed-period = 调查链接中的期间“{ $detail }”无效。
