/**
 * The cross-article index of `touchline check`: every article's comparable claims (subject,
 * property, qualifiers, value, date, and where the value is written), keyed as the editor's
 * workspace index keys them (`claimKey`). It is all that is kept of an article after the
 * first pass, so memory is bounded by the claims, not the texts.
 *
 * After the first pass it names the articles that have a claim some other article states
 * differently (the only ones a cross-article rule can flag), and hands each of them the other
 * articles' claims for the second pass.
 */
import type { ForeignClaim } from '../core/checks';
import { claimKey } from '../core/checks/claimKey';
import type { IndexedClaim, Located } from './checkFile';

export class ClaimIndex {
  /** Claims by key, then by article (file URI). */
  private readonly byKey = new Map<string, Map<string, IndexedClaim[]>>();
  /** Claims by article, to locate related places in other articles. */
  private readonly bySource = new Map<string, IndexedClaim[]>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  add(claims: readonly IndexedClaim[]): void {
    for (const c of claims) {
      const key = claimKey(c.claim);
      let bySource = this.byKey.get(key);
      if (!bySource) this.byKey.set(key, (bySource = new Map()));
      const list = bySource.get(c.source);
      if (list) list.push(c);
      else bySource.set(c.source, [c]);
      const own = this.bySource.get(c.source);
      if (own) own.push(c);
      else this.bySource.set(c.source, [c]);
      this.count++;
    }
  }

  /** Replaces an article's claims (after it was analysed again). */
  replace(source: string, claims: readonly IndexedClaim[]): void {
    const old = this.bySource.get(source) ?? [];
    for (const c of old) {
      const key = claimKey(c.claim);
      const bySource = this.byKey.get(key);
      bySource?.delete(source);
      if (bySource?.size === 0) this.byKey.delete(key);
    }
    this.count -= old.length;
    this.bySource.delete(source);
    this.add(claims);
  }

  /** The subject keys of an article's claims. */
  subjects(source: string): Set<string> {
    return new Set((this.bySource.get(source) ?? []).map((c) => c.claim.subjectKey));
  }

  /**
   * Articles with a claim that another article states with a different value, each with
   * every claim of other articles under the keys it has (what the editor's `otherClaims`
   * returns).
   */
  disagreements(): Map<string, ForeignClaim[]> {
    const candidates = new Set<string>();
    for (const bySource of this.byKey.values()) {
      if (bySource.size < 2) continue;
      const values = new Set<string>();
      for (const claims of bySource.values()) for (const c of claims) values.add(JSON.stringify(c.claim.value));
      if (values.size > 1) for (const source of bySource.keys()) candidates.add(source);
    }
    const out = new Map<string, ForeignClaim[]>();
    for (const source of candidates) {
      const foreign: ForeignClaim[] = [];
      for (const key of new Set((this.bySource.get(source) ?? []).map((c) => claimKey(c.claim)))) {
        for (const [other, claims] of this.byKey.get(key) ?? []) if (other !== source) foreign.push(...claims);
      }
      out.set(source, foreign);
    }
    return out;
  }

  /** Where a claim value of another article is written, when the span is one of its claims' values. */
  position(source: string, start: number, end: number): Located | undefined {
    for (const c of this.bySource.get(source) ?? []) {
      if (c.claim.valueSpan.start === start && c.claim.valueSpan.end === end) return c.at;
    }
    return undefined;
  }
}
