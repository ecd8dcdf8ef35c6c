//! Stage 8, `query`: SPARQL over the store, bundled queries, and result formats.
//!
//! Bundled queries are the `.rq` files of `queries/`, embedded at build time.
//! Each opens with a header the CLI shows in `query --list`:
//!
//! ```text
//! #+ summary: who met whom, when and where, with the sentence that says so
//! #+ param: name — part of a person's name (optional)
//! ```
//!
//! The default graph of every query is the union of the article graphs.
//! A `--param k=v` puts the value in place of the variable `?k` wherever it
//! occurs (subqueries too); a query reads an unbound parameter with
//! `COALESCE(?k, default)`.

use std::io::Write;
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{Literal, NamedNode, Term};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{CancellationToken, PreparedSparqlQuery, QueryResults, SparqlEvaluator};

use crate::error::{Error, QueryError};
use crate::rdf::vocab;
use crate::store::Store;

include!(concat!(env!("OUT_DIR"), "/queries.rs"));

/// A query shipped with newsgraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BundledQuery {
    /// Its name: the file name without `.rq` ("who-met-whom", "checks/…").
    pub name: &'static str,
    /// The SPARQL text.
    pub text: &'static str,
    /// The one-line summary from its `#+ summary:` header.
    pub summary: String,
    /// Parameters from its `#+ param:` headers: (variable, description).
    pub params: Vec<(String, String)>,
}

fn header(text: &str, key: &str) -> Vec<String> {
    text.lines()
        .take_while(|l| l.starts_with('#') || l.trim().is_empty())
        .filter_map(|l| l.strip_prefix("#+")?.trim().strip_prefix(key)?.strip_prefix(':').map(|v| v.trim().to_owned()))
        .collect()
}

/// Every bundled query, sorted by name.
pub fn bundled() -> Vec<BundledQuery> {
    BUNDLED
        .iter()
        .map(|(name, text)| BundledQuery {
            name,
            text,
            summary: header(text, "summary").into_iter().next().unwrap_or_default(),
            params: header(text, "param")
                .into_iter()
                .map(|p| match p.split_once(['—', '-']) {
                    Some((k, d)) => (k.trim().to_owned(), d.trim().to_owned()),
                    None => (p, String::new()),
                })
                .collect(),
        })
        .collect()
}

/// The bundled query of that name.
pub fn find(name: &str) -> Result<BundledQuery, QueryError> {
    bundled().into_iter().find(|q| q.name == name).ok_or_else(|| QueryError::UnknownName {
        name: name.to_owned(),
        known: bundled()
            .iter()
            .filter(|q| !q.name.starts_with("checks/"))
            .map(|q| q.name)
            .collect::<Vec<_>>()
            .join(", "),
    })
}

