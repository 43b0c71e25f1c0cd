// One reused zlib handle gives back what inflateRawSync gives, block after block, and fails as
// it fails on a broken block without spoiling the next one.
import { deflateRawSync, inflateRawSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RawInflater } from "@/lib/index/raw-inflater";

const DICTIONARY = Buffer.from("Hà Nội, thời tiết, giá vàng, bóng đá, ".repeat(40));

/** Text-like bytes: words from a small vocabulary (deflate finds repeats), or raw noise. */
const block = fc.oneof(
  fc.array(fc.constantFrom("hòa", "bình", "giá", "vàng", "Hà", "Nội", " ", ".", "\n", "😀"), { maxLength: 4000 }).map((xs) => Buffer.from(xs.join(""))),
  fc.uint8Array({ maxLength: 3000 }).map((a) => Buffer.from(a)),
);

describe("RawInflater", () => {
  it("reuses one native handle on this Node (else every block falls back to inflateRawSync)", () => {
    expect(new RawInflater(DICTIONARY).reusing).toBe(true);
    expect(new RawInflater(null).reusing).toBe(true);
  });

  it.each([
    ["with a preset dictionary", DICTIONARY],
    ["without one", null],
  ])("gives back each block as inflateRawSync does, one after another: %s", (_, dictionary) => {
    const options = dictionary ? { dictionary } : {};
    const inflater = new RawInflater(dictionary);
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 6 }), (blocks) => {
        for (const raw of blocks) {
          const packed = deflateRawSync(raw, options);
          const out = inflater.inflate(packed);
          expect(out.equals(raw)).toBe(true);
          expect(out.equals(inflateRawSync(packed, options))).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
    inflater.close();
  });

  it("inflates a block larger than its buffer (the buffer grows), then small ones again", () => {
    const inflater = new RawInflater(DICTIONARY);
    const big = Buffer.from("Thủ tướng, học sinh, giáo dục; ".repeat(8000));
    const small = Buffer.from("xổ số");
    for (const raw of [small, big, small, big]) expect(inflater.inflate(deflateRawSync(raw, { dictionary: DICTIONARY })).equals(raw)).toBe(true);
  });

  it("throws on a truncated or corrupt block as inflateRawSync does, and the next block still inflates", () => {
    const inflater = new RawInflater(DICTIONARY);
    const raw = Buffer.from("Tai nạn giao thông ở Hà Nội. ".repeat(50));
    const packed = deflateRawSync(raw, { dictionary: DICTIONARY });
    const truncated = packed.subarray(0, packed.length >> 1);
    const corrupt = Buffer.from(packed);
    corrupt[0] = 0xff;
    for (const broken of [truncated, corrupt]) {
      expect(() => inflateRawSync(broken, { dictionary: DICTIONARY })).toThrow();
      expect(() => inflater.inflate(broken)).toThrow();
      expect(inflater.inflate(packed).equals(raw)).toBe(true);
    }
  });

  it("inflates again after close (a closed store read again)", () => {
    const inflater = new RawInflater(null);
    const raw = Buffer.from("Putin");
    inflater.inflate(deflateRawSync(raw));
    inflater.close();
    expect(inflater.inflate(deflateRawSync(raw)).equals(raw)).toBe(true);
  });
});
