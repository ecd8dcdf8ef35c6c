//! Agents the article does not name: groups and roles that speak or act
//! ("police", "State Department officials", "the report's authors", "a
//! spokesman for the ministry", "an unknown author").
//!
//! An agent phrase is a noun phrase whose head names people by what they are
//! or do: a role or occupation of the title list ("spokesman", "officials",
//! "researchers"), or one of a few collective nouns ("police", "authorities",
//! "staff"). Its modifiers may name who they belong to: an organisation or a
//! country written before the head ("State Department officials", "Afghan
//! officials") or after it ("a spokesman for the ministry").
//!
//! Each phrase becomes an entity of the article: a group ([`EntityType::Norp`],
//! `ng:Group`) when plural, a person known only by role when singular, with a
//! nominal mention on the phrase. A later phrase with the same head and no
//! other modifiers is the same agent ("the report's authors" … "the authors").
//! These entities are local to their article ([`crate::rdf::mint::entity`]):
//! "police" in two articles are not one node. After "according to", a name the
//! recogniser missed followed by a noun of the press ("Yonhap news agency") is
//! an organisation of the article in the same way.

use super::View;
use crate::lexicon::{self, TitleKind};
use crate::model::{Entity, EntityId, EntityType, Mention, MentionKind, TokenKind};

/// Collective nouns for people acting as one (no singular in this sense).
#[rustfmt::skip]
const COLLECTIVES: &[&str] = &[
    "authorities", "crew", "government", "military", "personnel", "police", "staff", "troops",
];

/// Person nouns the title list lacks, as used for speakers and actors.
#[rustfmt::skip]
const PERSON_NOUNS: &[&str] = &[
    "commenter", "investigator", "poster", "protester", "protestor", "rescuer", "source", "user",
];

/// Words that open a noun phrase without being part of its name.
#[rustfmt::skip]
const DETERMINERS: &[&str] = &[
    "a", "an", "another", "both", "few", "many", "most", "one", "other", "several", "some", "the",
    "these", "those", "three", "two",
];

/// The prefix of the key of an agent entity.
pub const KEY_PREFIX: &str = "agent:";

/// Whether a singular lower-case noun names a person by role or occupation.
fn person_noun(w: &str) -> bool {
    matches!(lexicon::title(w), Some((TitleKind::Role | TitleKind::Occupation, _)))
        && !lexicon::is_kin_term(w)
        && !lexicon::is_leader_title(w)
        || PERSON_NOUNS.binary_search(&w).is_ok()
}

/// Whether a lower-case word heads an agent phrase, and if so whether it is plural.
pub fn head_noun(w: &str) -> Option<bool> {
    if COLLECTIVES.binary_search(&w).is_ok() {
        return Some(true);
    }
    if person_noun(w) {
        return Some(false);
    }
    let singular = [
        w.strip_suffix("men").map(|s| format!("{s}man")),
        w.strip_suffix("ies").map(|s| format!("{s}y")),
        w.strip_suffix("es").map(str::to_owned),
        w.strip_suffix('s').map(str::to_owned),
    ];
    singular.into_iter().flatten().any(|s| person_noun(&s)).then_some(true)
}

/// The singular form of a head noun, for matching phrases with one another.
fn lemma(w: &str) -> String {
    if COLLECTIVES.binary_search(&w).is_ok() || person_noun(w) {
        return w.to_owned();
    }
    for (suffix, repl) in [("men", "man"), ("ies", "y"), ("es", ""), ("s", "")] {
        if let Some(s) = w.strip_suffix(suffix) {
            let s = format!("{s}{repl}");
            if person_noun(&s) {
                return s;
            }
        }
    }
    w.to_owned()
}

/// An agent noun phrase, by token positions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phrase {
    /// First token of the name (after any determiner).
    pub start: usize,
    /// The head noun.
    pub head: usize,
    /// One past the last token (the head, or the end of a "for X" complement).
    pub end: usize,
    /// Whether it names several people.
    pub plural: bool,
    /// The organisation, country or person it belongs to, when a name in the phrase says.
    pub owner: Option<EntityId>,
    /// A nationality word in the phrase ("Afghan officials"), whose country it belongs to.
    pub nationality: Option<usize>,
    /// Whether it names an organisation the recogniser left unnamed ("Yonhap news agency").
    pub organisation: bool,
}