/// Prefixes every query may use without declaring them, also used to write
/// RDF and to shorten IRIs in tables.
pub const PREFIXES: &[(&str, &str)] = &[
    ("ng", vocab::ng::NAMESPACE),
    ("schema", "https://schema.org/"),
    ("prov", "http://www.w3.org/ns/prov#"),
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("owl", "http://www.w3.org/2002/07/owl#"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
    ("wd", "http://www.wikidata.org/entity/"),
    ("person", "https://w3id.org/newsgraph/id/person/"),
    ("org", "https://w3id.org/newsgraph/id/org/"),
    ("place", "https://w3id.org/newsgraph/id/place/"),
    ("group", "https://w3id.org/newsgraph/id/group/"),
    ("entity", "https://w3id.org/newsgraph/id/wikidata/"),
    ("article", "https://w3id.org/newsgraph/id/article/"),
];

/// A serializer for `format` that declares the bundled prefixes (formats
/// without prefixed names ignore them). `article:` is left out: article IRIs
/// have fragments, which prefixed names would escape.
pub fn rdf_serializer(format: RdfFormat) -> RdfSerializer {
    PREFIXES.iter().filter(|(p, _)| *p != "article").fold(RdfSerializer::from_format(format), |s, (p, iri)| {
        s.with_prefix(*p, *iri).expect("the bundled prefixes are valid IRIs")
    })
}

/// An evaluator that knows the bundled prefixes. `SERVICE` calls to other
/// endpoints are off (`newsgraph serve --allow-service` turns them on for its clients).
pub fn evaluator() -> SparqlEvaluator {
    with_prefixes(SparqlEvaluator::new().without_default_http_service_handler())
}

/// Declares the bundled prefixes on an evaluator.
pub fn with_prefixes(evaluator: SparqlEvaluator) -> SparqlEvaluator {
    PREFIXES.iter().fold(evaluator, |e, (p, iri)| e.with_prefix(*p, *iri).expect("the bundled prefixes are valid IRIs"))
}

/// Parses a query, reporting syntax errors with line and column.
pub fn parse(name: &str, text: &str) -> Result<PreparedSparqlQuery, QueryError> {
    prepare(evaluator(), name, text)
}

fn prepare(evaluator: SparqlEvaluator, name: &str, text: &str) -> Result<PreparedSparqlQuery, QueryError> {
    evaluator.parse_query(text).map_err(|e| syntax_error(name, &e.to_string()))
}

/// Turns a parser message ("error at 3:14: expected …") into a typed error.
fn syntax_error(name: &str, message: &str) -> QueryError {
    let position = message.split_once("error at ").and_then(|(_, rest)| {
        let (pos, msg) = rest.split_once(": ").unwrap_or((rest, ""));
        let (l, c) = pos.split_once(':')?;
        Some((l.trim().parse().ok()?, c.trim().parse().ok()?, msg.to_owned()))
    });
    let (line, column, message) = position.unwrap_or((1, 1, message.to_owned()));
    QueryError::Syntax { name: name.to_owned(), line, column, message }
}

/// Parses a `--param` value: `<iri>`, a quoted N-Triples literal, or plain text.
pub fn param_term(value: &str) -> Term {
    if value.starts_with('<') || value.starts_with('"') {
        if let Ok(t) = value.parse::<Term>() {
            return t;
        }
    }
    if let Some(iri) = value.strip_prefix('<').and_then(|v| v.strip_suffix('>')) {
        if let Ok(n) = NamedNode::new(iri) {
            return n.into();
        }
    }
    Literal::new_simple_literal(value).into()
}

/// Options of one evaluation.
#[derive(Default, Clone)]
pub struct RunOptions {
    /// Cancels the query when triggered (a timeout: see [`Deadline`]).
    pub cancel: Option<CancellationToken>,
}

/// A time limit for one evaluation: its token is cancelled when the time is up,
/// unless the deadline is dropped first. Evaluation checks the token before each
/// result every operator emits (oxigraph's evaluator, patched: see
/// `vendor/spareval/NEWSGRAPH.md`), so a cancelled query stops at once, however
/// much work it had left.
pub struct Deadline {
    token: CancellationToken,
    at: Instant,
    _done: mpsc::Sender<()>,
}

impl Deadline {
    /// A deadline `timeout` from now.
    pub fn after(timeout: Duration) -> Self {
        let token = CancellationToken::new();
        let (tx, rx) = mpsc::channel::<()>();
        let t = token.clone();
        let spawned = thread::Builder::new().name("newsgraph query timeout".into()).spawn(move || {
            if rx.recv_timeout(timeout) == Err(mpsc::RecvTimeoutError::Timeout) {
                t.cancel();
            }
        });
        if spawned.is_err() {
            // no timer thread: cancel at once rather than run without a limit
            token.cancel();
        }
        Self { token, at: Instant::now() + timeout, _done: tx }
    }

    /// The token to give the evaluation ([`RunOptions::cancel`]).
    pub fn token(&self) -> &CancellationToken {
        &self.token
    }

    /// When the time is up.
    pub fn at(&self) -> Instant {
        self.at
    }

    /// Whether the time is up.
    pub fn expired(&self) -> bool {
        self.token.is_cancelled()
    }
}

/// Evaluates a query on the store (default graph = union of all graphs).
pub fn run<'a>(
    store: &'a Store,
    name: &str,
    text: &str,
    params: &[(String, String)],
    options: &RunOptions,
) -> Result<QueryResults<'a>, QueryError> {
    let mut e = evaluator();
    if let Some(token) = &options.cancel {
        e = e.with_cancellation_token(token.clone());
    }
    let mut bound = text.to_owned();
    for (k, v) in params {
        let var = k.trim_start_matches(['?', '$']);
        let replaced = substitute(&bound, var, &param_term(v).to_string());
        if replaced == bound {
            return Err(QueryError::Param {
                name: name.to_owned(),
                param: format!("{k}={v}"),
                message: format!(
                    "the query has no variable ?{var}; its variables are: {}",
                    variables_of(text).join(", ")
                ),
            });
        }
        bound = replaced;
    }
    let mut prepared = prepare(e, name, &bound)?;
    if prepared.dataset().is_default_dataset() {
        prepared.dataset_mut().set_default_graph_as_union();
    }
    prepared
        .on_store(store.inner())
        .execute()
        .map_err(|source| QueryError::Evaluation { name: name.to_owned(), source })
}

