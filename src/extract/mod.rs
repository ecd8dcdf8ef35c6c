//! Stage 4, `extract`: entities → quotes, events and relations.
//!
//! [`quotes`] finds quotations and their speakers; [`relations`] finds roles,
//! affiliations, kinship and places within places; [`events`] finds meetings,
//! calls, visits and other acts with their CAMEO codes; [`agents`] makes
//! entities of the speakers and actors an article names only by role
//! ("police"); [`dates`] resolves the dates they carry. All read the same
//! [`View`] of the article: tokens in lower case, which mention each token
//! belongs to, and which tokens lie inside quotation marks.

pub mod agents;
pub mod dates;
pub mod events;
pub mod quotes;
pub mod relations;

use chrono::NaiveDate;

use crate::lexicon;
use crate::lexicon::gazetteer::{self, Gazetteer};
use crate::model::{Analysis, Document, Entity, EntityId, EntityType, Mention, MentionId, Span, TokenKind};

/// Adds quotes, events and relations to an analysis.
pub trait Extractor: Send + Sync {
    /// Extracts from `doc`, whose earlier stages are in `analysis`.
    fn extract(&self, doc: &Document, analysis: &mut Analysis);
}

/// The default extractor: quotes, then relations (which use the quotes).
#[derive(Debug, Clone, Copy)]
pub struct RuleExtractor {
    gazetteer: &'static Gazetteer,
}

impl Default for RuleExtractor {
    fn default() -> Self {
        Self { gazetteer: gazetteer::get() }
    }
}

impl Extractor for RuleExtractor {
    fn extract(&self, doc: &Document, analysis: &mut Analysis) {
        let quote_spans = quotes::find_quotes(&doc.text, &analysis.segmentation);
        let mut view = View::new(doc, analysis, self.gazetteer, &quote_spans);
        let found = quotes::attribute(&mut view, &quote_spans);
        let (events, relations) = relations::extract(&mut view, &found);
        let (new_entities, new_mentions) = (std::mem::take(&mut view.extra), std::mem::take(&mut view.extra_mentions));
        analysis.entities.extend(new_entities);
        // mentions of agents the extractors met come after the recogniser's, so no id changes
        for (m, e) in new_mentions {
            analysis.mentions.push(m);
            analysis.mention_entity.push(Some(e));
        }
        analysis.quotes = found;
        analysis.events = events;
        analysis.relations = relations;
    }
}

/// A read-only view of an analysed article that the extractors share.
pub struct View<'a> {
    /// The article text.
    pub text: &'a str,
    /// Earlier stages.
    pub analysis: &'a Analysis,
    /// The gazetteer.
    pub gaz: &'a Gazetteer,
    /// Publication date.
    pub published: Option<NaiveDate>,
    /// Each token in lower case.
    pub lower: Vec<String>,
    /// The mention each token belongs to.
    pub mention_at: Vec<Option<MentionId>>,
    /// Whether each token lies inside quotation marks (marks excluded).
    pub quoted: Vec<bool>,
    /// Entities created by the extractors (countries named only by an adjective,
    /// agents named by role).
    pub extra: Vec<Entity>,
    /// Mentions of agents found by the extractors, with their entity; they are
    /// appended to the analysis after the recogniser's mentions.
    pub extra_mentions: Vec<(Mention, EntityId)>,
    /// The agents met so far ([`agents`]).
    pub agents: Vec<agents::Agent>,
    /// The article id (agents are local to their article).
    pub doc_id: &'a str,
    /// In an interview, the person whose answers it gives (an "I" outside quotes).
    pub interviewee: Option<EntityId>,
}

impl<'a> View<'a> {
    fn new(doc: &'a Document, analysis: &'a Analysis, gaz: &'a Gazetteer, quotes: &[quotes::QuoteMarks]) -> Self {
        let seg = &analysis.segmentation;
        let n = seg.tokens.len();
        let lower = seg.tokens.iter().map(|t| t.span.text(&doc.text).to_lowercase()).collect();
        let mut mention_at = vec![None; n];
        for (i, m) in analysis.mentions.iter().enumerate() {
            for t in m.tokens.clone() {
                mention_at[t].get_or_insert(i);
            }
        }
        let mut quoted = vec![false; n];
        for q in quotes {
            for flag in &mut quoted[q.open + 1..q.close] {
                *flag = true;
            }
        }
        Self {
            text: &doc.text,
            analysis,
            gaz,
            published: doc.meta.date,
            lower,
            mention_at,
            quoted,
            extra: Vec::new(),
            extra_mentions: Vec::new(),
            agents: Vec::new(),
            doc_id: &doc.id,
            interviewee: None,
        }
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.lower.len()
    }

