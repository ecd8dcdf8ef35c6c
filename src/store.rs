//! Stage 7, `store`: the embedded oxigraph store.
//!
//! Each article lives in its own named graph (the article's IRI). Storing an
//! article again replaces that graph in one transaction: readers see the old
//! graph or the new one, never a mix, and nothing else changes. Queries see
//! the union of all graphs as their default graph.
//!
//! # Rationale
//! oxigraph's RocksDB store takes a lock on its directory, so only one process
//! writes at a time; read-only commands (`query`, `export`, `stats`) open it
//! read-only and do not take the lock.

use std::path::{Path, PathBuf};

use oxigraph::model::{GraphNameRef, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad};

use crate::error::StoreError;

/// An embedded store: persistent (RocksDB) or in memory.
pub struct Store {
    inner: oxigraph::store::Store,
    location: String,
}

fn storage(location: &str) -> impl Fn(oxigraph::store::StorageError) -> StoreError + '_ {
    move |source| StoreError::Storage { path: location.to_owned(), source }
}

impl Store {
    /// An empty store in memory.
    pub fn memory() -> Result<Self, StoreError> {
        let inner = oxigraph::store::Store::new().map_err(storage("memory"))?;
        Ok(Self { inner, location: "memory".to_owned() })
    }

    /// Opens (creating if needed) a persistent store for reading and writing.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let inner = oxigraph::store::Store::open(path).map_err(|source| {
            if is_lock_error(&source) {
                StoreError::Locked { path: path.to_owned(), source }
            } else {
                StoreError::Storage { path: path.display().to_string(), source }
            }
        })?;
        Ok(Self { inner, location: path.display().to_string() })
    }

    /// Opens an existing persistent store for reading only.
    pub fn open_read_only(path: &Path) -> Result<Self, StoreError> {
        if !path.join("CURRENT").exists() {
            return Err(StoreError::Missing { path: PathBuf::from(path) });
        }
        let inner = oxigraph::store::Store::open_read_only(path).map_err(storage(&path.display().to_string()))?;
        Ok(Self { inner, location: path.display().to_string() })
    }

    /// The oxigraph store, for queries.
    pub fn inner(&self) -> &oxigraph::store::Store {
        &self.inner
    }

    /// Where the store is ("memory" or a directory).
    pub fn location(&self) -> &str {
        &self.location
    }

    /// Replaces the graph of one article with `quads`, atomically.
    pub fn replace_graph(&self, doc: &str, graph: NamedNodeRef<'_>, quads: &[Quad]) -> Result<(), StoreError> {
        let load = |source| StoreError::Load { doc: doc.to_owned(), source };
        let mut tx = self.inner.start_transaction().map_err(load)?;
        tx.clear_graph(graph).map_err(load)?;
        tx.extend(quads);
        tx.commit().map_err(load)
    }

    /// Loads the quads of new articles with oxigraph's bulk loader, committed
    /// at once: all of them are in the store afterwards, or none. The articles
    /// must not be in the store already (their graphs are not cleared).
    pub fn bulk_load(&self, docs: &[&str], quads: impl IntoIterator<Item = Quad>) -> Result<(), StoreError> {
        let doc = match docs {
            [one] => (*one).to_owned(),
            [first, .., last] => format!("{} articles ({first} … {last})", docs.len()),
            [] => return Ok(()),
        };
        let load = |source| StoreError::Load { doc: doc.clone(), source };
        let mut loader = self.inner.bulk_loader();
        loader.load_quads(quads).map_err(load)?;
        loader.commit().map_err(load)
    }

    /// Whether an article's graph is in the store.
    pub fn has_graph(&self, graph: NamedNodeRef<'_>) -> Result<bool, StoreError> {
        self.inner.contains_named_graph(graph).map_err(storage(&self.location))
    }

    /// Number of quads.
    pub fn len(&self) -> Result<usize, StoreError> {
        self.inner.len().map_err(storage(&self.location))
    }

    /// Whether the store holds no quads.
    pub fn is_empty(&self) -> Result<bool, StoreError> {
        self.inner.is_empty().map_err(storage(&self.location))
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

    /// The named graphs (one per article).
    pub fn graphs(&self) -> Result<Vec<NamedNode>, StoreError> {
        let mut out = Vec::new();
        for g in self.inner.named_graphs() {
            if let NamedOrBlankNode::NamedNode(n) = g.map_err(storage(&self.location))? {
                out.push(n);
            }
        }
        Ok(out)
    }
}

/// Whether RocksDB refused to open because another process holds the lock.
fn is_lock_error(e: &oxigraph::store::StorageError) -> bool {
    let msg = e.to_string().to_lowercase();
    msg.contains("lock")
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
        assert_eq!(store.len()?, 2);
        Ok(())
    }
}
