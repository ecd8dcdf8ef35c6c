//! Stage 7, `store`: the embedded oxigraph store.
//!
//! Each article lives in its own named graph (the article's IRI). Storing an
//! article again replaces that graph in one transaction: readers see the old
//! graph or the new one, never a mix, and no other article changes. Every write
//! also brings the summary graph up to date ([`crate::summary`]). Queries see
//! the union of all graphs as their default graph.
//!
//! # Rationale
//! oxigraph's RocksDB store takes a lock on its directory, so only one process
//! writes at a time; read-only commands (`query`, `export`, `stats`) open it
//! read-only and do not take the lock.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};

use oxigraph::model::{GraphNameRef, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, Term};
use oxigraph::store::{StorageError, Transaction};

use crate::error::StoreError;
use crate::rdf::mint;
use crate::rdf::vocab::ng;
use crate::summary::{self, Contribution};

/// An embedded store: persistent (RocksDB) or in memory.
pub struct Store {
    inner: oxigraph::store::Store,
    location: String,
    /// Held by every write: writes read the summary they update, so they go one at a time.
    writer: Mutex<()>,
    /// What deferred bulk loads add to the summary, not written yet (their graphs are pending).
    deferred: Mutex<summary::Additions>,
}

/// Deferred bulk loads are summarised once this many articles wait.
const DEFERRED_ARTICLES: usize = 4096;
/// Events and quotations listed per transaction when deferred bulk loads are summarised.
const EVENT_CHUNK: usize = 1024;

/// One article's graph, ready to store: its IRI, its quads (all in that graph)
/// and what it adds to the summary.
#[derive(Debug, Clone)]
pub struct ArticleGraph {
    /// The article id.
    pub id: String,
    /// The graph (the article IRI).
    pub graph: NamedNode,
    /// The quads.
    pub quads: Vec<Quad>,
    /// Its contribution to the summary.
    pub contribution: Contribution,
}

impl ArticleGraph {
    /// The graph `graph` of article `id`, holding `quads`.
    pub fn new(id: impl Into<String>, graph: NamedNode, quads: Vec<Quad>) -> Self {
        let contribution = Contribution::of(&graph, &quads);
        Self { id: id.into(), graph, quads, contribution }
    }
}

/// The graphs a change may touch (see [`Store::change`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Touched {
    /// These named graphs.
    Graphs(Vec<NamedNode>),
    /// Any graph: the summary is rebuilt from all of them.
    All,
}

fn storage(location: &str) -> impl Fn(StorageError) -> StoreError + '_ {
    move |source| StoreError::Storage { path: location.to_owned(), source }
}

impl Store {
    fn new(inner: oxigraph::store::Store, location: String) -> Self {
        Self { inner, location, writer: Mutex::new(()), deferred: Mutex::new(summary::Additions::default()) }
    }

    /// An empty store in memory.
    pub fn memory() -> Result<Self, StoreError> {
        let inner = oxigraph::store::Store::new().map_err(storage("memory"))?;
        let store = Self::new(inner, "memory".to_owned());
        store.repair()?;
        Ok(store)
    }

