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
    /// Words the article also writes in lower case.
    lowercase_seen: HashSet<&'a str>,
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

/// Prefixes that make adjectives of names ("pro-Beijing", "anti-war").
const ADJECTIVE_PREFIXES: &[&str] = &["anti", "ex", "mid", "neo", "non", "pan", "post", "pre", "pro", "self", "trans"];

/// Adjectives of continents, religions and politics: alone they describe, they do not name.
const ADJECTIVES: &[&str] = &[
    "african",
    "arab",
    "asian",
    "buddhist",
    "catholic",
    "christian",
    "communist",
    "conservative",
    "democrat",
    "democratic",
    "eastern",
    "european",
    "hindu",
    "islamic",
    "jewish",
    "latin",
    "liberal",
    "muslim",
    "nordic",
    "northern",
    "orthodox",
    "protestant",
    "republican",
    "socialist",
    "southern",
    "western",
];

/// Common nouns written with a capital that are not names of entities.
const CAPITALISED_COMMON: &[&str] = &[
    "bible",
    "constitution",
    "earth",
    "god",
    "heaven",
    "hell",
    "internet",
    "koran",
    "moon",
    "net",
    "presidency",
    "quran",
    "sun",
    "universe",
    "web",
];

/// Compass words that start region names ("North America").
const COMPASS: &[&str] =
    &["central", "east", "eastern", "north", "northern", "south", "southeast", "southern", "west", "western"];

