//! Stage 3, `resolve`: mentions → entities, within one article.
//!
//! - Places that the gazetteer knows resolve by gazetteer record ("US", "U.S."
//!   and "United States" are one entity).
//! - A person's surname or given name alone resolves to the person named in
//!   full ("Witkoff" → "Steve Witkoff"), preferring the most recent one.
//! - An acronym resolves to the organisation whose initials it spells.
//! - A pronoun resolves to the nearest preceding person of compatible gender,
//!   preferring sentence subjects.
//! - A role nominal ("the Russian president") resolves to the person who holds
//!   that title, with the same nationality when one is given.

use std::collections::HashMap;

use crate::lexicon::gazetteer::{self, Gazetteer};
use crate::model::{Entity, EntityId, EntityType, Gender, Mention, MentionKind, Segmentation};

/// Groups mentions into entities.
pub trait Resolver: Send + Sync {
    /// The entities, and the entity of each mention (parallel to `mentions`).
    fn resolve(&self, text: &str, seg: &Segmentation, mentions: &[Mention]) -> (Vec<Entity>, Vec<Option<EntityId>>);
}

/// The default rule-based resolver.
#[derive(Debug, Clone, Copy)]
pub struct RuleResolver {
    gazetteer: &'static Gazetteer,
}

impl Default for RuleResolver {
    fn default() -> Self {
        Self { gazetteer: gazetteer::get() }
    }
}

/// How far back (in sentences) a pronoun or nominal looks for its antecedent.
const PRONOUN_WINDOW: usize = 4;

impl Resolver for RuleResolver {
    fn resolve(&self, text: &str, _seg: &Segmentation, mentions: &[Mention]) -> (Vec<Entity>, Vec<Option<EntityId>>) {
        let mut r = Resolution {
            text,
            gaz: self.gazetteer,
            mentions,
            entities: Vec::new(),
            of: vec![None; mentions.len()],
            by_key: HashMap::new(),
            gender: Vec::new(),
        };
        // full and known names first, so that a surname can find its full name
        // even when it comes first
        let is_full = |m: &Mention| name_words(m.span.text(text)).len() >= 2 || m.etype != EntityType::Person;
        for (i, m) in mentions.iter().enumerate() {
            if m.kind == MentionKind::Name && is_full(m) {
                r.name(i);
            }
        }
        for (i, m) in mentions.iter().enumerate() {
            if m.kind == MentionKind::Name && !is_full(m) {
                r.short_name(i);
            }
        }
        for (i, m) in mentions.iter().enumerate() {
            match m.kind {
                MentionKind::Pronoun => r.pronoun(i),
                MentionKind::Nominal => r.nominal(i),
                MentionKind::Name => {}
            }
        }
        for e in &mut r.entities {
            e.mentions.sort_unstable();
        }
        (r.entities, r.of)
    }
}

struct Resolution<'a> {
    text: &'a str,
    gaz: &'a Gazetteer,
    mentions: &'a [Mention],
    entities: Vec<Entity>,
    of: Vec<Option<EntityId>>,
    by_key: HashMap<String, EntityId>,
    gender: Vec<Option<Gender>>,
}

/// The words of a name, without initials' periods: "Jonathan M. Stan" → [jonathan, m, stan].
fn name_words(name: &str) -> Vec<String> {
    name.split_whitespace().map(gazetteer::key).filter(|w| !w.is_empty()).collect()
}

/// Initials of the capitalised words of a name: "National Security Council" → "nsc".
fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_lowercase)
        .collect()
}

