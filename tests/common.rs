//! Helpers shared by the integration tests.

use std::path::PathBuf;

use chrono::NaiveDate;
use newsgraph::model::{Document, Metadata};
use newsgraph::store::Store;
use newsgraph::{rdf, Pipeline};

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
