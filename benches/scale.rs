//! newsgraph at scale: stores of 10,000, 100,000 (and, once, 1,000,000)
//! articles built from the peer's `make_corpus.py` output, repeated under new
//! ids, with `newsgraph ingest` as a user runs it. For each size it prints:
//! - ingest throughput (articles/s) in each tenth of the run, and the change
//!   from the first tenth to the last;
//! - the store's size on disk per article, and the peak memory of the ingest;
//! - the first page (100 rows) of every bundled query, median of 5 runs;
//! - `newsgraph serve` with its default 30 s limit: when the runaway query
//!   `SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }` is
//!   answered, and the latency of a simple query while four runaways run.
//!
//! `cargo bench --bench scale` (not run by CI: it takes long and a lot of disk).
//! Settings (environment):
//! - `NEWSGRAPH_SCALE_SIZES`: article counts, comma-separated (default `10000,100000`);
//! - `NEWSGRAPH_SCALE_DIR`: where corpora and stores go (default `target/bench-scale`);
//!   each store is deleted after it is measured unless `NEWSGRAPH_SCALE_KEEP=1`;
//! - `NEWSGRAPH_PEER_DIR`: the peer's directory with `make_corpus.py` (default `../shared/peers`);
//! - `NEWSGRAPH_SCALE_SERVE=0`: skip the server part.
//!
//! Run it at the lowest priority on a shared machine: `nice -n 19 cargo bench --bench scale`.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use newsgraph::query::{self, RunOptions};
use newsgraph::store::Store;
use oxhttp::model::{Body, Method, Request};
use oxigraph::sparql::QueryResults;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn work_dir() -> PathBuf {
    let dir = std::env::var_os("NEWSGRAPH_SCALE_DIR").map_or_else(|| root().join("target/bench-scale"), PathBuf::from);
    std::fs::create_dir_all(&dir).expect("create the work directory");
    dir
}

/// The peer's corpus (about 1 MB of Wikinews articles), or the test fixtures.
fn base_corpus(dir: &Path) -> Vec<serde_json::Value> {
    let peer = std::env::var_os("NEWSGRAPH_PEER_DIR").map_or_else(|| root().join("../shared/peers"), PathBuf::from);
    let path = dir.join("base.jsonl");
    let made = Command::new("python3")
        .arg(peer.join("make_corpus.py"))
        .arg(&path)
        .args(["--mb", "1"])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    let source = if made { path } else { root().join("tests/fixtures/gum-sample.jsonl") };
    println!("base corpus: {}", if made { "make_corpus.py --mb 1" } else { "tests/fixtures/gum-sample.jsonl" });
    std::fs::read_to_string(source)
        .expect("the base corpus")
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect()
}

/// `n` articles: the base corpus repeated, each copy under new ids.
fn corpus(dir: &Path, base: &[serde_json::Value], n: usize) -> PathBuf {
    let path = dir.join(format!("corpus-{n}.jsonl"));
    if path.exists() {
        return path;
    }
    let tmp = dir.join(format!("corpus-{n}.jsonl.tmp"));
    let mut f = std::io::BufWriter::new(std::fs::File::create(&tmp).expect("write the corpus"));
    for i in 0..n {
        let mut d = base[i % base.len()].clone();
        d["id"] = serde_json::Value::String(format!("{}~{}", d["id"].as_str().unwrap_or("doc"), i / base.len()));
        writeln!(f, "{d}").expect("write");
    }
    f.flush().expect("write");
    drop(f);
    std::fs::rename(&tmp, &path).expect("rename");
    path
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

fn dir_size(path: &Path) -> u64 {
    std::fs::read_dir(path)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| match e.metadata() {
                    Ok(m) if m.is_dir() => dir_size(&e.path()),
                    Ok(m) => m.len(),
                    Err(_) => 0,
                })
                .sum()
        })
        .unwrap_or(0)
}

