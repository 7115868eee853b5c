import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse, findings } from './claimsHelpers';

/** Each outermost quote's first words and its speaker's name (or '-'). */
async function speakers(text: string): Promise<string[]> {
  const article = await analyse(text);
  return article.quotes.filter((q) => q.depth === 0).map((q) => `${article.text.slice(q.contentStart, q.contentStart + 12)}: ${q.speaker?.name ?? '-'}`);
}

async function unattributed(text: string): Promise<string[]> {
  const { article, findings: found } = await findings(text);
  return found.filter((f) => f.rule === 'unattributed-quote').map((f) => article.text.slice(f.start + 1, f.start + 13));
}

test('a second quote in the paragraph of an attributed one continues it', async () => {
  assert.deepEqual(
    await speakers('"We have a young group and they are learning quickly," Ancelotti told reporters on Monday. "The Europa League is a trophy we want."'),
    ['We have a yo: Carlo Ancelotti', 'The Europa L: Carlo Ancelotti'],
  );
  // Another person named between the two: no guess.
  assert.deepEqual(
    await speakers('"We have a young group and they are learning quickly," Ancelotti told reporters, and Casemiro agreed. "The Europa League is a trophy we want."'),
    ['We have a yo: Carlo Ancelotti', 'The Europa L: -'],
  );
});

test('"told" names the listener after it, not the speaker', async () => {
  assert.deepEqual(await speakers('"It is just more bitter and personal," the defender told The Guardian newspaper.'), ['It is just m: -']);
  assert.deepEqual(await speakers('"It is just more bitter and personal," Casemiro told The Guardian.'), ['It is just m: Casemiro']);
});

test('unattributed-quote: a quote the sentence gives to someone, named or not, is attributed', async () => {
  const attributed = [
    '"He was the balance of that team. Without him, nothing worked," one former team-mate said.',
    '"I don\'t think about the future, I think about the next game," he said on Sunday.',
    '"Ho trovato una squadra fortissima e molto professionale", ha detto il tecnico nel giorno della presentazione.',
    'Carlo Ancelotti called him "one of the most intelligent players I have ever worked with" in his press conference.',
    'Carlo Ancelotti lo ha definito più volte "il giocatore più sottovalutato della rosa".',
  ];
  for (const text of attributed) assert.deepEqual(await unattributed(text), [], text);
});

test('unattributed-quote: a quote nobody is said to have said is flagged, with a message that names no one in particular', async () => {
  assert.deepEqual(await unattributed('"This is the game the whole city waits for," it was said in the dressing room this week.'), ['This is the '.slice(0, 12)]);
  assert.deepEqual(await unattributed('"Abbiamo bisogno di punti e di serenità", sarebbe il messaggio recapitato alla squadra.'), ['Abbiamo biso']);
  const { findings: found } = await findings('Casemiro arrived.\n\n“We will fight until the very last minute of the season.”');
  const message = found.find((f) => f.rule === 'unattributed-quote')?.message ?? '';
  assert.match(message, /say who said it/);
  assert.doesNotMatch(message, /Ancelotti/);
});
