import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { TOKEN_MODIFIERS, TOKEN_TYPES } from '../../server/src/core/features/semanticTokens';
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE } from '../../server/src/core/articleFiles';

const root = resolve(__dirname, '../..');
const manifest = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));
const contributes = manifest.contributes;

test('every semantic token type and modifier is declared with a super type and scope fallbacks', () => {
  const declared = new Map<string, { superType?: string }>(contributes.semanticTokenTypes.map((t: { id: string }) => [t.id, t]));
  const scopes = contributes.semanticTokenScopes[0].scopes as Record<string, string[]>;
  for (const type of TOKEN_TYPES) {
    assert.ok(declared.get(type)?.superType, `${type} has a super type`);
    assert.ok(scopes[type]?.length, `${type} has TextMate scopes`);
  }
  assert.deepEqual(contributes.semanticTokenModifiers.map((m: { id: string }) => m.id), [...TOKEN_MODIFIERS]);
});

test('the editor defaults for article files equal the CLI defaults', () => {
  const props = contributes.configuration.properties;
  assert.deepEqual(props['touchline.articles.include'].default, [...DEFAULT_INCLUDE]);
  assert.deepEqual(props['touchline.articles.exclude'].default, [...DEFAULT_EXCLUDE]);
});

test('contributed files exist, the extension runs in Restricted Mode, and settings are resource-scoped', () => {
  for (const g of contributes.grammars) assert.ok(existsSync(resolve(root, g.path)), g.path);
  for (const l of contributes.languages) if (l.configuration) assert.ok(existsSync(resolve(root, l.configuration)), l.configuration);
  assert.equal(manifest.capabilities.untrustedWorkspaces.supported, true);
  for (const [key, prop] of Object.entries<{ scope?: string }>(contributes.configuration.properties)) {
    if (key !== 'touchline.trace.server') assert.equal(prop.scope, 'resource', key);
  }
  const commands = new Set(contributes.commands.map((c: { command: string }) => c.command));
  const source = readFileSync(resolve(root, 'client/src/extension.ts'), 'utf8');
  for (const c of commands) assert.ok(source.includes(`'${c}'`), `${c} is registered by the client`);
});
