# Слова годового отчета (русский).
# Каждое сообщение есть и в en.ftl (это проверяет тест), и каждый ключ, который код
# передает `tr` или `tr_args`, есть здесь.

## Титульный лист и подписи, общие со штампом
title-heading = Отчет о клиентоцентричности за {$year} год
title-subtitle = Ежегодный отчет для Общего собрания членов (п. 8.3 Стандарта)
label-organisation = Организация
label-surveys = Опросы
label-compared-with = Сравнение с
label-no-comparison = без сравнения
label-prepared = Дата подготовки
# Название опроса: его аудитория, затем заголовок.
audience-label = { $audience ->
        [internal] Внутренние клиенты
       *[external] Внешние клиенты
    }: {$title}

## Документ: содержание, приложения, подписи, скрытые ячейки
doc-contents = Содержание
doc-appendix-title = Приложение {$number}. {$title}
doc-appendix-first = А
doc-appendix-second = Б
doc-table-caption = Таблица {$number}. {$caption}
doc-figure-caption = Рисунок {$number}. {$caption}
doc-xlsx-title-sheet = Титул
# Скрытая ячейка.
suppressed-fewer-than = меньше {$k}

## Разделы
section-summary = Сводка
section-internal = Внутренние клиенты
section-external = Внешние клиенты
section-dynamics = Динамика
section-priorities = Приоритеты и рекомендации
section-method = Методика и анонимность
section-registry = Перечень точек взаимодействия
section-stamp = Штамп воспроизводимости

## Столбцы таблиц
col-indicator = Показатель
col-value = Значение
col-ci = 95% ДИ
col-ci-lower = нижняя граница
col-ci-upper = верхняя граница
col-n = n
col-change = Изменение
col-change-pp = Изменение, п.п.
col-p = p
col-significance = Значимость
col-year = Год
col-years = Лет
col-unit = Подразделение
col-item = Вопрос
col-dimension = Направление
col-alpha = α Кронбаха
col-top2 = Доля 4–5, %
col-index = Индекс 0–100
col-ccl = Уровень клиентоцентричности
col-response-rate = Отклик, %
col-touchpoint = Точка взаимодействия
col-type = Тип
col-share = Доля, %
col-contacts-share = Доля обращений, %
col-segment = Категория клиентов
col-need = Потребность
col-standard = Стандарт
col-norm = Норматив
col-within = В пределах стандарта, %
col-median = Медиана
col-p90 = 90-й процентиль
col-resolved = Вопрос решен, %
col-easy = Легко (4–5), %
col-promoters = Сторонники, %
col-passives = Нейтральные, %
col-detractors = Критики, %
col-importance = Важность (r)
col-performance = Оценка (индекс 0–100)
col-priority = Приоритет
col-slope = Наклон за год
col-periods = Периоды в данных
col-needs = Потребности (по ответам)
col-breakdown = Разрез
col-groups-shown = Групп показано
col-groups-hidden = Групп скрыто
col-figures-hidden = Показателей скрыто в показанных группах
col-file = Файл
col-role = Назначение
col-sha = SHA-256
col-parameter = Параметр
col-ces-mean = Средняя легкость (1–5)

## Значения в ячейках и названия показателей
value-significant = значимо
value-not-significant = незначимо
value-yes = да
value-no = нет
channel-digital = цифровая
channel-offline = офлайн
option-no-answer = (нет ответа)
indicator-ccl = Уровень клиентоцентричности
indicator-resolution = Доля решенных вопросов
indicator-ces-easy = Легкость решения вопроса (CES): доля ответов 4–5
indicator-standard = Стандарт {$norm}: {$question}

## Диаграммы
chart-period = Год
chart-index = Индекс, 0–100
chart-band = 95% доверительный интервал
chart-answers = Доля ответов
chart-importance = Важность (корреляция с уровнем)
chart-performance = Оценка (индекс 0–100)
chart-priority = Приоритет: важно, оценка ниже медианы
chart-other = Остальные вопросы
chart-medians = Медианы
chart-responses = Доля обращений
chart-within = В пределах стандарта, % ответов
chart-detractors = Критики (0–6)
chart-passives = Нейтральные (7–8)
chart-promoters = Сторонники (9–10)
chart-suppressed-note = <{$k}: скрыто: меньше {$k} ответов или для защиты других групп

