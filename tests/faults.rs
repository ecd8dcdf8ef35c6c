//! Faults a user meets: an ingest killed half-way, many clients at once, slow
//! clients; and the one ingest path: `ingest --to` a server stores what a local
//! ingest stores.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use newsgraph::store::{ArticleGraph, Store};
use oxhttp::model::Method;
use oxigraph::model::{GraphNameRef, Literal, NamedNode, Quad};

use super::common::path;
use super::http::{bin, bin_path, call, count, enc, serve};

const TOKEN: &str = "faults-token-5d1e";

/// A corpus of `copies` times the fixture articles, each copy under new ids.
fn corpus(dir: &Path, copies: usize) -> PathBuf {
    let mut docs: Vec<serde_json::Value> = std::fs::read_to_string(path("tests/fixtures/gum-sample.jsonl"))
        .expect("the fixture")
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    for f in ["examples/miami-talks.txt", "tests/fixtures/istanbul-talks.txt", "tests/fixtures/moscow-talks.txt"] {
        let id = Path::new(f).file_stem().and_then(|s| s.to_str()).expect("a name");
        let text = std::fs::read_to_string(path(f)).expect("the fixture");
        docs.push(serde_json::json!({"id": id, "text": text, "date": "2025-12-07"}));
    }
    let file = dir.join(format!("corpus-{copies}.jsonl"));
    let mut out = std::fs::File::create(&file).expect("write the corpus");
    for k in 0..copies {
        for d in &docs {
            let mut d = d.clone();
            d["id"] = serde_json::Value::String(format!("{}-{k}", d["id"].as_str().expect("an id")));
            writeln!(out, "{d}").expect("write");
        }
    }
    file
}

/// Every quad of a store (the summary graph included), as sorted N-Quads lines.
fn nquads(store: &Path) -> Vec<String> {
    let s = Store::open_read_only(store).expect("the store opens");
    let mut lines: Vec<String> = s.inner().iter().map(|q| q.expect("a quad").to_string()).collect();
    lines.sort();
    lines
}

fn ingest(store: &Path, corpus: &Path) -> Command {
    let mut c = Command::new(bin_path());
    c.args(["ingest", "--quiet", "--jobs", "2", "--batch", "16", "--store"]).arg(store).arg(corpus);
    c.stdout(Stdio::null());
    c
}

#[test]
fn an_ingest_killed_mid_run_then_run_again_equals_a_clean_run() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let corpus = corpus(dir.path(), 60);
    let clean = dir.path().join("clean");
    assert!(ingest(&clean, &corpus).status().expect("runs").success());

    let killed = dir.path().join("killed");
    let mut child = ingest(&killed, &corpus).stdout(Stdio::piped()).spawn().expect("starts");
    let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
    // kill -9 once a hundred articles are stored (of 300)
    for _ in 0..100 {
        lines.next().expect("an article line").expect("utf-8");
    }
    child.kill().expect("SIGKILL");
    child.wait().expect("reaped");
    let partial = Store::open_read_only(&killed).expect("the killed run left a store").graphs().expect("graphs").len();
    assert!((100..300).contains(&partial), "killed half-way: {partial} of 300 articles stored");

    let again = ingest(&killed, &corpus).stdout(Stdio::piped()).output().expect("runs");
    assert!(again.status.success(), "{}", String::from_utf8_lossy(&again.stderr));
    let out = String::from_utf8_lossy(&again.stdout);
    assert!(out.contains("unchanged"), "the rerun skips what was stored: {out}");
    let (a, b) = (nquads(&clean), nquads(&killed));
    assert_eq!(a.len(), b.len(), "as many quads as a clean run");
    assert!(a == b, "the stores differ: first difference {:?}", a.iter().zip(&b).find(|(x, y)| x != y));
}

