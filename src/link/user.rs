//! A user's own knowledge base: an RDF extract (N-Triples, Turtle, N-Quads or
//! TriG, optionally gzipped), such as a slice of Wikidata or DBpedia.
//!
//! Read from each subject: its names (`rdfs:label`, `skos:prefLabel`,
//! `skos:altLabel`, `schema:name`, `schema:alternateName`; English or untagged
//! literals), its types (`rdf:type` or Wikidata's `wdt:P31`), its country
//! (`wdt:P17`, `wdt:P27`) and its identities: the subject itself or an
//! `owl:sameAs` target that is a Wikidata entity, a DBpedia resource or a
//! GeoNames feature. Subjects with none of these identities are skipped, since
//! a link must point to one of those datasets.
//!
//! # Rationale
//! The whole extract is indexed in memory once, in the same [`NameIndex`] as
//! the bundled base (exact key, transliteration variant, surname), so the same
//! disambiguation ([`super::choose`]) runs on it. Extracts of a few million
//! triples fit; a full Wikidata dump belongs behind an endpoint instead.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};

use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{NamedOrBlankNode, Term};

use super::{country_codes, Candidate, Kind, KnowledgeBase, Match};
use crate::error::LinkError;
use crate::lexicon::gazetteer::NameIndex;

/// Classes whose instances have a known kind: schema.org, DBpedia, FOAF and
/// Wikidata ("instance of" targets), sorted by IRI.
#[rustfmt::skip]
const TYPES: &[(&str, Kind)] = &[
    ("http://dbpedia.org/ontology/Agent", Kind::Unknown),
    ("http://dbpedia.org/ontology/City", Kind::City),
    ("http://dbpedia.org/ontology/Company", Kind::Org),
    ("http://dbpedia.org/ontology/Country", Kind::Country),
    ("http://dbpedia.org/ontology/Organisation", Kind::Org),
    ("http://dbpedia.org/ontology/Person", Kind::Person),
    ("http://dbpedia.org/ontology/Place", Kind::Place),
    ("http://dbpedia.org/ontology/PoliticalParty", Kind::Org),
    ("http://dbpedia.org/ontology/PopulatedPlace", Kind::Place),
    ("http://dbpedia.org/ontology/Region", Kind::Region),
    ("http://dbpedia.org/ontology/Settlement", Kind::City),
    ("http://dbpedia.org/ontology/Town", Kind::City),
    ("http://www.wikidata.org/entity/Q107390", Kind::Region),
    ("http://www.wikidata.org/entity/Q1549591", Kind::City),
    ("http://www.wikidata.org/entity/Q16334295", Kind::Org),
    ("http://www.wikidata.org/entity/Q1637706", Kind::City),
    ("http://www.wikidata.org/entity/Q192350", Kind::Org),
    ("http://www.wikidata.org/entity/Q200023", Kind::City),
    ("http://www.wikidata.org/entity/Q35657", Kind::Region),
    ("http://www.wikidata.org/entity/Q3624078", Kind::Country),
    ("http://www.wikidata.org/entity/Q41710", Kind::Org),
    ("http://www.wikidata.org/entity/Q43229", Kind::Org),
    ("http://www.wikidata.org/entity/Q4830453", Kind::Org),
    ("http://www.wikidata.org/entity/Q484652", Kind::Org),
    ("http://www.wikidata.org/entity/Q486972", Kind::City),
    ("http://www.wikidata.org/entity/Q5", Kind::Person),
    ("http://www.wikidata.org/entity/Q5119", Kind::City),
    ("http://www.wikidata.org/entity/Q515", Kind::City),
    ("http://www.wikidata.org/entity/Q6256", Kind::Country),
    ("http://www.wikidata.org/entity/Q7210356", Kind::Org),
    ("http://www.wikidata.org/entity/Q7278", Kind::Org),
    ("http://www.wikidata.org/entity/Q783794", Kind::Org),
    ("http://www.wikidata.org/entity/Q82794", Kind::Region),
    ("http://xmlns.com/foaf/0.1/Organization", Kind::Org),
    ("http://xmlns.com/foaf/0.1/Person", Kind::Person),
    ("https://schema.org/City", Kind::City),
    ("https://schema.org/Corporation", Kind::Org),
    ("https://schema.org/Country", Kind::Country),
    ("https://schema.org/GovernmentOrganization", Kind::Org),
    ("https://schema.org/NewsMediaOrganization", Kind::Org),
    ("https://schema.org/Organization", Kind::Org),
    ("https://schema.org/Person", Kind::Person),
    ("https://schema.org/Place", Kind::Place),
    ("https://schema.org/State", Kind::Region),
];

