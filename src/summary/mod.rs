//! The summary graph: what the article graphs say in aggregate, kept up to date
//! by every write, so that the questions asked of the whole store — who are the
//! people, which places, how many articles name X, what the store holds — read a
//! few quads per answer instead of scanning every article.
//!
//! It is the named graph `https://w3id.org/newsgraph/id/summary`
//! ([`mint::summary`]) and holds, with terms used nowhere else (so no pattern
//! over the article graphs ever matches it):
//! - per entity (a node an article types as a person, organisation, place or
//!   group): `ng:name` (its longest name), `ng:alias` (every name), `ng:kind`
//!   (its classes), `ng:articleCount`, `ng:factCount`, `ng:eventCount` (events at
//!   a place), `ng:lastSeen` (latest publication date), `ng:role`,
//!   `ng:affiliation`, `ng:within` (what a place lies in) and `ng:link`
//!   (`owl:sameAs` targets);
//! - per class: `ng:instanceCount` (nodes of the class, summed over articles) and,
//!   for entity classes, `ng:entityCount` (distinct entities);
//! - per predicate: `ng:useCount` (quads);
//! - for the store (the summary graph's IRI): `ng:quadCount` (quads of the
//!   article graphs) and `ng:summaryVersion`;
//! - the integrity violations found in each article graph when it was stored
//!   ([`checks`]): `ng:check`, `ng:inGraph`, `ng:node`, `ng:detail`;
//! - per event or quotation (and kind and CAMEO code): a listing entry filed
//!   under its day, which `timeline` and `events-by-code` read ([`events`]).
//!
//! Every value is a function of the article graphs alone, whatever order they
//! were stored, replaced or deleted in: rebuilding the summary from scratch
//! gives the same quads (a test holds it to that).
//!
//! # How it stays up to date
//! Each write computes the [`Contribution`] of every graph it touches, before
//! and after, and [`apply`] turns the difference into a few changed quads, in the
//! same transaction as the write. Counts add up; a name, role or link that an
//! article no longer gives is dropped only if no other graph gives it (one index
//! probe), and the latest date is looked up again only when the article that
//! carried it goes. New articles are bulk-loaded, which is not a transaction:
//! their graph IRIs are first recorded as `ng:pending`, and the summary
//! transaction that follows the load removes the record; a store opened for
//! writing with a record left (a crash between the two) summarises those graphs
//! then ([`repair`]).

pub mod checks;
pub mod events;

use std::collections::{BTreeMap, BTreeSet, HashSet};

use oxigraph::model::vocab::xsd;
use oxigraph::model::{
    GraphName, GraphNameRef, Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, Term, TermRef,
};
use oxigraph::store::{StorageError, Transaction};

use crate::model::Predicate;
use crate::rdf::map::predicate_iri;
use crate::rdf::mint;
use crate::rdf::vocab::{ng, rdf, schema};

/// The layout of the summary; a store whose summary has another version is
/// summarised again when it is opened for writing.
pub const VERSION: i64 = 2;

/// The classes of entities.
pub const ENTITY_CLASSES: [NamedNodeRef<'static>; 5] =
    [schema::PERSON, schema::ORGANIZATION, ng::GEOPOLITICAL_ENTITY, ng::LOCATION, ng::GROUP];

/// What one graph adds to the summary.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Contribution {
    /// Its quads.
    pub quads: i64,
    /// The publication date of its article.
    pub date: Option<Literal>,
    /// The entities it types, and what it says of each.
    pub entities: BTreeMap<NamedNode, EntityFacts>,
    /// Nodes per class (`rdf:type` objects).
    pub classes: BTreeMap<NamedNode, i64>,
    /// Quads per predicate.
    pub predicates: BTreeMap<NamedNode, i64>,
    /// Integrity violations.
    pub violations: Vec<checks::Violation>,
    /// The events and quotations it describes (nodes with a CAMEO code), with
    /// the listing entries it gives them ([`events`]).
    pub events: BTreeMap<NamedNode, events::Entries>,
}

