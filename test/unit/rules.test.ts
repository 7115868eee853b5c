import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyzeArticle } from '../../server/src/core/analyze';
import { runChecks } from '../../server/src/core/checks';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { loadKnowledge } from '../../server/src/host/knowledgeBase';
import type { ForeignClaim } from '../../server/src/core/checks';
import { claimKey } from '../../server/src/core/checks/claimKey';
import type { KbMismatchData } from '../../server/src/core/checks/kbMismatch';
import { italianWith } from '../../server/src/core/checks/messages';
import { analyse, findings } from './claimsHelpers';

const rules = (fs: { rule: string }[]) => fs.map((f) => f.rule);
const warnings = (fs: { severity: string; rule: string }[]) => fs.filter((f) => f.severity === 'warning').map((f) => f.rule);

/** Asserts the rules of `text`'s warnings; a failure shows the claims read from it. */
async function expectWarnings(text: string, expected: string[]): Promise<void> {
  const { article, findings: found } = await findings(text);
  assert.deepEqual(warnings(found), expected, `${text}\n${JSON.stringify(article.claims.map((c) => [c.property, c.value, c.qualifiers]))}`);
}

test('the seed articles agree with the bundled knowledge base: no warnings', async () => {
  const dir = resolve(__dirname, '../../samples');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
    const { findings: found } = await findings(readFileSync(join(dir, file), 'utf8'));
    assert.deepEqual(warnings(found), [], file);
  }
});

test('kb-mismatch: a wrong figure is flagged with the knowledge base value, source and a fix in the same style', async () => {
  const { article, findings: found } = await findings('date 2024-04-19\nCasemiro played 300 games for Real Madrid.');
  const f = found.find((x) => x.rule === 'kb-mismatch');
  assert.ok(f, JSON.stringify(found));
  assert.equal(article.text.slice(f.start, f.end), '300');
  assert.match(f.message, /The knowledge base says Casemiro made 331 appearances for Real Madrid \(2013–2022; source: .*2024-04-19\); the article says 300\./);
  assert.equal((f.data as KbMismatchData).replacement, '331');
});

test('kb-mismatch in Italian with number words: "sei" becomes the right word', async () => {
  const { article, findings: found } = await findings("date 2025-01\nCarlo Ancelotti con il Real Madrid ha vinto sei edizioni della Champions League da allenatore.");
  const f = found.find((x) => x.rule === 'kb-mismatch');
  assert.ok(f, JSON.stringify(found));
  assert.equal(article.text.slice(f.start, f.end), 'sei');
  assert.match(f.message, /^Secondo la base di conoscenza Carlo Ancelotti ha vinto 3 volte la Champions League con il Real Madrid/);
  assert.equal((f.data as KbMismatchData).replacement, 'tre');
});

test('kb-mismatch fix: the noun agrees with the corrected count, or no fix is offered', async () => {
  const fix = async (text: string) => {
    const { article, findings: found } = await findings(text);
    const f = found.find((x) => x.rule === 'kb-mismatch');
    assert.ok(f, `${text}\n${JSON.stringify(found)}`);
    const data = f.data as KbMismatchData;
    if (data.replacement === undefined) return undefined;
    const end = f.start + (data.replaces ?? f.end - f.start);
    return { replaced: article.text.slice(f.start, end), by: data.replacement };
  };
  // Plural to singular and back, in words and digits, English and Italian (un, un').
  assert.deepEqual(await fix('date 2024-04-19\nCasemiro won two titles of the Copa del Rey with Real Madrid.'), { replaced: 'two titles', by: 'one title' });
  assert.deepEqual(await fix('date 2024-04-19\nCasemiro scored one goal for Real Madrid.'), { replaced: 'one goal', by: 'thirty-one goals' });
  assert.deepEqual(await fix('date 2024-04-19\nCasemiro scored 1 goal for Real Madrid.'), { replaced: '1 goal', by: '31 goals' });
  assert.deepEqual(await fix('date 2024-04-19\nCasemiro ha vinto due edizioni della Coppa del Re con il Real Madrid.'), { replaced: 'due edizioni', by: "un'edizione" });
  assert.deepEqual(await fix('date 2024-04-19\nCasemiro ha vinto due titoli della Coppa del Re con il Real Madrid.'), { replaced: 'due titoli', by: 'un titolo' });
  assert.deepEqual(await fix('date 2024-04-19\nCasemiro ha segnato 1 rete con il Real Madrid.'), { replaced: '1 rete', by: '31 reti' });
  // The same grammatical number: only the figure changes.
  assert.deepEqual(await fix('date 2024-04-19\nCasemiro played 300 games for Real Madrid.'), { replaced: '300', by: '331' });
  // A competition's own name as the noun ("due Mondiali per club") cannot be made singular here: no fix.
  assert.equal(await fix('date 2016-08-01\nCon il Real Madrid Carlo Ancelotti ha conquistato due Mondiali per club.'), undefined);
});

