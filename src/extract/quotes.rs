//! Direct quotations and who said them.
//!
//! # Finding quotes
//! Curly (“ ” ‘ ’), low (‚ „), angle (« ») and straight (" ') marks are paired
//! within a paragraph; a single-quoted passage inside a double-quoted one is
//! part of it. A paragraph that opens a quote without closing it continues
//! the quote into the next paragraph when that one opens with a mark, as
//! newspapers print multi-paragraph quotes; an unclosed quote otherwise ends
//! with its paragraph.
//!
//! # Finding the speaker
//! In order, the first that applies:
//! 1. after the quote, in its sentence: `“…,” X said`, `“…,” said X`,
//!    `“…,” X, the minister, said`, `“…,” police said`, `“…,” said a spokesman
//!    for the ministry` (not `“…,” and told the police`: a new clause);
//! 2. before the quote, in its sentence: `X said (that) … “…”`, `According to
//!    X, “…”`, `“…,” X stated Saturday, “…”` for the second part, `X called the
//!    ruling “…”`, `The report's authors say it is “…”`, `…, with one poster
//!    writing “…”`, `X, adviser to the minister, said “…”` (the name, not the
//!    minister), `X's analysis concluded, “…”`; not the listener of `told X`,
//!    nor the subject of `was told`;
//! 3. set off by a dash, colon or caption: `X — “…”`, `“…” — X`, `“…” Local
//!    resident, …` at the start of a paragraph;
//! 4. `“…”, it added`, `They call for “…”`: the organisation (or group) that
//!    spoke in this sentence or the three before;
//! 5. a quote that is a sentence or more of its own continues the speaker of a
//!    verb of saying in the sentence before (`As X told the paper, … . “…”`,
//!    `X stated:` ending the paragraph before), else of the quote before it in
//!    the same or the previous paragraph;
//! 6. otherwise (a scare quote, a title after a preposition or `the name`, a
//!    title-cased name): no speaker.
//!
//! A speaker that is a pronoun or a role nominal is the entity coreference
//! gave it ("he stated" → the person "he" refers to); "I" or "we" in the
//! answers of an interview is the interviewee its headline names; a speaker
//! named only by role ("police", "State Department officials", "the report's
//! authors") is an agent of the article ([`super::agents`]).

use super::agents::{self, Phrase};
use super::{is_agent, View};
use crate::lexicon::gazetteer::KbKind;
use crate::model::{EntityId, EntityType, MentionId, MentionKind, Quote, Segmentation, Span, TokenKind};

/// Where a quotation's marks are, as token indices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuoteMarks {
    /// The opening mark.
    pub open: usize,
    /// The closing mark, or the end of the paragraph when the quote runs on.
    pub close: usize,
    /// The quoted words, without the marks.
    pub content: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Open,
    Close,
    /// A straight mark: which it is depends on what touches it.
    Either,
}

fn classify(text: &str, seg: &Segmentation, i: usize) -> Option<(bool, Mark)> {
    let t = seg.tokens[i];
    let s = t.span.text(text);
    let prev_touch = i > 0 && seg.tokens[i - 1].span.end == t.span.start && seg.tokens[i - 1].kind != TokenKind::Quote;
    let next_touch = seg.tokens.get(i + 1).is_some_and(|n| n.span.start == t.span.end && n.kind != TokenKind::Quote);
    let straight = |double| {
        let mark = match (prev_touch, next_touch) {
            (false, true) => Mark::Open,
            (true, false) => Mark::Close,
            _ => Mark::Either,
        };
        Some((double, mark))
    };
    match s {
        "“" | "„" | "«" => Some((true, Mark::Open)),
        "”" | "»" => Some((true, Mark::Close)),
        "‘" | "‚" | "‹" => Some((false, Mark::Open)),
        "’" | "›" => Some((false, Mark::Close)),
        "\"" => straight(true),
        "'" => straight(false),
        _ => None,
    }
}

/// Deepest nesting of quotes followed.
const MAX_DEPTH: usize = 4;

