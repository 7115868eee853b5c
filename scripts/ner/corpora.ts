/**
 * Readers for the NER corpora: CoNLL-2003 (IOB1, four types) and KIND/EVALITA (IOB2, three
 * types). Each document is rebuilt as natural text (no space before commas, after Italian
 * elisions, …) with the corpus tokens' offsets into it, so training and evaluation see text
 * like an article's, and our tokenizer can be scored against the same characters.
 */

import { readFileSync } from 'node:fs';
import { TokenFlag } from '../../server/src/core/text/tokenize';

/** A gold entity, in token indices (end exclusive) and characters. */
export interface GoldEntity {
  readonly startToken: number;
  readonly endToken: number;
  readonly start: number;
  readonly end: number;
  readonly type: string;
}

/** One corpus document with its tokens (a `TokenStream`) and gold entities. */
export interface CorpusDoc {
  readonly text: string;
  readonly count: number;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly flags: Uint8Array;
  /** Token indices where sentences start (ascending, first is 0). */
  readonly sentences: number[];
  readonly entities: GoldEntity[];
}

interface RawSentence {
  words: string[];
  tags: string[]; // IOB2 after normalisation: O, B-X, I-X
}

const NO_SPACE_BEFORE = new Set([
  ',', '.', ';', ':', '!', '?', ')', ']', '}', '%', '»', '”', '...', "'s", "'S", '’s', "n't", "N'T", "'re", "'m", "'ve", "'ll", "'d",
]);
const NO_SPACE_AFTER = new Set(['(', '[', '{', '«', '“']);

function isElision(word: string): boolean {
  return word.length > 1 && /^\p{L}+['’]$/u.test(word);
}

function buildDoc(sentences: RawSentence[]): CorpusDoc {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  const flags: number[] = [];
  const sentenceStarts: number[] = [];
  const entities: GoldEntity[] = [];
  for (const s of sentences) {
    sentenceStarts.push(starts.length);
    const base = starts.length;
    let quoteOpen = false;
    for (let i = 0; i < s.words.length; i++) {
      const w = s.words[i]!;
      let flag = 0;
      if (i === 0) {
        if (text.length > 0) {
          text += '\n';
          flag = TokenFlag.SpaceBefore | TokenFlag.NewlineBefore;
        }
      } else {
        const prev = s.words[i - 1]!;
        let space = !NO_SPACE_BEFORE.has(w) && !NO_SPACE_AFTER.has(prev) && !isElision(prev);
        if (w === '"') {
          space = !quoteOpen;
        } else if (prev === '"' && quoteOpen) space = false;
        if (space) {
          text += ' ';
          flag = TokenFlag.SpaceBefore;
        }
      }
      if (w === '"') quoteOpen = !quoteOpen;
      starts.push(text.length);
      text += w;
      ends.push(text.length);
      flags.push(flag);
    }
    // Entities from IOB2 tags.
    let open = -1;
    let type = '';
    const close = (end: number): void => {
      if (open >= 0) {
        entities.push({ startToken: base + open, endToken: base + end, start: starts[base + open]!, end: ends[base + end - 1]!, type });
        open = -1;
      }
    };
    for (let i = 0; i < s.tags.length; i++) {
      const t = s.tags[i]!;
      if (t === 'O') close(i);
      else if (t.startsWith('B-') || t.slice(2) !== type || open < 0) {
        close(i);
        open = i;
        type = t.slice(2);
      }
    }
    close(s.tags.length);
  }
  return {
    text,
    count: starts.length,
    starts: Int32Array.from(starts),
    ends: Int32Array.from(ends),
    flags: Uint8Array.from(flags),
    sentences: sentenceStarts,
    entities,
  };
}

/** IOB1 → IOB2: an I- tag that does not continue an entity of the same type becomes B-. */
function toIob2(tags: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i]!;
    if (t.startsWith('I-')) {
      const prev = i > 0 ? out[i - 1]! : 'O';
      out.push(prev === 'O' || prev.slice(2) !== t.slice(2) ? `B-${t.slice(2)}` : t);
    } else out.push(t);
  }
  return out;
}

/** Reads a CoNLL-2003 file (word POS chunk NER per line, -DOCSTART- between documents). */
export function readConll(path: string): CorpusDoc[] {
  const docs: CorpusDoc[] = [];
  let sentences: RawSentence[] = [];
  let cur: RawSentence = { words: [], tags: [] };
  const flushSentence = (): void => {
    if (cur.words.length > 0) {
      cur.tags = toIob2(cur.tags);
      sentences.push(cur);
    }
    cur = { words: [], tags: [] };
  };
  const flushDoc = (): void => {
    flushSentence();
    if (sentences.length > 0) docs.push(buildDoc(sentences));
    sentences = [];
  };
  for (const line of readFileSync(path, 'utf8').split(/\r?\n/)) {
    if (line.startsWith('-DOCSTART-')) {
      flushDoc();
      continue;
    }
    if (line.trim() === '') {
      flushSentence();
      continue;
    }
    const parts = line.split(' ');
    cur.words.push(parts[0]!);
    cur.tags.push(parts[parts.length - 1]!);
  }
  flushDoc();
  return docs;
}

/**
 * Reads a KIND/EVALITA file (word TAB tag, blank line between sentences). It has no document
 * marks, so a new pseudo-document starts at each headline: a short sentence without final
 * punctuation after a sentence that ended with one.
 */
export function readKind(path: string): CorpusDoc[] {
  const all: RawSentence[] = [];
  let cur: RawSentence = { words: [], tags: [] };
  for (const line of readFileSync(path, 'utf8').split(/\r?\n/)) {
    if (line.trim() === '') {
      if (cur.words.length > 0) all.push({ words: cur.words, tags: toIob2(cur.tags) });
      cur = { words: [], tags: [] };
      continue;
    }
    const tab = line.lastIndexOf('\t');
    cur.words.push(line.slice(0, tab));
    cur.tags.push(line.slice(tab + 1).trim());
  }
  if (cur.words.length > 0) all.push({ words: cur.words, tags: toIob2(cur.tags) });

  const docs: CorpusDoc[] = [];
  let group: RawSentence[] = [];
  const endsWithPunct = (s: RawSentence): boolean => /^[.!?»"”:;)…]$/.test(s.words[s.words.length - 1]!);
  for (const s of all) {
    const headline = !endsWithPunct(s) && s.words.length < 30 && /^\p{Lu}/u.test(s.words[0]!);
    const prevEnded = group.length > 0 && endsWithPunct(group[group.length - 1]!);
    if (headline && prevEnded && group.length >= 3) {
      docs.push(buildDoc(group));
      group = [];
    }
    group.push(s);
  }
  if (group.length > 0) docs.push(buildDoc(group));
  return docs;
}

/** The same document with its first sentence (a headline) upper-cased, for augmentation. */
export function withCapitalisedHeadline(doc: CorpusDoc): CorpusDoc {
  const end = doc.sentences.length > 1 ? doc.starts[doc.sentences[1]!]! : doc.text.length;
  const upper = doc.text.slice(0, end).toUpperCase();
  if (upper.length !== end) return doc; // ß and friends change length: skip
  return { ...doc, text: upper + doc.text.slice(end) };
}
