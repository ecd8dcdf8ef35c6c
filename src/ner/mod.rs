//! Stage 2, `recognize`: tokens → mentions (names, pronouns, role nominals).
//!
//! Names are found and typed by a learned model, in four steps, each a module:
//! 1. [`candidates`]: every stretch of capitalised words (with connectors such
//!    as "of" and "'s") that could be a name, overlapping ones included;
//! 2. [`features`]: what each candidate looks like, what surrounds it, what
//!    the gazetteers and the rest of the article say about it;
//! 3. [`model`]: weights learned from annotated text by `newsgraph train`
//!    ([`train`]) score each candidate as a person, organisation, place,
//!    group or other name;
//! 4. [`decode`]: the best set of candidates that do not overlap, then one
//!    type per name across the article, extended to the name's other
//!    occurrences and to names joined to it by "and".
//!
//! Pronouns and role nominals ("the Russian president") are added by
//! pattern: they are closed classes, not names.
//!
//! # Rationale
//! The earlier recogniser scored types with hand-set weights; they did well on
//! the articles they were tuned on and worse on others. Every signal it used is
//! now a feature ([`features::TEMPLATES`]), and how much each counts is
//! learned from hand-annotated documents of several genres and from news-like
//! text labelled by an open model (`data/train/`, `data/README.md`), measured
//! by cross-validation. Candidates overlap so that the model, not a rule,
//! decides where a name starts ("US envoy Ada Quill" → "US", "Ada Quill").

pub mod candidates;
pub mod context;
pub mod decode;
pub mod features;
pub mod model;
pub mod train;

use std::collections::HashSet;
use std::sync::Arc;

use self::candidates::Candidate;
use self::context::{Context, TITLE_MODIFIERS};
use self::features::DocFacts;
use self::model::{Label, Model};
use crate::lexicon::gazetteer::{self, Gazetteer};
use crate::lexicon::{self, TitleKind};
use crate::model::{EntityType, Mention, MentionKind, Segmentation, Span};

/// Finds the mentions in a segmented text.
pub trait Recognizer: Send + Sync {
    /// Mentions in text order.
    fn recognize(&self, text: &str, seg: &Segmentation) -> Vec<Mention>;
}

/// The default recogniser: candidates scored by learned weights.
#[derive(Debug, Clone)]
pub struct LearnedRecognizer {
    model: Arc<Model>,
    gazetteer: &'static Gazetteer,
}

impl Default for LearnedRecognizer {
    fn default() -> Self {
        Self::new(Model::shipped())
    }
}

impl LearnedRecognizer {
    /// A recogniser with other weights (from `newsgraph train`).
    pub fn new(model: Arc<Model>) -> Self {
        Self { model, gazetteer: gazetteer::get() }
    }
}

/// The names of a document and their labels, in text order.
pub fn names(cx: &Context, model: &Model) -> Vec<(Candidate, Label)> {
    let cands = candidates::candidates(cx);
    let facts = DocFacts::new(cx, &cands);
    let mut buf = Vec::new();
    let scores: Vec<_> = cands
        .iter()
        .map(|&c| {
            buf.clear();
            features::extract(cx, &facts, c, &mut buf);
            let mut s = model.score(&buf);
            if !may_be_person(cx, c) {
                s[Label::Person.index()] = f32::NEG_INFINITY;
            }
            s
        })
        .collect();
    let mut chosen = decode::best_segmentation(cx.len(), &cands, &scores);
    let key = |i: usize| gazetteer::key(cx.surface(cands[i].start, cands[i].end));
    decode::agree(&mut chosen, key, &scores);
    decode::propagate(&mut chosen, cx.len(), &cands, &scores, key, |i| cx.lower[cands[i].end - 1].clone());
    decode::coordinate(&mut chosen, cx.len(), &cands, &scores, |t| matches!(cx.lower[t].as_str(), "and" | "or" | "&"));
    chosen.into_iter().map(|(i, l)| (cands[i], l)).collect()
}

/// How the recogniser saw one candidate: its scores, whether it was chosen,
/// and the features that weighed most for its best label.
#[derive(Debug, Clone)]
pub struct Explanation {
    /// The candidate's text.
    pub span: Span,
    /// Its score for each label ([`model::LABELS`] order).
    pub scores: model::Scores,
    /// The label it was given, if it was chosen.
    pub chosen: Option<Label>,
    /// `template=value` and its weight for the best label (shared weight included), largest first.
    pub features: Vec<(String, f32)>,
}

