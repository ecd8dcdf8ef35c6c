//! One node per real-world entity across articles.
//!
//! Entity IRIs are minted so that most identities need no look-up
//! ([`mint::entity`]): a linked entity is named by its Wikidata id, an
//! unlinked one by its type and name, so the same person named the same way
//! in two articles is already one node. What minting cannot see is a person
//! named differently: "Witkoff" in one article, "Steve Witkoff" in another, or
//! "Putin" left unlinked where another article linked "Vladimir Putin".
//!
//! [`IdentityIndex::resolve`] looks for such a node among the *other*
//! articles of the store: a person whose label is the same name, whose last
//! name is the whole name used here, or whose whole name is the last name used
//! here. It takes that node only when exactly one node fits and the two
//! articles share context (they mention at least one other entity in common).
//! Each such merge is written into the article's graph as an `ng:Merge` with
//! the name used, the node chosen and the reason, for `query merges`.
//!
//! # Rationale
//! Merges depend on what is already stored, so an article is resolved against
//! the other graphs only (re-ingesting it gives the same IRIs), and a merge is
//! explained in the graph of the article that caused it. The people and
//! mentions of the store are read once into an index ([`IdentityIndex::load`])
//! that each stored article updates ([`IdentityIndex::record`]): a look-up costs
//! a few hash probes, whatever the size of the store, so corpora ingest at the
//! speed of extraction. The index holds names and IRIs, not text: it grows with
//! the number of distinct people and mentions, not with the corpus.

use std::collections::{BTreeSet, HashMap, HashSet};

use oxigraph::model::{GraphName, Literal, NamedNode, Quad, Term};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};

use crate::error::StoreError;
use crate::lexicon::gazetteer;
use crate::model::{Analysis, Document, EntityType};
use crate::rdf::map::class_iri;
use crate::rdf::mint;
use crate::rdf::vocab::{ng, rdf};
use crate::store::Store;

/// An entity identified with a node that another article named differently.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merge {
    /// The entity of this article (index into `Analysis::entities`).
    pub entity: usize,
    /// The name this article uses.
    pub name: String,
    /// The node it was identified with.
    pub into: NamedNode,
    /// Why, in words.
    pub reason: String,
}

/// The IRI of every entity of an article, and the merges that chose some of them.
#[derive(Debug, Clone, Default)]
pub struct Resolution {
    /// One IRI per entity (parallel to `Analysis::entities`).
    pub iris: Vec<NamedNode>,
    /// The merges.
    pub merges: Vec<Merge>,
}

impl Resolution {
    /// The quads that record the merges, in the article's graph.
    pub fn merge_quads(&self, doc: &Document) -> Vec<Quad> {
        let article = mint::article(&doc.id);
        let graph = GraphName::NamedNode(article.clone());
        let mut out = Vec::with_capacity(self.merges.len() * 4);
        for (n, m) in self.merges.iter().enumerate() {
            let node = mint::local(&article, &format!("merge-{n}"));
            let mut add = |p: oxigraph::model::NamedNodeRef<'_>, o: Term| {
                out.push(Quad::new(node.clone(), p.into_owned(), o, graph.clone()));
            };
            add(rdf::TYPE, ng::MERGE.into_owned().into());
            add(ng::MERGED_NAME, Literal::new_simple_literal(&m.name).into());
            add(ng::MERGED_INTO, m.into.clone().into());
            add(ng::MERGE_REASON, Literal::new_simple_literal(&m.reason).into());
        }
        out
    }
}

/// Runs a SELECT query on the store, calling `row` with each solution's values in order.
pub(crate) fn select(store: &Store, query: &str, mut row: impl FnMut(&[Option<&Term>])) -> Result<(), StoreError> {
    let storage =
        |e: &dyn std::fmt::Display| StoreError::Lookup { path: store.location().to_owned(), message: e.to_string() };
    let prepared = SparqlEvaluator::new().parse_query(query).map_err(|e| storage(&e))?;
    let QueryResults::Solutions(solutions) = prepared.on_store(store.inner()).execute().map_err(|e| storage(&e))?
    else {
        return Ok(());
    };
    let vars: Vec<_> = solutions.variables().to_vec();
    for s in solutions {
        let s = s.map_err(|e| storage(&e))?;
        let values: Vec<Option<&Term>> = vars.iter().map(|v| s.get(v)).collect();
        row(&values);
    }
    Ok(())
}

/// How many of the articles that mention a node are searched for shared context (any of them).
const CONTEXT_ARTICLES: usize = 64;

/// Node IRIs, each kept once and named by a number.
#[derive(Debug, Default)]
struct Nodes {
    ids: HashMap<NamedNode, u32>,
    iris: Vec<NamedNode>,
}

