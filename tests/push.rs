//! `newsgraph push` against real servers on loopback: oxigraph's own server
//! (`pip install oxigraph`), Virtuoso (Debian's `virtuoso-opensource`) and
//! `newsgraph serve`. A test whose server is not installed says so and passes;
//! `.ci/run` installs both.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use oxhttp::model::Method;
use predicates::prelude::PredicateBooleanExt;

use super::common::path;
use super::http::{bin, call, free_port, remote_count, serve, start, which};

const TOKEN: &str = "push-token-81c2";

/// A store holding the two example articles; returns it and its triple count.
fn local_store(dir: &Path) -> (PathBuf, u64) {
    let store = dir.join("local");
    bin()
        .args(["ingest", "--date", "2025-12-07", "--store"])
        .arg(&store)
        .arg(path("examples/miami-talks.txt"))
        .arg(path("tests/fixtures/istanbul-talks.txt"))
        .assert()
        .success();
    let n = newsgraph::store::Store::open_read_only(&store).and_then(|s| s.article_quads()).expect("the local store");
    (store, n)
}

fn push(store: &Path, to: &str, protocol: &str, token: Option<&str>) -> assert_cmd::assert::Assert {
    let mut c = bin();
    c.args(["push", "--protocol", protocol, "--retries", "1", "--to", to, "--store"]).arg(store);
    c.env_remove("NEWSGRAPH_TOKEN");
    if let Some(t) = token {
        c.env("NEWSGRAPH_TOKEN", t);
    }
    c.assert()
}

#[test]
fn push_to_an_oxigraph_server_twice_leaves_it_unchanged() {
    let Some(oxigraph) = which("oxigraph") else {
        eprintln!("skipped: no `oxigraph` program on the PATH (pip install oxigraph)");
        return;
    };
    let dir = tempfile::tempdir().expect("a temporary directory");
    let (store, local) = local_store(dir.path());
    let port = free_port();
    let mut c = Command::new(oxigraph);
    c.args(["serve", "--location"]).arg(dir.path().join("remote")).args(["--bind", &format!("127.0.0.1:{port}")]);
    let server = start(c, port, "/", dir.path(), Duration::from_secs(60));
    let base = &server.base;
    // a graph of someone else's, which a push must leave alone
    let other = call(
        Method::PUT,
        &format!("{base}/store?graph=https%3A%2F%2Fexample.com%2Fother"),
        &[("Content-Type", "application/n-triples")],
        "<https://example.com/s> <https://example.com/p> \"kept\" .\n",
    );
    assert!(matches!(other.status, 201 | 204), "{other:?}");

    push(&store, &format!("{base}/store"), "gsp", None).success().stdout(predicates::str::contains("pushed 2 graphs"));
    assert_eq!(remote_count(&format!("{base}/query")), local, "the remote has every triple");
    push(&store, &format!("{base}/store"), "gsp", None).success();
    assert_eq!(remote_count(&format!("{base}/query")), local, "pushing twice changes nothing");
    push(&store, &format!("{base}/update"), "update", None).success();
    assert_eq!(remote_count(&format!("{base}/query")), local, "so does pushing by SPARQL Update");
    let all = call(
        Method::GET,
        &format!(
            "{base}/query?query=SELECT%20(COUNT(*)%20AS%20%3Fn)%20%7B%20GRAPH%20%3Fg%20%7B%3Fs%20%3Fp%20%3Fo%7D%20%7D"
        ),
        &[("Accept", "application/sparql-results+json")],
        "",
    );
    assert_eq!(super::http::count(&all), local + 1, "the other graph is still there");
}

#[test]
fn push_to_newsgraph_serve_needs_its_token() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let (store, local) = local_store(dir.path());
    let server = serve(&["--memory", "--allow-update"], &[("NEWSGRAPH_TOKEN", TOKEN)], dir.path());
    let to = format!("{}/store", server.base);
    push(&store, &to, "gsp", None)
        .failure()
        .stderr(predicates::str::contains("HTTP 401").and(predicates::str::contains("--token")));
    push(&store, &to, "gsp", Some(TOKEN)).success();
    push(&store, &format!("{}/update", server.base), "update", Some(TOKEN)).success();
    assert_eq!(remote_count(&format!("{}/query", server.base)), local);
}

#[test]
fn push_to_virtuoso_twice_leaves_it_unchanged() {
    let (Some(virtuoso), Some(isql)) = (which("virtuoso-t"), which("isql-vt")) else {
        eprintln!("skipped: Virtuoso is not installed (apt-get install virtuoso-opensource)");
        return;
    };
    let dir = tempfile::tempdir().expect("a temporary directory");
    let (store, local) = local_store(dir.path());
    let (sql_port, http_port) = (free_port(), free_port());
    let db = dir.path().join("virtuoso");
    std::fs::create_dir_all(&db).expect("a directory");
    let d = db.display();
    let ini = format!(
        "[Database]\nDatabaseFile = {d}/virtuoso.db\nErrorLogFile = {d}/virtuoso.log\nTransactionFile = {d}/virtuoso.trx\n\
         xa_persistent_file = {d}/virtuoso.pxa\n[TempDatabase]\nDatabaseFile = {d}/virtuoso-temp.db\n\
         TransactionFile = {d}/virtuoso-temp.trx\n[Parameters]\nServerPort = 127.0.0.1:{sql_port}\nDirsAllowed = .\n\
         NumberOfBuffers = 10000\nMaxDirtyBuffers = 6000\n[HTTPServer]\nServerPort = 127.0.0.1:{http_port}\n\
         [SPARQL]\nResultSetMaxRows = 100000\nMaxQueryExecutionTime = 60\n"
    );
    let ini_path = db.join("virtuoso.ini");
    std::fs::write(&ini_path, ini).expect("virtuoso.ini");
    let mut c = Command::new(virtuoso);
    c.arg("-f").arg("-c").arg(&ini_path).current_dir(&db);
    let server = start(c, http_port, "/sparql?query=ASK%7B%7D", dir.path(), Duration::from_secs(120));
    // a throw-away instance: let the anonymous SPARQL user update
    let mut granted = false;
    for _ in 0..30 {
        let out = Command::new(&isql)
            .arg(format!("127.0.0.1:{sql_port}"))
            .args(["dba", "dba", "exec=GRANT SPARQL_UPDATE TO \"SPARQL\";"])
            .output()
            .expect("isql-vt runs");
        if out.status.success() && !String::from_utf8_lossy(&out.stdout).contains("Error") {
            granted = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(500));
    }
    assert!(granted, "isql-vt could not grant SPARQL_UPDATE:\n{}", server.log());
    let base = &server.base;
    push(&store, &format!("{base}/sparql-graph-crud"), "gsp", None).success();
    assert_eq!(remote_count(&format!("{base}/sparql")), local, "the remote has every triple");
    push(&store, &format!("{base}/sparql-graph-crud"), "gsp", None).success();
    assert_eq!(remote_count(&format!("{base}/sparql")), local, "pushing twice changes nothing");
    push(&store, &format!("{base}/sparql"), "update", None).success();
    assert_eq!(remote_count(&format!("{base}/sparql")), local, "so does pushing by SPARQL Update");
}

#[test]
fn push_to_a_server_that_is_not_there_says_what_to_check() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let (store, _) = local_store(dir.path());
    push(&store, &format!("http://127.0.0.1:{}/store", free_port()), "gsp", None)
        .failure()
        .stderr(predicates::str::contains("no answer").and(predicates::str::contains("is the server running")));
    push(&store, "ftp://example.com/store", "gsp", None).failure().stderr(predicates::str::contains("http://"));
}
