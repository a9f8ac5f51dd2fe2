/**
 * A small, fast PRNG (mulberry32) for fake data: 32 random bits per call and a few derived
 * helpers. Not cryptographic. One instance per reader, so it holds the only mutable state.
 */
export class FastRandom {
  private state: number;

  constructor(seed: number = crypto.getRandomValues(new Uint32Array(1))[0] as number) {
    this.state = seed | 0;
  }

  /** Restarts the sequence: the same seed gives the same numbers. */
  reseed(seed: number): void {
    this.state = seed | 0;
  }

  /** A uniformly random integer in [0, 2^32). */
  u32(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = Math.imul(this.state ^ (this.state >>> 15), this.state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** A random number in [0, 1) with 53 bits of precision. */
  unit(): number {
    return ((this.u32() >>> 5) * 67108864 + (this.u32() >>> 6)) / 9007199254740992;
  }

  /** A random integer in [0, n) for 0 < n <= 2^32 (n = 0 gives 0). */
  below(n: number): number {
    return Math.floor((this.u32() / 4294967296) * n);
  }
}
