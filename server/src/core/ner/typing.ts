/**
 * From the recogniser's labels to the Article model's entity types, and competitions the
 * training data does not mark (KIND leaves "Champions League" untagged; CoNLL calls it MISC).
 *
 * - PER → person; LOC → place.
 * - ORG → competition when its words name one (Serie A is ORG in KIND); team when it is a
 *   known club (openfootball gazetteer) or has a club word (FC, Calcio, United, Al-…);
 *   organization when it has an organisation word (Federation, Lega, Gazzetta, BBC…) or is a
 *   short acronym; otherwise team for a single word (in sports copy a bare ORG name is
 *   nearly always a club: "Barcelona won"), organization for longer names.
 * - MISC → competition when its words name one; otherwise dropped: nationalities ("Brazilian"),
 *   events and titles have no type in the model, and calling them competitions would mislead.
 */

import type { EntityType, Span } from '../model';
import type { Tokens } from '../text/tokenize';
import { GazFlag } from './gazetteer';
import type { Prepared } from './features';
import { TokenFlag } from '../text/tokenize';
import { lowerHash } from './hash';

/** Competition words that end a name: Champions League, FA Cup, Six Nations. */
const FINAL_HEADS = new Set([
  'league', 'cup', 'championship', 'championships', 'trophy', 'shield', 'open', 'games', 'series', 'prix',
  'nations', 'bowl', 'slam', 'masters', 'classic', 'olympics', 'paralympics', 'liga', 'bundesliga', 'premiership',
  'eredivisie', 'superliga', 'superlig', 'mls', 'nba', 'nfl', 'nhl', 'wimbledon', 'invitational', 'tournament',
  'supercup', 'mondiali', 'europei', 'olimpiadi', 'paralimpiadi', 'cups', 'leagues', 'trophies', 'supercups',
]);
/** Competition words that start a name: Coppa Italia, Serie A, Ligue 1, Tour de France. */
const INITIAL_HEADS = new Set([
  'coppa', 'copa', 'coupe', 'trofeo', 'torneo', 'giro', 'tour', 'vuelta', 'serie', 'ligue', 'liga', 'supercoppa',
  'supercopa', 'campionato', 'campionati', 'mondiali', 'mondiale', 'europei', 'euro', 'olimpiadi', 'mundial',
  'pokal', 'dfb-pokal', 'eurocopa', 'taca', 'coppe', 'supercoppe',
]);
/** Words that may precede a final head inside a competition name. */
const MODIFIERS = new Set([
  'champions', 'europa', 'conference', 'premier', 'fa', 'league', 'world', 'uefa', 'fifa', 'efl', 'carabao', 'davis',
  'ryder', 'stanley', 'super', 'six', 'us', 'u.s.', 'australian', 'french', 'english', 'italian', 'spanish', 'german',
  'scottish', 'african', 'asian', 'gold', 'club', 'nations', 'national', 'community', 'charity', 'intercontinental',
  'olympic', 'commonwealth', 'paralympic', 'winter', 'summer', 'heineken', 'challenge', 'grand', 'la', 'il', 'la',
  'copa', 'coppa', 'europe', 'european', 'american', 'america', 'americas', 'womens', "women's", 'mens', "men's",
  'junior', 'youth', 'rugby', 'cricket', 'twenty20', 't20', 'ashes', 'test', 'world', 'confederations', 'concacaf',
  'conmebol', 'afc', 'caf', 'fiba', 'atp', 'wta', 'pga', 'masters', 'indian', 'saudi', 'pro', 'd12', 'allsvenskan',
]);
/** Connectors inside names after an initial head: Coppa del Re, Giro d'Italia, Tour de France. */
const CONNECTORS = new Set(['del', 'della', 'dei', 'delle', 'di', "d'", 'de', 'des', 'du', 'do', 'da', 'of', 'the', 'per', 'for']);
/** Single-word competitions. */
const STANDALONE = new Set([
  'bundesliga', 'premiership', 'eredivisie', 'olympics', 'paralympics', 'mondiali', 'europei', 'olimpiadi',
  'wimbledon', 'superliga', 'superlig', 'allsvenskan', 'liga', 'paralimpiadi',
]);

