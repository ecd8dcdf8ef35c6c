//! The explorer as a person uses it: `newsgraph serve` on a store of two
//! articles, driven in a real headless Chromium through WebDriver. The page's
//! test hook `window.__ng.state()` gives the graph as data (nodes, edges,
//! filters), so the checks are about what is shown, not about pixels.
//!
//! Needs Debian's `chromium` and `chromium-driver` (`.ci/run` installs them);
//! without chromedriver the test says so and passes.

use std::path::Path;
use std::time::Duration;

use oxhttp::model::Method;
use quick_xml::events::Event;
use serde_json::{json, Value};

use super::common::path;
use super::http::{bin, call, enc, serve};
use super::webdriver::{base64, installed, key, Browser};

const ZELENSKY: &str = "https://w3id.org/newsgraph/id/wikidata/Q3874799";
const MACRON: &str = "https://w3id.org/newsgraph/id/wikidata/Q3052772";
const WAIT: Duration = Duration::from_secs(30);

/// The store the explorer tests serve: the example article and a second one.
fn store(dir: &Path) -> std::path::PathBuf {
    let store = dir.join("store");
    for (file, date) in [("examples/miami-talks.txt", "2025-12-07"), ("tests/fixtures/london-talks.txt", "2025-12-10")]
    {
        bin()
            .args(["ingest", "--quiet", "--date", date, "--store"])
            .arg(&store)
            .arg(path(file))
            .env_remove("NEWSGRAPH_STORE")
            .assert()
            .success();
    }
    store
}

const STATE: &str = "return window.__ng ? window.__ng.state() : null";

/// The graph's state once the page is idle.
fn settled(b: &Browser, what: &str, done: impl Fn(&Value) -> bool) -> Value {
    b.wait(what, STATE, WAIT, |s| !s.is_null() && s["busy"] == false && done(s))
}

fn ids(list: &Value) -> Vec<&str> {
    list.as_array().into_iter().flatten().filter_map(|x| x["id"].as_str()).collect()
}

fn has_node(s: &Value, id: &str) -> bool {
    ids(&s["nodes"]).contains(&id)
}

fn expanded(s: &Value, id: &str) -> bool {
    s["expanded"].as_array().is_some_and(|l| l.iter().any(|x| x["id"] == id))
}

/// Where an element of the graph is drawn, in viewport coordinates.
fn position(b: &Browser, id: &str) -> (f64, f64) {
    let p = b.execute("return window.__ng.position(arguments[0])", &[json!(id)]);
    (p["x"].as_f64().unwrap_or_else(|| panic!("{id} is not drawn: {p}")), p["y"].as_f64().unwrap_or_default())
}

/// The last file the page offered for download: name and content.
fn downloaded(b: &Browser, suffix: &str) -> Value {
    b.wait(&format!("a {suffix} download"), "return window.__ng.downloads.slice(-1)[0] || null", WAIT, |d| {
        d["name"].as_str().is_some_and(|n| n.ends_with(suffix))
    })
}

