import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DateValue, Language } from '../../server/src/core/model';
import { findDates } from '../../server/src/core/dates';

/** Friday 19 April 2024. */
const FRI: DateValue = { value: '2024-04-19', precision: 'day' };

/** [text, value, precision] of each date found. */
function dates(text: string, lang: Language, ref: DateValue | 'none' = FRI): [string, string, string][] {
  return findDates(text, lang, ref === 'none' ? undefined : ref).map((d) => [d.text, d.value, d.precision]);
}

/** The one date found in `text`, as [text, value]. */
function one(text: string, lang: Language, ref: DateValue = FRI): [string, string] {
  const found = findDates(text, lang, ref);
  assert.equal(found.length, 1, `expected one date in ${JSON.stringify(text)}, got ${JSON.stringify(found.map((d) => d.text))}`);
  return [found[0]!.text, found[0]!.value];
}

const none = (text: string, lang: Language): void => assert.deepEqual(dates(text, lang), [], text);

test('absolute dates in English', () => {
  assert.deepEqual(dates('Kick-off on 2024-04-21, then April 21, 2024 and 21 April 2024.', 'en'), [
    ['2024-04-21', '2024-04-21', 'day'],
    ['April 21, 2024', '2024-04-21', 'day'],
    ['21 April 2024', '2024-04-21', 'day'],
  ]);
  assert.deepEqual(dates('He joined in April 2024 and left in 2022.', 'en'), [
    ['April 2024', '2024-04', 'month'],
    ['2022', '2022', 'year'],
  ]);
  assert.deepEqual(one('the 21st of April 2024', 'en'), ['21st of April 2024', '2024-04-21']);
  assert.deepEqual(one('It ends on Sept. 30, 2024.', 'en'), ['Sept. 30, 2024', '2024-09-30']);
});

test('absolute dates in Italian', () => {
  assert.deepEqual(dates('Il 21 aprile 2024 e poi gennaio 2025.', 'it'), [
    ['21 aprile 2024', '2024-04-21', 'day'],
    ['gennaio 2025', '2025-01', 'month'],
  ]);
  assert.deepEqual(one('la sfida del 21/04/2024', 'it'), ['21/04/2024', '2024-04-21']);
  assert.deepEqual(one('aprile del 2023', 'it'), ['aprile del 2023', '2023-04']);
});

test('day and month without a year take the year from the article date', () => {
  assert.deepEqual(one('the 21st of April', 'en'), ['21st of April', '2024-04-21']);
  assert.deepEqual(one('on April 21st', 'en'), ['April 21st', '2024-04-21']);
  assert.deepEqual(one('il 1° maggio', 'it'), ['1° maggio', '2024-05-01']);
  assert.deepEqual(one('il 1º maggio', 'it'), ['1º maggio', '2024-05-01']);
  assert.deepEqual(one('il 21 aprile', 'it'), ['21 aprile', '2024-04-21']);
  const d = findDates('il 21 aprile', 'it', FRI)[0]!;
  assert.equal(d.relative, true);
  // Near the turn of the year the nearest one wins: 3 January seen from 28 December.
  assert.deepEqual(one('They meet on 3 January.', 'en', { value: '2024-12-28', precision: 'day' }), ['3 January', '2025-01-03']);
  // "last year" after a day or month names the year.
  assert.deepEqual(one('In July last year he signed.', 'en'), ['July last year', '2023-07']);
  assert.deepEqual(one('a luglio dell’anno scorso', 'it'), ['luglio dell\'anno scorso'.replace("'", '’'), '2023-07']);
});

test('years need a year-like context', () => {
  assert.deepEqual(one('Ha vinto nel 2025.', 'it'), ['2025', '2025']);
  assert.deepEqual(one('contratto fino al 2026', 'it'), ['2026', '2026']);
  assert.deepEqual(dates('dal 2013 al 2022', 'it'), [['2013', '2013', 'year'], ['2022', '2022', 'year']]);
  assert.deepEqual(dates('from 2013 to 2022', 'en'), [['2013', '2013', 'year'], ['2022', '2022', 'year']]);
  assert.deepEqual(one('entro il 2026', 'it'), ['2026', '2026']);
  assert.deepEqual(one('since 2013, he has', 'en'), ['2013', '2013']);
  assert.deepEqual(one('at the 2022 World Cup', 'en'), ['2022', '2022']);
  assert.deepEqual(dates('his best season was 2016-17, back in 1998.', 'en'), [['2016-17', '2016/2017', 'season'], ['1998', '1998', 'year']]);
  none('He made 331 games for Real Madrid.', 'en');
  none('Casemiro won 3 La Liga titles.', 'en');
  none('A crowd of 2000 fans, the 2000 fans.', 'en');
  none('the 1990s, 2024a, 2024%, 2,024 and 2024.5', 'en');
  none('ha collezionato 331 presenze e 3 Liga', 'it');
  none('Live from 1900 GMT.', 'en');
});

