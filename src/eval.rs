//! The evaluation scorer's mention measures (`score.py` in the team's
//! evaluation kit), for `newsgraph train` and the tests: typed mentions, mention
//! spans, and each type on its own.
//!
//! Spans are Unicode code-point offsets, end exclusive. Before comparing, both
//! sides drop a leading article, a trailing possessive and trailing
//! punctuation (annotation schemes differ there, names do not). Only people,
//! organisations and places are scored; GPE, LOC and FAC count as one class,
//! `PLACE`.

use std::collections::{BTreeMap, HashSet};
use std::ops::AddAssign;

/// True positives, predictions and gold items of one measure.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Prf {
    /// Predictions that match a gold item.
    pub tp: usize,
    /// Predictions.
    pub predicted: usize,
    /// Gold items.
    pub gold: usize,
}

impl Prf {
    /// Precision (0 without predictions).
    pub fn precision(&self) -> f64 {
        if self.predicted == 0 {
            0.0
        } else {
            self.tp as f64 / self.predicted as f64
        }
    }

    /// Recall (0 without gold items).
    pub fn recall(&self) -> f64 {
        if self.gold == 0 {
            0.0
        } else {
            self.tp as f64 / self.gold as f64
        }
    }

    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

impl AddAssign for Prf {
    fn add_assign(&mut self, o: Prf) {
        self.tp += o.tp;
        self.predicted += o.predicted;
        self.gold += o.gold;
    }
}

/// The mention measures of one or more documents.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MentionScores {
    /// Span and type right.
    pub typed: Prf,
    /// Span right, whatever the type.
    pub span: Prf,
    /// Span and type right, per scored type (`PERSON`, `ORG`, `PLACE`).
    pub by_type: BTreeMap<&'static str, Prf>,
}

impl AddAssign<&MentionScores> for MentionScores {
    fn add_assign(&mut self, o: &MentionScores) {
        self.typed += o.typed;
        self.span += o.span;
        for (t, p) in &o.by_type {
            *self.by_type.entry(t).or_default() += *p;
        }
    }
}

/// The scored class of an annotation type, if it is scored.
pub fn scored_type(t: &str) -> Option<&'static str> {
    match t {
        "PERSON" => Some("PERSON"),
        "ORG" => Some("ORG"),
        "GPE" | "LOC" | "FAC" | "PLACE" => Some("PLACE"),
        _ => None,
    }
}

/// The scorer's `trim`: a leading article, a trailing possessive and trailing
/// punctuation dropped from code-point span `[s, e)` of `chars`.
pub fn trim(chars: &[char], mut s: usize, mut e: usize) -> (usize, usize) {
    let starts_with = |s: usize, e: usize, p: &str| {
        let p: Vec<char> = p.chars().collect();
        e - s > p.len() && chars[s..s + p.len()] == p[..]
    };
    for art in ["the ", "The ", "THE "] {
        if starts_with(s, e, art) {
            s += art.chars().count();
        }
    }
    for pos in ["’s", "'s", "’", "'"] {
        let p: Vec<char> = pos.chars().collect();
        if e - s > p.len() && chars[e - p.len()..e] == p[..] {
            e -= p.len();
        }
    }
    while e - s > 1 && ".,;:!?)".contains(chars[e - 1]) {
        e -= 1;
    }
    (s, e)
}

/// Scores predicted mentions against gold ones in one text. Both are
/// `(start, end, type)` in code points, types as annotated ("PERSON", "GPE", …).
pub fn score_mentions(text: &str, gold: &[(usize, usize, &str)], pred: &[(usize, usize, &str)]) -> MentionScores {
    let chars: Vec<char> = text.chars().collect();
    let norm = |items: &[(usize, usize, &str)]| -> HashSet<(usize, usize, &'static str)> {
        items
            .iter()
            .filter(|(s, e, _)| s < e && *e <= chars.len())
            .filter_map(|&(s, e, t)| {
                let (s, e) = trim(&chars, s, e);
                Some((s, e, scored_type(t)?))
            })
            .collect()
    };
    let (g, p) = (norm(gold), norm(pred));
    let spans = |x: &HashSet<(usize, usize, &str)>| x.iter().map(|&(s, e, _)| (s, e)).collect::<HashSet<_>>();
    let (gs, ps) = (spans(&g), spans(&p));
    let mut out = MentionScores {
        typed: Prf { tp: g.intersection(&p).count(), predicted: p.len(), gold: g.len() },
        span: Prf { tp: gs.intersection(&ps).count(), predicted: ps.len(), gold: gs.len() },
        by_type: BTreeMap::new(),
    };
    for t in ["PERSON", "ORG", "PLACE"] {
        let (gt, pt): (HashSet<_>, HashSet<_>) =
            (g.iter().filter(|x| x.2 == t).collect(), p.iter().filter(|x| x.2 == t).collect());
        out.by_type.insert(t, Prf { tp: gt.intersection(&pt).count(), predicted: pt.len(), gold: gt.len() });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_possessives_and_punctuation_are_trimmed() {
        let chars: Vec<char> = "the Hague’s".chars().collect();
        assert_eq!(trim(&chars, 0, chars.len()), (4, 9));
        let chars: Vec<char> = "Acme Inc.,".chars().collect();
        assert_eq!(trim(&chars, 0, chars.len()), (0, 8));
    }

    #[test]
    fn typed_span_and_per_type_measures() {
        let text = "Ada Quill met the Lagos Party in Lagos.";
        let gold = [(0, 9, "PERSON"), (18, 29, "ORG"), (33, 38, "GPE")];
        let pred = [(0, 9, "PERSON"), (14, 29, "PERSON"), (33, 38, "LOC"), (33, 38, "NORP")];
        let s = score_mentions(text, &gold, &pred);
        assert_eq!(s.typed, Prf { tp: 2, predicted: 3, gold: 3 });
        assert_eq!(s.span, Prf { tp: 3, predicted: 3, gold: 3 }, "“the Lagos Party” is trimmed to the gold span");
        assert_eq!(s.by_type["ORG"], Prf { tp: 0, predicted: 0, gold: 1 });
        assert_eq!(s.by_type["PERSON"], Prf { tp: 1, predicted: 2, gold: 1 });
        assert!((s.typed.f1() - 2.0 / 3.0).abs() < 1e-9);
    }
}
