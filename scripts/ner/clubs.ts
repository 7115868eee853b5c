/**
 * Reads the openfootball club lists (CC0) into club names (with aliases) and place names
 * (cities, regions and countries that head the lists).
 */

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface ClubLists {
  readonly clubs: Set<string>;
  readonly places: Set<string>;
}

function walk(dir: string, out: string[]): void {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.clubs\.txt$|clubs\.wiki(\.\w+)?\.txt$/.test(name)) out.push(p);
  }
}

function clean(name: string): string {
  return name
    .replace(/\[[a-z]{2,3}\]/g, '')
    .replace(/\$\$/g, '')
    .replace(/,$/, '')
    .replace(/\(.*?\)/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function addName(set: Set<string>, raw: string): void {
  const name = clean(raw);
  if (name.length < 3 || !/\p{L}/u.test(name)) return;
  set.add(name);
}

/** Reads every `*.clubs.txt` and `clubs.wiki*.txt` under `root`. */
export function readClubLists(root: string): ClubLists {
  const files: string[] = [];
  walk(root, files);
  files.sort();
  const clubs = new Set<string>();
  const places = new Set<string>();
  for (const file of files) {
    for (let line of readFileSync(file, 'utf8').split(/\r?\n/)) {
      line = line.replace(/\s#.*$|^#.*$/, '').trimEnd();
      if (line.trim() === '') continue;
      const header = /^=+\s*(.*?)\s*=*$/.exec(line);
      if (header) {
        // "= Germany • Deutschland", "== Bayern ==": places in one or more languages.
        for (const part of header[1]!.split(/[•|]/)) {
          const p = clean(part.replace(/\(\w+\)$/, ''));
          if (p.length >= 3) places.add(p);
        }
        continue;
      }
      const trimmed = line.trim();
      if (trimmed.startsWith('|')) {
        for (const alias of trimmed.split('|')) addName(clubs, alias);
        continue;
      }
      if (/^\s/.test(line) && trimmed.includes('//')) continue; // street address
      const body = trimmed.replace(/^i+\)\s*/, '');
      const fields = body.split(',').map((f) => f.trim());
      addName(clubs, fields[0]!);
      if (fields.length > 1) {
        const last = fields[fields.length - 1]!;
        if (!/^\d/.test(last) && !last.startsWith('@')) {
          for (const part of last.split('›')) {
            const p = clean(part);
            if (p.length >= 3 && /^\p{Lu}/u.test(p)) places.add(p);
          }
        }
      }
    }
  }
  return { clubs, places };
}
