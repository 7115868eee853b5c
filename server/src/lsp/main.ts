/**
 * Entry point of the bundled language server (`dist/server.js`). The transport comes
 * from the command line: `--stdio` for any LSP editor, `--node-ipc` from the VS Code client.
 * The same file runs the workspace index's worker threads.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { isIndexWorkerInit, runIndexWorker } from './indexWorkers';
import { startServer } from './server';

if (!isMainThread && isIndexWorkerInit(workerData) && parentPort) {
  runIndexWorker(workerData, parentPort);
} else {
  const connection = createConnection(ProposedFeatures.all);
  // A promise nobody awaited must not take the server down (Node ends the process on an
  // unhandled rejection): log it where the user can find it and carry on.
  process.on('unhandledRejection', (reason) => {
    connection.console.error(`Touchline hit an unexpected error and carried on: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`);
  });
  startServer(connection);
}