/// Every candidate of a text, explained (for `extract --format explain`).
pub fn explain(text: &str, seg: &Segmentation, model: &Model) -> Vec<Explanation> {
    let cx = Context::new(text, seg, gazetteer::get());
    let chosen = names(&cx, model);
    let cands = candidates::candidates(&cx);
    let facts = DocFacts::new(&cx, &cands);
    cands
        .iter()
        .map(|&c| {
            let described = features::describe_candidate(&cx, &facts, c);
            let ids: Vec<_> = described.iter().map(|(t, v)| features::feature(t, v)).collect();
            let scores = model.score(&ids);
            let best = (0..model::N_LABELS).fold(0, |b, l| if scores[l] > scores[b] { l } else { b });
            let mut features: Vec<(String, f32)> = described
                .iter()
                .zip(&ids)
                .filter_map(|((t, v), id)| {
                    let w = model.row(*id)?;
                    Some((format!("{t}={v}"), w[best] + w[model::SHARED]))
                })
                .collect();
            features.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()));
            let label = chosen.iter().find(|(x, _)| *x == c).map(|(_, l)| *l);
            Explanation { span: cx.span(c.start, c.end), scores, chosen: label, features }
        })
        .collect()
}

/// Whether candidate `c` may be a person's name: not when a country or a
/// nationality comes first ("U.S. Kowalczyk", "Russian Ivan Petrov": a place or
/// an affiliation, then the person), unless that word is also a given name
/// ("Jordan", "Georgia", "Chad").
fn may_be_person(cx: &Context, c: Candidate) -> bool {
    c.len() < 2
        || cx.is_first_name(c.start)
        || !(cx.is_demonym(c.start) || (cx.cap[c.start] && cx.is_country(c.start, c.start + 1)))
}

impl Recognizer for LearnedRecognizer {
    fn recognize(&self, text: &str, seg: &Segmentation) -> Vec<Mention> {
        let cx = Context::new(text, seg, self.gazetteer);
        let mut mentions: Vec<Mention> = names(&cx, &self.model)
            .into_iter()
            .filter_map(|(c, label)| {
                let etype = match label {
                    Label::Person => EntityType::Person,
                    Label::Org => EntityType::Org,
                    Label::Place => place_type(&cx, c),
                    Label::Norp => EntityType::Norp,
                    Label::Other => return None,
                };
                let title = cx.title_before(c.start);
                Some(Mention {
                    span: cx.span(c.start, c.end),
                    tokens: c.start..c.end,
                    sentence: cx.sentence_of[c.start],
                    kind: MentionKind::Name,
                    etype,
                    gender: title.and_then(|t| t.2),
                    title: title.map(|t| t.0),
                })
            })
            .collect();
        pronouns_and_nominals(&cx, &mut mentions);
        mentions.sort_by_key(|m| (m.span.start, m.span.end));
        mentions
    }
}

/// A place the gazetteer knows as a country, region or city is a GPE; one
/// named by a geographic or built head ("… River", "… Airport") is a location.
fn place_type(cx: &Context, c: Candidate) -> EntityType {
    if cx.gaz.place(cx.surface(c.start, c.end)).is_some() {
        EntityType::Gpe
    } else if c.len() >= 2 && lexicon::is_loc_head(&cx.lower[c.end - 1]) {
        EntityType::Loc
    } else {
        EntityType::Gpe
    }
}

