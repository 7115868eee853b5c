/**
 * What the knowledge base or another article says, in words a journalist reads at a glance,
 * in the article's language: "The knowledge base says Casemiro made 331 appearances for Real
 * Madrid (2013–2022; source: …, 2024-04-19); the article says 300."
 */
import type { KbSource, KnowledgeBase } from '../kb';
import type { Claim, Language } from '../model';

/** Names of the entities a message mentions. */
export type NameOf = (id: string) => string;

/**
 * Entities' names from the knowledge base: the label for `lang` when it has one ("il Bayern
 * Monaco"), else the canonical name; an id it does not know stands for itself.
 */
export function namesFrom(kb: KnowledgeBase | undefined, lang?: Language): NameOf {
  return (id) => {
    const e = kb?.entity(id);
    return (lang && e?.label?.[lang]) || e?.name || id;
  };
}

/** Italian prepositions joined with a following article: "a" + "il Real Madrid" is "al Real Madrid". */
const JOINED: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  a: { il: 'al', lo: 'allo', la: 'alla', "l'": "all'", i: 'ai', gli: 'agli', le: 'alle' },
  di: { il: 'del', lo: 'dello', la: 'della', "l'": "dell'", i: 'dei', gli: 'degli', le: 'delle' },
};

/** `preposition` before an Italian name, joined with the name's article when it has one ("del Bayern Monaco", "di Carlo Ancelotti"). */
export function italianWith(preposition: 'a' | 'di', name: string): string {
  const m = /^(il|lo|la|i|gli|le)\s+|^(l['’])/u.exec(name);
  if (!m) return `${preposition} ${name}`;
  const article = m[1] ?? "l'";
  const joined = JOINED[preposition]![article]!;
  return joined.endsWith("'") ? `${joined}${name.slice(m[0].length)}` : `${joined} ${name.slice(m[0].length)}`;
}

/**
 * The claim as a clause with `value` in place of its own: "Casemiro made 331 appearances for
 * Real Madrid"; for a record, who holds it: "the record for most UEFA Champions League titles
 * as a coach is held by Carlo Ancelotti".
 */
export function statement(claim: Claim, subject: string, value: string, lang: Language, nameOf: NameOf): string {
  if (claim.property === 'record') return `${recordName(claim, lang, nameOf)} ${lang === 'it' ? 'appartiene a' : 'is held by'} ${value}`;
  // Italian writes a decimal with a comma: "7,1 anni".
  return `${subject} ${predicate(claim, lang === 'it' ? value.replace(/^(\d+)\.(\d+)$/, '$1,$2') : value, lang, nameOf)}`;
}

/** "the record for most UEFA Champions League titles as a coach", "il record di titoli di … da allenatore". */
export function recordName(claim: Claim, lang: Language, nameOf: NameOf): string {
  const q = claim.qualifiers;
  const competition = q.competition ? nameOf(q.competition) : '';
  if (lang === 'it') {
    const role = q.role === 'coach' ? ' da allenatore' : q.role === 'player' ? ' da giocatore' : '';
    return `il record di titoli${competition ? ` ${italianWith('di', competition)}` : ''}${role}`;
  }
  const role = q.role === 'coach' ? ' as a coach' : q.role === 'player' ? ' as a player' : '';
  return `the record for most${competition ? ` ${competition}` : ''} titles${role}`;
}

function predicate(claim: Claim, value: string, lang: Language, nameOf: NameOf): string {
  const q = claim.qualifiers;
  const team = q.team ? nameOf(q.team) : '';
  const competition = q.competition ? nameOf(q.competition) : '';
  if (lang === 'it') {
    switch (claim.property) {
      case 'appearances': return `ha ${value} presenze${team ? ` con ${team}` : ''}`;
      case 'goals': return `ha segnato ${value} gol${team ? ` con ${team}` : ''}`;
      case 'honours': return `ha vinto ${value} ${value === '1' ? 'volta' : 'volte'} ${competition}${team ? ` con ${team}` : ''}`;
      case 'tenure': return `è rimasto ${value} ${q.unit === 'seasons' ? 'stagioni' : 'anni'}${team ? ` ${italianWith('a', team)}` : ''}`;
      case 'contract-end': return `ha un contratto${team ? ` con ${team}` : ''} fino al ${value}`;
      case 'joined': return q.role && ROLE_IT[q.role] ? `è ${ROLE_IT[q.role]}${team ? ` ${italianWith('di', team)}` : ''} dal ${value}` : `è arrivato${team ? ` ${italianWith('a', team)}` : ''} nel ${value}`;
      case 'left': return `ha lasciato${team ? ` ${team}` : ''} nel ${value}`;
      default: return `${claim.property}: ${value}`;
    }
  }
  switch (claim.property) {
    case 'appearances': return `made ${value} appearances${team ? ` for ${team}` : ''}`;
    case 'goals': return `scored ${value} goals${team ? ` for ${team}` : ''}`;
    case 'honours': return `won ${competition} ${value === '1' ? 'once' : `${value} times`}${team ? ` with ${team}` : ''}`;
    case 'tenure': return `spent ${value} ${q.unit === 'seasons' ? 'seasons' : 'years'}${team ? ` at ${team}` : ''}`;
    case 'contract-end': return `has a contract${team ? ` with ${team}` : ''} until ${value}`;
    case 'joined': return q.role && ROLE_EN[q.role] ? `has been ${ROLE_EN[q.role]}${team ? ` of ${team}` : ''} since ${value}` : `joined${team ? ` ${team}` : ''} in ${value}`;
    case 'left': return `left${team ? ` ${team}` : ''} in ${value}`;
    default: return `${claim.property}: ${value}`;
  }
}

/** Roles a claim of a stay names ("has been president since 2009"). */
const ROLE_EN: Readonly<Record<string, string>> = { president: 'president', coach: 'coach' };
const ROLE_IT: Readonly<Record<string, string>> = { president: 'presidente', coach: 'allenatore' };

/** "Carlo Ancelotti has held the record for most … titles as a coach only since 2014-05-24". */
export function recordSince(claim: Claim, subject: string, since: string, lang: Language, nameOf: NameOf): string {
  const name = recordName(claim, lang, nameOf);
  return lang === 'it' ? `${subject} detiene ${name} solo dal ${since}` : `${subject} has held ${name} only since ${since}`;
}

/** "(2013–2022; source: Title, Publisher, 2024-04-19)". */
export function provenance(detail: string | undefined, source: KbSource | undefined, asOf: string | undefined, lang: Language): string {
  const parts: string[] = [];
  const period = detail && /\(([^)]*)\)$/.exec(detail)?.[1];
  if (period) parts.push(period);
  if (source) {
    const title = source.title.length > 60 ? `${source.title.slice(0, 59).trimEnd()}…` : source.title;
    const where = [title, source.publisher, source.date].filter(Boolean).join(', ');
    parts.push(`${lang === 'it' ? 'fonte' : 'source'}: ${where}`);
  }
  // The figure's own date, when the source's date does not already say it.
  if (asOf && asOf !== source?.date) parts.push(lang === 'it' ? `aggiornato al ${asOf}` : `as of ${asOf}`);
  return parts.length > 0 ? ` (${parts.join('; ')})` : '';
}

/** How the claim writes its value, for "the article says 300". */
export function writtenValue(claim: Claim, text: string, nameOf: NameOf): string {
  if (claim.property === 'record') return nameOf(claim.subjectId ?? claim.subjectKey);
  return text.slice(claim.valueSpan.start, claim.valueSpan.end);
}
