//! Stage 5, `link`: entities → records of external datasets (Wikidata,
//! GeoNames, DBpedia).
//!
//! The default [`BundledLinker`] looks names up in the knowledge base bundled
//! with the binary (see `data/README.md`), keeps the candidates whose kind fits
//! the entity type, and picks the most prominent one. It leaves an entity
//! unlinked (NIL) when the best candidate is weak: precision before recall.

use crate::lexicon::gazetteer::{self, Gazetteer, KbKind};
use crate::model::{Analysis, Document, EntityType, Link};

/// Links the entities of an analysis.
pub trait Linker: Send + Sync {
    /// Sets `link` on the entities it can identify.
    fn link(&self, doc: &Document, analysis: &mut Analysis);
}

/// Links against the bundled knowledge base.
#[derive(Debug, Clone, Copy)]
pub struct BundledLinker {
    gazetteer: &'static Gazetteer,
}

impl Default for BundledLinker {
    fn default() -> Self {
        Self { gazetteer: gazetteer::get() }
    }
}

fn fits(kind: KbKind, etype: EntityType) -> bool {
    match etype {
        EntityType::Gpe | EntityType::Loc => matches!(kind, KbKind::Country | KbKind::Region | KbKind::City),
        EntityType::Person => kind == KbKind::Person,
        EntityType::Org => kind == KbKind::Org,
        EntityType::Norp => false,
    }
}

impl Linker for BundledLinker {
    fn link(&self, doc: &Document, analysis: &mut Analysis) {
        let g = self.gazetteer;
        let mut links = Vec::with_capacity(analysis.entities.len());
        for e in &analysis.entities {
            // every name the article uses for it, longest first
            let mut names: Vec<&str> = analysis.name_mentions_of(e).map(|m| m.span.text(&doc.text)).collect();
            names.push(&e.name);
            names.sort_by_key(|n| std::cmp::Reverse(n.len()));
            names.dedup();
            let best = names.iter().find_map(|n| {
                let cands: Vec<_> = g.lookup(n).iter().copied().filter(|&id| fits(g.entry(id).kind, e.etype)).collect();
                match cands.as_slice() {
                    [] => None,
                    [one] => Some((*one, if n.contains(' ') { 0.9 } else { 0.75 })),
                    _ => g.place(n).filter(|id| cands.contains(id)).map(|id| (id, 0.6)),
                }
            });
            links.push(best.and_then(|(id, confidence)| {
                let r = g.entry(id);
                (r.wikidata.is_some() || r.geonames.is_some()).then(|| Link {
                    wikidata: r.wikidata.clone(),
                    geonames: r.geonames.clone(),
                    dbpedia: r.dbpedia.clone(),
                    confidence,
                    method: "bundled-kb".to_owned(),
                })
            }));
        }
        for (e, l) in analysis.entities.iter_mut().zip(links) {
            e.link = l;
        }
    }
}
