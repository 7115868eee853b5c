/** Every consistency rule, in the order they run. */
import type { Rule } from './rule';
import { unattributedQuote } from './unattributedQuote';

export const RULES: readonly Rule[] = [unattributedQuote];
