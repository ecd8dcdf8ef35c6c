//! Learning the recogniser's weights: an averaged structured perceptron over
//! the candidates of each sentence (Collins 2002, with the semi-Markov decoder
//! of [`super::decode`]).
//!
//! # Data
//! Annotated documents in JSONL (optionally gzipped), one a line, in the
//! format of the GUM training file: `{"id", "text", "entities": [{"start",
//! "end", "type"}]}` with code-point offsets. Two kinds, named in the config:
//! *gold* (hand-annotated; the cross-validation folds are made of them) and
//! *silver* (labelled by another model; always on the training side, never
//! scored). A gold span that is not a candidate cannot be learned and is
//! counted as out of reach.
//!
//! # Determinism
//! Sentences are visited in an order shuffled by a seeded generator, feature
//! ids are hashes, updates are sequential and the weights are written sorted:
//! the same data and config give byte-identical weights.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use serde::Deserialize;

use super::candidates::{candidates, Candidate};
use super::context::Context;
use super::decode::{best_segmentation, Choice};
use super::features::{self, DocFacts, Feature};
use super::model::{scores_of, FeatureMap, Label, Model, Row, Scores, ROW, SHARED};
use crate::eval::{self, MentionScores};
use crate::json::{self, CharOffsets};
use crate::lexicon::gazetteer::{self, Gazetteer};
use crate::model::Document;
use crate::ner::LearnedRecognizer;
use crate::pipeline::Pipeline;
use crate::segment::{RuleSegmenter, Segmenter};