test('seasons need consecutive years; scores are never seasons', () => {
  assert.deepEqual(dates('2021-22, 2021/22, 2021/2022, 1999-00, 2021–22', 'en').map((d) => d[1]), [
    '2021/2022', '2021/2022', '2021/2022', '1999/2000', '2021/2022',
  ]);
  assert.deepEqual(one('in the 2021-22 season', 'en'), ['the 2021-22 season', '2021/2022']);
  assert.deepEqual(one('nella stagione 2021/22', 'it'), ['stagione 2021/22', '2021/2022']);
  assert.deepEqual(one('la stagione 2021-2022', 'it'), ['la stagione 2021-2022', '2021/2022']);
  none('between 2021-23 and a 2-1 win, 3-0, 10-12', 'en');
  none('vittoria per 2-1, 2021-23', 'it');
});

test('weekdays: explicit words, tense, and the default', () => {
  // Future tense: the coming one.
  assert.deepEqual(one('Real Madrid will play on Sunday.', 'en'), ['Sunday', '2024-04-21']);
  assert.deepEqual(one('Real Madrid face Barcelona on Sunday.', 'en'), ['Sunday', '2024-04-21']);
  assert.deepEqual(one('Domenica il Real giocherà a Barcellona.', 'it'), ['Domenica', '2024-04-21']);
  // Past tense: the last one.
  assert.deepEqual(one('Real Madrid were beaten on Sunday.', 'en'), ['Sunday', '2024-04-14']);
  assert.deepEqual(one('Domenica il Real ha perso.', 'it'), ['Domenica', '2024-04-14']);
  // No cue: on or before the article's date (a news report looks back).
  assert.deepEqual(one('The derby on Sunday.', 'en'), ['Sunday', '2024-04-14']);
  assert.deepEqual(one('The derby on Friday.', 'en'), ['Friday', '2024-04-19']);
  // Explicit words.
  assert.deepEqual(one('last Sunday', 'en'), ['last Sunday', '2024-04-14']);
  assert.deepEqual(one('next Sunday', 'en'), ['next Sunday', '2024-04-21']);
  assert.deepEqual(one('this Sunday', 'en'), ['this Sunday', '2024-04-21']);
  assert.deepEqual(one('last Friday', 'en'), ['last Friday', '2024-04-12']);
  assert.deepEqual(one('domenica scorsa', 'it'), ['domenica scorsa', '2024-04-14']);
  assert.deepEqual(one('la scorsa domenica', 'it'), ['la scorsa domenica', '2024-04-14']);
  assert.deepEqual(one('sabato prossimo', 'it'), ['sabato prossimo', '2024-04-20']);
  // A weekday with a date is that date.
  assert.deepEqual(one('Sunday, April 21', 'en'), ['Sunday, April 21', '2024-04-21']);
  assert.deepEqual(one('Sunday 21 April 2024', 'en'), ['Sunday 21 April 2024', '2024-04-21']);
  assert.deepEqual(one('lunedì 22 aprile', 'it'), ['lunedì 22 aprile', '2024-04-22']);
  assert.deepEqual(one('sabato 1° maggio', 'it'), ['sabato 1° maggio', '2024-05-01']);
  // Names, not dates.
  none('He told the Sunday Times.', 'en');
  none('sundays are for football', 'en');
});

test('relative days, weeks, months, years and seasons in English', () => {
  assert.deepEqual(dates('yesterday, today, tomorrow', 'en').map((d) => d[1]), ['2024-04-18', '2024-04-19', '2024-04-20']);
  assert.deepEqual(dates('last week, this week, next week', 'en').map((d) => d[1]), ['2024-W15', '2024-W16', '2024-W17']);
  assert.deepEqual(dates('last month, next month', 'en').map((d) => d[1]), ['2024-03', '2024-05']);
  assert.deepEqual(dates('last year, this year, next year', 'en').map((d) => d[1]), ['2023', '2024', '2025']);
  assert.deepEqual(dates('last season, this season, next season', 'en').map((d) => d[1]), ['2022/2023', '2023/2024', '2024/2025']);
  assert.deepEqual(one("at last week's game", 'en'), ['last week', '2024-W15']);
  assert.deepEqual(one('three days ago', 'en'), ['three days ago', '2024-04-16']);
  assert.deepEqual(one('two weeks ago', 'en'), ['two weeks ago', '2024-W14']);
  assert.deepEqual(one('a year ago', 'en'), ['a year ago', '2023']);
  assert.deepEqual(one('earlier this year', 'en'), ['earlier this year', '2024']);
  assert.deepEqual(one('at the end of the season', 'en'), ['the end of the season', '2023/2024']);
  assert.deepEqual(one('the day before yesterday', 'en'), ['the day before yesterday', '2024-04-17']);
  assert.deepEqual(one('in mid-March', 'en'), ['mid-March', '2024-03']);
  assert.deepEqual(one('In May he left.', 'en'), ['May', '2023-05']);
  none('May I say, they may win. March on!', 'en');
  none('the last season of his career, the next season he played', 'en');
  none('The 25-year-old signed a two-year deal.', 'en');
});

