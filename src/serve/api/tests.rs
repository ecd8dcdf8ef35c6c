//! The JSON API on a store of two articles: answers, limits and bad input.

use super::super::{Endpoint, ServeOptions};
use crate::model::{Document, Metadata};
use crate::store::Store;
use crate::{rdf, Pipeline};
use oxhttp::model::{Body, Method, Request};
use serde_json::Value;

const PUTIN: &str = "https://w3id.org/newsgraph/id/wikidata/Q7747";
const ZELENSKY: &str = "https://w3id.org/newsgraph/id/wikidata/Q3874799";
const MACRON: &str = "https://w3id.org/newsgraph/id/wikidata/Q3052772";
const WITKOFF: &str = "https://w3id.org/newsgraph/id/person/steve-witkoff";

fn article(id: &str, text: &str, date: (i32, u32, u32)) -> Document {
    Document {
        id: id.to_owned(),
        text: text.to_owned(),
        meta: Metadata { date: chrono::NaiveDate::from_ymd_opt(date.0, date.1, date.2), ..Metadata::default() },
    }
}

fn endpoint() -> Endpoint {
    let store = Store::memory().expect("memory store");
    let pipeline = Pipeline::default();
    for d in [
        article("miami-talks", include_str!("../../../examples/miami-talks.txt"), (2025, 12, 7)),
        article("london-talks", include_str!("../../../tests/fixtures/london-talks.txt"), (2025, 12, 10)),
    ] {
        let quads = rdf::map(&d, &pipeline.analyze(&d));
        store.replace_graph(&d.id, rdf::mint::article(&d.id).as_ref(), &quads).expect("stored");
    }
    Endpoint::new(store, ServeOptions::default())
}

