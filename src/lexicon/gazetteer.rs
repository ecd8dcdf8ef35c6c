//! Open-data lexicons and the bundled knowledge base, embedded in the binary.
//!
//! Built by `scripts/build_kb.py` from registry packages (sources and licences
//! in `data/README.md`): countries with ISO codes, demonyms and Wikidata ids,
//! first-level regions, cities with population, notable people and
//! organisations, given names, and common English words.
//!
//! Everything is parsed once, on first use, into hash maps keyed by
//! [`key`] (lower case, periods dropped), so a look-up costs one hash of the
//! candidate name and matching stays linear in the length of the text.
//!
//! # Rationale
//! The files are plain TSV embedded with `include_str!`: diffable, rebuildable,
//! and parsed in a few milliseconds (the `link` bench measures start-up), so no
//! precompiled index is needed.

use std::collections::HashMap;
use std::sync::LazyLock;

use rustc_hash::FxHashSet;

const COUNTRIES: &str = include_str!("../../data/kb/countries.tsv");
const REGIONS: &str = include_str!("../../data/kb/regions.tsv");
const CITIES: &str = include_str!("../../data/kb/cities.tsv");
const PEOPLE: &str = include_str!("../../data/kb/people.tsv");
const ORGS: &str = include_str!("../../data/kb/orgs.tsv");
const FIRST_NAMES: &str = include_str!("../../data/lexicon/first_names.txt");
const WORDS: &str = include_str!("../../data/lexicon/words.txt");
const FREQUENT_WORDS: &str = include_str!("../../data/lexicon/frequent_words.txt");
const SURNAMES: &str = include_str!("../../data/lexicon/surnames.txt");

/// What kind of record a knowledge-base entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KbKind {
    /// A sovereign country or territory (ISO 3166-1).
    Country,
    /// A first-level region (ISO 3166-2) or geographic region.
    Region,
    /// A populated place.
    City,
    /// A notable person.
    Person,
    /// An organisation.
    Org,
}

/// One record of the bundled knowledge base.
#[derive(Debug, Clone, PartialEq)]
pub struct KbEntry {
    /// Kind of record.
    pub kind: KbKind,
    /// Preferred English name.
    pub name: String,
    /// ISO 3166-1 alpha-2 code of the country it belongs to (or is).
    pub country: Option<String>,
    /// ISO 3166-2 code of the first-level region a city lies in (or a region's own code).
    pub admin1: Option<String>,
    /// Population, for places.
    pub population: u64,
    /// Wikidata id ("Q30").
    pub wikidata: Option<String>,
    /// GeoNames id.
    pub geonames: Option<String>,
    /// DBpedia resource name.
    pub dbpedia: Option<String>,
    /// Short description (people and organisations).
    pub description: Option<String>,
}

/// Index of an entry in [`Gazetteer::entries`].
pub type KbId = u32;

/// The loaded lexicons and knowledge base.
#[derive(Debug, Default)]
pub struct Gazetteer {
    entries: Vec<KbEntry>,
    /// Every entry by its names; only people and organisations by variant and surname.
    names: NameIndex,
    demonyms: HashMap<String, KbId>,
    country_by_code: HashMap<String, KbId>,
    first_names: WordList,
    surnames: WordList,
    words: WordList,
    frequent_words: WordList,
}

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::bundled);

/// The bundled gazetteer, loaded on first use.
pub fn get() -> &'static Gazetteer {
    &GAZETTEER
}

/// The look-up key of a name: lower case, periods and extra spaces dropped,
/// curly apostrophes made straight ("U.S." → "us", "Côte d’Ivoire" → "côte d'ivoire").
pub fn key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut space = false;
    for c in name.chars() {
        match c {
            '.' => {}
            '’' | 'ʼ' => out.push('\''),
            c if c.is_whitespace() => space = !out.is_empty(),
            c => {
                if space {
                    out.push(' ');
                    space = false;
                }
                out.extend(c.to_lowercase());
            }
        }
    }
    out
}

/// Names indexed the three ways every knowledge base we link against is
/// searched: by [`key`], by [`variant_key`], and, for people named in full, by
/// the [`variant_key`] of the last word. The bundled knowledge base and a
/// user's RDF extract share it, so a name is found the same way in both.
#[derive(Debug, Default)]
pub struct NameIndex {
    by_name: HashMap<String, Vec<KbId>>,
    by_variant: HashMap<String, Vec<KbId>>,
    by_surname: HashMap<String, Vec<KbId>>,
}

impl NameIndex {
    /// Indexes a name of record `id` by its [`key`].
    pub fn add_exact(&mut self, name: &str, id: KbId) {
        push_unique(self.by_name.entry(key(name)).or_default(), id);
    }

