import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AnchorSet, type Anchor } from '../../server/src/core/annotations/anchorSet';
import { matchQuote, MIN_QUOTE_SIMILARITY, similarity } from '../../server/src/core/annotations/matchQuote';
import { selectorsFor, type QuoteTarget } from '../../server/src/core/annotations/selectors';
import type { Span } from '../../server/src/core/model';
import { Rng } from '../../scripts/fuzz/rng';

const ARTICLE = readFileSync(resolve(__dirname, '../../samples/000_691f7d17e64d9296.txt'), 'utf8');

function targetAt(text: string, span: Span): QuoteTarget {
  const [quote] = selectorsFor(text, span);
  return { exact: quote.exact, prefix: quote.prefix ?? '', suffix: quote.suffix ?? '', hint: span.start };
}

function spanOf(text: string, quote: string, from = 0): Span {
  const start = text.indexOf(quote, from);
  assert.ok(start >= 0, `${quote} not in text`);
  return { start, end: start + quote.length };
}

test('a quote still at its position is found there', () => {
  const span = spanOf(ARTICLE, '331 games');
  assert.deepEqual(matchQuote(ARTICLE, targetAt(ARTICLE, span)), { ...span, method: 'position' });
});

test('a quote that moved is found by its text, the occurrence whose context matches', () => {
  const span = spanOf(ARTICLE, '331 games');
  const target = targetAt(ARTICLE, span);
  const edited = `A new first paragraph, added elsewhere.\n\n${ARTICLE}`;
  const m = matchQuote(edited, target);
  assert.equal(m?.method, 'quote');
  assert.equal(m!.start, span.start + 41);
  // Two occurrences: the one with the original context wins even when the other is nearer the hint.
  const decoy = `played 331 games for nobody. ${ARTICLE}`;
  const m2 = matchQuote(decoy, { ...target, hint: 10 });
  assert.equal(decoy.slice(m2!.start - 20, m2!.end), ARTICLE.slice(span.start - 20, span.end));
});

test('a quote edited a little is found fuzzily; one rewritten is not', () => {
  const span = spanOf(ARTICLE, 'won 5 UEFA Champions League');
  const target = targetAt(ARTICLE, span);
  const edited = ARTICLE.replace('won 5 UEFA Champions League', 'won five UEFA Champions League').replace('Advertisement', 'Ad');
  const m = matchQuote(edited, target);
  assert.equal(m?.method, 'fuzzy');
  assert.ok(similarity(edited.slice(m!.start, m!.end), target.exact) >= MIN_QUOTE_SIMILARITY);
  assert.equal(matchQuote(ARTICLE.replace('won 5 UEFA Champions League', 'lifted the European Cup many times'), target), undefined);
});

test('a quote whose text is gone is not attached to the same words elsewhere with other surroundings', () => {
  const text = 'Casemiro played 331 games for the club. Elsewhere, the stadium hosted 331 games in a decade of football.';
  const span = spanOf(text, '331 games');
  const target = targetAt(text, span);
  const deleted = text.slice(0, span.start) + text.slice(span.end);
  assert.equal(matchQuote(deleted, target), undefined);
});

test('edits before, after and inside an anchor move it exactly; deleting its text orphans it', () => {
  const text = 'Casemiro played 331 games for the club and scored 31 goals.';
  const set = new AnchorSet(text);
  const games = spanOf(text, '331 games');
  const goals = spanOf(text, '31 goals');
  set.set('g', targetAt(text, games), games);
  set.set('s', targetAt(text, goals), goals);
  set.edit({ start: 0, end: 0, newText: 'Brazilian ' });
  set.edit({ start: set.text.indexOf('331') + 2, end: set.text.indexOf('331') + 3, newText: '3' });
  const a = set.get('g') as Extract<Anchor, { kind: 'anchored' }>;
  assert.equal(set.text.slice(a.start, a.end), '333 games');
  assert.equal(a.method, 'tracked');
  const s = set.get('s') as Extract<Anchor, { kind: 'anchored' }>;
  assert.equal(set.text.slice(s.start, s.end), '31 goals');
  // Delete exactly the claim's text.
  set.edit({ start: s.start, end: s.end, newText: '' });
  assert.deepEqual(set.get('s'), { kind: 'orphan' });
  // Undo brings it back.
  set.edit({ start: s.start, end: s.start, newText: '31 goals' });
  assert.equal((set.get('s') as Extract<Anchor, { kind: 'anchored' }>).start, s.start);
});

