//! `newsgraph ingest`: articles → facts → one named graph per article in the
//! store, or, with `--to`, sent to a SPARQL Update endpoint (e.g. a running
//! `newsgraph serve` that holds the store).

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Context, Result};

use crate::cli::IngestArgs;
use newsgraph::link::identity;
use newsgraph::model::Analysis;
use newsgraph::push::{Protocol, Remote};
use newsgraph::rdf::{self, mint};
use newsgraph::store::Store;

/// Where the article graphs go.
enum Sink {
    /// The store, opened for writing.
    Store(Store),
    /// A SPARQL Update endpoint.
    Endpoint(Remote),
}

impl Sink {
    /// Replaces the article's graph. `Err((error, fatal))`: `fatal` when the run must stop
    /// (the endpoint is down or refuses us, so every other article would fail the same way).
    fn replace(&self, doc: &str, quads: Vec<oxigraph::model::Quad>) -> Result<(), (anyhow::Error, bool)> {
        let graph = mint::article(doc);
        match self {
            Self::Store(store) => store.replace_graph(doc, graph.as_ref(), &quads).map_err(|e| {
                (anyhow::Error::new(e).context(format!("article {doc} was not stored; the store is unchanged")), false)
            }),
            Self::Endpoint(remote) => remote.replace(&[(graph, quads)]).map(|_| ()).map_err(|e| {
                let fatal = e.status().is_none_or(|s| matches!(s, 401 | 403 | 404 | 405 | 415));
                let hint = super::push::hint(&e);
                (
                    anyhow::Error::new(e).context(format!("article {doc} was not sent to {} ({hint})", remote.url())),
                    fatal,
                )
            }),
        }
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

/// Counts of what one article (or a run) added.
#[derive(Debug, Default, Clone, Copy)]
pub struct Counts {
    /// Articles stored.
    pub articles: usize,
    /// Entities.
    pub entities: usize,
    /// Quotations.
    pub quotes: usize,
    /// Relations.
    pub relations: usize,
    /// Quads written.
    pub triples: usize,
}

impl Counts {
    fn of(a: &Analysis, triples: usize) -> Self {
        Self { articles: 1, entities: a.entities.len(), quotes: a.quotes.len(), relations: a.relations.len(), triples }
    }

    fn add(&mut self, o: Counts) {
        self.articles += o.articles;
        self.entities += o.entities;
        self.quotes += o.quotes;
        self.relations += o.relations;
        self.triples += o.triples;
    }
}

/// Runs `ingest`.
pub fn run(args: IngestArgs) -> Result<ExitCode> {
    let sink = if let Some(to) = &args.to {
        let url = update_url(to);
        Sink::Endpoint(
            super::push::remote(&url, Protocol::Update, args.token.as_deref(), None)
                .context("check --to: the SPARQL Update URL, e.g. http://127.0.0.1:7878/update")?,
        )
    } else if args.memory {
        Sink::Store(Store::memory().context("cannot create an in-memory store")?)
    } else {
        Sink::Store(super::open_store(&args.store)?)
    };
    let (pipeline, endpoint) = super::pipeline(&args.input)?;
    // people are matched against the articles already stored: with --to, those of
    // --store read-only (the store the server serves), if there is one
    let local;
    let known = match &sink {
        Sink::Store(store) => store,
        Sink::Endpoint(_) => {
            local = if args.store.store.join("CURRENT").exists() {
                super::open_store_read_only(&args.store)?
            } else {
                Store::memory().context("cannot create an in-memory store")?
            };
            &local
        }
    };
    let mut identities = identity::IdentityIndex::load(known).context("cannot read the people already in the store")?;
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
        // one node per entity across articles: IRIs chosen against the other articles
        let resolution = identities.resolve(&doc, &analysis);
        let mut quads = rdf::map_with(&doc, &analysis, &resolution.iris);
        quads.extend(resolution.merge_quads(&doc));
        let n = quads.len();
        if let Err((e, fatal)) = sink.replace(&doc.id, quads) {
            if fatal {
                return Err(e);
            }
            super::report(&e);
            failed += 1;
            continue;
        }
        identities.record(&doc, &analysis, &resolution.iris);
        let c = Counts::of(&analysis, n);
        total.add(c);
        writeln!(
            out,
            "{}: {} entities, {} quotes, {} relations, {} triples",
            doc.id, c.entities, c.quotes, c.relations, c.triples
        )
        .context("cannot write to standard output")?;
    }
    let destination = match &sink {
        Sink::Store(store) => format!(
            "store {} now holds {} triples",
            store.location(),
            store.len().context("cannot count the store's triples")?
        ),
        Sink::Endpoint(remote) => format!("sent to {}", remote.url()),
    };
    writeln!(
        out,
        "total: {} article{}, {} entities, {} quotes, {} relations, {} triples{}; {destination}",
        total.articles,
        if total.articles == 1 { "" } else { "s" },
        total.entities,
        total.quotes,
        total.relations,
        total.triples,
        if failed > 0 { format!("; {failed} failed") } else { String::new() },
    )
    .context("cannot write to standard output")?;
    super::finish_endpoint(endpoint.as_deref())?;
    Ok(super::exit_code(failed, total.articles))
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
