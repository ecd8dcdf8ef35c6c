//! The binary: stdout, stderr and exit codes, bad input, and a store that
//! loses nothing when a command fails.

use std::io::Read;
use std::process::{Command, Stdio};

use assert_fs::prelude::*;
use predicates::prelude::*;

use crate::common::{self, bin};

/// A persistent store holding the example, and its triple count.
fn store_with_example(dir: &assert_fs::TempDir) -> (std::path::PathBuf, usize) {
    let store = dir.path().join("store");
    bin()
        .args(["ingest", "--date", "2025-12-07", "--store"])
        .arg(&store)
        .arg(common::path("examples/miami-talks.txt"))
        .assert()
        .success()
        .stdout(predicate::str::contains("miami-talks: ").and(predicate::str::contains("total: 1 article")));
    let n = triples(&store);
    assert!(n > 100, "the example gives a graph");
    (store, n)
}

fn triples(store: &std::path::Path) -> usize {
    let out = bin()
        .args(["query", "-f", "csv", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", "--store"])
        .arg(store)
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).lines().nth(1).and_then(|l| l.trim().parse().ok()).expect("a count")
}

#[test]
fn extract_prints_one_json_line_per_article() {
    let out = bin()
        .args(["extract", "--date", "2025-12-07"])
        .arg(common::path("examples/miami-talks.txt"))
        .output()
        .expect("run");
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).expect("UTF-8");
    assert_eq!(stdout.lines().count(), 1);
    let v: serde_json::Value = serde_json::from_str(stdout.trim()).expect("JSON");
    assert_eq!(v["id"], "miami-talks");
    assert!(v["entities"].as_array().is_some_and(|e| e.len() > 10));
    assert!(v["quotes"].as_array().is_some_and(|q| q.iter().all(|q| q["start"].is_u64())));
}

#[test]
fn extract_streams_nquads_for_a_corpus() {
    bin()
        .args(["extract", "--format", "nquads"])
        .arg(common::path("tests/fixtures/gum-sample.jsonl"))
        .assert()
        .success()
        .stdout(predicate::str::contains("<https://w3id.org/newsgraph/id/article/GUM_news_korea> .\n"))
        .stdout(predicate::str::contains("<https://w3id.org/newsgraph/id/article/GUM_interview_stardust> .\n"));
}

#[test]
fn reingesting_keeps_the_triple_count() {
    let dir = assert_fs::TempDir::new().expect("temp dir");
    let (store, n) = store_with_example(&dir);
    bin()
        .args(["ingest", "--date", "2025-12-07", "--store"])
        .arg(&store)
        .arg(common::path("examples/miami-talks.txt"))
        .assert()
        .success();
    assert_eq!(triples(&store), n);
}

#[test]
fn bad_articles_are_reported_and_lose_nothing() {
    let dir = assert_fs::TempDir::new().expect("temp dir");
    let (store, n) = store_with_example(&dir);
    let empty = dir.child("empty.txt");
    empty.write_str("  \n").expect("write");
    let binary = dir.child("binary.txt");
    binary.write_binary(b"GIF89a\0\0\x01").expect("write");
    let latin1 = dir.child("latin1.txt");
    latin1.write_binary(b"Caf\xe9 owner spoke.\n").expect("write");
    for (file, message) in [
        (empty.path(), "is empty"),
        (binary.path(), "binary file (NUL byte at byte 6)"),
        (latin1.path(), "not UTF-8 text: invalid byte at line 1, column 4 (byte 3)"),
    ] {
        bin().args(["ingest", "--store"]).arg(&store).arg(file).assert().code(1).stderr(
            predicate::str::contains(message)
                .and(predicate::str::contains(file.file_name().and_then(|f| f.to_str()).expect("a name"))),
        );
    }
    // a missing file stops the command before anything is read
    bin().args(["ingest", "--store"]).arg(&store).arg(dir.path().join("nowhere.txt")).assert().code(1).stderr(
        predicate::str::contains("nowhere.txt")
            .and(predicate::str::contains("No such file").or(predicate::str::contains("no such file"))),
    );
    assert_eq!(triples(&store), n, "failed ingests left the store as it was");
}

#[test]
fn one_bad_article_in_a_corpus_does_not_stop_the_run() {
    let dir = assert_fs::TempDir::new().expect("temp dir");
    let corpus = dir.child("corpus.jsonl");
    corpus
        .write_str("{\"id\":\"a\",\"text\":\"Anna Kowalska met Jan Nowak in Warsaw.\"}\n{not json\n{\"id\":\"b\",\"text\":\"Jan Nowak stated nothing.\"}\n")
        .expect("write");
    bin()
        .args(["ingest", "--memory"])
        .arg(corpus.path())
        .assert()
        .code(3)
        .stdout(predicate::str::contains("total: 2 articles"))
        .stderr(predicate::str::contains("corpus.jsonl, line 2"));
}

