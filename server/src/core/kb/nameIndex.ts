/**
 * The name index: finds every knowledge-base name in a text, for entity linking.
 *
 * Names are stored in a trie keyed by folded tokens (case and accents folded, hyphens
 * dropped, apostrophes as tokens). Matching walks the trie from each word of the text, so
 * its cost is linear in the text and bounded by the longest name's token count: it does not
 * grow with the size of the knowledge base (one hash lookup per word, plus one per extra
 * token of a candidate name).
 *
 * - Longest match first, left to right: "Real Madrid" is one match, not "Madrid".
 * - Case- and accent-insensitive: "MODRIC" and "Modric" match "Modrić".
 * - Possessives and Italian elisions need nothing special: "Ancelotti’s" is the word
 *   `Ancelotti`, an apostrophe and `s`; "dell’Atletico" is `dell`, an apostrophe, `Atletico`.
 * - A span may have several candidates (Milan the team and the city); all are returned with
 *   their name kind; the linker disambiguates.
 * - Epithets ("il tecnico di Reggiolo") are matched too but never hide other matches, so the
 *   place "Reggiolo" inside that epithet is found as well. Epithet matches may therefore
 *   overlap other matches; all other matches are disjoint.
 */
import type { EntityType, Language, Span } from '../model';
import { fold, foldAccents, foldPunct, isSeparator, isWordCode, nameKeys, tokenize } from './fold';
import type { KnowledgeBase } from './knowledgeBase';
import type { KbEntity, KbName } from './types';

/** One entity a matched span may refer to. */
export interface NameCandidate {
  readonly id: string;
  readonly type: EntityType;
  /** The entity's canonical name. */
  readonly entityName: string;
  /** The name form that matched, as written in the knowledge base. */
  readonly name: string;
  /** How the form refers to the entity; `name` for the canonical name. */
  readonly kind: KbName['kind'];
  readonly lang?: Language;
  /** True when the canonical name matched. */
  readonly canonical: boolean;
}

/** A span of text that matches one or more knowledge-base names. */
export interface NameMatch extends Span {
  readonly text: string;
  readonly candidates: readonly NameCandidate[];
  /** True when the candidates are epithets (such a match may overlap others). */
  readonly epithet: boolean;
}

export interface MatchOptions {
  /** Range of the text to scan (default: all of it). */
  readonly start?: number;
  readonly end?: number;
  /** Only names usable in this language (names without a language always are). */
  readonly lang?: Language;
}

interface Entry {
  readonly cand: NameCandidate;
  /** Accent-folded, case-kept tokens, when the name must match case. */
  readonly caseTokens?: readonly string[];
}

interface TrieNode {
  next?: Map<string, TrieNode>;
  entries?: Entry[];
  epithets?: Entry[];
  /** Candidates that need no check (no language, no case), shared between matches. */
  plain?: readonly NameCandidate[];
  plainEpithets?: readonly NameCandidate[];
  /** All candidates, in order, for conditional nodes whose checks all pass. */
  all?: readonly NameCandidate[];
  allEpithets?: readonly NameCandidate[];
  conditional?: boolean;
  conditionalEpithets?: boolean;
}

const KIND_RANK: Readonly<Record<KbName['kind'], number>> = { name: 0, nickname: 1, epithet: 2 };

/** Token kinds in `match`. */
const PUNCT = 0;
const ASCII_WORD = 1;
const WORD = 2;

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
/** 2^17 bits: small enough to stay in cache, sparse enough for a few thousand first tokens. */
const BLOOM_BYTES = 1 << 14;
const BLOOM_MASK = (BLOOM_BYTES << 3) - 1;

/** FNV-1a over a key's UTF-16 units (the same as `match` computes while scanning ASCII words). */
function hashKey(key: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), FNV_PRIME);
  return h;
}

/** Hash of two consecutive tokens. */
function pairHash(a: number, b: number): number {
  return Math.imul(a ^ ((b << 13) | (b >>> 19)), FNV_PRIME) ^ (b >>> 7);
}