/// Continents and their parts that end region names.
const CONTINENTS: &[&str] = &["africa", "america", "americas", "asia", "europe", "oceania", "pacific", "atlantic"];

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
        let mut lowercase_seen = HashSet::new();
        for i in 0..n {
            let word = seg.tokens[i].span.text(text);
            if cap[i] && !initial[i] && !title_case[i] {
                capitalised_inside.insert(word);
            } else if seg.tokens[i].kind == TokenKind::Word && word.starts_with(char::is_lowercase) {
                lowercase_seen.insert(word);
            }
        }
        Self { text, seg, gaz, lower, cap, initial, title_case, capitalised_inside, lowercase_seen }
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
                // a capitalised "In", "On", "I" after a name: a sentence boundary the text did not mark
                if self.is_function_word(j) || self.word(j) == "I" {
                    break;
                }
                // "Washington D.C. Image:": a common word after a dotted abbreviation starts something else
                let prev = self.word(j - 1);
                if prev.len() >= 3
                    && prev.ends_with('.')
                    && self.gaz.is_common_word(&self.lower[j])
                    && self.is_title_word(j).is_none()
                {
                    break;
                }
                j += 1;
                continue;
            }
            // "al-Amr", "bin-Laden": a particle joined to a name
            let word = self.word(j);
            if word
                .split_once('-')
                .is_some_and(|(p, rest)| NAME_PARTICLES.contains(&p) && rest.starts_with(char::is_uppercase))
            {
                j += 1;
                continue;
            }
            let l = self.lower[j].as_str();
            let next_cap = |k: usize| k < limit && self.cap[k];
            let particle = NAME_PARTICLES.contains(&l) && self.is_word(j);
            // "Republican party", "Labour party": a party named by its adjective
            if l == "party"
                && j == i + 1
                && (ADJECTIVES.contains(&self.lower[i].as_str()) || self.gaz.demonym(self.word(i)).is_some())
            {
                j += 1;
                break;
            }
            let joins = (particle || l == "&" || self.possessive_in_name(j, limit)) && next_cap(j + 1);
            if joins {
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

    /// Whether the possessive at `j` is inside a name: "Korean People's Army",
    /// "Women's Hospital" (a common word's possessive, and an organisation or place head after it).
    fn possessive_in_name(&self, j: usize, limit: usize) -> bool {
        if self.seg.tokens[j].kind != TokenKind::Possessive || j == 0 {
            return false;
        }
        let mut e = j + 1;
        while e < limit && self.cap[e] {
            e += 1;
        }
        e > j + 1
            && self.gaz.is_common_word(&self.lower[j - 1])
            && self.lowercase_seen.contains(self.lower[j - 1].as_str())
            && self.gaz.lookup(self.word(j - 1)).is_empty()
            && (lexicon::is_org_head(&self.lower[e - 1]) || lexicon::is_loc_head(&self.lower[e - 1]))
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
                        | "municipality"
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
            // a single capital before a name is an initial ("R Saravanan"), not a word
            let initial_letter = self.word(start).len() == 1 && rest > 0;
            // "Pro-Beijing", "Pan-democrat": a prefixed adjective, not a name
            let prefixed = l.split_once('-').is_some_and(|(p, _)| ADJECTIVE_PREFIXES.contains(&p));
            // "Russian President …", "Senator …", "Foreign Minister …", even at a sentence start
            let title_like = self.is_title_word(start).is_some()
                || (TITLE_MODIFIERS.contains(&l) && (start + 1..end).any(|k| self.is_title_word(k).is_some()));
            if !title_like
                && ((weak_initial && !initial_letter) || (self.is_function_word(start) && rest > 0) || prefixed)
            {
                start += 1;
                continue;
            }
            if rest == 0 {
                break;
            }
            if ends_with_head && !self.is_title_word(start).is_some_and(|t| t.0 != TitleKind::Occupation) {
                break;
            }
            let known_whole = !self
                .gaz
                .lookup(Span::new(self.seg.tokens[start].span.start, self.seg.tokens[end - 1].span.end).text(self.text))
                .is_empty();
            if (self.is_demonym(start) && !known_whole) || title_like {
                start += 1;
                // the title's complement: "Minister of Education …", "Secretary for Health …"
                if title_like && start < end && matches!(self.lower[start].as_str(), "of" | "for") {
                    let mut k = start + 1;
                    while k < end && self.lower[k] == "the" {
                        k += 1;
                    }
                    while k + 1 < end
                        && (self.gaz.is_common_word(&self.lower[k]) || lexicon::is_org_head(&self.lower[k]))
                        && !self.gaz.is_first_name(&self.lower[k])
                    {
                        k += 1;
                    }
                    start = k;
                }
                continue;
            }
            // "US Olga Stefanishyna", "the U.S. Kowalczyk said", "Pennsylvania Senator X":
            // a place, then a person
            let mut split = None;
            for len in 1..=3.min(rest) {
                let next = start + len;
                let country = self.is_country(start, next);
                let place = country || (len == 1 && self.gaz.place(self.word(start)).is_some());
                if !place {
                    continue;
                }
                let dotted = self.word(next - 1).ends_with('.');
                let person_follows = self.is_title_word(next).is_some_and(|t| t.0 != TitleKind::Occupation)
                    || (country && (dotted || self.gaz.is_first_name(&self.lower[next])));
                if person_follows {
                    split = Some(next);
                }
            }
            if let Some(next) = split {
                self.candidate(sentence, start, next, out);
                start = next;
                continue;
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
        if n == 1
            && (self.is_function_word(start)
                || first.len() < 2
                || is_roman_numeral(surface)
                || ADJECTIVES.contains(&first)
                || CAPITALISED_COMMON.contains(&first))
        {
            if n == 1 && first.ends_with('s') && ADJECTIVES.contains(&first.trim_end_matches('s')) {
                // "Republicans", "Muslims": a group
                out.push(Candidate {
                    start,
                    end,
                    sentence,
                    scores: [0.0, 0.0, 0.0, 0.0, 3.0, 0.0],
                    gender: None,
                    title: None,
                });
            }
            return;
        }
        // hyphenated common words ("Carbon-Neutral", "Lesser-known") are not names
        if n == 1
            && first.contains('-')
            && first.split('-').all(|p| self.gaz.is_common_word(p) || lexicon::is_function_word(p))
        {
            return;
        }
        let known = self.gaz.lookup(surface);
        let all_caps = surface.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && surface.chars().all(|c| !c.is_alphabetic() || c.is_uppercase());
        // a shouted common word ("ALL", "UNLESS", "OK") is not an acronym, unless it names a country ("US")
        if n == 1 && all_caps && self.gaz.is_common_word(first) && !self.is_country(start, end) {
            return;
        }
        // nationality words alone are adjectives ("South Korean"), plural ones are groups
        let is_country_name = self.is_country(start, end);
        if n >= 2 && !is_country_name && self.gaz.demonym(surface).is_some() {
            return;
        }
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
        // events: "World Cup", "Lantern Festival", "Cyclone Phailin"
        if (n >= 2 && lexicon::is_event_head(last)) || lexicon::is_event_prefix(first) {
            sc[Ty::None as usize] += 3.5;
        }
        // gazetteer; a small place that shares its name with a common word ("Young", "Pop") counts little
        // (capitals inside a sentence, for a word the article never writes in lower case, mean a name)
        let meaningful_capital =
            !self.initial[start] && !self.title_case[start] && !self.lowercase_seen.contains(first);
        let ordinary = n == 1 && self.gaz.is_common_word(first) && !meaningful_capital;
        // "OK", "PA": a two-letter code names a country ("US", "UK"), not a region or a city
        let code = all_caps && surface.chars().filter(|c| c.is_alphabetic()).count() <= 2;
        for &id in known {
            let e = self.gaz.entry(id);
            if code && e.kind != KbKind::Country {
                continue;
            }
            match e.kind {
                KbKind::Country => sc[Ty::Gpe as usize] += 4.0,
                KbKind::Region => sc[Ty::Gpe as usize] += if ordinary { 0.5 } else { 2.5 },
                KbKind::City => {
                    let w = if e.population >= 1_000_000 {
                        3.0
                    } else if ordinary {
                        0.5
                    } else if e.population >= 100_000 {
                        2.0
                    } else {
                        1.0
                    };
                    sc[Ty::Gpe as usize] = sc[Ty::Gpe as usize].max(w);
                }
                KbKind::Person => sc[Ty::Person as usize] += 4.0,
                KbKind::Org => sc[Ty::Org as usize] += 4.0,
            }
        }
        // "Washington D.C.", "Portland, Ore.": a place and a dotted abbreviation
        if n >= 2 && self.word(end - 1).ends_with('.') && self.word(end - 1).len() <= 5 {
            let rest = Span::new(self.seg.tokens[start].span.start, self.seg.tokens[end - 2].span.end).text(self.text);
            if self.gaz.place(rest).is_some() {
                sc[Ty::Gpe as usize] += 3.0;
            }
        }
        // "North America", "South East Asia"
        if n >= 2 && COMPASS.contains(&first) && CONTINENTS.contains(&last) {
            sc[Ty::Loc as usize] += 3.0;
        }
        // inside the name: given names and surnames, unless an organisation or place head ends it
        // ("Christopher Hill" is a person, "Beverly Hills" a place: a given name before a singular place head wins)
        let place_before_head = n >= 2
            && !self
                .gaz
                .lookup(Span::new(self.seg.tokens[start].span.start, self.seg.tokens[end - 2].span.end).text(self.text))
                .is_empty();
        let headed = lexicon::is_org_head(last)
            || (n >= 2
                && lexicon::is_loc_head(last)
                && (last.ends_with('s') || place_before_head || !self.gaz.is_first_name(first)));
        if n >= 2 && !headed && self.gaz.is_first_name(first) {
            sc[Ty::Person as usize] += 2.0;
        }
        if n >= 2 && !headed && self.gaz.is_surname(last) {
            sc[Ty::Person as usize] += 0.5;
        }
        if n >= 2 && self.word(start + 1).len() == 2 && self.word(start + 1).ends_with('.') {
            sc[Ty::Person as usize] += 1.0; // "Jonathan M. Stan"
        }
        if lexicon::is_org_head(last) {
            sc[Ty::Org as usize] += 3.0;
        }
        if lexicon::is_loc_head(last) && n >= 2 && headed {
            sc[Ty::Loc as usize] += 2.5;
        }
        // "University of …", "Massachusetts Institute of Technology", "Supreme Court of …"
        if (start..end.saturating_sub(1)).any(|k| lexicon::is_org_head(&self.lower[k]) && self.lower[k + 1] == "of") {
            sc[Ty::Org as usize] += 3.0;
        }
        if n == 1 && all_caps {
            sc[Ty::Org as usize] += 2.0;
        }
        // "LibriVox", "YouTube": a capital inside a word
        if n == 1
            && !all_caps
            && surface.chars().skip(1).any(char::is_uppercase)
            && !surface.contains(['-', '\'', '’', '.'])
        {
            sc[Ty::Org as usize] += 1.5;
        }
        let common = |k: usize| self.gaz.is_common_word(&self.lower[k]);
        let person_word = |k: usize| {
            (k == start && self.gaz.is_first_name(&self.lower[k]))
                || (self.gaz.is_surname(&self.lower[k]) && !self.gaz.is_common_word(&self.lower[k]))
        };
        if (2..=4).contains(&n)
            && !headed
            && (start..end).all(|k| self.cap[k] || self.word(k).ends_with('.'))
            && (!common(start) || self.gaz.is_first_name(first))
        {
            sc[Ty::Person as usize] += 0.8;
        }
        // "Tax System", "Training Program": capitalised common words are seldom people
        if n >= 2 && (start..end).all(|k| common(k) && !person_word(k)) {
            sc[Ty::None as usize] += 1.2;
        }
        if n == 1
            && !all_caps
            && (looks_like_surname(first) || (self.gaz.is_surname(first) && !self.gaz.is_common_word(first)))
        {
            sc[Ty::Person as usize] += 0.6;
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
        // "in X", "from X" (not "to X": things are told, given and attributed to people)
        if lexicon::is_place_preposition(before(0)) && before(0) != "to" && sc[Ty::Person as usize] < 1.0 {
            sc[Ty::Gpe as usize] += 1.0;
        }
        // "X news agency", "X website": a common noun that says what the name is
        if matches!(after(0), "agency" | "company" | "firm" | "group" | "network" | "newspaper" | "website" | "channel")
            || (after(0) == "news" && after(1) == "agency")
        {
            sc[Ty::Org as usize] += 2.0;
        }
        // "the Onion", "the Taliban": people seldom take an article
        if n == 1 && before(0) == "the" && !self.initial[start] && sc[Ty::Gpe as usize] < 1.0 {
            sc[Ty::Org as usize] += 1.0;
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
        // a capitalised common word known to nothing: a heading or a concept — unless,
        // inside a sentence, it is also a surname ("Einstein", "Trump")
        let name_inside = meaningful_capital && (self.gaz.is_surname(first) || self.gaz.is_first_name(first));
        if n == 1 && name_inside && sc.iter().all(|&s| s < 1.0) {
            sc[Ty::Person as usize] += 0.6;
        } else if n == 1 && sc.iter().all(|&s| s < 1.0) && self.gaz.is_common_word(first) {
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
        // each candidate's name, normalised once: every map below is keyed by it
        let keys: Vec<String> = candidates
            .iter()
            .map(|c| {
                gazetteer::key(
                    Span::new(self.seg.tokens[c.start].span.start, self.seg.tokens[c.end - 1].span.end).text(self.text),
                )
            })
            .collect();
        let named = || candidates.iter().zip(&keys);
        // surnames and given names of people named in full, from their own evidence
        let mut own: HashMap<&str, Scores> = HashMap::new();
        for (c, k) in named().filter(|(c, _)| c.end - c.start >= 2) {
            let t = own.entry(k).or_insert([0.0; 6]);
            for (a, b) in t.iter_mut().zip(c.scores) {
                *a += b;
            }
        }
        // (a name counts only with evidence of its own: a given name, a title, …;
        // a surname alone is how articles refer back to people, a given name is not)
        let mut person_parts: HashSet<&str> = HashSet::new();
        for (c, k) in named().filter(|(c, _)| c.end - c.start >= 2) {
            let s = &own[k.as_str()];
            if argmax(s) == Ty::Person as usize && s[Ty::Person as usize] >= 2.0 {
                person_parts.insert(self.lower[c.end - 1].as_str());
            }
        }
        // every occurrence of a name adds its evidence to the name's total
        let mut total: HashMap<&str, Scores> = HashMap::new();
        for (c, k) in named() {
            let t = total.entry(k).or_insert([0.0; 6]);
            for (a, b) in t.iter_mut().zip(c.scores) {
                *a += b;
            }
            if c.end - c.start == 1 && person_parts.contains(self.lower[c.start].as_str()) {
                t[Ty::Person as usize] += 3.0;
            }
        }
        // "Witkoff and Kushner": names joined by "and" are of one kind; a name
        // without evidence of its own takes the type of the person beside it
        let mut bonus: HashMap<&str, f32> = HashMap::new();
        for i in 1..candidates.len() {
            let (a, b) = (&candidates[i - 1], &candidates[i]);
            if b.start != a.end + 1 || !matches!(self.lower[a.end].as_str(), "and" | "&" | "or") {
                continue;
            }
            for (x, y) in [(i - 1, i), (i, i - 1)] {
                let (tx, ty) = (total[keys[x].as_str()], total[keys[y].as_str()]);
                let weak = tx.iter().all(|&v| v < 2.0);
                if weak && argmax(&ty) == Ty::Person as usize && ty[Ty::Person as usize] > 0.0 {
                    *bonus.entry(&keys[x]).or_default() += 2.0;
                }
            }
        }
        for (k, b) in bonus {
            if let Some(t) = total.get_mut(k) {
                t[Ty::Person as usize] += b;
            }
        }
        named()
            .map(|(c, k)| {
                let s = total[k.as_str()];
                let best = argmax(&s);
                if s[best] <= 0.0 {
                    return Some(default_type(c));
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

/// The type of a name nothing is known about: several capitalised words are
/// most often a person; a single word that is no one's surname, an organisation.
fn default_type(c: &Candidate) -> EntityType {
    if c.end - c.start >= 2 {
        EntityType::Person
    } else {
        EntityType::Org
    }
}

/// Whether a word is a Roman numeral ("XVII", "II").
fn is_roman_numeral(word: &str) -> bool {
    !word.is_empty() && word.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'D' | 'M')) && word.len() <= 6
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