const TEAM_WORDS = new Set([
  'fc', 'afc', 'cf', 'ac', 'as', 'ss', 'ssc', 'us', 'calcio', 'club', 'united', 'city', 'rovers', 'wanderers', 'athletic',
  'atletico', 'athletico', 'real', 'sporting', 'inter', 'dynamo', 'dinamo', 'olympique', 'olympiacos', 'borussia',
  'eintracht', 'hotspur', 'albion', 'rangers', 'celtic', 'juventus', 'bayern', 'sc', 'sv', 'tsg', 'vfb', 'vfl', 'fk', 'nk',
  'bk', 'cd', 'ud', 'sd', 'rcd', 'psv', 'ajax', 'spartak', 'lokomotiv', 'zenit', 'benfica', 'porto', 'deportivo',
  'racing', 'nacional', 'boca', 'river', 'hajduk', 'dinamo', 'crvena', 'partizan', 'galatasaray', 'fenerbahce',
  'besiktas', 'nazionale', 'azzurri', 'wolves', 'saints', 'blues', 'reds', 'pirates', 'bulls', 'sharks', 'lions',
  'tigers', 'eagles', 'warriors', 'knicks', 'lakers', 'celtics', 'giants', 'jets', 'patriots', 'yankees', 'wasps',
  'saracens', 'harlequins', 'quins', 'leicester', 'gloucester', 'bath', 'munster', 'leinster', 'ulster', 'xv', 'xi',
  'team', 'squad', 'academy', 'primavera', 'u21', 'u-21', 'under-21', 'blancos', 'merengues', 'rossoneri', 'nerazzurri',
  'bianconeri', 'giallorossi', 'biancocelesti', 'viola', 'granata', 'partenopei',
]);
const ORG_WORDS = new Set([
  'federation', 'federazione', 'federacion', 'association', 'associazione', 'union', 'unione', 'uefa', 'fifa', 'figc',
  'coni', 'ioc', 'cio', 'fa', 'rfu', 'wru', 'icc', 'iaaf', 'itf', 'atp', 'wta', 'fia', 'fiba', 'lega', 'ministry',
  'ministero', 'government', 'governo', 'bank', 'banca', 'group', 'gruppo', 'inc', 'inc.', 'ltd', 'ltd.', 'corp', 'corp.',
  'spa', 's.p.a.', 'company', 'committee', 'comitato', 'council', 'consiglio', 'commission', 'commissione', 'agency',
  'agenzia', 'university', 'universita', 'party', 'partito', 'police', 'polizia', 'court', 'tribunale', 'tar', 'times',
  'gazzetta', 'corriere', 'repubblica', 'stampa', 'tuttosport', 'marca', 'news', 'tv', 'radio', 'sky', 'bbc', 'espn',
  'dazn', 'reuters', 'ansa', 'afp', 'press', 'journal', 'post', 'herald', 'guardian', 'telegraph', 'mirror', 'mail',
  'chiringuito', 'mediaset', 'rai', 'kicker', 'bild', 'equipe', "l'equipe", 'sport', 'mundo', 'deportivo', 'cope',
  'ser', 'onda', 'channel', 'network', 'institute', 'istituto', 'foundation', 'fondazione', 'authority', 'autorita',
  'procura', 'senate', 'senato', 'parliament', 'parlamento', 'board', 'organisation', 'organization', 'agency',
  'airlines', 'motors', 'holdings', 'capital', 'partners', 'media', 'records', 'studios', 'pictures', 'games',
  'nike', 'adidas', 'puma', 'emirates', 'airways', 'var', 'aia', 'aic', 'pfa', 'lfp', 'efl', 'nba', 'nfl', 'nhl', 'mlb',
]);

/** Lower-case, accent-folded form of a string. */
export function foldWord(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’ʼ‘]/g, "'");
}

function spanWords(text: string, tokens: Tokens, first: number, last: number): string[] {
  const out: string[] = [];
  for (let t = first; t <= last; t++) out.push(foldWord(text.slice(tokens.starts[t], tokens.ends[t])));
  return out;
}

/** Whether the words name a competition (a head word plus enough context). */
export function isCompetitionWords(words: readonly string[]): boolean {
  if (words.length === 1) return STANDALONE.has(words[0]!);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === 'nations' && i > 0 && words[i - 1] === 'united') return false;
    if (w === 'lega') return false;
    if (FINAL_HEADS.has(w) && i > 0) return true;
    if (INITIAL_HEADS.has(w) && i === 0) return true;
  }
  return false;
}

function isAcronym(s: string): boolean {
  return s.length >= 2 && s.length <= 6 && /^[\p{Lu}.&]+$/u.test(s);
}

/**
 * The entity type of a labelled span, or undefined to drop it (MISC that is not a competition).
 */
export function typeEntity(
  text: string,
  span: Span & { readonly label: string; readonly firstToken: number; readonly lastToken: number },
  tokens: Tokens,
  prep: Prepared,
): EntityType | undefined {
  const first = span.firstToken;
  const last = span.lastToken;
  switch (span.label) {
    case 'PER':
      return 'person';
    case 'LOC':
      return isClubInContext(text, tokens, prep, first, last) ? 'team' : 'place';
  }
  const words = spanWords(text, tokens, first, last);
  if (isCompetitionWords(words)) return 'competition';
  if (span.label !== 'ORG') return undefined;

  let club = false;
  for (let t = first; t <= last; t++) if (prep.gazSeq[t]! & GazFlag.Club) club = true;
  let teamWord = false;
  let orgWord = false;
  for (const w of words) {
    if (TEAM_WORDS.has(w) || /^(al|el)-\p{L}/u.test(w)) teamWord = true;
    if (ORG_WORDS.has(w)) orgWord = true;
  }
  if (orgWord && !teamWord) return 'organization';
  if (club || teamWord) return 'team';
  const surface = text.slice(span.start, span.end);
  if (first === last) return isAcronym(surface) ? 'organization' : 'team';
  return 'organization';
}

