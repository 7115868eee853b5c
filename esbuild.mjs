// Bundles the extension client, the language server and the CLI into dist/.
// `--watch` rebuilds on change; `--production` minifies and drops source maps (used for the .vsix).
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
// Benchmarks measure the bundled code, as it ships: tsx's module-by-module code runs slower.
const bench = process.argv.includes('--bench');

/** @type {esbuild.BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: production,
  sourcemap: production ? false : 'linked',
  sourcesContent: false,
  logLevel: 'info',
  outdir: 'dist',
  // JSON schemas and the bundled knowledge base are read at run time from the package.
  loader: { '.json': 'json' },
};

const builds = [
  { ...common, entryPoints: { extension: 'client/src/extension.ts' }, external: ['vscode'] },
  { ...common, entryPoints: { server: 'server/src/lsp/main.ts' } },
  { ...common, entryPoints: { cli: 'server/src/cli/main.ts' }, banner: { js: '#!/usr/bin/env node' } },
];

if (bench) {
  builds.push({
    ...common,
    entryPoints: { 'bench/analysis': 'scripts/bench/analysis.ts', 'bench/kb': 'scripts/bench/kb.ts', 'bench/lsp': 'scripts/bench/lsp.ts', 'bench/archive': 'scripts/bench/archive.ts' },
    logLevel: 'warning',
  });
}

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
