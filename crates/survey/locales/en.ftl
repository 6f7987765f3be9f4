# Messages of the survey model: import problems and answer checks (English).
# Every message here exists in ru.ftl with the same variables (a test checks).

## Where a problem is
location-column = column {$column}
problems-truncated = (more problems not listed; the first {$max} are shown)

## Whole files
file-binary = this is not a CSV or JSON response file: its content is binary{ $kind ->
    [image] {" "}(it looks like an image)
    [pdf] {" "}(it looks like a PDF document)
    [archive] {" "}(it looks like an archive or a Word/Excel document)
   *[other] {""}
    }. Choose a file exported from Otklik, or a CSV file in UTF-8
file-too-large = the file is {$size} bytes; at most {$max} are accepted
csv-unclosed-quote = not valid CSV: the quote opened on this line is never closed (expected a closing '"')
csv-empty = the file is empty (expected a header row with response_id and period)
csv-invalid = not valid CSV: {$detail}
csv-too-many-rows = the file has more than {$max} responses; split it into smaller files
json-invalid = not valid JSON: {$detail}
json-too-many-rows = the file has {$count} responses; at most {$max} are accepted
json-not-document = expected a JSON object with format, survey and responses
json-not-response = expected an object with id, period and answers
json-unknown-field = unknown field (expected {$expected})
json-expected-found = expected {$expected}, found {$found}
json-expected-array = expected an array, found {$found}
json-expected-answers = expected an object of answers, found {$found}
json-nothing = nothing
json-id-required = a response id string is required
json-period-required = a period string is required (e.g. "2026-Q3")
json-no-question = no question {$question} in survey {$survey}
version-expected = expected a version number (1..{$max}), found {$found}

