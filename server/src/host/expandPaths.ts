/**
 * Turn the CLI's file and folder arguments into article files: files are taken as given,
 * folders are walked for files matching the include globs and none of the exclude globs.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import picomatch from 'picomatch';
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE } from '../core/articleFiles';

export interface Expanded {
  readonly files: string[];
  readonly errors: string[];
}

export async function expandPaths(paths: readonly string[], include = DEFAULT_INCLUDE, exclude = DEFAULT_EXCLUDE): Promise<Expanded> {
  const isIncluded = picomatch([...include], { dot: false });
  const isExcluded = picomatch([...exclude], { dot: true });
  const files: string[] = [];
  const errors: string[] = [];
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch {
      errors.push(`cannot read ${path}: no such file or folder`);
      continue;
    }
    if (!info.isDirectory()) {
      files.push(path);
      continue;
    }
    const found: string[] = [];
    await walk(path, path, (file, rel) => {
      if (isIncluded(rel) && !isExcluded(rel)) found.push(file);
    }, errors);
    found.sort();
    files.push(...found);
  }
  return { files, errors };
}

async function walk(root: string, dir: string, visit: (file: string, rel: string) => void, errors: string[]): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    errors.push(`cannot read folder ${dir}`);
    return;
  }
  for (const entry of entries) {
    const full = join(dir, entry.name);
    const rel = relative(root, full).split(sep).join('/');
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules' || entry.name === '.git') continue;
      await walk(root, full, visit, errors);
    } else if (entry.isFile()) {
      visit(full, rel);
    }
  }
}
