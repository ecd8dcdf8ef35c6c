//! Facts between entities: roles, affiliations, kinship, meetings, calls,
//! visits, places within places, and who stated which quotation.
//!
//! All rules read one sentence at a time and look for general English
//! constructions, never for particular names:
//! - **titles** before a name ("US special envoy X", "Ukrainian Ambassador to
//!   the US X", "French President X") give `holdsRole` (a singular formal
//!   title, as written) and `affiliatedWith` (the first nationality or country
//!   in the title); a plural title ("Ukrainian officials X and Y") gives the
//!   affiliation to every name it governs;
//! - **kinship**: "Y’s son-in-law X", "X, Y’s wife," give `relativeOf`;
//! - **meetings**: "talks/meeting/summit … between A, B and C", "A had a meeting
//!   with B", "A met (with) B"; a **call**: "a phone conversation with B";
//!   a **visit**: "a visit to P by A and B", "A visited P". Participants on
//!   different sides of a meeting (by affiliation) met each other; a group
//!   ("the US delegation", "French leaders") stands for the people it names;
//!   a meeting in the future of the article is a planned one;
//! - **places**: "P’s eastern Q region", "Q, P" give `partOf`.

use std::collections::{HashMap, HashSet};

use super::{dates, View};
use crate::lexicon;
use crate::lexicon::gazetteer::KbKind;
use crate::model::{
    Entity, EntityId, EntityType, Event, EventKind, MentionId, MentionKind, Object, Predicate, Quote, Relation,
    TokenKind,
};

/// Where an event is mentioned: its sentence, date and whether it is planned.
#[derive(Debug, Clone, Copy)]
struct At {
    sentence: usize,
    when: Option<chrono::NaiveDate>,
    planned: bool,
}

/// One member of a list of participants.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Item {
    /// A person, with the country their title gives.
    Person(EntityId, Option<EntityId>),
    /// A group named by nationality and a plural noun ("French leaders", "the US delegation").
    Group(Vec<EntityId>, String),
}

struct Extraction {
    events: Vec<Event>,
    relations: Vec<Relation>,
    seen: HashSet<(EntityId, Predicate, String)>,
    affiliation: HashMap<EntityId, EntityId>,
    /// Leaders and officials by entity: the lower-case words of their titles.
    titles: HashMap<EntityId, Vec<String>>,
    /// A meeting named without participants (its place), by sentence.
    pending_place: Option<(usize, EntityId)>,
}

impl Extraction {
    fn add(
        &mut self,
        subject: EntityId,
        predicate: Predicate,
        object: Object,
        sentence: usize,
        date: Option<chrono::NaiveDate>,
        qualifier: Option<String>,
    ) {
        let key = match &object {
            Object::Entity(e) => {
                if *e == subject {
                    return;
                }
                format!("e{e}")
            }
            Object::Literal(s) => format!("l{s}"),
        };
        let mirror = match &object {
            Object::Entity(e) if predicate.is_symmetric() => Some((*e, predicate, format!("e{subject}"))),
            _ => None,
        };
        if self.seen.contains(&(subject, predicate, key.clone())) || mirror.is_some_and(|m| self.seen.contains(&m)) {
            return;
        }
        self.seen.insert((subject, predicate, key));
        self.relations.push(Relation { subject, predicate, object, sentence, date, qualifier });
    }
}

