//! Stage 2, `recognize`: tokens → mentions (names, pronouns, role nominals).
//!
//! Names are found from capitalisation and typed from evidence, each piece
//! adding to a score per type:
//! - the gazetteer (countries, regions, cities, notable people and organisations);
//! - the words inside the name: a given name first ("Olga …"), an organisation
//!   head last ("… Party", "… Times"), a place head last ("… River");
//! - the words around it: a title before it ("envoy", "Mr."), a reporting
//!   verb after it, a place preposition before it ("in …"), a place noun after
//!   it ("… region").
//!
//! Then every occurrence of the same name in the article gets the type its
//! occurrences agree on, and a single word that is the surname or given name of
//! a person named in full is a person too.
//!
//! # Rationale
//! Sentence-initial and headline words are capitalised whatever they are, so a
//! capitalised common word ("Territory", "Talks") counts as a name there only
//! if the article also capitalises it elsewhere, or the gazetteer knows it.

use std::collections::{HashMap, HashSet};

use crate::lexicon::gazetteer::{self, Gazetteer, KbKind};
use crate::lexicon::{self, TitleKind};
use crate::model::{EntityType, Gender, Mention, MentionKind, Segmentation, Span, TokenKind};

/// Finds the mentions in a segmented text.
pub trait Recognizer: Send + Sync {
    /// Mentions in text order.
    fn recognize(&self, text: &str, seg: &Segmentation) -> Vec<Mention>;
}

/// The default recogniser: capitalisation, gazetteer and context rules.
#[derive(Debug, Clone, Copy)]
pub struct RuleRecognizer {
    gazetteer: &'static Gazetteer,
}

impl Default for RuleRecognizer {
    fn default() -> Self {
        Self { gazetteer: gazetteer::get() }
    }
}

impl Recognizer for RuleRecognizer {
    fn recognize(&self, text: &str, seg: &Segmentation) -> Vec<Mention> {
        let cx = Context::new(text, seg, self.gazetteer);
        let mut candidates = Vec::new();
        for (si, sentence) in seg.sentences.iter().enumerate() {
            let mut i = sentence.tokens.start;
            while i < sentence.tokens.end {
                if cx.starts_run(i) {
                    let end = cx.run_end(i, sentence.tokens.end);
                    cx.split_run(si, i, end, &mut candidates);
                    i = end;
                } else {
                    i += 1;
                }
            }
        }
        let types = cx.agree(&candidates);
        let mut mentions: Vec<Mention> = candidates
            .iter()
            .zip(types)
            .filter_map(|(c, t)| {
                let etype = t?;
                Some(Mention {
                    span: Span::new(seg.tokens[c.start].span.start, seg.tokens[c.end - 1].span.end),
                    tokens: c.start..c.end,
                    sentence: c.sentence,
                    kind: MentionKind::Name,
                    etype,
                    gender: c.gender,
                    title: c.title,
                })
            })
            .collect();
        cx.pronouns_and_nominals(&mut mentions);
        mentions.sort_by_key(|m| (m.span.start, m.span.end));
        mentions
    }
}

/// Scores per type, indexed by [`Ty`].
type Scores = [f32; 6];

#[derive(Clone, Copy)]
enum Ty {
    Person = 0,
    Org = 1,
    Gpe = 2,
    Loc = 3,
    Norp = 4,
    None = 5,
}

const TYPES: [Option<EntityType>; 6] = [
    Some(EntityType::Person),
    Some(EntityType::Org),
    Some(EntityType::Gpe),
    Some(EntityType::Loc),
    Some(EntityType::Norp),
    None,
];

/// A name candidate before types agree across the article.
#[derive(Debug, Clone)]
struct Candidate {
    start: usize,
    end: usize,
    sentence: usize,
    scores: Scores,
    gender: Option<Gender>,
    title: Option<Span>,
}

/// Per-token facts computed once per document.
struct Context<'a> {
    text: &'a str,
    seg: &'a Segmentation,
    gaz: &'a Gazetteer,
    lower: Vec<String>,
    cap: Vec<bool>,
    /// First word of its sentence, or first after an opening quote, colon or dash.
    initial: Vec<bool>,
    title_case: Vec<bool>,
    /// Words the article capitalises where capitals say something (not sentence-initial).
    capitalised_inside: HashSet<&'a str>,
}

