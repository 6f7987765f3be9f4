# The yearly report's words (English).
# Every message is in ru.ftl too (a test checks it), and every key the code gives
# `tr` or `tr_args` is here.

## Title page and the labels shared with the stamp
title-heading = Client-centricity report for {$year}
title-subtitle = Yearly report to the annual General Meeting of members (Standard §8.3)
label-organisation = Organisation
label-surveys = Surveys
label-compared-with = Compared with
label-no-comparison = no comparison
label-prepared = Date of preparation
# A survey's name: its audience, then its title.
audience-label = { $audience ->
        [internal] Internal clients
       *[external] External clients
    }: {$title}

## The document: contents, appendices, captions, hidden cells
doc-contents = Contents
doc-appendix-title = Appendix {$number}. {$title}
doc-appendix-first = A
doc-appendix-second = B
doc-table-caption = Table {$number}. {$caption}
doc-figure-caption = Figure {$number}. {$caption}
doc-xlsx-title-sheet = Title
# A hidden cell.
suppressed-fewer-than = fewer than {$k}

## Sections
section-summary = Summary
section-internal = Internal clients
section-external = External clients
section-dynamics = Dynamics
section-priorities = Priorities and recommendations
section-method = Methodology and anonymity
section-registry = Touchpoint registry
section-stamp = Reproducibility stamp

## Table columns
col-indicator = Indicator
col-value = Value
col-ci = 95% CI
col-ci-lower = lower
col-ci-upper = upper
col-n = n
col-change = Change
col-change-pp = Change, pp
col-p = p
col-significance = Significance
col-year = Year
col-years = Years
col-unit = Unit
col-item = Question
col-dimension = Area
col-alpha = Cronbach's α
col-top2 = Share 4–5, %
col-index = Index 0–100
col-ccl = Client-centricity level
col-response-rate = Response rate, %
col-touchpoint = Touchpoint
col-type = Type
col-share = Share, %
col-contacts-share = Share of contacts, %
col-segment = Client segment
col-need = Need
col-standard = Standard
col-norm = Norm
col-within = Within the standard, %
col-median = Median
col-p90 = 90th percentile
col-resolved = Resolved, %
col-easy = Easy (4–5), %
col-promoters = Promoters, %
col-passives = Passives, %
col-detractors = Detractors, %
col-importance = Importance (r)
col-performance = Performance (index 0–100)
col-priority = Priority
col-slope = Slope per year
col-periods = Periods in the data
col-needs = Needs (from the answers)
col-breakdown = Breakdown
col-groups-shown = Groups shown
col-groups-hidden = Groups hidden
col-figures-hidden = Figures hidden in shown groups
col-file = File
col-role = Role
col-sha = SHA-256
col-parameter = Parameter
col-ces-mean = Mean ease (1–5)

## Values in cells, and the indicators' names
value-significant = significant
value-not-significant = not significant
value-yes = yes
value-no = no
channel-digital = digital
channel-offline = offline
option-no-answer = (no answer)
indicator-ccl = Client-centricity level
indicator-resolution = Share of resolved issues
indicator-ces-easy = Customer effort (CES): share answering 4–5
indicator-standard = Standard {$norm}: {$question}

## Charts
chart-period = Year
chart-index = Index, 0–100
chart-band = 95% confidence interval
chart-answers = Share of answers
chart-importance = Importance (correlation with the level)
chart-performance = Performance (index 0–100)
chart-priority = Priority: important, below-median performance
chart-other = Other questions
chart-medians = Medians
chart-responses = Share of contacts
chart-within = Within the standard, % of answers
chart-detractors = Detractors (0–6)
chart-passives = Passives (7–8)
chart-promoters = Promoters (9–10)
chart-suppressed-note = <{$k}: hidden: fewer than {$k} answers, or to protect other groups

## Summary and its findings
summary-caption = Key indicators for {$year}
finding-level = The client-centricity level as rated by { $audience ->
        [internal] internal clients
       *[external] external clients
    } in {$year} is {$value} out of 100 (95% CI {$ci}; n = {$n}).
finding-level-unchanged = It is practically unchanged from {$year}.
finding-level-change = Compared with {$year} it { $direction ->
        [up] rose
       *[down] fell
    } by {$delta} points{ $significant ->
        [yes] , a significant change.
       *[no] ; the change is not significant.
    }
finding-level-suppressed = The client-centricity level for {$year} is not shown: fewer than {$k} responses.
# A change: the subject (below, or an NPS's name) rose or fell from one value to
# another; `gender` is the subject's (for the Russian verb).
finding-change = {$subject} { $direction ->
        [up] rose
       *[down] fell
    } from {$from} to { $scale ->
        [index] {$to} out of 100
       *[other] {$to}
    } ({ $significant ->
        [yes] significant
       *[no] not significant
    }).