/// Extracts events and relations; returns them with the entities it had to
/// create (countries named only by an adjective).
pub fn extract(view: &mut View<'_>, quotes: &[Quote]) -> (Vec<Event>, Vec<Relation>, Vec<Entity>) {
    let mut x = Extraction {
        events: Vec::new(),
        relations: Vec::new(),
        seen: HashSet::new(),
        affiliation: HashMap::new(),
        titles: HashMap::new(),
        pending_place: None,
    };
    let n_sentences = view.analysis.segmentation.sentences.len();
    // titles first, everywhere: groups such as "French leaders" may name people
    // whose title comes later in the article
    for s in 0..n_sentences {
        titles(view, &mut x, s);
    }
    for s in 0..n_sentences {
        let toks = view.sentence_tokens(s);
        let words: Vec<&str> = toks.clone().map(|i| view.word(i)).collect();
        let future = toks.clone().any(|i| !view.quoted[i] && lexicon::is_future_cue(view.word(i)));
        let date = dates::find(&words, toks.start, view.published, future);
        let when = date.map(|d| d.date);
        let planned = date.is_some_and(|d| d.future) || future;
        kinship(view, &mut x, s, when);
        places(view, &mut x, s);
        events(view, &mut x, At { sentence: s, when, planned });
    }
    for q in quotes {
        if let Some(speaker) = q.speaker {
            let text = q.span.text(view.text).to_owned();
            let words: Vec<&str> = view.sentence_tokens(q.sentence).map(|i| view.word(i)).collect();
            let date =
                dates::find(&words, view.sentence_tokens(q.sentence).start, view.published, false).map(|d| d.date);
            x.add(speaker, Predicate::Stated, Object::Literal(text), q.sentence, date, None);
        }
    }
    let extra = std::mem::take(&mut view.extra);
    (x.events, x.relations, extra)
}

/// The head title word of a title phrase and whether it is plural.
fn title_head(words: &[&str]) -> Option<(usize, lexicon::TitleKind, bool)> {
    words.iter().enumerate().rev().find_map(|(i, w)| {
        if let Some((k, _)) = lexicon::title(w) {
            Some((i, k, false))
        } else {
            let singular = w.strip_suffix('s')?;
            lexicon::title(singular).map(|(k, _)| (i, k, true))
        }
    })
}

/// Roles and affiliations from the title phrases before names.
fn titles(view: &mut View<'_>, x: &mut Extraction, s: usize) {
    let mentions: Vec<MentionId> = (0..view.analysis.mentions.len())
        .filter(|&m| view.analysis.mentions[m].sentence == s && view.analysis.mentions[m].kind == MentionKind::Name)
        .collect();
    for m in mentions {
        let mention = view.analysis.mentions[m].clone();
        let (Some(title), Some(e)) = (mention.title, view.entity(m)) else { continue };
        if view.etype(e) != EntityType::Person {
            continue;
        }
        let seg = &view.analysis.segmentation;
        let first = seg.token_at_or_after(title.start);
        let toks: Vec<usize> = (first..mention.tokens.start).collect();
        let words: Vec<&str> = toks.iter().map(|&i| view.word(i)).collect();
        let Some((head, kind, plural)) = title_head(&words) else { continue };
        x.titles.entry(e).or_default().extend(words.iter().map(|w| (*w).to_owned()));
        let when = None;
        if kind == lexicon::TitleKind::Role && !plural {
            let role = title.text(view.text).to_owned();
            x.add(e, Predicate::HoldsRole, Object::Literal(role), s, when, None);
        }
        // the first nationality or country before the head (not "to the US")
        let country = toks[..head].iter().find_map(|&i| {
            let w = view.analysis.segmentation.tokens[i].span.text(view.text);
            w.chars().next().is_some_and(char::is_uppercase).then(|| view.country_entity(w)).flatten()
        });
        let Some(country) = country else { continue };
        let mut governed = vec![e];
        if plural {
            // "Ukrainian officers A and B": the title governs the whole list
            let mut i = mention.tokens.end;
            while matches!(view.word(i), "and" | ",") {
                let Some(next) = view.mention_starting(i + 1) else { break };
                let nm = &view.analysis.mentions[next];
                if nm.etype != EntityType::Person || nm.title.is_some() {
                    break;
                }
                if let Some(ne) = view.entity(next) {
                    governed.push(ne);
                }
                i = nm.tokens.end;
            }
        }
        for p in governed {
            x.affiliation.entry(p).or_insert(country);
            x.add(p, Predicate::AffiliatedWith, Object::Entity(country), s, when, None);
        }
    }
}

