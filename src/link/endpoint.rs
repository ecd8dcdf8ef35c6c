//! Candidates from a SPARQL endpoint: Wikidata's, or a local mirror.
//!
//! For each name, one query asks for the items whose English `rdfs:label` or
//! `skos:altLabel` is exactly that name, with their types (`wdt:P31`, or
//! `rdf:type`) and country (`wdt:P17`, `wdt:P27`). The answers go through the
//! same disambiguation as the bundled base ([`super::choose`]).
//!
//! Bounds: every request has a time-out; a run makes at most `budget`
//! requests (answers from the cache are free); after the first failure no
//! more requests are made (an endpoint that is down is not asked hundreds of
//! times). Answers are cached on disk, keyed by endpoint and name, so a second
//! run over the same articles asks nothing.
//!
//! # Rationale
//! [`KnowledgeBase::candidates`] cannot fail: a lost request only means fewer
//! links, so failures are recorded ([`EndpointKb::failure`]) for the command
//! to report once, and the run goes on.

use std::collections::HashMap;
use std::fs;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::user::{ids_of, kind_of_class};
use super::{country_codes, Candidate, Kind, KnowledgeBase, Match};
use crate::error::LinkError;
use crate::lexicon::gazetteer;

/// How to use an endpoint.
#[derive(Debug, Clone)]
pub struct EndpointOptions {
    /// The endpoint URL (`https://query.wikidata.org/sparql`).
    pub url: String,
    /// Time-out of one request.
    pub timeout: Duration,
    /// Most requests in one run.
    pub budget: usize,
    /// Where answers are cached (`None`: no cache).
    pub cache: Option<PathBuf>,
}

/// One cached answer: the items of a name.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Item {
    wikidata: Option<String>,
    geonames: Option<String>,
    dbpedia: Option<String>,
    kind: Option<String>,
    country: Option<String>,
}

/// A SPARQL endpoint as a candidate source.
pub struct EndpointKb {
    options: EndpointOptions,
    client: oxhttp::Client,
    requests: AtomicUsize,
    down: AtomicBool,
    failure: Mutex<Option<String>>,
    cache: Mutex<HashMap<String, Vec<Item>>>,
    dirty: AtomicBool,
    countries: HashMap<String, String>,
}

impl EndpointKb {
    /// Checks the URL and reads the cache (a missing cache file is an empty cache).
    pub fn new(options: EndpointOptions) -> Result<Self, LinkError> {
        if !(options.url.starts_with("http://") || options.url.starts_with("https://")) {
            return Err(LinkError::Url { url: options.url });
        }
        let cache = match &options.cache {
            Some(path) if path.exists() => {
                let text =
                    fs::read_to_string(path).map_err(|source| LinkError::Cache { path: path.clone(), source })?;
                serde_json::from_str(&text).map_err(|e| LinkError::Cache {
                    path: path.clone(),
                    source: std::io::Error::new(std::io::ErrorKind::InvalidData, e),
                })?
            }
            _ => HashMap::new(),
        };
        let client = oxhttp::Client::new()
            .with_global_timeout(options.timeout)
            .with_user_agent(concat!(
                "newsgraph/",
                env!("CARGO_PKG_VERSION"),
                " (entity linking; +https://w3id.org/newsgraph)"
            ))
            .map_err(|e| LinkError::Endpoint { url: options.url.clone(), message: e.to_string() })?;
        Ok(Self {
            options,
            client,
            requests: AtomicUsize::new(0),
            down: AtomicBool::new(false),
            failure: Mutex::new(None),
            cache: Mutex::new(cache),
            dirty: AtomicBool::new(false),
            countries: country_codes(),
        })
    }

    /// Requests made so far (cache hits not counted).
    pub fn requests(&self) -> usize {
        self.requests.load(Ordering::Relaxed)
    }

