//! `newsgraph ingest`: articles → facts → one named graph per article in the store.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Context, Result};

use crate::cli::IngestArgs;
use newsgraph::link::identity;
use newsgraph::model::Analysis;
use newsgraph::rdf::{self, mint};
use newsgraph::store::Store;

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
    let store = if args.memory {
        Store::memory().context("cannot create an in-memory store")?
    } else {
        super::open_store(&args.store)?
    };
    let (pipeline, endpoint) = super::pipeline(&args.input)?;
    let mut identities =
        identity::IdentityIndex::load(&store).context("cannot read the people already in the store")?;
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
        if let Err(e) = store.replace_graph(&doc.id, mint::article(&doc.id).as_ref(), &quads) {
            super::report(
                &anyhow::Error::new(e).context(format!("article {} was not stored; the store is unchanged", doc.id)),
            );
            failed += 1;
            continue;
        }
        identities.record(&doc, &analysis, &resolution.iris);
        let c = Counts::of(&analysis, quads.len());
        total.add(c);
        writeln!(
            out,
            "{}: {} entities, {} quotes, {} relations, {} triples",
            doc.id, c.entities, c.quotes, c.relations, c.triples
        )
        .context("cannot write to standard output")?;
    }
    writeln!(
        out,
        "total: {} article{}, {} entities, {} quotes, {} relations, {} triples{}; store {} now holds {} triples",
        total.articles,
        if total.articles == 1 { "" } else { "s" },
        total.entities,
        total.quotes,
        total.relations,
        total.triples,
        if failed > 0 { format!("; {failed} failed") } else { String::new() },
        store.location(),
        store.len().context("cannot count the store's triples")?
    )
    .context("cannot write to standard output")?;
    super::finish_endpoint(endpoint.as_deref())?;
    Ok(super::exit_code(failed, total.articles))
}
