# Сообщения модели анкеты: ошибки импорта и проверки ответов (русский).
# Каждое сообщение есть и в en.ftl, с теми же переменными (это проверяет тест).

## Где ошибка
location-column = столбец {$column}
problems-truncated = (остальные ошибки не показаны; показаны первые {$max})

## Файл целиком
file-binary = это не файл ответов CSV или JSON: содержимое двоичное{ $kind ->
    [image] {" "}(похоже на изображение)
    [pdf] {" "}(похоже на PDF-документ)
    [archive] {" "}(похоже на архив или документ Word/Excel)
   *[other] {""}
    }. Выберите файл, выгруженный из Отклика, или CSV в кодировке UTF-8
file-too-large = размер файла — {$size} {$size ->
    [one] байт
    [few] байта
   *[other] байт
    }; принимается не больше {$max}
csv-unclosed-quote = ошибка формата CSV: кавычка, открытая в этой строке, не закрыта (ожидается закрывающая '"')
csv-empty = файл пуст (ожидается строка заголовков со столбцами response_id и period)
csv-invalid = ошибка формата CSV: {$detail}
csv-too-many-rows = в файле больше {$max} {$max ->
    [one] ответа
   *[other] ответов
    }; разделите его на файлы поменьше
json-invalid = ошибка формата JSON: {$detail}
json-too-many-rows = ответов в файле: {$count}; принимается не больше {$max}
json-not-document = ожидается объект JSON с полями format, survey и responses
json-not-response = ожидается объект с полями id, period и answers
json-unknown-field = неизвестное поле (ожидаются {$expected})
json-expected-found = ожидается {$expected}, а найдено {$found}
json-expected-array = ожидается массив, а найдено {$found}
json-expected-answers = ожидается объект с ответами, а найдено {$found}
json-nothing = ничего
json-id-required = нужен идентификатор ответа (строка)
json-period-required = нужен период (строка, например "2026-Q3")
json-no-question = в анкете {$survey} нет вопроса {$question}
version-expected = ожидается номер версии (1..{$max}), а найдено {$found}

## Строка заголовков
header-not-utf8 = заголовок не в кодировке UTF-8
column-twice = столбец повторяется (он же — столбец №{$first})
column-unknown = неизвестный столбец (ожидаются response_id, period, survey, version, channel или идентификатор вопроса анкеты {$survey})
column-missing = нет обязательного столбца {$column}
field-count = ожидается полей, как в заголовке: {$expected}; найдено: {$found}

## Ячейки
cell-not-utf8 = ячейка не в кодировке UTF-8
response-id-required = нужен идентификатор ответа
response-id-bad = {$id}: {$reason}
response-id-too-long = идентификатор ответа — не длиннее 128 символов
response-id-duplicate-line = идентификатор ответа {$id} повторяется (впервые — в строке {$first})
response-id-duplicate-path = идентификатор ответа {$id} повторяется (впервые — в {$first})
id-empty = идентификатор не может быть пустым
id-too-long = идентификатор — не длиннее 64 символов
id-semicolon = идентификатор не может содержать ';'
id-control = идентификатор не может содержать управляющие символы
period-invalid = {$value} — не период (ожидается YYYY, YYYY-H1..H2, YYYY-Q1..Q4 или YYYY-MM, например 2026-Q3)
period-too-many = слишком много различных периодов
survey-other = {$value} — другая анкета (ожидается {$survey})
version-invalid = {$value} — не версия анкеты (1..{$max})
channel-invalid = {$value} — не канал (ожидается paper, kiosk или self)

## Ответы
cell-not-value = {$value}: ожидается {$expected}
cell-not-option = {$value}: такого варианта нет (варианты: {$options})
cell-not-option-array = {$value}: ожидается массив идентификаторов вариантов ({$options})
cell-option-twice = вариант {$value} указан дважды
cell-text-too-long = текст длиннее {$max} {$max ->
    [one] символа
   *[other] символов
    }
