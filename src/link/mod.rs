//! Stage 5, `link`: entities → records of external datasets (Wikidata,
//! GeoNames, DBpedia).
//!
//! A [`KbLinker`] asks one or more [`KnowledgeBase`]s for the records a name
//! may refer to ([`Candidate`]s) and [`choose`]s one with the same rules for
//! every source:
//!
//! - **type**: a candidate's kind must fit the entity type (a person is not
//!   linked to a city); a name the recogniser typed wrongly ("Wikinews" as a
//!   person) may still link to an organisation or country when nothing in the
//!   article marks it as a person (no title, pronoun or given name);
//! - **names**: every name the article uses, longest first; exact names and
//!   aliases, then spellings that differ only in transliteration
//!   ("Zelensky"/"Zelenskyy", [`gazetteer::variant_key`]); a bare surname
//!   ("Putin") only when one known person has it *and* the article names that
//!   person's country;
//! - **context**: the countries and regions the article names (a "Paris" next
//!   to "Texas" is Paris, Texas), demonyms included ("Ukrainian officials");
//! - **popularity**: a country before a region before a city, and a city of
//!   many people before a small one;
//! - **NIL**: when two candidates are close and nothing tells them apart, the
//!   entity stays unlinked. Precision comes before recall.
//!
//! Sources: the bundled knowledge base ([`BundledKb`], always last), a user's
//! own RDF extract ([`user::UserKb`]) and a SPARQL endpoint
//! ([`endpoint::EndpointKb`]). [`identity`] then decides which node of the
//! store an entity is, across articles, and [`events`] which event node an
//! event is.
//!
//! # Rationale
//! Disambiguation lives in one function over plain [`Candidate`] values, so
//! the bundled base, a user's dump and Wikidata itself are judged alike and a
//! new source only has to produce candidates.

pub mod endpoint;
pub mod events;
pub mod identity;
pub mod relink;
pub mod user;

use std::collections::{HashMap, HashSet};

use crate::lexicon::gazetteer::{self, Gazetteer, KbKind};
use crate::lexicon::{self};
use crate::model::{Analysis, Document, Entity, EntityType, Link, MentionKind};

/// Links the entities of an analysis.
pub trait Linker: Send + Sync {
    /// Sets `link` on the entities it can identify.
    fn link(&self, doc: &Document, analysis: &mut Analysis);
}

/// What kind of thing a candidate record is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A person.
    Person,
    /// An organisation.
    Org,
    /// A sovereign country or territory.
    Country,
    /// A first-level region or a geographic region.
    Region,
    /// A populated place.
    City,
    /// Another place (a user's record typed only as a place).
    Place,
    /// Unknown: the source gives no usable type.
    Unknown,
}

impl Kind {
    fn is_place(self) -> bool {
        matches!(self, Kind::Country | Kind::Region | Kind::City | Kind::Place)
    }
}

impl From<KbKind> for Kind {
    fn from(k: KbKind) -> Self {
        match k {
            KbKind::Country => Kind::Country,
            KbKind::Region => Kind::Region,
            KbKind::City => Kind::City,
            KbKind::Person => Kind::Person,
            KbKind::Org => Kind::Org,
        }
    }
}

/// How a name matched a candidate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Match {
    /// Only the last name matched ("Putin" → Vladimir Putin).
    Surname,
    /// The spelling differs in diacritics or transliteration.
    Variant,
    /// The name or an alias, up to case and periods.
    Exact,
}

/// A record a name may refer to, from any source.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// Its preferred label.
    pub label: String,
    /// What it is.
    pub kind: Kind,
    /// Wikidata id ("Q7747").
    pub wikidata: Option<String>,
    /// GeoNames id.
    pub geonames: Option<String>,
    /// DBpedia resource name.
    pub dbpedia: Option<String>,
    /// ISO 3166-1 alpha-2 code of its country.
    pub country: Option<String>,
    /// ISO 3166-2 code of its first-level region.
    pub admin1: Option<String>,
    /// Population, for places (0 when unknown).
    pub population: u64,
    /// How the name matched.
    pub matched: Match,
}

