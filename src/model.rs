//! The data that flows through the pipeline: a [`Document`] and the layers of
//! annotation each stage adds to it ([`Analysis`]).
//!
//! # Spans
//! Every [`Span`] is a pair of **byte offsets into [`Document::text`]**, end
//! exclusive, always on UTF-8 character boundaries. A stage adds annotations that
//! point at spans; no stage rewrites the spans of an earlier one. Offsets are
//! converted to Unicode code points only at the JSON boundary
//! ([`crate::json`]), because that is what the evaluation format counts.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::Range;

/// A byte range `[start, end)` into a document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes).
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    /// The text this span covers.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }

    /// Whether the two spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Whether `other` lies inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span is empty.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
}

/// Descriptive data about an article, as given by the user or the corpus.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Metadata {
    /// Headline.
    pub title: Option<String>,
    /// Where the article was published.
    pub url: Option<String>,
    /// Publication date: relative dates ("Thursday") resolve against it.
    pub date: Option<NaiveDate>,
}

/// One news article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Identifier, unique in a store: the file stem or the corpus `id`.
    pub id: String,
    /// The article text, exactly as read (all spans point into it).
    pub text: String,
    /// Title, URL and date.
    pub meta: Metadata,
}

impl Document {
    /// A document with no metadata.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        Self { id: id.into(), text: text.into(), meta: Metadata::default() }
    }
}

/// The coarse shape of a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (possibly with inner apostrophes, hyphens or periods, as in "U.S.").
    Word,
    /// Digits, possibly with separators ("2,000", "3.5").
    Number,
    /// An opening or closing quotation mark, straight or curly.
    Quote,
    /// A possessive ending ("'s", "’s", or a lone "’" after a plural).
    Possessive,
    /// Any other punctuation or symbol.
    Punct,
}

/// A token: a word, number or punctuation mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Where it is.
    pub span: Span,
    /// What it looks like.
    pub kind: TokenKind,
}

/// A paragraph: text between blank lines (or single newlines, in news wire text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// Where it is.
    pub span: Span,
    /// Its sentences (indices into [`Segmentation::sentences`]).
    pub sentences: Range<usize>,
    /// Whether most of its words are capitalised (a headline or heading), so
    /// capitalisation says little about names in it.
    pub title_case: bool,
}

/// A sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Where it is.
    pub span: Span,
    /// Its tokens (indices into [`Segmentation::tokens`]).
    pub tokens: Range<usize>,
    /// The paragraph it belongs to.
    pub paragraph: usize,
}

/// The output of the segment stage.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Segmentation {
    /// Paragraphs in text order.
    pub paragraphs: Vec<Paragraph>,
    /// Sentences in text order.
    pub sentences: Vec<Sentence>,
    /// Tokens in text order.
    pub tokens: Vec<Token>,
}

impl Segmentation {
    /// The sentence that holds byte `pos` (the last one starting at or before it).
    pub fn sentence_at(&self, pos: usize) -> usize {
        self.sentences.partition_point(|s| s.span.start <= pos).saturating_sub(1)
    }

    /// The first token whose start is at or after byte `pos`.
    pub fn token_at_or_after(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.span.start < pos)
    }
}

/// The entity types newsgraph recognises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EntityType {
    /// A person.
    Person,
    /// An organisation: company, agency, party, newspaper, team.
    Org,
    /// A geopolitical entity: country, region, city.
    Gpe,
    /// A place that is not a GPE: mountain, river, building, area.
    Loc,
    /// A nationality, religious or political group ("Ukrainians", "Democrats").
    Norp,
}

impl EntityType {
    /// The upper-case label used in JSON output ("PERSON", "ORG", …).
    pub fn label(self) -> &'static str {
        match self {
            Self::Person => "PERSON",
            Self::Org => "ORG",
            Self::Gpe => "GPE",
            Self::Loc => "LOC",
            Self::Norp => "NORP",
        }
    }

    /// Whether it is a place (GPE or LOC).
    pub fn is_place(self) -> bool {
        matches!(self, Self::Gpe | Self::Loc)
    }
}