cell-text-control = текст содержит управляющие символы
expected-scale = целое число от 1 до {$points}
expected-nps = целое число от 0 до 10
expected-option = один из вариантов ({$options})
expected-options = список идентификаторов вариантов через ';' ({$options})
expected-yesno = yes или no
expected-whole = целое число от {$min} до {$max}
expected-number = число от {$min} до {$max}
expected-text = текст не длиннее {$max} {$max ->
    [one] символа
   *[other] символов
    }

## Определения анкет
def-syntax = строка {$line}, столбец {$column}: {$detail}
def-problems = ошибок: {$count}: {$list}
def-kind-null = null
def-kind-bool = логическое значение
def-kind-number = число
def-kind-string = строка
def-kind-array = массив
def-kind-object = объект
def-expected-object = ожидается объект, а найдено: {$found}
def-unknown-field = неизвестное поле (ожидается одно из: {$known})
def-required = обязательное поле
def-bad-id = {$reason} (найдено {$value})
def-expected-id = ожидается идентификатор (строка), а найдено: {$found}
def-text-empty = текст не может быть пустым
def-lang-code = ожидается код языка, например "ru" или "en"
def-expected-string = ожидается строка, а найдено: {$found}
def-text-needs-ru = среди переводов текста нужен "ru"
def-text-missing-lang = нет перевода на язык {$lang}, указанный в "languages" опроса
def-languages-need-ru = в "languages" должен быть "ru"
def-expected-text = ожидается строка или объект с переводами, а найдено: {$found}
def-expected-bool = ожидается true или false, а найдено: {$found}
def-expected-whole = ожидается целое число от {$lo} до {$hi}, а найдено {$found}
def-expected-number = ожидается число, а найдено: {$found}
def-at-most = должно быть не больше {$max}, а найдено {$found}
def-at-least = ожидается целое число не меньше {$min}, а найдено {$found}
def-expected-audience = ожидается "internal" или "external", а найдено {$found}
def-min-group-text = должно быть не меньше min_group ({$k}), а найдено {$found}
def-duplicate-id = идентификатор {$id} повторяется
def-expected-array = ожидается массив, а найдено: {$found}
def-no-questions = в анкете нужен хотя бы один вопрос
def-positive = ожидается положительное число, а найдено {$found}
def-option-count = ожидается от 1 до {$max} вариантов, а найдено {$found}
def-expected-channel = ожидается "digital" или "offline", а найдено {$found}
def-reserved-id = {$id} зарезервирован для столбца файла ответов
def-short-too-long = краткая подпись — не длиннее {$max} знаков (полный текст — сам вопрос)
def-unknown-role = неизвестная роль {$role} (ожидается effort, resolution, touchpoint, need или segment)
def-expected-role = ожидается название роли, а найдено: {$found}
def-expected-type = ожидается название типа ({$types}), а найдено: {$found}
def-max-below-min = должно быть не меньше min ({$min}), а найдено {$found}
def-standard-outside = должно быть в пределах от {$min} до {$max}, а найдено {$found}
def-unknown-type = неизвестный тип {$type} (ожидается {$types})
def-role-type = для этой роли нужен вопрос типа {$want}, а не {$have}
def-headcount-group = численность указывается только у вариантов группирующего вопроса
def-channel-touchpoint = канал указывается только у вариантов вопроса о точке взаимодействия
def-expected-value = ожидается значение ответа, а найдено: {$found}
def-no-values = нужно хотя бы одно значение
def-expected-values = ожидается массив значений, а найдено: {$found}
def-no-dimension = нет направления оценки {$id} (известны: {$known})
def-none = нет
def-role-taken = роль {$role} уже отдана вопросу {$first}
def-condition-later = условие должно ссылаться на более ранний вопрос: {$id}
def-condition-none = такого вопроса нет: {$id}
def-condition-type = {$id} — вопрос типа {$type} (ожидается вопрос типа choice, multi, yesno, scale или nps)
def-condition-value = {$value} — не ответ на вопрос {$id} (ожидается {$expected})
def-value-option = одно из: {$options}
def-value-scale = целое число от 1 до {$points}
def-value-nps = целое число от 0 до 10
def-value-type = вопрос типа choice, multi, yesno, scale или nps
def-unused-dimension = в направлении оценки {$id} нет ни одного вопроса-шкалы