impl Candidate {
    /// How prominent a place is by default (higher first): a country, then a
    /// region or a city of a million people (the city of a city-state region
    /// such as Moscow or Taipei is what news means), then other cities.
    fn rank(&self) -> u8 {
        match self.kind {
            Kind::Country => 4,
            Kind::Region => 3,
            Kind::City | Kind::Place if self.population >= 1_000_000 => 3,
            Kind::City | Kind::Place => 1,
            _ => 0,
        }
    }

    /// The id that tells two candidates apart.
    fn id(&self) -> (&Option<String>, &Option<String>, &Option<String>) {
        (&self.wikidata, &self.geonames, &self.dbpedia)
    }

    fn has_id(&self) -> bool {
        self.wikidata.is_some() || self.geonames.is_some() || self.dbpedia.is_some()
    }
}

/// A source of candidates.
pub trait KnowledgeBase: Send + Sync {
    /// What links made from this source are called ("bundled-kb", "user-kb", "endpoint").
    fn method(&self) -> &str;
    /// The records `name` may refer to; with `surname`, `name` is one word that
    /// may be a person's last name.
    fn candidates(&self, name: &str, surname: bool) -> Vec<Candidate>;
}

impl<T: KnowledgeBase + ?Sized> KnowledgeBase for std::sync::Arc<T> {
    fn method(&self) -> &str {
        (**self).method()
    }

    fn candidates(&self, name: &str, surname: bool) -> Vec<Candidate> {
        (**self).candidates(name, surname)
    }
}

/// What the article says around an entity: the countries and regions it names.
#[derive(Debug, Default, Clone)]
pub struct Context {
    /// ISO 3166-1 alpha-2 codes of the countries named (or named by a demonym).
    pub countries: HashSet<String>,
    /// ISO 3166-2 codes of the first-level regions named.
    pub regions: HashSet<String>,
}

impl Context {
    /// The countries and regions of an article, read from its place names
    /// (only the unambiguous ones: a country, or the one region of that name),
    /// its group names and the nationality words of its titles.
    pub fn of(doc: &Document, a: &Analysis, g: &Gazetteer) -> Self {
        let names = a.entities.iter().flat_map(|e| {
            a.name_mentions_of(e)
                .map(|m| m.span.text(&doc.text))
                .chain(std::iter::once(e.name.as_str()))
                .map(move |n| (e.etype, n))
        });
        let mut ctx = Self::from_names(names, g);
        for m in &a.mentions {
            let Some(t) = m.title else { continue };
            for w in t.text(&doc.text).split_whitespace() {
                if let Some(id) = g.demonym(w) {
                    ctx.countries.extend(g.entry(id).country.clone());
                }
            }
        }
        ctx
    }

    /// The countries and regions named by typed entity names.
    pub fn from_names<'a>(names: impl Iterator<Item = (EntityType, &'a str)>, g: &Gazetteer) -> Self {
        let mut ctx = Context::default();
        for (etype, n) in names {
            match etype {
                EntityType::Gpe | EntityType::Loc => {
                    let ids: Vec<_> = g
                        .lookup(n)
                        .iter()
                        .copied()
                        .filter(|&id| matches!(g.entry(id).kind, KbKind::Country | KbKind::Region))
                        .collect();
                    if let Some(&id) = ids.iter().find(|&&id| g.entry(id).kind == KbKind::Country) {
                        ctx.countries.extend(g.entry(id).country.clone());
                    } else if let [id] = ids.as_slice() {
                        let r = g.entry(*id);
                        ctx.regions.extend(r.admin1.clone());
                        ctx.countries.extend(r.country.clone());
                    }
                }
                EntityType::Norp => {
                    if let Some(id) = g.demonym(n) {
                        ctx.countries.extend(g.entry(id).country.clone());
                    }
                }
                _ => {}
            }
        }
        ctx
    }

    /// Whether a candidate (not itself a region) lies in a region the article names.
    fn in_region(&self, c: &Candidate) -> bool {
        c.kind != Kind::Region && c.admin1.as_ref().is_some_and(|r| self.regions.contains(r))
    }

    /// Whether a candidate (not itself a country) belongs to a country the article names.
    fn in_country(&self, c: &Candidate) -> bool {
        c.kind != Kind::Country && c.country.as_ref().is_some_and(|k| self.countries.contains(k))
    }
}

/// ISO 3166-1 codes of the bundled countries, by Wikidata id: how a record
/// that names its country by Wikidata id gets the code [`Context`] compares.
fn country_codes() -> HashMap<String, String> {
    gazetteer::get()
        .entries()
        .iter()
        .filter(|e| e.kind == KbKind::Country)
        .filter_map(|e| Some((e.wikidata.clone()?, e.country.clone()?)))
        .collect()
}

