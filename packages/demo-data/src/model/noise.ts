/**
 * Seeded, stateless noise: the same (seed, key, index) always yields the same
 * number, so any instant can be recomputed without replaying a generator.
 */

/** FNV-1a hash of a string, mixed with the seed. */
export function hashKey(seed: number, key: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Uniform in [0, 1) for an integer index under a hashed key (murmur3 finaliser). */
export function uniform(keyHash: number, index: number): number {
  let h = (keyHash ^ Math.imul(index | 0, 0x9e3779b1)) >>> 0;
  h ^= Math.floor(index / 0x100000000); // indices beyond 32 bits stay distinct
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 0x100000000;
}

/** Noise in [-1, 1] that drifts smoothly between knots `period` indices apart. */
export function smooth(keyHash: number, index: number, period: number): number {
  const knot = Math.floor(index / period);
  const frac = (index - knot * period) / period;
  const w = (1 - Math.cos(Math.PI * frac)) / 2;
  const a = uniform(keyHash, knot);
  const b = uniform(keyHash, knot + 1);
  return 2 * (a + (b - a) * w) - 1;
}

/** White noise in [-1, 1). */
export function white(keyHash: number, index: number): number {
  return 2 * uniform(keyHash, index) - 1;
}
