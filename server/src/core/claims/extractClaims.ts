/**
 * Claim extraction: the checkable statements of an article, in English and Italian, with
 * their subject resolved through coreference (pronouns, surnames, epithets, "the club").
 *
 * - figures: "played 331 games for the club", "con 331 presenze e 31 reti";
 * - honours: "won 5 UEFA Champions League", "tre edizioni della Champions League",
 *   "due Mondiali per club", "altrettante supercoppe di Spagna" (the count just given),
 *   "won La Liga three times", "ha vinto tre volte la Liga";
 * - tenure: "almost a decade", "per nove stagioni";
 * - contract end: "contract until 2026", "accordi … fino al 2026";
 * - lists of teams coached or played for: "ha allenato Reggiana, Parma, Juventus, Milan e Napoli";
 * - moves: "moved to Manchester United in 2022", "lasciò il Napoli nel 2021", and stays that
 *   began then: "has been at Real Madrid since 2012", "è al Real Madrid dal 2012";
 * - records: "l'allenatore ad aver vinto il maggior numero di Champions League".
 */
import type { KbRole, KnowledgeBase } from '../kb';
import type { Article, Claim, ClaimItem, ClaimProperty, EntityMention, Language, NumberMention, Span } from '../model';
import {
  APPROXIMATIONS, COACH_WORDS, CONTRACT_CUES, findCue, LIST_CUES, MOVE_CUES, NOT_TENURE_AFTER, NOT_TENURE_AT_PHRASE_END, PLAYER_WORDS, RECORD_CUES,
  SINCE_ROLES, SINCE_WORDS, STAT_NOUNS, TENURE_LEADS, TENURE_NOUNS, TIMES_NOUNS, TITLE_NOUNS, WIN_WORDS,
  type CueHits,
} from './cues';
import { SentenceContext } from './sentenceContext';
import { firstStartingAt } from '../text/spans';

/**
 * Extract the claims of an analysed article, sorted by position. `nameOf` names a claim's
 * subject (the canonical or full name, even when the article says "he" or a surname).
 * `cues` are where the article's cue words are (see `findCues`).
 */
