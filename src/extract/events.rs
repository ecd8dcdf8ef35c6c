//! Events, found the way reporters write them, each with a CAMEO code
//! ([`crate::cameo`]), its sentence, a date and a place when the text gives
//! them.
//!
//! - **meetings** (040; 046 when they are negotiations; 043 when one side hosts;
//!   036 when announced for later): "talks/a meeting/a summit between A, B and
//!   C", "A had a meeting with B", "A held talks with B", "A met (with) B",
//!   "A and B met", "A and B held talks", "A hosted/received/welcomed B", "B was
//!   received by A", "A is due to meet B", "A negotiated with B", "in a meeting
//!   with B on Monday, A said …", "A visited B" (a person);
//! - **calls** (041): "a phone call with B", "A spoke by phone with B", "A and
//!   B spoke by phone", "A spoke to B by telephone", "in a call with B, A …",
//!   talks "by phone";
//! - **visits** (042): "a visit to P by A and B", "A's trip to P", "A visited
//!   P", "A arrived in P", "A flew to P", "A will travel to P";
//! - **other acts** between parties (an appeal 020, praise 051, an apology 055,
//!   an agreement 057, an investigation 090, a demand 100, criticism 111, an
//!   accusation 112, a rejection 120, a threat 130, a protest 141, sanctions
//!   163, an arrest 173, an expulsion 174, an attack 190): "A urged B to …",
//!   "A called on B to …", "A accused B of …", "B was arrested by A", "A and B
//!   signed an agreement", "A imposed sanctions on B".
//!
//! Participants are people named in the sentence, people a role or pronoun
//! stands for (coreference: "the envoy", "he"), groups that stand for people
//! named before ("the US delegation", "French leaders", "the two leaders"), and
//! for acts also organisations, countries and agents named by role ("police
//! arrested him"). An event is planned when a word of the future comes before
//! it in its clause ("is due to", "will", "plans to") or its date lies after
//! publication.

use std::collections::HashSet;

use chrono::NaiveDate;

use super::agents;
use super::relations::{place, Extraction};
use super::View;
use crate::cameo::Cameo;
use crate::lexicon;
use crate::model::{EntityId, EntityType, Event, EventKind, MentionKind, Object, Predicate, Span, TokenKind};

/// Where an event is mentioned: its sentence and its date.
#[derive(Debug, Clone, Copy)]
pub struct At {
    /// The sentence.
    pub sentence: usize,
    /// The date the sentence gives, resolved.
    pub when: Option<NaiveDate>,
    /// Whether that date lies after publication.
    pub future_date: bool,
    /// The date expression, when it could not be resolved.
    pub date_text: Option<Span>,
}

/// One member of a list of participants.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Item {
    /// A person.
    Person(EntityId),
    /// A group named by nationality and a plural noun ("French leaders", "the
    /// US delegation"), with a number when the text gives one ("the two leaders").
    Group(Vec<EntityId>, String, Option<usize>),
}

/// A person taking part: the entity, its affiliation, whether the text names it (not a group).
type Party = (EntityId, Option<EntityId>, bool);

/// Verbs of meeting as a host ("A hosted B", "B was received by A").
#[rustfmt::skip]
const HOST_VERBS: &[&str] = &[
    "host", "hosted", "hosting", "hosts", "receive", "received", "receives", "receiving", "welcome",
    "welcomed", "welcomes", "welcoming",
];

/// Verbs of negotiating ("A negotiated with B").
#[rustfmt::skip]
const NEGOTIATE_VERBS: &[&str] = &[
    "negotiate", "negotiated", "negotiates", "negotiating",
];

/// Verbs of going somewhere ("A flew to P"), besides the visit nouns.
#[rustfmt::skip]
const TRAVEL_VERBS: &[&str] = &[
    "arrive", "arrived", "arrives", "arriving", "flew", "flies", "fly", "flying", "landed",
    "traveled", "traveling", "travelled", "travelling", "travels", "visited", "visiting",
];

/// Verbs of speaking that a phone word in the sentence makes a call ("A spoke to B by phone").
#[rustfmt::skip]
const SPEAK_VERBS: &[&str] = &[
    "chatted", "speak", "speaking", "speaks", "spoke", "spoken", "talk", "talked", "talking",
];

/// Nouns of a formal agreement ("signed an agreement").
#[rustfmt::skip]
const AGREEMENT_NOUNS: &[&str] = &[
    "accord", "accords", "agreement", "agreements", "ceasefire", "deal", "deals", "memorandum",
    "pact", "treaty", "truce",
];

/// Verbs of other acts, with their CAMEO code and the preposition that
/// introduces their target when it does not follow the verb ("appealed to B").
#[rustfmt::skip]
const ACT_VERBS: &[(&str, Cameo, Option<&str>)] = &[
    ("accuse", Cameo::Accuse, None),
    ("accused", Cameo::Accuse, None),
    ("accuses", Cameo::Accuse, None),
    ("accusing", Cameo::Accuse, None),
    ("apologised", Cameo::Apologize, Some("to")),
    ("apologises", Cameo::Apologize, Some("to")),
    ("apologized", Cameo::Apologize, Some("to")),
    ("apologizes", Cameo::Apologize, Some("to")),
    ("appealed", Cameo::Appeal, Some("to")),
    ("appeals", Cameo::Appeal, Some("to")),
    ("arrest", Cameo::Arrest, None),
    ("arrested", Cameo::Arrest, None),
    ("arrests", Cameo::Arrest, None),
    ("attacked", Cameo::Fight, None),
    ("attacks", Cameo::Fight, None),
    ("blamed", Cameo::Accuse, None),
    ("blames", Cameo::Accuse, None),
    ("bombed", Cameo::Fight, None),
    ("brokered", Cameo::Mediate, None),
    ("commended", Cameo::Praise, None),
    ("condemned", Cameo::Criticize, None),
    ("condemns", Cameo::Criticize, None),
    ("criticised", Cameo::Criticize, None),
    ("criticises", Cameo::Criticize, None),
    ("criticized", Cameo::Criticize, None),
    ("criticizes", Cameo::Criticize, None),
    ("demanded", Cameo::Demand, None),
    ("demands", Cameo::Demand, None),
    ("demonstrated", Cameo::Demonstrate, Some("against")),
    ("denounced", Cameo::Criticize, None),
    ("denounces", Cameo::Criticize, None),
    ("deported", Cameo::Expel, None),
    ("deports", Cameo::Expel, None),
    ("detained", Cameo::Arrest, None),
    ("detains", Cameo::Arrest, None),
    ("expelled", Cameo::Expel, None),
    ("expels", Cameo::Expel, None),
    ("hailed", Cameo::Praise, None),
    ("invaded", Cameo::Fight, None),
    ("investigated", Cameo::Investigate, None),
    ("investigates", Cameo::Investigate, None),
    ("investigating", Cameo::Investigate, None),
    ("lauded", Cameo::Praise, None),
    ("mediated", Cameo::Mediate, None),
    ("praised", Cameo::Praise, None),
    ("praises", Cameo::Praise, None),
    ("protested", Cameo::Demonstrate, Some("against")),
    ("rallied", Cameo::Demonstrate, Some("against")),
    ("rejected", Cameo::Reject, None),
    ("rejects", Cameo::Reject, None),
    ("sanctioned", Cameo::Sanction, None),
    ("shelled", Cameo::Fight, None),
    ("threatened", Cameo::Threaten, None),
    ("threatens", Cameo::Threaten, None),
    ("urge", Cameo::Appeal, None),
    ("urged", Cameo::Appeal, None),
    ("urges", Cameo::Appeal, None),
];

