// The signature's syllable scan and spelling cache against the plain code: a regex over the
// text and a Map keyed by each spelling.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mix, SpellingHashes, STRIDE, writeSignature } from "@/lib/stories/signature";
import { normalize } from "@/lib/text/analyzer";

const fnv = (t: string) => {
  let h = 0x811c9dc5;
  for (let i = 0; i < t.length; i++) h = Math.imul(h ^ t.charCodeAt(i), 0x01000193);
  return h >>> 0;
};

/** The signature as a regex and a hash per spelling give it. */
function reference(text: string): Uint16Array {
  const out = new Uint16Array(STRIDE);
  const mins = new Uint32Array(64).fill(0xffffffff);
  const filled = new Uint8Array(64);
  const window: number[] = [];
  let count = 0;
  for (const m of text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) {
    window.push(fnv(normalize(m[0])));
    if (window.length > 3) window.shift();
    if (window.length < 3) continue;
    let h = 0x811c9dc5;
    for (const w of window) h = mix(Math.imul(h ^ w, 0x01000193));
    if (h >>> 6 < mins[h & 63]) mins[h & 63] = h >>> 6;
    filled[h & 63] = 1;
    count++;
  }
  out[64] = Math.min(count, 0xffff);
  for (let s = 0; s < 64; s++) {
    let from = s;
    let step = 0;
    while (count && !filled[from]) {
      from = (from + 1) & 63;
      step++;
    }
    out[s] = count ? (mins[from] + step * 0x9e37) % 0xffff : 0xffff;
  }
  return out;
}

// Letters, marks and digits of several planes, and what is none: a lone surrogate (either
// half), an emoji (a pair that is no letter), a letter outside the BMP (𝐀, 𠀀), a combining
// mark, Arabic and fullwidth digits, punctuation and spaces.
const piece = fc.constantFrom(
  "Hà",
  "Nội",
  "hoà",
  "HÒA",
  "thuỷ",
  "Đà",
  "a\u0301",
  "\u0301",
  "𝐀𝐁",
  "𠀀",
  "😀",
  "\ud835",
  "\udc00",
  "٣",
  "１２",
  "x",
  "Jong-un",
  " ",
  ", ",
  "\n",
  "“",
  "-",
);
const text = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(""));

describe("writeSignature", () => {
  it("finds the syllables the regex finds and hashes them as the spelling map did", () => {
    fc.assert(
      fc.property(text, (t) => {
        const out = new Uint16Array(STRIDE);
        writeSignature(t, out);
        expect(out).toEqual(reference(t));
      }),
      { numRuns: 500 },
    );
  });
});

describe("SpellingHashes", () => {
  it("answers each spelling's normalised hash through growth and clears, whatever the raw hashes", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 4 }), { maxLength: 400 }), fc.boolean(), (words, collide) => {
        const cache = new SpellingHashes(100);
        const text = words.join("|");
        let at = 0;
        for (const w of words) {
          // A constant raw hash puts every spelling on one chain: only the spelling tells them apart.
          const raw = collide ? 7 : fnv(w) | 0;
          expect(cache.get(text, at, at + w.length, raw)).toBe(fnv(normalize(w)));
          at += w.length + 1;
        }
        expect(cache.size).toBeLessThanOrEqual(100);
      }),
      { numRuns: 100 },
    );
  });
});
