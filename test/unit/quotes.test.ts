import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findQuotes } from '../../server/src/core/quotes/findQuotes';

const contents = (text: string): string[] => findQuotes(text).map((q) => text.slice(q.contentStart, q.contentEnd));

test('finds quotes in every supported style', () => {
  assert.deepEqual(contents('He said “yes”.'), ['yes']);
  assert.deepEqual(contents('Ha detto «sì».'), ['sì']);
  assert.deepEqual(contents('Er sagte „ja“.'), ['ja']);
  assert.deepEqual(contents('Er sagte „ja”.'), ['ja']);
  assert.deepEqual(contents('He said "yes" twice.'), ['yes']);
  assert.deepEqual(contents('He said ‘yes’ twice.'), ['yes']);
  assert.deepEqual(contents("He said 'yes' twice."), ['yes']);
});

test('apostrophes never open or close a quote', () => {
  for (const text of ['L’avventura di Carlo', 'dell’Atletico Madrid', 'Ancelotti’s office', "Ancelotti's office", "l'esonero", 'the ’90s and the \'90s', "rock 'n' roll", "let 'em play", 'un po’ di tutto']) {
    assert.deepEqual(contents(text), [], text);
  }
  assert.deepEqual(contents('“I entered Ancelotti’s office and L’avventura ended”'), ['I entered Ancelotti’s office and L’avventura ended']);
  assert.deepEqual(contents('He said ‘I was at the ’90s final’ today'), ['I was at the ’90s final']);
});

test('nested quotes carry their depth, and an inner quote left open ends with the outer one', () => {
  const text = '"He told me: ‘Case, I don’t know... I love you! I didn’t want you to leave".';
  const quotes = findQuotes(text);
  assert.equal(quotes.length, 2);
  assert.equal(quotes[0]!.depth, 0);
  assert.equal(quotes[0]!.closed, true);
  assert.equal(quotes[1]!.depth, 1);
  assert.equal(quotes[1]!.closed, false);
  assert.ok(quotes[1]!.end <= quotes[0]!.end);
});

test('a quote reopened at each paragraph spans the paragraphs', () => {
  const text = '“First paragraph of the quote.\n\n“Second paragraph,” he said.';
  const quotes = findQuotes(text);
  assert.equal(quotes.length, 1);
  assert.equal(quotes[0]!.start, 0);
  assert.equal(text.slice(quotes[0]!.end - 1, quotes[0]!.end), '”');
});

test('an unterminated quote ends at the end of its paragraph', () => {
  const text = 'He said “this never closes.\n\nNext paragraph “closed”.';
  const quotes = findQuotes(text);
  assert.equal(quotes.length, 2);
  assert.equal(quotes[0]!.closed, false);
  assert.equal(text.slice(quotes[0]!.contentStart, quotes[0]!.contentEnd), 'this never closes.');
  assert.equal(quotes[1]!.closed, true);
});

test('hostile input stays linear and valid', () => {
  const many = '“'.repeat(200_000) + '"'.repeat(200_000) + '«'.repeat(100_000);
  const quotes = findQuotes(many);
  for (const q of quotes) assert.ok(q.start >= 0 && q.end <= many.length && q.start < q.end && q.depth < 8);
  assert.ok(findQuotes('\ud800"\udfff"').length <= 1);
});
