import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DateMention, DateValue, Language } from '../../server/src/core/model';
import { findDates, parseDateHeader } from '../../server/src/core/dates';

const FRI: DateValue = { value: '2024-04-19', precision: 'day' };
const samples = resolve(__dirname, '../../samples');

/** Every mention lies in the text, matches its text, and mentions are sorted and disjoint. */
function assertWellFormed(text: string, found: readonly DateMention[]): void {
  let last = 0;
  for (const d of found) {
    assert.ok(d.start >= last && d.start < d.end && d.end <= text.length, `bad span ${d.start}-${d.end}`);
    assert.equal(text.slice(d.start, d.end), d.text);
    last = d.end;
  }
}

test('UTF-16 offsets are exact after emoji, flags and combining accents', () => {
  const text = '⚽🇮🇹 Il 21 aprile 2024 👍🏽 e lunedi\u0300 22 aprile, poi domenica.';
  const found = findDates(text, 'it', FRI);
  assertWellFormed(text, found);
  assert.deepEqual(found.map((d) => [d.start, d.text, d.value]), [
    [text.indexOf('21 aprile'), '21 aprile 2024', '2024-04-21'],
    [text.indexOf('lunedi'), 'lunedi\u0300 22 aprile', '2024-04-22'],
    [text.indexOf('domenica'), 'domenica', '2024-04-14'],
  ]);
  const en = '🏆 On Sunday 🏆, 21 April 2024.';
  assert.deepEqual(findDates(en, 'en', FRI).map((d) => [d.start, d.end]), [
    [en.indexOf('Sunday'), en.indexOf('Sunday') + 6],
    [en.indexOf('21 April'), en.indexOf('2024.') + 4],
  ]);
});

test('CRLF and CR line ends', () => {
  const text = 'date 2024-04-19\r\n\r\nThey play on\r\nSunday, 21 April\r\n2024.\rIeri.';
  const found = findDates(text, 'en', FRI);
  assertWellFormed(text, found);
  assert.deepEqual(found.map((d) => d.text), ['2024-04-19', 'Sunday, 21 April\r\n2024']);
  // A blank line ends an expression.
  assert.deepEqual(findDates('in April\r\n\r\n2024 was', 'en', FRI).map((d) => d.text), ['April']);
});

test('a range limits the scan', () => {
  const text = 'date 2024-04-19 Advertisement\nOn 21 April 2024 and in 2022.';
  const header = parseDateHeader(text)!;
  const found = findDates(text, 'en', header, { start: header.span!.end, end: text.length });
  assert.deepEqual(found.map((d) => d.text), ['21 April 2024', '2022']);
  assert.deepEqual(findDates(text, 'en', header, { start: 0, end: text.indexOf(' 2024 and') }).map((d) => d.text), ['2024-04-19', '21 April']);
  assert.deepEqual(findDates(text, 'en', header, { start: 50, end: 10 }), []);
});

test('the seed articles', () => {
  for (const f of readdirSync(samples).filter((n) => n.endsWith('.txt'))) {
    const text = readFileSync(join(samples, f), 'utf8');
    const lang: Language = f.startsWith('000') ? 'en' : 'it';
    const header = parseDateHeader(text);
    const found = findDates(text, lang, header, { start: header?.span?.end ?? 0, end: text.length });
    assertWellFormed(text, found);
  }
  const en = readFileSync(join(samples, '000_691f7d17e64d9296.txt'), 'utf8');
  const sunday = findDates(en, 'en', parseDateHeader(en)).find((d) => d.text === 'Sunday');
  assert.equal(sunday?.value, '2024-04-21', '"Ancelotti will be focused on preparing … on Sunday": the coming Clásico');
  const seed = readFileSync(join(samples, '001_fc36557d683ab8d1.txt'), 'utf8');
  const found = findDates(seed, 'it', parseDateHeader(seed));
  assert.ok(found.some((d) => d.text === '2026' && d.value === '2026'), 'fino al 2026');
  assert.ok(found.some((d) => d.text === 'fine stagione' && d.value === '2024/2025'), 'a fine stagione');
});

