/**
 * Sidecar files on disk: where an article's tags live, reading them, and writing them
 * atomically (a temporary file in the same folder, then a rename), so a crash or a full disk
 * never leaves half a file.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Sidecar files end with this. */
export const SIDECAR_SUFFIX = '.annotations.json';

/**
 * The sidecar of `articlePath`. `location` (the `touchline.annotations.location` setting):
 * empty → beside the article (`<article>.annotations.json`); a folder (relative to the
 * workspace folder, or absolute) → there, mirroring the article's path in the workspace
 * folder. Articles outside any workspace folder keep their sidecar beside them.
 */
export function sidecarPathFor(articlePath: string, folderPath: string | undefined, location: string): string {
  const where = location.trim();
  if (where === '' || !folderPath) return articlePath + SIDECAR_SUFFIX;
  const rel = relative(folderPath, articlePath);
  if (rel.startsWith('..') || isAbsolute(rel)) return articlePath + SIDECAR_SUFFIX;
  return join(isAbsolute(where) ? where : join(folderPath, where), rel) + SIDECAR_SUFFIX;
}

/** The article as annotations name it: relative to its workspace folder with `/`, else a file URI. */
export function annotationSource(articlePath: string, folderPath: string | undefined): string {
  if (folderPath) {
    const rel = relative(folderPath, articlePath);
    if (rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)) return rel.split(sep).join('/');
  }
  return pathToFileURL(articlePath).href;
}

/** A sidecar as read from disk. */
export type SidecarFile =
  | { readonly kind: 'missing' }
  | { readonly kind: 'text'; readonly text: string; readonly stamp: string }
  | { readonly kind: 'unreadable'; readonly message: string };

/** Read a sidecar; `stamp` changes whenever the file does (size and modification time). */
export async function readSidecarFile(path: string): Promise<SidecarFile> {
  try {
    const [text, info] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
    return { kind: 'text', text: text.replace(/^\uFEFF/, ''), stamp: `${info.size}:${info.mtimeMs}` };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'unreadable', message: code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (error as Error).message };
  }
}

/** The file's current stamp (as `readSidecarFile` gives it), or undefined when it does not exist. */
export async function sidecarStamp(path: string): Promise<string | undefined> {
  try {
    const info = await stat(path);
    return `${info.size}:${info.mtimeMs}`;
  } catch {
    return undefined;
  }
}

/** Write `text` to `path` atomically, creating its folder if needed. */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, text, { encoding: 'utf8', flush: true });
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
