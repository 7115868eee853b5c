import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { runKbCommand } from '../../server/src/cli/kb';
import { openfootballToKb, parseOpenfootballClubs } from '../../server/src/core/kb/import/openfootball';
import { importWikidata } from '../../server/src/core/kb/import/wikidata';
import { loadKb } from '../../server/src/core/kb/load';
import { buildNameIndex } from '../../server/src/core/kb/nameIndex';

const FIXTURES = join(__dirname, '..', 'fixtures', 'kb');
const OF = join(FIXTURES, 'openfootball');
const tmp = mkdtempSync(join(tmpdir(), 'touchline-kb-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (t: string) => void out.push(t), stderr: (t: string) => void err.push(t) }, out, err };
}

describe('openfootball importer', () => {
  const es = parseOpenfootballClubs('europe/spain/es.clubs.txt', readFileSync(join(OF, 'europe/spain/es.clubs.txt'), 'utf8'));
  const it_ = parseOpenfootballClubs('europe/italy/it.clubs.txt', readFileSync(join(OF, 'europe/italy/it.clubs.txt'), 'utf8'));
  const mx = parseOpenfootballClubs('north-america/mexico/mx.clubs.txt', readFileSync(join(OF, 'north-america/mexico/mx.clubs.txt'), 'utf8'));

  it('reads clubs, alternative names, cities, countries and reserve teams', () => {
    assert.deepEqual(es.map((c) => c.name), ['Atlético Madrid', 'Atlético Madrid B', 'Real Madrid', 'Real Madrid B', 'Rayo Vallecano', 'Real Betis']);
    const atm = es[0]!;
    assert.equal(atm.country, 'Spain');
    assert.equal(atm.city, 'Madrid');
    assert.equal(atm.code, 'es');
    assert.deepEqual(atm.aliases, [
      { text: 'Atlético' }, { text: 'Atl. Madrid' }, { text: 'Atlético de Madrid' }, { text: 'Club Atlético de Madrid' }, { text: 'Ath Madrid', lang: 'en' },
    ]);
    assert.equal(es[1]!.reserveOf, 'Atlético Madrid');
    assert.deepEqual(es[3]!.aliases, [{ text: 'Real Madrid CF B' }]);
    assert.equal(es[2]!.aliases.length, 4, 'trailing comment dropped');
    assert.equal(es[4]!.city, 'Madrid', 'region after › dropped');
    assert.equal(es[5]!.city, 'Sevilla', 'year and stadium skipped');
    // Address lines and comments are not clubs.
    assert.deepEqual(mx.map((c) => c.name), ['Club América', 'Estudiantes UAG']);
    assert.equal(mx[0]!.aliases.length, 3);
    assert.equal(mx[1]!.city, undefined);
  });

  it('makes stable, unique ids and case-sensitive one-word names', () => {
    const teams = openfootballToKb([...es, ...it_, ...mx]);
    const ids = teams.map((t) => t.id);
    assert.equal(new Set(ids).size, ids.length);
    assert.ok(ids.includes('of.es.real-madrid'));
    assert.ok(ids.includes('of.es.atletico-madrid-b'));
    assert.ok(ids.includes('of.it.ac-milan'));
    assert.ok(ids.includes('of.it.us-citta-di-palermo-palermo'));
    assert.ok(ids.includes('of.it.us-citta-di-palermo-2'));
    assert.deepEqual(openfootballToKb([...es, ...it_, ...mx]).map((t) => t.id), ids, 'deterministic');
    const milan = teams.find((t) => t.id === 'of.it.ac-milan')!;
    assert.deepEqual(milan.names, [{ text: 'Milan', matchCase: true }, 'Associazione Calcio Milan', 'AC Mailand']);
    const atm = teams.find((t) => t.id === 'of.es.atletico-madrid')!;
    assert.deepEqual(atm.names, [{ text: 'Atlético', matchCase: true }, 'Atlético de Madrid', 'Club Atlético de Madrid', { text: 'Ath Madrid', lang: 'en' }], 'abbreviated "Atl. Madrid" left out');
    assert.equal(teams.find((t) => t.id === 'of.es.real-madrid-b')!.description?.en, 'Reserve team of Real Madrid');
  });

  it('produces a knowledge base that validates and links', () => {
    const text = JSON.stringify({ entities: openfootballToKb([...es, ...it_, ...mx]) });
    const { kb, diagnostics } = loadKb([{ path: 'of.kb.json', text }], { validateBundled: true });
    assert.deepEqual(diagnostics, []);
    const index = buildNameIndex(kb);
    const ms = index.match('Betis beat Rayo; a rayo of light; Ath Madrid won; AMÉRICA lost');
    assert.deepEqual(ms.map((m) => `${m.text}=${m.candidates[0]!.id}`), [
      'Betis=of.es.real-betis', 'Rayo=of.es.rayo-vallecano', 'Ath Madrid=of.es.atletico-madrid', 'AMÉRICA=of.mx.club-america',
    ]);
  });

  it('runs as `touchline kb import openfootball <folder> --out file`', async () => {
    const out = join(tmp, 'clubs.kb.json');
    const c = capture();
    assert.equal(await runKbCommand(['import', 'openfootball', OF, '--out', out], c.io), 0);
    assert.match(c.err.join(''), /Imported 13 clubs from 3 files/);
    const { kb, diagnostics } = loadKb([{ path: out, text: readFileSync(out, 'utf8') }]);
    assert.deepEqual(diagnostics, []);
    assert.equal(kb.size, 13);
    const yamlOut = join(tmp, 'clubs.kb.yaml');
    assert.equal(await runKbCommand(['import', 'openfootball', OF, '--out', yamlOut], capture().io), 0);
    assert.deepEqual(loadKb([{ path: yamlOut, text: readFileSync(yamlOut, 'utf8') }]).diagnostics, []);
  });
});

describe('wikidata importer', () => {
  const json = JSON.parse(readFileSync(join(FIXTURES, 'wikidata-p54.json'), 'utf8'));

  it('converts P54 statements with P580/P582/P1350/P1351 into stints and statistics', () => {
    const r = importWikidata(json, { asOf: '2024-05-01', knownIds: new Map([['Q8682', 'real-madrid']]) });
    assert.deepEqual(r.warnings, ['row 5: no Wikidata entity for player; skipped']);
    const person = r.entities.find((e) => e.type === 'person' && e.wikidata === 'Q1000001');
    assert.ok(person && person.type === 'person');
    assert.equal(person.id, 'test-player');
    assert.deepEqual(person.description, { en: 'fixture footballer' });
    assert.deepEqual(person.career, [
      { team: 'real-madrid', role: 'player', from: '2013', to: '2022-08-22', stats: [{ appearances: 225, goals: 18, scope: 'league', asOf: '2024-05-01' }] },
      { team: 'fixture-town-fc', role: 'player', from: '2022-08-22', stats: [{ appearances: 40, goals: 3, scope: 'league', asOf: '2024-05-01' }] },
    ]);
    // The unknown team becomes an entity; the known one is not redefined.
    assert.deepEqual(r.entities.filter((e) => e.type === 'team').map((e) => e.id), ['fixture-town-fc']);
  });

  it('produces a knowledge base that loads over the bundled one and answers queries', () => {
    const r = importWikidata(json, { asOf: '2024-05-01', knownIds: new Map([['Q8682', 'real-madrid']]) });
    const base = 'entities:\n  - { id: real-madrid, type: team, name: Real Madrid, wikidata: Q8682 }\n';
    const { kb, diagnostics } = loadKb([
      { path: 'base.kb.yaml', text: base, layer: 'bundled' },
      { path: 'wd.kb.json', text: JSON.stringify({ sources: r.sources, entities: r.entities }) },
    ]);
    assert.deepEqual(diagnostics, []);
    const f = kb.statsFor('test-player', 'real-madrid', 'appearances', { scope: 'league' })!;
    assert.equal(f.value, 225);
    assert.equal(f.final, true);
    assert.equal(kb.statsFor('another-player', 'fixture-town-fc', 'appearances', { scope: 'league' })?.value, 61);
    assert.equal(kb.teamAt('test-player', '2023')?.team.id, 'fixture-town-fc');
  });

  it('rejects input that is not SPARQL JSON results', () => {
    assert.throws(() => importWikidata({ foo: 1 }, { asOf: '2024-01-01' }), /not SPARQL 1\.1 JSON results/);
    assert.throws(() => importWikidata({ head: { vars: ['x'] }, results: { bindings: [] } }, { asOf: '2024-01-01' }), /person variable/);
  });

  it('runs as `touchline kb import wikidata <results.json>`', async () => {
    const out = join(tmp, 'wd.kb.yaml');
    const c = capture();
    assert.equal(await runKbCommand(['import', 'wikidata', join(FIXTURES, 'wikidata-p54.json'), '--as-of', '2024-05-01', '--out', out], c.io), 0);
    assert.match(c.err.join(''), /Imported 2 people and 1 new teams/);
    const text = readFileSync(out, 'utf8');
    // Q8682 is Real Madrid in the bundled knowledge base.
    assert.match(text, /team: real-madrid/);
    assert.equal(await runKbCommand(['validate', out], capture().io), 0);
  });
});

describe('touchline kb validate', () => {
  it('prints located problems and exits 1 on errors', async () => {
    const bad = join(tmp, 'bad.kb.yaml');
    writeFileSync(bad, 'entities:\n  - id: p\n    type: person\n    name: P\n    source: { title: T, date: 2024 }\n    career:\n      - { team: real-madird, role: player }\n');
    const c = capture();
    assert.equal(await runKbCommand(['validate', bad], c.io), 1);
    assert.equal(c.out.join(''), `${bad}:7:17: error kb-unknown-reference: Unknown team id \`real-madird\` in stint; did you mean \`real-madrid\`?\n`);
  });

  it('accepts the bundled and example files', async () => {
    const root = join(__dirname, '..', '..');
    const c = capture();
    assert.equal(await runKbCommand(['validate', join(root, 'kb', 'touchline.kb.yaml'), join(root, 'samples', 'example.kb.yaml')], c.io), 0);
    assert.equal(c.out.join(''), '');
  });

  it('has help and usage errors', async () => {
    const c = capture();
    assert.equal(await runKbCommand(['--help'], c.io), 0);
    assert.match(c.out.join(''), /import openfootball <folder>/);
    assert.equal(await runKbCommand(['validate', '--help'], capture().io), 0);
    assert.equal(await runKbCommand(['frobnicate'], capture().io), 2);
    assert.equal(await runKbCommand(['validate'], capture().io), 2);
    assert.equal(await runKbCommand(['import', 'openfootball', join(tmp, 'missing')], capture().io), 2);
  });
});
