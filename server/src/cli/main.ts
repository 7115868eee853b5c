/** `touchline`: the command-line interface (`dist/cli.js`). */
import { runAnnotate } from './annotate';
import { runCheck } from './check';
import { runKbCommand } from './kb';
import { EXIT, type Io } from './io';
import { version } from '../../../package.json';

const HELP = `Usage: touchline <command> [options]

Commands:
  check <files or folders…>     Check articles; exit 1 when there are findings
  annotate <files…>             Print the analysis model as JSON
  kb import openfootball <dir>  Convert openfootball club lists into a knowledge base
  kb import wikidata <json>     Convert Wikidata SPARQL results (P54 stints) into one
  kb validate <files…>          Check knowledge-base files; errors with line and column

Run "touchline <command> --help" for a command's options.`;

export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'check':
      return runCheck(rest, io);
    case 'annotate':
      return runAnnotate(rest, io);
    case 'kb':
      return runKbCommand(rest, io);
    case '--version':
    case '-v':
      io.stdout(`${version}\n`);
      return EXIT.ok;
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      io.stdout(`${HELP}\n`);
      return command === undefined ? EXIT.usage : EXIT.ok;
    default:
      io.stderr(`touchline: unknown command "${command}".\n\n${HELP}\n`);
      return EXIT.usage;
  }
}

// Run only as the bundled entry point, not when imported by tests.
if (require.main === module) {
  const io: Io = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`touchline: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = EXIT.usage;
    },
  );
}
