//! Features of a candidate name: what the model weighs.
//!
//! Each feature is a template and a value ("first word = university",
//! "gazetteer = city of over a million"), hashed to a 64-bit id
//! ([`Feature`]); the model keeps a weight per feature and type. The templates
//! are the signals the old rules used, now weighed by learning:
//! - the words: each word, the first and last, the whole name, affixes,
//!   shape (capitals, initials, digits, hyphens), common-word status;
//! - the context: the words before and after, a title or occupation before
//!   ("envoy", "Mr."), a reporting verb after, a place preposition before;
//! - knowledge: the gazetteer entries the name (or its first or last word)
//!   matches, with the population of a city as its prior, given names,
//!   surnames, demonyms, organisation, place and event heads;
//! - the article: how often the name recurs, whether a recurring single word
//!   is the surname or given name of a full name elsewhere, whether the name
//!   is given a title elsewhere, whether its first word is capitalised inside
//!   a sentence elsewhere or written in lower case.
//!
//! Templates are named by short tags; [`describe`] spells them out for the
//! legend of `newsgraph extract --format explain`.

use std::collections::{HashMap, HashSet};

use super::candidates::Candidate;
use super::context::Context;
use crate::lexicon::gazetteer::{self, KbKind};
use crate::lexicon::{self, TitleKind};
use crate::model::TokenKind;

/// A hashed feature.
pub type Feature = u64;

/// FNV-1a, 64 bits: a stable hash, so that the ids of the shipped weights do
/// not depend on the Rust version.
#[derive(Clone, Copy)]
struct Fnv(u64);

impl Fnv {
    fn new(template: &str) -> Self {
        let mut h = Fnv(0xcbf2_9ce4_8422_2325);
        h.bytes(template.as_bytes());
        h.bytes(&[0x1f]);
        h
    }

