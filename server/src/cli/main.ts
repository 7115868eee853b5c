/**
 * `touchline`: the command-line interface (`dist/cli.js`). Each command is a module with a
 * `run(args, io)` returning the exit code and its own `--help`. The same bundle is the entry
 * point of the worker threads of `touchline check --jobs N`.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { runAnnotate } from './annotate';
import { runCheck } from './check';
import { runWorker, WORKER_KIND, type WorkerInit } from './checkRunner';
import { runExport } from './export';
import { runKbCommand } from './kb';
import { EXIT, processIo, type Io } from './io';
import { version } from '../../../package.json';

interface Command {
  /** Usage lines for the overview, each `args  summary`. */
  readonly usage: readonly (readonly [string, string])[];
  readonly run: (args: string[], io: Io) => Promise<number> | number;
}

/** Every command. */
const COMMANDS: Readonly<Record<string, Command>> = {
  check: {
    usage: [['check <files, folders or globs…>', 'Check articles; exit 1 on findings (text, json or sarif)']],
    run: runCheck,
  },
  annotate: {
    usage: [['annotate <files…>', 'Print the analysis model as JSON']],
    run: runAnnotate,
  },
  export: {
    usage: [
      ['export claimreview <paths…>', 'schema.org ClaimReview JSON-LD of the rated claims'],
      ['export annotations --format jsonl|csv <paths…>', 'Every claim with its tag and position, for data sets'],
    ],
    run: runExport,
  },
  kb: {
    usage: [
      ['kb import openfootball <dir>', 'Convert openfootball club lists into a knowledge base'],
      ['kb import wikidata <json>', 'Convert Wikidata SPARQL results (P54 stints) into one'],
      ['kb validate <files…>', 'Check knowledge-base files; errors with line and column'],
    ],
    run: runKbCommand,
  },
};

function help(): string {
  const rows = Object.values(COMMANDS).flatMap((c) => c.usage);
  const width = Math.max(...rows.map(([u]) => u.length)) + 2;
  return `Usage: touchline <command> [options]

Commands:
${rows.map(([u, s]) => `  ${u.padEnd(width)}${s}`).join('\n')}

Options:
  -h, --help      Show this help
  -v, --version   Show the version

Run "touchline <command> --help" for a command's options. Settings shared with the editor
are read from touchline.json (the nearest one from the working folder upwards).`;
}

export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== undefined && Object.hasOwn(COMMANDS, command)) return COMMANDS[command]!.run(rest, io);
  switch (command) {
    case '--version':
    case '-v':
      io.stdout(`${version}\n`);
      return EXIT.ok;
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      io.stdout(`${help()}\n`);
      return command === undefined ? EXIT.usage : EXIT.ok;
    default:
      io.stderr(`touchline: unknown command "${command}".\n\n${help()}\n`);
      return EXIT.usage;
  }
}

function isWorkerInit(data: unknown): data is WorkerInit {
  return typeof data === 'object' && data !== null && (data as { kind?: unknown }).kind === WORKER_KIND;
}

if (!isMainThread && parentPort && isWorkerInit(workerData)) {
  // A worker thread of `touchline check --jobs N`.
  void runWorker(workerData, parentPort);
} else if (require.main === module) {
  // Run only as the bundled entry point, not when imported by tests.
  main(process.argv.slice(2), processIo()).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`touchline: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = EXIT.usage;
    },
  );
}
