/**
 * Looking around a position in an article: which sentence it is in, who the subject is
 * (the person named closest before it in the sentence, else in the sentences just before),
 * and which team or competition the sentence names.
 */
import { fold, type KnowledgeBase } from '../kb';
import { firstEndingAfter, firstStartingAt } from '../text/spans';
import type { Article, EntityMention, EntityType, Span } from '../model';

/** How many sentences back a subject or a team may be named. */
const LOOK_BACK = 3;

/**
 * How far (in characters) from a figure its subject or team may be named. Real sentences are
 * far shorter; the bound keeps a run-on "sentence" of a malformed file linear.
 */
const WINDOW = 400;

export class SentenceContext {
  private readonly sentenceStarts: number[];

  constructor(
    readonly article: Article,
    readonly kb: KnowledgeBase | undefined,
    /** The display name of a mention's entity. */
    readonly nameOf: (mention: EntityMention) => string,
  ) {
    this.sentenceStarts = article.sentences.map((s) => s.start);
  }

  /** Index of the sentence containing `offset` (or the last one starting before it). */
  sentenceAt(offset: number): number {
    let lo = 0;
    let hi = this.sentenceStarts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sentenceStarts[mid]! <= offset) lo = mid + 1;
      else hi = mid;
    }
    return Math.max(0, lo - 1);
  }

  sentence(index: number): Span {
    return this.article.sentences[index] ?? { start: 0, end: this.article.text.length };
  }

  /** The first date starting at or after `offset` (dates are sorted). */
  dateAtOrAfter(offset: number): number {
    return firstStartingAt(this.article.dates, offset);
  }

  /** Mentions of `type` lying within `span`, in order. */
  mentionsIn(span: Span, type: EntityType): EntityMention[] {
    const out: EntityMention[] = [];
    const entities = this.article.entities;
    for (let i = firstEndingAfter(entities, span.start); i < entities.length && entities[i]!.start < span.end; i++) {
      const e = entities[i]!;
      if (e.type === type && e.end <= span.end) out.push(e);
    }
    return out;
  }

  /**
   * The person a figure at `offset` is about: the person named last before it in its
   * sentence, else the first person named after it in the sentence ("È l'allenatore … e ora
   * Carlo Ancelotti…"), else the last person of the few sentences before.
   */
  subjectAt(offset: number, allowAfter = false): EntityMention | undefined {
    const s = this.sentenceAt(offset);
    const here = this.near(this.sentence(s), offset);
    const before = this.people({ start: here.start, end: offset });
    if (before.length > 0) return before[before.length - 1];
    if (allowAfter) {
      const after = this.people({ start: offset, end: here.end });
      if (after.length > 0) return after[0];
    }
    for (let k = s - 1; k >= Math.max(0, s - LOOK_BACK); k--) {
      const people = this.people(this.tail(this.sentence(k)));
      if (people.length > 0) return people[people.length - 1];
    }
    return undefined;
  }

  /**
   * The people in `span` who may be a subject. One named as a club's owner ("il club di
   * Florentino Pérez", "Florentino Pérez's club") only says whose club it is: another person
   * there comes first. Alone, the owner stays ("il Real Madrid di Ancelotti ha vinto…").
   */
  private people(span: Span): EntityMention[] {
    const all = this.mentionsIn(span, 'person');
    const others = all.filter((p) => !this.ownsClub(p));
    return others.length > 0 ? others : all;
  }

  private ownsClub(person: EntityMention): boolean {
    const text = this.article.text;
    if (OWNER_AFTER.test(text.slice(person.end, person.end + 16))) return true;
    const before = text.slice(Math.max(0, person.start - 24), person.start);
    if (CLUB_OF.test(before)) return true;
    // "il Real Madrid di Florentino Pérez": a team right before "di"/"of".
    const of = OF_BEFORE.exec(before);
    if (!of) return false;
    const teamEnd = person.start - of[0].length;
    return this.mentionsIn({ start: teamEnd - 60, end: teamEnd }, 'team').some((t) => t.end === teamEnd);
  }

  /** The part of `sentence` within {@link WINDOW} characters of `offset`. */
  private near(sentence: Span, offset: number): Span {
    return { start: Math.max(sentence.start, offset - WINDOW), end: Math.min(sentence.end, offset + WINDOW) };
  }

  /** The last {@link WINDOW} characters of a sentence. */
  private tail(sentence: Span): Span {
    return { start: Math.max(sentence.start, sentence.end - WINDOW), end: sentence.end };
  }

  /**
   * The team a figure at `offset` is about, or `unresolved` when the sentence says where in
   * words that name no team one can tell (then no claim beats a wrong one). In order:
   * - a team named after the figure in its sentence ("331 games for the club"), unless a bare
   *   count comes first and takes it ("tre Champions League, due con il Milan");
   * - the words right after the figure's phrase (`phraseEnd`): "con i rossoneri" names a team
   *   the knowledge base lacks, "in Madrid" the one team of the subject's named after Madrid;
   * - a place named before the figure in its sentence, read the same way ("a Madrid ha vinto");
   * - the last team named before the figure in its sentence;
   * - the team the few sentences before name, if they name only one the subject was at.
   */
  teamAt(offset: number, subjectId: string | undefined, options: { readonly exclude?: Span; readonly phraseEnd?: number } = {}): EntityMention | 'unresolved' | undefined {
    const { exclude, phraseEnd = offset } = options;
    const s = this.sentenceAt(offset);
    const sentence = this.near(this.sentence(s), offset);
    const teams = this.mentionsIn(sentence, 'team').filter((t) => !exclude || t.end <= exclude.start || t.start >= exclude.end);
    const after = teams.find((t) => t.start >= offset);
    if (after && !this.bareCountBetween(phraseEnd, after.start) && !this.otherClauseBetween(phraseEnd, after.start)) return after;
    const stated = this.statedPlace(phraseEnd, sentence.end, subjectId);
    if (stated) return stated;
    const before = teams.filter((t) => t.end <= offset);
    const lastTeam = before[before.length - 1];
    // A country names no team ("In Spagna ha aggiunto tre campionati"): it neither picks one nor hides one.
    const places = this.mentionsIn({ start: sentence.start, end: offset }, 'place').filter((p) => !p.entityId || !this.kb?.isCountry(p.entityId));
    // The nearest wins: "played in Madrid … a Bayern player for seven years" is Bayern's.
    for (let i = places.length - 1; i >= 0 && (!lastTeam || places[i]!.start > lastTeam.start); i--) {
      const team = this.teamNamedAfter(places[i]!, subjectId);
      if (team) return team;
    }
    if (lastTeam) return lastTeam;
    if (places.length > 0) return 'unresolved';
    for (let k = s - 1; k >= Math.max(0, s - LOOK_BACK); k--) {
      const earlier = this.mentionsIn(this.tail(this.sentence(k)), 'team');
      const known = earlier.filter((t) => t.entityId && subjectId && this.kb && this.kb.stintsOf(subjectId, { teamId: t.entityId }).length > 0);
      if (known.length === 0) continue;
      return known.every((t) => t.entityId === known[0]!.entityId) ? known[known.length - 1] : undefined;
    }
    return undefined;
  }

  /**
   * Whether a new clause starts in [from, to): a comma, semicolon or dash not followed by
   * words that carry the figure on ("…, all with Real Madrid", "…, tutte con il Real").
   */
  private otherClauseBetween(from: number, to: number): boolean {
    if (to - from > 200) return true;
    const between = this.article.text.slice(from, to);
    const at = between.search(/[,;–—]/u);
    return at >= 0 && !CARRY_ON.test(between.slice(at + 1));
  }

  /** Whether a count without a noun of its own ("due" in "tre titoli, due con il Milan") lies in [from, to). */
  private bareCountBetween(from: number, to: number): boolean {
    const { text, numbers } = this.article;
    for (let i = firstEndingAfter(numbers, from); i < numbers.length && numbers[i]!.end <= to; i++) {
      if (numbers[i]!.start >= from && BARE_COUNT_TAIL.test(text.slice(numbers[i]!.end, numbers[i]!.end + 12))) return true;
    }
    // "three times, twice with AC Milan and once with Real Madrid": counts that are not numbers.
    return to - from < 200 && BARE_REPEAT.test(text.slice(from, to));
  }

  /**
   * What the words right after a figure's phrase say about where: "con i rossoneri", "with
   * the Blues" (a team in words the knowledge base lacks: `unresolved`), "in Madrid" (the
   * subject's team named after the place, else `unresolved`); undefined when they say nothing.
   */
  private statedPlace(from: number, limit: number, subjectId: string | undefined): EntityMention | 'unresolved' | undefined {
    const window = this.article.text.slice(from, Math.min(limit, from + 40));
    const m = STATED_PLACE.exec(window);
    if (!m) return undefined;
    const end = from + m[0].length;
    const word = end - m.groups!.word!.length;
    const place = this.mentionsIn({ start: word, end: Math.min(limit, word + 60) }, 'place')[0];
    if (place && place.start === word) {
      if (place.entityId && this.kb?.isCountry(place.entityId)) return undefined;
      return this.teamNamedAfter(place, subjectId) ?? 'unresolved';
    }
    if (m.groups!.company === undefined) return undefined;
    // "con i rossoneri": after "with"/"con", a team-like phrase that is no entity of any kind.
    const entities = this.article.entities;
    const overlapping = entities[firstEndingAfter(entities, word)];
    return overlapping && overlapping.start < end ? undefined : 'unresolved';
  }

  /**
   * The team a verb at `from` acts on: one named right after it ("left Real Madrid", "è
   * arrivato al Real Madrid"), or the subject's one team named after a place there ("left
   * Madrid"). A team further on ("left Madrid for Bayern") is not the verb's object. `end`
   * is where the object ends, also when it is a place that names no team ("the Bernabéu").
   */
  objectTeam(from: number, limit: number, subjectId: string | undefined): { readonly team?: EntityMention; readonly end: number } | undefined {
    const span = { start: from, end: Math.min(limit, from + 40) };
    const direct = (m: EntityMention | undefined) => m && OBJECT_GAP.test(this.article.text.slice(from, m.start)) ? m : undefined;
    const team = direct(this.mentionsIn(span, 'team').find((t) => t.entityId));
    if (team) return { team, end: team.end };
    const place = direct(this.mentionsIn(span, 'place')[0]);
    if (!place) return undefined;
    const named = this.teamNamedAfter(place, subjectId);
    return named ? { team: named, end: place.end } : { end: place.end };
  }

  /** The one team of the subject's (in the knowledge base) whose name has the place's name in it: Real Madrid for Madrid. */
  private teamNamedAfter(place: EntityMention, subjectId: string | undefined): EntityMention | undefined {
    if (!this.kb || !subjectId) return undefined;
    const names = new Set([fold(place.text), ...(place.entityId ? [fold(this.kb.entity(place.entityId)?.name ?? '')] : [])].filter(Boolean));
    const teams = new Set(this.kb.stintsOf(subjectId).map((st) => st.team));
    const named = [...teams].filter((id) => {
      const words = fold(this.kb!.entity(id)?.name ?? '').split(/[^\p{L}]+/u);
      return [...names].some((n) => words.includes(n));
    });
    return named.length === 1 ? { ...place, type: 'team', entityId: named[0]!, key: named[0]! } : undefined;
  }
}

