/**
 * Statistical named-entity recognition for English and Italian articles: tokens → features →
 * Viterbi over BIO labels → spans typed as the Article model's entity types.
 */

import type { EntityType, Language, Span } from '../model';
import { findBlocks } from '../text/structure';
import { tokenize, type Tokens } from '../text/tokenize';
import { decodeGazetteer, type Gazetteer } from './gazetteer';
import { applyDocEvidence, caseEvidence, DocCaseTable, positionalCapital, prepareLocal, type CaseEvidence, type DocCaseCounts, type Prepared } from './features';
import { FUNCTION_WORDS } from './function-words';
import { decodeLabels, decodeModel, type NerModel } from './model';
import { findCompetitions, typeEntity } from './typing';
import { GAZETTEER } from './data/gazetteer';
import { MODEL_EN } from './data/en';
import { MODEL_IT } from './data/it';

/** The recogniser's own label set (CoNLL-style). */
export type NerLabel = 'PER' | 'ORG' | 'LOC' | 'MISC';

/** A span found by the model, before mapping to {@link EntityType}. */
export interface LabelledSpan extends Span {
  readonly label: NerLabel;
}

/** A labelled span with the indices of its first and last tokens in its block's tokens. */
interface TokenSpan extends LabelledSpan {
  readonly firstToken: number;
  readonly lastToken: number;
}

/** A recognised entity. */
export interface RecognizedEntity extends Span {
  readonly type: EntityType;
  /** The model's label: PER, ORG, LOC or MISC. */
  readonly label: NerLabel;
}

/**
 * The recogniser's work on one block of text (see `findBlocks`), reusable for as long as the
 * block's text and language are unchanged. Offsets are relative to the block. Only the
 * document-level case evidence comes from outside the block: when it changes, the block's
 * labels are decoded again.
 */
export interface BlockRecognition {
  readonly lang: Language;
  readonly tokens: Tokens;
  readonly prepared: Prepared;
  readonly evidence: CaseEvidence;
  /** Competitions found by rule. */
  readonly competitions: readonly Span[];
  /** The model's spans, before labels are harmonised across the text; set once decoded. */
  spans?: readonly TokenSpan[];
  /** The text of each span, kept with the spans (the same strings hash faster next time). */
  surfaces?: readonly string[];
  /** The entity type of each span with its own label, once worked out (null: dropped). */
  types?: (EntityType | null | undefined)[];
}

/** A block of a text: its own text, where it starts, and the recogniser's work on it. */
export interface PlacedBlock {
  readonly text: string;
  readonly offset: number;
  readonly ner: BlockRecognition;
}

let gazetteer: Gazetteer | undefined;
const models = new Map<Language, NerModel>();

function getGazetteer(): Gazetteer {
  gazetteer ??= decodeGazetteer(GAZETTEER);
  return gazetteer;
}

function getModel(lang: Language): NerModel {
  let m = models.get(lang);
  if (!m) {
    m = decodeModel(lang === 'it' ? MODEL_IT : MODEL_EN);
    models.set(lang, m);
  }
  return m;
}

/** Tokenises and prepares one block for the recogniser (nothing is decoded yet). */
export function prepareBlock(text: string, lang: Language): BlockRecognition {
  const tokens = tokenize(text);
  const prepared = prepareLocal(tokens, getGazetteer(), lang);
  return { lang, tokens, prepared, evidence: caseEvidence(prepared), competitions: findCompetitions(text, tokens, prepared) };
}

/**
 * The model's spans over the blocks of a text, with absolute offsets and labels harmonised
 * across the whole text. Blocks whose document-level case evidence is unchanged since they
 * were last decoded are not decoded again. `counts`, kept for one document across its
 * versions, stands in for a table of the whole text's evidence.
 */
