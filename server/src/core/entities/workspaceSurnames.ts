/**
 * Workspace surnames, shared by the editor's workspace index and `touchline check`: a person
 * the knowledge base does not know, named in full in one article ("Hansi Flick"), lends that
 * identity to a bare "Flick" in another article. Only surnames that name a single person count.
 */
import { fold } from '../kb';
import type { Article } from '../model';

/** What an article contributes and what it could borrow. */
export interface ArticleNames {
  /** Unknown people named in full (two words or more), as written. */
  readonly full: readonly string[];
  /** Unknown people named by one word only, folded: candidates for a workspace surname. */
  readonly lone: readonly string[];
}

/** The article's unlinked person names (the editor reads the same mentions: kind `name`). */
export function articleNames(article: Article): ArticleNames | undefined {
  const full = new Set<string>();
  const lone = new Set<string>();
  for (const m of article.entities) {
    if (m.type !== 'person' || m.entityId || m.kind !== 'name') continue;
    if (m.text.split(/\s+/).length >= 2) full.add(m.text);
    else lone.add(fold(m.text));
  }
  return full.size > 0 || lone.size > 0 ? { full: [...full], lone: [...lone] } : undefined;
}

export class WorkspaceSurnames {
  /** Full name by folded surname; null once two different people share the surname. */
  private readonly byFold = new Map<string, string | null>();

  add(fullNames: readonly string[]): void {
    for (const name of fullNames) {
      const words = name.split(/\s+/);
      const key = fold(words[words.length - 1]!);
      const seen = this.byFold.get(key);
      if (seen === undefined) this.byFold.set(key, name);
      else if (seen !== null && fold(seen) !== fold(name)) this.byFold.set(key, null);
    }
  }

  /** Whether a folded one-word name is the surname of a single person named in full somewhere. */
  has(lone: string): boolean {
    return typeof this.byFold.get(lone) === 'string';
  }

  /** The map the analysis context takes (`workspaceSurnames`), as entries for a worker. */
  entries(): [string, string][] {
    const out: [string, string][] = [];
    for (const [k, v] of this.byFold) if (v !== null) out.push([k, v]);
    return out;
  }
}
