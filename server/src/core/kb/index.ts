/**
 * Knowledge base: YAML/JSON files with entities and sourced, time-aware facts; loading with
 * located diagnostics; queries; the name index used for linking; importers.
 */
export type * from './types';
export { KB_ROLES, KB_STAT_PROPERTIES } from './types';
export { loadKb, type KbLoadOptions, type KbLoadResult } from './load';
export { KnowledgeBase, type KbFigure, type KbTeamAt, type KbTeamList, type KbAsOf } from './knowledgeBase';
export { buildNameIndex, matchNames, NameIndex, type NameCandidate, type NameMatch, type MatchOptions } from './nameIndex';
export { fold, foldAccents, isWordCode, tokenize, type Token } from './fold';
export { parseAnyDate, parseDate, parseSeason, type DayInterval } from './dates';
export { parseOpenfootballClubs, openfootballToKb, slugify, type OpenfootballClub, type ImportedTeam } from './import/openfootball';
export { importWikidata, type WikidataImport, type WikidataImportOptions } from './import/wikidata';
