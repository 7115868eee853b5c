/**
 * Word and name lists used as recogniser features, stored as 32-bit hashes of folded token
 * sequences (see `sequenceStep`) with a bit set per list. Built by `scripts/ner/train.ts`.
 */

import { decodeBase64 } from './base64';

/** Bits of a gazetteer entry. */
export const GazFlag = {
  /** A football club's name or alias (openfootball, CC0). */
  Club: 1,
  /** A city or region named by a club list. */
  City: 2,
  /** A first name seen in the training data. */
  FirstName: 4,
  /** A word common in lower case in English training text. */
  LowerEn: 8,
  /** A word common in lower case in Italian training text. */
  LowerIt: 16,
  /** The start of a longer club or place name: matching may go on. */
  Prefix: 32,
} as const;

/** An open-addressing hash set of sequence hashes with flag bytes. */
export class Gazetteer {
  private readonly keys: Uint32Array;
  private readonly vals: Uint8Array;
  private readonly mask: number;

  /** @param maxLen the longest entry, in tokens. */
  constructor(
    entries: Uint32Array,
    flags: Uint8Array,
    readonly maxLen: number,
  ) {
    let size = 16;
    while (size < entries.length * 2) size <<= 1;
    this.keys = new Uint32Array(size);
    this.vals = new Uint8Array(size);
    this.mask = size - 1;
    for (let i = 0; i < entries.length; i++) this.add(entries[i]!, flags[i]!);
  }

  private add(key: number, flag: number): void {
    let slot = key & this.mask;
    for (;;) {
      const k = this.keys[slot]!;
      if (k === 0 || k === key) {
        this.keys[slot] = key;
        this.vals[slot]! |= flag;
        return;
      }
      slot = (slot + 1) & this.mask;
    }
  }

  /** Flags of a sequence hash (0 when absent). */
  get(key: number): number {
    let slot = key & this.mask;
    for (;;) {
      const k = this.keys[slot]!;
      if (k === key) return this.vals[slot]!;
      if (k === 0) return 0;
      slot = (slot + 1) & this.mask;
    }
  }
}

/** Serialised form: base64 of little-endian uint32 keys followed by one flag byte per key. */
export interface GazetteerData {
  readonly maxLen: number;
  readonly count: number;
  readonly data: string;
}

export function decodeGazetteer(d: GazetteerData): Gazetteer {
  const bytes = decodeBase64(d.data);
  const keys = new Uint32Array(d.count);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < d.count; i++) keys[i] = view.getUint32(i * 4, true);
  const flags = bytes.subarray(d.count * 4, d.count * 5);
  return new Gazetteer(keys, flags, d.maxLen);
}
