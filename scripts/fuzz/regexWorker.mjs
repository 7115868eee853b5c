// Times one regular expression on adversarial inputs, in a worker thread so that a regex that
// backtracks catastrophically can be stopped (worker.terminate()) instead of hanging the test.
// Plain JavaScript: it runs in a bare worker, without the TypeScript loader.
//
// Message in:  { source, flags, inputs: [{ name, unit, tail }], sizes: [n, 2n], final }
//              each input is `unit` repeated to the size, then `tail`.
// Message out: { results: [{ name, times: [ms at n, ms at 2n] }], final?: { name, ms } }
import { parentPort } from 'node:worker_threads';

function build(unit, tail, size) {
  const body = unit.repeat(Math.max(1, Math.ceil(size / unit.length))).slice(0, size);
  return body + tail;
}

/**
 * Run the regex the way the analysis does: a global regex over all its matches; a sticky
 * one as a scanner does, tried where a token may start (wherever the character changes),
 * skipping what it matched; any other once, over the whole input.
 */
function run(re, text) {
  const t0 = performance.now();
  if (re.sticky) {
    for (let i = 0; i < text.length; ) {
      re.lastIndex = i;
      const m = re.exec(text);
      if (m && m[0].length > 0) {
        i = re.lastIndex;
        continue;
      }
      const c = text.charCodeAt(i);
      do i++;
      while (i < text.length && text.charCodeAt(i) === c);
    }
  } else if (re.global) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) if (m[0] === '') re.lastIndex++;
  } else {
    re.exec(text);
  }
  return performance.now() - t0;
}

/** The best of three runs: timing noise only ever adds time. */
function time(re, text) {
  return Math.min(run(re, text), run(re, text), run(re, text));
}

parentPort.on('message', (job) => {
  const re = new RegExp(job.source, job.flags);
  const results = [];
  for (const input of job.inputs) {
    const times = job.sizes.map((size) => time(re, build(input.unit, input.tail, size)));
    results.push({ name: input.name, times });
  }
  let final;
  if (job.final) {
    const worst = results.reduce((a, b) => (b.times[1] > a.times[1] ? b : a), results[0]);
    const input = job.inputs.find((i) => i.name === worst.name);
    final = { name: worst.name, ms: run(re, build(input.unit, input.tail, job.final)) };
  }
  parentPort.postMessage({ results, final });
});
