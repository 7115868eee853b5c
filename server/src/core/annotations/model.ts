/**
 * The sidecar model: W3C Web Annotation Data Model (JSON-LD), one `AnnotationPage` per
 * article, as `schemas/annotations.schema.json` describes it.
 *
 * - An annotation tags one claim. Its `motivation` is `assessing` when it carries a rating,
 *   `commenting` when it carries only a comment.
 * - Bodies are `TextualBody`s told apart by `purpose`: `assessing` (the rating id, see
 *   `ratings.ts`), `commenting` (free text), `tagging` (the kind of claim tagged, such as
 *   `appearances`). Each body has its own `creator` and `modified`.
 * - The target's `source` is the article's path relative to its workspace folder (a `file:`
 *   URI when it is in none); its selectors are a `TextQuoteSelector` (`exact`, with up to 32
 *   characters of `prefix` and `suffix`) and a `TextPositionSelector` counting **code points**,
 *   as the W3C model says. The analysis core counts UTF-16 units: `selectors.ts` is the one
 *   place that converts.
 *
 * Objects keep every property they were read with (a person may add their own), so a
 * rewrite changes only what Touchline set.
 */
import type { RatingId } from './ratings';

/** The JSON-LD context of the W3C Web Annotation Data Model. */
export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** A person who wrote a tag or comment. */
export interface Agent {
  readonly type: 'Person';
  readonly name: string;
  readonly [extra: string]: unknown;
}

/** The purposes Touchline gives its bodies. */
export type BodyPurpose = 'assessing' | 'commenting' | 'tagging';

/** A `TextualBody`: a rating id, a comment or a tag. */
export interface TextualBody {
  readonly type: 'TextualBody';
  readonly purpose: BodyPurpose;
  readonly value: string;
  readonly format?: string;
  readonly language?: string;
  readonly creator?: Agent;
  readonly created?: string;
  readonly modified?: string;
  readonly [extra: string]: unknown;
}

/** `TextQuoteSelector`: the quoted text and what surrounds it. */
export interface TextQuoteSelector {
  readonly type: 'TextQuoteSelector';
  readonly exact: string;
  readonly prefix?: string;
  readonly suffix?: string;
  readonly [extra: string]: unknown;
}

/** `TextPositionSelector`: code-point offsets into the article, `end` exclusive. */
export interface TextPositionSelector {
  readonly type: 'TextPositionSelector';
  readonly start: number;
  readonly end: number;
  readonly [extra: string]: unknown;
}

/** A target: the article and where in it. */
export interface Target {
  readonly source: string;
  readonly selector: readonly (TextQuoteSelector | TextPositionSelector | Readonly<Record<string, unknown>>)[];
  readonly [extra: string]: unknown;
}

/** One annotation: a tag and/or comment on a claim. */
export interface Annotation {
  readonly id: string;
  readonly type: 'Annotation';
  readonly motivation: 'assessing' | 'commenting';
  readonly created: string;
  readonly modified: string;
  readonly creator: Agent;
  readonly body: readonly (TextualBody | Readonly<Record<string, unknown>>)[];
  readonly target: Target;
  readonly [extra: string]: unknown;
}

/** A sidecar file: the annotations of one article. */
export interface AnnotationPage {
  readonly '@context': string;
  readonly id: string;
  readonly type: 'AnnotationPage';
  readonly items: readonly Annotation[];
  readonly [extra: string]: unknown;
}

/** What Touchline reads from an annotation: its rating, comment and quote. */
export interface TagView {
  readonly id: string;
  readonly rating?: RatingId;
  /** Who set the rating (or created the annotation) and when. */
  readonly ratedBy?: string;
  readonly ratedAt?: string;
  readonly comment?: string;
  readonly commentBy?: string;
  readonly commentAt?: string;
  /** The kind of claim that was tagged (`appearances`, `honours`…), when recorded. */
  readonly property?: string;
  readonly creator: string;
  readonly created: string;
  readonly modified: string;
  /** The quoted text the annotation is anchored to. */
  readonly exact: string;
}