impl fmt::Display for EntityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// How an entity is referred to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionKind {
    /// A proper name ("Steve Witkoff", "Witkoff").
    Name,
    /// A personal pronoun ("he", "her").
    Pronoun,
    /// A common-noun phrase that names a role ("the Russian president").
    Nominal,
}

/// Grammatical gender a pronoun or name carries, when known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    /// he, him, his; a masculine given name or title.
    Male,
    /// she, her, hers; a feminine given name or title.
    Female,
}

/// Index of a mention in [`Analysis::mentions`].
pub type MentionId = usize;
/// Index of an entity in [`Analysis::entities`].
pub type EntityId = usize;

/// A reference to an entity in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// The name, pronoun or noun phrase itself (without titles or a possessive ending).
    pub span: Span,
    /// Its tokens.
    pub tokens: Range<usize>,
    /// The sentence it is in.
    pub sentence: usize,
    /// Name, pronoun or nominal.
    pub kind: MentionKind,
    /// The type the recogniser gave it.
    pub etype: EntityType,
    /// Gender carried by a pronoun, title or given name.
    pub gender: Option<Gender>,
    /// A title or role phrase just before the name ("Russian President"), if any.
    pub title: Option<Span>,
}

/// One real-world thing an article talks about: its mentions, resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    /// The most complete name used in the article.
    pub name: String,
    /// Entity type.
    pub etype: EntityType,
    /// Its mentions, in text order (names, pronouns and nominals).
    pub mentions: Vec<MentionId>,
    /// A stable key that identifies the entity across articles (e.g. a
    /// gazetteer id for places, `None` to mint from name and type).
    pub key: Option<String>,
    /// A link to an external dataset, when one was found.
    pub link: Option<Link>,
}

/// A link from an entity to a record of an external dataset.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Link {
    /// Wikidata id ("Q7747").
    pub wikidata: Option<String>,
    /// GeoNames id.
    pub geonames: Option<String>,
    /// DBpedia resource name (English Wikipedia title, with underscores).
    pub dbpedia: Option<String>,
    /// How sure the linker is, from 0 to 1.
    pub confidence: f32,
    /// What made the link ("bundled-kb", "user-kb", "endpoint", "gazetteer").
    pub method: String,
}

/// A direct quotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// The quoted words, without the quotation marks.
    pub span: Span,
    /// The sentence it starts in (its evidence).
    pub sentence: usize,
    /// Who said it, when it could be told.
    pub speaker: Option<EntityId>,
    /// The reporting verb or phrase that attributes it ("stated", "according to").
    pub cue: Option<Span>,
}

/// What a relation says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Predicate {
    /// Took part in the same meeting or talks.
    MetWith,
    /// Spoke on the phone with.
    Phoned,
    /// Is to meet (a meeting announced for the future).
    PlannedMeetingWith,
    /// Went to a place.
    Visited,
    /// Is to go to a place.
    PlannedVisit,
    /// Said the words of a quotation.
    Stated,
    /// Holds a position or title.
    HoldsRole,
    /// Belongs to, represents or is a national of (a country or organisation).
    AffiliatedWith,
    /// Is a relative of.
    RelativeOf,
    /// A place lies within another.
    PartOf,
}

impl Predicate {
    /// Every predicate, in declaration order.
    pub const ALL: [Predicate; 10] = [
        Self::MetWith,
        Self::Phoned,
        Self::PlannedMeetingWith,
        Self::Visited,
        Self::PlannedVisit,
        Self::Stated,
        Self::HoldsRole,
        Self::AffiliatedWith,
        Self::RelativeOf,
        Self::PartOf,
    ];

    /// The local name used in JSON and in the ontology ("metWith").
    pub fn name(self) -> &'static str {
        match self {
            Self::MetWith => "metWith",
            Self::Phoned => "phoned",
            Self::PlannedMeetingWith => "plannedMeetingWith",
            Self::Visited => "visited",
            Self::PlannedVisit => "plannedVisit",
            Self::Stated => "stated",
            Self::HoldsRole => "holdsRole",
            Self::AffiliatedWith => "affiliatedWith",
            Self::RelativeOf => "relativeOf",
            Self::PartOf => "partOf",
        }
    }

    /// Whether `a p b` implies `b p a`.
    pub fn is_symmetric(self) -> bool {
        matches!(self, Self::MetWith | Self::Phoned | Self::PlannedMeetingWith | Self::RelativeOf)
    }
}

