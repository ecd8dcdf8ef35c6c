//! Sending article graphs to a remote SPARQL store over HTTP or HTTPS.
//!
//! Two protocols, both spoken by oxigraph's server, Virtuoso, QLever,
//! GraphDB, Fuseki and Amazon Neptune:
//! - [`Protocol::GraphStore`]: the SPARQL 1.1 Graph Store HTTP Protocol, one
//!   `PUT {url}?graph={article}` per article graph, its triples as N-Triples;
//! - [`Protocol::Update`]: the SPARQL 1.1 Protocol for updates, one `POST` of
//!   `DROP SILENT GRAPH <g> ; INSERT DATA { GRAPH <g> { … } }` for several
//!   graphs at a time (up to a number of triples per request).
//!
//! Both replace each graph whole, so sending the same graphs twice leaves the
//! remote store as the first time did: a push that stopped half-way is simply
//! run again. Requests that fail for reasons that may pass (no connection, a
//! 5xx answer, 408, 429) are retried with exponential backoff (honouring
//! `Retry-After`); other answers (400, 401, 403, 404, 413, …) fail at once
//! with the server's own message.
//!
//! # Rationale
//! The client is `oxhttp`, oxigraph's own HTTP/1.1 library: oxigraph already
//! uses it for `SERVICE`, so it adds no second HTTP stack; it is blocking, which
//! suits a command that sends one request after the other; and its rustls
//! backend checks certificates against the system's trust store, so HTTPS
//! endpoints behind a company certificate authority work as they do in a browser.

use std::io::Read;
use std::thread;
use std::time::Duration;

use oxhttp::model::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE, RETRY_AFTER};
use oxhttp::model::{Body, HeaderValue, Method, Request, Response, StatusCode, Uri};
use oxhttp::Client;
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{GraphNameRef, NamedNode, NamedNodeRef, Quad, Triple};

use crate::error::StoreError;
use crate::store::Store;

/// How graphs are sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Protocol {
    /// SPARQL 1.1 Graph Store HTTP Protocol: `PUT` per named graph.
    GraphStore,
    /// SPARQL 1.1 Update: `DROP SILENT GRAPH` + `INSERT DATA`, several graphs a request.
    Update,
}

/// Why sending to a remote store failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PushError {
    /// The URL is not one to send to.
    #[error("{url:?} is not a URL to send to: {message}")]
    Url {
        /// The URL as given.
        url: String,
        /// What is wrong.
        message: String,
    },
    /// A token or password cannot go in an HTTP header.
    #[error("the credentials cannot be sent in an HTTP header: {message}")]
    Credentials {
        /// What is wrong.
        message: String,
    },
    /// No answer, even after retrying.
    #[error("no answer from {url} after {attempts} attempt{}", if *.attempts == 1 { "" } else { "s" })]
    Unreachable {
        /// The URL.
        url: String,
        /// How many requests were tried.
        attempts: u32,
        /// The last failure.
        #[source]
        source: std::io::Error,
    },
    /// The server answered with an error status.
    #[error("{url} refused {what} with HTTP {status}: {message}")]
    Refused {
        /// The URL.
        url: String,
        /// What was sent ("graph <…>", "3 graphs").
        what: String,
        /// The HTTP status code.
        status: u16,
        /// The server's message (the start of its answer).
        message: String,
    },
    /// The local store could not be read.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl PushError {
    /// The HTTP status of a refusal, if the server answered.
    pub fn status(&self) -> Option<u16> {
        match self {
            Self::Refused { status, .. } => Some(*status),
            _ => None,
        }
    }
}

/// A remote SPARQL store: an endpoint URL, a protocol, credentials and a retry policy.
pub struct Remote {
    url: String,
    protocol: Protocol,
    authorization: Option<HeaderValue>,
    client: Client,
    retries: u32,
    backoff: Duration,
}

fn client(timeout: Duration) -> Client {
    Client::new()
        .with_global_timeout(timeout)
        .with_user_agent(concat!("newsgraph/", env!("CARGO_PKG_VERSION")))
        .expect("the user agent is a valid header value")
}

