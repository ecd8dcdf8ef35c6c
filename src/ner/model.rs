//! The learned weights: one row per feature, with a weight for each of the
//! [`N_LABELS`] labels and one shared by all of them.
//!
//! A candidate's score for a label is the sum, over the candidate's features,
//! of that label's weight and the shared one. The shared weights learn what
//! makes a name a name whatever its type (a capitalised word inside a sentence
//! that the article repeats), the others what makes it a person rather than a
//! place; a candidate whose best score is not above zero is not
//! a name (the decoder compares it with leaving its tokens outside any name,
//! which scores zero). The weights are learned by `newsgraph train`
//! ([`super::train`]) and shipped in `data/model/ner.bin`, embedded in the
//! binary.
//!
//! # File format
//! `NGNER` and a format byte (2); the number of labels (u32) and rows (u64);
//! then the rows sorted by feature id, each the id (u64), one weight per
//! label and the shared weight (f32), all little-endian. Sorted rows make the file byte-identical for
//! identical weights.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::{Arc, LazyLock};

use super::features::Feature;

/// What a name can be. `Other` is a name of none of the graph's types (a
/// work, product, law or event): recognising it keeps its words from being
/// taken for a person or place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Label {
    /// A person.
    Person,
    /// An organisation.
    Org,
    /// A place: country, region, city, or a geographic or built location.
    Place,
    /// A nationality, religious or political group as a plural noun ("Democrats").
    Norp,
    /// Another kind of name: event, work, product, law, language.
    Other,
}

/// Number of labels.
pub const N_LABELS: usize = 5;

/// The labels, in weight-row order.
pub const LABELS: [Label; N_LABELS] = [Label::Person, Label::Org, Label::Place, Label::Norp, Label::Other];

impl Label {
    /// The label of a gold annotation type (GUM's, or spaCy's after mapping):
    /// `None` for types that are not names (dates).
    pub fn from_type(t: &str) -> Option<Label> {
        Some(match t {
            "PERSON" => Label::Person,
            "ORG" => Label::Org,
            "LOC" | "GPE" | "FAC" | "PLACE" => Label::Place,
            "NORP" => Label::Norp,
            "OTHER" | "EVENT" | "MISC" | "PRODUCT" | "WORK_OF_ART" | "LAW" | "LANGUAGE" => Label::Other,
            _ => return None,
        })
    }

    /// Upper-case name, as in the scorer's types ("PERSON", "ORG", "PLACE", …).
    pub fn name(self) -> &'static str {
        match self {
            Label::Person => "PERSON",
            Label::Org => "ORG",
            Label::Place => "PLACE",
            Label::Norp => "NORP",
            Label::Other => "OTHER",
        }
    }

    /// Index of the label in a weight row.
    pub fn index(self) -> usize {
        self as usize
    }
}

/// Scores of one candidate, one per label.
pub type Scores = [f32; N_LABELS];

/// Weights of one feature: one per label, then the shared one.
pub type Row = [f32; ROW];

/// Length of a [`Row`].
pub const ROW: usize = N_LABELS + 1;

/// Index of the shared weight in a [`Row`].
pub const SHARED: usize = N_LABELS;

/// The scores of a candidate whose features' rows sum to `sum`.
pub fn scores_of(sum: &Row) -> Scores {
    let mut s = [0.0; N_LABELS];
    for (l, x) in s.iter_mut().enumerate() {
        *x = sum[l] + sum[SHARED];
    }
    s
}

/// Feature ids are already hashes: use them as they are.
#[derive(Default, Clone, Copy)]
pub struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A map keyed by feature ids.
pub type FeatureMap<V> = HashMap<Feature, V, BuildHasherDefault<IdHasher>>;

/// Learned weights.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Model {
    weights: FeatureMap<Row>,
}

const MAGIC: &[u8; 6] = b"NGNER\x02";

/// Why a weights file could not be read.
#[derive(Debug, thiserror::Error)]
#[error("the recogniser's weights are malformed: {0}")]
pub struct ModelFormatError(String);

/// The embedded weights file.
pub const SHIPPED_BYTES: &[u8] = include_bytes!("../../data/model/ner.bin");

static SHIPPED: LazyLock<Arc<Model>> = LazyLock::new(|| {
    // a test (`shipped_weights_load`) checks the embedded file parses
    Arc::new(Model::from_bytes(SHIPPED_BYTES).unwrap_or_default())
});

impl Model {
    /// The weights shipped in the binary (`data/model/ner.bin`).
    pub fn shipped() -> Arc<Model> {
        Arc::clone(&SHIPPED)
    }

