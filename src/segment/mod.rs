//! Stage 1, `segment`: text → paragraphs, sentences and tokens.
//!
//! The tokenizer keeps what names need in one token: inner hyphens
//! ("son-in-law", "Lung-bin"), inner apostrophes ("O'Brien", "didn’t"),
//! dotted abbreviations and initials ("U.S.", "D.C.", "M.", "Mr."). A
//! possessive ending becomes a token of its own so that "Trump’s" yields the
//! name "Trump".
//!
//! # Rationale
//! News text arrives hard-wrapped (Markdown), one paragraph a line (wire
//! copy), or with blank lines between paragraphs (Wikinews). A single newline
//! ends a paragraph only when the line before it ends a sentence or is short
//! like a headline; otherwise it is a soft wrap.

use crate::lexicon;
use crate::model::{Paragraph, Segmentation, Sentence, Span, Token, TokenKind};

/// Splits a text into paragraphs, sentences and tokens.
pub trait Segmenter: Send + Sync {
    /// Segments `text`. Never fails: every input has some segmentation.
    fn segment(&self, text: &str) -> Segmentation;
}

/// The default rule-based segmenter for English news text.
#[derive(Debug, Clone, Default)]
pub struct RuleSegmenter;

impl Segmenter for RuleSegmenter {
    fn segment(&self, text: &str) -> Segmentation {
        let mut seg = Segmentation::default();
        for para in paragraphs(text) {
            let first_sentence = seg.sentences.len();
            let tokens = tokenize(text, para);
            let base = seg.tokens.len();
            seg.tokens.extend_from_slice(&tokens);
            split_sentences(text, &seg.tokens, base, seg.paragraphs.len(), &mut seg.sentences);
            let title_case = is_title_case(text, &seg.tokens[base..]);
            seg.paragraphs.push(Paragraph { span: para, sentences: first_sentence..seg.sentences.len(), title_case });
        }
        seg
    }
}

/// Paragraph spans, trimmed of surrounding white space.
fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut line_start = 0;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\n' {
            let line = text[line_start..i].trim();
            let next_blank = text[i + 1..].split('\n').next().is_some_and(|l| l.trim().is_empty());
            let next_line = text[i + 1..].split('\n').next().unwrap_or("");
            if line.is_empty() || next_blank || ends_paragraph(line, next_line) {
                push_trimmed(text, start, i, &mut out);
                start = i + 1;
            }
            line_start = i + 1;
        }
        i += 1;
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

/// Whether a line, followed by a single newline and `next`, ends its paragraph:
/// it ends a sentence, or it is a short line such as a headline (not one that
/// stops on a comma or a function word) and the next line starts with a capital.
fn ends_paragraph(line: &str, next: &str) -> bool {
    let last = line.chars().last();
    if matches!(last, Some('.' | '!' | '?' | '"' | '”' | '’' | '\'' | ':' | ')' | '»'))
        || line.starts_with('#')
        || line.starts_with(['-', '*', '>'])
    {
        return true;
    }
    let last_word = line.split_whitespace().last().unwrap_or("").to_lowercase();
    let next_capital = next.trim_start().chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    line.split_whitespace().count() <= 12 && next_capital && last != Some(',') && !lexicon::is_function_word(&last_word)
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(Span::new(start + lead, end - trail));
    }
}

fn is_quote_char(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '‟' | '«' | '»' | '‘' | '’' | '\'' | '‚' | '‹' | '›' | '`')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || is_combining(c)
}

fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F)
}