## Сводка и выводы
summary-caption = Ключевые показатели за {$year} год
finding-level = Уровень клиентоцентричности по оценкам { $audience ->
        [internal] внутренних клиентов
       *[external] внешних клиентов
    } в {$year} году — {$value} из 100 (95% ДИ {$ci}; n = {$n}).
finding-level-unchanged = По сравнению с {$year} годом он практически не изменился.
finding-level-change = По сравнению с {$year} годом он { $direction ->
        [up] вырос
       *[down] снизился
    } на {$delta} п.{ $significant ->
        [yes] ; изменение значимо.
       *[no] , но изменение незначимо.
    }
finding-level-suppressed = Уровень клиентоцентричности за {$year} год не показывается: меньше {$k} ответов.
# Изменение: подлежащее (ниже, или название NPS) выросло или снизилось с одного
# значения до другого; `gender` — его род (для глагола).
finding-change = {$subject} { $direction ->
        [up] { $gender ->
            [feminine] выросла
           *[masculine] вырос
        }
       *[down] { $gender ->
            [feminine] снизилась
           *[masculine] снизился
        }
    } с {$from} до { $scale ->
        [index] {$to} из 100
       *[other] {$to}
    } ({ $significant ->
        [yes] значимо
       *[no] незначимо
    }).
finding-subject-ccl = Уровень клиентоцентричности
finding-subject-area = Индекс направления «{$area}»
finding-subject-item = Оценка «{$question}»
finding-subject-ces = Доля клиентов, которым было легко решить вопрос,
finding-subject-resolution = Доля решенных вопросов
finding-subject-standard = Доля ответов в пределах стандарта {$norm} ({$question})
# Доля в предложении (с неразрывным пробелом перед знаком процента).
finding-percent = {$value}{"\u00A0"}%
finding-areas = Выше всего оценено направление «{$high}» ({$high-value} из 100), ниже всего — «{$low}» ({$low-value} из 100).
finding-no-other-changes = Других статистически значимых изменений по сравнению с {$year} годом нет.
finding-other-changes-not-significant = Остальные изменения по сравнению с {$year} годом статистически незначимы.

## Внутренние клиенты
internal-areas-heading = Направления мониторинга
internal-areas-standard = Направления соответствуют п. 8.6 Стандарта: удовлетворенность условиями труда, исполнительская дисциплина, взаимодействие с непосредственным руководителем (достаточность взаимодействия и понятность постановки задач), социальная среда; дополнительно — внутреннее взаимодействие между подразделениями и развитие.
internal-areas-caption = Индексы направлений мониторинга, {$year} год
internal-items-heading = Оценки по вопросам
internal-units-by = подразделения
internal-units-heading = Результаты по подразделениям (п. 8.2 Стандарта)
internal-units-note = Результаты подразделения, от которого получено меньше {$k} ответов, не показываются; скрыты и другие подразделения, если скрытые значения можно было бы вычислить по этой или другим таблицам (они помечены так же).
internal-units-caption = Уровень клиентоцентричности по подразделениям, {$year} год
internal-standards-heading = Сроки ответа на внутренние обращения
internal-enps-heading = Готовность рекомендовать организацию как место работы (eNPS)

## Внешние клиенты
external-areas-heading = Удовлетворенность по направлениям
external-areas-caption = Индексы удовлетворенности по направлениям, {$year} год
external-touchpoints-heading = Точки взаимодействия и каналы
external-touchpoints-caption = Показатели по точкам взаимодействия, {$year} год
external-segments-by = категории клиентов
external-segments-heading = Категории клиентов
external-segments-caption = Показатели по категориям клиентов, {$year} год
external-needs-heading = Потребности клиентов
external-needs-caption = Показатели по потребностям клиентов, {$year} год
external-standards-heading = Стандарты обслуживания
external-standards-norms = Нормативы перечня точек взаимодействия: ожидание приема не более 15 минут, не более 2 переключений по телефону, письменный ответ не позднее 30 дней.
external-resolution-heading = Решение вопросов, NPS и легкость (CES)
external-resolution-caption = Доля решенных вопросов и легкость решения, {$year} год