/// Whether a candidate of kind `k` may be what an entity of type `t` names.
fn fits(k: Kind, t: EntityType) -> bool {
    match t {
        EntityType::Gpe | EntityType::Loc => k.is_place(),
        EntityType::Person => k == Kind::Person,
        EntityType::Org => k == Kind::Org,
        EntityType::Norp => false,
    }
}

/// Whether a candidate may be linked to an entity the recogniser typed `t`
/// although its kind does not fit: organisations and countries or regions
/// mistyped as one another, or as a person with no sign of being one.
fn fits_despite_type(k: Kind, t: EntityType, person_cues: bool) -> bool {
    match t {
        EntityType::Person => !person_cues && matches!(k, Kind::Org | Kind::Country | Kind::Region),
        EntityType::Org => matches!(k, Kind::Country | Kind::Region),
        EntityType::Gpe | EntityType::Loc => k == Kind::Org,
        EntityType::Norp => false,
    }
}

/// The entity's link, or `None`: picks among the candidates of one name.
///
/// `person_cues` says whether the article marks the entity as a person (a
/// title, a gendered pronoun or a given name). Candidates are judged by how
/// well they matched, best first: a weaker match is tried only when no
/// candidate of a better match fits the entity at all. Returns the candidate
/// and a confidence in `[0, 1]`.
pub fn choose(cands: &[Candidate], etype: EntityType, person_cues: bool, ctx: &Context) -> Option<(Candidate, f32)> {
    // one candidate per id, the best match kept
    let mut uniq: Vec<&Candidate> = Vec::new();
    for c in cands.iter().filter(|c| c.has_id()) {
        match uniq.iter_mut().find(|u| u.id() == c.id()) {
            Some(u) if u.matched < c.matched => *u = c,
            Some(_) => {}
            None => uniq.push(c),
        }
    }
    for level in [Match::Exact, Match::Variant, Match::Surname] {
        let at: Vec<&Candidate> = uniq.iter().copied().filter(|c| c.matched == level).collect();
        if at.is_empty() {
            continue;
        }
        let typed: Vec<&Candidate> = at.iter().copied().filter(|c| fits(c.kind, etype)).collect();
        if !typed.is_empty() {
            return choose_among(&typed, level, 1.0, ctx);
        }
        // a mistyped name: only an exact, unique, typed record
        let other: Vec<&Candidate> = at
            .iter()
            .copied()
            .filter(|c| c.kind != Kind::Unknown && fits_despite_type(c.kind, etype, person_cues))
            .collect();
        if level == Match::Exact && other.len() == 1 {
            return choose_among(&other, level, 0.7, ctx);
        }
    }
    None
}

/// Picks among candidates that fit, all matched at `level`.
fn choose_among(pool: &[&Candidate], level: Match, base: f32, ctx: &Context) -> Option<(Candidate, f32)> {
    let quality = match level {
        Match::Exact => 0.9,
        Match::Variant => 0.85,
        Match::Surname => 0.75,
    };
    if level == Match::Surname {
        // a bare surname: one bearer, whose country the article names
        return match pool {
            [one] if ctx.in_country(one) => Some(((*one).clone(), quality * base)),
            _ => None,
        };
    }
    if let [one] = pool {
        return Some(((*one).clone(), quality * base));
    }
    // the one candidate in a region the article names ("Paris" next to "Texas")
    if let [one] = pool.iter().copied().filter(|c| ctx.in_region(c)).collect::<Vec<_>>().as_slice() {
        return Some(((*one).clone(), (quality - 0.1) * base));
    }
    // the one candidate in a country the article names, unless another is far bigger
    let in_country: Vec<&Candidate> = pool.iter().copied().filter(|c| ctx.in_country(c)).collect();
    if let [one] = in_country.as_slice() {
        let dwarfed = pool.iter().any(|c| c.rank() > one.rank() || c.population / 10 > one.population.max(1));
        if !dwarfed {
            return Some(((*one).clone(), (quality - 0.1) * base));
        }
    }
    most_prominent_place(pool).map(|c| (c.clone(), (quality - 0.2) * base))
}