    /// Indexes a name of record `id` by its [`variant_key`] and, when the
    /// record is a person named in full, by the last word of the name.
    pub fn add_variant(&mut self, name: &str, id: KbId, person: bool) {
        push_unique(self.by_variant.entry(variant_key(name)).or_default(), id);
        if person && name.contains(' ') {
            if let Some(last) = name.split_whitespace().last() {
                push_unique(self.by_surname.entry(variant_key(last)).or_default(), id);
            }
        }
    }

    /// The records a name (any case) may refer to.
    pub fn exact(&self, name: &str) -> &[KbId] {
        self.by_name.get(&key(name)).map_or(&[], Vec::as_slice)
    }

    /// The records named like `name` up to diacritics and transliteration.
    pub fn variant(&self, name: &str) -> &[KbId] {
        self.by_variant.get(&variant_key(name)).map_or(&[], Vec::as_slice)
    }

    /// The people whose last name is spelled like `word`.
    pub fn surname(&self, word: &str) -> &[KbId] {
        self.by_surname.get(&variant_key(word)).map_or(&[], Vec::as_slice)
    }
}

fn push_unique(ids: &mut Vec<KbId>, id: KbId) {
    if !ids.contains(&id) {
        ids.push(id);
    }
}

/// Latin letters with diacritics and their plain forms, sorted by character.
#[rustfmt::skip]
const FOLD: &[(char, &str)] = &[
    ('ß', "ss"), ('à', "a"), ('á', "a"), ('â', "a"), ('ã', "a"), ('ä', "a"), ('å', "a"), ('æ', "ae"),
    ('ç', "c"), ('è', "e"), ('é', "e"), ('ê', "e"), ('ë', "e"), ('ì', "i"), ('í', "i"), ('î', "i"),
    ('ï', "i"), ('ð', "d"), ('ñ', "n"), ('ò', "o"), ('ó', "o"), ('ô', "o"), ('õ', "o"), ('ö', "o"),
    ('ø', "o"), ('ù', "u"), ('ú', "u"), ('û', "u"), ('ü', "u"), ('ý', "y"), ('þ', "th"), ('ÿ', "y"),
    ('ā', "a"), ('ă', "a"), ('ą', "a"), ('ć', "c"), ('č', "c"), ('ď', "d"), ('đ', "d"), ('ē', "e"),
    ('ė', "e"), ('ę', "e"), ('ě', "e"), ('ğ', "g"), ('ī', "i"), ('į', "i"), ('ı', "i"), ('ķ', "k"),
    ('ļ', "l"), ('ľ', "l"), ('ł', "l"), ('ń', "n"), ('ņ', "n"), ('ň', "n"), ('ō', "o"), ('ő', "o"),
    ('œ', "oe"), ('ř', "r"), ('ś', "s"), ('ş', "s"), ('š', "s"), ('ţ', "t"), ('ť', "t"), ('ū', "u"),
    ('ů', "u"), ('ű', "u"), ('ų', "u"), ('ź', "z"), ('ż', "z"), ('ž', "z"), ('ș', "s"), ('ț', "t"),
];

/// A spelling-tolerant key for personal and organisation names: [`key`], then
/// diacritics dropped, hyphens made spaces, `y` inside a word read as `i`, and
/// doubled letters made single — so the transliterations "Zelenskyy",
/// "Zelensky" and "Zelenskiy", or "Sergei" and "Sergey", share one key.
pub fn variant_key(name: &str) -> String {
    let mut plain = String::with_capacity(name.len());
    for c in key(name).chars() {
        match FOLD.binary_search_by(|(f, _)| f.cmp(&c)) {
            Ok(i) => plain.push_str(FOLD[i].1),
            Err(_) if c == '-' => plain.push(' '),
            Err(_) if c.is_alphanumeric() || c == ' ' => plain.push(c),
            Err(_) => {}
        }
    }
    let mut out = String::with_capacity(plain.len());
    for word in plain.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        let mut last = None;
        for (i, c) in word.chars().enumerate() {
            let c = if c == 'y' && i > 0 { 'i' } else { c };
            if last != Some(c) {
                out.push(c);
            }
            last = Some(c);
        }
    }
    out
}

/// A list of words in look-up form ([`key`]), one a line of a bundled text,
/// held as a hash set of slices of that text (a few milliseconds to load; a
/// look-up is a hash, where a binary search through the text cost the
/// recogniser a third of its time).
#[derive(Debug, Default)]
struct WordList(FxHashSet<&'static str>);

impl WordList {
    fn new(text: &'static str) -> Self {
        Self(text.lines().filter(|l| !l.is_empty()).collect())
    }

    fn contains(&self, word: &str) -> bool {
        self.0.contains(word)
    }
}

/// A word in look-up form, without allocating when it already is.
fn looked_up(word: &str) -> std::borrow::Cow<'_, str> {
    let plain = !word.contains(['.', '’', 'ʼ']) && !word.chars().any(|c| c.is_uppercase() || c.is_whitespace());
    if plain {
        std::borrow::Cow::Borrowed(word)
    } else {
        std::borrow::Cow::Owned(key(word))
    }
}