function labelBlocks(blocks: readonly PlacedBlock[], lang: Language, counts?: DocCaseCounts): Labelled[] {
  const model = getModel(lang);
  const evidence = blocks.map((b) => b.ner.evidence);
  const table = counts?.update(evidence) ?? DocCaseTable.build(evidence);
  const out: Labelled[] = [];
  for (const block of blocks) {
    const ner = block.ner;
    const changed = applyDocEvidence(ner.prepared, ner.evidence, table);
    if (changed || !ner.spans) {
      ner.spans = decodeSpans(block.text, ner, model);
      ner.surfaces = ner.spans.map((span) => block.text.slice(span.start, span.end));
      ner.types = [];
    }
    ner.spans.forEach((span, index) => out.push({ block, span, index }));
  }
  const labels = harmoniseLabels(
    out.map(({ block, index }) => block.ner.surfaces![index]!),
    out.map(({ span }) => span.label),
  );
  return out.map((l, k) => (labels[k] === l.span.label ? l : { ...l, span: { ...l.span, label: labels[k]! } }));
}

/** A span of a block with its harmonised label; `index` is its place in the block's spans. */
interface Labelled {
  readonly block: PlacedBlock;
  readonly span: TokenSpan;
  readonly index: number;
}

/** Splits `text[range]` into blocks and prepares each. */
function placeBlocks(text: string, lang: Language, range?: Span): PlacedBlock[] {
  const from = Math.max(0, Math.min(range?.start ?? 0, text.length));
  const to = Math.max(from, Math.min(range?.end ?? text.length, text.length));
  const body = text.slice(from, to);
  return findBlocks(body).map((b) => {
    const own = body.slice(b.start, b.end);
    return { text: own, offset: from + b.start, ner: prepareBlock(own, lang) };
  });
}

/**
 * Finds entity spans with the model's own labels in `text` (or in `range` of it).
 * Spans are sorted, non-overlapping, inside the range, and start and end on token bounds.
 */
export function recognizeLabels(text: string, lang: Language, range?: Span): LabelledSpan[] {
  return labelBlocks(placeBlocks(text, lang, range), lang).map(({ block, span }) => ({
    start: span.start + block.offset,
    end: span.end + block.offset,
    label: span.label,
  }));
}

/** Decodes one prepared block into spans (block offsets). */
function decodeSpans(text: string, ner: BlockRecognition, model: NerModel): TokenSpan[] {
  const { tokens, prepared } = ner;
  const labels = decodeLabels(model, prepared);
  const functionWords = FUNCTION_WORDS[ner.lang];
  const spans: TokenSpan[] = [];
  let open = -1;
  let type = '';
  const close = (endToken: number): void => {
    if (open < 0) return;
    // A leading function word capitalised only by its position is not part of the name
    // ("Dalla Spagna" at a sentence start is Spagna; "While" alone is nothing).
    let first = open;
    while (first < endToken && positionalCapital(prepared, first) && functionWords.has(foldApostrophes(text, tokens, first))) first++;
    if (first < endToken) {
      spans.push({ start: tokens.starts[first]!, end: tokens.ends[endToken - 1]!, label: type as NerLabel, firstToken: first, lastToken: endToken - 1 });
    }
    open = -1;
  };
  for (let i = 0; i < tokens.count; i++) {
    const y = labels[i]!;
    if (y === 0) close(i);
    else if (model.begins[y] || open < 0 || model.types[y] !== type) {
      close(i);
      open = i;
      type = model.types[y]!;
    }
  }
  close(tokens.count);
  return spans;
}

function foldApostrophes(text: string, tokens: Tokens, t: number): string {
  return text.slice(tokens.starts[t], tokens.ends[t]).toLowerCase().replace(/’/g, "'");
}

const LABEL_INDEX: Readonly<Record<NerLabel, number>> = { PER: 0, ORG: 1, LOC: 2, MISC: 3 };
const LABELS: readonly NerLabel[] = ['PER', 'ORG', 'LOC', 'MISC'];

