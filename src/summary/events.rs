//! The listing of events and quotations in the summary graph: one entry per
//! event node (and kind and CAMEO code) however many articles report it, filed
//! under a day, so that `timeline` and `events-by-code` give their first page
//! after reading one day's entries, whatever the size of the store.
//!
//! An entry (`{node}/{kind}/{code}`) holds what the listings show:
//! `ng:entryOf` (the node), `ng:eventKind`, `ng:eventCode`, `ng:firstDate` (the
//! earliest date an article gives) or `ng:writtenDate` (the date as written,
//! when no article resolved it), `ng:participantNames` (the participants, or a
//! quotation's speakers, sorted and comma-separated), `ng:actorNames`,
//! `ng:placeName`, `ng:isPlanned` (only when true), `ng:sources` (the article
//! identifiers, sorted) and `ng:sentenceText` (the first in code-point order of
//! the sentences that report it). Where one article gives several values and
//! the listing shows one (place, sentence, written date), the first in
//! code-point order is kept, so that the entry is a function of the article
//! graphs alone.
//!
//! Entries of meetings, calls, visits and actions are filed under a day node
//! (`ng:onDay`, whose `ng:timelineDay` is the date, or `~` for undated events,
//! which sort last); every entry is filed under a code-and-day node
//! (`ng:inCodeDay`, with `ng:bucketCode` and `ng:bucketDay`, empty for undated
//! events, which sort first); a day node counts its entries (`ng:entryCount`).
//! A query orders the few day nodes, then reads the entries of one day at a
//! time (`LATERAL`): a day of at most [`SORTED_DAY`] entries sorted (by sources,
//! then kind and sentence), a larger one in store order (stable for a given
//! store, and a function of its contents), so that the first page never waits
//! for more than one small day to be sorted, however large the store.
//! (Sorting costs oxigraph a store read per string comparison: about 100 µs an
//! entry on the benchmark machine.)
//!
//! # How it stays up to date
//! Each graph's [`super::Contribution`] holds the entries its own quads give
//! its event and quotation nodes ([`of_graph`]). A write that replaces or
//! deletes graphs calls [`refresh`], which computes the entries of their nodes
//! again from every article graph that mentions them (an index probe per node,
//! then a few per graph); new articles loaded in bulk go through [`add`], which
//! lists a node not listed yet from the new graphs' entries alone (entries are
//! a union over graphs, and no stored graph gives it one) and computes again
//! only the nodes already listed (an event reported again). Both replace the
//! entries that changed and keep each day node's `ng:entryCount` (a day node
//! goes with its last entry).

use std::collections::{BTreeMap, BTreeSet, HashSet};

use oxigraph::model::{GraphName, GraphNameRef, Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, Term};
use oxigraph::store::{StorageError, Transaction};

use super::{summary_graph, summary_quads};
use crate::rdf::mint;
use crate::rdf::vocab::{ng, prov, rdf, schema};

/// The classes the timeline lists.
const TIMELINE_CLASSES: [NamedNodeRef<'static>; 4] = [ng::MEETING, ng::PHONE_CALL, ng::VISIT, ng::ACTION];

/// The day key of the timeline for undated events (after every date).
const UNDATED_LAST: &str = "~";

/// The most entries a day may have for a query to sort them (the bundled
/// queries write this number; a test checks they agree).
pub const SORTED_DAY: i64 = 200;

/// The entries one or more graphs give the nodes they describe: per node, per (kind, code).
pub type Entries = BTreeMap<(String, String), Entry>;

/// One entry, as computed from one or more article graphs.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Entry {
    timeline: bool,
    date: Option<Literal>,
    written: Option<String>,
    names: BTreeSet<String>,
    actors: BTreeSet<String>,
    place: Option<String>,
    planned: bool,
    sources: BTreeSet<String>,
    sentence: Option<String>,
}