fn has(list: &[&str], w: &str) -> bool {
    list.binary_search(&w).is_ok()
}

/// Meetings, calls, visits and other acts in a sentence.
pub(super) fn events(view: &mut View<'_>, x: &mut Extraction, at: At) {
    let toks = view.sentence_tokens(at.sentence);
    let phone_context = toks.clone().any(|k| phone_word(view, k));
    let mut used_until = toks.start;
    for t in toks.clone() {
        if t < used_until || view.mention_at[t].is_some() {
            continue;
        }
        let w = view.word(t).to_owned();
        let end = if phone_word(view, t) {
            call(view, x, t, at)
        } else if lexicon::is_meeting_noun(&w)
            || lexicon::is_meet_verb(&w)
            || has(HOST_VERBS, &w)
            || has(NEGOTIATE_VERBS, &w)
        {
            meeting(view, x, t, at)
        } else if lexicon::is_visit_noun(&w) || has(TRAVEL_VERBS, &w) {
            visit(view, x, t, at)
        } else if has(SPEAK_VERBS, &w) && phone_context {
            spoke_by_phone(view, x, t, at)
        } else if !view.quoted[t] {
            act(view, x, t, at)
        } else {
            None
        };
        if let Some(end) = end {
            used_until = end;
        }
    }
}

/// Whether token `k` makes a conversation a phone call ("phone", "a call with",
/// not "called for" or "calls on").
fn phone_word(view: &View<'_>, k: usize) -> bool {
    let w = view.word(k);
    lexicon::is_phone_word(w)
        && view.mention_at[k].is_none()
        && !(w.starts_with("call")
            && matches!(view.word(k + 1), "for" | "on" | "off" | "up" | "it" | "them" | "him" | "her"))
}

/// Whether the event at trigger `t` lies in the future: a word of the future
/// before it in its clause ("is due to meet", "will travel", "plans to visit",
/// "a summit planned for"), or a date after publication.
fn planned(view: &View<'_>, at: At, t: usize) -> bool {
    let floor = view.sentence_tokens(at.sentence).start;
    let before = (t.saturating_sub(8).max(floor)..t).rev().take_while(|&k| !matches!(view.word(k), ";" | ":"));
    let after = t + 1..(t + 3).min(view.sentence_tokens(at.sentence).end);
    // "agreed to meet", "hope to visit": an intention, not a purpose ("flew to Oslo to meet")
    let intended = t >= 2 && view.word(t - 1) == "to" && is_intention(view.word(t - 2));
    let ahead = at.date_text.is_some_and(|d| {
        let d = d.text(view.text).to_lowercase();
        d.starts_with("next") || d.starts_with("coming") || d == "tomorrow"
    });
    at.future_date
        || intended
        || ahead
        || before
            .chain(after)
            .any(|k| !view.quoted[k] && lexicon::is_future_cue(view.word(k)) && view.word(k) != "later")
}

/// Verbs of intending that put the verb after "to" in the future: "agreed to meet".
fn is_intention(w: &str) -> bool {
    matches!(
        w,
        "agree"
            | "agreed"
            | "agrees"
            | "aim"
            | "aims"
            | "decided"
            | "expect"
            | "expects"
            | "hope"
            | "hopes"
            | "hoped"
            | "intend"
            | "intends"
            | "intended"
            | "offered"
            | "promise"
            | "promised"
            | "promises"
            | "want"
            | "wants"
            | "wanted"
            | "seek"
            | "seeks"
            | "sought"
            | "is"
            | "are"
            | "pledged"
            | "vowed"
    )
}

/// Position of `word` within `range` tokens after `t`.
fn find_after(view: &View<'_>, t: usize, range: usize, end: usize, word: &str) -> Option<usize> {
    (t + 1..end.min(t + 1 + range)).find(|&k| view.word(k) == word)
}

/// Parses a list of participants starting at token `i`; returns the items and where it stopped.
fn list(view: &mut View<'_>, mut i: usize, end: usize) -> (Vec<Item>, usize) {
    let mut items = Vec::new();
    let mut countries: Vec<EntityId> = Vec::new();
    let mut number = None;
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
        if let Some(n) = number_word(&w) {
            number = Some(n);
            i += 1;
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
                    items.push(Item::Person(e));
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
        if is_group_word(&w) {
            items.push(Item::Group(std::mem::take(&mut countries), w, number.take()));
            i += 1;
            continue;
        }
        if lexicon::is_kin_term(&w)
            || lexicon::title_or_plural(&w).is_some()
            || matches!(w.as_str(), "counterpart" | "counterparts")
        {
            i += 1;
            continue;
        }
        break;
    }
    (items, i)
}

/// "two", "three", "both": how many people a group phrase counts.
fn number_word(w: &str) -> Option<usize> {
    match w {
        "two" | "both" => Some(2),
        "three" => Some(3),
        "four" => Some(4),
        _ => None,
    }
}

/// Whether a plural noun stands for people taking part: "delegation",
/// "officials", "leaders", "presidents", "men".
fn is_group_word(w: &str) -> bool {
    lexicon::is_group_noun(w)
        || matches!(w, "men" | "women")
        || (w.ends_with('s')
            && lexicon::title(w.trim_end_matches('s')).is_some_and(|(k, _)| k == lexicon::TitleKind::Role))
}

