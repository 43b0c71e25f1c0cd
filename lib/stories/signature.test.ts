// The signature's syllable scan and spelling cache against the plain code: a regex over the
// text and each syllable hashed afresh (signatureReference).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { signatureReference } from "@/lib/stories/fixtures";
import { SpellingHashes, STRIDE, writeSignature } from "@/lib/stories/signature";
import { normalize } from "@/lib/text/analyzer";

const fnv = (t: string) => {
  let h = 0x811c9dc5;
  for (let i = 0; i < t.length; i++) h = Math.imul(h ^ t.charCodeAt(i), 0x01000193);
  return h >>> 0;
};

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
        expect(out).toEqual(signatureReference(t));
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
