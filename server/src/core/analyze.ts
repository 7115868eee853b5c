/**
 * The analysis pipeline: text → Article. Pure and deterministic; the LSP layer caches
 * the result per document version and every feature reads it.
 *
 * Stages: language → the article's date → per paragraph (sentences, numbers, dates, names,
 * the recogniser; see `blockAnalysis.ts`) → quotes → entities (linked, unknown, coreference)
 * → speakers → claims.
 */
import { runBlockStages, type BlockCache } from './blockAnalysis';
import type { AnalysisContext } from './context';
import { articleDate } from './dates/header';
import { findEntities } from './entities/findEntities';
import { extractClaims } from './claims/extractClaims';
import type { Article, EntityMention, NumberMention, Span } from './model';
import { attributeSpeakers } from './quotes/attributeSpeakers';
import { findQuotes } from './quotes/findQuotes';
import { recognizeBlocks } from './ner/recognize';
import { DEFAULT_SETTINGS, type AnalysisSettings } from './settings';
import { fold } from './kb';
import { detectLanguage } from './text/language';

/**
 * Analyse one article. Any string is accepted: control characters, lone surrogates and
 * odd line ends give a valid (if sparse) model; text beyond `settings.maxChars` is left out
 * and `truncatedAt` says where. Without a context, nothing is linked to a knowledge base.
 * A `cache` kept for one document makes re-analysing it after an edit cost little more
 * than the paragraphs the edit touched; the result is the same without it.
 */
export function analyzeArticle(text: string, settings: AnalysisSettings = DEFAULT_SETTINGS, context?: AnalysisContext, cache?: BlockCache): Article {
  const truncatedAt = text.length > settings.maxChars ? safeCut(text, settings.maxChars) : undefined;
  const range: Span = { start: 0, end: truncatedAt ?? text.length };
  const body = range.end === text.length ? text : text.slice(0, range.end);
  const language = settings.language === 'auto' ? detectLanguage(body) : settings.language;
  const date = articleDate(body, settings.articleDate);
  const local = runBlockStages(body, language, date, context, cache);
  const { sentences, dates } = local;
  const quoteSpans = findQuotes(body);
  const outermost = quoteSpans.filter((q) => q.depth === 0);
  const recognized = recognizeBlocks(local.blocks, language, cache?.caseCounts);
  const entities = findEntities({ text: body, language, sentences, quotes: outermost, dates, recognized, matches: local.names, referring: local.referring }, context);
  const nameOf = displayName(entities, context);
  const quotes = attributeSpeakers(body, quoteSpans, entities, language, nameOf);
  const article: Article = {
    text,
    language,
    languageSource: settings.language === 'auto' ? 'detected' : 'setting',
    ...(date ? { date } : {}),
    paragraphs: local.paragraphs,
    sentences,
    entities,
    dates,
    quotes,
    numbers: outside(local.numbers, dates),
    claims: [],
    ...(truncatedAt !== undefined ? { truncatedAt } : {}),
  };
  return { ...article, claims: extractClaims(article, context?.kb, nameOf, local.cues) };
}

/**
 * Display names: the canonical name for linked entities, else the longest form the article
 * uses for the same key ("Hansi Flick" for a later "Flick"), else the full name another
 * article of the workspace gives a lone surname.
 */
function displayName(entities: readonly EntityMention[], context: AnalysisContext | undefined): (m: EntityMention) => string {
  const longest = new Map<string, string>();
  for (const e of entities) {
    if (e.kind === 'pronoun' || e.kind === 'anaphor' || e.kind === 'epithet') continue;
    const seen = longest.get(e.key);
    if (!seen || e.text.length > seen.length) longest.set(e.key, e.text);
  }
  return (m) => {
    if (m.entityId) return context?.kb.entity(m.entityId)?.name ?? m.text;
    const own = longest.get(m.key);
    if (own && /\s/.test(own)) return own;
    return context?.workspaceSurnames?.get(fold(own ?? m.text)) ?? own ?? m.text;
  };
}

/** Numbers that are not part of a date ("2022" in "in 2022" is a date, not a count). */
function outside(numbers: readonly NumberMention[], dates: readonly Span[]): NumberMention[] {
  const out: NumberMention[] = [];
  let d = 0;
  for (const n of numbers) {
    while (d < dates.length && dates[d]!.end <= n.start) d++;
    if (d < dates.length && dates[d]!.start < n.end) continue;
    out.push(n);
  }
  return out;
}

/** Move a cut point back so it never splits a surrogate pair. */
function safeCut(text: string, at: number): number {
  const c = text.charCodeAt(at - 1);
  return c >= 0xd800 && c <= 0xdbff ? at - 1 : at;
}
