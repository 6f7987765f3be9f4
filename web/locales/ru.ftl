app-name = Отклик
app-tagline = Анонимные опросы об удовлетворенности клиентов
lang-switch = English
lang-switch-label = Switch to English
large-text = Крупный шрифт
large-text-off = Обычный шрифт
skip-to-content = Перейти к содержимому
home-title = Подготовка опроса
home-intro = Выберите опрос, укажите отчетный период и способ проведения. Ответы хранятся только на этом устройстве и передаются файлами.
home-survey = Опрос
home-template-internal = Внутренние клиенты (сотрудники)
home-template-external = Внешние клиенты (граждане и организации)
home-template-imported = Загруженный опрос: { $title }
home-import = Загрузить опрос из файла (JSON Отклика или SurveyJS)
home-import-error = Файл опроса не принят:
home-period = Отчетный период
home-period-hint = Например, 2026, 2026-H2, 2026-Q3 или 2026-09. Время ответа не сохраняется — только период.
home-period-invalid = Период указан неверно: ожидается ГГГГ, ГГГГ-H1…H2, ГГГГ-Q1…Q4 или ГГГГ-ММ.
home-self = Заполнить опрос на этом устройстве
home-self-hint = Самостоятельное заполнение: в конце респондент сможет скачать файл с ответом и передать его организатору.
home-kiosk = Режим киоска…
home-kiosk-hint = Планшет у стойки приема: респонденты отвечают по очереди, ответы сохраняются на устройстве.
home-stored = { $count ->
    [one] На этом устройстве сохранён { $count } ответ
    [few] На этом устройстве сохранено { $count } ответа
   *[many] На этом устройстве сохранено { $count } ответов
}
kiosk-setup-title = Запуск режима киоска
kiosk-pin = PIN-код организатора
kiosk-pin-hint = Не менее 4 цифр. PIN нужен, чтобы выгрузить ответы или выйти из режима киоска.
kiosk-pin-invalid = PIN-код должен состоять не менее чем из 4 цифр.
kiosk-pin-repeat = Повторите PIN-код
kiosk-pin-mismatch = PIN-коды не совпадают.
kiosk-start = Запустить киоск
kiosk-cancel = Отмена
storage-persistent = Постоянное хранилище: браузер обязался не удалять ответы.
storage-not-persistent = Постоянное хранилище не предоставлено: браузер может удалить данные при нехватке места. Выгружайте ответы регулярно.
storage-unknown = Проверка постоянного хранилища…
organiser = Для организатора
abort = Прервать опрос
abort-question = Прервать опрос?
abort-detail = Введённые ответы будут удалены, ответ не сохранится. Вы вернётесь на начальную страницу.
abort-detail-kiosk = Введённые ответы будут удалены, ответ не сохранится. Киоск вернётся к началу опроса для следующего респондента.
abort-no = Продолжить опрос
abort-yes = Да, прервать
admin-title = Управление киоском
admin-pin-prompt = Введите PIN-код организатора
admin-pin-wrong = Неверный PIN-код.
admin-open = Открыть
admin-count = { $count ->
    [0] На этом устройстве нет сохранённых ответов.
    [one] На этом устройстве сохранён { $count } ответ.
    [few] На этом устройстве сохранено { $count } ответа.
   *[many] На этом устройстве сохранено { $count } ответов.
}
admin-unexported = { $count ->
    [0] Все они выгружены.
    [one] Не выгружен { $count }.
    [few] Не выгружены { $count }.
   *[many] Не выгружено { $count }.
}
admin-table-caption = Ответы на этом устройстве по опросам
admin-group = { $count ->
    [one] { $count } ответ
    [few] { $count } ответа
   *[many] { $count } ответов
}, выгружено { $exported }
admin-this-kiosk = (опрос этого киоска)
admin-as-stored-note = Определения этого опроса нет на устройстве: ответы выгружаются в JSON так, как сохранены.
admin-unreadable = { $count ->
    [one] { $count } запись на устройстве не удалось прочитать. Она сохранена как есть и не удаляется, пока её не выгрузят.
    [few] { $count } записи на устройстве не удалось прочитать. Они сохранены как есть и не удаляются, пока их не выгрузят.
   *[many] { $count } записей на устройстве не удалось прочитать. Они сохранены как есть и не удаляются, пока их не выгрузят.
}
admin-unreadable-export = Выгрузить нечитаемые записи как есть
admin-unreadable-exported = Выгружены.
admin-export-csv = Выгрузить CSV
admin-export-json = Выгрузить JSON
admin-export-note = Ответы выгружаются в случайном порядке, без отметок времени.
files-confidential = Файлы ответов конфиденциальны: у кого файл, у того все ответы. Передавайте их только тем, кто готовит итоги; делятся отчётом (а также панелью руководителя или её печатью), в котором малые группы скрыты.
admin-clear = { $count ->
    [0] Удалить выгруженные ответы…
    [one] Удалить { $count } выгруженный ответ…
    [few] Удалить { $count } выгруженных ответа…
   *[many] Удалить { $count } выгруженных ответов…
}
admin-clear-hint = Удаляются только выгруженные ответы; невыгруженные остаются на устройстве.
admin-clear-confirm = { $count ->
    [0] Удалять нечего: ни один ответ ещё не выгружен.
    [one] Удалить с устройства { $count } выгруженный ответ? Отменить удаление нельзя.
    [few] Удалить с устройства { $count } выгруженных ответа? Отменить удаление нельзя.
   *[many] Удалить с устройства { $count } выгруженных ответов? Отменить удаление нельзя.
}
admin-clear-left = { $count ->
    [0] Невыгруженных ответов нет.
    [one] { $count } ответ ещё не выгружен и останется на устройстве.
    [few] { $count } ответа ещё не выгружены и останутся на устройстве.
   *[many] { $count } ответов ещё не выгружены и останутся на устройстве.
}
admin-export-rest = Сначала выгрузить невыгруженные
admin-clear-yes = Да, удалить
admin-cleared = { $count ->
    [0] Ничего не удалено.
    [one] С устройства удалён { $count } выгруженный ответ.
    [few] С устройства удалены { $count } выгруженных ответа.
   *[many] С устройства удалено { $count } выгруженных ответов.
}
admin-back = Вернуться к опросу
admin-exit = Выйти из режима киоска
anonymity-title = Опрос анонимный
anonymity-stored = Сохраняются только ваши ответы и отчетный период ({ $period }).
anonymity-not-stored = Не сохраняются: имя, время заполнения, адрес (в том числе IP-адрес), сведения об устройстве.
anonymity-threshold = Результаты по группе, в которой меньше { $k } { $k ->
    [one] ответа
   *[other] ответов
}, не показываются никому.
anonymity-local = Ответы не отправляются по сети: они остаются на этом устройстве, пока организатор не выгрузит их файлом.
start = Начать опрос
next = Далее
back = Назад
submit = Отправить ответы
required-mark = обязательный вопрос
required-legend = Вопросы, отмеченные *, обязательны.
progress = Шаг { $step } из { $total }
remaining = { $n ->
    [0] Это последний шаг
    [one] Остался { $n } вопрос
    [few] Осталось { $n } вопроса
   *[many] Осталось { $n } вопросов
}
saved = Ответы сохранены
saving = Сохранение…
save-failed = Не удалось сохранить ответ на устройстве. Не закрывайте страницу и сообщите организатору.
errors-title = Проверьте ответы
error-required = Ответьте на этот вопрос.
yes = Да
no = Нет
nps-scale = 0 — точно нет, 10 — обязательно
number-range = Число от { $min } до { $max }
text-counter = { $used } из { $max } знаков
thanks-title = Спасибо! Ваши ответы получены
thanks-receipt = Код подтверждения: { $code }
thanks-receipt-hint = Код не связан с вашими ответами и нужен только как подтверждение получения.
thanks-download = Скачать файл с ответом
thanks-download-hint = Передайте этот файл организатору опроса.
thanks-next = Следующий респондент через { $n ->
    [one] { $n } секунду
    [few] { $n } секунды
   *[many] { $n } секунд
}
thanks-again = Начать заново
thanks-home = На главную
stored-on-device = Ответ сохранен на этом устройстве.
nav-survey = Опрос
nav-dashboard = Панель руководителя
dash-title = Панель руководителя: клиентоцентричность
dash-demo = Демонстрационные данные: синтетические ответы, чтобы сразу увидеть показатели. Загрузите свои файлы ответов — демонстрация исчезнет.
dash-data = Данные
dash-data-summary = { $responses ->
    [one] { $responses } ответ
    [few] { $responses } ответа
   *[many] { $responses } ответов
} из { $files ->
    [one] { $files } файла
   *[other] { $files } файлов
}
dash-import = Загрузить файлы ответов (CSV или JSON) или определение опроса
dash-drop = Или перетащите файлы сюда
dash-file = Файл
dash-file-responses = Ответов
dash-file-added = Новых
dash-file-duplicates = Повторов
dash-file-conflicts = Конфликтов
dash-file-remove = Удалить
dash-file-remove-label = Удалить ответы файла { $name }
dash-file-rejected = Файл { $name } не принят, ничего не изменено:
dash-analysis-error = Показатели по сохранённым ответам рассчитать нельзя:
dash-analysis-error-hint = Удалите файл, который не согласуется с остальными (список файлов ниже), или исправьте его и загрузите снова.
dash-file-same = Файл { $name } уже загружен: ничего не изменилось.
dash-file-unknown-survey = Файл { $name }: опрос «{ $survey }» не найден. Сначала загрузите его определение.
dash-conflict-note = Ответы с тем же идентификатором, но другим содержанием: сохранена первая версия.
dash-export = Выгрузить все ответы (CSV)
dash-computing = Расчёт показателей…
dash-checking = Проверка файла { $file } из { $files }: { $name } ({ $size } МБ)…
dash-checked = Проверено
dash-survey = Опрос
dash-period = Период
dash-breakdown = В разрезе
dash-breakdown-none = Без разбивки
dash-print = Печать / PDF
dash-print-title = { $survey } · период { $period } · разрез: { $breakdown }
dash-cards = Ключевые показатели за { $period }
dash-ccl = Уровень клиентоцентричности
dash-nps = NPS «{ $q }»
dash-enps = eNPS
dash-ces = Легкость решения вопроса (CES)
dash-resolution = Доля решенных вопросов
dash-standard = Соблюдение стандарта: { $q }
dash-suppressed = Меньше { $k } { $k ->
    [one] ответа
   *[other] ответов
} — не показывается
dash-ci = 95% ДИ: { $lo } – { $hi }
dash-n = n = { $n }
dash-change = { $delta } к { $period }
dash-significant = значимо
dash-not-significant = незначимо
dash-no-change = Нет данных за предыдущий период
dash-charts = Графики
dash-table = Таблица данных
dash-texts = Свободные ответы
dash-texts-hint = Сгруппированы только по признаку «{ $by }», какая бы разбивка ни была выбрана выше, чтобы списки разных разбивок нельзя было сопоставить; показываются для групп не менее чем из { $k } { $k ->
    [one] ответа
   *[other] ответов
}, в случайном порядке, отдельно от других ответов.
dash-texts-none = Нет групп, достаточно крупных для показа свободных ответов.
dash-texts-shown = Показано { $shown } из { $total }.
dash-texts-more = Показать ещё { $n }
dash-group = Группа
dash-value = Значение
dash-no-answer = (нет ответа)
dash-worker = Расчеты выполняются в фоновом потоке (WebAssembly).
chart-fewer = меньше { $k }
chart-trend = Уровень клиентоцентричности по периодам (95% доверительный интервал)
chart-ci = 95% ДИ
chart-item = Вопрос
chart-likert = Распределение оценок по вопросам
chart-priority = Приоритет
chart-drivers = Факторы уровня клиентоцентричности: важность и оценка
chart-importance = Важность (корреляция)
chart-performance = Оценка (индекс 0–100)
chart-digital = цифровая
chart-offline = офлайн
chart-channels = Каналы обращения: доли точек взаимодействия
chart-touchpoint = Точка взаимодействия
chart-channel = Тип канала
chart-share = Доля
chart-heatmap = Индексы направлений в разрезе: { $by }
chart-nps = Состав NPS в разрезе: { $by }
chart-detractors = Критики (0–6)
chart-passives = Нейтральные (7–8)
chart-promoters = Сторонники (9–10)
chart-standards = Соблюдение стандартов обслуживания по точкам взаимодействия
chart-median = Медиана
chart-axis-period = Период
chart-axis-index = Индекс, 0–100
chart-band = 95% доверительный интервал
chart-axis-answers = Доля ответов
chart-scale-index = Индекс, 0–100
chart-axis-importance = Важность (корреляция с уровнем)
chart-priority-legend = Приоритет: важно, оценка ниже медианы
chart-other-items = Остальные вопросы
chart-median-lines = Медианы
chart-axis-within = В пределах стандарта, % ответов
chart-axis-responses = Доля обращений
chart-suppressed-note = <{ $k }: скрыто — меньше { $k } { $k ->
    [one] ответа
   *[other] ответов
} или для защиты других групп
nav-report = Годовой отчёт
report-title = Годовой отчёт о клиентоцентричности
report-lead = Отчёт для Общего собрания: уровень клиентоцентричности, показатели внутренних и внешних клиентов, динамика, приоритеты и методика. Малые группы скрыты во всех форматах.
report-loading = Загрузка данных…
report-demo = Отчёт строится по демонстрационным данным. Загрузите свои файлы ответов на панели руководителя.
report-settings = Параметры отчёта
report-surveys = Опросы в отчёте
report-survey-option = { $title } ({ $n ->
    [one] { $n } ответ
    [few] { $n } ответа
   *[many] { $n } ответов
})
report-year = Отчётный год
report-compare = Сравнить с
report-compare-all = всеми предыдущими годами
report-organisation = Наименование организации
report-language = Язык отчёта
report-prepared = Дата подготовки
report-prepared-hint = Единственная дата в отчёте.
report-recommendations = Приоритеты и рекомендации
report-recommendations-hint = Предложены по анализу факторов: по одной рекомендации в строке. Исправьте текст и нажмите «Применить».
report-apply = Применить
report-reset = Вернуть предложенные
report-output = Отчёт
report-downloads = Скачать отчёт
report-download-html = HTML (для печати в PDF)
report-download-docx = Word (DOCX)
report-download-xlsx = Excel (XLSX)
report-download-csv = Таблицы (CSV)
report-print = Печать / PDF
report-building = Формирование отчёта…
report-built = Отчёт сформирован за { $seconds } с.
report-no-survey = Выберите хотя бы один опрос.
report-preview = Предпросмотр отчёта

