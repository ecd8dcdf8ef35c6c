//! An analysis → quads, all in the article's named graph.
//!
//! What one article adds:
//! - the article: `a schema:NewsArticle`, its id, headline, URL and date, and
//!   `schema:mentions` for each entity it names;
//! - each entity: its class and `rdfs:label`, and `owl:sameAs`/`schema:sameAs`
//!   links with their confidence and method;
//! - direct edges for simple queries (`ng:metWith`, `ng:stated`, `ng:holdsRole`, …);
//! - n-ary nodes for the details: a `prov:Quotation` per quote (words,
//!   speaker, date, CAMEO code 010 when attributed), an event per meeting,
//!   call, visit or other act (participants and actors, place, date, CAMEO
//!   code), and an `rdf:Statement` for each other fact;
//! - each of those points (`ng:evidence`) to its sentence, which carries its
//!   code-point span and text.
//!
//! # Rationale
//! Provenance is kept lean — only sentences that are evidence are written, and
//! facts already carried by an event or a quotation get no statement of their
//! own — because the store's load rate is bounded in quads per second.

use std::collections::BTreeSet;

use oxigraph::model::vocab::xsd;
use oxigraph::model::{GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, Term};

use super::mint;
use super::vocab::{ng, prov, rdf, schema};
use crate::cameo::Cameo;
use crate::json::CharOffsets;
use crate::model::{Analysis, Document, EntityType, EventKind, Link, Object, Predicate};

/// The IRI of a predicate.
pub fn predicate_iri(p: Predicate) -> oxigraph::model::NamedNodeRef<'static> {
    match p {
        Predicate::MetWith => ng::MET_WITH,
        Predicate::Phoned => ng::PHONED,
        Predicate::PlannedMeetingWith => ng::PLANNED_MEETING_WITH,
        Predicate::Visited => ng::VISITED,
        Predicate::PlannedVisit => ng::PLANNED_VISIT,
        Predicate::Stated => ng::STATED,
        Predicate::HoldsRole => ng::HOLDS_ROLE,
        Predicate::AffiliatedWith => ng::AFFILIATED_WITH,
        Predicate::RelativeOf => ng::RELATIVE_OF,
        Predicate::PartOf => ng::PART_OF,
    }
}

/// The class of an event kind.
pub fn event_class(k: EventKind) -> oxigraph::model::NamedNodeRef<'static> {
    match k {
        EventKind::Meeting => ng::MEETING,
        EventKind::PhoneCall => ng::PHONE_CALL,
        EventKind::Visit => ng::VISIT,
        EventKind::Action => ng::ACTION,
    }
}

/// The class of an entity type.
pub fn class_iri(t: EntityType) -> oxigraph::model::NamedNodeRef<'static> {
    match t {
        EntityType::Person => schema::PERSON,
        EntityType::Org => schema::ORGANIZATION,
        EntityType::Gpe => ng::GEOPOLITICAL_ENTITY,
        EntityType::Loc => ng::LOCATION,
        EntityType::Norp => ng::GROUP,
    }
}

struct Quads {
    graph: GraphName,
    out: Vec<Quad>,
}

impl Quads {
    fn add(&mut self, s: impl Into<NamedOrBlankNode>, p: oxigraph::model::NamedNodeRef<'_>, o: impl Into<Term>) {
        self.out.push(Quad::new(s, p.into_owned(), o, self.graph.clone()));
    }
}

fn date(d: chrono::NaiveDate) -> Literal {
    Literal::new_typed_literal(d.to_string(), xsd::DATE)
}

/// The external IRIs of a link: Wikidata, GeoNames and DBpedia, as known.
pub fn link_targets(link: &Link) -> Vec<NamedNode> {
    [
        link.wikidata.as_ref().map(|id| format!("http://www.wikidata.org/entity/{id}")),
        link.geonames.as_ref().map(|id| format!("https://sws.geonames.org/{id}/")),
        link.dbpedia.as_ref().map(|id| format!("http://dbpedia.org/resource/{}", mint::encode(id))),
    ]
    .into_iter()
    .flatten()
    .map(NamedNode::new_unchecked)
    .collect()
}

