//! `serve`: the store over HTTP.
//!
//! - `/query`: the SPARQL 1.1 Protocol for queries — `GET ?query=…`, `POST`
//!   URL-encoded (`query=…`) or direct (`application/sparql-query`), with
//!   `default-graph-uri` and `named-graph-uri`. Without them, the default graph
//!   is the union of the article graphs, as for `newsgraph query`.
//! - `/update`: the SPARQL 1.1 Protocol for updates — `POST` URL-encoded
//!   (`update=…`) or direct (`application/sparql-update`). The `WHERE` of an
//!   update without `USING` also sees the union of the graphs.
//! - `/store`: the SPARQL 1.1 Graph Store HTTP Protocol — `GET`, `HEAD`,
//!   `PUT`, `POST` and `DELETE` with `?graph=IRI` or `?default`; `GET /store`
//!   alone is the whole dataset (N-Quads, TriG or JSON-LD).
//! - `/queries`: the bundled queries as JSON; `/queries/NAME?VAR=VALUE` runs one.
//! - `/`: the explorer page ([`explorer`]), with an "Advanced" tab to run a query
//!   or a bundled one and see the results as a table; its files under `/assets/`.
//! - `/api/…`: the explorer's read-only JSON API ([`api`]).
//!
//! Results are SPARQL JSON, XML, CSV or TSV, graphs Turtle, N-Triples,
//! RDF/XML, JSON-LD, N-Quads, TriG or N3, as the `Accept` header asks
//! ([`negotiate`]). Every answer carries `Access-Control-Allow-Origin: *` and
//! `OPTIONS` answers CORS preflights.
//!
//! Safe by default ([`ServeOptions`]): read-only unless an update token is set,
//! which clients send as `Authorization: Bearer TOKEN`; each query or update is
//! cancelled after a time limit; results, request bodies and connections are
//! bounded; `SERVICE` and `LOAD` reach no other host unless allowed.
//!
//! | status | when |
//! |---|---|
//! | 400 | malformed query, update, parameter, RDF or header (the message says where) |
//! | 401 / 403 | update without the token / with a wrong one, or on a read-only server (403) |
//! | 404, 405 | unknown path or graph; method not allowed on that path |
//! | 406, 415 | no acceptable result format; unknown request `Content-Type` |
//! | 413 | request body over the limit |
//! | 422 | more result rows than the limit |
//! | 503 | the query or update ran past the time limit (it was cancelled) |
//!
//! # Rationale
//! - The HTTP layer is `oxhttp`, the library oxigraph's own server is built on:
//!   a thread per connection with a bound on their number, and no async runtime
//!   in a crate whose work (RocksDB reads, SPARQL evaluation) blocks anyway.
//! - Query results are written to memory before the first byte is sent, up to
//!   the row limit: a timeout or an error half-way then gets a status and a
//!   message instead of a cut-off `200`, and memory stays bounded. Graph Store
//!   downloads are plain scans and are streamed.
//! - Timeouts cancel the evaluation with oxigraph's `CancellationToken`, which
//!   evaluation checks at each read from the store.

pub mod api;
pub mod explorer;
pub mod negotiate;
mod stream;

use std::io::Read;
use std::net::{SocketAddr, ToSocketAddrs};
use std::sync::{mpsc, Arc};
use std::thread;
use std::time::Duration;

use oxhttp::model::header::{
    ACCEPT, ACCESS_CONTROL_ALLOW_HEADERS, ACCESS_CONTROL_ALLOW_METHODS, ACCESS_CONTROL_ALLOW_ORIGIN,
    ACCESS_CONTROL_MAX_AGE, ALLOW, AUTHORIZATION, CONTENT_TYPE, VARY, WWW_AUTHENTICATE, X_CONTENT_TYPE_OPTIONS,
};
use oxhttp::model::{Body, HeaderName, HeaderValue, Method, Request, Response, StatusCode};
use oxhttp::{ListeningServer, Server};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{GraphName, GraphNameRef, NamedNode, NamedOrBlankNode, Quad};
use oxigraph::sparql::results::QueryResultsSerializer;
use oxigraph::sparql::{CancellationToken, QueryEvaluationError, QueryResults, SparqlEvaluator, UpdateEvaluationError};
use spargebra::GraphUpdateOperation;

