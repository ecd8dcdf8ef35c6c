//! Facts between entities: roles, affiliations, kinship, places within
//! places, and who stated which quotation; the events ([`super::events`])
//! add meetings, calls and visits.
//!
//! All rules read one sentence at a time and look for general English
//! constructions, never for particular names:
//! - **titles** before a name ("US special envoy X", "Ukrainian Ambassador to
//!   the US X", "French President X") give `holdsRole` (a singular formal
//!   title, as written) and `affiliatedWith` (the first nationality or country
//!   in the title); a plural title ("Ukrainian officials X and Y") gives the
//!   affiliation to every name it governs;
//! - **appositions** give the same: "X, the Secretary of State,", "X,
//!   spokesman for the ministry, said", "the Afghan team's coach, X",
//!   "Malaysia's Prime Minister, X";
//! - **organisations** a person belongs to: "X of the Labour Party", "X from
//!   the Civic Party", "X for Food Standards Australia", "X, of the
//!   University of Y", "the FTU's X and Y";
//! - **kinship**: "Y’s son-in-law X", "X, Y’s wife," give `relativeOf`;
//! - **places**: "P’s eastern Q region", "Q, P" give `partOf` (not in a list
//!   of places: "Victoria, South Australia and Queensland").

use std::collections::{HashMap, HashSet};

use super::events::{self, At};
use super::{dates, View};
use crate::lexicon;
use crate::lexicon::gazetteer::KbKind;
use crate::model::{
    EntityId, EntityType, Event, MentionId, MentionKind, Object, Predicate, Quote, Relation, TokenKind,
};

/// What the rules found so far in an article.
pub(super) struct Extraction {
    pub(super) events: Vec<Event>,
    relations: Vec<Relation>,
    seen: HashSet<(EntityId, Predicate, String)>,
    /// The country or organisation each person belongs to, first found first.
    pub(super) affiliation: HashMap<EntityId, EntityId>,
    /// Leaders and officials by entity: the lower-case words of their titles.
    pub(super) titles: HashMap<EntityId, Vec<String>>,
    /// A meeting named without participants (its place), by sentence.
    pub(super) pending_place: Option<(usize, EntityId)>,
}

