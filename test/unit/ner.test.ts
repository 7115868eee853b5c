import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EntityType, Language } from '../../server/src/core/model';
import { recognizeEntities, recognizeLabels } from '../../server/src/core/ner';
import { findCompetitions } from '../../server/src/core/ner/typing';
import { tokenize } from '../../server/src/core/text/tokenize';
import { prepare } from '../../server/src/core/ner/features';
import { decodeGazetteer } from '../../server/src/core/ner/gazetteer';
import { GAZETTEER } from '../../server/src/core/ner/data/gazetteer';

function entities(text: string, lang: Language): Map<string, EntityType> {
  return new Map(recognizeEntities(text, lang).map((e) => [text.slice(e.start, e.end), e.type]));
}

function assertValidSpans(text: string, spans: ReadonlyArray<{ start: number; end: number }>, from = 0, to = text.length): void {
  let last = from;
  for (const s of spans) {
    assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end));
    assert.ok(s.start >= last && s.end > s.start && s.end <= to, `span [${s.start}, ${s.end}) out of order or range`);
    for (const o of [s.start, s.end]) {
      const a = text.charCodeAt(o - 1);
      const b = text.charCodeAt(o);
      assert.ok(!(a >= 0xd800 && a <= 0xdbff && b >= 0xdc00 && b <= 0xdfff), `offset ${o} splits a surrogate pair`);
    }
    last = s.end;
  }
}

describe('recognizeEntities (English)', () => {
  const text =
    'Vinícius Júnior scored twice as Eintracht Frankfurt lost 3-1 to Al-Nassr in Riyadh. ' +
    'Barcelona coach Hansi Flick watched from the stands with UEFA officials before the Champions League draw.';
  const found = entities(text, 'en');

  it('finds unknown names and types them', () => {
    assert.equal(found.get('Vinícius Júnior'), 'person');
    assert.equal(found.get('Hansi Flick'), 'person');
    assert.equal(found.get('Eintracht Frankfurt'), 'team');
    assert.equal(found.get('Al-Nassr'), 'team');
    assert.equal(found.get('Riyadh'), 'place');
    assert.equal(found.get('UEFA'), 'organization');
    assert.equal(found.get('Champions League'), 'competition');
  });

  it('excludes possessives from names', () => {
    const t = 'Carlo Ancelotti’s office was quiet.';
    const e = recognizeEntities(t, 'en');
    assert.ok(e.some((x) => t.slice(x.start, x.end) === 'Carlo Ancelotti' && x.type === 'person'));
  });

  it('does not tag a sentence-initial common word', () => {
    const t = 'Midfielder made Carlo Ancelotti cry\n\nWhile Toni Kroos stayed at Real Madrid, Casemiro left.';
    const got = entities(t, 'en');
    for (const w of ['Midfielder', 'While', 'While Toni Kroos', 'Midfielder made']) assert.ok(!got.has(w), `${w} tagged`);
    assert.equal(got.get('Carlo Ancelotti'), 'person');
    assert.equal(got.get('Toni Kroos'), 'person');
  });

  it('does not tag every word of a headline in capitals', () => {
    const t = 'MIDFIELDER MADE CARLO ANCELOTTI CRY AFTER REAL MADRID EXIT\n\nThe Brazilian told reporters he was leaving.';
    const spans = recognizeEntities(t, 'en');
    const headline = t.indexOf('\n');
    const tagged = spans.filter((s) => s.end <= headline).map((s) => t.slice(s.start, s.end));
    const taggedWords = tagged.join(' ').split(' ').filter(Boolean);
    assert.ok(taggedWords.length <= 5, `headline tagged: ${tagged.join(' | ')}`);
    for (const w of ['MIDFIELDER', 'MADE', 'CRY', 'AFTER', 'EXIT']) assert.ok(!taggedWords.includes(w), `${w} tagged`);
  });
});

