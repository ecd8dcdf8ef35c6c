//! The summary graph stays what a rebuild from the article graphs gives, after
//! ingest, re-ingest of changed articles, deletion and `link`; the integrity
//! checks run at each write agree with the SPARQL audits they mirror.

use std::collections::BTreeSet;

use newsgraph::ingest::{self, IngestOptions, StoreSink};
use newsgraph::link::relink::relink_graph;
use newsgraph::link::KbLinker;
use newsgraph::model::Document;
use newsgraph::query::{self, RunOptions};
use newsgraph::rdf::mint;
use newsgraph::store::{ArticleGraph, Store};
use newsgraph::summary::checks;
use newsgraph::Pipeline;
use oxigraph::model::{GraphName, GraphNameRef, Quad, Term};
use oxigraph::sparql::QueryResults;
use proptest::prelude::*;

use crate::common;

/// The quads of a graph of the store, as sorted N-Quads lines.
fn graph_lines(store: &Store, graph: GraphNameRef<'_>) -> Vec<String> {
    let mut lines: Vec<String> = store
        .inner()
        .quads_for_pattern(None, None, None, Some(graph))
        .map(|q| q.expect("a quad").to_string())
        .collect();
    lines.sort();
    lines
}

/// The summary a new store builds from the article graphs of `store`, loaded in one go.
fn rebuilt_summary(store: &Store) -> Vec<String> {
    let fresh = Store::memory().expect("a store");
    let graphs: Vec<ArticleGraph> = store
        .graphs()
        .expect("graphs")
        .into_iter()
        .map(|g| {
            let quads: Vec<Quad> = store
                .inner()
                .quads_for_pattern(None, None, None, Some(GraphNameRef::NamedNode(g.as_ref())))
                .map(|q| q.expect("a quad"))
                .collect();
            ArticleGraph::new(g.as_str().to_owned(), g, quads)
        })
        .collect();
    fresh.bulk_load(&graphs.iter().collect::<Vec<_>>()).expect("loaded");
    graph_lines(&fresh, GraphNameRef::NamedNode(mint::summary().as_ref()))
}

fn summary_lines(store: &Store) -> Vec<String> {
    graph_lines(store, GraphNameRef::NamedNode(mint::summary().as_ref()))
}

fn ingest(store: &Store, docs: &[Document]) {
    ingest::ingest(
        store,
        &Pipeline::default(),
        docs.iter().cloned().map(Ok),
        IngestOptions { jobs: 1, batch: 3 },
        &mut StoreSink(store),
        |_| {},
    )
    .expect("ingested");
}

/// Articles that share people and places, so that counts, roles and dates overlap.
fn articles() -> Vec<Document> {
    let mut docs = vec![common::example(), common::renamed()];
    docs.extend(common::gum_sample().into_iter().take(4));
    let texts = [
        "Ukrainian President Volodymyr Zelensky met Emmanuel Macron in Paris on Monday. \
         “We are close,” Zelensky said.",
        "French President Emmanuel Macron phoned Vladimir Putin on Tuesday, the Kremlin said.",
        "Steve Witkoff, the US special envoy, visited Moscow. He met Russian President Vladimir Putin.",
    ];
    for (i, t) in texts.iter().enumerate() {
        let mut d = Document::new(format!("short-{i}"), *t);
        d.meta.date = chrono::NaiveDate::from_ymd_opt(2025, 11, 20 + i as u32);
        docs.push(d);
    }
    docs
}

#[test]
fn summary_equals_a_rebuild_after_ingest_reingest_delete_and_link() {
    let store = Store::memory().expect("a store");
    let docs = articles();
    ingest(&store, &docs);
    assert_eq!(summary_lines(&store), rebuilt_summary(&store), "after ingest");

    // changed articles: new text, a later date, an article dropped from the corpus
    let short = |i: usize| docs.iter().find(|d| d.id == format!("short-{i}")).expect("a short article");
    let mut changed = short(0).clone();
    changed.text = "Vladimir Putin met Steve Witkoff in Moscow. “No deal yet,” Putin said.".into();
    changed.meta.date = chrono::NaiveDate::from_ymd_opt(2026, 1, 5);
    let mut dated = docs[0].clone();
    dated.meta.date = chrono::NaiveDate::from_ymd_opt(2024, 1, 1);
    ingest(&store, &[changed, dated]);
    assert_eq!(summary_lines(&store), rebuilt_summary(&store), "after re-ingest");

    assert!(store.remove_graph(mint::article(&short(1).id).as_ref()).expect("removed"));
    assert!(store.remove_graph(mint::article(&docs[1].id).as_ref()).expect("removed"));
    assert_eq!(summary_lines(&store), rebuilt_summary(&store), "after deletion");

    let kb = KbLinker::new(Vec::new());
    for g in store.graphs().expect("graphs") {
        relink_graph(&store, &g, &kb).expect("relinked");
    }
    assert_eq!(summary_lines(&store), rebuilt_summary(&store), "after link");

    // everything gone: nothing of it left in the summary but the version
    for g in store.graphs().expect("graphs") {
        store.remove_graph(g.as_ref()).expect("removed");
    }
    assert_eq!(summary_lines(&store), rebuilt_summary(&store), "after deleting everything");
    assert_eq!(summary_lines(&store).len(), 1, "{:#?}", summary_lines(&store));
}