/// Why training could not run.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum TrainError {
    /// A file could not be read.
    #[error("cannot read {path}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// A line of a data file is not an annotated document.
    #[error("{path}, line {line}: {message}")]
    Data {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// The config is malformed.
    #[error("{path}: {message}")]
    Config {
        /// The config file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
}

/// How to train: data files and hyperparameters (`data/model/ner.json`).
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct TrainConfig {
    /// Hand-annotated documents (paths relative to the config file).
    pub gold: Vec<PathBuf>,
    /// Documents labelled by another model (paths relative to the config file).
    #[serde(default)]
    pub silver: Vec<PathBuf>,
    /// Passes over the data.
    pub epochs: usize,
    /// Seed of the visiting order.
    pub seed: u64,
    /// Folds of the cross-validation over the gold documents.
    pub folds: usize,
    /// Features seen fewer times in the data are dropped.
    pub min_count: u32,
    /// Size of an update from a gold sentence (a silver one's is 1).
    pub gold_weight: f32,
    /// Perceptrons averaged, each visiting the data in its own order (seeds `seed`, `seed + 1`, …).
    #[serde(default = "one")]
    pub ensemble: usize,
    /// Gold annotation types that are not learned (their spans count as outside any name).
    #[serde(default)]
    pub ignore_types: Vec<String>,
}

fn one() -> usize {
    1
}

impl TrainConfig {
    /// Reads a config; data paths become relative to the current directory.
    pub fn read(path: &Path) -> Result<Self, TrainError> {
        let text = std::fs::read_to_string(path).map_err(|source| TrainError::Io { path: path.to_owned(), source })?;
        let mut c: TrainConfig = serde_json::from_str(&text)
            .map_err(|e| TrainError::Config { path: path.to_owned(), message: e.to_string() })?;
        let base = path.parent().unwrap_or(Path::new(""));
        for p in c.gold.iter_mut().chain(c.silver.iter_mut()) {
            *p = base.join(&*p);
        }
        if c.folds < 2 || c.epochs == 0 {
            return Err(TrainError::Config {
                path: path.to_owned(),
                message: "`folds` must be at least 2 and `epochs` at least 1".into(),
            });
        }
        Ok(c)
    }
}

/// An annotated document as read from a data file.
#[derive(Debug, Clone, Deserialize)]
pub struct AnnotatedDoc {
    /// Document id.
    pub id: String,
    /// Text.
    pub text: String,
    /// Genre, where the corpus gives one.
    #[serde(default)]
    pub genre: Option<String>,
    /// Named mentions.
    #[serde(default)]
    pub entities: Vec<AnnotatedSpan>,
}

/// A named mention of an annotated document (code-point offsets).
#[derive(Debug, Clone, Deserialize)]
pub struct AnnotatedSpan {
    /// First code point.
    pub start: usize,
    /// One past the last.
    pub end: usize,
    /// Annotation type ("PERSON", "LOC", …).
    #[serde(rename = "type")]
    pub etype: String,
}

/// Reads annotated documents from a JSONL file (gzipped if it ends in `.gz`).
pub fn read_docs(path: &Path) -> Result<Vec<AnnotatedDoc>, TrainError> {
    let io = |source| TrainError::Io { path: path.to_owned(), source };
    let file = File::open(path).map_err(io)?;
    let reader: Box<dyn Read> = if path.extension().is_some_and(|e| e == "gz") {
        Box::new(flate2::read::GzDecoder::new(file))
    } else {
        Box::new(file)
    };
    let mut docs = Vec::new();
    for (i, line) in BufReader::new(reader).lines().enumerate() {
        let line = line.map_err(io)?;
        if line.trim().is_empty() {
            continue;
        }
        let doc: AnnotatedDoc = serde_json::from_str(&line).map_err(|e| TrainError::Data {
            path: path.to_owned(),
            line: i + 1,
            message: e.to_string(),
        })?;
        let n = doc.text.chars().count();
        if let Some(bad) = doc.entities.iter().find(|s| s.start >= s.end || s.end > n) {
            return Err(TrainError::Data {
                path: path.to_owned(),
                line: i + 1,
                message: format!("entity span {}..{} does not fit a text of {n} characters", bad.start, bad.end),
            });
        }
        docs.push(doc);
    }
    Ok(docs)
}

/// A sentence ready for training: its candidates, their features and the gold choices.
struct Sentence {
    /// Number of tokens.
    len: usize,
    candidates: Vec<Candidate>,
    /// Interned feature ids of each candidate.
    features: Vec<Vec<u32>>,
    /// Gold names: candidate index and label.
    gold: Vec<Choice>,
    weight: f32,
}

/// Every document of the data, segmented and featurised once.
pub struct Prepared {
    /// Per document: its sentences.
    docs: Vec<Vec<Sentence>>,
    /// Which documents are gold.
    gold: Vec<bool>,
    /// The annotated documents themselves (for scoring).
    annotated: Vec<AnnotatedDoc>,
    /// Feature ids by interned index.
    ids: Vec<Feature>,
    /// How often each interned feature occurs.
    counts: Vec<u32>,
    /// Gold names that are no candidate.
    pub unreachable: usize,
    /// Gold names.
    pub gold_names: usize,
}

impl Prepared {
    /// Segments and featurises `gold` and `silver` documents.
    pub fn new(gold: Vec<AnnotatedDoc>, silver: Vec<AnnotatedDoc>, config: &TrainConfig) -> Self {
        let gaz = gazetteer::get();
        let mut p = Prepared {
            docs: Vec::new(),
            gold: Vec::new(),
            annotated: Vec::new(),
            ids: Vec::new(),
            counts: Vec::new(),
            unreachable: 0,
            gold_names: 0,
        };
        let mut intern: FeatureMap<u32> = FeatureMap::default();
        let n_gold = gold.len();
        for (i, doc) in gold.into_iter().chain(silver).enumerate() {
            let is_gold = i < n_gold;
            let weight = if is_gold { config.gold_weight } else { 1.0 };
            let sentences = p.prepare(&doc, gaz, weight, &config.ignore_types, &mut intern);
            p.docs.push(sentences);
            p.gold.push(is_gold);
            p.annotated.push(doc);
        }
        p
    }

    fn prepare(
        &mut self,
        doc: &AnnotatedDoc,
        gaz: &Gazetteer,
        weight: f32,
        ignore: &[String],
        intern: &mut FeatureMap<u32>,
    ) -> Vec<Sentence> {
        let text = doc.text.as_str();
        let seg = RuleSegmenter.segment(text);
        let cx = Context::new(text, &seg, gaz);
        let cands = candidates(&cx);
        let facts = DocFacts::new(&cx, &cands);
        // gold spans as token ranges
        let bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).chain([text.len()]).collect();
        let mut token_at_start = HashMap::new();
        let mut token_at_end = HashMap::new();
        for (i, t) in seg.tokens.iter().enumerate() {
            token_at_start.insert(t.span.start, i);
            token_at_end.insert(t.span.end, i + 1);
        }
        let index: HashMap<Candidate, usize> = cands.iter().enumerate().map(|(i, c)| (*c, i)).collect();
        let mut gold_choices: Vec<Choice> = Vec::new();
        for e in &doc.entities {
            if ignore.contains(&e.etype) {
                continue;
            }
            let Some(label) = Label::from_type(&e.etype) else { continue };
            self.gold_names += 1;
            let (Some(&s), Some(&t)) = (token_at_start.get(&bytes[e.start]), token_at_end.get(&bytes[e.end])) else {
                self.unreachable += 1;
                continue;
            };
            match index.get(&Candidate { start: s, end: t }) {
                Some(&ci) => gold_choices.push((ci, label)),
                None => self.unreachable += 1,
            }
        }
        // a segmentation: in text order, none overlapping
        gold_choices.sort();
        let mut end = 0;
        gold_choices.retain(|&(ci, _)| {
            let c = cands[ci];
            let keep = c.start >= end;
            if keep {
                end = c.end;
            }
            keep
        });
        // per sentence
        let mut out = Vec::new();
        let mut ci = 0;
        let mut buf = Vec::new();
        for sentence in &seg.sentences {
            let first = sentence.tokens.start;
            let mut s = Sentence {
                len: sentence.tokens.len(),
                candidates: Vec::new(),
                features: Vec::new(),
                gold: Vec::new(),
                weight,
            };
            let base = ci;
            while ci < cands.len() && cands[ci].start < sentence.tokens.end {
                let c = cands[ci];
                buf.clear();
                features::extract(&cx, &facts, c, &mut buf);
                let ids = buf
                    .iter()
                    .map(|f| {
                        let next = self.ids.len() as u32;
                        let id = *intern.entry(*f).or_insert(next);
                        if id == next {
                            self.ids.push(*f);
                            self.counts.push(0);
                        }
                        self.counts[id as usize] += 1;
                        id
                    })
                    .collect();
                s.candidates.push(Candidate { start: c.start - first, end: c.end - first });
                s.features.push(ids);
                ci += 1;
            }
            s.gold = gold_choices.iter().filter(|(g, _)| (base..ci).contains(g)).map(|&(g, l)| (g - base, l)).collect();
            if !s.candidates.is_empty() {
                out.push(s);
            }
        }
        out
    }

    /// Number of documents.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// Whether there are no documents.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Indices of the gold documents.
    pub fn gold_docs(&self) -> Vec<usize> {
        (0..self.docs.len()).filter(|&d| self.gold[d]).collect()
    }

    /// The text of the document with id `id`.
    pub fn text_of(&self, id: &str) -> Option<&str> {
        self.annotated.iter().find(|d| d.id == id).map(|d| d.text.as_str())
    }
}

