/**
 * Turn file, folder and glob arguments into article files: files are taken as given, folders
 * are walked for files matching the include globs and none of the exclude globs, and globs
 * (`'articles/**\/*.txt'`, quoted so the shell leaves them alone) match files under their
 * fixed prefix, minus the exclude globs. The language server uses the same walk for its
 * workspace folders.
 */
import { readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE } from '../core/articleFiles';

export interface Expanded {
  readonly files: string[];
  /** Arguments that named nothing readable, or globs that matched nothing, as messages. */
  readonly errors: string[];
  /** Knowledge-base files (`*.kb.yaml`, `*.kb.yml`, `*.kb.json`) met while walking folders. */
  readonly kbFiles: string[];
}

export interface ExpandOptions {
  /**
   * The workspace root: include/exclude globs match paths relative to it for files under it
   * (as the editor matches them relative to the workspace folder); other files match relative
   * to the folder walked.
   */
  readonly root?: string;
  /**
   * Relative arguments are resolved against this folder, and the files found are absolute
   * paths. Without it, paths stay as given (relative to the process's working folder).
   */
  readonly cwd?: string;
}

/** Names of knowledge-base files, which the editor loads from anywhere in the workspace. */
export const KB_FILE = /\.kb\.(?:ya?ml|json)$/i;

/** Folders never walked: dependencies and version control. */
const SKIP_DIRS: ReadonlySet<string> = new Set(['node_modules', '.git']);
/** Folders whose knowledge-base files the editor does not load either. */
const SKIP_KB_DIRS: ReadonlySet<string> = new Set([...SKIP_DIRS, '.venv', 'dist', 'out']);
/** How deep the editor looks for knowledge-base files under a workspace folder. */
const KB_MAX_DEPTH = 8;

/** Whether a knowledge-base file at `rel` (posix, relative to the workspace folder) is one the editor loads. */
function isWorkspaceKb(rel: string): boolean {
  const dirs = rel.split('/').slice(0, -1);
  return dirs.length <= KB_MAX_DEPTH && !dirs.some((d) => SKIP_KB_DIRS.has(d));
}

export async function expandPaths(
  paths: readonly string[],
  include: readonly string[] = DEFAULT_INCLUDE,
  exclude: readonly string[] = DEFAULT_EXCLUDE,
  options: ExpandOptions = {},
): Promise<Expanded> {
  const takes = articleGlobs(include, exclude);
  const root = options.root !== undefined ? resolve(options.root) : undefined;
  /** The path a glob is matched against: relative to the root when under it, else to `base`. */
  const relFor = (file: string, base: string): string => {
    if (root !== undefined) {
      const r = relative(root, resolve(file));
      if (r !== '' && !r.startsWith('..') && !isAbsolute(r)) return toPosix(r);
    }
    return toPosix(relative(base, file));
  };
  const files: string[] = [];
  const errors: string[] = [];
  const kbFiles: string[] = [];
  const at = (p: string): string => (options.cwd !== undefined ? resolve(options.cwd, p) : p);
  for (const arg of paths) {
    const path = at(arg);
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      const scan = picomatch.scan(arg);
      if (scan.isGlob) {
        const found = await expandGlob(at(scan.base === '' ? '.' : scan.base), scan.glob, (file, base) => !takes.excluded(relFor(file, base)), errors);
        if (found.length === 0) errors.push(`no articles match ${arg}`);
        files.push(...found);
      } else {
        const code = (error as NodeJS.ErrnoException).code;
        errors.push(`cannot read ${arg}: ${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : 'no such file or folder'}`);
      }
      continue;
    }
    if (!info.isDirectory()) {
      files.push(path);
      continue;
    }
    const found: string[] = [];
    await walk(path, path, (file, rel) => {
      if (KB_FILE.test(rel) && isWorkspaceKb(rel)) kbFiles.push(file);
      const r = relFor(file, path);
      if (takes.article(r)) found.push(file);
    }, errors);
    found.sort();
    files.push(...found);
  }
  return { files, errors, kbFiles };
}

/**
 * Whether the walk of `folder` with these globs takes `file`: under the folder, outside
 * dependency and VCS folders, matching an include glob and no exclude glob. The language
 * server asks this of files that change on disk or are closed, to keep its index to the
 * articles its walk found.
 */
export function isArticleIn(file: string, folder: string, include: readonly string[] = DEFAULT_INCLUDE, exclude: readonly string[] = DEFAULT_EXCLUDE): boolean {
  const r = relative(resolve(folder), resolve(file));
  if (r === '' || r.startsWith('..') || isAbsolute(r)) return false;
  const rel = toPosix(r);
  if (rel.split('/').slice(0, -1).some((d) => SKIP_DIRS.has(d))) return false;
  return articleGlobs(include, exclude).article(rel);
}

/** The include and exclude globs as matchers of posix paths relative to a walked folder. */
function articleGlobs(include: readonly string[], exclude: readonly string[]): { article: (rel: string) => boolean; excluded: (rel: string) => boolean } {
  const included = picomatch([...include], { dot: false });
  const excluded = picomatch([...exclude], { dot: true });
  return { article: (rel) => included(rel) && !excluded(rel), excluded };
}

/** Files under `base` whose path relative to it matches `glob` and passes `keep`. */
async function expandGlob(base: string, glob: string, keep: (file: string, base: string) => boolean, errors: string[]): Promise<string[]> {
  const matches = picomatch(glob, { dot: false });
  const found: string[] = [];
  try {
    if (!(await stat(base)).isDirectory()) return found;
  } catch {
    return found;
  }
  await walk(base, base, (file, rel) => {
    if (matches(rel) && keep(file, base)) found.push(file);
  }, errors, /\*\*/.test(glob) ? Infinity : glob.split('/').length);
  return found.sort();
}

/** Every file under `root` (skipping dependency and VCS folders), at most `depth` levels down. */
export async function walk(
  root: string,
  dir: string,
  visit: (file: string, rel: string) => void,
  errors: string[],
  depth = Infinity,
): Promise<void> {
  if (depth <= 0) return;
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    errors.push(`cannot read folder ${dir}`);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (SKIP_DIRS.has(entry.name)) continue;
      await walk(root, full, visit, errors, depth - 1);
    } else if (entry.isFile()) {
      visit(full, toPosix(relative(root, full)));
    }
  }
}

/**
 * Knowledge-base files under a folder (the workspace root), at most `maxDepth` levels down,
 * skipping dependency, VCS and build folders, as the editor's scan does.
 */
export async function findKbFiles(folder: string, maxDepth = KB_MAX_DEPTH): Promise<string[]> {
  const out: string[] = [];
  const skip = SKIP_KB_DIRS;
  const visit = async (dir: string, depth: number): Promise<void> => {
    if (depth > maxDepth) return;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.isDirectory() && !skip.has(e.name)) await visit(join(dir, e.name), depth + 1);
      else if (e.isFile() && KB_FILE.test(e.name)) out.push(join(dir, e.name));
    }
  };
  await visit(folder, 0);
  return out.sort();
}

function toPosix(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}