function bloomAdd(bloom: Uint8Array, h: number): void {
  const a = h & BLOOM_MASK;
  const b = (h >>> 15) & BLOOM_MASK;
  bloom[a >>> 3]! |= 1 << (a & 7);
  bloom[b >>> 3]! |= 1 << (b & 7);
}

function bloomHas(bloom: Uint8Array, h: number): boolean {
  const a = h & BLOOM_MASK;
  const b = (h >>> 15) & BLOOM_MASK;
  return (bloom[a >>> 3]! & (1 << (a & 7))) !== 0 && (bloom[b >>> 3]! & (1 << (b & 7))) !== 0;
}

/** The name index of a knowledge base. Build once per knowledge base; matching is read-only. */
export class NameIndex {
  private readonly root = new Map<string, TrieNode>();
  /**
   * Bloom filters of one-token names and of the first two tokens of longer names: a position
   * of the text is looked up in the trie only when one of them may hold it, so the cost per
   * word stays two cache-resident bit tests however large the knowledge base.
   */
  private readonly singles = new Uint8Array(BLOOM_BYTES);
  private readonly pairs = new Uint8Array(BLOOM_BYTES);
  /** Number of name forms indexed. */
  size = 0;

  /** @internal Use `buildNameIndex`. */
  constructor(entities: Iterable<KbEntity>) {
    for (const e of entities) {
      this.add(e, { text: e.name, kind: 'name', ...(e.matchCase ? { matchCase: true } : {}) }, true);
      for (const n of e.names) this.add(e, n, false);
    }
    for (const node of this.root.values()) finish(node);
  }

  private add(e: KbEntity, n: KbName, canonical: boolean): void {
    const keys = tokenKeys(fold(n.text));
    if (keys.length === 0) return;
    const cand: NameCandidate = n.lang
      ? { id: e.id, type: e.type, entityName: e.name, name: n.text, kind: n.kind, lang: n.lang, canonical }
      : { id: e.id, type: e.type, entityName: e.name, name: n.text, kind: n.kind, canonical };
    const entry: Entry = n.matchCase ? { cand, caseTokens: tokenize(n.text).map((t) => foldAccents(n.text.slice(t.start, t.end))) } : { cand };
    this.insert(keys, entry, n.kind === 'epithet');
    this.size++;
    // "St. Pauli" also matches "St Pauli".
    if (keys.includes('.') && !n.matchCase) {
      const noDots = keys.filter((k) => k !== '.');
      if (noDots.length > 0) this.insert(noDots, entry, n.kind === 'epithet');
    }
  }

  private insert(keys: readonly string[], entry: Entry, epithet: boolean): void {
    let map = this.root;
    let node: TrieNode | undefined;
    if (keys.length === 1) bloomAdd(this.singles, hashKey(keys[0]!));
    else bloomAdd(this.pairs, pairHash(hashKey(keys[0]!), hashKey(keys[1]!)));
    for (let i = 0; i < keys.length; i++) {
      node = map.get(keys[i]!);
      if (!node) map.set(keys[i]!, (node = {}));
      if (i < keys.length - 1) map = node.next ??= new Map();
    }
    const list = epithet ? (node!.epithets ??= []) : (node!.entries ??= []);
    const i = list.findIndex((x) => x.cand.id === entry.cand.id);
    if (i < 0) list.push(entry);
    else if (better(entry, list[i]!)) list[i] = entry;
  }