## Таблицы и диаграммы обоих разделов о клиентах
items-caption = Оценки по вопросам за {$year} год
likert-caption = Распределение оценок по вопросам, {$year} год
breakdown-rate-note = Отклик — ответы за год, деленные на численность подразделения и на число волн опроса в году ({$waves}).
dimension-breakdown-caption = Индексы направлений (0–100) в разрезе: {$by}, {$year} год
nps-caption = Готовность рекомендовать (NPS), {$year} год
nps-breakdown-caption = Состав {$name} в разрезе: {$by}, {$year} год
channels-caption = Каналы обращения: доли точек взаимодействия, {$year} год
channels-all-of-type = Все каналы типа «{$type}»
standards-caption = Соблюдение стандартов обслуживания, {$year} год
standards-touchpoints-caption = Соблюдение стандартов по точкам взаимодействия, {$year} год

## Динамика
dynamics-ccl-caption = Уровень клиентоцентричности по годам (95% доверительный интервал)
dynamics-areas-caption = Индексы направлений по годам
dynamics-nps-caption = {$name} по годам (95% доверительный интервал)
dynamics-table-caption = Показатели по годам (под значением — 95% доверительный интервал)
dynamics-trends-caption = Тренды: наклон прямой по годам (метод наименьших квадратов)

## Приоритеты и рекомендации
priorities-caption = Факторы уровня клиентоцентричности: важность и оценка, {$year} год
priorities-recommendations-heading = Рекомендации
priorities-generated = Сформированы автоматически по анализу факторов (п. 8.7 Стандарта): вопросы с высокой важностью и оценкой ниже медианы.
priorities-by-user = Текст рекомендаций подготовлен пользователем на основе анализа факторов (п. 8.7 Стандарта).
recommendation-priority = Уделить внимание: «{$question}» — важность высокая, оценка {$performance} из 100.
recommendation-none = По данным {$year} года приоритетных областей для корректировки не выявлено.

## Методика и анонимность
method-samples-heading = Выборка
method-samples-caption = Число ответов по годам
method-periods = Ответы собираются по периодам (году, полугодию, кварталу или месяцу); для отчета период каждого ответа заменяется его годом, и все показатели считаются за год.
method-indicators-heading = Как рассчитаны показатели
method-question-index = Индекс вопроса: (среднее − 1) / (m − 1) · 100, где m — число баллов шкалы; 0 — худшая оценка, 100 — лучшая.
method-top2 = Доля 4–5 (CSAT): доля ответов в двух верхних баллах шкалы.
method-area-index = Индекс направления: среднее по респондентам их средней оценки вопросов направления (0–100).
method-ccl = Уровень клиентоцентричности: взвешенное среднее индексов направлений респондента (веса из определения опроса), затем среднее по респондентам.
method-nps = NPS и eNPS: доля сторонников (9–10) минус доля критиков (0–6), в пунктах от −100 до 100.
method-ces = CES: легкость решения вопроса; доля ответов 4–5 и средний балл.
method-standards = Стандарты обслуживания: доля ответов в пределах норматива, медиана и 90-й процентиль.
method-resolution = Доля решенных вопросов: доля ответов «да» на вопрос о решении.
method-drivers = Факторы: важность — коэффициент корреляции Пирсона оценки вопроса с уровнем клиентоцентричности респондента; приоритет — важность выше медианы при оценке ниже медианы.
method-intervals = Интервалы: 95% доверительные интервалы — Стьюдента для средних, Уилсона для долей, нормальное приближение для NPS.
method-changes = Изменения между годами: критерий Уэлча для средних, z-критерий для долей, z-критерий для NPS; изменение значимо при p < 0,05.
method-trends = Тренды: наклон прямой наименьших квадратов по годам и его p-значение (не менее 3 лет).
method-anonymity-heading = Анонимность
method-anonymity = {$survey}: порог K = {$k}. Группа, в которой меньше K ответов, не показывается — ни ее показатели, ни число ответов («меньше {$k}»); так же скрывается любой показатель, рассчитанный менее чем по K ответам. Все таблицы отчета, панели руководителя и выгрузок защищены вместе: скрываются и другие группы (с той же пометкой), так что ни одно скрытое число — ни размер группы, ни число ответов на вопрос, ни число ответов каждого варианта — нельзя ни вычислить, ни ограничить значением меньше K никаким сочетанием опубликованных таблиц (метод исключения Гаусса, как в GaussSuppression Статистического управления Норвегии, с правилом остатка для всех связанных таблиц); это проверяется точным аудитом методом линейного программирования. Пометка «меньше {$k}» означает «скрыто». Свободные ответы в отчет не включаются (порог для них — {$k-text} ответов). Уровень доверия — 95%.
method-waves = {$survey}: в году до {$waves} волн опроса, и сотрудник может ответить в каждой. Чтобы годовая группа включала не менее {$base-k} человек, порог для годового отчета умножен на число волн: K = {$base-k} × {$waves} = {$k} ответов.
method-breakdown-history = { col-year } (динамика)
method-breakdown-by = { col-year } × {$question}
method-breakdown-registry = { col-year } × { col-touchpoint } × { col-need }
method-suppressed-caption = Что скрыто (только количества)

