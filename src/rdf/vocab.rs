//! Every IRI newsgraph emits, one module per namespace. Each is declared in
//! `ontology/newsgraph.ttl` (a test checks it), so the ontology lists
//! everything a newsgraph graph can contain.

use oxigraph::model::NamedNodeRef;

/// The newsgraph ontology, `https://w3id.org/newsgraph/ontology#`.
pub mod ng {
    use super::NamedNodeRef;

    /// Namespace IRI.
    pub const NAMESPACE: &str = "https://w3id.org/newsgraph/ontology#";
    /// A country, region or city (GPE).
    pub const GEOPOLITICAL_ENTITY: NamedNodeRef<'_> =
        NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#GeopoliticalEntity");
    /// An act of one party toward another, typed by its CAMEO code.
    pub const ACTION: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#Action");
    /// One article's report of an event identified with an event node of another article.
    pub const EVENT_MERGE: NamedNodeRef<'_> =
        NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#EventMerge");
    /// A group of people: a nationality, religious or political group (NORP), or people named by role.
    pub const GROUP: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#Group");
    /// A place that is not a GPE (LOC).
    pub const LOCATION: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#Location");
    /// Two names in different articles identified as one entity.
    pub const MERGE: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#Merge");
    /// Talks or a meeting.
    pub const MEETING: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#Meeting");
    /// A phone call.
    pub const PHONE_CALL: NamedNodeRef<'_> =
        NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#PhoneCall");
    /// A sentence, the evidence of facts.
    pub const SENTENCE: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#Sentence");
    /// A trip to a place.
    pub const VISIT: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#Visit");
    /// A participant who acts: a host, a visitor, an accuser.
    pub const ACTOR: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#actor");
    /// Belongs to or represents (a country, an organisation).
    pub const AFFILIATED_WITH: NamedNodeRef<'_> =
        NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#affiliatedWith");
    /// The CAMEO code of an event or quotation ("040").
    pub const CAMEO_CODE: NamedNodeRef<'_> =
        NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#cameoCode");
    /// A fingerprint of an article's text, metadata and newsgraph version.
    pub const CHECKSUM: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#checksum");
    /// The day an event happened or a quotation was said.
    pub const DATE: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#date");
    /// The date of an event as written, when it cannot be resolved to a day.
    pub const DATE_TEXT: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#dateText");
    /// One past the last character of a sentence.
    pub const END: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#end");
    /// The sentence a fact comes from.
    pub const EVIDENCE: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#evidence");
    /// A position or title, as written.
    pub const HOLDS_ROLE: NamedNodeRef<'_> =
        NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#holdsRole");
    /// The kin term of a relativeOf statement.
    pub const KINSHIP: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#kinship");
    /// Confidence of an entity's links.
    pub const LINK_CONFIDENCE: NamedNodeRef<'_> =
        NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#linkConfidence");
    /// What made an entity's links.
    pub const LINK_METHOD: NamedNodeRef<'_> =
        NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#linkMethod");
    /// Why a merge was made.
    pub const MERGE_REASON: NamedNodeRef<'_> =
        NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#mergeReason");
    /// The node a merged name was identified with.
    pub const MERGED_INTO: NamedNodeRef<'_> =
        NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#mergedInto");
    /// The name an article used for a merged entity.
    pub const MERGED_NAME: NamedNodeRef<'_> =
        NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#mergedName");
    /// Took part in the same meeting.
    pub const MET_WITH: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#metWith");
    /// A place lies within another.
    pub const PART_OF: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#partOf");
    /// Someone who took part in an event.
    pub const PARTICIPANT: NamedNodeRef<'_> =
        NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#participant");
    /// Spoke on the phone with.
    pub const PHONED: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#phoned");
    /// Where an event took place.
    pub const PLACE: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#place");
    /// Whether an event lies in the future of its article.
    pub const PLANNED: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#planned");
    /// Is to meet.
    pub const PLANNED_MEETING_WITH: NamedNodeRef<'_> =
        NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#plannedMeetingWith");
    /// Is to go to a place.
    pub const PLANNED_VISIT: NamedNodeRef<'_> =
        NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#plannedVisit");
    /// Is a relative of.
    pub const RELATIVE_OF: NamedNodeRef<'_> =
        NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#relativeOf");
    /// The first character of a sentence.
    pub const START: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#start");
    /// Said these words.
    pub const STATED: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#stated");
    /// The text of a sentence.
    pub const TEXT: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#text");
    /// Went to a place.
    pub const VISITED: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#visited");
    // the summary graph (`summary`): aggregates kept at every write
    /// A broken integrity rule found in an article graph when it was stored (summary graph).
    pub const VIOLATION: NamedNodeRef<'_> =
        NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#Violation");
    /// An organisation or place an entity is affiliated with in some article (summary graph).
    pub const AFFILIATION: NamedNodeRef<'_> =
        NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#affiliation");
    /// A name an article gives an entity (summary graph).
    pub const ALIAS: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#alias");
    /// How many articles name or describe an entity (summary graph).
    pub const ARTICLE_COUNT: NamedNodeRef<'_> =
        NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#articleCount");
    /// The integrity check a violation breaks (summary graph).
    pub const CHECK: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#check");
    /// What is wrong, in words (summary graph).
    pub const DETAIL: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#detail");
    /// How many distinct entities have a class (summary graph).
    pub const ENTITY_COUNT: NamedNodeRef<'_> =
        NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#entityCount");
    /// How many events took place at a place (summary graph).
    pub const EVENT_COUNT: NamedNodeRef<'_> =
        NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#eventCount");
    /// How many facts involve an entity, over all articles (summary graph).
    pub const FACT_COUNT: NamedNodeRef<'_> =
        NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#factCount");
    /// The article graph a violation was found in (summary graph).
    pub const IN_GRAPH: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#inGraph");
    /// How many nodes of a class the article graphs hold, summed over articles (summary graph).
    pub const INSTANCE_COUNT: NamedNodeRef<'_> =
        NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#instanceCount");
    /// A class an article gives an entity (summary graph).
    pub const KIND: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#kind");
    /// The latest publication date of an article naming an entity (summary graph).
    pub const LAST_SEEN: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#lastSeen");
    /// An external identity of an entity: Wikidata, GeoNames, DBpedia (summary graph).
    pub const LINK: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#link");
    /// The name shown for an entity: its longest alias (summary graph).
    pub const NAME: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#name");
    /// The node a violation is about (summary graph).
    pub const NODE: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#node");
    /// Article graphs loaded but not yet summarised (summary graph).
    pub const PENDING: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#pending");
    /// How many quads the article graphs hold (summary graph).
    pub const QUAD_COUNT: NamedNodeRef<'_> =
        NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#quadCount");
    /// A role an article gives an entity (summary graph).
    pub const ROLE: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#role");
    /// The layout version of the summary graph.
    pub const SUMMARY_VERSION: NamedNodeRef<'_> =
        NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#summaryVersion");
    /// How many quads of the article graphs use a predicate (summary graph).
    pub const USE_COUNT: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#useCount");
    /// The event or quotation a listing entry lists (summary graph).
    pub const ENTRY_OF: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#entryOf");
    /// The kind of event a listing entry lists: the local name of its class (summary graph).
    pub const EVENT_KIND: NamedNodeRef<'_> =
        NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#eventKind");
    /// The CAMEO code of a listing entry (summary graph).
    pub const EVENT_CODE: NamedNodeRef<'_> =
        NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#eventCode");
    /// The earliest date any article gives the event of a listing entry (summary graph).
    pub const FIRST_DATE: NamedNodeRef<'_> =
        NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#firstDate");
    /// How an article wrote the date of an event it could not resolve (summary graph).
    pub const WRITTEN_DATE: NamedNodeRef<'_> =
        NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#writtenDate");
    /// The names of an event's participants (or a quotation's speakers), comma-separated (summary graph).
    pub const PARTICIPANT_NAMES: NamedNodeRef<'_> =
        NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#participantNames");
    /// The names of an event's actors, comma-separated (summary graph).
    pub const ACTOR_NAMES: NamedNodeRef<'_> =
        NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#actorNames");
    /// The name of the place of the event of a listing entry (summary graph).
    pub const PLACE_NAME: NamedNodeRef<'_> =
        NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#placeName");
    /// Whether some article reports the event of a listing entry as planned (summary graph).
    pub const IS_PLANNED: NamedNodeRef<'_> =
        NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#isPlanned");
    /// The identifiers of the articles that report the event of a listing entry, comma-separated (summary graph).
    pub const SOURCES: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#sources");
    /// A sentence that reports the event of a listing entry (summary graph).
    pub const SENTENCE_TEXT: NamedNodeRef<'_> =
        NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#sentenceText");
    /// The day node a listing entry of the timeline is filed under (summary graph).
    pub const ON_DAY: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#onDay");
    /// The date of a day node of the timeline, or ~ for undated events (summary graph).
    pub const TIMELINE_DAY: NamedNodeRef<'_> =
        NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#timelineDay");
    /// How many listing entries a day node files (summary graph).
    pub const ENTRY_COUNT: NamedNodeRef<'_> =
        NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#entryCount");
    /// The code-and-day node a listing entry is filed under (summary graph).
    pub const IN_CODE_DAY: NamedNodeRef<'_> =
        NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#inCodeDay");
    /// The CAMEO code of a code-and-day node (summary graph).
    pub const BUCKET_CODE: NamedNodeRef<'_> =
        NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#bucketCode");
    /// The date of a code-and-day node, empty for undated events (summary graph).
    pub const BUCKET_DAY: NamedNodeRef<'_> =
        NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#bucketDay");
    /// A place an entity lies in according to some article (summary graph).
    pub const WITHIN: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#within");
}