fn field(cols: &[&str], i: usize) -> Option<String> {
    cols.get(i).map(|s| s.trim()).filter(|s| !s.is_empty()).map(str::to_owned)
}

fn multi<'a>(cols: &[&'a str], i: usize) -> impl Iterator<Item = &'a str> {
    cols.get(i).copied().unwrap_or("").split('|').map(str::trim).filter(|s| !s.is_empty())
}

/// Data rows of a TSV file: header skipped, empty lines ignored.
fn rows(tsv: &str) -> impl Iterator<Item = Vec<&str>> {
    tsv.lines().skip(1).filter(|l| !l.trim().is_empty()).map(|l| l.split('\t').collect())
}

impl Gazetteer {
    /// Parses the embedded data files.
    pub fn bundled() -> Self {
        let mut g = Gazetteer::default();
        // countries: iso2 iso3 name aliases demonyms wikidata geonames dbpedia
        for cols in rows(COUNTRIES) {
            let Some(name) = field(&cols, 2) else { continue };
            let iso2 = field(&cols, 0);
            let id = g.push(
                KbEntry {
                    kind: KbKind::Country,
                    name: name.clone(),
                    country: iso2.clone(),
                    admin1: None,
                    population: u64::MAX,
                    wikidata: field(&cols, 5),
                    geonames: field(&cols, 6),
                    dbpedia: field(&cols, 7),
                    description: None,
                },
                std::iter::once(name.as_str()).chain(multi(&cols, 3)),
            );
            for d in multi(&cols, 4) {
                g.demonyms.entry(key(d)).or_insert(id);
            }
            if let Some(code) = iso2 {
                g.country_by_code.insert(code.to_uppercase(), id);
            }
        }
        // regions: code name aliases country_iso2 type wikidata geonames
        for cols in rows(REGIONS) {
            let Some(name) = field(&cols, 1) else { continue };
            g.push(
                KbEntry {
                    kind: KbKind::Region,
                    name: name.clone(),
                    country: field(&cols, 3),
                    admin1: field(&cols, 0),
                    population: 0,
                    wikidata: field(&cols, 5),
                    geonames: field(&cols, 6),
                    dbpedia: None,
                    description: None,
                },
                std::iter::once(name.as_str()).chain(multi(&cols, 2)),
            );
        }
        // cities: geonames name aliases country_iso2 admin1 population wikidata
        for cols in rows(CITIES) {
            let Some(name) = field(&cols, 1) else { continue };
            g.push(
                KbEntry {
                    kind: KbKind::City,
                    name: name.clone(),
                    country: field(&cols, 3),
                    admin1: field(&cols, 4),
                    population: field(&cols, 5).and_then(|p| p.parse().ok()).unwrap_or(0),
                    wikidata: field(&cols, 6),
                    geonames: field(&cols, 0),
                    dbpedia: None,
                    description: None,
                },
                std::iter::once(name.as_str()).chain(multi(&cols, 2)),
            );
        }
        // people and organisations: wikidata name aliases type country_iso2 description source
        for (tsv, kind) in [(PEOPLE, KbKind::Person), (ORGS, KbKind::Org)] {
            for cols in rows(tsv) {
                let Some(name) = field(&cols, 1) else { continue };
                let id = g.entries.len() as KbId;
                for n in std::iter::once(name.as_str()).chain(multi(&cols, 2)) {
                    g.names.add_variant(n, id, kind == KbKind::Person);
                }
                g.push(
                    KbEntry {
                        kind,
                        name: name.clone(),
                        country: field(&cols, 4),
                        admin1: None,
                        population: 0,
                        wikidata: field(&cols, 0),
                        geonames: None,
                        dbpedia: None,
                        description: field(&cols, 5),
                    },
                    std::iter::once(name.as_str()).chain(multi(&cols, 2)),
                );
            }
        }
        g.first_names = WordList::new(FIRST_NAMES);
        g.words = WordList::new(WORDS);
        g.frequent_words = WordList::new(FREQUENT_WORDS);
        g.surnames = WordList::new(SURNAMES);
        g
    }

