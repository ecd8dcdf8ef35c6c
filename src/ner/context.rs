//! What the recogniser knows about each token of a document before it looks
//! for names: its lower-case form, whether it is capitalised, whether the
//! capital says anything (a sentence start or a headline capitalises every
//! word), and what the rest of the article does with the same word.
//!
//! Candidates ([`super::candidates`]) and features ([`super::features`]) read
//! these facts; nothing here decides whether something is a name.

use std::cell::OnceCell;
use std::collections::HashSet;

use crate::lexicon::gazetteer::{Gazetteer, KbKind};
use crate::lexicon::{self, TitleKind};
use crate::model::{Gender, Segmentation, Span, TokenKind};

/// Capitalised words that build titles ("Foreign Minister", "Prime Minister").
pub(crate) const TITLE_MODIFIERS: &[&str] = &[
    "acting",
    "assistant",
    "associate",
    "chief",
    "defence",
    "defense",
    "deputy",
    "executive",
    "finance",
    "first",
    "foreign",
    "former",
    "general",
    "grand",
    "high",
    "interim",
    "interior",
    "lead",
    "managing",
    "national",
    "prime",
    "principal",
    "senior",
    "special",
    "state",
    "supreme",
    "vice",
];

/// Per-token facts of one document, computed once.
pub struct Context<'a> {
    /// The document text.
    pub text: &'a str,
    /// Its segmentation.
    pub seg: &'a Segmentation,
    /// The gazetteer the features consult.
    pub gaz: &'a Gazetteer,
    /// Each token in lower case.
    pub lower: Vec<String>,
    /// Whether a token is a word that starts with a capital letter.
    pub cap: Vec<bool>,
    /// First word of its sentence, or first after an opening quote, colon or dash.
    pub initial: Vec<bool>,
    /// In a paragraph written in title case (a headline).
    pub title_case: Vec<bool>,
    /// Words the article capitalises where capitals say something (not sentence-initial).
    pub capitalised_inside: HashSet<&'a str>,
    /// Words the article also writes in lower case (lower-cased).
    pub lowercase_seen: HashSet<String>,
    /// Index of each token's sentence.
    pub sentence_of: Vec<usize>,
    /// The title kind and gender of each token ([`Context::title_word`]).
    titles: Vec<Option<(TitleKind, Option<Gender>)>>,
    /// What the word lists say of each token ([`Lexical`]), looked up when first asked for.
    lexical: Vec<OnceCell<Lexical>>,
    /// The title phrase before each token, found when first asked for.
    titles_before: Vec<OnceCell<Option<TitlePhrase>>>,
}

/// A title phrase before a name: its span, the head title's kind, and the gender it gives.
pub type TitlePhrase = (Span, TitleKind, Option<Gender>);

/// What the bundled word lists say of one token (lower-cased).
#[derive(Debug, Clone, Copy, Default)]
struct Lexical {
    first_name: bool,
    surname: bool,
    common: bool,
    frequent: bool,
}

impl Lexical {
    fn of(lower: &str, gaz: &Gazetteer) -> Self {
        Self {
            first_name: gaz.is_first_name(lower),
            surname: gaz.is_surname(lower),
            common: gaz.is_common_word(lower),
            frequent: gaz.is_frequent_word(lower),
        }
    }
}

