/** What the rules can consult besides the article: the knowledge base and the workspace's other claims. */
import type { KnowledgeBase } from '../kb';
import type { ArticleDate, Claim, Language } from '../model';

/** A claim made in another article. */
export interface ForeignClaim {
  /** URI (editor) or path (CLI) of the other article. */
  readonly source: string;
  readonly claim: Claim;
  readonly date?: ArticleDate;
  readonly language: Language;
}

export interface CheckEnvironment {
  readonly kb?: KnowledgeBase;
  /** Claims of other articles with the same subject and property (never the article's own). */
  readonly otherClaims?: (claim: Claim) => readonly ForeignClaim[];
}
