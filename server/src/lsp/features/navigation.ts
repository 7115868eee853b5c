/** References and workspace symbols over the analysed articles, matched by entity key. */
import { SymbolKind, type Location, type Position, type WorkspaceSymbol } from 'vscode-languageserver';
import type { Article, EntityType } from '../../core/model';
import type { LineIndex } from '../../core/positions';

/** An analysed article somewhere in the workspace. */
interface Located {
  readonly uri: string;
  readonly lines: LineIndex;
  readonly article: Article;
}
import { toOffset, toRange } from '../convert';

const KIND: Record<EntityType, SymbolKind> = {
  person: SymbolKind.Object,
  team: SymbolKind.Class,
  competition: SymbolKind.Event,
  place: SymbolKind.Package,
  organization: SymbolKind.Struct,
};

/** Every mention of the entity at `position`, across `articles`. */
export function references(analysis: Located, position: Position, articles: Iterable<Located>, includeDeclaration: boolean): Location[] {
  const offset = toOffset(analysis.lines, position);
  const target = analysis.article.entities.find((e) => e.start <= offset && offset <= e.end && e.kind !== 'pronoun' && e.kind !== 'anaphor');
  if (!target) return [];
  const out: Location[] = [];
  for (const a of articles) {
    for (const e of a.article.entities) {
      if (e.key !== target.key || e.kind === 'pronoun' || e.kind === 'anaphor') continue;
      if (!includeDeclaration && a.uri === analysis.uri && e.start === target.start) continue;
      out.push({ uri: a.uri, range: toRange(a.lines, e) });
    }
  }
  return out;
}

/**
 * Entities across the workspace matching `query` by any of their names: the canonical name,
 * every knowledge-base name (`namesOf`), and the forms the articles use.
 */
export function workspaceSymbols(
  articles: Iterable<Located>,
  query: string,
  nameOf: (key: string, fallback: string) => string,
  namesOf: (key: string) => readonly string[],
): WorkspaceSymbol[] {
  const q = query.toLowerCase();
  const out: WorkspaceSymbol[] = [];
  for (const a of articles) {
    const seen = new Set<string>();
    for (const e of a.article.entities) {
      if (e.kind === 'pronoun' || e.kind === 'anaphor' || seen.has(e.key)) continue;
      seen.add(e.key);
      const name = nameOf(e.key, e.text);
      const forms = [name, e.text, ...namesOf(e.key)];
      if (!forms.some((f) => subsequence(q, f.toLowerCase()))) continue;
      out.push({ name, kind: KIND[e.type], location: { uri: a.uri, range: toRange(a.lines, e) } });
    }
  }
  return out;
}

function subsequence(query: string, text: string): boolean {
  let i = 0;
  for (let j = 0; j < text.length && i < query.length; j++) if (text[j] === query[i]) i++;
  return i === query.length;
}
