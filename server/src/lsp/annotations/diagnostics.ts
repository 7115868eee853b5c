/**
 * Tag diagnostics. On the article, at its top: each orphaned tag (its text is gone; the tag is
 * kept in the sidecar), and a sidecar that could not be read fully. On the sidecar itself: each
 * problem, with its line and column.
 */
import { basename } from 'node:path';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { ratingById } from '../../core/annotations/ratings';
import { LineIndex } from '../../core/positions';
import { toRange } from '../convert';
import type { PlacedArticle } from './placed';
import type { SidecarState } from './store';

/** Code of an orphaned tag's diagnostic. */
export const ORPHAN_CODE = 'annotation-orphan';
/** Code of the diagnostic saying a sidecar could not be read fully. */
export const SIDECAR_CODE = 'annotation-file';

/** The `data` of an orphan diagnostic. */
export interface OrphanData {
  readonly annotationId: string;
  readonly exact: string;
  readonly sidecarName: string;
}

export function articleTagDiagnostics(placed: PlacedArticle): Diagnostic[] {
  const sidecar = placed.entry?.sidecar;
  if (!sidecar) return [];
  const top = toRange(placed.lines, { start: 0, end: placed.lines.lineEnd(0) });
  const name = basename(sidecar.path);
  const out: Diagnostic[] = [];
  if (sidecar.file.kind === 'unreadable') {
    out.push(warning(top, SIDECAR_CODE, `Touchline could not read this article's tags file ${name} (${sidecar.file.message}); its tags are not shown.`));
  } else if (sidecar.content.problems.length > 0 && sidecar.file.kind === 'text') {
    const first = sidecar.content.problems[0]!;
    const at = new LineIndex(sidecar.file.text).positionAt(first.start);
    const more = sidecar.content.problems.length > 1 ? ` and ${sidecar.content.problems.length - 1} more` : '';
    out.push(
      warning(
        top,
        SIDECAR_CODE,
        `This article's tags file ${name} has a problem at line ${at.line + 1}, column ${at.character + 1}: ${first.message}${more} Touchline shows the tags it could read and will not change the file until it is fixed.`,
      ),
    );
  }
  for (const t of placed.tags) {
    if (t.anchor.kind !== 'orphan') continue;
    const rating = t.tag.rating ? ratingById(t.tag.rating) : undefined;
    const what = rating ? `tagged “${rating.label.en}”` : 'commented on';
    const who = t.tag.ratedBy ?? t.tag.commentBy ?? t.tag.creator;
    const when = (t.tag.ratedAt ?? t.tag.modified).slice(0, 10);
    const data: OrphanData = { annotationId: t.annotation.id, exact: t.tag.exact, sidecarName: name };
    out.push({
      ...warning(
        top,
        ORPHAN_CODE,
        `Orphaned tag: “${t.tag.exact}” (${what}${who ? ` by ${who}` : ''}${when ? ` on ${when}` : ''}) is no longer in the article. The tag is kept in ${name}: restore the text, or delete the tag with the quick fix.`,
      ),
      data,
    });
  }
  return out;
}

/** The problems of a sidecar file, located in it. */
export function sidecarDiagnostics(sidecar: SidecarState): Diagnostic[] {
  if (sidecar.file.kind !== 'text') return [];
  const lines = new LineIndex(sidecar.file.text);
  return sidecar.content.problems.map((p) => ({
    range: toRange(lines, p),
    severity: DiagnosticSeverity.Error,
    source: 'touchline',
    code: SIDECAR_CODE,
    message: `${p.message} Touchline will not change this file until it is fixed.`,
  }));
}

function warning(range: Diagnostic['range'], code: string, message: string): Diagnostic {
  return { range, severity: DiagnosticSeverity.Warning, source: 'touchline', code, message };
}
