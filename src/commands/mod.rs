//! One file per subcommand. Each turns validated arguments into library calls
//! and adds context (which file, which store) to every error, saying what to do next.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};

use std::sync::Arc;
use std::time::Duration;

use crate::cli::{Cli, Command, InputArgs, LinkSourceArgs, StoreArgs};
use newsgraph::error::StoreError;
use newsgraph::input::{self, Articles, Overrides};
use newsgraph::link::endpoint::{EndpointKb, EndpointOptions};
use newsgraph::link::user::UserKb;
use newsgraph::link::{KbLinker, KnowledgeBase};
use newsgraph::store::Store;
use newsgraph::Pipeline;

mod export;
mod extract;
mod ingest;
mod link;
mod push;
mod query;
mod serve;
mod stats;
mod train;

/// Exit code when some articles failed and the others were processed.
pub const PARTIAL_FAILURE: u8 = 3;

/// Runs a parsed command line.
pub fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Ingest(args) => ingest::run(args),
        Command::Extract(args) => extract::run(args),
        Command::Query(args) => query::run(args),
        Command::Export(args) => export::run(args),
        Command::Stats(args) => stats::run(&args),
        Command::Link(args) => link::run(args),
        Command::Serve(args) => serve::run(args),
        Command::Push(args) => push::run(args),
        Command::Train(args) => train::run(&args),
    }
}

/// The articles named on the command line, streamed.
pub fn articles(args: &InputArgs) -> Result<Articles> {
    let date = args
        .date
        .as_deref()
        .map(|d| input::parse_date("--date", d))
        .transpose()
        .context("give the publication date as YYYY-MM-DD, e.g. --date 2025-12-07")?;
    let sources = input::sources(&args.paths).context("check the path (files, directories, .jsonl corpora or -)")?;
    Ok(Articles::new(
        sources,
        Overrides { id: args.id.clone(), title: args.title.clone(), url: args.url.clone(), date },
    ))
}

/// The pipeline the arguments ask for, and the endpoint it asks (to report on and save its cache).
pub fn pipeline(args: &InputArgs) -> Result<(Pipeline, Option<Arc<EndpointKb>>)> {
    let mut b = Pipeline::builder();
    let mut endpoint = None;
    if args.no_link {
        b = b.linker(None);
    } else if !args.link.kb.is_empty() || args.link.endpoint.is_some() {
        let (linker, e) = linker(&args.link)?;
        endpoint = e;
        b = b.linker(Some(Box::new(linker)));
    }
    Ok((b.build(), endpoint))
}

/// The linker the link-source arguments ask for.
pub fn linker(args: &LinkSourceArgs) -> Result<(KbLinker, Option<Arc<EndpointKb>>)> {
    let mut sources: Vec<Box<dyn KnowledgeBase>> = Vec::new();
    if !args.kb.is_empty() {
        let kb = UserKb::load(&args.kb).map_err(|e| {
            anyhow::Error::new(e).context("cannot load the knowledge base given with --kb (give N-Triples, Turtle, N-Quads or TriG files, optionally gzipped)")
        })?;
        if kb.is_empty() {
            eprintln!(
                "newsgraph: warning: --kb gave no usable record (a record needs an English or untagged rdfs:label, skos:altLabel or schema:name, and a Wikidata, DBpedia or GeoNames IRI)"
            );
        }
        sources.push(Box::new(kb));
    }
    let mut endpoint = None;
    if let Some(url) = &args.endpoint {
        let e = Arc::new(
            EndpointKb::new(EndpointOptions {
                url: url.clone(),
                timeout: Duration::from_secs(args.endpoint_timeout.max(1)),
                budget: args.endpoint_budget,
                cache: Some(args.endpoint_cache.clone()),
            })
            .map_err(|e| {
                anyhow::Error::new(e).context(
                    "cannot use the SPARQL endpoint (check --endpoint, or delete a damaged --endpoint-cache file)",
                )
            })?,
        );
        sources.push(Box::new(Arc::clone(&e)));
        endpoint = Some(e);
    }
    Ok((KbLinker::new(sources), endpoint))
}