/// A load whose summary was never written (a crash between the two) is
/// summarised when the store is next opened for writing.
#[test]
fn a_store_left_between_load_and_summary_is_repaired_when_opened() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let store = dir.path().join("store");
    let g = NamedNode::new_unchecked("https://w3id.org/newsgraph/id/article/a");
    let doc = super::common::example();
    let quads: Vec<Quad> = newsgraph::rdf::map(&doc, &newsgraph::Pipeline::default().analyze(&doc))
        .into_iter()
        .map(|q| Quad::new(q.subject, q.predicate, q.object, g.clone()))
        .collect();
    let reference = {
        let s = Store::memory().expect("a store");
        s.bulk_load(&[&ArticleGraph::new("a", g.clone(), quads.clone())]).expect("loaded");
        let summary = newsgraph::rdf::mint::summary();
        let mut l: Vec<String> = s
            .inner()
            .quads_for_pattern(None, None, None, Some(GraphNameRef::NamedNode(summary.as_ref())))
            .map(|q| q.expect("a quad").to_string())
            .collect();
        l.sort();
        l
    };
    {
        // what a crash after the bulk load leaves: the graph, and the pending record
        drop(Store::open(&store).expect("a new store"));
        let raw = oxigraph::store::Store::open(&store).expect("opens");
        let summary = newsgraph::rdf::mint::summary();
        raw.insert(&Quad::new(
            summary.clone(),
            newsgraph::rdf::vocab::ng::PENDING.into_owned(),
            Literal::new_simple_literal(g.as_str()),
            summary,
        ))
        .expect("the record");
        let mut loader = raw.bulk_loader();
        loader.load_quads(quads).expect("loaded");
        loader.commit().expect("committed");
    }
    assert!(!Store::open_read_only(&store).expect("opens").summary_is_complete().expect("readable"));
    let repaired = Store::open(&store).expect("opens for writing");
    assert!(repaired.summary_is_complete().expect("readable"));
    let summary = newsgraph::rdf::mint::summary();
    let mut got: Vec<String> = repaired
        .inner()
        .quads_for_pattern(None, None, None, Some(GraphNameRef::NamedNode(summary.as_ref())))
        .map(|q| q.expect("a quad").to_string())
        .collect();
    got.sort();
    assert_eq!(got, reference);
}

/// `ingest --to` a server that holds a store stores exactly the graphs (and the
/// summary) a local ingest stores.
#[test]
fn ingest_to_a_server_stores_what_a_local_ingest_stores() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let corpus = corpus(dir.path(), 2);
    let local = dir.path().join("local");
    assert!(ingest(&local, &corpus).status().expect("runs").success());

    let remote = dir.path().join("remote");
    let server = serve(
        &["--store", remote.to_str().expect("utf-8 path"), "--allow-update"],
        &[("NEWSGRAPH_TOKEN", TOKEN)],
        dir.path(),
    );
    bin()
        .args(["ingest", "--quiet", "--to"])
        .arg(&server.base)
        .arg("--store")
        .arg(&remote)
        .arg(&corpus)
        .env("NEWSGRAPH_TOKEN", TOKEN)
        .assert()
        .success();
    drop(server);
    let (a, b) = (nquads(&local), nquads(&remote));
    assert!(a.iter().any(|l| l.contains("ontology#checksum")), "graphs carry their checksum");
    assert!(a == b, "the stores differ: first difference {:?}", a.iter().zip(&b).find(|(x, y)| x != y));
}

