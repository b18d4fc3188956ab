const TWO_POW_32 = 4294967296;

/** Seeds are unsigned 32-bit integers so that a seed typed on the command line reproduces a file exactly. */
export function assertValidSeed(seed: number, where: string): void {
  if (!Number.isInteger(seed) || seed < 0 || seed >= TWO_POW_32) {
    throw new RangeError(`${where}: seed must be an integer in [0, 4294967295], got ${seed}`);
  }
}

/**
 * Seeded pseudo-random source: the sfc32 generator (Chris Doty-Humphrey's "small fast counting" generator,
 * from PractRand), which passes PractRand and BigCrush and needs only 32-bit integer arithmetic.
 * The standard normal lives here rather than in samplers.ts because the polar method yields pairs
 * and the cached second value is generator state.
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  /** The counter word that guarantees a period of at least 2^32. */
  private d: number;
  private spareNormal = 0;
  private hasSpareNormal = false;

  /** Starts from a raw sfc32 state (a, b, c, counter); use `createRng(seed)` for seeded streams. */
  constructor(a: number, b: number, c: number, counter: number) {
    this.a = a | 0;
    this.b = b | 0;
    this.c = c | 0;
    this.d = counter | 0;
  }

  /** Next raw output, an integer in [0, 2^32). */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform on [0, 1) with 32-bit resolution. */
  uniform(): number {
    return this.nextUint32() / TWO_POW_32;
  }

  /** Uniform on the open interval (0, 1): safe to take logarithms of. */
  uniformOpen(): number {
    return (this.nextUint32() + 0.5) / TWO_POW_32;
  }

  /** Uniform integer in [0, n) for 1 ≤ n ≤ 2^32 (multiply-shift; bias below 2^-32·n, irrelevant here). */
  integerBelow(n: number): number {
    return Math.floor(this.uniform() * n);
  }

  /** Standard normal N(0, 1) by Marsaglia's polar method (Marsaglia & Bray 1964). */
  standardNormal(): number {
    if (this.hasSpareNormal) {
      this.hasSpareNormal = false;
      return this.spareNormal;
    }
    let u = 0;
    let v = 0;
    let s = 0;
    do {
      u = 2 * this.uniform() - 1;
      v = 2 * this.uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const factor = Math.sqrt((-2 * Math.log(s)) / s);
    this.spareNormal = v * factor;
    this.hasSpareNormal = true;
    return u * factor;
  }
}

/**
 * A generator seeded from one 32-bit integer; equal seeds give equal streams.
 * @example createRng(42).uniform() // the same number on every run and platform
 */
export function createRng(seed: number): Rng {
  assertValidSeed(seed, 'createRng');
  // splitmix32 spreads nearby seeds (0, 1, 2...) over unrelated starting states.
  let state = seed;
  const words = [0, 0, 0];
  for (let i = 0; i < 3; i++) {
    state = (state + 0x9e3779b9) | 0;
    words[i] = finaliseMurmur3(state);
  }
  const rng = new Rng(words[0], words[1], words[2], 1);
  // PractRand's seeding discards the first outputs so that weak seeds are mixed.
  for (let i = 0; i < 12; i++) rng.nextUint32();
  return rng;
}

function finaliseMurmur3(value: number): number {
  let z = value;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * Derives an independent seed for a named part of a larger simulation (one file of a series),
 * so that adding a file never changes the others.
 * @example deriveSeed(20240611, 'AnnV-PI_24h_050nM') // always the same integer in [0, 2^32)
 */
export function deriveSeed(baseSeed: number, name: string): number {
  assertValidSeed(baseSeed, 'deriveSeed');
  // FNV-1a over the name, then mixed with the base seed by the murmur3 finaliser.
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    hash = Math.imul(hash ^ name.charCodeAt(i), 0x01000193);
  }
  return finaliseMurmur3(hash ^ Math.imul(baseSeed, 0x9e3779b1));
}
