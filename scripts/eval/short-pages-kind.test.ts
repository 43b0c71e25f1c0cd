import { describe, expect, it } from "vitest";
import { whyShort, type ShortPage } from "./short-pages-kind";

const page = (over: Partial<ShortPage>): ShortPage => ({ shown: 0, full: 0, corrected: false, quoted: false, unquoted: 0, unknown: [], ...over });

describe("whyShort", () => {
  it("names a word the archive never uses first, even when a correction ran", () => {
    expect(whyShort(page({ unknown: ["xyzq"], corrected: true }))).toBe("a word the archive never uses");
  });
  it("reads a correction as a typo", () => {
    expect(whyShort(page({ corrected: true, full: 3, shown: 3 }))).toBe("corrected (a typo)");
  });
  it("blames the quote only when the words without it find more", () => {
    expect(whyShort(page({ quoted: true, unquoted: 7 }))).toBe("a quote the archive writes otherwise");
    expect(whyShort(page({ quoted: true, unquoted: 0 }))).toBe("no article holds every word");
  });
  it("tells no full match from a few", () => {
    expect(whyShort(page({ full: 0, shown: 2 }))).toBe("no article holds every word");
    expect(whyShort(page({ full: 2, shown: 2 }))).toBe("few articles hold every word");
  });
});
