/**
 * What the analysis needs besides the text: the knowledge base and its name index, and
 * what the workspace knows about unknown people (for "Flick" after "Hansi Flick" in
 * another article). Built once per knowledge-base version, shared by every analysis.
 */
import { buildNameIndex, type KnowledgeBase, type NameIndex } from './kb';

export interface AnalysisContext {
  readonly kb: KnowledgeBase;
  readonly names: NameIndex;
  /**
   * Full names of people seen across the workspace, by folded surname ("flick" →
   * "Hansi Flick"); only surnames that name a single person are listed.
   */
  readonly workspaceSurnames?: ReadonlyMap<string, string>;
}

/** Build a context for a knowledge base. */
export function createContext(kb: KnowledgeBase, workspaceSurnames?: ReadonlyMap<string, string>): AnalysisContext {
  return { kb, names: buildNameIndex(kb), ...(workspaceSurnames ? { workspaceSurnames } : {}) };
}
