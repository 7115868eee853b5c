import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { main } from '../../server/src/cli/main';
import { decodeArticle } from '../../server/src/host/readArticle';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

const samples = resolve(__dirname, '../../samples');

/** A folder with one article whose quote has no speaker (an `unattributed-quote` finding). */
function unattributedFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'touchline-cli-'));
  writeFileSync(join(dir, 'quote.txt'), 'The dressing room was quiet.\n\n“We will fight until the very last minute of the season.”\n');
  return dir;
}

test('check: exit 0 when nothing reaches the minimum severity, 1 when findings do', async () => {
  const clean = await run('check', samples);
  assert.equal(clean.code, 0, clean.err);
  const dir = unattributedFolder();
  assert.equal((await run('check', dir)).code, 0);
  const info = await run('check', dir, '--min-severity', 'information');
  assert.equal(info.code, 1);
  assert.match(info.out, /quote\.txt:3:1: information unattributed-quote: /);
});

test('check: JSON output lists files with findings and 1-based positions', async () => {
  const { code, out } = await run('check', unattributedFolder(), '--format', 'json', '--min-severity', 'hint');
  assert.equal(code, 1);
  const json = JSON.parse(out);
  assert.equal(json.files.length, 1);
  const f = json.files[0].findings[0];
  assert.deepEqual([f.line, f.column, f.rule], [3, 1, 'unattributed-quote']);
});

test('check: exit 2 on bad usage and on unreadable input, still checking the rest', async () => {
  assert.equal((await run('check')).code, 2);
  assert.equal((await run('check', samples, '--format', 'xml')).code, 2);
  assert.equal((await run('check', samples, '--min-severity', 'loud')).code, 2);
  const missing = await run('check', join(samples, 'nope.txt'), join(samples, '000_691f7d17e64d9296.txt'));
  assert.equal(missing.code, 2);
  assert.match(missing.err, /cannot read .*nope\.txt: no such file/);
  assert.match(missing.err, /1 article checked/);
  assert.equal((await run('frobnicate')).code, 2);
});

test('check: folders skip licence and requirements files, and binary files are refused clearly', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'touchline-cli-'));
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'sub', 'a.txt'), 'Casemiro said: “I love this club and I will never leave it.”');
  writeFileSync(join(dir, 'requirements.txt'), 'yaml==6.0');
  writeFileSync(join(dir, 'LICENSE.txt'), 'MIT');
  const { out } = await run('check', dir, '--format', 'json');
  assert.deepEqual(JSON.parse(out).files.map((f: { file: string }) => f.file), [join(dir, 'sub', 'a.txt')]);
  writeFileSync(join(dir, 'b.txt'), Buffer.from([0x47, 0x00, 0x01, 0x02]));
  const binary = await run('check', join(dir, 'b.txt'));
  assert.equal(binary.code, 2);
  assert.match(binary.err, /binary file/);
});

test('files that are not UTF-8 are read as Windows-1252 with a notice', () => {
  const result = decodeArticle(Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x68, 0x69, 0x94]), 'x.txt');
  assert.ok(result.ok);
  assert.equal(result.ok && result.text, 'Café “hi”');
  assert.match((result.ok && result.notice) || '', /not valid UTF-8/);
  const bom = decodeArticle(Buffer.from('\ufeffHello', 'utf8'), 'y.txt');
  assert.equal(bom.ok && bom.text, 'Hello');
});

test('annotate prints the model as JSON with lines and columns', async () => {
  const { code, out } = await run('annotate', join(samples, '000_691f7d17e64d9296.txt'), '--format', 'json');
  assert.equal(code, 0);
  const model = JSON.parse(out);
  assert.equal(model.language, 'en');
  assert.ok(model.quotes.length >= 5);
  assert.ok(model.quotes.every((q: { line: number; column: number }) => q.line >= 1 && q.column >= 1));
});