/// "Y’s son-in-law X" and "X, Y’s wife,".
fn kinship(view: &mut View<'_>, x: &mut Extraction, s: usize, when: Option<chrono::NaiveDate>) {
    for p in view.sentence_tokens(s) {
        if view.kind(p) != Some(TokenKind::Possessive) || !lexicon::is_kin_term(view.word(p + 1)) {
            continue;
        }
        let Some(owner) = p.checked_sub(1).and_then(|k| view.mention_at[k]).and_then(|m| person(view, m)) else {
            continue;
        };
        let kin = view.word(p + 1).to_owned();
        let mut k = p + 2;
        if view.word(k) == "," {
            k += 1;
        }
        let relative = view.mention_starting(k).and_then(|m| person(view, m)).or_else(|| {
            // "X, Y’s wife,"
            let before = view.analysis.mentions[view.mention_at[p - 1]?].tokens.start;
            (view.word(before.wrapping_sub(1)) == ",")
                .then(|| before.checked_sub(2).and_then(|k| view.mention_at[k]).and_then(|m| person(view, m)))
                .flatten()
        });
        if let Some(r) = relative {
            x.add(r, Predicate::RelativeOf, Object::Entity(owner), s, when, Some(kin));
        }
    }
}

fn person(view: &View<'_>, m: MentionId) -> Option<EntityId> {
    let e = view.entity(m)?;
    (view.etype(e) == EntityType::Person).then_some(e)
}

fn place(view: &View<'_>, m: MentionId) -> Option<EntityId> {
    let e = view.entity(m)?;
    view.etype(e).is_place().then_some(e)
}

/// "P’s eastern Q region" and "Q, P".
fn places(view: &mut View<'_>, x: &mut Extraction, s: usize) {
    let toks = view.sentence_tokens(s);
    for i in toks.clone() {
        // P ’s (modifier)* Q
        if view.kind(i) == Some(TokenKind::Possessive) {
            let Some(outer) = i.checked_sub(1).and_then(|k| view.mention_at[k]).and_then(|m| place(view, m)) else {
                continue;
            };
            let mut k = i + 1;
            while k < toks.end
                && k < i + 4
                && view.mention_at[k].is_none()
                && view.kind(k) == Some(TokenKind::Word)
                && !lexicon::is_function_word(view.word(k))
            {
                k += 1;
            }
            if let Some(inner) = view.mention_starting(k).and_then(|m| place(view, m)) {
                x.add(inner, Predicate::PartOf, Object::Entity(outer), s, None, None);
            }
        }
        // Q , P — where P is a country or region the gazetteer knows
        if view.word(i) == "," {
            let (Some(a), Some(b)) = (i.checked_sub(1).and_then(|k| view.mention_at[k]), view.mention_starting(i + 1))
            else {
                continue;
            };
            let (Some(inner), Some(outer)) = (place(view, a), place(view, b)) else { continue };
            let outer_text = view.analysis.mentions[b].span.text(view.text);
            let inner_text = view.analysis.mentions[a].span.text(view.text);
            let kind_of = |t: &str| view.gaz.place(t).map(|id| view.gaz.entry(id).kind);
            let outer_big = matches!(kind_of(outer_text), Some(KbKind::Country | KbKind::Region));
            let inner_small = !matches!(kind_of(inner_text), Some(KbKind::Country));
            let after = view.analysis.mentions[b].tokens.end;
            let ends_phrase =
                matches!(view.word(after), "," | "." | ";" | ")" | "") || view.kind(after) == Some(TokenKind::Punct);
            if outer_big && inner_small && ends_phrase {
                x.add(inner, Predicate::PartOf, Object::Entity(outer), s, None, None);
            }
        }
    }
}

