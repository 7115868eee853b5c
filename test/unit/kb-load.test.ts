import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { loadKb } from '../../server/src/core/kb/load';
import type { KbDiagnostic, KbFile } from '../../server/src/core/kb/types';

/** 1-based line and column of an offset. */
function at(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${before[before.length - 1]!.length + 1}`;
}

function located(files: KbFile[], d: KbDiagnostic): string {
  const text = files.find((f) => f.path === d.file)!.text;
  return `${d.file}:${at(text, d.span.start)} ${d.code} ${text.slice(d.span.start, d.span.end)}`;
}

const BASE = `sources:
  s1: { title: Base article, date: 2024-04-19, file: base.txt }
entities:
  - id: real-madrid
    type: team
    name: Real Madrid
  - id: la-liga
    type: competition
    name: La Liga
  - id: casemiro
    type: person
    name: Casemiro
    source: s1
    career:
      - team: real-madrid
        role: player
        from: 2013-01
        to: 2022-08
        stats:
          - { appearances: 331, goals: 31 }
`;

describe('kb loader: syntax and schema', () => {
  it('loads a valid file with no diagnostics', () => {
    const { kb, diagnostics } = loadKb([{ path: 'base.kb.yaml', text: BASE }]);
    assert.deepEqual(diagnostics, []);
    assert.equal(kb.size, 3);
    assert.equal(kb.entity('casemiro')?.name, 'Casemiro');
    const origin = kb.entity('casemiro')!.origin!;
    assert.equal(BASE.slice(origin.span.start, origin.span.end), 'casemiro');
  });

  it('reports invalid YAML at its exact position and keeps other files', () => {
    const bad = 'entities:\n  - id: a\n    type: team\n   name: bad indent\n';
    const files = [{ path: 'bad.kb.yaml', text: bad }, { path: 'base.kb.yaml', text: BASE }];
    const { kb, diagnostics } = loadKb(files);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]!.code, 'kb-syntax');
    assert.equal(diagnostics[0]!.severity, 'error');
    assert.equal(at(bad, diagnostics[0]!.span.start), '4:1');
    assert.equal(kb.entity('casemiro')?.name, 'Casemiro');
  });

  it('reports invalid JSON at its exact position', () => {
    const bad = '{"entities": [\n  {"id": "x", "type": "team", "name": "X",}\n]}';
    const { diagnostics } = loadKb([{ path: 'bad.kb.json', text: bad }]);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]!.code, 'kb-syntax');
    assert.match(diagnostics[0]!.message, /^Invalid JSON/);
    assert.equal(at(bad, diagnostics[0]!.span.start), '2:43');
  });

  it('maps schema violations to the offending key or value, with suggestions', () => {
    const text = `entities:
  - id: x
    type: person
    nmae: oops
    name: X
    names:
      - { text: Ex, kind: nicknam }
      - 42
    career:
      - { team: real-madrid, role: plyer }
      - team: real-madrid
        role: player
        from: 2013-13
        stats:
          - { appearances: "331 games" }
        honours:
          - { competition: la-liga, won: [2013-14] }
  - id: Bad Id
    type: team
    name: Bad
`;
    const files = [{ path: 'base.kb.yaml', text: BASE, layer: 'bundled' as const }, { path: 'x.kb.yaml', text }];
    const { diagnostics } = loadKb(files);
    const got = diagnostics.filter((d) => d.code === 'kb-schema').map((d) => located(files, d)).sort();
    assert.deepEqual(got, [
      'x.kb.yaml:10:36 kb-schema plyer',
      'x.kb.yaml:13:15 kb-schema 2013-13',
      'x.kb.yaml:15:28 kb-schema "331 games"',
      'x.kb.yaml:17:43 kb-schema 2013-14',
      'x.kb.yaml:18:9 kb-schema Bad Id',
      'x.kb.yaml:4:5 kb-schema nmae',
      'x.kb.yaml:7:27 kb-schema nicknam',
      'x.kb.yaml:8:9 kb-schema 42',
    ]);
    const messages = diagnostics.map((d) => d.message).join('\n');
    assert.match(messages, /Unknown property `nmae` in this entity; did you mean `name`\?/);
    assert.match(messages, /`nicknam` is not a valid kind: use name, nickname, epithet \(did you mean `nickname`\?\)/);
    assert.match(messages, /`plyer` is not a valid role.*did you mean `player`/);
    assert.match(messages, /`Bad Id` is not a valid id.*`bad-id`/);
    assert.match(messages, /`2013-14` is not a date or season/);
    assert.match(messages, /`appearances` must be a whole number/);
  });

  it('reports a missing required property on the item', () => {
    const text = 'entities:\n  - id: x\n    type: person\n    name: X\n    career:\n      - { role: player }\n';
    const { diagnostics } = loadKb([{ path: 'x.kb.yaml', text }]);
    const d = diagnostics.find((x) => x.code === 'kb-schema')!;
    assert.match(d.message, /Missing `team` in this stint/);
    assert.equal(at(text, d.span.start), '6:9');
  });

  it('never throws, whatever the input', () => {
    const inputs = ['', '---\n- 1\n- 2\n', 'entities: 5', 'entities: [1, "a", null, {id: 3}]', '{}', '[]', 'null', ': :', '\u0000\uffff', 'entities:\n  - &a {id: x}\n  - *a\n'];
    for (const text of inputs) {
      for (const path of ['f.kb.yaml', 'f.kb.json']) {
        assert.doesNotThrow(() => loadKb([{ path, text }]), `${path}: ${JSON.stringify(text)}`);
      }
    }
  });
});

describe('kb loader: ids, references and merging', () => {
  it('reports duplicate ids in one file, pointing at the first definition', () => {
    const text = BASE + '  - id: casemiro\n    type: person\n    name: Casemiro Again\n';
    const { kb, diagnostics } = loadKb([{ path: 'a.kb.yaml', text }]);
    const d = diagnostics.find((x) => x.code === 'kb-duplicate-id')!;
    assert.ok(d, 'duplicate reported');
    assert.equal(at(text, d.span.start), '21:9');
    assert.equal(text.slice(d.span.start, d.span.end), 'casemiro');
    assert.equal(d.related?.[0]?.file, 'a.kb.yaml');
    assert.equal(at(text, d.related![0]!.span.start), '10:9');
    assert.equal(kb.entity('casemiro')?.name, 'Casemiro', 'first definition wins');
  });

  it('reports two workspace files defining one id as a conflict', () => {
    const other = 'entities:\n  - id: casemiro\n    type: person\n    name: Other Casemiro\n';
    const { kb, diagnostics } = loadKb([{ path: 'a.kb.yaml', text: BASE }, { path: 'b.kb.yaml', text: other }]);
    const d = diagnostics.find((x) => x.code === 'kb-duplicate-id')!;
    assert.equal(d.file, 'b.kb.yaml');
    assert.match(d.message, /already defined in a\.kb\.yaml/);
    assert.equal(d.related?.[0]?.file, 'a.kb.yaml');
    assert.equal(kb.entity('casemiro')?.name, 'Casemiro');
  });

  it('lets a workspace file override a bundled entity and add names and facts', () => {
    const ws = `entities:
  - id: casemiro
    type: person
    name: Carlos Casemiro
    names: [Case]
    description: { en: Brazilian midfielder. }
`;
    const { kb, diagnostics } = loadKb([{ path: 'ws.kb.yaml', text: ws }, { path: 'bundled.kb.yaml', text: BASE, layer: 'bundled' }]);
    assert.deepEqual(diagnostics.map((d) => d.code), ['kb-override']);
    assert.equal(diagnostics[0]!.severity, 'information');
    const e = kb.entity('casemiro')!;
    assert.equal(e.name, 'Carlos Casemiro');
    assert.deepEqual(e.names.map((n) => n.text).sort(), ['Case', 'Casemiro']);
    assert.equal(e.description?.en, 'Brazilian midfielder.');
    assert.equal(e.origin?.file, 'ws.kb.yaml');
    assert.equal(e.definitions?.length, 2);
    // Bundled facts are kept.
    assert.equal(kb.statsFor('casemiro', 'real-madrid', 'appearances')?.value, 331);
  });

  it('extends an entity with an id-only item, and reports unknown ones', () => {
    const ws = `entities:
  - id: casemiro
    names: [{ text: Case, kind: nickname }]
    contracts: [{ team: real-madrid, until: 2026, source: s1 }]
  - id: casemiroo
    names: [Extra]
`;
    const files = [{ path: 'bundled.kb.yaml', text: BASE, layer: 'bundled' as const }, { path: 'ws.kb.yaml', text: ws }];
    const { kb, diagnostics } = loadKb(files);
    assert.deepEqual(diagnostics.map((d) => d.code), ['kb-unknown-reference']);
    assert.match(diagnostics[0]!.message, /No entity `casemiroo` to extend; did you mean `casemiro`\?/);
    assert.equal(at(ws, diagnostics[0]!.span.start), '5:9');
    assert.deepEqual(kb.entity('casemiro')!.names.map((n) => n.text), ['Case']);
    assert.equal(kb.contractEnd('casemiro', { teamId: 'real-madrid' })?.until, '2026');
  });

  it('replaces a bundled fact with a workspace fact of the same identity', () => {
    const ws = `entities:
  - id: casemiro
    career:
      - team: real-madrid
        role: player
        from: 2013-01
        to: 2022-08
        source: { title: Correction, date: 2024-05-01 }
`;
    const { kb } = loadKb([{ path: 'bundled.kb.yaml', text: BASE, layer: 'bundled' }, { path: 'ws.kb.yaml', text: ws }]);
    const stints = kb.stintsOf('casemiro');
    assert.equal(stints.length, 1);
    assert.equal(stints[0]!.source?.title, 'Correction');
  });

  it('reports unknown and mistyped references with suggestions, keeping the rest', () => {
    const text = BASE + `  - id: luka-modric
    type: person
    name: Luka Modrić
    source: s2
    career:
      - { team: real-madird, role: player, from: 2012 }
      - { team: casemiro, role: player, from: 2012 }
      - { team: real-madrid, role: player, from: 2012, to: 2011 }
    honours:
      - { competition: la-ligaa, team: real-madrid, count: 4, asOf: 2024-05 }
    contracts:
      - { team: real-madrid, until: 2025-06-30, asOf: 2024-01 }
`;
    const { kb, diagnostics } = loadKb([{ path: 'a.kb.yaml', text }]);
    const got = diagnostics.map((d) => `${at(text, d.span.start)} ${d.code}: ${d.message}`);
    assert.deepEqual(got, [
      '24:13 kb-unknown-reference: Unknown source id `s2`; did you mean `s1`?',
      '26:17 kb-unknown-reference: Unknown team id `real-madird` in stint; did you mean `real-madrid`?',
      '27:17 kb-wrong-reference-type: `casemiro` is a person, not a team (in stint)',
      '28:60 kb-inconsistent: This stint ends (2011) before it starts (2012)',
      '30:24 kb-unknown-reference: Unknown competition id `la-ligaa` in honour; did you mean `la-liga`?',
    ]);
    // The valid contract is kept.
    assert.equal(kb.contractEnd('luka-modric', { teamId: 'real-madrid' })?.until, '2025-06-30');
  });

  it('warns about facts without a source or a date', () => {
    const text = `entities:
  - id: t
    type: team
    name: T
  - id: p
    type: person
    name: P
    career:
      - team: t
        role: player
        from: 2020
        stats:
          - { appearances: 10, goals: 1 }
`;
    const { diagnostics } = loadKb([{ path: 'a.kb.yaml', text }]);
    assert.deepEqual(diagnostics.map((d) => `${at(text, d.span.start)} ${d.code}`), ['9:9 kb-missing-source', '13:13 kb-missing-date']);
  });

  it('merges imported definitions through sameAs, and resolves their ids', () => {
    const imported = JSON.stringify({
      entities: [
        { id: 'of.es.real-madrid', type: 'team', name: 'Real Madrid', names: ['Real Madrid CF', 'R. Madrid'], city: 'Madrid', country: 'Spain' },
        { id: 'of.es.getafe-cf', type: 'team', name: 'Getafe CF' },
      ],
    });
    const seed = BASE.replace('    name: Real Madrid\n', '    name: Real Madrid\n    sameAs: [of.es.real-madrid]\n');
    const { kb, diagnostics } = loadKb([
      { path: 'of.kb.json', text: imported, layer: 'bundled' },
      { path: 'seed.kb.yaml', text: seed, layer: 'bundled' },
    ]);
    assert.deepEqual(diagnostics, []);
    assert.equal(kb.size, 4);
    assert.equal(kb.entity('of.es.real-madrid')?.id, 'real-madrid');
    assert.deepEqual(kb.entity('real-madrid')!.names.map((n) => n.text), ['Real Madrid CF', 'R. Madrid']);
    assert.equal(kb.entity('real-madrid')!.city, 'Madrid');
    assert.equal(kb.statsFor('casemiro', 'of.es.real-madrid', 'goals')?.value, 31);
    // JSON origins point at the id.
    const o = kb.entity('of.es.getafe-cf')!.origin!;
    assert.equal(imported.slice(o.span.start, o.span.end), '"of.es.getafe-cf"');
  });

  it('validates JSON files with the same schema and positions', () => {
    const text = '{\n  "entities": [\n    { "id": "x", "type": "tem", "name": "X" }\n  ]\n}\n';
    const { diagnostics } = loadKb([{ path: 'a.kb.json', text }]);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]!.code, 'kb-schema');
    assert.equal(at(text, diagnostics[0]!.span.start), '3:26');
    assert.equal(text.slice(diagnostics[0]!.span.start, diagnostics[0]!.span.end), '"tem"');
    assert.match(diagnostics[0]!.message, /did you mean `team`/);
  });
});
