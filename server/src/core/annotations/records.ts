/**
 * The claims of articles as data-set records (JSON Lines or CSV): every claim, tagged or not,
 * plus tags whose text no longer makes a claim and orphaned tags. Positions are 1-based line and
 * column (UTF-16, as editors count) and `start`/`end` in code points (as the W3C selectors and
 * Python's string indices count).
 */
import { LineIndex, utf16ToCodePoints } from '../positions';
import type { Claim } from '../model';
import type { PlacedTag } from './attach';
import type { TaggedArticle } from './claimReview';
import { sentenceAround } from './claimReview';

/** One record. Absent values are empty strings in CSV and null in JSON Lines. */
export interface ClaimRecord {
  readonly file: string;
  /** `claim` (untagged or tagged), `tag` (its text makes no claim now) or `orphan` (its text is gone). */
  readonly kind: 'claim' | 'tag' | 'orphan';
  readonly line: number | null;
  readonly column: number | null;
  readonly start: number | null;
  readonly end: number | null;
  readonly text: string;
  readonly sentence: string | null;
  readonly subject: string | null;
  readonly subject_id: string | null;
  readonly property: string | null;
  readonly value: number | string | readonly string[] | null;
  readonly qualifiers: Readonly<Record<string, string>> | null;
  readonly rating: string | null;
  readonly annotator: string | null;
  readonly comment: string | null;
  readonly annotation_id: string | null;
}

/** The columns, in order (CSV header). */
export const RECORD_COLUMNS: readonly (keyof ClaimRecord)[] = [
  'file', 'kind', 'line', 'column', 'start', 'end', 'text', 'sentence', 'subject', 'subject_id', 'property', 'value', 'qualifiers', 'rating', 'annotator', 'comment', 'annotation_id',
];

/** The records of one article, in text order (orphans last). */
export function claimRecords(tagged: TaggedArticle): ClaimRecord[] {
  const { article, file } = tagged;
  const lines = new LineIndex(article.text);
  const byClaim = new Map<Claim, PlacedTag>();
  for (const t of tagged.tags) if (t.claim) byClaim.set(t.claim, t);
  const located = (start: number, end: number) => {
    const at = lines.positionAt(start);
    return { line: at.line + 1, column: at.character + 1, start: utf16ToCodePoints(article.text, start), end: utf16ToCodePoints(article.text, end) };
  };
  const tagFields = (t: PlacedTag | undefined) => ({
    rating: t?.tag.rating ?? null,
    annotator: t ? (t.tag.ratedBy ?? t.tag.commentBy ?? t.tag.creator) || null : null,
    comment: t?.tag.comment ?? null,
    annotation_id: t?.annotation.id ?? null,
  });
  const out: { at: number; record: ClaimRecord }[] = [];
  for (const claim of article.claims) {
    const placed = byClaim.get(claim);
    out.push({
      at: claim.start,
      record: {
        file, kind: 'claim', ...located(claim.start, claim.end),
        text: article.text.slice(claim.start, claim.end),
        sentence: sentenceAround(article, claim),
        subject: claim.subjectName, subject_id: claim.subjectId ?? null, property: claim.property, value: claim.value, qualifiers: claim.qualifiers,
        ...tagFields(placed),
      },
    });
  }
  for (const t of tagged.tags) {
    if (t.claim) continue;
    const empty = { subject: null, subject_id: null, property: t.tag.property ?? null, value: null, qualifiers: null };
    if (t.anchor.kind === 'anchored') {
      const { start, end } = t.anchor;
      out.push({ at: start, record: { file, kind: 'tag', ...located(start, end), text: article.text.slice(start, end), sentence: sentenceAround(article, t.anchor), ...empty, ...tagFields(t) } });
    } else {
      out.push({ at: Infinity, record: { file, kind: 'orphan', line: null, column: null, start: null, end: null, text: t.tag.exact, sentence: null, ...empty, ...tagFields(t) } });
    }
  }
  return out.sort((a, b) => a.at - b.at).map((r) => r.record);
}

/** Records as JSON Lines: one object per line. */
export function toJsonLines(records: readonly ClaimRecord[]): string {
  return records.map((r) => `${JSON.stringify(r)}\n`).join('');
}

/** Records as CSV (RFC 4180: CRLF line ends, quotes doubled); lists are joined with "; ", qualifiers as JSON. */
export function toCsv(records: readonly ClaimRecord[]): string {
  const rows = [RECORD_COLUMNS.join(',')];
  for (const r of records) rows.push(RECORD_COLUMNS.map((c) => csvField(cell(r[c]))).join(','));
  return `${rows.join('\r\n')}\r\n`;
}

function cell(value: ClaimRecord[keyof ClaimRecord]): string {
  if (value === null) return '';
  if (Array.isArray(value)) return value.join('; ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