/// Finds the quotations of a text, nested ones included (a quote inside a
/// quote is a quotation of its own, and part of the outer one).
pub fn find_quotes(text: &str, seg: &Segmentation) -> Vec<QuoteMarks> {
    let mut out = Vec::new();
    let mut carried = false; // a double quote left open by the previous paragraph
    for p in &seg.paragraphs {
        let Some(first) = seg.sentences.get(p.sentences.start) else { continue };
        let Some(last) = seg.sentences.get(p.sentences.end.wrapping_sub(1)) else { continue };
        let (lo, hi) = (first.tokens.start, last.tokens.end);
        // open marks: (token, double)
        let mut stack: Vec<(usize, bool)> = Vec::new();
        let mut i = lo;
        if std::mem::take(&mut carried) {
            // the quote continues only if this paragraph opens with a mark
            let reopens = seg.tokens.get(lo).is_some_and(|t| t.kind == TokenKind::Quote)
                && classify(text, seg, lo).is_some_and(|(d, m)| d && m != Mark::Close);
            if reopens {
                stack.push((lo, true));
                i += 1;
            }
        }
        while i < hi {
            if seg.tokens[i].kind == TokenKind::Quote {
                if let Some((double, mark)) = classify(text, seg, i) {
                    let open_here = stack.iter().rposition(|&(_, d)| d == double);
                    let innermost = stack.last().is_some_and(|&(_, d)| d == double);
                    let close = match mark {
                        Mark::Close => open_here,
                        Mark::Either if innermost => open_here,
                        _ => None,
                    };
                    if let Some(pos) = close {
                        push(text, seg, stack[pos].0, i, &mut out);
                        stack.truncate(pos);
                    } else if stack.len() < MAX_DEPTH {
                        let opens = match mark {
                            Mark::Open => true,
                            // straight double marks open what is not open yet;
                            // a closing-looking one after a comma opens too: `," Hmm …"`
                            Mark::Either => double,
                            Mark::Close => double && stack.is_empty() && follows_punctuation(seg, i),
                        };
                        if opens {
                            stack.push((i, double));
                        }
                    }
                }
            }
            i += 1;
        }
        // an unclosed double quote runs to the end of its paragraph
        if let Some(&(o, _)) = stack.iter().find(|(_, d)| *d) {
            push(text, seg, o, hi, &mut out);
            carried = true;
        }
    }
    out.sort_by_key(|q| (q.content.start, std::cmp::Reverse(q.content.end)));
    out
}

/// Whether token `i` comes right after a comma or colon.
fn follows_punctuation(seg: &Segmentation, i: usize) -> bool {
    i > 0 && seg.tokens[i - 1].kind == TokenKind::Punct && seg.tokens[i - 1].span.end == seg.tokens[i].span.start
}

fn push(text: &str, seg: &Segmentation, open: usize, close: usize, out: &mut Vec<QuoteMarks>) {
    if close <= open + 1 {
        return;
    }
    let start = seg.tokens[open].span.end;
    let end = if close < seg.tokens.len() && seg.tokens[close].kind == TokenKind::Quote {
        seg.tokens[close].span.start
    } else {
        seg.tokens[close - 1].span.end
    };
    let raw = &text[start..end];
    let lead = raw.len() - raw.trim_start().len();
    let trail = raw.len() - raw.trim_end().len();
    if lead + trail >= raw.len() {
        return;
    }
    out.push(QuoteMarks { open, close, content: Span::new(start + lead, end - trail) });
}

/// Who a rule found as the speaker: a mention, or a phrase naming an agent by role.
#[derive(Debug, Clone)]
enum Who {
    Mention(MentionId),
    Agent(Phrase),
    /// An entity known otherwise (the interviewee an "I" stands for).
    Entity(EntityId),
}

impl Who {
    fn entity(self, view: &mut View<'_>) -> Option<EntityId> {
        match self {
            Who::Mention(m) => view.entity(m),
            Who::Agent(p) => Some(view.agent_entity(&p)),
            Who::Entity(e) => Some(e),
        }
    }
}

/// The person an interview's answers are by: the one person its headline
/// names, when the article alternates questions and answers (two or more
/// paragraphs that are a single question).
fn interviewee(view: &View<'_>) -> Option<EntityId> {
    let seg = &view.analysis.segmentation;
    let questions = seg
        .paragraphs
        .iter()
        .filter(|p| p.sentences.len() == 1 && view.text[p.span.start..p.span.end].trim_end().ends_with('?'))
        .count();
    if questions < 2 {
        return None;
    }
    let headline = seg.paragraphs.first()?;
    let mut people = view.analysis.mentions.iter().enumerate().filter(|(_, m)| {
        m.kind == MentionKind::Name && m.etype == EntityType::Person && headline.span.contains(m.span)
    });
    let (first, _) = people.next()?;
    let e = view.entity(first)?;
    people.all(|(k, _)| view.entity(k) == Some(e)).then_some(e)
}

/// "I said", "we wrote": in an interview's answer, the interviewee.
fn first_person_before(view: &View<'_>, v: usize, floor: usize) -> Option<Who> {
    let mut k = v.checked_sub(1).filter(|&k| k >= floor)?;
    while k > floor
        && (view.word(k).ends_with("ly")
            || matches!(
                view.word(k),
                "have"
                    | "has"
                    | "had"
                    | "should"
                    | "would"
                    | "could"
                    | "will"
                    | "can"
                    | "may"
                    | "might"
                    | "must"
                    | "did"
                    | "do"
                    | "also"
                    | "just"
                    | "already"
                    | "always"
                    | "never"
                    | "often"
                    | "once"
            ))
    {
        k -= 1;
    }
    if !matches!(view.word(k), "i" | "we") || view.quoted[k] {
        return None;
    }
    let seg = &view.analysis.segmentation;
    let para = &seg.paragraphs[seg.sentences[seg.sentence_at(seg.tokens[k].span.start)].paragraph];
    if para.span.text(view.text).trim_end().ends_with('?') {
        return None; // the interviewer's question
    }
    view.interviewee.map(Who::Entity)
}