/// Tokens of the text inside `span`.
pub fn tokenize(text: &str, span: Span) -> Vec<Token> {
    let mut out = Vec::new();
    let s = &text[span.start..span.end];
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let n = chars.len();
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let pos = |i: usize| chars.get(i).map_or(s.len(), |&(p, _)| p);
    let mut i = 0;
    while i < n {
        let c = chars[i].1;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        let kind;
        if c.is_ascii_digit() {
            i += 1;
            while i < n {
                let c = chars[i].1;
                if c.is_ascii_digit() {
                    i += 1;
                } else if matches!(c, ',' | '.' | ':') && at(i + 1).is_some_and(|d| d.is_ascii_digit()) {
                    i += 2;
                } else if c.is_alphabetic() {
                    // "1990s", "3rd", "5pm"
                    i += 1;
                } else {
                    break;
                }
            }
            kind = TokenKind::Number;
        } else if is_word_char(c) {
            i += 1;
            loop {
                while i < n && is_word_char(chars[i].1) {
                    i += 1;
                }
                let Some(c) = at(i) else { break };
                let next = at(i + 1);
                if (c == '-' || c == '‑') && next.is_some_and(is_word_char) {
                    i += 2;
                } else if is_apostrophe(c) && next.is_some_and(char::is_alphabetic) {
                    // a possessive "’s" followed by a non-letter stays apart
                    let is_possessive = matches!(next, Some('s' | 'S')) && !at(i + 2).is_some_and(is_word_char);
                    if is_possessive {
                        break;
                    }
                    i += 2;
                } else if c == '.' && next.is_some_and(char::is_alphabetic) && is_initialism(&chars[start..i]) {
                    // "U.S", "D.C" — the final period is taken below
                    i += 2;
                } else {
                    break;
                }
            }
            // a period that belongs to the word: initials, initialisms, known abbreviations
            if at(i) == Some('.') {
                let word: String = chars[start..i].iter().map(|&(_, c)| c).collect();
                let single_cap = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
                if single_cap || word.contains('.') || lexicon::is_abbreviation(&word) {
                    i += 1;
                }
            }
            kind = TokenKind::Word;
        } else if is_apostrophe(c)
            && matches!(at(i + 1), Some('s' | 'S'))
            && !at(i + 2).is_some_and(is_word_char)
            && i > 0
            && is_word_char(chars[i - 1].1)
        {
            i += 2;
            kind = TokenKind::Possessive;
        } else if is_quote_char(c) {
            i += 1;
            kind = TokenKind::Quote;
        } else {
            i += 1;
            kind = TokenKind::Punct;
        }
        out.push(Token { span: Span::new(span.start + pos(start), span.start + pos(i)), kind });
    }
    out
}

/// Whether the characters so far look like "U" or "U.S" (single letters joined by periods).
fn is_initialism(chars: &[(usize, char)]) -> bool {
    chars.split(|&(_, c)| c == '.').all(|part| part.len() == 1 && part[0].1.is_alphabetic())
}

