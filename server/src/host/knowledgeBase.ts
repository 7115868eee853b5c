/**
 * Loading the knowledge base from disk: the bundled files, then workspace files (`*.kb.yaml`,
 * `*.kb.json`, and paths from settings), merged by id. Used by the CLI and the server.
 */
import { readFile } from 'node:fs/promises';
import { createContext, type AnalysisContext } from '../core/context';
import { loadKb, type KbDiagnostic, type KbFile } from '../core/kb';
import { readBundledKb } from './bundledKb';
import { packageRoot } from './packageRoot';

export interface LoadedKnowledge {
  readonly context: AnalysisContext;
  readonly diagnostics: readonly KbDiagnostic[];
  /** Files that could not be read, with the reason. */
  readonly unreadable: readonly string[];
}

/** Files shipped with Touchline, read once per process. */
let bundled: KbFile[] | undefined;

export function bundledKbFiles(): KbFile[] {
  bundled ??= readBundledKb(packageRoot());
  return bundled;
}

/** Load the bundled knowledge base plus the given workspace files (paths on disk). */
export async function loadKnowledge(workspacePaths: readonly string[] = []): Promise<LoadedKnowledge> {
  const unreadable: string[] = [];
  const files: KbFile[] = [...bundledKbFiles()];
  for (const path of workspacePaths) {
    try {
      files.push({ path, text: await readFile(path, 'utf8'), layer: 'workspace' });
    } catch (error) {
      unreadable.push(`cannot read knowledge-base file ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
    }
  }
  const { kb, diagnostics } = loadKb(files);
  return { context: createContext(kb), diagnostics, unreadable };
}
