//! Export validity: GraphML read by a strict parser (and networkx when
//! installed), DOT rendered by Graphviz without warnings whatever the names contain.

use std::collections::{HashMap, HashSet};
use std::io::Write;

use newsgraph::export::{self, dot, graphml, Edge, EntityGraph, Node};
use quick_xml::events::Event;
use quick_xml::{Reader, XmlVersion};

use crate::common;

/// A graph whose names hold everything that breaks naive writers.
fn hostile() -> EntityGraph {
    let mut g = EntityGraph::new();
    let names = [
        "O'Brien \"the Boss\"",
        "Back\\slash \\N \\l",
        "Line\nbreak",
        "<b>Tags</b> & {braces} [brackets] ;",
        "Zelensky — “curly” ‘quotes’ €",
        "digraph { a -> b }",
        "",
    ];
    let ids: Vec<_> = names
        .iter()
        .map(|n| {
            g.add_node(Node {
                iri: format!("https://w3id.org/newsgraph/id/person/{}", n.len()),
                label: (*n).to_owned(),
                etype: "PERSON".into(),
                link: Some("http://www.wikidata.org/entity/Q1?x=\"1\"&y=<2>".into()),
                roles: "Minister \"of\" <Things>".into(),
            })
        })
        .collect();
    for w in ids.windows(2) {
        g.add_edge(
            w[0],
            w[1],
            Edge { predicate: "metWith".into(), support: 2, date: Some("2025-12-04".into()), symmetric: true },
        );
    }
    g
}

fn example_graph() -> EntityGraph {
    let store = common::store_with(&[common::example()]);
    export::entity_graph(&store, None).expect("the entity graph")
}

/// Checks GraphML structure strictly: namespace, unique keys, declared data keys
/// used for the right element, unique node ids, edges between existing nodes,
/// integer values where the key says int.
fn check_graphml(xml: &str) -> (usize, usize) {
    let mut reader = Reader::from_str(xml);
    let mut keys: HashMap<String, (String, String)> = HashMap::new();
    let mut nodes = HashSet::new();
    let mut edges = Vec::new();
    let mut stack: Vec<String> = Vec::new();
    let mut current_key: Option<String> = None;
    let mut saw_root_ns = false;
    loop {
        let ev = reader.read_event().expect("well-formed XML");
        match ev {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let name = e.name().as_ref().to_owned();
                let attrs: HashMap<String, String> = e
                    .attributes()
                    .map(|a| {
                        let a = a.expect("a valid attribute");
                        (
                            a.key.as_ref().to_owned(),
                            a.normalized_value(XmlVersion::Implicit1_0).expect("escaped").into_owned(),
                        )
                    })
                    .collect();
                match name.as_str() {
                    "graphml" => saw_root_ns = attrs.get("xmlns").map(String::as_str) == Some(graphml::NAMESPACE),
                    "key" => {
                        let id = attrs["id"].clone();
                        let ty = attrs.get("attr.type").cloned().unwrap_or_default();
                        assert!(
                            keys.insert(id.clone(), (attrs["for"].clone(), ty)).is_none(),
                            "key {id} declared twice"
                        );
                    }
                    "node" => assert!(nodes.insert(attrs["id"].clone()), "node id {} twice", attrs["id"]),
                    "edge" => edges.push((attrs["source"].clone(), attrs["target"].clone())),
                    "data" => {
                        let key = &attrs["key"];
                        let (target, _) = keys.get(key).unwrap_or_else(|| panic!("data key {key} is not declared"));
                        assert_eq!(Some(target), stack.last(), "data {key} inside the wrong element");
                        current_key = Some(key.clone());
                    }
                    _ => {}
                }
                if matches!(ev, Event::Start(_)) {
                    stack.push(name);
                }
            }
            Event::Text(t) => {
                if let Some(k) = &current_key {
                    if keys[k].1 == "int" {
                        let v = t.into_inner();
                        assert!(v.trim().parse::<i64>().is_ok(), "key {k} is int, got {v:?}");
                    }
                }
            }
            Event::End(_) => {
                let closed = stack.pop();
                if closed.as_deref() == Some("data") {
                    current_key = None;
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert!(saw_root_ns, "the root is graphml in the GraphML namespace");
    for (s, t) in &edges {
        assert!(nodes.contains(s) && nodes.contains(t), "edge {s} -> {t} points outside the graph");
    }
    (nodes.len(), edges.len())
}

#[test]
fn graphml_is_strictly_valid() {
    for g in [example_graph(), hostile()] {
        let mut out = Vec::new();
        graphml::write(&g, &mut out).expect("write GraphML");
        let (n, e) = check_graphml(&String::from_utf8(out).expect("UTF-8"));
        assert_eq!((n, e), (g.node_count(), g.edge_count()));
    }
}

#[test]
fn graphml_opens_in_networkx_with_labels() {
    let ok = std::process::Command::new("python3").args(["-c", "import networkx"]).status().is_ok_and(|s| s.success());
    if !ok {
        eprintln!("skipped: python3 with networkx is not installed (.ci/run installs it)");
        return;
    }
    let dir = tempfile::tempdir().expect("a temp dir");
    for (i, g) in [example_graph(), hostile()].iter().enumerate() {
        let path = dir.path().join(format!("g{i}.graphml"));
        let mut f = std::fs::File::create(&path).expect("create");
        graphml::write(g, &mut f).expect("write");
        f.flush().expect("flush");
        let script = "import sys, networkx as nx\n\
            g = nx.read_graphml(sys.argv[1])\n\
            assert g.number_of_nodes() == int(sys.argv[2]), g.number_of_nodes()\n\
            assert g.number_of_edges() == int(sys.argv[3]), g.number_of_edges()\n\
            assert all('label' in d for _, d in g.nodes(data=True))\n\
            assert all(isinstance(d['support'], int) for _, _, d in g.edges(data=True))\n";
        let out = std::process::Command::new("python3")
            .args([
                "-c",
                script,
                path.to_str().expect("a UTF-8 path"),
                &g.node_count().to_string(),
                &g.edge_count().to_string(),
            ])
            .output()
            .expect("run python3");
        assert!(out.status.success(), "networkx refused the GraphML: {}", String::from_utf8_lossy(&out.stderr));
    }
}

#[test]
fn dot_renders_without_warnings() {
    if !common::have("dot") {
        eprintln!("skipped: Graphviz `dot` is not installed (.ci/run installs it)");
        return;
    }
    for g in [example_graph(), hostile()] {
        let mut out = Vec::new();
        dot::write(&g, &mut out).expect("write DOT");
        let mut child = std::process::Command::new("dot")
            .arg("-Tsvg")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("run dot");
        child.stdin.take().expect("stdin").write_all(&out).expect("feed dot");
        let result = child.wait_with_output().expect("dot finished");
        assert!(result.status.success(), "dot failed: {}", String::from_utf8_lossy(&result.stderr));
        assert!(result.stderr.is_empty(), "dot warned: {}", String::from_utf8_lossy(&result.stderr));
        let svg = String::from_utf8_lossy(&result.stdout);
        assert!(svg.contains("<svg"), "dot made an SVG");
    }
}

#[test]
fn the_example_graph_has_its_people_and_meetings() {
    let g = example_graph();
    let labels: HashSet<&str> = g.node_weights().map(|n| n.label.as_str()).collect();
    for name in ["Steve Witkoff", "Vladimir Putin", "Volodymyr Zelensky", "Miami"] {
        assert!(labels.contains(name), "{name} is a node");
    }
    assert!(g.edge_weights().any(|e| e.predicate == "metWith" && e.support >= 1));
}