impl Entry {
    /// Adds what another graph's entry says (what a listing shows of the union of their graphs).
    fn merge(&mut self, other: &Entry) {
        self.timeline |= other.timeline;
        if let Some(d) = &other.date {
            if self.date.as_ref().is_none_or(|l| d.value() < l.value()) {
                self.date = Some(d.clone());
            }
        }
        if let Some(w) = &other.written {
            keep_min(&mut self.written, w.clone());
        }
        self.names.extend(other.names.iter().cloned());
        self.actors.extend(other.actors.iter().cloned());
        if let Some(p) = &other.place {
            keep_min(&mut self.place, p.clone());
        }
        self.planned |= other.planned;
        self.sources.extend(other.sources.iter().cloned());
        if let Some(t) = &other.sentence {
            keep_min(&mut self.sentence, t.clone());
        }
    }
}

/// Merges the entries of `from` into `into`.
pub fn merge_entries(into: &mut Entries, from: &Entries) {
    for (k, e) in from {
        into.entry(k.clone()).or_default().merge(e);
    }
}

/// Keeps the smaller of two optional values.
fn keep_min<T: Ord>(slot: &mut Option<T>, candidate: T) {
    if slot.as_ref().is_none_or(|s| candidate < *s) {
        *slot = Some(candidate);
    }
}

/// What one article graph says of one node.
#[derive(Default)]
struct InGraph {
    classes: BTreeSet<NamedNode>,
    codes: BTreeSet<String>,
    evidence: Vec<NamedNode>,
    dates: Vec<Literal>,
    written: Vec<String>,
    participants: Vec<NamedNode>,
    speakers: Vec<NamedNode>,
    actors: Vec<NamedNode>,
    places: Vec<NamedNode>,
    planned: bool,
}

/// The literal values of `subject predicate ?o` in graph `g`.
fn values(
    tx: &Transaction<'_>,
    subject: &NamedNode,
    predicate: NamedNodeRef<'_>,
    g: &NamedNode,
) -> Result<Vec<String>, StorageError> {
    let mut out = Vec::new();
    for q in tx.quads_for_pattern(
        Some(subject.as_ref().into()),
        Some(predicate),
        None,
        Some(GraphNameRef::NamedNode(g.as_ref())),
    ) {
        if let Term::Literal(l) = q?.object {
            out.push(l.value().to_owned());
        }
    }
    Ok(out)
}

/// The kind shown for a class: what follows `#` in its IRI (as `STRAFTER` gives it).
fn kind_of(class: &NamedNode) -> String {
    class.as_str().split_once('#').map(|(_, k)| k.to_owned()).unwrap_or_default()
}

impl InGraph {
    /// Notes one quad of the node.
    fn note(&mut self, p: NamedNodeRef<'_>, o: &Term) {
        match o {
            Term::NamedNode(o) if p == rdf::TYPE => {
                self.classes.insert(o.clone());
            }
            Term::NamedNode(o) if p == ng::EVIDENCE => self.evidence.push(o.clone()),
            Term::NamedNode(o) if p == ng::PARTICIPANT => self.participants.push(o.clone()),
            Term::NamedNode(o) if p == prov::WAS_ATTRIBUTED_TO => self.speakers.push(o.clone()),
            Term::NamedNode(o) if p == ng::ACTOR => self.actors.push(o.clone()),
            Term::NamedNode(o) if p == ng::PLACE => self.places.push(o.clone()),
            Term::Literal(l) if p == ng::CAMEO_CODE => {
                self.codes.insert(l.value().to_owned());
            }
            Term::Literal(l) if p == ng::DATE => self.dates.push(l.clone()),
            Term::Literal(l) if p == ng::DATE_TEXT => self.written.push(l.value().to_owned()),
            Term::Literal(l) if p == ng::PLANNED => self.planned |= l.value() == "true" || l.value() == "1",
            _ => {}
        }
    }

