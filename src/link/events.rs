//! One event node across articles.
//!
//! Two articles that report the same meeting, call or visit each find an
//! event; [`EventIndex::resolve`] makes the second one the node of the first,
//! so the store holds one event with both articles' evidence (and both
//! articles' dates, places and participants as each gives them). Two events
//! are the same when they are of the same kind and:
//! - **participants**: the people of one are all people of the other, and
//!   they share at least two (a visit: one, and the same place);
//! - **dates**: both dated, at most a day apart (talks that run over two
//!   days, or a report dated by the day it ended); one dated, the date no
//!   more than a week before the other article's publication (and not after
//!   it); neither dated, articles published at most a week apart;
//! - **place**: the same place, or one of them gives none.
//!
//! When several stored events fit, the one sharing the most participants and
//! then the closest date wins; a tie merges nothing. Each merge is written in
//! the graph of the article that made it, as an `ng:EventMerge` with the node
//! it joined, the reason in words and the sentence of this article
//! (`newsgraph query event-merges`), like entity merges ([`super::identity`]).
//!
//! # Rationale
//! An event node keeps the IRI the first article minted for it
//! (`{article}#event-n`), so re-ingesting either article gives the same
//! graph. The index holds the meetings, calls and visits of the store (kind,
//! participants, date, place, publication date): a look-up probes the events
//! of an article's participants, not the whole store.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use oxigraph::model::{GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, Term};

use super::identity::select;
use crate::error::StoreError;
use crate::json::CharOffsets;
use crate::model::{Analysis, Document, EventKind};
use crate::rdf::map::event_class;
use crate::rdf::mint;
use crate::rdf::vocab::{ng, rdf};
use crate::store::Store;

/// How far apart two dates of one event may be, in days.
const DATE_SLACK: i64 = 1;
/// How long before an article's publication an event it leaves undated may lie, in days.
const UNDATED_WINDOW: i64 = 7;

/// An event of the store, as the index keeps it.
#[derive(Debug, Clone)]
struct Stored {
    kind: NamedNode,
    participants: HashSet<NamedNode>,
    date: Option<NaiveDate>,
    place: Option<NamedNode>,
    /// The articles that report it, with their publication dates.
    articles: HashMap<NamedNode, Option<NaiveDate>>,
}

/// An event of this article identified with a stored event node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventMerge {
    /// The event (index into `Analysis::events`).
    pub event: usize,
    /// The node it was identified with.
    pub into: NamedNode,
    /// Why, in words.
    pub reason: String,
}

/// The node of every event of an article, and the merges that chose some of them.
#[derive(Debug, Clone, Default)]
pub struct EventResolution {
    /// One IRI per event (parallel to `Analysis::events`).
    pub iris: Vec<NamedNode>,
    /// The merges.
    pub merges: Vec<EventMerge>,
}

impl EventResolution {
    /// Renames the merged events in an article's quads and adds the records of
    /// the merges (in the article's graph).
    pub fn apply(&self, doc: &Document, a: &Analysis, quads: &mut Vec<Quad>) {
        if self.merges.is_empty() {
            return;
        }
        let article = mint::article(&doc.id);
        let renamed: HashMap<NamedNode, &NamedNode> = self
            .merges
            .iter()
            .map(|m| (mint::local(&article, &format!("event-{}", m.event)), &self.iris[m.event]))
            .collect();
        for q in quads.iter_mut() {
            if let NamedOrBlankNode::NamedNode(s) = &q.subject {
                if let Some(n) = renamed.get(s) {
                    q.subject = (*n).clone().into();
                }
            }
            if let Term::NamedNode(o) = &q.object {
                if let Some(n) = renamed.get(o) {
                    q.object = (*n).clone().into();
                }
            }
        }
        let graph = GraphName::NamedNode(article.clone());
        let cp = CharOffsets::new(&doc.text);
        for (n, m) in self.merges.iter().enumerate() {
            let node = mint::local(&article, &format!("event-merge-{n}"));
            let (start, end) = cp.span(a.sentence_span(a.events[m.event].sentence));
            let mut add = |p: oxigraph::model::NamedNodeRef<'_>, o: Term| {
                quads.push(Quad::new(node.clone(), p.into_owned(), o, graph.clone()));
            };
            add(rdf::TYPE, ng::EVENT_MERGE.into_owned().into());
            add(ng::MERGED_INTO, m.into.clone().into());
            add(ng::MERGE_REASON, Literal::new_simple_literal(&m.reason).into());
            add(ng::EVIDENCE, mint::sentence(&article, start, end).into());
        }
    }
}