/// A small deterministic generator (SplitMix64) for the visiting order.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// Learns weights from documents `train` of `data`: the average of
/// `config.ensemble` perceptrons that visit the sentences in different orders.
pub fn train(data: &Prepared, train: &[usize], config: &TrainConfig) -> Model {
    let keep: Vec<bool> = data.counts.iter().map(|&c| c >= config.min_count).collect();
    let k = config.ensemble.max(1);
    let runs: Vec<Vec<Row>> =
        (0..k as u64).into_par_iter().map(|i| perceptron(data, train, config, config.seed + i, &keep)).collect();
    let rows = (0..data.ids.len()).filter(|&f| keep[f]).filter_map(|f| {
        let mut avg: Row = [0.0; ROW];
        for run in &runs {
            for (a, b) in avg.iter_mut().zip(&run[f]) {
                *a += b / k as f32;
            }
        }
        avg.iter().any(|x| x.abs() > 1e-6).then_some((data.ids[f], avg))
    });
    Model::from_rows(rows)
}

/// One averaged perceptron: a row of weights per interned feature.
fn perceptron(data: &Prepared, train: &[usize], config: &TrainConfig, seed: u64, keep: &[bool]) -> Vec<Row> {
    let n = data.ids.len();
    let mut w = vec![[0.0f32; ROW]; n];
    // sum over updates of (step × change): the average is w − acc / steps
    let mut acc = vec![[0.0f64; ROW]; n];
    let mut order: Vec<(usize, usize)> =
        train.iter().flat_map(|&d| (0..data.docs[d].len()).map(move |s| (d, s))).collect();
    let mut rng = SplitMix(seed);
    let mut step = 1.0f64;
    let mut scores: Vec<Scores> = Vec::new();
    for _ in 0..config.epochs {
        rng.shuffle(&mut order);
        for &(d, si) in &order {
            let s = &data.docs[d][si];
            scores.clear();
            scores.extend(s.features.iter().map(|fs| {
                let mut sum: Row = [0.0; ROW];
                for &f in fs {
                    if keep[f as usize] {
                        for (a, b) in sum.iter_mut().zip(&w[f as usize]) {
                            *a += b;
                        }
                    }
                }
                scores_of(&sum)
            }));
            let predicted = best_segmentation(s.len, &s.candidates, &scores);
            if predicted != s.gold {
                let gold: HashSet<&Choice> = s.gold.iter().collect();
                let pred: HashSet<&Choice> = predicted.iter().collect();
                let mut update = |choice: &Choice, delta: f32| {
                    for &f in &s.features[choice.0] {
                        if keep[f as usize] {
                            for k in [choice.1.index(), SHARED] {
                                w[f as usize][k] += delta;
                                acc[f as usize][k] += step * f64::from(delta);
                            }
                        }
                    }
                };
                for c in s.gold.iter().filter(|c| !pred.contains(c)) {
                    update(c, s.weight);
                }
                for c in predicted.iter().filter(|c| !gold.contains(c)) {
                    update(c, -s.weight);
                }
            }
            step += 1.0;
        }
    }
    (0..n)
        .map(|f| {
            let mut avg: Row = [0.0; ROW];
            for l in 0..ROW {
                avg[l] = (f64::from(w[f][l]) - acc[f][l] / step) as f32;
            }
            avg
        })
        .collect()
}

