//! Word knowledge the stages share.
//!
//! Two kinds live here:
//! - closed-class lists of general English ([`lists`]): titles, reporting verbs,
//!   kin terms, organisation and place heads, weekdays — small, hand-written,
//!   naming no particular person, place or article;
//! - open-data lexicons and gazetteers ([`gazetteer`]), built from registry
//!   packages by `scripts/build_kb.py` and embedded in the binary.

pub mod gazetteer;
mod lists;

pub use crate::model::Gender;
pub use lists::*;

/// What a title word says about the person it precedes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TitleKind {
    /// A formal position ("president", "envoy", "ambassador"): a `holdsRole` fact.
    Role,
    /// A form of address ("Mr", "Dr", "Sir").
    Honorific,
    /// An occupation or description ("columnist", "member"): a person cue only.
    Occupation,
}

fn has(list: &[&str], word: &str) -> bool {
    list.binary_search(&word).is_ok()
}

/// Whether `word` (as written, without its period) keeps a final period: "Mr", "Inc".
pub fn is_abbreviation(word: &str) -> bool {
    has(ABBREVIATIONS, word)
}

/// Whether `word` (as written, without its period) precedes names and never ends a sentence.
pub fn is_title_abbreviation(word: &str) -> bool {
    has(TITLE_ABBREVIATIONS, word)
}

/// Whether a capitalised word usually starts a sentence ("The", "He", "But").
pub fn is_sentence_starter(word: &str) -> bool {
    has(SENTENCE_STARTERS, word)
}

/// Whether a lower-case word is a function word (curly apostrophes count as straight: "i’m").
pub fn is_function_word(lower: &str) -> bool {
    if lower.contains('’') {
        return has(FUNCTION_WORDS, &lower.replace('’', "'"));
    }
    has(FUNCTION_WORDS, lower)
}

/// Whether a lower-case word ends event names ("cup", "festival").
pub fn is_event_head(lower: &str) -> bool {
    has(EVENT_HEADS, lower)
}

/// Whether a lower-case word starts the names of storms and operations ("cyclone").
pub fn is_event_prefix(lower: &str) -> bool {
    has(EVENT_PREFIXES, lower)
}

/// The title kind and gender of a lower-case word ("envoy", "mr"), if it is a title.
/// A trailing period is ignored ("dr." → "dr").
pub fn title(lower: &str) -> Option<(TitleKind, Option<Gender>)> {
    let word = lower.strip_suffix('.').unwrap_or(lower);
    TITLES.binary_search_by(|(w, _, _)| w.cmp(&word)).ok().map(|i| (TITLES[i].1, TITLES[i].2))
}

/// [`title`] of a lower-case word or of its singular ("envoy", "officials").
pub fn title_or_plural(lower: &str) -> Option<(TitleKind, Option<Gender>)> {
    title(lower).or_else(|| lower.strip_suffix('s').and_then(title))
}

/// The gender of a personal pronoun ("he" → male), if `lower` is one.
pub fn pronoun_gender(lower: &str) -> Option<Gender> {
    if has(PRONOUNS_MALE, lower) {
        Some(Gender::Male)
    } else if has(PRONOUNS_FEMALE, lower) {
        Some(Gender::Female)
    } else {
        None
    }
}

/// Day of the week of a lower-case word, Monday = 0.
pub fn weekday(lower: &str) -> Option<u32> {
    const ORDER: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
    ORDER.iter().position(|d| *d == lower).map(|i| i as u32)
}

/// Month number (1–12) of a lower-case word.
pub fn month(lower: &str) -> Option<u32> {
    const ORDER: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    ORDER.iter().position(|d| *d == lower).map(|i| i as u32 + 1)
}

/// Whether a lower-case word is a weekday or month name.
pub fn is_calendar_word(lower: &str) -> bool {
    has(WEEKDAYS, lower) || has(MONTHS, lower)
}

/// Whether a lower-case word names a meeting ("talks", "summit").
pub fn is_meeting_noun(lower: &str) -> bool {
    has(MEETING_NOUNS, lower)
}