## Анализ (otklik-analytics)
analysis-unknown-key = нельзя сгруппировать по {$key}: такого вопроса нет (группировать можно по: {$known})
analysis-not-a-group = нельзя сгруппировать по {$key}: группировать можно только по периоду и по вопросам-выборам с "group": true
analysis-duplicate-key = ключ группировки {$key} указан дважды
analysis-mixed-granularity = периоды разной длительности нельзя анализировать вместе: {$first} и {$second}
analysis-min-group = минимальный размер группы — не меньше 3, а указано {$found}
analysis-too-many-groups = группировка даёт возможных групп: {$count}; поддерживается не больше 1 000 000
analysis-parts = части расчёта не согласуются между собой (другие данные или другая версия программы)
analysis-min-group-below-survey = минимальный размер группы можно увеличить, но не уменьшить: опрос обещает респондентам группы не меньше {$survey}, а указано {$found}
analysis-not-published = таблица по {$by} не входит в публикуемые, поэтому её малые группы нельзя защитить вместе с остальными; публикуемые таблицы: {$tables}

## Импорт из SurveyJS: что не перенесено и почему
sjs-not-surveyjs = это не опрос SurveyJS: ожидается объект с полями "pages", "elements" или "questions"
sjs-empty = не удалось перенести ни одного вопроса (не перенесено элементов: {$count})
sjs-invalid = перенесённая анкета содержит ошибки: {$detail}
sjs-not-part = {$what}: в анкете Отклика этого нет
sjs-what-triggers = триггеры
sjs-what-calculated = вычисляемые значения
sjs-what-completed = текст страницы завершения
sjs-what-navigate = адрес, открываемый в конце
sjs-panel-visible-if = условие visibleIf панели не перенесено: её вопросы показываются всегда
sjs-hidden = скрытый элемент (visible: false) не перенесён
sjs-no-name = элемент {$kind} без имени
sjs-rate-values = оценка со своим списком значений (rateValues) не перенесена
sjs-rate-step = оценка с шагом {$step} не перенесена (переносится только шаг 1)
sjs-rate-range = оценка от {$min} до {$max} не перенесена (переносятся от 1 до 3..11 или от 0 до 10)
sjs-choices-not-plain = варианты, заданные не простыми значениями, не перенесены
sjs-no-choices = вопрос без вариантов не перенесён
sjs-option-left-out = {$what}: не перенесено; остальные варианты перенесены
sjs-what-other = вариант "другое" с текстом
sjs-what-none = вариант "ничего из перечисленного"
sjs-what-select-all = "выбрать все"
sjs-choices-by-url = варианты, загружаемые по веб-адресу, не перенесены (сети нет)
sjs-input-type = текстовый вопрос с типом ввода {$type} не перенесён
sjs-no-question = элемент {$kind} не содержит вопроса; не перенесён
sjs-no-type = элемент без типа
sjs-unknown-type = вопрос типа {$type} не перенесён
sjs-visible-if = условие visibleIf {$condition} не перенесено ({$why}): вопрос показывается всегда
sjs-matrix-size = матрица (столбцов: {$columns}, строк: {$rows}) не перенесена (нужно от 3 до 11 столбцов и хотя бы одна строка)
sjs-matrix-visible-if = условие visibleIf матрицы не перенесено: её строки показываются всегда
sjs-row-no-value = строка без значения
sjs-cond-not-comparison = это не сравнение одного ответа
sjs-cond-no-brace = нет закрывающей скобки
sjs-cond-operator = оператор в {$part} — не один из = anyof < <= > >= !=
sjs-cond-several = сравнивается больше одного ответа
sjs-cond-not-earlier = {$name} — не перенесённый ранее вопрос
sjs-cond-op-kind = {$op} сравнивает вопрос типа {$kind}
sjs-cond-not-rating = {$value} — не оценка
sjs-cond-rating-bool = оценка сравнивается с true или false
sjs-cond-anyof-list = для anyof нужен [список]
sjs-cond-not-answer = {$value} не может быть ответом на вопрос типа {$kind}
sjs-cond-empty = пустое условие
sjs-cond-none = ни один ответ ему не удовлетворяет
sjs-cond-not-value = {$value} — не значение

