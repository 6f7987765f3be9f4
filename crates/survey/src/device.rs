//! Responses kept on a device (the browser's store) until they are exported: the
//! record of one submitted response, the inventory of everything stored, and the
//! files that carry them off the device.
//!
//! The rules that keep answers from being lost live here, not in the app:
//! - every stored entry is accounted for: a record that cannot be read is listed as
//!   unreadable, with its key and the reason, and can be exported as it is;
//! - the inventory groups records by survey, so that count, export and clear can
//!   name the same set;
//! - [`clearable`] gives only the keys that were exported.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::runner::{Answers, Draft};
use crate::ResponseChannel;

/// One submitted response as the device keeps it: the response (id, period, channel,
/// answers) and the survey and version it answers. Nothing else: no time, no device.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// The survey's id.
    pub survey: String,
    /// The survey's version the response answers.
    pub version: u32,
    /// The response id (random), also the record's key.
    pub id: String,
    /// The reporting period.
    pub period: String,
    /// How the response was collected (absent in records kept before it was stored).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<ResponseChannel>,
    /// The answers, cleaned: visible questions only, in question order.
    pub answers: Answers,
}

impl Record {
    /// The record as stored (JSON).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a record always serialises")
    }
}

/// An entry of the store that is not a readable [`Record`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    /// The entry's key.
    pub key: String,
    /// Why it cannot be read (the JSON reader's message).
    pub reason: String,
    /// The stored text, kept as it is.
    pub text: String,
}

/// The responses of one survey on the device.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// The survey's id.
    pub survey: String,
    /// The stored keys, sorted.
    pub keys: Vec<String>,
    /// The periods the responses belong to, sorted, each with its count.
    pub periods: Vec<(String, usize)>,
}

/// Everything stored on the device, every entry accounted for exactly once.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Inventory {
    /// Readable records, by survey id.
    pub groups: Vec<Group>,
    /// The records by key.
    pub records: BTreeMap<String, Record>,
    /// Entries that cannot be read, kept and listed.
    pub unreadable: Vec<Unreadable>,
}

impl Inventory {
    /// Reads every stored entry `(key, text)`.
    pub fn read(entries: impl IntoIterator<Item = (String, String)>) -> Inventory {
        let mut inv = Inventory::default();
        let mut by_survey: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (key, text) in entries {
            match serde_json::from_str::<Record>(&text) {
                Ok(r) if r.id == key => {
                    by_survey
                        .entry(r.survey.clone())
                        .or_default()
                        .push(key.clone());
                    inv.records.insert(key, r);
                }
                Ok(r) => inv.unreadable.push(Unreadable {
                    reason: format!("the record's id {:?} differs from its key", r.id),
                    key,
                    text,
                }),
                Err(e) => inv.unreadable.push(Unreadable {
                    key,
                    reason: e.to_string(),
                    text,
                }),
            }
        }
        inv.unreadable.sort_by(|a, b| a.key.cmp(&b.key));
        for (survey, mut keys) in by_survey {
            keys.sort();
            let mut periods: BTreeMap<&str, usize> = BTreeMap::new();
            for k in &keys {
                *periods.entry(inv.records[k].period.as_str()).or_default() += 1;
            }
            let periods = periods
                .into_iter()
                .map(|(p, n)| (p.to_owned(), n))
                .collect();
            inv.groups.push(Group {
                survey,
                keys,
                periods,
            });
        }
        inv
    }

    /// How many entries are stored, readable or not.
    pub fn total(&self) -> usize {
        self.records.len() + self.unreadable.len()
    }

    /// The group of survey `id`.
    pub fn group(&self, id: &str) -> Option<&Group> {
        self.groups.iter().find(|g| g.survey == id)
    }

