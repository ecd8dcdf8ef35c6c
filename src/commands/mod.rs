//! One file per subcommand. Each turns validated arguments into library calls
//! and adds context (which file, which store) to every error.

use std::process::ExitCode;

use anyhow::{Context, Result};

use crate::cli::{Cli, Command, InputArgs};
use newsgraph::input::{self, Articles, Overrides};
use newsgraph::Pipeline;

mod extract;

/// Exit code when some articles failed and the others were processed.
pub const PARTIAL_FAILURE: u8 = 3;

/// Runs a parsed command line.
pub fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Extract(args) => extract::run(args),
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

/// The pipeline the arguments ask for.
pub fn pipeline(args: &InputArgs) -> Pipeline {
    let mut b = Pipeline::builder();
    if args.no_link {
        b = b.linker(None);
    }
    b.build()
}

/// Reports a failed article on stderr; the run goes on.
pub fn report(err: &newsgraph::error::ReadError) {
    eprintln!("newsgraph: skipped: {err}");
}