/// The object of a relation: another entity or a literal value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Object {
    /// An entity of the same article.
    Entity(EntityId),
    /// A literal, as written in the text (a role title, quoted words).
    Literal(String),
}

/// A fact extracted from one sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relation {
    /// Who or what the fact is about.
    pub subject: EntityId,
    /// What it says.
    pub predicate: Predicate,
    /// The other side.
    pub object: Object,
    /// The sentence it comes from.
    pub sentence: usize,
    /// When it happened, if the text says.
    pub date: Option<NaiveDate>,
    /// Extra detail, such as the kin term of `relativeOf` ("son-in-law").
    pub qualifier: Option<String>,
}

/// The kind of an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EventKind {
    /// Talks or a meeting in person.
    Meeting,
    /// A phone call.
    PhoneCall,
    /// A trip to a place.
    Visit,
    /// Another act of one party toward another (an appeal, an accusation, an
    /// arrest, …): what kind its CAMEO code says.
    Action,
}

/// Something that happened (or is planned) with participants, a place and a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// What kind of event.
    pub kind: EventKind,
    /// Its CAMEO code.
    pub code: crate::cameo::Cameo,
    /// The word that names it ("talks", "visit", "call").
    pub trigger: Span,
    /// Who took part.
    pub participants: Vec<EntityId>,
    /// The participants who act: a host, a visitor, whoever accuses or
    /// arrests; empty when all take part alike (talks, a call).
    pub actors: Vec<EntityId>,
    /// Where.
    pub place: Option<EntityId>,
    /// When, resolved against the publication date.
    pub date: Option<NaiveDate>,
    /// The date as the text gives it, when it cannot be resolved (an article
    /// without a publication date that says "on Tuesday").
    pub date_text: Option<Span>,
    /// Whether it lies in the future of the article.
    pub planned: bool,
    /// The sentence it comes from.
    pub sentence: usize,
}

/// Everything the pipeline found in one document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Analysis {
    /// Paragraphs, sentences, tokens.
    pub segmentation: Segmentation,
    /// Names, pronouns and nominals, in text order.
    pub mentions: Vec<Mention>,
    /// The entity each mention refers to (parallel to `mentions`), set by coreference.
    pub mention_entity: Vec<Option<EntityId>>,
    /// Entities.
    pub entities: Vec<Entity>,
    /// Direct quotations.
    pub quotes: Vec<Quote>,
    /// Facts.
    pub relations: Vec<Relation>,
    /// Events.
    pub events: Vec<Event>,
}

impl Analysis {
    /// The entity a mention refers to.
    pub fn entity_of(&self, mention: MentionId) -> Option<EntityId> {
        self.mention_entity.get(mention).copied().flatten()
    }

    /// The span of a sentence.
    pub fn sentence_span(&self, sentence: usize) -> Span {
        self.segmentation.sentences[sentence].span
    }

    /// The name mentions of an entity (no pronouns or nominals).
    pub fn name_mentions_of<'a>(&'a self, entity: &'a Entity) -> impl Iterator<Item = &'a Mention> + 'a {
        entity.mentions.iter().map(|&m| &self.mentions[m]).filter(|m| m.kind == MentionKind::Name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_relations() {
        let a = Span::new(0, 5);
        assert!(a.overlaps(Span::new(4, 8)));
        assert!(!a.overlaps(Span::new(5, 8)));
        assert!(a.contains(Span::new(1, 5)));
        assert_eq!(Span::new(3, 6).text("héllo"), "llo");
    }

    #[test]
    fn predicate_names_are_unique() {
        let mut names: Vec<_> = Predicate::ALL.iter().map(|p| p.name()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Predicate::ALL.len());
    }
}