    fn push<'a>(&mut self, entry: KbEntry, names: impl Iterator<Item = &'a str>) -> KbId {
        let id = self.entries.len() as KbId;
        self.entries.push(entry);
        for n in names {
            self.names.add_exact(n, id);
        }
        id
    }

    /// All entries.
    pub fn entries(&self) -> &[KbEntry] {
        &self.entries
    }

    /// One entry.
    pub fn entry(&self, id: KbId) -> &KbEntry {
        &self.entries[id as usize]
    }

    /// Every entry a name (any case) may refer to.
    pub fn lookup(&self, name: &str) -> &[KbId] {
        self.names.exact(name)
    }

    /// The people and organisations whose name is spelled like `name` up to
    /// diacritics and transliteration ([`variant_key`]: "Zelensky" and "Zelenskyy").
    pub fn lookup_variant(&self, name: &str) -> &[KbId] {
        self.names.variant(name)
    }

    /// The people whose last name is spelled like `word` ([`variant_key`]).
    pub fn lookup_surname(&self, word: &str) -> &[KbId] {
        self.names.surname(word)
    }

    /// The most prominent place a name may refer to: a country, then a region
    /// or a city of a million people, then the most populous city.
    pub fn place(&self, name: &str) -> Option<KbId> {
        self.lookup(name)
            .iter()
            .copied()
            .filter(|&id| matches!(self.entry(id).kind, KbKind::Country | KbKind::Region | KbKind::City))
            .max_by_key(|&id| {
                let e = self.entry(id);
                match e.kind {
                    KbKind::Country => (3, 0),
                    KbKind::Region => (2, 0),
                    KbKind::City if e.population >= 1_000_000 => (2, e.population),
                    _ => (1, e.population),
                }
            })
    }

    /// The country a demonym or country adjective names ("Ukrainian" → Ukraine).
    pub fn demonym(&self, word: &str) -> Option<KbId> {
        self.demonyms.get(&key(word)).copied()
    }

    /// The country with an ISO 3166-1 alpha-2 code.
    pub fn country(&self, iso2: &str) -> Option<KbId> {
        self.country_by_code.get(&iso2.to_uppercase()).copied()
    }

    /// Whether a word is a known given name.
    pub fn is_first_name(&self, word: &str) -> bool {
        self.first_names.contains(&looked_up(word))
    }

    /// Whether a word is a known surname.
    pub fn is_surname(&self, word: &str) -> bool {
        self.surnames.contains(&looked_up(word))
    }

    /// Whether a lower-case word is a common English word.
    pub fn is_common_word(&self, lower: &str) -> bool {
        self.words.contains(&looked_up(lower))
    }

    /// Whether a lower-case word is one of the 5,000 most frequent common words.
    pub fn is_frequent_word(&self, lower: &str) -> bool {
        self.frequent_words.contains(&looked_up(lower))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_hold_their_lines() {
        let list = WordList::new("alpha\nbeta\ngamma\nzeta\n");
        for w in ["alpha", "beta", "gamma", "zeta"] {
            assert!(list.contains(w), "{w}");
        }
        for w in ["", "a", "alphas", "delta", "zz"] {
            assert!(!list.contains(w), "{w}");
        }
        assert!(!WordList::new("").contains("a"));
        assert!(!WordList::new("\n\n").contains(""));
        assert!(WordList::new("one").contains("one"));
    }

    #[test]
    fn keys_normalise_case_periods_and_apostrophes() {
        assert_eq!(key("U.S."), "us");
        assert_eq!(key("  New   York "), "new york");
        assert_eq!(key("Côte d’Ivoire"), "côte d'ivoire");
    }

    #[test]
    fn variant_keys_join_transliterations() {
        assert_eq!(variant_key("Volodymyr Zelenskyy"), variant_key("Volodymyr Zelensky"));
        assert_eq!(variant_key("Zelenskiy"), variant_key("Zelensky"));
        assert_eq!(variant_key("Sergei Shoigu"), variant_key("Sergey Shoygu"));
        assert_eq!(variant_key("Recep Tayyip Erdoğan"), variant_key("Recep Tayyip Erdogan"));
        assert_eq!(variant_key("Ramos-Horta"), "ramos horta");
        assert_ne!(variant_key("Putin"), variant_key("Pution"));
        assert!(FOLD.windows(2).all(|w| w[0].0 < w[1].0), "FOLD must stay sorted");
    }

    #[test]
    fn people_are_found_by_variant_and_surname() {
        let g = get();
        let name = |ids: &[KbId]| ids.iter().map(|&id| g.entry(id).name.clone()).collect::<Vec<_>>();
        assert_eq!(name(g.lookup_variant("Volodymyr Zelensky")), ["Volodymyr Zelenskyy"]);
        assert_eq!(name(g.lookup_surname("Zelensky")), ["Volodymyr Zelenskyy"]);
    }

    #[test]
    fn bundled_data_answers() {
        let g = get();
        let us = g.place("U.S.").map(|id| g.entry(id).name.clone());
        assert_eq!(us.as_deref(), Some("United States"));
        let ua = g.demonym("Ukrainian").map(|id| g.entry(id).name.clone());
        assert_eq!(ua.as_deref(), Some("Ukraine"));
        assert!(g.is_first_name("Olga"));
        assert!(g.is_common_word("territory"));
        assert!(!g.is_common_word("zelensky"));
    }
}