/// The quads that state an entity's link: `owl:sameAs` and `schema:sameAs`
/// to each target, its confidence and the method that made it.
pub fn link_quads(iri: &NamedNode, link: &Link, graph: &GraphName) -> Vec<Quad> {
    let mut out = Vec::with_capacity(8);
    let mut add = |p: oxigraph::model::NamedNodeRef<'_>, o: Term| {
        out.push(Quad::new(iri.clone(), p.into_owned(), o, graph.clone()));
    };
    for target in link_targets(link) {
        add(rdf::OWL_SAME_AS, target.clone().into());
        add(schema::SAME_AS, target.into());
    }
    add(ng::LINK_CONFIDENCE, Literal::new_typed_literal(format!("{:.2}", link.confidence), xsd::DECIMAL).into());
    add(ng::LINK_METHOD, Literal::new_simple_literal(&link.method).into());
    out
}

/// The quads of one analysed article, in its named graph, with entity IRIs
/// minted from the entities themselves ([`mint::entity`]).
pub fn map(doc: &Document, a: &Analysis) -> Vec<Quad> {
    let iris: Vec<NamedNode> = a.entities.iter().map(mint::entity).collect();
    map_with(doc, a, &iris)
}

/// The quads of one analysed article, with the IRI of each entity given
/// (parallel to `a.entities`), e.g. IRIs already used in a store for the same entity.
pub fn map_with(doc: &Document, a: &Analysis, iris: &[NamedNode]) -> Vec<Quad> {
    let article = mint::article(&doc.id);
    let mut q = Quads { graph: GraphName::NamedNode(article.clone()), out: Vec::new() };
    let cp = CharOffsets::new(&doc.text);

    q.add(article.clone(), rdf::TYPE, schema::NEWS_ARTICLE.into_owned());
    q.add(article.clone(), schema::IDENTIFIER, Literal::new_simple_literal(&doc.id));
    if let Some(t) = &doc.meta.title {
        q.add(article.clone(), schema::HEADLINE, Literal::new_simple_literal(t));
    }
    if let Some(u) = doc.meta.url.as_deref().and_then(|u| NamedNode::new(u).ok()) {
        q.add(article.clone(), schema::URL, u);
    }
    if let Some(d) = doc.meta.date {
        q.add(article.clone(), schema::DATE_PUBLISHED, date(d));
    }

    // entities that the article names, or that a fact needs
    let mut needed = vec![false; a.entities.len()];
    for r in &a.relations {
        needed[r.subject] = true;
        if let Object::Entity(o) = r.object {
            needed[o] = true;
        }
    }
    for ev in &a.events {
        for &p in ev.participants.iter().chain(&ev.place) {
            needed[p] = true;
        }
    }
    for s in a.quotes.iter().filter_map(|x| x.speaker) {
        needed[s] = true;
    }
    let mut labelled = std::collections::HashSet::with_capacity(a.entities.len());
    for (i, e) in a.entities.iter().enumerate() {
        let named = a.name_mentions_of(e).next().is_some();
        if !named && !needed[i] {
            continue;
        }
        let iri = iris[i].clone();
        if named {
            q.add(article.clone(), schema::MENTIONS, iri.clone());
        }
        // two entities of one article that are one node (a merge, or one
        // Wikidata id) are described once, by the first
        if !labelled.insert(iri.clone()) {
            continue;
        }
        q.add(iri.clone(), rdf::TYPE, class_iri(e.etype).into_owned());
        q.add(iri.clone(), rdf::LABEL, Literal::new_simple_literal(&e.name));
        if let Some(link) = &e.link {
            q.out.extend(link_quads(&iri, link, &q.graph));
        }
    }

    // evidence sentences, written once each
    let mut evidence: BTreeSet<usize> = BTreeSet::new();
    let sentence_iri = |s: usize| {
        let (start, end) = cp.span(a.sentence_span(s));
        mint::sentence(&article, start, end)
    };

    for (n, quote) in a.quotes.iter().enumerate() {
        let node = mint::local(&article, &format!("quote-{n}"));
        q.add(node.clone(), rdf::TYPE, prov::QUOTATION.into_owned());
        q.add(node.clone(), prov::VALUE, Literal::new_simple_literal(quote.span.text(&doc.text)));
        if let Some(s) = quote.speaker {
            q.add(node.clone(), prov::WAS_ATTRIBUTED_TO, iris[s].clone());
        }
        if let Some(d) = a
            .relations
            .iter()
            .find(|r| r.predicate == Predicate::Stated && r.sentence == quote.sentence)
            .and_then(|r| r.date)
        {
            q.add(node.clone(), ng::DATE, date(d));
        }
        if quote.speaker.is_some() {
            q.add(node.clone(), ng::CAMEO_CODE, Literal::new_simple_literal(Cameo::Statement.code()));
        }
        q.add(node, ng::EVIDENCE, sentence_iri(quote.sentence));
        evidence.insert(quote.sentence);
    }

    for (n, ev) in a.events.iter().enumerate() {
        let node = mint::local(&article, &format!("event-{n}"));
        q.add(node.clone(), rdf::TYPE, event_class(ev.kind).into_owned());
        q.add(node.clone(), ng::CAMEO_CODE, Literal::new_simple_literal(ev.code.code()));
        for &p in &ev.participants {
            q.add(node.clone(), ng::PARTICIPANT, iris[p].clone());
        }
        for &p in &ev.actors {
            q.add(node.clone(), ng::ACTOR, iris[p].clone());
        }
        if let Some(p) = ev.place {
            q.add(node.clone(), ng::PLACE, iris[p].clone());
        }
        if let Some(d) = ev.date {
            q.add(node.clone(), ng::DATE, date(d));
        } else if let Some(t) = ev.date_text {
            q.add(node.clone(), ng::DATE_TEXT, Literal::new_simple_literal(t.text(&doc.text)));
        }
        if ev.planned {
            q.add(node.clone(), ng::PLANNED, Literal::from(true));
        }
        q.add(node, ng::EVIDENCE, sentence_iri(ev.sentence));
        evidence.insert(ev.sentence);
    }

    for (n, r) in a.relations.iter().enumerate() {
        let subject = iris[r.subject].clone();
        let object: Term = match &r.object {
            Object::Entity(o) => iris[*o].clone().into(),
            Object::Literal(s) => Literal::new_simple_literal(s).into(),
        };
        let p = predicate_iri(r.predicate);
        q.add(subject.clone(), p, object.clone());
        // a fact that an event or a quotation of its sentence already carries
        let carried = r.predicate == Predicate::Stated
            || a.events.iter().any(|ev| {
                ev.sentence == r.sentence
                    && ev.participants.contains(&r.subject)
                    && match r.object {
                        Object::Entity(o) => ev.participants.contains(&o) || ev.place == Some(o),
                        Object::Literal(_) => false,
                    }
            });
        if carried {
            continue;
        }
        let node = mint::local(&article, &format!("fact-{n}"));
        q.add(node.clone(), rdf::SUBJECT, subject);
        q.add(node.clone(), rdf::PREDICATE, p.into_owned());
        q.add(node.clone(), rdf::OBJECT, object);
        if let Some(k) = &r.qualifier {
            q.add(node.clone(), ng::KINSHIP, Literal::new_simple_literal(k));
        }
        if let Some(d) = r.date {
            q.add(node.clone(), ng::DATE, date(d));
        }
        q.add(node, ng::EVIDENCE, sentence_iri(r.sentence));
        evidence.insert(r.sentence);
    }

    for s in evidence {
        let iri = sentence_iri(s);
        let span = a.sentence_span(s);
        let (start, end) = cp.span(span);
        q.add(iri.clone(), rdf::TYPE, ng::SENTENCE.into_owned());
        q.add(iri.clone(), ng::START, Literal::from(start as i64));
        q.add(iri.clone(), ng::END, Literal::from(end as i64));
        q.add(iri, ng::TEXT, Literal::new_simple_literal(span.text(&doc.text)));
    }
    // an entity named by two mentions that mint the same IRI is written once
    let mut seen = std::collections::HashSet::with_capacity(q.out.len());
    q.out.retain(|quad| seen.insert(quad.clone()));
    q.out
}
