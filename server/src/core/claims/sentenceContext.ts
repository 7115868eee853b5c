/**
 * Looking around a position in an article: which sentence it is in, who the subject is
 * (the person named closest before it in the sentence, else in the sentences just before),
 * and which team or competition the sentence names.
 */
import type { KnowledgeBase } from '../kb';
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
    private readonly kb: KnowledgeBase | undefined,
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

  /** Mentions of `type` lying within `span`, in order. */
  /** The first date starting at or after `offset` (dates are sorted). */
  dateAtOrAfter(offset: number): number {
    const dates = this.article.dates;
    let lo = 0;
    let hi = dates.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (dates[mid]!.start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  mentionsIn(span: Span, type: EntityType): EntityMention[] {
    const out: EntityMention[] = [];
    const entities = this.article.entities;
    for (let i = firstAtOrAfter(entities, span.start); i < entities.length && entities[i]!.start < span.end; i++) {
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
    const before = this.mentionsIn({ start: here.start, end: offset }, 'person');
    if (before.length > 0) return before[before.length - 1];
    if (allowAfter) {
      const after = this.mentionsIn({ start: offset, end: here.end }, 'person');
      if (after.length > 0) return after[0];
    }
    for (let k = s - 1; k >= Math.max(0, s - LOOK_BACK); k--) {
      const people = this.mentionsIn(this.tail(this.sentence(k)), 'person');
      if (people.length > 0) return people[people.length - 1];
    }
    return undefined;
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
   * The team a figure at `offset` is about: a team named in its sentence (after the figure
   * first: "331 games for the club"), else the last team of the sentences before that the
   * subject has a stint with in the knowledge base.
   */
  teamAt(offset: number, subjectId: string | undefined, exclude: Span | undefined = undefined): EntityMention | undefined {
    const s = this.sentenceAt(offset);
    const teams = this.mentionsIn(this.near(this.sentence(s), offset), 'team').filter((t) => !exclude || t.end <= exclude.start || t.start >= exclude.end);
    const after = teams.filter((t) => t.start >= offset);
    const chosen = after[0] ?? teams[teams.length - 1];
    if (chosen) return chosen;
    for (let k = s - 1; k >= Math.max(0, s - LOOK_BACK); k--) {
      const earlier = this.mentionsIn(this.tail(this.sentence(k)), 'team').reverse();
      const known = earlier.find((t) => t.entityId && subjectId && this.kb && this.kb.stintsOf(subjectId, { teamId: t.entityId }).length > 0);
      if (known) return known;
    }
    return undefined;
  }
}

function firstAtOrAfter(items: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
