//! Candidate names: every stretch of tokens that could be a name, for the
//! model to accept, type or reject.
//!
//! A candidate starts with a capitalised word (or a name particle before one:
//! "de Gaulle", "al-Assad"), ends with a capitalised word or a number
//! ("Apollo 11"), and may hold lower-case connectors between them
//! ("University of Lagos", "Bosnia and Herzegovina", "People's Army"). It
//! never crosses a sentence and is at most [`MAX_LEN`] tokens long, and it
//! never starts with a form of address ("Mr", "Dr.", "Sen."): by the
//! convention of the training data, a title is not part of a name. Nor does a
//! longer candidate end with a nationality adjective ("Ivan Petrov and
//! French"): names end in nouns. And a country or nationality followed by a
//! person's name is two names, never one ("the U.S. Kowalczyk said",
//! "Russian Ivan Petrov"): the rest is a person's when it starts with a given
//! name or is the surname of someone the article names in full. Every such
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

use std::collections::HashSet;

use super::context::Context;
use crate::lexicon;
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

/// Whether token `i` is an abbreviated form of address or rank ("Mr", "Dr.",
/// "Gen."), which precedes a name and is never part of it ("St." and "Mt." begin
/// place names, and are not taken).
fn address(cx: &Context, i: usize) -> bool {
    let w = cx.word(i);
    let w = w.strip_suffix('.').unwrap_or(w);
    lexicon::is_title_abbreviation(w) && !matches!(w, "St" | "Mt" | "No")
}

/// Whether token `i` is a nationality adjective ("French", "Ukrainian"; not a
/// plural noun such as "Americans").
fn adjective(cx: &Context, i: usize) -> bool {
    cx.is_demonym(i) && !cx.lower[i].ends_with('s')
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

/// Surnames of the people an article names in full: the last word of a
/// capitalised run that starts with a given name ("Hanna Kowalczyk" → "kowalczyk").
fn surnames_named_in_full<'a>(cx: &'a Context) -> HashSet<&'a str> {
    let mut out = HashSet::new();
    let mut i = 0;
    while i < cx.len() {
        if cx.cap[i] && cx.is_first_name(i) {
            let mut j = i + 1;
            while j < cx.len() && cx.cap[j] && cx.sentence_of[j] == cx.sentence_of[i] {
                j += 1;
            }
            if j > i + 1 {
                out.insert(cx.lower[j - 1].as_str());
            }
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

/// Whether a candidate `[start, end)` is a place or nationality followed by a
/// person's name.
fn place_then_person(cx: &Context, start: usize, end: usize, surnames: &HashSet<&str>) -> bool {
    let place = cx.is_demonym(start) || (cx.cap[start] && cx.is_country(start, start + 1));
    place
        && end > start + 1
        && !cx.is_first_name(start)
        && (cx.is_first_name(start + 1) || (end == start + 2 && surnames.contains(cx.lower[start + 1].as_str())))
}

/// Every candidate of the document, in order of start then end.
pub fn candidates(cx: &Context) -> Vec<Candidate> {
    let surnames = surnames_named_in_full(cx);
    let mut out = Vec::new();
    for sentence in &cx.seg.sentences {
        let limit = sentence.tokens.end;
        for start in sentence.tokens.clone() {
            let particle_start = cx.is_word(start)
                && PARTICLES.contains(&cx.lower[start].as_str())
                && !cx.initial[start]
                && start + 1 < limit
                && cx.cap[start + 1];
            if (!name_like(cx, start) && !particle_start) || address(cx, start) {
                continue;
            }
            let mut k = if particle_start { start + 1 } else { start };
            while k < limit && k - start < MAX_LEN {
                if name_like(cx, k) || (k > start && cx.seg.tokens[k].kind == TokenKind::Number) {
                    if k == start || !(adjective(cx, k) || place_then_person(cx, start, k + 1, &surnames)) {
                        out.push(Candidate { start, end: k + 1 });
                    }
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
    fn forms_of_address_never_start_a_name() {
        for text in ["Mr Ada Quill spoke.", "Dr. Ada Quill spoke.", "Gen. Ada Quill spoke."] {
            let got = texts(text);
            assert!(got.contains(&"Ada Quill".to_owned()), "{got:?}");
            assert!(!got.iter().any(|c| c.starts_with('M') || c.starts_with('D') || c.starts_with('G')), "{got:?}");
        }
        assert!(texts("They flew to St. Louis.").contains(&"St. Louis".to_owned()));
    }

    #[test]
    fn a_longer_name_never_ends_with_a_nationality_adjective() {
        let got = texts("Talks between Ivan Petrov and French leaders ended.");
        assert!(got.contains(&"Ivan Petrov".to_owned()) && got.contains(&"French".to_owned()), "{got:?}");
        assert!(!got.iter().any(|c| c.len() > 6 && c.ends_with("French")), "{got:?}");
        assert!(texts("The Royal Dutch Shell board met.").contains(&"Royal Dutch Shell".to_owned()));
    }

    #[test]
    fn a_country_before_a_person_is_two_names() {
        let got = texts("Hanna Kowalczyk landed in the U.S. Kowalczyk said so.");
        assert!(!got.contains(&"U.S. Kowalczyk".to_owned()), "{got:?}");
        assert!(got.contains(&"U.S.".to_owned()) && got.contains(&"Kowalczyk".to_owned()), "{got:?}");
        let got = texts("Russian Ivan Petrov spoke.");
        assert!(!got.iter().any(|c| c.starts_with("Russian ")), "{got:?}");
        // a country before anything else may begin a name
        assert!(texts("The U.S. Army left.").contains(&"U.S. Army".to_owned()));
    }

    #[test]
    fn length_is_bounded() {
        let text = "One Two Three Four Five Six Seven Eight Nine Ten went.";
        let seg = RuleSegmenter.segment(text);
        let cx = Context::new(text, &seg, gazetteer::get());
        assert!(candidates(&cx).iter().all(|c| c.len() <= MAX_LEN));
    }
}
