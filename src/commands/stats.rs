//! `newsgraph stats`: articles, entities by type, facts by predicate.

use std::process::ExitCode;

use anyhow::{Context, Result};
use oxigraph::sparql::QueryResults;

use crate::cli::StoreArgs;
use newsgraph::query::{self, RunOptions};

/// What `stats` counts, read from the summary graph (no scan of the articles).
const STATS: &[(&str, &str)] = &[
    (
        "articles",
        "SELECT (\"articles\" AS ?what) (COALESCE(SUM(?n), 0) AS ?count) WHERE { \
         GRAPH <https://w3id.org/newsgraph/id/summary> { schema:NewsArticle ng:instanceCount ?n } }",
    ),
    (
        "entities by type",
        "SELECT ?what ?count WHERE { GRAPH <https://w3id.org/newsgraph/id/summary> { ?t ng:entityCount ?count } \
         BIND(CONCAT(\"entities: \", REPLACE(STR(?t), \"^.*[/#]\", \"\")) AS ?what) } ORDER BY ?what",
    ),
    (
        "facts by predicate",
        "SELECT ?what ?count WHERE { GRAPH <https://w3id.org/newsgraph/id/summary> { ?p ng:useCount ?count } \
         FILTER(STRSTARTS(STR(?p), STR(ng:)) && ?p NOT IN (ng:participant, ng:actor, ng:place, ng:date, ng:dateText, ng:planned, ng:cameoCode, ng:evidence, \
         ng:start, ng:end, ng:text, ng:kinship, ng:linkConfidence, ng:linkMethod, ng:checksum, ng:mergedName, \
         ng:mergedInto, ng:mergeReason)) \
         BIND(CONCAT(\"facts: \", STRAFTER(STR(?p), \"#\")) AS ?what) } ORDER BY ?what",
    ),
    (
        "quotes and events",
        "SELECT ?what ?count WHERE { GRAPH <https://w3id.org/newsgraph/id/summary> { ?t ng:instanceCount ?count } \
         VALUES ?t { prov:Quotation ng:Meeting ng:PhoneCall ng:Visit ng:Action } \
         BIND(IF(?t = prov:Quotation, \"quotes\", CONCAT(\"events: \", STRAFTER(STR(?t), \"#\"))) AS ?what) } ORDER BY ?what",
    ),
    (
        "integrity violations",
        "SELECT (\"integrity violations\" AS ?what) (COUNT(?v) AS ?count) WHERE { \
         GRAPH <https://w3id.org/newsgraph/id/summary> { ?v ng:check ?c } }",
    ),
];

/// Runs `stats`.
pub fn run(args: &StoreArgs) -> Result<ExitCode> {
    let store = super::open_store_read_only(args)?;
    super::warn_if_summary_incomplete(&store);
    let mut rows = Vec::new();
    for (name, sparql) in STATS {
        let QueryResults::Solutions(solutions) = query::run(&store, name, sparql, &[], &RunOptions::default())? else {
            continue;
        };
        for s in solutions {
            let s = s.with_context(|| format!("cannot count {name}"))?;
            let cell = |v: &str| s.get(v).map(query::cell).unwrap_or_default();
            rows.push(vec![cell("what"), cell("count")]);
        }
    }
    rows.push(vec!["triples in article graphs".to_owned(), store.article_quads()?.to_string()]);
    let mut out = super::Output::new(None)?;
    query::write_table(&["what".into(), "count".into()], &rows, false, &mut out)
        .context("cannot write to standard output")?;
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}