/// Meetings, calls and visits in a sentence.
fn events(view: &mut View<'_>, x: &mut Extraction, at: At) {
    let toks = view.sentence_tokens(at.sentence);
    let mut used_until = toks.start;
    for t in toks.clone() {
        if t < used_until || view.mention_at[t].is_some() {
            continue;
        }
        let w = view.word(t).to_owned();
        let end = if lexicon::is_phone_word(&w) {
            call(view, x, t, at)
        } else if lexicon::is_meeting_noun(&w) || lexicon::is_meet_verb(&w) {
            meeting(view, x, t, at)
        } else if lexicon::is_visit_noun(&w)
            || matches!(w.as_str(), "visited" | "visiting" | "travelled" | "traveled" | "flew" | "arrived")
        {
            visit(view, x, t, at)
        } else {
            None
        };
        if let Some(end) = end {
            used_until = end;
        }
    }
}

/// Position of `word` within `range` tokens after `t`, skipping quote marks.
fn find_after(view: &View<'_>, t: usize, range: usize, end: usize, word: &str) -> Option<usize> {
    (t + 1..end.min(t + 1 + range)).find(|&k| view.word(k) == word)
}

/// Parses a list of participants starting at token `i`; returns the items and where it stopped.
fn list(view: &mut View<'_>, mut i: usize, end: usize) -> (Vec<Item>, usize) {
    let mut items = Vec::new();
    let mut countries: Vec<EntityId> = Vec::new();
    while i < end {
        let w = view.word(i).to_owned();
        if matches!(w.as_str(), "," | "and" | "&" | "the" | "his" | "her" | "their" | "its") {
            i += 1;
            continue;
        }
        if w == "as" && view.word(i + 1) == "well" && view.word(i + 2) == "as" {
            i += 3;
            continue;
        }
        if let Some(m) = view.mention_starting(i) {
            let mention = view.analysis.mentions[m].clone();
            let after = mention.tokens.end;
            if view.kind(after) == Some(TokenKind::Possessive) {
                // a modifier: "President X’s son-in-law Y"
                i = after + 1;
                continue;
            }
            // the first word of a title phrase that belongs to a later name
            if let Some(owner) = title_owner(view, i, end) {
                i = owner;
                continue;
            }
            match view.entity(m) {
                Some(e) if view.etype(e) == EntityType::Person => {
                    items.push(Item::Person(e, None));
                    i = after;
                    continue;
                }
                Some(e) if view.etype(e).is_place() => {
                    let text = mention.span.text(view.text).to_owned();
                    if let Some(c) = view.country_entity(&text) {
                        countries.push(c);
                        i = after;
                        continue;
                    }
                    break;
                }
                _ => break,
            }
        }
        if let Some(owner) = title_owner(view, i, end) {
            i = owner;
            continue;
        }
        let original = view.analysis.segmentation.tokens[i].span.text(view.text).to_owned();
        if original.chars().next().is_some_and(char::is_uppercase) {
            if let Some(c) = view.country_entity(&original) {
                countries.push(c);
                i += 1;
                continue;
            }
        }
        if lexicon::is_group_noun(&w) || (lexicon::is_leader_title(w.trim_end_matches('s')) && w.ends_with('s')) {
            items.push(Item::Group(std::mem::take(&mut countries), w));
            i += 1;
            continue;
        }
        if lexicon::is_kin_term(&w) || title_word(&w) {
            i += 1;
            continue;
        }
        break;
    }
    (items, i)
}

fn title_word(w: &str) -> bool {
    lexicon::title(w).is_some() || w.strip_suffix('s').is_some_and(|s| lexicon::title(s).is_some())
}

/// If token `i` starts the title phrase of a name mention before `end`, where that name starts.
fn title_owner(view: &View<'_>, i: usize, end: usize) -> Option<usize> {
    let start = view.analysis.segmentation.tokens[i].span.start;
    (i..end.min(i + 10)).find_map(|k| {
        let m = view.mention_starting(k)?;
        let mention = &view.analysis.mentions[m];
        let title = mention.title?;
        (title.start == start && k > i).then_some(k)
    })
}

