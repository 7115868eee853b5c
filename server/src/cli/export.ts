/**
 * `touchline export`: the tags of articles, for publishing or for data sets.
 *
 * - `export claimreview <paths…>`: schema.org ClaimReview JSON-LD, one object per rated claim.
 * - `export annotations --format jsonl|csv <paths…>`: every claim with its text, subject,
 *   property, value, rating, annotator and position (tagged or not), plus tags whose text no
 *   longer reads as a claim and orphaned tags.
 *
 * Tags are read from each article's sidecar and anchored in the article as it is on disk, as
 * the editor does.
 */
import { relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyzeArticle } from '../core/analyze';
import { AnchorSet } from '../core/annotations/anchorSet';
import { placeTags } from '../core/annotations/attach';
import { claimReviews, type TaggedArticle } from '../core/annotations/claimReview';
import { claimRecords, toCsv, toJsonLines, type ClaimRecord } from '../core/annotations/records';
import { quoteTargetOf } from '../core/annotations/selectors';
import { readSidecar } from '../core/annotations/sidecar';
import { LineIndex } from '../core/positions';
import { expandPaths } from '../host/expandPaths';
import { loadKnowledge } from '../host/knowledgeBase';
import { readArticle } from '../host/readArticle';
import { readSidecarFile, sidecarPathFor } from '../host/sidecarFiles';
import { ANALYSIS_HELP, ANALYSIS_OPTIONS, display, isLanguage, openWorkspace, parseCommand, usage } from './args';
import { EXIT, type Io } from './io';

export const EXPORT_HELP = `Usage: touchline export claimreview <files, folders or globs…> [options]
       touchline export annotations --format jsonl|csv <files, folders or globs…> [options]

claimreview   schema.org ClaimReview JSON-LD (a list), one review per rated claim.
annotations   Every claim (tagged or not) with its text, subject, property, value, rating,
              annotator and position, for data sets; tags whose claim is gone are included
              (kind "tag" or "orphan"). Positions: 1-based line and column, and start/end
              in code points.

Tags are read from each article's <article>.annotations.json (W3C Web Annotations).

Options:
  --format jsonl|csv         annotations: output format (default: jsonl)
  --url TEMPLATE             claimreview: address of each published review; {id} becomes
                             the tag's UUID, else #<uuid> is appended (default: the tag's
                             urn:uuid id)
  --article-url BASE         claimreview: address of the articles, joined with each
                             article's path (default: the article's file: URL)
  --annotations-location DIR Folder holding the tags files, relative to the workspace
                             folder (default: beside each article)
${ANALYSIS_HELP}

Exit status: 0 done, 2 bad usage, unreadable articles or tags files with problems (the rest
is still exported).`;

const OPTIONS = {
  ...ANALYSIS_OPTIONS,
  format: { type: 'string', default: 'jsonl' },
  url: { type: 'string', default: '' },
  'article-url': { type: 'string' },
  'annotations-location': { type: 'string', default: '' },
} as const;

const KINDS = ['claimreview', 'annotations'] as const;

export async function runExport(args: string[], io: Io): Promise<number> {
  const cmd = 'touchline export';
  const parsed = parseCommand(cmd, EXPORT_HELP, args, OPTIONS, io);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const [kind, ...paths] = positionals;
  if (!KINDS.includes(kind as (typeof KINDS)[number])) return usage(cmd, kind ? `unknown export "${kind}"; use claimreview or annotations.` : 'say what to export: claimreview or annotations.', EXPORT_HELP, io);
  if (values.format !== 'jsonl' && values.format !== 'csv') return usage(cmd, `unknown format "${values.format}"; use jsonl or csv.`, EXPORT_HELP, io);
  if (values.lang !== undefined && !isLanguage(values.lang)) return usage(cmd, `unknown language "${values.lang}"; use auto, en or it.`, EXPORT_HELP, io);
  if (paths.length === 0) return usage(cmd, 'name at least one file, folder or glob.', EXPORT_HELP, io);
  const workspace = openWorkspace(cmd, values, io);
  if (typeof workspace === 'number') return workspace;
  const cwd = io.cwd ?? process.cwd();
  const { resolved, root } = workspace;
  let failed = workspace.configErrors;
  const say = (text: string): void => {
    io.stderr(`touchline: ${text}\n`);
    failed = true;
  };

  const expanded = await expandPaths(paths, resolved.include, resolved.exclude, { cwd, ...(workspace.configPath ? { root } : {}) });
  for (const e of expanded.errors) say(e);
  const knowledge = await loadKnowledge(resolved.knowledgeBasePaths);
  for (const problem of knowledge.unreadable) say(problem);

  const reviews: Record<string, unknown>[] = [];
  const records: ClaimRecord[] = [];
  for (const path of [...new Set(expanded.files.map((f) => resolve(cwd, f)))].sort()) {
    const read = await readArticle(path);
    if (!read.ok) {
      say(read.error);
      continue;
    }
    const article = analyzeArticle(read.text, resolved.analysis, knowledge.context);
    const sidecarPath = sidecarPathFor(path, root, values['annotations-location']);
    const sidecar = await readSidecarFile(sidecarPath);
    let annotations: ReturnType<typeof readSidecar>['annotations'] = [];
    if (sidecar.kind === 'unreadable') say(`cannot read ${display(sidecarPath, cwd)}: ${sidecar.message}`);
    if (sidecar.kind === 'text') {
      const content = readSidecar(sidecar.text);
      annotations = content.annotations;
      const lines = new LineIndex(sidecar.text);
      for (const p of content.problems) {
        const at = lines.positionAt(p.start);
        say(`${display(sidecarPath, cwd)}:${at.line + 1}:${at.character + 1}: ${p.message} (the tags that could be read are exported)`);
      }
    }
    const anchors = new AnchorSet(read.text);
    for (const a of annotations) {
      const target = quoteTargetOf(a, read.text);
      if (target) anchors.set(a.id, target);
    }
    const tagged: TaggedArticle = {
      file: display(path, cwd),
      url: values['article-url'] ? joinUrl(values['article-url'], relative(root, path)) : pathToFileURL(path).href,
      article,
      tags: placeTags(article.claims, annotations, anchors.all()),
    };
    if (kind === 'claimreview') reviews.push(...claimReviews(tagged, values.url));
    else records.push(...claimRecords(tagged));
  }
  if (kind === 'claimreview') io.stdout(`${JSON.stringify(reviews, null, 2)}\n`);
  else io.stdout(values.format === 'csv' ? toCsv(records) : toJsonLines(records));
  return failed ? EXIT.usage : EXIT.ok;
}

function joinUrl(base: string, path: string): string {
  const encoded = path.split(sep).map(encodeURIComponent).join('/');
  return `${base.replace(/\/+$/, '')}/${encoded}`;
}
