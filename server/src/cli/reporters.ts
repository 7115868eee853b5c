/**
 * Output formats of `touchline check`, each written as the results arrive (file by file, in
 * order) so memory does not grow with the number of files: `text` (one line per finding,
 * coloured on a terminal), `json`, and `sarif` (in sarif.ts).
 */
import type { Severity } from '../core/findings';
import type { Located } from './checkFile';
import type { Io } from './io';

/** A related place as printed: the file (display path) and, when known, its position. */
export interface ReportedRelated extends Partial<Located> {
  readonly file: string;
  readonly start: number;
  readonly end: number;
  readonly message: string;
}

export interface ReportedFinding extends Located {
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  readonly start: number;
  readonly end: number;
  readonly related?: readonly ReportedRelated[];
  readonly data?: unknown;
}

export interface FileReport {
  /** Path relative to the working folder when under it, else absolute. */
  readonly file: string;
  readonly findings: readonly ReportedFinding[];
}

export interface RunSummary {
  readonly articles: number;
  readonly findings: number;
  readonly bySeverity: Readonly<Record<Severity, number>>;
  /** Inputs that could not be checked and other problems, as messages. */
  readonly errors: readonly string[];
  readonly seconds: number;
}

export interface Reporter {
  begin(): void;
  file(report: FileReport): void;
  end(summary: RunSummary): void;
}

export const FORMATS = ['text', 'json', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

const COLOURS: Readonly<Record<Severity, string>> = { error: '31', warning: '33', information: '36', hint: '90' };

/** `file:line:col: severity rule: message`, related places indented below. */
export function textReporter(io: Io, colour: boolean, beforeWrite: () => void): Reporter {
  const paint = (code: string, s: string): string => (colour ? `\x1b[${code}m${s}\x1b[0m` : s);
  return {
    begin() {},
    file(r) {
      if (r.findings.length === 0) return;
      beforeWrite();
      let out = '';
      for (const f of r.findings) {
        out += `${paint('1', `${r.file}:${f.line}:${f.column}`)}: ${paint(COLOURS[f.severity], f.severity)} ${paint('2', f.rule)}: ${f.message}\n`;
        for (const rel of f.related ?? []) out += `  ${paint('1', rel.line !== undefined ? `${rel.file}:${rel.line}:${rel.column}` : rel.file)}: ${rel.message}\n`;
      }
      io.stdout(out);
    },
    end() {},
  };
}

/**
 * `{ "files": [{ "file", "findings": [...] }, …], "errors": [...], "summary": {...} }`, every
 * checked file listed (with no findings when clean), findings with 1-based positions.
 */
export function jsonReporter(io: Io): Reporter {
  let first = true;
  return {
    begin() {
      io.stdout('{\n  "files": [');
    },
    file(r) {
      io.stdout(`${first ? '\n' : ',\n'}    ${indent(JSON.stringify(r, null, 2), '    ')}`);
      first = false;
    },
    end(s) {
      const summary = { articles: s.articles, findings: s.findings, ...s.bySeverity, errors: s.errors.length };
      io.stdout(`${first ? '' : '\n  '}],\n  "errors": ${indent(JSON.stringify(s.errors, null, 2), '  ')},\n  "summary": ${indent(JSON.stringify(summary, null, 2), '  ')}\n}\n`);
    },
  };
}

/** Indents every line but the first (the caller places the first). */
export function indent(text: string, by: string): string {
  return text.replace(/\n/g, `\n${by}`);
}
