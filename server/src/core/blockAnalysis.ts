/**
 * The stages of the analysis that look no further than a paragraph: sentences, numbers,
 * dates, knowledge-base names, the recogniser's tokens and labels, referring words and claim
 * cues. They run block by block (see `findBlocks`), so a {@link BlockCache} can keep each
 * block's results while its text is unchanged, and an edit to a long article re-runs them
 * only for the blocks it touched. With or without a cache the results are the same.
 */
import { findCues, type CueHits, type CueKind } from './claims/cues';
import type { AnalysisContext } from './context';
import { findDates } from './dates/findDates';
import { findReferringWords } from './entities/coreference';
import { matchNames, type NameIndex, type NameMatch } from './kb';
import type { DateMention, DateValue, Language, NumberMention, Span } from './model';
import { DocCaseCounts } from './ner/features';
import { prepareBlock, type BlockRecognition, type PlacedBlock } from './ner/recognize';
import { findNumbers } from './numbers/findNumbers';
import { findBlocks, findSentences } from './text/structure';

/** What the block stages found in one block; offsets are relative to the block. */
interface BlockResults {
  readonly paragraph?: Span;
  readonly sentences: readonly Span[];
  readonly numbers: readonly NumberMention[];
  readonly dates: readonly DateMention[];
  readonly names: readonly NameMatch[];
  readonly ner: BlockRecognition;
  readonly referring: readonly Span[];
  readonly cues: CueHits;
}

interface CacheEntry {
  readonly results: BlockResults;
  /** The last analysis that used the entry. */
  used: number;
}

/**
 * Block results of one document across its versions, keyed by the block's text. Entries not
 * used by the last two analyses are dropped, so the cache holds about two versions' worth of
 * blocks (an undo finds its blocks still there). Tied to one name index, language and
 * article date: a change of any of them empties it.
 */
export class BlockCache {
  private readonly entries = new Map<string, CacheEntry>();
  /** The document's case evidence, counted block by block (see `recognizeBlocks`). */
  readonly caseCounts = new DocCaseCounts();
  private generation = 0;
  private setting: readonly [NameIndex | undefined, Language, string] | undefined;

  /** How many blocks are cached. */
  get size(): number {
    return this.entries.size;
  }

  /** Starts an analysis with these inputs; returns the lookup it uses. */
  begin(names: NameIndex | undefined, language: Language, dateKey: string): (text: string) => CacheEntry | undefined {
    const s = this.setting;
    if (!s || s[0] !== names || s[1] !== language || s[2] !== dateKey) {
      this.entries.clear();
      this.setting = [names, language, dateKey];
    }
    const generation = ++this.generation;
    return (text) => {
      const entry = this.entries.get(text);
      if (entry) entry.used = generation;
      return entry;
    };
  }

  /** Stores the results of a block, whose text must not be a slice of the document (see `detach`). */
  store(text: string, results: BlockResults): void {
    this.entries.set(text, { results, used: this.generation });
  }

  /** Ends an analysis: forgets blocks no recent analysis used. */
  end(): void {
    for (const [key, entry] of this.entries) if (entry.used < this.generation - 1) this.entries.delete(key);
  }
}

/** The block stages' results for a whole text, with absolute offsets. */
export interface BlockStages {
  readonly paragraphs: Span[];
  readonly sentences: Span[];
  readonly numbers: NumberMention[];
  readonly dates: DateMention[];
  /** Knowledge-base name matches (none without a context). */
  readonly names: NameMatch[];
  /** The blocks, placed, for the recogniser. */
  readonly blocks: PlacedBlock[];
  /** Pronouns and "the club", to be resolved. */
  readonly referring: Span[];
  /** Where claims' cue words are. */
  readonly cues: CueHits;
}

/**
 * Runs the block stages over `text`, taking unchanged blocks from `cache` when given.
 * `articleDate` resolves relative dates; `context` provides the names to match.
 */
