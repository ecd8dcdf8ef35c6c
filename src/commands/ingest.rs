//! `newsgraph ingest`: articles → facts → one named graph per article in the
//! store (the work is [`newsgraph::ingest`]; this adds the progress bar and the
//! report), or, with `--to`, sent to a SPARQL Update endpoint (e.g. a running
//! `newsgraph serve` that holds the store), one article at a time.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::cli::IngestArgs;
use newsgraph::ingest::{self, Counts, Event, IngestOptions};
use newsgraph::input::Source;
use newsgraph::link::events::EventIndex;
use newsgraph::link::identity;
use newsgraph::push::{Protocol, Remote};
use newsgraph::rdf::{self, mint};
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
    match args.to.clone() {
        Some(to) => run_remote(&args, &to),
        None => run_store(args),
    }
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

/// Sends each article's graph to a SPARQL Update endpoint, replacing it in one request.
fn run_remote(args: &IngestArgs, to: &str) -> Result<ExitCode> {
    let url = update_url(to);
    let remote: Remote = super::push::remote(&url, Protocol::Update, args.token.as_deref(), None)
        .context("check --to: the SPARQL Update URL, e.g. http://127.0.0.1:7878/update")?;
    let (pipeline, endpoint) = super::pipeline(&args.input)?;
    // people are matched against the articles of --store read-only (the store the
    // server serves), if there is one
    let known = if args.store.store.join("CURRENT").exists() {
        super::open_store_read_only(&args.store)?
    } else {
        Store::memory().context("cannot create an in-memory store")?
    };
    let mut identities =
        identity::IdentityIndex::load(&known).context("cannot read the people already in the store")?;
    let mut events = EventIndex::load(&known).context("cannot read the events already in the store")?;
    let mut out = std::io::stdout().lock();
    let mut total = Counts::default();
    let mut failed = 0;
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
        let resolution = identities.resolve(&doc, &analysis);
        let merged = events.resolve(&doc, &analysis, &resolution.iris);
        let mut quads = rdf::map_with(&doc, &analysis, &resolution.iris);
        quads.extend(resolution.merge_quads(&doc));
        merged.apply(&doc, &analysis, &mut quads);
        let counts = Counts::of(&doc, &analysis, quads.len());
        if let Err(e) = remote.replace(&[(mint::article(&doc.id), quads)]) {
            // the endpoint is down or refuses us: every other article would fail the same way
            let fatal = e.status().is_none_or(|s| matches!(s, 401 | 403 | 404 | 405 | 415));
            let hint = super::push::hint(&e);
            let e =
                anyhow::Error::new(e).context(format!("article {} was not sent to {} ({hint})", doc.id, remote.url()));
            if fatal {
                return Err(e);
            }
            super::report(&e);
            failed += 1;
            continue;
        }
        identities.record(&doc, &analysis, &resolution.iris);
        events.record(&doc, &analysis, &resolution.iris, &merged);
        writeln!(out, "{}", article_line(&counts)).context("cannot write to standard output")?;
        total.add(&counts);
    }
    summary(&mut out, &total, failed, 0, &format!("sent to {}", remote.url()))?;
    super::finish_endpoint(endpoint.as_deref())?;
    Ok(super::exit_code(failed, total.articles))
}

/// Ingests into the store.
fn run_store(args: IngestArgs) -> Result<ExitCode> {
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
    let destination = format!(
        "store {} now holds {} triples",
        store.location(),
        store.len().context("cannot count the store's triples")?
    );
    summary(&mut out, &total, failed, unchanged, &destination)?;
    super::finish_endpoint(endpoint.as_deref())?;
    Ok(super::exit_code(failed, total.articles + unchanged))
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
