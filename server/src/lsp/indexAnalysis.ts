/**
 * What the workspace index keeps of an article, computed the same way on the main thread and
 * on index worker threads.
 */
import { analyzeArticle } from '../core/analyze';
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
