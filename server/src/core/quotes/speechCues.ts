/** Words that attribute speech, in English and Italian (lower-case). */
import type { Language } from '../model';

const EN = [
  'said', 'says', 'say', 'told', 'tells', 'added', 'adds', 'explained', 'explains', 'admitted', 'admits', 'insisted', 'insists',
  'revealed', 'reveals', 'stated', 'states', 'declared', 'claimed', 'claims', 'continued', 'commented', 'noted', 'wrote', 'writes',
  'tweeted', 'posted', 'replied', 'answered', 'asked', 'confirmed', 'joked', 'recalled', 'warned', 'argued', 'according to',
];
const IT = [
  'detto', 'dichiarato', 'spiegato', 'aggiunto', 'affermato', 'rivelato', 'raccontato', 'confessato', 'commentato',
  'sottolineato', 'scritto', 'confermato', 'ammesso', 'risposto', 'dichiarò', 'disse', 'dice', 'dichiara', 'spiega', 'aggiunge',
  'afferma', 'racconta', 'commenta', 'sottolinea', 'conferma', 'ammette', 'risponde', 'secondo', 'parole di',
];

const PATTERNS: Record<Language, RegExp> = {
  // Both languages' verbs are accepted in either: quotes are often translated.
  en: new RegExp(`(?:^|[^\\p{L}])(${[...EN, ...IT].map(escape).join('|')})(?=$|[^\\p{L}])`, 'iu'),
  it: new RegExp(`(?:^|[^\\p{L}])(${[...IT, ...EN].map(escape).join('|')})(?=$|[^\\p{L}])`, 'iu'),
};

/** The first speech cue in a short stretch of text, lower-cased, or undefined. */
export function speechCue(text: string, lang: Language): string | undefined {
  const m = PATTERNS[lang].exec(text);
  return m ? m[1]!.toLowerCase() : undefined;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
}
