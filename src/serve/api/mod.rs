//! `/api/…`: the explorer's JSON API — read-only, and bounded in time and size.
//!
//! | path | answers |
//! |---|---|
//! | `/api/search?q=TEXT&limit=N` | entities whose label or an alias contains the text: `id` (the IRI), label, type, articles, facts |
//! | `/api/entities?id=IRI…` | entity cards: label, type, roles, Wikidata/GeoNames/DBpedia links, counts |
//! | `/api/neighbours?id=IRI&predicate=P&offset=N&limit=N` | an entity's card, its neighbours counted per predicate, and one page of neighbours with their edges |
//! | `/api/edges?id=IRI…&with=IRI…` | the edges between the entities `with` and the entities `id` (all pairs of `id` without `with`) |
//! | `/api/top?limit=N` | the most connected entities and the edges among them: the starting picture |
//! | `/api/evidence?source=IRI&predicate=P&target=IRI` or `?event=IRI` | each sentence behind an edge or event, with its article, the names in it marked |
//! | `/api/events?from=D&to=D&id=IRI` | meetings, calls and visits by date (the event's own date, else its article's) |
//! | `/api/quotes?id=IRI` | a speaker's quotations in date order, each with its sentence and article |
//!
//! An edge is a fact between two entities (`metWith`, `phoned`, `plannedMeetingWith`, `visited`,
//! `plannedVisit`, `affiliatedWith`, `relativeOf`, `partOf`); its sources are the sentences of the
//! events and statements that carry it, each dated by the event or statement, else by its article.
//! Symmetric facts (`metWith`, `phoned`, `plannedMeetingWith`, `relativeOf`) are one edge whatever
//! their direction, with the smaller IRI as `source`.
//!
//! Parameters come in the URL, or as a URL-encoded form in the body of a POST when a long list
//! of entities does not fit in a URL; either way the API only reads.
//!
//! Every list has a `limit` with a maximum; every request reads at most [`READ_BUDGET`] quads
//! by index and [`ROW_BUDGET`] rows of a query, and stops after the server's `--timeout` or
//! [`API_TIMEOUT`], whichever is shorter (503). Bad input — an unknown parameter, an IRI that
//! is not one, an unknown entity, a limit out of range, a date that is not `YYYY-MM-DD` — is a
//! 400 or 404 with a message that says what to send.
//!
//! # Rationale
//! Lookups with a subject, predicate or object given read the indexes directly; searches,
//! counts and the starting picture are SPARQL, which works on oxigraph's encoded terms and
//! decodes only what it returns — over the same quads, the difference between 3 s and 0.5 s
//! for a search on a 10,000-article store. The answers are plain JSON about entities and sentences, so any
//! renderer (the page's cytoscape, a notebook, a script) can use them.

use std::cell::Cell;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::time::Duration;

use oxhttp::model::{Body, Method, Request, StatusCode};
use oxigraph::model::{GraphNameRef, Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, Term};
use serde_json::{json, Value};

use super::{bad_request, error, ok, url_params, watchdog, Endpoint, HttpError, HttpResult};
use crate::rdf::vocab::{ng, prov, rdf, schema};
use read::{graph_iri, key, name_needles, sort_sources, value, Key, Reader, Source};

/// The longest any API request runs (shorter if the server's `--timeout` is).
pub const API_TIMEOUT: Duration = Duration::from_secs(10);
/// The most quads one API request reads; past it, answers say `"truncated": true`.
pub const READ_BUDGET: usize = 2_000_000;
/// The most rows one SPARQL query of an API request gives.
pub const ROW_BUDGET: usize = 500_000;

