/**
 * Knowledge-base types: entities with names in several languages, and sourced,
 * time-aware facts about them. The loader (YAML/JSON, validated) produces these.
 *
 * Dates are ISO-like strings of three precisions: `2024` (year), `2024-04` (month),
 * `2024-04-19` (day). A date stands for the whole period it names: as a start it means its
 * first day, as an end its last day (so a stint `to: 2015-05` ends on 2015-05-31).
 */
import type { EntityType, Language, Span } from '../model';

/** A name form of an entity. */
export interface KbName {
  readonly text: string;
  /** Language the form is used in; absent when it is used in any language. */
  readonly lang?: Language;
  /**
   * `name`: a full name or standard alias; `nickname`: a short or informal name
   * ("Blancos", "il Diavolo"); `epithet`: a descriptive phrase that refers back to an
   * entity already named ("il tecnico di Reggiolo", "the Brazilian").
   */
  readonly kind: 'name' | 'nickname' | 'epithet';
  /**
   * True when the form only matches as capitalised in the knowledge base (or in all
   * capitals): "Real", "Capitale", "Case" must not match "real", "capitale", "case".
   */
  readonly matchCase?: boolean;
}

/** Where a knowledge-base definition stands in its file, for diagnostics and go-to-definition. */
export interface KbOrigin {
  /** File URI or path as given to the loader. */
  readonly file: string;
  /** Span of the definition's `id` value in that file's text (UTF-16 offsets). */
  readonly span: Span;
  /** Span of the whole definition (the entity or fact node), when known. */
  readonly extent?: Span;
}

/** An entity of the knowledge base. */
export interface KbEntity {
  readonly id: string;
  readonly type: EntityType;
  /** Canonical name. */
  readonly name: string;
  /** Every other name form, canonical name excluded. */
  readonly names: readonly KbName[];
  /** True when the canonical name only matches capitalised (see `KbName.matchCase`). */
  readonly matchCase?: boolean;
  readonly description?: Partial<Record<Language, string>>;
  /**
   * The name messages use in a language, when it differs from the canonical one; in Italian
   * with its article ("il Bayern Monaco", "la Juventus"), so a message can write "al", "del".
   */
  readonly label?: Partial<Record<Language, string>>;
  /** Id of a place entity (a country), when known. */
  readonly nationality?: string;
  /** Id of a place entity (a town or city), when known. */
  readonly hometown?: string;
  /** Country as plain text, for imported teams whose country is not an entity ("Spain"). */
  readonly country?: string;
  /** City as plain text, for imported teams ("Madrid"). */
  readonly city?: string;
  readonly wikidata?: string;
  /** Ids of other definitions (typically imported ones) merged into this entity. */
  readonly sameAs?: readonly string[];
  /** Where the entity is defined (for an entity extended by several files, the last definition). */
  readonly origin?: KbOrigin;
  /** Every definition and extension of the entity, in load order. */
  readonly definitions?: readonly KbOrigin[];
}

/** Where a fact comes from. */
export interface KbSource {
  /** Id in a file's `sources` map, when the source was referenced by id. */
  readonly id?: string;
  readonly title: string;
  readonly publisher?: string;
  /** Publication date (YYYY, YYYY-MM or YYYY-MM-DD); absent when unknown. */
  readonly date?: string;
  readonly url?: string;
  /** Workspace-relative path of the article the fact was taken from. */
  readonly file?: string;
}

/** Roles a person can hold at a team. */
export type KbRole = 'player' | 'coach' | 'assistant-coach' | 'president' | 'director';

export const KB_ROLES: readonly KbRole[] = ['player', 'coach', 'assistant-coach', 'president', 'director'];

/** What every fact carries. */
export interface KbFactBase {
  /** The primary source (the first of `sources`). */
  readonly source?: KbSource;
  readonly sources: readonly KbSource[];
  /**
   * The date the fact was true on: its `asOf`, else its source's date, else (for a figure of
   * an ended stint) the stint's end. Absent when none is known.
   */
  readonly asOf?: string;
  readonly origin?: KbOrigin;
}

/** A period a person spent at a team in a role. */
export interface KbStint extends KbFactBase {
  readonly kind: 'stint';
  readonly person: string;
  readonly team: string;
  readonly role: KbRole;
  readonly from?: string;
  /** End of the stint; absent while it lasts. An end date makes the stint's figures final. */
  readonly to?: string;
  readonly loan?: boolean;
}

