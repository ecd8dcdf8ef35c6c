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

use std::collections::{HashMap, HashSet};

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

/// The rows of a SELECT query over the store, one value per variable.
pub(crate) fn select(store: &Store, query: &str) -> Result<Vec<Vec<Option<Term>>>, StoreError> {
    let storage =
        |e: &dyn std::fmt::Display| StoreError::Lookup { path: store.location().to_owned(), message: e.to_string() };
    let prepared = SparqlEvaluator::new().parse_query(query).map_err(|e| storage(&e))?;
    let QueryResults::Solutions(solutions) = prepared.on_store(store.inner()).execute().map_err(|e| storage(&e))?
    else {
        return Ok(Vec::new());
    };
    let vars: Vec<_> = solutions.variables().to_vec();
    let mut rows = Vec::new();
    for s in solutions {
        let s = s.map_err(|e| storage(&e))?;
        rows.push(vars.iter().map(|v| s.get(v).cloned()).collect());
    }
    Ok(rows)
}

/// How many of the articles that mention a node are searched for shared context (any of them).
const CONTEXT_ARTICLES: usize = 64;

/// What the store already holds about people and mentions, by article.
#[derive(Debug, Default)]
pub struct IdentityIndex {
    /// Every typed node (any type), with the articles that type it.
    typed: HashMap<NamedNode, HashSet<NamedNode>>,
    /// Person nodes by the key of their label, and by the key of its last word.
    by_name: HashMap<String, HashSet<NamedNode>>,
    by_last: HashMap<String, HashSet<NamedNode>>,
    /// A label of each person node.
    labels: HashMap<NamedNode, String>,
    /// What each article mentions, and which articles mention each node.
    mentions: HashMap<NamedNode, HashSet<NamedNode>>,
    mentioned_in: HashMap<NamedNode, HashSet<NamedNode>>,
    /// The nodes each article typed (to forget them when it is stored again).
    typed_by: HashMap<NamedNode, Vec<NamedNode>>,
}

fn term_node(t: Option<&Option<Term>>) -> Option<NamedNode> {
    match t {
        Some(Some(Term::NamedNode(n))) => Some(n.clone()),
        _ => None,
    }
}

impl IdentityIndex {
    /// Reads the people and mentions of every article in the store.
    pub fn load(store: &Store) -> Result<Self, StoreError> {
        let mut index = Self::default();
        let person = class_iri(EntityType::Person).as_str().to_owned();
        for row in select(
            store,
            "SELECT ?g ?node ?class ?label WHERE { GRAPH ?g { ?g a <https://schema.org/NewsArticle> . ?node a ?class . \
             OPTIONAL { ?node <http://www.w3.org/2000/01/rdf-schema#label> ?label } } }",
        )? {
            let (Some(g), Some(node)) = (term_node(row.first()), term_node(row.get(1))) else { continue };
            let is_person = term_node(row.get(2)).is_some_and(|c| c.as_str() == person);
            let label = match row.get(3) {
                Some(Some(Term::Literal(l))) if is_person => Some(l.value().to_owned()),
                _ => None,
            };
            index.add_typed(&g, &node, label.as_deref());
        }
        for row in select(store, "SELECT ?g ?e WHERE { GRAPH ?g { ?g <https://schema.org/mentions> ?e } }")? {
            if let (Some(g), Some(e)) = (term_node(row.first()), term_node(row.get(1))) {
                index.add_mention(&g, &e);
            }
        }
        Ok(index)
    }

    fn add_typed(&mut self, article: &NamedNode, node: &NamedNode, person_label: Option<&str>) {
        if self.typed.entry(node.clone()).or_default().insert(article.clone()) {
            self.typed_by.entry(article.clone()).or_default().push(node.clone());
        }
        if let Some(label) = person_label {
            let key = gazetteer::key(label);
            if let Some(last) = key.split_whitespace().last().filter(|_| key.contains(' ')) {
                self.by_last.entry(last.to_owned()).or_default().insert(node.clone());
            }
            self.by_name.entry(key).or_default().insert(node.clone());
            self.labels.entry(node.clone()).or_insert_with(|| label.to_owned());
        }
    }

    fn add_mention(&mut self, article: &NamedNode, node: &NamedNode) {
        self.mentions.entry(article.clone()).or_default().insert(node.clone());
        self.mentioned_in.entry(node.clone()).or_default().insert(article.clone());
    }

    /// Whether a node is typed in an article other than `article`.
    fn elsewhere(&self, node: &NamedNode, article: &NamedNode) -> bool {
        self.typed.get(node).is_some_and(|gs| gs.len() > 1 || !gs.contains(article))
    }

    /// Picks the IRI of every entity of `a`, looking at the other articles.
    pub fn resolve(&self, doc: &Document, a: &Analysis) -> Resolution {
        let article = mint::article(&doc.id);
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
            if self.elsewhere(&iris[i], &article) {
                continue;
            }
            let words: Vec<&str> = e.name.split_whitespace().collect();
            let Some(last) = words.last() else { continue };
            let lname = gazetteer::key(&e.name);
            let llast = gazetteer::key(last);
            // same name, the last name being the name used here, or the reverse
            let mut nodes: HashSet<&NamedNode> = HashSet::new();
            nodes.extend(self.by_name.get(&lname).into_iter().flatten());
            if words.len() == 1 {
                nodes.extend(self.by_last.get(&lname).into_iter().flatten());
            } else {
                nodes.extend(self.by_name.get(&llast).into_iter().flatten());
            }
            nodes.retain(|n| self.elsewhere(n, &article));
            let mut found = nodes.into_iter();
            let (Some(node), None) = (found.next(), found.next()) else { continue };
            if used.contains(node) {
                continue;
            }
            // shared context: an article that mentions the node also mentions another entity of ours
            let ours: HashSet<&NamedNode> = iris.iter().enumerate().filter(|&(j, _)| j != i).map(|(_, n)| n).collect();
            let with = self
                .mentioned_in
                .get(node)
                .into_iter()
                .flatten()
                .filter(|g| **g != article)
                // at most a few of the articles that name it: the cost stays bounded however often it is named
                .take(CONTEXT_ARTICLES)
                .find_map(|g| self.mentions.get(g)?.iter().find(|m| *m != node && ours.contains(m)));
            let Some(with) = with else { continue };
            let label = self.labels.get(node).cloned().unwrap_or_default();
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
        let article = mint::article(&doc.id);
        for node in self.typed_by.remove(&article).unwrap_or_default() {
            if let Some(gs) = self.typed.get_mut(&node) {
                gs.remove(&article);
            }
        }
        for node in self.mentions.remove(&article).unwrap_or_default() {
            if let Some(gs) = self.mentioned_in.get_mut(&node) {
                gs.remove(&article);
            }
        }
        for (e, iri) in a.entities.iter().zip(iris) {
            let named = a.name_mentions_of(e).next().is_some();
            self.add_typed(&article, iri, (e.etype == EntityType::Person).then_some(e.name.as_str()));
            if named {
                self.add_mention(&article, iri);
            }
        }
    }
}
