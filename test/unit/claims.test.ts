import { test } from 'node:test';
import assert from 'node:assert/strict';
import { claims } from './claimsHelpers';

test('appearances and goals, with the subject and team through pronouns and "the club"', async () => {
  const text = 'date 2024-04-19\nCasemiro spent almost a decade as a Real Madrid player and played 331 games for the club. He scored 31 goals for the Blancos.';
  assert.deepEqual(await claims(text), [
    ['tenure', 'casemiro', 10, { team: 'real-madrid', role: 'player', approx: 'almost' }],
    ['appearances', 'casemiro', 331, { team: 'real-madrid', scope: 'all' }],
    ['goals', 'casemiro', 31, { team: 'real-madrid', scope: 'all' }],
  ]);
});

test('Italian figures: "con 331 presenze e 31 reti"', async () => {
  const text = 'date 2023-01\nCasemiro ha lasciato il segno nel Real Madrid, con 331 presenze e 31 reti.';
  const found = await claims(text);
  assert.deepEqual(found.filter(([p]) => p === 'appearances' || p === 'goals'), [
    ['appearances', 'casemiro', 331, { team: 'real-madrid', scope: 'all' }],
    ['goals', 'casemiro', 31, { team: 'real-madrid', scope: 'all' }],
  ]);
});

test('honours in a list, with "altrettante" taking the count just given, and the team from the sentence before', async () => {
  const text =
    "L'avventura di Carlo Ancelotti sulla panchina delle Merengues è al termine. Sir Carlo a Madrid ha vinto tre edizioni della Champions League, due Mondiali per club. E ancora, due coppe del Re e altrettante supercoppe di Spagna.";
  const honours = (await claims(text)).filter(([p]) => p === 'honours');
  assert.deepEqual(
    honours.map(([, subject, value, q]) => [subject, value, q.competition, q.team, q.role]),
    [
      ['carlo-ancelotti', 3, 'uefa-champions-league', 'real-madrid', 'coach'],
      ['carlo-ancelotti', 2, 'fifa-club-world-cup', 'real-madrid', 'coach'],
      ['carlo-ancelotti', 2, 'copa-del-rey', 'real-madrid', 'coach'],
      ['carlo-ancelotti', 2, 'supercopa-de-espana', 'real-madrid', 'coach'],
    ],
  );
});

test('contract end, team lists, moves and records', async () => {
  const contract = await claims('date 2025-01\nCarlo Ancelotti lascerà il Real Madrid a fine stagione, malgrado gli accordi ancora in essere fino al 2026.');
  assert.deepEqual(contract.find(([p]) => p === 'contract-end'), ['contract-end', 'carlo-ancelotti', '2026', { team: 'real-madrid' }]);

  const list = await claims('Si avvicina il ritorno di Carlo Ancelotti. Il tecnico di Reggiolo, che in Italia ha allenato Reggiana, Parma, Juventus, Milan e Napoli, lascia il Real Madrid.');
  assert.deepEqual(list.find(([p]) => p === 'coached')?.[2], ['reggiana', 'parma', 'juventus', 'ac-milan', 'napoli']);

  const move = await claims('date 2024-04-19\nCasemiro decided to move to Manchester United in 2022.');
  assert.deepEqual(move.find(([p]) => p === 'joined'), ['joined', 'casemiro', '2022', { team: 'manchester-united' }]);

  const record = await claims('È l’allenatore ad aver vinto il maggior numero di Champions League e ora Carlo Ancelotti prepara il ritorno.');
  assert.deepEqual(record.find(([p]) => p === 'record'), ['record', 'carlo-ancelotti', 'most-titles:uefa-champions-league', { competition: 'uefa-champions-league', role: 'coach' }]);
});

test('Italian cues that begin or end with an accented letter: "lasciò", "allenò", "è arrivato al"', async () => {
  const left = await claims('Carlo Ancelotti lasciò il Napoli nel 2021.');
  assert.deepEqual(left.find(([p]) => p === 'left'), ['left', 'carlo-ancelotti', '2021', { team: 'napoli' }]);
  const coached = await claims('Carlo Ancelotti allenò Reggiana, Parma e Juventus.');
  assert.deepEqual(coached.find(([p]) => p === 'coached')?.[2], ['reggiana', 'parma', 'juventus']);
  const joined = await claims('Casemiro è arrivato al Manchester United nel 2022.');
  assert.deepEqual(joined.find(([p]) => p === 'joined'), ['joined', 'casemiro', '2022', { team: 'manchester-united' }]);
  // A cue inside a longer word is no cue.
  assert.equal((await claims('Carlo Ancelotti ripassò il Napoli nel 2021.')).length, 0);
});

test('no claims from hypotheticals, ages, "one of" or numbers without a subject', async () => {
  assert.deepEqual(await claims('Ancelotti in Serie A tornerebbe per allenare la Roma.'), []);
  assert.deepEqual(await claims('The stadium holds 81,044 fans and tickets cost 50 euros.'), []);
  assert.deepEqual(await claims('date 2024-01-01\nCasemiro joined the club nine years ago.').then((c) => c.filter(([p]) => p === 'tenure')), []);
});

test('the team of a figure: not a breakdown\'s, not the last of a list when the figure names its own, not a guess between two', async () => {
  const teamOf = async (text: string, property: string) => (await claims(text)).filter(([p]) => p === property).map(([, , value, q]) => [value, q.team]);
  // "due con il Milan" is the breakdown's; the total of three has no team.
  assert.deepEqual(await teamOf('date 2016-08-01\nCarlo Ancelotti ha vinto tre Champions League, due con il Milan e una con il Real Madrid.', 'honours'), [[3, undefined]]);
  // "con i rossoneri" names the team in words the knowledge base lacks: no claim, rather than Napoli.
  assert.deepEqual(await teamOf('Carlo Ancelotti ha guidato Reggiana, Parma, Juventus, Milan e Napoli, vincendo due Champions League con i rossoneri.', 'honours'), []);
  // Two of the subject's teams in the sentence before: neither is taken.
  assert.deepEqual(
    await teamOf('Casemiro ha collezionato 331 presenze con la maglia dei Blancos, con una parentesi in prestito al Porto. Il palmarès parla da sé: cinque Champions League.', 'honours'),
    [[5, undefined]],
  );
  // A place named after one of the subject's teams stands for it.
  assert.deepEqual(await teamOf('Toni Kroos arrived from Bayern Munich in 2014. He leaves after ten seasons in Madrid.', 'tenure'), [[10, 'real-madrid']]);
  assert.deepEqual(await teamOf("Carlo Ancelotti e il Real Madrid. Sir Carlo a Madrid ha vinto tre edizioni della Champions League.", 'honours'), [[3, 'real-madrid']]);
});