fn enc(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

fn call(e: &Endpoint, method: Method, uri: &str) -> (u16, String) {
    let mut r = Request::builder().method(method).uri(uri).body(Body::empty()).expect("request");
    let response = e.handle(&mut r);
    let status = response.status().as_u16();
    (status, response.into_body().to_string().expect("utf-8"))
}

fn get(e: &Endpoint, uri: &str) -> Value {
    let (status, body) = call(e, Method::GET, uri);
    assert_eq!(status, 200, "GET {uri}: {body}");
    serde_json::from_str(&body).unwrap_or_else(|err| panic!("GET {uri}: not JSON ({err}): {body}"))
}

fn refused(e: &Endpoint, uri: &str, status: u16, needle: &str) {
    let (got, body) = call(e, Method::GET, uri);
    assert_eq!(got, status, "GET {uri}: {body}");
    assert!(body.contains(needle), "GET {uri}: no {needle:?} in {body:?}");
}

#[test]
fn search_finds_names_by_part_and_ranks_the_start_of_a_name_first() {
    let e = endpoint();
    let r = get(&e, "/api/search?q=zel");
    let first = &r["results"][0];
    assert_eq!(first["id"], ZELENSKY, "{r}");
    assert_eq!(first["type"], "PERSON");
    assert_eq!(first["articles"], 2, "named in both articles: {r}");
    assert!(first["facts"].as_u64().is_some_and(|n| n > 5), "{r}");
    let r = get(&e, "/api/search?q=MACRON&limit=1");
    assert_eq!(r["results"].as_array().map(Vec::len), Some(1));
    assert_eq!(r["results"][0]["id"], MACRON);
    assert_eq!(get(&e, "/api/search?q=nobody-by-that-name")["results"].as_array().map(Vec::len), Some(0));
}

#[test]
fn neighbours_count_per_predicate_and_page() {
    let e = endpoint();
    let r = get(&e, &format!("/api/neighbours?id={}&limit=2", enc(ZELENSKY)));
    assert_eq!(r["entity"]["label"], "Volodymyr Zelensky");
    assert!(r["entity"]["links"].as_array().is_some_and(|l| l.iter().any(|l| l["kind"] == "wikidata")), "{r}");
    let total = r["total"].as_u64().expect("a total");
    assert!(total > 4, "{r}");
    assert_eq!(r["nodes"].as_array().map(Vec::len), Some(2), "a page of 2: {r}");
    let counts = r["counts"].as_array().expect("counts");
    assert!(counts.iter().any(|c| c["predicate"] == "phoned" && c["count"] == 2), "{r}");
    // the next page holds other neighbours
    let next = get(&e, &format!("/api/neighbours?id={}&limit=2&offset=2", enc(ZELENSKY)));
    assert_ne!(r["nodes"][0]["id"], next["nodes"][0]["id"]);
    // one predicate only
    let met = get(&e, &format!("/api/neighbours?id={}&predicate=metWith", enc(ZELENSKY)));
    assert!(
        met["edges"].as_array().is_some_and(|l| !l.is_empty() && l.iter().all(|x| x["predicate"] == "metWith")),
        "{met}"
    );
}

#[test]
fn an_edge_has_its_sources_dated_and_its_evidence_marked() {
    let e = endpoint();
    let r = get(&e, &format!("/api/neighbours?id={}&predicate=metWith", enc(MACRON)));
    let edge =
        r["edges"].as_array().and_then(|l| l.iter().find(|x| x["target"] == ZELENSKY || x["source"] == ZELENSKY));
    let edge = edge.unwrap_or_else(|| panic!("Macron met Zelensky: {r}"));
    assert_eq!(edge["sources"], 1, "{edge}");
    assert_eq!(edge["dates"], serde_json::json!([["2025-12-08", 1]]), "{edge}");
    assert_eq!(edge["symmetric"], true);
    let ev = get(
        &e,
        &format!(
            "/api/evidence?source={}&predicate=metWith&target={}",
            enc(edge["source"].as_str().unwrap_or_default()),
            enc(edge["target"].as_str().unwrap_or_default())
        ),
    );
    let item = &ev["items"][0];
    assert_eq!(item["article"]["id"], "london-talks", "{ev}");
    assert!(item["text"].as_str().is_some_and(|t| t.starts_with("Ukrainian President Volodymyr Zelensky met")), "{ev}");
    let marked: Vec<&str> = item["parts"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|p| p["mark"] == true)
        .filter_map(|p| p["text"].as_str())
        .collect();
    assert!(marked.contains(&"Volodymyr Zelensky") && marked.contains(&"Emmanuel Macron"), "{marked:?}");
    let joined: String = item["parts"].as_array().into_iter().flatten().filter_map(|p| p["text"].as_str()).collect();
    assert_eq!(joined, item["text"].as_str().unwrap_or_default(), "the parts make up the sentence");
}

#[test]
fn events_in_a_date_range_and_quotes_in_date_order() {
    let e = endpoint();
    let r = get(&e, "/api/events?from=2025-12-08&to=2025-12-09");
    let events = r["events"].as_array().expect("events");
    assert!(!events.is_empty(), "{r}");
    for ev in events {
        let d = ev["date"].as_str().unwrap_or_default();
        assert!(("2025-12-08"..="2025-12-09").contains(&d), "{ev}");
    }
    assert!(events.iter().any(|ev| ev["kind"] == "PhoneCall" && ev["article"]["id"] == "london-talks"), "{r}");
    let mine = get(&e, &format!("/api/events?id={}", enc(PUTIN)));
    assert_eq!(mine["total"], 1, "{mine}");
    let q = get(&e, &format!("/api/quotes?id={}", enc(ZELENSKY)));
    let dates: Vec<&str> = q["quotes"].as_array().into_iter().flatten().filter_map(|x| x["date"].as_str()).collect();
    assert!(dates.len() > 5, "{q}");
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "in date order: {dates:?}");
    let top = get(&e, "/api/top?limit=5");
    assert_eq!(top["nodes"].as_array().map(Vec::len), Some(5), "{top}");
    let among = get(&e, &format!("/api/edges?id={}&id={}&id={}", enc(ZELENSKY), enc(MACRON), enc(WITKOFF)));
    let preds: Vec<&str> =
        among["edges"].as_array().into_iter().flatten().filter_map(|x| x["predicate"].as_str()).collect();
    assert!(preds.contains(&"phoned") && preds.contains(&"metWith"), "{among}");
}

