/**
 * The article's own date: a header on the first line (`date 2024-04-19`, `date 2025-01`),
 * or a date given in a setting.
 */
import type { ArticleDate } from '../model';
import { parseDateValue, parseIsoDate } from './value';

/**
 * Optional BOM, horizontal whitespace, `date` (or Italian `data`, any case, optional colon),
 * whitespace, then the value, which must end the line or be followed by a space or `,;.`.
 * Sticky and bounded: it only ever looks at the first few dozen characters.
 */
const HEADER_RE = /\uFEFF?[ \t\u00A0]{0,64}(?:date|data):?[ \t\u00A0]{1,16}(\d{4}(?:-\d{1,2}){0,2})(?=$|[\s,;.])/iy;

/**
 * The article date from a first line such as ` date 2024-04-19 Advertisement` or
 * `date 2025-01`: day, month or year precision, with the span of the value. Undefined when
 * the first line is not a header or its value is not a real date (`date 2024-13-45`,
 * `date foo`). Never throws.
 */
export function parseDateHeader(text: string): ArticleDate | undefined {
  if (typeof text !== 'string') return undefined;
  HEADER_RE.lastIndex = 0;
  const m = HEADER_RE.exec(text);
  if (!m || m[1] === undefined) return undefined;
  const raw = m[1];
  if (!/^\d{4}(?:-\d{2}){0,2}$/.test(raw)) return undefined;
  const parsed = parseDateValue(raw);
  if (!parsed) return undefined;
  const start = m.index + m[0].length - raw.length;
  return { value: raw, precision: parsed.precision, source: 'header', span: { start, end: start + raw.length } };
}

/**
 * The article date from a setting (`2024-04-19`, `2024-04`, `2024`, `2024-W16`,
 * `2021/2022`; see {@link parseIsoDate}). Undefined when absent or malformed.
 */
export function parseDateSetting(value: string | undefined): ArticleDate | undefined {
  if (value === undefined) return undefined;
  const parsed = parseIsoDate(value);
  return parsed ? { ...parsed, source: 'setting' } : undefined;
}

/** The article date: the header's when there is one, else the setting's, else undefined. */
export function articleDate(text: string, setting?: string): ArticleDate | undefined {
  return parseDateHeader(text) ?? parseDateSetting(setting);
}
