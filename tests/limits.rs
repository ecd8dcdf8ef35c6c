//! Time limits that hold: a query that would run for hours stops at its limit,
//! in the library, in `newsgraph query --timeout` and in `newsgraph serve`,
//! and the server goes on answering other clients meanwhile.

use std::time::{Duration, Instant};

use newsgraph::query::{self, Deadline, RunOptions};
use newsgraph::store::Store;
use oxhttp::model::Method;
use oxigraph::model::{GraphName, Literal, NamedNode, Quad};
use oxigraph::sparql::{QueryEvaluationError, QueryResults};

use super::http::{bin, call, count, enc, serve};

/// Three unconnected patterns: N³ rows, N² of them between two reads from the store.
const RUNAWAY: &str = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";

/// `n` quads in one graph.
fn quads(n: usize) -> Vec<Quad> {
    let g = GraphName::NamedNode(NamedNode::new_unchecked("https://example.com/g"));
    let p = NamedNode::new_unchecked("https://example.com/p");
    (0..n)
        .map(|i| {
            let s = NamedNode::new_unchecked(format!("https://example.com/s{i}"));
            Quad::new(s, p.clone(), Literal::from(i as i64), g.clone())
        })
        .collect()
}

/// The regression test of the spareval patch (vendor/spareval/NEWSGRAPH.md): with 3,000
/// quads the cartesian product emits 9 million rows between two reads, which took
/// seconds before operators checked the token themselves.
#[test]
fn runaway_cartesian_product_stops_at_its_time_limit() {
    let store = Store::memory().expect("a store");
    store.inner().extend(quads(3000)).expect("loaded");
    let deadline = Deadline::after(Duration::from_millis(200));
    let started = Instant::now();
    let options = RunOptions { cancel: Some(deadline.token().clone()) };
    let results = query::run(&store, "runaway", RUNAWAY, &[], &options);
    let first = match results {
        Ok(QueryResults::Solutions(mut rows)) => rows.next().expect("one row or an error").err(),
        Ok(_) => panic!("a SELECT query gives solutions"),
        Err(e) => panic!("the query runs: {e}"),
    };
    let elapsed = started.elapsed();
    assert!(
        matches!(first, Some(QueryEvaluationError::Cancelled)),
        "the first answer is the cancellation, not a partial count: {first:?}"
    );
    assert!(elapsed < Duration::from_millis(1200), "stopped {elapsed:?} after the start (limit 200 ms)");
}

#[test]
fn query_timeout_stops_a_runaway_query() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let store = dir.path().join("store");
    {
        let s = Store::open(&store).expect("a store");
        s.inner().extend(quads(3000)).expect("loaded");
    }
    let started = Instant::now();
    bin()
        .args(["query", "--timeout", "1", "--store"])
        .arg(&store)
        .arg(RUNAWAY)
        .assert()
        .code(1)
        .stderr(predicates::str::contains("--timeout 1 s"));
    assert!(started.elapsed() < Duration::from_secs(3), "answered after {:?}", started.elapsed());
    bin()
        .args(["query", "--timeout", "0", "--store"])
        .arg(&store)
        .arg(RUNAWAY)
        .assert()
        .failure()
        .stderr(predicates::str::contains("above 0"));
}

/// Four runaways at once get 503 within their limit plus 2 s while a simple query is
/// answered at once; a request that finds every evaluation slot taken gets 503 "busy".
#[test]
fn serve_answers_runaways_within_the_limit_and_others_meanwhile() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let store = dir.path().join("store");
    {
        let s = Store::open(&store).expect("a store");
        s.inner().extend(quads(3000)).expect("loaded");
    }
    let limit = Duration::from_secs(6);
    let server = serve(
        &["--store", store.to_str().expect("utf-8 path"), "--timeout", "6", "--max-running", "5"],
        &[],
        dir.path(),
    );
    let base = server.base.clone();
    let runaway = format!("{base}/query?query={}", enc(RUNAWAY));
    let send_runaway = || {
        let url = runaway.clone();
        std::thread::spawn(move || {
            let sent = Instant::now();
            let a = call(Method::GET, &url, &[], "");
            (a.status, a.body, sent.elapsed())
        })
    };
    let mut runaways: Vec<_> = (0..4).map(|_| send_runaway()).collect();
    std::thread::sleep(Duration::from_millis(300));
    let simple = format!("{base}/query?query={}", enc("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p 7 }"));
    let asked = Instant::now();
    let a = call(Method::GET, &simple, &[], "");
    let took = asked.elapsed();
    assert_eq!(count(&a), 1, "{}", a.body);
    assert!(took < Duration::from_secs(1), "a simple query took {took:?} while four runaways ran");
    // a fifth runaway takes the last slot: the next request waits 5 s for one, then is told the server is busy
    runaways.push(send_runaway());
    std::thread::sleep(Duration::from_millis(300));
    let a = call(Method::GET, &simple, &[], "");
    assert_eq!(a.status, 503, "{}", a.body);
    assert!(a.body.contains("busy"), "{}", a.body);
    assert_eq!(a.header("retry-after"), Some("2"));
    for r in runaways {
        let (status, body, took) = r.join().expect("a client thread");
        assert_eq!(status, 503, "{body}");
        assert!(body.contains("--timeout"), "{body}");
        assert!(took < limit + Duration::from_secs(2), "a runaway was answered after {took:?} (limit {limit:?})");
    }
}
