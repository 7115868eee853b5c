/**
 * Converts openfootball club lists (github.com/openfootball/clubs, CC0) into knowledge-base
 * team entities.
 *
 * The format, one `<cc>.clubs.txt` file per country (`es.clubs.txt`, `eng.clubs.txt`):
 *
 *     =  Spain • España                 country heading (`==` lines are regions)
 *     Real Madrid,   Madrid             club line: name[, year][, @ stadium], city[ › region]
 *       | Real M. | R. Madrid           alternative names (a `[en]` suffix gives a language)
 *     ii) Real Madrid B                 reserve team of the club above
 *      Calle del Toro 100 // México     indented address lines (ignored)
 *     ## comment                        `#` starts a comment
 *
 * Ids are deterministic: `of.<cc>.<slug of the name>`, with the city's slug (then a number)
 * appended when two clubs of one country share a slug. Abbreviated alternative names
 * ("Real M.") are left out; see `isAbbreviated`.
 */
import { fold } from '../fold';

/** A club read from the text files. */
export interface OpenfootballClub {
  readonly name: string;
  readonly aliases: readonly { readonly text: string; readonly lang?: string }[];
  readonly city?: string;
  /** Country code from the file name (`es`, `eng`). */
  readonly code: string;
  readonly country?: string;
  /** Name of the first team when this is a reserve (`ii)`) team. */
  readonly reserveOf?: string;
  readonly file: string;
  readonly line: number;
}

/** One entity of the imported knowledge base (JSON-ready, valid against the schema). */
export interface ImportedTeam {
  id: string;
  type: 'team';
  name: string;
  matchCase?: boolean;
  names?: (string | { text: string; lang?: 'en' | 'it'; matchCase?: boolean })[];
  country?: string;
  city?: string;
  description?: { en?: string; it?: string };
}

function stripComment(line: string): string {
  const i = line.search(/(^|\s)#/);
  return i < 0 ? line : line.slice(0, i);
}

/** Country code of a `<cc>.clubs.txt` path. */
export function countryCodeOf(path: string): string | undefined {
  const m = /(?:^|[\\/])([a-z]{2,3})\.clubs\.txt$/i.exec(path);
  return m ? m[1]!.toLowerCase() : undefined;
}

/** Parses one clubs file. */
export function parseOpenfootballClubs(path: string, text: string): OpenfootballClub[] {
  const code = countryCodeOf(path) ?? 'xx';
  const out: { -readonly [K in keyof OpenfootballClub]: OpenfootballClub[K] }[] = [];
  let country: string | undefined;
  let last: (typeof out)[number] | undefined;
  let first: (typeof out)[number] | undefined;
  // One entry per line (the data format is line-based; positions are not needed).
  const lines = text.match(/[^\r\n]*(?:\r\n|\r|\n|$)/g) ?? [];
  for (let n = 0; n < lines.length; n++) {
    const raw = lines[n]!.replace(/[\r\n]+$/, '');
    const line = stripComment(raw).replace(/\s+$/, '');
    const trimmed = line.trim();
    if (trimmed === '') continue;
    if (trimmed.startsWith('=')) {
      // `= Country • Native` sets the country; `== Region ==` and rules of `=` do not.
      const m = /^=\s+([^=].*)$/.exec(trimmed);
      if (m) country = m[1]!.split('•')[0]!.trim() || country;
      continue;
    }
    if (trimmed.startsWith('|')) {
      if (!last) continue;
      for (const part of trimmed.split('|')) {
        const a = part.trim();
        if (!a) continue;
        const lm = /^(.*?)\s*\[([a-z]{2})\]$/.exec(a);
        const alias = lm ? { text: lm[1]!.trim(), lang: lm[2]! } : { text: a };
        if (alias.text) (last.aliases as { text: string; lang?: string }[]).push(alias);
      }
      continue;
    }
    // Indented lines that are not aliases are addresses (`… // City`).
    if (/^\s/.test(line) && trimmed.includes('//')) continue;
    let rest = trimmed;
    let reserveOf: string | undefined;
    const ii = /^ii+\)\s*/.exec(rest);
    if (ii) {
      rest = rest.slice(ii[0].length);
      reserveOf = first?.name;
    }
    const fields = rest.split(',').map((f) => f.trim());
    const name = fields[0]!;
    if (!name || !/\p{L}/u.test(name)) continue;
    let city: string | undefined;
    for (const f of fields.slice(1)) {
      if (!f || /^\d{4}$/.test(f) || f.startsWith('@')) continue;
      city = f.split('›')[0]!.replace(/\(.*?\)/g, '').trim() || undefined;
      break;
    }
    const club = {
      name, aliases: [] as { text: string; lang?: string }[], code, file: path, line: n + 1,
      ...(city ? { city } : {}), ...(country ? { country } : {}), ...(reserveOf ? { reserveOf } : {}),
    };
    out.push(club);
    last = club;
    if (!reserveOf) first = club;
  }
  return out;
}

