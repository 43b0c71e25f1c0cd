import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalTone } from "@/lib/text/tone";

describe("canonicalTone", () => {
  it.each([
    ["hòa", "hoà"],
    ["hoà", "hoà"],
    ["thủy", "thuỷ"],
    ["khỏe", "khoẻ"],
    ["úy", "uý"],
    ["họa", "hoạ"],
    ["khuỷu", "khuỷu"],
    ["ngòai", "ngoài"],
  ])("moves the tone of open oa/oe/uy: %s → %s", (input, out) => {
    expect(canonicalTone(input)).toBe(out);
  });

  it.each([
    ["hòang", "hoàng"],
    ["tóan", "toán"],
    ["quý", "quý"],
    ["qúy", "quý"],
    ["quá", "quá"],
    ["già", "già"],
    ["gì", "gì"],
    ["giường", "giường"],
    ["của", "của"],
    ["mùa", "mùa"],
    ["người", "người"],
    ["thuở", "thuở"],
    ["quốc", "quốc"],
    ["mía", "mía"],
  ])("keeps onsets qu/gi, codas and quality vowels in mind: %s → %s", (input, out) => {
    expect(canonicalTone(input)).toBe(out);
  });

  it("leaves foreign words and unmarked syllables alone", () => {
    for (const w of ["trump", "hoa", "strength", "café", "x", ""]) expect(canonicalTone(w)).toBe(w);
  });

  it("is idempotent and never throws", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const once = canonicalTone(s);
        expect(canonicalTone(once)).toBe(once);
      }),
    );
  });
});