fn peak_rss_kib(pid: u32) -> Option<u64> {
    let s = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    s.lines().find_map(|l| l.strip_prefix("VmHWM:")).and_then(|v| v.trim().trim_end_matches(" kB").trim().parse().ok())
}

struct Ingest {
    seconds: f64,
    tenths: Vec<f64>,
    peak_mib: f64,
}

/// Runs `newsgraph ingest` on the corpus, timing each stored article from its report line.
fn ingest(store: &Path, corpus: &Path, n: usize) -> Ingest {
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .args(["ingest", "--quiet", "--store"])
        .arg(store)
        .arg(corpus)
        .stdout(Stdio::piped())
        .spawn()
        .expect("newsgraph ingest starts");
    let pid = child.id();
    let out = child.stdout.take().expect("stdout");
    let watcher = std::thread::spawn(move || {
        let mut peak = 0;
        while std::fs::metadata(format!("/proc/{pid}")).is_ok() {
            peak = peak.max(peak_rss_kib(pid).unwrap_or(0));
            std::thread::sleep(Duration::from_millis(50));
        }
        peak
    });
    let mut times = Vec::with_capacity(n);
    for line in BufReader::new(out).lines() {
        let line = line.expect("utf-8");
        if line.contains(" entities, ") && !line.starts_with("total:") {
            times.push(started.elapsed().as_secs_f64());
        }
    }
    let status = child.wait().expect("ingest ends");
    assert!(status.success(), "ingest failed: {status}");
    let seconds = started.elapsed().as_secs_f64();
    let peak = watcher.join().expect("the watcher") as f64 / 1024.0;
    assert_eq!(times.len(), n, "every article reported");
    let tenth = n / 10;
    let tenths = (0..10)
        .map(|k| {
            let (a, b) = (k * tenth, (k + 1) * tenth - 1);
            let start = if a == 0 { 0.0 } else { times[a - 1] };
            tenth as f64 / (times[b] - start).max(1e-9)
        })
        .collect();
    Ingest { seconds, tenths, peak_mib: peak }
}

/// Bundled queries also measured with parameters: (name, parameter, value).
const WITH_PARAMS: &[(&str, &str, &str)] =
    &[("timeline", "from", "2010-01-01"), ("events-by-code", "code", "04"), ("events-by-code", "code", "112")];

/// Milliseconds to the first 100 rows of each bundled query (and of those of
/// [`WITH_PARAMS`]), median of 5.
fn queries(store: &Path) -> Vec<(String, f64, usize)> {
    let store = Store::open_read_only(store).expect("the store opens");
    let bundled = query::bundled();
    let plain = bundled.iter().map(|q| (q.name.to_owned(), q.name, q.text, Vec::new()));
    let with_params = WITH_PARAMS.iter().filter_map(|(name, k, v)| {
        let q = bundled.iter().find(|q| q.name == *name)?;
        Some((format!("{name} {k}={v}"), q.name, q.text, vec![((*k).to_owned(), (*v).to_owned())]))
    });
    plain
        .chain(with_params)
        .map(|(label, name, text, params)| {
            let mut rows = 0;
            let times = (0..5)
                .map(|_| {
                    let t = Instant::now();
                    let results = query::run(&store, name, text, &params, &RunOptions::default()).expect("query");
                    rows = match results {
                        QueryResults::Solutions(s) => s.take(100).inspect(|r| assert!(r.is_ok(), "{r:?}")).count(),
                        QueryResults::Boolean(_) => 1,
                        QueryResults::Graph(g) => g.take(100).count(),
                    };
                    t.elapsed().as_secs_f64() * 1000.0
                })
                .collect();
            (label, median(times), rows)
        })
        .collect()
}

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn get(url: &str) -> (u16, f64) {
    let t = Instant::now();
    let request = Request::builder().method(Method::GET).uri(url).body(Body::empty()).expect("a request");
    let status = match oxhttp::Client::new().with_global_timeout(Duration::from_secs(300)).request(request) {
        Ok(r) => {
            let s = r.status().as_u16();
            let _ = r.into_body().to_vec();
            s
        }
        Err(_) => 0,
    };
    (status, t.elapsed().as_secs_f64() * 1000.0)
}

