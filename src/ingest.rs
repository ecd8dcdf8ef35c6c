//! Ingesting articles: one path, whether the graphs go to the local store or to
//! a SPARQL endpoint.
//!
//! Articles are read as a stream and handled in batches:
//! 1. the pipeline analyses the batch in parallel ([rayon]), skipping articles
//!    stored unchanged (each article graph carries a checksum of its text,
//!    metadata and the newsgraph version);
//! 2. entity identities and events are resolved in article order (each article
//!    can merge with the ones before it);
//! 3. each article's graph is made in parallel — quads, merges, checksum, and
//!    what it adds to the summary ([`article_graph`]);
//! 4. the batch goes to a [`Sink`]: the store ([`StoreSink`]: new articles
//!    bulk-loaded at once and summarised every few thousand, stored ones
//!    replaced one transaction each, summary included) or a SPARQL Update
//!    endpoint ([`RemoteSink`]: one request per article).
//!
//! Either way an article is stored whole or not at all, so an interrupted run
//! (Ctrl-C, kill) loses at most the batch in progress, and running the same
//! command again skips what is stored and finishes the rest. Memory stays flat:
//! one batch of articles and their quads at a time, the identity index (names
//! and IRIs), and 16 bytes per stored article for the checksums.

use std::collections::{HashMap, HashSet};

use oxigraph::model::{GraphName, Literal, NamedNode, Quad, Term};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use rayon::prelude::*;

use crate::error::{ReadError, StoreError};
use crate::link::events::{EventIndex, EventResolution};
use crate::link::identity::{IdentityIndex, Resolution};
use crate::model::{Analysis, Document};
use crate::pipeline::Pipeline;
use crate::push::{PushError, Remote};
use crate::rdf::{self, mint, vocab::ng};
use crate::store::{ArticleGraph, Store};

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

/// Why an article graph was not written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum WriteError {
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The endpoint refused the graph or did not answer.
    #[error(transparent)]
    Remote(#[from] PushError),
    /// An earlier failure stopped the run before this article was sent.
    #[error("not sent: the run stopped at an earlier failure")]
    NotSent,
}

impl WriteError {
    /// Whether no other article can be written either: the endpoint is
    /// unreachable, or refuses the token, the URL or the request's kind.
    pub fn is_fatal(&self) -> bool {
        match self {
            Self::Remote(e) => e.status().is_none_or(|s| matches!(s, 401 | 403 | 404 | 405 | 415)),
            Self::Store(_) | Self::NotSent => false,
        }
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
    /// Could not be written; the destination holds what it held before.
    NotStored(String, WriteError),
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
    let date = doc.meta.date.map(|d| d.to_string()).unwrap_or_default();
    let h = mint::fnv1a(&[
        env!("CARGO_PKG_VERSION").as_bytes(),
        doc.text.as_bytes(),
        doc.meta.title.as_deref().unwrap_or("").as_bytes(),
        doc.meta.url.as_deref().unwrap_or("").as_bytes(),
        date.as_bytes(),
    ]);
    format!("fnv1a64:{h:016x}")
}

/// The checksums of the stored articles, 16 bytes each: graph IRI hash → checksum value.
#[derive(Debug, Default)]
struct Checksums(HashMap<u64, u64>);

impl Checksums {
    fn key(graph: &NamedNode) -> u64 {
        mint::fnv1a(&[graph.as_str().as_bytes()])
    }

    fn value(sum: &str) -> u64 {
        sum.strip_prefix("fnv1a64:")
            .and_then(|h| u64::from_str_radix(h, 16).ok())
            .unwrap_or_else(|| mint::fnv1a(&[sum.as_bytes()]))
    }

    /// The checksum of every article graph in the store.
    fn load(store: &Store) -> Result<Self, StoreError> {
        let query = format!("SELECT ?g ?sum WHERE {{ GRAPH ?g {{ ?g <{}> ?sum }} }}", ng::CHECKSUM.as_str());
        let lookup = |e: &dyn std::fmt::Display| StoreError::Lookup {
            path: store.location().to_owned(),
            message: e.to_string(),
        };
        let prepared = SparqlEvaluator::new().parse_query(&query).map_err(|e| lookup(&e))?;
        let mut out = HashMap::new();
        if let QueryResults::Solutions(rows) = prepared.on_store(store.inner()).execute().map_err(|e| lookup(&e))? {
            for row in rows {
                let row = row.map_err(|e| lookup(&e))?;
                if let (Some(Term::NamedNode(g)), Some(Term::Literal(sum))) = (row.get("g"), row.get("sum")) {
                    out.insert(Self::key(g), Self::value(sum.value()));
                }
            }
        }
        Ok(Self(out))
    }

