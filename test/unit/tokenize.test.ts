import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TokenFlag, TokenKind, tokenAt, tokenize, tokenText, type Tokens } from '../../server/src/core/text/tokenize';

function texts(t: Tokens): string[] {
  const out: string[] = [];
  for (let i = 0; i < t.count; i++) out.push(tokenText(t, i));
  return out;
}

function words(text: string): string[] {
  return texts(tokenize(text));
}

/** Tokens are inside the range, ordered, non-empty, and never split a surrogate pair. */
function assertValid(text: string, t: Tokens, start = 0, end = text.length): void {
  let last = start;
  for (let i = 0; i < t.count; i++) {
    const s = t.starts[i]!;
    const e = t.ends[i]!;
    assert.ok(s >= last && e > s && e <= end, `token ${i} [${s}, ${e}) out of order or range`);
    for (const o of [s, e]) {
      if (o > 0 && o < text.length) {
        const before = text.charCodeAt(o - 1);
        const after = text.charCodeAt(o);
        const splitsPair = before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
        assert.ok(!splitsPair, `token ${i} boundary ${o} splits a surrogate pair`);
      }
    }
    last = e;
  }
}

describe('tokenize', () => {
  it('splits words, punctuation and numbers', () => {
    assert.deepEqual(words('Real Madrid won 3-1, in 2021-22: 1,000 fans and 3.5 goals.'), [
      'Real', 'Madrid', 'won', '3-1', ',', 'in', '2021-22', ':', '1,000', 'fans', 'and', '3.5', 'goals', '.',
    ]);
  });

  it('keeps hyphenated names whole', () => {
    assert.deepEqual(words('Al-Nassr and Paris Saint-Germain'), ['Al-Nassr', 'and', 'Paris', 'Saint-Germain']);
  });

  it('splits Italian elisions after the apostrophe', () => {
    assert.deepEqual(words('dell’Atletico e l\'esonero, c\'è l’Inter'), ['dell’', 'Atletico', 'e', "l'", 'esonero', ',', "c'", 'è', 'l’', 'Inter']);
  });

  it('splits English possessives and clitics before the apostrophe', () => {
    assert.deepEqual(words('Ancelotti’s office, Modric\'s pass, don\'t'), ['Ancelotti', '’s', 'office', ',', 'Modric', "'s", 'pass', ',', 'do', "n't"]);
    assert.deepEqual(words("O'Neill"), ["O'Neill"]);
  });

  it('keeps letters of any script with combining marks', () => {
    assert.deepEqual(words('Vinícius Júnior, Modrić, Mbappe\u0301, Мбаппе, 東京'), ['Vinícius', 'Júnior', ',', 'Modrić', ',', 'Mbappe\u0301', ',', 'Мбаппе', ',', '東京']);
  });

  it('keeps abbreviations, titles, URLs and handles whole', () => {
    assert.deepEqual(words('U.S. Mr. Smith'), ['U.S.', 'Mr.', 'Smith']);
    const t = tokenize('see pic.twitter.com/teCw4uBzRo — @FabrizioRomano, https://example.com/a.');
    assert.deepEqual(texts(t), ['see', 'pic.twitter.com/teCw4uBzRo', '—', '@FabrizioRomano', ',', 'https://example.com/a', '.']);
    assert.equal(t.kinds[1], TokenKind.Url);
    assert.equal(t.kinds[3], TokenKind.Url);
  });

  it('never splits emoji, flags, skin tones or ZWJ sequences', () => {
    const text = 'Gol! 👍🏽 🇮🇹🇪🇸 👨‍👩‍👧 1️⃣ ⚽';
    const t = tokenize(text);
    assert.deepEqual(texts(t), ['Gol', '!', '👍🏽', '🇮🇹', '🇪🇸', '👨‍👩‍👧', '1️⃣', '⚽']);
    assertValid(text, t);
  });

  it('handles lone surrogates, NUL and control characters', () => {
    const text = 'a\uD800b \uDC00c\u0000d\u0007e \uFEFFf';
    const t = tokenize(text);
    assertValid(text, t);
    assert.deepEqual(texts(t), ['a', '\uD800', 'b', '\uDC00', 'c', 'd', 'e', 'f']);
  });

  it('records line breaks for CRLF, CR and LF', () => {
    const t = tokenize('one\r\ntwo\rthree\n\nfour');
    assert.deepEqual(texts(t), ['one', 'two', 'three', 'four']);
    assert.ok(t.flags[1]! & TokenFlag.NewlineBefore);
    assert.ok(t.flags[2]! & TokenFlag.NewlineBefore);
    assert.ok(!(t.flags[2]! & TokenFlag.BlankLineBefore));
    assert.ok(t.flags[3]! & TokenFlag.BlankLineBefore);
    assert.equal(t.flags[0]! & TokenFlag.NewlineBefore, 0);
  });

  it('tokenizes a range with absolute offsets', () => {
    const text = 'Carlo Ancelotti lascerà il Real Madrid';
    const start = text.indexOf('il');
    const t = tokenize(text, start, text.length);
    assert.deepEqual(texts(t), ['il', 'Real', 'Madrid']);
    assert.equal(t.starts[0], start);
    assertValid(text, t, start);
    assert.equal(tokenAt(t, text.indexOf('Madrid') + 2), 2);
  });

  it('is linear on a 1 MB single line and on pathological input', () => {
    for (const text of ['Carlo Ancelotti’s team won 3-1. '.repeat(33000), 'a.'.repeat(500000), 'x'.repeat(1 << 20), '\uD83D'.repeat(1 << 19)]) {
      const t0 = performance.now();
      const t = tokenize(text);
      const ms = performance.now() - t0;
      assert.ok(ms < 2000, `took ${ms.toFixed(0)} ms`);
      assert.ok(t.count > 0);
    }
  });

  it('gives valid tokens for arbitrary strings', () => {
    let seed = 1;
    const rand = (): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
    const alphabet = ['a', 'Z', 'é', 'e\u0301', "'", '’', '-', '.', ',', ' ', '\n', '\r', '\u0000', '1', '\uD83D', '\uDE00', '😀', '🇮', 'ß', '@', '/', ':'];
    for (let k = 0; k < 300; k++) {
      let text = '';
      const n = Math.floor(rand() * 40);
      for (let j = 0; j < n; j++) text += alphabet[Math.floor(rand() * alphabet.length)];
      assertValid(text, tokenize(text));
    }
  });
});
