import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { isArticleIn } from '../../server/src/host/expandPaths';

const folder = join('/work', 'desk');

test('isArticleIn takes the files the walk of a folder takes', () => {
  assert.equal(isArticleIn(join(folder, 'a.txt'), folder), true);
  assert.equal(isArticleIn(join(folder, 'serie-a', 'b.txt'), folder), true);
  assert.equal(isArticleIn(join(folder, 'notes.md'), folder), false, 'not matched by the default include');
  assert.equal(isArticleIn(join(folder, 'node_modules', 'pkg', 'c.txt'), folder), false, 'dependency folders are never walked');
  assert.equal(isArticleIn(join('/work', 'other', 'a.txt'), folder), false, 'outside the folder');
  assert.equal(isArticleIn(folder, folder), false, 'the folder itself');
});

test('isArticleIn applies the include and exclude globs relative to the folder', () => {
  assert.equal(isArticleIn(join(folder, 'drafts', 'd.txt'), folder, ['**/*.txt'], ['drafts/**']), false);
  assert.equal(isArticleIn(join(folder, 'final', 'd.txt'), folder, ['**/*.txt'], ['drafts/**']), true);
  assert.equal(isArticleIn(join(folder, 'a.md'), folder, ['**/*.md'], []), true);
});
