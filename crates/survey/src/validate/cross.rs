//! Checks across questions: roles, conditions, groupings and their headcounts.

use std::collections::HashMap;

use serde_json::Value;

use super::reader::*;
use crate::definition::*;
use crate::{Arg, Message};

impl Reader {
    pub(super) fn cross_checks(
        &mut self,
        dimensions: &[Dimension],
        questions: &[(usize, Question)],
        broken: &[(usize, &Value)],
    ) {
        let dim_ids: Vec<&str> = dimensions.iter().map(|d| d.id.as_str()).collect();
        let mut seen: HashMap<&str, usize> = HashMap::new();
        let mut roles: HashMap<&'static str, usize> = HashMap::new();
        for (pos, (i, q)) in questions.iter().enumerate() {
            let path = format!("questions[{i}]");
            if seen.insert(q.id.as_str(), pos).is_some() {
                self.problem(format!("{path}.id"), duplicate(&q.id));
            }
            if let QuestionKind::Scale {
                dimension: Some(d), ..
            } = &q.kind
            {
                if !dim_ids.contains(&d.as_str()) {
                    self.problem(
                        format!("{path}.dimension"),
                        Message::new("def-no-dimension")
                            .with("id", format!("{d:?}"))
                            .with(
                                "known",
                                if dim_ids.is_empty() {
                                    Message::new("def-none").into()
                                } else {
                                    Arg::from(dim_ids.join(", "))
                                },
                            ),
                    );
                }
            }
            if let Some(role) = q.role {
                let name = match role {
                    Role::Effort => "effort",
                    Role::Resolution => "resolution",
                    Role::Touchpoint => "touchpoint",
                    Role::Need => "need",
                    Role::Segment => "segment",
                };
                if role != Role::Segment {
                    if let Some(first) = roles.insert(name, *i) {
                        self.problem(
                            format!("{path}.role"),
                            Message::new("def-role-taken")
                                .with("role", format!("{name:?}"))
                                .with("first", format!("questions[{first}]")),
                        );
                    }
                }
            }
            if let Some(c) = &q.visible_if {
                let cp = format!("{path}.visible_if");
                match questions[..pos].iter().find(|(_, e)| e.id == c.question) {
                    None => {
                        let named = |b: &Value| raw_str(b, "id") == Some(c.question.as_str());
                        // A named earlier question with problems of its own is reported already.
                        let earlier_broken = broken.iter().any(|(j, b)| j < i && named(b));
                        let later = questions[pos..].iter().any(|(_, e)| e.id == c.question)
                            || broken.iter().any(|(j, b)| j > i && named(b));
                        if !earlier_broken {
                            let why = if later {
                                Message::new("def-condition-later")
                            } else {
                                Message::new("def-condition-none")
                            };
                            self.problem(
                                format!("{cp}.question"),
                                why.with("id", format!("{:?}", c.question)),
                            );
                        }
                    }
                    Some((_, target))
                        if matches!(
                            target.kind,
                            QuestionKind::Number { .. } | QuestionKind::Text { .. }
                        ) =>
                    {
                        self.problem(
                            format!("{cp}.question"),
                            Message::new("def-condition-type")
                                .with("id", format!("{:?}", target.id))
                                .with("type", target.kind.type_name()),
                        );
                    }
                    Some((_, target)) => {
                        for (k, val) in c.values.iter().enumerate() {
                            if let Err(expected) = condition_value_fits(&target.kind, val) {
                                self.problem(
                                    format!("{cp}.in[{k}]"),
                                    Message::new("def-condition-value")
                                        .with("value", format!("{val:?}"))
                                        .with("id", format!("{:?}", target.id))
                                        .with("expected", expected),
                                );
                            }
                        }
                    }
                }
            }
        }
        for (d, dim) in dimensions.iter().enumerate() {
            let used = questions.iter().any(|(_, q)| matches!(&q.kind, QuestionKind::Scale { dimension: Some(x), .. } if *x == dim.id))
                || broken.iter().any(|(_, b)| raw_str(b, "dimension") == Some(dim.id.as_str()));
            if !used {
                self.problem(
                    format!("dimensions[{d}]"),
                    Message::new("def-unused-dimension").with("id", format!("{:?}", dim.id)),
                );
            }
        }
    }
}