    fn matches(&self, graph: &NamedNode, sum: &str) -> bool {
        self.0.get(&Self::key(graph)) == Some(&Self::value(sum))
    }

    fn insert(&mut self, graph: &NamedNode, sum: &str) {
        self.0.insert(Self::key(graph), Self::value(sum));
    }
}

/// The graph of one analysed article as newsgraph stores it: its quads (with
/// the entity IRIs identity resolution chose), its entity and event merges, and the checksum
/// that lets a later run skip it. Local and remote ingest store exactly this.
pub fn article_graph(
    doc: &Document,
    analysis: &Analysis,
    resolution: &Resolution,
    events: &EventResolution,
) -> ArticleGraph {
    let graph = mint::article(&doc.id);
    let mut quads = rdf::map_with(doc, analysis, &resolution.iris);
    quads.extend(resolution.merge_quads(doc));
    events.apply(doc, analysis, &mut quads);
    quads.push(Quad::new(
        graph.clone(),
        ng::CHECKSUM.into_owned(),
        Literal::new_simple_literal(checksum(doc)),
        GraphName::NamedNode(graph.clone()),
    ));
    ArticleGraph::new(doc.id.clone(), graph, quads)
}

/// Where a batch of article graphs goes.
pub trait Sink {
    /// Writes the graphs, in order; one result each. After a fatal failure
    /// ([`WriteError::is_fatal`]) the rest are not written ([`WriteError::NotSent`]).
    fn write(&mut self, graphs: &[ArticleGraph]) -> Vec<Result<(), WriteError>>;

    /// Finishes what the writes left to do, at the end of a run.
    fn finish(&mut self) -> Result<(), WriteError> {
        Ok(())
    }
}

/// Writes into a store: new articles bulk-loaded together, stored ones replaced
/// one transaction each; the summary is updated with them.
pub struct StoreSink<'a>(pub &'a Store);

impl Sink for StoreSink<'_> {
    fn write(&mut self, graphs: &[ArticleGraph]) -> Vec<Result<(), WriteError>> {
        let store = self.0;
        let mut results: Vec<Option<Result<(), WriteError>>> = (0..graphs.len()).map(|_| None).collect();
        // new graphs, each once, in one bulk load; the rest (stored before, or
        // twice in the batch) replaced afterwards, in order
        let mut fresh = Vec::new();
        let mut seen = HashSet::new();
        for (k, a) in graphs.iter().enumerate() {
            if !seen.insert(&a.graph) {
                continue;
            }
            match store.has_graph(a.graph.as_ref()) {
                Ok(false) => fresh.push(k),
                Ok(true) => {}
                Err(e) => results[k] = Some(Err(e.into())),
            }
        }
        if !fresh.is_empty() {
            let batch: Vec<&ArticleGraph> = fresh.iter().map(|&k| &graphs[k]).collect();
            let outcome = store.bulk_load_deferred(&batch).map_err(|e| e.to_string());
            for &k in &fresh {
                results[k] = Some(
                    outcome
                        .clone()
                        .map_err(|message| StoreError::Lookup { path: store.location().to_owned(), message }.into()),
                );
            }
        }
        graphs
            .iter()
            .zip(results)
            .map(|(a, r)| {
                r.unwrap_or_else(|| store.replace_graph(&a.id, a.graph.as_ref(), &a.quads).map_err(Into::into))
            })
            .collect()
    }

    fn finish(&mut self) -> Result<(), WriteError> {
        Ok(self.0.flush_summary()?)
    }
}

/// Sends to a SPARQL Update endpoint, one request per article
/// (`DROP SILENT GRAPH` + `INSERT DATA`, applied by the endpoint in one transaction).
pub struct RemoteSink<'a>(pub &'a Remote);

impl Sink for RemoteSink<'_> {
    fn write(&mut self, graphs: &[ArticleGraph]) -> Vec<Result<(), WriteError>> {
        let mut stopped = false;
        graphs
            .iter()
            .map(|a| {
                if stopped {
                    return Err(WriteError::NotSent);
                }
                let r = self.0.replace(&[(a.graph.clone(), a.quads.clone())]).map(|_| ()).map_err(WriteError::from);
                stopped = r.as_ref().is_err_and(WriteError::is_fatal);
                r
            })
            .collect()
    }
}