test('time: a smaller figure before the figure grew is not wrong; after the stint ended it is', async () => {
  const before = await findings('date 2019-05-01\nCasemiro has played 250 games for Real Madrid so far.');
  assert.deepEqual(warnings(before.findings), []);
  const after = await findings('date 2023-05-01\nCasemiro played 250 games for Real Madrid.');
  assert.deepEqual(warnings(after.findings), ['kb-mismatch']);
});

test('contract end and moves are checked; approximations are read as such', async () => {
  assert.deepEqual(warnings((await findings('date 2025-01\nAncelotti ha un contratto con il Real Madrid fino al 2027.')).findings), ['kb-mismatch']);
  assert.deepEqual(warnings((await findings('date 2024-04-19\nCasemiro decided to move to Manchester United in 2021.')).findings), ['kb-mismatch']);
  assert.deepEqual(warnings((await findings('date 2024-04-19\nCasemiro spent almost a decade at Real Madrid.')).findings), []);
  assert.deepEqual(warnings((await findings('date 2024-04-19\nCasemiro spent almost five seasons at Real Madrid.')).findings), ['kb-mismatch']);
});

test('more ways to say it: a contract "until June 2027", "took over at", "took charge of"', async () => {
  assert.deepEqual(warnings((await findings('date 2024-06-05\nCarlo Ancelotti has a contract with Real Madrid until June 2027.')).findings), ['kb-mismatch']);
  assert.deepEqual(warnings((await findings('date 2024-06-05\nCarlo Ancelotti has a contract with Real Madrid until June 2026.')).findings), []);
  assert.deepEqual(warnings((await findings('date 2024-06-05\nDiego Simeone took over at Atlético Madrid in December 2013.')).findings), ['kb-mismatch']);
  assert.deepEqual(warnings((await findings('date 2024-06-05\nDiego Simeone took charge of Atlético Madrid in December 2011.')).findings), []);
});

test('still more ways to say it: "won X three times", "è al X dal 2013", "where he stayed nine seasons", "per nove stagioni prima di"', async () => {
  const flagged = [
    'date 2024-09-28\nCarlo Ancelotti is chasing more history. He has won the Spanish league three times with Real Madrid.',
    'date 2024-09-28\nCarlo Ancelotti ha vinto tre volte la Liga con il Real Madrid.',
    'date 2024-06-05\nLuka Modrić è al Real Madrid dal 2013.',
    'date 2024-06-05\nLuka Modric has been at Real Madrid since 2013.',
    'date 2025-02-10\nCarlo Ancelotti is the coach with the most Champions League titles. At Milan, where he stayed eleven seasons, he won two of them.',
    'date 2025-01-10\nSérgio Conceição è arrivato al Milan. Il portoghese ha guidato il Porto per dieci stagioni prima di approdare in rossonero.',
  ];
  for (const text of flagged) await expectWarnings(text, ['kb-mismatch']);
  const silent = [
    'date 2024-09-28\nCarlo Ancelotti has won La Liga two times with Real Madrid.',
    'date 2024-09-28\nCarlo Ancelotti ha vinto la Champions League tre volte con il Real Madrid.',
    // Not a win: a count of meetings is not an honour.
    'date 2024-09-28\nCarlo Ancelotti has faced the Champions League holders three times with Real Madrid.',
    'date 2024-06-05\nLuka Modrić è al Real Madrid dal 2012.',
    'date 2024-06-05\nLuka Modric has been at Real Madrid since August 2012.',
    'date 2025-02-10\nCarlo Ancelotti won trophies everywhere. At Milan, where he stayed eight seasons, he won two Champions League titles.',
    // "per nove anni prima," is the time before, not a stay of nine years at Porto.
    'date 2025-01-10\nSérgio Conceição ha guidato il Porto per sette anni. Per nove anni prima, aveva giocato in Italia.',
  ];
  for (const text of silent) await expectWarnings(text, []);
});