/**
 * One name, one label per text: spans with the same surface take the label most of them
 * have (a surname alone counts its full name's PER too). Ties keep each span's own label.
 */
function harmoniseLabels(surfaces: readonly string[], labels: readonly NerLabel[]): NerLabel[] {
  if (labels.length < 2) return [...labels];
  // Four counts per surface in one flat array: a long article has thousands of spans.
  const slots = new Map<string, number>();
  const counts: number[] = [];
  const slotOf = (key: string): number => {
    let at = slots.get(key);
    if (at === undefined) {
      slots.set(key, (at = counts.length));
      counts.push(0, 0, 0, 0);
    }
    return at;
  };
  const own = new Int32Array(labels.length);
  for (let k = 0; k < labels.length; k++) {
    const surface = surfaces[k]!;
    const label = labels[k]!;
    own[k] = slotOf(surface);
    counts[own[k]! + LABEL_INDEX[label]]!++;
    if (label === 'PER') {
      const space = surface.lastIndexOf(' ');
      if (space > 0) counts[slotOf(surface.slice(space + 1)) + LABEL_INDEX.PER]!++;
    }
  }
  return labels.map((label, k) => {
    const at = own[k]!;
    let best = LABEL_INDEX[label];
    for (let l = 0; l < 4; l++) if (counts[at + l]! > counts[at + best]!) best = l;
    return LABELS[best]!;
  });
}

/**
 * Finds and types the named entities in an article's text (or in `range` of it; offsets stay
 * absolute). UTF-16 offsets, `end` exclusive; sorted, non-overlapping, never splitting a
 * surrogate pair. Competitions are also found by rule (KIND leaves them untagged). MISC spans
 * that are not competitions (nationalities, events, titles) are left out: the Article model
 * has no type for them.
 */
export function recognizeEntities(text: string, lang: Language, range?: Span): RecognizedEntity[] {
  return recognizeBlocks(placeBlocks(text, lang, range), lang);
}

/**
 * {@link recognizeEntities} over a text already split into prepared blocks. `counts`, kept for
 * one document across its versions, spares going over every block's words after an edit.
 */
export function recognizeBlocks(blocks: readonly PlacedBlock[], lang: Language, counts?: DocCaseCounts): RecognizedEntity[] {
  const labelled = labelBlocks(blocks, lang, counts);
  const out: RecognizedEntity[] = [];
  let k = 0;
  for (const block of blocks) {
    const { offset, ner } = block;
    const competitions = ner.competitions;
    let c = 0;
    for (; k < labelled.length && labelled[k]!.block === block; k++) {
      const s = labelled[k]!.span;
      const index = labelled[k]!.index;
      // Rule-found competitions come first and win over model spans they overlap.
      while (c < competitions.length && competitions[c]!.end <= s.start) out.push(competition(competitions[c++]!, offset));
      if (c < competitions.length && competitions[c]!.start < s.end) continue;
      const type = typeOf(block, s, index);
      if (type) out.push({ start: s.start + offset, end: s.end + offset, type, label: s.label });
    }
    while (c < competitions.length) out.push(competition(competitions[c++]!, offset));
  }
  return out;
}

/**
 * The type of span `index` of `block` (see `typeEntity`), remembered while the span keeps the
 * label the model gave it.
 */
function typeOf(block: PlacedBlock, span: TokenSpan, index: number): EntityType | undefined {
  const { ner, text } = block;
  if (span !== ner.spans![index]) return typeEntity(text, span, ner.tokens, ner.prepared);
  const types = (ner.types ??= []);
  let type = types[index];
  if (type === undefined) types[index] = type = typeEntity(text, span, ner.tokens, ner.prepared) ?? null;
  return type ?? undefined;
}

function competition(s: Span, offset: number): RecognizedEntity {
  return { start: s.start + offset, end: s.end + offset, type: 'competition', label: 'MISC' };
}
