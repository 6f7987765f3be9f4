//! The report's language: words, numbers and dates in Russian or English.

use std::fmt;
use std::str::FromStr;

use otklik_survey::fmt as numbers;

/// The language of the report: Russian (the default; decimal comma, `15 мая 2026 г.`)
/// or English (decimal point, `15 May 2026`).
pub use otklik_survey::Lang;

/// A calendar date (the date of preparation), `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    /// Year.
    pub year: u16,
    /// Month 1..=12.
    pub month: u8,
    /// Day 1..=31 (checked against the month).
    pub day: u8,
}

impl Date {
    /// A date, if it exists.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let leap =
            year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        ((1900..=2999).contains(&year) && (1..=days).contains(&day)).then_some(Date {
            year,
            month,
            day,
        })
    }

    /// The date written out: `15 мая 2026 г.` or `15 May 2026`.
    pub fn long(&self, lang: Lang) -> String {
        const RU: [&str; 12] = [
            "января",
            "февраля",
            "марта",
            "апреля",
            "мая",
            "июня",
            "июля",
            "августа",
            "сентября",
            "октября",
            "ноября",
            "декабря",
        ];
        const EN: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        let m = usize::from(self.month - 1);
        match lang {
            Lang::Ru => format!("{} {} {} г.", self.day, RU[m], self.year),
            Lang::En => format!("{} {} {}", self.day, EN[m], self.year),
        }
    }
}

impl FromStr for Date {
    type Err = crate::Error;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || crate::Error::Date(s.to_owned());
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(err());
        }
        let num = |r: std::ops::Range<usize>| -> Result<u16, crate::Error> {
            let part = &s[r];
            if !part.bytes().all(|c| c.is_ascii_digit()) {
                return Err(err());
            }
            part.parse().map_err(|_| err())
        };
        let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
        Date::new(y, m as u8, d as u8).ok_or_else(err)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

// The report's number formats are the shared ones (`otklik_survey::fmt`).

pub(crate) fn num(x: f64, decimals: u8, lang: Lang) -> String {
    numbers::num(x, usize::from(decimals), lang)
}

pub(crate) fn delta(x: f64, decimals: u8, lang: Lang) -> String {
    numbers::signed(x, usize::from(decimals), lang)
}

pub(crate) use numbers::{int, p_value};

pub(crate) fn interval(b: [f64; 2], decimals: u8, lang: Lang) -> String {
    numbers::interval(b, usize::from(decimals), lang)
}

/// The fixed words of the report.
pub(crate) struct Words {
    pub heading: &'static str,
    pub subtitle: &'static str,
    pub organisation: &'static str,
    pub surveys: &'static str,
    pub compared_with: &'static str,
    pub no_comparison: &'static str,
    pub prepared: &'static str,
    pub contents: &'static str,
    pub internal: &'static str,
    pub external: &'static str,
    pub fewer_than: &'static str,
    pub appendix: &'static str,
    pub table: &'static str,
    pub figure: &'static str,
    // Sections.
    pub s_summary: &'static str,
    pub s_internal: &'static str,
    pub s_external: &'static str,
    pub s_dynamics: &'static str,
    pub s_priorities: &'static str,
    pub s_method: &'static str,
    pub s_registry: &'static str,
    pub s_stamp: &'static str,
    // Columns.
    pub c_indicator: &'static str,
    pub c_value: &'static str,
    pub c_ci: &'static str,
    pub c_n: &'static str,
    pub c_change: &'static str,
    pub c_p: &'static str,
    pub c_significance: &'static str,
    pub c_year: &'static str,
    pub c_unit: &'static str,
    pub c_item: &'static str,
    pub c_dimension: &'static str,
    pub c_alpha: &'static str,
    pub c_top2: &'static str,
    pub c_index: &'static str,
    pub c_ccl: &'static str,
    pub c_response_rate: &'static str,
    pub c_touchpoint: &'static str,
    pub c_type: &'static str,
    pub c_share: &'static str,
    pub c_segment: &'static str,
    pub c_need: &'static str,
    pub c_standard: &'static str,
    pub c_norm: &'static str,
    pub c_within: &'static str,
    pub c_median: &'static str,
    pub c_p90: &'static str,
    pub c_resolved: &'static str,
    pub c_easy: &'static str,
    pub c_promoters: &'static str,
    pub c_passives: &'static str,
    pub c_detractors: &'static str,
    pub c_importance: &'static str,
    pub c_performance: &'static str,
    pub c_priority: &'static str,
    pub c_slope: &'static str,
    pub c_periods: &'static str,
    pub c_needs: &'static str,
    pub c_breakdown: &'static str,
    pub c_groups_shown: &'static str,
    pub c_groups_hidden: &'static str,
    pub c_figures_hidden: &'static str,
    pub c_file: &'static str,
    pub c_role: &'static str,
    pub c_sha: &'static str,
    pub c_parameter: &'static str,
    pub c_ces_mean: &'static str,
    // Values.
    pub significant: &'static str,
    pub not_significant: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub digital: &'static str,
    pub offline: &'static str,
    pub no_answer: &'static str,
    pub ccl: &'static str,
    pub resolution: &'static str,
    pub ces_easy: &'static str,
    pub definition: &'static str,
    pub responses: &'static str,
    // Charts.
    pub ch_period: &'static str,
    pub ch_index: &'static str,
    pub ch_band: &'static str,
    pub ch_answers: &'static str,
    pub ch_importance: &'static str,
    pub ch_performance: &'static str,
    pub ch_priority: &'static str,
    pub ch_other: &'static str,
    pub ch_medians: &'static str,
    pub ch_responses: &'static str,
    pub ch_within: &'static str,
    pub ch_detractors: &'static str,
    pub ch_passives: &'static str,
    pub ch_promoters: &'static str,
    pub ch_suppressed_note: &'static str,
}