/// If token `i` starts the title phrase of a name mention before `end`, where that name starts.
/// ("Commerce Secretary X" when the title the recogniser gave is "Secretary").
fn title_owner(view: &View<'_>, i: usize, end: usize) -> Option<usize> {
    let start = view.analysis.segmentation.tokens[i].span.start;
    let capitalised = |k: usize| {
        view.kind(k) == Some(TokenKind::Word)
            && view.analysis.segmentation.tokens[k].span.text(view.text).starts_with(char::is_uppercase)
    };
    (i..end.min(i + 10)).find_map(|k| {
        let m = view.mention_starting(k)?;
        let mention = &view.analysis.mentions[m];
        let title = mention.title?;
        let first = view.analysis.segmentation.token_at_or_after(title.start);
        let modifiers = (i..first).all(capitalised);
        ((title.start <= start || modifiers) && start < mention.span.start && k > i).then_some(k)
    })
}

/// The people a list names, with their affiliations; groups resolve to the
/// people they stand for.
fn resolve_items(view: &View<'_>, x: &Extraction, items: &[Item], t: usize, s: usize) -> Vec<Party> {
    let mut out: Vec<Party> = Vec::new();
    for item in items {
        match item {
            Item::Person(e) => {
                if !out.iter().any(|o| o.0 == *e) {
                    out.push((*e, x.affiliation.get(e).copied(), true));
                }
            }
            Item::Group(countries, noun, number) => {
                for (e, aff) in group_members(view, x, countries, noun, *number, t, s) {
                    if !out.iter().any(|o| o.0 == e) {
                        out.push((e, aff, false));
                    }
                }
            }
        }
    }
    out
}

/// Who a group stands for: leaders by nationality; "the two leaders", the
/// last two leaders (or people, for "the two men") named before; else the
/// people of a recent event.
fn group_members(
    view: &View<'_>,
    x: &Extraction,
    countries: &[EntityId],
    noun: &str,
    number: Option<usize>,
    t: usize,
    s: usize,
) -> Vec<(EntityId, Option<EntityId>)> {
    let singular = noun.trim_end_matches('s');
    if lexicon::is_leader_title(singular) && !countries.is_empty() {
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
    if let Some(n) = number.filter(|_| countries.is_empty()) {
        // the last n people named before, who hold the role the noun names ("the two leaders")
        // the last n people named before: first those whose title fits the noun, then any
        let before = view.analysis.segmentation.tokens[t].span.start;
        let recent: Vec<EntityId> = view
            .analysis
            .mentions
            .iter()
            .enumerate()
            .rev()
            .filter(|(_, m)| m.span.end <= before && m.sentence + 3 >= s)
            .filter_map(|(k, _)| view.entity(k).filter(|&e| view.etype(e) == EntityType::Person))
            .collect();
        let titled = |e: &EntityId| {
            x.titles.get(e).is_some_and(|words| {
                words.iter().any(|w| w == singular || lexicon::is_leader_title(singular) && lexicon::is_leader_title(w))
            })
        };
        let mut found: Vec<EntityId> = Vec::new();
        for e in recent.iter().filter(|e| titled(e)).chain(recent.iter()) {
            if !found.contains(e) && found.len() < n {
                found.push(*e);
            }
        }
        return if found.len() == n {
            found.into_iter().map(|e| (e, x.affiliation.get(&e).copied())).collect()
        } else {
            Vec::new()
        };
    }
    if lexicon::is_leader_title(singular) {
        return Vec::new();
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

/// The subject of an event word: a person or group just before it in the
/// clause, with the people coordinated with it ("A and B met").
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
                let mut items = vec![Item::Person(e)];
                coordinated(view, mention_start(view, m), floor, &mut items);
                items.reverse();
                return items;
            }
            continue;
        }
        if is_group_word(&w) && (lexicon::is_group_noun(&w) || number_word(view.word(k.saturating_sub(1))).is_some()) {
            // nationality words and a number just before the noun
            let mut countries = Vec::new();
            let mut number = None;
            let mut j = k;
            while j > floor && j + 4 > k {
                j -= 1;
                let original = view.analysis.segmentation.tokens[j].span.text(view.text).to_owned();
                if let Some(n) = number_word(view.word(j)) {
                    number = Some(n);
                } else if let Some(c) =
                    original.chars().next().filter(|c| c.is_uppercase()).and_then(|_| view.country_entity(&original))
                {
                    countries.push(c);
                } else if !matches!(view.word(j), "and" | ",") {
                    break;
                }
            }
            return vec![Item::Group(countries, w, number)];
        }
    }
    Vec::new()
}

/// Where a name mention starts, with the title before it.
fn mention_start(view: &View<'_>, m: usize) -> usize {
    let mention = &view.analysis.mentions[m];
    match mention.title {
        Some(t) => view.analysis.segmentation.token_at_or_after(t.start).min(mention.tokens.start),
        None => mention.tokens.start,
    }
}