use crate::error::QueryError;
use crate::query::{self, RunOptions, PREFIXES};
use crate::store::Store;
use negotiate::Refusal;

/// What the server allows.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// Accept updates from clients that send this token (`None`: read-only).
    pub update_token: Option<String>,
    /// Cancel a query or update after this long.
    pub timeout: Duration,
    /// Refuse results of more rows (solutions, or triples of a graph result).
    pub max_rows: usize,
    /// Refuse request bodies of more bytes.
    pub max_body: u64,
    /// Let `SERVICE` query other endpoints and `LOAD` fetch URLs.
    pub allow_service: bool,
    /// At most this many connections are served at once (others wait).
    pub max_connections: usize,
}

impl Default for ServeOptions {
    fn default() -> Self {
        Self {
            update_token: None,
            timeout: Duration::from_secs(30),
            max_rows: 100_000,
            max_body: 16 * 1024 * 1024,
            allow_service: false,
            max_connections: 64,
        }
    }
}

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ServeError {
    /// The address is not `HOST:PORT`.
    #[error("{addr:?} is not an address to listen on (give HOST:PORT, e.g. 127.0.0.1:7878)")]
    Address {
        /// The address as given.
        addr: String,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// Listening failed (port taken, no permission).
    #[error("cannot listen on {addr}")]
    Listen {
        /// The address.
        addr: String,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
}

/// The socket addresses of `HOST:PORT`.
pub fn addresses(bind: &str) -> Result<Vec<SocketAddr>, ServeError> {
    let addrs: Vec<SocketAddr> =
        bind.to_socket_addrs().map_err(|source| ServeError::Address { addr: bind.to_owned(), source })?.collect();
    if addrs.is_empty() {
        return Err(ServeError::Address {
            addr: bind.to_owned(),
            source: std::io::Error::new(std::io::ErrorKind::NotFound, "the name has no address"),
        });
    }
    Ok(addrs)
}

/// An HTTP error: status, message, extra headers.
#[derive(Debug)]
struct HttpError {
    status: StatusCode,
    message: String,
    headers: Vec<(HeaderName, HeaderValue)>,
}

type HttpResult = Result<Response<Body>, HttpError>;

fn error(status: StatusCode, message: impl Into<String>) -> HttpError {
    HttpError { status, message: message.into(), headers: Vec::new() }
}

fn bad_request(message: impl Into<String>) -> HttpError {
    error(StatusCode::BAD_REQUEST, message)
}

fn refusal(r: Refusal) -> HttpError {
    match r {
        Refusal::Malformed(m) => bad_request(m),
        Refusal::NotAcceptable(m) => error(StatusCode::NOT_ACCEPTABLE, m),
    }
}

fn internal(message: impl std::fmt::Display) -> HttpError {
    eprintln!("newsgraph serve: internal error: {message}");
    error(StatusCode::INTERNAL_SERVER_ERROR, message.to_string())
}

fn ok(content_type: &str, body: impl Into<Body>) -> Response<Body> {
    let mut r = Response::new(body.into());
    if let Ok(v) = HeaderValue::from_str(content_type) {
        r.headers_mut().insert(CONTENT_TYPE, v);
    }
    r
}

fn status(status: StatusCode) -> Response<Body> {
    let mut r = Response::new(Body::empty());
    *r.status_mut() = status;
    r
}

/// Cancels a token after a delay unless dropped first.
struct Watchdog {
    _done: mpsc::Sender<()>,
}

fn watchdog(timeout: Duration) -> (CancellationToken, Watchdog) {
    let token = CancellationToken::new();
    let (tx, rx) = mpsc::channel::<()>();
    let t = token.clone();
    let spawned = thread::Builder::new().name("newsgraph query timeout".into()).spawn(move || {
        if rx.recv_timeout(timeout) == Err(mpsc::RecvTimeoutError::Timeout) {
            t.cancel();
        }
    });
    if let Err(e) = spawned {
        // no timer thread: cancel at once rather than run without a limit
        eprintln!("newsgraph serve: cannot start a timeout thread ({e}); the request is refused");
        token.cancel();
    }
    (token, Watchdog { _done: tx })
}

/// Which graph a Graph Store request is about.
#[derive(Debug, Clone, PartialEq)]
enum Target {
    /// `?default`
    Default,
    /// `?graph=IRI`
    Named(NamedNode),
    /// neither: the whole dataset
    All,
}

impl Target {
    fn graph_name(&self) -> GraphName {
        match self {
            Self::Named(n) => GraphName::NamedNode(n.clone()),
            _ => GraphName::DefaultGraph,
        }
    }
}

/// The SPARQL endpoint over one store; [`Endpoint::handle`] answers one request.
pub struct Endpoint {
    store: Store,
    options: ServeOptions,
}

impl Endpoint {
    /// An endpoint serving `store`.
    pub fn new(store: Store, options: ServeOptions) -> Self {
        Self { store, options }
    }

    /// The store served.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Starts listening on `addrs` (one thread per connection, bounded); the
    /// server runs until the process ends.
    pub fn listen(self, addrs: &[SocketAddr]) -> Result<ListeningServer, ServeError> {
        // fail early, with the address, if a port is taken
        for a in addrs {
            std::net::TcpListener::bind(a).map_err(|source| ServeError::Listen { addr: a.to_string(), source })?;
        }
        let socket_timeout = self.options.timeout.max(Duration::from_secs(30)) + Duration::from_secs(30);
        let max = self.options.max_connections;
        let this = Arc::new(self);
        let mut server = Server::new(move |request| this.handle(request))
            .with_global_timeout(socket_timeout)
            .with_max_concurrent_connections(max)
            .with_server_name(concat!("newsgraph/", env!("CARGO_PKG_VERSION")))
            .expect("the server name is a valid header value");
        for a in addrs {
            server = server.bind(*a);
        }
        let addr = addrs.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ");
        server.spawn().map_err(|source| ServeError::Listen { addr, source })
    }

    /// Answers one request (CORS headers included).
    pub fn handle(&self, request: &mut Request<Body>) -> Response<Body> {
        let mut response = if request.method() == Method::OPTIONS {
            preflight()
        } else {
            self.route(request).unwrap_or_else(|e| {
                let mut r = ok("text/plain; charset=utf-8", format!("{}\n", e.message));
                *r.status_mut() = e.status;
                for (k, v) in e.headers {
                    r.headers_mut().insert(k, v);
                }
                r
            })
        };
        let h = response.headers_mut();
        h.insert(ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
        h.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
        h.insert(VARY, HeaderValue::from_static("Accept"));
        response
    }

    fn route(&self, request: &mut Request<Body>) -> HttpResult {
        let path = request.uri().path().to_owned();
        let method = request.method().clone();
        let head = method == Method::HEAD;
        match (path.as_str(), method) {
            ("/", Method::GET | Method::HEAD) => Ok(explorer::page(head)),
            (p, Method::GET | Method::HEAD) if p.starts_with("/assets/") => explorer::asset(p, head),
            (p, _) if p.starts_with("/api/") => api::handle(self, request),
            ("/queries", Method::GET | Method::HEAD) => Ok(ok("application/json", bundled_json())),
            // browsers ask for it; there is none
            ("/favicon.ico", Method::GET | Method::HEAD) => Ok(status(StatusCode::NO_CONTENT)),
            (p, Method::GET | Method::POST) if p.starts_with("/queries/") => self.run_bundled(request),
            ("/query", Method::GET) => {
                let params = url_params(request);
                self.query(request, &params, None)
            }
            ("/query", Method::POST) => {
                let kind = content_type(request);
                let mut params = url_params(request);
                match kind.as_deref() {
                    Some("application/sparql-query") => {
                        let text = self.body_text(request)?;
                        self.query(request, &params, Some(text))
                    }
                    Some("application/x-www-form-urlencoded") => {
                        let body = self.body(request)?;
                        params.extend(form_urlencoded::parse(&body).into_owned());
                        self.query(request, &params, None)
                    }
                    _ => Err(unsupported(
                        kind.as_deref(),
                        "application/sparql-query or application/x-www-form-urlencoded",
                    )),
                }
            }
            ("/update", Method::POST) => {
                self.check_write(request)?;
                let kind = content_type(request);
                let mut params = url_params(request);
                match kind.as_deref() {
                    Some("application/sparql-update") => {
                        let text = self.body_text(request)?;
                        self.update(&params, Some(text))
                    }
                    Some("application/x-www-form-urlencoded") => {
                        let body = self.body(request)?;
                        params.extend(form_urlencoded::parse(&body).into_owned());
                        self.update(&params, None)
                    }
                    _ => Err(unsupported(
                        kind.as_deref(),
                        "application/sparql-update or application/x-www-form-urlencoded",
                    )),
                }
            }
            ("/store", Method::GET | Method::HEAD) => self.store_get(request, head),
            ("/store", Method::PUT | Method::POST) => {
                self.check_write(request)?;
                self.store_load(request)
            }
            ("/store", Method::DELETE) => {
                self.check_write(request)?;
                self.store_delete(request)
            }
            ("/query", _) => Err(not_allowed("GET, POST, OPTIONS")),
            ("/update", _) => Err(not_allowed("POST, OPTIONS")),
            ("/store", _) => Err(not_allowed("GET, HEAD, PUT, POST, DELETE, OPTIONS")),
            ("/" | "/queries", _) => Err(not_allowed("GET, HEAD, OPTIONS")),
            (p, _) => Err(error(
                StatusCode::NOT_FOUND,
                format!("nothing at {p}: the endpoints are /query, /update, /store, /queries, /api/ and the page at /"),
            )),
        }
    }

    /// 403 on a read-only server, 401 without the token, 403 with a wrong one.
    fn check_write(&self, request: &Request<Body>) -> Result<(), HttpError> {
        let Some(token) = &self.options.update_token else {
            return Err(error(
                StatusCode::FORBIDDEN,
                "this server is read-only: it refuses updates. Start it with `newsgraph serve --allow-update` \
                 and a token (NEWSGRAPH_TOKEN) to accept them from clients that send the token",
            ));
        };
        let given = request
            .headers()
            .get(AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().split_once(' '))
            .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
            .map(|(_, t)| t.trim());
        match given {
            None => Err(HttpError {
                status: StatusCode::UNAUTHORIZED,
                message: "updates need the server's token: send it as `Authorization: Bearer TOKEN` \
                          (newsgraph ingest/push: --token or NEWSGRAPH_TOKEN)"
                    .into(),
                headers: vec![(WWW_AUTHENTICATE, HeaderValue::from_static("Bearer realm=\"newsgraph\""))],
            }),
            Some(t) if same(t.as_bytes(), token.as_bytes()) => Ok(()),
            Some(_) => Err(error(StatusCode::FORBIDDEN, "the token sent is not this server's update token")),
        }
    }

    fn evaluator(&self, token: CancellationToken) -> SparqlEvaluator {
        let base = if self.options.allow_service {
            query::with_prefixes(SparqlEvaluator::new().with_http_timeout(self.options.timeout))
        } else {
            query::evaluator()
        };
        base.with_cancellation_token(token)
    }

    /// Reads the request body, refusing more than `max_body` bytes.
    fn body(&self, request: &mut Request<Body>) -> Result<Vec<u8>, HttpError> {
        let limit = self.options.max_body;
        let too_big = |size: String| {
            error(
                StatusCode::PAYLOAD_TOO_LARGE,
                format!("the request body is {size} bytes, over this server's limit of {limit} bytes (--max-body)"),
            )
        };
        if let Some(len) = request.body().len().filter(|l| *l > limit) {
            return Err(too_big(len.to_string()));
        }
        let mut buf = Vec::new();
        request
            .body_mut()
            .take(limit + 1)
            .read_to_end(&mut buf)
            .map_err(|e| bad_request(format!("cannot read the request body: {e}")))?;
        if buf.len() as u64 > limit {
            return Err(too_big(format!("more than {limit}")));
        }
        Ok(buf)
    }

    fn body_text(&self, request: &mut Request<Body>) -> Result<String, HttpError> {
        String::from_utf8(self.body(request)?).map_err(|e| {
            bad_request(format!("the request body is not UTF-8 (invalid byte at {})", e.utf8_error().valid_up_to()))
        })
    }

    fn query(&self, request: &Request<Body>, params: &[(String, String)], text: Option<String>) -> HttpResult {
        let mut texts: Vec<String> = params.iter().filter(|(k, _)| k == "query").map(|(_, v)| v.clone()).collect();
        texts.extend(text);
        let text = match texts.len() {
            1 => texts.remove(0),
            0 => {
                return Err(bad_request(
                    "give the query in the `query` parameter (GET /query?query=…, or POST a form) \
                     or as an application/sparql-query body",
                ))
            }
            _ => return Err(bad_request("give one query, not several")),
        };
        let (token, _watch) = watchdog(self.options.timeout);
        let mut prepared =
            self.evaluator(token.clone()).parse_query(&text).map_err(|e| syntax("query", &e.to_string()))?;
        let (default, named) = (graph_params(params, "default-graph-uri")?, graph_params(params, "named-graph-uri")?);
        if !default.is_empty() || !named.is_empty() {
            prepared.dataset_mut().set_default_graph(default.into_iter().map(GraphName::from).collect());
            prepared.dataset_mut().set_available_named_graphs(named.into_iter().map(NamedOrBlankNode::from).collect());
        } else if prepared.dataset().is_default_dataset() {
            prepared.dataset_mut().set_default_graph_as_union();
        }
        let results = prepared.on_store(self.store.inner()).execute().map_err(|e| self.evaluation(e))?;
        self.results(request, results, &token)
    }

    fn run_bundled(&self, request: &mut Request<Body>) -> HttpResult {
        let name = request.uri().path().trim_start_matches("/queries/").to_owned();
        let name = percent_decode(&name);
        let bundled = query::find(&name).map_err(|e| error(StatusCode::NOT_FOUND, e.to_string()))?;
        let mut params = url_params(request);
        if request.method() == Method::POST {
            let body = self.body(request)?;
            params.extend(form_urlencoded::parse(&body).into_owned());
        }
        let params: Vec<(String, String)> = params.into_iter().filter(|(_, v)| !v.is_empty()).collect();
        let (token, _watch) = watchdog(self.options.timeout);
        let options = RunOptions { cancel: Some(token.clone()) };
        let results = query::run(&self.store, bundled.name, bundled.text, &params, &options).map_err(|e| match e {
            QueryError::Evaluation { source, .. } => self.evaluation(source),
            other => bad_request(other.to_string()),
        })?;
        self.results(request, results, &token)
    }

    fn evaluation(&self, e: QueryEvaluationError) -> HttpError {
        match e {
            QueryEvaluationError::Cancelled => self.timed_out("query"),
            QueryEvaluationError::UnsupportedService(_) | QueryEvaluationError::Service(_)
                if !self.options.allow_service =>
            {
                error(
                    StatusCode::FORBIDDEN,
                    format!(
                        "{e}: SERVICE calls to other endpoints are off on this server (start it with --allow-service)"
                    ),
                )
            }
            other => internal(format!("the query failed: {other}")),
        }
    }

    fn timed_out(&self, what: &str) -> HttpError {
        error(
            StatusCode::SERVICE_UNAVAILABLE,
            format!(
                "the {what} ran longer than this server's limit of {} s (--timeout) and was stopped: \
                 narrow its patterns or add a LIMIT",
                self.options.timeout.as_secs_f32()
            ),
        )
    }

    /// Whether the `i`-th result row may still be sent: under the row limit, and not past the timeout.
    fn within_bounds(&self, i: usize, token: &CancellationToken) -> Result<(), HttpError> {
        if i >= self.options.max_rows {
            return Err(self.too_many());
        }
        if token.is_cancelled() {
            return Err(self.timed_out("query"));
        }
        Ok(())
    }

    fn too_many(&self) -> HttpError {
        error(
            StatusCode::UNPROCESSABLE_ENTITY,
            format!(
                "the result has more than {} rows, this server's limit (--max-rows): add a LIMIT (and OFFSET to page)",
                self.options.max_rows
            ),
        )
    }

    /// Writes results in the negotiated format, in memory, up to `max_rows` rows,
    /// checking between rows that the time is not up.
    fn results(&self, request: &Request<Body>, results: QueryResults<'_>, token: &CancellationToken) -> HttpResult {
        let accept = request.headers().get(ACCEPT).and_then(|v| v.to_str().ok());
        let eval = |e| self.evaluation(e);
        match results {
            QueryResults::Boolean(b) => {
                let format = negotiate::choose(accept, negotiate::RESULTS).map_err(refusal)?;
                let body = QueryResultsSerializer::from_format(format)
                    .serialize_boolean_to_writer(Vec::new(), b)
                    .map_err(internal)?;
                Ok(ok(format.media_type(), body))
            }
            QueryResults::Solutions(solutions) => {
                let format = negotiate::choose(accept, negotiate::RESULTS).map_err(refusal)?;
                let mut ser = QueryResultsSerializer::from_format(format)
                    .serialize_solutions_to_writer(Vec::new(), solutions.variables().to_vec())
                    .map_err(internal)?;
                for (i, s) in solutions.enumerate() {
                    self.within_bounds(i, token)?;
                    ser.serialize(&s.map_err(eval)?).map_err(internal)?;
                }
                Ok(ok(format.media_type(), ser.finish().map_err(internal)?))
            }
            QueryResults::Graph(triples) => {
                let format = negotiate::choose(accept, negotiate::GRAPH).map_err(refusal)?;
                let mut ser = query::rdf_serializer(format).for_writer(Vec::new());
                for (i, t) in triples.enumerate() {
                    self.within_bounds(i, token)?;
                    ser.serialize_triple(&t.map_err(eval)?).map_err(internal)?;
                }
                Ok(ok(format.media_type(), ser.finish().map_err(internal)?))
            }
        }
    }

    fn update(&self, params: &[(String, String)], text: Option<String>) -> HttpResult {
        let mut texts: Vec<String> = params.iter().filter(|(k, _)| k == "update").map(|(_, v)| v.clone()).collect();
        texts.extend(text);
        let text = match texts.len() {
            1 => texts.remove(0),
            0 => {
                return Err(bad_request(
                    "give the update in the `update` parameter of a form, or as an application/sparql-update body",
                ))
            }
            _ => return Err(bad_request("give one update, not several")),
        };
        let mut parser = spargebra::SparqlParser::new();
        for (p, iri) in PREFIXES {
            parser = parser.with_prefix(*p, *iri).expect("the bundled prefixes are valid IRIs");
        }
        let update = parser.parse_update(&text).map_err(|e| syntax("update", &e.to_string()))?;
        if !self.options.allow_service {
            if let Some(GraphUpdateOperation::Load { source, .. }) =
                update.operations.iter().find(|o| matches!(o, GraphUpdateOperation::Load { .. }))
            {
                return Err(error(
                    StatusCode::FORBIDDEN,
                    format!(
                        "LOAD {source} would fetch a URL: that is off on this server (start it with --allow-service)"
                    ),
                ));
            }
        }
        let (token, _watch) = watchdog(self.options.timeout);
        let cancelled = token.clone();
        let mut prepared = self.evaluator(token).for_update(update);
        let (default, named) =
            (graph_params(params, "using-graph-uri")?, graph_params(params, "using-named-graph-uri")?);
        for using in prepared.using_datasets_mut() {
            if !using.is_default_dataset() {
                continue;
            }
            if !default.is_empty() || !named.is_empty() {
                using.set_default_graph(default.iter().cloned().map(GraphName::from).collect());
                using.set_available_named_graphs(named.iter().cloned().map(NamedOrBlankNode::from).collect());
            } else {
                using.set_default_graph_as_union();
            }
        }
        match prepared.on_store(self.store.inner()).execute() {
            Ok(()) => Ok(status(StatusCode::NO_CONTENT)),
            Err(_) if cancelled.is_cancelled() => Err(self.timed_out("update")),
            Err(e @ (UpdateEvaluationError::GraphAlreadyExists(_) | UpdateEvaluationError::GraphDoesNotExist(_))) => {
                Err(bad_request(e.to_string()))
            }
            Err(
                e @ (UpdateEvaluationError::UnsupportedService(_)
                | UpdateEvaluationError::Service(_)
                | UpdateEvaluationError::UnsupportedContentType(_)
                | UpdateEvaluationError::GraphParsing(_)),
            ) => Err(bad_request(e.to_string())),
            Err(e) => Err(internal(format!("the update failed: {e}"))),
        }
    }

    fn target(request: &Request<Body>) -> Result<Target, HttpError> {
        let params = url_params(request);
        let graph = params.iter().find(|(k, _)| k == "graph").map(|(_, v)| v);
        let default = params.iter().any(|(k, _)| k == "default");
        match (graph, default) {
            (Some(_), true) => Err(bad_request("give ?graph=IRI or ?default, not both")),
            (Some(g), false) => NamedNode::new(g)
                .map(Target::Named)
                .map_err(|e| bad_request(format!("graph {g:?} is not an absolute IRI: {e}"))),
            (None, true) => Ok(Target::Default),
            (None, false) => Ok(Target::All),
        }
    }

    fn store_get(&self, request: &Request<Body>, head: bool) -> HttpResult {
        let target = Self::target(request)?;
        let accept = request.headers().get(ACCEPT).and_then(|v| v.to_str().ok());
        if let Target::Named(g) = &target {
            if !self.store.inner().contains_named_graph(g).map_err(internal)? {
                return Err(error(StatusCode::NOT_FOUND, format!("there is no graph {g} in this store")));
            }
        }
        let (format, graph) = match &target {
            Target::All => (negotiate::choose(accept, negotiate::DATASET).map_err(refusal)?, None),
            t => (negotiate::choose(accept, negotiate::GRAPH).map_err(refusal)?, Some(t.graph_name())),
        };
        if head {
            return Ok(ok(format.media_type(), Body::empty()));
        }
        let quads = self.store.inner().quads_for_pattern(None, None, None, graph.as_ref().map(GraphName::as_ref));
        Ok(ok(format.media_type(), stream::body(query::rdf_serializer(format), quads, graph.is_some())))
    }

    fn store_load(&self, request: &mut Request<Body>) -> HttpResult {
        let target = Self::target(request)?;
        let kind = content_type(request);
        let format = kind.as_deref().and_then(RdfFormat::from_media_type).ok_or_else(|| {
            unsupported(
                kind.as_deref(),
                "an RDF media type (text/turtle, application/n-triples, application/n-quads, …)",
            )
        })?;
        let replace = request.method() == Method::PUT;
        if target == Target::All && !format.supports_datasets() && !replace {
            return Err(bad_request(format!(
                "{} holds triples, not graphs: name the graph to add them to with ?graph=IRI",
                format.name()
            )));
        }
        let body = self.body(request)?;
        let mut parser = RdfParser::from_format(format);
        if let Target::Named(g) = &target {
            parser = parser.with_base_iri(g.as_str()).map_err(|e| bad_request(e.to_string()))?;
        }
        if target != Target::All {
            parser = parser.without_named_graphs().with_default_graph(target.graph_name());
        }
        let quads: Vec<Quad> = parser
            .for_slice(&body)
            .collect::<Result<_, _>>()
            .map_err(|e| bad_request(format!("the {} body is not valid: {e}", format.name())))?;
        let store = self.store.inner();
        let existed = match &target {
            Target::Named(g) => store.contains_named_graph(g).map_err(internal)?,
            _ => true,
        };
        let mut tx = store.start_transaction().map_err(internal)?;
        if replace {
            match &target {
                Target::All => tx.clear().map_err(internal)?,
                t => tx.clear_graph(t.graph_name().as_ref()).map_err(internal)?,
            }
        }
        if let Target::Named(g) = &target {
            tx.insert_named_graph(g);
        }
        tx.extend(&quads);
        tx.commit().map_err(internal)?;
        Ok(status(if existed { StatusCode::NO_CONTENT } else { StatusCode::CREATED }))
    }

    fn store_delete(&self, request: &Request<Body>) -> HttpResult {
        let store = self.store.inner();
        match Self::target(request)? {
            Target::Named(g) => {
                if !store.contains_named_graph(&g).map_err(internal)? {
                    return Err(error(StatusCode::NOT_FOUND, format!("there is no graph {g} in this store")));
                }
                store.remove_named_graph(&g).map_err(internal)?;
            }
            Target::Default => store.clear_graph(GraphNameRef::DefaultGraph).map_err(internal)?,
            Target::All => return Err(bad_request(
                "name the graph to delete with ?graph=IRI or ?default (to empty the store, send DROP ALL to /update)",
            )),
        }
        Ok(status(StatusCode::NO_CONTENT))
    }
}

/// Compares two byte strings in time that does not depend on where they differ.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

fn syntax(what: &str, message: &str) -> HttpError {
    bad_request(format!("the {what} is not valid SPARQL: {message}"))
}

fn unsupported(given: Option<&str>, wanted: &str) -> HttpError {
    error(
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        match given {
            Some(t) => format!("Content-Type {t} is not one this endpoint reads: send {wanted}"),
            None => format!("the request has no Content-Type: send {wanted}"),
        },
    )
}

fn not_allowed(allow: &'static str) -> HttpError {
    HttpError {
        status: StatusCode::METHOD_NOT_ALLOWED,
        message: format!("this path answers {allow}"),
        headers: vec![(ALLOW, HeaderValue::from_static(allow))],
    }
}

fn preflight() -> Response<Body> {
    let mut r = status(StatusCode::NO_CONTENT);
    let h = r.headers_mut();
    // oxhttp 0.3 does not send this one (it takes it for a request-only header), so browsers
    // fall back to GET, HEAD and POST for cross-origin pages: queries and updates work, and
    // Graph Store PUT/DELETE work from the same origin or outside browsers
    h.insert(ACCESS_CONTROL_ALLOW_METHODS, HeaderValue::from_static("GET, HEAD, POST, PUT, DELETE, OPTIONS"));
    h.insert(ACCESS_CONTROL_ALLOW_HEADERS, HeaderValue::from_static("Accept, Authorization, Content-Type"));
    h.insert(ACCESS_CONTROL_MAX_AGE, HeaderValue::from_static("86400"));
    r
}

/// The media type of the request body, lower case, without parameters.
fn content_type(request: &Request<Body>) -> Option<String> {
    let v = request.headers().get(CONTENT_TYPE)?.to_str().ok()?;
    Some(v.split(';').next().unwrap_or_default().trim().to_ascii_lowercase())
}

fn url_params(request: &Request<Body>) -> Vec<(String, String)> {
    form_urlencoded::parse(request.uri().query().unwrap_or_default().as_bytes()).into_owned().collect()
}

/// The graph IRIs given in the request parameters named `key` (`default-graph-uri`, …).
fn graph_params(params: &[(String, String)], key: &str) -> Result<Vec<NamedNode>, HttpError> {
    params
        .iter()
        .filter(|(k, _)| k == key)
        .map(|(_, v)| NamedNode::new(v).map_err(|e| bad_request(format!("{key} {v:?} is not an IRI: {e}"))))
        .collect()
}

fn percent_decode(s: &str) -> String {
    form_urlencoded::parse(format!("x={}", s.replace('+', "%2B")).as_bytes())
        .next()
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default()
}

/// The bundled queries as JSON: name, summary, params (name, description), text.
fn bundled_json() -> String {
    let list: Vec<serde_json::Value> = query::bundled()
        .into_iter()
        .map(|q| {
            serde_json::json!({
                "name": q.name,
                "summary": q.summary,
                "params": q.params.iter().map(|(k, d)| serde_json::json!({"name": k, "description": d})).collect::<Vec<_>>(),
                "text": q.text,
            })
        })
        .collect();
    serde_json::Value::Array(list).to_string()
}

#[cfg(test)]
mod tests;
