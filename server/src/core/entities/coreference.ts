/**
 * Mentions that refer back to an entity named earlier: pronouns (he, his, lui, suo) to the
 * last person, "the club" / "il club" to the last team. Both look back a few sentences
 * only, and pronouns inside quotes are left alone (there "he" is someone the speaker means).
 */
import type { EntityMention, Language, Span } from '../model';
import { PERSON_PRONOUNS, TEAM_ANAPHORS } from './cues';

/** How many sentences back a referent may be named. */
const SENTENCES_BACK = 2;

const WORD = /[\p{L}\p{M}]+(?:\s+[\p{L}\p{M}]+)?/gu;

/**
 * Find pronouns and team anaphors in `[from, to)` and resolve them against `named` (the
 * article's name mentions, sorted by start). Returns the new mentions, sorted.
 */
export function resolveReferences(
  text: string,
  lang: Language,
  named: readonly EntityMention[],
  sentences: readonly Span[],
  quotes: readonly Span[],
  from: number,
  to: number,
): EntityMention[] {
  const out: EntityMention[] = [];
  const persons = named.filter((m) => m.type === 'person');
  const teams = named.filter((m) => m.type === 'team');
  const pronouns = PERSON_PRONOUNS[lang];
  const anaphors = new Set(TEAM_ANAPHORS[lang]);
  let q = 0;
  let s = 0;
  WORD.lastIndex = from;
  for (let m = WORD.exec(text); m && m.index < to; m = WORD.exec(text)) {
    const pair = m[0].toLowerCase().replace(/\s+/g, ' ');
    const first = pair.split(' ', 1)[0]!;
    // Two-word matches advance one word at a time so every word is looked at.
    const firstEnd = m.index + first.length;
    WORD.lastIndex = firstEnd;
    const isAnaphor = anaphors.has(pair);
    if (!isAnaphor && !pronouns.has(first)) continue;
    const start = m.index;
    const end = isAnaphor ? m.index + m[0].length : firstEnd;
    while (q < quotes.length && quotes[q]!.end <= start) q++;
    if (q < quotes.length && quotes[q]!.start <= start) continue;
    while (s < sentences.length && sentences[s]!.end <= start) s++;
    const horizon = sentences[Math.max(0, s - SENTENCES_BACK)]?.start ?? 0;
    const referent = lastBefore(isAnaphor ? teams : persons, start, horizon);
    if (!referent) continue;
    out.push({
      start,
      end,
      text: text.slice(start, end),
      type: referent.type,
      key: referent.key,
      kind: isAnaphor ? 'anaphor' : 'pronoun',
      ...(referent.entityId ? { entityId: referent.entityId } : {}),
    });
    if (isAnaphor) WORD.lastIndex = end;
  }
  return out;
}

/** The last mention ending before `offset` and starting at or after `horizon`. */
function lastBefore(mentions: readonly EntityMention[], offset: number, horizon: number): EntityMention | undefined {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  const m = mentions[lo - 1];
  return m && m.start >= horizon ? m : undefined;
}
