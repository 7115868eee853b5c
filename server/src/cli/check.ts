/**
 * `touchline check`: check articles (files, folders or globs) and print their findings as
 * text, JSON or SARIF; exit 0 when clean, 1 on findings at or above the minimum severity, 2 on
 * bad usage or unreadable input (the rest is still checked).
 *
 * An archive streams through without keeping texts or models. With one article, or when no
 * rule that depends on other articles is shown, results print as they come, in file order.
 * Otherwise, as in the editor's workspace:
 * 1. every file is analysed (in worker threads with `--jobs N`); its findings go to a
 *    temporary file, its comparable claims to the cross-article index, its unknown people's
 *    names to the workspace surnames;
 * 2. articles that name someone by a surname another article gives in full are analysed again
 *    with the workspace surnames, where that changes a shown finding or a claim's subject;
 * 3. articles that state something another article states differently are checked again with
 *    the other articles' claims at hand (`cross-article`);
 * then the results print in file order. Memory is bounded by the knowledge base (once per
 * worker), the claims and the names, not by the texts.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULES, type ForeignClaim, type RuleOverrides } from '../core/checks';
import { atLeast, type Severity } from '../core/findings';
import { LineIndex } from '../core/positions';
import { BUNDLED_KB_FILES } from '../host/bundledKb';
import { expandPaths, findKbFiles } from '../host/expandPaths';
import { packageRoot } from '../host/packageRoot';
import { readArticle } from '../host/readArticle';
import { version } from '../../../package.json';
import { ANALYSIS_HELP, ANALYSIS_OPTIONS, display, isLanguage, isSeverity, openWorkspace, parseCommand, ruleIds, usage } from './args';
import { sourceOf, type CheckInit, type Job, type KbReport, type LocatedFinding, type Outcome } from './checkFile';
import { ClaimIndex } from './claimIndex';
import { createRunner, inOrder } from './checkRunner';
import { EXIT, type Io } from './io';
import { Progress } from './progress';
import { FORMATS, jsonReporter, textReporter, type Format, type ReportedFinding, type ReportedRelated, type Reporter } from './reporters';
import { sarifReporter } from './sarif';
import { Spool } from './spool';
import { WorkspaceSurnames } from '../core/entities/workspaceSurnames';

export const CHECK_HELP = `Usage: touchline check <files, folders or globs…> [options]

Checks articles and prints what disagrees with the knowledge base, other articles or itself.
Folders are searched for articles (touchline.json "articles", by default every .txt except
licence, requirements and similar files); quote globs so the shell leaves them alone:
touchline check 'archive/2024/**/*.txt'.

Options:
  --format text|json|sarif   Output format (default: text)
  --min-severity LEVEL       Report findings at or above error|warning|information|hint
                             (default: warning)
  --rule ID=LEVEL            Set a rule's severity (error|warning|information|hint) or turn
                             it off (off); repeatable. Rules: ${RULES.map((r) => r.id).join(', ')}
  --jobs N                   Check with N worker threads (default: 1; auto: one per core)
  -q, --quiet                No progress, notices or summary on stderr
${ANALYSIS_HELP}

