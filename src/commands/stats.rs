//! `newsgraph stats`: articles, entities by type, facts by predicate.

use std::process::ExitCode;

use anyhow::{Context, Result};
use oxigraph::sparql::QueryResults;

use crate::cli::StoreArgs;
use newsgraph::query::{self, RunOptions};

const STATS: &[(&str, &str)] = &[
    ("articles", "SELECT (\"articles\" AS ?what) (COUNT(DISTINCT ?a) AS ?count) WHERE { GRAPH ?a { ?a a schema:NewsArticle } }"),
    (
        "entities by type",
        "SELECT ?what (COUNT(DISTINCT ?e) AS ?count) WHERE { GRAPH ?g { ?e a ?t ; rdfs:label ?l } \
         VALUES ?t { schema:Person schema:Organization ng:GeopoliticalEntity ng:Location ng:Group } \
         BIND(CONCAT(\"entities: \", REPLACE(STR(?t), \"^.*[/#]\", \"\")) AS ?what) } GROUP BY ?what ORDER BY ?what",
    ),
    (
        "facts by predicate",
        "SELECT ?what (COUNT(*) AS ?count) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?p), STR(ng:)) \
         && ?p NOT IN (ng:participant, ng:actor, ng:place, ng:date, ng:dateText, ng:planned, ng:cameoCode, ng:evidence, ng:start, ng:end, ng:text, ng:kinship, ng:linkConfidence, ng:linkMethod)) \
         BIND(CONCAT(\"facts: \", STRAFTER(STR(?p), \"#\")) AS ?what) } GROUP BY ?what ORDER BY ?what",
    ),
    (
        "quotes and events",
        "SELECT ?what (COUNT(DISTINCT ?x) AS ?count) WHERE { GRAPH ?g { ?x a ?t } \
         VALUES ?t { prov:Quotation ng:Meeting ng:PhoneCall ng:Visit ng:Action } \
         BIND(CONCAT(IF(?t = prov:Quotation, \"quotes\", CONCAT(\"events: \", STRAFTER(STR(?t), \"#\")))) AS ?what) } GROUP BY ?what ORDER BY ?what",
    ),
];

/// Runs `stats`.
pub fn run(args: &StoreArgs) -> Result<ExitCode> {
    let store = super::open_store_read_only(args)?;
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
    rows.push(vec!["triples".to_owned(), store.len()?.to_string()]);
    let mut out = super::Output::new(None)?;
    query::write_table(&["what".into(), "count".into()], &rows, false, &mut out)
        .context("cannot write to standard output")?;
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}
