/**
 * Entity mentions of an article: knowledge-base names (linked), names the recogniser finds
 * that the knowledge base lacks (unknown, typed), surnames of people named in full earlier
 * (here or elsewhere in the workspace), epithets of entities already named, and pronouns and
 * "the club" resolved to the last person or team.
 */
import { fold, type NameMatch } from '../kb';
import type { AnalysisContext } from '../context';
import type { EntityMention, EntityType, Language, Span } from '../model';
import type { RecognizedEntity } from '../ner/recognize';
import { chooseCandidate, isListSeparator } from './disambiguate';
import { resolveReferences } from './coreference';

/** What the entity stage needs from earlier stages. */
export interface EntityInputs {
  readonly text: string;
  readonly language: Language;
  readonly sentences: readonly Span[];
  /** Outermost quotes: pronouns inside them are not resolved. */
  readonly quotes: readonly Span[];
  /** Date expressions: names are not looked for inside them. */
  readonly dates: readonly Span[];
  /** What the recogniser found. */
  readonly recognized: readonly RecognizedEntity[];
  /** Knowledge-base names matched (see `matchNames`). */
  readonly matches: readonly NameMatch[];
  /** Pronouns and "the club" (see `findReferringWords`). */
  readonly referring: readonly Span[];
}

/** Key of an entity the knowledge base does not know: its folded full name. */
export function unknownKey(name: string): string {
  return `unknown:${fold(name)}`;
}

/** Find, link and resolve the entity mentions of an article, sorted by start. */
export function findEntities(input: EntityInputs, context: AnalysisContext | undefined): EntityMention[] {
  const { text, language, recognized, matches } = input;

  const named: EntityMention[] = [];
  const mentioned = new Set<string>();
  const epithets: NameMatch[] = [];
  let r = 0;
  let d = 0;
  const accepted: Span[] = [];
  /** For each linked mention: its match and whether the recogniser called it an organization. */
  const evidence: { match: NameMatch; nerSaysTeam: boolean }[] = [];
  let listType: EntityType | undefined;
  for (let mi = 0; mi < matches.length; mi++) {
    const match = matches[mi]!;
    if (match.epithet) {
      epithets.push(match);
      continue;
    }
    while (r < recognized.length && recognized[r]!.end <= match.start) r++;
    const ner = r < recognized.length && recognized[r]!.start < match.end ? recognized[r] : undefined;
    while (d < input.dates.length && input.dates[d]!.end <= match.start) d++;
    if (d < input.dates.length && input.dates[d]!.start < match.end) continue;
    if (!plausibleName(text, match, ner)) continue;
    // A person's longer name wins over a club or place inside it: "Vinícius Júnior" is a
    // person though "Júnior" alone is a club. (Not the reverse: "CDM Casemiro" is Casemiro.)
    // Unless the rest of the span is a known person: "Blancos Ancelotti" is two names.
    if (ner?.type === 'person' && ner.start <= match.start && ner.end >= match.end && ner.end - ner.start > match.end - match.start && match.candidates.every((c) => c.type !== 'person') && !personNext(matches[mi + 1], ner)) continue;
    // A list ("Reggiana, Parma, Juventus, Milan e Napoli") has the type of its items whose type
    // was never in doubt; an item with no such item before it looks at the next one.
    const previous = mi > 0 ? matches[mi - 1]! : undefined;
    const inList = previous !== undefined && isListSeparator(text, previous.end, match.start);
    listType = inList ? (singleType(previous) ?? listType) : undefined;
    const neighbour = listType ?? nextListType(text, match, matches[mi + 1]);
    const chosen = chooseCandidate(text, match, language, ner?.type, mentioned, neighbour);
    mentioned.add(chosen.id);
    accepted.push(match);
    evidence.push({ match, nerSaysTeam: ner?.type === 'team' || ner?.type === 'organization' });
    named.push({
      start: match.start,
      end: match.end,
      text: match.text,
      type: chosen.type,
      entityId: chosen.id,
      key: chosen.id,
      kind: chosen.canonical || chosen.kind === 'name' ? 'name' : 'alias',
    });
  }

  harmoniseLists(text, named, evidence);
  const linkedPersons = named.filter((m) => m.type === 'person' && m.entityId && /\s/.test(m.text)).sort(byStart);
  named.push(...unknownMentions(text, recognized, accepted, input.dates, context?.workspaceSurnames, linkedPersons));
  named.sort(byStart);

  // Epithets refer back: only to an entity the article has already named.
  const firstNamed = new Map<string, number>();
  for (const m of named) if (m.entityId && !firstNamed.has(m.entityId)) firstNamed.set(m.entityId, m.start);
  for (const match of epithets) {
    const candidate = match.candidates.find((c) => (firstNamed.get(c.id) ?? Infinity) < match.start);
    if (!candidate) continue;
    named.push({ start: match.start, end: match.end, text: match.text, type: candidate.type, entityId: candidate.id, key: candidate.id, kind: 'epithet' });
  }
  named.sort(byStart);

  // A pronoun or "il club" inside a longer name ("il club rossonero") is part of that name.
  const references = resolveReferences(text, named, input.sentences, input.quotes, input.referring).filter((ref) => !covered(named, ref));
  return mergeSorted(named, references);
}

