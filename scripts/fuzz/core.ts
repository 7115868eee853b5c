/**
 * Fuzzing the analysis core in-process: `analyzeArticle` with the bundled knowledge base,
 * then every core feature that reads the model (semantic-token spans, outline, hovers,
 * consistency checks, position conversion), and the knowledge-base loader on mutated
 * knowledge-base files. No exception may escape, every invariant must hold, and each
 * document must be analysed within a time budget that grows with its size.
 */
import { analyzeArticle } from '../../server/src/core/analyze';
import { runChecks } from '../../server/src/core/checks';
import { createContext, type AnalysisContext } from '../../server/src/core/context';
import { hoverAt, type HoverContext } from '../../server/src/core/features/hover';
import { outline, type OutlineItem } from '../../server/src/core/features/outline';
import { semanticTokenSpans } from '../../server/src/core/features/semanticTokens';
import { loadKb } from '../../server/src/core/kb';
import type { Article } from '../../server/src/core/model';
import { codePointsToUtf16, LineIndex, utf16ToCodePoints } from '../../server/src/core/positions';
import { DEFAULT_SETTINGS, type AnalysisSettings } from '../../server/src/core/settings';
import { loadKnowledge } from '../../server/src/host/knowledgeBase';
import { createHoverContext } from '../../server/src/lsp/hoverContext';
import type { Knowledge } from '../../server/src/lsp/knowledge';
import type { WorkspaceIndex } from '../../server/src/lsp/workspaceIndex';
import { makeDocument } from './documents';
import { fragment, hugeDocuments } from './generate';
import { knownIssue } from './known';
import { checkArticle, checkSpan, checkTokenSpans, splitsPair, Violations } from './invariants';
import { mutate } from './mutate';
import { formatFailure, saveFailure, type Failure } from './report';
import { Rng } from './rng';
import { seedArticles, seedKbFiles, type SeedText } from './seeds';

export interface CoreOptions {
  readonly seed: number;
  readonly count: number;
  /** Stop starting new documents after this many milliseconds. */
  readonly timeBudgetMs?: number;
  /** Mutate the BBC sport corpus too, when ../shared is present. */
  readonly corpus?: boolean;
  /** Also feed the megabyte-sized documents, once each. */
  readonly huge?: boolean;
  /** Run only this case. */
  readonly only?: number;
  /** Count violations of known issues (see known.ts) as failures too. */
  readonly strict?: boolean;
  /** Print progress and failures as they happen. */
  readonly log?: (line: string) => void;
}

export interface CoreReport {
  readonly documents: number;
  readonly chars: number;
  readonly ms: number;
  readonly failures: Failure[];
  readonly slowest: { ms: number; origin: string; chars: number };
  readonly corpus: boolean;
  readonly kbFiles: number;
  /** Documents that showed each known issue, by id. */
  readonly known: Map<string, number>;
}

/** Time allowed to analyse one document: 2 s, plus 3 s per million characters. */
export function coreBudgetMs(chars: number): number {
  return 2000 + (chars / 1e6) * 3000;
}

