//! Stable IRIs. The same input always gives the same IRIs, so re-ingesting an
//! article replaces its graph node for node, and the same entity named in two
//! articles is one node.
//!
//! - article: `https://w3id.org/newsgraph/id/article/{id}` (percent-encoded)
//! - the summary graph: `https://w3id.org/newsgraph/id/summary`
//! - sentence: `{article}#char={start},{end}` (code points, after RFC 5147)
//! - quotation, event, statement: `{article}#quote-{n}`, `#event-{n}`, `#fact-{n}`
//! - entity linked to Wikidata: `https://w3id.org/newsgraph/id/wikidata/{Q…}`
//! - other entity: `https://w3id.org/newsgraph/id/{person|org|place|group}/{slug of its name}`
//! - agent named only by role ("police"): `{article}#agent-{slug}`

use oxigraph::model::NamedNode;

use crate::model::{Entity, EntityType};

/// Base of every resource IRI.
pub const DATA: &str = "https://w3id.org/newsgraph/id/";

/// A stable 64-bit fingerprint (FNV-1a) of byte strings, each followed by 0xff:
/// the same on every machine and run (for checksums and compact keys).
pub fn fnv1a(parts: &[&[u8]]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for bytes in parts {
        for &b in bytes.iter().chain(&[0xff]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
}

/// Percent-encodes everything but RFC 3986 unreserved characters.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A readable IRI segment for a name: lower case, letters and digits of any
/// script kept, everything else a single hyphen ("Hau Lung-bin" → "hau-lung-bin").
/// A name with no letter or digit is percent-encoded instead. Either way the
/// result is safe as an IRI path segment.
pub fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        out = encode(name);
    }
    out
}

/// The summary graph, which holds what the article graphs say in aggregate
/// (`crate::summary`); its IRI also names the store in it.
pub fn summary() -> NamedNode {
    NamedNode::new_unchecked(format!("{DATA}summary"))
}

/// The IRI of an article (and of its named graph).
pub fn article(id: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{DATA}article/{}", encode(id)))
}

/// A resource local to an article: `{article}#{fragment}`.
pub fn local(article: &NamedNode, fragment: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{}#{fragment}", article.as_str()))
}

/// A sentence of an article, by code-point span.
pub fn sentence(article: &NamedNode, start: usize, end: usize) -> NamedNode {
    local(article, &format!("char={start},{end}"))
}

/// The IRI segment of an entity type.
pub fn type_segment(t: EntityType) -> &'static str {
    match t {
        EntityType::Person => "person",
        EntityType::Org => "org",
        EntityType::Gpe | EntityType::Loc => "place",
        EntityType::Norp => "group",
    }
}

/// The IRI of the entity a Wikidata id stands for.
pub fn wikidata(q: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{DATA}wikidata/{}", encode(q)))
}

/// The IRI of an entity: by Wikidata id when linked; an agent the article
/// names only by role ("police", "a spokesman") in its article,
/// `{article}#agent-{slug}`; else by type and name.
pub fn entity(e: &Entity) -> NamedNode {
    if let Some((slug, doc)) = local_key(e) {
        return local(&article(doc), &format!("agent-{slug}"));
    }
    match e.link.as_ref().and_then(|l| l.wikidata.as_deref()) {
        Some(q) => wikidata(q),
        None => NamedNode::new_unchecked(format!("{DATA}{}/{}", type_segment(e.etype), slug(&e.name))),
    }
}

/// The slug and article of an entity local to one article (an agent named by role).
fn local_key(e: &Entity) -> Option<(&str, &str)> {
    e.key.as_deref()?.strip_prefix(crate::extract::agents::KEY_PREFIX)?.split_once('@')
}

/// Whether an entity is local to its article: an agent named by role, never
/// the same node as anything in another article.
pub fn is_local(e: &Entity) -> bool {
    local_key(e).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_and_encodings() {
        assert_eq!(slug("Hau Lung-bin"), "hau-lung-bin");
        assert_eq!(slug("Müller, Jörg"), "müller-jörg");
        assert_eq!(slug("U.S."), "u-s");
        assert_eq!(article("miami talks/1").as_str(), "https://w3id.org/newsgraph/id/article/miami%20talks%2F1");
        assert_eq!(sentence(&article("a"), 3, 9).as_str(), "https://w3id.org/newsgraph/id/article/a#char=3,9");
    }

    #[test]
    fn entity_iris_are_stable_and_typed() {
        let e = Entity {
            name: "Olga Stefanishyna".into(),
            etype: EntityType::Person,
            mentions: vec![],
            key: None,
            link: None,
        };
        assert_eq!(entity(&e).as_str(), "https://w3id.org/newsgraph/id/person/olga-stefanishyna");
    }
}