finding-subject-ccl = The client-centricity level
finding-subject-area = The index of “{$area}”
finding-subject-item = The score of “{$question}”
finding-subject-ces = The share of clients who found it easy
finding-subject-resolution = The share of resolved issues
finding-subject-standard = The share of answers within the standard {$norm} ({$question})
# A share in a sentence.
finding-percent = {$value}%
finding-areas = The highest-rated area is “{$high}” ({$high-value} out of 100), the lowest “{$low}” ({$low-value} out of 100).
finding-no-other-changes = There are no other statistically significant changes from {$year}.
finding-other-changes-not-significant = The other changes from {$year} are not statistically significant.

## Internal clients
internal-areas-heading = Monitoring areas
internal-areas-standard = The areas follow Standard §8.6: satisfaction with working conditions, discipline of task execution, interaction with the direct manager (sufficiency of interaction and clarity of task setting) and the social environment; in addition, internal interaction between units and development.
internal-areas-caption = Indices of the monitoring areas, {$year}
internal-items-heading = Scores per question
internal-units-by = unit
internal-units-heading = Results per unit (Standard §8.2)
internal-units-note = Nothing is shown for a unit with fewer than {$k} responses; further units are hidden where the hidden figures could otherwise be derived from this or other tables (marked the same way).
internal-units-caption = Client-centricity level per unit, {$year}
internal-standards-heading = Response times to internal requests
internal-enps-heading = Recommending the organisation as an employer (eNPS)

## External clients
external-areas-heading = Satisfaction per area
external-areas-caption = Satisfaction indices per area, {$year}
external-touchpoints-heading = Touchpoints and channels
external-touchpoints-caption = Figures per touchpoint, {$year}
external-segments-by = client segment
external-segments-heading = Client segments
external-segments-caption = Figures per client segment, {$year}
external-needs-heading = Client needs
external-needs-caption = Figures per client need, {$year}
external-standards-heading = Service standards
external-standards-norms = The norms of the touchpoint registry: waiting at reception at most 15 minutes, at most 2 transfers on the phone, a written answer within 30 days.
external-resolution-heading = Resolution, NPS and effort (CES)
external-resolution-caption = Resolved issues and customer effort, {$year}

## Tables and charts of both client sections
items-caption = Scores per question, {$year}
likert-caption = Distribution of answers per question, {$year}
breakdown-rate-note = Response rate: the year's responses divided by the unit's headcount and by the number of survey waves in the year ({$waves}).
dimension-breakdown-caption = Area indices (0–100) by {$by}, {$year}
nps-caption = Likelihood to recommend (NPS), {$year}
nps-breakdown-caption = {$name} composition by {$by}, {$year}
channels-caption = Channels: shares of touchpoints, {$year}
channels-all-of-type = All {$type} channels
standards-caption = Compliance with service standards, {$year}
standards-touchpoints-caption = Compliance with the standards per touchpoint, {$year}

## Dynamics
dynamics-ccl-caption = Client-centricity level per year (95% confidence interval)
dynamics-areas-caption = Area indices per year
dynamics-nps-caption = {$name} per year (95% confidence interval)
dynamics-table-caption = Indicators per year (under each value, its 95% confidence interval)
dynamics-trends-caption = Trends: slope of the least-squares line over the years

## Priorities and recommendations
priorities-caption = Drivers of the client-centricity level: importance and performance, {$year}
priorities-recommendations-heading = Recommendations
priorities-generated = Generated from the driver analysis (Standard §8.7): questions of high importance and below-median performance.
priorities-by-user = The recommendations were written by the user from the driver analysis (Standard §8.7).
recommendation-priority = Pay attention to: “{$question}” — high importance, performance {$performance} out of 100.
recommendation-none = The data of {$year} show no priority area to correct.

