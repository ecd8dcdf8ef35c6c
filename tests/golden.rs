//! Golden test: the example article maps to the expected graph, compared as
//! sorted N-Quads (our IRIs are all minted, so no blank node canonicalisation
//! is needed). Set NEWSGRAPH_UPDATE_GOLDEN=1 to rewrite the expected file.

use std::collections::BTreeSet;

use newsgraph::{rdf, Pipeline};

use crate::common;

fn canonical(quads: &[oxigraph::model::Quad]) -> BTreeSet<String> {
    quads.iter().map(|q| format!("{q} .")).collect()
}

#[test]
fn example_article_maps_to_the_expected_graph() {
    let doc = common::example();
    let actual = canonical(&rdf::map(&doc, &Pipeline::default().analyze(&doc)));
    let file = common::path("tests/fixtures/miami-talks.nq");
    if std::env::var_os("NEWSGRAPH_UPDATE_GOLDEN").is_some() {
        let body: String = actual.iter().map(|l| format!("{l}\n")).collect();
        std::fs::write(&file, body).expect("write the golden file");
        return;
    }
    let expected: BTreeSet<String> = std::fs::read_to_string(&file)
        .expect("tests/fixtures/miami-talks.nq exists (NEWSGRAPH_UPDATE_GOLDEN=1 writes it)")
        .lines()
        .map(str::to_owned)
        .collect();
    let missing: Vec<_> = expected.difference(&actual).collect();
    let extra: Vec<_> = actual.difference(&expected).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "the example's graph changed.\nexpected but missing ({}):\n{}\nnew ({}):\n{}\n(rerun with NEWSGRAPH_UPDATE_GOLDEN=1 if the change is intended)",
        missing.len(),
        missing.iter().map(|l| format!("  - {l}")).collect::<Vec<_>>().join("\n"),
        extra.len(),
        extra.iter().map(|l| format!("  + {l}")).collect::<Vec<_>>().join("\n"),
    );
}
