// Entry point of the extension-host suites. `run()` is the shape @vscode/test-electron's
// extensionTestsPath expects; the companion extension calls `runAndReport` itself in code-server.
//
//   TOUCHLINE_E2E_RESULTS  file to write the RunReport JSON to (progress lines go to FILE.log)
//   TOUCHLINE_E2E_SUITES   comma-separated suite names (default: features)
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { type RunReport, type TestResult, runSuites } from './harness';
import './features.test';
import './restricted.test';
import './tagging.test';
import './navigation.test';

const DEFAULT_SUITES = ['features'];

/** Runs the selected suites and, when `resultsFile` is given, writes the report there atomically. */
export async function runAndReport(resultsFile: string | undefined): Promise<RunReport> {
  const suites = (process.env.TOUCHLINE_E2E_SUITES ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const selected = suites.length > 0 ? suites : DEFAULT_SUITES;
  const progress = (line: string) => {
    if (resultsFile) fs.appendFileSync(`${resultsFile}.log`, `${line}\n`);
  };
  progress(`started suites ${selected.join(',')} in VS Code ${vscode.version}`);
  let results: TestResult[];
  try {
    results = await runSuites(selected, (r) => progress(JSON.stringify(r)));
  } catch (e) {
    // A broken selection or runner must still produce a report, or the harness waits for nothing.
    results = [{ suite: 'harness', name: 'run the suites', passed: false, error: String(e), durationMs: 0 }];
  }
  const failed = results.filter((r) => !r.passed).length;
  const report: RunReport = { vscodeVersion: vscode.version, suites: selected, results, passed: results.length - failed, failed };
  if (resultsFile) {
    fs.writeFileSync(`${resultsFile}.tmp`, JSON.stringify(report, null, 2));
    fs.renameSync(`${resultsFile}.tmp`, resultsFile);
  }
  return report;
}

/** @vscode/test-electron entry point: rejects when any test failed. */
export async function run(): Promise<void> {
  const report = await runAndReport(process.env.TOUCHLINE_E2E_RESULTS);
  for (const r of report.results) console.log(`${r.passed ? 'ok  ' : 'FAIL'} ${r.suite} › ${r.name} (${r.durationMs} ms)${r.error ? `\n     ${r.error}` : ''}`);
  if (report.failed > 0) throw new Error(`${report.failed} of ${report.results.length} end-to-end tests failed`);
}
