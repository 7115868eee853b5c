import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findNumbers } from '../../server/src/core/numbers/findNumbers';

const simple = (text: string, lang: 'en' | 'it') => findNumbers(text, lang).map((n) => [n.text, n.value, n.noun ?? null]);

test('digits and words with the noun they count, in English', () => {
  assert.deepEqual(simple('He played 331 games and scored thirty-one goals in a decade', 'en'), [
    ['331', 331, 'games'],
    ['thirty-one', 31, 'goals'],
    ['a decade', 10, null],
  ]);
});

test('Italian number words, thousands and decimals', () => {
  assert.deepEqual(simple('con 331 presenze e ventuno reti, tre edizioni, 1.000 tifosi e 2,5 milioni', 'it'), [
    ['331', 331, 'presenze'],
    ['ventuno', 21, 'reti'],
    ['tre', 3, 'edizioni'],
    ['1.000', 1000, 'tifosi'],
    ['2,5', 2.5, 'milioni'],
  ]);
});

test('"altrettante" stands for the count just given', () => {
  const [n] = findNumbers('e altrettante supercoppe di Spagna', 'it');
  assert.equal(n!.form, 'anaphor');
  assert.equal(n!.noun, 'supercoppe');
});

test('articles are not counts, and digits inside words are not numbers', () => {
  assert.deepEqual(simple('a game, una partita, U21 and teCw4uBzRo', 'en'), []);
  assert.deepEqual(simple('the 3rd title and the 2° posto', 'en'), []);
});