    /// The records of survey `id` as drafts, in key order.
    pub fn drafts(&self, id: &str) -> Vec<Draft> {
        self.group(id)
            .map(|g| {
                g.keys
                    .iter()
                    .map(|k| {
                        let r = &self.records[k];
                        Draft {
                            id: r.id.clone(),
                            period: r.period.clone(),
                            channel: r.channel,
                            answers: r.answers.clone(),
                        }
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The records of survey `id` as a response file (the documented JSON format), in
    /// `order` (a permutation of the group's records; see
    /// [`export::shuffled_order`](crate::export::shuffled_order)). It needs no survey
    /// definition: answers are written as stored. A response whose version differs
    /// from the newest carries its own.
    pub fn document(&self, id: &str, order: &[usize]) -> Option<String> {
        let g = self.group(id)?;
        let version = g
            .keys
            .iter()
            .map(|k| self.records[k].version)
            .max()
            .unwrap_or(1);
        let responses: Vec<Value> = order
            .iter()
            .map(|&i| {
                let r = &self.records[&g.keys[i]];
                let mut o = serde_json::Map::new();
                o.insert("id".into(), json!(r.id));
                o.insert("period".into(), json!(r.period));
                if r.version != version {
                    o.insert("version".into(), json!(r.version));
                }
                if let Some(c) = r.channel {
                    o.insert("channel".into(), json!(c.as_str()));
                }
                o.insert("answers".into(), Value::Object(r.answers.clone()));
                Value::Object(o)
            })
            .collect();
        let doc = json!({
            "format": "otklik-responses",
            "survey": id,
            "version": version,
            "responses": responses,
        });
        Some(serde_json::to_string_pretty(&doc).expect("JSON always serialises"))
    }

    /// The unreadable entries as one JSON file, each with its key, the reason and the
    /// text exactly as stored.
    pub fn unreadable_document(&self) -> String {
        let entries: Vec<Value> = self
            .unreadable
            .iter()
            .map(|u| json!({"key": u.key, "reason": u.reason, "text": u.text}))
            .collect();
        serde_json::to_string_pretty(&json!({
            "format": "otklik-unreadable-records",
            "entries": entries,
        }))
        .expect("JSON always serialises")
    }

    /// Every key stored, readable or not.
    pub fn keys(&self) -> BTreeSet<&str> {
        self.records
            .keys()
            .map(String::as_str)
            .chain(self.unreadable.iter().map(|u| u.key.as_str()))
            .collect()
    }
}

/// What clearing may delete: the stored keys that were exported, and nothing else.
/// Returns `(to delete, left because never exported)`.
pub fn clearable<'a>(
    stored: &BTreeSet<&'a str>,
    exported: &BTreeSet<String>,
) -> (Vec<&'a str>, Vec<&'a str>) {
    stored.iter().partition(|k| exported.contains(**k))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn rec(survey: &str, id: &str, period: &str) -> (String, String) {
        let r = Record {
            survey: survey.into(),
            version: 1,
            id: id.into(),
            period: period.into(),
            channel: None,
            answers: serde_json::from_str(r#"{"q1": 4}"#).unwrap(),
        };
        (id.into(), r.to_json())
    }

    #[test]
    fn a_record_keeps_its_channel_and_one_without_reads_as_before() {
        let old = r#"{"survey":"a","version":1,"id":"r1","period":"2026","answers":{"q1":4}}"#;
        let inv = Inventory::read([
            ("r1".to_owned(), old.to_owned()),
            (
                "r2".to_owned(),
                old.replace("r1", "r2")
                    .replace("\"answers\"", "\"channel\":\"paper\",\"answers\""),
            ),
            (
                "r3".to_owned(),
                old.replace("r1", "r3")
                    .replace("\"answers\"", "\"channel\":\"fax\",\"answers\""),
            ),
        ]);
        assert_eq!(inv.records["r1"].channel, None);
        assert_eq!(
            inv.records["r1"].to_json(),
            old,
            "unchanged when written back"
        );
        assert_eq!(inv.records["r2"].channel, Some(ResponseChannel::Paper));
        assert_eq!(
            inv.unreadable.len(),
            1,
            "an unknown channel is listed, not dropped"
        );
        assert_eq!(inv.unreadable[0].key, "r3");
        let doc: Value = serde_json::from_str(&inv.document("a", &[0, 1]).unwrap()).unwrap();
        assert!(doc["responses"][0].get("channel").is_none());
        assert_eq!(doc["responses"][1]["channel"], "paper");
        assert_eq!(inv.drafts("a")[1].channel, Some(ResponseChannel::Paper));
    }

    #[test]
    fn every_entry_is_accounted_for_and_grouped_by_survey() {
        let inv = Inventory::read([
            rec("a", "r2", "2026-Q3"),
            rec("b", "r1", "2026-Q4"),
            ("bad".into(), "{not json".into()),
            rec("a", "r3", "2026-Q4"),
            rec("a", "r4", "2026-Q3"),
        ]);
        assert_eq!(inv.total(), 5);
        assert_eq!(inv.groups.len(), 2);
        let a = inv.group("a").unwrap();
        assert_eq!(a.keys, ["r2", "r3", "r4"]);
        assert_eq!(
            a.periods,
            [("2026-Q3".to_owned(), 2), ("2026-Q4".to_owned(), 1)]
        );
        assert_eq!(inv.unreadable.len(), 1);
        assert_eq!(inv.unreadable[0].key, "bad");
        assert_eq!(inv.unreadable[0].text, "{not json");
        assert!(inv.unreadable_document().contains("{not json"));
    }

    #[test]
    fn a_record_filed_under_another_key_is_unreadable_not_dropped() {
        let (_, text) = rec("a", "r1", "2026");
        let inv = Inventory::read([("other".to_owned(), text)]);
        assert_eq!(inv.records.len(), 0);
        assert_eq!(inv.unreadable.len(), 1);
    }

    #[test]
    fn the_document_of_a_group_is_a_response_file_the_importer_reads() {
        let survey = crate::Survey::from_json(
            r#"{"id":"a","version":1,"audience":"external","title":"T",
            "questions":[{"id":"q1","type":"scale","text":"Q"}]}"#,
        )
        .unwrap();
        let inv = Inventory::read([rec("a", "r1", "2026"), rec("a", "r2", "2026")]);
        let doc = inv.document("a", &[1, 0]).unwrap();
        let data = crate::import::read_json(
            &survey,
            "a.json",
            doc.as_bytes(),
            &crate::import::Limits::default(),
        )
        .unwrap();
        assert_eq!(data.len(), 2);
        assert_eq!(data.id(0), "r2");
        assert!(inv.document("missing", &[]).is_none());
    }

    proptest! {
        /// Clearing never deletes a key that was not exported, and deletes or keeps
        /// every stored key exactly once.
        #[test]
        fn clearing_deletes_exactly_the_exported(
            stored in proptest::collection::btree_set("[a-e]{1,2}", 0..12),
            exported in proptest::collection::btree_set("[a-e]{1,2}", 0..12),
        ) {
            let s: BTreeSet<&str> = stored.iter().map(String::as_str).collect();
            let (gone, kept) = clearable(&s, &exported);
            for k in &gone { prop_assert!(exported.contains(*k)); }
            for k in &kept { prop_assert!(!exported.contains(*k)); }
            prop_assert_eq!(gone.len() + kept.len(), s.len());
        }
    }
}
