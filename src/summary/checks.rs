//! Integrity checks of one article graph, run on its quads whenever it is
//! stored; what they find is recorded in the summary graph, where the bundled
//! `checks/*-violation` queries read it.
//!
//! Each check is the Rust form of a SPARQL query in `src/summary/audit/`
//! (run one with `newsgraph query src/summary/audit/NAME.rq` to audit a whole
//! store, which scans every graph); a test holds the two to the same answers
//! on damaged graphs.
//!
//! # Rationale
//! Run as SPARQL on each stored batch, the checks cost more than extracting the
//! articles (about 2 ms an article); over the quads of one graph in memory
//! they cost microseconds, and a check never has to scan the whole store.

use std::collections::{HashMap, HashSet};

use oxigraph::model::{NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, Term};

use crate::rdf::vocab::{ng, prov, rdf, schema};

/// The checks, by name: `checks/{name}-violation` is the bundled query that lists what each found.
pub const CHECKS: [&str; 4] = ["article-metadata", "dangling-node", "fact-without-evidence", "unlabelled-entity"];

/// The SPARQL each check mirrors (audits of a whole store): (check, query).
pub const AUDITS: [(&str, &str); 4] = [
    ("article-metadata", include_str!("audit/article-metadata.rq")),
    ("dangling-node", include_str!("audit/dangling-node.rq")),
    ("fact-without-evidence", include_str!("audit/fact-without-evidence.rq")),
    ("unlabelled-entity", include_str!("audit/unlabelled-entity.rq")),
];

/// A broken rule in one graph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// The check (one of [`CHECKS`]).
    pub check: &'static str,
    /// The node it is about.
    pub node: Term,
    /// What is wrong, in words.
    pub detail: String,
}

/// The quads of one graph, indexed by subject.
struct Graph<'a> {
    by_subject: HashMap<Term, Vec<&'a Quad>>,
}

impl<'a> Graph<'a> {
    fn new(quads: &'a [Quad]) -> Self {
        let mut by_subject: HashMap<Term, Vec<&Quad>> = HashMap::new();
        for q in quads {
            by_subject.entry(subject_term(&q.subject)).or_default().push(q);
        }
        Self { by_subject }
    }

    /// The objects of `node`'s `predicate` quads.
    fn objects<'b>(&'b self, node: &Term, predicate: NamedNodeRef<'b>) -> impl Iterator<Item = &'a Term> + 'b {
        self.by_subject
            .get(node)
            .into_iter()
            .flatten()
            .filter(move |q| q.predicate.as_ref() == predicate)
            .map(|q| &q.object)
    }

    fn has(&self, node: &Term, predicate: NamedNodeRef<'_>) -> bool {
        self.objects(node, predicate).next().is_some()
    }
}

fn subject_term(s: &NamedOrBlankNode) -> Term {
    match s {
        NamedOrBlankNode::NamedNode(n) => n.clone().into(),
        NamedOrBlankNode::BlankNode(b) => b.clone().into(),
    }
}

/// An integer literal's value.
fn integer(t: &Term) -> Option<i64> {
    match t {
        Term::Literal(l) => l.value().parse().ok(),
        _ => None,
    }
}

