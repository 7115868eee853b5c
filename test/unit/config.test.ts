import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { RULES } from '../../server/src/core/checks';
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE } from '../../server/src/core/articleFiles';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { findConfig, loadConfig, parseConfig, resolveConfig, type LoadedConfig } from '../../server/src/host/config';

const root = resolve(__dirname, '../..');
const schema = JSON.parse(readFileSync(join(root, 'schemas/touchline.schema.json'), 'utf8'));
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

const at = (r: LoadedConfig) => r.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity}`);

test('findConfig finds the nearest touchline.json from a folder upwards', () => {
  const top = mkdtempSync(join(tmpdir(), 'touchline-config-'));
  const deep = join(top, 'a', 'b', 'c');
  mkdirSync(deep, { recursive: true });
  assert.equal(findConfig(deep), undefined);
  writeFileSync(join(top, 'touchline.json'), '{}');
  assert.equal(findConfig(deep), join(top, 'touchline.json'));
  writeFileSync(join(top, 'a', 'touchline.json'), '{}');
  assert.equal(findConfig(deep), join(top, 'a', 'touchline.json'));
  mkdirSync(join(top, 'a', 'b', 'touchline.json'));
  assert.equal(findConfig(deep), join(top, 'a', 'touchline.json'), 'a folder of that name is not a configuration');
});

test('a valid configuration is read as written and resolved against its folder', () => {
  const text = JSON.stringify({
    $schema: './schemas/touchline.schema.json',
    language: 'it',
    articleDate: '2024-04-19',
    rules: { 'kb-mismatch': 'error', 'unattributed-quote': 'off' },
    knowledgeBase: { paths: ['kb/extra.kb.yaml', '/abs/other.kb.json'] },
    articles: { include: ['articles/**/*.txt'], exclude: ['**/drafts/**'] },
    limits: { maxFileSizeMB: 1 },
  });
  const loaded = parseConfig(text, '/work/site/touchline.json');
  assert.deepEqual(loaded.diagnostics, []);
  assert.equal(loaded.dir, '/work/site');
  const r = resolveConfig(loaded);
  assert.deepEqual(r.analysis, { language: 'it', articleDate: '2024-04-19', maxChars: 1024 * 1024 });
  assert.deepEqual(r.rules, { 'kb-mismatch': 'error', 'unattributed-quote': 'off' });
  assert.deepEqual(r.include, ['articles/**/*.txt']);
  assert.deepEqual(r.exclude, ['**/drafts/**']);
  assert.deepEqual(r.knowledgeBasePaths, ['/work/site/kb/extra.kb.yaml', '/abs/other.kb.json']);
});

test('no configuration, or an empty one, gives the defaults the editor uses', () => {
  for (const r of [resolveConfig(undefined), resolveConfig(parseConfig('{}', '/x/touchline.json')), resolveConfig(parseConfig('', '/x/touchline.json'))]) {
    assert.deepEqual(r.analysis, DEFAULT_SETTINGS);
    assert.deepEqual(r.rules, {});
    assert.deepEqual(r.include, DEFAULT_INCLUDE);
    assert.deepEqual(r.exclude, DEFAULT_EXCLUDE);
    assert.deepEqual(r.knowledgeBasePaths, []);
  }
  assert.deepEqual(resolveConfig(parseConfig('{"articleDate": ""}', '/x/touchline.json')).analysis, DEFAULT_SETTINGS, 'an empty date is unknown');
});

test('a JSON syntax error is located, and every setting falls back to its default', () => {
  const text = '{\n  "language": "it",\n  "rules": {\n    "kb-mismatch": "error",\n  }\n}\n';
  const r = parseConfig(text, 'touchline.json');
  assert.deepEqual(r.config, {});
  assert.deepEqual(at(r), ['5:3 error']);
  assert.match(r.diagnostics[0]!.message, /JSON syntax error.*default settings/);
  const comment = parseConfig('{\n  // no comments\n  "language": "en"\n}', 'touchline.json');
  assert.deepEqual(at(comment), ['2:3 error']);
  assert.match(comment.diagnostics[0]!.message, /Comments are not allowed/);
});

test('schema errors are located and only the settings they affect fall back', () => {
  const text = [
    '{',
    '  "language": "fr",',
    '  "articleDate": "19/04/2024",',
    '  "rules": { "kb-mismatch": "loud", "unattributed-quote": "off", "unatributed-quote": "hint" },',
    '  "articles": { "include": "*.txt", "exclude": ["**/drafts/**"] },',
    '  "limits": { "maxFileSizeMB": 0 },',
    '  "langage": "en"',
    '}',
  ].join('\n');
  const r = parseConfig(text, 'touchline.json');
  const messages = r.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.message}`);
  const find = (re: RegExp) => messages.find((m) => re.test(m)) ?? assert.fail(`no diagnostic ${re} in\n${messages.join('\n')}`);
  assert.match(find(/"fr"/), /^2:15 error `language` cannot be "fr": use auto, en, it/);
  assert.match(find(/19\/04/), /^3:18 error `articleDate` must be an ISO date/);
  assert.match(find(/loud/), /^4:29 error `rules.kb-mismatch` cannot be "loud"/);
  assert.match(find(/unatributed/), /^4:66 warning Unknown rule `unatributed-quote` \(did you mean `unattributed-quote`\?\)/);
  assert.match(find(/articles.include/), /^5:28 error `articles.include` must be a list/);
  assert.match(find(/maxFileSizeMB/), /^6:32 error `limits.maxFileSizeMB` must be more than 0/);
  assert.match(find(/langage/), /^7:3 warning Unknown setting `langage` \(did you mean `language`\?\)/);
  // What was valid is kept.
  assert.deepEqual(r.config, {
    rules: { 'unattributed-quote': 'off', 'unatributed-quote': 'hint' },
    articles: { exclude: ['**/drafts/**'] },
  });
  const resolved = resolveConfig(r);
  assert.equal(resolved.analysis.language, 'auto');
  assert.equal(resolved.analysis.maxChars, DEFAULT_SETTINGS.maxChars);
  assert.deepEqual(resolved.include, DEFAULT_INCLUDE);
});

