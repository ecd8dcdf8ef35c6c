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
//! Every list has a `limit` with a maximum; every request reads at most [`READ_BUDGET`] quads
//! by index and [`ROW_BUDGET`] rows of a query, and stops after the server's `--timeout` or [`API_TIMEOUT`], whichever is shorter (503). Bad input
//! — an unknown parameter, an IRI that is not one, an unknown entity, a limit out of range, a date
//! that is not `YYYY-MM-DD` — is a 400 or 404 with a message that says what to send.
//!
//! # Rationale
//! Lookups with a subject, predicate or object given read the indexes directly; searches,
//! counts and the starting picture are SPARQL, which works on oxigraph's encoded terms and
//! decodes only what it returns — over the same quads, the difference between 3 s and 0.3 s
//! on a 10,000-article store. The answers are plain JSON about entities and sentences, so any
//! renderer (the page's cytoscape, a notebook, a script) can use them.

use std::cell::Cell;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::time::Duration;

use oxhttp::model::{Body, Method, Request, StatusCode};
use oxigraph::model::{GraphNameRef, Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, Term, TermRef};
use oxigraph::sparql::{CancellationToken, QueryEvaluationError, QueryResults, QuerySolution};
use serde_json::{json, Value};

use super::{bad_request, error, internal, ok, url_params, watchdog, Endpoint, HttpError, HttpResult};
use crate::query;
use crate::rdf::vocab::{ng, prov, rdf, schema};

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
pub(super) fn handle(ep: &Endpoint, request: &Request<Body>) -> HttpResult {
    let method = request.method().clone();
    if method != Method::GET && method != Method::HEAD {
        return Err(super::not_allowed("GET, HEAD, OPTIONS"));
    }
    let path = request.uri().path().to_owned();
    let params = Params(url_params(request));
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

/// Reads the store by index lookups, within the request's time and quad budget.
struct Reader<'a> {
    store: &'a oxigraph::store::Store,
    token: CancellationToken,
    read: Cell<usize>,
    truncated: Cell<bool>,
    timeout: Duration,
}

type Pattern<'p> = (Option<NamedNodeRef<'p>>, Option<NamedNodeRef<'p>>, Option<TermRef<'p>>, Option<GraphNameRef<'p>>);

