// Prints the size of a packaged .vsix and what it holds, so package bloat is noticed.
import { statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const file = process.argv[2] ?? 'touchline.vsix';
const size = statSync(file).size;
console.log(`${file}: ${(size / 1024).toFixed(1)} KB`);
try {
  console.log(execFileSync('unzip', ['-l', file], { encoding: 'utf8' }).trim());
} catch {
  // unzip is optional: the size alone is the figure that matters.
}
