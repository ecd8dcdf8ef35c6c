//! `newsgraph ingest`: articles → facts → one named graph per article in the store.
//! The work is [`newsgraph::ingest`]; this adds the progress bar and the report.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::cli::IngestArgs;
use newsgraph::ingest::{self, Counts, Event, IngestOptions};
use newsgraph::input::Source;
use newsgraph::store::Store;

/// A progress bar on stderr when it is a terminal: bytes read against the size
/// of the input files, with articles per second and the time left.
fn progress(args: &IngestArgs) -> ProgressBar {
    if args.quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let total: u64 = newsgraph::input::sources(&args.input.paths)
        .unwrap_or_default()
        .iter()
        .filter_map(|s| match s {
            Source::File(p) | Source::Jsonl(p) => std::fs::metadata(p).ok().map(|m| m.len()),
            Source::Stdin => None,
        })
        .sum();
    let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
    let style = ProgressStyle::with_template(
        "{spinner} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} {msg} (eta {eta})",
    )
    .unwrap_or_else(|_| ProgressStyle::default_bar());
    bar.set_style(style);
    bar.enable_steady_tick(Duration::from_millis(250));
    bar
}

/// Runs `ingest`.
pub fn run(args: IngestArgs) -> Result<ExitCode> {
    let store = if args.memory {
        Store::memory().context("cannot create an in-memory store")?
    } else {
        super::open_store(&args.store)?
    };
    let (pipeline, endpoint) = super::pipeline(&args.input)?;
    let bar = progress(&args);
    let started = std::time::Instant::now();
    let articles = super::articles(&args.input)?.inspect(|d| {
        if let Ok(d) = d {
            bar.inc(d.text.len() as u64);
        }
    });
    let mut out = std::io::stdout().lock();
    let (mut failed, mut unchanged, mut done) = (0usize, 0usize, 0usize);
    let mut write_error = None;
    let options = IngestOptions { jobs: args.jobs, ..IngestOptions::default() };
    let total = ingest::ingest(&store, &pipeline, articles, options, |event| {
        let line = match event {
            Event::Stored(c) => {
                done += 1;
                bar.set_message(format!("{:.0} articles/s", done as f64 / started.elapsed().as_secs_f64().max(1e-3)));
                Some(format!(
                    "{}: {} entities, {} quotes, {} relations, {} triples",
                    c.id, c.entities, c.quotes, c.relations, c.triples
                ))
            }
            Event::Unchanged(id) => {
                unchanged += 1;
                Some(format!("{id}: already in the store, unchanged"))
            }
            Event::Unreadable(e) => {
                bar.suspend(|| super::report(&e));
                failed += 1;
                None
            }
            Event::NotStored(id, e) => {
                bar.suspend(|| {
                    super::report(
                        &anyhow::Error::new(e).context(format!("article {id} was not stored; the store is unchanged")),
                    )
                });
                failed += 1;
                None
            }
        };
        if let Some(line) = line {
            if let Err(e) = bar.suspend(|| writeln!(out, "{line}")) {
                write_error.get_or_insert(e);
            }
        }
    })
    .context("the ingest stopped; every article stored so far is complete")?;
    bar.finish_and_clear();
    if let Some(e) = write_error {
        return Err(anyhow::Error::new(e).context("cannot write to standard output"));
    }
    summary(&mut out, &total, failed, unchanged, &store)?;
    super::finish_endpoint(endpoint.as_deref())?;
    Ok(super::exit_code(failed, total.articles + unchanged))
}

fn summary(out: &mut impl Write, total: &Counts, failed: usize, unchanged: usize, store: &Store) -> Result<()> {
    let mut extra = String::new();
    if unchanged > 0 {
        extra.push_str(&format!("; {unchanged} unchanged"));
    }
    if failed > 0 {
        extra.push_str(&format!("; {failed} failed"));
    }
    writeln!(
        out,
        "total: {} article{}, {} entities, {} quotes, {} relations, {} triples{extra}; store {} now holds {} triples",
        total.articles,
        if total.articles == 1 { "" } else { "s" },
        total.entities,
        total.quotes,
        total.relations,
        total.triples,
        store.location(),
        store.len().context("cannot count the store's triples")?
    )
    .context("cannot write to standard output")
}