/// What one graph says of one entity.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EntityFacts {
    /// Its entity classes.
    pub kinds: BTreeSet<NamedNode>,
    /// Its labels.
    pub aliases: BTreeSet<String>,
    /// Its roles (`ng:holdsRole`).
    pub roles: BTreeSet<String>,
    /// What it is affiliated with.
    pub affiliations: BTreeSet<NamedNode>,
    /// What it lies in (`ng:partOf`).
    pub within: BTreeSet<NamedNode>,
    /// Its `owl:sameAs` targets.
    pub links: BTreeSet<NamedNode>,
    /// Fact edges (the predicates of [`Predicate`]) it is an end of.
    pub facts: i64,
    /// Events it is the place of.
    pub events: i64,
}

fn named(t: &Term) -> Option<&NamedNode> {
    match t {
        Term::NamedNode(n) => Some(n),
        _ => None,
    }
}

impl Contribution {
    /// The contribution of the graph `graph` holding `quads` (their graph names are ignored).
    pub fn of(graph: &NamedNode, quads: &[Quad]) -> Self {
        let mut c = Contribution { quads: quads.len() as i64, ..Contribution::default() };
        let facts: Vec<NamedNode> = Predicate::ALL.iter().map(|p| predicate_iri(*p).into_owned()).collect();
        for q in quads {
            *c.predicates.entry(q.predicate.clone()).or_default() += 1;
            if q.predicate.as_ref() == rdf::TYPE {
                if let Term::NamedNode(class) = &q.object {
                    *c.classes.entry(class.clone()).or_default() += 1;
                    if let (NamedOrBlankNode::NamedNode(s), true) =
                        (&q.subject, ENTITY_CLASSES.contains(&class.as_ref()))
                    {
                        c.entities.entry(s.clone()).or_default().kinds.insert(class.clone());
                    }
                }
            }
        }
        for q in quads {
            let NamedOrBlankNode::NamedNode(s) = &q.subject else { continue };
            let p = q.predicate.as_ref();
            if s == graph && p == schema::DATE_PUBLISHED {
                if let Term::Literal(l) = &q.object {
                    c.date = Some(l.clone());
                }
            }
            if facts.iter().any(|f| f.as_ref() == p) {
                if let Some(e) = c.entities.get_mut(s) {
                    e.facts += 1;
                }
                if let Some(o) = named(&q.object).filter(|o| *o != s) {
                    if let Some(e) = c.entities.get_mut(o) {
                        e.facts += 1;
                    }
                }
            }
            if p == ng::PLACE {
                if let Some(e) = named(&q.object).and_then(|o| c.entities.get_mut(o)) {
                    e.events += 1;
                }
            }
            let Some(e) = c.entities.get_mut(s) else { continue };
            match &q.object {
                Term::Literal(l) if p == rdf::LABEL => {
                    e.aliases.insert(l.value().to_owned());
                }
                Term::Literal(l) if p == ng::HOLDS_ROLE => {
                    e.roles.insert(l.value().to_owned());
                }
                Term::NamedNode(o) if p == ng::AFFILIATED_WITH => {
                    e.affiliations.insert(o.clone());
                }
                Term::NamedNode(o) if p == ng::PART_OF => {
                    e.within.insert(o.clone());
                }
                Term::NamedNode(o) if p == rdf::OWL_SAME_AS => {
                    e.links.insert(o.clone());
                }
                _ => {}
            }
        }
        c.violations = checks::run(graph, quads);
        c.events = events::of_graph(graph, quads);
        c
    }
}

/// The shown name among aliases: the longest, then the first in code-point order.
fn best_name<'a>(aliases: impl IntoIterator<Item = &'a String>) -> Option<&'a String> {
    aliases.into_iter().min_by(|a, b| b.chars().count().cmp(&a.chars().count()).then_with(|| a.cmp(b)))
}

/// The summary quads of one entity.
#[derive(Debug, Clone, Default, PartialEq)]
struct EntityState {
    aliases: BTreeSet<String>,
    kinds: BTreeSet<NamedNode>,
    roles: BTreeSet<String>,
    affiliations: BTreeSet<NamedNode>,
    within: BTreeSet<NamedNode>,
    links: BTreeSet<NamedNode>,
    articles: i64,
    facts: i64,
    events: i64,
    last_seen: Option<Literal>,
}