test('odd input: control characters, lone surrogates, nothing at all', () => {
  for (const text of ['', '\u0000\u0001', '\uD800 21 aprile \uDC00', 'Sunday\uD800', '\uDBFF2024-04-21', '2024-', '21 ', 'May', '-', '\u0301\u0301']) {
    for (const lang of ['en', 'it'] as const) {
      assertWellFormed(text, findDates(text, lang, FRI));
      assertWellFormed(text, findDates(text, lang));
    }
  }
});

test('random date-like text never breaks the invariants', () => {
  const pieces = [
    ' ', '\n', '\r\n', ',', '.', '-', '/', '–', "'", '’', '°', '🇮🇹', '\u0301', '\uD800', '2024', '2021', '22', '2021-22', '13', '31', '1',
    'April', 'aprile', 'May', 'maggio', 'Sept.', 'Sunday', 'domenica', 'lunedì', 'last', 'next', 'this', 'the', 'la', "l'", 'scorsa',
    'prossima', 'week', 'settimana', 'season', 'stagione', 'year', 'anno', 'ago', 'fa', 'tre', 'a', 'in', 'nel', 'al', 'dal', 'fine',
    'mid', 'end', 'of', 'yesterday', 'ieri', 'will', 'ha', 'giocherà', 'was', 'st', 'th', 'Times', 'since',
  ];
  let seed = 42;
  const rand = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const refs: (DateValue | undefined)[] = [FRI, { value: '2025-01', precision: 'month' }, { value: '2024', precision: 'year' }, { value: '2023/2024', precision: 'season' }, undefined];
  for (let i = 0; i < 3000; i++) {
    let text = '';
    const n = 1 + rand(14);
    for (let k = 0; k < n; k++) text += pieces[rand(pieces.length)]! + (rand(3) === 0 ? '' : ' ');
    for (const lang of ['en', 'it'] as const) {
      const found = findDates(text, lang, refs[rand(refs.length)]);
      assertWellFormed(text, found);
      for (const d of found) assert.match(d.value, /^(?:\d{4}|X{4})(?:-(?:\d{2}|XX)(?:-(?:\d{2}|XX))?|-W(?:\d{2}|XX)|\/(?:\d{4}|X{4}))?$/, `${d.value} for ${JSON.stringify(text)}`);
    }
  }
});

/** Runs `fn` and checks it took less than `ms`. */
function fast(label: string, ms: number, fn: () => unknown): void {
  const t0 = performance.now();
  fn();
  const took = performance.now() - t0;
  assert.ok(took < ms, `${label} took ${took.toFixed(0)} ms`);
}

test('adversarial megabytes finish quickly (no quadratic paths)', () => {
  const MB = 1 << 20;
  const inputs: Record<string, string> = {
    digits: '1234567890'.repeat(MB / 10),
    separators: '-/.–:'.repeat(MB / 5),
    'digits and separators': '2021-22/2021-23-04.'.repeat(MB / 19),
    'short numbers': '1 2/3-4.5 '.repeat(MB / 10),
    'one long word': 'a'.repeat(MB),
    spaces: ' '.repeat(MB) + '2024',
    'line breaks': '\n'.repeat(MB),
    weekdays: 'Sunday '.repeat(MB / 7),
    'italian weekdays': 'domenica sabato '.repeat(MB / 16),
    'relative phrases': 'last week, the end of the season, la settimana scorsa, ieri, '.repeat(MB / 64),
    'years in a row': 'in 2022 '.repeat(MB / 8),
    'a long word between dates': 'Sunday domenica ' + 'played'.repeat(MB / 6) + ' Sunday domenica',
    'one long sentence': ('the players will have played ' + 'x'.repeat(40) + ' ').repeat(MB / 70) + 'on Sunday',
  };
  for (const [label, text] of Object.entries(inputs)) {
    for (const lang of ['en', 'it'] as const) {
      let found: DateMention[] = [];
      fast(`${label} (${lang})`, 3000, () => (found = findDates(text, lang, FRI)));
      assertWellFormed(text, found);
    }
  }
});

test('a 10 MB article', () => {
  const para = readFileSync(join(samples, '000_691f7d17e64d9296.txt'), 'utf8') + '\nOn Sunday, 21 April 2024, in the 2021-22 season.\n';
  const text = para.repeat(Math.ceil(10_000_000 / para.length));
  let found: DateMention[] = [];
  fast('10 MB', 5000, () => (found = findDates(text, 'en', FRI)));
  assert.ok(found.length > 1000);
  assertWellFormed(text, found);
});