#[test]
fn aggregate_queries_read_the_summary() {
    let store = Store::memory().expect("a store");
    ingest(&store, &articles());
    let macron = common::bundled_rows(&store, "people-and-roles", &[("name".into(), "macron".into())]);
    assert_eq!(macron.len(), 1, "{macron:?}");
    assert_eq!(macron[0][0], "Emmanuel Macron");
    assert!(macron[0][1].contains("French President"), "{macron:?}");
    assert_eq!(macron[0][3], "3", "the example and two short articles name him: {macron:?}");
    let moscow = common::bundled_rows(&store, "places", &[("name".into(), "moscow".into())]);
    assert!(moscow.iter().any(|r| r[0] == "Moscow" && r[5] != "0"), "{moscow:?}");
    let putin = common::bundled_rows(&store, "mentions-of", &[("name".into(), "putin".into())]);
    let articles: BTreeSet<&str> = putin.iter().map(|r| r[3].as_str()).collect();
    assert!(articles.contains("miami-talks") && articles.contains("short-1"), "{putin:?}");
}

/// The checks at each write find what the SPARQL audits find, on graphs with
/// quads taken out at random.
#[test]
fn checks_agree_with_the_sparql_audits_on_damaged_graphs() {
    let pipeline = Pipeline::default();
    let docs = articles();
    let graphs: Vec<(oxigraph::model::NamedNode, Vec<Quad>)> =
        docs.iter().map(|d| (mint::article(&d.id), newsgraph::rdf::map(d, &pipeline.analyze(d)))).collect();
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig::with_cases(48));
    runner
        .run(&(0..graphs.len(), proptest::collection::vec(any::<prop::sample::Index>(), 1..6)), |(k, drops)| {
            let (g, quads) = &graphs[k];
            let mut damaged = quads.clone();
            for d in drops {
                if !damaged.is_empty() {
                    damaged.remove(d.index(damaged.len()));
                }
            }
            let ours: BTreeSet<(String, String)> =
                checks::run(g, &damaged).into_iter().map(|v| (v.check.to_owned(), v.node.to_string())).collect();
            let store = oxigraph::store::Store::new().expect("a store");
            store.extend(damaged.iter().cloned()).expect("loaded");
            let mut theirs = BTreeSet::new();
            for (check, text) in checks::AUDITS {
                let mut prepared = query::evaluator().parse_query(text).expect("the audit parses");
                prepared.dataset_mut().set_default_graph_as_union();
                let QueryResults::Solutions(rows) = prepared.on_store(&store).execute().expect("runs") else {
                    panic!("an audit is a SELECT")
                };
                let var = rows.variables()[0].clone();
                for row in rows {
                    if let Some(node) = row.expect("a row").get(&var) {
                        theirs.insert((check.to_owned(), node.to_string()));
                    }
                }
            }
            prop_assert_eq!(ours, theirs, "graph {} with quads taken out", g);
            Ok(())
        })
        .expect("the checks agree with the audits");
}

#[test]
fn graphs_newsgraph_makes_have_no_violations_recorded() {
    let store = Store::memory().expect("a store");
    ingest(&store, &articles());
    for q in query::bundled().into_iter().filter(|q| q.name.starts_with("checks/")) {
        let QueryResults::Solutions(rows) =
            query::run(&store, q.name, q.text, &[], &RunOptions::default()).expect("runs")
        else {
            panic!("{} is a SELECT", q.name)
        };
        let rows: Vec<_> = rows.map(|r| format!("{:?}", r.expect("a row"))).collect();
        assert!(rows.is_empty(), "{}: {rows:#?}", q.name);
    }
    // a broken graph is recorded, and the record goes with the graph
    let g = mint::article("broken");
    let ann = oxigraph::model::NamedNode::new_unchecked("https://w3id.org/newsgraph/id/person/ann");
    let quads = vec![
        Quad::new(
            g.clone(),
            newsgraph::rdf::vocab::schema::IDENTIFIER,
            oxigraph::model::Literal::new_simple_literal("broken"),
            GraphName::NamedNode(g.clone()),
        ),
        Quad::new(g.clone(), newsgraph::rdf::vocab::ng::MET_WITH, Term::from(ann), GraphName::NamedNode(g.clone())),
    ];
    store.replace_graph("broken", g.as_ref(), &quads).expect("stored");
    let q = query::find("checks/dangling-node-violation").expect("bundled");
    let QueryResults::Solutions(rows) = query::run(&store, q.name, q.text, &[], &RunOptions::default()).expect("runs")
    else {
        panic!("a SELECT")
    };
    assert_eq!(rows.count(), 2, "ann and the article node itself point nowhere");
    store.remove_graph(g.as_ref()).expect("removed");
    assert_eq!(summary_lines(&store), rebuilt_summary(&store));
}
