/**
 * Entry point of the bundled language server (`dist/server.js`). The transport comes
 * from the command line: `--stdio` for any LSP editor, `--node-ipc` from the VS Code client.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

startServer(createConnection(ProposedFeatures.all));
