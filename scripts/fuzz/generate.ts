/**
 * Generated documents: hostile text built from scratch. Each generator is small by default
 * (a few kilobytes) so that a run covers many documents; the `HUGE` list holds the few
 * megabyte-sized documents that a long run feeds once each.
 */
import { Rng } from './rng';

/** Names the bundled knowledge base knows, and some it does not. */
const NAMES = [
  'Carlo Ancelotti', 'Ancelotti', 'Real Madrid', 'Casemiro', 'Manchester City', 'Champions League', 'UEFA Champions League',
  'Serie A', 'Milan', 'Roma', 'Napoli', 'Juventus', 'Barcellona', 'Florentino Perez', 'Mbappè', 'Tuttosport', 'Madrid',
  'Hansi Flick', 'Flick', 'Jude Bellingham', 'Bellingham', 'Blancos', 'Re Carlo', 'il tecnico di Reggiolo', 'the Brazilian',
  'Luka Modrić', 'Modrić', 'Fabrizio Romano', 'Inter', 'Chelsea', 'Arsenal', 'Paris Saint-Germain', 'PSG', 'Italia', 'Spagna',
];
const WORDS_EN = 'the of and to in is was for that with his he on as at by from it has have had but be are were this not who will their they been after which an or she her its than also into over said told added games goals appearances trophies season club team the club the side him'.split(' ');
const WORDS_IT = 'il lo la le gli di del della che è e per con non una un uno nel nella al alla ha hanno sono come più anche ma si questo suo sua dopo ha detto dichiarato presenze gol trofei supercoppe stagione squadra il club lui altrettante'.split(' ');
const CUES = ['said', 'told reporters', 'added', 'ha detto', 'ha dichiarato', 'secondo', 'according to', ':', '—', 'says', 'spiega'];
const MONTHS = ['January', 'April', 'May', 'December', 'gennaio', 'aprile', 'maggio', 'dicembre', 'Jan', 'Apr.', 'Sept', 'sett.'];
const WEEKDAYS = ['Sunday', 'Monday', 'on Saturday', 'domenica', 'lunedì', 'sabato scorso', 'last week', 'next month', 'ieri', 'domani', 'tomorrow'];
const NUMBER_WORDS = ['one', 'two', 'three', 'twenty-one', 'a dozen', 'a decade', 'tre', 'ventuno', 'ventotto', 'altrettante', 'cento', 'mille', 'as many'];

/** Every quote mark Touchline knows, as (open, close) pairs, plus odd ones. */
export const QUOTE_PAIRS: readonly (readonly [string, string])[] = [
  ['“', '”'], ['„', '“'], ['„', '”'], ['«', '»'], ['‹', '›'], ['‘', '’'], ['"', '"'], ["'", "'"], ['»', '«'], ['”', '“'], ['「', '」'],
];

/** Single characters and short strings, by class, that make text hostile. */
export const HOSTILE = {
  controls: ['\u0000', '\u0001', '\u0007', '\u0008', '\u000b', '\u000c', '\u001b', '\u007f', '\u0085', '\u009f', '\ufffd', '\ufeff', '\ufffe', '\uffff'],
  lineEnds: ['\n', '\r', '\r\n', '\n\r', '\u2028', '\u2029', '\r\r\n', '\n\n', '\r\r'],
  astral: ['😀', '⚽', '🏆', '🇮🇹', '🇪🇸', '👍🏽', '👨‍👩‍👧', '𝐀𝐧𝐜𝐞𝐥𝐨𝐭𝐭𝐢', '𝟑𝟑𝟏', '𠀀', '🏳️‍🌈', '\u{10ffff}', '\u{e0001}'],
  loneSurrogates: ['\ud800', '\udbff', '\udc00', '\udfff', '\ud83d', '\ude00', '\udc00\ud800'],
  rtl: ['\u202e', '\u202b', '\u200f', '\u061c', 'ريال مدريد', 'כדורגל', '\u202d', '\u2066', '\u2069', 'مبابي قال “مرحبا”'],
  combining: ['\u0301', '\u0300', '\u0308', '\u0327', '\u20dd', '\u0336', '\u0363\u0364\u0365\u0366', 'e\u0301', 'Z\u0351\u0352\u0353\u0354\u0355'],
  joiners: ['\u200d', '\u200c', '\u200b', '\u2060', '\u00ad', '\u034f', '\u180e'],
  spaces: [' ', '\t', '\u00a0', '\u2009', '\u202f', '\u3000', '\u1680', '  ', '\t\t'],
  punctuation: ['.', ',', ';', ':', '!', '?', '…', '...', '—', '–', '-', '(', ')', '[', ']', '/', '\\', '*', '_', '#', '`', '|', '<', '>', '{', '}', '$', '%', '&', '°', 'ª', 'º', '’s', "'90s", '’22', "l'", 'dell’', 'po’'],
};