/// Lower-case particles that may sit inside a person's name.
const NAME_PARTICLES: &[&str] =
    &["al", "bin", "da", "de", "del", "della", "der", "di", "dos", "du", "ibn", "la", "le", "van", "von"];

/// Capitalised words that build titles ("Foreign Minister", "Prime Minister").
const TITLE_MODIFIERS: &[&str] = &[
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
    "interior",
    "interim",
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

/// Plural nouns for religious and political groups (NORP).
const GROUP_NAMES: &[&str] = &[
    "buddhists",
    "catholics",
    "christians",
    "conservatives",
    "democrats",
    "evangelicals",
    "hindus",
    "jews",
    "liberals",
    "muslims",
    "protestants",
    "republicans",
    "shiites",
    "sikhs",
    "socialists",
    "sunnis",
];

impl<'a> Context<'a> {
    fn new(text: &'a str, seg: &'a Segmentation, gaz: &'a Gazetteer) -> Self {
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
        for p in &seg.paragraphs {
            for s in &seg.sentences[p.sentences.clone()] {
                let mut at_start = true;
                for i in s.tokens.clone() {
                    title_case[i] = p.title_case;
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
        for i in 0..n {
            if cap[i] && !initial[i] && !title_case[i] {
                capitalised_inside.insert(seg.tokens[i].span.text(text));
            }
        }
        Self { text, seg, gaz, lower, cap, initial, title_case, capitalised_inside }
    }

    fn word(&self, i: usize) -> &'a str {
        self.seg.tokens[i].span.text(self.text)
    }

    fn is_word(&self, i: usize) -> bool {
        self.seg.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word)
    }

    /// Whether token `i` is a function word (an acronym such as "US" or "IT" is not).
    fn is_function_word(&self, i: usize) -> bool {
        let w = self.word(i);
        lexicon::is_function_word(&self.lower[i]) && !(w.len() >= 2 && w.chars().all(|c| c.is_uppercase()))
    }

    fn starts_run(&self, i: usize) -> bool {
        self.cap[i] && self.word(i) != "I"
    }

    /// End (exclusive) of the run of name-like tokens that starts at `i`.
    fn run_end(&self, i: usize, limit: usize) -> usize {
        let mut j = i + 1;
        while j < limit {
            if self.cap[j] {
                j += 1;
                continue;
            }
            let l = self.lower[j].as_str();
            let next_cap = |k: usize| k < limit && self.cap[k];
            let particle = NAME_PARTICLES.contains(&l) && self.is_word(j);
            if (particle || l == "&") && next_cap(j + 1) {
                j += 2;
            } else if (l == "of" || l == "for") && self.takes_of(j - 1) {
                if next_cap(j + 1) {
                    j += 2;
                } else if j + 2 < limit && self.lower[j + 1] == "the" && next_cap(j + 2) {
                    j += 3;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        j
    }

    /// Whether a capitalised word may be followed by "of …" inside one name
    /// ("University of Oxford", "Gulf of Mexico", "Republic of Korea").
    fn takes_of(&self, i: usize) -> bool {
        let l = self.lower[i].as_str();
        self.cap[i]
            && (lexicon::is_org_head(l)
                || lexicon::is_loc_head(l)
                || matches!(
                    l,
                    "republic"
                        | "kingdom"
                        | "states"
                        | "city"
                        | "commonwealth"
                        | "museum"
                        | "isle"
                        | "bank"
                        | "minister"
                        | "secretary"
                        | "duke"
                        | "duchess"
                        | "prince"
                        | "princess"
                ))
    }

    fn is_title_word(&self, i: usize) -> Option<(TitleKind, Option<Gender>)> {
        let l = self.lower[i].as_str();
        lexicon::title(l).or_else(|| {
            // plural: "officers", "envoys", "ministers"
            l.strip_suffix('s').and_then(lexicon::title)
        })
    }

    fn is_demonym(&self, i: usize) -> bool {
        self.cap[i] && self.gaz.demonym(self.word(i)).is_some()
    }

    fn is_country(&self, start: usize, end: usize) -> bool {
        let span = Span::new(self.seg.tokens[start].span.start, self.seg.tokens[end - 1].span.end);
        self.gaz.lookup(span.text(self.text)).iter().any(|&id| self.gaz.entry(id).kind == KbKind::Country)
    }

    /// Splits a run of capitalised tokens into name candidates, peeling off
    /// titles, nationality adjectives and leading common words.
    fn split_run(&self, sentence: usize, start: usize, end: usize, out: &mut Vec<Candidate>) {
        // calendar words never belong to a name: split around them
        let mut s = start;
        for i in start..end {
            if lexicon::is_calendar_word(&self.lower[i]) && !(i > start && self.lower[i] == "may") {
                if s < i {
                    self.peel(sentence, s, i, out);
                }
                s = i + 1;
            }
        }
        if s < end {
            self.peel(sentence, s, end, out);
        }
    }

    fn peel(&self, sentence: usize, mut start: usize, end: usize, out: &mut Vec<Candidate>) {
        let ends_with_head = {
            let l = self.lower[end - 1].as_str();
            lexicon::is_org_head(l) || lexicon::is_loc_head(l)
        };
        loop {
            if start >= end {
                return;
            }
            let l = self.lower[start].as_str();
            let rest = end - start - 1;
            // a leading function word or capitalised common word at a sentence start
            let weak_initial = (self.initial[start] || self.title_case[start])
                && !self.capitalised_inside.contains(self.word(start))
                && (self.is_function_word(start)
                    || (self.gaz.is_common_word(l)
                        && !self.gaz.is_first_name(l)
                        && self.gaz.lookup(self.word(start)).is_empty()));
            if weak_initial || l == "the" {
                start += 1;
                continue;
            }
            if rest == 0 {
                break;
            }
            if ends_with_head && !self.is_title_word(start).is_some_and(|t| t.0 != TitleKind::Occupation) {
                break;
            }
            // "Russian President …", "Senator …", "Foreign Minister …"
            let title_like = self.is_title_word(start).is_some()
                || (TITLE_MODIFIERS.contains(&l) && (start + 1..end).any(|k| self.is_title_word(k).is_some()));
            if self.is_demonym(start) || title_like {
                start += 1;
                continue;
            }
            // "US Olga Stefanishyna", "the U.S. Kowalczyk said": a country, then a person
            if self.is_country(start, start + 1) {
                let next = start + 1;
                let dotted = self.word(start).ends_with('.');
                if dotted || self.is_title_word(next).is_some() || self.gaz.is_first_name(&self.lower[next]) {
                    self.candidate(sentence, start, start + 1, out);
                    start += 1;
                    continue;
                }
            }
            break;
        }
        // trailing title words are not part of a name
        let mut end = end;
        while end > start + 1 && self.is_title_word(end - 1).is_some_and(|t| t.0 != TitleKind::Occupation) {
            end -= 1;
        }
        if start < end {
            self.candidate(sentence, start, end, out);
        }
    }

    /// Scores one candidate name `[start, end)`.
    fn candidate(&self, sentence: usize, start: usize, end: usize, out: &mut Vec<Candidate>) {
        let n = end - start;
        let first = self.lower[start].as_str();
        let last = self.lower[end - 1].as_str();
        let surface = Span::new(self.seg.tokens[start].span.start, self.seg.tokens[end - 1].span.end).text(self.text);
        let mut sc: Scores = [0.0; 6];
        let mut gender = None;
        if n == 1 && (self.is_function_word(start) || first.len() < 2) {
            return;
        }
        // nationality words alone are adjectives, plural ones are groups
        let is_country_name = self.is_country(start, end);
        if n == 1 && !is_country_name && self.gaz.demonym(surface).is_some() {
            let plural = first.ends_with('s') && self.gaz.demonym(first.trim_end_matches('s')).is_some();
            if plural || first.ends_with("ians") || first.ends_with("ans") {
                sc[Ty::Norp as usize] += 3.0;
            } else {
                return;
            }
        }
        if n == 1 && GROUP_NAMES.contains(&first) {
            sc[Ty::Norp as usize] += 3.0;
        }
        // gazetteer
        for &id in self.gaz.lookup(surface) {
            let e = self.gaz.entry(id);
            match e.kind {
                KbKind::Country => sc[Ty::Gpe as usize] += 4.0,
                KbKind::Region => sc[Ty::Gpe as usize] += 2.5,
                KbKind::City => {
                    let w = if e.population >= 1_000_000 {
                        3.0
                    } else if e.population >= 100_000 {
                        2.0
                    } else {
                        1.2
                    };
                    sc[Ty::Gpe as usize] = sc[Ty::Gpe as usize].max(w);
                }
                KbKind::Person => sc[Ty::Person as usize] += 4.0,
                KbKind::Org => sc[Ty::Org as usize] += 4.0,
            }
        }
        // inside the name
        if n >= 2 && self.gaz.is_first_name(first) {
            sc[Ty::Person as usize] += 2.0;
        }
        if n >= 2 && self.word(start + 1).len() == 2 && self.word(start + 1).ends_with('.') {
            sc[Ty::Person as usize] += 1.0; // "Jonathan M. Stan"
        }
        if lexicon::is_org_head(last) {
            sc[Ty::Org as usize] += 3.0;
        }
        if lexicon::is_loc_head(last) && n >= 2 {
            sc[Ty::Loc as usize] += 3.0;
        }
        if (start..end).any(|k| self.lower[k] == "of") && lexicon::is_org_head(first) {
            sc[Ty::Org as usize] += 3.0;
        }
        let acronym = n == 1
            && surface.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && surface.chars().all(|c| c.is_uppercase() || c == '.' || c == '&');
        if acronym {
            sc[Ty::Org as usize] += 1.5;
        }
        if (2..=4).contains(&n) && (start..end).all(|k| self.cap[k] || self.word(k).ends_with('.')) {
            sc[Ty::Person as usize] += 0.8;
        }
        if n == 1 && looks_like_surname(first) {
            sc[Ty::Person as usize] += 0.5;
        }
        // around the name: a title or occupation just before
        let tokens = &self.seg.tokens;
        let title = self.title_before(start);
        if let Some((_, kind, g)) = title {
            let w = match kind {
                TitleKind::Role | TitleKind::Honorific => 3.0,
                TitleKind::Occupation => 2.0,
            };
            sc[Ty::Person as usize] += w;
            gender = g;
        }
        let after = |k: usize| self.lower.get(end + k).map(String::as_str).unwrap_or("");
        let before = |k: usize| start.checked_sub(k + 1).map(|i| self.lower[i].as_str()).unwrap_or("");
        if lexicon::is_reporting_verb(after(0))
            || (after(0) == "," && (after(1) == "who" || lexicon::is_reporting_verb(after(1))))
        {
            sc[Ty::Person as usize] += 1.0;
        }
        if matches!(tokens.get(end).map(|t| t.kind), Some(TokenKind::Possessive))
            && (lexicon::is_kin_term(after(1)) || lexicon::title(after(1)).is_some())
        {
            sc[Ty::Person as usize] += 1.0;
        }
        if lexicon::is_place_preposition(before(0)) && sc[Ty::Person as usize] < 1.0 {
            sc[Ty::Gpe as usize] += 1.0;
        }
        if matches!(
            after(0),
            "area" | "region" | "province" | "district" | "oblast" | "state" | "county" | "territory" | "valley"
        ) {
            sc[Ty::Loc as usize] += 2.0;
        }
        if matches!(after(0), "city" | "town" | "village" | "capital") {
            sc[Ty::Gpe as usize] += 2.0;
        }
        // "Brooklyn, New York": a place before a known place
        if after(0) == ","
            && end + 1 < tokens.len()
            && self.cap[end + 1]
            && self.gaz.place(self.word(end + 1)).is_some()
            && sc[Ty::Person as usize] < 2.0
        {
            sc[Ty::Gpe as usize] += 1.5;
        }
        // a capitalised common word inside a sentence and known to nothing: a heading or concept
        if n == 1 && sc.iter().all(|&s| s < 1.0) && self.gaz.is_common_word(first) {
            sc[Ty::None as usize] += 1.0;
        }
        out.push(Candidate { start, end, sentence, scores: sc, gender, title: title.map(|t| t.0) });
    }

    /// A title phrase just before token `start`: `(PLACE)? (MODIFIER)* TITLE ((to|of|for) (the)? PLACE)?`,
    /// such as "US special envoy", "Ukrainian Ambassador to the US", "Russian President".
    fn title_before(&self, start: usize) -> Option<(Span, TitleKind, Option<Gender>)> {
        let sentence_start = self.seg.sentences[self.seg.sentence_at(self.seg.tokens[start].span.start)].tokens.start;
        let lo = start.saturating_sub(9).max(sentence_start);
        // the first start that matches gives the longest phrase
        (lo..start).find_map(|k| {
            let (_, kind, gender) = self.match_title(k, start)?;
            let span = Span::new(self.seg.tokens[k].span.start, self.seg.tokens[start - 1].span.end);
            Some((span, kind, gender))
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
            if let Some((kind, g)) = self.is_title_word(i) {
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

    /// Types agreed across the article, one per candidate (`None`: not a name).
    fn agree(&self, candidates: &[Candidate]) -> Vec<Option<EntityType>> {
        let key = |c: &Candidate| {
            gazetteer::key(
                Span::new(self.seg.tokens[c.start].span.start, self.seg.tokens[c.end - 1].span.end).text(self.text),
            )
        };
        let mut total: HashMap<String, Scores> = HashMap::new();
        for c in candidates {
            let t = total.entry(key(c)).or_insert([0.0; 6]);
            for (a, b) in t.iter_mut().zip(c.scores) {
                *a += b;
            }
        }
        // surnames and given names of people named in full
        let mut person_parts: HashSet<String> = HashSet::new();
        for c in candidates {
            if c.end - c.start >= 2 && argmax(&total[&key(c)]) == Ty::Person as usize {
                person_parts.insert(self.lower[c.end - 1].clone());
                person_parts.insert(self.lower[c.start].clone());
            }
        }
        candidates
            .iter()
            .map(|c| {
                let mut s = total[&key(c)];
                if c.end - c.start == 1 && person_parts.contains(&self.lower[c.start]) {
                    s[Ty::Person as usize] += 3.0;
                }
                let best = argmax(&s);
                if s[best] <= 0.0 {
                    // nothing known: a multi-word capitalised name is most often a
                    // person; a single word most often a place or an organisation
                    return Some(default_type(self, c));
                }
                TYPES[best]
            })
            .collect()
    }

    /// Adds pronoun mentions (he, she, …) and role nominals ("the Russian president").
    fn pronouns_and_nominals(&self, mentions: &mut Vec<Mention>) {
        let taken: HashSet<usize> = mentions.iter().flat_map(|m| m.tokens.clone()).collect();
        for (si, s) in self.seg.sentences.iter().enumerate() {
            for i in s.tokens.clone() {
                if taken.contains(&i) || !self.is_word(i) {
                    continue;
                }
                let l = self.lower[i].as_str();
                if let Some(g) = lexicon::pronoun_gender(l) {
                    mentions.push(Mention {
                        span: self.seg.tokens[i].span,
                        tokens: i..i + 1,
                        sentence: si,
                        kind: MentionKind::Pronoun,
                        etype: EntityType::Person,
                        gender: Some(g),
                        title: None,
                    });
                    continue;
                }
                // "the [Russian] president" not followed by a name
                if l == "the" && i + 1 < s.tokens.end {
                    let mut j = i + 1;
                    if self.is_demonym(j) || (self.cap[j] && self.is_country(j, j + 1)) {
                        j += 1;
                    }
                    while j < s.tokens.end && TITLE_MODIFIERS.contains(&self.lower[j].as_str()) {
                        j += 1;
                    }
                    if j < s.tokens.end && !taken.contains(&j) {
                        if let Some((TitleKind::Role, g)) = lexicon::title(&self.lower[j]) {
                            let followed_by_name = j + 1 < s.tokens.end && self.cap[j + 1];
                            if !followed_by_name {
                                let span = Span::new(self.seg.tokens[i + 1].span.start, self.seg.tokens[j].span.end);
                                mentions.push(Mention {
                                    span,
                                    tokens: i + 1..j + 1,
                                    sentence: si,
                                    kind: MentionKind::Nominal,
                                    etype: EntityType::Person,
                                    gender: g,
                                    title: Some(span),
                                });
                            }
                        }
                    }
                }
            }
        }
    }
}

fn argmax(s: &Scores) -> usize {
    let mut best = 0;
    for i in 1..s.len() {
        if s[i] > s[best] {
            best = i;
        }
    }
    best
}

fn default_type(cx: &Context<'_>, c: &Candidate) -> EntityType {
    if c.end - c.start >= 2 {
        EntityType::Person
    } else if cx.lower[c.start].chars().count() <= 4 {
        EntityType::Org
    } else {
        EntityType::Person
    }
}

/// Endings common in surnames across Slavic, Germanic, Romance and other naming traditions.
fn looks_like_surname(lower: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "ov", "ova", "ev", "eva", "enko", "sky", "ski", "ska", "vich", "vych", "wicz", "son", "sen", "ez", "yan",
        "ian", "oglu", "escu", "ini", "elli", "stein", "berg", "mann",
    ];
    lower.chars().count() >= 4 && ENDINGS.iter().any(|e| lower.ends_with(e))
}

fn is_opening(text: &str, seg: &Segmentation, i: usize) -> bool {
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
    use crate::segment::{RuleSegmenter, Segmenter};

    fn names(text: &str) -> Vec<(String, EntityType)> {
        let seg = RuleSegmenter.segment(text);
        RuleRecognizer::default()
            .recognize(text, &seg)
            .into_iter()
            .filter(|m| m.kind == MentionKind::Name)
            .map(|m| (m.span.text(text).to_owned(), m.etype))
            .collect()
    }

    fn assert_names(text: &str, expected: &[(&str, EntityType)]) {
        let got = names(text);
        let want: Vec<(String, EntityType)> = expected.iter().map(|(s, t)| ((*s).to_owned(), *t)).collect();
        assert_eq!(got, want, "names in {text:?}");
    }

    use EntityType::*;

    #[test]
    fn titles_and_nationalities_are_peeled() {
        assert_names(
            "Russian President Vladimir Putin met US special envoy Steve Witkoff in Moscow.",
            &[("Vladimir Putin", Person), ("US", Gpe), ("Steve Witkoff", Person), ("Moscow", Gpe)],
        );
        assert_names(
            "Ukrainian Ambassador to the US Olga Stefanishyna spoke.",
            &[("US", Gpe), ("Olga Stefanishyna", Person)],
        );
    }

    #[test]
    fn sentence_initial_common_words_are_not_names() {
        assert_names("Territory remains a question for Ukraine.", &[("Ukraine", Gpe)]);
        assert_names("Talks ended in Miami.", &[("Miami", Gpe)]);
    }

    #[test]
    fn surnames_follow_full_names() {
        assert_names(
            "Hanna Kowalczyk arrived. Kowalczyk said the plan works.",
            &[("Hanna Kowalczyk", Person), ("Kowalczyk", Person)],
        );
    }

    #[test]
    fn organisations_from_heads() {
        assert_names(
            "She joined the University of Lagos and later Acme Holdings.",
            &[("University of Lagos", Org), ("Acme Holdings", Org)],
        );
    }

    #[test]
    fn title_spans_are_recorded() {
        let text = "Ukrainian Ambassador to the US Olga Stefanishyna stated.";
        let seg = RuleSegmenter.segment(text);
        let ms = RuleRecognizer::default().recognize(text, &seg);
        let olga = ms.iter().find(|m| m.span.text(text) == "Olga Stefanishyna").expect("a mention");
        assert_eq!(olga.title.map(|t| t.text(text)), Some("Ukrainian Ambassador to the US"));
    }

    #[test]
    fn pronouns_and_role_nominals() {
        let text = "He met the Russian president.";
        let seg = RuleSegmenter.segment(text);
        let ms = RuleRecognizer::default().recognize(text, &seg);
        let kinds: Vec<_> = ms.iter().map(|m| (m.span.text(text), m.kind)).collect();
        assert_eq!(kinds, [("He", MentionKind::Pronoun), ("Russian president", MentionKind::Nominal)]);
    }
}