/// The people a list names, with their affiliations; groups resolve to the
/// people they stand for.
fn resolve_items(view: &View<'_>, x: &Extraction, items: &[Item], s: usize) -> Vec<Party> {
    let mut out: Vec<Party> = Vec::new();
    for item in items {
        match item {
            Item::Person(e, _) => {
                if !out.iter().any(|o| o.0 == *e) {
                    out.push((*e, x.affiliation.get(e).copied(), true));
                }
            }
            Item::Group(countries, noun) => {
                for (e, aff) in group_members(view, x, countries, noun, s) {
                    if !out.iter().any(|o| o.0 == e) {
                        out.push((e, aff, false));
                    }
                }
            }
        }
    }
    out
}

/// Who a group stands for: leaders by nationality, or the people of a recent event.
fn group_members(
    view: &View<'_>,
    x: &Extraction,
    countries: &[EntityId],
    noun: &str,
    s: usize,
) -> Vec<(EntityId, Option<EntityId>)> {
    let singular = noun.trim_end_matches('s');
    if lexicon::is_leader_title(singular) {
        if countries.is_empty() {
            return Vec::new();
        }
        let mut found: Vec<(EntityId, Option<EntityId>)> = x
            .titles
            .iter()
            .filter(|(e, words)| {
                words.iter().any(|w| lexicon::is_leader_title(w))
                    && x.affiliation.get(e).is_some_and(|a| countries.contains(a))
            })
            .map(|(e, _)| (*e, x.affiliation.get(e).copied()))
            .collect();
        found.sort_unstable();
        return found;
    }
    // the people of the most recent event with two or more of them
    let recent = x.events.iter().rev().take_while(|ev| ev.sentence + 3 >= s).find(|ev| ev.participants.len() >= 2);
    let Some(ev) = recent else { return Vec::new() };
    ev.participants
        .iter()
        .filter(|p| view.etype(**p) == EntityType::Person)
        .filter(|p| countries.is_empty() || x.affiliation.get(p).is_none_or(|a| countries.contains(a)))
        .map(|p| (*p, x.affiliation.get(p).copied()))
        .collect()
}

/// The subject of an event word: a person or group just before it in the clause.
fn subject(view: &mut View<'_>, t: usize, s: usize) -> Vec<Item> {
    let floor = view.sentence_tokens(s).start;
    let mut k = t;
    while k > floor {
        k -= 1;
        let w = view.word(k).to_owned();
        if matches!(w.as_str(), ";" | ":") {
            break;
        }
        if let Some(m) = view.mention_at[k] {
            let mention = view.analysis.mentions[m].clone();
            if view.kind(mention.tokens.end) == Some(TokenKind::Possessive) && mention.tokens.end + 1 == t {
                // "X’s visit"
            } else if view.kind(mention.tokens.end) == Some(TokenKind::Possessive) {
                continue;
            }
            if let Some(e) = view.entity(m).filter(|&e| view.etype(e) == EntityType::Person) {
                return vec![Item::Person(e, None)];
            }
            continue;
        }
        if lexicon::is_group_noun(&w) {
            // nationality words just before the noun
            let mut countries = Vec::new();
            let mut j = k;
            while j > floor && j + 4 > k {
                j -= 1;
                let original = view.analysis.segmentation.tokens[j].span.text(view.text).to_owned();
                if let Some(c) =
                    original.chars().next().filter(|c| c.is_uppercase()).and_then(|_| view.country_entity(&original))
                {
                    countries.push(c);
                } else if !matches!(view.word(j), "and" | ",") {
                    break;
                }
            }
            return vec![Item::Group(countries, w)];
        }
    }
    Vec::new()
}

