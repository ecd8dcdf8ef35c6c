//! Command-line arguments (clap derive). The doc comments are the `--help` text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Turn news articles into a knowledge graph you can query: who met whom, who
/// said what, where and when — every fact traceable to its sentence.
///
/// Start with `newsgraph ingest examples/` then `newsgraph query who-met-whom`.
#[derive(Debug, Parser)]
#[command(name = "newsgraph", version, about)]
#[command(
    after_help = "Exit codes: 0 success, 1 failure, 2 usage error, 3 some articles failed (the others were processed)."
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read articles, extract their facts and store each article in its own named graph.
    ///
    /// Ingesting an article id again replaces its graph; nothing else changes.
    Ingest(IngestArgs),
    /// Extract entities, quotes and relations and print them (no store).
    Extract(ExtractArgs),
    /// Run a SPARQL query (text, a .rq file, or the name of a bundled query).
    Query(QueryArgs),
    /// Write the entity graph (DOT, GraphML) or the RDF of the store.
    Export(ExportArgs),
    /// Count articles, entities by type and facts by predicate.
    Stats(StoreArgs),
    /// Link the entities already in the store again, against your own knowledge base
    /// (--kb) or a SPARQL endpoint (--endpoint), and the bundled one.
    ///
    /// Each article graph is updated in one transaction: an entity that gets a
    /// Wikidata id becomes the node of that id (shared with every article that
    /// names it), its owl:sameAs/schema:sameAs links, confidence and method are
    /// replaced, and entities no source can identify keep what they had.
    Link(LinkArgs),
    /// Serve the store over HTTP: a graph explorer at / (open the URL it prints in a browser), SPARQL 1.1
    /// Protocol at /query and /update, Graph Store Protocol at /store, the explorer's JSON API at /api/.
    ///
    /// Safe by default: loopback only, read-only (updates get 403) unless --allow-update with a token,
    /// a time limit per query, bounded results and request bodies, no SERVICE calls to other hosts.
    Serve(ServeArgs),
    /// Send the store's article graphs to a remote SPARQL store (oxigraph server, Virtuoso, QLever,
    /// GraphDB, Neptune, …), replacing the graphs of the same names there.
    ///
    /// Pushing twice leaves the remote store unchanged: each article graph is replaced whole.
    Push(PushArgs),
    /// Learn the recogniser's weights from annotated data, report cross-validated scores, and
    /// write the weights (or check that the shipped ones are what the data gives).
    ///
    /// Reads the config (data files, epochs, seed, folds; paths relative to it), prints how many
    /// gold names the candidates reach, k-fold cross-validated precision, recall and F1 per type
    /// over the gold documents (silver ones always train), then trains on everything. With --dev,
    /// also scores the whole pipeline with the new weights on an annotated JSONL file. Training
    /// is deterministic: the same data and config give byte-identical weights.
    Train(TrainArgs),
}

/// Arguments of `train`.
#[derive(Debug, Args)]
pub struct TrainArgs {
    /// The training config.
    #[arg(long, default_value = "data/model/ner.json", value_name = "FILE")]
    pub config: PathBuf,
    /// Where to write the weights (default: the weights file the binary embeds).
    #[arg(long, short, default_value = "data/model/ner.bin", value_name = "FILE")]
    pub output: PathBuf,
    /// Also score the pipeline on this annotated JSONL file (e.g. a development set).
    #[arg(long, value_name = "FILE")]
    pub dev: Option<PathBuf>,
    /// Skip the cross-validation (train once).
    #[arg(long)]
    pub no_cv: bool,
    /// Write the cross-validated predictions on the gold documents (the scorer's JSONL format).
    #[arg(long, value_name = "FILE", conflicts_with = "no_cv")]
    pub predictions: Option<PathBuf>,
    /// Write nothing; exit with failure unless the trained weights equal the ones this binary embeds.
    #[arg(long, conflicts_with = "output")]
    pub check: bool,
}

/// Arguments of `link`.
#[derive(Debug, Args)]
pub struct LinkArgs {
    /// Where links come from.
    #[command(flatten)]
    pub link: LinkSourceArgs,
    /// Only this article (its id).
    #[arg(long, value_name = "ID")]
    pub doc: Option<String>,
    /// The store.
    #[command(flatten)]
    pub store: StoreArgs,
}

/// Which store to use.
#[derive(Debug, Args)]
pub struct StoreArgs {
    /// The store directory (a persistent oxigraph store).
    #[arg(long, env = "NEWSGRAPH_STORE", default_value = "newsgraph.db", value_name = "DIR")]
    pub store: PathBuf,
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
    /// Article id (single article only; default: the file stem, or "stdin").
    #[arg(long)]
    pub id: Option<String>,
    /// Article title (single article only; default: a Markdown file's first heading).
    #[arg(long)]
    pub title: Option<String>,
    /// Article URL (single article only).
    #[arg(long)]
    pub url: Option<String>,
    /// Do not link entities to Wikidata, GeoNames and DBpedia.
    #[arg(long, conflicts_with_all = ["kb", "endpoint"])]
    pub no_link: bool,
    /// Link sources besides the bundled knowledge base.
    #[command(flatten)]
    pub link: LinkSourceArgs,
}