/// 32 clients at once, each with a mix of queries and one update: every
/// request is answered, each answer is the one a lone client gets, and every
/// update is in the store.
#[test]
fn thirty_two_clients_at_once_are_all_answered() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let store = dir.path().join("store");
    assert!(ingest(&store, &corpus(dir.path(), 2)).status().expect("runs").success());
    let server = serve(
        &["--store", store.to_str().expect("utf-8 path"), "--allow-update"],
        &[("NEWSGRAPH_TOKEN", TOKEN)],
        dir.path(),
    );
    let base = server.base.clone();
    let requests: Vec<String> = vec![
        format!("{base}/queries/who-met-whom"),
        format!("{base}/queries/people-and-roles"),
        format!("{base}/queries/places?name=a"),
        format!("{base}/queries/mentions-of?name=putin"),
        format!("{base}/queries/quotes"),
        format!(
            "{base}/query?query={}",
            enc("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), STR(article:))) }")
        ),
        format!("{base}/store?graph={}", enc("https://w3id.org/newsgraph/id/article/miami-talks-0")),
    ];
    let expected: Vec<String> = requests
        .iter()
        .map(|u| {
            let a = call(Method::GET, u, &[("Accept", "text/csv, application/n-triples")], "");
            assert_eq!(a.status, 200, "{u}: {}", a.body);
            a.body
        })
        .collect();
    let started = Instant::now();
    let clients: Vec<_> = (0..32)
        .map(|c| {
            let (base, requests, expected) = (base.clone(), requests.clone(), expected.clone());
            std::thread::spawn(move || {
                for round in 0..3 {
                    for k in 0..requests.len() {
                        let k = (k + c + round) % requests.len();
                        let a = call(Method::GET, &requests[k], &[("Accept", "text/csv, application/n-triples")], "");
                        assert_eq!(a.status, 200, "client {c}, {}: {}", requests[k], a.body);
                        assert_eq!(a.body, expected[k], "client {c} got another answer to {}", requests[k]);
                    }
                }
                let update = format!(
                    "INSERT DATA {{ GRAPH <https://example.com/client/{c}> {{ <https://example.com/s> <https://example.com/p> {c} }} }}"
                );
                let a = call(
                    Method::POST,
                    &format!("{base}/update"),
                    &[("Content-Type", "application/sparql-update"), ("Authorization", &format!("Bearer {TOKEN}"))],
                    &update,
                );
                assert_eq!(a.status, 204, "client {c}'s update: {}", a.body);
            })
        })
        .collect();
    for c in clients {
        c.join().expect("a client got every answer");
    }
    let took = started.elapsed();
    let q = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s <https://example.com/p> ?o } }";
    let a = call(Method::GET, &format!("{base}/query?query={}", enc(q)), &[], "");
    assert_eq!(count(&a), 32, "every client's update is stored");
    assert!(took < Duration::from_secs(120), "736 requests took {took:?}");
}

/// Clients that send half a request and stall, or ask for the whole store and
/// read nothing, hold a connection each, not the server.
#[test]
fn slow_clients_do_not_hold_the_server() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let store = dir.path().join("store");
    assert!(ingest(&store, &corpus(dir.path(), 2)).status().expect("runs").success());
    let server = serve(&["--store", store.to_str().expect("utf-8 path")], &[], dir.path());
    let addr = server.base.trim_start_matches("http://").to_owned();
    let mut stalled = Vec::new();
    for i in 0..8 {
        let mut s = TcpStream::connect(&addr).expect("connect");
        if i % 2 == 0 {
            // half a request line, then nothing
            s.write_all(b"GET /queries/who-met-whom HTTP/1.1\r\nHost: x\r\nAcc").expect("send");
        } else {
            // the whole dataset, never read
            s.write_all(b"GET /store HTTP/1.1\r\nHost: x\r\nAccept: application/n-quads\r\n\r\n").expect("send");
        }
        stalled.push(s);
    }
    std::thread::sleep(Duration::from_millis(300));
    for _ in 0..5 {
        let asked = Instant::now();
        let a = call(Method::GET, &format!("{}/queries/people-and-roles", server.base), &[("Accept", "text/csv")], "");
        assert_eq!(a.status, 200, "{}", a.body);
        assert!(
            asked.elapsed() < Duration::from_secs(2),
            "answered after {:?} with slow clients connected",
            asked.elapsed()
        );
    }
    // the slow readers still get their data when they read
    let mut reader = stalled.pop().expect("a slow reader");
    reader.set_read_timeout(Some(Duration::from_secs(10))).expect("a timeout");
    let mut head = [0u8; 12];
    reader.read_exact(&mut head).expect("the answer is there");
    assert_eq!(&head, b"HTTP/1.1 200");
}