function quotes(rng: Rng): string {
  return rng.pick(QUOTE_PAIRS.flat());
}

/** One token of article-like text. */
function token(rng: Rng, it: boolean): string {
  return rng.weighted<() => string>([
    [30, () => rng.pick(it ? WORDS_IT : WORDS_EN)],
    [10, () => rng.pick(NAMES)],
    [5, () => String(rng.int(rng.pick([10, 100, 1000, 100000, 1e12])))],
    [2, () => `${rng.int(100)}${rng.pick([',', '.'])}${rng.int(1000)}`],
    [3, () => date(rng)],
    [2, () => rng.pick(NUMBER_WORDS)],
    [3, () => rng.pick(CUES)],
    [4, () => quotes(rng)],
    [4, () => rng.pick(HOSTILE.punctuation)],
    [1, () => rng.pick(HOSTILE.astral)],
    [1, () => hostileChar(rng)],
  ])();
}

/** A date expression, well-formed or nearly. */
export function date(rng: Rng): string {
  const y = rng.pick([1899, 1990, 2004, 2021, 2024, 2025, 9999, 0, 20245]);
  const m = rng.range(0, 13);
  const d = rng.range(0, 32);
  return rng.weighted<() => string>([
    [3, () => `${d} ${rng.pick(MONTHS)} ${y}`],
    [2, () => `${rng.pick(MONTHS)} ${d}, ${y}`],
    [2, () => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`],
    [2, () => `${d}/${m}/${y}`],
    [2, () => rng.pick(WEEKDAYS)],
    [1, () => `${y}/${(y + 1) % 100}`],
    [1, () => `${y}-${y + 1}`],
    [1, () => `${rng.pick(['in', 'nel', 'since', 'dal'])} ${y}`],
    [1, () => `${rng.pick(['the', 'il'])} ${d}${rng.pick(['th', 'st', '°', ''])} ${rng.pick(MONTHS)}`],
  ])();
}

function hostileChar(rng: Rng): string {
  const classes = Object.values(HOSTILE);
  return rng.pick(rng.pick(classes));
}

/** A `date …` first line, valid or malformed. */
export function dateHeader(rng: Rng): string {
  return rng.pick([
    'date 2024-04-19', 'date 2024-04', 'date 2024', 'date 2024-13-45', 'date 2024-02-30', 'date 0000-00-00', 'date ', 'date',
    'date 99999999999999999999', 'DATE 2024-04-19', 'date\t2024-04-19', 'date 2024-04-19T10:00:00Z', 'date -2024-01-01',
    'date 2024-04-19 2025-01-01', 'date 2024-4-9', 'date 19/04/2024', 'date April 19, 2024', 'date 2024-04-19\u0000', 'date 𝟐𝟎𝟐𝟒-04-19',
    'date 2024\u201104\u201119', ' date 2024-04-19', '\ufeffdate 2024-04-19', 'date 2024-W16', 'date 2021/2022', `date ${'9'.repeat(400)}`,
    'date 2024-04-19 Advertisement', 'date 2024-04-\ud800', 'data 2024-04-19',
  ]);
}

/** Article-like prose: sentences, paragraphs, quotes with cues, numbers and dates. */
function article(rng: Rng, size: number): string {
  const it = rng.chance(0.5);
  const parts: string[] = [];
  if (rng.chance(0.6)) parts.push(dateHeader(rng), rng.pick(HOSTILE.lineEnds));
  let len = 0;
  while (len < size) {
    const sentence: string[] = [];
    const words = rng.range(1, 25);
    for (let i = 0; i < words; i++) sentence.push(token(rng, it));
    let s = sentence.join(rng.chance(0.95) ? ' ' : rng.pick(HOSTILE.spaces));
    if (rng.chance(0.3)) {
      const [o, c] = rng.pick(QUOTE_PAIRS);
      s = rng.chance(0.5) ? `${o}${s}${rng.chance(0.8) ? c : ''}, ${rng.pick(CUES)} ${rng.pick(NAMES)}` : `${rng.pick(NAMES)} ${rng.pick(CUES)}: ${o}${s}${c}`;
    }
    s += rng.pick(['.', '.', '.', '!', '?', '…', '', '."', '.”']);
    parts.push(s, rng.chance(0.2) ? rng.pick(HOSTILE.lineEnds) : ' ');
    len += s.length + 1;
  }
  return parts.join('');
}

/** Random code units and code points of every class, including lone surrogates. */
function randomUnicode(rng: Rng, size: number): string {
  const out: string[] = [];
  for (let i = 0; i < size; i++) {
    out.push(
      rng.weighted<() => string>([
        [20, () => String.fromCharCode(rng.range(0x20, 0x7e))],
        [5, () => String.fromCharCode(rng.range(0xa0, 0x24f))],
        [3, () => String.fromCharCode(rng.int(0x20))],
        [3, () => String.fromCharCode(rng.int(0x10000))],
        [3, () => String.fromCodePoint(rng.range(0x10000, 0x10ffff))],
        [2, () => String.fromCharCode(rng.range(0xd800, 0xdfff))],
        [3, () => hostileChar(rng)],
        [2, () => quotes(rng)],
        [2, () => rng.pick(NAMES)],
      ])(),
    );
  }
  return out.join('');
}

/** Quote marks of every style, nested, crossed and unterminated. */
function quoteSoup(rng: Rng, size: number): string {
  const out: string[] = [];
  const stack: string[] = [];
  for (let i = 0; i < size; i++) {
    const r = rng.int(10);
    if (r < 3) {
      const [o, c] = rng.pick(QUOTE_PAIRS);
      out.push(o);
      stack.push(c);
    } else if (r < 5 && stack.length > 0) {
      out.push(rng.chance(0.8) ? stack.pop()! : quotes(rng));
    } else if (r < 6) {
      out.push(rng.pick(HOSTILE.lineEnds));
    } else {
      out.push(rng.chance(0.5) ? rng.pick(NAMES) : rng.pick(WORDS_EN), rng.pick([' ', '', ', ', ' said ', '’s ', "' "]));
    }
  }
  return out.join('');
}

/** Quotes nested `depth` deep, each level with its own style. */
function nestedQuotes(rng: Rng, depth: number): string {
  let s = rng.pick(NAMES);
  for (let i = 0; i < depth; i++) {
    const [o, c] = rng.pick(QUOTE_PAIRS);
    s = `${o}${rng.pick(WORDS_EN)} ${s}${rng.chance(0.9) ? c : ''}`;
  }
  return `${rng.pick(NAMES)} said: ${s}`;
}

/** Thousands of numbers and dates. */
function numbersAndDates(rng: Rng, count: number): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    out.push(
      rng.weighted<() => string>([
        [3, () => `${rng.int(100000)} ${rng.pick(['games', 'goals', 'presenze', 'trofei', 'supercoppe', ''])}`],
        [2, () => date(rng)],
        [1, () => rng.pick(NUMBER_WORDS)],
        [1, () => `${rng.int(10)}-${rng.int(10)}`],
        [1, () => `${rng.int(1000)}.${rng.int(1000)}.${rng.int(1000)},${rng.int(100)}`],
        [1, () => '9'.repeat(rng.range(1, 400))],
        [1, () => `${rng.int(100)}${rng.pick(['°', 'ª', 'rd', 'th', '%', 'm', '’'])}`],
      ])(),
      rng.pick([' ', ', ', '\n', ' and ', ' e ', '/', '']),
    );
  }
  return out.join('');
}

/** Line ends only, or prose whose lines end every way at once. */
function lineEnds(rng: Rng, size: number): string {
  const out: string[] = [];
  for (let i = 0; i < size; i++) out.push(rng.chance(0.5) ? rng.pick(HOSTILE.lineEnds) : token(rng, rng.chance(0.5)));
  return out.join(rng.chance(0.5) ? '' : ' ');
}

/** Names and words decorated with combining marks, joiners, RTL controls and astral letters. */
function decorated(rng: Rng, size: number): string {
  const out: string[] = [];
  for (let i = 0; i < size; i++) {
    let w = rng.chance(0.5) ? rng.pick(NAMES) : rng.pick(WORDS_IT);
    const what = rng.int(5);
    if (what === 0) w = [...w].join(rng.pick(HOSTILE.combining));
    else if (what === 1) w = [...w].join(rng.pick(HOSTILE.joiners));
    else if (what === 2) w = `${rng.pick(HOSTILE.rtl)}${w}${rng.pick(HOSTILE.rtl)}`;
    else if (what === 3) w = w.replace(/[A-Za-z]/g, (c) => (rng.chance(0.3) ? String.fromCodePoint(0x1d400 + (c <= 'Z' ? c.charCodeAt(0) - 65 : c.charCodeAt(0) - 71)) : c));
    out.push(w, rng.pick([' ', ' ', ', ', '. ', ' said ', '\n']));
  }
  return out.join('');
}

/** A generator: a name for reports and a function of the document's random generator. */
export interface Generator {
  readonly name: string;
  readonly make: (rng: Rng) => string;
}

/** The generators of the default mix, each making documents of at most a few tens of kilobytes. */
export const GENERATORS: readonly Generator[] = [
  { name: 'article', make: (rng) => article(rng, rng.size(20_000)) },
  { name: 'unicode', make: (rng) => randomUnicode(rng, rng.size(8_000)) },
  { name: 'quote-soup', make: (rng) => quoteSoup(rng, rng.size(6_000)) },
  { name: 'nested-quotes', make: (rng) => nestedQuotes(rng, rng.range(1, 300)) },
  { name: 'numbers-dates', make: (rng) => numbersAndDates(rng, rng.range(1, 3_000)) },
  { name: 'line-ends', make: (rng) => lineEnds(rng, rng.size(4_000)) },
  { name: 'decorated', make: (rng) => decorated(rng, rng.size(2_000)) },
  { name: 'header', make: (rng) => `${dateHeader(rng)}${rng.pick(HOSTILE.lineEnds)}${article(rng, rng.size(2_000))}` },
  { name: 'tiny', make: (rng) => randomUnicode(rng, rng.int(6)) },
];

/** A random fragment for insertion by the mutators. */
export function fragment(rng: Rng): string {
  return rng.weighted<() => string>([
    [4, () => token(rng, rng.chance(0.5))],
    [3, () => hostileChar(rng)],
    [1, () => dateHeader(rng)],
    [1, () => date(rng)],
    [1, () => quoteSoup(rng, rng.range(1, 20))],
    [1, () => randomUnicode(rng, rng.range(1, 30))],
    [1, () => decorated(rng, rng.range(1, 5))],
  ])();
}

/**
 * Megabyte-sized documents, fed once each by the long run (and a few by the server run):
 * a 2 MB single line, a megabyte of unterminated quotes of every style, deep nesting,
 * thousands of numbers and dates.
 */
export function hugeDocuments(rng: Rng): { name: string; text: string }[] {
  const MB = 1 << 20;
  const line = (unit: string, size: number): string => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  const out: { name: string; text: string }[] = [
    { name: '2MB single line of prose', text: line('Carlo Ancelotti said Real Madrid won 331 games on 21 April 2024 ', 2 * MB) },
    { name: '2MB single line of one letter', text: 'a'.repeat(2 * MB) },
    { name: '2MB single line of capitalised words', text: line('Real Madrid Manchester City Champions League ', 2 * MB) },
  ];
  for (const mark of new Set(QUOTE_PAIRS.flat())) {
    out.push({ name: `1MB of unterminated ${mark} quotes (no spaces)`, text: mark.repeat(MB) });
    out.push({ name: `1MB of unterminated ${mark} quotes (words)`, text: line(`${mark}Casemiro said `, MB) });
  }
  out.push({ name: '1MB of mixed unterminated quotes', text: quoteSoup(rng, 200_000).slice(0, MB) });
  out.push({ name: 'quotes nested 10,000 deep', text: nestedQuotes(rng, 10_000) });
  out.push({ name: '1MB of numbers and dates', text: numbersAndDates(rng, 150_000).slice(0, MB) });
  out.push({ name: '1MB of NUL', text: '\u0000'.repeat(MB) });
  out.push({ name: '1MB of lone surrogates', text: line('\ud800\udc00\udc00\ud800 ', MB) });
  out.push({ name: '1MB of CR', text: '\r'.repeat(MB) });
  out.push({ name: '1MB of mixed line ends', text: line('Casemiro\r\nsaid\r“yes\n\n”\r\r', MB) });
  out.push({ name: '1MB of combining marks', text: `e${'\u0301'.repeat(MB)}` });
  out.push({ name: '1MB of zero-width joiners between letters', text: line('R\u200de\u200da\u200dl\u200d ', MB) });
  out.push({ name: '1MB of sentence ends', text: line('A. ', MB) });
  out.push({ name: '1MB of abbreviations', text: line('a.a.', MB) });
  out.push({ name: '1MB of digits', text: '1'.repeat(MB) });
  out.push({ name: '1MB of digit groups', text: line('1,000.', MB) });
  out.push({ name: '1MB of date headers', text: line('date 2024-04-19\n', MB) });
  out.push({ name: '1MB of RTL text', text: line('\u202eريال مدريد “قال” ', MB) });
  out.push({ name: '1MB of apostrophes', text: line("dell'Atletico l’avventura Ancelotti’s players' ", MB) });
  return out;
}