/// schema.org, `https://schema.org/`.
pub mod schema {
    use super::NamedNodeRef;

    /// A news article.
    pub const NEWS_ARTICLE: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("https://schema.org/NewsArticle");
    /// An organisation.
    pub const ORGANIZATION: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("https://schema.org/Organization");
    /// A person.
    pub const PERSON: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("https://schema.org/Person");
    /// Publication date.
    pub const DATE_PUBLISHED: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("https://schema.org/datePublished");
    /// Title.
    pub const HEADLINE: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("https://schema.org/headline");
    /// Article id.
    pub const IDENTIFIER: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("https://schema.org/identifier");
    /// An entity an article mentions.
    pub const MENTIONS: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("https://schema.org/mentions");
    /// An external identity.
    pub const SAME_AS: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("https://schema.org/sameAs");
    /// Where an article was published.
    pub const URL: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("https://schema.org/url");
}

/// PROV-O, `http://www.w3.org/ns/prov#`.
pub mod prov {
    use super::NamedNodeRef;

    /// A direct quotation.
    pub const QUOTATION: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("http://www.w3.org/ns/prov#Quotation");
    /// The quoted words.
    pub const VALUE: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("http://www.w3.org/ns/prov#value");
    /// The speaker.
    pub const WAS_ATTRIBUTED_TO: NamedNodeRef<'_> =
        NamedNodeRef::new_unchecked("http://www.w3.org/ns/prov#wasAttributedTo");
}