    fn bytes(&mut self, b: &[u8]) {
        for &x in b {
            self.0 ^= u64::from(x);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn with(mut self, value: &str) -> u64 {
        self.bytes(value.as_bytes());
        self.0
    }
}

/// The id of feature `template=value`.
pub fn feature(template: &str, value: &str) -> Feature {
    Fnv::new(template).with(value)
}

/// The templates, with what each says (the legend of `extract --format explain`).
pub const TEMPLATES: &[(&str, &str)] = &[
    ("b", "bias of the type"),
    ("len", "number of tokens (5 = five or more)"),
    ("o", "the only word (lower case)"),
    ("f", "first word of a longer name"),
    ("l", "last word of a longer name"),
    ("w", "any word of a longer name"),
    ("s", "the whole name, up to four words"),
    ("sh", "shape: Xx, X., XX, x (connector), 's, 9"),
    ("s3", "last three letters"),
    ("s4", "last four letters"),
    ("p3", "first three letters"),
    ("p1", "word before"),
    ("p2", "two words before"),
    ("n1", "word after"),
    ("n2", "two words after"),
    ("p1k", "kind of token before (punctuation, quote, …)"),
    ("n1k", "kind of token after"),
    ("init", "first word starts a sentence; is a frequent (2) or common (1) word; is written in lower case elsewhere"),
    ("hl", "in a headline"),
    ("cm", "pattern of the words: f frequent, c common, n neither, x lower case"),
    ("gz", "gazetteer entries the whole name matches (kind, population)"),
    ("gzv", "people and organisations matching up to spelling variants"),
    ("gzf", "gazetteer entries of the first word"),
    ("gzl", "gazetteer entries of the last word"),
    ("gzr", "gazetteer entries of the name without its first word"),
    ("gv", "first word is a given name"),
    ("sn", "last word is a surname"),
    ("ti", "first word is a title (kind)"),
    ("tin", "a later word is a title"),
    ("dm", "first word is a demonym"),
    ("dms", "the whole name is a demonym (plural or not)"),
    ("cty", "first word is a country"),
    ("tb", "title phrase before (kind)"),
    ("rv", "reporting verb after, or a comma and a reporting verb or 'who'"),
    ("pk", "possessive after, then a kin term or title"),
    ("pp", "place preposition before"),
    ("oh", "last word is an organisation head (alone: the candidate is that one word)"),
    ("ohof", "an organisation head followed by 'of' inside"),
    ("lh", "last word is a place head (alone: the candidate is that one word)"),
    ("eh", "last word is an event head"),
    ("ep", "first word is a storm or operation prefix"),
    ("cal", "a month or weekday inside"),
    ("ac", "all capitals"),
    ("cc", "a capital inside a word"),
    ("dg", "a digit"),
    ("hy", "a hyphen"),
    ("dt", "ends with a period"),
    ("mx", "whether a name-like word touches it on the left or right"),
    ("dc", "how often the name recurs in the article"),
    ("ds", "a single word that is the last word of a full name elsewhere in the article"),
    ("dgv", "a single word that is the first word of a full name elsewhere in the article"),
    ("dte", "the name has a title before it elsewhere in the article"),
    ("dpe", "the name follows a place preposition elsewhere in the article"),
    ("ci", "first word capitalised inside a sentence elsewhere"),
    ("q", "between quotation marks"),
    ("cj", "joined by 'and' or 'or' to a capitalised word: what that word is (given name, surname, place, …)"),
    ("acr", "an acronym the article defines in parentheses after a name: that name's last word"),
    ("dfa", "a name followed by its acronym in parentheses"),
];

/// What a template tag means.
pub fn describe(tag: &str) -> Option<&'static str> {
    TEMPLATES.iter().find(|(t, _)| *t == tag).map(|(_, d)| *d)
}

/// Facts about the candidates of a whole article, gathered before any is
/// scored, so that each candidate's features can look at the others.
pub struct DocFacts {
    count: HashMap<String, u32>,
    surnames_of_full: HashSet<String>,
    given_of_full: HashSet<String>,
    titled: HashSet<String>,
    after_place_prep: HashSet<String>,
    /// Acronyms defined as "Full Name (FN)": the acronym → the full name's last word.
    acronyms: HashMap<String, String>,
    /// Full names followed by their acronym: (first token, end token).
    defined: HashSet<(usize, usize)>,
}

impl DocFacts {
    /// Gathers the facts of `candidates`.
    pub fn new(cx: &Context, candidates: &[Candidate]) -> Self {
        let mut f = DocFacts {
            count: HashMap::new(),
            surnames_of_full: HashSet::new(),
            given_of_full: HashSet::new(),
            titled: HashSet::new(),
            after_place_prep: HashSet::new(),
            acronyms: HashMap::new(),
            defined: HashSet::new(),
        };
        for c in candidates {
            let k = gazetteer::key(cx.surface(c.start, c.end));
            if c.len() >= 2 && cx.is_first_name(c.start) && cx.cap[c.end - 1] {
                f.surnames_of_full.insert(cx.lower[c.end - 1].clone());
                f.given_of_full.insert(cx.lower[c.start].clone());
            }
            if c.start > 0 {
                let p = &cx.lower[c.start - 1];
                if cx.title_word(c.start - 1).is_some_and(|t| t.0 != TitleKind::Occupation) {
                    f.titled.insert(k.clone());
                }
                if lexicon::is_place_preposition(p) {
                    f.after_place_prep.insert(k.clone());
                }
            }
            if let Some(acronym) = acronym_after(cx, *c) {
                f.acronyms.insert(acronym, cx.lower[c.end - 1].clone());
                f.defined.insert((c.start, c.end));
            }
            *f.count.entry(k).or_default() += 1;
        }
        f
    }
}

/// The acronym in parentheses right after candidate `c`, if its letters are
/// the initials of the candidate's capitalised words: "Korean People's Army (KPA)".
fn acronym_after(cx: &Context, c: Candidate) -> Option<String> {
    let (open, acr, close) = (c.end, c.end + 1, c.end + 2);
    if close >= cx.len() || cx.word(open) != "(" || cx.word(close) != ")" || !cx.is_word(acr) {
        return None;
    }
    let letters: String = cx.word(acr).chars().filter(|ch| ch.is_alphabetic()).collect();
    if letters.chars().count() < 2 || !letters.chars().all(char::is_uppercase) {
        return None;
    }
    let initials: String = (c.start..c.end).filter(|&i| cx.cap[i]).filter_map(|i| cx.word(i).chars().next()).collect();
    (initials.to_uppercase() == letters).then(|| cx.lower[acr].clone())
}

/// The shape of one token: "Xx", "X" (one capital), "X." (an initial), "XX",
/// "x" (lower case), "'s", "9", or "." (other punctuation).
fn token_shape(cx: &Context, i: usize) -> &'static str {
    let t = cx.seg.tokens[i];
    let w = cx.word(i);
    match t.kind {
        TokenKind::Possessive => "'s",
        TokenKind::Number => "9",
        TokenKind::Quote | TokenKind::Punct => ".",
        TokenKind::Word => {
            let letters = w.chars().filter(|c| c.is_alphabetic()).count();
            let upper = w.chars().filter(|c| c.is_uppercase()).count();
            if !cx.cap[i] {
                "x"
            } else if letters == 1 && w.ends_with('.') {
                "X."
            } else if letters == 1 {
                "X"
            } else if upper == letters {
                "XX"
            } else {
                "Xx"
            }
        }
    }
}