impl EntityState {
    fn read(quads: &[Quad]) -> Self {
        let mut s = Self::default();
        for q in quads {
            let p = q.predicate.as_ref();
            match &q.object {
                Term::Literal(l) if p == ng::ALIAS => {
                    s.aliases.insert(l.value().to_owned());
                }
                Term::Literal(l) if p == ng::ROLE => {
                    s.roles.insert(l.value().to_owned());
                }
                Term::Literal(l) if p == ng::LAST_SEEN => s.last_seen = Some(l.clone()),
                Term::Literal(l) if p == ng::ARTICLE_COUNT => s.articles = count(l),
                Term::Literal(l) if p == ng::FACT_COUNT => s.facts = count(l),
                Term::Literal(l) if p == ng::EVENT_COUNT => s.events = count(l),
                Term::NamedNode(o) if p == ng::KIND => {
                    s.kinds.insert(o.clone());
                }
                Term::NamedNode(o) if p == ng::AFFILIATION => {
                    s.affiliations.insert(o.clone());
                }
                Term::NamedNode(o) if p == ng::WITHIN => {
                    s.within.insert(o.clone());
                }
                Term::NamedNode(o) if p == ng::LINK => {
                    s.links.insert(o.clone());
                }
                _ => {}
            }
        }
        s
    }

    fn quads(&self, e: &NamedNode) -> Vec<Quad> {
        let mut out = Vec::new();
        if self.articles <= 0 {
            return out;
        }
        let g = GraphName::NamedNode(mint::summary());
        let mut add = |p: NamedNodeRef<'_>, o: Term| out.push(Quad::new(e.clone(), p.into_owned(), o, g.clone()));
        if let Some(name) = best_name(&self.aliases) {
            add(ng::NAME, Literal::new_simple_literal(name).into());
        }
        for a in &self.aliases {
            add(ng::ALIAS, Literal::new_simple_literal(a).into());
        }
        for k in &self.kinds {
            add(ng::KIND, k.clone().into());
        }
        for r in &self.roles {
            add(ng::ROLE, Literal::new_simple_literal(r).into());
        }
        for a in &self.affiliations {
            add(ng::AFFILIATION, a.clone().into());
        }
        for w in &self.within {
            add(ng::WITHIN, w.clone().into());
        }
        for l in &self.links {
            add(ng::LINK, l.clone().into());
        }
        add(ng::ARTICLE_COUNT, Literal::from(self.articles).into());
        add(ng::FACT_COUNT, Literal::from(self.facts).into());
        if self.events > 0 {
            add(ng::EVENT_COUNT, Literal::from(self.events).into());
        }
        if let Some(d) = &self.last_seen {
            add(ng::LAST_SEEN, d.clone().into());
        }
        out
    }
}

fn count(l: &Literal) -> i64 {
    l.value().parse().unwrap_or(0)
}

/// Changes to write: quads to remove, then quads to insert.
#[derive(Default)]
struct Changes {
    remove: Vec<Quad>,
    insert: Vec<Quad>,
}

impl Changes {
    /// Replaces `before` by `after` (only the quads that differ).
    fn replace(&mut self, before: Vec<Quad>, after: Vec<Quad>) {
        let old: HashSet<&Quad> = before.iter().collect();
        let new: HashSet<&Quad> = after.iter().collect();
        let remove: Vec<Quad> = before.iter().filter(|q| !new.contains(q)).cloned().collect();
        let insert: Vec<Quad> = after.iter().filter(|q| !old.contains(q)).cloned().collect();
        self.remove.extend(remove);
        self.insert.extend(insert);
    }

    fn write(self, tx: &mut Transaction<'_>) {
        for q in &self.remove {
            tx.remove(q);
        }
        for q in &self.insert {
            tx.insert(q);
        }
    }
}

fn summary_graph() -> GraphName {
    GraphName::NamedNode(mint::summary())
}

/// The quads of `subject` in the summary graph.
fn summary_quads(
    tx: &Transaction<'_>,
    subject: &NamedNode,
    predicate: Option<NamedNodeRef<'_>>,
) -> Result<Vec<Quad>, StorageError> {
    let g = mint::summary();
    tx.quads_for_pattern(Some(subject.as_ref().into()), predicate, None, Some(GraphNameRef::NamedNode(g.as_ref())))
        .collect()
}

/// Whether an article graph (any named graph but the summary) holds the triple.
fn stated_anywhere(
    tx: &Transaction<'_>,
    s: &NamedNode,
    p: NamedNodeRef<'_>,
    o: TermRef<'_>,
) -> Result<bool, StorageError> {
    let summary = mint::summary();
    for q in tx.quads_for_pattern(Some(s.as_ref().into()), Some(p), Some(o), None) {
        match q?.graph_name {
            GraphName::NamedNode(g) if g == summary => {}
            GraphName::DefaultGraph => {}
            _ => return Ok(true),
        }
    }
    Ok(false)
}

