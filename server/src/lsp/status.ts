/** The per-article summary the client shows in its status bar. */
import type { Analysis } from './analyses';

export const STATUS_NOTIFICATION = 'touchline/articleStatus';

export interface ArticleStatus {
  readonly uri: string;
  readonly version: number;
  readonly language: string;
  readonly entities: number;
  readonly linked: number;
  readonly findings: number;
  /** Offset where analysis stopped for a file over the size limit. */
  readonly truncatedAt?: number;
  /** Why the file was not analysed at all. */
  readonly skipped?: 'binary';
}

export function articleStatus(analysis: Analysis, findings: number): ArticleStatus {
  const names = analysis.article.entities.filter((e) => e.kind !== 'pronoun' && e.kind !== 'anaphor');
  return {
    uri: analysis.uri,
    version: analysis.version,
    language: analysis.article.language,
    entities: new Set(names.map((e) => e.key)).size,
    linked: new Set(names.filter((e) => e.entityId).map((e) => e.key)).size,
    findings,
    ...(analysis.article.truncatedAt !== undefined ? { truncatedAt: analysis.article.truncatedAt } : {}),
    ...(analysis.skipped ? { skipped: analysis.skipped } : {}),
  };
}
