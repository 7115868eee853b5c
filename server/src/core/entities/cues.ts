/** Context words that tell a team from a place, and words that refer back to a person or team. */
import type { Language } from '../model';

/** Words right before a name that point to a team ("for Milan", "al Milan", "alla Roma"). */
export const TEAM_CUES: Record<Language, ReadonlySet<string>> = {
  en: new Set(['for', 'against', 'joined', 'join', 'joining', 'coached', 'coach', 'coaching', 'manage', 'managed', 'beat', 'beating', 'left', 'leave', 'leaving', 'signed', 'sign', 'with', 'v', 'vs', 'versus', 'ac', 'fc', 'as', 'ss']),
  it: new Set(['al', 'alla', 'il', 'la', 'del', 'della', 'dal', 'dalla', 'col', 'con', 'contro', 'allenare', 'allenato', 'lasciare', 'lasciato', 'lascia', 'lasciò', 'sul', 'sulla', 'nel', 'nella', 'ac', 'fc', 'as', 'ss']),
};

/** Words right before a name that point to a place ("in Milan", "a Roma", "da Madrid"). */
export const PLACE_CUES: Record<Language, ReadonlySet<string>> = {
  en: new Set(['in', 'from', 'near', 'to', 'city', 'of']),
  it: new Set(['a', 'in', 'da', 'di', 'città', 'verso']),
};

/** Third-person pronouns that refer to a person, lower-cased. */
export const PERSON_PRONOUNS: Record<Language, ReadonlySet<string>> = {
  en: new Set(['he', 'him', 'his', 'himself', 'she', 'her', 'hers', 'herself']),
  it: new Set(['lui', 'egli', 'lei', 'suo', 'sua', 'suoi', 'sue']),
};

/** Phrases that refer back to the last team named ("the club", "il club"), folded. */
export const TEAM_ANAPHORS: Record<Language, readonly string[]> = {
  en: ['the club', 'the team', 'the side'],
  it: ['il club', 'la squadra', 'la società'],
};
