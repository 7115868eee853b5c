/**
 * Knowledge-base types: entities with names in several languages, and sourced,
 * time-aware facts about them. The loader (YAML/JSON, validated) produces these.
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
}

/** Where a knowledge-base definition stands in its file, for diagnostics and go-to-definition. */
export interface KbOrigin {
  /** File URI or path as given to the loader. */
  readonly file: string;
  /** Span of the definition in that file's text (UTF-16 offsets). */
  readonly span: Span;
}

/** An entity of the knowledge base. */
export interface KbEntity {
  readonly id: string;
  readonly type: EntityType;
  /** Canonical name. */
  readonly name: string;
  /** Every other name form, canonical name excluded. */
  readonly names: readonly KbName[];
  readonly description?: Partial<Record<Language, string>>;
  readonly nationality?: string;
  readonly hometown?: string;
  readonly wikidata?: string;
  readonly origin?: KbOrigin;
}