/// The names the recogniser found in one document: code-point spans and labels.
#[derive(Debug, Clone)]
pub struct Predicted {
    /// Document id.
    pub id: String,
    /// `(start, end, label)`, code points.
    pub names: Vec<(usize, usize, Label)>,
}

impl Predicted {
    /// In the scorer's prediction format: one entity per name.
    pub fn to_json(&self, text: &str) -> serde_json::Value {
        let chars: Vec<char> = text.chars().collect();
        let entities: Vec<serde_json::Value> = self
            .names
            .iter()
            .enumerate()
            .map(|(i, &(s, e, l))| {
                let t: String = chars[s..e].iter().collect();
                // the scorer's place types are GPE, LOC and FAC
                let ty = if l == Label::Place { "LOC" } else { l.name() };
                serde_json::json!({"id": format!("e{i}"), "name": t, "type": ty,
                    "mentions": [{"start": s, "end": e, "text": t}]})
            })
            .collect();
        serde_json::json!({"id": self.id, "entities": entities})
    }
}

/// Runs the recogniser with `model` on documents `test` of `data`: its
/// predictions, and their scores.
pub fn evaluate(data: &Prepared, test: &[usize], model: &Model) -> (Vec<Predicted>, MentionScores) {
    let gaz = gazetteer::get();
    let mut total = MentionScores::default();
    let mut predictions = Vec::new();
    for &d in test {
        let doc = &data.annotated[d];
        let seg = RuleSegmenter.segment(&doc.text);
        let cx = Context::new(&doc.text, &seg, gaz);
        let offsets = CharOffsets::new(&doc.text);
        let names: Vec<(usize, usize, Label)> = super::names(&cx, model)
            .into_iter()
            .map(|(c, l)| {
                let (s, e) = offsets.span(cx.span(c.start, c.end));
                (s, e, l)
            })
            .collect();
        let pred: Vec<(usize, usize, &str)> = names.iter().map(|&(s, e, l)| (s, e, l.name())).collect();
        let gold: Vec<(usize, usize, &str)> = doc.entities.iter().map(|e| (e.start, e.end, e.etype.as_str())).collect();
        total += &eval::score_mentions(&doc.text, &gold, &pred);
        predictions.push(Predicted { id: doc.id.clone(), names });
    }
    (predictions, total)
}