    /// Adds to `out` the entries this graph (`g`) gives the node; `values` gives
    /// the literal values of a subject and predicate in `g`.
    fn entries<E>(
        &self,
        g: &NamedNode,
        mut values: impl FnMut(&NamedNode, NamedNodeRef<'_>) -> Result<Vec<String>, E>,
        out: &mut Entries,
    ) -> Result<(), E> {
        if self.classes.is_empty() || self.codes.is_empty() {
            return Ok(());
        }
        let mut labels = |nodes: &[NamedNode]| -> Result<BTreeSet<String>, E> {
            let mut out = BTreeSet::new();
            for n in nodes {
                out.extend(values(n, rdf::LABEL)?);
            }
            Ok(out)
        };
        let participants = labels(&self.participants)?;
        let names = if participants.is_empty() { labels(&self.speakers)? } else { participants };
        let actors = labels(&self.actors)?;
        let place = labels(&self.places)?.into_iter().next();
        let mut texts = BTreeSet::new();
        for e in &self.evidence {
            texts.extend(values(e, ng::TEXT)?);
        }
        let ids: BTreeSet<String> = values(g, schema::IDENTIFIER)?.into_iter().collect();
        let (Some(text), false) = (texts.into_iter().next(), ids.is_empty()) else { return Ok(()) };
        let mut dates = self.dates.iter();
        let first = dates.next().map(|d| dates.fold(d, |a, b| if b.value() < a.value() { b } else { a }).clone());
        let entry = Entry {
            timeline: false,
            date: first,
            written: self.written.iter().min().cloned(),
            names,
            actors,
            place,
            planned: self.planned,
            sources: ids,
            sentence: Some(text),
        };
        for class in &self.classes {
            let timeline = TIMELINE_CLASSES.contains(&class.as_ref());
            for code in &self.codes {
                out.entry((kind_of(class), code.clone())).or_default().merge(&Entry { timeline, ..entry.clone() });
            }
        }
        Ok(())
    }
}

/// The entries of the events and quotations (nodes with a CAMEO code) one
/// graph describes, from its quads alone.
pub fn of_graph(graph: &NamedNode, quads: &[Quad]) -> BTreeMap<NamedNode, Entries> {
    let mut nodes: BTreeMap<&NamedNode, InGraph> = BTreeMap::new();
    for q in quads {
        if let NamedOrBlankNode::NamedNode(s) = &q.subject {
            if q.predicate.as_ref() == ng::CAMEO_CODE {
                nodes.entry(s).or_default();
            }
        }
    }
    if nodes.is_empty() {
        return BTreeMap::new();
    }
    let mut literals: std::collections::HashMap<(&NamedNode, &NamedNode), Vec<String>> =
        std::collections::HashMap::new();
    for q in quads {
        let NamedOrBlankNode::NamedNode(s) = &q.subject else { continue };
        if let Some(n) = nodes.get_mut(s) {
            n.note(q.predicate.as_ref(), &q.object);
        }
        if let Term::Literal(l) = &q.object {
            literals.entry((s, &q.predicate)).or_default().push(l.value().to_owned());
        }
    }
    let mut out = BTreeMap::new();
    for (node, n) in nodes {
        let mut entries = Entries::new();
        let found: Result<(), std::convert::Infallible> =
            n.entries(graph, |s, p| Ok(literals.get(&(s, &p.into_owned())).cloned().unwrap_or_default()), &mut entries);
        let Ok(()) = found;
        if !entries.is_empty() {
            out.insert(node.clone(), entries);
        }
    }
    out
}

/// The entries of `node`, from every article graph (as it is in `tx`) that describes it.
fn entries(tx: &Transaction<'_>, node: &NamedNode) -> Result<Entries, StorageError> {
    let summary = mint::summary();
    let mut graphs: BTreeMap<NamedNode, InGraph> = BTreeMap::new();
    for q in tx.quads_for_pattern(Some(node.as_ref().into()), None, None, None) {
        let q = q?;
        let GraphName::NamedNode(g) = q.graph_name else { continue };
        if g != summary {
            graphs.entry(g).or_default().note(q.predicate.as_ref(), &q.object);
        }
    }
    let mut out = Entries::new();
    for (g, s) in graphs {
        s.entries(&g, |n, p| values(tx, n, p, &g), &mut out)?;
    }
    Ok(out)
}

/// The day node of the timeline with key `day`.
fn day_node(day: &str) -> NamedNode {
    let key = if day == UNDATED_LAST { "undated" } else { day };
    NamedNode::new_unchecked(format!("{}/day/{}", mint::summary().as_str(), mint::encode(key)))
}

/// The code-and-day node of `code` and `day` (empty: undated).
fn code_day_node(code: &str, day: &str) -> NamedNode {
    let key = if day.is_empty() { "undated" } else { day };
    NamedNode::new_unchecked(format!("{}/code/{}/{}", mint::summary().as_str(), mint::encode(code), mint::encode(key)))
}

/// The quads of one entry, and of the day nodes it is filed under.
fn entry_quads(
    node: &NamedNode,
    kind: &str,
    code: &str,
    e: &Entry,
    days: &mut BTreeMap<NamedNode, Vec<Quad>>,
) -> Vec<Quad> {
    let g = summary_graph();
    let iri = NamedNode::new_unchecked(format!("{}/{}/{}", node.as_str(), mint::encode(kind), mint::encode(code)));
    let mut out = Vec::with_capacity(12);
    let mut add = |p: NamedNodeRef<'_>, o: Term| out.push(Quad::new(iri.clone(), p.into_owned(), o, g.clone()));
    let text = |s: &str| Term::from(Literal::new_simple_literal(s));
    let joined = |set: &BTreeSet<String>| text(&set.iter().map(String::as_str).collect::<Vec<_>>().join(", "));
    add(ng::ENTRY_OF, node.clone().into());
    add(ng::EVENT_KIND, text(kind));
    add(ng::EVENT_CODE, text(code));
    if let Some(d) = &e.date {
        add(ng::FIRST_DATE, d.clone().into());
    } else if let Some(w) = &e.written {
        add(ng::WRITTEN_DATE, text(w));
    }
    if !e.names.is_empty() {
        add(ng::PARTICIPANT_NAMES, joined(&e.names));
    }
    if !e.actors.is_empty() {
        add(ng::ACTOR_NAMES, joined(&e.actors));
    }
    if let Some(p) = &e.place {
        add(ng::PLACE_NAME, text(p));
    }
    if e.planned {
        add(ng::IS_PLANNED, Literal::from(true).into());
    }
    add(ng::SOURCES, joined(&e.sources));
    if let Some(s) = &e.sentence {
        add(ng::SENTENCE_TEXT, text(s));
    }
    let date = e.date.as_ref().map(|d| d.value().to_owned());
    if e.timeline {
        let key = date.clone().unwrap_or_else(|| UNDATED_LAST.to_owned());
        let day = day_node(&key);
        add(ng::ON_DAY, day.clone().into());
        days.entry(day.clone())
            .or_insert_with(|| vec![Quad::new(day, ng::TIMELINE_DAY.into_owned(), text(&key), g.clone())]);
    }
    let key = date.unwrap_or_default();
    let bucket = code_day_node(code, &key);
    add(ng::IN_CODE_DAY, bucket.clone().into());
    days.entry(bucket.clone()).or_insert_with(|| {
        vec![
            Quad::new(bucket.clone(), ng::BUCKET_CODE.into_owned(), text(code), g.clone()),
            Quad::new(bucket, ng::BUCKET_DAY.into_owned(), text(&key), g.clone()),
        ]
    });
    out
}

/// Computes the entries of `nodes` again from the article graphs (as they are
/// in `tx`) and writes what changed, with the entry counts of the day nodes
/// (a day node goes with its last entry).
pub fn refresh<'a>(
    tx: &mut Transaction<'_>,
    nodes: impl IntoIterator<Item = &'a NamedNode>,
) -> Result<(), StorageError> {
    rewrite(tx, nodes.into_iter().map(|n| (n, None)))
}