export function runBlockStages(text: string, language: Language, articleDate: DateValue | undefined, context: AnalysisContext | undefined, cache?: BlockCache): BlockStages {
  const dateKey = articleDate ? `${articleDate.value}/${articleDate.precision}` : '';
  const lookup = cache?.begin(context?.names, language, dateKey);
  const out: BlockStages = { paragraphs: [], sentences: [], numbers: [], dates: [], names: [], blocks: [], referring: [], cues: { contract: [], list: [], move: [], record: [] } };
  for (const block of findBlocks(text)) {
    let own = text.slice(block.start, block.end);
    let results = lookup?.(own)?.results;
    // Cached results must not keep this version of the document alive through slices of it.
    if (!results && cache) own = detach(own);
    let copy = results !== undefined;
    if (!results) {
      results = {
        ...(block.paragraph ? { paragraph: { start: block.paragraph.start - block.start, end: block.paragraph.end - block.start } } : {}),
        sentences: findSentences(own),
        numbers: findNumbers(own, language),
        dates: findDates(own, language, articleDate),
        names: context ? matchNames(context.names, own, { lang: language }) : [],
        ner: prepareBlock(own, language),
        referring: findReferringWords(own, language),
        cues: findCues(own, language),
      };
      if (cache) {
        cache.store(own, results);
        copy = true;
      }
    }
    const d = block.start;
    if (results.paragraph) out.paragraphs.push({ start: results.paragraph.start + d, end: results.paragraph.end + d });
    moveSpans(results.sentences, out.sentences, d, copy);
    moveNumbers(results.numbers, out.numbers, d, copy);
    moveDates(results.dates, out.dates, d, copy);
    moveNames(results.names, out.names, d, copy);
    moveSpans(results.referring, out.referring, d, copy);
    for (const kind of CUE_KINDS) moveOffsets(results.cues[kind], out.cues[kind], d);
    out.blocks.push({ text: own, offset: d, ner: results.ner });
  }
  cache?.end();
  return out;
}

// Results are moved from block to text offsets by one function per type, so that each one's
// property accesses see objects of a single shape (V8 slows down on mixed shapes).

function moveSpans(from: readonly Span[], to: Span[], d: number, copy: boolean): void {
  for (const s of from) {
    if (copy) to.push({ start: s.start + d, end: s.end + d });
    else {
      const own = s as { start: number; end: number };
      own.start += d;
      own.end += d;
      to.push(s);
    }
  }
}

const CUE_KINDS: readonly CueKind[] = ['contract', 'list', 'move', 'record'];

function moveOffsets(from: readonly number[], to: number[], d: number): void {
  for (const at of from) to.push(at + d);
}

function moveNumbers(from: readonly NumberMention[], to: NumberMention[], d: number, copy: boolean): void {
  for (const n of from) {
    const nounSpan = n.nounSpan && { start: n.nounSpan.start + d, end: n.nounSpan.end + d };
    if (copy || nounSpan) to.push({ ...n, start: n.start + d, end: n.end + d, ...(nounSpan ? { nounSpan } : {}) });
    else {
      const own = n as { start: number; end: number };
      own.start += d;
      own.end += d;
      to.push(n);
    }
  }
}

function moveDates(from: readonly DateMention[], to: DateMention[], d: number, copy: boolean): void {
  for (const x of from) {
    if (copy) to.push({ start: x.start + d, end: x.end + d, text: x.text, value: x.value, precision: x.precision, relative: x.relative });
    else {
      const own = x as { start: number; end: number };
      own.start += d;
      own.end += d;
      to.push(x);
    }
  }
}

function moveNames(from: readonly NameMatch[], to: NameMatch[], d: number, copy: boolean): void {
  for (const m of from) {
    if (copy) to.push({ start: m.start + d, end: m.end + d, text: m.text, candidates: m.candidates, epithet: m.epithet });
    else {
      const own = m as { start: number; end: number };
      own.start += d;
      own.end += d;
      to.push(m);
    }
  }
}

/**
 * A copy of `s` that shares no memory with the string it was cut from. V8 represents a long
 * slice as a view of the whole string, so a cached paragraph would otherwise keep every
 * version of the document it came from alive; flattening a concatenation makes a copy.
 */
export function detach(s: string): string {
  return `${s} `.slice(0, -1);
}
