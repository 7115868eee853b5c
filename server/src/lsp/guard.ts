/**
 * Handlers never throw and never answer stale work: a cancelled request gets the empty
 * result, and an unexpected error is logged once to the output channel with the request's
 * name, then answered with the empty result so the editor carries on.
 */
import type { CancellationToken, Connection } from 'vscode-languageserver';

export type Guard = <T>(name: string, empty: T, token: CancellationToken | undefined, work: () => T | Promise<T>) => Promise<T>;

export function makeGuard(connection: Connection): Guard {
  return async (name, empty, token, work) => {
    if (token?.isCancellationRequested) return empty;
    try {
      const result = await work();
      return token?.isCancellationRequested ? empty : result;
    } catch (error) {
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
      connection.console.error(`Touchline could not answer ${name}; it returned an empty result instead.\n${detail}`);
      return empty;
    }
  };
}
