/**
 * schema.org ClaimReview JSON-LD for each rated claim: what was claimed (the sentence), the
 * rating on the scale of `ratings.ts`, who rated it and when, and where the claim appeared
 * (the article and its date).
 */
import type { Article, Span } from '../model';
import type { PlacedTag } from './attach';
import { RATING_SCALE, ratingById } from './ratings';

/** An article with its placed tags, for export. */
export interface TaggedArticle {
  /** How records name the article: a path relative to the workspace or the working folder. */
  readonly file: string;
  /** The article's address, for `itemReviewed.appearance.url`. */
  readonly url: string;
  readonly article: Article;
  readonly tags: readonly PlacedTag[];
}

/**
 * Where reviews are published (`touchline.claimReview.url`): `{id}` is replaced by the tag's
 * UUID; an address without `{id}` gets `#<uuid>` appended; empty means the tag's own
 * `urn:uuid:` id.
 */
export function reviewUrl(template: string, annotationId: string): string {
  const uuid = annotationId.replace(/^urn:uuid:/i, '');
  const base = template.trim();
  if (base === '') return annotationId;
  return base.includes('{id}') ? base.replaceAll('{id}', encodeURIComponent(uuid)) : `${base}#${encodeURIComponent(uuid)}`;
}

/** One ClaimReview object per rated tag of `tagged`. */
export function claimReviews(tagged: TaggedArticle, urlTemplate: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const articleDate = tagged.article.date?.value;
  for (const placed of tagged.tags) {
    const rating = placed.tag.rating ? ratingById(placed.tag.rating) : undefined;
    if (!rating) continue;
    const claimed = placed.anchor.kind === 'anchored' ? sentenceAround(tagged.article, placed.claim ?? placed.anchor) : placed.tag.exact;
    const review: Record<string, unknown> = {
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      identifier: placed.annotation.id,
      url: reviewUrl(urlTemplate, placed.annotation.id),
      claimReviewed: claimed,
      datePublished: (placed.tag.ratedAt ?? placed.tag.modified).slice(0, 10),
      author: { '@type': 'Person', name: placed.tag.ratedBy ?? placed.tag.creator },
      reviewRating: {
        '@type': 'Rating',
        ratingValue: rating.ratingValue,
        bestRating: RATING_SCALE.bestRating,
        worstRating: RATING_SCALE.worstRating,
        alternateName: rating.alternateName,
      },
      itemReviewed: {
        '@type': 'Claim',
        ...(articleDate ? { datePublished: articleDate } : {}),
        appearance: { '@type': 'CreativeWork', url: tagged.url, ...(articleDate ? { datePublished: articleDate } : {}) },
      },
    };
    if (placed.tag.comment) review['reviewBody'] = placed.tag.comment;
    out.push(review);
  }
  return out;
}

/** The sentence holding `span`, with its whitespace tidied (the span's own text when no sentence holds it). */
export function sentenceAround(article: Article, span: Span): string {
  const sentence = article.sentences.find((s) => s.start <= span.start && span.end <= s.end);
  const text = sentence ? article.text.slice(sentence.start, sentence.end) : article.text.slice(span.start, span.end);
  return text.replace(/\s+/g, ' ').trim();
}
