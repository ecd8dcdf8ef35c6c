//! Content negotiation: the `Accept` header against the formats we can write.
//!
//! Each format we offer takes the quality (`q`) of the most specific media
//! range that matches it (`text/turtle` before `text/*` before `*/*`); the
//! best quality wins, ties going to the earlier format in our list (the
//! default first). No `Accept` header means the default; a header that
//! accepts none of our formats is a 406.

use oxigraph::io::{JsonLdProfileSet, RdfFormat};
use oxigraph::sparql::results::QueryResultsFormat;

/// SPARQL results formats, the default (JSON) first, with their media types and aliases.
pub const RESULTS: &[(&str, QueryResultsFormat)] = &[
    ("application/sparql-results+json", QueryResultsFormat::Json),
    ("application/sparql-results+xml", QueryResultsFormat::Xml),
    ("text/csv", QueryResultsFormat::Csv),
    ("text/tab-separated-values", QueryResultsFormat::Tsv),
    ("application/json", QueryResultsFormat::Json),
    ("application/xml", QueryResultsFormat::Xml),
    ("text/tsv", QueryResultsFormat::Tsv),
];

const JSON_LD: RdfFormat = RdfFormat::JsonLd { profile: JsonLdProfileSet::empty() };

/// RDF formats for graphs (triples), the default (Turtle) first.
pub const GRAPH: &[(&str, RdfFormat)] = &[
    ("text/turtle", RdfFormat::Turtle),
    ("application/n-triples", RdfFormat::NTriples),
    ("application/rdf+xml", RdfFormat::RdfXml),
    ("application/ld+json", JSON_LD),
    ("application/n-quads", RdfFormat::NQuads),
    ("application/trig", RdfFormat::TriG),
    ("text/n3", RdfFormat::N3),
    ("text/plain", RdfFormat::NTriples),
];

/// RDF formats for datasets (named graphs kept), the default (N-Quads) first.
pub const DATASET: &[(&str, RdfFormat)] = &[
    ("application/n-quads", RdfFormat::NQuads),
    ("application/trig", RdfFormat::TriG),
    ("application/ld+json", JSON_LD),
];

/// One media range of an `Accept` header.
#[derive(Debug, PartialEq)]
struct Range {
    kind: String,
    subtype: String,
    q: f32,
}

/// Parses an `Accept` header; malformed ranges are an error message.
fn ranges(header: &str) -> Result<Vec<Range>, String> {
    let mut out = Vec::new();
    for item in header.split(',').map(str::trim).filter(|i| !i.is_empty()) {
        let mut parts = item.split(';');
        let media = parts.next().unwrap_or_default().trim().to_ascii_lowercase();
        let Some((kind, subtype)) = media.split_once('/') else {
            return Err(format!("{media:?} in the Accept header is not a media type (type/subtype)"));
        };
        let mut q = 1.0;
        for p in parts {
            if let Some((k, v)) = p.split_once('=') {
                if k.trim().eq_ignore_ascii_case("q") {
                    q =
                        v.trim().parse::<f32>().ok().filter(|q| (0.0..=1.0).contains(q)).ok_or_else(|| {
                            format!("q={} in the Accept header is not a number from 0 to 1", v.trim())
                        })?;
                }
            }
        }
        out.push(Range { kind: kind.trim().to_owned(), subtype: subtype.trim().to_owned(), q });
    }
    Ok(out)
}

/// The quality the ranges give a media type: that of the most specific matching range.
fn quality(ranges: &[Range], media: &str) -> f32 {
    let (kind, subtype) = media.split_once('/').unwrap_or((media, ""));
    let mut best: Option<(u8, f32)> = None;
    for r in ranges {
        let specificity = if r.kind == kind && r.subtype == subtype {
            2
        } else if r.kind == kind && r.subtype == "*" {
            1
        } else if r.kind == "*" && r.subtype == "*" {
            0
        } else {
            continue;
        };
        if best.is_none_or(|(s, _)| specificity > s) {
            best = Some((specificity, r.q));
        }
    }
    best.map_or(0.0, |(_, q)| q)
}

/// Why no format fits.
#[derive(Debug, PartialEq)]
pub enum Refusal {
    /// The header is malformed (a 400).
    Malformed(String),
    /// No format we offer is acceptable (a 406); the message lists ours.
    NotAcceptable(String),
}

/// The best of `offered` for the `Accept` header (`None`: no header).
pub fn choose<F: Copy>(accept: Option<&str>, offered: &[(&str, F)]) -> Result<F, Refusal> {
    let Some(header) = accept.filter(|h| !h.trim().is_empty()) else {
        return Ok(offered[0].1);
    };
    let ranges = ranges(header).map_err(Refusal::Malformed)?;
    let mut best: Option<(f32, F)> = None;
    for (media, format) in offered {
        let q = quality(&ranges, media);
        if q > 0.0 && best.is_none_or(|(b, _)| q > b) {
            best = Some((q, *format));
        }
    }
    best.map(|(_, f)| f).ok_or_else(|| {
        let ours: Vec<&str> = offered.iter().map(|(m, _)| *m).collect();
        Refusal::NotAcceptable(format!(
            "none of the formats in the Accept header ({header}) is one this endpoint writes here: {}",
            ours.join(", ")
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn results(accept: Option<&str>) -> Result<QueryResultsFormat, Refusal> {
        choose(accept, RESULTS)
    }

    #[test]
    fn defaults_and_exact_types() {
        assert_eq!(results(None), Ok(QueryResultsFormat::Json));
        assert_eq!(results(Some("*/*")), Ok(QueryResultsFormat::Json));
        assert_eq!(results(Some("text/csv")), Ok(QueryResultsFormat::Csv));
        assert_eq!(results(Some("Application/SPARQL-Results+XML")), Ok(QueryResultsFormat::Xml));
        assert_eq!(results(Some("text/tab-separated-values; charset=utf-8")), Ok(QueryResultsFormat::Tsv));
        assert_eq!(choose(Some("text/*"), GRAPH), Ok(RdfFormat::Turtle));
        assert_eq!(choose(Some("application/trig"), DATASET), Ok(RdfFormat::TriG));
    }

    #[test]
    fn quality_decides_and_specific_ranges_win() {
        assert_eq!(results(Some("text/csv;q=0.5, application/sparql-results+xml")), Ok(QueryResultsFormat::Xml));
        assert_eq!(results(Some("text/*;q=0.9, text/csv;q=0.1, */*;q=0.2")), Ok(QueryResultsFormat::Tsv));
        // a browser's header: */* at 0.8 gives our default
        assert_eq!(
            results(Some("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")),
            Ok(QueryResultsFormat::Xml)
        );
        assert_eq!(choose(Some("application/sparql-results+json, text/turtle;q=0.9"), GRAPH), Ok(RdfFormat::Turtle));
    }

    #[test]
    fn refusals() {
        assert!(matches!(results(Some("image/png")), Err(Refusal::NotAcceptable(m)) if m.contains("text/csv")));
        assert!(matches!(results(Some("text/csv;q=0")), Err(Refusal::NotAcceptable(_))));
        assert!(matches!(results(Some("nonsense")), Err(Refusal::Malformed(_))));
        assert!(matches!(results(Some("text/csv;q=2")), Err(Refusal::Malformed(_))));
        assert!(matches!(choose(Some("text/turtle"), DATASET), Err(Refusal::NotAcceptable(_))));
    }
}