/// The speaker of each quotation.
pub fn attribute(view: &mut View<'_>, marks: &[QuoteMarks]) -> Vec<Quote> {
    view.interviewee = interviewee(view);
    let mut out: Vec<Quote> = Vec::with_capacity(marks.len());
    let mut enclosing: Vec<(Span, Option<EntityId>)> = Vec::new();
    for q in marks {
        let seg = &view.analysis.segmentation;
        let s_open = seg.sentence_at(seg.tokens[q.open].span.start);
        let s_close = seg.sentence_at(q.content.end.saturating_sub(1));
        let closed = seg.tokens.get(q.close).is_some_and(|t| t.kind == TokenKind::Quote);
        let title = is_title(view, q);
        let (mut who, mut cue) = if closed { after(view, q, s_close) } else { (None, None) };
        if who.is_none() && !title {
            (who, cue) = before(view, q, s_open);
        }
        if who.is_none() && cue.is_none() {
            who = dashed(view, q).map(Who::Mention).or_else(|| captioned(view, q));
        }
        let mut speaker = who.and_then(|w| w.entity(view));
        // "The city reasoned, “…”": a definite description of an entity named before
        if speaker.is_none() {
            speaker = cue.and_then(|c| described_agent(view, c.start));
        }
        // a quote inside a quote was said by the outer quote's speaker
        while enclosing.last().is_some_and(|(outer, _): &(Span, Option<EntityId>)| !outer.contains(q.content)) {
            enclosing.pop();
        }
        if speaker.is_none() {
            speaker = enclosing.last().and_then(|(_, sp)| *sp);
        }
        // "“…”, it added", "They call for “…”": an organisation or group that spoke just before
        if speaker.is_none() {
            if let Some(c) = cue {
                let pronoun = word_before(view, c.start).to_owned();
                if matches!(pronoun.as_str(), "it" | "they") {
                    speaker = spoke_before(view, &out, s_open, pronoun == "they");
                }
            }
        }
        if speaker.is_none() && cue.is_none() && !title && is_sentence_like(view, q, s_open) {
            // continue the speaker of the sentence or quote just before
            speaker = continued(view, &out, s_open);
        }
        // a quotation of several sentences is one quote per sentence, each with the speaker
        enclosing.push((q.content, speaker));
        // (scare quotes and titles, which have no speaker, stay whole)
        let pieces = if speaker.is_some() { sentence_pieces(view, q.content) } else { vec![(q.content, s_open)] };
        for (span, sentence) in pieces {
            out.push(Quote { span, sentence, speaker, cue });
        }
    }
    out
}

/// The speaker a cueless quote continues: the speaker of a reporting verb in the
/// sentence just before it ("As X told the paper, … . “…”", "X stated:" ending the
/// paragraph before), else the speaker of the previous quote in the same or the
/// previous paragraph.
fn continued(view: &mut View<'_>, out: &[Quote], s: usize) -> Option<EntityId> {
    let seg = &view.analysis.segmentation;
    let para = seg.sentences[s].paragraph;
    let near = |sentence: usize| {
        let pp = seg.sentences[sentence].paragraph;
        pp == para || pp + 1 == para
    };
    let last_quote =
        out.last().filter(|prev| near(prev.sentence)).and_then(|prev| prev.speaker.map(|e| (prev.sentence, e)));
    if let Some(prev) = s.checked_sub(1).filter(|&p| near(p)) {
        // a quote of that same sentence already tells its speaker
        if last_quote.is_none_or(|(qs, _)| qs < prev) {
            if let Some(who) = reported_speaker(view, prev) {
                return who.entity(view);
            }
        }
    }
    last_quote.map(|(_, e)| e)
}

/// The speaker of the first reporting verb of a sentence outside quotes: "As
/// Heald told the paper, …" → Heald; "Police said …" → police.
fn reported_speaker(view: &View<'_>, s: usize) -> Option<Who> {
    let toks = view.sentence_tokens(s);
    let v = toks.clone().find(|&i| view.is_reporting_verb(i))?;
    subject(view, v, toks.start)
}