  /**
   * Finds every name occurrence in `text` (or `text[start, end)`), left to right.
   * Offsets are UTF-16 offsets into `text`.
   */
  match(text: string, options: MatchOptions = {}): NameMatch[] {
    const from = options.start ?? 0;
    const to = Math.min(options.end ?? text.length, text.length);
    // Tokenize into parallel arrays: starts, ends, kinds, and folded keys computed on demand.
    // Words that cannot start a name (per the Bloom filter) need no key at all.
    const starts: number[] = [];
    const ends: number[] = [];
    const kinds: number[] = [];
    const keys: (string | undefined)[] = [];
    const hashes: number[] = [];
    let i = from;
    while (i < to) {
      const c = text.charCodeAt(i);
      if (isSeparator(c)) {
        i++;
        continue;
      }
      const start = i;
      if (isWordCode(c, text, i)) {
        let ascii = c < 128;
        let h = ascii ? Math.imul(FNV_OFFSET ^ (c >= 65 && c <= 90 ? c + 32 : c), FNV_PRIME) : 0;
        i += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
        while (i < to) {
          const d = text.charCodeAt(i);
          if (d < 128) {
            // ASCII fast path: letters and digits, hashed as lower case.
            if (d >= 97 && d <= 122) h = Math.imul(h ^ d, FNV_PRIME);
            else if (d >= 65 && d <= 90) h = Math.imul(h ^ (d + 32), FNV_PRIME);
            else if (d >= 48 && d <= 57) h = Math.imul(h ^ d, FNV_PRIME);
            else break;
            i++;
            continue;
          }
          if (!isWordCode(d, text, i)) break;
          ascii = false;
          i += d >= 0xd800 && d <= 0xdbff ? 2 : 1;
        }
        if (ascii) {
          kinds.push(ASCII_WORD);
          keys.push(undefined);
        } else {
          const key = fold(text.slice(start, i));
          h = hashKey(key);
          kinds.push(WORD);
          keys.push(key);
        }
        hashes.push(h);
      } else {
        i += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
        kinds.push(PUNCT);
        if (c < 128) {
          keys.push(undefined);
          hashes.push(Math.imul(FNV_OFFSET ^ (c === 96 ? 39 : c), FNV_PRIME));
        } else {
          const key = foldPunct(text.slice(start, i));
          keys.push(key);
          hashes.push(hashKey(key));
        }
      }
      starts.push(start);
      ends.push(i);
    }
    const keyAt = (k: number): string => {
      let key = keys[k];
      if (key === undefined) {
        const raw = text.slice(starts[k]!, ends[k]!);
        key = kinds[k] === PUNCT ? foldPunct(raw) : raw.toLowerCase();
        keys[k] = key;
      }
      return key;
    };

    const out: NameMatch[] = [];
    const n = starts.length;
    let t = 0;
    // Last token of the previous epithet match: epithets do not overlap each other.
    let epithetUntil = -1;
    while (t < n) {
      if (kinds[t] === PUNCT || !(bloomHas(this.singles, hashes[t]!) || (t + 1 < n && bloomHas(this.pairs, pairHash(hashes[t]!, hashes[t + 1]!))))) {
        t++;
        continue;
      }
      let node = this.root.get(keyAt(t));
      if (!node) {
        t++;
        continue;
      }
      let bestEnd = -1;
      let best: readonly NameCandidate[] = [];
      let epEnd = -1;
      let ep: readonly NameCandidate[] = [];
      let j = t;
      for (;;) {
        if (node.entries) {
          const c = node.conditional ? check(node.entries, node.all!, text, starts, ends, t, j, options.lang) : node.plain!;
          if (c.length > 0) {
            bestEnd = j;
            best = c;
          }
        }
        if (node.epithets && t > epithetUntil) {
          const c = node.conditionalEpithets ? check(node.epithets, node.allEpithets!, text, starts, ends, t, j, options.lang) : node.plainEpithets!;
          if (c.length > 0) {
            epEnd = j;
            ep = c;
          }
        }
        j++;
        if (j >= n || !node.next) break;
        const nextNode: TrieNode | undefined = node.next.get(keyAt(j));
        if (!nextNode) break;
        node = nextNode;
      }
      if (epEnd >= 0) {
        epithetUntil = epEnd;
        out.push({ start: starts[t]!, end: ends[epEnd]!, text: text.slice(starts[t]!, ends[epEnd]!), candidates: ep, epithet: true });
      }
      if (bestEnd >= 0) {
        out.push({ start: starts[t]!, end: ends[bestEnd]!, text: text.slice(starts[t]!, ends[bestEnd]!), candidates: best, epithet: false });
        t = bestEnd + 1;
      } else {
        t++;
      }
    }
    return out;
  }

