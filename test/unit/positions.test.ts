import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codePointsToUtf16, LineIndex, utf16ToCodePoints } from '../../server/src/core/positions';

test('line index handles LF, CRLF and lone CR line ends', () => {
  const text = 'ab\r\ncd\ref\ngh';
  const index = new LineIndex(text);
  assert.equal(index.lineCount, 4);
  assert.deepEqual(index.positionAt(text.indexOf('c')), { line: 1, character: 0 });
  assert.deepEqual(index.positionAt(text.indexOf('f')), { line: 2, character: 1 });
  assert.deepEqual(index.positionAt(text.indexOf('h')), { line: 3, character: 1 });
  assert.equal(index.lineEnd(0), 2);
  assert.equal(index.lineEnd(1), 6);
});

test('positions count UTF-16 units, so an emoji takes two characters', () => {
  const text = '⚽️ Casemiro\n👍🏽 Modrić';
  const index = new LineIndex(text);
  assert.deepEqual(index.positionAt(text.indexOf('Casemiro')), { line: 0, character: 3 });
  assert.deepEqual(index.positionAt(text.indexOf('Modrić')), { line: 1, character: 5 });
  assert.equal(index.offsetAt({ line: 1, character: 5 }), text.indexOf('Modrić'));
});

test('offsetAt clamps past the end of a line and outside the text', () => {
  const index = new LineIndex('abc\r\ndef');
  assert.equal(index.offsetAt({ line: 0, character: 99 }), 3);
  assert.equal(index.offsetAt({ line: 9, character: 0 }), 8);
  assert.equal(index.offsetAt({ line: -1, character: 4 }), 0);
  assert.deepEqual(index.positionAt(99), { line: 1, character: 3 });
});

test('code points and UTF-16 offsets convert both ways, lone surrogates counting as one', () => {
  const text = 'a🇮🇹b\ud800c';
  assert.equal(utf16ToCodePoints(text, text.indexOf('b')), 3);
  assert.equal(codePointsToUtf16(text, 3), text.indexOf('b'));
  assert.equal(utf16ToCodePoints(text, text.length), 6);
  assert.equal(codePointsToUtf16(text, 6), text.length);
  assert.equal(codePointsToUtf16(text, 99), text.length);
});

test('line starts are the same whichever line ends a text uses', () => {
  const lf = 'one\ntwo\n\nthree\n';
  for (const text of [lf, lf.replace(/\n/g, '\r\n'), lf.replace(/\n/g, '\r')]) {
    const index = new LineIndex(text);
    assert.equal(index.lineCount, 5, JSON.stringify(text));
    const lines = [0, 1, 2, 3, 4].map((line) => text.slice(index.lineStart(line), index.lineEnd(line)));
    assert.deepEqual(lines, ['one', 'two', '', 'three', ''], JSON.stringify(text));
  }
  const mixed = new LineIndex('one\r\ntwo\nthree\rfour');
  assert.deepEqual([0, 1, 2, 3].map((line) => mixed.lineStart(line)), [0, 5, 9, 15]);
  assert.equal(new LineIndex('no break').lineCount, 1);
});