impl Reader<'_> {
    /// Calls `f` with each quad of the pattern until it returns false, the budget is spent
    /// (then `truncated` is set) or the time is up (503).
    fn scan(&self, (s, p, o, g): Pattern<'_>, mut f: impl FnMut(Quad) -> bool) -> Result<(), HttpError> {
        if self.token.is_cancelled() {
            return Err(self.timed_out());
        }
        for q in self.store.quads_for_pattern(s.map(Into::into), p, o, g) {
            let n = self.read.get() + 1;
            self.read.set(n);
            if n > READ_BUDGET {
                self.truncated.set(true);
                return Ok(());
            }
            if n.is_multiple_of(1024) && self.token.is_cancelled() {
                return Err(self.timed_out());
            }
            if !f(q.map_err(internal)?) {
                break;
            }
        }
        Ok(())
    }

    fn timed_out(&self) -> HttpError {
        error(
            StatusCode::SERVICE_UNAVAILABLE,
            format!(
                "the request ran longer than the explorer's limit of {} s and was stopped: ask for fewer items",
                self.timeout.as_secs_f32()
            ),
        )
    }

    fn first(&self, pattern: Pattern<'_>) -> Result<Option<Quad>, HttpError> {
        let mut found = None;
        self.scan(pattern, |q| {
            found = Some(q);
            false
        })?;
        Ok(found)
    }

    /// The first object of `s p ?o` (in graph `g`, if given).
    fn object(
        &self,
        s: NamedNodeRef<'_>,
        p: NamedNodeRef<'_>,
        g: Option<GraphNameRef<'_>>,
    ) -> Result<Option<Term>, HttpError> {
        Ok(self.first((Some(s), Some(p), None, g))?.map(|q| q.object))
    }

    fn string(
        &self,
        s: NamedNodeRef<'_>,
        p: NamedNodeRef<'_>,
        g: Option<GraphNameRef<'_>>,
    ) -> Result<Option<String>, HttpError> {
        Ok(self.object(s, p, g)?.map(|t| value(&t)))
    }

    /// The label and type code of an entity; `None` if the store has no entity of that IRI.
    fn entity(&self, e: NamedNodeRef<'_>) -> Result<Option<(String, &'static str)>, HttpError> {
        let mut kind = None;
        self.scan((Some(e), Some(rdf::TYPE), None, None), |q| {
            kind = CLASSES.iter().find(|(c, _)| q.object == Term::from(*c)).map(|(_, k)| *k);
            kind.is_none()
        })?;
        let Some(kind) = kind else { return Ok(None) };
        let label = self.string(e, rdf::LABEL, None)?.unwrap_or_else(|| e.as_str().to_owned());
        Ok(Some((label, kind)))
    }

    fn lite(&self, e: NamedNodeRef<'_>) -> Result<Value, HttpError> {
        let (label, kind) = self.entity(e)?.unwrap_or_else(|| (e.as_str().to_owned(), "ENTITY"));
        Ok(json!({"id": e.as_str(), "label": label, "type": kind}))
    }

    /// Runs a SELECT over the union of the article graphs, within the request's time and
    /// row budget.
    fn select(&self, sparql: &str) -> Result<Vec<QuerySolution>, HttpError> {
        let evaluator = query::evaluator().with_cancellation_token(self.token.clone());
        let mut prepared = evaluator.parse_query(sparql).map_err(internal)?;
        prepared.dataset_mut().set_default_graph_as_union();
        let cancelled = |e: QueryEvaluationError| match e {
            QueryEvaluationError::Cancelled => self.timed_out(),
            other => internal(other),
        };
        let QueryResults::Solutions(solutions) = prepared.on_store(self.store).execute().map_err(cancelled)? else {
            return Ok(Vec::new());
        };
        let mut rows = Vec::new();
        for row in solutions {
            if rows.len() >= ROW_BUDGET {
                self.truncated.set(true);
                break;
            }
            rows.push(row.map_err(cancelled)?);
        }
        Ok(rows)
    }

    /// For each entity: the articles that mention it, its facts (quotations and roles
    /// included, with the entity as subject or object) and its quotations.
    fn counts(&self, entities: &[&str]) -> Result<HashMap<String, [usize; 3]>, HttpError> {
        let mut out: HashMap<String, [usize; 3]> = entities.iter().map(|e| ((*e).to_owned(), [0; 3])).collect();
        if entities.is_empty() {
            return Ok(out);
        }
        let values: String = entities.iter().map(|e| format!("<{e}> ")).collect();
        let outgoing: String =
            FACTS.iter().map(|f| format!("ng:{} ", f.0)).collect::<String>() + "ng:stated ng:holdsRole";
        let incoming: String = FACTS.iter().map(|f| format!("ng:{} ", f.0)).collect();
        let queries = [
            format!("SELECT ?e (COUNT(DISTINCT ?g) AS ?n) WHERE {{ VALUES ?e {{ {values} }} ?g schema:mentions ?e }} GROUP BY ?e"),
            format!(
                "SELECT ?e (COUNT(*) AS ?n) WHERE {{ VALUES ?e {{ {values} }} \
                 {{ VALUES ?p {{ {outgoing} }} ?e ?p ?x }} UNION {{ VALUES ?p {{ {incoming} }} ?x ?p ?e }} }} GROUP BY ?e"
            ),
            format!("SELECT ?e (COUNT(*) AS ?n) WHERE {{ VALUES ?e {{ {values} }} ?q prov:wasAttributedTo ?e }} GROUP BY ?e"),
        ];
        for (i, q) in queries.iter().enumerate() {
            for row in self.select(q)? {
                if let (Some(Term::NamedNode(e)), Some(n)) = (row.get("e"), row.get("n")) {
                    if let Some(slot) = out.get_mut(e.as_str()) {
                        slot[i] = value(n).parse().unwrap_or_default();
                    }
                }
            }
        }
        Ok(out)
    }

    /// The full card of an entity.
    fn card(&self, e: NamedNodeRef<'_>) -> Result<Option<Value>, HttpError> {
        let Some((label, kind)) = self.entity(e)? else { return Ok(None) };
        let mut links = BTreeSet::new();
        self.scan((Some(e), Some(rdf::OWL_SAME_AS), None, None), |q| {
            if let Term::NamedNode(n) = q.object {
                links.insert(n.into_string());
            }
            links.len() < 20
        })?;
        let mut roles = BTreeSet::new();
        self.scan((Some(e), Some(ng::HOLDS_ROLE), None, None), |q| {
            roles.insert(value(&q.object));
            roles.len() < 20
        })?;
        let mut aliases = BTreeSet::new();
        self.scan((None, Some(ng::MERGED_INTO), Some(e.into()), None), |q| {
            if let NamedOrBlankNode::NamedNode(m) = &q.subject {
                if let Ok(Some(name)) = self.string(m.as_ref(), ng::MERGED_NAME, None) {
                    aliases.insert(name);
                }
            }
            aliases.len() < 20
        })?;
        aliases.remove(&label);
        let links: Vec<Value> = links.iter().map(|l| json!({"kind": link_kind(l), "url": l})).collect();
        let [articles, facts, quotes] = self.counts(&[e.as_str()])?.remove(e.as_str()).unwrap_or_default();
        Ok(Some(json!({
            "id": e.as_str(),
            "label": label,
            "type": kind,
            "aliases": aliases,
            "roles": roles,
            "links": links,
            "articles": articles,
            "facts": facts,
            "quotes": quotes,
        })))
    }

    fn known(&self, key: &str, value: &str) -> Result<NamedNode, HttpError> {
        let e = iri(key, value)?;
        if self.entity(e.as_ref())?.is_none() {
            return Err(error(
                StatusCode::NOT_FOUND,
                format!("there is no entity {value} in this store: give an `id` that /api/search returns"),
            ));
        }
        Ok(e)
    }

    /// The article of a graph: id, IRI, title, date, URL.
    fn article(&self, g: NamedNodeRef<'_>) -> Result<Value, HttpError> {
        let graph = Some(GraphNameRef::NamedNode(g));
        Ok(json!({
            "iri": g.as_str(),
            "id": self.string(g, schema::IDENTIFIER, graph)?.unwrap_or_else(|| g.as_str().to_owned()),
            "title": self.string(g, schema::HEADLINE, graph)?,
            "date": self.string(g, schema::DATE_PUBLISHED, graph)?,
            "url": self.string(g, schema::URL, graph)?,
        }))
    }

    fn published(
        &self,
        g: NamedNodeRef<'_>,
        cache: &mut HashMap<String, Option<String>>,
    ) -> Result<Option<String>, HttpError> {
        if let Some(d) = cache.get(g.as_str()) {
            return Ok(d.clone());
        }
        let d = self.string(g, schema::DATE_PUBLISHED, Some(GraphNameRef::NamedNode(g)))?;
        cache.insert(g.as_str().to_owned(), d.clone());
        Ok(d)
    }
}

