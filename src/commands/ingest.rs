//! `newsgraph ingest`: articles → facts → one named graph per article in the
//! store, or, with `--to`, sent to a SPARQL Update endpoint (e.g. a running
//! `newsgraph serve` that holds the store), one article at a time. The work is
//! [`newsgraph::ingest`] either way; this adds the progress bar and the report.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::cli::IngestArgs;
use newsgraph::ingest::{self, Counts, Event, IngestOptions, RemoteSink, Sink, StoreSink, WriteError};
use newsgraph::input::Source;
use newsgraph::push::Protocol;
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

/// Runs `ingest`: into the store, or with `--to` to a SPARQL Update endpoint —
/// the same library path either way ([`ingest::ingest`]), only the sink differs.
pub fn run(args: IngestArgs) -> Result<ExitCode> {
    let (pipeline, endpoint) = super::pipeline(&args.input)?;
    let remote = match &args.to {
        Some(to) => Some(
            super::push::remote(&update_url(to), Protocol::Update, args.token.as_deref(), None)
                .context("check --to: the SPARQL Update URL, e.g. http://127.0.0.1:7878/update")?,
        ),
        None => None,
    };
    let store = match (&remote, args.memory) {
        (_, true) => Store::memory().context("cannot create an in-memory store")?,
        // with --to, what is stored already (to skip it) and the people it names (one
        // node per person across articles) are read from --store, read-only: right when
        // the server serves that store; without one, only the articles of the run count
        (Some(_), false) if !args.store.store.join("CURRENT").exists() => {
            Store::memory().context("cannot create an in-memory store")?
        }
        (Some(_), false) => super::open_store_read_only(&args.store)?,
        (None, false) => super::open_store(&args.store)?,
    };
    let mut to_store = StoreSink(&store);
    let mut to_remote = remote.as_ref().map(RemoteSink);
    let sink: &mut dyn Sink = match &mut to_remote {
        Some(r) => r,
        None => &mut to_store,
    };
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
    let options = IngestOptions { jobs: args.jobs, batch: args.batch as usize };
    let destination = remote.as_ref().map(|r| r.url().to_owned());
    let total = ingest::ingest(&store, &pipeline, articles, options, sink, |event| {
        let line = match event {
            Event::Stored(c) => {
                done += 1;
                bar.set_message(format!("{:.0} articles/s", done as f64 / started.elapsed().as_secs_f64().max(1e-3)));
                Some(article_line(&c))
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
                let what = match &destination {
                    Some(url) => format!("article {id} was not sent to {url}"),
                    None => format!("article {id} was not stored; the store is unchanged"),
                };
                bar.suspend(|| super::report(&anyhow::Error::new(e).context(what)));
                failed += 1;
                None
            }
        };
        if let Some(line) = line {
            if let Err(e) = bar.suspend(|| writeln!(out, "{line}")) {
                write_error.get_or_insert(e);
            }
        }
    });
    bar.finish_and_clear();
    let total = match total {
        Ok(total) => total,
        Err(e) => {
            // the endpoint is down or refuses us: every other article would fail the same way
            let hint = match &e {
                WriteError::Remote(p) => super::push::hint(p),
                _ => "every article stored so far is complete",
            };
            let to = destination.as_deref().unwrap_or(store.location());
            return Err(anyhow::Error::new(e).context(format!("the ingest stopped: cannot write to {to} ({hint})")));
        }
    };
    if let Some(e) = write_error {
        return Err(anyhow::Error::new(e).context("cannot write to standard output"));
    }
    let destination = match &destination {
        Some(url) => format!("sent to {url}"),
        None => format!(
            "store {} now holds {} triples in its article graphs",
            store.location(),
            store.article_quads().context("cannot read the store's summary")?
        ),
    };
    summary(&mut out, &total, failed, unchanged, &destination)?;
    super::finish_endpoint(endpoint.as_deref())?;
    Ok(super::exit_code(failed, total.articles + unchanged))
}

/// The SPARQL Update URL: a bare server address gets `/update`.
fn update_url(endpoint: &str) -> String {
    let rest = endpoint.split_once("://").map_or(endpoint, |(_, r)| r);
    if rest.trim_end_matches('/').contains('/') {
        endpoint.to_owned()
    } else {
        format!("{}/update", endpoint.trim_end_matches('/'))
    }
}

/// One article's line of the report.
fn article_line(c: &Counts) -> String {
    format!("{}: {} entities, {} quotes, {} relations, {} triples", c.id, c.entities, c.quotes, c.relations, c.triples)
}

fn summary(out: &mut impl Write, total: &Counts, failed: usize, unchanged: usize, destination: &str) -> Result<()> {
    let mut extra = String::new();
    if unchanged > 0 {
        extra.push_str(&format!("; {unchanged} unchanged"));
    }
    if failed > 0 {
        extra.push_str(&format!("; {failed} failed"));
    }
    writeln!(
        out,
        "total: {} article{}, {} entities, {} quotes, {} relations, {} triples{extra}; {destination}",
        total.articles,
        if total.articles == 1 { "" } else { "s" },
        total.entities,
        total.quotes,
        total.relations,
        total.triples,
    )
    .context("cannot write to standard output")
}

#[cfg(test)]
mod tests {
    use super::update_url;

    #[test]
    fn bare_server_addresses_get_update() {
        assert_eq!(update_url("http://127.0.0.1:7878"), "http://127.0.0.1:7878/update");
        assert_eq!(update_url("http://127.0.0.1:7878/"), "http://127.0.0.1:7878/update");
        assert_eq!(update_url("http://127.0.0.1:7878/update"), "http://127.0.0.1:7878/update");
        assert_eq!(update_url("https://example.com/sparql"), "https://example.com/sparql");
    }
}
