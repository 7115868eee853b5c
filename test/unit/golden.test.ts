import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyse } from './claimsHelpers';
import { goldenOf } from './goldenFormat';

// Golden fixtures of the seed articles, reviewed by hand. After a deliberate change in the
// analysis, regenerate with TOUCHLINE_UPDATE_GOLDEN=1 and review the diff before committing.
const samples = resolve(__dirname, '../../samples');
const golden = resolve(__dirname, '../fixtures/golden');
const update = process.env.TOUCHLINE_UPDATE_GOLDEN === '1';

for (const file of readdirSync(samples).filter((f) => f.endsWith('.txt'))) {
  test(`golden analysis of ${file}`, async () => {
    const actual = goldenOf(await analyse(readFileSync(join(samples, file), 'utf8')));
    const path = join(golden, file.replace(/\.txt$/, '.json'));
    if (update || !existsSync(path)) writeFileSync(path, `${JSON.stringify(actual, null, 2)}\n`);
    assert.deepEqual(actual, JSON.parse(readFileSync(path, 'utf8')));
  });
}