fn value(t: &Term) -> String {
    match t {
        Term::Literal(l) => l.value().to_owned(),
        Term::NamedNode(n) => n.as_str().to_owned(),
        other => other.to_string(),
    }
}

fn link_kind(url: &str) -> &'static str {
    if url.starts_with("http://www.wikidata.org/") {
        "wikidata"
    } else if url.contains("geonames.org/") {
        "geonames"
    } else if url.contains("dbpedia.org/") {
        "dbpedia"
    } else {
        "other"
    }
}

fn graph_iri(q: &Quad) -> Option<NamedNode> {
    match &q.graph_name {
        oxigraph::model::GraphName::NamedNode(g) => Some(g.clone()),
        _ => None,
    }
}

/// An edge: canonical subject, predicate index, object.
type Key = (String, usize, String);

fn key(s: &str, p: usize, o: &str) -> Key {
    if FACTS[p].2 && o < s {
        (o.to_owned(), p, s.to_owned())
    } else {
        (s.to_owned(), p, o.to_owned())
    }
}

/// One sentence behind an edge.
#[derive(Debug, Clone)]
struct Source {
    /// The sentence IRI.
    sentence: NamedNode,
    graph: NamedNode,
    /// The event or statement node.
    node: NamedNode,
    /// Meeting, PhoneCall, Visit, or statement.
    kind: String,
    date: Option<String>,
    /// Whether `date` is the article's (the fact has none of its own).
    article_date: bool,
}