## The header row
header-not-utf8 = the header is not valid UTF-8
column-twice = the column appears twice (also column #{$first})
column-unknown = unknown column (expected response_id, period, survey, version, channel or a question id of survey {$survey})
column-missing = the required column {$column} is missing
field-count = expected {$expected} fields as in the header, found {$found}

## Cells
cell-not-utf8 = the cell is not valid UTF-8
response-id-required = a response id is required
response-id-bad = {$id}: {$reason}
response-id-too-long = a response id has at most 128 characters
response-id-duplicate-line = duplicate response id {$id} (first on line {$first})
response-id-duplicate-path = duplicate response id {$id} (first at {$first})
id-empty = an id cannot be empty
id-too-long = an id has at most 64 characters
id-semicolon = an id cannot contain ';'
id-control = an id cannot contain control characters
period-invalid = {$value} is not a period (expected YYYY, YYYY-H1..H2, YYYY-Q1..Q4 or YYYY-MM)
period-too-many = too many distinct periods
survey-other = {$value} is not this survey (expected {$survey})
version-invalid = {$value} is not a survey version (1..{$max})
channel-invalid = {$value} is not a channel (expected paper, kiosk or self)

## Answers
cell-not-value = {$value} is not {$expected}
cell-not-option = {$value} is not an option ({$options})
cell-not-option-array = {$value} is not an array of option ids ({$options})
cell-option-twice = option {$value} is listed twice
cell-text-too-long = the text is longer than {$max} characters
cell-text-control = the text contains control characters
expected-scale = a whole number 1..{$points}
expected-nps = a whole number 0..10
expected-option = an option ({$options})
expected-options = option ids joined with ';' ({$options})
expected-yesno = yes or no
expected-whole = a whole number ({$min}..{$max})
expected-number = a number ({$min}..{$max})
expected-text = a text of at most {$max} characters

## Survey definitions
def-syntax = line {$line}, column {$column}: {$detail}
def-problems = {$count} problem(s): {$list}
def-kind-null = null
def-kind-bool = a boolean
def-kind-number = a number
def-kind-string = a string
def-kind-array = an array
def-kind-object = an object
def-expected-object = expected an object, found {$found}
def-unknown-field = unknown field (expected one of {$known})
def-required = is required
def-bad-id = {$reason} (found {$value})
def-expected-id = expected an id string, found {$found}
def-text-empty = a text cannot be empty
def-lang-code = expected a language code such as "ru" or "en"
def-expected-string = expected a string, found {$found}
def-text-needs-ru = a translated text needs "ru"
def-text-missing-lang = no translation into {$lang}, which the survey lists in "languages"
def-languages-need-ru = "languages" must include "ru"
def-expected-text = expected a string or an object of translations, found {$found}
def-expected-bool = expected true or false, found {$found}
def-expected-whole = expected a whole number {$lo}..={$hi}, found {$found}
def-expected-number = expected a number, found {$found}
def-at-most = must be at most {$max}, found {$found}
def-at-least = expected a whole number >= {$min}, found {$found}
def-expected-audience = expected "internal" or "external", found {$found}
def-min-group-text = must be at least min_group ({$k}), found {$found}
def-duplicate-id = duplicate id {$id}
def-expected-array = expected an array, found {$found}
def-no-questions = a survey needs at least one question
def-positive = expected a positive number, found {$found}
def-option-count = expected 1..={$max} options, found {$found}
def-expected-channel = expected "digital" or "offline", found {$found}
def-reserved-id = {$id} is reserved for a response-file column
def-short-too-long = a short label has at most {$max} characters (the full text is the question itself)
def-unknown-role = unknown role {$role} (expected effort, resolution, touchpoint, need, segment)
def-expected-role = expected a role name, found {$found}
def-expected-type = expected a type name ({$types}), found {$found}
def-max-below-min = must be at least min ({$min}), found {$found}
def-standard-outside = must lie in {$min}..={$max}, found {$found}
def-unknown-type = unknown type {$type} (expected {$types})
def-role-type = this role needs a {$want} question, not {$have}
def-headcount-group = a headcount is allowed only on options of a group question
def-channel-touchpoint = a channel is allowed only on options of a touchpoint question
def-expected-value = expected an answer value, found {$found}
def-no-values = expected at least one value
def-expected-values = expected an array of values, found {$found}
def-no-dimension = no dimension {$id} (known: {$known})
def-none = none
def-role-taken = role {$role} is already given to {$first}
def-condition-later = must name an earlier question: {$id}
def-condition-none = names no question: {$id}
def-condition-type = {$id} is a {$type} question (expected a choice, multi, yesno, scale or nps question)
def-condition-value = {$value} is not an answer of {$id} (expected {$expected})
def-value-option = one of {$options}
def-value-scale = a whole number 1..={$points}
def-value-nps = a whole number 0..=10
def-value-type = a question of type choice, multi, yesno, scale or nps
def-unused-dimension = dimension {$id} has no scale item

## Analysis (otklik-analytics)
analysis-unknown-key = cannot group by {$key}: no such question (grouping keys: {$known})
analysis-not-a-group = cannot group by {$key}: only period and choice questions marked "group": true are grouping keys
analysis-duplicate-key = the grouping key {$key} is given twice
analysis-mixed-granularity = periods of different granularity cannot be analysed together: {$first} and {$second}
analysis-min-group = the minimum group size must be at least 3, found {$found}
analysis-too-many-groups = the grouping makes {$count} possible groups; at most 1,000,000 are supported
analysis-parts = the parts of the analysis do not fit together (other data, or another version of the program)
analysis-min-group-below-survey = the minimum group size can be raised, not lowered: the survey promises its respondents {$survey}, found {$found}
analysis-not-published = the table by {$by} is not one that is published, so its small groups could not be protected together with the others; tables: {$tables}

## SurveyJS import: what was left out, and why
sjs-not-surveyjs = not a SurveyJS survey: expected an object with "pages", "elements" or "questions"
sjs-empty = no question could be imported ({$count} left out)
sjs-invalid = the imported survey is not valid: {$detail}
sjs-not-part = {$what} are not part of an Otklik survey
sjs-what-triggers = triggers
sjs-what-calculated = calculated values
sjs-what-completed = the completion page text
sjs-what-navigate = the address opened at the end
sjs-panel-visible-if = the panel's visibleIf is not imported: its questions are always shown
sjs-hidden = a hidden element (visible: false) is left out
sjs-no-name = a {$kind} element without a name
sjs-rate-values = a rating with its own list of values (rateValues) is not imported
sjs-rate-step = a rating with step {$step} is not imported (only step 1)
sjs-rate-range = a rating from {$min} to {$max} is not imported (1 to 3..11, or 0 to 10)
sjs-choices-not-plain = choices that are not plain values are not imported
sjs-no-choices = a question without choices is not imported
sjs-option-left-out = {$what} is not imported; the other choices are
sjs-what-other = the "other" option with its text
sjs-what-none = the "none" option
sjs-what-select-all = "select all"
sjs-choices-by-url = choices loaded from a web address are not imported (no network)
sjs-input-type = a text question of input type {$type} is not imported
sjs-no-question = a {$kind} element shows no question; left out
sjs-no-type = an element without a type
sjs-unknown-type = the question type {$type} is not imported
sjs-visible-if = visibleIf {$condition} is not imported ({$why}): the question is always shown
sjs-matrix-size = a matrix with {$columns} columns and {$rows} rows is not imported (3..11 columns, at least one row)
sjs-matrix-visible-if = the matrix's visibleIf is not imported: its rows are always shown
sjs-row-no-value = a row without a value
sjs-cond-not-comparison = not a comparison of one answer
sjs-cond-no-brace = no closing brace
sjs-cond-operator = the operator in {$part} is not one of = anyof < <= > >= !=
sjs-cond-several = it compares more than one answer
sjs-cond-not-earlier = {$name} is not an earlier imported question
sjs-cond-op-kind = {$op} compares a {$kind} question
sjs-cond-not-rating = {$value} is not a rating
sjs-cond-rating-bool = a rating compared with true or false
sjs-cond-anyof-list = anyof needs a [list]
sjs-cond-not-answer = {$value} cannot be an answer to a {$kind} question
sjs-cond-empty = empty condition
sjs-cond-none = no answer satisfies it
sjs-cond-not-value = {$value} is not a value

## The yearly report (otklik-report)
lang-unknown = unknown language {$value} (expected ru or en)
report-no-survey = a report needs at least one survey
report-wrong-survey = the responses are for survey {$found}, not {$expected}
report-no-data = survey {$survey} has no responses in {$year} (years in the data: {$years})
report-compare = cannot compare with {$year}: {$reason}
report-compare-not-earlier = it is not earlier than {$year}
report-compare-no-data = survey {$survey} has no responses then
report-date = {$value} is not a date (expected YYYY-MM-DD)
report-xlsx = cannot write the XLSX: {$detail}
report-docx = cannot write the DOCX: {$detail}
report-chart = cannot draw chart {$id}

## The command line (`otklik`): its own words around the messages above
cli-not-utf8 = the file is not valid UTF-8
cli-json-syntax = not valid JSON: {$detail}
cli-conflict = response {$id} conflicts with an earlier file (same id, different answers)
cli-conflicts = {$count} conflicting response(s); nothing was computed
cli-valid = valid survey {$id} version {$version} ({$questions} questions, {$dimensions} dimensions)
cli-not-imported = not imported: {$what}
cli-surveyjs-written = survey {$id} with {$questions} questions ({$skipped} left out)
cli-responses = {$count} responses
cli-responses-for = {$count} responses for {$survey}
cli-size = {$kb} KB
cli-bad-extension = the output's extension must be .html, .docx, .xlsx or .csv
cli-cannot-read = cannot read {$path}: {$reason}
cli-cannot-write = cannot write {$path}: {$reason}
cli-cannot-create = cannot create the folder {$path}: {$reason}
cli-io-not-found = no such file or folder
cli-io-denied = permission denied
cli-io-exists = already exists
cli-io-is-dir = a folder, not a file
cli-io-not-dir = a part of the path is not a folder
cli-io-no-space = no space left on the disk
cli-io-read-only = read-only file system
cli-io-other = input/output error ({$detail})
cli-table-head = survey {$survey}: {$responses} responses, K = {$k}, by [{$by}]
cli-table-all = all responses
cli-table-no-answer = (no answer)
cli-table-channel-unknown = (not stated)
cli-table-group = {$group}: n = {$n}
cli-table-group-suppressed = {$group}: fewer than {$k} responses (suppressed)
cli-table-ccl = client-centricity level
cli-table-dimension = dimension {$id}
cli-table-nps = NPS {$id}
cli-table-standard = standard {$id}
cli-table-resolution = resolved {$id}
cli-table-item = item {$id}
cli-table-top2 = top2
cli-table-figure-suppressed = suppressed
cli-table-significant = significant changes (p < 0.05):
cli-table-summary = {$shown} group(s) shown, {$hidden} suppressed
standard-at-most = at most {$max}{$unit}
