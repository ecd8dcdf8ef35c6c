//! Relative and absolute dates, resolved against the publication date.
//!
//! News counts days from the day it is published: "Thursday" in a past-tense
//! sentence is the last Thursday before publication, "on Monday" in a sentence
//! about what will happen is the next Monday. "this weekend" is the Saturday
//! of the publication week; "yesterday", "today" and "tomorrow" are what they
//! say. Absolute dates ("March 15, 2012", "15 March 2012", "2025-12-07") are
//! read as written; a month and day without a year take the publication year.

use chrono::{Datelike, Duration, NaiveDate};

use crate::lexicon;

/// A date found in a sentence, with the token it starts at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FoundDate {
    /// Token index where the expression starts.
    pub token: usize,
    /// The resolved day.
    pub date: NaiveDate,
    /// Whether it was resolved forwards from the publication date.
    pub future: bool,
}

/// Finds the first date expression among the lower-case `words` (one per token
/// of a sentence, starting at token `base`). `future` says whether the sentence
/// speaks of what is to come. Without a publication date only absolute dates resolve.
pub fn find(words: &[&str], base: usize, published: Option<NaiveDate>, future: bool) -> Option<FoundDate> {
    for (i, w) in words.iter().enumerate() {
        let prev = if i > 0 { words[i - 1] } else { "" };
        let next = words.get(i + 1).copied().unwrap_or("");
        if let Some(m) = lexicon::month(w) {
            // "may" is a month only next to a number
            if *w == "may"
                && !next.chars().next().is_some_and(|c| c.is_ascii_digit())
                && !prev.chars().next().is_some_and(|c| c.is_ascii_digit())
            {
                continue;
            }
            let after = words.iter().skip(i + 2).take(2).copied().find(|w| *w != ",");
            if let Some(d) = month_day(m, prev, next, after, published) {
                let start = if prev.parse::<u32>().is_ok() { i - 1 } else { i };
                return Some(FoundDate { token: base + start, date: d, future: published.is_some_and(|p| d > p) });
            }
        }
        if let Some(iso) = iso_date(w) {
            return Some(FoundDate { token: base + i, date: iso, future: published.is_some_and(|p| iso > p) });
        }
        let Some(p) = published else { continue };
        if let Some(wd) = lexicon::weekday(w) {
            let forward = match prev {
                "next" | "coming" => true,
                "last" | "past" => false,
                _ => future,
            };
            return Some(FoundDate { token: base + i, date: weekday(p, wd, forward), future: forward });
        }
        let relative = match *w {
            "today" | "tonight" => Some((0, false)),
            "yesterday" => Some((-1, false)),
            "tomorrow" => Some((1, true)),
            "weekend" if prev == "this" => {
                let saturday = p - Duration::days(i64::from(p.weekday().num_days_from_monday())) + Duration::days(5);
                return Some(FoundDate { token: base + i - 1, date: saturday, future: saturday > p });
            }
            _ => None,
        };
        if let Some((days, fut)) = relative {
            return Some(FoundDate { token: base + i, date: p + Duration::days(days), future: fut });
        }
    }
    None
}

/// The first date expression among the lower-case `words`, as a range of
/// their indices, whether or not it can be resolved: "on Tuesday", "last
/// week", "March 15", "yesterday". An article without a publication date keeps
/// it as written rather than a guessed day.
pub fn expression(words: &[&str]) -> Option<(usize, usize)> {
    for (i, w) in words.iter().enumerate() {
        let prev = if i > 0 { words[i - 1] } else { "" };
        let next = words.get(i + 1).copied().unwrap_or("");
        let with_prev = |i: usize| if matches!(prev, "last" | "next" | "this" | "coming" | "past") { i - 1 } else { i };
        if lexicon::weekday(w).is_some() {
            return Some((with_prev(i), i + 1));
        }
        if let Some(m) = lexicon::month(w) {
            let number = |s: &str| s.chars().next().is_some_and(|c| c.is_ascii_digit());
            if number(next) {
                return Some((i, i + 2));
            }
            if number(prev) {
                return Some((i - 1, i + 1));
            }
            if m != 5 && matches!(prev, "in" | "last" | "next" | "early" | "late" | "mid") {
                return Some((with_prev(i), i + 1));
            }
        }
        match *w {
            "yesterday" | "today" | "tomorrow" | "tonight" => return Some((i, i + 1)),
            "week" | "weekend" | "month" | "year" if matches!(prev, "last" | "next" | "this" | "coming" | "past") => {
                return Some((i - 1, i + 1));
            }
            _ => {}
        }
    }
    None
}

