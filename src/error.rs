//! Typed errors of the library. Each names the document, file or query it is
//! about and, where it has one, the position (line and column, or byte offset).

use std::io;
use std::path::PathBuf;

/// A result with the library's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Any error of the library.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An article or corpus could not be read.
    #[error(transparent)]
    Read(#[from] ReadError),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A SPARQL query is malformed or failed.
    #[error(transparent)]
    Query(#[from] QueryError),
    /// Linking against a knowledge base or endpoint failed.
    #[error(transparent)]
    Link(#[from] LinkError),
    /// Writing output failed.
    #[error("cannot write output")]
    Write(#[source] io::Error),
}

/// Why an article or corpus could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReadError {
    /// The file could not be opened or read.
    #[error("cannot read {path}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: io::Error,
    },
    /// The file holds no text.
    #[error("{doc} is empty: there is no article text in it")]
    Empty {
        /// The file or article id.
        doc: String,
    },
    /// The file is binary.
    #[error("{doc} is a binary file (NUL byte at byte {offset}), not an article")]
    Binary {
        /// The file or article id.
        doc: String,
        /// Byte offset of the first NUL byte.
        offset: usize,
    },
    /// The file is not UTF-8.
    #[error("{doc} is not UTF-8 text: invalid byte at line {line}, column {column} (byte {offset})")]
    NotUtf8 {
        /// The file or article id.
        doc: String,
        /// 1-based line of the invalid byte.
        line: usize,
        /// 1-based column (in bytes) of the invalid byte.
        column: usize,
        /// Byte offset of the invalid byte.
        offset: usize,
    },
    /// The article is larger than newsgraph reads in one piece.
    #[error("{doc} is {size} bytes, more than the {limit}-byte limit for one article")]
    TooLarge {
        /// The file or article id.
        doc: String,
        /// Its size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// A JSONL corpus line is not an article object.
    #[error("{path}, line {line}: {message}")]
    Corpus {
        /// The corpus file.
        path: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A date is not in YYYY-MM-DD form.
    #[error("{doc}: date {value:?} is not a YYYY-MM-DD date")]
    Date {
        /// The file or article id.
        doc: String,
        /// The value given.
        value: String,
    },
}

/// Why the store failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// Another process holds the store.
    #[error("the store at {path} is locked by another process (a running `newsgraph serve` or ingest?)")]
    Locked {
        /// The store directory.
        path: PathBuf,
        /// The storage error.
        #[source]
        source: oxigraph::store::StorageError,
    },
    /// The store does not exist (read-only commands do not create one).
    #[error("there is no store at {path}")]
    Missing {
        /// The store directory.
        path: PathBuf,
    },
    /// The storage layer failed.
    #[error("the store at {path} failed")]
    Storage {
        /// The store directory, or "memory".
        path: String,
        /// The storage error.
        #[source]
        source: oxigraph::store::StorageError,
    },
    /// A look-up in the store failed.
    #[error("a look-up in the store at {path} failed: {message}")]
    Lookup {
        /// The store directory, or "memory".
        path: String,
        /// What failed.
        message: String,
    },
    /// Loading an article's graph failed.
    #[error("cannot store article {doc}")]
    Load {
        /// The article id.
        doc: String,
        /// The cause.
        #[source]
        source: oxigraph::store::StorageError,
    },
}

/// Why a SPARQL query failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum QueryError {
    /// The query does not parse.
    #[error("{name}: SPARQL syntax error at line {line}, column {column}: {message}")]
    Syntax {
        /// The query's name or file.
        name: String,
        /// 1-based line.
        line: u64,
        /// 1-based column.
        column: u64,
        /// The parser's message.
        message: String,
    },
    /// No bundled query has this name.
    #[error("there is no bundled query named {name:?} (known: {known})")]
    UnknownName {
        /// The name asked for.
        name: String,
        /// The bundled names, comma-separated.
        known: String,
    },
    /// A `--param` is malformed or names no variable of the query.
    #[error("{name}: parameter {param:?}: {message}")]
    Param {
        /// The query's name.
        name: String,
        /// The parameter as given.
        param: String,
        /// What is wrong.
        message: String,
    },
    /// Evaluation failed.
    #[error("{name}: evaluation failed")]
    Evaluation {
        /// The query's name.
        name: String,
        /// The cause.
        #[source]
        source: oxigraph::sparql::QueryEvaluationError,
    },
}

/// Why a knowledge base or SPARQL endpoint could not be used for linking.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LinkError {
    /// A knowledge-base file could not be opened or read.
    #[error("cannot read knowledge base {path}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: io::Error,
    },
    /// The file name does not say which RDF syntax it is in.
    #[error("{path}: unknown knowledge-base format (expected .nt, .ttl, .nq or .trig, optionally .gz)")]
    Format {
        /// The file.
        path: PathBuf,
    },
    /// A knowledge-base file is not valid RDF.
    #[error("{path}: {message}")]
    Parse {
        /// The file.
        path: PathBuf,
        /// The parser's message (with line and column).
        message: String,
    },
    /// The endpoint URL is not an http(s) URL.
    #[error("{url} is not an http:// or https:// URL")]
    Url {
        /// The URL given.
        url: String,
    },
    /// A request to the endpoint failed.
    #[error("SPARQL endpoint {url}: {message}")]
    Endpoint {
        /// The endpoint.
        url: String,
        /// What went wrong (status, time-out, bad response).
        message: String,
    },
    /// The endpoint cache could not be read or written.
    #[error("endpoint cache {path}")]
    Cache {
        /// The cache file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: io::Error,
    },
}