/// Writes the entries of nodes described by new graphs (already in `tx`),
/// given what those graphs say of them ([`of_graph`], merged): a node not
/// listed yet is listed from them alone (no stored graph gives it an entry,
/// and entries are a union over graphs); a node already listed is computed
/// again from the store.
pub fn add(tx: &mut Transaction<'_>, nodes: &[(&NamedNode, &Entries)]) -> Result<(), StorageError> {
    rewrite(tx, nodes.iter().map(|(n, e)| (*n, Some(*e))))
}

fn rewrite<'a>(
    tx: &mut Transaction<'_>,
    nodes: impl IntoIterator<Item = (&'a NamedNode, Option<&'a Entries>)>,
) -> Result<(), StorageError> {
    let summary = mint::summary();
    let in_summary = GraphNameRef::NamedNode(summary.as_ref());
    let mut days: BTreeMap<NamedNode, Vec<Quad>> = BTreeMap::new();
    let mut deltas: BTreeMap<NamedNode, i64> = BTreeMap::new();
    let mut filed = |q: &Quad, delta: i64| {
        if let (true, Term::NamedNode(d)) = (q.predicate == ng::ON_DAY || q.predicate == ng::IN_CODE_DAY, &q.object) {
            *deltas.entry(d.clone()).or_default() += delta;
        }
    };
    for (node, new) in nodes {
        let mut before = Vec::new();
        let stored: Vec<Quad> = tx
            .quads_for_pattern(None, Some(ng::ENTRY_OF), Some(node.as_ref().into()), Some(in_summary))
            .collect::<Result<_, _>>()?;
        for q in stored {
            if let NamedOrBlankNode::NamedNode(entry) = &q.subject {
                before.extend(summary_quads(tx, entry, None)?);
            }
        }
        let computed;
        let entries = match new {
            Some(new) if before.is_empty() => new,
            _ => {
                computed = entries(tx, node)?;
                &computed
            }
        };
        let mut after = Vec::new();
        for ((kind, code), e) in entries {
            after.extend(entry_quads(node, kind, code, e, &mut days));
        }
        let old: HashSet<&Quad> = before.iter().collect();
        let new: HashSet<&Quad> = after.iter().collect();
        for q in before.iter().filter(|q| !new.contains(q)) {
            filed(q, -1);
            tx.remove(q);
        }
        for q in after.iter().filter(|q| !old.contains(q)) {
            filed(q, 1);
            tx.insert(q);
        }
    }
    for (day, delta) in deltas.into_iter().filter(|(_, d)| *d != 0) {
        let current = summary_quads(tx, &day, None)?;
        let count = current
            .iter()
            .find(|q| q.predicate == ng::ENTRY_COUNT)
            .and_then(|q| if let Term::Literal(l) = &q.object { l.value().parse::<i64>().ok() } else { None })
            .unwrap_or(0);
        for q in &current {
            tx.remove(q);
        }
        let n = count + delta;
        if n > 0 {
            let described = current.iter().filter(|q| q.predicate != ng::ENTRY_COUNT).cloned().collect::<Vec<_>>();
            let described = if described.is_empty() { days.remove(&day).unwrap_or_default() } else { described };
            for q in &described {
                tx.insert(q);
            }
            tx.insert(&Quad::new(day, ng::ENTRY_COUNT.into_owned(), Literal::from(n), summary_graph()));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::vocab::xsd;
    use oxigraph::store::Store;

    fn lit(s: &str) -> Term {
        Literal::new_simple_literal(s).into()
    }

    /// An article graph reporting `event` (a meeting with `people`) in `sentence`, dated `date`.
    fn report(id: &str, event: &NamedNode, people: &[(&str, &str)], date: Option<&str>, sentence: &str) -> Vec<Quad> {
        let g = mint::article(id);
        let s = mint::local(&g, "char=0,10");
        let gn = GraphName::NamedNode(g.clone());
        let q = |s: &NamedNode, p: NamedNodeRef<'_>, o: Term| Quad::new(s.clone(), p.into_owned(), o, gn.clone());
        let mut out = vec![
            q(&g, schema::IDENTIFIER, lit(id)),
            q(event, rdf::TYPE, ng::MEETING.into_owned().into()),
            q(event, ng::CAMEO_CODE, lit("040")),
            q(event, ng::EVIDENCE, s.clone().into()),
            q(&s, ng::TEXT, lit(sentence)),
        ];
        for (iri, name) in people {
            let p = NamedNode::new_unchecked(format!("https://w3id.org/newsgraph/id/person/{iri}"));
            out.push(q(event, ng::PARTICIPANT, p.clone().into()));
            out.push(q(&p, rdf::LABEL, lit(name)));
        }
        match date {
            Some(d) => out.push(q(event, ng::DATE, Literal::new_typed_literal(d, xsd::DATE).into())),
            None => out.push(q(event, ng::DATE_TEXT, lit("last week"))),
        }
        out
    }

    fn refreshed(store: &Store, event: &NamedNode) {
        let mut tx = store.start_transaction().expect("a transaction");
        refresh(&mut tx, [event]).expect("refreshed");
        tx.commit().expect("committed");
    }

    fn listing(store: &Store) -> BTreeMap<String, String> {
        let summary = mint::summary();
        store
            .quads_for_pattern(None, None, None, Some(GraphNameRef::NamedNode(summary.as_ref())))
            .map(|q| q.expect("a quad"))
            .map(|q| {
                let p = q.predicate.as_str().rsplit('#').next().unwrap_or_default().to_owned();
                let o = match &q.object {
                    Term::Literal(l) => l.value().to_owned(),
                    o => o.to_string(),
                };
                (format!("{} {p}", q.subject), o)
            })
            .collect()
    }

    #[test]
    fn one_entry_per_event_across_articles_kept_under_deletion() {
        let store = Store::new().expect("a store");
        let event = mint::local(&mint::article("b"), "event-0");
        let entry = format!("<{}/Meeting/040>", event.as_str());
        let b = report("b", &event, &[("ann", "Ann Lee"), ("bo", "Bo Chen")], Some("2025-12-04"), "Ann met Bo.");
        let a = report("a", &event, &[("cy", "Cy Diaz"), ("ann", "Ann Lee")], Some("2025-12-03"), "A talk.");
        store.extend(b.iter().cloned()).expect("stored");
        refreshed(&store, &event);
        // what one graph's quads give is what the store gives of that graph
        let tx = store.start_transaction().expect("a transaction");
        assert_eq!(of_graph(&mint::article("b"), &b).get(&event), Some(&entries(&tx, &event).expect("read")));
        drop(tx);
        store.extend(a.iter().cloned()).expect("stored");
        refreshed(&store, &event);
        let l = listing(&store);
        assert_eq!(l[&format!("{entry} sources")], "a, b", "{l:#?}");
        assert_eq!(l[&format!("{entry} participantNames")], "Ann Lee, Bo Chen, Cy Diaz");
        assert_eq!(l[&format!("{entry} firstDate")], "2025-12-03", "the earliest date");
        assert_eq!(l[&format!("{entry} sentenceText")], "A talk.", "the first sentence in code-point order");
        let day = format!("{} timelineDay", day_node("2025-12-03"));
        assert_eq!(l[&day], "2025-12-03");
        assert!(!l.keys().any(|k| k.contains("/day/2025-12-04")), "no day node without entries: {l:#?}");

        // the article that minted the node goes: the other one's report remains, on its own date
        for q in &a {
            store.remove(q).expect("removed");
        }
        refreshed(&store, &event);
        let l = listing(&store);
        assert_eq!(l[&format!("{entry} sources")], "b");
        assert_eq!(l[&format!("{entry} participantNames")], "Ann Lee, Bo Chen");
        assert!(l.contains_key(&format!("{} timelineDay", day_node("2025-12-04"))), "{l:#?}");
        assert!(!l.keys().any(|k| k.contains("/day/2025-12-03")), "the emptied day goes: {l:#?}");

        // re-ingested undated: filed last, with the date as written
        for q in &b {
            store.remove(q).expect("removed");
        }
        let undated = report("b", &event, &[("ann", "Ann Lee")], None, "Ann met Bo.");
        store.extend(undated.iter().cloned()).expect("stored");
        refreshed(&store, &event);
        let l = listing(&store);
        assert_eq!(l[&format!("{entry} writtenDate")], "last week");
        assert_eq!(l[&format!("{} timelineDay", day_node(UNDATED_LAST))], "~");
        assert_eq!(l[&format!("{} bucketDay", code_day_node("040", ""))], "");

        // gone everywhere: nothing left
        for q in &undated {
            store.remove(q).expect("removed");
        }
        refreshed(&store, &event);
        assert!(listing(&store).is_empty());
    }
}