    /// Opens (creating if needed) a persistent store for reading and writing.
    /// A store whose summary is missing, of another version or incomplete (a
    /// load was interrupted) is summarised first.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let inner = persistent(path, false).map_err(|source| {
            if is_lock_error(&source) {
                StoreError::Locked { path: path.to_owned(), source }
            } else {
                StoreError::Storage { path: path.display().to_string(), source }
            }
        })?;
        let store = Self::new(inner, path.display().to_string());
        store.repair()?;
        Ok(store)
    }

    /// Opens an existing persistent store for reading only.
    pub fn open_read_only(path: &Path) -> Result<Self, StoreError> {
        if !path.join("CURRENT").exists() {
            return Err(StoreError::Missing { path: PathBuf::from(path) });
        }
        let inner = persistent(path, true).map_err(storage(&path.display().to_string()))?;
        Ok(Self::new(inner, path.display().to_string()))
    }

    /// The oxigraph store, for queries. Write through [`Store::replace_graph`],
    /// [`Store::bulk_load`], [`Store::remove_graph`] or [`Store::change`], which
    /// keep the summary graph up to date.
    pub fn inner(&self) -> &oxigraph::store::Store {
        &self.inner
    }

    /// Where the store is ("memory" or a directory).
    pub fn location(&self) -> &str {
        &self.location
    }

    fn write_lock(&self) -> MutexGuard<'_, ()> {
        self.writer.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Runs `change` in one transaction that also brings the summary up to date
    /// for the graphs it may touch, which `touched` says (it sees the store as
    /// `change` will); nothing is written if either fails. The outer error is
    /// the store's, the inner one the closures' own.
    pub fn change<T, E>(
        &self,
        touched: impl FnOnce(&Transaction<'_>) -> Result<Touched, E>,
        change: impl FnOnce(&mut Transaction<'_>) -> Result<T, E>,
    ) -> Result<Result<T, E>, StoreError> {
        let fail = storage(&self.location);
        let _writing = self.write_lock();
        let mut tx = self.inner.start_transaction().map_err(&fail)?;
        let touched = match touched(&tx) {
            Ok(t) => t,
            Err(e) => return Ok(Err(e)),
        };
        match touched {
            Touched::Graphs(graphs) => {
                let summary = mint::summary();
                let graphs: BTreeSet<NamedNode> = graphs.into_iter().filter(|g| *g != summary).collect();
                let contributions = |tx: &Transaction<'_>| -> Result<Vec<Contribution>, StorageError> {
                    graphs.iter().map(|g| Ok(Contribution::of(g, &summary::graph_quads(tx, g)?))).collect()
                };
                let olds = contributions(&tx).map_err(&fail)?;
                let out = match change(&mut tx) {
                    Ok(out) => out,
                    Err(e) => return Ok(Err(e)),
                };
                let news = contributions(&tx).map_err(&fail)?;
                let olds: Vec<(&NamedNode, &Contribution)> = graphs.iter().zip(&olds).collect();
                let news: Vec<(&NamedNode, &Contribution)> = graphs.iter().zip(&news).collect();
                summary::apply(&mut tx, &olds, &news).map_err(&fail)?;
                tx.commit().map_err(&fail)?;
                Ok(Ok(out))
            }
            Touched::All => {
                let out = match change(&mut tx) {
                    Ok(out) => out,
                    Err(e) => return Ok(Err(e)),
                };
                summary::clear(&mut tx).map_err(&fail)?;
                let graphs = summary::article_graphs(&tx).map_err(&fail)?;
                summary::add_graphs(&mut tx, &graphs).map_err(&fail)?;
                summary::set_version(&mut tx).map_err(&fail)?;
                tx.commit().map_err(&fail)?;
                Ok(Ok(out))
            }
        }
    }

    /// Replaces the graph of one article with `quads`, atomically, summary included.
    pub fn replace_graph(&self, doc: &str, graph: NamedNodeRef<'_>, quads: &[Quad]) -> Result<(), StoreError> {
        let load = |source| StoreError::Load { doc: doc.to_owned(), source };
        self.change(
            |_| Ok(Touched::Graphs(vec![graph.into_owned()])),
            |tx| {
                tx.clear_graph(GraphNameRef::NamedNode(graph))?;
                tx.extend(quads);
                Ok(())
            },
        )
        .and_then(|r| r.map_err(load))
    }

    /// Removes the graph of one article, summary included. Whether it was there.
    pub fn remove_graph(&self, graph: NamedNodeRef<'_>) -> Result<bool, StoreError> {
        let fail = storage(&self.location);
        self.change(
            |_| Ok(Touched::Graphs(vec![graph.into_owned()])),
            |tx| {
                let there = tx.contains_named_graph(graph)?;
                tx.remove_named_graph(graph)?;
                Ok(there)
            },
        )
        .and_then(|r| r.map_err(fail))
    }

    /// Loads the graphs of new articles with oxigraph's bulk loader, committed
    /// at once: all of them are in the store afterwards, or none; then their
    /// summary, in a transaction (an interrupted pair is finished when the store
    /// is next opened for writing). The articles must not be in the store already
    /// (their graphs are not cleared).
    pub fn bulk_load(&self, articles: &[&ArticleGraph]) -> Result<(), StoreError> {
        let Some(doc) = batch_name(articles) else { return Ok(()) };
        let load = |source: StorageError| StoreError::Load { doc: doc.clone(), source };
        let _writing = self.write_lock();
        let graphs: Vec<&NamedNode> = articles.iter().map(|a| &a.graph).collect();
        let mut tx = self.inner.start_transaction().map_err(load)?;
        summary::mark_pending(&mut tx, &graphs).map_err(load)?;
        tx.commit().map_err(load)?;
        let mut loader = self.inner.bulk_loader();
        let loaded = loader
            .load_quads(articles.iter().flat_map(|a| a.quads.iter().cloned()))
            .map_err(|e| StoreError::Load { doc: doc.clone(), source: e })
            .and_then(|()| loader.commit().map_err(load));
        let mut tx = self.inner.start_transaction().map_err(load)?;
        let done: BTreeSet<String> = graphs.iter().map(|g| g.as_str().to_owned()).collect();
        let left: Vec<String> =
            summary::pending(&tx).map_err(load)?.into_iter().filter(|g| !done.contains(g)).collect();
        if loaded.is_ok() {
            let news: Vec<(&NamedNode, &Contribution)> = articles.iter().map(|a| (&a.graph, &a.contribution)).collect();
            summary::apply(&mut tx, &[], &news).map_err(load)?;
        }
        summary::set_pending(&mut tx, &left).map_err(load)?;
        tx.commit().map_err(load)?;
        loaded
    }

    /// Loads the graphs of new articles as [`Store::bulk_load`] does, but adds
    /// them to the summary later, with the next loads, in one transaction every
    /// few thousand articles, or at [`Store::flush_summary`] (and when the store
    /// is dropped): far fewer summary writes when articles name the same
    /// entities. Until then the summary lags behind these articles (a crash
    /// meanwhile is repaired when the store is next opened for writing).
    pub fn bulk_load_deferred(&self, articles: &[&ArticleGraph]) -> Result<(), StoreError> {
        let Some(doc) = batch_name(articles) else { return Ok(()) };
        let load = |source: StorageError| StoreError::Load { doc: doc.clone(), source };
        let waiting = {
            let _writing = self.write_lock();
            let graphs: Vec<&NamedNode> = articles.iter().map(|a| &a.graph).collect();
            let mut tx = self.inner.start_transaction().map_err(load)?;
            summary::mark_pending(&mut tx, &graphs).map_err(load)?;
            tx.commit().map_err(load)?;
            let mut loader = self.inner.bulk_loader();
            loader.load_quads(articles.iter().flat_map(|a| a.quads.iter().cloned())).map_err(load)?;
            loader.commit().map_err(load)?;
            let mut deferred = self.deferred.lock().unwrap_or_else(PoisonError::into_inner);
            for a in articles {
                deferred.add(&a.graph, &a.contribution);
            }
            deferred.graphs()
        };
        if waiting >= DEFERRED_ARTICLES {
            self.flush_summary()?;
        }
        Ok(())
    }

    /// Writes what deferred bulk loads add to the summary, and clears their pending record.
    pub fn flush_summary(&self) -> Result<(), StoreError> {
        let fail = storage(&self.location);
        let _writing = self.write_lock();
        let adds = std::mem::take(&mut *self.deferred.lock().unwrap_or_else(PoisonError::into_inner));
        if adds.graphs() == 0 {
            return Ok(());
        }
        // the event listing first, in transactions of a bounded size, each flushed
        // (its entries are many and mostly new: left in RocksDB's write buffers they
        // doubled the peak memory of an ingest); a crash before the pending record
        // is cleared below computes them again (see `repair`)
        for chunk in adds.events().chunks(EVENT_CHUNK) {
            let mut tx = self.inner.start_transaction().map_err(&fail)?;
            summary::events::add(&mut tx, chunk).map_err(&fail)?;
            tx.commit().map_err(&fail)?;
            #[cfg(feature = "rocksdb")]
            if self.location != "memory" {
                self.inner.flush().map_err(&fail)?;
            }
        }
        let mut tx = self.inner.start_transaction().map_err(&fail)?;
        summary::apply_additions(&mut tx, &adds).map_err(&fail)?;
        summary::set_pending(&mut tx, &[]).map_err(&fail)?;
        tx.commit().map_err(&fail)?;
        // the summary's few changes stay in RocksDB's write buffers otherwise, which grow with the run
        #[cfg(feature = "rocksdb")]
        if self.location != "memory" {
            self.inner.flush().map_err(&fail)?;
        }
        Ok(())
    }

    /// Brings the summary up to date if it is missing, of another version, or
    /// incomplete (see [`summary`]).
    fn repair(&self) -> Result<(), StoreError> {
        let fail = storage(&self.location);
        let _writing = self.write_lock();
        let mut tx = self.inner.start_transaction().map_err(&fail)?;
        if summary::version(&tx).map_err(&fail)? != Some(summary::VERSION) {
            summary::clear(&mut tx).map_err(&fail)?;
            tx.commit().map_err(&fail)?;
            let graphs = summary::article_graphs(&self.inner.start_transaction().map_err(&fail)?).map_err(&fail)?;
            for chunk in graphs.chunks(256) {
                let mut tx = self.inner.start_transaction().map_err(&fail)?;
                summary::add_graphs(&mut tx, chunk).map_err(&fail)?;
                tx.commit().map_err(&fail)?;
            }
            let mut tx = self.inner.start_transaction().map_err(&fail)?;
            summary::set_version(&mut tx).map_err(&fail)?;
            return tx.commit().map_err(&fail);
        }
        let pending = summary::pending(&tx).map_err(&fail)?;
        if pending.is_empty() {
            return Ok(());
        }
        let mut graphs = Vec::new();
        for g in pending.iter().filter_map(|g| NamedNode::new(g).ok()) {
            if tx.contains_named_graph(&g).map_err(&fail)? {
                graphs.push(g);
            }
        }
        summary::add_graphs(&mut tx, &graphs).map_err(&fail)?;
        summary::set_pending(&mut tx, &[]).map_err(&fail)?;
        tx.commit().map_err(&fail)
    }

    /// Whether the summary is complete: of this version, with no load left
    /// unsummarised. A store opened for writing always is; a read-only one may
    /// not be (written by an older newsgraph, or a crash during a load).
    pub fn summary_is_complete(&self) -> Result<bool, StoreError> {
        let s = mint::summary();
        let g = GraphNameRef::NamedNode(s.as_ref());
        let fail = storage(&self.location);
        let version =
            self.inner.quads_for_pattern(Some(s.as_ref().into()), Some(ng::SUMMARY_VERSION), None, Some(g)).next();
        let current = match version.transpose().map_err(&fail)? {
            Some(q) => matches!(&q.object, Term::Literal(l) if l.value() == summary::VERSION.to_string()),
            None => false,
        };
        let pending = self.inner.quads_for_pattern(Some(s.as_ref().into()), Some(ng::PENDING), None, Some(g)).next();
        Ok(current && pending.transpose().map_err(&fail)?.is_none())
    }

    /// Whether an article's graph is in the store.
    pub fn has_graph(&self, graph: NamedNodeRef<'_>) -> Result<bool, StoreError> {
        self.inner.contains_named_graph(graph).map_err(storage(&self.location))
    }

    /// Number of quads, the summary's included (a full scan: see [`Store::article_quads`]).
    pub fn len(&self) -> Result<usize, StoreError> {
        self.inner.len().map_err(storage(&self.location))
    }

    /// Whether the store holds no quads.
    pub fn is_empty(&self) -> Result<bool, StoreError> {
        self.inner.is_empty().map_err(storage(&self.location))
    }

    /// Number of quads in the article graphs, from the summary (no scan).
    pub fn article_quads(&self) -> Result<u64, StoreError> {
        let s = mint::summary();
        let q = self
            .inner
            .quads_for_pattern(
                Some(s.as_ref().into()),
                Some(ng::QUAD_COUNT),
                None,
                Some(GraphNameRef::NamedNode(s.as_ref())),
            )
            .next()
            .transpose()
            .map_err(storage(&self.location))?;
        Ok(match q.map(|q| q.object) {
            Some(Term::Literal(l)) => l.value().parse().unwrap_or(0),
            _ => 0,
        })
    }

    /// Number of quads in one graph.
    pub fn graph_len(&self, graph: NamedNodeRef<'_>) -> Result<usize, StoreError> {
        let mut n = 0;
        for q in self.inner.quads_for_pattern(None, None, None, Some(GraphNameRef::NamedNode(graph))) {
            q.map_err(storage(&self.location))?;
            n += 1;
        }
        Ok(n)
    }

    /// The named graphs (one per article), without the summary graph.
    pub fn graphs(&self) -> Result<Vec<NamedNode>, StoreError> {
        let summary = mint::summary();
        let mut out = Vec::new();
        for g in self.inner.named_graphs() {
            if let NamedOrBlankNode::NamedNode(n) = g.map_err(storage(&self.location))? {
                if n != summary {
                    out.push(n);
                }
            }
        }
        Ok(out)
    }
}

