//! Requests answered by [`Endpoint::handle`] directly, without a socket.

use super::*;
use oxigraph::model::Literal;

const G: &str = "https://w3id.org/newsgraph/id/article/a";

fn endpoint(token: Option<&str>) -> Endpoint {
    let store = Store::memory().expect("memory store");
    let g = NamedNode::new_unchecked(G);
    let s = NamedNode::new_unchecked("https://w3id.org/newsgraph/id/person/ann");
    let label = NamedNode::new_unchecked("http://www.w3.org/2000/01/rdf-schema#label");
    store
        .replace_graph("a", g.as_ref(), &[Quad::new(s, label, Literal::new_simple_literal("Ann “A” €"), g.clone())])
        .expect("load");
    Endpoint::new(
        store,
        ServeOptions { update_token: token.map(str::to_owned), max_body: 1000, max_rows: 5, ..Default::default() },
    )
}

fn request(method: Method, uri: &str, headers: &[(&str, &str)], body: &str) -> Request<Body> {
    let mut b = Request::builder().method(method).uri(uri);
    for (k, v) in headers {
        b = b.header(*k, *v);
    }
    b.body(Body::from(body.to_owned())).expect("request")
}

/// Sends a request; returns status, content type and body.
fn send(e: &Endpoint, mut r: Request<Body>) -> (u16, String, String) {
    let response = e.handle(&mut r);
    assert_eq!(
        response.headers().get(ACCESS_CONTROL_ALLOW_ORIGIN).and_then(|v| v.to_str().ok()),
        Some("*"),
        "every answer carries the CORS header"
    );
    let status = response.status().as_u16();
    let kind = response.headers().get(CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    let body = response.into_body().to_string().expect("utf-8 body");
    (status, kind, body)
}

fn get(e: &Endpoint, uri: &str, accept: &str) -> (u16, String, String) {
    send(e, request(Method::GET, uri, &[("Accept", accept)], ""))
}

fn encode(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

#[test]
fn queries_in_every_result_format() {
    let e = endpoint(None);
    let q = format!("/query?query={}", encode("SELECT ?name WHERE { ?p rdfs:label ?name }"));
    for (accept, kind, needle) in [
        ("application/sparql-results+json", "application/sparql-results+json", "\"Ann “A” €\""),
        ("application/sparql-results+xml", "application/sparql-results+xml", "<literal>Ann “A” €</literal>"),
        ("text/csv", "text/csv; charset=utf-8", "name\r\nAnn “A” €"),
        ("text/tab-separated-values", "text/tab-separated-values; charset=utf-8", "?name\n\"Ann “A” €\""),
    ] {
        let (status, got_kind, body) = get(&e, &q, accept);
        assert_eq!((status, got_kind.as_str()), (200, kind), "Accept: {accept}: {body}");
        assert!(body.contains(needle), "Accept: {accept}: expected {needle:?} in {body}");
    }
    let (status, _, body) = get(&e, &q, "image/png");
    assert_eq!(status, 406, "{body}");
}

#[test]
fn queries_by_post_direct_and_form() {
    let e = endpoint(None);
    let text = "ASK { ?p rdfs:label \"Ann “A” €\" }";
    let direct = request(Method::POST, "/query", &[("Content-Type", "application/sparql-query")], text);
    assert_eq!(send(&e, direct).2, "{\"head\":{},\"boolean\":true}");
    let form = request(
        Method::POST,
        "/query",
        &[("Content-Type", "application/x-www-form-urlencoded")],
        &format!("query={}", encode(text)),
    );
    assert_eq!(send(&e, form).0, 200);
    let odd = request(Method::POST, "/query", &[("Content-Type", "text/plain")], text);
    assert_eq!(send(&e, odd).0, 415);
}

#[test]
fn construct_negotiates_rdf() {
    let e = endpoint(None);
    let q = format!("/query?query={}", encode("CONSTRUCT WHERE { ?s ?p ?o }"));
    let (status, kind, body) = get(&e, &q, "application/n-triples");
    assert_eq!((status, kind.as_str()), (200, "application/n-triples"), "{body}");
    assert!(body.contains("<https://w3id.org/newsgraph/id/person/ann>"), "{body}");
    let (_, kind, _) = get(&e, &q, "text/turtle");
    assert_eq!(kind, "text/turtle");
}

#[test]
fn malformed_queries_are_400_with_the_position() {
    let e = endpoint(None);
    let (status, kind, body) = get(&e, &format!("/query?query={}", encode("SELECT ?x WHERE { ?x ")), "*/*");
    assert_eq!((status, kind.as_str()), (400, "text/plain; charset=utf-8"));
    assert!(body.contains("not valid SPARQL") && body.contains("1:"), "{body}");
    assert_eq!(get(&e, "/query", "*/*").0, 400, "no query at all");
}

#[test]
fn result_rows_are_limited() {
    let e = endpoint(None);
    let q = "SELECT * WHERE { VALUES ?x { 1 2 3 4 5 6 7 } }";
    let (status, _, body) = get(&e, &format!("/query?query={}", encode(q)), "*/*");
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("--max-rows"), "{body}");
}

#[test]
fn bodies_over_the_limit_are_413() {
    let e = endpoint(None);
    let big = format!("SELECT * WHERE {{ ?s ?p ?o }} # {}", "x".repeat(2000));
    let r = request(Method::POST, "/query", &[("Content-Type", "application/sparql-query")], &big);
    let (status, _, body) = send(&e, r);
    assert_eq!(status, 413, "{body}");
    assert!(body.contains("--max-body"), "{body}");
}

#[test]
fn updates_need_the_token() {
    let update = "INSERT DATA { GRAPH <https://example.com/g> { <https://example.com/s> <https://example.com/p> 1 } }";
    let post = |token: Option<&str>| {
        let mut headers = vec![("Content-Type", "application/sparql-update")];
        let auth = token.map(|t| format!("Bearer {t}"));
        if let Some(a) = &auth {
            headers.push(("Authorization", a));
        }
        request(Method::POST, "/update", &headers, update)
    };
    let read_only = endpoint(None);
    assert_eq!(send(&read_only, post(Some("s3cret"))).0, 403);
    let e = endpoint(Some("s3cret"));
    assert_eq!(send(&e, post(None)).0, 401);
    assert_eq!(send(&e, post(Some("guess"))).0, 403);
    assert_eq!(send(&e, post(Some("s3cret"))).0, 204);
    assert_eq!(e.store().graphs().expect("graphs").len(), 2);
}

#[test]
fn load_and_service_are_off_by_default() {
    let e = endpoint(Some("t"));
    let r = request(
        Method::POST,
        "/update",
        &[("Content-Type", "application/sparql-update"), ("Authorization", "Bearer t")],
        "LOAD <http://example.com/data.ttl>",
    );
    let (status, _, body) = send(&e, r);
    assert_eq!(status, 403, "{body}");
    let q = "SELECT * WHERE { SERVICE <http://example.com/sparql> { ?s ?p ?o } }";
    let (status, _, body) = get(&e, &format!("/query?query={}", encode(q)), "*/*");
    assert_eq!(status, 403, "{body}");
    assert!(body.contains("--allow-service"), "{body}");
}

#[test]
fn graph_store_put_get_delete() {
    let e = endpoint(Some("t"));
    let uri = format!("/store?graph={}", encode("https://example.com/g"));
    let put = |body: &str| {
        request(Method::PUT, &uri, &[("Content-Type", "text/turtle"), ("Authorization", "Bearer t")], body)
    };
    assert_eq!(send(&e, put("<s> <p> \"one\" .")).0, 201, "a new graph");
    assert_eq!(send(&e, put("<s> <p> \"two\" .")).0, 204, "a replaced graph");
    let (status, kind, body) = get(&e, &uri, "application/n-triples");
    assert_eq!((status, kind.as_str()), (200, "application/n-triples"));
    assert_eq!(
        body, "<https://example.com/s> <https://example.com/p> \"two\" .\n",
        "relative IRIs resolve against the graph"
    );
    let (status, _, body) = send(&e, put("<s> <p> "));
    assert_eq!(status, 400, "{body}");
    let (status, kind, body) = get(&e, "/store", "application/n-quads");
    assert_eq!((status, kind.as_str()), (200, "application/n-quads"));
    assert_eq!(body.lines().count(), 2, "{body}");
    let delete = || request(Method::DELETE, &uri, &[("Authorization", "Bearer t")], "");
    assert_eq!(send(&e, delete()).0, 204);
    assert_eq!(send(&e, delete()).0, 404);
    assert_eq!(get(&e, &uri, "*/*").0, 404);
}

#[test]
fn bundled_queries_are_listed_and_run() {
    let e = endpoint(None);
    let (status, kind, body) = get(&e, "/queries", "*/*");
    assert_eq!((status, kind.as_str()), (200, "application/json"));
    let list: serde_json::Value = serde_json::from_str(&body).expect("json");
    assert!(list.as_array().is_some_and(|l| l.iter().any(|q| q["name"] == "who-met-whom")), "{body}");
    let (status, _, body) = get(&e, "/queries/people-and-roles", "text/csv");
    assert_eq!(status, 200, "{body}");
    assert_eq!(get(&e, "/queries/no-such-query", "*/*").0, 404);
    let (status, kind, page) = get(&e, "/", "text/html");
    assert_eq!((status, kind.as_str()), (200, "text/html; charset=utf-8"));
    assert!(page.contains("src=\"assets/sparql.js\""), "the page has the query tab");
    let (_, _, script) = get(&e, "/assets/sparql.js", "*/*");
    assert!(script.contains("fetch(\"queries\")"), "the query tab lists the bundled queries");
}

#[test]
fn cors_preflight_and_unknown_paths() {
    let e = endpoint(None);
    let r = request(
        Method::OPTIONS,
        "/update",
        &[("Origin", "http://example.com"), ("Access-Control-Request-Method", "POST")],
        "",
    );
    let mut r = r;
    let response = e.handle(&mut r);
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    assert!(response
        .headers()
        .get(ACCESS_CONTROL_ALLOW_HEADERS)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("Authorization")));
    assert_eq!(get(&e, "/nothing", "*/*").0, 404);
    assert_eq!(send(&e, request(Method::DELETE, "/query", &[], "")).0, 405);
}