  /** Candidates for a whole string that is exactly a name ("Blancos" → Real Madrid). */
  lookup(name: string, options: { readonly lang?: Language } = {}): readonly NameCandidate[] {
    const keys = nameKeys(name);
    if (keys.length === 0) return [];
    const ms = this.match(name, options.lang ? { lang: options.lang } : {});
    const whole = ms.filter((m) => m.start === 0 && m.end === name.trimEnd().length);
    return whole.flatMap((m) => m.candidates);
  }
}

/**
 * The candidates of a conditional node that pass their language and case checks. Entries are
 * sorted already; when all pass, the shared `all` array is returned (no allocation).
 */
function check(
  entries: readonly Entry[], all: readonly NameCandidate[], text: string, starts: readonly number[], ends: readonly number[],
  t: number, j: number, lang: Language | undefined,
): readonly NameCandidate[] {
  let out: NameCandidate[] | undefined;
  for (let k = 0; k < entries.length; k++) {
    const e = entries[k]!;
    const ok = (lang === undefined || e.cand.lang === undefined || e.cand.lang === lang) &&
      (!e.caseTokens || caseMatches(e.caseTokens, text, starts, ends, t, j));
    if (ok) {
      if (out) out.push(e.cand);
    } else if (!out) {
      out = all.slice(0, k);
    }
  }
  return out ?? all;
}

/** Keys of a folded name: its word and punctuation tokens, as `tokenize` splits them. */
function tokenKeys(folded: string): string[] {
  const out: string[] = [];
  for (const t of tokenize(folded)) out.push(folded.slice(t.start, t.end));
  return out;
}

function better(a: Entry, b: Entry): boolean {
  if (a.cand.canonical !== b.cand.canonical) return a.cand.canonical;
  return KIND_RANK[a.cand.kind] < KIND_RANK[b.cand.kind];
}

function sortEntries(entries: Entry[]): Entry[] {
  if (entries.length < 2) return entries;
  return entries.sort((a, b) => (a.cand.canonical === b.cand.canonical ? KIND_RANK[a.cand.kind] - KIND_RANK[b.cand.kind] : a.cand.canonical ? -1 : 1));
}

function isConditional(entries: readonly Entry[]): boolean {
  for (const e of entries) if (e.caseTokens || e.cand.lang) return true;
  return false;
}

function finish(node: TrieNode): void {
  if (node.entries) {
    node.entries = sortEntries(node.entries);
    node.conditional = isConditional(node.entries);
    const cands = node.entries.map((e) => e.cand);
    if (node.conditional) node.all = cands;
    else node.plain = cands;
  }
  if (node.epithets) {
    node.epithets = sortEntries(node.epithets);
    node.conditionalEpithets = isConditional(node.epithets);
    const cands = node.epithets.map((e) => e.cand);
    if (node.conditionalEpithets) node.allEpithets = cands;
    else node.plainEpithets = cands;
  }
  if (node.next) for (const child of node.next.values()) finish(child);
}

/** The text's tokens are written as in the name (accents aside), or all in capitals. */
function caseMatches(caseTokens: readonly string[], text: string, starts: readonly number[], ends: readonly number[], t: number, j: number): boolean {
  if (j - t + 1 !== caseTokens.length) return false;
  let asWritten = true;
  for (let k = t; k <= j; k++) {
    const expected = caseTokens[k - t]!;
    if (ends[k]! - starts[k]! === expected.length && text.startsWith(expected, starts[k]!)) continue;
    if (foldAccents(text.slice(starts[k]!, ends[k]!)) === expected) continue;
    asWritten = false;
    break;
  }
  if (asWritten) return true;
  for (let k = t; k <= j; k++) {
    const tok = text.slice(starts[k]!, ends[k]!);
    if (tok !== tok.toUpperCase()) return false;
  }
  return true;
}

/** Builds the name index of a knowledge base (or of any entities). */
export function buildNameIndex(kb: KnowledgeBase | Iterable<KbEntity>): NameIndex {
  return new NameIndex('entities' in kb && typeof kb.entities === 'function' ? kb.entities() : (kb as Iterable<KbEntity>));
}

/** Finds every knowledge-base name in `text`; see `NameIndex.match`. */
export function matchNames(index: NameIndex, text: string, options: MatchOptions = {}): NameMatch[] {
  return index.match(text, options);
}