/// The place of an event: "in P" after the trigger, or a place name just before it ("the Miami talks").
fn event_place(view: &View<'_>, t: usize, from: usize, s: usize) -> Option<EntityId> {
    let end = view.sentence_tokens(s).end;
    for k in from..end {
        if matches!(view.word(k), "in" | "at") {
            if let Some(p) = view.mention_starting(k + 1).and_then(|m| place(view, m)) {
                return Some(p);
            }
        }
    }
    t.checked_sub(1)
        .and_then(|k| view.mention_at[k])
        .filter(|&m| view.analysis.mentions[m].tokens.end == t)
        .and_then(|m| place(view, m))
}

fn record_event(
    view: &View<'_>,
    x: &mut Extraction,
    kind: EventKind,
    t: usize,
    participants: Vec<EntityId>,
    place: Option<EntityId>,
    at: At,
) {
    x.events.push(Event {
        kind,
        trigger: view.span(t, t + 1),
        participants,
        place,
        date: at.when,
        planned: at.planned,
        sentence: at.sentence,
    });
}

/// "talks between A and B", "A had a meeting with B", "A met (with) B".
fn meeting(view: &mut View<'_>, x: &mut Extraction, t: usize, at: At) -> Option<usize> {
    let (s, when, planned) = (at.sentence, at.when, at.planned);
    let end = view.sentence_tokens(s).end;
    let is_verb = lexicon::is_meet_verb(view.word(t)) && !lexicon::is_meeting_noun(view.word(t));
    let predicate = if planned { Predicate::PlannedMeetingWith } else { Predicate::MetWith };
    let (pairs, participants, stop, from) =
        if let Some(b) = (!is_verb).then(|| find_after(view, t, 7, end, "between")).flatten() {
            let (items, stop) = list(view, b + 1, end);
            let people = resolve_items(view, x, &items, s);
            if people.len() < 2 {
                record_pending(view, x, t, s);
                return None;
            }
            // sides by affiliation: a name without one joins the side before it
            let mut sides = Vec::new();
            let mut current = None;
            for (_, aff, _) in &people {
                if aff.is_some() {
                    current = *aff;
                }
                sides.push(current);
            }
            let mut pairs = Vec::new();
            let distinct: HashSet<_> = sides.iter().flatten().collect();
            for a in 0..people.len() {
                for b in a + 1..people.len() {
                    if distinct.len() < 2 || sides[a] != sides[b] {
                        pairs.push((people[a].0, people[b].0));
                    }
                }
            }
            // a side inferred for a named person is an affiliation as written in the list
            for (k, (e, aff, named)) in people.iter().enumerate() {
                if aff.is_none() && *named {
                    if let Some(side) = sides[k] {
                        x.affiliation.entry(*e).or_insert(side);
                        x.add(*e, Predicate::AffiliatedWith, Object::Entity(side), s, None, None);
                    }
                }
            }
            (pairs, people, stop, b)
        } else {
            let with = if is_verb {
                Some(if view.word(t + 1) == "with" { t + 1 } else { t })
            } else {
                (t + 1..end.min(t + 4))
                    .find(|&k| view.word(k) == "with" && !(t + 1..k).any(|j| view.mention_at[j].is_some()))
            };
            let Some(w) = with else {
                record_pending(view, x, t, s);
                return None;
            };
            let (subjects, objects, stop) = sides(view, x, t, w, s)?;
            let mut pairs = Vec::new();
            for a in &subjects {
                for b in &objects {
                    pairs.push((a.0, b.0));
                }
            }
            let mut people = subjects;
            people.extend(objects);
            (pairs, people, stop, w)
        };
    // "the talks" refers back to talks named just before, and takes their place
    let definite = (t.saturating_sub(3)..t).any(|k| view.word(k) == "the");
    let place = event_place(view, t, from, s)
        .or_else(|| x.pending_place.filter(|(ps, _)| definite && *ps + 2 >= s).map(|(_, p)| p));
    for (a, b) in pairs {
        x.add(a, predicate, Object::Entity(b), s, when, None);
    }
    if let Some(p) = place {
        let visit = if planned { Predicate::PlannedVisit } else { Predicate::Visited };
        for (e, _, named) in &participants {
            if *named {
                x.add(*e, visit, Object::Entity(p), s, when, None);
            }
        }
    }
    let ids = participants.iter().map(|p| p.0).collect();
    record_event(view, x, EventKind::Meeting, t, ids, place, at);
    Some(stop)
}

