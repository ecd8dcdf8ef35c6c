//! Linking again what is already stored (`newsgraph link`): the entities of an
//! article graph, read back from the graph, linked with a [`KbLinker`] (a
//! user's extract or an endpoint, then the bundled base), and the graph
//! rewritten in one transaction.
//!
//! An entity that gets a Wikidata id becomes the node of that id
//! ([`mint::entity`]), the node every other article uses for it; its old
//! `owl:sameAs`/`schema:sameAs`, confidence and method quads are replaced. An
//! entity no source identifies keeps what it had: a re-link never loses links.
//!
//! # Rationale
//! Only the graph is read, not the article text, so the context is what the
//! graph keeps: the labels and types of the article's other entities.

use std::collections::HashMap;

use oxigraph::model::{GraphName, GraphNameRef, NamedNode, NamedOrBlankNode, Quad, Term};

use super::{Context, KbLinker};
use crate::error::StoreError;
use crate::lexicon::gazetteer;
use crate::model::{EntityType, Link};
use crate::rdf::map::{class_iri, link_quads};
use crate::rdf::mint;
use crate::rdf::vocab::{ng, rdf, schema};
use crate::store::Store;

/// What re-linking one article changed.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Relinked {
    /// Entities in the graph.
    pub entities: usize,
    /// Entities linked after the run.
    pub linked: usize,
    /// Entities whose link (or node) changed.
    pub changed: usize,
}

const TYPES: [EntityType; 5] =
    [EntityType::Person, EntityType::Org, EntityType::Gpe, EntityType::Loc, EntityType::Norp];

fn etype_of(class: &NamedNode) -> Option<EntityType> {
    TYPES.into_iter().find(|t| class_iri(*t) == class.as_ref())
}

fn is_link_predicate(p: &NamedNode) -> bool {
    let p = p.as_ref();
    p == rdf::OWL_SAME_AS || p == schema::SAME_AS || p == ng::LINK_CONFIDENCE || p == ng::LINK_METHOD
}

/// Links the entities of one article graph again and rewrites the graph.
pub fn relink_graph(store: &Store, graph: &NamedNode, linker: &KbLinker) -> Result<Relinked, StoreError> {
    let storage =
        |e: oxigraph::store::StorageError| StoreError::Storage { path: store.location().to_owned(), source: e };
    let mut quads = Vec::new();
    for q in store.inner().quads_for_pattern(None, None, None, Some(GraphNameRef::NamedNode(graph.as_ref()))) {
        quads.push(q.map_err(storage)?);
    }
    // entities: typed and labelled nodes, and the Wikidata id they had
    let mut ents: HashMap<NamedNode, (EntityType, String, Option<String>)> = HashMap::new();
    for q in &quads {
        if let (NamedOrBlankNode::NamedNode(s), Term::NamedNode(o)) = (&q.subject, &q.object) {
            if q.predicate.as_ref() == rdf::TYPE {
                if let Some(t) = etype_of(o) {
                    ents.entry(s.clone()).or_insert((t, String::new(), None)).0 = t;
                }
            }
        }
    }
    for q in &quads {
        let NamedOrBlankNode::NamedNode(s) = &q.subject else { continue };
        let Some(e) = ents.get_mut(s) else { continue };
        match &q.object {
            Term::Literal(l) if q.predicate.as_ref() == rdf::LABEL => e.1 = l.value().to_owned(),
            Term::NamedNode(o) if q.predicate.as_ref() == rdf::OWL_SAME_AS => {
                if let Some(qid) = o.as_str().strip_prefix("http://www.wikidata.org/entity/") {
                    e.2 = Some(qid.to_owned());
                }
            }
            _ => {}
        }
    }
    let g = gazetteer::get();
    let ctx = Context::from_names(ents.values().map(|(t, n, _)| (*t, n.as_str())), g);
    let mut sorted: Vec<_> = ents.iter().collect();
    sorted.sort_by(|a, b| a.0.as_str().cmp(b.0.as_str()));
    let mut out = Relinked { entities: sorted.len(), ..Relinked::default() };
    let mut new_links: HashMap<NamedNode, (NamedNode, Link)> = HashMap::new();
    let present: std::collections::HashSet<&NamedNode> = ents.keys().collect();
    for (iri, (etype, label, old)) in sorted {
        if label.is_empty() {
            continue;
        }
        let found = linker.link_entity(&[label.as_str()], *etype, *etype == EntityType::Person, &ctx);
        match found {
            Some(link) if link.wikidata != *old || old.is_none() => {
                let renamed = match &link.wikidata {
                    Some(q) => mint::wikidata(q),
                    None => iri.clone(),
                };
                // never fold two entities of one article into one node
                let target = if renamed != *iri && present.contains(&renamed) { iri.clone() } else { renamed };
                new_links.insert(iri.clone(), (target, link));
                out.changed += 1;
                out.linked += 1;
            }
            _ => out.linked += usize::from(old.is_some()),
        }
    }
    if new_links.is_empty() {
        return Ok(out);
    }
    let rename = |t: &NamedNode| new_links.get(t).map_or_else(|| t.clone(), |(n, _)| n.clone());
    let graph_name = GraphName::NamedNode(graph.clone());
    let mut rewritten: Vec<Quad> = Vec::with_capacity(quads.len());
    let mut doc = graph.as_str().to_owned();
    for q in quads {
        if q.predicate.as_ref() == schema::IDENTIFIER {
            if let Term::Literal(l) = &q.object {
                doc = l.value().to_owned();
            }
        }
        let subject = match &q.subject {
            NamedOrBlankNode::NamedNode(s) if new_links.contains_key(s) && is_link_predicate(&q.predicate) => continue,
            NamedOrBlankNode::NamedNode(s) => NamedOrBlankNode::from(rename(s)),
            other => other.clone(),
        };
        let object = match &q.object {
            Term::NamedNode(o) => Term::from(rename(o)),
            other => other.clone(),
        };
        rewritten.push(Quad::new(subject, q.predicate.clone(), object, graph_name.clone()));
    }
    for (target, link) in new_links.values() {
        rewritten.extend(link_quads(target, link, &graph_name));
    }
    let mut seen = std::collections::HashSet::with_capacity(rewritten.len());
    rewritten.retain(|q| seen.insert(q.clone()));
    store.replace_graph(&doc, graph.as_ref(), &rewritten)?;
    Ok(out)
}
