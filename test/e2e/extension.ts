// Companion test extension. Installed next to Touchline in code-server (where a development
// extension and extensionTestsPath cannot be loaded), it activates on startup and, only when the
// harness set TOUCHLINE_E2E_RESULTS, runs the suites and writes the report to that file.
import { runAndReport } from './suite/index';

export function activate(): void {
  const resultsFile = process.env.TOUCHLINE_E2E_RESULTS;
  if (!resultsFile) return;
  // Not awaited: activation must finish so the workbench (and Touchline) carry on starting.
  void runAndReport(resultsFile).catch((e: unknown) => console.error("touchline-e2e: could not run the suites", e));
}

export function deactivate(): void {}