/// Adds pronoun mentions (he, she, …) and role nominals ("the Russian president").
fn pronouns_and_nominals(cx: &Context, mentions: &mut Vec<Mention>) {
    let taken: HashSet<usize> = mentions.iter().flat_map(|m| m.tokens.clone()).collect();
    for (si, s) in cx.seg.sentences.iter().enumerate() {
        for i in s.tokens.clone() {
            if taken.contains(&i) || !cx.is_word(i) {
                continue;
            }
            let l = cx.lower[i].as_str();
            if let Some(g) = lexicon::pronoun_gender(l) {
                mentions.push(Mention {
                    span: cx.seg.tokens[i].span,
                    tokens: i..i + 1,
                    sentence: si,
                    kind: MentionKind::Pronoun,
                    etype: EntityType::Person,
                    gender: Some(g),
                    title: None,
                });
                continue;
            }
            // "the [Russian] president" not followed by a name
            if l != "the" || i + 1 >= s.tokens.end {
                continue;
            }
            let mut j = i + 1;
            if cx.is_demonym(j) || (cx.cap[j] && cx.is_country(j, j + 1)) {
                j += 1;
            }
            while j < s.tokens.end && TITLE_MODIFIERS.contains(&cx.lower[j].as_str()) {
                j += 1;
            }
            if j >= s.tokens.end || taken.contains(&j) {
                continue;
            }
            if let Some((TitleKind::Role, g)) = lexicon::title(&cx.lower[j]) {
                let followed_by_name = j + 1 < s.tokens.end && cx.cap[j + 1];
                if !followed_by_name {
                    let span = Span::new(cx.seg.tokens[i + 1].span.start, cx.seg.tokens[j].span.end);
                    mentions.push(Mention {
                        span,
                        tokens: i + 1..j + 1,
                        sentence: si,
                        kind: MentionKind::Nominal,
                        etype: EntityType::Person,
                        gender: g,
                        title: Some(span),
                    });
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::{RuleSegmenter, Segmenter};

    fn names_in(text: &str) -> Vec<(String, EntityType)> {
        let seg = RuleSegmenter.segment(text);
        LearnedRecognizer::default()
            .recognize(text, &seg)
            .into_iter()
            .filter(|m| m.kind == MentionKind::Name)
            .map(|m| (m.span.text(text).to_owned(), m.etype))
            .collect()
    }

    fn assert_names(text: &str, expected: &[(&str, EntityType)]) {
        let got = names_in(text);
        let want: Vec<(String, EntityType)> = expected.iter().map(|(s, t)| ((*s).to_owned(), *t)).collect();
        assert_eq!(got, want, "names in {text:?}");
    }

    use EntityType::*;

    #[test]
    fn title_spans_are_recorded() {
        let text = "Ukrainian Ambassador to the US Ilona Marchetti stated.";
        let seg = RuleSegmenter.segment(text);
        let ms = LearnedRecognizer::default().recognize(text, &seg);
        let m = ms.iter().find(|m| m.span.text(text) == "Ilona Marchetti").expect("a mention");
        assert_eq!(m.title.map(|t| t.text(text)), Some("Ukrainian Ambassador to the US"));
    }

    #[test]
    fn pronouns_and_role_nominals() {
        let text = "He met the Russian president.";
        let seg = RuleSegmenter.segment(text);
        let ms = LearnedRecognizer::default().recognize(text, &seg);
        let kinds: Vec<_> = ms.iter().map(|m| (m.span.text(text), m.kind)).collect();
        assert_eq!(kinds, [("He", MentionKind::Pronoun), ("Russian president", MentionKind::Nominal)]);
    }

    // The error classes the learned recogniser was built to fix, each on sentences of our own.

    #[test]
    fn organisations_sites_and_brands_are_not_people_or_places() {
        assert_names(
            "Investors sold shares of Toyota and Siemens, while the Red Cross and Hamas issued statements.",
            &[("Toyota", Org), ("Siemens", Org), ("Red Cross", Org), ("Hamas", Org)],
        );
        assert_names(
            "The Labour Party won, the Daily Telegraph reported.",
            &[("Labour Party", Org), ("Daily Telegraph", Org)],
        );
    }

    #[test]
    fn a_gazetteer_row_of_another_kind_is_evidence_not_a_verdict() {
        // "Chelsea" is also a place, "Kent" also a county, "Lincoln" also a city
        assert_names(
            "Chelsea Okafor said the plan would work, and Senator Marisol Kent agreed with Lincoln Abara.",
            &[("Chelsea Okafor", Person), ("Marisol Kent", Person), ("Lincoln Abara", Person)],
        );
    }

    #[test]
    fn a_country_nationality_or_title_before_an_unknown_name_stays_outside_it() {
        assert_names("Nigerian sprinter Adaeze Okonkwo won the final.", &[("Adaeze Okonkwo", Person)]);
        assert_names(
            "US negotiator Tamsin Orlov-Bright met EU envoy Pieter Vandermolen.",
            &[("US", Gpe), ("Tamsin Orlov-Bright", Person), ("EU", Org), ("Pieter Vandermolen", Person)],
        );
        let text = "Kenyan Prime Minister Odhiambo Wekesa said talks would resume.";
        let seg = RuleSegmenter.segment(text);
        let ms = LearnedRecognizer::default().recognize(text, &seg);
        let m = ms.iter().find(|m| m.kind == MentionKind::Name).expect("a name");
        assert_eq!(m.span.text(text), "Odhiambo Wekesa");
        assert_eq!(m.title.map(|t| t.text(text)), Some("Kenyan Prime Minister"), "the title becomes a role");
    }

    #[test]
    fn a_country_right_before_a_surname_is_a_place_then_a_person() {
        assert_names(
            "Hanna Kowalczyk landed in the U.S. Kowalczyk said she was glad.",
            &[("Hanna Kowalczyk", Person), ("U.S.", Gpe), ("Kowalczyk", Person)],
        );
        // a country that is also a given name may start a person's name
        assert_names("Jordan Okafor said she was glad.", &[("Jordan Okafor", Person)]);
    }

    #[test]
    fn capitalised_common_nouns_are_not_entities() {
        // (a bare "Cabinet" or "the Committee" is an organisation in the training data, and stays one)
        assert_names("The Government said the Minister would resign on Monday.", &[]);
    }

    #[test]
    fn a_single_unknown_word_needs_evidence() {
        // a sentence-initial word that is no one's name: nothing says what it would be
        assert_names("Aerogel insulates homes well.", &[]);
        // the same kind of word with evidence: a title before it, a place preposition
        assert_names("Mr Zorvath said he would stay in Quellburg.", &[("Zorvath", Person), ("Quellburg", Gpe)]);
    }

    #[test]
    fn places_are_gpes_or_locations() {
        assert_names("Flooding hit Lagos and the Quorra River.", &[("Lagos", Gpe), ("Quorra River", Loc)]);
    }
}