test('a text replaced wholesale (read from disk) re-anchors every annotation', () => {
  const set = new AnchorSet(ARTICLE);
  const span = spanOf(ARTICLE, '3 La Liga');
  set.set('x', targetAt(ARTICLE, span), span);
  const changed = ARTICLE.replace('Casemiro spent almost a decade', 'Casemiro, the Brazilian, spent almost a decade');
  set.replaceText(changed);
  const a = set.get('x') as Extract<Anchor, { kind: 'anchored' }>;
  assert.equal(changed.slice(a.start, a.end), '3 La Liga');
  assert.equal(a.start, span.start + ', the Brazilian,'.length);
});

test('code points are stored, UTF-16 is used: a quote after emoji keeps its place', () => {
  const text = '🏆🏆 Casemiro played 331 games 🏆 for the club.';
  const span = spanOf(text, '331 games');
  const [, position] = selectorsFor(text, span);
  assert.equal(position.start, span.start - 2);
  assert.equal(position.end - position.start, '331 games'.length);
});

// --- property test -------------------------------------------------------------------------


const WORDS = ['the', 'club', '331', 'games', ' ', ', ', '. ', 'città', '⚽', 'Real Madrid', 'gol', '\n\n', 'said', 'ha vinto', '3'];

interface Truth {
  /** Where the tagged characters are, while no edit has touched them. */
  span: Span | undefined;
  readonly exact: string;
}

function randomEdit(text: string, truths: readonly Truth[], random: () => number): { start: number; end: number; newText: string } {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const words = () => Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(WORDS)).join('');
  const live = truths.filter((t) => t.span);
  const r = random();
  let start: number;
  let end: number;
  if (r < 0.1 && live.length > 0) {
    // Exactly the tagged text: deleted or replaced.
    const s = pick(live).span!;
    return { start: s.start, end: s.end, newText: random() < 0.5 ? '' : words() };
  } else if (r < 0.3 && live.length > 0) {
    // Inside a tag.
    const s = pick(live).span!;
    start = s.start + Math.floor(random() * (s.end - s.start));
    end = Math.min(s.end, start + Math.floor(random() * 3));
  } else if (r < 0.7 && live.length > 0) {
    // Around a tag: across a boundary or in its context.
    const s = pick(live).span!;
    start = Math.max(0, Math.min(text.length, s.start - 40 + Math.floor(random() * (s.end - s.start + 80))));
    end = Math.min(text.length, start + Math.floor(random() * 12));
  } else {
    // Anywhere.
    start = Math.floor(random() * text.length);
    end = Math.min(text.length, start + Math.floor(random() * 20));
  }
  const kind = random();
  return { start, end: kind < 0.4 ? start : end, newText: kind < 0.7 ? words() : kind < 0.85 ? '' : words() };
}

/** Where a point goes through an edit, or undefined when the edit touches the span. */
function follow(span: Span, e: { start: number; end: number; newText: string }): Span | undefined {
  const delta = e.newText.length - (e.end - e.start);
  if (e.end <= span.start && !(e.start === e.end && e.start === span.start && false)) return { start: span.start + delta, end: span.end + delta };
  if (e.start >= span.end) return span;
  return undefined;
}

