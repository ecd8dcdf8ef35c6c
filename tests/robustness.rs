//! Ten thousand articles of random newsy text: the pipeline never panics, every
//! span sits on character boundaries inside the text, and every graph it makes
//! passes the integrity checks that run when a graph is stored.

use newsgraph::model::Document;
use newsgraph::rdf::mint;
use newsgraph::summary::{checks, Contribution};
use newsgraph::{json, rdf, Pipeline};
use proptest::prelude::*;

/// Names, titles and places of several scripts and shapes.
fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Olena Kovalenko".to_owned()),
        Just("Mark Ellison".to_owned()),
        Just("Kovalenko".to_owned()),
        Just("Jean-Luc Müller".to_owned()),
        Just("Hau Lung-bin".to_owned()),
        Just("O'Neill".to_owned()),
        Just("Mr. Ng".to_owned()),
        Just("Ana María López".to_owned()),
        Just("Σωκράτης Παππάς".to_owned()),
        Just("Владимир Петров".to_owned()),
        "[A-Z][a-z]{2,9} [A-Z][a-z]{2,11}",
        "[A-Z][a-z]{3,10}",
    ]
}

fn title() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Ukrainian President ".to_owned()),
        Just("US special envoy ".to_owned()),
        Just("Foreign Minister ".to_owned()),
        Just("the prime minister, ".to_owned()),
        Just("Secretary-General ".to_owned()),
        Just(String::new()),
    ]
}

fn place() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Geneva".to_owned()),
        Just("Miami".to_owned()),
        Just("Washington, D.C.".to_owned()),
        Just("the Donbas".to_owned()),
        Just("São Paulo".to_owned()),
        Just("Kyiv".to_owned()),
        "[A-Z][a-z]{3,9}",
    ]
}

fn when() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("on Monday".to_owned()),
        Just("on Thursday".to_owned()),
        Just("last week".to_owned()),
        Just("on 3 December".to_owned()),
        Just("on Dec. 4, 2025".to_owned()),
        Just("tomorrow".to_owned()),
        Just(String::new()),
    ]
}

/// One sentence of news, or some noise.
fn sentence() -> impl Strategy<Value = String> {
    prop_oneof![
        (title(), name(), name(), place(), when()).prop_map(|(t, a, b, p, w)| format!("{t}{a} met {b} in {p} {w}. ")),
        (name(), name(), when()).prop_map(|(a, b, w)| format!("{a} spoke by phone with {b} {w}. ")),
        (name(), place(), when()).prop_map(|(a, p, w)| format!("{a} will visit {p} {w}. ")),
        (name(), "[a-z ,]{3,40}").prop_map(|(a, q)| format!("“{q},” {a} said. ")),
        (name(), "[a-z ,]{3,40}").prop_map(|(a, q)| format!("{a} stated: \"{q}.\" ")),
        (name(), "[a-z ]{3,30}", name()).prop_map(|(a, q, b)| format!("“{q}” — {a} told {b}’s aides. ")),
        (title(), name(), place()).prop_map(|(t, a, p)| format!("{t}{a}, of {p}, declined to comment. ")),
        (name(), name()).prop_map(|(a, b)| format!("{a}’s son-in-law {b} was there. ")),
        Just("\n\n".to_owned()),
        Just("U.S. officials said €5 bn — or more — was at stake. ".to_owned()),
        Just("(Reuters) ".to_owned()),
        "\\PC{0,12}",
    ]
}

fn article() -> impl Strategy<Value = (String, Option<u32>)> {
    (proptest::collection::vec(sentence(), 0..14).prop_map(|s| s.concat()), proptest::option::of(1u32..28))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, ..ProptestConfig::default() })]

    #[test]
    fn newsy_text_never_breaks_the_pipeline_or_the_graph((text, day) in article()) {
        let mut doc = Document::new("prop", text);
        doc.meta.date = day.and_then(|d| chrono::NaiveDate::from_ymd_opt(2025, 12, d));
        let a = Pipeline::default().analyze(&doc);
        for m in &a.mentions {
            prop_assert!(doc.text.is_char_boundary(m.span.start) && doc.text.is_char_boundary(m.span.end));
            prop_assert!(m.span.start < m.span.end && m.span.end <= doc.text.len());
        }
        for q in &a.quotes {
            prop_assert!(doc.text.is_char_boundary(q.span.start) && doc.text.is_char_boundary(q.span.end));
            prop_assert!(q.span.start <= q.span.end && q.span.end <= doc.text.len());
        }
        let j = json::document(&doc, &a);
        let chars = doc.text.chars().count();
        for e in &j.entities {
            for m in &e.mentions {
                prop_assert!(m.start < m.end && m.end <= chars);
            }
        }
        let graph = mint::article(&doc.id);
        let quads = rdf::map(&doc, &a);
        let violations = checks::run(&graph, &quads);
        prop_assert!(violations.is_empty(), "{:#?}\n{}", violations, doc.text);
        let c = Contribution::of(&graph, &quads);
        prop_assert_eq!(c.quads as usize, quads.len());
        prop_assert!(c.entities.values().all(|e| !e.kinds.is_empty() && !e.aliases.is_empty()));
    }
}
