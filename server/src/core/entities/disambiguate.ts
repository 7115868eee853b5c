/**
 * Choosing among the entities a name may refer to: Milan the team or the city, Roma the
 * team or the city, Madrid the city or Real Madrid. Evidence, strongest first: the type the
 * recogniser gave the span, the word before it ("in Milan", "al Milan", "leaving Madrid"),
 * an entity already named in the article, and a canonical-name match.
 */
import type { NameCandidate, NameMatch } from '../kb';
import type { EntityType, Language } from '../model';
import { PLACE_CUES, TEAM_CUES } from './cues';

/** What the recogniser said about the span, when it found one there. */
export type NerHint = EntityType | undefined;

/** Pick the candidate of `match` that fits its context best. */
export function chooseCandidate(
  text: string,
  match: NameMatch,
  lang: Language,
  ner: NerHint,
  mentioned: ReadonlySet<string>,
  listNeighbour: EntityType | undefined,
): NameCandidate {
  const candidates = match.candidates;
  if (candidates.length === 1) return candidates[0]!;
  const before = previousWord(text, match.start);
  let best = candidates[0]!;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const c of candidates) {
    let score = 0;
    // The recogniser says LOC for "Madrid" whether the city or the club is meant: weaker than a cue.
    if (ner !== undefined && (ner === c.type || (ner === 'organization' && c.type === 'team') || (ner === 'team' && c.type === 'organization'))) score += 1.5;
    if (before !== undefined) {
      if (TEAM_CUES[lang].has(before) && c.type === 'team') score += 2;
      if (PLACE_CUES[lang].has(before) && c.type === 'place') score += 2;
    }
    // "Reggiana, Parma, Juventus, Milan e Napoli": items of a list share a type.
    if (listNeighbour === c.type) score += 2;
    if (mentioned.has(c.id)) score += 1.5;
    if (c.canonical) score += 1;
    if (c.kind === 'name') score += 0.5;
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

/** Whether only a list separator (", ", " and ", " e ", " o ") stands between two offsets. */
export function isListSeparator(text: string, from: number, to: number): boolean {
  return to - from <= 6 && /^(?:\s*,\s*|\s+(?:and|or|e|o|ed)\s+)$/u.test(text.slice(from, to));
}

/** The lower-cased word before `offset` on the same line, if any (at most 30 characters back). */
export function previousWord(text: string, offset: number): string | undefined {
  let end = offset;
  while (end > 0 && offset - end < 30 && (text[end - 1] === ' ' || text[end - 1] === '\u00a0')) end--;
  let start = end;
  while (start > 0 && end - start < 30 && /[\p{L}\p{M}]/u.test(text[start - 1]!)) start--;
  return start < end ? text.slice(start, end).toLowerCase() : undefined;
}
