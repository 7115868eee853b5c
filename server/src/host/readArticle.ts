/**
 * Reading article files from disk for the CLI: binary files are refused, text that is not
 * valid UTF-8 is read as Windows-1252 (the usual legacy encoding of news archives) with a
 * notice, and a UTF-8 byte-order mark is dropped.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

export type ReadResult =
  | { readonly ok: true; readonly text: string; readonly notice?: string }
  | { readonly ok: false; readonly error: string };

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** How many leading bytes are inspected for NUL bytes to tell binary files apart. */
const SNIFF_BYTES = 8192;

export async function readArticle(path: string): Promise<ReadResult> {
  try {
    return decodeArticle(await readFile(path), path);
  } catch (error) {
    return readError(path, error);
  }
}

/**
 * {@link readArticle} without waiting: for many small files in a row (indexing a workspace),
 * where the file system's round trips would cost more than the reads.
 */
export function readArticleSync(path: string): ReadResult {
  try {
    return decodeArticle(readFileSync(path), path);
  } catch (error) {
    return readError(path, error);
  }
}

function readError(path: string, error: unknown): ReadResult {
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'is a folder' : (error as Error).message;
  return { ok: false, error: `cannot read ${path}: ${reason}` };
}

/** Decode file bytes as described above. Exposed for tests. */
export function decodeArticle(bytes: Uint8Array, path: string): ReadResult {
  if (bytes.subarray(0, SNIFF_BYTES).includes(0)) return { ok: false, error: `skipped ${path}: it looks like a binary file, not a text article` };
  try {
    return { ok: true, text: stripBom(UTF8.decode(bytes)) };
  } catch {
    return { ok: true, text: decodeWindows1252(bytes), notice: `${path} is not valid UTF-8; it was read as Windows-1252` };
  }
}

/**
 * Windows-1252 differs from Latin-1 only in 0x80–0x9F (curly quotes, dashes, €…). Node's
 * TextDecoder treats the label as Latin-1, so those 32 bytes are mapped here.
 */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...chunk.map((b) => b)).replace(/[\x80-\x9f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
  }
  return out;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