/// A statement or event that carries facts of a subject, with its sentences and date.
#[derive(Default)]
struct Carrier {
    node: Option<NamedNode>,
    graph: Option<NamedNode>,
    /// Statements: the (predicate, object) stated; events: none.
    stated: Option<(String, String)>,
    /// Events: the other participants and the place.
    others: BTreeSet<String>,
    /// Meeting, PhoneCall, Visit, another event class, or "statement".
    kind: String,
    planned: bool,
    /// Its own date, else its article's.
    date: Option<String>,
    article_date: bool,
    sentences: BTreeSet<NamedNode>,
}

/// The statements and events of one subject.
#[derive(Default)]
struct Carriers {
    statements: HashMap<(String, String), Vec<usize>>,
    events: Vec<usize>,
    all: Vec<Carrier>,
}

impl Reader<'_> {
    fn event_kind(&self, x: NamedNodeRef<'_>) -> Result<String, HttpError> {
        let mut kind = None;
        self.scan((Some(x), Some(rdf::TYPE), None, None), |q| {
            kind = EVENTS.iter().find(|(c, _)| q.object == Term::from(*c)).map(|(_, k)| (*k).to_owned());
            kind.is_none()
        })?;
        Ok(kind.unwrap_or_else(|| "Event".to_owned()))
    }

    /// What carries the facts of a subject: its statements and the events it takes part in,
    /// read by one query however many of its edges ask.
    fn carriers(&self, s: NamedNodeRef<'_>) -> Result<Carriers, HttpError> {
        let facts: String = FACTS.iter().map(|f| format!("ng:{} ", f.0)).collect();
        let rows = self.select(&format!(
            "SELECT ?x ?g ?p ?o ?ev ?kind ?planned ?d ?pub WHERE {{ GRAPH ?g {{ \
               {{ VALUES ?p {{ {facts} }} ?x rdf:subject {s} ; rdf:predicate ?p ; rdf:object ?o ; ng:evidence ?ev }} \
               UNION {{ ?x ng:participant {s} ; ng:evidence ?ev ; a ?kind . \
                        {{ ?x ng:participant ?o }} UNION {{ ?x ng:place ?o }} OPTIONAL {{ ?x ng:planned ?planned }} }} \
               OPTIONAL {{ ?x ng:date ?d }} OPTIONAL {{ ?g schema:datePublished ?pub }} }} }}"
        ))?;
        let mut out = Carriers::default();
        let mut index: HashMap<NamedNode, usize> = HashMap::new();
        for row in rows {
            let (Some(Term::NamedNode(x)), Some(Term::NamedNode(g)), Some(Term::NamedNode(o))) =
                (row.get("x"), row.get("g"), row.get("o"))
            else {
                continue;
            };
            let i = *index.entry(x.clone()).or_insert_with(|| {
                out.all.push(Carrier::default());
                out.all.len() - 1
            });
            let c = &mut out.all[i];
            if c.node.is_none() {
                let own = row.get("d").map(value);
                c.article_date = own.is_none();
                c.date = own.or_else(|| row.get("pub").map(value));
                c.node = Some(x.clone());
                c.graph = Some(g.clone());
                c.kind = "statement".into();
                match row.get("p") {
                    Some(Term::NamedNode(p)) => {
                        c.stated = Some((p.as_str().to_owned(), o.as_str().to_owned()));
                        out.statements.entry((p.as_str().to_owned(), o.as_str().to_owned())).or_default().push(i);
                    }
                    _ => out.events.push(i),
                }
            }
            if c.stated.is_none() {
                c.others.insert(o.as_str().to_owned());
                if let Some(Term::NamedNode(k)) = row.get("kind") {
                    // the most specific class we know of wins over others (sem:Event, …)
                    let known = EVENTS.iter().find(|(class, _)| *class == k.as_ref()).map(|(_, n)| *n);
                    if let Some(n) = known {
                        c.kind = n.to_owned();
                    } else if c.kind == "statement" {
                        c.kind = k.as_str().rsplit(['#', '/']).next().unwrap_or("Event").to_owned();
                    }
                }
                c.planned |= row.get("planned").is_some_and(|v| value(v) == "true");
            }
            if let Some(Term::NamedNode(ev)) = row.get("ev") {
                c.sentences.insert(ev.clone());
            }
        }
        Ok(out)
    }

    /// The sources of each edge, from the statements and events that carry it.
    fn sources(&self, keys: &BTreeSet<Key>) -> Result<BTreeMap<Key, Vec<Source>>, HttpError> {
        let mut carriers: HashMap<String, Carriers> = HashMap::new();
        let mut out: BTreeMap<Key, Vec<Source>> = BTreeMap::new();
        for k in keys {
            let (name, p, symmetric) = FACTS[k.1];
            let directions: &[(&str, &str)] = if symmetric { &[(&k.0, &k.2), (&k.2, &k.0)] } else { &[(&k.0, &k.2)] };
            let mut found: Vec<Source> = Vec::new();
            let mut seen = HashSet::new();
            for &(s, o) in directions {
                if !carriers.contains_key(s) {
                    carriers.insert(s.to_owned(), self.carriers(NamedNodeRef::new_unchecked(s))?);
                }
                let c = &carriers[s];
                let mut chosen: Vec<&Carrier> = c
                    .statements
                    .get(&(p.as_str().to_owned(), o.to_owned()))
                    .into_iter()
                    .flatten()
                    .map(|&i| &c.all[i])
                    .collect();
                // an event carries the fact when the other side takes part in it or is its place;
                // one of another kind (a call for a meeting) only when none of the right kind does
                let with: Vec<&Carrier> =
                    c.events.iter().map(|&i| &c.all[i]).filter(|e| e.others.contains(o)).collect();
                let fits = |e: &Carrier| {
                    e.planned == name.starts_with("planned")
                        && match name {
                            "phoned" => e.kind == "PhoneCall",
                            "metWith" => e.kind != "PhoneCall",
                            _ => true,
                        }
                };
                let any_fits = with.iter().any(|e| fits(e));
                chosen.extend(with.into_iter().filter(|e| fits(e) || !any_fits));
                for carrier in chosen {
                    let (Some(node), Some(graph)) = (&carrier.node, &carrier.graph) else { continue };
                    for sentence in &carrier.sentences {
                        if seen.insert(sentence.clone()) {
                            found.push(Source {
                                sentence: sentence.clone(),
                                graph: graph.clone(),
                                node: node.clone(),
                                kind: carrier.kind.clone(),
                                date: carrier.date.clone(),
                                article_date: carrier.article_date,
                            });
                        }
                    }
                }
            }
            out.insert(k.clone(), found);
        }
        Ok(out)
    }

    /// Edges as JSON, with their sources summed up: number, articles, dates, events.
    fn edges_json(&self, keys: &BTreeSet<Key>) -> Result<Vec<Value>, HttpError> {
        let sources = self.sources(keys)?;
        let mut out = Vec::new();
        for (k, found) in sources {
            let mut graphs = HashSet::new();
            let mut dates: BTreeMap<String, usize> = BTreeMap::new();
            let mut undated = 0;
            let mut nodes: BTreeMap<String, Value> = BTreeMap::new();
            for s in &found {
                graphs.insert(s.graph.as_str());
                match &s.date {
                    Some(d) => *dates.entry(d.clone()).or_default() += 1,
                    None => undated += 1,
                }
                if nodes.len() < 50 {
                    nodes.entry(s.node.as_str().to_owned()).or_insert_with(
                        || json!({"id": s.node.as_str(), "kind": s.kind, "date": s.date, "articleDate": s.article_date}),
                    );
                }
            }
            // a fact stated without a sentence of its own still counts once
            let n = found.len().max(1);
            if found.is_empty() {
                undated = 1;
            }
            let (name, _, symmetric) = FACTS[k.1];
            out.push(json!({
                "id": format!("{}|{}|{}", k.0, name, k.2),
                "source": k.0,
                "target": k.2,
                "predicate": name,
                "symmetric": symmetric,
                "sources": n,
                "articles": graphs.len().max(1),
                "dates": dates.into_iter().collect::<Vec<_>>(),
                "undated": undated,
                "events": nodes.into_values().collect::<Vec<_>>(),
            }));
        }
        Ok(out)
    }

    /// The edges between two entities, in either direction.
    fn edges_between(
        &self,
        a: NamedNodeRef<'_>,
        b: NamedNodeRef<'_>,
        keys: &mut BTreeSet<Key>,
    ) -> Result<(), HttpError> {
        for (i, (_, p, _)) in FACTS.iter().enumerate() {
            if self.first((Some(a), Some(*p), Some(b.into()), None))?.is_some() {
                keys.insert(key(a.as_str(), i, b.as_str()));
            }
            if self.first((Some(b), Some(*p), Some(a.into()), None))?.is_some() {
                keys.insert(key(b.as_str(), i, a.as_str()));
            }
        }
        Ok(())
    }

    /// The edges between any entity of `a` and any of `b`, in either direction.
    fn edges_linking(&self, a: &[&NamedNode], b: &[&NamedNode], keys: &mut BTreeSet<Key>) -> Result<(), HttpError> {
        if a.is_empty() || b.is_empty() {
            return Ok(());
        }
        let list = |l: &[&NamedNode]| l.iter().map(|n| format!("{n} ")).collect::<String>();
        let (a, b) = (list(a), list(b));
        let facts: String = FACTS.iter().map(|f| format!("ng:{} ", f.0)).collect();
        for (from, to) in [(&a, &b), (&b, &a)] {
            for row in self.select(&format!(
                "SELECT DISTINCT ?s ?p ?o WHERE {{ VALUES ?s {{ {from} }} VALUES ?o {{ {to} }} VALUES ?p {{ {facts} }} \
                 ?s ?p ?o FILTER(?s != ?o) }}"
            ))? {
                if let (Some(Term::NamedNode(s)), Some(Term::NamedNode(p)), Some(Term::NamedNode(o))) =
                    (row.get("s"), row.get("p"), row.get("o"))
                {
                    if let Some(i) = FACTS.iter().position(|f| f.1 == p.as_ref()) {
                        keys.insert(key(s.as_str(), i, o.as_str()));
                    }
                }
            }
        }
        Ok(())
    }
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

