//! Reading articles: plain text and Markdown files, directories of them, JSONL
//! corpora (one article a line) and standard input.
//!
//! Corpora are streamed: [`Articles`] yields one article at a time, so memory
//! stays flat however large the corpus. A bad article (binary, not UTF-8,
//! empty, a malformed JSONL line) is an `Err` item naming it; the articles
//! after it are still read.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Deserialize;

use crate::error::ReadError;
use crate::model::{Document, Metadata};

/// Largest article read in one piece (a single file, stdin, or one JSONL line).
pub const MAX_ARTICLE_BYTES: u64 = 32 * 1024 * 1024;

/// Where articles come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// One article in a `.txt` or `.md` file (any other extension is read as text).
    File(PathBuf),
    /// One article a line, `{"id","text"}` plus optional `"title","url","date"`.
    Jsonl(PathBuf),
    /// One article on standard input.
    Stdin,
}

/// Metadata given on the command line, applied to single articles (and the
/// date, as a default, to corpus lines without one).
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    /// Article id (single articles only).
    pub id: Option<String>,
    /// Title (single articles only).
    pub title: Option<String>,
    /// URL (single articles only).
    pub url: Option<String>,
    /// Publication date.
    pub date: Option<NaiveDate>,
}

/// Parses a YYYY-MM-DD date.
pub fn parse_date(doc: &str, value: &str) -> Result<NaiveDate, ReadError> {
    NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d")
        .map_err(|_| ReadError::Date { doc: doc.to_owned(), value: value.to_owned() })
}

/// Expands paths into sources: a directory becomes the `.txt`, `.md` and
/// `.jsonl` files under it (recursively, sorted), `-` becomes standard input.
pub fn sources(paths: &[PathBuf]) -> Result<Vec<Source>, ReadError> {
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(Source::Stdin);
        } else if p.is_dir() {
            let mut files = Vec::new();
            walk(p, &mut files)?;
            files.sort();
            out.extend(files.into_iter().map(classify));
        } else if p.exists() {
            out.push(classify(p.clone()));
        } else {
            return Err(ReadError::Io {
                path: p.clone(),
                source: io::Error::new(io::ErrorKind::NotFound, "no such file or directory"),
            });
        }
    }
    Ok(out)
}

fn classify(p: PathBuf) -> Source {
    if p.extension().is_some_and(|e| e.eq_ignore_ascii_case("jsonl")) {
        Source::Jsonl(p)
    } else {
        Source::File(p)
    }
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), ReadError> {
    let io_err = |source| ReadError::Io { path: dir.to_owned(), source };
    for entry in std::fs::read_dir(dir).map_err(io_err)? {
        let path = entry.map_err(io_err)?.path();
        if path.is_dir() {
            walk(&path, out)?;
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "txt" | "md" | "markdown" | "jsonl"))
        {
            out.push(path);
        }
    }
    Ok(())
}

/// Checks raw bytes and turns them into article text.
pub fn decode(doc: &str, bytes: Vec<u8>) -> Result<String, ReadError> {
    if bytes.len() as u64 > MAX_ARTICLE_BYTES {
        return Err(ReadError::TooLarge { doc: doc.to_owned(), size: bytes.len() as u64, limit: MAX_ARTICLE_BYTES });
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(ReadError::Binary { doc: doc.to_owned(), offset });
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let before = &e.as_bytes()[..offset];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let column = offset - before.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1) + 1;
        ReadError::NotUtf8 { doc: doc.to_owned(), line, column, offset }
    })?;
    let text = text.strip_prefix('\u{feff}').map(str::to_owned).unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ReadError::Empty { doc: doc.to_owned() });
    }
    Ok(text)
}

/// The title of a Markdown article: its first `# ` heading.
fn markdown_title(text: &str) -> Option<String> {
    text.lines().map(str::trim).find_map(|l| l.strip_prefix("# ")).map(|t| t.trim().to_owned())
}

fn read_limited(reader: impl Read, doc: &str, path: &Path) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::new();
    reader
        .take(MAX_ARTICLE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|source| ReadError::Io { path: path.to_owned(), source })?;
    if bytes.len() as u64 > MAX_ARTICLE_BYTES {
        let size = std::fs::metadata(path).map_or(bytes.len() as u64, |m| m.len());
        return Err(ReadError::TooLarge { doc: doc.to_owned(), size, limit: MAX_ARTICLE_BYTES });
    }
    Ok(bytes)
}

/// One line of a JSONL corpus.
#[derive(Debug, Deserialize)]
struct CorpusLine {
    id: serde_json::Value,
    text: String,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    date: Option<String>,
}

/// A stream of articles from a list of sources.
pub struct Articles {
    sources: std::vec::IntoIter<Source>,
    overrides: Overrides,
    single: bool,
    current: Option<(String, Box<dyn BufRead + Send>, usize)>,
}

impl Articles {
    /// Articles from these sources. `overrides` set the id, title and URL of a
    /// single article, and the default date of every article.
    pub fn new(sources: Vec<Source>, overrides: Overrides) -> Self {
        let single = sources.len() == 1 && !matches!(sources[0], Source::Jsonl(_));
        Self { sources: sources.into_iter(), overrides, single, current: None }
    }

