/** `kb-mismatch`: a claim that disagrees with the knowledge base as of the article's date. */
import type { Finding } from '../findings';
import type { Article, Claim } from '../model';
import { numberWord } from '../numbers/numberWords';
import { compareWithKb } from './compareWithKb';
import { casedLike, countWithNoun } from './countedNoun';
import { namesFrom, provenance, recordSince, statement, writtenValue } from './messages';
import type { Rule } from './rule';

/** The payload of a `kb-mismatch` diagnostic: enough to build the correction. */
export interface KbMismatchData {
  readonly claimId: string;
  readonly property: Claim['property'];
  /** The replacement for the value span, written in the article's style; absent when no simple fix exists. */
  readonly replacement?: string;
  /**
   * How many UTF-16 units from the diagnostic's start the replacement covers, when that is
   * more than the value: the noun too, when the count changes between one and many.
   */
  readonly replaces?: number;
  readonly expected?: number | string;
  readonly claimed: Claim['value'];
}

export const kbMismatch: Rule = {
  id: 'kb-mismatch',
  defaultSeverity: 'warning',
  description: 'A claim disagrees with the knowledge base as of the article\'s date.',
  check(article, env): Finding[] {
    const kb = env.kb;
    if (!kb) return [];
    const nameOf = namesFrom(kb, article.language);
    const out: Finding[] = [];
    for (const claim of article.claims) {
      const c = compareWithKb(claim, article, kb);
      if (c.verdict !== 'disagrees' || c.expected === undefined) continue;
      const lang = article.language;
      const subject = claim.subjectId ? nameOf(claim.subjectId) : claim.subjectName;
      const said = writtenValue(claim, article.text, nameOf);
      const kbClause = c.recordSince ? recordSince(claim, subject, c.recordSince, lang, nameOf) : statement(claim, subject, String(c.expected), lang, nameOf);
      const kbSide = `${kbClause}${provenance(c.detail, c.source, c.asOf, lang)}`;
      // A record claimed before it began: what the article says is its date.
      const articleSide = c.recordSince && article.date
        ? (lang === 'it' ? `l'articolo è del ${article.date.value}` : `the article is dated ${article.date.value}`)
        : (lang === 'it' ? `l'articolo dice ${said}` : `the article says ${said}`);
      const message = lang === 'it' ? `Secondo la base di conoscenza ${kbSide}; ${articleSide}.` : `The knowledge base says ${kbSide}; ${articleSide}.`;
      const fix = correction(c.expected, claim, article);
      const data: KbMismatchData = { claimId: claim.id, property: claim.property, claimed: claim.value, expected: c.expected, ...fix };
      out.push({ start: claim.valueSpan.start, end: claim.valueSpan.end, rule: this.id, severity: this.defaultSeverity, message, data });
    }
    return out;
  },
};

/**
 * The fix: the expected value in the article's style; when the count changes between one
 * and many, with its noun in the matching number, or no fix when that noun cannot be
 * inflected ("due Mondiali per club" does not become "uno Mondiali per club").
 */
function correction(expected: number | string, claim: Claim, article: Article): { replacement?: string; replaces?: number } {
  const written = styled(expected, claim, article);
  if (written === undefined) return {};
  if (typeof expected !== 'number' || typeof claim.value !== 'number' || (expected === 1) === (claim.value === 1)) return { replacement: written };
  const { start, end } = claim.valueSpan;
  const fix = countWithNoun(article.text, start, end, expected, written, article.language);
  return fix ? { replacement: fix.text, replaces: fix.length } : {};
}

/** The expected value written as the article writes the claimed one: digits stay digits, words stay words. */
function styled(expected: number | string, claim: Claim, article: Article): string | undefined {
  if (claim.property === 'record') return undefined;
  // Years are compared loosely ("7,1 anni"): only a count of seasons is a value to write.
  if (claim.property === 'tenure' && (claim.qualifiers.unit !== 'seasons' || typeof expected !== 'number')) return undefined;
  if (typeof expected === 'number' && (claim.form === 'words' || claim.form === 'anaphor')) {
    const original = article.text.slice(claim.valueSpan.start, claim.valueSpan.end);
    const word = numberWord(expected, article.language);
    if (!word) return String(expected);
    return casedLike(original, word);
  }
  return String(expected);
}
