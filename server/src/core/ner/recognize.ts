/**
 * Statistical named-entity recognition for English and Italian articles: tokens → features →
 * Viterbi over BIO labels → spans typed as the Article model's entity types.
 */

import type { EntityType, Language, Span } from '../model';
import { tokenize, type Tokens } from '../text/tokenize';
import { decodeGazetteer, type Gazetteer } from './gazetteer';
import { positionalCapital, prepare, type Prepared } from './features';
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
  /** Indices of the span's first and last tokens in the analysis' `tokens`. */
  readonly firstToken: number;
  readonly lastToken: number;
}

/** A recognised entity. */
export interface RecognizedEntity extends Span {
  readonly type: EntityType;
  /** The model's label: PER, ORG, LOC or MISC. */
  readonly label: NerLabel;
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

/** Tokens plus the recogniser's per-token analysis, for callers that want both. */
export interface NerAnalysis {
  readonly tokens: Tokens;
  readonly prepared: Prepared;
  readonly spans: readonly LabelledSpan[];
}

/**
 * Finds entity spans with the model's own labels in `text` (or in `range` of it).
 * Spans are sorted, non-overlapping, inside the range, and start and end on token bounds.
 */
export function recognizeLabels(text: string, lang: Language, range?: Span): NerAnalysis {
  const tokens = tokenize(text, range?.start ?? 0, range?.end ?? text.length);
  const model = getModel(lang);
  const prepared = prepare(tokens, getGazetteer(), lang);
  const labels = decodeLabels(model, prepared);
  const functionWords = FUNCTION_WORDS[lang];
  const spans: LabelledSpan[] = [];
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
  return { tokens, prepared, spans: harmoniseLabels(text, spans) };
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
function harmoniseLabels(text: string, spans: LabelledSpan[]): LabelledSpan[] {
  if (spans.length < 2) return spans;
  const votes = new Map<string, Int32Array>();
  const vote = (key: string, label: NerLabel): void => {
    let v = votes.get(key);
    if (!v) votes.set(key, (v = new Int32Array(4)));
    v[LABEL_INDEX[label]]!++;
  };
  const surfaces = spans.map((s) => text.slice(s.start, s.end));
  spans.forEach((s, k) => {
    const surface = surfaces[k]!;
    vote(surface, s.label);
    if (s.label === 'PER') {
      const space = surface.lastIndexOf(' ');
      if (space > 0) vote(surface.slice(space + 1), 'PER');
    }
  });
  return spans.map((s, k) => {
    const v = votes.get(surfaces[k]!)!;
    let best = LABEL_INDEX[s.label];
    for (let l = 0; l < 4; l++) if (v[l]! > v[best]!) best = l;
    return LABELS[best] === s.label ? s : { ...s, label: LABELS[best]! };
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
  const { tokens, prepared, spans } = recognizeLabels(text, lang, range);
  const competitions = findCompetitions(text, tokens, prepared);
  const out: RecognizedEntity[] = [];
  let c = 0;
  for (const s of spans) {
    // Rule-found competitions come first and win over model spans they overlap.
    while (c < competitions.length && competitions[c]!.end <= s.start) out.push(competition(competitions[c++]!));
    if (c < competitions.length && competitions[c]!.start < s.end) continue;
    const type = typeEntity(text, s, tokens, prepared);
    if (type) out.push({ start: s.start, end: s.end, type, label: s.label });
  }
  while (c < competitions.length) out.push(competition(competitions[c++]!));
  return out;
}

function competition(s: Span): RecognizedEntity {
  return { start: s.start, end: s.end, type: 'competition', label: 'MISC' };
}
