//! Decoding: the best set of names from scored candidates.
//!
//! 1. [`best_segmentation`]: among candidates that do not overlap, the set
//!    whose scores sum highest, each with its best label (a semi-Markov
//!    Viterbi: tokens outside any name score zero, so a candidate is kept
//!    only if it scores above zero and above every overlapping choice).
//! 2. [`agree`]: every occurrence of the same name in the article takes the
//!    label its occurrences' scores favour together, so one article types a
//!    name once;
//! 3. [`propagate`]: an occurrence of a chosen name that step 1 left out (or a
//!    chosen person's surname alone) becomes a name too when the name's
//!    evidence over the article and its own score together are above zero, or
//!    its own scores favour the name's type;
//! 4. [`coordinate`]: a candidate joined by "and" or "or" to a chosen name
//!    ("Witkoff and Kushner") becomes a name of the same type when their
//!    scores for it together are above zero.

use std::collections::HashMap;

use super::candidates::Candidate;
use super::model::{Label, Scores, LABELS};

/// A chosen name: the candidate's index and its label.
pub type Choice = (usize, Label);

fn best_label(s: &Scores) -> (Label, f32) {
    let mut best = (LABELS[0], s[0]);
    for (l, &v) in LABELS.iter().zip(s).skip(1) {
        if v > best.1 {
            best = (*l, v);
        }
    }
    best
}

/// The best non-overlapping candidates over `n_tokens` tokens, in text order.
/// `candidates` are sorted by start, then end; `scores[i]` belongs to `candidates[i]`.
pub fn best_segmentation(n_tokens: usize, candidates: &[Candidate], scores: &[Scores]) -> Vec<Choice> {
    let mut by_end: Vec<Vec<usize>> = vec![Vec::new(); n_tokens + 1];
    for (i, c) in candidates.iter().enumerate() {
        by_end[c.end].push(i);
    }
    // best[j]: best total over tokens [0, j); back[j]: the choice ending at j, if any
    let mut best = vec![0.0f32; n_tokens + 1];
    let mut back: Vec<Option<Choice>> = vec![None; n_tokens + 1];
    for j in 1..=n_tokens {
        best[j] = best[j - 1];
        for &i in &by_end[j] {
            let (label, s) = best_label(&scores[i]);
            let total = best[candidates[i].start] + s;
            if s > 0.0 && total > best[j] {
                best[j] = total;
                back[j] = Some((i, label));
            }
        }
    }
    let mut out = Vec::new();
    let mut j = n_tokens;
    while j > 0 {
        match back[j] {
            Some((i, l)) => {
                out.push((i, l));
                j = candidates[i].start;
            }
            None => j -= 1,
        }
    }
    out.reverse();
    out
}

/// Gives every chosen occurrence of the same name (`key(i)` for candidate
/// `i`) one label: the one most of its occurrences chose, and between equally
/// chosen labels the one whose summed scores are highest. (A vote, not a sum:
/// one occurrence with extreme scores does not outweigh all the others.)
pub fn agree(chosen: &mut [Choice], key: impl Fn(usize) -> String, scores: &[Scores]) {
    let keys: Vec<String> = chosen.iter().map(|&(i, _)| key(i)).collect();
    let mut votes: HashMap<&str, ([u32; LABELS.len()], Scores)> = HashMap::new();
    for (k, &(i, l)) in keys.iter().zip(chosen.iter()) {
        let (v, t) = votes.entry(k.as_str()).or_insert(([0; LABELS.len()], [0.0; LABELS.len()]));
        v[l.index()] += 1;
        for (a, b) in t.iter_mut().zip(&scores[i]) {
            *a += b;
        }
    }
    for (k, (_, l)) in keys.iter().zip(chosen.iter_mut()) {
        let (v, t) = &votes[k.as_str()];
        let mut best = 0;
        for j in 1..LABELS.len() {
            if (v[j], t[j]) > (v[best], t[best]) {
                best = j;
            }
        }
        *l = LABELS[best];
    }
}