/** Lower-case hashes of all head words, for a quick first test. */
let HEAD_HASHES: Set<number> | undefined;

/** Words before a club's name that make it the club rather than its city. */
const CLUB_CUES_BEFORE = new Set([
  // Italian articles and articulated prepositions: "al Napoli", "la Roma" (cities take none).
  'il', 'lo', 'la', 'al', 'allo', 'alla', 'del', 'dello', 'della', 'dal', 'dallo', 'dalla', 'col', 'nel', 'nella',
  'sul', 'sulla', 'contro', 'allenatore', 'tecnico',
  'for', 'against', 'beat', 'beating', 'joined', 'join', 'joins', 'v', 'vs', 'vs.', 'versus',
]);
/** Words after a club's name that make it the club. */
const CLUB_CUES_AFTER = new Set([
  'manager', 'coach', 'boss', 'striker', 'midfielder', 'defender', 'goalkeeper', 'fans', 'captain', 'player',
  'players', 'squad', 'allenatore', 'tecnico',
]);

/**
 * Whether a place-labelled span is really a club: the whole span is a club name from the
 * gazetteer and either no place has that name (Man United) or a cue around it says club.
 */
function isClubInContext(text: string, tokens: Tokens, prep: Prepared, first: number, last: number): boolean {
  const g = prep.gazSeq[first]!;
  const exact = first === last ? g >> 4 === 3 : g >> 4 === 1 && (last + 1 >= tokens.count || prep.gazSeq[last + 1]! >> 4 !== 2);
  if (!exact || !(g & GazFlag.Club)) return false;
  if (!(g & GazFlag.City)) return true;
  const before = first > 0 ? foldWord(text.slice(tokens.starts[first - 1], tokens.ends[first - 1])) : '';
  const after = last + 1 < tokens.count ? foldWord(text.slice(tokens.starts[last + 1], tokens.ends[last + 1])) : '';
  return CLUB_CUES_BEFORE.has(before) || CLUB_CUES_AFTER.has(after);
}

/** Competition spans found by rule: head words with their modifiers or complements. */
export function findCompetitions(text: string, tokens: Tokens, prep: Prepared): Span[] {
  const out: Span[] = [];
  const n = tokens.count;
  HEAD_HASHES ??= new Set([...FINAL_HEADS, ...INITIAL_HEADS].map((w) => lowerHash(w, 0, w.length)));
  const word = (t: number): string => foldWord(text.slice(tokens.starts[t], tokens.ends[t]));
  const capital = (t: number): boolean => /^[\p{Lu}\d]/u.test(text.slice(tokens.starts[t], tokens.starts[t]! + 2));
  let t = 0;
  while (t < n) {
    const c0 = text.charCodeAt(tokens.starts[t]!);
    // Quick reject: heads start with a capital letter.
    if (!(c0 >= 0x41 && c0 <= 0x5a) && !(c0 > 0x7f && capital(t))) {
      t++;
      continue;
    }
    if (!HEAD_HASHES.has(prep.lower[t]!)) {
      t++;
      continue;
    }
    const w = word(t);
    let start = t;
    let end = t;
    if (FINAL_HEADS.has(w)) {
      // Champions League, FA Cup, Six Nations: modifiers from a closed list before the head.
      while (start - 1 >= 0 && t - start < 3 && capital(start - 1) && MODIFIERS.has(word(start - 1))) start--;
    }
    if (INITIAL_HEADS.has(w)) {
      // Serie A, Ligue 1, Euro 2024 | Coppa del Re, Giro d'Italia, Mondiali per club |
      // Coppa Italia, Copa America Centenario.
      const q = t + 1;
      if (q < n && !(tokens.flags[q]! & TokenFlag.NewlineBefore)) {
        const wq = word(q);
        const len = tokens.ends[q]! - tokens.starts[q]!;
        if ((len === 1 && capital(q)) || (/^\d/.test(wq) && len <= 4)) end = q;
        else if (w === 'serie') end = t;
        else if (q + 1 < n && CONNECTORS.has(wq) && (capital(q + 1) || (wq === 'per' && word(q + 1) === 'club'))) end = q + 1;
        else if (capital(q)) {
          end = q;
          if (q + 1 < n && capital(q + 1) && !(tokens.flags[q + 1]! & TokenFlag.NewlineBefore)) end = q + 1;
        }
      }
    }
    if (start === t && end === t && !STANDALONE.has(w)) start = -1;
    if (start >= 0) {
      const words: string[] = [];
      for (let q = start; q <= end; q++) words.push(word(q));
      if (isCompetitionWords(words) || (words.length >= 2 && INITIAL_HEADS.has(words[0]!))) {
        out.push({ start: tokens.starts[start]!, end: tokens.ends[end]! });
        t = end + 1;
        continue;
      }
    }
    t++;
  }
  return out;
}
