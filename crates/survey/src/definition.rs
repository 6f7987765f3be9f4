use serde::Serialize;

use crate::Text;

/// Who answers a survey.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Audience {
    /// Employees: internal clients.
    Internal,
    /// Citizens and businesses: external clients.
    External,
}

/// A validated survey definition. Build it with [`Survey::from_json`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Survey {
    /// The survey's identifier.
    pub id: String,
    /// The definition's version, at least 1.
    pub version: u32,
    /// Who answers.
    pub audience: Audience,
    /// The languages every text of the survey is given in (`ru` first, then any
    /// others); empty when the definition does not declare them (see
    /// [`Survey::languages`]).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<String>,
    /// The survey's title.
    pub title: Text,
    /// The text shown before the first question.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub intro: Option<Text>,
    /// K: the smallest group or answer count for which a figure is shown.
    pub min_group: u32,
    /// The smallest group for which free-text answers are shown.
    pub min_group_text: u32,
    /// Dimensions that group scale items.
    pub dimensions: Vec<Dimension>,
    /// The questions, in order.
    pub questions: Vec<Question>,
}

/// A dimension: a group of scale items with a weight in the client-centricity level.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dimension {
    /// Identifier.
    pub id: String,
    /// Title.
    pub title: Text,
    /// Weight in the client-centricity level (positive).
    pub weight: f64,
}

/// The meaning of a question for the indicators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Customer effort (CES), a scale where higher is easier.
    Effort,
    /// Was the need resolved (yes/no).
    Resolution,
    /// The point of interaction (a choice).
    Touchpoint,
    /// The client's need (a choice).
    Need,
    /// The client segment or unit (a choice).
    Segment,
}

/// A touchpoint's channel type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Channel {
    /// Websites, portals, e-mail, social networks.
    Digital,
    /// Reception, telephone, post.
    Offline,
}

/// `visible_if`: the question is shown only when an earlier answer is one of `values`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Condition {
    /// The earlier question's id.
    pub question: String,
    /// Answers, written as in a CSV cell.
    #[serde(rename = "in")]
    pub values: Vec<String>,
}

/// Labels of a scale's ends.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScaleLabels {
    /// The lowest value's label.
    pub min: Text,
    /// The highest value's label.
    pub max: Text,
}

/// An option of a choice or multi question.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SelectOption {
    /// Identifier, unique within the question.
    pub id: String,
    /// Label.
    pub label: Text,
    /// People in this unit or segment, for the response rate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub headcount: Option<u32>,
    /// Channel type, for touchpoint options.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channel: Option<Channel>,
}

/// A question's type and type-specific fields.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum QuestionKind {
    /// A 1..=points scale, higher is better.
    Scale {
        /// Number of points (3..=11).
        points: u8,
        /// The dimension the item belongs to.
        #[serde(skip_serializing_if = "Option::is_none")]
        dimension: Option<String>,
        /// End labels.
        #[serde(skip_serializing_if = "Option::is_none")]
        labels: Option<ScaleLabels>,
    },
    /// Likelihood to recommend, 0..=10.
    Nps {
        /// End labels.
        #[serde(skip_serializing_if = "Option::is_none")]
        labels: Option<ScaleLabels>,
    },
    /// One option.
    Choice {
        /// The options.
        options: Vec<SelectOption>,
        /// Usable as a breakdown key.
        group: bool,
    },
    /// Any set of options.
    Multi {
        /// The options (at most 64).
        options: Vec<SelectOption>,
    },
    /// Yes or no.
    YesNo,
    /// A number in `min..=max`.
    Number {
        /// Smallest allowed answer.
        min: f64,
        /// Largest allowed answer.
        max: f64,
        /// Whole numbers only.
        integer: bool,
        /// The unit shown beside the field.
        #[serde(skip_serializing_if = "Option::is_none")]
        unit: Option<Text>,
        /// The service standard: answers `<= standard_max` comply.
        #[serde(skip_serializing_if = "Option::is_none")]
        standard_max: Option<f64>,
    },
    /// Free text.
    Text {
        /// Maximum length in characters.
        max_length: u32,
    },
}

/// One question.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Question {
    /// Identifier, also the response column name.
    pub id: String,
    /// The question text.
    pub text: Text,
    /// A short label (a few words) for cards, chart axes, table rows and headings;
    /// the full text stays in their descriptions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub short: Option<Text>,
    /// A help line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<Text>,
    /// An answer is required when the question is visible.
    pub required: bool,
    /// Show only if an earlier answer matches.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub visible_if: Option<Condition>,
    /// The question's meaning for the indicators.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    /// Type and type-specific fields.
    #[serde(flatten)]
    pub kind: QuestionKind,
}

