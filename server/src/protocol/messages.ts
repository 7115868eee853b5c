/**
 * The messages Touchline's server and client exchange beyond standard LSP: command ids,
 * request and notification names and their shapes. Plain data with no imports, so both sides
 * (and any other editor's client) can use them.
 */

/** An LSP range: zero-based lines and UTF-16 characters. */
export interface Range {
  readonly start: { readonly line: number; readonly character: number };
  readonly end: { readonly line: number; readonly character: number };
}

/** The server's process id, for a client checking that a restart happened. */
export const PROCESS_ID_REQUEST = 'touchline/processId';

/** The per-article summary the client shows in its status bar. */
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

/** Server command: set or remove a claim's rating. Arguments: `[ClaimRef, RatingId | null]`. */
export const RATE_COMMAND = 'touchline.annotations.rate';
/** Server command: set or remove a claim's comment. Arguments: `[ClaimRef, string | null]`. */
export const COMMENT_COMMAND = 'touchline.annotations.comment';
/** Server command: delete an annotation (an orphan). Arguments: `[{ uri, annotationId }]`. */
export const DELETE_COMMAND = 'touchline.annotations.delete';
/** Client command: ask for a comment in an input box, then run `COMMENT_COMMAND`. Arguments: `[ClaimRef, current comment]`. */
export const ADD_COMMENT_COMMAND = 'touchline.addComment';

/** The Claims view's request. */
export const CLAIMS_REQUEST = 'touchline/claims';
/** ClaimReview JSON-LD of the workspace's rated claims. */
export const EXPORT_CLAIMREVIEW_REQUEST = 'touchline/exportClaimReview';
/** Sent when tags or claims may have changed (`uri` when one article is concerned). */
export const ANNOTATIONS_CHANGED_NOTIFICATION = 'touchline/annotationsChanged';

/** A claim as commands name it: where it was and what it said when the action was offered. */
export interface ClaimRef {
  readonly uri: string;
  /** UTF-16 offsets of the claim in the article's text. */
  readonly start: number;
  readonly end: number;
  readonly property: string;
  /** The claim's text then: the command refuses if the article changed under it. */
  readonly quote: string;
  /** The annotation already on the claim, if any. */
  readonly annotationId?: string;
}

/** Categories the Claims view filters on: a rating id, `untagged` or `orphan`. */
export type ClaimCategory = string;

export interface ClaimsParams {
  /** Without: the articles. With: that article's claims. */
  readonly uri?: string;
  /** Only these categories (all when absent). */
  readonly categories?: readonly ClaimCategory[];
}

export interface ClaimsArticle {
  readonly uri: string;
  /** Path relative to the workspace folder. */
  readonly name: string;
  /** Entries shown with the filter, and how many there are in all. */
  readonly shown: number;
  readonly total: number;
  readonly orphans: number;
}

export interface ClaimsEntry {
  readonly category: ClaimCategory;
  readonly label: string;
  readonly description: string;
  /** Markdown. */
  readonly tooltip: string;
  /** Where to reveal it: in the article, or (orphans) in the sidecar. */
  readonly target: { readonly uri: string; readonly range: Range };
  /** For tagging from the view (absent for orphans). */
  readonly ref?: ClaimRef;
  readonly annotationId?: string;
  readonly comment?: string;
}

export type ClaimsResult = { readonly articles: readonly ClaimsArticle[] } | { readonly entries: readonly ClaimsEntry[] };

export interface ExportResult {
  readonly json: string;
  readonly count: number;
}