/// Where entity links come from, besides the bundled knowledge base (which is
/// always asked last).
#[derive(Debug, Args, Default)]
pub struct LinkSourceArgs {
    /// Your own knowledge base: RDF files (.nt, .ttl, .nq, .trig, optionally .gz),
    /// e.g. a Wikidata or DBpedia extract (repeat --kb for several files). Names come from
    /// rdfs:label, skos:altLabel and schema:name, kinds from rdf:type or wdt:P31; asked
    /// before the bundled base.
    #[arg(long, value_name = "FILE", action = clap::ArgAction::Append)]
    pub kb: Vec<PathBuf>,
    /// A SPARQL endpoint to ask for candidates (e.g. https://query.wikidata.org/sparql
    /// or a local mirror); asked after --kb, before the bundled base.
    #[arg(long, value_name = "URL")]
    pub endpoint: Option<String>,
    /// Time-out of one endpoint request, in seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 10, requires = "endpoint")]
    pub endpoint_timeout: u64,
    /// Most endpoint requests in one run (cached answers are free).
    #[arg(long, value_name = "N", default_value_t = 500, requires = "endpoint")]
    pub endpoint_budget: usize,
    /// Where endpoint answers are cached.
    #[arg(long, value_name = "FILE", default_value = ".newsgraph-endpoint-cache.json", requires = "endpoint")]
    pub endpoint_cache: PathBuf,
}

/// Arguments of `ingest`.
#[derive(Debug, Args)]
pub struct IngestArgs {
    /// Articles to read.
    #[command(flatten)]
    pub input: InputArgs,
    /// The store.
    #[command(flatten)]
    pub store: StoreArgs,
    /// Keep nothing: run on an in-memory store and print the counts.
    #[arg(long, conflicts_with = "store")]
    pub memory: bool,
    /// Worker threads for extraction (default: all cores).
    #[arg(long, short, value_name = "N", default_value_t = 0, hide_default_value = true)]
    pub jobs: usize,
    /// No progress bar (it is shown only on a terminal anyway).
    #[arg(long, short)]
    pub quiet: bool,
    /// Send the articles to this SPARQL Update endpoint instead of writing the store, e.g. the
    /// /update of a running `newsgraph serve` that holds the store (http://127.0.0.1:7878/update).
    /// Each article's graph is replaced in one request; entities are matched against the articles
    /// already in --store (read-only), if it exists.
    #[arg(long, value_name = "URL", conflicts_with = "memory")]
    pub to: Option<String>,
    /// The update token of --to, sent as `Authorization: Bearer TOKEN`
    /// (prefer NEWSGRAPH_TOKEN: command lines are visible to other users).
    #[arg(long, env = "NEWSGRAPH_TOKEN", hide_env_values = true)]
    pub token: Option<String>,
}

/// Output formats of `extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    /// One JSON object a line: entities, quotes, relations, events (code-point offsets).
    Json,
    /// RDF Turtle (the triples of every article, without graph names).
    Turtle,
    /// RDF TriG: each article in its named graph.
    Trig,
    /// RDF N-Triples.
    Ntriples,
    /// RDF N-Quads: each article in its named graph, streamed article after article.
    Nquads,
    /// JSON-LD, with named graphs.
    Jsonld,
    /// Why the recogniser took or left each candidate name: its score per type and the
    /// features that weighed most (for people; the layout may change).
    Explain,
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

/// Result formats of `query`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum QueryFormat {
    /// A table aligned for a terminal (long cells are cut; CONSTRUCT prints Turtle).
    Table,
    /// SPARQL results CSV (CONSTRUCT: N-Triples).
    Csv,
    /// SPARQL results TSV (CONSTRUCT: N-Triples).
    Tsv,
    /// SPARQL results JSON (CONSTRUCT: JSON-LD).
    Json,
    /// SPARQL results XML (CONSTRUCT: RDF/XML).
    Xml,
}

/// Arguments of `query`.
#[derive(Debug, Args)]
pub struct QueryArgs {
    /// The query: SPARQL text, a path to a .rq file, or a bundled query's name (see --list).
    #[arg(required_unless_present = "list", value_name = "SPARQL|FILE.rq|NAME")]
    pub query: Option<String>,
    /// Bind a variable before running: --param name=Putin binds ?name (repeatable).
    /// Values are plain text, <IRI>s, or N-Triples literals ("2025-12-06"^^xsd:date in full).
    #[arg(long = "param", short = 'p', value_name = "VAR=VALUE")]
    pub params: Vec<String>,
    /// Result format.
    #[arg(long, short, value_enum, default_value = "table")]
    pub format: QueryFormat,
    /// List the bundled queries with their descriptions and parameters.
    #[arg(long)]
    pub list: bool,
    /// The store.
    #[command(flatten)]
    pub store: StoreArgs,
}

