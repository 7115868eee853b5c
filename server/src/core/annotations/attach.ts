/**
 * Which claim each anchored annotation tags: the claim its anchor overlaps most, preferring a
 * claim of the kind recorded when it was tagged. A claim carries at most one tag; an annotation
 * whose text no longer makes a claim is still listed, on its own.
 */
import type { Claim, Span } from '../model';
import type { Anchor } from './anchorSet';
import type { Annotation, TagView } from './model';
import { tagView } from './tagView';

/** An annotation with where it sits now and the claim it tags, if any. */
export interface PlacedTag {
  readonly annotation: Annotation;
  readonly tag: TagView;
  readonly anchor: Anchor;
  readonly claim?: Claim;
}

/** Place `annotations` (with their anchors) on `claims`. Order follows the annotations. */
export function placeTags(claims: readonly Claim[], annotations: readonly Annotation[], anchors: ReadonlyMap<string, Anchor>): PlacedTag[] {
  const taken = new Set<Claim>();
  const out: PlacedTag[] = [];
  for (const annotation of annotations) {
    const anchor = anchors.get(annotation.id) ?? { kind: 'orphan' };
    const tag = tagView(annotation);
    const claim = anchor.kind === 'anchored' ? bestClaim(claims, anchor, tag.property, taken) : undefined;
    if (claim) taken.add(claim);
    out.push({ annotation, tag, anchor, ...(claim ? { claim } : {}) });
  }
  return out;
}

function bestClaim(claims: readonly Claim[], span: Span, property: string | undefined, taken: ReadonlySet<Claim>): Claim | undefined {
  let best: { claim: Claim; key: [number, number, number] } | undefined;
  for (const claim of claims) {
    if (taken.has(claim)) continue;
    const overlap = Math.min(claim.end, span.end) - Math.max(claim.start, span.start);
    if (overlap <= 0) continue;
    const key: [number, number, number] = [claim.property === property ? 1 : 0, overlap, -Math.abs(claim.start - span.start)];
    if (!best || compare(key, best.key) > 0) best = { claim, key };
  }
  return best?.claim;
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}