/// A fact between two entities: local name, IRI, symmetric.
const FACTS: &[(&str, NamedNodeRef<'static>, bool)] = &[
    ("metWith", ng::MET_WITH, true),
    ("phoned", ng::PHONED, true),
    ("plannedMeetingWith", ng::PLANNED_MEETING_WITH, true),
    ("visited", ng::VISITED, false),
    ("plannedVisit", ng::PLANNED_VISIT, false),
    ("affiliatedWith", ng::AFFILIATED_WITH, false),
    ("relativeOf", ng::RELATIVE_OF, true),
    ("partOf", ng::PART_OF, false),
];

/// Entity classes and the type codes the API gives them.
const CLASSES: &[(NamedNodeRef<'static>, &str)] = &[
    (schema::PERSON, "PERSON"),
    (schema::ORGANIZATION, "ORG"),
    (ng::GEOPOLITICAL_ENTITY, "GPE"),
    (ng::LOCATION, "LOC"),
    (ng::GROUP, "NORP"),
];

/// Event classes and their names.
const EVENTS: &[(NamedNodeRef<'static>, &str)] =
    &[(ng::MEETING, "Meeting"), (ng::PHONE_CALL, "PhoneCall"), (ng::VISIT, "Visit")];

fn fact(name: &str) -> Result<(&'static str, NamedNodeRef<'static>, bool), HttpError> {
    FACTS.iter().copied().find(|(n, _, _)| *n == name).ok_or_else(|| {
        let known: Vec<&str> = FACTS.iter().map(|f| f.0).collect();
        bad_request(format!("predicate {name:?} is not one the explorer draws: give one of {}", known.join(", ")))
    })
}

/// Answers `/api/…` (GET and HEAD only).
pub(super) fn handle(ep: &Endpoint, request: &mut Request<Body>) -> HttpResult {
    let method = request.method().clone();
    let mut params = Params(url_params(request));
    match method {
        Method::GET | Method::HEAD => {}
        // a long list of entities does not fit in a URL (8 KiB): the same parameters as a form
        Method::POST => match super::content_type(request).as_deref() {
            Some("application/x-www-form-urlencoded") => {
                params.0.extend(form_urlencoded::parse(&ep.body(request)?).into_owned());
            }
            other => return Err(super::unsupported(other, "application/x-www-form-urlencoded (the API only reads)")),
        },
        _ => return Err(super::not_allowed("GET, HEAD, POST, OPTIONS")),
    }
    let path = request.uri().path().to_owned();
    let timeout = ep.options.timeout.min(API_TIMEOUT);
    let (token, _watch) = watchdog(timeout);
    let r = Reader { store: ep.store.inner(), token, read: Cell::new(0), truncated: Cell::new(false), timeout };
    let mut answer = match path.as_str() {
        "/api/search" => search(&r, &params),
        "/api/entities" => entities(&r, &params),
        "/api/neighbours" => neighbours(&r, &params),
        "/api/edges" => edges_among(&r, &params),
        "/api/top" => top(&r, &params),
        "/api/evidence" => evidence(&r, &params),
        "/api/events" => events(&r, &params),
        "/api/quotes" => quotes(&r, &params),
        p => Err(error(
            StatusCode::NOT_FOUND,
            format!(
                "nothing at {p}: the API has /api/search, /api/entities, /api/neighbours, /api/edges, /api/top, \
                 /api/evidence, /api/events and /api/quotes"
            ),
        )),
    }?;
    if let Value::Object(m) = &mut answer {
        m.insert("truncated".into(), Value::Bool(r.truncated.get()));
    }
    let body = if method == Method::HEAD { Body::empty() } else { answer.to_string().into() };
    let mut response = ok("application/json", body);
    // the store can change under a server with --allow-update: answers are fresh
    response
        .headers_mut()
        .insert(oxhttp::model::header::CACHE_CONTROL, oxhttp::model::HeaderValue::from_static("no-store"));
    Ok(response)
}

/// The query parameters of a request.
struct Params(Vec<(String, String)>);

impl Params {
    /// Refuses parameters other than `known`.
    fn only(&self, known: &[&str]) -> Result<(), HttpError> {
        match self.0.iter().find(|(k, _)| !known.contains(&k.as_str())) {
            Some((k, _)) => Err(bad_request(format!(
                "unknown parameter {k:?}: this path takes {}",
                known.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ")
            ))),
            None => Ok(()),
        }
    }

    fn all(&self, key: &str) -> Vec<&str> {
        self.0.iter().filter(|(k, _)| k == key).map(|(_, v)| v.as_str()).collect()
    }

    fn one(&self, key: &str) -> Result<Option<&str>, HttpError> {
        let values = self.all(key);
        let first = values.first().copied();
        if values.len() > 1 {
            return Err(bad_request(format!("give `{key}` once")));
        }
        Ok(first.filter(|v| !v.trim().is_empty()))
    }

    fn required(&self, key: &str, what: &str) -> Result<&str, HttpError> {
        self.one(key)?.ok_or_else(|| bad_request(format!("give `{key}`: {what}")))
    }

    /// A number from `min` to `max`, or `default`.
    fn number(&self, key: &str, default: usize, min: usize, max: usize) -> Result<usize, HttpError> {
        let Some(v) = self.one(key)? else { return Ok(default) };
        match v.trim().parse::<usize>() {
            Ok(n) if (min..=max).contains(&n) => Ok(n),
            _ => Err(bad_request(format!("`{key}` is {v:?}: give a whole number from {min} to {max}"))),
        }
    }

    fn date(&self, key: &str) -> Result<Option<String>, HttpError> {
        let Some(v) = self.one(key)? else { return Ok(None) };
        let v = v.trim();
        match chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d") {
            Ok(d) if v.len() == 10 => Ok(Some(d.to_string())),
            _ => Err(bad_request(format!("`{key}` is {v:?}, not a date: give YYYY-MM-DD, e.g. 2025-12-07"))),
        }
    }
}

/// An entity IRI as a request gives it.
fn iri(key: &str, value: &str) -> Result<NamedNode, HttpError> {
    NamedNode::new(value.trim()).map_err(|e| {
        bad_request(format!("`{key}` {value:?} is not an IRI ({e}): give the `id` that /api/search returns"))
    })
}

/// `/api/search?q=&limit=`
fn search(r: &Reader<'_>, params: &Params) -> Result<Value, HttpError> {
    params.only(&["q", "limit"])?;
    let q = params.required("q", "the text to look for in entity names")?.trim().to_owned();
    if q.chars().count() > 200 {
        return Err(bad_request("`q` is longer than 200 characters: give part of a name"));
    }
    let limit = params.number("limit", 10, 1, 50)?;
    let needle = q.to_lowercase();
    // rank: 0 the whole name, 1 its start, 2 a word's start, 3 elsewhere
    let rank = |name: &str| -> u8 {
        let lower = name.to_lowercase();
        match lower.find(&needle) {
            _ if lower == needle => 0,
            Some(0) => 1,
            Some(at) if lower[..at].ends_with(|c: char| !c.is_alphanumeric()) => 2,
            _ => 3,
        }
    };
    // the names (labels and aliases) that contain the text, then the best of them
    let text = Literal::new_simple_literal(&needle);
    let names = r.select(&format!(
        "SELECT DISTINCT ?name WHERE {{ {{ ?e rdfs:label ?name }} UNION {{ ?m ng:mergedName ?name }} \
         FILTER(CONTAINS(LCASE(STR(?name)), {text})) }} LIMIT 20000"
    ))?;
    let mut names: Vec<(u8, usize, String)> =
        names.iter().filter_map(|row| row.get("name").map(value)).map(|n| (rank(&n), n.chars().count(), n)).collect();
    let matches = names.len();
    names.sort();
    names.truncate(limit * 3);
    let mut found: BTreeMap<String, (u8, String)> = BTreeMap::new();
    if !names.is_empty() {
        let values: String = names.iter().map(|(_, _, n)| format!("{} ", Literal::new_simple_literal(n))).collect();
        for row in r.select(&format!(
            "SELECT DISTINCT ?e ?name WHERE {{ VALUES ?name {{ {values} }} \
             {{ ?e rdfs:label ?name }} UNION {{ ?m ng:mergedName ?name ; ng:mergedInto ?e }} }}"
        ))? {
            if let (Some(Term::NamedNode(e)), Some(name)) = (row.get("e"), row.get("name")) {
                let name = value(name);
                let k = rank(&name);
                let slot = found.entry(e.as_str().to_owned()).or_insert((u8::MAX, String::new()));
                if (k, name.chars().count()) < (slot.0, slot.1.chars().count()) {
                    *slot = (k, name);
                }
            }
        }
    }
    let ids: Vec<&str> = found.keys().map(String::as_str).collect();
    let counts = r.counts(&ids)?;
    let mut results = Vec::new();
    for (e, (k, matched)) in &found {
        let Some((label, kind)) = r.entity(NamedNodeRef::new_unchecked(e))? else { continue };
        let [articles, facts, _] = counts.get(e).copied().unwrap_or_default();
        results.push((*k, std::cmp::Reverse(articles), label, kind, matched.clone(), facts, e.clone()));
    }
    results.sort();
    let results: Vec<Value> = results
        .into_iter()
        .take(limit)
        .map(|(_, articles, label, kind, matched, facts, e)| {
            let alias = (matched != label).then_some(matched);
            json!({"id": e, "label": label, "type": kind, "alias": alias, "articles": articles.0, "facts": facts})
        })
        .collect();
    Ok(json!({"q": q, "matches": matches, "results": results}))
}

/// `/api/entities?id=…`
fn entities(r: &Reader<'_>, params: &Params) -> Result<Value, HttpError> {
    params.only(&["id"])?;
    let ids = params.all("id");
    if ids.is_empty() || ids.len() > 200 {
        return Err(bad_request(format!("give 1 to 200 `id` parameters (entity IRIs), not {}", ids.len())));
    }
    let mut cards = Vec::new();
    let mut missing = Vec::new();
    for id in ids {
        match r.card(iri("id", id)?.as_ref())? {
            Some(c) => cards.push(c),
            None => missing.push(id),
        }
    }
    if cards.is_empty() {
        return Err(error(StatusCode::NOT_FOUND, format!("there is no entity {} in this store", missing.join(", "))));
    }
    Ok(json!({"entities": cards, "missing": missing}))
}

/// `/api/neighbours?id=&predicate=&offset=&limit=`
fn neighbours(r: &Reader<'_>, params: &Params) -> Result<Value, HttpError> {
    params.only(&["id", "predicate", "offset", "limit"])?;
    let e = r.known("id", params.required("id", "the entity's IRI, as /api/search gives it")?)?;
    let only = params.one("predicate")?.map(fact).transpose()?.map(|f| f.0);
    let limit = params.number("limit", 12, 1, 100)?;
    let offset = params.number("offset", 0, 0, 1_000_000)?;
    // neighbour → (articles, edges)
    let mut found: HashMap<String, (HashSet<String>, BTreeSet<Key>)> = HashMap::new();
    for (i, (name, p, _)) in FACTS.iter().enumerate() {
        if only.is_some_and(|o| o != *name) {
            continue;
        }
        for outgoing in [true, false] {
            let pattern = if outgoing {
                (Some(e.as_ref()), Some(*p), None, None)
            } else {
                (None, Some(*p), Some(e.as_ref().into()), None)
            };
            r.scan(pattern, |q| {
                let other = if outgoing {
                    match &q.object {
                        Term::NamedNode(n) => n.as_str().to_owned(),
                        _ => return true,
                    }
                } else {
                    match &q.subject {
                        NamedOrBlankNode::NamedNode(n) => n.as_str().to_owned(),
                        _ => return true,
                    }
                };
                if other == e.as_str() {
                    return true;
                }
                let k = if outgoing { key(e.as_str(), i, &other) } else { key(&other, i, e.as_str()) };
                let slot = found.entry(other).or_default();
                if let Some(g) = graph_iri(&q) {
                    slot.0.insert(g.into_string());
                }
                slot.1.insert(k);
                true
            })?;
        }
    }
    // neighbours per predicate and direction
    let mut counts: BTreeMap<(usize, &str), usize> = BTreeMap::new();
    for (_, keys) in found.values() {
        let mut mine = BTreeSet::new();
        for k in keys {
            let dir = if FACTS[k.1].2 {
                "both"
            } else if k.0 == e.as_str() {
                "out"
            } else {
                "in"
            };
            mine.insert((k.1, dir));
        }
        for m in mine {
            *counts.entry(m).or_default() += 1;
        }
    }
    let counts: Vec<Value> = counts
        .into_iter()
        .map(|((p, dir), n)| json!({"predicate": FACTS[p].0, "direction": dir, "count": n}))
        .collect();
    let mut ranked = Vec::with_capacity(found.len());
    for (n, (graphs, keys)) in found {
        let label = r.string(NamedNodeRef::new_unchecked(&n), rdf::LABEL, None)?.unwrap_or_else(|| n.clone());
        ranked.push((std::cmp::Reverse(graphs.len()), label, n, keys));
    }
    ranked.sort();
    let total = ranked.len();
    let mut nodes = Vec::new();
    let mut keys = BTreeSet::new();
    for (_, _, n, k) in ranked.into_iter().skip(offset).take(limit) {
        nodes.push(r.lite(NamedNodeRef::new_unchecked(&n))?);
        keys.extend(k);
    }
    Ok(json!({
        "entity": r.card(e.as_ref())?,
        "predicate": only,
        "counts": counts,
        "total": total,
        "offset": offset,
        "limit": limit,
        "nodes": nodes,
        "edges": r.edges_json(&keys)?,
    }))
}

/// `/api/edges?id=…&with=…`
fn edges_among(r: &Reader<'_>, params: &Params) -> Result<Value, HttpError> {
    params.only(&["id", "with"])?;
    let ids = params.all("id").into_iter().map(|v| iri("id", v)).collect::<Result<BTreeSet<_>, _>>()?;
    let with = params.all("with").into_iter().map(|v| iri("with", v)).collect::<Result<BTreeSet<_>, _>>()?;
    if ids.is_empty() || ids.len() > 500 || with.len() > 500 {
        return Err(bad_request("give 1 to 500 `id` parameters (entity IRIs), and at most 500 `with`"));
    }
    let with = if with.is_empty() { ids.clone() } else { with };
    if ids.len() * with.len() > 40_000 {
        return Err(bad_request(format!(
            "{} × {} pairs of entities are more than 40000: ask in smaller batches of `with`",
            with.len(),
            ids.len()
        )));
    }
    let mut keys = BTreeSet::new();
    r.edges_linking(&with.iter().collect::<Vec<_>>(), &ids.iter().collect::<Vec<_>>(), &mut keys)?;
    Ok(json!({"edges": r.edges_json(&keys)?}))
}

/// `/api/top?limit=`
fn top(r: &Reader<'_>, params: &Params) -> Result<Value, HttpError> {
    params.only(&["limit"])?;
    let limit = params.number("limit", 25, 1, 100)?;
    // distinct neighbours of each entity, over every fact
    let facts: String = FACTS.iter().map(|f| format!("ng:{} ", f.0)).collect();
    let mut pairs: HashMap<String, HashSet<String>> = HashMap::new();
    for row in r.select(&format!(
        "SELECT DISTINCT ?s ?o WHERE {{ VALUES ?p {{ {facts} }} ?s ?p ?o FILTER(ISIRI(?o) && ?s != ?o) }}"
    ))? {
        if let (Some(Term::NamedNode(s)), Some(Term::NamedNode(o))) = (row.get("s"), row.get("o")) {
            pairs.entry(s.as_str().to_owned()).or_default().insert(o.as_str().to_owned());
            pairs.entry(o.as_str().to_owned()).or_default().insert(s.as_str().to_owned());
        }
    }
    let mut ranked: Vec<(usize, &str)> = pairs.iter().map(|(e, n)| (n.len(), e.as_str())).collect();
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    let chosen: Vec<NamedNode> = ranked.iter().take(limit).map(|(_, e)| NamedNode::new_unchecked(*e)).collect();
    let mut nodes = Vec::new();
    for (e, (d, _)) in chosen.iter().zip(&ranked) {
        let mut n = r.lite(e.as_ref())?;
        n["degree"] = json!(d);
        nodes.push(n);
    }
    let mut keys = BTreeSet::new();
    let chosen: Vec<&NamedNode> = chosen.iter().collect();
    r.edges_linking(&chosen, &chosen, &mut keys)?;
    Ok(json!({"nodes": nodes, "edges": r.edges_json(&keys)?}))
}

/// `/api/evidence?source=&predicate=&target=` or `?event=`
fn evidence(r: &Reader<'_>, params: &Params) -> Result<Value, HttpError> {
    params.only(&["source", "predicate", "target", "event", "offset", "limit"])?;
    let limit = params.number("limit", 50, 1, 500)?;
    let offset = params.number("offset", 0, 0, 1_000_000)?;
    if let Some(event) = params.one("event")? {
        if params.one("source")?.is_some() || params.one("target")?.is_some() || params.one("predicate")?.is_some() {
            return Err(bad_request("give either `event` or `source`, `predicate` and `target`, not both"));
        }
        return event_evidence(r, &iri("event", event)?);
    }
    let what = "an edge: `source`, `predicate` and `target` (as /api/neighbours gives them), or an `event`";
    let s = r.known("source", params.required("source", what)?)?;
    let (name, _, _) = fact(params.required("predicate", what)?)?;
    let o = r.known("target", params.required("target", what)?)?;
    let p = FACTS.iter().position(|f| f.0 == name).unwrap_or_default();
    let k = key(s.as_str(), p, o.as_str());
    let mut exists = BTreeSet::new();
    r.edges_between(s.as_ref(), o.as_ref(), &mut exists)?;
    if !exists.contains(&k) {
        return Err(error(StatusCode::NOT_FOUND, format!("the store has no fact {s} {name} {o}")));
    }
    let mut sources = r.sources(&BTreeSet::from([k.clone()]))?.remove(&k).unwrap_or_default();
    sort_sources(&mut sources);
    let (sl, _) = r.entity(s.as_ref())?.unwrap_or_default();
    let (ol, _) = r.entity(o.as_ref())?.unwrap_or_default();
    let mut needles = name_needles(&sl);
    needles.extend(name_needles(&ol));
    let total = sources.len();
    let items = sources.iter().skip(offset).take(limit).map(|s| r.item(s, &needles)).collect::<Result<Vec<_>, _>>()?;
    Ok(json!({
        "edge": {"source": r.lite(s.as_ref())?, "predicate": name, "target": r.lite(o.as_ref())?, "id": format!("{}|{}|{}", k.0, name, k.2)},
        "total": total,
        "offset": offset,
        "limit": limit,
        "items": items,
    }))
}

fn event_evidence(r: &Reader<'_>, x: &NamedNode) -> Result<Value, HttpError> {
    let Some((event, g, needles)) = r.event(x.as_ref())? else {
        return Err(error(StatusCode::NOT_FOUND, format!("there is no event {x} in this store")));
    };
    let gr = Some(GraphNameRef::NamedNode(g.as_ref()));
    let mut items = Vec::new();
    let mut sentences = Vec::new();
    r.scan((Some(x.as_ref()), Some(ng::EVIDENCE), None, gr), |q| {
        if let Term::NamedNode(s) = q.object {
            sentences.push(s);
        }
        true
    })?;
    for sentence in sentences {
        let source = Source {
            sentence,
            graph: g.clone(),
            node: x.clone(),
            kind: event["kind"].as_str().unwrap_or("Event").to_owned(),
            date: event["date"].as_str().map(str::to_owned),
            article_date: event["articleDate"].as_bool().unwrap_or(false),
        };
        items.push(r.item(&source, &needles)?);
    }
    Ok(json!({"event": event, "total": items.len(), "offset": 0, "limit": items.len(), "items": items}))
}

/// `/api/events?from=&to=&id=&offset=&limit=`
fn events(r: &Reader<'_>, params: &Params) -> Result<Value, HttpError> {
    params.only(&["from", "to", "id", "offset", "limit"])?;
    let from = params.date("from")?;
    let to = params.date("to")?;
    if let (Some(f), Some(t)) = (&from, &to) {
        if f > t {
            return Err(bad_request(format!("`from` {f} is after `to` {t}")));
        }
    }
    let limit = params.number("limit", 50, 1, 500)?;
    let offset = params.number("offset", 0, 0, 1_000_000)?;
    let who = params.one("id")?.map(|v| r.known("id", v)).transpose()?;
    // the events, with the graph they are in
    let mut found: BTreeMap<String, NamedNode> = BTreeMap::new();
    let mut add = |q: Quad| {
        if let (NamedOrBlankNode::NamedNode(x), Some(g)) = (&q.subject, graph_iri(&q)) {
            found.entry(x.as_str().to_owned()).or_insert(g);
        }
        true
    };
    match &who {
        Some(e) => {
            r.scan((None, Some(ng::PARTICIPANT), Some(e.as_ref().into()), None), &mut add)?;
            r.scan((None, Some(ng::PLACE), Some(e.as_ref().into()), None), &mut add)?;
        }
        None => r.scan((None, Some(ng::PARTICIPANT), None, None), &mut add)?,
    }
    let mut published = HashMap::new();
    let mut dated = Vec::with_capacity(found.len());
    for (x, g) in found {
        let gr = Some(GraphNameRef::NamedNode(g.as_ref()));
        let date = match r.string(NamedNodeRef::new_unchecked(&x), ng::DATE, gr)? {
            Some(d) => Some(d),
            None => r.published(g.as_ref(), &mut published)?,
        };
        let inside = match &date {
            Some(d) => from.as_ref().is_none_or(|f| d >= f) && to.as_ref().is_none_or(|t| d <= t),
            None => from.is_none() && to.is_none(),
        };
        if inside {
            dated.push((date.is_none(), date, x));
        }
    }
    dated.sort();
    let total = dated.len();
    let mut items = Vec::new();
    for (_, _, x) in dated.into_iter().skip(offset).take(limit) {
        if let Some((event, _, _)) = r.event(NamedNodeRef::new_unchecked(&x))? {
            items.push(event);
        }
    }
    Ok(json!({"from": from, "to": to, "total": total, "offset": offset, "limit": limit, "events": items}))
}

/// `/api/quotes?id=&offset=&limit=`
fn quotes(r: &Reader<'_>, params: &Params) -> Result<Value, HttpError> {
    params.only(&["id", "offset", "limit"])?;
    let e = r.known("id", params.required("id", "the speaker's IRI, as /api/search gives it")?)?;
    let limit = params.number("limit", 50, 1, 500)?;
    let offset = params.number("offset", 0, 0, 1_000_000)?;
    let mut found = Vec::new();
    r.scan((None, Some(prov::WAS_ATTRIBUTED_TO), Some(e.as_ref().into()), None), |q| {
        if let (NamedOrBlankNode::NamedNode(x), Some(g)) = (&q.subject, graph_iri(&q)) {
            found.push((x.clone(), g));
        }
        true
    })?;
    let mut published = HashMap::new();
    let mut sources = Vec::new();
    for (x, g) in found {
        let gr = Some(GraphNameRef::NamedNode(g.as_ref()));
        let own = r.string(x.as_ref(), ng::DATE, gr)?;
        let article_date = own.is_none();
        let date = match own {
            Some(d) => Some(d),
            None => r.published(g.as_ref(), &mut published)?,
        };
        let Some(Term::NamedNode(sentence)) = r.object(x.as_ref(), ng::EVIDENCE, gr)? else { continue };
        sources.push(Source { sentence, graph: g, node: x, kind: "Quotation".into(), date, article_date });
    }
    sort_sources(&mut sources);
    let total = sources.len();
    let mut items = Vec::new();
    for s in sources.iter().skip(offset).take(limit) {
        let words = r.string(s.node.as_ref(), prov::VALUE, Some(GraphNameRef::NamedNode(s.graph.as_ref())))?;
        let mut item = r.item(s, &[words.clone().unwrap_or_default()])?;
        item["quote"] = json!(words);
        items.push(item);
    }
    Ok(json!({"speaker": r.lite(e.as_ref())?, "total": total, "offset": offset, "limit": limit, "quotes": items}))
}

mod read;
#[cfg(test)]
mod tests;
