/**
 * The anchors of one article's annotations, kept current as the text changes.
 *
 * Edits made in the editor arrive one by one (`edit`) and move anchors exactly: an anchor
 * before or after an edit shifts, an edit inside an anchor resizes it as long as its text stays
 * close to the quote. An edit that crosses an anchor's boundary or removes it, a text replaced
 * wholesale (`replaceText`: read from disk after another program changed it), and a quote that
 * drifted too far are re-anchored with `matchQuote` at the next read; what cannot be found is an
 * orphan, and orphans are retried whenever the text has changed.
 */
import type { Span } from '../model';
import { matchQuote, MIN_QUOTE_SIMILARITY, similarity, type AnchorMethod } from './matchQuote';
import type { QuoteTarget } from './selectors';

/** Where an annotation sits in the current text, or that it could not be found. */
export type Anchor =
  | { readonly kind: 'anchored'; readonly start: number; readonly end: number; readonly method: AnchorMethod }
  | { readonly kind: 'orphan' };

/** One edit in UTF-16 offsets of the text before it: [start, end) becomes `newText`. */
export interface TextEdit extends Span {
  readonly newText: string;
}

type State =
  | { readonly kind: 'anchored'; readonly start: number; readonly end: number; readonly method: AnchorMethod }
  /** To be re-anchored near `hint` at the next read. */
  | { readonly kind: 'pending'; readonly hint: number }
  /**
   * Not found in the text of revision `triedAt`. Retried after every change; after edits made
   * in the editor only for the exact quote (undo brings it back), after anything else fully.
   */
  | { readonly kind: 'orphan'; readonly hint: number; readonly triedAt: number; readonly fuzzy: boolean };

interface Entry {
  target: QuoteTarget;
  state: State;
}

const ORPHAN: Anchor = { kind: 'orphan' };

export class AnchorSet {
  private current: string;
  /** Bumped by every change of the text. */
  private revision = 0;
  private readonly entries = new Map<string, Entry>();

  constructor(text: string) {
    this.current = text;
  }

  /** The text the anchors describe. */
  get text(): string {
    return this.current;
  }

  /** Ids of the annotations tracked. */
  ids(): IterableIterator<string> {
    return this.entries.keys();
  }

  /**
   * Track an annotation. With `at`, it is anchored there (it was just made from this text);
   * otherwise it is found through its quote and hint at the next read.
   */
  set(id: string, target: QuoteTarget, at?: Span): void {
    const state: State = at ? { kind: 'anchored', start: at.start, end: at.end, method: 'position' } : { kind: 'pending', hint: target.hint ?? 0 };
    this.entries.set(id, { target, state });
  }

  /**
   * Replace an annotation's quote target (its sidecar entry changed), keeping its anchor if
   * the quote is the same or the text at the anchor equals the new quote.
   */
  update(id: string, target: QuoteTarget): void {
    const entry = this.entries.get(id);
    if (!entry) return this.set(id, target);
    const s = entry.state;
    const sameQuote = entry.target.exact === target.exact && entry.target.prefix === target.prefix && entry.target.suffix === target.suffix;
    if (sameQuote || (s.kind === 'anchored' && this.current.slice(s.start, s.end) === target.exact)) {
      entry.target = target;
      return;
    }
    const hint = s.kind === 'anchored' ? s.start : (target.hint ?? s.hint);
    this.entries.set(id, { target, state: { kind: 'pending', hint } });
  }

  /** Stop tracking an annotation (it was removed from the sidecar). */
  delete(id: string): void {
    this.entries.delete(id);
  }

  /** The anchor of an annotation in the current text (undefined when it is not tracked). */
  get(id: string): Anchor | undefined {
    const entry = this.entries.get(id);
    return entry ? this.resolve(entry) : undefined;
  }

  /** Every tracked annotation's anchor. */
  all(): Map<string, Anchor> {
    const out = new Map<string, Anchor>();
    for (const [id, entry] of this.entries) out.set(id, this.resolve(entry));
    return out;
  }

  /** Apply one edit made in the editor. */
  edit(edit: TextEdit): void {
    const { start: s, end: e, newText } = edit;
    this.current = this.current.slice(0, s) + newText + this.current.slice(e);
    this.revision++;
    const delta = newText.length - (e - s);
    const mapPoint = (p: number): number => (p < s ? p : p >= e ? p + delta : s);
    for (const entry of this.entries.values()) {
      const st = entry.state;
      if (st.kind !== 'anchored') {
        entry.state = st.kind === 'pending' ? { kind: 'pending', hint: mapPoint(st.hint) } : { ...st, hint: mapPoint(st.hint), fuzzy: false };
        continue;
      }
      if (e <= st.start) {
        entry.state = { ...st, start: st.start + delta, end: st.end + delta };
      } else if (s >= st.end) {
        // After the anchor (or an insertion right at its end): nothing moves.
      } else if (s >= st.start && e <= st.end) {
        entry.state = this.resized(entry.target, st.start, st.end + delta);
      } else {
        entry.state = { kind: 'pending', hint: s <= st.start ? s : st.start };
      }
    }
  }

  /** The whole text changed at once (re-read from disk): every anchor is found again. */
  replaceText(text: string): void {
    if (text === this.current) return;
    this.current = text;
    this.revision++;
    for (const entry of this.entries.values()) {
      const st = entry.state;
      entry.state = { kind: 'pending', hint: Math.min(st.kind === 'anchored' ? st.start : st.hint, text.length) };
    }
  }

  /** An edit inside an anchor: keep it if what it covers is still close to the quote. */
  private resized(target: QuoteTarget, start: number, end: number): State {
    const length = end - start;
    const exact = target.exact;
    if (length > 0 && Math.abs(length - exact.length) <= exact.length * (1 - MIN_QUOTE_SIMILARITY)) {
      if (similarity(this.current.slice(start, end), exact) >= MIN_QUOTE_SIMILARITY) return { kind: 'anchored', start, end, method: 'tracked' };
    }
    return { kind: 'pending', hint: start };
  }

  private resolve(entry: Entry): Anchor {
    const st = entry.state;
    if (st.kind === 'anchored') return st;
    if (st.kind === 'orphan' && st.triedAt === this.revision) return ORPHAN;
    const hint = st.hint;
    const found = matchQuote(this.current, { ...entry.target, hint }, { fuzzy: st.kind === 'pending' || st.fuzzy });
    entry.state = found ? { kind: 'anchored', start: found.start, end: found.end, method: found.method } : { kind: 'orphan', hint, triedAt: this.revision, fuzzy: true };
    return found ? entry.state : ORPHAN;
  }
}
