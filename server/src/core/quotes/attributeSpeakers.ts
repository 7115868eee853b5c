/**
 * Who said each quote. Looks, in order, for: a cue after the quote ("”, said Casemiro",
 * "”, Casemiro said", "ha dichiarato il tecnico di Reggiolo"), a credit line after it on
 * the same line ("— Fabrizio Romano"), a speaker before it in the same sentence ("Ancelotti
 * said, “…”", "Casemiro: “…”", "secondo X"), and finally a quote-only paragraph that
 * continues the previous attributed quote. Pronouns and epithets count when coreference
 * has resolved them. Only outermost quotes are attributed.
 */
import { firstStartingAt } from '../text/spans';
import type { EntityMention, Language, Quote, Speaker, Span } from '../model';
import type { QuoteSpan } from './findQuotes';
import { speechCue } from './speechCues';

/** How far from a quote a speaker may be named, in characters. */
const AFTER_WINDOW = 80;
const BEFORE_WINDOW = 120;

/**
 * Attribute speakers. `entities` must be sorted by start; `nameOf` gives the display name
 * of an entity key (canonical when linked).
 */
export function attributeSpeakers(
  text: string,
  quotes: readonly QuoteSpan[],
  entities: readonly EntityMention[],
  language: Language,
  nameOf: (mention: EntityMention) => string,
): Quote[] {
  const speakers = entities.filter((e) => e.type === 'person' || e.type === 'organization');
  const out: Quote[] = [];
  let previous: Quote | undefined;
  for (const q of quotes) {
    if (q.depth > 0) {
      out.push(q);
      continue;
    }
    const found = after(text, q, speakers, language, nameOf) ?? before(text, q, speakers, language, nameOf) ?? continuation(text, q, previous, speakers);
    const quote: Quote = found ? { ...q, speaker: found } : q;
    out.push(quote);
    previous = quote;
  }
  return out;
}

function speakerOf(m: EntityMention, cue: string, nameOf: (mention: EntityMention) => string): Speaker {
  const span: Span = { start: m.start, end: m.end };
  return { name: nameOf(m), key: m.key, ...(m.entityId ? { entityId: m.entityId } : {}), span, cue };
}