impl Nodes {
    fn id(&mut self, n: &NamedNode) -> u32 {
        if let Some(id) = self.ids.get(n) {
            return *id;
        }
        let id = u32::try_from(self.iris.len()).unwrap_or(u32::MAX);
        self.ids.insert(n.clone(), id);
        self.iris.push(n.clone());
        id
    }

    fn get(&self, n: &NamedNode) -> Option<u32> {
        self.ids.get(n).copied()
    }

    fn iri(&self, id: u32) -> &NamedNode {
        &self.iris[id as usize]
    }
}

/// An article, as the index knows it: a hash of its IRI (the index never needs the IRI back).
type ArticleKey = u64;

fn article_key(article: &NamedNode) -> ArticleKey {
    mint::fnv1a(&[article.as_str().as_bytes()])
}

/// Inserts into a sorted vector (a small set).
fn insert_sorted<T: Ord>(v: &mut Vec<T>, x: T) -> bool {
    match v.binary_search(&x) {
        Ok(_) => false,
        Err(i) => {
            v.insert(i, x);
            true
        }
    }
}

fn remove_sorted<T: Ord>(v: &mut Vec<T>, x: &T) {
    if let Ok(i) = v.binary_search(x) {
        v.remove(i);
    }
}

/// The nodes one article types and mentions.
#[derive(Debug, Default)]
struct ArticleNodes {
    typed: Vec<u32>,
    mentioned: Vec<u32>,
}

/// What the store already holds about people and mentions, by article. It keeps
/// each node IRI once and about 30 bytes per mention of a node in an article,
/// and gives the same answers whatever order the articles were recorded in (a
/// store read back after a crash resolves as the run that wrote it did).
#[derive(Debug, Default)]
pub struct IdentityIndex {
    nodes: Nodes,
    /// Every typed node (any type), with the articles that type it (sorted).
    typed: HashMap<u32, Vec<ArticleKey>>,
    /// Person nodes by the key of their label, and by the key of its last word.
    by_name: HashMap<String, Vec<u32>>,
    by_last: HashMap<String, Vec<u32>>,
    /// The label of each person node: the longest seen, then the first in code-point order.
    labels: HashMap<u32, String>,
    /// What each article types and mentions.
    articles: HashMap<ArticleKey, ArticleNodes>,
    /// The articles that mention each node (sorted).
    mentioned_in: HashMap<u32, Vec<ArticleKey>>,
}

fn term_node(t: Option<&Option<&Term>>) -> Option<NamedNode> {
    match t {
        Some(Some(Term::NamedNode(n))) => Some(n.clone()),
        _ => None,
    }
}

impl IdentityIndex {
    /// Reads the people and mentions of every article in the store (streamed: the
    /// index holds what it keeps, not the rows).
    pub fn load(store: &Store) -> Result<Self, StoreError> {
        let mut index = Self::default();
        let person = class_iri(EntityType::Person).as_str().to_owned();
        select(
            store,
            "SELECT ?g ?node ?class ?label WHERE { GRAPH ?g { ?g a <https://schema.org/NewsArticle> . ?node a ?class . \
             OPTIONAL { ?node <http://www.w3.org/2000/01/rdf-schema#label> ?label } } }",
            |row| {
                let (Some(g), Some(node)) = (term_node(row.first()), term_node(row.get(1))) else { return };
                let is_person = term_node(row.get(2)).is_some_and(|c| c.as_str() == person);
                let label = match row.get(3) {
                    Some(Some(Term::Literal(l))) if is_person => Some(l.value()),
                    _ => None,
                };
                index.add_typed(article_key(&g), &node, label);
            },
        )?;
        select(store, "SELECT ?g ?e WHERE { GRAPH ?g { ?g <https://schema.org/mentions> ?e } }", |row| {
            if let (Some(g), Some(e)) = (term_node(row.first()), term_node(row.get(1))) {
                index.add_mention(article_key(&g), &e);
            }
        })?;
        Ok(index)
    }

    fn add_typed(&mut self, article: ArticleKey, node: &NamedNode, person_label: Option<&str>) {
        let id = self.nodes.id(node);
        if insert_sorted(self.typed.entry(id).or_default(), article) {
            insert_sorted(&mut self.articles.entry(article).or_default().typed, id);
        }
        if let Some(label) = person_label {
            let key = gazetteer::key(label);
            if let Some(last) = key.split_whitespace().last().filter(|_| key.contains(' ')) {
                insert_sorted(self.by_last.entry(last.to_owned()).or_default(), id);
            }
            insert_sorted(self.by_name.entry(key).or_default(), id);
            let better = self.labels.get(&id).is_none_or(|l| {
                (label.chars().count(), std::cmp::Reverse(label)) > (l.chars().count(), std::cmp::Reverse(l.as_str()))
            });
            if better {
                self.labels.insert(id, label.to_owned());
            }
        }
    }