/** Slug of a name: folded, non-alphanumerics to `-`. */
export function slugify(s: string): string {
  return fold(s).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'x';
}

/**
 * True for a short form with abbreviated words ("Real M.", "Atl. Madrid", "Wr. Neustadt"),
 * made for compact result tables and rarely written in prose. Such forms are left out: they
 * add names starting with common words ("A. Salzburg", "At. Bergamo") that slow matching
 * down without finding anything. "St." (Saint) and initialisms ("L.A. Firpo") stay.
 */
export function isAbbreviated(name: string): boolean {
  return /(^|\s)(?!(?:St|Ste|Sta|Sto|Mt)\.)\p{L}{1,4}\.(\s|$)/u.test(name);
}

/** True for a name of one word ("Arsenal"), which must match capitalised in texts. */
function oneWord(s: string): boolean {
  return !/[\s\-.'’]/.test(s.trim());
}

/**
 * Converts clubs (from every file, in a stable order) to team entities with unique ids.
 * Single-word names are marked `matchCase` so that clubs called "Forest" or "Palace" do not
 * match common words.
 */
export function openfootballToKb(clubs: readonly OpenfootballClub[]): ImportedTeam[] {
  const taken = new Set<string>();
  const bySlug = new Map<string, number>();
  for (const c of clubs) {
    const k = `${c.code}.${slugify(c.name)}`;
    bySlug.set(k, (bySlug.get(k) ?? 0) + 1);
  }
  const out: ImportedTeam[] = [];
  for (const c of clubs) {
    const base = `of.${c.code}.${slugify(c.name)}`;
    let id = base;
    if ((bySlug.get(`${c.code}.${slugify(c.name)}`) ?? 0) > 1 && c.city) id = `${base}-${slugify(c.city)}`;
    for (let i = 2; taken.has(id); i++) id = `${base}-${i}`;
    taken.add(id);
    const seen = new Set([fold(c.name)]);
    const names: NonNullable<ImportedTeam['names']> = [];
    const addName = (text: string, lang?: string) => {
      const f = fold(text);
      if (!text || seen.has(f) || isAbbreviated(text)) return;
      seen.add(f);
      const l = lang === 'en' || lang === 'it' ? lang : undefined;
      const one = oneWord(text);
      names.push(!l && !one ? text : { text, ...(l ? { lang: l } : {}), ...(one ? { matchCase: true } : {}) });
    };
    for (const a of c.aliases) addName(a.text, a.lang);
    // "FC Wacker Innsbruck (2002)" is also written without its year.
    const bare = c.name.replace(/\s*\(.*?\)\s*$/, '');
    if (bare !== c.name) addName(bare);
    const team: ImportedTeam = { id, type: 'team', name: c.name };
    if (oneWord(c.name)) team.matchCase = true;
    if (names.length > 0) team.names = names;
    if (c.country) team.country = c.country;
    if (c.city) team.city = c.city;
    if (c.reserveOf) team.description = { en: `Reserve team of ${c.reserveOf}`, it: `Squadra riserve del ${c.reserveOf}` };
    out.push(team);
  }
  return out;
}
