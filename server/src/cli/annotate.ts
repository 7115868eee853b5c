/** `touchline annotate`: print the analysis model of articles as JSON. */
import { parseArgs } from 'node:util';
import { analyzeArticle } from '../core/analyze';
import type { Article, Span } from '../core/model';
import { LineIndex } from '../core/positions';
import { DEFAULT_SETTINGS } from '../core/settings';
import { EXIT, type Io } from './io';
import { loadKnowledge } from '../host/knowledgeBase';
import { readArticle } from '../host/readArticle';

export const ANNOTATE_HELP = `Usage: touchline annotate <files…> --format json [options]

Prints what Touchline finds in each article (language, date, entities, dates, quotes with
speakers, numbers, claims) as JSON, with offsets and 1-based lines and columns.

Options:
  --format json        Output format (json is the only one)
  --lang auto|en|it    Language of the articles (default: auto)
  -h, --help           Show this help`;

export async function runAnnotate(args: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { format: { type: 'string', default: 'json' }, lang: { type: 'string', default: 'auto' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    io.stderr(`touchline annotate: ${(error as Error).message}\n\n${ANNOTATE_HELP}\n`);
    return EXIT.usage;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(`${ANNOTATE_HELP}\n`);
    return EXIT.ok;
  }
  if (values.format !== 'json') {
    io.stderr(`touchline annotate: unknown format "${values.format}"; only json is supported.\n`);
    return EXIT.usage;
  }
  if (values.lang !== 'auto' && values.lang !== 'en' && values.lang !== 'it') {
    io.stderr(`touchline annotate: unknown language "${values.lang}"; use auto, en or it.\n`);
    return EXIT.usage;
  }
  if (positionals.length === 0) {
    io.stderr(`touchline annotate: name at least one file.\n\n${ANNOTATE_HELP}\n`);
    return EXIT.usage;
  }
  const out: unknown[] = [];
  let failed = false;
  const knowledge = await loadKnowledge();
  for (const file of positionals) {
    const read = await readArticle(file);
    if (!read.ok) {
      io.stderr(`touchline: ${read.error}\n`);
      failed = true;
      continue;
    }
    if (read.notice) io.stderr(`touchline: ${read.notice}\n`);
    out.push({ file, ...modelJson(analyzeArticle(read.text, { ...DEFAULT_SETTINGS, language: values.lang }, knowledge.context)) });
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