/// Runs every check on the quads of `graph`.
pub fn run(graph: &NamedNode, quads: &[Quad]) -> Vec<Violation> {
    let mut out = Vec::new();
    if quads.is_empty() {
        return out;
    }
    let g = Graph::new(quads);
    let article: Term = graph.clone().into();
    // article-metadata: the graph holds its article node, with one identifier
    let ids: HashSet<&Term> = if g.objects(&article, rdf::TYPE).any(|t| *t == schema::NEWS_ARTICLE.into()) {
        g.objects(&article, schema::IDENTIFIER).collect()
    } else {
        HashSet::new()
    };
    if ids.len() != 1 {
        out.push(Violation {
            check: "article-metadata",
            node: article.clone(),
            detail: format!(
                "the graph has {} identifiers of its article node (typed schema:NewsArticle); one is expected",
                ids.len()
            ),
        });
    }
    // the other checks are about article graphs: those that give their article an identifier
    if !g.has(&article, schema::IDENTIFIER) {
        sort(&mut out);
        return out;
    }

    // dangling-node: every entity a fact points to is typed and labelled in the graph
    let mut referenced: HashSet<&Term> = HashSet::new();
    for q in quads {
        let p = q.predicate.as_ref();
        if p == ng::PARTICIPANT
            || p == ng::ACTOR
            || p == ng::PLACE
            || p == prov::WAS_ATTRIBUTED_TO
            || p == ng::PART_OF
            || p == ng::VISITED
        {
            referenced.insert(&q.object);
        }
        if p == ng::MET_WITH || p == ng::AFFILIATED_WITH {
            referenced.insert(&q.object);
        }
    }
    let mut subjects: HashSet<Term> = HashSet::new();
    for q in quads {
        let p = q.predicate.as_ref();
        if p == ng::MET_WITH || p == ng::AFFILIATED_WITH || p == ng::STATED || p == ng::HOLDS_ROLE {
            subjects.insert(subject_term(&q.subject));
        }
    }
    let dangling: HashSet<&Term> = referenced
        .into_iter()
        .chain(subjects.iter())
        .filter(|n| !(g.has(n, rdf::TYPE) && g.has(n, rdf::LABEL)))
        .collect();
    for node in dangling {
        out.push(Violation {
            check: "dangling-node",
            node: node.clone(),
            detail: "a fact points to this node, which the graph does not type and label".into(),
        });
    }

    // fact-without-evidence: quotations, events, event merges and statements point to a sentence with a span and text
    let evidenced = |node: &Term| {
        g.objects(node, ng::EVIDENCE).any(|e| {
            g.has(e, ng::TEXT)
                && g.objects(e, ng::START).any(|s| {
                    g.objects(e, ng::END).any(|end| matches!((integer(s), integer(end)), (Some(a), Some(b)) if a < b))
                })
        })
    };
    let facts: HashSet<Term> = quads
        .iter()
        .filter(|q| {
            (q.predicate.as_ref() == rdf::TYPE
                && [prov::QUOTATION, ng::MEETING, ng::PHONE_CALL, ng::VISIT, ng::ACTION, ng::EVENT_MERGE]
                    .iter()
                    .any(|c| q.object == (*c).into()))
                || q.predicate.as_ref() == rdf::SUBJECT
        })
        .map(|q| subject_term(&q.subject))
        .collect();
    for node in facts.iter().filter(|n| !evidenced(n)) {
        out.push(Violation {
            check: "fact-without-evidence",
            node: node.clone(),
            detail: "no ng:evidence sentence with ng:start before ng:end and ng:text".into(),
        });
    }

    // unlabelled-entity: every entity has one entity class and one label in the graph
    let classes: HashSet<Term> = crate::summary::ENTITY_CLASSES.iter().map(|c| (*c).into()).collect();
    let mut entities: HashSet<Term> = HashSet::new();
    for q in quads {
        if q.predicate.as_ref() == rdf::TYPE && classes.contains(&q.object) {
            entities.insert(subject_term(&q.subject));
        }
    }
    for e in entities {
        let types = g.objects(&e, rdf::TYPE).filter(|t| classes.contains(*t)).count();
        let labels = g.objects(&e, rdf::LABEL).count();
        if types * labels != 1 {
            out.push(Violation {
                check: "unlabelled-entity",
                node: e,
                detail: format!("{labels} labels and {types} entity classes in the graph; one of each is expected"),
            });
        }
    }
    sort(&mut out);
    out
}

/// Violations in a stable order: by check, then node.
fn sort(violations: &mut [Violation]) {
    violations.sort_by_cached_key(|v| (v.check, v.node.to_string()));
}