/// Scores the whole pipeline, with the recogniser's weights `model`, on
/// annotated documents: the mentions of the entities it outputs, as
/// `extract --format json` prints them.
pub fn evaluate_pipeline(docs: &[AnnotatedDoc], model: Arc<Model>) -> MentionScores {
    let pipeline = Pipeline::builder().recognizer(LearnedRecognizer::new(model)).build();
    let per_doc: Vec<MentionScores> = docs
        .par_iter()
        .map(|d| {
            let doc = Document::new(d.id.clone(), d.text.clone());
            let out = json::document(&doc, &pipeline.analyze(&doc));
            let pred: Vec<(usize, usize, &str)> =
                out.entities.iter().flat_map(|e| e.mentions.iter().map(move |m| (m.start, m.end, e.etype))).collect();
            let gold: Vec<(usize, usize, &str)> =
                d.entities.iter().map(|e| (e.start, e.end, e.etype.as_str())).collect();
            eval::score_mentions(&d.text, &gold, &pred)
        })
        .collect();
    let mut total = MentionScores::default();
    for s in &per_doc {
        total += s;
    }
    total
}

/// The cross-validated scores of one fold and in total.
#[derive(Debug, Clone, Default)]
pub struct CrossValidation {
    /// Per fold: the documents tested and their scores.
    pub folds: Vec<(Vec<String>, MentionScores)>,
    /// All folds together.
    pub total: MentionScores,
    /// Every gold document's names, predicted by the model of the fold that left it out.
    pub predictions: Vec<Predicted>,
}

/// The fold of the gold document of rank `rank` in id order: documents are dealt to folds in turn.
fn fold_of(rank: usize, folds: usize) -> usize {
    rank % folds
}

/// k-fold cross-validation over the gold documents (silver ones always train).
pub fn cross_validate(data: &Prepared, config: &TrainConfig) -> CrossValidation {
    let mut gold = data.gold_docs();
    gold.sort_by(|&a, &b| data.annotated[a].id.cmp(&data.annotated[b].id));
    let silver: Vec<usize> = (0..data.len()).filter(|&d| !data.gold[d]).collect();
    let rank: HashMap<usize, usize> = gold.iter().enumerate().map(|(r, &d)| (d, r)).collect();
    let folds: Vec<(Vec<usize>, Vec<Predicted>, MentionScores)> = (0..config.folds)
        .into_par_iter()
        .map(|k| {
            let (test, mut train_docs): (Vec<usize>, Vec<usize>) =
                gold.iter().partition(|&&d| fold_of(rank[&d], config.folds) == k);
            train_docs.extend(&silver);
            train_docs.sort();
            let model = train(data, &train_docs, config);
            let (predicted, scores) = evaluate(data, &test, &model);
            (test, predicted, scores)
        })
        .collect();
    let mut cv = CrossValidation::default();
    for (test, predicted, scores) in folds {
        cv.total += &scores;
        cv.predictions.extend(predicted);
        cv.folds.push((test.iter().map(|&d| data.annotated[d].id.clone()).collect(), scores));
    }
    cv
}

/// One row per type and the typed and span totals, as a table.
pub struct ScoreTable<'a>(pub &'a MentionScores);