fn enc(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

/// The server part: (runaway answer ms and status, simple query latencies ms while four runaways run).
fn serve(store: &Path) -> ((u16, f64), Vec<f64>) {
    let port = std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("a port").port();
    let child = Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .args(["serve", "--store"])
        .arg(store)
        .args(["--bind", &format!("127.0.0.1:{port}")])
        .stderr(Stdio::null())
        .spawn()
        .expect("serve starts");
    let _server = Server(child);
    let base = format!("http://127.0.0.1:{port}");
    let started = Instant::now();
    while get(&format!("{base}/queries")).0 != 200 {
        assert!(started.elapsed() < Duration::from_secs(300), "the server did not start");
        std::thread::sleep(Duration::from_millis(200));
    }
    let runaway =
        format!("{base}/query?query={}", enc("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"));
    let alone = get(&runaway);
    let four: Vec<_> = (0..4)
        .map(|_| {
            let u = runaway.clone();
            std::thread::spawn(move || get(&u))
        })
        .collect();
    std::thread::sleep(Duration::from_secs(2));
    let simple = format!("{base}/query?query={}", enc("SELECT ?name WHERE { ?p ng:name ?name } LIMIT 10"));
    let mut latencies = Vec::new();
    for _ in 0..10 {
        let (status, ms) = get(&simple);
        assert_eq!(status, 200, "the simple query is answered");
        latencies.push(ms);
        std::thread::sleep(Duration::from_millis(500));
    }
    for t in four {
        let (status, ms) = t.join().expect("a runaway");
        println!("  a runaway among four: HTTP {status} after {:.1} s", ms / 1000.0);
    }
    (alone, latencies)
}

fn main() {
    let sizes: Vec<usize> = std::env::var("NEWSGRAPH_SCALE_SIZES")
        .unwrap_or_else(|_| "10000,100000".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    let dir = work_dir();
    let base = base_corpus(&dir);
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!("# newsgraph at scale ({cores} cores; newsgraph {})", env!("CARGO_PKG_VERSION"));
    for n in sizes {
        let corpus = corpus(&dir, &base, n);
        let store = dir.join(format!("store-{n}"));
        let _ = std::fs::remove_dir_all(&store);
        println!("\n## {n} articles\n");
        let run = ingest(&store, &corpus, n);
        let bytes = dir_size(&store);
        println!(
            "ingest: {:.0} s, {:.0} articles/s overall; peak memory {:.0} MiB; store {:.2} GB, {:.0} bytes per article",
            run.seconds,
            n as f64 / run.seconds,
            run.peak_mib,
            bytes as f64 / 1e9,
            bytes as f64 / n as f64
        );
        let tenths: Vec<String> = run.tenths.iter().map(|t| format!("{t:.0}")).collect();
        println!(
            "articles/s per tenth of the run: {} (last tenth {:+.0}% from the first)",
            tenths.join(", "),
            (run.tenths[9] / run.tenths[0] - 1.0) * 100.0
        );
        println!("\n| query | first page, ms (median of 5) | rows |\n|---|---:|---:|");
        for (name, ms, rows) in queries(&store) {
            println!("| {name} | {ms:.1} | {rows} |");
        }
        if std::env::var("NEWSGRAPH_SCALE_SERVE").as_deref() != Ok("0") {
            let ((status, ms), simple) = serve(&store);
            println!(
                "\nserve (default 30 s limit): the runaway query alone got HTTP {status} after {:.1} s; \
                 a simple query while four runaways ran: median {:.1} ms, max {:.1} ms (10 runs)",
                ms / 1000.0,
                median(simple.clone()),
                simple.iter().copied().fold(0.0, f64::max)
            );
        }
        if std::env::var("NEWSGRAPH_SCALE_KEEP").as_deref() != Ok("1") {
            let _ = std::fs::remove_dir_all(&store);
        }
    }
}
