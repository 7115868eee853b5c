/**
 * The Article model: everything the analysis core knows about one article's text.
 * Every editor feature, the CLI and the consistency checks read this one model.
 *
 * All offsets are UTF-16 code-unit offsets into the article text (JavaScript string
 * indices), `end` exclusive. Conversion to lines/columns or code points happens only in
 * `positions.ts`.
 */

/** Languages Touchline analyses. */
export type Language = 'en' | 'it';

/** Kinds of named entity, as in the semantic-token legend. */
export type EntityType = 'person' | 'team' | 'competition' | 'place' | 'organization';

export const ENTITY_TYPES: readonly EntityType[] = ['person', 'team', 'competition', 'place', 'organization'];

/** A half-open range of UTF-16 offsets in the article text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** How precise a normalised date is. */
export type DatePrecision = 'day' | 'week' | 'month' | 'year' | 'season';

/**
 * A normalised date. `value` is ISO-like: `2024-04-21` (day), `2024-W16` (week),
 * `2024-04` (month), `2024` (year), `2021/2022` (season spanning two years).
 */
export interface DateValue {
  readonly value: string;
  readonly precision: DatePrecision;
}

/** The article's own date and where it came from. */
export interface ArticleDate extends DateValue {
  readonly source: 'header' | 'setting';
  /** The `date …` header's value in the text, when it came from the header. */
  readonly span?: Span;
}

/** How a mention refers to its entity. */
export type MentionKind =
  | 'name' // a canonical name or full alias ("Carlo Ancelotti", "Real Madrid")
  | 'alias' // a short or other-language form ("PSG", "Blancos")
  | 'surname' // a surname after the full name ("Modrić" after "Luka Modrić")
  | 'epithet' // a descriptive phrase ("il tecnico di Reggiolo", "the Brazilian")
  | 'pronoun' // he, his, lui, il suo
  | 'anaphor'; // "the club", "il club"

/** A mention of a named entity. */
export interface EntityMention extends Span {
  readonly text: string;
  readonly type: EntityType;
  /** Knowledge-base id when the mention is linked. */
  readonly entityId?: string;
  /**
   * Identity across mentions and articles: the knowledge-base id when linked, otherwise a
   * folded form of the full name (so "Hansi Flick" and "Flick" share a key).
   */
  readonly key: string;
  readonly kind: MentionKind;
}

/** A date expression with its normalised value. */
export interface DateMention extends Span, DateValue {
  readonly text: string;
  /** True when resolved against the article's date (weekdays, "last week", "domenica"). */
  readonly relative: boolean;
}

/** Who said a quote and how we know. */
export interface Speaker {
  /** The name as resolved (canonical name when linked). */
  readonly name: string;
  readonly key: string;
  readonly entityId?: string;
  /** The words naming the speaker in the text, when present. */
  readonly span?: Span;
  /** The cue that attributed it: "said", "ha detto", "colon", "credit", … */
  readonly cue: string;
}

/** A quotation. `start`/`end` include the quote marks; the content range excludes them. */
export interface Quote extends Span {
  readonly contentStart: number;
  readonly contentEnd: number;
  /** Nesting depth: 0 for an outermost quote. */
  readonly depth: number;
  /** False when the closing mark was missing and the quote was ended at a boundary. */
  readonly closed: boolean;
  readonly speaker?: Speaker;
}

/** A number written as digits or words, with what it counts. */
export interface NumberMention extends Span {
  readonly text: string;
  readonly value: number;
  readonly form: 'digits' | 'words' | 'anaphor';
  /** The counted noun, lower-cased ("games", "presenze", "supercoppe"). */
  readonly noun?: string;
  readonly nounSpan?: Span;
}

/** What a claim states about its subject. */
export type ClaimProperty =
  | 'appearances' // games played for a team
  | 'goals' // goals scored for a team
  | 'honours' // trophies won in a competition (with a team)
  | 'tenure' // years spent at a team
  | 'contract-end' // the year a contract ends
  | 'coached' // teams a person coached (a list)
  | 'played-for' // teams a person played for (a list)
  | 'joined' // moved to a team in a year
  | 'left' // left a team in a year
  | 'record'; // holds a record ("most Champions League titles as a coach")

/** One item of a list claim ("Reggiana, Parma, Juventus…"), with where it stands. */
export interface ClaimItem extends Span {
  readonly id: string;
  readonly text: string;
}

/**
 * A checkable statement found in the article. `value` is a number for counts and years, a
 * string for a year or record, a list of entity ids for list claims.
 */
export interface Claim extends Span {
  /** Stable within a version: property and position. */
  readonly id: string;
  readonly subjectKey: string;
  readonly subjectId?: string;
  /** The subject as the article names it (resolved through pronouns and epithets). */
  readonly subjectName: string;
  readonly property: ClaimProperty;
  readonly value: number | string | readonly string[];
  /** Where the value is written (the number, the year, the list). */
  readonly valueSpan: Span;
  /** How the value is written, so a correction keeps the style ("sei" → "cinque"). */
  readonly form: 'digits' | 'words' | 'anaphor' | 'name' | 'list' | 'phrase';
  /**
   * `team`, `competition`, `role`, `scope` (`all` | `league`), `approx` (`almost` | `about` |
   * `over`), `unit` (`seasons`, for a tenure counted in seasons), `year`: entity ids or plain values.
   */
  readonly qualifiers: Readonly<Record<string, string>>;
  readonly items?: readonly ClaimItem[];
}

/** The analysed article. */
export interface Article {
  readonly text: string;
  readonly language: Language;
  readonly languageSource: 'detected' | 'setting';
  readonly date?: ArticleDate;
  readonly paragraphs: readonly Span[];
  readonly sentences: readonly Span[];
  readonly entities: readonly EntityMention[];
  readonly dates: readonly DateMention[];
  readonly quotes: readonly Quote[];
  readonly numbers: readonly NumberMention[];
  readonly claims: readonly Claim[];
  /** Set when only a prefix of the text was analysed because of the size limit. */
  readonly truncatedAt?: number;
}
