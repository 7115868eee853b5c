import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readBundledKb } from '../../server/src/host/bundledKb';
import { loadKb } from '../../server/src/core/kb/load';
import { buildNameIndex } from '../../server/src/core/kb/nameIndex';
import type { Language } from '../../server/src/core/model';

const ROOT = join(__dirname, '..', '..');
const bundled = readBundledKb(ROOT);
const full = loadKb(bundled, { validateBundled: true });
const kb = full.kb;
const index = buildNameIndex(kb);

describe('bundled knowledge base', () => {
  it('ships the seed knowledge base and the openfootball club list', () => {
    assert.deepEqual(bundled.map((f) => f.path.slice(ROOT.length + 1).replace(/\\/g, '/')), ['kb/touchline.kb.yaml', 'kb/openfootball.kb.json']);
    assert.ok(kb.size > 3000, `${kb.size} entities`);
  });

  it('loads with zero diagnostics (schema included)', () => {
    assert.deepEqual(full.diagnostics, []);
  });

  it('loads cleanly without the club list too', () => {
    const seedOnly = loadKb(bundled.filter((f) => f.path.endsWith('.yaml')), { validateBundled: true });
    assert.deepEqual(seedOnly.diagnostics, []);
    assert.equal(seedOnly.kb.entity('real-madrid')?.name, 'Real Madrid');
  });

  it('loads the example workspace file over it with zero diagnostics', () => {
    const example = { path: join(ROOT, 'samples', 'example.kb.yaml'), text: readFileSync(join(ROOT, 'samples', 'example.kb.yaml'), 'utf8') };
    const r = loadKb([...bundled, example]);
    assert.deepEqual(r.diagnostics, []);
    assert.equal(r.kb.teamAt('jude-bellingham', '2024-06-01')?.team.id, 'real-madrid');
    assert.equal(r.kb.honoursCount('real-madrid', 'uefa-champions-league', { asOf: '2024-06-02' })?.value, 15);
  });

  it('covers every name form the seed articles use', () => {
    const forms: [string, string, Language?][] = [
      ['Carlo Ancelotti', 'carlo-ancelotti'], ['Ancelotti', 'carlo-ancelotti'], ['Sir Carlo', 'carlo-ancelotti'],
      ['Re Carlo', 'carlo-ancelotti', 'it'], ['il tecnico di Reggiolo', 'carlo-ancelotti', 'it'], ['il tecnico italiano', 'carlo-ancelotti', 'it'],
      ['Casemiro', 'casemiro'], ['Case', 'casemiro', 'en'], ['the defensive midfielder', 'casemiro', 'en'],
      ['Toni Kroos', 'toni-kroos'], ['Luka Modric', 'luka-modric'], ['Modrić', 'luka-modric'],
      ['Mbappè', 'kylian-mbappe'], ['Mbappe', 'kylian-mbappe'], ['Kilyian Mbappé', 'kylian-mbappe'], ['Kylian Mbappé', 'kylian-mbappe'],
      ['Florentino Perez', 'florentino-perez'], ['Claudio Ranieri', 'claudio-ranieri'], ['Conceicao', 'sergio-conceicao'],
      ['Simeone', 'diego-simeone'], ['Xabi Alonso', 'xabi-alonso'], ['Eduardo Inda', 'eduardo-inda'], ['Fabrizio Romano', 'fabrizio-romano'],
      ['Real Madrid', 'real-madrid'], ['Blancos', 'real-madrid'], ['Los Blancos', 'real-madrid'], ['Merengues', 'real-madrid'],
      ['Royal White', 'real-madrid', 'en'], ['Real', 'real-madrid'], ['Madrid', 'real-madrid'],
      ['Manchester City', 'manchester-city'], ['Manchester United', 'manchester-united'], ['Man United', 'manchester-united'],
      ['AC Milan', 'ac-milan'], ['Milan', 'ac-milan'], ['Rossoneri', 'ac-milan'], ['Diavolo', 'ac-milan', 'it'], ['il club rossonero', 'ac-milan', 'it'],
      ['PSG', 'paris-saint-germain'], ['Paris Saint-Germain', 'paris-saint-germain'], ['Chelsea', 'chelsea'],
      ['FC Bayern Munich', 'bayern-munich'], ['Bayern Munich', 'bayern-munich'], ['FC Bayern München', 'bayern-munich'],
      ['FC Barcelona', 'barcelona'], ['Barcellona', 'barcelona', 'it'], ['Barcelona', 'barcelona'],
      ['Atletico Madrid', 'atletico-madrid'], ['Atlético Madrid', 'atletico-madrid'], ['Real Sociedad', 'real-sociedad'],
      ['Juventus', 'juventus'], ['Juve', 'juventus'], ['Napoli', 'napoli'], ['Parma', 'parma'], ['Reggiana', 'reggiana'], ['Roma', 'roma'],
      ['Bayer Leverkusen', 'bayer-leverkusen'], ['Everton', 'everton'],
      ['Nazionale brasiliana', 'brazil-national-team', 'it'], ['Brasile', 'brazil-national-team', 'it'],
      ['UEFA Champions League', 'uefa-champions-league'], ['Champions League', 'uefa-champions-league'],
      ['La Liga', 'la-liga'], ['Liga', 'la-liga'], ['campionati spagnoli', 'la-liga', 'it'],
      ['Copa Del Rey', 'copa-del-rey'], ['Coppa del Re', 'copa-del-rey', 'it'], ['coppe del Re', 'copa-del-rey', 'it'],
      ['Fifa Club World Cups', 'fifa-club-world-cup', 'en'], ['Mondiali per club', 'fifa-club-world-cup', 'it'],
      ['Spanish Super Cups', 'supercopa-de-espana', 'en'], ['supercoppe di Spagna', 'supercopa-de-espana', 'it'],
      ['UEFA Super cup', 'uefa-super-cup'], ['supercoppe europee', 'uefa-super-cup', 'it'],
      ['Serie A', 'serie-a'], ['EL Clasico', 'el-clasico'],
      ['Santiago Bernabeu', 'santiago-bernabeu'], ['Reggiolo', 'reggiolo'], ['Madrid', 'madrid'],
      ['Spain', 'spain'], ['Spagna', 'spain', 'it'], ['Italy', 'italy'], ['Italia', 'italy', 'it'], ['Europe', 'europe'], ['Europa', 'europe', 'it'],
      ['Saudi Arabia', 'saudi-arabia'], ['Arabia Saudita', 'saudi-arabia', 'it'], ['Capitale', 'rome', 'it'], ['Roma', 'rome', 'it'],
      ['El Chiringuito', 'el-chiringuito'], ['Tuttosport', 'tuttosport'], ['quotidiano piemontese', 'tuttosport', 'it'],
      ['planetarealmadrid.com', 'planetarealmadrid'], ['Madrid Zone', 'madrid-zone'],
    ];
    const missing = forms.filter(([form, id, lang]) => !index.lookup(form, lang ? { lang } : {}).some((c) => c.id === id));
    assert.deepEqual(missing, []);
  });

  it('merges imported duplicates of bundled teams (sameAs) and lists bundled teams first', () => {
    const seedTeams = [...kb.entities()].filter((e) => e.type === 'team' && !e.id.startsWith('of.'));
    const problems: string[] = [];
    for (const team of seedTeams) {
      for (const name of [team.name, ...team.names.filter((n) => n.kind !== 'epithet').map((n) => n.text)]) {
        const teams = index.lookup(name).filter((c) => c.type === 'team');
        const mine = teams.findIndex((c) => c.id === team.id);
        if (mine < 0) continue;
        // Another team may share a short name ("Barcelona" in Ecuador), but never an imported
        // copy of this one (same canonical name), and this team comes first.
        const copies = teams.filter((c) => c.id !== team.id && c.entityName === team.name);
        if (copies.length > 0 || teams.slice(0, mine).some((c) => c.id.startsWith('of.'))) problems.push(`${name}: ${teams.map((c) => c.id).join(', ')}`);
      }
    }
    assert.deepEqual(problems, []);
    assert.equal(kb.entity('of.es.real-madrid')?.id, 'real-madrid');
    assert.equal(kb.entity('of.it.ac-milan')?.id, 'ac-milan');
  });

  it('agrees with the figures seed 000 states (2024-04-19)', () => {
    const asOf = '2024-04-19';
    const apps = kb.statsFor('casemiro', 'real-madrid', 'appearances', { asOf })!;
    assert.equal(apps.value, 331);
    assert.ok(apps.exact && apps.final);
    assert.equal(apps.source?.file, 'samples/000_691f7d17e64d9296.txt');
    assert.equal(apps.source?.date, '2024-04-19');
    assert.equal(kb.statsFor('casemiro', 'real-madrid', 'goals', { asOf })?.value, 31);
    const honours: [string, number][] = [
      ['uefa-champions-league', 5], ['la-liga', 3], ['copa-del-rey', 1], ['fifa-club-world-cup', 3], ['supercopa-de-espana', 3], ['uefa-super-cup', 3],
    ];
    for (const [competition, n] of honours) {
      const h = kb.honoursCount('casemiro', competition, { teamId: 'real-madrid', asOf })!;
      assert.equal(`${competition} ${h.min}..${h.max}`, `${competition} ${n}..${n}`);
    }
    assert.equal(kb.teamAt('casemiro', '2022-12')?.team.id, 'manchester-united');
    assert.equal(kb.stintsOf('casemiro', { teamId: 'manchester-united' })[0]?.from, '2022-08');
    assert.equal(kb.teamAt('carlo-ancelotti', asOf)?.team.id, 'real-madrid');
    assert.equal(kb.teamAt('toni-kroos', asOf)?.team.id, 'real-madrid');
    assert.equal(kb.teamAt('luka-modric', asOf)?.team.id, 'real-madrid');
    const coached = kb.teamsOf('carlo-ancelotti', 'coach', { asOf }).teams.map((t) => t.team.id);
    for (const t of ['ac-milan', 'paris-saint-germain', 'chelsea', 'bayern-munich', 'real-madrid']) assert.ok(coached.includes(t), t);
    assert.equal(kb.stintsOf('carlo-ancelotti', { teamId: 'real-madrid', role: 'coach' }).length, 2);
  });

  it('agrees with seed 001 (2025-01) and seed 003 (2024-11)', () => {
    assert.equal(kb.contractEnd('carlo-ancelotti', { asOf: '2025-01' })?.until.slice(0, 4), '2026');
    assert.equal(kb.contractEnd('carlo-ancelotti', { asOf: '2025-01' })?.source?.file, 'samples/001_fc36557d683ab8d1.txt');
    assert.equal(kb.teamAt('carlo-ancelotti', '2025-01')?.team.id, 'real-madrid');
    assert.equal(kb.teamAt('claudio-ranieri', '2025-01')?.team.id, 'roma');
    assert.equal(kb.teamAt('sergio-conceicao', '2025-01')?.team.id, 'ac-milan');
    assert.equal(kb.teamAt('kylian-mbappe', '2024-11')?.team.id, 'real-madrid');
    assert.equal(kb.teamAt('florentino-perez', '2025-01')?.role, 'president');
    const played = kb.teamsOf('carlo-ancelotti', 'player', { asOf: '2024-11' });
    assert.ok(played.complete);
    for (const t of ['roma', 'ac-milan']) assert.ok(played.teams.some((x) => x.team.id === t), t);
  });

  it('agrees with the honours seed 002 counts for Ancelotti at Madrid (undated article)', () => {
    const expected: [string, number][] = [
      ['uefa-champions-league', 3], ['fifa-club-world-cup', 2], ['la-liga', 2], ['uefa-super-cup', 3], ['copa-del-rey', 2], ['supercopa-de-espana', 2],
    ];
    for (const [competition, n] of expected) {
      for (const asOf of [undefined, '2025-02', '2025-03']) {
        const h = kb.honoursCount('carlo-ancelotti', competition, { teamId: 'real-madrid', role: 'coach', ...(asOf ? { asOf } : {}) })!;
        assert.equal(`${competition}@${asOf} ${h.min}..${h.max}`, `${competition}@${asOf} ${n}..${n}`);
      }
    }
    const italian = kb.teamsOf('carlo-ancelotti', 'coach', { asOf: '2025-02' });
    assert.ok(italian.complete);
    for (const t of ['reggiana', 'parma', 'juventus', 'ac-milan', 'napoli']) assert.ok(italian.teams.some((x) => x.team.id === t), t);
    assert.equal(kb.teamAt('xabi-alonso', '2025-02')?.team.id, 'bayer-leverkusen');
    assert.equal(kb.teamAt('diego-simeone', '2025-02')?.team.id, 'atletico-madrid');
    const records = kb.recordsOf('carlo-ancelotti', { asOf: '2025-02', competitionId: 'uefa-champions-league', role: 'coach' });
    assert.equal(records.length, 1);
    assert.equal(records[0]!.value, 5);
    const shared = kb.recordsOf('carlo-ancelotti', { asOf: '2019', competitionId: 'uefa-champions-league', role: 'coach' });
    assert.deepEqual(shared.map((r) => r.shared), [true], 'held jointly before his fourth title');
    assert.equal(kb.entity('carlo-ancelotti')?.hometown, 'reggiolo');
  });

  it('sources every fact, and dates seed facts with their article', () => {
    const files = new Map([['000', '2024-04-19'], ['001', '2025-01'], ['003', '2024-11']]);
    for (const e of kb.entities()) {
      for (const f of kb.facts(e.id)) {
        assert.ok(f.sources.length > 0, `${e.id} ${f.kind} has a source`);
        for (const s of f.sources) {
          const m = /samples\/(\d{3})_/.exec(s.file ?? '');
          if (m) assert.equal(s.date, files.get(m[1]!), `${s.file} dated as its header`);
        }
      }
    }
  });
});
