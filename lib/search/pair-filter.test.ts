// The pair filter's probe (mayHold, through the packed hashes of pairProbes and mayHoldAny)
// answers as the probe that hashed per article did: the same two bit positions; several
// pairs probed at once answer as any of them probed alone.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mayHold, mayHoldAny, pairProbes, type PairFilter } from "@/lib/search/pair-filter";

/** The probe as it was: (x + step) % size in floating point, hashes per call. */
function referenceMayHold(filter: PairFilter, d: number, h1: number, h2: number): boolean {
  const hashOf = (a: number, b: number) => Math.imul(a ^ Math.imul(b, 0x9e3779b1), 0x85ebca77) >>> 0;
  const stepOf = (a: number, b: number) => (Math.imul(b ^ Math.imul(a + 0x6a09e667, 0xc2b2ae3d), 0x27d4eb2f) | 1) >>> 0;
  const at = filter.start[d];
  const size = (filter.start[d + 1] - at) * 32;
  const x = hashOf(h1, h2);
  const p = x % size;
  if ((filter.bits[at + (p >>> 5)] & (1 << (p & 31))) === 0) return false;
  const q = (x + stepOf(h1, h2)) % size;
  return (filter.bits[at + (q >>> 5)] & (1 << (q & 31))) !== 0;
}

describe("pair filter probes", () => {
  it("answer as the per-article hashing probe did, for any filter and pair hashes", () => {
    const words = fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(words, fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer(), (sizes, h1, h2, seed) => {
        const start = new Int32Array(sizes.length + 1);
        sizes.forEach((n, d) => (start[d + 1] = start[d] + n));
        // Bits a third set, from the seed: both outcomes of each probe occur.
        const bits = new Uint32Array(start[sizes.length]).map((_, i) => Math.imul(seed ^ i, 0x9e3779b1) & Math.imul(seed + i, 0x85ebca77));
        const filter = { start, bits };
        for (let d = 0; d < sizes.length; d++) {
          const want = referenceMayHold(filter, d, h1, h2);
          expect(mayHold(filter, d, h1, h2)).toBe(want);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("of several pairs at once answer whether any pair alone may be held", () => {
    const hash = fc.integer({ min: 0, max: 2 ** 32 - 1 });
    const words = fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(words, fc.array(fc.tuple(hash, hash), { maxLength: 8 }), fc.integer(), (sizes, pairs, seed) => {
        const start = new Int32Array(sizes.length + 1);
        sizes.forEach((n, d) => (start[d + 1] = start[d] + n));
        const bits = new Uint32Array(start[sizes.length]).map((_, i) => Math.imul(seed ^ i, 0x9e3779b1) & Math.imul(seed + i, 0x85ebca77));
        const filter = { start, bits };
        const probes = pairProbes(pairs);
        for (let d = 0; d < sizes.length; d++) {
          expect(mayHoldAny(filter, d, probes)).toBe(pairs.some(([h1, h2]) => referenceMayHold(filter, d, h1, h2)));
        }
      }),
      { numRuns: 500 },
    );
  });
});