/// Whether token `k` may modify an agent noun: an adjective or noun, a name, a nationality.
fn modifier(view: &View<'_>, k: usize) -> bool {
    let w = view.word(k);
    view.kind(k) == Some(TokenKind::Word)
        && !view.quoted[k]
        && !lexicon::is_function_word(w)
        && !view.is_reporting_verb(k)
        && !lexicon::is_calendar_word(w)
        && !DETERMINERS.contains(&w)
        && !w.ends_with("ly")
        && !matches!(w, "said" | "says" | "told" | "and" | "or")
}

/// The agent phrase whose head is token `head`, extended left over its modifiers
/// (not before `floor`) and right over a "for/of/at X" complement that names an owner.
pub fn phrase_at(view: &View<'_>, head: usize, floor: usize) -> Option<Phrase> {
    if view.quoted[head] || view.kind(head) != Some(TokenKind::Word) {
        return None;
    }
    if let Some(m) = view.mention_at[head] {
        // a name is not an agent phrase ("the Times", "Police Scotland"), but a
        // common noun capitalised only because it opens the sentence is ("Researchers say")
        let mention = &view.analysis.mentions[m];
        let sentence_start = view.sentence_tokens(mention.sentence).start;
        if mention.tokens.len() != 1 || head != sentence_start {
            return None;
        }
    }
    let plural = head_noun(view.word(head))?;
    let mut start = head;
    let mut owner = None;
    let mut nationality = None;
    while start > floor && start + 4 > head {
        let k = start - 1;
        if view.kind(k) == Some(TokenKind::Possessive) && k > floor {
            // "the report's authors", "Trump's aides"
            let before = k - 1;
            if let Some(m) = view.mention_at[before] {
                let first = view.analysis.mentions[m].tokens.start.max(floor);
                owner = owner.or(view.entity(m));
                start = first;
            } else if modifier(view, before) {
                start = before;
            } else {
                break;
            }
            break;
        }
        if let Some(m) = view.mention_at[k] {
            let mention = &view.analysis.mentions[m];
            if mention.kind != MentionKind::Name || mention.etype == EntityType::Person && owner.is_some() {
                break;
            }
            owner = owner.or(view.entity(m));
            start = mention.tokens.start.max(floor);
            continue;
        }
        if !modifier(view, k) {
            break;
        }
        let original = view.analysis.segmentation.tokens[k].span.text(view.text);
        if original.starts_with(char::is_uppercase) && view.gaz.demonym(original).is_some() {
            nationality = nationality.or(Some(k));
        }
        start = k;
    }
    let mut end = head + 1;
    // "a spokesman for the ministry", "officials of the agency", "an engineer at NASA"
    if matches!(view.word(end), "for" | "of" | "at" | "from") {
        let mut k = end + 1;
        if view.word(k) == "the" {
            k += 1;
        }
        if let Some(m) = view.mention_starting(k) {
            let mention = &view.analysis.mentions[m];
            if mention.kind == MentionKind::Name && mention.etype != EntityType::Person {
                owner = owner.or(view.entity(m));
                end = mention.tokens.end;
            }
        }
    }
    Some(Phrase { start, head, end, plural, owner, nationality, organisation: false })
}

/// The agent phrase that is the subject of a verb at token `verb`: its head just
/// before the verb (past an adverb or auxiliary: "police also said", "officials
/// have said"), or before a complement ("a spokesman for the ministry said").
pub fn phrase_before(view: &View<'_>, verb: usize, floor: usize) -> Option<Phrase> {
    let mut k = verb.checked_sub(1).filter(|&h| h >= floor)?;
    while k > floor && (is_adverb(view.word(k)) || matches!(view.word(k), "has" | "have" | "had" | "was" | "were")) {
        k -= 1;
    }
    if let Some(p) = phrase_at(view, k, floor) {
        return Some(p);
    }
    // "… for the ministry said": the head before the complement
    let m = view.mention_at[k]?;
    let mut j = view.analysis.mentions[m].tokens.start.checked_sub(1)?;
    if view.word(j) == "the" {
        j = j.checked_sub(1)?;
    }
    if !matches!(view.word(j), "for" | "of" | "at" | "from") || j <= floor {
        return None;
    }
    phrase_at(view, j - 1, floor).filter(|p| p.end > j)
}

/// Adverbs between a subject and its verb.
fn is_adverb(w: &str) -> bool {
    (w.ends_with("ly") && w.len() > 4)
        || matches!(w, "also" | "later" | "then" | "earlier" | "again" | "further" | "previously")
}

/// Common nouns that end the name of a news organisation or office written
/// with them ("Yonhap news agency", "the Herald newspaper").
#[rustfmt::skip]
const ORGANISATION_NOUNS: &[&str] = &[
    "agency", "broadcaster", "channel", "daily", "magazine", "ministry", "network", "newspaper",
    "radio", "television", "website",
];