function after(text: string, q: QuoteSpan, speakers: readonly EntityMention[], lang: Language, nameOf: (m: EntityMention) => string): Speaker | undefined {
  const lineEnd = endOfLine(text, q.end, AFTER_WINDOW + 40);
  const limit = Math.min(lineEnd, q.end + AFTER_WINDOW);
  for (let i = firstStartingAt(speakers, q.end); i < speakers.length && speakers[i]!.start < limit; i++) {
    const m = speakers[i]!;
    const between = text.slice(q.end, m.start);
    // "”, said Casemiro" / "”, ha dichiarato il tecnico di Reggiolo"
    const cue = speechCue(between, lang);
    // "”, the defender told The Guardian": who is told is not who speaks.
    if (cue && isCueGap(between) && !/[.!?]\s/.test(between) && !LISTENER_CUES.has(cue)) return speakerOf(m, cue, nameOf);
    // "”, Casemiro said"
    if (/^[\s,;:—–-]*$/.test(between)) {
      const verb = speechCue(text.slice(m.end, Math.min(m.end + 40, lineEnd)), lang);
      if (verb && new RegExp(`^\\s+(?:\\p{L}+\\s+)?${verb.replace(/\s+/g, '\\s+')}`, 'iu').test(text.slice(m.end, m.end + 40))) {
        return speakerOf(m, verb, nameOf);
      }
    }
    // "… pic.twitter.com/x — Fabrizio Romano": a credit line names the source.
    if (/[—–]\s*$/.test(between) && !/[“”"«»]/.test(between)) return speakerOf(m, 'credit', nameOf);
  }
  return undefined;
}

/** Cues whose object is the listener ("told The Guardian"), so a name after them is not the speaker. */
const LISTENER_CUES: ReadonlySet<string> = new Set(['told', 'tells']);

function before(text: string, q: QuoteSpan, speakers: readonly EntityMention[], lang: Language, nameOf: (m: EntityMention) => string): Speaker | undefined {
  const from = startOfLine(text, q.start, BEFORE_WINDOW);
  let best: EntityMention | undefined;
  for (let i = firstStartingAt(speakers, from); i < speakers.length && speakers[i]!.end <= q.start; i++) best = speakers[i];
  if (!best) return undefined;
  const between = text.slice(best.end, q.start);
  // A sentence boundary between the name and the quote breaks the link.
  if (/[.!?…]\s/.test(between) || /[“”"«»]/.test(between)) return undefined;
  if (/^[\s\p{So}\p{Sk}|]*:\s*$/u.test(between)) return speakerOf(best, 'colon', nameOf);
  const cue = speechCue(between, lang);
  if (cue) return speakerOf(best, cue, nameOf);
  // "secondo Tuttosport, «…»": the cue stands before the name.
  const lead = text.slice(Math.max(from, best.start - 20), best.start);
  const leadCue = speechCue(lead, lang);
  if ((leadCue === 'secondo' || leadCue === 'according to') && /^[\s,:]*$/.test(between)) return speakerOf(best, leadCue, nameOf);
  return undefined;
}

/**
 * A quote continues the attributed quote before it when nothing but links separates them (a
 * paragraph holding only the quote), or when, in the same paragraph, only the sentence that
 * attributes the first comes between: “…,” Ancelotti said. “…”.
 */
function continuation(text: string, q: QuoteSpan, previous: Quote | undefined, speakers: readonly EntityMention[]): Speaker | undefined {
  const speaker = previous?.speaker;
  if (!speaker || q.start - previous.end > 400) return undefined;
  const gap = text.slice(previous.end, q.start);
  if (!/\p{L}{3,}/u.test(gap.replace(/pic\.twitter\.com\/\S+|https?:\/\/\S+|@\w+/g, ''))) return { ...speaker, cue: 'continuation' };
  const span = speaker.span;
  if (!span || span.start < previous.end || span.end > q.start || /[\n\r]/.test(gap) || !/[.!?]\s*$/.test(gap)) return undefined;
  // Someone else named in between could be the one speaking now.
  for (let i = firstStartingAt(speakers, previous.end); i < speakers.length && speakers[i]!.start < q.start; i++) {
    if (speakers[i]!.key !== speaker.key) return undefined;
  }
  return { ...speaker, cue: 'continuation' };
}

/**
 * Whether `between` is punctuation and white space followed only by words ("”, said ",
 * "», ha dichiarato il "): what may stand between a quote and a speaker named after a cue.
 * The same test as `/^[\s,.;:!?—–-]*[\p{L}\s’']*$/u` in one pass; that regex backtracks
 * quadratically on a long run of white space followed by anything else.
 */
export function isCueGap(between: string): boolean {
  let i = 0;
  while (i < between.length && (GAP_PUNCTUATION.has(between[i]!) || WHITE.test(between[i]!))) i++;
  for (const ch of between.slice(i)) if (ch !== '’' && ch !== "'" && !WHITE.test(ch) && !LETTER.test(ch)) return false;
  return true;
}

const GAP_PUNCTUATION = new Set([',', '.', ';', ':', '!', '?', '—', '–', '-']);
const WHITE = /^\s$/u;
const LETTER = /^\p{L}$/u;

/** End of the line containing `from`, looking at most `max` characters ahead (keeps many quotes linear). */
function endOfLine(text: string, from: number, max: number): number {
  const limit = Math.min(text.length, from + max);
  for (let i = from; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return limit;
}

/** Start of the line containing `from`, looking at most `max` characters back. */
function startOfLine(text: string, from: number, max: number): number {
  const limit = Math.max(0, from - max);
  for (let i = from - 1; i >= limit; i--) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i + 1;
  }
  return limit;
}