/** Whether `next` is a knowledge-base person's name inside the recogniser's span `ner`. */
function personNext(next: NameMatch | undefined, ner: Span): boolean {
  return next !== undefined && next.start >= ner.start && next.end <= ner.end && next.candidates.some((c) => c.type === 'person');
}

/**
 * Items of one list are of one kind ("In pole ci sarebbero proprio Roma e Milan"): where a list
 * holds a team that is surely one (its only reading, or the recogniser's), its items that can be
 * teams are. `linked` and `evidence` are parallel; the mentions are replaced in place.
 */
function harmoniseLists(text: string, linked: EntityMention[], evidence: readonly { match: NameMatch; nerSaysTeam: boolean }[]): void {
  for (let i = 0; i < linked.length; ) {
    let j = i;
    while (j + 1 < linked.length && isListSeparator(text, linked[j]!.end, linked[j + 1]!.start)) j++;
    const sureTeam = (k: number): boolean => linked[k]!.type === 'team' && (singleType(evidence[k]!.match) === 'team' || evidence[k]!.nerSaysTeam);
    let hasTeam = false;
    for (let k = i; k <= j; k++) hasTeam ||= sureTeam(k);
    if (j > i && hasTeam) {
      for (let k = i; k <= j; k++) {
        if (linked[k]!.type === 'team') continue;
        const team = evidence[k]!.match.candidates.find((c) => c.type === 'team');
        if (team) linked[k] = { ...linked[k]!, type: 'team', entityId: team.id, key: team.id, kind: team.canonical || team.kind === 'name' ? 'name' : 'alias' };
      }
    }
    i = j + 1;
  }
}

/**
 * Guard against common words that happen to be names: a match written all in lower case
 * where the knowledge base capitalises the name ("real", "city"), or a one-word nickname
 * opening a sentence that the recogniser did not see as a name.
 */
