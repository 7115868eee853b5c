/**
 * The analysis pipeline: text → Article. Pure and deterministic; the LSP layer caches
 * the result per document version and every feature reads it.
 */
import type { Article, EntityMention, Span } from './model';
import { detectLanguage } from './text/language';
import { findParagraphs, findSentences } from './text/structure';
import { findQuotes } from './quotes/findQuotes';
import { attributeSpeakers } from './quotes/attributeSpeakers';
import { findNumbers } from './numbers/findNumbers';
import { DEFAULT_SETTINGS, type AnalysisSettings } from './settings';

/**
 * Analyse one article. Any string is accepted: control characters, lone surrogates and
 * odd line ends give a valid (if sparse) model; text beyond `settings.maxChars` is left out
 * and `truncatedAt` says where.
 */
export function analyzeArticle(text: string, settings: AnalysisSettings = DEFAULT_SETTINGS): Article {
  const limit = Math.min(text.length, settings.maxChars);
  const truncatedAt = limit < text.length ? safeCut(text, limit) : undefined;
  const end = truncatedAt ?? text.length;
  const body = end === text.length ? text : text.slice(0, end);
  const language = settings.language === 'auto' ? detectLanguage(body) : settings.language;

  const entities: EntityMention[] = [];
  const quotes = attributeSpeakers(body, findQuotes(body), entities, language, (m) => m.text);
  const numbers = findNumbers(body, language);
  const article: Article = {
    text,
    language,
    languageSource: settings.language === 'auto' ? 'detected' : 'setting',
    paragraphs: findParagraphs(body),
    sentences: findSentences(body),
    entities,
    dates: [],
    quotes,
    numbers,
    claims: [],
    ...(truncatedAt !== undefined ? { truncatedAt } : {}),
  };
  return article;
}

/** Move a cut point back so it never splits a surrogate pair. */
function safeCut(text: string, at: number): number {
  const c = text.charCodeAt(at - 1);
  return c >= 0xd800 && c <= 0xdbff ? at - 1 : at;
}

/** True when `inner` lies within `outer`. */
export function within(inner: Span, outer: Span): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}
