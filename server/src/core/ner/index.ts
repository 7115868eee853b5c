/** Named-entity recognition: the public surface of `core/ner`. */
export { recognizeEntities, recognizeLabels } from './recognize';
export type { LabelledSpan, NerAnalysis, NerLabel, RecognizedEntity } from './recognize';
