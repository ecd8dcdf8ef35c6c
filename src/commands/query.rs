//! `newsgraph query`: SPARQL text, a .rq file, or a bundled query, on the store.

use std::process::ExitCode;
use std::time::Duration;

use anyhow::{bail, Context, Result};

use crate::cli::{QueryArgs, QueryFormat};
use newsgraph::query::{self, Deadline, ResultFormat, RunOptions};

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
    let deadline = match args.timeout {
        Some(t) if t.is_finite() && t > 0.0 => Some(Deadline::after(Duration::from_secs_f64(t))),
        Some(t) => bail!("--timeout {t} is not a number of seconds above 0"),
        None => None,
    };
    let failed = |deadline: &Option<Deadline>| match (deadline, args.timeout) {
        (Some(d), Some(t)) if d.expired() => format!(
            "query {name} ran longer than --timeout {t} s and was stopped (narrow its patterns, add a LIMIT, \
             or give it more time)"
        ),
        _ => format!("query {name} failed"),
    };
    let store = super::open_store_read_only(&args.store)?;
    super::warn_if_summary_incomplete(&store);
    let options = RunOptions { cancel: deadline.as_ref().map(|d| d.token().clone()) };
    let results = query::run(&store, &name, &text, &params, &options).with_context(|| failed(&deadline))?;
    let format = match args.format {
        QueryFormat::Table => ResultFormat::Table,
        QueryFormat::Csv => ResultFormat::Csv,
        QueryFormat::Tsv => ResultFormat::Tsv,
        QueryFormat::Json => ResultFormat::Json,
        QueryFormat::Xml => ResultFormat::Xml,
    };
    query::write(results, format, &mut out).with_context(|| failed(&deadline))?;
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
