//! Helpers for the tests that talk HTTP: servers started as child processes
//! on free loopback ports (killed when dropped), and requests sent with
//! `oxhttp` or a raw socket.

use std::fs::File;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use oxhttp::model::{Body, Method, Request};

/// The newsgraph binary: `NEWSGRAPH_TEST_BIN` if set (a copy, when several
/// work trees share one target directory), else the one cargo built.
pub fn bin_path() -> PathBuf {
    std::env::var_os("NEWSGRAPH_TEST_BIN").map_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_newsgraph")), PathBuf::from)
}

/// The newsgraph binary as an assert_cmd command.
pub fn bin() -> assert_cmd::Command {
    assert_cmd::Command::new(bin_path())
}

/// A program on the PATH, if there is one.
pub fn which(program: &str) -> Option<PathBuf> {
    std::env::split_paths(&std::env::var_os("PATH")?).map(|d| d.join(program)).find(|p| p.is_file())
}

/// A port no one listens on now.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("a free loopback port").port()
}

/// A server process, killed when dropped.
pub struct Running {
    child: Child,
    /// `http://127.0.0.1:PORT`
    pub base: String,
    log: PathBuf,
}

impl Running {
    /// What the server wrote to stdout and stderr.
    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `command` (which must listen on `port`) and waits until `GET
/// {ready}` gets any HTTP answer, for at most `patience`.
pub fn start(mut command: Command, port: u16, ready: &str, log_dir: &Path, patience: Duration) -> Running {
    let log = log_dir.join(format!("server-{port}.log"));
    let out = File::create(&log).expect("a log file");
    let child = command
        .stdin(Stdio::null())
        .stdout(out.try_clone().expect("a log file"))
        .stderr(out)
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {command:?}: {e}"));
    let mut running = Running { child, base: format!("http://127.0.0.1:{port}"), log };
    let started = Instant::now();
    loop {
        if let Ok(Some(status)) = running.child.try_wait() {
            panic!("{command:?} exited with {status} before answering:\n{}", running.log());
        }
        if send(Method::GET, &format!("{}{ready}", running.base), &[], Vec::new()).is_ok() {
            return running;
        }
        assert!(started.elapsed() < patience, "{command:?} did not answer within {patience:?}:\n{}", running.log());
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// `newsgraph serve --bind 127.0.0.1:PORT ARGS…`, ready when it answers.
pub fn serve(args: &[&str], env: &[(&str, &str)], log_dir: &Path) -> Running {
    let port = free_port();
    let mut c = Command::new(bin_path());
    c.arg("serve").arg("--bind").arg(format!("127.0.0.1:{port}")).args(args).env_remove("NEWSGRAPH_TOKEN");
    for (k, v) in env {
        c.env(k, v);
    }
    start(c, port, "/queries", log_dir, Duration::from_secs(30))
}

/// An answer: status, headers (names in lower case) and body.
#[derive(Debug)]
pub struct Answer {
    /// The status code.
    pub status: u16,
    /// The headers.
    pub headers: Vec<(String, String)>,
    /// The body, as text.
    pub body: String,
}

impl Answer {
    /// A header's value.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

/// Sends one request with oxhttp's client.
pub fn send(method: Method, url: &str, headers: &[(&str, &str)], body: Vec<u8>) -> std::io::Result<Answer> {
    let mut b = Request::builder().method(method).uri(url);
    for (k, v) in headers {
        b = b.header(*k, *v);
    }
    let request = b.body(Body::from(body)).map_err(std::io::Error::other)?;
    let response = oxhttp::Client::new().with_global_timeout(Duration::from_secs(60)).request(request)?;
    let status = response.status().as_u16();
    let headers = response
        .headers()
        .iter()
        .map(|(k, v)| (k.as_str().to_owned(), String::from_utf8_lossy(v.as_bytes()).into_owned()))
        .collect();
    let body = response.into_body().to_string()?;
    Ok(Answer { status, headers, body })
}

/// `send`, panicking on a transport failure.
pub fn call(method: Method, url: &str, headers: &[(&str, &str)], body: &str) -> Answer {
    send(method.clone(), url, headers, body.as_bytes().to_vec())
        .unwrap_or_else(|e| panic!("{method} {url} got no answer: {e}"))
}

/// Sends raw bytes and returns the raw answer (the server closes the connection).
pub fn raw(base: &str, bytes: &[u8]) -> String {
    let addr = base.trim_start_matches("http://");
    let mut s = TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(10))).expect("timeout");
    s.write_all(bytes).expect("send");
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// A URL-encoded component.
pub fn enc(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

/// The first `?n` of a SPARQL JSON answer to a COUNT query.
pub fn count(answer: &Answer) -> u64 {
    let json: serde_json::Value =
        serde_json::from_str(&answer.body).unwrap_or_else(|e| panic!("not SPARQL JSON ({e}): {}", answer.body));
    let n = &json["results"]["bindings"][0]["n"]["value"];
    n.as_str().and_then(|v| v.parse().ok()).unwrap_or_else(|| panic!("no ?n in {}", answer.body))
}

/// Counts the triples in the article graphs of a SPARQL endpoint.
pub fn remote_count(query_url: &str) -> u64 {
    let q = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } \
             FILTER(STRSTARTS(STR(?g), \"https://w3id.org/newsgraph/id/article/\")) }";
    let a = call(
        Method::GET,
        &format!("{query_url}?query={}", enc(q)),
        &[("Accept", "application/sparql-results+json")],
        "",
    );
    assert_eq!(a.status, 200, "{a:?}");
    count(&a)
}
