/**
 * A new knowledge-base entry for a name the knowledge base lacks, as YAML text to insert
 * into a workspace knowledge-base file (the "add to the knowledge base" quick fix).
 */
import type { EntityType } from '../model';
import { fold } from './fold';

/** A stable id from a name: "Hansi Flick" → "hansi-flick", unique among `taken`. */
export function entityIdFor(name: string, taken: (id: string) => boolean): string {
  const base = fold(name).replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '') || 'entity';
  let id = base;
  for (let n = 2; taken(id); n++) id = `${base}-${n}`;
  return id;
}

/**
 * Where and what to insert into a knowledge-base file's `text` to add an entity: under its
 * `entities:` list when it has one (before the next top-level key), else a new list at the end.
 */
export function entityInsertion(text: string, id: string, type: EntityType, name: string): { offset: number; insert: string } {
  const item = `  - id: ${id}\n    type: ${type}\n    name: ${yamlString(name)}\n`;
  const entities = /^entities:[ \t]*(?:#.*)?$/m.exec(text);
  if (!entities) {
    const prefix = text.length === 0 || text.endsWith('\n') ? '' : '\n';
    return { offset: text.length, insert: `${prefix}entities:\n${item}` };
  }
  const after = entities.index + entities[0].length;
  const next = /^[^\s#-][^\n]*:/m.exec(text.slice(after + 1));
  if (!next) {
    const prefix = text.endsWith('\n') ? '' : '\n';
    return { offset: text.length, insert: prefix + item };
  }
  return { offset: after + 1 + next.index, insert: item };
}

/** Quote a YAML scalar only when it needs it. */
function yamlString(s: string): string {
  return /^[\p{L}\p{N}][\p{L}\p{N} .'’-]*$/u.test(s) && !/^(?:true|false|null|yes|no|on|off)$/i.test(s) ? s : JSON.stringify(s);
}
