//! Ingesting articles into the store: extraction on every core, loading in
//! atomic batches, and resumable runs.
//!
//! Articles are read as a stream and handled in batches: the pipeline runs on
//! the batch in parallel ([rayon]), entity identities are resolved in article
//! order (each article can merge with the ones before it), the quads are
//! mapped in parallel, and the batch is loaded:
//! - articles new to the store go through oxigraph's bulk loader, the whole
//!   batch committed at once;
//! - articles already stored are replaced one transaction each.
//!
//! Either way an article is in the store whole or not at all, so an
//! interrupted run (Ctrl-C, kill) loses at most the batch in progress. Each
//! article graph carries a checksum of its text, metadata and the newsgraph
//! version: running the same command again skips what is already stored and
//! finishes the rest. Memory stays flat: one batch of articles and their quads
//! at a time, plus the identity index (names and IRIs).

use std::collections::HashMap;

use oxigraph::model::{GraphName, Literal, NamedNode, Quad, Term};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use rayon::prelude::*;

use crate::error::{ReadError, StoreError};
use crate::link::events::EventIndex;
use crate::link::identity::IdentityIndex;
use crate::model::{Analysis, Document};
use crate::pipeline::Pipeline;
use crate::rdf::{self, mint, vocab::ng};
use crate::store::Store;

/// How to ingest.
#[derive(Debug, Clone, Copy)]
pub struct IngestOptions {
    /// Worker threads for extraction (0: all cores).
    pub jobs: usize,
    /// Articles per batch (an atomic unit of loading).
    pub batch: usize,
}

impl Default for IngestOptions {
    fn default() -> Self {
        Self { jobs: 0, batch: 256 }
    }
}

/// What happened to one article.
#[derive(Debug)]
pub enum Event {
    /// Stored, with its counts.
    Stored(Counts),
    /// Already in the store, unchanged: skipped.
    Unchanged(String),
    /// Could not be read; the run went on.
    Unreadable(ReadError),
    /// Could not be stored; the store holds what it held before.
    NotStored(String, StoreError),
}

/// Counts of what an article (or a run) added.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Counts {
    /// Article id (empty for totals).
    pub id: String,
    /// Articles.
    pub articles: usize,
    /// Entities.
    pub entities: usize,
    /// Quotations.
    pub quotes: usize,
    /// Relations.
    pub relations: usize,
    /// Quads written.
    pub triples: usize,
    /// Words (white-space separated) of the text.
    pub words: usize,
}

impl Counts {
    /// The counts of one analysed article.
    pub fn of(doc: &Document, a: &Analysis, triples: usize) -> Self {
        Self {
            id: doc.id.clone(),
            articles: 1,
            entities: a.entities.len(),
            quotes: a.quotes.len(),
            relations: a.relations.len(),
            triples,
            words: doc.text.split_whitespace().count(),
        }
    }

    /// Adds another's counts.
    pub fn add(&mut self, o: &Counts) {
        self.articles += o.articles;
        self.entities += o.entities;
        self.quotes += o.quotes;
        self.relations += o.relations;
        self.triples += o.triples;
        self.words += o.words;
    }
}

/// A stable fingerprint (64-bit FNV-1a) of an article as read, and of the
/// newsgraph version that reads it.
pub fn checksum(doc: &Document) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for &b in bytes.iter().chain(&[0xff]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    };
    feed(env!("CARGO_PKG_VERSION").as_bytes());
    feed(doc.text.as_bytes());
    feed(doc.meta.title.as_deref().unwrap_or("").as_bytes());
    feed(doc.meta.url.as_deref().unwrap_or("").as_bytes());
    feed(doc.meta.date.map(|d| d.to_string()).unwrap_or_default().as_bytes());
    format!("fnv1a64:{h:016x}")
}

/// The checksum of every article graph in the store.
fn stored_checksums(store: &Store) -> Result<HashMap<NamedNode, String>, StoreError> {
    let query = format!("SELECT ?g ?sum WHERE {{ GRAPH ?g {{ ?g <{}> ?sum }} }}", ng::CHECKSUM.as_str());
    let lookup =
        |e: &dyn std::fmt::Display| StoreError::Lookup { path: store.location().to_owned(), message: e.to_string() };
    let prepared = SparqlEvaluator::new().parse_query(&query).map_err(|e| lookup(&e))?;
    let mut out = HashMap::new();
    if let QueryResults::Solutions(rows) = prepared.on_store(store.inner()).execute().map_err(|e| lookup(&e))? {
        for row in rows {
            let row = row.map_err(|e| lookup(&e))?;
            if let (Some(Term::NamedNode(g)), Some(Term::Literal(sum))) = (row.get("g"), row.get("sum")) {
                out.insert(g.clone(), sum.value().to_owned());
            }
        }
    }
    Ok(out)
}