/// Among places of one name, the one that clearly stands out: a country over
/// anything else, the one region over cities, or a city with at least five
/// times the people of the next one. `None` when nothing stands out.
fn most_prominent_place<'a>(pool: &[&'a Candidate]) -> Option<&'a Candidate> {
    if !pool.iter().all(|c| c.kind.is_place()) {
        return None;
    }
    let mut sorted: Vec<&Candidate> = pool.to_vec();
    sorted.sort_by_key(|c| std::cmp::Reverse((c.rank(), c.population)));
    let (first, second) = (sorted.first()?, sorted.get(1)?);
    if first.rank() > second.rank() {
        return Some(first);
    }
    (first.rank() == second.rank()
        && first.population >= 100_000
        && first.population >= second.population.saturating_mul(5))
    .then_some(first)
}

/// The bundled knowledge base (see `data/README.md`) as a candidate source.
#[derive(Debug, Clone, Copy)]
pub struct BundledKb {
    gazetteer: &'static Gazetteer,
}

impl Default for BundledKb {
    fn default() -> Self {
        Self { gazetteer: gazetteer::get() }
    }
}

impl BundledKb {
    fn candidate(&self, id: gazetteer::KbId, matched: Match) -> Candidate {
        let r = self.gazetteer.entry(id);
        Candidate {
            label: r.name.clone(),
            kind: r.kind.into(),
            wikidata: r.wikidata.clone(),
            geonames: r.geonames.clone(),
            dbpedia: r.dbpedia.clone(),
            country: r.country.clone(),
            admin1: r.admin1.clone(),
            population: r.population,
            matched,
        }
    }
}

impl KnowledgeBase for BundledKb {
    fn method(&self) -> &str {
        "bundled-kb"
    }

    fn candidates(&self, name: &str, surname: bool) -> Vec<Candidate> {
        let g = self.gazetteer;
        let exact = g.lookup(name).iter().map(|&id| self.candidate(id, Match::Exact));
        let variant = g.lookup_variant(name).iter().map(|&id| self.candidate(id, Match::Variant));
        let surnames = if surname { g.lookup_surname(name) } else { &[] };
        exact.chain(variant).chain(surnames.iter().map(|&id| self.candidate(id, Match::Surname))).collect()
    }
}

/// Links against knowledge bases, the first that can decide winning.
pub struct KbLinker {
    sources: Vec<Box<dyn KnowledgeBase>>,
    gazetteer: &'static Gazetteer,
}

impl Default for KbLinker {
    /// The bundled knowledge base alone.
    fn default() -> Self {
        Self::new(Vec::new())
    }
}

impl KbLinker {
    /// Links against `sources` in order, then the bundled knowledge base.
    pub fn new(mut sources: Vec<Box<dyn KnowledgeBase>>) -> Self {
        sources.push(Box::new(BundledKb::default()));
        Self { sources, gazetteer: gazetteer::get() }
    }

    /// The link of one entity, given its article's context.
    pub fn link_entity(&self, names: &[&str], etype: EntityType, person_cues: bool, ctx: &Context) -> Option<Link> {
        for n in names {
            let surname = etype == EntityType::Person && !n.contains(' ');
            for src in &self.sources {
                let cands = src.candidates(n, surname);
                if let Some((c, confidence)) = choose(&cands, etype, person_cues, ctx) {
                    return Some(Link {
                        wikidata: c.wikidata,
                        geonames: c.geonames,
                        dbpedia: c.dbpedia,
                        confidence,
                        method: src.method().to_owned(),
                    });
                }
            }
        }
        None
    }

    /// Whether the article marks an entity as a person: a title, a gendered
    /// mention or a known given name.
    fn person_cues(&self, doc: &Document, a: &Analysis, e: &Entity) -> bool {
        e.mentions.iter().map(|&m| &a.mentions[m]).any(|m| {
            m.title.is_some()
                || m.gender.is_some()
                || m.kind != MentionKind::Name
                || m.span
                    .text(&doc.text)
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| self.gazetteer.is_first_name(w) || lexicon::title(&w.to_lowercase()).is_some())
        })
    }
}

/// Every name the article uses for an entity, longest first, without repeats.
pub fn names_of<'a>(doc: &'a Document, a: &'a Analysis, e: &'a Entity) -> Vec<&'a str> {
    let mut names: Vec<&str> = a.name_mentions_of(e).map(|m| m.span.text(&doc.text)).collect();
    names.push(&e.name);
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    names.dedup();
    names
}