/// Splits the tokens of one paragraph (from `base` on) into sentences.
fn split_sentences(text: &str, tokens: &[Token], base: usize, paragraph: usize, out: &mut Vec<Sentence>) {
    let n = tokens.len();
    let mut start = base;
    let mut i = base;
    while i < n {
        let t = tokens[i];
        let s = t.span.text(text);
        let mut end_here = false;
        if t.kind == TokenKind::Punct && matches!(s, "." | "!" | "?" | "…") {
            end_here = true;
        } else if t.kind == TokenKind::Word && s.ends_with('.') && s.len() > 2 {
            // "U.S." or "Inc." at the end of a sentence: only before a word that
            // usually starts one
            let word = &s[..s.len() - 1];
            if !lexicon::is_title_abbreviation(word) {
                end_here = tokens.get(i + 1).is_some_and(|nt| lexicon::is_sentence_starter(nt.span.text(text)));
            }
        }
        if end_here {
            // swallow repeated marks and closing quotes/brackets
            let mut j = i + 1;
            while j < n {
                let s = tokens[j].span.text(text);
                let closing = matches!(s, "." | "!" | "?" | "…" | ")" | "]" | "”" | "’" | "»")
                    || (matches!(s, "\"" | "'") && closes_quote(text, tokens, start, j));
                if closing {
                    j += 1;
                } else {
                    break;
                }
            }
            let next_starts = tokens.get(j).is_none_or(|nt| starts_sentence(text, *nt));
            if next_starts {
                push_sentence(tokens, start, j, paragraph, out);
                start = j;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    if start < n {
        push_sentence(tokens, start, n, paragraph, out);
    }
}

/// Whether a straight quote at `j` closes a quote opened since `start` (odd count before it).
fn closes_quote(text: &str, tokens: &[Token], start: usize, j: usize) -> bool {
    let mark = tokens[j].span.text(text);
    tokens[start..j].iter().filter(|t| t.kind == TokenKind::Quote && t.span.text(text) == mark).count() % 2 == 1
}

fn starts_sentence(text: &str, t: Token) -> bool {
    let s = t.span.text(text);
    let c = s.chars().next().unwrap_or(' ');
    c.is_uppercase() || c.is_ascii_digit() || matches!(t.kind, TokenKind::Quote) || matches!(c, '(' | '[' | '—' | '-')
}

fn push_sentence(tokens: &[Token], start: usize, end: usize, paragraph: usize, out: &mut Vec<Sentence>) {
    if start >= end {
        return;
    }
    out.push(Sentence {
        span: Span::new(tokens[start].span.start, tokens[end - 1].span.end),
        tokens: start..end,
        paragraph,
    });
}

/// Whether most content words of a paragraph are capitalised (a headline).
fn is_title_case(text: &str, tokens: &[Token]) -> bool {
    let mut content = 0;
    let mut capitalised = 0;
    let mut words = 0;
    for t in tokens {
        if t.kind != TokenKind::Word {
            continue;
        }
        words += 1;
        let s = t.span.text(text);
        if lexicon::is_function_word(&s.to_lowercase()) {
            continue;
        }
        content += 1;
        if s.chars().next().is_some_and(char::is_uppercase) {
            capitalised += 1;
        }
    }
    words <= 30 && content >= 3 && capitalised * 4 >= content * 3
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, Span::new(0, text.len())).iter().map(|t| t.span.text(text)).collect()
    }

    fn sentences(text: &str) -> Vec<&str> {
        RuleSegmenter.segment(text).sentences.iter().map(|s| s.span.text(text)).collect()
    }

    #[test]
    fn tokens_keep_names_whole() {
        assert_eq!(
            words("President Donald Trump’s son-in-law Jared Kushner"),
            ["President", "Donald", "Trump", "’s", "son-in-law", "Jared", "Kushner"]
        );
        assert_eq!(words("the U.S. and Hau Lung-bin"), ["the", "U.S.", "and", "Hau", "Lung-bin"]);
        assert_eq!(words("Jonathan M. Stan didn’t"), ["Jonathan", "M.", "Stan", "didn’t"]);
        assert_eq!(words("“difficult issues remain,”"), ["“", "difficult", "issues", "remain", ",", "”"]);
        assert_eq!(
            words("Mr. O'Brien paid $8.00 in 2012."),
            ["Mr.", "O'Brien", "paid", "$", "8.00", "in", "2012", "."]
        );
    }

    #[test]
    fn multibyte_offsets_are_byte_offsets() {
        let text = "Müller — “€5” Zelensky";
        for t in tokenize(text, Span::new(0, text.len())) {
            assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        }
        assert_eq!(words(text), ["Müller", "—", "“", "€", "5", "”", "Zelensky"]);
    }

    #[test]
    fn sentences_split_after_quotes_and_initialisms() {
        assert_eq!(
            sentences("“It works,” Smith stated. “More later.” He left the U.S. The end."),
            ["“It works,” Smith stated.", "“More later.”", "He left the U.S.", "The end."]
        );
        assert_eq!(sentences("Mr. Smith met U.S. President Biden."), ["Mr. Smith met U.S. President Biden."]);
    }

    #[test]
    fn paragraphs_from_newlines() {
        let seg = RuleSegmenter.segment(
            "Headline here\n\nFirst line ends.\nThe second paragraph is hard-wrapped, as Markdown often is, so this\nline goes on into the next one and\nends here.",
        );
        assert_eq!(seg.paragraphs.len(), 3);
        assert!(!seg.paragraphs[2].title_case);
    }

    #[test]
    fn title_case_headlines() {
        let seg = RuleSegmenter.segment("Wikinews Interviews New York Bar Owner On Santorum Cocktail\n\nThe bar is in Brooklyn and it sells drinks.");
        assert!(seg.paragraphs[0].title_case);
        assert!(!seg.paragraphs[1].title_case);
    }
}