/// The latest publication date of the graphs that type `e` as an entity.
fn latest_date(tx: &Transaction<'_>, e: &NamedNode) -> Result<Option<Literal>, StorageError> {
    let summary = mint::summary();
    let mut graphs = BTreeSet::new();
    for q in tx.quads_for_pattern(Some(e.as_ref().into()), Some(rdf::TYPE), None, None) {
        let q = q?;
        if let (GraphName::NamedNode(g), Term::NamedNode(c)) = (q.graph_name, &q.object) {
            if g != summary && ENTITY_CLASSES.contains(&c.as_ref()) {
                graphs.insert(g);
            }
        }
    }
    let mut latest: Option<Literal> = None;
    for g in graphs {
        for q in tx.quads_for_pattern(
            Some(g.as_ref().into()),
            Some(schema::DATE_PUBLISHED),
            None,
            Some(GraphNameRef::NamedNode(g.as_ref())),
        ) {
            if let Term::Literal(d) = q?.object {
                if latest.as_ref().is_none_or(|l| d.value() > l.value()) {
                    latest = Some(d);
                }
            }
        }
    }
    Ok(latest)
}

/// Updates one set of an entity's summary: adds what the new contributions
/// give; drops what only the old ones gave, unless an article graph still states
/// it (`predicate` and `term` say how an article graph states a member).
#[allow(clippy::too_many_arguments)]
fn merge<T: Ord + Clone>(
    tx: &Transaction<'_>,
    entity: &NamedNode,
    set: &mut BTreeSet<T>,
    old: &[&EntityFacts],
    new: &[&EntityFacts],
    field: impl Fn(&EntityFacts) -> &BTreeSet<T>,
    predicate: NamedNodeRef<'_>,
    term: impl Fn(&T) -> Term,
) -> Result<(), StorageError> {
    let added: BTreeSet<&T> = new.iter().flat_map(|f| field(f)).collect();
    let gone: BTreeSet<&T> =
        old.iter().flat_map(|f| field(f)).filter(|x| !added.contains(x) && set.contains(*x)).collect();
    set.extend(added.into_iter().cloned());
    for x in gone {
        if !stated_anywhere(tx, entity, predicate, term(x).as_ref())? {
            set.remove(x);
        }
    }
    Ok(())
}

/// A counter in the summary: `subject predicate n`, changed by `delta` (removed at 0).
fn bump(
    tx: &Transaction<'_>,
    changes: &mut Changes,
    subject: &NamedNode,
    predicate: NamedNodeRef<'_>,
    delta: i64,
) -> Result<(), StorageError> {
    if delta == 0 {
        return Ok(());
    }
    let before = summary_quads(tx, subject, Some(predicate))?;
    let n =
        before.iter().filter_map(|q| if let Term::Literal(l) = &q.object { Some(count(l)) } else { None }).sum::<i64>()
            + delta;
    let after = if n > 0 {
        vec![Quad::new(subject.clone(), predicate.into_owned(), Literal::from(n), summary_graph())]
    } else {
        Vec::new()
    };
    changes.replace(before, after);
    Ok(())
}

/// The violation quads of one graph.
fn violation_quads(graph: &NamedNode, violations: &[checks::Violation]) -> Vec<Quad> {
    let g = summary_graph();
    let mut out = Vec::with_capacity(violations.len() * 4);
    for (n, v) in violations.iter().enumerate() {
        let node = mint::local(graph, &format!("violation-{n}"));
        let mut add = |p: NamedNodeRef<'_>, o: Term| out.push(Quad::new(node.clone(), p.into_owned(), o, g.clone()));
        add(ng::CHECK, Literal::new_simple_literal(v.check).into());
        add(ng::IN_GRAPH, graph.clone().into());
        add(ng::NODE, v.node.clone());
        add(ng::DETAIL, Literal::new_simple_literal(&v.detail).into());
    }
    out
}

/// What the old and the new contributions say of one entity.
#[derive(Default)]
struct Sides<'a> {
    old: Vec<&'a EntityFacts>,
    new: Vec<&'a EntityFacts>,
    old_dates: Vec<&'a Literal>,
    new_dates: Vec<&'a Literal>,
}

