//! Linking end to end, through the CLI: the bundled base, a user's extract
//! (`--kb`), a real SPARQL server (`--endpoint`), re-linking a store (`link`)
//! and one node per person across articles (`ingest`, `query merges`).

use std::io::Write;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command as Process, Stdio};
use std::time::{Duration, Instant};

use assert_cmd::Command;
use assert_fs::TempDir;
use predicates::str::contains;

type TestResult = Result<(), Box<dyn std::error::Error>>;
/// (entity name, Wikidata id) pairs.
type Links = Vec<(String, Option<String>)>;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(name)
}

fn newsgraph() -> Result<Command, Box<dyn std::error::Error>> {
    Ok(Command::cargo_bin("newsgraph")?)
}

/// The `link` of each entity of `extract --format json`, by entity name.
fn links(stdout: &[u8]) -> Result<Links, Box<dyn std::error::Error>> {
    let mut out = Vec::new();
    for line in std::str::from_utf8(stdout)?.lines() {
        let doc: serde_json::Value = serde_json::from_str(line)?;
        for e in doc["entities"].as_array().ok_or("no entities")? {
            out.push((e["name"].as_str().unwrap_or_default().to_owned(), e["link"].as_str().map(str::to_owned)));
        }
    }
    Ok(out)
}

fn link_of<'a>(links: &'a [(String, Option<String>)], name: &str) -> Option<&'a str> {
    links.iter().find(|(n, _)| n == name).and_then(|(_, l)| l.as_deref())
}

/// Runs a query on a store and returns its CSV rows (without the header).
fn query_rows(store: &Path, query: &str) -> Result<Vec<String>, Box<dyn std::error::Error>> {
    let out = newsgraph()?.args(["query", "--format", "csv", "--store"]).arg(store).arg(query).output()?;
    assert!(out.status.success(), "query failed: {}", String::from_utf8_lossy(&out.stderr));
    Ok(String::from_utf8(out.stdout)?.lines().skip(1).map(str::to_owned).collect())
}

fn assert_checks_pass(store: &Path) -> TestResult {
    for check in [
        "checks/dangling-node-violation",
        "checks/unlabelled-entity-violation",
        "checks/fact-without-evidence-violation",
        "checks/article-metadata-violation",
    ] {
        let rows = query_rows(store, check)?;
        assert!(rows.is_empty(), "{check} found {rows:?}");
    }
    Ok(())
}

#[test]
fn bundled_base_links_the_example_and_no_renamed_person() -> TestResult {
    let out = newsgraph()?.arg("extract").arg(fixture("examples/miami-talks.txt")).output()?;
    assert!(out.status.success());
    let l = links(&out.stdout)?;
    assert_eq!(link_of(&l, "Volodymyr Zelensky"), Some("Q3874799"), "transliteration variant of Zelenskyy");
    assert_eq!(link_of(&l, "Vladimir Putin"), Some("Q7747"));
    assert_eq!(link_of(&l, "Moscow"), Some("Q649"), "the city, not the region of the same name");
    assert_eq!(link_of(&l, "Steve Witkoff"), None, "not in the bundled base");
    // made-up officials are not linked to real namesakes
    let out = newsgraph()?
        .args(["extract", "-"])
        .write_stdin("Russian negotiator Dmitri Orlov met Ukrainian envoy Serhiy Lysenko and US envoy Paul Brennan in Istanbul.\n")
        .output()?;
    let l = links(&out.stdout)?;
    for name in ["Dmitri Orlov", "Serhiy Lysenko", "Paul Brennan"] {
        assert!(l.iter().any(|(n, _)| n == name), "{name} not recognised: {l:?}");
        assert_eq!(link_of(&l, name), None, "{name} was linked");
    }
    let out = newsgraph()?.arg("extract").arg("--no-link").arg(fixture("examples/miami-talks.txt")).output()?;
    assert!(links(&out.stdout)?.iter().all(|(_, l)| l.is_none()), "--no-link links nothing");
    Ok(())
}

