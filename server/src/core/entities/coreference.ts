/**
 * Mentions that refer back to an entity named earlier: pronouns (he, his, lui, suo) to the
 * last person, "the club" / "il club" to the last team. Both look back a few sentences
 * only, and pronouns inside quotes are left alone (there "he" is someone the speaker means).
 */
import type { EntityMention, Language, Span } from '../model';
import { PERSON_PRONOUNS, TEAM_ANAPHORS } from './cues';
import { firstEndingAfter } from '../text/spans';

/** How many sentences back a referent may be named. */
const SENTENCES_BACK = 2;

/** One pattern per language finding just the referring words, so the scan skips everything else quickly. */
const PATTERNS: Record<Language, RegExp> = {
  en: pattern(PERSON_PRONOUNS.en, TEAM_ANAPHORS.en),
  it: pattern(PERSON_PRONOUNS.it, TEAM_ANAPHORS.it),
};

function pattern(pronouns: ReadonlySet<string>, anaphors: readonly string[]): RegExp {
  const words = [...anaphors.map((a) => a.replace(/ /g, '\\s+')), ...pronouns];
  // Latin letters only around the words, and no `u` flag: Unicode case folding made this scan
  // many times slower, and every word here is Latin.
  return new RegExp(`(?<![A-Za-z\\u00C0-\\u024F])(?:${words.join('|')})(?![A-Za-z\\u00C0-\\u024F])`, 'gi');
}

/** Where the referring words (pronouns, "the club") of `text` are, in order. */
export function findReferringWords(text: string, lang: Language): Span[] {
  const re = PATTERNS[lang];
  const out: Span[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

/**
 * Resolve the referring words at `words` (see {@link findReferringWords}) against `named`
 * (the article's name mentions, sorted by start). Returns the new mentions, sorted.
 */
export function resolveReferences(
  text: string,
  named: readonly EntityMention[],
  sentences: readonly Span[],
  quotes: readonly Span[],
  words: readonly Span[],
): EntityMention[] {
  const out: EntityMention[] = [];
  const persons = named.filter((m) => m.type === 'person');
  const teams = named.filter((m) => m.type === 'team');
  let q = 0;
  let s = 0;
  for (const { start, end } of words) {
    while (q < quotes.length && quotes[q]!.end <= start) q++;
    if (q < quotes.length && quotes[q]!.start <= start) continue;
    const said = text.slice(start, end);
    const isAnaphor = /\s/.test(said);
    while (s < sentences.length && sentences[s]!.end <= start) s++;
    const horizon = sentences[Math.max(0, s - SENTENCES_BACK)]?.start ?? 0;
    const referent = lastBefore(isAnaphor ? teams : persons, start, horizon);
    if (!referent) continue;
    out.push({
      start,
      end,
      text: said,
      type: referent.type,
      key: referent.key,
      kind: isAnaphor ? 'anaphor' : 'pronoun',
      ...(referent.entityId ? { entityId: referent.entityId } : {}),
    });
  }
  return out;
}

/** The last mention ending before `offset` and starting at or after `horizon`. */
function lastBefore(mentions: readonly EntityMention[], offset: number, horizon: number): EntityMention | undefined {
  const m = mentions[firstEndingAfter(mentions, offset) - 1];
  return m && m.start >= horizon ? m : undefined;
}