function pickTags(text: string, random: () => number, count: number): Span[] {
  const spans: Span[] = [];
  for (let tries = 0; spans.length < count && tries < 1000; tries++) {
    const start = Math.floor(random() * (text.length - 40));
    const s = text.lastIndexOf(' ', start) + 1;
    const e = text.indexOf(' ', s + 4 + Math.floor(random() * 20));
    if (e < 0 || e - s < 4 || spans.some((x) => x.start < e + 2 && s < x.end + 2)) continue;
    spans.push({ start: s, end: e });
  }
  return spans;
}

function checkInvariant(text: string, anchors: Map<string, Anchor>, truths: readonly Truth[], strict: boolean, context: string): void {
  truths.forEach((truth, i) => {
    const anchor = anchors.get(String(i))!;
    if (anchor.kind === 'orphan') {
      // An orphan is allowed only when the tagged text was touched.
      if (strict) assert.equal(truth.span, undefined, `${context}: tag ${i} (“${truth.exact}”) orphaned although untouched`);
      return;
    }
    assert.ok(anchor.start >= 0 && anchor.end <= text.length && anchor.start < anchor.end, `${context}: tag ${i} out of range`);
    const now = text.slice(anchor.start, anchor.end);
    assert.ok(similarity(now, truth.exact) >= MIN_QUOTE_SIMILARITY, `${context}: tag ${i} on “${now}”, far from its quote “${truth.exact}”`);
    if (strict && truth.span) assert.deepEqual({ start: anchor.start, end: anchor.end }, truth.span, `${context}: tag ${i} moved off its untouched text`);
  });
}

test('property: thousands of random editor edits keep every tag on its quote (or close to it), or orphan it', () => {
  const generator = new Rng(20240419);
  const random = (): number => generator.float();
  let edits = 0;
  for (let round = 0; round < 15; round++) {
    const spans = pickTags(ARTICLE, random, 12);
    const set = new AnchorSet(ARTICLE);
    const truths: Truth[] = spans.map((s, i) => {
      set.set(String(i), targetAt(ARTICLE, s), s);
      return { span: s, exact: ARTICLE.slice(s.start, s.end) };
    });
    for (let step = 0; step < 200; step++, edits++) {
      const e = randomEdit(set.text, truths, random);
      set.edit(e);
      for (const t of truths) t.span = t.span ? follow(t.span, e) : undefined;
      checkInvariant(set.text, set.all(), truths, true, `round ${round}, edit ${step}`);
    }
  }
  assert.ok(edits >= 3000);
});

test('property: random edits made outside the editor re-anchor every tag on its quote (or close to it), or orphan it', () => {
  const generator = new Rng(7);
  const random = (): number => generator.float();
  let edits = 0;
  let kept = 0;
  let total = 0;
  for (let round = 0; round < 20; round++) {
    const spans = pickTags(ARTICLE, random, 12);
    const set = new AnchorSet(ARTICLE);
    const truths: Truth[] = spans.map((s, i) => {
      set.set(String(i), targetAt(ARTICLE, s), s);
      return { span: s, exact: ARTICLE.slice(s.start, s.end) };
    });
    let text = ARTICLE;
    for (let batch = 0; batch < 15; batch++) {
      for (let k = 0; k < 5; k++, edits++) {
        const e = randomEdit(text, truths, random);
        text = text.slice(0, e.start) + e.newText + text.slice(e.end);
        for (const t of truths) t.span = t.span ? follow(t.span, e) : undefined;
      }
      set.replaceText(text);
      const anchors = set.all();
      checkInvariant(text, anchors, truths, false, `round ${round}, batch ${batch}`);
      truths.forEach((t, i) => {
        const a = anchors.get(String(i))!;
        if (!t.span) return;
        total++;
        if (a.kind === 'anchored' && a.start === t.span.start && a.end === t.span.end) kept++;
      });
    }
  }
  assert.ok(edits >= 1500);
  // Untouched tags come back on their own characters (a rare identical quote-and-context elsewhere aside).
  assert.ok(kept / total > 0.97, `only ${kept} of ${total} untouched tags re-anchored on their own text`);
});