## Methodology and anonymity
method-samples-heading = Samples
method-samples-caption = Responses per year
method-periods = Responses are collected per period (year, half, quarter or month); for this report each response's period is replaced by its year, and every figure is computed per year.
method-indicators-heading = How the indicators are computed
method-question-index = Question index: (mean − 1) / (m − 1) · 100, m being the scale's number of points; 0 is the worst score, 100 the best.
method-top2 = Share 4–5 (CSAT): the share of answers in the top two points of the scale.
method-area-index = Area index: the mean over respondents of their mean score on the area's questions (0–100).
method-ccl = Client-centricity level: the respondent's weighted mean of area indices (weights from the survey definition), then the mean over respondents.
method-nps = NPS and eNPS: the share of promoters (9–10) minus the share of detractors (0–6), in points from −100 to 100.
method-ces = CES: ease of getting the issue resolved; the share of answers 4–5 and the mean.
method-standards = Service standards: the share of answers within the norm, the median and the 90th percentile.
method-resolution = Resolution: the share of “yes” answers to the resolution question.
method-drivers = Drivers: importance is Pearson's correlation of the question's score with the respondent's level; a priority has above-median importance and below-median performance.
method-intervals = Intervals: 95% confidence intervals — Student's t for means, Wilson for shares, the normal approximation for NPS.
method-changes = Changes between years: Welch's t-test for means, the two-proportion z-test for shares, a z-test for NPS; a change is significant at p < 0.05.
method-trends = Trends: the slope of the least-squares line over the years and its p-value (at least 3 years).
method-anonymity-heading = Anonymity
method-anonymity = {$survey}: threshold K = {$k}. A group with fewer than K responses is not shown — neither its figures nor its count (“fewer than {$k}”); likewise any figure computed from fewer than K answers. All tables of the report, the dashboard and the exports are protected together: further groups are hidden (marked the same way), so that no hidden number — a group's size, a question's count of answers, the count of each answer — can be derived or bounded below K from any combination of published tables (Gaussian elimination, as in Statistics Norway's GaussSuppression, with the remainder rule over all linked tables); an exact audit by linear programming checks it. The mark “fewer than {$k}” means “hidden”. Free-text answers are not part of this report (their threshold is {$k-text} responses). The confidence level is 95%.
method-waves = {$survey}: a year holds up to {$waves} survey waves and an employee may answer in each. So that a yearly group holds at least {$base-k} people, the threshold of the yearly report is multiplied by the number of waves: K = {$base-k} × {$waves} = {$k} responses.
method-breakdown-history = { col-year } (dynamics)
method-breakdown-by = { col-year } × {$question}
method-breakdown-registry = { col-year } × { col-touchpoint } × { col-need }
method-suppressed-caption = What was suppressed (counts only)

## Touchpoint registry
registry-intro = The touchpoint registry: the channel type, the needs each touchpoint serves (from the answers of {$year}; combinations of at least {$k} responses), satisfaction and compliance with the service standards.
registry-caption = Touchpoint registry, {$year}

## Reproducibility stamp
stamp-role-definition = survey definition
stamp-role-responses = responses
stamp-language = Language
stamp-threshold = K / free-text threshold ({$survey})
stamp-confidence = Confidence level
stamp-recommendations-hash = Recommendations edited by the user (SHA-256 of the text)
stamp-intro = The report's figures can be re-derived with the command below on the same files; equal SHA-256 hashes confirm the files are the same.
stamp-files-caption = Input files
stamp-version = Application version
stamp-command = Command
stamp-parameters-caption = Parameters

## The printed questionnaire
paper-document = questionnaire
paper-form-no = Form No.
paper-period = Period
paper-anonymity-title = This survey is anonymous.
paper-anonymity-name = Do not write your name, phone number, address or anything else that identifies you on this form.
paper-anonymity-threshold = Results of any group with fewer than { $k } responses are shown to no one.
paper-how = Mark your answer with ✓ or ✗ in the box. To change an answer, fill the box in completely and mark another.
paper-required-legend = — a question that needs an answer
paper-do-one = Tick one box.
paper-do-many = Tick all that apply.
paper-do-score = Tick one score.
paper-do-number = Write a number.
paper-do-integer = Write a whole number.
paper-do-text = Write your answer.
paper-yes = Yes
paper-no = No
paper-scale-min = worst
paper-scale-max = best
paper-nps-min = definitely not
paper-nps-max = definitely yes
# A question's condition: the question's number, the answers, which questions to answer.
paper-if-choice = If you chose { $values } in question { $q }, answer { $several ->
        [yes] questions
       *[no] question
    } { $range }.
paper-if-multi = If you ticked { $values } in question { $q }, answer { $several ->
        [yes] questions
       *[no] question
    } { $range }.
paper-if-yesno = If you answered { $values } to question { $q }, answer { $several ->
        [yes] questions
       *[no] question
    } { $range }.
paper-if-score = If your score in question { $q } was { $values }, answer { $several ->
        [yes] questions
       *[no] question
    } { $range }.
paper-otherwise = Otherwise go to question { $next }.
paper-otherwise-end = Otherwise you have finished.
paper-quoted = “{ $text }”
paper-or = or
paper-values-range = from { $from } to { $to }
paper-thanks = Thank you! Please hand the completed form to the survey's organiser.