/// The meetings, calls and visits the store holds, by participant.
#[derive(Debug, Default)]
pub struct EventIndex {
    events: HashMap<NamedNode, Stored>,
    by_participant: HashMap<NamedNode, HashSet<NamedNode>>,
    /// The events each article reports (to forget them when it is stored again).
    by_article: HashMap<NamedNode, Vec<NamedNode>>,
    /// Labels of participants and places, for the reasons.
    labels: HashMap<NamedNode, String>,
}

fn node(t: Option<Option<&Term>>) -> Option<NamedNode> {
    match t {
        Some(Some(Term::NamedNode(n))) => Some(n.clone()),
        _ => None,
    }
}

fn day(t: Option<Option<&Term>>) -> Option<NaiveDate> {
    match t {
        Some(Some(Term::Literal(l))) => NaiveDate::parse_from_str(l.value(), "%Y-%m-%d").ok(),
        _ => None,
    }
}

/// Whether a kind of event can be the same event in two articles.
fn mergeable(k: EventKind) -> bool {
    matches!(k, EventKind::Meeting | EventKind::PhoneCall | EventKind::Visit)
}

impl EventIndex {
    /// Reads the meetings, calls and visits of every article in the store.
    pub fn load(store: &Store) -> Result<Self, StoreError> {
        let mut index = Self::default();
        let query = format!(
            "SELECT ?g ?e ?class ?p ?label ?date ?place ?placeLabel ?published WHERE {{ GRAPH ?g {{ \
             ?g a <https://schema.org/NewsArticle> . VALUES ?class {{ <{}> <{}> <{}> }} ?e a ?class ; <{}> ?p . \
             OPTIONAL {{ ?p <http://www.w3.org/2000/01/rdf-schema#label> ?label }} \
             OPTIONAL {{ ?e <{}> ?date }} OPTIONAL {{ ?e <{}> ?place OPTIONAL {{ ?place <http://www.w3.org/2000/01/rdf-schema#label> ?placeLabel }} }} \
             OPTIONAL {{ ?g <https://schema.org/datePublished> ?published }} }} }}",
            ng::MEETING.as_str(),
            ng::PHONE_CALL.as_str(),
            ng::VISIT.as_str(),
            ng::PARTICIPANT.as_str(),
            ng::DATE.as_str(),
            ng::PLACE.as_str(),
        );
        select(store, &query, |row| {
            let (Some(g), Some(e), Some(kind), Some(p)) = (
                node(row.first().copied()),
                node(row.get(1).copied()),
                node(row.get(2).copied()),
                node(row.get(3).copied()),
            ) else {
                return;
            };
            if let Some(Some(Term::Literal(l))) = row.get(4).copied() {
                index.labels.entry(p.clone()).or_insert_with(|| l.value().to_owned());
            }
            let place = node(row.get(6).copied());
            if let (Some(pl), Some(Some(Term::Literal(l)))) = (&place, row.get(7).copied()) {
                index.labels.entry(pl.clone()).or_insert_with(|| l.value().to_owned());
            }
            let stored = index.events.entry(e.clone()).or_insert_with(|| Stored {
                kind,
                participants: HashSet::new(),
                date: None,
                place: None,
                articles: HashMap::new(),
            });
            stored.participants.insert(p.clone());
            stored.date = stored.date.or(day(row.get(5).copied()));
            stored.place = stored.place.clone().or(place);
            if stored.articles.insert(g.clone(), day(row.get(8).copied())).is_none() {
                index.by_article.entry(g).or_default().push(e.clone());
            }
            index.by_participant.entry(p).or_default().insert(e);
        })?;
        Ok(index)
    }