/// An organisation named by capitalised words and a common noun, starting at
/// token `start` ("Yonhap news agency", "the Herald newspaper"), when the
/// recogniser left its name unrecognised.
pub fn organisation_after(view: &View<'_>, start: usize, limit: usize) -> Option<Phrase> {
    let mut k = start;
    if view.word(k) == "the" {
        k += 1;
    }
    let first = k;
    let capital = |k: usize| {
        view.kind(k) == Some(TokenKind::Word)
            && view.mention_at[k].is_none()
            && view.analysis.segmentation.tokens[k].span.text(view.text).starts_with(char::is_uppercase)
    };
    while k < limit && capital(k) {
        k += 1;
    }
    if k == first || k - first > 4 {
        return None;
    }
    if view.word(k) == "news" {
        k += 1;
    }
    let head = k;
    (head < limit && ORGANISATION_NOUNS.binary_search(&view.word(head)).is_ok()).then_some(Phrase {
        start: first,
        head,
        end: head + 1,
        plural: false,
        owner: None,
        nationality: None,
        organisation: true,
    })
}

/// The agent phrase that starts at token `start` (after "said" or "according to"):
/// determiners and modifiers, then the head; "the post by an unknown author"
/// gives the author.
pub fn phrase_after(view: &View<'_>, start: usize, limit: usize) -> Option<Phrase> {
    let mut k = start;
    while k < limit && DETERMINERS.contains(&view.word(k)) {
        k += 1;
    }
    let first = k;
    while k < limit && k < first + 5 {
        if view.mention_at[k].is_some_and(|m| view.analysis.mentions[m].etype == EntityType::Person) {
            return None;
        }
        if head_noun(view.word(k)).is_some() && (k + 1 >= limit || head_noun(view.word(k + 1)).is_none()) {
            // "said Defence Minister Ana Ruiz": a title of the name that follows, not an agent
            if view.mention_starting(k + 1).is_some_and(|m| view.analysis.mentions[m].etype == EntityType::Person) {
                return None;
            }
            return phrase_at(view, k, first);
        }
        if matches!(view.word(k), "by" | "from" | "of") {
            return phrase_after(view, k + 1, limit);
        }
        if !modifier(view, k) && view.mention_at[k].is_none() {
            return None;
        }
        k += 1;
    }
    None
}

