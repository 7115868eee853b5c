/**
 * The hover card of a linked entity: canonical name, type, description, team and role as
 * of the article's date, statistics per stint and honours per competition counted as of
 * that date, each with its source and as-of date. Markdown in the article's language.
 */
import type { KbFigure, KbHonour, KbSource, KbStatistic, KnowledgeBase } from '../kb';
import type { Article, Language } from '../model';
import { namesFrom } from '../checks/messages';
import { escapeMarkdown } from './markdown';

const WORDS = {
  en: {
    person: 'person', team: 'team', competition: 'competition', place: 'place', organization: 'organization',
    asOf: (d: string) => `as of ${d}`, latest: 'latest known', statistics: 'Statistics', honours: 'Honours', records: 'Records',
    appearances: 'appearances', goals: 'goals', assists: 'assists', matches: 'matches', all: 'all competitions', league: 'league only',
    player: 'player', coach: 'coach', 'assistant-coach': 'assistant coach', president: 'president', director: 'director',
    at: (role: string, team: string, since?: string) => `${role} at ${team}${since ? ` since ${since}` : ''}`,
    contract: (until: string) => `contract until ${until}`, final: 'final', atLeast: 'at least', source: 'source', with: 'with',
    noDate: 'The article has no date: figures are the latest known.',
  },
  it: {
    person: 'persona', team: 'squadra', competition: 'competizione', place: 'luogo', organization: 'organizzazione',
    asOf: (d: string) => `al ${d}`, latest: 'ultimo dato noto', statistics: 'Statistiche', honours: 'Trofei', records: 'Record',
    appearances: 'presenze', goals: 'gol', assists: 'assist', matches: 'partite', all: 'tutte le competizioni', league: 'solo campionato',
    player: 'giocatore', coach: 'allenatore', 'assistant-coach': 'vice allenatore', president: 'presidente', director: 'dirigente',
    at: (role: string, team: string, since?: string) => `${role} del ${team}${since ? ` dal ${since}` : ''}`,
    contract: (until: string) => `contratto fino al ${until}`, final: 'definitivo', atLeast: 'almeno', source: 'fonte', with: 'con',
    noDate: "L'articolo non ha una data: i dati sono gli ultimi noti.",
  },
} as const;

/** The card for `entityId` as of the article's date, or undefined if the id is unknown. */
export function entityCard(kb: KnowledgeBase, entityId: string, article: Article): string | undefined {
  const entity = kb.entity(entityId);
  if (!entity) return undefined;
  const lang: Language = article.language;
  const w = WORDS[lang];
  const asOf = article.date?.value && !article.date.value.includes('X') ? article.date.value : undefined;
  const name = namesFrom(kb);
  const lines: string[] = [`**${escapeMarkdown(entity.name)}** · ${w[entity.type]}`];
  const description = entity.description?.[lang] ?? entity.description?.en ?? entity.description?.it;
  if (description) lines.push('', escapeMarkdown(description));

  if (entity.type === 'person') {
    const at = kb.teamAt(entity.id, asOf);
    const status: string[] = [];
    if (at) status.push(w.at(w[at.role], escapeMarkdown(at.team.name), at.stint.from));
    const contract = kb.contractEnd(entity.id, asOf ? { asOf } : {});
    if (contract) status.push(`${w.contract(contract.until)}${sourceNote(contract.source, contract.asOf, w.source)}`);
    if (status.length > 0) lines.push('', `${asOf ? w.asOf(asOf) : w.latest}: ${status.join('; ')}`);

    const stats = kb.statisticsOf(entity.id, asOf ? { asOf } : {});
    if (stats.length > 0) {
      lines.push('', `**${w.statistics}** (${asOf ? w.asOf(asOf) : w.latest})`);
      for (const s of stats) {
        lines.push(`- ${escapeMarkdown(name(s.team))}, ${w[s.scope]}: ${figureText(s.figure, w, w[s.property])}${sourceNote(s.figure.source, s.figure.asOf, w.source)}`);
      }
    }
  }
  const honours = kb.honoursOf(entity.id, asOf ? { asOf } : {});
  if (honours.length > 0) {
    lines.push('', `**${w.honours}** (${asOf ? w.asOf(asOf) : w.latest})`);
    for (const h of honours) {
      const team = h.team && h.team !== entity.id ? ` ${w.with} ${escapeMarkdown(name(h.team))}` : '';
      const role = h.role && h.role !== 'player' ? ` (${w[h.role]})` : '';
      lines.push(`- ${escapeMarkdown(name(h.competition))}${team}${role}: ${figureText(h.count, w)}${sourceNote(h.count.source, h.count.asOf, w.source)}`);
    }
  }
  const records = kb.recordsOf(entity.id, asOf ? { asOf } : {});
  if (records.length > 0) {
    lines.push('', `**${w.records}**`);
    for (const r of records) lines.push(`- ${escapeMarkdown(r.text[lang] ?? r.text.en ?? r.text.it ?? '')}${sourceNote(r.source, r.asOf, w.source)}`);
  }
  if (!asOf && entity.type === 'person') lines.push('', `_${w.noDate}_`);
  return lines.join('\n');
}

/** "331 appearances", "at least 3", "331 appearances (final)". */
function figureText(figure: KbFigure<KbStatistic | KbHonour>, w: (typeof WORDS)[Language], unit = ''): string {
  const value = figure.exact || figure.max === undefined ? String(figure.value) : `${w.atLeast} ${figure.min}`;
  const text = unit ? `${value} ${unit}` : value;
  return figure.final ? `${text} (${w.final})` : text;
}

/** Source titles are often a whole headline: keep the card readable. */
const MAX_TITLE = 60;

/** " — source: Title (Publisher, 2024-04-19)" with a link when the source has a URL. */
function sourceNote(source: KbSource | undefined, asOf: string | undefined, label: string): string {
  if (!source) return asOf ? ` — ${asOf}` : '';
  const title = escapeMarkdown(source.title.length > MAX_TITLE ? `${source.title.slice(0, MAX_TITLE - 1).trimEnd()}…` : source.title);
  const linked = source.url ? `[${title}](${source.url})` : source.file ? `${title} (${escapeMarkdown(source.file)})` : title;
  const details = [source.publisher, source.date ?? asOf].filter((x): x is string => Boolean(x)).map(escapeMarkdown);
  return ` — ${label}: ${linked}${details.length > 0 ? `, ${details.join(', ')}` : ''}`;
}
