//! The fuzz targets of newsgraph: each takes arbitrary bytes, and must neither
//! panic nor hang, whatever they are. `scripts/fuzz.sh` runs them under AFL++
//! (`cargo afl`); a crash they find is fixed with a regression test in newsgraph's tests/.

use std::io::Write;
use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::Duration;

use newsgraph::input::{self, Articles, Overrides};
use newsgraph::query::{self, Deadline, ResultFormat, RunOptions};
use newsgraph::serve::{Endpoint, ServeOptions};
use newsgraph::store::Store;
use newsgraph::Pipeline;
use oxhttp::model::{Body, Request};

/// A scratch file for this process, with the given extension.
fn scratch(ext: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("newsgraph-fuzz-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    dir.join(format!("input.{ext}"))
}

fn write(path: &PathBuf, data: &[u8]) -> bool {
    std::fs::File::create(path).and_then(|mut f| f.write_all(data)).is_ok()
}

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(Pipeline::default)
}

/// The article readers (plain text, Markdown, JSONL corpora), then the pipeline
/// on what they read. The first byte picks the kind of file.
pub fn readers(data: &[u8]) {
    let Some((&kind, rest)) = data.split_first() else { return };
    let ext = ["txt", "md", "jsonl", "markdown"][usize::from(kind) % 4];
    let path = scratch(ext);
    if !write(&path, rest) {
        return;
    }
    let Ok(sources) = input::sources(std::slice::from_ref(&path)) else { return };
    for doc in Articles::new(sources, Overrides::default()).take(8).flatten() {
        if doc.text.len() <= 4096 {
            let a = pipeline().analyze(&doc);
            let _ = newsgraph::rdf::map(&doc, &a);
        }
    }
}

/// The knowledge-base loaders: N-Triples, Turtle, N-Quads, TriG, plain or
/// gzipped. The first byte picks the format.
pub fn kb(data: &[u8]) {
    let Some((&kind, rest)) = data.split_first() else { return };
    let ext = ["nt", "ttl", "nq", "trig", "nt.gz", "ttl.gz"][usize::from(kind) % 6];
    let path = scratch(ext);
    if write(&path, rest) {
        let _ = newsgraph::link::user::UserKb::load(&[path]);
    }
}

fn small_store() -> Store {
    let store = Store::memory().expect("an in-memory store");
    let doc = newsgraph::Document::new(
        "a",
        "Ukrainian President Olena Kovalenko met US envoy Mark Ellison in Geneva on Thursday. \
         “We made progress,” Kovalenko stated.",
    );
    let quads = newsgraph::rdf::map(&doc, &pipeline().analyze(&doc));
    store.replace_graph("a", newsgraph::rdf::mint::article("a").as_ref(), &quads).expect("stored");
    store
}

/// SPARQL with parameters: `QUERY \0 name=value \0 …`, substituted and run
/// (on a small store, with a 200 ms limit), results written as CSV.
pub fn sparql_params(data: &[u8]) {
    static STORE: OnceLock<Store> = OnceLock::new();
    let store = STORE.get_or_init(small_store);
    let text = String::from_utf8_lossy(data);
    let mut parts = text.split('\0');
    let query = parts.next().unwrap_or_default();
    let params: Vec<(String, String)> = parts
        .filter_map(|p| p.split_once('='))
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
    let deadline = Deadline::after(Duration::from_millis(200));
    let options = RunOptions { cancel: Some(deadline.token().clone()) };
    if let Ok(results) = query::run(store, "fuzz", query, &params, &options) {
        let _ = query::write(results, ResultFormat::Csv, &mut std::io::sink());
    }
}

/// One HTTP request to `serve` (queries, updates with the token, the Graph
/// Store, the bundled queries), on a fresh small store each time:
/// `METHOD URI\nHeader: value\n…\n\nBODY`.
pub fn http(data: &[u8]) {
    let (head, body) = match data.windows(2).position(|w| w == b"\n\n") {
        Some(i) => (&data[..i], &data[i + 2..]),
        None => (data, &[][..]),
    };
    let head = String::from_utf8_lossy(head);
    let mut lines = head.lines();
    let Some((method, uri)) = lines.next().and_then(|l| l.split_once(' ')) else { return };
    let mut builder = Request::builder().method(method).uri(uri);
    for line in lines {
        if let Some((k, v)) = line.split_once(':') {
            builder = builder.header(k.trim(), v.trim());
        }
    }
    let Ok(mut request) = builder.body(Body::from(body.to_vec())) else { return };
    let options = ServeOptions {
        update_token: Some("t".into()),
        timeout: Duration::from_millis(300),
        max_rows: 1000,
        max_body: 100_000,
        ..ServeOptions::default()
    };
    let endpoint = Endpoint::new(small_store(), options);
    let response = endpoint.handle(&mut request);
    let _ = response.into_body().to_vec();
}
