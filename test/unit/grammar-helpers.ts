/**
 * Test helpers for the TextMate grammar: load it with vscode-textmate and the Oniguruma WASM
 * build (no native modules), tokenize text, and ask which scopes cover which characters.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const GRAMMAR_PATH = `${ROOT}syntaxes/sports-article.tmLanguage.json`;
export const SCOPE_NAME = 'text.sports-article';

let grammarPromise: Promise<textmate.IGrammar> | undefined;

/** The article grammar, loaded once per test process. */
export function loadGrammar(): Promise<textmate.IGrammar> {
  grammarPromise ??= (async () => {
    const wasmPath = createRequire(import.meta.url).resolve('vscode-oniguruma/release/onig.wasm');
    const wasm = readFileSync(wasmPath);
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new textmate.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
        createOnigString: (s: string) => new oniguruma.OnigString(s),
      }),
      loadGrammar: async (scopeName: string) =>
        scopeName === SCOPE_NAME
          ? textmate.parseRawGrammar(readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH)
          : null,
    });
    const grammar = await registry.loadGrammar(SCOPE_NAME);
    if (!grammar) throw new Error(`grammar ${SCOPE_NAME} did not load`);
    return grammar;
  })();
  return grammarPromise;
}

/** One line of tokenized text: for every character, the scopes that cover it (outermost first). */
export interface TokenizedLine {
  readonly text: string;
  readonly scopes: readonly (readonly string[])[];
  readonly stoppedEarly: boolean;
}

/** Tokenize a whole text line by line, carrying the grammar state across lines as VS Code does. */
export function tokenize(grammar: textmate.IGrammar, text: string, timeLimitMs = 0): TokenizedLine[] {
  const lines: TokenizedLine[] = [];
  let state: textmate.StateStack = textmate.INITIAL;
  for (const line of text.split(/\r?\n/)) {
    const result = grammar.tokenizeLine(line, state, timeLimitMs);
    const scopes: (readonly string[])[] = [];
    for (const token of result.tokens) {
      for (let i = token.startIndex; i < Math.min(token.endIndex, line.length); i++) scopes[i] = token.scopes;
    }
    lines.push({ text: line, scopes, stoppedEarly: result.stoppedEarly });
    state = result.ruleStack;
  }
  return lines;
}

/** The scopes of every character of the `occurrence`-th appearance of `needle` (within one line). */
export function scopesOf(lines: readonly TokenizedLine[], needle: string, occurrence = 0): (readonly string[])[] {
  let seen = 0;
  for (const line of lines) {
    for (let at = line.text.indexOf(needle); at >= 0; at = line.text.indexOf(needle, at + 1)) {
      if (seen++ === occurrence) return line.scopes.slice(at, at + needle.length);
    }
  }
  throw new Error(`"${needle}" (occurrence ${occurrence}) not found`);
}

/** True when some scope of `scopes` is `prefix` or starts with `prefix.`. */
export function hasScope(scopes: readonly string[], prefix: string): boolean {
  return scopes.some((s) => s === prefix || s.startsWith(`${prefix}.`));
}

/** How many scopes of `scopes` start with `prefix` (the nesting depth of quotes, for instance). */
export function countScope(scopes: readonly string[], prefix: string): number {
  return scopes.filter((s) => s === prefix || s.startsWith(`${prefix}.`)).length;
}

/**
 * The quotations the grammar found, outermost only, as the text from opening to closing mark.
 * A quotation that continues over a line break is joined with "\n".
 */
export function quotedRuns(lines: readonly TokenizedLine[]): string[] {
  const runs: string[] = [];
  let current: string | undefined;
  for (const line of lines) {
    for (let i = 0; i < line.text.length; i++) {
      const scopes = line.scopes[i] ?? [];
      const quoted = hasScope(scopes, 'string.quoted');
      const opens = quoted && countScope(scopes, 'string.quoted') === 1 && hasScope(scopes, 'punctuation.definition.string.begin');
      if (current !== undefined && (!quoted || opens)) {
        runs.push(current);
        current = undefined;
      }
      if (quoted) current = (current ?? '') + line.text[i];
    }
    const last = line.scopes[line.text.length - 1];
    const continues = last !== undefined && hasScope(last, 'string.quoted') && !isOutermostEnd(last);
    if (current !== undefined && continues) current += '\n';
    else if (current !== undefined) {
      runs.push(current);
      current = undefined;
    }
  }
  if (current !== undefined) runs.push(current);
  return runs.map((r) => r.replace(/\n+$/, ''));
}

function isOutermostEnd(scopes: readonly string[]): boolean {
  return countScope(scopes, 'string.quoted') === 1 && hasScope(scopes, 'punctuation.definition.string.end');
}
