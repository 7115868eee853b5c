/**
 * A fast, linear-time tokenizer shared by the analysis core.
 *
 * Tokens are kept in typed arrays (UTF-16 offsets into the original text, `end` exclusive).
 * Rules, in brief:
 * - words: letters of any script with their combining marks and digits; internal hyphens
 *   join (Al-Nassr, Saint-Germain); Italian elisions split after the apostrophe
 *   (dell’ + Atletico, l' + esonero); English clitics split before it (Ancelotti + ’s,
 *   do + n't); other internal apostrophes stay (O'Neill); dotted abbreviations stay whole
 *   (U.S., F.C.) and so do a few titles with their period (Mr., St.).
 * - numbers: digits with internal `.`, `,`, `:`, `/`, `-` followed by a digit
 *   (1,000 · 3.5 · 2021-22 · 21/04/2024) and any letters directly after (1st, 90th).
 * - punctuation: one character per token, except runs of periods ("...").
 * - URLs, e-mail addresses and handles: one token (https://…, www.…, pic.twitter.com/…,
 *   a@b.it, @FabrizioRomano).
 * - symbols (emoji…): one code point with its modifiers, variation selectors, keycaps,
 *   tags, ZWJ sequences and regional-indicator pairs (flags); never splits a surrogate pair.
 * Whitespace, control and invisible format characters separate tokens and are not tokens.
 * No `Intl.Segmenter`, no regular expression per token: one pass over the code units.
 */

/** Token kinds. */
export const TokenKind = {
  Word: 1,
  Number: 2,
  Punct: 3,
  Symbol: 4,
  /** A URL, e-mail address, domain path (pic.twitter.com/abc) or @handle, kept whole. */
  Url: 5,
} as const;
export type TokenKind = (typeof TokenKind)[keyof typeof TokenKind];

/** Bits in {@link Tokens.flags}. */
export const TokenFlag = {
  /** Whitespace (or an invisible separator) between the previous token and this one. */
  SpaceBefore: 1,
  /** At least one line break between the previous token (or the range start) and this one. */
  NewlineBefore: 2,
  /** A blank line (two or more line breaks) before this token. */
  BlankLineBefore: 4,
} as const;

/** A tokenized range of a text. Arrays may be longer than `count`; only `[0, count)` is valid. */
export interface Tokens {
  readonly text: string;
  readonly count: number;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly kinds: Uint8Array;
  readonly flags: Uint8Array;
}

// ---------------------------------------------------------------------------------------------
// Character classes, computed once per distinct code unit (lazily) or code point (astral).

const C_LETTER = 1;
const C_MARK = 2; // combining marks, variation selectors, ZWJ/ZWNJ, soft hyphen: extend a token
const C_DIGIT = 4;
const C_SPACE = 8; // whitespace, control and invisible format characters
const C_NEWLINE = 16;
const C_KNOWN = 128;

const bmpClass = new Uint8Array(65536);

const RE_LETTER = /\p{L}/u;
const RE_MARK = /[\p{M}\u200c\u200d\u00ad\ufe00-\ufe0f\u20e3]/u;
const RE_DIGIT = /\p{Nd}/u;
const RE_SPACE = /[\s\p{Cc}\p{Cf}\p{Zs}\p{Zl}\p{Zp}]/u;

function classifyChar(ch: string): number {
  if (RE_LETTER.test(ch)) return C_LETTER;
  if (RE_MARK.test(ch)) return C_MARK;
  if (RE_DIGIT.test(ch)) return C_DIGIT;
  if (RE_SPACE.test(ch)) return C_SPACE;
  return 0;
}

/** Class bits of a BMP code unit (surrogates classify as 0). */
export function charClass(c: number): number {
  let k = bmpClass[c]!;
  if (k === 0) {
    if (c >= 0xd800 && c <= 0xdfff) k = C_KNOWN;
    else {
      k = classifyChar(String.fromCharCode(c)) | C_KNOWN;
      if (c === 10 || c === 13 || c === 0x85 || c === 0x2028 || c === 0x2029) k |= C_NEWLINE;
    }
    bmpClass[c] = k;
  }
  return k & 0x7f;
}

const astralClassCache = new Map<number, number>();