/// The subject of a reporting verb at `v`: the nearest agent before it in the
/// clause, a name or pronoun ("Heald told") or a role phrase ("police said").
fn subject(view: &View<'_>, v: usize, floor: usize) -> Option<Who> {
    if let Some(p) = agents::phrase_before(view, v, floor) {
        return Some(Who::Agent(p));
    }
    if let Some(who) = first_person_before(view, v, floor) {
        return Some(who);
    }
    // "X, undersecretary to the prime minister, said": the name before the apposition
    if v > floor && view.word(v - 1) == "," {
        let open = (floor..v - 1).rev().take(12).find(|&k| view.word(k) == ",");
        if let Some(name) = open.and_then(|k| k.checked_sub(1)).and_then(|k| view.mention_at[k]) {
            let mention = &view.analysis.mentions[name];
            if mention.kind == MentionKind::Name && is_agent(mention.etype) && view.entity(name).is_some() {
                return Some(Who::Mention(name));
            }
        }
    }
    view.subject_before(v, floor)
        .map(|m| person_of_organisation(view, m))
        .map(Who::Mention)
        .or_else(|| possessor_of_statement(view, v, floor))
}

/// "X of the Times said": the person, not the organisation named after "of".
fn person_of_organisation(view: &View<'_>, m: MentionId) -> MentionId {
    let mention = &view.analysis.mentions[m];
    if mention.etype == EntityType::Person {
        return m;
    }
    let mut k = mention.tokens.start;
    if k > 0 && view.word(k - 1) == "the" {
        k -= 1;
    }
    if k < 2 || !matches!(view.word(k - 1), "of" | "from" | "for" | "at") {
        return m;
    }
    match view.mention_at[k - 2] {
        Some(p) if view.analysis.mentions[p].etype == EntityType::Person && view.entity(p).is_some() => p,
        _ => m,
    }
}

/// "PC World's recent analysis … concluded", "the ministry's statement said":
/// whose document or statement it is.
fn possessor_of_statement(view: &View<'_>, v: usize, floor: usize) -> Option<Who> {
    const NOUNS: &[&str] = &[
        "analysis",
        "announcement",
        "article",
        "blog",
        "findings",
        "letter",
        "message",
        "paper",
        "post",
        "report",
        "research",
        "review",
        "statement",
        "study",
        "survey",
        "website",
    ];
    let noun = (v.saturating_sub(10).max(floor)..v).rev().find(|&k| NOUNS.contains(&view.word(k)))?;
    let p =
        (noun.saturating_sub(4).max(floor + 1)..noun).rev().find(|&k| view.kind(k) == Some(TokenKind::Possessive))?;
    let m = view.mention_at[p - 1]?;
    (is_agent(view.analysis.mentions[m].etype) && view.entity(m).is_some()).then_some(Who::Mention(m))
}

/// The type of the entity a speaker would be.
fn who_type(view: &View<'_>, who: &Who) -> Option<EntityType> {
    match who {
        Who::Mention(m) => view.entity(*m).map(|e| view.etype(e)),
        Who::Agent(p) if p.organisation => Some(EntityType::Org),
        Who::Agent(p) => Some(if p.plural { EntityType::Norp } else { EntityType::Person }),
        Who::Entity(e) => Some(view.etype(*e)),
    }
}

/// Who spoke before a quote introduced by "it" or "they": the last organisation
/// (or, for "they", group) that said something in this sentence or the three before.
fn spoke_before(view: &mut View<'_>, out: &[Quote], s: usize, plural: bool) -> Option<EntityId> {
    let fits = |t: Option<EntityType>| match t {
        Some(EntityType::Org) => true,
        Some(EntityType::Norp) => plural,
        _ => false,
    };
    for prev in (s.saturating_sub(3)..=s).rev() {
        let quoted = out.iter().rev().find(|q| q.sentence == prev).and_then(|q| q.speaker);
        if let Some(e) = quoted.filter(|&e| fits(Some(view.etype(e)))) {
            return Some(e);
        }
        if prev < s {
            if let Some(who) = reported_speaker(view, prev).filter(|w| fits(who_type(view, w))) {
                return who.entity(view);
            }
        }
    }
    None
}

/// The quoted words cut at the sentence boundaries inside them, with each piece's sentence.
fn sentence_pieces(view: &View<'_>, content: Span) -> Vec<(Span, usize)> {
    let seg = &view.analysis.segmentation;
    let first = seg.sentence_at(content.start);
    let mut pieces = Vec::new();
    let (mut start, mut sentence) = (content.start, first);
    for (k, s) in seg.sentences.iter().enumerate().skip(first + 1) {
        if s.span.start >= content.end {
            break;
        }
        let piece = view.text[start..s.span.start].trim_end();
        if !piece.trim().is_empty() {
            pieces.push((Span::new(start, start + piece.len()), sentence));
        }
        (start, sentence) = (s.span.start, k);
    }
    pieces.push((Span::new(start, content.end), sentence));
    pieces
}

