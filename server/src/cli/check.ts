/** `touchline check`: analyse articles and print their findings. */
import { parseArgs } from 'node:util';
import { analyzeArticle } from '../core/analyze';
import { runChecks } from '../core/checks';
import { atLeast, type Finding, type Severity } from '../core/findings';
import { LineIndex } from '../core/positions';
import { DEFAULT_SETTINGS, type AnalysisSettings } from '../core/settings';
import { expandPaths } from '../host/expandPaths';
import { EXIT, type Io } from './io';
import { loadKnowledge } from '../host/knowledgeBase';
import { readArticle } from '../host/readArticle';

export const CHECK_HELP = `Usage: touchline check <files or folders…> [options]

Checks articles and prints what disagrees with the knowledge base, other articles or itself.
Folders are searched for .txt articles (licence, requirements and similar files are skipped).

Options:
  --format text|json   Output format (default: text)
  --lang auto|en|it    Language of the articles (default: auto)
  --min-severity LEVEL Report findings at or above error|warning|information|hint
                       (default: warning)
  -h, --help           Show this help

Exit status: 0 no findings at or above the minimum severity, 1 findings,
2 bad usage or unreadable input (the other files are still checked).`;

interface FileFindings {
  readonly file: string;
  readonly findings: readonly (Finding & { line: number; column: number; endLine: number; endColumn: number })[];
}

export async function runCheck(args: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        lang: { type: 'string', default: 'auto' },
        'min-severity': { type: 'string', default: 'warning' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    io.stderr(`touchline check: ${(error as Error).message}\n\n${CHECK_HELP}\n`);
    return EXIT.usage;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(`${CHECK_HELP}\n`);
    return EXIT.ok;
  }
  if (values.format !== 'text' && values.format !== 'json') {
    io.stderr(`touchline check: unknown format "${values.format}"; use text or json.\n`);
    return EXIT.usage;
  }
  if (values.lang !== 'auto' && values.lang !== 'en' && values.lang !== 'it') {
    io.stderr(`touchline check: unknown language "${values.lang}"; use auto, en or it.\n`);
    return EXIT.usage;
  }
  const minSeverity = values['min-severity'];
  if (!isSeverity(minSeverity)) {
    io.stderr(`touchline check: unknown severity "${minSeverity}"; use error, warning, information or hint.\n`);
    return EXIT.usage;
  }
  if (positionals.length === 0) {
    io.stderr(`touchline check: name at least one file or folder.\n\n${CHECK_HELP}\n`);
    return EXIT.usage;
  }
  const settings: AnalysisSettings = { ...DEFAULT_SETTINGS, language: values.lang };

  const { files, errors } = await expandPaths(positionals);
  const knowledge = await loadKnowledge();
  const results: FileFindings[] = [];
  for (const file of files) {
    const read = await readArticle(file);
    if (!read.ok) {
      errors.push(read.error);
      continue;
    }
    if (read.notice) io.stderr(`touchline: ${read.notice}\n`);
    const article = analyzeArticle(read.text, settings, knowledge.context);
    const lines = new LineIndex(read.text);
    const findings = runChecks(article, {}, { kb: knowledge.context.kb }).filter((f) => atLeast(f.severity, minSeverity)).map((f) => {
      const s = lines.positionAt(f.start);
      const e = lines.positionAt(f.end);
      return { ...f, line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
    });
    results.push({ file, findings });
  }
  for (const error of errors) io.stderr(`touchline: ${error}\n`);

  if (values.format === 'json') {
    io.stdout(`${JSON.stringify({ files: results, errors }, null, 2)}\n`);
  } else {
    for (const r of results) {
      for (const f of r.findings) io.stdout(`${r.file}:${f.line}:${f.column}: ${f.severity} ${f.rule}: ${f.message}\n`);
    }
    const count = results.reduce((n, r) => n + r.findings.length, 0);
    io.stderr(`${results.length} ${results.length === 1 ? 'article' : 'articles'} checked, ${count} ${count === 1 ? 'finding' : 'findings'}.\n`);
  }
  if (errors.length > 0) return EXIT.usage;
  return results.some((r) => r.findings.length > 0) ? EXIT.findings : EXIT.ok;
}

function isSeverity(s: string | undefined): s is Severity {
  return s === 'error' || s === 'warning' || s === 'information' || s === 'hint';
}
