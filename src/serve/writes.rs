//! Which graphs a write may change, so that the store keeps its summary graph
//! up to date in the write's own transaction ([`Store::change`](crate::store::Store::change)).
//!
//! An update names most of them: `INSERT DATA`, `DELETE DATA`, `LOAD … INTO`,
//! `CLEAR`, `DROP`, `CREATE` and templates with a constant graph. A template
//! `GRAPH ?g { … }` changes the graphs its `WHERE` binds `?g` to: they are
//! found by running that `WHERE` first, in the same transaction, under the same
//! time limit. `DROP ALL`, `CLEAR NAMED` and the like touch every graph (the
//! summary is then rebuilt from what is left), and so does an update of several
//! operations with a graph variable (a later `WHERE` would see what an earlier
//! operation wrote).

use std::collections::BTreeSet;

use oxigraph::model::{NamedNode, Term, Variable};
use oxigraph::sparql::{QueryEvaluationError, QueryResults, SparqlEvaluator};
use oxigraph::store::Transaction;
use spargebra::algebra::{GraphPattern, GraphTarget};
use spargebra::term::{GraphName, GraphNamePattern};
use spargebra::{GraphUpdateOperation, Query, Update};

use crate::rdf::mint;
use crate::store::Touched;

/// The graphs `update` may change, as the store is in `tx`; `dataset` sets the
/// default graph of a `WHERE` without `USING` as the update itself does.
pub fn touched(
    tx: &Transaction<'_>,
    evaluator: &SparqlEvaluator,
    update: &Update,
    dataset: impl Fn(&mut oxigraph::sparql::QueryDataset),
) -> Result<Touched, QueryEvaluationError> {
    let mut graphs = BTreeSet::new();
    let several = update.operations.len() > 1;
    for op in &update.operations {
        match op {
            GraphUpdateOperation::InsertData { data } => {
                graphs.extend(data.iter().filter_map(|q| named(&q.graph_name)));
            }
            GraphUpdateOperation::DeleteData { data } => {
                graphs.extend(data.iter().filter_map(|q| named(&q.graph_name)));
            }
            GraphUpdateOperation::DeleteInsert { delete, insert, using, pattern } => {
                let templates = delete.iter().map(|q| &q.graph_name).chain(insert.iter().map(|q| &q.graph_name));
                let mut variables = BTreeSet::new();
                for g in templates {
                    match g {
                        GraphNamePattern::NamedNode(n) => {
                            graphs.insert(n.clone());
                        }
                        GraphNamePattern::Variable(v) => {
                            variables.insert(v.clone());
                        }
                        GraphNamePattern::DefaultGraph => {}
                    }
                }
                if variables.is_empty() {
                    continue;
                }
                if several {
                    return Ok(Touched::All);
                }
                let query = Query::Select {
                    dataset: using.clone(),
                    pattern: GraphPattern::Distinct {
                        inner: Box::new(GraphPattern::Project {
                            inner: pattern.clone(),
                            variables: variables.iter().cloned().collect::<Vec<Variable>>(),
                        }),
                    },
                    base_iri: None,
                };
                let mut prepared = evaluator.clone().for_query(query);
                if using.is_none() {
                    dataset(prepared.dataset_mut());
                }
                if let QueryResults::Solutions(rows) = prepared.on_transaction(tx).execute()? {
                    for row in rows {
                        for (_, value) in row?.iter() {
                            if let Term::NamedNode(n) = value {
                                graphs.insert(n.clone());
                            }
                        }
                    }
                }
            }
            GraphUpdateOperation::Load { destination, .. } => graphs.extend(named(destination)),
            GraphUpdateOperation::Clear { graph, .. } | GraphUpdateOperation::Drop { graph, .. } => match graph {
                GraphTarget::NamedNode(n) => {
                    graphs.insert(n.clone());
                }
                GraphTarget::DefaultGraph => {}
                GraphTarget::NamedGraphs | GraphTarget::AllGraphs => return Ok(Touched::All),
            },
            GraphUpdateOperation::Create { graph, .. } => {
                graphs.insert(graph.clone());
            }
        }
    }
    Ok(Touched::Graphs(graphs.into_iter().collect()))
}

fn named(g: &GraphName) -> Option<NamedNode> {
    match g {
        GraphName::NamedNode(n) => Some(n.clone()),
        GraphName::DefaultGraph => None,
    }
}

/// Whether the write would change the summary graph itself, which only newsgraph writes.
pub fn writes_summary(touched: &Touched) -> bool {
    matches!(touched, Touched::Graphs(gs) if gs.contains(&mint::summary()))
}