/// Reads, extracts and stores articles; calls `on_event` for each in input order.
/// Returns the totals of what was stored.
pub fn ingest(
    store: &Store,
    pipeline: &Pipeline,
    articles: impl Iterator<Item = Result<Document, ReadError>>,
    options: IngestOptions,
    mut on_event: impl FnMut(Event),
) -> Result<Counts, StoreError> {
    let pool = rayon::ThreadPoolBuilder::new().num_threads(options.jobs).build().map_err(|e| StoreError::Lookup {
        path: store.location().to_owned(),
        message: format!("cannot start the worker threads: {e}"),
    })?;
    let mut identities = IdentityIndex::load(store)?;
    let mut events = EventIndex::load(store)?;
    let mut stored = stored_checksums(store)?;
    let mut total = Counts::default();
    let mut articles = articles.peekable();
    while articles.peek().is_some() {
        // read a batch; unreadable articles are reported as they come
        let mut batch = Vec::with_capacity(options.batch);
        for item in articles.by_ref() {
            match item {
                Ok(doc) => {
                    let sum = checksum(&doc);
                    let graph = mint::article(&doc.id);
                    batch.push((doc, graph, sum));
                    if batch.len() >= options.batch.max(1) {
                        break;
                    }
                }
                Err(e) => on_event(Event::Unreadable(e)),
            }
        }
        // extract in parallel what the store does not hold already
        let analyses: Vec<Option<Analysis>> = pool.install(|| {
            batch
                .par_iter()
                .map(|(doc, graph, sum)| (stored.get(graph) != Some(sum)).then(|| pipeline.analyze(doc)))
                .collect()
        });
        // identities in article order, quads in parallel
        let mut work = Vec::new();
        for ((doc, graph, sum), analysis) in batch.iter().zip(analyses) {
            match analysis {
                None => on_event(Event::Unchanged(doc.id.clone())),
                Some(a) => {
                    let resolution = identities.resolve(doc, &a);
                    identities.record(doc, &a, &resolution.iris);
                    let merged = events.resolve(doc, &a, &resolution.iris);
                    events.record(doc, &a, &resolution.iris, &merged);
                    work.push((doc, graph, sum, a, (resolution, merged)));
                }
            }
        }
        let mapped: Vec<Vec<Quad>> = pool.install(|| {
            work.par_iter()
                .map(|(doc, graph, sum, a, (resolution, merged))| {
                    let mut quads = rdf::map_with(doc, a, &resolution.iris);
                    quads.extend(resolution.merge_quads(doc));
                    merged.apply(doc, a, &mut quads);
                    quads.push(Quad::new(
                        (*graph).clone(),
                        ng::CHECKSUM.into_owned(),
                        Literal::new_simple_literal(sum.as_str()),
                        GraphName::NamedNode((*graph).clone()),
                    ));
                    quads
                })
                .collect()
        });
        // new articles in one bulk load, stored ones replaced one by one
        let mut fresh: Vec<usize> = Vec::new();
        for (k, (doc, graph, sum, a, _)) in work.iter().enumerate() {
            if stored.contains_key(*graph) || store.has_graph(graph.as_ref())? {
                match store.replace_graph(&doc.id, graph.as_ref(), &mapped[k]) {
                    Ok(()) => {
                        let c = Counts::of(doc, a, mapped[k].len());
                        total.add(&c);
                        stored.insert((*graph).clone(), (*sum).clone());
                        on_event(Event::Stored(c));
                    }
                    Err(e) => on_event(Event::NotStored(doc.id.clone(), e)),
                }
            } else {
                fresh.push(k);
            }
        }
        if !fresh.is_empty() {
            let quads = fresh.iter().flat_map(|&k| mapped[k].iter().cloned());
            let ids: Vec<&str> = fresh.iter().map(|&k| work[k].0.id.as_str()).collect();
            match store.bulk_load(&ids, quads) {
                Ok(()) => {
                    for &k in &fresh {
                        let (doc, graph, sum, a, _) = &work[k];
                        let c = Counts::of(doc, a, mapped[k].len());
                        total.add(&c);
                        stored.insert((*graph).clone(), (*sum).clone());
                        on_event(Event::Stored(c));
                    }
                }
                Err(e) => {
                    let message = e.to_string();
                    for &k in &fresh {
                        on_event(Event::NotStored(
                            work[k].0.id.clone(),
                            StoreError::Lookup { path: store.location().to_owned(), message: message.clone() },
                        ));
                    }
                }
            }
        }
    }
    Ok(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn docs(n: usize) -> Vec<Result<Document, ReadError>> {
        (0..n)
            .map(|i| Ok(Document::new(format!("d{i}"), format!("Anna Kowalska met Jan Nowak in Warsaw on day {i}."))))
            .collect()
    }

    #[test]
    fn batches_load_every_article_and_a_second_run_skips_them() -> Result<(), StoreError> {
        let store = Store::memory()?;
        let pipeline = Pipeline::default();
        let options = IngestOptions { jobs: 2, batch: 3 };
        let mut events = Vec::new();
        let total = ingest(&store, &pipeline, docs(7).into_iter(), options, |e| events.push(e))?;
        assert_eq!(total.articles, 7);
        assert_eq!(store.graphs()?.len(), 7);
        let quads = store.len()?;
        let again = ingest(&store, &pipeline, docs(7).into_iter(), options, |e| events.push(e))?;
        assert_eq!(again.articles, 0);
        assert_eq!(store.len()?, quads, "a second run changes nothing");
        assert_eq!(events.iter().filter(|e| matches!(e, Event::Unchanged(_))).count(), 7);
        Ok(())
    }

    #[test]
    fn a_changed_article_replaces_its_graph() -> Result<(), StoreError> {
        let store = Store::memory()?;
        let pipeline = Pipeline::default();
        ingest(&store, &pipeline, docs(2).into_iter(), IngestOptions::default(), |_| {})?;
        let changed = vec![Ok(Document::new("d1", "Jan Nowak stated nothing."))];
        let total = ingest(&store, &pipeline, changed.into_iter(), IngestOptions::default(), |_| {})?;
        assert_eq!(total.articles, 1);
        assert_eq!(store.graphs()?.len(), 2);
        Ok(())
    }

    #[test]
    fn checksums_are_stable_and_see_every_field() {
        let a = Document::new("x", "text");
        let mut b = a.clone();
        assert_eq!(checksum(&a), checksum(&b));
        b.meta.title = Some("t".into());
        assert_ne!(checksum(&a), checksum(&b));
    }
}