#[test]
fn the_explorer_in_a_real_browser() {
    let Some((chromium, driver)) = installed() else {
        eprintln!(
            "SKIPPED the_explorer_in_a_real_browser: chromedriver or chromium is not installed \
             (apt-get install chromium chromium-driver; .ci/run installs them)"
        );
        return;
    };
    let dir = tempfile::tempdir().expect("a temporary directory");
    let store = store(dir.path());
    let server = serve(&["--store", store.to_str().expect("utf-8 path")], &[], dir.path());
    let base = &server.base;

    // the API refuses bad input over HTTP too
    let a = call(Method::GET, &format!("{base}/api/neighbours?id={}&limit=5000", enc(ZELENSKY)), &[], "");
    assert_eq!(a.status, 400, "{}", a.body);

    let b = Browser::start(&chromium, &driver, dir.path(), 1400, 900);
    b.goto(&format!("{base}/"));

    // 1. the page opens on the most connected entities, never on an empty canvas
    let s = settled(&b, "the starting picture", |s| {
        s["mode"] == "top" && s["nodes"].as_array().is_some_and(|n| n.len() > 5)
    });
    assert!(s["edges"].as_array().is_some_and(|e| e.len() > 5), "{s:#}");
    assert_eq!(s["failures"], 0, "{s:#}");

    // 2. "/" focuses the search; typing a name offers it; Enter opens its ego network
    b.keys(&["/"], None);
    let focused = b.execute("return document.activeElement.id", &[]);
    assert_eq!(focused, "search");
    let search = b.find("#search");
    b.type_into(&search, "zelen");
    b.wait(
        "a suggestion",
        "return [...document.querySelectorAll('#suggestions li[data-id]')].map(li => li.dataset.id)",
        WAIT,
        |v| v.as_array().is_some_and(|l| l.first().is_some_and(|x| x == ZELENSKY)),
    );
    b.keys(&[key::ENTER], None);
    let s = settled(&b, "Zelensky's neighbours", |s| expanded(s, ZELENSKY) && has_node(s, MACRON));
    assert_eq!(s["mode"], "view");
    assert!(s["url"].as_str().is_some_and(|u| u.contains("x=entity%3AQ3874799")), "the URL holds the view: {s:#}");
    let neighbours = s["nodes"].as_array().map_or(0, Vec::len);

    // 3. double-clicking a node expands it
    let (x, y) = position(&b, MACRON);
    b.click_at(x, y, 2);
    let s = settled(&b, "Macron expanded", |s| expanded(s, MACRON));
    assert!(s["nodes"].as_array().map_or(0, Vec::len) > neighbours, "expanding adds neighbours: {s:#}");

    // 4. clicking an edge shows its evidence, the names marked
    let edge = s["edges"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|e| {
            e["predicate"] == "metWith" && ids(&json!([{"id": e["source"]}, {"id": e["target"]}])) == [MACRON, ZELENSKY]
        })
        .unwrap_or_else(|| panic!("Macron met Zelensky: {s:#}"))["id"]
        .as_str()
        .expect("an edge id")
        .to_owned();
    let (x, y) = position(&b, &edge);
    b.click_at(x, y, 1);
    let s = settled(&b, "the evidence of the edge", |s| {
        s["selected"] == edge.as_str() && s["details"].as_str().is_some_and(|d| d.contains("source sentence"))
    });
    let details = s["details"].as_str().unwrap_or_default();
    assert!(
        details.contains("Ukrainian President Volodymyr Zelensky met French President Emmanuel Macron"),
        "the sentence: {details}"
    );
    assert!(details.contains("london-talks") && details.contains("2025-12-08"), "article and date: {details}");
    let marks = b.execute("return [...document.querySelectorAll('#details mark')].map(m => m.textContent)", &[]);
    assert!(marks.as_array().is_some_and(|m| m.contains(&json!("Emmanuel Macron"))), "the names are marked: {marks}");

    // the picture in the README, taken here so that it stays current
    b.execute("document.activeElement.blur()", &[]);
    std::fs::write(path("docs/explorer.png"), b.screenshot()).expect("docs/explorer.png written");

    // 5. the quote panel of a person, in date order
    b.click_at(position(&b, ZELENSKY).0, position(&b, ZELENSKY).1, 1);
    settled(&b, "Zelensky's card", |s| s["details"].as_str().is_some_and(|d| d.contains("Quotes (")));
    b.click(&b.find("#show-quotes"));
    let s = settled(&b, "the quotes", |s| s["details"].as_str().is_some_and(|d| d.contains("in date order")));
    assert!(s["details"].as_str().is_some_and(|d| d.contains("We covered many aspects")), "{s:#}");

    // 6. a date range dragged on the timeline filters what is shown
    let bar = |day: &str| {
        b.execute(
            "const r = document.querySelector(`#timeline-svg rect[data-day='${arguments[0]}']`).getBoundingClientRect(); \
             return [r.left, r.right, r.top + r.height / 2]",
            &[json!(day)],
        )
    };
    let (first, last) = (bar("2025-12-08"), bar("2025-12-09"));
    let at = |v: &Value, i: usize| v[i].as_f64().unwrap_or_default();
    b.drag((at(&first, 0) - 2.0, at(&first, 2)), (at(&last, 1) + 2.0, at(&last, 2)));
    let s =
        settled(&b, "the date filter", |s| s["filters"]["from"] == "2025-12-08" && s["filters"]["to"] == "2025-12-09");
    let edges = s["edges"].as_array().cloned().unwrap_or_default();
    assert!(!edges.is_empty(), "{s:#}");
    for e in &edges {
        let inside = e["dates"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|d| d[0].as_str().is_some_and(|d| ("2025-12-08"..="2025-12-09").contains(&d)));
        assert!(inside, "every edge shown has a source in the range: {e}");
    }
    let filtered = s.clone();

    // 7. the URL reopens the same view
    b.refresh();
    let again = settled(&b, "the reloaded view", |s| s["mode"] == "view");
    for k in ["nodes", "edges", "filters", "expanded"] {
        assert_eq!(again[k], filtered[k], "{k} after a reload");
    }

    // 8. back and forward
    b.back();
    let s = settled(&b, "the view before the date filter", |s| s["filters"]["from"] == "");
    assert!(s["edges"].as_array().map_or(0, Vec::len) > edges.len(), "{s:#}");
    b.forward();
    settled(&b, "the date filter again", |s| s["filters"]["from"] == "2025-12-08");

    // filters by type, by fact and by number of sources, each undone by clicking again
    let fixed = |n: &Value| n["role"] == "pin" || n["role"] == "center";
    b.click(&b.find("[data-filter=type][value=GPE]"));
    let s = settled(&b, "no places", |s| s["filters"]["types"].as_array().is_some_and(|t| !t.contains(&json!("GPE"))));
    assert!(s["nodes"].as_array().into_iter().flatten().all(|n| n["type"] != "GPE" || fixed(n)), "{s:#}");
    b.click(&b.find("[data-filter=type][value=GPE]"));
    b.click(&b.find("[data-filter=predicate][value=metWith]"));
    let s = settled(&b, "no meetings", |s| {
        s["filters"]["predicates"].as_array().is_some_and(|p| !p.contains(&json!("metWith")))
    });
    assert!(s["edges"].as_array().into_iter().flatten().all(|e| e["predicate"] != "metWith"), "{s:#}");
    b.click(&b.find("[data-filter=predicate][value=metWith]"));
    let s = settled(&b, "the filters undone", |s| s["filters"] == filtered["filters"]);
    assert_eq!(s["edges"], filtered["edges"], "back to the same view");
    b.execute(
        "const i = document.querySelector('#min-sources'); i.value = '2'; i.dispatchEvent(new Event('change'))",
        &[],
    );
    let s = settled(&b, "two sources or more", |s| s["filters"]["minSources"] == 2);
    assert!(s["edges"].as_array().into_iter().flatten().all(|e| e["shown"].as_u64() >= Some(2)), "{s:#}");
    b.back();
    settled(&b, "one source again", |s| s["filters"]["minSources"] == 1);

    // 9. keyboard: arrows move to a neighbour, Enter expands, Ctrl+Z undoes
    b.click_at(position(&b, ZELENSKY).0, position(&b, ZELENSKY).1, 1);
    settled(&b, "Zelensky selected", |s| s["selected"] == ZELENSKY);
    b.keys(&[key::RIGHT], None);
    let s = settled(&b, "a neighbour selected", |s| s["selected"] != ZELENSKY && s["selected"] != "");
    let neighbour = s["selected"].as_str().unwrap_or_default().to_owned();
    assert!(has_node(&s, &neighbour), "{s:#}");
    let before = s["expanded"].as_array().map_or(0, Vec::len);
    b.keys(&[key::ENTER], None);
    let s = settled(&b, "the neighbour expanded", |s| s["expanded"].as_array().map_or(0, Vec::len) == before + 1);
    assert!(expanded(&s, &neighbour), "{s:#}");
    b.keys(&["z"], Some(key::CONTROL));
    settled(&b, "the expansion undone", |s| s["expanded"].as_array().map_or(0, Vec::len) == before);
    let list = b.execute("return [...document.querySelectorAll('#node-list button')].map(b => b.dataset.id)", &[]);
    let shown = settled(&b, "idle", |_| true);
    assert_eq!(list.as_array().map(Vec::len), shown["nodes"].as_array().map(Vec::len), "the list mirrors the graph");

    // 10. exports: a PNG that is not blank, GraphML that parses and holds the view
    b.click(&b.find("#export-button"));
    b.click(&b.find("[data-export=png]"));
    let png = downloaded(&b, ".png");
    let bytes = base64(png["base64"].as_str().expect("PNG data"));
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "a PNG");
    let inked = b.execute_async(
        "const done = arguments[arguments.length - 1]; const img = new Image(); \
         img.onload = () => { const c = document.createElement('canvas'); c.width = img.width; c.height = img.height; \
           const g = c.getContext('2d'); g.drawImage(img, 0, 0); const d = g.getImageData(0, 0, c.width, c.height).data; \
           let n = 0; for (let i = 0; i < d.length; i += 4) if (d[i] < 200 || d[i + 1] < 200 || d[i + 2] < 200) n++; \
           done({width: img.width, height: img.height, inked: n}); }; \
         img.onerror = () => done(null); img.src = 'data:image/png;base64,' + arguments[0];",
        &[png["base64"].clone()],
    );
    assert!(inked["width"].as_u64().is_some_and(|w| w > 200), "{inked}");
    assert!(inked["inked"].as_u64().is_some_and(|n| n > 2000), "the PNG shows the graph: {inked}");

    b.click(&b.find("#export-button"));
    b.click(&b.find("[data-export=graphml]"));
    let graphml = downloaded(&b, ".graphml");
    let counts = count_elements(graphml["text"].as_str().expect("GraphML text"));
    let count = |name: &str| counts.get(name).copied().unwrap_or_default();
    assert_eq!(count("node"), shown["nodes"].as_array().map_or(0, Vec::len), "GraphML nodes");
    assert_eq!(count("edge"), shown["edges"].as_array().map_or(0, Vec::len), "GraphML edges");

    b.click(&b.find("#export-button"));
    b.click(&b.find("[data-export=turtle]"));
    let turtle = downloaded(&b, ".ttl");
    assert!(
        turtle["text"].as_str().is_some_and(|t| t.contains("ng:metWith") || t.contains("ontology#metWith")),
        "{turtle}"
    );

    b.click(&b.find("#export-button"));
    b.click(&b.find("[data-export=svg]"));
    let svg = downloaded(&b, ".svg");
    let svg = svg["text"].as_str().expect("SVG text");
    let counts = count_elements(svg);
    let drawn =
        ["ellipse", "polygon", "rect"].iter().map(|n| counts.get(*n).copied().unwrap_or_default()).sum::<usize>();
    assert!(drawn > shown["nodes"].as_array().map_or(0, Vec::len), "every node drawn in the SVG:\n{svg}");

    b.click(&b.find("#export-button"));
    b.click(&b.find("[data-export=csv]"));
    let csv = downloaded(&b, ".csv");
    let csv = csv["text"].as_str().expect("CSV text");
    assert!(csv.starts_with("source,predicate,target,article,title,date,start,end,sentence\r\n"), "{csv}");
    assert!(csv.lines().count() > shown["edges"].as_array().map_or(0, Vec::len), "a row per source: {csv}");

    // 11. "show the SPARQL": a CONSTRUCT query that the endpoint runs
    b.click(&b.find("#export-button"));
    b.click(&b.find("[data-export=sparql]"));
    let sparql = b.wait("the SPARQL dialog", "return document.querySelector('#sparql-dialog').open ? document.querySelector('#sparql-text').textContent : null", WAIT, |v| v.is_string());
    let sparql = sparql.as_str().unwrap_or_default();
    assert!(sparql.contains("CONSTRUCT"), "{sparql}");
    let a = call(
        Method::POST,
        &format!("{base}/query"),
        &[("Content-Type", "application/sparql-query"), ("Accept", "application/n-triples")],
        sparql,
    );
    assert_eq!(a.status, 200, "{}", a.body);
    b.click(&b.find("#sparql-close"));

    // 12. the Advanced tab: a CONSTRUCT result opens in the explorer
    b.click(&b.find("#tab-advanced"));
    b.execute(
        "document.querySelector('#text').value = arguments[0]",
        &[json!(format!(
            "CONSTRUCT {{ ?a ng:metWith ?b }} WHERE {{ ?a ng:metWith ?b FILTER(?a = <{MACRON}> || ?b = <{MACRON}>) }}"
        ))],
    );
    b.click(&b.find("#run"));
    b.wait("the CONSTRUCT result", "return !document.querySelector('#open-in-explorer').hidden", WAIT, |v| v == true);
    b.click(&b.find("#open-in-explorer"));
    let s = settled(&b, "the result in the explorer", |s| {
        s["mode"] == "view" && s["expanded"].as_array().is_some_and(Vec::is_empty)
    });
    assert!(has_node(&s, MACRON) && has_node(&s, ZELENSKY), "{s:#}");
    assert!(s["edges"].as_array().is_some_and(|e| e.iter().any(|e| e["predicate"] == "metWith")), "{s:#}");

    // 13. a large neighbourhood comes in pages: "+N more" loads the next one
    b.goto(&format!("{base}/?e=entity%3AQ3874799&x=entity%3AQ3874799%7C%7C1&per=3"));
    let s = settled(&b, "a page of 3", |s| s["more"].as_array().is_some_and(|m| !m.is_empty()));
    let left = s["more"][0]["n"].as_u64().expect("a count of the rest");
    let more = format!("more:{ZELENSKY}|");
    let (x, y) = position(&b, &more);
    b.click_at(x, y, 1);
    let s = settled(&b, "the next page", |s| s["expanded"][0]["pages"] == 2);
    let now = s["more"].as_array().and_then(|m| m.first()).map_or(0, |m| m["n"].as_u64().unwrap_or_default());
    assert_eq!(now, left.saturating_sub(3), "{s:#}");

    // 14. nothing failed along the way
    assert_eq!(settled(&b, "idle", |_| true)["failures"], 0);
}

/// How many elements of each name an XML document has (panics if it does not parse).
fn count_elements(text: &str) -> std::collections::HashMap<String, usize> {
    let mut reader = quick_xml::Reader::from_str(text);
    let mut counts = std::collections::HashMap::new();
    loop {
        match reader.read_event().unwrap_or_else(|e| panic!("the XML does not parse: {e}\n{text}")) {
            Event::Start(e) | Event::Empty(e) => *counts.entry(e.name().into_inner().to_owned()).or_default() += 1,
            Event::Eof => break,
            _ => {}
        }
    }
    counts
}
