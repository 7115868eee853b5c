import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { main } from '../../server/src/cli/main';
import type { Io } from '../../server/src/cli/io';
import { Progress } from '../../server/src/cli/progress';
import { RULES } from '../../server/src/core/checks';

const fixtures = resolve(__dirname, '../fixtures/cli');
const archive = join(fixtures, 'archive');
const smithersKb = join(fixtures, 'kb/smithers.kb.yaml');
const samples = resolve(__dirname, '../../samples');

async function run(argv: string[], io: Partial<Io> = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t), ...io });
  return { code, out, err };
}

/** A temporary workspace holding a copy of the archive fixture. */
function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'touchline-ws-'));
  cpSync(archive, join(dir, 'archive'), { recursive: true });
  return dir;
}

const findingsOf = (json: string) =>
  (JSON.parse(json).files as { file: string; findings: { rule: string; line: number; column: number }[] }[]).flatMap((f) => f.findings.map((x) => `${f.file.split('/').pop()}:${x.line}:${x.column} ${x.rule}`));

test('check: exit 0 clean, 1 on findings at or above the minimum severity', async () => {
  const clean = await run(['check', join(archive, '2023/clean.txt'), '--no-config']);
  assert.equal(clean.code, 0, clean.err);
  assert.equal(clean.out, '');
  const warnings = await run(['check', archive, '--no-config']);
  assert.equal(warnings.code, 1, warnings.err);
  assert.match(warnings.out, /smithers-a\.txt:3:26: warning cross-article: /);
  assert.doesNotMatch(warnings.out, /unattributed-quote/, 'information is below the default minimum');
  assert.equal((await run(['check', archive, '--no-config', '--min-severity', 'error'])).code, 0);
  assert.match((await run(['check', archive, '--no-config', '--min-severity', 'information'])).out, /quote\.txt:5:1: information unattributed-quote/);
});

test('check: exit 2 on bad usage, with the problem and the help', async () => {
  for (const argv of [
    ['check'],
    ['check', archive, '--frobnicate'],
    ['check', archive, '--format', 'xml'],
    ['check', archive, '--lang', 'fr'],
    ['check', archive, '--min-severity', 'loud'],
    ['check', archive, '--jobs', '0'],
    ['check', archive, '--jobs', 'many'],
    ['check', archive, '--rule', 'unattributed-quote'],
    ['check', archive, '--rule', 'unattributed-quote=loud'],
  ]) {
    const r = await run(argv);
    assert.equal(r.code, 2, argv.join(' '));
    assert.match(r.err, /^touchline check: .+\n\nUsage: touchline check/, argv.join(' '));
  }
  const unknownRule = await run(['check', archive, '--rule', 'no-such-rule=off']);
  assert.equal(unknownRule.code, 2);
  assert.match(unknownRule.err, new RegExp(`unknown rule "no-such-rule"; rules: ${RULES.map((r) => r.id).join(', ')}\\.`));
  const noConfig = await run(['check', archive, '--config', join(fixtures, 'missing.json')]);
  assert.equal(noConfig.code, 2);
  assert.match(noConfig.err, /cannot read the configuration file .*missing\.json/);
});

