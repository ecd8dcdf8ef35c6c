//! `newsgraph export`: the entity graph (DOT, GraphML) or the store's RDF.

use std::collections::HashSet;
use std::process::ExitCode;

use anyhow::{Context, Result};
use oxigraph::io::RdfFormat;
use oxigraph::model::{GraphName, GraphNameRef, Triple};

use crate::cli::{ExportArgs, ExportFormat};
use newsgraph::export;
use newsgraph::query::rdf_serializer;
use newsgraph::rdf::mint;

/// Runs `export`.
pub fn run(args: ExportArgs) -> Result<ExitCode> {
    let store = super::open_store_read_only(&args.store)?;
    let doc = args.doc.as_deref();
    if let Some(d) = doc {
        let graph = mint::article(d);
        if store.graph_len(graph.as_ref())? == 0 {
            anyhow::bail!(
                "there is no article {d:?} in the store at {} (`newsgraph stats` lists what is there)",
                args.store.store.display()
            );
        }
    }
    let mut out = super::Output::new(args.output.as_deref())?;
    let rdf = match args.format {
        ExportFormat::Dot | ExportFormat::Graphml => {
            let graph = export::entity_graph(&store, doc).context("cannot read the entity graph")?;
            if args.format == ExportFormat::Dot {
                export::dot::write(&graph, &mut out)
            } else {
                export::graphml::write(&graph, &mut out)
            }
            .context("cannot write the graph")?;
            out.finish()?;
            return Ok(ExitCode::SUCCESS);
        }
        ExportFormat::Turtle => RdfFormat::Turtle,
        ExportFormat::Trig => RdfFormat::TriG,
        ExportFormat::Ntriples => RdfFormat::NTriples,
        ExportFormat::Nquads => RdfFormat::NQuads,
        ExportFormat::Jsonld => RdfFormat::JsonLd { profile: Default::default() },
        ExportFormat::Rdfxml => RdfFormat::RdfXml,
    };
    let mut ser = rdf_serializer(rdf).for_writer(&mut out);
    let graph = doc.map(mint::article);
    let graph_name = graph.as_ref().map(|g| GraphNameRef::NamedNode(g.as_ref()));
    // graphs merged into one: an entity typed in two articles is written once
    let mut seen: HashSet<Triple> = HashSet::new();
    // the article graphs; not the summary graph, which a store rebuilds from them
    let summary = GraphName::NamedNode(mint::summary());
    for q in store.inner().quads_for_pattern(None, None, None, graph_name) {
        let q = q.context("cannot read the store")?;
        if q.graph_name.is_default_graph() || q.graph_name == summary {
            continue;
        }
        if rdf.supports_datasets() {
            ser.serialize_quad(&q)
        } else {
            let t: Triple = q.into();
            if !seen.insert(t.clone()) {
                continue;
            }
            ser.serialize_triple(&t)
        }
        .context("cannot write RDF")?;
    }
    ser.finish().context("cannot write RDF")?;
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}
