/**
 * Entry point of the bundled language server (`dist/server.js`). The transport comes
 * from the command line: `--stdio` for any LSP editor, `--node-ipc` from the VS Code client.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

const connection = createConnection(ProposedFeatures.all);
// A promise nobody awaited must not take the server down (Node ends the process on an
// unhandled rejection): log it where the user can find it and carry on.
process.on('unhandledRejection', (reason) => {
  connection.console.error(`Touchline hit an unexpected error and carried on: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`);
});
startServer(connection);