test('records: one claimed before it was held is flagged with the date it began; a club\'s record is not a coach\'s', async () => {
  const early = await findings('date 2012-01-10\nCarlo Ancelotti is the coach with the most Champions League titles.');
  const f = early.findings.find((x) => x.rule === 'kb-mismatch');
  assert.ok(f, JSON.stringify(early.findings));
  assert.match(f.message, /^The knowledge base says Carlo Ancelotti has held the record for most UEFA Champions League titles as a coach only since 2014-05-24 \(source: [^)]*\); the article is dated 2012-01-10\.$/);
  assert.deepEqual(warnings((await findings('date 2024-06-05\nCarlo Ancelotti is the coach with the most Champions League titles.')).findings), []);
  assert.deepEqual(warnings((await findings("date 2012-01-10\nCarlo Ancelotti è l'allenatore ad aver vinto il maggior numero di Champions League.")).findings).length, 1);
  // The sample knowledge base gives Real Madrid the club record: a person's record is not compared with it.
  const { context } = await loadKnowledge([resolve(__dirname, '../../samples/example.kb.yaml')]);
  const article = analyzeArticle('date 2012-01-10\nCarlo Ancelotti is the coach with the most Champions League titles.', DEFAULT_SETTINGS, context);
  const messages = runChecks(article, {}, { kb: context.kb }).filter((x) => x.rule === 'kb-mismatch').map((x) => x.message);
  assert.equal(messages.length, 1, JSON.stringify(messages));
  assert.doesNotMatch(messages[0]!, /Real Madrid/);
});

test('messages count in words a reader expects: "once", "1 volta"', async () => {
  const en = await findings('date 2024-04-19\nCasemiro won two Copa del Rey titles with Real Madrid.');
  assert.match(en.findings.find((f) => f.rule === 'kb-mismatch')?.message ?? '', /won Copa del Rey once with Real Madrid/);
  const it = await findings('date 2024-04-19\nCasemiro ha vinto due Coppe del Re con il Real Madrid.');
  assert.match(it.findings.find((f) => f.rule === 'kb-mismatch')?.message ?? '', /ha vinto 1 volta la Coppa del Re con il Real Madrid/);
});

test('Italian messages write decimals with a comma ("7,1 anni")', async () => {
  const { findings: found } = await findings('date 2025-01-10\nSérgio Conceição ha guidato il Porto per dieci anni.');
  assert.match(found.find((f) => f.rule === 'kb-mismatch')?.message ?? '', /è rimasto 7,1 anni al Porto/);
});

test('a figure\'s as-of date is not passed off as its source\'s date', async () => {
  const { findings: found } = await findings('date 2025-01-20\nCon il Real Madrid, Carlo Ancelotti ha vinto tre coppe del Re.');
  const message = found.find((f) => f.rule === 'kb-mismatch')?.message ?? '';
  // The source (an article with no date line) has no date; the count is as of the last win.
  assert.match(message, /fonte: Carlo Ancelotti potrebbe presto[^;)]*; aggiornato al 2025-05\)/);
});

test('tenure: a stay at a team counts per role when the article does not say which (eight seasons as Milan coach)', async () => {
  assert.deepEqual(warnings((await findings('date 2024-06-05\nCarlo Ancelotti spent eight seasons at AC Milan.')).findings), []);
  assert.deepEqual(warnings((await findings('date 2024-06-05\nCarlo Ancelotti spent five seasons at AC Milan.')).findings), []);
  const wrong = await findings('date 2024-06-05\nCarlo Ancelotti spent eleven seasons at AC Milan.');
  assert.deepEqual(warnings(wrong.findings), ['kb-mismatch']);
});