impl Remote {
    /// A remote endpoint: the Graph Store endpoint (`…/store`,
    /// `…/sparql-graph-crud`, …) for [`Protocol::GraphStore`], the SPARQL
    /// Update endpoint (`…/update`, `…/sparql`, …) for [`Protocol::Update`].
    pub fn new(url: &str, protocol: Protocol) -> Result<Self, PushError> {
        let bad = |message: &str| PushError::Url { url: url.to_owned(), message: message.to_owned() };
        let uri: Uri = url.parse().map_err(|e: oxhttp::model::uri::InvalidUri| bad(&e.to_string()))?;
        if !matches!(uri.scheme_str(), Some("http" | "https")) {
            return Err(bad("give an http:// or https:// URL"));
        }
        if uri.host().is_none_or(str::is_empty) {
            return Err(bad("the URL names no host"));
        }
        Ok(Self {
            url: url.to_owned(),
            protocol,
            authorization: None,
            client: client(Duration::from_secs(60)),
            retries: 4,
            backoff: Duration::from_millis(250),
        })
    }

    /// Sends `Authorization: Bearer {token}` with every request.
    pub fn with_token(mut self, token: &str) -> Result<Self, PushError> {
        self.authorization = Some(header(&format!("Bearer {}", token.trim()))?);
        Ok(self)
    }

    /// Sends HTTP basic credentials with every request (use HTTPS).
    pub fn with_basic_auth(mut self, user: &str, password: &str) -> Result<Self, PushError> {
        self.authorization = Some(header(&format!("Basic {}", base64(format!("{user}:{password}").as_bytes())))?);
        Ok(self)
    }

    /// How many times a request that may succeed later is tried again (default 4).
    pub fn with_retries(mut self, retries: u32) -> Self {
        self.retries = retries;
        self
    }

    /// The wait before the first retry; each next wait doubles (default 250 ms).
    pub fn with_backoff(mut self, first: Duration) -> Self {
        self.backoff = first;
        self
    }

