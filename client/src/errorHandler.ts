/**
 * When the server dies, restart it and tell the user once, instead of the default stream
 * of error pop-ups. After repeated crashes in a short time, stop and say where to look.
 */
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, type CloseHandlerResult, type ErrorHandler, type ErrorHandlerResult } from 'vscode-languageclient/node';

const WINDOW_MS = 3 * 60 * 1000;
const MAX_RESTARTS = 5;

export class RestartingErrorHandler implements ErrorHandler {
  private readonly restarts: number[] = [];
  private told = false;

  constructor(private readonly output: vscode.LogOutputChannel) {}

  error(): ErrorHandlerResult {
    return { action: ErrorAction.Continue, handled: true };
  }

  closed(): CloseHandlerResult {
    const now = Date.now();
    while (this.restarts.length > 0 && now - this.restarts[0]! > WINDOW_MS) this.restarts.shift();
    this.restarts.push(now);
    if (this.restarts.length > MAX_RESTARTS) {
      const message = `Touchline's language server stopped ${MAX_RESTARTS} times in three minutes and will not be restarted. The Touchline output has the details; run "Touchline: Restart Language Server" to try again.`;
      this.output.error(message);
      void vscode.window.showErrorMessage(message, 'Show Output').then((c) => c && this.output.show(true));
      return { action: CloseAction.DoNotRestart, handled: true };
    }
    this.output.warn('The Touchline language server stopped unexpectedly; restarting it.');
    if (!this.told) {
      this.told = true;
      void vscode.window.showWarningMessage('Touchline\'s language server stopped unexpectedly and was restarted. Hovers and checks are back.');
    }
    return { action: CloseAction.Restart, handled: true };
  }
}