fn kind_tag(kind: TokenKind) -> &'static str {
    match kind {
        TokenKind::Word => "w",
        TokenKind::Number => "9",
        TokenKind::Quote => "q",
        TokenKind::Possessive => "'s",
        TokenKind::Punct => "p",
    }
}

fn population_bucket(p: u64) -> &'static str {
    match p {
        u64::MAX => "country",
        0..100_000 => "<100k",
        100_000..1_000_000 => "<1M",
        _ => ">=1M",
    }
}

/// Feature values of the gazetteer entries a name matches: "Country", "City<1M", …
fn gazetteer_values(cx: &Context, name: &str, out: &mut Vec<&'static str>) {
    for &id in cx.gaz.lookup(name) {
        let e = cx.gaz.entry(id);
        let v = match e.kind {
            KbKind::Country => "Country",
            KbKind::Region => "Region",
            KbKind::City => match population_bucket(e.population) {
                "<100k" => "City<100k",
                "<1M" => "City<1M",
                _ => "City>=1M",
            },
            KbKind::Person => "Person",
            KbKind::Org => "Org",
        };
        if !out.contains(&v) {
            out.push(v);
        }
    }
}

/// Appends the features of candidate `c` to `out`.
pub fn extract(cx: &Context, facts: &DocFacts, c: Candidate, out: &mut Vec<Feature>) {
    each(cx, facts, c, &mut |t, v| out.push(feature(t, v)));
}

/// The features of candidate `c` as `(template, value)` pairs, for people to read.
pub fn describe_candidate(cx: &Context, facts: &DocFacts, c: Candidate) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    each(cx, facts, c, &mut |t, v| out.push((t, v.to_owned())));
    out
}

