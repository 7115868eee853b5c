/**
 * Which files are articles, shared by the CLI and the workspace index (the editor
 * applies the same defaults through its settings; a test keeps both lists equal).
 */

/** Globs of text files that are articles. */
export const DEFAULT_INCLUDE: readonly string[] = ['**/*.txt'];

/** Globs of text files that are never articles: licences, build and dependency files. */
export const DEFAULT_EXCLUDE: readonly string[] = [
  '**/requirements*.txt',
  '**/LICENSE*.txt',
  '**/LICENCE*.txt',
  '**/COPYING*.txt',
  '**/NOTICE*.txt',
  '**/CHANGELOG*.txt',
  '**/README*.txt',
  '**/CMakeLists.txt',
  '**/robots.txt',
  '**/node_modules/**',
  '**/.git/**',
  '**/.venv/**',
  '**/site-packages/**',
];
