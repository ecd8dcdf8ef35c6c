//! `newsgraph extract`: the pipeline with no store, to standard output.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use anyhow::{Context, Result};

use crate::cli::{ExtractArgs, ExtractFormat};

/// Runs `extract`.
pub fn run(args: ExtractArgs) -> Result<ExitCode> {
    let pipeline = super::pipeline(&args.input);
    let stdout = io::stdout().lock();
    let mut out = BufWriter::new(stdout);
    let mut failed = 0usize;
    for doc in super::articles(&args.input)? {
        let doc = match doc {
            Ok(d) => d,
            Err(e) => {
                super::report(&e);
                failed += 1;
                continue;
            }
        };
        let analysis = pipeline.analyze(&doc);
        match args.format {
            ExtractFormat::Json => {
                serde_json::to_writer(&mut out, &newsgraph::json::document(&doc, &analysis))
                    .context("cannot write JSON")?;
                out.write_all(b"\n").context("cannot write to standard output")?;
            }
            _ => anyhow::bail!("RDF output is not built yet"),
        }
    }
    out.flush().context("cannot write to standard output")?;
    Ok(if failed > 0 { ExitCode::from(super::PARTIAL_FAILURE) } else { ExitCode::SUCCESS })
}