function plausibleName(text: string, match: NameMatch, ner: RecognizedEntity | undefined): boolean {
  const capitalised = /\p{Lu}/u.test(match.text);
  const kbCapitalised = match.candidates.some((c) => /\p{Lu}/u.test(c.name));
  if (!capitalised && kbCapitalised) return false;
  const oneWord = !/[\s'’-]/.test(match.text);
  if (oneWord && ner === undefined && match.candidates.every((c) => c.kind !== 'name') && startsSentence(text, match.start)) return false;
  return true;
}

function startsSentence(text: string, offset: number): boolean {
  let i = offset - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t' || text[i] === '“' || text[i] === '"' || text[i] === '«')) i--;
  return i < 0 || /[.!?…\n\r:]/.test(text[i]!);
}

/**
 * Names the recogniser found where no knowledge-base name matched. A one-word person name
 * that is the surname of someone named in full before (in this article, else in the
 * workspace) gets that person's key.
 */
function unknownMentions(
  text: string,
  recognized: readonly RecognizedEntity[],
  accepted: readonly Span[],
  dates: readonly Span[],
  workspaceSurnames: ReadonlyMap<string, string> | undefined,
  linkedPersons: readonly EntityMention[],
): EntityMention[] {
  const out: EntityMention[] = [];
  // Surname → the key (and knowledge-base id) of the last person named in full before it.
  const surnames = new Map<string, { readonly key: string; readonly entityId?: string }>();
  let a = 0;
  let d = 0;
  let l = 0;
  for (const e of recognized) {
    // "Xabi Alonso … Alonso": a known person's surname alone is that person.
    for (; l < linkedPersons.length && linkedPersons[l]!.start < e.start; l++) {
      const p = linkedPersons[l]!;
      surnames.set(fold(p.text.slice(p.text.search(/\S*$/))), { key: p.key, entityId: p.entityId! });
    }
    while (a < accepted.length && accepted[a]!.end <= e.start) a++;
    if (a < accepted.length && accepted[a]!.start < e.end) continue;
    while (d < dates.length && dates[d]!.end <= e.start) d++;
    if (d < dates.length && dates[d]!.start < e.end) continue;
    const name = text.slice(e.start, e.end);
    let key = unknownKey(name);
    let kind: EntityMention['kind'] = 'name';
    let entityId: string | undefined;
    if (e.type === 'person') {
      // A recognised name has no white space at its ends: any inside separates its words.
      const lastSpace = name.search(/\s\S*$/);
      if (lastSpace > 0) {
        surnames.set(fold(name.slice(lastSpace + 1)), { key });
      } else {
        const full = surnames.get(fold(name)) ?? workspaceSurnameKey(workspaceSurnames, name);
        if (full) {
          key = full.key;
          entityId = full.entityId;
          kind = 'surname';
        }
      }
    }
    out.push({ start: e.start, end: e.end, text: name, type: e.type satisfies EntityType, key, kind, ...(entityId ? { entityId } : {}) });
  }
  return out;
}

function workspaceSurnameKey(surnames: ReadonlyMap<string, string> | undefined, name: string): { readonly key: string; readonly entityId?: string } | undefined {
  const full = surnames?.get(fold(name));
  return full ? { key: unknownKey(full) } : undefined;
}

/**
 * The type of the next list item when it is unambiguous ("Milan e Napoli": the type of
 * "Napoli" helps "Milan" only if "Napoli" has a single candidate).
 */
function nextListType(text: string, match: NameMatch, next: NameMatch | undefined): EntityType | undefined {
  return next && isListSeparator(text, match.end, next.start) ? singleType(next) : undefined;
}

/** The type all candidates of a match share, if they do. */
function singleType(match: NameMatch): EntityType | undefined {
  const type = match.candidates[0]?.type;
  return match.candidates.every((c) => c.type === type) ? type : undefined;
}

/** True when `span` lies inside one of the sorted `mentions`. */
function covered(mentions: readonly EntityMention[], span: Span): boolean {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid]!.start <= span.start) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo - 1; k >= 0 && k >= lo - 4; k--) if (mentions[k]!.end >= span.end) return true;
  return false;
}

function byStart(a: Span, b: Span): number {
  return a.start - b.start || b.end - a.end;
}

function mergeSorted(a: readonly EntityMention[], b: readonly EntityMention[]): EntityMention[] {
  const out: EntityMention[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && byStart(a[i]!, b[j]!) <= 0)) out.push(a[i++]!);
    else out.push(b[j++]!);
  }
  return out;
}