describe('recognizeEntities (Italian)', () => {
  it('finds unknown names and types them', () => {
    const t = 'Vinícius Júnior ha segnato una doppietta contro l’Eintracht Frankfurt, mentre Hansi Flick era in tribuna a Riad.';
    const found = entities(t, 'it');
    assert.equal(found.get('Vinícius Júnior'), 'person');
    assert.equal(found.get('Hansi Flick'), 'person');
    assert.equal(found.get('Eintracht Frankfurt'), 'team');
  });

  it('finds competitions the corpus leaves untagged', () => {
    const t = 'Il Real Madrid è in corsa per la Coppa del Re e per la Champions League, mentre la Serie A aspetta Ancelotti.';
    const found = entities(t, 'it');
    assert.equal(found.get('Coppa del Re'), 'competition');
    assert.equal(found.get('Champions League'), 'competition');
    assert.equal(found.get('Serie A'), 'competition');
    assert.equal(found.get('Real Madrid'), 'team');
  });

  it('does not tag a sentence-initial preposition', () => {
    const t = 'Dalla Spagna, nel corso di questi ultimi giorni, hanno svelato la separazione.';
    const got = [...entities(t, 'it').keys()];
    assert.ok(!got.some((w) => w.startsWith('Dalla')), got.join(' | '));
  });

  it('types a club named after its city by its article', () => {
    const t = 'Ancelotti ha allenato il Napoli. Poi è tornato a Napoli in vacanza.';
    const spans = recognizeEntities(t, 'it').filter((e) => t.slice(e.start, e.end) === 'Napoli');
    assert.equal(spans[0]?.type, 'team');
  });
});

describe('findCompetitions', () => {
  const gaz = decodeGazetteer(GAZETTEER);
  const comps = (t: string): string[] => {
    const tokens = tokenize(t);
    return findCompetitions(t, tokens, prepare(tokens, gaz, 'en')).map((s) => t.slice(s.start, s.end));
  };

  it('takes modifiers before final heads and complements after initial heads', () => {
    assert.deepEqual(comps('the UEFA Champions League, the FA Cup, Six Nations, Euro 2024 and Ligue 1'), ['UEFA Champions League', 'FA Cup', 'Six Nations', 'Euro 2024', 'Ligue 1']);
    assert.deepEqual(comps('Serie A di Carlo Ancelotti, Mondiali per club, Giro d’Italia'), ['Serie A', 'Mondiali per club', 'Giro d’Italia']);
  });

  it('ignores lower-case and bare heads', () => {
    assert.deepEqual(comps('the league and the cup; due coppe del Re; the League'), []);
  });
});

describe('any string gives valid spans', () => {
  const samples = [
    '',
    ' ',
    '\u0000\u0000Real Madrid\u0000',
    'Ancelotti 🇮🇹👍🏽 Real Madrid 👨‍👩‍👧 Modrić\uD800 Casemiro\uDC00Kroos',
    'line one\rLuka Modric\r\nToni Kroos\n\nCasemiro',
    'A'.repeat(3000),
    'Real Madrid '.repeat(2000),
    'dell’Atletico l’Inter all’Al-Nassr',
  ];
  for (const lang of ['en', 'it'] as const) {
    it(`in ${lang}`, () => {
      for (const t of samples) assertValidSpans(t, recognizeEntities(t, lang));
      let seed = 7;
      const rand = (): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
      const pieces = ['Real', 'Madrid', 'Carlo', 'ANCELOTTI', 'di', 'the', '’s', "l'", '.', ',', ' ', '\n', '\r\n', '😀', '\uD83D', '\u0000', 'Serie', 'A', 'Coppa', 'del', 'Re', 'FC', '2024'];
      for (let k = 0; k < 200; k++) {
        let t = '';
        const n = Math.floor(rand() * 30);
        for (let j = 0; j < n; j++) t += pieces[Math.floor(rand() * pieces.length)] + (rand() < 0.6 ? ' ' : '');
        assertValidSpans(t, recognizeEntities(t, lang));
        assertValidSpans(t, recognizeLabels(t, lang));
      }
    });
  }

  it('respects a range', () => {
    const t = 'Carlo Ancelotti met Luka Modric in Madrid.';
    const from = t.indexOf('Luka');
    const spans = recognizeEntities(t, 'en', { start: from, end: t.length });
    assertValidSpans(t, spans, from);
    assert.ok(spans.some((s) => t.slice(s.start, s.end) === 'Luka Modric'));
  });

  it('is fast and linear on a 1 MB text', () => {
    const t = 'Carlo Ancelotti lascerà il Real Madrid a fine stagione, dopo la Champions League. '.repeat(12500);
    const t0 = performance.now();
    const spans = recognizeEntities(t, 'it');
    const ms = performance.now() - t0;
    assert.ok(spans.length > 10000);
    assert.ok(ms < 3000, `took ${ms.toFixed(0)} ms`);
  });
});