function astralClass(cp: number): number {
  let k = astralClassCache.get(cp);
  if (k === undefined) {
    const ch = String.fromCodePoint(cp);
    // Emoji modifiers (skin tones) and tag characters extend the preceding symbol.
    if ((cp >= 0x1f3fb && cp <= 0x1f3ff) || (cp >= 0xe0020 && cp <= 0xe007f)) k = C_MARK;
    else k = classifyChar(ch);
    astralClassCache.set(cp, k);
  }
  return k;
}

/** ASCII classes pre-shifted as `classAt` returns them (class << 2 | width 1). */
const ASCII_CW = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_CW[c] = (charClass(c) << 2) | 1;

/** Lower-case titles and abbreviations that keep their period (checked case-sensitively). */
const TITLES = new Set([
  'Mr', 'Mrs', 'Ms', 'Dr', 'St', 'Sr', 'Jr', 'Prof', 'Gen', 'Sig', 'Sigg', 'Dott', 'Avv', 'Ing',
  'Mt', 'Ft', 'Inc', 'Ltd', 'Co', 'Corp', 'vs', 'Rev', 'Capt', 'Col', 'Lt', 'Sgt', 'Gov', 'Sen', 'Rep',
]);

/** Italian (and French) elided forms that end with an apostrophe, lower-case. */
const ELISIONS = new Set([
  'l', 'un', 'dell', 'dall', 'nell', 'sull', 'all', 'coll', 'pell', 'tra', 'fra', 'quest', 'quell',
  'c', 'd', 's', 'm', 't', 'v', 'gl', 'bell', 'sant', 'tutt', 'senz', 'dev', 'com', 'dov', 'anch',
  'buon', 'cent', 'nessun', 'ciascun', 'qual', 'mezz', 'nient', 'grand', 'sott', 'quand', 'ch',
  'qu', 'j', 'lorsqu', 'jusqu', 'puisqu',
]);

/** English clitics that split before the apostrophe when they end a word. */
const CLITICS = new Set(['s', 're', 've', 'll', 'd', 'm', 't']);

function isApostrophe(c: number): boolean {
  return c === 0x27 || c === 0x2019 || c === 0x02bc;
}

function isHyphen(c: number): boolean {
  return c === 0x2d || c === 0x2010 || c === 0x2011;
}

/** Lower-cased ASCII-ish form of text[start, end) for small lookups (short strings only). */
function lowerSlice(text: string, start: number, end: number): string {
  return text.slice(start, end).toLowerCase();
}

// ---------------------------------------------------------------------------------------------

class Builder {
  starts: Int32Array;
  ends: Int32Array;
  kinds: Uint8Array;
  flags: Uint8Array;
  count = 0;

  constructor(capacity: number) {
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
    this.kinds = new Uint8Array(capacity);
    this.flags = new Uint8Array(capacity);
  }

  push(start: number, end: number, kind: number, flags: number): void {
    if (this.count === this.starts.length) this.grow();
    const i = this.count++;
    this.starts[i] = start;
    this.ends[i] = end;
    this.kinds[i] = kind;
    this.flags[i] = flags;
  }

  private grow(): void {
    const n = this.starts.length * 2 + 16;
    const s = new Int32Array(n);
    s.set(this.starts);
    this.starts = s;
    const e = new Int32Array(n);
    e.set(this.ends);
    this.ends = e;
    const k = new Uint8Array(n);
    k.set(this.kinds);
    this.kinds = k;
    const f = new Uint8Array(n);
    f.set(this.flags);
    this.flags = f;
  }
}

/**
 * Splits `text[start, end)` into tokens. Offsets are absolute UTF-16 offsets into `text`.
 * Linear in the length of the range.
 */
export function tokenize(text: string, start = 0, end = text.length): Tokens {
  start = Math.max(0, Math.min(Math.floor(start) || 0, text.length));
  end = Math.max(start, Math.min(Math.floor(end) || 0, text.length));
  return new Scanner(text, start, end).run();
}

/** Tokens the shared builder keeps room for between calls. */
const SCRATCH_KEEP = 1 << 16;
let scratch = new Builder(1024);

class Scanner {
  private readonly out: Builder;
  /** Set by scanWord when an English clitic follows the word: the clitic's end offset. */
  private clitic = 0;
  /** The end of the last run of non-space text found not to be a URL (keeps URL checks linear). */
  private noUrlBefore = 0;

