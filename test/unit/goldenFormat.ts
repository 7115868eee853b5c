/**
 * The compact form of an analysis kept in golden fixtures: what a reviewer checks by hand
 * (entities with type and link, dates with values, quotes with speakers, claims).
 */
import type { Article } from '../../server/src/core/model';

export function goldenOf(article: Article): Record<string, unknown> {
  const slice = (s: { start: number; end: number }): string => article.text.slice(s.start, s.end);
  return {
    language: article.language,
    date: article.date ? `${article.date.value} (${article.date.precision})` : null,
    entities: article.entities.map((e) => `${slice(e)} | ${e.type} | ${e.entityId ?? 'unknown'} | ${e.kind}`),
    dates: article.dates.map((d) => `${slice(d)} | ${d.value} | ${d.precision}${d.relative ? ' | relative' : ''}`),
    quotes: article.quotes.map((q) => `${slice(q).slice(0, 50)}${q.end - q.start > 50 ? '…' : ''} | depth ${q.depth} | ${q.speaker ? `${q.speaker.name} (${q.speaker.cue})` : 'no speaker'}`),
    claims: article.claims.map((c) => `${c.property} | ${c.subjectKey} | ${Array.isArray(c.value) ? c.value.join(', ') : String(c.value)} | ${Object.entries(c.qualifiers).map(([k, v]) => `${k}=${v}`).join(' ')}`),
  };
}
