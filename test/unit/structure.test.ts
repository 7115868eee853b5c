import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findBlocks, findParagraphs, findSentences } from '../../server/src/core/text/structure';
import { detectLanguage } from '../../server/src/core/text/language';

const texts = (text: string, spans: { start: number; end: number }[]): string[] => spans.map((s) => text.slice(s.start, s.end));

test('paragraphs are separated by blank lines, whatever the line ends', () => {
  const text = ' Title\r\n\r\nFirst line\nsecond line\r\r\rLast  ';
  assert.deepEqual(texts(text, findParagraphs(text)), ['Title', 'First line\nsecond line', 'Last']);
});

test('a CRLF line end inside a paragraph does not end the paragraph', () => {
  const text = 'First line\r\nsecond line\r\n\r\nNext\r\nparagraph\r\n';
  assert.deepEqual(texts(text, findParagraphs(text)), ['First line\r\nsecond line', 'Next\r\nparagraph']);
});

test('blocks tile the text, one paragraph each, blank lines going with the paragraph before', () => {
  const text = '\n\nTitle\n \nOne\ntwo\r\n\r\n\r\nThree\n\n';
  const blocks = findBlocks(text);
  assert.deepEqual(texts(text, blocks), ['\n\nTitle\n \n', 'One\ntwo\r\n\r\n\r\n', 'Three\n\n']);
  assert.deepEqual(texts(text, blocks.map((b) => b.paragraph!)), ['Title', 'One\ntwo', 'Three']);
  assert.deepEqual(findBlocks(''), [{ start: 0, end: 0 }]);
  assert.deepEqual(findBlocks(' \n\t'), [{ start: 0, end: 3 }]);
  assert.deepEqual(texts('ab\n\ncd', findBlocks('ab\n\ncd', 3)), ['ab\n']);
});

test('sentences split at terminators but not after abbreviations, initials or decimals', () => {
  const text = 'Mr. Smith scored 2.5 goals. J. Rossi did not! Did he? Yes… and no.\nHeadline without stop\nNext.';
  assert.deepEqual(texts(text, findSentences(text)), ['Mr. Smith scored 2.5 goals.', 'J. Rossi did not!', 'Did he?', 'Yes… and no.', 'Headline without stop', 'Next.']);
});

test('a closing quote after the full stop stays in the sentence', () => {
  const text = 'He said: “It is over.” Then he left.';
  assert.deepEqual(texts(text, findSentences(text)), ['He said: “It is over.”', 'Then he left.']);
});

test('a long run of dotted letters is split in linear time', () => {
  const text = 'a.'.repeat(300_000);
  assert.ok(findSentences(text).length >= 1);
});

test('language detection by function words, robust to a quote in the other language', () => {
  assert.equal(detectLanguage('Carlo Ancelotti lascerà il Real Madrid a fine stagione, malgrado gli accordi ancora in essere. “I love you,” he said.'), 'it');
  assert.equal(detectLanguage('The manager said that the club has won the league. «Grazie a tutti», ha detto.'), 'en');
  assert.equal(detectLanguage('12345 !!!', 'it'), 'it');
});