impl Linker for KbLinker {
    fn link(&self, doc: &Document, analysis: &mut Analysis) {
        let ctx = Context::of(doc, analysis, self.gazetteer);
        let links: Vec<Option<Link>> = analysis
            .entities
            .iter()
            .map(|e| {
                let names = names_of(doc, analysis, e);
                self.link_entity(&names, e.etype, self.person_cues(doc, analysis, e), &ctx)
            })
            .collect();
        for (e, l) in analysis.entities.iter_mut().zip(links) {
            e.link = l;
        }
    }
}

/// The default linker: the bundled knowledge base alone.
pub type BundledLinker = KbLinker;

#[cfg(test)]
mod tests {
    use super::*;

    fn cand(label: &str, kind: Kind, q: &str, country: &str, admin1: &str, population: u64) -> Candidate {
        Candidate {
            label: label.into(),
            kind,
            wikidata: Some(q.into()),
            geonames: None,
            dbpedia: None,
            country: Some(country.into()),
            admin1: (!admin1.is_empty()).then(|| admin1.into()),
            population,
            matched: Match::Exact,
        }
    }

    fn chosen(c: Option<(Candidate, f32)>) -> Option<String> {
        c.and_then(|(c, _)| c.wikidata)
    }

    #[test]
    fn context_picks_paris_texas() {
        let paris = [
            cand("Paris", Kind::City, "Q90", "FR", "FR-IDF", 2_100_000),
            cand("Paris", Kind::City, "Q830149", "US", "US-TX", 25_000),
        ];
        let none = Context::default();
        assert_eq!(chosen(choose(&paris, EntityType::Gpe, false, &none)).as_deref(), Some("Q90"));
        let texas = Context { regions: ["US-TX".to_owned()].into(), countries: ["US".to_owned()].into() };
        assert_eq!(chosen(choose(&paris, EntityType::Gpe, false, &texas)).as_deref(), Some("Q830149"));
    }

    #[test]
    fn close_candidates_stay_unlinked() {
        let springfield = [
            cand("Springfield", Kind::City, "Q28515", "US", "US-IL", 114_000),
            cand("Springfield", Kind::City, "Q49240", "US", "US-MA", 155_000),
        ];
        assert_eq!(chosen(choose(&springfield, EntityType::Gpe, false, &Context::default())), None);
    }

    #[test]
    fn types_must_fit_unless_mistyped_without_cues() {
        let who = [cand("World Health Organization", Kind::Org, "Q7817", "CH", "", 0)];
        assert_eq!(chosen(choose(&who, EntityType::Org, false, &Context::default())).as_deref(), Some("Q7817"));
        assert_eq!(chosen(choose(&who, EntityType::Person, true, &Context::default())), None);
        assert_eq!(chosen(choose(&who, EntityType::Person, false, &Context::default())).as_deref(), Some("Q7817"));
        let city = [cand("Florence", Kind::City, "Q2044", "IT", "IT-52", 370_000)];
        assert_eq!(chosen(choose(&city, EntityType::Person, false, &Context::default())), None);
    }

    #[test]
    fn surnames_need_the_persons_country() {
        let mut putin = cand("Vladimir Putin", Kind::Person, "Q7747", "RU", "", 0);
        putin.matched = Match::Surname;
        let ru = Context { countries: ["RU".to_owned()].into(), ..Context::default() };
        assert_eq!(chosen(choose(&[putin.clone()], EntityType::Person, true, &ru)).as_deref(), Some("Q7747"));
        assert_eq!(chosen(choose(&[putin], EntityType::Person, true, &Context::default())), None);
    }

    #[test]
    fn bundled_linker_finds_transliterated_names() {
        let linker = KbLinker::default();
        let ua = Context { countries: ["UA".to_owned()].into(), ..Context::default() };
        let l = linker.link_entity(&["Volodymyr Zelensky", "Zelensky"], EntityType::Person, true, &ua);
        assert_eq!(l.and_then(|l| l.wikidata).as_deref(), Some("Q3874799"));
        let l = linker.link_entity(&["Lysenko"], EntityType::Person, true, &ua);
        assert_eq!(l, None, "an unknown surname stays unlinked");
    }
}
