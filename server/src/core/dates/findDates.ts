/**
 * Date expressions in an article, with normalised values: a linear scan. One regular
 * expression finds the words a date can hang on (digits, month and weekday names, "yesterday",
 * unit nouns such as "season" or "settimana"); around each, a few tokens are read forwards and
 * backwards to build the whole expression ("the 2021-22 season", "la settimana scorsa",
 * "earlier this year"). Every read is bounded, so the scan is linear in the text.
 */
import type { DateMention, DateValue, Language, Span } from '../model';
import { lexicon } from './lexicon';
import { atNumber } from './numbers';
import { referenceOf } from './resolve';
import { fold, isCombining, isDigit, isLetter, type Found, type Scan } from './scan';
import { atWord } from './words';

const TRIGGERS = new Map<Language, RegExp>();

function triggerRegExp(lang: Language): RegExp {
  let re = TRIGGERS.get(lang);
  if (!re) {
    re = new RegExp(`\\d+|\\b(?:${lexicon(lang).triggerSource})`, 'gi');
    TRIGGERS.set(lang, re);
  }
  return re;
}

/**
 * Find the date expressions of `text` (or of `range` within it): absolute dates (ISO,
 * "21 aprile 2024", "April 21, 2024", "gennaio 2025", "in 2022", "nel 2025", seasons
 * "2021-22", "stagione 2021/22") and relative ones resolved against `articleDate`
 * ("on Sunday", "domenica", "last week", "ieri", "next season", "l'anno scorso"; see
 * `resolve.ts` for the rule). Relative dates that the article's date cannot resolve get the
 * `UNRESOLVED` placeholder of their precision. Mentions are sorted and never overlap; offsets
 * are UTF-16. A bare number is a year only after a year word ("in", "nel", "dal … al") or
 * standing alone as 19xx/20xx before punctuation; "331 games" and scores are never dates.
 */
export function findDates(text: string, lang: Language, articleDate?: DateValue, range?: Span): DateMention[] {
  const lo = Math.max(0, Math.min(range?.start ?? 0, text.length));
  const hi = Math.max(lo, Math.min(range?.end ?? text.length, text.length));
  const s: Scan = { text, lang, lex: lexicon(lang), ref: referenceOf(articleDate), lo, hi, floor: lo, out: [] };
  const re = triggerRegExp(lang);
  re.lastIndex = lo;
  for (let m = re.exec(text); m !== null && m.index < hi; m = re.exec(text)) {
    const at = m.index;
    let end = at + m[0].length;
    if (end > hi) break;
    let found: Found | undefined;
    if (isDigit(text.charCodeAt(at))) {
      found = atNumber(s, at, end);
    } else {
      while (end < hi && isCombining(text.charCodeAt(end))) end++;
      if (isLetter(text.charCodeAt(at - 1)) || (end < hi && isLetter(text.charCodeAt(end)))) continue;
      found = atWord(s, at, end, fold(text.slice(at, end)));
    }
    if (!found) continue;
    if (found.kind === 'date' && found.start >= s.floor && found.end <= hi) {
      s.out.push({
        start: found.start,
        end: found.end,
        text: text.slice(found.start, found.end),
        value: found.date.value,
        precision: found.date.precision,
        relative: found.relative,
      });
      s.floor = found.end;
    }
    if (found.end > re.lastIndex) re.lastIndex = Math.min(found.end, hi);
  }
  return s.out;
}
