//! Throughput of each pipeline stage and of the whole extraction, in bytes of
//! article text per second, on the example article and the bundled GUM sample.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use newsgraph::coref::{Resolver, RuleResolver};
use newsgraph::extract::{Extractor, RuleExtractor};
use newsgraph::model::Analysis;
use newsgraph::ner::{LearnedRecognizer, Recognizer};
use newsgraph::segment::{RuleSegmenter, Segmenter};
use newsgraph::{rdf, Document, Pipeline};

fn corpus() -> Vec<Document> {
    let mut docs = vec![Document::new("miami-talks", include_str!("../examples/miami-talks.txt"))];
    for line in include_str!("../tests/fixtures/gum-sample.jsonl").lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("the fixture is JSONL");
        docs.push(Document::new(v["id"].as_str().unwrap_or("gum"), v["text"].as_str().unwrap_or("")));
    }
    docs
}

fn bench(c: &mut Criterion) {
    let docs = corpus();
    let bytes: u64 = docs.iter().map(|d| d.text.len() as u64).sum();
    let (segmenter, recognizer, resolver, extractor) =
        (RuleSegmenter, LearnedRecognizer::default(), RuleResolver::default(), RuleExtractor::default());
    let pipeline = Pipeline::default();
    let segs: Vec<_> = docs.iter().map(|d| segmenter.segment(&d.text)).collect();
    let mentions: Vec<_> = docs.iter().zip(&segs).map(|(d, s)| recognizer.recognize(&d.text, s)).collect();
    let analyses: Vec<Analysis> = docs.iter().map(|d| pipeline.analyze(d)).collect();

    let mut g = c.benchmark_group("stage");
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("segment", |b| b.iter(|| docs.iter().map(|d| segmenter.segment(&d.text)).collect::<Vec<_>>()));
    g.bench_function("recognize", |b| {
        b.iter(|| docs.iter().zip(&segs).map(|(d, s)| recognizer.recognize(&d.text, s)).collect::<Vec<_>>())
    });
    g.bench_function("resolve", |b| {
        b.iter(|| {
            docs.iter().zip(&segs).zip(&mentions).map(|((d, s), m)| resolver.resolve(&d.text, s, m)).collect::<Vec<_>>()
        })
    });
    g.bench_function("extract", |b| {
        b.iter(|| {
            for ((d, s), m) in docs.iter().zip(&segs).zip(&mentions) {
                let (entities, mention_entity) = resolver.resolve(&d.text, s, m);
                let mut a = Analysis {
                    segmentation: s.clone(),
                    mentions: m.clone(),
                    mention_entity,
                    entities,
                    ..Analysis::default()
                };
                extractor.extract(d, &mut a);
            }
        })
    });
    g.bench_function("map", |b| b.iter(|| docs.iter().zip(&analyses).map(|(d, a)| rdf::map(d, a)).collect::<Vec<_>>()));
    g.finish();

    let mut g = c.benchmark_group("end-to-end");
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("analyze", |b| b.iter(|| docs.iter().map(|d| pipeline.analyze(d)).collect::<Vec<_>>()));
    g.bench_function("analyze+json", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| serde_json::to_string(&newsgraph::json::document(d, &pipeline.analyze(d))).map(|s| s.len()))
                .collect::<Vec<_>>()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
