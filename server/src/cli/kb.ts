/**
 * `touchline kb …`: import knowledge bases from openfootball and Wikidata, and validate
 * knowledge-base files.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { stringify } from 'yaml';
import { loadKb } from '../core/kb/load';
import { readBundledKb } from '../host/bundledKb';
import { packageRoot } from '../host/packageRoot';
import { openfootballToKb, parseOpenfootballClubs, type ImportedTeam } from '../core/kb/import/openfootball';
import { importWikidata } from '../core/kb/import/wikidata';
import type { KbFile } from '../core/kb/types';
import { LineIndex } from '../core/positions';
import { EXIT, type Io } from './io';

const OPENFOOTBALL_HELP = `Usage: touchline kb import openfootball <folder> [--out FILE]

Converts openfootball club lists (<cc>.clubs.txt files under <folder>) into team entities.

Options:
  --out FILE    Write to FILE instead of standard output: JSON (one entity per line), or
                YAML when FILE ends in .yaml
  -h, --help    Show this help`;

const WIKIDATA_HELP = `Usage: touchline kb import wikidata <results.json> [options]

Converts SPARQL 1.1 JSON results for P54 (member of sports team) with P580/P582 (start/end),
P1350 (matches) and P1351 (goals) into people with stints and statistics (scope: league).
Teams already in the bundled knowledge base (or in --kb files) are matched by QID.

Options:
  --out FILE           Write to FILE instead of standard output: YAML, or JSON when FILE
                       ends in .json
  --as-of YYYY-MM-DD   Date of the figures (default: the results file's date)
  --lang en|it         Language of the labels (default: en)
  --kb FILE            Knowledge-base file whose teams are matched too; repeatable
  -h, --help           Show this help`;

const VALIDATE_HELP = `Usage: touchline kb validate <files…> [--no-bundled]

Checks knowledge-base files (YAML or JSON) against the schema and the bundled knowledge base;
prints problems as file:line:column. Exit status 1 on errors, 2 on bad usage.

Options:
  --no-bundled  Check the files on their own, without the bundled knowledge base
  -h, --help    Show this help`;

const HELP = `Usage: touchline kb <command> [options]

Commands:
  import openfootball <folder>   Convert openfootball club lists into team entities
  import wikidata <results.json> Convert Wikidata SPARQL results (P54 stints) into people
  validate <files…>              Check knowledge-base files; problems with line and column

Run "touchline kb <command> --help" for a command's options.

Options:
  -h, --help    Show this help`;

/** Runs `touchline kb <args>`; returns the exit code. */
export async function runKbCommand(args: string[], io: Io): Promise<number> {
  const [command, ...rest] = args;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.stdout(`${HELP}\n`);
    return command === undefined ? EXIT.usage : EXIT.ok;
  }
  try {
    if (command === 'import') {
      const [source, ...more] = rest;
      if (source === 'openfootball') return importOpenfootball(more, io);
      if (source === 'wikidata') return importWikidataCommand(more, io);
      if (source === '--help' || source === '-h' || source === undefined) {
        io.stdout(`${HELP}\n`);
        return source === undefined ? EXIT.usage : EXIT.ok;
      }
      io.stderr(`touchline kb import: unknown source "${source ?? ''}" (use openfootball or wikidata).\n\n${HELP}\n`);
      return EXIT.usage;
    }
    if (command === 'validate') return validate(rest, io);
  } catch (e) {
    io.stderr(`touchline kb ${command}: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT.usage;
  }
  io.stderr(`touchline kb: unknown command "${command}".\n\n${HELP}\n`);
  return EXIT.usage;
}

interface Parsed {
  positional: string[];
  options: Map<string, string[]>;
  flags: Set<string>;
}

function parseArgs(args: readonly string[], withValue: readonly string[]): Parsed {
  const out: Parsed = { positional: [], options: new Map(), flags: new Set() };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('--') && a.includes('=')) {
      const [k, v] = [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)];
      out.options.set(k, [...(out.options.get(k) ?? []), v]);
    } else if (withValue.includes(a)) {
      const v = args[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      out.options.set(a, [...(out.options.get(a) ?? []), v]);
    } else if (a.startsWith('-')) {
      out.flags.add(a);
    } else {
      out.positional.push(a);
    }
  }
  return out;
}

function wantsHelp(p: Parsed, io: Io, help: string): boolean {
  if (p.flags.has('--help') || p.flags.has('-h')) {
    io.stdout(`${help}\n`);
    return true;
  }
  return false;
}

function rejectUnknownFlags(p: Parsed, known: readonly string[], io: Io, command: string, help: string): boolean {
  const bad = [...p.flags, ...p.options.keys()].filter((f) => !known.includes(f));
  if (bad.length === 0) return false;
  io.stderr(`touchline kb ${command}: unknown option ${bad.join(', ')}\n\n${help}\n`);
  return true;
}

/** Every `*.clubs.txt` under a folder, in a stable order. */
function clubFiles(folder: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/^[a-z]{2,3}\.clubs\.txt$/i.test(name)) out.push(p);
    }
  };
  walk(folder);
  return out;
}

/** JSON with one entity per line: compact, yet diff- and grep-friendly. */
export function kbJson(doc: { sources?: object; entities: readonly object[] }): string {
  const head = doc.sources ? `  "sources": ${JSON.stringify(doc.sources)},\n` : '';
  return `{\n${head}  "entities": [\n${doc.entities.map((e) => `    ${JSON.stringify(e)}`).join(',\n')}\n  ]\n}\n`;
}

function kbYaml(doc: object): string {
  return stringify(doc, { lineWidth: 0 });
}

function write(out: string | undefined, text: string, io: Io): void {
  if (out) writeFileSync(out, text);
  else io.stdout(text);
}

function importOpenfootball(args: readonly string[], io: Io): number {
  const p = parseArgs(args, ['--out']);
  if (wantsHelp(p, io, OPENFOOTBALL_HELP)) return EXIT.ok;
  if (rejectUnknownFlags(p, ['--out'], io, 'import openfootball', OPENFOOTBALL_HELP)) return EXIT.usage;
  const folder = p.positional[0];
  if (!folder || p.positional.length > 1) {
    io.stderr(`touchline kb import openfootball: give one folder.\n\n${OPENFOOTBALL_HELP}\n`);
    return EXIT.usage;
  }
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    io.stderr(`touchline kb import openfootball: ${folder} is not a folder.\n`);
    return EXIT.usage;
  }
  const t0 = performance.now();
  const files = clubFiles(folder);
  const clubs = files.flatMap((f) => parseOpenfootballClubs(relative(folder, f), readFileSync(f, 'utf8')));
  const entities: ImportedTeam[] = openfootballToKb(clubs);
  const doc = {
    sources: {
      openfootball: { title: 'openfootball/clubs: football clubs and their name variants (public domain, CC0)', publisher: 'openfootball', url: 'https://github.com/openfootball/clubs' },
    },
    entities,
  };
  const out = p.options.get('--out')?.[0];
  const text = out && /\.ya?ml$/i.test(out) ? kbYaml(doc) : kbJson(doc);
  write(out, text, io);
  const ms = performance.now() - t0;
  io.stderr(`Imported ${entities.length} clubs from ${files.length} files in ${ms.toFixed(0)} ms (${(Buffer.byteLength(text) / 1024).toFixed(0)} KB)${out ? ` to ${out}` : ''}.\n`);
  return EXIT.ok;
}

function importWikidataCommand(args: readonly string[], io: Io): number {
  const p = parseArgs(args, ['--out', '--as-of', '--lang', '--kb']);
  if (wantsHelp(p, io, WIKIDATA_HELP)) return EXIT.ok;
  if (rejectUnknownFlags(p, ['--out', '--as-of', '--lang', '--kb'], io, 'import wikidata', WIKIDATA_HELP)) return EXIT.usage;
  const file = p.positional[0];
  if (!file || p.positional.length > 1) {
    io.stderr(`touchline kb import wikidata: give one SPARQL JSON results file.\n\n${WIKIDATA_HELP}\n`);
    return EXIT.usage;
  }
  const asOf = p.options.get('--as-of')?.[0] ?? statSync(file).mtime.toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) {
    io.stderr(`touchline kb import wikidata: --as-of must be YYYY-MM-DD, not ${asOf}.\n`);
    return EXIT.usage;
  }
  const lang = p.options.get('--lang')?.[0] ?? 'en';
  if (lang !== 'en' && lang !== 'it') {
    io.stderr('touchline kb import wikidata: --lang must be en or it.\n');
    return EXIT.usage;
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    io.stderr(`touchline kb import wikidata: ${file} is not JSON: ${(e as Error).message}\n`);
    return EXIT.usage;
  }
  const kbFiles: KbFile[] = [
    ...readBundledKb(packageRoot()),
    ...(p.options.get('--kb') ?? []).map((f) => ({ path: f, text: readFileSync(f, 'utf8') })),
  ];
  const knownIds = new Map<string, string>();
  for (const e of loadKb(kbFiles).kb.entities()) if (e.wikidata) knownIds.set(e.wikidata, e.id);
  const result = importWikidata(json, { asOf, knownIds, lang });
  const out = p.options.get('--out')?.[0];
  const doc = { sources: result.sources, entities: result.entities };
  write(out, out && /\.json$/i.test(out) ? kbJson(doc) : kbYaml(doc), io);
  for (const w of result.warnings.slice(0, 20)) io.stderr(`warning: ${w}\n`);
  if (result.warnings.length > 20) io.stderr(`… and ${result.warnings.length - 20} more warnings\n`);
  const people = result.entities.filter((e) => e.type === 'person').length;
  io.stderr(`Imported ${people} people and ${result.entities.length - people} new teams${out ? ` to ${out}` : ''}.\n`);
  return EXIT.ok;
}

/** 1-based line and column (UTF-16 units) of an offset. */
function lineCol(index: LineIndex, offset: number): { line: number; col: number } {
  const p = index.positionAt(offset);
  return { line: p.line + 1, col: p.character + 1 };
}

function validate(args: readonly string[], io: Io): number {
  const p = parseArgs(args, []);
  if (wantsHelp(p, io, VALIDATE_HELP)) return EXIT.ok;
  if (rejectUnknownFlags(p, ['--no-bundled'], io, 'validate', VALIDATE_HELP)) return EXIT.usage;
  if (p.positional.length === 0) {
    io.stderr(`touchline kb validate: give one or more files.\n\n${VALIDATE_HELP}\n`);
    return EXIT.usage;
  }
  const root = p.flags.has('--no-bundled') ? undefined : packageRoot();
  const bundled = root ? readBundledKb(root) : [];
  const bundledPaths = new Set(bundled.map((f) => resolve(f.path)));
  const files: KbFile[] = [...bundled];
  const texts = new Map<string, string>(bundled.map((f) => [f.path, f.text]));
  const indexes = new Map<string, LineIndex>();
  const indexOf = (file: string): LineIndex => {
    let ix = indexes.get(file);
    if (!ix) indexes.set(file, (ix = new LineIndex(texts.get(file) ?? '')));
    return ix;
  };
  const asked = new Set<string>();
  for (const f of p.positional) {
    const abs = resolve(f);
    if (bundledPaths.has(abs)) {
      asked.add(bundled.find((b) => resolve(b.path) === abs)!.path);
      continue;
    }
    let text: string;
    try {
      text = readFileSync(f, 'utf8');
    } catch (e) {
      io.stderr(`touchline kb validate: cannot read ${f}: ${(e as Error).message}\n`);
      return EXIT.usage;
    }
    files.push({ path: f, text, layer: 'workspace' });
    texts.set(f, text);
    asked.add(f);
  }
  const t0 = performance.now();
  const { kb, diagnostics } = loadKb(files, { validateBundled: true });
  const ms = performance.now() - t0;
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    // Problems in bundled files are shown only when those files were asked for.
    if (!asked.has(d.file)) continue;
    const { line, col } = lineCol(indexOf(d.file), d.span.start);
    if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
    io.stdout(`${d.file}:${line}:${col}: ${d.severity} ${d.code}: ${d.message}\n`);
    for (const r of d.related ?? []) {
      const rl = lineCol(indexOf(r.file), r.span.start);
      io.stdout(`  ${r.file}:${rl.line}:${rl.col}: ${r.message}\n`);
    }
  }
  io.stderr(`${asked.size} file(s) checked (${kb.size} entities loaded in ${ms.toFixed(0)} ms): ${errors} error(s), ${warnings} warning(s).\n`);
  return errors > 0 ? EXIT.findings : EXIT.ok;
}