/// Adds the occurrences of chosen names that the segmentation left out: a
/// candidate with the key of a chosen name (`key(i)`), or a single word that
/// is the last word of a chosen person's name (`last_word(i)` of that name),
/// takes the name's label when the name's summed scores and its own score for
/// that label are above zero together, or when that label is its own best.
/// Longer candidates go first; none overlaps a name already chosen. `chosen`
/// stays in text order.
pub fn propagate(
    chosen: &mut Vec<Choice>,
    n_tokens: usize,
    candidates: &[Candidate],
    scores: &[Scores],
    key: impl Fn(usize) -> String,
    last_word: impl Fn(usize) -> String,
) {
    let mut evidence: HashMap<String, (Label, Scores)> = HashMap::new();
    for &(i, l) in chosen.iter() {
        let e = evidence.entry(key(i)).or_insert((l, [0.0; LABELS.len()]));
        for (a, b) in e.1.iter_mut().zip(&scores[i]) {
            *a += b;
        }
    }
    for &(i, l) in chosen.iter() {
        if l == Label::Person && candidates[i].len() >= 2 {
            evidence.entry(last_word(i)).or_insert((l, scores[i]));
        }
    }
    let mut taken = vec![false; n_tokens];
    for &(i, _) in chosen.iter() {
        taken[candidates[i].start..candidates[i].end].fill(true);
    }
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(candidates[i].len()), candidates[i].start));
    for i in order {
        let c = candidates[i];
        if taken[c.start..c.end].iter().any(|&t| t) {
            continue;
        }
        if let Some(&(l, total)) = evidence.get(&key(i)) {
            if total[l.index()] + scores[i][l.index()] > 0.0 || best_label(&scores[i]).0 == l {
                chosen.push((i, l));
                taken[c.start..c.end].fill(true);
            }
        }
    }
    chosen.sort_by_key(|&(i, _)| candidates[i].start);
}