test('no false warnings where the team a figure is about is not stated or is stated in words the knowledge base lacks', async () => {
  const silent = [
    // A total followed by its breakdown: Milan is the breakdown's, not the total's.
    'date 2019-06-01\nCarlo Ancelotti has won the Champions League three times as a coach, twice with AC Milan and once with Real Madrid.',
    'date 2016-08-01\nCarlo Ancelotti ha vinto tre Champions League, due con il Milan e una con il Real Madrid.',
    // "in Madrid" is Real Madrid for Kroos, not Bayer Leverkusen named in the sentence before.
    'date 2024-05-22\nToni Kroos will retire. The German arrived at the Bernabéu from Bayern Munich in July 2014, having spent the 2009-10 season on loan at Bayer Leverkusen earlier in his career. He leaves after ten seasons in Madrid.',
    // "at the Bernabéu" says where; the knowledge base cannot tell which team that is.
    'date 2024-06-05\nCarlo Ancelotti is happy. In two spells at the Bernabéu he has collected two Club World Cups and two UEFA Super Cups.',
    // "con i rossoneri" names the team in words the knowledge base lacks: not Napoli, last of a list.
    'date 2025-01-20\nIn Italia Carlo Ancelotti ha guidato Reggiana, Parma, Juventus, Milan e Napoli, vincendo uno scudetto e due Champions League con i rossoneri.',
    // Two teams in the sentence before: which one the honours are with is not said.
    'date 2023-09-01\nIl brasiliano Casemiro ha collezionato 331 presenze e 31 gol con la maglia dei Blancos, con una parentesi in prestito al Porto. Il palmarès parla da sé: cinque Champions League, tre campionati spagnoli.',
  ];
  for (const text of silent) await expectWarnings(text, []);
});

test('no false warnings where the team of a figure or a move is in another clause', async () => {
  const silent = [
    // The team after a comma belongs to the next clause: "on Bayern's books for seven years" is Bayern's.
    "date 2024-05-23\nToni Kroos joined Madrid in July 2014. Before that he had been on Bayern's books for seven years, from 2007, a spell interrupted by 18 months on loan at Bayer Leverkusen between January 2009 and June 2010.",
    // The nearest of a team or a place before the figure: "a Bayern player for seven years", not "in Madrid".
    'date 2016-07-11\nXabi Alonso played under him in Madrid and moved to Bayern in 2014, the same summer that Toni Kroos, a Bayern player for seven years, went the other way.',
    // "left Madrid for Bayern": Bayern is where he went, not the team he left.
    'date 2024-05-23\nThere is a neat symmetry with Xabi Alonso. The Spaniard left Madrid for Bayern in August 2014, the same summer Kroos made the opposite journey.',
  ];
  for (const text of silent) await expectWarnings(text, []);
  // "left for Manchester United in 2021" says when he joined United.
  for (const text of ['date 2025-07-15\nCasemiro left for Manchester United in 2021.', 'date 2025-05-09\nXabi Alonso left the Bernabéu for Bayern Munich in 2015.']) await expectWarnings(text, ['kb-mismatch']);
});

test('a country is no team: "In Spagna ha aggiunto tre campionati spagnoli" is about the club named before', async () => {
  const { article, findings: found } = await findings('date 2025-01-15\nCarlo Ancelotti è tornato al Real Madrid nel 2021. In Spagna ha aggiunto tre campionati spagnoli.');
  assert.deepEqual(warnings(found), ['kb-mismatch'], JSON.stringify(article.claims.map((c) => [c.property, c.value, c.qualifiers])));
  assert.deepEqual(warnings((await findings('date 2025-01-15\nCarlo Ancelotti è tornato al Real Madrid nel 2021. In Spagna ha aggiunto due campionati spagnoli.')).findings), []);
  assert.deepEqual(warnings((await findings('date 2025-01-15\nCarlo Ancelotti è tornato al Real Madrid nel 2021. Ha aggiunto tre campionati spagnoli in Spagna.')).findings), ['kb-mismatch']);
});

test('a surname alone after the full name of someone the knowledge base knows is that person', async () => {
  const { article, findings: found } = await findings('date 2025-05-09\nXabi Alonso will leave Bayer Leverkusen. Five years after arriving from Liverpool, Alonso left the Bernabéu for Bayern Munich in 2015.');
  assert.deepEqual(article.entities.filter((e) => e.text === 'Alonso').map((e) => e.entityId), ['xabi-alonso']);
  assert.deepEqual(warnings(found), ['kb-mismatch'], JSON.stringify(article.claims.map((c) => [c.property, c.subjectKey, c.value, c.qualifiers])));
});

test('internal: the same article gives two values for the same thing', async () => {
  const { article, findings: found } = await findings('Toni Kroos scored 5 goals for Real Madrid. Later we learn that Kroos scored 7 goals for Real Madrid.');
  const f = found.find((x) => x.rule === 'internal');
  assert.ok(f, JSON.stringify(found));
  assert.equal(article.text.slice(f.start, f.end), '7');
  assert.equal(article.text.slice(f.related![0]!.start, f.related![0]!.end), '5');
});

