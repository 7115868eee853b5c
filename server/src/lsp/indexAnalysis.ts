/**
 * What the workspace index keeps of an article, computed the same way on the main thread and
 * on index worker threads.
 */
import { analyzeArticle } from '../core/analyze';
import { detach } from '../core/blockAnalysis';
import type { AnalysisContext } from '../core/context';
import type { Article } from '../core/model';
import type { AnalysisSettings } from '../core/settings';

/**
 * The article analysed and slimmed for the index: the text, names, quotes and claims.
 * Sentences, numbers, dates and pronouns are dropped: cross-article features never read them,
 * and thousands of articles' worth would cost hundreds of megabytes.
 */
export function analyseForIndex(text: string, settings: AnalysisSettings, context: AnalysisContext): Article {
  return slimArticle(analyzeArticle(text, settings, context));
}

/** An analysis slimmed as {@link analyseForIndex} describes. */
export function slimArticle(article: Article): Article {
  const entities = article.entities.filter((e) => e.kind !== 'pronoun' && e.kind !== 'anaphor');
  const quotes = article.quotes.filter((q) => q.depth === 0);
  return { ...article, paragraphs: [], sentences: [], numbers: [], dates: [], entities, quotes };
}

/**
 * One copy of each string that indexed articles repeat: names, keys, types, speakers.
 * Articles from index workers arrive with a fresh copy of every string; shared, the 5,110
 * articles of the benchmark's workspace took 38 MB of heap instead of 59 MB.
 */
export class SharedStrings {
  private readonly strings = new Map<string, string>();

  /** The shared copy of `s` (one that keeps no longer text alive). */
  get<T extends string>(s: T): T {
    let shared = this.strings.get(s);
    if (shared === undefined) this.strings.set((shared = detach(s)), shared);
    return shared as T;
  }
}

/** An indexed article whose repeated strings are taken from `strings`. */
export function shareStrings(article: Article, strings: SharedStrings): Article {
  const entities = article.entities.map((e) => ({
    ...e,
    text: strings.get(e.text),
    type: strings.get(e.type),
    key: strings.get(e.key),
    kind: strings.get(e.kind),
    ...(e.entityId === undefined ? {} : { entityId: strings.get(e.entityId) }),
  }));
  const quotes = article.quotes.map((q) => {
    const speaker = q.speaker;
    if (!speaker) return q;
    return {
      ...q,
      speaker: {
        ...speaker,
        name: strings.get(speaker.name),
        key: strings.get(speaker.key),
        cue: strings.get(speaker.cue),
        ...(speaker.entityId === undefined ? {} : { entityId: strings.get(speaker.entityId) }),
      },
    };
  });
  return { ...article, entities, quotes };
}
