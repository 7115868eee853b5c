/**
 * Analysis benchmark: full analysis throughput on the BBC sport corpus (511 articles, about
 * 1 MB) against compromise (people, places, organizations) as the peer, in one run; and one
 * 1 MB article analysed whole. Medians of several runs; MB are millions of UTF-16 units / 2^20.
 *
 *     npx tsx scripts/bench/analysis.ts [--runs 5] [--peer-runs 3]
 */
import nlp from 'compromise';
import { analyzeArticle } from '../../server/src/core/analyze';
import { loadKnowledge } from '../../server/src/host/knowledgeBase';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { bbcSport, mb, median } from './corpus';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

async function main(): Promise<void> {
  const articles = bbcSport();
  if (!articles) {
    console.log('analysis benchmark: ../shared/corpora/bbc-sport is missing; nothing measured.');
    return;
  }
  const runs = option('--runs', 5);
  const peerRuns = option('--peer-runs', 3);
  const { context } = await loadKnowledge();
  const size = mb(articles.reduce((n, a) => n + a.text.length, 0));

  // Warm-up: the first pass decodes the recogniser's model and compiles hot paths.
  for (const a of articles) analyzeArticle(a.text, DEFAULT_SETTINGS, context);

  const ours: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    for (const a of articles) analyzeArticle(a.text, DEFAULT_SETTINGS, context);
    ours.push(performance.now() - t);
  }

  const peer: number[] = [];
  for (let r = 0; r < peerRuns; r++) {
    const t = performance.now();
    for (const a of articles) {
      const doc = nlp(a.text);
      doc.people().out('offset');
      doc.places().out('offset');
      doc.organizations().out('offset');
    }
    peer.push(performance.now() - t);
  }

  // One 1 MB article: the corpus joined until it reaches a mebibyte.
  let big = '';
  for (let i = 0; big.length < 1024 * 1024; i++) big += `${articles[i % articles.length]!.text}\n\n`;
  big = big.slice(0, 1024 * 1024);
  const single: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    analyzeArticle(big, DEFAULT_SETTINGS, context);
    single.push(performance.now() - t);
  }

  const oursMbs = size / (median(ours) / 1000);
  const peerMbs = size / (median(peer) / 1000);
  console.log(`Corpus: ${articles.length} BBC sport articles, ${size.toFixed(2)} MB`);
  console.log(`Touchline full analysis: median ${median(ours).toFixed(0)} ms of ${runs} runs → ${oursMbs.toFixed(2)} MB/s`);
  console.log(`compromise (people, places, organizations): median ${median(peer).toFixed(0)} ms of ${peerRuns} runs → ${peerMbs.toFixed(3)} MB/s`);
  console.log(`Ratio: Touchline is ${(oursMbs / peerMbs).toFixed(0)}× faster than compromise`);
  console.log(`One 1 MB article: median ${median(single).toFixed(0)} ms of ${runs} runs`);
}

void main();