impl Resolution<'_> {
    fn new_entity(&mut self, name: String, etype: EntityType, key: Option<String>) -> EntityId {
        self.entities.push(Entity { name, etype, mentions: Vec::new(), key, link: None });
        self.gender.push(None);
        self.entities.len() - 1
    }

    fn assign(&mut self, mention: usize, entity: EntityId) {
        self.of[mention] = Some(entity);
        self.entities[entity].mentions.push(mention);
        if let Some(g) = self.mentions[mention].gender {
            self.gender[entity].get_or_insert(g);
        }
    }

    /// A full name, or any name of a place or organisation.
    fn name(&mut self, i: usize) {
        let m = &self.mentions[i];
        let surface = m.span.text(self.text);
        let (key, canonical) = match m.etype {
            EntityType::Gpe | EntityType::Loc => match self.gaz.place(surface) {
                Some(id) => (format!("kb:{id}"), self.gaz.entry(id).name.clone()),
                None => (format!("place:{}", gazetteer::key(surface)), surface.to_owned()),
            },
            t => (format!("{}:{}", t.label(), gazetteer::key(surface)), surface.to_owned()),
        };
        if let Some(&e) = self.by_key.get(&key) {
            self.assign(i, e);
            return;
        }
        if m.etype == EntityType::Person {
            if let Some(e) = self.same_person(surface) {
                if surface.len() > self.entities[e].name.len() {
                    self.entities[e].name = surface.to_owned();
                }
                self.by_key.insert(key, e);
                self.assign(i, e);
                return;
            }
        }
        if m.etype == EntityType::Org {
            // an acronym of an organisation named in full, or the reverse
            let acronym = gazetteer::key(surface).replace(' ', "");
            let found = self.entities.iter().position(|e| {
                e.etype == EntityType::Org
                    && ((acronym.len() >= 2 && initials(&e.name) == acronym && !surface.contains(' '))
                        || (!e.name.contains(' ') && initials(surface) == gazetteer::key(&e.name)))
            });
            if let Some(e) = found {
                if surface.len() > self.entities[e].name.len() {
                    self.entities[e].name = surface.to_owned();
                }
                self.by_key.insert(key, e);
                self.assign(i, e);
                return;
            }
        }
        let kb_key = key.starts_with("kb:").then(|| key.clone());
        let e = self.new_entity(canonical, m.etype, kb_key);
        self.by_key.insert(key, e);
        self.assign(i, e);
    }

    /// A person already named whose full name is compatible with `name`
    /// ("Donald J. Trump" and "Donald Trump").
    fn same_person(&self, name: &str) -> Option<EntityId> {
        let w = name_words(name);
        let (first, last) = (w.first()?, w.last()?);
        self.entities.iter().position(|e| {
            if e.etype != EntityType::Person {
                return false;
            }
            let v = name_words(&e.name);
            let (Some(f2), Some(l2)) = (v.first(), v.last()) else { return false };
            l2 == last && (f2 == first || f2.starts_with(first.as_str()) || first.starts_with(f2.as_str()))
        })
    }

    /// A surname or given name alone.
    fn short_name(&mut self, i: usize) {
        let m = &self.mentions[i];
        let word = gazetteer::key(m.span.text(self.text));
        let pos = m.span.start;
        // the person named in full whose last (then first) word this is, nearest before, else after
        let mut best: Option<(u8, usize, EntityId)> = None;
        for (e, ent) in self.entities.iter().enumerate() {
            if ent.etype != EntityType::Person {
                continue;
            }
            let v = name_words(&ent.name);
            let part = if v.last() == Some(&word) {
                2
            } else if v.first() == Some(&word) {
                1
            } else {
                continue;
            };
            let before = ent.mentions.iter().map(|&k| self.mentions[k].span.start).filter(|&s| s < pos).max();
            let distance = before.map_or(usize::MAX / 2 + pos, |s| pos - s);
            let cand = (part, usize::MAX - distance, e);
            if best.is_none_or(|b| (cand.0, cand.1) > (b.0, b.1)) {
                best = Some(cand);
            }
        }
        if let Some((_, _, e)) = best {
            self.assign(i, e);
        } else {
            self.name(i);
        }
    }

    /// Entities mentioned in the sentences before mention `i` (nearest first),
    /// with the position of that mention.
    fn antecedents(&self, i: usize) -> Vec<(EntityId, usize)> {
        let m = &self.mentions[i];
        let lo = m.sentence.saturating_sub(PRONOUN_WINDOW);
        let mut out: Vec<(EntityId, usize)> = Vec::new();
        for k in (0..i).rev() {
            let a = &self.mentions[k];
            if a.sentence < lo {
                break;
            }
            if let Some(e) = self.of[k] {
                if self.entities[e].etype == EntityType::Person && !out.iter().any(|x| x.0 == e) {
                    out.push((e, k));
                }
            }
        }
        out
    }

    /// The entity of the first mention of sentence `s`, if resolved yet.
    fn subject_of(&self, s: usize) -> Option<EntityId> {
        let first = self.mentions.partition_point(|x| x.sentence < s);
        self.mentions.get(first).filter(|x| x.sentence == s).and_then(|_| self.of[first])
    }

    /// Whether mention `i` is the first of its sentence.
    fn is_first_of_sentence(&self, i: usize) -> bool {
        i == 0 || self.mentions[i - 1].sentence != self.mentions[i].sentence
    }

    fn pronoun(&mut self, i: usize) {
        let m = &self.mentions[i];
        let g = m.gender;
        // a pronoun that opens its sentence continues the subject of the sentence before
        // ("Ingram of the Times dubbed it … . He characterized …")
        if self.is_first_of_sentence(i) && m.sentence > 0 {
            let previous = self.subject_of(m.sentence - 1).filter(|&e| {
                self.entities[e].etype == EntityType::Person
                    && !matches!((g, self.gender[e]), (Some(a), Some(b)) if a != b)
            });
            if let Some(e) = previous {
                self.assign(i, e);
                if let Some(g) = g {
                    self.gender[e].get_or_insert(g);
                }
                return;
            }
        }
        let mut best: Option<(f32, EntityId)> = None;
        for (rank, (e, k)) in self.antecedents(i).into_iter().enumerate() {
            if let (Some(a), Some(b)) = (g, self.gender[e]) {
                if a != b {
                    continue;
                }
            }
            let a = &self.mentions[k];
            let mut score = -(rank as f32);
            score -= (m.sentence - a.sentence) as f32 * 0.5;
            // subjects: the first mention of their sentence (by any of the entity's mentions there)
            if self.subject_of(a.sentence) == Some(e) {
                score += 1.0;
            }
            if a.sentence == m.sentence {
                score += 0.5;
            }
            if best.is_none_or(|b| score > b.0) {
                best = Some((score, e));
            }
        }
        if let Some((_, e)) = best {
            self.assign(i, e);
            if let Some(g) = g {
                self.gender[e].get_or_insert(g);
            }
        }
    }

    fn nominal(&mut self, i: usize) {
        let m = &self.mentions[i];
        let phrase = m.span.text(self.text).to_lowercase();
        let Some(head) = phrase.split_whitespace().last().map(str::to_owned) else { return };
        let nationality = phrase.split_whitespace().find_map(|w| self.gaz.demonym(w).or_else(|| self.gaz.place(w)));
        // the most recent person whose title has the same head (and nationality)
        let found = (0..self.mentions.len()).rev().find_map(|k| {
            let a = &self.mentions[k];
            if k == i || a.kind != MentionKind::Name || a.span.start > m.span.start + 1 && a.sentence > m.sentence {
                return None;
            }
            let title = a.title?.text(self.text).to_lowercase();
            let same_head = title.split_whitespace().any(|w| w == head || w.trim_end_matches('s') == head);
            let same_nation = match nationality {
                Some(n) => {
                    title.split_whitespace().any(|w| self.gaz.demonym(w) == Some(n) || self.gaz.place(w) == Some(n))
                }
                None => true,
            };
            (same_head && same_nation).then_some(self.of[k]).flatten()
        });
        if let Some(e) = found {
            self.assign(i, e);
        } else if m.span.text(self.text).split_whitespace().last().is_some_and(|w| w.starts_with(char::is_uppercase)) {
            // "the President" used as a name, of someone the article has not named: an entity of its own
            let key = format!("PERSON:{}", gazetteer::key(m.span.text(self.text)));
            let e = match self.by_key.get(&key) {
                Some(&e) => e,
                None => {
                    let e = self.new_entity(m.span.text(self.text).to_owned(), EntityType::Person, None);
                    self.by_key.insert(key, e);
                    e
                }
            };
            self.assign(i, e);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::{LearnedRecognizer, Recognizer};
    use crate::segment::{RuleSegmenter, Segmenter};

    /// (mention text, entity name) pairs.
    fn resolved(text: &str) -> Vec<(String, String)> {
        let seg = RuleSegmenter.segment(text);
        let ms = LearnedRecognizer::default().recognize(text, &seg);
        let (ents, of) = RuleResolver::default().resolve(text, &seg, &ms);
        ms.iter().zip(of).filter_map(|(m, e)| Some((m.span.text(text).to_owned(), ents[e?].name.clone()))).collect()
    }

    fn assert_resolves(text: &str, mention: &str, entity: &str) {
        let got = resolved(text);
        assert!(
            got.iter().any(|(m, e)| m == mention && e == entity),
            "expected {mention:?} → {entity:?} in {text:?}, got {got:?}"
        );
    }

    #[test]
    fn surnames_pronouns_and_places() {
        let text = "Hanna Kowalczyk met Piotr Nowak in the U.S. Kowalczyk said she would return to the United States.";
        assert_resolves(text, "Kowalczyk", "Hanna Kowalczyk");
        assert_resolves(text, "she", "Hanna Kowalczyk");
        assert_resolves(text, "U.S.", "United States");
        assert_resolves(text, "United States", "United States");
    }

    #[test]
    fn role_nominals() {
        let text = "Russian President Ivan Sokolov spoke. Later the Russian president left.";
        assert_resolves(text, "Russian president", "Ivan Sokolov");
    }

    #[test]
    fn acronyms() {
        let text = "The National Security Council met. The NSC said nothing.";
        assert_resolves(text, "NSC", "National Security Council");
    }

    #[test]
    fn a_pronoun_opening_a_sentence_continues_its_subject() {
        let text = "Hanna Kowalczyk wrote to the board, which thanked Piotr Nowak. She said the vote was fair.";
        assert_resolves(text, "She", "Hanna Kowalczyk");
        // unless its gender says otherwise
        let text = "Mrs Hanna Kowalczyk called Mr Piotr Nowak. He said the plan was late.";
        assert_resolves(text, "He", "Piotr Nowak");
    }
}