    /// Picks the node of every event of `a`, given the IRIs of its entities,
    /// looking at the events of the other articles.
    pub fn resolve(&self, doc: &Document, a: &Analysis, entities: &[NamedNode]) -> EventResolution {
        let article = mint::article(&doc.id);
        let mut iris: Vec<NamedNode> =
            (0..a.events.len()).map(|n| mint::local(&article, &format!("event-{n}"))).collect();
        let mut merges = Vec::new();
        let mut used: HashSet<NamedNode> = HashSet::new();
        for (n, ev) in a.events.iter().enumerate() {
            if !mergeable(ev.kind) {
                continue;
            }
            let kind = event_class(ev.kind).into_owned();
            let ours: HashSet<&NamedNode> = ev.participants.iter().map(|&p| &entities[p]).collect();
            let place = ev.place.map(|p| &entities[p]);
            let needed = if ev.kind == EventKind::Visit { 1 } else { 2 };
            if ours.len() < needed || (ev.kind == EventKind::Visit && place.is_none()) {
                continue;
            }
            let mut candidates: HashSet<&NamedNode> = HashSet::new();
            for p in &ours {
                candidates.extend(self.by_participant.get(*p).into_iter().flatten());
            }
            // (shared participants, closeness of dates, node) of every event that fits
            let mut fits: Vec<(usize, i64, &NamedNode, String)> = Vec::new();
            for c in candidates {
                let Some(s) = self.events.get(c) else { continue };
                if s.kind != kind || s.articles.keys().all(|g| *g == article) || used.contains(c) {
                    continue;
                }
                let shared: Vec<&NamedNode> = s.participants.iter().filter(|p| ours.contains(p)).collect();
                let subset = shared.len() == ours.len().min(s.participants.len());
                if !subset || shared.len() < needed {
                    continue;
                }
                let place_fits = match (place, &s.place) {
                    (Some(a), Some(b)) => a == b,
                    (None, Some(_)) if ev.kind == EventKind::Visit => false,
                    _ => true,
                };
                if !place_fits {
                    continue;
                }
                let Some((distance, when)) = dates_fit(ev.date, doc.meta.date, s) else { continue };
                let mut names: Vec<String> = shared.iter().map(|p| self.label(p)).collect();
                names.sort();
                let mut reason = format!("same participants ({})", names.join(", "));
                reason.push_str(&format!(", {when}"));
                match (place, &s.place) {
                    (Some(p), Some(_)) => reason.push_str(&format!(", same place ({})", self.label(p))),
                    (None, Some(p)) | (Some(p), None) => {
                        reason.push_str(&format!(", place {} in one report", self.label(p)))
                    }
                    (None, None) => {}
                }
                let mut sources: Vec<&str> = s.articles.keys().filter(|g| **g != article).map(article_id).collect();
                sources.sort_unstable();
                reason.push_str(&format!(" as the {} reported by {}", kind_name(ev.kind), sources.join(", ")));
                fits.push((shared.len(), distance, c, reason));
            }
            fits.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.as_str().cmp(y.2.as_str())));
            let best = match fits.as_slice() {
                [] => continue,
                [only] => only,
                [first, second, ..] if (first.0, first.1) != (second.0, second.1) => first,
                _ => continue, // two stored events fit alike: which one is unclear
            };
            used.insert(best.2.clone());
            iris[n] = best.2.clone();
            merges.push(EventMerge { event: n, into: best.2.clone(), reason: best.3.clone() });
        }
        EventResolution { iris, merges }
    }

    fn label(&self, n: &NamedNode) -> String {
        self.labels.get(n).cloned().unwrap_or_else(|| n.as_str().rsplit('/').next().unwrap_or_default().to_owned())
    }

    /// Records an article as stored with these entity and event IRIs (replacing what it held before).
    pub fn record(&mut self, doc: &Document, a: &Analysis, entities: &[NamedNode], events: &EventResolution) {
        let article = mint::article(&doc.id);
        for e in self.by_article.remove(&article).unwrap_or_default() {
            if let Some(s) = self.events.get_mut(&e) {
                s.articles.remove(&article);
                if s.articles.is_empty() {
                    for p in &s.participants {
                        if let Some(set) = self.by_participant.get_mut(p) {
                            set.remove(&e);
                        }
                    }
                    self.events.remove(&e);
                }
            }
        }
        for (n, ev) in a.events.iter().enumerate() {
            if !mergeable(ev.kind) {
                continue;
            }
            let iri = events.iris.get(n).cloned().unwrap_or_else(|| mint::local(&article, &format!("event-{n}")));
            let stored = self.events.entry(iri.clone()).or_insert_with(|| Stored {
                kind: event_class(ev.kind).into_owned(),
                participants: HashSet::new(),
                date: None,
                place: None,
                articles: HashMap::new(),
            });
            stored.date = stored.date.or(ev.date);
            stored.place = stored.place.clone().or(ev.place.map(|p| entities[p].clone()));
            stored.articles.insert(article.clone(), doc.meta.date);
            for &p in &ev.participants {
                stored.participants.insert(entities[p].clone());
                self.by_participant.entry(entities[p].clone()).or_default().insert(iri.clone());
                self.labels.entry(entities[p].clone()).or_insert_with(|| a.entities[p].name.clone());
            }
            if let Some(p) = ev.place {
                self.labels.entry(entities[p].clone()).or_insert_with(|| a.entities[p].name.clone());
            }
            self.by_article.entry(article.clone()).or_default().push(iri);
        }
    }
}