#[test]
fn bad_input_gets_a_clear_4xx() {
    let e = endpoint();
    let z = enc(ZELENSKY);
    refused(&e, "/api/neighbours", 400, "give `id`");
    refused(&e, "/api/neighbours?id=not%20an%20iri", 400, "not an IRI");
    refused(&e, "/api/neighbours?id=https%3A%2F%2Fexample.com%2Fnobody", 404, "no entity");
    refused(&e, &format!("/api/neighbours?id={z}&limit=100000"), 400, "from 1 to 100");
    refused(&e, &format!("/api/neighbours?id={z}&limit=-1"), 400, "whole number");
    refused(&e, &format!("/api/neighbours?id={z}&predicate=likes"), 400, "metWith");
    refused(&e, &format!("/api/neighbours?id={z}&colour=red"), 400, "unknown parameter");
    refused(&e, "/api/events?from=2025-13-01", 400, "YYYY-MM-DD");
    refused(&e, "/api/events?from=yesterday", 400, "YYYY-MM-DD");
    refused(&e, "/api/events?from=2025-12-09&to=2025-12-01", 400, "after");
    refused(&e, "/api/search", 400, "give `q`");
    refused(&e, &format!("/api/search?q={}", "x".repeat(300)), 400, "longer than");
    refused(&e, &format!("/api/evidence?source={z}&predicate=metWith&target={z}"), 404, "no fact");
    refused(&e, "/api/evidence?event=https%3A%2F%2Fexample.com%2Fe", 404, "no event");
    refused(&e, "/api/nothing", 404, "/api/search");
    let (status, _) = call(&e, Method::DELETE, &format!("/api/neighbours?id={z}"));
    assert_eq!(status, 405, "the API only reads");
    let (status, body) = call(&e, Method::POST, &format!("/api/neighbours?id={z}"));
    assert_eq!(status, 415, "a POST brings a form: {body}");
}

#[test]
fn the_page_and_its_files_are_served_and_load_nothing_from_elsewhere() {
    let e = endpoint();
    let (status, page) = call(&e, Method::GET, "/");
    assert_eq!(status, 200);
    for asset in super::super::explorer::assets() {
        let (status, body) = call(&e, Method::GET, asset);
        assert_eq!(status, 200, "{asset}");
        assert!(!body.is_empty(), "{asset}");
        if asset.ends_with(".js") && !asset.contains("LICENSE") {
            assert!(page.contains(&format!("src=\"{}\"", asset.trim_start_matches('/'))), "the page loads {asset}");
        }
    }
    assert!(!page.contains("src=\"http") && !page.contains("href=\"http"), "nothing from other hosts");
    assert_eq!(call(&e, Method::GET, "/assets/nothing.js").0, 404);
}

#[test]
fn long_lists_of_entities_come_as_a_form() {
    let e = endpoint();
    let form: String = [ZELENSKY, MACRON, WITKOFF, PUTIN].iter().map(|id| format!("id={}&", enc(id))).collect();
    let mut r = Request::builder()
        .method(Method::POST)
        .uri("/api/edges")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(Body::from(form))
        .expect("request");
    let response = e.handle(&mut r);
    assert_eq!(response.status().as_u16(), 200);
    let body: Value = serde_json::from_str(&response.into_body().to_string().expect("utf-8")).expect("JSON");
    assert!(body["edges"].as_array().is_some_and(|l| l.len() >= 4), "{body}");
}

#[test]
fn a_request_past_its_time_is_stopped_with_503() {
    let e = endpoint();
    let token = oxigraph::sparql::CancellationToken::new();
    token.cancel();
    let r = super::Reader {
        store: e.store.inner(),
        token,
        read: std::cell::Cell::new(0),
        truncated: std::cell::Cell::new(false),
        timeout: std::time::Duration::from_secs(1),
    };
    let params =
        |q: &[(&str, &str)]| super::Params(q.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect());
    for result in [
        super::search(&r, &params(&[("q", "zel")])),
        super::neighbours(&r, &params(&[("id", ZELENSKY)])),
        super::events(&r, &params(&[])),
    ] {
        let err = result.expect_err("stopped");
        assert_eq!(err.status.as_u16(), 503, "{}", err.message);
        assert!(err.message.contains("limit of 1 s"), "{}", err.message);
    }
}