/// A speaker set off by a dash or colon: `X — “…”`, `X: “…”`, `“…” — X`
/// (epigraphs, captions, interview turns).
fn dashed(view: &View<'_>, q: &QuoteMarks) -> Option<MentionId> {
    let person = |m: MentionId| {
        let mention = &view.analysis.mentions[m];
        (mention.etype == EntityType::Person && view.entity(m).is_some()).then_some(m)
    };
    let is_dash = |i: usize| matches!(view.word(i), "—" | "–" | "-" | ":");
    // X — “…”
    if q.open >= 2 && is_dash(q.open - 1) {
        if let Some(m) = view.mention_at[q.open - 2].filter(|&m| view.analysis.mentions[m].tokens.end == q.open - 1) {
            return person(m);
        }
    }
    // “…” — X
    let mut k = q.close + 1;
    while matches!(view.word(k), "," | ".") {
        k += 1;
    }
    if is_dash(k) && view.word(k) != ":" {
        return view.mention_starting(k + 1).and_then(person);
    }
    None
}

/// A speaker named like a caption right after a quote that opens its
/// paragraph: `“…” Anonymous blogger, “Title”`, `“…” Jane Doe, in her blog`.
fn captioned(view: &View<'_>, q: &QuoteMarks) -> Option<Who> {
    let seg = &view.analysis.segmentation;
    let para = &seg.paragraphs[seg.sentences[seg.sentence_at(seg.tokens[q.open].span.start)].paragraph];
    let first = seg.token_at_or_after(para.span.start);
    if q.open != first || seg.tokens.get(q.close).is_none_or(|t| t.kind != TokenKind::Quote) {
        return None;
    }
    let k = q.close + 1;
    let end_of = |e: usize| e >= seg.tokens.len() || seg.tokens[e].span.start >= para.span.end || view.word(e) == ",";
    if let Some(m) = view.mention_starting(k) {
        let mention = &view.analysis.mentions[m];
        return (mention.etype == EntityType::Person && end_of(mention.tokens.end)).then_some(Who::Mention(m));
    }
    let p = agents::phrase_after(view, k, (k + 5).min(seg.tokens.len()))?;
    end_of(p.end).then_some(Who::Agent(p))
}

/// The entity a definite description just before a reporting verb stands for:
/// "the city said" → the city named last, "the company said" → the organisation named last.
fn described_agent(view: &View<'_>, cue: usize) -> Option<EntityId> {
    let verb = view.analysis.segmentation.token_at_or_after(cue);
    let noun = view.word(verb.checked_sub(1)?);
    if view.word(verb.checked_sub(2)?) != "the" {
        return None;
    }
    let wanted: &[EntityType] = match noun {
        "city" | "town" | "country" | "state" | "region" | "province" | "municipality" => &[EntityType::Gpe],
        "company" | "firm" | "ministry" | "agency" | "government" | "organisation" | "organization" | "council"
        | "committee" | "group" | "party" | "team" | "department" | "university" | "newspaper" => &[EntityType::Org],
        _ => return None,
    };
    let sentence = view.analysis.segmentation.sentence_at(cue);
    // "the city" is the city named last, not the region named after it
    let kind = match noun {
        "city" | "town" | "municipality" => Some(KbKind::City),
        "country" => Some(KbKind::Country),
        "region" | "province" | "state" => Some(KbKind::Region),
        _ => None,
    };
    let fits_kind = |m: &crate::model::Mention| {
        kind.is_none_or(|k| view.gaz.place(m.span.text(view.text)).is_none_or(|id| view.gaz.entry(id).kind == k))
    };
    view.analysis
        .mentions
        .iter()
        .enumerate()
        .rev()
        .filter(|(_, m)| m.span.end <= cue && m.sentence + 3 >= sentence && m.kind == MentionKind::Name)
        .find_map(|(k, m)| view.entity(k).filter(|_| wanted.contains(&m.etype) && fits_kind(m)))
}

/// The lower-case word just before byte `pos`.
fn word_before<'a>(view: &'a View<'_>, pos: usize) -> &'a str {
    let i = view.analysis.segmentation.token_at_or_after(pos);
    if i == 0 {
        ""
    } else {
        view.word(i - 1)
    }
}

/// Whether a quote stands as a sentence of its own (not a phrase inside one).
fn is_sentence_like(view: &View<'_>, q: &QuoteMarks, sentence: usize) -> bool {
    let toks = view.sentence_tokens(sentence);
    let inside = q.close.saturating_sub(q.open + 1);
    let starts_capital =
        view.text.get(q.content.start..).and_then(|s| s.chars().next()).is_some_and(char::is_uppercase);
    let words = (q.open + 1..q.close).filter(|&i| view.kind(i) == Some(TokenKind::Word)).count();
    // "The Internet Explorer 6 Countdown": a title, every word capitalised
    let capitals = (q.open + 1..q.close)
        .filter(|&i| {
            view.kind(i) == Some(TokenKind::Word)
                && view.analysis.segmentation.tokens[i].span.text(view.text).starts_with(char::is_uppercase)
        })
        .count();
    let title_case = words >= 2 && capitals * 4 >= words * 3;
    !title_case && ((starts_capital && words >= 4) || inside * 2 >= toks.len())
}

