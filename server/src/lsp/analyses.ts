/**
 * Parse once per version: the Article of each open document, cached by URI, document
 * version and settings revision. Every feature asks here instead of analysing again.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocuments } from 'vscode-languageserver';
import { analyzeArticle } from '../core/analyze';
import { BlockCache } from '../core/blockAnalysis';
import type { Article } from '../core/model';
import { LineIndex } from '../core/positions';
import type { AnalysisContext } from '../core/context';
import type { SettingsStore } from './settings';
import { isKbFile } from './knowledge';
import { isConfigFile } from './settings';

/** The knowledge the analyses use, and its revision (a reload invalidates every analysis). */
export interface ContextSource {
  readonly current: { readonly context: AnalysisContext; readonly revision: number };
}

export interface Analysis {
  readonly uri: string;
  readonly version: number;
  readonly article: Article;
  readonly lines: LineIndex;
  /** Set when the document was not analysed: it looks binary (it has NUL characters). */
  readonly skipped?: 'binary';
}

/** How much of a document is looked at for NUL characters, the sign of a binary file. */
const BINARY_SNIFF = 8192;

interface Entry {
  readonly version: number;
  /** Settings and knowledge revisions the analysis was made with. */
  readonly revision: string;
  readonly analysis: Analysis;
}

export class Analyses {
  private readonly cache = new Map<string, Entry>();
  /** Per document: its paragraphs' analyses, so an edit re-analyses only what it touched. */
  private readonly blocks = new Map<string, BlockCache>();

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: SettingsStore,
    private readonly knowledge: ContextSource,
  ) {}

  /**
   * The analysis of the document as it is when asked: its text and version are taken before
   * anything is awaited, so a request answers for the version it was sent after even when
   * edits arrive while settings are fetched.
   */
  async get(uri: string): Promise<Analysis | undefined> {
    const document = this.documents.get(uri);
    if (!document || isKbFile(uri) || isConfigFile(uri)) return undefined;
    const version = document.version;
    const revision = `${this.settings.revision}:${this.knowledge.current.revision}`;
    const cached = this.cache.get(uri);
    if (cached && cached.version === version && cached.revision === revision) return cached.analysis;
    const text = document.getText();
    const settings = await this.settings.forResource(uri);
    const again = this.cache.get(uri);
    if (again && again.version === version && again.revision === revision) return again.analysis;
    const binary = text.slice(0, BINARY_SNIFF).includes('\0');
    const analysis: Analysis = {
      uri,
      version,
      // A binary file opened as text would only produce noise: it is not analysed.
      article: analyzeArticle(binary ? '' : text, settings.analysis, this.knowledge.current.context, this.blockCache(uri)),
      lines: new LineIndex(text),
      ...(binary ? { skipped: 'binary' as const } : {}),
    };
    // Keep the newest version cached: a slow answer for an old version must not replace it.
    const latest = this.cache.get(uri);
    if (!latest || latest.version <= version) this.cache.set(uri, { version, revision, analysis });
    return analysis;
  }

  /** Line index of an open document's latest analysis, for ranges in related information. */
  linesOf(uri: string): LineIndex | undefined {
    return this.cache.get(uri)?.analysis.lines;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
    this.blocks.delete(uri);
  }

  private blockCache(uri: string): BlockCache {
    let cache = this.blocks.get(uri);
    if (!cache) this.blocks.set(uri, (cache = new BlockCache()));
    return cache;
  }
}
