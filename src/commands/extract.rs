//! `newsgraph extract`: the pipeline with no store, to standard output.
//! RDF formats stream: each article's quads are written as soon as it is read.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use anyhow::{Context, Result};
use oxigraph::io::RdfFormat;

use crate::cli::{ExtractArgs, ExtractFormat};
use newsgraph::model::{Analysis, Document};
use newsgraph::query::rdf_serializer;

fn rdf_format(f: ExtractFormat) -> Option<RdfFormat> {
    match f {
        ExtractFormat::Json | ExtractFormat::Explain => None,
        ExtractFormat::Turtle => Some(RdfFormat::Turtle),
        ExtractFormat::Trig => Some(RdfFormat::TriG),
        ExtractFormat::Ntriples => Some(RdfFormat::NTriples),
        ExtractFormat::Nquads => Some(RdfFormat::NQuads),
        ExtractFormat::Jsonld => Some(RdfFormat::JsonLd { profile: Default::default() }),
    }
}

/// Runs the pipeline on every article and hands each result to `emit`;
/// returns how many articles failed to read and how many were extracted.
fn each(args: &ExtractArgs, mut emit: impl FnMut(&Document, &Analysis) -> Result<()>) -> Result<(usize, usize)> {
    let (pipeline, endpoint) = super::pipeline(&args.input)?;
    let (mut failed, mut done) = (0, 0);
    for doc in super::articles(&args.input)? {
        match doc {
            Ok(doc) => {
                emit(&doc, &pipeline.analyze(&doc))?;
                done += 1;
            }
            Err(e) => {
                super::report(&e);
                failed += 1;
            }
        }
    }
    super::finish_endpoint(endpoint.as_deref())?;
    Ok((failed, done))
}

/// Every candidate name of one article with its scores and weightiest features.
fn write_explanation(out: &mut impl Write, doc: &Document, analysis: &Analysis) -> io::Result<()> {
    writeln!(out, "# {}: candidate, type chosen (- none), score per type | weightiest features", doc.id)?;
    let labels = newsgraph::ner::model::LABELS.map(|l| l.name());
    let mut tags = std::collections::BTreeSet::new();
    for e in newsgraph::ner::explain(&doc.text, &analysis.segmentation, &newsgraph::ner::model::Model::shipped()) {
        let scores: Vec<String> = labels.iter().zip(e.scores).map(|(l, s)| format!("{l} {s:+.2}")).collect();
        let chosen = e.chosen.map_or("-", |l| l.name());
        let top: Vec<String> = e.features.iter().take(6).map(|(f, w)| format!("{f} {w:+.2}")).collect();
        tags.extend(e.features.iter().take(6).filter_map(|(f, _)| f.split_once('=').map(|(t, _)| t.to_owned())));
        writeln!(out, "{:<32} {:<7} {}  |  {}", e.span.text(&doc.text), chosen, scores.join(" "), top.join(", "))?;
    }
    for tag in tags {
        writeln!(out, "#   {tag}: {}", newsgraph::ner::features::describe(&tag).unwrap_or("?"))?;
    }
    Ok(())
}

/// Runs `extract`.
pub fn run(args: ExtractArgs) -> Result<ExitCode> {
    let mut out = BufWriter::new(io::stdout().lock());
    let (failed, done) = match rdf_format(args.format) {
        None if args.format == ExtractFormat::Explain => each(&args, |doc, analysis| {
            write_explanation(&mut out, doc, analysis).context("cannot write to standard output")
        })?,
        None => each(&args, |doc, analysis| {
            serde_json::to_writer(&mut out, &newsgraph::json::document(doc, analysis)).context("cannot write JSON")?;
            out.write_all(b"\n").context("cannot write to standard output")
        })?,
        Some(format) => {
            let mut ser = rdf_serializer(format).for_writer(&mut out);
            let counts = each(&args, |doc, analysis| {
                for q in newsgraph::rdf::map(doc, analysis) {
                    if format.supports_datasets() { ser.serialize_quad(&q) } else { ser.serialize_triple(q.as_ref()) }
                        .context("cannot write RDF to standard output")?;
                }
                Ok(())
            })?;
            ser.finish().context("cannot write RDF to standard output")?;
            counts
        }
    };
    out.flush().context("cannot write to standard output")?;
    Ok(super::exit_code(failed, done))
}
