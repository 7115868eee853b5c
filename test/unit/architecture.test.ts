import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

const imports = (file: string): string[] => [...readFileSync(file, 'utf8').matchAll(/(?:^|\n)\s*(?:import|export)[^;]*?from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]!);

test('the analysis core imports neither vscode nor the language-server packages', () => {
  for (const file of sources(join(root, 'server/src/core'))) {
    for (const spec of imports(file)) {
      assert.ok(!/^vscode($|-languageserver|-languageclient)/.test(spec), `${file} imports ${spec}`);
      assert.ok(!spec.includes('/lsp/') && !spec.includes('/cli/'), `${file} reaches outside the core: ${spec}`);
    }
  }
});

test('only the client imports vscode', () => {
  for (const file of [...sources(join(root, 'server/src'))]) {
    for (const spec of imports(file)) assert.notEqual(spec, 'vscode', `${file} imports vscode`);
  }
});

test('line/character conversion goes through the LineIndex of positions.ts, nowhere else', () => {
  for (const file of [...sources(join(root, 'server/src')), ...sources(join(root, 'client/src'))]) {
    if (file.endsWith('positions.ts')) continue;
    const text = readFileSync(file, 'utf8');
    assert.ok(!/\.split\((?:\/\\r\?\\n\/|'\\n')\)/.test(text), `${file} splits text into lines itself`);
    assert.ok(!/\b(?:document|doc|textDocument)\.(?:positionAt|offsetAt)\(/.test(text), `${file} converts positions through TextDocument`);
  }
});
