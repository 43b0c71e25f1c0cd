import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { WORD } from "@/lib/text/analyzer";
import { hasSearchableText } from "@/lib/ui/searchable";

describe("hasSearchableText", () => {
  it("is false for punctuation, symbols and emoji alone", () => {
    for (const q of ["!!!", "🔥🔥", "- ? …", "“”", "$%^&*"]) expect(hasSearchableText(q), q).toBe(false);
  });

  it("is true for Vietnamese words, digits and codes", () => {
    for (const q of ["hòa bình", "đ", "2017", "U23!", "#MeToo"]) expect(hasSearchableText(q), q).toBe(true);
  });

  it("agrees with the analyzer's notion of a word", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 12 }), (q) => {
        expect(hasSearchableText(q)).toBe(new RegExp(WORD.source, "u").test(q));
      }),
    );
  });
});
