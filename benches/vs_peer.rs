//! newsgraph against the peer a user would pick instead — a spaCy pipeline
//! (`en_core_web_sm` + textacy quotations + a pyoxigraph store) — on the same
//! corpus and the same machine, in one run. Prints words per second of both
//! and their ratio for:
//! - the extract step alone, newsgraph on one core vs the peer's full pipeline;
//! - end to end, text to triples committed in a persistent store, newsgraph on
//!   all cores vs the peer's full pipeline with its RDF store;
//!
//! then newsgraph's peak memory on the corpus and on ten times it, and the
//! latency of every bundled query on a store of 10,000 articles.
//!
//! `cargo bench --bench vs_peer`. Settings (environment):
//! - `NEWSGRAPH_BENCH_CORPUS`: a JSONL corpus; default: `make_corpus.py` from
//!   the peer directory (about 1 MB of Wikinews text), else the test fixtures repeated;
//! - `NEWSGRAPH_PEER_DIR`: the peer's directory (default `../shared/peers`);
//! - `NEWSGRAPH_PEER_PYTHON`: a Python with spaCy, textacy and pyoxigraph
//!   (default: `python3`); the peer half is skipped, with a message, without it;
//! - `NEWSGRAPH_BENCH_QUICK=1`: skip the memory and 10,000-article parts.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use newsgraph::error::ReadError;
use newsgraph::ingest::{self, IngestOptions, StoreSink};
use newsgraph::input::{Articles, Overrides, Source};
use newsgraph::model::Document;
use newsgraph::store::Store;
use newsgraph::{query, Pipeline};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn peer_dir() -> PathBuf {
    std::env::var_os("NEWSGRAPH_PEER_DIR").map_or_else(|| root().join("../shared/peers"), PathBuf::from)
}

fn out_dir() -> PathBuf {
    let dir = root().join("target/bench-vs-peer");
    std::fs::create_dir_all(&dir).expect("create target/bench-vs-peer");
    dir
}

/// The corpus: given, made by the peer's script, or the fixtures repeated to about 1 MB.
fn corpus() -> (PathBuf, String) {
    if let Some(p) = std::env::var_os("NEWSGRAPH_BENCH_CORPUS") {
        return (PathBuf::from(&p), format!("{} (NEWSGRAPH_BENCH_CORPUS)", Path::new(&p).display()));
    }
    let path = out_dir().join("corpus.jsonl");
    let script = peer_dir().join("make_corpus.py");
    if script.exists() {
        let ok = Command::new("python3").arg(&script).arg(&path).args(["--mb", "1"]).stdout(Stdio::null()).status();
        if ok.is_ok_and(|s| s.success()) {
            return (path, "make_corpus.py --mb 1: Wikinews articles of the development set, repeated".into());
        }
    }
    let mut lines: Vec<String> = std::fs::read_to_string(root().join("tests/fixtures/gum-sample.jsonl"))
        .expect("the fixture exists")
        .lines()
        .map(str::to_owned)
        .collect();
    lines.push(serde_json::json!({"id": "miami", "text": include_str!("../examples/miami-talks.txt")}).to_string());
    let mut f = std::fs::File::create(&path).expect("write the corpus");
    let (mut size, mut n) = (0, 0);
    while size < 1_000_000 {
        let mut v: serde_json::Value = serde_json::from_str(&lines[n % lines.len()]).expect("JSON");
        v["id"] = serde_json::Value::String(format!("{}-{n}", v["id"].as_str().unwrap_or("doc")));
        let line = v.to_string();
        writeln!(f, "{line}").expect("write");
        size += line.len() + 1;
        n += 1;
    }
    (path, "the test fixtures repeated to 1 MB (no peer directory)".into())
}

fn read(path: &Path) -> Vec<Document> {
    Articles::new(vec![Source::Jsonl(path.to_owned())], Overrides::default()).filter_map(Result::ok).collect()
}

