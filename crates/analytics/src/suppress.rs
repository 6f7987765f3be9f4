//! The anonymity rules: small groups and figures are suppressed, and the remainder
//! rule stops a suppressed cell from being recovered by subtraction.

/// Applies the remainder rule until nothing changes.
///
/// `counts[s]` is the number of respondents (or answers) behind slot `s`;
/// `suppressed[s]` starts with the slots already hidden. Each partition in
/// `partitions` is a set of sibling slots that together make up a shown parent
/// figure. Within every partition the hidden siblings must hold either zero or at
/// least `k` respondents; if they hold fewer, the smallest visible non-empty
/// sibling is hidden too, until they do.
pub fn remainder_rule(counts: &[u64], suppressed: &mut [bool], partitions: &[Vec<usize>], k: u64) {
    loop {
        let mut changed = false;
        for part in partitions {
            let hidden: u64 = part
                .iter()
                .filter(|&&s| suppressed[s])
                .map(|&s| counts[s])
                .sum();
            if hidden == 0 || hidden >= k {
                continue;
            }
            let smallest = part
                .iter()
                .copied()
                .filter(|&s| !suppressed[s] && counts[s] > 0)
                .min_by_key(|&s| (counts[s], s));
            if let Some(s) = smallest {
                suppressed[s] = true;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lone_small_sibling_takes_the_next_smallest_with_it() {
        let counts = [2, 30, 7, 50];
        let mut sup = [true, false, false, false];
        remainder_rule(&counts, &mut sup, &[vec![0, 1, 2, 3]], 5);
        assert_eq!(sup, [true, false, true, false]);
    }

    #[test]
    fn hidden_siblings_that_reach_k_stay_as_they_are() {
        let counts = [2, 3, 40];
        let mut sup = [true, true, false];
        remainder_rule(&counts, &mut sup, &[vec![0, 1, 2]], 5);
        assert_eq!(sup, [true, true, false]);
    }

    #[test]
    fn empty_siblings_do_not_count() {
        let counts = [0, 2, 40, 60];
        let mut sup = [true, true, false, false];
        remainder_rule(&counts, &mut sup, &[vec![0, 1, 2, 3]], 5);
        assert_eq!(sup, [true, true, true, false]);
    }
}