/// RDF, RDFS and OWL terms (re-exported from oxigraph's own vocabulary).
pub mod rdf {
    pub use oxigraph::model::vocab::rdf::{OBJECT, PREDICATE, STATEMENT, SUBJECT, TYPE};
    pub use oxigraph::model::vocab::rdfs::LABEL;

    /// `owl:sameAs`.
    pub const OWL_SAME_AS: super::NamedNodeRef<'_> =
        super::NamedNodeRef::new_unchecked("http://www.w3.org/2002/07/owl#sameAs");
}

/// Every term above, for the ontology test and the CLI's `--help`.
pub const ALL: &[NamedNodeRef<'static>] = &[
    ng::ACTION,
    ng::EVENT_MERGE,
    ng::GEOPOLITICAL_ENTITY,
    ng::GROUP,
    ng::LOCATION,
    ng::MEETING,
    ng::MERGE,
    ng::PHONE_CALL,
    ng::SENTENCE,
    ng::VISIT,
    ng::ACTOR,
    ng::AFFILIATED_WITH,
    ng::CAMEO_CODE,
    ng::CHECKSUM,
    ng::DATE,
    ng::DATE_TEXT,
    ng::END,
    ng::EVIDENCE,
    ng::HOLDS_ROLE,
    ng::KINSHIP,
    ng::LINK_CONFIDENCE,
    ng::LINK_METHOD,
    ng::MERGE_REASON,
    ng::MERGED_INTO,
    ng::MERGED_NAME,
    ng::MET_WITH,
    ng::PART_OF,
    ng::PARTICIPANT,
    ng::PHONED,
    ng::PLACE,
    ng::PLANNED,
    ng::PLANNED_MEETING_WITH,
    ng::PLANNED_VISIT,
    ng::RELATIVE_OF,
    ng::START,
    ng::STATED,
    ng::TEXT,
    ng::VISITED,
    schema::NEWS_ARTICLE,
    schema::ORGANIZATION,
    schema::PERSON,
    schema::DATE_PUBLISHED,
    schema::HEADLINE,
    schema::IDENTIFIER,
    schema::MENTIONS,
    schema::SAME_AS,
    schema::URL,
    prov::QUOTATION,
    prov::VALUE,
    prov::WAS_ATTRIBUTED_TO,
    rdf::OBJECT,
    rdf::PREDICATE,
    rdf::STATEMENT,
    rdf::SUBJECT,
    rdf::TYPE,
    rdf::LABEL,
    rdf::OWL_SAME_AS,
    ng::VIOLATION,
    ng::AFFILIATION,
    ng::ALIAS,
    ng::ARTICLE_COUNT,
    ng::CHECK,
    ng::DETAIL,
    ng::ENTITY_COUNT,
    ng::EVENT_COUNT,
    ng::FACT_COUNT,
    ng::IN_GRAPH,
    ng::INSTANCE_COUNT,
    ng::KIND,
    ng::LAST_SEEN,
    ng::LINK,
    ng::NAME,
    ng::NODE,
    ng::PENDING,
    ng::QUAD_COUNT,
    ng::ROLE,
    ng::SUMMARY_VERSION,
    ng::USE_COUNT,
    ng::WITHIN,
    ng::ENTRY_OF,
    ng::EVENT_KIND,
    ng::EVENT_CODE,
    ng::FIRST_DATE,
    ng::WRITTEN_DATE,
    ng::PARTICIPANT_NAMES,
    ng::ACTOR_NAMES,
    ng::PLACE_NAME,
    ng::IS_PLANNED,
    ng::SOURCES,
    ng::SENTENCE_TEXT,
    ng::ON_DAY,
    ng::TIMELINE_DAY,
    ng::IN_CODE_DAY,
    ng::ENTRY_COUNT,
    ng::BUCKET_CODE,
    ng::BUCKET_DAY,
];