/// Updates the summary in `tx` for graphs whose contributions went from `olds`
/// to `news` (the graphs themselves already changed in `tx`). A graph added has
/// no old contribution, a graph removed no new one.
pub fn apply(
    tx: &mut Transaction<'_>,
    olds: &[(&NamedNode, &Contribution)],
    news: &[(&NamedNode, &Contribution)],
) -> Result<(), StorageError> {
    let mut changes = Changes::default();
    // per entity: what the old and the new contributions say
    let mut touched: BTreeMap<&NamedNode, Sides<'_>> = BTreeMap::new();
    for (_, c) in olds {
        for (e, f) in &c.entities {
            let t = touched.entry(e).or_default();
            t.old.push(f);
            t.old_dates.extend(c.date.as_ref());
        }
    }
    for (_, c) in news {
        for (e, f) in &c.entities {
            let t = touched.entry(e).or_default();
            t.new.push(f);
            t.new_dates.extend(c.date.as_ref());
        }
    }
    let mut entity_counts: BTreeMap<NamedNode, i64> = BTreeMap::new();
    for (e, Sides { old, new, old_dates, new_dates }) in touched {
        let before = summary_quads(tx, e, None)?;
        let current = EntityState::read(&before);
        let mut next = current.clone();
        next.articles += new.len() as i64 - old.len() as i64;
        next.facts += new.iter().map(|f| f.facts).sum::<i64>() - old.iter().map(|f| f.facts).sum::<i64>();
        next.events += new.iter().map(|f| f.events).sum::<i64>() - old.iter().map(|f| f.events).sum::<i64>();
        if next.articles > 0 {
            // sets: what the new versions give is added; what only the old ones gave
            // is dropped when no graph gives it any more
            let literal = |x: &String| Term::from(Literal::new_simple_literal(x));
            let node = |x: &NamedNode| Term::from(x.clone());
            merge(tx, e, &mut next.aliases, &old, &new, |f| &f.aliases, rdf::LABEL, literal)?;
            merge(tx, e, &mut next.kinds, &old, &new, |f| &f.kinds, rdf::TYPE, node)?;
            merge(tx, e, &mut next.roles, &old, &new, |f| &f.roles, ng::HOLDS_ROLE, literal)?;
            merge(tx, e, &mut next.affiliations, &old, &new, |f| &f.affiliations, ng::AFFILIATED_WITH, node)?;
            merge(tx, e, &mut next.within, &old, &new, |f| &f.within, ng::PART_OF, node)?;
            merge(tx, e, &mut next.links, &old, &new, |f| &f.links, rdf::OWL_SAME_AS, node)?;
            // the latest date: looked up again only when the article that carried it goes
            let carried_gone =
                current.last_seen.as_ref().is_some_and(|d| old_dates.contains(&d) && !new_dates.contains(&d));
            if carried_gone {
                next.last_seen = latest_date(tx, e)?;
            } else {
                for d in new_dates {
                    if next.last_seen.as_ref().is_none_or(|l| d.value() > l.value()) {
                        next.last_seen = Some(d.clone());
                    }
                }
            }
        } else {
            next = EntityState::default();
        }
        for k in current.kinds.difference(&next.kinds) {
            *entity_counts.entry(k.clone()).or_default() -= 1;
        }
        for k in next.kinds.difference(&current.kinds) {
            *entity_counts.entry(k.clone()).or_default() += 1;
        }
        if next != current {
            changes.replace(before, next.quads(e));
        }
    }
    // per class, per predicate, and the store
    let mut instances: BTreeMap<&NamedNode, i64> = BTreeMap::new();
    let mut uses: BTreeMap<&NamedNode, i64> = BTreeMap::new();
    let mut quads = 0;
    for (sign, list) in [(-1, olds), (1, news)] {
        for (_, c) in list {
            for (k, n) in &c.classes {
                *instances.entry(k).or_default() += sign * n;
            }
            for (p, n) in &c.predicates {
                *uses.entry(p).or_default() += sign * n;
            }
            quads += sign * c.quads;
        }
    }
    for (k, n) in instances {
        bump(tx, &mut changes, k, ng::INSTANCE_COUNT, n)?;
    }
    for (k, n) in entity_counts {
        bump(tx, &mut changes, &k, ng::ENTITY_COUNT, n)?;
    }
    for (p, n) in uses {
        bump(tx, &mut changes, p, ng::USE_COUNT, n)?;
    }
    bump(tx, &mut changes, &mint::summary(), ng::QUAD_COUNT, quads)?;
    // violations, as recorded for each graph
    for (g, c) in olds {
        changes.remove.extend(violation_quads(g, &c.violations));
    }
    for (g, c) in news {
        changes.insert.extend(violation_quads(g, &c.violations));
    }
    changes.write(tx);
    let nodes: BTreeSet<&NamedNode> = olds.iter().chain(news).flat_map(|(_, c)| c.events.keys()).collect();
    events::refresh(tx, nodes)
}