#[test]
fn a_users_extract_links_what_the_bundled_base_cannot() -> TestResult {
    let dir = TempDir::new()?;
    // gzipped, to read it the way a downloaded dump comes
    let gz = dir.path().join("sample.nt.gz");
    let mut enc = flate2::write::GzEncoder::new(std::fs::File::create(&gz)?, flate2::Compression::fast());
    enc.write_all(&std::fs::read(fixture("tests/fixtures/wikidata-sample.nt"))?)?;
    enc.finish()?;
    let out = newsgraph()?.arg("extract").arg("--kb").arg(&gz).arg(fixture("examples/miami-talks.txt")).output()?;
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let l = links(&out.stdout)?;
    assert_eq!(link_of(&l, "Steve Witkoff"), Some("Q900000001"));
    assert_eq!(link_of(&l, "Jared Kushner"), Some("Q900000002"), "only English labels count");
    assert_eq!(link_of(&l, "Miami"), Some("Q8652"), "a user record of the wrong kind does not win");
    // the method is recorded in the graph
    newsgraph()?
        .args(["extract", "--format", "ntriples", "--kb"])
        .arg(&gz)
        .arg(fixture("examples/miami-talks.txt"))
        .assert()
        .success()
        .stdout(contains("\"user-kb\""))
        .stdout(contains("<http://www.wikidata.org/entity/Q900000001>"));
    Ok(())
}

#[test]
fn unknown_kb_formats_and_bad_files_are_reported() -> TestResult {
    let dir = TempDir::new()?;
    let csv = dir.path().join("kb.csv");
    std::fs::write(&csv, "a,b\n")?;
    newsgraph()?
        .arg("extract")
        .arg("--kb")
        .arg(&csv)
        .arg(fixture("examples/miami-talks.txt"))
        .assert()
        .failure()
        .stderr(contains("unknown knowledge-base format"))
        .stderr(contains("--kb"));
    let bad = dir.path().join("bad.ttl");
    std::fs::write(&bad, "<http://a> <http://b> .\n")?;
    newsgraph()?
        .arg("extract")
        .arg("--kb")
        .arg(&bad)
        .arg(fixture("examples/miami-talks.txt"))
        .assert()
        .failure()
        .stderr(contains("bad.ttl"));
    Ok(())
}

#[test]
fn two_articles_share_one_node_per_person() -> TestResult {
    let dir = TempDir::new()?;
    let store = dir.path().join("db");
    newsgraph()?.arg("ingest").arg("--store").arg(&store).arg(fixture("examples/miami-talks.txt")).assert().success();
    newsgraph()?
        .arg("ingest")
        .arg("--store")
        .arg(&store)
        .arg(fixture("tests/fixtures/moscow-talks.txt"))
        .assert()
        .success();
    // each shared person is one node that both article graphs mention
    let q = "SELECT ?p (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?g schema:mentions ?p . ?p a schema:Person } } \
             GROUP BY ?p ORDER BY ?p";
    let rows = query_rows(&store, q)?;
    for person in ["person/steve-witkoff", "person/jared-kushner", "wikidata/Q7747", "wikidata/Q3874799"] {
        assert!(
            rows.iter().any(|r| r.contains(person) && r.ends_with(",2")),
            "{person} is not one node of both articles: {rows:?}"
        );
    }
    let witkoffs =
        query_rows(&store, "SELECT DISTINCT ?p WHERE { ?p rdfs:label ?l FILTER(CONTAINS(?l, \"Witkoff\")) }")?;
    assert_eq!(witkoffs.len(), 1, "{witkoffs:?}");
    // the merge of the bare surname is explained
    let merges = query_rows(&store, "merges")?;
    assert!(
        merges.iter().any(|r| r.starts_with("Witkoff,") && r.contains("Steve Witkoff") && r.contains("moscow-talks")),
        "{merges:#?}"
    );
    assert_checks_pass(&store)?;
    // re-ingesting an article changes nothing
    let count = |store: &Path| query_rows(store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }");
    let before = count(&store)?;
    newsgraph()?
        .arg("ingest")
        .arg("--store")
        .arg(&store)
        .arg(fixture("tests/fixtures/moscow-talks.txt"))
        .assert()
        .success();
    assert_eq!(count(&store)?, before);
    Ok(())
}

