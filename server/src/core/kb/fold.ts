/**
 * Case and accent folding, and the word tokenizer the name index matches on.
 * Offsets are UTF-16 code-unit offsets (JavaScript string indices).
 */

/** Letters that do not decompose under NFD but should fold to ASCII. */
const SPECIAL: Readonly<Record<string, string>> = {
  ß: 'ss', ẞ: 'ss', ø: 'o', Ø: 'o', æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe', đ: 'd', Đ: 'd', ð: 'd', Ð: 'd',
  ł: 'l', Ł: 'l', ı: 'i', þ: 'th', Þ: 'th', ħ: 'h', Ħ: 'h',
  // Apostrophe variants fold to the ASCII apostrophe.
  '\u2019': "'", '\u2018': "'", '\u02bc': "'", '\u00b4': "'", '`': "'",
};
const SPECIAL_RE = /[ßẞøØæÆœŒđĐðÐłŁıþÞħĦ\u2019\u2018\u02bc\u00b4`]/g;
const MARKS_RE = /\p{M}+/gu;
// eslint-disable-next-line no-control-regex
const ASCII_RE = /^[\x00-\x7f]*$/;

/**
 * Folds case and accents: `fold('Modrić') === 'modric'`, `fold('Bernabéu') === 'bernabeu'`,
 * `fold('MÜNCHEN') === 'munchen'`, `fold('Ancelotti’s') === "ancelotti's"`.
 * The result may differ in length from the input; fold tokens, not offsets.
 */
export function fold(s: string): string {
  if (ASCII_RE.test(s)) return (s.includes('`') ? s.replace(/`/g, "'") : s).toLowerCase();
  return s.normalize('NFD').replace(MARKS_RE, '').replace(SPECIAL_RE, (c) => SPECIAL[c] ?? c).toLowerCase();
}

/** Accent folding that keeps case (for names that must match capitalised). */
export function foldAccents(s: string): string {
  if (ASCII_RE.test(s)) return s;
  return s.normalize('NFD').replace(MARKS_RE, '').replace(SPECIAL_RE, (c) => {
    const f = SPECIAL[c] ?? c;
    return c !== c.toLowerCase() ? f.toUpperCase() : f;
  });
}

/** A token: a run of letters/digits (`word`) or a single punctuation character. */
export interface Token {
  readonly start: number;
  readonly end: number;
  readonly word: boolean;
}

const WORD_CHAR_RE = /[\p{L}\p{N}\p{M}]/u;

/** Character classes of the Basic Multilingual Plane, filled on first sight: 0 unknown. */
const CLASS = new Uint8Array(65536);
const WORD = 1;
const PUNCT = 2;
const SEP = 3;

function classify(c: number): number {
  let k = CLASS[c]!;
  if (k === 0) {
    if (isSeparatorCode(c)) k = SEP;
    else if (c >= 0xd800 && c <= 0xdfff) k = PUNCT; // surrogates: decided per code point
    else k = WORD_CHAR_RE.test(String.fromCharCode(c)) ? WORD : PUNCT;
    CLASS[c] = k;
  }
  return k;
}

/** True when the UTF-16 unit `c` at `s[i]` belongs to a word (letter, digit, mark). */
export function isWordCode(c: number, s: string, i: number): boolean {
  if (c >= 0xd800 && c <= 0xdbff) {
    const cp = s.codePointAt(i) ?? c;
    return WORD_CHAR_RE.test(String.fromCodePoint(cp));
  }
  return classify(c) === WORD;
}

/** True for characters that separate tokens and are dropped: whitespace and hyphens. */
export function isSeparator(c: number): boolean {
  return classify(c) === SEP;
}

function isSeparatorCode(c: number): boolean {
  // Whitespace, hyphens (Saint-Germain = Saint Germain) and the soft hyphen.
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 0xa0 || c === 45 ||
    c === 0x2010 || c === 0x2011 || c === 0xad || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x3000 ||
    (c >= 0x2000 && c <= 0x200b) || c === 0xfeff;
}

/** Folded key of a one-character punctuation token (apostrophe variants become `'`). */
export function foldPunct(ch: string): string {
  return SPECIAL[ch] ?? ch;
}

/**
 * Splits `text[from, to)` into word tokens and single-character punctuation tokens.
 * Whitespace and hyphens separate tokens and are dropped; apostrophes are tokens of their
 * own, so "Ancelotti’s" gives `Ancelotti`, `’`, `s` and "dell’Atletico" gives `dell`, `’`,
 * `Atletico`.
 */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (isSeparator(c)) {
      i++;
      continue;
    }
    if (isWordCode(c, text, i)) {
      const start = i;
      i += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
      while (i < to) {
        const d = text.charCodeAt(i);
        if (!isWordCode(d, text, i)) break;
        i += d >= 0xd800 && d <= 0xdbff ? 2 : 1;
      }
      out.push({ start, end: i, word: true });
    } else {
      const n = c >= 0xd800 && c <= 0xdbff ? 2 : 1;
      out.push({ start: i, end: i + n, word: false });
      i += n;
    }
  }
  return out;
}

/** Folded token keys of a name ("Paris Saint-Germain" → `paris`, `saint`, `germain`). */
export function nameKeys(name: string): string[] {
  return tokenize(name).map((t) => fold(name.slice(t.start, t.end)));
}