test('duplicate keys are reported; the last one wins as in JSON.parse', () => {
  const r = parseConfig('{"language": "en",\n "language": "it"}', 'touchline.json');
  assert.deepEqual(at(r), ['2:2 warning']);
  assert.equal(r.config.language, 'it');
});

test('loadConfig never throws: a missing or unreadable file is a diagnostic and the defaults', () => {
  const r = loadConfig(join(tmpdir(), 'no-such-folder-touchline', 'touchline.json'));
  assert.deepEqual(r.config, {});
  assert.match(r.diagnostics[0]!.message, /Cannot read .*no such file/);
  const dir = mkdtempSync(join(tmpdir(), 'touchline-config-'));
  assert.match(loadConfig(dir).diagnostics[0]!.message, /it is a folder/);
  writeFileSync(join(dir, 'touchline.json'), '\ufeff{"language": "en"}');
  assert.deepEqual(loadConfig(join(dir, 'touchline.json')).config, { language: 'en' }, 'a byte-order mark is fine');
});

test('the schema describes every property and knows every rule', () => {
  const walk = (node: Record<string, unknown>, path: string): void => {
    for (const [name, sub] of Object.entries((node['properties'] ?? {}) as Record<string, Record<string, unknown>>)) {
      assert.ok(typeof sub['description'] === 'string' && sub['description'].length > 10, `${path}.${name} has no description`);
      walk(sub, `${path}.${name}`);
    }
  };
  walk(schema, '');
  assert.ok(schema.description);
  for (const rule of RULES) assert.ok(schema.properties.rules.properties[rule.id], `rule ${rule.id} is missing from the schema`);
});

test('the configuration file mirrors the editor settings (same names, values and defaults)', () => {
  const settings = manifest.contributes.configuration.properties;
  assert.deepEqual(schema.properties.language.enum, settings['touchline.language'].enum);
  assert.equal(schema.properties.articleDate.pattern, settings['touchline.articleDate'].pattern);
  assert.deepEqual(settings['touchline.articles.include'].default, DEFAULT_INCLUDE);
  assert.deepEqual(settings['touchline.articles.exclude'].default, DEFAULT_EXCLUDE);
  assert.equal(settings['touchline.limits.maxFileSizeMB'].default * 1024 * 1024, DEFAULT_SETTINGS.maxChars);
  for (const key of ['language', 'articleDate', 'articles.include', 'articles.exclude', 'limits.maxFileSizeMB', 'knowledgeBase.paths']) {
    assert.ok(settings[`touchline.${key}`], `touchline.${key} is not a VS Code setting`);
    const [first, second] = key.split('.') as [string, string | undefined];
    assert.ok(second ? schema.properties[first].properties[second] : schema.properties[first], `${key} is not in touchline.json`);
  }
});