/// Output formats of `export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Graphviz DOT: the entity graph (render with `dot -Tsvg`).
    Dot,
    /// GraphML: the entity graph (Gephi, yEd, Cytoscape, networkx).
    Graphml,
    /// RDF Turtle (all graphs merged).
    Turtle,
    /// RDF TriG (named graphs kept).
    Trig,
    /// RDF N-Triples (all graphs merged).
    Ntriples,
    /// RDF N-Quads (named graphs kept).
    Nquads,
    /// JSON-LD (named graphs kept).
    Jsonld,
    /// RDF/XML (all graphs merged).
    Rdfxml,
}

/// Arguments of `export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Output format.
    #[arg(long, short, value_enum)]
    pub format: ExportFormat,
    /// Write to this file instead of standard output (written whole or not at all).
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Only this article (its id).
    #[arg(long, value_name = "ID")]
    pub doc: Option<String>,
    /// The store.
    #[command(flatten)]
    pub store: StoreArgs,
}

/// Arguments of `serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The store.
    #[command(flatten)]
    pub store: StoreArgs,
    /// Serve a new, empty in-memory store instead (gone when the server stops).
    #[arg(long, conflicts_with = "store")]
    pub memory: bool,
    /// Address and port to listen on. The default answers this machine only; 0.0.0.0:7878 answers
    /// the network (put HTTPS in front, e.g. a reverse proxy).
    #[arg(long, default_value = "127.0.0.1:7878", value_name = "HOST:PORT")]
    pub bind: String,
    /// Accept updates (/update; PUT, POST and DELETE on /store) from clients that send the token
    /// as `Authorization: Bearer TOKEN`. Needs --token or NEWSGRAPH_TOKEN.
    #[arg(long)]
    pub allow_update: bool,
    /// The update token (prefer NEWSGRAPH_TOKEN: command lines are visible to other users).
    #[arg(long, env = "NEWSGRAPH_TOKEN", hide_env_values = true)]
    pub token: Option<String>,
    /// Stop a query or update that runs longer than this (seconds).
    #[arg(long, default_value_t = 30.0, value_name = "SECONDS")]
    pub timeout: f64,
    /// Refuse results of more rows than this (solutions, or triples of a CONSTRUCT).
    #[arg(long, default_value_t = 100_000, value_name = "ROWS")]
    pub max_rows: usize,
    /// Refuse request bodies larger than this (bytes).
    #[arg(long, default_value_t = 16 * 1024 * 1024, value_name = "BYTES")]
    pub max_body: u64,
    /// Let queries call other SPARQL endpoints with SERVICE, and updates fetch URLs with LOAD.
    #[arg(long)]
    pub allow_service: bool,
}

/// How `push` sends graphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PushProtocol {
    /// SPARQL 1.1 Graph Store HTTP Protocol: one PUT per article graph (--to is the Graph Store URL).
    Gsp,
    /// SPARQL 1.1 Update: DROP SILENT GRAPH + INSERT DATA, several graphs a request (--to is the Update URL).
    Update,
}

/// Arguments of `push`.
#[derive(Debug, Args)]
pub struct PushArgs {
    /// The remote endpoint: its Graph Store URL for gsp (oxigraph: http://HOST:7878/store; Virtuoso:
    /// http://HOST:8890/sparql-graph-crud), its SPARQL Update URL for update (oxigraph: …/update;
    /// Virtuoso: …/sparql). http:// or https://.
    #[arg(long, value_name = "URL")]
    pub to: String,
    /// The protocol.
    #[arg(long, value_enum, default_value = "gsp")]
    pub protocol: PushProtocol,
    /// A token sent as `Authorization: Bearer TOKEN` (prefer NEWSGRAPH_TOKEN).
    #[arg(long, env = "NEWSGRAPH_TOKEN", hide_env_values = true, conflicts_with = "user")]
    pub token: Option<String>,
    /// HTTP basic credentials, USER:PASSWORD (prefer NEWSGRAPH_REMOTE_USER; use https://).
    #[arg(long, env = "NEWSGRAPH_REMOTE_USER", hide_env_values = true, value_name = "USER:PASSWORD")]
    pub user: Option<String>,
    /// The most triples in one update request (--protocol update); a larger article graph goes alone.
    #[arg(long, default_value_t = 5000, value_name = "TRIPLES")]
    pub batch: usize,
    /// How often to retry a request that failed for a reason that may pass (no answer, 5xx, 429).
    #[arg(long, default_value_t = 4)]
    pub retries: u32,
    /// The time limit of one request (seconds).
    #[arg(long, default_value_t = 120.0, value_name = "SECONDS")]
    pub timeout: f64,
    /// The store to read.
    #[command(flatten)]
    pub store: StoreArgs,
}