/// Name properties, sorted.
#[rustfmt::skip]
const NAMES: &[&str] = &[
    "http://schema.org/alternateName",
    "http://schema.org/name",
    "http://www.w3.org/2000/01/rdf-schema#label",
    "http://www.w3.org/2004/02/skos/core#altLabel",
    "http://www.w3.org/2004/02/skos/core#prefLabel",
    "https://schema.org/alternateName",
    "https://schema.org/name",
];

const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
const P31: &str = "http://www.wikidata.org/prop/direct/P31";
const P17: &str = "http://www.wikidata.org/prop/direct/P17";
const P27: &str = "http://www.wikidata.org/prop/direct/P27";
const SAME_AS: &str = "http://www.w3.org/2002/07/owl#sameAs";
const WIKIDATA: &str = "http://www.wikidata.org/entity/";

/// The kind of a class IRI, if it is one we know. `http://schema.org/` is read
/// as `https://schema.org/`.
pub fn kind_of_class(iri: &str) -> Option<Kind> {
    let https;
    let iri = match iri.strip_prefix("http://schema.org/") {
        Some(rest) => {
            https = format!("https://schema.org/{rest}");
            https.as_str()
        }
        None => iri,
    };
    TYPES.binary_search_by(|(t, _)| t.cmp(&iri)).ok().map(|i| TYPES[i].1)
}

