/** Named-entity recognition: the public surface of `core/ner`. */
export { prepareBlock, recognizeBlocks, recognizeEntities, recognizeLabels } from './recognize';
export type { BlockRecognition, LabelledSpan, NerLabel, PlacedBlock, RecognizedEntity } from './recognize';
