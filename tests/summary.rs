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
    // the meeting of short-2 reported again a day later: one event node in two articles
    let mut again = Document::new("short-3", texts[2]);
    again.meta.date = chrono::NaiveDate::from_ymd_opt(2025, 11, 23);
    docs.push(again);
    docs
}

/// The summary's event listing: (entry, sources) per entry.
fn listed_sources(store: &Store) -> Vec<(String, String)> {
    let summary = mint::summary();
    store
        .inner()
        .quads_for_pattern(
            None,
            Some(newsgraph::rdf::vocab::ng::SOURCES),
            None,
            Some(GraphNameRef::NamedNode(summary.as_ref())),
        )
        .map(|q| q.expect("a quad"))
        .map(|q| {
            let Term::Literal(l) = q.object else { panic!("sources are a literal") };
            (q.subject.to_string(), l.value().to_owned())
        })
        .collect()
}

#[test]
fn summary_equals_a_rebuild_after_ingest_reingest_delete_and_link() {
    let store = Store::memory().expect("a store");
    let docs = articles();
    ingest(&store, &docs);
    assert_eq!(summary_lines(&store), rebuilt_summary(&store), "after ingest");
    let merged: Vec<_> = listed_sources(&store).into_iter().filter(|(_, s)| s.contains("short-2, short-3")).collect();
    assert!(!merged.is_empty(), "events listed once for two articles: {:#?}", listed_sources(&store));

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
    // the article whose graph minted the merged event node goes; the other still lists it
    assert!(store.remove_graph(mint::article("short-2").as_ref()).expect("removed"));
    assert_eq!(summary_lines(&store), rebuilt_summary(&store), "after deleting the first report of an event");
    let listed = listed_sources(&store);
    for (entry, _) in &merged {
        let left: Vec<_> = listed.iter().filter(|(e, _)| e == entry).collect();
        assert_eq!(left, vec![&(entry.clone(), "short-3".to_owned())]);
    }

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

/// `timeline` and `events-by-code` as they were before the event listing:
/// grouping every event of the article graphs.
const TIMELINE_BY_GROUPING: &str = r##"SELECT (COALESCE(STR(MIN(?d)), SAMPLE(?written)) AS ?date) ?kind ?code
       (GROUP_CONCAT(DISTINCT ?participant; SEPARATOR=", ") AS ?participants)
       (SAMPLE(?placeName) AS ?place) (MAX(?isPlanned) AS ?planned)
       (GROUP_CONCAT(DISTINCT ?article; SEPARATOR=", ") AS ?sources)
       (SAMPLE(?text) AS ?sentence)
WHERE {
  GRAPH ?g {
    ?event a ?class ; ng:evidence ?s ; ng:cameoCode ?code .
    VALUES ?class { ng:Meeting ng:PhoneCall ng:Visit ng:Action }
    ?s ng:text ?text .
    ?g schema:identifier ?article .
    OPTIONAL { ?event ng:date ?d }
    OPTIONAL { ?event ng:dateText ?written }
    OPTIONAL { ?event ng:participant ?pp . ?pp rdfs:label ?participant }
    OPTIONAL { ?event ng:place ?pl . ?pl rdfs:label ?placeName }
    OPTIONAL { ?event ng:planned ?p }
  }
  BIND(COALESCE(?p, false) AS ?isPlanned)
  BIND(STRAFTER(STR(?class), "#") AS ?kind)
  FILTER(!BOUND(?d) || STR(?d) >= COALESCE(?from, ""))
}
GROUP BY ?event ?kind ?code
HAVING (CONTAINS(LCASE(GROUP_CONCAT(DISTINCT COALESCE(?participant, ""); SEPARATOR=" ")), LCASE(COALESCE(?name, ""))))
ORDER BY (COALESCE(STR(MIN(?d)), "~")) ?sources ?kind ?sentence"##;
const EVENTS_BY_CODE_BY_GROUPING: &str = r##"SELECT ?cameo ?label ?kind ?date ?participants ?actors ?place ?sources ?sentence
WHERE {
  {
    SELECT ?event ?cameo ?kind (MIN(?d) AS ?date)
           (GROUP_CONCAT(DISTINCT COALESCE(?participant, ?speaker); SEPARATOR=", ") AS ?participants)
           (GROUP_CONCAT(DISTINCT ?actorName; SEPARATOR=", ") AS ?actors)
           (SAMPLE(?placeName) AS ?place)
           (GROUP_CONCAT(DISTINCT ?article; SEPARATOR=", ") AS ?sources)
           (SAMPLE(?text) AS ?sentence)
    WHERE {
      GRAPH ?g {
        ?event ng:cameoCode ?cameo .
        FILTER(STRSTARTS(?cameo, COALESCE(?code, "")))
        ?event a ?class ; ng:evidence ?s .
        ?s ng:text ?text .
        ?g schema:identifier ?article .
        OPTIONAL { ?event ng:date ?d }
        OPTIONAL { ?event ng:participant ?pp . ?pp rdfs:label ?participant }
        OPTIONAL { ?event prov:wasAttributedTo ?sp . ?sp rdfs:label ?speaker }
        OPTIONAL { ?event ng:actor ?ac . ?ac rdfs:label ?actorName }
        OPTIONAL { ?event ng:place ?pl . ?pl rdfs:label ?placeName }
      }
      BIND(STRAFTER(STR(?class), "#") AS ?kind)
    }
    GROUP BY ?event ?cameo ?kind
  }
  VALUES (?cameo ?label) {
    ("010" "Make statement") ("020" "Appeal") ("036" "Express intent to meet or negotiate")
    ("040" "Consult") ("041" "Discuss by telephone") ("042" "Make a visit") ("043" "Host a visit")
    ("045" "Mediate") ("046" "Engage in negotiation") ("051" "Praise or endorse") ("055" "Apologize")
    ("057" "Sign formal agreement") ("090" "Investigate") ("100" "Demand") ("111" "Criticize or denounce")
    ("112" "Accuse") ("120" "Reject") ("130" "Threaten") ("141" "Demonstrate or rally")
    ("163" "Impose embargo, boycott, or sanctions") ("173" "Arrest, detain, or charge with legal action")
    ("174" "Expel or deport individuals") ("190" "Use conventional military force")
  }
}
ORDER BY ?cameo ?date ?sources ?sentence"##;

/// The rows of a query, as strings, in order.
fn query_rows(store: &Store, name: &str, text: &str, params: &[(String, String)]) -> Vec<Vec<String>> {
    let QueryResults::Solutions(s) = query::run(store, name, text, params, &RunOptions::default()).expect("runs")
    else {
        panic!("{name} is a SELECT")
    };
    let vars = s.variables().to_vec();
    s.map(|r| {
        let r = r.expect("a row");
        vars.iter().map(|v| r.get(v).map(query::cell).unwrap_or_default()).collect()
    })
    .collect()
}

/// A list cell (`a, b`) in sorted order.
fn sorted_list(cell: &str) -> String {
    let mut parts: Vec<&str> = cell.split(", ").filter(|p| !p.is_empty()).collect();
    parts.sort_unstable();
    parts.join(", ")
}

/// The listings read from the summary give the rows (and order) that grouping
/// every event of the article graphs gives: every event, once, by date.
#[test]
fn event_listings_give_the_rows_of_grouping_every_event() {
    let store = Store::memory().expect("a store");
    ingest(&store, &articles());
    let key = |r: &Vec<String>, cols: &[usize], lists: &[usize]| -> Vec<String> {
        cols.iter().map(|&c| if lists.contains(&c) { sorted_list(&r[c]) } else { r[c].clone() }).collect()
    };
    for from in [None, Some("2025-11-21"), Some("2025-12-05"), Some("2030-01-01")] {
        let params: Vec<(String, String)> = from.iter().map(|f| ("from".to_owned(), (*f).to_owned())).collect();
        let q = query::find("timeline").expect("bundled");
        let new = query_rows(&store, "timeline", q.text, &params);
        let old = query_rows(&store, "timeline (grouping)", TIMELINE_BY_GROUPING, &params);
        // date, kind, code, participants, planned, sources
        let cols = [0, 1, 2, 3, 5, 6];
        let new_keys: Vec<_> = new.iter().map(|r| key(r, &cols, &[3, 6])).collect();
        let old_keys: Vec<_> = old.iter().map(|r| key(r, &cols, &[3, 6])).collect();
        assert_eq!(new_keys, old_keys, "timeline from {from:?}");
        assert!(from.is_some() || new.len() > 8, "the articles give events: {new:#?}");
    }
    for code in [None, Some("01"), Some("04")] {
        let params: Vec<(String, String)> = code.iter().map(|c| ("code".to_owned(), (*c).to_owned())).collect();
        let q = query::find("events-by-code").expect("bundled");
        let new = query_rows(&store, "events-by-code", q.text, &params);
        let old = query_rows(&store, "events-by-code (grouping)", EVENTS_BY_CODE_BY_GROUPING, &params);
        // code, label, date, sources in order; every column but the sentence as a multiset
        let ordered =
            |rows: &[Vec<String>]| -> Vec<Vec<String>> { rows.iter().map(|r| key(r, &[0, 1, 3, 7], &[7])).collect() };
        assert_eq!(ordered(&new), ordered(&old), "events-by-code {code:?}");
        let mut new_rows: Vec<_> = new.iter().map(|r| key(r, &[0, 1, 2, 3, 4, 5, 6, 7], &[4, 5, 7])).collect();
        let mut old_rows: Vec<_> = old.iter().map(|r| key(r, &[0, 1, 2, 3, 4, 5, 6, 7], &[4, 5, 7])).collect();
        new_rows.sort();
        old_rows.sort();
        assert_eq!(new_rows, old_rows, "events-by-code {code:?}");
    }
}

/// A day with more entries than a query sorts still lists each of them once.
#[test]
fn a_large_day_is_listed_whole_in_store_order() {
    use newsgraph::rdf::vocab::{ng, schema};
    use newsgraph::summary::events::SORTED_DAY;
    use oxigraph::model::{Literal, NamedNode};
    for name in ["timeline", "events-by-code"] {
        let text = query::find(name).expect("bundled").text;
        assert!(text.contains(&format!("<= {SORTED_DAY})")) && text.contains(&format!("> {SORTED_DAY})")), "{name}");
    }
    let store = Store::memory().expect("a store");
    let n = SORTED_DAY as usize + 10;
    for i in 0..n {
        let id = format!("a{i:03}");
        let g = mint::article(&id);
        let gn = GraphName::NamedNode(g.clone());
        let event = mint::local(&g, "event-0");
        let s = mint::local(&g, "char=0,9");
        let lit = |v: &str| Term::from(Literal::new_simple_literal(v));
        let q = |s: &NamedNode, p: oxigraph::model::NamedNodeRef<'_>, o: Term| {
            Quad::new(s.clone(), p.into_owned(), o, gn.clone())
        };
        let quads = vec![
            q(&g, schema::IDENTIFIER, lit(&id)),
            q(&event, newsgraph::rdf::vocab::rdf::TYPE, ng::ACTION.into_owned().into()),
            q(&event, ng::CAMEO_CODE, lit("112")),
            q(&event, ng::EVIDENCE, s.clone().into()),
            q(&s, ng::TEXT, lit(&format!("Sentence {i}."))),
        ];
        store.replace_graph(&id, g.as_ref(), &quads).expect("stored");
    }
    assert_eq!(summary_lines(&store), rebuilt_summary(&store));
    for name in ["timeline", "events-by-code"] {
        let rows = query_rows(&store, name, query::find(name).expect("bundled").text, &[]);
        let col = if name == "timeline" { 6 } else { 7 };
        let sources: BTreeSet<&str> = rows.iter().map(|r| r[col].as_str()).collect();
        assert_eq!((rows.len(), sources.len()), (n, n), "{name}: every event once");
    }
}