    /// A model from rows of weights.
    pub fn from_rows(rows: impl IntoIterator<Item = (Feature, Row)>) -> Self {
        Model { weights: rows.into_iter().collect() }
    }

    /// Number of features with weights.
    pub fn len(&self) -> usize {
        self.weights.len()
    }

    /// Whether the model has no weights.
    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    /// The weights of one feature.
    pub fn row(&self, f: Feature) -> Option<&Row> {
        self.weights.get(&f)
    }

    /// Sums the weights of `features`, per label.
    pub fn score(&self, features: &[Feature]) -> Scores {
        let mut s = [0.0; ROW];
        for f in features {
            if let Some(w) = self.weights.get(f) {
                for (a, b) in s.iter_mut().zip(w) {
                    *a += b;
                }
            }
        }
        scores_of(&s)
    }

    /// The weights in the file format (rows sorted by feature id).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut rows: Vec<(&Feature, &Row)> = self.weights.iter().collect();
        rows.sort_by_key(|(f, _)| **f);
        let mut out = Vec::with_capacity(18 + rows.len() * (8 + 4 * ROW));
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(N_LABELS as u32).to_le_bytes());
        out.extend_from_slice(&(rows.len() as u64).to_le_bytes());
        for (f, w) in rows {
            out.extend_from_slice(&f.to_le_bytes());
            for x in w {
                out.extend_from_slice(&x.to_le_bytes());
            }
        }
        out
    }

    /// Reads weights in the file format.
    pub fn from_bytes(b: &[u8]) -> Result<Self, ModelFormatError> {
        let bad = |m: &str| ModelFormatError(m.to_owned());
        let rest = b.strip_prefix(MAGIC.as_slice()).ok_or_else(|| bad("no NGNER header of format 2"))?;
        let (labels, rest) = rest.split_at_checked(4).ok_or_else(|| bad("truncated header"))?;
        let (count, mut rest) = rest.split_at_checked(8).ok_or_else(|| bad("truncated header"))?;
        let labels = u32::from_le_bytes(labels.try_into().map_err(|_| bad("header"))?) as usize;
        if labels != N_LABELS {
            return Err(ModelFormatError(format!("{labels} labels, this build knows {N_LABELS}")));
        }
        let count = u64::from_le_bytes(count.try_into().map_err(|_| bad("header"))?);
        let row = 8 + 4 * ROW;
        if rest.len() as u64 != count.saturating_mul(row as u64) {
            return Err(ModelFormatError(format!("{count} rows announced, {} bytes of rows", rest.len())));
        }
        let mut weights = FeatureMap::with_capacity_and_hasher(count as usize, Default::default());
        while let Some((r, tail)) = rest.split_at_checked(row) {
            let (id, ws) = r.split_at(8);
            let id = u64::from_le_bytes(id.try_into().map_err(|_| bad("row"))?);
            let mut w = [0.0; ROW];
            for (x, c) in w.iter_mut().zip(ws.chunks_exact(4)) {
                *x = f32::from_le_bytes(c.try_into().map_err(|_| bad("row"))?);
            }
            weights.insert(id, w);
            rest = tail;
        }
        Ok(Model { weights })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_round_trip_and_are_canonical() {
        let m = Model::from_rows([(7, [1.0, -2.0, 0.5, 0.0, 3.0, 0.0]), (3, [0.0, 0.25, 0.0, -1.0, 0.0, 1.0])]);
        let b = m.to_bytes();
        assert_eq!(Model::from_bytes(&b).expect("parses"), m);
        let again = Model::from_rows([(3, [0.0, 0.25, 0.0, -1.0, 0.0, 1.0]), (7, [1.0, -2.0, 0.5, 0.0, 3.0, 0.0])]);
        assert_eq!(again.to_bytes(), b, "the same weights give the same bytes");
        // the shared weight (1.0) counts for every label
        assert_eq!(m.score(&[3, 7, 9]), [2.0, -0.75, 1.5, 0.0, 4.0]);
    }

    #[test]
    fn malformed_weights_are_refused() {
        assert!(Model::from_bytes(b"").is_err());
        assert!(Model::from_bytes(b"NGNER\x01").is_err());
        let mut b = Model::from_rows([(1, [1.0; ROW])]).to_bytes();
        b.pop();
        assert!(Model::from_bytes(&b).is_err());
    }

    #[test]
    fn shipped_weights_load() {
        let m = Model::from_bytes(SHIPPED_BYTES).expect("the shipped weights parse");
        assert!(m.len() > 1000, "the shipped model has {} features", m.len());
    }
}
