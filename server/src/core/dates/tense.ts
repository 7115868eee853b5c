/**
 * Which way a date without a year or direction points ("on Sunday", "domenica", "in
 * December"): the tense of the clause around it. Strong cues (auxiliaries: "will", "was",
 * "ha", a future verb "giocherà") win over weak ones (a past participle "-ed", "face",
 * "prossimo"); among equals the cue nearest the date wins. The window is the date's sentence,
 * at most 250 characters back and 120 on. No cue: undefined, and the caller falls back (see
 * `resolve.ts`).
 */
import type { Language } from '../model';

export type Tense = 'past' | 'future';

/** How far the window reaches, in characters, before and after the date (within its sentence). */
const BEFORE = 250;
const AFTER = 120;

interface CueSet {
  /** Alternation with four groups: strong future, strong past, weak future, weak past. */
  readonly re: RegExp;
}

const EN: CueSet = {
  re: new RegExp(
    [
      "\\b(will|won't|shall|going to|set to|due to|scheduled to|is to|are to)\\b|'ll\\b|\u2019ll\\b",
      "\\b(was|were|had|did|didn't|wasn't|weren't|ago|yesterday)\\b",
      '\\b(tomorrow|upcoming|ahead of|coming|next|faces?|hosts?|visits?|travels? to|hopes? to|plans? to|expects? to|aims? to|preview)\\b',
      '\\b(last|earlier|said|told|won|lost|drew|went|came|took|made|got|left|met|held|began|became|fell|rose|saw|gave|ran|sent|kept|brought|beat|[a-z]{2,}[^e\\W]ed)\\b',
    ].join('|'),
    'g',
  ),
};

const IT_LETTER = 'a-zàèéìíòóùú';
const IT: CueSet = {
  re: new RegExp(
    [
      `(?<![${IT_LETTER}])((?!per[òo](?![${IT_LETTER}]))[${IT_LETTER}]{2,}r(?:à|anno|ò))(?![${IT_LETTER}])`,
      `(?<![${IT_LETTER}])(ha|hanno|ho|abbiamo|aveva|avevano|era|erano|fu|furono|è stat[oaie]|sono stat[ie]|ieri)(?![${IT_LETTER}])`,
      `(?<![${IT_LETTER}])(domani|prossim[oaie]|in programma|affronta|ospita)(?![${IT_LETTER}])`,
      `(?<![${IT_LETTER}])(scors[oaie]|passat[oaie]|(?!(?:così|però|può|perciò|ciò|lunedì|martedì|mercoledì|giovedì|venerdì)(?![${IT_LETTER}]))[${IT_LETTER}]{2,}(?:ò|ì))(?![${IT_LETTER}])`,
    ].join('|'),
    'gi',
  ),
};

/** Sentence boundaries that stop the window. */
function isStop(c: number): boolean {
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x0a || c === 0x0d || c === 0x3b;
}

interface Cue {
  readonly at: number;
  readonly end: number;
  /** 0 strong future, 1 strong past, 2 weak future, 3 weak past. */
  readonly kind: number;
}

/**
 * Clause tenses over one text. Cue words are found by one left-to-right pass over the
 * windows, made lazily as they move forward, so a text dense with dates ("Sunday Sunday
 * Sunday…") costs one scan rather than a scan per date, and a sparse one only its windows.
 */
export class ClauseTenses {
  private readonly re: RegExp;
  private readonly cues: Cue[] = [];
  private head = 0;
  private scanned = 0;
  private done = false;
  private lastStart = 0;
  private backScan = 0;
  private stopBefore = -1;
  private nextStop = -1;

  constructor(
    private readonly text: string,
    private readonly lang: Language,
  ) {
    const shared = (lang === 'it' ? IT : EN).re;
    this.re = new RegExp(shared.source, shared.flags);
  }