    /// The time limit of one request: connecting, sending and reading (default 60 s).
    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        self.client = client(timeout);
        self
    }

    /// The endpoint URL.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The protocol.
    pub fn protocol(&self) -> Protocol {
        self.protocol
    }

    /// Replaces each graph on the remote store with its quads (their graph
    /// names are ignored: each goes to the graph it is listed with). Returns
    /// the number of requests that succeeded.
    pub fn replace(&self, graphs: &[(NamedNode, Vec<Quad>)]) -> Result<usize, PushError> {
        match self.protocol {
            Protocol::GraphStore => {
                for (graph, quads) in graphs {
                    self.put_graph(graph.as_ref(), quads)?;
                }
                Ok(graphs.len())
            }
            Protocol::Update => {
                if graphs.is_empty() {
                    return Ok(0);
                }
                let what = match graphs {
                    [(g, _)] => format!("the update of graph {g}"),
                    _ => format!(
                        "the update of {} graphs (from {} to {})",
                        graphs.len(),
                        graphs[0].0,
                        graphs[graphs.len() - 1].0
                    ),
                };
                let body = replace_update(graphs);
                self.send(&what, || {
                    self.request(Method::POST, &self.url)
                        .header(CONTENT_TYPE, "application/sparql-update; charset=utf-8")
                        .body(Body::from(body.clone()))
                })?;
                Ok(1)
            }
        }
    }

    fn put_graph(&self, graph: NamedNodeRef<'_>, quads: &[Quad]) -> Result<(), PushError> {
        let mut ser = RdfSerializer::from_format(RdfFormat::NTriples).for_writer(Vec::new());
        for q in quads {
            ser.serialize_triple(&Triple::from(q.clone())).expect("N-Triples are written to memory");
        }
        let body = ser.finish().expect("N-Triples are written to memory");
        let sep = if self.url.contains('?') { '&' } else { '?' };
        let target = format!(
            "{}{sep}graph={}",
            self.url,
            form_urlencoded::byte_serialize(graph.as_str().as_bytes()).collect::<String>()
        );
        self.send(&format!("graph {graph}"), || {
            self.request(Method::PUT, &target)
                .header(CONTENT_TYPE, "application/n-triples")
                .body(Body::from(body.clone()))
        })
    }

    fn request(&self, method: Method, url: &str) -> oxhttp::model::request::Builder {
        let mut b = Request::builder().method(method).uri(url).header(ACCEPT, "*/*");
        if let Some(auth) = &self.authorization {
            b = b.header(AUTHORIZATION, auth.clone());
        }
        b
    }

    /// Sends a request built by `build` (again for each retry) until it succeeds,
    /// fails for good, or the retries are used up.
    fn send(
        &self,
        what: &str,
        build: impl Fn() -> Result<Request<Body>, oxhttp::model::Error>,
    ) -> Result<(), PushError> {
        let mut attempt = 0;
        loop {
            attempt += 1;
            let request = build().map_err(|e| PushError::Url { url: self.url.clone(), message: e.to_string() })?;
            let wait = match self.client.request(request) {
                Ok(response) if response.status().is_success() => {
                    let _ = response.into_body().to_vec();
                    return Ok(());
                }
                Ok(response) => {
                    let status = response.status();
                    let retry_after = response
                        .headers()
                        .get(RETRY_AFTER)
                        .and_then(|v| v.to_str().ok()?.trim().parse::<u64>().ok())
                        .map(Duration::from_secs);
                    let transient = status.is_server_error()
                        || status == StatusCode::REQUEST_TIMEOUT
                        || status == StatusCode::TOO_MANY_REQUESTS;
                    if !transient || attempt > self.retries {
                        return Err(PushError::Refused {
                            url: self.url.clone(),
                            what: what.to_owned(),
                            status: status.as_u16(),
                            message: message(response),
                        });
                    }
                    retry_after
                }
                Err(e) => {
                    // a malformed request (bad port, no host) will not get better
                    if e.kind() == std::io::ErrorKind::InvalidInput || attempt > self.retries {
                        return Err(PushError::Unreachable { url: self.url.clone(), attempts: attempt, source: e });
                    }
                    None
                }
            };
            let backoff = self.backoff.saturating_mul(1 << (attempt - 1).min(16));
            thread::sleep(wait.unwrap_or(backoff).min(Duration::from_secs(30)));
        }
    }
}

/// The first 2,000 characters of an error answer, on one line.
fn message(response: Response<Body>) -> String {
    let mut bytes = Vec::new();
    let _ = response.into_body().take(8192).read_to_end(&mut bytes);
    let text = String::from_utf8_lossy(&bytes);
    let text: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut short: String = text.chars().take(2000).collect();
    if short.len() < text.len() {
        short.push('…');
    }
    if short.is_empty() {
        short = "(no message)".into();
    }
    short
}

fn header(value: &str) -> Result<HeaderValue, PushError> {
    HeaderValue::from_str(value).map_err(|e| PushError::Credentials { message: e.to_string() })
}

/// Standard base64 with padding (RFC 4648), for HTTP basic credentials.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = (u32::from(chunk[0]) << 16)
            | (u32::from(chunk.get(1).copied().unwrap_or(0)) << 8)
            | u32::from(chunk.get(2).copied().unwrap_or(0));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// A SPARQL update that replaces each graph with its quads:
/// `DROP SILENT GRAPH <g> ; INSERT DATA { GRAPH <g> { … } }` for each.
pub fn replace_update(graphs: &[(NamedNode, Vec<Quad>)]) -> String {
    let mut out = String::new();
    for (i, (graph, quads)) in graphs.iter().enumerate() {
        if i > 0 {
            out.push_str(" ;\n");
        }
        out.push_str(&format!("DROP SILENT GRAPH {graph} ;\nINSERT DATA {{ GRAPH {graph} {{\n"));
        for q in quads {
            // N-Triples terms are SPARQL terms
            out.push_str(&format!("{} {} {} .\n", q.subject, q.predicate, q.object));
        }
        out.push_str("} }");
    }
    out.push('\n');
    out
}

/// What a push sent.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct PushReport {
    /// Graphs sent.
    pub graphs: usize,
    /// Triples sent.
    pub triples: usize,
    /// Requests that succeeded.
    pub requests: usize,
}