    /// The first failure, if a request failed or the budget ran out.
    pub fn failure(&self) -> Option<String> {
        self.failure.lock().ok().and_then(|f| f.clone())
    }

    /// Writes the cache (whole or not at all), if anything new was learnt.
    pub fn save(&self) -> Result<(), LinkError> {
        let Some(path) = &self.options.cache else { return Ok(()) };
        if !self.dirty.load(Ordering::Relaxed) {
            return Ok(());
        }
        let io = |source| LinkError::Cache { path: path.clone(), source };
        let text = {
            let cache = self.cache.lock().map_err(|_| io(std::io::Error::other("cache lock poisoned")))?;
            serde_json::to_string(&*cache).map_err(|e| io(std::io::Error::other(e)))?
        };
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            fs::create_dir_all(dir).map_err(io)?;
        }
        let tmp = path.with_extension(format!("tmp.{}", std::process::id()));
        fs::write(&tmp, text).map_err(io)?;
        fs::rename(&tmp, path).map_err(io)
    }

    fn fail(&self, message: String) {
        self.down.store(true, Ordering::Relaxed);
        if let Ok(mut f) = self.failure.lock() {
            f.get_or_insert(message);
        }
    }

    /// The SPARQL query for one name.
    pub fn query(name: &str) -> String {
        let mut lit = String::with_capacity(name.len() + 2);
        for c in name.chars() {
            match c {
                '"' => lit.push_str("\\\""),
                '\\' => lit.push_str("\\\\"),
                '\n' | '\r' => lit.push(' '),
                c => lit.push(c),
            }
        }
        format!(
            "SELECT DISTINCT ?item ?type ?country WHERE {{\n\
             {{ ?item <http://www.w3.org/2000/01/rdf-schema#label> \"{lit}\"@en }}\n\
             UNION {{ ?item <http://www.w3.org/2004/02/skos/core#altLabel> \"{lit}\"@en }}\n\
             OPTIONAL {{ ?item <http://www.wikidata.org/prop/direct/P31>|<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> ?type }}\n\
             OPTIONAL {{ ?item <http://www.wikidata.org/prop/direct/P17>|<http://www.wikidata.org/prop/direct/P27> ?country }}\n\
             }} LIMIT 200"
        )
    }

    /// Asks the endpoint about one name.
    fn ask(&self, name: &str) -> Result<Vec<Item>, String> {
        let url = format!(
            "{}{}query={}",
            self.options.url,
            if self.options.url.contains('?') { '&' } else { '?' },
            form_urlencoded::byte_serialize(Self::query(name).as_bytes()).collect::<String>()
        );
        let request = oxhttp::model::Request::get(url)
            .header(oxhttp::model::header::ACCEPT, "application/sparql-results+json")
            .body(oxhttp::model::Body::empty())
            .map_err(|e| e.to_string())?;
        let response = self.client.request(request).map_err(|e| e.to_string())?;
        if !response.status().is_success() {
            return Err(format!("HTTP {}", response.status()));
        }
        let mut body = String::new();
        std::io::Read::read_to_string(&mut response.into_body(), &mut body).map_err(|e| e.to_string())?;
        let json: serde_json::Value =
            serde_json::from_str(&body).map_err(|e| format!("not SPARQL JSON results: {e}"))?;
        let rows = json.pointer("/results/bindings").and_then(|b| b.as_array()).ok_or("no results.bindings")?;
        let mut items: Vec<(String, Item)> = Vec::new();
        for row in rows {
            let value = |v: &str| row.pointer(&format!("/{v}/value")).and_then(|x| x.as_str());
            let Some(iri) = value("item") else { continue };
            let (wikidata, geonames, dbpedia) = ids_of(iri);
            if wikidata.is_none() && geonames.is_none() && dbpedia.is_none() {
                continue;
            }
            let pos = match items.iter().position(|(i, _)| i == iri) {
                Some(p) => p,
                None => {
                    let item = Item { wikidata, geonames, dbpedia, kind: None, country: None };
                    items.push((iri.to_owned(), item));
                    items.len() - 1
                }
            };
            let item = &mut items[pos].1;
            if let Some(k) = value("type").and_then(kind_of_class).filter(|k| *k != Kind::Unknown) {
                if item.kind.as_deref() != Some("Person") {
                    item.kind = Some(format!("{k:?}"));
                }
            }
            if let Some(q) = value("country").and_then(|c| c.strip_prefix("http://www.wikidata.org/entity/")) {
                item.country = self.countries.get(q).cloned().or(item.country.take());
            }
        }
        Ok(items.into_iter().map(|(_, i)| i).collect())
    }

    fn items(&self, name: &str) -> Vec<Item> {
        let key = format!("{} {}", self.options.url, gazetteer::key(name));
        if let Some(hit) = self.cache.lock().ok().and_then(|c| c.get(&key).cloned()) {
            return hit;
        }
        if self.down.load(Ordering::Relaxed) {
            return Vec::new();
        }
        if self.requests.fetch_add(1, Ordering::Relaxed) >= self.options.budget {
            self.fail(format!("the budget of {} requests was used up", self.options.budget));
            return Vec::new();
        }
        match self.ask(name) {
            Ok(items) => {
                if let Ok(mut c) = self.cache.lock() {
                    c.insert(key, items.clone());
                    self.dirty.store(true, Ordering::Relaxed);
                }
                items
            }
            Err(e) => {
                self.fail(format!("asking about {name:?}: {e}"));
                Vec::new()
            }
        }
    }
}