    fn meta(&self, title: Option<String>, url: Option<String>, date: Option<NaiveDate>) -> Metadata {
        let o = &self.overrides;
        Metadata {
            title: if self.single { o.title.clone().or(title) } else { title },
            url: if self.single { o.url.clone().or(url) } else { url },
            date: date.or(o.date),
        }
    }

    fn read_file(&self, path: &Path) -> Result<Document, ReadError> {
        let stem = path.file_stem().map_or_else(|| "article".to_owned(), |s| s.to_string_lossy().into_owned());
        let id = if self.single { self.overrides.id.clone().unwrap_or(stem) } else { stem };
        let shown = path.display().to_string();
        let file = File::open(path).map_err(|source| ReadError::Io { path: path.to_owned(), source })?;
        let text = decode(&shown, read_limited(file, &shown, path)?)?;
        let is_md =
            path.extension().is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"));
        let title = if is_md { markdown_title(&text) } else { None };
        Ok(Document { id, meta: self.meta(title, None, None), text })
    }

    fn read_stdin(&self) -> Result<Document, ReadError> {
        let bytes = read_limited(io::stdin().lock(), "standard input", Path::new("-"))?;
        let text = decode("standard input", bytes)?;
        Ok(Document {
            id: self.overrides.id.clone().unwrap_or_else(|| "stdin".to_owned()),
            meta: self.meta(None, None, None),
            text,
        })
    }

    fn corpus_line(&self, name: &str, line_no: usize, line: &str) -> Result<Document, ReadError> {
        let bad = |message: String| ReadError::Corpus { path: name.to_owned(), line: line_no, message };
        let parsed: CorpusLine = serde_json::from_str(line).map_err(|e| bad(format!("not an article object ({e})")))?;
        let id = match parsed.id {
            serde_json::Value::String(s) if !s.trim().is_empty() => s,
            serde_json::Value::Number(n) => n.to_string(),
            _ => return Err(bad("\"id\" must be a non-empty string or a number".to_owned())),
        };
        if parsed.text.trim().is_empty() {
            return Err(ReadError::Empty { doc: format!("{name}, line {line_no} (article {id})") });
        }
        let date = parsed
            .date
            .filter(|d| !d.trim().is_empty())
            .map(|d| parse_date(&format!("{name}, line {line_no} (article {id})"), &d))
            .transpose()?;
        Ok(Document { meta: self.meta(parsed.title, parsed.url, date), id, text: parsed.text })
    }
}

impl Iterator for Articles {
    type Item = Result<Document, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some((name, reader, line_no)) = &mut self.current {
                let mut buf = Vec::new();
                match reader.read_until(b'\n', &mut buf) {
                    Ok(0) => self.current = None,
                    Ok(_) => {
                        *line_no += 1;
                        let (name, n) = (name.clone(), *line_no);
                        let line = match decode(&format!("{name}, line {n}"), buf) {
                            Ok(l) => l,
                            Err(ReadError::Empty { .. }) => continue,
                            Err(e) => return Some(Err(e)),
                        };
                        return Some(self.corpus_line(&name, n, line.trim()));
                    }
                    Err(source) => {
                        let path = PathBuf::from(name.as_str());
                        self.current = None;
                        return Some(Err(ReadError::Io { path, source }));
                    }
                }
                continue;
            }
            return match self.sources.next()? {
                Source::File(p) => Some(self.read_file(&p)),
                Source::Stdin => Some(self.read_stdin()),
                Source::Jsonl(p) => match File::open(&p) {
                    Ok(f) => {
                        self.current = Some((p.display().to_string(), Box::new(BufReader::new(f)), 0));
                        continue;
                    }
                    Err(source) => Some(Err(ReadError::Io { path: p, source })),
                },
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_rejects_bad_bytes_with_positions() {
        let err = decode("a.txt", b"ok\nbad \xff here".to_vec()).expect_err("invalid UTF-8");
        assert_eq!(err.to_string(), "a.txt is not UTF-8 text: invalid byte at line 2, column 5 (byte 7)");
        assert!(matches!(decode("b.txt", b"x\0y".to_vec()), Err(ReadError::Binary { offset: 1, .. })));
        assert!(matches!(decode("c.txt", b"  \n ".to_vec()), Err(ReadError::Empty { .. })));
        assert_eq!(decode("d.txt", "\u{feff}Hi".as_bytes().to_vec()).ok().as_deref(), Some("Hi"));
    }

    #[test]
    fn corpus_lines_stream_and_report_bad_lines() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let path = dir.path().join("c.jsonl");
        std::fs::write(
            &path,
            "{\"id\":\"a\",\"text\":\"One.\",\"date\":\"2025-01-02\"}\nnot json\n\n{\"id\":7,\"text\":\"Two.\"}\n",
        )
        .expect("write corpus");
        let got: Vec<_> = Articles::new(vec![Source::Jsonl(path)], Overrides::default()).collect();
        assert_eq!(got.len(), 3);
        let first = got[0].as_ref().expect("first article");
        assert_eq!((first.id.as_str(), first.meta.date.map(|d| d.to_string())), ("a", Some("2025-01-02".to_owned())));
        assert!(got[1].as_ref().is_err_and(|e| e.to_string().contains("line 2")));
        assert_eq!(got[2].as_ref().map(|d| d.id.as_str()).ok(), Some("7"));
    }
}