/// A speaker after the quote: `“…,” X said`, `“…,” said X`, `“…,” police said`,
/// `“…,” said a spokesman for the ministry`.
fn after(view: &View<'_>, q: &QuoteMarks, sentence: usize) -> (Option<Who>, Option<Span>) {
    let end = view.sentence_tokens(sentence).end;
    let start = q.close + 1;
    // the reporting verb, before any other quote opens
    let mut verb = None;
    for i in start..end.min(start + 14) {
        if view.kind(i) == Some(TokenKind::Quote) || view.quoted[i] {
            break;
        }
        if view.is_reporting_verb(i) {
            verb = Some(i);
            break;
        }
    }
    let Some(v) = verb else { return (None, None) };
    // "“…”, and told the police": a verb of a new clause, not of the quote
    if view.word(v - 1) == "and" {
        return (None, None);
    }
    let cue = Some(view.span(v, v + 1));
    // "X said": a role phrase just before the verb ("State Department officials said"),
    // or the agent mention nearest before it
    if let Some(p) = agents::phrase_before(view, v, start) {
        return (Some(Who::Agent(p)), cue);
    }
    if let Some(m) = nearest_agent(view, start, v) {
        return (Some(Who::Mention(m)), cue);
    }
    // "said X" (not "told X": that is who heard it)
    if takes_listener(view.word(v)) {
        return (None, cue);
    }
    // "said a spokesman for the ministry": the role phrase, not the organisation after it
    if let Some(p) = agents::phrase_after(view, v + 1, end) {
        return (Some(Who::Agent(p)), cue);
    }
    for i in v + 1..end.min(v + 6) {
        if let Some(m) = view.mention_at[i] {
            if is_agent(view.analysis.mentions[m].etype) && view.entity(m).is_some() {
                return (Some(Who::Mention(m)), cue);
            }
        }
    }
    (None, cue)
}

/// Whether a verb of saying takes its listener as object ("told Reuters").
fn takes_listener(w: &str) -> bool {
    matches!(
        w,
        "tell"
            | "tells"
            | "told"
            | "telling"
            | "ask"
            | "asks"
            | "asked"
            | "inform"
            | "informs"
            | "informed"
            | "instruct"
            | "instructs"
            | "instructed"
            | "urge"
            | "urges"
            | "urged"
            | "assure"
            | "assured"
            | "assures"
            | "warn"
            | "warned"
            | "warns"
    )
}

/// Whether a quote names something rather than reports words: right after a
/// preposition or a noun of naming ("says on “The Countdown”", "by the name
/// “The Katherinator”").
fn is_title(view: &View<'_>, q: &QuoteMarks) -> bool {
    q.open > 0
        && matches!(
            view.word(q.open - 1),
            "on" | "in"
                | "at"
                | "of"
                | "from"
                | "by"
                | "into"
                | "onto"
                | "about"
                | "via"
                | "name"
                | "nickname"
                | "title"
                | "headline"
                | "slogan"
                | "hashtag"
                | "term"
                | "phrase"
                | "word"
                | "label"
                | "motto"
        )
}

/// Verbs that put words in someone's mouth without being verbs of saying:
/// "called the ruling “dangerous”", "dubbed it “…”", "call for “…”".
fn is_naming_verb(view: &View<'_>, i: usize) -> bool {
    // "a user labelled “Anonymous”" names the user: the quote right after the verb is a name
    view.mention_at[i].is_none()
        && !view.quoted[i]
        && view.kind(i + 1) != Some(TokenKind::Quote)
        && matches!(
            view.word(i),
            "call"
                | "called"
                | "calls"
                | "characterised"
                | "characterized"
                | "dubbed"
                | "labeled"
                | "labelled"
                | "termed"
                | "branded"
        )
}