/// People coordinated before a subject that starts at token `start`: "A, B and C".
fn coordinated(view: &View<'_>, mut start: usize, floor: usize, items: &mut Vec<Item>) {
    while start > floor + 1 && matches!(view.word(start - 1), "and" | ",") {
        let Some(m) = view.mention_at[start - 2] else { break };
        let Some(e) = view.entity(m).filter(|&e| view.etype(e) == EntityType::Person) else { break };
        if view.analysis.mentions[m].kind == MentionKind::Pronoun || items.contains(&Item::Person(e)) {
            break;
        }
        items.push(Item::Person(e));
        start = mention_start(view, m);
    }
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

/// What an event is, apart from where it is mentioned.
struct Found {
    kind: EventKind,
    code: Cameo,
    participants: Vec<EntityId>,
    actors: Vec<EntityId>,
    place: Option<EntityId>,
    planned: bool,
}

fn record_event(view: &View<'_>, x: &mut Extraction, t: usize, mut f: Found, at: At) {
    let mut seen = HashSet::new();
    f.participants.retain(|p| seen.insert(*p));
    x.events.push(Event {
        kind: f.kind,
        code: f.code,
        trigger: view.span(t, t + 1),
        participants: f.participants,
        actors: f.actors,
        place: f.place,
        date: at.when,
        date_text: at.date_text,
        planned: f.planned,
        sentence: at.sentence,
    });
}

/// The code of a meeting or call.
fn consult_code(kind: EventKind, planned: bool, hosted: bool, negotiation: bool) -> Cameo {
    match (kind, planned) {
        (_, true) => Cameo::IntendToMeet,
        (EventKind::PhoneCall, _) => Cameo::Telephone,
        _ if hosted => Cameo::Host,
        _ if negotiation => Cameo::Negotiate,
        _ => Cameo::Consult,
    }
}

/// "talks between A and B", "A had a meeting with B", "A met (with) B", "A and
/// B met", "A hosted B", "B was received by A", "in a meeting with B, A said".
fn meeting(view: &mut View<'_>, x: &mut Extraction, t: usize, at: At) -> Option<usize> {
    let (s, when) = (at.sentence, at.when);
    let end = view.sentence_tokens(s).end;
    let w = view.word(t).to_owned();
    let hosted = has(HOST_VERBS, &w);
    let is_verb = (lexicon::is_meet_verb(&w) && !lexicon::is_meeting_noun(&w)) || hosted || has(NEGOTIATE_VERBS, &w);
    let negotiation = w.starts_with("negotiat");
    // talks held by phone or video are a call
    let by_phone = (t + 1..end.min(t + 6)).any(|k| phone_word(view, k) && view.word(k - 1) == "by")
        || view.word(t.saturating_sub(1)) == "phone";
    let kind = if by_phone { EventKind::PhoneCall } else { EventKind::Meeting };
    let planned = planned(view, at, t);
    let predicate = match (kind, planned) {
        (_, true) => Predicate::PlannedMeetingWith,
        (EventKind::PhoneCall, _) => Predicate::Phoned,
        _ => Predicate::MetWith,
    };
    let mut actors = Vec::new();
    let (pairs, participants, stop, from) =
        if let Some(b) = (!is_verb).then(|| find_after(view, t, 7, end, "between")).flatten() {
            let (items, stop) = list(view, b + 1, end);
            let people = resolve_items(view, x, &items, t, s);
            if people.len() < 2 {
                record_pending(view, x, t, s);
                return None;
            }
            let pairs = across_sides(x, &people, s);
            (pairs, people, stop, b)
        } else if is_verb
            && view.word(t + 1) == "by"
            && matches!(view.word(t.saturating_sub(1)), "was" | "were" | "been" | "be" | "being")
        {
            // "B was received by A"
            let (hosts, stop) = list(view, t + 2, end);
            let hosts = resolve_items(view, x, &hosts, t, s);
            let guests = subject(view, t, s);
            let guests = resolve_items(view, x, &guests, t, s);
            if hosts.is_empty() || guests.is_empty() {
                return None;
            }
            actors = hosts.iter().map(|p| p.0).collect();
            let pairs = guests.iter().flat_map(|g| hosts.iter().map(move |h| (h.0, g.0))).collect();
            let mut people = hosts;
            people.extend(guests);
            (pairs, people, stop, t + 1)
        } else {
            let with = if is_verb {
                Some(if view.word(t + 1) == "with" { t + 1 } else { t })
            } else {
                (t + 1..end.min(t + 4))
                    .find(|&k| view.word(k) == "with" && !(t + 1..k).any(|j| view.mention_at[j].is_some()))
            };
            let found = with.and_then(|w| sides(view, x, t, w, s));
            match found {
                Some((subjects, objects, stop)) => {
                    if hosted {
                        actors = subjects.iter().map(|p| p.0).collect();
                    }
                    let pairs = subjects.iter().flat_map(|a| objects.iter().map(move |b| (a.0, b.0))).collect();
                    let mut people = subjects;
                    people.extend(objects);
                    (pairs, people, stop, with.unwrap_or(t))
                }
                None => {
                    // "A and B met", "A and B held talks": the people of the subject met each other
                    let items = subject(view, t, s);
                    let people = resolve_items(view, x, &items, t, s);
                    if people.len() < 2 || hosted {
                        record_pending(view, x, t, s);
                        return None;
                    }
                    let pairs = across_sides(x, &people, s);
                    (pairs, people, t + 1, t + 1)
                }
            }
        };
    // "the talks" refers back to talks named just before, and takes their place
    let definite = (t.saturating_sub(3)..t).any(|k| view.word(k) == "the");
    let place = event_place(view, t, from, s)
        .or_else(|| x.pending_place.filter(|(ps, _)| definite && *ps + 2 >= s).map(|(_, p)| p));
    for (a, b) in pairs {
        x.add(a, predicate, Object::Entity(b), s, when, None);
    }
    if let (Some(p), EventKind::Meeting) = (place, kind) {
        let visit = if planned { Predicate::PlannedVisit } else { Predicate::Visited };
        for (e, _, named) in &participants {
            if *named {
                x.add(*e, visit, Object::Entity(p), s, when, None);
            }
        }
    }
    let code = consult_code(kind, planned, !actors.is_empty(), negotiation);
    let participants = participants.iter().map(|p| p.0).collect();
    record_event(view, x, t, Found { kind, code, participants, actors, place, planned }, at);
    Some(stop)
}

/// Pairs of people on different sides of a meeting: by affiliation, a name
/// without one joining the side before it; everyone, when no sides show.
fn across_sides(x: &mut Extraction, people: &[Party], s: usize) -> Vec<(EntityId, EntityId)> {
    let mut sides = Vec::new();
    let mut current = None;
    for (_, aff, _) in people {
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
    if distinct.len() >= 2 {
        for (k, (e, aff, named)) in people.iter().enumerate() {
            if aff.is_none() && *named {
                if let Some(side) = sides[k] {
                    x.affiliation.entry(*e).or_insert(side);
                    x.add(*e, Predicate::AffiliatedWith, Object::Entity(side), s, None, None);
                }
            }
        }
    }
    pairs
}

/// The people on each side of "A … with B and C": the subject before the event
/// word `t` (or, in "in talks with B, A said", after the list), and the list
/// after "with" at `with`; and where the list stops.
fn sides(
    view: &mut View<'_>,
    x: &Extraction,
    t: usize,
    with: usize,
    s: usize,
) -> Option<(Vec<Party>, Vec<Party>, usize)> {
    let end = view.sentence_tokens(s).end;
    let (objects, stop) = list(view, with + 1, end);
    let mut subject_items = subject(view, t, s);
    if subject_items.is_empty() && fronted(view, t, s) {
        // "In a call with B on Monday, A said …": the subject after the phrase
        let comma = (stop..end).find(|&k| view.word(k) == ",")?;
        let (items, _) = list(view, comma + 1, end);
        subject_items = items;
    }
    let subjects = resolve_items(view, x, &subject_items, t, s);
    let objects = resolve_items(view, x, &objects, t, s);
    (!subjects.is_empty() && !objects.is_empty()).then_some((subjects, objects, stop))
}

/// Whether the event word at `t` is in a phrase that opens its sentence: "In a
/// call with …", "During talks with …", "After a meeting with …".
fn fronted(view: &View<'_>, t: usize, s: usize) -> bool {
    let start = view.sentence_tokens(s).start;
    t < start + 5
        && matches!(view.word(start), "in" | "during" | "after" | "at" | "before")
        && (start + 1..t)
            .all(|k| matches!(view.word(k), "a" | "an" | "the" | "his" | "her" | "their" | "phone" | "telephone"))
}

/// A meeting word with no participants may still say where talks happen.
fn record_pending(view: &View<'_>, x: &mut Extraction, t: usize, s: usize) {
    if let Some(p) = event_place(view, t, t + 1, s) {
        x.pending_place = Some((s, p));
    }
}

/// "A had a phone conversation with B and C", "in a call with B, A said",
/// "A and B held a phone call".
fn call(view: &mut View<'_>, x: &mut Extraction, t: usize, at: At) -> Option<usize> {
    let (s, when) = (at.sentence, at.when);
    let end = view.sentence_tokens(s).end;
    let planned = planned(view, at, t);
    let predicate = if planned { Predicate::PlannedMeetingWith } else { Predicate::Phoned };
    let with = (t + 1..end.min(t + 5)).find(|&k| view.word(k) == "with");
    let (pairs, people, stop): (Vec<(EntityId, EntityId)>, Vec<Party>, usize) =
        match with.and_then(|w| sides(view, x, t, w, s)) {
            Some((subjects, objects, stop)) => {
                let pairs = subjects.iter().flat_map(|a| objects.iter().map(move |b| (a.0, b.0))).collect();
                (pairs, subjects.into_iter().chain(objects).collect(), stop)
            }
            None => {
                let items = subject(view, t, s);
                let people = resolve_items(view, x, &items, t, s);
                if people.len() < 2 {
                    return None;
                }
                (across_sides(x, &people, s), people, t + 1)
            }
        };
    for (a, b) in pairs {
        x.add(a, predicate, Object::Entity(b), s, when, None);
    }
    let participants = people.iter().map(|p| p.0).collect();
    let code = consult_code(EventKind::PhoneCall, planned, false, false);
    let found = Found { kind: EventKind::PhoneCall, code, participants, actors: Vec::new(), place: None, planned };
    record_event(view, x, t, found, at);
    Some(stop)
}

/// "A spoke to B by phone", "A talked with B on the telephone", "A and B spoke
/// by phone", "A was put through to B" (in a sentence with a phone word).
fn spoke_by_phone(view: &mut View<'_>, x: &mut Extraction, t: usize, at: At) -> Option<usize> {
    let s = at.sentence;
    let end = view.sentence_tokens(s).end;
    let to = (t + 1..end.min(t + 5)).find(|&k| matches!(view.word(k), "to" | "with"));
    let subjects = subject(view, t, s);
    let subjects = resolve_items(view, x, &subjects, t, s);
    if subjects.is_empty() {
        return None;
    }
    let object = to.and_then(|k| {
        (k + 1..end.min(k + 8)).find_map(|j| {
            let m = view.mention_at[j]?;
            view.entity(m)
                .filter(|&e| view.etype(e) == EntityType::Person)
                .map(|e| (e, view.analysis.mentions[m].tokens.end))
        })
    });
    let planned = planned(view, at, t);
    let predicate = if planned { Predicate::PlannedMeetingWith } else { Predicate::Phoned };
    let (pairs, people, stop) = match object {
        Some((b, stop)) if !subjects.iter().any(|p| p.0 == b) => {
            let pairs: Vec<(EntityId, EntityId)> = subjects.iter().map(|a| (a.0, b)).collect();
            let mut people: Vec<EntityId> = subjects.iter().map(|p| p.0).collect();
            people.push(b);
            (pairs, people, stop)
        }
        _ if subjects.len() >= 2 => (across_sides(x, &subjects, s), subjects.iter().map(|p| p.0).collect(), t + 1),
        _ => return None,
    };
    for (a, b) in pairs {
        x.add(a, predicate, Object::Entity(b), s, at.when, None);
    }
    let code = consult_code(EventKind::PhoneCall, planned, false, false);
    let found =
        Found { kind: EventKind::PhoneCall, code, participants: people, actors: Vec::new(), place: None, planned };
    record_event(view, x, t, found, at);
    Some(stop)
}

/// "a visit to P by A and B", "A’s trip to P", "A visited P", "A arrived in
/// P", "A flew to P", "A will travel to P"; "A visited B" (a person) is a
/// meeting B hosted.
fn visit(view: &mut View<'_>, x: &mut Extraction, t: usize, at: At) -> Option<usize> {
    let (s, when) = (at.sentence, at.when);
    let end = view.sentence_tokens(s).end;
    let is_noun = lexicon::is_visit_noun(view.word(t));
    // the place: right after the verb, or after "to"/"in"
    let mut k = t + 1;
    while k < end.min(t + 4) && matches!(view.word(k), "to" | "in" | "the" | "back") {
        k += 1;
    }
    let m = view.mention_starting(k)?;
    let planned = planned(view, at, t);
    let after = view.analysis.mentions[m].tokens.end;
    let Some(p) = place(view, m) else {
        // "A visited B": a person received a visit
        let host =
            view.entity(m).filter(|&e| view.etype(e) == EntityType::Person && view.word(t).starts_with("visit"))?;
        let guests = subject(view, t, s);
        let guests = resolve_items(view, x, &guests, t, s);
        let guests: Vec<EntityId> = guests.iter().map(|g| g.0).filter(|&g| g != host).collect();
        if guests.is_empty() {
            return None;
        }
        let predicate = if planned { Predicate::PlannedMeetingWith } else { Predicate::MetWith };
        for g in &guests {
            x.add(*g, predicate, Object::Entity(host), s, when, None);
        }
        let place = event_place(view, t, after, s);
        let mut participants = guests.clone();
        participants.push(host);
        let code = if planned { Cameo::IntendToMeet } else { Cameo::Visit };
        let found = Found { kind: EventKind::Visit, code, participants, actors: guests, place, planned };
        record_event(view, x, t, found, at);
        return Some(after);
    };
    let mut people = Vec::new();
    if is_noun && view.word(after) == "by" {
        let (items, _) = list(view, after + 1, end);
        people = resolve_items(view, x, &items, t, s);
    }
    if people.is_empty() {
        let subject_items = subject(view, t, s);
        people = resolve_items(view, x, &subject_items, t, s);
    }
    if people.is_empty() {
        return None;
    }
    let predicate = if planned { Predicate::PlannedVisit } else { Predicate::Visited };
    for (e, _, _) in &people {
        x.add(*e, predicate, Object::Entity(p), s, when, None);
    }
    let ids: Vec<EntityId> = people.iter().map(|p| p.0).collect();
    let code = if planned { Cameo::IntendToMeet } else { Cameo::Visit };
    let found = Found { kind: EventKind::Visit, code, participants: ids.clone(), actors: ids, place: Some(p), planned };
    record_event(view, x, t, found, at);
    Some(after)
}

/// The CAMEO code of an act verb at `t`, and the preposition of its target.
fn act_verb(view: &View<'_>, t: usize) -> Option<(Cameo, Option<&'static str>)> {
    let w = view.word(t);
    if let Ok(i) = ACT_VERBS.binary_search_by(|(v, _, _)| v.cmp(&w)) {
        return Some((ACT_VERBS[i].1, ACT_VERBS[i].2));
    }
    let next = view.word(t + 1);
    match w {
        // "called on B to", "calls on B to"
        "call" | "called" | "calls" | "calling" if next == "on" => Some((Cameo::Appeal, Some("on"))),
        // "signed an agreement with B", "reached a deal with B"
        "sign" | "signed" | "signs" | "signing" | "reached" | "reach" | "concluded"
            if (t + 1..t + 5).any(|k| has(AGREEMENT_NOUNS, view.word(k))) =>
        {
            Some((Cameo::Agree, Some("with")))
        }
        "agreed" | "agree" | "agrees" if next == "with" || next == "on" || next == "to" => {
            Some((Cameo::Agree, Some("with")))
        }
        // "imposed sanctions on B"
        "imposed" | "imposes" | "impose" if matches!(next, "sanctions" | "new" | "tough" | "fresh") => {
            Some((Cameo::Sanction, Some("on")))
        }
        // "charged with" in the passive: "B was charged with theft"
        "charged" if next == "with" && is_passive(view, t) => Some((Cameo::Arrest, None)),
        _ => None,
    }
}

fn is_passive(view: &View<'_>, t: usize) -> bool {
    let prev = view.word(t.saturating_sub(1));
    let prev2 = view.word(t.saturating_sub(2));
    matches!(prev, "was" | "were" | "been" | "being" | "is" | "are" | "be")
        || matches!(prev2, "was" | "were" | "been" | "is" | "are") && prev.ends_with("ly")
}

/// A party to an act: an entity the text names (a person, organisation,
/// country or group, or a pronoun's person), or an agent named by role
/// ("police"), made an entity only when the act is recorded.
#[derive(Debug, Clone)]
enum Side {
    Entity(EntityId),
    Agent(agents::Phrase),
}

impl Side {
    fn entity(self, view: &mut View<'_>) -> EntityId {
        match self {
            Side::Entity(e) => e,
            Side::Agent(p) => view.agent_entity(&p),
        }
    }
}

fn party_at(view: &View<'_>, k: usize, floor: usize) -> Option<Side> {
    if let Some(m) = view.mention_at[k] {
        let e = view.entity(m)?;
        return matches!(view.etype(e), EntityType::Person | EntityType::Org | EntityType::Gpe | EntityType::Norp)
            .then_some(Side::Entity(e));
    }
    agents::phrase_at(view, k, floor).map(Side::Agent)
}

/// The actor of an act: the nearest party before the verb in its clause.
fn actor_before(view: &View<'_>, t: usize, s: usize) -> Option<Side> {
    let floor = view.sentence_tokens(s).start;
    let mut k = t;
    while k > floor && k + 10 > t {
        k -= 1;
        if matches!(view.word(k), ";" | ":" | ",") || view.quoted[k] {
            return None;
        }
        if view.mention_at[k]
            .is_some_and(|m| view.kind(view.analysis.mentions[m].tokens.end) == Some(TokenKind::Possessive))
        {
            continue;
        }
        // "protesters in Lima criticised …": a name after a preposition is not the subject
        if let Some(m) = view.mention_at[k] {
            let first = view.analysis.mentions[m].tokens.start;
            if first > floor && lexicon::is_place_preposition(view.word(first - 1))
                || view.word(first.saturating_sub(1)) == "of"
            {
                k = first;
                continue;
            }
        }
        if let Some(side) = party_at(view, k, floor) {
            return Some(side);
        }
    }
    None
}

/// The target of an act: the party right after the verb (past determiners),
/// or after its preposition.
fn target_after(view: &View<'_>, t: usize, prep: Option<&str>, end: usize) -> Option<(Side, usize)> {
    let mut k = t + 1;
    if let Some(p) = prep {
        k = (t + 1..end.min(t + 8)).find(|&j| view.word(j) == p)? + 1;
    }
    while k < end && matches!(view.word(k), "the" | "a" | "an" | "his" | "her" | "its" | "their" | "on") {
        k += 1;
    }
    // "arrested opposition leader Ana Ruiz": the name the title belongs to
    if let Some(owner) = (view.mention_at[k].is_none()).then(|| title_owner(view, k, end)).flatten() {
        k = owner;
    }
    if k >= end {
        return None;
    }
    let stop = view.mention_at[k].map_or(k + 1, |m| view.analysis.mentions[m].tokens.end);
    party_at(view, k, k).map(|side| (side, stop))
}

/// "A urged B to …", "A accused B of …", "B was arrested (by A)", "A and B signed an agreement".
fn act(view: &mut View<'_>, x: &mut Extraction, t: usize, at: At) -> Option<usize> {
    let (code, prep) = act_verb(view, t)?;
    let s = at.sentence;
    let end = view.sentence_tokens(s).end;
    let (mut actors, mut targets): (Vec<Side>, Vec<Side>) = (Vec::new(), Vec::new());
    let mut stop = t + 1;
    if is_passive(view, t) {
        // "B was arrested by A"
        targets.extend(actor_before(view, t, s));
        if view.word(t + 1) == "by" {
            if let Some((side, k)) = target_after(view, t + 1, None, end) {
                actors.push(side);
                stop = k;
            }
        }
    } else {
        let items = subject(view, t, s);
        let named: Vec<Side> =
            resolve_items(view, x, &items, t, s).iter().filter(|p| p.2).map(|p| Side::Entity(p.0)).collect();
        // the people of a coordinated subject, when the nearest party is one of them
        match actor_before(view, t, s) {
            Some(Side::Entity(e)) if named.iter().any(|n| matches!(n, Side::Entity(n) if *n == e)) => actors = named,
            Some(side) => actors.push(side),
            None => {}
        }
        if let Some((side, k)) = target_after(view, t, prep, end) {
            targets.push(side);
            stop = k;
        }
        if code == Cameo::Agree && targets.is_empty() && actors.len() < 2 {
            // "A agreed" alone is no agreement between parties
            return None;
        }
    }
    if actors.is_empty() && targets.is_empty() {
        return None;
    }
    let actors: Vec<EntityId> = actors.into_iter().map(|a| a.entity(view)).collect();
    let mut targets: Vec<EntityId> = targets.into_iter().map(|a| a.entity(view)).collect();
    targets.retain(|e| !actors.contains(e));
    let mut participants = actors.clone();
    participants.extend(targets.iter().copied());
    let place = event_place(view, t, stop, s);
    let planned = planned(view, at, t);
    record_event(view, x, t, Found { kind: EventKind::Action, code, participants, actors, place, planned }, at);
    Some(stop)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::testing::{assert_has, events, relations};

    // 2025-03-13 is a Thursday
    const PUBLISHED: Option<&str> = Some("2025-03-13");

    fn check(text: &str, want: &str) {
        assert_has(&events(text, PUBLISHED), want, text);
    }

    fn check_relation(text: &str, want: &str) {
        assert_has(&relations(text, PUBLISHED), want, text);
    }

    #[test]
    fn lists_are_sorted() {
        for list in [HOST_VERBS, NEGOTIATE_VERBS, TRAVEL_VERBS, SPEAK_VERBS, AGREEMENT_NOUNS] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
        assert!(ACT_VERBS.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn held_talks_with() {
        let text =
            "Finnish President Aino Virtanen held talks with Kenyan President Samuel Mwangi in Helsinki on Tuesday.";
        check(
            text,
            "Meeting 040 [Aino Virtanen, Samuel Mwangi] actors=[] place=Helsinki date=2025-03-11 planned=false",
        );
        check_relation(text, "Aino Virtanen metWith Samuel Mwangi");
        check_relation(text, "Samuel Mwangi visited Helsinki");
    }

    #[test]
    fn talks_between() {
        let text = "Talks between Foreign Minister Lena Brandt and Polish Foreign Minister Marek Zielinski ended in Vienna on Friday.";
        check(text, "Meeting 040 [Lena Brandt, Marek Zielinski] actors=[] place=Vienna date=2025-03-07 planned=false");
    }

    #[test]
    fn hosted_and_received() {
        let text = "Canadian Prime Minister Claire Dubois hosted Mexican President Andrés Ortega in Ottawa on Monday.";
        check(text, "Meeting 043 [Andrés Ortega, Claire Dubois] actors=[Claire Dubois] place=Ottawa date=2025-03-10 planned=false");
        check_relation(text, "Claire Dubois metWith Andrés Ortega");
        let passive =
            "Mexican President Andrés Ortega was received by Prime Minister Claire Dubois in Ottawa on Monday.";
        check(passive, "Meeting 043 [Andrés Ortega, Claire Dubois] actors=[Claire Dubois] place=Ottawa date=2025-03-10 planned=false");
    }

    #[test]
    fn a_and_b_met() {
        let text = "Governor Peter Hall and Mayor Linda Novak met in Denver on Wednesday.";
        check(text, "Meeting 040 [Linda Novak, Peter Hall] actors=[] place=Denver date=2025-03-12 planned=false");
    }

    #[test]
    fn a_meeting_with() {
        let text = "Governor Peter Hall had a meeting with Mayor Linda Novak on Wednesday.";
        check(text, "Meeting 040 [Linda Novak, Peter Hall] actors=[] place= date=2025-03-12 planned=false");
    }

    #[test]
    fn summits_and_negotiations() {
        let summit = "Chancellor Petra Vogel and Prime Minister Kenji Sato will hold a summit in Osaka next week.";
        check(summit, "Meeting 036 [Kenji Sato, Petra Vogel] actors=[] place=Osaka date='next week' planned=true");
        check_relation(summit, "Petra Vogel plannedMeetingWith Kenji Sato");
        let negotiations = "Trade negotiations between Commerce Secretary Alan Pierce and Deputy Minister Hoang Minh Tuan resumed in Hanoi on Monday.";
        check(
            negotiations,
            "Meeting 046 [Alan Pierce, Hoang Minh Tuan] actors=[] place=Hanoi date=2025-03-10 planned=false",
        );
    }

    #[test]
    fn trips_arrivals_and_flights() {
        check(
            "Senator Grace Miller's trip to Nairobi was cut short.",
            "Visit 042 [Grace Miller] actors=[Grace Miller] place=Nairobi date= planned=false",
        );
        check(
            "Defence Minister Jonas Lund arrived in Tallinn on Wednesday.",
            "Visit 042 [Jonas Lund] actors=[Jonas Lund] place=Tallinn date=2025-03-12 planned=false",
        );
        check(
            "Secretary of State Helen Cho flew to Seoul on Friday.",
            "Visit 042 [Helen Cho] actors=[Helen Cho] place=Seoul date=2025-03-07 planned=false",
        );
        let future = "President Anna Kovac will travel to Brussels next week.";
        check(future, "Visit 036 [Anna Kovac] actors=[Anna Kovac] place=Brussels date='next week' planned=true");
        check_relation(future, "Anna Kovac plannedVisit Brussels");
    }

    #[test]
    fn calls() {
        let with = "Prime Minister Oliver Grant spoke by phone with Prime Minister Ravi Menon on Saturday.";
        check(with, "PhoneCall 041 [Oliver Grant, Ravi Menon] actors=[] place= date=2025-03-08 planned=false");
        check_relation(with, "Oliver Grant phoned Ravi Menon");
        let both = "Oliver Grant and Ravi Menon spoke by phone on Saturday.";
        check(both, "PhoneCall 041 [Oliver Grant, Ravi Menon] actors=[] place= date=2025-03-08 planned=false");
        let to = "On Saturday, Oliver Grant spoke to Ravi Menon by telephone.";
        check(to, "PhoneCall 041 [Oliver Grant, Ravi Menon] actors=[] place= date=2025-03-08 planned=false");
        let fronted =
            "In a call with Chancellor Petra Vogel on Monday, Prime Minister Oliver Grant discussed energy prices.";
        check(fronted, "PhoneCall 041 [Oliver Grant, Petra Vogel] actors=[] place= date=2025-03-10 planned=false");
        let held = "Oliver Grant and Ravi Menon held talks by phone on Saturday.";
        check(held, "PhoneCall 041 [Oliver Grant, Ravi Menon] actors=[] place= date=2025-03-08 planned=false");
    }

    #[test]
    fn planned_meetings() {
        let text = "Foreign Minister Elena Costa is due to meet Foreign Minister Paulo Mendes in Rome on Tuesday.";
        check(text, "Meeting 036 [Elena Costa, Paulo Mendes] actors=[] place=Rome date=2025-03-18 planned=true");
        check_relation(text, "Elena Costa plannedMeetingWith Paulo Mendes");
        // a trip whose purpose was a meeting took place: not planned
        let purpose = "Envoy Lars Berg flew to Lima to meet Rosa Vidal, who would later visit Quito.";
        check(purpose, "Meeting 040 [Lars Berg, Rosa Vidal] actors=[] place= date= planned=false");
    }

    #[test]
    fn nominal_events_with_date_and_place() {
        let text = "Mayor Linda Novak spoke about Governor Peter Walsh. \
                    The meeting between Novak and Walsh on Tuesday in Denver ended without a deal.";
        check(text, "Meeting 040 [Linda Novak, Peter Walsh] actors=[] place=Denver date=2025-03-11 planned=false");
    }

    #[test]
    fn participants_through_roles_and_coreference() {
        let roles = "Norwegian envoy Lars Berg and Chilean envoy Rosa Vidal met in Lima on Monday. \
                     The two envoys agreed to meet again in Oslo next month.";
        check(roles, "Meeting 036 [Lars Berg, Rosa Vidal] actors=[] place=Oslo date='next month' planned=true");
        let nominal =
            "Norwegian envoy Lars Berg arrived in Lima on Monday. Later the envoy met Foreign Minister Rosa Vidal.";
        check(nominal, "Meeting 040 [Lars Berg, Rosa Vidal] actors=[] place= date= planned=false");
        let pronoun = "Norwegian envoy Lars Berg arrived in Lima on Monday. He met Foreign Minister Rosa Vidal there.";
        check(pronoun, "Meeting 040 [Lars Berg, Rosa Vidal] actors=[] place= date= planned=false");
    }

    #[test]
    fn delegations_stand_for_their_people() {
        let text = "Canadian envoy Mark Ellison and Danish envoy Freja Holm met in Bern on Monday. \
                    The Canadian delegation held a second meeting with the Danish delegation on Tuesday.";
        check(text, "Meeting 040 [Freja Holm, Mark Ellison] actors=[] place= date=2025-03-11 planned=false");
    }

    #[test]
    fn without_a_publication_date_the_date_stays_as_written() {
        let got = events("Envoy Lars Berg met Rosa Vidal in Lima on Tuesday.", None);
        assert_has(
            &got,
            "Meeting 040 [Lars Berg, Rosa Vidal] actors=[] place=Lima date='Tuesday' planned=false",
            "no date",
        );
    }

    #[test]
    fn other_acts_carry_their_cameo_code() {
        for (text, want) in [
            ("On Monday police arrested opposition leader Ana Ruiz in Quito.", "Action 173 [Ana Ruiz, police] actors=[police] place=Quito date=2025-03-10 planned=false"),
            ("Opposition leader Ana Ruiz was arrested on Monday.", "Action 173 [Ana Ruiz] actors=[] place= date=2025-03-10 planned=false"),
            ("Senator Grace Miller accused Governor Peter Hall of lying.", "Action 112 [Grace Miller, Peter Hall] actors=[Grace Miller] place= date= planned=false"),
            ("Mayor Linda Novak urged Governor Peter Hall to resign.", "Action 020 [Linda Novak, Peter Hall] actors=[Linda Novak] place= date= planned=false"),
            ("Mayor Linda Novak called on Governor Peter Hall to resign.", "Action 020 [Linda Novak, Peter Hall] actors=[Linda Novak] place= date= planned=false"),
            ("Elena Costa and Paulo Mendes signed an agreement in Rome.", "Action 057 [Elena Costa, Paulo Mendes] actors=[Elena Costa, Paulo Mendes] place=Rome date= planned=false"),
            ("Governor Peter Hall criticised Mayor Linda Novak.", "Action 111 [Linda Novak, Peter Hall] actors=[Peter Hall] place= date= planned=false"),
            ("Governor Peter Hall praised Mayor Linda Novak.", "Action 051 [Linda Novak, Peter Hall] actors=[Peter Hall] place= date= planned=false"),
            ("Governor Peter Hall threatened Mayor Linda Novak.", "Action 130 [Linda Novak, Peter Hall] actors=[Peter Hall] place= date= planned=false"),
            ("Governor Peter Hall apologised to Mayor Linda Novak.", "Action 055 [Linda Novak, Peter Hall] actors=[Peter Hall] place= date= planned=false"),
            ("Senator Grace Miller demanded an inquiry.", "Action 100 [Grace Miller] actors=[Grace Miller] place= date= planned=false"),
            ("Senator Grace Miller rejected the offer.", "Action 120 [Grace Miller] actors=[Grace Miller] place= date= planned=false"),
            ("Farmers in Lyon protested against the new tax.", "Action 141 [farmers] actors=[farmers] place=Lyon date= planned=false"),
        ] {
            check(text, want);
        }
    }

    #[test]
    fn quoted_words_are_not_acts() {
        assert!(events("“We agreed with Paulo Mendes on everything,” Elena Costa said.", PUBLISHED).is_empty());
    }
}
