//! Runs the stages in order: segment → recognize → resolve → extract → link.
//! No stage logic lives here; each stage is a trait with one default
//! implementation, and [`PipelineBuilder`] swaps any of them.

use crate::coref::{Resolver, RuleResolver};
use crate::extract::{Extractor, RuleExtractor};
use crate::link::{BundledLinker, Linker};
use crate::model::{Analysis, Document};
use crate::ner::{LearnedRecognizer, Recognizer};
use crate::segment::{RuleSegmenter, Segmenter};

/// The extraction pipeline.
pub struct Pipeline {
    segmenter: Box<dyn Segmenter>,
    recognizer: Box<dyn Recognizer>,
    resolver: Box<dyn Resolver>,
    extractor: Box<dyn Extractor>,
    linker: Option<Box<dyn Linker>>,
}

impl Default for Pipeline {
    fn default() -> Self {
        Self::builder().build()
    }
}

impl Pipeline {
    /// A builder that starts from the default stages.
    pub fn builder() -> PipelineBuilder {
        PipelineBuilder {
            pipeline: Pipeline {
                segmenter: Box::new(RuleSegmenter),
                recognizer: Box::new(LearnedRecognizer::default()),
                resolver: Box::new(RuleResolver::default()),
                extractor: Box::new(RuleExtractor::default()),
                linker: Some(Box::new(BundledLinker::default())),
            },
        }
    }

    /// Runs every stage on one document.
    pub fn analyze(&self, doc: &Document) -> Analysis {
        let segmentation = self.segmenter.segment(&doc.text);
        let mentions = self.recognizer.recognize(&doc.text, &segmentation);
        let (entities, mention_entity) = self.resolver.resolve(&doc.text, &segmentation, &mentions);
        let mut analysis = Analysis { segmentation, mentions, mention_entity, entities, ..Analysis::default() };
        self.extractor.extract(doc, &mut analysis);
        if let Some(linker) = &self.linker {
            linker.link(doc, &mut analysis);
        }
        analysis
    }
}

/// Builds a [`Pipeline`], replacing default stages.
pub struct PipelineBuilder {
    pipeline: Pipeline,
}

impl PipelineBuilder {
    /// Uses another segmenter.
    pub fn segmenter(mut self, s: impl Segmenter + 'static) -> Self {
        self.pipeline.segmenter = Box::new(s);
        self
    }

    /// Uses another recogniser.
    pub fn recognizer(mut self, r: impl Recognizer + 'static) -> Self {
        self.pipeline.recognizer = Box::new(r);
        self
    }

    /// Uses another coreference resolver.
    pub fn resolver(mut self, r: impl Resolver + 'static) -> Self {
        self.pipeline.resolver = Box::new(r);
        self
    }

    /// Uses another extractor.
    pub fn extractor(mut self, e: impl Extractor + 'static) -> Self {
        self.pipeline.extractor = Box::new(e);
        self
    }

    /// Uses another linker, or none (`None`: entities stay unlinked).
    pub fn linker(mut self, l: Option<Box<dyn Linker>>) -> Self {
        self.pipeline.linker = l;
        self
    }

    /// The pipeline.
    pub fn build(self) -> Pipeline {
        self.pipeline
    }
}