/// What new graphs add to the summary, merged as they come: counts summed,
/// sets united, the latest date kept. Many batches of new articles become one
/// summary transaction of a few quads per entity (see [`apply_additions`]).
#[derive(Debug, Default)]
pub struct Additions {
    entities: BTreeMap<NamedNode, (i64, EntityFacts, Option<Literal>)>,
    classes: BTreeMap<NamedNode, i64>,
    predicates: BTreeMap<NamedNode, i64>,
    quads: i64,
    violations: Vec<Quad>,
    events: BTreeMap<NamedNode, events::Entries>,
    graphs: usize,
}

impl Additions {
    /// Adds the contribution of a new graph.
    pub fn add(&mut self, graph: &NamedNode, c: &Contribution) {
        for (e, f) in &c.entities {
            let (articles, facts, date) = self.entities.entry(e.clone()).or_default();
            *articles += 1;
            facts.kinds.extend(f.kinds.iter().cloned());
            facts.aliases.extend(f.aliases.iter().cloned());
            facts.roles.extend(f.roles.iter().cloned());
            facts.affiliations.extend(f.affiliations.iter().cloned());
            facts.within.extend(f.within.iter().cloned());
            facts.links.extend(f.links.iter().cloned());
            facts.facts += f.facts;
            facts.events += f.events;
            if let Some(d) = &c.date {
                if date.as_ref().is_none_or(|l| d.value() > l.value()) {
                    *date = Some(d.clone());
                }
            }
        }
        for (k, n) in &c.classes {
            *self.classes.entry(k.clone()).or_default() += n;
        }
        for (p, n) in &c.predicates {
            *self.predicates.entry(p.clone()).or_default() += n;
        }
        self.quads += c.quads;
        self.violations.extend(violation_quads(graph, &c.violations));
        for (node, entries) in &c.events {
            events::merge_entries(self.events.entry(node.clone()).or_default(), entries);
        }
        self.graphs += 1;
    }

    /// The events and quotations the graphs describe, with the entries they give them.
    pub fn events(&self) -> Vec<(&NamedNode, &events::Entries)> {
        self.events.iter().collect()
    }

    /// How many graphs were added.
    pub fn graphs(&self) -> usize {
        self.graphs
    }
}

/// Adds new graphs' merged contributions to the summary in `tx`.
pub fn apply_additions(tx: &mut Transaction<'_>, adds: &Additions) -> Result<(), StorageError> {
    let mut changes = Changes::default();
    let mut entity_counts: BTreeMap<NamedNode, i64> = BTreeMap::new();
    for (e, (articles, f, date)) in &adds.entities {
        let before = summary_quads(tx, e, None)?;
        let current = EntityState::read(&before);
        let mut next = current.clone();
        next.articles += articles;
        next.facts += f.facts;
        next.events += f.events;
        next.aliases.extend(f.aliases.iter().cloned());
        next.kinds.extend(f.kinds.iter().cloned());
        next.roles.extend(f.roles.iter().cloned());
        next.affiliations.extend(f.affiliations.iter().cloned());
        next.within.extend(f.within.iter().cloned());
        next.links.extend(f.links.iter().cloned());
        if let Some(d) = date {
            if next.last_seen.as_ref().is_none_or(|l| d.value() > l.value()) {
                next.last_seen = Some(d.clone());
            }
        }
        for k in next.kinds.difference(&current.kinds) {
            *entity_counts.entry(k.clone()).or_default() += 1;
        }
        if next != current {
            changes.replace(before, next.quads(e));
        }
    }
    for (k, n) in &adds.classes {
        bump(tx, &mut changes, k, ng::INSTANCE_COUNT, *n)?;
    }
    for (k, n) in entity_counts {
        bump(tx, &mut changes, &k, ng::ENTITY_COUNT, n)?;
    }
    for (p, n) in &adds.predicates {
        bump(tx, &mut changes, p, ng::USE_COUNT, *n)?;
    }
    bump(tx, &mut changes, &mint::summary(), ng::QUAD_COUNT, adds.quads)?;
    changes.insert.extend(adds.violations.iter().cloned());
    changes.write(tx);
    Ok(())
}

