import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { loadKb } from '../../server/src/core/kb/load';

const TEXT = `sources:
  a2023: { title: Article of 2023, date: 2023-03-01 }
  a2024: { title: Article of 2024, date: 2024-04-19 }
  wiki: { title: Encyclopedia }
entities:
  - { id: club-a, type: team, name: Club A }
  - { id: club-b, type: team, name: Club B }
  - { id: club-c, type: team, name: Club C }
  - { id: cup, type: competition, name: The Cup }
  - { id: league, type: competition, name: The League }
  - id: ended
    type: person
    name: Ended Player
    source: wiki
    career:
      - team: club-a
        role: player
        from: 2013-01
        to: 2022-08
        stats:
          - { appearances: 331, goals: 31, source: a2024 }
        honours:
          - { competition: cup, count: 3, won: [2014-05-24, 2016/2017, 2022], source: a2024 }
      - { team: club-b, role: player, from: 2014-07, to: 2015-06, loan: true }
      - { team: club-c, role: player, from: 2022-08 }
  - id: growing
    type: person
    name: Growing Player
    source: wiki
    career:
      - team: club-a
        role: player
        from: 2020
        stats:
          - { appearances: 100, source: a2023 }
          - { appearances: 150, source: a2024 }
          - { appearances: 90, scope: league, source: a2023 }
        honours:
          - { competition: league, count: 2, source: a2023 }
  - id: twice
    type: person
    name: Two Spells
    source: wiki
    career:
      - team: club-a
        role: coach
        from: 2010
        to: 2012
        stats: [{ matches: 80 }]
      - team: club-a
        role: coach
        from: 2018
        to: 2020
        stats: [{ matches: 100 }]
      - { team: club-b, role: coach, from: 2013, to: 2017-06 }
    complete:
      - { role: coach, asOf: 2021 }
    honours:
      - { competition: cup, team: club-a, role: coach, won: [2011-05-01, 2019-05-01] }
      - { competition: cup, team: club-b, role: coach, won: [2015-05-01] }
    contracts:
      - { team: club-a, until: 2019-06-30, asOf: 2018-01 }
      - { team: club-a, until: 2021-06-30, asOf: 2019-03 }
    records:
      - { text: { en: most cups }, competition: cup, role: coach, since: 2019-05-01, value: 3, asOf: 2019-05-01 }
      - { text: { en: youngest coach }, since: 2010, until: 2015 }
`;

const { kb, diagnostics } = loadKb([{ path: 'q.kb.yaml', text: TEXT }]);

function bounds(f: { min: number; max?: number } | undefined): string {
  return f ? `${f.min}..${f.max ?? '∞'}` : 'none';
}