/// Calls `push(template, value)` for each feature of candidate `c`.
fn each(cx: &Context, facts: &DocFacts, c: Candidate, push: &mut impl FnMut(&'static str, &str)) {
    let (s, e) = (c.start, c.end);
    let n = c.len();
    let lower = &cx.lower;
    let first = lower[s].as_str();
    let last = lower[e - 1].as_str();
    let surface = cx.surface(s, e);
    let key = gazetteer::key(surface);

    push("b", "");
    push("len", &n.min(5).to_string());
    // the words
    if n == 1 {
        push("o", first);
    } else {
        push("f", first);
        push("l", last);
        for w in &lower[s..e] {
            push("w", w);
        }
    }
    if n <= 4 {
        push("s", &key);
    }
    let shape: Vec<&str> = (s..e).map(|i| token_shape(cx, i)).collect();
    push("sh", &shape.join(" "));
    let chars: Vec<char> = last.chars().collect();
    if chars.len() >= 4 {
        push("s3", &chars[chars.len() - 3..].iter().collect::<String>());
        push("s4", &chars[chars.len() - 4..].iter().collect::<String>());
    }
    let fchars: Vec<char> = first.chars().collect();
    if fchars.len() >= 4 {
        push("p3", &fchars[..3].iter().collect::<String>());
    }
    // the context
    let sentence = &cx.seg.sentences[cx.sentence_of[s]];
    let before = |k: usize| s.checked_sub(k).filter(|&i| i >= sentence.tokens.start);
    let after = |k: usize| Some(e + k).filter(|&i| i < sentence.tokens.end);
    let word_at = |i: Option<usize>, edge: &'static str| i.map_or(edge, |i| lower[i].as_str());
    let (p1, p2) = (word_at(before(1), "<s>"), word_at(before(2), "<s>"));
    let (n1, n2) = (word_at(after(0), "</s>"), word_at(after(1), "</s>"));
    push("p1", p1);
    push("p2", &format!("{p2} {p1}"));
    push("n1", n1);
    push("n2", &format!("{n1} {n2}"));
    push("p1k", before(1).map_or("<s>", |i| kind_tag(cx.seg.tokens[i].kind)));
    push("n1k", after(0).map_or("</s>", |i| kind_tag(cx.seg.tokens[i].kind)));
    let common = |i: usize| {
        if cx.is_frequent_word(i) {
            2
        } else {
            u8::from(cx.is_common_word(i))
        }
    };
    let init = format!("{}{}{}", u8::from(cx.initial[s]), common(s), u8::from(cx.lowercase_seen.contains(first)));
    push("init", &init);
    if cx.title_case[s] {
        push("hl", "");
    }
    let pattern: String =
        (s..e).map(|i| if !cx.cap[i] { 'x' } else { ['n', 'c', 'f'][usize::from(common(i))] }).collect();
    push("cm", &pattern);
    // knowledge
    let mut values = Vec::new();
    gazetteer_values(cx, surface, &mut values);
    for v in &values {
        push("gz", v);
    }
    for &id in cx.gaz.lookup_variant(surface) {
        push("gzv", if cx.gaz.entry(id).kind == KbKind::Person { "Person" } else { "Org" });
    }
    if n >= 2 {
        for (tag, text) in [("gzf", cx.word(s)), ("gzl", cx.word(e - 1)), ("gzr", cx.surface(s + 1, e))] {
            values.clear();
            gazetteer_values(cx, text, &mut values);
            for v in &values {
                push(tag, v);
            }
        }
    }
    if cx.is_first_name(s) {
        push("gv", if n == 1 { "only" } else { "first" });
    }
    if cx.is_surname(e - 1) {
        push("sn", if n == 1 { "only" } else { "last" });
    }
    if let Some((kind, _)) = cx.title_word(s) {
        push("ti", title_tag(kind));
    }
    if (s + 1..e).any(|i| cx.title_word(i).is_some_and(|t| t.0 != TitleKind::Occupation)) {
        push("tin", "");
    }
    if cx.is_demonym(s) {
        push("dm", if n == 1 { "only" } else { "first" });
    }
    if n >= 2 && cx.gaz.demonym(surface).is_some() {
        push("dms", "");
    }
    if n == 1 && first.ends_with('s') && cx.gaz.demonym(&first[..first.len() - 1]).is_some() {
        push("dms", "plural");
    }
    if n >= 2 && cx.cap[s] && cx.is_country(s, s + 1) {
        push("cty", "");
    }
    if let Some((_, kind, _)) = cx.title_before(s) {
        push("tb", title_tag(kind));
    }
    if lexicon::is_reporting_verb(n1) {
        push("rv", "next");
    } else if n1 == "," && (n2 == "who" || lexicon::is_reporting_verb(n2)) {
        push("rv", "comma");
    }
    if after(0).is_some_and(|i| cx.seg.tokens[i].kind == TokenKind::Possessive)
        && (lexicon::is_kin_term(n2) || lexicon::title(n2).is_some())
    {
        push("pk", "");
    }
    if lexicon::is_place_preposition(p1) {
        push("pp", "");
    }
    if lexicon::is_org_head(last) {
        // "Cabinet" alone is a common noun in capitals; "Quill Cabinet" names one
        push("oh", if n == 1 { "alone" } else { "last" });
    }
    if (s..e.saturating_sub(1)).any(|k| lexicon::is_org_head(&lower[k]) && lower[k + 1] == "of") {
        push("ohof", "");
    }
    if lexicon::is_loc_head(last) {
        push("lh", if n == 1 { "alone" } else { "last" });
    }
    if lexicon::is_event_head(last) {
        push("eh", "");
    }
    if lexicon::is_event_prefix(first) {
        push("ep", "");
    }
    if (s..e).any(|i| lexicon::is_calendar_word(&lower[i])) {
        push("cal", "");
    }
    // how it is written
    let letters = surface.chars().filter(|c| c.is_alphabetic()).count();
    if letters >= 2 && surface.chars().all(|c| !c.is_alphabetic() || c.is_uppercase()) {
        push("ac", if n == 1 { "one" } else { "many" });
    }
    if (s..e).any(|i| cx.word(i).chars().skip(1).any(char::is_uppercase) && token_shape(cx, i) == "Xx") {
        push("cc", "");
    }
    if surface.chars().any(|c| c.is_ascii_digit()) {
        push("dg", "");
    }
    if surface.contains('-') {
        push("hy", "");
    }
    if surface.ends_with('.') {
        push("dt", "");
    }
    let name_like_at = |i: Option<usize>| i.is_some_and(|i| cx.cap[i] && cx.word(i) != "I");
    push("mx", &format!("{}{}", u8::from(name_like_at(before(1))), u8::from(name_like_at(after(0)))));
    // the article
    let count = facts.count.get(&key).copied().unwrap_or(0);
    push(
        "dc",
        match count {
            0 | 1 => "1",
            2 => "2",
            3..=5 => "3-5",
            _ => "6+",
        },
    );
    if n == 1 && facts.surnames_of_full.contains(first) {
        push("ds", "");
    }
    if n == 1 && facts.given_of_full.contains(first) {
        push("dgv", "");
    }
    if facts.titled.contains(&key) {
        push("dte", "");
    }
    if facts.after_place_prep.contains(&key) {
        push("dpe", "");
    }
    if cx.capitalised_inside.contains(cx.word(s)) {
        push("ci", "");
    }
    // "Witkoff and Kushner": names joined by a conjunction are often of one kind
    let conj = |i: Option<usize>| i.is_some_and(|i| matches!(lower[i].as_str(), "and" | "or" | "&"));
    let partner = if conj(after(0)) {
        after(1)
    } else if conj(before(1)) {
        before(2)
    } else {
        None
    };
    if let Some(k) = partner.filter(|&k| cx.cap[k]) {
        push("cj", coordinated_kind(cx, k));
    }
    let quote = |i: Option<usize>| i.is_some_and(|i| cx.seg.tokens[i].kind == TokenKind::Quote);
    if quote(before(1)) && quote(after(0)) {
        push("q", "");
    }
    if n == 1 {
        if let Some(head) = facts.acronyms.get(first) {
            push("acr", head);
            push("acr", "");
        }
    }
    if facts.defined.contains(&(s, e)) {
        push("dfa", "");
    }
}

/// What the capitalised word `k`, joined to a candidate by a conjunction, is known as.
fn coordinated_kind(cx: &Context, k: usize) -> &'static str {
    let w = cx.word(k);
    if cx.gaz.place(w).is_some() {
        "place"
    } else if cx.gaz.lookup(w).iter().any(|&id| cx.gaz.entry(id).kind == KbKind::Org) {
        "org"
    } else if cx.is_first_name(k) {
        "given"
    } else if cx.is_surname(k) && !cx.is_common_word(k) {
        "surname"
    } else {
        "other"
    }
}