/** Run the core fuzzer. */
export async function runCoreFuzz(options: CoreOptions): Promise<CoreReport> {
  const log = options.log ?? (() => undefined);
  const { context } = await loadKnowledge();
  const { texts: seeds, corpus } = seedArticles({ corpus: options.corpus ?? true });
  const kbSeeds = seedKbFiles();
  const failures: Failure[] = [];
  let documents = 0;
  let chars = 0;
  let kbFiles = 0;
  let slowest = { ms: 0, origin: '', chars: 0 };
  const known = new Map<string, number>();
  const violations = (text: string): Violations => new Violations(options.strict ? undefined : (m) => knownIssue(m, text)?.id);
  const countKnown = (v: Violations): void => {
    for (const id of v.known) known.set(id, (known.get(id) ?? 0) + 1);
  };
  const started = performance.now();
  const fail = (f: Failure, text: string, extra?: Record<string, unknown>): void => {
    const saved = saveFailure(f, text, extra);
    failures.push(saved);
    log(formatFailure(saved));
  };

  const runOne = (index: number, text: string, origin: string, rng: Rng): void => {
    const settings = randomSettings(rng, text.length);
    const t0 = performance.now();
    const v = violations(text);
    checkDocument(v, text, settings, context, rng);
    countKnown(v);
    const messages = v.list;
    const ms = performance.now() - t0;
    if (ms > coreBudgetMs(text.length)) messages.push(`slow: ${ms.toFixed(0)} ms for ${text.length} chars (budget ${coreBudgetMs(text.length).toFixed(0)} ms)`);
    if (ms > slowest.ms) slowest = { ms, origin, chars: text.length };
    documents++;
    chars += text.length;
    if (messages.length > 0) fail({ target: 'core', seed: options.seed, case: index, origin, messages }, text, { settings });
  };

  const cases = options.only !== undefined ? [options.only] : range(options.count);
  for (const i of cases) {
    if (options.timeBudgetMs !== undefined && performance.now() - started > options.timeBudgetMs) break;
    const rng = new Rng(options.seed, i);
    const doc = makeDocument(rng, seeds);
    runOne(i, doc.text, doc.origin, rng);
    if (i % 10 === 3) {
      kbFiles++;
      const messages = checkKbFile(rng, kbSeeds, violations);
      countKnown(messages.violations);
      if (messages.failure) fail({ target: 'core', seed: options.seed, case: i, origin: `kb file: ${messages.origin}`, messages: messages.failure }, messages.text);
    }
    if (documents % 5000 === 0 && documents > 0) log(`  core: ${documents} documents, ${failures.length} failures, ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  if (options.huge && options.only === undefined) {
    const rng = new Rng(options.seed, -1);
    const huge = hugeDocuments(rng);
    for (let k = 0; k < huge.length; k++) {
      const h = huge[k]!;
      log(`  core: huge document ${k + 1}/${huge.length}: ${h.name}`);
      runOne(-1 - k, h.text, `huge: ${h.name}`, rng);
    }
  }
  return { documents, chars, ms: performance.now() - started, failures, slowest, corpus, kbFiles, known };
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

/** Mostly the defaults; sometimes a forced language, an odd article date, or a tiny size limit. */
function randomSettings(rng: Rng, length: number): AnalysisSettings {
  const language = rng.weighted<AnalysisSettings['language']>([[8, 'auto'], [1, 'en'], [1, 'it']]);
  const articleDate = rng.chance(0.2) ? rng.pick(['2024-04-19', '2024-04', '2024', 'garbage', '2024-13-40', '', ' ', '99999-01-01', '2021/2022']) : undefined;
  const maxChars = rng.chance(0.1) ? rng.int(length + 2) : DEFAULT_SETTINGS.maxChars;
  return { language, maxChars, ...(articleDate !== undefined ? { articleDate } : {}) };
}

/** Analyse one document and check the model and every feature that reads it, into `v`. */
export function checkDocument(v: Violations, text: string, settings: AnalysisSettings, context: AnalysisContext, rng: Rng): void {
  let article: Article;
  try {
    article = analyzeArticle(text, settings, context);
  } catch (error) {
    v.add('analyzeArticle threw', describe(error));
    return;
  }
  checkArticle(text, article, settings, v);
  try {
    checkFeatures(v, text, article, context, rng);
  } catch (error) {
    v.add('feature threw', describe(error));
  }
}

function checkFeatures(v: Violations, text: string, article: Article, context: AnalysisContext, rng: Rng): void {
  const limit = article.truncatedAt ?? text.length;
  checkTokenSpans(v, text, semanticTokenSpans(article), limit);
  // Editors send ranges on code-point boundaries; so does the fuzzer.
  const a = boundary(text, rng.int(text.length + 1));
  const b = boundary(text, rng.int(text.length + 1));
  const window = { start: Math.min(a, b), end: Math.max(a, b) };
  checkTokenSpans(v, text, semanticTokenSpans(article, window.start, window.end), limit, window);

  const nameOf = (key: string, fallback: string): string => context.kb.entity(key)?.name ?? fallback;
  const walk = (items: readonly OutlineItem[], parent?: OutlineItem): void => {
    for (const item of items) {
      checkSpan(v, 'outline', text, item.span, limit, false);
      if (!item.name || item.name.trim() === '') v.add('outline', `empty name for a ${item.kind} at ${item.span.start}`);
      if (parent && (item.span.start < parent.span.start || item.span.end > parent.span.end)) v.add('outline', `${item.kind} at ${item.span.start} outside its group`);
      if (item.children) walk(item.children, item);
    }
  };
  walk(outline(article, nameOf));

  // The server's own hover context, over this knowledge base and an empty workspace.
  const hoverContext: HoverContext = createHoverContext({ current: { context } } as unknown as Knowledge, { all: () => [] } as unknown as WorkspaceIndex);
  const offsets = [0, text.length, ...Array.from({ length: 4 }, () => rng.int(text.length + 1))];
  for (const e of article.entities.slice(0, 3)) offsets.push(e.start);
  for (const d of article.dates.slice(0, 2)) offsets.push(d.end);
  for (const q of article.quotes.slice(0, 2)) offsets.push(q.start + 1);
  for (const o of offsets) {
    const h = hoverAt(article, o, hoverContext);
    if (!h) continue;
    if (!(h.span.start <= o && o <= h.span.end)) v.add('hover', `hover at ${o} describes ${h.span.start}-${h.span.end}`);
    if (!h.markdown) v.add('hover', `empty hover at ${o}`);
  }

  let previous = -1;
  for (const f of runChecks(article)) {
    checkSpan(v, `finding ${f.rule}`, text, f, limit, false);
    if (!f.rule || !f.message) v.add('finding', `missing rule or message at ${f.start}`);
    if (f.start < previous) v.add('finding', 'findings not sorted');
    previous = f.start;
  }

  const lines = new LineIndex(text);
  for (let i = text.indexOf('\r'), n = 0; i >= 0 && n < 5; i = text.indexOf('\r', i + 1), n++) offsets.push(i + 1);
  for (const o of offsets) {
    const p = lines.positionAt(o);
    const back = lines.offsetAt(p);
    const insideCrlf = text.charCodeAt(o - 1) === 13 && text.charCodeAt(o) === 10;
    if (back !== (insideCrlf ? o - 1 : o)) v.add('positions', `offset ${o} → ${p.line}:${p.character} → ${back}`);
    if (p.character > lines.lineEnd(p.line) - lines.lineStart(p.line)) v.add('positions', `offset ${o} → ${p.line}:${p.character}, past the line's end`);
    if (!splitsPair(text, o) && codePointsToUtf16(text, utf16ToCodePoints(text, o)) !== o) v.add('positions', `code point round trip fails at ${o}`);
  }
}

/** Load a mutated or generated knowledge-base file alone; diagnostics must lie inside it. */
function checkKbFile(rng: Rng, seeds: readonly SeedText[], violations: (text: string) => Violations): { failure?: string[]; violations: Violations; origin: string; text: string } {
  const seed = seeds.length > 0 ? rng.pick(seeds) : { name: 'empty', text: '' };
  let text: string;
  let origin: string;
  if (rng.chance(0.8)) {
    const m = mutate(rng, seed.text);
    text = m.text;
    origin = `${seed.name} + ${m.steps.join(', ')}`;
  } else {
    text = Array.from({ length: rng.range(1, 200) }, () => rng.pick(['\n', '  ', '- ', ': ', '{', '}', '[', ']', '&a', '*a', '!!binary', '---', '...', 'id: x', 'type: person', fragment(rng)])).join('');
    origin = 'generated yaml';
  }
  const path = rng.chance(0.8) ? 'file:///fuzz/fuzz.kb.yaml' : 'file:///fuzz/fuzz.kb.json';
  const v = violations(text);
  const t0 = performance.now();
  try {
    const { kb, diagnostics } = loadKb([{ path, text, layer: 'workspace' }]);
    for (const d of diagnostics) {
      if (d.file !== path) continue;
      checkSpan(v, `kb diagnostic ${d.code}`, text, d.span, text.length, false);
      if (!d.message) v.add('kb diagnostic', `empty message at ${d.span.start}`);
    }
    createContext(kb);
  } catch (error) {
    v.add('kb loader threw', describe(error));
  }
  const ms = performance.now() - t0;
  if (ms > coreBudgetMs(text.length)) v.add('slow', `${ms.toFixed(0)} ms to load ${text.length} chars`);
  return { ...(v.ok ? {} : { failure: v.list }), violations: v, origin, text };
}

/** Move an offset off the middle of a surrogate pair. */
function boundary(text: string, offset: number): number {
  return splitsPair(text, offset) ? offset - 1 : offset;
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message).split('\n').slice(0, 4).join(' | ') : String(error);
}