/** Statistic properties. `matches` counts games in charge (coaches). */
export type KbStatProperty = 'appearances' | 'goals' | 'assists' | 'matches';

export const KB_STAT_PROPERTIES: readonly KbStatProperty[] = ['appearances', 'goals', 'assists', 'matches'];

/** Scope of a statistic: every competition, or the domestic league only. */
export type KbStatScope = 'all' | 'league';

/** A cumulative figure (appearances, goals…) of a person at a team. */
export interface KbStatistic extends KbFactBase {
  readonly kind: 'statistic';
  readonly person: string;
  readonly team: string;
  readonly role?: KbRole;
  readonly property: KbStatProperty;
  readonly value: number;
  readonly scope: KbStatScope;
  /** The stint the figure belongs to, when it was given under a stint. */
  readonly stint?: KbStintRef;
  /** True when the figure cannot change any more (its stint ended on or before `asOf`). */
  readonly final: boolean;
  /** The date from which the figure is final (the stint's end), when final. */
  readonly finalSince?: string;
}

/** The stint a figure was given under. */
export interface KbStintRef {
  readonly from?: string;
  readonly to?: string;
}

/** Trophies won in a competition, by a person (with a team and role) or by a team. */
export interface KbHonour extends KbFactBase {
  readonly kind: 'honour';
  /** The person or team holding the honour. */
  readonly holder: string;
  readonly competition: string;
  /** The team the person won it with (for a team holder, the team itself). */
  readonly team?: string;
  readonly role?: KbRole;
  readonly count?: number;
  /** When each was won: `2014-05-24`, `2014-05`, `2016` or a season `2013/2014`. */
  readonly won?: readonly string[];
  /** The stint the honours were given under. */
  readonly stint?: KbStintRef;
  /** True when the count cannot change any more (the stints with that team ended). */
  readonly final: boolean;
  /** The date from which the count is final (the last stint's end), when final. */
  readonly finalSince?: string;
}

/** A contract's end. */
export interface KbContract extends KbFactBase {
  readonly kind: 'contract';
  readonly person: string;
  readonly team: string;
  readonly role?: KbRole;
  readonly until: string;
}

/** A record held by a person or team ("most Champions League titles as a coach"). */
export interface KbRecord extends KbFactBase {
  readonly kind: 'record';
  readonly holder: string;
  readonly text: Partial<Record<Language, string>>;
  readonly competition?: string;
  readonly role?: KbRole;
  readonly value?: number;
  /** First date the record was held; absent when unknown. */
  readonly since?: string;
  /** Last date it was held, when it was lost. */
  readonly until?: string;
  /** True when shared with others. */
  readonly shared?: boolean;
}

/** A statement that a person's stints in a role are all listed (as of a date). */
export interface KbCompleteness extends KbFactBase {
  readonly kind: 'complete';
  readonly person: string;
  readonly role: KbRole;
}

export type KbFact = KbStint | KbStatistic | KbHonour | KbContract | KbRecord | KbCompleteness;

/** A problem found while loading knowledge-base files. */
export interface KbDiagnostic {
  /** The file as given to the loader. */
  readonly file: string;
  /** UTF-16 offsets in that file's text. */
  readonly span: Span;
  readonly severity: 'error' | 'warning' | 'information';
  readonly message: string;
  /** Stable rule id, e.g. `kb-schema`, `kb-duplicate-id`. */
  readonly code: KbDiagnosticCode;
  /** Other places involved (the first definition of a duplicate id…). */
  readonly related?: readonly { readonly file: string; readonly span: Span; readonly message: string }[];
}

export type KbDiagnosticCode =
  | 'kb-syntax'
  | 'kb-schema'
  | 'kb-duplicate-id'
  | 'kb-override'
  | 'kb-unknown-reference'
  | 'kb-wrong-reference-type'
  | 'kb-incomplete-entity'
  | 'kb-missing-source'
  | 'kb-missing-date'
  | 'kb-inconsistent'
  | 'kb-limit';

/** A knowledge-base file given to the loader. */
export interface KbFile {
  /** URI or path; echoed in diagnostics and origins. */
  readonly path: string;
  readonly text: string;
  /**
   * `bundled` files load first; a `workspace` file may extend or override a bundled entity
   * by id. Default `workspace`.
   */
  readonly layer?: 'bundled' | 'workspace';
}