fn title_tag(kind: TitleKind) -> &'static str {
    match kind {
        TitleKind::Role => "role",
        TitleKind::Honorific => "honorific",
        TitleKind::Occupation => "occupation",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::candidates::candidates;
    use crate::segment::{RuleSegmenter, Segmenter};

    /// The features of the candidate `name` (its first occurrence) in `text`.
    fn features_of(text: &str, name: &str) -> HashSet<Feature> {
        let seg = RuleSegmenter.segment(text);
        let cx = Context::new(text, &seg, gazetteer::get());
        let cands = candidates(&cx);
        let facts = DocFacts::new(&cx, &cands);
        let c = *cands.iter().find(|c| cx.surface(c.start, c.end) == name).unwrap_or_else(|| panic!("no {name:?}"));
        let mut out = Vec::new();
        extract(&cx, &facts, c, &mut out);
        out.into_iter().collect()
    }

    fn assert_fires(text: &str, name: &str, template: &str, value: &str) {
        let f = features_of(text, name);
        assert!(f.contains(&feature(template, value)), "{template}={value} should fire for {name:?} in {text:?}");
    }

    fn assert_silent(text: &str, name: &str, template: &str, value: &str) {
        let f = features_of(text, name);
        assert!(!f.contains(&feature(template, value)), "{template}={value} should not fire for {name:?} in {text:?}");
    }

    #[test]
    fn hashing_is_stable() {
        // the shipped weights are keyed by these ids: they must never change
        assert_eq!(feature("b", ""), 623_230_711_520_673_550);
        assert_ne!(feature("f", "ab"), feature("fa", "b"));
    }

    #[test]
    fn every_template_is_described() {
        let text = "Senator Ada Quill of the Lagos Party said in Paris, who spoke.";
        let _ = features_of(text, "Ada Quill");
        assert!(TEMPLATES.iter().all(|(t, d)| !t.is_empty() && !d.is_empty()));
        assert_eq!(describe("gz"), Some("gazetteer entries the whole name matches (kind, population)"));
    }

    #[test]
    fn words_shape_and_affixes() {
        let text = "They met Ada Quill in Marrowfield.";
        assert_fires(text, "Ada Quill", "f", "ada");
        assert_fires(text, "Ada Quill", "l", "quill");
        assert_fires(text, "Ada Quill", "s", "ada quill");
        assert_fires(text, "Ada Quill", "sh", "Xx Xx");
        assert_fires(text, "Marrowfield", "o", "marrowfield");
        assert_fires(text, "Marrowfield", "s4", "ield");
        assert_fires("The U.N. met.", "U.N.", "dt", "");
        assert_fires("Officials of the PKK met.", "PKK", "ac", "one");
        assert_fires("She used YouTube daily.", "YouTube", "cc", "");
    }

    #[test]
    fn context_words_and_sentence_edges() {
        let text = "Yesterday Ada Quill said it.";
        assert_fires(text, "Ada Quill", "p1", "yesterday");
        assert_fires(text, "Ada Quill", "n1", "said");
        assert_fires(text, "Ada Quill", "rv", "next");
        assert_fires(text, "Yesterday", "p1", "<s>");
        assert_fires("Ada Quill, who spoke, left.", "Ada Quill", "rv", "comma");
        assert_fires("Ada Quill's son left.", "Ada Quill", "pk", "");
        assert_fires("It rained in Marrowfield.", "Marrowfield", "pp", "");
    }

    #[test]
    fn sentence_initial_common_words() {
        // a common word at a sentence start, also written in lower case in the article
        assert_fires("Talks went on. The talks ended.", "Talks", "init", "121");
        assert_fires("Tariffs went up. The tariffs hurt.", "Tariffs", "init", "111");
        // a name inside a sentence
        assert_fires("We saw Zorvath there.", "Zorvath", "init", "000");
    }

    #[test]
    fn gazetteer_with_population_priors() {
        assert_fires("They flew to France.", "France", "gz", "Country");
        assert_fires("They flew to Tokyo.", "Tokyo", "gz", "City>=1M");
        assert_fires("The French Foreign Ministry spoke.", "French Foreign Ministry", "dm", "first");
        assert_fires("US Senator Ada Quill spoke.", "US Senator Ada Quill", "gzf", "Country");
        assert_fires("Ada Quill spoke.", "Ada Quill", "gv", "first");
        assert_fires("Mr Ada Quill spoke.", "Ada Quill", "tb", "honorific");
        assert_fires("Foreign Minister Ada Quill spoke.", "Foreign Minister Ada Quill", "tin", "");
        assert_fires("Americans voted.", "Americans", "dms", "plural");
    }

    #[test]
    fn heads_of_organisations_places_and_events() {
        assert_fires("The Quill Party won.", "Quill Party", "oh", "last");
        assert_fires("He briefed Cabinet.", "Cabinet", "oh", "alone");
        assert_fires("The University of Lagos opened.", "University of Lagos", "ohof", "");
        assert_fires("The Quill River rose.", "Quill River", "lh", "last");
        assert_fires("The Quill Festival began.", "Quill Festival", "eh", "");
        assert_fires("Cyclone Quill hit.", "Cyclone Quill", "ep", "");
        assert_fires("On Monday Quill left.", "Monday Quill", "cal", "");
    }

    #[test]
    fn the_article_as_evidence() {
        let text = "Ada Quill arrived. Later Quill spoke. Senator Quill left.";
        assert_fires(text, "Quill", "ds", "");
        assert_fires(text, "Quill", "dte", "");
        assert_fires(text, "Quill", "dc", "3-5");
        assert_fires(text, "Quill", "ci", "");
        assert_silent("Ada Quill arrived.", "Ada", "ds", "");
        assert_fires("Ada Quill arrived. Ada left.", "Ada", "dgv", "");
        assert_fires("It rained in Marrowfield. Marrowfield flooded.", "Marrowfield", "dpe", "");
        assert_fires("Ada Quill arrived.", "Ada", "mx", "01");
        let text = "The Quill Marine Service (QMS) sailed. Later QMS returned.";
        assert_fires(text, "Quill Marine Service", "dfa", "");
        assert_fires(text, "QMS", "acr", "service");
        assert_silent("The Quill Marine Service (QX) sailed.", "QX", "acr", "");
        assert_fires("He sang “Quill Road” loudly.", "Quill Road", "q", "");
        assert_fires("Zorvath and Kushner flew home.", "Zorvath", "cj", "surname");
        assert_fires("Talks in Lagos and Zorvath ended.", "Zorvath", "cj", "place");
        assert_fires("They met Ada Quill.", "Ada Quill", "mx", "00");
    }
}
