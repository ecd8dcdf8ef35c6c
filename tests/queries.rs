//! Every bundled query parses and runs; report queries give the expected rows
//! on the example; `checks/*-violation` queries find nothing on any graph we make.

use newsgraph::query::{self, RunOptions};
use newsgraph::store::Store;
use oxigraph::sparql::QueryResults;

use crate::common;

/// Rows as tab-separated cells (as the table shows them), in result order.
fn rows(store: &Store, name: &str, text: &str, params: &[(String, String)]) -> Vec<String> {
    let results =
        query::run(store, name, text, params, &RunOptions::default()).unwrap_or_else(|e| panic!("{name}: {e}"));
    let QueryResults::Solutions(solutions) = results else { panic!("{name} is not a SELECT query") };
    let vars = solutions.variables().to_vec();
    let mut out = vec![vars.iter().map(|v| v.as_str()).collect::<Vec<_>>().join("\t")];
    for s in solutions {
        let s = s.unwrap_or_else(|e| panic!("{name}: {e}"));
        out.push(vars.iter().map(|v| s.get(v).map(query::cell).unwrap_or_default()).collect::<Vec<_>>().join("\t"));
    }
    out
}

#[test]
fn report_queries_give_the_expected_rows_on_the_example() {
    let store = common::store_with(&[common::example()]);
    let update = std::env::var_os("NEWSGRAPH_UPDATE_GOLDEN").is_some();
    for q in query::bundled().into_iter().filter(|q| !q.name.starts_with("checks/")) {
        let got = rows(&store, q.name, q.text, &[]);
        // merges need two articles that name one entity or event: `link.rs` and `events.rs` cover them
        assert!(got.len() > 1 || q.name.ends_with("merges"), "{} returns no rows on the example", q.name);
        let file = common::path(&format!("tests/fixtures/queries/{}.tsv", q.name));
        if update {
            std::fs::create_dir_all(file.parent().expect("a parent")).expect("create fixtures/queries");
            std::fs::write(&file, got.join("\n") + "\n").expect("write expected rows");
            continue;
        }
        let expected = std::fs::read_to_string(&file)
            .unwrap_or_else(|_| panic!("{} is missing (NEWSGRAPH_UPDATE_GOLDEN=1 writes it)", file.display()));
        let expected: Vec<&str> = expected.lines().collect();
        assert_eq!(got, expected, "rows of {} changed (NEWSGRAPH_UPDATE_GOLDEN=1 to accept)", q.name);
    }
}

#[test]
fn checks_find_no_violations() {
    let mut docs = vec![common::example(), common::renamed()];
    docs.extend(common::gum_sample());
    let store = common::store_with(&docs);
    let checks: Vec<_> = query::bundled().into_iter().filter(|q| q.name.starts_with("checks/")).collect();
    assert!(checks.len() >= 3, "the check queries are bundled");
    for q in checks {
        assert!(q.name.ends_with("-violation"), "{}: check queries are named *-violation", q.name);
        let got = rows(&store, q.name, q.text, &[]);
        assert_eq!(got.len(), 1, "{} found violations:\n{}", q.name, got.join("\n"));
    }
}

#[test]
fn every_bundled_query_parses() {
    for q in query::bundled() {
        let _ = query::parse(q.name, q.text).unwrap_or_else(|e| panic!("{e}"));
    }
}

#[test]
fn parameters_filter_and_unknown_ones_are_refused() {
    let store = common::store_with(&[common::example(), common::renamed()]);
    let q = query::find("who-met-whom").expect("bundled");
    let all = rows(&store, q.name, q.text, &[]);
    let some = rows(&store, q.name, q.text, &[("name".into(), "zelensky".into())]);
    assert!(some.len() > 1 && some.len() < all.len(), "a name narrows the rows: {} of {}", some.len(), all.len());
    assert!(some[1..].iter().all(|r| r.to_lowercase().contains("zelensky")));
    let err = query::run(&store, q.name, q.text, &[("nope".into(), "x".into())], &RunOptions::default())
        .err()
        .expect("an unknown parameter is an error");
    assert!(err.to_string().contains("no variable ?nope"), "{err}");
}

#[test]
fn two_articles_are_two_graphs_and_reingesting_changes_nothing() {
    let store = common::store_with(&[common::example(), common::renamed()]);
    assert_eq!(store.graphs().expect("graphs").len(), 2);
    let before = store.len().expect("len");
    let doc = common::example();
    let quads = newsgraph::rdf::map(&doc, &newsgraph::Pipeline::default().analyze(&doc));
    store.replace_graph(&doc.id, newsgraph::rdf::mint::article(&doc.id).as_ref(), &quads).expect("stored");
    assert_eq!(store.len().expect("len"), before);
}