## Перечень точек взаимодействия
registry-intro = Перечень точек взаимодействия (приложение к приказу о перечне): тип канала, потребности, которые удовлетворяет точка (по ответам {$year} года; показаны сочетания не менее чем из {$k} ответов), удовлетворенность и соблюдение стандартов обслуживания.
registry-caption = Перечень точек взаимодействия, {$year} год

## Штамп воспроизводимости
stamp-role-definition = определение опроса
stamp-role-responses = ответы
stamp-language = Язык
stamp-threshold = K / порог свободных ответов ({$survey})
stamp-confidence = Уровень доверия
stamp-recommendations-hash = Рекомендации изменены пользователем (SHA-256 текста)
stamp-intro = Показатели отчета можно получить заново командой ниже на тех же файлах: совпадение хешей SHA-256 подтверждает, что файлы те же.
stamp-files-caption = Входные файлы
stamp-version = Версия программы
stamp-command = Команда
stamp-parameters-caption = Параметры

## Печатная анкета
paper-document = анкета
paper-form-no = № анкеты
paper-period = Отчетный период
paper-anonymity-title = Опрос анонимный.
paper-anonymity-name = Не пишите на анкете свое имя, телефон, адрес и другие сведения, по которым вас можно узнать.
paper-anonymity-threshold = Результаты по группе, в которой меньше { $k } { $k ->
    [one] ответа
   *[other] ответов
}, не показываются никому.
paper-how = Отметьте ответ знаком ✓ или ✗ в квадрате. Чтобы исправить ответ, закрасьте квадрат целиком и отметьте другой.
paper-required-legend = — обязательный вопрос
paper-do-one = Отметьте один вариант.
paper-do-many = Отметьте все подходящие варианты.
paper-do-score = Отметьте одну оценку.
paper-do-number = Впишите число.
paper-do-integer = Впишите целое число.
paper-do-text = Напишите ответ.
paper-yes = Да
paper-no = Нет
paper-scale-min = наихудшая оценка
paper-scale-max = наилучшая оценка
paper-nps-min = точно нет
paper-nps-max = обязательно
# Условие показа вопроса: номер вопроса, ответы, на какие вопросы отвечать.
paper-if-choice = Если в вопросе { $q } вы выбрали { $values }, ответьте на { $several ->
        [yes] вопросы
       *[no] вопрос
    } { $range }.
paper-if-multi = Если в вопросе { $q } вы отметили { $values }, ответьте на { $several ->
        [yes] вопросы
       *[no] вопрос
    } { $range }.
paper-if-yesno = Если в вопросе { $q } вы ответили { $values }, ответьте на { $several ->
        [yes] вопросы
       *[no] вопрос
    } { $range }.
paper-if-score = Если в вопросе { $q } вы поставили оценку { $values }, ответьте на { $several ->
        [yes] вопросы
       *[no] вопрос
    } { $range }.
paper-otherwise = Иначе переходите к вопросу { $next }.
paper-otherwise-end = Иначе анкета заполнена.
paper-quoted = «{ $text }»
paper-or = или
paper-values-range = от { $from } до { $to }
paper-thanks = Спасибо за участие! Передайте заполненную анкету организатору опроса.
