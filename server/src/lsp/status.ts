/** The per-article summary the client shows in its status bar. */
import type { Analysis } from './analyses';
import type { ArticleStatus } from '../protocol/messages';

export { STATUS_NOTIFICATION } from '../protocol/messages';

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
