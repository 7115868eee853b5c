/** Diagnostics of a `touchline.json` as it is edited, with the CLI's validation. */
import { fileURLToPath } from 'node:url';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { parseConfig } from '../../host/config';
import { LineIndex } from '../../core/positions';
import { toRange } from '../convert';

export function configDiagnostics(uri: string, text: string): Diagnostic[] {
  const lines = new LineIndex(text);
  return parseConfig(text, uri.startsWith('file:') ? fileURLToPath(uri) : uri).diagnostics.map((d) => ({
    range: toRange(lines, d),
    severity: d.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: 'config',
    source: 'touchline',
    message: d.message,
  }));
}