impl Question {
    /// The question's texts, each with its path under `path`, added to `out`.
    pub fn texts<'a>(&'a self, path: &str, out: &mut Vec<(String, &'a Text)>) {
        out.push((format!("{path}.text"), &self.text));
        if let Some(s) = &self.short {
            out.push((format!("{path}.short"), s));
        }
        if let Some(h) = &self.hint {
            out.push((format!("{path}.hint"), h));
        }
        match &self.kind {
            QuestionKind::Scale {
                labels: Some(l), ..
            }
            | QuestionKind::Nps { labels: Some(l) } => {
                out.push((format!("{path}.labels.min"), &l.min));
                out.push((format!("{path}.labels.max"), &l.max));
            }
            QuestionKind::Choice { options, .. } | QuestionKind::Multi { options } => {
                for (j, o) in options.iter().enumerate() {
                    out.push((format!("{path}.options[{j}].label"), &o.label));
                }
            }
            QuestionKind::Number { unit: Some(u), .. } => {
                out.push((format!("{path}.unit"), u));
            }
            _ => {}
        }
    }

    /// The question's label in `lang`: its short label, or else its text.
    pub fn label(&self, lang: &str) -> &str {
        self.short
            .as_ref()
            .map(|s| s.get(lang))
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| self.text.get(lang))
    }
}

impl Question {
    /// A number question's service standard in words, with its unit: «не более 2 раз»,
    /// "at most 15 min" (the limit with one decimal if it has a fraction). `None` for a
    /// question without a standard.
    pub fn standard_words(&self, lang: crate::Lang) -> Option<String> {
        let QuestionKind::Number {
            standard_max: Some(max),
            unit,
            ..
        } = &self.kind
        else {
            return None;
        };
        let max = crate::fmt::num(*max, usize::from(max.fract() != 0.0), lang);
        let unit = unit
            .as_ref()
            .map(|u| format!(" {}", u.get(lang.code())))
            .unwrap_or_default();
        Some(
            crate::Message::new("standard-at-most")
                .with("max", max)
                .with("unit", unit)
                .render(lang),
        )
    }
}

/// The longest short label accepted, in characters.
pub const SHORT_MAX: usize = 40;

impl QuestionKind {
    /// The type's name as written in the definition.
    pub fn type_name(&self) -> &'static str {
        match self {
            QuestionKind::Scale { .. } => "scale",
            QuestionKind::Nps { .. } => "nps",
            QuestionKind::Choice { .. } => "choice",
            QuestionKind::Multi { .. } => "multi",
            QuestionKind::YesNo => "yesno",
            QuestionKind::Number { .. } => "number",
            QuestionKind::Text { .. } => "text",
        }
    }

    /// The options of a choice or multi question.
    pub fn options(&self) -> &[SelectOption] {
        match self {
            QuestionKind::Choice { options, .. } | QuestionKind::Multi { options } => options,
            _ => &[],
        }
    }
}

impl Survey {
    /// The index of the question with this id.
    pub fn question_index(&self, id: &str) -> Option<usize> {
        self.questions.iter().position(|q| q.id == id)
    }

    /// The question with this id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    /// The index of the dimension with this id.
    pub fn dimension_index(&self, id: &str) -> Option<usize> {
        self.dimensions.iter().position(|d| d.id == id)
    }

    /// Indices of the questions usable as breakdown keys (`choice` with `group: true`).
    pub fn group_questions(&self) -> impl Iterator<Item = usize> + '_ {
        self.questions
            .iter()
            .enumerate()
            .filter(|(_, q)| matches!(q.kind, QuestionKind::Choice { group: true, .. }))
            .map(|(i, _)| i)
    }

    /// The index of the first question with this role.
    pub fn with_role(&self, role: Role) -> Option<usize> {
        self.questions.iter().position(|q| q.role == Some(role))
    }

    /// The languages the survey can be answered in: those it declares, or else
    /// Russian and every other language one of its texts has, in code order.
    pub fn languages(&self) -> Vec<String> {
        if !self.languages.is_empty() {
            return self.languages.clone();
        }
        let mut found = std::collections::BTreeSet::new();
        for (_, text) in self.texts() {
            if let Text::Translated(m) = text {
                found.extend(m.keys().filter(|k| *k != "ru").cloned());
            }
        }
        std::iter::once("ru".to_owned()).chain(found).collect()
    }

    /// Every text of the survey, each with its path in the definition
    /// (`questions[2].options[0].label`).
    pub fn texts(&self) -> Vec<(String, &Text)> {
        let mut out = vec![("title".to_owned(), &self.title)];
        if let Some(intro) = &self.intro {
            out.push(("intro".to_owned(), intro));
        }
        for (i, d) in self.dimensions.iter().enumerate() {
            out.push((format!("dimensions[{i}].title"), &d.title));
        }
        for (i, q) in self.questions.iter().enumerate() {
            q.texts(&format!("questions[{i}]"), &mut out);
        }
        out
    }

    /// The definition as pretty-printed JSON in the documented format.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a survey always serialises")
    }
}
