/** `list-mismatch`: a team listed among those a person coached or played for that the knowledge base's complete list lacks. */
import type { Finding } from '../findings';
import { namesFrom } from './messages';
import type { Rule } from './rule';

export const listMismatch: Rule = {
  id: 'list-mismatch',
  defaultSeverity: 'warning',
  description: 'A listed team is missing from the knowledge base\'s complete list of a person\'s teams.',
  check(article, env): Finding[] {
    const kb = env.kb;
    if (!kb) return [];
    const asOf = article.date && !article.date.value.includes('X') ? article.date.value : undefined;
    const nameOf = namesFrom(kb, article.language);
    const out: Finding[] = [];
    for (const claim of article.claims) {
      if ((claim.property !== 'coached' && claim.property !== 'played-for') || !claim.subjectId || !claim.items) continue;
      const role = claim.property === 'coached' ? 'coach' : 'player';
      const list = kb.teamsOf(claim.subjectId, role, asOf ? { asOf } : {});
      if (!list.complete) continue;
      const known = new Set(list.teams.map((t) => t.team.id));
      const subject = kb.entity(claim.subjectId)?.name ?? claim.subjectName;
      const names = list.teams.map((t) => nameOf(t.team.id)).join(', ');
      for (const item of claim.items) {
        const id = kb.resolveId(item.id) ?? item.id;
        if (known.has(id)) continue;
        const message =
          article.language === 'it'
            ? `Secondo la base di conoscenza ${subject} ha ${role === 'coach' ? 'allenato' : 'giocato con'} solo: ${names}. ${item.text} non è tra queste squadre.`
            : `The knowledge base's complete list of teams ${subject} ${role === 'coach' ? 'coached' : 'played for'} is: ${names}. ${item.text} is not among them.`;
        out.push({ start: item.start, end: item.end, rule: this.id, severity: this.defaultSeverity, message, data: { claimId: claim.id, team: id } });
      }
    }
    return out;
  },
};
