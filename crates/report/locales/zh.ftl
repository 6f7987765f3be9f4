# 纸质问卷本身的文字（简体中文）。年度报告仍为俄文和英文。
# The paper questionnaire's own words in Chinese (simplified); the report stays in
# Russian and English.

paper-document = 问卷
paper-form-no = 问卷编号
paper-period = 报告期
paper-anonymity-title = 本调查为匿名调查。
paper-anonymity-name = 请勿在问卷上填写您的姓名、电话、地址或其他可识别您身份的信息。
paper-anonymity-threshold = { $k ->
   *[other] 回答少于 { $k } 份的任何群组，其结果不向任何人显示。
}
paper-how = 请在方框内用 ✓ 或 ✗ 标记您的答案。如需更改答案，请将该方框完全涂黑，再标记另一个。
paper-required-legend = — 必答题
paper-do-one = 请选择一项。
paper-do-many = 请选择所有适用项。
paper-do-score = 请选择一个分数。
paper-do-number = 请填写一个数字。
paper-do-integer = 请填写一个整数。
paper-do-text = 请填写您的回答。
paper-yes = 是
paper-no = 否
paper-scale-min = 最差
paper-scale-max = 最好
paper-nps-min = 绝对不会
paper-nps-max = 一定会
# 题目的显示条件：题号、答案、需回答的题目。
paper-if-choice = 如果您在第 { $q } 题中选择了 { $values }，请回答第 { $range } { $several ->
       *[no] 题
    }。
paper-if-multi = 如果您在第 { $q } 题中勾选了 { $values }，请回答第 { $range } { $several ->
       *[no] 题
    }。
paper-if-yesno = 如果您在第 { $q } 题中回答了 { $values }，请回答第 { $range } { $several ->
       *[no] 题
    }。
paper-if-score = 如果您在第 { $q } 题中打分为 { $values }，请回答第 { $range } { $several ->
       *[no] 题
    }。
paper-otherwise = 否则请跳至第 { $next } 题。
paper-otherwise-end = 否则问卷已填写完毕。
paper-quoted = “{ $text }”
paper-or = 或
paper-values-range = { $from } 至 { $to }
paper-thanks = 感谢您的参与！请将填好的问卷交给调查组织者。