/// A person taking part: the entity, its affiliation, whether the text names it (not a group).
type Party = (EntityId, Option<EntityId>, bool);

/// The people on each side of "A … with B and C": the subject before the event
/// word `t`, and the list after "with" at `with`; and where the list stops.
fn sides(
    view: &mut View<'_>,
    x: &Extraction,
    t: usize,
    with: usize,
    s: usize,
) -> Option<(Vec<Party>, Vec<Party>, usize)> {
    let end = view.sentence_tokens(s).end;
    let (objects, stop) = list(view, with + 1, end);
    let subject_items = subject(view, t, s);
    let subjects = resolve_items(view, x, &subject_items, s);
    let objects = resolve_items(view, x, &objects, s);
    (!subjects.is_empty() && !objects.is_empty()).then_some((subjects, objects, stop))
}

/// A meeting word with no participants may still say where talks happen.
fn record_pending(view: &View<'_>, x: &mut Extraction, t: usize, s: usize) {
    if let Some(p) = event_place(view, t, t + 1, s) {
        x.pending_place = Some((s, p));
    }
}

/// "A had a phone conversation with B and C".
fn call(view: &mut View<'_>, x: &mut Extraction, t: usize, at: At) -> Option<usize> {
    let (s, when) = (at.sentence, at.when);
    let end = view.sentence_tokens(s).end;
    let w = (t + 1..end.min(t + 5)).find(|&k| view.word(k) == "with")?;
    let (subjects, objects, stop) = sides(view, x, t, w, s)?;
    for a in &subjects {
        for b in &objects {
            x.add(a.0, Predicate::Phoned, Object::Entity(b.0), s, when, None);
        }
    }
    let ids = subjects.iter().chain(&objects).map(|p| p.0).collect();
    record_event(view, x, EventKind::PhoneCall, t, ids, None, at);
    Some(stop)
}

/// "a visit to P by A and B", "A’s trip to P", "A visited P", "A arrived in P".
fn visit(view: &mut View<'_>, x: &mut Extraction, t: usize, at: At) -> Option<usize> {
    let (s, when, planned) = (at.sentence, at.when, at.planned);
    let end = view.sentence_tokens(s).end;
    let is_noun = lexicon::is_visit_noun(view.word(t));
    // the place: right after the verb, or after "to"/"in"
    let mut k = t + 1;
    while k < end.min(t + 4) && matches!(view.word(k), "to" | "in" | "the") {
        k += 1;
    }
    let m = view.mention_starting(k)?;
    let p = place(view, m)?;
    let after = view.analysis.mentions[m].tokens.end;
    let mut people = Vec::new();
    if is_noun && view.word(after) == "by" {
        let (items, _) = list(view, after + 1, end);
        people = resolve_items(view, x, &items, s);
    }
    if people.is_empty() {
        let subject_items = subject(view, t, s);
        people = resolve_items(view, x, &subject_items, s);
    }
    if people.is_empty() {
        return None;
    }
    let predicate = if planned { Predicate::PlannedVisit } else { Predicate::Visited };
    for (e, _, _) in &people {
        x.add(*e, predicate, Object::Entity(p), s, when, None);
    }
    let ids = people.iter().map(|p| p.0).collect();
    record_event(view, x, EventKind::Visit, t, ids, Some(p), at);
    Some(after)
}