describe('kb queries: time semantics', () => {
  it('loads the fixture cleanly', () => {
    assert.deepEqual(diagnostics, []);
  });

  it('makes figures of an ended stint final and exact after its end', () => {
    const f = kb.statsFor('ended', 'club-a', 'appearances', { asOf: '2024-04-19' })!;
    assert.equal(f.value, 331);
    assert.equal(f.exact, true);
    assert.equal(f.final, true);
    assert.equal(f.asOf, '2024-04-19');
    assert.equal(f.source?.title, 'Article of 2024');
    assert.equal(kb.statsFor('ended', 'club-a', 'goals')?.value, 31);
  });

  it('bounds an earlier date from above only: a smaller figure then is not wrong', () => {
    const f = kb.statsFor('ended', 'club-a', 'appearances', { asOf: '2020-01-01' })!;
    assert.equal(bounds(f), '0..331');
    assert.equal(f.exact, false);
    assert.equal(f.value, 331);
  });

  it('uses the closest figures of a stint that goes on (cumulative figures only grow)', () => {
    assert.equal(bounds(kb.statsFor('growing', 'club-a', 'appearances', { asOf: '2023-03-01' })), '100..100');
    assert.equal(bounds(kb.statsFor('growing', 'club-a', 'appearances', { asOf: '2023-09' })), '100..150');
    assert.equal(bounds(kb.statsFor('growing', 'club-a', 'appearances', { asOf: '2025-01' })), '150..∞');
    assert.equal(bounds(kb.statsFor('growing', 'club-a', 'appearances', { asOf: '2022' })), '0..100');
    assert.equal(kb.statsFor('growing', 'club-a', 'appearances')?.value, 150);
    assert.equal(kb.statsFor('growing', 'club-a', 'appearances', { asOf: '2023-09' })?.value, 100);
    // Scope is separate: league figures answer league questions only.
    assert.equal(kb.statsFor('growing', 'club-a', 'appearances', { scope: 'league' })?.value, 90);
    assert.equal(kb.statsFor('growing', 'club-a', 'goals'), undefined);
  });

  it('sums figures over several stints at one team', () => {
    assert.equal(bounds(kb.statsFor('twice', 'club-a', 'matches')), '180..180');
    assert.equal(bounds(kb.statsFor('twice', 'club-a', 'matches', { asOf: '2015' })), '80..80');
  });

  it('counts honours from the dates won, for any date', () => {
    const at = (asOf?: string) => kb.honoursCount('ended', 'cup', { teamId: 'club-a', ...(asOf ? { asOf } : {}) });
    assert.equal(bounds(at()), '3..3');
    assert.equal(bounds(at('2014-05-23')), '0..0');
    assert.equal(bounds(at('2014-05-24')), '1..1');
    // A season counts from its end; a date inside it leaves the count open.
    assert.equal(bounds(at('2017-01-15')), '1..2');
    assert.equal(bounds(at('2017-07')), '2..2');
    // A year counts from 31 December.
    assert.equal(bounds(at('2022-06')), '2..3');
    assert.equal(at('2017-07')!.won?.length, 2);
    assert.equal(at()!.final, true);
  });

  it('treats a count without dates as a lower bound later and an upper bound earlier', () => {
    const f = (asOf: string) => bounds(kb.honoursCount('growing', 'league', { teamId: 'club-a', asOf }));
    assert.equal(f('2024-01'), '2..∞');
    assert.equal(f('2022-01'), '0..2');
  });

  it('sums honours across teams without an upper bound unless a total is known', () => {
    assert.equal(bounds(kb.honoursCount('twice', 'cup', { role: 'coach' })), '3..∞');
    assert.equal(bounds(kb.honoursCount('twice', 'cup', { teamId: 'club-b' })), '1..1');
    assert.equal(bounds(kb.honoursCount('twice', 'cup', { teamId: 'club-a', asOf: '2015' })), '1..1');
    assert.equal(kb.honoursCount('twice', 'league'), undefined);
  });

  it('gives the team and role on a date, preferring a loan over the parent club', () => {
    assert.equal(kb.teamAt('ended', '2015-01-10')?.team.id, 'club-b');
    assert.equal(kb.teamAt('ended', '2016-01-10')?.team.id, 'club-a');
    assert.equal(kb.teamAt('ended', '2016-01-10')?.role, 'player');
    assert.equal(kb.teamAt('ended', '2012-01-10'), undefined);
    assert.equal(kb.teamAt('ended')?.team.id, 'club-c', 'current team without a date');
    assert.equal(kb.teamAt('twice'), undefined, 'no open stint');
    assert.equal(kb.teamAt('ended', '2013/2014')?.team.id, 'club-a', 'seasons as dates');
    assert.equal(kb.teamAt('ended', '2024-W16')?.team.id, 'club-c', 'ISO weeks as dates');
  });

  it('lists teams coached with completeness as of a date', () => {
    const list = kb.teamsOf('twice', 'coach', { asOf: '2020-06' });
    assert.deepEqual(list.teams.map((t) => t.team.id), ['club-a', 'club-b']);
    assert.equal(list.complete, true);
    assert.equal(list.teams[0]!.stints.length, 2);
    assert.deepEqual(kb.teamsOf('twice', 'coach', { asOf: '2011' }).teams.map((t) => t.team.id), ['club-a']);
    assert.equal(kb.teamsOf('twice', 'coach', { asOf: '2023' }).complete, false, 'not known complete after its as-of date');
    assert.equal(kb.teamsOf('ended', 'player').complete, false);
  });

  it('gives the contract end as known on a date', () => {
    assert.equal(kb.contractEnd('twice', { teamId: 'club-a', asOf: '2018-06' })?.until, '2019-06-30');
    assert.equal(kb.contractEnd('twice', { teamId: 'club-a', asOf: '2020' })?.until, '2021-06-30');
    assert.equal(kb.contractEnd('twice', { teamId: 'club-a' })?.until, '2021-06-30');
  });

  it('gives the records held on a date', () => {
    assert.deepEqual(kb.recordsOf('twice', { asOf: '2019-01' }).map((r) => r.text.en), []);
    assert.deepEqual(kb.recordsOf('twice', { asOf: '2012' }).map((r) => r.text.en), ['youngest coach']);
    assert.deepEqual(kb.recordsOf('twice', { asOf: '2020' }).map((r) => r.text.en), ['most cups']);
    assert.deepEqual(kb.recordsOf('twice').map((r) => r.text.en), ['most cups']);
  });

  it('lists honours and statistics for hovers', () => {
    const h = kb.honoursOf('twice', { asOf: '2016' });
    assert.deepEqual(h.map((x) => `${x.competition}/${x.team}/${x.count.value}`).sort(), ['cup/club-a/1', 'cup/club-b/1']);
    const s = kb.statisticsOf('growing', { asOf: '2024-04-19' });
    assert.deepEqual(s.map((x) => `${x.property}/${x.scope}/${x.figure.value}`).sort(), ['appearances/all/150', 'appearances/league/90']);
  });
});
