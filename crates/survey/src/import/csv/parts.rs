//! A large CSV body read in parts at once, natively one per thread, and the parts
//! joined.

use super::header::Header;
use super::quotes::RecordEnds;
use super::records::read_rows;
use super::PROGRESS_STEP;
use crate::import::builder::Builder;
use crate::import::ids::{hashes_meet, id_hashes};
use crate::import::problems::Problems;
use crate::import::Limits;
use crate::{Responses, Survey};

/// Bytes per part below which a file is not split.
const PART_BYTES: usize = 1 << 22;

/// How many parts a CSV file of `len` bytes is read in: one per available thread,
/// natively; one in WebAssembly, which has no threads.
pub(crate) fn csv_parts(len: usize) -> usize {
    if cfg!(target_arch = "wasm32") {
        return 1;
    }
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    threads.min(len / PART_BYTES).max(1)
}

/// A part of a file read without a problem, and its ids' sorted hashes.
type Part = (Builder, Vec<u64>);

/// Reads `body` in `parts` parts at once and joins them, or `None` when any part finds
/// a problem, the parts hold too many responses together, or an id repeats: the
/// caller then reads the file in one go for the exact report.
pub(crate) fn read_parts(
    survey: &Survey,
    h: &Header,
    body: &[u8],
    limits: &Limits,
    progress: &mut dyn FnMut(usize),
    parts: usize,
) -> Option<Responses> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let bounds = record_bounds(body, parts);
    // Bytes read by all parts together.
    let read = AtomicUsize::new(0);
    let run = |part: &[usize], tick: &mut dyn FnMut(usize)| {
        let mut problems = Problems::new("");
        let mut last = 0;
        let rows = &body[part[0]..part[1]];
        let (b, _) = read_rows(survey, h, rows, 0, limits, &mut problems, &mut |at| {
            tick(read.fetch_add(at - last, Ordering::Relaxed) + at - last);
            last = at;
        });
        // Ids that repeat within the part, or ids the parts share, send the file the
        // slow way.
        let hashes = id_hashes(&b);
        let unique = hashes.windows(2).all(|w| w[0] != w[1]);
        (problems.list.is_empty() && unique).then_some((b, hashes))
    };
    let mut next_progress = PROGRESS_STEP;
    let mut main_tick = |total: usize| {
        let at = h.body + total;
        if at >= next_progress {
            progress(at);
            next_progress = at + PROGRESS_STEP;
        }
    };
    #[cfg(not(target_arch = "wasm32"))]
    let done: Vec<Option<Part>> = std::thread::scope(|scope| {
        let run = &run;
        let others: Vec<_> = bounds[1..]
            .windows(2)
            .map(|part| scope.spawn(move || run(part, &mut |_| {})))
            .collect();
        let mut all = vec![run(&bounds[..2], &mut main_tick)];
        all.extend(
            others
                .into_iter()
                .map(|t| t.join().expect("a part panicked")),
        );
        all
    });
    #[cfg(target_arch = "wasm32")]
    let done: Vec<Option<Part>> = bounds
        .windows(2)
        .map(|part| run(part, &mut main_tick))
        .collect();
    let (builders, hashes): (Vec<_>, Vec<_>) = done
        .into_iter()
        .collect::<Option<Vec<_>>>()?
        .into_iter()
        .unzip();
    if hashes_meet(&hashes) {
        return None;
    }
    let b = Builder::join(builders)?;
    (b.ids.len() <= limits.max_rows).then(|| b.finish(survey))
}

/// `parts + 1` offsets into `body`, which starts at a record: 0, then for each
/// `k · len / parts` the start of the first record at or after it, then `len`.
fn record_bounds(body: &[u8], parts: usize) -> Vec<usize> {
    let len = body.len();
    let targets = (1..parts).map(|k| k * len / parts);
    let mut out = vec![0];
    if !body.contains(&b'"') {
        // Every line break ends a record.
        for t in targets {
            let next = body[t..]
                .iter()
                .position(|&c| c == b'\n')
                .map_or(len, |i| t + i + 1);
            out.push(next);
        }
    } else {
        // A line break ends a record outside quotes only.
        let mut ends = RecordEnds::new(body).peekable();
        for t in targets {
            while ends.next_if(|&e| e <= t).is_some() {}
            out.push(ends.peek().copied().unwrap_or(len));
        }
    }
    out.push(len);
    out
}
