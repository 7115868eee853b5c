import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { fold, tokenize } from '../../server/src/core/kb/fold';
import { loadKb } from '../../server/src/core/kb/load';
import { buildNameIndex, type NameMatch } from '../../server/src/core/kb/nameIndex';
import type { KbEntity } from '../../server/src/core/kb/types';

const KB = `entities:
  - { id: real-madrid, type: team, name: Real Madrid, names: [{ text: Real, kind: nickname, matchCase: true }, { text: Madrid, kind: nickname }, { text: Blancos, kind: nickname }] }
  - { id: madrid, type: place, name: Madrid }
  - { id: atletico-madrid, type: team, name: Atlético Madrid, names: [{ text: Atlético, kind: nickname }] }
  - { id: ac-milan, type: team, name: AC Milan, names: [Milan, { text: il Diavolo, lang: it, kind: nickname }] }
  - { id: milan-city, type: place, name: Milan, names: [{ text: Milano, lang: it }] }
  - { id: roma, type: team, name: AS Roma, names: [Roma] }
  - { id: rome, type: place, name: Rome, names: [{ text: Roma, lang: it }, { text: Capitale, lang: it, kind: nickname, matchCase: true }] }
  - { id: luka-modric, type: person, name: Luka Modrić, names: [Modrić] }
  - { id: carlo-ancelotti, type: person, name: Carlo Ancelotti, names: [Ancelotti, { text: il tecnico di Reggiolo, lang: it, kind: epithet }] }
  - { id: reggiolo, type: place, name: Reggiolo }
  - { id: santiago-bernabeu, type: place, name: Santiago Bernabéu, names: [{ text: Bernabéu, kind: nickname }] }
  - { id: psg, type: team, name: Paris Saint-Germain, names: [PSG] }
  - { id: st-pauli, type: team, name: FC St. Pauli }
  - { id: bayern, type: team, name: FC Bayern München }
  - { id: kylian-mbappe, type: person, name: Kylian Mbappé, names: [Mbappé] }
`;
const { kb, diagnostics } = loadKb([{ path: 'n.kb.yaml', text: KB }]);
const index = buildNameIndex(kb);

function show(ms: readonly NameMatch[]): string[] {
  return ms.map((m) => `${m.text}=${m.candidates.map((c) => c.id).join('|')}`);
}

describe('fold', () => {
  it('folds case and accents', () => {
    assert.equal(fold('Modrić'), 'modric');
    assert.equal(fold('MODRIC'), 'modric');
    assert.equal(fold('Bernabéu'), 'bernabeu');
    assert.equal(fold('Atlético'), 'atletico');
    assert.equal(fold('MÜNCHEN'), 'munchen');
    assert.equal(fold('Fußball'), 'fussball');
    assert.equal(fold('Ødegaard'), 'odegaard');
    assert.equal(fold('Mbappè'), fold('Mbappé'));
    assert.equal(fold('Ancelotti’s'), "ancelotti's");
    assert.equal(fold('Modric\u0301'), 'modric', 'decomposed input');
  });

  it('tokenizes words, apostrophes and punctuation, dropping spaces and hyphens', () => {
    const text = 'dell’Atletico, Saint-Germain';
    assert.deepEqual(tokenize(text).map((t) => text.slice(t.start, t.end)), ['dell', '’', 'Atletico', ',', 'Saint', 'Germain']);
  });
});