/// Scans SPARQL text, calling `f` with the byte range and name of each
/// variable (`?x`, `$x`) outside strings, IRIs and comments.
fn scan_variables(text: &str, mut f: impl FnMut(usize, usize, &str)) {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'#' => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            q @ (b'"' | b'\'') => {
                let triple = b[i..].starts_with(&[q, q, q]);
                i += if triple { 3 } else { 1 };
                while i < b.len() {
                    if b[i] == b'\\' {
                        i += 2;
                        continue;
                    }
                    if b[i] == q && (!triple || b[i..].starts_with(&[q, q, q])) {
                        i += if triple { 3 } else { 1 };
                        break;
                    }
                    i += 1;
                }
                continue;
            }
            b'<' => {
                // an IRI: no white space up to the closing '>'
                let end = b[i + 1..].iter().position(|&c| c == b'>' || c.is_ascii_whitespace()).map(|p| i + 1 + p);
                if let Some(e) = end.filter(|&e| b[e] == b'>' && e > i + 1) {
                    i = e + 1;
                    continue;
                }
            }
            b'?' | b'$' => {
                let len: usize =
                    text[i + 1..].chars().take_while(|c| c.is_alphanumeric() || *c == '_').map(char::len_utf8).sum();
                if len > 0 {
                    f(i, i + 1 + len, &text[i + 1..i + 1 + len]);
                    i += 1 + len;
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }
}

/// The text with every occurrence of variable `var` replaced by `term` (SPARQL syntax).
fn substitute(text: &str, var: &str, term: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    scan_variables(text, |start, end, name| {
        if name == var {
            out.push_str(&text[last..start]);
            out.push_str(term);
            last = end;
        }
    });
    out.push_str(&text[last..]);
    out
}

/// The variable names a query text uses, in order of appearance.
fn variables_of(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    scan_variables(text, |_, _, name| {
        if !out.iter().any(|o| o == name) {
            out.push(name.to_owned());
        }
    });
    out
}

/// How to print results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResultFormat {
    /// An aligned table for a terminal (graphs: Turtle).
    Table,
    /// SPARQL CSV (graphs: N-Triples).
    Csv,
    /// SPARQL TSV (graphs: N-Triples).
    Tsv,
    /// SPARQL JSON (graphs: JSON-LD).
    Json,
    /// SPARQL XML (graphs: RDF/XML).
    Xml,
}

/// Widest a table cell gets before it is cut with "…".
const MAX_CELL: usize = 80;

/// Writes query results in a format.
pub fn write(results: QueryResults<'_>, format: ResultFormat, out: &mut impl Write) -> Result<(), Error> {
    let sparql_format = match format {
        ResultFormat::Csv => Some(QueryResultsFormat::Csv),
        ResultFormat::Tsv => Some(QueryResultsFormat::Tsv),
        ResultFormat::Json => Some(QueryResultsFormat::Json),
        ResultFormat::Xml => Some(QueryResultsFormat::Xml),
        ResultFormat::Table => None,
    };
    let eval = |source| Error::Query(QueryError::Evaluation { name: "query".into(), source });
    match results {
        QueryResults::Boolean(b) => match sparql_format {
            Some(f) => {
                QueryResultsSerializer::from_format(f)
                    .serialize_boolean_to_writer(&mut *out, b)
                    .map_err(Error::Write)?;
            }
            None => writeln!(out, "{b}").map_err(Error::Write)?,
        },
        QueryResults::Solutions(solutions) => {
            let variables = solutions.variables().to_vec();
            if let Some(f) = sparql_format {
                let mut s = QueryResultsSerializer::from_format(f)
                    .serialize_solutions_to_writer(&mut *out, variables)
                    .map_err(Error::Write)?;
                for sol in solutions {
                    s.serialize(&sol.map_err(eval)?).map_err(Error::Write)?;
                }
                s.finish().map_err(Error::Write)?;
            } else {
                let mut rows = Vec::new();
                for sol in solutions {
                    let sol = sol.map_err(eval)?;
                    rows.push(variables.iter().map(|v| sol.get(v).map(cell).unwrap_or_default()).collect::<Vec<_>>());
                }
                let header: Vec<String> = variables.iter().map(|v| v.as_str().to_owned()).collect();
                write_table(&header, &rows, true, out).map_err(Error::Write)?;
            }
        }
        QueryResults::Graph(triples) => {
            let rdf = match format {
                ResultFormat::Json => RdfFormat::JsonLd { profile: Default::default() },
                ResultFormat::Xml => RdfFormat::RdfXml,
                ResultFormat::Csv | ResultFormat::Tsv => RdfFormat::NTriples,
                ResultFormat::Table => RdfFormat::Turtle,
            };
            let mut w = rdf_serializer(rdf).for_writer(&mut *out);
            for t in triples {
                w.serialize_triple(&t.map_err(eval)?).map_err(Error::Write)?;
            }
            w.finish().map_err(Error::Write)?;
        }
    }
    Ok(())
}

