//! A small W3C WebDriver client over the HTTP client the tests already use,
//! driving Debian's headless Chromium through its chromedriver.
//!
//! It speaks the dozen commands the explorer tests need (navigate, find,
//! click, type, key and pointer actions, run a script, screenshot); a full
//! client (fantoccini) would bring an async runtime and its HTTP stack into the
//! build for no more than that.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use oxhttp::model::Method;
use serde_json::{json, Value};

use super::http::{free_port, send, start, which, Running};

/// Keys as WebDriver encodes them.
pub mod key {
    /// Enter.
    pub const ENTER: &str = "\u{E007}";
    /// Arrow right.
    pub const RIGHT: &str = "\u{E014}";
    /// Control.
    pub const CONTROL: &str = "\u{E009}";
}

/// A browser session, closed (and chromedriver stopped) when dropped.
pub struct Browser {
    base: String,
    session: String,
    _driver: Running,
    _profile: tempfile::TempDir,
}

/// The Chromium binary and chromedriver, if both are installed.
pub fn installed() -> Option<(PathBuf, PathBuf)> {
    let driver = which("chromedriver")?;
    let chromium = [PathBuf::from("/usr/lib/chromium/chromium")]
        .into_iter()
        .find(|p| p.is_file())
        .or_else(|| which("chromium"))
        .or_else(|| which("chromium-browser"))
        .or_else(|| which("google-chrome"))?;
    Some((chromium, driver))
}

impl Browser {
    /// Starts chromedriver and a headless Chromium of `width`×`height` with a fresh profile.
    pub fn start(chromium: &Path, driver: &Path, log_dir: &Path, width: u32, height: u32) -> Browser {
        let port = free_port();
        let mut command = Command::new(driver);
        command.arg(format!("--port={port}"));
        let running = start(command, port, "/status", log_dir, Duration::from_secs(30));
        let profile = tempfile::tempdir().expect("a profile directory");
        // a machine without network: no sandbox as root, and nothing that calls home
        let args = [
            "--headless".to_owned(),
            "--no-sandbox".to_owned(),
            "--disable-gpu".to_owned(),
            "--disable-quic".to_owned(),
            "--no-first-run".to_owned(),
            "--disable-background-networking".to_owned(),
            "--disable-component-update".to_owned(),
            "--disable-sync".to_owned(),
            "--disable-dev-shm-usage".to_owned(),
            "--hide-scrollbars".to_owned(),
            "--force-device-scale-factor=1".to_owned(),
            format!("--window-size={width},{height}"),
            format!("--user-data-dir={}", profile.path().display()),
        ];
        let capabilities = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {"binary": chromium.display().to_string(), "args": args},
        }}});
        let base = running.base.clone();
        let answer = post(&format!("{base}/session"), &capabilities);
        let session = answer["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("chromedriver started no session: {answer}\n{}", running.log()))
            .to_owned();
        Browser { base, session, _driver: running, _profile: profile }
    }

    fn command(&self, method: Method, path: &str, body: &Value) -> Value {
        let url = format!("{}/session/{}{path}", self.base, self.session);
        let text = if method == Method::GET { String::new() } else { body.to_string() };
        let a = send(method.clone(), &url, &[("Content-Type", "application/json")], text.into_bytes())
            .unwrap_or_else(|e| panic!("{method} {path}: chromedriver did not answer: {e}"));
        let v: Value = serde_json::from_str(&a.body).unwrap_or_else(|e| panic!("{path}: not JSON ({e}): {}", a.body));
        if a.status != 200 {
            panic!("{method} {path} failed ({}): {}", a.status, v["value"]);
        }
        v["value"].clone()
    }

    /// Opens a URL and waits for its load.
    pub fn goto(&self, url: &str) {
        self.command(Method::POST, "/url", &json!({"url": url}));
    }

    /// Reloads the page.
    pub fn refresh(&self) {
        self.command(Method::POST, "/refresh", &json!({}));
    }

    /// Goes back in history.
    pub fn back(&self) {
        self.command(Method::POST, "/back", &json!({}));
    }

    /// Goes forward in history.
    pub fn forward(&self) {
        self.command(Method::POST, "/forward", &json!({}));
    }

    /// Runs a script (its `return` value comes back as JSON).
    pub fn execute(&self, script: &str, args: &[Value]) -> Value {
        self.command(Method::POST, "/execute/sync", &json!({"script": script, "args": args}))
    }

    /// Runs an asynchronous script: it calls `arguments[arguments.length - 1]` with its result.
    pub fn execute_async(&self, script: &str, args: &[Value]) -> Value {
        self.command(Method::POST, "/execute/async", &json!({"script": script, "args": args}))
    }

    /// The element matching a CSS selector.
    pub fn find(&self, css: &str) -> String {
        let v = self.command(Method::POST, "/element", &json!({"using": "css selector", "value": css}));
        v.as_object().and_then(|o| o.values().next()).and_then(Value::as_str).expect("an element reference").to_owned()
    }

    /// Clicks an element.
    pub fn click(&self, element: &str) {
        self.command(Method::POST, &format!("/element/{element}/click"), &json!({}));
    }

    /// Types text into an element (as keystrokes).
    pub fn type_into(&self, element: &str, text: &str) {
        self.command(Method::POST, &format!("/element/{element}/value"), &json!({"text": text}));
    }

    /// Presses keys on whatever has the focus; `held` is pressed around them (e.g. Control).
    pub fn keys(&self, keys: &[&str], held: Option<&str>) {
        let mut actions = Vec::new();
        if let Some(h) = held {
            actions.push(json!({"type": "keyDown", "value": h}));
        }
        for k in keys {
            actions.push(json!({"type": "keyDown", "value": k}));
            actions.push(json!({"type": "keyUp", "value": k}));
        }
        if let Some(h) = held {
            actions.push(json!({"type": "keyUp", "value": h}));
        }
        self.actions(json!([{"type": "key", "id": "keyboard", "actions": actions}]));
    }

    fn actions(&self, actions: Value) {
        self.command(Method::POST, "/actions", &json!({"actions": actions}));
        self.command(Method::DELETE, "/actions", &json!({}));
    }

    fn pointer(&self, steps: Vec<Value>) {
        self.actions(
            json!([{"type": "pointer", "id": "mouse", "parameters": {"pointerType": "mouse"}, "actions": steps}]),
        );
    }

    /// Clicks (`clicks` times in a row) at a point of the viewport.
    pub fn click_at(&self, x: f64, y: f64, clicks: usize) {
        let mut steps = vec![
            json!({"type": "pointerMove", "duration": 0, "x": x.round() as i64, "y": y.round() as i64, "origin": "viewport"}),
        ];
        for _ in 0..clicks {
            steps.push(json!({"type": "pointerDown", "button": 0}));
            steps.push(json!({"type": "pointerUp", "button": 0}));
        }
        self.pointer(steps);
    }

    /// Drags from one point of the viewport to another.
    pub fn drag(&self, from: (f64, f64), to: (f64, f64)) {
        let at = |p: (f64, f64), duration: u64| json!({"type": "pointerMove", "duration": duration, "x": p.0.round() as i64, "y": p.1.round() as i64, "origin": "viewport"});
        self.pointer(vec![
            at(from, 0),
            json!({"type": "pointerDown", "button": 0}),
            at(((from.0 + to.0) / 2.0, from.1), 100),
            at(to, 100),
            json!({"type": "pointerUp", "button": 0}),
        ]);
    }

    /// A PNG of the viewport.
    pub fn screenshot(&self) -> Vec<u8> {
        let v = self.command(Method::GET, "/screenshot", &json!({}));
        base64(v.as_str().expect("a base64 screenshot"))
    }

    /// Polls `script` (returning JSON) until `done` holds, for at most `patience`.
    pub fn wait(&self, what: &str, script: &str, patience: Duration, done: impl Fn(&Value) -> bool) -> Value {
        let started = Instant::now();
        loop {
            let v = self.execute(script, &[]);
            if done(&v) {
                return v;
            }
            assert!(started.elapsed() < patience, "waited {patience:?} for {what}; last seen: {v:#}");
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let url = format!("{}/session/{}", self.base, self.session);
        let _ = send(Method::DELETE, &url, &[], Vec::new());
    }
}