  /**
   * The tense of the clause around `[start, end)`, or undefined when nothing tells. Looks at
   * most {@link BEFORE} characters back and {@link AFTER} on, within the sentence.
   */
  tense(start: number, end: number): Tense | undefined {
    const text = this.text;
    if (start < this.lastStart) return clauseTense(text, start, end, this.lang); // out of order: scan the window alone
    this.lastStart = start;
    // Sentence stops, found incrementally: the last one before `start`, the first from `end`.
    for (let i = this.backScan; i < start; i++) if (isStop(text.charCodeAt(i))) this.stopBefore = i;
    this.backScan = Math.max(this.backScan, start);
    const a = Math.max(this.stopBefore + 1, start - BEFORE, 0);
    if (this.nextStop < end) {
      let i = Math.max(end, this.nextStop + 1);
      while (i < text.length && !isStop(text.charCodeAt(i))) i++;
      this.nextStop = i;
    }
    const b = Math.min(this.nextStop, end + AFTER, text.length);
    this.scanTo(a, b);
    while (this.head < this.cues.length && this.cues[this.head]!.at < a) this.head++;
    if (this.head > 4096) {
      this.cues.splice(0, this.head);
      this.head = 0;
    }
    const best: (number | undefined)[] = [undefined, undefined, undefined, undefined];
    for (let i = this.head; i < this.cues.length; i++) {
      const cue = this.cues[i]!;
      if (cue.end > b) break;
      if (cue.at >= start && cue.at < end) continue; // inside the date itself
      note(best, cue.kind, cue.at < start ? start - cue.at : cue.at - end);
    }
    return decide(best);
  }

  /** Find the cues in `[a, b)`; text before `a` is never needed again (windows only move on). */
  private scanTo(a: number, b: number): void {
    const re = this.re;
    if (this.scanned < a) this.scanned = a;
    while (!this.done && this.scanned < b) {
      re.lastIndex = this.scanned;
      const m = re.exec(this.text);
      if (!m) {
        this.done = true;
        break;
      }
      const end = m.index + m[0].length;
      this.cues.push({ at: m.index, end, kind: kindOf(m) });
      this.scanned = Math.max(end, m.index + 1);
    }
  }
}

/** Group 1 (or the bare "'ll" alternative) strong future, 2 strong past, 3 weak future, 4 weak past. */
function kindOf(m: RegExpExecArray): number {
  return m[1] !== undefined ? 0 : m[2] !== undefined ? 1 : m[3] !== undefined ? 2 : m[4] !== undefined ? 3 : 0;
}

function note(best: (number | undefined)[], kind: number, distance: number): void {
  const prev = best[kind];
  if (prev === undefined || distance < prev) best[kind] = distance;
}

/** Strong cues first; within a strength the nearest cue wins. */
function decide(best: readonly (number | undefined)[]): Tense | undefined {
  return pick(best[0], best[1]) ?? pick(best[2], best[3]);
}

function pick(future: number | undefined, past: number | undefined): Tense | undefined {
  if (future === undefined) return past === undefined ? undefined : 'past';
  return past === undefined || future < past ? 'future' : 'past';
}

/**
 * The tense of the clause around `[start, end)` in `text`, scanning just its window; see
 * {@link ClauseTenses} for many dates in one text.
 */
export function clauseTense(text: string, start: number, end: number, lang: Language): Tense | undefined {
  let a = start;
  const aMin = Math.max(0, start - BEFORE);
  while (a > aMin && !isStop(text.charCodeAt(a - 1))) a--;
  let b = end;
  const bMax = Math.min(text.length, end + AFTER);
  while (b < bMax && !isStop(text.charCodeAt(b))) b++;
  const window = text.slice(a, b);
  const re = (lang === 'it' ? IT : EN).re;
  re.lastIndex = 0;
  const best: (number | undefined)[] = [undefined, undefined, undefined, undefined];
  const from = start - a;
  const to = end - a;
  for (let m = re.exec(window); m !== null; m = re.exec(window)) {
    if (m.index >= from && m.index < to) continue; // inside the date itself
    note(best, kindOf(m), m.index < from ? from - m.index : m.index - to);
  }
  return decide(best);
}