/// The weekday `wd` (Monday = 0) nearest to `published` in the given direction;
/// the same weekday as publication is the publication day when looking back.
pub fn weekday(published: NaiveDate, wd: u32, forward: bool) -> NaiveDate {
    let today = published.weekday().num_days_from_monday();
    if forward {
        let ahead = (wd + 7 - today) % 7;
        published + Duration::days(i64::from(if ahead == 0 { 7 } else { ahead }))
    } else {
        let back = (today + 7 - wd) % 7;
        published - Duration::days(i64::from(back))
    }
}

fn month_day(
    month: u32,
    prev: &str,
    next: &str,
    after: Option<&str>,
    published: Option<NaiveDate>,
) -> Option<NaiveDate> {
    let year_of = |s: Option<&str>| s.and_then(|y| y.parse::<i32>().ok()).filter(|y| (1000..3000).contains(y));
    let day_of =
        |s: &str| s.trim_end_matches(|c: char| c.is_alphabetic()).parse::<u32>().ok().filter(|d| (1..=31).contains(d));
    // "March 15, 2012" / "March 15" / "15 March 2012"
    let (day, year) = if let Some(d) = day_of(next) {
        (d, year_of(after))
    } else if let Some(d) = day_of(prev) {
        (d, year_of(Some(next)))
    } else {
        return None;
    };
    let year = year.or_else(|| published.map(|p| p.year()))?;
    NaiveDate::from_ymd_opt(year, month, day)
}

fn iso_date(w: &str) -> Option<NaiveDate> {
    if w.len() == 10 && w.as_bytes()[4] == b'-' && w.as_bytes()[7] == b'-' {
        NaiveDate::parse_from_str(w, "%Y-%m-%d").ok()
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("a test date")
    }

    fn found(sentence: &str, published: &str, future: bool) -> Option<String> {
        let words: Vec<String> = sentence.split_whitespace().map(str::to_lowercase).collect();
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        find(&words, 0, Some(day(published)), future).map(|f| f.date.to_string())
    }

    #[test]
    fn weekdays_resolve_back_in_past_sentences_and_forward_in_future_ones() {
        // 2025-12-07 is a Sunday
        assert_eq!(found("talks started Thursday", "2025-12-07", false).as_deref(), Some("2025-12-04"));
        assert_eq!(found("she stated Saturday", "2025-12-07", false).as_deref(), Some("2025-12-06"));
        assert_eq!(found("a meeting on Monday", "2025-12-07", true).as_deref(), Some("2025-12-08"));
        assert_eq!(found("said on Sunday", "2025-12-07", false).as_deref(), Some("2025-12-07"));
        assert_eq!(found("ended this weekend", "2025-12-07", false).as_deref(), Some("2025-12-06"));
    }

    #[test]
    fn expressions_are_found_without_a_publication_date() {
        let found = |s: &str| {
            let words: Vec<String> = s.split_whitespace().map(str::to_lowercase).collect();
            let words: Vec<&str> = words.iter().map(String::as_str).collect();
            expression(&words).map(|(a, b)| words[a..b].join(" "))
        };
        assert_eq!(found("the envoys met on Tuesday in Oslo").as_deref(), Some("tuesday"));
        assert_eq!(found("she left last week").as_deref(), Some("last week"));
        assert_eq!(found("talks resume March 3 in Bern").as_deref(), Some("march 3"));
        assert_eq!(found("they may agree"), None);
        let words = ["met", "on", "tuesday"];
        assert_eq!(find(&words, 0, None, false), None, "no publication date: no guessed day");
    }

    #[test]
    fn absolute_dates() {
        assert_eq!(found("on March 15 , 2012 it", "2025-12-07", false).as_deref(), Some("2012-03-15"));
        assert_eq!(found("on 15 March 2012", "2025-12-07", false).as_deref(), Some("2012-03-15"));
        assert_eq!(found("it may rain", "2025-12-07", false), None);
    }
}
