/**
 * Language detection by function words: articles are long enough that counting a few
 * dozen very common words of each language is both fast and reliable, and a quote or a
 * paragraph in the other language does not tip the balance.
 */
import type { Language } from '../model';

const ENGLISH = new Set(
  'the of and to in is was for that with his he on as at by from it has have had but be are were this not who will their they been after which an or she her its than also into over'.split(' '),
);
const ITALIAN = new Set(
  'il lo la le gli di del della dello dei degli delle che è e per con non una un uno nel nella al alla ai sul sulla da dal dalla ha hanno sono come più anche ma si questo questa suo sua dopo quello essere stato'.split(' '),
);

/** How many characters are enough to decide; the head of a long article is representative. */
const SAMPLE = 20_000;

/**
 * A lead this large in function words settles it: a few hundred words of prose in one
 * language give it, and counting on through the rest of the sample cannot change the answer
 * for anything but a text that switches language after that point.
 */
const DECISIVE_LEAD = 40;

/**
 * Detect whether a text is English or Italian. Returns `fallback` when neither language
 * has any function word (an empty or non-prose text).
 */
export function detectLanguage(text: string, fallback: Language = 'en'): Language {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  let en = 0;
  let it = 0;
  const word = /[A-Za-zÀ-ÖØ-öø-ÿ]+/g;
  for (let m = word.exec(sample); m; m = word.exec(sample)) {
    const w = m[0].toLowerCase();
    if (ENGLISH.has(w)) en++;
    if (ITALIAN.has(w)) it++;
    if (Math.abs(en - it) >= DECISIVE_LEAD) break;
  }
  if (en === 0 && it === 0) return fallback;
  return it > en ? 'it' : 'en';
}