/// The text with the needles marked: `[{"text": …, "mark": bool}, …]`.
fn marked(text: &str, needles: &[String]) -> Vec<Value> {
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for n in needles.iter().filter(|n| !n.is_empty()) {
        spans.extend(text.match_indices(n.as_str()).map(|(i, m)| (i, i + m.len())));
    }
    spans.sort();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (a, b) in spans {
        match merged.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => merged.push((a, b)),
        }
    }
    let mut out = Vec::new();
    let mut at = 0;
    for (a, b) in merged {
        if a > at {
            out.push(json!({"text": &text[at..a], "mark": false}));
        }
        out.push(json!({"text": &text[a..b], "mark": true}));
        at = b;
    }
    if at < text.len() {
        out.push(json!({"text": &text[at..], "mark": false}));
    }
    out
}

/// What to mark for an entity: its label, and each capitalised word of it.
fn name_needles(label: &str) -> Vec<String> {
    let mut out = vec![label.to_owned()];
    out.extend(
        label
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| w.chars().count() >= 3 && w.starts_with(char::is_uppercase))
            .map(str::to_owned),
    );
    out
}

impl Reader<'_> {
    /// One evidence item: the sentence (marked), its span, the article, date and kind.
    fn item(&self, s: &Source, needles: &[String]) -> Result<Value, HttpError> {
        let gr = Some(GraphNameRef::NamedNode(s.graph.as_ref()));
        let text = self.string(s.sentence.as_ref(), ng::TEXT, gr)?.unwrap_or_default();
        let number = |p| -> Result<Option<i64>, HttpError> {
            Ok(self.string(s.sentence.as_ref(), p, gr)?.and_then(|v| v.parse().ok()))
        };
        Ok(json!({
            "sentence": s.sentence.as_str(),
            "start": number(ng::START)?,
            "end": number(ng::END)?,
            "text": text,
            "parts": marked(&text, needles),
            "article": self.article(s.graph.as_ref())?,
            "date": s.date,
            "articleDate": s.article_date,
            "kind": s.kind,
            "node": s.node.as_str(),
        }))
    }
}

