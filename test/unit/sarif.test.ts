/**
 * `touchline check --format sarif` validated against the SARIF 2.1.0 JSON Schema (vendored from
 * Microsoft's SARIF SDK under test/fixtures/cli with its notice), so code-scanning tools accept it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { main } from '../../server/src/cli/main';
import { RULES } from '../../server/src/core/checks';

const fixtures = resolve(__dirname, '../fixtures/cli');
const archive = join(fixtures, 'archive');
const samples = resolve(__dirname, '../../samples');

const schema = JSON.parse(readFileSync(join(fixtures, 'sarif-2.1.0.json'), 'utf8'));
// The schema's `language` pattern is not valid with the unicode flag (it was written for plain JS regexps).
const ajv = new Ajv2020({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);

async function sarif(argv: string[], cwd = resolve(__dirname, '../..')): Promise<{ code: number; log: SarifLog; json: string }> {
  let out = '';
  const code = await main(['check', ...argv, '--format', 'sarif', '--no-config'], { stdout: (t) => (out += t), stderr: () => {}, cwd });
  const log = JSON.parse(out) as SarifLog;
  assert.ok(validate(log), `SARIF does not validate:\n${ajv.errorsText(validate.errors, { separator: '\n' })}`);
  return { code, log, json: out };
}

interface Region { startLine: number; startColumn: number; endLine: number; endColumn: number; charOffset: number; charLength: number }
interface PhysicalLocation { artifactLocation: { uri: string; uriBaseId?: string }; region: Region }
interface SarifLog {
  $schema: string;
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; rules: { id: string; shortDescription: { text: string }; help: { text: string }; defaultConfiguration: { level: string } }[] } };
    columnKind: string;
    originalUriBaseIds: Record<string, { uri: string }>;
    results: { ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: { physicalLocation: PhysicalLocation }[]; relatedLocations?: { id: number; physicalLocation: PhysicalLocation; message: { text: string } }[] }[];
    invocations: { executionSuccessful: boolean; ruleConfigurationOverrides?: { descriptor: { id: string; index: number }; configuration: { enabled?: boolean; level?: string } }[]; toolExecutionNotifications?: { level: string; message: { text: string } }[] }[];
  }[];
}

test('the vendored schema rejects what is not SARIF (the validation is real)', () => {
  assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] }), false);
  assert.equal(validate({ version: '2.0.0', runs: [] }), false);
  assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'loud' }] }] }), false);
});

test('SARIF for the samples validates and describes every rule', async () => {
  const { code, log } = await sarif([samples, '--min-severity', 'hint']);
  assert.ok(code === 0 || code === 1);
  assert.equal(log.version, '2.1.0');
  const run = log.runs[0]!;
  assert.equal(run.tool.driver.name, 'Touchline');
  assert.deepEqual(run.tool.driver.rules.map((r) => r.id), RULES.map((r) => r.id));
  for (const r of run.tool.driver.rules) {
    assert.ok(r.shortDescription.text.length > 10 && r.help.text.length > 10, r.id);
    assert.match(r.defaultConfiguration.level, /^(error|warning|note)$/);
  }
  assert.equal(run.columnKind, 'utf16CodeUnits');
  assert.match(run.originalUriBaseIds['%SRCROOT%']!.uri, /^file:\/\/.*\/$/);
  for (const r of run.results) {
    const loc = r.locations[0]!.physicalLocation;
    assert.equal(loc.artifactLocation.uriBaseId, '%SRCROOT%');
    assert.match(loc.artifactLocation.uri, /^samples\/\d{3}_[0-9a-f]+\.txt$/);
    assert.equal(run.tool.driver.rules[r.ruleIndex]!.id, r.ruleId);
  }
});

test('SARIF results match the text output: rule, level, 1-based region, related locations', async () => {
  const { code, log } = await sarif(['archive', '--min-severity', 'information'], fixtures);
  assert.equal(code, 1);
  const results = log.runs[0]!.results;
  assert.deepEqual(results.map((r) => `${r.locations[0]!.physicalLocation.artifactLocation.uri} ${r.ruleId} ${r.level}`), [
    'archive/2023/quote.txt unattributed-quote note',
    'archive/2024/smithers-a.txt cross-article warning',
    'archive/2024/smithers-b.txt cross-article warning',
  ]);
  const a = results[1]!;
  assert.deepEqual(a.locations[0]!.physicalLocation.region, { startLine: 3, startColumn: 26, endLine: 3, endColumn: 28, charOffset: 42, charLength: 2 });
  assert.equal(a.relatedLocations!.length, 1);
  assert.equal(a.relatedLocations![0]!.physicalLocation.artifactLocation.uri, 'archive/2024/smithers-b.txt');
  assert.deepEqual(a.relatedLocations![0]!.physicalLocation.region, { startLine: 3, startColumn: 26, endLine: 3, endColumn: 28, charOffset: 42, charLength: 2 });
  const text = readFileSync(join(archive, '2024/smithers-a.txt'), 'utf8');
  assert.equal(text.slice(42, 44), '40');
});

test('SARIF records overrides and unreadable inputs, and stays valid with no results', async () => {
  const { code, log } = await sarif(['archive', 'archive/missing.txt', '--rule', 'cross-article=off', '--rule', 'unattributed-quote=error'], fixtures);
  assert.equal(code, 2);
  const run = log.runs[0]!;
  assert.deepEqual(run.results.map((r) => `${r.ruleId} ${r.level}`), ['unattributed-quote error']);
  const invocation = run.invocations[0]!;
  assert.equal(invocation.executionSuccessful, false);
  assert.deepEqual(invocation.toolExecutionNotifications!.map((n) => n.message.text), ['cannot read archive/missing.txt: no such file or folder']);
  assert.deepEqual(invocation.ruleConfigurationOverrides!.map((o) => [o.descriptor.id, o.configuration.enabled ?? o.configuration.level]).sort(), [['cross-article', false], ['unattributed-quote', 'error']]);
  const empty = await sarif(['archive/2023/clean.txt'], fixtures);
  assert.equal(empty.code, 0);
  assert.deepEqual(empty.log.runs[0]!.results, []);
});

test('SARIF locations outside the working folder are absolute file URIs; odd names are encoded', async () => {
  const { log } = await sarif([join(archive, '2023/quote.txt'), '--min-severity', 'information'], resolve(__dirname, '../../samples'));
  const loc = log.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation;
  assert.equal(loc.uriBaseId, undefined);
  assert.match(loc.uri, /^file:\/\/\/.*\/test\/fixtures\/cli\/archive\/2023\/quote\.txt$/);
  const { artifactLocation } = await import('../../server/src/cli/sarif');
  assert.deepEqual(artifactLocation('a dir/100%#1.txt'), { uri: 'a%20dir/100%25%231.txt', uriBaseId: '%SRCROOT%' });
});