fn kind_named(name: Option<&str>) -> Kind {
    match name {
        Some("Person") => Kind::Person,
        Some("Org") => Kind::Org,
        Some("Country") => Kind::Country,
        Some("Region") => Kind::Region,
        Some("City") => Kind::City,
        Some("Place") => Kind::Place,
        _ => Kind::Unknown,
    }
}

impl KnowledgeBase for EndpointKb {
    fn method(&self) -> &str {
        "endpoint"
    }

    /// Exact names only: a bare surname is too ambiguous to ask about.
    fn candidates(&self, name: &str, _surname: bool) -> Vec<Candidate> {
        if name.chars().count() < 2 {
            return Vec::new();
        }
        self.items(name)
            .into_iter()
            .map(|i| Candidate {
                label: name.to_owned(),
                kind: kind_named(i.kind.as_deref()),
                wikidata: i.wikidata,
                geonames: i.geonames,
                dbpedia: i.dbpedia,
                country: i.country,
                admin1: None,
                population: 0,
                matched: Match::Exact,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_escaped_in_queries() {
        let q = EndpointKb::query("Say \"hi\"\\");
        assert!(q.contains(r#""Say \"hi\"\\"@en"#), "{q}");
    }

    #[test]
    fn bad_urls_are_refused() {
        let opts = EndpointOptions { url: "ftp://x".into(), timeout: Duration::from_secs(1), budget: 1, cache: None };
        assert!(matches!(EndpointKb::new(opts), Err(LinkError::Url { .. })));
    }

    #[test]
    fn a_dead_endpoint_is_asked_once_and_reported() -> Result<(), LinkError> {
        // a port nothing listens on: connection refused at once
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .map_err(|source| LinkError::Read { path: "127.0.0.1".into(), source })?;
        let url = format!(
            "http://{}/sparql",
            port.local_addr().map_err(|source| LinkError::Read { path: "addr".into(), source })?
        );
        drop(port);
        let kb = EndpointKb::new(EndpointOptions { url, timeout: Duration::from_secs(2), budget: 10, cache: None })?;
        assert!(kb.candidates("Paris", false).is_empty());
        assert!(kb.candidates("London", false).is_empty());
        assert_eq!(kb.requests(), 1);
        assert!(kb.failure().is_some_and(|f| f.contains("Paris")));
        Ok(())
    }
}
