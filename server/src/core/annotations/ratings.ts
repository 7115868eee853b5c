/**
 * The ratings a fact-checker gives a claim: ids stored in sidecars, labels shown in the editor
 * (English and Italian), and where each sits on the ClaimReview truth scale.
 */
import type { Language } from '../model';

/** Rating ids, as stored in an annotation's `assessing` body. */
export type RatingId = 'verified' | 'false' | 'misleading' | 'needs-source' | 'opinion';

/** One rating: its id, labels, and its ClaimReview rating. */
export interface Rating {
  readonly id: RatingId;
  /** Short labels for menus, hovers and hints. */
  readonly label: Readonly<Record<Language, string>>;
  /** A glyph for inline hints. */
  readonly symbol: string;
  /** ClaimReview `reviewRating.alternateName`. */
  readonly alternateName: string;
  /** ClaimReview `reviewRating.ratingValue` on the scale `RATING_SCALE`. */
  readonly ratingValue: number;
}

/**
 * The ClaimReview scale: 1 (false) to 4 (verified). "Needs source" and "opinion" both sit at 3:
 * neither can be called true or false as written; `alternateName` tells them apart.
 */
export const RATING_SCALE = { worstRating: 1, bestRating: 4 } as const;

/** Every rating, in the order menus list them. */
export const RATINGS: readonly Rating[] = [
  { id: 'verified', label: { en: 'verified', it: 'verificata' }, symbol: '✓', alternateName: 'True', ratingValue: 4 },
  { id: 'false', label: { en: 'false', it: 'falsa' }, symbol: '✗', alternateName: 'False', ratingValue: 1 },
  { id: 'misleading', label: { en: 'misleading', it: 'fuorviante' }, symbol: '≈', alternateName: 'Misleading', ratingValue: 2 },
  { id: 'needs-source', label: { en: 'needs source', it: 'serve una fonte' }, symbol: '?', alternateName: 'Unproven: needs a source', ratingValue: 3 },
  { id: 'opinion', label: { en: 'opinion', it: 'opinione' }, symbol: '❝', alternateName: 'Opinion, not a checkable fact', ratingValue: 3 },
];

const BY_ID = new Map<string, Rating>(RATINGS.map((r) => [r.id, r]));

/** The rating with this id, or undefined for anything else. */
export function ratingById(id: string): Rating | undefined {
  return BY_ID.get(id);
}

/** True when `id` names a rating. */
export function isRatingId(id: unknown): id is RatingId {
  return typeof id === 'string' && BY_ID.has(id);
}
