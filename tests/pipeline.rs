//! The pipeline end to end: quality bars on the example and its renamed copy,
//! and robustness on arbitrary text.

use newsgraph::model::Document;
use newsgraph::{json, rdf, Pipeline};
use proptest::prelude::*;

use crate::{common, score};

fn scores(doc: &Document, gold: &str) -> score::Scores {
    let gold: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(common::path(gold)).expect("gold fixture")).expect("gold JSON");
    let pred = serde_json::to_value(json::document(doc, &Pipeline::default().analyze(doc))).expect("JSON");
    score::score(&gold, &pred)
}

/// Every measure at 0.95 or above, on the example and on its renamed copy alike.
fn assert_bars(name: &str, s: &score::Scores) {
    let report = format!(
        "{name}: mentions_typed {:.3}, quotes_span {:.3}, quotes_attributed {:.3}, relations {:.3} ({:?})",
        s.mentions_typed.f1(),
        s.quotes_span.f1(),
        s.quotes_attributed.f1(),
        s.relations.f1(),
        s.relations
    );
    for (measure, prf) in [
        ("mentions_typed", s.mentions_typed),
        ("quotes_span", s.quotes_span),
        ("quotes_attributed", s.quotes_attributed),
        ("relations", s.relations),
    ] {
        assert!(prf.f1() >= 0.95, "{measure} below the bar: {report}");
    }
}

#[test]
fn example_meets_the_quality_bars() {
    assert_bars("miami-talks", &scores(&common::example(), "tests/fixtures/miami-talks.gold.json"));
}

#[test]
fn renamed_copy_meets_the_same_bars() {
    assert_bars("istanbul-talks", &scores(&common::renamed(), "tests/fixtures/istanbul-talks.gold.json"));
}

/// Text made of the characters news uses, including the tricky ones.
fn newsy() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("Mr. ".to_owned()),
            Just("“".to_owned()),
            Just("”".to_owned()),
            Just("\"".to_owned()),
            Just("'".to_owned()),
            Just("’s ".to_owned()),
            Just("—".to_owned()),
            Just("€5 ".to_owned()),
            Just("\n\n".to_owned()),
            Just("U.S. ".to_owned()),
            Just(" said ".to_owned()),
            Just("Müller ".to_owned()),
            Just("between ".to_owned()),
            Just("Ukrainian President ".to_owned()),
            Just("talks with ".to_owned()),
            Just(". ".to_owned()),
            "[A-Z][a-z]{1,8} ",
            "\\PC{0,6}",
        ],
        0..60,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn never_panics_and_spans_stay_on_char_boundaries(text in newsy()) {
        let doc = Document::new("p", text);
        let a = Pipeline::default().analyze(&doc);
        for m in &a.mentions {
            prop_assert!(doc.text.is_char_boundary(m.span.start) && doc.text.is_char_boundary(m.span.end));
            prop_assert!(m.span.start < m.span.end && m.span.end <= doc.text.len());
        }
        for q in &a.quotes {
            prop_assert!(doc.text.is_char_boundary(q.span.start) && doc.text.is_char_boundary(q.span.end));
        }
        let j = json::document(&doc, &a);
        let chars = doc.text.chars().count();
        for e in &j.entities {
            for m in &e.mentions {
                prop_assert!(m.end <= chars);
                let text: String = doc.text.chars().skip(m.start).take(m.end - m.start).collect();
                prop_assert_eq!(&text, &m.text);
            }
        }
        let _ = rdf::map(&doc, &a);
    }
}
