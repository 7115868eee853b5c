/**
 * SARIF 2.1.0 output of `touchline check`, for code-scanning tools: one run whose driver lists
 * every rule (description, help, default level), results with their rule, level, message and
 * region (1-based lines, columns in UTF-16 code units as `columnKind` says), related places,
 * and an invocation recording severity overrides and unreadable inputs. Artifact URIs are
 * relative to the working folder (`%SRCROOT%`), or absolute `file:` URIs outside it. Written
 * as results arrive.
 */
import { isAbsolute, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RuleOverrides, RuleMeta } from '../core/checks';
import type { Severity } from '../core/findings';
import type { Io } from './io';
import { indent, type ReportedFinding, type Reporter } from './reporters';

/** The published schema of SARIF 2.1.0 (OASIS Standard, with errata 01). */
export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

export const SRCROOT = '%SRCROOT%';

type Level = 'error' | 'warning' | 'note';

const LEVEL: Readonly<Record<Severity, Level>> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export interface SarifOptions {
  readonly rules: readonly RuleMeta[];
  /** Severity overrides from touchline.json and --rule. */
  readonly overrides: RuleOverrides;
  readonly version: string;
  /** The working folder: `%SRCROOT%`. */
  readonly cwd: string;
}

export function sarifReporter(io: Io, options: SarifOptions): Reporter {
  const ruleIndex = new Map(options.rules.map((r, i) => [r.id, i]));
  let first = true;
  return {
    begin() {
      const run = {
        tool: { driver: driver(options) },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(options.cwd.endsWith(sep) ? options.cwd : options.cwd + sep).href } },
        columnKind: 'utf16CodeUnits',
      };
      const head = JSON.stringify(run, null, 2);
      // Everything of the run but its closing brace, then the results array.
      io.stdout(`{\n  "$schema": "${SARIF_SCHEMA_URI}",\n  "version": "2.1.0",\n  "runs": [\n    ${indent(head.slice(0, head.lastIndexOf('\n')), '    ')},\n      "results": [`);
    },
    file(r) {
      for (const f of r.findings) {
        io.stdout(`${first ? '\n' : ',\n'}        ${indent(JSON.stringify(result(r.file, f, ruleIndex), null, 2), '        ')}`);
        first = false;
      }
    },
    end(s) {
      const invocation = {
        executionSuccessful: s.errors.length === 0,
        ...overridesOf(options, ruleIndex),
        ...(s.errors.length > 0
          ? { toolExecutionNotifications: s.errors.map((message) => ({ level: 'error', message: { text: message } })) }
          : {}),
      };
      io.stdout(`${first ? '' : '\n      '}],\n      "invocations": [\n        ${indent(JSON.stringify(invocation, null, 2), '        ')}\n      ]\n    }\n  ]\n}\n`);
    },
  };
}

function driver(options: SarifOptions): object {
  return {
    name: 'Touchline',
    version: options.version,
    semanticVersion: options.version,
    rules: options.rules.map((r) => ({
      id: r.id,
      name: r.id.replace(/(^|-)([a-z])/g, (_m, _d: string, c: string) => c.toUpperCase()),
      shortDescription: { text: r.description },
      fullDescription: { text: `${r.description} Default severity: ${r.defaultSeverity}.` },
      help: {
        text: `${r.description} Change its severity or turn it off in touchline.json ("rules": {"${r.id}": "error" | "warning" | "information" | "hint" | "off"}), with --rule ${r.id}=… on the command line, or with the touchline.rules setting in VS Code.`,
      },
      defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
      properties: { defaultSeverity: r.defaultSeverity },
    })),
  };
}

/** Rules whose severity differs from their default in this run. */
function overridesOf(options: SarifOptions, ruleIndex: ReadonlyMap<string, number>): object {
  const list = [];
  for (const [id, severity] of Object.entries(options.overrides)) {
    const index = ruleIndex.get(id);
    if (index === undefined) continue;
    const configuration = severity === 'off' ? { enabled: false } : { level: LEVEL[severity], properties: { severity } };
    list.push({ descriptor: { id, index }, configuration });
  }
  return list.length > 0 ? { ruleConfigurationOverrides: list } : {};
}

function result(file: string, f: ReportedFinding, ruleIndex: ReadonlyMap<string, number>): object {
  const index = ruleIndex.get(f.rule);
  return {
    ruleId: f.rule,
    ...(index !== undefined ? { ruleIndex: index } : {}),
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [{ physicalLocation: physical(file, f) }],
    ...(f.related && f.related.length > 0
      ? { relatedLocations: f.related.map((r, i) => ({ id: i + 1, physicalLocation: physical(r.file, r), message: { text: r.message } })) }
      : {}),
    properties: { severity: f.severity },
  };
}

function physical(file: string, at: { line?: number; column?: number; endLine?: number; endColumn?: number; start: number; end: number }): object {
  const region = at.line !== undefined
    ? { startLine: at.line, startColumn: at.column, endLine: at.endLine, endColumn: at.endColumn, charOffset: at.start, charLength: at.end - at.start }
    : { charOffset: at.start, charLength: at.end - at.start };
  return { artifactLocation: artifactLocation(file), region };
}

/** A display path (relative to the working folder, or absolute) as a SARIF artifact location. */
export function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  if (isAbsolute(file)) return { uri: pathToFileURL(file).href };
  return { uri: file.split(sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}
