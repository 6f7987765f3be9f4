//! Response ids: each one checked, and the ones a file holds twice found by their
//! hashes.

use super::builder::Builder;
use crate::{check_id, Message};

pub(crate) fn check_response_id(id: &str) -> Result<(), Message> {
    // The usual id (printable ASCII, no ';', short) needs no further look.
    if id.len() <= 64 && id.bytes().all(|b| b.is_ascii_graphic() && b != b';') {
        return Ok(());
    }
    if id.chars().count() > 128 {
        return Err(Message::new("response-id-too-long"));
    }
    check_id(id).or_else(|e| {
        if id.chars().count() > 64 {
            Ok(())
        } else {
            Err(e)
        }
    })
}

/// The hash of a response id: 64 bits on every target (FxHash, for one, has 32 bits
/// in WebAssembly, where a million ids share a hash about a hundred times, each sending
/// the check down its slow path).
#[doc(hidden)]
pub fn id_hash(id: &str) -> u64 {
    use std::hash::BuildHasher;
    foldhash::fast::FixedState::default().hash_one(id)
}

/// The hashes of the non-empty ids of `b`, in row order.
pub(crate) fn id_hash_list(b: &Builder) -> Vec<u64> {
    (0..b.ids.len())
        .map(|row| b.ids.get(row))
        .filter(|id| !id.is_empty())
        .map(id_hash)
        .collect()
}

/// The hashes of the non-empty ids of `b`, sorted.
pub(crate) fn id_hashes(b: &Builder) -> Vec<u64> {
    let mut hashed = id_hash_list(b);
    // Eight byte-wide counting passes: for a million hashes, a few times faster than
    // a comparison sort, in WebAssembly too.
    radsort::sort(&mut hashed);
    hashed
}

/// Whether a value appears twice in `values` (hashes: evenly spread). The values are
/// placed into buckets by their top bits, about sixteen values a bucket (a counting
/// pass and a placing pass), and each bucket is sorted on its own: two passes over the
/// values where a full radix sort makes nine.
pub(crate) fn any_repeat(values: &[u64]) -> bool {
    let bits = (usize::BITS - values.len().leading_zeros())
        .saturating_sub(4)
        .clamp(1, 16);
    let bucket = |v: u64| (v >> (64 - bits)) as usize;
    let mut starts = vec![0u32; (1 << bits) + 1];
    for &v in values {
        starts[bucket(v) + 1] += 1;
    }
    for b in 1..starts.len() {
        starts[b] += starts[b - 1];
    }
    let mut next = starts.clone();
    let mut placed = vec![0u64; values.len()];
    for &v in values {
        let at = &mut next[bucket(v)];
        placed[*at as usize] = v;
        *at += 1;
    }
    starts.windows(2).any(|w| {
        let run = &mut placed[w[0] as usize..w[1] as usize];
        run.sort_unstable();
        run.windows(2).any(|p| p[0] == p[1])
    })
}

/// Reports every repeated response id as (row, first row with that id), in row order.
/// The ids' hashes are sorted rather than inserted into a table: a million ids fit a
/// sort's sequential passes better than a table's random probes.
pub(crate) fn duplicate_ids(b: &Builder, mut report: impl FnMut(usize, usize)) {
    // Mostly no hash repeats, which sorting the bare hashes shows at the least cost.
    if !any_repeat(&id_hash_list(b)) {
        return;
    }
    let mut hashed: Vec<(u64, u32)> = (0..b.ids.len())
        .filter(|&row| !b.ids.get(row).is_empty())
        .map(|row| (id_hash(b.ids.get(row)), row as u32))
        .collect();
    hashed.sort_unstable();
    let mut found = Vec::new();
    for run in hashed
        .chunk_by(|a, b| a.0 == b.0)
        .filter(|run| run.len() > 1)
    {
        // Rows with the same hash, in row order: each is a repeat of the first row
        // with the same id.
        for (k, &(_, row)) in run.iter().enumerate() {
            let id = b.ids.get(row as usize);
            if let Some(&(_, first)) = run[..k].iter().find(|(_, r)| b.ids.get(*r as usize) == id) {
                found.push((row as usize, first as usize));
            }
        }
    }
    found.sort_unstable();
    for (row, first) in found {
        report(row, first);
    }
}

/// Whether any hash appears twice in `runs`, each sorted and without repeats.
pub(crate) fn hashes_meet(runs: &[Vec<u64>]) -> bool {
    let mut seen: Vec<u64> = Vec::new();
    for run in runs {
        // Merge the sorted run into the sorted hashes seen so far.
        let mut merged = Vec::with_capacity(seen.len() + run.len());
        let (mut i, mut j) = (0, 0);
        while i < seen.len() && j < run.len() {
            match seen[i].cmp(&run[j]) {
                std::cmp::Ordering::Less => {
                    merged.push(seen[i]);
                    i += 1;
                }
                std::cmp::Ordering::Greater => {
                    merged.push(run[j]);
                    j += 1;
                }
                std::cmp::Ordering::Equal => return true,
            }
        }
        merged.extend_from_slice(&seen[i..]);
        merged.extend_from_slice(&run[j..]);
        seen = merged;
    }
    false
}

pub(crate) fn bad_id(id: &str, reason: Message) -> Message {
    Message::new("response-id-bad")
        .with("id", format!("{id:?}"))
        .with("reason", reason)
}