/** A club's noun and "of" before a name: "il club di", "the club of". */
const CLUB_OF = /(?<![\p{L}])(?:club|squadra|società|team|side)\s+(?:di|of)\s+$/iu;

/** "of" right before a name, as in "il Real Madrid di Florentino Pérez". */
const OF_BEFORE = /(?<!\s)\s+(?:di|of)\s+$/iu;

/** A possessive and a club's noun after a name: "Florentino Pérez's club". */
const OWNER_AFTER = /^['’]s?\s+(?:club|team|side|squad)(?![\p{L}])/iu;

/** What may stand between a verb and its object: an article. */
const OBJECT_GAP = /^\s*(?:(?:the|il|lo|la|i|gli|le|l['’])\s*)?$/iu;

/** Words after a comma that keep to the figure before it ("…, all with Real Madrid"). */
const CARRY_ON = /^\s*(?:all|both|each|tutti|tutte|entrambi|entrambe)\s+(?:of\s+them\s+)?(?:with|for|at|con|per|al|alla|nel|nella)\s+(?:the\s+|il\s+|la\s+|lo\s+|l['’]\s*)?$/iu;

/** Words for a count of times, followed as a bare count is ("twice with AC Milan"). */
const BARE_REPEAT = /(?<![\p{L}])(?:once|twice|thrice)\s*(?:[,;:.)]|$|(?:with|for|at|in|and)(?![\p{L}]))/iu;

/** What follows a count that counts nothing of its own: punctuation or a preposition ("due con il Milan"). */
const BARE_COUNT_TAIL = /^\s*(?:[,;:.)]|$|(?:with|for|at|in|and|con|col|coi|per|a|al|alla|allo|ai|nel|nella|e)(?![\p{L}]))/iu;

/**
 * A preposition of place or company right after a figure, then what it governs: a place name
 * ("in Madrid", "at the Bernabéu", "a Madrid") or, after "with"/"con", a team-like phrase.
 */
const STATED_PLACE = /^\s*(?:(?:in|at|a|al|allo|alla|nel|nella)\s+(?:the\s+)?|(?<company>with|for|con|col|coi|per)\s+(?:the|il|lo|la|i|gli|le|l['’])\s*)(?<word>\p{L}+)/iu;