fn words(docs: &[Document]) -> usize {
    docs.iter().map(|d| d.text.split_whitespace().count()).sum()
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

/// Seconds for the extract step on one core: pipeline and JSON, as `extract --format json`.
fn extract_one_core(docs: &[Document]) -> f64 {
    let pipeline = Pipeline::default();
    let pool = rayon::ThreadPoolBuilder::new().num_threads(1).build().expect("a pool");
    median(
        (0..3)
            .map(|_| {
                let t = Instant::now();
                pool.install(|| {
                    let mut sink = std::io::sink();
                    for d in docs {
                        let j = newsgraph::json::document(d, &pipeline.analyze(d));
                        serde_json::to_writer(&mut sink, &j).expect("serialize");
                    }
                });
                t.elapsed().as_secs_f64()
            })
            .collect(),
    )
}

/// Ingests articles into a store as `newsgraph ingest` does.
fn ingest_into(store: &Store, articles: impl Iterator<Item = Result<Document, ReadError>>) -> ingest::Counts {
    ingest::ingest(store, &Pipeline::default(), articles, IngestOptions::default(), &mut StoreSink(store), |_| {})
        .expect("ingest")
}

/// Seconds, and quads, to ingest the corpus into a new persistent store on all cores.
fn ingest_end_to_end(corpus: &Path) -> (f64, usize) {
    let runs: Vec<(f64, usize)> = (0..3)
        .map(|i| {
            let dir = out_dir().join(format!("store-{i}"));
            let _ = std::fs::remove_dir_all(&dir);
            let t = Instant::now();
            let store = Store::open(&dir).expect("a store");
            let articles = Articles::new(vec![Source::Jsonl(corpus.to_owned())], Overrides::default());
            let total = ingest_into(&store, articles);
            store.inner().flush().expect("flush");
            drop(store);
            let s = t.elapsed().as_secs_f64();
            let _ = std::fs::remove_dir_all(&dir);
            (s, total.triples)
        })
        .collect();
    let s = median(runs.iter().map(|r| r.0).collect());
    (s, runs[0].1)
}

/// The peer's words per second: (full pipeline, full pipeline with its RDF store).
fn peer(corpus: &Path) -> Result<(f64, f64, f64), String> {
    let dir = peer_dir();
    let script = dir.join("spacy_kg.py");
    if !script.exists() {
        return Err(format!("no peer at {} (set NEWSGRAPH_PEER_DIR)", dir.display()));
    }
    let python = std::env::var("NEWSGRAPH_PEER_PYTHON").unwrap_or_else(|_| "python3".into());
    let probe = Command::new(&python).args(["-c", "import spacy, textacy, pyoxigraph"]).stderr(Stdio::null()).status();
    if !probe.is_ok_and(|s| s.success()) {
        return Err(format!(
            "{python} lacks spaCy, textacy or pyoxigraph (install them as {} says, then set NEWSGRAPH_PEER_PYTHON)",
            dir.join("README.md").display()
        ));
    }
    let run = |rdf: bool| -> Result<(f64, f64), String> {
        let mut cmd = Command::new(&python);
        cmd.arg(&script).arg(corpus).args(["--mode", "full", "--no-output", "--stats"]);
        if rdf {
            cmd.arg("--rdf").arg(out_dir().join("peer.nt"));
        }
        let out = cmd.stdout(Stdio::null()).output().map_err(|e| e.to_string())?;
        let stats = String::from_utf8_lossy(&out.stderr);
        let line = stats.lines().rev().find(|l| l.trim_start().starts_with('{')).ok_or("the peer printed no stats")?;
        let v: serde_json::Value = serde_json::from_str(line).map_err(|e| e.to_string())?;
        let words = v["words_ws"].as_f64().ok_or("no words_ws")?;
        let secs = v["process_total_s"].as_f64().ok_or("no process_total_s")?;
        let rss = v["peak_rss_mib"].as_f64().or_else(|| v["self_rss_mib"].as_f64()).unwrap_or(0.0);
        Ok((words / secs, rss))
    };
    let (full, _) = run(false)?;
    let (with_store, rss) = run(true)?;
    Ok((full, with_store, rss))
}

/// Peak resident memory (MiB) of `newsgraph ingest` on a corpus, from /proc.
fn peak_rss(corpus: &Path) -> Option<f64> {
    let dir = out_dir().join("store-rss");
    let _ = std::fs::remove_dir_all(&dir);
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .args(["ingest", "--quiet", "--store"])
        .arg(&dir)
        .arg(corpus)
        .stdout(Stdio::null())
        .spawn()
        .ok()?;
    let status = format!("/proc/{}/status", child.id());
    let mut peak = 0u64;
    loop {
        if let Ok(s) = std::fs::read_to_string(&status) {
            if let Some(kb) = s
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches(" kB").trim().parse::<u64>().ok())
            {
                peak = peak.max(kb);
            }
        }
        if child.try_wait().ok()?.is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let _ = std::fs::remove_dir_all(&dir);
    Some(peak as f64 / 1024.0)
}

/// A corpus of `copies` times the given one, each article under a new id.
fn repeated(corpus: &Path, copies: usize, name: &str) -> PathBuf {
    let text = std::fs::read_to_string(corpus).expect("the corpus");
    let path = out_dir().join(name);
    let mut f = std::io::BufWriter::new(std::fs::File::create(&path).expect("write"));
    for k in 0..copies {
        for line in text.lines() {
            let mut v: serde_json::Value = serde_json::from_str(line).expect("JSON");
            v["id"] = serde_json::Value::String(format!("{}~{k}", v["id"].as_str().unwrap_or("doc")));
            writeln!(f, "{v}").expect("write");
        }
    }
    path
}

fn main() {
    let (corpus, origin) = corpus();
    let docs = read(&corpus);
    let n_words = words(&docs);
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!("# newsgraph vs the spaCy peer");
    println!("corpus: {origin}: {} articles, {n_words} words, {:.2} MB of text", docs.len(), bytes as f64 / 1e6);
    println!("machine: {cores} cores; newsgraph {} (release)", env!("CARGO_PKG_VERSION"));

    let extract_s = extract_one_core(&docs);
    let (ingest_s, quads) = ingest_end_to_end(&corpus);
    let ours_extract = n_words as f64 / extract_s;
    let ours_e2e = n_words as f64 / ingest_s;
    println!();
    println!("| step | newsgraph words/s | peer words/s | ratio |");
    println!("|---|---:|---:|---:|");
    match peer(&corpus) {
        Ok((full, store, _)) => {
            println!(
                "| extract (newsgraph 1 core; peer full pipeline) | {ours_extract:.0} | {full:.0} | {:.1}× |",
                ours_extract / full
            );
            println!(
                "| end to end, text → persistent store (newsgraph {cores} cores; peer full pipeline + RDF store) | {ours_e2e:.0} | {store:.0} | {:.1}× |",
                ours_e2e / store
            );
        }
        Err(why) => {
            println!("| extract, 1 core | {ours_extract:.0} | skipped | |");
            println!("| end to end, text → persistent store, {cores} cores | {ours_e2e:.0} | skipped | |");
            println!("\npeer skipped: {why}");
        }
    }
    println!("\nnewsgraph wrote {quads} quads: {:.3} quads per word", quads as f64 / n_words as f64);

    if std::env::var_os("NEWSGRAPH_BENCH_QUICK").is_some() {
        return;
    }
    let ten = repeated(&corpus, 10, "corpus-x10.jsonl");
    if let (Some(one), Some(tenfold)) = (peak_rss(&corpus), peak_rss(&ten)) {
        println!(
            "\npeak RSS of `newsgraph ingest`: {one:.0} MiB on the corpus, {tenfold:.0} MiB on ten times it ({:+.0}%)",
            (tenfold / one - 1.0) * 100.0
        );
    }

    // query latency on 10,000 articles
    let copies = 10_000usize.div_ceil(docs.len().max(1));
    let big = repeated(&corpus, copies, "corpus-10k.jsonl");
    let dir = out_dir().join("store-10k");
    let _ = std::fs::remove_dir_all(&dir);
    let store = Store::open(&dir).expect("a store");
    let t = Instant::now();
    let articles = Articles::new(vec![Source::Jsonl(big)], Overrides::default()).take(10_000);
    let total = ingest_into(&store, articles);
    println!(
        "\nstore of {} articles ({} quads) built in {:.1} s; bundled queries (median of 5, first page of rows):",
        total.articles,
        total.triples,
        t.elapsed().as_secs_f64()
    );
    println!("\n| query | ms | rows |");
    println!("|---|---:|---:|");
    for q in query::bundled() {
        let mut times = Vec::new();
        let mut rows = 0;
        for _ in 0..5 {
            let t = Instant::now();
            let results = query::run(&store, q.name, q.text, &[], &query::RunOptions::default()).expect("query");
            rows = match results {
                oxigraph::sparql::QueryResults::Solutions(s) => s.take(100).count(),
                oxigraph::sparql::QueryResults::Boolean(_) => 1,
                oxigraph::sparql::QueryResults::Graph(g) => g.take(100).count(),
            };
            times.push(t.elapsed().as_secs_f64() * 1000.0);
        }
        println!("| {} | {:.1} | {rows} |", q.name, median(times));
    }
    drop(store);
    let _ = std::fs::remove_dir_all(&dir);
}
