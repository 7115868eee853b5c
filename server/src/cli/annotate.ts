/** `touchline annotate`: print the analysis model of articles as JSON. */
import { resolve } from 'node:path';
import { analyzeArticle } from '../core/analyze';
import type { Article, Span } from '../core/model';
import { LineIndex } from '../core/positions';
import { EXIT, type Io } from './io';
import { loadKnowledge } from '../host/knowledgeBase';
import { readArticle } from '../host/readArticle';
import { ANALYSIS_HELP, ANALYSIS_OPTIONS, isLanguage, openWorkspace, parseCommand, usage } from './args';

export const ANNOTATE_HELP = `Usage: touchline annotate <files…> [options]

Prints what Touchline finds in each article (language, date, entities, dates, quotes with
speakers, numbers, claims) as JSON, with offsets and 1-based lines and columns. One file
gives one object; several give a list.

Options:
  --format json        Output format (json is the only one)
${ANALYSIS_HELP}`;

const OPTIONS = { ...ANALYSIS_OPTIONS, format: { type: 'string', default: 'json' } } as const;

export async function runAnnotate(args: string[], io: Io): Promise<number> {
  const cmd = 'touchline annotate';
  const parsed = parseCommand(cmd, ANNOTATE_HELP, args, OPTIONS, io);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (values.format !== 'json') return usage(cmd, `unknown format "${values.format}"; only json is supported.`, ANNOTATE_HELP, io);
  if (values.lang !== undefined && !isLanguage(values.lang)) return usage(cmd, `unknown language "${values.lang}"; use auto, en or it.`, ANNOTATE_HELP, io);
  if (positionals.length === 0) return usage(cmd, 'name at least one file.', ANNOTATE_HELP, io);
  const workspace = openWorkspace(cmd, values, io);
  if (typeof workspace === 'number') return workspace;
  const { analysis, knowledgeBasePaths } = workspace.resolved;
  const out: unknown[] = [];
  let failed = workspace.configErrors;
  const knowledge = await loadKnowledge(knowledgeBasePaths);
  for (const problem of knowledge.unreadable) {
    io.stderr(`touchline: ${problem}\n`);
    failed = true;
  }
  for (const file of positionals) {
    const read = await readArticle(resolve(io.cwd ?? process.cwd(), file));
    if (!read.ok) {
      io.stderr(`touchline: ${read.error}\n`);
      failed = true;
      continue;
    }
    if (read.notice) io.stderr(`touchline: ${read.notice}\n`);
    out.push({ file, ...modelJson(analyzeArticle(read.text, analysis, knowledge.context)) });
  }
  io.stdout(`${JSON.stringify(positionals.length === 1 && out.length === 1 ? out[0] : out, null, 2)}\n`);
  return failed ? EXIT.usage : EXIT.ok;
}

/** The model as JSON: the text itself is left out, every span gains line/column (1-based). */
export function modelJson(article: Article): Record<string, unknown> {
  const lines = new LineIndex(article.text);
  const at = <T extends Span>(s: T): T & { line: number; column: number; endLine: number; endColumn: number } => {
    const a = lines.positionAt(s.start);
    const b = lines.positionAt(s.end);
    return { ...s, line: a.line + 1, column: a.character + 1, endLine: b.line + 1, endColumn: b.character + 1 };
  };
  return {
    language: article.language,
    languageSource: article.languageSource,
    date: article.date ?? null,
    ...(article.truncatedAt !== undefined ? { truncatedAt: article.truncatedAt } : {}),
    entities: article.entities.map(at),
    dates: article.dates.map(at),
    quotes: article.quotes.map((q) => ({ ...at(q), text: article.text.slice(q.contentStart, q.contentEnd) })),
    numbers: article.numbers.map(at),
    claims: article.claims.map(at),
    sentences: article.sentences.length,
    paragraphs: article.paragraphs.length,
  };
}