test('relative expressions in Italian', () => {
  assert.deepEqual(dates('ieri, oggi, domani', 'it').map((d) => d[1]), ['2024-04-18', '2024-04-19', '2024-04-20']);
  assert.deepEqual(dates('la settimana scorsa, la scorsa settimana, questa settimana, la prossima settimana', 'it'), [
    ['la settimana scorsa', '2024-W15', 'week'],
    ['la scorsa settimana', '2024-W15', 'week'],
    ['questa settimana', '2024-W16', 'week'],
    ['la prossima settimana', '2024-W17', 'week'],
  ]);
  assert.deepEqual(dates('la prossima stagione, questa stagione, la scorsa stagione, la stagione passata', 'it').map((d) => d[1]), [
    '2024/2025', '2023/2024', '2022/2023', '2022/2023',
  ]);
  assert.deepEqual(dates("l'anno scorso, l’anno prossimo, quest'anno, lo scorso anno", 'it'), [
    ["l'anno scorso", '2023', 'year'],
    ['l’anno prossimo', '2025', 'year'],
    ["quest'anno", '2024', 'year'],
    ['lo scorso anno', '2023', 'year'],
  ]);
  assert.deepEqual(one('il mese scorso', 'it'), ['il mese scorso', '2024-03']);
  assert.deepEqual(one('tre giorni fa', 'it'), ['tre giorni fa', '2024-04-16']);
  assert.deepEqual(one('un anno fa', 'it'), ['un anno fa', '2023']);
  assert.deepEqual(one('lascerà il club a fine stagione', 'it'), ['fine stagione', '2023/2024']);
  assert.deepEqual(one('a fine aprile', 'it'), ['fine aprile', '2024-04']);
  assert.deepEqual(one("l'altro ieri", 'it'), ["l'altro ieri", '2024-04-17']);
  assert.deepEqual(one('a maggio', 'it'), ['maggio', '2024-05']);
  none('Christian Maggio e Marzo', 'it');
});

test('relative dates without an article date are found but left unresolved', () => {
  const found = findDates('Yesterday, on Sunday, last week, next season, in May and in 2022.', 'en');
  assert.deepEqual(found.map((d) => [d.text, d.value, d.precision, d.relative]), [
    ['Yesterday', 'XXXX-XX-XX', 'day', true],
    ['Sunday', 'XXXX-XX-XX', 'day', true],
    ['last week', 'XXXX-WXX', 'week', true],
    ['next season', 'XXXX/XXXX', 'season', true],
    ['May', 'XXXX-XX', 'month', true],
    ['2022', '2022', 'year', false],
  ]);
  assert.deepEqual(dates('domenica, il 21 aprile, la prossima stagione', 'it', 'none').map((d) => d[1]), ['XXXX-XX-XX', 'XXXX-XX-XX', 'XXXX/XXXX']);
});

test('a month-precision article date resolves what it can', () => {
  const jan: DateValue = { value: '2025-01', precision: 'month' };
  assert.deepEqual(dates("Domenica, questa stagione, l'anno scorso, il mese scorso, a fine stagione, fino al 2026", 'it', jan).map((d) => d[1]), [
    'XXXX-XX-XX', '2024/2025', '2024', '2024-12', '2024/2025', '2026',
  ]);
  const year: DateValue = { value: '2024', precision: 'year' };
  assert.deepEqual(dates('this season, last year, in May', 'en', year).map((d) => d[1]), ['XXXX/XXXX', '2023', '2024-05']);
  const season: DateValue = { value: '2023/2024', precision: 'season' };
  assert.deepEqual(dates('next season, in May, in October', 'en', season).map((d) => d[1]), ['2024/2025', '2024-05', '2023-10']);
});

test('a week-precision article date resolves weeks, months and seasons', () => {
  const week: DateValue = { value: '2024-W16', precision: 'week' };
  assert.deepEqual(dates('this season, last week, yesterday', 'en', week).map((d) => d[1]), ['2023/2024', '2024-W15', 'XXXX-XX-XX']);
  // ISO week years: the week after 2020-W53 is 2021-W01.
  assert.deepEqual(dates('next week', 'en', { value: '2020-W53', precision: 'week' }).map((d) => d[1]), ['2021-W01']);
  assert.deepEqual(dates('last week', 'en', { value: '2021-01-03', precision: 'day' }).map((d) => d[1]), ['2020-W52']);
});