/// A speaker before the quote: `X said … “…”`, `According to X, “…”`,
/// `X called it “…”`, `…, with one poster writing “…”`.
fn before(view: &View<'_>, q: &QuoteMarks, sentence: usize) -> (Option<Who>, Option<Span>) {
    let toks = view.sentence_tokens(sentence);
    let mut i = q.open;
    while i > toks.start {
        i -= 1;
        if view.quoted[i] {
            continue;
        }
        if view.word(i) == "according" && view.word(i + 1) == "to" {
            let cue = Some(view.span(i, i + 2));
            let first = if view.word(i + 2) == "the" { i + 3 } else { i + 2 };
            if let Some(m) = view.mention_starting(first).filter(|&m| view.entity(m).is_some()) {
                return (Some(Who::Mention(m)), cue);
            }
            // "According to the team's coach, X, …": the name in apposition
            let comma = (i + 2..q.open).find(|&k| matches!(view.word(k), "," | ";")).unwrap_or(q.open);
            if let Some(m) = view.mention_starting(comma + 1).filter(|&m| {
                view.analysis.mentions[m].etype == EntityType::Person
                    && view.entity(m).is_some()
                    && view.word(view.analysis.mentions[m].tokens.end) == ","
            }) {
                return (Some(Who::Mention(m)), cue);
            }
            if let Some(p) =
                agents::phrase_after(view, i + 2, q.open).or_else(|| agents::organisation_after(view, i + 2, q.open))
            {
                return (Some(Who::Agent(p)), cue);
            }
            // "According to a statement by the ministry, …": a speaker named in the phrase, up to its comma
            let m = (i + 2..comma).find_map(|k| {
                view.mention_at[k].filter(|&m| is_agent(view.analysis.mentions[m].etype) && view.entity(m).is_some())
            });
            return (m.map(Who::Mention), cue);
        }
        // "has been told to …", "was asked": the subject heard it, and did not say it
        let passive =
            i > toks.start && matches!(view.word(i - 1), "was" | "were" | "been" | "being" | "is" | "are" | "be");
        if (view.is_reporting_verb(i) || is_naming_verb(view, i)) && !passive {
            let cue = Some(view.span(i, i + 1));
            // "X said A, and told the police, “…”": the coordinated verb shares the sentence's subject
            let coordinated = i > toks.start && view.word(i - 1) == "and";
            let who = if coordinated {
                first_agent(view, toks.start, i).map(Who::Mention)
            } else if view.word(i).ends_with("ing") && i > toks.start && view.word(i - 1) == "," {
                // "One poster admitted to it, writing “…”": the subject of the sentence
                sentence_subject(view, toks.start, i)
            } else {
                subject(view, i, toks.start)
            };
            let listener = takes_listener(view.word(i));
            let who = who
                .or_else(|| {
                    if listener {
                        return None;
                    }
                    // "said X, “…”"
                    (i + 1..q.open).find_map(|k| {
                        view.mention_at[k]
                            .filter(|&m| is_agent(view.analysis.mentions[m].etype) && view.entity(m).is_some())
                            .map(Who::Mention)
                    })
                })
                .or_else(|| (!listener).then(|| agents::phrase_after(view, i + 1, q.open).map(Who::Agent)).flatten());
            return (who, cue);
        }
    }
    (None, None)
}

/// The subject that opens a sentence: its first agent mention or role phrase.
fn sentence_subject(view: &View<'_>, start: usize, end: usize) -> Option<Who> {
    if let Some(p) = agents::phrase_after(view, start, end.min(start + 6)) {
        return Some(Who::Agent(p));
    }
    first_agent(view, start, end).map(Who::Mention)
}

/// The first agent mention (person or organisation, not a possessor) of tokens `[start, end)` outside quotes.
fn first_agent(view: &View<'_>, start: usize, end: usize) -> Option<MentionId> {
    (start..end).find_map(|k| {
        let m = view.mention_at[k].filter(|_| !view.quoted[k])?;
        let mention = &view.analysis.mentions[m];
        let possessor = view.kind(mention.tokens.end) == Some(TokenKind::Possessive);
        (is_agent(mention.etype) && !possessor && view.entity(m).is_some()).then_some(m)
    })
}