fn sort_sources(sources: &mut [Source]) {
    sources.sort_by(|a, b| {
        (a.date.is_none(), &a.date, a.graph.as_str(), a.sentence.as_str()).cmp(&(
            b.date.is_none(),
            &b.date,
            b.graph.as_str(),
            b.sentence.as_str(),
        ))
    });
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

impl Reader<'_> {
    /// An event: kind, date, planned, place, participants, article; `None` if it is not one.
    fn event(&self, x: NamedNodeRef<'_>) -> Result<Option<(Value, NamedNode, Vec<String>)>, HttpError> {
        let Some(first) = self.first((Some(x), Some(ng::PARTICIPANT), None, None))? else { return Ok(None) };
        let Some(g) = graph_iri(&first) else { return Ok(None) };
        let gr = Some(GraphNameRef::NamedNode(g.as_ref()));
        let mut who = Vec::new();
        self.scan((Some(x), Some(ng::PARTICIPANT), None, gr), |q| {
            if let Term::NamedNode(n) = q.object {
                who.push(n);
            }
            who.len() < 100
        })?;
        let mut needles = Vec::new();
        let mut participants = Vec::new();
        for w in &who {
            let lite = self.lite(w.as_ref())?;
            needles.extend(name_needles(lite["label"].as_str().unwrap_or_default()));
            participants.push(lite);
        }
        let place = match self.object(x, ng::PLACE, gr)? {
            Some(Term::NamedNode(p)) => {
                let lite = self.lite(p.as_ref())?;
                needles.extend(name_needles(lite["label"].as_str().unwrap_or_default()));
                Some(lite)
            }
            _ => None,
        };
        let own = self.string(x, ng::DATE, gr)?;
        let date = match &own {
            Some(d) => Some(d.clone()),
            None => self.string(g.as_ref(), schema::DATE_PUBLISHED, gr)?,
        };
        let planned = self.string(x, ng::PLANNED, gr)?.is_some_and(|v| v == "true");
        let value = json!({
            "id": x.as_str(),
            "kind": self.event_kind(x)?,
            "date": date,
            "articleDate": own.is_none(),
            "planned": planned,
            "place": place,
            "participants": participants,
            "article": self.article(g.as_ref())?,
        });
        Ok(Some((value, g, needles)))
    }
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

#[cfg(test)]
mod tests;