#[test]
fn malformed_sparql_names_line_and_column() {
    let dir = assert_fs::TempDir::new().expect("temp dir");
    let (store, n) = store_with_example(&dir);
    bin()
        .args(["query", "SELECT ?x WHERE {\n  ?x ?y }", "--store"])
        .arg(&store)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("line 2, column"));
    bin().args(["query", "no-such-query", "--store"]).arg(&store).assert().code(1).stderr(
        predicate::str::contains("no bundled query named \"no-such-query\"")
            .and(predicate::str::contains("who-met-whom")),
    );
    assert_eq!(triples(&store), n);
}

#[test]
fn bundled_queries_run_from_the_cli() {
    let dir = assert_fs::TempDir::new().expect("temp dir");
    let (store, _) = store_with_example(&dir);
    bin()
        .args(["query", "--list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("who-met-whom").and(predicate::str::contains("evidence")));
    bin()
        .args(["query", "who-met-whom", "--param", "name=witkoff", "--store"])
        .arg(&store)
        .assert()
        .success()
        .stdout(predicate::str::contains("metWith").and(predicate::str::contains("rows)")));
    let rq = dir.child("q.rq");
    rq.write_str("ASK { ?s ng:metWith ?o }").expect("write");
    bin()
        .args(["query", "--format", "json"])
        .arg(rq.path())
        .arg("--store")
        .arg(&store)
        .assert()
        .success()
        .stdout(predicate::str::contains("\"boolean\":true"));
}

#[test]
fn query_without_a_store_says_how_to_make_one() {
    let dir = assert_fs::TempDir::new().expect("temp dir");
    bin()
        .args(["query", "quotes", "--store"])
        .arg(dir.path().join("none"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("newsgraph ingest"));
}

#[test]
fn a_locked_store_is_refused_with_a_hint_and_left_intact() {
    let dir = assert_fs::TempDir::new().expect("temp dir");
    let (store, n) = store_with_example(&dir);
    // this test process holds the store, as a running server would
    let held = oxigraph::store::Store::open(&store).expect("open the store");
    bin()
        .args(["ingest", "--store"])
        .arg(&store)
        .arg(common::path("tests/fixtures/istanbul-talks.txt"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("locked by another process"));
    drop(held);
    assert_eq!(triples(&store), n);
}

#[test]
fn export_writes_files_whole_and_refuses_unknown_articles() {
    let dir = assert_fs::TempDir::new().expect("temp dir");
    let (store, _) = store_with_example(&dir);
    let out = dir.child("graph.graphml");
    bin().args(["export", "--format", "graphml", "-o"]).arg(out.path()).arg("--store").arg(&store).assert().success();
    out.assert(predicate::str::contains("<graphml").and(predicate::str::contains("Steve Witkoff")));
    bin()
        .args(["export", "--format", "dot", "--doc", "nope", "--store"])
        .arg(&store)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no article \"nope\""));
    bin()
        .args(["export", "--format", "trig", "--doc", "miami-talks", "--store"])
        .arg(&store)
        .assert()
        .success()
        .stdout(predicate::str::contains("ng:metWith"));
}

#[test]
fn stats_count_by_type_and_predicate() {
    let dir = assert_fs::TempDir::new().expect("temp dir");
    let (store, _) = store_with_example(&dir);
    bin().args(["stats", "--store"]).arg(&store).assert().success().stdout(
        predicate::str::contains("articles")
            .and(predicate::str::contains("entities: Person"))
            .and(predicate::str::contains("facts: metWith")),
    );
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .args(["extract", "--format", "ntriples"])
        .arg(common::path("tests/fixtures/gum-sample.jsonl"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut first = [0u8; 16];
    child.stdout.take().expect("stdout").read_exact(&mut first).expect("some output");
    // stdout is dropped here: the reader went away, like `| head`
    let out = child.wait_with_output().expect("wait");
    assert!(out.status.success(), "exit {:?}, stderr {}", out.status.code(), String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty(), "nothing on stderr: {}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn help_explains_the_commands() {
    bin()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("ingest").and(predicate::str::contains("Exit codes")));
    bin()
        .args(["ingest", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("--date").and(predicate::str::contains("NEWSGRAPH_STORE")));
}
