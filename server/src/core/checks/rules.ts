/** Every consistency rule, in the order they run. */
import type { Rule } from './rule';
import { crossArticle } from './crossArticle';
import { internalConsistency } from './internalConsistency';
import { kbMismatch } from './kbMismatch';
import { listMismatch } from './listMismatch';
import { unattributedQuote } from './unattributedQuote';
import { unknownEntity } from './unknownEntity';

export const RULES: readonly Rule[] = [kbMismatch, crossArticle, internalConsistency, listMismatch, unattributedQuote, unknownEntity];
