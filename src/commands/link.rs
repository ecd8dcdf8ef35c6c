//! `newsgraph link`: link the entities already in the store again, against a
//! user's knowledge base or a SPARQL endpoint (and the bundled base).

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Context, Result};

use crate::cli::LinkArgs;
use newsgraph::link::relink::{relink_graph, Relinked};
use newsgraph::rdf::mint;

/// Runs `link`.
pub fn run(args: LinkArgs) -> Result<ExitCode> {
    if args.link.kb.is_empty() && args.link.endpoint.is_none() {
        eprintln!("newsgraph: note: no --kb or --endpoint given: linking against the bundled knowledge base only");
    }
    let (linker, endpoint) = super::linker(&args.link)?;
    let store = super::open_store(&args.store)?;
    let graphs = match &args.doc {
        Some(id) => vec![mint::article(id)],
        None => store.graphs().context("cannot list the articles of the store")?,
    };
    let mut out = std::io::stdout().lock();
    let mut total = Relinked::default();
    let mut failed = 0;
    for g in &graphs {
        match relink_graph(&store, g, &linker) {
            Ok(r) => {
                total.entities += r.entities;
                total.linked += r.linked;
                total.changed += r.changed;
            }
            Err(e) => {
                super::report(
                    &anyhow::Error::new(e).context(format!("{} was not re-linked; its graph is unchanged", g.as_str())),
                );
                failed += 1;
            }
        }
    }
    writeln!(
        out,
        "{} article{}: {} entities, {} linked, {} changed",
        graphs.len(),
        if graphs.len() == 1 { "" } else { "s" },
        total.entities,
        total.linked,
        total.changed
    )
    .context("cannot write to standard output")?;
    super::finish_endpoint(endpoint.as_deref())?;
    Ok(super::exit_code(failed, graphs.len() - failed))
}