/// The article id of an article IRI.
fn article_id(g: &NamedNode) -> &str {
    g.as_str().rsplit('/').next().unwrap_or_default()
}

fn kind_name(k: EventKind) -> &'static str {
    match k {
        EventKind::Meeting => "meeting",
        EventKind::PhoneCall => "call",
        EventKind::Visit => "visit",
        EventKind::Action => "event",
    }
}

/// Whether an event of ours (dated `date`, in an article published on
/// `published`) may be a stored event by date: how many days apart, and the
/// reason in words.
fn dates_fit(date: Option<NaiveDate>, published: Option<NaiveDate>, s: &Stored) -> Option<(i64, String)> {
    let before = |d: NaiveDate, p: NaiveDate| {
        let days = (p - d).num_days();
        (0..=UNDATED_WINDOW).contains(&days).then_some(days)
    };
    match (date, s.date) {
        (Some(a), Some(b)) => {
            let days = (a - b).num_days().abs();
            (days <= DATE_SLACK)
                .then(|| (days, if days == 0 { format!("same date {a}") } else { format!("dates {b} and {a}") }))
        }
        (Some(d), None) => {
            let p = s.articles.values().flatten().copied().max()?;
            before(d, p).map(|days| (days, format!("date {d}, a day the other report leaves open (published {p})")))
        }
        (None, Some(d)) => {
            let p = published?;
            before(d, p).map(|days| (days, format!("date {d} from the other report (this one published {p})")))
        }
        (None, None) => {
            let p = published?;
            let q = s.articles.values().flatten().copied().max()?;
            let days = (p - q).num_days().abs();
            (days <= UNDATED_WINDOW).then(|| (days, format!("undated, reports published {q} and {p}")))
        }
    }
}