impl<'a> Context<'a> {
    /// Computes the facts of every token of `text`.
    pub fn new(text: &'a str, seg: &'a Segmentation, gaz: &'a Gazetteer) -> Self {
        let n = seg.tokens.len();
        let mut lower = Vec::with_capacity(n);
        let mut cap = Vec::with_capacity(n);
        for t in &seg.tokens {
            let s = t.span.text(text);
            lower.push(s.to_lowercase());
            cap.push(t.kind == TokenKind::Word && s.chars().next().is_some_and(char::is_uppercase));
        }
        let mut initial = vec![false; n];
        let mut title_case = vec![false; n];
        let mut sentence_of = vec![0; n];
        for p in &seg.paragraphs {
            for (si, s) in seg.sentences[p.sentences.clone()].iter().enumerate() {
                let mut at_start = true;
                for i in s.tokens.clone() {
                    title_case[i] = p.title_case;
                    sentence_of[i] = p.sentences.start + si;
                    let t = seg.tokens[i];
                    match t.kind {
                        TokenKind::Word | TokenKind::Number => {
                            initial[i] = at_start;
                            at_start = false;
                        }
                        TokenKind::Quote => at_start = at_start || is_opening(text, seg, i),
                        TokenKind::Punct => {
                            let p = t.span.text(text);
                            at_start = at_start || matches!(p, ":" | "—" | "–" | "(" | "[" | "•" | "*" | "-");
                        }
                        TokenKind::Possessive => at_start = false,
                    }
                }
            }
        }
        let mut capitalised_inside = HashSet::new();
        let mut lowercase_seen = HashSet::new();
        for i in 0..n {
            let word = seg.tokens[i].span.text(text);
            if cap[i] && !initial[i] && !title_case[i] {
                capitalised_inside.insert(word);
            } else if seg.tokens[i].kind == TokenKind::Word && word.starts_with(char::is_lowercase) {
                lowercase_seen.insert(lower[i].clone());
            }
        }
        let titles = lower.iter().map(|l| lexicon::title_or_plural(l)).collect();
        Self {
            text,
            seg,
            gaz,
            lower,
            cap,
            initial,
            title_case,
            capitalised_inside,
            lowercase_seen,
            sentence_of,
            titles,
            lexical: (0..n).map(|_| OnceCell::new()).collect(),
            titles_before: (0..n).map(|_| OnceCell::new()).collect(),
        }
    }

    /// What the word lists say of token `i`.
    fn lexical(&self, i: usize) -> Lexical {
        *self.lexical[i].get_or_init(|| Lexical::of(&self.lower[i], self.gaz))
    }

    /// Whether token `i` is a known given name.
    pub fn is_first_name(&self, i: usize) -> bool {
        self.lexical(i).first_name
    }

    /// Whether token `i` is a known surname.
    pub fn is_surname(&self, i: usize) -> bool {
        self.lexical(i).surname
    }

    /// Whether token `i` is a common English word.
    pub fn is_common_word(&self, i: usize) -> bool {
        self.lexical(i).common
    }

    /// Whether token `i` is one of the most frequent common words.
    pub fn is_frequent_word(&self, i: usize) -> bool {
        self.lexical(i).frequent
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.lower.len()
    }

    /// Whether the document has no tokens.
    pub fn is_empty(&self) -> bool {
        self.lower.is_empty()
    }

    /// Token `i` as written.
    pub fn word(&self, i: usize) -> &'a str {
        self.seg.tokens[i].span.text(self.text)
    }

    /// Whether token `i` is a word.
    pub fn is_word(&self, i: usize) -> bool {
        self.seg.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word)
    }

    /// The text of tokens `[start, end)`.
    pub fn surface(&self, start: usize, end: usize) -> &'a str {
        self.span(start, end).text(self.text)
    }

    /// The byte span of tokens `[start, end)`.
    pub fn span(&self, start: usize, end: usize) -> Span {
        Span::new(self.seg.tokens[start].span.start, self.seg.tokens[end - 1].span.end)
    }

    /// Whether token `i` is a function word (an acronym such as "US" or "IT" is not).
    pub fn is_function_word(&self, i: usize) -> bool {
        let w = self.word(i);
        lexicon::is_function_word(&self.lower[i]) && !(w.len() >= 2 && w.chars().all(|c| c.is_uppercase()))
    }

    /// The title kind and gender of token `i`, singular or plural ("envoy", "officials").
    pub fn title_word(&self, i: usize) -> Option<(TitleKind, Option<Gender>)> {
        self.titles[i]
    }

    /// Whether token `i` is a capitalised demonym ("Ukrainian").
    pub fn is_demonym(&self, i: usize) -> bool {
        self.cap[i] && self.gaz.demonym(self.word(i)).is_some()
    }

    /// Whether tokens `[start, end)` name a country.
    pub fn is_country(&self, start: usize, end: usize) -> bool {
        self.gaz.lookup(self.surface(start, end)).iter().any(|&id| self.gaz.entry(id).kind == KbKind::Country)
    }

    /// A title phrase just before token `start`: `(PLACE)? (MODIFIER)* TITLE ((to|of|for) (the)? PLACE)?`,
    /// such as "US special envoy", "Ukrainian Ambassador to the US", "Russian President".
    pub fn title_before(&self, start: usize) -> Option<TitlePhrase> {
        *self.titles_before[start].get_or_init(|| {
            let sentence_start = self.seg.sentences[self.sentence_of[start]].tokens.start;
            let lo = start.saturating_sub(9).max(sentence_start);
            // the first start that matches gives the longest phrase
            (lo..start).find_map(|k| {
                let (_, kind, gender) = self.match_title(k, start)?;
                Some((self.span(k, start), kind, gender))
            })
        })
    }

    /// Whether tokens `[k, end)` form a title phrase; returns the head title's position, kind and gender.
    fn match_title(&self, k: usize, end: usize) -> Option<(usize, TitleKind, Option<Gender>)> {
        let mut i = k;
        // optional place or nationality
        if i < end && (self.is_demonym(i) || (self.cap[i] && self.is_country(i, i + 1))) {
            i += 1;
        }
        // modifiers, then the head title (the last title word before any "to/of")
        let mut head = None;
        while i < end {
            let l = self.lower[i].as_str();
            if let Some((kind, g)) = self.title_word(i) {
                head = Some((i, kind, g));
                i += 1;
            } else if head.is_none()
                && self.is_word(i)
                && !lexicon::is_function_word(l)
                && (TITLE_MODIFIERS.contains(&l) || !self.cap[i])
                && !lexicon::is_reporting_verb(l)
            {
                i += 1;
            } else {
                break;
            }
        }
        let head = head?;
        if i == end {
            return Some(head);
        }
        // a posting: "to the US", "of France"
        if matches!(self.lower[i].as_str(), "to" | "of" | "for") {
            let mut j = i + 1;
            if j < end && self.lower[j] == "the" {
                j += 1;
            }
            if j < end && self.cap[j] {
                let mut e = j + 1;
                while e < end && self.cap[e] {
                    e += 1;
                }
                if e == end {
                    return Some(head);
                }
            }
        }
        None
    }
}