    /// Whether there are no tokens.
    pub fn is_empty(&self) -> bool {
        self.lower.is_empty()
    }

    /// Lower-case text of token `i` ("" past the end).
    pub fn word(&self, i: usize) -> &str {
        self.lower.get(i).map_or("", String::as_str)
    }

    /// Kind of token `i`.
    pub fn kind(&self, i: usize) -> Option<TokenKind> {
        self.analysis.segmentation.tokens.get(i).map(|t| t.kind)
    }

    /// The name mentions of sentence `s` (the recogniser's mentions are in text order).
    pub fn names_in(&self, s: usize) -> Vec<MentionId> {
        let ms = &self.analysis.mentions;
        let first = ms.partition_point(|m| m.sentence < s);
        (first..ms.len())
            .take_while(|&m| ms[m].sentence == s)
            .filter(|&m| ms[m].kind == crate::model::MentionKind::Name)
            .collect()
    }

    /// The span of tokens `[start, end)`.
    pub fn span(&self, start: usize, end: usize) -> Span {
        let t = &self.analysis.segmentation.tokens;
        Span::new(t[start].span.start, t[end - 1].span.end)
    }

    /// Token range of sentence `s`.
    pub fn sentence_tokens(&self, s: usize) -> std::ops::Range<usize> {
        self.analysis.segmentation.sentences[s].tokens.clone()
    }

    /// The entity that mention `m` refers to.
    pub fn entity(&self, m: MentionId) -> Option<EntityId> {
        self.analysis.entity_of(m)
    }

    /// The type of an entity (including entities the extractors created).
    pub fn etype(&self, e: EntityId) -> EntityType {
        let n = self.analysis.entities.len();
        if e < n {
            self.analysis.entities[e].etype
        } else {
            self.extra[e - n].etype
        }
    }

    /// The mention that starts at token `i`.
    pub fn mention_starting(&self, i: usize) -> Option<MentionId> {
        let m = self.mention_at.get(i).copied().flatten()?;
        (self.analysis.mentions[m].tokens.start == i).then_some(m)
    }

    /// Whether token `i` is a reporting verb outside any mention or quote.
    pub fn is_reporting_verb(&self, i: usize) -> bool {
        self.mention_at[i].is_none()
            && !self.quoted[i]
            && lexicon::is_reporting_verb(self.word(i))
            && !self.is_noun_of_saying(i)
    }

    /// Whether a word that can be a verb of saying is a noun here: "a blog
    /// post", "the report", "his comments".
    fn is_noun_of_saying(&self, i: usize) -> bool {
        const NOUNS: &[&str] = &[
            "answer",
            "answers",
            "comment",
            "comments",
            "note",
            "notes",
            "post",
            "posts",
            "quote",
            "remark",
            "remarks",
            "replies",
            "reply",
            "report",
            "reports",
            "statement",
            "tweet",
            "tweets",
        ];
        const DETERMINERS: &[&str] =
            &["a", "an", "her", "his", "its", "my", "our", "that", "the", "their", "this", "your"];
        NOUNS.contains(&self.word(i)) && (1..=2).any(|d| i >= d && DETERMINERS.contains(&self.word(i - d)))
    }

