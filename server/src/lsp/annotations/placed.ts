/**
 * An article with its tags placed: the text and analysis every tag feature reads (the open
 * document's when it is open, the workspace index's otherwise), the sidecar, and where each
 * annotation sits and which claim it tags.
 */
import { placeTags, type PlacedTag } from '../../core/annotations/attach';
import type { Article } from '../../core/model';
import type { LineIndex } from '../../core/positions';
import type { Analyses } from '../analyses';
import type { WorkspaceIndex } from '../workspaceIndex';
import type { AnnotationStore, ArticleAnnotations } from './store';

export interface PlacedArticle {
  readonly uri: string;
  readonly text: string;
  readonly article: Article;
  readonly lines: LineIndex;
  /** Absent for articles that cannot have a sidecar (not saved as a file). */
  readonly entry?: ArticleAnnotations;
  readonly tags: readonly PlacedTag[];
}

export class PlacedArticles {
  constructor(
    private readonly analyses: Analyses,
    private readonly index: WorkspaceIndex,
    private readonly store: AnnotationStore,
  ) {}

  /** The article at `uri` with its tags, or undefined when it is neither open nor indexed. */
  async get(uri: string): Promise<PlacedArticle | undefined> {
    const view = (await this.analyses.get(uri)) ?? this.index.get(uri);
    if (!view) return undefined;
    const { article, lines } = view;
    const entry = await this.store.get(uri);
    const anchors = entry ? this.store.anchorsIn(entry, article.text) : undefined;
    const tags = entry && anchors ? placeTags(article.claims, entry.sidecar.content.annotations, anchors.all()) : [];
    return { uri, text: article.text, article, lines, ...(entry ? { entry } : {}), tags };
  }
}
