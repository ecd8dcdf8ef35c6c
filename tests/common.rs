//! Helpers shared by the integration tests.

use std::path::PathBuf;

use chrono::NaiveDate;
use newsgraph::model::{Document, Metadata};
use newsgraph::query::{self, RunOptions};
use newsgraph::store::Store;
use newsgraph::{rdf, Pipeline};
use oxigraph::sparql::QueryResults;

/// A path under the crate root.
pub fn path(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// The publication date of the example article.
pub fn example_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 12, 7).expect("a valid date")
}

/// A document read from a file under the crate root, with the example's date.
pub fn doc(rel: &str, id: &str) -> Document {
    let text = std::fs::read_to_string(path(rel)).expect("the fixture exists");
    Document { id: id.to_owned(), text, meta: Metadata { date: Some(example_date()), ..Metadata::default() } }
}

/// The example article.
pub fn example() -> Document {
    doc("examples/miami-talks.txt", "miami-talks")
}

/// The renamed copy of the example.
pub fn renamed() -> Document {
    doc("tests/fixtures/istanbul-talks.txt", "istanbul-talks")
}

/// The GUM sample articles.
pub fn gum_sample() -> Vec<Document> {
    let sources = newsgraph::input::sources(&[path("tests/fixtures/gum-sample.jsonl")]).expect("the fixture exists");
    newsgraph::input::Articles::new(sources, Default::default()).map(|d| d.expect("a valid article")).collect()
}

/// An in-memory store holding these documents.
pub fn store_with(docs: &[Document]) -> Store {
    let store = Store::memory().expect("an in-memory store");
    let pipeline = Pipeline::default();
    for d in docs {
        let quads = rdf::map(d, &pipeline.analyze(d));
        store.replace_graph(&d.id, rdf::mint::article(&d.id).as_ref(), &quads).expect("stored");
    }
    store
}

/// The rows of a SELECT query on the store, each value as the table shows it
/// (empty where unbound), in result order.
pub fn select(store: &Store, name: &str, sparql: &str, params: &[(String, String)]) -> Vec<Vec<String>> {
    let results =
        query::run(store, name, sparql, params, &RunOptions::default()).unwrap_or_else(|e| panic!("{name}: {e}"));
    let QueryResults::Solutions(solutions) = results else { panic!("{name} is not a SELECT query") };
    let vars = solutions.variables().to_vec();
    solutions
        .map(|s| {
            let s = s.unwrap_or_else(|e| panic!("{name}: {e}"));
            vars.iter().map(|v| s.get(v).map(query::cell).unwrap_or_default()).collect()
        })
        .collect()
}

/// A bundled query's rows, as [`select`] gives them.
pub fn bundled_rows(store: &Store, name: &str, params: &[(String, String)]) -> Vec<Vec<String>> {
    let q = query::find(name).unwrap_or_else(|e| panic!("{name}: {e}"));
    select(store, q.name, q.text, params)
}

/// The built binary.
pub fn bin() -> assert_cmd::Command {
    assert_cmd::Command::new(env!("CARGO_BIN_EXE_newsgraph"))
}

/// Whether a program is on the PATH.
pub fn have(program: &str) -> bool {
    std::process::Command::new(program)
        .arg("--version")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok()
}