Exit status: 0 no findings at or above the minimum severity, 1 findings,
2 bad usage or unreadable input (the other files are still checked).`;

const OPTIONS = {
  ...ANALYSIS_OPTIONS,
  format: { type: 'string', default: 'text' },
  'min-severity': { type: 'string', default: 'warning' },
  rule: { type: 'string', multiple: true },
  jobs: { type: 'string', default: '1' },
  quiet: { type: 'boolean', short: 'q' },
} as const;

/** Rules that compare articles with each other, checked in a later pass. */
const CROSS_ARTICLE_RULES: readonly string[] = ['cross-article'];
/** Rules whose findings change when a surname borrows a full name from another article. */
const SURNAME_RULES: readonly string[] = ['unknown-entity'];

export async function runCheck(args: string[], io: Io): Promise<number> {
  const cmd = 'touchline check';
  const parsed = parseCommand(cmd, CHECK_HELP, args, OPTIONS, io);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const format = values.format as Format;
  if (!FORMATS.includes(format)) return usage(cmd, `unknown format "${values.format}"; use ${FORMATS.join(', ')}.`, CHECK_HELP, io);
  if (values.lang !== undefined && !isLanguage(values.lang)) return usage(cmd, `unknown language "${values.lang}"; use auto, en or it.`, CHECK_HELP, io);
  const minSeverity = values['min-severity'];
  if (!isSeverity(minSeverity)) return usage(cmd, `unknown severity "${minSeverity}"; use error, warning, information or hint.`, CHECK_HELP, io);
  const jobs = values.jobs === 'auto' ? availableParallelism() : Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 256) return usage(cmd, `--jobs takes a whole number from 1 to 256, or auto, not "${values.jobs}".`, CHECK_HELP, io);
  const ruleFlags: Record<string, Severity | 'off'> = {};
  for (const r of values.rule ?? []) {
    const m = /^([^=]+)=(.*)$/.exec(r);
    if (!m) return usage(cmd, `--rule takes ID=LEVEL (for example --rule unattributed-quote=off), not "${r}".`, CHECK_HELP, io);
    const [, id, level] = m as unknown as [string, string, string];
    if (!RULES.some((rule) => rule.id === id)) return usage(cmd, `unknown rule "${id}"; rules: ${ruleIds()}.`, CHECK_HELP, io);
    if (level !== 'off' && !isSeverity(level)) return usage(cmd, `unknown level "${level}" for ${id}; use error, warning, information, hint or off.`, CHECK_HELP, io);
    ruleFlags[id] = level;
  }
  if (positionals.length === 0) return usage(cmd, 'name at least one file, folder or glob.', CHECK_HELP, io);

  const quiet = values.quiet === true;
  const workspace = openWorkspace(cmd, values, io, quiet);
  if (typeof workspace === 'number') return workspace;
  const cwd = io.cwd ?? process.cwd();
  const { resolved } = workspace;
  const rules: RuleOverrides = { ...resolved.rules, ...ruleFlags };
  const started = Date.now();

  const expanded = await expandPaths(positionals, resolved.include, resolved.exclude, { cwd, ...(workspace.configPath ? { root: workspace.root } : {}) });
  const errors: string[] = [...expanded.errors];
  const files = uniqueSorted(expanded.files, cwd);
  const kbPaths = await knowledgeFiles(resolved.knowledgeBasePaths, expanded.kbFiles, workspace.configPath ? workspace.root : undefined);
  const shown = (id: string): boolean => {
    const severity = rules[id] ?? RULES.find((r) => r.id === id)?.defaultSeverity;
    return severity !== undefined && severity !== 'off' && atLeast(severity, minSeverity);
  };
  // Whole-corpus passes: only when several articles are checked and a rule they affect is shown.
  const corpus = files.length > 1;
  const crossArticle = corpus && CROSS_ARTICLE_RULES.some(shown);
  const surnamesMatter = corpus && (crossArticle || SURNAME_RULES.some(shown));
  const init: CheckInit = { settings: resolved.analysis, rules, minSeverity, kbPaths, collectClaims: crossArticle, collectNames: surnamesMatter };

  const runner = await createRunner(init, Math.max(1, Math.min(jobs, files.length)));
  const progress = new Progress(io, io.stderrIsTTY === true && !quiet);
  const say = (text: string): void => {
    progress.clear();
    io.stderr(text);
  };
  let failed = workspace.configErrors;
  try {
    failed = reportKnowledge(await runner.kbReport, cwd, say, quiet) || failed;
    for (const e of errors) say(`touchline: ${e}\n`);
    const reporter = makeReporter(format, io, rules, cwd, () => progress.clear());
    const counts = { articles: 0, findings: 0, bySeverity: { error: 0, warning: 0, information: 0, hint: 0 } as Record<Severity, number>, chars: 0 };
    const index = new ClaimIndex();
    const emit = async (file: string, findings: readonly LocatedFinding[]): Promise<void> => {
      counts.articles++;
      for (const f of findings) counts.bySeverity[f.severity]++;
      counts.findings += findings.length;
      reporter.file({ file: display(file, cwd), findings: await reported(file, findings, index, cwd) });
    };
    const check = (job: Job): Promise<Outcome> =>
      runner.check(job).catch((error: unknown) => ({ file: job.file, error: `internal error while checking ${display(job.file, cwd)}: ${error instanceof Error ? error.message : String(error)}`, findings: [], chars: 0 }));

    reporter.begin();
    const spool = surnamesMatter ? new Spool<{ file: string; findings: readonly LocatedFinding[] }>() : undefined;
    try {
      const surnames = new WorkspaceSurnames();
      /** One-word unknown person names by file, for the files that have any. */
      const lone = new Map<string, readonly string[]>();
      let done = 0;
      for await (const outcome of inOrder(files.map((file): Job => ({ file })), check, runner.window)) {
        progress.update('Checking', ++done, files.length);
        if (outcome.error !== undefined) {
          errors.push(named(outcome.error, outcome.file, cwd));
          say(`touchline: ${errors[errors.length - 1]}\n`);
          continue;
        }
        counts.chars += outcome.chars;
        if (outcome.notice && !quiet) say(`touchline: ${named(outcome.notice, outcome.file, cwd)}\n`);
        if (spool) {
          if (outcome.claims) index.add(outcome.claims);
          if (outcome.names) {
            surnames.add(outcome.names.full);
            if (outcome.names.lone.length > 0) lone.set(outcome.file, outcome.names.lone);
          }
          spool.write({ file: outcome.file, findings: outcome.findings });
        } else {
          await emit(outcome.file, outcome.findings);
        }
      }
      if (spool) {
        const replaced = new Map<string, readonly LocatedFinding[]>();
        // Articles that name someone only by a surname another article gives in full: analysed
        // again with the workspace surnames, where that changes what is shown.
        const entries = surnames.entries();
        if (entries.length > 0) runner.setWorkspaceSurnames(entries);
        const unknownShown = SURNAME_RULES.some(shown);
        const borrowed = files.filter((f) => {
          const names = lone.get(f)?.filter((n) => surnames.has(n));
          if (!names || names.length === 0) return false;
          if (unknownShown) return true;
          const subjects = index.subjects(sourceOf(f));
          return names.some((n) => subjects.has(`unknown:${n}`));
        });
        lone.clear();
        done = 0;
        for await (const outcome of inOrder(borrowed.map((file): Job => ({ file, recollect: true })), check, runner.window)) {
          progress.update('Resolving surnames', ++done, borrowed.length);
          if (outcome.error !== undefined) continue;
          replaced.set(outcome.file, outcome.findings);
          if (crossArticle) index.replace(sourceOf(outcome.file), outcome.claims ?? []);
        }
        // Articles stating something another article states differently: checked again with
        // the other articles' claims at hand.
        const disagreements = crossArticle ? index.disagreements() : new Map<string, ForeignClaim[]>();
        const second = files.filter((f) => disagreements.has(sourceOf(f)));
        done = 0;
        for await (const outcome of inOrder(second.map((file): Job => ({ file, foreign: disagreements.get(sourceOf(file))! })), check, runner.window)) {
          progress.update('Comparing articles', ++done, second.length);
          if (outcome.error === undefined) replaced.set(outcome.file, outcome.findings);
        }
        for await (const item of spool.read()) await emit(item.file, replaced.get(item.file) ?? item.findings);
      }
    } finally {
      spool?.dispose();
    }
    progress.clear();
    const seconds = (Date.now() - started) / 1000;
    reporter.end({ ...counts, errors, seconds });
    if (!quiet) io.stderr(`${summaryLine(counts, errors.length, seconds)}\n`);
    if (errors.length > 0 || failed) return EXIT.usage;
    return counts.findings > 0 ? EXIT.findings : EXIT.ok;
  } finally {
    progress.clear();
    await runner.close();
  }
}

function makeReporter(format: Format, io: Io, overrides: RuleOverrides, cwd: string, beforeWrite: () => void): Reporter {
  if (format === 'json') return jsonReporter(io);
  if (format === 'sarif') return sarifReporter(io, { rules: RULES, overrides, version, cwd });
  const env = io.env ?? {};
  return textReporter(io, io.stdoutIsTTY === true && (env['NO_COLOR'] ?? '') === '', beforeWrite);
}

/** A message about `file` (an absolute path) with the path as printed. */
function named(message: string, file: string, cwd: string): string {
  return message.split(file).join(display(file, cwd));
}

/** Absolute paths, each once, sorted by the path as printed. */
function uniqueSorted(files: readonly string[], cwd: string): string[] {
  const byDisplay = new Map<string, string>();
  for (const f of files) {
    const abs = resolve(cwd, f);
    byDisplay.set(display(abs, cwd), abs);
  }
  return [...byDisplay.keys()].sort().map((k) => byDisplay.get(k)!);
}

/**
 * Knowledge-base files beyond the bundled ones: the configured and --kb paths, plus, as the
 * editor loads them from its workspace folders, every `*.kb.*` file under the folders named
 * and under the workspace root (the folder of touchline.json).
 */
async function knowledgeFiles(configured: readonly string[], found: readonly string[], root: string | undefined): Promise<string[]> {
  const bundled = new Set(BUNDLED_KB_FILES.map((f) => resolve(packageRoot(), f)));
  const all = [...configured, ...found, ...(root !== undefined ? await findKbFiles(root) : [])].map((p) => resolve(p));
  return [...new Set(all)].filter((p) => !bundled.has(p));
}

/** Prints knowledge-base problems; returns true when one is an error (exit status 2). */
function reportKnowledge(report: KbReport, cwd: string, say: (text: string) => void, quiet: boolean): boolean {
  let failed = false;
  for (const u of report.unreadable) {
    say(`touchline: ${u}\n`);
    failed = true;
  }
  const texts = new Map<string, LineIndex>();
  for (const d of report.diagnostics) {
    if (d.severity === 'information' || (d.severity === 'warning' && quiet)) continue;
    if (d.severity === 'error') failed = true;
    let lines = texts.get(d.file);
    if (!lines) {
      let text = '';
      try {
        text = readFileSync(d.file.startsWith('file:') ? fileURLToPath(d.file) : d.file, 'utf8');
      } catch {
        // Unreadable files are reported above.
      }
      texts.set(d.file, (lines = new LineIndex(text)));
    }
    const p = lines.positionAt(d.span.start);
    say(`${display(d.file, cwd)}:${p.line + 1}:${p.character + 1}: ${d.severity} ${d.code}: ${d.message}\n`);
  }
  return failed;
}

/** Findings as printed: related places in other articles get their file and position. */
async function reported(file: string, findings: readonly LocatedFinding[], index: ClaimIndex, cwd: string): Promise<ReportedFinding[]> {
  const shown = display(file, cwd);
  const out: ReportedFinding[] = [];
  const lineIndexes = new Map<string, LineIndex | undefined>();
  for (const f of findings) {
    const { related: located, ...finding } = f;
    if (!located) {
      out.push(finding);
      continue;
    }
    const related: ReportedRelated[] = [];
    for (const r of located) {
      if (r.source === undefined) {
        related.push({ ...r, file: shown });
        continue;
      }
      const other = fileURLToPath(r.source);
      let at = index.position(r.source, r.start, r.end);
      if (!at) {
        if (!lineIndexes.has(other)) {
          const read = await readArticle(other);
          lineIndexes.set(other, read.ok ? new LineIndex(read.text) : undefined);
        }
        const lines = lineIndexes.get(other);
        if (lines) {
          const s = lines.positionAt(r.start);
          const e = lines.positionAt(r.end);
          at = { line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
        }
      }
      related.push({ file: display(other, cwd), start: r.start, end: r.end, message: r.message, ...(at ?? {}) });
    }
    out.push({ ...finding, related });
  }
  return out;
}

function summaryLine(counts: { articles: number; findings: number; bySeverity: Record<Severity, number> }, errors: number, seconds: number): string {
  const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
  const words = { error: ['error', 'errors'], warning: ['warning', 'warnings'], information: ['information', 'information'], hint: ['hint', 'hints'] } as const;
  const parts = (['error', 'warning', 'information', 'hint'] as const).filter((s) => counts.bySeverity[s] > 0).map((s) => plural(counts.bySeverity[s], words[s][0], words[s][1]));
  return `${plural(counts.articles, 'article')} checked in ${seconds.toFixed(1)} s, ${plural(counts.findings, 'finding')}${parts.length > 0 ? ` (${parts.join(', ')})` : ''}${errors > 0 ? `, ${plural(errors, 'input')} not checked` : ''}.`;
}