test('cross-article: two articles disagree and the knowledge base cannot settle it; time is taken into account', async () => {
  const other = await analyse('date 2024-05-01\nToni Kroos scored 28 goals for Real Madrid.');
  const otherClaims = (claim: Parameters<typeof claimKey>[0]): ForeignClaim[] =>
    other.claims.filter((c) => claimKey(c) === claimKey(claim)).map((c) => ({ source: 'file:///other.txt', claim: c, date: other.date!, language: other.language }));
  const same = await findings('date 2024-05-01\nToni Kroos scored 30 goals for Real Madrid.', { otherClaims });
  const f = same.findings.find((x) => x.rule === 'cross-article');
  assert.ok(f, JSON.stringify(same.findings));
  assert.equal(f.related![0]!.source, 'file:///other.txt');
  assert.match(f.message, /^Another article \(other\.txt, 2024-05-01\) says Toni Kroos scored 28 goals for Real Madrid; this one says 30\.$/);
  // An earlier article with a smaller figure is consistent with a later, larger one.
  const earlier = await findings('date 2020-01-01\nToni Kroos scored 20 goals for Real Madrid.', { otherClaims });
  assert.deepEqual(rules(earlier.findings).filter((r) => r === 'cross-article'), []);
});

test('cross-article is silent where the knowledge base settles it (kb-mismatch flags the wrong one)', async () => {
  const other = await analyse('date 2024-04-19\nCasemiro played 331 games for Real Madrid.');
  const otherClaims = (claim: Parameters<typeof claimKey>[0]): ForeignClaim[] =>
    other.claims.filter((c) => claimKey(c) === claimKey(claim)).map((c) => ({ source: 'file:///ok.txt', claim: c, date: other.date!, language: other.language }));
  const wrong = await findings('date 2024-04-19\nCasemiro played 300 games for Real Madrid.', { otherClaims });
  assert.deepEqual(warnings(wrong.findings), ['kb-mismatch']);
});

test('list-mismatch: a team outside the complete list of teams coached', async () => {
  const { article, findings: found } = await findings('date 2024-11\nCarlo Ancelotti ha allenato Reggiana, Parma, Roma e Napoli.');
  const f = found.find((x) => x.rule === 'list-mismatch');
  assert.ok(f, JSON.stringify(found));
  assert.equal(article.text.slice(f.start, f.end), 'Roma');
  assert.deepEqual(warnings((await findings('date 2024-11\nCarlo Ancelotti ha allenato Reggiana, Parma e Napoli.')).findings), []);
});

test('unknown-entity hints once per name, and unattributed quotes need at least a short sentence', async () => {
  const { findings: found } = await findings('Hansi Flick arrived. Flick said nothing.\n\n“We will fight until the very last minute of the season.”\n\nThey were a “galactic” side.');
  assert.deepEqual(rules(found).sort(), ['unattributed-quote', 'unknown-entity']);
});

test('a person named as a club\'s owner is not the subject: "il tecnico … e il club di Florentino Pérez …, un contratto in scadenza nel 2027"', async () => {
  const flagged = [
    'date 2025-01-15\nCarlo Ancelotti potrebbe lasciare: il tecnico di Reggiolo e il club di Florentino Pérez si separeranno a fine stagione, nonostante un contratto in scadenza nel giugno 2027.',
    "date 2025-01-15\nCarlo Ancelotti and Florentino Pérez's club will part ways in the summer despite a contract until 2027.",
    // Alone, the owner is still the subject.
    'date 2025-01-15\nIl Real Madrid di Carlo Ancelotti va avanti, con un contratto in scadenza nel 2027.',
  ];
  for (const text of flagged) await expectWarnings(text, ['kb-mismatch']);
  const silent = [
    'date 2025-01-15\nCarlo Ancelotti potrebbe lasciare: il tecnico di Reggiolo e il club di Florentino Pérez si separeranno a fine stagione, nonostante un contratto in scadenza nel giugno 2026.',
    // The owner of the contract is the subject: "il contratto di Ancelotti".
    'date 2025-01-15\nFlorentino Pérez non ha fretta: il contratto di Carlo Ancelotti è in scadenza nel 2026.',
  ];
  for (const text of silent) await expectWarnings(text, []);
});