fn post(url: &str, body: &Value) -> Value {
    let a = send(Method::POST, url, &[("Content-Type", "application/json")], body.to_string().into_bytes())
        .unwrap_or_else(|e| panic!("POST {url}: {e}"));
    let v: Value = serde_json::from_str(&a.body).unwrap_or_else(|e| panic!("POST {url}: not JSON ({e}): {}", a.body));
    assert_eq!(a.status, 200, "POST {url}: {v}");
    v["value"].clone()
}

/// Decodes standard base64 (padding optional).
pub fn base64(text: &str) -> Vec<u8> {
    let value = |c: u8| -> u32 {
        match c {
            b'A'..=b'Z' => u32::from(c - b'A'),
            b'a'..=b'z' => u32::from(c - b'a') + 26,
            b'0'..=b'9' => u32::from(c - b'0') + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            _ => panic!("{:?} is not a base64 character", c as char),
        }
    };
    let digits: Vec<u8> = text.bytes().filter(|c| !c.is_ascii_whitespace() && *c != b'=').collect();
    let mut out = Vec::with_capacity(digits.len() * 3 / 4);
    for chunk in digits.chunks(4) {
        let n = chunk.iter().enumerate().fold(0u32, |acc, (i, &c)| acc | (value(c) << (18 - 6 * i)));
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&bytes[..chunk.len() - 1]);
    }
    out
}

#[test]
fn base64_decodes() {
    assert_eq!(base64("aGVsbG8gd29ybGQ="), b"hello world");
    assert_eq!(base64("YQ=="), b"a");
    assert_eq!(base64("YWI="), b"ab");
}
