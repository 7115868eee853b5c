/** `unattributed-quote`: a quotation whose speaker the article does not make clear. */
import type { Finding } from '../findings';
import type { Article } from '../model';
import { saidBySomeone } from '../quotes/saidBySomeone';
import type { Rule } from './rule';

/**
 * Quotes shorter than this many words are scare quotes or titles (una squadra “galattica”),
 * not statements that need a speaker.
 */
const MIN_WORDS = 5;

export const unattributedQuote: Rule = {
  id: 'unattributed-quote',
  defaultSeverity: 'information',
  description: 'A quotation with no identifiable speaker.',
  check(article: Article): Finding[] {
    const out: Finding[] = [];
    for (const q of article.quotes) {
      if (q.depth > 0 || q.speaker) continue;
      if (countWords(article.text, q.contentStart, q.contentEnd) < MIN_WORDS) continue;
      if (saidBySomeone(article.text, q, article.language)) continue;
      const message =
        article.language === 'it'
          ? 'Non è chiaro chi abbia pronunciato questa citazione: indica chi parla, per esempio «…», ha detto [nome].'
          : 'No speaker found for this quote: say who said it, for example “…”, said [name].';
      out.push({ start: q.start, end: q.end, rule: this.id, severity: this.defaultSeverity, message });
    }
    return out;
  },
};

function countWords(text: string, from: number, to: number): number {
  let words = 0;
  let inWord = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}