/// Reads, extracts and writes articles to `sink`; calls `on_event` for each in
/// input order. `known` is the store that says which articles are stored
/// already (skipped when unchanged) and which people they name (for identity
/// across articles): the sink's store, or a read-only copy of what a remote
/// endpoint holds, or an empty one. Returns the totals of what was written, or
/// the failure that stopped the run (after reporting the articles before it).
pub fn ingest(
    known: &Store,
    pipeline: &Pipeline,
    articles: impl Iterator<Item = Result<Document, ReadError>>,
    options: IngestOptions,
    sink: &mut dyn Sink,
    mut on_event: impl FnMut(Event),
) -> Result<Counts, WriteError> {
    let pool = rayon::ThreadPoolBuilder::new().num_threads(options.jobs).build().map_err(|e| StoreError::Lookup {
        path: known.location().to_owned(),
        message: format!("cannot start the worker threads: {e}"),
    })?;
    let mut identities = IdentityIndex::load(known)?;
    let mut events = EventIndex::load(known)?;
    let mut stored = Checksums::load(known)?;
    let mut total = Counts::default();
    let mut articles = articles.peekable();
    while articles.peek().is_some() {
        // read a batch; unreadable articles are reported as they come
        let mut batch = Vec::with_capacity(options.batch);
        for item in articles.by_ref() {
            match item {
                Ok(doc) => {
                    let sum = checksum(&doc);
                    batch.push((doc, sum));
                    if batch.len() >= options.batch.max(1) {
                        break;
                    }
                }
                Err(e) => on_event(Event::Unreadable(e)),
            }
        }
        // extract in parallel what is not stored already
        let analyses: Vec<Option<Analysis>> = pool.install(|| {
            batch
                .par_iter()
                .map(|(doc, sum)| (!stored.matches(&mint::article(&doc.id), sum)).then(|| pipeline.analyze(doc)))
                .collect()
        });
        // identities in article order, graphs in parallel
        let mut work = Vec::new();
        for ((doc, sum), analysis) in batch.iter().zip(analyses) {
            match analysis {
                None => on_event(Event::Unchanged(doc.id.clone())),
                Some(a) => {
                    let resolution = identities.resolve(doc, &a);
                    identities.record(doc, &a, &resolution.iris);
                    let merged = events.resolve(doc, &a, &resolution.iris);
                    events.record(doc, &a, &resolution.iris, &merged);
                    work.push((doc, sum, a, resolution, merged));
                }
            }
        }
        let graphs: Vec<ArticleGraph> = pool.install(|| {
            work.par_iter().map(|(doc, _, a, resolution, merged)| article_graph(doc, a, resolution, merged)).collect()
        });
        let results = sink.write(&graphs);
        let mut fatal = None;
        for (((doc, sum, a, _, _), graph), result) in work.iter().zip(&graphs).zip(results) {
            match result {
                Ok(()) => {
                    let c = Counts::of(doc, a, graph.quads.len());
                    total.add(&c);
                    stored.insert(&graph.graph, sum);
                    on_event(Event::Stored(c));
                }
                Err(e) if e.is_fatal() => fatal = Some(e),
                Err(e) => on_event(Event::NotStored(doc.id.clone(), e)),
            }
        }
        if let Some(e) = fatal {
            return Err(e);
        }
    }
    sink.finish()?;
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
    fn batches_load_every_article_and_a_second_run_skips_them() -> Result<(), WriteError> {
        let store = Store::memory()?;
        let pipeline = Pipeline::default();
        let options = IngestOptions { jobs: 2, batch: 3 };
        let mut events = Vec::new();
        let total =
            ingest(&store, &pipeline, docs(7).into_iter(), options, &mut StoreSink(&store), |e| events.push(e))?;
        assert_eq!(total.articles, 7);
        assert_eq!(store.graphs()?.len(), 7);
        let quads = store.len()?;
        let again =
            ingest(&store, &pipeline, docs(7).into_iter(), options, &mut StoreSink(&store), |e| events.push(e))?;
        assert_eq!(again.articles, 0);
        assert_eq!(store.len()?, quads, "a second run changes nothing");
        assert_eq!(events.iter().filter(|e| matches!(e, Event::Unchanged(_))).count(), 7);
        Ok(())
    }

    #[test]
    fn a_changed_article_replaces_its_graph() -> Result<(), WriteError> {
        let store = Store::memory()?;
        let pipeline = Pipeline::default();
        ingest(&store, &pipeline, docs(2).into_iter(), IngestOptions::default(), &mut StoreSink(&store), |_| {})?;
        let changed = vec![Ok(Document::new("d1", "Jan Nowak stated nothing."))];
        let total =
            ingest(&store, &pipeline, changed.into_iter(), IngestOptions::default(), &mut StoreSink(&store), |_| {})?;
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