## Годовой отчёт (otklik-report)
lang-unknown = неизвестный язык {$value} (ожидается ru или en)
report-no-survey = для отчёта нужна хотя бы одна анкета
report-wrong-survey = ответы относятся к анкете {$found}, а не {$expected}
report-no-data = по анкете {$survey} нет ответов за {$year} год (годы в данных: {$years})
report-compare = сравнить с {$year} годом нельзя: {$reason}
report-compare-not-earlier = он не раньше {$year} года
report-compare-no-data = по анкете {$survey} за этот год нет ответов
report-date = {$value} — не дата (ожидается ГГГГ-ММ-ДД)
report-xlsx = не удалось записать XLSX: {$detail}
report-docx = не удалось записать DOCX: {$detail}
report-chart = не удалось нарисовать диаграмму {$id}

## Командная строка (`otklik`): её собственные слова вокруг сообщений выше
cli-not-utf8 = файл не в кодировке UTF-8
cli-json-syntax = ошибка формата JSON: {$detail}
cli-conflict = ответ {$id} расходится с ответом из предыдущего файла (тот же идентификатор, другие ответы)
cli-conflicts = ответов с расхождениями: {$count}; ничего не рассчитано
cli-valid = анкета {$id} версии {$version} составлена верно (вопросов: {$questions}, измерений: {$dimensions})
cli-not-imported = не перенесено: {$what}
cli-surveyjs-written = анкета {$id}, вопросов: {$questions} (не перенесено: {$skipped})
cli-responses = ответов: {$count}
cli-responses-for = ответов: {$count}, анкета {$survey}
cli-size = {$kb} КБ
cli-bad-extension = расширение файла должно быть .html, .docx, .xlsx или .csv
cli-cannot-read = не удалось прочитать {$path}: {$reason}
cli-cannot-write = не удалось записать {$path}: {$reason}
cli-cannot-create = не удалось создать папку {$path}: {$reason}
cli-io-not-found = нет такого файла или папки
cli-io-denied = нет доступа
cli-io-exists = уже существует
cli-io-is-dir = это папка, а не файл
cli-io-not-dir = часть пути — не папка
cli-io-no-space = на диске нет места
cli-io-read-only = файловая система только для чтения
cli-io-other = ошибка ввода-вывода ({$detail})
cli-table-head = анкета {$survey}: ответов {$responses}, K = {$k}, разрез: [{$by}]
cli-table-all = все ответы
cli-table-no-answer = (нет ответа)
cli-table-channel-unknown = (не указан)
cli-table-group = {$group}: n = {$n}
cli-table-group-suppressed = {$group}: меньше {$k} ответов — не показывается
cli-table-ccl = уровень клиентоцентричности
cli-table-dimension = направление {$id}
cli-table-nps = NPS {$id}
cli-table-standard = стандарт {$id}
cli-table-resolution = вопрос решен: {$id}
cli-table-item = вопрос {$id}
cli-table-top2 = доля 4–5
cli-table-figure-suppressed = меньше K ответов — не показывается
cli-table-significant = значимые изменения (p < 0,05):
cli-table-summary = групп показано: {$shown}, скрыто: {$hidden}
standard-at-most = не более {$max}{$unit}