/// The agent mention nearest before token `end`, not before `start`,
/// preferring persons over organisations.
fn nearest_agent(view: &View<'_>, start: usize, end: usize) -> Option<MentionId> {
    let mut org = None;
    for k in (start..end).rev() {
        let Some(m) = view.mention_at[k] else { continue };
        let mention = &view.analysis.mentions[m];
        if view.entity(m).is_none() || view.kind(mention.tokens.end) == Some(TokenKind::Possessive) {
            continue;
        }
        match mention.etype {
            EntityType::Person => return Some(m),
            EntityType::Org if org.is_none() && mention.kind == MentionKind::Name => org = Some(m),
            _ => {}
        }
    }
    org
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::{RuleSegmenter, Segmenter};

    fn quotes(text: &str) -> Vec<&str> {
        let seg = RuleSegmenter.segment(text);
        find_quotes(text, &seg).iter().map(|q| q.content.text(text)).collect()
    }

    #[test]
    fn curly_straight_and_single_marks() {
        assert_eq!(quotes("“It works,” she said, “mostly.”"), ["It works,", "mostly."]);
        assert_eq!(quotes("He said \"yes\" and 'no' to it."), ["yes", "no"]);
        assert_eq!(quotes("the Afghans’ robot was ‘courageous’."), ["courageous"]);
        assert_eq!(
            quotes("“I thought, ‘OK, I’ll do it’,” he said."),
            ["I thought, ‘OK, I’ll do it’,", "OK, I’ll do it"]
        );
        assert_eq!(
            quotes("He wrote \"it wouldn't be called \"research\", would it?\" and left."),
            ["it wouldn't be called \"research\", would it?", "research"]
        );
        assert_eq!(quotes("It’s sort of like,\" Hmm, that’s funny\" rather than that."), ["Hmm, that’s funny"]);
    }

    #[test]
    fn multi_paragraph_quotes() {
        let text = "“First paragraph of the quote.\n\n“Second paragraph ends it,” she said.";
        assert_eq!(quotes(text), ["First paragraph of the quote.", "Second paragraph ends it,"]);
    }

    #[test]
    fn unclosed_quote_ends_with_paragraph() {
        assert_eq!(quotes("He said “never again.\n\nThen he left."), ["never again."]);
    }

    fn speaker_of(text: &str, quote: &str) -> Option<String> {
        let got = crate::extract::testing::quotes(text);
        got.iter().find(|(q, _)| q == quote).unwrap_or_else(|| panic!("no quote {quote:?} in {got:?}")).1.clone()
    }

    fn assert_speaker(text: &str, quote: &str, speaker: Option<&str>) {
        assert_eq!(speaker_of(text, quote).as_deref(), speaker, "speaker of {quote:?} in {text:?}");
    }

    #[test]
    fn speakers_named_by_role() {
        assert_speaker(
            "“The road will stay closed until Friday,” police said.",
            "The road will stay closed until Friday,",
            Some("police"),
        );
        assert_speaker(
            "“The talks were useful,” State Department officials said on Monday.",
            "The talks were useful,",
            Some("State Department officials"),
        );
        assert_speaker(
            "The study's authors say the decline is “steep and worrying”.",
            "steep and worrying",
            Some("study's authors"),
        );
        assert_speaker(
            "“No one was hurt,” said a spokesman for the Harbour Authority.",
            "No one was hurt,",
            Some("spokesman for the Harbour Authority"),
        );
        assert_speaker(
            "According to witnesses, the driver was “going far too fast”.",
            "going far too fast",
            Some("witnesses"),
        );
    }

    #[test]
    fn a_group_met_before_speaks_again_as_they() {
        let text =
            "Researchers say the river is warming. They warned that “the trout will not survive another summer.”";
        assert_speaker(text, "the trout will not survive another summer.", Some("researchers"));
    }

    #[test]
    fn a_quote_without_a_cue_continues_the_speaker_of_the_sentence_before() {
        let text = "Mayor Ines Duarte spoke to reporters on Monday. “We will rebuild the bridge before winter.”";
        assert_speaker(text, "We will rebuild the bridge before winter.", Some("Ines Duarte"));
        let text =
            "As Ines Duarte told the radio station, the bridge is closed.\n\n“We will rebuild it before winter.”";
        assert_speaker(text, "We will rebuild it before winter.", Some("Ines Duarte"));
    }

    #[test]
    fn the_apposition_between_a_name_and_its_verb_is_not_the_speaker() {
        let text = "Minister of Health Sara Holm said a review was needed. \
                    Omar Haddad, adviser to the prime minister, said “a new plan will follow”.";
        assert_speaker(text, "a new plan will follow", Some("Omar Haddad"));
    }

    #[test]
    fn who_heard_it_is_not_who_said_it() {
        let text = "Mayor Ines Duarte told Reuters that the storm “was the worst in a century”.";
        assert_speaker(text, "was the worst in a century", Some("Ines Duarte"));
        let text = "“Stay indoors,” the mayor told residents.";
        assert_speaker(text, "Stay indoors,", None);
        let text = "The crew has been told to prepare for “a long night”.";
        assert_speaker(text, "a long night", None);
    }

    #[test]
    fn titles_and_names_in_quotes_have_no_speaker() {
        let text = "The ministry said on “Green Futures”, its new website, that prices would fall.";
        assert_speaker(text, "Green Futures", None);
        let text = "A blogger who uses the name “Night Owl” posted the files.";
        assert_speaker(text, "Night Owl", None);
        let text = "“The Long Road Home” opened on Friday.";
        assert_speaker(text, "The Long Road Home", None);
    }

    #[test]
    fn a_caption_after_a_quote_names_its_speaker() {
        let text = "“The water rose faster than anyone expected.” Local resident, speaking to the paper.";
        assert_speaker(text, "The water rose faster than anyone expected.", Some("local resident"));
    }

    #[test]
    fn the_possessor_of_a_statement_speaks() {
        let text = "In a statement, the Northwind Mining Company's annual report concluded, “Demand will double.”";
        assert_speaker(text, "Demand will double.", Some("Northwind Mining Company"));
    }

    #[test]
    fn in_an_interview_i_is_the_interviewee() {
        let text = "Wikinews talks to astronomer Maya Lindqvist about the new telescope\n\n\
                    What will the telescope look for?\n\n\
                    I have always said that it is a “time machine” for light.\n\n\
                    When will it open?\n\n\
                    Next spring, if the weather allows.";
        assert_speaker(text, "time machine", Some("Maya Lindqvist"));
    }

    #[test]
    fn according_to_a_role_and_the_name_after_it() {
        let text = "According to the club's manager, Rafael Soto, the new stadium will be called “The Nest”.";
        assert_speaker(text, "The Nest", Some("Rafael Soto"));
        let text = "According to a statement, North Korea's army is on “high alert”.";
        assert_speaker(text, "high alert", None);
    }
}
