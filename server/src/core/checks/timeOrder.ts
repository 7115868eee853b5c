/**
 * Whether two values of the same claim, stated on two dates, can both be right. Cumulative
 * figures only grow, so an earlier article may give a smaller figure; other values (a year
 * joined, a contract's end on the same date) must be equal. Unknown dates decide nothing.
 */
import type { ArticleDate, Claim } from '../model';
import { parseAnyDate } from '../kb';
import { CUMULATIVE } from './claimKey';

export function compatible(property: Claim['property'], a: Claim['value'], aDate: ArticleDate | undefined, b: Claim['value'], bDate: ArticleDate | undefined): boolean {
  if (String(a) === String(b)) return true;
  if (property === 'joined' || property === 'left') return false;
  const da = aDate ? parseAnyDate(aDate.value) : undefined;
  const db = bDate ? parseAnyDate(bDate.value) : undefined;
  if (!da || !db) return true;
  // A contract may be renewed between two dates; on the same date both must agree.
  if (property === 'contract-end') return da.end !== db.end;
  if (!CUMULATIVE.has(property) || typeof a !== 'number' || typeof b !== 'number') return true;
  if (da.end < db.start) return a <= b;
  if (db.end < da.start) return a >= b;
  return false;
}
