/**
 * What the commands share: parsing options with `node:util`'s parser, the options every
 * analysing command accepts (`--lang`, `--kb`, `--config`, `--no-config`), and reading
 * `touchline.json` with its problems reported the CLI's way.
 */
import { statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { RULES } from '../core/checks';
import type { Severity } from '../core/findings';
import { findConfig, formatConfigDiagnostic, loadConfig, resolveConfig, type ResolvedConfig } from '../host/config';
import { EXIT, type Io } from './io';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Options understood by every command that analyses articles. */
export const ANALYSIS_OPTIONS = {
  lang: { type: 'string' },
  kb: { type: 'string', multiple: true },
  config: { type: 'string' },
  'no-config': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Options;

/** Help lines for ANALYSIS_OPTIONS, the same in every command's help. */
export const ANALYSIS_HELP = `  --lang auto|en|it    Language of the articles (default: touchline.json, else auto)
  --kb FILE            Extra knowledge-base file (YAML or JSON); repeatable
  --config FILE        Configuration file (default: the nearest touchline.json from the
                       working folder upwards)
  --no-config          Ignore touchline.json
  -h, --help           Show this help`;

export type ParsedArgs<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>>;

/**
 * Parses `args`; on `--help` prints `help` and returns the exit code, on a usage error
 * prints it with the help and returns the exit code. Otherwise returns the parsed values.
 */
export function parseCommand<O extends Options>(command: string, help: string, args: string[], options: O, io: Io): ParsedArgs<O> | number {
  let parsed: ParsedArgs<O>;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    return usage(command, (error as Error).message.replace(/\. To specify a positional argument.*$/s, '.'), help, io);
  }
  if ((parsed.values as { help?: boolean }).help) {
    io.stdout(`${help}\n`);
    return EXIT.ok;
  }
  return parsed;
}

/** Prints a usage error (with the help) and returns the usage exit code. */
export function usage(command: string, message: string, help: string, io: Io): number {
  io.stderr(`${command}: ${message}\n\n${help}\n`);
  return EXIT.usage;
}

export function isSeverity(s: string | undefined): s is Severity {
  return s === 'error' || s === 'warning' || s === 'information' || s === 'hint';
}

export function isLanguage(s: string | undefined): s is 'auto' | 'en' | 'it' {
  return s === 'auto' || s === 'en' || s === 'it';
}

/** The ids of every rule, for messages. */
export function ruleIds(): string {
  return RULES.map((r) => r.id).join(', ');
}

export interface Workspace {
  /** Settings from touchline.json (or the defaults) with the command's options applied. */
  readonly resolved: ResolvedConfig;
  /** The configuration file used, if any. */
  readonly configPath?: string;
  /** Its folder (the workspace root), else the working folder. */
  readonly root: string;
  /** True when the configuration file had errors (reported on stderr). */
  readonly configErrors: boolean;
}

/**
 * Finds and reads touchline.json (unless `--no-config`), reports its problems on stderr
 * (warnings unless `quiet`), and applies `--lang` and `--kb` on top. Returns an exit code when
 * an explicitly named `--config` file cannot be read.
 */
export function openWorkspace(
  command: string,
  values: { lang?: string; kb?: string[]; config?: string; 'no-config'?: boolean },
  io: Io,
  quiet = false,
): Workspace | number {
  const cwd = io.cwd ?? process.cwd();
  const explicit = values.config !== undefined ? resolve(cwd, values.config) : undefined;
  const configPath = values['no-config'] ? undefined : explicit ?? findConfig(cwd);
  const loaded = configPath !== undefined ? loadConfig(configPath) : undefined;
  let configErrors = false;
  if (loaded) {
    if (explicit !== undefined && !isFile(explicit)) {
      io.stderr(`${command}: cannot read the configuration file ${values.config}.\n`);
      return EXIT.usage;
    }
    for (const d of loaded.diagnostics) {
      if (d.severity === 'error') configErrors = true;
      else if (quiet) continue;
      io.stderr(`${formatConfigDiagnostic(display(configPath!, cwd), d)}\n`);
    }
  }
  const fromFile = resolveConfig(loaded);
  const resolved: ResolvedConfig = {
    ...fromFile,
    analysis: { ...fromFile.analysis, ...(values.lang !== undefined && isLanguage(values.lang) ? { language: values.lang } : {}) },
    knowledgeBasePaths: [...fromFile.knowledgeBasePaths, ...(values.kb ?? []).map((p) => resolve(cwd, p))],
  };
  return { resolved, root: loaded ? loaded.dir : cwd, configErrors, ...(configPath !== undefined ? { configPath } : {}) };
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** A path as printed: relative to the working folder when under it, else absolute. */
export function display(file: string, cwd: string): string {
  const abs = resolve(cwd, file);
  const rel = relative(cwd, abs);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : abs;
}