/// The quads of a named graph, read in `tx`.
pub fn graph_quads(tx: &Transaction<'_>, graph: &NamedNode) -> Result<Vec<Quad>, StorageError> {
    tx.quads_for_pattern(None, None, None, Some(GraphNameRef::NamedNode(graph.as_ref()))).collect()
}

/// Records graphs about to be bulk-loaded (see the module documentation).
pub fn mark_pending(tx: &mut Transaction<'_>, graphs: &[&NamedNode]) -> Result<(), StorageError> {
    let mut list: Vec<String> = pending(tx)?;
    list.extend(graphs.iter().map(|g| g.as_str().to_owned()));
    set_pending(tx, &list)
}

/// The graphs recorded as loaded but not summarised.
pub fn pending(tx: &Transaction<'_>) -> Result<Vec<String>, StorageError> {
    let mut out = Vec::new();
    for q in summary_quads(tx, &mint::summary(), Some(ng::PENDING))? {
        if let Term::Literal(l) = q.object {
            out.extend(l.value().split_whitespace().map(str::to_owned));
        }
    }
    Ok(out)
}

/// Replaces the pending record (none when `list` is empty).
pub fn set_pending(tx: &mut Transaction<'_>, list: &[String]) -> Result<(), StorageError> {
    let before = summary_quads(tx, &mint::summary(), Some(ng::PENDING))?;
    for q in &before {
        tx.remove(q);
    }
    if !list.is_empty() {
        tx.insert(&Quad::new(
            mint::summary(),
            ng::PENDING.into_owned(),
            Literal::new_simple_literal(list.join(" ")),
            summary_graph(),
        ));
    }
    Ok(())
}

/// The summary version recorded in the store.
pub fn version(tx: &Transaction<'_>) -> Result<Option<i64>, StorageError> {
    Ok(summary_quads(tx, &mint::summary(), Some(ng::SUMMARY_VERSION))?.iter().find_map(|q| match &q.object {
        Term::Literal(l) => l.value().parse().ok(),
        _ => None,
    }))
}

/// Records the summary version.
pub fn set_version(tx: &mut Transaction<'_>) -> Result<(), StorageError> {
    for q in summary_quads(tx, &mint::summary(), Some(ng::SUMMARY_VERSION))? {
        tx.remove(&q);
    }
    tx.insert(&Quad::new(
        mint::summary(),
        ng::SUMMARY_VERSION.into_owned(),
        Literal::new_typed_literal(VERSION.to_string(), xsd::INTEGER),
        summary_graph(),
    ));
    Ok(())
}

/// The named graphs of the store, but the summary graph.
pub fn article_graphs(tx: &Transaction<'_>) -> Result<Vec<NamedNode>, StorageError> {
    let summary = mint::summary();
    let mut out = Vec::new();
    for g in tx.named_graphs() {
        if let NamedOrBlankNode::NamedNode(n) = g? {
            if n != summary {
                out.push(n);
            }
        }
    }
    Ok(out)
}

/// Summarises `graphs` (as they are in `tx`) as new: adds their contributions.
pub fn add_graphs(tx: &mut Transaction<'_>, graphs: &[NamedNode]) -> Result<(), StorageError> {
    let mut contributions = Vec::with_capacity(graphs.len());
    for g in graphs {
        let quads = graph_quads(tx, g)?;
        if !quads.is_empty() {
            contributions.push((g, Contribution::of(g, &quads)));
        }
    }
    let news: Vec<(&NamedNode, &Contribution)> = contributions.iter().map(|(g, c)| (*g, c)).collect();
    apply(tx, &[], &news)
}

/// Empties the summary graph, in `tx`.
pub fn clear(tx: &mut Transaction<'_>) -> Result<(), StorageError> {
    tx.clear_graph(GraphNameRef::NamedNode(mint::summary().as_ref()))
}
