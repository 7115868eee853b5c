/**
 * Reading article files from disk for the CLI: binary files are refused, text that is not
 * valid UTF-8 is read as Windows-1252 (the usual legacy encoding of news archives) with a
 * notice, and a UTF-8 byte-order mark is dropped.
 */
import { readFile } from 'node:fs/promises';

export type ReadResult =
  | { readonly ok: true; readonly text: string; readonly notice?: string }
  | { readonly ok: false; readonly error: string };

/** How many leading bytes are inspected for NUL bytes to tell binary files apart. */
const SNIFF_BYTES = 8192;

export async function readArticle(path: string): Promise<ReadResult> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'is a folder' : (error as Error).message;
    return { ok: false, error: `cannot read ${path}: ${reason}` };
  }
  return decodeArticle(bytes, path);
}

/** Decode file bytes as described above. Exposed for tests. */
export function decodeArticle(bytes: Uint8Array, path: string): ReadResult {
  if (bytes.subarray(0, SNIFF_BYTES).includes(0)) return { ok: false, error: `skipped ${path}: it looks like a binary file, not a text article` };
  try {
    return { ok: true, text: stripBom(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) };
  } catch {
    return { ok: true, text: new TextDecoder('windows-1252').decode(bytes), notice: `${path} is not valid UTF-8; it was read as Windows-1252` };
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