pub(crate) const RU: Words = Words {
    heading: "Отчет о клиентоцентричности за",
    subtitle: "Ежегодный отчет для Общего собрания членов (п. 8.3 Стандарта)",
    organisation: "Организация",
    surveys: "Опросы",
    compared_with: "Сравнение с",
    no_comparison: "без сравнения",
    prepared: "Дата подготовки",
    contents: "Содержание",
    internal: "внутренние клиенты",
    external: "внешние клиенты",
    fewer_than: "меньше",
    appendix: "Приложение",
    table: "Таблица",
    figure: "Рисунок",
    s_summary: "Сводка",
    s_internal: "Внутренние клиенты",
    s_external: "Внешние клиенты",
    s_dynamics: "Динамика",
    s_priorities: "Приоритеты и рекомендации",
    s_method: "Методика и анонимность",
    s_registry: "Перечень точек взаимодействия",
    s_stamp: "Штамп воспроизводимости",
    c_indicator: "Показатель",
    c_value: "Значение",
    c_ci: "95% ДИ",
    c_n: "n",
    c_change: "Изменение",
    c_p: "p",
    c_significance: "Значимость",
    c_year: "Год",
    c_unit: "Подразделение",
    c_item: "Вопрос",
    c_dimension: "Направление",
    c_alpha: "α Кронбаха",
    c_top2: "Доля 4–5, %",
    c_index: "Индекс 0–100",
    c_ccl: "Уровень клиентоцентричности",
    c_response_rate: "Отклик, %",
    c_touchpoint: "Точка взаимодействия",
    c_type: "Тип",
    c_share: "Доля обращений, %",
    c_segment: "Категория клиентов",
    c_need: "Потребность",
    c_standard: "Стандарт",
    c_norm: "Норматив",
    c_within: "В пределах стандарта, %",
    c_median: "Медиана",
    c_p90: "90-й процентиль",
    c_resolved: "Вопрос решен, %",
    c_easy: "Легко (4–5), %",
    c_promoters: "Сторонники, %",
    c_passives: "Нейтральные, %",
    c_detractors: "Критики, %",
    c_importance: "Важность (r)",
    c_performance: "Оценка (индекс 0–100)",
    c_priority: "Приоритет",
    c_slope: "Наклон за год",
    c_periods: "Периоды в данных",
    c_needs: "Потребности (по ответам)",
    c_breakdown: "Разрез",
    c_groups_shown: "Групп показано",
    c_groups_hidden: "Групп скрыто",
    c_figures_hidden: "Показателей скрыто в показанных группах",
    c_file: "Файл",
    c_role: "Назначение",
    c_sha: "SHA-256",
    c_parameter: "Параметр",
    c_ces_mean: "Средняя легкость (1–5)",
    significant: "значимо",
    not_significant: "незначимо",
    yes: "да",
    no: "нет",
    digital: "цифровая",
    offline: "офлайн",
    no_answer: "(нет ответа)",
    ccl: "Уровень клиентоцентричности",
    resolution: "Доля решенных вопросов",
    ces_easy: "Легкость решения вопроса (CES): доля ответов 4–5",
    definition: "определение опроса",
    responses: "ответы",
    ch_period: "Год",
    ch_index: "Индекс, 0–100",
    ch_band: "95% доверительный интервал",
    ch_answers: "Доля ответов",
    ch_importance: "Важность (корреляция с уровнем)",
    ch_performance: "Оценка (индекс 0–100)",
    ch_priority: "Приоритет: важно, оценка ниже медианы",
    ch_other: "Остальные вопросы",
    ch_medians: "Медианы",
    ch_responses: "Доля обращений",
    ch_within: "В пределах стандарта, % ответов",
    ch_detractors: "Критики (0–6)",
    ch_passives: "Нейтральные (7–8)",
    ch_promoters: "Сторонники (9–10)",
    ch_suppressed_note: "скрыто: меньше {k} ответов или для защиты других групп",
};

