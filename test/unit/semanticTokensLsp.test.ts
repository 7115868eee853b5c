import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeArticle } from '../../server/src/core/analyze';
import { LineIndex } from '../../server/src/core/positions';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { legend, semanticTokens } from '../../server/src/lsp/features/semanticTokens';
import { bundledContext } from './claimsHelpers';

/** Decode LSP semantic tokens back to [text, type] using the document's own lines. */
function decode(text: string, data: readonly number[]): [string, string][] {
  const lines = text.split(/\r\n|\r|\n/);
  const out: [string, string][] = [];
  let line = 0;
  let char = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i]!;
    char = data[i] === 0 ? char + data[i + 1]! : data[i + 1]!;
    out.push([lines[line]!.slice(char, char + data[i + 2]!), legend.tokenTypes[data[i + 3]!]!]);
  }
  return out;
}

test('tokens are exact in UTF-16 around emoji, flags, combining accents and CRLF, and never split a surrogate pair', async () => {
  const text = '🇮🇹 Carlo Ancelotti 👍🏽 met Casemiro.\r\nSaid Mbappe\u0301: “Real Madrid 🤍 forever and ever”.\r\n';
  const article = analyzeArticle(text, DEFAULT_SETTINGS, await bundledContext());
  const tokens = semanticTokens({ uri: 'file:///t.txt', version: 1, article, lines: new LineIndex(text) });
  const decoded = decode(text, tokens.data);
  assert.deepEqual(
    decoded.filter(([, type]) => type !== 'quote'),
    [
      ['Carlo Ancelotti', 'person'],
      ['Casemiro', 'person'],
      ['Mbappe\u0301', 'person'], // the combining accent stays inside the token
      ['Real Madrid', 'team'],
    ],
  );
  // Every token's text is a well-formed string: no lone surrogate at either end.
  for (const [t] of decoded) assert.ok(!/^[\udc00-\udfff]|[\ud800-\udbff]$/.test(t), JSON.stringify(t));
  // The quote is split around the team inside it and keeps the emoji whole.
  assert.deepEqual(decoded.filter(([, type]) => type === 'quote').map(([t]) => t), ['“', ' 🤍 forever and ever”']);
});

test('a quote spanning lines becomes one token per line', async () => {
  const text = 'He said: “first line\nsecond line” and left.';
  const article = analyzeArticle(text, DEFAULT_SETTINGS, await bundledContext());
  const decoded = decode(text, semanticTokens({ uri: 'file:///q.txt', version: 1, article, lines: new LineIndex(text) }).data);
  assert.deepEqual(decoded, [['“first line', 'quote'], ['second line”', 'quote']]);
});