/// The quads of one named graph of the store.
pub fn graph_quads(store: &Store, graph: NamedNodeRef<'_>) -> Result<Vec<Quad>, StoreError> {
    store
        .inner()
        .quads_for_pattern(None, None, None, Some(GraphNameRef::NamedNode(graph)))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|source| StoreError::Storage { path: store.location().to_owned(), source })
}

/// Sends every named graph of the store (one per article) to the remote
/// store, replacing the graphs of the same names there; `batch` bounds the
/// triples of one update request (a bigger graph goes alone). Stops at the
/// first failure; `progress` sees the report after each request.
pub fn push(
    store: &Store,
    remote: &Remote,
    batch: usize,
    mut progress: impl FnMut(&PushReport),
) -> Result<PushReport, PushError> {
    let mut report = PushReport::default();
    let mut pending: Vec<(NamedNode, Vec<Quad>)> = Vec::new();
    let mut pending_triples = 0;
    let mut flush = |pending: &mut Vec<(NamedNode, Vec<Quad>)>, report: &mut PushReport| {
        let triples: usize = pending.iter().map(|(_, q)| q.len()).sum();
        report.requests += remote.replace(pending)?;
        report.graphs += pending.len();
        report.triples += triples;
        pending.clear();
        progress(report);
        Ok::<_, PushError>(())
    };
    for graph in store.graphs()? {
        let quads = graph_quads(store, graph.as_ref())?;
        if remote.protocol() == Protocol::Update && !pending.is_empty() && pending_triples + quads.len() > batch {
            flush(&mut pending, &mut report)?;
            pending_triples = 0;
        }
        pending_triples += quads.len();
        pending.push((graph, quads));
        if remote.protocol() == Protocol::GraphStore {
            flush(&mut pending, &mut report)?;
            pending_triples = 0;
        }
    }
    if !pending.is_empty() {
        flush(&mut pending, &mut report)?;
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::{GraphName, Literal};
    use oxigraph::sparql::SparqlEvaluator;

    fn quad(g: &NamedNode, o: Literal) -> Quad {
        let s = NamedNode::new_unchecked("https://example.com/s");
        Quad::new(s.clone(), s, o, GraphName::NamedNode(g.clone()))
    }

    #[test]
    fn base64_matches_rfc_4648() {
        for (input, expected) in [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foobar", "Zm9vYmFy")] {
            assert_eq!(base64(input.as_bytes()), expected, "base64 of {input:?}");
        }
    }

    #[test]
    fn urls_must_be_http() {
        assert!(Remote::new("ftp://example.com/store", Protocol::GraphStore).is_err());
        assert!(Remote::new("not a url", Protocol::GraphStore).is_err());
        assert!(Remote::new("https://example.com/sparql", Protocol::Update).is_ok());
    }

    /// The update text, run twice on a store, leaves exactly the graphs' quads,
    /// literals with quotes, new lines and non-ASCII text included.
    #[test]
    fn replace_update_is_idempotent() -> Result<(), Box<dyn std::error::Error>> {
        let g = NamedNode::new("https://example.com/article/a")?;
        let h = NamedNode::new("https://example.com/article/b")?;
        let graphs = vec![
            (g.clone(), vec![quad(&g, Literal::new_simple_literal("say \"hi\"\nthen — “go” \\ €"))]),
            (h.clone(), vec![quad(&h, Literal::new_language_tagged_literal("été", "fr")?)]),
        ];
        let text = replace_update(&graphs);
        let store = oxigraph::store::Store::new()?;
        store.insert(&quad(&g, Literal::new_simple_literal("old")))?;
        for _ in 0..2 {
            SparqlEvaluator::new().parse_update(&text)?.on_store(&store).execute()?;
        }
        let mut got: Vec<Quad> = store.iter().collect::<Result<_, _>>()?;
        got.sort_by_key(|q| q.to_string());
        let mut expected: Vec<Quad> = graphs.into_iter().flat_map(|(_, q)| q).collect();
        expected.sort_by_key(|q| q.to_string());
        assert_eq!(got, expected, "update text:\n{text}");
        Ok(())
    }
}