#[test]
fn link_relinks_a_store_against_a_users_extract() -> TestResult {
    let dir = TempDir::new()?;
    let store = dir.path().join("db");
    newsgraph()?.arg("ingest").arg("--store").arg(&store).arg(fixture("examples/miami-talks.txt")).assert().success();
    newsgraph()?
        .args(["link", "--kb"])
        .arg(fixture("tests/fixtures/wikidata-sample.nt"))
        .arg("--store")
        .arg(&store)
        .assert()
        .success()
        .stdout(contains("1 article: "))
        .stdout(contains("2 changed"));
    // Witkoff is now the node of his (test) Wikidata id, everywhere in the graph
    let rows = query_rows(
        &store,
        "SELECT ?m WHERE { <https://w3id.org/newsgraph/id/wikidata/Q900000001> owl:sameAs ?w ; ng:linkMethod ?m }",
    )?;
    assert_eq!(rows, ["user-kb"]);
    let old = query_rows(&store, "SELECT * WHERE { { <https://w3id.org/newsgraph/id/person/steve-witkoff> ?p ?o } UNION { ?s ?p <https://w3id.org/newsgraph/id/person/steve-witkoff> } }")?;
    assert!(old.is_empty(), "the old node is gone: {old:?}");
    assert_checks_pass(&store)?;
    // a second run changes nothing
    newsgraph()?
        .args(["link", "--kb"])
        .arg(fixture("tests/fixtures/wikidata-sample.nt"))
        .arg("--store")
        .arg(&store)
        .assert()
        .success()
        .stdout(contains("0 changed"));
    Ok(())
}

/// An `oxigraph serve-read-only` on a free loopback port, loaded with a
/// fixture; killed when dropped.
struct SparqlServer {
    child: Child,
    url: String,
}

impl Drop for SparqlServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start_oxigraph(dir: &Path, data: &Path) -> Result<Option<SparqlServer>, Box<dyn std::error::Error>> {
    let Ok(status) = Process::new("oxigraph").arg("--version").stdout(Stdio::null()).status() else {
        println!("skipped: the `oxigraph` server is not installed (pip install oxigraph==0.5.3, as .ci/run does)");
        return Ok(None);
    };
    if !status.success() {
        println!("skipped: `oxigraph --version` failed");
        return Ok(None);
    }
    let location = dir.join("oxigraph");
    let load =
        Process::new("oxigraph").arg("load").arg("--location").arg(&location).arg("--file").arg(data).output()?;
    assert!(load.status.success(), "oxigraph load: {}", String::from_utf8_lossy(&load.stderr));
    let port = TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
    let child = Process::new("oxigraph")
        .arg("serve-read-only")
        .arg("--location")
        .arg(&location)
        .arg("--bind")
        .arg(format!("127.0.0.1:{port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()?;
    let server = SparqlServer { child, url: format!("http://127.0.0.1:{port}/query") };
    let start = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(start.elapsed() < Duration::from_secs(20), "oxigraph did not start listening");
        std::thread::sleep(Duration::from_millis(50));
    }
    Ok(Some(server))
}

#[test]
fn endpoint_links_against_a_real_sparql_server_and_caches() -> TestResult {
    let dir = TempDir::new()?;
    let Some(server) = start_oxigraph(dir.path(), &fixture("tests/fixtures/wikidata-sample.nt"))? else {
        return Ok(());
    };
    let cache = dir.path().join("cache.json");
    let run = |url: &str| -> Result<std::process::Output, Box<dyn std::error::Error>> {
        Ok(newsgraph()?
            .args(["extract", "--endpoint", url, "--endpoint-timeout", "5", "--endpoint-cache"])
            .arg(&cache)
            .arg(fixture("examples/miami-talks.txt"))
            .output()?)
    };
    let out = run(&server.url)?;
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let l = links(&out.stdout)?;
    assert_eq!(link_of(&l, "Steve Witkoff"), Some("Q900000001"));
    assert_eq!(link_of(&l, "Vladimir Putin"), Some("Q7747"), "the bundled base still answers");
    assert!(cache.exists(), "answers are cached");
    // with the server gone, the cache answers
    let url = server.url.clone();
    drop(server);
    let out = run(&url)?;
    assert!(out.status.success());
    assert_eq!(link_of(&links(&out.stdout)?, "Steve Witkoff"), Some("Q900000001"));
    // a request budget of zero asks nothing new, and says so
    let fresh = dir.path().join("fresh.json");
    newsgraph()?
        .args(["extract", "--endpoint", &url, "--endpoint-budget", "0", "--endpoint-cache"])
        .arg(&fresh)
        .arg(fixture("examples/miami-talks.txt"))
        .assert()
        .success()
        .stderr(contains("budget of 0 requests"));
    Ok(())
}