#[test]
fn a_query_that_runs_too_long_is_cancelled() {
    // a complete directed graph on 40 nodes: 40^6 = 4.1e9 paths of 5 edges to count
    let store = Store::memory().expect("memory store");
    let g = NamedNode::new_unchecked(G);
    let p = NamedNode::new_unchecked("https://example.com/p");
    let node = |i: usize| NamedNode::new_unchecked(format!("https://example.com/{i}"));
    let quads: Vec<Quad> = (0..40)
        .flat_map(|i| (0..40).map(move |j| (i, j)))
        .map(|(i, j)| Quad::new(node(i), p.clone(), node(j), g.clone()))
        .collect();
    store.replace_graph("a", g.as_ref(), &quads).expect("load");
    let e = Endpoint::new(store, ServeOptions { timeout: Duration::from_millis(300), ..Default::default() });
    let q = "SELECT (COUNT(*) AS ?n) WHERE { ?a <https://example.com/p> ?b . ?b <https://example.com/p> ?c . \
             ?c <https://example.com/p> ?d . ?d <https://example.com/p> ?e . ?e <https://example.com/p> ?f }";
    let started = std::time::Instant::now();
    let (status, _, body) = get(&e, &format!("/query?query={}", encode(q)), "*/*");
    assert_eq!(status, 503, "{body}");
    assert!(body.contains("--timeout"), "{body}");
    assert!(started.elapsed() < Duration::from_secs(10), "cancelled after {:?}", started.elapsed());
}

#[test]
fn service_calls_reach_other_endpoints_when_allowed() {
    let port = std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("a free port").port();
    let addr: SocketAddr = format!("127.0.0.1:{port}").parse().expect("an address");
    // runs until the test process ends
    let _remote = endpoint(None).listen(&[addr]).expect("listening");
    let local = Endpoint::new(
        Store::memory().expect("memory store"),
        ServeOptions { allow_service: true, ..Default::default() },
    );
    let q = format!("SELECT ?name WHERE {{ SERVICE <http://127.0.0.1:{port}/query> {{ ?p rdfs:label ?name }} }}");
    let (status, _, body) = get(&local, &format!("/query?query={}", encode(&q)), "text/csv");
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("Ann “A” €"), "{body}");
}
