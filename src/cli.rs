//! Command-line arguments (clap derive). The doc comments are the `--help` text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Turn news articles into a knowledge graph you can query: who met whom, who
/// said what, where and when — every fact traceable to its sentence.
#[derive(Debug, Parser)]
#[command(name = "newsgraph", version, about, long_about = None)]
#[command(
    after_help = "Exit codes: 0 success, 1 failure, 2 usage error, 3 some articles failed (the rest were processed)."
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract entities, quotes and relations and print them (no store).
    Extract(ExtractArgs),
}

/// Where articles come from and what we know about them.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Articles: .txt or .md files, directories (searched recursively), .jsonl corpora
    /// (one {"id","text"[,"title","url","date"]} object a line), or - for standard input.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Publication date (YYYY-MM-DD): relative dates such as "Thursday" resolve against it.
    /// For a corpus, the default for lines without a "date".
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
    /// Article id (single article only; default: the file stem).
    #[arg(long)]
    pub id: Option<String>,
    /// Article title (single article only).
    #[arg(long)]
    pub title: Option<String>,
    /// Article URL (single article only).
    #[arg(long)]
    pub url: Option<String>,
    /// Do not link entities to Wikidata, GeoNames and DBpedia.
    #[arg(long)]
    pub no_link: bool,
}

/// Output formats of `extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    /// One JSON object a line: entities, quotes, relations, events (code-point offsets).
    Json,
    /// RDF Turtle (one document after another).
    Turtle,
    /// RDF TriG: each article in its named graph.
    Trig,
    /// RDF N-Triples.
    Ntriples,
    /// RDF N-Quads: each article in its named graph, streamed.
    Nquads,
    /// JSON-LD.
    Jsonld,
}

/// Arguments of `extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Articles to read.
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format.
    #[arg(long, short, value_enum, default_value = "json")]
    pub format: ExtractFormat,
}
