/**
 * The article's outline: people, teams, competitions, places, organizations, dates, quotes
 * and claims, grouped by kind. Each entity appears once, at its first mention.
 */
import type { Article, EntityType, Span } from '../model';

export type OutlineKind = EntityType | 'date' | 'quote' | 'claim';

export interface OutlineItem {
  readonly name: string;
  readonly detail?: string;
  readonly kind: OutlineKind;
  /** The whole item (for an entity: its first mention). */
  readonly span: Span;
  readonly children?: readonly OutlineItem[];
}

const GROUPS: readonly { kind: OutlineKind; title: string }[] = [
  { kind: 'person', title: 'People' },
  { kind: 'team', title: 'Teams' },
  { kind: 'competition', title: 'Competitions' },
  { kind: 'place', title: 'Places' },
  { kind: 'organization', title: 'Organizations' },
  { kind: 'date', title: 'Dates' },
  { kind: 'quote', title: 'Quotes' },
  { kind: 'claim', title: 'Claims' },
];

/** Longest quote text shown in the outline before it is cut with an ellipsis. */
const QUOTE_PREVIEW = 60;

/** Build the outline. `nameOf` gives an entity's display name (canonical when linked). */
export function outline(article: Article, nameOf: (key: string, fallback: string) => string): OutlineItem[] {
  const byKind = new Map<OutlineKind, OutlineItem[]>();
  const add = (item: OutlineItem): void => {
    const list = byKind.get(item.kind) ?? [];
    list.push(item);
    byKind.set(item.kind, list);
  };

  const seen = new Map<string, { count: number }>();
  for (const e of article.entities) {
    if (e.kind === 'pronoun' || e.kind === 'anaphor') continue;
    const entry = seen.get(e.key);
    if (entry) {
      entry.count++;
      continue;
    }
    seen.set(e.key, { count: 1 });
    add({ name: nameOf(e.key, e.text), kind: e.type, span: e, detail: e.entityId ? undefined : 'not in the knowledge base' });
  }
  for (const d of article.dates) add({ name: d.text, detail: d.value, kind: 'date', span: d });
  for (const q of article.quotes) {
    if (q.depth > 0) continue;
    const content = article.text.slice(q.contentStart, q.contentEnd).replace(/\s+/g, ' ').trim();
    const preview = content.length > QUOTE_PREVIEW ? `${content.slice(0, QUOTE_PREVIEW - 1)}…` : content;
    add({ name: preview || '(empty quote)', detail: q.speaker ? q.speaker.name : 'speaker unknown', kind: 'quote', span: q });
  }
  for (const c of article.claims) {
    add({ name: `${c.property}: ${Array.isArray(c.value) ? c.value.join(', ') : String(c.value)}`, detail: nameOf(c.subjectKey, c.subjectKey), kind: 'claim', span: c });
  }

  const out: OutlineItem[] = [];
  for (const g of GROUPS) {
    const children = byKind.get(g.kind);
    if (!children || children.length === 0) continue;
    // A reduce, not Math.min(...spread): an article may hold more items than a call has arguments.
    const start = children.reduce((m, c) => Math.min(m, c.span.start), Infinity);
    const end = children.reduce((m, c) => Math.max(m, c.span.end), 0);
    out.push({ name: g.title, detail: String(children.length), kind: g.kind, span: { start, end }, children });
  }
  return out;
}
