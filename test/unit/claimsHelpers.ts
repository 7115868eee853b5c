/** Shared set-up for claim and rule tests: the bundled knowledge base and a one-call analysis. */
import { analyzeArticle } from '../../server/src/core/analyze';
import { runChecks, type CheckEnvironment } from '../../server/src/core/checks';
import type { AnalysisContext } from '../../server/src/core/context';
import type { Finding } from '../../server/src/core/findings';
import type { Article } from '../../server/src/core/model';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { loadKnowledge } from '../../server/src/host/knowledgeBase';

let context: AnalysisContext | undefined;

export async function bundledContext(): Promise<AnalysisContext> {
  context ??= (await loadKnowledge()).context;
  return context;
}

export async function analyse(text: string): Promise<Article> {
  return analyzeArticle(text, DEFAULT_SETTINGS, await bundledContext());
}

/** Findings of `text` with the bundled knowledge base, optionally other articles' claims. */
export async function findings(text: string, env: Partial<CheckEnvironment> = {}): Promise<{ article: Article; findings: Finding[] }> {
  const article = await analyse(text);
  return { article, findings: runChecks(article, {}, { kb: (await bundledContext()).kb, ...env }) };
}

/** The claims of `text` as compact tuples: [property, subject, value, qualifiers]. */
export async function claims(text: string): Promise<[string, string, unknown, Record<string, string>][]> {
  const article = await analyse(text);
  return article.claims.map((c) => [c.property, c.subjectKey, c.value, { ...c.qualifiers }]);
}
