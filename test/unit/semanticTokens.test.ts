import { test } from 'node:test';
import assert from 'node:assert/strict';
import { semanticTokenSpans } from '../../server/src/core/features/semanticTokens';
import type { Article, EntityMention } from '../../server/src/core/model';
import { analyzeArticle } from '../../server/src/core/analyze';

function withEntities(text: string, entities: EntityMention[]): Article {
  return { ...analyzeArticle(text), entities };
}

const mention = (text: string, word: string, type: EntityMention['type'], entityId?: string): EntityMention => {
  const start = text.indexOf(word);
  return { start, end: start + word.length, text: word, type, key: entityId ?? word.toLowerCase(), kind: 'name', ...(entityId ? { entityId } : {}) };
};

test('a quote is split around the names inside it, and tokens never overlap', () => {
  const text = 'He said: “I entered Ancelotti’s office in Madrid”.';
  const article = withEntities(text, [mention(text, 'Ancelotti', 'person', 'carlo-ancelotti'), mention(text, 'Madrid', 'place')]);
  const tokens = semanticTokenSpans(article).map((t) => [text.slice(t.start, t.end), t.type, t.linked]);
  assert.deepEqual(tokens, [
    ['“I entered ', 'quote', false],
    ['Ancelotti', 'person', true],
    ['’s office in ', 'quote', false],
    ['Madrid', 'place', false],
    ['”', 'quote', false],
  ]);
});

test('pronouns are not coloured and a range request only returns tokens that touch it', () => {
  const text = 'Casemiro left. He said “bye” later.';
  const he = { ...mention(text, 'He', 'person', 'casemiro'), kind: 'pronoun' as const };
  const article = withEntities(text, [mention(text, 'Casemiro', 'person', 'casemiro'), he]);
  assert.deepEqual(semanticTokenSpans(article).map((t) => t.type), ['person', 'quote']);
  assert.deepEqual(semanticTokenSpans(article, text.indexOf('“'), text.length).map((t) => t.type), ['quote']);
});

test('overlapping mentions keep the longest at a position', () => {
  const text = 'Real Madrid won.';
  const article = withEntities(text, [mention(text, 'Real Madrid', 'team', 'real-madrid'), mention(text, 'Madrid', 'place')]);
  assert.deepEqual(semanticTokenSpans(article).map((t) => text.slice(t.start, t.end)), ['Real Madrid']);
});