/// The ontology, as shipped.
pub const ONTOLOGY: &str = include_str!("../../ontology/newsgraph.ttl");

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::io::{RdfFormat, RdfParser};
    use oxigraph::model::{NamedOrBlankNode, Triple};
    use std::collections::HashSet;

    fn ontology() -> Vec<Triple> {
        RdfParser::from_format(RdfFormat::Turtle)
            .for_slice(ONTOLOGY.as_bytes())
            .map(|q| q.expect("the ontology parses").into())
            .collect()
    }

    #[test]
    fn every_emitted_term_is_declared_with_label_and_comment() {
        let triples = ontology();
        let described = |iri: NamedNodeRef<'_>, p: NamedNodeRef<'_>| {
            triples.iter().any(|t| t.subject.to_string() == iri.to_string() && t.predicate.as_ref() == p)
        };
        for term in ALL {
            assert!(described(*term, rdf::TYPE), "{term} is not declared in ontology/newsgraph.ttl");
            assert!(described(*term, rdf::LABEL), "{term} has no rdfs:label");
            assert!(
                described(*term, NamedNodeRef::new_unchecked("http://www.w3.org/2000/01/rdf-schema#comment")),
                "{term} has no rdfs:comment"
            );
        }
    }

    #[test]
    fn every_newsgraph_property_has_a_domain_and_a_range() {
        let triples = ontology();
        let has = |iri: &str, p: &str| {
            triples.iter().any(|t| t.subject.to_string() == format!("<{iri}>") && t.predicate.as_str() == p)
        };
        for term in ALL.iter().filter(|t| t.as_str().starts_with(ng::NAMESPACE)) {
            let local = &term.as_str()[ng::NAMESPACE.len()..];
            if local.starts_with(char::is_uppercase) {
                continue; // a class
            }
            for p in ["http://www.w3.org/2000/01/rdf-schema#domain", "http://www.w3.org/2000/01/rdf-schema#range"] {
                assert!(has(term.as_str(), p), "{term} has no {p}");
            }
        }
    }

    #[test]
    fn every_cameo_code_is_a_concept_of_the_ontology() {
        let triples = ontology();
        for c in crate::cameo::Cameo::ALL {
            let iri = format!("<https://w3id.org/newsgraph/cameo/{}>", c.code());
            let has = |p: &str, o: &str| {
                triples
                    .iter()
                    .any(|t| t.subject.to_string() == iri && t.predicate.as_str() == p && t.object.to_string() == o)
            };
            assert!(
                has("http://www.w3.org/2004/02/skos/core#notation", &format!("\"{}\"", c.code())),
                "{iri} has no notation"
            );
            assert!(
                has("http://www.w3.org/2004/02/skos/core#prefLabel", &format!("\"{}\"@en", c.label())),
                "{iri}: label"
            );
        }
    }

    #[test]
    fn every_declared_newsgraph_term_is_emitted() {
        let known: HashSet<String> = ALL.iter().map(|t| t.as_str().to_owned()).collect();
        for t in ontology() {
            if let NamedOrBlankNode::NamedNode(n) = &t.subject {
                if n.as_str().starts_with(ng::NAMESPACE) && t.predicate.as_ref() == rdf::TYPE {
                    assert!(known.contains(n.as_str()), "{n} is declared but vocab.rs has no constant for it");
                }
            }
        }
    }
}
