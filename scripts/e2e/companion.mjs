// Builds the companion test extension (test/e2e) with esbuild and packages it as a .vsix.
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { createVSIX } from '@vscode/vsce';
import { REPO } from './paths.mjs';

export const COMPANION_DIR = path.join(REPO, 'test', 'e2e');
export const COMPANION_VSIX = path.join(COMPANION_DIR, 'touchline-e2e.vsix');
/** The module @vscode/test-electron loads as extensionTestsPath (exports run()). */
export const SUITE_ENTRY = path.join(COMPANION_DIR, 'out', 'suite', 'index.js');

/** Bundles test/e2e into test/e2e/out (CommonJS, `vscode` external, source maps for stack traces). */
export async function buildCompanion() {
  await esbuild.build({
    absWorkingDir: COMPANION_DIR,
    entryPoints: { extension: 'extension.ts', 'suite/index': 'suite/index.ts' },
    outdir: 'out',
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
}

/** Builds and packages the companion; returns the .vsix path. */
export async function packageCompanion() {
  await buildCompanion();
  // The companion is never published: no repository field or licence file is wanted.
  await createVSIX({ cwd: COMPANION_DIR, packagePath: COMPANION_VSIX, dependencies: false, allowMissingRepository: true, skipLicense: true });
  return COMPANION_VSIX;
}