/// Whether the quotation mark at token `i` opens a quotation.
pub(crate) fn is_opening(text: &str, seg: &Segmentation, i: usize) -> bool {
    let t = seg.tokens[i];
    match t.span.text(text) {
        "“" | "„" | "«" | "‘" => true,
        "\"" | "'" => {
            // straight quote: opening if what follows touches it and what precedes does not
            let next_touches = seg.tokens.get(i + 1).is_some_and(|n| n.span.start == t.span.end);
            let prev_touches = i > 0 && seg.tokens[i - 1].span.end == t.span.start;
            next_touches && !prev_touches
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::gazetteer;
    use crate::segment::{RuleSegmenter, Segmenter};

    fn with_context<T>(text: &str, f: impl FnOnce(&Context) -> T) -> T {
        let seg = RuleSegmenter.segment(text);
        let cx = Context::new(text, &seg, gazetteer::get());
        f(&cx)
    }

    fn index(cx: &Context, word: &str) -> usize {
        (0..cx.len()).find(|&i| cx.word(i) == word).unwrap_or_else(|| panic!("no token {word:?}"))
    }

    #[test]
    fn sentence_starts_and_quotes_are_initial() {
        with_context("Talks ended. She said: “Progress was made.”", |cx| {
            assert!(cx.initial[index(cx, "Talks")]);
            assert!(cx.initial[index(cx, "She")]);
            assert!(cx.initial[index(cx, "Progress")], "after a colon and an opening quote");
            assert!(!cx.initial[index(cx, "ended")]);
        });
    }

    #[test]
    fn the_article_tells_which_capitals_mean_something() {
        with_context("Bank profits rose. The bank said Marrow Bank grew.", |cx| {
            assert!(cx.lowercase_seen.contains("bank"));
            assert!(cx.capitalised_inside.contains("Marrow"));
            assert!(!cx.capitalised_inside.contains("Talks"));
        });
    }

    #[test]
    fn title_phrases_before_a_name() {
        let text = "Ukrainian Ambassador to the US Ilona Marchetti stated.";
        with_context(text, |cx| {
            let (span, kind, _) = cx.title_before(index(cx, "Ilona")).expect("a title");
            assert_eq!(span.text(text), "Ukrainian Ambassador to the US");
            assert_eq!(kind, TitleKind::Role);
        });
        with_context("The plan of Ada Lovelace was bold.", |cx| {
            assert!(cx.title_before(index(cx, "Ada")).is_none());
        });
    }
}
