/**
 * Checking one article file for `touchline check`: read, analyse, run the rules, keep the
 * findings at or above the minimum severity with 1-based positions, and (for the
 * cross-article pass) the article's comparable claims. Runs in the main thread with
 * `--jobs 1`, in each worker otherwise; the text and the Article model are dropped as soon as
 * the file is done, so memory does not grow with the number of files.
 */
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { analyzeArticle } from '../core/analyze';
import type { AnalysisContext } from '../core/context';
import { runChecks, type CheckEnvironment, type ForeignClaim, type RuleOverrides } from '../core/checks';
import { claimKey, COMPARABLE } from '../core/checks/claimKey';
import { atLeast, type Finding, type Severity } from '../core/findings';
import type { KbDiagnostic } from '../core/kb';
import { LineIndex } from '../core/positions';
import type { AnalysisSettings } from '../core/settings';
import { loadKnowledge } from '../host/knowledgeBase';
import { readArticle } from '../host/readArticle';
import { articleNames, type ArticleNames } from '../core/entities/workspaceSurnames';

/** Everything a checker needs; plain data, so it can be handed to a worker. */
export interface CheckInit {
  readonly settings: AnalysisSettings;
  readonly rules: RuleOverrides;
  readonly minSeverity: Severity;
  /** Absolute paths of knowledge-base files beyond the bundled ones. */
  readonly kbPaths: readonly string[];
  /** Keep each article's comparable claims for the cross-article pass. */
  readonly collectClaims: boolean;
  /** Keep each article's unknown person names for the workspace-surnames pass. */
  readonly collectNames: boolean;
}

/** 1-based line and column (UTF-16 code units) of a span's start and end. */
export interface Located {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** A related place; positions are filled in for the same article here, for others later. */
export interface LocatedRelated extends Partial<Located> {
  /** File URI of another article; absent for a place in the same article. */
  readonly source?: string;
  readonly start: number;
  readonly end: number;
  readonly message: string;
}

export interface LocatedFinding extends Located {
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  readonly start: number;
  readonly end: number;
  readonly related?: readonly LocatedRelated[];
  readonly data?: unknown;
}

/** A claim kept for the cross-article pass, with where its value is written. */
export interface IndexedClaim extends ForeignClaim {
  readonly at: Located;
}

export interface Job {
  readonly file: string;
  /**
   * Second pass only: claims of other articles that share a key with this article's claims.
   * The rules then see them through `otherClaims`.
   */
  readonly foreign?: readonly ForeignClaim[];
  /** Later passes: collect the claims again (the workspace surnames may have changed their subjects). */
  readonly recollect?: boolean;
}

export interface Outcome {
  readonly file: string;
  /** Why the file could not be checked (it is then left out of the results). */
  readonly error?: string;
  /** Something worth saying about the file (read as Windows-1252…). */
  readonly notice?: string;
  readonly findings: readonly LocatedFinding[];
  readonly claims?: readonly IndexedClaim[];
  readonly names?: ArticleNames;
  /** Characters of text analysed (for throughput figures). */
  readonly chars: number;
}

/** Problems loading the knowledge base, reported once by the main thread. */
export interface KbReport {
  readonly diagnostics: readonly KbDiagnostic[];
  readonly unreadable: readonly string[];
}

/** The file URI the rules know an article by (the editor uses URIs too). */
export function sourceOf(file: string): string {
  return pathToFileURL(resolve(file)).href;
}

export class FileChecker {
  private context: AnalysisContext;

  private constructor(
    private readonly init: CheckInit,
    private readonly env: CheckEnvironment,
    context: AnalysisContext,
    readonly kbReport: KbReport,
  ) {
    this.context = context;
  }

  /** From now on, analyse with these workspace surnames (folded surname → full name), as the editor does. */
  setWorkspaceSurnames(entries: readonly [string, string][]): void {
    this.context = { ...this.context, workspaceSurnames: new Map(entries) };
  }

  /** Loads the knowledge base (once per checker: once per worker). */
  static async create(init: CheckInit): Promise<FileChecker> {
    const knowledge = await loadKnowledge(init.kbPaths);
    return new FileChecker(init, { kb: knowledge.context.kb }, knowledge.context, { diagnostics: knowledge.diagnostics, unreadable: knowledge.unreadable });
  }

  async check(job: Job): Promise<Outcome> {
    const read = await readArticle(job.file);
    if (!read.ok) return { file: job.file, error: read.error, findings: [], chars: 0 };
    const article = analyzeArticle(read.text, this.init.settings, this.context);
    const lines = new LineIndex(read.text);
    const source = sourceOf(job.file);
    const env = job.foreign ? { ...this.env, otherClaims: othersFrom(job.foreign) } : this.env;
    const findings = runChecks(article, this.init.rules, env)
      .filter((f) => atLeast(f.severity, this.init.minSeverity))
      .map((f) => locate(f, lines))
      .sort(byPosition);
    const first = !job.foreign && !job.recollect;
    const claims = this.init.collectClaims && (first || job.recollect)
      ? article.claims
          .filter((c) => COMPARABLE.has(c.property))
          .map((claim): IndexedClaim => ({ source, claim, language: article.language, ...(article.date ? { date: article.date } : {}), at: at(lines, claim.valueSpan.start, claim.valueSpan.end) }))
      : undefined;
    const names = this.init.collectNames && first ? articleNames(article) : undefined;
    return {
      file: job.file,
      findings,
      chars: read.text.length,
      ...(read.notice ? { notice: read.notice } : {}),
      ...(claims && claims.length > 0 ? { claims } : {}),
      ...(names ? { names } : {}),
    };
  }
}

/** `otherClaims` over the foreign claims handed to the second pass. */
function othersFrom(foreign: readonly ForeignClaim[]): CheckEnvironment['otherClaims'] {
  const byKey = new Map<string, ForeignClaim[]>();
  for (const f of foreign) {
    const key = claimKey(f.claim);
    const list = byKey.get(key);
    if (list) list.push(f);
    else byKey.set(key, [f]);
  }
  return (claim) => byKey.get(claimKey(claim)) ?? [];
}

function at(lines: LineIndex, start: number, end: number): Located {
  const s = lines.positionAt(start);
  const e = lines.positionAt(end);
  return { line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
}

function locate(f: Finding, lines: LineIndex): LocatedFinding {
  const related = f.related?.map((r): LocatedRelated => (r.source === undefined ? { start: r.start, end: r.end, message: r.message, ...at(lines, r.start, r.end) } : { source: r.source, start: r.start, end: r.end, message: r.message }));
  return {
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    start: f.start,
    end: f.end,
    ...at(lines, f.start, f.end),
    ...(related && related.length > 0 ? { related } : {}),
    ...(f.data !== undefined ? { data: f.data } : {}),
  };
}

/** Findings of one file in a stable order: position, then rule, then message. */
export function byPosition(a: LocatedFinding, b: LocatedFinding): number {
  return a.start - b.start || a.end - b.end || cmp(a.rule, b.rule) || cmp(a.message, b.message);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
