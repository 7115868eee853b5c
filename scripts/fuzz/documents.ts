/**
 * The documents a fuzz run feeds: for each case, either a generated document or a mutated
 * real one, chosen and built from the case's own random generator.
 */
import { GENERATORS } from './generate';
import { mutate } from './mutate';
import type { Rng } from './rng';
import type { SeedText } from './seeds';

export interface FuzzDocument {
  readonly text: string;
  /** How it was made: generator name, or seed file and mutation steps. */
  readonly origin: string;
}

export function makeDocument(rng: Rng, seeds: readonly SeedText[]): FuzzDocument {
  if (seeds.length > 0 && rng.chance(0.5)) {
    const seed = rng.pick(seeds);
    const other = rng.pick(seeds);
    const { text, steps } = mutate(rng, seed.text, other.text);
    return { text, origin: `${seed.name} + ${steps.join(', ')}` };
  }
  const g = rng.pick(GENERATORS);
  return { text: g.make(rng), origin: `generated:${g.name}` };
}
