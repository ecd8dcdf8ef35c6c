//! One event across articles: two reports of the same meeting become one event
//! node with both articles' evidence, recorded as an `ng:EventMerge`; a meeting
//! of the same people on another day stays its own event. The articles are our
//! own (`tests/fixtures/events/`).

use chrono::NaiveDate;
use newsgraph::ingest::{self, IngestOptions, StoreSink};
use newsgraph::model::{Document, Metadata};
use newsgraph::store::Store;
use newsgraph::Pipeline;

use crate::common;

fn article(name: &str, date: &str) -> Document {
    let text = std::fs::read_to_string(common::path(&format!("tests/fixtures/events/{name}.txt"))).expect("fixture");
    let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok();
    Document { id: name.to_owned(), text, meta: Metadata { date, ..Metadata::default() } }
}

/// The three reports: two of the Geneva meeting (published on 12 and 13 March 2025), one of Lima.
fn reports() -> Vec<Document> {
    vec![
        article("oslo-herald", "2025-03-12"),
        article("santiago-daily", "2025-03-13"),
        article("lima-post", "2025-03-15"),
    ]
}

fn ingest_all(store: &Store, docs: Vec<Document>) {
    let total = ingest::ingest(
        store,
        &Pipeline::default(),
        docs.into_iter().map(Ok),
        IngestOptions::default(),
        &mut StoreSink(store),
        |_| {},
    )
    .expect("ingested");
    assert!(total.articles > 0);
}

#[test]
fn two_reports_of_one_meeting_are_one_event_with_both_sources() {
    let store = Store::memory().expect("store");
    ingest_all(&store, reports());
    // the Geneva meeting: one node, typed and evidenced in both article graphs
    let geneva = common::select(
        &store,
        "geneva",
        "SELECT ?event (COUNT(DISTINCT ?g) AS ?articles) (COUNT(DISTINCT ?s) AS ?sentences) WHERE { \
         GRAPH ?g { ?event a ng:Meeting ; ng:evidence ?s ; ng:date \"2025-03-11\"^^xsd:date } } GROUP BY ?event",
        &[],
    );
    assert_eq!(geneva.len(), 1, "one Geneva meeting: {geneva:?}");
    assert_eq!((geneva[0][1].as_str(), geneva[0][2].as_str()), ("2", "2"), "{geneva:?}");
    // the merge is recorded in the graph of the later report, with its reason and sentence
    let merges = common::bundled_rows(&store, "event-merges", &[]);
    assert_eq!(merges.len(), 1, "{merges:?}");
    let (reason, article, sentence) = (&merges[0][3], &merges[0][4], &merges[0][5]);
    assert_eq!(article, "santiago-daily");
    assert!(reason.contains("same participants (Ingrid Halvorsen, Tomás Arancibia)"), "{reason}");
    assert!(reason.contains("same date 2025-03-11") && reason.contains("oslo-herald"), "{reason}");
    assert!(sentence.starts_with("Chile's foreign minister"), "{sentence}");
    // the timeline shows it once, with both sources; Lima (a meeting, and the signing it was
    // for) and the planned Oslo meeting apart
    let timeline = common::bundled_rows(&store, "timeline", &[]);
    let sorted = |sources: &str| {
        let mut v: Vec<&str> = sources.split(", ").collect();
        v.sort_unstable();
        v.join(", ")
    };
    let meetings: Vec<(&str, &str, String)> =
        timeline.iter().map(|r| (r[0].as_str(), r[2].as_str(), sorted(&r[6]))).collect();
    assert_eq!(
        meetings,
        [
            ("2025-03-11", "040", "oslo-herald, santiago-daily".to_owned()),
            ("2025-03-14", "057", "lima-post".to_owned()),
            ("2025-03-14", "040", "lima-post".to_owned()),
            ("next month", "036", "santiago-daily".to_owned()),
        ],
        "{timeline:#?}"
    );
}

#[test]
fn merging_does_not_depend_on_the_order_of_ingest() {
    let store = Store::memory().expect("store");
    let mut docs = reports();
    docs.reverse();
    ingest_all(&store, docs);
    let merges = common::bundled_rows(&store, "event-merges", &[]);
    assert_eq!(merges.len(), 1, "{merges:?}");
    assert_eq!(merges[0][4], "oslo-herald", "the later-ingested report is merged into the first one");
    let timeline = common::bundled_rows(&store, "timeline", &[("name".into(), "halvorsen".into())]);
    assert_eq!(timeline.len(), 4, "{timeline:#?}");
}

#[test]
fn reingesting_a_report_keeps_one_event() {
    let store = Store::memory().expect("store");
    ingest_all(&store, reports());
    let before = store.len().expect("len");
    // the same report, corrected: ingested again, it replaces its graph and merges again
    let mut corrected = article("santiago-daily", "2025-03-13");
    corrected.text = corrected.text.replace("officials said", "diplomats said");
    ingest_all(&store, vec![corrected]);
    assert_eq!(common::bundled_rows(&store, "event-merges", &[]).len(), 1);
    assert_eq!(store.len().expect("len"), before, "the same quads, one word changed");
}