test('seasons are counted as seasons: seven from August 2017 to June 2024, so "six seasons" is wrong', async () => {
  for (const text of [
    'date 2024-06-03\nKylian Mbappé will join Real Madrid after six seasons in Paris.',
    'date 2024-07-16\nKylian Mbappé arriva al Real Madrid dopo sei stagioni al Paris Saint-Germain.',
  ]) await expectWarnings(text, ['kb-mismatch']);
  for (const text of [
    'date 2024-06-03\nKylian Mbappé will join Real Madrid after seven seasons in Paris.',
    'date 2024-07-16\nKylian Mbappé arriva al Real Madrid dopo sette stagioni al Paris Saint-Germain.',
    // Years are still read loosely: six years and ten months may be written "six years".
    'date 2024-06-03\nKylian Mbappé will join Real Madrid after six years in Paris.',
    // A stint that began in January and ended in August: nine to eleven seasons, depending on how the halves are counted.
    'date 2023-01-01\nCasemiro spent nine seasons at Real Madrid.',
    'date 2023-01-01\nCasemiro spent ten seasons at Real Madrid.',
  ]) await expectWarnings(text, []);
});

test('a role held since a year: "has been president since 2011", "è tecnico delle Aspirine dal 2020"', async () => {
  for (const text of [
    'date 2024-06-03\nKylian Mbappé was welcomed by Florentino Pérez, who has been president of Real Madrid since 2011.',
    'date 2024-05-22\nXabi Alonso è tecnico delle Aspirine dal 2020.',
    'date 2024-05-22\nXabi Alonso has been in charge of Bayer Leverkusen since 2020.',
  ]) await expectWarnings(text, ['kb-mismatch']);
  for (const text of [
    'date 2024-06-03\nKylian Mbappé was welcomed by Florentino Pérez, who has been president of Real Madrid since 2009.',
    'date 2024-05-22\nXabi Alonso è tecnico delle Aspirine dal 2022.',
    'date 2024-05-22\nXabi Alonso è tecnico del Bayer Leverkusen dall\'ottobre 2022.',
  ]) await expectWarnings(text, []);
});

test('a cue\'s longer form is found after its shorter one: "è alla Roma", not only "è al"', async () => {
  await expectWarnings('date 2025-01-10\nDopo tante avventure Claudio Ranieri è alla Roma dal 2023, per la terza volta.', ['kb-mismatch']);
  await expectWarnings('date 2025-01-10\nDopo tante avventure Claudio Ranieri è alla Roma dal novembre 2024, per la terza volta.', []);
});

test('Italian messages name teams and competitions as Italian does, with the article joined to "a" and "di"', async () => {
  const message = async (text: string) => (await findings(text)).findings.find((f) => f.rule === 'kb-mismatch')?.message ?? '';
  assert.match(await message("date 2024-05-22\nSecondo la stampa tedesca Toni Kroos è arrivato al Real Madrid dal Bayern Monaco nell'estate del 2015."), /Toni Kroos è arrivato al Real Madrid nel 2014 /);
  assert.match(await message('date 2024-05-22\nSecondo la stampa, Xabi Alonso è l\'allenatore del Bayer Leverkusen dal 2020.'), /Xabi Alonso è allenatore del Bayer Leverkusen dal 2022 /);
  assert.match(await message('date 2024-07-16\nKylian Mbappé arriva al Real Madrid dopo sei stagioni al Paris Saint-Germain.'), /è rimasto 7 stagioni al Paris Saint-Germain /);
  const list = (await findings('date 2024-11\nCarlo Ancelotti ha allenato Reggiana, Parma, Roma e Napoli.')).findings.find((f) => f.rule === 'list-mismatch')?.message ?? '';
  assert.match(list, /ha allenato solo: la Reggiana, il Parma, la Juventus, il Milan, il Chelsea, il Paris Saint-Germain, il Real Madrid, il Bayern Monaco, il Napoli, l'Everton\./);
  // English keeps the canonical names.
  assert.match(await message('date 2024-05-22\nToni Kroos joined Real Madrid in 2015.'), /Toni Kroos joined Real Madrid in 2014 /);
});

test('italianWith joins the preposition with the name\'s article, and leaves a name without one alone', () => {
  assert.equal(italianWith('a', 'il Real Madrid'), 'al Real Madrid');
  assert.equal(italianWith('di', 'la Juventus'), 'della Juventus');
  assert.equal(italianWith('a', "l'Everton"), "all'Everton");
  assert.equal(italianWith('di', 'gli Spurs'), 'degli Spurs');
  assert.equal(italianWith('a', 'Real Madrid'), 'a Real Madrid');
  assert.equal(italianWith('di', 'Carlo Ancelotti'), 'di Carlo Ancelotti');
});