  constructor(
    private readonly text: string,
    private readonly start: number,
    private readonly end: number,
  ) {
    // Tokens go to a shared builder, then into one exactly sized buffer: a text tokenized
    // paragraph by paragraph would otherwise allocate four arrays per paragraph.
    scratch.count = 0;
    this.out = scratch;
  }

  run(): Tokens {
    const { text, end, out } = this;
    let pos = this.start;
    let pendingFlags = 0;
    let newlines = 0;
    while (pos < end) {
      const c = text.charCodeAt(pos);
      const cw = this.classAt(pos);
      const cls = cw >> 2;

      if (cls & C_SPACE) {
        pendingFlags |= TokenFlag.SpaceBefore;
        if (c === 10 || c === 0x85 || c === 0x2028 || c === 0x2029) newlines++;
        else if (c === 13) {
          newlines++;
          if (pos + 1 < end && text.charCodeAt(pos + 1) === 10) pos++;
        }
        // An astral separator (U+E0001 LANGUAGE TAG…) is two code units: skip both halves.
        pos += c >= 0xd800 && c <= 0xdbff && pos + 1 < end && (text.charCodeAt(pos + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
        continue;
      }
      if (newlines > 0) {
        pendingFlags |= TokenFlag.NewlineBefore | (newlines > 1 ? TokenFlag.BlankLineBefore : 0);
      }
      const flags = pendingFlags;
      pendingFlags = 0;
      newlines = 0;
      const tokStart = pos;

      if (cls & C_LETTER) {
        pos = this.scanWord(pos);
        // A word followed by one of : / . @ and more text may start a URL or an address.
        if (pos + 1 < end && tokStart >= this.noUrlBefore && this.clitic === 0) {
          const c1 = text.charCodeAt(pos);
          const c2 = text.charCodeAt(pos + 1);
          if ((c1 === 0x3a || c1 === 0x2f || c1 === 0x2e || c1 === 0x40) && c2 > 0x20) {
            const url = this.scanUrl(tokStart);
            if (url > tokStart) {
              out.push(tokStart, url, TokenKind.Url, flags);
              pos = url;
              continue;
            }
          }
        }
        out.push(tokStart, pos, TokenKind.Word, flags);
        if (this.clitic > 0) {
          // An English clitic split off the word is a token of its own.
          out.push(pos, this.clitic, TokenKind.Word, 0);
          pos = this.clitic;
          this.clitic = 0;
        }
      } else if (cls & C_DIGIT) {
        pos = this.scanNumber(pos);
        out.push(tokStart, pos, TokenKind.Number, flags);
      } else if (cls & C_MARK) {
        // A mark with nothing to attach to: a symbol of its own, with what follows it.
        pos = this.extend(pos + (cw & 3));
        out.push(tokStart, pos, TokenKind.Symbol, flags);
      } else if ((cw & 3) === 2) {
        pos = this.scanAstralSymbol(pos);
        out.push(tokStart, pos, TokenKind.Symbol, flags);
      } else if (c >= 0xd800 && c <= 0xdfff) {
        // A lone surrogate: one code unit on its own.
        pos++;
        out.push(tokStart, pos, TokenKind.Symbol, flags);
      } else if (c === 0x40 && pos + 1 < end && (this.classAt(pos + 1) >> 2) & (C_LETTER | C_DIGIT)) {
        // A social-media handle: @FabrizioRomano
        pos++;
        while (pos < end) {
          const ch = text.charCodeAt(pos);
          if (ch === 0x5f || (ch < 0x80 && (ASCII_CW[ch]! >> 2) & (C_LETTER | C_DIGIT))) pos++;
          else break;
        }
        out.push(tokStart, pos, TokenKind.Url, flags);
      } else if (c === 0x2e) {
        pos++;
        while (pos < end && text.charCodeAt(pos) === 0x2e) pos++;
        pos = this.extend(pos);
        out.push(tokStart, pos, TokenKind.Punct, flags);
      } else {
        pos = this.extend(pos + 1);
        out.push(tokStart, pos, isSymbolChar(c) ? TokenKind.Symbol : TokenKind.Punct, flags);
      }
    }
    const n = out.count;
    const buffer = new ArrayBuffer(n * 10);
    const tokens = {
      text,
      count: n,
      starts: new Int32Array(buffer, 0, n),
      ends: new Int32Array(buffer, 4 * n, n),
      kinds: new Uint8Array(buffer, 8 * n, n),
      flags: new Uint8Array(buffer, 9 * n, n),
    };
    tokens.starts.set(out.starts.subarray(0, n));
    tokens.ends.set(out.ends.subarray(0, n));
    tokens.kinds.set(out.kinds.subarray(0, n));
    tokens.flags.set(out.flags.subarray(0, n));
    // Do not hold on to the memory of one very long text.
    if (out.starts.length > SCRATCH_KEEP) scratch = new Builder(1024);
    return tokens;
  }

  /** Class bits of the code point at p shifted left by 2, or-ed with its width (1 or 2). */
  private classAt(p: number): number {
    const c = this.text.charCodeAt(p);
    if (c < 0x80) return ASCII_CW[c]!;
    if (c >= 0xd800 && c <= 0xdbff && p + 1 < this.end) {
      const d = this.text.charCodeAt(p + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        return (astralClass(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000) << 2) | 2;
      }
    }
    return (charClass(c) << 2) | 1;
  }

  /** Extends past combining marks, variation selectors, modifiers and ZWJ sequences after p. */
  private extend(p: number): number {
    const { text, end } = this;
    while (p < end) {
      const cw = this.classAt(p);
      if (!((cw >> 2) & C_MARK)) break;
      const c = text.charCodeAt(p);
      p += cw & 3;
      if (c === 0x200d && p < end) {
        // ZWJ joins the next code point when it is not a separator.
        const nw = this.classAt(p);
        if (!((nw >> 2) & C_SPACE)) p += nw & 3;
      }
    }
    return p;
  }

  /**
   * The end of a URL, e-mail address or domain path starting at p, or p when there is none.
   * Looks at the run of non-space characters once; a rejected run is not looked at again.
   */
  private scanUrl(p: number): number {
    const { text, end } = this;
    // Quick test: the word must be followed soon by one of : / . @
    let q = p;
    while (q < end && q - p < 64) {
      const c = text.charCodeAt(q);
      if (c === 0x3a || c === 0x2f || c === 0x2e || c === 0x40) break;
      if (c < 0x80 ? !((ASCII_CW[c]! >> 2) & (C_LETTER | C_DIGIT)) && c !== 0x2d && c !== 0x5f : false) return p;
      q++;
    }
    if (q >= end || q - p >= 64) return p;
    let runEnd = q;
    while (runEnd < end && runEnd - p < 2048) {
      const c = text.charCodeAt(runEnd);
      if (c <= 0x20 || c === 0x22 || c === 0x3c || c === 0x3e || c === 0xab || c === 0xbb || c === 0x201c || c === 0x201d) break;
      if (c >= 0x80 && (this.classAt(runEnd) >> 2) & C_SPACE) break;
      runEnd++;
    }
    const run = text.slice(p, runEnd);
    const m = URL_RE.exec(run);
    if (!m) {
      this.noUrlBefore = runEnd;
      return p;
    }
    let e = p + m[0].length;
    // Trailing punctuation belongs to the sentence; a closing bracket only if unbalanced.
    while (e > p && /[.,;:!?'’)\]]/.test(text[e - 1]!)) {
      const ch = text[e - 1]!;
      if (ch === ')' || ch === ']') {
        const body = text.slice(p, e);
        const open = ch === ')' ? '(' : '[';
        if (body.split(open).length >= body.split(ch).length) break;
      }
      e--;
    }
    return e;
  }

  private scanWord(p: number): number {
    const { text, end } = this;
    const wordStart = p;
    const abbr = this.scanDottedAbbreviation(p);
    if (abbr > 0) return abbr;
    for (;;) {
      while (p < end) {
        const ch = text.charCodeAt(p);
        // ASCII letters and digits first: the common case.
        if ((ch >= 0x61 && ch <= 0x7a) || (ch >= 0x41 && ch <= 0x5a) || (ch >= 0x30 && ch <= 0x39)) {
          p++;
          continue;
        }
        if (ch < 0x80) break;
        const cw = this.classAt(p);
        if ((cw >> 2) & (C_LETTER | C_MARK | C_DIGIT)) p += cw & 3;
        else break;
      }
      if (p + 1 >= end) break;
      const c = text.charCodeAt(p);
      const next = this.classAt(p + 1) >> 2;
      if (isHyphen(c) && next & (C_LETTER | C_DIGIT)) {
        p++;
        continue;
      }
      if (isApostrophe(c) && next & C_LETTER) {
        let q = p + 1;
        while (q < end) {
          const cw = this.classAt(q);
          if ((cw >> 2) & (C_LETTER | C_MARK)) q += cw & 3;
          else break;
        }
        if (q - (p + 1) <= 2 && CLITICS.has(lowerSlice(text, p + 1, q))) {
          // English clitic: Ancelotti’s → Ancelotti + ’s; don't → do + n't.
          this.clitic = q;
          const nt = q === p + 2 && (text.charCodeAt(p + 1) | 0x20) === 0x74 && p - 1 > wordStart && (text.charCodeAt(p - 1) | 0x20) === 0x6e;
          return nt ? p - 1 : p;
        }
        if (p - wordStart <= 8 && ELISIONS.has(lowerSlice(text, wordStart, p))) {
          return p + 1; // Italian elision keeps its apostrophe: dell’ + Atletico
        }
        p++;
        continue;
      }
      break;
    }
    // Titles keep their period: Mr. St.
    if (p < end && text.charCodeAt(p) === 0x2e && p - wordStart <= 5 && TITLES.has(text.slice(wordStart, p))) {
      return p + 1;
    }
    return p;
  }

  /** `(letter '.'){2,8}` with single BMP letters (U.S., F.C., a.m.); 0 when not one. */
  private scanDottedAbbreviation(p: number): number {
    const { text, end } = this;
    let q = p;
    let n = 0;
    while (q + 1 < end && n < 8 && text.charCodeAt(q + 1) === 0x2e) {
      const cw = this.classAt(q);
      if ((cw & 3) !== 1 || !((cw >> 2) & C_LETTER)) break;
      q += 2;
      n++;
      if (q + 1 >= end || !((this.classAt(q) >> 2) & C_LETTER)) break;
    }
    return n >= 2 ? q : 0;
  }

  private scanNumber(p: number): number {
    const { text, end } = this;
    for (;;) {
      while (p < end && (this.classAt(p) >> 2) & C_DIGIT) p += this.classAt(p) & 3;
      if (p + 1 < end) {
        const c = text.charCodeAt(p);
        if ((c === 0x2e || c === 0x2c || c === 0x3a || c === 0x2f || isHyphen(c)) && (this.classAt(p + 1) >> 2) & C_DIGIT) {
          p++;
          continue;
        }
      }
      break;
    }
    // Ordinals and units written against the number: 1st, 90th, 10km.
    while (p < end) {
      const cw = this.classAt(p);
      if ((cw >> 2) & (C_LETTER | C_MARK | C_DIGIT)) p += cw & 3;
      else break;
    }
    return this.extend(p);
  }

  private scanAstralSymbol(p: number): number {
    const { text, end } = this;
    const cp = text.codePointAt(p)!;
    p += 2;
    // Regional indicators pair into flags.
    if (cp >= 0x1f1e6 && cp <= 0x1f1ff && p + 1 < end) {
      const n = text.codePointAt(p)!;
      if (n >= 0x1f1e6 && n <= 0x1f1ff) p += 2;
    }
    return this.extend(p);
  }
}

/** URLs with a scheme or www., domain paths, e-mail addresses (matched against one run). */
const URL_RE =
  /^(?:[a-z][a-z0-9+.-]{1,15}:\/\/\S+|www\.[\w-]+(?:\.[\w-]+)+\S*|[\w-]+(?:\.[\w-]+)*\.[a-z]{2,24}\/\S*|[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,24})/i;

/** Characters that are symbols rather than punctuation (currency, maths, arrows, dingbats…). */
function isSymbolChar(c: number): boolean {
  if (c < 0x80) return c === 0x24 || c === 0x2b || c === 0x3c || c === 0x3d || c === 0x3e || c === 0x5e || c === 0x60 || c === 0x7c || c === 0x7e;
  return (c >= 0x20a0 && c <= 0x20cf) || (c >= 0x2190 && c <= 0x2bff) || c === 0xa9 || c === 0xae || c === 0xb0;
}

/** The text of token `i`. */
export function tokenText(tokens: Tokens, i: number): string {
  return tokens.text.slice(tokens.starts[i], tokens.ends[i]);
}

/** The index of the first token whose end is after `offset` (binary search). */
export function tokenAt(tokens: Tokens, offset: number): number {
  let lo = 0;
  let hi = tokens.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens.ends[mid]! <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