    /// The entity of the country a word names, as a demonym ("Ukrainian") or
    /// as a name ("US"), creating an entity without mentions when the article
    /// has none for it.
    pub fn country_entity(&mut self, word: &str) -> Option<EntityId> {
        let id = self
            .gaz
            .demonym(word)
            .or_else(|| self.gaz.place(word).filter(|&id| self.gaz.entry(id).kind == gazetteer::KbKind::Country))?;
        let key = format!("kb:{id}");
        let n = self.analysis.entities.len();
        if let Some(e) = self.analysis.entities.iter().position(|e| e.key.as_deref() == Some(&key)) {
            return Some(e);
        }
        if let Some(e) = self.extra.iter().position(|e| e.key.as_deref() == Some(&key)) {
            return Some(n + e);
        }
        self.extra.push(Entity {
            name: self.gaz.entry(id).name.clone(),
            etype: EntityType::Gpe,
            mentions: Vec::new(),
            key: Some(key),
            link: None,
        });
        Some(n + self.extra.len() - 1)
    }

    /// The person-like mention (name, pronoun or nominal; a person or organisation)
    /// nearest before token `i` in the same sentence, not inside quotes, not
    /// before `floor`.
    pub fn subject_before(&self, i: usize, floor: usize) -> Option<MentionId> {
        let mut k = i;
        while k > floor {
            k -= 1;
            if self.quoted[k] {
                continue;
            }
            if self.word(k) == ";" {
                break;
            }
            if let Some(m) = self.mention_at[k] {
                let mention = &self.analysis.mentions[m];
                let possessor = self.kind(mention.tokens.end) == Some(TokenKind::Possessive);
                if is_agent(mention.etype) && !possessor && self.entity(m).is_some() {
                    return Some(m);
                }
            }
        }
        None
    }
}

/// Whether entities of this type can say things or take part in meetings.
pub fn is_agent(t: EntityType) -> bool {
    matches!(t, EntityType::Person | EntityType::Org)
}

#[cfg(test)]
pub(crate) mod testing {
    //! Runs the whole pipeline on a sentence or two, for the extractors' tests.

    use crate::model::{Analysis, Document, Object};

    /// The analysis of `text`, published on `date` (YYYY-MM-DD) if given.
    pub fn analyze(text: &str, date: Option<&str>) -> (Document, Analysis) {
        let mut doc = Document::new("t", text);
        doc.meta.date = date.map(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").expect("a test date"));
        let a = crate::Pipeline::builder().linker(None).build().analyze(&doc);
        (doc, a)
    }

    /// Each event as "Kind code [participants] actors=[…] place date planned".
    pub fn events(text: &str, date: Option<&str>) -> Vec<String> {
        let (doc, a) = analyze(text, date);
        let name = |e: &usize| a.entities[*e].name.clone();
        a.events
            .iter()
            .map(|ev| {
                let mut people: Vec<String> = ev.participants.iter().map(name).collect();
                people.sort();
                let mut actors: Vec<String> = ev.actors.iter().map(name).collect();
                actors.sort();
                let date = ev
                    .date
                    .map(|d| d.to_string())
                    .or_else(|| ev.date_text.map(|t| format!("'{}'", t.text(&doc.text))))
                    .unwrap_or_default();
                format!(
                    "{:?} {} [{}] actors=[{}] place={} date={} planned={}",
                    ev.kind,
                    ev.code.code(),
                    people.join(", "),
                    actors.join(", "),
                    ev.place.map(|p| name(&p)).unwrap_or_default(),
                    date,
                    ev.planned
                )
            })
            .collect()
    }

    /// Each relation as "subject predicate object".
    pub fn relations(text: &str, date: Option<&str>) -> Vec<String> {
        let (_, a) = analyze(text, date);
        a.relations
            .iter()
            .map(|r| {
                let object = match &r.object {
                    Object::Entity(e) => a.entities[*e].name.clone(),
                    Object::Literal(l) => format!("{l:?}"),
                };
                format!("{} {} {}", a.entities[r.subject].name, r.predicate.name(), object)
            })
            .collect()
    }

    /// Each quote with the name of its speaker.
    pub fn quotes(text: &str) -> Vec<(String, Option<String>)> {
        let (doc, a) = analyze(text, None);
        a.quotes
            .iter()
            .map(|q| (q.span.text(&doc.text).to_owned(), q.speaker.map(|e| a.entities[e].name.clone())))
            .collect()
    }

    /// Asserts that `got` has an item equal to `want`, printing all of them if not.
    pub fn assert_has(got: &[String], want: &str, text: &str) {
        assert!(got.iter().any(|g| g == want), "expected {want:?} from {text:?}, got {got:#?}");
    }
}