/// Adds the candidates joined to a chosen name by a conjunction: for a chosen
/// name, the longest candidate right after "and"/"or" that follows it (or
/// right before one that precedes it) takes the name's label when the two
/// candidates' scores for that label sum above zero. `conjunction(t)` says
/// whether token `t` is one. `chosen` stays in text order.
pub fn coordinate(
    chosen: &mut Vec<Choice>,
    n_tokens: usize,
    candidates: &[Candidate],
    scores: &[Scores],
    conjunction: impl Fn(usize) -> bool,
) {
    let mut taken = vec![false; n_tokens];
    for &(i, _) in chosen.iter() {
        taken[candidates[i].start..candidates[i].end].fill(true);
    }
    let free = |c: &Candidate, taken: &[bool]| !taken[c.start..c.end].iter().any(|&t| t);
    let mut added = Vec::new();
    for &(i, l) in chosen.iter() {
        let c = candidates[i];
        let after = (c.end < n_tokens && conjunction(c.end))
            .then(|| candidates.iter().enumerate().filter(|(_, x)| x.start == c.end + 1).max_by_key(|(_, x)| x.end))
            .flatten();
        let before = (c.start >= 2 && conjunction(c.start - 1))
            .then(|| candidates.iter().enumerate().filter(|(_, x)| x.end == c.start - 1).min_by_key(|(_, x)| x.start))
            .flatten();
        for (j, x) in after.into_iter().chain(before) {
            if free(x, &taken) && scores[i][l.index()] + scores[j][l.index()] > 0.0 {
                taken[x.start..x.end].fill(true);
                added.push((j, l));
            }
        }
    }
    chosen.extend(added);
    chosen.sort_by_key(|&(i, _)| candidates[i].start);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(start: usize, end: usize) -> Candidate {
        Candidate { start, end }
    }

    #[test]
    fn the_best_non_overlapping_set_wins() {
        // "Russian President Ivan Petrov": the name alone beats the whole run
        let cands = [c(0, 1), c(0, 4), c(2, 4), c(3, 4)];
        let scores = [
            [-1.0, -1.0, -1.0, 0.5, -1.0], // "Russian": a NORP, weakly
            [2.0, -1.0, -1.0, -1.0, -1.0], // the whole run as a person
            [3.0, -1.0, -1.0, -1.0, -1.0], // "Ivan Petrov"
            [1.0, -1.0, -1.0, -1.0, -1.0], // "Petrov"
        ];
        let got = best_segmentation(4, &cands, &scores);
        assert_eq!(got, [(0, Label::Norp), (2, Label::Person)]);
    }

    #[test]
    fn nothing_above_zero_is_no_name() {
        let got = best_segmentation(2, &[c(0, 1)], &[[-0.1; 5]]);
        assert!(got.is_empty());
    }

    #[test]
    fn left_out_occurrences_and_surnames_join_their_name() {
        // "Ada Quill spoke. Quill left. Quill stayed.": the segmentation kept only the full name
        let cands = [c(0, 2), c(0, 1), c(1, 2), c(4, 5), c(7, 8)];
        let keys = ["ada quill", "ada", "quill", "quill", "quill"];
        let scores = [
            [5.0, 0.0, 0.0, 0.0, 0.0],
            [-1.0, -1.0, -1.0, -1.0, -1.0],
            [-1.0, -1.0, -1.0, -1.0, -1.0],
            [-0.5, -1.0, -1.0, -1.0, -1.0],
            [-9.0, -1.0, -1.0, -1.0, -1.0], // strong evidence against this one
        ];
        let mut chosen = vec![(0, Label::Person)];
        propagate(&mut chosen, 9, &cands, &scores, |i| keys[i].to_owned(), |_| "quill".to_owned());
        assert_eq!(chosen, [(0, Label::Person), (3, Label::Person)]);
    }

    #[test]
    fn names_joined_by_a_conjunction_are_of_one_kind() {
        // "Zorvath and Kushner flew": tokens 0 and 2, "and" at 1
        let cands = [c(0, 1), c(2, 3), c(0, 3)];
        let scores = [[6.0, 0.0, 0.0, 0.0, 0.0], [-2.0, -5.0, -5.0, -5.0, -5.0], [-9.0; 5]];
        let mut chosen = vec![(0, Label::Person)];
        coordinate(&mut chosen, 5, &cands, &scores, |t| t == 1);
        assert_eq!(chosen, [(0, Label::Person), (1, Label::Person)]);
        // too little evidence together: nothing added
        let weak = [[1.0, 0.0, 0.0, 0.0, 0.0], [-2.0, -5.0, -5.0, -5.0, -5.0], [-9.0; 5]];
        let mut chosen = vec![(0, Label::Person)];
        coordinate(&mut chosen, 5, &cands, &weak, |t| t == 1);
        assert_eq!(chosen, [(0, Label::Person)]);
    }

    #[test]
    fn occurrences_agree_on_one_label() {
        // two occurrences vote place, one votes person with a far larger score: place wins
        let keys = ["quill", "quill", "quill", "lagos", "bo", "bo"];
        let scores = [
            [90.0, 0.0, 0.0, 0.0, 0.0],
            [0.0, 0.0, 0.5, 0.0, 0.0],
            [0.0, 0.0, 0.7, 0.0, 0.0],
            [0.0, 0.0, 1.0, 0.0, 0.0],
            [3.0, 0.0, 0.0, 0.0, 0.0],
            [0.0, 0.5, 0.0, 0.0, 0.0],
        ];
        let mut chosen = vec![
            (0, Label::Person),
            (1, Label::Place),
            (2, Label::Place),
            (3, Label::Place),
            (4, Label::Person),
            (5, Label::Org),
        ];
        agree(&mut chosen, |i| keys[i].to_owned(), &scores);
        let labels: Vec<Label> = chosen.iter().map(|c| c.1).collect();
        // a tie of votes ("bo") goes to the larger summed score
        assert_eq!(labels, [Label::Place, Label::Place, Label::Place, Label::Place, Label::Person, Label::Person]);
    }
}
