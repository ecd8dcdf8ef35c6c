//! How the API reads the store: index lookups within a budget of quads and time, SPARQL for
//! searches and counts, and the sources (sentences) behind each edge.

use std::cell::Cell;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::time::Duration;

use oxhttp::model::StatusCode;
use oxigraph::model::{GraphNameRef, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, Term, TermRef};
use oxigraph::sparql::{CancellationToken, QueryEvaluationError, QueryResults, QuerySolution};
use serde_json::{json, Value};

use super::super::{error, internal, HttpError};
use super::{iri, CLASSES, EVENTS, FACTS, READ_BUDGET, ROW_BUDGET};
use crate::query;
use crate::rdf::vocab::{ng, rdf, schema};

/// Reads the store by index lookups, within the request's time and quad budget.
pub(super) struct Reader<'a> {
    pub(super) store: &'a oxigraph::store::Store,
    pub(super) token: CancellationToken,
    pub(super) read: Cell<usize>,
    pub(super) truncated: Cell<bool>,
    pub(super) timeout: Duration,
}

pub(super) type Pattern<'p> =
    (Option<NamedNodeRef<'p>>, Option<NamedNodeRef<'p>>, Option<TermRef<'p>>, Option<GraphNameRef<'p>>);

impl Reader<'_> {
    /// Calls `f` with each quad of the pattern until it returns false, the budget is spent
    /// (then `truncated` is set) or the time is up (503).
    pub(super) fn scan(&self, (s, p, o, g): Pattern<'_>, mut f: impl FnMut(Quad) -> bool) -> Result<(), HttpError> {
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

    pub(super) fn timed_out(&self) -> HttpError {
        error(
            StatusCode::SERVICE_UNAVAILABLE,
            format!(
                "the request ran longer than the explorer's limit of {} s and was stopped: ask for fewer items",
                self.timeout.as_secs_f32()
            ),
        )
    }

    pub(super) fn first(&self, pattern: Pattern<'_>) -> Result<Option<Quad>, HttpError> {
        let mut found = None;
        self.scan(pattern, |q| {
            found = Some(q);
            false
        })?;
        Ok(found)
    }

    /// The first object of `s p ?o` (in graph `g`, if given).
    pub(super) fn object(
        &self,
        s: NamedNodeRef<'_>,
        p: NamedNodeRef<'_>,
        g: Option<GraphNameRef<'_>>,
    ) -> Result<Option<Term>, HttpError> {
        Ok(self.first((Some(s), Some(p), None, g))?.map(|q| q.object))
    }

    pub(super) fn string(
        &self,
        s: NamedNodeRef<'_>,
        p: NamedNodeRef<'_>,
        g: Option<GraphNameRef<'_>>,
    ) -> Result<Option<String>, HttpError> {
        Ok(self.object(s, p, g)?.map(|t| value(&t)))
    }

    /// The label and type code of an entity; `None` if the store has no entity of that IRI.
    pub(super) fn entity(&self, e: NamedNodeRef<'_>) -> Result<Option<(String, &'static str)>, HttpError> {
        let mut kind = None;
        self.scan((Some(e), Some(rdf::TYPE), None, None), |q| {
            kind = CLASSES.iter().find(|(c, _)| q.object == Term::from(*c)).map(|(_, k)| *k);
            kind.is_none()
        })?;
        let Some(kind) = kind else { return Ok(None) };
        let label = self.string(e, rdf::LABEL, None)?.unwrap_or_else(|| e.as_str().to_owned());
        Ok(Some((label, kind)))
    }

    pub(super) fn lite(&self, e: NamedNodeRef<'_>) -> Result<Value, HttpError> {
        let (label, kind) = self.entity(e)?.unwrap_or_else(|| (e.as_str().to_owned(), "ENTITY"));
        Ok(json!({"id": e.as_str(), "label": label, "type": kind}))
    }

    /// Runs a SELECT over the union of the article graphs, within the request's time and
    /// row budget.
    pub(super) fn select(&self, sparql: &str) -> Result<Vec<QuerySolution>, HttpError> {
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
    pub(super) fn counts(&self, entities: &[&str]) -> Result<HashMap<String, [usize; 3]>, HttpError> {
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
    pub(super) fn card(&self, e: NamedNodeRef<'_>) -> Result<Option<Value>, HttpError> {
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

    pub(super) fn known(&self, key: &str, value: &str) -> Result<NamedNode, HttpError> {
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
    pub(super) fn article(&self, g: NamedNodeRef<'_>) -> Result<Value, HttpError> {
        let graph = Some(GraphNameRef::NamedNode(g));
        Ok(json!({
            "iri": g.as_str(),
            "id": self.string(g, schema::IDENTIFIER, graph)?.unwrap_or_else(|| g.as_str().to_owned()),
            "title": self.string(g, schema::HEADLINE, graph)?,
            "date": self.string(g, schema::DATE_PUBLISHED, graph)?,
            "url": self.string(g, schema::URL, graph)?,
        }))
    }

    pub(super) fn published(
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

pub(super) fn value(t: &Term) -> String {
    match t {
        Term::Literal(l) => l.value().to_owned(),
        Term::NamedNode(n) => n.as_str().to_owned(),
        other => other.to_string(),
    }
}

pub(super) fn link_kind(url: &str) -> &'static str {
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

pub(super) fn graph_iri(q: &Quad) -> Option<NamedNode> {
    match &q.graph_name {
        oxigraph::model::GraphName::NamedNode(g) => Some(g.clone()),
        _ => None,
    }
}

/// An edge: canonical subject, predicate index, object.
pub(super) type Key = (String, usize, String);

pub(super) fn key(s: &str, p: usize, o: &str) -> Key {
    if FACTS[p].2 && o < s {
        (o.to_owned(), p, s.to_owned())
    } else {
        (s.to_owned(), p, o.to_owned())
    }
}

/// One sentence behind an edge.
#[derive(Debug, Clone)]
pub(super) struct Source {
    /// The sentence IRI.
    pub(super) sentence: NamedNode,
    pub(super) graph: NamedNode,
    /// The event or statement node.
    pub(super) node: NamedNode,
    /// Meeting, PhoneCall, Visit, or statement.
    pub(super) kind: String,
    pub(super) date: Option<String>,
    /// Whether `date` is the article's (the fact has none of its own).
    pub(super) article_date: bool,
}

/// A statement or event that carries facts of a subject, with its sentences and date.
#[derive(Default)]
pub(super) struct Carrier {
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
pub(super) struct Carriers {
    statements: HashMap<(String, String), Vec<usize>>,
    events: Vec<usize>,
    all: Vec<Carrier>,
}

impl Reader<'_> {
    pub(super) fn event_kind(&self, x: NamedNodeRef<'_>) -> Result<String, HttpError> {
        let mut kind = None;
        self.scan((Some(x), Some(rdf::TYPE), None, None), |q| {
            kind = EVENTS.iter().find(|(c, _)| q.object == Term::from(*c)).map(|(_, k)| (*k).to_owned());
            kind.is_none()
        })?;
        Ok(kind.unwrap_or_else(|| "Event".to_owned()))
    }

    /// What carries the facts of a subject: its statements and the events it takes part in,
    /// read by one query however many of its edges ask.
    pub(super) fn carriers(&self, s: NamedNodeRef<'_>) -> Result<Carriers, HttpError> {
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
    pub(super) fn sources(&self, keys: &BTreeSet<Key>) -> Result<BTreeMap<Key, Vec<Source>>, HttpError> {
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
    pub(super) fn edges_json(&self, keys: &BTreeSet<Key>) -> Result<Vec<Value>, HttpError> {
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
    pub(super) fn edges_between(
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
    pub(super) fn edges_linking(
        &self,
        a: &[&NamedNode],
        b: &[&NamedNode],
        keys: &mut BTreeSet<Key>,
    ) -> Result<(), HttpError> {
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

/// The text with the needles marked: `[{"text": …, "mark": bool}, …]`.
pub(super) fn marked(text: &str, needles: &[String]) -> Vec<Value> {
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
pub(super) fn name_needles(label: &str) -> Vec<String> {
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
    pub(super) fn item(&self, s: &Source, needles: &[String]) -> Result<Value, HttpError> {
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

pub(super) fn sort_sources(sources: &mut [Source]) {
    sources.sort_by(|a, b| {
        (a.date.is_none(), &a.date, a.graph.as_str(), a.sentence.as_str()).cmp(&(
            b.date.is_none(),
            &b.date,
            b.graph.as_str(),
            b.sentence.as_str(),
        ))
    });
}

impl Reader<'_> {
    /// An event: kind, date, planned, place, participants, article; `None` if it is not one.
    pub(super) fn event(&self, x: NamedNodeRef<'_>) -> Result<Option<(Value, NamedNode, Vec<String>)>, HttpError> {
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
