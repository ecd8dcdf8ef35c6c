//! One node per real-world entity across articles.
//!
//! Entity IRIs are minted so that most identities need no look-up
//! ([`mint::entity`]): a linked entity is named by its Wikidata id, an
//! unlinked one by its type and name, so the same person named the same way
//! in two articles is already one node. What minting cannot see is a person
//! named differently: "Witkoff" in one article, "Steve Witkoff" in another, or
//! "Putin" left unlinked where another article linked "Vladimir Putin".
//!
//! [`resolve`] looks for such a node among the *other* articles of the store:
//! a person of the same type whose label is the same name, whose last name is
//! the whole name used here, or whose whole name is the last name used here.
//! It takes that node only when exactly one node fits and the two articles
//! share context (they mention at least one other entity in common). Each
//! such merge is written into the article's graph as an `ng:Merge` with the
//! name used, the node chosen and the reason, for `query merges`.
//!
//! # Rationale
//! Merges depend on what is already stored, so an article is resolved against
//! the other graphs only (re-ingesting it gives the same IRIs), and a merge
//! is explained in the graph of the article that caused it.

use std::collections::HashSet;

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

fn sparql_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn select(store: &Store, query: &str) -> Result<Vec<Vec<Option<Term>>>, StoreError> {
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

/// Picks the IRI of every entity of `a`, looking at the other articles in `store`.
pub fn resolve(store: &Store, doc: &Document, a: &Analysis) -> Result<Resolution, StoreError> {
    let article = mint::article(&doc.id);
    let mut iris: Vec<NamedNode> = a.entities.iter().map(mint::entity).collect();
    let mut merges = Vec::new();
    let mut used: HashSet<NamedNode> = iris.iter().cloned().collect();
    for (i, e) in a.entities.iter().enumerate() {
        if e.etype != EntityType::Person || e.link.as_ref().is_some_and(|l| l.wikidata.is_some()) {
            continue;
        }
        let minted = &iris[i];
        // already a node elsewhere under this very IRI: same name and type
        let known = select(
            store,
            &format!(
                "SELECT ?g WHERE {{ GRAPH ?g {{ <{minted}> a ?t }} FILTER(?g != <{article}>) }} LIMIT 1",
                minted = minted.as_str(),
                article = article.as_str()
            ),
        )?;
        if !known.is_empty() {
            continue;
        }
        let words: Vec<&str> = e.name.split_whitespace().collect();
        let Some(last) = words.last() else { continue };
        let lname = gazetteer::key(&e.name);
        let llast = gazetteer::key(last);
        // same name, the last name being the name used here, or the reverse
        let filter = if words.len() == 1 {
            format!(
                "LCASE(STR(?label)) = {n} || STRENDS(LCASE(STR(?label)), {tail})",
                n = sparql_string(&lname),
                tail = sparql_string(&format!(" {lname}"))
            )
        } else {
            format!(
                "LCASE(STR(?label)) = {n} || LCASE(STR(?label)) = {l}",
                n = sparql_string(&lname),
                l = sparql_string(&llast)
            )
        };
        let rows = select(
            store,
            &format!(
                "SELECT DISTINCT ?node ?label WHERE {{ GRAPH ?g {{ ?node a <{class}> ; <http://www.w3.org/2000/01/rdf-schema#label> ?label }} \
                 FILTER(?g != <{article}> && ({filter})) }} LIMIT 3",
                class = class_iri(e.etype).as_str(),
                article = article.as_str()
            ),
        )?;
        let nodes: Vec<(NamedNode, String)> = rows
            .into_iter()
            .filter_map(|r| match (r.first().cloned().flatten(), r.get(1).cloned().flatten()) {
                (Some(Term::NamedNode(n)), Some(Term::Literal(l))) => Some((n, l.value().to_owned())),
                _ => None,
            })
            .collect();
        let distinct: HashSet<&NamedNode> = nodes.iter().map(|(n, _)| n).collect();
        let [(node, label)] = nodes.as_slice() else { continue };
        if distinct.len() != 1 || used.contains(node) {
            continue;
        }
        // shared context: an article that mentions the node also mentions another entity of ours
        let others: Vec<String> =
            iris.iter().enumerate().filter(|&(j, _)| j != i).map(|(_, iri)| format!("<{}>", iri.as_str())).collect();
        if others.is_empty() {
            continue;
        }
        let shared = select(
            store,
            &format!(
                "SELECT ?label WHERE {{ GRAPH ?g {{ ?g <https://schema.org/mentions> <{node}> , ?other . ?other <http://www.w3.org/2000/01/rdf-schema#label> ?label }} \
                 VALUES ?other {{ {others} }} FILTER(?g != <{article}> && ?other != <{node}>) }} LIMIT 1",
                node = node.as_str(),
                others = others.join(" "),
                article = article.as_str()
            ),
        )?;
        let Some(Some(Term::Literal(with))) = shared.first().and_then(|r| r.first().cloned()) else { continue };
        let how = if gazetteer::key(label) == lname {
            "same name"
        } else if words.len() == 1 {
            "the name used is the last name of"
        } else {
            "the last name used is the whole name of"
        };
        merges.push(Merge {
            entity: i,
            name: e.name.clone(),
            into: node.clone(),
            reason: format!("{how} {label:?} (a person in another article); both articles mention {:?}", with.value()),
        });
        used.insert(node.clone());
        iris[i] = node.clone();
    }
    Ok(Resolution { iris, merges })
}
