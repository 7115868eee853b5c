/**
 * The server's knowledge base: the bundled files, every `*.kb.yaml` / `*.kb.yml` / `*.kb.json`
 * under the workspace folders, and the paths in `touchline.knowledgeBase.paths`. Open
 * knowledge-base documents count with their unsaved text, so edits take effect as they are
 * typed. A broken file never takes the server down: its diagnostics say what is wrong and the
 * rest still loads.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createContext, type AnalysisContext } from '../core/context';
import { loadKb, type KbDiagnostic, type KbFile } from '../core/kb';
import { bundledKbFiles } from '../host/knowledgeBase';

const KB_FILE = /\.kb\.(?:ya?ml|json)$/i;
const SKIP_DIRS = new Set(['node_modules', '.git', '.venv', 'dist', 'out']);
/** Workspace folders are scanned this deep for knowledge-base files. */
const MAX_DEPTH = 8;

/** Whether a URI or path names a knowledge-base file. */
export function isKbFile(uriOrPath: string): boolean {
  return KB_FILE.test(uriOrPath);
}

export interface KnowledgeState {
  readonly context: AnalysisContext;
  /** Diagnostics by file URI. */
  readonly diagnostics: ReadonlyMap<string, readonly KbDiagnostic[]>;
  /** Text of each loaded file by URI, for converting diagnostic spans. */
  readonly texts: ReadonlyMap<string, string>;
  /** The files loaded, in order: what a worker thread needs to build the same context. */
  readonly files: readonly KbFile[];
  /** Bumped on every reload; part of the analysis cache key. */
  readonly revision: number;
  /** Messages for files that could not be read (also reported as diagnostics in the file). */
  readonly unreadable: readonly string[];
}

export class Knowledge {
  private revision = 0;
  private folders: string[] = [];
  private extraPaths: string[] = [];

  private state: KnowledgeState | undefined;
  /** Whether the last load had workspace files; without them a reload can keep the bundled state. */
  private hadWorkspaceFiles = true;

  /** The current state; the bundled knowledge base alone until the first reload finishes. */
  get current(): KnowledgeState {
    this.state ??= this.build(bundledFiles());
    return this.state;
  }

  setFolders(folderUris: readonly string[]): void {
    this.folders = folderUris.filter((u) => u.startsWith('file:'));
  }

  setExtraPaths(paths: readonly string[]): void {
    this.extraPaths = [...paths];
  }

  /**
   * Reload from disk, with `openTexts` (URI → unsaved text) taking precedence over disk.
   * Returns the new state.
   */
  async reload(openTexts: ReadonlyMap<string, string>): Promise<KnowledgeState> {
    const uris = new Set<string>(openTexts.keys());
    for (const folder of this.folders) for (const uri of await findKbFiles(fileURLToPath(folder))) uris.add(uri);
    for (const path of this.extraPaths) uris.add(path.startsWith('file:') ? path : pathToFileURL(path).href);
    if (uris.size === 0 && this.state && !this.hadWorkspaceFiles) return this.state;
    this.hadWorkspaceFiles = uris.size > 0;
    const files: KbFile[] = [...bundledFiles()];
    const unreadable: KbDiagnostic[] = [];
    for (const uri of [...uris].sort()) {
      const open = openTexts.get(uri);
      if (open !== undefined) {
        files.push({ path: uri, text: open, layer: 'workspace' });
        continue;
      }
      try {
        files.push({ path: uri, text: await readFile(fileURLToPath(uri), 'utf8'), layer: 'workspace' });
      } catch (error) {
        const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'the file does not exist' : (error as Error).message;
        unreadable.push({ file: uri, span: { start: 0, end: 0 }, severity: 'error', code: 'kb-syntax', message: `Touchline cannot read this knowledge-base file: ${reason}. Check the path in "touchline.knowledgeBase.paths".` });
      }
    }
    this.state = this.build(files, unreadable);
    return this.state;
  }

  private build(files: readonly KbFile[], extra: readonly KbDiagnostic[] = []): KnowledgeState {
    const { kb, diagnostics } = loadKb(files);
    const byFile = new Map<string, KbDiagnostic[]>();
    for (const d of [...diagnostics, ...extra]) {
      const list = byFile.get(d.file) ?? [];
      list.push(d);
      byFile.set(d.file, list);
    }
    return {
      context: createContext(kb),
      diagnostics: byFile,
      texts: new Map(files.map((f) => [f.path, f.text])),
      files,
      revision: ++this.revision,
      unreadable: extra.map((d) => `${d.message} (${decodeURIComponent(d.file.replace(/^file:\/\//, ''))})`),
    };
  }
}

/** Bundled files, with their paths turned into file URIs (for go-to-definition). */
function bundledFiles(): KbFile[] {
  return bundledKbFiles().map((f) => ({ ...f, path: pathToFileURL(f.path).href }));
}

async function findKbFiles(root: string, depth = 0): Promise<string[]> {
  if (depth > MAX_DEPTH) return [];
  let entries;
  try {
    entries = await readdir(root, { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const e of entries) {
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) out.push(...(await findKbFiles(join(root, e.name), depth + 1)));
    } else if (e.isFile() && KB_FILE.test(e.name)) {
      out.push(pathToFileURL(join(root, e.name)).href);
    }
  }
  return out;
}
