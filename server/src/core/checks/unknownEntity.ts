/** `unknown-entity`: a name the knowledge base does not know (a hint, with a quick fix that adds it). */
import type { Finding } from '../findings';
import type { EntityType } from '../model';
import type { Rule } from './rule';

/** The payload the "add to the knowledge base" quick fix reads. */
export interface UnknownEntityData {
  readonly name: string;
  readonly type: EntityType;
}

export const unknownEntity: Rule = {
  id: 'unknown-entity',
  defaultSeverity: 'hint',
  description: 'A name that is not in the knowledge base.',
  check(article): Finding[] {
    const seen = new Set<string>();
    const out: Finding[] = [];
    for (const e of article.entities) {
      if (e.entityId || e.kind !== 'name' || seen.has(e.key)) continue;
      seen.add(e.key);
      const message =
        article.language === 'it'
          ? `${e.text} non è nella base di conoscenza.`
          : `${e.text} is not in the knowledge base.`;
      const data: UnknownEntityData = { name: e.text, type: e.type };
      out.push({ start: e.start, end: e.end, rule: this.id, severity: this.defaultSeverity, message, data });
    }
    return out;
  },
};