    fn add_mention(&mut self, article: ArticleKey, node: &NamedNode) {
        let id = self.nodes.id(node);
        insert_sorted(&mut self.articles.entry(article).or_default().mentioned, id);
        insert_sorted(self.mentioned_in.entry(id).or_default(), article);
    }

    /// Whether a node is typed in an article other than `article`.
    fn elsewhere(&self, node: &NamedNode, article: ArticleKey) -> bool {
        self.nodes
            .get(node)
            .and_then(|id| self.typed.get(&id))
            .is_some_and(|gs| gs.len() > 1 || gs.first().is_some_and(|g| *g != article))
    }

    /// Picks the IRI of every entity of `a`, looking at the other articles.
    pub fn resolve(&self, doc: &Document, a: &Analysis) -> Resolution {
        let article = article_key(&mint::article(&doc.id));
        let mut iris: Vec<NamedNode> = a.entities.iter().map(mint::entity).collect();
        let mut merges = Vec::new();
        let mut used: HashSet<NamedNode> = iris.iter().cloned().collect();
        for (i, e) in a.entities.iter().enumerate() {
            if e.etype != EntityType::Person
                || e.link.as_ref().is_some_and(|l| l.wikidata.is_some())
                || mint::is_local(e)
            {
                continue;
            }
            // already a node elsewhere under this very IRI: same name and type
            if self.elsewhere(&iris[i], article) {
                continue;
            }
            let words: Vec<&str> = e.name.split_whitespace().collect();
            let Some(last) = words.last() else { continue };
            let lname = gazetteer::key(&e.name);
            let llast = gazetteer::key(last);
            // same name, the last name being the name used here, or the reverse
            let mut nodes: BTreeSet<u32> = BTreeSet::new();
            nodes.extend(self.by_name.get(&lname).into_iter().flatten());
            if words.len() == 1 {
                nodes.extend(self.by_last.get(&lname).into_iter().flatten());
            } else {
                nodes.extend(self.by_name.get(&llast).into_iter().flatten());
            }
            nodes.retain(|n| self.elsewhere(self.nodes.iri(*n), article));
            let mut found = nodes.into_iter();
            let (Some(node_id), None) = (found.next(), found.next()) else { continue };
            let node = self.nodes.iri(node_id);
            if used.contains(node) {
                continue;
            }
            // shared context: an article that mentions the node also mentions another entity of ours
            let ours: HashSet<u32> =
                iris.iter().enumerate().filter(|&(j, _)| j != i).filter_map(|(_, n)| self.nodes.get(n)).collect();
            let with = self
                .mentioned_in
                .get(&node_id)
                .into_iter()
                .flatten()
                .filter(|g| **g != article)
                // at most a few of the articles that name it: the cost stays bounded however often it is named
                .take(CONTEXT_ARTICLES)
                .find_map(|g| {
                    let mentioned = &self.articles.get(g)?.mentioned;
                    mentioned
                        .iter()
                        .filter(|m| **m != node_id && ours.contains(m))
                        .map(|m| self.nodes.iri(*m))
                        .min_by(|x, y| x.as_str().cmp(y.as_str()))
                });
            let Some(with) = with else { continue };
            let label = self.labels.get(&node_id).cloned().unwrap_or_default();
            let how = if gazetteer::key(&label) == lname {
                "same name"
            } else if words.len() == 1 {
                "the name used is the last name of"
            } else {
                "the last name used is the whole name of"
            };
            let with_label = a
                .entities
                .iter()
                .zip(&iris)
                .find(|(_, iri)| *iri == with)
                .map_or_else(|| with.as_str().to_owned(), |(e, _)| e.name.clone());
            merges.push(Merge {
                entity: i,
                name: e.name.clone(),
                into: node.clone(),
                reason: format!("{how} {label:?} (a person in another article); both articles mention {with_label:?}"),
            });
            used.insert(node.clone());
            iris[i] = node.clone();
        }
        Resolution { iris, merges }
    }

    /// Records an article as stored with these entity IRIs (replacing what it held before).
    pub fn record(&mut self, doc: &Document, a: &Analysis, iris: &[NamedNode]) {
        let article = article_key(&mint::article(&doc.id));
        if let Some(old) = self.articles.remove(&article) {
            for node in old.typed {
                if let Some(gs) = self.typed.get_mut(&node) {
                    remove_sorted(gs, &article);
                }
            }
            for node in old.mentioned {
                if let Some(gs) = self.mentioned_in.get_mut(&node) {
                    remove_sorted(gs, &article);
                }
            }
        }
        for (e, iri) in a.entities.iter().zip(iris) {
            let named = a.name_mentions_of(e).next().is_some();
            self.add_typed(article, iri, (e.etype == EntityType::Person).then_some(e.name.as_str()));
            if named {
                self.add_mention(article, iri);
            }
        }
    }
}
