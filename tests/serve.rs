//! `newsgraph serve` as a client sees it: real HTTP requests to the running
//! binary on a free loopback port.

use std::path::Path;
use std::time::{Duration, Instant};

use oxhttp::model::Method;
use predicates::prelude::PredicateBooleanExt;

use super::common::path;
use super::http::{bin, call, count, enc, raw, serve};

const TOKEN: &str = "test-token-3f9a";

/// Ingests the example article into a store directory.
fn ingest(store: &Path) {
    bin()
        .args(["ingest", "--date", "2025-12-07", "--store"])
        .arg(store)
        .arg(path("examples/miami-talks.txt"))
        .env_remove("NEWSGRAPH_STORE")
        .assert()
        .success();
}

fn query_url(base: &str, q: &str) -> String {
    format!("{base}/query?query={}", enc(q))
}

#[test]
fn serve_answers_the_sparql_protocol_with_content_negotiation_and_cors() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let store = dir.path().join("store");
    ingest(&store);
    let server = serve(&["--store", store.to_str().expect("utf-8 path")], &[], dir.path());
    let base = &server.base;

    let page = call(Method::GET, &format!("{base}/"), &[], "");
    assert_eq!((page.status, page.header("content-type")), (200, Some("text/html; charset=utf-8")));
    let script = call(Method::GET, &format!("{base}/assets/sparql.js"), &[], "");
    assert!(script.body.contains("fetch(\"queries\")"), "the page's query tab lists the bundled queries");
    assert!(!page.body.contains("src=\"http"), "the page loads nothing from elsewhere");

    let select = "SELECT ?name WHERE { ?p a schema:Person ; rdfs:label ?name } ORDER BY ?name";
    for (accept, kind, needle) in [
        ("application/sparql-results+json", "application/sparql-results+json", "\"Vladimir Putin\""),
        ("application/sparql-results+xml", "application/sparql-results+xml", "<literal>Vladimir Putin</literal>"),
        ("text/csv", "text/csv; charset=utf-8", "\r\nVladimir Putin\r\n"),
        ("text/tab-separated-values", "text/tab-separated-values; charset=utf-8", "\n\"Vladimir Putin\"\n"),
    ] {
        let a = call(Method::GET, &query_url(base, select), &[("Accept", accept)], "");
        assert_eq!((a.status, a.header("content-type")), (200, Some(kind)), "Accept: {accept}: {}", a.body);
        assert!(a.body.contains(needle), "Accept: {accept}: no {needle:?} in\n{}", a.body);
    }
    let direct = call(
        Method::POST,
        &format!("{base}/query"),
        &[("Content-Type", "application/sparql-query"), ("Accept", "text/csv")],
        select,
    );
    let form = call(
        Method::POST,
        &format!("{base}/query"),
        &[("Content-Type", "application/x-www-form-urlencoded"), ("Accept", "text/csv")],
        &format!("query={}", enc(select)),
    );
    assert_eq!((direct.status, form.status), (200, 200));
    assert_eq!(direct.body, form.body, "POST direct and URL-encoded give the same answer");

    let construct = "CONSTRUCT { ?p rdfs:label ?name } WHERE { ?p a schema:Person ; rdfs:label ?name }";
    let a = call(Method::GET, &query_url(base, construct), &[("Accept", "text/turtle")], "");
    assert_eq!((a.status, a.header("content-type")), (200, Some("text/turtle")), "{}", a.body);
    let a = call(Method::GET, &query_url(base, construct), &[("Accept", "application/ld+json")], "");
    assert_eq!((a.status, a.header("content-type")), (200, Some("application/ld+json")), "{}", a.body);

    let bundled = call(Method::GET, &format!("{base}/queries/who-met-whom?name=Putin"), &[("Accept", "text/csv")], "");
    assert_eq!(bundled.status, 200, "{}", bundled.body);
    assert!(bundled.body.lines().skip(1).all(|l| l.contains("Putin")), "{}", bundled.body);
    assert!(bundled.body.lines().count() > 1, "{}", bundled.body);

    let graph = format!("{base}/store?graph={}", enc("https://w3id.org/newsgraph/id/article/miami-talks"));
    let a = call(Method::GET, &graph, &[("Accept", "application/n-triples")], "");
    assert_eq!((a.status, a.header("content-type")), (200, Some("application/n-triples")));
    assert!(a.body.lines().count() > 100, "the article graph has its triples:\n{}", a.body);

    // CORS: every answer allows any origin; preflights allow the token header
    let a = call(Method::GET, &query_url(base, "ASK {}"), &[("Origin", "http://example.com")], "");
    assert_eq!(a.header("access-control-allow-origin"), Some("*"));
    let pre = call(
        Method::OPTIONS,
        &format!("{base}/update"),
        &[
            ("Origin", "http://example.com"),
            ("Access-Control-Request-Method", "POST"),
            ("Access-Control-Request-Headers", "authorization, content-type"),
        ],
        "",
    );
    assert_eq!((pre.status, pre.header("access-control-allow-origin")), (204, Some("*")));
    // (oxhttp 0.3 drops Access-Control-Allow-Methods from answers: browsers then allow GET, HEAD and POST)
    assert!(pre.header("access-control-allow-headers").is_some_and(|h| h.contains("Authorization")));

    // errors, each with a status and a message
    let a = call(Method::GET, &query_url(base, "SELECT ?x WHERE { ?x "), &[], "");
    assert_eq!(a.status, 400);
    assert!(a.body.contains("not valid SPARQL") && a.body.contains("1:"), "{}", a.body);
    let a = call(Method::GET, &query_url(base, select), &[("Accept", "image/png")], "");
    assert_eq!(a.status, 406, "{}", a.body);
    let a = call(Method::POST, &format!("{base}/query"), &[("Content-Type", "text/plain")], select);
    assert_eq!(a.status, 415, "{}", a.body);
    assert_eq!(call(Method::GET, &format!("{base}/nothing-here"), &[], "").status, 404);
    let garbage = raw(base, b"NOT HTTP AT ALL\r\n\r\n");
    assert!(garbage.starts_with("HTTP/1.1 400"), "a malformed request line gets 400, got {garbage:?}");

    // read-only: updates and Graph Store writes are forbidden
    let a =
        call(Method::POST, &format!("{base}/update"), &[("Content-Type", "application/sparql-update")], "CLEAR ALL");
    assert_eq!(a.status, 403, "{}", a.body);
    assert!(a.body.contains("--allow-update"), "{}", a.body);
    let a = call(Method::DELETE, &graph, &[], "");
    assert_eq!(a.status, 403, "{}", a.body);
    let a = call(Method::GET, &graph, &[], "");
    assert_eq!(a.status, 200, "the graph is still there");
}

