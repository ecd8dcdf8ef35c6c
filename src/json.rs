//! The JSON form of an analysis: one object a document, one line each in
//! `extract --format json`. It is exactly the prediction format the evaluation
//! scorer reads (entities with mentions, quotes with speakers, relations with
//! evidence), plus events.
//!
//! Offsets here are **Unicode code points**, end exclusive — the only place
//! where byte offsets are converted.

use serde::Serialize;

use crate::model::{Analysis, Document, EntityType, Mention, MentionKind, Object, Span};

/// Converts byte offsets of one text to code-point offsets.
pub struct CharOffsets {
    /// Code-point offset of every byte position (0..=len).
    map: Vec<u32>,
}

impl CharOffsets {
    /// Builds the conversion table for `text`.
    pub fn new(text: &str) -> Self {
        // at a character boundary, the number of characters that start before it
        let mut map = Vec::with_capacity(text.len() + 1);
        let mut cp = 0u32;
        for &b in text.as_bytes() {
            map.push(cp);
            if b & 0xC0 != 0x80 {
                cp += 1;
            }
        }
        map.push(cp);
        Self { map }
    }

    /// The code-point offset of byte offset `byte`.
    pub fn at(&self, byte: usize) -> usize {
        self.map[byte] as usize
    }

    /// A byte span as a code-point `(start, end)`.
    pub fn span(&self, span: Span) -> (usize, usize) {
        (self.at(span.start), self.at(span.end))
    }
}

/// One document's predictions.
#[derive(Debug, Serialize)]
pub struct DocumentJson {
    /// Article id.
    pub id: String,
    /// Publication date, if known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Entities with their name mentions.
    pub entities: Vec<EntityJson>,
    /// Quotations.
    pub quotes: Vec<QuoteJson>,
    /// Facts.
    pub relations: Vec<RelationJson>,
    /// Events.
    pub events: Vec<EventJson>,
}

/// An entity.
#[derive(Debug, Serialize)]
pub struct EntityJson {
    /// `e0`, `e1`, … (unique in the document).
    pub id: String,
    /// Preferred name.
    pub name: String,
    /// PERSON, ORG, GPE, LOC or NORP.
    #[serde(rename = "type")]
    pub etype: &'static str,
    /// Wikidata id, when linked.
    pub link: Option<String>,
    /// Name mentions (pronouns and role nominals are left out).
    pub mentions: Vec<SpanJson>,
}

/// A span of text.
#[derive(Debug, Serialize)]
pub struct SpanJson {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The text.
    pub text: String,
}

/// A quotation.
#[derive(Debug, Serialize)]
pub struct QuoteJson {
    /// First code point of the quoted words.
    pub start: usize,
    /// One past the last.
    pub end: usize,
    /// The quoted words.
    pub text: String,
    /// Entity id of the speaker, or null.
    pub speaker: Option<String>,
}

/// A relation.
#[derive(Debug, Serialize)]
pub struct RelationJson {
    /// Entity id.
    pub subject: String,
    /// Predicate name ("metWith").
    pub predicate: &'static str,
    /// Entity id, or `{"literal": …}`.
    pub object: serde_json::Value,
    /// The sentence it comes from.
    pub evidence: Evidence,
    /// Date, if known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

/// Where a fact comes from.
#[derive(Debug, Serialize)]
pub struct Evidence {
    /// First code point of the sentence.
    pub start: usize,
    /// One past its last.
    pub end: usize,
}

/// An event.
#[derive(Debug, Serialize)]
pub struct EventJson {
    /// Meeting, PhoneCall, Visit or Action.
    pub kind: crate::model::EventKind,
    /// CAMEO code ("040").
    pub cameo: crate::cameo::Cameo,
    /// Participants' entity ids.
    pub participants: Vec<String>,
    /// The participants who act (host, visitor, accuser).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub actors: Vec<String>,
    /// Place entity id.
    pub place: Option<String>,
    /// Date.
    pub date: Option<String>,
    /// The date as written, when it could not be resolved.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_text: Option<String>,
    /// Whether it lies in the future of the article.
    pub planned: bool,
    /// The sentence it comes from.
    pub evidence: Evidence,
}

/// Whether a mention names its entity: a name, a capitalised role used as
/// one ("the President"), or the phrase that names a group ("police", "the
/// report's authors").
pub fn is_named(m: &Mention, text: &str) -> bool {
    match m.kind {
        MentionKind::Name => true,
        MentionKind::Nominal => {
            m.etype == EntityType::Norp
                || m.span.text(text).split_whitespace().last().is_some_and(|w| w.starts_with(char::is_uppercase))
        }
        MentionKind::Pronoun => false,
    }
}

fn eid(e: usize) -> String {
    format!("e{e}")
}

/// The JSON form of one analysed document.
pub fn document(doc: &Document, a: &Analysis) -> DocumentJson {
    let cp = CharOffsets::new(&doc.text);
    let evidence = |s: usize| {
        let (start, end) = cp.span(a.sentence_span(s));
        Evidence { start, end }
    };
    let entities = a
        .entities
        .iter()
        .enumerate()
        .map(|(i, e)| EntityJson {
            id: eid(i),
            name: e.name.clone(),
            etype: e.etype.label(),
            link: e.link.as_ref().and_then(|l| l.wikidata.clone()),
            mentions: e
                .mentions
                .iter()
                .map(|&m| &a.mentions[m])
                .filter(|m| is_named(m, &doc.text))
                .map(|m| {
                    let (start, end) = cp.span(m.span);
                    SpanJson { start, end, text: m.span.text(&doc.text).to_owned() }
                })
                .collect(),
        })
        .collect();
    let quotes = a
        .quotes
        .iter()
        .map(|q| {
            let (start, end) = cp.span(q.span);
            QuoteJson { start, end, text: q.span.text(&doc.text).to_owned(), speaker: q.speaker.map(eid) }
        })
        .collect();
    let relations = a
        .relations
        .iter()
        .map(|r| RelationJson {
            subject: eid(r.subject),
            predicate: r.predicate.name(),
            object: match &r.object {
                Object::Entity(e) => serde_json::Value::String(eid(*e)),
                Object::Literal(s) => serde_json::json!({ "literal": s }),
            },
            evidence: evidence(r.sentence),
            date: r.date.map(|d| d.to_string()),
        })
        .collect();
    let events = a
        .events
        .iter()
        .map(|ev| EventJson {
            kind: ev.kind,
            cameo: ev.code,
            participants: ev.participants.iter().copied().map(eid).collect(),
            actors: ev.actors.iter().copied().map(eid).collect(),
            place: ev.place.map(eid),
            date: ev.date.map(|d| d.to_string()),
            date_text: ev.date_text.map(|t| t.text(&doc.text).to_owned()),
            planned: ev.planned,
            evidence: evidence(ev.sentence),
        })
        .collect();
    DocumentJson { id: doc.id.clone(), date: doc.meta.date.map(|d| d.to_string()), entities, quotes, relations, events }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_offsets_become_code_points() {
        let text = "é “x” €5";
        let cp = CharOffsets::new(text);
        assert_eq!(cp.at(0), 0);
        assert_eq!(cp.at(2), 1); // after é
        assert_eq!(cp.at(text.len()), text.chars().count());
        let x = text.find('x').expect("x");
        assert_eq!(cp.span(Span::new(x, x + 1)), (3, 4));
    }
}