/// Reports what an endpoint did and saves its cache.
pub fn finish_endpoint(endpoint: Option<&EndpointKb>) -> Result<()> {
    let Some(e) = endpoint else { return Ok(()) };
    if let Some(f) = e.failure() {
        eprintln!(
            "newsgraph: warning: the SPARQL endpoint was not asked everything ({f}); links came from the other sources. Raise --endpoint-budget or --endpoint-timeout, or run again later: answers so far are cached"
        );
    }
    e.save().context("cannot save the endpoint cache (check --endpoint-cache)")
}

/// Reports a failed article on stderr; the run goes on.
pub fn report(err: &dyn std::fmt::Display) {
    eprintln!("newsgraph: skipped: {err}");
}

/// The exit code after a run in which `failed` articles failed and `done` succeeded:
/// 0 when none failed, 1 when all did, 3 when some did.
pub fn exit_code(failed: usize, done: usize) -> ExitCode {
    match (failed, done) {
        (0, _) => ExitCode::SUCCESS,
        (_, 0) => ExitCode::FAILURE,
        _ => ExitCode::from(PARTIAL_FAILURE),
    }
}

fn store_hint(err: &StoreError) -> &'static str {
    match err {
        StoreError::Locked { .. } => {
            "another process is using this store. If it is `newsgraph serve`, send the articles through it: \
             `newsgraph ingest --to http://127.0.0.1:7878/update --token TOKEN ARTICLES...` \
             (its address and token as it was started with --bind and --allow-update). \
             Otherwise wait for it to finish, stop it, or use --store DIR for another store"
        }
        StoreError::Missing { .. } => {
            "run `newsgraph ingest ARTICLES...` first, or point --store (or NEWSGRAPH_STORE) at an existing store"
        }
        _ => "check that the directory is an oxigraph store you can write to",
    }
}

/// Opens the store for writing.
pub fn open_store(args: &StoreArgs) -> Result<Store> {
    Store::open(&args.store).map_err(|e| {
        let hint = store_hint(&e);
        anyhow::Error::new(e).context(format!("cannot open the store at {} ({hint})", args.store.display()))
    })
}

/// Opens an existing store for reading.
pub fn open_store_read_only(args: &StoreArgs) -> Result<Store> {
    Store::open_read_only(&args.store).map_err(|e| {
        let hint = store_hint(&e);
        anyhow::Error::new(e).context(format!("cannot open the store at {} ({hint})", args.store.display()))
    })
}

/// Where output goes: standard output, or a file written whole or not at all
/// (a temporary file renamed into place when everything was written).
pub enum Output {
    /// Standard output.
    Stdout(BufWriter<io::StdoutLock<'static>>),
    /// A temporary file beside the target.
    File { tmp: PathBuf, target: PathBuf, writer: BufWriter<File> },
}

impl Output {
    /// Standard output, or a new file at `path`.
    pub fn new(path: Option<&Path>) -> Result<Self> {
        match path {
            None => Ok(Self::Stdout(BufWriter::new(io::stdout().lock()))),
            Some(target) => {
                let name =
                    target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "output".into());
                let tmp = target.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
                let file = File::create(&tmp)
                    .with_context(|| format!("cannot create {} (does its directory exist?)", target.display()))?;
                Ok(Self::File { tmp, target: target.to_owned(), writer: BufWriter::new(file) })
            }
        }
    }

    /// Flushes, and moves a file into place.
    pub fn finish(mut self) -> Result<()> {
        match &mut self {
            Self::Stdout(w) => w.flush().context("cannot write to standard output"),
            Self::File { tmp, target, writer } => {
                writer.flush().with_context(|| format!("cannot write {}", target.display()))?;
                std::fs::rename(&*tmp, &*target).with_context(|| format!("cannot write {}", target.display()))
            }
        }
    }
}

impl Drop for Output {
    fn drop(&mut self) {
        if let Self::File { tmp, .. } = self {
            let _ = std::fs::remove_file(tmp);
        }
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Self::Stdout(w) => w.write(buf),
            Self::File { writer, .. } => writer.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Self::Stdout(w) => w.flush(),
            Self::File { writer, .. } => writer.flush(),
        }
    }
}