#[test]
fn serve_enforces_limits_on_time_rows_and_body_size() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let server = serve(
        &["--memory", "--allow-update", "--timeout", "1", "--max-rows", "50", "--max-body", "1000000"],
        &[("NEWSGRAPH_TOKEN", TOKEN)],
        dir.path(),
    );
    let base = &server.base;
    // a complete directed graph on 40 nodes, loaded through the Graph Store Protocol
    let mut nt = String::new();
    for i in 0..40 {
        for j in 0..40 {
            nt.push_str(&format!("<https://example.com/n{i}> <https://example.com/p> <https://example.com/n{j}> .\n"));
        }
    }
    let auth = format!("Bearer {TOKEN}");
    let put = call(
        Method::PUT,
        &format!("{base}/store?graph={}", enc("https://example.com/g")),
        &[("Content-Type", "application/n-triples"), ("Authorization", &auth)],
        &nt,
    );
    assert_eq!(put.status, 201, "{}", put.body);

    // 40^6 = 4.1e9 paths of five edges: stopped by the time limit
    let forever = "SELECT (COUNT(*) AS ?n) WHERE { ?a <https://example.com/p> ?b . ?b <https://example.com/p> ?c . \
                   ?c <https://example.com/p> ?d . ?d <https://example.com/p> ?e . ?e <https://example.com/p> ?f }";
    let started = Instant::now();
    let a = call(Method::GET, &query_url(base, forever), &[], "");
    assert_eq!(a.status, 503, "{}", a.body);
    assert!(a.body.contains("--timeout"), "{}", a.body);
    assert!(started.elapsed() < Duration::from_secs(15), "answered after {:?}", started.elapsed());
    // … and the server goes on answering
    let a = call(Method::GET, &query_url(base, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"), &[], "");
    assert_eq!(count(&a), 1600);

    let a = call(Method::GET, &query_url(base, "SELECT * WHERE { ?s ?p ?o }"), &[], "");
    assert_eq!(a.status, 422, "1600 rows are over --max-rows 50: {}", a.body);
    assert!(a.body.contains("LIMIT"), "{}", a.body);
    let a = call(Method::GET, &query_url(base, "SELECT * WHERE { ?s ?p ?o } LIMIT 50"), &[], "");
    assert_eq!(a.status, 200);

    let big = format!("ASK {{}} # {}", "x".repeat(1_500_000));
    let a = call(Method::POST, &format!("{base}/query"), &[("Content-Type", "application/sparql-query")], &big);
    assert_eq!(a.status, 413, "{}", a.body);
    assert!(a.body.contains("--max-body"), "{}", a.body);
}

#[test]
fn updates_need_the_token_and_ingest_goes_through_the_server_that_holds_the_store() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let store = dir.path().join("store");
    ingest(&store);
    let server = serve(
        &["--store", store.to_str().expect("utf-8 path"), "--allow-update"],
        &[("NEWSGRAPH_TOKEN", TOKEN)],
        dir.path(),
    );
    let base = &server.base;
    let update = "INSERT DATA { GRAPH <https://example.com/g> { <https://example.com/s> <https://example.com/p> 1 } }";
    let post = |auth: Option<&str>| {
        let mut headers = vec![("Content-Type", "application/sparql-update")];
        if let Some(a) = auth {
            headers.push(("Authorization", a));
        }
        call(Method::POST, &format!("{base}/update"), &headers, update)
    };
    let a = post(None);
    assert_eq!(a.status, 401, "{}", a.body);
    assert_eq!(a.header("www-authenticate"), Some("Bearer realm=\"newsgraph\""));
    assert_eq!(post(Some("Bearer wrong")).status, 403);
    assert_eq!(post(Some(&format!("Bearer {TOKEN}"))).status, 204);

    // the server holds the store: a plain ingest says to go through it
    bin()
        .args(["ingest", "--date", "2025-12-07", "--store"])
        .arg(&store)
        .arg(path("tests/fixtures/istanbul-talks.txt"))
        .env_remove("NEWSGRAPH_TOKEN")
        .assert()
        .failure()
        .stderr(predicates::str::contains("locked").and(predicates::str::contains("ingest --to")));

    let articles = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } \
                    FILTER(STRSTARTS(STR(?g), \"https://w3id.org/newsgraph/id/article/\")) }";
    let before = count(&call(Method::GET, &query_url(base, articles), &[], ""));
    let through = || {
        bin()
            .args(["ingest", "--date", "2025-12-07", "--to"])
            .arg(format!("{base}/update"))
            // entities are matched against the store the server holds, read-only
            .arg("--store")
            .arg(&store)
            .arg(path("tests/fixtures/istanbul-talks.txt"))
            .env("NEWSGRAPH_TOKEN", TOKEN)
            .assert()
    };
    through().success().stdout(predicates::str::contains("sent to"));
    let after = count(&call(Method::GET, &query_url(base, articles), &[], ""));
    assert!(after > before, "the article was added: {before} → {after} triples");
    through().success();
    assert_eq!(
        count(&call(Method::GET, &query_url(base, articles), &[], "")),
        after,
        "ingesting again changes nothing"
    );

    bin()
        .args(["ingest", "--date", "2025-12-07", "--to", base, "--token", "wrong"])
        .arg(path("tests/fixtures/istanbul-talks.txt"))
        .assert()
        .failure()
        .stderr(predicates::str::contains("HTTP 403"));
}

#[test]
fn serve_refuses_a_bad_address_and_an_update_mode_without_token() {
    bin()
        .args(["serve", "--memory", "--bind", "not-an-address"])
        .assert()
        .failure()
        .stderr(predicates::str::contains("HOST:PORT"));
    bin()
        .args(["serve", "--memory", "--allow-update", "--bind", "127.0.0.1:1"])
        .env_remove("NEWSGRAPH_TOKEN")
        .assert()
        .failure()
        .stderr(predicates::str::contains("NEWSGRAPH_TOKEN"));
}
