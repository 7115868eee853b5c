// Preloaded into the server by scripts/fuzz/memory.ts (NODE_OPTIONS=--require): on SIGUSR2,
// collect garbage and write the process's memory use to stderr, so the benchmark reads the
// server's heap without changing the server.
const v8 = require('node:v8');
const vm = require('node:vm');
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');
process.on('SIGUSR2', () => {
  gc();
  gc();
  process.stderr.write(`TOUCHLINE-MEMORY ${JSON.stringify(process.memoryUsage())}\n`);
});
