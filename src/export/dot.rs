//! Graphviz DOT output of the entity graph.
//!
//! Every name, label and date goes inside a double-quoted string with `\`,
//! `"` and line breaks escaped, so whatever an article's names and quotes
//! contain, `dot -Tsvg` renders the file without warnings. Only attributes
//! Graphviz knows are written.

use std::io::{self, Write};

use petgraph::visit::EdgeRef;

use super::EntityGraph;

/// A DOT double-quoted string.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\r' => out.push_str("\\n"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn color(etype: &str) -> &'static str {
    match etype {
        "PERSON" => "#dbe9f6",
        "ORG" => "#f6e3c6",
        "GPE" => "#d9f0d3",
        "LOC" => "#e7f5e1",
        _ => "#eeeeee",
    }
}

/// Writes the graph in DOT.
pub fn write(graph: &EntityGraph, out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "digraph newsgraph {{")?;
    writeln!(out, "  graph [rankdir=LR, overlap=false, fontname=\"Helvetica\"];")?;
    writeln!(out, "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\"];")?;
    writeln!(out, "  edge [fontname=\"Helvetica\", fontsize=10];")?;
    for i in graph.node_indices() {
        let n = &graph[i];
        let mut tooltip = n.etype.clone();
        if !n.roles.is_empty() {
            tooltip.push_str(": ");
            tooltip.push_str(&n.roles);
        }
        write!(
            out,
            "  n{} [label={}, tooltip={}, fillcolor=\"{}\"",
            i.index(),
            quote(&n.label),
            quote(&tooltip),
            color(&n.etype)
        )?;
        if let Some(link) = &n.link {
            write!(out, ", URL={}", quote(link))?;
        }
        writeln!(out, "];")?;
    }
    for e in graph.edge_references() {
        let w = e.weight();
        let mut label = w.predicate.clone();
        if w.support > 1 {
            label.push_str(&format!(" ×{}", w.support));
        }
        let tooltip = match &w.date {
            Some(d) => format!("{} ({d})", w.predicate),
            None => w.predicate.clone(),
        };
        write!(
            out,
            "  n{} -> n{} [label={}, tooltip={}, penwidth={}",
            e.source().index(),
            e.target().index(),
            quote(&label),
            quote(&tooltip),
            1 + w.support.min(5)
        )?;
        if w.symmetric {
            write!(out, ", dir=none")?;
        }
        writeln!(out, "];")?;
    }
    writeln!(out, "}}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_escapes_what_dot_reads() {
        assert_eq!(quote(r#"a "b" \N"#), r#""a \"b\" \\N""#);
        assert_eq!(quote("two\nlines"), r#""two\nlines""#);
    }
}
