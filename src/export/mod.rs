//! Stage 9, `export`: the entity graph for Graphviz, Gephi, yEd, Cytoscape.
//!
//! [`entity_graph`] reads the store into a petgraph graph — nodes are entities
//! (label, type, external link, roles), edges are facts between two entities
//! (predicate, how many sentences support it, earliest date) — and [`dot`] and
//! [`graphml`] write it. Whole-store RDF dumps go through oxigraph's own
//! serializers (`newsgraph export --format turtle|trig|…`).

pub mod dot;
pub mod graphml;

use std::collections::HashMap;

use oxigraph::model::Term;
use oxigraph::sparql::QueryResults;
use petgraph::graph::{DiGraph, NodeIndex};

use crate::error::QueryError;
use crate::query::{self, RunOptions};
use crate::rdf::mint;
use crate::store::Store;

/// An entity, as a node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// Its IRI.
    pub iri: String,
    /// Its name.
    pub label: String,
    /// PERSON, ORG, GPE, LOC or NORP.
    pub etype: String,
    /// Wikidata IRI, when linked.
    pub link: Option<String>,
    /// Roles the articles give it, "; "-separated.
    pub roles: String,
}

/// A fact between two entities, as an edge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edge {
    /// Predicate local name ("metWith").
    pub predicate: String,
    /// How many distinct sentences support it (at least 1).
    pub support: u32,
    /// Earliest date, if known.
    pub date: Option<String>,
    /// Whether the predicate is symmetric (drawn without an arrow).
    pub symmetric: bool,
}

/// The entity graph.
pub type EntityGraph = DiGraph<Node, Edge>;

const NODES: &str = r#"
SELECT ?e (SAMPLE(?l) AS ?label) (SAMPLE(?t) AS ?type) (SAMPLE(?w) AS ?link)
       (GROUP_CONCAT(DISTINCT ?role; SEPARATOR="; ") AS ?roles)
WHERE {
  GRAPH ?g {
    ?e a ?t ; rdfs:label ?l .
    VALUES ?t { schema:Person schema:Organization ng:GeopoliticalEntity ng:Location ng:Group }
    OPTIONAL { ?e owl:sameAs ?w . FILTER(STRSTARTS(STR(?w), "http://www.wikidata.org/")) }
    OPTIONAL { ?e ng:holdsRole ?role }
  }
  FILTER(!BOUND(?doc) || ?g = ?doc)
}
GROUP BY ?e
ORDER BY ?label ?e
"#;

const EDGES: &str = r#"
SELECT ?s ?p ?o (COUNT(DISTINCT ?ev) AS ?support) (MIN(?d) AS ?date)
WHERE {
  VALUES ?p { ng:metWith ng:phoned ng:plannedMeetingWith ng:visited ng:plannedVisit ng:affiliatedWith ng:relativeOf ng:partOf }
  GRAPH ?g {
    ?s ?p ?o .
    OPTIONAL {
      { ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; ng:evidence ?ev . OPTIONAL { ?st ng:date ?d } }
      UNION
      { ?x ng:participant ?s ; ng:evidence ?ev . { ?x ng:participant ?o } UNION { ?x ng:place ?o } OPTIONAL { ?x ng:date ?d } }
    }
  }
  FILTER(!BOUND(?doc) || ?g = ?doc)
}
GROUP BY ?s ?p ?o
ORDER BY ?s ?p ?o
"#;

fn text(t: Option<&Term>) -> String {
    match t {
        Some(Term::Literal(l)) => l.value().to_owned(),
        Some(Term::NamedNode(n)) => n.as_str().to_owned(),
        Some(other) => other.to_string(),
        None => String::new(),
    }
}

fn rows(
    store: &Store,
    name: &str,
    sparql: &str,
    doc: Option<&str>,
) -> Result<Vec<oxigraph::sparql::QuerySolution>, QueryError> {
    let params: Vec<(String, String)> =
        doc.map(|d| vec![("doc".to_owned(), format!("<{}>", mint::article(d).as_str()))]).unwrap_or_default();
    let QueryResults::Solutions(solutions) = query::run(store, name, sparql, &params, &RunOptions::default())? else {
        return Ok(Vec::new());
    };
    solutions.collect::<Result<Vec<_>, _>>().map_err(|source| QueryError::Evaluation { name: name.to_owned(), source })
}

/// The entity graph of the whole store, or of one article (`doc`).
pub fn entity_graph(store: &Store, doc: Option<&str>) -> Result<EntityGraph, QueryError> {
    let mut graph = EntityGraph::new();
    let mut index: HashMap<String, NodeIndex> = HashMap::new();
    for row in rows(store, "export nodes", NODES, doc)? {
        let iri = text(row.get("e"));
        let class = text(row.get("type"));
        let etype = match class.rsplit(['/', '#']).next().unwrap_or("") {
            "Person" => "PERSON",
            "Organization" => "ORG",
            "GeopoliticalEntity" => "GPE",
            "Location" => "LOC",
            _ => "NORP",
        };
        let link = Some(text(row.get("link"))).filter(|l| !l.is_empty());
        let node = Node {
            iri: iri.clone(),
            label: text(row.get("label")),
            etype: etype.to_owned(),
            link,
            roles: text(row.get("roles")),
        };
        index.insert(iri, graph.add_node(node));
    }
    for row in rows(store, "export edges", EDGES, doc)? {
        let (Some(&a), Some(&b)) = (index.get(&text(row.get("s"))), index.get(&text(row.get("o")))) else { continue };
        let p = text(row.get("p"));
        let predicate = p.rsplit('#').next().unwrap_or(&p).to_owned();
        let support = text(row.get("support")).parse::<u32>().unwrap_or(0).max(1);
        let date = Some(text(row.get("date"))).filter(|d| !d.is_empty());
        let symmetric = matches!(predicate.as_str(), "metWith" | "phoned" | "plannedMeetingWith" | "relativeOf");
        graph.add_edge(a, b, Edge { predicate, support, date, symmetric });
    }
    Ok(graph)
}
