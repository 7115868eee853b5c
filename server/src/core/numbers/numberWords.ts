/** Cardinal number words in English and Italian, and words that stand for a number. */
import type { Language } from '../model';

const EN_UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const IT_UNITS = ['zero', 'uno', 'due', 'tre', 'quattro', 'cinque', 'sei', 'sette', 'otto', 'nove', 'dieci', 'undici', 'dodici', 'tredici', 'quattordici', 'quindici', 'sedici', 'diciassette', 'diciotto', 'diciannove'];
const IT_TENS = ['', '', 'venti', 'trenta', 'quaranta', 'cinquanta', 'sessanta', 'settanta', 'ottanta', 'novanta'];

function build(lang: Language): Map<string, number> {
  const m = new Map<string, number>();
  const units = lang === 'en' ? EN_UNITS : IT_UNITS;
  const tens = lang === 'en' ? EN_TENS : IT_TENS;
  units.forEach((w, i) => m.set(w, i));
  for (let t = 2; t < 10; t++) {
    const ten = tens[t]!;
    m.set(ten, t * 10);
    for (let u = 1; u < 10; u++) {
      if (lang === 'en') {
        m.set(`${ten}-${units[u]}`, t * 10 + u);
      } else {
        // Italian drops the tens' final vowel before "uno" and "otto": ventuno, ventotto.
        const stem = u === 1 || u === 8 ? ten.slice(0, -1) : ten;
        m.set(stem + (u === 3 ? 'tré' : units[u]), t * 10 + u);
        if (u === 3) m.set(stem + 'tre', t * 10 + u);
      }
    }
  }
  if (lang === 'en') {
    m.set('a dozen', 12).set('a decade', 10).set('a hundred', 100).set('one hundred', 100).set('a thousand', 1000);
  } else {
    m.set('una', 1).set('un', 1).set('cento', 100).set('mille', 1000).set('una dozzina', 12).set('un decennio', 10);
  }
  return m;
}

const TABLES: Record<Language, Map<string, number>> = { en: build('en'), it: build('it') };

/**
 * Every number word and phrase of `lang` that counts something on its own: bare "un"/"una"
 * (articles far more often than counts) are left out.
 */
export function numberWords(lang: Language): string[] {
  return [...TABLES[lang].keys()].filter((w) => w !== 'un' && w !== 'una');
}

/**
 * The value of a number word or phrase in `lang` ("five", "ventuno", "a decade"), or
 * undefined. `word` must be lower-cased.
 */
export function numberWordValue(word: string, lang: Language): number | undefined {
  return TABLES[lang].get(word);
}

/** Words meaning "as many as the count just given" (Italian "altrettante supercoppe"). */
export const ANAPHORIC_COUNTS: ReadonlySet<string> = new Set(['altrettanti', 'altrettante', 'altrettanto', 'altrettanta', 'as many']);

/**
 * The number word for `value` in `lang` (0–99), or undefined: used to write a correction in
 * the article's own style ("sei" becomes "cinque").
 */
export function numberWord(value: number, lang: Language): string | undefined {
  if (!Number.isInteger(value) || value < 0 || value > 99) return undefined;
  const units = lang === 'en' ? EN_UNITS : IT_UNITS;
  const tens = lang === 'en' ? EN_TENS : IT_TENS;
  if (value < 20) return units[value];
  const t = Math.floor(value / 10);
  const u = value % 10;
  if (u === 0) return tens[t];
  if (lang === 'en') return `${tens[t]}-${units[u]}`;
  const stem = u === 1 || u === 8 ? tens[t]!.slice(0, -1) : tens[t]!;
  return stem + (u === 3 ? 'tré' : units[u]);
}