pub(crate) const EN: Words = Words {
    heading: "Client-centricity report for",
    subtitle: "Yearly report to the annual General Meeting of members (Standard §8.3)",
    organisation: "Organisation",
    surveys: "Surveys",
    compared_with: "Compared with",
    no_comparison: "no comparison",
    prepared: "Date of preparation",
    contents: "Contents",
    internal: "internal clients",
    external: "external clients",
    fewer_than: "fewer than",
    appendix: "Appendix",
    table: "Table",
    figure: "Figure",
    s_summary: "Summary",
    s_internal: "Internal clients",
    s_external: "External clients",
    s_dynamics: "Dynamics",
    s_priorities: "Priorities and recommendations",
    s_method: "Methodology and anonymity",
    s_registry: "Touchpoint registry",
    s_stamp: "Reproducibility stamp",
    c_indicator: "Indicator",
    c_value: "Value",
    c_ci: "95% CI",
    c_n: "n",
    c_change: "Change",
    c_p: "p",
    c_significance: "Significance",
    c_year: "Year",
    c_unit: "Unit",
    c_item: "Question",
    c_dimension: "Area",
    c_alpha: "Cronbach's α",
    c_top2: "Share 4–5, %",
    c_index: "Index 0–100",
    c_ccl: "Client-centricity level",
    c_response_rate: "Response rate, %",
    c_touchpoint: "Touchpoint",
    c_type: "Type",
    c_share: "Share of contacts, %",
    c_segment: "Client segment",
    c_need: "Need",
    c_standard: "Standard",
    c_norm: "Norm",
    c_within: "Within the standard, %",
    c_median: "Median",
    c_p90: "90th percentile",
    c_resolved: "Resolved, %",
    c_easy: "Easy (4–5), %",
    c_promoters: "Promoters, %",
    c_passives: "Passives, %",
    c_detractors: "Detractors, %",
    c_importance: "Importance (r)",
    c_performance: "Performance (index 0–100)",
    c_priority: "Priority",
    c_slope: "Slope per year",
    c_periods: "Periods in the data",
    c_needs: "Needs (from the answers)",
    c_breakdown: "Breakdown",
    c_groups_shown: "Groups shown",
    c_groups_hidden: "Groups hidden",
    c_figures_hidden: "Figures hidden in shown groups",
    c_file: "File",
    c_role: "Role",
    c_sha: "SHA-256",
    c_parameter: "Parameter",
    c_ces_mean: "Mean ease (1–5)",
    significant: "significant",
    not_significant: "not significant",
    yes: "yes",
    no: "no",
    digital: "digital",
    offline: "offline",
    no_answer: "(no answer)",
    ccl: "Client-centricity level",
    resolution: "Share of resolved issues",
    ces_easy: "Customer effort (CES): share answering 4–5",
    definition: "survey definition",
    responses: "responses",
    ch_period: "Year",
    ch_index: "Index, 0–100",
    ch_band: "95% confidence interval",
    ch_answers: "Share of answers",
    ch_importance: "Importance (correlation with the level)",
    ch_performance: "Performance (index 0–100)",
    ch_priority: "Priority: important, below-median performance",
    ch_other: "Other questions",
    ch_medians: "Medians",
    ch_responses: "Share of contacts",
    ch_within: "Within the standard, % of answers",
    ch_detractors: "Detractors (0–6)",
    ch_passives: "Passives (7–8)",
    ch_promoters: "Promoters (9–10)",
    ch_suppressed_note: "hidden: fewer than {k} answers, or to protect other groups",
};

/// The words of `lang`.
pub(crate) fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Ru => &RU,
        Lang::En => &EN,
    }
}

/// "fewer than 5" / "меньше 5".
pub(crate) fn fewer_than(lang: Lang, k: u32) -> String {
    format!("{} {k}", words(lang).fewer_than)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_and_print() {
        let d: Date = "2026-05-15".parse().unwrap();
        assert_eq!(d.to_string(), "2026-05-15");
        assert_eq!(d.long(Lang::Ru), "15 мая 2026 г.");
        assert_eq!(d.long(Lang::En), "15 May 2026");
        for bad in [
            "2026-02-30",
            "2026-13-01",
            "26-01-01",
            "2026-1-01",
            "2026-01-0x",
        ] {
            assert!(bad.parse::<Date>().is_err(), "{bad}");
        }
        assert!("2024-02-29".parse::<Date>().is_ok());
    }
}
