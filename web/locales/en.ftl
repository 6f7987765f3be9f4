app-name = Otklik
app-tagline = Anonymous client satisfaction surveys
lang-switch = Русский
lang-switch-label = Переключить на русский язык
lang-choose = Language
large-text = Larger text
large-text-off = Normal text
skip-to-content = Skip to content
home-title = Prepare a survey
home-intro = Choose a survey, the reporting period and how it is run. Answers stay on this device and move as files.
home-survey = Survey
home-template-internal = Internal clients (employees)
home-template-external = External clients (citizens and businesses)
home-template-imported = Loaded survey: { $title }
home-import = Load a survey from a file (Otklik or SurveyJS JSON)
home-import-error = The survey file was not accepted:
home-period = Reporting period
home-period-hint = For example 2026, 2026-H2, 2026-Q3 or 2026-09. The time of answering is not stored — only the period.
home-period-invalid = The period is not valid: expected YYYY, YYYY-H1…H2, YYYY-Q1…Q4 or YYYY-MM.
home-self = Answer the survey on this device
home-self-hint = Self-completion: at the end the respondent can download a file with the response and hand it to the organiser.
home-kiosk = Kiosk mode…
home-kiosk-hint = A tablet at a reception desk: respondents answer one after another; answers are kept on the device.
home-stored = { $count ->
    [one] { $count } response stored on this device
   *[other] { $count } responses stored on this device
}
kiosk-setup-title = Start kiosk mode
kiosk-pin = Organiser PIN
kiosk-pin-hint = At least 4 digits. The PIN is needed to export the responses or leave kiosk mode.
kiosk-pin-invalid = The PIN must have at least 4 digits.
kiosk-pin-repeat = Repeat the PIN
kiosk-pin-mismatch = The PINs do not match.
kiosk-start = Start the kiosk
kiosk-cancel = Cancel
storage-persistent = Persistent storage: the browser has promised not to delete the responses.
storage-not-persistent = Persistent storage was not granted: the browser may delete data when space runs low. If the browser asks whether this page may keep its data, allow it. Export the responses regularly.
storage-unknown = Checking persistent storage…
organiser = For the organiser
abort = Stop the survey
abort-question = Stop the survey?
abort-detail = The answers given so far will be deleted and no response will be saved. You will return to the start page.
abort-detail-kiosk = The answers given so far will be deleted and no response will be saved. The kiosk returns to the start of the survey for the next respondent.
abort-no = Continue the survey
abort-yes = Yes, stop
admin-title = Kiosk management
admin-pin-prompt = Enter the organiser PIN
admin-pin-wrong = Wrong PIN.
admin-open = Open
admin-count = { $count ->
    [0] No responses are stored on this device.
    [one] { $count } response is stored on this device.
   *[other] { $count } responses are stored on this device.
}
admin-unexported = { $count ->
    [0] All of them have been exported.
    [one] { $count } has not been exported.
   *[other] { $count } have not been exported.
}
admin-table-caption = Responses on this device by survey
admin-group = { $count ->
    [one] { $count } response
   *[other] { $count } responses
}, { $exported } exported
admin-this-kiosk = (this kiosk's survey)
admin-this-entry = (the survey whose paper forms are being entered)
admin-as-stored-note = This survey's definition is not on the device: its responses are exported as JSON, as stored.
admin-unreadable = { $count ->
    [one] { $count } record on the device could not be read. It is kept as it is and is not deleted until it has been exported.
   *[other] { $count } records on the device could not be read. They are kept as they are and are not deleted until they have been exported.
}
admin-unreadable-export = Export the unreadable records as they are
admin-unreadable-exported = Exported.
admin-export-csv = Export CSV
admin-export-json = Export JSON
admin-export-note = Responses are exported in random order, without timestamps.
files-confidential = Response files are confidential: whoever holds them holds every answer. Keep them to the people who prepare the results; what is shared is the report (and the dashboard or its print), in which small groups are hidden.
admin-clear = { $count ->
    [0] Delete the exported responses…
    [one] Delete { $count } exported response…
   *[other] Delete { $count } exported responses…
}
admin-clear-hint = Only exported responses are deleted; those not exported stay on the device.
admin-clear-confirm = { $count ->
    [0] Nothing to delete: no response has been exported yet.
    [one] Delete { $count } exported response from this device? This cannot be undone.
   *[other] Delete { $count } exported responses from this device? This cannot be undone.
}
admin-clear-left = { $count ->
    [0] Every response has been exported.
    [one] { $count } response has not been exported and will stay on the device.
   *[other] { $count } responses have not been exported and will stay on the device.
}
admin-export-rest = Export those first
admin-clear-yes = Yes, delete
admin-cleared = { $count ->
    [0] Nothing was deleted.
    [one] { $count } exported response was deleted from the device.
   *[other] { $count } exported responses were deleted from the device.
}
admin-back = Back to the survey
admin-exit = Leave kiosk mode
anonymity-title = This survey is anonymous
anonymity-stored = Only your answers and the reporting period ({ $period }) are stored.
anonymity-not-stored = Not stored: your name, the time you answered, your address (including your IP address), your device.
anonymity-threshold = Results of any group with fewer than { $k } responses are shown to no one.
anonymity-local = Answers are not sent over any network: they stay on this device until the organiser exports them as a file.
start = Start the survey
next = Next
back = Back
submit = Submit answers
required-mark = required question
required-legend = Questions marked * are required.
progress = Step { $step } of { $total }
remaining = { $n ->
    [0] This is the last step
    [one] { $n } question left
   *[other] { $n } questions left
}
saved = Answers saved
saving = Saving…
save-failed = Your answer could not be saved on this device. Keep the page open and tell the organiser.
errors-title = Please check your answers
error-required = Please answer this question.
yes = Yes
no = No
nps-scale = 0 — definitely not, 10 — definitely yes
number-range = A number from { $min } to { $max }
text-counter = { $used } of { $max } characters
thanks-title = Thank you! Your answers have been received
thanks-receipt = Confirmation code: { $code }
thanks-receipt-hint = The code is not linked to your answers; it only confirms receipt.
thanks-download = Download your response file
thanks-download-hint = Hand this file to the survey organiser.
thanks-next = Next respondent in { $n ->
    [one] { $n } second
   *[other] { $n } seconds
}
thanks-again = Start again
thanks-home = Home
landing-title = A survey by link
landing-text = To answer a survey, open the link the organiser sent you. Answers are kept on this device only.
landing-full = Open the organiser's app
stored-on-device = The response is stored on this device.
nav-survey = Survey
nav-dashboard = Manager dashboard
dash-title = Manager dashboard: client-centricity
dash-demo = Demo data: synthetic responses, so that the indicators show at once. Load your own response files and the demo goes away.
dash-data = Data
dash-data-summary = { $responses } responses from { $files ->
    [one] { $files } file
   *[other] { $files } files
}
dash-import = Load response files (CSV or JSON) or a survey definition
dash-drop = Or drop files here
dash-file = File
dash-file-responses = Responses
dash-file-added = New
dash-file-duplicates = Repeats
dash-file-conflicts = Conflicts
dash-file-remove = Remove
dash-file-remove-label = Remove the responses of file { $name }
dash-file-rejected = The file { $name } was not accepted; nothing was changed:
dash-analysis-error = The indicators could not be computed from the stored answers:
dash-analysis-error-hint = Remove the file that does not fit the others (the list of files is below), or correct it and import it again.
dash-file-same = The file { $name } is already loaded: nothing changed.
dash-file-unknown-survey = File { $name }: survey “{ $survey }” is not loaded. Load its definition first.
dash-conflict-note = Responses with the same id but different answers: the first version is kept.
dash-export = Export all responses (CSV)
dash-computing = Computing the indicators…
dash-checking = Checking file { $file } of { $files }: { $name } ({ $size } MB)…
dash-checked = Checked so far
dash-survey = Survey
dash-period = Period
dash-breakdown = Break down by
dash-breakdown-none = No breakdown
dash-print = Print / PDF
dash-print-title = { $survey } · period { $period } · breakdown: { $breakdown }
dash-cards = Key indicators for { $period }
dash-ccl = Client-centricity level
dash-nps = NPS: { $q }
dash-enps = eNPS
dash-ces = Ease of resolution (CES)
dash-resolution = Issues resolved
dash-standard = Standard: { $q }
dash-suppressed = Fewer than { $k } responses — not shown
dash-ci = 95% CI: { $lo } – { $hi }
dash-n = n = { $n }
dash-change = { $delta } vs { $period }
dash-significant = significant
dash-not-significant = not significant
dash-no-change = No data for the previous period
dash-charts = Charts
dash-table = Data table
dash-texts = Free-text answers
dash-texts-hint = Grouped by «{ $by }» only, whatever the breakdown above, so that lists of different breakdowns cannot be compared; shown for groups of at least { $k } responses, in random order, apart from the other answers.
dash-texts-none = No group is large enough to show free-text answers.
dash-texts-shown = { $shown } of { $total } shown.
dash-texts-more = Show { $n } more
dash-group = Group
dash-value = Value
dash-no-answer = (no answer)
dash-by-channel = Response channel
dash-channel-paper = Paper form
dash-channel-kiosk = Kiosk
dash-channel-self = Own device, by link
dash-channel-unknown = Channel not stated
dash-worker = Computed in a background thread (WebAssembly).
chart-fewer = fewer than { $k }
chart-trend = Client-centricity level by period (95% confidence interval)
chart-ci = 95% CI
chart-item = Question
chart-likert = Distribution of ratings by question
chart-priority = Priority
chart-drivers = Drivers of the client-centricity level: importance and performance
chart-importance = Importance (correlation)
chart-performance = Performance (index 0–100)
chart-digital = digital
chart-offline = offline
chart-channels = Channels: shares of touchpoints
chart-touchpoint = Touchpoint
chart-channel = Channel type
chart-share = Share
chart-heatmap = Dimension indices by { $by }
chart-nps = NPS composition by { $by }
chart-detractors = Detractors (0–6)
chart-passives = Passives (7–8)
chart-promoters = Promoters (9–10)
chart-standards = Service standards by touchpoint
chart-median = Median
chart-axis-period = Period
chart-axis-index = Index, 0–100
chart-band = 95% confidence interval
chart-axis-answers = Share of answers
chart-scale-index = Index, 0–100
chart-axis-importance = Importance (correlation with the level)
chart-priority-legend = Priority: important, rated below the median
chart-other-items = Other questions
chart-median-lines = Medians
chart-axis-within = Within the standard, % of answers
chart-axis-responses = Share of responses
chart-suppressed-note = <{ $k }: hidden — fewer than { $k } answers, or to protect other groups

nav-report = Yearly report
report-title = Yearly client-centricity report
report-lead = The report for the General Meeting: the client-centricity level, internal and external client indicators, dynamics, priorities and methodology. Small groups are hidden in every format.
report-loading = Loading the data…
report-demo = The report is built from demo data. Load your own response files in the manager dashboard.
report-settings = Report settings
report-surveys = Surveys in the report
report-survey-option = { $title } ({ $n ->
    [one] { $n } response
   *[other] { $n } responses
})
report-year = Year reported on
report-compare-with = Compare with
report-compare-all = every earlier year
report-organisation = Organisation name
report-language = Report language
report-prepared = Date of preparation
report-prepared-hint = The only date in the report.
report-recommendations = Priorities and recommendations
report-recommendations-hint = Suggested by the driver analysis, one recommendation per line. Edit the text and press “Apply”.
report-apply = Apply
report-reset = Restore the suggested ones
report-output = Report
report-downloads = Download the report
report-download-html = HTML (to print as PDF)
report-download-docx = Word (DOCX)
report-download-xlsx = Excel (XLSX)
report-download-csv = Tables (CSV)
report-print = Print / PDF
report-building = Building the report…
report-built = Report built in { $seconds } s.
report-choose-survey = Choose at least one survey.
report-preview = Report preview

embed-damaged = The survey link is damaged (it may have been cut when copied). Ask for a new link. ({ $detail })
embed-invalid = The survey in the link or file has errors and cannot be opened. ({ $detail })
embed-period = The period “{ $detail }” in the survey link is not valid.
hand-title = Hand out the survey
hand-intro = The link or the file opens the app straight on this survey and period. Responses stay on the device where they were given: collect them as files.
hand-mode = How people will respond
hand-mode-self = On their own: the survey starts at once
hand-mode-kiosk = At a kiosk: the organiser sets a PIN first
hand-link = Get a link
hand-file = Download the survey as one file
hand-link-long = The link is long: { $n } characters. Mail programs and messengers may cut it, and then the survey will not open.
hand-link-long-file = It is safer to hand the survey out as one file: the “Download the survey as one file” button above.
hand-link-label = Survey link
hand-link-copied = The link was copied to the clipboard.
hand-link-copy-yourself = Copy the link from the field.
hand-file-single = The survey as one file can be downloaded from the single-file app (otklik.html).
paper-title = Paper questionnaire
paper-intro = For those who answer by hand: this survey's questionnaire for printing on A4 paper, as one HTML file. Open the downloaded file in a browser and print it (or save it as PDF). Without a period, the form leaves a line to write it in.
paper-large = Large print (125%)
paper-print = Print questionnaire
paper-done = The questionnaire was downloaded; open it and print it:
paper-failed = The questionnaire could not be downloaded:
home-import-surveyjs = The SurveyJS survey was imported. Not carried over:

nav-editor = Survey editor
ed-title = Survey editor
ed-start-lead = Build your own survey: from a template, from a blank page or from a file (Otklik or SurveyJS). The draft is saved on this device after every change.
ed-start-blank = Blank survey
ed-start-internal = Template: internal clients
ed-start-external = Template: external clients
ed-start-file = Open a survey file (Otklik or SurveyJS JSON)
ed-toolbar = Survey actions
ed-undo = Undo
ed-redo = Redo
ed-export = Save the survey file (JSON)
ed-run = Run the survey
ed-close = Close the draft
ed-valid = No problems: the survey can be saved and run.
ed-invalid = { $n ->
    [one] { $n } problem found: fix it to save or run the survey.
   *[other] { $n } problems found: fix them to save or run the survey.
}
ed-version-bumped = The survey changed after it was published: its version is now { $v }. Responses to earlier versions keep theirs.
ed-general = General
ed-languages = Languages of the survey
ed-languages-hint = Every text of the survey is needed in every language ticked; the missing translations appear among the problems. A respondent chooses among the languages ticked.
ed-survey-id = Survey id
ed-audience = Who is asked
ed-audience-internal = Internal clients (employees)
ed-audience-external = External clients (citizens, businesses)
ed-survey-title = Survey title
ed-intro = Introduction
ed-in-russian = In Russian
ed-in-english = In English (optional)
ed-in-english-declared = In English
ed-min-group = Anonymity threshold K (at least 3)
ed-min-group-text = Threshold for free-text answers (at least K)
ed-min-group-hint = Figures of groups smaller than K are shown nowhere, exports included.
ed-dimensions = Dimensions
ed-dimensions-hint = Dimensions group the scale questions; the weight sets a dimension's share in the client-centricity level.
ed-dimension-id = Dimension id
ed-dimension-title = Dimension title
ed-dimension-weight = Weight
ed-dimension-remove = Remove dimension { $n }
ed-add-dimension = Add a dimension
ed-remove = Remove
ed-questions = Questions ({ $n })
ed-question-heading = Question { $n }: { $id }
ed-question-problems = { $n ->
    [one] { $n } problem in this question
   *[other] { $n } problems in this question
}
ed-question-tools = Question { $n } actions
ed-up = Up
ed-down = Down
ed-duplicate = Duplicate
ed-question-id = Question id (the column name in response files)
ed-question-type = Question type
ed-type-scale = Rating scale
ed-type-nps = Likelihood to recommend (0–10)
ed-type-choice = One option
ed-type-multi = Several options
ed-type-yesno = Yes or no
ed-type-number = Number
ed-type-text = Free text
ed-question-text = Question text
ed-question-hint = Help line under the question
ed-required = Required
ed-role = Meaning for the indicators
ed-role-none = None
ed-role-effort = Customer effort (CES)
ed-role-resolution = Need resolved
ed-role-touchpoint = Touchpoint
ed-role-need = Need
ed-role-segment = Segment or unit
ed-points = Scale points (3–11)
ed-dimension = Dimension
ed-dimension-none = No dimension
ed-label-min = Label of the low end
ed-label-max = Label of the high end
ed-group = Break the indicators down by this question
ed-options = Options
ed-option-id = Option id
ed-option-label = Option text
ed-option-headcount = Headcount (for the response rate)
ed-option-channel = Channel
ed-channel-none = Not set
ed-channel-digital = Digital
ed-channel-offline = In person
ed-option-remove = Remove option { $n } of question { $q }
ed-add-option = Add an option
ed-min = Smallest value
ed-max = Largest value
ed-integer = Whole numbers only
ed-unit = Unit
ed-standard = Service standard: at most
ed-standard-hint = The share of answers within the standard is shown as compliance.
ed-max-length = Longest answer (characters)
ed-visible-if = Shown when
ed-visible-if-question = Show if the answer to
ed-visible-always = Always show
ed-visible-if-values = is one of (comma-separated)
ed-add-type = Type of the new question
ed-add-question = Add a question
ed-preview = Preview
ed-preview-width = Preview width
ed-preview-phone = Phone
ed-preview-desktop = Desktop
ed-preview-invalid = The preview appears when the survey has no problems left.
ed-warn-identity = Anonymity: this question asks for something that identifies a person (“{ $word }”). Do not ask for a name, an e-mail or a phone number.
ed-warn-small-group = Anonymity: group “{ $option }” has { $n } people, fewer than the threshold { $k }; its figures will always be hidden, and the remainder rule will hide a neighbouring group too.
ed-warn-groupings = Anonymity: { $count } grouping questions make { $cells } combinations{ $expected ->
    [none] {""}
   *[other] {""} for { $expected } people
}; combinations will hold fewer than K people. Keep one or two grouping questions.
storage-unavailable = This browser does not let the app keep data on the device ({ $detail }). Responses and files will not survive closing the page: open the app in a normal browser window or from a web server.
worker-not-loaded = This page's data are no longer held by the background analytics module. Reload the page to load them again.

## Glossary and explanations
nav-glossary = Glossary
gl-title = Glossary
gl-lead = What the indicators and marks on the manager's dashboard and in the yearly report mean.
gl-ccl-term = Client-centricity level
gl-ccl = The survey's overall figure, from 0 to 100: for each respondent, the weighted mean of their dimension indices, then the mean over all respondents. Higher is better: 100 means every answer was the best, 0 the worst.
gl-index-term = Index 0–100
gl-index = The mean answer on a scale, as a percentage of the scale: on a 1–5 scale, 1 gives 0, 3 gives 50 and 5 gives 100. Higher is better.
gl-dimension-term = Dimension
gl-dimension = A group of questions about one side of the work (such as “Working conditions” or “Accessibility”). A dimension's index is the mean of its questions' 0–100 indices.
gl-nps-term = NPS — Net Promoter Score
gl-nps = The share answering 9–10 (“promoters”) minus the share answering 0–6 (“detractors”) to “How likely are you to recommend…” on a 0–10 scale. It runs from −100 to +100; higher is better. A positive value means more promoters than detractors.
gl-enps-term = eNPS — employee NPS
gl-enps = The same as NPS, asked of employees: would they recommend the organisation as a place to work. From −100 to +100; higher is better.
gl-ces-term = CES — Customer Effort Score
gl-ces = The mean answer to how easy it was to get the issue resolved, on that question's scale (in the template, from 1 “very difficult” to 5 “very easy”). Higher is better: the client needed less effort.
gl-resolution-term = Share of issues resolved
gl-resolution = The share answering “yes” to “Has your issue been resolved?”. Higher is better.
gl-standard-term = Service standard met
gl-standard = The share of answers within the standard (for example, a wait of at most 15 minutes at reception). Higher is better. The table also gives the median and the 90th percentile (P90): the value that 90% of answers do not exceed.
gl-ci-term = 95% CI — confidence interval
gl-ci = The range that holds the true value for all clients, not only those who answered, with 95% probability. The fewer the answers, the wider the interval. If two periods' intervals overlap a lot, the difference between them may be chance.
gl-p-term = p — p-value
gl-p = The probability of a change this large or larger by chance if the figure did not really change. The smaller p, the surer the change. A change counts as significant at p < 0.05.
gl-significant-term = Significant / not significant
gl-significant = “Significant”: the change since the previous period is unlikely to be chance (p < 0.05). “Not significant”: the change may come from who happened to answer; it is too early to draw conclusions from it.
gl-n-term = n
gl-n = The number of answers a figure is computed from.
gl-hidden-term = “Fewer than K” — hidden
gl-hidden = A group's figure is not shown if the group has fewer than K responses (K is set in the survey), or if it would let someone work out a hidden small group. So no one can learn what individuals answered.
gl-drivers-term = Drivers and priorities
gl-drivers = For each question: importance — how closely its answers go with the overall client-centricity level (correlation), and performance — its 0–100 index. Priorities are questions of high importance and low performance: improving them raises the overall level most.
gl-breakdown-term = Breakdown
gl-breakdown = Figures by the groups of one characteristic: units, ways of contact or types of client. “No breakdown” means all respondents together.
explain-what = What is “{ $term }”?
explain-how = How to read the cards: CI, p, significance
explain-more = All terms are in the glossary
dash-start-title = Where to start
dash-start-lead = Here are the client-centricity indicators from the survey responses: cards, charts and free-text answers. Response files are loaded and processed on this device only.
dash-start-survey = Run a survey
dash-start-report = Prepare the yearly report
dash-files-all = Files on this device
dash-file-survey = Survey
dash-file-other = Choose this survey above to see its responses
dash-file-demo = Demo data
dash-all-respondents = All respondents
dash-texts-all-hint = No breakdown: the answers of every group shown by “{ $by }”, together; the answers of groups with fewer than { $k } responses are not included.
gl-back = Back to the dashboard
chart-heatmap-all = Dimension indices: all respondents
chart-nps-all = NPS composition: all respondents
charts-hidden = Not shown: every group has fewer than { $k } responses or is hidden to protect other groups.
explain-short = What is this?
ed-msg-id-empty-question = Give the question an id
ed-msg-id-empty-option = Give the answer option an id
ed-msg-id-empty-dimension = Give the dimension an id
ed-msg-id-empty-survey = Give the survey an id
ed-msg-text-empty-question = Type the question's text
ed-msg-text-empty-option = Type the answer option's label
ed-msg-text-empty-dimension = Type the dimension's title
ed-msg-text-empty-survey = Type the survey's title
ed-msg-translation-missing = Type the translation ({ $language }): the survey lists this language
ed-msg-no-questions = Add at least one question
ed-msg-no-options = Add at least one answer option
ed-msg-no-values = Give at least one answer that shows the question
ed-problems-list = Where the problems are
ed-sections = Editor sections
ed-expand-all = Expand all questions
ed-collapse-all = Collapse all questions
ed-dimension-n = Dimension { $n }
ed-question-short = Short label (for cards, charts and tables)
ed-question-short-hint = A few words, at most 40 characters. Without it, the full question is shown everywhere.
ed-preview-stale = While the survey has problems, its last version without problems is shown.
ed-question-n = Question { $n }

## Operator entry of paper forms
home-entry = Paper form entry…
home-entry-hint = An operator types forms filled in by hand with the keyboard; the answers are kept on the device with the channel “paper”.
entry-setup-title = Paper form entry
entry-start = Start entry
entry-title = Paper form entry
entry-form = Form
entry-count = Forms entered in this session: { $count }
entry-device = responses on the device: { $count }
entry-keys-title = Entry keys
entry-keys-code = Scale, option, yes/no: press the number of the ticked box (1 yes, 2 no); the cursor moves on to the next question by itself.
entry-keys-two = NPS (0–10) and lists of 10 or more options: 1 then Enter is 1; 1 then 0 is 10; any other digit moves on at once.
entry-keys-multi = Several options: each digit ticks or unticks its option; Enter moves on.
entry-keys-typed = Numbers and texts: type, then press Enter or Tab.
entry-keys-blank = No answer on paper: Enter or Space on an empty field (Backspace clears an answer). A required question may be left blank too: it may have been skipped on paper.
entry-keys-save = Ctrl+Enter, or Enter on the last question, saves the form and opens a new one. Questions the form's conditions hide are skipped.
entry-stored-note = The form's number, the operator and the time of entry are not stored: only the answers, the period and the channel “paper”.
entry-required = required question
entry-skipped = — skipped by the form's condition
entry-nps = 0–10 (1 then Enter is 1; 1 then 0 is 10)
entry-number = a number from { $min } to { $max }{ $unit }; Enter moves on
entry-text = text; Enter moves on
entry-bad-code = Type the number of a box from { $lo } to { $hi }
entry-save = Save the form (Ctrl+Enter)
entry-saved = The form is saved. Entered in this session: { $count }.
entry-undone = The last form saved has been deleted from the device.
entry-undone-back = The last form saved has been deleted from the device; its answers are on the screen again: correct them and save it again.
entry-clear = Clear the form on the screen
entry-fix = The form is not saved: correct the marked answers.
entry-failed = The form is not saved: { $detail }
entry-undo = Delete the last form saved
entry-undo-hint = Deletes from the device only the form saved last in this entry session (say, one typed wrongly); when the screen is empty, its answers come back on it to be corrected. No other response is deleted.
entry-end = End entry
entry-restored = What was typed before the reload has been restored.
entry-restored-batch = So has the double-entry batch: first entry { $first }, second entry { $second }.
entry-end-unsaved = The form on the screen or the double-entry batch is not saved as responses yet. Ending the entry deletes it from the device.
entry-end-no = Back to entry
entry-end-yes = End and delete what is not saved
entry-export = Export and clear…
entry-empty = The form has no answer at all: it is not saved.
double-toggle = Double entry (a second operator types the same batch again)
double-hint = The batch's forms are not saved until the two entries agree; the form's number is used only to compare them and is not stored. It can be turned off while the batch is empty.
double-number = Form no.
double-number-hint = The number on the paper form; Enter goes to the first question. A form typed again under the same number replaces the earlier one.
double-pass-1 = First entry.
double-pass-2 = Second entry.
double-counts = In the batch: first entry { $first }, second entry { $second }.
double-second = First entry done: start the second
double-compare = Compare and save the batch
double-no-number = Type the form's number: the two entries are compared by it.
double-held = Form no. { $number } is added to the batch (not saved yet).
double-second-started = Second entry: type the same forms again, in any order.
double-saved = The entries agree: { $count } forms saved.
double-empty = The batch has no forms.
double-mismatches = The entries differ; the batch is not saved. Differences: { $count }.
double-fix = Check the paper form and type it again in the second entry under the same number, then compare again.
double-form = Form no. { $number }: { $what }
double-only-first = not in the second entry
double-only-second = not in the first entry
double-differs = different answers to questions { $questions }
