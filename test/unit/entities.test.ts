import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from './claimsHelpers';

/** [text, type, entity id or 'unknown', kind] of every mention of `text`. */
async function mentions(article: string): Promise<string[]> {
  return (await analyse(article)).entities.map((e) => `${e.text}|${e.type}|${e.entityId ?? 'unknown'}|${e.kind}`);
}

test('Milan the team or the city, from the words around it', async () => {
  assert.ok((await mentions('Ancelotti tornerà al Milan la prossima stagione.')).includes('Milan|team|ac-milan|name'));
  assert.ok((await mentions('The fans gathered in Milan for the parade.')).some((m) => m.startsWith('Milan|place|')));
});

test('"Madrid" is Real Madrid when the article is about the club and the words say so', async () => {
  const found = await mentions('Casemiro played for Real Madrid for nine years. It was the only time I doubted leaving Madrid.');
  assert.ok(found.includes('Madrid|team|real-madrid|alias'), found.join('\n'));
});

test('items of a list share a kind: a list with a team makes its ambiguous items teams', async () => {
  const found = await mentions('In pole ci sarebbero proprio Roma e Milan.');
  assert.ok(found.includes('Roma|team|roma|name') && found.includes('Milan|team|ac-milan|name'), found.join('\n'));
});

test('two known names side by side that the recogniser reads as one person stay two: "Con i Blancos Ancelotti"', async () => {
  const found = await mentions('Con i Blancos Ancelotti ha conquistato anche due Mondiali per club.');
  assert.ok(found.includes('Blancos|team|real-madrid|alias') && found.includes('Ancelotti|person|carlo-ancelotti|name'), found.join('\n'));
});

test('possessives, elisions, accents and case fold onto the knowledge base name', async () => {
  const found = await mentions("Ancelotti’s office, gli ottavi dell’Atletico Madrid, the Santiago Bernabeu and MODRIC.");
  for (const m of ['Ancelotti|person|carlo-ancelotti', 'Atletico Madrid|team|atletico-madrid', 'Santiago Bernabeu|place|santiago-bernabeu', 'MODRIC|person|luka-modric']) {
    assert.ok(found.some((f) => f.startsWith(m)), `${m} in ${found.join(', ')}`);
  }
});

test('coreference: pronouns, a surname after the full name, epithets and "the club"', async () => {
  const found = await mentions('Hansi Flick arrived at Barcelona. Flick said the club was ready. He smiled.');
  assert.ok(found.includes('Flick|person|unknown|surname'), found.join('\n'));
  assert.ok(found.some((m) => m.startsWith('the club|team|barcelona|anaphor')), found.join('\n'));
  assert.ok(found.includes('He|person|unknown|pronoun'), found.join('\n'));
  const italian = await mentions('Carlo Ancelotti è arrivato a Madrid. Il tecnico di Reggiolo ha parlato e lui ha sorriso.');
  assert.ok(italian.includes('Il tecnico di Reggiolo|person|carlo-ancelotti|epithet'), italian.join('\n'));
  assert.ok(italian.includes('lui|person|carlo-ancelotti|pronoun'), italian.join('\n'));
});

test('unknown names are found and typed, sentence-initial common words are not', async () => {
  const found = await mentions('While the season ended, Vinícius Júnior joined Al-Nassr. Eintracht Frankfurt watched.');
  assert.ok(found.some((m) => m.startsWith('Vinícius Júnior|person')), found.join('\n'));
  assert.ok(found.some((m) => m.startsWith('Eintracht Frankfurt|team')), found.join('\n'));
  assert.ok(!found.some((m) => m.startsWith('While')), found.join('\n'));
});
