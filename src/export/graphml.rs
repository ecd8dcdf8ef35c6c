//! GraphML output of the entity graph.
//!
//! Keys are declared once, with unique ids, before the graph. Each node
//! carries `label`, `type`, `link`, `roles` and `iri`; each edge `label`,
//! `predicate`, `support` and `date` — the attribute names Gephi, Cytoscape
//! and networkx pick up. yEd shows labels only from its own `nodegraphics`
//! and `edgegraphics` data, so those are written too (GraphML allows foreign
//! elements inside `<data>`).
//!
//! Written with quick-xml, so every name and date is escaped.

use std::io::{self, Write};

use petgraph::visit::EdgeRef;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::Writer;

use super::EntityGraph;

/// GraphML namespace.
pub const NAMESPACE: &str = "http://graphml.graphdrawing.org/xmlns";
/// yFiles extension namespace (yEd).
pub const YFILES: &str = "http://www.yworks.com/xml/graphml";

/// (id, for, attr.name, attr.type) of every data key.
pub const KEYS: &[(&str, &str, &str, &str)] = &[
    ("label", "node", "label", "string"),
    ("type", "node", "type", "string"),
    ("link", "node", "link", "string"),
    ("roles", "node", "roles", "string"),
    ("iri", "node", "iri", "string"),
    ("elabel", "edge", "label", "string"),
    ("predicate", "edge", "predicate", "string"),
    ("support", "edge", "support", "int"),
    ("date", "edge", "date", "string"),
];

struct Xml<W: Write>(Writer<W>);

impl<W: Write> Xml<W> {
    fn start(&mut self, name: &str, attrs: &[(&str, &str)]) -> io::Result<()> {
        let mut e = BytesStart::new(name);
        for a in attrs {
            e.push_attribute(*a);
        }
        self.0.write_event(Event::Start(e))
    }

    fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) -> io::Result<()> {
        let mut e = BytesStart::new(name);
        for a in attrs {
            e.push_attribute(*a);
        }
        self.0.write_event(Event::Empty(e))
    }

    fn end(&mut self, name: &str) -> io::Result<()> {
        self.0.write_event(Event::End(BytesEnd::new(name)))
    }

    fn text_element(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) -> io::Result<()> {
        self.start(name, attrs)?;
        self.0.write_event(Event::Text(BytesText::new(text)))?;
        self.end(name)
    }

    fn data(&mut self, key: &str, value: &str) -> io::Result<()> {
        self.text_element("data", &[("key", key)], value)
    }
}

/// Writes the graph in GraphML.
pub fn write(graph: &EntityGraph, out: &mut impl Write) -> io::Result<()> {
    let mut x = Xml(Writer::new_with_indent(out, b' ', 2));
    x.0.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    x.start(
        "graphml",
        &[
            ("xmlns", NAMESPACE),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            ("xmlns:y", YFILES),
            (
                "xsi:schemaLocation",
                "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
            ),
        ],
    )?;
    for (id, target, name, ty) in KEYS {
        x.empty("key", &[("id", id), ("for", target), ("attr.name", name), ("attr.type", ty)])?;
    }
    x.empty("key", &[("id", "ynode"), ("for", "node"), ("yfiles.type", "nodegraphics")])?;
    x.empty("key", &[("id", "yedge"), ("for", "edge"), ("yfiles.type", "edgegraphics")])?;
    x.start("graph", &[("id", "newsgraph"), ("edgedefault", "directed")])?;
    for i in graph.node_indices() {
        let n = &graph[i];
        let id = format!("n{}", i.index());
        x.start("node", &[("id", &id)])?;
        x.data("label", &n.label)?;
        x.data("type", &n.etype)?;
        if let Some(l) = &n.link {
            x.data("link", l)?;
        }
        if !n.roles.is_empty() {
            x.data("roles", &n.roles)?;
        }
        x.data("iri", &n.iri)?;
        x.start("data", &[("key", "ynode")])?;
        x.start("y:ShapeNode", &[])?;
        let width = (n.label.chars().count() * 8 + 20).to_string();
        x.empty("y:Geometry", &[("width", &width), ("height", "30")])?;
        x.text_element("y:NodeLabel", &[], &n.label)?;
        x.end("y:ShapeNode")?;
        x.end("data")?;
        x.end("node")?;
    }
    for e in graph.edge_references() {
        let w = e.weight();
        let (id, source, target) =
            (format!("e{}", e.id().index()), format!("n{}", e.source().index()), format!("n{}", e.target().index()));
        x.start("edge", &[("id", &id), ("source", &source), ("target", &target)])?;
        x.data("elabel", &w.predicate)?;
        x.data("predicate", &w.predicate)?;
        x.data("support", &w.support.to_string())?;
        if let Some(d) = &w.date {
            x.data("date", d)?;
        }
        x.start("data", &[("key", "yedge")])?;
        x.start("y:PolyLineEdge", &[])?;
        x.text_element("y:EdgeLabel", &[], &w.predicate)?;
        x.end("y:PolyLineEdge")?;
        x.end("data")?;
        x.end("edge")?;
    }
    x.end("graph")?;
    x.end("graphml")?;
    let out = x.0.into_inner();
    out.write_all(b"\n")
}