describe('name index', () => {
  it('builds from a clean knowledge base', () => {
    assert.deepEqual(diagnostics, []);
    assert.ok(index.size >= 25);
  });

  it('prefers the longest match', () => {
    assert.deepEqual(show(index.match('Real Madrid beat Atlético Madrid in Madrid.')), [
      'Real Madrid=real-madrid',
      'Atlético Madrid=atletico-madrid',
      'Madrid=madrid|real-madrid',
    ]);
  });

  it('folds case and accents', () => {
    assert.deepEqual(show(index.match('MODRIC at the Bernabeu; ATLETICO MADRID; Luka Modric; mbappè')), [
      'MODRIC=luka-modric',
      'Bernabeu=santiago-bernabeu',
      'ATLETICO MADRID=atletico-madrid',
      'Luka Modric=luka-modric',
      'mbappè=kylian-mbappe',
    ]);
  });

  it('matches through possessives and Italian elisions', () => {
    assert.deepEqual(show(index.match("Ancelotti's office, Ancelotti’s tears, dell’Atletico, l'Atletico")), [
      'Ancelotti=carlo-ancelotti',
      'Ancelotti=carlo-ancelotti',
      'Atletico=atletico-madrid',
      'Atletico=atletico-madrid',
    ]);
  });

  it('returns every candidate with its kind (team and city)', () => {
    const [milan] = index.match('Milan');
    assert.deepEqual(milan!.candidates.map((c) => `${c.id}:${c.kind}:${c.canonical}`).sort(), ['ac-milan:name:false', 'milan-city:name:true']);
    const [roma] = index.match('la Roma');
    assert.deepEqual(roma!.candidates.map((c) => c.id).sort(), ['roma', 'rome']);
    assert.equal(roma!.candidates.find((c) => c.id === 'roma')!.entityName, 'AS Roma');
  });

  it('filters names by language', () => {
    assert.deepEqual(show(index.match('Roma, Milano', { lang: 'en' })), ['Roma=roma']);
    assert.deepEqual(show(index.match('Roma, Milano', { lang: 'it' })), ['Roma=roma|rome', 'Milano=milan-city']);
  });

  it('matches case-sensitive names only as written or in capitals', () => {
    assert.deepEqual(show(index.match('a real chance; col Real; REAL; la capitale; in Capitale')), [
      'Real=real-madrid',
      'REAL=real-madrid',
      'Capitale=rome',
    ]);
  });

  it('finds epithets without hiding the names inside them', () => {
    const ms = index.match('Il tecnico di Reggiolo ha vinto.');
    assert.deepEqual(ms.map((m) => `${m.text}/${m.epithet}`), ['Il tecnico di Reggiolo/true', 'Reggiolo/false']);
    assert.equal(ms[0]!.candidates[0]!.kind, 'epithet');
  });

  it('ignores hyphens and optional dots', () => {
    assert.deepEqual(show(index.match('Paris Saint Germain, Paris Saint-Germain, FC St Pauli, FC St. Pauli, FC-Bayern-München')), [
      'Paris Saint Germain=psg',
      'Paris Saint-Germain=psg',
      'FC St Pauli=st-pauli',
      'FC St. Pauli=st-pauli',
      'FC-Bayern-München=bayern',
    ]);
  });

  it('does not match inside words', () => {
    assert.deepEqual(show(index.match('Madridista Romanian Milanese PSGs')), []);
  });

  it('reports UTF-16 offsets, within a range', () => {
    const text = '📸| Carlo Ancelotti in tears at the Bernabéu';
    const ms = index.match(text);
    assert.equal(text.slice(ms[0]!.start, ms[0]!.end), 'Carlo Ancelotti');
    assert.equal(ms[0]!.start, 4);
    const part = index.match(text, { start: 20 });
    assert.deepEqual(show(part), ['Bernabéu=santiago-bernabeu']);
    assert.deepEqual(show(index.match(text, { start: 0, end: 10 })), [], 'a name cut by the range is not matched');
  });

  it('looks up a whole string', () => {
    assert.deepEqual(index.lookup('Blancos').map((c) => c.id), ['real-madrid']);
    assert.deepEqual(index.lookup('Real Madrid CF'), []);
    assert.deepEqual(index.lookup('il Diavolo', { lang: 'it' }).map((c) => c.id), ['ac-milan']);
  });

  it('finds the same matches however many other names the index holds', () => {
    const extra: KbEntity[] = [];
    for (let i = 0; i < 20000; i++) extra.push({ id: `club-${i}`, type: 'team', name: `Club ${i} Athletic`, names: [{ text: `Real Club ${i}`, kind: 'name' }] });
    const big = buildNameIndex([...kb.entities(), ...extra]);
    const text = 'Real Madrid and Milan, Club 12 Athletic and Real Club 7.';
    assert.deepEqual(show(big.match(text)), ['Real Madrid=real-madrid', 'Milan=milan-city|ac-milan', 'Club 12 Athletic=club-12', 'Real Club 7=club-7']);
  });
});