export function extractClaims(
  article: Article,
  kb: KnowledgeBase | undefined,
  nameOf: (mention: EntityMention) => string,
  cues: CueHits,
): Claim[] {
  const ctx = new SentenceContext(article, kb, nameOf);
  const out: Claim[] = [];
  figureClaims(article, ctx, kb, out);
  sentenceClaims(article, ctx, cues, out);
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

interface ClaimDraft {
  readonly property: ClaimProperty;
  readonly subject: EntityMention;
  readonly value: Claim['value'];
  readonly valueSpan: Span;
  readonly span: Span;
  readonly form: Claim['form'];
  readonly qualifiers: Record<string, string>;
  readonly items?: readonly ClaimItem[];
}

function make(ctx: SentenceContext, d: ClaimDraft): Claim {
  return {
    id: `${d.property}@${d.valueSpan.start}`,
    start: d.span.start,
    end: d.span.end,
    subjectKey: d.subject.key,
    ...(d.subject.entityId ? { subjectId: d.subject.entityId } : {}),
    subjectName: ctx.nameOf(d.subject),
    property: d.property,
    value: d.value,
    valueSpan: d.valueSpan,
    form: d.form,
    qualifiers: d.qualifiers,
    ...(d.items ? { items: d.items } : {}),
  };
}

/** Claims built around a number: figures, honours, tenure. */
function figureClaims(article: Article, ctx: SentenceContext, kb: KnowledgeBase | undefined, out: Claim[]): void {
  const lang = article.language;
  const text = article.text;
  const competitions = article.entities.filter((e) => e.type === 'competition' && e.entityId);
  let previousCount: NumberMention | undefined;
  for (const n of article.numbers) {
    const value = n.form === 'anaphor' ? anaphorValue(n, previousCount, ctx) : n.value;
    if (value === undefined || !Number.isFinite(value)) continue;
    if (n.form !== 'anaphor') previousCount = n;
    const noun = n.noun ?? '';
    const stat = STAT_NOUNS[lang].get(noun) ?? STAT_NOUNS[lang === 'en' ? 'it' : 'en'].get(noun);
    const form: Claim['form'] = n.form === 'anaphor' ? 'anaphor' : n.form;
    const valueSpan: Span = { start: n.start, end: n.end };
    // Where the figure's words end: "331 games", "tre volte".
    const nounEnd = n.nounSpan?.end ?? n.end;

    if (stat) {
      const subject = ctx.subjectAt(n.start);
      if (!subject) continue;
      const team = ctx.teamAt(n.end, subject.entityId, { phraseEnd: nounEnd });
      if (team === 'unresolved' || !team?.entityId) continue;
      const scope = /\b(?:league|liga|campionato|serie a|premier)\b/iu.test(text.slice(n.end, Math.min(text.length, n.end + 40))) ? 'league' : 'all';
      out.push(make(ctx, { property: stat, subject, value, valueSpan, span: { start: n.start, end: nounEnd }, form, qualifiers: { team: team.entityId, scope, ...approximation(text, n.start) } }));
      continue;
    }

    const competition = competitionAfter(text, n, competitions) ?? (TIMES_NOUNS.has(noun) ? wonTimes(ctx, n, competitions) : undefined);
    if (competition) {
      const subject = ctx.subjectAt(n.start);
      if (!subject) continue;
      const team = ctx.teamAt(n.end, subject.entityId, { exclude: competition, phraseEnd: Math.max(competition.end, nounEnd) });
      if (team === 'unresolved') continue;
      const qualifiers: Record<string, string> = { competition: competition.entityId! };
      if (team?.entityId && team.entityId !== subject.entityId) qualifiers.team = team.entityId;
      const role = roleOf(kb, subject.entityId, qualifiers.team, ctx, n.start);
      if (role) qualifiers.role = role;
      const span = { start: Math.min(n.start, competition.start), end: Math.max(competition.end, nounEnd) };
      out.push(make(ctx, { property: 'honours', subject, value, valueSpan, span, form, qualifiers }));
      continue;
    }

    const decade = /\b(?:decade|decennio)\b/u.test(n.text);
    if (TENURE_NOUNS.has(noun) || decade) {
      const end = decade ? n.end : nounEnd;
      const lead = wordBefore(text, n.start);
      const after = wordAfter(text, end);
      if (!lead || !TENURE_LEADS.has(lead) || (after && (NOT_TENURE_AFTER.has(after) || (NOT_TENURE_AT_PHRASE_END.has(after) && endsPhrase(text, end))))) continue;
      const subject = ctx.subjectAt(n.start);
      if (!subject) continue;
      const team = ctx.teamAt(n.end, subject.entityId, { phraseEnd: end });
      if (team === 'unresolved' || !team?.entityId) continue;
      // A role only when the words say it: without one, every role's stay is a reading.
      const role = roleOf(undefined, subject.entityId, team.entityId, ctx, n.start);
      out.push(make(ctx, { property: 'tenure', subject, value, valueSpan, span: { start: n.start, end }, form, qualifiers: { team: team.entityId, ...(role ? { role } : {}), ...(TENURE_NOUNS.get(noun) === 'seasons' ? { unit: 'seasons' } : {}), ...approximation(text, n.start) } }));
    }
  }
}

/** "altrettante": the count just given, in the same sentence or the one before. */
function anaphorValue(n: NumberMention, previous: NumberMention | undefined, ctx: SentenceContext): number | undefined {
  if (!previous) return undefined;
  return ctx.sentenceAt(n.start) - ctx.sentenceAt(previous.start) <= 1 ? previous.value : undefined;
}

/**
 * The competition a count refers to: named by the counted words themselves ("due Mondiali
 * per club", "5 UEFA Champions League") or after a title noun ("tre edizioni della
 * Champions League", "three titles of the Copa del Rey").
 */
function competitionAfter(text: string, n: NumberMention, competitions: readonly EntityMention[]): EntityMention | undefined {
  const from = n.end;
  const limit = Math.min(text.length, from + (n.noun && TITLE_NOUNS.has(n.noun) ? 40 : 4));
  const c = competitions[firstStartingAt(competitions, from)];
  if (!c || c.start > limit) return undefined;
  const between = text.slice(from, c.start);
  // Only spaces, or a title noun and "of the" / "della" between the count and the name.
  return /^\s*(?:[\p{L}]+\s+(?:of\s+the|of|della|del|dello|dei|degli|delle|di)\s+)?$/u.test(between) ? c : undefined;
}

/**
 * The competition of "won La Liga three times", "ha vinto tre volte la Liga": named right
 * before the count or right after "volte", in a sentence that says it was won.
 */
function wonTimes(ctx: SentenceContext, n: NumberMention, competitions: readonly EntityMention[]): EntityMention | undefined {
  const text = ctx.article.text;
  const sentence = ctx.sentence(ctx.sentenceAt(n.start));
  const lo = firstStartingAt(competitions, n.start);
  const before = competitions[lo - 1];
  const after = competitions[lo];
  const nounEnd = n.nounSpan?.end ?? n.end;
  let found: EntityMention | undefined;
  if (before && before.start >= sentence.start && /^\s+$/u.test(text.slice(before.end, n.start))) found = before;
  else if (after && after.end <= sentence.end && /^\s+(?:(?:la|il|lo|l’|l'|the)\s*)?$/iu.test(text.slice(nounEnd, after.start))) found = after;
  if (!found) return undefined;
  // A bounded window keeps run-on text linear.
  const words = text.slice(Math.max(sentence.start, Math.min(found.start, n.start) - 120), Math.min(found.start, n.start)).toLowerCase().split(/[^\p{L}]+/u);
  return words.some((w) => WIN_WORDS.has(w)) ? found : undefined;
}

/** Whether the words after `end` stop: punctuation or the end of the text, not another word ("before," vs "before joining"). */
function endsPhrase(text: string, end: number): boolean {
  return /^\s*[\p{L}]+\s*(?:[^\s\p{L}]|$)/u.test(text.slice(end, end + 30));
}

/** The role a person held at a team: from the words near the claim, else the only role the knowledge base knows there. */
function roleOf(kb: KnowledgeBase | undefined, personId: string | undefined, teamId: string | undefined, ctx: SentenceContext, offset: number): string | undefined {
  const sentence = ctx.sentence(ctx.sentenceAt(offset));
  // Role words count near the figure (a bounded window keeps run-on text linear).
  const words = ctx.article.text.slice(Math.max(sentence.start, offset - 200), Math.min(sentence.end, offset + 200)).toLowerCase().split(/[^\p{L}]+/u);
  if (words.some((w) => COACH_WORDS.has(w))) return 'coach';
  if (words.some((w) => PLAYER_WORDS.has(w))) return 'player';
  if (!kb || !personId || !teamId) return undefined;
  const roles = new Set(kb.stintsOf(personId, { teamId }).map((s) => s.role));
  return roles.size === 1 ? [...roles][0] : undefined;
}

const APPROXIMATION_PATTERNS = [...APPROXIMATIONS].map(([phrase, kind]) => [new RegExp(`(?:^|[^\\p{L}])${phrase}\\s+$`, 'u'), kind] as const);

function approximation(text: string, start: number): Record<string, string> {
  const before = text.slice(Math.max(0, start - 12), start).toLowerCase();
  for (const [pattern, kind] of APPROXIMATION_PATTERNS) if (pattern.test(before)) return { approx: kind };
  return {};
}

function wordBefore(text: string, offset: number): string | undefined {
  const m = /([\p{L}]+)\s+$/u.exec(text.slice(Math.max(0, offset - 20), offset));
  return m ? m[1]!.toLowerCase() : undefined;
}

function wordAfter(text: string, offset: number): string | undefined {
  const m = /^\s+([\p{L}]+)/u.exec(text.slice(offset, offset + 20));
  return m ? m[1]!.toLowerCase() : undefined;
}

/** Claims read from a whole sentence: contract end, lists of teams, moves, records. */
function sentenceClaims(article: Article, ctx: SentenceContext, cues: CueHits, out: Claim[]): void {
  const lang: Language = article.language;
  // A sentence is read only where its cue occurs, and at most once per kind of claim.
  const visit = (hits: readonly number[], read: (sentence: Span, body: string) => void): void => {
    let lastSentence = -1;
    for (const at of hits) {
      const index = ctx.sentenceAt(at);
      if (index === lastSentence) continue;
      lastSentence = index;
      const sentence = ctx.sentence(index);
      // A run-on "sentence" of a malformed file carries no claims worth the scan.
      if (sentence.end - sentence.start > 2000) continue;
      read(sentence, article.text.slice(sentence.start, sentence.end));
    }
  };
  visit(cues.contract, (sentence, body) => contractClaim(article, ctx, sentence, body, lang, out));
  visit(cues.list, (sentence, body) => listClaim(article, ctx, sentence, body, lang, out));
  visit(cues.move, (sentence, body) => moveClaim(article, ctx, sentence, body, lang, out));
  visit(cues.record, (sentence, body) => recordClaim(ctx, sentence, body, lang, out));
}

/** The first date in [from, to) that passes `accept`, found by binary search, not a scan. */
function firstDate(article: Article, ctx: SentenceContext, from: number, to: number, accept: (d: Article['dates'][number]) => boolean): Article['dates'][number] | undefined {
  for (let i = ctx.dateAtOrAfter(from); i < article.dates.length && article.dates[i]!.start < to; i++) {
    const d = article.dates[i]!;
    if (d.end <= to && accept(d)) return d;
  }
  return undefined;
}

function contractClaim(article: Article, ctx: SentenceContext, sentence: Span, body: string, lang: Language, out: Claim[]): void {
  const cue = findCue(CONTRACT_CUES[lang], body);
  if (!cue) return;
  const cueAt = sentence.start + cue.index;
  // "until 2026", "until June 2026", "fino al 30 giugno 2026": the year is what is checked.
  const date = firstDate(article, ctx, cueAt + 1, sentence.end, (d) => /^\d{4}(?:-\d\d){0,2}$/.test(d.value));
  if (!date) return;
  const at = date.text.lastIndexOf(date.value.slice(0, 4));
  if (at < 0) return;
  const year = { value: date.value.slice(0, 4), start: date.start + at, end: date.start + at + 4 };
  const subject = ctx.subjectAt(cueAt, true);
  if (!subject) return;
  const team = ctx.teamAt(cueAt, subject.entityId);
  const qualifiers: Record<string, string> = team !== 'unresolved' && team?.entityId ? { team: team.entityId } : {};
  out.push(make(ctx, { property: 'contract-end', subject, value: year.value, valueSpan: year, span: { start: cueAt, end: year.end }, form: 'digits', qualifiers }));
}

function listClaim(article: Article, ctx: SentenceContext, sentence: Span, body: string, lang: Language, out: Claim[]): void {
  const cue = findCue(LIST_CUES[lang], body);
  if (!cue) return;
  const property: ClaimProperty = cue.groups?.coached ? 'coached' : 'played-for';
  const cueEnd = sentence.start + cue.index + cue[0].length;
  const teams = ctx.mentionsIn({ start: cueEnd, end: sentence.end }, 'team').filter((t) => t.entityId);
  if (teams.length === 0) return;
  // The list: the first team within a few words of the verb, then every team joined to it by a separator.
  const first = teams[0]!;
  if (first.start - cueEnd > 40) return;
  const items: ClaimItem[] = [{ start: first.start, end: first.end, id: first.entityId!, text: first.text }];
  for (let i = 1; i < teams.length; i++) {
    const gap = article.text.slice(teams[i - 1]!.end, teams[i]!.start);
    if (!/^\s*(?:,|and|e|ed|&|as well as)?\s*(?:(?:più recentemente|recently|also|anche|il|la|lo|l’|l')\s*)*$/iu.test(gap)) break;
    items.push({ start: teams[i]!.start, end: teams[i]!.end, id: teams[i]!.entityId!, text: teams[i]!.text });
  }
  const subject = ctx.subjectAt(cueEnd - cue[0].length);
  if (!subject) return;
  const last = items[items.length - 1]!;
  out.push(make(ctx, {
    property,
    subject,
    value: items.map((i) => i.id),
    valueSpan: { start: first.start, end: last.end },
    span: { start: sentence.start + cue.index, end: last.end },
    form: 'list',
    qualifiers: {},
    items,
  }));
}

function moveClaim(article: Article, ctx: SentenceContext, sentence: Span, body: string, lang: Language, out: Claim[]): void {
  const cue = findCue(MOVE_CUES[lang], body);
  if (!cue) return;
  // "has been at Real Madrid since 2012", "è al Real Madrid dal 2012": a stay that began then;
  // "has been president since 2009", "è tecnico delle Aspirine dal 2022": in that role.
  const role = cue.groups?.role ? SINCE_ROLES.get(cue.groups.role.toLowerCase()) : undefined;
  const since = cue.groups?.since !== undefined || cue.groups?.sinceAs !== undefined;
  const cueAt = sentence.start + cue.index;
  const cueEnd = cueAt + cue[0].length;
  const subject = ctx.subjectAt(cueAt);
  if (!subject) return;
  const text = article.text;
  const object = ctx.objectTeam(cueEnd, sentence.end, subject.entityId);
  // "left Madrid for Bayern in 2014", "left for Manchester United": the date is of the arrival.
  const destination = cue.groups?.left ? destinationAfter(ctx, object?.end ?? cueEnd, sentence.end, subject.entityId) : undefined;
  const property: ClaimProperty = cue.groups?.left && !destination ? 'left' : 'joined';
  // "Florentino Pérez, who has been president since 2011": the team the sentence names, if he held the role there.
  const team = destination ?? object?.team ?? (role && !object ? roleTeam(ctx, cueAt, subject, role) : undefined);
  if (!team?.entityId || subject.entityId === team.entityId) return;
  // The date follows the team, perhaps after where the move was from ("al Real Madrid dal Bayern Monaco nell'estate del 2015").
  const after = Math.max(team.end, cueEnd);
  const origin = FROM_TEAM.exec(text.slice(after, Math.min(sentence.end, after + 40)));
  const anchor = origin ? after + origin[0].length : after;
  const year = firstDate(article, ctx, anchor + 1, Math.min(sentence.end, anchor + 30 + 12), (d) =>
    d.start - anchor < 30 && /^\d{4}/.test(d.value) && !d.relative && (!since || SINCE_WORDS[lang].test(text.slice(Math.max(after, d.start - 30), d.start))));
  if (!year) return;
  out.push(make(ctx, {
    property,
    subject,
    value: year.value.slice(0, 4),
    valueSpan: year,
    span: { start: cueAt, end: year.end },
    form: 'digits',
    qualifiers: { team: team.entityId!, ...(role ? { role } : {}) },
  }));
}

/** The team a role without an object is held at: the one the sentence names for the subject, if the knowledge base has the subject there in that role. */
function roleTeam(ctx: SentenceContext, at: number, subject: EntityMention, role: KbRole): EntityMention | undefined {
  const team = ctx.teamAt(at, subject.entityId);
  if (team === 'unresolved' || !team?.entityId || !subject.entityId || !ctx.kb) return undefined;
  return ctx.kb.stintsOf(subject.entityId, { teamId: team.entityId, role }).length > 0 ? team : undefined;
}

/** "from Bayern Munich", "dal Bayern Monaco": where a move came from, between the team and the date. */
const FROM_TEAM = /^\s+(?:from|dal|dalla|dall['’])\s+(?:\p{Lu}[\p{L}'’.-]*\s*){1,3}/u;

/** The team after "for", "to" or "per" following a verb of leaving: where the subject went. */
function destinationAfter(ctx: SentenceContext, from: number, limit: number, subjectId: string | undefined): EntityMention | undefined {
  const m = /^\s+(?:for|to|per|alla volta del|alla volta della)(?![\p{L}])/iu.exec(ctx.article.text.slice(from, from + 24));
  return m ? ctx.objectTeam(from + m[0].length, limit, subjectId)?.team : undefined;
}

function recordClaim(ctx: SentenceContext, sentence: Span, body: string, lang: Language, out: Claim[]): void {
  const cue = findCue(RECORD_CUES[lang], body);
  if (!cue) return;
  const cueAt = sentence.start + cue.index;
  const competition = ctx.mentionsIn({ start: cueAt, end: Math.min(sentence.end, cueAt + 80) }, 'competition').find((c) => c.entityId);
  if (!competition) return;
  const words = body.toLowerCase().split(/[^\p{L}]+/u);
  const role = words.some((w) => COACH_WORDS.has(w)) ? 'coach' : words.some((w) => PLAYER_WORDS.has(w)) ? 'player' : undefined;
  const subject = ctx.subjectAt(cueAt, true);
  if (!subject) return;
  out.push(make(ctx, {
    property: 'record',
    subject,
    value: `most-titles:${competition.entityId}`,
    valueSpan: { start: cueAt, end: competition.end },
    span: { start: cueAt, end: competition.end },
    form: 'phrase',
    qualifiers: { competition: competition.entityId!, ...(role ? { role } : {}) },
  }));
}