impl fmt::Display for ScoreTable<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{:<16} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6}", "measure", "P", "R", "F1", "tp", "pred", "gold")?;
        let mut rows: BTreeMap<String, eval::Prf> =
            self.0.by_type.iter().map(|(t, p)| (format!("  {t}"), *p)).collect();
        rows.insert("mentions_typed".into(), self.0.typed);
        rows.insert("mentions_span".into(), self.0.span);
        for (name, p) in rows.iter().rev() {
            writeln!(
                f,
                "{name:<16} {:>6.3} {:>6.3} {:>6.3} {:>6} {:>6} {:>6}",
                p.precision(),
                p.recall(),
                p.f1(),
                p.tp,
                p.predicted,
                p.gold
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(id: &str, text: &str, ents: &[(&str, &str)]) -> AnnotatedDoc {
        let entities = ents
            .iter()
            .map(|(name, t)| {
                let b = text.find(name).expect("name in text");
                let start = text[..b].chars().count();
                AnnotatedSpan { start, end: start + name.chars().count(), etype: (*t).to_owned() }
            })
            .collect();
        AnnotatedDoc { id: id.into(), text: text.into(), genre: None, entities }
    }

    fn config() -> TrainConfig {
        TrainConfig {
            gold: vec![],
            silver: vec![],
            epochs: 5,
            seed: 7,
            folds: 2,
            min_count: 1,
            gold_weight: 1.0,
            ensemble: 1,
            ignore_types: vec![],
        }
    }

    fn toy() -> Vec<AnnotatedDoc> {
        vec![
            doc("a", "Senator Ada Quill visited Lagos.", &[("Ada Quill", "PERSON"), ("Lagos", "LOC")]),
            doc("b", "Mr Bo Reyes flew to Accra.", &[("Bo Reyes", "PERSON"), ("Accra", "LOC")]),
            doc("c", "The Quill Party met in Lagos.", &[("Quill Party", "ORG"), ("Lagos", "LOC")]),
            doc("d", "Senator Ina Vale visited Accra.", &[("Ina Vale", "PERSON"), ("Accra", "LOC")]),
        ]
    }

    #[test]
    fn learns_a_toy_corpus() {
        let data = Prepared::new(toy(), vec![], &config());
        assert_eq!(data.unreachable, 0);
        let all: Vec<usize> = (0..data.len()).collect();
        let model = train(&data, &all, &config());
        let (_, s) = evaluate(&data, &all, &model);
        assert_eq!(s.typed.f1(), 1.0, "{}", ScoreTable(&s));
    }

    #[test]
    fn training_is_deterministic() {
        let data = Prepared::new(toy(), vec![], &config());
        let all: Vec<usize> = (0..data.len()).collect();
        let a = train(&data, &all, &config()).to_bytes();
        let b = train(&data, &all, &config()).to_bytes();
        assert_eq!(a, b);
        let ensemble = TrainConfig { ensemble: 3, ..config() };
        assert_eq!(train(&data, &all, &ensemble).to_bytes(), train(&data, &all, &ensemble).to_bytes());
    }

    #[test]
    fn gold_spans_that_are_no_candidate_are_counted() {
        let d = doc("x", "the ministry of health spoke.", &[("ministry of health", "ORG")]);
        let data = Prepared::new(vec![d], vec![], &config());
        assert_eq!((data.unreachable, data.gold_names), (1, 1));
    }

    #[test]
    fn cross_validation_tests_every_gold_document_once() {
        let data = Prepared::new(toy(), vec![], &config());
        let cv = cross_validate(&data, &config());
        let mut tested: Vec<String> = cv.folds.iter().flat_map(|f| f.0.clone()).collect();
        tested.sort();
        assert_eq!(tested, ["a", "b", "c", "d"]);
        assert_eq!(cv.total.typed.gold, 8);
    }

    #[test]
    fn malformed_data_names_file_and_line() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let path = dir.path().join("bad.jsonl");
        std::fs::write(&path, "{\"id\":\"a\",\"text\":\"Hi\",\"entities\":[]}\n{\"id\":1}\n").expect("write");
        let err = read_docs(&path).expect_err("line 2 is bad").to_string();
        assert!(err.contains("bad.jsonl, line 2"), "{err}");
        std::fs::write(
            &path,
            "{\"id\":\"a\",\"text\":\"Hi\",\"entities\":[{\"start\":0,\"end\":9,\"type\":\"ORG\"}]}\n",
        )
        .expect("write");
        let err = read_docs(&path).expect_err("span too long").to_string();
        assert!(err.contains("does not fit"), "{err}");
    }
}