/// Whether a lower-case word makes a conversation a phone call.
pub fn is_phone_word(lower: &str) -> bool {
    has(PHONE_WORDS, lower)
}

/// Whether a lower-case word names a trip.
pub fn is_visit_noun(lower: &str) -> bool {
    has(VISIT_NOUNS, lower)
}

/// Whether a lower-case word is a verb of meeting.
pub fn is_meet_verb(lower: &str) -> bool {
    has(MEET_VERBS, lower)
}

/// Whether a lower-case word is a kinship term.
pub fn is_kin_term(lower: &str) -> bool {
    has(KIN_TERMS, lower)
}

/// Whether a lower-case word is a form of a reporting verb.
pub fn is_reporting_verb(lower: &str) -> bool {
    has(REPORTING_VERBS, lower)
}

/// Whether a lower-case word ends organisation names.
pub fn is_org_head(lower: &str) -> bool {
    has(ORG_HEADS, lower)
}

/// Whether a lower-case word ends non-GPE place names.
pub fn is_loc_head(lower: &str) -> bool {
    has(LOC_HEADS, lower)
}

/// Whether a lower-case word introduces a place.
pub fn is_place_preposition(lower: &str) -> bool {
    has(PLACE_PREPOSITIONS, lower)
}

/// Whether a lower-case word names a group of people acting together.
pub fn is_group_noun(lower: &str) -> bool {
    has(GROUP_NOUNS, lower)
}

/// Whether a lower-case word is the title of a national leader.
pub fn is_leader_title(lower: &str) -> bool {
    has(LEADER_TITLES, lower)
}

/// Whether a lower-case word puts an event in the future.
pub fn is_future_cue(lower: &str) -> bool {
    has(FUTURE_CUES, lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_sorted(name: &str, list: &[&str]) {
        for w in list.windows(2) {
            assert!(w[0] < w[1], "{name}: {:?} must come after {:?}", w[0], w[1]);
        }
    }

    #[test]
    fn lists_are_sorted_and_unique() {
        for (name, list) in [
            ("ABBREVIATIONS", ABBREVIATIONS),
            ("TITLE_ABBREVIATIONS", TITLE_ABBREVIATIONS),
            ("SENTENCE_STARTERS", SENTENCE_STARTERS),
            ("FUNCTION_WORDS", FUNCTION_WORDS),
            ("PRONOUNS_MALE", PRONOUNS_MALE),
            ("PRONOUNS_FEMALE", PRONOUNS_FEMALE),
            ("WEEKDAYS", WEEKDAYS),
            ("MONTHS", MONTHS),
            ("MEETING_NOUNS", MEETING_NOUNS),
            ("PHONE_WORDS", PHONE_WORDS),
            ("VISIT_NOUNS", VISIT_NOUNS),
            ("MEET_VERBS", MEET_VERBS),
            ("KIN_TERMS", KIN_TERMS),
            ("REPORTING_VERBS", REPORTING_VERBS),
            ("ORG_HEADS", ORG_HEADS),
            ("LOC_HEADS", LOC_HEADS),
            ("PLACE_PREPOSITIONS", PLACE_PREPOSITIONS),
            ("GROUP_NOUNS", GROUP_NOUNS),
            ("LEADER_TITLES", LEADER_TITLES),
            ("FUTURE_CUES", FUTURE_CUES),
            ("EVENT_HEADS", EVENT_HEADS),
            ("EVENT_PREFIXES", EVENT_PREFIXES),
        ] {
            assert_sorted(name, list);
        }
        let titles: Vec<&str> = TITLES.iter().map(|t| t.0).collect();
        assert_sorted("TITLES", &titles);
    }

    #[test]
    fn lookups() {
        assert_eq!(title("envoy"), Some((TitleKind::Role, None)));
        assert_eq!(title("mrs."), Some((TitleKind::Honorific, Some(Gender::Female))));
        assert_eq!(title("banana"), None);
        assert!(is_reporting_verb("instructed"));
        assert!(is_kin_term("son-in-law"));
        assert_eq!(weekday("thursday"), Some(3));
        assert_eq!(month("march"), Some(3));
        assert_eq!(pronoun_gender("his"), Some(Gender::Male));
    }
}
