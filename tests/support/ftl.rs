//! Checks of Fluent translation files and of the code that uses them, shared by the
//! crates' every-key tests. A crate includes it in its tests with
//! `#[cfg(test)] #[path = "<to the repository>/tests/support/ftl.rs"] mod ftl;`.

#![allow(dead_code)] // each crate uses what it needs

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Message ids of an FTL file, in file order, each with the variables it uses.
pub fn messages(ftl: &str) -> Vec<(String, BTreeSet<String>)> {
    let mut out: Vec<(String, BTreeSet<String>)> = Vec::new();
    for line in ftl.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        // A message starts at the line's start; its other lines are indented, but for
        // the closing brace of a selector.
        if !line.starts_with(' ') && !line.starts_with('}') {
            let (id, _) = line.split_once(" =").expect("id = value");
            out.push((id.trim().to_owned(), BTreeSet::new()));
        }
        let vars = &mut out.last_mut().expect("a message").1;
        for part in line.split('$').skip(1) {
            let name: String = part
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '-' || *c == '_')
                .collect();
            vars.insert(name);
        }
    }
    out
}

/// The `.rs` files under `dir`, at any depth, with their text.
pub fn sources(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(sources(&p));
        } else if p.extension().is_some_and(|x| x == "rs") {
            let code = std::fs::read_to_string(&p).unwrap();
            out.push((p, code));
        }
    }
    out
}

/// The keys `code` gives the functions `calls` (say `["tr(", "tr_args("]`) as their
/// `arg`-th argument (0-based): the string literals there, so both branches of an
/// `if … else …` count. Keys made at run time (`format!`, with `{`) are left out, and
/// so are calls of other functions whose names end the same way, paths, and the
/// names written in a string (as the tests that call this write them).
pub fn keys_given(code: &str, calls: &[&str], arg: usize) -> Vec<String> {
    let mut keys = Vec::new();
    for call in calls {
        for (at, _) in code.match_indices(call) {
            let before = code[..at].chars().next_back().unwrap_or(' ');
            if before.is_alphanumeric() || matches!(before, '_' | ':' | '"') {
                continue;
            }
            let given = argument(&code[at + call.len()..], arg);
            for key in given.split('"').skip(1).step_by(2) {
                if !key.contains('{') {
                    keys.push(key.to_owned());
                }
            }
        }
    }
    keys
}

/// The `n`-th argument (0-based) of the call whose arguments start at `s`.
fn argument(s: &str, n: usize) -> &str {
    let (mut depth, mut start, mut index, mut quoted) = (0i32, 0, 0, false);
    for (i, c) in s.char_indices() {
        match c {
            '"' => quoted = !quoted,
            _ if quoted => {}
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' if depth == 0 => return if index == n { &s[start..i] } else { "" },
            ')' | ']' | '}' => depth -= 1,
            ',' if depth == 0 => {
                if index == n {
                    return &s[start..i];
                }
                index += 1;
                start = i + 1;
            }
            _ => {}
        }
    }
    ""
}

/// Asserts that two FTL files (Russian, English) have the same messages in the same
/// order, each English message using no variable its Russian one lacks (Russian may
/// need more, a word's gender, never fewer). Returns how many messages there are.
pub fn assert_same_messages(ru: &str, en: &str) -> usize {
    let (ru, en) = (messages(ru), messages(en));
    let ids = |m: &[(String, BTreeSet<String>)]| -> Vec<String> {
        m.iter().map(|(id, _)| id.clone()).collect()
    };
    assert_eq!(ids(&ru), ids(&en));
    for ((id, ru_vars), (_, en_vars)) in ru.iter().zip(&en) {
        assert!(
            en_vars.is_subset(ru_vars),
            "{id}: {en_vars:?} / {ru_vars:?}"
        );
    }
    ru.len()
}

/// The keys the `.rs` files under `dir` give `calls` as their `arg`-th argument that
/// `has` does not know, each with its file; and how many keys were given.
pub fn untranslated(
    dir: &Path,
    calls: &[&str],
    arg: usize,
    has: impl Fn(&str) -> bool,
) -> (usize, Vec<String>) {
    let (mut used, mut missing) = (0, Vec::new());
    for (path, code) in sources(dir) {
        for key in keys_given(&code, calls, arg) {
            used += 1;
            if !has(&key) {
                missing.push(format!("{}: {key}", path.display()));
            }
        }
    }
    (used, missing)
}

/// Asserts that every message of `other` (a language that translates part of the
/// messages, say the respondents' screens) is one of `ru`'s and uses exactly its
/// variables. Returns how many messages `other` has.
pub fn assert_part_of(ru: &str, other: &str) -> usize {
    let ru: std::collections::BTreeMap<String, BTreeSet<String>> =
        messages(ru).into_iter().collect();
    let other = messages(other);
    for (id, vars) in &other {
        let Some(ru_vars) = ru.get(id) else {
            panic!("{id}: not a message of the Russian file");
        };
        assert_eq!(vars, ru_vars, "{id}: the variables differ from Russian's");
    }
    other.len()
}
