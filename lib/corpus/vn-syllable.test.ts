import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isVietnameseSyllable, VN_SYLLABLE } from "@/lib/corpus/vn-syllable";

// The definition the scan replaces: its answer must be the same for any word.
const viaRegex = (w: string) => VN_SYLLABLE.test(w) && /^\p{Lu}\p{Ll}*$/u.test(w);

describe("isVietnameseSyllable", () => {
  it("answers as the regex on any word", () => {
    // Letters of syllables in both cases, letters that fold into them under /i (ſ, the Kelvin
    // sign), dotted and dotless i, a combining mark, an astral capital, digits and joiners.
    const letter = fc.constantFrom(..."nghcktrqupđĐaăâeêioôơuưyAĂÂÊÔƠƯYàÀễỄứỨỹỸxXfFwWzZjJſKİıß\u0301𝐀1-'".split(/(?:)/u));
    const word = fc.array(letter, { maxLength: 9 }).map((cs) => cs.join(""));
    const syllable = fc
      .tuple(
        fc.constantFrom("", "Ngh", "Ng", "Nh", "Gi", "Qu", "Tr", "B", "Đ", "K", "X"),
        fc.constantFrom("a", "oa", "uyê", "ươ", "iê", "ễ", "oai", "uyêu"),
        fc.constantFrom("", "ng", "nh", "ch", "c", "t", "m", "x"),
      )
      .map((parts) => parts.join(""));
    fc.assert(
      fc.property(fc.oneof(word, syllable), (w) => isVietnameseSyllable(w) === viaRegex(w)),
      { numRuns: 30000 },
    );
  });

  it("tells syllables from foreign words and acronyms", () => {
    for (const w of ["Nguyễn", "Anh", "Nghiêm", "Giang", "Quyết", "Đức", "Ư", "Khuyến"]) expect(isVietnameseSyllable(w)).toBe(true);
    for (const w of ["Trump", "Putin", "UBND", "nguyễn", "NguyễN", "Ronaldo", "Nguye\u0302\u0303n", ""]) expect(isVietnameseSyllable(w)).toBe(false);
  });
});