/// A term as a table cell: IRIs shortened with the bundled prefixes, literals as their value.
pub fn cell(term: &Term) -> String {
    let s = match term {
        Term::NamedNode(n) => short_iri(n.as_str()),
        Term::BlankNode(b) => format!("_:{}", b.as_str()),
        Term::Literal(l) => l.value().to_owned(),
        #[allow(unreachable_patterns)]
        other => other.to_string(),
    };
    s.replace(['\n', '\r', '\t'], " ")
}

/// An IRI with a bundled prefix in place of its namespace, if one fits.
pub fn short_iri(iri: &str) -> String {
    PREFIXES
        .iter()
        .filter(|(_, ns)| iri.starts_with(ns))
        .max_by_key(|(_, ns)| ns.len())
        .map_or_else(|| iri.to_owned(), |(p, ns)| format!("{p}:{}", &iri[ns.len()..]))
}

fn truncate(s: &str) -> String {
    if s.chars().count() <= MAX_CELL {
        s.to_owned()
    } else {
        let mut t: String = s.chars().take(MAX_CELL - 1).collect();
        t.push('…');
        t
    }
}

/// Writes rows as a table aligned on character widths; `cut` shortens long cells with "…".
pub fn write_table(header: &[String], rows: &[Vec<String>], cut: bool, out: &mut impl Write) -> std::io::Result<()> {
    let rows: Vec<Vec<String>> =
        rows.iter().map(|r| r.iter().map(|c| if cut { truncate(c) } else { c.clone() }).collect()).collect();
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for r in &rows {
        for (w, c) in widths.iter_mut().zip(r) {
            *w = (*w).max(c.chars().count());
        }
    }
    let line = |cells: &[String], out: &mut dyn Write| -> std::io::Result<()> {
        let mut s = String::new();
        for (i, (c, w)) in cells.iter().zip(&widths).enumerate() {
            if i > 0 {
                s.push_str("  ");
            }
            s.push_str(c);
            if i + 1 < cells.len() {
                s.extend(std::iter::repeat_n(' ', w - c.chars().count()));
            }
        }
        writeln!(out, "{}", s.trim_end())
    };
    line(header, out)?;
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    line(&rule, out)?;
    for r in &rows {
        line(r, out)?;
    }
    writeln!(out, "({} row{})", rows.len(), if rows.len() == 1 { "" } else { "s" })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_queries_have_summaries() {
        let all = bundled();
        assert!(all.len() >= 7, "expected the bundled queries, found {}", all.len());
        for q in &all {
            assert!(!q.summary.is_empty(), "{} has no '#+ summary:' header", q.name);
        }
    }

    #[test]
    fn syntax_errors_carry_line_and_column() {
        let err = parse("bad", "SELECT ?x\nWHERE { ?x ?y }").err().expect("malformed");
        match err {
            QueryError::Syntax { line, column, .. } => assert_eq!((line, column), (2, 16)),
            other => panic!("expected a syntax error, got {other}"),
        }
    }

    #[test]
    fn substitution_skips_strings_iris_and_comments() {
        let q = "# ?name here\nSELECT * { ?s <http://x/?name> \"?name\" . FILTER(?name != ?names) }";
        assert_eq!(
            substitute(q, "name", "\"P\""),
            "# ?name here\nSELECT * { ?s <http://x/?name> \"?name\" . FILTER(\"P\" != ?names) }"
        );
        assert_eq!(variables_of("SELECT ?a { ?a ?b $c FILTER(?a < ?b) }"), ["a", "b", "c"]);
    }

    #[test]
    fn param_terms() {
        assert_eq!(param_term("Putin"), Literal::new_simple_literal("Putin").into());
        assert_eq!(param_term("<http://a.example/x>"), NamedNode::new_unchecked("http://a.example/x").into());
        assert_eq!(
            param_term("\"2025-12-06\"^^<http://www.w3.org/2001/XMLSchema#date>").to_string(),
            "\"2025-12-06\"^^<http://www.w3.org/2001/XMLSchema#date>"
        );
    }

    #[test]
    fn tables_align() {
        let mut out = Vec::new();
        write_table(&["a".into(), "bb".into()], &[vec!["xyz".into(), "1".into()]], true, &mut out).expect("write");
        assert_eq!(String::from_utf8(out).expect("utf-8"), "a    bb\n---  --\nxyz  1\n(1 row)\n");
    }
}
