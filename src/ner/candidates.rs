//! Candidate names: every stretch of tokens that could be a name, for the
//! model to accept, type or reject.
//!
//! A candidate starts with a capitalised word (or a name particle before one:
//! "de Gaulle", "al-Assad"), ends with a capitalised word or a number
//! ("Apollo 11"), and may hold lower-case connectors between them
//! ("University of Lagos", "Bosnia and Herzegovina", "People's Army"). It
//! never crosses a sentence and is at most [`MAX_LEN`] tokens long. Every such
//! stretch is a candidate, overlapping ones included: "Russian President Ivan
//! Petrov" yields "Russian", "Russian President", …, "Ivan Petrov", "Petrov";
//! the decoder picks the best set that does not overlap.
//!
//! # Rationale
//! Capitalisation is the one cue for names in English that needs no
//! knowledge, and recall is bounded by it: over the training data
//! (`newsgraph train` prints it) nearly every gold name is a candidate. What
//! the old rules did by peeling titles and nationalities off a run is now the
//! model's choice between overlapping candidates.

use super::context::Context;
use crate::model::TokenKind;

/// The longest candidate, in tokens.
pub const MAX_LEN: usize = 8;

/// A stretch of tokens `[start, end)` that may be a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Candidate {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
}

impl Candidate {
    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the candidate holds no token (never, for a generated one).
    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }
}

/// Lower-case words that may sit between the capitalised words of one name.
const CONNECTORS: &[&str] = &[
    "&", "al", "and", "bin", "da", "de", "del", "della", "der", "di", "do", "dos", "du", "el", "for", "ibn", "la",
    "le", "of", "on", "the", "upon", "van", "von", "y",
];

/// Name particles that may start a name before a capitalised word ("de Gaulle", "van Gogh").
const PARTICLES: &[&str] =
    &["al", "bin", "da", "de", "del", "della", "der", "di", "dos", "du", "el", "ibn", "la", "le", "van", "von"];

/// Whether token `i` looks like part of a name: capitalised, or a particle
/// joined to a capitalised name ("al-Assad", "bin-Laden").
fn name_like(cx: &Context, i: usize) -> bool {
    if cx.cap[i] {
        return cx.word(i) != "I";
    }
    cx.is_word(i)
        && cx
            .word(i)
            .split_once('-')
            .is_some_and(|(p, rest)| PARTICLES.contains(&p) && rest.starts_with(char::is_uppercase))
}

/// Whether token `i` may join two name-like tokens.
fn connects(cx: &Context, i: usize) -> bool {
    let t = cx.seg.tokens[i];
    match t.kind {
        TokenKind::Possessive => true,
        TokenKind::Word => CONNECTORS.contains(&cx.lower[i].as_str()),
        _ => false,
    }
}

/// Every candidate of the document, in order of start then end.
pub fn candidates(cx: &Context) -> Vec<Candidate> {
    let mut out = Vec::new();
    for sentence in &cx.seg.sentences {
        let limit = sentence.tokens.end;
        for start in sentence.tokens.clone() {
            let particle_start = cx.is_word(start)
                && PARTICLES.contains(&cx.lower[start].as_str())
                && !cx.initial[start]
                && start + 1 < limit
                && cx.cap[start + 1];
            if !name_like(cx, start) && !particle_start {
                continue;
            }
            let mut k = if particle_start { start + 1 } else { start };
            while k < limit && k - start < MAX_LEN {
                if name_like(cx, k) || (k > start && cx.seg.tokens[k].kind == TokenKind::Number) {
                    out.push(Candidate { start, end: k + 1 });
                } else if !(k > start && connects(cx, k)) {
                    break;
                }
                k += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::gazetteer;
    use crate::segment::{RuleSegmenter, Segmenter};

    fn texts(text: &str) -> Vec<String> {
        let seg = RuleSegmenter.segment(text);
        let cx = Context::new(text, &seg, gazetteer::get());
        candidates(&cx).iter().map(|c| cx.surface(c.start, c.end).to_owned()).collect()
    }

    #[test]
    fn every_stretch_of_a_capitalised_run() {
        assert_eq!(
            texts("Yesterday Senator Ada Quill spoke."),
            [
                "Yesterday",
                "Yesterday Senator",
                "Yesterday Senator Ada",
                "Yesterday Senator Ada Quill",
                "Senator",
                "Senator Ada",
                "Senator Ada Quill",
                "Ada",
                "Ada Quill",
                "Quill"
            ]
        );
    }

    #[test]
    fn connectors_join_but_never_end_a_name() {
        let got = texts("She studied at the University of Lagos.");
        assert!(got.contains(&"University of Lagos".to_owned()), "{got:?}");
        assert!(!got.iter().any(|c| c.ends_with(" of")), "{got:?}");
        let got = texts("The People's Army marched.");
        assert!(got.contains(&"People's Army".to_owned()), "{got:?}");
    }

    #[test]
    fn particles_numbers_and_sentences() {
        let got = texts("They met de Villiers and al-Rahman. Apollo 11 flew.");
        assert!(got.contains(&"de Villiers".to_owned()), "{got:?}");
        assert!(got.contains(&"al-Rahman".to_owned()), "{got:?}");
        assert!(got.contains(&"Apollo 11".to_owned()), "{got:?}");
        assert!(!got.iter().any(|c| c.contains("al-Rahman") && c.contains("Apollo")), "never across sentences");
        assert!(texts("I think so.").is_empty(), "the pronoun I is no name");
    }

    #[test]
    fn length_is_bounded() {
        let text = "One Two Three Four Five Six Seven Eight Nine Ten went.";
        let seg = RuleSegmenter.segment(text);
        let cx = Context::new(text, &seg, gazetteer::get());
        assert!(candidates(&cx).iter().all(|c| c.len() <= MAX_LEN));
    }
}