/// The dataset ids an IRI stands for: (wikidata, geonames, dbpedia).
pub fn ids_of(iri: &str) -> (Option<String>, Option<String>, Option<String>) {
    if let Some(q) = iri.strip_prefix(WIKIDATA).filter(|q| is_qid(q)) {
        return (Some(q.to_owned()), None, None);
    }
    for base in ["https://sws.geonames.org/", "http://sws.geonames.org/"] {
        if let Some(id) = iri.strip_prefix(base).map(|r| r.trim_end_matches('/')).filter(|r| is_digits(r)) {
            return (None, Some(id.to_owned()), None);
        }
    }
    for base in ["http://dbpedia.org/resource/", "https://dbpedia.org/resource/"] {
        if let Some(r) = iri.strip_prefix(base).filter(|r| !r.is_empty()) {
            return (None, None, Some(r.to_owned()));
        }
    }
    (None, None, None)
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// Whether `s` is a Wikidata item id ("Q42").
pub fn is_qid(s: &str) -> bool {
    s.strip_prefix('Q').is_some_and(is_digits)
}

/// The RDF syntax of a file, from its name (a `.gz` suffix is looked through).
pub fn format_of(path: &Path) -> Option<(RdfFormat, bool)> {
    let name = path.file_name()?.to_string_lossy().to_lowercase();
    let (name, gz) = match name.strip_suffix(".gz") {
        Some(n) => (n.to_owned(), true),
        None => (name, false),
    };
    let ext = name.rsplit_once('.')?.1;
    RdfFormat::from_extension(ext)
        .filter(|f| !matches!(f, RdfFormat::RdfXml | RdfFormat::JsonLd { .. }))
        .map(|f| (f, gz))
}

#[derive(Debug, Default, Clone)]
struct Record {
    label: Option<String>,
    kind: Option<Kind>,
    wikidata: Option<String>,
    geonames: Option<String>,
    dbpedia: Option<String>,
    country: Option<String>,
}

/// An indexed RDF extract.
#[derive(Debug, Default)]
pub struct UserKb {
    records: Vec<Record>,
    names: NameIndex,
}

impl UserKb {
    /// Reads and indexes the files.
    pub fn load(paths: &[PathBuf]) -> Result<Self, LinkError> {
        let mut subjects: HashMap<String, (Record, Vec<String>)> = HashMap::new();
        for path in paths {
            read_file(path, &mut subjects)?;
        }
        let countries = country_codes();
        let mut kb = UserKb::default();
        let mut keys: Vec<_> = subjects.into_iter().collect();
        keys.sort_by(|a, b| a.0.cmp(&b.0));
        for (_, (mut rec, names)) in keys {
            if rec.wikidata.is_none() && rec.geonames.is_none() && rec.dbpedia.is_none() || names.is_empty() {
                continue;
            }
            rec.country = rec.country.and_then(|q| countries.get(&q).cloned());
            rec.label = rec.label.or_else(|| names.first().cloned());
            let id = kb.records.len() as u32;
            let person = rec.kind == Some(Kind::Person);
            kb.records.push(rec);
            for n in &names {
                kb.names.add_exact(n, id);
                kb.names.add_variant(n, id, person);
            }
        }
        Ok(kb)
    }

    /// Number of records with a name and a linkable id.
    pub fn len(&self) -> usize {
        self.records.len()
    }

    /// Whether no record was found.
    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    fn candidate(&self, id: u32, matched: Match) -> Candidate {
        let r = &self.records[id as usize];
        Candidate {
            label: r.label.clone().unwrap_or_default(),
            kind: r.kind.unwrap_or(Kind::Unknown),
            wikidata: r.wikidata.clone(),
            geonames: r.geonames.clone(),
            dbpedia: r.dbpedia.clone(),
            country: r.country.clone(),
            admin1: None,
            population: 0,
            matched,
        }
    }
}

fn read_file(path: &Path, subjects: &mut HashMap<String, (Record, Vec<String>)>) -> Result<(), LinkError> {
    let (format, gz) = format_of(path).ok_or_else(|| LinkError::Format { path: path.to_owned() })?;
    let file = File::open(path).map_err(|source| LinkError::Read { path: path.to_owned(), source })?;
    let reader: Box<dyn Read> = if gz {
        Box::new(flate2::read::MultiGzDecoder::new(BufReader::new(file)))
    } else {
        Box::new(BufReader::new(file))
    };
    for quad in RdfParser::from_format(format).for_reader(reader) {
        let quad = quad.map_err(|e| match e {
            oxigraph::io::RdfParseError::Io(source) => LinkError::Read { path: path.to_owned(), source },
            other => LinkError::Parse { path: path.to_owned(), message: other.to_string() },
        })?;
        let NamedOrBlankNode::NamedNode(s) = &quad.subject else { continue };
        let p = quad.predicate.as_str();
        let entry = || {
            let (wikidata, geonames, dbpedia) = ids_of(s.as_str());
            (Record { wikidata, geonames, dbpedia, ..Record::default() }, Vec::new())
        };
        match &quad.object {
            Term::Literal(l) if NAMES.binary_search(&p).is_ok() => {
                let lang = l.language().unwrap_or("en");
                if lang == "en" || lang.starts_with("en-") {
                    let (rec, names) = subjects.entry(s.as_str().to_owned()).or_insert_with(entry);
                    if rec.label.is_none() && p.ends_with("label") && !p.ends_with("altLabel") {
                        rec.label = Some(l.value().to_owned());
                    }
                    if !names.iter().any(|n| n == l.value()) {
                        names.push(l.value().to_owned());
                    }
                }
            }
            Term::NamedNode(o) if p == RDF_TYPE || p == P31 => {
                if let Some(k) = kind_of_class(o.as_str()).filter(|k| *k != Kind::Unknown) {
                    let (rec, _) = subjects.entry(s.as_str().to_owned()).or_insert_with(entry);
                    // a person stays a person; otherwise the most specific kind wins
                    if rec.kind.is_none_or(|old| old != Kind::Person && specificity(k) > specificity(old)) {
                        rec.kind = Some(k);
                    }
                }
            }
            Term::NamedNode(o) if p == P17 || p == P27 => {
                if let Some(q) = o.as_str().strip_prefix(WIKIDATA) {
                    subjects.entry(s.as_str().to_owned()).or_insert_with(entry).0.country = Some(q.to_owned());
                }
            }
            Term::NamedNode(o) if p == SAME_AS => {
                let (wikidata, geonames, dbpedia) = ids_of(o.as_str());
                let (rec, _) = subjects.entry(s.as_str().to_owned()).or_insert_with(entry);
                rec.wikidata = rec.wikidata.take().or(wikidata);
                rec.geonames = rec.geonames.take().or(geonames);
                rec.dbpedia = rec.dbpedia.take().or(dbpedia);
            }
            _ => {}
        }
    }
    Ok(())
}

fn specificity(k: Kind) -> u8 {
    match k {
        Kind::Unknown => 0,
        Kind::Place => 1,
        _ => 2,
    }
}

impl KnowledgeBase for UserKb {
    fn method(&self) -> &str {
        "user-kb"
    }

    fn candidates(&self, name: &str, surname: bool) -> Vec<Candidate> {
        let mut out: Vec<Candidate> =
            self.names.exact(name).iter().map(|&id| self.candidate(id, Match::Exact)).collect();
        out.extend(self.names.variant(name).iter().map(|&id| self.candidate(id, Match::Variant)));
        if surname {
            out.extend(self.names.surname(name).iter().map(|&id| self.candidate(id, Match::Surname)));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn tables_are_sorted() {
        assert!(TYPES.windows(2).all(|w| w[0].0 < w[1].0), "TYPES must stay sorted");
        assert!(NAMES.windows(2).all(|w| w[0] < w[1]), "NAMES must stay sorted");
    }

    #[test]
    fn ids_and_formats() {
        assert_eq!(ids_of("http://www.wikidata.org/entity/Q42").0.as_deref(), Some("Q42"));
        assert_eq!(ids_of("https://sws.geonames.org/2988507/").1.as_deref(), Some("2988507"));
        assert_eq!(ids_of("http://dbpedia.org/resource/Paris").2.as_deref(), Some("Paris"));
        assert_eq!(ids_of("http://example.com/x"), (None, None, None));
        assert_eq!(format_of(Path::new("wd.nt.gz")), Some((RdfFormat::NTriples, true)));
        assert_eq!(format_of(Path::new("x.ttl")), Some((RdfFormat::Turtle, false)));
        assert_eq!(format_of(Path::new("x.csv")), None);
        assert_eq!(kind_of_class("http://schema.org/Person"), Some(Kind::Person));
    }

    #[test]
    fn loads_labels_types_and_same_as() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("kb.nt.gz");
        let nt = r#"<http://www.wikidata.org/entity/Q155985> <http://www.w3.org/2000/01/rdf-schema#label> "Rick Santorum"@en .
<http://www.wikidata.org/entity/Q155985> <http://www.wikidata.org/prop/direct/P31> <http://www.wikidata.org/entity/Q5> .
<http://www.wikidata.org/entity/Q155985> <http://www.wikidata.org/prop/direct/P27> <http://www.wikidata.org/entity/Q30> .
<http://www.wikidata.org/entity/Q155985> <http://www.w3.org/2000/01/rdf-schema#label> "Rick Santorum"@fr .
<http://dbpedia.org/resource/LibriVox> <http://xmlns.com/foaf/0.1/name> "LibriVox"@en .
<http://dbpedia.org/resource/LibriVox> <http://www.w3.org/2002/07/owl#sameAs> <http://www.wikidata.org/entity/Q1070969> .
<http://dbpedia.org/resource/LibriVox> <http://www.w3.org/2000/01/rdf-schema#label> "LibriVox"@en .
<http://dbpedia.org/resource/LibriVox> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://dbpedia.org/ontology/Organisation> .
"#;
        let mut gz = flate2::write::GzEncoder::new(File::create(&path)?, flate2::Compression::fast());
        gz.write_all(nt.as_bytes())?;
        gz.finish()?;
        let kb = UserKb::load(&[path])?;
        assert_eq!(kb.len(), 2);
        let santorum = kb.candidates("Santorum", true);
        assert_eq!(santorum.len(), 1);
        assert_eq!(santorum[0].kind, Kind::Person);
        assert_eq!(santorum[0].country.as_deref(), Some("US"));
        let lv = kb.candidates("Librivox", false);
        assert_eq!(lv[0].wikidata.as_deref(), Some("Q1070969"));
        assert_eq!(lv[0].dbpedia.as_deref(), Some("LibriVox"));
        assert_eq!(lv[0].kind, Kind::Org);
        Ok(())
    }

    #[test]
    fn parse_errors_name_the_file_and_line() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("bad.nt");
        std::fs::write(&path, "<http://a> <http://b> \"ok\" .\n<http://a> <http://b> oops .\n")?;
        let err = UserKb::load(&[path]).err().ok_or("a bad file loaded")?;
        let msg = err.to_string();
        assert!(msg.contains("bad.nt") && msg.contains("line 2"), "{msg}");
        Ok(())
    }
}
