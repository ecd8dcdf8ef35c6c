//! Start-up and linking cost of the bundled knowledge base.
//!
//! - `kb/load`: parsing and indexing the embedded TSV files, what the first
//!   use of `gazetteer::get()` costs a process (start-up);
//! - `link/example`: linking the entities of the example article, once analysed.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use newsgraph::lexicon::gazetteer::Gazetteer;
use newsgraph::link::{KbLinker, Linker};
use newsgraph::{Document, Pipeline};

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("kb");
    g.sample_size(10);
    g.bench_function("load", |b| b.iter(Gazetteer::bundled));
    g.finish();

    let text = include_str!("../examples/miami-talks.txt");
    let doc = Document::new("miami-talks", text);
    let analysis = Pipeline::builder().linker(None).build().analyze(&doc);
    let linker = KbLinker::default();
    let mut g = c.benchmark_group("link");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("example", |b| {
        b.iter(|| {
            let mut a = analysis.clone();
            linker.link(&doc, &mut a);
            a
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