test('check: unreadable input is named on stderr (exit 2) and everything else is still checked', async () => {
  const dir = workspace();
  writeFileSync(join(dir, 'archive', 'binary.txt'), Buffer.from([0x47, 0x00, 0x01, 0x02]));
  const r = await run(['check', join(dir, 'archive'), join(dir, 'nope.txt'), "'no-such/**/*.txt'", '--no-config', '--kb', join(dir, 'missing.kb.yaml')], { cwd: dir });
  assert.equal(r.code, 2);
  assert.match(r.err, /cannot read .*nope\.txt: no such file or folder/);
  assert.match(r.err, /no articles match 'no-such\/\*\*\/\*\.txt'|cannot read 'no-such/);
  assert.match(r.err, /skipped archive\/binary\.txt: it looks like a binary file/);
  assert.match(r.err, /cannot read knowledge-base file .*missing\.kb\.yaml: no such file/);
  assert.match(r.err, /4 articles checked/);
  assert.match(r.out, /archive\/2024\/smithers-a\.txt:3:26: warning cross-article/);
});

test('check: --rule sets a severity or turns a rule off, over touchline.json', async () => {
  const off = await run(['check', archive, '--no-config', '--rule', 'cross-article=off']);
  assert.equal(off.code, 0, off.out);
  const raised = await run(['check', archive, '--no-config', '--rule', 'cross-article=off', '--rule', 'unattributed-quote=error']);
  assert.equal(raised.code, 1);
  assert.match(raised.out, /quote\.txt:5:1: error unattributed-quote: /);
  const dir = workspace();
  writeFileSync(join(dir, 'touchline.json'), JSON.stringify({ rules: { 'cross-article': 'off', 'unattributed-quote': 'warning' } }));
  const fromConfig = await run(['check', 'archive'], { cwd: dir });
  assert.equal(fromConfig.code, 1, fromConfig.err);
  assert.deepEqual(fromConfig.out.trim().split('\n').map((l) => l.split(': ')[1]), ['warning unattributed-quote']);
  const flagWins = await run(['check', 'archive', '--rule', 'unattributed-quote=off'], { cwd: dir });
  assert.equal(flagWins.code, 0, flagWins.out);
});

test('check: the same output, sorted by path then position, for --jobs 1 and --jobs 2', async () => {
  const args = ['check', samples, archive, join(archive, '2024/smithers-b.txt'), '--no-config', '--format', 'json', '--min-severity', 'hint'];
  const one = await run([...args, '--jobs', '1']);
  const two = await run([...args, '--jobs', '2']);
  assert.equal(one.code, 1, one.err);
  assert.equal(two.code, one.code, two.err);
  assert.equal(two.out, one.out);
  const files = (JSON.parse(one.out).files as { file: string; findings: { start: number; end: number }[] }[]);
  assert.equal(files.length, 8, 'every article once');
  assert.deepEqual(files.map((f) => f.file), [...files.map((f) => f.file)].sort());
  for (const f of files) assert.deepEqual(f.findings.map((x) => x.start), [...f.findings.map((x) => x.start)].sort((a, b) => a - b));
  const text = await run(['check', archive, '--no-config', '--min-severity', 'hint', '--jobs', '3']);
  assert.equal(text.out, (await run(['check', archive, '--no-config', '--min-severity', 'hint'])).out);
});

test('check: globs (quoted, expanded by Touchline) select files; excluded files stay out', async () => {
  const r = await run(['check', 'archive/**/smithers-*.txt', '--no-config', '--format', 'json'], { cwd: fixtures });
  assert.deepEqual(JSON.parse(r.out).files.map((f: { file: string }) => f.file), ['archive/2024/smithers-a.txt', 'archive/2024/smithers-b.txt']);
  const one = await run(['check', './archive/2023/*.txt', '--no-config', '--format', 'json'], { cwd: fixtures });
  assert.deepEqual(JSON.parse(one.out).files.map((f: { file: string }) => f.file), ['archive/2023/clean.txt', 'archive/2023/quote.txt']);
  const licence = await run(['check', 'archive/*.txt', '--no-config'], { cwd: fixtures });
  assert.equal(licence.code, 2, 'LICENSE.txt is excluded, so nothing matches');
  assert.match(licence.err, /no articles match archive\/\*\.txt/);
  const absolute = await run(['check', `${archive}/**/clean.txt`, '--no-config', '--format', 'json']);
  assert.deepEqual(JSON.parse(absolute.out).files.map((f: { file: string }) => f.file.split('/').slice(-2).join('/')), ['2023/clean.txt']);
});

test('check: cross-article findings point at each other; a knowledge base that settles it flags only the wrong one', async () => {
  const plain = await run(['check', archive, '--no-config']);
  assert.equal(plain.out.split('\n').filter((l) => l.includes('cross-article')).length, 2);
  assert.match(plain.out, /smithers-a\.txt:3:26: warning cross-article: .*says John Smithers scored 38 goals for Leeds United FC; this one says 40\.\n {2}.*smithers-b\.txt:3:26: 38/);
  const withKb = await run(['check', archive, '--no-config', '--kb', smithersKb, '--format', 'json', '--min-severity', 'hint']);
  assert.deepEqual(findingsOf(withKb.out).filter((f) => !f.endsWith('unattributed-quote')), ['smithers-b.txt:3:26 kb-mismatch']);
  // A *.kb.yaml file inside a folder that is checked is loaded, as the editor loads it from its workspace.
  const dir = workspace();
  cpSync(smithersKb, join(dir, 'archive', 'smithers.kb.yaml'));
  const scanned = await run(['check', join(dir, 'archive'), '--no-config', '--format', 'json', '--min-severity', 'hint']);
  assert.deepEqual(findingsOf(scanned.out), findingsOf(withKb.out));
});

test('check: touchline.json is found from the working folder; its errors are located, defaults used, exit 2', async () => {
  const dir = workspace();
  mkdirSync(join(dir, 'archive', 'drafts'));
  cpSync(join(archive, '2023/quote.txt'), join(dir, 'archive', 'drafts', 'draft.txt'));
  writeFileSync(join(dir, 'touchline.json'), JSON.stringify({ rules: { 'unattributed-quote': 'warning', 'cross-article': 'off' }, articles: { exclude: ['**/drafts/**'] } }, null, 2));
  const sub = join(dir, 'archive');
  const found = await run(['check', '.', '--format', 'json'], { cwd: sub });
  assert.equal(found.code, 1, found.err);
  assert.deepEqual(findingsOf(found.out), ['quote.txt:5:1 unattributed-quote'], 'drafts excluded, severities from the file');
  assert.deepEqual(findingsOf((await run(['check', '.', '--format', 'json', '--no-config'], { cwd: sub })).out).sort(), [
    'smithers-a.txt:3:26 cross-article',
    'smithers-b.txt:3:26 cross-article',
  ]);
  writeFileSync(join(dir, 'touchline.json'), '{\n  "rules": {"unattributed-quote": "loud"},\n  "language": "it"\n}\n');
  const broken = await run(['check', '.'], { cwd: sub });
  assert.equal(broken.code, 2);
  assert.match(broken.err, /touchline\.json:2:35: error: `rules\.unattributed-quote` cannot be "loud"/);
  assert.match(broken.out, /cross-article/, 'the articles are still checked, with the defaults for what was wrong');
  writeFileSync(join(dir, 'touchline.json'), '{\n  "rules": {\n');
  const syntax = await run(['check', '.'], { cwd: sub });
  assert.equal(syntax.code, 2);
  assert.match(syntax.err, /touchline\.json:3:1: error: JSON syntax error/);
  const other = join(dir, 'other.json');
  writeFileSync(other, JSON.stringify({ rules: { 'cross-article': 'off' } }));
  assert.equal((await run(['check', '.', '--config', other], { cwd: sub })).code, 0);
});

test('check: progress only on a terminal without --quiet; colours only on a terminal without NO_COLOR', async () => {
  const piped = await run(['check', archive, '--no-config']);
  assert.doesNotMatch(piped.err, /\r/);
  assert.doesNotMatch(piped.out, /\x1b\[/);
  const quiet = await run(['check', archive, '--no-config', '--quiet'], { stderrIsTTY: true });
  assert.equal(quiet.err, '');
  const tty = await run(['check', archive, '--no-config'], { stdoutIsTTY: true, stderrIsTTY: true, env: {} });
  assert.match(tty.out, /\x1b\[33mwarning\x1b\[0m/);
  const noColor = await run(['check', archive, '--no-config'], { stdoutIsTTY: true, env: { NO_COLOR: '1' } });
  assert.doesNotMatch(noColor.out, /\x1b\[/);

  let err = '';
  const io: Io = { stdout: () => {}, stderr: (t) => (err += t) };
  const shown = new Progress(io, true, 0, 0);
  shown.update('Checking', 5, 10);
  assert.match(err, /^\rChecking 5\/10 files \(50%\), \d+ files\/s\x1b\[K$/);
  shown.clear();
  assert.match(err, /\r\x1b\[K$/);
  err = '';
  const hidden = new Progress(io, false, 0, 0);
  hidden.update('Checking', 5, 10);
  hidden.clear();
  assert.equal(err, '');
});

test('check: JSON lists every article, the errors and a summary', async () => {
  const r = await run(['check', archive, join(archive, 'missing.txt'), '--no-config', '--format', 'json']);
  const json = JSON.parse(r.out);
  assert.equal(json.files.length, 4);
  assert.deepEqual(json.errors, [`cannot read ${join(archive, 'missing.txt')}: no such file or folder`]);
  assert.deepEqual(json.summary, { articles: 4, findings: 2, error: 0, warning: 2, information: 0, hint: 0, errors: 1 });
  const f = json.files.find((x: { file: string }) => x.file.endsWith('smithers-a.txt')).findings[0];
  assert.deepEqual([f.rule, f.line, f.column, f.endLine, f.endColumn, f.related[0].line, f.related[0].file.split('/').pop()], ['cross-article', 3, 26, 3, 28, 3, 'smithers-b.txt']);
});

test('--help for every command and subcommand; analysing commands share their options', async () => {
  const helps: Record<string, string[]> = {
    '': ['--help'],
    check: ['check', '--help'],
    annotate: ['annotate', '-h'],
    kb: ['kb', '--help'],
    'kb import openfootball': ['kb', 'import', 'openfootball', '--help'],
    'kb import wikidata': ['kb', 'import', 'wikidata', '-h'],
    'kb validate': ['kb', 'validate', '--help'],
  };
  for (const [name, argv] of Object.entries(helps)) {
    const r = await run(argv);
    assert.equal(r.code, 0, name);
    assert.match(r.out, new RegExp(`^Usage: touchline ${name}`.replace(/ $/, ' ')), name);
    assert.equal(r.err, '');
  }
  for (const command of ['check', 'annotate']) {
    const { out } = await run([command, '--help']);
    for (const flag of ['--lang', '--kb FILE', '--config FILE', '--no-config', '-h, --help']) assert.ok(out.includes(flag), `${command} --help lacks ${flag}`);
  }
  const top = (await run(['--help'])).out;
  for (const c of ['check', 'annotate', 'kb import openfootball', 'kb import wikidata', 'kb validate']) assert.ok(top.includes(`  ${c} `), c);
  assert.equal((await run(['kb', 'validate', '--frobnicate', 'x'])).code, 2);
});

test('annotate reads touchline.json and --kb like check', async () => {
  const dir = workspace();
  writeFileSync(join(dir, 'touchline.json'), JSON.stringify({ language: 'it', articleDate: '2024-06-01' }));
  writeFileSync(join(dir, 'nodate.txt'), 'John Smithers has scored 40 goals for Leeds United.\n');
  const model = JSON.parse((await run(['annotate', 'nodate.txt'], { cwd: dir })).out);
  assert.equal(model.language, 'it');
  assert.equal(model.date.value, '2024-06-01');
  const english = JSON.parse((await run(['annotate', 'nodate.txt', '--lang', 'en', '--kb', smithersKb], { cwd: dir })).out);
  assert.equal(english.language, 'en');
  assert.ok(english.entities.some((e: { entityId?: string }) => e.entityId === 'john-smithers'));
});

test('check: a surname another article gives in full is that person, as in the editor', async () => {
  const dir = join(fixtures, 'surnames');
  const alone = await run(['check', join(dir, 'lone.txt'), '--no-config', '--min-severity', 'hint']);
  assert.match(alone.out, /lone\.txt:3:15: hint unknown-entity: Smithers is not/);
  const both = await run(['check', dir, '--no-config', '--min-severity', 'hint', '--format', 'json']);
  const found = findingsOf(both.out);
  assert.ok(!found.includes('lone.txt:3:15 unknown-entity'), found.join('\n'));
  // Its claim is John Smithers's, so the two articles disagree.
  assert.ok(found.includes('lone.txt:3:78 cross-article') && found.includes('full.txt:3:26 cross-article'), found.join('\n'));
  assert.equal((await run(['check', dir, '--no-config', '--min-severity', 'hint', '--format', 'json', '--jobs', '2'])).out, both.out);
});

test('the cross-article index names the articles that disagree and hands them the others\' claims', async () => {
  const { ClaimIndex } = await import('../../server/src/cli/claimIndex');
  const at = { line: 1, column: 1, endLine: 1, endColumn: 3 };
  const claim = (source: string, subjectKey: string, value: number, start = 0) => ({
    source,
    language: 'en' as const,
    at,
    claim: { id: `goals@${start}`, start, end: start + 2, subjectKey, subjectName: subjectKey, property: 'goals' as const, value, valueSpan: { start, end: start + 2 }, form: 'digits' as const, qualifiers: {} },
  });
  const index = new ClaimIndex();
  index.add([claim('a', 'x', 40), claim('a', 'y', 1, 10)]);
  index.add([claim('b', 'x', 40), claim('b', 'y', 1, 10)]);
  index.add([claim('c', 'x', 38)]);
  const d = index.disagreements();
  assert.deepEqual([...d.keys()].sort(), ['a', 'b', 'c']);
  assert.deepEqual(d.get('a')!.map((f) => `${f.source}:${f.claim.subjectKey}=${String(f.claim.value)}`).sort(), ['b:x=40', 'b:y=1', 'c:x=38']);
  assert.deepEqual(index.position('b', 10, 12), at);
  index.replace('c', [claim('c', 'x', 40)]);
  assert.equal(index.disagreements().size, 0);
  assert.equal(index.size, 5);
});