impl Extraction {
    pub(super) fn add(
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

    /// Records that a person belongs to a country or organisation.
    fn affiliate(&mut self, person: EntityId, to: EntityId, s: usize) {
        self.affiliation.entry(person).or_insert(to);
        self.add(person, Predicate::AffiliatedWith, Object::Entity(to), s, None, None);
    }
}

/// Extracts events and relations.
pub fn extract(view: &mut View<'_>, quotes: &[Quote]) -> (Vec<Event>, Vec<Relation>) {
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
        appositions(view, &mut x, s);
        organisations(view, &mut x, s);
    }
    for s in 0..n_sentences {
        let toks = view.sentence_tokens(s);
        let words: Vec<&str> = toks.clone().map(|i| view.word(i)).collect();
        let future = toks.clone().any(|i| !view.quoted[i] && lexicon::is_future_cue(view.word(i)));
        let date = dates::find(&words, toks.start, view.published, future);
        let date_text = match date {
            Some(_) => None,
            None => dates::expression(&words).map(|(a, b)| view.span(toks.start + a, toks.start + b)),
        };
        let at = At { sentence: s, when: date.map(|d| d.date), future_date: date.is_some_and(|d| d.future), date_text };
        kinship(view, &mut x, s, at.when);
        places(view, &mut x, s);
        events::events(view, &mut x, at);
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
    // agents named by role: their organisation or country, and a person's role
    for a in view.agents.clone() {
        let s = a.sentence;
        if let Some(owner) = a.owner.filter(|&o| o != a.entity && view.etype(o) != EntityType::Person) {
            x.add(a.entity, Predicate::AffiliatedWith, Object::Entity(owner), s, None, None);
        }
        if view.etype(a.entity) == EntityType::Person
            && lexicon::title(&a.head).is_some_and(|(k, _)| k == lexicon::TitleKind::Role)
        {
            x.add(a.entity, Predicate::HoldsRole, Object::Literal(a.head.clone()), s, None, None);
        }
    }
    (x.events, x.relations)
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
    let mentions = view.names_in(s);
    for m in mentions {
        let mention = view.analysis.mentions[m].clone();
        let (Some(title), Some(e)) = (mention.title, view.entity(m)) else { continue };
        if view.etype(e) != EntityType::Person {
            continue;
        }
        let seg = &view.analysis.segmentation;
        let mut first = seg.token_at_or_after(title.start);
        // a verb the title span took in ("met Foreign Minister X") is not part of the role
        while first < mention.tokens.start
            && is_verb_like(view.word(first))
            && !seg.tokens[first].span.text(view.text).starts_with(char::is_uppercase)
        {
            first += 1;
        }
        if first >= mention.tokens.start {
            continue;
        }
        let title = view.span(first, mention.tokens.start);
        let toks: Vec<usize> = (first..mention.tokens.start).collect();
        let words: Vec<&str> = toks.iter().map(|&i| view.word(i)).collect();
        let Some((head, kind, plural)) = title_head(&words) else { continue };
        x.titles.entry(e).or_default().extend(words.iter().map(|w| (*w).to_owned()));
        let when = None;
        // "Civil Defense Authority director General X": the organisation the title is in
        let org = (first.saturating_sub(1)..mention.tokens.start).find_map(|k| {
            let om = view.mention_at[k]?;
            let oe = view.entity(om).filter(|&oe| view.etype(oe) == EntityType::Org)?;
            (view.analysis.mentions[om].tokens.end == first || k >= first).then_some(oe)
        });
        if let (Some(o), false) = (org, plural) {
            x.affiliate(e, o, s);
        }
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

/// Whether a lower-case word is a verb of meeting, going or saying, or a function word.
fn is_verb_like(w: &str) -> bool {
    lexicon::is_meet_verb(w) || lexicon::is_reporting_verb(w) || lexicon::is_function_word(w) || w == "visited"
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

/// The place entity of a mention, if it is one.
pub(super) fn place(view: &View<'_>, m: MentionId) -> Option<EntityId> {
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
            // "New South Wales, Victoria, South Australia and Queensland" is a list, not a place in a place
            let place_at = |k: usize| view.mention_starting(k).and_then(|m| place(view, m)).is_some();
            let before = view.analysis.mentions[a].tokens.start;
            let in_list = (matches!(view.word(after), "," | "and") && place_at(after + 1))
                || (before > 1
                    && matches!(view.word(before - 1), "," | "and")
                    && view.mention_at[before - 2].is_some_and(|m| place(view, m).is_some()));
            if outer_big && inner_small && ends_phrase && !in_list {
                x.add(inner, Predicate::PartOf, Object::Entity(outer), s, None, None);
            }
        }
    }
}

/// The lower-case words of tokens `[a, b)`.
fn words_of<'v>(view: &'v View<'_>, a: usize, b: usize) -> Vec<&'v str> {
    (a..b).map(|k| view.word(k)).collect()
}

/// What a role phrase says of the person it describes: the role as written
/// (from its first title word on, when the head is a formal role) and the
/// organisation, country or nationality it names.
fn describe(view: &mut View<'_>, x: &mut Extraction, person: EntityId, a: usize, b: usize, s: usize) -> bool {
    let words = words_of(view, a, b);
    let Some((head, kind, plural)) = title_head_first(&words) else { return false };
    // another person's name makes it a list or a description of someone else
    // ("X, President Y's son-in-law Z"); a possessor is fine ("X, Trump's adviser")
    let other_person = (a..b).filter_map(|k| view.mention_starting(k)).any(|m| {
        let mention = &view.analysis.mentions[m];
        mention.etype == EntityType::Person
            && mention.kind == MentionKind::Name
            && view.kind(mention.tokens.end) != Some(TokenKind::Possessive)
            && (mention.tokens.len() > 1 || mention.tokens.start == a)
    });
    if plural || other_person {
        return false;
    }
    // the role starts after a possessor ("Malaysia's Prime Minister", "the team's coach")
    let start = (a..a + head).rev().find(|&k| view.kind(k) == Some(TokenKind::Possessive)).map_or(a, |k| k + 1);
    x.titles.entry(person).or_default().extend(words.iter().map(|w| (*w).to_owned()));
    if kind == lexicon::TitleKind::Role {
        let role = view.span(start, b).text(view.text).trim_end_matches([',', '.', ';']).trim().to_owned();
        x.add(person, Predicate::HoldsRole, Object::Literal(role), s, None, None);
    }
    // the organisation or place it names, else its nationality
    let owner = (a..b).find_map(|k| {
        let m = view.mention_at[k]?;
        let e = view.entity(m)?;
        matches!(view.etype(e), EntityType::Org | EntityType::Gpe).then_some(e)
    });
    let owner = owner.or_else(|| {
        (a..b).find_map(|k| {
            let w = view.analysis.segmentation.tokens[k].span.text(view.text).to_owned();
            (w.starts_with(char::is_uppercase) && view.gaz.demonym(&w).is_some())
                .then(|| view.country_entity(&w))
                .flatten()
        })
    });
    if let Some(o) = owner {
        x.affiliate(person, o, s);
    }
    true
}

/// The first title word of a phrase (a role or occupation), its kind, and whether it is plural.
fn title_head_first(words: &[&str]) -> Option<(usize, lexicon::TitleKind, bool)> {
    words.iter().enumerate().find_map(|(i, w)| match lexicon::title(w) {
        Some((k, _)) if k != lexicon::TitleKind::Honorific && !lexicon::is_kin_term(w) => Some((i, k, false)),
        _ => None,
    })
}

/// Where a role phrase that starts at token `a` ends: at a comma, a full stop,
/// a verb of saying, or the end of the sentence; `None` if it runs too long.
fn apposition_end(view: &View<'_>, a: usize, end: usize) -> Option<usize> {
    let mut k = a;
    let mut depth = 0;
    while k < end && k < a + 14 {
        match view.word(k) {
            "(" => depth += 1,
            ")" => depth -= 1,
            "," | ";" | "." | "—" | "–" if depth <= 0 => return Some(k),
            // a verb of saying ends it ("X, the minister, said"), not a capitalised "State"
            _ if view.is_reporting_verb(k)
                && depth <= 0
                && !view.analysis.segmentation.tokens[k].span.text(view.text).starts_with(char::is_uppercase) =>
            {
                return Some(k)
            }
            _ => {}
        }
        if view.kind(k) == Some(TokenKind::Quote) {
            return None;
        }
        k += 1;
    }
    (k == end).then_some(k)
}

/// "X, the Secretary of State,", "X, spokesman for the ministry, said", "X,
/// 19, a member of the party," (after the name) and "the team's coach, X",
/// "Malaysia's Prime Minister, X" (before it).
fn appositions(view: &mut View<'_>, x: &mut Extraction, s: usize) {
    let toks = view.sentence_tokens(s);
    let names = view.names_in(s);
    for m in names {
        let Some(e) = view.entity(m).filter(|&e| view.etype(e) == EntityType::Person) else { continue };
        let mention = view.analysis.mentions[m].clone();
        // after the name: ", ROLE ,"
        let mut a = mention.tokens.end;
        if view.word(a) == "," && view.kind(a + 1) == Some(TokenKind::Number) && view.word(a + 2) == "," {
            a += 2; // an age: "X, 19, a member of …"
        }
        if view.word(a) == "," && view.mention_starting(a + 1).is_none() {
            let mut first = a + 1;
            while matches!(view.word(first), "the" | "a" | "an") {
                first += 1;
            }
            // not a clause ("X, who is …") or a list ("X, Y and Z")
            let clause = lexicon::is_function_word(view.word(first)) && !matches!(view.word(first), "former" | "then");
            if let Some(b) = apposition_end(view, first, toks.end).filter(|_| !clause) {
                if b > first && describe(view, x, e, first, b, s) {
                    // "Director of the study, and Chairman of the Centre,"
                    if view.word(b) == "," && view.word(b + 1) == "and" {
                        if let Some(c) = apposition_end(view, b + 2, toks.end) {
                            describe(view, x, e, b + 2, c, s);
                        }
                    }
                }
            }
        }
        // before the name: "ROLE , X" where X ends a clause or goes on to its verb
        let start = mention_start(view, m);
        if start > toks.start + 1 && view.word(start - 1) == "," && mention.title.is_none() {
            let after = mention.tokens.end;
            let closes = matches!(view.word(after), "," | "." | ";" | "")
                || view.is_reporting_verb(after)
                || view.kind(after) == Some(TokenKind::Word) && !matches!(view.word(after), "and" | "or");
            let comma = start - 1;
            let mut first = comma;
            while first > toks.start && comma - first < 12 {
                let w = view.word(first - 1);
                if matches!(
                    w,
                    "," | ";" | ":" | "." | "and" | "said" | "says" | "to" | "by" | "with" | "that" | "of" | "from"
                ) && !(w == "of" && first + 1 < comma)
                {
                    break;
                }
                if view.kind(first - 1) == Some(TokenKind::Quote) {
                    break;
                }
                first -= 1;
            }
            while matches!(view.word(first), "the" | "a" | "an") && first < comma {
                first += 1;
            }
            if closes && first < comma {
                describe(view, x, e, first, comma, s);
            }
        }
    }
}

/// Where a person mention starts, with its title.
fn mention_start(view: &View<'_>, m: MentionId) -> usize {
    let mention = &view.analysis.mentions[m];
    match mention.title {
        Some(t) => view.analysis.segmentation.token_at_or_after(t.start).min(mention.tokens.start),
        None => mention.tokens.start,
    }
}

/// "X of the Labour Party", "X from the Civic Party", "X for ORG", "X, of the
/// University of Y", and "the FTU's X and Y", "Malaysia's X".
fn organisations(view: &mut View<'_>, x: &mut Extraction, s: usize) {
    let names = view.names_in(s);
    let org = |view: &View<'_>, k: usize, places: bool| {
        let m = view
            .mention_starting(k)
            .or_else(|| (view.word(k) == "the").then(|| view.mention_starting(k + 1)).flatten())?;
        let e = view.entity(m)?;
        (view.etype(e) == EntityType::Org || places && view.etype(e) == EntityType::Gpe).then_some(e)
    };
    for m in names {
        let Some(e) = view.entity(m).filter(|&e| view.etype(e) == EntityType::Person) else { continue };
        let mention = view.analysis.mentions[m].clone();
        // after the name
        let mut k = mention.tokens.end;
        let comma = view.word(k) == ",";
        if comma {
            k += 1;
        }
        let prep = view.word(k).to_owned();
        if matches!(prep.as_str(), "of" | "from" | "for") {
            // a country only right after the name ("Senator X of Texas"), an organisation also after a comma
            if let Some(o) = org(view, k + 1, !comma && prep != "for") {
                x.affiliate(e, o, s);
            }
        }
        // before the name: "ORG's (title) X (and Y)"
        let start = mention_start(view, m);
        if start >= 2 && view.kind(start - 1) == Some(TokenKind::Possessive) {
            if let Some(owner) = view.mention_at[start - 2].and_then(|om| {
                let first = view.analysis.mentions[om].tokens.start;
                org(view, first, true)
            }) {
                x.affiliate(e, owner, s);
                // "DAB's A and B"
                let mut i = mention.tokens.end;
                while view.word(i) == "and" {
                    let Some(next) = view.mention_starting(i + 1) else { break };
                    let nm = &view.analysis.mentions[next];
                    if nm.etype != EntityType::Person
                        || nm.title.is_some()
                        || view.kind(nm.tokens.end) == Some(TokenKind::Possessive)
                    {
                        break;
                    }
                    let end = nm.tokens.end;
                    if let Some(ne) = view.entity(next) {
                        x.affiliate(ne, owner, s);
                    }
                    i = end;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::testing::{assert_has, relations};

    fn check(text: &str, want: &str) {
        assert_has(&relations(text, None), want, text);
    }

    fn absent(text: &str, unwanted: &str) {
        let got = relations(text, None);
        assert!(!got.iter().any(|g| g == unwanted), "did not expect {unwanted:?} from {text:?}, got {got:#?}");
    }

    #[test]
    fn roles_in_apposition_after_the_name() {
        let text = "Marta Olsen, the Secretary of Transport, said the bridge would reopen.";
        check(text, r#"Marta Olsen holdsRole "Secretary of Transport""#);
        let text = "Carlos Ibarra, spokesman for the Chilean navy, said the ship was safe.";
        check(text, r#"Carlos Ibarra holdsRole "spokesman for the Chilean navy""#);
        check(text, "Carlos Ibarra affiliatedWith Chile");
        // two roles: "X, Director of A, and Chairman of B,"
        let text =
            "Hugo Lind, head of the Arctic Survey, and chair of the Polar Society, warned that the ice is thinning.";
        check(text, r#"Hugo Lind holdsRole "head of the Arctic Survey""#);
        check(text, r#"Hugo Lind holdsRole "chair of the Polar Society""#);
    }

    #[test]
    fn roles_in_apposition_before_the_name() {
        let text = "Ireland's Finance Minister, Sean Byrne, said taxes would fall.";
        check(text, r#"Sean Byrne holdsRole "Finance Minister""#);
        check(text, "Sean Byrne affiliatedWith Ireland");
        let text = "The hospital's director, Nadia Rahman, said the wing will open in May.";
        check(text, r#"Nadia Rahman holdsRole "director""#);
    }

    #[test]
    fn a_name_in_apposition_is_not_a_role() {
        absent(
            "Anna Berg, Deputy Mayor Tom Reid and Lena Holm attended.",
            r#"Anna Berg holdsRole "Deputy Mayor Tom Reid""#,
        );
        let got = relations("Anna Berg, who is the mayor, spoke.", None);
        assert!(!got.iter().any(|g| g.starts_with("Anna Berg holdsRole")), "{got:?}");
    }

    #[test]
    fn organisations_of_people() {
        let text = "The vote went to Laura Chen of the Green Party and Tom Reid of the Labour Party.";
        check(text, "Tom Reid affiliatedWith Labour Party");
        check("At the count, Laura Chen from the Green Party won her seat.", "Laura Chen affiliatedWith Green Party");
        check("In the north, Laura Chen, of the Green Party, won her seat.", "Laura Chen affiliatedWith Green Party");
        check("In Leeds, Tom Reid for the Workers Union signed the deal.", "Tom Reid affiliatedWith Workers Union");
        check(
            "In Bern, Ines Soto, of the University of Leeds, led the study.",
            "Ines Soto affiliatedWith University of Leeds",
        );
        let text = "At the count, the Green Party's Owen Price and Tom Reid were re-elected.";
        check(text, "Owen Price affiliatedWith Green Party");
        check(text, "Tom Reid affiliatedWith Green Party");
        check(
            "On Monday, Tidewater Authority chief executive Omar Haddad spoke.",
            "Omar Haddad affiliatedWith Tidewater Authority",
        );
    }

    #[test]
    fn places_in_places_but_not_lists() {
        check("The festival opened in Porto, Portugal, on Friday.", "Porto partOf Portugal");
        absent("Schools in Bavaria, Saxony and Hesse closed.", "Bavaria partOf Saxony");
    }
}
