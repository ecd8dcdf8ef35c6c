//! `newsgraph query`: SPARQL text, a .rq file, or a bundled query, on the store.

use std::process::ExitCode;

use anyhow::{bail, Context, Result};

use crate::cli::{QueryArgs, QueryFormat};
use newsgraph::query::{self, ResultFormat, RunOptions};

/// Runs `query`.
pub fn run(args: QueryArgs) -> Result<ExitCode> {
    let mut out = super::Output::new(None)?;
    if args.list {
        use std::io::Write;
        let rows: Vec<Vec<String>> = query::bundled()
            .into_iter()
            .map(|q| {
                let params = q.params.iter().map(|(k, _)| k.clone()).collect::<Vec<_>>().join(", ");
                vec![q.name.to_owned(), q.summary, params]
            })
            .collect();
        query::write_table(&["name".into(), "what it returns".into(), "parameters".into()], &rows, false, &mut out)
            .context("cannot write to standard output")?;
        writeln!(out, "Run one with `newsgraph query NAME [--param VAR=VALUE]`.")
            .context("cannot write to standard output")?;
        out.finish()?;
        return Ok(ExitCode::SUCCESS);
    }
    let Some(q) = args.query.as_deref() else { bail!("give a query, a .rq file or a bundled query name (see --list)") };
    let (name, text) = resolve(q)?;
    let mut params = Vec::new();
    for p in &args.params {
        let Some((k, v)) = p.split_once('=') else {
            bail!("--param {p:?} is not VAR=VALUE (for example --param name=Putin)");
        };
        params.push((k.trim().to_owned(), v.to_owned()));
    }
    let store = super::open_store_read_only(&args.store)?;
    let results = query::run(&store, &name, &text, &params, &RunOptions::default())
        .with_context(|| format!("query {name} failed"))?;
    let format = match args.format {
        QueryFormat::Table => ResultFormat::Table,
        QueryFormat::Csv => ResultFormat::Csv,
        QueryFormat::Tsv => ResultFormat::Tsv,
        QueryFormat::Json => ResultFormat::Json,
        QueryFormat::Xml => ResultFormat::Xml,
    };
    query::write(results, format, &mut out).with_context(|| format!("query {name} failed"))?;
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}

/// The query's name and text: a file, a bundled name, or SPARQL itself.
fn resolve(q: &str) -> Result<(String, String)> {
    let path = std::path::Path::new(q);
    if q.ends_with(".rq") || q.ends_with(".sparql") || (path.is_file() && !q.contains('{')) {
        let text = std::fs::read_to_string(path).with_context(|| format!("cannot read the query file {q}"))?;
        return Ok((q.to_owned(), text));
    }
    let looks_like_name = q.chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '/'));
    if looks_like_name {
        let bundled = query::find(q).context("run `newsgraph query --list` for the bundled queries")?;
        return Ok((bundled.name.to_owned(), bundled.text.to_owned()));
    }
    Ok(("query".to_owned(), q.to_owned()))
}