impl View<'_> {
    /// The entity of an agent phrase: an agent already met with the same head
    /// and compatible modifiers, or a new one, with a nominal mention on the phrase.
    pub fn agent_entity(&mut self, p: &Phrase) -> EntityId {
        let mut p = p.clone();
        if p.owner.is_none() {
            if let Some(k) = p.nationality {
                let word = self.analysis.segmentation.tokens[k].span.text(self.text).to_owned();
                p.owner = self.country_entity(&word);
            }
        }
        let head = lemma(self.word(p.head));
        let modifiers: Vec<String> = (p.start..p.head).map(|k| self.word(k).to_owned()).collect();
        let span = self.span(p.start, p.end);
        let sentence = self.analysis.segmentation.sentence_at(span.start);
        let etype = match (p.organisation, p.plural) {
            (true, _) => EntityType::Org,
            (false, true) => EntityType::Norp,
            (false, false) => EntityType::Person,
        };
        let n = self.analysis.entities.len();
        let known = self.agents.iter().rev().find(|a| {
            a.head == head
                && self.etype(a.entity) == etype
                && modifiers.iter().all(|m| a.modifiers.contains(m))
                && (p.owner.is_none() || a.owner == p.owner)
        });
        let e = match known {
            Some(a) => a.entity,
            None => {
                // "Police said" at a sentence start is "police"; "State Department officials" keeps its capitals
                let first = self.analysis.segmentation.tokens[p.start].span.text(self.text);
                let proper =
                    (self.mention_at[p.start].is_some() && p.start != p.head) || self.gaz.demonym(first).is_some();
                let name = if proper { span.text(self.text).to_owned() } else { lower_first(span.text(self.text)) };
                let slug = crate::rdf::mint::slug(&name);
                self.extra.push(Entity {
                    name,
                    etype,
                    mentions: Vec::new(),
                    key: Some(format!("{KEY_PREFIX}{slug}@{}", self.doc_id)),
                    link: None,
                });
                let e = n + self.extra.len() - 1;
                self.agents.push(Agent { entity: e, head, modifiers, owner: p.owner, sentence });
                e
            }
        };
        let id = self.analysis.mentions.len() + self.extra_mentions.len();
        self.extra_mentions.push((
            Mention {
                span,
                tokens: p.start..p.end,
                sentence,
                kind: MentionKind::Nominal,
                etype,
                gender: None,
                title: None,
            },
            e,
        ));
        self.extra[e - n].mentions.push(id);
        e
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

/// An agent entity met in the article.
#[derive(Debug, Clone)]
pub struct Agent {
    /// Its entity.
    pub entity: EntityId,
    /// The singular of its head noun.
    pub head: String,
    /// The lower-case words before the head.
    pub modifiers: Vec<String>,
    /// Who it belongs to.
    pub owner: Option<EntityId>,
    /// The sentence it is first met in.
    pub sentence: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted() {
        for list in [COLLECTIVES, PERSON_NOUNS, ORGANISATION_NOUNS] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
    }

    #[test]
    fn heads() {
        assert_eq!(head_noun("police"), Some(true));
        assert_eq!(head_noun("officials"), Some(true));
        assert_eq!(head_noun("spokesmen"), Some(true));
        assert_eq!(head_noun("spokesman"), Some(false));
        assert_eq!(head_noun("authors"), Some(true));
        assert_eq!(head_noun("witnesses"), Some(true));
        assert_eq!(head_noun("wife"), None);
        assert_eq!(head_noun("table"), None);
        assert_eq!(lemma("researchers"), "researcher");
    }

    fn phrase(text: &str, after: &str) -> Option<(String, bool)> {
        let (doc, a) = crate::extract::testing::analyze(text, None);
        let quotes = crate::extract::quotes::find_quotes(&doc.text, &a.segmentation);
        let view = View::new(&doc, &a, crate::lexicon::gazetteer::get(), &quotes);
        let at = doc.text.find(after).expect("the word is in the text") + after.len();
        let k = a.segmentation.token_at_or_after(at);
        let p = phrase_after(&view, k, view.len()).or_else(|| organisation_after(&view, k, view.len()))?;
        Some((view.span(p.start, p.end).text(&doc.text).to_owned(), p.plural))
    }

    #[test]
    fn phrases_after_a_verb_or_according_to() {
        assert_eq!(phrase("said the two witnesses.", "said"), Some(("witnesses".into(), true)));
        assert_eq!(
            phrase("said a senior official at the Harbour Authority.", "said"),
            Some(("senior official at the Harbour Authority".into(), false))
        );
        assert_eq!(phrase("said the post by an unknown user.", "said"), Some(("unknown user".into(), false)));
        assert_eq!(phrase("said Defence Minister Ana Ruiz.", "said"), None);
        assert_eq!(phrase("according to local officials.", "according to"), Some(("local officials".into(), true)));
    }

    #[test]
    fn an_organisation_the_recogniser_missed() {
        // a recogniser that finds no names at all
        struct NoNames;
        impl crate::ner::Recognizer for NoNames {
            fn recognize(&self, _: &str, _: &crate::model::Segmentation) -> Vec<Mention> {
                Vec::new()
            }
        }
        let doc = crate::model::Document::new("t", "Prices rose, according to Valdora news agency, and fell again.");
        let a = crate::Pipeline::builder().recognizer(NoNames).linker(None).build().analyze(&doc);
        let view = View::new(&doc, &a, crate::lexicon::gazetteer::get(), &[]);
        let k = a.segmentation.token_at_or_after(doc.text.find("Valdora").expect("in the text"));
        let p = organisation_after(&view, k, view.len()).expect("an organisation");
        assert_eq!((view.span(p.start, p.end).text(&doc.text), p.organisation), ("Valdora news agency", true));
        let speakers = crate::extract::testing::quotes("According to the Valdora news agency, prices “will fall”.");
        assert!(speakers.iter().all(|(_, s)| s.is_some()), "{speakers:?}");
    }

    #[test]
    fn one_agent_for_one_group() {
        let text =
            "The report's authors say fish stocks are “falling fast”. The authors call for “a pause in trawling.” \
                    “The port is closed,” police said.";
        let (_, a) = crate::extract::testing::analyze(text, None);
        let groups: Vec<(&str, usize)> = a
            .entities
            .iter()
            .filter(|e| e.key.as_deref().is_some_and(|k| k.starts_with(KEY_PREFIX)))
            .map(|e| (e.name.as_str(), e.mentions.len()))
            .collect();
        assert_eq!(groups, [("report's authors", 2), ("police", 1)]);
    }
}