impl Drop for Store {
    fn drop(&mut self) {
        // best effort: what is not written is repaired when the store is next opened for writing
        let _ = self.flush_summary();
    }
}

/// Opens a RocksDB store.
#[cfg(feature = "rocksdb")]
fn persistent(path: &Path, read_only: bool) -> Result<oxigraph::store::Store, StorageError> {
    if read_only {
        oxigraph::store::Store::open_read_only(path)
    } else {
        oxigraph::store::Store::open(path)
    }
}

/// Built without RocksDB: there are no persistent stores.
#[cfg(not(feature = "rocksdb"))]
fn persistent(_: &Path, _: bool) -> Result<oxigraph::store::Store, StorageError> {
    Err(StorageError::Other("newsgraph was built without the `rocksdb` feature".into()))
}

/// Whether RocksDB refused to open because another process holds the lock.
fn is_lock_error(e: &oxigraph::store::StorageError) -> bool {
    let msg = e.to_string().to_lowercase();
    msg.contains("lock")
}

/// How errors name a batch of articles: its one id, or the count and the first and last ids.
fn batch_name(articles: &[&ArticleGraph]) -> Option<String> {
    match articles {
        [] => None,
        [one] => Some(one.id.clone()),
        [first, .., last] => Some(format!("{} articles ({} … {})", articles.len(), first.id, last.id)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::{GraphName, Literal};

    fn quad(g: &NamedNode, o: &str) -> Quad {
        let s = NamedNode::new_unchecked("http://example.com/s");
        Quad::new(s.clone(), s, Literal::new_simple_literal(o), GraphName::NamedNode(g.clone()))
    }

    #[test]
    fn replacing_a_graph_leaves_the_others() -> Result<(), StoreError> {
        let store = Store::memory()?;
        let a = NamedNode::new_unchecked("http://example.com/a");
        let b = NamedNode::new_unchecked("http://example.com/b");
        store.replace_graph("a", a.as_ref(), &[quad(&a, "1"), quad(&a, "2")])?;
        store.replace_graph("b", b.as_ref(), &[quad(&b, "1")])?;
        store.replace_graph("a", a.as_ref(), &[quad(&a, "3")])?;
        assert_eq!(store.graph_len(a.as_ref())?, 1);
        assert_eq!(store.graph_len(b.as_ref())?, 1);
        assert_eq!(store.article_quads()?, 2);
        assert_eq!(store.graphs()?.len(), 2, "the summary graph is not an article's");
        Ok(())
    }
}
