/**
 * Whether the words around a quote give it to someone, even someone the article does not name
 * ("one former team-mate said", "ha detto il tecnico", "he said" with no antecedent, "called
 * him “…”"): such a quote is attributed, though there is no speaker to show.
 */
import type { Language, Span } from '../model';
import { speechCue } from './speechCues';

/** How far after a quote the attribution may run, in characters. */
const AFTER = 80;

/** Words that make "it was said" or "si dice" impersonal: nobody is said to speak. */
const IMPERSONAL = new Set(['it', 'was', 'were', 'is', 'been', 'si', 'sarebbe', 'stato', 'stata', 'è']);

/** A verb that hands the quote to its subject, right before it: "called him “…”", "lo ha definito «…»". */
const NAMING_BEFORE = /(?:^|[^\p{L}])(?:called|described|dubbed|labelled|labeled|branded|definito|definita|definiti|chiamato|descritto|soprannominato)(?:\s+(?:him|her|them|it|più\s+volte|as|come))*\s*$/iu;

/** Whether `quote` is given to someone by the words after it ("”, one team-mate said") or a naming verb before it. */
export function saidBySomeone(text: string, quote: Span, language: Language): boolean {
  const tail = text.slice(quote.end, Math.min(text.length, quote.end + AFTER));
  // The attribution ends with its sentence or line.
  const sentence = /^[^.!?\n\r“”"«»]*/u.exec(tail.replace(/^[\s,.;:!?—–-]+/u, ''))![0];
  const cue = speechCue(sentence, language);
  if (cue) {
    const lead = sentence.slice(0, sentence.toLowerCase().indexOf(cue)).toLowerCase().split(/[^\p{L}'’-]+/u).filter(Boolean);
    if (lead.length <= 4 && !lead.some((w) => IMPERSONAL.has(w))) return true;
  }
  const head = text.slice(Math.max(0, quote.start - 40), quote.start);
  return NAMING_BEFORE.test(head);
}