embed-damaged = Ссылка на опрос повреждена (возможно, её обрезали при копировании). Попросите новую ссылку. ({ $detail })
embed-invalid = Опрос в ссылке или файле содержит ошибки и не может быть открыт. ({ $detail })
embed-period = Период «{ $detail }» в ссылке на опрос неверен.
hand-title = Раздать опрос
hand-intro = Ссылка или файл открывают приложение сразу на этом опросе и периоде. Ответы остаются на устройстве, где их дали: соберите их файлами.
hand-mode = Как будут отвечать
hand-mode-self = Самостоятельно: опрос начнётся сразу
hand-mode-kiosk = На киоске: сначала организатор задаёт PIN
hand-link = Получить ссылку
hand-file = Скачать опрос одним файлом
hand-link-label = Ссылка на опрос
hand-link-copied = Ссылка скопирована в буфер обмена.
hand-link-copy-yourself = Скопируйте ссылку из поля.
hand-file-single = Файл с опросом можно скачать из однофайловой версии приложения (otklik.html).
home-import-surveyjs = Опрос SurveyJS импортирован. Не перенесено:

nav-editor = Редактор опросов
ed-title = Редактор опросов
ed-start-lead = Соберите свой опрос: из шаблона, с чистого листа или из файла (Отклика или SurveyJS). Черновик сохраняется на этом устройстве после каждого изменения.
ed-start-blank = Пустой опрос
ed-start-internal = Шаблон: внутренние клиенты
ed-start-external = Шаблон: внешние клиенты
ed-start-file = Открыть файл опроса (JSON Отклика или SurveyJS)
ed-toolbar = Действия с опросом
ed-undo = Отменить
ed-redo = Повторить
ed-export = Сохранить файл опроса (JSON)
ed-run = Провести опрос
ed-close = Закрыть черновик
ed-valid = Ошибок нет: опрос можно сохранить и провести.
ed-invalid = { $n ->
    [one] Найдена { $n } ошибка
    [few] Найдены { $n } ошибки
   *[many] Найдено { $n } ошибок
}: исправьте их, чтобы сохранить или провести опрос.
ed-version-bumped = Опрос изменён после публикации: версия повышена до { $v }. Ответы на прежние версии сохраняют свою версию.
ed-general = Общие сведения
ed-survey-id = Идентификатор опроса
ed-audience = Кого опрашиваем
ed-audience-internal = Внутренних клиентов (работников)
ed-audience-external = Внешних клиентов (граждан, организации)
ed-survey-title = Название опроса
ed-intro = Вступительный текст
ed-in-russian = По-русски
ed-in-english = По-английски (необязательно)
ed-min-group = Порог анонимности K (не меньше 3)
ed-min-group-text = Порог для свободных ответов (не меньше K)
ed-min-group-hint = Показатели групп меньше K не показываются нигде, включая выгрузки.
ed-dimensions = Направления оценки
ed-dimensions-hint = Направления объединяют вопросы-шкалы; вес задаёт вклад направления в уровень клиентоцентричности.
ed-dimension-id = Идентификатор направления
ed-dimension-title = Название направления
ed-dimension-weight = Вес
ed-dimension-remove = Удалить направление { $n }
ed-add-dimension = Добавить направление
ed-remove = Удалить
ed-questions = Вопросы ({ $n })
ed-question-heading = Вопрос { $n }: { $id }
ed-question-problems = { $n ->
    [one] { $n } ошибка в этом вопросе
    [few] { $n } ошибки в этом вопросе
   *[many] { $n } ошибок в этом вопросе
}
ed-question-tools = Действия с вопросом { $n }
ed-up = Выше
ed-down = Ниже
ed-duplicate = Копировать
ed-question-id = Идентификатор вопроса (имя столбца в файлах ответов)
ed-question-type = Тип вопроса
ed-type-scale = Шкала оценки
ed-type-nps = Готовность рекомендовать (0–10)
ed-type-choice = Один вариант
ed-type-multi = Несколько вариантов
ed-type-yesno = Да или нет
ed-type-number = Число
ed-type-text = Свободный ответ
ed-question-text = Текст вопроса
ed-question-hint = Пояснение под вопросом
ed-required = Обязательный вопрос
ed-role = Значение для показателей
ed-role-none = Нет
ed-role-effort = Усилия клиента (CES)
ed-role-resolution = Решён ли вопрос
ed-role-touchpoint = Точка взаимодействия
ed-role-need = Потребность
ed-role-segment = Сегмент или подразделение
ed-points = Число делений шкалы (3–11)
ed-dimension = Направление
ed-dimension-none = Без направления
ed-label-min = Подпись нижнего края
ed-label-max = Подпись верхнего края
ed-group = Группировать показатели по этому вопросу
ed-options = Варианты ответа
ed-option-id = Идентификатор варианта
ed-option-label = Текст варианта
ed-option-headcount = Численность (для доли ответивших)
ed-option-channel = Канал
ed-channel-none = Не указан
ed-channel-digital = Цифровой
ed-channel-offline = Очный
ed-option-remove = Удалить вариант { $n } вопроса { $q }
ed-add-option = Добавить вариант
ed-min = Наименьшее значение
ed-max = Наибольшее значение
ed-integer = Только целые числа
ed-unit = Единица измерения
ed-standard = Стандарт обслуживания: не более
ed-standard-hint = Доля ответов не выше стандарта показывается как соблюдение стандарта.
ed-max-length = Наибольшая длина ответа (символов)
ed-visible-if = Условие показа
ed-visible-if-question = Показывать, если ответ на вопрос
ed-visible-always = Показывать всегда
ed-visible-if-values = равен одному из (через запятую)
ed-add-type = Тип нового вопроса
ed-add-question = Добавить вопрос
ed-preview = Предпросмотр
ed-preview-width = Ширина предпросмотра
ed-preview-phone = Телефон
ed-preview-desktop = Компьютер
ed-preview-invalid = Предпросмотр появится, когда в опросе не останется ошибок.
ed-warn-identity = Внимание, анонимность: вопрос просит то, что указывает на человека («{ $word }»). Уберите просьбу назвать имя, почту или телефон.
ed-warn-small-group = Внимание, анонимность: в группе «{ $option }» { $n } чел. — меньше порога { $k }; её показатели всегда будут скрыты, а по правилу остатка скроется и соседняя группа.
ed-warn-groupings = Внимание, анонимность: { $count } группирующих вопроса дают { $cells } сочетаний{ $expected ->
    [none] {""}
   *[other] {""} на { $expected } чел.
}; в сочетаниях окажется меньше K человек. Оставьте один-два группирующих вопроса.
storage-unavailable = Этот браузер не даёт сохранять данные на устройстве ({ $detail }). Ответы и файлы не сохранятся после закрытия страницы: откройте приложение в обычном окне браузера или с веб-сервера.
worker-not-loaded = Данные этой страницы больше не хранятся в фоновом расчётном модуле. Обновите страницу — они загрузятся снова.
