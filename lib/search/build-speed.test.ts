// The index build's fast paths against the plain code they replaced: same pairs counted in
// the same order, same token stream, same story signatures.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { testArticle } from "@/lib/corpus/test-article";
import {
  BREAK,
  buildRankIndex,
  bumpCounter,
  countPairs,
  emptySketch,
  PairSet,
  sketchArrays,
  termHash,
  tokenAt,
  type PairSketch,
  type RankIndex,
} from "@/lib/search/rank-index";
import { signatureReference } from "@/lib/stories/fixtures";
import { STRIDE, writeSignature } from "@/lib/stories/signature";
import { joins, tokenize } from "@/lib/text/analyzer";

/** countPairs as it was: a Set of numeric pair keys. */
function countPairsReference(sketch: PairSketch, index: RankIndex, d: number) {
  const seen = new Set<number>();
  const size = 1 << sketch.bits;
  const mask = size - 1;
  let prev = -1;
  for (let i = index.docStart[d]; i < index.docStart[d + 1]; i++) {
    const e = tokenAt(index.stream, i);
    if (e < 0) {
      prev = -1;
      continue;
    }
    const f = index.foldedOf[e];
    if (prev >= 0 && !seen.has(prev * 2 ** 21 + f)) {
      seen.add(prev * 2 ** 21 + f);
      const [h1, h2] = [index.foldedHash[prev], index.foldedHash[f]];
      const i1 = ((Math.imul(h1, 0x9e3779b1) ^ Math.imul(h2 + 1, 0x85ebca77)) >>> 0) & mask;
      const i2 = ((Math.imul(h2, 0xc2b2ae3d) + Math.imul(h1 + 7, 0x27d4eb2f)) >>> 0) & mask;
      bumpCounter(sketch.a, sketch.big, i1, i1, 1);
      bumpCounter(sketch.b, sketch.big, i2, size + i2, 1);
    }
    prev = f;
  }
}

// Texts from a small Vietnamese vocabulary, with the punctuation and spacing that decide breaks.
const syllable = fc.constantFrom(
  "Hà",
  "Nội",
  "hà",
  "nội",
  "HÀ",
  "hoà",
  "hòa",
  "Thủy",
  "thuỷ",
  "giá",
  "vàng",
  "ĐÀ",
  "đà",
  "Nẵng",
  "Jong-un",
  "6.300",
  "25/4/2025",
  "COVID-19",
  "x",
);
const gap = fc.constantFrom(" ", " ", " ", "  ", ", ", ". ", " - ", "-", "\n", "“", "” ", " (", ") ");
const text = fc.array(fc.tuple(syllable, gap), { maxLength: 40 }).map((parts) => parts.map(([w, g]) => w + g).join(""));

describe("PairSet", () => {
  it("holds exactly the pairs a Set of keys would, through growth and clears", () => {
    const pair = fc.tuple(fc.integer({ min: 0, max: 2 ** 21 - 1 }), fc.integer({ min: 0, max: 40 }));
    fc.assert(
      fc.property(fc.array(fc.array(pair, { maxLength: 3000 }), { maxLength: 4 }), (docs) => {
        const set = new PairSet();
        for (const doc of docs) {
          set.clear();
          const want = new Set<number>();
          for (const [x, y] of doc) {
            const key = x * 2 ** 21 + y;
            expect(set.add(x, y)).toBe(!want.has(key));
            want.add(key);
          }
          expect(set.size).toBe(want.size);
        }
      }),
      { numRuns: 30 },
    );
  });
});

describe("building a segment", () => {
  it("writes the stream tokenize gives: each token's term, a break where tokens do not join", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text), { minLength: 1, maxLength: 5 }), (docs) => {
        const articles = docs.map(([title, body], i) => testArticle({ id: `a${i}`, title, paragraphs: [body, title] }));
        const index = buildRankIndex(articles);
        articles.forEach((a, d) => {
          const want: string[] = [];
          for (const t of [a.title, ...a.paragraphs]) {
            const tokens = tokenize(t);
            tokens.forEach((tok, i) => {
              if (i === 0 || !joins(t, tokens[i - 1], tok)) want.push("|");
              want.push(tok.term);
            });
          }
          const got: string[] = [];
          for (let i = index.docStart[d]; i < index.docStart[d + 1]; i++) {
            const e = tokenAt(index.stream, i);
            got.push(e === BREAK ? "|" : index.exactTerm[e]);
          }
          expect(got).toEqual(want);
        });
      }),
      { numRuns: 60 },
    );
  });

  it("counts the pair sketch as the Set-based countPairs did, counters and their order", () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 6 }), (bodies) => {
        const index = buildRankIndex(bodies.map((b, i) => testArticle({ id: `a${i}`, title: b.slice(0, 20), paragraphs: [b, b] })));
        index.foldedHash = Uint32Array.from(index.foldedTerm, termHash);
        // 4 bits: counters collide and saturate into the map of big counts, whose order is saved.
        const fast = emptySketch(4);
        const slow = emptySketch(4);
        const seen = new PairSet();
        for (let d = 0; d < index.n; d++) {
          countPairs(fast, index, d, 1, seen);
          countPairsReference(slow, index, d);
        }
        expect(sketchArrays(fast)).toEqual(sketchArrays(slow));
        expect([...fast.big.keys()]).toEqual([...slow.big.keys()]);
      }),
      { numRuns: 60 },
    );
  });

  it("signs stories as the window-and-matchAll code did", () => {
    fc.assert(
      fc.property(text, (t) => {
        const out = new Uint16Array(STRIDE);
        writeSignature(t, out);
        expect(out).toEqual(signatureReference(t));
      }),
      { numRuns: 200 },
    );
  });
});
